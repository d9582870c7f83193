//! Data the pages show, as sent from server to browser.

use serde::{Deserialize, Serialize};

use crate::domain::auth::Role;
use crate::domain::deadlines::Clock;
use crate::domain::filing::{FilingStage, FilingStatus};
use crate::domain::report::diff::Change;
use crate::domain::report::{Content, SectionState};
use crate::domain::reportability::Assessment;
use crate::domain::timestamp::Timestamp;
use crate::domain::validation::FieldErrors;
use crate::i18n::Lang;

/// Who is signed in (if anyone) and the token their forms must carry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub user: Option<UserSummary>,
    /// Anti-forgery token for this session's forms.
    pub csrf: Option<String>,
}

/// The signed-in person, for the header.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserSummary {
    pub display_name: String,
    pub role: Role,
    pub org_name_ko: Option<String>,
    pub org_name_en: Option<String>,
    /// Unread notifications (the bell's number).
    #[serde(default)]
    pub unread: i64,
}

/// A bilingual name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Names {
    pub ko: String,
    pub en: String,
}

impl Names {
    pub fn get(&self, lang: Lang) -> String {
        lang.pick(&self.ko, &self.en).to_string()
    }
}

/// One filing in a list (operator dashboard or review queue).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FilingRow {
    pub reference: String,
    pub incident_reference: String,
    pub org: Names,
    pub title: String,
    pub stage: FilingStage,
    pub status: FilingStatus,
    pub submitted_at: Timestamp,
    /// The ministry's view only: who has the case, whether this filing arrived since the
    /// reader last opened it, the crisis level, and whether a request or item is overdue.
    #[serde(default)]
    pub triage: Option<Triage>,
}

/// Queue columns for the ministry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Triage {
    /// How many versions the incident has filed (the row shows the latest).
    pub versions: u32,
    pub incident_status: crate::domain::filing::IncidentStatus,
    pub assignee: Option<String>,
    pub new_since_visit: bool,
    pub severity: String,
    pub overdue: bool,
}

/// One filing with its frozen content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FilingDetail {
    pub reference: String,
    pub incident_reference: String,
    pub org: Names,
    pub stage: FilingStage,
    pub status: FilingStatus,
    pub version: u32,
    pub submitted_at: Timestamp,
    pub submitted_by: String,
    /// Who last edited the draft (filings made before drafts existed have none).
    pub drafted_by: Option<String>,
    pub signatory_title: Option<String>,
    pub content_sha256: String,
    /// SHA-256 of the official PDF frozen for this version (`None` until it is made, for a
    /// version filed before documents were stored).
    #[serde(default)]
    pub document_sha256: Option<String>,
    pub content: Content,
    /// The incident's evidence files (filled for the ministry's view; operators see them on
    /// the incident page).
    #[serde(default)]
    pub attachments: Vec<AttachmentRow>,
    /// Every regime clock of the incident, with when each stage was due and arrived
    /// (filled for the ministry's view).
    #[serde(default)]
    pub clocks: Vec<Clock>,
}

/// One published incident summary in the public list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedRow {
    pub reference: String,
    pub org: Names,
    pub headline: Names,
    pub onset_at: Timestamp,
    pub published_at: Timestamp,
}

/// A published incident summary: only fields meant for the public.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedDetail {
    pub row: PublishedRow,
    /// The operator's short name (its public record's address).
    #[serde(default)]
    pub org_slug: String,
    pub summary: Names,
    pub services_affected: Vec<String>,
    /// Outside services that depend on the affected ones, as the filing names them (knock-on
    /// effects).
    #[serde(default)]
    pub dependents: Vec<String>,
    /// Cause category code (brief d.1), as filed.
    pub cause_category: String,
    /// The approved, redacted parts of the summary (`impact_ko`, `cause_en`…).
    #[serde(default)]
    pub parts: std::collections::BTreeMap<String, String>,
    /// Per-duty outcomes as approved.
    #[serde(default)]
    pub findings: Vec<PublicFinding>,
    /// Measures imposed and how far each required item has got.
    #[serde(default)]
    pub measures: Vec<PublicMeasure>,
    /// Corrections since first publication, oldest first.
    #[serde(default)]
    pub corrections: Vec<PublicCorrection>,
}

