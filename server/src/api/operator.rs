//! The operator's incidents: list, read, open, and one filed version. Reads go through the
//! same desk as the incident pages; every handle is bound to the token's organisation, so
//! another organisation's incident is simply not found.

use app::api::ports::Desks;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

use super::auth::ApiCaller;
use super::extract::{desk, own_incident, ApiJson, ApiQuery, IDEMPOTENCY};
use super::model::{self, IncidentOut, IncidentPage, IncidentSummary, VersionContent};
use super::problem::{ApiError, ApiResult, Problem};
use super::requests::OpenIncident;
use crate::state::AppState;
use crate::storage::{filings, incidents};
use axum::Extension;

/// Incidents per page.
pub const PAGE: usize = 50;

/// A page's position: the reference of the last incident of the previous page.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Cursor {
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The organisation's incidents, newest first.
#[utoipa::path(get, path = "/incidents", tag = "operator", params(Cursor),
    security(("token" = ["read"])),
    responses((status = 200, body = IncidentPage), (status = 401, body = Problem), (status = 403, body = Problem), (status = 429, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    ApiQuery(page): ApiQuery<Cursor>,
) -> ApiResult<Json<IncidentPage>> {
    let cap = api.reader(&state).await?;
    let mut rows = desk(&state).operator_incidents(&cap).await?;
    // references are zero-padded and numbered in order: newest first is descending
    rows.sort_by(|a, b| b.reference.cmp(&a.reference));
    let start = match page.cursor.as_deref() {
        Some(c) => rows.iter().position(|r| r.reference.as_str() < c).unwrap_or(rows.len()),
        None => 0,
    };
    let items: Vec<IncidentSummary> = rows
        .iter()
        .skip(start)
        .take(PAGE)
        .map(|r| IncidentSummary {
            reference: r.reference.clone(),
            title: r.title.clone(),
            status: model::status_word(r.status),
            versions: r.versions,
            last_stage: r.last_stage.map(|s| s.as_str().to_string()),
            draft_stage: r.draft_stage.map(|s| s.as_str().to_string()),
            next_due: r.next_due.as_ref().map(Into::into),
            overdue_clocks: r.overdue,
        })
        .collect();
    let next_cursor = (start + PAGE < rows.len()).then(|| items.last().map(|i| i.reference.clone())).flatten();
    Ok(Json(IncidentPage { items, next_cursor }))
}

/// Opens an incident with an empty initial-notification draft.
#[utoipa::path(post, path = "/incidents", tag = "operator", request_body = OpenIncident,
    params(("Idempotency-Key" = String, Header, description = IDEMPOTENCY, pattern = "^[!-~]{1,255}$")),
    security(("token" = ["file"])),
    responses((status = 201, body = IncidentOut, headers(("Location" = String))), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 409, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
pub async fn open(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    ApiJson(body): ApiJson<OpenIncident>,
) -> ApiResult<Response> {
    let cap = api.filer(&state).await?;
    let title = app::domain::filing::incident_title(&body.title)
        .map_err(|errors| ApiError::Invalid { prefix: String::new(), errors })?;
    let reference = incidents::open(&state.db, &cap, &title, state.clock.now()).await?;
    tracing::info!(org.id = %cap.org(), incident.reference = %reference, via = "api", "incident opened");
    let view = desk(&state).operator_incident(&cap, &reference).await?;
    let location = format!("/api/v1/incidents/{reference}");
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(super::views::incident(&view))).into_response())
}

/// One incident: versions, draft, deadlines, reportability, evidence and the ministry's
/// requests and measures.
#[utoipa::path(get, path = "/incidents/{reference}", tag = "operator",
    params(("reference" = String, Path, description = "`OD-2026-000003`")),
    security(("token" = ["read"])),
    responses((status = 200, body = IncidentOut), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 429, body = Problem)))]
pub async fn read(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(reference): Path<String>,
) -> ApiResult<Json<IncidentOut>> {
    let cap = api.reader(&state).await?;
    let view = desk(&state).operator_incident(&cap, &reference).await?;
    Ok(Json(super::views::incident(&view)))
}

/// One filed version with its answers.
#[utoipa::path(get, path = "/incidents/{reference}/versions/{version}", tag = "operator",
    params(("reference" = String, Path), ("version" = u32, Path, description = "1 for the first filing")),
    security(("token" = ["read"])),
    responses((status = 200, body = VersionContent), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 429, body = Problem)))]
pub async fn version(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path((reference, version)): Path<(String, String)>,
) -> ApiResult<Json<VersionContent>> {
    let cap = api.reader(&state).await?;
    let n: u32 = version.parse().map_err(|_| ApiError::NotFound)?;
    let incident = own_incident(&state, &cap, &reference).await?;
    let versions = filings::versions(&state.db, &incident).await?;
    let v = versions.into_iter().find(|v| v.row.version == n).ok_or(ApiError::NotFound)?;
    Ok(Json(VersionContent { version: (&v.row).into(), fields: v.content.0 }))
}
