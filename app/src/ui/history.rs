//! Audit-log actions in words, for the case history.

use crate::i18n::Lang;

/// (action code, Korean, English).
const ACTIONS: &[(&str, &str, &str)] = &[
    ("incident.opened", "장애 등록", "Incident opened"),
    ("draft.started", "보고서 작성 시작", "Report drafting started"),
    ("filing.submitted", "보고서 제출", "Report filed"),
    ("attachment.added", "증빙 자료 추가", "Evidence file added"),
    ("case.assigned", "담당자 지정", "Case assigned"),
    ("duty.assessed", "의무 평가", "Duty assessed"),
    ("request.sent", "자료제출 요청", "Information requested"),
    ("request.follow_up", "추가 질의", "Follow-up sent"),
    ("request.answered", "사업자 답변", "Operator answered"),
    ("request.closed", "요청 종결", "Request closed"),
    ("measure.issued", "조치 부과", "Measure issued"),
    ("measure.acknowledged", "조치 수령 확인", "Measure acknowledged"),
    ("item.done", "이행 완료 보고", "Item reported done"),
    ("item.verified", "이행 확인", "Item verified"),
    ("summary.drafted", "공개 요약 저장", "Summary draft saved"),
    ("summary.submitted_for_approval", "공개 요약 승인 요청", "Summary sent for approval"),
    ("summary.published", "공개 요약 승인·공개", "Summary approved and published"),
    ("summary.corrected", "공개 요약 정정", "Published summary corrected"),
    ("case.closed", "사건 종결", "Case closed"),
];

/// The action in words; an unknown code is shown as it is.
pub fn action_text(code: &str, lang: Lang) -> String {
    ACTIONS.iter().find(|(c, _, _)| *c == code).map_or(code.to_string(), |(_, ko, en)| lang.pick(ko, en).to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_case_action_has_words_in_both_languages() {
        for (code, ko, en) in super::ACTIONS {
            assert!(!ko.is_empty() && !en.is_empty() && ko != en, "{code}");
        }
        assert_eq!(super::action_text("case.closed", crate::i18n::Lang::En), "Case closed");
        assert_eq!(super::action_text("x.y", crate::i18n::Lang::Ko), "x.y");
    }
}
