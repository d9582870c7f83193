use super::super::calendar::effective_instant;
use super::*;

fn now() -> Timestamp {
    effective_instant("2026-01-01", LONDON).unwrap_or(Timestamp(0))
}

fn uk(kind: UkNetwork) -> OperatorFacts {
    OperatorFacts { uk_network: Some(kind), ..OperatorFacts::default() }
}

#[test]
fn fcc_needs_both_thirty_minutes_and_900000_user_minutes() {
    assert_eq!(fcc(Some(30), Some(900_000), now()).verdict, Verdict::Met);
    assert_eq!(fcc(Some(29), Some(9_000_000), now()).verdict, Verdict::NotMet);
    assert_eq!(fcc(Some(300), Some(899_999), now()).verdict, Verdict::NotMet);
    let unknown = fcc(None, None, now());
    assert_eq!(unknown.verdict, Verdict::Unknown);
    assert!(
        unknown.reasons.iter().any(|r| r.1.contains("Not assessed") && r.1.contains("OC3")),
        "{:?}",
        unknown.reasons
    );
    assert_eq!(unknown.basis.1, "47 CFR 4.9 (outage reporting thresholds)");
}

#[test]
fn ofcom_any_network_with_100000_customers() {
    assert_eq!(ofcom(&uk(UkNetwork::Mobile), Some(100_000), None, Some(1), None, now()).verdict, Verdict::Met);
    assert_eq!(ofcom(&uk(UkNetwork::Mobile), Some(99_999), None, Some(600), None, now()).verdict, Verdict::NotMet);
}

#[test]
fn ofcom_fixed_networks_10000_or_a_quarter_for_eight_hours() {
    let f = uk(UkNetwork::Fixed);
    assert_eq!(ofcom(&f, Some(10_000), None, Some(480), None, now()).verdict, Verdict::Met);
    assert_eq!(ofcom(&f, Some(10_000), None, Some(479), None, now()).verdict, Verdict::NotMet);
    assert_eq!(ofcom(&f, Some(9_999), Some(1_000_000), Some(480), None, now()).verdict, Verdict::NotMet);
    assert_eq!(ofcom(&f, Some(2_500), Some(10_000), Some(480), None, now()).verdict, Verdict::Met, "25 %");
    assert_eq!(ofcom(&f, Some(2_499), Some(10_000), Some(480), None, now()).verdict, Verdict::NotMet);
    // the same figures on a mobile network: its thresholds are the operator's own
    let m = ofcom(&uk(UkNetwork::Mobile), Some(10_000), None, Some(480), None, now());
    assert_eq!(m.verdict, Verdict::NotMet);
    assert!(m.reasons.iter().any(|r| r.1.contains("operator-specific")));
}

#[test]
fn ofcom_critical_above_three_million_user_hours() {
    assert_eq!(ofcom_critical(Some(3_000_001 * 60)), Some(true));
    assert_eq!(ofcom_critical(Some(3_000_000 * 60)), Some(false));
    assert_eq!(ofcom_critical(None), None);
    let a = ofcom(&uk(UkNetwork::Fixed), Some(1_000_000), None, Some(600), Some(600_000_000), now());
    assert!(a.reasons.iter().any(|r| r.1.contains("a critical incident")), "{:?}", a.reasons);
}

#[test]
fn ofcom_does_not_apply_outside_uk_networks_or_before_2022() {
    assert_eq!(
        ofcom(&uk(UkNetwork::NotCovered), Some(5_000_000), None, Some(600), None, now()).verdict,
        Verdict::NotMet
    );
    assert_eq!(ofcom(&OperatorFacts::default(), Some(5_000), None, Some(600), None, now()).verdict, Verdict::Unknown);
    let before = Timestamp(effective_instant("2022-10-01", LONDON).map_or(0, |t| t.0) - 1);
    assert_eq!(ofcom(&uk(UkNetwork::Fixed), Some(5_000_000), None, Some(600), None, before).verdict, Verdict::NotMet);
}
