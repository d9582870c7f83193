//! Pages, grouped by who uses them.

pub mod account;
pub mod admin;
pub mod admin_orgs;
pub mod admin_staff;
pub mod api_tokens;
pub mod case;
pub mod draft;
pub mod evidence;
pub mod filing;
pub mod incident;
pub mod links;
pub mod ministry_panel;
pub mod notifications;
pub mod open_data;
pub mod operator;
pub mod organisation;
pub mod outside;
pub mod overview;
pub mod public;
pub mod public_case;
pub mod review;
pub mod rules;
pub mod team;
pub mod two_step;
pub mod webhooks;
