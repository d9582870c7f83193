//! Drafts: the next stage of an incident being prepared. Saved as often as people like,
//! guarded by a revision number so two people never silently overwrite each other; filed
//! by a signatory into an immutable version in one transaction.

use app::domain::audit::AuditAction;
use app::domain::auth::OperatorCap;
use app::domain::filing::{FilingStage, FilingStatus};
use app::domain::ids::filing_reference;
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::filings::content_hash;
use super::incidents::IncidentRecord;
use super::notifications::{record_notice, Notice};
use super::{Db, StorageError};
use crate::with_pool;
use app::domain::notice::{NoticeKind, Recipients};

/// A draft as stored.
#[derive(Clone, Debug)]
pub struct DraftRecord {
    pub stage: FilingStage,
    pub content: Content,
    pub revision: i64,
    pub updated_by: String,
    pub updated_by_id: i64,
    pub updated_at: Timestamp,
}

impl DraftRecord {
    /// SHA-256 of the content as it would be filed.
    pub fn sha256(&self) -> String {
        content_hash(&self.content.canonical_json())
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    stage: String,
    content_json: String,
    revision: i64,
    updated_by: String,
    updated_by_id: i64,
    updated_at: i64,
}

const SELECT: &str = "SELECT d.stage, d.content_json, d.revision, u.display_name AS updated_by,
        d.updated_by AS updated_by_id, d.updated_at
    FROM drafts d JOIN users u ON u.id = d.updated_by";

fn into_record(r: Row) -> Result<DraftRecord, StorageError> {
    Ok(DraftRecord {
        stage: FilingStage::parse(&r.stage).ok_or(StorageError::Corrupt("draft stage"))?,
        content: Content::from_stored_json(&r.content_json).ok_or(StorageError::Corrupt("draft content"))?,
        revision: r.revision,
        updated_by: r.updated_by,
        updated_by_id: r.updated_by_id,
        updated_at: Timestamp(r.updated_at),
    })
}

/// The incident's draft, if one is being prepared.
pub async fn get(db: &Db, incident: &IncidentRecord) -> Result<Option<DraftRecord>, StorageError> {
    let sql = format!("{SELECT} WHERE d.incident_id = $1");
    let row = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(incident.id).fetch_optional(p).await)?;
    row.map(into_record).transpose()
}

/// Every draft of an organisation, keyed by incident id (for its dashboard).
pub async fn of_org(db: &Db, org: app::domain::ids::OrgId) -> Result<Vec<(i64, DraftRecord)>, StorageError> {
    #[derive(sqlx::FromRow)]
    struct Keyed {
        incident_id: i64,
        #[sqlx(flatten)]
        row: Row,
    }
    let sql = SELECT.replace("SELECT d.stage", "SELECT d.incident_id, d.stage") + " WHERE d.org_id = $1";
    let rows = with_pool!(db, |p| sqlx::query_as::<_, Keyed>(&sql).bind(org.0).fetch_all(p).await)?;
    rows.into_iter().map(|k| Ok((k.incident_id, into_record(k.row)?))).collect()
}

/// Starts a draft of `stage`, carrying forward `content` (the latest filed version).
/// `DraftExists` if the incident has one already.
pub async fn start(
    db: &Db,
    cap: &OperatorCap,
    incident: &IncidentRecord,
    stage: FilingStage,
    content: &Content,
    at: Timestamp,
) -> Result<(), StorageError> {
    let json = content.canonical_json();
    let inserted = with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(
            "INSERT INTO drafts (incident_id, org_id, stage, content_json, revision, created_by, created_at, updated_by, updated_at)
             SELECT $1, $2, $3, $4, 1, $5, $6, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM drafts WHERE incident_id = $1)",
        )
        .bind(incident.id)
        .bind(cap.org().0)
        .bind(stage.as_str())
        .bind(&json)
        .bind(cap.user().0)
        .bind(at.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 1 {
            record_audit!(
                &mut *tx,
                AuditEntry::by_operator(
                    cap,
                    at,
                    AuditAction::DraftStarted,
                    &incident.reference,
                    serde_json::json!({ "stage": stage.as_str() })
                )
            )?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(n)
    })?;
    if inserted == 1 {
        Ok(())
    } else {
        Err(StorageError::DraftExists)
    }
}

