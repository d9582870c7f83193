//! Pages, grouped by who uses them.

pub mod account;
pub mod case;
pub mod draft;
pub mod evidence;
pub mod filing;
pub mod incident;
pub mod ministry_panel;
pub mod organisation;
pub mod outside;
pub mod overview;
pub mod public;
pub mod public_case;
pub mod review;
pub mod team;
