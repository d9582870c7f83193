use proptest::prelude::*;

use super::*;
use crate::domain::zone::UserZone;

fn kst(s: &str) -> Timestamp {
    UserZone::Seoul.parse_local(s).unwrap()
}
fn utc(s: &str) -> Timestamp {
    UserZone::Utc.parse_local(s).unwrap()
}

#[test]
fn one_month_from_the_31st_of_january_is_the_last_day_of_february() {
    let from = utc("2025-01-31T10:00");
    let due = add_period(from, Period::CalendarMonths(1, "Europe/Brussels"), "UTC").unwrap();
    assert_eq!(UserZone::Brussels.to_input(due), "2025-02-28T11:00");
    // leap year
    let due = add_period(utc("2024-01-31T10:00"), Period::CalendarMonths(1, "Europe/Brussels"), "UTC").unwrap();
    assert_eq!(UserZone::Brussels.to_input(due), "2024-02-29T11:00");
}

#[test]
fn a_month_across_the_spring_change_keeps_the_wall_clock_time() {
    // Brussels moves to CEST on 2025-03-30: a calendar month is 743 hours, not 744
    let from = utc("2025-03-15T09:00");
    let due = add_period(from, Period::CalendarMonths(1, "Europe/Brussels"), "UTC").unwrap();
    assert_eq!(UserZone::Brussels.to_input(due), "2025-04-15T10:00");
    assert_eq!(due.0 - from.0, (31 * 24 - 1) * 3600);
}

#[test]
fn fcc_thirty_days_are_new_york_calendar_days_across_daylight_saving() {
    // discovered 2024-10-20 12:00 EDT; due 2024-11-19 12:00 EST, 721 hours later
    let from = UserZone::NewYork.parse_local("2024-10-20T12:00").unwrap();
    let due = add_period(from, Period::CalendarDays(30, "America/New_York"), "UTC").unwrap();
    assert_eq!(UserZone::NewYork.display(due), "2024-11-19 12:00 EST");
    assert_eq!(due.0 - from.0, (30 * 24 + 1) * 3600);
}

#[test]
fn korean_thirty_days_are_exactly_720_hours() {
    let from = kst("2022-10-20T23:00");
    let due = add_period(from, Period::CalendarDays(30, "Asia/Seoul"), "UTC").unwrap();
    assert_eq!(UserZone::Seoul.to_input(due), "2022-11-19T23:00");
    assert_eq!(due.0 - from.0, 720 * 3600);
}

#[test]
fn a_leap_day_anchor_plus_one_month_lands_on_the_29th_of_march() {
    let due = add_period(kst("2024-02-29T08:00"), Period::CalendarMonths(1, "Asia/Seoul"), "UTC").unwrap();
    assert_eq!(UserZone::Seoul.to_input(due), "2024-03-29T08:00");
}

fn pangyo() -> Facts {
    // the October 2022 data-centre fire (brief, section 0), detected a few minutes later
    Facts {
        onset: Some(kst("2022-10-15T15:19")),
        detected: Some(kst("2022-10-15T15:25")),
        restored: Some(kst("2022-10-20T23:00")),
        ..Facts::default()
    }
}

#[test]
fn pangyo_fire_korean_clocks() {
    let mut facts = pangyo();
    facts.filings = vec![(FilingStage::Initial, kst("2022-10-15T16:10"))];
    facts.fields = vec![("notice_sent_at", kst("2022-10-15T15:40"))];
    let now = kst("2022-11-25T12:00");
    // FA 38 covered platforms only from 4 July 2023, so in 2022 only the user-notice rules run
    let c = clocks(&["KR_FA38", "KR_TBA33"], &facts, now);
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].duty, Duty::UserNotice);
    assert_eq!(c[0].due, Some(kst("2022-10-15T16:19")));
    assert_eq!(c[0].state, ClockState::Met);
    assert!(c[0].without_delay);
    // compensation notice: 30 days from restoration, not sent by 25 November
    assert_eq!(c[1].due, Some(kst("2022-11-19T23:00")));
    assert_eq!(c[1].state, ClockState::Overdue { minutes: (5 * 24 + 13) * 60 });
    assert_eq!(next_due(&c).map(|c| c.duty), Some(Duty::CompensationNotice));
}

