//! The facts the ministry's overview is computed from: one row per incident (latest filed
//! content and when each stage was filed), and counts of open measures and overdue items.
//!
//! Parsing every incident's content on every visit costs seconds at 100 000 incidents, so
//! each incident's contribution is kept in memory ([`OverviewMemo`]) and computed again only
//! when the incident gets a new filing or its outside submissions change.

use std::collections::HashMap;

use app::domain::deadlines::{clocks, ClockState, Duty, OutsideSubmission};
use app::domain::filing::FilingStage;
use app::domain::overview::{summarise, IncidentFacts, Overview};
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;

use super::overview_memo::{Contribution, OverviewMemo, Pending};
use super::{Db, StorageError};
use crate::with_pool;

#[derive(sqlx::FromRow)]
pub(super) struct Row {
    pub incident_id: i64,
    pub org_id: i64,
    pub initial_at: Option<i64>,
    pub first_update_at: Option<i64>,
    pub last_update_at: Option<i64>,
    pub final_at: Option<i64>,
    pub content_json: String,
}

impl Row {
    /// When each stage was first filed (and the last update), oldest first.
    pub(super) fn filed(&self) -> Vec<(FilingStage, Timestamp)> {
        let mut filed: Vec<(FilingStage, Timestamp)> = [
            (FilingStage::Initial, self.initial_at),
            (FilingStage::Interim, self.first_update_at),
            (FilingStage::Interim, self.last_update_at),
            (FilingStage::Final, self.final_at),
        ]
        .into_iter()
        .filter_map(|(stage, at)| at.map(|t| (stage, Timestamp(t))))
        .collect();
        filed.sort_by_key(|(_, t)| t.0);
        filed.dedup();
        filed
    }
}

/// One row per incident, for the incidents `filter` selects (`$n` placeholders from 1).
pub(super) fn rows_sql(filter: &str) -> String {
    // One row per incident (SQLite hands rows over one by one from its worker thread, so
    // 100 000 filings as rows cost seconds): the first filing of each stage and the latest
    // update are all the clocks need, with the newest content.
    format!(
        "SELECT f.incident_id, MIN(f.org_id) AS org_id,
                MIN(CASE WHEN f.stage = 'initial' THEN f.submitted_at END) AS initial_at,
                MIN(CASE WHEN f.stage = 'interim' THEN f.submitted_at END) AS first_update_at,
                MAX(CASE WHEN f.stage = 'interim' THEN f.submitted_at END) AS last_update_at,
                MIN(CASE WHEN f.stage = 'final' THEN f.submitted_at END) AS final_at,
                (SELECT g.content_json FROM filings g WHERE g.incident_id = f.incident_id
                 ORDER BY g.version DESC LIMIT 1) AS content_json
         FROM filings f {filter}
         GROUP BY f.incident_id"
    )
}

/// Reporting clocks count towards the late-filing rate; notices and requests do not.
fn is_filing_duty(d: Duty) -> bool {
    matches!(d, Duty::EarlyWarning | Duty::InitialReport | Duty::UpdateReport | Duty::FinalReport)
}

/// An incident's contribution to the overview at `now`; `outside` are its signed-off
/// submissions made outside the desk, which count for their clocks here as on the case page.
/// Besides the facts, the due instants of reporting clocks still open: the only thing about a
/// restored incident that changes with time alone.
pub(super) fn contribution_of(
    content: &Content,
    filed: Vec<(FilingStage, Timestamp)>,
    outside: Vec<OutsideSubmission>,
    now: Timestamp,
) -> (IncidentFacts, Pending) {
    let onset = content.instant("onset_at").or_else(|| filed.first().map(|f| f.1)).unwrap_or(now);
    let year = app::domain::zone::UserZone::Seoul.year(onset).unwrap_or(1970);
    let restored = content.instant("restored_at").is_some();
    // Only the duties of reporting to a regulator are counted here, and those do not depend on
    // the operator's profile (it decides the user-notice exemptions), so none is read.
    let mut facts = app::domain::reportability::clock_facts(
        content,
        &app::domain::law::operator::OperatorFacts::default(),
        filed,
        now,
    );
    facts.outside = outside;
    // Still going (user-minutes grow, so which rules apply can change), or without onset and
    // detection (clocks start "now"): such an incident is computed afresh on every visit.
    let timeless = restored && (facts.onset.is_some() || facts.detected.is_some());
    let all = clocks(&content.codes("regimes"), &facts, now);
    let (mut met, mut late, mut open_dues) = (0, 0, Vec::new());
    for c in all.iter().filter(|c| is_filing_duty(c.duty)) {
        match c.state {
            ClockState::Met => met += 1,
            ClockState::Late { .. } => late += 1,
            // overdue now, or once `now` passes the due instant
            ClockState::Overdue { .. } | ClockState::Open => open_dues.extend(c.due.map(|d| d.0)),
            ClockState::NotStarted | ClockState::Exempt => {}
        }
    }
    let overdue_now = open_dues.iter().filter(|d| now.0 > **d).count();
    let facts = IncidentFacts {
        org: String::new(),
        year,
        duration_minutes: if restored { content.duration_minutes(now) } else { None },
        user_minutes: if restored { content.user_minutes(now) } else { None },
        cause: content.get("cause_category").to_string(),
        clocks_met: met,
        clocks_late: late + u32::try_from(overdue_now).unwrap_or(u32::MAX),
    };
    let pending = Pending { late_done: late, open_dues, timeless };
    (facts, pending)
}

/// The overview of every filed incident, in the language's organisation names.
pub async fn overview(
    db: &Db,
    cap: &app::domain::auth::ReviewerCap,
    memo: &OverviewMemo,
    korean: bool,
    now: Timestamp,
) -> Result<Overview, StorageError> {
    let outside = super::outside::counted_all(db, cap).await?;
    let contributions: Vec<Contribution> = memo.current(db, &outside, now).await?;
    let (names, open_measures, overdue_items) = with_pool!(db, |p| {
        let names = sqlx::query_as::<_, (i64, String, String)>("SELECT id, name_ko, name_en FROM organisations")
            .fetch_all(p)
            .await?;
        let open = sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(DISTINCT m.id) FROM measures m JOIN measure_items mi ON mi.measure_id = m.id
             WHERE mi.state NOT IN ('accepted', 'waived')",
        )
        .fetch_one(p)
        .await?;
        let overdue = sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM measure_items mi JOIN measures m ON m.id = mi.measure_id
             WHERE mi.state IN ('required', 'rejected') AND m.due_at < $1",
        )
        .bind(now.0)
        .fetch_one(p)
        .await?;
        Ok::<_, sqlx::Error>((names, open, overdue))
    })?;
    let names: HashMap<i64, String> =
        names.into_iter().map(|(id, ko, en)| (id, if korean { ko } else { en })).collect();
    let incidents: Vec<IncidentFacts> = contributions
        .into_iter()
        .map(|c| IncidentFacts { org: names.get(&c.org_id).cloned().unwrap_or_default(), ..c.facts })
        .collect();
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(summarise(&incidents, count(open_measures), count(overdue_items)))
}
