//! The ministry's case on an incident: one page with the filings, timeliness, per-duty
//! findings, requests, measures, publication, closure and history, plus a page per duty
//! finding and a page for the public summary.

mod duties;
mod measures;
mod requests;
mod summary;
mod wrap_up;

pub use duties::DutyPage;
pub use summary::SummaryPage;

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
        ("close_note", Msg::CloseNote),
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
                    " · "{crate::ui::show::stage_msg(f.stage).t(lang)}" · "{f.submitted_at.display_kst()}</li>
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
        <nav aria-label=Msg::CaseSections.t(lang)>
            <ul class="inline-list">
                <li><a href="#duties">{Msg::DutiesTitle.t(lang)}</a></li>
                <li><a href="#requests">{Msg::RequestsTitle.t(lang)}</a></li>
                <li><a href="#measures">{Msg::MeasuresTitle.t(lang)}</a></li>
                <li><a href=ctx.action("/summary")>{Msg::SummaryTitle.t(lang)}</a></li>
                <li><a href="#history">{Msg::HistoryTitle.t(lang)}</a></li>
            </ul>
        </nav>
        {ctx.is_open().then(|| wrap_up::assign_form(&ctx))}
        <h2>{Msg::FiledVersions.t(lang)}</h2>
        <ul>{filings}</ul>
        <h2>{Msg::TimelinessTitle.t(lang)}</h2>
        <crate::ui::clocks::ClockTable clocks=c.clocks.clone()/>
        {duties::duty_table(&ctx)}
        {requests::requests_section(&ctx)}
        {measures::measures_section(&ctx)}
        {summary::publication_status(&ctx)}
        <crate::pages::review::ReviewEvidence incident=c.reference.clone() files=c.attachments.clone()/>
        {wrap_up::close_section(&ctx)}
        {wrap_up::history(&ctx)}
    }
}
