//! The case's status line, assignment, closure and history.

use leptos::prelude::*;

use super::Ctx;
use crate::domain::case::{close_warnings, CloseWarning};
use crate::domain::filing::IncidentStatus;
use crate::i18n::Msg;
use crate::ui::case::StampText;
use crate::ui::case_fields::{NamedControl, NamedField};
use crate::ui::forms::{CsrfField, ErrorSummary};
use crate::ui::raw_sinks::PageTitle;
use crate::ui::shell::{use_lang, use_zone};
use crate::ui::show::IncidentStatusTag;

pub(super) fn status_line(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = &ctx.case;
    let last_filed = c.filings.iter().map(|f| f.stage).max();
    let status = IncidentStatus::of(last_filed, c.correspondence.closed.is_some());
    let stamp = c.correspondence.closed.clone().map(|s| view! { " "<StampText stamp=s/> });
    let state = view! { <IncidentStatusTag status/>{stamp} };
    let assignee = c.assignee.clone().unwrap_or_else(|| Msg::Unassigned.t(lang).to_string());
    view! { <p>{state}" · "{Msg::Assignee.t(lang)}": "{assignee}</p> }
}

/// Leads assign anyone; a reviewer can take the case.
pub(super) fn assign_form(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = &ctx.case;
    if c.is_lead {
        let options = c
            .reviewers
            .iter()
            .map(|(id, name)| view! { <option value=id.to_string()>{name.clone()}</option> })
            .collect_view();
        view! {
            <form method="post" action=ctx.action("/assign") class="filters">
                <CsrfField/>
                <div class="field">
                    <label for="assignee">{Msg::Assignee.t(lang)}</label>
                    <select id="assignee" name="assignee"><option value="">{Msg::ChooseOne.t(lang)}</option>{options}</select>
                </div>
                <button type="submit" class="button button-secondary">{Msg::Assign.t(lang)}</button>
            </form>
        }
        .into_any()
    } else {
        view! {
            <form method="post" action=ctx.action("/assign")>
                <CsrfField/>
                <input type="hidden" name="assignee" value=c.me.to_string()/>
                <button type="submit" class="button button-secondary">{Msg::AssignToMe.t(lang)}</button>
            </form>
        }
        .into_any()
    }
}

