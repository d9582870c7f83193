//! Colleagues joining and leaving an organisation: invitations with a first password, the
//! first sign-in that turns one into an account, and disabling an account.
//!
//! Adding a colleague never says whether the address has an account elsewhere (another
//! organisation, the ministry): it always records an invitation. Only an address that has no
//! account becomes one, at its first sign-in with the first password; the admin sees
//! "invited" either way.

use app::domain::audit::AuditAction;
use app::domain::auth::{OperatorCap, Role};
use app::domain::ids::UserId;
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::{Db, StorageError};
use crate::with_pool;

/// A colleague to invite.
pub struct NewMember<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
}

/// Records (or renews) an invitation to the caller's organisation, with its audit record.
pub async fn invite(db: &Db, cap: &OperatorCap, m: NewMember<'_>, at: Timestamp) -> Result<(), StorageError> {
    if !m.role.is_operator() {
        return Err(StorageError::NotOperatorRole);
    }
    let email = m.email.trim().to_lowercase();
    let subject = format!("invitation:{email}");
    with_pool!(db, |p| {
        let mut tx = p.begin().await?;
        // One statement: nothing is inserted for an address that is already a colleague, so
        // no account can be created between a check and the insert.
        let recorded = sqlx::query(
            "INSERT INTO member_invitations (org_id, email, display_name, role, password_hash, invited_by, invited_at)
             SELECT $1, $2, $3, $4, $5, $6, $7
             WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = $2 AND org_id = $1)
             ON CONFLICT (org_id, email) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                 password_hash = excluded.password_hash, invited_by = excluded.invited_by, invited_at = excluded.invited_at",
        )
        .bind(cap.org().0)
        .bind(&email)
        .bind(m.name)
        .bind(m.role.as_str())
        .bind(m.password_hash)
        .bind(cap.user().0)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        if recorded.rows_affected() == 0 {
            return Err(StorageError::AlreadyMember);
        }
        record_audit!(
            &mut *tx,
            AuditEntry::by_operator(
                cap,
                at,
                AuditAction::TeamMemberInvited,
                &subject,
                serde_json::json!({ "role": m.role.as_str() })
            )
        )?;
        tx.commit().await?;
        Ok(())
    })
}

/// The newest invitation of an address: (id, password hash).
pub async fn invitation(db: &Db, email: &str) -> Result<Option<(i64, String)>, sqlx::Error> {
    with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, String)>(
            "SELECT id, password_hash FROM member_invitations WHERE email = $1 ORDER BY invited_at DESC, id DESC LIMIT 1",
        )
        .bind(email)
        .fetch_optional(p)
        .await
    })
}

/// Turns a verified invitation into an account that must change its first password; every
/// invitation of the address goes. `None` when the address got an account meanwhile.
pub async fn accept(db: &Db, invitation: i64, at: Timestamp) -> Result<Option<UserId>, sqlx::Error> {
    with_pool!(db, |p| {
        let mut tx = p.begin().await?;
        let row = sqlx::query_as::<_, (i64, String, String, String, String, i64)>(
            "SELECT org_id, email, display_name, role, password_hash, invited_by FROM member_invitations WHERE id = $1",
        )
        .bind(invitation)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((org, email, name, role, hash, invited_by)) = row else { return Ok(None) };
        let created = sqlx::query_scalar::<_, i64>(
            "INSERT INTO users (email, display_name, password_hash, role, org_id, created_at, must_change_password)
             VALUES ($1, $2, $3, $4, $5, $6, TRUE) ON CONFLICT (email) DO NOTHING RETURNING id",
        )
        .bind(&email)
        .bind(&name)
        .bind(&hash)
        .bind(&role)
        .bind(org)
        .bind(at.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = created else { return Ok(None) };
        sqlx::query("DELETE FROM member_invitations WHERE email = $1").bind(&email).execute(&mut *tx).await?;
        let subject = format!("user:{id}");
        record_audit!(
            &mut *tx,
            AuditEntry {
                at,
                actor: Some(UserId(id)),
                org: Some(app::domain::ids::OrgId(org)),
                action: AuditAction::TeamMemberJoined,
                subject: &subject,
                detail: serde_json::json!({ "role": role, "invited_by": invited_by })
            }
        )?;
        tx.commit().await?;
        Ok(Some(UserId(id)))
    })
}

/// The caller's organisation's open invitations: (id, name, e-mail, role).
pub async fn invitations(db: &Db, cap: &OperatorCap) -> Result<Vec<(i64, String, String, Role)>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, String, String, String)>(
            "SELECT id, display_name, email, role FROM member_invitations WHERE org_id = $1 ORDER BY invited_at",
        )
        .bind(cap.org().0)
        .fetch_all(p)
        .await
    })?;
    Ok(rows.into_iter().filter_map(|(id, n, e, r)| Role::parse(&r).map(|r| (id, n, e, r))).collect())
}

/// Withdraws an invitation of the caller's organisation.
pub async fn withdraw(db: &Db, cap: &OperatorCap, invitation: i64, at: Timestamp) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin().await?;
        let n = sqlx::query("DELETE FROM member_invitations WHERE id = $1 AND org_id = $2")
            .bind(invitation)
            .bind(cap.org().0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n != 1 {
            return Err(StorageError::NotFound);
        }
        let subject = format!("invitation:{invitation}");
        record_audit!(
            &mut *tx,
            AuditEntry::by_operator(cap, at, AuditAction::TeamInvitationWithdrawn, &subject, serde_json::json!({}))
        )?;
        tx.commit().await?;
        Ok(())
    })
}

/// Disables (or enables again) a colleague's account; disabling ends their sessions. Never
/// the caller themself; another organisation's person is not found.
pub async fn set_disabled(
    db: &Db,
    cap: &OperatorCap,
    user: i64,
    disabled: bool,
    at: Timestamp,
) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin().await?;
        // Enabling keeps the epoch: sessions ended by disabling stay ended.
        let n = sqlx::query(
            "UPDATE users SET disabled_at = CASE WHEN $1 THEN $2 ELSE NULL END,
                              disabled_by = CASE WHEN $1 THEN $3 ELSE NULL END,
                              session_epoch = session_epoch + CASE WHEN $1 THEN 1 ELSE 0 END
             WHERE id = $4 AND org_id = $5 AND id <> $3 AND (disabled_at IS NULL) = $1",
        )
        .bind(disabled)
        .bind(at.0)
        .bind(cap.user().0)
        .bind(user)
        .bind(cap.org().0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n != 1 {
            return Err(StorageError::NotFound);
        }
        let action = if disabled { AuditAction::TeamMemberDisabled } else { AuditAction::TeamMemberEnabled };
        let subject = format!("user:{user}");
        record_audit!(&mut *tx, AuditEntry::by_operator(cap, at, action, &subject, serde_json::json!({})))?;
        tx.commit().await?;
        Ok(())
    })
}
