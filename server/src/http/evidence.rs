//! Evidence attachments: upload (multipart, with the anti-forgery token as a form field)
//! and download, both only within the caller's own organisation.

use std::collections::BTreeMap;

use app::api::FormProblem;
use app::domain::validation::{FieldError, FieldErrors};
use axum::body::Body;
use axum::extract::{Multipart, Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use tower_sessions::Session;

use super::error::{Answer, AppError};
use super::render::{see_other, PostedForm};
use crate::auth::csrf;
use crate::state::AppState;
use crate::storage::attachments::{self, NewAttachment};
use crate::storage::{incidents, StorageError};

super::routes::route_table! {
    post "/filing/incidents/{reference}/attachments" => upload, Filer, limit UPLOAD_LIMIT;
    get "/filing/incidents/{reference}/attachments/{id}" => download, Operator;
    get "/review/incidents/{reference}/attachments/{id}" => review_download, Reviewer;
}

/// Largest file accepted.
pub const MAX_BYTES: usize = app::pages::evidence::MAX_ATTACHMENT_BYTES;

/// Largest multipart body: one evidence file and its fields.
pub const UPLOAD_LIMIT: usize = MAX_BYTES + 64 * 1024;

/// The kinds of file accepted, recognised by their first bytes (never by the name or the
/// type the browser claims): PDF, PNG, JPEG, and UTF-8 text (plain or CSV).
pub fn sniff(data: &[u8], file_name: &str) -> Option<&'static str> {
    let lower = file_name.to_ascii_lowercase();
    if data.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if std::str::from_utf8(data).is_ok() && !data.contains(&0) {
        Some(if lower.ends_with(".csv") { "text/csv; charset=utf-8" } else { "text/plain; charset=utf-8" })
    } else {
        None
    }
}

/// A safe download name: path parts, quotes and control characters removed.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base.chars().filter(|c| !c.is_control() && !matches!(c, '"' | ';')).take(200).collect();
    if cleaned.trim().is_empty() {
        "evidence".to_string()
    } else {
        cleaned.trim().to_string()
    }
}

/// A multipart form: its text fields and its one file (field `file`).
pub(crate) struct Upload {
    pub fields: BTreeMap<String, String>,
    pub file_name: String,
    pub data: Vec<u8>,
    pub too_large: bool,
}

pub(crate) async fn read_upload(mut multipart: Multipart) -> Result<Upload, axum::extract::multipart::MultipartError> {
    let mut up = Upload { fields: BTreeMap::new(), file_name: String::new(), data: Vec::new(), too_large: false };
    while let Some(mut field) = multipart.next_field().await? {
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            up.file_name = clean_file_name(field.file_name().unwrap_or(""));
            while let Some(chunk) = field.chunk().await? {
                if up.data.len() + chunk.len() > MAX_BYTES {
                    up.too_large = true;
                    up.data.clear();
                    break;
                }
                up.data.extend_from_slice(&chunk);
            }
        } else {
            let text = field.text().await?;
            // one more than the longest answer, so an over-long one is reported, not cut
            up.fields.insert(name, text.chars().take(app::domain::case::forms::MAX_TEXT + 1).collect());
        }
    }
    Ok(up)
}

/// Reads a multipart post and checks its anti-forgery token (a form field, as multipart
/// bodies are not read by [`super::render::PostedForm`]).
pub(super) async fn verified_upload(
    state: &AppState,
    session: &Session,
    parts: &axum::http::request::Parts,
    body: Body,
) -> Result<Upload, AppError> {
    use axum::extract::FromRequest;
    let bad = || AppError::Refused(StatusCode::BAD_REQUEST, app::i18n::Msg::ErrorBody);
    let multipart =
        Multipart::from_request(Request::from_parts(parts.clone(), body), state).await.map_err(|_| bad())?;
    let up = read_upload(multipart).await.map_err(|e| {
        tracing::warn!(error = %e, "unreadable upload");
        bad()
    })?;
    if !csrf::verify(session, &up.fields).await {
        let form = PostedForm { parts: parts.clone(), fields: up.fields };
        return Err(form.refuse(None, FormProblem::FormExpired, StatusCode::FORBIDDEN));
    }
    Ok(up)
}

