//! The ministry's queue query: filters, order and a keyset cursor (never OFFSET, so page N
//! costs the same as page 1 with a hundred thousand filings). Parsed from the page's query
//! string; anything unknown is ignored rather than an error, as links get shared and edited.

use serde::{Deserialize, Serialize};

use super::filing::{FilingStage, FilingStatus};
use super::report::options::{REGIMES, SEVERITY};
use super::report::schema::Opt;

/// `v` if it is one of the option codes (so only known codes reach a query).
fn known(options: &[Opt], v: &str) -> Option<String> {
    options.iter().find(|o| o.code == v).map(|o| o.code.to_string())
}

/// Largest page.
pub const MAX_PAGE: u32 = 100;
/// Page size unless asked otherwise.
pub const DEFAULT_PAGE: u32 = 50;

/// Position after the last row shown: (submitted_at, id) of that row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    pub submitted_at: i64,
    pub id: i64,
}

impl Cursor {
    /// `1700000000-42`: readable and stable in a URL.
    pub fn encode(self) -> String {
        format!("{}-{}", self.submitted_at, self.id)
    }

    pub fn decode(s: &str) -> Option<Cursor> {
        let (t, id) = s.split_once('-')?;
        Some(Cursor { submitted_at: t.parse().ok()?, id: id.parse().ok()? })
    }
}

/// Whose cases to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssigneeFilter {
    /// Assigned to the reviewer looking.
    Me,
    /// Nobody assigned yet.
    Nobody,
    /// Assigned to this ministry user.
    User(i64),
}

impl AssigneeFilter {
    fn parse(v: &str) -> Option<AssigneeFilter> {
        match v {
            "me" => Some(AssigneeFilter::Me),
            "none" => Some(AssigneeFilter::Nobody),
            other => other.parse().ok().filter(|n| *n > 0).map(AssigneeFilter::User),
        }
    }

    fn as_param(&self) -> String {
        match self {
            AssigneeFilter::Me => "me".into(),
            AssigneeFilter::Nobody => "none".into(),
            AssigneeFilter::User(id) => id.to_string(),
        }
    }
}

/// What the reviewer asked to see.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueQuery {
    pub stage: Option<FilingStage>,
    pub status: Option<FilingStatus>,
    /// Organisation slug.
    pub org: Option<String>,
    /// Regime code the filing was made under (`EU_NIS2`…).
    pub regime: Option<String>,
    /// Crisis alert level code (`caution`…).
    pub severity: Option<String>,
    /// Only cases with an overdue request or measure item.
    pub overdue: bool,
    pub assignee: Option<AssigneeFilter>,
    /// Only filings that arrived since the reviewer last opened their case.
    pub new_only: bool,
    /// Oldest first (first come, first reviewed) instead of newest first: on an outage day
    /// the reviewer opening the queue needs what just arrived.
    pub oldest_first: bool,
    pub after: Option<Cursor>,
    pub per_page: u32,
}

impl QueueQuery {
    /// The page size storage uses: bounded here whatever a client sent (a server function
    /// receives the whole query as data, not through [`QueueQuery::from_pairs`]).
    pub fn page_size(&self) -> u32 {
        self.per_page.clamp(1, MAX_PAGE)
    }

    /// Reads `stage`, `status`, `org`, `regime`, `severity`, `overdue=yes`, `assignee`
    /// (`me`, `none` or a user id), `new=yes`, `order=oldest`, `after` and `per_page`.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> QueueQuery {
        let mut q = QueueQuery { per_page: DEFAULT_PAGE, ..QueueQuery::default() };
        for (k, v) in pairs {
            match k {
                "stage" => q.stage = FilingStage::parse(v),
                "status" => q.status = FilingStatus::parse(v),
                "org" => {
                    q.org =
                        (!v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
                            .then(|| v.to_string())
                }
                "regime" => q.regime = known(REGIMES, v),
                "severity" => q.severity = known(SEVERITY, v),
                "overdue" => q.overdue = v == "yes",
                "assignee" => q.assignee = AssigneeFilter::parse(v),
                "new" => q.new_only = v == "yes",
                "order" => q.oldest_first = v == "oldest",
                "after" => q.after = Cursor::decode(v),
                "per_page" => q.per_page = v.parse::<u32>().map_or(DEFAULT_PAGE, |n| n.clamp(1, MAX_PAGE)),
                _ => {}
            }
        }
        q
    }

    /// The query string of this query (without the cursor unless `after` is given): for
    /// "next page" links and for keeping filters in forms.
    pub fn to_query(&self, after: Option<Cursor>) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = self.stage {
            parts.push(format!("stage={}", s.as_str()));
        }
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.as_str()));
        }
        if let Some(o) = &self.org {
            parts.push(format!("org={o}"));
        }
        if let Some(r) = &self.regime {
            parts.push(format!("regime={r}"));
        }
        if let Some(s) = &self.severity {
            parts.push(format!("severity={s}"));
        }
        if self.overdue {
            parts.push("overdue=yes".into());
        }
        if let Some(a) = &self.assignee {
            parts.push(format!("assignee={}", a.as_param()));
        }
        if self.new_only {
            parts.push("new=yes".into());
        }
        if self.oldest_first {
            parts.push("order=oldest".into());
        }
        if self.per_page != DEFAULT_PAGE {
            parts.push(format!("per_page={}", self.per_page));
        }
        if let Some(c) = after {
            parts.push(format!("after={}", c.encode()));
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_round_trip_through_their_query_string() {
        let q = QueueQuery::from_pairs([
            ("stage", "final"),
            ("status", "submitted"),
            ("org", "pangyo-talk"),
            ("order", "oldest"),
            ("per_page", "10"),
            ("regime", "EU_NIS2"),
            ("severity", "caution"),
            ("overdue", "yes"),
            ("assignee", "me"),
            ("new", "yes"),
        ]);
        assert_eq!(q.stage, Some(FilingStage::Final));
        assert!(q.oldest_first);
        assert!(!QueueQuery::from_pairs([]).oldest_first, "newest first unless asked");
        let again = q.to_query(Some(Cursor { submitted_at: 1_700_000_000, id: 42 }));
        let pairs: Vec<(&str, &str)> = again.split('&').filter_map(|kv| kv.split_once('=')).collect();
        let back = QueueQuery::from_pairs(pairs);
        assert_eq!(back.after, Some(Cursor { submitted_at: 1_700_000_000, id: 42 }));
        assert_eq!(QueueQuery { after: None, ..back }, q);
    }

    #[test]
    fn junk_is_ignored_and_page_sizes_are_bounded() {
        let q = QueueQuery::from_pairs([
            ("stage", "draft"),
            ("org", "a'; DROP TABLE x"),
            ("after", "x-1"),
            ("per_page", "100000"),
            ("regime", "EU_NIS2' OR 1=1"),
            ("severity", "apocalyptic"),
            ("assignee", "-3"),
        ]);
        assert_eq!((q.regime.clone(), q.severity.clone(), q.assignee.clone()), (None, None, None));
        assert_eq!(q.stage, None);
        assert_eq!(q.org, None);
        assert_eq!(q.after, None);
        assert_eq!(q.per_page, MAX_PAGE);
        assert_eq!(QueueQuery::from_pairs([("per_page", "0")]).per_page, 1);
        let forged = QueueQuery { per_page: u32::MAX, ..QueueQuery::default() };
        assert_eq!(forged.page_size(), MAX_PAGE);
        assert_eq!(QueueQuery { per_page: 0, ..forged }.page_size(), 1);
        assert_eq!(Cursor::decode("17-3"), Some(Cursor { submitted_at: 17, id: 3 }));
    }
}
