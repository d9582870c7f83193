//! Displays of the ministry's requests and measures, shared by the ministry's case page and
//! the operator's incident page (each adds its own forms).

use leptos::prelude::*;

use crate::api::{ItemView, MeasureView, RequestView, Stamp};
use crate::domain::case::{ItemState, RequestState, MINISTRY_ZONE};
use crate::domain::numbers::grouped;
use crate::i18n::Msg;
use crate::ui::shell::{use_lang, use_zone};

/// "name, time" of a stamp.
#[component]
pub fn StampText(stamp: Stamp) -> impl IntoView {
    let zone = use_zone();
    view! { {stamp.by}", "{zone.display(stamp.at)} }
}

/// A request's state as a tag with text (never colour alone).
#[component]
pub fn RequestTag(state: RequestState) -> impl IntoView {
    let lang = use_lang();
    let (class, text) = match state {
        RequestState::Awaiting => ("tag tag-blue", Msg::RequestAwaiting.t(lang).to_string()),
        RequestState::Overdue { minutes } => {
            ("tag tag-red", format!("{} {}", Msg::RequestOverdue.t(lang), crate::ui::clocks::span_text(minutes, lang)))
        }
        RequestState::Answered { late } => ("tag tag-green", answered_text(Msg::RequestAnswered, late, lang)),
        RequestState::Closed { late } => ("tag tag-grey", answered_text(Msg::RequestClosed, late, lang)),
    };
    view! { <strong class=class>{text}</strong> }
}

fn answered_text(m: Msg, late: bool, lang: crate::i18n::Lang) -> String {
    if late {
        format!("{} ({})", m.t(lang), Msg::AnsweredLate.t(lang))
    } else {
        m.t(lang).to_string()
    }
}

/// The name of an item's state.
pub fn item_msg(state: ItemState) -> Msg {
    match state {
        ItemState::Required => Msg::ItemRequired,
        ItemState::Done => Msg::ItemDone,
        ItemState::Accepted => Msg::ItemAccepted,
        ItemState::Rejected => Msg::ItemRejected,
        ItemState::Waived => Msg::ItemWaived,
    }
}

/// An item's state as a tag.
#[component]
pub fn ItemTag(state: ItemState) -> impl IntoView {
    let lang = use_lang();
    let class = match state {
        ItemState::Required => "tag tag-blue",
        ItemState::Done => "tag tag-yellow",
        ItemState::Accepted => "tag tag-green",
        ItemState::Rejected => "tag tag-red",
        ItemState::Waived => "tag tag-grey",
    };
    view! { <strong class=class>{item_msg(state).t(lang)}</strong> }
}

/// The question, its due date and the thread. `files` is where attachments download from.
#[component]
pub fn Thread(request: RequestView, files: String) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let messages = request
        .messages
        .into_iter()
        .map(|m| {
            let who = if m.from_ministry { Msg::FromMinistry } else { Msg::FromOperator };
            let file = m.attachment.map(|a| {
                view! {
                    <p><a href=format!("{files}/{}", a.id) rel="external" download>{a.file_name}</a>
                    " · "<code class="hint">{a.sha256}</code></p>
                }
            });
            view! {
                <li class="thread-message">
                    <p class="caption">{who.t(lang)}" · "<StampText stamp=m.stamp/></p>
                    <p class="pre-wrap">{m.body}</p>
                    {file}
                </li>
            }
        })
        .collect_view();
    view! {
        <h3 id=format!("request-{}", request.number)>
            {format!("{} {}", Msg::RequestNumber.t(lang), request.number)}" "<RequestTag state=request.state/>
        </h3>
        <p class="caption">{Msg::AskedBy.t(lang)}" "<StampText stamp=request.asked/>" · "
            {Msg::AboutFiling.t(lang)}" "{request.filing}</p>
        <p class="pre-wrap">{request.question}</p>
        <p><strong>{Msg::AnswerDue.t(lang)}</strong>" "{MINISTRY_ZONE.official(request.due, zone)}</p>
        <ol class="thread">{messages}</ol>
    }
}

/// A measure's heading and terms (kind, basis, content, due date, amount, who issued it and
/// whether the operator has acknowledged it).
#[component]
pub fn MeasureTerms(measure: MeasureView, #[prop(into)] pdf: String) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let (ko, en) = measure.kind.label();
    view! {
        <h3 id=format!("measure-{}", measure.number)>
            {format!("{} {}: {}", Msg::MeasureNumber.t(lang), measure.number, lang.pick(ko, en))}
        </h3>
        <p><a href=format!("{pdf}/{}/pdf", measure.number) rel="external" download>{Msg::DecisionPdf.t(lang)}</a></p>
        <dl class="summary-list">
            <div class="summary-row"><dt>{Msg::LegalBasis.t(lang)}</dt><dd>{measure.legal_basis}</dd></div>
            <div class="summary-row"><dt>{Msg::MeasureContent.t(lang)}</dt><dd class="pre-wrap">{measure.content}</dd></div>
            <div class="summary-row"><dt>{Msg::MeasureDue.t(lang)}</dt><dd>{MINISTRY_ZONE.official(measure.due, zone)}</dd></div>
            {measure.amount_krw.map(|a| view! {
                <div class="summary-row"><dt>{Msg::AmountKrw.t(lang)}</dt><dd>{format!("{} {}", grouped(a.unsigned_abs()), Msg::Won.t(lang))}</dd></div>
            })}
            <div class="summary-row"><dt>{Msg::IssuedBy.t(lang)}</dt><dd><StampText stamp=measure.issued/></dd></div>
            <div class="summary-row"><dt>{Msg::Acknowledged.t(lang)}</dt><dd>{match measure.acknowledged {
                Some(s) => view! { <StampText stamp=s/> }.into_any(),
                None => view! { <strong class="tag tag-yellow">{Msg::NotAcknowledged.t(lang)}</strong> }.into_any(),
            }}</dd></div>
        </dl>
    }
}

/// One item's text, state, the operator's note and the ministry's verdict.
#[component]
pub fn ItemSummary(item: ItemView) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p id=format!("item-{}", item.id)><strong>{format!("{}. {}", item.number, item.text)}</strong>" "<ItemTag state=item.state/></p>
        {item.done.map(|s| view! {
            <p class="caption">{Msg::ReportedDone.t(lang)}" "<StampText stamp=s/></p>
            <p class="pre-wrap">{item.operator_note.clone()}</p>
        })}
        {item.verified.map(|s| view! {
            <p class="caption">{Msg::VerifiedBy.t(lang)}" "<StampText stamp=s/></p>
            {(!item.verdict_reason.is_empty()).then(|| view! { <p class="pre-wrap">{item.verdict_reason.clone()}</p> })}
        })}
    }
}
