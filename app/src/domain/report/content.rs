//! A report's content: every answer as text, keyed by field (`title`, `timeline.0.at`).
//!
//! Drafts keep exactly what was typed, even when it is invalid, so nothing is ever lost;
//! values that parse are stored in a canonical form (instants in UTC as RFC 3339, numbers
//! without separators) so a filed version hashes and compares reliably.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::schema::{cell_key, key_rank, slot, GroupDef, Kind, SectionDef, Slot};
use crate::domain::numbers::group_thousands;
use crate::domain::timestamp::Timestamp;
use crate::domain::zone::UserZone;
use crate::i18n::Lang;

/// The answers of one draft or filed version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Content(pub BTreeMap<String, String>);

impl Content {
    /// The stored value, or "" if unanswered.
    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map(String::as_str).unwrap_or("")
    }

    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        let v = value.into();
        if v.is_empty() {
            self.0.remove(key);
        } else {
            self.0.insert(key.to_string(), v);
        }
    }

    /// The JSON that is stored and hashed: keys sorted, so equal content gives equal bytes.
    pub fn canonical_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// Reads stored JSON. Filings made before the field catalogue (schema 0001) stored
    /// typed values (numbers, lists); those are read into the same text form, so old
    /// versions display and compare like new ones while their stored bytes and hash stay.
    pub fn from_stored_json(json: &str) -> Option<Content> {
        let map: BTreeMap<String, serde_json::Value> = serde_json::from_str(json).ok()?;
        let mut c = Content::default();
        for (k, v) in map {
            let text = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Number(n) if k.ends_with("_at") => {
                    n.as_i64().map(|t| Timestamp(t).to_utc_string()).unwrap_or_default()
                }
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Array(items) => {
                    items.iter().filter_map(|i| i.as_str()).collect::<Vec<_>>().join("\n")
                }
                serde_json::Value::Bool(b) => if b { "yes" } else { "no" }.to_string(),
                serde_json::Value::Null | serde_json::Value::Object(_) => String::new(),
            };
            c.set(&k, text);
        }
        Some(c)
    }

    /// A stored instant, if the value is one.
    pub fn instant(&self, key: &str) -> Option<Timestamp> {
        Timestamp::parse_utc(self.get(key))
    }

    pub fn count(&self, key: &str) -> Option<u64> {
        self.get(key).parse().ok()
    }

    pub fn yes(&self, key: &str) -> Option<bool> {
        match self.get(key) {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        }
    }

    /// The chosen codes of a multi-choice field.
    pub fn codes(&self, key: &str) -> Vec<&str> {
        self.get(key).split(',').filter(|c| !c.is_empty()).collect()
    }

    /// How many rows a repeating group has.
    pub fn rows(&self, group: &GroupDef) -> usize {
        let prefix = format!("{}.", group.key);
        self.0
            .keys()
            .filter_map(|k| k.strip_prefix(&prefix)?.split_once('.')?.0.parse::<usize>().ok())
            .max()
            .map_or(0, |m| m + 1)
    }

    /// Whether any answer of the section is present.
    pub fn touches(&self, section: &SectionDef) -> bool {
        self.0.keys().any(|k| section.owns(k))
    }

    /// This content with one section's answers replaced by a posted form. Unticked boxes are
    /// absent from a post, so the section is cleared first; blank group rows are dropped
    /// and the rest renumbered.
    pub fn with_section(&self, section: &SectionDef, posted: &BTreeMap<String, String>, zone: UserZone) -> Content {
        let mut out =
            Content(self.0.iter().filter(|(k, _)| !section.owns(k)).map(|(k, v)| (k.clone(), v.clone())).collect());
        for f in section.fields {
            out.set(f.key, normalize(f.kind, posted.get(f.key).map(String::as_str).unwrap_or(""), zone));
        }
        for g in section.groups {
            let mut rows: Vec<usize> = posted
                .keys()
                .filter_map(|k| k.strip_prefix(g.key)?.strip_prefix('.')?.split_once('.')?.0.parse().ok())
                .collect();
            rows.sort_unstable();
            rows.dedup();
            let mut next = 0;
            for row in rows {
                let values: Vec<(&str, String)> = g
                    .columns
                    .iter()
                    .map(|c| {
                        let raw = posted.get(&cell_key(g.key, row, c.key)).map(String::as_str).unwrap_or("");
                        (c.key, normalize(c.kind, raw, zone))
                    })
                    .collect();
                if values.iter().all(|(_, v)| v.is_empty()) {
                    continue;
                }
                for (col, v) in values {
                    out.set(&cell_key(g.key, next, col), v);
                }
                next += 1;
            }
        }
        out
    }

    /// The value to put back into a form control, in the reader's time zone.
    pub fn input_value(&self, key: &str, zone: UserZone) -> String {
        let raw = self.get(key);
        match slot(key).map(kind_of) {
            Some(Kind::Instant | Kind::FutureInstant) => Timestamp::parse_utc(raw).map(|t| zone.to_input(t)),
            _ => None,
        }
        .unwrap_or_else(|| raw.to_string())
    }

    /// The answer as a person reads it ("check your answers", the diff, the PDF).
    pub fn display(&self, key: &str, zone: UserZone, lang: Lang) -> String {
        display_value(key, self.get(key), zone, lang)
    }

    /// Keys with a value, in report order.
    pub fn ordered_keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.0.keys().map(String::as_str).collect();
        keys.sort_by_key(|k| key_rank(k));
        keys
    }

    /// Minutes from onset to restoration (or to `now` while ongoing).
    pub fn duration_minutes(&self, now: Timestamp) -> Option<i64> {
        let onset = self.instant("onset_at")?;
        let end = self.instant("restored_at").unwrap_or(now);
        Some(onset.minutes_until(end).max(0))
    }

    /// User-minutes lost: users affected × duration (FCC's measure; ENISA and Ofcom use
    /// user-hours, the same figure divided by 60).
    pub fn user_minutes(&self, now: Timestamp) -> Option<u64> {
        let users = self.count("users_affected")?;
        let minutes = u64::try_from(self.duration_minutes(now)?).ok()?;
        Some(users.saturating_mul(minutes))
    }
}

