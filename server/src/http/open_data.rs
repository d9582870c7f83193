//! The open data files (issue #14): every published incident, measure and commitment (a
//! measure's item), as CSV and JSON, with one JSON Schema generated from the record types
//! themselves (so the schema cannot drift from the files). Stable identifiers are the
//! incident references; instants are RFC 3339 UTC.

use app::api::PublicIncidentRow;
use schemars::JsonSchema;
use serde::Serialize;

use super::error::AppError;
use crate::state::AppState;
use crate::storage::public_reads;
use crate::storage::publications::PublicReader;

/// Which file is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenFile {
    Csv(Dataset),
    Json(Dataset),
    Schema,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dataset {
    Incidents,
    Measures,
    Commitments,
}

impl OpenFile {
    pub fn parse(file: &str) -> Option<OpenFile> {
        if file == "schema.json" {
            return Some(OpenFile::Schema);
        }
        let (name, ext) = file.rsplit_once('.')?;
        let set = match name {
            "incidents" => Dataset::Incidents,
            "measures" => Dataset::Measures,
            "commitments" => Dataset::Commitments,
            _ => return None,
        };
        match ext {
            "csv" => Some(OpenFile::Csv(set)),
            "json" => Some(OpenFile::Json(set)),
            _ => None,
        }
    }
}

/// One published incident.
#[derive(Serialize, JsonSchema)]
pub struct OpenIncident {
    /// The incident's stable reference (`OD-2026-000001`).
    pub reference: String,
    pub url: String,
    pub operator: String,
    pub operator_ko: String,
    pub operator_en: String,
    pub headline_ko: String,
    pub headline_en: String,
    /// Onset, RFC 3339 UTC (empty if the filing gave none).
    pub onset_at: Option<String>,
    /// Minutes from onset to restoration (empty until restored).
    pub duration_minutes: Option<i64>,
    pub users_affected: Option<i64>,
    /// Users affected × minutes.
    pub user_minutes: Option<i64>,
    /// Cause category code (SYSTEM_FAILURE, EXTERNAL_EVENT…).
    pub cause_category: String,
    /// Services affected, one per entry.
    pub services: Vec<String>,
    /// Where the published commitments stand: none, open, overdue, done, verified.
    pub commitments: String,
    pub published_at: String,
    /// The last publication or correction.
    pub updated_at: String,
}

/// One published measure.
#[derive(Serialize, JsonSchema)]
pub struct OpenMeasure {
    pub reference: String,
    /// The measure's position among the incident's published measures, from 1.
    pub measure: u32,
    /// guidance, corrective_order, correction_request, administrative_fine, penalty_surcharge.
    pub kind: String,
    pub legal_basis: String,
    pub content: String,
    pub due_at: String,
    pub amount_krw: Option<i64>,
    /// none, open, overdue, done, verified.
    pub status: String,
}

/// One commitment: an item of a published measure.
#[derive(Serialize, JsonSchema)]
pub struct OpenCommitment {
    pub reference: String,
    pub measure: u32,
    /// The item's position in its measure, from 1.
    pub item: u32,
    pub text: String,
    /// required, done, accepted, rejected, waived.
    pub state: String,
}

/// The JSON Schema of the three datasets.
pub fn schema() -> serde_json::Value {
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Outage Desk open data",
        "description": "Published service-outage incidents, measures and commitments. Licence: KOGL Type 1 (attribution).",
        "type": "object",
        "properties": {
            "incidents": { "type": "array", "items": schemars::schema_for!(OpenIncident) },
            "measures": { "type": "array", "items": schemars::schema_for!(OpenMeasure) },
            "commitments": { "type": "array", "items": schemars::schema_for!(OpenCommitment) },
        },
    })
}

fn rfc3339(t: app::domain::timestamp::Timestamp) -> String {
    t.to_utc_string()
}

