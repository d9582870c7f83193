//! Invitation and password-reset links: a random token e-mailed to the address, of which
//! only the SHA-256 is stored. A link works once, until it expires, and only while it is the
//! newest of its kind for the address. Using one sets the password and ends every session the
//! account had.

use app::domain::audit::AuditAction;
use app::domain::ids::{OrgId, UserId};
use app::domain::timestamp::Timestamp;
use app::i18n::Lang;
use sha2::{Digest, Sha256};

use super::audit::{record_audit, AuditEntry};
use super::{Db, StorageError};
use crate::with_pool;

/// How long an invitation link works.
pub const INVITATION_SECS: i64 = 72 * 3600;
/// How long a password-reset link works.
pub const RESET_SECS: i64 = 3600;

/// A new random token (256 bits, hex) and the hash stored for it.
pub fn new_token() -> (String, String) {
    let token = hex::encode(rand::random::<[u8; 32]>());
    let hash = token_hash(&token);
    (token, hash)
}

/// The stored form of a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether `s` looks like a token at all (so a mangled link is refused before any lookup).
pub fn is_token(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// Revokes the address's live links of `$purpose`, stores a new one and queues the e-mail
/// carrying it, with the executor `$tx`. Evaluates to `Result<(), sqlx::Error>`.
macro_rules! issue_link {
    ($tx:expr, $purpose:expr, $email:expr, $name:expr, $lang:expr, $invitation:expr, $user:expr, $at:expr) => {{
        let (purpose, email, at): (&'static str, &str, app::domain::timestamp::Timestamp) = ($purpose, $email, $at);
        let (token, hash) = $crate::storage::links::new_token();
        let ttl = if purpose == "invitation" {
            $crate::storage::links::INVITATION_SECS
        } else {
            $crate::storage::links::RESET_SECS
        };
        let path = if purpose == "invitation" { "/login/invitation/" } else { "/login/reset/" };
        let revoked = sqlx::query(
            "UPDATE account_links SET revoked_at = $3
             WHERE purpose = $1 AND email = $2 AND used_at IS NULL AND revoked_at IS NULL",
        )
        .bind(purpose)
        .bind(email)
        .bind(at.0)
        .execute(&mut *$tx)
        .await;
        match revoked {
            Err(e) => Err(e),
            Ok(_) => {
                let stored = sqlx::query(
                    "INSERT INTO account_links (purpose, token_sha256, email, invitation_id, user_id, created_at, expires_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(purpose)
                .bind(&hash)
                .bind(email)
                .bind($invitation)
                .bind($user)
                .bind(at.0)
                .bind(at.0 + ttl)
                .execute(&mut *$tx)
                .await;
                match stored {
                    Err(e) => Err(e),
                    Ok(_) => {
                        let detail = format!("{path}{token}");
                        let user: Option<app::domain::ids::UserId> = $user.map(app::domain::ids::UserId);
                        let mail = $crate::storage::outbox::DirectMail {
                            user,
                            to: email,
                            name: $name,
                            lang: $lang,
                            kind: purpose,
                            detail: &detail,
                            at,
                        };
                        $crate::storage::outbox::queue_direct!($tx, &mail).map(|_| ())
                    }
                }
            }
        }
    }};
}
pub(crate) use issue_link;

/// A reset link for `email`'s account, e-mailed, if the address has an account that may sign
/// in; nothing otherwise. The caller says the same thing either way.
pub async fn request_reset(db: &Db, email: &str, at: Timestamp) -> Result<bool, StorageError> {
    let email = email.trim().to_lowercase();
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let found = sqlx::query_as::<_, (i64, String, String, Option<i64>)>(
            "SELECT u.id, u.display_name, u.lang, u.org_id FROM users u LEFT JOIN organisations o ON o.id = u.org_id
             WHERE u.email = $1 AND u.disabled_at IS NULL AND o.deactivated_at IS NULL",
        )
        .bind(&email)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id, name, lang, org)) = found else { return Ok(false) };
        let lang = Lang::parse(&lang).unwrap_or_default();
        issue_link!(tx, "password_reset", &email, &name, lang, None::<i64>, Some(id), at)?;
        let subject = format!("user:{id}");
        let entry = AuditEntry {
            at,
            actor: None,
            org: org.map(OrgId),
            action: AuditAction::PasswordResetRequested,
            subject: &subject,
            detail: serde_json::json!({}),
        };
        record_audit!(&mut *tx, entry)?;
        tx.commit().await?;
        Ok(true)
    })
}

/// What a live link is for, as its page needs to know.
#[derive(Clone, Debug)]
pub struct LiveLink {
    pub email: String,
    /// The invited person's name (invitations) or the account's (resets).
    pub name: String,
}

