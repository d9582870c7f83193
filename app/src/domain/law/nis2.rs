//! NIS2 "significant incident" (Directive 2022/2555 Art. 23(3)) for digital providers and
//! digital infrastructure, by Implementing Regulation 2024/2690 (brief, section b): the
//! general criteria of Art. 3 for every entity, the recurring-incident rule of Art. 4, and the
//! type-specific criteria the desk holds (Art. 7 cloud, Art. 9 CDN, Art. 13 social networks).
//! Other types' specific articles are named as not assessed. User shares are of the entity's
//! users in the EU, not in Korea.

use super::calendar::{in_force, Versioned, BRUSSELS};
use super::operator::{Nis2Entity, OperatorFacts};
use crate::domain::numbers::grouped as n;
use crate::domain::report::Content;
use crate::domain::reportability::{Assessment, Verdict};
use crate::domain::timestamp::Timestamp;

/// A version of the significant-incident criteria.
pub struct Nis2Rules {
    pub version: &'static str,
    pub effective_from: &'static str,
    pub basis: (&'static str, &'static str),
    /// Art. 3(1)(a): financial loss above the lower of this and 5 % of annual turnover.
    pub financial_eur: u64,
    /// Art. 7/9: complete unavailability for longer than this, minutes.
    pub unavailable_minutes: i64,
    /// Art. 7/9: limited availability for longer than this, minutes.
    pub limited_minutes: i64,
    /// Users in the EU: more than this share, or this many, whichever is smaller.
    pub users_pct: f64,
    pub users_max: u64,
}

impl Versioned for Nis2Rules {
    fn effective_from(&self) -> &str {
        self.effective_from
    }
    fn zone(&self) -> &str {
        BRUSSELS
    }
}

pub static NIS2_RULES: &[Nis2Rules] = &[Nis2Rules {
    version: "Impl. Reg. 2024/2690 (2024-10-18)",
    effective_from: "2024-10-18",
    basis: (
        "NIS2 제23조(3), 이행규칙 2024/2690 제3·4·7·9·13조",
        "NIS2 Art. 23(3), Impl. Reg. 2024/2690 Arts 3, 4, 7, 9, 13",
    ),
    financial_eur: 500_000,
    unavailable_minutes: 30,
    limited_minutes: 60,
    users_pct: 5.0,
    users_max: 1_000_000,
}];

/// A criterion's result: met, not met, or unknown, with its words.
type Criterion = (Option<bool>, (String, String));

/// "More than `pct` % of the EU users or more than `max`, whichever is smaller".
fn many_eu_users(rules: &Nis2Rules, c: &Content) -> Criterion {
    let affected = c.count("eu_users_affected");
    let total = c.count("eu_users_total").filter(|t| *t > 0);
    let bar = total
        .map_or(rules.users_max, |t| ((t as f64) * rules.users_pct / 100.0).floor().min(rules.users_max as f64) as u64);
    let text = |a: &str| {
        (
            format!(
                "EU 이용자 {a}명 영향 (기준: EU 이용자의 {}% 또는 {}명 중 작은 값 {}명 초과)",
                rules.users_pct,
                n(rules.users_max),
                n(bar)
            ),
            format!(
                "{a} EU users affected (threshold: more than {} % of EU users or {}, whichever is smaller: {})",
                rules.users_pct,
                n(rules.users_max),
                n(bar)
            ),
        )
    };
    match affected {
        Some(a) if a > bar => (Some(true), text(&n(a))),
        Some(a) if total.is_some() || a > rules.users_max => (Some(false), text(&n(a))),
        Some(a) => (
            None,
            (
                format!("{} EU 전체 이용자 수가 없어 5% 기준을 판단할 수 없습니다.", text(&n(a)).0),
                format!("{}; without the total EU users the 5 % test cannot be made.", text(&n(a)).1),
            ),
        ),
        None => (None, ("EU 영향 이용자 수가 없습니다.".into(), "EU users affected is not given.".into())),
    }
}

