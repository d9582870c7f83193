//! What everyone can read: published incident summaries only. The list is searchable and
//! filterable by plain GET links (issue #14); every page reads without script.

use crate::ui::raw_sinks::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{public_search, published_incident, PublicIncidentRow, PublicList};
use crate::domain::public::{CommitmentFilter, DurationBand, SearchQuery};
use crate::i18n::{Lang, Msg};
use crate::ui::clocks::span_text;
use crate::ui::layout::ReadError;
use crate::ui::public_meta::PublicMeta;
use crate::ui::shell::{use_lang, use_zone};

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let rows = Resource::new(|| (), |_| public_search(SearchQuery::default()));
    view! {
        <PublicMeta title=Msg::SiteName.t(lang) description=Msg::HomeIntro.t(lang) path="/" feed="/feeds/incidents.atom"/>
        <h1>{Msg::HomeTitle.t(lang)}</h1>
        <p class="lead">{Msg::HomeIntro.t(lang)}</p>
        <h2>{Msg::LatestIncidents.t(lang)}</h2>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(list) => view! { <IncidentList rows=list.rows.into_iter().take(5).collect()/> }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
        <p><a href="/incidents">{Msg::AllIncidents.t(lang)}</a></p>
        <Subscribe/>
    }
}

/// The feeds and open data, linked from the public pages.
#[component]
pub fn Subscribe() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h2>{Msg::SubscribeTitle.t(lang)}</h2>
        <ul class="inline-list">
            <li><a href="/feeds/incidents.atom">{Msg::AtomFeed.t(lang)}</a></li>
            <li><a href="/feeds/incidents.json">{Msg::JsonFeed.t(lang)}</a></li>
            <li><a href="/open-data">{Msg::OpenDataLink.t(lang)}</a></li>
            <li><a href="/rules">{Msg::RulesTitle.t(lang)}</a></li>
        </ul>
    }
}

#[component]
pub fn IncidentsPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().read_untracked();
    let pairs: Vec<(String, String)> =
        ["q", "operator", "service", "cause", "year", "duration", "commitments", "after"]
            .into_iter()
            .filter_map(|k| query.get(k).map(|v| (k.to_string(), v)))
            .collect();
    let asked = SearchQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let path = match asked.to_query(asked.after) {
        q if q.is_empty() => "/incidents".to_string(),
        q => format!("/incidents?{q}"),
    };
    let list = Resource::new(move || asked.clone(), public_search);
    view! {
        <PageTitle text=Msg::IncidentsTitle.t(lang)/>
        <PublicMeta title=Msg::IncidentsTitle.t(lang) description=Msg::SearchTextHint.t(lang) path=path feed="/feeds/incidents.atom"/>
        <h1>{Msg::IncidentsTitle.t(lang)}</h1>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <SearchForm list=list.clone()/><Results list=list/> }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
        <Subscribe/>
    }
}

/// A `<select>` of `options` (value, words) with "any" first.
fn select(id: &'static str, label: Msg, options: Vec<(String, String)>, chosen: &str, lang: Lang) -> impl IntoView {
    let opts = options
        .into_iter()
        .map(|(v, words)| {
            let selected = v == chosen;
            view! { <option value=v selected=selected>{words}</option> }
        })
        .collect_view();
    view! {
        <div class="field field-inline">
            <label for=id>{label.t(lang)}</label>
            <select id=id name=id>
                <option value="">{Msg::AnyOption.t(lang)}</option>
                {opts}
            </select>
        </div>
    }
}

