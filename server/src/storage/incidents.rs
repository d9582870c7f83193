//! Incidents: opening one, finding one within the caller's scope, and the records the
//! dashboard and incident page are assembled from.

use app::api::Names;
use app::domain::audit::AuditAction;
use app::domain::auth::{OperatorCap, ReviewerCap};
use app::domain::filing::FilingStage;
use app::domain::ids::{incident_reference, IncidentId, OrgId};
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::{Db, StorageError};
use crate::with_pool;

/// An incident as stored, found through a capability: only this module makes one (the
/// private field), so every storage operation that takes an `&IncidentRecord` acts on an
/// incident its caller was allowed to find.
// `#[non_exhaustive]` would seal it only against other crates; the private field seals it
// against the rest of this one.
#[allow(clippy::manual_non_exhaustive)]
#[derive(Clone, Debug)]
pub struct IncidentRecord {
    pub id: i64,
    pub org_id: OrgId,
    pub reference: String,
    pub title: String,
    pub org: Names,
    pub opened_at: Timestamp,
    _sealed: (),
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    org_id: i64,
    reference: String,
    title: String,
    name_ko: String,
    name_en: String,
    opened_at: i64,
}

impl From<Row> for IncidentRecord {
    fn from(r: Row) -> Self {
        IncidentRecord {
            id: r.id,
            org_id: OrgId(r.org_id),
            reference: r.reference,
            title: r.title,
            org: Names { ko: r.name_ko, en: r.name_en },
            opened_at: Timestamp(r.opened_at),
            _sealed: (),
        }
    }
}

const SELECT: &str = "SELECT i.id, i.org_id, i.reference, i.title, o.name_ko, o.name_en, i.opened_at
    FROM incidents i JOIN organisations o ON o.id = i.org_id";

/// Opens an incident with an empty initial-notification draft (holding only its title).
/// Returns the incident's reference.
pub async fn open(db: &Db, cap: &OperatorCap, title: &str, at: Timestamp) -> Result<String, StorageError> {
    let mut content = Content::default();
    content.set("title", title);
    let json = content.canonical_json();
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let id = sqlx::query_scalar::<_, i64>(
            "INSERT INTO incidents (org_id, title, opened_by, opened_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(cap.org().0)
        .bind(title)
        .bind(cap.user().0)
        .bind(at.0)
        .fetch_one(&mut *tx)
        .await?;
        let reference = incident_reference(at.kst_year(), IncidentId(id));
        sqlx::query("UPDATE incidents SET reference = $1 WHERE id = $2")
            .bind(&reference)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO drafts (incident_id, org_id, stage, content_json, revision, created_by, created_at, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, 1, $5, $6, $5, $6)",
        )
        .bind(id)
        .bind(cap.org().0)
        .bind(FilingStage::Initial.as_str())
        .bind(&json)
        .bind(cap.user().0)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        record_audit!(
            &mut *tx,
            AuditEntry::by_operator(
                cap,
                at,
                AuditAction::IncidentOpened,
                &reference,
                serde_json::json!({ "title": title })
            )
        )?;
        tx.commit().await?;
        Ok(reference)
    })
}

/// One of the organisation's incidents by reference: another organisation's incident is
/// indistinguishable from a missing one.
pub async fn find(db: &Db, cap: &OperatorCap, reference: &str) -> Result<IncidentRecord, StorageError> {
    let sql = format!("{SELECT} WHERE i.reference = $1 AND i.org_id = $2");
    let row =
        with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(reference).bind(cap.org().0).fetch_optional(p).await)?;
    row.map(IncidentRecord::from).ok_or(StorageError::NotFound)
}

/// An incident with at least one filed version: the only kind the ministry can see or act on.
/// Only [`find_filed`] makes one, and every ministry write takes one, so an action on an
/// incident the operator never filed cannot be written.
#[derive(Clone, Debug)]
pub struct FiledIncident(IncidentRecord);

impl std::ops::Deref for FiledIncident {
    type Target = IncidentRecord;
    fn deref(&self) -> &IncidentRecord {
        &self.0
    }
}

/// The ministry's view of an incident: found only once a version has been filed; a draft the
/// operator never filed does not exist for the ministry, exactly like a missing incident.
pub async fn find_filed(db: &Db, _cap: &ReviewerCap, reference: &str) -> Result<FiledIncident, StorageError> {
    let sql =
        format!("{SELECT} WHERE i.reference = $1 AND EXISTS (SELECT 1 FROM filings f WHERE f.incident_id = i.id)");
    let row = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(reference).fetch_optional(p).await)?;
    row.map(|r| FiledIncident(IncidentRecord::from(r))).ok_or(StorageError::NotFound)
}

/// Whose view an incident is looked up in, for routes both sides share (notices, files).
pub enum View<'a> {
    Own(&'a OperatorCap),
    Ministry(&'a ReviewerCap),
}

/// [`find`] or [`find_filed`], by view.
pub async fn find_in(db: &Db, view: View<'_>, reference: &str) -> Result<IncidentRecord, StorageError> {
    match view {
        View::Own(cap) => find(db, cap, reference).await,
        View::Ministry(cap) => Ok(find_filed(db, cap, reference).await?.0),
    }
}

/// An organisation's incidents, newest first (at most 500: the dashboard's working set).
pub async fn list(db: &Db, cap: &OperatorCap) -> Result<Vec<IncidentRecord>, StorageError> {
    let sql = format!(
        "{SELECT} WHERE i.org_id = $1 AND i.reference IS NOT NULL ORDER BY i.opened_at DESC, i.id DESC LIMIT 500"
    );
    let rows = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(cap.org().0).fetch_all(p).await)?;
    Ok(rows.into_iter().map(IncidentRecord::from).collect())
}

/// Any incident by id, for the server's start-up work.
pub async fn by_id_for_task(db: &Db, _task: &super::SystemTask, id: i64) -> Result<IncidentRecord, StorageError> {
    let sql = format!("{SELECT} WHERE i.id = $1");
    let row = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(id).fetch_optional(p).await)?;
    row.map(IncidentRecord::from).ok_or(StorageError::NotFound)
}

/// How far back the reminder job looks: incidents opened longer ago than this have no
/// regime deadline left to remind of.
pub const REMINDER_HORIZON_SECS: i64 = 180 * 86_400;

/// Incidents whose ministry case is not closed, opened since `since`, for the reminder job.
pub async fn open_for_task(
    db: &Db,
    _task: &super::SystemTask,
    since: Timestamp,
) -> Result<Vec<IncidentRecord>, StorageError> {
    let sql = format!(
        "{SELECT} WHERE i.reference IS NOT NULL AND i.opened_at >= $1
           AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.incident_id = i.id AND c.closed_at IS NOT NULL)
         ORDER BY i.id"
    );
    let rows = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(since.0).fetch_all(p).await)?;
    Ok(rows.into_iter().map(IncidentRecord::from).collect())
}
