//! The outbox sender: claims due messages under a lease, hands each to the SMTP server, and
//! records the outcome (sent; retry later with backoff; dead after a permanent refusal or
//! too many attempts), with one attempt-log row per try.
//!
//! Each message's hand-over and its record run as a task of their own: stopping the loop
//! (shutdown, a crash of the loop's task) never leaves a message accepted by the SMTP server
//! but still marked pending, so it is not sent twice. A process killed outright between the
//! server's acceptance and the record can still send one message twice when the lease
//! expires; every message carries a stable `Message-ID` (`<outbox-N@host>`) so the copies are
//! recognisable. Rows it claimed and never reached are claimed again when the lease expires.

use std::sync::Arc;
use std::time::Duration;

use app::domain::timestamp::Timestamp;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::compose::compose;
use crate::clock::Clock;
use crate::storage::outbox::{self, OutboxRow, Outcome};
use crate::storage::{Db, StorageError};

/// Attempts before a message is given up as dead.
pub const MAX_ATTEMPTS: i64 = 8;

/// The wait before the next try after `attempts` failed ones: 30 s, doubling, at most 6 h.
pub fn backoff_secs(attempts: i64) -> i64 {
    (30_i64 << attempts.clamp(0, 20)).min(6 * 3600)
}

/// How a sender runs.
#[derive(Clone, Debug)]
pub struct SenderSettings {
    /// `smtp://host:port`, `smtps://user:pass@host`, as lettre reads it.
    pub smtp_url: String,
    pub from: String,
    /// The public URL the links in messages start with.
    pub base_url: String,
    /// How long a claim holds before another sender may take the row over.
    pub lease_secs: i64,
    /// Messages claimed at once.
    pub batch: i64,
    /// How often the outbox is looked at when it was empty.
    pub poll: Duration,
}

struct Inner {
    db: Db,
    clock: Clock,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    base_url: String,
    owner: String,
    lease_secs: i64,
    batch: i64,
    poll: Duration,
    host: String,
}

/// A sender loop's handle.
#[derive(Clone)]
pub struct Sender(Arc<Inner>);

impl Sender {
    /// A sender named `owner` (unique per loop: it marks the rows it claims).
    pub fn new(db: Db, clock: Clock, settings: &SenderSettings, owner: String) -> anyhow::Result<Sender> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.smtp_url)
            .map_err(|e| anyhow::anyhow!("SMTP_URL: {e}"))?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        let from: Mailbox = settings.from.parse().map_err(|e| anyhow::anyhow!("MAIL_FROM: {e}"))?;
        let host = from.email.domain().to_string();
        Ok(Sender(Arc::new(Inner {
            db,
            clock,
            transport,
            from,
            base_url: settings.base_url.clone(),
            owner,
            lease_secs: settings.lease_secs,
            batch: settings.batch,
            poll: settings.poll,
            host,
        })))
    }

    /// Runs until the task is dropped: a batch, then at once another while there was work,
    /// else a pause of the poll interval.
    pub async fn run(self) {
        loop {
            let sent = match self.run_once().await {
                Ok(n) => n,
                Err(e) => {
                    tracing::error!(error = %e, "outbox: claiming messages failed");
                    0
                }
            };
            if sent == 0 {
                tokio::time::sleep(self.0.poll).await;
            }
        }
    }

    /// Claims one batch and delivers it; answers how many messages it handled.
    pub async fn run_once(&self) -> Result<usize, StorageError> {
        let s = &self.0;
        let now = s.clock.now();
        let rows = outbox::claim(&s.db, &s.owner, now, Timestamp(now.0 + s.lease_secs), s.batch).await?;
        let n = rows.len();
        for row in rows {
            // its own task: see the module's comment
            let me = self.clone();
            let handed = tokio::spawn(async move { me.deliver(row).await });
            if let Err(e) = handed.await {
                tracing::error!(error = %e, "outbox: a delivery task failed");
            }
        }
        Ok(n)
    }

    async fn deliver(&self, row: OutboxRow) {
        let s = &self.0;
        let outcome = match self.message(&row) {
            Err(e) => Outcome::Dead(e),
            Ok(msg) => match s.transport.send(msg).await {
                Ok(resp) => Outcome::Sent(format!("{} {}", resp.code(), resp.message().collect::<Vec<_>>().join(" "))),
                Err(e) if e.is_permanent() || row.attempts + 1 >= MAX_ATTEMPTS => Outcome::Dead(e.to_string()),
                Err(e) => Outcome::Retry {
                    error: e.to_string(),
                    next: Timestamp(s.clock.now().0 + backoff_secs(row.attempts)),
                },
            },
        };
        match &outcome {
            Outcome::Sent(_) => tracing::debug!(message = row.id, "outbox: sent"),
            Outcome::Retry { error, .. } => tracing::warn!(message = row.id, error, "outbox: will retry"),
            Outcome::Dead(error) => tracing::error!(message = row.id, error, "outbox: gave up (dead letter)"),
        }
        match outbox::settle(&s.db, row.id, &s.owner, &outcome, s.clock.now()).await {
            Ok(true) => {}
            Ok(false) => tracing::warn!(message = row.id, "outbox: lease lost before the outcome was recorded"),
            Err(e) => tracing::error!(message = row.id, error = %e, "outbox: recording the outcome failed"),
        }
    }

    fn message(&self, row: &OutboxRow) -> Result<Message, String> {
        let s = &self.0;
        let to: Mailbox = row.to_address.parse().map_err(|e| format!("address {}: {e}", row.to_address))?;
        let email = compose(row, &s.base_url);
        Message::builder()
            .from(s.from.clone())
            .to(to)
            .subject(email.subject)
            .message_id(Some(format!("<outbox-{}@{}>", row.id, s.host)))
            .multipart(MultiPart::alternative_plain_html(email.text, email.html))
            .map_err(|e| e.to_string())
    }
}

/// A name for this process's sender loop, unique across instances.
pub fn owner_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_string()).unwrap_or_default();
    format!("{host}-{}-{:08x}", std::process::id(), rand::random::<u32>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_half_a_minute_up_to_six_hours() {
        assert_eq!(backoff_secs(0), 30);
        assert_eq!(backoff_secs(1), 60);
        assert_eq!(backoff_secs(3), 240);
        assert_eq!(backoff_secs(12), 6 * 3600);
        assert_eq!(backoff_secs(400), 6 * 3600);
    }
}
