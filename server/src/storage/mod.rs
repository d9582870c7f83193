//! All database access. One pool per process, SQLite or PostgreSQL, chosen by the URL.
//!
//! Query code is written once: [`with_pool!`] expands a body for each backend, so the same
//! portable SQL (with `$1` placeholders, which both drivers accept) is compiled against both
//! drivers' types. Only the migrations differ per backend.

pub mod assessments;
pub mod attachments;
pub mod audit;
pub mod cases;
pub mod drafts;
pub mod filings;
pub mod incidents;
pub mod measures;
pub mod members;
pub mod overview;
pub mod profiles;
pub mod publications;
pub mod queue;
pub mod requests;
pub mod sessions;
pub mod summaries;
pub mod throttle;
pub mod users;

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};

/// The database, whichever backend it is.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs `$body` with `$p` bound to the concrete pool (or a transaction opened on it).
#[macro_export]
macro_rules! with_pool {
    ($db:expr, |$p:ident| $body:expr) => {
        match $db {
            $crate::storage::Db::Sqlite($p) => $body,
            $crate::storage::Db::Postgres($p) => $body,
        }
    };
}

/// Errors of storage operations that callers act on; anything else is `Db` and is logged.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// The incident already holds the most files or bytes it may.
    #[error("attachment limit reached")]
    AttachmentLimit,
    /// The organisation already keeps the most records of this kind it may.
    #[error("record limit reached")]
    RecordLimit,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

impl Db {
    /// Connects and applies the migrations of the URL's backend.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool =
                PgPoolOptions::new().max_connections(16).acquire_timeout(Duration::from_secs(5)).connect(url).await?;
            sqlx::migrate!("../migrations/postgres").run(&pool).await?;
            Ok(Db::Postgres(pool))
        } else if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5));
            let pool = SqlitePoolOptions::new().max_connections(8).connect_with(opts).await?;
            sqlx::migrate!("../migrations/sqlite").run(&pool).await?;
            Ok(Db::Sqlite(pool))
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite: or postgres://")
        }
    }

    /// Whether the database answers; used by `/readyz`.
    pub async fn ping(&self) -> bool {
        with_pool!(self, |p| sqlx::query("SELECT 1").execute(p).await.is_ok())
    }

    /// Which backend this is, for logs.
    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }
}

/// Current time as stored: whole seconds since the epoch, UTC.
pub fn now() -> app::domain::timestamp::Timestamp {
    app::domain::timestamp::Timestamp(time::OffsetDateTime::now_utc().unix_timestamp())
}
