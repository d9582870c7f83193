//! The ministry's case on an incident: assignment, visits ("new since last visit"),
//! closure and the case history read from the audit log.

use app::api::{HistoryRow, Stamp};
use app::domain::audit::AuditAction;
use app::domain::auth::ReviewerCap;
use app::domain::case::{may_close, may_reopen, CaseFacts, CloseBlock, ItemState, ReopenBlock};
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::incidents::{FiledIncident, IncidentRecord};
use super::{Db, StorageError};
use crate::with_pool;
use app::ui::history::PERSON_KEYS;

/// Assignment and closure of one case.
#[derive(Clone, Debug, Default)]
pub struct CaseState {
    pub assignee: Option<String>,
    pub closed: Option<Stamp>,
    /// Why it was closed (empty while open).
    pub close_note: String,
}

/// The case's assignment and closure (a case nobody has touched is open and unassigned).
pub async fn state(db: &Db, incident: &IncidentRecord) -> Result<CaseState, StorageError> {
    let row = with_pool!(db, |p| {
        sqlx::query_as::<_, (Option<String>, Option<i64>, Option<String>, String)>(
            "SELECT a.display_name, c.closed_at, b.display_name, c.close_note FROM cases c
             LEFT JOIN users a ON a.id = c.assignee_id LEFT JOIN users b ON b.id = c.closed_by
             WHERE c.incident_id = $1",
        )
        .bind(incident.id)
        .fetch_optional(p)
        .await
    })?;
    Ok(row
        .map(|(assignee, closed_at, closed_by, close_note)| CaseState {
            assignee,
            closed: closed_at.map(|at| Stamp { by: closed_by.unwrap_or_default(), at: Timestamp(at) }),
            close_note: if closed_at.is_some() { close_note } else { String::new() },
        })
        .unwrap_or_default())
}

/// Ministry staff, for the assignment list.
pub async fn reviewers(db: &Db, _cap: &ReviewerCap) -> Result<Vec<(i64, String)>, StorageError> {
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, String)>(
            "SELECT id, display_name FROM users WHERE role IN ('reviewer', 'review_lead') ORDER BY display_name, id",
        )
        .fetch_all(p)
        .await
    })?)
}

/// Assigns the case. Leads assign anyone on the ministry staff; a reviewer only themself.
pub async fn assign(
    db: &Db,
    cap: &ReviewerCap,
    incident: &FiledIncident,
    assignee: i64,
    at: Timestamp,
) -> Result<(), StorageError> {
    if !cap.is_lead() && assignee != cap.user().0 {
        return Err(StorageError::NotReviewLead);
    }
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let name = sqlx::query_scalar::<_, String>(
            "SELECT display_name FROM users WHERE id = $1 AND role IN ('reviewer', 'review_lead')",
        )
        .bind(assignee)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StorageError::NotFound)?;
        sqlx::query(
            "INSERT INTO cases (incident_id, assignee_id, assigned_at) VALUES ($1, $2, $3)
             ON CONFLICT (incident_id) DO UPDATE SET assignee_id = $2, assigned_at = $3",
        )
        .bind(incident.id)
        .bind(assignee)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        let detail = serde_json::json!({ "assignee": name });
        record_audit!(
            &mut *tx,
            AuditEntry::by_reviewer(cap, at, AuditAction::CaseAssigned, &incident.reference, detail)
        )?;
        tx.commit().await?;
        Ok(())
    })
}

/// Remembers that this reviewer has seen the case now.
pub async fn visit(db: &Db, cap: &ReviewerCap, incident: &IncidentRecord, at: Timestamp) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        sqlx::query(
            "INSERT INTO case_visits (user_id, incident_id, seen_at) VALUES ($1, $2, $3)
             ON CONFLICT (user_id, incident_id) DO UPDATE SET seen_at = $3",
        )
        .bind(cap.user().0)
        .bind(incident.id)
        .bind(at.0)
        .execute(p)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// Per incident of the organisation: requests unanswered past their due date plus required