/// What closing would leave undone: the blocks (closing is refused) and the warnings (the
/// reviewer confirms past them).
fn still_open(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = &ctx.case;
    let findings: Vec<_> = c.duties.iter().map(|d| d.finding).collect();
    let warnings = close_warnings(&findings, c.published_at.is_some());
    let block = c.close_block.map(|b| view! { <li><strong>{Msg::from(b).t(lang)}</strong></li> });
    let warned = warnings
        .iter()
        .map(|w| {
            let text = match *w {
                CloseWarning::DutiesNotAssessed { open, total } => {
                    Msg::CloseWarnDuties.fill(lang, &[("open", &open), ("total", &total)])
                }
                CloseWarning::NoPublicSummary => Msg::CloseWarnNoSummary.t(lang).to_string(),
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    if block.is_none() && warnings.is_empty() {
        view! { <p>{Msg::CloseNothingOpen.t(lang)}</p> }.into_any()
    } else {
        view! {
            <h3>{Msg::CloseStillOpen.t(lang)}</h3>
            <ul class="warning-list">{block}{warned}</ul>
        }
        .into_any()
    }
}

/// On the case page: the reason it was closed and, for a lead, reopening; while open, what is
/// still open and the way to the confirmation page.
pub(super) fn close_section(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = &ctx.case;
    let body = if ctx.is_open() {
        view! {
            {still_open(ctx)}
            <p><a class="button button-secondary" href=ctx.action("/close")>{Msg::CloseStart.t(lang)}</a></p>
        }
        .into_any()
    } else {
        let reopen = c.is_lead.then(|| {
            view! {
                <h3>{Msg::ReopenTitle.t(lang)}</h3>
                <form method="post" action=ctx.action("/reopen") novalidate>
                    <CsrfField/>
                    <NamedField name="reopen_reason".to_string() label=Msg::ReopenReason.t(lang).to_string()
                        hint=Msg::ReopenHint.t(lang).to_string() control=NamedControl::TextArea
                        value=ctx.value("reopen_reason") error=ctx.error("reopen_reason") rows=2/>
                    <button type="submit" class="button button-secondary">{Msg::ReopenButton.t(lang)}</button>
                </form>
            }
        });
        view! {
            <p><strong>{Msg::ClosedBecause.t(lang)}</strong>" "<span class="pre-wrap">{c.close_note.clone()}</span></p>
            {reopen}
        }
        .into_any()
    };
    view! {
        <section class="case-block" aria-labelledby="close">
            <h2 id="close">{Msg::CloseCaseTitle.t(lang)}</h2>
            <p class="hint">{Msg::CloseRule.t(lang)}</p>
            {body}
        </section>
    }
}

/// `/review/incidents/{ref}/close`: what is still open, the consequences, and the form that
/// closes with a reason and a tick. A refused close comes back here with what was typed.
#[component]
pub fn CloseCasePage() -> impl IntoView {
    super::with_case(close_page)
}

fn close_page(ctx: Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = &ctx.case;
    let labels = vec![("close_note", Msg::CloseNote), ("confirm", Msg::CloseConfirmBox)];
    let confirm_error = ctx.error("confirm");
    let form = (ctx.is_open() && c.close_block.is_none()).then(|| {
        view! {
            <form method="post" action=ctx.action("/close") novalidate>
                <CsrfField/>
                <NamedField name="close_note".to_string() label=Msg::CloseNote.t(lang).to_string()
                    hint=Msg::CloseNoteHint.t(lang).to_string() control=NamedControl::TextArea
                    value=ctx.value("close_note") error=ctx.error("close_note") rows=3/>
                <fieldset class="field" class:field-has-error=confirm_error.is_some()>
                    <legend class="visually-hidden">{Msg::CloseConfirmTitle.t(lang)}</legend>
                    {confirm_error.map(|e| view! { <p class="error-message" id="confirm-error">{e.text(lang)}</p> })}
                    <div class="choice">
                        <input type="checkbox" id="confirm" name="confirm" value="yes"
                               aria-invalid=confirm_error.map(|_| "true")/>
                        <label for="confirm">{Msg::CloseConfirmBox.t(lang)}</label>
                    </div>
                </fieldset>
                <button type="submit" class="button button-warning">{Msg::CloseConfirmButton.t(lang)}</button>
            </form>
        }
    });
    let closed = (!ctx.is_open()).then(|| view! { <p><strong>{Msg::CloseBlockedClosed.t(lang)}</strong></p> });
    view! {
        <PageTitle text=format!("{} · {}", Msg::CloseConfirmTitle.t(lang), c.reference)/>
        <ErrorSummary echo=ctx.echo.clone() labels=labels/>
        <p class="caption">{c.org.get(lang)}" · "{c.reference.clone()}</p>
        <h1>{Msg::CloseConfirmTitle.t(lang)}</h1>
        <p>{c.title.clone()}</p>
        {closed}
        <p>{Msg::CloseConfirmIntro.t(lang)}</p>
        {ctx.is_open().then(|| still_open(&ctx))}
        {form}
        <p><a href=ctx.action("")>{Msg::BackToCase.t(lang)}</a></p>
    }
}

pub(super) fn history(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let rows = ctx
        .case
        .history
        .iter()
        .map(|h| {
            view! {
                <tr>
                    <td>{zone.display(h.at)}</td>
                    <td>{h.actor.clone()}</td>
                    <td>{crate::ui::history::action_text(&h.action, lang)}</td>
                    <td>{crate::ui::history::detail_text(&h.detail, &h.people, lang, zone)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="case-block" aria-labelledby="history">
            <h2 id="history">{Msg::HistoryTitle.t(lang)}</h2>
            <crate::ui::table::DataTable caption=Msg::HistoryTitle.t(lang) columns=vec![
                Msg::When.into(), Msg::Who.into(), Msg::What.into(), Msg::Details.into(),
            ]>{rows}</crate::ui::table::DataTable>
        </section>
    }
}
