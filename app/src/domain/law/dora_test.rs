use super::super::calendar::effective_instant;
use super::*;

fn content(pairs: &[(&str, &str)]) -> Content {
    let mut c = Content::default();
    for (k, v) in pairs {
        c.set(k, *v);
    }
    c
}

fn payments() -> ServiceFacts {
    ServiceFacts { critical_functions: vec!["payments".into(), "login".into()], ..ServiceFacts::default() }
}

fn bank() -> OperatorFacts {
    OperatorFacts { dora_entity: Some(true), ..OperatorFacts::default() }
}

fn now() -> Timestamp {
    effective_instant("2026-01-01", BRUSSELS).unwrap_or(Timestamp(0))
}

fn verdict(pairs: &[(&str, &str)], minutes: Option<i64>) -> Verdict {
    assess(&bank(), &[&payments()], &content(pairs), minutes, now()).verdict
}

#[test]
fn critical_services_and_two_criteria_make_a_major_incident() {
    let base = [("functions_affected", "payments"), ("users_affected", "100001"), ("data_loss", "yes")];
    assert_eq!(verdict(&base, Some(10)), Verdict::Met);
    // one criterion is not enough
    assert_eq!(verdict(&[("functions_affected", "payments"), ("users_affected", "100001")], Some(10)), Verdict::NotMet);
    // 100,000 clients is not more than 100,000
    assert_eq!(
        verdict(&[("functions_affected", "payments"), ("users_affected", "100000"), ("data_loss", "yes")], Some(10)),
        Verdict::NotMet
    );
}

#[test]
fn critical_means_what_the_profile_names_critical() {
    let pairs = [("functions_affected", "messaging"), ("users_affected", "5000000"), ("data_loss", "yes")];
    assert_eq!(verdict(&pairs, Some(10)), Verdict::NotMet, "messaging is not critical for this operator");
    let messenger = ServiceFacts { critical_functions: vec!["messaging".into()], ..ServiceFacts::default() };
    assert_eq!(assess(&bank(), &[&messenger], &content(&pairs), Some(10), now()).verdict, Verdict::Met);
    let none_named = ServiceFacts::default();
    assert_eq!(assess(&bank(), &[&none_named], &content(&pairs), Some(10), now()).verdict, Verdict::Unknown);
}

#[test]
fn malicious_access_alone_suffices_with_critical_services() {
    let pairs = [("functions_affected", "login"), ("unauthorised_access", "yes"), ("suspected_malicious", "yes")];
    assert_eq!(verdict(&pairs, Some(5)), Verdict::Met);
}

#[test]
fn each_threshold_holds_on_its_side() {
    let with = |k: &'static str, v: &'static str| {
        let pairs = [("functions_affected", "payments"), ("data_loss", "yes"), (k, v)];
        verdict(&pairs, Some(10))
    };
    assert_eq!(with("counterparts_pct", "30.1"), Verdict::Met);
    assert_eq!(with("counterparts_pct", "30"), Verdict::NotMet);
    assert_eq!(with("transactions_pct", "10.1"), Verdict::Met);
    assert_eq!(with("transactions_pct", "10"), Verdict::NotMet);
    assert_eq!(with("economic_impact_eur", "100001"), Verdict::Met);
    assert_eq!(with("economic_impact_eur", "100000"), Verdict::NotMet);
    assert_eq!(with("eu_member_states", "2"), Verdict::Met);
    assert_eq!(with("eu_member_states", "1"), Verdict::NotMet);
    assert_eq!(with("reputational_impact", "yes"), Verdict::Met);
    assert_eq!(with("critical_downtime_min", "121"), Verdict::Met);
    assert_eq!(with("critical_downtime_min", "120"), Verdict::NotMet);
    // the amount is in euro: a won figure does not count
    assert_eq!(with("economic_impact_krw", "900000000"), Verdict::NotMet);
}

#[test]
fn the_duration_criterion_is_24_hours_or_two_hours_of_critical_downtime() {
    let pairs = [("functions_affected", "payments"), ("data_loss", "yes")];
    assert_eq!(verdict(&pairs, Some(121)), Verdict::Met, "critical services down 2 h 1 min");
    assert_eq!(verdict(&pairs, Some(120)), Verdict::NotMet);
}

#[test]
fn not_a_financial_entity_or_before_dora_applies() {
    let pairs = [("functions_affected", "payments"), ("users_affected", "5000000"), ("data_loss", "yes")];
    let shop = OperatorFacts { dora_entity: Some(false), ..OperatorFacts::default() };
    assert_eq!(assess(&shop, &[&payments()], &content(&pairs), Some(10), now()).verdict, Verdict::NotMet);
    let unsaid = OperatorFacts::default();
    assert_eq!(assess(&unsaid, &[&payments()], &content(&pairs), Some(10), now()).verdict, Verdict::Unknown);
    let before = Timestamp(effective_instant("2025-01-17", BRUSSELS).map_or(0, |t| t.0) - 1);
    assert_eq!(assess(&bank(), &[&payments()], &content(&pairs), Some(10), before).verdict, Verdict::NotMet);
}
