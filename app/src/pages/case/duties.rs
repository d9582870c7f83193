//! Per-duty findings: the table on the case page and the page where one duty is assessed.

use crate::ui::raw_sinks::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{with_case, Ctx};
use crate::domain::duties::Finding;
use crate::i18n::{Lang, Msg};
use crate::ui::case::StampText;
use crate::ui::case_fields::{NamedControl, NamedField, Radios};
use crate::ui::forms::{CsrfField, ErrorSummary};
use crate::ui::shell::use_lang;

fn finding_text(f: Finding, lang: Lang) -> String {
    let (ko, en) = f.label();
    lang.pick(ko, en).to_string()
}

/// Applicable duties with their findings and the overall determination.
pub(super) fn duty_table(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = &ctx.case;
    let (ko, en) = c.determination.label();
    let rows = c
        .duties
        .iter()
        .map(|d| {
            let href = ctx.action(&format!("/duties/{}", d.id));
            view! {
                <tr>
                    <td><a href=href>{d.id.clone()}</a></td>
                    <td>{d.title.get(lang)}<br/><span class="hint">{d.basis.clone()}</span></td>
                    <td><strong>{finding_text(d.finding, lang)}</strong>
                        {d.assessed.clone().map(|s| view! { <br/><span class="hint"><StampText stamp=s/></span> })}</td>
                    <td class="pre-wrap">{d.rationale.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="case-block" aria-labelledby="duties">
            <h2 id="duties">{Msg::DutiesTitle.t(lang)}</h2>
            <p class="hint">{Msg::DutiesIntro.t(lang)}" "{Msg::CatalogVersion.t(lang)}" "{c.catalog_version.clone()}</p>
            <p><strong>{Msg::Determination.t(lang)}</strong>" "<strong class="tag tag-blue">{lang.pick(ko, en).to_string()}</strong></p>
            {ctx.is_open().then(|| view! { <p><a class="button button-secondary" href=ctx.action("/duties")>{Msg::AssessAll.t(lang)}</a></p> })}
            <crate::ui::table::DataTable caption=Msg::DutiesTitle.t(lang) columns=vec![
                Msg::DutyId.into(), Msg::DutyTitle.into(), Msg::Finding.into(), Msg::Rationale.into(),
            ]>{rows}</crate::ui::table::DataTable>
        </section>
    }
}

#[component]
pub fn DutyPage() -> impl IntoView {
    with_case(duty_page)
}

fn duty_page(ctx: Ctx) -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = params.read_untracked().get("duty").unwrap_or_default();
    let Some(d) = ctx.case.duties.iter().find(|d| d.id == id).cloned() else {
        return view! { <crate::ui::layout::NotFound/> }.into_any();
    };
    let options: Vec<(String, String)> =
        Finding::ALL.into_iter().map(|f| (f.as_str().to_string(), finding_text(f, lang))).collect();
    let files: Vec<String> = ctx.case.attachments.iter().map(|a| a.file_name.clone()).collect();
    let versions: Vec<String> = ctx.case.filings.iter().map(|f| f.reference.clone()).collect();
    let hint = format!("{} {} · {}", Msg::EvidenceRefsHint.t(lang), versions.join(", "), files.join(", "));
    let labels = vec![("finding", Msg::Finding), ("rationale", Msg::Rationale), ("evidence", Msg::EvidenceRefs)];
    let back = ctx.action("#duties");
    view! {
        <PageTitle text=format!("{} · {}", d.id, ctx.case.reference)/>
        <ErrorSummary echo=ctx.echo.clone() labels=labels/>
        <p class="caption">{ctx.case.reference.clone()}" · "{ctx.case.title.clone()}</p>
        <h1>{format!("{} {}", d.id, d.title.get(lang))}</h1>
        <p><strong>{Msg::LegalBasis.t(lang)}</strong>" "{d.basis.clone()}</p>
        <p><strong>{Msg::WhatToLookFor.t(lang)}</strong>" "{d.evidence_hint.get(lang)}</p>
        <form method="post" action=ctx.action(&format!("/duties/{}", d.id)) novalidate>
            <CsrfField/>
            <Radios name="finding".to_string() legend=Msg::Finding.t(lang).to_string() options=options
                value=ctx.value_or("finding", d.finding.as_str()) error=ctx.error("finding")/>
            <NamedField name="rationale".to_string() label=Msg::Rationale.t(lang).to_string()
                hint=Msg::RationaleHint.t(lang).to_string() control=NamedControl::TextArea
                value=ctx.value_or("rationale", &d.rationale) error=ctx.error("rationale")/>
            <NamedField name="evidence".to_string() label=Msg::EvidenceRefs.t(lang).to_string() hint=hint
                control=NamedControl::TextArea value=ctx.value_or("evidence", &d.evidence) error=ctx.error("evidence") rows=2/>
            <div class="button-group">
                <button type="submit" class="button">{Msg::SaveFinding.t(lang)}</button>
                <a href=back>{Msg::BackToCase.t(lang)}</a>
            </div>
        </form>
    }
    .into_any()
}

/// `/review/incidents/{ref}/duties`: every applicable duty on one page, each with its finding,
/// rationale and evidence, saved together (only the changed ones are recorded).
#[component]
pub fn AssessDutiesPage() -> impl IntoView {
    with_case(assess_all_page)
}

fn assess_all_page(ctx: Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = &ctx.case;
    // every row's fields carry the duty's id, so the error summary names the duty too
    let named: Vec<(String, String)> = c
        .duties
        .iter()
        .flat_map(|d| {
            [("finding", Msg::Finding), ("rationale", Msg::Rationale), ("evidence", Msg::EvidenceRefs)]
                .map(|(k, m)| (format!("{k}_{}", d.id), format!("{} {}", d.id, m.t(lang))))
        })
        .collect();
    let rows = c
        .duties
        .iter()
        .map(|d| {
            let (finding, rationale, evidence) =
                (format!("finding_{}", d.id), format!("rationale_{}", d.id), format!("evidence_{}", d.id));
            let chosen = ctx.value_or(&finding, d.finding.as_str());
            let options = Finding::ALL
                .into_iter()
                .map(|f| view! { <option value=f.as_str() selected=f.as_str() == chosen>{finding_text(f, lang)}</option> })
                .collect_view();
            let finding_error = ctx.error(&finding);
            view! {
                <fieldset class="duty-row" id=format!("duty-{}", d.id)>
                    <legend><strong>{d.id.clone()}</strong>" "{d.title.get(lang)}</legend>
                    <p class="hint">{d.basis.clone()}" · "{d.evidence_hint.get(lang)}</p>
                    <div class="field" class:field-has-error=finding_error.is_some()>
                        <label for=finding.clone()>{Msg::Finding.t(lang)}</label>
                        {finding_error.map(|e| view! { <p class="error-message" id=format!("{finding}-error")>{e.text(lang)}</p> })}
                        <select id=finding.clone() name=finding.clone()>{options}</select>
                    </div>
                    <NamedField name=rationale.clone() label=Msg::Rationale.t(lang).to_string()
                        control=NamedControl::TextArea value=ctx.value_or(&rationale, &d.rationale)
                        error=ctx.error(&rationale) rows=2/>
                    <NamedField name=evidence.clone() label=Msg::EvidenceRefs.t(lang).to_string()
                        control=NamedControl::TextArea value=ctx.value_or(&evidence, &d.evidence)
                        error=ctx.error(&evidence) rows=1/>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=format!("{} · {}", Msg::AssessAllTitle.t(lang), c.reference)/>
        <ErrorSummary echo=ctx.echo.clone() labels=Vec::new() named=named/>
        <p class="caption">{c.reference.clone()}" · "{c.title.clone()}</p>
        <h1>{Msg::AssessAllTitle.t(lang)}</h1>
        <p class="hint">{Msg::AssessAllIntro.t(lang)}" "{Msg::CatalogVersion.t(lang)}" "{c.catalog_version.clone()}</p>
        <form method="post" action=ctx.action("/duties") novalidate>
            <CsrfField/>
            {rows}
            <div class="button-group sticky-actions">
                <button type="submit" class="button">{Msg::SaveFindings.t(lang)}</button>
                <a href=ctx.action("#duties")>{Msg::BackToCase.t(lang)}</a>
            </div>
        </form>
    }
}
