//! The ministry's case on an incident (brief, section c.4): requests for information,
//! measures and the items they require, verification, publication approval and closure.
//! Pure rules, shared by the server (which enforces them) and pages (which show only the
//! actions a rule allows).

pub mod forms;
pub mod redact;

use serde::{Deserialize, Serialize};

use super::duties::Finding;
use super::timestamp::Timestamp;

/// The zone the ministry's own deadlines (answer due dates, measure deadlines) are set and
/// shown in: an official date means the same hour to everyone, whatever zone the reviewer
/// reads in; the reader's zone is shown beside it.
pub const MINISTRY_ZONE: crate::domain::zone::UserZone = crate::domain::zone::UserZone::Seoul;

/// What the ministry imposes (brief a.2, KR-EN-01; c.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// 행정지도: guidance, e.g. "report improvement plans within one month" (Pangyo 2022).
    Guidance,
    /// 시정명령: corrective order (TBA 92①).
    CorrectiveOrder,
    /// 시정요구: request to correct.
    CorrectionRequest,
    /// 과태료: administrative fine (TBA 104, FA 48).
    AdministrativeFine,
    /// 과징금: penalty surcharge (FA 40-4).
    PenaltySurcharge,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 5] = [
        MeasureKind::Guidance,
        MeasureKind::CorrectiveOrder,
        MeasureKind::CorrectionRequest,
        MeasureKind::AdministrativeFine,
        MeasureKind::PenaltySurcharge,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MeasureKind::Guidance => "guidance",
            MeasureKind::CorrectiveOrder => "corrective_order",
            MeasureKind::CorrectionRequest => "correction_request",
            MeasureKind::AdministrativeFine => "administrative_fine",
            MeasureKind::PenaltySurcharge => "penalty_surcharge",
        }
    }

    pub fn parse(s: &str) -> Option<MeasureKind> {
        MeasureKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// (Korean, English) name.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            MeasureKind::Guidance => ("행정지도", "Administrative guidance"),
            MeasureKind::CorrectiveOrder => ("시정명령", "Corrective order"),
            MeasureKind::CorrectionRequest => ("시정요구", "Request to correct"),
            MeasureKind::AdministrativeFine => ("과태료", "Administrative fine"),
            MeasureKind::PenaltySurcharge => ("과징금", "Penalty surcharge"),
        }
    }

    /// Fines carry an amount; guidance and orders carry items to complete instead.
    pub fn is_monetary(self) -> bool {
        matches!(self, MeasureKind::AdministrativeFine | MeasureKind::PenaltySurcharge)
    }
}

/// Where one required item stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    /// Imposed; the operator has not reported it done.
    Required,
    /// The operator says it is done; the ministry has not verified it.
    Done,
    /// Verified by the ministry.
    Accepted,
    /// The ministry did not accept the operator's "done" (reason given); back with the operator.
    Rejected,
    /// The ministry no longer requires it (reason given).
    Waived,
}

impl ItemState {
    pub const ALL: [ItemState; 5] =
        [ItemState::Required, ItemState::Done, ItemState::Accepted, ItemState::Rejected, ItemState::Waived];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Required => "required",
            ItemState::Done => "done",
            ItemState::Accepted => "accepted",
            ItemState::Rejected => "rejected",
            ItemState::Waived => "waived",
        }
    }

    pub fn parse(s: &str) -> Option<ItemState> {
        ItemState::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Settled for closing the case: verified or explicitly waived.
    pub fn is_settled(self) -> bool {
        matches!(self, ItemState::Accepted | ItemState::Waived)
    }

    /// The operator may report the item done (again, after a rejection).
    pub fn operator_may_mark_done(self) -> bool {
        matches!(self, ItemState::Required | ItemState::Rejected)
    }

    /// The ministry may accept or reject only what the operator reported done.
    pub fn ministry_may_verify(self) -> bool {
        self == ItemState::Done
    }

    /// The ministry may waive anything not yet settled.
    pub fn ministry_may_waive(self) -> bool {
        !self.is_settled()
    }
}

/// Why a case cannot be closed yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CloseBlock {
    /// Some item is neither verified nor waived.
    UnsettledItems(usize),
    /// Some request for information is still open.
    OpenRequests(usize),
    /// A summary draft is waiting (or being written) and not yet published.
    SummaryPending,
    AlreadyClosed,
}

