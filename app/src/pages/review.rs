//! The ministry's side: the queue and publishing a public summary.

use crate::ui::raw_sinks::PageTitle;
use crate::ui::table::DataTable;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{review_filing, review_queue, QueuePage as Queue_};
use crate::domain::filing::FilingStage;
use crate::domain::filing::FilingStatus;
use crate::domain::queue::AssigneeFilter;
use crate::domain::queue::QueueQuery;
use crate::domain::report::options::{REGIMES, SEVERITY};
use crate::i18n::Msg;
use crate::ui::layout::ReadError;
use crate::ui::shell::use_lang;
use crate::ui::show::{stage_msg, status_msg};
use crate::ui::show::{FilingContent, IncidentStatusTag, StatusTag};

#[component]
pub fn QueuePage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let asked = move || {
        let q = query.read();
        let keys = [
            "stage", "status", "org", "regime", "severity", "overdue", "assignee", "new", "order", "after", "per_page",
        ];
        let pairs: Vec<(String, String)> = keys.iter().filter_map(|k| q.get(k).map(|v| (k.to_string(), v))).collect();
        QueueQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    };
    let page = Resource::new(asked, review_queue);
    view! {
        <PageTitle text=Msg::ReviewQueueTitle.t(lang)/>
        <h1>{Msg::ReviewQueueTitle.t(lang)}</h1>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <Queue page=p asked=asked()/> }.into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Filters (a GET form, so links can be shared), the page of filings, and the next-page link.
#[component]
fn Queue(page: Queue_, asked: QueueQuery) -> impl IntoView {
    let lang = use_lang();
    // `none` names the choice of not filtering (or the default order)
    let select_with = |name: &'static str, label: Msg, chosen: String, options: Vec<(String, String)>, none: Msg| {
        let opts = options
            .into_iter()
            .map(|(v, text)| {
                let selected = v == chosen;
                view! { <option value=v selected=selected>{text}</option> }
            })
            .collect_view();
        view! {
            <div class="field">
                <label for=name>{label.t(lang)}</label>
                <select id=name name=name><option value="">{none.t(lang)}</option>{opts}</select>
            </div>
        }
    };
    let select = move |name, label, chosen, options| select_with(name, label, chosen, options, Msg::All);
    let stages = [FilingStage::Initial, FilingStage::Interim, FilingStage::Final]
        .into_iter()
        .map(|s| (s.as_str().to_string(), stage_msg(s).t(lang).to_string()))
        .collect();
    let statuses = [FilingStatus::Submitted, FilingStatus::Published]
        .into_iter()
        .map(|s| (s.as_str().to_string(), status_msg(s).t(lang).to_string()))
        .collect();
    let orgs = page.orgs.iter().map(|(slug, names)| (slug.clone(), names.get(lang))).collect();
    let opts = |list: &[crate::domain::report::schema::Opt]| {
        list.iter().map(|o| (o.code.to_string(), lang.pick(o.label.0, o.label.1).to_string())).collect::<Vec<_>>()
    };
    let mut assignees = vec![("me".to_string(), Msg::AssignedToMe.t(lang).to_string())];
    assignees.push(("none".to_string(), Msg::Unassigned.t(lang).to_string()));
    assignees.extend(page.reviewers.iter().map(|(id, name)| (id.to_string(), name.clone())));
    let assignee = match &asked.assignee {
        Some(AssigneeFilter::Me) => "me".to_string(),
        Some(AssigneeFilter::Nobody) => "none".to_string(),
        Some(AssigneeFilter::User(id)) => id.to_string(),
        None => String::new(),
    };
    let yes = |on: bool| if on { "yes".to_string() } else { String::new() };
    let order = vec![("oldest".to_string(), Msg::OldestFirst.t(lang).to_string())];
    let rows = page.rows.clone();
    view! {
        <form method="get" action="/review" class="filters">
            {select("stage", Msg::Stage, asked.stage.map(|s| s.as_str().to_string()).unwrap_or_default(), stages)}
            {select("status", Msg::PublicationFilter, asked.status.map(|s| s.as_str().to_string()).unwrap_or_default(), statuses)}
            {select("org", Msg::Operator, asked.org.clone().unwrap_or_default(), orgs)}
            {select("regime", Msg::Regime, asked.regime.clone().unwrap_or_default(), opts(REGIMES))}
            {select("severity", Msg::Severity, asked.severity.clone().unwrap_or_default(), opts(SEVERITY))}
            {select("assignee", Msg::Assignee, assignee, assignees)}
            {select("overdue", Msg::OverdueFilter, yes(asked.overdue), vec![("yes".into(), Msg::OnlyOverdue.t(lang).into())])}
            {select("new", Msg::NewFilter, yes(asked.new_only), vec![("yes".into(), Msg::OnlyNew.t(lang).into())])}
            {select_with("order", Msg::Order, if asked.oldest_first { "oldest".into() } else { String::new() }, order, Msg::NewestFirst)}
            <button type="submit" class="button button-secondary">{Msg::Apply.t(lang)}</button>
        </form>
        {if rows.is_empty() {
            view! { <p>{Msg::QueueEmpty.t(lang)}</p> }.into_any()
        } else {
            view! { <QueueTable rows=rows/> }.into_any()
        }}
        {page.next.map(|q| view! { <p><a href=format!("/review?{q}") rel="next">{Msg::NextPage.t(lang)}</a></p> })}
    }
}