#[test]
fn the_same_fire_in_2025_also_runs_the_framework_act_clock() {
    let mut facts = pangyo();
    let year = 3 * 365 * 24 * 3600 + 24 * 3600; // 2022-10-15 → 2025-10-15 (one leap day between)
    facts.onset = facts.onset.map(|t| Timestamp(t.0 + year));
    facts.detected = facts.detected.map(|t| Timestamp(t.0 + year));
    let c = clocks(&["KR_FA38"], &facts, kst("2025-10-15T18:00"));
    assert_eq!(c[0].duty, Duty::InitialReport);
    assert_eq!(c[0].due, Some(kst("2025-10-15T16:25")));
    assert_eq!(c[0].state, ClockState::Overdue { minutes: 95 });
}

#[test]
fn regimes_not_yet_in_force_at_onset_have_no_clocks() {
    // NIS2 applies from 18 October 2024; DORA from 17 January 2025
    let c = clocks(&["EU_NIS2", "EU_DORA"], &pangyo(), kst("2022-10-16T00:00"));
    assert!(c.is_empty());
}

#[test]
fn the_rule_version_in_force_at_onset_is_used() {
    assert_eq!(rule_set("KR_TBA33", kst("2024-12-31T00:00")).unwrap().version, "Decree 37-13 (2020-12-10)");
    assert_eq!(rule_set("KR_TBA33", kst("2025-06-01T00:00")).unwrap().version, "Decree 37-13 (2025-03-28)");
    assert!(rule_set("KR_TBA33", kst("2019-01-01T00:00")).is_none());
}

#[test]
fn dora_initial_report_is_the_earlier_of_4h_from_classification_and_24h_from_awareness() {
    let mut facts = Facts {
        onset: Some(utc("2025-06-02T08:00")),
        detected: Some(utc("2025-06-02T08:10")),
        aware: Some(utc("2025-06-02T09:00")),
        classified: Some(utc("2025-06-03T07:00")),
        ..Facts::default()
    };
    let c = clocks(&["EU_DORA"], &facts, utc("2025-06-02T10:00"));
    assert_eq!(c[0].due, Some(utc("2025-06-03T09:00")), "capped at 24 h from awareness");
    facts.classified = Some(utc("2025-06-02T10:00"));
    let c = clocks(&["EU_DORA"], &facts, utc("2025-06-02T10:00"));
    assert_eq!(c[0].due, Some(utc("2025-06-02T14:00")), "4 h from classification");
    // the intermediate report waits for the initial one
    assert_eq!(c[1].state, ClockState::NotStarted);
}

#[test]
fn nis2_final_runs_from_the_72_hour_notification_and_late_filings_say_by_how_much() {
    let facts = Facts {
        onset: Some(utc("2025-01-30T22:00")),
        detected: Some(utc("2025-01-30T22:30")),
        filings: vec![
            (FilingStage::Initial, utc("2025-01-31T23:30")), // 25 h after awareness: 1 h late
            (FilingStage::Interim, utc("2025-01-31T23:45")),
        ],
        ..Facts::default()
    };
    let c = clocks(&["EU_NIS2"], &facts, utc("2025-02-01T00:00"));
    assert_eq!(c[0].state, ClockState::Late { minutes: 60 });
    assert_eq!(c[1].state, ClockState::Met);
    // 23:45 UTC on 31 January is already 1 February in Brussels: a month later is 1 March
    assert_eq!(UserZone::Brussels.to_input(c[2].due.unwrap()), "2025-03-01T00:45");
}

#[test]
fn fcc_clocks_run_from_discovery() {
    let facts = Facts { detected: Some(utc("2025-03-01T00:00")), ..Facts::default() };
    let c = clocks(&["US_FCC"], &facts, utc("2025-03-01T03:00"));
    assert_eq!(c[0].due, Some(utc("2025-03-01T02:00")));
    assert_eq!(c[0].state, ClockState::Overdue { minutes: 60 });
    assert!(c[0].is_overdue());
    assert_eq!(c[1].due, Some(utc("2025-03-04T00:00")));
}

