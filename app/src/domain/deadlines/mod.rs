//! The deadline engine: from an incident's facts (when it began, was detected, became
//! reportable, was restored; what has been filed and when) and the regimes it is filed
//! under, every clock that runs, when it is due and whether it was met.
//!
//! Durations in hours are elapsed time. "Days" and "months" are calendar arithmetic in the
//! regulator's time zone, so they follow its daylight-saving changes and month ends
//! (31 January + 1 month = 28 or 29 February).

mod rules;

use jiff::tz::TimeZone;
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

pub use rules::RULE_SETS;

use crate::domain::filing::FilingStage;
use crate::domain::law::calendar::{in_force, Versioned};
use crate::domain::report::schema::Text2;
use crate::domain::report::Content;
use crate::domain::timestamp::Timestamp;

/// What must be done by a deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Duty {
    EarlyWarning,
    InitialReport,
    UpdateReport,
    FinalReport,
    UserNotice,
    CompensationNotice,
    DataSubmission,
}

impl Duty {
    pub const ALL: [Duty; 7] = [
        Duty::EarlyWarning,
        Duty::InitialReport,
        Duty::UpdateReport,
        Duty::FinalReport,
        Duty::UserNotice,
        Duty::CompensationNotice,
        Duty::DataSubmission,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Duty::EarlyWarning => "early_warning",
            Duty::InitialReport => "initial_report",
            Duty::UpdateReport => "update_report",
            Duty::FinalReport => "final_report",
            Duty::UserNotice => "user_notice",
            Duty::CompensationNotice => "compensation_notice",
            Duty::DataSubmission => "data_submission",
        }
    }

    pub fn parse(s: &str) -> Option<Duty> {
        Duty::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// What satisfied a clock, so both sides can see which filing (or which submission made
/// elsewhere) counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Satisfied {
    /// The incident's filed version with this number.
    Version(u32),
    /// A submission made outside Outage Desk, recorded and signed off (its number on the
    /// incident).
    Outside(u32),
    /// An instant answered in the report (when the user notice went out…).
    Answer,
    /// The operator's answer to the ministry's request.
    RequestAnswer,
}

/// A submission made outside Outage Desk (phone, e-mail, the regulator's own portal) that an
/// officer recorded and a signatory signed off: it counts for the clock of `regime`'s `duty`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutsideSubmission {
    pub regime: String,
    pub duty: Duty,
    pub at: Timestamp,
    pub number: u32,
}

/// The event a clock starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Onset,
    Detection,
    /// Awareness of the incident itself (falls back to detection): DORA's 24-hour limit
    /// counts from it, not from its classification.
    Awareness,
    /// Awareness that the incident is significant (NIS2; falls back to awareness).
    Significance,
    /// Classification as major (falls back to awareness).
    Classification,
    InitialFiled,
    FirstUpdateFiled,
    /// The latest interim update (falls back to the initial notification).
    LatestUpdateFiled,
    Restoration,
    /// A due date the ministry sets in its request (issue #4).
    MinistryRequest,
}

/// How long after the anchor the duty is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// "Without delay": no number in law; `target_minutes` is the working target.
    WithoutDelay {
        target_minutes: i64,
    },
    Minutes(i64),
    Hours(i64),
    /// Calendar days in the named IANA zone.
    CalendarDays(i64, &'static str),
    /// Calendar months in the named IANA zone (clamped to the month's last day).
    CalendarMonths(i64, &'static str),
    /// Calendar days in the zone where the outage is (the report's `outage_zone`; the
    /// regulator's zone when it is not given): the FCC's 30 days.
    CalendarDaysWhereOutage(i64),
    SetByMinistry,
}

/// When a rule applies to an incident at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Always,
    /// Ofcom: a critical incident (more than 3 M user-hours), or one not yet known not to be.
    OfcomCritical,
    /// Ofcom: an incident known not to be critical.
    OfcomNotCritical,
}

/// What counts as having done the duty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DoneBy {
    /// The first filing of this stage or a later one.
    Filing(FilingStage),
    /// An instant answered in the report (e.g. when the user notice went out).
    Field(&'static str),
    /// The operator's answer to the ministry's request (one clock per request).
    RequestAnswered,
}

/// One clock of a regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub duty: Duty,
    pub anchor: Anchor,
    pub period: Period,
    /// A second limit; the earlier of the two applies (DORA: 4 h from classification but
    /// no later than 24 h from awareness).
    pub cap: Option<(Anchor, Period)>,
    pub done_by: DoneBy,
    pub basis: Text2,
    pub when: When,
}

