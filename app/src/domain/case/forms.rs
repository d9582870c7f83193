//! The ministry's and the operator's case forms, validated the same way in the browser and
//! on the server. Each form reads its values by field name, so a rejected form can be shown
//! again exactly as typed.

use std::collections::BTreeMap;

use super::redact;
use super::{ItemState, MeasureKind};
use crate::domain::duties::Finding;
use crate::domain::timestamp::Timestamp;
use crate::domain::validation::{FieldError, FieldErrors};
use crate::domain::zone::UserZone;

/// Longest free-text answer.
pub const MAX_TEXT: usize = 5000;
/// Longest one-line answer.
pub const MAX_LINE: usize = 200;
/// Most items one measure can require.
pub const MAX_ITEMS: usize = 50;

/// Field values by name, as posted.
pub type Values = BTreeMap<String, String>;

fn value<'a>(v: &'a Values, k: &str) -> &'a str {
    v.get(k).map(|s| s.trim()).unwrap_or("")
}

fn text(v: &Values, k: &str, required: bool, max: usize, e: &mut FieldErrors) -> String {
    let s = value(v, k);
    if s.is_empty() && required {
        e.add(k, FieldError::Required);
    } else if let Some(long) = FieldError::length(s, max) {
        e.add(k, long);
    }
    s.to_string()
}

/// [`text`] that the public may read once approved: its redaction marks must pair up.
fn public_text(v: &Values, k: &str, required: bool, max: usize, e: &mut FieldErrors) -> String {
    let s = text(v, k, required, max, e);
    if e.get(k).is_none() && !redact::is_well_formed(&s) {
        e.add(k, FieldError::UnbalancedRedaction);
    }
    s
}

fn future(v: &Values, k: &str, zone: UserZone, now: Timestamp, e: &mut FieldErrors) -> Timestamp {
    let s = value(v, k);
    match zone.parse_local(s) {
        _ if s.is_empty() => e.add(k, FieldError::Required),
        Some(t) if t.0 <= now.0 => e.add(k, FieldError::DueInThePast),
        Some(t) => return t,
        None => e.add(k, FieldError::InvalidDateTime),
    }
    Timestamp(0)
}

fn done<T>(value: T, e: FieldErrors, order: &[&str]) -> Result<T, FieldErrors> {
    if e.is_empty() {
        Ok(value)
    } else {
        Err(e.ordered_by(order))
    }
}

/// The reason a case is closed, and the reviewer's confirmation that closing it is meant:
/// closing ends the case (no findings, requests, measures or verdicts after it).
pub fn closure(v: &Values) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::default();
    let reason = text(v, "close_note", true, MAX_TEXT, &mut e);
    if value(v, "confirm") != "yes" {
        e.add("confirm", FieldError::MustConfirm);
    }
    done(reason, e, &["close_note", "confirm"])
}

/// Why a closed case is opened again (a review lead's decision, kept in the history).
pub fn reopening(v: &Values) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::default();
    let reason = text(v, "reopen_reason", true, MAX_TEXT, &mut e);
    done(reason, e, &["reopen_reason"])
}

/// A finding on one duty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub finding: Finding,
    pub rationale: String,
    /// References to the filing: versions, sections, evidence file names.
    pub evidence: String,
}

impl Assessment {
    pub const FIELDS: [&'static str; 3] = ["finding", "rationale", "evidence"];

    /// What a duty nobody has assessed reads as.
    pub fn untouched() -> Assessment {
        Assessment { finding: Finding::NotAssessed, rationale: String::new(), evidence: String::new() }
    }

    /// A rationale is needed for every finding except "not assessed".
    pub fn parse(v: &Values) -> Result<Assessment, FieldErrors> {
        let mut e = FieldErrors::default();
        let finding = Finding::parse(value(v, "finding"));
        if finding.is_none() {
            e.add("finding", FieldError::Required);
        }
        let needs_reason = finding.is_some_and(|f| f != Finding::NotAssessed);
        let rationale = text(v, "rationale", needs_reason, MAX_TEXT, &mut e);
        let evidence = text(v, "evidence", false, MAX_TEXT, &mut e);
        let a = Assessment { finding: finding.unwrap_or(Finding::NotAssessed), rationale, evidence };
        done(a, e, &Self::FIELDS)
    }
}

/// A request for information (자료제출 요청).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub question: String,
    pub due: Timestamp,
}

impl Request {
    pub const FIELDS: [&'static str; 2] = ["question", "due"];

    pub fn parse(v: &Values, zone: UserZone, now: Timestamp) -> Result<Request, FieldErrors> {
        let mut e = FieldErrors::default();
        let question = text(v, "question", true, MAX_TEXT, &mut e);
        let due = future(v, "due", zone, now, &mut e);
        done(Request { question, due }, e, &Self::FIELDS)
    }
}

/// One message in a request's thread (an answer or a follow-up).
pub fn message(v: &Values) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::default();
    let body = text(v, "body", true, MAX_TEXT, &mut e);
    done(body, e, &["body"])
}

/// A measure and the items it requires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measure {
    pub kind: MeasureKind,
    pub legal_basis: String,
    pub content: String,
    pub due: Timestamp,
    pub amount_krw: Option<i64>,
    pub items: Vec<String>,
}

