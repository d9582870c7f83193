//! The ministry's case posts: assignment, per-duty findings, requests for information,
//! measures, verification of items, the summary's draft and approval, and closure. Each
//! handler checks the capability, validates with the domain rules and calls one storage
//! operation; a rejected form comes back on its page with everything typed.

use app::api::{FormProblem, Saved};
use app::domain::auth::{Caller, ReviewerCap};
use app::domain::case::{forms, MINISTRY_ZONE};
use app::domain::duties::catalog_at;
use app::domain::ids::is_reference;
use app::domain::validation::{FieldError, FieldErrors};
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::error::{Answer, AppError, OrRefuse};
use super::render::{scoped, see_other, suffixed, PostedForm};
use crate::state::AppState;
use crate::storage::incidents::{self, FiledIncident};
use crate::storage::{assessments, cases, measures, requests, summaries, StorageError};

super::routes::route_table! {
    post "/review/incidents/{reference}/assign" => assign, Reviewer;
    post "/review/incidents/{reference}/duties" => assess_many, Reviewer;
    post "/review/incidents/{reference}/duties/{duty}" => assess, Reviewer;
    post "/review/incidents/{reference}/requests" => ask, Reviewer;
    post "/review/incidents/{reference}/requests/{number}" => follow_up, Reviewer;
    post "/review/incidents/{reference}/requests/{number}/close" => close_request, Reviewer;
    post "/review/incidents/{reference}/measures" => issue_measure, Reviewer;
    post "/review/incidents/{reference}/items/{item}" => verify_item, Reviewer;
    post "/review/incidents/{reference}/summary" => save_summary, Reviewer;
    post "/review/incidents/{reference}/summary/approve" => approve_summary, Lead;
    post "/review/incidents/{reference}/close" => close_case, Reviewer;
    post "/review/incidents/{reference}/reopen" => reopen_case, Lead;
}

/// The reviewer and the filed incident a case post is about. A closed case takes no more
/// findings, requests, measures or verdicts; its published summary can still be corrected
/// (`closed_ok`).
async fn open(
    state: &AppState,
    form: &PostedForm,
    reference: &str,
    closed_ok: bool,
) -> Result<(ReviewerCap, FiledIncident), AppError> {
    let cap = form.parts.extensions.get::<Caller>().and_then(Caller::reviewer).ok_or(AppError::Forbidden)?;
    if !is_reference(reference) {
        return Err(AppError::NotFound);
    }
    let incident = incidents::find_filed(&state.db, &cap, reference).await?;
    if !closed_ok && cases::state(&state.db, &incident).await?.closed.is_some() {
        return Err(form.refuse(Some(&case_page(reference)), FormProblem::CaseIsClosed, StatusCode::CONFLICT));
    }
    Ok((cap, incident))
}

/// Where a case post lands when it worked: `page`, saying what was saved (the page shows it),
/// at `anchor`.
fn done(page: &str, saved: Saved, anchor: &str) -> String {
    format!("{page}?saved={}{anchor}", saved.as_str())
}

fn case_page(reference: &str) -> String {
    format!("/review/incidents/{reference}")
}

/// `page` again with what was typed and the errors (fields carry `suffix` on the page,
/// where one form is repeated per request or item).
fn again(form: &PostedForm, page: &str, errors: FieldErrors, suffix: &str) -> AppError {
    form.invalid(Some(page), suffixed(errors, suffix))
}

/// POST /review/incidents/{ref}/assign
pub async fn assign(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, false).await?;
    let page = case_page(&reference);
    let Ok(assignee) = form.get("assignee").parse::<i64>() else {
        let mut e = FieldErrors::default();
        e.add("assignee", FieldError::Required);
        return Err(again(&form, &page, e, ""));
    };
    if !cap.is_lead() && assignee != cap.user().0 {
        return Err(form.refuse(Some(&page), FormProblem::LeadOnly, StatusCode::FORBIDDEN));
    }
    cases::assign(&state.db, &cap, &incident, assignee, state.clock.now()).await.or_refuse(&form, &page)?;
    Ok(see_other(&done(&page, Saved::Assignment, "")))
}

/// POST /review/incidents/{ref}/duties/{duty}
pub async fn assess(
    State(state): State<AppState>,
    Path((reference, duty)): Path<(String, String)>,
    form: PostedForm,
) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, false).await?;
    let page = format!("/review/incidents/{reference}/duties/{duty}");
    let Some(catalog) = catalog_at(incident.opened_at).or_else(|| catalog_at(state.clock.now())) else {
        return Err(AppError::NotFound);
    };
    if !catalog.duties().any(|d| d.id == duty) {
        return Err(AppError::NotFound);
    }
    let a = forms::Assessment::parse(&form.fields).map_err(|e| again(&form, &page, e, ""))?;
    assessments::record(&state.db, &cap, &incident, catalog.version, &[(duty.as_str(), &a)], state.clock.now())
        .await
        .or_refuse(&form, &page)?;
    Ok(see_other(&done(&case_page(&reference), Saved::Finding, "#duties")))
}

