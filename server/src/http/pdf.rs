//! The official PDF of a filing, for its organisation and for the ministry.

use app::api::FilingDetail;
use app::domain::auth::Caller;
use app::domain::ids::is_reference;
use app::i18n::{Lang, Msg};
use axum::extract::{Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::render::{error_response, message_page};
use crate::pdf::{RenderError, Template};
use crate::state::AppState;
use crate::storage::filings::{self, Scope};
use crate::storage::StorageError;

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

async fn pdf_response(state: &AppState, parts: Parts, scope: Option<Scope>, reference: &str) -> Response {
    let not_found = |parts: &Parts| message_page(parts, StatusCode::NOT_FOUND, Msg::NotFoundTitle, Msg::NotFoundBody);
    let Some(scope) = scope else { return super::forbidden(&parts) };
    if !is_reference(reference) {
        return not_found(&parts);
    }
    let filing = match filings::get(&state.db, scope, reference).await {
        Ok(f) => f,
        Err(StorageError::NotFound) => return not_found(&parts),
        Err(e) => {
            tracing::error!(filing = %reference, error = %e, "loading filing for PDF failed");
            return error_response(&parts);
        }
    };
    let rendered = state.pdf.render(Template::Filing, filing_data(&filing)).await;
    pdf_or_error(&parts, rendered, reference)
}

/// The rendered PDF as a confidential inline download, or the error page (logged).
pub(super) fn pdf_or_error(parts: &Parts, rendered: Result<Vec<u8>, RenderError>, name: &str) -> Response {
    match rendered {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (header::CONTENT_DISPOSITION, format!("inline; filename=\"{name}.pdf\"")),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            bytes,
        )
            .into_response(),
        Err(e @ (RenderError::TooManyPages(_) | RenderError::TimedOut)) => {
            tracing::warn!(document = %name, error = %e, "PDF over its budget");
            message_page(parts, StatusCode::SERVICE_UNAVAILABLE, Msg::ErrorTitle, Msg::PdfTooLarge)
        }
        Err(e) => {
            tracing::error!(document = %name, error = %e, "PDF render failed");
            error_response(parts)
        }
    }
}

/// GET /filing/filings/{reference}/pdf — the operator's own organisation only.
pub async fn operator_pdf(State(state): State<AppState>, Path(reference): Path<String>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    let scope = parts.extensions.get::<Caller>().and_then(|c| c.operator()).map(|cap| Scope::Org(cap.org()));
    pdf_response(&state, parts, scope, &reference).await
}

/// GET /review/filings/{reference}/pdf — ministry reviewers.
pub async fn reviewer_pdf(State(state): State<AppState>, Path(reference): Path<String>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    let scope = parts.extensions.get::<Caller>().and_then(|c| c.reviewer()).map(|_| Scope::All);
    pdf_response(&state, parts, scope, &reference).await
}