impl Measure {
    pub const FIELDS: [&'static str; 6] = ["kind", "legal_basis", "content", "deadline", "amount_krw", "items"];

    /// Fines carry an amount and no items; guidance and orders carry at least one item.
    pub fn parse(v: &Values, zone: UserZone, now: Timestamp) -> Result<Measure, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind = MeasureKind::parse(value(v, "kind"));
        if kind.is_none() {
            e.add("kind", FieldError::Required);
        }
        let legal_basis = public_text(v, "legal_basis", true, MAX_LINE, &mut e);
        let content = public_text(v, "content", true, MAX_TEXT, &mut e);
        let due = future(v, "deadline", zone, now, &mut e);
        let monetary = kind.is_some_and(MeasureKind::is_monetary);
        let amount = crate::domain::numbers::digits_only(value(v, "amount_krw"));
        let amount_krw = match (monetary, value(v, "amount_krw").is_empty(), amount) {
            (true, true, _) => {
                e.add("amount_krw", FieldError::Required);
                None
            }
            (true, false, Some(n)) if n > 0 => Some(n),
            (true, false, _) => {
                e.add("amount_krw", FieldError::NotAWholeNumber);
                None
            }
            (false, false, _) if kind.is_some() => {
                e.add("amount_krw", FieldError::AmountOnlyForFines);
                None
            }
            (false, _, _) => None,
        };
        let items: Vec<String> =
            value(v, "items").lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
        if kind.is_some() && !monetary && items.is_empty() {
            e.add("items", FieldError::AtLeastOneRow);
        } else if items.len() > MAX_ITEMS {
            e.add("items", FieldError::TooManyRows);
        } else if let Some(long) = items.iter().find_map(|i| FieldError::length(i, MAX_LINE * 2)) {
            e.add("items", long);
        } else if !items.iter().all(|i| redact::is_well_formed(i)) {
            e.add("items", FieldError::UnbalancedRedaction);
        }
        let m = Measure { kind: kind.unwrap_or(MeasureKind::Guidance), legal_basis, content, due, amount_krw, items };
        done(m, e, &Self::FIELDS)
    }
}

/// The operator reports an item done, saying what was done and where the evidence is.
pub fn item_done(v: &Values) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::default();
    let note = text(v, "note", true, MAX_TEXT, &mut e);
    done(note, e, &["note"])
}

/// The ministry's verdict on an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub state: ItemState,
    pub reason: String,
}

impl Verdict {
    pub const FIELDS: [&'static str; 2] = ["verdict", "reason"];

    /// Accept, reject or waive; rejecting and waiving need a reason.
    pub fn parse(v: &Values) -> Result<Verdict, FieldErrors> {
        let mut e = FieldErrors::default();
        let state = match value(v, "verdict") {
            "accept" => Some(ItemState::Accepted),
            "reject" => Some(ItemState::Rejected),
            "waive" => Some(ItemState::Waived),
            _ => None,
        };
        if state.is_none() {
            e.add("verdict", FieldError::Required);
        }
        let needs_reason = matches!(state, Some(ItemState::Rejected | ItemState::Waived));
        let reason = text(v, "reason", needs_reason, MAX_TEXT, &mut e);
        done(Verdict { state: state.unwrap_or(ItemState::Accepted), reason }, e, &Self::FIELDS)
    }
}

/// One part of the public summary (brief, section e), written in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SummaryPart {
    pub key: &'static str,
    pub label: (&'static str, &'static str),
    pub required: bool,
    pub one_line: bool,
}

const fn part(key: &'static str, label: (&'static str, &'static str), required: bool, one_line: bool) -> SummaryPart {
    SummaryPart { key, label, required, one_line }
}

/// The parts a reviewer writes; findings, measures and commitments come from the case.
pub const SUMMARY_PARTS: [SummaryPart; 7] = [
    part("headline", ("제목", "Headline"), true, true),
    part("summary", ("개요", "Overview"), true, false),
    part("impact", ("영향", "Impact"), true, false),
    part("timeline", ("경과", "Timeline"), false, false),
    part("cause", ("원인", "Cause"), true, false),
    part("communication", ("이용자 고지 평가", "User communication assessment"), false, false),
    part("redaction_note", ("비공개 처리 안내", "Redaction note"), false, false),
];

/// Field names of the summary form: every part in Korean then English, then the reason
/// for a correction.
pub fn summary_fields() -> Vec<String> {
    let mut out: Vec<String> =
        SUMMARY_PARTS.iter().flat_map(|p| [format!("{}_ko", p.key), format!("{}_en", p.key)]).collect();
    out.extend(["reason_ko".to_string(), "reason_en".to_string()]);
    out
}

/// Checks a summary draft. Marked passages must be paired; a draft that withholds anything
/// says so in the redaction note; a correction of a published summary gives its reason.
pub fn summary(v: &Values, correcting: bool) -> Result<Values, FieldErrors> {
    let mut e = FieldErrors::default();
    let mut out = Values::new();
    let mut any_marks = false;
    for p in SUMMARY_PARTS {
        for lang in ["ko", "en"] {
            let k = format!("{}_{lang}", p.key);
            let max = if p.one_line { MAX_LINE } else { MAX_TEXT };
            let s = text(v, &k, p.required, max, &mut e);
            if !redact::is_well_formed(&s) {
                e.add(&k, FieldError::UnbalancedRedaction);
            }
            any_marks |= redact::count(&s) > 0;
            out.insert(k, s);
        }
    }
    if any_marks {
        for k in ["redaction_note_ko", "redaction_note_en"] {
            if value(&out, k).is_empty() {
                e.add(k, FieldError::RequiredWithRedaction);
            }
        }
    }
    for k in ["reason_ko", "reason_en"] {
        let s = public_text(v, k, correcting, MAX_TEXT, &mut e);
        if correcting {
            out.insert(k.to_string(), s);
        }
    }
    let order = summary_fields();
    let order: Vec<&str> = order.iter().map(String::as_str).collect();
    done(out, e, &order)
}

/// The draft with every marked passage withheld, as the public will read it.
pub fn redacted(draft: &Values) -> Values {
    draft.iter().map(|(k, v)| (k.clone(), redact::redact(v, redact::placeholder(!k.ends_with("_en"))))).collect()
}
