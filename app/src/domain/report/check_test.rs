use proptest::prelude::*;

use super::*;
use crate::domain::filing::FilingStage::{Final, Initial, Interim};

const NOW: Timestamp = Timestamp(1_800_000_000);

fn content(pairs: &[(&str, &str)]) -> Content {
    let mut c = Content::default();
    for (k, v) in pairs {
        c.set(k, *v);
    }
    c
}

/// A complete initial notification.
fn initial() -> Content {
    content(&[
        ("title", "Data-centre fire"),
        ("regimes", "KR_FA38,KR_TBA33"),
        ("status", "ongoing"),
        ("services_affected", "Talk\nPay"),
        ("functions_affected", "login,messaging"),
        ("description", "All services down"),
        ("onset_at", "2022-10-15T06:19:00Z"),
        ("detected_at", "2022-10-15T06:25:00Z"),
        ("detection_source", "monitoring"),
        ("impact_type", "complete_unavailability"),
        ("users_affected", "40000000"),
        ("estimation_basis", "measured"),
        ("cause_category", "POWER"),
        ("suspected_malicious", "no"),
        ("third_party_involved", "yes"),
        ("third_party_role", "data_centre"),
        ("emergency_measures", "Failover"),
        ("recovery_plan", "Restore power"),
        ("failover_attempted", "yes"),
        ("failover_succeeded", "no"),
        ("notice_sent", "yes"),
        ("notice_sent_at", "2022-10-15T06:40:00Z"),
        ("notice_channels", "sns,press"),
        ("notice_contents", "fact,cause,response,contact"),
    ])
}

#[test]
fn a_complete_initial_notification_passes() {
    assert_eq!(check(&initial(), Initial, NOW), FieldErrors::default());
}

#[test]
fn later_stages_require_more() {
    let e = check(&initial(), Interim, NOW);
    assert_eq!(e.get("pct_services_restored"), Some(FieldError::Required));
    assert_eq!(e.get("timeline.0.at"), Some(FieldError::AtLeastOneRow));
    let e = check(&initial(), Final, NOW);
    assert_eq!(e.get("restored_at"), Some(FieldError::Required));
    assert_eq!(e.get("cause_narrative"), Some(FieldError::Required));
    assert_eq!(e.get("prevention.0.measure"), Some(FieldError::AtLeastOneRow));
}

#[test]
fn times_must_be_in_order() {
    let mut c = initial();
    c.set("detected_at", "2022-10-15T06:00:00Z");
    c.set("restored_at", "2022-10-15T05:00:00Z");
    c.set("notice_sent_at", "2022-10-14T00:00:00Z");
    let e = check(&c, Initial, NOW);
    assert_eq!(e.get("detected_at"), Some(FieldError::DetectedBeforeOnset));
    assert_eq!(e.get("restored_at"), Some(FieldError::RestoredBeforeDetection));
    assert_eq!(e.get("notice_sent_at"), Some(FieldError::BeforeOnset));
}

#[test]
fn the_future_is_refused_except_for_estimates() {
    let mut c = initial();
    c.set("onset_at", "2030-01-01T00:00:00Z");
    c.set("eta_restore", "2030-01-01T00:00:00Z");
    let e = check(&c, Initial, NOW);
    assert_eq!(e.get("onset_at"), Some(FieldError::InTheFuture));
    assert_eq!(e.get("eta_restore"), None);
}

#[test]
fn percentages_counts_dates_and_options_are_checked() {
    let mut c = initial();
    c.set("pct_services_restored", "101");
    c.set("users_affected", "many");
    c.set("failover_tested_last", "2023-02-29");
    c.set("status", "exploded");
    c.set("functions_affected", "login,teleport");
    let e = check(&c, Initial, NOW);
    assert_eq!(e.get("pct_services_restored"), Some(FieldError::NotAPercentage));
    assert_eq!(e.get("users_affected"), Some(FieldError::NotAWholeNumber));
    assert_eq!(e.get("failover_tested_last"), Some(FieldError::InvalidDate));
    assert_eq!(e.get("status"), Some(FieldError::UnknownOption));
    assert_eq!(e.get("functions_affected"), Some(FieldError::UnknownOption));
}

#[test]
fn users_affected_cannot_exceed_the_services_users() {
    let mut c = initial();
    c.set("service_users", "1000");
    assert_eq!(check(&c, Initial, NOW).get("users_affected"), Some(FieldError::MoreThanServiceUsers));
}

#[test]
fn conditional_answers_are_required() {
    let mut c = initial();
    c.set("notice_channels", "");
    c.set("third_party_role", "");
    c.set("exemption_claimed", "unforeseeable_short");
    c.set("status", "restored");
    let e = check(&c, Initial, NOW);
    assert_eq!(e.get("notice_channels"), Some(FieldError::RequiredWhenNoticeSent));
    assert_eq!(e.get("third_party_role"), Some(FieldError::RequiredWithThirdParty));
    assert_eq!(e.get("exemption_justification"), Some(FieldError::RequiredWithExemption));
    assert_eq!(e.get("restored_at"), Some(FieldError::RequiredOnceRestored));
}

