//! The JSON the filing template (`report-templates/filing.typ`) reads: every answered
//! section of the field catalogue, labels in both languages.

use app::api::FilingDetail;
use app::i18n::Lang;
use serde_json::json;

/// A value as printed: Korean reading (KST) and, where it differs, the English one (UTC).
fn printed(c: &app::domain::report::Content, key: &str) -> String {
    use app::domain::zone::UserZone;
    let ko = c.display(key, UserZone::Seoul, Lang::Ko);
    let en = c.display(key, UserZone::Utc, Lang::En);
    if ko == en {
        ko
    } else {
        format!("{ko}\n{en}")
    }
}

/// Builds the JSON the filing template reads: every answered section of the field
/// catalogue, labels in both languages.
pub fn filing_data(f: &FilingDetail) -> serde_json::Value {
    use app::domain::report::schema::{cell_key, sections};
    let c = &f.content;
    let stage = app::ui::show::stage_msg(f.stage);
    let secs: Vec<serde_json::Value> = sections()
        .iter()
        .filter(|s| c.touches(s))
        .map(|s| {
            let fields: Vec<serde_json::Value> = s
                .fields
                .iter()
                .filter(|d| !c.get(d.key).is_empty())
                .map(|d| json!({ "label_ko": d.label.0, "label_en": d.label.1, "value": printed(c, d.key) }))
                .collect();
            let groups: Vec<serde_json::Value> = s
                .groups
                .iter()
                .filter(|g| c.rows(g) > 0)
                .map(|g| {
                    let rows: Vec<Vec<String>> = (0..c.rows(g))
                        .map(|r| g.columns.iter().map(|col| printed(c, &cell_key(g.key, r, col.key))).collect())
                        .collect();
                    let columns: Vec<serde_json::Value> =
                        g.columns.iter().map(|col| json!({ "ko": col.label.0, "en": col.label.1 })).collect();
                    json!({ "label_ko": g.label.0, "label_en": g.label.1, "columns": columns, "rows": rows })
                })
                .collect();
            json!({ "title_ko": s.title.0, "title_en": s.title.1, "fields": fields, "groups": groups })
        })
        .collect();
    let signatory = match &f.signatory_title {
        Some(t) if !t.is_empty() => format!("{} ({t})", f.submitted_by),
        _ => f.submitted_by.clone(),
    };
    json!({
        "title_ko": "서비스 장애 신고서",
        "title_en": "Service outage report",
        "stage_ko": stage.t(Lang::Ko),
        "stage_en": stage.t(Lang::En),
        "reference": f.reference,
        "incident_reference": f.incident_reference,
        "org_ko": f.org.ko,
        "org_en": f.org.en,
        "submitted_kst": f.submitted_at.display_kst(),
        "submitted_utc": f.submitted_at.display_utc(),
        "submitted_by": signatory,
        "drafted_by": f.drafted_by.clone().unwrap_or_default(),
        "sha256": f.content_sha256,
        "sections": secs,
    })
}
