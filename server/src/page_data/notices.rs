//! What the bell's page and the outbox pages read.

use app::api::{AttemptView, NotificationsView, OutboxMessageView, OutboxPage, OutboxRowView};
use app::domain::ids::UserId;
use app::domain::timestamp::Timestamp;

use crate::notify::compose::compose;
use crate::storage::outbox::OutboxRow;
use crate::storage::{notifications, outbox, Db, StorageError};

/// How many notifications the bell's page lists.
const LISTED: i64 = 200;

pub async fn notifications_of(db: &Db, user: UserId, ministry: bool) -> Result<NotificationsView, StorageError> {
    Ok(NotificationsView {
        rows: notifications::list(db, user, LISTED).await?,
        optouts: notifications::optouts(db, user).await?,
        ministry,
    })
}

fn row_view(row: &OutboxRow, base: &str) -> OutboxRowView {
    OutboxRowView {
        id: row.id,
        to: row.to_address.clone(),
        subject: compose(row, base).subject,
        state: row.state.clone(),
        attempts: row.attempts,
        created: Timestamp(row.created_at),
        next_attempt: Timestamp(row.next_attempt_at),
        sent: row.sent_at.map(Timestamp),
        last_error: row.last_error.clone(),
    }
}

pub async fn outbox_page(db: &Db, base: &str, smtp: bool, state: Option<String>) -> Result<OutboxPage, StorageError> {
    let state = state.filter(|s| ["pending", "sent", "dead"].contains(&s.as_str()));
    let rows = outbox::recent(db, state.as_deref(), 200).await?;
    let (pending, sent, dead) = outbox::counts(db).await?;
    Ok(OutboxPage {
        rows: rows.iter().map(|r| row_view(r, base)).collect(),
        pending,
        sent,
        dead,
        smtp_configured: smtp,
    })
}

pub async fn outbox_message(db: &Db, base: &str, id: i64) -> Result<OutboxMessageView, StorageError> {
    let (row, attempts) = outbox::message(db, id).await?;
    Ok(OutboxMessageView {
        row: row_view(&row, base),
        text: compose(&row, base).text,
        attempts: attempts
            .into_iter()
            .map(|a| AttemptView { at: Timestamp(a.at), sender: a.sender, outcome: a.outcome, detail: a.detail })
            .collect(),
    })
}
