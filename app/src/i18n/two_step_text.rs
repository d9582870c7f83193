//! The messages of two-step verification (issue #12). A link in the chain of message files
//! (see `mod.rs`).

macro_rules! two_step_messages {
    ($($rest:tt)*) => {
        security_messages! {
            $($rest)*
            TwoStepTitle => "2단계 인증", "Two-step verification";
            NavTwoStep => "2단계 인증", "Two-step";
            TwoStepPrompt => "휴대전화 인증 앱에 표시된 6자리 코드를 입력하세요.", "Enter the 6-digit code your authenticator app shows.";
            TwoStepCode => "인증 코드", "Verification code";
            TwoStepCodeHint => "휴대전화를 잃어버렸다면 복구 코드 중 하나를 입력하세요.", "Lost your phone? Enter one of your recovery codes instead.";
            TwoStepVerify => "확인", "Verify";
            TwoStepCancel => "처음부터 다시 로그인", "Start signing in again";
            LoginExpired => "5분 안에 로그인을 마치지 않았습니다. 다시 로그인하세요.", "Signing in was not finished within 5 minutes. Sign in again.";
            ErrCodeMalformed => "인증 앱의 6자리 숫자 또는 복구 코드(예: abcde-fghjk)를 입력하세요.", "Enter the 6 digits from your app, or a recovery code (like abcde-fghjk).";
            ErrWrongCode => "코드가 맞지 않거나 이미 사용되었습니다. 코드는 30초마다 바뀝니다. 지금 표시된 코드를 입력하세요.", "The code is not right, or it has been used already. Codes change every 30 seconds: enter the one showing now.";
            TwoStepStatusOn => "사용 중", "On";
            TwoStepStatusOff => "사용 안 함", "Off";
            TwoStepStatusMissing => "필수 · 아직 설정 안 됨", "Required · not set up yet";
            TwoStepIntro => "로그인할 때 비밀번호와 함께 휴대전화 인증 앱의 코드를 입력합니다. 비밀번호가 유출되어도 다른 사람이 로그인할 수 없습니다.", "When you sign in, you enter your password and a code from an authenticator app on your phone, so a stolen password alone is not enough.";
            TwoStepRequiredNotice => "부처 직원, 사업자 서명권자, 시스템 관리자는 2단계 인증을 반드시 사용해야 합니다. 설정을 마쳐야 계속할 수 있습니다.", "Ministry staff, operators' signatories and system administrators must use two-step verification. Set it up to continue.";
            TwoStepOptionalNote => "회원님의 역할에서는 선택 사항이지만 사용을 권장합니다.", "It is optional for your role, and recommended.";
            TwoStepSetUp => "2단계 인증 설정 시작", "Set up two-step verification";
            TwoStepStep1 => "휴대전화에 인증 앱을 설치합니다. TOTP를 지원하는 앱이면 됩니다 (Google Authenticator, Microsoft Authenticator, 1Password, FreeOTP 등).", "Install an authenticator app on your phone: any app that supports TOTP will do (Google Authenticator, Microsoft Authenticator, 1Password, FreeOTP…).";
            TwoStepStep2 => "앱에서 이 QR 코드를 스캔합니다. 스캔할 수 없으면 아래 설정 키를 직접 입력하세요.", "Scan this QR code with the app. If you cannot scan it, type the set-up key below instead.";
            TwoStepQrAlt => "인증 앱 설정용 QR 코드", "QR code for setting up your authenticator app";
            TwoStepKey => "설정 키", "Set-up key";
            TwoStepStep3 => "앱에 표시된 6자리 코드를 입력해 설정을 마칩니다.", "Enter the 6-digit code the app shows, to finish.";
            TwoStepConfirm => "2단계 인증 켜기", "Turn on two-step verification";
            TwoStepRestart => "새 키로 다시 시작", "Start again with a new key";
            TwoStepSetupExpired => "설정 키가 30분 넘게 확인되지 않아 새로 시작해야 합니다.", "The set-up key was not confirmed within 30 minutes: start again.";
            TwoStepSince => "설정한 때", "Set up on";
            TwoStepRecoveryLeft => "남은 복구 코드: {total}개 중 {n}개", "Recovery codes left: {n} of {total}";
            TwoStepRecoveryLow => "복구 코드가 얼마 남지 않았습니다. 새로 발급하세요.", "Few recovery codes are left: make new ones.";
            TwoStepRecoveryNone => "복구 코드가 없습니다. 지금 발급해 두세요. 복구 코드가 없으면 휴대전화를 잃어버렸을 때 관리자에게 초기화를 요청해야 합니다.", "You have no recovery codes. Make some now: without them, a lost phone means asking an administrator to reset your two-step verification.";
            TwoStepFreshTitle => "복구 코드", "Your recovery codes";
            TwoStepFreshIntro => "지금 안전한 곳에 저장하거나 인쇄하세요. 이 코드는 지금 한 번만 표시됩니다. 휴대전화를 잃어버렸을 때 코드 하나로 한 번 로그인할 수 있습니다.", "Save or print them now, somewhere safe: they are shown only this once. If you lose your phone, each code signs you in once.";
            TwoStepEnabledNotice => "2단계 인증을 켰습니다. 다음 로그인부터 인증 앱의 코드를 묻습니다.", "Two-step verification is on. From your next sign-in you will be asked for a code from your app.";
            TwoStepNewCodes => "복구 코드 새로 발급", "Make new recovery codes";
            TwoStepNewCodesHint => "새 코드를 발급하면 이전 코드는 모두 쓸 수 없게 됩니다.", "Making new codes voids every earlier one.";
            TwoStepNewCodesNotice => "새 복구 코드를 발급했습니다. 이전 코드는 이제 쓸 수 없습니다.", "New recovery codes made: the earlier ones no longer work.";
            TwoStepReplace => "다른 인증 앱으로 바꾸기", "Move to another authenticator app";
            TwoStepReplaceHint => "새 앱의 코드로 확인을 마칠 때까지는 지금 앱이 계속 쓰입니다.", "Your current app keeps working until a code from the new one confirms it.";
            TwoStepTurnOff => "2단계 인증 끄기", "Turn off two-step verification";
            TwoStepTurnOffHint => "끄면 비밀번호만으로 로그인하게 됩니다.", "Once it is off, your password alone signs you in.";
            TwoStepCannotTurnOff => "회원님의 역할에서는 2단계 인증이 필수라서 끌 수 없습니다. 다른 인증 앱으로 바꿀 수는 있습니다.", "Your role requires two-step verification, so it cannot be turned off. You can move it to another app.";
            TwoStepOffNotice => "2단계 인증을 껐습니다.", "Two-step verification is off.";
            TwoStepRecoveryUsedNotice => "복구 코드로 로그인했습니다. 사용한 코드는 다시 쓸 수 없습니다. 휴대전화를 잃어버렸다면 다른 인증 앱으로 바꾸세요.", "You signed in with a recovery code, which cannot be used again. If you lost your phone, move to another authenticator app.";
            TwoStepPasswordHint => "본인 확인을 위해 현재 비밀번호를 입력하세요.", "Enter your current password to confirm it is you.";
            TwoStepPolicyTitle => "2단계 인증 정책", "Two-step verification policy";
            TwoStepPolicyIntro => "부처 직원(검토관, 검토 책임자), 사업자 서명권자, 시스템 관리자는 필수입니다. 설정하지 않은 사람은 로그인한 뒤 설정 외에는 아무것도 할 수 없습니다. 담당자와 기관 관리자는 선택입니다.", "Required for ministry staff (reviewers, review leads), operators' signatories and system administrators: until they set it up, they can do nothing after signing in but set it up. Optional for officers and organisation admins.";
            TwoStepPolicyRole => "역할", "Role";
            TwoStepPolicyRule => "정책", "Policy";
            TwoStepRequired => "필수", "Required";
            TwoStepOptional => "선택", "Optional";
            TwoStepPolicyOn => "사용 중인 계정 (사용 중지 제외)", "Accounts with it on (disabled ones left out)";
            TwoStepColumn => "2단계 인증", "Two-step";
            TwoStepResetButton => "2단계 인증 초기화…", "Reset two-step verification…";
            TwoStepResetExplain => "휴대전화와 복구 코드를 모두 잃어버린 사람에게만 하세요. 그 사람의 로그인 세션이 모두 끝나고, 다음 로그인 때 새 인증 앱을 설정해야 합니다(필수인 역할). 이 조치는 감사 기록에 남습니다.", "Only for someone who lost both their phone and their recovery codes. Their sessions all end, and (where their role requires it) they set up a new app at their next sign-in. This is recorded in the audit log.";
            TwoStepResetConfirm => "초기화", "Reset it";
            TwoStepResetDone => "2단계 인증을 초기화했습니다. 그 사람은 모든 곳에서 로그아웃되었습니다.", "Two-step verification was reset: they have been signed out everywhere.";
        }
    };
}
