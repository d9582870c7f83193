//! Public summaries. Only rows of this table are ever shown to the public.

use app::api::{Names, PublishedDetail, PublishedRow};
use app::domain::auth::ReviewerCap;
use app::domain::filing::FilingStatus;
use app::domain::publication::PublicSummary;
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::{Db, StorageError};
use crate::with_pool;

/// Publishes the summary of the incident a filing belongs to, marks the filing published
/// and records it, in one transaction. Refuses a second publication of the same incident.
pub async fn publish(
    db: &Db,
    cap: &ReviewerCap,
    filing_ref: &str,
    s: &PublicSummary,
    at: Timestamp,
) -> Result<String, StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin().await?;
        let row = sqlx::query_as::<_, (i64, i64, String, String)>(
            "SELECT f.id, f.incident_id, f.status, i.reference FROM filings f JOIN incidents i ON i.id = f.incident_id WHERE f.reference = $1",
        )
        .bind(filing_ref)
        .fetch_optional(&mut *tx)
        .await?;
        let (filing_id, incident_id, status, inc_ref) = row.ok_or(StorageError::NotFound)?;
        if !FilingStatus::parse(&status).is_some_and(FilingStatus::can_publish) {
            return Err(StorageError::Conflict("already published"));
        }
        let inserted = sqlx::query(
            "INSERT INTO publications (incident_id, filing_id, headline_ko, headline_en, summary_ko, summary_en, published_by, published_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (incident_id) DO NOTHING",
        )
        .bind(incident_id)
        .bind(filing_id)
        .bind(&s.headline_ko)
        .bind(&s.headline_en)
        .bind(&s.summary_ko)
        .bind(&s.summary_en)
        .bind(cap.user().0)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            return Err(StorageError::Conflict("already published"));
        }
        sqlx::query("UPDATE filings SET status = $1 WHERE id = $2")
            .bind(FilingStatus::Published.as_str())
            .bind(filing_id)
            .execute(&mut *tx)
            .await?;
        record_audit!(
            &mut *tx,
            AuditEntry {
                at,
                actor: Some(cap.user()),
                org: None,
                action: "summary.published",
                subject: &inc_ref,
                detail: serde_json::json!({ "filing": filing_ref }),
            }
        )?;
        tx.commit().await?;
        Ok(inc_ref)
    })
}

#[derive(sqlx::FromRow)]
struct Row {
    reference: String,
    name_ko: String,
    name_en: String,
    headline_ko: String,
    headline_en: String,
    summary_ko: String,
    summary_en: String,
    published_at: i64,
    content_json: String,
}

const SELECT: &str =
    "SELECT i.reference, o.name_ko, o.name_en, p.headline_ko, p.headline_en, p.summary_ko, p.summary_en,
        p.published_at, f.content_json
    FROM publications p
    JOIN incidents i ON i.id = p.incident_id
    JOIN organisations o ON o.id = i.org_id
    JOIN filings f ON f.id = p.filing_id";

impl Row {
    fn into_detail(self) -> Result<PublishedDetail, StorageError> {
        let c = Content::from_stored_json(&self.content_json).ok_or(StorageError::Conflict("unreadable content"))?;
        let services =
            c.get("services_affected").lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
        Ok(PublishedDetail {
            row: PublishedRow {
                reference: self.reference,
                org: Names { ko: self.name_ko, en: self.name_en },
                headline: Names { ko: self.headline_ko, en: self.headline_en },
                onset_at: c.instant("onset_at").unwrap_or(Timestamp(self.published_at)),
                published_at: Timestamp(self.published_at),
            },
            summary: Names { ko: self.summary_ko, en: self.summary_en },
            services_affected: services,
            cause_category: c.get("cause_category").to_string(),
        })
    }
}

/// Published summaries, newest first.
pub async fn list(db: &Db) -> Result<Vec<PublishedRow>, StorageError> {
    let sql = format!("{SELECT} ORDER BY p.published_at DESC, p.id DESC LIMIT 100");
    let rows = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).fetch_all(p).await)?;
    rows.into_iter().map(|r| r.into_detail().map(|d| d.row)).collect()
}

/// One published summary by incident reference.
pub async fn get(db: &Db, reference: &str) -> Result<PublishedDetail, StorageError> {
    let sql = format!("{SELECT} WHERE i.reference = $1");
    let row = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(reference).fetch_optional(p).await)?;
    row.ok_or(StorageError::NotFound)?.into_detail()
}
