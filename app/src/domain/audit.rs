//! What the audit log records, as a closed set: a mistyped action is a compile error, and
//! every action has words in both languages for the case history.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Each action once: variant, stored code, Korean, English.
macro_rules! audit_actions {
    ($($variant:ident => $code:literal, $ko:literal, $en:literal;)*) => {
        /// One kind of recorded change or refusal.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub enum AuditAction { $($variant),* }

        impl AuditAction {
            /// Every action, in a stable order.
            pub const ALL: &'static [AuditAction] = &[$(AuditAction::$variant),*];

            /// (stored code, Korean, English).
            fn words(self) -> (&'static str, &'static str, &'static str) {
                match self { $(AuditAction::$variant => ($code, $ko, $en)),* }
            }
        }
    };
}

audit_actions! {
    IncidentOpened => "incident.opened", "장애 등록", "Incident opened";
    DraftStarted => "draft.started", "보고서 작성 시작", "Report drafting started";
    FilingSubmitted => "filing.submitted", "보고서 제출", "Report filed";
    AttachmentAdded => "attachment.added", "증빙 자료 추가", "Evidence file added";
    CaseAssigned => "case.assigned", "담당자 지정", "Case assigned";
    DutyAssessed => "duty.assessed", "의무 평가", "Duty assessed";
    RequestSent => "request.sent", "자료제출 요청", "Information requested";
    RequestFollowUp => "request.follow_up", "추가 질의", "Follow-up sent";
    RequestAnswered => "request.answered", "사업자 답변", "Operator answered";
    RequestClosed => "request.closed", "요청 종결", "Request closed";
    MeasureIssued => "measure.issued", "조치 부과", "Measure issued";
    MeasureAcknowledged => "measure.acknowledged", "조치 수령 확인", "Measure acknowledged";
    ItemDone => "item.done", "이행 완료 보고", "Item reported done";
    ItemVerified => "item.verified", "이행 확인", "Item verified";
    SummaryDrafted => "summary.drafted", "공개 요약 저장", "Summary draft saved";
    SummarySubmitted => "summary.submitted_for_approval", "공개 요약 승인 요청", "Summary sent for approval";
    SummaryPublished => "summary.published", "공개 요약 승인·공개", "Summary approved and published";
    SummaryCorrected => "summary.corrected", "공개 요약 정정", "Published summary corrected";
    CaseClosed => "case.closed", "사건 종결", "Case closed";
    CaseReopened => "case.reopened", "사건 재개", "Case reopened";
    OutsideRecorded => "outside.recorded", "데스크 밖 제출 기록", "Submission outside the desk recorded";
    OutsideSignedOff => "outside.signed_off", "데스크 밖 제출 서명 확인", "Submission outside the desk signed off";
    OutsideWithdrawn => "outside.withdrawn", "데스크 밖 제출 기록 철회", "Submission outside the desk withdrawn";
    SignedIn => "account.signed_in", "로그인", "Signed in";
    SignedOut => "account.signed_out", "로그아웃", "Signed out";
    SignInFailed => "account.sign_in_failed", "로그인 실패", "Sign-in failed";
    SignInThrottled => "account.sign_in_throttled", "로그인 시도 제한", "Sign-in refused: too many attempts";
    PasswordChanged => "account.password_changed", "비밀번호 변경", "Password changed";
    SessionEnded => "account.session_ended", "로그인 세션 종료", "Session ended";
    AccessRefused => "access.refused", "접근 거부", "Access refused";
    ProfileSaved => "profile.saved", "기관 정보 저장", "Organisation profile saved";
    ProfileRecordAdded => "profile.record_added", "기관 정보 항목 추가", "Profile record added";
    ProfileRecordRemoved => "profile.record_removed", "기관 정보 항목 삭제", "Profile record removed";
    TeamRoleChanged => "team.role_changed", "구성원 역할 변경", "Colleague's role changed";
    TeamMemberInvited => "team.member_invited", "구성원 초대", "Colleague invited";
    TeamMemberJoined => "team.member_joined", "구성원 계정 생성", "Colleague's account made";
    TeamMemberDisabled => "team.member_disabled", "구성원 사용 중지", "Colleague disabled";
    TeamMemberEnabled => "team.member_enabled", "구성원 다시 사용", "Colleague enabled";
    TeamInvitationWithdrawn => "team.invitation_withdrawn", "초대 취소", "Invitation withdrawn";
    SignatureRequested => "draft.signature_requested", "서명 요청", "Signature requested";
    OutboxRetried => "outbox.retried", "전자우편 다시 보내기", "E-mail queued again";
    PasswordResetRequested => "account.password_reset_requested", "비밀번호 재설정 링크 발송", "Password-reset link sent";
    PasswordReset => "account.password_reset", "링크로 비밀번호 설정", "Password set from a link";
    OrgCreated => "admin.org_created", "기관 등록", "Organisation created";
    OrgUpdated => "admin.org_updated", "기관 정보 수정", "Organisation updated";
    OrgDeactivated => "admin.org_deactivated", "기관 사용 중지", "Organisation deactivated";
    OrgReactivated => "admin.org_reactivated", "기관 다시 사용", "Organisation reactivated";
    StaffInvited => "admin.staff_invited", "부처 직원 초대", "Ministry staff invited";
    StaffRoleChanged => "admin.staff_role_changed", "부처 직원 역할 변경", "Ministry staff role changed";
    StaffDisabled => "admin.staff_disabled", "부처 직원 사용 중지", "Ministry staff disabled";
    StaffEnabled => "admin.staff_enabled", "부처 직원 다시 사용", "Ministry staff enabled";
    TwoStepEnabled => "account.two_step_enabled", "2단계 인증 설정", "Two-step verification set up";
    TwoStepTurnedOff => "account.two_step_turned_off", "2단계 인증 해제", "Two-step verification turned off";
    TwoStepReset => "account.two_step_reset", "관리자가 2단계 인증 초기화", "Two-step verification reset by an administrator";
    RecoveryCodesRenewed => "account.recovery_codes_renewed", "복구 코드 새로 발급", "New recovery codes made";
    RecoveryCodeUsed => "account.recovery_code_used", "복구 코드로 로그인", "Signed in with a recovery code";
    SecondStepFailed => "account.second_step_failed", "2단계 인증 실패", "Two-step verification failed";
    ApiTokenCreated => "api.token_created", "API 토큰 발급", "API token created";
    ApiTokenRevoked => "api.token_revoked", "API 토큰 폐기", "API token revoked";
    WebhookRegistered => "webhook.registered", "웹훅 등록", "Webhook registered";
    WebhookEnabled => "webhook.enabled", "웹훅 다시 켬", "Webhook turned on again";
    WebhookDeleted => "webhook.deleted", "웹훅 삭제", "Webhook deleted";
    WebhookDisabled => "webhook.disabled", "실패가 계속되어 웹훅 꺼짐", "Webhook turned off after repeated failures";
    ApiScopeFirstUsed => "api.scope_first_used", "API 토큰 권한 첫 사용", "API token scope used for the first time";
}

impl AuditAction {
    /// The code stored in the audit log.
    pub fn code(self) -> &'static str {
        self.words().0
    }

    /// The action read back from the log.
    pub fn parse(code: &str) -> Option<AuditAction> {
        Self::ALL.iter().copied().find(|a| a.code() == code)
    }

    /// The action in words.
    pub fn text(self, lang: Lang) -> &'static str {
        let (_, ko, en) = self.words();
        lang.pick(ko, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_unique_code_and_words_in_both_languages() {
        let mut codes = std::collections::HashSet::new();
        for &a in AuditAction::ALL {
            assert!(codes.insert(a.code()), "code {} used twice", a.code());
            assert_eq!(AuditAction::parse(a.code()), Some(a));
            assert!(!a.text(Lang::Ko).is_empty() && a.text(Lang::Ko) != a.text(Lang::En), "{a:?}");
        }
        assert_eq!(AuditAction::parse("x.y"), None);
    }
}
