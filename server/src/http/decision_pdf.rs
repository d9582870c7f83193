//! The official notice of a measure as a PDF (`report-templates/decision.typ`), for the
//! ministry and for the organisation it is addressed to.

use app::api::MeasureView;
use app::domain::auth::Caller;
use app::domain::ids::is_reference;
use app::domain::numbers::grouped;
use app::i18n::{Lang, Msg};
use axum::extract::{Path, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::pdf::pdf_or_error;
use super::render::{error_response, message_page};
use crate::pdf::Template;
use crate::state::AppState;
use crate::storage::incidents::{self, IncidentRecord, View};
use crate::storage::{measures, StorageError};

/// The JSON the decision template reads.
pub fn decision_data(incident: &IncidentRecord, m: &MeasureView) -> serde_json::Value {
    let (kind_ko, kind_en) = m.kind.label();
    let items: Vec<serde_json::Value> = m
        .items
        .iter()
        .map(|i| {
            let state = app::ui::case::item_msg(i.state);
            json!({ "number": i.number, "text": i.text, "state_ko": state.t(Lang::Ko), "state_en": state.t(Lang::En) })
        })
        .collect();
    let acknowledged = m.acknowledged.as_ref().map_or_else(
        || format!("{} / {}", Msg::NotAcknowledged.t(Lang::Ko), Msg::NotAcknowledged.t(Lang::En)),
        |s| format!("{} · {}", s.by, s.at.display_kst()),
    );
    json!({
        "reference": format!("{}-M{}", incident.reference, m.number),
        "incident_reference": incident.reference,
        "title": incident.title,
        "org_ko": incident.org.ko,
        "org_en": incident.org.en,
        "kind_ko": kind_ko,
        "kind_en": kind_en,
        "legal_basis": m.legal_basis,
        "content": m.content,
        "due_kst": m.due.display_kst(),
        "due_utc": m.due.display_utc(),
        "amount": m.amount_krw.map(|a| format!("{} 원 (KRW)", grouped(a.unsigned_abs()))).unwrap_or_default(),
        "issued_by": m.issued.by,
        "issued_kst": m.issued.at.display_kst(),
        "acknowledged": acknowledged,
        "items": items,
    })
}

async fn decision_response(state: &AppState, parts: Parts, view: View<'_>, reference: &str, number: i64) -> Response {
    let not_found = |parts: &Parts| message_page(parts, StatusCode::NOT_FOUND, Msg::NotFoundTitle, Msg::NotFoundBody);
    if !is_reference(reference) {
        return not_found(&parts);
    }
    let found = match incidents::find_in(&state.db, view, reference).await {
        Ok(incident) => measures::list(&state.db, incident.id).await.map(|list| (incident, list)),
        Err(e) => Err(e),
    };
    let (incident, list) = match found {
        Ok(x) => x,
        Err(StorageError::NotFound) => return not_found(&parts),
        Err(e) => {
            tracing::error!(incident = %reference, error = %e, "loading a measure for its PDF failed");
            return error_response(&parts);
        }
    };
    let Some(measure) = list.iter().find(|m| m.number == number) else { return not_found(&parts) };
    let data = decision_data(&incident, measure);
    let name = format!("{reference}-M{number}");
    pdf_or_error(&parts, state.pdf.render(Template::Decision, data).await, &name)
}

/// GET /review/incidents/{ref}/measures/{n}/pdf — the ministry.
pub async fn reviewer_decision(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    req: Request,
) -> Response {
    let (parts, _) = req.into_parts();
    let Some(cap) = parts.extensions.get::<Caller>().and_then(Caller::reviewer) else {
        return super::forbidden(&parts);
    };
    decision_response(&state, parts, View::Ministry(&cap), &reference, number).await
}

/// GET /filing/incidents/{ref}/measures/{n}/pdf — the organisation the measure is addressed to.
pub async fn operator_decision(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    req: Request,
) -> Response {
    let (parts, _) = req.into_parts();
    let Some(cap) = parts.extensions.get::<Caller>().and_then(Caller::operator) else {
        return super::forbidden(&parts);
    };
    decision_response(&state, parts, View::Own(cap.org()), &reference, number).await
}
