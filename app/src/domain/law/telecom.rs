//! The telecom regulators' triggers (brief, section b): the US FCC's Part 4 outage reporting
//! (47 CFR 4.9) and the UK's Ofcom (Communications Act s105K with Ofcom's 2022 statement).
//! Triggers whose facts the report does not hold are named as not assessed.

use super::calendar::{in_force, Versioned, LONDON, WASHINGTON};
use super::operator::{OperatorFacts, UkNetwork};
use crate::domain::numbers::grouped as n;
use crate::domain::reportability::{Assessment, Verdict};
use crate::domain::timestamp::Timestamp;

/// A version of a telecom regime's triggers.
pub struct TelecomRules {
    pub regime: &'static str,
    pub version: &'static str,
    pub effective_from: &'static str,
    pub zone: &'static str,
    pub basis: (&'static str, &'static str),
}

impl Versioned for TelecomRules {
    fn effective_from(&self) -> &str {
        self.effective_from
    }
    fn zone(&self) -> &str {
        self.zone
    }
}

pub static TELECOM_RULES: &[TelecomRules] = &[
    TelecomRules {
        regime: "US_FCC",
        version: "47 CFR 4.9 (2005-01-03)",
        effective_from: "2005-01-03",
        zone: WASHINGTON,
        basis: ("47 CFR 4.9 (통보·보고 기준)", "47 CFR 4.9 (outage reporting thresholds)"),
    },
    TelecomRules {
        regime: "UK_OFCOM",
        version: "s105K + Ofcom statement (2022-10-01)",
        effective_from: "2022-10-01",
        zone: LONDON,
        basis: ("통신법 제105K조, Ofcom 2022 성명", "Communications Act 2003 s105K, Ofcom statement (2022)"),
    },
];

/// FCC: at least 30 minutes and at least 900,000 user-minutes.
pub const FCC_MIN_MINUTES: i64 = 30;
pub const FCC_USER_MINUTES: u64 = 900_000;
/// Ofcom: any incident affecting this many customers.
pub const OFCOM_ANY_CUSTOMERS: u64 = 100_000;
/// Ofcom, fixed networks: this many customers (or this share) for this long.
pub const OFCOM_FIXED_CUSTOMERS: u64 = 10_000;
pub const OFCOM_FIXED_PCT: f64 = 25.0;
pub const OFCOM_FIXED_MINUTES: i64 = 8 * 60;
/// Ofcom: a critical incident loses more user-hours than this.
pub const OFCOM_CRITICAL_USER_HOURS: u64 = 3_000_000;

fn rules(regime: &str, at: Timestamp) -> Option<&'static TelecomRules> {
    in_force(TELECOM_RULES.iter().filter(|r| r.regime == regime), at)
}

/// FCC Part 4 reportability. `minutes` and `user_minutes` are `None` when they cannot be
/// computed (no onset, or restoration before it).
pub fn fcc(minutes: Option<i64>, user_minutes: Option<u64>, at: Timestamp) -> Assessment {
    let Some(r) = rules("US_FCC", at) else {
        return Assessment::simple(
            "US_FCC",
            Verdict::Unknown,
            ("규칙 판을 찾을 수 없습니다.", "No version of the rules applies."),
        );
    };
    let mut a = Assessment::new("US_FCC", r.version, r.basis);
    match (minutes, user_minutes) {
        (Some(m), Some(um)) => {
            let met = m >= FCC_MIN_MINUTES && um >= FCC_USER_MINUTES;
            a.verdict = if met { Verdict::Met } else { Verdict::NotMet };
            a.reasons.push((
                format!(
                    "{}분 × 이용자 = {} 이용자·분 (기준: 30분 이상, 900,000 이용자·분 이상).",
                    n(m.unsigned_abs()),
                    n(um)
                ),
                format!(
                    "{} minutes × users = {} user-minutes (threshold: 30 minutes and 900,000 user-minutes).",
                    n(m.unsigned_abs()),
                    n(um)
                ),
            ));
        }
        _ => a.reasons.push((
            "지속 시간 또는 영향 이용자 수가 없어 이용자·분을 계산할 수 없습니다.".into(),
            "Without the duration and the users affected the user-minutes cannot be computed.".into(),
        )),
    }
    a.reasons.push((
        "판단하지 않은 기준 (보고서에 해당 사실이 없음): 667 OC3-분, 공항·군 시설 등 특수 시설, 911 특수 시설, 인터넷 전화(iVoIP) 완전 중단.".into(),
        "Not assessed (the report does not hold these facts): 667 OC3-minutes, special offices and facilities (airports, military…), 911 special facilities, complete loss of interconnected VoIP.".into(),
    ));
    a
}

