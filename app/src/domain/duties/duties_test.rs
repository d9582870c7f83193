use super::*;
use crate::domain::zone::UserZone;

fn catalog() -> &'static Catalog {
    catalog_at(UserZone::Seoul.parse_local("2025-10-15T15:19").unwrap()).unwrap()
}

#[test]
fn the_catalog_covers_the_korean_duty_families_with_unique_ids_in_both_languages() {
    let c = catalog();
    let count = |prefix: &str| c.duties().filter(|d| d.id.starts_with(prefix)).count();
    assert_eq!(count("KR-SS-"), 15);
    assert_eq!(count("KR-UN-"), 5);
    assert_eq!(count("KR-CP-"), 2);
    assert_eq!(count("KR-DM-"), 9);
    let mut ids: Vec<&str> = c.duties().map(|d| d.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), c.duties().count(), "ids are unique");
    for d in c.duties() {
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

fn at(date: &str) -> Timestamp {
    crate::domain::law::calendar::effective_instant(date, crate::domain::law::calendar::SEOUL).unwrap_or(Timestamp(0))
}

#[test]
fn the_catalog_in_force_is_the_one_of_the_korean_date() {
    let version = |t: Timestamp| catalog_at(t).map(|c| c.version);
    assert_eq!(version(at("2021-05-05")), Some("2020-12-10"));
    assert_eq!(version(Timestamp(at("2023-07-04").0 - 1)), Some("2020-12-10"));
    assert_eq!(version(at("2023-07-04")), Some("2023-07-04"));
    // 2025-03-28 05:00 KST is still 27 March in UTC: already the amended catalog
    assert_eq!(version(Timestamp(at("2025-03-28").0 + 5 * 3600)), Some("2025-03-28"));
    assert_eq!(version(Timestamp(at("2025-03-28").0 - 1)), Some("2023-07-04"));
}

#[test]
fn the_framework_act_duties_exist_from_2023_and_the_notice_wording_changes_in_2025() {
    let everything =
        [Designation::Tba22_7, Designation::MajorOperator, Designation::MajorDataCentre, Designation::UserNotice];
    let ids = |date: &str| -> Vec<&'static str> {
        catalog_at(at(date))
            .map(|c| applicable(c, &[], &everything).into_iter().map(|d| d.id).collect())
            .unwrap_or_default()
    };
    // the Pangyo fire (2022) is reviewed without the disaster duties, a 2024 outage with them
    assert!(!ids("2022-10-15").iter().any(|i| i.starts_with("KR-DM")));
    assert_eq!(ids("2024-01-01").iter().filter(|i| i.starts_with("KR-DM")).count(), 9);
    assert!(ids("2024-01-01").contains(&"KR-DC-01"));
    let un02 =
        |date: &str| catalog_at(at(date)).and_then(|c| c.duties().find(|d| d.id == "KR-UN-02")).map(|d| d.title.1);
    assert!(un02("2024-01-01").is_some_and(|t| t.contains("free services exempt")));
    assert!(un02("2025-06-01").is_some_and(|t| t.contains("no free-service exemption")));
    // a data centre alone gets the disaster duties and its own, not the stability duties
    let dc =
        catalog_at(at("2024-01-01")).map(|c| applicable(c, &[], &[Designation::MajorDataCentre])).unwrap_or_default();
    assert!(dc.iter().any(|d| d.id == "KR-DM-05") && dc.iter().any(|d| d.id == "KR-DC-01"));
    assert!(!dc.iter().any(|d| d.id == "KR-SS-03"));
}

#[test]
fn a_duty_is_found_by_id_in_any_version() {
    assert!(any_version("KR-SS-03").is_some());
    assert!(any_version("KR-DC-01").is_some());
    assert!(any_version("KR-XX-99").is_none());
}
