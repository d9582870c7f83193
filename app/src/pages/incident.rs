//! One incident as its organisation sees it: the draft's task list, the deadline clocks,
//! the reportability check, every filed version, evidence files, and version comparison.

use crate::ui::raw_sinks::PageTitle;
use crate::ui::table::{Col, DataTable};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{my_diff, my_incident, DiffView, IncidentView, VersionRow};
use crate::domain::filing::FilingStage;
use crate::domain::report::content::display_value;
use crate::domain::report::SectionState;
use crate::domain::report::{sections, SectionDef};
use crate::i18n::Msg;
use crate::ui::clocks::{ClockTable, ReportabilityTable};
use crate::ui::forms::CsrfField;
use crate::ui::layout::ReadError;
use crate::ui::report_form::label_of;
use crate::ui::shell::{use_lang, use_zone};
use crate::ui::show::stage_msg;

#[component]
pub fn IncidentPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let incident = Resource::new(move || params.read().get("reference").unwrap_or_default(), my_incident);
    let echo = crate::ui::forms::use_form_echo();
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match incident.await {
                    Ok(inc) => view! { <Incident inc=inc echo=echo/> }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn state_tag(state: SectionState) -> (&'static str, Msg) {
    match state {
        SectionState::NotStarted => ("tag tag-grey", Msg::NotStarted),
        SectionState::InProgress => ("tag tag-blue", Msg::InProgress),
        SectionState::Completed => ("tag tag-green", Msg::Completed),
        SectionState::NotNeededYet => ("tag tag-white", Msg::NotNeededYet),
    }
}

fn start_msg(stage: FilingStage, amend: bool) -> Msg {
    match stage {
        FilingStage::Initial => Msg::StartInitial,
        FilingStage::Interim => Msg::StartInterim,
        FilingStage::Final if amend => Msg::AmendFinal,
        FilingStage::Final => Msg::StartFinal,
    }
}

#[component]
fn Incident(inc: IncidentView, echo: Option<crate::api::FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let query = use_query_map();
    let saved = query.read_untracked().get("saved").is_some();
    let base = format!("/filing/incidents/{}", inc.reference);
    let task_list = inc.draft.clone().map(|d| {
        let items = d
            .sections
            .iter()
            .filter_map(|(slug, state)| SectionDef::find(slug).map(|s| (s, *state)))
            .map(|(s, state)| {
                let (class, msg) = state_tag(state);
                let id = format!("task-{}", s.slug);
                view! {
                    <li class="task">
                        <a href=format!("{base}/draft/{}", s.slug) aria-describedby=id.clone()>{lang.pick(s.title.0, s.title.1)}</a>
                        <strong class=class id=id>{msg.t(lang)}</strong>
                    </li>
                }
            })
            .collect_view();
        let done = d.sections.iter().filter(|(_, s)| *s == SectionState::Completed).count();
        view! {
            <section aria-labelledby="draft-title">
                <h2 id="draft-title">{Msg::Drafting.t(lang)}" "{stage_msg(d.stage).t(lang)}</h2>
                <p>{format!("{} {done} / {}", Msg::SectionsCompleted.t(lang), sections().len())}" · "
                   {Msg::LastSavedBy.t(lang)}" "{d.updated_by.clone()}" · "{zone.display(d.updated_at)}</p>
                <ol class="task-list">{items}</ol>
                <p><a class="button" href=format!("{base}/draft/check")>{Msg::CheckAnswersTitle.t(lang)}</a></p>
            </section>
        }
    });
    let amend = inc.versions.iter().any(|v| v.stage == FilingStage::Final);
    let starts = (inc.can_draft && !inc.can_start.is_empty()).then(|| {
        let buttons = inc
            .can_start
            .iter()
            .map(|stage| {
                view! {
                    <form method="post" action=format!("{base}/draft") class="inline-form">
                        <CsrfField/>
                        <input type="hidden" name="stage" value=stage.as_str()/>
                        <button type="submit" class="button">{start_msg(*stage, amend).t(lang)}</button>
                    </form>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="next-title">
                <h2 id="next-title">{Msg::NextFiling.t(lang)}</h2>
                <p>{Msg::NextFilingBody.t(lang)}</p>
                <div class="button-group">{buttons}</div>
            </section>
        }
    });
    let user_minutes = inc.user_minutes.map(|m| {
        format!(
            "{}: {} ({} {})",
            Msg::UserMinutes.t(lang),
            display_value("users_affected", &m.to_string(), zone, lang),
            display_value("users_affected", &(m / 60).to_string(), zone, lang),
            Msg::UserHours.t(lang)
        )
    });
    view! {
        <PageTitle text=format!("{} · {}", inc.title, inc.reference)/>
        <p class="caption">{inc.reference.clone()}" · "{inc.org.get(lang)}</p>
        <h1>{inc.title.clone()}</h1>
        // the page's forms: answers, items, evidence and submissions made elsewhere
        <crate::ui::forms::ErrorSummary echo=echo.clone() labels=vec![
            ("body", Msg::YourAnswer), ("file", Msg::ChooseFile), ("description", Msg::FileDescription),
            ("note", Msg::WhatWasDone), ("clock", Msg::OutsideClock), ("outside_at", Msg::OutsideAt),
            ("channel", Msg::OutsideChannel), ("recipient", Msg::OutsideRecipient),
            ("their_reference", Msg::OutsideTheirRefLabel),
        ]/>
        {saved.then(|| view! { <div class="notice" role="status">{Msg::SavedNotice.t(lang)}</div> })}
        <crate::pages::ministry_panel::MinistryPanel inc=inc.clone()/>
        {task_list}
        {starts}
        <section aria-labelledby="clocks-title">
            <h2 id="clocks-title">{Msg::DeadlinesTitle.t(lang)}</h2>
            <ClockTable clocks=inc.clocks.clone()/>
        </section>
        <crate::pages::outside::OutsideSubmissions inc=inc.clone() echo=echo/>
        <section aria-labelledby="reportability-title">
            <h2 id="reportability-title">{Msg::ReportabilityTitle.t(lang)}</h2>
            <p class="hint">{Msg::ReportabilityHint.t(lang)}</p>
            {user_minutes.map(|t| view! { <p>{t}</p> })}
            <ReportabilityTable assessments=inc.assessments.clone()/>
        </section>
        <Versions reference=inc.reference.clone() versions=inc.versions.clone()/>
        <crate::pages::evidence::Evidence inc=inc.clone()/>
        <p><a href="/filing">{Msg::BackToDashboard.t(lang)}</a></p>
    }
}

#[component]
fn Versions(reference: String, versions: Vec<VersionRow>) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    if versions.is_empty() {
        return view! { <section><h2>{Msg::VersionsTitle.t(lang)}</h2><p>{Msg::NoVersions.t(lang)}</p></section> }
            .into_any();
    }
    let rows = versions
        .iter()
        .map(|v| {
            let compare = (v.version > 1).then(|| {
                let href = format!("/filing/incidents/{reference}/compare?from={}&to={}", v.version - 1, v.version);
                view! { <a href=href>{Msg::CompareWithPrevious.t(lang)}</a> }
            });
            view! {
                <tr>
                    <td><a href=format!("/filing/filings/{}", v.reference)>{v.reference.clone()}</a></td>
                    <td>{stage_msg(v.stage).t(lang)}</td>
                    <td>{zone.display(v.submitted_at)}</td>
                    <td>{v.submitted_by.clone()}</td>
                    <td>{v.drafted_by.clone().unwrap_or_else(|| "—".into())}</td>
                    <td><code title=v.content_sha256.clone()>{v.content_sha256.chars().take(12).collect::<String>()}</code></td>
                    <td>{compare}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="versions-title">
            <h2 id="versions-title">{Msg::VersionsTitle.t(lang)}</h2>
            <DataTable caption=Msg::VersionsTitle.t(lang) columns=vec![
                Msg::Reference.into(), Msg::Stage.into(), Msg::SubmittedAt.into(), Msg::Signatory.into(),
                Msg::Drafter.into(), Msg::ContentHash.into(), Col::Hidden(Msg::Compare),
            ]>
                {rows}
            </DataTable>
        </section>
    }
    .into_any()
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        let n = |k: &str| q.get(k).and_then(|v| v.parse::<u32>().ok()).unwrap_or(1);
        (params.read().get("reference").unwrap_or_default(), n("from"), n("to"))
    };
    let diff = Resource::new(key, |(r, from, to)| my_diff(r, from, to));
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                match diff.await {
                    Ok(d) => view! { <Compare d=d/> }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Compare(d: DiffView) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let picker = |name: &'static str, chosen: u32| {
        let options = d
            .versions
            .iter()
            .map(|v| view! { <option value=v.version.to_string() selected=v.version == chosen>{format!("{} · {}", v.reference, stage_msg(v.stage).t(lang))}</option> })
            .collect_view();
        view! { <select id=name name=name>{options}</select> }
    };
    let rows = d
        .changes
        .iter()
        .map(|c| {
            let shown = |v: &str| if v.is_empty() { "—".to_string() } else { display_value(&c.key, v, zone, lang) };
            view! {
                <tr>
                    <th scope="row">{label_of(&c.key, lang)}</th>
                    <td class="pre-wrap diff-before">{shown(&c.before)}</td>
                    <td class="pre-wrap diff-after">{shown(&c.after)}</td>
                </tr>
            }
        })
        .collect_view();
    let count = d.changes.len();
    view! {
        <PageTitle text=format!("{} · {}", Msg::CompareTitle.t(lang), d.incident_reference)/>
        <p class="caption">{d.incident_reference.clone()}" · "{d.title.clone()}</p>
        <h1>{Msg::CompareTitle.t(lang)}</h1>
        <form method="get" class="inline-form compare-form">
            <label for="from">{Msg::CompareFrom.t(lang)}</label>" "{picker("from", d.from.version)}" "
            <label for="to">{Msg::CompareTo.t(lang)}</label>" "{picker("to", d.to.version)}" "
            <button type="submit" class="button button-secondary">{Msg::Compare.t(lang)}</button>
        </form>
        <p>{format!("{} {count}", Msg::ChangedFields.t(lang))}</p>
    <DataTable caption=format!("{} {} → {}", Msg::Compare.t(lang), d.from.reference, d.to.reference)
        columns=vec![Msg::Field.into(), Col::Text(d.from.reference.clone()), Col::Text(d.to.reference.clone())]>
        {rows}
    </DataTable>
        <p><a href=format!("/filing/incidents/{}", d.incident_reference)>{Msg::BackToIncident.t(lang)}</a></p>
    }
}
