use super::*;
use crate::domain::deadlines::{ClockState, Duty};

fn at(s: &str) -> Timestamp {
    Timestamp::parse_utc(s).unwrap()
}

/// The brief's FCC threshold: ≥ 30 minutes and ≥ 900,000 user-minutes; notification within
/// 120 minutes of discovery.
#[test]
fn fcc_notification_is_due_120_minutes_after_discovery() {
    let mut f = Facts::default();
    f.incident.set("onset_at", "2026-03-02T10:00:00Z");
    f.incident.set("detected_at", "2026-03-02T10:05:00Z");
    f.incident.set("restored_at", "2026-03-02T11:00:00Z");
    f.incident.set("users_affected", "15000");
    let r = calculate(&f, at("2026-03-02T11:30:00Z"));
    let fcc = r.assessments.iter().find(|a| a.regime == "US_FCC").unwrap();
    assert_eq!(fcc.verdict, Verdict::Met, "{:?}", fcc.reasons);
    assert!(r.regimes.contains(&"US_FCC".to_string()));
    let notify = r.clocks.iter().find(|c| c.regime == "US_FCC" && c.duty == Duty::InitialReport).unwrap();
    assert_eq!(notify.due, Some(at("2026-03-02T12:05:00Z")));
    assert_eq!(notify.state, ClockState::Open);
}

#[test]
fn named_regimes_are_clocked_even_when_not_met() {
    let mut f = Facts::default();
    f.incident.set("onset_at", "2026-03-02T10:00:00Z");
    f.incident.set("regimes", "EU_NIS2");
    let r = calculate(&f, at("2026-03-02T10:30:00Z"));
    assert_eq!(r.regimes, vec!["EU_NIS2".to_string()]);
    assert!(r.clocks.iter().all(|c| c.regime == "EU_NIS2"));
}
