//! The ministry's case on an incident: one page with the filings, timeliness, per-duty
//! findings, requests, measures, publication, closure and history, plus a page per duty
//! finding and a page for the public summary.

mod duties;
mod measures;
mod requests;
mod summary;
mod wrap_up;

pub use duties::{AssessDutiesPage, DutyPage};
pub use summary::SummaryPage;
pub use wrap_up::CloseCasePage;

use crate::ui::raw_sinks::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{review_case, CaseView, FormEcho};
use crate::i18n::Msg;
use crate::ui::forms::{use_form_echo, ErrorSummary};
use crate::ui::layout::ReadError;
use crate::ui::shell::use_lang;

/// What a case section gets: the case and the echo of a rejected form, if any.
#[derive(Clone)]
pub(crate) struct Ctx {
    pub case: CaseView,
    pub echo: Option<FormEcho>,
}

impl Ctx {
    /// The value typed into `k` (after a rejected post), else `default`.
    pub fn value_or(&self, k: &str, default: &str) -> String {
        match &self.echo {
            Some(e) if e.values.contains_key(k) => e.value(k),
            _ => default.to_string(),
        }
    }
    pub fn value(&self, k: &str) -> String {
        self.value_or(k, "")
    }
    pub fn error(&self, k: &str) -> Option<crate::domain::validation::FieldError> {
        self.echo.as_ref().and_then(|e| e.errors.get(k))
    }
    /// A closed case shows no forms that would change it.
    pub fn is_open(&self) -> bool {
        self.case.correspondence.closed.is_none()
    }
    pub fn action(&self, tail: &str) -> String {
        format!("/review/incidents/{}{tail}", self.case.reference)
    }
}