/// POST /review/incidents/{ref}/duties: several findings from one page. Each duty's fields
/// carry its id (`finding_KR-DM-05`); a duty whose answers are as stored is left alone, so
/// saving the page records only what the reviewer changed. Any invalid row refuses the whole
/// page, with everything typed.
pub async fn assess_many(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, false).await?;
    let page = format!("/review/incidents/{reference}/duties");
    let Some(catalog) = catalog_at(incident.opened_at).or_else(|| catalog_at(state.clock.now())) else {
        return Err(AppError::NotFound);
    };
    let stored = assessments::list(&state.db, &incident).await?;
    let mut errors = FieldErrors::default();
    let mut changed = Vec::new();
    for duty in catalog.duties() {
        let suffix = format!("_{}", duty.id);
        let posted = scoped(&form.fields, &suffix);
        if posted.is_empty() {
            continue;
        }
        let before = stored.iter().find(|s| s.duty_id == duty.id);
        match forms::Assessment::parse(&posted) {
            Ok(a)
                if before.is_some_and(|b| {
                    (b.finding, &b.rationale, &b.evidence) == (a.finding, &a.rationale, &a.evidence)
                }) => {}
            Ok(a) if before.is_none() && a == forms::Assessment::untouched() => {}
            Ok(a) => changed.push((duty.id, a)),
            Err(e) => errors.0.extend(suffixed(e, &suffix).0),
        }
    }
    if !errors.is_empty() {
        return Err(form.invalid(Some(&page), errors));
    }
    if changed.is_empty() {
        return Ok(see_other(&done(&case_page(&reference), Saved::NoChange, "#duties")));
    }
    let findings: Vec<(&str, &forms::Assessment)> = changed.iter().map(|(d, a)| (*d, a)).collect();
    assessments::record(&state.db, &cap, &incident, catalog.version, &findings, state.clock.now())
        .await
        .or_refuse(&form, &page)?;
    Ok(see_other(&done(&case_page(&reference), Saved::Findings, "#duties")))
}

/// POST /review/incidents/{ref}/requests
pub async fn ask(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, false).await?;
    let page = case_page(&reference);
    let r = forms::Request::parse(&form.fields, MINISTRY_ZONE, state.clock.now())
        .map_err(|e| again(&form, &page, e, ""))?;
    requests::ask(&state.db, &cap, &incident, &r, state.clock.now()).await.or_refuse(&form, &page)?;
    Ok(see_other(&done(&page, Saved::Request, "#requests")))
}

/// POST /review/incidents/{ref}/requests/{n}: a follow-up in the thread.
pub async fn follow_up(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    form: PostedForm,
) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, false).await?;
    let page = case_page(&reference);
    let suffix = format!("_{number}");
    let body = forms::message(&scoped(&form.fields, &suffix)).map_err(|e| again(&form, &page, e, &suffix))?;
    requests::post(&state.db, requests::Author::Ministry(&cap), &incident, number, &body, state.clock.now())
        .await
        .or_refuse(&form, &page)?;
    Ok(see_other(&done(&page, Saved::Message, &format!("#request-{number}"))))
}

/// POST /review/incidents/{ref}/requests/{n}/close
pub async fn close_request(
    State(state): State<AppState>,
    Path((reference, number)): Path<(String, i64)>,
    form: PostedForm,
) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, false).await?;
    let page = case_page(&reference);
    requests::close(&state.db, &cap, &incident, number, state.clock.now()).await.or_refuse(&form, &page)?;
    Ok(see_other(&done(&page, Saved::RequestClosed, &format!("#request-{number}"))))
}

/// POST /review/incidents/{ref}/measures
pub async fn issue_measure(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, false).await?;
    let page = case_page(&reference);
    let m = forms::Measure::parse(&form.fields, MINISTRY_ZONE, state.clock.now())
        .map_err(|e| again(&form, &page, e, ""))?;
    let number = measures::issue(&state.db, &cap, &incident, &m, state.clock.now()).await.or_refuse(&form, &page)?;
    crate::pdf::documents::freeze_new_notice(&state, &incident, number).await;
    Ok(see_other(&done(&page, Saved::Measure, "#measures")))
}

