//! `/operators/{slug}`: an operator's public record (issue #14) — its published incidents, and
//! per year the outages, their total and median length and the user-hours lost; the causes
//! that recur; the measures imposed and where each stands. The public counterpart of the
//! ministry's overview, from published data only.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{public_operator, OperatorRecord};
use crate::i18n::Msg;
use crate::pages::public::{commitments_tag, duration_text, IncidentList, Subscribe};
use crate::ui::chart::BarChart;
use crate::ui::layout::ReadError;
use crate::ui::public_meta::PublicMeta;
use crate::ui::raw_sinks::PageTitle;
use crate::ui::shell::{use_lang, use_zone};
use crate::ui::table::DataTable;

#[component]
pub fn OperatorPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let record = Resource::new(move || params.read().get("slug").unwrap_or_default(), public_operator);
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                match record.await {
                    Ok(r) => view! { <Record r=r/> }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Record(r: OperatorRecord) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let name = r.org.get(lang).to_string();
    let title = format!("{name} · {}", Msg::OperatorRecordTitle.t(lang));
    let feed = format!("/feeds/operators/{}.atom", r.slug);
    let years = r
        .years
        .iter()
        .map(|y| {
            view! {
                <tr>
                    <td class="stack-head">{y.year}</td>
                    <td data-label=Msg::IncidentsColumn.t(lang)>{y.incidents}</td>
                    <td data-label=Msg::TotalDuration.t(lang)>{duration_text(Some(y.total_minutes), lang)}</td>
                    <td data-label=Msg::MedianDuration.t(lang)>{y.median_minutes.map(|m| duration_text(Some(m), lang)).unwrap_or_else(|| "—".into())}</td>
                    <td data-label=Msg::UserHoursLost.t(lang)>{crate::domain::numbers::grouped(y.user_hours.unsigned_abs())}</td>
                </tr>
            }
        })
        .collect_view();
    let bars: Vec<(String, u64)> = r.years.iter().rev().map(|y| (y.year.to_string(), u64::from(y.incidents))).collect();
    let causes = r
        .causes
        .iter()
        .map(|(code, n)| {
            let words = crate::domain::report::content::display_value("cause_category", code, zone, lang);
            view! {
                <li>{words}" · "{*n}{(*n >= 2).then(|| view! { " "<strong class="tag tag-orange">{Msg::RecurringTag.t(lang)}</strong> })}</li>
            }
        })
        .collect_view();
    let measures = r
        .measures
        .iter()
        .map(|m| {
            let kind = m.measure.kind.label();
            let items = m.measure.items.iter().map(|(text, _)| view! { <li>{text.clone()}</li> }).collect_view();
            view! {
                <tr>
                    <td class="stack-head"><a class="wraps" href=format!("/incidents/{}", m.reference)>{m.headline.get(lang)}</a></td>
                    <td data-label=Msg::MeasureNumber.t(lang)>{lang.pick(kind.0, kind.1)}<br/><span class="hint">{m.measure.legal_basis.clone()}</span></td>
                    <td data-label=Msg::ItemsColumn.t(lang)><ul class="plain-list">{items}</ul></td>
                    <td data-label=Msg::DueAt.t(lang)><span class="date">{crate::domain::case::MINISTRY_ZONE.official(m.measure.due, zone)}</span></td>
                    <td data-label=Msg::CommitmentStatus.t(lang)>{commitments_tag(m.status, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    let has_measures = !r.measures.is_empty();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let (shown_measures, shown_incidents) = (count(r.measures.len()), count(r.incidents.len()));
    view! {
        <PageTitle text=title.clone()/>
        <PublicMeta title=title description=Msg::OperatorRecordIntro.t(lang) path=format!("/operators/{}", r.slug) feed=feed.clone()/>
        <p class="caption">{Msg::OperatorRecordTitle.t(lang)}</p>
        <h1>{name}</h1>
        <p>{Msg::OperatorRecordIntro.t(lang)}</p>
        <p><a href=feed>{Msg::OperatorFeed.t(lang)}</a></p>
        <h2 id="years">{Msg::ByYearTitle.t(lang)}</h2>
        <BarChart title=Msg::ByYearChart.t(lang).to_string() bars=bars/>
        <DataTable caption=Msg::ByYearTitle.t(lang) stack=true columns=vec![
            Msg::YearColumn.into(), Msg::IncidentsColumn.into(), Msg::TotalDuration.into(),
            Msg::MedianDuration.into(), Msg::UserHoursLost.into(),
        ]>{years}</DataTable>
        <h2 id="causes">{Msg::CausesTitle.t(lang)}</h2>
        <ul>{causes}</ul>
        <h2 id="measures">{Msg::MeasuresImposed.t(lang)}</h2>
        {if has_measures {
            view! {
                <DataTable caption=Msg::MeasuresImposed.t(lang) stack=true columns=vec![
                    Msg::IncidentColumn.into(), Msg::MeasureNumber.into(), Msg::ItemsColumn.into(),
                    Msg::DueAt.into(), Msg::CommitmentStatus.into(),
                ]>{measures}</DataTable>
                {(shown_measures < r.measure_count).then(|| view! {
                    <p>{Msg::RecordMeasuresShown.t(lang)}" ("{shown_measures}" / "{r.measure_count}") "
                        <a href="/open-data">{Msg::RecordMeasuresAll.t(lang)}</a></p>
                })}
            }.into_any()
        } else {
            view! { <p>{Msg::NoPublicMeasures.t(lang)}</p> }.into_any()
        }}
        <h2 id="incidents">{Msg::AllIncidentsOf.t(lang)}</h2>
        <IncidentList rows=r.incidents/>
        {(shown_incidents < r.incident_count).then(|| view! {
            <p><a href=format!("/incidents?operator={}", r.slug)>
                {Msg::RecordIncidentsAll.t(lang)}" ("{r.incident_count}")"</a></p>
        })}
        <Subscribe/>
    }
}