fn incident(r: &PublicIncidentRow, base: &str) -> OpenIncident {
    OpenIncident {
        reference: r.reference.clone(),
        url: format!("{base}/incidents/{}", r.reference),
        operator: r.org_slug.clone(),
        operator_ko: r.org.ko.clone(),
        operator_en: r.org.en.clone(),
        headline_ko: r.headline.ko.clone(),
        headline_en: r.headline.en.clone(),
        onset_at: r.onset_at.map(rfc3339),
        duration_minutes: r.duration_min,
        users_affected: r.users_affected,
        user_minutes: r.user_minutes,
        cause_category: r.cause.clone(),
        services: r.services.clone(),
        commitments: r.commitments.as_str().to_string(),
        published_at: rfc3339(r.published_at),
        updated_at: rfc3339(r.updated_at),
    }
}

/// Neutralises a cell a spreadsheet would run as a formula (`= + - @`, tab, carriage return
/// first): prefixed with `'`, so the text shows as typed.
pub fn neutral(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// Rows as CSV with a UTF-8 byte-order mark (spreadsheets then read Hangul right).
fn csv_of(header: &[&str], rows: Vec<Vec<String>>) -> Result<Vec<u8>, AppError> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    w.write_record(header).map_err(AppError::internal)?;
    for row in rows {
        w.write_record(row.iter().map(|c| neutral(c))).map_err(AppError::internal)?;
    }
    w.into_inner().map_err(|e| AppError::internal(std::io::Error::other(e.to_string())))
}

