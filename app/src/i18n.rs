//! Every user-facing string, in Korean and English. A message without both cannot be
//! written: the macro takes the pair.

use serde::{Deserialize, Serialize};

use crate::domain::auth::Role;
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
    NoFilings => "아직 제출한 신고가 없습니다.", "You have not reported any incidents yet.";
    Stage => "단계", "Stage";
    Status => "상태", "Status";
    SubmittedAt => "제출일시", "Submitted";
    Title => "장애 제목", "Incident title";
    NewIncidentTitle => "최초 보고 작성", "Initial notification";
    NewIncidentIntro => "사고를 등록하면 최초 보고 초안이 만들어집니다. 항목별로 저장하며 작성하고, 서명권자가 확인한 뒤 제출합니다. 기한은 등록 즉시 계산됩니다.", "Opening an incident creates a draft initial notification. Fill it in section by section, saving as you go; an authorised signatory checks and submits it. Deadlines are computed as soon as you enter the times.";
    ServicesAffectedHint => "한 줄에 하나씩 또는 쉼표로 구분", "One per line, or separated by commas";
    OnsetHint => "추정 발생 시각 (KST)", "Estimated start (KST)";
    DetectedHint => "사업자가 장애를 인지한 시각 (KST)", "When you became aware of it (KST)";
    Description => "장애 현황", "Description of the outage";
    EmergencyMeasures => "응급조치 내용", "Emergency measures taken";
    UsersAffectedHint => "숫자만 입력 (예: 47000000)", "Digits only (e.g. 47000000)";
    ChooseOne => "선택하세요", "Choose one";
    Submit => "제출", "Submit";
    SubmitFiling => "제출하기", "Submit";
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
    ErrAtLeastOneRow => "하나 이상 입력하세요.", "Add at least one.";
    ErrBeforeOnset => "발생 시각보다 빠를 수 없습니다.", "This cannot be earlier than the onset.";
    ErrRestoredBeforeDetection => "복구 시각은 탐지 시각보다 빠를 수 없습니다.", "Restoration cannot be earlier than detection.";
    ErrRequiredOnceRestored => "복구되었다면 복구 완료 시각을 입력하세요.", "Enter when service was restored, as the status says it is.";
    ErrMoreThanServiceUsers => "영향받은 이용자 수가 서비스 이용자 수보다 많을 수 없습니다.", "Users affected cannot be more than the service's users.";
    ErrRequiredWhenNoticeSent => "이용자에게 고지했다면 입력하세요.", "Enter this, as users were told.";
    ErrRequiredWithExemption => "면제를 주장하려면 사유를 설명하세요.", "Explain why the exemption applies.";
    ErrRequiredWithThirdParty => "제3자의 역할을 선택하세요.", "Choose the third party's role.";
    ErrRequiredWhenFailoverTried => "전환을 시도했다면 성공 여부를 선택하세요.", "Say whether failover worked, as it was attempted.";
    ErrNotAPercentage => "0에서 100 사이의 숫자로 입력하세요.", "Enter a number from 0 to 100.";
    ErrInvalidDate => "날짜를 YYYY-MM-DD 형식으로 입력하세요.", "Enter a date as YYYY-MM-DD.";
    RoleOperatorOfficer => "신고 담당자", "Compliance officer";
    RoleOperatorSignatory => "서명권자", "Authorised signatory";
    RoleOperatorAdmin => "기관 관리자", "Organisation admin";
    RoleReviewer => "검토관", "Reviewer";
    RoleReviewLead => "검토 책임자", "Review lead";
    RoleSystemAdmin => "시스템 관리자", "System administrator";
    AddAnotherRow => "새 행 추가 (비워 두면 저장되지 않습니다)", "Add another (left empty, it is not saved)";
    AmendFinal => "최종 보고 정정", "Amend the final report";
    Apply => "적용", "Apply";
    Attestation => "확인 및 서명", "Declaration";
    AttestationText => "위 내용이 사실이며 완전함을 확인하고, 다음 기관을 대표하여 제출할 권한이 있음을 확인합니다:", "I confirm this report is accurate and complete to the best of my knowledge and that I am authorised to submit it on behalf of";
    BackToIncident => "사고 페이지로 돌아가기", "Back to the incident";
    BackToTaskList => "작업 목록으로 돌아가기", "Back to the task list";
    CannotSubmitYet => "아래 문제를 해결해야 제출할 수 있습니다. 각 항목의 '변경'에서 고칠 수 있습니다.", "You cannot submit until the problems above are fixed. Use 'Change' to fix each section.";
    Change => "변경", "Change";
    ChangedFields => "변경된 항목 수:", "Fields changed:";
    CheckAnswersTitle => "입력 내용 확인 후 제출", "Check your answers and submit";
    ChooseFile => "파일 선택", "Choose a file";
    ClockLate => "지연 제출", "Late by";
    ClockMet => "기한 내 완료", "Done on time";
    ClockNotStarted => "기산 전", "Not started";
    ClockOpen => "진행 중", "Running";
    ClockOverdue => "기한 초과", "Overdue";
    Compare => "비교", "Compare";
    CompareFrom => "이전 판", "From";
    CompareTitle => "판 비교", "Compare versions";
    CompareTo => "이후 판", "To";
    CompareWithPrevious => "이전 판과 비교", "Compare with previous";
    Completed => "완료", "Completed";
    ContentHashExplained => "제출하면 이 지문(SHA-256)과 똑같은 내용이 판으로 확정됩니다. 그 사이 초안이 바뀌면 제출되지 않습니다.", "Submitting files exactly the content with this fingerprint (SHA-256). If the draft changes meanwhile, nothing is filed.";
    DeadlinesTitle => "제출 기한", "Deadlines";
    DoneAt => "완료 시각", "Done";
    Drafter => "작성자", "Drafted by";
    Drafting => "작성 중:", "Drafting:";
    DueAt => "기한", "Due";
    DueNotSet => "과기정통부 요청 시 정해짐", "Set by the ministry's request";
    Duty => "의무", "Duty";
    DutyCompensationNotice => "손해배상 안내 고지", "Compensation notice";
    DutyDataSubmission => "자료 제출", "Data submission";
    DutyEarlyWarning => "조기 경보", "Early warning";
    DutyFinalReport => "최종 보고", "Final report";
    DutyInitialReport => "최초 보고", "Initial report";
    DutyUpdateReport => "중간 보고", "Update report";
    DutyUserNotice => "이용자 고지", "User notice";
    EvidenceTitle => "증빙 자료", "Evidence";
    Field => "항목", "Field";
    FileDescription => "설명", "Description";
    FileName => "파일", "File";
    FileSize => "크기", "Size";
    FilingDetails => "제출 정보", "Filing details";
    GroupRowsHint => "행을 지우려면 모든 칸을 비우고 저장하세요.", "To remove a row, empty all its boxes and save.";
    InProgress => "작성 중", "In progress";
    IncidentClosed => "종결", "Closed";
    IncidentOpen => "진행 중", "Open";
    IncidentTitleHint => "예: 판교 데이터센터 화재로 인한 메신저·결제 서비스 장애", "For example: Messaging and payments outage after the Pangyo data-centre fire";
    LastSavedBy => "마지막 저장:", "Last saved by";
    NextDue => "다음 기한", "Due next";
    NextFiling => "다음 보고", "Next filing";
    NextFilingBody => "이전에 제출한 내용을 이어받아 새 초안을 만듭니다.", "Starts a new draft carrying forward everything filed so far.";
    No => "아니요", "No";
    NoAttachments => "첨부한 증빙 자료가 없습니다.", "No evidence files yet.";
    NoClocks => "신고 근거 법령을 고르면 기한이 계산됩니다.", "Choose the reporting regimes to compute deadlines.";
    NoDraftBody => "이 사고에는 작성 중인 초안이 없습니다. 이미 제출되었을 수 있습니다.", "This incident has no draft being prepared. It may have been submitted.";
    NoDraftTitle => "작성 중인 초안 없음", "No draft";
    NoVersions => "아직 제출한 판이 없습니다.", "Nothing filed yet.";
    NotAnswered => "미입력", "Not answered";
    NotStarted => "시작 전", "Not started";
    OnlySignatoryCanSubmit => "제출은 서명권자만 할 수 있습니다. 서명권자에게 검토와 제출을 요청하세요.", "Only an authorised signatory can submit. Ask your signatory to review and submit.";
    OpenIncident => "사고 등록", "Open incident";
    OpenIncidents => "진행 중인 사고", "Open incidents";
    Optional => "선택", "optional";
    OverdueItems => "기한 초과", "Overdue deadlines";
    PreventionDone => "재발방지 완료", "Prevention items done";
    PreventionInProgress => "재발방지 진행 중", "Prevention items in progress";
    PreventionPlanned => "재발방지 계획", "Prevention items planned";
    Regime => "제도", "Regime";
    ReportabilityHint => "지속 시간, 영향 이용자 수, 서비스로 계산한 참고 정보입니다. 신고 여부는 담당자가 판단합니다.", "Computed from duration, users affected and services, as guidance. You decide which regimes to report under.";
    ReportabilityTitle => "신고 대상 여부", "Reportability check";
    Row => "행", "row";
    SaveAndAddRow => "저장하고 행 추가", "Save and add another row";
    SaveAndReturn => "저장하고 작업 목록으로", "Save and return to the task list";
    SavedNotice => "저장했습니다.", "Your answers were saved.";
    SectionsCompleted => "완료한 항목:", "Sections completed:";
    Signatory => "서명·제출자", "Signatory";
    SignatoryTitle => "직위", "Your job title";
    StartFinal => "최종 보고 작성", "Start the final report";
    StartInitial => "최초 보고 작성", "Start the initial notification";
    StartInterim => "중간 보고 작성", "Start an interim update";
    Step => "단계", "Step";
    SubmitHeading => "서명하고 제출", "Sign and submit";
    Threshold => "기준 충족", "Threshold";
    ThresholdMet => "충족", "Met";
    ThresholdNotMet => "미충족", "Not met";
    ThresholdUnknown => "확인 필요", "Check";
    TimeZone => "시간대", "Time zone";
    TimesInZone => "시각은 다음 시간대로 입력하고 표시합니다:", "Times are entered and shown in";
    Upload => "올리기", "Upload";
    UploadHint => "PDF, PNG, JPEG, 텍스트·CSV 파일, 10MB 이하", "PDF, PNG, JPEG, text or CSV, up to 10 MB";
    UploadTitle => "증빙 자료 올리기", "Add an evidence file";
    UploadedBy => "올린 사람", "Uploaded by";
    UserHours => "이용자·시간", "user-hours";
    UserMinutes => "손실 이용자·분", "User-minutes lost";
    VersionsTitle => "제출한 판", "Filed versions";
    Why => "근거", "Why";
    WithoutDelay => "지체 없이", "Without delay";
    WorkingTarget => "목표:", "target";
    Yes => "예", "Yes";
    DraftChanged => "그 사이 다른 사람이 이 초안을 저장했습니다. 입력하신 내용은 아래에 그대로 있지만 아직 저장되지 않았습니다. 확인 후 다시 저장하면 덮어씁니다.", "Someone else saved this draft since you opened it. What you typed is below but has not been saved; check it and save again to replace their version.";
    DraftChangedBeforeSubmit => "검토하신 뒤 초안이 바뀌었습니다. 아무것도 제출되지 않았습니다. 바뀐 내용을 확인하고 다시 제출하세요.", "The draft changed after you reviewed it. Nothing was filed; check the changes and submit again.";
    StageNotAllowed => "지금은 그 단계의 보고를 시작할 수 없습니다.", "That stage cannot be started now.";
    ErrFileTooLarge => "파일이 10MB를 넘습니다.", "The file is larger than 10 MB.";
    ErrFileTypeNotAllowed => "PDF, PNG, JPEG, 텍스트·CSV 파일만 올릴 수 있습니다.", "Upload a PDF, PNG, JPEG, text or CSV file.";
    ErrMustConfirm => "제출하려면 확인란을 선택하세요.", "Tick the box to confirm before submitting.";
    ErrNotARegisteredService => "위에 등록한 서비스명을 입력하세요.", "Enter the name of a service registered above.";
    DesignationApplies => "해당", "Applies";
    DesignationDoesNotApply => "해당 없음", "Does not apply";
    Designations => "지정 대상 여부", "Designations";
    Remove => "삭제", "Remove";
    OrganisationTitle => "기관 정보", "Organisation";
    OnlyAdminEdits => "기관 정보는 기관 관리자만 수정할 수 있습니다.", "Only your organisation's admin can change these details.";
    ProfileDetails => "기본 정보와 연락처", "Details and contacts";
    SaveProfile => "기관 정보 저장", "Save details";
    ServicesTitle => "서비스", "Services";
    FacilitiesTitle => "시설 (데이터센터)", "Facilities (data centres)";
    DependenciesTitle => "의존 관계", "Dependencies";
    AddService => "서비스 추가", "Add a service";
    AddFacility => "시설 추가", "Add a facility";
    AddDependency => "의존 관계 추가", "Add a dependency";
    TeamTitle => "구성원", "Team";
    TeamHint => "작성자는 초안을 작성하고, 서명권자는 검토 후 제출하며, 관리자는 기관 정보와 역할을 관리합니다. 새 계정은 시스템 관리자가 발급합니다.", "Drafters write drafts, authorised signatories check and submit them, admins keep these details and the roles. New accounts are issued by the system administrator.";
    ChangeRole => "역할 변경", "Change role";
    Name => "이름", "Name";
    RoleLabel => "역할", "Role";
    NavOrganisation => "기관 정보", "Organisation";
    ErrInvalidEmail => "전자우편 주소를 name@example.kr 형식으로 입력하세요.", "Enter an e-mail address like name@example.com.";
    LiveProblemsTitle => "저장 전에 확인하세요:", "Check these before saving:";
    ErrPasswordTooShort => "비밀번호는 12자 이상이어야 합니다.", "Use at least 12 characters.";
    ErrPasswordIsEmail => "전자우편 주소를 비밀번호로 쓸 수 없습니다.", "The password cannot be the e-mail address.";
    ErrPasswordsDiffer => "새 비밀번호와 확인이 다릅니다.", "The two new passwords differ.";
    ErrWrongPassword => "현재 비밀번호가 맞지 않습니다.", "That is not your current password.";
    ErrEmailTaken => "이미 등록된 전자우편 주소입니다.", "An account with this e-mail address already exists.";
    AddMember => "구성원 추가", "Add a member";
    MemberName => "이름", "Name";
    MemberEmail => "전자우편", "E-mail";
    MemberRole => "역할", "Role";
    InitialPassword => "처음 비밀번호", "First password";
    InitialPasswordHint => "12자 이상. 안전한 경로로 전달하고, 처음 로그인한 뒤 바꾸도록 안내하세요.", "At least 12 characters. Hand it over safely and ask them to change it after signing in.";
    PasswordTitle => "비밀번호 변경", "Change your password";
    CurrentPassword => "현재 비밀번호", "Current password";
    NewPassword => "새 비밀번호", "New password";
    NewPasswordHint => "12자 이상. 여러 단어를 이어 쓰면 기억하기 쉽습니다.", "At least 12 characters; a few words strung together are easy to remember.";
    ConfirmPassword => "새 비밀번호 확인", "Confirm the new password";
    PasswordChanged => "비밀번호를 바꿨습니다.", "Your password has been changed.";
    NavPassword => "비밀번호 변경", "Password";
    All => "전체", "All";
    NewestFirst => "최근 접수 순", "Newest first";
    Order => "정렬", "Order";
    NextPage => "다음 쪽", "Next page";
    TimelinessTitle => "제출 기한 준수", "Timeliness";
    AttachmentRejected => "파일을 받을 수 없습니다.", "The file could not be accepted.";
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
            FieldError::AtLeastOneRow => Msg::ErrAtLeastOneRow,
            FieldError::BeforeOnset => Msg::ErrBeforeOnset,
            FieldError::RestoredBeforeDetection => Msg::ErrRestoredBeforeDetection,
            FieldError::RequiredOnceRestored => Msg::ErrRequiredOnceRestored,
            FieldError::MoreThanServiceUsers => Msg::ErrMoreThanServiceUsers,
            FieldError::RequiredWhenNoticeSent => Msg::ErrRequiredWhenNoticeSent,
            FieldError::RequiredWithExemption => Msg::ErrRequiredWithExemption,
            FieldError::RequiredWithThirdParty => Msg::ErrRequiredWithThirdParty,
            FieldError::RequiredWhenFailoverTried => Msg::ErrRequiredWhenFailoverTried,
            FieldError::NotAPercentage => Msg::ErrNotAPercentage,
            FieldError::InvalidDate => Msg::ErrInvalidDate,
            FieldError::FileTooLarge => Msg::ErrFileTooLarge,
            FieldError::FileTypeNotAllowed => Msg::ErrFileTypeNotAllowed,
            FieldError::MustConfirm => Msg::ErrMustConfirm,
            FieldError::NotARegisteredService => Msg::ErrNotARegisteredService,
            FieldError::InvalidEmail => Msg::ErrInvalidEmail,
            FieldError::PasswordTooShort => Msg::ErrPasswordTooShort,
            FieldError::PasswordIsEmail => Msg::ErrPasswordIsEmail,
            FieldError::PasswordsDiffer => Msg::ErrPasswordsDiffer,
            FieldError::WrongPassword => Msg::ErrWrongPassword,
            FieldError::EmailTaken => Msg::ErrEmailTaken,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_error_and_role_has_two_distinct_non_empty_texts() {
        let msgs: Vec<Msg> =
            FieldError::ALL.into_iter().map(Msg::from).chain(Role::ALL.into_iter().map(Msg::from)).collect();
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
