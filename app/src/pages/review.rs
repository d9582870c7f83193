//! The ministry's side: the queue and publishing a public summary.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{review_filing, review_queue, QueuePage as Queue_};
use crate::domain::filing::FilingStage;
use crate::domain::filing::FilingStatus;
use crate::domain::queue::QueueQuery;
use crate::i18n::Msg;
use crate::pages::filing::FilingTable;
use crate::ui::forms::{use_form_echo, Control, CsrfField, ErrorSummary, Field};
use crate::ui::layout::ReadError;
use crate::ui::shell::use_lang;
use crate::ui::show::{stage_msg, status_msg};
use crate::ui::show::{FilingContent, StatusTag};

#[component]
pub fn QueuePage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let asked = move || {
        let q = query.read();
        let pairs: Vec<(String, String)> = ["stage", "status", "org", "order", "after", "per_page"]
            .iter()
            .filter_map(|k| q.get(k).map(|v| (k.to_string(), v)))
            .collect();
        QueueQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    };
    let page = Resource::new(asked, review_queue);
    view! {
        <Title text=Msg::ReviewQueueTitle.t(lang)/>
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
    let select = |name: &'static str, label: Msg, chosen: String, options: Vec<(String, String)>| {
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
                <select id=name name=name><option value="">{Msg::All.t(lang)}</option>{opts}</select>
            </div>
        }
    };
    let stages = [FilingStage::Initial, FilingStage::Interim, FilingStage::Final]
        .into_iter()
        .map(|s| (s.as_str().to_string(), stage_msg(s).t(lang).to_string()))
        .collect();
    let statuses = [FilingStatus::Submitted, FilingStatus::Published]
        .into_iter()
        .map(|s| (s.as_str().to_string(), status_msg(s).t(lang).to_string()))
        .collect();
    let orgs = page.orgs.iter().map(|(slug, names)| (slug.clone(), names.get(lang))).collect();
    let order = vec![("newest".to_string(), Msg::NewestFirst.t(lang).to_string())];
    let rows = page.rows.clone();
    view! {
        <form method="get" action="/review" class="filters">
            {select("stage", Msg::Stage, asked.stage.map(|s| s.as_str().to_string()).unwrap_or_default(), stages)}
            {select("status", Msg::Status, asked.status.map(|s| s.as_str().to_string()).unwrap_or_default(), statuses)}
            {select("org", Msg::Operator, asked.org.clone().unwrap_or_default(), orgs)}
            {select("order", Msg::Order, if asked.newest_first { "newest".into() } else { String::new() }, order)}
            <button type="submit" class="button button-secondary">{Msg::Apply.t(lang)}</button>
        </form>
        {if rows.is_empty() {
            view! { <p>{Msg::QueueEmpty.t(lang)}</p> }.into_any()
        } else {
            view! { <FilingTable rows=rows base="/review/filings"/> }.into_any()
        }}
        {page.next.map(|q| view! { <p><a href=format!("/review?{q}") rel="next">{Msg::NextPage.t(lang)}</a></p> })}
    }
}

#[component]
pub fn ReviewFilingPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let filing = Resource::new(move || params.read().get("reference").unwrap_or_default(), review_filing);
    let echo = use_form_echo();
    let labels = vec![
        ("headline_ko", Msg::HeadlineKo),
        ("headline_en", Msg::HeadlineEn),
        ("summary_ko", Msg::SummaryKo),
        ("summary_en", Msg::SummaryEn),
    ];
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || {
                let labels = labels.clone();
                Suspend::new(async move {
                    let echo = echo.await;
                    let f = match filing.await {
                        Ok(f) => f,
                        Err(e) => return view! { <ReadError error=e/> }.into_any(),
                    };
                    let v = |k: &str| echo.as_ref().map(|e| e.value(k)).unwrap_or_default();
                    let err = |k: &str| echo.as_ref().and_then(|e| e.errors.get(k));
                    let action = format!("/review/filings/{}", f.reference);
                    let pdf = format!("/review/filings/{}/pdf", f.reference);
                    let public = format!("/incidents/{}", f.incident_reference);
                    let publishable = f.status.can_publish();
                    view! {
                        <Title text=f.reference.clone()/>
                        <ErrorSummary echo=echo.clone() labels=labels/>
                        <p class="caption">{f.org.get(lang)}</p>
                        <h1>{f.content.get("title").to_string()}</h1>
                        <p><StatusTag status=f.status/></p>
                        <p><a href=pdf rel="external" download>{Msg::DownloadPdf.t(lang)}</a></p>
                        <h2>{Msg::TimelinessTitle.t(lang)}</h2>
                        <crate::ui::clocks::ClockTable clocks=f.clocks.clone()/>
                        <FilingContent filing=f.clone()/>
                        <ReviewEvidence incident=f.incident_reference.clone() files=f.attachments.clone()/>
                        {publishable.then(|| view! {
                            <h2>{Msg::PublishTitle.t(lang)}</h2>
                            <p class="hint">{Msg::PublishIntro.t(lang)}</p>
                            <form method="post" action=action novalidate>
                                <CsrfField/>
                                <Field name="headline_ko" label=Msg::HeadlineKo value=v("headline_ko") error=err("headline_ko")/>
                                <Field name="headline_en" label=Msg::HeadlineEn value=v("headline_en") error=err("headline_en")/>
                                <Field name="summary_ko" label=Msg::SummaryKo control=Control::TextArea value=v("summary_ko") error=err("summary_ko")/>
                                <Field name="summary_en" label=Msg::SummaryEn control=Control::TextArea value=v("summary_en") error=err("summary_en")/>
                                <button type="submit" class="button">{Msg::Publish.t(lang)}</button>
                            </form>
                        })}
                        {(f.status == FilingStatus::Published).then(|| view! {
                            <p><a href=public.clone()>{Msg::ViewPublic.t(lang)}</a></p>
                        })}
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

/// The incident's evidence files, downloadable by the ministry.
#[component]
fn ReviewEvidence(incident: String, files: Vec<crate::api::AttachmentRow>) -> impl IntoView {
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
        <h2>{Msg::EvidenceTitle.t(lang)}</h2>
        {if files.is_empty() {
            view! { <p>{Msg::NoAttachments.t(lang)}</p> }.into_any()
        } else {
            view! { <ul class="plain-list">{rows}</ul> }.into_any()
        }}
    }
}
