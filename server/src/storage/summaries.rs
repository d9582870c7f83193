//! The public summary's way out: a reviewer drafts it (with redaction marks), sends it for
//! approval, and a review lead other than the drafter approves it, which publishes the
//! redacted text in the same transaction. A published summary is corrected the same way,
//! with a reason the public sees. Nothing here is readable by the public until approved.

use app::domain::audit::AuditAction;
use std::collections::BTreeMap;

use app::api::{PublicMeasure, Stamp, SummaryDraftView};
use app::domain::auth::ReviewerCap;
use app::domain::case::forms::{redacted, Values};
use app::domain::case::redact::public_text;
use app::domain::case::{may_approve, ApprovalBlock, ItemState, MeasureKind};
use app::domain::filing::FilingStatus;
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::incidents::{FiledIncident, IncidentRecord};
use super::notifications::{record_notice, Notice};
use super::{Db, StorageError};
use crate::with_pool;
use app::domain::notice::{NoticeKind, Recipients};

/// The draft of the incident's summary, if one is being written.
pub async fn draft(db: &Db, incident: &IncidentRecord) -> Result<Option<SummaryDraftView>, StorageError> {
    let row = with_pool!(db, |p| {
        sqlx::query_as::<_, (String, i64, String, i64, i64, Option<i64>)>(
            "SELECT d.fields_json, d.revision, u.display_name, d.drafted_by, d.drafted_at, d.submitted_at
             FROM summary_drafts d JOIN users u ON u.id = d.drafted_by WHERE d.incident_id = $1",
        )
        .bind(incident.id)
        .fetch_optional(p)
        .await
    })?;
    row.map(|(json, revision, by, by_id, at, submitted)| {
        let values: Values = serde_json::from_str(&json).map_err(|_| StorageError::Corrupt("summary draft"))?;
        Ok(SummaryDraftView {
            values,
            revision,
            drafted: Stamp { by, at: Timestamp(at) },
            drafted_by_id: by_id,
            submitted_at: submitted.map(Timestamp),
        })
    })
    .transpose()
}

/// Saves the draft (the saver becomes its drafter) and, if `submit`, sends it for approval.
/// `revision` is the one the form was opened at (0 for a new draft): a save over someone
/// else's newer save is refused.
pub async fn save(
    db: &Db,
    cap: &ReviewerCap,
    incident: &FiledIncident,
    values: &Values,
    revision: i64,
    submit: bool,
    at: Timestamp,
) -> Result<(), StorageError> {
    let json = serde_json::to_string(values).map_err(|_| StorageError::Corrupt("summary draft not serialisable"))?;
    let submitted = submit.then_some(at.0);
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let current = sqlx::query_scalar::<_, i64>("SELECT revision FROM summary_drafts WHERE incident_id = $1")
            .bind(incident.id)
            .fetch_optional(&mut *tx)
            .await?;
        if current.unwrap_or(0) != revision {
            return Err(StorageError::StaleRevision);
        }
        sqlx::query(
            "INSERT INTO summary_drafts (incident_id, fields_json, revision, drafted_by, drafted_at, submitted_at)
             VALUES ($1, $2, 1, $3, $4, $5)
             ON CONFLICT (incident_id) DO UPDATE SET fields_json = $2, revision = summary_drafts.revision + 1,
                drafted_by = $3, drafted_at = $4, submitted_at = $5",
        )
        .bind(incident.id)
        .bind(&json)
        .bind(cap.user().0)
        .bind(at.0)
        .bind(submitted)
        .execute(&mut *tx)
        .await?;
        let action = if submit { AuditAction::SummarySubmitted } else { AuditAction::SummaryDrafted };
        record_audit!(&mut *tx, AuditEntry::by_reviewer(cap, at, action, &incident.reference, serde_json::json!({})))?;
        if submit {
            let notice = Notice::new(
                NoticeKind::SummaryAwaitingApproval,
                &incident.reference,
                "",
                Recipients::ReviewLeads,
                cap.user(),
                at,
            );
            record_notice!(tx, &notice)?;
        }
        tx.commit().await?;
        Ok(())
    })
}

