use super::super::calendar::effective_instant;
use super::super::coverage::TEN_BILLION_KRW;
use super::*;

fn at(date: &str) -> Timestamp {
    effective_instant(date, SEOUL).unwrap_or(Timestamp(0))
}

fn org() -> OperatorFacts {
    OperatorFacts { revenue_krw: Some(TEN_BILLION_KRW * 100), ..OperatorFacts::default() }
}

fn service(charging: Charging) -> ServiceFacts {
    ServiceFacts { daily_users: Some(47_000_000), charging: Some(charging), ..ServiceFacts::default() }
}

fn restored(minutes: i64, unforeseeable: Option<bool>) -> NoticeFacts {
    NoticeFacts { restored_after: Some(minutes), unforeseeable, ..NoticeFacts::default() }
}

fn duty(s: &ServiceFacts, f: &NoticeFacts, date: &str) -> NoticeDuty {
    notice_duty(&org(), &[s], f, at(date)).unwrap_or_else(|| panic!("no rules in force on {date}"))
}

fn exemptions(d: &NoticeDuty) -> Vec<Exemption> {
    d.exemptions.iter().map(|(e, _)| *e).collect()
}

#[test]
fn no_rules_before_the_decree_took_effect() {
    let s = service(Charging::Paid);
    assert!(notice_duty(&org(), &[&s], &NoticeFacts::default(), Timestamp(at("2020-12-10").0 - 1)).is_none());
}

#[test]
fn a_free_service_was_exempt_until_the_2025_amendment_and_is_not_after() {
    let free = service(Charging::Free);
    let long = restored(600, Some(false));
    let before = duty(&free, &long, "2021-05-05");
    assert_eq!(before.notice, Verdict::NotMet);
    assert_eq!(exemptions(&before), vec![Exemption::FreeService]);
    let after = duty(&free, &long, "2025-03-28");
    assert_eq!(after.notice, Verdict::Met);
    assert!(after.notes.iter().any(|n| n.1.contains("deleted on 2025-03-28")));
    // the day before, at 23:59 KST, still the old rules
    let eve = notice_duty(&org(), &[&free], &long, Timestamp(at("2025-03-28").0 - 60)).map(|d| d.notice);
    assert_eq!(eve, Some(Verdict::NotMet));
}

#[test]
fn the_short_outage_window_was_four_hours_then_two() {
    let paid = service(Charging::Paid);
    // KakaoTalk, 5 May 2021: 2 h 21 min, unforeseeable (a system error)
    let kakao_2021 = duty(&paid, &restored(141, Some(true)), "2021-05-05");
    assert_eq!(exemptions(&kakao_2021), vec![Exemption::ShortUnforeseeable]);
    for (minutes, exempt) in [(120, true), (121, false), (240, false)] {
        let d = duty(&paid, &restored(minutes, Some(true)), "2025-06-01");
        assert_eq!(d.notice == Verdict::NotMet, exempt, "{minutes} minutes after the amendment");
    }
    for (minutes, exempt) in [(240, true), (241, false)] {
        let d = duty(&paid, &restored(minutes, Some(true)), "2024-06-01");
        assert_eq!(d.notice == Verdict::NotMet, exempt, "{minutes} minutes before the amendment");
    }
}

#[test]
fn a_short_outage_is_exempt_only_if_unforeseeable() {
    let paid = service(Charging::Paid);
    assert_eq!(duty(&paid, &restored(30, Some(false)), "2025-06-01").notice, Verdict::Met);
    let unanswered = duty(&paid, &restored(30, None), "2025-06-01");
    assert_eq!(unanswered.notice, Verdict::Met);
    assert!(unanswered.notes.iter().any(|n| n.1.contains("exempt if it was unforeseeable")));
    let claimed = NoticeFacts { claimed: Some("unforeseeable_short".into()), ..restored(30, None) };
    assert_eq!(duty(&paid, &claimed, "2025-06-01").notice, Verdict::NotMet);
    // not yet restored: the duty runs
    assert_eq!(duty(&paid, &NoticeFacts::default(), "2025-06-01").notice, Verdict::Met);
}

