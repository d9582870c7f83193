//! The ministry's case posts: assignment, per-duty findings, requests for information,
//! measures, verification of items, the summary's draft and approval, and closure. Each
//! handler checks the capability, validates with the domain rules and calls one storage
//! operation; a rejected form comes back on its page with everything typed.

use app::api::{FormEcho, FormProblem};
use app::domain::auth::{Caller, ReviewerCap};
use app::domain::case::forms;
use app::domain::duties::catalog_at;
use app::domain::ids::is_reference;
use app::domain::validation::FieldErrors;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::render::{error_response, render_at, scoped, see_other, suffixed, PostedForm};
use crate::state::AppState;
use crate::storage::incidents::{self, FiledIncident};
use crate::storage::{assessments, cases, measures, requests, summaries, StorageError};

/// The reviewer and the incident a case post is about, or the response refusing it. A closed
/// case takes no more findings, requests, measures or verdicts; its published summary can
/// still be corrected (`closed_ok`).
async fn open(
    state: &AppState,
    form: &PostedForm,
    reference: &str,
    closed_ok: bool,
) -> Result<(ReviewerCap, FiledIncident), Response> {
    let Some(cap) = form.parts.extensions.get::<Caller>().and_then(Caller::reviewer) else {
        return Err(super::forbidden(&form.parts));
    };
    if !is_reference(reference) {
        return Err(super::not_found(state, form.parts.clone()).await);
    }
    let incident = match incidents::find_filed(&state.db, &cap, reference).await {
        Ok(i) => i,
        Err(StorageError::NotFound) => return Err(super::not_found(state, form.parts.clone()).await),
        Err(e) => return Err(failed(&form.parts, e)),
    };
    if !closed_ok {
        match cases::state(&state.db, incident.id).await {
            Ok(s) if s.closed.is_some() => {
                let echo = FormEcho {
                    values: form.echo_values(),
                    errors: FieldErrors::default(),
                    problem: Some(FormProblem::CaseIsClosed),
                };
                let parts = form.parts.clone();
                return Err(render_at(state, parts, &case_page(reference), echo, StatusCode::CONFLICT).await);
            }
            Ok(_) => {}
            Err(e) => return Err(failed(&form.parts, e)),
        }
    }
    Ok((cap, incident))
}

/// `open`, or return its refusal from the handler.
macro_rules! open_or_refuse {
    ($state:expr, $form:expr, $reference:expr) => {
        open_or_refuse!($state, $form, $reference, false)
    };
    ($state:expr, $form:expr, $reference:expr, $closed_ok:expr) => {
        match open($state, $form, $reference, $closed_ok).await {
            Ok(x) => x,
            Err(refusal) => return refusal,
        }
    };
}

fn failed(parts: &axum::http::request::Parts, e: StorageError) -> Response {
    tracing::error!(error = %e, path = %parts.uri.path(), "case operation failed");
    error_response(parts)
}

fn case_page(reference: &str) -> String {
    format!("/review/incidents/{reference}")
}