/// Approves the submitted draft and publishes its redacted text with the findings as they
/// stand. The four-eyes rule is checked here, inside the transaction.
pub async fn approve(
    db: &Db,
    cap: &ReviewerCap,
    incident: &FiledIncident,
    at: Timestamp,
) -> Result<Result<(), ApprovalBlock>, StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let (json, drafted_by, submitted) = sqlx::query_as::<_, (String, i64, Option<i64>)>(
            "SELECT fields_json, drafted_by, submitted_at FROM summary_drafts WHERE incident_id = $1",
        )
        .bind(incident.id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StorageError::NotFound)?;
        if let Err(block) = may_approve(cap.is_lead(), cap.user().0, drafted_by, submitted.is_some()) {
            return Ok(Err(block));
        }
        let values: Values = serde_json::from_str(&json).map_err(|_| StorageError::Corrupt("summary draft"))?;
        let public = redacted(&values);
        let findings = sqlx::query_as::<_, (String, String)>(
            "SELECT duty_id, finding FROM assessments WHERE incident_id = $1 AND finding <> 'not_assessed' ORDER BY duty_id",
        )
        .bind(incident.id)
        .fetch_all(&mut *tx)
        .await?;
        let mut body: BTreeMap<String, serde_json::Value> = public
            .iter()
            .filter(|(k, _)| !k.starts_with("headline_") && !k.starts_with("summary_") && !k.starts_with("reason_"))
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        body.insert("findings".into(), serde_json::json!(findings));
        // Measures become public only here, redacted, as they stand at approval; a later
        // change reaches the public page through a correction, approved the same way.
        let measures = sqlx::query_as::<_, (i64, String, String, String, i64, Option<i64>)>(
            "SELECT id, kind, legal_basis, content, due_at, amount_krw FROM measures WHERE incident_id = $1 ORDER BY number",
        )
        .bind(incident.id)
        .fetch_all(&mut *tx)
        .await?;
        let mut public_measures = Vec::with_capacity(measures.len());
        for (id, kind, legal_basis, content, due, amount_krw) in measures {
            let items = sqlx::query_as::<_, (String, String)>(
                "SELECT text, state FROM measure_items WHERE measure_id = $1 ORDER BY number",
            )
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
            let kind = MeasureKind::parse(&kind).ok_or(StorageError::Corrupt("measure kind"))?;
            public_measures.push(PublicMeasure {
                kind,
                legal_basis: public_text(&legal_basis),
                content: public_text(&content),
                due: Timestamp(due),
                amount_krw,
                items: items
                    .into_iter()
                    .filter_map(|(text, state)| Some((public_text(&text), ItemState::parse(&state)?)))
                    .collect(),
            });
        }
        body.insert("measures".into(), serde_json::json!(public_measures));
        let body = serde_json::Value::Object(body.into_iter().collect()).to_string();
        let get = |k: &str| public.get(k).cloned().unwrap_or_default();
        let existing = sqlx::query_scalar::<_, i64>("SELECT id FROM publications WHERE incident_id = $1")
            .bind(incident.id)
            .fetch_optional(&mut *tx)
            .await?;
        let action = if existing.is_some() {
            sqlx::query(
                "UPDATE publications SET headline_ko = $1, headline_en = $2, summary_ko = $3, summary_en = $4,
                    body_json = $5, drafted_by = $6, approved_by = $7 WHERE incident_id = $8",
            )
            .bind(get("headline_ko"))
            .bind(get("headline_en"))
            .bind(get("summary_ko"))
            .bind(get("summary_en"))
            .bind(&body)
            .bind(drafted_by)
            .bind(cap.user().0)
            .bind(incident.id)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO publication_corrections (incident_id, corrected_at, drafted_by, approved_by, reason_ko, reason_en)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(incident.id)
            .bind(at.0)
            .bind(drafted_by)
            .bind(cap.user().0)
            .bind(get("reason_ko"))
            .bind(get("reason_en"))
            .execute(&mut *tx)
            .await?;
            AuditAction::SummaryCorrected
        } else {
            let filing = sqlx::query_scalar::<_, i64>(
                "SELECT id FROM filings WHERE incident_id = $1 ORDER BY version DESC LIMIT 1",
            )
            .bind(incident.id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StorageError::NotFound)?;
            sqlx::query(
                "INSERT INTO publications (incident_id, filing_id, headline_ko, headline_en, summary_ko, summary_en,
                    published_by, published_at, body_json, drafted_by, approved_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $7)",
            )
            .bind(incident.id)
            .bind(filing)
            .bind(get("headline_ko"))
            .bind(get("headline_en"))
            .bind(get("summary_ko"))
            .bind(get("summary_en"))
            .bind(cap.user().0)
            .bind(at.0)
            .bind(&body)
            .bind(drafted_by)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE filings SET status = $1 WHERE id = $2")
                .bind(FilingStatus::Published.as_str())
                .bind(filing)
                .execute(&mut *tx)
                .await?;
            AuditAction::SummaryPublished
        };
        // what the public side searches and counts, from what was just published
        super::public_facts::refresh_facts!(tx, incident.id, at);
        sqlx::query("DELETE FROM summary_drafts WHERE incident_id = $1").bind(incident.id).execute(&mut *tx).await?;
        let detail = serde_json::json!({ "drafted_by": drafted_by });
        record_audit!(&mut *tx, AuditEntry::by_reviewer(cap, at, action, &incident.reference, detail))?;
        let kind = if existing.is_some() { NoticeKind::SummaryCorrected } else { NoticeKind::SummaryPublished };
        let to = Recipients::Filers(incident.org_id);
        record_notice!(tx, &Notice::new(kind, &incident.reference, "", to, cap.user(), at))?;
        tx.commit().await?;
        Ok(Ok(()))
    })
}
