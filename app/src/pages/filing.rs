//! The operator's side: dashboard, initial notification form, filed report.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{my_filing, my_filings, FilingRow};
use crate::domain::filing::{CauseCategory, InitialNotificationForm};
use crate::i18n::Msg;
use crate::ui::forms::{use_form_echo, Control, CsrfField, ErrorSummary, Field, SelectField};
use crate::ui::layout::{use_session, ReadError};
use crate::ui::shell::use_lang;
use crate::ui::show::{stage_msg, FilingContent, StatusTag};

#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    let rows = Resource::new(|| (), |_| my_filings());
    let session = use_session();
    view! {
        <Title text=Msg::FilingDashboardTitle.t(lang)/>
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
                    Ok(rows) => view! { <FilingTable rows=rows base="/filing/filings"/> }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A table of filings, each linking to `{base}/{reference}`.
#[component]
pub fn FilingTable(rows: Vec<FilingRow>, base: &'static str) -> impl IntoView {
    let lang = use_lang();
    view! {
        <table class="table">
            <thead>
                <tr>
                    <th scope="col">{Msg::Reference.t(lang)}</th>
                    <th scope="col">{Msg::Operator.t(lang)}</th>
                    <th scope="col">{Msg::Title.t(lang)}</th>
                    <th scope="col">{Msg::Stage.t(lang)}</th>
                    <th scope="col">{Msg::SubmittedAt.t(lang)}</th>
                    <th scope="col">{Msg::Status.t(lang)}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|r| view! {
                    <tr>
                        <td><a href=format!("{base}/{}", r.reference)>{r.reference.clone()}</a></td>
                        <td>{r.org.get(lang)}</td>
                        <td>{r.title.clone()}</td>
                        <td>{stage_msg(r.stage).t(lang)}</td>
                        <td>{r.submitted_at.display_kst()}</td>
                        <td><StatusTag status=r.status/></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn NewIncidentPage() -> impl IntoView {
    let lang = use_lang();
    let echo = use_form_echo();
    let labels = vec![
        ("title", Msg::Title),
        ("services_affected", Msg::ServicesAffected),
        ("onset_at", Msg::Onset),
        ("detected_at", Msg::Detected),
        ("description", Msg::Description),
        ("cause_category", Msg::Cause),
        ("emergency_measures", Msg::EmergencyMeasures),
        ("users_affected", Msg::UsersAffected),
    ];
    debug_assert_eq!(labels.len(), InitialNotificationForm::FIELDS.len());
    let causes: Vec<(&'static str, Msg)> = CauseCategory::ALL.into_iter().map(|c| (c.code(), Msg::from(c))).collect();
    view! {
        <Title text=Msg::NewIncidentTitle.t(lang)/>
        <Suspense fallback=|| ()>
            {move || {
                let labels = labels.clone();
                let causes = causes.clone();
                Suspend::new(async move {
                    let echo = echo.await;
                    let v = |f: &str| echo.as_ref().map(|e| e.value(f)).unwrap_or_default();
                    let err = |f: &str| echo.as_ref().and_then(|e| e.errors.get(f));
                    view! {
                        <ErrorSummary echo=echo.clone() labels=labels/>
                        <h1>{Msg::NewIncidentTitle.t(lang)}</h1>
                        <p class="lead">{Msg::NewIncidentIntro.t(lang)}</p>
                        <form method="post" action="/filing/new" novalidate>
                            <CsrfField/>
                            <Field name="title" label=Msg::Title value=v("title") error=err("title")/>
                            <Field name="services_affected" label=Msg::ServicesAffected hint=Msg::ServicesAffectedHint control=Control::TextArea value=v("services_affected") error=err("services_affected")/>
                            <Field name="onset_at" label=Msg::Onset hint=Msg::OnsetHint control=Control::DateTime value=v("onset_at") error=err("onset_at")/>
                            <Field name="detected_at" label=Msg::Detected hint=Msg::DetectedHint control=Control::DateTime value=v("detected_at") error=err("detected_at")/>
                            <Field name="description" label=Msg::Description control=Control::TextArea value=v("description") error=err("description")/>
                            <SelectField name="cause_category" label=Msg::Cause options=causes value=v("cause_category") error=err("cause_category")/>
                            <Field name="emergency_measures" label=Msg::EmergencyMeasures control=Control::TextArea value=v("emergency_measures") error=err("emergency_measures")/>
                            <Field name="users_affected" label=Msg::UsersAffected hint=Msg::UsersAffectedHint control=Control::Number value=v("users_affected") error=err("users_affected")/>
                            <button type="submit" class="button">{Msg::SubmitFiling.t(lang)}</button>
                        </form>
                    }
                })
            }}
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
                            <Title text=f.reference.clone()/>
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
                            <FilingContent filing=f/>
                            <p><a href="/filing">{Msg::BackToDashboard.t(lang)}</a></p>
                        }.into_any()
                    }
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
