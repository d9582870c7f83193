//! The ministry's form posts.

use app::api::{FormEcho, FormProblem};
use app::domain::auth::Caller;
use app::domain::ids::is_reference;
use app::domain::publication::PublicSummaryForm;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::render::{error_response, render_page, see_other, PostedForm};
use crate::state::AppState;
use crate::storage::{now, publications, StorageError};

/// POST /review/filings/{reference}: publish the public summary of the filing's incident.
pub async fn publish(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Response {
    let Some(cap) = form.parts.extensions.get::<Caller>().and_then(|c| c.reviewer()) else {
        return super::forbidden(&form.parts);
    };
    if !is_reference(&reference) {
        return super::not_found(&state, form.parts).await;
    }
    let input = PublicSummaryForm {
        headline_ko: form.get("headline_ko"),
        headline_en: form.get("headline_en"),
        summary_ko: form.get("summary_ko"),
        summary_en: form.get("summary_en"),
    };
    let summary = match input.validate_summary() {
        Ok(s) => s,
        Err(errors) => {
            let echo = FormEcho { values: form.echo_values(), errors, problem: None };
            return render_page(&state, form.parts, echo, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    match publications::publish(&state.db, &cap, &reference, &summary, now()).await {
        Ok(incident) => {
            tracing::info!(filing = %reference, incident = %incident, "summary published");
            see_other(&format!("/incidents/{incident}"))
        }
        Err(StorageError::NotFound) => super::not_found(&state, form.parts).await,
        Err(StorageError::Conflict(_)) => {
            let echo = FormEcho {
                values: form.echo_values(),
                errors: Default::default(),
                problem: Some(FormProblem::AlreadyPublished),
            };
            render_page(&state, form.parts, echo, StatusCode::CONFLICT).await
        }
        Err(e) => {
            tracing::error!(filing = %reference, error = %e, "publishing failed");
            error_response(&form.parts)
        }
    }
}
