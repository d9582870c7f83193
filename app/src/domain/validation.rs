//! Field-level validation results, shared by the browser and the server so both show the
//! same message next to the same field.

use serde::{Deserialize, Serialize};

/// Why one field was rejected. Translated for display by [`crate::i18n`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldError {
    Required,
    /// Longer than `max` characters: it has `got`.
    TooLong {
        max: u32,
        got: u32,
    },
    NotAWholeNumber,
    OutOfRange,
    InvalidDateTime,
    InTheFuture,
    DetectedBeforeOnset,
    UnknownOption,
    AtLeastOneRow,
    BeforeOnset,
    RestoredBeforeDetection,
    RequiredOnceRestored,
    MoreThanServiceUsers,
    RequiredWhenNoticeSent,
    RequiredWithExemption,
    RequiredWithThirdParty,
    RequiredWhenFailoverTried,
    NotAPercentage,
    InvalidDate,
    FileTooLarge,
    FileTypeNotAllowed,
    MustConfirm,
    NotARegisteredService,
    InvalidEmail,
    PasswordTooShort,
    PasswordIsEmail,
    PasswordsDiffer,
    WrongPassword,
    AlreadyMember,
    DueInThePast,
    UnbalancedRedaction,
    RequiredWithRedaction,
    AmountOnlyForFines,
    TooManyRows,
    ContentTooLarge,
    TooManyFiles,
    /// A count of people larger than the world's population.
    MorePeopleThanExist,
    /// A whole number larger than any plausible value of its field.
    NumberTooLarge,
    /// Not a short name of lower-case letters, digits and hyphens.
    InvalidSlug,
    /// Another organisation has this short name.
    SlugTaken,
    /// Neither six digits nor a recovery code.
    CodeMalformed,
    /// A two-step code that is not right (or already used).
    WrongCode,
    /// Not an address a webhook may be sent to (`https://host/path`, no user or password).
    InvalidWebhookUrl,
}

impl FieldError {
    /// Every error, for completeness tests of translations.
    pub const ALL: [FieldError; 43] = [
        FieldError::Required,
        FieldError::TooLong { max: 0, got: 0 },
        FieldError::NotAWholeNumber,
        FieldError::OutOfRange,
        FieldError::InvalidDateTime,
        FieldError::InTheFuture,
        FieldError::DetectedBeforeOnset,
        FieldError::UnknownOption,
        FieldError::AtLeastOneRow,
        FieldError::BeforeOnset,
        FieldError::RestoredBeforeDetection,
        FieldError::RequiredOnceRestored,
        FieldError::MoreThanServiceUsers,
        FieldError::RequiredWhenNoticeSent,
        FieldError::RequiredWithExemption,
        FieldError::RequiredWithThirdParty,
        FieldError::RequiredWhenFailoverTried,
        FieldError::NotAPercentage,
        FieldError::InvalidDate,
        FieldError::FileTooLarge,
        FieldError::FileTypeNotAllowed,
        FieldError::MustConfirm,
        FieldError::NotARegisteredService,
        FieldError::InvalidEmail,
        FieldError::PasswordTooShort,
        FieldError::PasswordIsEmail,
        FieldError::PasswordsDiffer,
        FieldError::WrongPassword,
        FieldError::AlreadyMember,
        FieldError::DueInThePast,
        FieldError::UnbalancedRedaction,
        FieldError::RequiredWithRedaction,
        FieldError::AmountOnlyForFines,
        FieldError::TooManyRows,
        FieldError::ContentTooLarge,
        FieldError::TooManyFiles,
        FieldError::MorePeopleThanExist,
        FieldError::NumberTooLarge,
        FieldError::InvalidSlug,
        FieldError::SlugTaken,
        FieldError::CodeMalformed,
        FieldError::WrongCode,
        FieldError::InvalidWebhookUrl,
    ];
}

/// Errors of one form, in the order of the form's fields (so the error summary reads
/// top to bottom like the form).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<(String, FieldError)>);

impl FieldError {
    /// `got` characters where `max` are allowed.
    pub fn too_long(max: usize, got: usize) -> FieldError {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        FieldError::TooLong { max: clamp(max), got: clamp(got) }
    }

    /// `value` measured against `max` characters: the error if it is longer.
    pub fn length(value: &str, max: usize) -> Option<FieldError> {
        let got = value.chars().count();
        (got > max).then(|| FieldError::too_long(max, got))
    }

    /// The message in `lang`, with the numbers it carries.
    pub fn text(self, lang: crate::i18n::Lang) -> String {
        use crate::domain::numbers::grouped;
        use crate::i18n::Msg;
        match self {
            FieldError::TooLong { max, got } => {
                Msg::ErrTooLong.fill(lang, &[("max", &grouped(u64::from(max))), ("got", &grouped(u64::from(got)))])
            }
            other => Msg::from(other).t(lang).to_string(),
        }
    }
}

impl FieldErrors {
    /// Just one error, on `field`.
    pub fn one(field: &str, error: FieldError) -> FieldErrors {
        FieldErrors(vec![(field.to_string(), error)])
    }

    /// Records an error for `field` unless that field already has one (the first problem
    /// found is the one worth telling).
    pub fn add(&mut self, field: &str, error: FieldError) {
        if self.get(field).is_none() {
            self.0.push((field.to_string(), error));
        }
    }

    /// The error of one field, if any.
    pub fn get(&self, field: &str) -> Option<FieldError> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, e)| *e)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorts the errors into the order the fields appear in on the form.
    pub fn ordered_by(mut self, fields: &[&str]) -> Self {
        self.0.sort_by_key(|(f, _)| fields.iter().position(|x| x == f).unwrap_or(usize::MAX));
        self
    }

    /// Adds the errors reported by the `validator` derive, mapping its codes to ours.
    pub fn extend_from_validator(&mut self, errors: &validator::ValidationErrors) {
        for (field, errs) in errors.field_errors() {
            for e in errs {
                let mapped = match e.code.as_ref() {
                    // `length(min = 1)` on a trimmed value is how forms say "required"
                    "length" if e.params.get("value").and_then(|v| v.as_str()) == Some("") => FieldError::Required,
                    "length" => FieldError::too_long(
                        e.params.get("max").and_then(serde_json::Value::as_u64).unwrap_or(0) as usize,
                        e.params.get("value").and_then(|v| v.as_str()).map_or(0, |v| v.chars().count()),
                    ),
                    "range" => FieldError::OutOfRange,
                    "required" => FieldError::Required,
                    _ => FieldError::OutOfRange,
                };
                self.add(&field, mapped);
            }
        }
    }
}

/// What is wrong with an e-mail address typed alone (sign-in helpers, invitations): missing,
/// malformed, or longer than any address we store.
pub fn email_problem(v: &str) -> Option<FieldError> {
    use validator::ValidateEmail;
    if v.trim().is_empty() {
        Some(FieldError::Required)
    } else if !v.validate_email() || v.chars().count() > 200 {
        Some(FieldError::InvalidEmail)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_error_per_field_wins_and_order_follows_the_form() {
        let mut e = FieldErrors::default();
        e.add("b", FieldError::too_long(10, 11));
        e.add("a", FieldError::Required);
        e.add("b", FieldError::Required);
        assert_eq!(e.get("b"), Some(FieldError::TooLong { max: 10, got: 11 }));
        let e = e.ordered_by(&["a", "b"]);
        assert_eq!(e.0[0].0, "a");
        assert_eq!(e.0[1].0, "b");
    }
}
