//! The facts of each publication the public side searches and counts
//! ([`app::domain::public::PublicFacts`]), written beside the publication whenever it is
//! approved or corrected, and filled in at start-up for rows written before they existed.

use app::api::PublicMeasure;
use app::domain::case::ItemState;
use app::domain::public::PublicFacts;
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;

use super::{Db, StorageError, SystemTask};
use crate::with_pool;

/// The version of the facts' computation: rows below it are computed again at start-up.
pub const FACTS_VERSION: i64 = 1;

/// What a publication's facts are computed from.
#[derive(sqlx::FromRow)]
pub(crate) struct Source {
    pub id: i64,
    pub org_id: i64,
    pub reference: String,
    pub headline_ko: String,
    pub headline_en: String,
    pub name_ko: String,
    pub name_en: String,
    pub published_at: i64,
    pub content_json: String,
    pub body_json: String,
}

pub(crate) const SOURCE: &str =
    "SELECT p.id, i.org_id, i.reference, p.headline_ko, p.headline_en, o.name_ko, o.name_en,
        p.published_at, f.content_json, p.body_json
    FROM publications p
    JOIN incidents i ON i.id = p.incident_id
    JOIN organisations o ON o.id = i.org_id
    JOIN filings f ON f.id = p.filing_id";

/// The facts and search text of one publication.
pub(crate) fn compute(s: &Source) -> Result<(PublicFacts, String), StorageError> {
    let content = Content::from_stored_json(&s.content_json).ok_or(StorageError::Corrupt("published content"))?;
    let body: serde_json::Value = serde_json::from_str(&s.body_json).unwrap_or_default();
    let measures: Vec<PublicMeasure> =
        body.get("measures").and_then(|m| serde_json::from_value(m.clone()).ok()).unwrap_or_default();
    let items: Vec<(Timestamp, Vec<ItemState>)> =
        measures.iter().map(|m| (m.due, m.items.iter().map(|(_, s)| *s).collect())).collect();
    let facts = PublicFacts::of(&content, &items);
    let text = facts.search_text(&s.reference, (&s.headline_ko, &s.headline_en), (&s.name_ko, &s.name_en));
    Ok((facts, text))
}

/// Writes the facts of publication `$id` (computed by [`compute`]) with `$exec`; `$updated`
/// is the instant of the publication or correction.
macro_rules! write_facts {
    ($exec:expr, $source:expr, $updated:expr) => {{
        let source: &$crate::storage::public_facts::Source = $source;
        let updated: i64 = $updated;
        let (facts, text) = $crate::storage::public_facts::compute(source)?;
        sqlx::query(
            "UPDATE publications SET org_id = $1, sort_at = $2, onset_at = $3, duration_min = $4, user_minutes = $5,
                users_affected = $6, cause = $7, services = $8, year = $9, commitments = $10, commitments_due = $11,
                search_text = $12, updated_at = $13, facts_version = $14
             WHERE id = $15",
        )
        .bind(source.org_id)
        .bind(facts.onset_at.map_or(source.published_at, |t| t.0))
        .bind(facts.onset_at.map(|t| t.0))
        .bind(facts.duration_min)
        .bind(facts.user_minutes)
        .bind(facts.users_affected)
        .bind(&facts.cause)
        .bind(facts.services.join("\n"))
        .bind(facts.year.map(i64::from))
        .bind(facts.commitments.map_or("none", |c| c.as_str()))
        .bind(facts.commitments_due.map(|t| t.0))
        .bind(&text)
        .bind(updated)
        .bind($crate::storage::public_facts::FACTS_VERSION)
        .bind(source.id)
        .execute($exec)
        .await
    }};
}
pub(crate) use write_facts;

/// Recomputes the facts of `incident`'s publication with `$tx` (after an approval wrote it).
macro_rules! refresh_facts {
    ($tx:expr, $incident:expr, $at:expr) => {{
        let sql = format!("{} WHERE p.incident_id = $1", $crate::storage::public_facts::SOURCE);
        let source = sqlx::query_as::<_, $crate::storage::public_facts::Source>(&sql)
            .bind($incident)
            .fetch_one(&mut *$tx)
            .await?;
        $crate::storage::public_facts::write_facts!(&mut *$tx, &source, $at.0)?;
    }};
}
pub(crate) use refresh_facts;

/// Fills in the facts of publications written before they existed (or by an older
/// computation), in batches; returns how many. Their `updated_at` is the last correction, or
/// the publication.
pub async fn backfill(db: &Db, _task: &SystemTask) -> Result<usize, StorageError> {
    let sql = format!("{SOURCE} WHERE p.facts_version < $1 ORDER BY p.id LIMIT 500");
    let mut done = 0;
    loop {
        let rows = with_pool!(db, |p| sqlx::query_as::<_, Source>(&sql).bind(FACTS_VERSION).fetch_all(p).await)?;
        if rows.is_empty() {
            return Ok(done);
        }
        for s in &rows {
            let updated = with_pool!(db, |p| {
                sqlx::query_scalar::<_, Option<i64>>(
                    "SELECT MAX(c.corrected_at) FROM publication_corrections c JOIN publications p ON p.incident_id = c.incident_id WHERE p.id = $1",
                )
                .bind(s.id)
                .fetch_one(p)
                .await
            })?
            .unwrap_or(s.published_at);
            with_pool!(db, |p| write_facts!(p, s, updated).map(|_| ()))?;
            done += 1;
        }
    }
}

/// Tells every instance sharing a PostgreSQL database that what the public sees has changed
/// (each drops its cached public pages: `crate::http::public_cache`). SQLite serves one
/// process, whose handler drops its own.
pub async fn announce(db: &Db) -> Result<(), StorageError> {
    if let Db::Postgres(p) = db {
        sqlx::query("SELECT pg_notify($1, '')").bind(CHANNEL).execute(p).await?;
    }
    Ok(())
}

/// The PostgreSQL channel of [`announce`].
pub const CHANNEL: &str = "od_public_changed";
