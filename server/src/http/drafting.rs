//! The operator's form posts: open an incident, start the next stage, save a section of
//! the draft, and submit (signatories only).

use app::api::{FormEcho, FormProblem};
use app::domain::auth::{Caller, OperatorCap};
use app::domain::filing::FilingStage;
use app::domain::report::stages::may_draft;
use app::domain::report::{check, limits, SectionDef};
use app::domain::validation::{FieldError, FieldErrors};
use app::i18n::Msg;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::Response;

use super::render::{error_response, message_page, render_at, render_page, see_other, PostedForm};
use crate::state::AppState;
use crate::storage::drafts::{self, Filed, Saved};
use crate::storage::incidents::{self, IncidentRecord};
use crate::storage::{filings, StorageError};

fn operator(parts: &Parts) -> Option<OperatorCap> {
    parts.extensions.get::<Caller>().and_then(Caller::operator).filter(OperatorCap::can_file)
}

/// Logs a storage failure once and answers with the generic error page.
fn failed(parts: &Parts, cap: &OperatorCap, what: &str, e: StorageError) -> Response {
    tracing::error!(org.id = %cap.org(), error = %e, "{what} failed");
    error_response(parts)
}

/// The caller's organisation's incident, or the not-found page.
async fn own_incident(
    state: &AppState,
    form: &PostedForm,
    cap: &OperatorCap,
    reference: &str,
) -> Result<IncidentRecord, Response> {
    if !app::domain::ids::is_reference(reference) {
        return Err(super::not_found(state, form.parts.clone()).await);
    }
    match incidents::find(&state.db, cap.org(), reference).await {
        Ok(i) => Ok(i),
        Err(StorageError::NotFound) => Err(super::not_found(state, form.parts.clone()).await),
        Err(e) => Err(failed(&form.parts, cap, "finding the incident", e)),
    }
}

