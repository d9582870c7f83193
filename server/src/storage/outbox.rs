//! The e-mail outbox: claiming due messages under a lease, settling each attempt, and what
//! the system administrator reads at `/admin/outbox`.
//!
//! Several app instances may share one PostgreSQL database: each claims rows with
//! `FOR UPDATE SKIP LOCKED`, so two never claim the same row, and the lease means a row an
//! instance claimed and then died holding is claimed again once it expires. SQLite has one
//! writer at a time, which gives the single process the same guarantee.

use app::domain::ids::UserId;
use app::domain::timestamp::Timestamp;

use super::{Db, StorageError};
use crate::with_pool;

/// A message as stored: what it is about and for whom; its words are composed from this.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub to_address: String,
    pub display_name: String,
    pub lang: String,
    pub kind: String,
    pub reference: String,
    pub detail: String,
    pub created_at: i64,
    pub state: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
    pub last_error: String,
}

const COLUMNS: &str = "id, to_address, display_name, lang, kind, reference, detail, created_at, state, attempts,
                       next_attempt_at, sent_at, last_error";

/// One try to hand a message over, as the attempt log shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Attempt {
    pub at: i64,
    pub sender: String,
    pub outcome: String,
    pub detail: String,
}

/// How an attempt ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The SMTP server accepted the message (its answer).
    Sent(String),
    /// Failed for now: try again at the instant given.
    Retry { error: String, next: Timestamp },
    /// Failed for good (a permanent refusal, or too many attempts).
    Dead(String),
}

/// A message sent to an address rather than to an account's notifications: an invitation
/// or a password-reset link (`detail` holds the link's path and is blanked once sent).
pub struct DirectMail<'a> {
    pub user: Option<UserId>,
    pub to: &'a str,
    pub name: &'a str,
    pub lang: app::i18n::Lang,
    pub kind: &'static str,
    pub detail: &'a str,
    pub at: Timestamp,
}

/// Queues a direct message with the executor `$tx` (the transaction that made its token).
macro_rules! queue_direct {
    ($tx:expr, $m:expr) => {{
        let m: &$crate::storage::outbox::DirectMail<'_> = $m;
        sqlx::query(
            "INSERT INTO outbox (user_id, to_address, display_name, lang, kind, detail, created_at, next_attempt_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
        )
        .bind(m.user.map(|u| u.0))
        .bind(m.to)
        .bind(m.name)
        .bind(m.lang.code())
        .bind(m.kind)
        .bind(m.detail)
        .bind(m.at.0)
        .execute(&mut *$tx)
        .await
    }};
}
pub(crate) use queue_direct;

/// The kinds whose `detail` is a secret link, blanked once handed over.
pub const SECRET_KINDS: &[&str] = &["invitation", "password_reset"];

/// Claims up to `limit` due messages for `owner` until `lease_until`.
pub async fn claim(
    db: &Db,
    owner: &str,
    now: Timestamp,
    lease_until: Timestamp,
    limit: i64,
) -> Result<Vec<OutboxRow>, StorageError> {
    let ids = super::claim_leased(db, "outbox", owner, now, lease_until, limit).await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // the ids are numbers the database just gave: safe to write into the statement
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let statement = format!("SELECT {COLUMNS} FROM outbox WHERE id IN ({list}) ORDER BY id");
    Ok(with_pool!(db, |p| sqlx::query_as::<_, OutboxRow>(&statement).fetch_all(p).await)?)
}

/// Records how the attempt of `owner` on message `id` ended. Answers `false` (and changes
/// nothing) when the lease was lost meanwhile.
pub async fn settle(db: &Db, id: i64, owner: &str, outcome: &Outcome, at: Timestamp) -> Result<bool, StorageError> {
    let (state, next, sent, error, code, detail) = match outcome {
        Outcome::Sent(answer) => ("sent", at.0, Some(at.0), String::new(), "sent", answer.clone()),
        Outcome::Retry { error, next } => ("pending", next.0, None, error.clone(), "retry", error.clone()),
        Outcome::Dead(error) => ("dead", at.0, None, error.clone(), "dead", error.clone()),
    };
    let secret = SECRET_KINDS.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>().join(", ");
    let update = format!(
        "UPDATE outbox SET state = $1, next_attempt_at = $2, sent_at = $3, last_error = $4, attempts = attempts + 1,
                lease_owner = NULL, lease_until = NULL,
                detail = CASE WHEN $1 = 'sent' AND kind IN ({secret}) THEN '' ELSE detail END
         WHERE id = $5 AND lease_owner = $6 AND state = 'pending'"
    );
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(&update)
            .bind(state)
            .bind(next)
            .bind(sent)
            .bind(&error)
            .bind(id)
            .bind(owner)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 1 {
            sqlx::query(
                "INSERT INTO outbox_attempts (message_id, at, sender, outcome, detail) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(at.0)
            .bind(owner)
            .bind(code)
            .bind(detail.chars().take(500).collect::<String>())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(n == 1)
    })
}

/// The newest messages, optionally of one state, for `/admin/outbox`.
pub async fn recent(db: &Db, state: Option<&str>, limit: i64) -> Result<Vec<OutboxRow>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM outbox WHERE ($1 = '' OR state = $1) ORDER BY id DESC LIMIT $2");
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, OutboxRow>(&sql).bind(state.unwrap_or("")).bind(limit).fetch_all(p).await
    })?)
}

/// How many messages are in each state: (pending, sent, dead).
pub async fn counts(db: &Db) -> Result<(i64, i64, i64), StorageError> {
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, i64, i64)>(
            "SELECT COALESCE(SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN state = 'sent' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END), 0) FROM outbox",
        )
        .fetch_one(p)
        .await
    })?)
}

/// One message with its attempt log.
pub async fn message(db: &Db, id: i64) -> Result<(OutboxRow, Vec<Attempt>), StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM outbox WHERE id = $1");
    with_pool!(db, |p| {
        let row =
            sqlx::query_as::<_, OutboxRow>(&sql).bind(id).fetch_optional(p).await?.ok_or(StorageError::NotFound)?;
        let attempts = sqlx::query_as::<_, Attempt>(
            "SELECT at, sender, outcome, detail FROM outbox_attempts WHERE message_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(p)
        .await?;
        Ok((row, attempts))
    })
}

/// Puts a dead message back in the queue (the administrator fixed the cause).
pub async fn retry(db: &Db, id: i64, at: Timestamp) -> Result<(), StorageError> {
    let n = with_pool!(db, |p| {
        sqlx::query(
            "UPDATE outbox SET state = 'pending', next_attempt_at = $2, attempts = 0, last_error = ''
             WHERE id = $1 AND state = 'dead'",
        )
        .bind(id)
        .bind(at.0)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    super::one_row(n)
}
