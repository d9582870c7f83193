//! Checking a report's content for a stage: the per-field rules of each kind, what each
//! stage requires, and the rules across fields (times in order, users affected within the
//! service's users, conditional answers). Shared by the browser and the server.

use super::content::Content;
use super::schema::{cell_key, sections, FieldDef, Kind, SectionDef};
use crate::domain::filing::FilingStage;
use crate::domain::timestamp::Timestamp;
use crate::domain::validation::{FieldError, FieldErrors};

/// Largest plausible count (won, transactions): anything above is a typing error.
pub const MAX_COUNT: u64 = 10_000_000_000_000;

/// Largest plausible count of people (users, complainants, claimants): more than live on Earth.
pub const MAX_PEOPLE: u64 = 9_000_000_000;

/// Longest plausible duration in minutes: ten years.
pub const MAX_MINUTES: u64 = 10 * 366 * 24 * 60;

/// The count fields that count people.
const PEOPLE: [&str; 6] =
    ["users_affected", "service_users", "daily_users", "complaints_count", "damage_reports_count", "claims_received"];

/// A whole number's problem, if any: too large to be true says so, rather than "not a number".
fn count_problem(key: &str, kind: Kind, v: &str) -> Option<FieldError> {
    let people = PEOPLE.iter().any(|p| key == *p || key.ends_with(&format!(".{p}")));
    let max = match kind {
        Kind::Minutes => MAX_MINUTES,
        _ if people => MAX_PEOPLE,
        _ => MAX_COUNT,
    };
    match v.parse::<u64>() {
        Ok(n) if n <= max => None,
        Ok(_) if people => Some(FieldError::MorePeopleThanExist),
        Ok(_) => Some(FieldError::NumberTooLarge),
        // digits only, yet no u64: a whole number, just far too large
        Err(_) if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) => {
            Some(if people { FieldError::MorePeopleThanExist } else { FieldError::NumberTooLarge })
        }
        Err(_) => Some(FieldError::NotAWholeNumber),
    }
}

/// Every problem that stops `content` being filed as `stage`, in report order. `now` is
/// passed in so "not in the future" is testable.
pub fn check(content: &Content, stage: FilingStage, now: Timestamp) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for s in sections() {
        for f in s.fields {
            check_value(&mut errors, f, f.key, content.get(f.key), f.need.required_at(stage), now);
        }
        for g in s.groups {
            let rows = content.rows(g);
            if rows == 0 && g.need.required_at(stage) {
                errors.add(&cell_key(g.key, 0, g.columns[0].key), FieldError::AtLeastOneRow);
            }
            for row in 0..rows {
                for c in g.columns {
                    let key = cell_key(g.key, row, c.key);
                    // inside a row, a column's need says whether the row is complete without it
                    check_value(&mut errors, c, &key, content.get(&key), c.need != super::schema::Need::Optional, now);
                }
            }
        }
    }
    cross_field(&mut errors, content);
    let order: Vec<String> = content_order(content);
    let order: Vec<&str> = order.iter().map(String::as_str).collect();
    errors.ordered_by(&order)
}

/// Checks a flat list of fields (an organisation's profile, a service…): each kind's rule,
/// and every field that is not optional must be answered.
pub fn check_fields(defs: &[FieldDef], content: &Content, now: Timestamp) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for d in defs {
        check_value(&mut errors, d, d.key, content.get(d.key), d.need != super::schema::Need::Optional, now);
    }
    errors
}

/// Every key a form can show, in report order (for ordering errors).
fn content_order(content: &Content) -> Vec<String> {
    let mut keys = Vec::new();
    for s in sections() {
        keys.extend(s.fields.iter().map(|f| f.key.to_string()));
        for g in s.groups {
            for row in 0..content.rows(g).max(1) {
                keys.extend(g.columns.iter().map(|c| cell_key(g.key, row, c.key)));
            }
        }
    }
    keys
}

fn check_value(errors: &mut FieldErrors, f: &FieldDef, key: &str, v: &str, required: bool, now: Timestamp) {
    if v.is_empty() {
        if required {
            errors.add(key, FieldError::Required);
        }
        return;
    }
    let problem = match f.kind {
        Kind::Line { max } | Kind::Para { max } => FieldError::length(v, max),
        Kind::Email => {
            use validator::ValidateEmail;
            (!v.validate_email() || v.chars().count() > 200).then_some(FieldError::InvalidEmail)
        }
        Kind::Instant => match Timestamp::parse_utc(v) {
            None => Some(FieldError::InvalidDateTime),
            // a minute of grace: the officer's clock and ours may differ slightly
            Some(t) if t.0 > now.0 + 60 => Some(FieldError::InTheFuture),
            Some(_) => None,
        },
        Kind::FutureInstant => Timestamp::parse_utc(v).is_none().then_some(FieldError::InvalidDateTime),
        Kind::Date => crate::domain::dates::parse_date(v).is_none().then_some(FieldError::InvalidDate),
        Kind::Count | Kind::Minutes => count_problem(key, f.kind, v),
        Kind::Percent => match v.parse::<f64>() {
            Ok(p) if (0.0..=100.0).contains(&p) => None,
            Ok(_) => Some(FieldError::NotAPercentage),
            Err(_) => Some(FieldError::NotAPercentage),
        },
        Kind::YesNo => (!matches!(v, "yes" | "no")).then_some(FieldError::UnknownOption),
        Kind::Choice(opts) => (!opts.iter().any(|o| o.code == v)).then_some(FieldError::UnknownOption),
        Kind::Multi(opts) => {
            v.split(',').any(|c| !opts.iter().any(|o| o.code == c)).then_some(FieldError::UnknownOption)
        }
    };
    if let Some(p) = problem {
        errors.add(key, p);
    }
}