/// Loads the case for `reference` and renders `body` with it.
pub(crate) fn with_case<V: IntoView + 'static>(body: fn(Ctx) -> V) -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let case = Resource::new(move || params.read().get("reference").unwrap_or_default(), review_case);
    let echo = use_form_echo();
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match case.await {
                    Ok(case) => body(Ctx { case, echo }).into_any(),
                    Err(e) => view! { <ReadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Saved" after a ministry post (`?saved=…`), kept in view while the page scrolls to the
/// section the post was about.
#[component]
pub fn SavedNotice() -> impl IntoView {
    let lang = use_lang();
    let saved = leptos_router::hooks::use_query_map().read_untracked().get("saved");
    saved.and_then(|s| crate::api::Saved::parse(&s)).map(|s| {
        view! { <div class="notice notice-sticky" role="status">{Msg::from(s).t(lang)}</div> }
    })
}

/// The case page's outline: every part with what is in it, kept in view beside the page on a
/// wide screen (a 35-duty case is long), a plain list above it on a narrow one.
fn outline(ctx: &Ctx) -> impl IntoView {
    use crate::domain::case::RequestState;
    use crate::domain::duties::Finding;
    let lang = use_lang();
    let c = &ctx.case;
    let overdue = c.clocks.iter().filter(|k| k.is_overdue()).count();
    let late = c.clocks.iter().filter(|k| matches!(k.state, crate::domain::deadlines::ClockState::Late { .. })).count();
    let assessed = c.duties.iter().filter(|d| d.finding != Finding::NotAssessed).count();
    let open_requests =
        c.correspondence.requests.iter().filter(|r| !matches!(r.state, RequestState::Closed { .. })).count();
    let measures = &c.correspondence.measures;
    let unsettled = measures.iter().flat_map(|m| m.items.iter()).filter(|i| !i.state.is_settled()).count();
    let parts: Vec<(&str, Msg, String, bool)> = vec![
        ("#filed", Msg::FiledVersions, Msg::OutlineFiled.fill(lang, &[("n", &c.filings.len())]), false),
        (
            "#clocks",
            Msg::TimelinessTitle,
            if overdue + late > 0 {
                Msg::OutlineClocks.fill(lang, &[("overdue", &overdue), ("late", &late)])
            } else {
                Msg::OutlineClocksOk.t(lang).to_string()
            },
            overdue + late > 0,
        ),
        (
            "#duties",
            Msg::DutiesTitle,
            Msg::OutlineDuties.fill(lang, &[("done", &assessed), ("total", &c.duties.len())]),
            assessed < c.duties.len(),
        ),
        ("#requests", Msg::RequestsTitle, Msg::OutlineRequests.fill(lang, &[("n", &open_requests)]), open_requests > 0),
        (
            "#measures",
            Msg::MeasuresTitle,
            Msg::OutlineMeasures.fill(lang, &[("n", &measures.len()), ("open", &unsettled)]),
            unsettled > 0,
        ),
        (
            "#publication",
            Msg::SummaryTitle,
            if c.published_at.is_some() { Msg::OutlinePublished } else { Msg::OutlineNotPublished }.t(lang).to_string(),
            c.published_at.is_none(),
        ),
        ("#evidence", Msg::EvidenceTitle, Msg::OutlineFiles.fill(lang, &[("n", &c.attachments.len())]), false),
        ("#close", Msg::CloseCaseTitle, String::new(), false),
        ("#history", Msg::HistoryTitle, Msg::OutlineHistory.fill(lang, &[("n", &c.history.len())]), false),
    ];
    let items = parts
        .into_iter()
        .map(|(href, title, count, attention)| {
            view! {
                <li><a href=href>{title.t(lang)}</a>
                    {(!count.is_empty()).then(|| view! { " "<span class="outline-count" class:outline-attention=attention>{count}</span> })}</li>
            }
        })
        .collect_view();
    view! {
        <nav class="case-outline" aria-labelledby="outline-title">
            <h2 id="outline-title" class="outline-title">{Msg::OutlineTitle.t(lang)}</h2>
            <ul>{items}</ul>
        </nav>
    }
}

#[component]
pub fn CasePage() -> impl IntoView {
    with_case(case_page)
}

fn case_page(ctx: Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = ctx.case.clone();
    let labels = vec![
        ("question", Msg::Question),
        ("due", Msg::AnswerDue),
        ("kind", Msg::MeasureKindLabel),
        ("deadline", Msg::MeasureDue),
        ("legal_basis", Msg::LegalBasis),
        ("content", Msg::MeasureContent),
        ("amount_krw", Msg::AmountKrw),
        ("items", Msg::MeasureItems),
        ("assignee", Msg::Assignee),
        ("reopen_reason", Msg::ReopenReason),
        // the forms repeated per request or item (`body_2`, `verdict_17`, `reason_17`)
        ("body", Msg::FollowUp),
        ("verdict", Msg::Verdict),
        ("reason", Msg::VerdictReason),
    ];
    let filings = c
        .filings
        .iter()
        .map(|f| {
            view! {
                <li><a href=format!("/review/filings/{}", f.reference)>{f.reference.clone()}</a>
                    " · "{crate::ui::show::stage_msg(f.stage).t(lang)}" · "{crate::ui::shell::use_zone().display(f.submitted_at)}</li>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=format!("{} · {}", c.reference, Msg::CaseTitle.t(lang))/>
        <ErrorSummary echo=ctx.echo.clone() labels=labels/>
        <p class="caption">{c.org.get(lang)}" · "{c.reference.clone()}</p>
        <h1>{c.title.clone()}</h1>
        <SavedNotice/>
        {wrap_up::status_line(&ctx)}
        <div class="case-layout">
            {outline(&ctx)}
            <div class="case-body">
                {ctx.is_open().then(|| wrap_up::assign_form(&ctx))}
                <h2 id="filed">{Msg::FiledVersions.t(lang)}</h2>
                <ul>{filings}</ul>
                <h2 id="clocks">{Msg::TimelinessTitle.t(lang)}</h2>
                <crate::ui::clocks::ClockTable clocks=c.clocks.clone()/>
                <h3 id="reportability">{Msg::ReportabilityTitle.t(lang)}</h3>
                <crate::ui::clocks::ReportabilityTable assessments=c.assessments.clone()/>
                <h3>{Msg::OutsideTitle.t(lang)}</h3>
                <crate::pages::outside::OutsideList records=c.outside.clone() clocks=c.clocks.clone()/>
                {duties::duty_table(&ctx)}
                {requests::requests_section(&ctx)}
                {measures::measures_section(&ctx)}
                {summary::publication_status(&ctx)}
                <crate::pages::review::ReviewEvidence incident=c.reference.clone() files=c.attachments.clone()/>
                {wrap_up::close_section(&ctx)}
                {wrap_up::history(&ctx)}
            </div>
        </div>
    }
}
