//! Organisations and accounts.

use app::domain::audit::AuditAction;
use app::domain::auth::{Caller, Role};
use app::domain::ids::{OrgId, UserId};

use super::{now, Db, StorageError};
use crate::with_pool;

/// What sign-in needs to know about an account.
#[derive(Debug, sqlx::FromRow)]
pub struct Credentials {
    pub id: i64,
    pub password_hash: String,
    pub session_epoch: i64,
    pub disabled: bool,
    /// Two-step verification is on.
    pub two_step: bool,
}

/// Looks up an account by e-mail (case-insensitive).
pub async fn credentials(db: &Db, email: &str) -> Result<Option<Credentials>, sqlx::Error> {
    let email = email.trim().to_lowercase();
    with_pool!(db, |p| {
        sqlx::query_as::<_, Credentials>(
            "SELECT u.id, u.password_hash, u.session_epoch,
                    (u.disabled_at IS NOT NULL OR o.deactivated_at IS NOT NULL) AS disabled,
                    (u.totp_secret IS NOT NULL) AS two_step
             FROM users u LEFT JOIN organisations o ON o.id = u.org_id WHERE u.email = $1",
        )
        .bind(&email)
        .fetch_optional(p)
        .await
    })
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    display_name: String,
    role: String,
    org_id: Option<i64>,
    name_ko: Option<String>,
    name_en: Option<String>,
    session_epoch: i64,
    must_change_password: bool,
    disabled_at: Option<i64>,
    lang: String,
    two_step: bool,
    session_live: bool,
    unread: i64,
}

/// The person behind a session and what decides whether the session still holds.
#[derive(Clone, Debug)]
pub struct Account {
    pub caller: Caller,
    /// Sessions signed in at another epoch have ended (password changed, account disabled).
    pub session_epoch: i64,
    /// A first password set by an admin: nothing but changing it is allowed.
    pub must_change_password: bool,
    pub disabled: bool,
    /// The language the person last used (for the e-mails they get).
    pub lang: app::i18n::Lang,
    /// Two-step verification: on, or missing where the role requires it, or off.
    pub two_step: app::domain::two_step::Standing,
    /// The session row asked about (`account_of_session`) has not been ended.
    pub session_live: bool,
    /// Unread notifications (the bell's number).
    pub unread: i64,
}

/// Loads an account by id; `None` if it no longer exists.
pub async fn account(db: &Db, user: UserId) -> Result<Option<Account>, sqlx::Error> {
    account_of_session(db, user, None).await
}

/// Loads the account behind a session with, in the same query, whether its "Your sessions"
/// row `row` still holds and its unread count: one read per signed-in request.
pub async fn account_of_session(db: &Db, user: UserId, row: Option<i64>) -> Result<Option<Account>, sqlx::Error> {
    let row = with_pool!(db, |p| {
        sqlx::query_as::<_, AccountRow>(
            "SELECT u.id, u.display_name, u.role, u.org_id, o.name_ko, o.name_en,
                    u.session_epoch, u.must_change_password, COALESCE(u.disabled_at, o.deactivated_at) AS disabled_at, u.lang,
                    (u.totp_secret IS NOT NULL) AS two_step,
                    EXISTS (SELECT 1 FROM user_sessions s WHERE s.id = $2 AND s.user_id = u.id AND s.ended_at IS NULL)
                        AS session_live,
                    (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread
             FROM users u LEFT JOIN organisations o ON o.id = u.org_id WHERE u.id = $1",
        )
        .bind(user.0)
        .bind(row)
        .fetch_optional(p)
        .await
    })?;
    Ok(row.and_then(|r| {
        let role = Role::parse(&r.role)?;
        let caller = Caller {
            user_id: UserId(r.id),
            display_name: r.display_name,
            role,
            org_id: r.org_id.map(OrgId),
            org_name_ko: r.name_ko,
            org_name_en: r.name_en,
        };
        Some(Account {
            caller,
            session_epoch: r.session_epoch,
            must_change_password: r.must_change_password,
            disabled: r.disabled_at.is_some(),
            lang: app::i18n::Lang::parse(&r.lang).unwrap_or_default(),
            two_step: app::domain::two_step::standing(role, r.two_step),
            session_live: r.session_live,
            unread: r.unread,
        })
    }))
}

/// Loads the person behind a session; `None` if the account no longer exists.
pub async fn caller(db: &Db, user: UserId) -> Result<Option<Caller>, sqlx::Error> {
    Ok(account(db, user).await?.map(|a| a.caller))
}

/// Creates an organisation.
pub async fn create_org(db: &Db, slug: &str, name_ko: &str, name_en: &str) -> Result<OrgId, StorageError> {
    let id = with_pool!(db, |p| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO organisations (slug, name_ko, name_en, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(slug)
        .bind(name_ko)
        .bind(name_en)
        .bind(now().0)
        .fetch_one(p)
        .await
    })?;
    Ok(OrgId(id))
}

/// A new account; the password must already be hashed.
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub org: Option<OrgId>,
}