#[component]
fn SearchForm(list: PublicList) -> impl IntoView {
    let lang = use_lang();
    let q = &list.query;
    let zone = use_zone();
    let operators = list.operators.iter().map(|(slug, n)| (slug.clone(), n.get(lang).to_string())).collect();
    let causes = list
        .causes
        .iter()
        .map(|c| (c.clone(), crate::domain::report::content::display_value("cause_category", c, zone, lang)))
        .collect();
    let years = list.years.iter().map(|y| (y.to_string(), y.to_string())).collect();
    let bands = DurationBand::ALL
        .into_iter()
        .map(|b| (b.as_str().to_string(), lang.pick(b.label().0, b.label().1).to_string()))
        .collect();
    let commitments = CommitmentFilter::ALL
        .into_iter()
        .map(|c| (c.as_str().to_string(), lang.pick(c.label().0, c.label().1).to_string()))
        .collect();
    view! {
        <form method="get" action="/incidents" class="search-panel" role="search" aria-label=Msg::SearchTitle.t(lang)>
            <div class="field">
                <label for="q">{Msg::SearchText.t(lang)}</label>
                <p class="hint" id="q-hint">{Msg::SearchTextHint.t(lang)}</p>
                <input type="search" id="q" name="q" value=q.q.clone() aria-describedby="q-hint" maxlength="100"/>
            </div>
            <div class="filter-grid">
                {select("operator", Msg::FilterOperator, operators, &q.operator, lang)}
                <div class="field field-inline">
                    <label for="service">{Msg::FilterService.t(lang)}</label>
                    <input type="text" id="service" name="service" value=q.service.clone() maxlength="100"/>
                </div>
                {select("cause", Msg::FilterCause, causes, &q.cause, lang)}
                {select("year", Msg::FilterYear, years, &q.year.map(|y| y.to_string()).unwrap_or_default(), lang)}
                {select("duration", Msg::FilterDuration, bands, q.band.map_or("", |b| b.as_str()), lang)}
                {select("commitments", Msg::FilterCommitments, commitments, q.commitments.map_or("", |c| c.as_str()), lang)}
            </div>
            <button type="submit" class="button">{Msg::SearchButton.t(lang)}</button>
            " "
            <a href="/incidents">{Msg::ClearFilters.t(lang)}</a>
        </form>
    }
}

#[component]
fn Results(list: PublicList) -> impl IntoView {
    let lang = use_lang();
    let first = list.query.after.is_some().then(|| {
        let q = list.query.to_query(None);
        if q.is_empty() {
            "/incidents".to_string()
        } else {
            format!("/incidents?{q}")
        }
    });
    let empty = list.rows.is_empty();
    view! {
        <p class="hint">{Msg::ResultsNewestFirst.t(lang)}</p>
        {if empty {
            view! { <p>{if list.query.is_filtered() { Msg::NoResults } else { Msg::NoPublishedIncidents }.t(lang)}</p> }.into_any()
        } else {
            view! { <IncidentList rows=list.rows/> }.into_any()
        }}
        <nav class="pagination" aria-label=Msg::IncidentsTitle.t(lang)>
            {first.map(|href| view! { <a href=href>{Msg::FirstPage.t(lang)}</a> })}
            " "
            {list.next.map(|q| view! { <a href=format!("/incidents?{q}") rel="next">{Msg::NextPage.t(lang)}</a> })}
        </nav>
    }
}

/// The commitments' status as a tag in words.
pub fn commitments_tag(c: CommitmentFilter, lang: Lang) -> impl IntoView {
    let class = match c {
        CommitmentFilter::Overdue => "tag tag-red",
        CommitmentFilter::Open => "tag tag-yellow",
        CommitmentFilter::Done => "tag tag-blue",
        CommitmentFilter::Verified => "tag tag-green",
        CommitmentFilter::None => "tag tag-grey",
    };
    view! { <strong class=class>{lang.pick(c.label().0, c.label().1)}</strong> }
}

/// How long an outage lasted, in words.
pub fn duration_text(minutes: Option<i64>, lang: Lang) -> String {
    minutes.map_or_else(|| Msg::NotRestored.t(lang).to_string(), |m| span_text(m, lang))
}