fn opt(v: Option<i64>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

/// The body and content type of `file`.
pub async fn render(state: &AppState, file: OpenFile) -> Result<(Vec<u8>, &'static str), AppError> {
    let base = state.config.public_base_url.trim_end_matches('/').to_string();
    let now = state.clock.now();
    let set = match file {
        OpenFile::Schema => return Ok((schema().to_string().into_bytes(), "application/schema+json")),
        OpenFile::Csv(s) | OpenFile::Json(s) => s,
    };
    let json = matches!(file, OpenFile::Json(_));
    let measures = || async { public_reads::all_measures(&state.db, &PublicReader).await };
    match set {
        Dataset::Incidents => {
            let rows: Vec<OpenIncident> =
                public_reads::all(&state.db, &PublicReader, now).await?.iter().map(|r| incident(r, &base)).collect();
            if json {
                return Ok((serde_json::to_vec(&rows).map_err(AppError::internal)?, "application/json"));
            }
            let header = [
                "reference",
                "url",
                "operator",
                "operator_ko",
                "operator_en",
                "headline_ko",
                "headline_en",
                "onset_at",
                "duration_minutes",
                "users_affected",
                "user_minutes",
                "cause_category",
                "services",
                "commitments",
                "published_at",
                "updated_at",
            ];
            let cells = rows
                .into_iter()
                .map(|r| {
                    vec![
                        r.reference,
                        r.url,
                        r.operator,
                        r.operator_ko,
                        r.operator_en,
                        r.headline_ko,
                        r.headline_en,
                        r.onset_at.unwrap_or_default(),
                        opt(r.duration_minutes),
                        opt(r.users_affected),
                        opt(r.user_minutes),
                        r.cause_category,
                        r.services.join("; "),
                        r.commitments,
                        r.published_at,
                        r.updated_at,
                    ]
                })
                .collect();
            Ok((csv_of(&header, cells)?, "text/csv; charset=utf-8"))
        }
        Dataset::Measures => {
            let mut rows = Vec::new();
            for (reference, _, list) in measures().await? {
                for (i, m) in list.iter().enumerate() {
                    let items: Vec<_> = m.items.iter().map(|(_, s)| *s).collect();
                    rows.push(OpenMeasure {
                        reference: reference.clone(),
                        measure: u32::try_from(i + 1).unwrap_or(u32::MAX),
                        kind: m.kind.as_str().to_string(),
                        legal_basis: m.legal_basis.clone(),
                        content: m.content.clone(),
                        due_at: rfc3339(m.due),
                        amount_krw: m.amount_krw,
                        status: app::domain::public::measure_status(m.due, &items, now).as_str().to_string(),
                    });
                }
            }
            if json {
                return Ok((serde_json::to_vec(&rows).map_err(AppError::internal)?, "application/json"));
            }
            let header = ["reference", "measure", "kind", "legal_basis", "content", "due_at", "amount_krw", "status"];
            let cells = rows
                .into_iter()
                .map(|m| {
                    vec![
                        m.reference,
                        m.measure.to_string(),
                        m.kind,
                        m.legal_basis,
                        m.content,
                        m.due_at,
                        opt(m.amount_krw),
                        m.status,
                    ]
                })
                .collect();
            Ok((csv_of(&header, cells)?, "text/csv; charset=utf-8"))
        }
        Dataset::Commitments => {
            let mut rows = Vec::new();
            for (reference, _, list) in measures().await? {
                for (i, m) in list.iter().enumerate() {
                    for (j, (text, state)) in m.items.iter().enumerate() {
                        rows.push(OpenCommitment {
                            reference: reference.clone(),
                            measure: u32::try_from(i + 1).unwrap_or(u32::MAX),
                            item: u32::try_from(j + 1).unwrap_or(u32::MAX),
                            text: text.clone(),
                            state: state.as_str().to_string(),
                        });
                    }
                }
            }
            if json {
                return Ok((serde_json::to_vec(&rows).map_err(AppError::internal)?, "application/json"));
            }
            let header = ["reference", "measure", "item", "text", "state"];
            let cells = rows
                .into_iter()
                .map(|c| vec![c.reference, c.measure.to_string(), c.item.to_string(), c.text, c.state])
                .collect();
            Ok((csv_of(&header, cells)?, "text/csv; charset=utf-8"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_text_is_kept() {
        assert_eq!(neutral("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(neutral("+1"), "'+1");
        assert_eq!(neutral("-2"), "'-2");
        assert_eq!(neutral("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutral("\tx"), "'\tx");
        assert_eq!(neutral("판교톡 = 메신저"), "판교톡 = 메신저");
        assert_eq!(neutral(""), "");
    }

    #[test]
    fn files_are_named_by_dataset_and_format() {
        assert_eq!(OpenFile::parse("incidents.csv"), Some(OpenFile::Csv(Dataset::Incidents)));
        assert_eq!(OpenFile::parse("commitments.json"), Some(OpenFile::Json(Dataset::Commitments)));
        assert_eq!(OpenFile::parse("schema.json"), Some(OpenFile::Schema));
        assert_eq!(OpenFile::parse("incidents.xlsx"), None);
        assert_eq!(OpenFile::parse("../etc/passwd"), None);
    }

    #[test]
    fn csv_starts_with_a_byte_order_mark_and_quotes_what_needs_it() {
        let bytes = csv_of(&["a", "b"], vec![vec!["=1+1".into(), "x, \"y\"".into()]]).unwrap_or_default();
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = String::from_utf8_lossy(&bytes[3..]).to_string();
        assert_eq!(text, "a,b\n'=1+1,\"x, \"\"y\"\"\"\n");
    }

    #[test]
    fn the_schema_describes_each_dataset() {
        let s = schema();
        for set in ["incidents", "measures", "commitments"] {
            assert!(s["properties"][set]["items"]["properties"].is_object(), "{set}: {s}");
        }
        assert!(s["properties"]["incidents"]["items"]["properties"]["reference"].is_object());
    }

    #[test]
    fn the_data_dictionary_names_every_field_of_the_schema_and_no_other() {
        let s = schema();
        for (set, _, _, fields) in app::domain::public::dictionary::DATASETS {
            let mut documented: Vec<&str> = fields.iter().map(|f| f.0).collect();
            documented.sort_unstable();
            let mut published: Vec<String> = s["properties"][*set]["items"]["properties"]
                .as_object()
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default();
            published.sort();
            assert_eq!(documented, published, "{set}");
        }
    }
}
