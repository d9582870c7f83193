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
use crate::state::AppState;
use crate::storage::filings::{self, Scope};
use crate::storage::StorageError;

/// Builds the JSON the filing template reads. Labels come from the same message table as
/// the pages, in both languages.
pub fn filing_data(f: &FilingDetail) -> serde_json::Value {
    let c = &f.content;
    let both = |m: Msg| (m.t(Lang::Ko), m.t(Lang::En));
    let field = |m: Msg, value: String| {
        let (ko, en) = both(m);
        json!({ "label_ko": ko, "label_en": en, "value": value })
    };
    let cause = both(Msg::from(c.cause_category));
    let stage = both(app::ui::show::stage_msg(f.stage));
    json!({
        "title_ko": "서비스 장애 신고서",
        "title_en": "Service outage report",
        "stage_ko": stage.0,
        "stage_en": stage.1,
        "reference": f.reference,
        "incident_reference": f.incident_reference,
        "org_ko": f.org.ko,
        "org_en": f.org.en,
        "submitted_kst": f.submitted_at.display_kst(),
        "submitted_utc": f.submitted_at.display_utc(),
        "submitted_by": f.submitted_by,
        "sha256": f.content_sha256,
        "fields": [
            field(Msg::Title, c.title.clone()),
            field(Msg::ServicesAffected, c.services_affected.join("\n")),
            field(Msg::Onset, format!("{} ({})", c.onset_at.display_kst(), c.onset_at.display_utc())),
            field(Msg::Detected, format!("{} ({})", c.detected_at.display_kst(), c.detected_at.display_utc())),
            field(Msg::Description, c.description.clone()),
            field(Msg::Cause, format!("{} / {} ({})", cause.0, cause.1, c.cause_category.code())),
            field(Msg::EmergencyMeasures, c.emergency_measures.clone()),
            field(Msg::UsersAffected, c.users_affected.to_string()),
        ],
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
    match state.pdf.render_filing(filing_data(&filing)).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (header::CONTENT_DISPOSITION, format!("inline; filename=\"{reference}.pdf\"")),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(filing = %reference, error = %e, "PDF render failed");
            error_response(&parts)
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
