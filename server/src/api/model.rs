//! The API's JSON, as its own types with stable field names: instants as RFC 3339 in UTC, enums
//! as documented snake_case words, report answers keyed by the field catalogue's keys (those of
//! the form). Built from the views the pages read, so the API shows what the pages show.

use std::collections::BTreeMap;

use app::api::{AttachmentRow, MeasureView, RequestView, Stamp, VersionRow};
use app::domain::deadlines::{Clock, ClockState, Satisfied};
use app::domain::reportability::{Assessment, Verdict};
use app::domain::timestamp::Timestamp;
use serde::Serialize;
use utoipa::ToSchema;

/// RFC 3339 in UTC (`2022-10-15T06:19:00Z`).
pub fn instant(t: Timestamp) -> String {
    t.to_utc_string()
}

/// A Korean and English pair.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Text {
    pub ko: String,
    pub en: String,
}

impl Text {
    pub fn of(pair: &(String, String)) -> Text {
        Text { ko: pair.0.clone(), en: pair.1.clone() }
    }
}

/// One deadline of one regime.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ClockOut {
    /// `KR_TBA33`, `KR_FA38`, `KR_TBA22_7`, `EU_NIS2`, `EU_DORA`, `US_FCC`, `UK_OFCOM`.
    pub regime: String,
    /// The version of the regime's rules applied (those in force at onset).
    pub rules_version: String,
    /// `early_warning`, `initial_report`, `update_report`, `final_report`, `user_notice`,
    /// `compensation_notice`, `data_submission`.
    pub duty: String,
    pub basis: Text,
    /// "Without delay" duties have no fixed length; `due` is the regulator's expectation.
    pub without_delay: bool,
    pub due: Option<String>,
    pub done_at: Option<String>,
    /// `version:N`, `outside:N`, `answer` or `request_answer`.
    pub satisfied_by: Option<String>,
    /// `not_started`, `open`, `overdue`, `met`, `late` or `exempt`.
    pub state: String,
    /// Minutes overdue (`overdue`) or late (`late`).
    pub minutes: Option<i64>,
    pub exempt_because: Vec<Text>,
}

impl From<&Clock> for ClockOut {
    fn from(c: &Clock) -> ClockOut {
        let (state, minutes) = match c.state {
            ClockState::NotStarted => ("not_started", None),
            ClockState::Open => ("open", None),
            ClockState::Overdue { minutes } => ("overdue", Some(minutes)),
            ClockState::Met => ("met", None),
            ClockState::Late { minutes } => ("late", Some(minutes)),
            ClockState::Exempt => ("exempt", None),
        };
        ClockOut {
            regime: c.regime.clone(),
            rules_version: c.version.clone(),
            duty: c.duty.as_str().to_string(),
            basis: Text::of(&c.basis),
            without_delay: c.without_delay,
            due: c.due.map(instant),
            done_at: c.done_at.map(instant),
            satisfied_by: c.satisfied_by.map(|s| match s {
                Satisfied::Version(n) => format!("version:{n}"),
                Satisfied::Outside(n) => format!("outside:{n}"),
                Satisfied::Answer => "answer".into(),
                Satisfied::RequestAnswer => "request_answer".into(),
            }),
            state: state.to_string(),
            minutes,
            exempt_because: c.exempt_because.iter().map(Text::of).collect(),
        }
    }
}

/// Whether a regime's criteria are met, and why.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AssessmentOut {
    pub regime: String,
    /// `met`, `not_met` or `unknown` (facts missing).
    pub verdict: String,
    pub rules_version: String,
    pub basis: Text,
    pub reasons: Vec<Text>,
}

impl From<&Assessment> for AssessmentOut {
    fn from(a: &Assessment) -> AssessmentOut {
        AssessmentOut {
            regime: a.regime.clone(),
            verdict: match a.verdict {
                Verdict::Met => "met",
                Verdict::NotMet => "not_met",
                Verdict::Unknown => "unknown",
            }
            .to_string(),
            rules_version: a.version.clone(),
            basis: Text::of(&a.basis),
            reasons: a.reasons.iter().map(Text::of).collect(),
        }
    }
}

/// A filed version.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct VersionOut {
    /// The filing's own reference (`OD-2026-000003-v2`).
    pub reference: String,
    pub version: u32,
    /// `initial`, `interim` or `final`.
    pub stage: String,
    pub submitted_at: String,
    pub submitted_by: String,
    pub content_sha256: String,
}

impl From<&VersionRow> for VersionOut {
    fn from(v: &VersionRow) -> VersionOut {
        VersionOut {
            reference: v.reference.clone(),
            version: v.version,
            stage: v.stage.as_str().to_string(),
            submitted_at: instant(v.submitted_at),
            submitted_by: v.submitted_by.clone(),
            content_sha256: v.content_sha256.clone(),
        }
    }
}

/// A filed version with its answers.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct VersionContent {
    #[serde(flatten)]
    pub version: VersionOut,
    /// Answers by field catalogue key (`onset_at`, `timeline.0.at`…).
    pub fields: BTreeMap<String, String>,
}

/// One of the organisation's incidents in a list.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct IncidentSummary {
    pub reference: String,
    pub title: String,
    /// `not_yet_filed`, `reporting`, `final_filed` or `closed`.
    pub status: String,
    pub versions: u32,
    pub last_stage: Option<String>,
    /// The stage being drafted, if a draft exists.
    pub draft_stage: Option<String>,
    /// The open or overdue deadline due soonest.
    pub next_due: Option<ClockOut>,
    pub overdue_clocks: u32,
}

