//! Filings: the stage of a filed version and where it is in the ministry's hands. What a
//! filing contains, and the rules it must meet, are in [`super::report`].

use serde::{Deserialize, Serialize};

/// The stage of a filing (brief, section c): initial notification, interim update, final report.
/// Ordered as filed: a later stage compares greater.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingStage {
    Initial,
    Interim,
    Final,
}

impl FilingStage {
    pub fn as_str(self) -> &'static str {
        match self {
            FilingStage::Initial => "initial",
            FilingStage::Interim => "interim",
            FilingStage::Final => "final",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [FilingStage::Initial, FilingStage::Interim, FilingStage::Final].into_iter().find(|x| x.as_str() == s)
    }
}

/// Where a submitted filing is in the ministry's hands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingStatus {
    /// Filed by the operator, not yet handled.
    Submitted,
    /// A reviewer has published a public summary of the incident.
    Published,
}

impl FilingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FilingStatus::Submitted => "submitted",
            FilingStatus::Published => "published",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [FilingStatus::Submitted, FilingStatus::Published].into_iter().find(|x| x.as_str() == s)
    }

    /// Whether a reviewer may publish a summary from a filing in this state.
    /// Publishing twice would silently replace what the public already read, so it is refused;
    /// corrections are a separate, recorded operation.
    pub fn can_publish(self) -> bool {
        self == FilingStatus::Submitted
    }
}

/// Where an incident stands, in the one vocabulary the operator's dashboard, the ministry's
/// queue and the case page share. The final report does not end an incident: the ministry's
/// case does, when it is closed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum IncidentStatus {
    /// Opened by the operator; no report filed yet.
    #[default]
    NotYetFiled,
    /// An initial or interim report is filed; more are due.
    Reporting,
    /// The final report is filed; the ministry's case is still open.
    FinalFiled,
    /// The ministry closed its case.
    Closed,
}

impl IncidentStatus {
    /// From the latest filed stage and whether the ministry's case is closed.
    pub fn of(last_filed: Option<FilingStage>, case_closed: bool) -> IncidentStatus {
        match (case_closed, last_filed) {
            (true, _) => IncidentStatus::Closed,
            (false, None) => IncidentStatus::NotYetFiled,
            (false, Some(FilingStage::Final)) => IncidentStatus::FinalFiled,
            (false, Some(_)) => IncidentStatus::Reporting,
        }
    }

    /// Still needs someone's attention: everything until the ministry closes it.
    pub fn is_open(self) -> bool {
        self != IncidentStatus::Closed
    }
}

/// Longest working title of an incident.
pub const MAX_TITLE: usize = 200;
/// Longest job title a signatory signs with.
pub const MAX_SIGNATORY_TITLE: usize = 100;

/// The working title of a new incident, trimmed, or why it cannot be one.
pub fn incident_title(title: &str) -> Result<String, crate::domain::validation::FieldErrors> {
    use crate::domain::validation::{FieldError, FieldErrors};
    let title = title.trim();
    match title.chars().count() {
        0 => Err(FieldErrors::one("title", FieldError::Required)),
        n if n > MAX_TITLE => Err(FieldErrors::one("title", FieldError::too_long(MAX_TITLE, n))),
        _ => Ok(title.to_string()),
    }
}

/// What a signatory gives when filing: their job title (trimmed) and the declaration
/// (`attest`), or what is missing.
pub fn signing(title: &str, declared: bool) -> Result<String, crate::domain::validation::FieldErrors> {
    use crate::domain::validation::{FieldError, FieldErrors};
    let title = title.trim();
    let mut errors = FieldErrors::default();
    match title.chars().count() {
        0 => errors.add("signatory_title", FieldError::Required),
        n if n > MAX_SIGNATORY_TITLE => errors.add("signatory_title", FieldError::too_long(MAX_SIGNATORY_TITLE, n)),
        _ => {}
    }
    if !declared {
        errors.add("attest", FieldError::MustConfirm);
    }
    if errors.is_empty() {
        Ok(title.to_string())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
#[path = "filing_test.rs"]
mod tests;
