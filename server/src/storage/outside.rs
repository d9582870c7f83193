//! Submissions made outside Outage Desk: recorded by an officer, signed off by a signatory;
//! only signed-off records count for their clock.

use app::api::{OutsideView, Stamp};
use app::domain::audit::AuditAction;
use app::domain::auth::OperatorCap;
use app::domain::deadlines::{Duty, OutsideSubmission};
use app::domain::outside::{Channel, OutsideRecord};
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::incidents::IncidentRecord;
use super::{Db, StorageError};
use crate::with_pool;

/// Most records on one incident (a clock needs one; a few regimes, a correction or two).
pub const MAX_RECORDS: i64 = 50;

#[derive(sqlx::FromRow)]
struct Row {
    number: i64,
    regime: String,
    duty: String,
    submitted_at: i64,
    channel: String,
    recipient: String,
    their_reference: String,
    recorded_by: String,
    recorded_at: i64,
    signed_off_by: Option<String>,
    signed_off_at: Option<i64>,
    withdrawn_by: Option<String>,
    withdrawn_at: Option<i64>,
}

fn stamp(by: Option<String>, at: Option<i64>) -> Option<Stamp> {
    match (by, at) {
        (Some(by), Some(at)) => Some(Stamp { by, at: Timestamp(at) }),
        _ => None,
    }
}

/// Every record on the incident, by number.
pub async fn list(db: &Db, incident: &IncidentRecord) -> Result<Vec<OutsideView>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, Row>(
            "SELECT o.number, o.regime, o.duty, o.submitted_at, o.channel, o.recipient, o.their_reference,
                r.display_name AS recorded_by, o.recorded_at, s.display_name AS signed_off_by, o.signed_off_at,
                w.display_name AS withdrawn_by, o.withdrawn_at
             FROM outside_submissions o JOIN users r ON r.id = o.recorded_by LEFT JOIN users s ON s.id = o.signed_off_by
                LEFT JOIN users w ON w.id = o.withdrawn_by
             WHERE o.incident_id = $1 ORDER BY o.number",
        )
        .bind(incident.id)
        .fetch_all(p)
        .await
    })?;
    rows.into_iter()
        .map(|r| {
            let unreadable = || StorageError::Corrupt("stored outside submission");
            Ok(OutsideView {
                number: u32::try_from(r.number).map_err(|_| unreadable())?,
                duty: Duty::parse(&r.duty).ok_or_else(unreadable)?,
                channel: Channel::parse(&r.channel).ok_or_else(unreadable)?,
                regime: r.regime,
                at: Timestamp(r.submitted_at),
                recipient: r.recipient,
                their_reference: r.their_reference,
                recorded: Stamp { by: r.recorded_by, at: Timestamp(r.recorded_at) },
                signed_off: stamp(r.signed_off_by, r.signed_off_at),
                withdrawn: stamp(r.withdrawn_by, r.withdrawn_at),
            })
        })
        .collect()
}

/// The signed-off records, as the deadline engine counts them.
pub fn counted(records: &[OutsideView]) -> Vec<OutsideSubmission> {
    records
        .iter()
        .filter(|r| r.signed_off.is_some() && r.withdrawn.is_none())
        .map(|r| OutsideSubmission { regime: r.regime.clone(), duty: r.duty, at: r.at, number: r.number })
        .collect()
}

/// Counted records by incident id.
pub type ByIncident = std::collections::HashMap<i64, Vec<OutsideSubmission>>;

/// The signed-off records of every incident of the organisation, by incident id (for the
/// dashboard's clocks).
pub async fn counted_of_org(db: &Db, cap: &OperatorCap) -> Result<ByIncident, StorageError> {
    counted_where(db, Some(cap.org().0)).await
}

/// The signed-off records of every incident, by incident id (for the ministry's overview).
pub async fn counted_all(db: &Db, _cap: &app::domain::auth::ReviewerCap) -> Result<ByIncident, StorageError> {
    counted_where(db, None).await
}

/// The signed-off records of every incident, by incident id (for the reminder job).
pub async fn counted_for_task(db: &Db, _task: &super::SystemTask) -> Result<ByIncident, StorageError> {
    counted_where(db, None).await
}

