//! Accounts, sessions, anti-forgery tokens.

pub mod client_addr;
pub mod context;
pub mod csrf;
pub mod passwords;
pub mod signed_in;
pub mod totp;
