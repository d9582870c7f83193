//! Frozen official documents: the PDF of each filed version and the notice of each measure,
//! stored once with their own SHA-256 and the template and catalogue versions they were
//! made with. A download serves these bytes; a template edited later changes only documents
//! made after it. The table refuses updates and deletes (migration 0007).
//!
//! A filing's document is stored in the same transaction as the version
//! ([`super::drafts::file`]); a measure's right after it is issued. Anything without one
//! (filed before documents were stored, or a notice whose rendering failed) gets it from
//! [`crate::pdf::documents::backfill`] at start-up, or on its first download, and is frozen
//! from then on.

use app::domain::timestamp::Timestamp;

use super::incidents::IncidentRecord;
use super::{Db, StorageError};
use crate::with_pool;

/// A rendered document about to be frozen.
#[derive(Clone, Debug)]
pub struct NewDocument {
    /// The download name, e.g. `OD-2026-000003-01.pdf`.
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub sha256: String,
    pub template_version: String,
    pub catalogue_version: String,
}

/// A frozen document.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Document {
    pub file_name: String,
    pub sha256: String,
    pub bytes: Vec<u8>,
    pub template_version: String,
    pub catalogue_version: String,
    pub created_at: i64,
}

/// Inserts a filing's document with the given executor (the transaction that files it). A
/// second insert for the same filing does nothing: the first document stays.
macro_rules! freeze_filing_document {
    ($exec:expr, $filing_id:expr, $doc:expr, $at:expr) => {{
        let d: &$crate::storage::documents::NewDocument = $doc;
        sqlx::query(
            "INSERT INTO official_documents
                (file_name, sha256, bytes, template_version, catalogue_version, created_at, kind, subject_id)
             VALUES ($1, $2, $3, $4, $5, $6, 'filing', $7) ON CONFLICT (kind, subject_id) DO NOTHING",
        )
        .bind(&d.file_name)
        .bind(&d.sha256)
        .bind(&d.bytes)
        .bind(&d.template_version)
        .bind(&d.catalogue_version)
        .bind($at.0)
        .bind($filing_id)
        .execute($exec)
        .await
    }};
}
pub(crate) use freeze_filing_document;

/// An existing subject to freeze a document for.
#[derive(Clone, Copy, Debug)]
pub enum Subject<'a> {
    /// A filed version, by its reference.
    Filing(&'a str),
    /// Measure `number` of incident `incident_id`.
    Measure { incident_id: i64, number: i64 },
}

/// Binds a document's six columns (`$1`..`$6`) to a query.
macro_rules! bind_document {
    ($query:expr, $doc:expr, $at:expr) => {
        $query
            .bind(&$doc.file_name)
            .bind(&$doc.sha256)
            .bind(&$doc.bytes)
            .bind(&$doc.template_version)
            .bind(&$doc.catalogue_version)
            .bind($at.0)
    };
}

const INSERT_FROM_SUBJECT: &str = "INSERT INTO official_documents
    (kind, subject_id, file_name, sha256, bytes, template_version, catalogue_version, created_at)";

/// Freezes a document for an existing subject (backfill, first download, a measure just
/// issued). If the subject has one already, that one stays.
pub async fn freeze(db: &Db, subject: Subject<'_>, doc: &NewDocument, at: Timestamp) -> Result<(), StorageError> {
    match subject {
        Subject::Filing(reference) => {
            let sql = format!(
                "{INSERT_FROM_SUBJECT} SELECT 'filing', f.id, $1, $2, $3, $4, $5, $6 FROM filings f
                 WHERE f.reference = $7 ON CONFLICT (kind, subject_id) DO NOTHING"
            );
            with_pool!(db, |p| bind_document!(sqlx::query(&sql), doc, at).bind(reference).execute(p).await.map(|_| ()))?
        }
        Subject::Measure { incident_id, number } => {
            let sql = format!(
                "{INSERT_FROM_SUBJECT} SELECT 'measure', m.id, $1, $2, $3, $4, $5, $6 FROM measures m
                 WHERE m.incident_id = $7 AND m.number = $8 ON CONFLICT (kind, subject_id) DO NOTHING"
            );
            with_pool!(db, |p| {
                bind_document!(sqlx::query(&sql), doc, at).bind(incident_id).bind(number).execute(p).await.map(|_| ())
            })?
        }
    };
    Ok(())
}

const COLUMNS: &str =
    "d.file_name, d.sha256, d.bytes, d.template_version, d.catalogue_version, d.created_at FROM official_documents d";

/// The frozen document of a filing, by the filing's reference. The caller has already found
/// the filing through its capability.
pub async fn of_filing(db: &Db, reference: &str) -> Result<Option<Document>, StorageError> {
    let sql =
        format!("SELECT {COLUMNS} JOIN filings f ON d.kind = 'filing' AND d.subject_id = f.id WHERE f.reference = $1");
    Ok(with_pool!(db, |p| sqlx::query_as::<_, Document>(&sql).bind(reference).fetch_optional(p).await)?)
}

/// The frozen notice of measure `number` of an incident the caller has already found.
pub async fn of_measure(db: &Db, incident: &IncidentRecord, number: i64) -> Result<Option<Document>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} JOIN measures m ON d.kind = 'measure' AND d.subject_id = m.id
         WHERE m.incident_id = $1 AND m.number = $2"
    );
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, Document>(&sql).bind(incident.id).bind(number).fetch_optional(p).await
    })?)
}

/// Filings without a document: (filing id, reference), oldest first.
pub async fn filings_without(db: &Db) -> Result<Vec<(i64, String)>, StorageError> {
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, String)>(
            "SELECT f.id, f.reference FROM filings f WHERE NOT EXISTS
                (SELECT 1 FROM official_documents d WHERE d.kind = 'filing' AND d.subject_id = f.id)
             ORDER BY f.id",
        )
        .fetch_all(p)
        .await
    })?)
}

/// Measures without a notice: (measure id, incident id, number), oldest first.
pub async fn measures_without(db: &Db) -> Result<Vec<(i64, i64, i64)>, StorageError> {
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, i64, i64)>(
            "SELECT m.id, m.incident_id, m.number FROM measures m WHERE NOT EXISTS
                (SELECT 1 FROM official_documents d WHERE d.kind = 'measure' AND d.subject_id = m.id)
             ORDER BY m.id",
        )
        .fetch_all(p)
        .await
    })?)
}
