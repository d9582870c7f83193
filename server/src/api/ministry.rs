//! The ministry's side by machine (a reviewer's token with `ministry_read`): the queue with the
//! page's filters and a cursor, and a case as JSON. Reading a case counts as opening it, as on
//! the page.

use app::api::ports::Desks;
use app::api::FilingRow;
use axum::extract::{Path, State};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::ApiCaller;
use super::extract::{desk, ApiQuery};
use super::model::{instant, AssessmentOut, ClockOut, EvidenceOut, MeasureOut, RequestOut, Text};
use super::problem::{ApiResult, Problem};
use crate::state::AppState;

/// The queue's filters (as on `/review`).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueFilters {
    /// `initial`, `interim` or `final`.
    pub stage: Option<String>,
    /// `submitted` or `published`.
    pub status: Option<String>,
    /// An organisation's short name.
    pub org: Option<String>,
    /// A regime code the filing was made under (`EU_NIS2`…).
    pub regime: Option<String>,
    /// A crisis alert level code (`caution`…).
    pub severity: Option<String>,
    /// `yes`: only cases with an overdue request or measure item.
    pub overdue: Option<String>,
    /// `me`, `none` or a staff member's id.
    pub assignee: Option<String>,
    /// `yes`: only filings that arrived since the caller last opened the case.
    pub new: Option<String>,
    /// `oldest`: first come, first reviewed (default: newest first).
    pub order: Option<String>,
    /// Rows per page (1–100, default 50).
    pub per_page: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// One incident's latest filing in the queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueueItem {
    /// The filing's reference.
    pub reference: String,
    pub incident_reference: String,
    pub operator: Text,
    pub title: String,
    pub stage: String,
    /// `submitted` or `published`.
    pub status: String,
    pub submitted_at: String,
    pub versions: u32,
    pub assignee: Option<String>,
    pub new_since_visit: bool,
    pub severity: String,
    pub overdue: bool,
}

/// A page of the queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueuePageOut {
    pub items: Vec<QueueItem>,
    pub next_cursor: Option<String>,
}

/// A case as the ministry sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseOut {
    pub reference: String,
    pub title: String,
    pub operator: Text,
    pub filings: Vec<QueueItem>,
    pub clocks: Vec<ClockOut>,
    pub assessments: Vec<AssessmentOut>,
    pub duty_catalog_version: String,
    pub requests: Vec<RequestOut>,
    pub measures: Vec<MeasureOut>,
    pub evidence: Vec<EvidenceOut>,
    pub assignee: Option<String>,
    pub closed: bool,
    pub published_at: Option<String>,
}

fn item(r: &FilingRow) -> QueueItem {
    let triage = r.triage.clone().unwrap_or_default();
    QueueItem {
        reference: r.reference.clone(),
        incident_reference: r.incident_reference.clone(),
        operator: Text { ko: r.org.ko.clone(), en: r.org.en.clone() },
        title: r.title.clone(),
        stage: r.stage.as_str().to_string(),
        status: r.status.as_str().to_string(),
        submitted_at: instant(r.submitted_at),
        versions: triage.versions,
        assignee: triage.assignee,
        new_since_visit: triage.new_since_visit,
        severity: triage.severity,
        overdue: triage.overdue,
    }
}

/// Every incident's latest filing, filtered, one page at a time.
#[utoipa::path(get, path = "/ministry/queue", tag = "ministry", params(QueueFilters),
    security(("token" = ["ministry_read"])),
    responses((status = 200, body = QueuePageOut), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 429, body = Problem)))]
pub async fn queue(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    ApiQuery(f): ApiQuery<QueueFilters>,
) -> ApiResult<Json<QueuePageOut>> {
    let cap = api.reviewer(&state).await?;
    let given = [
        ("stage", &f.stage),
        ("status", &f.status),
        ("org", &f.org),
        ("regime", &f.regime),
        ("severity", &f.severity),
        ("overdue", &f.overdue),
        ("assignee", &f.assignee),
        ("new", &f.new),
        ("order", &f.order),
        ("per_page", &f.per_page),
        ("after", &f.cursor),
    ];
    let query =
        app::domain::queue::QueueQuery::from_pairs(given.iter().filter_map(|(k, v)| v.as_deref().map(|v| (*k, v))));
    let page = desk(&state).review_queue(&cap, &query).await?;
    Ok(Json(QueuePageOut {
        items: page.rows.iter().map(item).collect(),
        next_cursor: super::public::cursor_of(page.next.as_deref()),
    }))
}

/// One case: filings, deadlines, reportability, correspondence and evidence.
#[utoipa::path(get, path = "/ministry/cases/{reference}", tag = "ministry",
    params(("reference" = String, Path, description = "The incident's reference")),
    security(("token" = ["ministry_read"])),
    responses((status = 200, body = CaseOut), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 429, body = Problem)))]
pub async fn case(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(reference): Path<String>,
) -> ApiResult<Json<CaseOut>> {
    let cap = api.reviewer(&state).await?;
    let c = desk(&state).review_case(&cap, &reference).await?;
    Ok(Json(CaseOut {
        reference: c.reference.clone(),
        title: c.title.clone(),
        operator: Text { ko: c.org.ko.clone(), en: c.org.en.clone() },
        filings: c.filings.iter().map(item).collect(),
        clocks: c.clocks.iter().map(Into::into).collect(),
        assessments: c.assessments.iter().map(Into::into).collect(),
        duty_catalog_version: c.catalog_version.clone(),
        requests: c.correspondence.requests.iter().map(Into::into).collect(),
        measures: c.correspondence.measures.iter().map(Into::into).collect(),
        evidence: c.attachments.iter().map(Into::into).collect(),
        assignee: c.assignee.clone(),
        closed: c.correspondence.closed.is_some(),
        published_at: c.published_at.map(instant),
    }))
}
