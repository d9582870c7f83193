//! The operator's side: dashboard, initial notification form, filed report.

use crate::ui::raw_sinks::PageTitle;
use crate::ui::table::DataTable;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{my_filing, my_incidents, FilingRow, IncidentRow};
use crate::i18n::Msg;
use crate::ui::clocks::{due_text, duty_label};
use crate::ui::forms::{use_form_echo, CsrfField, ErrorSummary, Field};
use crate::ui::layout::{use_session, ReadError};
use crate::ui::shell::{use_lang, use_zone};
use crate::ui::show::{stage_msg, FilingContent, StatusTag};

#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    let rows = Resource::new(|| (), |_| my_incidents());
    let session = use_session();
    view! {
        <PageTitle text=Msg::FilingDashboardTitle.t(lang)/>
        <h1>{Msg::FilingDashboardTitle.t(lang)}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let can_file = session.await.ok().and_then(|s| s.user).is_some_and(|u| u.role.can_file());
                can_file.then(|| view! { <p><a class="button" href="/filing/new">{Msg::NewIncident.t(lang)}</a></p> })
            })}
        </Suspense>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(rows) if rows.is_empty() => view! { <p>{Msg::NoFilings.t(lang)}</p> }.into_any(),
                    Ok(rows) => view! { <Dashboard rows=rows/> }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Counts at a glance, then every incident with what is due next.
#[component]
fn Dashboard(rows: Vec<IncidentRow>) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let open = rows.iter().filter(|r| r.status.is_open()).count();
    let overdue: u32 = rows.iter().map(|r| r.overdue).sum();
    let items = rows
        .iter()
        .fold([0u32; 3], |acc, r| [acc[0] + r.prevention[0], acc[1] + r.prevention[1], acc[2] + r.prevention[2]]);
    let stat = |n: String, label: Msg, warn: bool| {
        view! {
            <div class="stat" class:stat-warning=warn><span class="stat-number">{n}</span><span>{label.t(lang)}</span></div>
        }
    };
    let table = rows
    .into_iter()
    .map(|r| {
        let stage = match (r.draft_stage, r.last_stage) {
            (Some(d), _) => format!("{} {}", Msg::Drafting.t(lang), stage_msg(d).t(lang)),
            (None, Some(s)) => stage_msg(s).t(lang).to_string(),
            (None, None) => "—".to_string(),
        };
        let next = r.next_due.as_ref().map(|c| {
            format!("{} · {}", duty_label(c, lang), due_text(c, lang, zone))
        });
        view! {
            <tr class:row-overdue={r.overdue + r.ministry_overdue > 0}>
                <td class="stack-head"><a href=format!("/filing/incidents/{}", r.reference)>{r.reference.clone()}</a></td>
                <td data-label=Msg::Title.t(lang)>{r.title.clone()}</td>
                <td data-label=Msg::Stage.t(lang)>{stage}</td>
                <td data-label=Msg::NextDue.t(lang)>{next.unwrap_or_else(|| "—".into())}</td>
                <td data-label=Msg::Status.t(lang)>
                    <crate::ui::show::IncidentStatusTag status=r.status/>
                    {(r.overdue > 0).then(|| view! { " "<strong class="tag tag-red">{format!("{} {}", Msg::ClockOverdue.t(lang), r.overdue)}</strong> })}
                    {(r.ministry_overdue > 0).then(|| view! { " "<strong class="tag tag-red">{format!("{} {}", Msg::MinistryOverdue.t(lang), r.ministry_overdue)}</strong> })}
                </td>
            </tr>
        }
    })
    .collect_view();
    view! {
        <div class="stats">
            {stat(open.to_string(), Msg::OpenIncidents, false)}
            {stat(overdue.to_string(), Msg::OverdueItems, overdue > 0)}
            {stat(items[0].to_string(), Msg::PreventionPlanned, false)}
            {stat(items[1].to_string(), Msg::PreventionInProgress, false)}
            {stat(items[2].to_string(), Msg::PreventionDone, false)}
        </div>
        <DataTable caption=Msg::FilingDashboardTitle.t(lang) stack=true
            columns=vec![Msg::Reference.into(), Msg::Title.into(), Msg::Stage.into(), Msg::NextDue.into(), Msg::Status.into()]>
            {table}
        </DataTable>
    }
}

/// A table of filings, each linking to `{base}/{reference}`.
#[component]
pub fn FilingTable(rows: Vec<FilingRow>, base: &'static str) -> impl IntoView {
    let lang = use_lang();
    view! {
        <DataTable caption=Msg::ReviewQueueTitle.t(lang) columns=vec![
            Msg::Reference.into(), Msg::Operator.into(), Msg::Title.into(), Msg::Stage.into(), Msg::SubmittedAt.into(), Msg::Status.into(),
        ]>
                {rows.into_iter().map(|r| view! {
                    <tr>
                        <td><a href=format!("{base}/{}", r.reference)>{r.reference.clone()}</a></td>
                        <td>{r.org.get(lang)}</td>
                        <td>{r.title.clone()}</td>
                        <td>{stage_msg(r.stage).t(lang)}</td>
                        <td>{crate::ui::shell::use_zone().display(r.submitted_at)}</td>
                        <td><StatusTag status=r.status/></td>
                    </tr>
                }).collect_view()}
        </DataTable>
    }
}

#[component]
pub fn NewIncidentPage() -> impl IntoView {
    let lang = use_lang();
    let echo = use_form_echo();
    view! {
        <PageTitle text=Msg::NewIncidentTitle.t(lang)/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                let v = echo.as_ref().map(|e| e.value("title")).unwrap_or_default();
                let err = echo.as_ref().and_then(|e| e.errors.get("title"));
                view! {
                    <ErrorSummary echo=echo.clone() labels=vec![("title", Msg::Title)]/>
                    <h1>{Msg::NewIncidentTitle.t(lang)}</h1>
                    <p class="lead">{Msg::NewIncidentIntro.t(lang)}</p>
                    <form method="post" action="/filing/new" novalidate>
                        <CsrfField/>
                        <Field name="title" label=Msg::Title hint=Msg::IncidentTitleHint value=v error=err/>
                        <button type="submit" class="button">{Msg::OpenIncident.t(lang)}</button>
                    </form>
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn FilingPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let received = move || query.read().get("received").is_some();
    let filing = Resource::new(move || params.read().get("reference").unwrap_or_default(), my_filing);
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                match filing.await {
                    Ok(f) => {
                        let pdf = format!("/filing/filings/{}/pdf", f.reference);
                        view! {
                            <PageTitle text=f.reference.clone()/>
                            {received().then(|| view! {
                                <div class="panel-confirmation" role="status">
                                    <h1>{Msg::ConfirmationTitle.t(lang)}</h1>
                                    <p>{Msg::ConfirmationBody.t(lang)}</p>
                                    <p class="panel-reference">{f.reference.clone()}</p>
                                </div>
                            })}
                            {(!received()).then(|| view! { <h1>{f.reference.clone()}</h1> })}
                            <p><StatusTag status=f.status/></p>
                            <p><a class="button" href=pdf rel="external" download>{Msg::DownloadPdf.t(lang)}</a></p>
                            <p><a href=format!("/filing/incidents/{}", f.incident_reference)>{Msg::BackToIncident.t(lang)}</a></p>
                            <FilingContent filing=f/>
                        }.into_any()
                    }
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
