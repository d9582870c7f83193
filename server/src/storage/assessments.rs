//! Per-duty findings (internal to the ministry: no operator read touches this table).

use app::api::Stamp;
use app::domain::audit::AuditAction;
use app::domain::auth::ReviewerCap;
use app::domain::case::forms::Assessment;
use app::domain::duties::Finding;
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::incidents::{FiledIncident, IncidentRecord};
use super::{Db, StorageError};
use crate::with_pool;

/// A stored finding.
#[derive(Clone, Debug)]
pub struct Stored {
    pub duty_id: String,
    pub finding: Finding,
    pub rationale: String,
    pub evidence: String,
    pub assessed: Stamp,
}

/// Every finding recorded for the incident.
pub async fn list(db: &Db, incident: &IncidentRecord) -> Result<Vec<Stored>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, (String, String, String, String, String, i64)>(
            "SELECT a.duty_id, a.finding, a.rationale, a.evidence, u.display_name, a.assessed_at
             FROM assessments a JOIN users u ON u.id = a.assessed_by WHERE a.incident_id = $1 ORDER BY a.duty_id",
        )
        .bind(incident.id)
        .fetch_all(p)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(duty_id, finding, rationale, evidence, by, at)| {
            Some(Stored {
                duty_id,
                finding: Finding::parse(&finding)?,
                rationale,
                evidence,
                assessed: Stamp { by, at: Timestamp(at) },
            })
        })
        .collect())
}

/// Records (or replaces) the findings on duties of the catalog version in use, all in one
/// transaction: several findings saved from one page are saved together or not at all.
pub async fn record(
    db: &Db,
    cap: &ReviewerCap,
    incident: &FiledIncident,
    catalog_version: &str,
    findings: &[(&str, &Assessment)],
    at: Timestamp,
) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        for (duty_id, a) in findings {
            sqlx::query(
                "INSERT INTO assessments (incident_id, catalog_version, duty_id, finding, rationale, evidence, assessed_by, assessed_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (incident_id, duty_id) DO UPDATE SET catalog_version = $2, finding = $4, rationale = $5,
                    evidence = $6, assessed_by = $7, assessed_at = $8",
            )
            .bind(incident.id)
            .bind(catalog_version)
            .bind(*duty_id)
            .bind(a.finding.as_str())
            .bind(&a.rationale)
            .bind(&a.evidence)
            .bind(cap.user().0)
            .bind(at.0)
            .execute(&mut *tx)
            .await?;
            let detail = serde_json::json!({ "duty": duty_id, "finding": a.finding.as_str() });
            record_audit!(
                &mut *tx,
                AuditEntry::by_reviewer(cap, at, AuditAction::DutyAssessed, &incident.reference, detail)
            )?;
        }
        tx.commit().await?;
        Ok(())
    })
}
