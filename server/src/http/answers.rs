//! The operator's side of a case: answering the ministry's requests (with an optional
//! evidence file), acknowledging measures and reporting required items done.

use app::domain::case::forms;
use app::domain::validation::{FieldError, FieldErrors};
use axum::extract::{Path, Request, State};
use tower_sessions::Session;

use super::error::{Answer, OrRefuse};
use super::evidence::{sniff, verified_upload};
use super::render::{scoped, see_other, suffixed, PostedForm};
use crate::state::AppState;
use crate::storage::attachments::{self, NewAttachment};
use crate::storage::{measures, requests, StorageError};

super::routes::route_table! {
    post "/filing/incidents/{reference}/requests/{number}" => answer, Filer, limit super::evidence::UPLOAD_LIMIT;
    post "/filing/incidents/{reference}/measures/{number}/acknowledge" => acknowledge, Filer;
    post "/filing/incidents/{reference}/items/{item}" => item_done, Filer;
}

fn incident_page(reference: &str) -> String {
    format!("/filing/incidents/{reference}")
}

/// POST /filing/incidents/{ref}/requests/{n} (multipart: `body_{n}`, optional `file_{n}`).
pub async fn answer(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    session: Session,
    req: Request,
) -> Answer {
    let (parts, body) = req.into_parts();
    let cap = super::filer(&parts.extensions)?;
    let up = verified_upload(&state, &session, &parts, body).await?;
    let incident = super::own_incident(&state, &cap, &reference).await?;
    let page = incident_page(&reference);
    let suffix = format!("_{number}");
    let plain = scoped(&up.fields, &suffix);
    let mut errors = forms::message(&plain).err().unwrap_or_default();
    let kind = sniff(&up.data, &up.file_name);
    if up.too_large {
        errors.add("file", FieldError::FileTooLarge);
    } else if !up.data.is_empty() && kind.is_none() {
        errors.add("file", FieldError::FileTypeNotAllowed);
    }
    let form = PostedForm { parts, fields: up.fields };
    if !errors.is_empty() {
        return Err(form.invalid(Some(&page), suffixed(errors, &suffix)));
    }
    let body = plain.get("body").map(|b| b.trim().to_string()).unwrap_or_default();
    let at = state.clock.now();
    if !requests::takes_messages(&state.db, &incident, number).await? {
        return Err(StorageError::RequestClosed).or_refuse(&form, &page);
    }
    let file_id = match kind.filter(|_| !up.data.is_empty()) {
        Some(content_type) => {
            let description = format!("자료제출 요청 {number} 답변 / Answer to request {number}");
            let file =
                NewAttachment { file_name: &up.file_name, content_type, description: &description, data: &up.data };
            match attachments::add(&state.db, &cap, &incident, file, at).await {
                Ok(id) => Some(id),
                Err(StorageError::AttachmentLimit) => {
                    let errors = FieldErrors::one("file", FieldError::TooManyFiles);
                    return Err(form.invalid(Some(&page), suffixed(errors, &suffix)));
                }
                Err(e) => return Err(e.into()),
            }
        }
        None => None,
    };
    let author = requests::Author::Operator(&cap, file_id.as_deref());
    requests::post(&state.db, author, &incident, number, &body, at).await.or_refuse(&form, &page)?;
    Ok(see_other(&format!("{page}#request-{number}")))
}

/// POST /filing/incidents/{ref}/measures/{n}/acknowledge
pub async fn acknowledge(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    form: PostedForm,
) -> Answer {
    // Acknowledging is a filer's act for the organisation (officers and signatories), like
    // answering requests; an organisation admin keeps the profile and the team only.
    let cap = super::filer(&form.parts.extensions)?;
    let incident = super::own_incident(&state, &cap, &reference).await?;
    let page = incident_page(&reference);
    measures::acknowledge(&state.db, &cap, &incident, number, state.clock.now()).await.or_refuse(&form, &page)?;
    Ok(see_other(&format!("{page}#measure-{number}")))
}

/// POST /filing/incidents/{ref}/items/{id}: report an item done (`note_{id}`).
pub async fn item_done(
    State(state): State<AppState>,
    Path((reference, item)): Path<(String, i64)>,
    form: PostedForm,
) -> Answer {
    let cap = super::filer(&form.parts.extensions)?;
    let incident = super::own_incident(&state, &cap, &reference).await?;
    let page = incident_page(&reference);
    let suffix = format!("_{item}");
    let note = forms::item_done(&scoped(&form.fields, &suffix))
        .map_err(|e| form.invalid(Some(&page), suffixed(e, &suffix)))?;
    measures::mark_done(&state.db, &cap, &incident, item, &note, state.clock.now()).await.or_refuse(&form, &page)?;
    Ok(see_other(&format!("{page}#item-{item}")))
}
