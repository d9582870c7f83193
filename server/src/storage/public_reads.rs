//! The public side's reads over published incidents (issue #14): search with filters in keyset
//! pages, an operator's record, the newest changes for feeds, everything for open data and the
//! sitemap. Only the `publications` table and its facts are read (with the organisation's
//! names), each through a [`PublicReader`].

use app::api::{Names, PublicIncidentRow, PublicMeasure};
use app::domain::public::{CommitmentFilter, Commitments, Cursor, SearchQuery};
use app::domain::timestamp::Timestamp;

use super::publications::PublicReader;
use super::{bind_all, Bind, Db, StorageError};
use crate::with_pool;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    reference: String,
    slug: String,
    name_ko: String,
    name_en: String,
    headline_ko: String,
    headline_en: String,
    sort_at: i64,
    onset_at: Option<i64>,
    duration_min: Option<i64>,
    user_minutes: Option<i64>,
    users_affected: Option<i64>,
    cause: String,
    services: String,
    commitments: String,
    commitments_due: Option<i64>,
    published_at: i64,
    updated_at: i64,
}

const SELECT: &str = "SELECT p.id, i.reference, o.slug, o.name_ko, o.name_en, p.headline_ko, p.headline_en, p.sort_at,
        p.onset_at, p.duration_min, p.user_minutes, p.users_affected, p.cause, p.services, p.commitments,
        p.commitments_due, p.published_at, p.updated_at
    FROM publications p
    JOIN incidents i ON i.id = p.incident_id
    JOIN organisations o ON o.id = p.org_id";

/// Where published commitments stand at `now` (open ones past their deadline are overdue).
fn status(commitments: &str, due: Option<i64>, now: Timestamp) -> CommitmentFilter {
    match Commitments::parse(commitments) {
        Some(Commitments::Open) if due.is_some_and(|d| d < now.0) => CommitmentFilter::Overdue,
        Some(Commitments::Open) => CommitmentFilter::Open,
        Some(Commitments::Done) => CommitmentFilter::Done,
        Some(Commitments::Verified) => CommitmentFilter::Verified,
        _ => CommitmentFilter::None,
    }
}

impl Row {
    fn into_view(self, now: Timestamp) -> PublicIncidentRow {
        PublicIncidentRow {
            commitments: status(&self.commitments, self.commitments_due, now),
            reference: self.reference,
            org: Names { ko: self.name_ko, en: self.name_en },
            org_slug: self.slug,
            headline: Names { ko: self.headline_ko, en: self.headline_en },
            onset_at: self.onset_at.map(Timestamp),
            duration_min: self.duration_min,
            users_affected: self.users_affected,
            user_minutes: self.user_minutes,
            services: self.services.lines().map(str::to_string).collect(),
            cause: self.cause,
            published_at: Timestamp(self.published_at),
            updated_at: Timestamp(self.updated_at),
        }
    }
}

