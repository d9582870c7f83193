//! What the system administrator's pages show.

use serde::{Deserialize, Serialize};

use crate::domain::timestamp::Timestamp;

/// Whose an e-mailed link is, on the page it opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkOwner {
    pub email: String,
    pub name: String,
}

/// One message of the outbox in its list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxRowView {
    pub id: i64,
    pub to: String,
    pub subject: String,
    /// `pending`, `sent` or `dead`.
    pub state: String,
    pub attempts: i64,
    pub created: Timestamp,
    pub next_attempt: Timestamp,
    pub sent: Option<Timestamp>,
    pub last_error: String,
}

/// `/admin/outbox`: the newest messages and how many are in each state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxPage {
    pub rows: Vec<OutboxRowView>,
    pub pending: i64,
    pub sent: i64,
    pub dead: i64,
    /// Whether this instance hands messages to an SMTP server (`SMTP_URL`).
    pub smtp_configured: bool,
}

/// One try to hand a message over.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttemptView {
    pub at: Timestamp,
    pub sender: String,
    pub outcome: String,
    pub detail: String,
}

/// `/admin/outbox/{id}`: a message in full, as it is (or was) sent, with its attempts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxMessageView {
    pub row: OutboxRowView,
    pub text: String,
    pub attempts: Vec<AttemptView>,
}

/// An organisation in the administrator's list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgAdminRow {
    pub slug: String,
    pub name_ko: String,
    pub name_en: String,
    pub created: Timestamp,
    pub deactivated: Option<Timestamp>,
    pub people: i64,
    pub incidents: i64,
}

/// A person of an organisation, or of the ministry, as the administrator sees them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: crate::domain::auth::Role,
    pub disabled: bool,
    /// An invitation not yet taken up (no account yet).
    pub invited: bool,
    /// Two-step verification is set up.
    pub two_step: bool,
    /// The administrator reading the list.
    pub is_me: bool,
}

/// `/admin/organisations/{slug}`: the organisation, its standing facts and its people.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgAdminView {
    pub org: OrgAdminRow,
    /// The profile answers the administrator keeps (`domain::admin::PROFILE_FACTS`).
    pub facts: std::collections::BTreeMap<String, String>,
    pub people: Vec<PersonRow>,
}

/// One entry of the audit log, as the administrator reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: Timestamp,
    pub actor: String,
    pub action: Option<crate::domain::audit::AuditAction>,
    pub code: String,
    pub subject: String,
    pub detail: String,
}
