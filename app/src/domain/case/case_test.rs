use super::forms::{self, Values};
use super::redact;
use super::*;
use crate::domain::duties::Finding;
use crate::domain::validation::FieldError;
use crate::domain::zone::UserZone;

fn values(pairs: &[(&str, &str)]) -> Values {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

const NOW: Timestamp = Timestamp(1_767_225_600); // 2026-01-01T00:00Z

#[test]
fn a_case_closes_only_when_every_item_is_verified_or_waived() {
    let mut f = CaseFacts { item_states: vec![ItemState::Accepted, ItemState::Done], ..CaseFacts::default() };
    assert_eq!(may_close(&f), Err(CloseBlock::UnsettledItems(1)));
    f.item_states[1] = ItemState::Rejected;
    assert_eq!(may_close(&f), Err(CloseBlock::UnsettledItems(1)), "a rejected item is back with the operator");
    f.item_states[1] = ItemState::Waived;
    assert_eq!(may_close(&f), Ok(()));
    f.open_requests = 2;
    assert_eq!(may_close(&f), Err(CloseBlock::OpenRequests(2)));
    f.open_requests = 0;
    f.summary_draft_pending = true;
    assert_eq!(may_close(&f), Err(CloseBlock::SummaryPending));
    assert_eq!(may_close(&CaseFacts { closed: true, ..CaseFacts::default() }), Err(CloseBlock::AlreadyClosed));
}

#[test]
fn item_transitions_follow_who_may_act() {
    assert!(ItemState::Required.operator_may_mark_done() && ItemState::Rejected.operator_may_mark_done());
    assert!(!ItemState::Done.operator_may_mark_done() && !ItemState::Accepted.operator_may_mark_done());
    assert!(ItemState::Done.ministry_may_verify());
    assert!(!ItemState::Required.ministry_may_verify(), "nothing to verify until reported done");
    assert!(ItemState::Required.ministry_may_waive() && !ItemState::Accepted.ministry_may_waive());
    for s in ItemState::ALL {
        assert_eq!(ItemState::parse(s.as_str()), Some(s));
    }
}

#[test]
fn nobody_approves_their_own_summary() {
    assert_eq!(may_approve(true, 7, 7, true), Err(ApprovalBlock::OwnDraft));
    assert_eq!(may_approve(false, 7, 8, true), Err(ApprovalBlock::NotALead));
    assert_eq!(may_approve(true, 7, 8, false), Err(ApprovalBlock::NotSubmitted));
    assert_eq!(may_approve(true, 7, 8, true), Ok(()));
}

#[test]
fn requests_are_overdue_only_while_unanswered() {
    let due = Timestamp(NOW.0 + 3600);
    assert_eq!(request_state(due, None, None, NOW), RequestState::Awaiting);
    let later = Timestamp(due.0 + 90 * 60);
    assert_eq!(request_state(due, None, None, later), RequestState::Overdue { minutes: 90 });
    assert_eq!(request_state(due, Some(later), None, later), RequestState::Answered { late: true });
    assert_eq!(request_state(due, Some(NOW), Some(later), later), RequestState::Closed { late: false });
}

#[test]
fn redaction_marks_must_pair_and_are_replaced() {
    assert!(redact::is_well_formed("a [[b]] c [[d]]"));
    assert!(!redact::is_well_formed("a [[b c"));
    assert!(!redact::is_well_formed("a ]] b"));
    assert!(!redact::is_well_formed("[[a [[b]] c]]"), "no nesting");
    assert_eq!(redact::redact("원인: [[서버 10.0.0.7]] 장애", "[비공개]"), "원인: [비공개] 장애");
    assert_eq!(redact::count("[[a]] [[b]]"), 2);
    let public = forms::redacted(&values(&[("cause_ko", "[[x]]"), ("cause_en", "[[x]]")]));
    assert_eq!(public.get("cause_ko").map(String::as_str), Some("[비공개]"));
    assert_eq!(public.get("cause_en").map(String::as_str), Some("[withheld]"));
}

fn full_summary() -> Vec<(&'static str, &'static str)> {
    vec![
        ("headline_ko", "제목"),
        ("headline_en", "Headline"),
        ("summary_ko", "개요"),
        ("summary_en", "Overview"),
        ("impact_ko", "영향"),
        ("impact_en", "Impact"),
        ("cause_ko", "원인 [[비밀]]"),
        ("cause_en", "Cause [[secret]]"),
    ]
}

#[test]
fn a_summary_that_withholds_text_says_so_and_a_correction_gives_a_reason() {
    let errs = forms::summary(&values(&full_summary()), false).err().unwrap_or_default();
    assert_eq!(errs.get("redaction_note_ko"), Some(FieldError::RequiredWithRedaction));
    let mut noted = full_summary();
    noted.extend([("redaction_note_ko", "비공개"), ("redaction_note_en", "Withheld")]);
    assert!(forms::summary(&values(&noted), false).is_ok());
    let errs = forms::summary(&values(&noted), true).err().unwrap_or_default();
    assert_eq!(errs.get("reason_ko"), Some(FieldError::Required));
    let mut broken = noted.clone();
    broken.push(("impact_en", "Impact [[open"));
    let errs = forms::summary(&values(&broken), false).err().unwrap_or_default();
    assert_eq!(errs.get("impact_en"), Some(FieldError::UnbalancedRedaction));
    let errs = forms::summary(&values(&[]), false).err().unwrap_or_default();
    assert_eq!(errs.0.first().map(|(k, _)| k.as_str()), Some("headline_ko"), "errors in form order");
    // a correction's reason is published too: its marks must pair
    let mut reason = noted.clone();
    reason.extend([("reason_ko", "정정 [[내부"), ("reason_en", "Fixed")]);
    let errs = forms::summary(&values(&reason), true).err().unwrap_or_default();
    assert_eq!(errs.get("reason_ko"), Some(FieldError::UnbalancedRedaction));
}

#[test]
fn a_measure_that_will_be_published_has_paired_marks() {
    let now = Timestamp(1_800_000_000);
    let due = UserZone::Seoul.to_input(Timestamp(now.0 + 86_400 * 30));
    let measure = |content: &str, items: &str| {
        let v = values(&[
            ("kind", "guidance"),
            ("legal_basis", "전기통신사업법"),
            ("content", content),
            ("deadline", &due),
            ("items", items),
        ]);
        forms::Measure::parse(&v, UserZone::Seoul, now).err().unwrap_or_default()
    };
    assert!(measure("개선 [[내부 주소]] 계획", "계획서\n[[비공개 항목]]").is_empty());
    assert_eq!(measure("개선 [[내부", "계획서").get("content"), Some(FieldError::UnbalancedRedaction));
    assert_eq!(measure("개선", "계획서 ]]").get("items"), Some(FieldError::UnbalancedRedaction));
    assert_eq!(crate::domain::case::redact::public_text("a [[b]] c"), "a [비공개 · withheld] c");
}

#[test]
fn measures_carry_items_or_an_amount_never_both() {
    let due = "2026-02-01T10:00";
    let order = values(&[
        ("kind", "corrective_order"),
        ("legal_basis", "TBA 92"),
        ("content", "c"),
        ("deadline", due),
        ("items", "a\n\n b "),
    ]);
    let m = forms::Measure::parse(&order, UserZone::Seoul, NOW).map_err(|e| format!("{e:?}"));
    assert_eq!(m.map(|m| m.items), Ok(vec!["a".to_string(), "b".to_string()]));
    let mut with_amount = order.clone();
    with_amount.insert("amount_krw".into(), "100".into());
    let e = forms::Measure::parse(&with_amount, UserZone::Seoul, NOW).err().unwrap_or_default();
    assert_eq!(e.get("amount_krw"), Some(FieldError::AmountOnlyForFines));
    let fine = values(&[
        ("kind", "administrative_fine"),
        ("legal_basis", "TBA 104"),
        ("content", "c"),
        ("deadline", due),
        ("amount_krw", "10,000,000"),
    ]);
    let m = forms::Measure::parse(&fine, UserZone::Seoul, NOW).map_err(|e| format!("{e:?}"));
    assert_eq!(m.map(|m| m.amount_krw), Ok(Some(10_000_000)));
    let mut no_items = order.clone();
    no_items.insert("items".into(), " \n".into());
    let e = forms::Measure::parse(&no_items, UserZone::Seoul, NOW).err().unwrap_or_default();
    assert_eq!(e.get("items"), Some(FieldError::AtLeastOneRow));
    let past = values(&[
        ("kind", "guidance"),
        ("legal_basis", "x"),
        ("content", "c"),
        ("deadline", "2025-12-31T10:00"),
        ("items", "a"),
    ]);
    let e = forms::Measure::parse(&past, UserZone::Seoul, NOW).err().unwrap_or_default();
    assert_eq!(e.get("deadline"), Some(FieldError::DueInThePast));
}

#[test]
fn findings_need_a_rationale_except_not_assessed_and_verdicts_a_reason_to_reject() {
    let e = forms::Assessment::parse(&values(&[("finding", "compliant")])).err().unwrap_or_default();
    assert_eq!(e.get("rationale"), Some(FieldError::Required));
    let a = forms::Assessment::parse(&values(&[("finding", "not_assessed")])).map(|a| a.finding);
    assert_eq!(a, Ok(Finding::NotAssessed));
    let e = forms::Assessment::parse(&values(&[("finding", "great")])).err().unwrap_or_default();
    assert_eq!(e.get("finding"), Some(FieldError::Required));
    assert!(forms::Verdict::parse(&values(&[("verdict", "accept")])).is_ok());
    let e = forms::Verdict::parse(&values(&[("verdict", "waive")])).err().unwrap_or_default();
    assert_eq!(e.get("reason"), Some(FieldError::Required));
    let e = forms::Request::parse(&values(&[("question", "q"), ("due", "soon")]), UserZone::Seoul, NOW)
        .err()
        .unwrap_or_default();
    assert_eq!(e.get("due"), Some(FieldError::InvalidDateTime));
}

#[test]
fn closing_warns_of_unassessed_duties_and_a_missing_summary_and_needs_a_reason_and_a_tick() {
    let findings = [Finding::Compliant, Finding::NotAssessed, Finding::NotAssessed];
    assert_eq!(
        close_warnings(&findings, false),
        vec![CloseWarning::DutiesNotAssessed { open: 2, total: 3 }, CloseWarning::NoPublicSummary]
    );
    assert_eq!(close_warnings(&[Finding::NotApplicable], true), vec![]);
    let e = forms::closure(&values(&[("close_note", " ")])).err().unwrap_or_default();
    assert_eq!(e.get("close_note"), Some(FieldError::Required));
    assert_eq!(e.get("confirm"), Some(FieldError::MustConfirm));
    let e = forms::closure(&values(&[("close_note", "done"), ("confirm", "on")])).err().unwrap_or_default();
    assert_eq!(e.get("confirm"), Some(FieldError::MustConfirm), "only the form's own value confirms");
    assert_eq!(forms::closure(&values(&[("close_note", " done "), ("confirm", "yes")])), Ok("done".to_string()));
}

#[test]
fn only_a_lead_reopens_and_only_a_closed_case_with_a_reason() {
    assert_eq!(may_reopen(false, true), Err(ReopenBlock::NotALead));
    assert_eq!(may_reopen(true, false), Err(ReopenBlock::NotClosed));
    assert_eq!(may_reopen(true, true), Ok(()));
    let e = forms::reopening(&values(&[])).err().unwrap_or_default();
    assert_eq!(e.get("reopen_reason"), Some(FieldError::Required));
    assert_eq!(forms::reopening(&values(&[("reopen_reason", "new facts")])), Ok("new facts".to_string()));
}
