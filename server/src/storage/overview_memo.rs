//! Each incident's contribution to the ministry's overview, kept between visits.
//!
//! Filings are only ever added, so "what changed since the last visit" is the incidents with a
//! filing newer than the newest one seen; if the filings up to that one are no longer the
//! ones counted (a transaction with a lower id committed late), everything is computed again.
//! Outside submissions are compared incident by incident. Each instance keeps its own memo,
//! derived from the shared database, so several instances agree.

use std::collections::{HashMap, HashSet};

use app::domain::deadlines::OutsideSubmission;
use app::domain::filing::FilingStage;
use app::domain::overview::IncidentFacts;
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;

use super::outside::ByIncident;
use super::overview::{contribution_of, rows_sql, Row};
use super::{Db, StorageError};
use crate::with_pool;

/// What of a contribution changes with time alone.
#[derive(Clone, Debug)]
pub struct Pending {
    /// Reporting clocks done late.
    pub late_done: u32,
    /// Due instants of reporting clocks not yet done: late once `now` is past them.
    pub open_dues: Vec<i64>,
    /// False when the whole contribution depends on `now` (an outage still going).
    pub timeless: bool,
}

/// One incident's part of the overview (its organisation by id; the name is the reader's).
pub struct Contribution {
    pub org_id: i64,
    pub facts: IncidentFacts,
}

struct Entry {
    org_id: i64,
    outside: Vec<OutsideSubmission>,
    facts: IncidentFacts,
    pending: Pending,
    /// For an incident whose contribution depends on `now`: its content and filing times.
    live: Option<(String, Vec<(FilingStage, Timestamp)>)>,
}

impl Entry {
    fn at(&self, now: Timestamp) -> IncidentFacts {
        if let Some((json, filed)) = &self.live {
            let content = Content::from_stored_json(json).unwrap_or_default();
            return contribution_of(&content, filed.clone(), self.outside.clone(), now).0;
        }
        let overdue = self.pending.open_dues.iter().filter(|d| now.0 > **d).count();
        IncidentFacts {
            clocks_late: self.pending.late_done + u32::try_from(overdue).unwrap_or(u32::MAX),
            ..self.facts.clone()
        }
    }
}

/// The newest filing seen, and how many filings there were up to it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Seen {
    last_id: i64,
    count: i64,
}

#[derive(Default)]
struct State {
    seen: Option<Seen>,
    entries: HashMap<i64, Entry>,
}

/// The kept contributions (one per application state).
#[derive(Default)]
pub struct OverviewMemo {
    state: tokio::sync::Mutex<State>,
}

/// Outside submissions in a comparable order.
fn sorted(outside: Option<&Vec<OutsideSubmission>>) -> Vec<OutsideSubmission> {
    let mut v = outside.cloned().unwrap_or_default();
    v.sort_by(|a, b| (a.number, &a.regime, a.at.0).cmp(&(b.number, &b.regime, b.at.0)));
    v
}

impl OverviewMemo {
    /// Every filed incident's contribution at `now`, computing again what changed.
    pub(super) async fn current(
        &self,
        db: &Db,
        outside: &ByIncident,
        now: Timestamp,
    ) -> Result<Vec<Contribution>, StorageError> {
        let mut state = self.state.lock().await;
        let (last_id, count) = with_pool!(db, |p| {
            sqlx::query_as::<_, (i64, i64)>("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM filings").fetch_one(p).await
        })?;
        let seen = Seen { last_id, count };
        let changed: Option<Vec<i64>> = match state.seen {
            Some(old) if old == seen => Some(Vec::new()),
            Some(old) if old.last_id <= last_id => appended_since(db, old).await?,
            _ => None,
        };
        match changed {
            None => {
                state.entries.clear();
                let rows = with_pool!(db, |p| sqlx::query_as::<_, Row>(&rows_sql("")).fetch_all(p).await)?;
                remember(&mut state.entries, rows, outside, now);
            }
            Some(mut ids) => {
                let known: HashSet<i64> = ids.iter().copied().collect();
                ids.extend(
                    state
                        .entries
                        .iter()
                        .filter(|(id, e)| !known.contains(id) && e.outside != sorted(outside.get(id)))
                        .map(|(id, _)| *id),
                );
                for chunk in ids.chunks(500) {
                    let marks: Vec<String> = (1..=chunk.len()).map(|n| format!("${n}")).collect();
                    let sql = rows_sql(&format!("WHERE f.incident_id IN ({})", marks.join(", ")));
                    let rows = with_pool!(db, |p| {
                        let mut q = sqlx::query_as::<_, Row>(&sql);
                        for id in chunk {
                            q = q.bind(*id);
                        }
                        q.fetch_all(p).await
                    })?;
                    remember(&mut state.entries, rows, outside, now);
                }
            }
        }
        state.seen = Some(seen);
        Ok(state.entries.values().map(|e| Contribution { org_id: e.org_id, facts: e.at(now) }).collect())
    }
}

/// The incidents with a filing newer than `old`, or `None` when the filings up to it changed.
async fn appended_since(db: &Db, old: Seen) -> Result<Option<Vec<i64>>, StorageError> {
    let (ids, up_to) = with_pool!(db, |p| {
        let ids = sqlx::query_scalar::<_, i64>("SELECT DISTINCT incident_id FROM filings WHERE id > $1")
            .bind(old.last_id)
            .fetch_all(p)
            .await?;
        let up_to = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM filings WHERE id <= $1")
            .bind(old.last_id)
            .fetch_one(p)
            .await?;
        Ok::<_, sqlx::Error>((ids, up_to))
    })?;
    Ok((up_to == old.count).then_some(ids))
}

fn remember(entries: &mut HashMap<i64, Entry>, rows: Vec<Row>, outside: &ByIncident, now: Timestamp) {
    for row in rows {
        let filed = row.filed();
        let content = Content::from_stored_json(&row.content_json).unwrap_or_default();
        let told = sorted(outside.get(&row.incident_id));
        let (facts, pending) = contribution_of(&content, filed.clone(), told.clone(), now);
        let live = (!pending.timeless).then_some((row.content_json, filed));
        entries.insert(row.incident_id, Entry { org_id: row.org_id, outside: told, facts, pending, live });
    }
}

/// Computes every contribution once (at start-up, so the first visit is quick).
pub async fn warm(db: &Db, memo: &OverviewMemo, now: Timestamp) -> Result<(), StorageError> {
    let outside = super::outside::counted_for_task(db, &super::SystemTask::start_up()).await?;
    memo.current(db, &outside, now).await.map(|_| ())
}