/// What closing depends on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseFacts {
    pub item_states: Vec<ItemState>,
    pub open_requests: usize,
    pub summary_draft_pending: bool,
    pub closed: bool,
}

/// A case closes only when every measure's items are verified or waived with a reason,
/// no request is left open, and no summary is half-way through approval.
pub fn may_close(f: &CaseFacts) -> Result<(), CloseBlock> {
    let unsettled = f.item_states.iter().filter(|s| !s.is_settled()).count();
    if f.closed {
        Err(CloseBlock::AlreadyClosed)
    } else if unsettled > 0 {
        Err(CloseBlock::UnsettledItems(unsettled))
    } else if f.open_requests > 0 {
        Err(CloseBlock::OpenRequests(f.open_requests))
    } else if f.summary_draft_pending {
        Err(CloseBlock::SummaryPending)
    } else {
        Ok(())
    }
}

/// What is still undone when a case is closed. None of it stops the closure, but the
/// reviewer sees each one and confirms past it, with a reason the history keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CloseWarning {
    /// `open` of the `total` applicable duties carry no finding.
    DutiesNotAssessed { open: usize, total: usize },
    /// The public has no summary of the incident.
    NoPublicSummary,
}

/// The warnings the closing reviewer confirms past, from the duties' findings and whether a
/// summary is published.
pub fn close_warnings(findings: &[Finding], summary_published: bool) -> Vec<CloseWarning> {
    let open = findings.iter().filter(|f| **f == Finding::NotAssessed).count();
    let mut out = Vec::new();
    if open > 0 {
        out.push(CloseWarning::DutiesNotAssessed { open, total: findings.len() });
    }
    if !summary_published {
        out.push(CloseWarning::NoPublicSummary);
    }
    out
}

/// Why a case cannot be reopened by this person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReopenBlock {
    /// Only review leads reopen a closed case.
    NotALead,
    /// The case is open.
    NotClosed,
}

/// A closed case is reopened only by a review lead (with a reason, see [`forms::reopening`]).
pub fn may_reopen(is_lead: bool, closed: bool) -> Result<(), ReopenBlock> {
    if !is_lead {
        Err(ReopenBlock::NotALead)
    } else if !closed {
        Err(ReopenBlock::NotClosed)
    } else {
        Ok(())
    }
}

/// Where a request for information stands, for both sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestState {
    /// Waiting for the operator, not yet due.
    Awaiting,
    /// Waiting for the operator past its due date, by this many minutes.
    Overdue { minutes: i64 },
    /// The operator has answered; the ministry has not closed it.
    Answered { late: bool },
    /// The ministry is satisfied.
    Closed { late: bool },
}

/// The state of a request from its dates.
pub fn request_state(
    due: Timestamp,
    answered: Option<Timestamp>,
    closed: Option<Timestamp>,
    now: Timestamp,
) -> RequestState {
    let late = answered.is_some_and(|a| a.0 > due.0);
    match (answered, closed) {
        (_, Some(_)) => RequestState::Closed { late },
        (Some(_), None) => RequestState::Answered { late },
        (None, None) if now.0 > due.0 => RequestState::Overdue { minutes: due.minutes_until(now) },
        (None, None) => RequestState::Awaiting,
    }
}

/// Why a summary cannot be approved by this person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApprovalBlock {
    /// Only review leads approve publications.
    NotALead,
    /// Nobody approves their own draft: a second reviewer must.
    OwnDraft,
    /// The draft has not been sent for approval.
    NotSubmitted,
}

/// The four-eyes rule for publication.
pub fn may_approve(is_lead: bool, approver: i64, drafter: i64, submitted: bool) -> Result<(), ApprovalBlock> {
    if !is_lead {
        Err(ApprovalBlock::NotALead)
    } else if approver == drafter {
        Err(ApprovalBlock::OwnDraft)
    } else if !submitted {
        Err(ApprovalBlock::NotSubmitted)
    } else {
        Ok(())
    }
}

#[cfg(test)]
#[path = "case_test.rs"]
mod tests;
