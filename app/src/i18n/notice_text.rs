//! The messages of notifications, e-mails, the outbox and administration (issue #12). A link
//! in the chain of message files (see `mod.rs`), and [`describe`], which words a notification
//! of a kind in a language, for the bell and for e-mails alike.

use super::{Lang, Msg};
use crate::domain::deadlines::{duty_term, Duty};
use crate::domain::notice::NoticeKind;

macro_rules! notice_messages {
    ($($rest:tt)*) => {
        admin_messages! {
            $($rest)*
            NoticeSignatureRequested => "서명 요청", "Signature requested";
            NoticeSignatureRequestedText => "{reference}의 작성본이 제출 준비가 되어 서명을 기다립니다.", "A draft of {reference} is ready and waits for your signature.";
            NoticeRequestAsked => "자료제출 요청", "Request for information";
            NoticeRequestAskedText => "과학기술정보통신부가 {reference}에 대해 자료제출 요청 {detail}번을 보냈습니다.", "The ministry sent request for information no. {detail} on {reference}.";
            NoticeRequestFollowUp => "자료제출 요청 후속", "Follow-up on a request";
            NoticeRequestFollowUpText => "과학기술정보통신부가 {reference}의 자료제출 요청 {detail}번에 후속 메시지를 보냈습니다.", "The ministry wrote again on request for information no. {detail} on {reference}.";
            NoticeRequestDueSoon => "자료제출 기한 임박", "Request due soon";
            NoticeRequestDueSoonText => "{reference}의 자료제출 요청 {detail}번 기한이 24시간 안에 끝납니다.", "Request for information no. {detail} on {reference} is due within 24 hours.";
            NoticeRequestOverdue => "자료제출 기한 지남", "Request overdue";
            NoticeRequestOverdueText => "{reference}의 자료제출 요청 {detail}번 기한이 지났습니다.", "Request for information no. {detail} on {reference} is past its due time.";
            NoticeMeasureIssued => "조치 부과", "Measure issued";
            NoticeMeasureIssuedText => "과학기술정보통신부가 {reference}에 대해 조치 {detail}번을 내렸습니다. 확인하고 이행하세요.", "The ministry issued measure no. {detail} on {reference}. Acknowledge it and carry it out.";
            NoticeMeasureDueSoon => "조치 기한 임박", "Measure due soon";
            NoticeMeasureDueSoonText => "{reference}의 조치 {detail}번 이행 기한이 24시간 안에 끝납니다.", "Measure no. {detail} on {reference} is due within 24 hours.";
            NoticeMeasureOverdue => "조치 기한 지남", "Measure overdue";
            NoticeMeasureOverdueText => "{reference}의 조치 {detail}번 이행 기한이 지났습니다.", "Measure no. {detail} on {reference} is past its due time.";
            NoticeItemAccepted => "이행 확인됨", "Item accepted";
            NoticeItemAcceptedText => "{reference}의 조치 항목 {detail}의 이행을 과학기술정보통신부가 확인했습니다.", "The ministry accepted item {detail} of the measures on {reference}.";
            NoticeItemRejected => "이행 반려", "Item rejected";
            NoticeItemRejectedText => "{reference}의 조치 항목 {detail}이(가) 반려되었습니다. 사유를 보고 다시 이행하세요.", "Item {detail} of the measures on {reference} was rejected. Read the reason and complete it again.";
            NoticeSummaryPublished => "공개 요약 게시", "Summary published";
            NoticeSummaryPublishedText => "{reference}의 공개 요약이 게시되었습니다.", "The public summary of {reference} has been published.";
            NoticeSummaryCorrected => "공개 요약 정정", "Summary corrected";
            NoticeSummaryCorrectedText => "{reference}의 공개 요약이 정정되었습니다.", "The public summary of {reference} has been corrected.";
            NoticeClockDueSoon => "신고 기한 임박", "Deadline within 24 hours";
            NoticeClockDueSoonText => "{reference}의 {detail} 기한이 24시간 안에 끝납니다.", "The {detail} of {reference} is due within 24 hours.";
            NoticeClockMissed => "신고 기한 지남", "Deadline missed";
            NoticeClockMissedText => "{reference}의 {detail} 기한이 지났습니다.", "The {detail} of {reference} is past its deadline.";
            NoticeFilingReceived => "보고 접수", "Filing received";
            NoticeFilingReceivedText => "{reference}에 대한 보고({detail})가 접수되었습니다.", "A filing ({detail}) on {reference} has been received.";
            NoticeRequestAnswered => "자료제출 답변", "Request answered";
            NoticeRequestAnsweredText => "사업자가 {reference}의 자료제출 요청 {detail}번에 답했습니다.", "The operator answered request for information no. {detail} on {reference}.";
            NoticeMeasureAcknowledged => "조치 확인", "Measure acknowledged";
            NoticeMeasureAcknowledgedText => "사업자가 {reference}의 조치 {detail}번을 확인했습니다.", "The operator acknowledged measure no. {detail} on {reference}.";
            NoticeItemDone => "이행 보고", "Item reported done";
            NoticeItemDoneText => "사업자가 {reference}의 조치 항목 {detail}을(를) 이행했다고 보고했습니다. 확인해 주세요.", "The operator reported item {detail} of the measures on {reference} done. It waits for your verification.";
            NoticeSummaryAwaitingApproval => "공개 승인 요청", "Summary awaiting approval";
            NoticeSummaryAwaitingApprovalText => "{reference}의 공개 요약이 승인을 기다립니다.", "The public summary of {reference} waits for approval.";
            NotificationsTitle => "알림", "Notifications";
            NotificationsUnread => "읽지 않은 알림 {n}건", "{n} unread notifications";
            NotificationsEmpty => "알림이 없습니다.", "No notifications.";
            NotificationsMarkAllRead => "모두 읽음으로 표시", "Mark all as read";
            NotificationsSettings => "알림 설정", "Notification settings";
            NotificationsSettingsIntro => "앱 안의 알림은 항상 받습니다. 전자우편으로 받을 알림을 고르세요.", "In-app notifications are always on. Choose which of them also come by e-mail.";
            NotificationsEmailFor => "전자우편으로 받기", "Send by e-mail";
            NotificationsSaved => "알림 설정을 저장했습니다.", "Your notification settings have been saved.";
            NotificationsSaveSettings => "설정 저장", "Save settings";
            NavNotifications => "알림", "Notifications";
            NavAdmin => "관리", "Administration";
            OutboxTitle => "보낼 전자우편 (발신함)", "Outbox";
            OutboxIntro => "장애 신고 데스크가 보내는 모든 전자우편입니다. 보내지 못한 메일은 다시 시도하고, 8번 실패하거나 받는 서버가 영구적으로 거부하면 '보내지 못함'이 됩니다.", "Every e-mail Outage Desk sends. A message that fails is tried again with growing pauses; after 8 failures or a permanent refusal it is a dead letter.";
            OutboxNoSmtp => "SMTP 서버가 설정되지 않았습니다(SMTP_URL). 메일은 보내지 않고 여기에 보관합니다. 아래에서 전체 내용을 읽을 수 있습니다.", "No SMTP server is configured (SMTP_URL): messages are kept here instead of being sent. Read them in full below.";
            OutboxPending => "대기", "Waiting";
            OutboxSent => "보냄", "Sent";
            OutboxDead => "보내지 못함", "Dead letter";
            OutboxAll => "전체", "All";
            OutboxTo => "받는 사람", "To";
            OutboxSubject => "제목", "Subject";
            OutboxState => "상태", "State";
            OutboxAttempts => "시도", "Attempts";
            OutboxCreated => "만든 때", "Queued";
            OutboxLastError => "마지막 오류", "Last error";
            OutboxEmpty => "메일이 없습니다.", "No messages.";
            OutboxAttemptLog => "시도 기록", "Attempts";
            OutboxNoAttempts => "아직 시도하지 않았습니다.", "Not tried yet.";
            OutboxRetry => "다시 보내기", "Queue it again";
            OutboxRetried => "다시 보낼 메일로 되돌렸습니다.", "The message is queued again.";
            OutboxNextAttempt => "다음 시도", "Next attempt";
            OutboxBody => "본문", "Message";
            OutboxSender => "보낸 인스턴스", "Sender";
            OutboxOutcome => "결과", "Outcome";
            OutboxAnswer => "서버 응답", "Server's answer";
            BackToOutbox => "발신함으로", "Back to the outbox";
            AskSignatories => "서명권자에게 서명 요청", "Ask the signatories to sign";
            AskSignatoriesHint => "기관의 서명권자에게 이 작성본이 제출 준비가 되었다고 알림과 전자우편으로 알립니다.", "Tells your organisation's authorised signatories, in the desk and by e-mail, that this draft is ready to be signed and filed.";
            SignatoriesAsked => "서명권자에게 알렸습니다. 작성본을 바꾸면 다시 요청할 수 있습니다.", "Your signatories have been told. If the draft changes, you can ask again.";
            ForgotTitle => "비밀번호를 잊으셨나요?", "Forgotten your password?";
            ForgotIntro => "계정의 전자우편 주소를 입력하세요. 계정이 있으면 1시간 동안 쓸 수 있는 재설정 링크를 보냅니다.", "Enter your account's e-mail address. If it has an account, we send a link that works for one hour.";
            ForgotSend => "재설정 링크 보내기", "Send the reset link";
            ForgotSent => "이 주소에 계정이 있으면 재설정 링크를 보냈습니다. 전자우편을 확인하세요. 몇 분 안에 오지 않으면 스팸함도 확인하세요.", "If that address has an account, a reset link is on its way. Check your e-mail (and the spam folder if nothing arrives within a few minutes).";
            ForgotLink => "비밀번호를 잊으셨나요?", "Forgotten your password?";
            BackToSignIn => "로그인으로 돌아가기", "Back to sign-in";
            ResetTitle => "새 비밀번호 정하기", "Choose a new password";
            ResetSave => "비밀번호 저장", "Save the password";
            ResetDead => "이 재설정 링크는 이미 쓰였거나, 더 새 링크가 발급되었거나, 1시간이 지나 만료되었습니다. 새 링크를 요청하세요.", "This reset link has been used, replaced by a newer one, or has expired (links work for one hour). Ask for a new one.";
            InvitationTitle => "초대 수락: 비밀번호 정하기", "Accept your invitation: choose a password";
            InvitationAccept => "비밀번호 정하고 계정 만들기", "Choose the password and make my account";
            InvitationDead => "이 초대 링크는 이미 쓰였거나, 취소·갱신되었거나, 72시간이 지나 만료되었습니다. 초대한 분에게 다시 초대해 달라고 하세요.", "This invitation link has been used, withdrawn or replaced, or has expired (links work for 72 hours). Ask the person who invited you to invite you again.";
            LinkDeadTitle => "이 링크는 더 이상 쓸 수 없습니다", "This link no longer works";
            LinkFor => "{name} ({email}) 계정입니다.", "This is for {name} ({email}).";
            PasswordResetDone => "비밀번호를 정했습니다. 다른 곳의 로그인은 모두 끝났습니다. 새 비밀번호로 로그인하세요.", "Your password is set and every other session has ended. Sign in with the new password.";
            InvitationDone => "계정을 만들었습니다. 방금 정한 비밀번호로 로그인하세요.", "Your account is ready. Sign in with the password you just chose.";
            InvitationAddressTaken => "이 주소에는 이미 계정이 있습니다. 그 계정의 비밀번호로 로그인하거나, 비밀번호를 잊었다면 재설정하세요. 한 주소는 한 기관에만 속할 수 있습니다.", "This address already has an account. Sign in with its password, or reset it if forgotten. One address belongs to one organisation.";
            ErrInvalidSlug => "영문 소문자, 숫자, 하이픈(-)으로 2~40자를 입력하세요. 공개 주소에 쓰입니다 (예: pangyo-talk).", "Use 2 to 40 lower-case letters, digits and hyphens; it is part of public addresses (e.g. pangyo-talk).";
            ErrSlugTaken => "다른 기관이 이미 쓰는 짧은 이름입니다.", "Another organisation already has this short name.";
            NotificationUnreadTag => "새 알림", "New";
            MailGreeting => "{name}님,", "Dear {name},";
            MailOpenPage => "페이지 열기:", "Open the page:";
            MailLinkUsed => "(이 링크는 이미 보냈으므로 여기에는 표시하지 않습니다.)", "(The link was sent and is no longer shown here.)";
            MailInvitationSubject => "장애 신고 데스크 초대", "Your invitation to Outage Desk";
            MailInvitationText => "장애 신고 데스크 계정에 초대되었습니다. 72시간 안에 아래 링크를 열어 비밀번호를 정하세요. 링크는 한 번만 쓸 수 있습니다.", "You have been invited to an Outage Desk account. Open the link below within 72 hours to choose your password. The link works once.";
            MailResetSubject => "비밀번호 재설정", "Reset your password";
            MailResetText => "비밀번호 재설정을 요청하셨습니다. 1시간 안에 아래 링크를 열어 새 비밀번호를 정하세요. 요청하지 않았다면 이 메일을 무시하세요.", "Someone asked to reset your password. Open the link below within one hour to choose a new one. If it was not you, ignore this e-mail.";
            MailFooter => "장애 신고 데스크에서 보낸 알림입니다. 전자우편 수신 설정:", "This is a notification from Outage Desk. Choose which e-mails you get:";
        }
    };
}

