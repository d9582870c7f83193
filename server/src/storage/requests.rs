//! Requests for information (자료제출 요청, TBA 22-7④) and their threads. Both sides read
//! them; only the ministry asks, follows up and closes; only the operator answers.

use app::api::{AttachmentRow, MessageView, RequestView, Stamp};
use app::domain::audit::AuditAction;
use app::domain::auth::{OperatorCap, ReviewerCap};
use app::domain::case::forms::Request;
use app::domain::case::request_state;
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::incidents::{FiledIncident, IncidentRecord};
use super::notifications::{record_notice, Notice};
use super::{Db, StorageError};
use crate::with_pool;
use app::domain::notice::{NoticeKind, Recipients};

#[derive(sqlx::FromRow)]
struct RequestRow {
    id: i64,
    number: i64,
    filing: String,
    question: String,
    due_at: i64,
    asked_by: String,
    asked_at: i64,
    answered_at: Option<i64>,
    closed_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct MessageRow {
    request_id: i64,
    from_ministry: i64,
    body: String,
    author: String,
    at: i64,
    public_id: Option<String>,
    file_name: Option<String>,
    description: Option<String>,
    content_type: Option<String>,
    size_bytes: Option<i64>,
    sha256: Option<String>,
    uploaded_at: Option<i64>,
}

impl MessageRow {
    fn into_view(self) -> MessageView {
        let attachment = self.public_id.map(|id| AttachmentRow {
            id,
            file_name: self.file_name.unwrap_or_default(),
            description: self.description.unwrap_or_default(),
            content_type: self.content_type.unwrap_or_default(),
            size_bytes: self.size_bytes.unwrap_or_default(),
            sha256: self.sha256.unwrap_or_default(),
            uploaded_by: self.author.clone(),
            uploaded_at: Timestamp(self.uploaded_at.unwrap_or(self.at)),
        });
        MessageView {
            from_ministry: self.from_ministry == 1,
            body: self.body,
            stamp: Stamp { by: self.author, at: Timestamp(self.at) },
            attachment,
        }
    }
}

/// Every request of the incident with its thread, oldest first.
pub async fn list(db: &Db, incident: &IncidentRecord, now: Timestamp) -> Result<Vec<RequestView>, StorageError> {
    let (requests, messages) = with_pool!(db, |p| {
        let requests = sqlx::query_as::<_, RequestRow>(
            "SELECT r.id, r.number, f.reference AS filing, r.question, r.due_at, u.display_name AS asked_by, r.asked_at,
                    r.answered_at, r.closed_at
             FROM info_requests r JOIN users u ON u.id = r.asked_by JOIN filings f ON f.id = r.filing_id
             WHERE r.incident_id = $1 ORDER BY r.number",
        )
        .bind(incident.id)
        .fetch_all(p)
        .await?;
        let messages = sqlx::query_as::<_, MessageRow>(
            "SELECT m.request_id, m.from_ministry, m.body, u.display_name AS author, m.at, a.public_id, a.file_name,
                    a.description, a.content_type, a.size_bytes, a.sha256, a.uploaded_at
             FROM request_messages m JOIN info_requests r ON r.id = m.request_id JOIN users u ON u.id = m.author_id
             LEFT JOIN attachments a ON a.id = m.attachment_id
             WHERE r.incident_id = $1 ORDER BY m.at, m.id",
        )
        .bind(incident.id)
        .fetch_all(p)
        .await?;
        Ok::<_, sqlx::Error>((requests, messages))
    })?;
    let mut messages: Vec<MessageRow> = messages;
    Ok(requests
        .into_iter()
        .map(|r| {
            let (mine, rest): (Vec<MessageRow>, Vec<MessageRow>) =
                std::mem::take(&mut messages).into_iter().partition(|m| m.request_id == r.id);
            messages = rest;
            let due = Timestamp(r.due_at);
            RequestView {
                number: r.number,
                filing: r.filing,
                question: r.question,
                due,
                asked: Stamp { by: r.asked_by, at: Timestamp(r.asked_at) },
                state: request_state(due, r.answered_at.map(Timestamp), r.closed_at.map(Timestamp), now),
                messages: mine.into_iter().map(MessageRow::into_view).collect(),
            }
        })
        .collect())
}

/// Asks the operator a question about the incident's latest filing at `at`. Returns its number.
pub async fn ask(
    db: &Db,
    cap: &ReviewerCap,
    incident: &FiledIncident,
    r: &Request,
    at: Timestamp,
) -> Result<i64, StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        // First statement of the transaction: it takes the incident row's lock (PostgreSQL) or
        // the write lock (SQLite; a read first would make a concurrent writer fail with a stale
        // snapshot), so concurrent requests are numbered one after the other.
        let number = sqlx::query_scalar::<_, i64>(
            "UPDATE incidents SET requests_numbered = requests_numbered + 1 WHERE id = $1 RETURNING requests_numbered",
        )
        .bind(incident.id)
        .fetch_one(&mut *tx)
        .await?;
        let filing = sqlx::query_scalar::<_, i64>(
            "SELECT id FROM filings WHERE incident_id = $1 AND submitted_at <= $2 ORDER BY version DESC LIMIT 1",
        )
        .bind(incident.id)
        .bind(at.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StorageError::NotFound)?;
        sqlx::query(
            "INSERT INTO info_requests (incident_id, filing_id, number, question, due_at, asked_by, asked_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(incident.id)
        .bind(filing)
        .bind(number)
        .bind(&r.question)
        .bind(r.due.0)
        .bind(cap.user().0)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        let detail = serde_json::json!({ "request": number, "due": r.due.0 });
        record_audit!(
            &mut *tx,
            AuditEntry::by_reviewer(cap, at, AuditAction::RequestSent, &incident.reference, detail)
        )?;
        let to = Recipients::Filers(incident.org_id);
        record_notice!(tx, &Notice::new(NoticeKind::RequestAsked, &incident.reference, number, to, cap.user(), at))?;
        tx.commit().await?;
        Ok(number)
    })
}

