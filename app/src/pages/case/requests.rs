//! Requests for information on the case page: each thread with a follow-up form and a
//! "close" button, then the form to ask a new question.

use leptos::prelude::*;

use super::Ctx;
use crate::domain::case::RequestState;
use crate::i18n::Msg;
use crate::ui::case::Thread;
use crate::ui::case_fields::{NamedControl, NamedField};
use crate::ui::forms::CsrfField;
use crate::ui::shell::use_lang;

pub(super) fn requests_section(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let files = ctx.action("/attachments");
    let threads = ctx
        .case
        .correspondence
        .requests
        .iter()
        .map(|r| {
            let n = r.number;
            let open = ctx.is_open() && !matches!(r.state, RequestState::Closed { .. });
            let body = format!("body_{n}");
            view! {
                <div class="item-card">
                    <Thread request=r.clone() files=files.clone()/>
                    {open.then(|| view! {
                        <form method="post" action=ctx.action(&format!("/requests/{n}")) novalidate>
                            <CsrfField/>
                            <NamedField name=body.clone() label=Msg::FollowUp.t(lang).to_string()
                                control=NamedControl::TextArea value=ctx.value(&body) error=ctx.error(&body) rows=3/>
                            <button type="submit" class="button button-secondary">{Msg::SendFollowUp.t(lang)}</button>
                        </form>
                        // closing ends the thread: a second, deliberate click, with no script
                        <crate::ui::forms::ConfirmedPost action=ctx.action(&format!("/requests/{n}/close"))
                            steps=[Msg::CloseRequestStart, Msg::CloseRequestConfirm, Msg::CloseRequest]/>
                    })}
                </div>
            }
        })
        .collect_view();
    let none = ctx.case.correspondence.requests.is_empty().then(|| view! { <p>{Msg::NoRequests.t(lang)}</p> });
    view! {
        <section class="case-block" aria-labelledby="requests">
            <h2 id="requests">{Msg::RequestsTitle.t(lang)}</h2>
            {none}
            {threads}
            {ctx.is_open().then(|| view! {
            <h3>{Msg::NewRequest.t(lang)}</h3>
            <p class="hint">{Msg::RequestClockNote.t(lang)}</p>
            <form method="post" action=ctx.action("/requests") novalidate>
                <CsrfField/>
                <NamedField name="question".to_string() label=Msg::Question.t(lang).to_string()
                    control=NamedControl::TextArea value=ctx.value("question") error=ctx.error("question")/>
                <NamedField name="due".to_string() label=Msg::AnswerDue.t(lang).to_string()
                    hint=Msg::DueHint.t(lang).to_string() control=NamedControl::DateTime
                    value=ctx.value("due") error=ctx.error("due")/>
                <button type="submit" class="button">{Msg::SendRequest.t(lang)}</button>
            </form>
            })}
        </section>
    }
}
