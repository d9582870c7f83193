//! The draft through the API: start a stage, read it (with its revision as `ETag`), change
//! answers by key under `If-Match`, run "check your answers", and submit as a signatory with
//! the declaration and the content hash approved, exactly as the check page does.

use app::domain::filing::FilingStage;
use app::domain::report::stages::may_draft;
use app::domain::report::{changes, check};
use app::domain::validation::FieldErrors;
use app::domain::zone::UserZone;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};

use super::auth::ApiCaller;
use super::extract::{own_incident, ApiJson, IDEMPOTENCY};
use super::model::{DraftOut, VersionOut};
use super::problem::{self, ApiError, ApiResult, FieldProblem, Problem};
use super::requests::{CheckOut, DraftChanges, StartStage, Submit};
use crate::page_data::incident::draft_view;
use crate::state::AppState;
use crate::storage::drafts::{self, DraftRecord, Filed, Saved};
use crate::storage::{filings, StorageError};

fn no_draft() -> ApiError {
    ApiError::Conflict {
        kind: "no_draft",
        detail: ("작성 중인 초안이 없습니다. 먼저 단계를 시작하세요.", "There is no draft: start a stage first."),
    }
}

/// The draft's JSON with its revision as `ETag`.
fn draft_response(status: StatusCode, d: &DraftRecord, now: app::domain::timestamp::Timestamp) -> Response {
    let out: DraftOut = super::views::draft(&draft_view(d, now));
    let mut resp = (status, Json(out)).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("\"{}\"", d.revision)) {
        resp.headers_mut().insert(header::ETAG, v);
    }
    resp
}

/// Starts drafting the next stage, carrying forward the latest filed answers.
#[utoipa::path(post, path = "/incidents/{reference}/draft", tag = "drafting", request_body = StartStage,
    params(("reference" = String, Path), ("Idempotency-Key" = String, Header, description = IDEMPOTENCY, pattern = "^[!-~]{1,255}$")),
    security(("token" = ["file"])),
    responses((status = 201, body = DraftOut), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
pub async fn start(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<StartStage>,
) -> ApiResult<Response> {
    let cap = api.filer(&state).await?;
    let incident = own_incident(&state, &cap, &reference).await?;
    let versions = filings::versions(&state.db, &incident).await?;
    let filed: Vec<FilingStage> = versions.iter().map(|v| v.row.stage).collect();
    let Some(stage) = FilingStage::parse(&body.stage) else {
        let errors = FieldErrors::one("stage", app::domain::validation::FieldError::UnknownOption);
        return Err(ApiError::Invalid { prefix: String::new(), errors });
    };
    if !may_draft(&filed, stage) {
        return Err(ApiError::Conflict {
            kind: "stage_not_allowed",
            detail: (
                "이 단계는 지금 시작할 수 없습니다 (초안이 있거나 앞 단계가 제출되지 않았습니다).",
                "This stage cannot be started now (a draft exists, or an earlier stage is not filed).",
            ),
        });
    }
    let carried = versions.last().map(|v| v.content.clone()).unwrap_or_default();
    let at = state.clock.now();
    drafts::start(&state.db, &cap, &incident, stage, &carried, at).await?;
    let draft = drafts::get(&state.db, &incident).await?.ok_or_else(no_draft)?;
    Ok(draft_response(StatusCode::CREATED, &draft, at))
}

/// The draft, with its revision as `ETag`.
#[utoipa::path(get, path = "/incidents/{reference}/draft", tag = "drafting",
    params(("reference" = String, Path)), security(("token" = ["read"])),
    responses((status = 200, body = DraftOut, headers(("ETag" = String))), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 429, body = Problem)))]
pub async fn read(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(reference): Path<String>,
) -> ApiResult<Response> {
    let cap = api.reader(&state).await?;
    let incident = own_incident(&state, &cap, &reference).await?;
    let draft = drafts::get(&state.db, &incident).await?.ok_or_else(no_draft)?;
    Ok(draft_response(StatusCode::OK, &draft, state.clock.now()))
}

/// The revision `If-Match` names (`"7"`, `W/"7"` or `7`).
fn if_match(headers: &HeaderMap) -> ApiResult<i64> {
    let v = headers.get(header::IF_MATCH).ok_or(ApiError::PreconditionRequired)?;
    let text = v.to_str().unwrap_or("").trim();
    let bare = text.strip_prefix("W/").unwrap_or(text).trim_matches('"');
    bare.parse().map_err(|_| ApiError::BadRequest {
        kind: "invalid_if_match",
        detail: "If-Match: the draft's revision as its ETag gives it, e.g. \"7\"".into(),
    })
}