/// A duty's outcome as published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicFinding {
    pub duty_id: String,
    pub title: Names,
    pub finding: crate::domain::duties::Finding,
}

/// A measure as the public sees it: no names of staff, no operator notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicMeasure {
    pub kind: crate::domain::case::MeasureKind,
    pub legal_basis: String,
    pub content: String,
    pub due: Timestamp,
    pub amount_krw: Option<i64>,
    pub items: Vec<(String, crate::domain::case::ItemState)>,
}

/// A correction of a published summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicCorrection {
    pub at: Timestamp,
    pub reason: Names,
}

/// One signed-in session of the person looking, on "Your sessions".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionRow {
    pub id: i64,
    pub created: Timestamp,
    pub last_seen: Timestamp,
    /// As the browser sent it (shown as text).
    pub user_agent: String,
    /// The session this page was read in.
    pub current: bool,
}

/// One of the person's API tokens on `/account/api-tokens` (never the token itself: only its
/// public prefix is kept readable).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiTokenRow {
    pub id: i64,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<crate::domain::api_token::Scope>,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
    /// Neither revoked nor expired.
    pub live: bool,
}

/// `/account/api-tokens`: the person's tokens, the scopes their role may give, and a token
/// just made (in the answer to the post that made it only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiTokensView {
    pub tokens: Vec<ApiTokenRow>,
    pub allowed: Vec<crate::domain::api_token::Scope>,
    pub fresh: Option<String>,
}

/// One delivery of a webhook, in its log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WebhookDelivery {
    pub id: i64,
    /// The event code (a notification kind, or `ping`).
    pub event: String,
    pub reference: String,
    pub created_at: Timestamp,
    /// `pending`, `delivered` or `failed`.
    pub state: String,
    pub attempts: i64,
    pub next_attempt_at: Timestamp,
    pub delivered_at: Option<Timestamp>,
    /// The receiver's HTTP status of the last attempt.
    pub last_status: Option<i64>,
    pub last_error: String,
}

/// One of the organisation's webhook endpoints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WebhookRow {
    pub id: i64,
    pub url: String,
    pub events: Vec<String>,
    pub created_at: Timestamp,
    pub created_by: String,
    /// Failed attempts in a row.
    pub failures: i64,
    pub disabled_at: Option<Timestamp>,
    /// Turned off by the desk after repeated failures (otherwise by an admin).
    pub disabled_by_desk: bool,
    pub deliveries: Vec<WebhookDelivery>,
}

/// `/filing/organisation/webhooks`: the endpoints, whether the reader may change them, and a
/// secret just made (in the answer to the post that made it only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WebhooksView {
    pub hooks: Vec<WebhookRow>,
    pub can_manage: bool,
    pub fresh_secret: Option<String>,
}

/// `/account/two-step`: where the person stands with two-step verification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoStepView {
    pub standing: crate::domain::two_step::Standing,
    pub may_turn_off: bool,
    /// When it was set up (if it is on).
    pub enrolled: Option<Timestamp>,
    /// Recovery codes not yet used.
    pub recovery_left: i64,
    /// A key shown for setting up, grouped for typing (`None`: no set-up under way, or its
    /// key expired).
    pub setup_key: Option<String>,
    /// A set-up was begun but not confirmed in time.
    pub setup_expired: bool,
    /// Recovery codes made by the post this page answers, printed; shown this once only.
    pub fresh_codes: Vec<String>,
}

/// One role's line of the two-step policy the system administrator reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoStepPolicyRow {
    pub role: Role,
    pub required: bool,
    /// Active accounts of the role with it on, and all active accounts of the role.
    pub on: i64,
    pub all: i64,
}

/// One notification on the bell's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationRow {
    pub id: i64,
    pub kind: crate::domain::notice::NoticeKind,
    pub reference: String,
    pub detail: String,
    pub at: Timestamp,
    pub unread: bool,
}

/// The bell's page: the person's notifications and which kinds they get by e-mail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationsView {
    pub rows: Vec<NotificationRow>,
    /// Kinds the person does not want by e-mail.
    pub optouts: Vec<crate::domain::notice::NoticeKind>,
    /// Which side of the desk the person is on (the kinds they can receive).
    pub ministry: bool,
}

