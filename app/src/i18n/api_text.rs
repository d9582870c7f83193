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
            ErrWebhookUrl => "https://로 시작하는 주소를 입력하세요 (사용자 이름·비밀번호·# 없이).", "Enter an address starting with https:// (no user name, password or #).";
            WebhooksTitle => "웹훅", "Webhooks";
            WebhooksIntro => "요청·조치·공개·기한 알림이 생기면 데스크가 귀사의 HTTPS 주소로 JSON을 보냅니다. 각 요청에는 서명(HMAC-SHA256)이 붙습니다. 받는 쪽에서 서명을 확인하세요.", "When a request, measure, publication or deadline warning concerns your organisation, the desk sends JSON to your HTTPS address, signed with HMAC-SHA256: check the signature on your side.";
            WebhooksAdminOnly => "웹훅은 기관 관리자만 등록하거나 바꿀 수 있습니다. 목록과 전송 기록은 기관의 누구나 볼 수 있습니다.", "Only your organisation's admin can register or change webhooks; everyone in the organisation can read the list and the delivery log.";
            WebhooksNone => "등록한 웹훅이 없습니다.", "No webhooks registered.";
            WebhookUrl => "받을 주소", "Endpoint address";
            WebhookUrlHint => "https://로 시작하는 공개 주소. 내부망 주소로는 보내지 않습니다.", "A public https:// address; the desk does not send to internal addresses.";
            WebhookEvents => "받을 사건", "Events";
            WebhookAdd => "웹훅 등록", "Register webhook";
            WebhookSecretTitle => "서명 비밀값을 지금 복사하세요", "Copy the signing secret now";
            WebhookSecretBody => "이 값은 지금 한 번만 표시됩니다. 받는 쪽에서 서명을 확인할 때 씁니다.", "It is shown this once only. Your receiver uses it to check signatures.";
            WebhookSecretLabel => "서명 비밀값", "Signing secret";
            WebhookStatus => "상태", "Status";
            WebhookActive => "사용 중", "Active";
            WebhookOffFailures => "실패가 계속되어 꺼짐", "Turned off after repeated failures";
            WebhookOffAdmin => "꺼짐", "Turned off";
            WebhookDeliveries => "최근 전송", "Recent deliveries";
            WebhookDeliveryNone => "아직 보낸 것이 없습니다.", "Nothing sent yet.";
            WebhookEvent => "사건", "Event";
            WebhookAttempts => "시도", "Attempts";
            WebhookResult => "결과", "Result";
            WebhookDelivered => "전달됨", "Delivered";
            WebhookPending => "대기 중", "Waiting";
            WebhookFailed => "포기함", "Given up";
            WebhookPing => "시험 전송", "Send a test event";
            WebhookEnable => "다시 켜기", "Turn on again";
            WebhookDeleteStart => "삭제…", "Delete…";
            WebhookDeleteExplain => "이 주소로는 더 보내지 않습니다. 아직 보내지 못한 전송도 취소됩니다. 감사 기록에 남습니다.", "Nothing more is sent to this address, and deliveries still waiting are cancelled. This is recorded in the audit log.";
            WebhookDelete => "웹훅 삭제", "Delete webhook";
            WebhookDone => "저장했습니다.", "Saved.";
            WebhookLimit => "웹훅을 더 등록할 수 없습니다 (기관당 10개).", "No more webhooks can be registered (10 per organisation).";
            NavWebhooks => "웹훅", "Webhooks";
            ApiTokenLimit => "사용 가능한 토큰이 너무 많습니다. 쓰지 않는 토큰을 먼저 폐기하세요.", "You have as many active tokens as you may. Revoke one you no longer use first.";
        }
    };
}