/// POST /filing/new: open an incident with an empty initial-notification draft.
pub async fn open_incident(State(state): State<AppState>, form: PostedForm) -> Response {
    let Some(cap) = operator(&form.parts) else { return super::forbidden(&form.parts) };
    let title = form.get("title").trim().to_string();
    let problem = match title.chars().count() {
        0 => Some(FieldError::Required),
        n if n > 200 => Some(FieldError::TooLong),
        _ => None,
    };
    if let Some(p) = problem {
        let mut errors = FieldErrors::default();
        errors.add("title", p);
        let echo = FormEcho { values: form.echo_values(), errors, problem: None };
        return render_page(&state, form.parts, echo, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    match incidents::open(&state.db, &cap, &title, state.clock.now()).await {
        Ok(reference) => {
            tracing::info!(org.id = %cap.org(), incident = %reference, "incident opened");
            see_other(&format!("/filing/incidents/{reference}"))
        }
        Err(e) => failed(&form.parts, &cap, "opening an incident", e),
    }
}

/// POST /filing/incidents/{ref}/draft: start drafting the next stage, carrying forward
/// the latest filed content.
pub async fn start_stage(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Response {
    let Some(cap) = operator(&form.parts) else { return super::forbidden(&form.parts) };
    let incident = match own_incident(&state, &form, &cap, &reference).await {
        Ok(i) => i,
        Err(resp) => return resp,
    };
    let versions = match filings::versions(&state.db, incident.id).await {
        Ok(v) => v,
        Err(e) => return failed(&form.parts, &cap, "reading versions", e),
    };
    let filed: Vec<FilingStage> = versions.iter().map(|v| v.row.stage).collect();
    let Some(stage) = FilingStage::parse(&form.get("stage")).filter(|s| may_draft(&filed, *s)) else {
        return message_page(&form.parts, StatusCode::CONFLICT, Msg::ErrorTitle, Msg::StageNotAllowed);
    };
    let carried = versions.last().map(|v| v.content.clone()).unwrap_or_default();
    match drafts::start(&state.db, &cap, &incident, stage, &carried, state.clock.now()).await {
        // a draft that already exists is where the person wanted to go anyway
        Ok(()) | Err(StorageError::Conflict(_)) => see_other(&format!("/filing/incidents/{reference}")),
        Err(e) => failed(&form.parts, &cap, "starting a draft", e),
    }
}

/// POST /filing/incidents/{ref}/draft/{section}: save one section. Whatever was typed is
/// stored, valid or not; problems are shown on the section. If someone else saved first,
/// nothing is stored and the form comes back with what was typed and a clear message.
pub async fn save_section(
    State(state): State<AppState>,
    Path((reference, slug)): Path<(String, String)>,
    form: PostedForm,
) -> Response {
    let Some(cap) = operator(&form.parts) else { return super::forbidden(&form.parts) };
    let Some(section) = SectionDef::find(&slug) else { return super::not_found(&state, form.parts).await };
    let incident = match own_incident(&state, &form, &cap, &reference).await {
        Ok(i) => i,
        Err(resp) => return resp,
    };
    let draft = match drafts::get(&state.db, &incident).await {
        Ok(Some(d)) => d,
        Ok(None) => return see_other(&format!("/filing/incidents/{reference}/draft/{slug}")),
        Err(e) => return failed(&form.parts, &cap, "reading the draft", e),
    };
    let expected: i64 = form.get("_revision").parse().unwrap_or(-1);
    let content = draft.content.with_section(section, &form.fields, form.zone());
    let mut refused = limits::section_errors(section, &form.fields);
    if refused.is_empty() && limits::too_large(&content) {
        let first = section.fields.first().map_or(section.slug, |f| f.key);
        refused.add(first, FieldError::ContentTooLarge);
    }
    if !refused.is_empty() {
        let echo = FormEcho { values: form.echo_values(), errors: refused, problem: None };
        return render_page(&state, form.parts, echo, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let at = state.clock.now();
    match drafts::save(&state.db, &cap, &incident, expected, &content, at).await {
        Ok(Saved::Saved(_)) => {
            let here = format!("/filing/incidents/{reference}/draft/{slug}");
            let errors = check(&content, draft.stage, at);
            if form.get("_action") == "add_row" {
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
            }
        }
        Ok(Saved::Stale(current)) => {
            tracing::info!(incident = %reference, mine = expected, theirs = current.revision, "draft save refused: stale revision");
            let echo = FormEcho {
                values: form.echo_values(),
                errors: FieldErrors::default(),
                problem: Some(FormProblem::DraftChanged),
            };
            render_page(&state, form.parts, echo, StatusCode::CONFLICT).await
        }
        Ok(Saved::Gone) => see_other(&format!("/filing/incidents/{reference}/draft/{slug}")),
        Err(e) => failed(&form.parts, &cap, "saving the draft", e),
    }
}

/// POST /filing/incidents/{ref}/draft/submit: an authorised signatory files the draft,
/// approving the exact content hash shown on the check page.
pub async fn submit(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Response {
    let Some(cap) = operator(&form.parts) else { return super::forbidden(&form.parts) };
    if !cap.can_sign() {
        return super::forbidden(&form.parts);
    }
    let incident = match own_incident(&state, &form, &cap, &reference).await {
        Ok(i) => i,
        Err(resp) => return resp,
    };
    let check_page = format!("/filing/incidents/{reference}/draft/check");
    let draft = match drafts::get(&state.db, &incident).await {
        Ok(Some(d)) => d,
        Ok(None) => return see_other(&check_page),
        Err(e) => return failed(&form.parts, &cap, "reading the draft", e),
    };
    let at = state.clock.now();
    if !check(&draft.content, draft.stage, at).is_empty() {
        return see_other(&check_page);
    }
    let title = form.get("signatory_title").trim().to_string();
    let mut errors = FieldErrors::default();
    match title.chars().count() {
        0 => errors.add("signatory_title", FieldError::Required),
        n if n > 100 => errors.add("signatory_title", FieldError::TooLong),
        _ => {}
    }
    if form.get("attest") != "yes" {
        errors.add("attest", FieldError::MustConfirm);
    }
    if !errors.is_empty() {
        let echo = FormEcho { values: form.echo_values(), errors, problem: None };
        return render_at(&state, form.parts, &check_page, echo, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    match drafts::file(&state.db, &cap, &incident, &draft, &form.get("sha256"), &title, at).await {
        Ok(Filed::Filed { reference: filed }) => {
            tracing::info!(org.id = %cap.org(), filing = %filed, "filing submitted");
            see_other(&format!("/filing/filings/{filed}?received=1"))
        }
        Ok(Filed::Changed) => {
            let echo = FormEcho {
                values: form.echo_values(),
                errors: FieldErrors::default(),
                problem: Some(FormProblem::DraftChangedBeforeSubmit),
            };
            render_at(&state, form.parts, &check_page, echo, StatusCode::CONFLICT).await
        }
        Err(e) => failed(&form.parts, &cap, "filing", e),
    }
}
