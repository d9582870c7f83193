//! Deadline clocks and the reportability check, as tables. Overdue is said in words and
//! with a tag, not by colour alone.

use leptos::prelude::*;

use crate::domain::deadlines::{Clock, ClockState, Duty, Satisfied};
use crate::domain::report::options::REGIMES;
use crate::domain::reportability::{Assessment, Verdict};
use crate::i18n::{Lang, Msg};
use crate::ui::shell::{use_lang, use_zone};
use crate::ui::table::{DataTable, ScrollBox};

/// A regime's name.
pub fn regime_name(code: &str, lang: Lang) -> String {
    REGIMES.iter().find(|o| o.code == code).map_or(code.to_string(), |o| lang.pick(o.label.0, o.label.1).to_string())
}

/// A clock's duty as the regime itself names it.
pub fn duty_label(c: &crate::domain::deadlines::Clock, lang: Lang) -> String {
    c.regime_term().map_or_else(|| duty_msg(c.duty).t(lang).to_string(), |t| lang.pick(t.0, t.1).to_string())
}

pub fn duty_msg(d: Duty) -> Msg {
    match d {
        Duty::EarlyWarning => Msg::DutyEarlyWarning,
        Duty::InitialReport => Msg::DutyInitialReport,
        Duty::UpdateReport => Msg::DutyUpdateReport,
        Duty::FinalReport => Msg::DutyFinalReport,
        Duty::UserNotice => Msg::DutyUserNotice,
        Duty::CompensationNotice => Msg::DutyCompensationNotice,
        Duty::DataSubmission => Msg::DutyDataSubmission,
    }
}

/// "3 h 20 min" / "3시간 20분".
pub fn span_text(minutes: i64, lang: Lang) -> String {
    let (d, h, m) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    match lang {
        Lang::Ko if d > 0 => format!("{d}일 {h}시간"),
        Lang::Ko => format!("{h}시간 {m}분"),
        Lang::En if d > 0 => format!("{d} d {h} h"),
        Lang::En => format!("{h} h {m} min"),
    }
}

/// A clock's state as a tag.
#[component]
pub fn ClockTag(state: ClockState) -> impl IntoView {
    let lang = use_lang();
    let (class, text) = match state {
        ClockState::NotStarted => ("tag tag-grey", Msg::ClockNotStarted.t(lang).to_string()),
        ClockState::Open => ("tag tag-blue", Msg::ClockOpen.t(lang).to_string()),
        ClockState::Overdue { minutes } => {
            ("tag tag-red", format!("{} {}", Msg::ClockOverdue.t(lang), span_text(minutes, lang)))
        }
        ClockState::Met => ("tag tag-green", Msg::ClockMet.t(lang).to_string()),
        ClockState::Late { minutes } => {
            ("tag tag-orange", format!("{} {}", Msg::ClockLate.t(lang), span_text(minutes, lang)))
        }
        ClockState::Exempt => ("tag tag-white", Msg::ClockExempt.t(lang).to_string()),
    };
    view! { <strong class=class>{text}</strong> }
}

/// When a clock is due, in its regulator's zone with the reader's beside it ("without delay"
/// says so).
pub fn due_text(c: &Clock, lang: Lang, zone: crate::domain::zone::UserZone) -> String {
    let official = crate::domain::zone::UserZone::of_regulator(&c.regime);
    match (c.due, c.without_delay) {
        (Some(t), true) => {
            format!("{} ({} {})", Msg::WithoutDelay.t(lang), Msg::WorkingTarget.t(lang), official.official(t, zone))
        }
        (Some(t), false) => official.official(t, zone),
        // only a ministry request sets its own date; other clocks wait for their event
        (None, _) if c.duty == Duty::DataSubmission => Msg::DueNotSet.t(lang).to_string(),
        (None, _) => Msg::DueAwaitsEvent.t(lang).to_string(),
    }
}

/// The due cell of the clock table: each date on its own unbroken line (the regulator's zone,
/// then the reader's when it is another), "without delay" above its working target.
fn due_cell(c: &Clock, lang: Lang, zone: crate::domain::zone::UserZone) -> AnyView {
    let official = crate::domain::zone::UserZone::of_regulator(&c.regime);
    let Some(t) = c.due else { return due_text(c, lang, zone).into_any() };
    let (main, local) = (official.display(t), (zone != official).then(|| zone.display(t)));
    let local = local.filter(|l| *l != main).map(|l| view! { <br/><span class="date hint">"("{l}")"</span> });
    if c.without_delay {
        view! {
            {Msg::WithoutDelay.t(lang)}<br/>
            <span class="hint date">{Msg::WorkingTarget.t(lang)}" "{main}</span>{local}
        }
        .into_any()
    } else {
        view! { <span class="date">{main}</span>{local} }.into_any()
    }
}

