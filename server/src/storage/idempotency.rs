//! The first answer to each API POST sent with an `Idempotency-Key`, per token, for a day: a
//! retry of the same request gets that answer again and changes nothing; the same key with a
//! different request is refused. A key is claimed before the request runs (a unique row), so
//! two copies sent at once cannot both run.

use app::domain::timestamp::Timestamp;

use super::{Db, StorageError};
use crate::with_pool;

/// How long an answer is kept for replay.
pub const KEEP_SECS: i64 = 24 * 3600;

/// A claim still without an answer this long after it was made is taken to be abandoned (no
/// request runs this long: PDFs give up after 30 s).
const ABANDONED_SECS: i64 = 300;

/// A claimed key as read: id, request hash, status, type, location, body, when claimed.
type Found = (i64, String, Option<i64>, Option<String>, Option<String>, Option<Vec<u8>>, i64);

/// A stored answer.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Stored {
    pub status: i64,
    pub content_type: Option<String>,
    pub location: Option<String>,
    pub body: Vec<u8>,
}

/// What claiming a key found.
#[derive(Debug)]
pub enum Claim {
    /// Ours: run the request, then [`finish`] or [`release`].
    New(i64),
    /// Answered before, for the same request.
    Replay(Stored),
    /// Used before for a different request.
    Mismatch,
    /// The first request with this key is still running.
    InProgress,
}

/// Claims `key` for `token`'s request whose SHA-256 is `request`.
pub async fn claim(db: &Db, token: i64, key: &str, request: &str, at: Timestamp) -> Result<Claim, StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        sqlx::query("DELETE FROM api_idempotency WHERE created_at < $1")
            .bind(at.0 - KEEP_SECS)
            .execute(&mut *tx)
            .await?;
        let found = sqlx::query_as::<_, Found>(
            "SELECT id, request_sha256, status, content_type, location, body, created_at FROM api_idempotency
             WHERE token_id = $1 AND idem_key = $2",
        )
        .bind(token)
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        let claim = match found {
            Some((_, hash, ..)) if hash != request => Claim::Mismatch,
            // the first request's process ended without an answer (killed, restarted): ours now
            // (the condition on created_at lets only one of two simultaneous retries take it)
            Some((id, _, None, .., created)) if created < at.0 - ABANDONED_SECS => {
                let taken = sqlx::query(
                    "UPDATE api_idempotency SET created_at = $1
                     WHERE id = $2 AND created_at = $3 AND status IS NULL",
                )
                .bind(at.0)
                .bind(id)
                .bind(created)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if taken == 1 {
                    Claim::New(id)
                } else {
                    Claim::InProgress
                }
            }
            Some((_, _, None, ..)) => Claim::InProgress,
            Some((_, _, Some(status), content_type, location, body, _)) => {
                Claim::Replay(Stored { status, content_type, location, body: body.unwrap_or_default() })
            }
            None => {
                let inserted = sqlx::query_scalar::<_, i64>(
                    "INSERT INTO api_idempotency (token_id, idem_key, request_sha256, created_at)
                     VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(token)
                .bind(key)
                .bind(request)
                .bind(at.0)
                .fetch_one(&mut *tx)
                .await;
                match inserted {
                    Ok(id) => Claim::New(id),
                    // PostgreSQL: a copy sent at the same moment claimed it first
                    Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Ok(Claim::InProgress),
                    Err(e) => return Err(e.into()),
                }
            }
        };
        tx.commit().await?;
        Ok(claim)
    })
}

/// Keeps the answer of claim `id`.
pub async fn finish(db: &Db, id: i64, answer: &Stored) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        sqlx::query("UPDATE api_idempotency SET status = $1, content_type = $2, location = $3, body = $4 WHERE id = $5")
            .bind(answer.status)
            .bind(&answer.content_type)
            .bind(&answer.location)
            .bind(&answer.body)
            .bind(id)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Gives claim `id` up (the request failed in a way a retry may get past).
pub async fn release(db: &Db, id: i64) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        sqlx::query("DELETE FROM api_idempotency WHERE id = $1").bind(id).execute(p).await.map(|r| r.rows_affected())
    })?;
    Ok(())
}
