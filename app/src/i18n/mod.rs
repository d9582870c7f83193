//! Every user-facing string, in Korean and English. A message without both cannot be
//! written: the macro takes the pair.

use serde::{Deserialize, Serialize};

use crate::domain::auth::Role;
use crate::domain::case::{ApprovalBlock, CloseBlock, ReopenBlock};
use crate::domain::validation::FieldError;

/// Display language. Korean is the default: the service is run by the Korean ministry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ko,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    /// Picks the Korean or English variant of a pair of values.
    pub fn pick<'a>(self, ko: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }
}

macro_rules! messages {
    ($($name:ident => $ko:literal, $en:literal;)*) => {
        /// A translatable message.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($name),* }
        impl Msg {
            /// The message in `lang`.
            pub fn t(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::Ko) => $ko, (Msg::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

// The messages live in files by area; each file's macro hands its list on to the next, and
// the last one calls `messages!`, so there is still one `Msg` enum.
#[macro_use]
mod case_text;
#[macro_use]
mod admin_text;
#[macro_use]
pub mod notice_text;
#[macro_use]
mod security_text;
#[macro_use]
mod two_step_text;
#[macro_use]
mod law_text;
#[macro_use]
mod api_text;
#[macro_use]
mod public_text;
#[macro_use]
mod common_text;

base_messages!();

impl Msg {
    /// The message in `lang` with each `{name}` replaced by its value (numbers are given
    /// already formatted, so the caller decides on digit grouping).
    pub fn fill(self, lang: Lang, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        args.iter().fold(self.t(lang).to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), &value.to_string())
        })
    }
}

impl From<FieldError> for Msg {
    fn from(e: FieldError) -> Msg {
        match e {
            FieldError::Required => Msg::ErrRequired,
            FieldError::TooLong { .. } => Msg::ErrTooLong,
            FieldError::NotAWholeNumber => Msg::ErrNotAWholeNumber,
            FieldError::OutOfRange => Msg::ErrOutOfRange,
            FieldError::InvalidDateTime => Msg::ErrInvalidDateTime,
            FieldError::InTheFuture => Msg::ErrInTheFuture,
            FieldError::DetectedBeforeOnset => Msg::ErrDetectedBeforeOnset,
            FieldError::UnknownOption => Msg::ErrUnknownOption,
            FieldError::AtLeastOneRow => Msg::ErrAtLeastOneRow,
            FieldError::BeforeOnset => Msg::ErrBeforeOnset,
            FieldError::RestoredBeforeDetection => Msg::ErrRestoredBeforeDetection,
            FieldError::RequiredOnceRestored => Msg::ErrRequiredOnceRestored,
            FieldError::MoreThanServiceUsers => Msg::ErrMoreThanServiceUsers,
            FieldError::RequiredWhenNoticeSent => Msg::ErrRequiredWhenNoticeSent,
            FieldError::RequiredWithExemption => Msg::ErrRequiredWithExemption,
            FieldError::RequiredWithThirdParty => Msg::ErrRequiredWithThirdParty,
            FieldError::RequiredWhenFailoverTried => Msg::ErrRequiredWhenFailoverTried,
            FieldError::NotAPercentage => Msg::ErrNotAPercentage,
            FieldError::InvalidDate => Msg::ErrInvalidDate,
            FieldError::FileTooLarge => Msg::ErrFileTooLarge,
            FieldError::MorePeopleThanExist => Msg::ErrMorePeopleThanExist,
            FieldError::NumberTooLarge => Msg::ErrNumberTooLarge,
            FieldError::InvalidSlug => Msg::ErrInvalidSlug,
            FieldError::SlugTaken => Msg::ErrSlugTaken,
            FieldError::FileTypeNotAllowed => Msg::ErrFileTypeNotAllowed,
            FieldError::MustConfirm => Msg::ErrMustConfirm,
            FieldError::NotARegisteredService => Msg::ErrNotARegisteredService,
            FieldError::InvalidEmail => Msg::ErrInvalidEmail,
            FieldError::PasswordTooShort => Msg::ErrPasswordTooShort,
            FieldError::PasswordIsEmail => Msg::ErrPasswordIsEmail,
            FieldError::PasswordsDiffer => Msg::ErrPasswordsDiffer,
            FieldError::WrongPassword => Msg::ErrWrongPassword,
            FieldError::AlreadyMember => Msg::ErrAlreadyMember,
            FieldError::DueInThePast => Msg::ErrDueInThePast,
            FieldError::UnbalancedRedaction => Msg::ErrUnbalancedRedaction,
            FieldError::RequiredWithRedaction => Msg::ErrRequiredWithRedaction,
            FieldError::AmountOnlyForFines => Msg::ErrAmountOnlyForFines,
            FieldError::TooManyRows => Msg::ErrTooManyRows,
            FieldError::ContentTooLarge => Msg::ErrContentTooLarge,
            FieldError::TooManyFiles => Msg::ErrTooManyFiles,
            FieldError::CodeMalformed => Msg::ErrCodeMalformed,
            FieldError::WrongCode => Msg::ErrWrongCode,
            FieldError::InvalidWebhookUrl => Msg::ErrWebhookUrl,
        }
    }
}

impl From<CloseBlock> for Msg {
    fn from(b: CloseBlock) -> Msg {
        match b {
            CloseBlock::UnsettledItems(_) => Msg::CloseBlockedItems,
            CloseBlock::OpenRequests(_) => Msg::CloseBlockedRequests,
            CloseBlock::SummaryPending => Msg::CloseBlockedSummary,
            CloseBlock::AlreadyClosed => Msg::CloseBlockedClosed,
        }
    }
}

impl From<ApprovalBlock> for Msg {
    fn from(b: ApprovalBlock) -> Msg {
        match b {
            ApprovalBlock::NotALead => Msg::ApprovalNotLead,
            ApprovalBlock::OwnDraft => Msg::ApprovalOwnDraft,
            ApprovalBlock::NotSubmitted => Msg::ApprovalNotSubmitted,
        }
    }
}

impl From<ReopenBlock> for Msg {
    fn from(b: ReopenBlock) -> Msg {
        match b {
            ReopenBlock::NotALead => Msg::ReopenNotLead,
            ReopenBlock::NotClosed => Msg::ReopenNotClosed,
        }
    }
}

impl From<Role> for Msg {
    fn from(r: Role) -> Msg {
        match r {
            Role::OperatorOfficer => Msg::RoleOperatorOfficer,
            Role::OperatorSignatory => Msg::RoleOperatorSignatory,
            Role::OperatorAdmin => Msg::RoleOperatorAdmin,
            Role::Reviewer => Msg::RoleReviewer,
            Role::ReviewLead => Msg::RoleReviewLead,
            Role::SystemAdmin => Msg::RoleSystemAdmin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_error_and_role_has_two_distinct_non_empty_texts() {
        let msgs: Vec<Msg> =
            FieldError::ALL.into_iter().map(Msg::from).chain(Role::ALL.into_iter().map(Msg::from)).collect();
        for m in msgs {
            assert!(!m.t(Lang::Ko).is_empty() && !m.t(Lang::En).is_empty(), "{m:?}");
            assert_ne!(m.t(Lang::Ko), m.t(Lang::En), "{m:?} is not translated");
        }
    }

    #[test]
    fn filled_messages_name_their_values_in_both_languages() {
        let args: [(&str, &dyn std::fmt::Display); 2] = [("open", &33), ("total", &35)];
        assert_eq!(Msg::CloseWarnDuties.fill(Lang::En, &args), "33 of 35 applicable duties are not assessed.");
        assert_eq!(Msg::CloseWarnDuties.fill(Lang::Ko, &args), "적용 의무 35개 중 33개가 평가되지 않았습니다.");
    }

    #[test]
    fn language_codes_round_trip() {
        assert_eq!(Lang::parse("ko"), Some(Lang::Ko));
        assert_eq!(Lang::parse(Lang::En.code()), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::default(), Lang::Ko);
    }
}
