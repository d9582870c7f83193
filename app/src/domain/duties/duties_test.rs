use super::*;
use crate::domain::zone::UserZone;

fn catalog() -> &'static Catalog {
    catalog_at(UserZone::Seoul.parse_local("2025-10-15T15:19").unwrap()).unwrap()
}

#[test]
fn the_catalog_covers_the_korean_duty_families_with_unique_ids_in_both_languages() {
    let c = catalog();
    let count = |prefix: &str| c.duties.iter().filter(|d| d.id.starts_with(prefix)).count();
    assert_eq!(count("KR-SS-"), 15);
    assert_eq!(count("KR-UN-"), 5);
    assert_eq!(count("KR-CP-"), 2);
    assert_eq!(count("KR-DM-"), 9);
    let mut ids: Vec<&str> = c.duties.iter().map(|d| d.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), c.duties.len(), "ids are unique");
    for d in c.duties {
        assert!(!d.title.0.is_empty() && !d.title.1.is_empty() && d.title.0 != d.title.1, "{}", d.id);
        assert!(!d.evidence.0.is_empty() && !d.evidence.1.is_empty(), "{}", d.id);
    }
}

#[test]
fn no_catalog_before_the_stability_duties_existed() {
    assert!(catalog_at(UserZone::Seoul.parse_local("2019-01-01T00:00").unwrap()).is_none());
}

#[test]
fn applicability_follows_designations_and_regimes() {
    let c = catalog();
    let none = applicable(c, &[], &[]);
    assert!(none.iter().all(|d| d.applies == AppliesWhen::Always), "only general duties");
    let big = applicable(c, &["EU_NIS2"], &[Designation::Tba22_7, Designation::MajorOperator, Designation::UserNotice]);
    assert!(big.iter().any(|d| d.id == "KR-SS-03"));
    assert!(big.iter().any(|d| d.id == "KR-DM-05"));
    assert!(big.iter().any(|d| d.id == "EU-NIS2-02"));
    assert!(!big.iter().any(|d| d.id == "US-FCC-01"), "not filed under FCC");
    let small = applicable(c, &[], &[Designation::UserNotice]);
    assert!(small.iter().any(|d| d.id == "KR-UN-01") && !small.iter().any(|d| d.id == "KR-SS-01"));
    let by_filing = applicable(c, &["KR_FA38"], &[]);
    assert!(by_filing.iter().any(|d| d.id == "KR-DM-05"), "filing under FA 38 implies the major-operator duties");
    assert!(!by_filing.iter().any(|d| d.id == "KR-SS-03"));
}

#[test]
fn the_worst_finding_decides_and_gaps_keep_it_incomplete() {
    use Finding::*;
    assert_eq!(determination(&[]), Determination::Incomplete);
    assert_eq!(determination(&[Compliant, NotAssessed]), Determination::Incomplete);
    assert_eq!(determination(&[Compliant, NotApplicable]), Determination::NoBreach);
    assert_eq!(determination(&[Compliant, Partially]), Determination::ShortcomingsFound);
    assert_eq!(determination(&[Partially, NonCompliant, Compliant]), Determination::BreachFound);
}
