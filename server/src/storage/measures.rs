//! Measures the ministry imposes (행정지도, 시정명령, 과태료, 과징금) and the items they
//! require: issued by the ministry, acknowledged and reported done by the operator,
//! verified (accepted, rejected or waived) by the ministry.

use app::api::{ItemView, MeasureView, Stamp};
use app::domain::audit::AuditAction;
use app::domain::auth::{OperatorCap, ReviewerCap};
use app::domain::case::forms::{Measure, Verdict};
use app::domain::case::{ItemState, MeasureKind};
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::incidents::{FiledIncident, IncidentRecord};
use super::notifications::{record_notice, Notice};
use super::{Db, StorageError};
use crate::with_pool;
use app::domain::notice::{NoticeKind, Recipients};

#[derive(sqlx::FromRow)]
struct MeasureRow {
    id: i64,
    number: i64,
    kind: String,
    legal_basis: String,
    content: String,
    due_at: i64,
    amount_krw: Option<i64>,
    issued_by: String,
    issued_at: i64,
    acknowledged_by: Option<String>,
    acknowledged_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: i64,
    measure_id: i64,
    number: i64,
    text: String,
    state: String,
    operator_note: String,
    done_by: Option<String>,
    done_at: Option<i64>,
    verdict_reason: String,
    verified_by: Option<String>,
    verified_at: Option<i64>,
}

fn stamp(by: Option<String>, at: Option<i64>) -> Option<Stamp> {
    at.map(|at| Stamp { by: by.unwrap_or_default(), at: Timestamp(at) })
}

/// Every measure of the incident with its items, in the order issued.
pub async fn list(db: &Db, incident: &IncidentRecord) -> Result<Vec<MeasureView>, StorageError> {
    let (measures, items) = with_pool!(db, |p| {
        let measures = sqlx::query_as::<_, MeasureRow>(
            "SELECT m.id, m.number, m.kind, m.legal_basis, m.content, m.due_at, m.amount_krw, i.display_name AS issued_by,
                    m.issued_at, a.display_name AS acknowledged_by, m.acknowledged_at
             FROM measures m JOIN users i ON i.id = m.issued_by LEFT JOIN users a ON a.id = m.acknowledged_by
             WHERE m.incident_id = $1 ORDER BY m.number",
        )
        .bind(incident.id)
        .fetch_all(p)
        .await?;
        let items = sqlx::query_as::<_, ItemRow>(
            "SELECT mi.id, mi.measure_id, mi.number, mi.text, mi.state, mi.operator_note, d.display_name AS done_by,
                    mi.done_at, mi.verdict_reason, v.display_name AS verified_by, mi.verified_at
             FROM measure_items mi JOIN measures m ON m.id = mi.measure_id
             LEFT JOIN users d ON d.id = mi.done_by LEFT JOIN users v ON v.id = mi.verified_by
             WHERE m.incident_id = $1 ORDER BY mi.measure_id, mi.number",
        )
        .bind(incident.id)
        .fetch_all(p)
        .await?;
        Ok::<_, sqlx::Error>((measures, items))
    })?;
    Ok(measures
        .into_iter()
        .filter_map(|m| {
            let items = items
                .iter()
                .filter(|i| i.measure_id == m.id)
                .map(|i| ItemView {
                    id: i.id,
                    number: i.number,
                    text: i.text.clone(),
                    state: ItemState::parse(&i.state).unwrap_or(ItemState::Required),
                    operator_note: i.operator_note.clone(),
                    done: stamp(i.done_by.clone(), i.done_at),
                    verdict_reason: i.verdict_reason.clone(),
                    verified: stamp(i.verified_by.clone(), i.verified_at),
                })
                .collect();
            Some(MeasureView {
                number: m.number,
                kind: MeasureKind::parse(&m.kind)?,
                legal_basis: m.legal_basis,
                content: m.content,
                due: Timestamp(m.due_at),
                amount_krw: m.amount_krw,
                issued: Stamp { by: m.issued_by, at: Timestamp(m.issued_at) },
                acknowledged: stamp(m.acknowledged_by, m.acknowledged_at),
                items,
            })
        })
        .collect())
}

/// Issues a measure with its items. Returns its number.
pub async fn issue(
    db: &Db,
    cap: &ReviewerCap,
    incident: &FiledIncident,
    m: &Measure,
    at: Timestamp,
) -> Result<i64, StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        // First statement of the transaction: it takes the incident row's lock (PostgreSQL) or
        // the write lock (SQLite), so concurrent issues are numbered one after the other.
        let number = sqlx::query_scalar::<_, i64>(
            "UPDATE incidents SET measures_numbered = measures_numbered + 1 WHERE id = $1 RETURNING measures_numbered",
        )
        .bind(incident.id)
        .fetch_one(&mut *tx)
        .await?;
        let id = sqlx::query_scalar::<_, i64>(
            "INSERT INTO measures (incident_id, number, kind, legal_basis, content, due_at, amount_krw, issued_by, issued_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(incident.id)
        .bind(number)
        .bind(m.kind.as_str())
        .bind(&m.legal_basis)
        .bind(&m.content)
        .bind(m.due.0)
        .bind(m.amount_krw)
        .bind(cap.user().0)
        .bind(at.0)
        .fetch_one(&mut *tx)
        .await?;
        for (n, text) in (1i64..).zip(&m.items) {
            sqlx::query("INSERT INTO measure_items (measure_id, number, text, state) VALUES ($1, $2, $3, 'required')")
                .bind(id)
                .bind(n)
                .bind(text)
                .execute(&mut *tx)
                .await?;
        }
        let detail = serde_json::json!({ "measure": number, "kind": m.kind.as_str(), "items": m.items.len() });
        record_audit!(
            &mut *tx,
            AuditEntry::by_reviewer(cap, at, AuditAction::MeasureIssued, &incident.reference, detail)
        )?;
        let to = Recipients::Filers(incident.org_id);
        record_notice!(tx, &Notice::new(NoticeKind::MeasureIssued, &incident.reference, number, to, cap.user(), at))?;
        tx.commit().await?;
        Ok(number)
    })
}