/// A version of a regime's rules and the date from which it applies, at 00:00 in its
/// regulator's zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleSet {
    pub regime: &'static str,
    pub version: &'static str,
    pub effective_from: &'static str,
    pub zone: &'static str,
    pub rules: &'static [Rule],
}

impl Versioned for RuleSet {
    fn effective_from(&self) -> &str {
        self.effective_from
    }
    fn zone(&self) -> &str {
        self.zone
    }
}

/// The rule set of `regime` in force at `at`: the latest version that had taken effect.
pub fn rule_set(regime: &str, at: Timestamp) -> Option<&'static RuleSet> {
    in_force(RULE_SETS.iter().filter(|r| r.regime == regime), at)
}

/// A duty an incident is exempt from, and why (Korean, English).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClockExemption {
    pub regime: &'static str,
    pub duty: Duty,
    pub reasons: Vec<(String, String)>,
}

/// What is known about an incident that clocks depend on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    pub onset: Option<Timestamp>,
    pub detected: Option<Timestamp>,
    pub aware: Option<Timestamp>,
    pub classified: Option<Timestamp>,
    pub restored: Option<Timestamp>,
    /// Filed versions, oldest first: version `n` is at index `n - 1`.
    pub filings: Vec<(FilingStage, Timestamp)>,
    /// Instant answers that satisfy [`DoneBy::Field`] duties.
    pub fields: Vec<(&'static str, Timestamp)>,
    /// The ministry's requests for information: (due, first answer). Each one starts a
    /// [`Anchor::MinistryRequest`] clock; other regimes' clocks do not pause for them.
    pub requests: Vec<(Timestamp, Option<Timestamp>)>,
    /// Submissions made outside the desk, signed off (only those count).
    pub outside: Vec<OutsideSubmission>,
    /// Awareness that the incident is significant (NIS2).
    pub significant: Option<Timestamp>,
    /// The IANA zone where the outage is (FCC's calendar days).
    pub outage_zone: Option<String>,
    /// Whether the incident is critical for Ofcom (`None`: not known yet).
    pub ofcom_critical: Option<bool>,
    /// Duties the incident is exempt from (the Korean user notice in its exempt cases).
    pub exempt: Vec<ClockExemption>,
}

impl Facts {
    /// Facts from the latest content of an incident and its filed versions.
    pub fn from_content(c: &Content, filings: Vec<(FilingStage, Timestamp)>) -> Facts {
        let fields = ["notice_sent_at", "compensation_notice_at"]
            .into_iter()
            .filter_map(|k| c.instant(k).map(|t| (k, t)))
            .collect();
        Facts {
            onset: c.instant("onset_at"),
            detected: c.instant("detected_at"),
            aware: c.instant("aware_at"),
            classified: c.instant("classified_at"),
            restored: c.instant("restored_at"),
            filings,
            fields,
            requests: Vec::new(),
            outside: Vec::new(),
            significant: c.instant("significant_at"),
            outage_zone: Some(c.get("outage_zone").to_string()).filter(|z| TimeZone::get(z).is_ok()),
            ofcom_critical: None,
            exempt: Vec::new(),
        }
    }

    /// Whether `rule` applies to this incident at all.
    fn applies(&self, rule: &Rule) -> bool {
        match rule.when {
            When::Always => true,
            When::OfcomCritical => self.ofcom_critical != Some(false),
            When::OfcomNotCritical => self.ofcom_critical == Some(false),
        }
    }

    fn exemption(&self, regime: &str, duty: Duty) -> Option<&ClockExemption> {
        self.exempt.iter().find(|e| e.regime == regime && e.duty == duty)
    }

    fn anchor(&self, a: Anchor) -> Option<Timestamp> {
        let first = |stage: FilingStage| self.filings.iter().find(|(s, _)| *s == stage).map(|(_, t)| *t);
        match a {
            Anchor::Onset => self.onset.or(self.detected),
            Anchor::Detection => self.detected.or(self.onset),
            Anchor::Awareness => self.aware.or(self.detected).or(self.onset),
            Anchor::Significance => self.significant.or(self.aware).or(self.detected).or(self.onset),
            Anchor::Classification => self.classified.or(self.aware).or(self.detected),
            Anchor::InitialFiled => first(FilingStage::Initial),
            Anchor::FirstUpdateFiled => first(FilingStage::Interim),
            Anchor::LatestUpdateFiled => self
                .filings
                .iter()
                .rev()
                .find(|(s, _)| *s == FilingStage::Interim)
                .map(|(_, t)| *t)
                .or_else(|| first(FilingStage::Initial)),
            Anchor::Restoration => self.restored,
            Anchor::MinistryRequest => None,
        }
    }

