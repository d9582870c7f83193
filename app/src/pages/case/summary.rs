//! The public summary: its state on the case page, and the page where it is drafted with
//! redaction marks, previewed as the public will read it, sent for approval and approved
//! by a second reviewer (a review lead who did not draft it).

use crate::ui::raw_sinks::PageTitle;
use leptos::prelude::*;

use super::{with_case, Ctx};
use crate::domain::case::forms::{redacted, SUMMARY_PARTS};
use crate::domain::case::may_approve;
use crate::i18n::{Lang, Msg};
use crate::ui::case::StampText;
use crate::ui::case_fields::{NamedControl, NamedField};
use crate::ui::forms::{CsrfField, ErrorSummary};
use crate::ui::shell::{use_lang, use_zone};

/// Where the summary stands, with a link to its page.
pub(super) fn publication_status(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let c = &ctx.case;
    let state = match (&c.summary_draft, c.published_at) {
        (Some(d), _) if d.submitted_at.is_some() => Msg::SummaryAwaitingApproval.t(lang).to_string(),
        (Some(_), _) => Msg::SummaryDrafting.t(lang).to_string(),
        (None, Some(at)) => format!("{} {}", Msg::SummaryPublishedAt.t(lang), zone.display(at)),
        (None, None) => Msg::SummaryNotStarted.t(lang).to_string(),
    };
    view! {
        <section class="case-block" aria-labelledby="publication">
            <h2 id="publication">{Msg::SummaryTitle.t(lang)}</h2>
            <p>{state}</p>
            <p><a href=ctx.action("/summary")>{Msg::OpenSummary.t(lang)}</a>
            {c.published_at.map(|_| view! { " · "<a href=format!("/incidents/{}", c.reference)>{Msg::ViewPublic.t(lang)}</a> })}</p>
        </section>
    }
}

#[component]
pub fn SummaryPage() -> impl IntoView {
    with_case(summary_page)
}

fn part_label(key: &str, lang: Lang) -> String {
    let (base, sfx) = key.rsplit_once('_').unwrap_or((key, ""));
    let label = SUMMARY_PARTS.iter().find(|p| p.key == base).map(|p| lang.pick(p.label.0, p.label.1)).unwrap_or(base);
    let language = if sfx == "ko" { Msg::InKorean } else { Msg::InEnglish };
    format!("{label} ({})", language.t(lang))
}

/// Every part of the summary form with its label, for the error summary.
fn part_labels(lang: Lang) -> Vec<(String, String)> {
    crate::domain::case::forms::summary_fields()
        .into_iter()
        .map(|k| {
            let label = part_label(&k, lang);
            (k, label)
        })
        .collect()
}

fn summary_page(ctx: Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = ctx.case.clone();
    let correcting = c.published_at.is_some();
    let start = c.summary_draft.as_ref().map(|d| d.values.clone()).unwrap_or_else(|| c.summary_prefill.clone());
    let fields = SUMMARY_PARTS
        .iter()
        .flat_map(|p| [(p, "ko"), (p, "en")])
        .map(|(p, sfx)| {
            let k = format!("{}_{sfx}", p.key);
            let control = if p.one_line { NamedControl::Text } else { NamedControl::TextArea };
            let v = ctx.value_or(&k, start.get(&k).map(String::as_str).unwrap_or(""));
            view! { <NamedField name=k.clone() label=part_label(&k, lang) control=control value=v error=ctx.error(&k)/> }
        })
        .collect_view();
    let reasons = correcting.then(|| {
        ["reason_ko", "reason_en"]
            .into_iter()
            .map(|k| {
                let m = if k == "reason_ko" { Msg::CorrectionReasonKo } else { Msg::CorrectionReasonEn };
                view! { <NamedField name=k.to_string() label=m.t(lang).to_string() control=NamedControl::TextArea
                value=ctx.value_or(k, start.get(k).map(String::as_str).unwrap_or("")) error=ctx.error(k) rows=2/> }
            })
            .collect_view()
    });
    let revision = c.summary_draft.as_ref().map_or(0, |d| d.revision).to_string();
    let labels: Vec<(&'static str, Msg)> =
        vec![("reason_ko", Msg::CorrectionReasonKo), ("reason_en", Msg::CorrectionReasonEn)];
    view! {
        <PageTitle text=format!("{} · {}", Msg::SummaryTitle.t(lang), c.reference)/>
        <ErrorSummary echo=ctx.echo.clone() labels=labels named=part_labels(lang)/>
        <p class="caption">{c.reference.clone()}" · "{c.title.clone()}</p>
        <h1>{if correcting { Msg::CorrectSummaryTitle.t(lang) } else { Msg::SummaryTitle.t(lang) }}</h1>
        <super::SavedNotice/>
        {draft_state(&ctx)}
        <p class="hint">{Msg::RedactionHowTo.t(lang)}</p>
        <form method="post" action=ctx.action("/summary") novalidate>
            <CsrfField/>
            <input type="hidden" name="revision" value=revision/>
            {fields}
            {reasons}
            <div class="button-group">
                <button type="submit" name="action" value="save" class="button button-secondary">{Msg::SaveDraft.t(lang)}</button>
                <button type="submit" name="action" value="submit" class="button">{Msg::SendForApproval.t(lang)}</button>
                <a href=ctx.action("#publication")>{Msg::BackToCase.t(lang)}</a>
            </div>
        </form>
        {preview(&ctx)}
    }
}

/// Who drafted it, whether it waits for approval, and the approve button for a lead who
/// did not draft it.
fn draft_state(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let c = &ctx.case;
    let d = c.summary_draft.clone()?;
    let submitted = d.submitted_at.is_some();
    let approvable = may_approve(c.is_lead, c.me, d.drafted_by_id, submitted).is_ok();
    let note = match (submitted, c.me == d.drafted_by_id) {
        (true, true) => Msg::WaitingForOtherLead,
        (true, false) if !c.is_lead => Msg::WaitingForLead,
        (true, false) => Msg::YouMayApprove,
        (false, _) => Msg::NotYetSentForApproval,
    };
    Some(view! {
        <div class="item-card">
            <p>{Msg::DraftedBy.t(lang)}" "<StampText stamp=d.drafted.clone()/></p>
            <p><strong>{note.t(lang)}</strong></p>
            {approvable.then(|| view! {
                <form method="post" action=ctx.action("/summary/approve")>
                    <CsrfField/>
                    <details class="confirm-box">
                        <summary class="button">{Msg::ApproveStart.t(lang)}</summary>
                        <p>{Msg::ApproveConfirm.t(lang)}</p>
                        <button type="submit" class="button button-warning">{Msg::ApproveAndPublish.t(lang)}</button>
                    </details>
                </form>
            })}
        </div>
    })
}

/// The saved draft as the public would read it, withheld passages replaced.
fn preview(ctx: &Ctx) -> impl IntoView {
    let lang = use_lang();
    let d = ctx.case.summary_draft.clone()?;
    let public = redacted(&d.values);
    let sfx = lang.code();
    let parts = SUMMARY_PARTS
        .iter()
        .filter_map(|p| {
            let text = public.get(&format!("{}_{sfx}", p.key)).filter(|t| !t.is_empty())?.clone();
            Some(view! { <h3>{lang.pick(p.label.0, p.label.1).to_string()}</h3><p class="pre-wrap">{text}</p> })
        })
        .collect_view();
    Some(view! {
        <section class="case-block" aria-labelledby="preview">
            <h2 id="preview">{Msg::PublicPreview.t(lang)}</h2>
            {parts}
        </section>
    })
}
