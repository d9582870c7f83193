//! The public summary a reviewer writes. Korean first, English second: both are required,
//! because every public page exists in both languages.

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::validation::FieldErrors;

/// The publish form exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct PublicSummaryForm {
    #[validate(length(min = 1, max = 200))]
    pub headline_ko: String,
    #[validate(length(min = 1, max = 200))]
    pub headline_en: String,
    #[validate(length(min = 1, max = 5000))]
    pub summary_ko: String,
    #[validate(length(min = 1, max = 5000))]
    pub summary_en: String,
}

/// A validated summary, ready to publish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicSummary {
    pub headline_ko: String,
    pub headline_en: String,
    pub summary_ko: String,
    pub summary_en: String,
}

impl PublicSummaryForm {
    pub const FIELDS: [&'static str; 4] = ["headline_ko", "headline_en", "summary_ko", "summary_en"];

    pub fn validate_summary(&self) -> Result<PublicSummary, FieldErrors> {
        let f = PublicSummaryForm {
            headline_ko: self.headline_ko.trim().to_string(),
            headline_en: self.headline_en.trim().to_string(),
            summary_ko: self.summary_ko.trim().to_string(),
            summary_en: self.summary_en.trim().to_string(),
        };
        match f.validate() {
            Ok(()) => Ok(PublicSummary {
                headline_ko: f.headline_ko,
                headline_en: f.headline_en,
                summary_ko: f.summary_ko,
                summary_en: f.summary_en,
            }),
            Err(e) => {
                let mut errors = FieldErrors::default();
                errors.extend_from_validator(&e);
                Err(errors.ordered_by(&Self::FIELDS))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::FieldError;

    #[test]
    fn both_languages_are_required() {
        let f =
            PublicSummaryForm {
                headline_ko: "카카오톡 장애".into(), summary_ko: "요약".into(), ..Default::default()
            };
        let e = f.validate_summary().expect_err("english missing");
        assert_eq!(
            e.0,
            vec![("headline_en".into(), FieldError::Required), ("summary_en".into(), FieldError::Required)]
        );
    }

    #[test]
    fn a_full_summary_is_trimmed() {
        let f = PublicSummaryForm {
            headline_ko: " 장애 ".into(),
            headline_en: " Outage ".into(),
            summary_ko: "요약".into(),
            summary_en: "Summary".into(),
        };
        let s = f.validate_summary().expect("valid");
        assert_eq!(s.headline_ko, "장애");
        assert_eq!(s.headline_en, "Outage");
    }

    #[test]
    fn too_long_headline_is_rejected() {
        let f = PublicSummaryForm {
            headline_ko: "가".repeat(201),
            headline_en: "x".into(),
            summary_ko: "y".into(),
            summary_en: "z".into(),
        };
        assert_eq!(f.validate_summary().expect_err("long").get("headline_ko"), Some(FieldError::TooLong));
    }
}
