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

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pair: i64, address: i64, account: i64) -> AttemptCounts {
        AttemptCounts { pair, address, account }
    }

    #[test]
    fn the_first_attempts_are_evaluated_at_once() {
        assert_eq!(decide(counts(1, 1, 1)), Decision::Evaluate { delay_ms: 0 });
        assert_eq!(
            decide(counts(MAX_PER_PAIR, MAX_PER_ADDRESS, SLOW_AFTER_PER_ACCOUNT)),
            Decision::Evaluate { delay_ms: 0 }
        );
    }

    #[test]
    fn one_more_than_the_pair_or_address_limit_is_refused() {
        assert_eq!(decide(counts(MAX_PER_PAIR + 1, 1, 1)), Decision::Refuse);
        assert_eq!(decide(counts(1, MAX_PER_ADDRESS + 1, 1)), Decision::Refuse);
    }

    #[test]
    fn many_addresses_on_one_account_slow_it_down_but_never_lock_it() {
        assert_eq!(decide(counts(1, 1, SLOW_AFTER_PER_ACCOUNT + 1)), Decision::Evaluate { delay_ms: 500 });
        assert_eq!(decide(counts(1, 1, SLOW_AFTER_PER_ACCOUNT + 4)), Decision::Evaluate { delay_ms: 2_000 });
        assert_eq!(decide(counts(1, 1, 10_000)), Decision::Evaluate { delay_ms: MAX_DELAY_MS });
    }
}