#[test]
fn a_ministry_request_clock_waits_for_the_ministry() {
    let c = clocks(&["KR_TBA22_7"], &pangyo(), kst("2022-10-16T00:00"));
    assert_eq!(c[0].state, ClockState::NotStarted);
    assert_eq!(c[0].due, None);
}

/// 2023-11-14, after every regime's first version took effect.
const BASE: i64 = 1_700_000_000;

proptest! {
    #[test]
    fn elapsed_periods_add_exactly(secs in 0i64..4_000_000_000, h in 0i64..10_000) {
        prop_assert_eq!(add_period(Timestamp(secs), Period::Hours(h), "UTC"), Some(Timestamp(secs + h * 3600)));
    }

    #[test]
    fn a_calendar_month_is_between_28_and_31_days_give_or_take_an_hour(secs in 0i64..4_000_000_000) {
        for zone in ["Asia/Seoul", "Europe/Brussels", "America/New_York"] {
            let due = add_period(Timestamp(secs), Period::CalendarMonths(1, zone), "UTC").unwrap();
            let hours = (due.0 - secs) / 3600;
            prop_assert!((28 * 24 - 1..=31 * 24 + 1).contains(&hours), "{zone}: {hours}");
        }
    }

    #[test]
    fn a_clock_is_never_both_done_and_overdue(done in proptest::option::of(0i64..200_000), now in 0i64..200_000) {
        let facts = Facts {
            detected: Some(Timestamp(BASE)),
            filings: done.map(|d| vec![(FilingStage::Initial, Timestamp(BASE + d))]).unwrap_or_default(),
            ..Facts::default()
        };
        let c = clocks(&["US_FCC"], &facts, Timestamp(BASE + now));
        let first = &c[0];
        prop_assert_eq!(first.done_at.is_some(), matches!(first.state, ClockState::Met | ClockState::Late { .. }));
    }
}

#[test]
fn clocks_use_each_regimes_own_name_for_its_duty() {
    // FCC: the 120-minute step is a notification, the 72-hour one the initial report
    assert_eq!(duty_term("US_FCC", Duty::InitialReport).map(|t| t.1), Some("Notification"));
    assert_eq!(duty_term("US_FCC", Duty::UpdateReport).map(|t| t.1), Some("Initial Report"));
    // NIS2's 72-hour step is the incident notification, not an update
    assert_eq!(duty_term("EU_NIS2", Duty::UpdateReport).map(|t| t.1), Some("Incident notification"));
    assert_eq!(duty_term("EU_DORA", Duty::UpdateReport).map(|t| t.1), Some("Intermediate report"));
    // where the desk's word is the regime's, none is needed
    assert_eq!(duty_term("EU_NIS2", Duty::EarlyWarning), None);
    assert_eq!(duty_term("KR_FA38", Duty::InitialReport), None);
}

