//! Two-step verification of each account: the key being set up, the key in use with the last
//! step accepted (no code works twice), and the recovery codes (SHA-256 only, each once).
//! Every change is one transaction with its audit record.

use app::domain::audit::AuditAction;
use app::domain::auth::{AdminCap, OperatorCap, Role};
use app::domain::ids::UserId;
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::{Db, StorageError};
use crate::with_pool;

/// An account's two-step verification as stored.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TwoStep {
    pub email: String,
    pub role: String,
    /// The key in use (base32); `None`: not set up.
    pub secret: Option<String>,
    pub enrolled_at: Option<i64>,
    pub last_step: Option<i64>,
    /// A key shown for setting up, not yet confirmed by a code.
    pub setup_secret: Option<String>,
    pub setup_at: Option<i64>,
    /// Recovery codes not yet used.
    pub recovery_left: i64,
}

impl TwoStep {
    pub fn role(&self) -> Option<Role> {
        Role::parse(&self.role)
    }
}

/// The two-step state of `user`.
pub async fn of(db: &Db, user: UserId) -> Result<TwoStep, StorageError> {
    let row = with_pool!(db, |p| {
        sqlx::query_as::<_, TwoStep>(
            "SELECT u.email, u.role, u.totp_secret AS secret, u.totp_enrolled_at AS enrolled_at,
                    u.totp_last_step AS last_step, u.totp_setup_secret AS setup_secret,
                    u.totp_setup_at AS setup_at,
                    (SELECT COUNT(*) FROM recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL) AS recovery_left
             FROM users u WHERE u.id = $1",
        )
        .bind(user.0)
        .fetch_optional(p)
        .await
    })?;
    row.ok_or(StorageError::NotFound)
}

fn entry(
    actor: UserId,
    at: Timestamp,
    action: AuditAction,
    subject: &str,
    detail: serde_json::Value,
) -> AuditEntry<'_> {
    AuditEntry { at, actor: Some(actor), org: None, action, subject, detail }
}

/// Shows a new key for setting up (replacing one shown before); the key in use, if any, keeps
/// working until a code from the new one confirms it.
pub async fn begin_setup(db: &Db, user: UserId, secret: &str, at: Timestamp) -> Result<(), StorageError> {
    let n = with_pool!(db, |p| {
        sqlx::query("UPDATE users SET totp_setup_secret = $1, totp_setup_at = $2 WHERE id = $3")
            .bind(secret)
            .bind(at.0)
            .bind(user.0)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    super::one_row(n)
}

/// Inserts the recovery codes `hashes` of `user` (after deleting every earlier one) with `$tx`.
macro_rules! replace_recovery_codes {
    ($tx:expr, $user:expr, $hashes:expr, $at:expr) => {{
        let (user, hashes, at): (i64, &[String], Timestamp) = ($user, $hashes, $at);
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user).execute(&mut *$tx).await?;
        for hash in hashes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_sha256, created_at) VALUES ($1, $2, $3)")
                .bind(user)
                .bind(hash)
                .bind(at.0)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}

/// Makes the key `secret` being set up the account's key, its code of `step` counted as used,
/// with the recovery codes `hashes` (every earlier code is void). `false` if another key was
/// shown for setting up meanwhile (the page must be read again).
pub async fn confirm_setup(
    db: &Db,
    user: UserId,
    secret: &str,
    step: i64,
    hashes: &[String],
    at: Timestamp,
) -> Result<bool, StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let replaced = sqlx::query_scalar::<_, i64>(
            "UPDATE users SET totp_secret = totp_setup_secret, totp_enrolled_at = $1, totp_last_step = $2,
                              totp_setup_secret = NULL, totp_setup_at = NULL
             WHERE id = $3 AND totp_setup_secret = $4
             RETURNING id",
        )
        .bind(at.0)
        .bind(step)
        .bind(user.0)
        .bind(secret)
        .fetch_optional(&mut *tx)
        .await?;
        if replaced.is_none() {
            return Ok(false);
        }
        replace_recovery_codes!(tx, user.0, hashes, at);
        let subject = format!("user:{}", user.0);
        let detail = serde_json::json!({ "recovery_codes": hashes.len() });
        record_audit!(&mut *tx, entry(user, at, AuditAction::TwoStepEnabled, &subject, detail))?;
        tx.commit().await?;
        Ok(true)
    })
}

/// Sets up `secret` for `user` directly, with the recovery codes `hashes`: for demo data and
/// tests, whose keys are known (people set up theirs by confirming a code from their app).
pub async fn enrol(db: &Db, user: UserId, secret: &str, hashes: &[String], at: Timestamp) -> Result<(), StorageError> {
    begin_setup(db, user, secret, at).await?;
    // step 0 (1970) as the last used: every real code is still to come
    if confirm_setup(db, user, secret, 0, hashes, at).await? {
        Ok(())
    } else {
        Err(StorageError::NotFound)
    }
}

