use super::super::calendar::effective_instant;
use super::*;

fn content(pairs: &[(&str, &str)]) -> Content {
    let mut c = Content::default();
    for (k, v) in pairs {
        c.set(k, *v);
    }
    c
}

fn org(kind: Nis2Entity) -> OperatorFacts {
    OperatorFacts { nis2_entity: Some(kind), turnover_eur: Some(100_000_000), ..OperatorFacts::default() }
}

fn now() -> Timestamp {
    effective_instant("2026-01-01", BRUSSELS).unwrap_or(Timestamp(0))
}

fn verdict(kind: Nis2Entity, pairs: &[(&str, &str)], minutes: Option<i64>) -> Verdict {
    assess(&org(kind), &content(pairs), minutes, now()).verdict
}

#[test]
fn cloud_completely_unavailable_for_more_than_thirty_minutes() {
    let down = [("impact_type", "complete_unavailability"), ("economic_impact_eur", "0")];
    assert_eq!(verdict(Nis2Entity::Cloud, &down, Some(31)), Verdict::Met);
    assert_eq!(verdict(Nis2Entity::Cloud, &down, Some(30)), Verdict::NotMet);
    assert_eq!(verdict(Nis2Entity::Cdn, &down, Some(31)), Verdict::Met, "CDN has the same pattern (Art. 9)");
}

#[test]
fn cloud_limited_for_over_an_hour_for_five_percent_or_a_million_eu_users() {
    let limited = |affected: &'static str, total: &'static str| {
        vec![
            ("impact_type", "limited_availability"),
            ("eu_users_affected", affected),
            ("eu_users_total", total),
            ("economic_impact_eur", "0"),
        ]
    };
    // 5 % of 2,000,000 = 100,000, smaller than 1 M: more than 100,000 is needed
    let pairs = limited("100001", "2000000");
    assert_eq!(verdict(Nis2Entity::Cloud, &pairs, Some(61)), Verdict::Met);
    assert_eq!(verdict(Nis2Entity::Cloud, &pairs, Some(60)), Verdict::NotMet, "an hour is not more than an hour");
    assert_eq!(verdict(Nis2Entity::Cloud, &limited("100000", "2000000"), Some(61)), Verdict::NotMet);
    // a very large entity: 1 M is the smaller bar
    assert_eq!(verdict(Nis2Entity::Cloud, &limited("1000001", "900000000"), Some(61)), Verdict::Met);
    assert_eq!(verdict(Nis2Entity::Cloud, &limited("1000000", "900000000"), Some(61)), Verdict::NotMet);
}

#[test]
fn korean_users_do_not_count_eu_users_do() {
    // 40 M Korean users affected, nobody in the EU
    let pairs = [
        ("impact_type", "limited_availability"),
        ("users_affected", "40000000"),
        ("service_users", "47000000"),
        ("eu_users_affected", "0"),
        ("eu_users_total", "10000"),
        ("economic_impact_eur", "0"),
    ];
    assert_eq!(verdict(Nis2Entity::SocialNetwork, &pairs, Some(600)), Verdict::NotMet);
}

#[test]
fn social_networks_count_users_whatever_the_duration() {
    let pairs = [
        ("impact_type", "complete_unavailability"),
        ("eu_users_affected", "60000"),
        ("eu_users_total", "1000000"),
        ("economic_impact_eur", "0"),
    ];
    assert_eq!(verdict(Nis2Entity::SocialNetwork, &pairs, Some(5)), Verdict::Met);
}

#[test]
fn malicious_data_compromise_is_significant_at_any_scale() {
    let pairs = [("impact_type", "data_confidentiality"), ("suspected_malicious", "yes"), ("economic_impact_eur", "0")];
    assert_eq!(verdict(Nis2Entity::Cloud, &pairs, Some(1)), Verdict::Met);
    let accidental = [
        ("impact_type", "data_integrity"),
        ("suspected_malicious", "no"),
        ("eu_users_affected", "10"),
        ("eu_users_total", "1000"),
        ("economic_impact_eur", "0"),
    ];
    assert_eq!(verdict(Nis2Entity::Cloud, &accidental, Some(1)), Verdict::NotMet);
}

#[test]
fn the_general_financial_criterion_is_the_lower_of_half_a_million_and_five_percent() {
    let loss = |eur: &'static str| vec![("economic_impact_eur", eur)];
    // turnover €100 M: 5 % is €5 M, so €500,000 is the bar
    assert_eq!(verdict(Nis2Entity::Cloud, &loss("500001"), None), Verdict::Met);
    assert_eq!(verdict(Nis2Entity::Cloud, &loss("500000"), None), Verdict::NotMet);
    // turnover €4 M: 5 % is €200,000
    let small = OperatorFacts { turnover_eur: Some(4_000_000), ..org(Nis2Entity::Cloud) };
    assert_eq!(assess(&small, &content(&loss("200001")), None, now()).verdict, Verdict::Met);
    assert_eq!(assess(&small, &content(&loss("200000")), None, now()).verdict, Verdict::NotMet);
    // turnover unknown: under €500,000 cannot be ruled out
    let unknown = OperatorFacts { turnover_eur: None, ..org(Nis2Entity::Cloud) };
    assert_eq!(assess(&unknown, &content(&loss("300000")), None, now()).verdict, Verdict::Unknown);
}

#[test]
fn death_health_or_malicious_access_is_significant_for_every_type() {
    for k in [Nis2Entity::Dns, Nis2Entity::SearchEngine, Nis2Entity::Cloud] {
        assert_eq!(verdict(k, &[("deaths_or_health", "yes")], None), Verdict::Met, "{k:?}");
        assert_eq!(verdict(k, &[("unauthorised_access", "yes"), ("suspected_malicious", "yes")], None), Verdict::Met);
    }
}

#[test]
fn unassessed_types_say_so_and_stay_unknown() {
    let a = assess(&org(Nis2Entity::OnlineMarketplace), &content(&[("economic_impact_eur", "0")]), Some(600), now());
    assert_eq!(a.verdict, Verdict::Unknown);
    assert!(a.reasons.iter().any(|r| r.1.contains("Art. 11 are not assessed")), "{:?}", a.reasons);
}

#[test]
fn not_an_entity_or_before_nis2_applies() {
    assert_eq!(verdict(Nis2Entity::NotCovered, &[("deaths_or_health", "yes")], None), Verdict::NotMet);
    let before = Timestamp(effective_instant("2024-10-18", BRUSSELS).map_or(0, |t| t.0) - 1);
    let a = assess(&org(Nis2Entity::Cloud), &content(&[("deaths_or_health", "yes")]), None, before);
    assert_eq!(a.verdict, Verdict::NotMet);
}

#[test]
fn earlier_incidents_with_the_same_cause_are_named_under_article_four() {
    let a = assess(
        &org(Nis2Entity::Cloud),
        &content(&[("related_incidents", "OD-2026-000001, OD-2026-000002"), ("economic_impact_eur", "300000")]),
        None,
        now(),
    );
    assert_eq!(a.verdict, Verdict::Unknown);
    assert!(a.reasons.iter().any(|r| r.1.contains("Art. 4: 2 earlier incident(s)")), "{:?}", a.reasons);
    assert_eq!(a.version, "Impl. Reg. 2024/2690 (2024-10-18)");
}
