//! Read-only displays shared by several pages.

use leptos::prelude::*;

use crate::api::FilingDetail;
use crate::domain::filing::{FilingStage, FilingStatus};
use crate::i18n::Msg;
use crate::ui::report_show::ContentSections;
use crate::ui::shell::{use_lang, use_zone};

/// Status shown as text in a tag, never by colour alone.
#[component]
pub fn StatusTag(status: FilingStatus) -> impl IntoView {
    let lang = use_lang();
    let (class, msg) = match status {
        FilingStatus::Submitted => ("tag tag-blue", Msg::StatusSubmitted),
        FilingStatus::Published => ("tag tag-green", Msg::StatusPublished),
    };
    view! { <strong class=class>{msg.t(lang)}</strong> }
}

/// An incident's status as a tag, the same words on both sides.
#[component]
pub fn IncidentStatusTag(status: crate::domain::filing::IncidentStatus) -> impl IntoView {
    use crate::domain::filing::IncidentStatus as S;
    let lang = use_lang();
    let (class, msg) = match status {
        S::NotYetFiled => ("tag tag-yellow", Msg::IncidentNotYetFiled),
        S::Reporting => ("tag tag-blue", Msg::IncidentReporting),
        S::FinalFiled => ("tag tag-blue", Msg::IncidentFinalFiled),
        S::Closed => ("tag tag-grey", Msg::IncidentClosed),
    };
    view! { <strong class=class>{msg.t(lang)}</strong> }
}

/// The name of a status.
pub fn status_msg(status: FilingStatus) -> Msg {
    match status {
        FilingStatus::Submitted => Msg::StatusSubmitted,
        FilingStatus::Published => Msg::StatusPublished,
    }
}

/// The name of a stage.
pub fn stage_msg(stage: FilingStage) -> Msg {
    match stage {
        FilingStage::Initial => Msg::StageInitial,
        FilingStage::Interim => Msg::StageInterim,
        FilingStage::Final => Msg::StageFinal,
    }
}

/// A filed version: who filed it and when, its hash, then its content section by section.
#[component]
pub fn FilingContent(filing: FilingDetail) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let row = |label: Msg, value: String| {
        view! {
            <div class="summary-row">
                <dt>{label.t(lang)}</dt>
                <dd class="pre-wrap">{value}</dd>
            </div>
        }
    };
    let signatory = match &filing.signatory_title {
        Some(t) if !t.is_empty() => format!("{} ({t})", filing.submitted_by),
        _ => filing.submitted_by.clone(),
    };
    view! {
        <h2>{Msg::FilingDetails.t(lang)}</h2>
        <dl class="summary-list">
            {row(Msg::Reference, filing.reference.clone())}
            {row(Msg::Operator, filing.org.get(lang))}
            {row(Msg::Stage, stage_msg(filing.stage).t(lang).to_string())}
            {row(Msg::SubmittedAt, format!("{} ({})", zone.display(filing.submitted_at), filing.submitted_at.display_utc()))}
            {row(Msg::Signatory, signatory)}
            {filing.drafted_by.clone().map(|d| row(Msg::Drafter, d))}
            {row(Msg::ContentHash, filing.content_sha256.clone())}
            {row(Msg::DocumentHash, filing.document_sha256.clone().unwrap_or_else(|| Msg::DocumentPending.t(lang).to_string()))}
        </dl>
        <ContentSections content=filing.content.clone()/>
    }
}
