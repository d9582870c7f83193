//! DORA "major ICT-related incident" (Regulation 2022/2554 Art. 18, RTS 2024/1772 Arts 8–9;
//! brief, section b): critical services affected, and either a malicious unauthorised access
//! that may lead to data losses or at least two of the other criteria. "Critical" comes from
//! the functions the operator names critical in its profile, not from a fixed list; amounts
//! are in euro.

use super::calendar::{in_force, Versioned, BRUSSELS};
use super::operator::{OperatorFacts, ServiceFacts};
use crate::domain::numbers::grouped as n;
use crate::domain::report::Content;
use crate::domain::reportability::{Assessment, Verdict};
use crate::domain::timestamp::Timestamp;

/// A version of the classification criteria.
pub struct DoraRules {
    pub version: &'static str,
    pub effective_from: &'static str,
    pub basis: (&'static str, &'static str),
    pub clients: u64,
    pub clients_pct: f64,
    pub counterparts_pct: f64,
    pub transactions_pct: f64,
    pub duration_minutes: i64,
    pub downtime_minutes: i64,
    pub member_states: u64,
    pub economic_eur: u64,
}

impl Versioned for DoraRules {
    fn effective_from(&self) -> &str {
        self.effective_from
    }
    fn zone(&self) -> &str {
        BRUSSELS
    }
}

pub static DORA_RULES: &[DoraRules] = &[DoraRules {
    version: "RTS 2024/1772 (2025-01-17)",
    effective_from: "2025-01-17",
    basis: ("DORA 제18조, RTS 2024/1772 제8·9조", "DORA Art. 18, RTS 2024/1772 Arts 8–9"),
    clients: 100_000,
    clients_pct: 10.0,
    counterparts_pct: 30.0,
    transactions_pct: 10.0,
    duration_minutes: 24 * 60,
    downtime_minutes: 2 * 60,
    member_states: 2,
    economic_eur: 100_000,
}];

/// The functions affected that the operator names critical for the services concerned;
/// `None` when none of them names any critical function (so it cannot be told).
fn critical_affected<'a>(c: &'a Content, services: &[&ServiceFacts]) -> Option<Vec<&'a str>> {
    let named: Vec<&str> = services.iter().flat_map(|s| s.critical_functions.iter().map(String::as_str)).collect();
    if named.is_empty() {
        return None;
    }
    Some(c.codes("functions_affected").into_iter().filter(|f| named.contains(f)).collect())
}

