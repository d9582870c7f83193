//! What the ministry's case pages and the operator's "from the ministry" panel show.
//! Operators get [`MinistryCorrespondence`] only: requests and measures, never findings,
//! notes or summary drafts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::views::{AttachmentRow, FilingRow, Names};
use crate::domain::case::{CloseBlock, ItemState, MeasureKind, RequestState};
use crate::domain::deadlines::Clock;
use crate::domain::duties::{Determination, Finding};
use crate::domain::timestamp::Timestamp;

/// Who did something and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub by: String,
    pub at: Timestamp,
}

/// One message of a request's thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub from_ministry: bool,
    pub body: String,
    pub stamp: Stamp,
    pub attachment: Option<AttachmentRow>,
}

/// A request for information with its thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestView {
    pub number: i64,
    /// The filing the question is about.
    pub filing: String,
    pub question: String,
    pub due: Timestamp,
    pub asked: Stamp,
    pub state: RequestState,
    pub messages: Vec<MessageView>,
}

/// One item a measure requires.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemView {
    pub id: i64,
    pub number: i64,
    pub text: String,
    pub state: ItemState,
    pub operator_note: String,
    pub done: Option<Stamp>,
    pub verdict_reason: String,
    pub verified: Option<Stamp>,
}

/// A measure the ministry imposed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeasureView {
    pub number: i64,
    pub kind: MeasureKind,
    pub legal_basis: String,
    pub content: String,
    pub due: Timestamp,
    pub amount_krw: Option<i64>,
    pub issued: Stamp,
    pub acknowledged: Option<Stamp>,
    pub items: Vec<ItemView>,
}

/// What both sides see of the case.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MinistryCorrespondence {
    pub requests: Vec<RequestView>,
    pub measures: Vec<MeasureView>,
    pub closed: Option<Stamp>,
}

/// One duty with the reviewer's finding (internal).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DutyRow {
    pub id: String,
    pub basis: String,
    pub title: Names,
    pub evidence_hint: Names,
    pub finding: Finding,
    pub rationale: String,
    pub evidence: String,
    pub assessed: Option<Stamp>,
}

/// The summary being written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryDraftView {
    pub values: BTreeMap<String, String>,
    pub revision: i64,
    pub drafted: Stamp,
    pub drafted_by_id: i64,
    pub submitted_at: Option<Timestamp>,
}

/// A submission made outside Outage Desk, as both sides see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutsideView {
    pub number: u32,
    pub regime: String,
    pub duty: crate::domain::deadlines::Duty,
    pub at: Timestamp,
    pub channel: crate::domain::outside::Channel,
    pub recipient: String,
    pub their_reference: String,
    pub recorded: Stamp,
    /// Only a signed-off record counts for its clock.
    pub signed_off: Option<Stamp>,
    /// Taken back before sign-off: kept, never counted.
    #[serde(default)]
    pub withdrawn: Option<Stamp>,
}

/// One entry of the case history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryRow {
    pub at: Timestamp,
    pub actor: String,
    pub action: String,
    /// The entry's stored detail (JSON), put in words by `ui::history::detail_text`.
    pub detail: String,
    /// The names of the accounts the detail refers to by id.
    pub people: Vec<(i64, String)>,
}

/// Everything the ministry's case page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub reference: String,
    pub title: String,
    pub org: Names,
    pub filings: Vec<FilingRow>,
    pub clocks: Vec<Clock>,
    /// Which regimes' criteria the latest filing meets, by the rules in force at onset.
    pub assessments: Vec<crate::domain::reportability::Assessment>,
    pub catalog_version: String,
    pub duties: Vec<DutyRow>,
    pub determination: Determination,
    pub correspondence: MinistryCorrespondence,
    pub attachments: Vec<AttachmentRow>,
    pub assignee: Option<String>,
    /// Why the case was closed (empty while open).
    pub close_note: String,
    /// Submissions the operator made outside the desk.
    pub outside: Vec<OutsideView>,
    /// Ministry staff who can be assigned (id, name).
    pub reviewers: Vec<(i64, String)>,
    /// The viewer (to hide "approve" on their own draft) and whether they lead.
    pub me: i64,
    pub is_lead: bool,
    pub summary_draft: Option<SummaryDraftView>,
    /// What the summary form starts with when there is no draft: the published text when
    /// correcting, else what the filing marks public.
    pub summary_prefill: BTreeMap<String, String>,
    pub published_at: Option<Timestamp>,
    /// Prevention items of the latest filing, offered as a measure's items.
    pub prevention: Vec<String>,
    pub close_block: Option<CloseBlock>,
    pub history: Vec<HistoryRow>,
}
