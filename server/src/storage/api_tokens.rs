//! Personal API tokens: made on the account page (shown once; only a SHA-256 of the token is
//! kept), found by their public prefix on every API request, revoked by their owner. Creation,
//! revocation and the first use of each scope are audited in the same transaction.

use app::api::ApiTokenRow;
use app::domain::api_token::{self, NewToken, Scope};
use app::domain::audit::AuditAction;
use app::domain::auth::Caller;
use app::domain::ids::UserId;
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::{Db, StorageError};
use crate::with_pool;

/// Seconds between two writes of "last used" (a busy integration must not write every request).
const TOUCH_EVERY: i64 = 60;

/// A token as the API's authentication reads it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StoredToken {
    pub id: i64,
    pub user_id: i64,
    pub role: String,
    pub org_id: Option<i64>,
    pub token_sha256: String,
    pub scopes: String,
    pub scopes_used: String,
    pub expires_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// Stores a new token of `caller` (its role and organisation now are what it will act as).
/// `RecordLimit` when the person already holds [`api_token::MAX_LIVE`] live tokens.
pub async fn create(
    db: &Db,
    caller: &Caller,
    new: &NewToken,
    prefix: &str,
    token_sha256: &str,
    at: Timestamp,
) -> Result<i64, StorageError> {
    let expires = at.0 + new.days * 86_400;
    let scopes = api_token::join(&new.scopes);
    let subject = format!("user:{}", caller.user_id);
    let detail = serde_json::json!({ "name": new.name, "prefix": prefix, "scopes": scopes, "expires_at": Timestamp(expires).to_utc_string() });
    let entry = AuditEntry {
        at,
        actor: Some(caller.user_id),
        org: caller.org_id,
        action: AuditAction::ApiTokenCreated,
        subject: &subject,
        detail,
    };
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let live: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2",
        )
        .bind(caller.user_id.0)
        .bind(at.0)
        .fetch_one(&mut *tx)
        .await?;
        if live >= api_token::MAX_LIVE as i64 {
            return Err(StorageError::RecordLimit);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_tokens (user_id, role, org_id, name, prefix, token_sha256, scopes, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(caller.user_id.0)
        .bind(caller.role.as_str())
        .bind(caller.org_id.map(|o| o.0))
        .bind(&new.name)
        .bind(prefix)
        .bind(token_sha256)
        .bind(&scopes)
        .bind(at.0)
        .bind(expires)
        .fetch_one(&mut *tx)
        .await?;
        record_audit!(&mut *tx, entry)?;
        tx.commit().await?;
        Ok(id)
    })
}

/// The person's tokens, live ones first, newest first (revoked and expired ones stay listed
/// for a while so the owner can see what ended; 90 days).
pub async fn list(db: &Db, user: UserId, now: Timestamp) -> Result<Vec<ApiTokenRow>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, String, String, String, i64, i64, Option<i64>, Option<i64>)>(
            "SELECT id, name, prefix, scopes, created_at, expires_at, last_used_at, revoked_at FROM api_tokens
             WHERE user_id = $1 AND COALESCE(revoked_at, expires_at) > $2
             ORDER BY (revoked_at IS NULL AND expires_at > $3) DESC, created_at DESC, id DESC",
        )
        .bind(user.0)
        .bind(now.0 - 90 * 86_400)
        .bind(now.0)
        .fetch_all(p)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, name, prefix, scopes, created, expires, used, revoked)| ApiTokenRow {
            id,
            name,
            prefix,
            scopes: api_token::split(&scopes),
            created_at: Timestamp(created),
            expires_at: Timestamp(expires),
            last_used_at: used.map(Timestamp),
            revoked_at: revoked.map(Timestamp),
            live: revoked.is_none() && expires > now.0,
        })
        .collect())
}

/// Revokes one of the person's own live tokens; `NotFound` for anyone else's or one already ended.
pub async fn revoke(db: &Db, caller: &Caller, id: i64, at: Timestamp) -> Result<(), StorageError> {
    let subject = format!("user:{}", caller.user_id);
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let prefix: Option<String> = sqlx::query_scalar(
            "UPDATE api_tokens SET revoked_at = $1, revoked_by = $2
             WHERE id = $3 AND user_id = $2 AND revoked_at IS NULL RETURNING prefix",
        )
        .bind(at.0)
        .bind(caller.user_id.0)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(prefix) = prefix else { return Err(StorageError::NotFound) };
        let entry = AuditEntry {
            at,
            actor: Some(caller.user_id),
            org: caller.org_id,
            action: AuditAction::ApiTokenRevoked,
            subject: &subject,
            detail: serde_json::json!({ "prefix": prefix }),
        };
        record_audit!(&mut *tx, entry)?;
        tx.commit().await?;
        Ok(())
    })
}

/// The token with this public prefix, if any.
pub async fn by_prefix(db: &Db, prefix: &str) -> Result<Option<StoredToken>, StorageError> {
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, StoredToken>(
            "SELECT id, user_id, role, org_id, token_sha256, scopes, scopes_used, expires_at, last_used_at, revoked_at
             FROM api_tokens WHERE prefix = $1",
        )
        .bind(prefix)
        .fetch_optional(p)
        .await
    })?)
}

/// Records that the token was used at `at` (at most once a minute).
pub async fn touch(db: &Db, token: &StoredToken, at: Timestamp) -> Result<(), StorageError> {
    if token.last_used_at.is_some_and(|t| at.0 - t < TOUCH_EVERY) {
        return Ok(());
    }
    with_pool!(db, |p| {
        sqlx::query(
            "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
        )
        .bind(at.0)
        .bind(token.id)
        .bind(at.0 - TOUCH_EVERY)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Marks `scope` as used by the token and audits its first use (once, even when two requests
/// use it at the same moment: the update is conditional on what was read).
pub async fn note_scope_used(
    db: &Db,
    token: &StoredToken,
    caller: &Caller,
    scope: Scope,
    at: Timestamp,
) -> Result<(), StorageError> {
    let mut used = api_token::split(&token.scopes_used);
    if used.contains(&scope) {
        return Ok(());
    }
    used.push(scope);
    let joined = api_token::join(&used);
    let subject = format!("user:{}", caller.user_id);
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query("UPDATE api_tokens SET scopes_used = $1 WHERE id = $2 AND scopes_used = $3")
            .bind(&joined)
            .bind(token.id)
            .bind(&token.scopes_used)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 1 {
            let entry = AuditEntry {
                at,
                actor: Some(caller.user_id),
                org: caller.org_id,
                action: AuditAction::ApiScopeFirstUsed,
                subject: &subject,
                detail: serde_json::json!({ "token": token.id, "scope": scope.as_str() }),
            };
            record_audit!(&mut *tx, entry)?;
        }
        tx.commit().await?;
        Ok(())
    })
}
