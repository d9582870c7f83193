//! Two-step verification (TOTP, RFC 6238): who must use it, what a typed code is, and which
//! time steps a code may be accepted for. The cryptography (HMAC of the shared secret) is the
//! server's; these rules are pure so they are unit-tested and shown the same everywhere.

use serde::{Deserialize, Serialize};

use super::auth::Role;

/// Seconds one code is shown for (RFC 6238's default, what every authenticator app uses).
pub const STEP_SECS: i64 = 30;
/// Digits of a code.
pub const DIGITS: usize = 6;
/// Codes of the steps just before and just after the current one are accepted too, so a
/// phone whose clock is up to 30 seconds off, or a code typed as it changed, still works.
pub const SKEW_STEPS: i64 = 1;
/// Recovery codes made at once; each works once.
pub const RECOVERY_CODES: usize = 10;
/// Characters of a recovery code (without the hyphen in the middle).
pub const RECOVERY_LEN: usize = 10;
/// The characters of recovery codes: lower-case letters and digits without the ones people
/// confuse (0/o, 1/l/i), so a code copied by hand is typed back right. 31 symbols: a code of
/// 10 carries 49 bits, against at most a handful of guesses per 15 minutes.
pub const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// How long the second step may wait after the password was accepted.
pub const PENDING_SECS: i64 = 5 * 60;
/// A set-up not confirmed within this long starts again with a new key.
pub const SETUP_SECS: i64 = 30 * 60;

/// Whether people in `role` must use two-step verification. Ministry staff decide on and
/// publish other companies' filings, a signatory's submission binds their company, and the
/// system administrator can create accounts: a stolen password alone must not be enough for
/// any of them. Officers and organisation admins may turn it on.
pub fn required_for(role: Role) -> bool {
    matches!(role, Role::Reviewer | Role::ReviewLead | Role::OperatorSignatory | Role::SystemAdmin)
}

/// The 30-second step that `unix_secs` falls in.
pub fn step_of(unix_secs: i64) -> i64 {
    unix_secs.div_euclid(STEP_SECS)
}

/// The steps whose codes are accepted at `now`, oldest first: the current one and its
/// neighbours, leaving out every step not after `last_used` (a code is never accepted twice,
/// nor one older than a code already accepted).
pub fn acceptable_steps(now: i64, last_used: Option<i64>) -> Vec<i64> {
    let current = step_of(now);
    (current - SKEW_STEPS..=current + SKEW_STEPS).filter(|s| last_used.is_none_or(|last| *s > last)).collect()
}

/// What someone typed at the second step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecondFactor {
    /// Six digits from the authenticator app.
    Code(String),
    /// One of the recovery codes, normalised (lower case, no spaces or hyphens).
    Recovery(String),
}

/// Why a typed code was not even checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeShape {
    Empty,
    /// Neither six digits nor a recovery code.
    Malformed,
}

/// Reads what was typed: spaces and hyphens are ignored (apps show "123 456", recovery codes
/// are printed "abcde-fghjk"), upper case is read as lower case.
pub fn parse_factor(typed: &str) -> Result<SecondFactor, CodeShape> {
    let plain: String =
        typed.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_lowercase).collect();
    if plain.is_empty() {
        return Err(CodeShape::Empty);
    }
    if plain.len() == DIGITS && plain.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(SecondFactor::Code(plain));
    }
    if plain.len() == RECOVERY_LEN && plain.bytes().all(|b| RECOVERY_ALPHABET.contains(&b)) {
        return Ok(SecondFactor::Recovery(plain));
    }
    Err(CodeShape::Malformed)
}

/// Only six digits: the code that proves a new authenticator works (a recovery code cannot
/// set one up).
pub fn parse_app_code(typed: &str) -> Result<String, CodeShape> {
    match parse_factor(typed)? {
        SecondFactor::Code(c) => Ok(c),
        SecondFactor::Recovery(_) => Err(CodeShape::Malformed),
    }
}

/// A recovery code as printed for people: `abcde-fghjk`.
pub fn format_recovery(code: &str) -> String {
    if code.len() == RECOVERY_LEN && code.is_ascii() {
        format!("{}-{}", &code[..RECOVERY_LEN / 2], &code[RECOVERY_LEN / 2..])
    } else {
        code.to_string()
    }
}

/// A shared key as people type it into an app by hand: groups of four.
pub fn format_key(base32: &str) -> String {
    base32.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// Where a person stands with two-step verification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// Set up: signing in asks for a code.
    On,
    /// Not set up, and their role requires it: nothing but setting it up is allowed.
    Missing,
    /// Not set up, and optional for their role.
    Off,
}

/// The standing of someone in `role` who has (or has not) set it up.
pub fn standing(role: Role, enrolled: bool) -> Standing {
    match (enrolled, required_for(role)) {
        (true, _) => Standing::On,
        (false, true) => Standing::Missing,
        (false, false) => Standing::Off,
    }
}

/// Whether someone in `role` may turn it off (only where it is optional).
pub fn may_turn_off(role: Role) -> bool {
    !required_for(role)
}

#[cfg(test)]
#[path = "two_step_test.rs"]
mod tests;
