//! The signed-in sessions of each person, for "Your sessions": one row per sign-in, checked on
//! every request (so ending one ends it at once on every instance) and touched with activity.

use app::api::SessionRow;
use app::domain::ids::UserId;
use app::domain::timestamp::Timestamp;

use super::{Db, StorageError};
use crate::with_pool;

/// Longest user agent kept (enough to tell browsers apart; a client can send anything).
const MAX_AGENT: usize = 300;

/// Records a new sign-in; returns the row the session keeps.
pub async fn open(db: &Db, user: UserId, user_agent: &str, at: Timestamp) -> Result<i64, StorageError> {
    let agent: String = user_agent.chars().filter(|c| !c.is_control()).take(MAX_AGENT).collect();
    Ok(with_pool!(db, |p| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO user_sessions (user_id, created_at, last_seen_at, user_agent) VALUES ($1, $2, $2, $3)
             RETURNING id",
        )
        .bind(user.0)
        .bind(at.0)
        .bind(&agent)
        .fetch_one(p)
        .await
    })?)
}

/// Records activity on session `row`.
pub async fn touch(db: &Db, row: i64, at: Timestamp) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        sqlx::query("UPDATE user_sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(at.0)
            .bind(row)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// The person's sessions that still hold at `now` (not ended, used within `idle` seconds,
/// begun within `longest`), newest first; `current` is marked.
pub async fn list(
    db: &Db,
    user: UserId,
    current: Option<i64>,
    now: Timestamp,
    (idle, longest): (i64, i64),
) -> Result<Vec<SessionRow>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, i64, i64, String)>(
            "SELECT id, created_at, last_seen_at, user_agent FROM user_sessions
             WHERE user_id = $1 AND ended_at IS NULL AND last_seen_at > $2 AND created_at > $3
             ORDER BY created_at DESC, id DESC",
        )
        .bind(user.0)
        .bind(now.0 - idle)
        .bind(now.0 - longest)
        .fetch_all(p)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, created, seen, user_agent)| SessionRow {
            id,
            created: Timestamp(created),
            last_seen: Timestamp(seen),
            user_agent,
            current: current == Some(id),
        })
        .collect())
}

/// Ends session `row` of `user`; false if it is not theirs or already ended.
pub async fn end(db: &Db, user: UserId, row: i64, at: Timestamp) -> Result<bool, StorageError> {
    let n = with_pool!(db, |p| {
        sqlx::query("UPDATE user_sessions SET ended_at = $1 WHERE id = $2 AND user_id = $3 AND ended_at IS NULL")
            .bind(at.0)
            .bind(row)
            .bind(user.0)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

/// Ends every session of `user` but `keep` (after a password change).
pub async fn end_others(db: &Db, user: UserId, keep: Option<i64>, at: Timestamp) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        sqlx::query("UPDATE user_sessions SET ended_at = $1 WHERE user_id = $2 AND ended_at IS NULL AND id <> $3")
            .bind(at.0)
            .bind(user.0)
            .bind(keep.unwrap_or(0))
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}
