//! `/rules`: every rule the desk applies, for operators to see what they are measured against
//! and for the ministry's lawyers to check — each regime's deadline rule sets, the criteria
//! of reportability, the Korean designations and notice exemptions, and the duty catalog, each
//! with its versions, the instant each took effect and its legal basis. Read from the same
//! data the rules run on (nothing here is written twice).

use leptos::prelude::*;

use crate::domain::deadlines::RULE_SETS;
use crate::domain::duties::{AppliesWhen, CATALOGS};
use crate::domain::law::calendar::{BRUSSELS, SEOUL};
use crate::domain::law::coverage::DESIGNATION_RULES;
use crate::domain::law::dora::DORA_RULES;
use crate::domain::law::nis2::NIS2_RULES;
use crate::domain::law::notice::NOTICE_RULES;
use crate::domain::law::telecom::TELECOM_RULES;
use crate::domain::report::options::REGIMES;
use crate::i18n::{Lang, Msg};
use crate::ui::clocks::{duty_msg, regime_name};
use crate::ui::raw_sinks::PageTitle;
use crate::ui::rules_text::{anchor_text, effective, period_text, test_text, when_text};
use crate::ui::shell::use_lang;
use crate::ui::table::DataTable;

#[component]
pub fn RulesPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=Msg::RulesTitle.t(lang)/>
        <h1>{Msg::RulesTitle.t(lang)}</h1>
        <p>{Msg::RulesIntro.t(lang)}</p>
        <nav aria-label=Msg::RulesContents.t(lang)>
            <ul class="inline-list">
                <li><a href="#deadlines">{Msg::RulesDeadlines.t(lang)}</a></li>
                <li><a href="#criteria">{Msg::RulesCriteria.t(lang)}</a></li>
                <li><a href="#designations">{Msg::RulesDesignations.t(lang)}</a></li>
                <li><a href="#notice">{Msg::RulesNotice.t(lang)}</a></li>
                <li><a href="#duties">{Msg::RulesDuties.t(lang)}</a></li>
            </ul>
        </nav>
        <h2 id="deadlines">{Msg::RulesDeadlines.t(lang)}</h2>
        {REGIMES.iter().map(|r| deadline_sets(r.code, lang)).collect_view()}
        <h2 id="criteria">{Msg::RulesCriteria.t(lang)}</h2>
        {criteria(lang)}
        <h2 id="designations">{Msg::RulesDesignations.t(lang)}</h2>
        {designations(lang)}
        <h2 id="notice">{Msg::RulesNotice.t(lang)}</h2>
        {notice(lang)}
        <h2 id="duties">{Msg::RulesDuties.t(lang)}</h2>
        <p class="hint">{Msg::RulesDutiesHint.t(lang)}</p>
        {CATALOGS.iter().rev().map(|c| catalog(c, lang)).collect_view()}
    }
}