fn cross_field(errors: &mut FieldErrors, c: &Content) {
    let onset = c.instant("onset_at");
    let detected = c.instant("detected_at");
    let after = |errors: &mut FieldErrors, key: &str, floor: Option<Timestamp>, e: FieldError| {
        if let (Some(t), Some(floor)) = (c.instant(key), floor) {
            if t < floor {
                errors.add(key, e);
            }
        }
    };
    after(errors, "detected_at", onset, FieldError::DetectedBeforeOnset);
    after(errors, "aware_at", onset, FieldError::BeforeOnset);
    after(errors, "classified_at", onset, FieldError::BeforeOnset);
    after(errors, "restored_at", detected.or(onset), FieldError::RestoredBeforeDetection);
    after(errors, "notice_sent_at", onset, FieldError::BeforeOnset);
    after(errors, "compensation_notice_at", onset, FieldError::BeforeOnset);

    if matches!(c.get("status"), "restored" | "monitoring") && c.get("restored_at").is_empty() {
        errors.add("restored_at", FieldError::RequiredOnceRestored);
    }
    if let (Some(users), Some(service)) = (c.count("users_affected"), c.count("service_users")) {
        if users > service {
            errors.add("users_affected", FieldError::MoreThanServiceUsers);
        }
    }
    if c.yes("notice_sent") == Some(true) {
        for key in ["notice_sent_at", "notice_channels", "notice_contents"] {
            if c.get(key).is_empty() {
                errors.add(key, FieldError::RequiredWhenNoticeSent);
            }
        }
    }
    if !c.get("exemption_claimed").is_empty() && c.get("exemption_justification").is_empty() {
        errors.add("exemption_justification", FieldError::RequiredWithExemption);
    }
    if c.yes("third_party_involved") == Some(true) && c.get("third_party_role").is_empty() {
        errors.add("third_party_role", FieldError::RequiredWithThirdParty);
    }
    if c.yes("failover_attempted") == Some(true) && c.get("failover_succeeded").is_empty() {
        errors.add("failover_succeeded", FieldError::RequiredWhenFailoverTried);
    }
}

/// What makes a field that is otherwise optional required (the rules of [`cross_field`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Condition {
    /// Once the status says restored or monitoring.
    OnceRestored,
    /// When users were notified.
    NoticeSent,
    /// When an exemption is claimed.
    ExemptionClaimed,
    /// When a third party was involved.
    ThirdParty,
    /// When failover was tried.
    FailoverTried,
}

/// The fields [`cross_field`] requires under a condition (kept in step by a unit test that
/// sets each condition and expects each field's error).
pub const CONDITIONAL: [(&str, Condition); 7] = [
    ("restored_at", Condition::OnceRestored),
    ("notice_sent_at", Condition::NoticeSent),
    ("notice_channels", Condition::NoticeSent),
    ("notice_contents", Condition::NoticeSent),
    ("exemption_justification", Condition::ExemptionClaimed),
    ("third_party_role", Condition::ThirdParty),
    ("failover_succeeded", Condition::FailoverTried),
];

/// How a field is marked on the form at a stage: required ones carry no mark; the rest say
/// when they become required, or that they never are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Mark {
    Required,
    /// Required from this later stage on (and under a condition before, if it has one).
    Later(FilingStage),
    /// Required only when the condition holds.
    When(Condition),
    Optional,
}

/// The mark of top-level field `def` when filing `stage`.
pub fn mark(def: &FieldDef, stage: FilingStage) -> Mark {
    let condition = CONDITIONAL.iter().find(|(k, _)| *k == def.key).map(|(_, c)| *c);
    match (def.need, condition) {
        (super::schema::Need::From(s), _) if stage >= s => Mark::Required,
        (super::schema::Need::From(s), _) => Mark::Later(s),
        (super::schema::Need::Optional, Some(c)) => Mark::When(c),
        (super::schema::Need::Optional, None) => Mark::Optional,
    }
}

/// How far a section of the task list is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SectionState {
    NotStarted,
    InProgress,
    Completed,
    /// Untouched, and nothing in it is required at this stage: "not needed yet", not
    /// "completed".
    NotNeededYet,
}

/// Whether anything in `section` is required when filing `stage`.
pub fn requires_anything(section: &SectionDef, stage: FilingStage) -> bool {
    section.fields.iter().any(|f| f.need.required_at(stage)) || section.groups.iter().any(|g| g.need.required_at(stage))
}

/// The state of a section given the stage's errors.
pub fn section_state(
    content: &Content,
    section: &SectionDef,
    errors: &FieldErrors,
    stage: FilingStage,
) -> SectionState {
    let has_errors = errors.0.iter().any(|(k, _)| section.owns(k));
    match (content.touches(section), has_errors) {
        (false, false) if !requires_anything(section, stage) => SectionState::NotNeededYet,
        (_, false) => SectionState::Completed,
        (false, true) => SectionState::NotStarted,
        (true, true) => SectionState::InProgress,
    }
}

#[cfg(test)]
#[path = "check_test.rs"]
mod tests;
