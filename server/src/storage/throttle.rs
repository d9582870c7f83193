//! Sign-in throttling, kept in the database so every app instance sees the same counts.
//!
//! An attempt is *claimed* (a row written) before the password is verified, and counted
//! after the claim is committed: of N attempts sent at once, the k-th to commit sees at least
//! k rows, so no more than the limit are ever evaluated, on either backend. A successful
//! attempt gives its claims back.

use app::domain::timestamp::Timestamp;

use super::Db;
use crate::with_pool;

/// Attempts counted per key within this window.
pub const WINDOW_SECS: i64 = 15 * 60;

/// The claims of one sign-in attempt and, per key, the attempts in the window (this one
/// included).
pub struct Claim {
    ids: Vec<i64>,
    pub counts: Vec<i64>,
}

/// Claims one attempt under each key and counts each key's attempts in the window.
pub async fn claim(db: &Db, keys: &[String], at: Timestamp) -> Result<Claim, sqlx::Error> {
    let mut claim = Claim { ids: Vec::with_capacity(keys.len()), counts: Vec::with_capacity(keys.len()) };
    for key in keys {
        let id = with_pool!(db, |p| {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO login_attempts (throttle_key, attempted_at) VALUES ($1, $2) RETURNING id",
            )
            .bind(key)
            .bind(at.0)
            .fetch_one(p)
            .await
        })?;
        claim.ids.push(id);
    }
    for key in keys {
        claim.counts.push(recent(db, key, at).await?);
    }
    Ok(claim)
}

/// Attempts under `key` within the window ending at `now`.
async fn recent(db: &Db, key: &str, now: Timestamp) -> Result<i64, sqlx::Error> {
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

/// After a successful sign-in: gives back this attempt's claims, forgets earlier failures
/// under `forget_key` (the account at this address) and drops expired rows.
pub async fn succeeded(db: &Db, claim: &Claim, forget_key: &str, now: Timestamp) -> Result<(), sqlx::Error> {
    for id in &claim.ids {
        with_pool!(db, |p| {
            sqlx::query("DELETE FROM login_attempts WHERE id = $1").bind(id).execute(p).await.map(|_| ())
        })?;
    }
    with_pool!(db, |p| {
        sqlx::query("DELETE FROM login_attempts WHERE throttle_key = $1 OR attempted_at <= $2")
            .bind(forget_key)
            .bind(now.0 - WINDOW_SECS)
            .execute(p)
            .await
            .map(|_| ())
    })
}
