//! The public search: free text and filters as plain GET parameters (so any result page is a
//! link one can share), newest first, in keyset pages (a cursor of the last row's sort instant
//! and id: no page drifts when new summaries are published meanwhile).

use serde::{Deserialize, Serialize};

use super::{normalise, DurationBand};
use crate::domain::url::url_encode;

/// Incidents per page of `/incidents`.
pub const PAGE_SIZE: i64 = 20;
/// Longest search text kept (anything longer is cut).
const MAX_TEXT: usize = 100;

/// Filter on where the published commitments stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CommitmentFilter {
    /// No measure published.
    None,
    /// Items still with the operator, not yet past their deadline.
    Open,
    /// Items still with the operator past their deadline.
    Overdue,
    /// Reported done, not all verified.
    Done,
    /// All verified.
    Verified,
}

impl CommitmentFilter {
    pub const ALL: [CommitmentFilter; 5] = [
        CommitmentFilter::Open,
        CommitmentFilter::Overdue,
        CommitmentFilter::Done,
        CommitmentFilter::Verified,
        CommitmentFilter::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CommitmentFilter::None => "none",
            CommitmentFilter::Open => "open",
            CommitmentFilter::Overdue => "overdue",
            CommitmentFilter::Done => "done",
            CommitmentFilter::Verified => "verified",
        }
    }

    pub fn parse(s: &str) -> Option<CommitmentFilter> {
        CommitmentFilter::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// What needs the public's attention first (an operator's record lists measures in this
    /// order): overdue, still open, done but unverified, verified.
    pub fn urgency(self) -> u8 {
        match self {
            CommitmentFilter::Overdue => 0,
            CommitmentFilter::Open => 1,
            CommitmentFilter::Done => 2,
            CommitmentFilter::Verified => 3,
            CommitmentFilter::None => 4,
        }
    }

    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            CommitmentFilter::None => ("조치 없음", "No measures"),
            CommitmentFilter::Open => ("이행 중", "In progress"),
            CommitmentFilter::Overdue => ("이행 기한 지남", "Overdue"),
            CommitmentFilter::Done => ("이행 완료 (확인 전)", "Done, awaiting verification"),
            CommitmentFilter::Verified => ("이행 확인", "Verified"),
        }
    }
}

/// Where a page of results ends: the last row's sort instant and id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    pub sort_at: i64,
    pub id: i64,
}

impl Cursor {
    pub fn encode(self) -> String {
        format!("{}.{}", self.sort_at, self.id)
    }

    pub fn parse(s: &str) -> Option<Cursor> {
        let (a, b) = s.split_once('.')?;
        Some(Cursor { sort_at: a.parse().ok()?, id: b.parse().ok()? })
    }
}

/// A search of published incidents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Free text, normalised (lower case, single spaces).
    pub q: String,
    /// An operator's short name.
    pub operator: String,
    /// A service name (part of one).
    pub service: String,
    /// A cause category code.
    pub cause: String,
    pub year: Option<i32>,
    pub band: Option<DurationBand>,
    pub commitments: Option<CommitmentFilter>,
    pub after: Option<Cursor>,
}

fn bounded(s: &str) -> String {
    normalise(s).chars().take(MAX_TEXT).collect()
}

impl SearchQuery {
    /// From query parameters. Unknown or malformed values are dropped (a shared link with a
    /// typo still shows results), never refused.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> SearchQuery {
        let mut q = SearchQuery::default();
        for (k, v) in pairs {
            match k {
                "q" => q.q = bounded(v),
                "operator" => {
                    q.operator = v.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(60).collect();
                }
                "service" => q.service = bounded(v),
                "cause" => {
                    q.cause = v.chars().filter(|c| c.is_ascii_uppercase() || *c == '_').take(40).collect();
                }
                "year" => q.year = v.parse().ok().filter(|y| (1990..=2100).contains(y)),
                "duration" => q.band = DurationBand::parse(v),
                "commitments" => q.commitments = CommitmentFilter::parse(v),
                "after" => q.after = Cursor::parse(v),
                _ => {}
            }
        }
        q
    }

    /// The query string of this search (without `?`), with `after` as the cursor.
    pub fn to_query(&self, after: Option<Cursor>) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let text = [("q", &self.q), ("operator", &self.operator), ("service", &self.service), ("cause", &self.cause)];
        for (k, v) in text {
            if !v.is_empty() {
                pairs.push((k, v.clone()));
            }
        }
        if let Some(y) = self.year {
            pairs.push(("year", y.to_string()));
        }
        if let Some(b) = self.band {
            pairs.push(("duration", b.as_str().to_string()));
        }
        if let Some(c) = self.commitments {
            pairs.push(("commitments", c.as_str().to_string()));
        }
        if let Some(a) = after {
            pairs.push(("after", a.encode()));
        }
        pairs.iter().map(|(k, v)| format!("{k}={}", url_encode(v))).collect::<Vec<_>>().join("&")
    }

    /// Whether anything narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.q.is_empty()
            || !self.operator.is_empty()
            || !self.service.is_empty()
            || !self.cause.is_empty()
            || self.year.is_some()
            || self.band.is_some()
            || self.commitments.is_some()
    }

    /// The search text as a `LIKE` pattern: `%`, `_` and `\` matched literally (escape `\`).
    pub fn like(text: &str) -> String {
        let escaped: String =
            text.chars().flat_map(|c| if matches!(c, '%' | '_' | '\\') { vec!['\\', c] } else { vec![c] }).collect();
        format!("%{escaped}%")
    }
}
