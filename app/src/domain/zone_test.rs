use super::*;

#[test]
fn seoul_has_no_daylight_saving() {
    let z = UserZone::Seoul;
    let t = z.parse_local("2022-10-15T15:19").unwrap();
    assert_eq!(UserZone::Utc.to_input(t), "2022-10-15T06:19");
    assert_eq!(z.display(t), "2022-10-15 15:19 KST");
    assert_eq!(z.to_input(t), "2022-10-15T15:19");
}

#[test]
fn new_york_switches_between_est_and_edt() {
    let z = UserZone::NewYork;
    let winter = z.parse_local("2024-03-09T12:00").unwrap();
    let summer = z.parse_local("2024-03-11T12:00").unwrap();
    assert!(z.display(winter).ends_with("EST"));
    assert!(z.display(summer).ends_with("EDT"));
    // two calendar days apart but one hour short of 48 h: the spring-forward night
    assert_eq!(summer.0 - winter.0, 47 * 3600);
}

#[test]
fn a_skipped_wall_clock_time_reads_as_after_the_gap() {
    // 2024-03-10 02:30 does not exist in New York
    let t = UserZone::NewYork.parse_local("2024-03-10T02:30").unwrap();
    assert_eq!(UserZone::Utc.to_input(t), "2024-03-10T07:30");
}

#[test]
fn a_repeated_wall_clock_time_reads_as_the_earlier() {
    // 2024-11-03 01:30 happens twice in New York; the first is EDT (UTC-4)
    let t = UserZone::NewYork.parse_local("2024-11-03T01:30").unwrap();
    assert_eq!(UserZone::Utc.to_input(t), "2024-11-03T05:30");
}

#[test]
fn leap_day_round_trips() {
    let t = UserZone::Brussels.parse_local("2024-02-29T23:30").unwrap();
    assert_eq!(UserZone::Brussels.to_input(t), "2024-02-29T23:30");
    assert_eq!(UserZone::Seoul.to_input(t), "2024-03-01T07:30");
}

#[test]
fn rubbish_is_rejected_and_names_round_trip() {
    assert_eq!(UserZone::Seoul.parse_local("yesterday"), None);
    assert_eq!(UserZone::Seoul.parse_local("2024-02-30T10:00"), None);
    for z in UserZone::ALL {
        assert_eq!(UserZone::parse(z.iana()), Some(z));
    }
}

#[test]
fn official_times_are_in_the_regulators_zone_with_the_readers_beside() {
    // 2026-12-02 16:00 UTC = 2026-12-03 01:00 KST = 17:00 in Brussels (CET, winter)
    let t = Timestamp(1_796_227_200);
    assert_eq!(UserZone::Seoul.official(t, UserZone::Seoul), "2026-12-03 01:00 KST");
    assert_eq!(UserZone::Seoul.official(t, UserZone::Brussels), "2026-12-03 01:00 KST (2026-12-02 17:00 CET)");
    assert_eq!(UserZone::of_regulator("EU_NIS2"), UserZone::Brussels);
    assert_eq!(UserZone::of_regulator("US_FCC"), UserZone::NewYork);
    assert_eq!(UserZone::of_regulator("UK_OFCOM"), UserZone::London);
    assert_eq!(UserZone::of_regulator("KR_TBA22_7"), UserZone::Seoul);
    assert_eq!(UserZone::NewYork.official(t, UserZone::Seoul), "2026-12-02 11:00 EST (2026-12-03 01:00 KST)");
}
