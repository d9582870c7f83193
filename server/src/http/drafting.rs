//! The operator's form posts: open an incident, start the next stage, save a section of
//! the draft, and submit (signatories only).

use app::api::FormProblem;
use app::domain::filing::FilingStage;
use app::domain::report::stages::may_draft;
use app::domain::report::{check, limits, SectionDef};
use app::domain::validation::FieldError;
use app::i18n::Msg;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::error::{Answer, AppError};
use super::render::{see_other, PostedForm};
use crate::state::AppState;
use crate::storage::drafts::{self, Filed, Saved};
use crate::storage::{filings, incidents};

super::routes::route_table! {
    post "/filing/new" => open_incident, Filer;
    post "/filing/incidents/{reference}/draft" => start_stage, Filer;
    post "/filing/incidents/{reference}/draft/submit" => submit, Signatory;
    post "/filing/incidents/{reference}/draft/signature" => ask_signature, Filer;
    post "/filing/incidents/{reference}/draft/{section}" => save_section, Filer;
}

/// POST /filing/new: open an incident with an empty initial-notification draft.
pub async fn open_incident(State(state): State<AppState>, form: PostedForm) -> Answer {
    let cap = super::filer(&form.parts.extensions)?;
    let title = app::domain::filing::incident_title(&form.get("title")).map_err(|e| form.invalid(None, e))?;
    let reference = incidents::open(&state.db, &cap, &title, state.clock.now()).await?;
    tracing::info!(org.id = %cap.org(), incident.reference = %reference, "incident opened");
    Ok(see_other(&format!("/filing/incidents/{reference}")))
}

/// POST /filing/incidents/{ref}/draft: start drafting the next stage, carrying forward
/// the latest filed content.
pub async fn start_stage(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let cap = super::filer(&form.parts.extensions)?;
    let incident = super::own_incident(&state, &cap, &reference).await?;
    let versions = filings::versions(&state.db, &incident).await?;
    let filed: Vec<FilingStage> = versions.iter().map(|v| v.row.stage).collect();
    let Some(stage) = FilingStage::parse(&form.get("stage")).filter(|s| may_draft(&filed, *s)) else {
        return Err(AppError::Refused(StatusCode::CONFLICT, Msg::StageNotAllowed));
    };
    let carried = versions.last().map(|v| v.content.clone()).unwrap_or_default();
    match drafts::start(&state.db, &cap, &incident, stage, &carried, state.clock.now()).await {
        // a draft that already exists is where the person wanted to go anyway
        Ok(()) | Err(crate::storage::StorageError::DraftExists) => {
            Ok(see_other(&format!("/filing/incidents/{reference}")))
        }
        Err(e) => Err(e.into()),
    }
}

/// POST /filing/incidents/{ref}/draft/{section}: save one section. Whatever was typed is
/// stored, valid or not; problems are shown on the section. If someone else saved first,
/// nothing is stored and the form comes back with what was typed and a clear message.
pub async fn save_section(
    State(state): State<AppState>,
    Path((reference, slug)): Path<(String, String)>,
    form: PostedForm,
) -> Answer {
    let cap = super::filer(&form.parts.extensions)?;
    let section = SectionDef::find(&slug).ok_or(AppError::NotFound)?;
    let incident = super::own_incident(&state, &cap, &reference).await?;
    let Some(draft) = drafts::get(&state.db, &incident).await? else {
        return Ok(see_other(&format!("/filing/incidents/{reference}/draft/{slug}")));
    };
    let expected: i64 = form.get("_revision").parse().unwrap_or(-1);
    let content = draft.content.with_section(section, &form.fields, form.zone());
    let mut refused = limits::section_errors(section, &form.fields);
    if refused.is_empty() && limits::too_large(&content) {
        let first = section.fields.first().map_or(section.slug, |f| f.key);
        refused.add(first, FieldError::ContentTooLarge);
    }
    if !refused.is_empty() {
        return Err(form.invalid(None, refused));
    }
    let at = state.clock.now();
    match drafts::save(&state.db, &cap, &incident, expected, &content, at).await? {
        Saved::Saved(_) => {
            let here = format!("/filing/incidents/{reference}/draft/{slug}");
            let errors = check(&content, draft.stage, at);
            Ok(if form.get("_action") == "add_row" {
                see_other(&format!("{here}?saved=1"))
            } else if errors
                .0
                .iter()
                .any(|(k, e)| section.owns(k) && *e != FieldError::Required && *e != FieldError::AtLeastOneRow)
            {
                // a value that cannot be right: say so now, beside the field
                see_other(&format!("{here}?saved=1"))
            } else {
                see_other(&format!("/filing/incidents/{reference}?saved={slug}"))
            })
        }
        Saved::Stale(current) => {
            tracing::info!(incident.reference = %reference, mine = expected, theirs = current.revision, "draft save refused: stale revision");
            Err(form.refuse(None, FormProblem::DraftChanged, StatusCode::CONFLICT))
        }
        Saved::Gone => Ok(see_other(&format!("/filing/incidents/{reference}/draft/{slug}"))),
    }
}

/// POST /filing/incidents/{ref}/draft/signature: an officer tells the organisation's
/// signatories that the draft is ready (once per saved revision: a second press, or two at
/// once, tell them once).
pub async fn ask_signature(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let cap = super::filer(&form.parts.extensions)?;
    let incident = super::own_incident(&state, &cap, &reference).await?;
    let check_page = format!("/filing/incidents/{reference}/draft/check");
    let Some(draft) = drafts::get(&state.db, &incident).await? else { return Ok(see_other(&check_page)) };
    let at = state.clock.now();
    // only a draft that can be filed as it is, and only the revision the officer looked at
    if !check(&draft.content, draft.stage, at).is_empty() || form.get("_revision") != draft.revision.to_string() {
        return Ok(see_other(&check_page));
    }
    drafts::ask_signature(&state.db, &cap, &incident, draft.revision, at).await?;
    Ok(see_other(&format!("{check_page}?asked=1")))
}

/// POST /filing/incidents/{ref}/draft/submit: an authorised signatory files the draft,
/// approving the exact content hash shown on the check page.
pub async fn submit(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let cap = super::operator(&form.parts.extensions)?;
    if !cap.can_sign() {
        return Err(AppError::Forbidden);
    }
    let incident = super::own_incident(&state, &cap, &reference).await?;
    let check_page = format!("/filing/incidents/{reference}/draft/check");
    let Some(draft) = drafts::get(&state.db, &incident).await? else { return Ok(see_other(&check_page)) };
    let at = state.clock.now();
    if !check(&draft.content, draft.stage, at).is_empty() {
        return Ok(see_other(&check_page));
    }
    let title = app::domain::filing::signing(&form.get("signatory_title"), form.get("attest") == "yes")
        .map_err(|errors| form.invalid(Some(&check_page), errors))?;
    let approved = form.get("sha256");
    let submission = drafts::Submission {
        cap: &cap,
        incident: &incident,
        draft: &draft,
        approved_sha256: &approved,
        signatory_title: &title,
        at,
    };
    match crate::pdf::documents::file_with_pdf(&state.db, &state.pdf, &submission).await? {
        Filed::Filed { reference: filed } => {
            tracing::info!(org.id = %cap.org(), filing = %filed, "filing submitted");
            Ok(see_other(&format!("/filing/filings/{filed}?received=1")))
        }
        Filed::Changed => {
            Err(form.refuse(Some(&check_page), FormProblem::DraftChangedBeforeSubmit, StatusCode::CONFLICT))
        }
    }
}