/// What met a clock, in words: "by version 2", "outside Outage Desk (record 1)"…
pub fn satisfied_text(s: Satisfied, lang: Lang) -> String {
    match s {
        Satisfied::Version(n) => Msg::SatisfiedByVersion.fill(lang, &[("n", &n)]),
        Satisfied::Outside(n) => Msg::SatisfiedOutside.fill(lang, &[("n", &n)]),
        Satisfied::Answer => Msg::SatisfiedByAnswer.t(lang).to_string(),
        Satisfied::RequestAnswer => Msg::SatisfiedByRequestAnswer.t(lang).to_string(),
    }
}

#[component]
pub fn ClockTable(clocks: Vec<Clock>) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    if clocks.is_empty() {
        return view! { <p>{Msg::NoClocks.t(lang)}</p> }.into_any();
    }
    let rows = clocks
        .into_iter()
        .map(|c| {
            let due = due_cell(&c, lang, zone);
            let done = c.done_at.map(|t| zone.display(t)).unwrap_or_else(|| "—".into());
            let done = view! { <span class="date">{done}</span> };
            let how = c.satisfied_by.map(|s| satisfied_text(s, lang));
            let basis = lang.pick(&c.basis.0, &c.basis.1).to_string();
            // an exempt duty says why in place of a due date
            let due = if c.state == ClockState::Exempt {
                let why = c.exempt_because.iter().map(|r| lang.pick(&r.0, &r.1).to_string()).collect::<Vec<_>>().join("; ");
                view! { {Msg::ExemptBecause.t(lang)}" "{why} }.into_any()
            } else {
                due
            };
            view! {
                <tr class:row-overdue=c.is_overdue()>
                    <td class="stack-head">{regime_name(&c.regime, lang)}<br/><span class="hint">{c.version.clone()}</span></td>
                    <td data-label=Msg::Duty.t(lang)>{duty_label(&c, lang)}<br/><span class="hint">{basis}</span></td>
                    <td class="when" data-label=Msg::DueAt.t(lang)>{due}</td>
                    <td class="when" data-label=Msg::DoneAt.t(lang)>{done}{how.map(|h| view! { <br/><span class="hint">{h}</span> })}</td>
                    <td data-label=Msg::Status.t(lang)><ClockTag state=c.state/></td>
                </tr>
            }
        })
        .collect_view();
    // on a phone each clock is a card of labelled lines (`table-stack`), not five columns
    view! {
        <ScrollBox label=Msg::DeadlinesTitle.t(lang)>
            <table class="table table-stack clock-table">
                <caption class="visually-hidden">{Msg::DeadlinesTitle.t(lang)}</caption>
                <thead><tr>
                    <th scope="col">{Msg::Regime.t(lang)}</th>
                    <th scope="col">{Msg::Duty.t(lang)}</th>
                    <th scope="col">{Msg::DueAt.t(lang)}</th>
                    <th scope="col">{Msg::DoneAt.t(lang)}</th>
                    <th scope="col">{Msg::Status.t(lang)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </ScrollBox>
    }
    .into_any()
}

#[component]
pub fn ReportabilityTable(assessments: Vec<Assessment>) -> impl IntoView {
    let lang = use_lang();
    let rows = assessments
        .into_iter()
        .map(|a| {
            let (class, msg) = match a.verdict {
                Verdict::Met => ("tag tag-red", Msg::ThresholdMet),
                Verdict::NotMet => ("tag tag-grey", Msg::ThresholdNotMet),
                Verdict::Unknown => ("tag tag-orange", Msg::ThresholdUnknown),
            };
            let reasons =
                a.reasons.iter().map(|r| view! { <li>{lang.pick(&r.0, &r.1).to_string()}</li> }).collect_view();
            let basis = lang.pick(&a.basis.0, &a.basis.1).to_string();
            let version = (!a.version.is_empty()).then(|| format!("{basis} · {}", a.version));
            view! {
                <tr>
                    <td>{regime_name(&a.regime, lang)}{version.map(|v| view! { <br/><span class="hint">{v}</span> })}</td>
                    <td><strong class=class>{msg.t(lang)}</strong></td>
                    <td><ul class="plain-list">{reasons}</ul></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=Msg::ReportabilityTitle.t(lang)
            columns=vec![Msg::Regime.into(), Msg::Threshold.into(), Msg::Why.into()]>{rows}</DataTable>
    }
}
