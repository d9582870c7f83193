//! The reportability and deadline calculator: from an incident's facts and an operator's
//! profile, without storing anything, which regimes' criteria are met (with reasons) and every
//! clock with its due instant. The same functions the incident page runs.

use super::deadlines::{clocks, Clock};
use super::filing::FilingStage;
use super::law::operator::OperatorFacts;
use super::report::Content;
use super::reportability::{assess, clock_facts, Assessment, Verdict};
use super::timestamp::Timestamp;

/// What the calculator is given: the incident's answers (field catalogue keys), the operator's
/// profile and service records (profile form keys) and the versions filed so far.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub incident: Content,
    pub profile: Content,
    pub services: Vec<Content>,
    pub filings: Vec<(FilingStage, Timestamp)>,
}

/// What it answers.
#[derive(Clone, Debug)]
pub struct Result {
    pub assessments: Vec<Assessment>,
    /// The regimes clocked: those the incident's `regimes` answer names, or, when it names
    /// none, every regime whose criteria are met.
    pub regimes: Vec<String>,
    pub clocks: Vec<Clock>,
}

/// Runs the reportability check and the deadline engine at `now`.
pub fn calculate(f: &Facts, now: Timestamp) -> Result {
    let org = OperatorFacts::from_profile(&f.profile, &f.services);
    let assessments = assess(&f.incident, &org, now);
    let named: Vec<String> = f.incident.codes("regimes").into_iter().map(str::to_string).collect();
    let regimes = if named.is_empty() {
        assessments.iter().filter(|a| a.verdict == Verdict::Met).map(|a| a.regime.clone()).collect()
    } else {
        named
    };
    let facts = clock_facts(&f.incident, &org, f.filings.clone(), now);
    let codes: Vec<&str> = regimes.iter().map(String::as_str).collect();
    let clocks = clocks(&codes, &facts, now);
    Result { assessments, regimes, clocks }
}

#[cfg(test)]
#[path = "calculator_test.rs"]
mod tests;
