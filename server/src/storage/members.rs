//! Colleagues joining and leaving an organisation: invitations e-mailed as a link (the
//! invited person chooses their password there; `storage::links`), and disabling an account.
//!
//! Adding a colleague never says whether the address has an account elsewhere (another
//! organisation, the ministry): it always records an invitation and e-mails the address.
//! Only an address that has no account becomes one when the link is used; the admin sees
//! "invited" either way.

use app::domain::audit::AuditAction;
use app::domain::auth::{OperatorCap, Role};
use app::domain::timestamp::Timestamp;
use app::i18n::Lang;

use super::audit::{record_audit, AuditEntry};
use super::links::issue_link;
use super::users::set_account_disabled;
use super::{Db, StorageError};
use crate::with_pool;

/// A colleague to invite.
pub struct NewMember<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub role: Role,
}

/// Records (or renews) an invitation to the caller's organisation and e-mails its link (in
/// `lang`, the inviter's language: the invited person has none yet), with its audit record.
/// A renewed invitation's earlier link stops working.
pub async fn invite(
    db: &Db,
    cap: &OperatorCap,
    m: NewMember<'_>,
    lang: Lang,
    at: Timestamp,
) -> Result<(), StorageError> {
    if !m.role.is_operator() {
        return Err(StorageError::NotOperatorRole);
    }
    let email = m.email.trim().to_lowercase();
    let subject = format!("invitation:{email}");
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        // One statement: nothing is inserted for an address that is already a colleague, so
        // no account can be created between a check and the insert.
        let recorded = sqlx::query_scalar::<_, i64>(
            "INSERT INTO member_invitations (org_id, email, display_name, role, invited_by, invited_at)
             SELECT $1, $2, $3, $4, $5, $6
             WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = $2 AND org_id = $1)
             ON CONFLICT (org_id, email) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                 invited_by = excluded.invited_by, invited_at = excluded.invited_at
             RETURNING id",
        )
        .bind(cap.org().0)
        .bind(&email)
        .bind(m.name)
        .bind(m.role.as_str())
        .bind(cap.user().0)
        .bind(at.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(invitation) = recorded else { return Err(StorageError::AlreadyMember) };
        issue_link!(tx, "invitation", &email, m.name, lang, Some(invitation), None::<i64>, at)?;
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
        let mut tx = p.begin_write().await?;
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
        let mut tx = p.begin_write().await?;
        let changed = set_account_disabled!(tx, user, Some(cap.org().0), cap.user().0, disabled, at)?;
        if !changed {
            return Err(StorageError::NotFound);
        }
        let action = if disabled { AuditAction::TeamMemberDisabled } else { AuditAction::TeamMemberEnabled };
        let subject = format!("user:{user}");
        record_audit!(&mut *tx, AuditEntry::by_operator(cap, at, action, &subject, serde_json::json!({})))?;
        tx.commit().await?;
        Ok(())
    })
}
