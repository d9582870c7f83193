//! All database access. One pool per process, SQLite or PostgreSQL, chosen by the URL.
//!
//! Query code is written once: [`with_pool!`] expands a body for each backend, so the same
//! portable SQL (with `$1` placeholders, which both drivers accept) is compiled against both
//! drivers' types. Only the migrations differ per backend.

pub mod api_tokens;
pub mod assessments;
pub mod attachments;
pub mod audit;
pub mod cases;
pub mod documents;
pub mod drafts;
pub mod filings;
pub mod idempotency;
pub mod incidents;
pub mod links;
pub mod measures;
pub mod members;
pub mod notifications;
pub mod organisations;
pub mod outbox;
pub mod outside;
pub mod overview;
pub mod overview_memo;
pub mod profiles;
pub mod public_facts;
pub mod public_reads;
pub mod publications;
pub mod queue;
pub mod requests;
pub mod sessions;
pub mod staff;
pub mod summaries;
pub mod throttle;
pub mod two_step;
pub mod user_sessions;
pub mod users;
pub mod webhooks;

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
            $crate::storage::Db::Sqlite($p) => {
                #[allow(unused_imports)]
                use $crate::storage::WriteTransaction as _;
                $body
            }
            $crate::storage::Db::Postgres($p) => {
                #[allow(unused_imports)]
                use $crate::storage::WriteTransaction as _;
                $body
            }
        }
    };
}

/// A value bound into a statement assembled at run time (the queue's and the public search's
/// filters), bound in order by [`bind_all!`].
pub(crate) enum Bind {
    Int(i64),
    Text(String),
}

/// Binds every [`Bind`] of `$binds`, in order, to the query `$query`.
macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut query = $query;
        for b in $binds {
            query = match b {
                $crate::storage::Bind::Int(v) => query.bind(*v),
                $crate::storage::Bind::Text(v) => query.bind(v.clone()),
            };
        }
        query
    }};
}
pub(crate) use bind_all;

/// Opens a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and writes later fails with
/// "database is locked" (SQLITE_BUSY_SNAPSHOT) when another connection wrote meanwhile, and
/// the busy timeout cannot help it. PostgreSQL's plain `BEGIN` has no such failure.
pub trait WriteTransaction {
    type Database: sqlx::Database;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<Output = Result<sqlx::Transaction<'static, Self::Database>, sqlx::Error>> + Send;
}

impl WriteTransaction for SqlitePool {
    type Database = sqlx::Sqlite;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<Output = Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error>> + Send {
        self.begin_with("BEGIN IMMEDIATE")
    }
}

impl WriteTransaction for PgPool {
    type Database = sqlx::Postgres;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<Output = Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error>> + Send {
        self.begin()
    }
}

/// Claims for `owner`, until `lease_until`, up to `limit` rows of `table` (the e-mail outbox or
/// the webhook deliveries) that are pending, due at `now` and not leased by anyone else; answers
/// their ids, oldest first. On PostgreSQL rows another instance is claiming are skipped, not
/// waited for; SQLite has one writer at a time, so the plain statement is already exclusive.
pub(crate) async fn claim_leased(
    db: &Db,
    table: &'static str,
    owner: &str,
    now: app::domain::timestamp::Timestamp,
    lease_until: app::domain::timestamp::Timestamp,
    limit: i64,
) -> Result<Vec<i64>, StorageError> {
    let pick = format!(
        "SELECT id FROM {table} WHERE state = 'pending' AND next_attempt_at <= $3
         AND (lease_until IS NULL OR lease_until < $3) ORDER BY id LIMIT $4"
    );
    let lock = if matches!(db, Db::Postgres(_)) { " FOR UPDATE SKIP LOCKED" } else { "" };
    let statement =
        format!("UPDATE {table} SET lease_owner = $1, lease_until = $2 WHERE id IN ({pick}{lock}) RETURNING id");
    let mut ids = with_pool!(db, |p| {
        sqlx::query_scalar::<_, i64>(&statement)
            .bind(owner)
            .bind(lease_until.0)
            .bind(now.0)
            .bind(limit)
            .fetch_all(p)
            .await
    })?;
    ids.sort_unstable();
    Ok(ids)
}

