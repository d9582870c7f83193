//! Official documents made once and frozen: a filed version's PDF and a measure's notice,
//! with the template and catalogue versions they were made with (see
//! [`crate::storage::documents`] for where they are kept and when they are made).

use std::sync::{Arc, OnceLock};

use app::api::{FilingDetail, MeasureView};
use sha2::{Digest, Sha256};

use super::{PdfEngine, RenderError, Template};
use crate::state::AppState;
use crate::storage::documents::{self, Document, NewDocument, Subject};
use crate::storage::incidents::IncidentRecord;
use crate::storage::{drafts, filings, measures, StorageError, SystemTask};

/// Why an official document could not be served.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The first 16 hex digits of SHA-256: enough to tell versions apart in a record.
pub fn short_hash(bytes: &[u8]) -> String {
    hex::encode(&Sha256::digest(bytes)[..8])
}

/// A fingerprint of the field catalogue (every section, field and column with its labels):
/// it changes whenever what a filing prints could change.
pub fn field_catalogue_version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let mut text = String::new();
        for s in app::domain::report::schema::sections() {
            text.push_str(&format!("section {} {} {}\n", s.slug, s.title.0, s.title.1));
            for f in s.fields {
                text.push_str(&format!("field {} {} {}\n", f.key, f.label.0, f.label.1));
            }
            for g in s.groups {
                text.push_str(&format!("group {} {} {}\n", g.key, g.label.0, g.label.1));
                for c in g.columns {
                    text.push_str(&format!("column {} {} {}\n", c.key, c.label.0, c.label.1));
                }
            }
        }
        format!("fields-{}", short_hash(text.as_bytes()))
    })
}

fn document(file_name: String, bytes: Vec<u8>, template_version: &str, catalogue_version: String) -> NewDocument {
    let sha256 = filings::content_hash_bytes(&bytes);
    NewDocument { file_name, bytes, sha256, template_version: template_version.to_string(), catalogue_version }
}

/// Renders a filing's official PDF, named after the version (`OD-2026-000003-01.pdf`).
pub async fn render_filing(engine: &Arc<PdfEngine>, f: &FilingDetail) -> Result<NewDocument, RenderError> {
    let bytes = engine.render(Template::Filing, super::filing_data::filing_data(f)).await?;
    let version = engine.template_version(Template::Filing);
    Ok(document(format!("{}.pdf", f.reference), bytes, version, field_catalogue_version().to_string()))
}

/// Renders the notice of measure `m`, named `OD-2026-000003-M1.pdf`. Its catalogue is the
/// duty catalogue in force when the incident opened (the legal bases it cites).
pub async fn render_notice(
    engine: &Arc<PdfEngine>,
    incident: &IncidentRecord,
    m: &MeasureView,
) -> Result<NewDocument, RenderError> {
    let bytes = engine.render(Template::Decision, super::decision_data::decision_data(incident, m)).await?;
    let version = engine.template_version(Template::Decision);
    let catalogue = app::domain::duties::catalog_at(incident.opened_at).map_or("none", |c| c.version);
    Ok(document(format!("{}-M{}.pdf", incident.reference, m.number), bytes, version, format!("duties-{catalogue}")))
}

/// Files a draft with its official PDF: renders what [`drafts::preview`] says the version
/// will be, then stores version and document in one transaction ([`drafts::file`]).
pub async fn file_with_pdf(
    db: &crate::storage::Db,
    engine: &Arc<PdfEngine>,
    submission: &drafts::Submission<'_>,
) -> Result<drafts::Filed, DocumentError> {
    if submission.draft.sha256() != submission.approved_sha256 {
        return Ok(drafts::Filed::Changed);
    }
    let preview = drafts::preview(db, submission).await?;
    let document = render_filing(engine, &preview).await?;
    Ok(drafts::file(db, submission, (preview.reference.as_str(), &document)).await?)
}

/// The frozen PDF of a filing the caller found through its capability; made and frozen now
/// if it has none yet (filed before documents were stored).
pub async fn filing_document(state: &AppState, f: &FilingDetail) -> Result<Document, DocumentError> {
    if let Some(d) = documents::of_filing(&state.db, &f.reference).await? {
        return Ok(d);
    }
    let made = render_filing(&state.pdf, f).await?;
    documents::freeze(&state.db, Subject::Filing(&f.reference), &made, state.clock.now()).await?;
    // Whoever froze first wins; everyone serves what is stored.
    documents::of_filing(&state.db, &f.reference).await?.ok_or(DocumentError::Storage(StorageError::NotFound))
}

/// The frozen notice of a measure of an incident the caller found through its capability;
/// made and frozen now if it has none yet.
pub async fn notice_document(
    state: &AppState,
    incident: &IncidentRecord,
    m: &MeasureView,
) -> Result<Document, DocumentError> {
    if let Some(d) = documents::of_measure(&state.db, incident, m.number).await? {
        return Ok(d);
    }
    let made = render_notice(&state.pdf, incident, m).await?;
    let subject = Subject::Measure { incident_id: incident.id, number: m.number };
    documents::freeze(&state.db, subject, &made, state.clock.now()).await?;
    documents::of_measure(&state.db, incident, m.number).await?.ok_or(DocumentError::Storage(StorageError::NotFound))
}

/// Freezes the notice of a measure just issued. The measure stands whether or not this
/// works: a failure is logged, and the notice is made at the next start-up or on its first
/// download.
pub async fn freeze_new_notice(state: &AppState, incident: &IncidentRecord, number: i64) {
    let made = async {
        let list = measures::list(&state.db, incident).await?;
        let m = list.iter().find(|m| m.number == number).ok_or(StorageError::NotFound)?;
        notice_document(state, incident, m).await.map(|_| ())
    };
    if let Err(e) = made.await {
        tracing::error!(error = %e, incident.reference = %incident.reference, measure = number, "freezing a measure's notice failed");
    }
}

/// Makes the documents missing from a database: versions filed and measures issued before
/// documents were stored, or whose notice failed to render. Runs once at start-up; what it
/// makes is frozen like any other document. Returns how many it made.
pub async fn backfill(state: &AppState) -> Result<usize, DocumentError> {
    let task = SystemTask::start_up();
    let mut made = 0;
    for (_, reference) in documents::filings_without(&state.db).await? {
        let f = filings::get_for_task(&state.db, &task, &reference).await?;
        filing_document(state, &f).await?;
        made += 1;
    }
    for (_, incident_id, number) in documents::measures_without(&state.db).await? {
        let incident = crate::storage::incidents::by_id_for_task(&state.db, &task, incident_id).await?;
        let list = measures::list(&state.db, &incident).await?;
        let Some(m) = list.iter().find(|m| m.number == number) else { continue };
        notice_document(state, &incident, m).await?;
        made += 1;
    }
    Ok(made)
}
