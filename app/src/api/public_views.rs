//! What the public pages show (issue #14): the searchable list, an operator's record, and the
//! rows feeds and open data are made of. Everything here comes from published summaries only.

use serde::{Deserialize, Serialize};

use super::views::Names;
use crate::domain::public::{CommitmentFilter, SearchQuery};
use crate::domain::timestamp::Timestamp;

/// One published incident in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicIncidentRow {
    pub reference: String,
    pub org: Names,
    pub org_slug: String,
    pub headline: Names,
    pub onset_at: Option<Timestamp>,
    /// Minutes from onset to restoration (`None` while not restored).
    pub duration_min: Option<i64>,
    pub users_affected: Option<i64>,
    pub user_minutes: Option<i64>,
    pub services: Vec<String>,
    /// Cause category code.
    pub cause: String,
    /// Where its published commitments stand, overdue judged at the time of reading.
    pub commitments: CommitmentFilter,
    pub published_at: Timestamp,
    /// The last publication or correction.
    pub updated_at: Timestamp,
}

/// A page of `/incidents`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicList {
    pub query: SearchQuery,
    pub rows: Vec<PublicIncidentRow>,
    /// The query string of the next page, if there is one.
    pub next: Option<String>,
    /// Operators with published incidents: (short name, names).
    pub operators: Vec<(String, Names)>,
    /// Years with published incidents, newest first.
    pub years: Vec<i64>,
    /// Cause categories that occur.
    pub causes: Vec<String>,
}

/// One year of an operator's record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearRecord {
    pub year: i64,
    pub incidents: u32,
    /// Of the incidents restored: total and median outage minutes.
    pub total_minutes: i64,
    pub median_minutes: Option<i64>,
    /// User-hours lost (users affected × duration / 60), where both are published.
    pub user_hours: i64,
}

/// A published measure on an operator's record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordMeasure {
    pub reference: String,
    pub headline: Names,
    pub measure: super::PublicMeasure,
    pub status: CommitmentFilter,
}

/// `/operators/{slug}`: the public counterpart of the ministry's overview, from published
/// data only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OperatorRecord {
    pub slug: String,
    pub org: Names,
    pub incidents: Vec<PublicIncidentRow>,
    pub years: Vec<YearRecord>,
    /// Cause categories with how many incidents each, most frequent first.
    pub causes: Vec<(String, u32)>,
    /// The most pressing measures (overdue, open, done, then verified; newest first within
    /// each), at most [`RECORD_MEASURES`] of `measure_count`.
    pub measures: Vec<RecordMeasure>,
    pub measure_count: u32,
    /// How many incidents the figures count; `incidents` holds the newest
    /// [`RECORD_INCIDENTS`] of them (the rest are a link to the search).
    pub incident_count: u32,
}

/// How many incidents an operator's record lists (its figures count all of them): an
/// operator with thousands must not make a page of megabytes on the day everyone looks.
pub const RECORD_INCIDENTS: usize = 20;
/// How many measures an operator's record lists (all are in the open data).
pub const RECORD_MEASURES: usize = 50;
