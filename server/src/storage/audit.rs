//! The audit log: who did what, when. Written in the same transaction as the change it
//! records, so there is never a change without its record.

use app::domain::audit::AuditAction;
use app::domain::ids::{OrgId, UserId};
use app::domain::timestamp::Timestamp;

/// One audit entry.
pub struct AuditEntry<'a> {
    pub at: Timestamp,
    pub actor: Option<UserId>,
    pub org: Option<OrgId>,
    pub action: AuditAction,
    pub subject: &'a str,
    pub detail: serde_json::Value,
}

impl<'a> AuditEntry<'a> {
    /// Something an operator did within their own organisation.
    pub fn by_operator(
        cap: &app::domain::auth::OperatorCap,
        at: Timestamp,
        action: AuditAction,
        subject: &'a str,
        detail: serde_json::Value,
    ) -> Self {
        AuditEntry { at, actor: Some(cap.user()), org: Some(cap.org()), action, subject, detail }
    }

    /// Something a ministry reviewer did on a case.
    pub fn by_reviewer(
        cap: &app::domain::auth::ReviewerCap,
        at: Timestamp,
        action: AuditAction,
        subject: &'a str,
        detail: serde_json::Value,
    ) -> Self {
        AuditEntry { at, actor: Some(cap.user()), org: None, action, subject, detail }
    }
}

/// Inserts an entry using the given executor (a transaction, normally).
macro_rules! record_audit {
    ($exec:expr, $entry:expr) => {{
        let e = $entry;
        sqlx::query(
            "INSERT INTO audit_log (at, actor_id, org_id, action, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(e.at.0)
        .bind(e.actor.map(|u| u.0))
        .bind(e.org.map(|o| o.0))
        .bind(e.action.code())
        .bind(e.subject)
        .bind(e.detail.to_string())
        .execute($exec)
        .await
    }};
}
pub(crate) use record_audit;

/// Records an entry outside any other change (sign-in, sign-out).
pub async fn record(db: &super::Db, entry: AuditEntry<'_>) -> Result<(), sqlx::Error> {
    crate::with_pool!(db, |p| record_audit!(p, &entry).map(|_| ()))
}

/// Number of entries with this action and subject; used by tests.
pub async fn count(db: &super::Db, action: AuditAction, subject: &str) -> Result<i64, sqlx::Error> {
    crate::with_pool!(db, |p| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND subject = $2")
            .bind(action.code())
            .bind(subject)
            .fetch_one(p)
            .await
    })
}

/// An audit entry as the administrator reads it: (at, actor's name, action code, subject,
/// detail).
pub type AuditLine = (i64, Option<String>, String, String, String);

/// The newest entries whose action code starts with `prefix` (all when empty).
pub async fn recent(db: &super::Db, prefix: &str, limit: i64) -> Result<Vec<AuditLine>, sqlx::Error> {
    let pattern = format!("{}%", prefix.replace(['%', '_', '\\'], ""));
    crate::with_pool!(db, |p| {
        sqlx::query_as::<_, AuditLine>(
            "SELECT a.at, u.display_name, a.action, a.subject, a.detail FROM audit_log a
             LEFT JOIN users u ON u.id = a.actor_id WHERE a.action LIKE $1 ORDER BY a.id DESC LIMIT $2",
        )
        .bind(&pattern)
        .bind(limit)
        .fetch_all(p)
        .await
    })
}