/// items open past their measure's deadline (for the operator's dashboard).
pub async fn overdue_by_incident(
    db: &Db,
    org: app::domain::ids::OrgId,
    now: Timestamp,
) -> Result<std::collections::HashMap<i64, u32>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, i64)>(
            "SELECT r.incident_id, COUNT(*) FROM info_requests r JOIN incidents i ON i.id = r.incident_id
             WHERE i.org_id = $1 AND r.answered_at IS NULL AND r.closed_at IS NULL AND r.due_at < $2
             GROUP BY r.incident_id
             UNION ALL
             SELECT m.incident_id, COUNT(*) FROM measure_items mi JOIN measures m ON m.id = mi.measure_id
                JOIN incidents i ON i.id = m.incident_id
             WHERE i.org_id = $1 AND mi.state IN ('required', 'rejected') AND m.due_at < $2
             GROUP BY m.incident_id",
        )
        .bind(org.0)
        .bind(now.0)
        .fetch_all(p)
        .await
    })?;
    let mut out = std::collections::HashMap::new();
    for (incident, n) in rows {
        *out.entry(incident).or_insert(0u32) += u32::try_from(n).unwrap_or(u32::MAX);
    }
    Ok(out)
}

/// The organisation's incidents whose case the ministry has closed.
pub async fn closed_of_org(
    db: &Db,
    org: app::domain::ids::OrgId,
) -> Result<std::collections::HashSet<i64>, StorageError> {
    let ids = with_pool!(db, |p| {
        sqlx::query_scalar::<_, i64>(
            "SELECT c.incident_id FROM cases c JOIN incidents i ON i.id = c.incident_id
             WHERE i.org_id = $1 AND c.closed_at IS NOT NULL",
        )
        .bind(org.0)
        .fetch_all(p)
        .await
    })?;
    Ok(ids.into_iter().collect())
}

/// What closing depends on, read with the given executor.
macro_rules! case_facts {
    ($exec:expr, $incident:expr) => {{
        let states = sqlx::query_scalar::<_, String>(
            "SELECT mi.state FROM measure_items mi JOIN measures m ON m.id = mi.measure_id WHERE m.incident_id = $1",
        )
        .bind($incident)
        .fetch_all(&mut *$exec)
        .await?;
        let open_requests = sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM info_requests WHERE incident_id = $1 AND closed_at IS NULL",
        )
        .bind($incident)
        .fetch_one(&mut *$exec)
        .await?;
        let drafts = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM summary_drafts WHERE incident_id = $1")
            .bind($incident)
            .fetch_one(&mut *$exec)
            .await?;
        let closed =
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM cases WHERE incident_id = $1 AND closed_at IS NOT NULL")
                .bind($incident)
                .fetch_one(&mut *$exec)
                .await?;
        CaseFacts {
            item_states: states.iter().filter_map(|s| ItemState::parse(s)).collect(),
            open_requests: usize::try_from(open_requests).unwrap_or(usize::MAX),
            summary_draft_pending: drafts > 0,
            closed: closed > 0,
        }
    }};
}

/// Why the case cannot be closed now, if anything stops it.
pub async fn close_block(db: &Db, incident: &IncidentRecord) -> Result<Option<CloseBlock>, StorageError> {
    with_pool!(db, |p| {
        let mut conn = p.acquire().await?;
        let facts = case_facts!(conn, incident.id);
        Ok(may_close(&facts).err())
    })
}