/// The message pair (title, sentence with `{reference}` and `{detail}`) of a kind.
fn texts(kind: NoticeKind) -> (Msg, Msg) {
    use NoticeKind as K;
    match kind {
        K::SignatureRequested => (Msg::NoticeSignatureRequested, Msg::NoticeSignatureRequestedText),
        K::RequestAsked => (Msg::NoticeRequestAsked, Msg::NoticeRequestAskedText),
        K::RequestFollowUp => (Msg::NoticeRequestFollowUp, Msg::NoticeRequestFollowUpText),
        K::RequestDueSoon => (Msg::NoticeRequestDueSoon, Msg::NoticeRequestDueSoonText),
        K::RequestOverdue => (Msg::NoticeRequestOverdue, Msg::NoticeRequestOverdueText),
        K::MeasureIssued => (Msg::NoticeMeasureIssued, Msg::NoticeMeasureIssuedText),
        K::MeasureDueSoon => (Msg::NoticeMeasureDueSoon, Msg::NoticeMeasureDueSoonText),
        K::MeasureOverdue => (Msg::NoticeMeasureOverdue, Msg::NoticeMeasureOverdueText),
        K::ItemAccepted => (Msg::NoticeItemAccepted, Msg::NoticeItemAcceptedText),
        K::ItemRejected => (Msg::NoticeItemRejected, Msg::NoticeItemRejectedText),
        K::SummaryPublished => (Msg::NoticeSummaryPublished, Msg::NoticeSummaryPublishedText),
        K::SummaryCorrected => (Msg::NoticeSummaryCorrected, Msg::NoticeSummaryCorrectedText),
        K::ClockDueSoon => (Msg::NoticeClockDueSoon, Msg::NoticeClockDueSoonText),
        K::ClockMissed => (Msg::NoticeClockMissed, Msg::NoticeClockMissedText),
        K::FilingReceived => (Msg::NoticeFilingReceived, Msg::NoticeFilingReceivedText),
        K::RequestAnswered => (Msg::NoticeRequestAnswered, Msg::NoticeRequestAnsweredText),
        K::MeasureAcknowledged => (Msg::NoticeMeasureAcknowledged, Msg::NoticeMeasureAcknowledgedText),
        K::ItemDone => (Msg::NoticeItemDone, Msg::NoticeItemDoneText),
        K::SummaryAwaitingApproval => (Msg::NoticeSummaryAwaitingApproval, Msg::NoticeSummaryAwaitingApprovalText),
    }
}

