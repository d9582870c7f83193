//! Submissions made outside Outage Desk on the operator's incident page: the records, a
//! signatory's sign-off (a second, deliberate click), and the form an officer records one
//! with. The ministry's case page shows the same records read-only ([`OutsideList`]).

use leptos::prelude::*;

use crate::api::{FormEcho, IncidentView, OutsideView};
use crate::domain::deadlines::Clock;
use crate::domain::outside::{clock_key, Channel};
use crate::i18n::{Lang, Msg};
use crate::ui::case::StampText;
use crate::ui::case_fields::{NamedControl, NamedField};
use crate::ui::clocks::{duty_label, regime_name};
use crate::ui::forms::{ConfirmedPost, CsrfField};
use crate::ui::shell::{use_lang, use_zone};

fn channel_text(c: Channel, lang: Lang) -> String {
    let (ko, en) = c.label();
    lang.pick(ko, en).to_string()
}

/// The records, each with its clock, when and how the regulator was told, and who recorded
/// and signed it off (or withdrew it).
#[component]
pub fn OutsideList(
    records: Vec<OutsideView>,
    clocks: Vec<Clock>,
    /// The incident's address when the reader may sign records off.
    #[prop(default = None)]
    sign: Option<String>,
    /// The incident's address when the reader may withdraw records not yet signed off.
    #[prop(default = None)]
    withdraw: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    if records.is_empty() {
        return view! { <p>{Msg::OutsideNone.t(lang)}</p> }.into_any();
    }
    let items = records
        .into_iter()
        .map(|r| {
            let clock = clocks.iter().find(|c| c.regime == r.regime && c.duty == r.duty);
            let duty = clock.map_or_else(|| r.duty.as_str().to_string(), |c| duty_label(c, lang));
            let official = crate::domain::zone::UserZone::of_regulator(&r.regime);
            let state = match (r.signed_off.clone(), r.withdrawn.clone()) {
                (_, Some(w)) => view! { <strong class="tag tag-grey">{Msg::OutsideWithdrawn.t(lang)}</strong>" "<StampText stamp=w/> }.into_any(),
                (Some(s), None) => view! { <strong class="tag tag-green">{Msg::OutsideSignedOff.t(lang)}</strong>" "<StampText stamp=s/> }.into_any(),
                (None, None) => view! { <strong class="tag tag-yellow">{Msg::OutsideAwaitsSignOff.t(lang)}</strong> }.into_any(),
            };
            let open = r.signed_off.is_none() && r.withdrawn.is_none();
            let withdraw_form = withdraw.clone().filter(|_| open).map(|base| {
                let steps = [Msg::OutsideWithdrawStart, Msg::OutsideWithdrawConfirm, Msg::OutsideWithdraw];
                view! { <ConfirmedPost action=format!("{base}/outside/{}/withdraw", r.number) steps=steps/> }
            });
            let sign_form = sign.clone().filter(|_| open).map(|base| {
                let steps = [Msg::OutsideSignStart, Msg::OutsideSignConfirm, Msg::OutsideSign];
                view! { <ConfirmedPost action=format!("{base}/outside/{}/sign", r.number) steps=steps/> }
            });
            let reference = (!r.their_reference.is_empty()).then(|| format!(" · {} {}", Msg::OutsideTheirRef.t(lang), r.their_reference));
            view! {
                <li class="item-card" id=format!("outside-{}", r.number)>
                    <p><strong>{format!("{} {}", Msg::OutsideRecord.t(lang), r.number)}</strong>" · "
                        {regime_name(&r.regime, lang)}" · "{duty}</p>
                    <p>{official.official(r.at, zone)}" · "{channel_text(r.channel, lang)}" · "
                        {Msg::OutsideTo.t(lang)}" "{r.recipient.clone()}{reference}</p>
                    <p class="hint">{Msg::OutsideRecordedBy.t(lang)}" "<StampText stamp=r.recorded.clone()/></p>
                    <p>{state}</p>
                    {sign_form}
                    {withdraw_form}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain-list">{items}</ul> }.into_any()
}

/// The incident page's section: the records and, for officers and signatories, the form.
#[component]
pub fn OutsideSubmissions(inc: IncidentView, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/filing/incidents/{}", inc.reference);
    let value = |k: &str| echo.as_ref().map(|e| e.value(k)).unwrap_or_default();
    let error = |k: &str| echo.as_ref().and_then(|e| e.errors.get(k));
    let choices: Vec<(String, String)> = crate::domain::outside::recordable(&inc.clocks)
        .into_iter()
        .map(|c| (clock_key(&c.regime, c.duty), format!("{} · {}", regime_name(&c.regime, lang), duty_label(c, lang))))
        .collect();
    let form = (inc.can_draft && !choices.is_empty()).then(|| {
        let chosen = value("clock");
        let options = choices
            .into_iter()
            .map(|(k, text)| view! { <option value=k.clone() selected=k == chosen>{text}</option> })
            .collect_view();
        let channel = value("channel");
        let channels = Channel::ALL
            .into_iter()
            .map(|c| view! { <option value=c.as_str() selected=c.as_str() == channel>{channel_text(c, lang)}</option> })
            .collect_view();
        let select = |name: &'static str, label: Msg, options: AnyView| {
            let e = error(name);
            view! {
                <div class="field" class:field-has-error=e.is_some()>
                    <label for=name>{label.t(lang)}</label>
                    {e.map(|e| view! { <p class="error-message" id=format!("{name}-error")>{e.text(lang)}</p> })}
                    <select id=name name=name aria-invalid=e.map(|_| "true")>
                        <option value="">{Msg::ChooseOne.t(lang)}</option>{options}
                    </select>
                </div>
            }
        };
        view! {
            <form method="post" action=format!("{base}/outside") novalidate>
                <CsrfField/>
                <h3>{Msg::OutsideNew.t(lang)}</h3>
                {select("clock", Msg::OutsideClock, options.into_any())}
                <NamedField name="outside_at".to_string() label=Msg::OutsideAt.t(lang).to_string()
                    hint=Msg::OutsideAtHint.t(lang).to_string() control=NamedControl::DateTime
                    value=value("outside_at") error=error("outside_at")/>
                {select("channel", Msg::OutsideChannel, channels.into_any())}
                <NamedField name="recipient".to_string() label=Msg::OutsideRecipient.t(lang).to_string()
                    hint=Msg::OutsideRecipientHint.t(lang).to_string() value=value("recipient") error=error("recipient")/>
                <NamedField name="their_reference".to_string() label=Msg::OutsideTheirRefLabel.t(lang).to_string()
                    value=value("their_reference") error=error("their_reference")/>
                <button type="submit" class="button button-secondary">{Msg::OutsideSave.t(lang)}</button>
            </form>
        }
    });
    let sign = inc.can_submit.then(|| base.clone());
    let withdraw = inc.can_draft.then(|| base.clone());
    view! {
        <section aria-labelledby="outside">
            <h2 id="outside">{Msg::OutsideTitle.t(lang)}</h2>
            <p class="hint">{Msg::OutsideIntro.t(lang)}</p>
            <OutsideList records=inc.outside.clone() clocks=inc.clocks.clone() sign=sign withdraw=withdraw/>
            {form}
        </section>
    }
}
