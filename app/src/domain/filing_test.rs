use super::*;

#[test]
fn stages_and_statuses_round_trip_through_their_stored_names() {
    for s in [FilingStage::Initial, FilingStage::Interim, FilingStage::Final] {
        assert_eq!(FilingStage::parse(s.as_str()), Some(s));
    }
    for s in [FilingStatus::Submitted, FilingStatus::Published] {
        assert_eq!(FilingStatus::parse(s.as_str()), Some(s));
    }
    assert_eq!(FilingStage::parse("draft"), None);
}

#[test]
fn only_a_submitted_filing_can_be_published() {
    assert!(FilingStatus::Submitted.can_publish());
    assert!(!FilingStatus::Published.can_publish());
}
