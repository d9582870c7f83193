//! An operator's standing profile (brief, section c.0): its services with the designations
//! they fall under, computed from the thresholds in the brief (section a.1) and shown with
//! the reason.

use serde::{Deserialize, Serialize};

use super::numbers::grouped as n;

/// 100억원: revenue threshold of the user-notice duty (TBA 33②, Decree 37-13①).
pub const NOTICE_REVENUE_KRW: u64 = 10_000_000_000;
pub const MILLION: u64 = 1_000_000;

/// What a service is, for the designation rules.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceFacts {
    /// Daily domestic users, 3-month average at the end of the previous year.
    pub daily_users: Option<u64>,
    /// Share of domestic internet traffic, percent.
    pub traffic_share_pct: Option<f64>,
    /// The organisation's previous-year revenue, KRW.
    pub org_revenue_krw: Option<u64>,
}

/// A designation a service falls under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Designation {
    /// TBA Art. 22-7 service-stability duties.
    Tba22_7,
    /// Framework Act Art. 35①4 major broadcasting-communications operator.
    MajorOperator,
    /// TBA Art. 33② user outage-notice duty.
    UserNotice,
}

impl Designation {
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Designation::Tba22_7 => {
                ("전기통신사업법 제22조의7 서비스 안정성 의무", "TBA Art. 22-7 service-stability duties")
            }
            Designation::MajorOperator => ("방송통신발전기본법 주요방송통신사업자", "Framework Act major operator"),
            Designation::UserNotice => ("이용자 장애 고지 의무 (제33조②)", "User outage-notice duty (TBA Art. 33(2))"),
        }
    }
}

/// Whether a designation applies, and why (Korean, English).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DesignationCheck {
    pub designation: Designation,
    /// `None` when a needed figure is missing.
    pub applies: Option<bool>,
    pub reason: (String, String),
}

/// Every designation check for one service.
pub fn designations(f: &ServiceFacts) -> Vec<DesignationCheck> {
    let users = f.daily_users;
    let share = f.traffic_share_pct;
    let missing = |what_ko: &str, what_en: &str| {
        (format!("{what_ko}이(가) 없어 판단할 수 없습니다."), format!("Cannot tell without {what_en}."))
    };
    let tba = match (users, share) {
        (Some(u), Some(s)) => DesignationCheck {
            designation: Designation::Tba22_7,
            applies: Some(u >= MILLION && s >= 1.0),
            reason: (
                format!(
                    "일평균 이용자 {}명 (기준 100만명 이상), 트래픽 {s}% (기준 1% 이상): 둘 다 충족해야 합니다.",
                    n(u)
                ),
                format!("{} daily users (threshold 1 M) and {s} % of traffic (threshold 1 %): both are needed.", n(u)),
            ),
        },
        _ => DesignationCheck {
            designation: Designation::Tba22_7,
            applies: None,
            reason: missing("이용자 수 또는 트래픽 비중", "daily users and traffic share"),
        },
    };
    let major = match (users, share) {
        (Some(u), _) if u >= 10 * MILLION => DesignationCheck {
            designation: Designation::MajorOperator,
            applies: Some(true),
            reason: (
                format!("일평균 이용자 {}명 (기준 1천만명 이상).", n(u)),
                format!("{} daily users (threshold 10 M).", n(u)),
            ),
        },
        (_, Some(s)) if s >= 2.0 => DesignationCheck {
            designation: Designation::MajorOperator,
            applies: Some(true),
            reason: (format!("트래픽 {s}% (기준 2% 이상)."), format!("{s} % of traffic (threshold 2 %).")),
        },
        (Some(u), Some(s)) => DesignationCheck {
            designation: Designation::MajorOperator,
            applies: Some(false),
            reason: (
                format!("일평균 이용자 {}명, 트래픽 {s}%: 1천만명 또는 2%에 미달.", n(u)),
                format!("{} daily users and {s} % of traffic: under 10 M and under 2 %.", n(u)),
            ),
        },
        _ => DesignationCheck {
            designation: Designation::MajorOperator,
            applies: None,
            reason: missing("이용자 수와 트래픽 비중", "daily users and traffic share"),
        },
    };
    let notice = match (users, f.org_revenue_krw) {
        (Some(u), Some(r)) => DesignationCheck {
            designation: Designation::UserNotice,
            applies: Some(u >= MILLION && r >= NOTICE_REVENUE_KRW),
            reason: (
                format!(
                    "일평균 이용자 {}명 (100만명 이상), 전년도 매출 {}원 (100억원 이상): 둘 중 하나라도 미달이면 면제.",
                    n(u),
                    n(r)
                ),
                format!(
                    "{} daily users (1 M) and previous-year revenue KRW {} (10 bn): exempt if either is below.",
                    n(u),
                    n(r)
                ),
            ),
        },
        _ => DesignationCheck {
            designation: Designation::UserNotice,
            applies: None,
            reason: missing("이용자 수 또는 매출", "daily users and revenue"),
        },
    };
    vec![tba, major, notice]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(users: u64, share: f64, revenue: u64) -> ServiceFacts {
        ServiceFacts { daily_users: Some(users), traffic_share_pct: Some(share), org_revenue_krw: Some(revenue) }
    }

    #[test]
    fn a_messenger_of_47_million_users_falls_under_everything() {
        let d = designations(&facts(47_000_000, 2.5, 7_000_000_000_000));
        assert!(d.iter().all(|c| c.applies == Some(true)), "{d:?}");
    }

    #[test]
    fn tba_22_7_needs_both_users_and_traffic() {
        assert_eq!(designations(&facts(5_000_000, 0.9, 0))[0].applies, Some(false));
        assert_eq!(designations(&facts(999_999, 3.0, 0))[0].applies, Some(false));
        assert_eq!(designations(&facts(1_000_000, 1.0, 0))[0].applies, Some(true));
    }

    #[test]
    fn major_operator_needs_either_ten_million_users_or_two_percent() {
        assert_eq!(designations(&facts(10_000_000, 0.1, 0))[1].applies, Some(true));
        assert_eq!(designations(&facts(100, 2.0, 0))[1].applies, Some(true));
        assert_eq!(designations(&facts(9_999_999, 1.99, 0))[1].applies, Some(false));
    }

    #[test]
    fn the_notice_duty_exempts_small_revenue_or_small_audiences() {
        assert_eq!(designations(&facts(2_000_000, 0.0, 9_999_999_999))[2].applies, Some(false));
        assert_eq!(designations(&facts(2_000_000, 0.0, NOTICE_REVENUE_KRW))[2].applies, Some(true));
        assert_eq!(designations(&ServiceFacts::default())[2].applies, None);
    }
}
