//! The time every request sees. Handlers, pages and the session rules read it from the state,
//! never from the wall clock directly, so tests can move time on instead of sleeping.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use app::domain::timestamp::Timestamp;

/// The system clock, or (in tests) the system clock plus an offset that tests move on.
#[derive(Clone, Debug, Default)]
pub struct Clock(Option<Arc<AtomicI64>>);

impl Clock {
    /// The real time.
    pub fn system() -> Clock {
        Clock(None)
    }

    /// The real time until [`Clock::advance`] moves it on (time keeps passing as usual).
    pub fn adjustable() -> Clock {
        Clock(Some(Arc::new(AtomicI64::new(0))))
    }

    /// Now, in whole seconds.
    pub fn now(&self) -> Timestamp {
        let real = crate::storage::now();
        match &self.0 {
            Some(offset) => Timestamp(real.0 + offset.load(Ordering::SeqCst)),
            None => real,
        }
    }

    /// Moves an adjustable clock on by `secs` (the system clock cannot be moved).
    pub fn advance(&self, secs: i64) {
        if let Some(offset) = &self.0 {
            offset.fetch_add(secs, Ordering::SeqCst);
        }
    }
}
