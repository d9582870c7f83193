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

#[cfg(test)]
#[path = "filing_test.rs"]
mod tests;
