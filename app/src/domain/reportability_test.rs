use super::*;
use crate::domain::law::operator::{Charging, Nis2Entity, ServiceFacts, UkNetwork};
use crate::domain::zone::UserZone;

fn kst(s: &str) -> Timestamp {
    UserZone::Seoul.parse_local(s).unwrap_or(Timestamp(0))
}

fn content(pairs: &[(&str, &str)]) -> Content {
    let mut c = Content::default();
    for (k, v) in pairs {
        c.set(k, *v);
    }
    c
}

fn find<'a>(a: &'a [Assessment], regime: &str) -> &'a Assessment {
    a.iter().find(|x| x.regime == regime).unwrap_or_else(|| panic!("no {regime}"))
}

fn verdict(a: &[Assessment], regime: &str) -> Verdict {
    find(a, regime).verdict
}

/// A messenger like KakaoTalk: 47 M daily users, 2.5 % of traffic, a free service with paid
/// extras, revenue far above 100억원.
fn messenger(charging: Charging) -> OperatorFacts {
    OperatorFacts {
        revenue_krw: Some(7_000_000_000_000),
        nis2_entity: Some(Nis2Entity::SocialNetwork),
        dora_entity: Some(false),
        uk_network: Some(UkNetwork::NotCovered),
        services: vec![ServiceFacts {
            name_ko: "판교톡".into(),
            name_en: "Pangyo Talk".into(),
            daily_users: Some(47_000_000),
            traffic_share_pct: Some(2.5),
            charging: Some(charging),
            critical_functions: vec!["login".into(), "payments".into()],
            cloud_act: Some(false),
        }],
        ..OperatorFacts::default()
    }
}

fn outage(onset: &str, minutes: i64, extra: &[(&str, &str)]) -> Content {
    let t = kst(onset);
    let mut c = content(extra);
    c.set("onset_at", t.to_utc_string());
    c.set("restored_at", Timestamp(t.0 + minutes * 60).to_utc_string());
    c.set("services_affected", "판교톡");
    c
}

#[test]
fn the_incident_page_uses_the_designation_rules_of_the_profile() {
    // defect 1: a million users alone no longer makes TBA 22-7 apply, and 2 % of traffic
    // alone makes the Framework Act apply
    let mut org = messenger(Charging::Free);
    org.services[0].daily_users = Some(5_000_000);
    org.services[0].traffic_share_pct = Some(0.5);
    let a = assess(&outage("2025-06-01T10:00", 60, &[]), &org, kst("2025-06-02T00:00"));
    assert_eq!(verdict(&a, "KR_TBA22_7"), Verdict::NotMet);
    org.services[0].traffic_share_pct = Some(2.0);
    let a = assess(&outage("2025-06-01T10:00", 60, &[]), &org, kst("2025-06-02T00:00"));
    assert_eq!(verdict(&a, "KR_TBA22_7"), Verdict::Met);
    assert_eq!(verdict(&a, "KR_FA38"), Verdict::Met, "2 % of traffic alone");
    // unknown traffic share: asked for, not guessed
    org.services[0].traffic_share_pct = None;
    let a = assess(&outage("2025-06-01T10:00", 60, &[]), &org, kst("2025-06-02T00:00"));
    assert_eq!(verdict(&a, "KR_TBA22_7"), Verdict::Unknown);
    assert!(find(&a, "KR_TBA22_7").reasons[0].1.contains("share of domestic traffic"));
}

#[test]
fn kakaotalk_may_2021_free_and_short_so_no_notice_duty_then() {
    // brief, section 0: 5 May 2021 21:47 – 6 May 00:08 KST (2 h 21 min), a free service
    let c = outage("2021-05-05T21:47", 141, &[("users_affected", "40000000"), ("service_users", "47000000")]);
    let a = assess(&c, &messenger(Charging::Free), kst("2021-05-06T12:00"));
    let notice = find(&a, "KR_TBA33");
    assert_eq!(notice.verdict, Verdict::NotMet);
    assert!(
        notice.reasons.iter().any(|r| r.1.contains("a free service (Decree before 2025-03-28)")),
        "{:?}",
        notice.reasons
    );
    assert_eq!(notice.version, "Decree 37-13 (2020-12-10)");
    // the Framework Act did not cover value-added services yet
    assert_eq!(verdict(&a, "KR_FA38"), Verdict::NotMet);
    assert_eq!(verdict(&a, "KR_TBA22_7"), Verdict::Met);
    // the same outage after the 2025 amendment: the notice is owed
    let later = outage("2025-05-05T21:47", 141, &[("users_affected", "40000000"), ("service_users", "47000000")]);
    assert_eq!(verdict(&assess(&later, &messenger(Charging::Free), kst("2025-05-06T12:00")), "KR_TBA33"), Verdict::Met);
}

