//! Incidents and their filed, immutable versions.

use app::api::{FilingDetail, FilingRow, Names};
use app::domain::auth::OperatorCap;
use app::domain::filing::{FilingStage, FilingStatus, InitialNotification};
use app::domain::ids::{filing_reference, incident_reference, IncidentId, OrgId};
use app::domain::timestamp::Timestamp;
use sha2::{Digest, Sha256};

use super::audit::{record_audit, AuditEntry};
use super::{Db, StorageError};
use crate::with_pool;

/// SHA-256 of the canonical JSON of filed content, as lowercase hex.
pub fn content_hash(canonical_json: &str) -> String {
    hex::encode(Sha256::digest(canonical_json.as_bytes()))
}

/// Opens an incident and files its initial notification, with the audit record, in one
/// transaction. Returns the filing's reference.
pub async fn file_initial(
    db: &Db,
    cap: &OperatorCap,
    n: &InitialNotification,
    at: Timestamp,
) -> Result<String, StorageError> {
    let json = n.canonical_json();
    let hash = content_hash(&json);
    with_pool!(db, |p| {
        let mut tx = p.begin().await?;
        let incident = sqlx::query_scalar::<_, i64>(
            "INSERT INTO incidents (org_id, title, opened_by, opened_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(cap.org().0)
        .bind(&n.title)
        .bind(cap.user().0)
        .bind(at.0)
        .fetch_one(&mut *tx)
        .await?;
        let inc_ref = incident_reference(at.kst_year(), IncidentId(incident));
        sqlx::query("UPDATE incidents SET reference = $1 WHERE id = $2")
            .bind(&inc_ref)
            .bind(incident)
            .execute(&mut *tx)
            .await?;
        let reference = filing_reference(&inc_ref, 1);
        sqlx::query(
            "INSERT INTO filings (incident_id, org_id, version, reference, stage, status, content_json, content_sha256, submitted_by, submitted_at)
             VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(incident)
        .bind(cap.org().0)
        .bind(&reference)
        .bind(FilingStage::Initial.as_str())
        .bind(FilingStatus::Submitted.as_str())
        .bind(&json)
        .bind(&hash)
        .bind(cap.user().0)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        record_audit!(
            &mut *tx,
            AuditEntry {
                at,
                actor: Some(cap.user()),
                org: Some(cap.org()),
                action: "filing.submitted",
                subject: &reference,
                detail: serde_json::json!({ "stage": "initial", "sha256": hash }),
            }
        )?;
        tx.commit().await?;
        Ok(reference)
    })
}

#[derive(sqlx::FromRow)]
struct Row {
    reference: String,
    incident_reference: String,
    name_ko: String,
    name_en: String,
    title: String,
    stage: String,
    status: String,
    version: i64,
    submitted_at: i64,
    submitted_by: String,
    content_json: String,
    content_sha256: String,
}

const SELECT: &str = "SELECT f.reference, i.reference AS incident_reference, o.name_ko, o.name_en, i.title,
        f.stage, f.status, f.version, f.submitted_at, u.display_name AS submitted_by, f.content_json, f.content_sha256
    FROM filings f
    JOIN incidents i ON i.id = f.incident_id
    JOIN organisations o ON o.id = f.org_id
    JOIN users u ON u.id = f.submitted_by";

impl Row {
    fn stage(&self) -> Result<(FilingStage, FilingStatus), StorageError> {
        let stage = FilingStage::parse(&self.stage).ok_or(StorageError::Conflict("unknown stage"))?;
        let status = FilingStatus::parse(&self.status).ok_or(StorageError::Conflict("unknown status"))?;
        Ok((stage, status))
    }

    fn into_row(self) -> Result<FilingRow, StorageError> {
        let (stage, status) = self.stage()?;
        Ok(FilingRow {
            reference: self.reference,
            incident_reference: self.incident_reference,
            org: Names { ko: self.name_ko, en: self.name_en },
            title: self.title,
            stage,
            status,
            submitted_at: Timestamp(self.submitted_at),
        })
    }

    fn into_detail(self) -> Result<FilingDetail, StorageError> {
        let (stage, status) = self.stage()?;
        let content: InitialNotification =
            serde_json::from_str(&self.content_json).map_err(|_| StorageError::Conflict("unreadable content"))?;
        Ok(FilingDetail {
            reference: self.reference,
            incident_reference: self.incident_reference,
            org: Names { ko: self.name_ko, en: self.name_en },
            stage,
            status,
            version: u32::try_from(self.version).unwrap_or(0),
            submitted_at: Timestamp(self.submitted_at),
            submitted_by: self.submitted_by,
            content_sha256: self.content_sha256,
            content,
        })
    }
}

/// Which filings a read may see.
pub enum Scope {
    /// One organisation's own filings.
    Org(OrgId),
    /// Every filing (ministry).
    All,
}

/// Filings in scope: an organisation's newest first; the ministry's queue oldest first.
pub async fn list(db: &Db, scope: Scope) -> Result<Vec<FilingRow>, StorageError> {
    let rows = match scope {
        Scope::Org(org) => {
            let sql = format!("{SELECT} WHERE f.org_id = $1 ORDER BY f.submitted_at DESC, f.id DESC LIMIT 200");
            with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(org.0).fetch_all(p).await)?
        }
        Scope::All => {
            let sql = format!("{SELECT} ORDER BY f.submitted_at ASC, f.id ASC LIMIT 200");
            with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).fetch_all(p).await)?
        }
    };
    rows.into_iter().map(Row::into_row).collect()
}

/// One filing in scope; another organisation's filing is simply not found.
pub async fn get(db: &Db, scope: Scope, reference: &str) -> Result<FilingDetail, StorageError> {
    let row = match scope {
        Scope::Org(org) => {
            let sql = format!("{SELECT} WHERE f.reference = $1 AND f.org_id = $2");
            with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(reference).bind(org.0).fetch_optional(p).await)?
        }
        Scope::All => {
            let sql = format!("{SELECT} WHERE f.reference = $1");
            with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(reference).fetch_optional(p).await)?
        }
    };
    row.ok_or(StorageError::NotFound)?.into_detail()
}