/// Ofcom reportability for `org`'s UK network, with whether the incident is critical.
pub fn ofcom(
    org: &OperatorFacts,
    users: Option<u64>,
    customers: Option<u64>,
    minutes: Option<i64>,
    user_minutes: Option<u64>,
    at: Timestamp,
) -> Assessment {
    let Some(r) = rules("UK_OFCOM", at) else {
        return Assessment::simple(
            "UK_OFCOM",
            Verdict::NotMet,
            ("2022-10-01 전에는 적용되지 않습니다.", "Did not apply before 2022-10-01."),
        );
    };
    let mut a = Assessment::new("UK_OFCOM", r.version, r.basis);
    if org.uk_network == Some(UkNetwork::NotCovered) {
        a.verdict = Verdict::NotMet;
        a.reasons.push((
            "기관 정보: 영국 공중 전자통신망·서비스 사업자가 아닙니다.".into(),
            "Profile: not a UK public electronic communications provider.".into(),
        ));
        return a;
    }
    let Some(u) = users else {
        a.reasons.push(("영향받은 이용자 수가 필요합니다.".into(), "Users affected is needed.".into()));
        return a;
    };
    let any = u >= OFCOM_ANY_CUSTOMERS;
    a.reasons.push((
        format!("영향 고객 {}명 (기간과 무관한 기준 10만명)", n(u)),
        format!("{} customers affected (100,000 whatever the duration)", n(u)),
    ));
    let fixed = matches!(org.uk_network, Some(UkNetwork::Fixed | UkNetwork::Both));
    let share = customers.filter(|c| *c > 0).map(|c| u as f64 * 100.0 / c as f64);
    let fixed_met = fixed
        && minutes.is_some_and(|m| m >= OFCOM_FIXED_MINUTES)
        && (u >= OFCOM_FIXED_CUSTOMERS || share.is_some_and(|p| p >= OFCOM_FIXED_PCT));
    if fixed {
        a.reasons.push((
            format!(
                "유선망: 고객 1만명 또는 25% 이상이 8시간 이상 ({}분, {})",
                minutes.map_or("?".into(), |m| n(m.unsigned_abs())),
                share.map_or("?".into(), |p| format!("{p:.1}%"))
            ),
            format!(
                "Fixed network: 10,000 customers or 25 % for 8 hours ({} minutes, {})",
                minutes.map_or("?".into(), |m| n(m.unsigned_abs())),
                share.map_or("?".into(), |p| format!("{p:.1} %"))
            ),
        ));
    }
    if matches!(org.uk_network, Some(UkNetwork::Mobile | UkNetwork::Both)) {
        a.reasons.push((
            "이동망의 '중대 서비스 장애' 기준은 사업자별 정의라 판단하지 않습니다.".into(),
            "Mobile 'Major Service Failure' thresholds are operator-specific and not assessed.".into(),
        ));
    }
    if org.uk_network.is_none() {
        a.reasons.push((
            "기관 정보에 영국 망 종류(유선·이동)가 없어 유선 기준은 판단하지 않았습니다.".into(),
            "The profile gives no UK network type: the fixed-network trigger was not assessed.".into(),
        ));
    }
    let hours = user_minutes.map(|m| m / 60);
    if let Some(h) = hours {
        let critical = h > OFCOM_CRITICAL_USER_HOURS;
        a.reasons.push((
            format!(
                "손실 {} 이용자·시간: {}",
                n(h),
                if critical {
                    "중대 사고 (300만 초과) — 약 3시간 안에 보고"
                } else {
                    "중대 사고 아님 (300만 이하) — 약 72시간 안에 보고"
                }
            ),
            format!(
                "{} user-hours lost: {}",
                n(h),
                if critical {
                    "a critical incident (more than 3 M) — report within about 3 hours"
                } else {
                    "not critical (3 M or fewer) — report within about 72 hours"
                }
            ),
        ));
    }
    a.verdict = if any || fixed_met {
        Verdict::Met
    } else if org.uk_network.is_none() || (fixed && minutes.is_none()) {
        Verdict::Unknown
    } else {
        Verdict::NotMet
    };
    a
}

/// Whether an Ofcom incident is critical (more than 3 M user-hours lost); `None` if unknown.
pub fn ofcom_critical(user_minutes: Option<u64>) -> Option<bool> {
    user_minutes.map(|m| m / 60 > OFCOM_CRITICAL_USER_HOURS)
}

#[cfg(test)]
#[path = "telecom_test.rs"]
mod tests;
