use super::*;

#[test]
fn only_wrong_values_of_this_section_are_reported_while_typing() {
    let section = SectionDef::find("impact").unwrap();
    let posted: BTreeMap<String, String> = [("users_affected", "many"), ("regions", "")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let found = problems(
        section,
        &Content::default(),
        FilingStage::Initial,
        &posted,
        UserZone::Seoul,
        crate::domain::timestamp::Timestamp(0),
    );
    assert_eq!(found.0, vec![("users_affected".to_string(), FieldError::NotAWholeNumber)]);
    let names = names(SectionDef::find("times").unwrap(), &[1]);
    assert!(names.contains(&"timeline.1.text".to_string()), "the blank row is read too");
}
