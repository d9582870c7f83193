//! "From the ministry" on the operator's incident page: requests for information with an
//! answer form (text and an optional file), measures with "acknowledge", and each required
//! item with a "report done" form. Findings and reviewer notes are never sent here.

use leptos::prelude::*;

use crate::api::{FormEcho, IncidentView, ItemView};
use crate::domain::case::RequestState;
use crate::i18n::Msg;
use crate::ui::case::{ItemSummary, MeasureTerms, StampText, Thread};
use crate::ui::case_fields::{NamedControl, NamedField};
use crate::ui::forms::{use_form_echo, CsrfField};
use crate::ui::shell::use_lang;

#[component]
pub fn MinistryPanel(inc: IncidentView) -> impl IntoView {
    let echo = use_form_echo();
    let m = &inc.ministry;
    if m.requests.is_empty() && m.measures.is_empty() {
        return ().into_any();
    }
    view! {
        <Suspense fallback=|| ()>
            {
                let inc = inc.clone();
                move || {
                    let inc = inc.clone();
                    Suspend::new(async move { panel(inc, echo.await) })
                }
            }
        </Suspense>
    }
    .into_any()
}

fn panel(inc: IncidentView, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/filing/incidents/{}", inc.reference);
    let value = |k: &str| echo.as_ref().map(|e| e.value(k)).unwrap_or_default();
    let error = |k: &str| echo.as_ref().and_then(|e| e.errors.get(k));
    let problem = echo.as_ref().and_then(|e| e.problem).map(|p| {
        view! { <div class="error-summary" role="alert"><p>{Msg::from(p).t(lang)}</p></div> }
    });
    let requests = inc
        .ministry
        .requests
        .iter()
        .map(|r| {
            let n = r.number;
            let open = !matches!(r.state, RequestState::Closed { .. }) && inc.can_draft;
            let (body, file) = (format!("body_{n}"), format!("file_{n}"));
            let file_err = error(&file);
            view! {
                <div class="item-card">
                    <Thread request=r.clone() files=format!("{base}/attachments")/>
                    {open.then(|| view! {
                        <form method="post" action=format!("{base}/requests/{n}") enctype="multipart/form-data" novalidate>
                            <CsrfField/>
                            <NamedField name=body.clone() label=Msg::YourAnswer.t(lang).to_string()
                                control=NamedControl::TextArea value=value(&body) error=error(&body)/>
                            <div class="field" class:field-has-error=file_err.is_some()>
                                <label for=file.clone()>{Msg::AttachFileOptional.t(lang)}</label>
                                <p class="hint">{Msg::UploadHint.t(lang)}</p>
                                {file_err.map(|e| view! { <p class="error-message">{e.text(lang)}</p> })}
                                <input type="file" id=file.clone() name="file"/>
                            </div>
                            <button type="submit" class="button">{Msg::SendAnswer.t(lang)}</button>
                        </form>
                    })}
                    {(!open).then(|| unsent(value(&body)))}
                </div>
            }
        })
        .collect_view();
    let measures = inc
        .ministry
        .measures
        .iter()
        .map(|m| {
            let ack = (m.acknowledged.is_none() && inc.can_draft).then(|| {
                view! {
                    <form method="post" action=format!("{base}/measures/{}/acknowledge", m.number)>
                        <CsrfField/>
                        <button type="submit" class="button">{Msg::Acknowledge.t(lang)}</button>
                    </form>
                }
            });
            let items = m
                .items
                .iter()
                .map(|i| view! { <div class="item-card"><ItemSummary item=i.clone()/>{done_form(&base, i, inc.can_draft, &echo)}</div> })
                .collect_view();
            view! { <MeasureTerms measure=m.clone() pdf=format!("{base}/measures")/>{ack}{items} }
        })
        .collect_view();
    view! {
        <section class="case-block" aria-labelledby="ministry-title">
            <h2 id="ministry-title">{Msg::FromMinistryTitle.t(lang)}</h2>
            {inc.ministry.closed.clone().map(|s| view! { <p><strong class="tag tag-grey">{Msg::CaseClosed.t(lang)}</strong>" "<StampText stamp=s/></p> })}
            {problem}
            {(!inc.ministry.requests.is_empty()).then(|| view! { <h3>{Msg::RequestsTitle.t(lang)}</h3> })}
            {requests}
            {(!inc.ministry.measures.is_empty()).then(|| view! { <h3>{Msg::MeasuresTitle.t(lang)}</h3> })}
            {measures}
        </section>
    }
}

fn done_form(base: &str, item: &ItemView, can_file: bool, echo: &Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let note = format!("note_{}", item.id);
    let value = echo.as_ref().map(|e| e.value(&note)).unwrap_or_default();
    let error = echo.as_ref().and_then(|e| e.errors.get(&note));
    if !(can_file && item.state.operator_may_mark_done()) {
        return unsent(value).into_any();
    }
    {
        view! {
            <form method="post" action=format!("{base}/items/{}", item.id) novalidate>
                <CsrfField/>
                <NamedField name=note.clone() label=Msg::WhatWasDone.t(lang).to_string()
                    hint=Msg::WhatWasDoneHint.t(lang).to_string() control=NamedControl::TextArea value=value error=error rows=3/>
                <button type="submit" class="button button-secondary">{Msg::ReportDone.t(lang)}</button>
            </form>
        }
    }
    .into_any()
}

/// What was typed into a form that is no longer there (the request was closed, the item
/// verified meanwhile), shown so that nothing typed is lost.
fn unsent(text: String) -> impl IntoView {
    let lang = use_lang();
    (!text.trim().is_empty()).then(|| {
        view! {
            <div class="unsent" role="note">
                <p><strong>{Msg::UnsentText.t(lang)}</strong></p>
                <p class="pre-wrap">{text}</p>
            </div>
        }
    })
}