/// POST /review/incidents/{ref}/items/{id}: accept, reject or waive an item.
pub async fn verify_item(
    State(state): State<AppState>,
    Path((reference, item)): Path<(String, i64)>,
    form: PostedForm,
) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, false).await?;
    let page = case_page(&reference);
    let suffix = format!("_{item}");
    let v = forms::Verdict::parse(&scoped(&form.fields, &suffix)).map_err(|e| again(&form, &page, e, &suffix))?;
    measures::verify(&state.db, &cap, &incident, item, &v, state.clock.now()).await.or_refuse(&form, &page)?;
    Ok(see_other(&done(&page, Saved::Verdict, &format!("#item-{item}"))))
}

/// POST /review/incidents/{ref}/summary: save the draft, or save and send it for approval.
pub async fn save_summary(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, true).await?;
    let page = format!("/review/incidents/{reference}/summary");
    let correcting =
        match crate::storage::publications::summary(&state.db, &crate::storage::publications::PublicReader, &reference)
            .await
        {
            Ok(_) => true,
            Err(StorageError::NotFound) => false,
            Err(e) => return Err(e.into()),
        };
    let values = forms::summary(&form.fields, correcting).map_err(|e| again(&form, &page, e, ""))?;
    let revision = form.get("revision").parse::<i64>().unwrap_or(0);
    let submit = form.get("action") == "submit";
    match summaries::save(&state.db, &cap, &incident, &values, revision, submit, state.clock.now()).await {
        Ok(()) => Ok(see_other(&done(&page, Saved::Summary, ""))),
        Err(StorageError::StaleRevision) => {
            Err(form.refuse(Some(&page), FormProblem::SummaryChanged, StatusCode::CONFLICT))
        }
        Err(e) => Err(e.into()),
    }
}

/// POST /review/incidents/{ref}/summary/approve: a review lead other than the drafter
/// approves, which publishes.
pub async fn approve_summary(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, true).await?;
    let page = format!("/review/incidents/{reference}/summary");
    // who may approve is decided before the draft's state is looked at
    if !cap.is_lead() {
        return Err(form.refuse(Some(&page), FormProblem::LeadOnly, StatusCode::FORBIDDEN));
    }
    match summaries::approve(&state.db, &cap, &incident, state.clock.now()).await {
        Ok(Ok(())) => {
            tracing::info!(incident.reference = %reference, "summary approved and published");
            // what the public sees changed: this instance's cache at once, others by notice
            state.public_cache.invalidate(state.clock.now().0);
            if let Err(e) = crate::storage::public_facts::announce(&state.db).await {
                tracing::error!(error = %e, "announcing a publication to other instances failed");
            }
            Ok(see_other(&format!("/incidents/{reference}")))
        }
        Ok(Err(block)) => Err(form.refuse(Some(&page), FormProblem::NotApprovable(block), StatusCode::FORBIDDEN)),
        Err(StorageError::NotFound) => {
            let block = app::domain::case::ApprovalBlock::NotSubmitted;
            Err(form.refuse(Some(&page), FormProblem::NotApprovable(block), StatusCode::CONFLICT))
        }
        Err(e) => Err(e.into()),
    }
}

/// POST /review/incidents/{ref}/close: from the confirmation page, which lists what is still
/// open; needs a reason and the tick. What the closure rule forbids is refused first, since no
/// reason makes it allowed.
pub async fn close_case(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, false).await?;
    let page = format!("{}/close", case_page(&reference));
    if let Some(block) = cases::close_block(&state.db, &incident).await? {
        return Err(form.refuse(Some(&page), FormProblem::CaseNotClosable(block), StatusCode::CONFLICT));
    }
    let reason = forms::closure(&form.fields).map_err(|e| again(&form, &page, e, ""))?;
    match cases::close(&state.db, &cap, &incident, &reason, state.clock.now()).await? {
        Ok(()) => Ok(see_other(&done(&case_page(&reference), Saved::Closed, ""))),
        Err(block) => Err(form.refuse(Some(&page), FormProblem::CaseNotClosable(block), StatusCode::CONFLICT)),
    }
}

/// POST /review/incidents/{ref}/reopen: a review lead opens a closed case again, with a reason.
pub async fn reopen_case(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let (cap, incident) = open(&state, &form, &reference, true).await?;
    let page = case_page(&reference);
    if !cap.is_lead() {
        let block = app::domain::case::ReopenBlock::NotALead;
        return Err(form.refuse(Some(&page), FormProblem::NotReopenable(block), StatusCode::FORBIDDEN));
    }
    let reason = forms::reopening(&form.fields).map_err(|e| again(&form, &page, e, ""))?;
    match cases::reopen(&state.db, &cap, &incident, &reason, state.clock.now()).await? {
        Ok(()) => Ok(see_other(&done(&page, Saved::Reopened, ""))),
        Err(block) => Err(form.refuse(Some(&page), FormProblem::NotReopenable(block), StatusCode::CONFLICT)),
    }
}