/// One regime's deadline rule sets, newest first.
fn deadline_sets(regime: &'static str, lang: Lang) -> impl IntoView {
    let mut sets: Vec<_> = RULE_SETS.iter().filter(|s| s.regime == regime).collect();
    sets.sort_by_key(|s| std::cmp::Reverse(s.effective_from));
    let blocks = sets
        .into_iter()
        .map(|set| {
            let rows = set
                .rules
                .iter()
                .map(|r| {
                    let cap = r.cap.map(|(a, p)| match lang {
                        Lang::Ko => format!("단, 늦어도 {} 후 {}", anchor_text(a, lang), period_text(p, lang)),
                        Lang::En => format!("but no later than {} after {}", period_text(p, lang), anchor_text(a, lang)),
                    });
                    view! {
                        <tr>
                            <td class="stack-head">{duty_msg(r.duty).t(lang)}{when_text(r.when, lang).map(|w| format!(" ({w})"))}</td>
                            <td data-label=Msg::RulesFrom.t(lang)>{anchor_text(r.anchor, lang)}</td>
                            <td data-label=Msg::RulesWithin.t(lang)>{period_text(r.period, lang)}{cap.map(|c| view! { <br/><span class="hint">{c}</span> })}</td>
                            <td data-label=Msg::RulesBasis.t(lang)>{lang.pick(r.basis.0, r.basis.1)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <p class="rule-version"><strong>{set.version}</strong>" · "{effective(set.effective_from, set.zone, lang)}</p>
                <DataTable caption=format!("{} · {} · {}", regime_name(regime, lang), set.version, effective(set.effective_from, set.zone, lang)) stack=true
                    columns=vec![Msg::Duty.into(), Msg::RulesFrom.into(), Msg::RulesWithin.into(), Msg::RulesBasis.into()]>
                    {rows}
                </DataTable>
            }
        })
        .collect_view();
    view! { <h3>{regime_name(regime, lang)}</h3>{blocks} }
}

/// A list of (version, effective, basis, what) lines as a table.
fn version_table(caption: String, rows: Vec<(String, String, String, String)>, lang: Lang) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|(version, from, basis, what)| {
            view! {
                <tr>
                    <td class="stack-head">{version}</td>
                    <td data-label=Msg::RulesEffective.t(lang)><span class="date">{from}</span></td>
                    <td data-label=Msg::RulesBasis.t(lang)>{basis}</td>
                    <td data-label=Msg::RulesWhat.t(lang)>{what}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=caption stack=true
            columns=vec![Msg::RulesVersion.into(), Msg::RulesEffective.into(), Msg::RulesBasis.into(), Msg::RulesWhat.into()]>
            {body}
        </DataTable>
    }
}

fn criteria(lang: Lang) -> impl IntoView {
    let pick = |p: (&str, &str)| lang.pick(p.0, p.1).to_string();
    let mut rows = Vec::new();
    for r in NIS2_RULES {
        rows.push((
            format!("{} — {}", regime_name("EU_NIS2", lang), r.version),
            effective(r.effective_from, BRUSSELS, lang),
            pick(r.basis),
            Msg::RulesNis2What.t(lang).to_string(),
        ));
    }
    for r in DORA_RULES {
        rows.push((
            format!("{} — {}", regime_name("EU_DORA", lang), r.version),
            effective(r.effective_from, BRUSSELS, lang),
            pick(r.basis),
            Msg::RulesDoraWhat.t(lang).to_string(),
        ));
    }
    for r in TELECOM_RULES {
        let what = if r.regime == "US_FCC" { Msg::RulesFccWhat } else { Msg::RulesOfcomWhat };
        rows.push((
            format!("{} — {}", regime_name(r.regime, lang), r.version),
            effective(r.effective_from, r.zone, lang),
            pick(r.basis),
            what.t(lang).to_string(),
        ));
    }
    version_table(Msg::RulesCriteria.t(lang).to_string(), rows, lang)
}

fn designations(lang: Lang) -> impl IntoView {
    let rows = DESIGNATION_RULES
        .iter()
        .map(|r| {
            let label = r.designation.label();
            (
                format!("{} — {}", lang.pick(label.0, label.1), r.version),
                effective(r.effective_from, SEOUL, lang),
                lang.pick(r.basis.0, r.basis.1).to_string(),
                test_text(r.test, lang),
            )
        })
        .collect();
    version_table(Msg::RulesDesignations.t(lang).to_string(), rows, lang)
}

fn notice(lang: Lang) -> impl IntoView {
    let rows = NOTICE_RULES
        .iter()
        .map(|r| {
            let h = r.short_outage_minutes / 60;
            let what = match lang {
                Lang::Ko => format!(
                    "예측할 수 없었던 {h}시간 이하 장애 면제; 무료 서비스 면제 {}; 중요통신시설 원인 장애는 면제 {}. 정기점검·회선 장애·규모 미달·클라우드는 항상 면제. 손해배상 안내는 유료 서비스만.",
                    if r.free_service_exempt { "있음" } else { "없음" },
                    if r.important_facility_excluded { "안 됨" } else { "됨" }
                ),
                Lang::En => format!(
                    "Unforeseeable outages of {h} h or less exempt; free services {}; outages caused by an important facility {}. Maintenance, line faults, small operators and cloud services always exempt. Compensation notice for paid services only.",
                    if r.free_service_exempt { "exempt" } else { "not exempt" },
                    if r.important_facility_excluded { "not exempt" } else { "exempt" }
                ),
            };
            (r.version.to_string(), effective(r.effective_from, SEOUL, lang), lang.pick(r.basis.0, r.basis.1).to_string(), what)
        })
        .collect();
    version_table(Msg::RulesNotice.t(lang).to_string(), rows, lang)
}

fn catalog(c: &'static crate::domain::duties::Catalog, lang: Lang) -> impl IntoView {
    let rows = c
        .duties()
        .map(|d| {
            let applies = match d.applies {
                AppliesWhen::Always => Msg::RulesAlways.t(lang).to_string(),
                AppliesWhen::Designated(any) => {
                    any.iter().map(|x| lang.pick(x.label().0, x.label().1)).collect::<Vec<_>>().join(" / ")
                }
                AppliesWhen::Regime(code) => regime_name(code, lang),
            };
            view! {
                <tr>
                    <td class="stack-head">{d.id}</td>
                    <td data-label=Msg::Duty.t(lang)>{lang.pick(d.title.0, d.title.1)}</td>
                    <td data-label=Msg::RulesBasis.t(lang)>{d.basis}</td>
                    <td data-label=Msg::RulesAppliesTo.t(lang)>{applies}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{Msg::RulesCatalog.t(lang)}" "{c.version}" · "{effective(c.effective_from, SEOUL, lang)}</h3>
        <DataTable caption=format!("{} {} · {}", Msg::RulesCatalog.t(lang), c.version, effective(c.effective_from, SEOUL, lang)) stack=true
            columns=vec![Msg::RulesId.into(), Msg::Duty.into(), Msg::RulesBasis.into(), Msg::RulesAppliesTo.into()]>
            {rows}
        </DataTable>
    }
}
