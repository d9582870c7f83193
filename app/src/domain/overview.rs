//! The ministry's overview (ENISA-style aggregates, brief section e): incidents per
//! organisation and year, total and median duration, user-hours lost, cause categories,
//! late-filing rate, open measures and overdue items. Pure: the server hands in one fact
//! row per incident.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What the overview needs to know about one incident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncidentFacts {
    /// Organisation name as shown.
    pub org: String,
    /// Year of onset (KST).
    pub year: i32,
    /// Onset to restoration, if restored.
    pub duration_minutes: Option<i64>,
    pub user_minutes: Option<u64>,
    /// Cause category code (brief d.1); empty if not yet known.
    pub cause: String,
    /// Reporting clocks (initial, update, final) that were met, and that were late or are
    /// overdue.
    pub clocks_met: u32,
    pub clocks_late: u32,
}

/// One organisation's year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgYear {
    pub org: String,
    pub year: i32,
    pub incidents: u32,
    /// Sum over restored incidents; `None` while none of them is restored.
    pub total_minutes: Option<i64>,
    pub median_minutes: Option<i64>,
    pub user_hours: u64,
}

/// Everything the overview page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub by_org_year: Vec<OrgYear>,
    /// (cause code, incidents), most frequent first.
    pub causes: Vec<(String, u32)>,
    /// (year, incidents), oldest first.
    pub by_year: Vec<(i32, u32)>,
    pub clocks_met: u32,
    pub clocks_late: u32,
    pub open_measures: u32,
    pub overdue_items: u32,
}

impl Overview {
    /// Late filings as a percentage of reporting clocks that have come due (`None` if none).
    pub fn late_rate_pct(&self) -> Option<f64> {
        let all = self.clocks_met + self.clocks_late;
        (all > 0).then(|| f64::from(self.clocks_late) * 100.0 / f64::from(all))
    }
}

/// The median of a list of durations (the lower middle for an even count, so the value is
/// always one that happened).
pub fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    Some(values[(values.len() - 1) / 2])
}

/// Aggregates incidents; measures and items are counted by the caller's storage.
pub fn summarise(incidents: &[IncidentFacts], open_measures: u32, overdue_items: u32) -> Overview {
    let mut groups: BTreeMap<(String, i32), (u32, Vec<i64>, u64)> = BTreeMap::new();
    let mut causes: BTreeMap<String, u32> = BTreeMap::new();
    let mut years: BTreeMap<i32, u32> = BTreeMap::new();
    let (mut met, mut late) = (0, 0);
    for i in incidents {
        let g = groups.entry((i.org.clone(), i.year)).or_default();
        g.0 += 1;
        g.1.extend(i.duration_minutes);
        g.2 = g.2.saturating_add(i.user_minutes.unwrap_or(0) / 60);
        *causes.entry(if i.cause.is_empty() { "UNKNOWN".into() } else { i.cause.clone() }).or_default() += 1;
        *years.entry(i.year).or_default() += 1;
        met += i.clocks_met;
        late += i.clocks_late;
    }
    let by_org_year = groups
        .into_iter()
        .map(|((org, year), (n, mut durations, user_hours))| OrgYear {
            org,
            year,
            incidents: n,
            total_minutes: (!durations.is_empty()).then(|| durations.iter().sum()),
            median_minutes: median(&mut durations),
            user_hours,
        })
        .collect();
    let mut causes: Vec<(String, u32)> = causes.into_iter().collect();
    causes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Overview {
        by_org_year,
        causes,
        by_year: years.into_iter().collect(),
        clocks_met: met,
        clocks_late: late,
        open_measures,
        overdue_items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inc(org: &str, year: i32, minutes: Option<i64>, cause: &str, late: u32) -> IncidentFacts {
        IncidentFacts {
            org: org.into(),
            year,
            duration_minutes: minutes,
            user_minutes: minutes.map(|m| m.unsigned_abs() * 1000),
            cause: cause.into(),
            clocks_met: 2 - late,
            clocks_late: late,
        }
    }

    #[test]
    fn groups_by_organisation_and_year_with_median_and_user_hours() {
        let o = summarise(
            &[
                inc("A", 2025, Some(60), "SYSTEM_FAILURE", 0),
                inc("A", 2025, Some(7650), "PHYSICAL", 1),
                inc("A", 2025, Some(120), "SYSTEM_FAILURE", 0),
                inc("A", 2026, None, "", 2),
                inc("B", 2025, Some(30), "HUMAN_ERROR", 0),
            ],
            1,
            3,
        );
        let a25 = &o.by_org_year[0];
        assert_eq!((a25.org.as_str(), a25.year, a25.incidents), ("A", 2025, 3));
        assert_eq!((a25.total_minutes, a25.median_minutes), (Some(7830), Some(120)));
        assert_eq!(a25.user_hours, 1000 + 127_500 + 2000);
        assert_eq!(o.by_org_year[1].median_minutes, None, "not restored: no duration");
        assert_eq!(o.by_org_year[1].total_minutes, None, "and no total either, rather than zero");
        assert_eq!(o.causes[0], ("SYSTEM_FAILURE".to_string(), 2));
        assert!(o.causes.contains(&("UNKNOWN".to_string(), 1)));
        assert_eq!(o.by_year, vec![(2025, 4), (2026, 1)]);
        assert_eq!((o.clocks_met, o.clocks_late), (7, 3));
        assert_eq!(o.late_rate_pct(), Some(30.0));
        assert_eq!((o.open_measures, o.overdue_items), (1, 3));
        assert_eq!(summarise(&[], 0, 0).late_rate_pct(), None);
    }

    #[test]
    fn median_is_a_value_that_happened() {
        assert_eq!(median(&mut [5, 1, 3]), Some(3));
        assert_eq!(median(&mut [4, 1, 3, 2]), Some(2));
        assert_eq!(median(&mut []), None);
    }
}