/// The type-specific criteria of Arts 7 and 9 (cloud, CDN) and 13 (social networks).
fn type_specific(rules: &Nis2Rules, kind: Nis2Entity, c: &Content, minutes: Option<i64>) -> Vec<Criterion> {
    let impact = c.codes("impact_type");
    let complete = impact.contains(&"complete_unavailability");
    let limited = impact.iter().any(|i| matches!(*i, "limited_availability" | "degraded_performance"));
    let compromised = impact.iter().any(|i| matches!(*i, "data_integrity" | "data_confidentiality"));
    let malicious = c.yes("suspected_malicious") == Some(true);
    let users = many_eu_users(rules, c);
    let mut out = Vec::new();
    let data = |out: &mut Vec<Criterion>| {
        if compromised && malicious {
            out.push((
                Some(true),
                (
                    "악의적 행위로 의심되는 데이터 훼손 (규모 무관)".into(),
                    "data compromised by suspected malicious action (any scale)".into(),
                ),
            ));
        } else if compromised {
            let (met, text) = users.clone();
            out.push((
                met,
                (format!("비악의적 데이터 훼손: {}", text.0), format!("non-malicious data compromise: {}", text.1)),
            ));
        }
    };
    match kind {
        Nis2Entity::Cloud | Nis2Entity::Cdn => {
            let art = if kind == Nis2Entity::Cloud { "7" } else { "9" };
            match minutes {
                Some(m) if complete => out.push((
                    Some(m > rules.unavailable_minutes),
                    (
                        format!("제{art}조: 완전 중단 {m}분 (기준 {}분 초과)", rules.unavailable_minutes),
                        format!(
                            "Art. {art}: completely unavailable for {m} minutes (threshold: more than {})",
                            rules.unavailable_minutes
                        ),
                    ),
                )),
                Some(m) if limited => {
                    let long = m > rules.limited_minutes;
                    let (many, text) = users.clone();
                    let met = if !long { Some(false) } else { many };
                    out.push((
                        met,
                        (
                            format!("제{art}조: 일부 중단 {m}분 (기준 {}분 초과), {}", rules.limited_minutes, text.0),
                            format!(
                                "Art. {art}: limited availability for {m} minutes (threshold: more than {}), {}",
                                rules.limited_minutes, text.1
                            ),
                        ),
                    ));
                }
                None if complete || limited => out.push((
                    None,
                    ("지속 시간을 계산할 수 없습니다.".into(), "The duration cannot be computed.".into()),
                )),
                _ => {}
            }
            data(&mut out);
        }
        Nis2Entity::SocialNetwork => {
            if complete || limited {
                let (met, text) = users.clone();
                out.push((
                    met,
                    (
                        format!("제13조: 이용 불가·제한, {}", text.0),
                        format!("Art. 13: unavailable or limited, {}", text.1),
                    ),
                ));
            }
            data(&mut out);
        }
        _ => {}
    }
    out
}

/// The article of the type-specific criteria the desk does not assess, if any.
fn unassessed_article(kind: Nis2Entity) -> Option<&'static str> {
    match kind {
        Nis2Entity::Dns => Some("5"),
        Nis2Entity::Tld => Some("6"),
        Nis2Entity::DataCentre => Some("8"),
        Nis2Entity::Ixp => Some("10"),
        Nis2Entity::OnlineMarketplace => Some("11"),
        Nis2Entity::SearchEngine => Some("12"),
        Nis2Entity::TrustService => Some("14"),
        Nis2Entity::ManagedService | Nis2Entity::ManagedSecurity => Some("15–16"),
        _ => None,
    }
}

