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
#[path = "publication_test.rs"]
mod tests;
