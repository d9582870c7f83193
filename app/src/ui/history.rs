//! Audit-log actions in words, for the case history.

use crate::domain::audit::AuditAction;
use crate::i18n::Lang;

/// The action in words; a code this version does not know is shown as it is.
pub fn action_text(code: &str, lang: Lang) -> String {
    AuditAction::parse(code).map_or(code.to_string(), |a| a.text(lang).to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn actions_read_back_in_words_and_unknown_codes_as_they_are() {
        assert_eq!(super::action_text("case.closed", crate::i18n::Lang::En), "Case closed");
        assert_eq!(super::action_text("x.y", crate::i18n::Lang::Ko), "x.y");
    }
}