/// A page of the organisation's incidents.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentPage {
    pub items: Vec<IncidentSummary>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// The draft being prepared.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DraftOut {
    pub stage: String,
    /// Send it back in `If-Match` to update the draft (also the `ETag`).
    pub revision: i64,
    /// Answers by field catalogue key, exactly as stored (canonical form where a value parses).
    pub fields: BTreeMap<String, String>,
    /// SHA-256 of the content as it would be filed: a signatory approves this hash.
    pub content_sha256: String,
    pub updated_by: String,
    pub updated_at: String,
    /// Whether "check your answers" finds nothing in the way of filing it.
    pub ready: bool,
}

/// An incident with everything its page shows.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentOut {
    pub reference: String,
    pub title: String,
    pub opened_at: String,
    pub status: String,
    pub versions: Vec<VersionOut>,
    pub draft: Option<DraftOut>,
    /// Stages that may be started now (none while a draft exists).
    pub may_start: Vec<String>,
    pub clocks: Vec<ClockOut>,
    pub assessments: Vec<AssessmentOut>,
    pub evidence: Vec<EvidenceOut>,
    pub requests: Vec<RequestOut>,
    pub measures: Vec<MeasureOut>,
}

/// An evidence file.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EvidenceOut {
    pub id: String,
    pub file_name: String,
    pub description: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_by: String,
    pub uploaded_at: String,
}

impl From<&AttachmentRow> for EvidenceOut {
    fn from(a: &AttachmentRow) -> EvidenceOut {
        EvidenceOut {
            id: a.id.clone(),
            file_name: a.file_name.clone(),
            description: a.description.clone(),
            content_type: a.content_type.clone(),
            size_bytes: a.size_bytes,
            sha256: a.sha256.clone(),
            uploaded_by: a.uploaded_by.clone(),
            uploaded_at: instant(a.uploaded_at),
        }
    }
}

/// Who did something, and when.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StampOut {
    pub by: String,
    pub at: String,
}

impl From<&Stamp> for StampOut {
    fn from(s: &Stamp) -> StampOut {
        StampOut { by: s.by.clone(), at: instant(s.at) }
    }
}

/// One message of a request's thread.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MessageOut {
    pub from_ministry: bool,
    pub body: String,
    pub sent: StampOut,
    pub evidence_id: Option<String>,
}

/// A request for information from the ministry.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RequestOut {
    pub number: i64,
    /// The filing asked about.
    pub filing: String,
    pub question: String,
    pub due: String,
    pub asked: StampOut,
    /// `awaiting`, `overdue`, `answered` or `closed`.
    pub state: String,
    pub messages: Vec<MessageOut>,
}

impl From<&RequestView> for RequestOut {
    fn from(r: &RequestView) -> RequestOut {
        use app::domain::case::RequestState;
        RequestOut {
            number: r.number,
            filing: r.filing.clone(),
            question: r.question.clone(),
            due: instant(r.due),
            asked: (&r.asked).into(),
            state: match r.state {
                RequestState::Awaiting => "awaiting",
                RequestState::Overdue { .. } => "overdue",
                RequestState::Answered { .. } => "answered",
                RequestState::Closed { .. } => "closed",
            }
            .to_string(),
            messages: r
                .messages
                .iter()
                .map(|m| MessageOut {
                    from_ministry: m.from_ministry,
                    body: m.body.clone(),
                    sent: (&m.stamp).into(),
                    evidence_id: m.attachment.as_ref().map(|a| a.id.clone()),
                })
                .collect(),
        }
    }
}

/// An item a measure requires.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ItemOut {
    /// Used to report it done.
    pub id: i64,
    pub number: i64,
    pub text: String,
    /// `required`, `done`, `accepted`, `rejected` or `waived`.
    pub state: String,
    pub operator_note: String,
    pub done: Option<StampOut>,
    pub verdict_reason: String,
}

/// A measure the ministry imposed.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MeasureOut {
    pub number: i64,
    /// `guidance`, `corrective_order`, `correction_request`, `administrative_fine`, `penalty_surcharge`.
    pub kind: String,
    pub legal_basis: String,
    pub content: String,
    pub due: String,
    pub amount_krw: Option<i64>,
    pub issued: StampOut,
    pub acknowledged: Option<StampOut>,
    pub items: Vec<ItemOut>,
}

/// The snake_case word an enum serializes to (its variant name for a variant with data).
pub fn word<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Object(m)) => m.keys().next().cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

impl From<&MeasureView> for MeasureOut {
    fn from(m: &MeasureView) -> MeasureOut {
        MeasureOut {
            number: m.number,
            kind: word(&m.kind),
            legal_basis: m.legal_basis.clone(),
            content: m.content.clone(),
            due: instant(m.due),
            amount_krw: m.amount_krw,
            issued: (&m.issued).into(),
            acknowledged: m.acknowledged.as_ref().map(Into::into),
            items: m
                .items
                .iter()
                .map(|i| ItemOut {
                    id: i.id,
                    number: i.number,
                    text: i.text.clone(),
                    state: word(&i.state),
                    operator_note: i.operator_note.clone(),
                    done: i.done.as_ref().map(Into::into),
                    verdict_reason: i.verdict_reason.clone(),
                })
                .collect(),
        }
    }
}

/// The snake_case word of an incident status.
pub fn status_word(s: app::domain::filing::IncidentStatus) -> String {
    use app::domain::filing::IncidentStatus;
    match s {
        IncidentStatus::NotYetFiled => "not_yet_filed",
        IncidentStatus::Reporting => "reporting",
        IncidentStatus::FinalFiled => "final_filed",
        IncidentStatus::Closed => "closed",
    }
    .to_string()
}
