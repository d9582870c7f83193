//! Every user-facing string, in Korean and English. A message without both cannot be
//! written: the macro takes the pair.

use serde::{Deserialize, Serialize};

use crate::domain::auth::Role;
use crate::domain::filing::CauseCategory;
use crate::domain::validation::FieldError;

/// Display language. Korean is the default: the service is run by the Korean ministry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ko,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    /// Picks the Korean or English variant of a pair of values.
    pub fn pick<'a>(self, ko: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }
}

macro_rules! messages {
    ($($name:ident => $ko:literal, $en:literal;)*) => {
        /// A translatable message.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($name),* }
        impl Msg {
            /// The message in `lang`.
            pub fn t(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::Ko) => $ko, (Msg::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    SiteName => "장애 신고 데스크", "Outage Desk";
    Masthead => "이 누리집은 과학기술정보통신부 서비스 장애 신고·검토 시스템입니다.", "This is the Ministry of Science and ICT's service-outage reporting and review system.";
    SkipToContent => "본문 바로가기", "Skip to main content";
    LanguageSwitch => "English", "한국어";
    NavIncidents => "공개 장애 요약", "Published incidents";
    NavFiling => "장애 신고", "Filing";
    NavReview => "검토", "Review";
    SignIn => "로그인", "Sign in";
    SignOut => "로그아웃", "Sign out";
    SignedInAs => "로그인 사용자", "Signed in as";
    Loading => "불러오는 중…", "Loading…";
    HomeTitle => "서비스 장애 신고와 공개", "Service-outage reports, reviewed and published";
    HomeIntro => "부가통신사업자는 서비스 장애를 단계별로 신고하고, 과학기술정보통신부는 이를 법정 서비스 안정성 의무에 비추어 검토한 뒤 요약을 공개합니다.", "Platform operators report service outages in stages; the ministry reviews each filing against the legal service-stability duties and publishes a summary.";
    LatestIncidents => "최근 공개된 장애", "Recently published incidents";
    AllIncidents => "공개된 장애 전체 보기", "All published incidents";
    IncidentsTitle => "공개된 장애 요약", "Published incident summaries";
    NoPublishedIncidents => "아직 공개된 장애 요약이 없습니다.", "No incident summaries have been published yet.";
    Operator => "사업자", "Operator";
    Reference => "접수번호", "Reference";
    PublishedAt => "공개일시", "Published";
    Onset => "발생 시각", "Onset";
    Detected => "인지 시각", "Detected";
    Cause => "원인 분류", "Cause category";
    ServicesAffected => "영향받은 서비스", "Services affected";
    UsersAffected => "영향 이용자 수(추정)", "Users affected (estimate)";
    Summary => "요약", "Summary";
    NotFoundTitle => "페이지를 찾을 수 없습니다", "Page not found";
    NotFoundBody => "주소가 맞는지 확인하세요. 공개되지 않았거나 볼 권한이 없는 자료일 수 있습니다.", "Check the address. The item may not be published, or you may not have access to it.";
    ErrorTitle => "문제가 발생했습니다", "Something went wrong";
    ErrorBody => "요청을 처리하지 못했습니다. 잠시 후 다시 시도하세요. 문제가 계속되면 운영팀에 문의하세요.", "We could not complete your request. Try again shortly; if it keeps happening, contact the service team.";
    ForbiddenTitle => "접근 권한이 없습니다", "You do not have access to this page";
    ForbiddenBody => "이 페이지는 다른 역할의 사용자를 위한 것입니다. 필요한 경우 기관 관리자에게 문의하세요.", "This page is for people with a different role. Ask your administrator if you need access.";
    SignInRequired => "로그인이 필요합니다", "You need to sign in";
    SignInRequiredBody => "이 페이지를 보려면 권한이 있는 계정으로 로그인하세요.", "Sign in with an account that has access to see this page.";
    LoginTitle => "로그인", "Sign in";
    Email => "이메일", "Email";
    Password => "비밀번호", "Password";
    LoginFailed => "이메일 또는 비밀번호가 올바르지 않습니다.", "The email or password is not correct.";
    LoginThrottled => "로그인 시도가 너무 많습니다. 15분 후에 다시 시도하세요.", "Too many sign-in attempts. Try again in 15 minutes.";
    ErrorSummaryTitle => "다음 항목을 확인하세요", "There is a problem";
    FilingDashboardTitle => "우리 기관의 장애 신고", "Your organisation's filings";
    NewIncident => "새 장애 신고", "Report a new incident";
    NoFilings => "아직 제출한 신고가 없습니다.", "You have not filed any reports yet.";
    Stage => "단계", "Stage";
    Status => "상태", "Status";
    SubmittedAt => "제출일시", "Submitted";
    Title => "장애 제목", "Incident title";
    NewIncidentTitle => "최초 보고 작성", "Initial notification";
    NewIncidentIntro => "방송통신발전 기본법 제38조에 따라 장애의 현황, 원인, 응급조치 내용을 지체 없이 보고합니다. 시각은 한국 표준시(KST)로 입력하세요.", "Report the status, cause and emergency measures without delay (Framework Act Art. 38). Enter times in Korean Standard Time (KST).";
    ServicesAffectedHint => "한 줄에 하나씩 또는 쉼표로 구분", "One per line, or separated by commas";
    OnsetHint => "추정 발생 시각 (KST)", "Estimated start (KST)";
    DetectedHint => "사업자가 장애를 인지한 시각 (KST)", "When you became aware of it (KST)";
    Description => "장애 현황", "Description of the outage";
    EmergencyMeasures => "응급조치 내용", "Emergency measures taken";
    UsersAffectedHint => "숫자만 입력 (예: 47000000)", "Digits only (e.g. 47000000)";
    ChooseOne => "선택하세요", "Choose one";
    Submit => "제출", "Submit";
    SubmitFiling => "최초 보고 제출", "Submit initial notification";
    ConfirmationTitle => "신고가 접수되었습니다", "Filing received";
    ConfirmationBody => "이 접수번호로 신고를 확인할 수 있습니다.", "Use this reference to refer to your filing.";
    DownloadPdf => "공식 PDF 내려받기", "Download the official PDF";
    ContentHash => "내용 해시 (SHA-256)", "Content hash (SHA-256)";
    SubmittedBy => "제출자", "Submitted by";
    BackToDashboard => "신고 목록으로", "Back to your filings";
    ReviewQueueTitle => "검토 대기 신고", "Review queue";
    QueueEmpty => "검토할 신고가 없습니다.", "There are no filings to review.";
    Open => "열기", "Open";
    PublishTitle => "공개 요약 작성", "Write the public summary";
    PublishIntro => "공개 요약은 누구나 볼 수 있습니다. 영업비밀이나 보안상 민감한 내용은 쓰지 마세요.", "The public summary is visible to everyone. Leave out trade secrets and security-sensitive detail.";
    HeadlineKo => "제목 (한국어)", "Headline (Korean)";
    HeadlineEn => "제목 (영어)", "Headline (English)";
    SummaryKo => "요약 (한국어)", "Summary (Korean)";
    SummaryEn => "요약 (영어)", "Summary (English)";
    Publish => "공개", "Publish";
    AlreadyPublished => "이 장애의 요약은 이미 공개되었습니다.", "A summary of this incident has already been published.";
    ViewPublic => "공개 페이지 보기", "View the public page";
    FilingContent => "신고 내용", "Filed content";
    StatusSubmitted => "접수됨", "Submitted";
    StatusPublished => "공개됨", "Published";
    StageInitial => "최초 보고", "Initial notification";
    StageInterim => "중간 보고", "Interim update";
    StageFinal => "최종 보고", "Final report";
    FormExpired => "양식이 만료되었습니다. 페이지를 새로 고친 뒤 다시 제출하세요.", "This form has expired. Reload the page and submit again.";
    ErrRequired => "필수 항목입니다.", "Enter a value.";
    ErrTooLong => "입력한 내용이 너무 깁니다.", "This is too long.";
    ErrNotAWholeNumber => "0 이상의 정수로 입력하세요.", "Enter a whole number, 0 or more.";
    ErrOutOfRange => "허용 범위를 벗어났습니다.", "This is outside the allowed range.";
    ErrInvalidDateTime => "날짜와 시각을 YYYY-MM-DDTHH:MM 형식으로 입력하세요.", "Enter a date and time as YYYY-MM-DDTHH:MM.";
    ErrInTheFuture => "미래 시각은 입력할 수 없습니다.", "This cannot be in the future.";
    ErrDetectedBeforeOnset => "인지 시각은 발생 시각보다 빠를 수 없습니다.", "Detection cannot be earlier than onset.";
    ErrUnknownOption => "목록에서 선택하세요.", "Choose an option from the list.";
    RoleOperatorOfficer => "신고 담당자", "Compliance officer";
    RoleOperatorSignatory => "서명권자", "Authorised signatory";
    RoleOperatorAdmin => "기관 관리자", "Organisation admin";
    RoleReviewer => "검토관", "Reviewer";
    RoleReviewLead => "검토 책임자", "Review lead";
    RoleSystemAdmin => "시스템 관리자", "System administrator";
    CauseSystemFailure => "시스템 장애", "System failure";
    CauseProcessFailure => "절차 실패", "Process failure";
    CauseHumanError => "인적 오류", "Human error";
    CauseExternalEvent => "외부 사건(재난 등)", "External event (disaster etc.)";
    CauseMaliciousAction => "악의적 행위", "Malicious action";
    CauseCapacityOverload => "트래픽 과부하", "Capacity overload";
    CausePower => "전원 장애", "Power failure";
    CauseThirdParty => "제3자 장애", "Third-party failure";
    CauseUnknown => "미상", "Unknown";
}

impl From<FieldError> for Msg {
    fn from(e: FieldError) -> Msg {
        match e {
            FieldError::Required => Msg::ErrRequired,
            FieldError::TooLong => Msg::ErrTooLong,
            FieldError::NotAWholeNumber => Msg::ErrNotAWholeNumber,
            FieldError::OutOfRange => Msg::ErrOutOfRange,
            FieldError::InvalidDateTime => Msg::ErrInvalidDateTime,
            FieldError::InTheFuture => Msg::ErrInTheFuture,
            FieldError::DetectedBeforeOnset => Msg::ErrDetectedBeforeOnset,
            FieldError::UnknownOption => Msg::ErrUnknownOption,
        }
    }
}

impl From<Role> for Msg {
    fn from(r: Role) -> Msg {
        match r {
            Role::OperatorOfficer => Msg::RoleOperatorOfficer,
            Role::OperatorSignatory => Msg::RoleOperatorSignatory,
            Role::OperatorAdmin => Msg::RoleOperatorAdmin,
            Role::Reviewer => Msg::RoleReviewer,
            Role::ReviewLead => Msg::RoleReviewLead,
            Role::SystemAdmin => Msg::RoleSystemAdmin,
        }
    }
}

impl From<CauseCategory> for Msg {
    fn from(c: CauseCategory) -> Msg {
        match c {
            CauseCategory::SystemFailure => Msg::CauseSystemFailure,
            CauseCategory::ProcessFailure => Msg::CauseProcessFailure,
            CauseCategory::HumanError => Msg::CauseHumanError,
            CauseCategory::ExternalEvent => Msg::CauseExternalEvent,
            CauseCategory::MaliciousAction => Msg::CauseMaliciousAction,
            CauseCategory::CapacityOverload => Msg::CauseCapacityOverload,
            CauseCategory::Power => Msg::CausePower,
            CauseCategory::ThirdParty => Msg::CauseThirdParty,
            CauseCategory::Unknown => Msg::CauseUnknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_error_role_and_cause_has_two_distinct_non_empty_texts() {
        let msgs: Vec<Msg> = [
            FieldError::Required,
            FieldError::TooLong,
            FieldError::NotAWholeNumber,
            FieldError::OutOfRange,
            FieldError::InvalidDateTime,
            FieldError::InTheFuture,
            FieldError::DetectedBeforeOnset,
            FieldError::UnknownOption,
        ]
        .into_iter()
        .map(Msg::from)
        .chain(Role::ALL.into_iter().map(Msg::from))
        .chain(CauseCategory::ALL.into_iter().map(Msg::from))
        .collect();
        for m in msgs {
            assert!(!m.t(Lang::Ko).is_empty() && !m.t(Lang::En).is_empty(), "{m:?}");
            assert_ne!(m.t(Lang::Ko), m.t(Lang::En), "{m:?} is not translated");
        }
    }

    #[test]
    fn language_codes_round_trip() {
        assert_eq!(Lang::parse("ko"), Some(Lang::Ko));
        assert_eq!(Lang::parse(Lang::En.code()), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::default(), Lang::Ko);
    }
}
