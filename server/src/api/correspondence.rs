//! Evidence files and the operator's side of the ministry's case through the API: upload and
//! list evidence, read and answer requests for information, acknowledge measures, report
//! required items done. The same checks and storage operations as the incident page's forms.

use app::api::ports::Desks;
use app::domain::case::forms;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};

use super::auth::ApiCaller;
use super::extract::{desk, own_incident, ApiJson, IDEMPOTENCY};
use super::model::{EvidenceOut, MeasureOut, RequestOut};
use super::problem::{ApiError, ApiResult, Problem};
use super::requests::{AnswerIn, ItemDoneIn};
use crate::http::evidence::{check_evidence, read_upload};
use crate::state::AppState;
use crate::storage::attachments::{self, NewAttachment};
use crate::storage::{measures, requests, StorageError};

fn values(pairs: &[(&str, &str)]) -> forms::Values {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// The incident's evidence files.
#[utoipa::path(get, path = "/incidents/{reference}/evidence", tag = "evidence",
    params(("reference" = String, Path)), security(("token" = ["read"])),
    responses((status = 200, body = Vec<EvidenceOut>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 429, body = Problem)))]
pub async fn list_evidence(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(reference): Path<String>,
) -> ApiResult<Json<Vec<EvidenceOut>>> {
    let cap = api.reader(&state).await?;
    let incident = own_incident(&state, &cap, &reference).await?;
    let files = attachments::list(&state.db, &incident).await?;
    Ok(Json(files.iter().map(Into::into).collect()))
}

/// The multipart form of an evidence upload (for the document only): these two parts and no
/// others.
#[derive(utoipa::ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct EvidenceUpload {
    /// PDF, PNG, JPEG or UTF-8 text/CSV, recognised by its first bytes; at most 20 MB.
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: String,
    /// What the file shows (1–200 characters).
    #[schema(min_length = 1, max_length = 200)]
    description: String,
}

/// Attaches an evidence file (multipart: `file`, `description`).
#[utoipa::path(post, path = "/incidents/{reference}/evidence", tag = "evidence",
    request_body(content = EvidenceUpload, content_type = "multipart/form-data"),
    params(("reference" = String, Path), ("Idempotency-Key" = String, Header, description = IDEMPOTENCY, pattern = "^[!-~]{1,255}$")),
    security(("token" = ["file"])),
    responses((status = 201, body = EvidenceOut), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 413, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
pub async fn upload_evidence(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(reference): Path<String>,
    req: Request,
) -> ApiResult<Response> {
    let cap = api.filer(&state).await?;
    let unreadable = |detail: String| ApiError::BadRequest { kind: "invalid_body", detail };
    let multipart = Multipart::from_request(req, &state).await.map_err(|e| unreadable(e.body_text()))?;
    let up = read_upload(multipart).await.map_err(|e| unreadable(e.body_text()))?;
    let incident = own_incident(&state, &cap, &reference).await?;
    let content_type = check_evidence(&up).map_err(|errors| ApiError::Invalid { prefix: String::new(), errors })?;
    let description = up.fields.get("description").map(|d| d.trim().to_string()).unwrap_or_default();
    let file = NewAttachment { file_name: &up.file_name, content_type, description: &description, data: &up.data };
    let id = attachments::add(&state.db, &cap, &incident, file, state.clock.now()).await?;
    let files = attachments::list(&state.db, &incident).await?;
    let row = files.iter().find(|f| f.id == id).ok_or(ApiError::from(StorageError::NotFound))?;
    Ok((StatusCode::CREATED, Json(EvidenceOut::from(row))).into_response())
}

/// The ministry's requests for information on the incident, with their threads.
#[utoipa::path(get, path = "/incidents/{reference}/requests", tag = "correspondence",
    params(("reference" = String, Path)), security(("token" = ["read"])),
    responses((status = 200, body = Vec<RequestOut>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 429, body = Problem)))]
pub async fn list_requests(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(reference): Path<String>,
) -> ApiResult<Json<Vec<RequestOut>>> {
    let cap = api.reader(&state).await?;
    let view = desk(&state).operator_incident(&cap, &reference).await?;
    Ok(Json(view.ministry.requests.iter().map(Into::into).collect()))
}

