//! The operator's form posts.

use app::api::FormEcho;
use app::domain::filing::InitialNotificationForm;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::render::{error_response, render_page, see_other, PostedForm};
use crate::state::AppState;
use crate::storage::{filings, now};

/// POST /filing/new: validate the initial notification; on success open the incident, file
/// it and show the confirmation; otherwise show the form again with every error.
pub async fn submit_initial(State(state): State<AppState>, form: PostedForm) -> Response {
    let Some(cap) =
        form.parts.extensions.get::<app::domain::auth::Caller>().and_then(|c| c.operator()).filter(|c| c.can_file())
    else {
        return super::forbidden(&form.parts);
    };
    let input = InitialNotificationForm {
        title: form.get("title"),
        services_affected: form.get("services_affected"),
        onset_at: form.get("onset_at"),
        detected_at: form.get("detected_at"),
        description: form.get("description"),
        cause_category: form.get("cause_category"),
        emergency_measures: form.get("emergency_measures"),
        users_affected: form.get("users_affected"),
    };
    let at = now();
    let notification = match input.validate_at(at) {
        Ok(n) => n,
        Err(errors) => {
            let echo = FormEcho { values: form.echo_values(), errors, problem: None };
            return render_page(&state, form.parts, echo, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    match filings::file_initial(&state.db, &cap, &notification, at).await {
        Ok(reference) => {
            tracing::info!(org.id = %cap.org(), filing = %reference, "initial notification filed");
            see_other(&format!("/filing/filings/{reference}?received=1"))
        }
        Err(e) => {
            tracing::error!(org.id = %cap.org(), error = %e, "filing failed");
            error_response(&form.parts)
        }
    }
}
