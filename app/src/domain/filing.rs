//! Filings: the staged reports an operator sends about one incident, and the rules a
//! filing must meet before it can be submitted.

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::timestamp::Timestamp;
use super::validation::{FieldError, FieldErrors};

/// The stage of a filing (brief, section c): initial notification, interim update, final report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// High-level cause category (brief, section d.1), one primary value per filing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CauseCategory {
    SystemFailure,
    ProcessFailure,
    HumanError,
    ExternalEvent,
    MaliciousAction,
    CapacityOverload,
    Power,
    ThirdParty,
    Unknown,
}

impl CauseCategory {
    pub const ALL: [CauseCategory; 9] = [
        CauseCategory::SystemFailure,
        CauseCategory::ProcessFailure,
        CauseCategory::HumanError,
        CauseCategory::ExternalEvent,
        CauseCategory::MaliciousAction,
        CauseCategory::CapacityOverload,
        CauseCategory::Power,
        CauseCategory::ThirdParty,
        CauseCategory::Unknown,
    ];

    /// The code used in forms, storage and open data.
    pub fn code(self) -> &'static str {
        match self {
            CauseCategory::SystemFailure => "SYSTEM_FAILURE",
            CauseCategory::ProcessFailure => "PROCESS_FAILURE",
            CauseCategory::HumanError => "HUMAN_ERROR",
            CauseCategory::ExternalEvent => "EXTERNAL_EVENT",
            CauseCategory::MaliciousAction => "MALICIOUS_ACTION",
            CauseCategory::CapacityOverload => "CAPACITY_OVERLOAD",
            CauseCategory::Power => "POWER",
            CauseCategory::ThirdParty => "THIRD_PARTY",
            CauseCategory::Unknown => "UNKNOWN",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        CauseCategory::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Largest plausible number of affected users: a little above the world's population
/// would be absurd; Korea's largest services count users in tens of millions.
pub const MAX_USERS_AFFECTED: u64 = 1_000_000_000;

/// The initial notification form exactly as typed, so a rejected form can be shown again
/// with nothing lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct InitialNotificationForm {
    #[validate(length(min = 1, max = 200))]
    pub title: String,
    #[validate(length(min = 1, max = 2000))]
    pub services_affected: String,
    pub onset_at: String,
    pub detected_at: String,
    #[validate(length(min = 1, max = 10000))]
    pub description: String,
    pub cause_category: String,
    #[validate(length(min = 1, max = 10000))]
    pub emergency_measures: String,
    pub users_affected: String,
}

impl InitialNotificationForm {
    /// Field names in the order they appear on the form.
    pub const FIELDS: [&'static str; 8] = [
        "title",
        "services_affected",
        "onset_at",
        "detected_at",
        "description",
        "cause_category",
        "emergency_measures",
        "users_affected",
    ];

    /// Checks the form against every rule and returns the typed notification, or every
    /// problem found. `now` is passed in so the rule "not in the future" is testable.
    pub fn validate_at(&self, now: Timestamp) -> Result<InitialNotification, FieldErrors> {
        let f = InitialNotificationForm {
            title: self.title.trim().to_string(),
            services_affected: self.services_affected.trim().to_string(),
            onset_at: self.onset_at.trim().to_string(),
            detected_at: self.detected_at.trim().to_string(),
            description: self.description.trim().to_string(),
            cause_category: self.cause_category.trim().to_string(),
            emergency_measures: self.emergency_measures.trim().to_string(),
            users_affected: self.users_affected.trim().replace([',', '_', ' '], ""),
        };
        let mut errors = FieldErrors::default();
        if let Err(e) = f.validate() {
            errors.extend_from_validator(&e);
        }
        let onset = parse_instant(&mut errors, "onset_at", &f.onset_at, now);
        let detected = parse_instant(&mut errors, "detected_at", &f.detected_at, now);
        if let (Some(o), Some(d)) = (onset, detected) {
            if d < o {
                errors.add("detected_at", FieldError::DetectedBeforeOnset);
            }
        }
        let cause = if f.cause_category.is_empty() {
            errors.add("cause_category", FieldError::Required);
            None
        } else {
            let c = CauseCategory::parse(&f.cause_category);
            if c.is_none() {
                errors.add("cause_category", FieldError::UnknownOption);
            }
            c
        };
        let users = if f.users_affected.is_empty() {
            errors.add("users_affected", FieldError::Required);
            None
        } else {
            match f.users_affected.parse::<u64>() {
                Ok(n) if n <= MAX_USERS_AFFECTED => Some(n),
                Ok(_) => {
                    errors.add("users_affected", FieldError::OutOfRange);
                    None
                }
                Err(_) => {
                    errors.add("users_affected", FieldError::NotAWholeNumber);
                    None
                }
            }
        };
        match (onset, detected, cause, users) {
            (Some(onset_at), Some(detected_at), Some(cause_category), Some(users_affected)) if errors.is_empty() => {
                Ok(InitialNotification {
                    title: f.title,
                    services_affected: split_lines(&f.services_affected),
                    onset_at,
                    detected_at,
                    description: f.description,
                    cause_category,
                    emergency_measures: f.emergency_measures,
                    users_affected,
                })
            }
            _ => Err(errors.ordered_by(&Self::FIELDS)),
        }
    }
}

fn parse_instant(errors: &mut FieldErrors, field: &str, value: &str, now: Timestamp) -> Option<Timestamp> {
    if value.is_empty() {
        errors.add(field, FieldError::Required);
        return None;
    }
    match Timestamp::parse_kst_local(value) {
        None => {
            errors.add(field, FieldError::InvalidDateTime);
            None
        }
        // a minute of grace: the officer's clock and ours may differ slightly
        Some(t) if t.0 > now.0 + 60 => {
            errors.add(field, FieldError::InTheFuture);
            None
        }
        Some(t) => Some(t),
    }
}

/// One service per line (or comma-separated), blanks dropped.
fn split_lines(s: &str) -> Vec<String> {
    s.split(['\n', ',']).map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect()
}

/// A validated initial notification: what is frozen, hashed and rendered into the PDF.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitialNotification {
    pub title: String,
    pub services_affected: Vec<String>,
    pub onset_at: Timestamp,
    pub detected_at: Timestamp,
    pub description: String,
    pub cause_category: CauseCategory,
    pub emergency_measures: String,
    pub users_affected: u64,
}

impl InitialNotification {
    /// The canonical JSON that is stored and hashed. Field order is the struct's, so the
    /// same content always gives the same bytes.
    pub fn canonical_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Back to the form, e.g. to show what was filed.
    pub fn to_form(&self) -> InitialNotificationForm {
        InitialNotificationForm {
            title: self.title.clone(),
            services_affected: self.services_affected.join("\n"),
            onset_at: self.onset_at.to_kst_local_input(),
            detected_at: self.detected_at.to_kst_local_input(),
            description: self.description.clone(),
            cause_category: self.cause_category.code().to_string(),
            emergency_measures: self.emergency_measures.clone(),
            users_affected: self.users_affected.to_string(),
        }
    }
}

#[cfg(test)]
#[path = "filing_test.rs"]
mod tests;
