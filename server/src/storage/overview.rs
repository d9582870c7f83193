//! The facts the ministry's overview is computed from: one row per incident (latest filed
//! content and when each stage was filed), and counts of open measures and overdue items.

use app::domain::deadlines::{clocks, ClockState, Duty, OutsideSubmission};
use app::domain::filing::FilingStage;
use app::domain::overview::{summarise, IncidentFacts, Overview};
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;

use super::{Db, StorageError};
use crate::with_pool;

#[derive(sqlx::FromRow)]
struct Row {
    incident_id: i64,
    name_ko: String,
    name_en: String,
    initial_at: Option<i64>,
    first_update_at: Option<i64>,
    last_update_at: Option<i64>,
    final_at: Option<i64>,
    content_json: String,
}

/// Reporting clocks count towards the late-filing rate; notices and requests do not.
fn is_filing_duty(d: Duty) -> bool {
    matches!(d, Duty::EarlyWarning | Duty::InitialReport | Duty::UpdateReport | Duty::FinalReport)
}

/// An incident's facts for the overview; `outside` are its signed-off submissions made outside
/// the desk, which count for their clocks here as on the case page.
fn facts_of(
    org: String,
    content: &Content,
    filed: Vec<(FilingStage, Timestamp)>,
    outside: Vec<OutsideSubmission>,
    now: Timestamp,
) -> IncidentFacts {
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
    let all = clocks(&content.codes("regimes"), &facts, now);
    let reporting = all.iter().filter(|c| is_filing_duty(c.duty));
    let (mut met, mut late) = (0, 0);
    for c in reporting {
        match c.state {
            ClockState::Met => met += 1,
            ClockState::Late { .. } | ClockState::Overdue { .. } => late += 1,
            ClockState::Open | ClockState::NotStarted | ClockState::Exempt => {}
        }
    }
    IncidentFacts {
        org,
        year,
        duration_minutes: if restored { content.duration_minutes(now) } else { None },
        user_minutes: if restored { content.user_minutes(now) } else { None },
        cause: content.get("cause_category").to_string(),
        clocks_met: met,
        clocks_late: late,
    }
}

/// The overview of every filed incident, in the language's organisation names.
pub async fn overview(
    db: &Db,
    cap: &app::domain::auth::ReviewerCap,
    korean: bool,
    now: Timestamp,
) -> Result<Overview, StorageError> {
    let mut outside = super::outside::counted_all(db, cap).await?;
    let (rows, open_measures, overdue_items) = with_pool!(db, |p| {
        // One row per incident (SQLite hands rows over one by one from its worker thread, so
        // 100 000 filings as rows cost seconds): the first filing of each stage and the
        // latest update are all the clocks need, with the newest content.
        let rows = sqlx::query_as::<_, Row>(
            "SELECT f.incident_id, o.name_ko, o.name_en,
                    MIN(CASE WHEN f.stage = 'initial' THEN f.submitted_at END) AS initial_at,
                    MIN(CASE WHEN f.stage = 'interim' THEN f.submitted_at END) AS first_update_at,
                    MAX(CASE WHEN f.stage = 'interim' THEN f.submitted_at END) AS last_update_at,
                    MIN(CASE WHEN f.stage = 'final' THEN f.submitted_at END) AS final_at,
                    (SELECT g.content_json FROM filings g WHERE g.incident_id = f.incident_id
                     ORDER BY g.version DESC LIMIT 1) AS content_json
             FROM filings f JOIN organisations o ON o.id = f.org_id
             GROUP BY f.incident_id, o.name_ko, o.name_en",
        )
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
        Ok::<_, sqlx::Error>((rows, open, overdue))
    })?;
    let incidents: Vec<IncidentFacts> = rows
        .into_iter()
        .map(|r| {
            let mut filed: Vec<(FilingStage, Timestamp)> = [
                (FilingStage::Initial, r.initial_at),
                (FilingStage::Interim, r.first_update_at),
                (FilingStage::Interim, r.last_update_at),
                (FilingStage::Final, r.final_at),
            ]
            .into_iter()
            .filter_map(|(stage, at)| at.map(|t| (stage, Timestamp(t))))
            .collect();
            filed.sort_by_key(|(_, t)| t.0);
            filed.dedup();
            let content = Content::from_stored_json(&r.content_json).unwrap_or_default();
            let org = if korean { r.name_ko } else { r.name_en };
            let told = outside.remove(&r.incident_id).unwrap_or_default();
            facts_of(org, &content, filed, told, now)
        })
        .collect();
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(summarise(&incidents, count(open_measures), count(overdue_items)))
}
