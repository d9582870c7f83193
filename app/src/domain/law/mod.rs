//! The legal rules the desk applies, as versioned data with their legal basis (brief,
//! sections a, b and c): who is covered ([`coverage`]), the Korean user-notice duty and its
//! exemptions ([`notice`]), and the foreign regimes' criteria ([`nis2`], [`dora`],
//! [`telecom`]). Each version takes effect at 00:00 in its regulator's zone ([`calendar`]).
//! Pure: shared by the server and the browser, unit-tested without a database.

pub mod calendar;
pub mod coverage;
pub mod dora;
pub mod nis2;
pub mod notice;
pub mod operator;
pub mod telecom;