#[test]
fn each_clock_says_which_version_met_it_and_a_signed_off_submission_elsewhere_counts() {
    let mut facts = Facts {
        onset: Some(utc("2025-06-02T08:00")),
        detected: Some(utc("2025-06-02T08:10")),
        filings: vec![
            (FilingStage::Initial, utc("2025-06-05T08:00")), // days late by itself
            (FilingStage::Interim, utc("2025-06-06T08:00")),
        ],
        ..Facts::default()
    };
    let now = utc("2025-06-07T00:00");
    let c = clocks(&["US_FCC"], &facts, now);
    let notification = c.iter().find(|k| k.duty == Duty::InitialReport).cloned().unwrap_or_else(|| c[0].clone());
    assert_eq!(notification.satisfied_by, Some(Satisfied::Version(1)));
    assert!(matches!(notification.state, ClockState::Late { .. }));
    let initial_report = c.iter().find(|k| k.duty == Duty::UpdateReport).cloned().unwrap_or_else(|| c[0].clone());
    assert_eq!(initial_report.satisfied_by, Some(Satisfied::Version(2)), "the interim update is version 2");
    // the FCC was told by NORS within the hour, before the operator had an account
    facts.outside = vec![OutsideSubmission {
        regime: "US_FCC".into(),
        duty: Duty::InitialReport,
        at: utc("2025-06-02T09:00"),
        number: 1,
    }];
    let c = clocks(&["US_FCC"], &facts, now);
    let notification = c.iter().find(|k| k.duty == Duty::InitialReport).cloned().unwrap_or_else(|| c[0].clone());
    assert_eq!(notification.state, ClockState::Met);
    assert_eq!(notification.satisfied_by, Some(Satisfied::Outside(1)));
    assert_eq!(notification.done_at, Some(utc("2025-06-02T09:00")));
    // it counts only for its own regime's duty
    let other = c.iter().find(|k| k.duty == Duty::UpdateReport).cloned().unwrap_or_else(|| c[0].clone());
    assert_eq!(other.satisfied_by, Some(Satisfied::Version(2)));
    for d in Duty::ALL {
        assert_eq!(Duty::parse(d.as_str()), Some(d));
    }
}

fn at(date: &str, zone: &str) -> Timestamp {
    crate::domain::law::calendar::effective_instant(date, zone).unwrap_or(Timestamp(0))
}

#[test]
fn rule_versions_change_at_midnight_in_the_regulators_zone() {
    use crate::domain::law::calendar::{BRUSSELS, SEOUL};
    // 2025-03-28 00:00 KST is 27 March 15:00 UTC: an outage at 02:00 KST that night is
    // under the amended decree although its UTC date is the 27th
    let korean = at("2025-03-28", SEOUL);
    assert_eq!(
        rule_set("KR_TBA33", Timestamp(korean.0 + 2 * 3600)).map(|r| r.version),
        Some("Decree 37-13 (2025-03-28)")
    );
    assert_eq!(rule_set("KR_TBA33", Timestamp(korean.0 - 1)).map(|r| r.version), Some("Decree 37-13 (2020-12-10)"));
    // DORA from 2025-01-17 00:00 in Brussels (winter: 16 January 23:00 UTC)
    let dora = at("2025-01-17", BRUSSELS);
    assert!(rule_set("EU_DORA", dora).is_some());
    assert!(rule_set("EU_DORA", Timestamp(dora.0 - 1)).is_none());
    // NIS2 from 2024-10-18 00:00 in Brussels (summer time: 17 October 22:00 UTC)
    let nis2 = at("2024-10-18", BRUSSELS);
    assert!(rule_set("EU_NIS2", nis2).is_some() && rule_set("EU_NIS2", Timestamp(nis2.0 - 1)).is_none());
}

#[test]
fn fcc_thirty_days_count_where_the_outage_is() {
    // discovered 2025-10-10 12:00 UTC: 30 days later crosses the US autumn change (2 Nov)
    let facts = |zone: Option<&str>| Facts {
        detected: Some(utc("2025-10-10T12:00")),
        outage_zone: zone.map(str::to_string),
        ..Facts::default()
    };
    let final_due = |f: &Facts| {
        clocks(&["US_FCC"], f, utc("2025-10-11T00:00"))
            .into_iter()
            .find(|c| c.duty == Duty::FinalReport)
            .and_then(|c| c.due)
    };
    // New York: 08:00 EDT on 10 Oct → 08:00 EST on 9 Nov = 13:00 UTC
    assert_eq!(final_due(&facts(None)), Some(utc("2025-11-09T13:00")), "the FCC's own zone when not given");
    // Honolulu keeps no daylight saving: exactly 30 × 24 h
    assert_eq!(final_due(&facts(Some("Pacific/Honolulu"))), Some(utc("2025-11-09T12:00")));
    // Los Angeles: 05:00 PDT → 05:00 PST = 13:00 UTC
    assert_eq!(final_due(&facts(Some("America/Los_Angeles"))), Some(utc("2025-11-09T13:00")));
    let from_content = {
        let mut c = Content::default();
        c.set("detected_at", "2025-10-10T12:00:00Z");
        c.set("outage_zone", "Not/AZone");
        Facts::from_content(&c, Vec::new())
    };
    assert_eq!(from_content.outage_zone, None, "an unknown zone is not used");
}

