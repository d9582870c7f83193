//! The official notice of a measure as a PDF (`report-templates/decision.typ`), for the
//! ministry and for the organisation it is addressed to: the notice frozen when the measure
//! was issued.

use axum::extract::{Path, Request, State};
use axum::http::HeaderMap;

use super::error::{Answer, AppError};
use super::pdf::document_response;
use crate::pdf::documents::notice_document;
use crate::state::AppState;
use crate::storage::incidents::{self, View};
use crate::storage::measures;

super::routes::route_table! {
    get "/filing/incidents/{reference}/measures/{number}/pdf" => operator_decision, Operator;
    get "/review/incidents/{reference}/measures/{number}/pdf" => reviewer_decision, Reviewer;
}

async fn decision_response(
    state: &AppState,
    headers: &HeaderMap,
    view: View<'_>,
    reference: &str,
    number: i64,
) -> Answer {
    if !app::domain::ids::is_reference(reference) {
        return Err(AppError::NotFound);
    }
    let incident = incidents::find_in(&state.db, view, reference).await?;
    let list = measures::list(&state.db, &incident).await?;
    let measure = list.iter().find(|m| m.number == number).ok_or(AppError::NotFound)?;
    Ok(document_response(headers, notice_document(state, &incident, measure).await?))
}

/// GET /review/incidents/{ref}/measures/{n}/pdf — the ministry.
pub async fn reviewer_decision(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    req: Request,
) -> Answer {
    let cap = super::reviewer(req.extensions())?;
    decision_response(&state, req.headers(), View::Ministry(&cap), &reference, number).await
}

/// GET /filing/incidents/{ref}/measures/{n}/pdf — the organisation the measure is addressed to.
pub async fn operator_decision(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    req: Request,
) -> Answer {
    let cap = super::operator(req.extensions())?;
    decision_response(&state, req.headers(), View::Own(&cap), &reference, number).await
}