async fn counted_where(db: &Db, org: Option<i64>) -> Result<ByIncident, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, i64, String, String, i64)>(
            "SELECT o.incident_id, o.number, o.regime, o.duty, o.submitted_at
             FROM outside_submissions o JOIN incidents i ON i.id = o.incident_id
             WHERE ($1 = 0 OR i.org_id = $1) AND o.signed_off_at IS NOT NULL AND o.withdrawn_at IS NULL",
        )
        .bind(org.unwrap_or(0))
        .fetch_all(p)
        .await
    })?;
    let mut out = ByIncident::default();
    for (incident, number, regime, duty, at) in rows {
        let Some(duty) = Duty::parse(&duty) else { return Err(StorageError::Corrupt("stored outside submission")) };
        let number = u32::try_from(number).map_err(|_| StorageError::Corrupt("stored outside submission"))?;
        out.entry(incident).or_default().push(OutsideSubmission { regime, duty, at: Timestamp(at), number });
    }
    Ok(out)
}

/// Records a submission made outside the desk (an officer or signatory of the incident's
/// organisation). Returns its number.
pub async fn record(
    db: &Db,
    cap: &OperatorCap,
    incident: &IncidentRecord,
    r: &OutsideRecord,
    at: Timestamp,
) -> Result<i64, StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        // the counter first: it takes the incident's row (PostgreSQL) or the write lock (SQLite)
        let number = sqlx::query_scalar::<_, i64>(
            "UPDATE incidents SET outside_numbered = outside_numbered + 1 WHERE id = $1 RETURNING outside_numbered",
        )
        .bind(incident.id)
        .fetch_one(&mut *tx)
        .await?;
        if number > MAX_RECORDS {
            return Err(StorageError::RecordLimit);
        }
        sqlx::query(
            "INSERT INTO outside_submissions (incident_id, number, regime, duty, submitted_at, channel, recipient,
                their_reference, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(incident.id)
        .bind(number)
        .bind(&r.regime)
        .bind(r.duty.as_str())
        .bind(r.at.0)
        .bind(r.channel.as_str())
        .bind(&r.recipient)
        .bind(&r.their_reference)
        .bind(cap.user().0)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        let clock = app::domain::outside::clock_key(&r.regime, r.duty);
        let detail = serde_json::json!({ "number": number, "clock": clock, "at": r.at.0 });
        record_audit!(
            &mut *tx,
            AuditEntry::by_operator(cap, at, AuditAction::OutsideRecorded, &incident.reference, detail)
        )?;
        tx.commit().await?;
        Ok(number)
    })
}

/// What an officer or signatory does to a record not yet signed off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Settle {
    /// A signatory confirms it: from then on its clock counts it.
    SignOff,
    /// The officer takes back a mistaken record: it is kept, never counted.
    Withdraw,
}

/// Signs record `number` off or withdraws it; only a record neither signed off nor withdrawn
/// can be, once (two at the same moment: one wins, the other is told it changed).
pub async fn settle(
    db: &Db,
    cap: &OperatorCap,
    incident: &IncidentRecord,
    number: i64,
    how: Settle,
    at: Timestamp,
) -> Result<(), StorageError> {
    let (sql, action) = match how {
        Settle::SignOff if !cap.can_sign() => return Err(StorageError::NotOperatorRole),
        Settle::SignOff => (
            "UPDATE outside_submissions SET signed_off_by = $1, signed_off_at = $2
             WHERE incident_id = $3 AND number = $4 AND signed_off_at IS NULL AND withdrawn_at IS NULL",
            AuditAction::OutsideSignedOff,
        ),
        Settle::Withdraw if !cap.can_file() => return Err(StorageError::NotOperatorRole),
        Settle::Withdraw => (
            "UPDATE outside_submissions SET withdrawn_by = $1, withdrawn_at = $2
             WHERE incident_id = $3 AND number = $4 AND signed_off_at IS NULL AND withdrawn_at IS NULL",
            AuditAction::OutsideWithdrawn,
        ),
    };
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let changed = sqlx::query(sql)
            .bind(cap.user().0)
            .bind(at.0)
            .bind(incident.id)
            .bind(number)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            let exists = sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM outside_submissions WHERE incident_id = $1 AND number = $2",
            )
            .bind(incident.id)
            .bind(number)
            .fetch_one(&mut *tx)
            .await?;
            return Err(if exists > 0 { StorageError::ItemNotOpen } else { StorageError::NotFound });
        }
        let detail = serde_json::json!({ "number": number });
        record_audit!(&mut *tx, AuditEntry::by_operator(cap, at, action, &incident.reference, detail))?;
        tx.commit().await?;
        Ok(())
    })
}