#[test]
fn errors_come_in_report_order_and_sections_report_their_state() {
    let c = content(&[("users_affected", "x"), ("title", "")]);
    let e = check(&c, Initial, NOW);
    assert_eq!(e.0[0].0, "title");
    let summary = SectionDef::find("summary").unwrap();
    let impact = SectionDef::find("impact").unwrap();
    assert_eq!(section_state(&c, summary, &e, Initial), SectionState::NotStarted);
    assert_eq!(section_state(&c, impact, &e, Initial), SectionState::InProgress);
    let ok = initial();
    let e = check(&ok, Initial, NOW);
    assert_eq!(section_state(&ok, summary, &e, Initial), SectionState::Completed);
    // sections nothing of which is required yet are "not needed yet", never "completed"
    for slug in ["compensation", "prevention"] {
        let s = SectionDef::find(slug).unwrap();
        assert_eq!(section_state(&ok, s, &e, Initial), SectionState::NotNeededYet, "{slug}");
        assert_ne!(section_state(&ok, s, &check(&ok, Final, NOW), Final), SectionState::NotNeededYet, "{slug}");
    }
}

#[test]
fn incomplete_group_rows_point_at_the_missing_cell() {
    let mut c = initial();
    c.set("timeline.0.text", "power cut");
    let e = check(&c, Initial, NOW);
    assert_eq!(e.get("timeline.0.at"), Some(FieldError::Required));
    assert_eq!(e.get("timeline.0.kind"), Some(FieldError::Required));
}

proptest! {
    #[test]
    fn any_percentage_in_range_is_accepted(p in 0.0f64..=100.0) {
        let mut c = initial();
        c.set("pct_services_restored", format!("{p:.1}"));
        prop_assert_eq!(check(&c, Interim, NOW).get("pct_services_restored"), None);
    }

    #[test]
    fn users_affected_up_to_service_users_is_accepted(service in 0u64..100_000_000, frac in 0.0f64..=1.0) {
        let users = (service as f64 * frac) as u64;
        let mut c = initial();
        c.set("service_users", service.to_string());
        c.set("users_affected", users.to_string());
        prop_assert_eq!(check(&c, Initial, NOW).get("users_affected"), None);
    }
}

#[test]
fn profile_fields_check_required_answers_and_e_mail_addresses() {
    use crate::domain::profile_fields::PROFILE;
    let mut c = content(&[
        ("legal_name_ko", "가나다"),
        ("legal_name_en", "Ganada"),
        ("biz_reg_no", "123-45-67890"),
        ("contact_name", "NOC"),
        ("contact_phone", "02-000-0000"),
        ("contact_email", "noc@ganada.example"),
    ]);
    assert!(check_fields(PROFILE, &c, NOW).is_empty());
    c.set("contact_email", "noc at ganada");
    c.set("contact_phone", "");
    let e = check_fields(PROFILE, &c, NOW);
    assert_eq!(e.get("contact_email"), Some(FieldError::InvalidEmail));
    assert_eq!(e.get("contact_phone"), Some(FieldError::Required));
    assert_eq!(e.get("domestic_agent"), None, "optional");
}

#[test]
fn implausible_numbers_say_why_they_are_refused() {
    let with = |k: &str, v: &str| {
        let mut c = initial();
        c.set(k, v);
        check(&c, Initial, NOW).get(k)
    };
    // more people than live on Earth, whether or not it fits a u64
    assert_eq!(with("users_affected", "1000000000000"), Some(FieldError::MorePeopleThanExist));
    assert_eq!(with("users_affected", "99999999999999999999999"), Some(FieldError::MorePeopleThanExist));
    assert_eq!(with("users_affected", "9000000000"), None, "the bound itself is accepted");
    // not a number at all stays "not a whole number"
    assert_eq!(with("users_affected", "12a"), Some(FieldError::NotAWholeNumber));
    assert_eq!(with("users_affected", "-3"), Some(FieldError::NotAWholeNumber));
    // a duration over ten years is a typing error, not a whole-number problem
    assert_eq!(with("rto_actual_min", "99999999999999999999999"), Some(FieldError::NumberTooLarge));
    assert_eq!(with("rto_actual_min", &(MAX_MINUTES + 1).to_string()), Some(FieldError::NumberTooLarge));
}

#[test]
fn marks_follow_the_stage_rules_and_the_conditions() {
    let field = |key: &str| {
        crate::domain::report::schema::sections()
            .iter()
            .flat_map(|s| s.fields.iter())
            .find(|f| f.key == key)
            .unwrap_or_else(|| panic!("no field {key}"))
    };
    assert_eq!(mark(field("title"), Initial), Mark::Required);
    assert_eq!(mark(field("restored_at"), Initial), Mark::Later(Final), "needed from the final report");
    assert_eq!(mark(field("restored_at"), Final), Mark::Required);
    assert_eq!(mark(field("notice_contents"), Final), Mark::When(Condition::NoticeSent), "not 'optional'");
    // every conditional field is a real field, and its condition really requires it
    for (key, _) in CONDITIONAL {
        field(key);
    }
    let mut c = initial();
    c.set("notice_sent", "yes");
    c.set("third_party_involved", "yes");
    c.set("exemption_claimed", "unforeseeable_short");
    c.set("status", "restored");
    c.set("failover_attempted", "yes");
    for key in [
        "restored_at",
        "notice_sent_at",
        "notice_channels",
        "notice_contents",
        "exemption_justification",
        "third_party_role",
        "failover_succeeded",
    ] {
        c.set(key, "");
    }
    let e = check(&c, Initial, NOW);
    for (key, _) in CONDITIONAL {
        assert!(e.get(key).is_some(), "{key} is required under its condition");
    }
}
