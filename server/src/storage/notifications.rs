//! Notifications: recorded in the transaction of the change that causes them (the in-app
//! row for each recipient, and an outbox row for each who wants it by e-mail), read on the
//! bell's page, marked read; and the e-mail preferences they honour.

use app::api::NotificationRow;
use app::domain::ids::UserId;
use app::domain::notice::{NoticeKind, Recipients};
use app::domain::timestamp::Timestamp;

use super::{Db, StorageError};
use crate::with_pool;

/// Something to tell people: what happened (`kind`) to which incident, with a number or
/// clock as `detail`, caused by `actor` (never told of their own action).
#[derive(Clone, Debug)]
pub struct Notice {
    pub kind: NoticeKind,
    pub reference: String,
    pub detail: String,
    pub recipients: Recipients,
    pub actor: Option<UserId>,
    pub at: Timestamp,
}

impl Notice {
    /// A notice of `kind` on incident `reference`, caused by `actor` at `at`.
    pub fn new(
        kind: NoticeKind,
        reference: &str,
        detail: impl ToString,
        recipients: Recipients,
        actor: UserId,
        at: Timestamp,
    ) -> Notice {
        Notice {
            kind,
            reference: reference.to_string(),
            detail: detail.to_string(),
            recipients,
            actor: Some(actor),
            at,
        }
    }

    /// The SQL condition on `u` (the users table) choosing the recipients, with `$6` bound to
    /// [`Notice::group_param`].
    pub fn recipients_sql(&self) -> &'static str {
        match self.recipients {
            Recipients::Filers(_) => "u.org_id = $6 AND u.role IN ('operator_officer', 'operator_signatory')",
            Recipients::Signatories(_) => "u.org_id = $6 AND u.role = 'operator_signatory'",
            // the assignee, while they can still act; otherwise the leads, who assign
            Recipients::CaseOwner { .. } => {
                "(u.id = (SELECT c.assignee_id FROM cases c WHERE c.incident_id = $6)
                  OR (u.role = 'review_lead' AND NOT EXISTS (
                      SELECT 1 FROM cases c JOIN users a ON a.id = c.assignee_id
                      WHERE c.incident_id = $6 AND a.disabled_at IS NULL)))"
            }
            Recipients::ReviewLeads => "u.role = 'review_lead' AND $6 >= 0",
        }
    }

    /// Whether the recipients are an organisation's people (its webhooks hear of it too).
    pub fn to_organisation(&self) -> bool {
        matches!(self.recipients, Recipients::Filers(_) | Recipients::Signatories(_))
    }

    /// The organisation or incident the recipient group is of.
    pub fn group_param(&self) -> i64 {
        match self.recipients {
            Recipients::Filers(org) | Recipients::Signatories(org) => org.0,
            Recipients::CaseOwner { incident } => incident,
            Recipients::ReviewLeads => 0,
        }
    }
}

/// Records `$notice` (a `&Notice`) with the executor `$tx` (the change's transaction): one
/// in-app row per recipient and one outbox row per recipient who has not opted out of its
/// e-mail. Evaluates to `Result<(), sqlx::Error>`.
macro_rules! record_notice {
    ($tx:expr, $notice:expr) => {{
        let n: &$crate::storage::notifications::Notice = $notice;
        let who = format!(
            "FROM users u WHERE u.disabled_at IS NULL AND u.id <> $5 AND {}",
            n.recipients_sql()
        );
        let in_app = format!(
            "INSERT INTO notifications (user_id, kind, reference, detail, created_at) SELECT u.id, $1, $2, $3, $4 {who}"
        );
        let mail = format!(
            "INSERT INTO outbox (user_id, to_address, display_name, lang, kind, reference, detail, created_at, next_attempt_at)
             SELECT u.id, u.email, u.display_name, u.lang, $1, $2, $3, $4, $4 {who}
             AND NOT EXISTS (SELECT 1 FROM notification_optouts o WHERE o.user_id = u.id AND o.kind = $1)"
        );
        // the organisation's webhook endpoints subscribed to this kind (`events` is a list of
        // lower-case codes; `_` matching any one character in LIKE cannot confuse two of them)
        let hooks = if n.to_organisation() {
            "INSERT INTO webhook_deliveries (webhook_id, event, reference, detail, created_at, next_attempt_at)
             SELECT w.id, $1, $2, $3, $4, $4 FROM webhooks w
             WHERE w.org_id = $6 AND $5 >= 0 AND w.disabled_at IS NULL AND w.deleted_at IS NULL
             AND (',' || w.events || ',') LIKE ('%,' || $1 || ',%')"
                .to_string()
        } else {
            String::new()
        };
        let mut result = Ok(());
        for sql in [in_app, mail, hooks].into_iter().filter(|s| !s.is_empty()) {
            let done = sqlx::query(&sql)
                .bind(n.kind.code())
                .bind(&n.reference)
                .bind(&n.detail)
                .bind(n.at.0)
                .bind(n.actor.map_or(0, |u| u.0))
                .bind(n.group_param())
                .execute(&mut *$tx)
                .await;
            if let Err(e) = done {
                result = Err(e);
                break;
            }
        }
        result
    }};
}
pub(crate) use record_notice;

