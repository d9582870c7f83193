use super::*;
use proptest::prelude::*;

fn now() -> Timestamp {
    Timestamp::parse_kst_local("2022-10-16T12:00").expect("valid")
}

fn pangyo() -> InitialNotificationForm {
    InitialNotificationForm {
        title: "판교 데이터센터 화재로 인한 서비스 장애".into(),
        services_affected: "카카오톡\n카카오 로그인, 카카오페이".into(),
        onset_at: "2022-10-15T15:19".into(),
        detected_at: "2022-10-15T15:22".into(),
        description: "Data-centre fire; power cut to all server rooms.".into(),
        cause_category: "POWER".into(),
        emergency_measures: "Failover to secondary DC attempted.".into(),
        users_affected: "47,000,000".into(),
    }
}

#[test]
fn a_complete_form_validates_into_typed_content() {
    let n = pangyo().validate_at(now()).expect("valid form");
    assert_eq!(n.services_affected, vec!["카카오톡", "카카오 로그인", "카카오페이"]);
    assert_eq!(n.cause_category, CauseCategory::Power);
    assert_eq!(n.users_affected, 47_000_000);
    assert_eq!(n.onset_at.minutes_until(n.detected_at), 3);
}

#[test]
fn every_empty_field_is_reported_in_form_order() {
    let errors = InitialNotificationForm::default().validate_at(now()).expect_err("empty form");
    let fields: Vec<&str> = errors.0.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, InitialNotificationForm::FIELDS.to_vec());
    assert!(errors.0.iter().all(|(_, e)| *e == FieldError::Required), "{errors:?}");
}

#[test]
fn whitespace_only_counts_as_empty() {
    let mut f = pangyo();
    f.description = "   \n ".into();
    assert_eq!(f.validate_at(now()).expect_err("blank").get("description"), Some(FieldError::Required));
}

#[test]
fn detection_before_onset_is_rejected_on_the_detection_field() {
    let mut f = pangyo();
    f.detected_at = "2022-10-15T15:00".into();
    let e = f.validate_at(now()).expect_err("out of order");
    assert_eq!(e.0, vec![("detected_at".to_string(), FieldError::DetectedBeforeOnset)]);
}

#[test]
fn future_times_bad_numbers_and_unknown_causes_are_rejected() {
    let mut f = pangyo();
    f.onset_at = "2022-10-17T00:00".into();
    f.users_affected = "about a million".into();
    f.cause_category = "ALIENS".into();
    let e = f.validate_at(now()).expect_err("bad");
    assert_eq!(e.get("onset_at"), Some(FieldError::InTheFuture));
    assert_eq!(e.get("users_affected"), Some(FieldError::NotAWholeNumber));
    assert_eq!(e.get("cause_category"), Some(FieldError::UnknownOption));
    f.users_affected = "-5".into();
    assert_eq!(f.validate_at(now()).expect_err("bad").get("users_affected"), Some(FieldError::NotAWholeNumber));
    f.users_affected = (MAX_USERS_AFFECTED + 1).to_string();
    assert_eq!(f.validate_at(now()).expect_err("bad").get("users_affected"), Some(FieldError::OutOfRange));
}

#[test]
fn over_long_text_is_rejected_by_character_count() {
    let mut f = pangyo();
    f.title = "가".repeat(200);
    assert!(f.validate_at(now()).is_ok(), "200 Hangul characters fit");
    f.title = "가".repeat(201);
    assert_eq!(f.validate_at(now()).expect_err("long").get("title"), Some(FieldError::TooLong));
}

#[test]
fn canonical_json_is_stable_and_round_trips_through_the_form() {
    let n = pangyo().validate_at(now()).expect("valid");
    assert_eq!(n.canonical_json(), n.clone().canonical_json());
    let again = n.to_form().validate_at(now()).expect("round trip");
    assert_eq!(again, n);
}

#[test]
fn status_codes_round_trip_and_only_submitted_filings_publish() {
    for s in [FilingStatus::Submitted, FilingStatus::Published] {
        assert_eq!(FilingStatus::parse(s.as_str()), Some(s));
    }
    for s in [FilingStage::Initial, FilingStage::Interim, FilingStage::Final] {
        assert_eq!(FilingStage::parse(s.as_str()), Some(s));
    }
    for c in CauseCategory::ALL {
        assert_eq!(CauseCategory::parse(c.code()), Some(c));
    }
    assert!(FilingStatus::Submitted.can_publish());
    assert!(!FilingStatus::Published.can_publish());
}

proptest! {
    #[test]
    fn any_valid_user_count_is_accepted_with_thousands_separators(n in 0u64..=MAX_USERS_AFFECTED) {
        let mut f = pangyo();
        let digits = n.to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 { grouped.push(','); }
            grouped.push(ch);
        }
        f.users_affected = grouped;
        prop_assert_eq!(f.validate_at(now()).map(|x| x.users_affected), Ok(n));
    }

    #[test]
    fn detection_order_rule_matches_timestamp_order(a in 0i64..20_000, b in 0i64..20_000) {
        // both instants stay before now() (2022-10-16 12:00 KST): 20 000 minutes is under 14 days
        let base = Timestamp::parse_kst_local("2022-10-01T00:00").expect("valid").0;
        let mut f = pangyo();
        f.onset_at = Timestamp(base + a * 60).to_kst_local_input();
        f.detected_at = Timestamp(base + b * 60).to_kst_local_input();
        let r = f.validate_at(now());
        prop_assert_eq!(r.is_ok(), b >= a);
    }
}
