//! The case's status line, assignment, closure and history.

use leptos::prelude::*;

use super::Ctx;
use crate::domain::case::CloseBlock;
use crate::i18n::Msg;
use crate::ui::case::StampText;
use crate::ui::case_fields::{NamedControl, NamedField};
use crate::ui::forms::CsrfField;
use crate::ui::shell::{use_lang, use_zone};

pub(super) fn status_line(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = &ctx.case;
    let state = match &c.correspondence.closed {
        Some(s) => {
            view! { <strong class="tag tag-grey">{Msg::CaseClosed.t(lang)}</strong>" "<StampText stamp=s.clone()/> }
                .into_any()
        }
        None => view! { <strong class="tag tag-blue">{Msg::CaseOpen.t(lang)}</strong> }.into_any(),
    };
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

fn block_msg(b: CloseBlock) -> Msg {
    Msg::from(b)
}

pub(super) fn close_section(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = &ctx.case;
    let blocked = c.close_block.map(|b| view! { <p><strong>{block_msg(b).t(lang)}</strong></p> });
    let open = c.correspondence.closed.is_none();
    view! {
        <section class="case-block" aria-labelledby="close">
            <h2 id="close">{Msg::CloseCaseTitle.t(lang)}</h2>
            <p class="hint">{Msg::CloseRule.t(lang)}</p>
            {blocked}
            {open.then(|| view! {
                <form method="post" action=ctx.action("/close") novalidate>
                    <CsrfField/>
                    <NamedField name="close_note".to_string() label=Msg::CloseNote.t(lang).to_string()
                        control=NamedControl::TextArea value=ctx.value("close_note") error=ctx.error("close_note") rows=2/>
                    <button type="submit" class="button">{Msg::CloseCase.t(lang)}</button>
                </form>
            })}
        </section>
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
            <table class="table">
                <thead><tr>
                    <th scope="col">{Msg::When.t(lang)}</th>
                    <th scope="col">{Msg::Who.t(lang)}</th>
                    <th scope="col">{Msg::What.t(lang)}</th>
                    <th scope="col">{Msg::Details.t(lang)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