/// Shows `page` again with what was typed and the errors (fields carry `suffix` on the page,
/// where one form is repeated per request or item).
async fn again(state: &AppState, form: PostedForm, page: &str, errors: FieldErrors, suffix: &str) -> Response {
    let echo = FormEcho { values: form.echo_values(), errors: suffixed(errors, suffix), problem: None };
    render_at(state, form.parts, page, echo, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// Shows `page` again with a problem about the whole form.
async fn refuse(state: &AppState, form: PostedForm, page: &str, problem: FormProblem, status: StatusCode) -> Response {
    let echo = FormEcho { values: form.echo_values(), errors: FieldErrors::default(), problem: Some(problem) };
    render_at(state, form.parts, page, echo, status).await
}

/// The outcome of a storage write: on to `to`, or the page again for a state conflict.
async fn finish(
    state: &AppState,
    form: PostedForm,
    result: Result<(), StorageError>,
    page: &str,
    to: &str,
) -> Response {
    match result {
        Ok(()) => see_other(to),
        Err(StorageError::NotFound) => super::not_found(state, form.parts).await,
        Err(StorageError::Conflict(_)) => {
            refuse(state, form, page, FormProblem::CaseStateChanged, StatusCode::CONFLICT).await
        }
        Err(e) => failed(&form.parts, e),
    }
}

/// POST /review/incidents/{ref}/assign
pub async fn assign(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Response {
    let (cap, incident) = open_or_refuse!(&state, &form, &reference);
    let page = case_page(&reference);
    let Ok(assignee) = form.get("assignee").parse::<i64>() else {
        let mut e = FieldErrors::default();
        e.add("assignee", app::domain::validation::FieldError::Required);
        return again(&state, form, &page, e, "").await;
    };
    if !cap.is_lead() && assignee != cap.user().0 {
        return refuse(&state, form, &page, FormProblem::LeadOnly, StatusCode::FORBIDDEN).await;
    }
    let result = cases::assign(&state.db, &cap, &incident, assignee, state.clock.now()).await;
    finish(&state, form, result, &page, &page).await
}

/// POST /review/incidents/{ref}/duties/{duty}
pub async fn assess(
    State(state): State<AppState>,
    Path((reference, duty)): Path<(String, String)>,
    form: PostedForm,
) -> Response {
    let (cap, incident) = open_or_refuse!(&state, &form, &reference);
    let page = format!("/review/incidents/{reference}/duties/{duty}");
    let Some(catalog) = catalog_at(incident.opened_at).or_else(|| catalog_at(state.clock.now())) else {
        return super::not_found(&state, form.parts).await;
    };
    if !catalog.duties.iter().any(|d| d.id == duty) {
        return super::not_found(&state, form.parts).await;
    }
    let a = match forms::Assessment::parse(&form.fields) {
        Ok(a) => a,
        Err(e) => return again(&state, form, &page, e, "").await,
    };
    let result = assessments::record(&state.db, &cap, &incident, catalog.version, &duty, &a, state.clock.now()).await;
    finish(&state, form, result, &page, &format!("{}#duties", case_page(&reference))).await
}

/// POST /review/incidents/{ref}/requests
pub async fn ask(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Response {
    let (cap, incident) = open_or_refuse!(&state, &form, &reference);
    let page = case_page(&reference);
    let r = match forms::Request::parse(&form.fields, form.zone(), state.clock.now()) {
        Ok(r) => r,
        Err(e) => return again(&state, form, &page, e, "").await,
    };
    let result = requests::ask(&state.db, &cap, &incident, &r, state.clock.now()).await.map(|_| ());
    finish(&state, form, result, &page, &format!("{page}#requests")).await
}

/// POST /review/incidents/{ref}/requests/{n}: a follow-up in the thread.
pub async fn follow_up(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    form: PostedForm,
) -> Response {
    let (cap, incident) = open_or_refuse!(&state, &form, &reference);
    let page = case_page(&reference);
    let suffix = format!("_{number}");
    let body = match forms::message(&scoped(&form.fields, &suffix)) {
        Ok(b) => b,
        Err(e) => return again(&state, form, &page, e, &suffix).await,
    };
    let result =
        requests::post(&state.db, requests::Author::Ministry(&cap), &incident, number, &body, state.clock.now()).await;
    finish(&state, form, result, &page, &format!("{page}#request-{number}")).await
}

/// POST /review/incidents/{ref}/requests/{n}/close
pub async fn close_request(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    form: PostedForm,
) -> Response {
    let (cap, incident) = open_or_refuse!(&state, &form, &reference);
    let page = case_page(&reference);
    let result = requests::close(&state.db, &cap, &incident, number, state.clock.now()).await;
    finish(&state, form, result, &page, &format!("{page}#request-{number}")).await
}

/// POST /review/incidents/{ref}/measures
pub async fn issue_measure(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Response {
    let (cap, incident) = open_or_refuse!(&state, &form, &reference);
    let page = case_page(&reference);
    let m = match forms::Measure::parse(&form.fields, form.zone(), state.clock.now()) {
        Ok(m) => m,
        Err(e) => return again(&state, form, &page, e, "").await,
    };
    let result = measures::issue(&state.db, &cap, &incident, &m, state.clock.now()).await.map(|_| ());
    finish(&state, form, result, &page, &format!("{page}#measures")).await
}

/// POST /review/incidents/{ref}/items/{id}: accept, reject or waive an item.
pub async fn verify_item(
    State(state): State<AppState>,
    Path((reference, item)): Path<(String, i64)>,
    form: PostedForm,
) -> Response {
    let (cap, incident) = open_or_refuse!(&state, &form, &reference);
    let page = case_page(&reference);
    let suffix = format!("_{item}");
    let v = match forms::Verdict::parse(&scoped(&form.fields, &suffix)) {
        Ok(v) => v,
        Err(e) => return again(&state, form, &page, e, &suffix).await,
    };
    let result = measures::verify(&state.db, &cap, &incident, item, &v, state.clock.now()).await;
    finish(&state, form, result, &page, &format!("{page}#item-{item}")).await
}

/// POST /review/incidents/{ref}/summary: save the draft, or save and send it for approval.
pub async fn save_summary(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Response {
    let (cap, incident) = open_or_refuse!(&state, &form, &reference, true);
    let page = format!("/review/incidents/{reference}/summary");
    let correcting = match crate::storage::publications::summary(&state.db, &reference).await {
        Ok(_) => true,
        Err(StorageError::NotFound) => false,
        Err(e) => return failed(&form.parts, e),
    };
    let values = match forms::summary(&form.fields, correcting) {
        Ok(v) => v,
        Err(e) => return again(&state, form, &page, e, "").await,
    };
    let revision = form.get("revision").parse::<i64>().unwrap_or(0);
    let submit = form.get("action") == "submit";
    match summaries::save(&state.db, &cap, &incident, &values, revision, submit, state.clock.now()).await {
        Ok(()) => see_other(&page),
        Err(StorageError::Conflict(_)) => {
            refuse(&state, form, &page, FormProblem::SummaryChanged, StatusCode::CONFLICT).await
        }
        Err(e) => failed(&form.parts, e),
    }
}

/// POST /review/incidents/{ref}/summary/approve: a review lead other than the drafter
/// approves, which publishes.
pub async fn approve_summary(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    form: PostedForm,
) -> Response {
    let (cap, incident) = open_or_refuse!(&state, &form, &reference, true);
    let page = format!("/review/incidents/{reference}/summary");
    // who may approve is decided before the draft's state is looked at
    if !cap.is_lead() {
        return refuse(&state, form, &page, FormProblem::LeadOnly, StatusCode::FORBIDDEN).await;
    }
    match summaries::approve(&state.db, &cap, &incident, state.clock.now()).await {
        Ok(Ok(())) => {
            tracing::info!(incident = %reference, "summary approved and published");
            see_other(&format!("/incidents/{reference}"))
        }
        Ok(Err(block)) => refuse(&state, form, &page, FormProblem::NotApprovable(block), StatusCode::FORBIDDEN).await,
        Err(StorageError::NotFound) => {
            let block = app::domain::case::ApprovalBlock::NotSubmitted;
            refuse(&state, form, &page, FormProblem::NotApprovable(block), StatusCode::CONFLICT).await
        }
        Err(e) => failed(&form.parts, e),
    }
}

/// POST /review/incidents/{ref}/close
pub async fn close_case(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Response {
    let (cap, incident) = open_or_refuse!(&state, &form, &reference);
    let page = case_page(&reference);
    let note = form.get("close_note").trim().to_string();
    if note.chars().count() > forms::MAX_TEXT {
        let mut e = FieldErrors::default();
        e.add("close_note", app::domain::validation::FieldError::TooLong);
        return again(&state, form, &page, e, "").await;
    }
    match cases::close(&state.db, &cap, &incident, &note, state.clock.now()).await {
        Ok(Ok(())) => see_other(&page),
        Ok(Err(block)) => refuse(&state, form, &page, FormProblem::CaseNotClosable(block), StatusCode::CONFLICT).await,
        Err(e) => failed(&form.parts, e),
    }
}
