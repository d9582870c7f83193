//! Who is covered by which Korean duty (brief, section a.1), as versioned threshold data: one
//! function decides every designation, for the organisation page, the incident page and the
//! ministry's review alike. A designation not yet in force at the moment asked about (the
//! Framework Act's duties for value-added services and data centres start on 2023-07-04)
//! does not apply then.

use serde::{Deserialize, Serialize};

use super::calendar::{in_force, Versioned, SEOUL};
use super::operator::{OperatorFacts, ServiceFacts};
use crate::domain::numbers::grouped as n;
use crate::domain::timestamp::Timestamp;

/// A designation an operator can fall under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Designation {
    /// TBA Art. 22-7 service-stability duties.
    Tba22_7,
    /// Framework Act Art. 35①4: a value-added service as major broadcasting-communications
    /// operator.
    MajorOperator,
    /// Framework Act Art. 35①5: a data-centre operator as major operator.
    MajorDataCentre,
    /// TBA Art. 33② user outage-notice duty (not exempt by size).
    UserNotice,
}

impl Designation {
    pub const ALL: [Designation; 4] =
        [Designation::Tba22_7, Designation::MajorOperator, Designation::MajorDataCentre, Designation::UserNotice];

    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Designation::Tba22_7 => {
                ("전기통신사업법 제22조의7 서비스 안정성 의무", "TBA Art. 22-7 service-stability duties")
            }
            Designation::MajorOperator => (
                "방송통신발전기본법 주요방송통신사업자 (부가통신)",
                "Framework Act major operator (value-added service)",
            ),
            Designation::MajorDataCentre => {
                ("방송통신발전기본법 주요방송통신사업자 (데이터센터)", "Framework Act major operator (data centre)")
            }
            Designation::UserNotice => ("이용자 장애 고지 의무 (제33조②)", "User outage-notice duty (TBA Art. 33(2))"),
        }
    }

    /// Whether the thresholds are measured per service (users, traffic) rather than for the
    /// operator (its data centre).
    fn per_service(self) -> bool {
        self != Designation::MajorDataCentre
    }
}

/// The test a designation's thresholds make.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Test {
    /// Both at least `users` daily users and at least `traffic_pct` % of domestic traffic.
    UsersAndTraffic { users: u64, traffic_pct: f64 },
    /// Either at least `users` daily users or at least `traffic_pct` % of traffic.
    UsersOrTraffic { users: u64, traffic_pct: f64 },
    /// (Floor area at least `floor_m2` or power at least `power_kw`) and revenue at least
    /// `revenue_krw`.
    DataCentre { floor_m2: u64, power_kw: u64, revenue_krw: u64 },
    /// Applies unless revenue is under `revenue_krw` or daily users are under `users`.
    RevenueAndUsers { revenue_krw: u64, users: u64 },
}

/// One version of a designation's thresholds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DesignationRule {
    pub designation: Designation,
    pub version: &'static str,
    /// In the ministry's zone (00:00 KST).
    pub effective_from: &'static str,
    pub basis: (&'static str, &'static str),
    pub test: Test,
}

impl Versioned for DesignationRule {
    fn effective_from(&self) -> &str {
        self.effective_from
    }
    fn zone(&self) -> &str {
        SEOUL
    }
}

/// 100억원.
pub const TEN_BILLION_KRW: u64 = 10_000_000_000;
const MILLION: u64 = 1_000_000;

/// Every version of every designation's thresholds (brief, a.1).
pub static DESIGNATION_RULES: &[DesignationRule] = &[
    DesignationRule {
        designation: Designation::Tba22_7,
        version: "TBA-D 30-8① (2020-12-10)",
        effective_from: "2020-12-10",
        basis: ("전기통신사업법 시행령 제30조의8①", "TBA Enforcement Decree Art. 30-8(1)"),
        test: Test::UsersAndTraffic { users: MILLION, traffic_pct: 1.0 },
    },
    DesignationRule {
        designation: Designation::MajorOperator,
        version: "FA-D 23② (2023-07-04)",
        effective_from: "2023-07-04",
        basis: ("방송통신발전기본법 제35조①4, 시행령 제23조②", "Framework Act Art. 35(1)4, Decree Art. 23(2)"),
        test: Test::UsersOrTraffic { users: 10 * MILLION, traffic_pct: 2.0 },
    },
    DesignationRule {
        designation: Designation::MajorDataCentre,
        version: "FA-D 23③ (2023-07-04)",
        effective_from: "2023-07-04",
        basis: ("방송통신발전기본법 제35조①5, 시행령 제23조③", "Framework Act Art. 35(1)5, Decree Art. 23(3)"),
        test: Test::DataCentre { floor_m2: 22_500, power_kw: 40_000, revenue_krw: TEN_BILLION_KRW },
    },
    DesignationRule {
        designation: Designation::UserNotice,
        version: "TBA-D 37-13① (2020-12-10)",
        effective_from: "2020-12-10",
        basis: ("전기통신사업법 제33조②, 시행령 제37조의13①", "TBA Art. 33(2), Decree Art. 37-13(1)"),
        test: Test::RevenueAndUsers { revenue_krw: TEN_BILLION_KRW, users: MILLION },
    },
];

