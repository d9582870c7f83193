//! Submissions made outside Outage Desk (issue #11): an incident the operator had already
//! reported to a CSIRT, the FCC or the ministry by phone, e-mail or the regulator's own portal
//! before it used the desk. An officer records one per clock; a signatory signs it off; only a
//! signed-off record counts for its clock, and both sides see it as such.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::deadlines::Duty;
use super::timestamp::Timestamp;
use super::validation::{FieldError, FieldErrors};
use super::zone::UserZone;

/// How the regulator was told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Channel {
    Phone,
    Email,
    /// The regulator's own reporting system (NORS, a CSIRT portal…).
    Portal,
    Letter,
    InPerson,
}

impl Channel {
    pub const ALL: [Channel; 5] = [Channel::Phone, Channel::Email, Channel::Portal, Channel::Letter, Channel::InPerson];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Email => "email",
            Channel::Portal => "portal",
            Channel::Letter => "letter",
            Channel::InPerson => "in_person",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// (Korean, English).
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Channel::Phone => ("전화", "Phone"),
            Channel::Email => ("전자우편", "E-mail"),
            Channel::Portal => ("규제기관 보고 시스템", "The regulator's reporting system"),
            Channel::Letter => ("공문·우편", "Letter"),
            Channel::InPerson => ("방문", "In person"),
        }
    }
}

/// The clock a record is for, as the form's value: `US_FCC:initial_report`.
pub fn clock_key(regime: &str, duty: Duty) -> String {
    format!("{regime}:{}", duty.as_str())
}

/// The clocks a record may be made for: each regime's duties the operator does, once each
/// (not the ministry's requests, which are answered in the desk). The form offers these and
/// the server accepts only these.
pub fn recordable(clocks: &[super::deadlines::Clock]) -> Vec<&super::deadlines::Clock> {
    let mut out: Vec<&super::deadlines::Clock> = Vec::new();
    // a duty the incident is exempt from is not owed, so nothing can be recorded for it
    for c in clocks.iter().filter(|c| c.duty != Duty::DataSubmission && c.state != super::deadlines::ClockState::Exempt)
    {
        if !out.iter().any(|o| o.regime == c.regime && o.duty == c.duty) {
            out.push(c);
        }
    }
    out
}

/// A record as typed, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutsideRecord {
    pub regime: String,
    pub duty: Duty,
    pub at: Timestamp,
    pub channel: Channel,
    pub recipient: String,
    pub their_reference: String,
}

/// Longest recipient or reference.
pub const MAX_LINE: usize = 200;

/// Reads the form: `clock` (one of `clocks`, the incident's own), `outside_at` (in the
/// reader's zone, not in the future), `channel`, `recipient` and `their_reference`.
pub fn parse(
    v: &BTreeMap<String, String>,
    clocks: &[(String, Duty)],
    zone: UserZone,
    now: Timestamp,
) -> Result<OutsideRecord, FieldErrors> {
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or("");
    let mut e = FieldErrors::default();
    let clock = clocks.iter().find(|(regime, duty)| clock_key(regime, *duty) == get("clock"));
    if clock.is_none() {
        e.add("clock", FieldError::Required);
    }
    let at = match zone.parse_local(get("outside_at")) {
        _ if get("outside_at").is_empty() => {
            e.add("outside_at", FieldError::Required);
            None
        }
        Some(t) if t.0 > now.0 => {
            e.add("outside_at", FieldError::InTheFuture);
            None
        }
        Some(t) => Some(t),
        None => {
            e.add("outside_at", FieldError::InvalidDateTime);
            None
        }
    };
    let channel = Channel::parse(get("channel"));
    if channel.is_none() {
        e.add("channel", FieldError::Required);
    }
    let line = |k: &str, required: bool, e: &mut FieldErrors| {
        let s = get(k);
        if s.is_empty() && required {
            e.add(k, FieldError::Required);
        } else if let Some(long) = FieldError::length(s, MAX_LINE) {
            e.add(k, long);
        }
        s.to_string()
    };
    let recipient = line("recipient", true, &mut e);
    let their_reference = line("their_reference", false, &mut e);
    match (clock, at, channel) {
        (Some((regime, duty)), Some(at), Some(channel)) if e.is_empty() => {
            Ok(OutsideRecord { regime: regime.clone(), duty: *duty, at, channel, recipient, their_reference })
        }
        _ => Err(e.ordered_by(&["clock", "outside_at", "channel", "recipient", "their_reference"])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    const NOW: Timestamp = Timestamp(1_767_225_600); // 2026-01-01T00:00Z

    #[test]
    fn a_record_names_one_of_the_incidents_clocks_a_past_time_a_channel_and_a_recipient() {
        let clocks = vec![("US_FCC".to_string(), Duty::InitialReport)];
        let ok = values(&[
            ("clock", "US_FCC:initial_report"),
            ("outside_at", "2025-12-31T10:00"),
            ("channel", "portal"),
            ("recipient", "FCC NORS"),
            ("their_reference", "NORS-123"),
        ]);
        let r = parse(&ok, &clocks, UserZone::Seoul, NOW).map_err(|e| format!("{e:?}"));
        assert_eq!(
            r.map(|r| (r.duty, r.channel, r.at)),
            Ok((Duty::InitialReport, Channel::Portal, Timestamp(1_767_142_800)))
        );
        let mut other = ok.clone();
        other.insert("clock".into(), "EU_NIS2:update_report".into());
        let e = parse(&other, &clocks, UserZone::Seoul, NOW).err().unwrap_or_default();
        assert_eq!(e.get("clock"), Some(FieldError::Required), "only the incident's own clocks");
        let e = parse(&values(&[("outside_at", "2026-02-01T10:00")]), &clocks, UserZone::Seoul, NOW)
            .err()
            .unwrap_or_default();
        assert_eq!(e.get("outside_at"), Some(FieldError::InTheFuture));
        assert_eq!(e.get("channel"), Some(FieldError::Required));
        assert_eq!(e.get("recipient"), Some(FieldError::Required));
        assert_eq!(e.0[0].0, "clock", "in form order");
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(c));
        }
    }

    #[test]
    fn an_exempt_duty_cannot_be_recorded() {
        use crate::domain::deadlines::{clocks, ClockExemption, Facts};
        let facts = Facts {
            onset: Some(NOW),
            exempt: vec![ClockExemption { regime: "KR_TBA33", duty: Duty::UserNotice, reasons: Vec::new() }],
            ..Facts::default()
        };
        let all = clocks(&["KR_TBA33"], &facts, NOW);
        let open: Vec<Duty> = recordable(&all).iter().map(|c| c.duty).collect();
        assert!(!open.contains(&Duty::UserNotice), "{open:?}");
        assert!(open.contains(&Duty::CompensationNotice));
    }
}
