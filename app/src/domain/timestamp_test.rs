use super::*;

#[test]
fn kst_input_is_nine_hours_ahead_of_utc() {
    let t = Timestamp::parse_kst_local("2022-10-15T15:19").expect("valid");
    assert_eq!(t.display_utc(), "2022-10-15 06:19:00 UTC");
    assert_eq!(t.display_kst(), "2022-10-15 15:19 KST");
    assert_eq!(t.to_kst_local_input(), "2022-10-15T15:19");
}

#[test]
fn kst_morning_is_the_previous_utc_day_across_month_and_year_ends() {
    let t = Timestamp::parse_kst_local("2027-01-01T08:59").expect("valid");
    assert_eq!(t.display_utc(), "2026-12-31 23:59:00 UTC");
    assert_eq!(t.kst_year(), 2027);
    let leap = Timestamp::parse_kst_local("2028-03-01T00:30").expect("valid");
    assert_eq!(leap.display_utc(), "2028-02-29 15:30:00 UTC");
}

#[test]
fn bad_inputs_are_rejected() {
    for s in ["", "2022-13-01T00:00", "2022-02-30T10:00", "yesterday", "2022-10-15 15:19", "2022-10-15T25:00"] {
        assert_eq!(Timestamp::parse_kst_local(s), None, "{s}");
    }
    assert!(Timestamp::parse_kst_local("2022-10-15T15:19:30").is_some());
}

#[test]
fn minutes_between_pangyo_fire_and_kakao_recovery() {
    // 15 Oct 2022 15:19 KST to 20 Oct 2022 22:52 KST, the 127 h 33 min the ministry reported.
    let fire = Timestamp::parse_kst_local("2022-10-15T15:19").expect("valid");
    let restored = Timestamp::parse_kst_local("2022-10-20T22:52").expect("valid");
    assert_eq!(fire.minutes_until(restored), 127 * 60 + 33);
    assert_eq!(restored.minutes_until(fire), -(127 * 60 + 33));
}