/// Who is writing to a thread.
pub enum Author<'a> {
    Ministry(&'a ReviewerCap),
    /// The operator, optionally with an evidence file already stored (its public id).
    Operator(&'a OperatorCap, Option<&'a str>),
}

/// Whether request `number` of the incident exists and still takes messages: checked before
/// an answer's file is stored, so a post to a missing or closed request keeps nothing.
pub async fn takes_messages(db: &Db, incident: &IncidentRecord, number: i64) -> Result<bool, StorageError> {
    let closed = with_pool!(db, |p| {
        sqlx::query_scalar::<_, Option<i64>>(
            "SELECT closed_at FROM info_requests WHERE incident_id = $1 AND number = $2",
        )
        .bind(incident.id)
        .bind(number)
        .fetch_optional(p)
        .await
    })?;
    match closed {
        None => Err(StorageError::NotFound),
        Some(closed) => Ok(closed.is_none()),
    }
}

/// Adds a message to request `number`. An operator's first message marks it answered.
/// Closed requests take no more messages.
pub async fn post(
    db: &Db,
    author: Author<'_>,
    incident: &IncidentRecord,
    number: i64,
    body: &str,
    at: Timestamp,
) -> Result<(), StorageError> {
    let (user, ministry, file, entry_org) = match &author {
        Author::Ministry(cap) => (cap.user(), true, None, None),
        Author::Operator(cap, file) => (cap.user(), false, *file, Some(cap.org())),
    };
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let (id, closed) = sqlx::query_as::<_, (i64, Option<i64>)>(
            "SELECT id, closed_at FROM info_requests WHERE incident_id = $1 AND number = $2",
        )
        .bind(incident.id)
        .bind(number)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StorageError::NotFound)?;
        if closed.is_some() {
            return Err(StorageError::RequestClosed);
        }
        let attachment = match file {
            Some(public_id) => Some(
                sqlx::query_scalar::<_, i64>("SELECT id FROM attachments WHERE public_id = $1 AND incident_id = $2")
                    .bind(public_id)
                    .bind(incident.id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(StorageError::NotFound)?,
            ),
            None => None,
        };
        sqlx::query(
            "INSERT INTO request_messages (request_id, author_id, from_ministry, body, attachment_id, at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(user.0)
        .bind(i64::from(ministry))
        .bind(body)
        .bind(attachment)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        if !ministry {
            sqlx::query("UPDATE info_requests SET answered_at = COALESCE(answered_at, $1) WHERE id = $2")
                .bind(at.0)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let action = if ministry { AuditAction::RequestFollowUp } else { AuditAction::RequestAnswered };
        let entry = AuditEntry {
            at,
            actor: Some(user),
            org: entry_org,
            action,
            subject: &incident.reference,
            detail: serde_json::json!({ "request": number, "attachment": file }),
        };
        record_audit!(&mut *tx, entry)?;
        let (kind, to) = if ministry {
            (NoticeKind::RequestFollowUp, Recipients::Filers(incident.org_id))
        } else {
            (NoticeKind::RequestAnswered, Recipients::CaseOwner { incident: incident.id })
        };
        record_notice!(tx, &Notice::new(kind, &incident.reference, number, to, user, at))?;
        tx.commit().await?;
        Ok(())
    })
}

/// The ministry is satisfied with the answers: the request is closed.
pub async fn close(
    db: &Db,
    cap: &ReviewerCap,
    incident: &FiledIncident,
    number: i64,
    at: Timestamp,
) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query(
            "UPDATE info_requests SET closed_at = $1, closed_by = $2
             WHERE incident_id = $3 AND number = $4 AND closed_at IS NULL",
        )
        .bind(at.0)
        .bind(cap.user().0)
        .bind(incident.id)
        .bind(number)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StorageError::NotFound);
        }
        let detail = serde_json::json!({ "request": number });
        record_audit!(
            &mut *tx,
            AuditEntry::by_reviewer(cap, at, AuditAction::RequestClosed, &incident.reference, detail)
        )?;
        tx.commit().await?;
        Ok(())
    })
}