/// Answers a request for information (the answer is added to its thread).
#[utoipa::path(post, path = "/incidents/{reference}/requests/{number}/answers", tag = "correspondence", request_body = AnswerIn,
    params(("reference" = String, Path), ("number" = i64, Path), ("Idempotency-Key" = String, Header, description = IDEMPOTENCY, pattern = "^[!-~]{1,255}$")),
    security(("token" = ["file"])),
    responses((status = 201, body = RequestOut), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
pub async fn answer(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path((reference, number)): Path<(String, String)>,
    ApiJson(body): ApiJson<AnswerIn>,
) -> ApiResult<Response> {
    let cap = api.filer(&state).await?;
    let number: i64 = number.parse().map_err(|_| ApiError::NotFound)?;
    let incident = own_incident(&state, &cap, &reference).await?;
    let text = forms::message(&values(&[("body", &body.body)]))
        .map_err(|errors| ApiError::Invalid { prefix: String::new(), errors })?;
    if !requests::takes_messages(&state.db, &incident, number).await? {
        return Err(StorageError::RequestClosed.into());
    }
    let at = state.clock.now();
    requests::post(&state.db, requests::Author::Operator(&cap, None), &incident, number, &text, at).await?;
    let view = desk(&state).operator_incident(&cap, &reference).await?;
    let request = view.ministry.requests.iter().find(|r| r.number == number).ok_or(ApiError::NotFound)?;
    Ok((StatusCode::CREATED, Json(RequestOut::from(request))).into_response())
}

/// Acknowledges receipt of a measure.
#[utoipa::path(post, path = "/incidents/{reference}/measures/{number}/acknowledge", tag = "correspondence",
    params(("reference" = String, Path), ("number" = i64, Path), ("Idempotency-Key" = String, Header, description = IDEMPOTENCY, pattern = "^[!-~]{1,255}$")),
    security(("token" = ["file"])),
    responses((status = 200, body = MeasureOut), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 429, body = Problem)))]
pub async fn acknowledge(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path((reference, number)): Path<(String, String)>,
) -> ApiResult<Json<MeasureOut>> {
    let cap = api.filer(&state).await?;
    let number: i64 = number.parse().map_err(|_| ApiError::NotFound)?;
    let incident = own_incident(&state, &cap, &reference).await?;
    measures::acknowledge(&state.db, &cap, &incident, number, state.clock.now()).await?;
    measure_of(&state, &cap, &reference, |m| m.number == number).await
}

/// Reports a required item of a measure done, with what was done.
#[utoipa::path(post, path = "/incidents/{reference}/items/{id}/done", tag = "correspondence", request_body = ItemDoneIn,
    params(("reference" = String, Path), ("id" = i64, Path, description = "The item's `id`"), ("Idempotency-Key" = String, Header, description = IDEMPOTENCY, pattern = "^[!-~]{1,255}$")),
    security(("token" = ["file"])),
    responses((status = 200, body = MeasureOut), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
pub async fn item_done(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path((reference, item)): Path<(String, String)>,
    ApiJson(body): ApiJson<ItemDoneIn>,
) -> ApiResult<Json<MeasureOut>> {
    let cap = api.filer(&state).await?;
    let item: i64 = item.parse().map_err(|_| ApiError::NotFound)?;
    let incident = own_incident(&state, &cap, &reference).await?;
    let note = forms::item_done(&values(&[("note", &body.note)]))
        .map_err(|errors| ApiError::Invalid { prefix: String::new(), errors })?;
    measures::mark_done(&state.db, &cap, &incident, item, &note, state.clock.now()).await?;
    measure_of(&state, &cap, &reference, |m| m.items.iter().any(|i| i.id == item)).await
}

async fn measure_of(
    state: &AppState,
    cap: &app::domain::auth::OperatorCap,
    reference: &str,
    which: impl Fn(&app::api::MeasureView) -> bool,
) -> ApiResult<Json<MeasureOut>> {
    let view = desk(state).operator_incident(cap, reference).await?;
    let m = view.ministry.measures.iter().find(|m| which(m)).ok_or(ApiError::NotFound)?;
    Ok(Json(m.into()))
}
