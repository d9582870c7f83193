//! What people are told, and who: the kinds of notification, the group of people each goes
//! to, and the page it leads to. Storage resolves a [`Recipients`] group to accounts inside the
//! transaction of the change; the text of each kind is in `i18n::notice_text`.
//!
//! A notification carries no text anyone typed: only the incident reference and a number or
//! a clock name, so nothing an operator writes reaches a reviewer's mailbox (or the reverse)
//! without going through the pages that escape it.

use serde::{Deserialize, Serialize};

use super::ids::OrgId;

/// Which side of the desk a notification is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Operator,
    Ministry,
}

macro_rules! notice_kinds {
    ($($kind:ident => $code:literal, $side:ident;)*) => {
        /// A kind of notification.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum NoticeKind { $($kind),* }

        impl NoticeKind {
            /// Every kind, in the order the preferences page lists them.
            pub const ALL: &'static [NoticeKind] = &[$(NoticeKind::$kind),*];

            /// The code stored with each notification and opt-out.
            pub fn code(self) -> &'static str {
                match self { $(NoticeKind::$kind => $code),* }
            }

            /// Which side of the desk receives it.
            pub fn side(self) -> Side {
                match self { $(NoticeKind::$kind => Side::$side),* }
            }
        }
    };
}

notice_kinds! {
    SignatureRequested => "signature_requested", Operator;
    RequestAsked => "request_asked", Operator;
    RequestFollowUp => "request_follow_up", Operator;
    RequestDueSoon => "request_due_soon", Operator;
    RequestOverdue => "request_overdue", Operator;
    MeasureIssued => "measure_issued", Operator;
    MeasureDueSoon => "measure_due_soon", Operator;
    MeasureOverdue => "measure_overdue", Operator;
    ItemAccepted => "item_accepted", Operator;
    ItemRejected => "item_rejected", Operator;
    SummaryPublished => "summary_published", Operator;
    SummaryCorrected => "summary_corrected", Operator;
    ClockDueSoon => "clock_due_soon", Operator;
    ClockMissed => "clock_missed", Operator;
    FilingReceived => "filing_received", Ministry;
    RequestAnswered => "request_answered", Ministry;
    MeasureAcknowledged => "measure_acknowledged", Ministry;
    ItemDone => "item_done", Ministry;
    SummaryAwaitingApproval => "summary_awaiting_approval", Ministry;
}

impl NoticeKind {
    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.iter().copied().find(|k| k.code() == code)
    }

    /// The kinds a person on `side` can receive (and so choose e-mails for).
    pub fn of_side(side: Side) -> impl Iterator<Item = NoticeKind> {
        NoticeKind::ALL.iter().copied().filter(move |k| k.side() == side)
    }

    /// The page the notification leads to, for the incident `reference`.
    pub fn link(self, reference: &str) -> String {
        match self.side() {
            Side::Operator => match self {
                NoticeKind::SignatureRequested => format!("/filing/incidents/{reference}/draft/check"),
                NoticeKind::SummaryPublished | NoticeKind::SummaryCorrected => format!("/incidents/{reference}"),
                _ => format!("/filing/incidents/{reference}"),
            },
            Side::Ministry => match self {
                NoticeKind::SummaryAwaitingApproval => format!("/review/incidents/{reference}/summary"),
                _ => format!("/review/incidents/{reference}"),
            },
        }
    }
}

/// Who a notification goes to, resolved to accounts when it is recorded. Disabled accounts
/// and the person whose action caused it are never among them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipients {
    /// The organisation's officers and signatories: the people who file and answer.
    Filers(OrgId),
    /// The organisation's authorised signatories.
    Signatories(OrgId),
    /// The reviewer the incident's case is assigned to, or every review lead while it is
    /// unassigned (someone must pick it up).
    CaseOwner { incident: i64 },
    /// Every review lead (approvals).
    ReviewLeads,
}

/// How long before a deadline the "due soon" reminders go out.
pub const DUE_SOON_SECS: i64 = 24 * 3600;

/// The reminder due for a deadline at `now`: overdue once it has passed, due soon within
/// [`DUE_SOON_SECS`], none before. The key names the threshold so each is sent once.
pub fn reminder(due: i64, now: i64) -> Option<Threshold> {
    if now >= due {
        Some(Threshold::Passed)
    } else if due - now <= DUE_SOON_SECS {
        Some(Threshold::Within24h)
    } else {
        None
    }
}

/// A reminder's threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threshold {
    Within24h,
    Passed,
}

impl Threshold {
    /// Its part of the reminder key.
    pub fn code(self) -> &'static str {
        match self {
            Threshold::Within24h => "24h",
            Threshold::Passed => "passed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for k in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(k.code()), Some(*k));
            assert!(seen.insert(k.code()), "{k:?} shares its code");
        }
        assert_eq!(NoticeKind::parse("nope"), None);
    }

    #[test]
    fn links_lead_to_the_side_that_receives_them() {
        for k in NoticeKind::ALL {
            let link = k.link("OD-2026-000001");
            let ok = match k.side() {
                Side::Operator => link.starts_with("/filing/") || link.starts_with("/incidents/"),
                Side::Ministry => link.starts_with("/review/"),
            };
            assert!(ok, "{k:?} leads to {link}");
        }
    }

    #[test]
    fn reminders_begin_a_day_before_and_turn_overdue_at_the_deadline() {
        let due = 1_000_000;
        assert_eq!(reminder(due, due - DUE_SOON_SECS - 1), None);
        assert_eq!(reminder(due, due - DUE_SOON_SECS), Some(Threshold::Within24h));
        assert_eq!(reminder(due, due - 1), Some(Threshold::Within24h));
        assert_eq!(reminder(due, due), Some(Threshold::Passed));
        assert_eq!(reminder(due, due + 86_400 * 30), Some(Threshold::Passed));
    }
}
