use super::*;
use crate::domain::zone::UserZone;

fn kst(s: &str) -> Timestamp {
    UserZone::Seoul.parse_local(s).unwrap()
}

fn content(pairs: &[(&str, &str)]) -> Content {
    let mut c = Content::default();
    for (k, v) in pairs {
        c.set(k, *v);
    }
    c
}

fn verdict(a: &[Assessment], regime: &str) -> Verdict {
    a.iter().find(|x| x.regime == regime).unwrap().verdict
}

#[test]
fn the_amendment_instant_is_midnight_kst_on_28_march_2025() {
    assert_eq!(KR_NOTICE_AMENDMENT, kst("2025-03-28T00:00"));
}

#[test]
fn pangyo_scale_outage_meets_every_threshold() {
    let c = content(&[
        ("onset_at", &kst("2022-10-15T15:19").to_utc_string()),
        ("restored_at", &kst("2022-10-20T23:00").to_utc_string()),
        ("users_affected", "40000000"),
        ("service_users", "47000000"),
        ("functions_affected", "login,messaging,payments"),
        ("cross_border", "yes"),
    ]);
    let a = assess(&c, kst("2022-10-21T00:00"));
    for regime in ["KR_TBA33", "KR_FA38", "KR_TBA22_7", "EU_NIS2", "EU_DORA", "US_FCC", "UK_OFCOM"] {
        assert_eq!(verdict(&a, regime), Verdict::Met, "{regime}");
    }
    let fcc = a.iter().find(|x| x.regime == "US_FCC").unwrap();
    assert!(fcc.reasons[0].1.contains("7,661 minutes × users = 306,440,000,000 user-minutes"), "{:?}", fcc.reasons);
}

#[test]
fn the_user_notice_window_was_four_hours_before_the_2025_amendment() {
    let three_hours = |onset: &str| {
        let t = kst(onset);
        content(&[
            ("onset_at", &t.to_utc_string()),
            ("restored_at", &Timestamp(t.0 + 3 * 3600).to_utc_string()),
            ("service_users", "5000000"),
        ])
    };
    let before = assess(&three_hours("2021-05-05T21:47"), kst("2021-05-06T12:00"));
    assert_eq!(verdict(&before, "KR_TBA33"), Verdict::NotMet);
    let after = assess(&three_hours("2025-05-05T21:47"), kst("2025-05-06T12:00"));
    assert_eq!(verdict(&after, "KR_TBA33"), Verdict::Met);
}

#[test]
fn fcc_needs_both_thirty_minutes_and_900000_user_minutes() {
    let onset = kst("2025-06-01T10:00");
    let c = |minutes: i64, users: &str| {
        content(&[
            ("onset_at", &onset.to_utc_string()),
            ("restored_at", &Timestamp(onset.0 + minutes * 60).to_utc_string()),
            ("users_affected", users),
        ])
    };
    let now = kst("2025-06-02T00:00");
    assert_eq!(verdict(&assess(&c(30, "30000"), now), "US_FCC"), Verdict::Met);
    assert_eq!(verdict(&assess(&c(29, "1000000"), now), "US_FCC"), Verdict::NotMet);
    assert_eq!(verdict(&assess(&c(30, "29999"), now), "US_FCC"), Verdict::NotMet);
}

#[test]
fn dora_needs_a_critical_function_and_two_criteria() {
    let onset = kst("2025-06-01T10:00");
    let base = [("onset_at", onset.to_utc_string()), ("restored_at", Timestamp(onset.0 + 3 * 3600).to_utc_string())];
    let mut c = content(&[(base[0].0, &base[0].1), (base[1].0, &base[1].1), ("users_affected", "200000")]);
    let now = kst("2025-06-02T00:00");
    assert_eq!(verdict(&assess(&c, now), "EU_DORA"), Verdict::NotMet, "no critical function");
    c.set("functions_affected", "payments");
    assert_eq!(verdict(&assess(&c, now), "EU_DORA"), Verdict::Met, "clients + downtime");
    c.set("users_affected", "500");
    assert_eq!(verdict(&assess(&c, now), "EU_DORA"), Verdict::NotMet, "downtime only");
}

#[test]
fn missing_facts_give_unknown_not_a_guess() {
    let a = assess(&Content::default(), kst("2025-06-02T00:00"));
    for regime in ["KR_TBA33", "KR_FA38", "KR_TBA22_7", "EU_NIS2", "US_FCC", "UK_OFCOM"] {
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
    let a = assess(&c, kst("2026-03-03T00:00"));
    for regime in ["KR_TBA33", "US_FCC"] {
        assert_eq!(verdict(&a, regime), Verdict::Unknown, "{regime}");
        let why = &a.iter().find(|x| x.regime == regime).unwrap().reasons[0].1;
        assert!(why.contains("Restoration is before onset"), "{regime}: {why}");
    }
    let all: String = a.iter().flat_map(|x| x.reasons.iter().map(|r| r.1.clone())).collect();
    assert!(!all.contains("Lasted 0 h 0 min"), "{all}");
}

#[test]
fn large_numbers_print_with_thousands_separators() {
    let c = content(&[
        ("onset_at", &kst("2024-01-01T00:00").to_utc_string()),
        ("restored_at", &kst("2025-12-01T00:00").to_utc_string()),
        ("users_affected", "3"),
    ]);
    let a = assess(&c, kst("2026-01-01T00:00"));
    let fcc = &a.iter().find(|x| x.regime == "US_FCC").unwrap().reasons[0].1;
    assert!(fcc.starts_with("1,008,000 minutes × users = 3,024,000 user-minutes"), "minutes grouped: {fcc}");
}