/// The kind of an evidence upload's file, or what is wrong with the file and its description.
pub(crate) fn check_evidence(up: &Upload) -> Result<&'static str, FieldErrors> {
    let description = up.fields.get("description").map(|d| d.trim()).unwrap_or_default();
    let mut errors = FieldErrors::default();
    let kind = sniff(&up.data, &up.file_name);
    if up.too_large {
        errors.add("file", FieldError::FileTooLarge);
    } else if up.data.is_empty() {
        errors.add("file", FieldError::Required);
    } else if kind.is_none() {
        errors.add("file", FieldError::FileTypeNotAllowed);
    }
    match description.chars().count() {
        0 => errors.add("description", FieldError::Required),
        n if n > 200 => errors.add("description", FieldError::too_long(200, n)),
        _ => {}
    }
    kind.filter(|_| errors.is_empty()).ok_or(errors)
}

/// POST /filing/incidents/{ref}/attachments (multipart: `file`, `description`).
pub async fn upload(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    session: Session,
    req: Request,
) -> Answer {
    let (parts, body) = req.into_parts();
    let cap = super::filer(&parts.extensions)?;
    let page = format!("/filing/incidents/{reference}");
    let up = verified_upload(&state, &session, &parts, body).await?;
    let incident = super::own_incident(&state, &cap, &reference).await?;
    let description = up.fields.get("description").map(|d| d.trim().to_string()).unwrap_or_default();
    let form = PostedForm { parts, fields: [("description".to_string(), description.clone())].into_iter().collect() };
    let content_type = check_evidence(&up).map_err(|errors| form.invalid(Some(&page), errors))?;
    let file = NewAttachment { file_name: &up.file_name, content_type, description: &description, data: &up.data };
    match attachments::add(&state.db, &cap, &incident, file, state.clock.now()).await {
        Ok(_) => Ok(see_other(&format!("{page}#evidence-title"))),
        Err(StorageError::AttachmentLimit) => {
            Err(form.invalid(Some(&page), FieldErrors::one("file", FieldError::TooManyFiles)))
        }
        Err(e) => Err(e.into()),
    }
}

/// GET /filing/incidents/{ref}/attachments/{id}: the organisation's own evidence.
pub async fn download(
    State(state): State<AppState>,
    Path((reference, id)): Path<(String, String)>,
    req: Request,
) -> Answer {
    let cap = super::operator(req.extensions())?;
    serve(&state, incidents::View::Own(&cap), &reference, &id).await
}

/// GET /review/incidents/{ref}/attachments/{id}: evidence of a filed incident.
pub async fn review_download(
    State(state): State<AppState>,
    Path((reference, id)): Path<(String, String)>,
    req: Request,
) -> Answer {
    let cap = super::reviewer(req.extensions())?;
    serve(&state, incidents::View::Ministry(&cap), &reference, &id).await
}

/// The stored bytes as a download that never runs in the site's origin.
async fn serve(state: &AppState, view: incidents::View<'_>, reference: &str, id: &str) -> Answer {
    if !app::domain::ids::is_reference(reference) {
        return Err(AppError::NotFound);
    }
    let incident = incidents::find_in(&state.db, view, reference).await?;
    let (meta, data) = attachments::get(&state.db, &incident, id).await?;
    let mut resp = Response::new(Body::from(data));
    let headers = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&meta.content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    headers.insert(header::CONTENT_DISPOSITION, super::content_disposition("attachment", &meta.file_name, "evidence"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
    Ok(resp)
}

#[cfg(test)]
#[path = "evidence_test.rs"]
mod tests;
