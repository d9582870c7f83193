use super::*;

fn changes(pairs: &[(&str, Option<&str>)]) -> BTreeMap<String, Option<String>> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.map(str::to_string))).collect()
}

#[test]
fn named_keys_change_and_the_rest_stay() {
    let mut before = Content::default();
    before.set("title", "Login outage");
    before.set("services_affected", "old");
    let after = apply(
        &before,
        &changes(&[
            ("onset_at", Some("2022-10-15T15:19:00+09:00")),
            ("users_affected", Some("47,000,000")),
            ("services_affected", None),
        ]),
        UserZone::default(),
    )
    .unwrap();
    assert_eq!(after.get("title"), "Login outage");
    assert_eq!(after.get("onset_at"), "2022-10-15T06:19:00Z");
    assert_eq!(after.get("users_affected"), "47000000");
    assert_eq!(after.get("services_affected"), "");
}

#[test]
fn unknown_keys_absurd_rows_and_overlong_values_are_refused_by_key() {
    let e = apply(
        &Content::default(),
        &changes(&[
            ("no_such_field", Some("x")),
            ("timeline.999999.at", Some("2022-10-15T06:19:00Z")),
            ("title", Some(&"가".repeat(10_000))),
        ]),
        UserZone::default(),
    )
    .unwrap_err();
    assert_eq!(e.get("no_such_field"), Some(FieldError::UnknownOption));
    assert_eq!(e.get("timeline"), Some(FieldError::TooManyRows));
    assert!(matches!(e.get("title"), Some(FieldError::TooLong { .. })));
}

#[test]
fn a_value_that_does_not_parse_is_kept_as_sent_for_the_check_to_flag() {
    let after = apply(&Content::default(), &changes(&[("onset_at", Some("yesterday"))]), UserZone::default()).unwrap();
    assert_eq!(after.get("onset_at"), "yesterday");
}
