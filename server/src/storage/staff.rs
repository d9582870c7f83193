//! Ministry staff, as the system administrator keeps them: reviewers and review leads,
//! invited by e-mail, their role changed, their account disabled (sessions end at once) or
//! enabled again.

use app::domain::audit::AuditAction;
use app::domain::auth::{AdminCap, Role};
use app::domain::timestamp::Timestamp;
use app::i18n::Lang;

use super::audit::{record_audit, AuditEntry};
use super::links::issue_link;
use super::users::set_account_disabled;
use super::{Db, StorageError};
use crate::with_pool;

/// A ministry account or an invitation not yet taken up.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub disabled_at: Option<i64>,
}

/// Ministry staff accounts (reviewers, leads, administrators), by name.
pub async fn list(db: &Db, _cap: &AdminCap) -> Result<Vec<StaffRow>, StorageError> {
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, StaffRow>(
            "SELECT id, display_name, email, role, disabled_at FROM users WHERE org_id IS NULL ORDER BY display_name, id",
        )
        .fetch_all(p)
        .await
    })?)
}

/// Ministry invitations not yet taken up.
pub async fn invitations(db: &Db, _cap: &AdminCap) -> Result<Vec<StaffRow>, StorageError> {
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, StaffRow>(
            "SELECT id, display_name, email, role, NULL AS disabled_at FROM member_invitations
             WHERE org_id IS NULL ORDER BY invited_at",
        )
        .fetch_all(p)
        .await
    })?)
}

fn audit<'a>(
    cap: &AdminCap,
    at: Timestamp,
    action: AuditAction,
    subject: &'a str,
    detail: serde_json::Value,
) -> AuditEntry<'a> {
    AuditEntry { at, actor: Some(cap.user()), org: None, action, subject, detail }
}

/// Invites a reviewer or review lead (replacing an earlier ministry invitation of the
/// address) and e-mails the link. An address that already has an account gets the e-mail
/// too (its link then says so), so this never tells whether an address is known.
pub async fn invite(
    db: &Db,
    cap: &AdminCap,
    name: &str,
    email: &str,
    role: Role,
    lang: Lang,
    at: Timestamp,
) -> Result<(), StorageError> {
    if !matches!(role, Role::Reviewer | Role::ReviewLead) {
        return Err(StorageError::NotOperatorRole);
    }
    let email = email.trim().to_lowercase();
    let subject = format!("invitation:{email}");
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        sqlx::query("DELETE FROM member_invitations WHERE org_id IS NULL AND email = $1")
            .bind(&email)
            .execute(&mut *tx)
            .await?;
        let invitation = sqlx::query_scalar::<_, i64>(
            "INSERT INTO member_invitations (org_id, email, display_name, role, invited_by, invited_at)
             VALUES (NULL, $1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&email)
        .bind(name)
        .bind(role.as_str())
        .bind(cap.user().0)
        .bind(at.0)
        .fetch_one(&mut *tx)
        .await?;
        issue_link!(tx, "invitation", &email, name, lang, Some(invitation), None::<i64>, at)?;
        let detail = serde_json::json!({ "role": role.as_str() });
        record_audit!(&mut *tx, audit(cap, at, AuditAction::StaffInvited, &subject, detail))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Changes a ministry account's role between reviewer and review lead (never the caller's
/// own, never an administrator's).
pub async fn set_role(db: &Db, cap: &AdminCap, user: i64, role: Role, at: Timestamp) -> Result<(), StorageError> {
    if !matches!(role, Role::Reviewer | Role::ReviewLead) {
        return Err(StorageError::NotOperatorRole);
    }
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(
            "UPDATE users SET role = $1 WHERE id = $2 AND org_id IS NULL AND role IN ('reviewer', 'review_lead') AND id <> $3",
        )
        .bind(role.as_str())
        .bind(user)
        .bind(cap.user().0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n != 1 {
            return Err(StorageError::NotFound);
        }
        let subject = format!("user:{user}");
        let detail = serde_json::json!({ "role": role.as_str() });
        record_audit!(&mut *tx, audit(cap, at, AuditAction::StaffRoleChanged, &subject, detail))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Disables a ministry account, ending its sessions at once, or enables it again. Never the
/// caller's own.
pub async fn set_disabled(
    db: &Db,
    cap: &AdminCap,
    user: i64,
    disabled: bool,
    at: Timestamp,
) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let changed = set_account_disabled!(tx, user, None, cap.user().0, disabled, at)?;
        if !changed {
            return Err(StorageError::NotFound);
        }
        let action = if disabled { AuditAction::StaffDisabled } else { AuditAction::StaffEnabled };
        let subject = format!("user:{user}");
        record_audit!(&mut *tx, audit(cap, at, action, &subject, serde_json::json!({})))?;
        tx.commit().await?;
        Ok(())
    })
}