#[test]
fn pangyo_fire_2022_meets_the_notice_fcc_and_nis2_but_not_the_framework_act_yet() {
    let c = outage(
        "2022-10-15T15:19",
        7661,
        &[
            ("users_affected", "40000000"),
            ("service_users", "47000000"),
            ("functions_affected", "login,messaging,payments"),
            ("impact_type", "complete_unavailability"),
        ],
    );
    let a = assess(&c, &messenger(Charging::Mixed), kst("2022-10-21T00:00"));
    assert_eq!(verdict(&a, "KR_TBA33"), Verdict::Met);
    assert!(find(&a, "KR_TBA33").reasons.iter().any(|r| r.1.contains("Compensation notice: A paid service")));
    assert_eq!(
        verdict(&a, "KR_FA38"),
        Verdict::NotMet,
        "Framework Act coverage of value-added services starts 2023-07-04"
    );
    assert_eq!(verdict(&a, "US_FCC"), Verdict::Met);
    let fcc = find(&a, "US_FCC");
    assert!(fcc.reasons[0].1.contains("7,661 minutes × users = 306,440,000,000 user-minutes"), "{:?}", fcc.reasons);
    // NIS2 did not apply in 2022
    assert_eq!(verdict(&a, "EU_NIS2"), Verdict::NotMet);
    assert_eq!(verdict(&a, "EU_DORA"), Verdict::NotMet);
}

#[test]
fn a_15_minute_outage_in_may_2023_is_exempt_if_unforeseeable() {
    let c = outage("2023-05-08T10:00", 15, &[("unforeseeable", "yes")]);
    assert_eq!(verdict(&assess(&c, &messenger(Charging::Mixed), kst("2023-05-09T00:00")), "KR_TBA33"), Verdict::NotMet);
    let c = outage("2023-05-08T10:00", 15, &[("unforeseeable", "no")]);
    assert_eq!(verdict(&assess(&c, &messenger(Charging::Mixed), kst("2023-05-09T00:00")), "KR_TBA33"), Verdict::Met);
}

#[test]
fn every_assessment_names_its_version_and_basis_in_both_languages() {
    let c = outage("2026-01-10T10:00", 600, &[("users_affected", "1000")]);
    for a in assess(&c, &messenger(Charging::Paid), kst("2026-01-11T00:00")) {
        assert!(!a.version.is_empty(), "{}: no version", a.regime);
        assert!(!a.basis.0.is_empty() && !a.basis.1.is_empty(), "{}: no basis", a.regime);
        assert!(a.reasons.iter().all(|(ko, en)| !ko.is_empty() && !en.is_empty() && ko != en), "{}", a.regime);
    }
}

#[test]
fn missing_facts_give_unknown_not_a_guess() {
    let a = assess(&Content::default(), &OperatorFacts::default(), kst("2025-06-02T00:00"));
    for regime in ["KR_TBA33", "KR_FA38", "KR_TBA22_7", "EU_NIS2", "EU_DORA", "US_FCC", "UK_OFCOM"] {
        assert_eq!(verdict(&a, regime), Verdict::Unknown, "{regime}");
    }
}

#[test]
fn restoration_before_onset_asks_to_check_the_times_instead_of_judging() {
    let c = content(&[
        ("onset_at", &kst("2026-03-02T10:00").to_utc_string()),
        ("restored_at", &kst("2026-03-01T10:00").to_utc_string()),
        ("users_affected", "2000000"),
        ("service_users", "40000000"),
    ]);
    let a = assess(&c, &messenger(Charging::Paid), kst("2026-03-03T00:00"));
    assert_eq!(verdict(&a, "US_FCC"), Verdict::Unknown);
    for regime in ["KR_TBA33", "US_FCC"] {
        assert!(find(&a, regime).reasons[0].1.contains("Restoration is before onset"), "{regime}");
    }
}

#[test]
fn services_not_in_the_profile_are_judged_by_the_organisation_and_say_so() {
    let mut c = outage("2026-01-10T10:00", 600, &[]);
    c.set("services_affected", "Unregistered App");
    let a = assess(&c, &messenger(Charging::Paid), kst("2026-01-11T00:00"));
    assert!(find(&a, "KR_TBA22_7").reasons.iter().any(|r| r.1.contains("do not match the services registered")));
    c.set("services_affected", "pangyo  TALK");
    let a = assess(&c, &messenger(Charging::Paid), kst("2026-01-11T00:00"));
    assert!(!find(&a, "KR_TBA22_7").reasons.iter().any(|r| r.1.contains("do not match")), "names match loosely");
}

#[test]
fn large_numbers_print_with_thousands_separators() {
    let c = content(&[
        ("onset_at", &kst("2024-01-01T00:00").to_utc_string()),
        ("restored_at", &kst("2025-12-01T00:00").to_utc_string()),
        ("users_affected", "3"),
    ]);
    let a = assess(&c, &OperatorFacts::default(), kst("2026-01-01T00:00"));
    let fcc = &find(&a, "US_FCC").reasons[0].1;
    assert!(fcc.starts_with("1,008,000 minutes × users = 3,024,000 user-minutes"), "minutes grouped: {fcc}");
}
