//! Pure domain types and rules. No I/O: everything here runs in the browser too.

pub mod account;
pub mod admin;
pub mod audit;
pub mod auth;
pub mod case;
pub mod dates;
pub mod deadlines;
pub mod duties;
pub mod filing;
pub mod ids;
pub mod law;
pub mod notice;
pub mod numbers;
pub mod outside;
pub mod overview;
pub mod profile_fields;
pub mod public;
pub mod queue;
pub mod report;
pub mod reportability;
pub mod sign_in;
pub mod timestamp;
pub mod two_step;
pub mod url;
pub mod validation;
pub mod zone;
