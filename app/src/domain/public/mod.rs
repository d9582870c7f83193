//! The public side's rules (issue #14): the facts of a published incident that search, filters,
//! operator records, feeds and open data read — computed once, when a summary is published or
//! corrected, from what was published only — and the public search query with its filters and
//! keyset cursor, as shareable GET parameters.

pub mod dictionary;
mod query;

use serde::{Deserialize, Serialize};

pub use query::{CommitmentFilter, Cursor, SearchQuery, PAGE_SIZE};

use crate::domain::case::ItemState;
use crate::domain::report::Content;
use crate::domain::timestamp::Timestamp;
use crate::domain::zone::UserZone;

/// Where the published commitments (the items of published measures) stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Commitments {
    /// No measure was published.
    None,
    /// Some item is still with the operator (required or rejected).
    Open,
    /// Every item is reported done; some are not verified yet.
    Done,
    /// Every item is verified (or waived).
    Verified,
}

impl Commitments {
    pub fn as_str(self) -> &'static str {
        match self {
            Commitments::None => "none",
            Commitments::Open => "open",
            Commitments::Done => "done",
            Commitments::Verified => "verified",
        }
    }

    pub fn parse(s: &str) -> Option<Commitments> {
        [Commitments::None, Commitments::Open, Commitments::Done, Commitments::Verified]
            .into_iter()
            .find(|c| c.as_str() == s)
    }

    /// From published measures: (deadline, item states) each. The earliest deadline of a
    /// measure with an open item comes with `Open` (past it, the commitment is overdue).
    pub fn of(measures: &[(Timestamp, Vec<ItemState>)]) -> (Commitments, Option<Timestamp>) {
        let items: Vec<ItemState> = measures.iter().flat_map(|(_, i)| i.iter().copied()).collect();
        if items.is_empty() {
            return (Commitments::None, None);
        }
        let open = |s: &ItemState| matches!(s, ItemState::Required | ItemState::Rejected);
        if items.iter().any(open) {
            let due = measures.iter().filter(|(_, i)| i.iter().any(open)).map(|(d, _)| *d).min();
            (Commitments::Open, due)
        } else if items.contains(&ItemState::Done) {
            (Commitments::Done, None)
        } else {
            (Commitments::Verified, None)
        }
    }
}

/// How long an outage lasted, in the bands readers filter by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DurationBand {
    UnderHour,
    HoursOneToSix,
    HoursSixToDay,
    DaysOneToThree,
    OverThreeDays,
}

impl DurationBand {
    pub const ALL: [DurationBand; 5] = [
        DurationBand::UnderHour,
        DurationBand::HoursOneToSix,
        DurationBand::HoursSixToDay,
        DurationBand::DaysOneToThree,
        DurationBand::OverThreeDays,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DurationBand::UnderHour => "lt1h",
            DurationBand::HoursOneToSix => "1-6h",
            DurationBand::HoursSixToDay => "6-24h",
            DurationBand::DaysOneToThree => "1-3d",
            DurationBand::OverThreeDays => "gt3d",
        }
    }

    pub fn parse(s: &str) -> Option<DurationBand> {
        DurationBand::ALL.into_iter().find(|b| b.as_str() == s)
    }

    /// Minutes from (inclusive) and to (exclusive; `None`: no end).
    pub fn minutes(self) -> (i64, Option<i64>) {
        match self {
            DurationBand::UnderHour => (0, Some(60)),
            DurationBand::HoursOneToSix => (60, Some(360)),
            DurationBand::HoursSixToDay => (360, Some(1_440)),
            DurationBand::DaysOneToThree => (1_440, Some(4_320)),
            DurationBand::OverThreeDays => (4_320, None),
        }
    }

    pub fn of(minutes: i64) -> DurationBand {
        DurationBand::ALL
            .into_iter()
            .find(|b| {
                let (from, to) = b.minutes();
                minutes >= from && to.is_none_or(|t| minutes < t)
            })
            .unwrap_or(DurationBand::OverThreeDays)
    }

    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            DurationBand::UnderHour => ("1시간 미만", "Under an hour"),
            DurationBand::HoursOneToSix => ("1~6시간", "1 to 6 hours"),
            DurationBand::HoursSixToDay => ("6~24시간", "6 to 24 hours"),
            DurationBand::DaysOneToThree => ("1~3일", "1 to 3 days"),
            DurationBand::OverThreeDays => ("3일 이상", "3 days or more"),
        }
    }
}

/// What a published incident is, for search, filters, records, feeds and open data. Only
/// answers the field catalogue marks public, and the published summary itself, go in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PublicFacts {
    pub onset_at: Option<Timestamp>,
    pub restored_at: Option<Timestamp>,
    /// Minutes from onset to restoration (`None` until restored).
    pub duration_min: Option<i64>,
    /// Users affected × minutes (once restored).
    pub user_minutes: Option<i64>,
    pub users_affected: Option<i64>,
    /// Cause category code (brief, section d.1).
    pub cause: String,
    /// One service per entry, as filed.
    pub services: Vec<String>,
    /// Outside services that depend on the affected ones (knock-on effects), as filed.
    pub dependents: Vec<String>,
    /// The incident's year in Korea.
    pub year: Option<i32>,
    pub commitments: Option<Commitments>,
    /// The earliest deadline of a measure with an open item.
    pub commitments_due: Option<Timestamp>,
}

