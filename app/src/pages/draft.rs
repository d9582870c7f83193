//! Editing a draft: one page per section of the task list, and "check your answers"
//! where a signatory approves the exact content and submits it.

use crate::ui::raw_sinks::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{my_incident, DraftView, IncidentView};
use crate::domain::report::schema::{sections, SectionDef};
use crate::domain::report::Content;
use crate::domain::validation::FieldErrors;
use crate::i18n::Msg;
use crate::ui::forms::{use_form_echo, CsrfField};
use crate::ui::layout::ReadError;
use crate::ui::live_check::{live_check, LiveProblems};
use crate::ui::report_form::{GroupFields, ReportErrorSummary, ReportField};
use crate::ui::report_show::ContentSections;
use crate::ui::shell::{use_lang, use_zone};
use crate::ui::show::stage_msg;

fn incident_resource() -> (Memo<String>, Resource<Result<IncidentView, ServerFnError>>) {
    let params = use_params_map();
    let reference = Memo::new(move |_| params.read().get("reference").unwrap_or_default());
    (reference, Resource::new(move || reference.get(), my_incident))
}

/// Shown when there is no draft to edit (filed meanwhile, or never started).
#[component]
fn NoDraft(reference: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{Msg::NoDraftTitle.t(lang)}</h1>
        <p>{Msg::NoDraftBody.t(lang)}</p>
        <p><a href=format!("/filing/incidents/{reference}")>{Msg::BackToIncident.t(lang)}</a></p>
    }
}

#[component]
pub fn SectionPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let (reference, incident) = incident_resource();
    let echo = use_form_echo();
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let echo = echo.await;
                let slug = params.read_untracked().get("section").unwrap_or_default();
                let show_errors = query.read_untracked().get("saved").is_some() || query.read_untracked().get("check").is_some();
                match (incident.await, SectionDef::find(&slug)) {
                    (Err(e), _) => view! { <ReadError error=e/> }.into_any(),
                    (Ok(_), None) => view! { <crate::ui::layout::NotFound/> }.into_any(),
                    (Ok(inc), Some(section)) => match inc.draft.clone() {
                        None => view! { <NoDraft reference=reference.get_untracked()/> }.into_any(),
                        Some(d) => view! {
                            <SectionForm inc=inc draft=d section=section echo=echo show_errors=show_errors/>
                        }.into_any(),
                    },
                }
            })}
        </Suspense>
    }
}

#[component]
fn SectionForm(
    inc: IncidentView,
    draft: DraftView,
    section: &'static SectionDef,
    echo: Option<crate::api::FormEcho>,
    show_errors: bool,
) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let position = sections().iter().position(|s| s.slug == section.slug).unwrap_or(0) + 1;
    let errors = match &echo {
        Some(e) => e.errors.clone(),
        None if show_errors => FieldErrors(draft.errors.0.iter().filter(|(k, _)| section.owns(k)).cloned().collect()),
        None => FieldErrors::default(),
    };
    let problem = echo.as_ref().and_then(|e| e.problem);
    let content = draft.content.clone();
    let typed = echo.as_ref().map(|e| e.values.clone());
    let value = move |key: String| match &typed {
        Some(v) => v.get(&key).cloned().unwrap_or_default(),
        None => content.input_value(&key, zone),
    };
    let value = Callback::new(value);
    let fields = section
        .fields
        .iter()
        .map(|f| view! { <ReportField def=f name=f.key.to_string() value=value.run(f.key.to_string()) error=errors.get(f.key) stage=draft.stage/> })
        .collect_view();
    // a re-shown form keeps the rows that were posted
    let posted_rows = echo.as_ref().map(|e| Content(e.values.clone()));
    let rows_of = |g: &crate::domain::report::schema::GroupDef| posted_rows.as_ref().unwrap_or(&draft.content).rows(g);
    let groups = section
        .groups
        .iter()
        .map(|g| view! { <GroupFields group=g rows=rows_of(g) value=value errors=errors.clone()/> })
        .collect_view();
    let rows: Vec<usize> = section.groups.iter().map(rows_of).collect();
    let (found, on_change) = live_check(section, draft.content.clone(), draft.stage, zone, rows);
    let title = lang.pick(section.title.0, section.title.1);
    let action = format!("/filing/incidents/{}/draft/{}", inc.reference, section.slug);
    let has_groups = !section.groups.is_empty();
    let form = crate::ui::hydration::hydrated_form();
    view! {
        <PageTitle text=format!("{title} · {}", inc.reference)/>
        <ReportErrorSummary errors=errors.clone() problem=problem/>
        <p class="caption">{format!("{} · {} · ", inc.reference, stage_msg(draft.stage).t(lang))}
            {format!("{} {position} / {}", Msg::Step.t(lang), sections().len())}</p>
        <h1>{title}</h1>
        <p class="hint">{Msg::TimesInZone.t(lang)}" "{lang.pick(zone.label().0, zone.label().1)}</p>
        <form method="post" action=action novalidate node_ref=form on:change=on_change
              on:input=crate::ui::leave_guard::edited on:submit=crate::ui::leave_guard::saving>
            <CsrfField/>
            <input type="hidden" name="_revision" value=draft.revision.to_string()/>
            {fields}
            {groups}
            <div class="button-group">
                <button type="submit" class="button" name="_action" value="save">{Msg::SaveAndReturn.t(lang)}</button>
                {has_groups.then(|| view! {
                    <button type="submit" class="button button-secondary" name="_action" value="add_row">{Msg::SaveAndAddRow.t(lang)}</button>
                })}
            </div>
            // below the buttons, so a list appearing as a field loses focus never moves them
            <LiveProblems found=found/>
        </form>
        <p><a href=format!("/filing/incidents/{}", inc.reference)>{Msg::BackToTaskList.t(lang)}</a></p>
    }
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let lang = use_lang();
    let (reference, incident) = incident_resource();
    let echo = use_form_echo();
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match incident.await {
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                    Ok(inc) => match inc.draft.clone() {
                        None => view! { <NoDraft reference=reference.get_untracked()/> }.into_any(),
                        Some(d) => view! { <CheckAnswers inc=inc draft=d echo=echo/> }.into_any(),
                    },
                }
            })}
        </Suspense>
    }
}

