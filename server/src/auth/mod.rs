//! Accounts, sessions, anti-forgery tokens.

pub mod context;
pub mod csrf;
pub mod passwords;