#[test]
fn an_important_facility_removes_the_short_window_from_2025_only() {
    let paid = service(Charging::Paid);
    let f = NoticeFacts { important_facility: Some(true), ..restored(60, Some(true)) };
    let after = duty(&paid, &f, "2025-06-01");
    assert_eq!(after.notice, Verdict::Met);
    assert!(after.notes.iter().any(|n| n.1.contains("important facility")));
    assert_eq!(duty(&paid, &f, "2024-06-01").notice, Verdict::NotMet);
}

#[test]
fn maintenance_isp_faults_size_and_cloud_exempt_in_every_version() {
    let paid = service(Charging::Paid);
    let long = restored(600, Some(false));
    for date in ["2021-01-01", "2025-06-01"] {
        let maint = NoticeFacts { claimed: Some("maintenance_preannounced".into()), ..long.clone() };
        assert_eq!(exemptions(&duty(&paid, &maint, date)), vec![Exemption::Maintenance]);
        let isp = NoticeFacts { isp_fault: true, ..long.clone() };
        assert_eq!(exemptions(&duty(&paid, &isp, date)), vec![Exemption::IspFault]);
        let small = ServiceFacts { daily_users: Some(999_999), ..paid.clone() };
        assert_eq!(exemptions(&duty(&small, &long, date)), vec![Exemption::BelowThreshold]);
        let cloud = ServiceFacts { cloud_act: Some(true), ..paid.clone() };
        assert_eq!(exemptions(&duty(&cloud, &long, date)), vec![Exemption::Cloud]);
    }
    let poor = OperatorFacts { revenue_krw: Some(TEN_BILLION_KRW - 1), ..org() };
    let d = notice_duty(&poor, &[&paid], &long, at("2025-06-01"));
    assert_eq!(d.map(|d| exemptions(&d)), Some(vec![Exemption::BelowThreshold]));
}

#[test]
fn unknown_size_leaves_the_duty_unknown_and_a_claim_is_not_taken_on_trust() {
    let s = ServiceFacts { daily_users: Some(5_000_000), charging: Some(Charging::Paid), ..ServiceFacts::default() };
    let f = NoticeFacts { claimed: Some("below_threshold".into()), ..restored(600, Some(false)) };
    let d = notice_duty(&OperatorFacts::default(), &[&s], &f, at("2025-06-01"));
    assert_eq!(d.as_ref().map(|d| d.notice), Some(Verdict::Unknown));
    assert!(d.is_some_and(|d| d.notes.iter().any(|n| n.1.contains("lacks the revenue"))));
}

#[test]
fn compensation_notice_is_owed_for_paid_services_not_in_cases_one_to_three_or_five() {
    let long = restored(600, Some(false));
    assert_eq!(duty(&service(Charging::Paid), &long, "2025-06-01").compensation, Verdict::Met);
    assert_eq!(duty(&service(Charging::Mixed), &long, "2025-06-01").compensation, Verdict::Met);
    let free = duty(&service(Charging::Free), &long, "2025-06-01");
    assert_eq!((free.notice, free.compensation), (Verdict::Met, Verdict::NotMet), "notice yes, compensation no");
    let maint = NoticeFacts { claimed: Some("maintenance_preannounced".into()), ..long.clone() };
    assert_eq!(duty(&service(Charging::Paid), &maint, "2025-06-01").compensation, Verdict::NotMet);
    // case 4 (short, unforeseeable) keeps the compensation notice
    let short = duty(&service(Charging::Paid), &restored(60, Some(true)), "2025-06-01");
    assert_eq!((short.notice, short.compensation), (Verdict::NotMet, Verdict::Met));
    let unknown = ServiceFacts { daily_users: Some(47_000_000), ..ServiceFacts::default() };
    assert_eq!(duty(&unknown, &long, "2025-06-01").compensation, Verdict::Unknown);
}

#[test]
fn facts_are_read_from_the_report() {
    let mut c = Content::default();
    c.set("onset_at", "2025-06-01T00:00:00Z");
    c.set("restored_at", "2025-06-01T01:30:00Z");
    c.set("unforeseeable", "yes");
    c.set("third_party_involved", "yes");
    c.set("third_party_role", "isp");
    let f = NoticeFacts::from_content(&c);
    assert_eq!((f.restored_after, f.unforeseeable, f.isp_fault), (Some(90), Some(true), true));
    c.set("restored_at", "2025-05-31T23:00:00Z");
    assert_eq!(NoticeFacts::from_content(&c).restored_after, None, "restoration before onset is no duration");
}
