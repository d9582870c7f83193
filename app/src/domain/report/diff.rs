//! Field-level comparison of two versions of a report.

use serde::{Deserialize, Serialize};

use super::content::Content;
use super::schema::key_rank;

/// One field whose answer differs between two versions ("" = unanswered).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub key: String,
    pub before: String,
    pub after: String,
}

/// Every field that differs, in report order. Values are the stored forms; pages render
/// them with [`super::content::display_value`].
pub fn diff(before: &Content, after: &Content) -> Vec<Change> {
    let mut keys: Vec<&String> = before.0.keys().chain(after.0.keys()).collect();
    keys.sort_by_key(|k| key_rank(k));
    keys.dedup();
    keys.into_iter()
        .filter(|k| before.get(k) != after.get(k))
        .map(|k| Change { key: k.clone(), before: before.get(k).to_string(), after: after.get(k).to_string() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(pairs: &[(&str, &str)]) -> Content {
        let mut c = Content::default();
        for (k, v) in pairs {
            c.set(k, *v);
        }
        c
    }

    #[test]
    fn reports_added_removed_and_changed_fields_in_report_order() {
        let a = content(&[("title", "A"), ("users_affected", "10"), ("regions", "Seoul")]);
        let b = content(&[("title", "A"), ("users_affected", "12"), ("timeline.0.text", "x"), ("status", "ongoing")]);
        let d = diff(&a, &b);
        let keys: Vec<&str> = d.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["status", "timeline.0.text", "users_affected", "regions"]);
        assert_eq!(d[2].before, "10");
        assert_eq!(d[2].after, "12");
        assert_eq!(d[3].after, "");
    }

    #[test]
    fn identical_versions_have_no_changes() {
        let a = content(&[("title", "A")]);
        assert!(diff(&a, &a.clone()).is_empty());
    }
}
