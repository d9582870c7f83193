//! The shape of an incident report: sections, fields and repeating groups, as data.
//!
//! One table ([`super::fields`]) describes every field of the unified field list (brief,
//! section c) once: its section, kind, Korean and English label, the stage from which it is
//! required and whether it may be published. Forms, validation, "check your answers", the
//! version diff and the PDF are all driven by it, so a field added there appears everywhere.

use crate::domain::filing::FilingStage;

/// A (Korean, English) pair.
pub type Text2 = (&'static str, &'static str);

/// One choice of a [`Kind::Choice`] or [`Kind::Multi`] field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opt {
    pub code: &'static str,
    pub label: Text2,
}

/// What a field holds, and so how it is entered and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text of at most `max` characters.
    Line { max: usize },
    /// Free text of at most `max` characters.
    Para { max: usize },
    /// An e-mail address (checked with the `validator` crate's rules).
    Email,
    /// A moment, typed in the reader's time zone and stored in UTC; never in the future.
    Instant,
    /// A moment that may lie ahead (an estimate, a plan).
    FutureInstant,
    /// A calendar date (`YYYY-MM-DD`), e.g. a due date.
    Date,
    /// A whole number ≥ 0.
    Count,
    /// A percentage from 0 to 100 (decimals allowed).
    Percent,
    /// A duration in whole minutes.
    Minutes,
    /// Yes or no.
    YesNo,
    /// One of the options.
    Choice(&'static [Opt]),
    /// Any number of the options (stored comma-separated, in the options' order).
    Multi(&'static [Opt]),
}

/// From which stage a field must be answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Optional,
    From(FilingStage),
}

impl Need {
    pub fn required_at(self, stage: FilingStage) -> bool {
        match self {
            Need::Optional => false,
            Need::From(s) => stage >= s,
        }
    }
}

/// A field of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldDef {
    /// Form name and storage key (inside a group: the column name).
    pub key: &'static str,
    pub kind: Kind,
    pub label: Text2,
    pub hint: Option<Text2>,
    pub need: Need,
    /// May appear in a public summary (brief, visibility `PUB`).
    pub public: bool,
}

/// A repeating group, e.g. timeline events; stored as `{group}.{row}.{column}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupDef {
    pub key: &'static str,
    pub label: Text2,
    pub hint: Option<Text2>,
    pub columns: &'static [FieldDef],
    /// From which stage at least one row is needed.
    pub need: Need,
}

/// A section of the task list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectionDef {
    /// Used in URLs: `/filing/incidents/{ref}/draft/{slug}`.
    pub slug: &'static str,
    pub title: Text2,
    pub fields: &'static [FieldDef],
    pub groups: &'static [GroupDef],
}

impl SectionDef {
    /// The section with this URL slug.
    pub fn find(slug: &str) -> Option<&'static SectionDef> {
        super::fields::SECTIONS.iter().find(|s| s.slug == slug)
    }

    /// Whether a content key belongs to this section.
    pub fn owns(&self, key: &str) -> bool {
        self.fields.iter().any(|f| f.key == key)
            || self.groups.iter().any(|g| key.strip_prefix(g.key).is_some_and(|rest| rest.starts_with('.')))
    }
}

/// Every section, in task-list order.
pub fn sections() -> &'static [SectionDef] {
    super::fields::SECTIONS
}

/// The definition of a plain (non-group) field, by key.
pub fn field(key: &str) -> Option<&'static FieldDef> {
    sections().iter().flat_map(|s| s.fields.iter()).find(|f| f.key == key)
}

/// A storage key resolved to its definitions: a plain field, or a group's cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Plain(&'static SectionDef, &'static FieldDef),
    Cell(&'static SectionDef, &'static GroupDef, usize, &'static FieldDef),
}

/// Resolves a storage key (`title`, `timeline.2.at`) to its definition.
pub fn slot(key: &str) -> Option<Slot> {
    for s in sections() {
        if let Some(f) = s.fields.iter().find(|f| f.key == key) {
            return Some(Slot::Plain(s, f));
        }
        for g in s.groups {
            let Some(rest) = key.strip_prefix(g.key).and_then(|r| r.strip_prefix('.')) else { continue };
            let (row, col) = rest.split_once('.')?;
            let row: usize = row.parse().ok()?;
            let col = g.columns.iter().find(|c| c.key == col)?;
            return Some(Slot::Cell(s, g, row, col));
        }
    }
    None
}

/// The storage key of a group cell.
pub fn cell_key(group: &str, row: usize, column: &str) -> String {
    format!("{group}.{row}.{column}")
}

/// Order of keys as they appear in the report (sections, fields, then group rows).
pub fn key_rank(key: &str) -> (usize, usize, usize, usize) {
    for (si, s) in sections().iter().enumerate() {
        if let Some(fi) = s.fields.iter().position(|f| f.key == key) {
            return (si, fi, 0, 0);
        }
        for (gi, g) in s.groups.iter().enumerate() {
            if let Some(Slot::Cell(_, _, row, col)) = slot(key).filter(|_| key.starts_with(g.key)) {
                let ci = g.columns.iter().position(|c| c.key == col.key).unwrap_or(0);
                return (si, s.fields.len() + gi, row, ci);
            }
        }
    }
    (usize::MAX, 0, 0, 0)
}
