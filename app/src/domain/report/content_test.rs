use std::collections::BTreeMap;

use super::*;
use crate::domain::report::schema::SectionDef;

fn posted(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn instants_are_stored_in_utc_and_shown_in_the_readers_zone() {
    let times = SectionDef::find("times").unwrap();
    let c = Content::default().with_section(times, &posted(&[("onset_at", "2022-10-15T15:19")]), UserZone::Seoul);
    assert_eq!(c.get("onset_at"), "2022-10-15T06:19:00Z");
    assert_eq!(c.input_value("onset_at", UserZone::NewYork), "2022-10-15T02:19");
    assert_eq!(c.display("onset_at", UserZone::Seoul, Lang::En), "2022-10-15 15:19 KST");
}

#[test]
fn invalid_values_are_kept_as_typed() {
    let times = SectionDef::find("times").unwrap();
    let c = Content::default().with_section(times, &posted(&[("onset_at", "15 Oct, afternoon")]), UserZone::Seoul);
    assert_eq!(c.get("onset_at"), "15 Oct, afternoon");
    assert_eq!(c.input_value("onset_at", UserZone::Seoul), "15 Oct, afternoon");
}

#[test]
fn saving_a_section_replaces_only_that_section_and_clears_unticked_boxes() {
    let summary = SectionDef::find("summary").unwrap();
    let impact = SectionDef::find("impact").unwrap();
    let c = Content::default()
        .with_section(summary, &posted(&[("title", "Fire"), ("functions_affected", "payments,login")]), UserZone::Seoul)
        .with_section(impact, &posted(&[("users_affected", "1,200,000")]), UserZone::Seoul);
    assert_eq!(c.get("functions_affected"), "login,payments", "options' order");
    assert_eq!(c.get("users_affected"), "1200000");
    let c = c.with_section(summary, &posted(&[("title", "Fire at DC")]), UserZone::Seoul);
    assert_eq!(c.get("title"), "Fire at DC");
    assert_eq!(c.get("functions_affected"), "");
    assert_eq!(c.get("users_affected"), "1200000");
}

#[test]
fn blank_group_rows_are_dropped_and_the_rest_renumbered() {
    let times = SectionDef::find("times").unwrap();
    let c = Content::default().with_section(
        times,
        &posted(&[
            ("timeline.0.text", ""),
            ("timeline.1.text", "power cut"),
            ("timeline.1.kind", "other"),
            ("timeline.3.text", "restored"),
        ]),
        UserZone::Seoul,
    );
    let group = &times.groups[0];
    assert_eq!(c.rows(group), 2);
    assert_eq!(c.get("timeline.0.text"), "power cut");
    assert_eq!(c.get("timeline.1.text"), "restored");
}

#[test]
fn canonical_json_is_sorted_and_stable() {
    let mut a = Content::default();
    a.set("title", "x");
    a.set("status", "ongoing");
    let mut b = Content::default();
    b.set("status", "ongoing");
    b.set("title", "x");
    assert_eq!(a.canonical_json(), b.canonical_json());
    assert_eq!(a.canonical_json(), r#"{"status":"ongoing","title":"x"}"#);
}

#[test]
fn user_minutes_multiply_users_by_duration() {
    let mut c = Content::default();
    c.set("onset_at", "2022-10-15T06:19:00Z");
    c.set("restored_at", "2022-10-15T08:19:00Z");
    c.set("users_affected", "1000");
    assert_eq!(c.duration_minutes(Timestamp(0)), Some(120));
    assert_eq!(c.user_minutes(Timestamp(0)), Some(120_000));
}

#[test]
fn display_translates_choices_and_groups_digits() {
    let mut c = Content::default();
    c.set("status", "restored");
    c.set("users_affected", "47000000");
    c.set("notice_sent", "yes");
    assert_eq!(c.display("status", UserZone::Seoul, Lang::Ko), "복구 완료");
    assert_eq!(c.display("status", UserZone::Seoul, Lang::En), "Restored");
    assert_eq!(c.display("users_affected", UserZone::Seoul, Lang::En), "47,000,000");
    assert_eq!(c.display("notice_sent", UserZone::Seoul, Lang::Ko), "예");
}

#[test]
fn filings_stored_before_the_catalogue_are_read_as_text() {
    let old = r#"{"title":"Fire","services_affected":["Talk","Pay"],"onset_at":1665814740,"users_affected":40000000,"cause_category":"POWER"}"#;
    let c = Content::from_stored_json(old).unwrap();
    assert_eq!(c.get("services_affected"), "Talk\nPay");
    assert_eq!(c.get("onset_at"), "2022-10-15T06:19:00Z");
    assert_eq!(c.get("users_affected"), "40000000");
    assert!(Content::from_stored_json("[1,2]").is_none());
}
