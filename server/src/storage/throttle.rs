//! Sign-in throttling, kept in the database so every app instance sees the same counts.

use app::domain::timestamp::Timestamp;

use super::Db;
use crate::with_pool;

/// Failed attempts counted per key within this window.
pub const WINDOW_SECS: i64 = 15 * 60;

/// Records one failed attempt for each key (e.g. the account and the client address).
pub async fn record_failure(db: &Db, keys: &[String], at: Timestamp) -> Result<(), sqlx::Error> {
    for key in keys {
        with_pool!(db, |p| {
            sqlx::query("INSERT INTO login_attempts (throttle_key, attempted_at) VALUES ($1, $2)")
                .bind(key)
                .bind(at.0)
                .execute(p)
                .await
                .map(|_| ())
        })?;
    }
    Ok(())
}

/// Failed attempts for `key` within the window ending at `now`.
pub async fn recent_failures(db: &Db, key: &str, now: Timestamp) -> Result<i64, sqlx::Error> {
    with_pool!(db, |p| {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM login_attempts WHERE throttle_key = $1 AND attempted_at > $2",
        )
        .bind(key)
        .bind(now.0 - WINDOW_SECS)
        .fetch_one(p)
        .await
    })
}

/// Forgets the failures of `key` after a successful sign-in, and any expired rows.
pub async fn clear(db: &Db, key: &str, now: Timestamp) -> Result<(), sqlx::Error> {
    with_pool!(db, |p| {
        sqlx::query("DELETE FROM login_attempts WHERE throttle_key = $1 OR attempted_at <= $2")
            .bind(key)
            .bind(now.0 - WINDOW_SECS)
            .execute(p)
            .await
            .map(|_| ())
    })?;
    Ok(())
}