/// Records a notice on its own (a reminder: the change is the passing of time), once per
/// `key`: a second call with the same key records nothing and answers `false`.
pub async fn remind_once(db: &Db, key: &str, notice: &Notice) -> Result<bool, StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let fresh =
            sqlx::query("INSERT INTO reminders_sent (reminder_key, sent_at) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(key)
                .bind(notice.at.0)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
        if fresh {
            record_notice!(tx, notice)?;
        }
        tx.commit().await?;
        Ok(fresh)
    })
}

/// The person's notifications, newest first by when they happened (at most `limit`).
pub async fn list(db: &Db, user: UserId, limit: i64) -> Result<Vec<NotificationRow>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, String, String, String, i64, Option<i64>)>(
            "SELECT id, kind, reference, detail, created_at, read_at FROM notifications
             WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        )
        .bind(user.0)
        .bind(limit)
        .fetch_all(p)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, kind, reference, detail, at, read)| {
            Some(NotificationRow {
                id,
                kind: NoticeKind::parse(&kind)?,
                reference,
                detail,
                at: Timestamp(at),
                unread: read.is_none(),
            })
        })
        .collect())
}

/// How many of the person's notifications are unread (the bell's number).
pub async fn unread(db: &Db, user: UserId) -> Result<i64, StorageError> {
    Ok(with_pool!(db, |p| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
            .bind(user.0)
            .fetch_one(p)
            .await
    })?)
}

/// Marks one of the person's notifications read and answers the page it leads to; another
/// person's is not found.
pub async fn open(db: &Db, user: UserId, id: i64, at: Timestamp) -> Result<String, StorageError> {
    let row = with_pool!(db, |p| {
        sqlx::query_as::<_, (String, String)>(
            "UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2
             RETURNING kind, reference",
        )
        .bind(id)
        .bind(user.0)
        .bind(at.0)
        .fetch_optional(p)
        .await
    })?;
    let (kind, reference) = row.ok_or(StorageError::NotFound)?;
    let kind = NoticeKind::parse(&kind).ok_or(StorageError::Corrupt("notification kind"))?;
    Ok(kind.link(&reference))
}

/// Marks every notification of the person read.
pub async fn read_all(db: &Db, user: UserId, at: Timestamp) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        sqlx::query("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL")
            .bind(user.0)
            .bind(at.0)
            .execute(p)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

/// The kinds the person does not want by e-mail.
pub async fn optouts(db: &Db, user: UserId) -> Result<Vec<NoticeKind>, StorageError> {
    let codes = with_pool!(db, |p| {
        sqlx::query_scalar::<_, String>("SELECT kind FROM notification_optouts WHERE user_id = $1")
            .bind(user.0)
            .fetch_all(p)
            .await
    })?;
    Ok(codes.iter().filter_map(|c| NoticeKind::parse(c)).collect())
}

/// Replaces the person's e-mail opt-outs.
pub async fn set_optouts(db: &Db, user: UserId, kinds: &[NoticeKind]) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        sqlx::query("DELETE FROM notification_optouts WHERE user_id = $1").bind(user.0).execute(&mut *tx).await?;
        for k in kinds {
            sqlx::query("INSERT INTO notification_optouts (user_id, kind) VALUES ($1, $2)")
                .bind(user.0)
                .bind(k.code())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    })?;
    Ok(())
}

/// Remembers the language the person uses, for the e-mails they get.
pub async fn set_language(db: &Db, user: UserId, lang: app::i18n::Lang) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        sqlx::query("UPDATE users SET lang = $2 WHERE id = $1 AND lang <> $2")
            .bind(user.0)
            .bind(lang.code())
            .execute(p)
            .await
            .map(|_| ())
    })?;
    Ok(())
}