/// Sets or clears answers by field catalogue key. Needs `If-Match` with the revision read; if
/// someone saved since, nothing is stored (`412`). Values are kept even when a check fails
/// (as on the form); unknown keys and values past the limits are refused (`422`).
#[utoipa::path(patch, path = "/incidents/{reference}/draft", tag = "drafting", request_body = DraftChanges,
    params(("reference" = String, Path), ("If-Match" = String, Header, description = "The draft's ETag, e.g. \"7\"", pattern = "^(W/)?\"?[0-9]{1,18}\"?$")),
    security(("token" = ["file"])),
    responses((status = 200, body = DraftOut, headers(("ETag" = String))), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 412, body = Problem),
        (status = 413, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem), (status = 428, body = Problem), (status = 429, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(reference): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<DraftChanges>,
) -> ApiResult<Response> {
    let cap = api.filer(&state).await?;
    let expected = if_match(&headers)?;
    let incident = own_incident(&state, &cap, &reference).await?;
    let draft = drafts::get(&state.db, &incident).await?.ok_or_else(no_draft)?;
    if draft.revision != expected {
        return Err(ApiError::Stale { current: draft.revision });
    }
    let content = changes::apply(&draft.content, &body.fields, UserZone::default())
        .map_err(|errors| ApiError::Invalid { prefix: "/fields".into(), errors })?;
    let at = state.clock.now();
    match drafts::save(&state.db, &cap, &incident, expected, &content, at).await? {
        Saved::Saved(_) => {}
        Saved::Stale(current) => return Err(ApiError::Stale { current: current.revision }),
        Saved::Gone => return Err(no_draft()),
    }
    let saved = drafts::get(&state.db, &incident).await?.ok_or_else(no_draft)?;
    Ok(draft_response(StatusCode::OK, &saved, at))
}

/// What stops the draft being filed, field by field ("check your answers").
#[utoipa::path(get, path = "/incidents/{reference}/draft/check", tag = "drafting",
    params(("reference" = String, Path)), security(("token" = ["read"])),
    responses((status = 200, body = CheckOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 429, body = Problem)))]
pub async fn check_answers(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<CheckOut>> {
    let cap = api.reader(&state).await?;
    let incident = own_incident(&state, &cap, &reference).await?;
    let draft = drafts::get(&state.db, &incident).await?.ok_or_else(no_draft)?;
    let errors = check(&draft.content, draft.stage, state.clock.now());
    let lang = problem::lang_of(&headers);
    let problems: Vec<FieldProblem> =
        ApiError::Invalid { prefix: "/fields".into(), errors: errors.clone() }.problem(lang).errors;
    Ok(Json(CheckOut { ready: errors.is_empty(), revision: draft.revision, content_sha256: draft.sha256(), problems }))
}

/// Files the draft as the organisation's authorised signatory: the declaration, the
/// signatory's title and the `content_sha256` approved (from the draft or its check). If the
/// draft changed since, nothing is filed (`409`).
#[utoipa::path(post, path = "/incidents/{reference}/draft/submit", tag = "drafting", request_body = Submit,
    params(("reference" = String, Path), ("Idempotency-Key" = String, Header, description = IDEMPOTENCY, pattern = "^[!-~]{1,255}$")),
    security(("token" = ["submit"])),
    responses((status = 201, body = VersionOut, headers(("Location" = String))), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 415, body = Problem),
        (status = 422, body = Problem), (status = 429, body = Problem)))]
pub async fn submit(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<Submit>,
) -> ApiResult<Response> {
    let cap = api.signatory(&state).await?;
    let incident = own_incident(&state, &cap, &reference).await?;
    let draft = drafts::get(&state.db, &incident).await?.ok_or_else(no_draft)?;
    let at = state.clock.now();
    let errors = check(&draft.content, draft.stage, at);
    if !errors.is_empty() {
        return Err(ApiError::Invalid { prefix: "/fields".into(), errors });
    }
    let title =
        app::domain::filing::signing(&body.signatory_title, body.declaration).map_err(|e| ApiError::Invalid {
            prefix: String::new(),
            errors: FieldErrors(
                e.0.into_iter().map(|(k, v)| (if k == "attest" { "declaration".into() } else { k }, v)).collect(),
            ),
        })?;
    let submission = drafts::Submission {
        cap: &cap,
        incident: &incident,
        draft: &draft,
        approved_sha256: body.content_sha256.trim(),
        signatory_title: &title,
        at,
    };
    let filed = crate::pdf::documents::file_with_pdf(&state.db, &state.pdf, &submission).await;
    match filed.map_err(ApiError::internal)? {
        Filed::Filed { reference: filed } => {
            tracing::info!(org.id = %cap.org(), filing = %filed, via = "api", "filing submitted");
            let versions = filings::versions(&state.db, &incident).await?;
            let v = versions.last().ok_or(ApiError::from(StorageError::NotFound))?;
            let location = format!("/api/v1/incidents/{reference}/versions/{}", v.row.version);
            Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(VersionOut::from(&v.row))).into_response())
        }
        Filed::Changed => Err(ApiError::Conflict {
            kind: "draft_changed",
            detail: (
                "승인한 내용 해시가 지금 초안과 다릅니다. 초안을 다시 확인하고 새 해시로 제출하세요.",
                "The content hash approved is not the draft's now: check the draft again and submit with its new hash.",
            ),
        }),
    }
}
