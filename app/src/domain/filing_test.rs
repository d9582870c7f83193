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

#[test]
fn an_incident_is_open_until_the_ministry_closes_its_case() {
    assert_eq!(IncidentStatus::of(None, false), IncidentStatus::NotYetFiled);
    assert_eq!(IncidentStatus::of(Some(FilingStage::Interim), false), IncidentStatus::Reporting);
    let filed = IncidentStatus::of(Some(FilingStage::Final), false);
    assert_eq!(filed, IncidentStatus::FinalFiled);
    assert!(filed.is_open(), "a final report does not close the incident");
    assert_eq!(IncidentStatus::of(Some(FilingStage::Final), true), IncidentStatus::Closed);
    assert!(!IncidentStatus::of(Some(FilingStage::Initial), true).is_open());
}