/// The link of `token` for `purpose`, if it still works at `now`.
pub async fn live(db: &Db, purpose: &str, token: &str, now: Timestamp) -> Result<Option<LiveLink>, StorageError> {
    if !is_token(token) {
        return Ok(None);
    }
    let row = with_pool!(db, |p| {
        sqlx::query_as::<_, (String, Option<String>, Option<String>)>(
            "SELECT l.email, i.display_name, u.display_name FROM account_links l
             LEFT JOIN member_invitations i ON i.id = l.invitation_id LEFT JOIN users u ON u.id = l.user_id
             WHERE l.token_sha256 = $1 AND l.purpose = $2 AND l.used_at IS NULL AND l.revoked_at IS NULL
               AND l.expires_at > $3",
        )
        .bind(token_hash(token))
        .bind(purpose)
        .bind(now.0)
        .fetch_optional(p)
        .await
    })?;
    Ok(row.map(|(email, invited, user)| LiveLink { email, name: invited.or(user).unwrap_or_default() }))
}

/// How using a link ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Used {
    /// The password is set: the account (new, for an invitation).
    Done(UserId),
    /// The link is unknown, used, revoked or expired.
    Dead,
    /// The invited address got an account meanwhile (another organisation's, say).
    AddressTaken,
}

/// Marks the live link of `$token` for `$purpose` used, with the executor `$tx`; evaluates to
/// its (account, invitation), or `None` when it does not work. The first statement of a use,
/// so two uses at once take it once.
macro_rules! take_link {
    ($tx:expr, $purpose:expr, $token:expr, $at:expr) => {
        sqlx::query_as::<_, (Option<i64>, Option<i64>)>(
            "UPDATE account_links SET used_at = $3
             WHERE token_sha256 = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL
               AND expires_at > $3 RETURNING user_id, invitation_id",
        )
        .bind(token_hash($token))
        .bind($purpose)
        .bind($at.0)
        .fetch_optional(&mut *$tx)
        .await
    };
}

/// Takes the link (once) and, for a reset, sets the password and ends every session of the
/// account.
pub async fn reset_password(db: &Db, token: &str, hash: &str, at: Timestamp) -> Result<Used, StorageError> {
    if !is_token(token) {
        return Ok(Used::Dead);
    }
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let taken = take_link!(tx, "password_reset", token, at)?.and_then(|(user, _)| user);
        let Some(user) = taken else { return Ok(Used::Dead) };
        let org = sqlx::query_scalar::<_, Option<i64>>(
            "UPDATE users SET password_hash = $1, must_change_password = FALSE, session_epoch = session_epoch + 1
             WHERE id = $2 AND disabled_at IS NULL RETURNING org_id",
        )
        .bind(hash)
        .bind(user)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(org) = org else { return Ok(Used::Dead) };
        super::users::end_sessions!(tx, user, at)?;
        let subject = format!("user:{user}");
        let entry = AuditEntry {
            at,
            actor: Some(UserId(user)),
            org: org.map(OrgId),
            action: AuditAction::PasswordReset,
            subject: &subject,
            detail: serde_json::json!({}),
        };
        record_audit!(&mut *tx, entry)?;
        tx.commit().await?;
        Ok(Used::Done(UserId(user)))
    })
}

/// Takes an invitation link (once) and makes the account with the chosen password; every
/// invitation of the address goes.
pub async fn accept_invitation(db: &Db, token: &str, hash: &str, at: Timestamp) -> Result<Used, StorageError> {
    if !is_token(token) {
        return Ok(Used::Dead);
    }
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let taken = take_link!(tx, "invitation", token, at)?.and_then(|(_, invitation)| invitation);
        let Some(invitation) = taken else { return Ok(Used::Dead) };
        let row = sqlx::query_as::<_, (Option<i64>, String, String, String, i64)>(
            "SELECT i.org_id, i.email, i.display_name, i.role, i.invited_by FROM member_invitations i
             LEFT JOIN organisations o ON o.id = i.org_id WHERE i.id = $1 AND o.deactivated_at IS NULL",
        )
        .bind(invitation)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((org, email, name, role, invited_by)) = row else { return Ok(Used::Dead) };
        let created = sqlx::query_scalar::<_, i64>(
            "INSERT INTO users (email, display_name, password_hash, role, org_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id",
        )
        .bind(&email)
        .bind(&name)
        .bind(hash)
        .bind(&role)
        .bind(org)
        .bind(at.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = created else {
            // the link stays used: the address has an account, which signs in as before
            tx.commit().await?;
            return Ok(Used::AddressTaken);
        };
        sqlx::query("DELETE FROM member_invitations WHERE email = $1").bind(&email).execute(&mut *tx).await?;
        let subject = format!("user:{id}");
        let entry = AuditEntry {
            at,
            actor: Some(UserId(id)),
            org: org.map(OrgId),
            action: AuditAction::TeamMemberJoined,
            subject: &subject,
            detail: serde_json::json!({ "role": role, "invited_by": invited_by }),
        };
        record_audit!(&mut *tx, entry)?;
        tx.commit().await?;
        Ok(Used::Done(UserId(id)))
    })
}
