//! Incident reports: the field catalogue, content, checks, diffs and stage transitions.

pub mod changes;
pub mod check;
pub mod content;
pub mod diff;
pub mod fields;
pub mod limits;
pub mod options;
pub mod schema;
pub mod stages;

pub use check::{check, section_state, SectionState};
pub use content::Content;
pub use schema::{sections, SectionDef};
