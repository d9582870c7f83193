//! The facts the ministry's overview is computed from: one row per incident (latest filed
//! content and when each stage was filed), and counts of open measures and overdue items.

use app::domain::deadlines::{clocks, ClockState, Duty, Facts};
use app::domain::filing::FilingStage;
use app::domain::overview::{summarise, IncidentFacts, Overview};
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;

use super::{Db, StorageError};
use crate::with_pool;

/// Reporting clocks count towards the late-filing rate; notices and requests do not.
fn is_filing_duty(d: Duty) -> bool {
    matches!(d, Duty::EarlyWarning | Duty::InitialReport | Duty::UpdateReport | Duty::FinalReport)
}

fn facts_of(org: String, content: &Content, filed: Vec<(FilingStage, Timestamp)>, now: Timestamp) -> IncidentFacts {
    let onset = content.instant("onset_at").or_else(|| filed.first().map(|f| f.1)).unwrap_or(now);
    let year = app::domain::zone::UserZone::Seoul.year(onset).unwrap_or(1970);
    let restored = content.instant("restored_at").is_some();
    let all = clocks(&content.codes("regimes"), &Facts::from_content(content, filed), now);
    let reporting = all.iter().filter(|c| is_filing_duty(c.duty));
    let (mut met, mut late) = (0, 0);
    for c in reporting {
        match c.state {
            ClockState::Met => met += 1,
            ClockState::Late { .. } | ClockState::Overdue { .. } => late += 1,
            ClockState::Open | ClockState::NotStarted => {}
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
pub async fn overview(db: &Db, korean: bool, now: Timestamp) -> Result<Overview, StorageError> {
    let (rows, open_measures, overdue_items) = with_pool!(db, |p| {
        let rows = sqlx::query_as::<_, (i64, String, String, i64, String, Option<String>)>(
            "SELECT f.incident_id, o.name_ko, o.name_en, f.submitted_at, f.stage,
                    CASE WHEN f.version = (SELECT MAX(g.version) FROM filings g WHERE g.incident_id = f.incident_id)
                         THEN f.content_json END
             FROM filings f JOIN organisations o ON o.id = f.org_id ORDER BY f.incident_id, f.version",
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
    let mut incidents = Vec::new();
    let mut filed: Vec<(FilingStage, Timestamp)> = Vec::new();
    for (i, (incident, ko, en, at, stage, json)) in rows.iter().enumerate() {
        if let Some(stage) = FilingStage::parse(stage) {
            filed.push((stage, Timestamp(*at)));
        }
        let last_of_incident = rows.get(i + 1).is_none_or(|next| next.0 != *incident);
        if !last_of_incident {
            continue;
        }
        let content = json.as_deref().and_then(Content::from_stored_json).unwrap_or_default();
        let org = if korean { ko.clone() } else { en.clone() };
        incidents.push(facts_of(org, &content, std::mem::take(&mut filed), now));
    }
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(summarise(&incidents, count(open_measures), count(overdue_items)))
}