#[component]
fn CheckAnswers(inc: IncidentView, draft: DraftView, echo: Option<crate::api::FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let blocked = !draft.errors.is_empty();
    let echo_errors = echo.as_ref().map(|e| e.errors.clone()).unwrap_or_default();
    let problem = echo.as_ref().and_then(|e| e.problem);
    let summary_errors = if blocked { draft.errors.clone() } else { echo_errors.clone() };
    let base = format!("/filing/incidents/{}/draft", inc.reference);
    let typed_title = echo.as_ref().map(|e| e.value("signatory_title")).unwrap_or_default();
    let asked = leptos_router::hooks::use_query_map().read_untracked().get("asked").is_some();
    let submit = (!blocked && inc.can_submit).then(|| {
        let title_error = echo_errors.get("signatory_title");
        let attest_error = echo_errors.get("attest");
        view! {
            <form method="post" action=format!("{base}/submit") novalidate class="submit-box">
                <CsrfField/>
                <input type="hidden" name="sha256" value=draft.sha256.clone()/>
                <h2>{Msg::SubmitHeading.t(lang)}</h2>
                <div class="field" class:field-has-error=title_error.is_some()>
                    <label for="signatory_title">{Msg::SignatoryTitle.t(lang)}</label>
                    {title_error.map(|e| view! { <p class="error-message" id="signatory_title-error">{e.text(lang)}</p> })}
                    <input id="signatory_title" name="signatory_title" type="text" value=typed_title autocomplete="organization-title"
                           aria-invalid=title_error.map(|_| "true")/>
                </div>
                <fieldset class="field" class:field-has-error=attest_error.is_some()>
                    <legend>{Msg::Attestation.t(lang)}</legend>
                    {attest_error.map(|e| view! { <p class="error-message" id="attest-error">{e.text(lang)}</p> })}
                    <div class="choice">
                        <input type="checkbox" id="attest" name="attest" value="yes"/>
                        <label for="attest">{Msg::AttestationText.t(lang)}" "{inc.org.get(lang)}</label>
                    </div>
                </fieldset>
                <button type="submit" class="button">{Msg::SubmitFiling.t(lang)}</button>
            </form>
        }
    });
    view! {
        <PageTitle text=format!("{} · {}", Msg::CheckAnswersTitle.t(lang), inc.reference)/>
        <ReportErrorSummary errors=summary_errors problem=problem sections_at=blocked.then(|| base.clone())/>
        <p class="caption">{format!("{} · {}", inc.reference, stage_msg(draft.stage).t(lang))}</p>
        <h1>{Msg::CheckAnswersTitle.t(lang)}</h1>
        {blocked.then(|| view! { <p class="warning-text">{Msg::CannotSubmitYet.t(lang)}</p> })}
        <ContentSections content=draft.content.clone() change_base=Some(base.clone())/>
        <h2>{Msg::ContentHash.t(lang)}</h2>
        <p class="hint">{Msg::ContentHashExplained.t(lang)}</p>
        <p class="hash">{draft.sha256.clone()}</p>
        {submit}
        {(!inc.can_submit).then(|| view! { <p class="inset">{Msg::OnlySignatoryCanSubmit.t(lang)}</p> })}
        {asked.then(|| view! { <div class="notice" role="status">{Msg::SignatoriesAsked.t(lang)}</div> })}
        {(!blocked && !inc.can_submit).then(|| view! {
            <form method="post" action=format!("{base}/signature")>
                <CsrfField/>
                <input type="hidden" name="_revision" value=draft.revision.to_string()/>
                <p class="hint">{Msg::AskSignatoriesHint.t(lang)}</p>
                <button type="submit" class="button button-secondary">{Msg::AskSignatories.t(lang)}</button>
            </form>
        })}
        <p><a href=format!("/filing/incidents/{}", inc.reference)>{Msg::BackToTaskList.t(lang)}</a></p>
    }
}