fn lines(s: &str) -> Vec<String> {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

impl PublicFacts {
    /// From the published filing's answers and the published measures.
    pub fn of(content: &Content, measures: &[(Timestamp, Vec<ItemState>)]) -> PublicFacts {
        let onset = content.instant("onset_at");
        let restored = content.instant("restored_at").filter(|r| onset.is_none_or(|o| r.0 >= o.0));
        let duration = match (onset, restored) {
            (Some(o), Some(r)) => Some(o.minutes_until(r)),
            _ => None,
        };
        let users = content.count("users_affected").and_then(|u| i64::try_from(u).ok());
        let (commitments, due) = Commitments::of(measures);
        PublicFacts {
            onset_at: onset,
            restored_at: restored,
            duration_min: duration,
            user_minutes: duration.zip(users).map(|(d, u)| d.saturating_mul(u)),
            users_affected: users,
            cause: content.get("cause_category").to_string(),
            services: lines(content.get("services_affected")),
            dependents: lines(content.get("downstream_dependents")),
            year: onset.and_then(|t| UserZone::Seoul.year(t)),
            commitments: Some(commitments),
            commitments_due: due,
        }
    }

    /// The text search matches: headlines, organisation names, services, dependents and the
    /// reference, lower-cased once here so the database compares plain text.
    pub fn search_text(&self, reference: &str, headlines: (&str, &str), org: (&str, &str)) -> String {
        let mut parts: Vec<&str> = vec![reference, headlines.0, headlines.1, org.0, org.1];
        parts.extend(self.services.iter().map(String::as_str));
        parts.extend(self.dependents.iter().map(String::as_str));
        normalise(&parts.join("\n"))
    }
}

/// Whether `path` is a public page: read by anyone, the same for everyone who is not signed
/// in, and readable without script (it is sent without the application's WebAssembly).
pub fn is_public_page(path: &str) -> bool {
    matches!(path, "/" | "/incidents" | "/rules" | "/open-data")
        || path.starts_with("/incidents/")
        || path.starts_with("/operators/")
}

/// Search text and queries alike: lower case, whitespace runs as one space.
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The median of `values` (the mean of the middle two for an even count).
pub fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) { (values[mid - 1] + values[mid]) / 2 } else { values[mid] })
}

#[cfg(test)]
#[path = "public_test.rs"]
mod tests;

/// One year of an operator's published record: (year, incidents, total minutes of those
/// restored, median minutes, user-hours lost).
pub type YearFigures = (i64, u32, i64, Option<i64>, i64);

/// An operator's figures per year, newest first, from each published incident's (year,
/// minutes, user-minutes); incidents without a year are left out, those not restored count
/// as incidents but add no minutes.
pub fn year_figures(incidents: &[(Option<i64>, Option<i64>, Option<i64>)]) -> Vec<YearFigures> {
    let mut years: Vec<i64> = incidents.iter().filter_map(|(y, _, _)| *y).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .map(|year| {
            let of_year: Vec<_> = incidents.iter().filter(|(y, _, _)| *y == Some(year)).collect();
            let mut minutes: Vec<i64> = of_year.iter().filter_map(|(_, m, _)| *m).collect();
            let total = minutes.iter().sum();
            let user_hours = of_year.iter().filter_map(|(_, _, um)| *um).sum::<i64>() / 60;
            let count = u32::try_from(of_year.len()).unwrap_or(u32::MAX);
            (year, count, total, median(&mut minutes), user_hours)
        })
        .collect()
}

/// How often each cause category occurs, most frequent first (ties by code).
pub fn cause_counts<'a>(causes: impl IntoIterator<Item = &'a str>) -> Vec<(String, u32)> {
    let mut counts: Vec<(String, u32)> = Vec::new();
    for c in causes.into_iter().filter(|c| !c.is_empty()) {
        match counts.iter_mut().find(|(k, _)| k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c.to_string(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

/// Where one published measure's items stand at `now`.
pub fn measure_status(due: Timestamp, items: &[ItemState], now: Timestamp) -> CommitmentFilter {
    match Commitments::of(&[(due, items.to_vec())]) {
        (Commitments::Open, Some(d)) if d.0 < now.0 => CommitmentFilter::Overdue,
        (Commitments::Open, _) => CommitmentFilter::Open,
        (Commitments::Done, _) => CommitmentFilter::Done,
        (Commitments::Verified, _) => CommitmentFilter::Verified,
        (Commitments::None, _) => CommitmentFilter::None,
    }
}
