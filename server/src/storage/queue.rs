//! The ministry's queue: every incident's latest filing, filtered and ordered, one keyset page at a time
//! (never OFFSET: page N costs what page 1 costs, with a hundred thousand filings).

use app::api::{FilingRow, Names, Triage};
use app::domain::filing::{FilingStage, FilingStatus, IncidentStatus};
use app::domain::queue::{AssigneeFilter, Cursor, QueueQuery};
use app::domain::timestamp::Timestamp;

use super::{bind_all, Bind, Db, StorageError};
use crate::with_pool;

#[derive(sqlx::FromRow)]
struct QueueRow {
    filing_id: i64,
    reference: String,
    incident_reference: String,
    name_ko: String,
    name_en: String,
    title: String,
    stage: String,
    status: String,
    submitted_at: i64,
    severity: String,
    assignee: Option<String>,
    seen_at: Option<i64>,
    overdue: i64,
    versions: i64,
    case_closed: i64,
}

/// The filing is its incident's latest version.
const LATEST: &str = "f.version = (SELECT MAX(f2.version) FROM filings f2 WHERE f2.incident_id = f.incident_id)";

/// A case is overdue when a request is unanswered past its due date or a required item
/// is still open past its measure's deadline. `$2` is now.
const OVERDUE: &str = "(EXISTS (SELECT 1 FROM info_requests r WHERE r.incident_id = f.incident_id
        AND r.answered_at IS NULL AND r.closed_at IS NULL AND r.due_at < $2)
    OR EXISTS (SELECT 1 FROM measure_items mi JOIN measures m ON m.id = mi.measure_id
        WHERE m.incident_id = f.incident_id AND mi.state IN ('required', 'rejected') AND m.due_at < $2))";

/// One page of the queue for the reviewer `cap`, and the cursor of the next page if any.
pub async fn page(
    db: &Db,
    cap: &app::domain::auth::ReviewerCap,
    q: &QueueQuery,
    now: Timestamp,
) -> Result<(Vec<FilingRow>, Option<Cursor>), StorageError> {
    // $1 is the reader, $2 now; filters add their own parameters after them
    let mut binds: Vec<Bind> = vec![Bind::Int(cap.user().0), Bind::Int(now.0)];
    let mut conditions: Vec<String> = Vec::new();
    let mut param = |b: Bind| {
        binds.push(b);
        format!("${}", binds.len())
    };
    if let Some(stage) = q.stage {
        conditions.push(format!("f.stage = {}", param(Bind::Text(stage.as_str().into()))));
    }
    if let Some(status) = q.status {
        conditions.push(format!("f.status = {}", param(Bind::Text(status.as_str().into()))));
    }
    if let Some(org) = &q.org {
        conditions.push(format!("o.slug = {}", param(Bind::Text(org.clone()))));
    }
    if let Some(regime) = &q.regime {
        // codes are validated against the option list, so `,code,` cannot match a prefix
        conditions.push(format!("(',' || f.regimes || ',') LIKE {}", param(Bind::Text(format!("%,{regime},%")))));
    }
    if let Some(severity) = &q.severity {
        conditions.push(format!("f.severity = {}", param(Bind::Text(severity.clone()))));
    }
    if q.overdue {
        conditions.push(OVERDUE.to_string());
    }
    // A correlated scalar subquery keeps both databases walking the time index and stopping
    // after one page; a join condition on `cases` (or an EXISTS, which SQLite rewrites into
    // one) makes it sort every filing of the assignee's cases first.
    let assigned =
        |who: &str| format!("(SELECT c2.assignee_id FROM cases c2 WHERE c2.incident_id = f.incident_id) = {who}");
    match &q.assignee {
        Some(AssigneeFilter::Me) => conditions.push(assigned("$1")),
        Some(AssigneeFilter::Nobody) => conditions.push("c.assignee_id IS NULL".into()),
        Some(AssigneeFilter::User(id)) => {
            let p = param(Bind::Int(*id));
            conditions.push(assigned(&p))
        }
        None => {}
    }
    if q.new_only {
        conditions.push("(v.seen_at IS NULL OR f.submitted_at > v.seen_at)".into());
    }
    if let Some(c) = q.after {
        let t = param(Bind::Int(c.submitted_at));
        let i = param(Bind::Int(c.id));
        let op = if q.oldest_first { ">" } else { "<" };
        conditions.push(format!("(f.submitted_at, f.id) {op} ({t}, {i})"));
    }
    let order = if q.oldest_first { "ASC" } else { "DESC" };
    // one row per incident: its latest version (the unique (incident_id, version) index
    // answers the subquery), with how many versions it has
    conditions.insert(0, LATEST.to_string());
    let filter = if conditions.is_empty() { String::new() } else { format!(" WHERE {}", conditions.join(" AND ")) };
    let sql = format!(
        "SELECT f.id AS filing_id, f.reference, i.reference AS incident_reference, o.name_ko, o.name_en, i.title,
            f.stage, f.status, f.submitted_at, f.severity, a.display_name AS assignee, v.seen_at,
            CAST(CASE WHEN {OVERDUE} THEN 1 ELSE 0 END AS BIGINT) AS overdue,
            CAST((SELECT COUNT(*) FROM filings f3 WHERE f3.incident_id = f.incident_id) AS BIGINT) AS versions,
            CAST(CASE WHEN c.closed_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS case_closed
         FROM filings f
         JOIN incidents i ON i.id = f.incident_id
         JOIN organisations o ON o.id = f.org_id
         LEFT JOIN cases c ON c.incident_id = f.incident_id
         LEFT JOIN users a ON a.id = c.assignee_id
         LEFT JOIN case_visits v ON v.incident_id = f.incident_id AND v.user_id = $1
         {filter} ORDER BY f.submitted_at {order}, f.id {order} LIMIT {}",
        q.page_size() + 1
    );
    let mut rows = with_pool!(db, |p| bind_all!(sqlx::query_as::<_, QueueRow>(&sql), &binds).fetch_all(p).await)?;
    let more = rows.len() > q.page_size() as usize;
    rows.truncate(q.page_size() as usize);
    let next = more.then(|| rows.last().map(|r| Cursor { submitted_at: r.submitted_at, id: r.filing_id })).flatten();
    let rows = rows
        .into_iter()
        .map(|r| {
            let unreadable = || StorageError::Corrupt("stored filing");
            let stage = FilingStage::parse(&r.stage).ok_or_else(unreadable)?;
            Ok(FilingRow {
                stage,
                status: FilingStatus::parse(&r.status).ok_or_else(unreadable)?,
                reference: r.reference,
                incident_reference: r.incident_reference,
                org: Names { ko: r.name_ko, en: r.name_en },
                title: r.title,
                submitted_at: Timestamp(r.submitted_at),
                triage: Some(Triage {
                    versions: u32::try_from(r.versions).unwrap_or(u32::MAX),
                    incident_status: IncidentStatus::of(Some(stage), r.case_closed == 1),
                    assignee: r.assignee,
                    new_since_visit: r.seen_at.is_none_or(|seen| r.submitted_at > seen),
                    severity: r.severity,
                    overdue: r.overdue == 1,
                }),
            })
        })
        .collect::<Result<Vec<_>, StorageError>>()?;
    Ok((rows, next))
}