fn kind_of(s: Slot) -> Kind {
    match s {
        Slot::Plain(_, f) | Slot::Cell(_, _, _, f) => f.kind,
    }
}

/// Puts a typed value into canonical form if it parses; otherwise keeps it as typed.
pub(crate) fn normalize(kind: Kind, raw: &str, zone: UserZone) -> String {
    let v = raw.trim().replace("\r\n", "\n");
    match kind {
        Kind::Instant | Kind::FutureInstant => {
            let parsed = zone.parse_local(&v).or_else(|| Timestamp::parse_utc(&v));
            parsed.map(Timestamp::to_utc_string).unwrap_or(v)
        }
        Kind::Count | Kind::Minutes => {
            let digits = v.replace([',', '_', ' '], "");
            digits.parse::<u64>().map(|n| n.to_string()).unwrap_or(v)
        }
        Kind::Multi(opts) => {
            let picked: Vec<&str> = v.split(',').map(str::trim).filter(|c| !c.is_empty()).collect();
            let mut known: Vec<&str> = opts.iter().map(|o| o.code).filter(|c| picked.contains(c)).collect();
            known.extend(picked.iter().filter(|c| !opts.iter().any(|o| o.code == **c)));
            known.join(",")
        }
        _ => v,
    }
}

/// Human form of a stored value of `key`.
pub fn display_value(key: &str, raw: &str, zone: UserZone, lang: Lang) -> String {
    match slot(key).map(kind_of) {
        Some(kind) => display_kind(kind, raw, zone, lang),
        None => raw.to_string(),
    }
}

/// Answers to a flat list of fields (not a report section) from a posted form.
pub fn from_fields(defs: &[super::schema::FieldDef], posted: &BTreeMap<String, String>, zone: UserZone) -> Content {
    let mut c = Content::default();
    for d in defs {
        c.set(d.key, normalize(d.kind, posted.get(d.key).map(String::as_str).unwrap_or(""), zone));
    }
    c
}

/// Human form of a stored value of a given kind.
pub fn display_kind(kind: Kind, raw: &str, zone: UserZone, lang: Lang) -> String {
    let label = |opts: &[super::schema::Opt], code: &str| {
        opts.iter().find(|o| o.code == code).map_or(code.to_string(), |o| lang.pick(o.label.0, o.label.1).to_string())
    };
    match kind {
        Kind::Instant | Kind::FutureInstant => Timestamp::parse_utc(raw).map_or(raw.to_string(), |t| zone.display(t)),
        Kind::YesNo => match raw {
            "yes" => lang.pick("예", "Yes").to_string(),
            "no" => lang.pick("아니요", "No").to_string(),
            other => other.to_string(),
        },
        Kind::Choice(opts) => label(opts, raw),
        Kind::Multi(opts) => {
            raw.split(',').filter(|c| !c.is_empty()).map(|c| label(opts, c)).collect::<Vec<_>>().join(", ")
        }
        Kind::Percent => format!("{raw} %"),
        Kind::Count | Kind::Minutes => group_thousands(raw),
        _ => raw.to_string(),
    }
}

#[cfg(test)]
#[path = "content_test.rs"]
mod tests;