    fn done(&self, by: DoneBy) -> Option<(Timestamp, Satisfied)> {
        match by {
            DoneBy::Filing(stage) => self
                .filings
                .iter()
                .enumerate()
                .find(|(_, (s, _))| *s >= stage)
                .map(|(i, (_, t))| (*t, Satisfied::Version(u32::try_from(i + 1).unwrap_or(u32::MAX)))),
            DoneBy::Field(key) => self.fields.iter().find(|(k, _)| *k == key).map(|(_, t)| (*t, Satisfied::Answer)),
            // answered per request; see `clocks`
            DoneBy::RequestAnswered => None,
        }
    }

    /// What did `regime`'s `duty` first: the rule's own event or a submission made outside
    /// the desk, whichever came first.
    fn done_for(&self, regime: &str, rule: &Rule) -> Option<(Timestamp, Satisfied)> {
        let outside = self
            .outside
            .iter()
            .filter(|o| o.regime == regime && o.duty == rule.duty)
            .min_by_key(|o| o.at)
            .map(|o| (o.at, Satisfied::Outside(o.number)));
        [self.done(rule.done_by), outside].into_iter().flatten().min_by_key(|(t, _)| *t)
    }
}

/// `from` plus `period`; `None` when the period has no fixed end. Calendar days "where the
/// outage is" count in `outage_zone`.
pub fn add_period(from: Timestamp, period: Period, outage_zone: &str) -> Option<Timestamp> {
    let ts = jiff::Timestamp::from_second(from.0).ok()?;
    let calendar = |zone: &str, span: jiff::Span| {
        let tz = TimeZone::get(zone).ok()?;
        ts.to_zoned(tz).checked_add(span).ok().map(|z| Timestamp(z.timestamp().as_second()))
    };
    match period {
        Period::WithoutDelay { target_minutes } | Period::Minutes(target_minutes) => {
            Some(Timestamp(from.0 + target_minutes * 60))
        }
        Period::Hours(h) => Some(Timestamp(from.0 + h * 3600)),
        Period::CalendarDays(d, zone) => calendar(zone, d.days()),
        Period::CalendarDaysWhereOutage(d) => calendar(outage_zone, d.days()),
        Period::CalendarMonths(m, zone) => calendar(zone, m.months()),
        Period::SetByMinistry => None,
    }
}

/// Where a clock stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClockState {
    /// The event that starts it has not happened (or the ministry has not set a date).
    NotStarted,
    /// Running; not yet due.
    Open,
    /// Past due and not done, by this many minutes.
    Overdue { minutes: i64 },
    /// Done in time.
    Met,
    /// Done, this many minutes late.
    Late { minutes: i64 },
    /// Not owed: the incident is exempt (the reasons are on the clock).
    Exempt,
}

/// One computed clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub regime: String,
    pub version: String,
    pub duty: Duty,
    pub basis: (String, String),
    pub without_delay: bool,
    pub due: Option<Timestamp>,
    pub done_at: Option<Timestamp>,
    /// Which filed version (or what else) did the duty.
    #[serde(default)]
    pub satisfied_by: Option<Satisfied>,
    pub state: ClockState,
    /// Why the incident is exempt (with [`ClockState::Exempt`]).
    #[serde(default)]
    pub exempt_because: Vec<(String, String)>,
}

impl Clock {
    pub fn is_overdue(&self) -> bool {
        matches!(self.state, ClockState::Overdue { .. })
    }

    /// The regime's own name for this duty (Korean, English), where it differs from the
    /// desk's stage words: the FCC's 120-minute *notification* and 72-hour *initial report*,
    /// NIS2's 72-hour *incident notification*, DORA's *initial notification* and
    /// *intermediate report*. `None`: the desk's own word for the duty is the regime's.
    pub fn regime_term(&self) -> Option<(&'static str, &'static str)> {
        duty_term(&self.regime, self.duty)
    }
}

