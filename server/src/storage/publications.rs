//! Public summaries. Only rows of `publications` (written by an approval, see
//! [`super::summaries`]) and what they point at are ever shown to the public.

use std::collections::BTreeMap;

use app::api::{Names, PublicCorrection, PublicFinding, PublicMeasure, PublishedDetail, PublishedRow};
use app::domain::duties::{catalog_at, Finding};
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;

use super::{Db, StorageError};
use crate::with_pool;

#[derive(sqlx::FromRow)]
struct Row {
    incident_id: i64,
    reference: String,
    slug: String,
    name_ko: String,
    name_en: String,
    headline_ko: String,
    headline_en: String,
    summary_ko: String,
    summary_en: String,
    published_at: i64,
    content_json: String,
    body_json: String,
}

const SELECT: &str =
    "SELECT i.id AS incident_id, i.reference, o.slug, o.name_ko, o.name_en, p.headline_ko, p.headline_en, p.summary_ko,
        p.summary_en, p.published_at, f.content_json, p.body_json
    FROM publications p
    JOIN incidents i ON i.id = p.incident_id
    JOIN organisations o ON o.id = i.org_id
    JOIN filings f ON f.id = p.filing_id";

impl Row {
    fn into_detail(self) -> Result<PublishedDetail, StorageError> {
        let c = Content::from_stored_json(&self.content_json).ok_or(StorageError::Corrupt("published content"))?;
        let lines = |key: &str| -> Vec<String> {
            c.get(key).lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
        };
        let services = lines("services_affected");
        let dependents = lines("downstream_dependents");
        let body: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&self.body_json).unwrap_or_default();
        let parts: BTreeMap<String, String> =
            body.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string()))).collect();
        let onset = c.instant("onset_at").unwrap_or(Timestamp(self.published_at));
        // Written at approval, redacted (see `summaries::approve`); never the live measures.
        let measures = body
            .get("measures")
            .and_then(|m| serde_json::from_value::<Vec<PublicMeasure>>(m.clone()).ok())
            .unwrap_or_default();
        let findings = body
            .get("findings")
            .and_then(|f| serde_json::from_value::<Vec<(String, String)>>(f.clone()).ok())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(duty, finding)| public_finding(&duty, &finding, onset))
            .collect();
        Ok(PublishedDetail {
            row: PublishedRow {
                reference: self.reference,
                org: Names { ko: self.name_ko, en: self.name_en },
                headline: Names { ko: self.headline_ko, en: self.headline_en },
                onset_at: onset,
                published_at: Timestamp(self.published_at),
            },
            org_slug: self.slug,
            summary: Names { ko: self.summary_ko, en: self.summary_en },
            services_affected: services,
            dependents,
            cause_category: c.get("cause_category").to_string(),
            parts,
            findings,
            measures,
            corrections: Vec::new(),
        })
    }
}

fn public_finding(duty: &str, finding: &str, onset: Timestamp) -> Option<PublicFinding> {
    let def = catalog_at(onset)?.duties().find(|d| d.id == duty)?;
    Some(PublicFinding {
        duty_id: duty.to_string(),
        title: Names { ko: def.title.0.to_string(), en: def.title.1.to_string() },
        finding: Finding::parse(finding)?,
    })
}

/// The capability to read what the ministry has published, and nothing else: anyone has it,
/// signed in or not, and every read in this module that the public side uses takes it.
#[derive(Clone, Copy, Debug)]
pub struct PublicReader;

/// Published summaries, newest first.
pub async fn list(db: &Db, _reader: &PublicReader) -> Result<Vec<PublishedRow>, StorageError> {
    let sql = format!("{SELECT} ORDER BY p.published_at DESC, p.id DESC LIMIT 100");
    let rows = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).fetch_all(p).await)?;
    rows.into_iter().map(|r| r.into_detail().map(|d| d.row)).collect()
}

/// One published summary by incident reference, without its corrections.
pub async fn summary(db: &Db, _reader: &PublicReader, reference: &str) -> Result<PublishedDetail, StorageError> {
    Ok(summary_row(db, reference).await?.1)
}

async fn summary_row(db: &Db, reference: &str) -> Result<(i64, PublishedDetail), StorageError> {
    let sql = format!("{SELECT} WHERE i.reference = $1");
    let row = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(reference).fetch_optional(p).await)?;
    let row = row.ok_or(StorageError::NotFound)?;
    Ok((row.incident_id, row.into_detail()?))
}

/// One published summary by incident reference, with its corrections.
pub async fn get(db: &Db, _reader: &PublicReader, reference: &str) -> Result<PublishedDetail, StorageError> {
    let (incident_id, mut detail) = summary_row(db, reference).await?;
    let corrections = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, String, String)>(
            "SELECT corrected_at, reason_ko, reason_en FROM publication_corrections WHERE incident_id = $1 ORDER BY corrected_at, id",
        )
        .bind(incident_id)
        .fetch_all(p)
        .await
    })?;
    detail.corrections = corrections
        .into_iter()
        .map(|(at, ko, en)| PublicCorrection { at: Timestamp(at), reason: Names { ko, en } })
        .collect();
    Ok(detail)
}