/// One of an organisation's incidents on its dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncidentRow {
    pub reference: String,
    pub title: String,
    /// The latest filed stage, if any.
    pub last_stage: Option<FilingStage>,
    pub versions: u32,
    /// The stage being drafted, if any.
    pub draft_stage: Option<FilingStage>,
    /// Open until the ministry closes its case.
    pub status: crate::domain::filing::IncidentStatus,
    pub next_due: Option<Clock>,
    pub overdue: u32,
    /// The ministry's requests unanswered past their due date and required items open past
    /// their measure's deadline.
    #[serde(default)]
    pub ministry_overdue: u32,
    /// Recurrence-prevention items by status: planned, in progress, done.
    pub prevention: [u32; 3],
}

/// A filed version in an incident's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VersionRow {
    pub reference: String,
    pub version: u32,
    pub stage: FilingStage,
    pub submitted_at: Timestamp,
    pub submitted_by: String,
    pub drafted_by: Option<String>,
    pub content_sha256: String,
}

/// The draft being prepared, with what still stops it being filed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftView {
    pub stage: FilingStage,
    pub revision: i64,
    pub content: Content,
    pub errors: FieldErrors,
    /// Section slug and state, in task-list order.
    pub sections: Vec<(String, SectionState)>,
    /// SHA-256 of the content as it would be filed.
    pub sha256: String,
    pub updated_by: String,
    pub updated_at: Timestamp,
}

/// An incident with its versions, draft, clocks and reportability.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncidentView {
    pub reference: String,
    pub title: String,
    pub org: Names,
    pub opened_at: Timestamp,
    pub versions: Vec<VersionRow>,
    pub draft: Option<DraftView>,
    /// The newest content (draft if any, else the latest version).
    pub latest: Content,
    pub clocks: Vec<Clock>,
    pub assessments: Vec<Assessment>,
    /// Stages that may be started now (empty while a draft exists).
    pub can_start: Vec<FilingStage>,
    pub can_draft: bool,
    pub can_submit: bool,
    pub user_minutes: Option<u64>,
    pub attachments: Vec<AttachmentRow>,
    /// Requests and measures from the ministry.
    #[serde(default)]
    pub ministry: super::case_views::MinistryCorrespondence,
    /// Submissions made outside the desk, and the clocks one may be recorded for.
    #[serde(default)]
    pub outside: Vec<super::case_views::OutsideView>,
}

/// An evidence file attached to an incident.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttachmentRow {
    pub id: String,
    pub file_name: String,
    pub description: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_by: String,
    pub uploaded_at: Timestamp,
}

/// Two versions compared field by field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiffView {
    pub incident_reference: String,
    pub title: String,
    pub from: VersionRow,
    pub to: VersionRow,
    pub changes: Vec<Change>,
    /// Every version, for choosing another pair.
    pub versions: Vec<VersionRow>,
}

/// A member of an organisation's team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamMember {
    pub id: i64,
    /// The signed-in person (who cannot change their own role).
    pub is_me: bool,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// Disabled by an admin: cannot sign in; their sessions have ended.
    pub disabled: bool,
    /// Two-step verification is set up.
    pub two_step: bool,
}

/// A colleague invited by an admin who has not signed in yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
}

/// A service, facility or dependency of the organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordView {
    pub id: i64,
    pub content: Content,
    /// Services only: the designations they fall under, with reasons.
    pub designations: Vec<crate::domain::law::coverage::DesignationCheck>,
}

/// The organisation page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileView {
    pub org: Names,
    /// Every designation of the organisation today, over all its services (and its data
    /// centre), with the threshold version and reason.
    pub org_designations: Vec<crate::domain::law::coverage::DesignationCheck>,
    pub profile: Content,
    pub revision: i64,
    pub services: Vec<RecordView>,
    pub facilities: Vec<RecordView>,
    pub dependencies: Vec<RecordView>,
    pub team: Vec<TeamMember>,
    pub invitations: Vec<Invitation>,
    /// Organisation admins edit; everyone else in the organisation reads.
    pub can_edit: bool,
}

/// One page of the ministry's queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuePage {
    pub rows: Vec<FilingRow>,
    /// Query string of the next page, if there is one.
    pub next: Option<String>,
    /// Organisations to filter by: (slug, names).
    pub orgs: Vec<(String, Names)>,
    /// Ministry staff to filter by assignee: (id, name).
    #[serde(default)]
    pub reviewers: Vec<(i64, String)>,
}
