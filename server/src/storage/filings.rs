//! Filed versions: immutable once stored (a trigger refuses any change to their content).

use app::api::{FilingDetail, FilingRow, Names, VersionRow};
use app::domain::auth::{OperatorCap, ReviewerCap};
use app::domain::filing::{FilingStage, FilingStatus};
use app::domain::ids::OrgId;
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;
use sha2::{Digest, Sha256};

use super::incidents::IncidentRecord;
use super::{Db, StorageError};
use crate::with_pool;

/// SHA-256 of the canonical JSON of filed content, as lowercase hex.
pub fn content_hash(canonical_json: &str) -> String {
    content_hash_bytes(canonical_json.as_bytes())
}

/// SHA-256 of any bytes, as lowercase hex.
pub fn content_hash_bytes(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[derive(sqlx::FromRow)]
struct Row {
    incident_id: i64,
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
    drafted_by: Option<String>,
    signatory_title: Option<String>,
    content_json: String,
    content_sha256: String,
    document_sha256: Option<String>,
}

const SELECT: &str =
    "SELECT f.incident_id, f.reference, i.reference AS incident_reference, o.name_ko, o.name_en, i.title,
        f.stage, f.status, f.version, f.submitted_at, u.display_name AS submitted_by, d.display_name AS drafted_by,
        f.signatory_title, f.content_json, f.content_sha256, od.sha256 AS document_sha256
    FROM filings f
    JOIN incidents i ON i.id = f.incident_id
    JOIN organisations o ON o.id = f.org_id
    JOIN users u ON u.id = f.submitted_by
    LEFT JOIN users d ON d.id = f.drafted_by
    LEFT JOIN official_documents od ON od.kind = 'filing' AND od.subject_id = f.id";

fn unreadable() -> StorageError {
    StorageError::Corrupt("stored filing")
}

impl Row {
    fn stage(&self) -> Result<(FilingStage, FilingStatus), StorageError> {
        let stage = FilingStage::parse(&self.stage).ok_or_else(unreadable)?;
        let status = FilingStatus::parse(&self.status).ok_or_else(unreadable)?;
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
            triage: None,
        })
    }

    fn version_row(&self) -> Result<VersionRow, StorageError> {
        Ok(VersionRow {
            reference: self.reference.clone(),
            version: u32::try_from(self.version).map_err(|_| unreadable())?,
            stage: self.stage()?.0,
            submitted_at: Timestamp(self.submitted_at),
            submitted_by: self.submitted_by.clone(),
            drafted_by: self.drafted_by.clone(),
            content_sha256: self.content_sha256.clone(),
        })
    }

    fn into_detail(self) -> Result<FilingDetail, StorageError> {
        let (stage, status) = self.stage()?;
        let content = Content::from_stored_json(&self.content_json).ok_or_else(unreadable)?;
        Ok(FilingDetail {
            reference: self.reference,
            incident_reference: self.incident_reference,
            org: Names { ko: self.name_ko, en: self.name_en },
            stage,
            status,
            version: u32::try_from(self.version).unwrap_or(0),
            submitted_at: Timestamp(self.submitted_at),
            submitted_by: self.submitted_by,
            drafted_by: self.drafted_by,
            signatory_title: self.signatory_title,
            content_sha256: self.content_sha256,
            document_sha256: self.document_sha256,
            content,
            attachments: Vec::new(),
            clocks: Vec::new(),
        })
    }
}

/// A filed version with its content, for the incident page and the diff.
#[derive(Clone)]
pub struct Version {
    pub incident_id: i64,
    pub row: VersionRow,
    pub content: Content,
}

fn into_versions(rows: Vec<Row>) -> Result<Vec<Version>, StorageError> {
    rows.into_iter()
        .map(|r| {
            let row = r.version_row()?;
            let content = Content::from_stored_json(&r.content_json).ok_or_else(unreadable)?;
            Ok(Version { incident_id: r.incident_id, row, content })
        })
        .collect()
}

/// Every version of one incident, oldest first.
pub async fn versions(db: &Db, incident: &IncidentRecord) -> Result<Vec<Version>, StorageError> {
    let sql = format!("{SELECT} WHERE f.incident_id = $1 ORDER BY f.version ASC");
    let rows = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(incident.id).fetch_all(p).await)?;
    into_versions(rows)
}

/// Every filing of one incident as list rows, oldest first (for the ministry's case page).
pub async fn rows_of_incident(db: &Db, incident: &IncidentRecord) -> Result<Vec<FilingRow>, StorageError> {
    let sql = format!("{SELECT} WHERE f.incident_id = $1 ORDER BY f.version ASC");
    let rows = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(incident.id).fetch_all(p).await)?;
    rows.into_iter().map(Row::into_row).collect()
}

/// Every version of the incidents the reminder job watches (those of
/// [`super::incidents::open_for_task`]), by incident, oldest first: one query per run.
pub async fn versions_for_task(
    db: &Db,
    _task: &super::SystemTask,
    since: app::domain::timestamp::Timestamp,
) -> Result<std::collections::HashMap<i64, Vec<Version>>, StorageError> {
    let sql = format!(
        "{SELECT} WHERE f.incident_id IN (SELECT i.id FROM incidents i WHERE i.reference IS NOT NULL AND i.opened_at >= $1
           AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.incident_id = i.id AND c.closed_at IS NOT NULL))
         ORDER BY f.incident_id, f.version ASC"
    );
    let rows = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(since.0).fetch_all(p).await)?;
    let mut by_incident: std::collections::HashMap<i64, Vec<Version>> = std::collections::HashMap::new();
    for v in into_versions(rows)? {
        by_incident.entry(v.incident_id).or_default().push(v);
    }
    Ok(by_incident)
}

/// Every version of an organisation's incidents, oldest first (for its dashboard).
pub async fn versions_of_org(db: &Db, org: OrgId) -> Result<Vec<Version>, StorageError> {
    let sql = format!("{SELECT} WHERE f.org_id = $1 ORDER BY f.incident_id, f.version ASC");
    let rows = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(org.0).fetch_all(p).await)?;
    into_versions(rows)
}

/// Which filings a read may see: built only from a capability, inside this module.
enum Scope {
    /// One organisation's own filings.
    Org(OrgId),
    /// Every filed version (the ministry, the start-up task).
    Filed,
}

async fn get_in(db: &Db, scope: Scope, reference: &str) -> Result<FilingDetail, StorageError> {
    let row = match scope {
        Scope::Org(org) => {
            let sql = format!("{SELECT} WHERE f.reference = $1 AND f.org_id = $2");
            with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(reference).bind(org.0).fetch_optional(p).await)?
        }
        Scope::Filed => {
            let sql = format!("{SELECT} WHERE f.reference = $1");
            with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(reference).fetch_optional(p).await)?
        }
    };
    row.ok_or(StorageError::NotFound)?.into_detail()
}

/// One of the operator's own organisation's filings; another organisation's is not found.
pub async fn get_own(db: &Db, cap: &OperatorCap, reference: &str) -> Result<FilingDetail, StorageError> {
    get_in(db, Scope::Org(cap.org()), reference).await
}

/// Any filed version, for the ministry.
pub async fn get_for_review(db: &Db, _cap: &ReviewerCap, reference: &str) -> Result<FilingDetail, StorageError> {
    get_in(db, Scope::Filed, reference).await
}

/// Any filed version, for the server's start-up work.
pub async fn get_for_task(db: &Db, _task: &super::SystemTask, reference: &str) -> Result<FilingDetail, StorageError> {
    get_in(db, Scope::Filed, reference).await
}