/// The `WHERE` of a search (after `WHERE TRUE`) and its values: each clause names its own
/// values `{0}`, `{1}`…, numbered here as the statement's `$n`.
fn conditions(q: &SearchQuery, now: Timestamp) -> (String, Vec<Bind>) {
    let mut sql = String::new();
    let mut binds = Vec::new();
    let mut add = |clause: &str, values: Vec<Bind>| {
        let mut clause = clause.to_string();
        for (i, v) in values.into_iter().enumerate() {
            clause = clause.replace(&format!("{{{i}}}"), &format!("${}", binds.len() + 1));
            binds.push(v);
        }
        sql.push_str(" AND ");
        sql.push_str(&clause);
    };
    if !q.q.is_empty() {
        add(r"p.search_text LIKE {0} ESCAPE '\'", vec![Bind::Text(SearchQuery::like(&q.q))]);
    }
    if !q.operator.is_empty() {
        add("o.slug = {0}", vec![Bind::Text(q.operator.clone())]);
    }
    if !q.service.is_empty() {
        add(r"LOWER(p.services) LIKE {0} ESCAPE '\'", vec![Bind::Text(SearchQuery::like(&q.service))]);
    }
    if !q.cause.is_empty() {
        add("p.cause = {0}", vec![Bind::Text(q.cause.clone())]);
    }
    if let Some(y) = q.year {
        add("p.year = {0}", vec![Bind::Int(i64::from(y))]);
    }
    if let Some(b) = q.band {
        let (from, to) = b.minutes();
        match to {
            Some(to) => add("p.duration_min >= {0} AND p.duration_min < {1}", vec![Bind::Int(from), Bind::Int(to)]),
            None => add("p.duration_min >= {0}", vec![Bind::Int(from)]),
        }
    }
    match q.commitments {
        Some(CommitmentFilter::Open) => add(
            "p.commitments = 'open' AND (p.commitments_due IS NULL OR p.commitments_due >= {0})",
            vec![Bind::Int(now.0)],
        ),
        Some(CommitmentFilter::Overdue) => {
            add("p.commitments = 'open' AND p.commitments_due < {0}", vec![Bind::Int(now.0)])
        }
        Some(c) => add("p.commitments = {0}", vec![Bind::Text(c.as_str().to_string())]),
        None => {}
    }
    if let Some(c) = q.after {
        add("(p.sort_at < {0} OR (p.sort_at = {0} AND p.id < {1}))", vec![Bind::Int(c.sort_at), Bind::Int(c.id)]);
    }
    (sql, binds)
}

/// One page of published incidents matching `q`, newest first, and the cursor of the next.
pub async fn search(
    db: &Db,
    _reader: &PublicReader,
    q: &SearchQuery,
    now: Timestamp,
    page: i64,
) -> Result<(Vec<PublicIncidentRow>, Option<Cursor>), StorageError> {
    let (cond, binds) = conditions(q, now);
    let sql = format!("{SELECT} WHERE TRUE{cond} ORDER BY p.sort_at DESC, p.id DESC LIMIT {}", page + 1);
    let mut rows = with_pool!(db, |p| bind_all!(sqlx::query_as::<_, Row>(&sql), &binds).fetch_all(p).await)?;
    let more = i64::try_from(rows.len()).unwrap_or(i64::MAX) > page;
    rows.truncate(usize::try_from(page).unwrap_or(0));
    let next = rows.last().filter(|_| more).map(|r| Cursor { sort_at: r.sort_at, id: r.id });
    Ok((rows.into_iter().map(|r| r.into_view(now)).collect(), next))
}

/// Every published incident of the operator `slug`, newest first, with its names (`NotFound`
/// for an unknown short name).
pub async fn of_operator(
    db: &Db,
    _reader: &PublicReader,
    slug: &str,
    now: Timestamp,
) -> Result<(Names, Vec<PublicIncidentRow>), StorageError> {
    let names = with_pool!(db, |p| {
        sqlx::query_as::<_, (String, String)>("SELECT name_ko, name_en FROM organisations WHERE slug = $1")
            .bind(slug)
            .fetch_optional(p)
            .await
    })?
    .ok_or(StorageError::NotFound)?;
    let sql = format!("{SELECT} WHERE o.slug = $1 ORDER BY p.sort_at DESC, p.id DESC");
    let rows = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).bind(slug).fetch_all(p).await)?;
    Ok((Names { ko: names.0, en: names.1 }, rows.into_iter().map(|r| r.into_view(now)).collect()))
}

/// The published measures of the operator `slug`'s incidents: (reference, headline, measures).
pub async fn measures_of_operator(
    db: &Db,
    _reader: &PublicReader,
    slug: &str,
) -> Result<Vec<(String, Names, Vec<PublicMeasure>)>, StorageError> {
    measures_where(db, "WHERE o.slug = $1", Some(slug)).await
}

/// Every published measure: (reference, headline, measures), newest incident first.
pub async fn all_measures(
    db: &Db,
    _reader: &PublicReader,
) -> Result<Vec<(String, Names, Vec<PublicMeasure>)>, StorageError> {
    measures_where(db, "", None).await
}

