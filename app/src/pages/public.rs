//! What everyone can read: published incident summaries only.

use crate::ui::raw_sinks::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{published_incident, published_incidents, PublishedRow};
use crate::i18n::Msg;
use crate::ui::layout::ReadError;
use crate::ui::shell::use_lang;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let rows = Resource::new(|| (), |_| published_incidents());
    view! {
        <h1>{Msg::HomeTitle.t(lang)}</h1>
        <p class="lead">{Msg::HomeIntro.t(lang)}</p>
        <h2>{Msg::LatestIncidents.t(lang)}</h2>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(rows) => view! { <IncidentList rows=rows.into_iter().take(5).collect()/> }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
        <p><a href="/incidents">{Msg::AllIncidents.t(lang)}</a></p>
    }
}

#[component]
pub fn IncidentsPage() -> impl IntoView {
    let lang = use_lang();
    let rows = Resource::new(|| (), |_| published_incidents());
    view! {
        <PageTitle text=Msg::IncidentsTitle.t(lang)/>
        <h1>{Msg::IncidentsTitle.t(lang)}</h1>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(rows) => view! { <IncidentList rows/> }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn IncidentList(rows: Vec<PublishedRow>) -> impl IntoView {
    let lang = use_lang();
    if rows.is_empty() {
        return view! { <p>{Msg::NoPublishedIncidents.t(lang)}</p> }.into_any();
    }
    view! {
        <ul class="incident-list">
            {rows.into_iter().map(|r| {
                let href = format!("/incidents/{}", r.reference);
                view! {
                    <li>
                        <h3><a href=href>{r.headline.get(lang)}</a></h3>
                        <p class="meta">
                            {r.org.get(lang)}" · "{Msg::Onset.t(lang)}" "{crate::domain::case::MINISTRY_ZONE.official(r.onset_at, crate::ui::shell::use_zone())}
                            " · "{Msg::Reference.t(lang)}" "{r.reference.clone()}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn IncidentPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let detail = Resource::new(move || params.read().get("reference").unwrap_or_default(), published_incident);
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! {
                        <PageTitle text=d.row.headline.get(lang)/>
                        <p class="caption">{d.row.org.get(lang)}</p>
                        <h1>{d.row.headline.get(lang)}</h1>
                        <p class="pre-wrap">{d.summary.get(lang)}</p>
                        <dl class="summary-list">
                            <div class="summary-row"><dt>{Msg::Reference.t(lang)}</dt><dd>{d.row.reference.clone()}</dd></div>
                            <div class="summary-row"><dt>{Msg::Operator.t(lang)}</dt><dd>{d.row.org.get(lang)}</dd></div>
                            <div class="summary-row"><dt>{Msg::ServicesAffected.t(lang)}</dt><dd>{d.services_affected.join(", ")}</dd></div>
                            <div class="summary-row"><dt>{Msg::Onset.t(lang)}</dt><dd>{crate::domain::case::MINISTRY_ZONE.official(d.row.onset_at, crate::ui::shell::use_zone())}</dd></div>
                            <div class="summary-row"><dt>{Msg::Cause.t(lang)}</dt><dd>{crate::domain::report::content::display_value("cause_category", &d.cause_category, crate::ui::shell::use_zone(), lang)}</dd></div>
                            <div class="summary-row"><dt>{Msg::PublishedAt.t(lang)}</dt><dd>{crate::domain::case::MINISTRY_ZONE.official(d.row.published_at, crate::ui::shell::use_zone())}</dd></div>
                        </dl>
                        <crate::pages::public_case::PublicCase detail=d.clone()/>
                    }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
