//! A rejected form shown again: what the person typed and what was wrong with it.
//!
//! The server's form handler renders the page directly with a [`FormEcho`] in context (no
//! redirect, so nothing is lost). The page reads it through a resource, which serialises it
//! into the HTML, so the browser hydrates the same values the server rendered.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::validation::FieldErrors;
use crate::i18n::Msg;

/// A problem with the form as a whole rather than one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormProblem {
    LoginFailed,
    LoginThrottled,
    FormExpired,
    /// Someone saved the draft since this form was opened.
    DraftChanged,
    /// The draft changed between "check your answers" and submission.
    DraftChangedBeforeSubmit,
    /// The thing acted on changed state meanwhile (item verified, request closed…).
    CaseStateChanged,
    /// The case cannot be closed yet.
    CaseNotClosable(crate::domain::case::CloseBlock),
    /// The summary cannot be approved by this person or in this state.
    NotApprovable(crate::domain::case::ApprovalBlock),
    /// Someone saved the summary draft since this form was opened.
    SummaryChanged,
    /// Only a review lead may do this.
    LeadOnly,
    /// The case is closed: nothing but summary corrections.
    CaseIsClosed,
    /// The case cannot be reopened by this person or in this state.
    NotReopenable(crate::domain::case::ReopenBlock),
    /// Two-step verification cannot be turned off: the person's role requires it.
    TwoStepRequired,
    /// The person holds as many live API tokens as they may.
    ApiTokenLimit,
    /// The organisation has as many webhooks as it may.
    WebhookLimit,
}

impl From<FormProblem> for Msg {
    fn from(p: FormProblem) -> Msg {
        match p {
            FormProblem::LoginFailed => Msg::LoginFailed,
            FormProblem::ApiTokenLimit => Msg::ApiTokenLimit,
            FormProblem::WebhookLimit => Msg::WebhookLimit,
            FormProblem::LoginThrottled => Msg::LoginThrottled,
            FormProblem::FormExpired => Msg::FormExpired,
            FormProblem::DraftChanged => Msg::DraftChanged,
            FormProblem::DraftChangedBeforeSubmit => Msg::DraftChangedBeforeSubmit,
            FormProblem::CaseStateChanged => Msg::CaseStateChanged,
            FormProblem::CaseNotClosable(b) => Msg::from(b),
            FormProblem::NotApprovable(b) => Msg::from(b),
            FormProblem::SummaryChanged => Msg::SummaryChanged,
            FormProblem::LeadOnly => Msg::LeadOnly,
            FormProblem::CaseIsClosed => Msg::CaseIsClosed,
            FormProblem::NotReopenable(b) => Msg::from(b),
            FormProblem::TwoStepRequired => Msg::TwoStepCannotTurnOff,
        }
    }
}

/// The submitted values and the errors found in them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormEcho {
    pub values: BTreeMap<String, String>,
    pub errors: FieldErrors,
    pub problem: Option<FormProblem>,
}

impl FormEcho {
    /// The value typed into `field`, or empty.
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
}

/// The echo of the form being re-rendered, if this render answers a rejected form post.
/// Runs on the server only; the browser gets the value through the resource's serialisation.
pub async fn form_echo() -> Option<FormEcho> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<FormEcho>()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// What a ministry post saved, named in the address it lands on (`?saved=…`) so the page can
/// confirm it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Assignment,
    Finding,
    Request,
    Message,
    RequestClosed,
    Measure,
    Verdict,
    Summary,
    Closed,
    Reopened,
    Findings,
    NoChange,
}

impl Saved {
    pub const ALL: [Saved; 12] = [
        Saved::Assignment,
        Saved::Finding,
        Saved::Request,
        Saved::Message,
        Saved::RequestClosed,
        Saved::Measure,
        Saved::Verdict,
        Saved::Summary,
        Saved::Closed,
        Saved::Reopened,
        Saved::Findings,
        Saved::NoChange,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Saved::Assignment => "assignment",
            Saved::Finding => "finding",
            Saved::Request => "request",
            Saved::Message => "message",
            Saved::RequestClosed => "request_closed",
            Saved::Measure => "measure",
            Saved::Verdict => "verdict",
            Saved::Summary => "summary",
            Saved::Closed => "closed",
            Saved::Reopened => "reopened",
            Saved::Findings => "findings",
            Saved::NoChange => "no_change",
        }
    }

    pub fn parse(s: &str) -> Option<Saved> {
        Saved::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl From<Saved> for Msg {
    fn from(s: Saved) -> Msg {
        match s {
            Saved::Assignment => Msg::SavedAssignment,
            Saved::Finding => Msg::SavedFinding,
            Saved::Request => Msg::SavedRequest,
            Saved::Message => Msg::SavedMessage,
            Saved::RequestClosed => Msg::SavedRequestClosed,
            Saved::Measure => Msg::SavedMeasure,
            Saved::Verdict => Msg::SavedVerdict,
            Saved::Summary => Msg::SavedSummary,
            Saved::Closed => Msg::SavedClosed,
            Saved::Reopened => Msg::SavedReopened,
            Saved::Findings => Msg::SavedFindings,
            Saved::NoChange => Msg::SavedNoChange,
        }
    }
}
