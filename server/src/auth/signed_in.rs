//! The life of a signed-in session: begun at sign-in, kept alive by activity, ended by
//! inactivity, by an absolute limit, by a password change elsewhere or by the account
//! being disabled.
//!
//! tower-sessions only pushes an inactivity expiry forward when the session is saved, and
//! it saves only modified sessions; so the last time the person was seen is written back
//! every few minutes, which re-saves the session and moves its expiry.

use app::domain::ids::UserId;
use app::domain::timestamp::Timestamp;
use tower_sessions::Session;

use crate::auth::csrf;
use crate::state::AppState;
use crate::storage::users::{self, Account};

/// Session key of the signed-in user's id.
pub const USER_KEY: &str = "user_id";
const EPOCH_KEY: &str = "epoch";
const SIGNED_IN_KEY: &str = "signed_in_at";
const SEEN_KEY: &str = "seen_at";
/// Session key of the session's row in `user_sessions` ("Your sessions").
const ROW_KEY: &str = "session_row";

/// A session unused for this long has ended (the store's expiry says the same).
pub const INACTIVITY_SECS: i64 = 8 * 3600;
/// No session lasts longer than this from sign-in, however active.
pub const ABSOLUTE_SECS: i64 = 12 * 3600;
/// How often activity is written back (and so how exact the inactivity expiry is).
const TOUCH_EVERY_SECS: i64 = 5 * 60;

/// Session key of a sign-in whose password was right and whose second step is awaited.
const PENDING_KEY: &str = "second_step";

/// A sign-in waiting for its two-step code: the password was right for `user` at `epoch`.
/// Such a session is not signed in; it can only answer the second step, for
/// [`two_step::PENDING_SECS`](app::domain::two_step::PENDING_SECS).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct PendingSignIn {
    pub user: i64,
    pub epoch: i64,
    pub at: i64,
    /// The page to go to afterwards (checked again by `return_path` when used).
    pub next: String,
}

/// Remembers a sign-in whose password was right until its second step, under a new id.
pub async fn await_second_step(
    session: &Session,
    pending: PendingSignIn,
) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    session.insert(PENDING_KEY, pending).await
}

/// The sign-in awaiting its second step in this session, unless it is older than
/// [`PENDING_SECS`](app::domain::two_step::PENDING_SECS).
pub async fn pending(session: &Session, now: Timestamp) -> Option<PendingSignIn> {
    match session.get::<PendingSignIn>(PENDING_KEY).await {
        Ok(p) => p.filter(|p| now.0 - p.at < app::domain::two_step::PENDING_SECS),
        Err(e) => {
            tracing::error!(error = %e, "reading a pending sign-in failed");
            None
        }
    }
}

/// Starts a signed-in session: a new id (no fixation), a new anti-forgery token, and its
/// row on "Your sessions" (`row`, from [`crate::storage::user_sessions::open`]).
pub async fn begin(
    session: &Session,
    user: UserId,
    epoch: i64,
    row: i64,
    now: Timestamp,
) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    session.remove_value(PENDING_KEY).await?;
    session.insert(ROW_KEY, row).await?;
    session.insert(USER_KEY, user.0).await?;
    session.insert(EPOCH_KEY, epoch).await?;
    session.insert(SIGNED_IN_KEY, now.0).await?;
    session.insert(SEEN_KEY, now.0).await?;
    session.insert(csrf::SESSION_KEY, csrf::new_token()).await?;
    Ok(())
}

/// After this session changed the account's password: it carries on at the new epoch (every
/// other session has ended) under a new id.
pub async fn renew(session: &Session, epoch: i64) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    session.insert(EPOCH_KEY, epoch).await?;
    session.insert(csrf::SESSION_KEY, csrf::new_token()).await
}

/// What a session remembers about its own life.
#[derive(Clone, Copy, Debug)]
struct Marks {
    epoch: Option<i64>,
    signed_in: Option<i64>,
    seen: Option<i64>,
}

impl Marks {
    /// Whether the session still holds for `account` at `now`.
    fn hold(self, now: Timestamp, account: &Account) -> bool {
        !account.disabled
            && self.epoch == Some(account.session_epoch)
            && self.signed_in.is_some_and(|t| now.0 - t < ABSOLUTE_SECS)
            && self.seen.is_some_and(|t| now.0 - t < INACTIVITY_SECS)
    }

    /// Whether activity should be written back now.
    fn need_touch(self, now: Timestamp) -> bool {
        self.seen.is_some_and(|t| now.0 - t >= TOUCH_EVERY_SECS)
    }
}

/// The account signed in to this session and the session's row, if the session still holds
/// (its row not ended on "Your sessions" either); ends it otherwise.
pub async fn current(state: &AppState, session: &Session, now: Timestamp) -> Option<(Account, i64)> {
    let read = async {
        let user = session.get::<i64>(USER_KEY).await?;
        let epoch = session.get::<i64>(EPOCH_KEY).await?;
        let signed_in = session.get::<i64>(SIGNED_IN_KEY).await?;
        let seen = session.get::<i64>(SEEN_KEY).await?;
        let row = session.get::<i64>(ROW_KEY).await?;
        Ok::<_, tower_sessions::session::Error>((user, epoch, signed_in, seen, row))
    };
    let (user, epoch, signed_in, seen, row) = match read.await {
        Ok((Some(u), e, s, seen, row)) => (u, e, s, seen, row),
        Ok(_) => return None,
        Err(e) => {
            tracing::error!(error = %e, "reading the session failed");
            return None;
        }
    };
    // the account, whether this session's row on "Your sessions" still holds, and the bell's
    // count, in one query
    let account = match users::account_of_session(&state.db, UserId(user), row).await {
        Ok(a) => a,
        Err(e) => {
            tracing::error!(user.id = user, error = %e, "loading the signed-in account failed");
            return None;
        }
    };
    let marks = Marks { epoch, signed_in, seen };
    // a session from before "Your sessions" has no row: it ends, and the next sign-in has one
    let listed = account.as_ref().is_some_and(|a| a.session_live);
    match (account, row) {
        (Some(a), Some(row)) if listed && marks.hold(now, &a) => {
            if marks.need_touch(now) {
                if let Err(e) = session.insert(SEEN_KEY, now.0).await {
                    tracing::error!(user.id = user, error = %e, "recording activity on the session failed");
                }
                if let Err(e) = crate::storage::user_sessions::touch(&state.db, row, now).await {
                    tracing::error!(user.id = user, error = %e, "recording activity on the session's row failed");
                }
            }
            Some((a, row))
        }
        _ => {
            if let Err(e) = session.flush().await {
                tracing::error!(user.id = user, error = %e, "ending a session that no longer holds failed");
            }
            None
        }
    }
}

#[cfg(test)]
#[path = "signed_in_test.rs"]
mod tests;
