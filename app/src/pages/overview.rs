//! The ministry's overview: incidents per organisation and year, durations, user-hours
//! lost, cause categories, late filings, open measures and overdue items, as tables with
//! server-drawn charts.

use crate::ui::raw_sinks::PageTitle;
use crate::ui::table::DataTable;
use leptos::prelude::*;

use crate::api::review_overview;
use crate::domain::numbers::grouped;
use crate::domain::overview::Overview;
use crate::domain::report::options::CAUSES;
use crate::i18n::{Lang, Msg};
use crate::ui::chart::BarChart;
use crate::ui::clocks::span_text;
use crate::ui::layout::ReadError;
use crate::ui::shell::use_lang;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(move || lang, review_overview);
    view! {
        <PageTitle text=Msg::OverviewTitle.t(lang)/>
        <h1>{Msg::OverviewTitle.t(lang)}</h1>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(o) => overview(o, lang).into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn cause_name(code: &str, lang: Lang) -> String {
    CAUSES.iter().find(|o| o.code == code).map_or_else(
        || if code == "UNKNOWN" { Msg::CauseUnknown.t(lang).to_string() } else { code.to_string() },
        |o| lang.pick(o.label.0, o.label.1).to_string(),
    )
}

fn overview(o: Overview, lang: Lang) -> impl IntoView {
    let late = o.late_rate_pct().map_or_else(|| "—".to_string(), |p| format!("{p:.1}%"));
    let rows = o
        .by_org_year
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <td>{r.org.clone()}</td>
                    <td>{r.year.to_string()}</td>
                    <td>{r.incidents.to_string()}</td>
                    <td>{r.total_minutes.map_or_else(|| "—".to_string(), |m| span_text(m, lang))}</td>
                    <td>{r.median_minutes.map_or_else(|| "—".to_string(), |m| span_text(m, lang))}</td>
                    <td>{grouped(r.user_hours)}</td>
                </tr>
            }
        })
        .collect_view();
    let per_year: Vec<(String, u64)> = o.by_year.iter().map(|(y, n)| (y.to_string(), u64::from(*n))).collect();
    let causes: Vec<(String, u64)> = o.causes.iter().map(|(c, n)| (cause_name(c, lang), u64::from(*n))).collect();
    let cause_rows =
        causes.iter().map(|(c, n)| view! { <tr><td>{c.clone()}</td><td>{n.to_string()}</td></tr> }).collect_view();
    view! {
        <div class="stats">
            <p class="stat"><span class="stat-number">{late}</span>{Msg::LateFilingRate.t(lang)}</p>
            <p class="stat"><span class="stat-number">{o.open_measures.to_string()}</span>{Msg::OpenMeasures.t(lang)}</p>
            <p class="stat stat-warning"><span class="stat-number">{o.overdue_items.to_string()}</span>{Msg::OverdueMeasureItems.t(lang)}</p>
        </div>
        <p class="hint">{Msg::LateFilingHint.t(lang)}" ("{o.clocks_late.to_string()}" / "{(o.clocks_late + o.clocks_met).to_string()}")"</p>
        <h2>{Msg::IncidentsPerYear.t(lang)}</h2>
        <BarChart title=Msg::IncidentsPerYear.t(lang).to_string() bars=per_year/>
        <h2>{Msg::ByOrgYear.t(lang)}</h2>
        <DataTable caption=Msg::ByOrgYear.t(lang) columns=vec![
            Msg::Operator.into(), Msg::Year.into(), Msg::IncidentCount.into(), Msg::TotalDuration.into(), Msg::MedianDuration.into(), Msg::UserHoursLost.into(),
        ]>{rows}</DataTable>
        <h2>{Msg::CauseCategories.t(lang)}</h2>
        <BarChart title=Msg::CauseCategories.t(lang).to_string() bars=causes.clone()/>
        <DataTable caption=Msg::CauseCategories.t(lang) columns=vec![Msg::Cause.into(), Msg::IncidentCount.into()]>
            {cause_rows}
        </DataTable>
    }
}
