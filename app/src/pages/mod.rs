//! Pages, grouped by who uses them.

pub mod account;
pub mod draft;
pub mod evidence;
pub mod filing;
pub mod incident;
pub mod organisation;
pub mod public;
pub mod review;