/// Whether a designation applies, under which version, and why (Korean, English).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DesignationCheck {
    pub designation: Designation,
    /// The threshold version used (empty when none was in force).
    pub version: String,
    pub basis: (String, String),
    /// `None` when a needed figure is missing.
    pub applies: Option<bool>,
    pub reason: (String, String),
}

fn pct(p: f64) -> String {
    format!("{p}%")
}

/// The test of `rule` on one service (or, for a data centre, on the operator).
fn test(rule: &DesignationRule, org: &OperatorFacts, s: Option<&ServiceFacts>) -> (Option<bool>, (String, String)) {
    let users = s.and_then(|s| s.daily_users);
    let share = s.and_then(|s| s.traffic_share_pct);
    let missing = |ko: &str, en: &str| {
        (None, (format!("{ko}이(가) 없어 판단할 수 없습니다."), format!("Cannot tell without {en}.")))
    };
    match rule.test {
        Test::UsersAndTraffic { users: u_min, traffic_pct } => match (users, share) {
            (Some(u), _) if u < u_min => (
                Some(false),
                (
                    format!("일평균 이용자 {}명: 기준 {}명 미만.", n(u), n(u_min)),
                    format!("{} daily users: under {}.", n(u), n(u_min)),
                ),
            ),
            (_, Some(t)) if t < traffic_pct => (
                Some(false),
                (
                    format!("트래픽 {}: 기준 {} 미만.", pct(t), pct(traffic_pct)),
                    format!("{} of traffic: under {}.", pct(t), pct(traffic_pct)),
                ),
            ),
            (Some(u), Some(t)) => (
                Some(true),
                (
                    format!(
                        "일평균 이용자 {}명(기준 {}명 이상)과 트래픽 {}(기준 {} 이상) 모두 충족.",
                        n(u),
                        n(u_min),
                        pct(t),
                        pct(traffic_pct)
                    ),
                    format!(
                        "{} daily users (threshold {}) and {} of traffic (threshold {}): both met.",
                        n(u),
                        n(u_min),
                        pct(t),
                        pct(traffic_pct)
                    ),
                ),
            ),
            (Some(_), None) => missing("국내 트래픽 비중", "the share of domestic traffic"),
            _ => missing("일평균 이용자 수", "the daily users"),
        },
        Test::UsersOrTraffic { users: u_min, traffic_pct } => match (users, share) {
            (Some(u), _) if u >= u_min => (
                Some(true),
                (
                    format!("일평균 이용자 {}명 (기준 {}명 이상).", n(u), n(u_min)),
                    format!("{} daily users (threshold {}).", n(u), n(u_min)),
                ),
            ),
            (_, Some(t)) if t >= traffic_pct => (
                Some(true),
                (
                    format!("트래픽 {} (기준 {} 이상).", pct(t), pct(traffic_pct)),
                    format!("{} of traffic (threshold {}).", pct(t), pct(traffic_pct)),
                ),
            ),
            (Some(u), Some(t)) => (
                Some(false),
                (
                    format!(
                        "일평균 이용자 {}명, 트래픽 {}: {}명 또는 {}에 미달.",
                        n(u),
                        pct(t),
                        n(u_min),
                        pct(traffic_pct)
                    ),
                    format!(
                        "{} daily users and {} of traffic: under {} and under {}.",
                        n(u),
                        pct(t),
                        n(u_min),
                        pct(traffic_pct)
                    ),
                ),
            ),
            (Some(_), None) => missing("국내 트래픽 비중", "the share of domestic traffic"),
            _ => missing("일평균 이용자 수", "the daily users"),
        },
        Test::DataCentre { floor_m2, power_kw, revenue_krw } => {
            // the profile asks for these of data-centre operators only
            if org.dc_floor_m2.is_none() && org.dc_power_kw.is_none() {
                return (
                    Some(false),
                    (
                        "기관 정보에 데이터센터 규모가 없어 데이터센터 사업자가 아닌 것으로 봅니다.".into(),
                        "The profile gives no data-centre size: not a data-centre operator.".into(),
                    ),
                );
            }
            let big = match (org.dc_floor_m2, org.dc_power_kw) {
                (Some(f), _) if f >= floor_m2 => Some(true),
                (_, Some(p)) if p >= power_kw => Some(true),
                (Some(_), Some(_)) => Some(false),
                _ => None,
            };
            let facility = (
                format!(
                    "전산실 {}m², 수전설비 {}kW (기준 {}m² 또는 {}kW 이상)",
                    org.dc_floor_m2.map_or("?".into(), n),
                    org.dc_power_kw.map_or("?".into(), n),
                    n(floor_m2),
                    n(power_kw)
                ),
                format!(
                    "server rooms {} m², power {} kW (threshold {} m² or {} kW)",
                    org.dc_floor_m2.map_or("?".into(), n),
                    org.dc_power_kw.map_or("?".into(), n),
                    n(floor_m2),
                    n(power_kw)
                ),
            );
            let revenue = org.revenue_krw.map(|r| r >= revenue_krw);
            let applies = match (big, revenue) {
                (Some(false), _) | (_, Some(false)) => Some(false),
                (Some(true), Some(true)) => Some(true),
                _ => None,
            };
            let rev = org.revenue_krw.map_or("?".into(), n);
            (
                applies,
                (
                    format!("{}, 전년도 매출 {}원 (100억원 이상): 둘 다 충족해야 합니다.", facility.0, rev),
                    format!("{}, previous-year revenue KRW {} (10 bn): both are needed.", facility.1, rev),
                ),
            )
        }
        Test::RevenueAndUsers { revenue_krw, users: u_min } => {
            let applies = match (org.revenue_krw, users) {
                (Some(r), _) if r < revenue_krw => Some(false),
                (_, Some(u)) if u < u_min => Some(false),
                (Some(_), Some(_)) => Some(true),
                _ => None,
            };
            let (rev, u) = (org.revenue_krw.map_or("?".into(), n), users.map_or("?".into(), n));
            (
                applies,
                (
                    format!("일평균 이용자 {u}명 (100만명 이상), 전년도 매출 {rev}원 (100억원 이상): 둘 중 하나라도 미달이면 면제."),
                    format!("{u} daily users (1 M) and previous-year revenue KRW {rev} (10 bn): exempt if either is below."),
                ),
            )
        }
    }
}

