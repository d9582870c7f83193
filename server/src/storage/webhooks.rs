//! An organisation's webhook endpoints and their deliveries. Endpoints are registered, turned
//! on again and deleted by the organisation's admin (audited); deliveries are queued with the
//! notification that causes them (`record_notice!`), claimed under a lease like the e-mail
//! outbox, and settled with the receiver's answer. An endpoint whose attempts keep failing is
//! turned off.

use app::api::{WebhookDelivery, WebhookRow};
use app::domain::audit::AuditAction;
use app::domain::auth::OperatorCap;
use app::domain::timestamp::Timestamp;
use app::domain::webhook::{DISABLE_AFTER, MAX_PER_ORG};

use super::audit::{record_audit, AuditEntry};
use super::{Db, StorageError};
use crate::with_pool;

/// Deliveries listed per endpoint.
const LOG_ROWS: i64 = 20;

/// A delivery due, with where and how to send it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Due {
    pub id: i64,
    pub webhook_id: i64,
    pub event: String,
    pub reference: String,
    pub detail: String,
    pub created_at: i64,
    pub attempts: i64,
    pub url: String,
    pub secret: String,
    /// The endpoint was turned off or deleted after the delivery was queued.
    pub off: bool,
}

/// How one attempt ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The receiver answered 2xx.
    Delivered(i64),
    /// Failed (its status, or none, and why); try again at `next`.
    Retry { status: Option<i64>, error: String, next: Timestamp },
    /// Failed for good: too many attempts, or the endpoint is off.
    Failed { status: Option<i64>, error: String },
}

fn audit<'a>(
    cap: &OperatorCap,
    at: Timestamp,
    action: AuditAction,
    subject: &'a str,
    detail: serde_json::Value,
) -> AuditEntry<'a> {
    AuditEntry::by_operator(cap, at, action, subject, detail)
}

/// Registers an endpoint of the admin's organisation; `RecordLimit` past [`MAX_PER_ORG`].
pub async fn create(
    db: &Db,
    cap: &OperatorCap,
    url: &str,
    events: &[String],
    secret: &str,
    at: Timestamp,
) -> Result<i64, StorageError> {
    let events = events.join(",");
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM webhooks WHERE org_id = $1 AND deleted_at IS NULL")
            .bind(cap.org().0)
            .fetch_one(&mut *tx)
            .await?;
        if n >= MAX_PER_ORG as i64 {
            return Err(StorageError::RecordLimit);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO webhooks (org_id, url, events, secret, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)
             RETURNING id",
        )
        .bind(cap.org().0)
        .bind(url)
        .bind(&events)
        .bind(secret)
        .bind(cap.user().0)
        .bind(at.0)
        .fetch_one(&mut *tx)
        .await?;
        let subject = format!("webhook:{id}");
        let detail = serde_json::json!({ "url": url, "events": events });
        record_audit!(&mut *tx, audit(cap, at, AuditAction::WebhookRegistered, &subject, detail))?;
        tx.commit().await?;
        Ok(id)
    })
}

/// What an admin may do to an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Turn it on again (after the desk turned it off).
    Enable,
    /// Delete it; deliveries still waiting are cancelled.
    Delete,
    /// Queue a test event.
    Ping,
}

/// Applies `change` to endpoint `id` of the admin's organisation (`NotFound` for another's).
pub async fn change(db: &Db, cap: &OperatorCap, id: i64, change: Change, at: Timestamp) -> Result<(), StorageError> {
    let subject = format!("webhook:{id}");
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let url: Option<String> =
            sqlx::query_scalar("SELECT url FROM webhooks WHERE id = $1 AND org_id = $2 AND deleted_at IS NULL")
                .bind(id)
                .bind(cap.org().0)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(url) = url else { return Err(StorageError::NotFound) };
        let action = match change {
            Change::Enable => {
                sqlx::query(
                    "UPDATE webhooks SET disabled_at = NULL, disabled_reason = NULL, failures = 0 WHERE id = $1",
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
                Some(AuditAction::WebhookEnabled)
            }
            Change::Delete => {
                sqlx::query("UPDATE webhooks SET deleted_at = $1 WHERE id = $2")
                    .bind(at.0)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "UPDATE webhook_deliveries SET state = 'failed', last_error = 'cancelled: webhook deleted',
                            lease_owner = NULL, lease_until = NULL
                     WHERE webhook_id = $1 AND state = 'pending'",
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
                Some(AuditAction::WebhookDeleted)
            }
            Change::Ping => {
                sqlx::query(
                    "INSERT INTO webhook_deliveries (webhook_id, event, created_at, next_attempt_at) VALUES ($1, $2, $3, $3)",
                )
                .bind(id)
                .bind(app::domain::webhook::PING)
                .bind(at.0)
                .execute(&mut *tx)
                .await?;
                None
            }
        };
        if let Some(action) = action {
            record_audit!(&mut *tx, audit(cap, at, action, &subject, serde_json::json!({ "url": url })))?;
        }
        tx.commit().await?;
        Ok(())
    })
}

#[derive(sqlx::FromRow)]
struct HookRow {
    id: i64,
    url: String,
    events: String,
    created_at: i64,
    created_by: String,
    failures: i64,
    disabled_at: Option<i64>,
    disabled_reason: Option<String>,
}

#[derive(sqlx::FromRow)]
struct DeliveryRow {
    id: i64,
    event: String,
    reference: String,
    created_at: i64,
    state: String,
    attempts: i64,
    next_attempt_at: i64,
    delivered_at: Option<i64>,
    last_status: Option<i64>,
    last_error: String,
}

