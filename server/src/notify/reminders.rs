//! Reminders of deadlines: a request for information due within 24 hours or overdue, a
//! measure's deadline near or passed while items are still open, and a regime deadline of
//! an open incident due within 24 hours or missed. Each is recorded once per deadline and
//! threshold (`reminders_sent`), however often the job runs and on however many instances.

use std::collections::HashMap;

use app::domain::deadlines::ClockState;
use app::domain::ids::OrgId;
use app::domain::notice::{reminder, NoticeKind, Recipients, Threshold, DUE_SOON_SECS};
use app::domain::timestamp::Timestamp;

use crate::page_data::incident::regime_clocks;
use crate::storage::notifications::{remind_once, Notice};
use crate::storage::{drafts, filings, incidents, outside, Db, StorageError, SystemTask};
use crate::with_pool;

/// Looks for due reminders at `now` and records each not yet sent; answers how many.
pub async fn run_once(db: &Db, now: Timestamp) -> Result<usize, StorageError> {
    let task = SystemTask::start_up();
    let mut sent = 0;
    let soon = now.0 + DUE_SOON_SECS;
    // requests the operator has not answered, of cases still open
    let requests = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, i64, String, i64, i64)>(
            "SELECT r.id, r.number, i.reference, i.org_id, r.due_at FROM info_requests r
             JOIN incidents i ON i.id = r.incident_id
             WHERE r.answered_at IS NULL AND r.closed_at IS NULL AND r.due_at <= $1
               AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.incident_id = i.id AND c.closed_at IS NOT NULL)",
        )
        .bind(soon)
        .fetch_all(p)
        .await
    })?;
    for (id, number, reference, org, due) in requests {
        let kinds = (NoticeKind::RequestDueSoon, NoticeKind::RequestOverdue);
        sent +=
            remind(db, &format!("request:{id}"), kinds, reference, number.to_string(), OrgId(org), due, now).await?;
    }
    // measures with items still to do
    let measures = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, i64, String, i64, i64)>(
            "SELECT m.id, m.number, i.reference, i.org_id, m.due_at FROM measures m
             JOIN incidents i ON i.id = m.incident_id
             WHERE m.due_at <= $1
               AND EXISTS (SELECT 1 FROM measure_items t WHERE t.measure_id = m.id AND t.state IN ('required', 'rejected'))
               AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.incident_id = i.id AND c.closed_at IS NOT NULL)",
        )
        .bind(soon)
        .fetch_all(p)
        .await
    })?;
    for (id, number, reference, org, due) in measures {
        let kinds = (NoticeKind::MeasureDueSoon, NoticeKind::MeasureOverdue);
        sent +=
            remind(db, &format!("measure:{id}"), kinds, reference, number.to_string(), OrgId(org), due, now).await?;
    }
    sent += regime_deadlines(db, &task, now).await?;
    Ok(sent)
}

/// The regime clocks of every open incident of the last months that are not met yet.
async fn regime_deadlines(db: &Db, task: &SystemTask, now: Timestamp) -> Result<usize, StorageError> {
    let mut sent = 0;
    let since = Timestamp(now.0 - incidents::REMINDER_HORIZON_SECS);
    let open = incidents::open_for_task(db, task, since).await?;
    let told = outside::counted_for_task(db, task).await?;
    let versions_of = filings::versions_for_task(db, task, since).await?;
    // each operator's profile decides its exemptions (no reminder for a notice not owed)
    let profiles = crate::storage::profiles::operator_facts_all(db).await?;
    let no_profile = app::domain::law::operator::OperatorFacts::default();
    let mut drafts_by_org: HashMap<i64, HashMap<i64, drafts::DraftRecord>> = HashMap::new();
    for incident in open {
        let versions = versions_of.get(&incident.id).map(Vec::as_slice).unwrap_or_default();
        let org = incident.org_id;
        if let std::collections::hash_map::Entry::Vacant(e) = drafts_by_org.entry(org.0) {
            e.insert(drafts::of_org(db, org).await?.into_iter().collect());
        }
        let draft = drafts_by_org.get(&org.0).and_then(|d| d.get(&incident.id));
        let outside = told.get(&incident.id).map(Vec::as_slice).unwrap_or_default();
        let facts = profiles.get(&org.0).unwrap_or(&no_profile);
        for clock in regime_clocks(facts, versions, draft, outside, now) {
            let (Some(due), None) = (clock.due, clock.done_at) else { continue };
            if !matches!(clock.state, ClockState::Open | ClockState::Overdue { .. }) {
                continue;
            }
            let name = format!("{}/{}", clock.regime, clock.duty.as_str());
            let key = format!("clock:{}:{name}", incident.id);
            let kinds = (NoticeKind::ClockDueSoon, NoticeKind::ClockMissed);
            sent += remind(db, &key, kinds, incident.reference.clone(), name, org, due.0, now).await?;
        }
    }
    Ok(sent)
}

/// Records the reminder of a deadline at `due` if one is due and not yet sent.
#[allow(clippy::too_many_arguments)]
async fn remind(
    db: &Db,
    key: &str,
    (soon, passed): (NoticeKind, NoticeKind),
    reference: String,
    detail: String,
    org: OrgId,
    due: i64,
    now: Timestamp,
) -> Result<usize, StorageError> {
    let Some(threshold) = reminder(due, now.0) else { return Ok(0) };
    let kind = if threshold == Threshold::Passed { passed } else { soon };
    let notice = Notice { kind, reference, detail, recipients: Recipients::Filers(org), actor: None, at: now };
    let fresh = remind_once(db, &format!("{key}:{}", threshold.code()), &notice).await?;
    Ok(usize::from(fresh))
}

/// Runs the reminder job every `every`, until the task is dropped.
pub async fn run(db: Db, clock: crate::clock::Clock, every: std::time::Duration) {
    loop {
        match run_once(&db, clock.now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(reminders = n, "reminders recorded"),
            Err(e) => tracing::error!(error = %e, "the reminder job failed"),
        }
        tokio::time::sleep(every).await;
    }
}
