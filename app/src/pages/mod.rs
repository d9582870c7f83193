//! Pages, grouped by who uses them.

pub mod account;
pub mod filing;
pub mod public;
pub mod review;