/// The operator confirms it has received measure `number`.
pub async fn acknowledge(
    db: &Db,
    cap: &OperatorCap,
    incident: &IncidentRecord,
    number: i64,
    at: Timestamp,
) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query(
            "UPDATE measures SET acknowledged_by = $1, acknowledged_at = $2
             WHERE incident_id = $3 AND number = $4 AND acknowledged_at IS NULL",
        )
        .bind(cap.user().0)
        .bind(at.0)
        .bind(incident.id)
        .bind(number)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StorageError::AlreadyAcknowledged);
        }
        let detail = serde_json::json!({ "measure": number });
        record_audit!(
            &mut *tx,
            AuditEntry::by_operator(cap, at, AuditAction::MeasureAcknowledged, &incident.reference, detail)
        )?;
        let to = Recipients::CaseOwner { incident: incident.id };
        let notice = Notice::new(NoticeKind::MeasureAcknowledged, &incident.reference, number, to, cap.user(), at);
        record_notice!(tx, &notice)?;
        tx.commit().await?;
        Ok(())
    })
}

/// The item's id and state, within the incident (another incident's item is not found).
macro_rules! item_state {
    ($tx:expr, $incident:expr, $item:expr) => {{
        let row = sqlx::query_as::<_, (i64, String, i64)>(
            "SELECT mi.number, mi.state, m.number FROM measure_items mi JOIN measures m ON m.id = mi.measure_id
             WHERE mi.id = $1 AND m.incident_id = $2",
        )
        .bind($item)
        .bind($incident)
        .fetch_optional(&mut *$tx)
        .await?;
        let (number, state, measure) = row.ok_or(StorageError::NotFound)?;
        // "2.3": item 3 of measure 2, as notifications name it
        let name = format!("{measure}.{number}");
        (number, ItemState::parse(&state).ok_or(StorageError::Corrupt("item state"))?, name)
    }};
}

/// The operator reports an item done, with what was done.
pub async fn mark_done(
    db: &Db,
    cap: &OperatorCap,
    incident: &IncidentRecord,
    item: i64,
    note: &str,
    at: Timestamp,
) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let (number, state, name) = item_state!(tx, incident.id, item);
        if !state.operator_may_mark_done() {
            return Err(StorageError::ItemNotOpen);
        }
        sqlx::query(
            "UPDATE measure_items SET state = 'done', operator_note = $1, done_by = $2, done_at = $3 WHERE id = $4",
        )
        .bind(note)
        .bind(cap.user().0)
        .bind(at.0)
        .bind(item)
        .execute(&mut *tx)
        .await?;
        let detail = serde_json::json!({ "item": item, "number": number });
        record_audit!(&mut *tx, AuditEntry::by_operator(cap, at, AuditAction::ItemDone, &incident.reference, detail))?;
        let to = Recipients::CaseOwner { incident: incident.id };
        record_notice!(tx, &Notice::new(NoticeKind::ItemDone, &incident.reference, name, to, cap.user(), at))?;
        tx.commit().await?;
        Ok(())
    })
}

/// The ministry accepts or rejects an item reported done, or waives one not yet settled.
pub async fn verify(
    db: &Db,
    cap: &ReviewerCap,
    incident: &FiledIncident,
    item: i64,
    v: &Verdict,
    at: Timestamp,
) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let (number, state, name) = item_state!(tx, incident.id, item);
        let allowed = match v.state {
            ItemState::Waived => state.ministry_may_waive(),
            _ => state.ministry_may_verify(),
        };
        if !allowed {
            return Err(StorageError::ItemNotAwaitingVerification);
        }
        sqlx::query(
            "UPDATE measure_items SET state = $1, verdict_reason = $2, verified_by = $3, verified_at = $4 WHERE id = $5",
        )
        .bind(v.state.as_str())
        .bind(&v.reason)
        .bind(cap.user().0)
        .bind(at.0)
        .bind(item)
        .execute(&mut *tx)
        .await?;
        let detail =
            serde_json::json!({ "item": item, "number": number, "verdict": v.state.as_str(), "reason": v.reason });
        record_audit!(
            &mut *tx,
            AuditEntry::by_reviewer(cap, at, AuditAction::ItemVerified, &incident.reference, detail)
        )?;
        // a waiver needs nothing more of the operator: it is on the case page
        let kind = match v.state {
            ItemState::Accepted => Some(NoticeKind::ItemAccepted),
            ItemState::Rejected => Some(NoticeKind::ItemRejected),
            _ => None,
        };
        if let Some(kind) = kind {
            let to = Recipients::Filers(incident.org_id);
            record_notice!(tx, &Notice::new(kind, &incident.reference, name, to, cap.user(), at))?;
        }
        tx.commit().await?;
        Ok(())
    })
}