#[test]
fn nis2_counts_from_awareness_of_a_significant_incident_dora_from_awareness_of_the_incident() {
    let facts = Facts {
        detected: Some(utc("2026-02-01T08:00")),
        aware: Some(utc("2026-02-01T09:00")),
        significant: Some(utc("2026-02-02T09:00")),
        classified: Some(utc("2026-02-02T10:00")),
        ..Facts::default()
    };
    let c = clocks(&["EU_NIS2", "EU_DORA"], &facts, utc("2026-02-01T10:00"));
    let due = |regime: &str, duty: Duty| c.iter().find(|k| k.regime == regime && k.duty == duty).and_then(|k| k.due);
    assert_eq!(due("EU_NIS2", Duty::EarlyWarning), Some(utc("2026-02-03T09:00")));
    // DORA: 4 h after classification would be 14:00 on the 2nd; 24 h after awareness of the
    // incident is 09:00 — the earlier applies
    assert_eq!(due("EU_DORA", Duty::InitialReport), Some(utc("2026-02-02T09:00")));
}

#[test]
fn ofcom_asks_sooner_for_a_critical_incident() {
    let mut facts = Facts { aware: Some(utc("2026-02-01T08:00")), ..Facts::default() };
    let due =
        |f: &Facts| clocks(&["UK_OFCOM"], f, utc("2026-02-01T09:00")).into_iter().map(|c| c.due).collect::<Vec<_>>();
    assert_eq!(due(&facts), vec![Some(utc("2026-02-01T11:00"))], "not yet known: the stricter target");
    facts.ofcom_critical = Some(false);
    assert_eq!(due(&facts), vec![Some(utc("2026-02-04T08:00"))]);
    facts.ofcom_critical = Some(true);
    assert_eq!(due(&facts), vec![Some(utc("2026-02-01T11:00"))]);
}

#[test]
fn an_exempt_duty_shows_why_instead_of_running_overdue() {
    let mut facts = pangyo();
    facts.exempt = vec![ClockExemption {
        regime: "KR_TBA33",
        duty: Duty::UserNotice,
        reasons: vec![("무료".into(), "a free service".into())],
    }];
    let c = clocks(&["KR_TBA33"], &facts, kst("2022-12-25T12:00"));
    let notice = c.iter().find(|k| k.duty == Duty::UserNotice);
    assert_eq!(notice.map(|k| k.state), Some(ClockState::Exempt));
    assert_eq!(notice.map(|k| k.exempt_because.len()), Some(1));
    assert_eq!(notice.and_then(|k| k.due), None);
    // the compensation notice is not exempt here: it runs (and is overdue)
    assert!(c.iter().any(|k| k.duty == Duty::CompensationNotice && k.is_overdue()));
    assert_ne!(next_due(&c).map(|k| k.duty), Some(Duty::UserNotice));
}

proptest! {
    /// Whatever day in 2024–2026 a Korean rule version takes effect on, an instant an hour
    /// after 00:00 KST on it is in force and one second before midnight is not.
    #[test]
    fn korean_versions_start_at_kst_midnight(day in 0i64..1095) {
        let date = jiff::civil::date(2024, 1, 1).checked_add(jiff::Span::new().days(day)).unwrap_or(jiff::civil::date(2024, 1, 1));
        let text = date.to_string();
        let midnight = at(&text, "Asia/Seoul");
        let utc_midnight = jiff::Timestamp::from_second(midnight.0).map(|t| t.to_zoned(TimeZone::UTC).date()).ok();
        // KST midnight is the previous UTC day, 15:00
        prop_assert_eq!(utc_midnight, date.yesterday().ok());
        prop_assert_eq!(midnight.0 % 86_400, 15 * 3600);
    }
}