/// Art. 3: the general criteria (every entity).
fn general(rules: &Nis2Rules, org: &OperatorFacts, c: &Content) -> Vec<Criterion> {
    let mut out = Vec::new();
    let bar = org.turnover_eur.map_or(rules.financial_eur, |t| (t / 20).min(rules.financial_eur));
    match c.count("economic_impact_eur") {
        Some(loss) => {
            let met = if loss > bar {
                Some(true)
            } else if org.turnover_eur.is_some() || loss > rules.financial_eur {
                Some(false)
            } else {
                None
            };
            out.push((met, (
                format!("제3조: 재정 손실 €{} (기준: €{} 또는 연매출의 5% 중 작은 값 €{} 초과{})", n(loss), n(rules.financial_eur), n(bar), if org.turnover_eur.is_none() { ", 연매출 미입력" } else { "" }),
                format!("Art. 3: financial loss €{} (threshold: more than €{} or 5 % of turnover, whichever is lower: €{}{})", n(loss), n(rules.financial_eur), n(bar), if org.turnover_eur.is_none() { "; turnover not in the profile" } else { "" }),
            )));
        }
        None => out.push((
            None,
            ("제3조: 재정 손실(유로)이 없습니다.".into(), "Art. 3: the financial loss (EUR) is not given.".into()),
        )),
    }
    if c.yes("deaths_or_health") == Some(true) {
        out.push((
            Some(true),
            ("제3조: 사망 또는 상당한 건강 피해".into(), "Art. 3: death or considerable damage to health".into()),
        ));
    }
    if c.yes("unauthorised_access") == Some(true) && c.yes("suspected_malicious") == Some(true) {
        out.push((
            Some(true),
            (
                "제3조: 악의적으로 의심되는 무단 접근 성공".into(),
                "Art. 3: successful, suspectedly malicious unauthorised access".into(),
            ),
        ));
    }
    out
}

/// Whether the incident is significant under NIS2 for `org`, at the rules in force at `at`.
pub fn assess(org: &OperatorFacts, c: &Content, minutes: Option<i64>, at: Timestamp) -> Assessment {
    let Some(rules) = in_force(NIS2_RULES, at) else {
        return Assessment::simple(
            "EU_NIS2",
            Verdict::NotMet,
            ("NIS2 보고 의무는 2024-10-18부터 적용됩니다.", "NIS2 reporting applies from 2024-10-18."),
        );
    };
    let mut a = Assessment::new("EU_NIS2", rules.version, rules.basis);
    let kind = match org.nis2_entity {
        Some(Nis2Entity::NotCovered) => {
            a.verdict = Verdict::NotMet;
            a.reasons
                .push(("기관 정보: NIS2 적용 대상이 아닙니다.".into(), "Profile: not an entity under NIS2.".into()));
            return a;
        }
        Some(k) => Some(k),
        None => {
            a.reasons.push((
                "기관 정보에 NIS2 사업자 유형이 없어 일반 기준만 적용했습니다.".into(),
                "The profile gives no NIS2 entity type: only the general criteria were applied.".into(),
            ));
            None
        }
    };
    let mut criteria = general(rules, org, c);
    if let Some(k) = kind {
        criteria.extend(type_specific(rules, k, c, minutes));
        if let Some(art) = unassessed_article(k) {
            a.reasons.push((
                format!("제{art}조의 유형별 기준은 데스크가 판단하지 않습니다: 직접 확인하세요."),
                format!("The type-specific criteria of Art. {art} are not assessed by the desk: check them yourself."),
            ));
        }
    }
    let related = c.get("related_incidents").split(',').filter(|s| !s.trim().is_empty()).count();
    let any_met = criteria.iter().any(|(m, _)| *m == Some(true));
    if related > 0 && !any_met {
        criteria.push((None, (
            format!("제4조: 같은 원인의 이전 사고 {related}건. 6개월 안에 2회 이상이고 합산 손실이 재정 기준을 넘으면 하나의 중대 사고입니다."),
            format!("Art. 4: {related} earlier incident(s) with the same cause. Two or more within six months whose losses together meet the financial criterion are one significant incident."),
        )));
    }
    a.verdict = if any_met {
        Verdict::Met
    } else if kind.is_none() || criteria.iter().any(|(m, _)| m.is_none()) || kind.and_then(unassessed_article).is_some()
    {
        Verdict::Unknown
    } else {
        Verdict::NotMet
    };
    a.reasons.extend(criteria.into_iter().map(|(m, (ko, en))| {
        let mark = match m {
            Some(true) => ("충족", "met"),
            Some(false) => ("미충족", "not met"),
            None => ("판단 불가", "unknown"),
        };
        (format!("[{}] {ko}", mark.0), format!("[{}] {en}", mark.1))
    }));
    a
}

#[cfg(test)]
#[path = "nis2_test.rs"]
mod tests;