/// The short name of a kind ("Request for information"), for the settings page.
pub fn kind_name(kind: NoticeKind, lang: Lang) -> &'static str {
    texts(kind).0.t(lang)
}

/// A notification in words: its title and its sentence. `detail` is what the kind stores
/// beside the reference: a number, a version, or a clock as `regime/duty`.
pub fn describe(kind: NoticeKind, reference: &str, detail: &str, lang: Lang) -> (String, String) {
    let (title, text) = texts(kind);
    let detail = match kind {
        NoticeKind::ClockDueSoon | NoticeKind::ClockMissed => clock_name(detail, lang),
        NoticeKind::FilingReceived => version_name(detail, lang),
        _ => detail.to_string(),
    };
    (title.t(lang).to_string(), text.fill(lang, &[("reference", &reference), ("detail", &detail)]))
}

/// "KR TBA · initial report" from `regime/duty`, in the regime's own terms where it has them.
fn clock_name(detail: &str, lang: Lang) -> String {
    let Some((regime, duty)) = detail.split_once('/') else { return detail.to_string() };
    let Some(duty) = Duty::parse(duty) else { return detail.to_string() };
    let duty_text = duty_term(regime, duty)
        .map_or_else(|| crate::ui::clocks::duty_msg(duty).t(lang).to_string(), |t| lang.pick(t.0, t.1).to_string());
    format!("{} {duty_text}", crate::ui::clocks::regime_name(regime, lang))
}

/// "version 2" / "제출본 2".
fn version_name(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("제출본 {detail}"),
        Lang::En => format!("version {detail}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_names_its_incident_in_both_languages() {
        for k in NoticeKind::ALL {
            for lang in [Lang::Ko, Lang::En] {
                let (title, text) = describe(*k, "OD-2026-000007", "3", lang);
                assert!(!title.is_empty(), "{k:?} {lang:?}");
                assert!(text.contains("OD-2026-000007"), "{k:?} {lang:?}: {text}");
                assert!(!text.contains('{'), "{k:?} {lang:?} left a placeholder: {text}");
            }
            assert_ne!(describe(*k, "R", "1", Lang::Ko), describe(*k, "R", "1", Lang::En));
        }
    }

    #[test]
    fn clocks_are_named_by_regime_and_duty() {
        let (_, text) = describe(NoticeKind::ClockMissed, "R", "KR_TBA22_7/initial_report", Lang::En);
        assert!(!text.contains("KR_TBA22_7/") && text.contains("22-7"), "{text}");
        let (_, text) = describe(NoticeKind::ClockDueSoon, "R", "garbage", Lang::En);
        assert!(text.contains("garbage"));
    }
}
