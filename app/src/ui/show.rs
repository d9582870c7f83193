//! Read-only displays shared by several pages.

use leptos::prelude::*;

use crate::api::FilingDetail;
use crate::domain::filing::{FilingStage, FilingStatus};
use crate::i18n::Msg;
use crate::ui::shell::use_lang;

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

/// The name of a stage.
pub fn stage_msg(stage: FilingStage) -> Msg {
    match stage {
        FilingStage::Initial => Msg::StageInitial,
        FilingStage::Interim => Msg::StageInterim,
        FilingStage::Final => Msg::StageFinal,
    }
}

/// A filing's frozen content as a summary list.
#[component]
pub fn FilingContent(filing: FilingDetail) -> impl IntoView {
    let lang = use_lang();
    let c = filing.content;
    let row = |label: Msg, value: String| {
        view! {
            <div class="summary-row">
                <dt>{label.t(lang)}</dt>
                <dd class="pre-wrap">{value}</dd>
            </div>
        }
    };
    view! {
        <h2>{Msg::FilingContent.t(lang)}</h2>
        <dl class="summary-list">
            {row(Msg::Reference, filing.reference.clone())}
            {row(Msg::Operator, filing.org.get(lang))}
            {row(Msg::Stage, stage_msg(filing.stage).t(lang).to_string())}
            {row(Msg::SubmittedAt, format!("{} ({})", filing.submitted_at.display_kst(), filing.submitted_at.display_utc()))}
            {row(Msg::SubmittedBy, filing.submitted_by.clone())}
            {row(Msg::Title, c.title.clone())}
            {row(Msg::ServicesAffected, c.services_affected.join(", "))}
            {row(Msg::Onset, c.onset_at.display_kst())}
            {row(Msg::Detected, c.detected_at.display_kst())}
            {row(Msg::Description, c.description.clone())}
            {row(Msg::Cause, Msg::from(c.cause_category).t(lang).to_string())}
            {row(Msg::EmergencyMeasures, c.emergency_measures.clone())}
            {row(Msg::UsersAffected, c.users_affected.to_string())}
            {row(Msg::ContentHash, filing.content_sha256.clone())}
        </dl>
    }
}
