//! Evidence attachments, stored in the database with their SHA-256 so every app instance
//! serves them and a backup holds them with the filings they support.

use app::api::AttachmentRow;
use app::domain::audit::AuditAction;
use app::domain::auth::OperatorCap;
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::filings::content_hash_bytes;
use super::incidents::IncidentRecord;
use super::{Db, StorageError};
use crate::with_pool;

/// A file to store.
pub struct NewAttachment<'a> {
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub description: &'a str,
    pub data: &'a [u8],
}

#[derive(sqlx::FromRow)]
struct Row {
    public_id: String,
    file_name: String,
    description: String,
    content_type: String,
    size_bytes: i64,
    sha256: String,
    uploaded_by: String,
    uploaded_at: i64,
}

impl From<Row> for AttachmentRow {
    fn from(r: Row) -> Self {
        AttachmentRow {
            id: r.public_id,
            file_name: r.file_name,
            description: r.description,
            content_type: r.content_type,
            size_bytes: r.size_bytes,
            sha256: r.sha256,
            uploaded_by: r.uploaded_by,
            uploaded_at: Timestamp(r.uploaded_at),
        }
    }
}

/// Files one incident may hold (evidence and answers together), and their bytes.
pub const MAX_FILES_PER_INCIDENT: i64 = 50;
pub const MAX_BYTES_PER_INCIDENT: i64 = 200 * 1024 * 1024;

/// Stores a file for an incident of the caller's organisation; returns its public id.
/// Refused with [`StorageError::AttachmentLimit`] when the incident is full.
pub async fn add(
    db: &Db,
    cap: &OperatorCap,
    incident: &IncidentRecord,
    file: NewAttachment<'_>,
    at: Timestamp,
) -> Result<String, StorageError> {
    let sha = content_hash_bytes(file.data);
    // unguessable, so ids reveal nothing about other organisations' files
    let public_id = hex::encode(rand_bytes());
    let size = i64::try_from(file.data.len()).map_err(|_| StorageError::AttachmentLimit)?;
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let (count, bytes) = sqlx::query_as::<_, (i64, i64)>(
            "SELECT COUNT(*), CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) FROM attachments WHERE incident_id = $1",
        )
        .bind(incident.id)
        .fetch_one(&mut *tx)
        .await?;
        if count >= MAX_FILES_PER_INCIDENT || bytes + size > MAX_BYTES_PER_INCIDENT {
            return Err(StorageError::AttachmentLimit);
        }
        sqlx::query(
            "INSERT INTO attachments (public_id, org_id, incident_id, file_name, content_type, size_bytes, sha256, data,
                description, uploaded_by, uploaded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&public_id)
        .bind(cap.org().0)
        .bind(incident.id)
        .bind(file.file_name)
        .bind(file.content_type)
        .bind(size)
        .bind(&sha)
        .bind(file.data)
        .bind(file.description)
        .bind(cap.user().0)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        record_audit!(
            &mut *tx,
            AuditEntry::by_operator(
                cap,
                at,
                AuditAction::AttachmentAdded,
                &incident.reference,
                serde_json::json!({ "id": public_id, "file": file.file_name, "sha256": sha, "bytes": size })
            )
        )?;
        tx.commit().await?;
        Ok(public_id)
    })
}

fn rand_bytes() -> [u8; 16] {
    use rand::RngCore;
    let mut b = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut b);
    b
}

/// An incident's attachments, oldest first.
pub async fn list(db: &Db, incident: &IncidentRecord) -> Result<Vec<AttachmentRow>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, Row>(
            "SELECT a.public_id, a.file_name, a.description, a.content_type, a.size_bytes, a.sha256,
                    u.display_name AS uploaded_by, a.uploaded_at
             FROM attachments a JOIN users u ON u.id = a.uploaded_by
             WHERE a.incident_id = $1 ORDER BY a.uploaded_at, a.id",
        )
        .bind(incident.id)
        .fetch_all(p)
        .await
    })?;
    Ok(rows.into_iter().map(AttachmentRow::from).collect())
}

/// One attachment's metadata and bytes, only within the given incident.
pub async fn get(
    db: &Db,
    incident: &IncidentRecord,
    public_id: &str,
) -> Result<(AttachmentRow, Vec<u8>), StorageError> {
    #[derive(sqlx::FromRow)]
    struct WithData {
        #[sqlx(flatten)]
        row: Row,
        data: Vec<u8>,
    }
    let found = with_pool!(db, |p| {
        sqlx::query_as::<_, WithData>(
            "SELECT a.public_id, a.file_name, a.description, a.content_type, a.size_bytes, a.sha256,
                    u.display_name AS uploaded_by, a.uploaded_at, a.data
             FROM attachments a JOIN users u ON u.id = a.uploaded_by
             WHERE a.incident_id = $1 AND a.public_id = $2",
        )
        .bind(incident.id)
        .bind(public_id)
        .fetch_optional(p)
        .await
    })?;
    let f = found.ok_or(StorageError::NotFound)?;
    Ok((f.row.into(), f.data))
}