/// What a storage operation can fail with. Every variant but `Corrupt` and `Db` is an
/// outcome the caller shows the user (a state that changed meanwhile, a limit); those two
/// are failures, logged once at the edge and shown as "something went wrong".
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// Absent, or not visible to this caller (deliberately indistinguishable).
    #[error("not found")]
    NotFound,
    /// Someone saved the draft since the form was opened (optimistic concurrency).
    #[error("stale draft revision")]
    StaleRevision,
    /// The incident already has a draft, so another cannot be started.
    #[error("a draft already exists")]
    DraftExists,
    /// The request for information was answered or withdrawn meanwhile.
    #[error("request closed")]
    RequestClosed,
    /// The measure was acknowledged already.
    #[error("measure already acknowledged")]
    AlreadyAcknowledged,
    /// The measure item is no longer open for the operator to complete.
    #[error("item not open")]
    ItemNotOpen,
    /// The measure item is not waiting for the ministry's verification.
    #[error("item not awaiting verification")]
    ItemNotAwaitingVerification,
    /// Only a review lead may do this (assign someone else).
    #[error("not a review lead")]
    NotReviewLead,
    /// An operator-side action was given a ministry role.
    #[error("not an operator role")]
    NotOperatorRole,
    /// The address is already one of the caller's own colleagues (their own organisation,
    /// so saying so reveals nothing).
    #[error("already a member of this organisation")]
    AlreadyMember,
    /// The e-mail address already has an account (a unique-constraint violation).
    #[error("e-mail address taken")]
    EmailTaken,
    /// Another organisation has this short name (slug) already.
    #[error("slug taken")]
    SlugTaken,
    /// The incident already holds the most files or bytes it may.
    #[error("attachment limit reached")]
    AttachmentLimit,
    /// The organisation already keeps the most records of this kind it may.
    #[error("record limit reached")]
    RecordLimit,
    /// A stored row no longer reads as what it should be: never the user's fault.
    #[error("corrupt stored data: {0}")]
    Corrupt(&'static str),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

impl StorageError {
    /// Whether this is a failure of the system (logged, shown as a generic error) rather
    /// than an outcome the user can act on.
    pub fn is_failure(&self) -> bool {
        matches!(self, StorageError::Corrupt(_) | StorageError::Db(_))
    }
}

/// `Ok` when a statement changed exactly one row; `NotFound` otherwise (the row is absent, or
/// not the caller's, or not in the state the statement asks for).
pub(crate) fn one_row(changed: u64) -> Result<(), StorageError> {
    if changed == 1 {
        Ok(())
    } else {
        Err(StorageError::NotFound)
    }
}

/// The capability of the server's own start-up work (making missing official documents),
/// which reads across organisations. Only [`SystemTask::start_up`] makes one, and only the
/// start-up path calls it.
#[derive(Debug)]
pub struct SystemTask(());

impl SystemTask {
    pub(crate) fn start_up() -> SystemTask {
        SystemTask(())
    }
}

/// Whether `e` is a unique violation of the named constraint: `pg` is PostgreSQL's
/// constraint name, `sqlite` the `table.column` SQLite names in its message (SQLite reports
/// no constraint name). The `on_constraint` pattern: insert once, let the database say no,
/// instead of a check-then-insert race.
pub fn is_unique_violation(e: &sqlx::Error, pg: &str, sqlite: &str) -> bool {
    let Some(db) = e.as_database_error() else { return false };
    if db.kind() != sqlx::error::ErrorKind::UniqueViolation {
        return false;
    }
    db.constraint() == Some(pg) || db.message().contains(sqlite)
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