/// What happened to a save.
pub enum Saved {
    /// Stored as this new revision.
    Saved(i64),
    /// Someone saved since `expected` was read: nothing stored; the current draft.
    Stale(Box<DraftRecord>),
    /// The draft has been filed or withdrawn meanwhile.
    Gone,
}

/// Saves the whole content if the draft is still at revision `expected`.
pub async fn save(
    db: &Db,
    cap: &OperatorCap,
    incident: &IncidentRecord,
    expected: i64,
    content: &Content,
    at: Timestamp,
) -> Result<Saved, StorageError> {
    let json = content.canonical_json();
    let n = with_pool!(db, |p| {
        sqlx::query(
            "UPDATE drafts SET content_json = $1, revision = revision + 1, updated_by = $2, updated_at = $3
             WHERE incident_id = $4 AND org_id = $5 AND revision = $6",
        )
        .bind(&json)
        .bind(cap.user().0)
        .bind(at.0)
        .bind(incident.id)
        .bind(cap.org().0)
        .bind(expected)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    if n == 1 {
        return Ok(Saved::Saved(expected + 1));
    }
    Ok(match get(db, incident).await? {
        Some(current) => Saved::Stale(Box::new(current)),
        None => Saved::Gone,
    })
}

/// What happened to a submission.
pub enum Filed {
    Filed {
        reference: String,
    },
    /// The draft changed (or was filed) after the signatory reviewed it.
    Changed,
}

/// A signatory's submission of a draft: who, what, the hash they approved (as shown on the
/// check page) and their job title.
pub struct Submission<'a> {
    pub cap: &'a OperatorCap,
    pub incident: &'a IncidentRecord,
    pub draft: &'a DraftRecord,
    pub approved_sha256: &'a str,
    pub signatory_title: &'a str,
    pub at: Timestamp,
}

/// The version the draft would become if filed now, exactly as
/// [`super::filings::get_own`] will read it back: what its official PDF is rendered from
/// before [`file`] stores both.
pub async fn preview(db: &Db, s: &Submission<'_>) -> Result<app::api::FilingDetail, StorageError> {
    let (version, submitted_by) = with_pool!(db, |p| {
        let version: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM filings WHERE incident_id = $1")
                .bind(s.incident.id)
                .fetch_one(p)
                .await?;
        let name: String = sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1")
            .bind(s.cap.user().0)
            .fetch_one(p)
            .await?;
        Ok::<_, sqlx::Error>((version, name))
    })?;
    let version = u32::try_from(version).map_err(|_| StorageError::Corrupt("version number"))?;
    Ok(app::api::FilingDetail {
        reference: filing_reference(&s.incident.reference, version),
        incident_reference: s.incident.reference.clone(),
        org: super::users::org_names(db, s.cap.org()).await?,
        stage: s.draft.stage,
        status: FilingStatus::Submitted,
        version,
        submitted_at: s.at,
        submitted_by,
        drafted_by: Some(s.draft.updated_by.clone()),
        signatory_title: Some(s.signatory_title.to_string()),
        content_sha256: s.draft.sha256(),
        document_sha256: None,
        content: s.draft.content.clone(),
        attachments: Vec::new(),
        clocks: Vec::new(),
    })
}

/// Files the draft as the next version if it is still exactly what the signatory approved
/// (`revision` and `sha256` as shown on the check page) and is still to become `document`'s
/// version (rendered from [`preview`]). The draft is removed, the version inserted with
/// drafter, signatory and approved hash, its official PDF frozen beside it, and the
/// incident's title updated, in one transaction with its audit record.
pub async fn file(
    db: &Db,
    submission: &Submission<'_>,
    document: (&str, &super::documents::NewDocument),
) -> Result<Filed, StorageError> {
    let Submission { cap, incident, draft, approved_sha256, signatory_title, at } = *submission;
    let (expected_reference, document) = document;
    let json = draft.content.canonical_json();
    let sha = content_hash(&json);
    if sha != approved_sha256 {
        return Ok(Filed::Changed);
    }
    let title = draft.content.get("title").to_string();
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let removed = sqlx::query("DELETE FROM drafts WHERE incident_id = $1 AND org_id = $2 AND revision = $3")
            .bind(incident.id)
            .bind(cap.org().0)
            .bind(draft.revision)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if removed != 1 {
            return Ok(Filed::Changed);
        }
        let version: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM filings WHERE incident_id = $1")
                .bind(incident.id)
                .fetch_one(&mut *tx)
                .await?;
        let reference = filing_reference(&incident.reference, u32::try_from(version).unwrap_or(u32::MAX));
        if reference != expected_reference {
            // another version was filed since the document was rendered
            return Ok(Filed::Changed);
        }
        let filing_id: i64 = sqlx::query_scalar(
            "INSERT INTO filings (incident_id, org_id, version, reference, stage, status, content_json, content_sha256,
                submitted_by, submitted_at, drafted_by, approved_sha256, signatory_title, regimes, severity)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
        )
        .bind(incident.id)
        .bind(cap.org().0)
        .bind(version)
        .bind(&reference)
        .bind(draft.stage.as_str())
        .bind(FilingStatus::Submitted.as_str())
        .bind(&json)
        .bind(&sha)
        .bind(cap.user().0)
        .bind(at.0)
        .bind(draft.updated_by_id)
        .bind(approved_sha256)
        .bind(signatory_title)
        .bind(draft.content.get("regimes"))
        .bind(draft.content.get("severity"))
        .fetch_one(&mut *tx)
        .await?;
        super::documents::freeze_filing_document!(&mut *tx, filing_id, document, at)?;
        if !title.is_empty() {
            sqlx::query("UPDATE incidents SET title = $1 WHERE id = $2")
                .bind(&title)
                .bind(incident.id)
                .execute(&mut *tx)
                .await?;
        }
        record_audit!(
            &mut *tx,
            AuditEntry::by_operator(
                cap,
                at,
                AuditAction::FilingSubmitted,
                &reference,
                serde_json::json!({
                    "stage": draft.stage.as_str(),
                    "sha256": sha,
                    "document_sha256": document.sha256,
                    "drafted_by": draft.updated_by_id
                })
            )
        )?;
        let notice = Notice::new(
            NoticeKind::FilingReceived,
            &incident.reference,
            version,
            Recipients::CaseOwner { incident: incident.id },
            cap.user(),
            at,
        );
        record_notice!(tx, &notice)?;
        tx.commit().await?;
        Ok(Filed::Filed { reference })
    })
}

/// Tells the organisation's signatories that revision `revision` of the draft is ready, with
/// its audit record; once per revision (answers `false` when they were told already).
pub async fn ask_signature(
    db: &Db,
    cap: &OperatorCap,
    incident: &IncidentRecord,
    revision: i64,
    at: Timestamp,
) -> Result<bool, StorageError> {
    let key = format!("signature:{}:{revision}", incident.id);
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let fresh =
            sqlx::query("INSERT INTO reminders_sent (reminder_key, sent_at) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(&key)
                .bind(at.0)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
        if !fresh {
            return Ok(false);
        }
        let detail = serde_json::json!({ "revision": revision });
        record_audit!(
            &mut *tx,
            AuditEntry::by_operator(cap, at, AuditAction::SignatureRequested, &incident.reference, detail)
        )?;
        let to = Recipients::Signatories(cap.org());
        record_notice!(tx, &Notice::new(NoticeKind::SignatureRequested, &incident.reference, "", to, cap.user(), at))?;
        tx.commit().await?;
        Ok(true)
    })
}