/// The organisation's endpoints (not deleted), each with its newest deliveries.
pub async fn list(db: &Db, cap: &OperatorCap) -> Result<Vec<WebhookRow>, StorageError> {
    let hooks = with_pool!(db, |p| {
        sqlx::query_as::<_, HookRow>(
            "SELECT w.id, w.url, w.events, w.created_at, u.display_name AS created_by, w.failures, w.disabled_at,
                    w.disabled_reason
             FROM webhooks w JOIN users u ON u.id = w.created_by
             WHERE w.org_id = $1 AND w.deleted_at IS NULL ORDER BY w.id",
        )
        .bind(cap.org().0)
        .fetch_all(p)
        .await
    })?;
    let mut out = Vec::with_capacity(hooks.len());
    for h in hooks {
        let rows = with_pool!(db, |p| {
            sqlx::query_as::<_, DeliveryRow>(
                "SELECT id, event, reference, created_at, state, attempts, next_attempt_at, delivered_at, last_status,
                        last_error
                 FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2",
            )
            .bind(h.id)
            .bind(LOG_ROWS)
            .fetch_all(p)
            .await
        })?;
        out.push(WebhookRow {
            id: h.id,
            url: h.url,
            events: h.events.split(',').filter(|e| !e.is_empty()).map(str::to_string).collect(),
            created_at: Timestamp(h.created_at),
            created_by: h.created_by,
            failures: h.failures,
            disabled_at: h.disabled_at.map(Timestamp),
            disabled_by_desk: h.disabled_reason.as_deref() == Some("failures"),
            deliveries: rows
                .into_iter()
                .map(|d| WebhookDelivery {
                    id: d.id,
                    event: d.event,
                    reference: d.reference,
                    created_at: Timestamp(d.created_at),
                    state: d.state,
                    attempts: d.attempts,
                    next_attempt_at: Timestamp(d.next_attempt_at),
                    delivered_at: d.delivered_at.map(Timestamp),
                    last_status: d.last_status,
                    last_error: d.last_error,
                })
                .collect(),
        });
    }
    Ok(out)
}

/// Claims up to `limit` due deliveries for `owner` until `lease_until`.
pub async fn claim(
    db: &Db,
    owner: &str,
    now: Timestamp,
    lease_until: Timestamp,
    limit: i64,
) -> Result<Vec<Due>, StorageError> {
    let claimed = super::claim_leased(db, "webhook_deliveries", owner, now, lease_until, limit).await?;
    if claimed.is_empty() {
        return Ok(Vec::new());
    }
    let ids = claimed.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    // the ids are numbers the database just gave: safe to write into the statement
    let sql = format!(
        "SELECT d.id, d.webhook_id, d.event, d.reference, d.detail, d.created_at, d.attempts, w.url, w.secret,
                (w.disabled_at IS NOT NULL OR w.deleted_at IS NOT NULL) AS off
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id IN ({ids}) ORDER BY d.id"
    );
    Ok(with_pool!(db, |p| sqlx::query_as::<_, Due>(&sql).fetch_all(p).await)?)
}

/// Records how `owner`'s attempt on delivery `due` ended, and the endpoint's run of failures:
/// the endpoint is turned off (and that audited) at [`DISABLE_AFTER`] in a row. Answers
/// `false` (and changes nothing) when the lease was lost meanwhile.
pub async fn settle(db: &Db, due: &Due, owner: &str, outcome: &Outcome, at: Timestamp) -> Result<bool, StorageError> {
    let (state, next, delivered, status, error) = match outcome {
        Outcome::Delivered(status) => ("delivered", at.0, Some(at.0), Some(*status), String::new()),
        Outcome::Retry { status, error, next } => ("pending", next.0, None, *status, error.clone()),
        Outcome::Failed { status, error } => ("failed", at.0, None, *status, error.clone()),
    };
    let error: String = error.chars().take(500).collect();
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(
            "UPDATE webhook_deliveries SET state = $1, next_attempt_at = $2, delivered_at = $3, last_status = $4,
                    last_error = $5, attempts = attempts + 1, lease_owner = NULL, lease_until = NULL
             WHERE id = $6 AND lease_owner = $7 AND state = 'pending'",
        )
        .bind(state)
        .bind(next)
        .bind(delivered)
        .bind(status)
        .bind(&error)
        .bind(due.id)
        .bind(owner)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n != 1 {
            return Ok(false);
        }
        if due.off {
            // nothing was sent: the endpoint's record is not the endpoint's doing
        } else if matches!(outcome, Outcome::Delivered(_)) {
            sqlx::query("UPDATE webhooks SET failures = 0 WHERE id = $1")
                .bind(due.webhook_id)
                .execute(&mut *tx)
                .await?;
        } else {
            let failures: i64 =
                sqlx::query_scalar("UPDATE webhooks SET failures = failures + 1 WHERE id = $1 RETURNING failures")
                    .bind(due.webhook_id)
                    .fetch_one(&mut *tx)
                    .await?;
            if failures == DISABLE_AFTER {
                sqlx::query("UPDATE webhooks SET disabled_at = $1, disabled_reason = 'failures' WHERE id = $2")
                    .bind(at.0)
                    .bind(due.webhook_id)
                    .execute(&mut *tx)
                    .await?;
                let subject = format!("webhook:{}", due.webhook_id);
                let org: i64 = sqlx::query_scalar("SELECT org_id FROM webhooks WHERE id = $1")
                    .bind(due.webhook_id)
                    .fetch_one(&mut *tx)
                    .await?;
                let entry = AuditEntry {
                    at,
                    actor: None,
                    org: Some(app::domain::ids::OrgId(org)),
                    action: AuditAction::WebhookDisabled,
                    subject: &subject,
                    detail: serde_json::json!({ "url": due.url, "failures": failures, "last_error": error }),
                };
                record_audit!(&mut *tx, entry)?;
            }
        }
        tx.commit().await?;
        Ok(true)
    })
}
