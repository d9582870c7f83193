//! The operator's side of a case: answering the ministry's requests (with an optional
//! evidence file), acknowledging measures and reporting required items done.

use app::api::FormEcho;
use app::domain::auth::{Caller, OperatorCap};
use app::domain::case::forms;
use app::domain::ids::is_reference;
use app::domain::validation::{FieldError, FieldErrors};
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use tower_sessions::Session;

use super::evidence::{sniff, verified_upload};
use super::render::{error_response, render_at, scoped, see_other, suffixed, PostedForm};
use crate::auth::csrf;
use crate::state::AppState;
use crate::storage::attachments::{self, NewAttachment};
use crate::storage::incidents::{self, IncidentRecord};
use crate::storage::{measures, requests, StorageError};

fn incident_page(reference: &str) -> String {
    format!("/filing/incidents/{reference}")
}

/// The operator's own incident, or the response refusing the post.
async fn own_incident(
    state: &AppState,
    parts: &axum::http::request::Parts,
    cap: &OperatorCap,
    reference: &str,
) -> Result<IncidentRecord, Response> {
    if !is_reference(reference) {
        return Err(super::not_found(state, parts.clone()).await);
    }
    match incidents::find(&state.db, cap.org(), reference).await {
        Ok(i) => Ok(i),
        Err(StorageError::NotFound) => Err(super::not_found(state, parts.clone()).await),
        Err(e) => {
            tracing::error!(error = %e, "finding the incident failed");
            Err(error_response(parts))
        }
    }
}

/// Answering and reporting done are for the people who file (officers, signatories).
fn filer(parts: &axum::http::request::Parts) -> Option<OperatorCap> {
    parts.extensions.get::<Caller>().and_then(Caller::operator).filter(OperatorCap::can_file)
}

async fn done(
    state: &AppState,
    parts: axum::http::request::Parts,
    values: std::collections::BTreeMap<String, String>,
    result: Result<(), StorageError>,
    page: &str,
    to: &str,
) -> Response {
    match result {
        Ok(()) => see_other(to),
        Err(StorageError::NotFound) => super::not_found(state, parts).await,
        Err(StorageError::Conflict(_)) => {
            let echo = FormEcho {
                values,
                errors: FieldErrors::default(),
                problem: Some(app::api::FormProblem::CaseStateChanged),
            };
            render_at(state, parts, page, echo, StatusCode::CONFLICT).await
        }
        Err(e) => {
            tracing::error!(error = %e, "case answer failed");
            error_response(&parts)
        }
    }
}

/// POST /filing/incidents/{ref}/requests/{n} (multipart: `body_{n}`, optional `file_{n}`).
pub async fn answer(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    session: Session,
    req: Request,
) -> Response {
    let (parts, body) = req.into_parts();
    let Some(cap) = filer(&parts) else { return super::forbidden(&parts) };
    let up = match verified_upload(&state, &session, &parts, body).await {
        Ok(u) => u,
        Err(refusal) => return refusal,
    };
    let incident = match own_incident(&state, &parts, &cap, &reference).await {
        Ok(i) => i,
        Err(r) => return r,
    };
    let page = incident_page(&reference);
    let suffix = format!("_{number}");
    let plain = scoped(&up.fields, &suffix);
    let mut errors = match forms::message(&plain) {
        Ok(_) => FieldErrors::default(),
        Err(e) => e,
    };
    let kind = sniff(&up.data, &up.file_name);
    if up.too_large {
        errors.add("file", FieldError::FileTooLarge);
    } else if !up.data.is_empty() && kind.is_none() {
        errors.add("file", FieldError::FileTypeNotAllowed);
    }
    let values: std::collections::BTreeMap<String, String> =
        up.fields.iter().filter(|(k, _)| *k != csrf::FIELD).map(|(k, v)| (k.clone(), v.clone())).collect();
    if !errors.is_empty() {
        let echo = FormEcho { values, errors: suffixed(errors, &suffix), problem: None };
        return render_at(&state, parts, &page, echo, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let body = plain.get("body").map(|b| b.trim().to_string()).unwrap_or_default();
    let at = state.clock.now();
    match requests::takes_messages(&state.db, &incident, number).await {
        Ok(true) => {}
        Ok(false) => {
            let closed = Err(StorageError::Conflict("request closed"));
            return done(&state, parts, values, closed, &page, &page).await;
        }
        Err(e) => return done(&state, parts, values, Err(e), &page, &page).await,
    }
    let file_id = match kind.filter(|_| !up.data.is_empty()) {
        Some(content_type) => {
            let description = format!("자료제출 요청 {number} 답변 / Answer to request {number}");
            let file =
                NewAttachment { file_name: &up.file_name, content_type, description: &description, data: &up.data };
            match attachments::add(&state.db, &cap, &incident, file, at).await {
                Ok(id) => Some(id),
                Err(StorageError::AttachmentLimit) => {
                    let mut errors = FieldErrors::default();
                    errors.add("file", FieldError::TooManyFiles);
                    let echo = FormEcho { values, errors: suffixed(errors, &suffix), problem: None };
                    return render_at(&state, parts, &page, echo, StatusCode::UNPROCESSABLE_ENTITY).await;
                }
                Err(e) => {
                    tracing::error!(error = %e, "storing an answer's file failed");
                    return error_response(&parts);
                }
            }
        }
        None => None,
    };
    let author = requests::Author::Operator(&cap, file_id.as_deref());
    let result = requests::post(&state.db, author, &incident, number, &body, at).await;
    done(&state, parts, values, result, &page, &format!("{page}#request-{number}")).await
}

/// POST /filing/incidents/{ref}/measures/{n}/acknowledge
pub async fn acknowledge(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    form: PostedForm,
) -> Response {
    // Acknowledging is a filer's act for the organisation (officers and signatories), like
    // answering requests; an organisation admin keeps the profile and the team only.
    let Some(cap) = filer(&form.parts) else { return super::forbidden(&form.parts) };
    let incident = match own_incident(&state, &form.parts, &cap, &reference).await {
        Ok(i) => i,
        Err(r) => return r,
    };
    let result = measures::acknowledge(&state.db, &cap, &incident, number, state.clock.now()).await;
    let page = incident_page(&reference);
    let to = format!("{page}#measure-{number}");
    done(&state, form.parts, Default::default(), result, &page, &to).await
}

/// POST /filing/incidents/{ref}/items/{id}: report an item done (`note_{id}`).
pub async fn item_done(
    State(state): State<AppState>,
    Path((reference, item)): Path<(String, i64)>,
    form: PostedForm,
) -> Response {
    let Some(cap) = filer(&form.parts) else { return super::forbidden(&form.parts) };
    let incident = match own_incident(&state, &form.parts, &cap, &reference).await {
        Ok(i) => i,
        Err(r) => return r,
    };
    let page = incident_page(&reference);
    let suffix = format!("_{item}");
    let plain = scoped(&form.fields, &suffix);
    let note = match forms::item_done(&plain) {
        Ok(n) => n,
        Err(e) => {
            let echo = FormEcho { values: form.echo_values(), errors: suffixed(e, &suffix), problem: None };
            return render_at(&state, form.parts, &page, echo, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let result = measures::mark_done(&state.db, &cap, &incident, item, &note, state.clock.now()).await;
    let values = form.echo_values();
    done(&state, form.parts, values, result, &page, &format!("{page}#item-{item}")).await
}