/// Counts the code of `step` as used for the key `secret`, if no code of that step or a later
/// one was accepted before: of two requests with one code, only one gets `true`.
pub async fn accept_step(db: &Db, user: UserId, secret: &str, step: i64) -> Result<bool, StorageError> {
    let n = with_pool!(db, |p| {
        sqlx::query(
            "UPDATE users SET totp_last_step = $1
             WHERE id = $2 AND totp_secret = $3 AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(user.0)
        .bind(secret)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

/// Uses the recovery code hashed `hash` (once: of two requests with one code, only one gets
/// `Some`); returns how many are left.
pub async fn use_recovery(db: &Db, user: UserId, hash: &str, at: Timestamp) -> Result<Option<i64>, StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_sha256 = $3 AND used_at IS NULL",
        )
        .bind(at.0)
        .bind(user.0)
        .bind(hash)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n != 1 {
            return Ok(None);
        }
        let left =
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
                .bind(user.0)
                .fetch_one(&mut *tx)
                .await?;
        let subject = format!("user:{}", user.0);
        let detail = serde_json::json!({ "left": left });
        record_audit!(&mut *tx, entry(user, at, AuditAction::RecoveryCodeUsed, &subject, detail))?;
        tx.commit().await?;
        Ok(Some(left))
    })
}

/// Replaces the recovery codes of an account that has two-step verification on.
pub async fn renew_recovery(db: &Db, user: UserId, hashes: &[String], at: Timestamp) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let on = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM users WHERE id = $1 AND totp_secret IS NOT NULL")
            .bind(user.0)
            .fetch_one(&mut *tx)
            .await?;
        if on != 1 {
            return Err(StorageError::NotFound);
        }
        replace_recovery_codes!(tx, user.0, hashes, at);
        let subject = format!("user:{}", user.0);
        let detail = serde_json::json!({ "recovery_codes": hashes.len() });
        record_audit!(&mut *tx, entry(user, at, AuditAction::RecoveryCodesRenewed, &subject, detail))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Clears the key, the key being set up and the recovery codes of `$user` with `$tx`.
/// Evaluates to whether the account had anything to clear.
macro_rules! clear_two_step {
    ($tx:expr, $user:expr, $extra_where:literal, $($bind:expr),*) => {{
        let n = sqlx::query(concat!(
            "UPDATE users SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL,
                              totp_setup_secret = NULL, totp_setup_at = NULL
             WHERE id = $1 AND (totp_secret IS NOT NULL OR totp_setup_secret IS NOT NULL) ",
            $extra_where
        ))
        .bind($user)
        $(.bind($bind))*
        .execute(&mut *$tx)
        .await?
        .rows_affected();
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind($user).execute(&mut *$tx).await?;
        n == 1
    }};
}

/// The person turns their own two-step verification off (the caller has checked that their
/// role allows it).
pub async fn turn_off(db: &Db, user: UserId, at: Timestamp) -> Result<bool, StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        if !clear_two_step!(tx, user.0, "",) {
            return Ok(false);
        }
        let subject = format!("user:{}", user.0);
        record_audit!(&mut *tx, entry(user, at, AuditAction::TwoStepTurnedOff, &subject, serde_json::json!({})))?;
        tx.commit().await?;
        Ok(true)
    })
}

/// Who resets someone else's two-step verification (they lost their phone and their recovery
/// codes): the system administrator for ministry staff, an organisation admin for colleagues.
pub enum ResetBy<'a> {
    Admin(&'a AdminCap),
    OrgAdmin(&'a OperatorCap),
}

/// Clears another person's two-step verification and ends their sessions: their next sign-in
/// is with the password alone, and a role that requires it sets up a new app at once. Never
/// the actor's own; only within the actor's scope (`NotFound` otherwise).
pub async fn reset(db: &Db, by: ResetBy<'_>, target: i64, at: Timestamp) -> Result<(), StorageError> {
    let (actor, org) = match &by {
        ResetBy::Admin(cap) => (cap.user(), None),
        ResetBy::OrgAdmin(cap) => (cap.user(), Some(cap.org())),
    };
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let cleared = clear_two_step!(
            tx,
            target,
            "AND id <> $2 AND (org_id = $3 OR ($3 IS NULL AND org_id IS NULL))",
            actor.0,
            org.map(|o| o.0)
        );
        if !cleared {
            return Err(StorageError::NotFound);
        }
        sqlx::query("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = $1")
            .bind(target)
            .execute(&mut *tx)
            .await?;
        super::users::end_sessions!(tx, target, at)?;
        let subject = format!("user:{target}");
        let audit = AuditEntry {
            at,
            actor: Some(actor),
            org,
            action: AuditAction::TwoStepReset,
            subject: &subject,
            detail: serde_json::json!({}),
        };
        record_audit!(&mut *tx, audit)?;
        tx.commit().await?;
        Ok(())
    })
}

/// How many accounts of each role have two-step verification on: (role, on, all), for the
/// policy the system administrator reads.
pub async fn counts_by_role(db: &Db, _cap: &AdminCap) -> Result<Vec<(String, i64, i64)>, StorageError> {
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, (String, i64, i64)>(
            "SELECT role, SUM(CASE WHEN totp_secret IS NOT NULL THEN 1 ELSE 0 END), COUNT(*)
             FROM users WHERE disabled_at IS NULL GROUP BY role",
        )
        .fetch_all(p)
        .await
    })?)
}