async fn measures_where(
    db: &Db,
    filter: &str,
    slug: Option<&str>,
) -> Result<Vec<(String, Names, Vec<PublicMeasure>)>, StorageError> {
    let sql = format!(
        "SELECT i.reference, p.headline_ko, p.headline_en, p.body_json FROM publications p
         JOIN incidents i ON i.id = p.incident_id JOIN organisations o ON o.id = p.org_id
         {filter} ORDER BY p.sort_at DESC, p.id DESC"
    );
    let rows = with_pool!(db, |p| {
        let mut query = sqlx::query_as::<_, (String, String, String, String)>(&sql);
        if let Some(s) = slug {
            query = query.bind(s.to_string());
        }
        query.fetch_all(p).await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(reference, ko, en, body)| {
            let body: serde_json::Value = serde_json::from_str(&body).ok()?;
            let measures: Vec<PublicMeasure> = serde_json::from_value(body.get("measures")?.clone()).ok()?;
            (!measures.is_empty()).then_some((reference, Names { ko, en }, measures))
        })
        .collect())
}

/// The newest changes (publications and corrections), newest first: for feeds, optionally of
/// one operator.
pub async fn recent(
    db: &Db,
    _reader: &PublicReader,
    slug: Option<&str>,
    limit: i64,
    now: Timestamp,
) -> Result<Vec<PublicIncidentRow>, StorageError> {
    let filter = if slug.is_some() { "WHERE o.slug = $1" } else { "" };
    let sql = format!("{SELECT} {filter} ORDER BY p.updated_at DESC, p.id DESC LIMIT {limit}");
    let rows = with_pool!(db, |p| {
        let mut query = sqlx::query_as::<_, Row>(&sql);
        if let Some(s) = slug {
            query = query.bind(s.to_string());
        }
        query.fetch_all(p).await
    })?;
    Ok(rows.into_iter().map(|r| r.into_view(now)).collect())
}

/// Every published incident, newest first (open data, sitemap).
pub async fn all(db: &Db, _reader: &PublicReader, now: Timestamp) -> Result<Vec<PublicIncidentRow>, StorageError> {
    let sql = format!("{SELECT} ORDER BY p.sort_at DESC, p.id DESC");
    let rows = with_pool!(db, |p| sqlx::query_as::<_, Row>(&sql).fetch_all(p).await)?;
    Ok(rows.into_iter().map(|r| r.into_view(now)).collect())
}

/// The choices the search form offers: operators with publications, years, cause categories.
pub async fn filters(
    db: &Db,
    _reader: &PublicReader,
) -> Result<(Vec<(String, Names)>, Vec<i64>, Vec<String>), StorageError> {
    let operators = with_pool!(db, |p| {
        sqlx::query_as::<_, (String, String, String)>(
            "SELECT o.slug, o.name_ko, o.name_en FROM organisations o
             WHERE EXISTS (SELECT 1 FROM publications p WHERE p.org_id = o.id) ORDER BY o.name_ko",
        )
        .fetch_all(p)
        .await
    })?;
    let years = with_pool!(db, |p| {
        sqlx::query_scalar::<_, i64>("SELECT DISTINCT year FROM publications WHERE year IS NOT NULL ORDER BY year DESC")
            .fetch_all(p)
            .await
    })?;
    let causes = with_pool!(db, |p| {
        sqlx::query_scalar::<_, String>("SELECT DISTINCT cause FROM publications WHERE cause <> '' ORDER BY cause")
            .fetch_all(p)
            .await
    })?;
    Ok((operators.into_iter().map(|(s, ko, en)| (s, Names { ko, en })).collect(), years, causes))
}

/// When what the public sees last changed (the newest publication or correction).
pub async fn last_change(db: &Db) -> Result<Option<Timestamp>, StorageError> {
    let at = with_pool!(db, |p| {
        sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(updated_at) FROM publications").fetch_one(p).await
    })?;
    Ok(at.map(Timestamp))
}