/// See [`Clock::regime_term`].
pub fn duty_term(regime: &str, duty: Duty) -> Option<(&'static str, &'static str)> {
    Some(match (regime, duty) {
        ("US_FCC", Duty::InitialReport) => ("통보 (Notification)", "Notification"),
        ("US_FCC", Duty::UpdateReport) => ("최초 보고서 (Initial Report)", "Initial Report"),
        ("US_FCC", Duty::FinalReport) => ("최종 보고서 (Final Report)", "Final Report"),
        ("EU_NIS2", Duty::UpdateReport) => ("사고 통지 (incident notification)", "Incident notification"),
        ("EU_DORA", Duty::InitialReport) => ("최초 통지 (initial notification)", "Initial notification"),
        ("EU_DORA", Duty::UpdateReport) => ("중간 보고 (intermediate report)", "Intermediate report"),
        _ => return None,
    })
}

/// When a duty was done, and what did it.
type Done = (Timestamp, Satisfied);

fn due_of(rule: &Rule, facts: &Facts, regulator_zone: &str) -> Option<Timestamp> {
    let zone = facts.outage_zone.as_deref().unwrap_or(regulator_zone);
    let main = facts.anchor(rule.anchor).and_then(|a| add_period(a, rule.period, zone));
    let cap = rule.cap.and_then(|(anchor, period)| facts.anchor(anchor).and_then(|a| add_period(a, period, zone)));
    match (main, cap) {
        (Some(m), Some(c)) => Some(m.min(c)),
        (m, c) => m.or(c),
    }
}

/// Every clock of every regime in `regimes` (codes as in the report's `regimes` answer),
/// using each regime's rules in force at onset.
pub fn clocks(regimes: &[&str], facts: &Facts, now: Timestamp) -> Vec<Clock> {
    let at = facts.onset.or(facts.detected).unwrap_or(now);
    let mut out = Vec::new();
    for code in regimes {
        let Some(set) = rule_set(code, at) else { continue };
        for rule in set.rules.iter().filter(|r| facts.applies(r)) {
            if let Some(e) = facts.exemption(set.regime, rule.duty) {
                let mut c = clock(set, rule, None, None, now);
                c.state = ClockState::Exempt;
                c.exempt_because = e.reasons.clone();
                out.push(c);
                continue;
            }
            // A ministry request sets its own due date: one clock per request, none if
            // nothing has been asked yet.
            let instances: Vec<(Option<Timestamp>, Option<Done>)> = if rule.anchor == Anchor::MinistryRequest {
                if facts.requests.is_empty() {
                    vec![(None, None)]
                } else {
                    let answered = |a: &Option<Timestamp>| a.map(|t| (t, Satisfied::RequestAnswer));
                    facts.requests.iter().map(|(due, a)| (Some(*due), answered(a))).collect()
                }
            } else {
                vec![(due_of(rule, facts, set.zone), facts.done_for(code, rule))]
            };
            for (due, done_at) in instances {
                out.push(clock(set, rule, due, done_at, now));
            }
        }
    }
    out
}

fn clock(
    set: &RuleSet,
    rule: &Rule,
    due: Option<Timestamp>,
    done: Option<(Timestamp, Satisfied)>,
    now: Timestamp,
) -> Clock {
    let done_at = done.map(|(t, _)| t);
    let state = match (due, done_at) {
        (Some(d), Some(done)) if done.0 > d.0 => ClockState::Late { minutes: d.minutes_until(done) },
        (_, Some(_)) => ClockState::Met,
        (Some(d), None) if now.0 > d.0 => ClockState::Overdue { minutes: d.minutes_until(now) },
        (Some(_), None) => ClockState::Open,
        (None, None) => ClockState::NotStarted,
    };
    Clock {
        regime: set.regime.to_string(),
        version: set.version.to_string(),
        duty: rule.duty,
        basis: (rule.basis.0.to_string(), rule.basis.1.to_string()),
        without_delay: matches!(rule.period, Period::WithoutDelay { .. }),
        due,
        done_at,
        satisfied_by: done.map(|(_, s)| s),
        state,
        exempt_because: Vec::new(),
    }
}

/// The open or overdue clock due soonest: "what is due next".
pub fn next_due(clocks: &[Clock]) -> Option<&Clock> {
    clocks
        .iter()
        .filter(|c| matches!(c.state, ClockState::Open | ClockState::Overdue { .. }))
        .filter(|c| c.due.is_some())
        .min_by_key(|c| c.due)
}

#[cfg(test)]
#[path = "deadlines_test.rs"]
mod tests;
