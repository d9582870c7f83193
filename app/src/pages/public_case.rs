//! The approved parts of a published summary (brief, section e): impact, timeline, cause,
//! user communication, findings by duty, measures with the progress of their items, the
//! redaction note and corrections. Everything here comes from approved, redacted data.

use leptos::prelude::*;

use crate::api::PublishedDetail;
use crate::domain::case::forms::SUMMARY_PARTS;
use crate::i18n::Msg;
use crate::ui::case::ItemTag;
use crate::ui::shell::{use_lang, use_zone};

#[component]
pub fn PublicCase(detail: PublishedDetail) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let sfx = lang.code();
    let parts = SUMMARY_PARTS
        .iter()
        .filter(|p| !matches!(p.key, "headline" | "summary"))
        .filter_map(|p| {
            let text = detail.parts.get(&format!("{}_{sfx}", p.key)).filter(|t| !t.trim().is_empty())?.clone();
            Some(view! { <h2>{lang.pick(p.label.0, p.label.1).to_string()}</h2><p class="pre-wrap">{text}</p> })
        })
        .collect_view();
    let findings = (!detail.findings.is_empty()).then(|| {
        let rows = detail
            .findings
            .iter()
            .map(|f| {
                let (ko, en) = f.finding.label();
                view! { <tr><td>{f.duty_id.clone()}</td><td>{f.title.get(lang)}</td><td>{lang.pick(ko, en).to_string()}</td></tr> }
            })
            .collect_view();
        view! {
            <h2>{Msg::PublicFindings.t(lang)}</h2>
            <crate::ui::table::DataTable caption=Msg::PublicFindings.t(lang)
                columns=vec![Msg::DutyId.into(), Msg::DutyTitle.into(), Msg::Finding.into()]>{rows}</crate::ui::table::DataTable>
        }
    });
    let measures = (!detail.measures.is_empty()).then(|| {
        let list = detail
            .measures
            .iter()
            .map(|m| {
                let (ko, en) = m.kind.label();
                let items = m
                    .items
                    .iter()
                    .map(|(text, state)| view! { <li>{text.clone()}" "<ItemTag state=*state/></li> })
                    .collect_view();
                view! {
                    <h3>{lang.pick(ko, en).to_string()}" · "{m.legal_basis.clone()}</h3>
                    <p class="pre-wrap">{m.content.clone()}</p>
                    <p>{Msg::MeasureDue.t(lang)}": "{crate::domain::case::MINISTRY_ZONE.official(m.due, zone)}</p>
                    <ul>{items}</ul>
                }
            })
            .collect_view();
        view! { <h2>{Msg::PublicMeasures.t(lang)}</h2>{list} }
    });
    let corrections = (!detail.corrections.is_empty()).then(|| {
        let list = detail
            .corrections
            .iter()
            .map(|c| view! { <li>{Msg::CorrectedOn.t(lang)}" "{zone.display(c.at)}": "{c.reason.get(lang)}</li> })
            .collect_view();
        view! { <h2>{Msg::PublicCorrections.t(lang)}</h2><ul>{list}</ul> }
    });
    view! { {parts}{findings}{measures}{corrections} }
}