#[component]
pub fn IncidentList(rows: Vec<PublicIncidentRow>) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    if rows.is_empty() {
        return view! { <p>{Msg::NoPublishedIncidents.t(lang)}</p> }.into_any();
    }
    view! {
        <ul class="incident-list">
            {rows.into_iter().map(|r| {
                let href = format!("/incidents/{}", r.reference);
                let operator = format!("/operators/{}", r.org_slug);
                let onset = r.onset_at.map(|t| crate::domain::case::MINISTRY_ZONE.official(t, zone));
                let cause = crate::domain::report::content::display_value("cause_category", &r.cause, zone, lang);
                view! {
                    <li>
                        <h3><a href=href>{r.headline.get(lang)}</a></h3>
                        <p class="meta">
                            <a href=operator>{r.org.get(lang)}</a>
                            {onset.map(|o| view! { " · "{Msg::Onset.t(lang)}" "<span class="date">{o}</span> })}
                            " · "{Msg::Duration.t(lang)}" "{duration_text(r.duration_min, lang)}
                            {(!cause.is_empty()).then(|| format!(" · {cause}"))}
                            " · "{Msg::Reference.t(lang)}" "{r.reference.clone()}
                        </p>
                        {(!r.services.is_empty()).then(|| view! { <p class="meta">{Msg::ServicesAffected.t(lang)}": "{r.services.join(", ")}</p> })}
                        {(r.commitments != CommitmentFilter::None).then(|| view! {
                            <p class="meta">{Msg::FilterCommitments.t(lang)}" "{commitments_tag(r.commitments, lang)}</p>
                        })}
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
                    Ok(d) => {
                        let zone = use_zone();
                        let path = format!("/incidents/{}", d.row.reference);
                        let summary: String = d.summary.get(lang).chars().take(200).collect();
                        view! {
                            <PageTitle text=d.row.headline.get(lang)/>
                            <PublicMeta title=d.row.headline.get(lang) description=summary path=path kind="article"
                                feed=format!("/feeds/operators/{}.atom", d.org_slug)/>
                            <p class="caption"><a href=format!("/operators/{}", d.org_slug)>{d.row.org.get(lang)}</a></p>
                            <h1>{d.row.headline.get(lang)}</h1>
                            <p class="pre-wrap">{d.summary.get(lang)}</p>
                            <dl class="summary-list">
                                <div class="summary-row"><dt>{Msg::Reference.t(lang)}</dt><dd>{d.row.reference.clone()}</dd></div>
                                <div class="summary-row"><dt>{Msg::Operator.t(lang)}</dt><dd><a href=format!("/operators/{}", d.org_slug)>{d.row.org.get(lang)}</a></dd></div>
                                <div class="summary-row"><dt>{Msg::ServicesAffected.t(lang)}</dt><dd>{d.services_affected.join(", ")}</dd></div>
                                <div class="summary-row"><dt>{Msg::Onset.t(lang)}</dt><dd>{crate::domain::case::MINISTRY_ZONE.official(d.row.onset_at, zone)}</dd></div>
                                <div class="summary-row"><dt>{Msg::Cause.t(lang)}</dt><dd>{crate::domain::report::content::display_value("cause_category", &d.cause_category, zone, lang)}</dd></div>
                                <div class="summary-row"><dt>{Msg::PublishedAt.t(lang)}</dt><dd>{crate::domain::case::MINISTRY_ZONE.official(d.row.published_at, zone)}</dd></div>
                            </dl>
                            {(!d.dependents.is_empty()).then(|| view! {
                                <section aria-labelledby="knock-on">
                                    <h2 id="knock-on">{Msg::KnockOnTitle.t(lang)}</h2>
                                    <p class="hint">{Msg::KnockOnHint.t(lang)}</p>
                                    <ul>{d.dependents.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                                </section>
                            })}
                            <crate::pages::public_case::PublicCase detail=d.clone()/>
                        }.into_any()
                    }
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
