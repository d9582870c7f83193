//! Answers sent by key rather than by form section (the API's draft update): each named key is
//! set or cleared, every other answer stays. The same catalogue, limits and canonical forms as
//! the form apply, so a draft edited by a machine reads, checks and files like one typed in.

use std::collections::BTreeMap;

use super::content::{normalize, Content};
use super::limits::{max_chars, too_large, MAX_ROWS};
use super::schema::{sections, slot, Slot};
use crate::domain::validation::{FieldError, FieldErrors};
use crate::domain::zone::UserZone;

/// Most keys one update may name (a full report of 200-row groups is about 4,000).
pub const MAX_KEYS: usize = 5_000;

/// `content` with `changes` applied: `Some(value)` sets the answer (put in canonical form
/// where it parses: an instant with an offset is stored in UTC, one without is read in
/// `zone`), `None` or an empty value clears it. Refused, with every problem by key, when a key
/// is not in the field catalogue, a value is longer than its field allows, a repeating group
/// would pass [`MAX_ROWS`] rows, or the whole report would be larger than it may be stored.
pub fn apply(
    content: &Content,
    changes: &BTreeMap<String, Option<String>>,
    zone: UserZone,
) -> Result<Content, FieldErrors> {
    let mut errors = FieldErrors::default();
    if changes.len() > MAX_KEYS {
        errors.add("", FieldError::TooManyRows);
        return Err(errors);
    }
    let mut out = content.clone();
    for (key, value) in changes {
        let Some(def) = slot(key) else {
            errors.add(key, FieldError::UnknownOption);
            continue;
        };
        let (Slot::Plain(_, f) | Slot::Cell(_, _, _, f)) = def;
        let raw = value.as_deref().unwrap_or("");
        if let Some(e) = FieldError::length(raw, max_chars(f.kind)) {
            errors.add(key, e);
            continue;
        }
        out.set(key, normalize(f.kind, raw, zone));
    }
    for g in sections().iter().flat_map(|s| s.groups.iter()) {
        if out.rows(g) > MAX_ROWS {
            errors.add(g.key, FieldError::TooManyRows);
        }
    }
    if errors.is_empty() && too_large(&out) {
        errors.add("", FieldError::ContentTooLarge);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
#[path = "changes_test.rs"]
mod tests;
