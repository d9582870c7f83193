//! The duty catalog a filing is reviewed against (brief, section a.2), as versioned data:
//! each catalog version says from when it applies, and each duty says when it applies to an
//! incident (always, by the operator's designation, or by the regime it is filed under).
//! Reviewer pages (issue #4) read it from here; nothing in a page lists duties.

mod catalog;

use serde::{Deserialize, Serialize};

pub use catalog::CATALOGS;

use super::law::calendar::{in_force, Versioned, SEOUL};
use super::law::coverage::Designation;
use super::timestamp::Timestamp;

/// When a duty is assessed for an incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppliesWhen {
    /// To every reported service outage.
    Always,
    /// When the operator falls under any of these designations.
    Designated(&'static [Designation]),
    /// When the incident is filed under this regime (code as in the report's `regimes`).
    Regime(&'static str),
}

/// One duty of the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DutyDef {
    /// `KR-SS-03`, `EU-NIS2-02`…
    pub id: &'static str,
    /// Legal basis as cited (`TBA 22-7①; TBA-D 30-8②1다`).
    pub basis: &'static str,
    pub title: (&'static str, &'static str),
    /// What a filing or review should show (Korean, English).
    pub evidence: (&'static str, &'static str),
    pub applies: AppliesWhen,
}

/// A version of the catalog and the date (00:00 KST) from which it is used. Its duties come
/// in parts that versions share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Catalog {
    pub version: &'static str,
    pub effective_from: &'static str,
    pub parts: &'static [&'static [DutyDef]],
}

impl Catalog {
    /// Every duty of this version, in catalog order.
    pub fn duties(&self) -> impl Iterator<Item = &'static DutyDef> + '_ {
        self.parts.iter().flat_map(|p| p.iter())
    }
}

impl Versioned for Catalog {
    fn effective_from(&self) -> &str {
        self.effective_from
    }
    fn zone(&self) -> &str {
        SEOUL
    }
}

/// The catalog version in force at `at` (the incident's onset): an incident is reviewed
/// against the duties in force when it happened.
pub fn catalog_at(at: Timestamp) -> Option<&'static Catalog> {
    in_force(CATALOGS, at)
}

/// Every duty of every version once (by id, the newest wording), for looking a duty up by
/// its id.
pub fn any_version(id: &str) -> Option<&'static DutyDef> {
    CATALOGS.iter().rev().flat_map(|c| c.duties()).find(|d| d.id == id)
}

/// The reporting regime that only a designated operator files under.
fn regime_of(d: Designation) -> &'static str {
    match d {
        Designation::Tba22_7 => "KR_TBA22_7",
        Designation::MajorOperator | Designation::MajorDataCentre => "KR_FA38",
        Designation::UserNotice => "KR_TBA33",
    }
}

/// The duties to assess for an incident filed under `regimes` by an operator whose service
/// falls under `designations`, in catalog order.
pub fn applicable(catalog: &Catalog, regimes: &[&str], designations: &[Designation]) -> Vec<&'static DutyDef> {
    catalog
        .duties()
        .filter(|d| match d.applies {
            AppliesWhen::Always => true,
            // filing under the designation's own regime is the operator saying it applies
            AppliesWhen::Designated(any) => {
                any.iter().any(|x| designations.contains(x) || regimes.contains(&regime_of(*x)))
            }
            AppliesWhen::Regime(code) => regimes.contains(&code),
        })
        .collect()
}

/// A reviewer's finding on one duty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    Compliant,
    Partially,
    NonCompliant,
    NotApplicable,
    NotAssessed,
}

impl Finding {
    pub const ALL: [Finding; 5] =
        [Finding::Compliant, Finding::Partially, Finding::NonCompliant, Finding::NotApplicable, Finding::NotAssessed];

    pub fn as_str(self) -> &'static str {
        match self {
            Finding::Compliant => "compliant",
            Finding::Partially => "partially",
            Finding::NonCompliant => "non_compliant",
            Finding::NotApplicable => "not_applicable",
            Finding::NotAssessed => "not_assessed",
        }
    }

    pub fn parse(s: &str) -> Option<Finding> {
        Finding::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// (Korean, English) name.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Finding::Compliant => ("준수", "Compliant"),
            Finding::Partially => ("일부 준수", "Partially compliant"),
            Finding::NonCompliant => ("미준수", "Non-compliant"),
            Finding::NotApplicable => ("해당 없음", "Not applicable"),
            Finding::NotAssessed => ("미평가", "Not assessed"),
        }
    }
}

/// The overall determination from the findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Determination {
    /// Some applicable duty is still not assessed.
    Incomplete,
    /// Every assessed duty is met (or not applicable).
    NoBreach,
    /// Some duty is only partially met, none breached.
    ShortcomingsFound,
    /// Some duty is not complied with.
    BreachFound,
}

impl Determination {
    /// (Korean, English) name.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Determination::Incomplete => ("평가 진행 중", "Assessment incomplete"),
            Determination::NoBreach => ("위반 없음", "No breach found"),
            Determination::ShortcomingsFound => ("미흡 사항 있음", "Shortcomings found"),
            Determination::BreachFound => ("의무 위반", "Breach found"),
        }
    }
}

/// Worst finding wins; anything not yet assessed leaves the review incomplete.
pub fn determination(findings: &[Finding]) -> Determination {
    if findings.contains(&Finding::NotAssessed) || findings.is_empty() {
        Determination::Incomplete
    } else if findings.contains(&Finding::NonCompliant) {
        Determination::BreachFound
    } else if findings.contains(&Finding::Partially) {
        Determination::ShortcomingsFound
    } else {
        Determination::NoBreach
    }
}

#[cfg(test)]
#[path = "duties_test.rs"]
mod tests;
