//! The messages of accounts and sessions, the team and input limits (issue #9). A link in
//! the chain of message files (see `mod.rs`).

macro_rules! security_messages {
    ($($rest:tt)*) => {
        notice_messages! {
            $($rest)*
            Actions => "작업", "Actions";
            SessionsTitle => "내 로그인 세션", "Your sessions";
            NavSessions => "로그인 세션", "Sessions";
            SessionsIntro => "지금 로그인되어 있는 곳입니다. 모르는 곳이 있으면 끝내고 비밀번호를 바꾸세요.", "Where you are signed in now. If you do not recognise one, end it and change your password.";
            SessionBrowser => "브라우저", "Browser";
            SessionBegan => "로그인", "Signed in";
            SessionLastSeen => "마지막 사용", "Last used";
            ThisSession => "지금 이 세션", "This session";
            EndSession => "세션 끝내기", "End this session";
            EndThisSession => "끝내고 로그아웃", "End it and sign out";
            SessionEndedNotice => "세션을 끝냈습니다. 그 브라우저는 다음 요청부터 로그아웃됩니다.", "The session has ended: that browser is signed out from its next request.";
            AccountState => "계정 상태", "Account";
            MemberActive => "사용 중", "Active";
            MemberDisabled => "사용 중지", "Disabled";
            DisableMember => "사용 중지", "Disable";
            EnableMember => "다시 사용", "Enable";
            InvitedNotice => "초대했습니다. 초대받은 분에게 비밀번호를 정하는 링크를 전자우편으로 보냈습니다 (72시간 동안 한 번 쓸 수 있음).", "Invitation sent. They have been e-mailed a link to choose their password (it works once, for 72 hours).";
            InvitationsTitle => "초대 (아직 로그인 전)", "Invitations not yet taken up";
            InvitationsHint => "이미 다른 곳에 계정이 있는 주소는 이 초대로 계정이 만들어지지 않습니다. 오래된 초대는 취소하세요.", "An address that already has an account elsewhere does not get one from this invitation. Withdraw invitations that are no longer wanted.";
            WithdrawInvitation => "초대 취소", "Withdraw";
            MustChangePassword => "관리자가 정한 처음 비밀번호입니다. 계속하려면 새 비밀번호를 정하세요.", "This is a first password chosen by your admin. Choose a new password to continue.";
            PasswordChangedSessions => "비밀번호를 바꿨습니다. 다른 기기와 브라우저의 로그인은 모두 끝났습니다.", "Your password has been changed. You have been signed out everywhere else.";
            SessionLimits => "8시간 동안 사용하지 않거나 로그인한 지 12시간이 지나면 자동으로 로그아웃됩니다.", "You are signed out after 8 hours without activity, and 12 hours after signing in at the latest.";
            ErrTooManyRows => "행이 너무 많습니다. 한 항목에 200행까지 입력할 수 있습니다.", "Too many rows: at most 200 rows per list.";
            ErrContentTooLarge => "보고 내용이 너무 큽니다 (최대 2MB). 긴 자료는 증빙 파일로 올리세요.", "The report is too large (2 MB at most). Upload long material as an evidence file.";
            ErrTooManyFiles => "이 장애에 올릴 수 있는 파일 수(50개) 또는 용량(200MB)을 넘었습니다.", "This incident already has the most files (50) or bytes (200 MB) it can hold.";
            PdfTooLarge => "이 문서는 너무 커서 PDF로 만들 수 없습니다. 담당자에게 문의하세요.", "This document is too large to be made into a PDF. Contact the service desk.";
            FormTooLarge => "보낸 양식이 너무 큽니다. 긴 내용은 증빙 파일로 올리세요.", "The form sent is too large. Upload long material as an evidence file.";
        }
    };
}
