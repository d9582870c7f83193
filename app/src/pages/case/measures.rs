//! Measures on the case page: each with its items and the ministry's verdict form for each
//! item, then the form to issue a measure (items offered from the filing's prevention plan).

use leptos::prelude::*;

use super::Ctx;
use crate::api::ItemView;
use crate::domain::case::MeasureKind;
use crate::i18n::Msg;
use crate::ui::case::{ItemSummary, MeasureTerms};
use crate::ui::case_fields::{NamedControl, NamedField, Radios};
use crate::ui::forms::CsrfField;
use crate::ui::shell::use_lang;

fn verdict_form(ctx: &Ctx, item: &ItemView) -> impl IntoView {
    let lang = use_lang();
    let id = item.id;
    let mut options = Vec::new();
    if item.state.ministry_may_verify() {
        options.push(("accept".to_string(), Msg::Accept.t(lang).to_string()));
        options.push(("reject".to_string(), Msg::Reject.t(lang).to_string()));
    }
    if item.state.ministry_may_waive() {
        options.push(("waive".to_string(), Msg::Waive.t(lang).to_string()));
    }
    let (verdict, reason) = (format!("verdict_{id}"), format!("reason_{id}"));
    (ctx.is_open() && !options.is_empty()).then(|| {
        view! {
            <form method="post" action=ctx.action(&format!("/items/{id}")) novalidate>
                <CsrfField/>
                <Radios name=verdict.clone() legend=Msg::Verdict.t(lang).to_string() options=options
                    value=ctx.value(&verdict) error=ctx.error(&verdict)/>
                <NamedField name=reason.clone() label=Msg::VerdictReason.t(lang).to_string()
                    hint=Msg::VerdictReasonHint.t(lang).to_string() control=NamedControl::TextArea
                    value=ctx.value(&reason) error=ctx.error(&reason) rows=2/>
                <button type="submit" class="button button-secondary">{Msg::RecordVerdict.t(lang)}</button>
            </form>
        }
    })
}

pub(super) fn measures_section(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let list = ctx
        .case
        .correspondence
        .measures
        .iter()
        .map(|m| {
            let items = m
                .items
                .iter()
                .map(|i| view! { <div class="item-card"><ItemSummary item=i.clone()/>{verdict_form(ctx, i)}</div> })
                .collect_view();
            view! { <MeasureTerms measure=m.clone() pdf=ctx.action("/measures")/>{items} }
        })
        .collect_view();
    let none = ctx.case.correspondence.measures.is_empty().then(|| view! { <p>{Msg::NoMeasures.t(lang)}</p> });
    let kinds: Vec<(String, String)> = MeasureKind::ALL
        .into_iter()
        .map(|k| {
            let (ko, en) = k.label();
            (k.as_str().to_string(), lang.pick(ko, en).to_string())
        })
        .collect();
    let prevention = ctx.case.prevention.join("\n");
    view! {
        <section class="case-block" aria-labelledby="measures">
            <h2 id="measures">{Msg::MeasuresTitle.t(lang)}</h2>
            {none}
            {list}
            {ctx.is_open().then(|| view! {
            <h3>{Msg::NewMeasure.t(lang)}</h3>
            <form method="post" action=ctx.action("/measures") novalidate>
                <CsrfField/>
                <Radios name="kind".to_string() legend=Msg::MeasureKindLabel.t(lang).to_string() options=kinds
                    value=ctx.value("kind") error=ctx.error("kind")/>
                <NamedField name="legal_basis".to_string() label=Msg::LegalBasis.t(lang).to_string()
                    hint=Msg::LegalBasisHint.t(lang).to_string() value=ctx.value("legal_basis") error=ctx.error("legal_basis")/>
                <NamedField name="content".to_string() label=Msg::MeasureContent.t(lang).to_string()
                    control=NamedControl::TextArea value=ctx.value("content") error=ctx.error("content")/>
                <NamedField name="deadline".to_string() label=Msg::MeasureDue.t(lang).to_string()
                    hint=Msg::DueHint.t(lang).to_string() control=NamedControl::DateTime
                    value=ctx.value("deadline") error=ctx.error("deadline")/>
                <NamedField name="amount_krw".to_string() label=Msg::AmountKrw.t(lang).to_string()
                    hint=Msg::AmountHint.t(lang).to_string() value=ctx.value("amount_krw") error=ctx.error("amount_krw")/>
                <NamedField name="items".to_string() label=Msg::MeasureItems.t(lang).to_string()
                    hint=Msg::MeasureItemsHint.t(lang).to_string() control=NamedControl::TextArea
                    value=ctx.value_or("items", &prevention) error=ctx.error("items") rows=6 max=None/>
                // issuing is final (the official notice is frozen as issued): a second click
                <details class="confirm-box">
                    <summary class="button">{Msg::IssueMeasureStart.t(lang)}</summary>
                    <p>{Msg::IssueMeasureConfirm.t(lang)}</p>
                    <button type="submit" class="button button-warning">{Msg::IssueMeasure.t(lang)}</button>
                </details>
            </form>
            })}
        </section>
    }
}
