use super::super::calendar::effective_instant;
use super::*;

fn service(users: Option<u64>, share: Option<f64>) -> ServiceFacts {
    ServiceFacts { daily_users: users, traffic_share_pct: share, ..ServiceFacts::default() }
}

fn at(date: &str) -> Timestamp {
    effective_instant(date, SEOUL).unwrap_or(Timestamp(0))
}

fn applies(d: Designation, org: &OperatorFacts, s: &ServiceFacts, when: &str) -> Option<bool> {
    check_service(d, org, s, at(when)).applies
}

const NOW: &str = "2026-01-01";

#[test]
fn tba_22_7_needs_both_a_million_users_and_one_percent_of_traffic() {
    let org = OperatorFacts::default();
    let t = |u, s| applies(Designation::Tba22_7, &org, &service(Some(u), Some(s)), NOW);
    assert_eq!(t(1_000_000, 1.0), Some(true));
    assert_eq!(t(999_999, 50.0), Some(false));
    assert_eq!(t(50_000_000, 0.99), Some(false));
    // a million users alone does not decide it: the traffic share is asked for
    let unknown = check_service(Designation::Tba22_7, &org, &service(Some(47_000_000), None), at(NOW));
    assert_eq!(unknown.applies, None);
    assert!(unknown.reason.1.contains("share of domestic traffic"), "{:?}", unknown.reason);
    // too few users decides it without the share
    assert_eq!(applies(Designation::Tba22_7, &org, &service(Some(10), None), NOW), Some(false));
}

#[test]
fn the_framework_act_covers_value_added_services_from_4_july_2023_only() {
    let org = OperatorFacts::default();
    let big = service(Some(47_000_000), Some(2.5));
    assert_eq!(applies(Designation::MajorOperator, &org, &big, "2023-07-04"), Some(true));
    let day_before = Timestamp(at("2023-07-04").0 - 1);
    let before = check_service(Designation::MajorOperator, &org, &big, day_before);
    assert_eq!(before.applies, Some(false));
    assert!(before.reason.1.contains("2023-07-04"), "{:?}", before.reason);
    // the Pangyo fire (15 October 2022) predates it
    assert_eq!(applies(Designation::MajorOperator, &org, &big, "2022-10-15"), Some(false));
}

#[test]
fn major_operator_needs_either_ten_million_users_or_two_percent() {
    let org = OperatorFacts::default();
    let t = |u, s| applies(Designation::MajorOperator, &org, &service(Some(u), Some(s)), NOW);
    assert_eq!(t(10_000_000, 0.0), Some(true));
    assert_eq!(t(1, 2.0), Some(true));
    assert_eq!(t(9_999_999, 1.99), Some(false));
    assert_eq!(applies(Designation::MajorOperator, &org, &service(Some(10_000_000), None), NOW), Some(true));
    assert_eq!(applies(Designation::MajorOperator, &org, &service(Some(9_999_999), None), NOW), None);
}

#[test]
fn a_data_centre_needs_size_and_revenue() {
    let dc = |floor, power, revenue| OperatorFacts {
        dc_floor_m2: floor,
        dc_power_kw: power,
        revenue_krw: revenue,
        ..OperatorFacts::default()
    };
    let s = service(None, None);
    let t = |o: &OperatorFacts| applies(Designation::MajorDataCentre, o, &s, NOW);
    assert_eq!(t(&dc(Some(22_500), Some(0), Some(TEN_BILLION_KRW))), Some(true), "floor area alone");
    assert_eq!(t(&dc(Some(0), Some(40_000), Some(TEN_BILLION_KRW))), Some(true), "power alone");
    assert_eq!(t(&dc(Some(22_499), Some(39_999), Some(TEN_BILLION_KRW))), Some(false), "too small");
    assert_eq!(t(&dc(Some(30_000), None, Some(TEN_BILLION_KRW - 1))), Some(false), "revenue too low");
    assert_eq!(t(&dc(Some(30_000), None, None)), None, "revenue unknown");
    assert_eq!(t(&dc(None, None, Some(TEN_BILLION_KRW))), Some(false), "no size given: not a data centre");
    assert_eq!(t(&dc(Some(20_000), None, Some(TEN_BILLION_KRW))), None, "small floor, power unknown");
    assert_eq!(
        applies(Designation::MajorDataCentre, &dc(Some(30_000), None, Some(TEN_BILLION_KRW)), &s, "2023-07-03"),
        Some(false)
    );
}

#[test]
fn the_notice_duty_exempts_small_revenue_or_small_audiences() {
    let org = |r| OperatorFacts { revenue_krw: r, ..OperatorFacts::default() };
    let t = |r, u| applies(Designation::UserNotice, &org(r), &service(u, None), NOW);
    assert_eq!(t(Some(TEN_BILLION_KRW), Some(1_000_000)), Some(true));
    assert_eq!(t(Some(TEN_BILLION_KRW - 1), Some(50_000_000)), Some(false));
    assert_eq!(t(Some(TEN_BILLION_KRW), Some(999_999)), Some(false));
    assert_eq!(t(None, Some(999_999)), Some(false), "too few users decides it");
    assert_eq!(t(None, Some(5_000_000)), None);
}

#[test]
fn an_operator_is_covered_when_any_of_its_services_is() {
    let org = OperatorFacts { revenue_krw: Some(7_000_000_000_000), ..OperatorFacts::default() };
    let small = service(Some(1_000), Some(0.01));
    let big = service(Some(47_000_000), Some(2.5));
    let unknown = service(None, None);
    let t = |s: &[&ServiceFacts]| decide(Designation::Tba22_7, &org, s, at(NOW)).applies;
    assert_eq!(t(&[&small, &big]), Some(true));
    assert_eq!(t(&[&small]), Some(false));
    assert_eq!(t(&[&small, &unknown]), None, "not met by one, unknown for the other");
    assert_eq!(t(&[]), None, "nothing registered");
    let poor = OperatorFacts { revenue_krw: Some(1), ..OperatorFacts::default() };
    assert_eq!(
        decide(Designation::UserNotice, &poor, &[], at(NOW)).applies,
        Some(false),
        "revenue decides without services"
    );
    let all = applying(&org, &[&big], at(NOW));
    assert_eq!(all, vec![Designation::Tba22_7, Designation::MajorOperator, Designation::UserNotice]);
}

#[test]
fn every_check_names_its_version_and_basis_in_both_languages() {
    let org = OperatorFacts::default();
    for d in Designation::ALL {
        let c = decide(d, &org, &[&service(Some(1), Some(0.0))], at(NOW));
        assert!(!c.version.is_empty() && !c.basis.0.is_empty() && !c.basis.1.is_empty(), "{d:?}");
        assert!(!c.reason.0.is_empty() && !c.reason.1.is_empty() && c.reason.0 != c.reason.1, "{d:?}");
    }
}

proptest::proptest! {
    /// The two-part tests hold exactly at their thresholds, on either side of every one.
    #[test]
    fn thresholds_are_inclusive(users in 0u64..30_000_000, share in 0.0f64..5.0) {
        let org = OperatorFacts::default();
        let s = service(Some(users), Some(share));
        let tba = applies(Designation::Tba22_7, &org, &s, NOW);
        proptest::prop_assert_eq!(tba, Some(users >= 1_000_000 && share >= 1.0));
        let major = applies(Designation::MajorOperator, &org, &s, NOW);
        proptest::prop_assert_eq!(major, Some(users >= 10_000_000 || share >= 2.0));
    }
}