/// Creates an account. E-mail addresses are stored lower-case and are unique: one INSERT,
/// whose unique violation is `EmailTaken` (no check-then-insert race).
pub async fn create_user(db: &Db, u: NewUser<'_>) -> Result<UserId, StorageError> {
    let email = u.email.trim().to_lowercase();
    let id = with_pool!(db, |p| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO users (email, display_name, password_hash, role, org_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&email)
        .bind(u.display_name)
        .bind(u.password_hash)
        .bind(u.role.as_str())
        .bind(u.org.map(|o| o.0))
        .bind(now().0)
        .fetch_one(p)
        .await
    })
    .map_err(|e| {
        if super::is_unique_violation(&e, "users_email_key", "users.email") {
            StorageError::EmailTaken
        } else {
            e.into()
        }
    })?;
    Ok(UserId(id))
}

/// Whether any account exists (demo data is only loaded into an empty database).
pub async fn any_user(db: &Db) -> Result<bool, sqlx::Error> {
    with_pool!(db, |p| sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM users").fetch_one(p).await).map(|n| n > 0)
}

/// An organisation's display names.
pub async fn org_names(db: &Db, org: OrgId) -> Result<app::api::Names, StorageError> {
    let row = crate::with_pool!(db, |p| {
        sqlx::query_as::<_, (String, String)>("SELECT name_ko, name_en FROM organisations WHERE id = $1")
            .bind(org.0)
            .fetch_optional(p)
            .await
    })?;
    let (ko, en) = row.ok_or(StorageError::NotFound)?;
    Ok(app::api::Names { ko, en })
}

/// The stored password hash and e-mail of an account.
pub async fn password_of(db: &Db, user: UserId) -> Result<(String, String), StorageError> {
    let row = with_pool!(db, |p| {
        sqlx::query_as::<_, (String, String)>("SELECT password_hash, email FROM users WHERE id = $1")
            .bind(user.0)
            .fetch_optional(p)
            .await
    })?;
    row.ok_or(StorageError::NotFound)
}

/// Replaces an account's password hash, with its audit record. Every session of the account
/// signed in before ends (the epoch moves on); returns the new epoch for the session that
/// made the change.
pub async fn set_password(
    db: &Db,
    user: UserId,
    hash: &str,
    at: app::domain::timestamp::Timestamp,
) -> Result<i64, StorageError> {
    use super::audit::{record_audit, AuditEntry};
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let epoch = sqlx::query_scalar::<_, i64>(
            "UPDATE users SET password_hash = $1, must_change_password = FALSE, session_epoch = session_epoch + 1
             WHERE id = $2 RETURNING session_epoch",
        )
        .bind(hash)
        .bind(user.0)
        .fetch_one(&mut *tx)
        .await?;
        let subject = format!("user:{}", user.0);
        record_audit!(
            &mut *tx,
            AuditEntry {
                at,
                actor: Some(user),
                org: None,
                action: AuditAction::PasswordChanged,
                subject: &subject,
                detail: serde_json::json!({})
            }
        )?;
        tx.commit().await?;
        Ok(epoch)
    })
}

/// Every organisation: (slug, names), by Korean name.
pub async fn list_orgs(
    db: &Db,
    _cap: &app::domain::auth::ReviewerCap,
) -> Result<Vec<(String, app::api::Names)>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, (String, String, String)>(
            "SELECT slug, name_ko, name_en FROM organisations ORDER BY name_ko",
        )
        .fetch_all(p)
        .await
    })?;
    Ok(rows.into_iter().map(|(slug, ko, en)| (slug, app::api::Names { ko, en })).collect())
}

/// Ends every session row of account `$user` at `$at` with the executor `$tx` (the session
/// checks its row on each request, so this signs the person out everywhere at once).
macro_rules! end_sessions {
    ($tx:expr, $user:expr, $at:expr) => {
        sqlx::query("UPDATE user_sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL")
            .bind($user)
            .bind($at.0)
            .execute(&mut *$tx)
            .await
    };
}
pub(crate) use end_sessions;

/// Disables (`$disabled`) or enables account `$user` of organisation `$org` (`None`: of the
/// ministry) for `$actor`, never the actor's own, with the executor `$tx`; disabling ends its
/// sessions. Enabling keeps the epoch, so sessions ended by disabling stay ended. Evaluates to
/// `Result<bool, sqlx::Error>`: whether the account was in the other state.
macro_rules! set_account_disabled {
    ($tx:expr, $user:expr, $org:expr, $actor:expr, $disabled:expr, $at:expr) => {{
        let (user, org, actor, disabled, at): (i64, Option<i64>, i64, bool, app::domain::timestamp::Timestamp) =
            ($user, $org, $actor, $disabled, $at);
        let changed = sqlx::query(
            "UPDATE users SET disabled_at = CASE WHEN $1 THEN $2 ELSE NULL END,
                              disabled_by = CASE WHEN $1 THEN $3 ELSE NULL END,
                              session_epoch = session_epoch + CASE WHEN $1 THEN 1 ELSE 0 END
             WHERE id = $4 AND (org_id = $5 OR ($5 IS NULL AND org_id IS NULL)) AND id <> $3
               AND (disabled_at IS NULL) = $1",
        )
        .bind(disabled)
        .bind(at.0)
        .bind(actor)
        .bind(user)
        .bind(org)
        .execute(&mut *$tx)
        .await
        .map(|r| r.rows_affected() == 1);
        match changed {
            Ok(true) if disabled => $crate::storage::users::end_sessions!($tx, user, at).map(|_| true),
            other => other,
        }
    }};
}
pub(crate) use set_account_disabled;