/// Whether the incident is major under DORA for `org`, at the rules in force at `at`.
pub fn assess(
    org: &OperatorFacts,
    services: &[&ServiceFacts],
    c: &Content,
    minutes: Option<i64>,
    at: Timestamp,
) -> Assessment {
    let Some(r) = in_force(DORA_RULES, at) else {
        return Assessment::simple(
            "EU_DORA",
            Verdict::NotMet,
            ("DORA 보고 의무는 2025-01-17부터 적용됩니다.", "DORA reporting applies from 2025-01-17."),
        );
    };
    let mut a = Assessment::new("EU_DORA", r.version, r.basis);
    match org.dora_entity {
        Some(false) => {
            a.verdict = Verdict::NotMet;
            a.reasons.push((
                "기관 정보: DORA 적용 금융기관이 아닙니다.".into(),
                "Profile: not a financial entity under DORA.".into(),
            ));
            return a;
        }
        None => a.reasons.push((
            "기관 정보에 DORA 적용 여부가 없습니다.".into(),
            "The profile does not say whether DORA applies.".into(),
        )),
        Some(true) => {}
    }
    let critical = critical_affected(c, services);
    let is_critical = match &critical {
        Some(hit) if !hit.is_empty() => {
            a.reasons.push((
                format!("핵심 서비스 영향: {}", hit.join(", ")),
                format!("Critical services affected: {}", hit.join(", ")),
            ));
            Some(true)
        }
        Some(_) => {
            a.reasons.push((
                "기관 정보에서 핵심으로 지정한 기능이 영향받지 않았습니다.".into(),
                "None of the functions the profile names critical was affected.".into(),
            ));
            Some(false)
        }
        None => {
            a.reasons.push((
                "기관 정보의 서비스에 핵심 기능이 지정되어 있지 않아 판단할 수 없습니다.".into(),
                "Cannot tell: the profile names no critical function for the services concerned.".into(),
            ));
            None
        }
    };
    let malicious = c.yes("unauthorised_access") == Some(true) && c.yes("suspected_malicious") == Some(true);
    let mut met: Vec<(String, String)> = Vec::new();
    let users = c.count("users_affected");
    let base = c.count("service_users").filter(|s| *s > 0);
    if let Some(u) = users {
        let share = base.map(|b| u as f64 * 100.0 / b as f64);
        if u > r.clients || share.is_some_and(|p| p > r.clients_pct) {
            met.push((
                format!("고객 {}명 (10만명 또는 10% 초과)", n(u)),
                format!("{} clients (more than 100,000 or 10 %)", n(u)),
            ));
        }
    }
    let pct = |k: &str| c.get(k).parse::<f64>().ok();
    if let Some(p) = pct("counterparts_pct").filter(|p| *p > r.counterparts_pct) {
        met.push((
            format!("금융 거래상대방 {p}% (30% 초과)"),
            format!("{p} % of financial counterparts (more than 30 %)"),
        ));
    }
    if let Some(p) = pct("transactions_pct").filter(|p| *p > r.transactions_pct) {
        met.push((format!("거래 {p}% (10% 초과)"), format!("{p} % of transactions (more than 10 %)")));
    }
    if c.yes("reputational_impact") == Some(true) {
        met.push((
            "평판 영향 (언론 보도, 반복 민원 등)".into(),
            "reputational impact (media coverage, repeated complaints…)".into(),
        ));
    }
    let downtime =
        c.get("critical_downtime_min").parse::<i64>().ok().or(if is_critical == Some(true) { minutes } else { None });
    if minutes.is_some_and(|m| m > r.duration_minutes) {
        met.push(("24시간 초과 지속".into(), "lasted more than 24 hours".into()));
    } else if let Some(d) = downtime.filter(|d| *d > r.downtime_minutes) {
        met.push((
            format!("핵심 서비스 {}분 중단 (2시간 초과)", n(d.unsigned_abs())),
            format!("critical services down for {} minutes (more than 2 hours)", n(d.unsigned_abs())),
        ));
    }
    if let Some(s) = c.count("eu_member_states").filter(|s| *s >= r.member_states) {
        met.push((format!("EU 회원국 {s}개국 영향 (2개국 이상)"), format!("{s} member states affected (two or more)")));
    }
    if c.yes("data_loss") == Some(true) {
        met.push(("데이터 손실".into(), "data losses".into()));
    }
    if let Some(e) = c.count("economic_impact_eur").filter(|e| *e > r.economic_eur) {
        met.push((
            format!("경제적 영향 €{} (€100,000 초과)", n(e)),
            format!("economic impact €{} (more than €100,000)", n(e)),
        ));
    }
    if malicious {
        a.reasons.push((
            "악의적 무단 접근 (데이터 손실 가능): 다른 기준 없이 중대 사고".into(),
            "Malicious unauthorised access that may cause data losses: major without other criteria".into(),
        ));
    }
    a.reasons.push((
        format!(
            "충족 기준 {}개 (2개 필요): {}",
            met.len(),
            met.iter().map(|m| m.0.as_str()).collect::<Vec<_>>().join(", ")
        ),
        format!(
            "{} criteria met (2 needed): {}",
            met.len(),
            met.iter().map(|m| m.1.as_str()).collect::<Vec<_>>().join(", ")
        ),
    ));
    a.verdict = match is_critical {
        Some(true) if malicious || met.len() >= 2 => Verdict::Met,
        Some(_) => Verdict::NotMet,
        None => Verdict::Unknown,
    };
    if a.verdict == Verdict::Met && org.dora_entity.is_none() {
        a.verdict = Verdict::Unknown;
    }
    a
}

#[cfg(test)]
#[path = "dora_test.rs"]
mod tests;
