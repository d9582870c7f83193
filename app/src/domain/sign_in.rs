//! How many sign-in attempts are evaluated, and when.
//!
//! Guessing is limited per *account at one address* and per *address*, so a stranger
//! elsewhere cannot lock a person out by typing wrong passwords for them: the person's own
//! address is counted apart. Attempts on one account from many addresses (a spread-out
//! attack) are not refused but slowed, which keeps the account usable for its owner while
//! making each guess expensive.

/// Attempts of one account from one address within the window, beyond which they are refused.
pub const MAX_PER_PAIR: i64 = 5;
/// Attempts from one address (any account) within the window, beyond which they are refused.
pub const MAX_PER_ADDRESS: i64 = 30;
/// Attempts of one account (any address) within the window after which each is slowed.
pub const SLOW_AFTER_PER_ACCOUNT: i64 = 10;
/// The longest an attempt is held back, in milliseconds.
pub const MAX_DELAY_MS: u64 = 5_000;

/// Counts of attempts within the window, the one being decided included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttemptCounts {
    pub pair: i64,
    pub address: i64,
    pub account: i64,
}

/// What happens to a sign-in attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Not evaluated: the person is told to wait.
    Refuse,
    /// Evaluated after holding the answer back for this many milliseconds.
    Evaluate { delay_ms: u64 },
}

/// Decides an attempt from its counts.
pub fn decide(c: AttemptCounts) -> Decision {
    if c.pair > MAX_PER_PAIR || c.address > MAX_PER_ADDRESS {
        return Decision::Refuse;
    }
    let over = (c.account - SLOW_AFTER_PER_ACCOUNT).max(0) as u64;
    Decision::Evaluate { delay_ms: (over * 500).min(MAX_DELAY_MS) }
}

/// Password-reset requests from one client address within the throttle window before more
/// are refused.
pub const MAX_RESET_REQUESTS_PER_ADDRESS: i64 = 10;
/// Reset links sent to one account within the window; later requests are answered the same
/// but send nothing (a mailbox is not flooded, and the answer reveals nothing).
pub const MAX_RESET_LINKS_PER_ACCOUNT: i64 = 3;

/// What to do with a password-reset request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResetDecision {
    /// Too many from this client: say so.
    Refuse,
    /// Answer as usual, send nothing.
    Quiet,
    /// Send a link if the account exists.
    Send,
}

/// Decides a reset request from its counts (this one included) in the window.
pub fn reset_decision(per_address: i64, per_account: i64) -> ResetDecision {
    if per_address > MAX_RESET_REQUESTS_PER_ADDRESS {
        ResetDecision::Refuse
    } else if per_account > MAX_RESET_LINKS_PER_ACCOUNT {
        ResetDecision::Quiet
    } else {
        ResetDecision::Send
    }
}

/// Longest address kept to return to after signing in.
const MAX_RETURN_PATH: usize = 2_000;

/// The page to return to after signing in, if `asked` is one of this site's own addresses: a
/// path starting with a single `/`, with no scheme, no backslash and no control characters,
/// so that no value can send the person to another site (no open redirect), and never the
/// sign-in page itself.
pub fn return_path(asked: &str) -> Option<&str> {
    let path = asked.trim();
    let own = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.contains("://")
        && !path.chars().any(char::is_control)
        && path.len() <= MAX_RETURN_PATH;
    let login = path == "/login" || path.starts_with("/login?") || path.starts_with("/login#");
    (own && !login).then_some(path)
}

#[cfg(test)]
#[path = "sign_in_test.rs"]
mod tests;