#[component]
pub fn ReviewFilingPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let filing = Resource::new(move || params.read().get("reference").unwrap_or_default(), review_filing);
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let f = match filing.await {
                    Ok(f) => f,
                    Err(e) => return view! { <ReadError error=e/> }.into_any(),
                };
                let pdf = format!("/review/filings/{}/pdf", f.reference);
                let case = format!("/review/incidents/{}", f.incident_reference);
                view! {
                    <PageTitle text=f.reference.clone()/>
                    <p class="caption">{f.org.get(lang)}</p>
                    <h1>{f.content.get("title").to_string()}</h1>
                    <p><StatusTag status=f.status/></p>
                    <p><a href=case class="button">{Msg::OpenCase.t(lang)}</a></p>
                    <p><a href=pdf rel="external" download>{Msg::DownloadPdf.t(lang)}</a></p>
                    <h2>{Msg::TimelinessTitle.t(lang)}</h2>
                    <crate::ui::clocks::ClockTable clocks=f.clocks.clone()/>
                    <FilingContent filing=f.clone()/>
                    <ReviewEvidence incident=f.incident_reference.clone() files=f.attachments.clone()/>
                }.into_any()
            })}
        </Suspense>
    }
}

/// The queue: each filing with its case, crisis level, assignee and what needs attention.
#[component]
fn QueueTable(rows: Vec<crate::api::FilingRow>) -> impl IntoView {
    let lang = use_lang();
    let body = rows
        .into_iter()
        .map(|r| {
            let t = r.triage.clone().unwrap_or_default();
            let severity = crate::domain::report::content::display_value("severity", &t.severity, crate::ui::shell::use_zone(), lang);
            view! {
                <tr>
                    <td class="stack-head"><a href=format!("/review/filings/{}", r.reference)>{r.reference.clone()}</a></td>
                    <td data-label=Msg::CaseTitle.t(lang)><a href=format!("/review/incidents/{}", r.incident_reference)>{Msg::OpenCase.t(lang)}</a></td>
                    <td data-label=Msg::Operator.t(lang)>{r.org.get(lang)}</td>
                    <td data-label=Msg::Title.t(lang)>{r.title.clone()}</td>
                    <td data-label=Msg::Stage.t(lang)>{stage_msg(r.stage).t(lang)}
                        {(t.versions > 1).then(|| view! { <br/><span class="hint">{Msg::VersionsCount.fill(lang, &[("n", &t.versions)])}</span> })}</td>
                    <td data-label=Msg::Severity.t(lang)>{severity}</td>
                    <td data-label=Msg::SubmittedAt.t(lang)><span class="date">{crate::ui::shell::use_zone().display(r.submitted_at)}</span></td>
                    <td data-label=Msg::Assignee.t(lang)>{t.assignee.clone().unwrap_or_else(|| Msg::Unassigned.t(lang).to_string())}</td>
                    <td data-label=Msg::Status.t(lang)>
                        <IncidentStatusTag status=t.incident_status/>
                        {(r.status == FilingStatus::Published).then(|| view! { " "<StatusTag status=r.status/> })}
                        {t.new_since_visit.then(|| view! { " "<strong class="tag tag-yellow">{Msg::NewSinceVisit.t(lang)}</strong> })}
                        {t.overdue.then(|| view! { " "<strong class="tag tag-red">{Msg::CaseOverdue.t(lang)}</strong> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=Msg::ReviewQueueTitle.t(lang) stack=true columns=vec![
            Msg::Reference.into(), Msg::CaseTitle.into(), Msg::Operator.into(), Msg::Title.into(), Msg::Stage.into(),
            Msg::Severity.into(), Msg::SubmittedAt.into(), Msg::Assignee.into(), Msg::Status.into(),
        ]>{body}</DataTable>
    }
}

/// The incident's evidence files, downloadable by the ministry.
#[component]
pub fn ReviewEvidence(incident: String, files: Vec<crate::api::AttachmentRow>) -> impl IntoView {
    let lang = crate::ui::shell::use_lang();
    let zone = crate::ui::shell::use_zone();
    let rows = files
        .iter()
        .map(|a| {
            view! {
                <li>
                    <a href=format!("/review/incidents/{incident}/attachments/{}", a.id) rel="external" download>{a.file_name.clone()}</a>
                    " · "{a.description.clone()}" · "{a.uploaded_by.clone()}" · "{zone.display(a.uploaded_at)}
                    <br/><code class="hint">{a.sha256.clone()}</code>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 id="evidence">{Msg::EvidenceTitle.t(lang)}</h2>
        {if files.is_empty() {
            view! { <p>{Msg::NoAttachments.t(lang)}</p> }.into_any()
        } else {
            view! { <ul class="plain-list">{rows}</ul> }.into_any()
        }}
    }
}
