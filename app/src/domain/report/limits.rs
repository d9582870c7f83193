//! Hard limits on what one save may store. Below them a value is kept as typed and checked
//! as usual; above them the save is refused (the form comes back with what was typed and the
//! reason beside the field), because one absurd save would otherwise cost every later
//! render, PDF and page of the incident (an 11 000-row timeline once made an 8 MB PDF in
//! 15 s and held 700 MB of server memory).

use std::collections::BTreeMap;

use super::content::Content;
use super::schema::{Kind, SectionDef};
use crate::domain::validation::{FieldError, FieldErrors};

/// Rows of one repeating group (timeline events, prevention items…).
pub const MAX_ROWS: usize = 200;
/// The whole report as stored (canonical JSON), in bytes.
pub const MAX_CONTENT_BYTES: usize = 2 * 1024 * 1024;
/// Characters of a value whose kind has no length of its own (numbers, times, choices).
pub const MAX_OTHER_CHARS: usize = 200;

/// The most characters a value of `kind` may have.
pub fn max_chars(kind: Kind) -> usize {
    match kind {
        Kind::Line { max } | Kind::Para { max } => max,
        Kind::Multi(opts) => opts.iter().map(|o| o.code.len() + 1).sum::<usize>().max(MAX_OTHER_CHARS),
        _ => MAX_OTHER_CHARS,
    }
}

/// Why a section's save is refused, if it is: per field (too long), per group (too many
/// rows). The size of the whole report is [`too_large`].
pub fn section_errors(section: &SectionDef, posted: &BTreeMap<String, String>) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for f in section.fields {
        if let Some(e) = posted.get(f.key).and_then(|v| FieldError::length(v, max_chars(f.kind))) {
            errors.add(f.key, e);
        }
    }
    for g in section.groups {
        let mut rows: Vec<&str> = Vec::new();
        for (key, value) in posted {
            let Some((row, col)) =
                key.strip_prefix(g.key).and_then(|r| r.strip_prefix('.')).and_then(|r| r.split_once('.'))
            else {
                continue;
            };
            let Some(def) = g.columns.iter().find(|c| c.key == col) else { continue };
            if let Some(e) = FieldError::length(value, max_chars(def.kind)) {
                errors.add(key, e);
            }
            if !value.trim().is_empty() && !rows.contains(&row) {
                rows.push(row);
            }
        }
        if rows.len() > MAX_ROWS {
            errors.add(g.key, FieldError::TooManyRows);
        }
    }
    errors
}

/// Whether the whole report would be larger than it may be stored.
pub fn too_large(content: &Content) -> bool {
    content.canonical_json().len() > MAX_CONTENT_BYTES
}

#[cfg(test)]
#[path = "limits_test.rs"]
mod tests;
