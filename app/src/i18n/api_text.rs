//! The messages of API tokens (issue #15). A link in the chain of message files (see `mod.rs`).

macro_rules! api_messages {
    ($($rest:tt)*) => {
        law_messages! {
            $($rest)*
            ApiTokensTitle => "API 토큰", "API tokens";
            NavApiTokens => "API 토큰", "API tokens";
            ApiTokensIntro => "사내 장애 관리 도구가 보고서를 직접 제출하거나 자료를 읽도록 개인 API 토큰을 발급합니다. 토큰은 회원님의 역할로, 고른 권한 안에서만 동작합니다. 역할이 바뀌거나 계정이 중지되면 토큰도 더는 쓸 수 없습니다.", "Make personal API tokens so that your incident tooling can file reports or read data directly. A token acts as you, within the scopes you choose, and never beyond your role; it stops working when your role changes or your account is disabled.";
            ApiTokensDocs => "API 설명서와 시험 화면", "API reference and console";
            ApiTokenNew => "새 토큰 만들기", "Make a new token";
            ApiTokenName => "토큰 이름", "Token name";
            ApiTokenNameHint => "어디에 쓰는지 알 수 있게 적으세요 (예: 장애 대응 봇).", "Say what it is for, e.g. incident bot.";
            ApiTokenScopes => "권한", "Scopes";
            ApiTokenScopesHint => "필요한 권한만 고르세요. 회원님의 역할로 줄 수 있는 권한만 보입니다.", "Choose only what it needs. Only the scopes your role may give are shown.";
            ApiTokenDays => "유효 기간", "Expires after";
            ApiTokenDays30 => "30일", "30 days";
            ApiTokenDays90 => "90일", "90 days";
            ApiTokenDays180 => "180일", "180 days";
            ApiTokenDays365 => "1년 (최대)", "1 year (the most)";
            ApiTokenCreate => "토큰 만들기", "Make token";
            ApiTokenFreshTitle => "새 토큰을 지금 복사하세요", "Copy your new token now";
            ApiTokenFreshBody => "이 토큰은 지금 한 번만 표시됩니다. 데스크는 토큰을 읽을 수 있는 형태로 보관하지 않습니다. 잃어버리면 폐기하고 새로 만드세요.", "It is shown this once only: the desk does not keep it in a readable form. If you lose it, revoke it and make a new one.";
            ApiTokenFreshLabel => "새 API 토큰", "New API token";
            ApiTokensYours => "내 토큰", "Your tokens";
            ApiTokensNone => "아직 만든 토큰이 없습니다.", "You have no tokens yet.";
            ApiTokenPrefix => "식별자", "Identifier";
            ApiTokenCreated => "만든 때", "Made";
            ApiTokenExpires => "만료", "Expires";
            ApiTokenLastUsed => "마지막 사용", "Last used";
            ApiTokenNeverUsed => "사용 안 함", "Never";
            ApiTokenStatus => "상태", "Status";
            ApiTokenLive => "사용 가능", "Active";
            ApiTokenRevokedTag => "폐기됨", "Revoked";
            ApiTokenExpiredTag => "만료됨", "Expired";
            ApiTokenRevokeStart => "폐기…", "Revoke…";
            ApiTokenRevokeExplain => "이 토큰을 쓰는 연동은 바로 멈춥니다. 폐기는 되돌릴 수 없고 감사 기록에 남습니다.", "Integrations using this token stop at once. Revoking cannot be undone and is recorded in the audit log.";
            ApiTokenRevoke => "토큰 폐기", "Revoke token";
            ApiTokenRevokedNotice => "토큰을 폐기했습니다.", "The token has been revoked.";
            ApiTokenLimit => "사용 가능한 토큰이 너무 많습니다. 쓰지 않는 토큰을 먼저 폐기하세요.", "You have as many active tokens as you may. Revoke one you no longer use first.";
        }
    };
}
