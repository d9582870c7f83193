//! The public side by machine, without a token: published summaries with their corrections and
//! measures, the same data the public pages show (redacted text never appears: only the
//! approved summary is read).

use app::api::ports::Desks;
use app::api::{PublicIncidentRow, PublishedDetail};
use axum::extract::{Path, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{desk, ApiQuery};
use super::model::{instant, word, Text};
use super::problem::{ApiResult, Problem};
use crate::state::AppState;

/// Filters of the published incidents (as on `/incidents`).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicFilters {
    /// Words in the headline, summary or services (Korean or English).
    pub q: Option<String>,
    /// An operator's short name (`pangyo-talk`).
    pub operator: Option<String>,
    /// Part of a service's name.
    pub service: Option<String>,
    /// A cause category code (`EXTERNAL_EVENT`…).
    pub cause: Option<String>,
    /// The year of onset (Korea time).
    pub year: Option<String>,
    /// `lt1h`, `1-6h`, `6-24h`, `1-3d` or `gt3d`.
    pub duration: Option<String>,
    /// `none`, `open`, `overdue`, `done` or `verified`.
    pub commitments: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A published incident in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicIncident {
    pub reference: String,
    pub operator: Text,
    pub operator_slug: String,
    pub headline: Text,
    pub onset_at: Option<String>,
    /// Minutes from onset to restoration (absent while not restored).
    pub duration_minutes: Option<i64>,
    pub users_affected: Option<i64>,
    pub user_minutes: Option<i64>,
    pub services: Vec<String>,
    pub cause_category: String,
    /// `none`, `open`, `overdue`, `done` or `verified`.
    pub commitments: String,
    pub published_at: String,
    pub updated_at: String,
}

/// A page of published incidents, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicPage {
    pub items: Vec<PublicIncident>,
    pub next_cursor: Option<String>,
}

/// A published summary with its findings, measures and corrections.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicDetail {
    pub reference: String,
    pub operator: Text,
    pub operator_slug: String,
    pub headline: Text,
    pub summary: Text,
    pub onset_at: String,
    pub published_at: String,
    pub services_affected: Vec<String>,
    /// Outside services that depend on the affected ones (knock-on effects).
    pub dependents: Vec<String>,
    pub cause_category: String,
    /// The approved parts of the summary (`impact_ko`, `cause_en`…).
    pub parts: std::collections::BTreeMap<String, String>,
    pub findings: Vec<PublicFindingOut>,
    pub measures: Vec<PublicMeasureOut>,
    /// Corrections since first publication, oldest first.
    pub corrections: Vec<PublicCorrectionOut>,
}

/// The ministry's finding on one duty.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicFindingOut {
    pub duty_id: String,
    pub title: Text,
    /// `compliant`, `partially`, `non_compliant`, `not_applicable` or `not_assessed`.
    pub finding: String,
}

/// A measure imposed, and where each of its items stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicMeasureOut {
    pub kind: String,
    pub legal_basis: String,
    pub content: String,
    pub due: String,
    pub amount_krw: Option<i64>,
    pub items: Vec<PublicItemOut>,
}

/// One required item of a published measure.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicItemOut {
    pub text: String,
    /// `required`, `done`, `accepted`, `rejected` or `waived`.
    pub state: String,
}

/// A correction of the published summary.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicCorrectionOut {
    pub at: String,
    pub reason: Text,
}

fn text(n: &app::api::Names) -> Text {
    Text { ko: n.ko.clone(), en: n.en.clone() }
}

/// The `after` value of a page's "next" query string: the API's cursor.
pub fn cursor_of(next: Option<&str>) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(next?.trim_start_matches('?')).ok()?;
    pairs.into_iter().find(|(k, _)| k == "after").map(|(_, v)| v)
}

fn row(r: &PublicIncidentRow) -> PublicIncident {
    PublicIncident {
        reference: r.reference.clone(),
        operator: text(&r.org),
        operator_slug: r.org_slug.clone(),
        headline: text(&r.headline),
        onset_at: r.onset_at.map(instant),
        duration_minutes: r.duration_min,
        users_affected: r.users_affected,
        user_minutes: r.user_minutes,
        services: r.services.clone(),
        cause_category: r.cause.clone(),
        commitments: r.commitments.as_str().to_string(),
        published_at: instant(r.published_at),
        updated_at: instant(r.updated_at),
    }
}

/// Published incidents, newest first, filtered as on `/incidents`.
#[utoipa::path(get, path = "/public/incidents", tag = "public", params(PublicFilters),
    responses((status = 200, body = PublicPage), (status = 400, body = Problem), (status = 429, body = Problem)))]
pub async fn list(State(state): State<AppState>, ApiQuery(f): ApiQuery<PublicFilters>) -> ApiResult<Json<PublicPage>> {
    let given = [
        ("q", &f.q),
        ("operator", &f.operator),
        ("service", &f.service),
        ("cause", &f.cause),
        ("year", &f.year),
        ("duration", &f.duration),
        ("commitments", &f.commitments),
        ("after", &f.cursor),
    ];
    let query =
        app::domain::public::SearchQuery::from_pairs(given.iter().filter_map(|(k, v)| v.as_deref().map(|v| (*k, v))));
    let list = desk(&state).public_search(query).await?;
    Ok(Json(PublicPage { items: list.rows.iter().map(row).collect(), next_cursor: cursor_of(list.next.as_deref()) }))
}

/// One published summary.
#[utoipa::path(get, path = "/public/incidents/{reference}", tag = "public",
    params(("reference" = String, Path, description = "`OD-2026-000003`")),
    responses((status = 200, body = PublicDetail), (status = 404, body = Problem), (status = 429, body = Problem)))]
pub async fn read(State(state): State<AppState>, Path(reference): Path<String>) -> ApiResult<Json<PublicDetail>> {
    let d: PublishedDetail = desk(&state).published_incident(&reference).await?;
    Ok(Json(PublicDetail {
        reference: d.row.reference.clone(),
        operator: text(&d.row.org),
        operator_slug: d.org_slug.clone(),
        headline: text(&d.row.headline),
        summary: text(&d.summary),
        onset_at: instant(d.row.onset_at),
        published_at: instant(d.row.published_at),
        services_affected: d.services_affected.clone(),
        dependents: d.dependents.clone(),
        cause_category: d.cause_category.clone(),
        parts: d.parts.clone(),
        findings: d
            .findings
            .iter()
            .map(|f| PublicFindingOut {
                duty_id: f.duty_id.clone(),
                title: text(&f.title),
                finding: f.finding.as_str().to_string(),
            })
            .collect(),
        measures: d
            .measures
            .iter()
            .map(|m| PublicMeasureOut {
                kind: word(&m.kind),
                legal_basis: m.legal_basis.clone(),
                content: m.content.clone(),
                due: instant(m.due),
                amount_krw: m.amount_krw,
                items: m.items.iter().map(|(t, s)| PublicItemOut { text: t.clone(), state: word(s) }).collect(),
            })
            .collect(),
        corrections: d
            .corrections
            .iter()
            .map(|c| PublicCorrectionOut { at: instant(c.at), reason: text(&c.reason) })
            .collect(),
    }))
}
