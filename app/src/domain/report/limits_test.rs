use super::*;

fn posted(pairs: &[(&str, String)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

#[test]
fn a_value_over_its_length_is_refused_beside_the_field() {
    let summary = SectionDef::find("summary").expect("summary");
    let ok = posted(&[("title", "x".repeat(200)), ("description", "가".repeat(10_000))]);
    assert!(section_errors(summary, &ok).is_empty());
    let long = posted(&[("title", "x".repeat(201)), ("status", "y".repeat(5_000))]);
    let e = section_errors(summary, &long);
    assert_eq!(e.get("title"), Some(FieldError::TooLong { max: 200, got: 201 }));
    assert!(matches!(e.get("status"), Some(FieldError::TooLong { got: 5_000, .. })));
    let text = e.get("title").map(|e| e.text(crate::i18n::Lang::En)).unwrap_or_default();
    assert_eq!(text, "This can be at most 200 characters; it is 201.");
}

#[test]
fn more_rows_than_the_limit_are_refused_on_the_group() {
    let times = SectionDef::find("times").expect("times");
    let rows = |n: usize| {
        let pairs: Vec<(String, String)> = (0..n).map(|i| (format!("timeline.{i}.text"), "event".into())).collect();
        pairs.into_iter().collect::<BTreeMap<_, _>>()
    };
    assert!(section_errors(times, &rows(MAX_ROWS)).is_empty());
    assert_eq!(section_errors(times, &rows(MAX_ROWS + 1)).get("timeline"), Some(FieldError::TooManyRows));
    // blank rows (the form's spare row) do not count
    let mut with_blanks = rows(MAX_ROWS);
    with_blanks.insert("timeline.999.text".into(), "  ".into());
    assert!(section_errors(times, &with_blanks).is_empty());
}

#[test]
fn a_report_over_two_megabytes_is_too_large() {
    let mut c = Content::default();
    c.set("description", "x".repeat(MAX_CONTENT_BYTES));
    assert!(too_large(&c));
    assert!(!too_large(&Content::default()));
}
