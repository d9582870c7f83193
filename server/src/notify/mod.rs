//! Telling people: e-mails composed from the outbox ([`compose`]), the sender that delivers
//! them over SMTP ([`sender`]), and the reminders of deadlines ([`reminders`]). The
//! notifications themselves are recorded by storage, in the transaction of their cause
//! (`storage::notifications`).

pub mod compose;
pub mod reminders;
pub mod sender;
pub mod webhooks;

use crate::state::AppState;

/// How often the reminder job looks at the deadlines.
pub const REMINDER_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Starts this instance's background work: the reminder job, and the outbox sender when an
/// SMTP server is configured (without one, messages wait in the outbox, readable by the
/// system administrator).
pub fn start(state: &AppState) -> anyhow::Result<()> {
    tokio::spawn(reminders::run(state.db.clone(), state.clock.clone(), REMINDER_EVERY));
    tokio::spawn(deliverer_of(state).run());
    if let Some(sender) = sender_of(state)? {
        tokio::spawn(sender.run());
    } else {
        tracing::warn!("SMTP_URL is not set: e-mails stay in the outbox; read them at /admin/outbox");
    }
    Ok(())
}

/// The webhook deliverer this instance runs.
pub fn deliverer_of(state: &AppState) -> webhooks::Deliverer {
    webhooks::Deliverer {
        db: state.db.clone(),
        clock: state.clock.clone(),
        owner: sender::owner_name(),
        base_url: state.config.public_base_url.clone(),
        allow_private: state.config.webhook_allow_private,
        poll: std::time::Duration::from_secs(1),
    }
}

/// The sender this instance runs, if `SMTP_URL` is set.
pub fn sender_of(state: &AppState) -> anyhow::Result<Option<sender::Sender>> {
    let Some(url) = &state.config.smtp_url else { return Ok(None) };
    let settings = sender::SenderSettings {
        smtp_url: url.clone(),
        from: state.config.mail_from.clone(),
        base_url: state.config.public_base_url.clone(),
        lease_secs: 120,
        batch: 50,
        poll: std::time::Duration::from_secs(1),
    };
    Ok(Some(sender::Sender::new(state.db.clone(), state.clock.clone(), &settings, sender::owner_name())?))
}