/// The check of `designation` for one service of `org` at `at`.
pub fn check_service(
    designation: Designation,
    org: &OperatorFacts,
    s: &ServiceFacts,
    at: Timestamp,
) -> DesignationCheck {
    decide(designation, org, &[s], at)
}

/// The check of `designation` for `org` at `at` over `services` (any one meeting it is
/// enough; unknown if none meets it and a figure is missing).
pub fn decide(
    designation: Designation,
    org: &OperatorFacts,
    services: &[&ServiceFacts],
    at: Timestamp,
) -> DesignationCheck {
    let versions = DESIGNATION_RULES.iter().filter(|r| r.designation == designation);
    let Some(rule) = in_force(versions.clone(), at) else {
        let from = versions.map(|r| r.effective_from).min().unwrap_or("");
        return DesignationCheck {
            designation,
            version: String::new(),
            basis: (String::new(), String::new()),
            applies: Some(false),
            reason: (
                format!("{from}부터 시행: 그 전에는 적용되지 않습니다."),
                format!("In force from {from}: it did not apply before."),
            ),
        };
    };
    // with no service registered, what the operator's own facts decide still counts (revenue
    // under 100억원 exempts from the notice duty whatever the users)
    let results: Vec<(Option<bool>, (String, String))> = if designation.per_service() && !services.is_empty() {
        services.iter().map(|s| test(rule, org, Some(s))).collect()
    } else {
        vec![test(rule, org, None)]
    };
    let pick = |want: Option<bool>| results.iter().find(|(a, _)| *a == want).cloned();
    let (applies, reason) = pick(Some(true))
        .or_else(|| pick(None))
        .or_else(|| pick(Some(false)))
        .unwrap_or((None, (String::new(), String::new())));
    DesignationCheck {
        designation,
        version: rule.version.to_string(),
        basis: (rule.basis.0.to_string(), rule.basis.1.to_string()),
        applies,
        reason,
    }
}

/// Every designation of `org` at `at` over `services`.
pub fn designations(org: &OperatorFacts, services: &[&ServiceFacts], at: Timestamp) -> Vec<DesignationCheck> {
    Designation::ALL.into_iter().map(|d| decide(d, org, services, at)).collect()
}

/// The designations that apply (for the duty catalog).
pub fn applying(org: &OperatorFacts, services: &[&ServiceFacts], at: Timestamp) -> Vec<Designation> {
    designations(org, services, at).into_iter().filter(|c| c.applies == Some(true)).map(|c| c.designation).collect()
}

#[cfg(test)]
#[path = "coverage_test.rs"]
mod tests;
