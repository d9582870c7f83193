use super::*;
use crate::domain::validation::FieldError;

#[test]
fn both_languages_are_required() {
    let f = PublicSummaryForm {
        headline_ko: "카카오톡 장애".into(), summary_ko: "요약".into(), ..Default::default()
    };
    let e = f.validate_summary().expect_err("english missing");
    assert_eq!(e.0, vec![("headline_en".into(), FieldError::Required), ("summary_en".into(), FieldError::Required)]);
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