/// Closes the case if the closure rule allows it, checked in the same transaction. The write
/// comes first, so the transaction holds the write lock (SQLite) or the case row (PostgreSQL)
/// before it reads: of two closings at once, the second finds the case closed.
pub async fn close(
    db: &Db,
    cap: &ReviewerCap,
    incident: &FiledIncident,
    note: &str,
    at: Timestamp,
) -> Result<Result<(), CloseBlock>, StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let closed = sqlx::query(
            "INSERT INTO cases (incident_id, closed_at, closed_by, close_note) VALUES ($1, $2, $3, $4)
             ON CONFLICT (incident_id) DO UPDATE SET closed_at = $2, closed_by = $3, close_note = $4
             WHERE cases.closed_at IS NULL",
        )
        .bind(incident.id)
        .bind(at.0)
        .bind(cap.user().0)
        .bind(note)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if closed == 0 {
            return Ok(Err(CloseBlock::AlreadyClosed));
        }
        let facts = CaseFacts { closed: false, ..case_facts!(tx, incident.id) };
        if let Err(block) = may_close(&facts) {
            // dropping the transaction rolls the closing back
            return Ok(Err(block));
        }
        let detail = serde_json::json!({ "reason": note });
        record_audit!(
            &mut *tx,
            AuditEntry::by_reviewer(cap, at, AuditAction::CaseClosed, &incident.reference, detail)
        )?;
        tx.commit().await?;
        Ok(Ok(()))
    })
}

/// Opens a closed case again (a review lead's decision; the rule is checked here too, and
/// "still closed" is checked by the update itself, so two leads reopening at once record one
/// reopening).
pub async fn reopen(
    db: &Db,
    cap: &ReviewerCap,
    incident: &FiledIncident,
    reason: &str,
    at: Timestamp,
) -> Result<Result<(), ReopenBlock>, StorageError> {
    if let Err(block) = may_reopen(cap.is_lead(), true) {
        return Ok(Err(block));
    }
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let reopened = sqlx::query(
            "UPDATE cases SET closed_at = NULL, closed_by = NULL, close_note = ''
             WHERE incident_id = $1 AND closed_at IS NOT NULL",
        )
        .bind(incident.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if reopened == 0 {
            return Ok(Err(ReopenBlock::NotClosed));
        }
        let detail = serde_json::json!({ "reason": reason });
        record_audit!(
            &mut *tx,
            AuditEntry::by_reviewer(cap, at, AuditAction::CaseReopened, &incident.reference, detail)
        )?;
        tx.commit().await?;
        Ok(Ok(()))
    })
}

/// Every recorded change on the incident, oldest first, with who made it.
pub async fn history(db: &Db, reference: &str) -> Result<Vec<HistoryRow>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, Option<String>, String, String)>(
            "SELECT a.at, u.display_name, a.action, a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
             WHERE a.subject = $1 OR a.subject LIKE $2 ORDER BY a.at, a.id",
        )
        .bind(reference)
        .bind(format!("{reference}-%"))
        .fetch_all(p)
        .await
    })?;
    // The accounts the details name by id, looked up in one query for the whole history.
    let named: Vec<Vec<i64>> = rows.iter().map(|(_, _, _, detail)| person_ids(detail)).collect();
    let ids: std::collections::BTreeSet<i64> = named.iter().flatten().copied().collect();
    let names = if ids.is_empty() {
        Vec::new()
    } else {
        let marks: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
        let sql = format!("SELECT id, display_name FROM users WHERE id IN ({})", marks.join(", "));
        with_pool!(db, |p| {
            let mut q = sqlx::query_as::<_, (i64, String)>(&sql);
            for id in &ids {
                q = q.bind(*id);
            }
            q.fetch_all(p).await
        })?
    };
    Ok(rows
        .into_iter()
        .zip(named)
        .map(|((at, actor, action, detail), mine)| {
            let people = names.iter().filter(|(id, _)| mine.contains(id)).cloned().collect();
            HistoryRow { at: Timestamp(at), actor: actor.unwrap_or_default(), action, detail, people }
        })
        .collect())
}

/// The account ids an audit detail names (under [`PERSON_KEYS`]).
fn person_ids(detail: &str) -> Vec<i64> {
    let Ok(d) = serde_json::from_str::<serde_json::Value>(detail) else { return Vec::new() };
    PERSON_KEYS.iter().filter_map(|k| d.get(*k).and_then(serde_json::Value::as_i64)).collect()
}
