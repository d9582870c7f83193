//! Catalog data (brief, section a.2 and b). Ids are stable: findings refer to them.

use super::AppliesWhen::{Always, Designated, Regime};
use super::{Catalog, DutyDef};
use crate::domain::law::coverage::Designation::{self, MajorDataCentre, MajorOperator, Tba22_7, UserNotice};

const fn d(
    id: &'static str,
    basis: &'static str,
    title: (&'static str, &'static str),
    evidence: (&'static str, &'static str),
    applies: super::AppliesWhen,
) -> DutyDef {
    DutyDef { id, basis, title, evidence, applies }
}

/// Every catalog version (00:00 KST of its date): the stability and user-notice duties from
/// 2020-12-10; the Framework Act's disaster duties for designated value-added services and
/// data centres from 2023-07-04; the amended notice exemptions and channels from 2025-03-28.
pub static CATALOGS: &[Catalog] = &[
    Catalog {
        version: "2020-12-10",
        effective_from: "2020-12-10",
        parts: &[STABILITY, NOTICE_2020, COMPENSATION, INTERNATIONAL],
    },
    Catalog {
        version: "2023-07-04",
        effective_from: "2023-07-04",
        parts: &[STABILITY, NOTICE_2020, COMPENSATION, DISASTER, DATA_CENTRE, INTERNATIONAL],
    },
    Catalog {
        version: "2025-03-28",
        effective_from: "2025-03-28",
        parts: &[STABILITY, NOTICE_2025, COMPENSATION, DISASTER, DATA_CENTRE, INTERNATIONAL],
    },
];

/// The Framework Act's disaster duties bind both kinds of major operator.
const MAJOR: &[Designation] = &[MajorOperator, MajorDataCentre];

static STABILITY: &[DutyDef] = &[
    d(
        "KR-SS-01",
        "TBA 22-7①; TBA-D 30-8②1가",
        ("단말·통신사에 따른 차별 없는 안정적 서비스 제공", "Stable service regardless of device or network operator"),
        ("통신사·단말·OS별 영향 구분", "Impact broken down by network operator, device and OS"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-02",
        "TBA-D 30-8②1나",
        ("사전점검 등 기술적 오류 방지", "Preventing technical errors, e.g. pre-checks"),
        ("변경·배포 기록, 사전 오류검증, 시험 결과", "Change and deployment records, pre-deployment checks, tests"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-03",
        "TBA-D 30-8②1다",
        ("트래픽 집중 대비 서버 다중화", "Server redundancy against traffic concentration"),
        ("다중 데이터센터 구조, 전환 시험·결과, 여유 용량", "Multi-DC design, failover tests and outcome, headroom"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-04",
        "TBA-D 30-8②1라",
        ("용량 증설·경로 최적화·통신사 협의", "Capacity, routes and consultation with network operators"),
        ("용량 계획, 최대 부하, 협의 기록", "Capacity plan, peak load, consultation records"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-05",
        "TBA-D 30-8②1마",
        ("경로 변경 등 통신사 사전 통보", "Advance notice to network operators of route changes"),
        ("사전 통보 기록 (시각, 수신처)", "Prior-notice records (time, recipient)"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-06",
        "TBA-D 30-8②2가",
        ("온라인·ARS 민원 처리 (3영업일)", "Online and phone complaint handling (3 business days)"),
        ("장애 중 민원 건수·처리 시간·대체 채널", "Complaints during the outage, handling times, channels"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-07",
        "TBA-D 30-8②2나",
        ("일시 중단·속도 저하 등 중대 변동 고지", "Notice of suspensions or slowdowns with a contact"),
        ("고지 시각·채널·문안·연락처", "Notice time, channels, text, contact"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-08",
        "TBA-D 30-8②2다",
        ("이용자 생성 자료 전송 수단", "Means to export user-generated data"),
        ("자료 내보내기 기능, 데이터 손실 여부", "Export feature; whether data was lost"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-09",
        "TBA-D 30-8②3",
        ("합리적인 결제수단", "Reasonable payment methods"),
        ("결제 서비스 장애일 때 대체 결제수단", "Alternatives when payments fail"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-10",
        "TBA-D 30-8②4",
        ("자체 지침 마련·준수", "Internal guideline, and following it"),
        ("지침 판본과 준수 여부", "Guideline version and whether it was followed"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-11",
        "TBA 22-7②",
        ("이용자 수·트래픽 자료 제출", "User and traffic figures on request"),
        ("제출 기록", "Submission record"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-12",
        "TBA 22-7③",
        ("매년 1월 말 이행 현황·계획 제출", "Annual implementation report by end of January"),
        ("해당 연도 제출본", "The year's submission"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-13",
        "TBA 22-7④",
        ("장애 시 자료 제출 요청 이행", "Submitting data the ministry requests after an outage"),
        ("원인·조치·향후 계획 제출과 기한 준수", "Cause, actions and plan submitted on time"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-14",
        "TBA 22-7⑤",
        ("제출 자료 보호·폐기", "Protection and destruction of submitted data"),
        ("항목별 비밀 구분", "Confidentiality marking per field"),
        Designated(&[Tba22_7]),
    ),
    d(
        "KR-SS-15",
        "TBA 22-8",
        ("국내대리인 지정", "Domestic agent appointed"),
        ("대리인 성명·연락처", "Agent name and contact"),
        Designated(&[Tba22_7]),
    ),
];

/// The notice duties both versions share.
const UN_01: DutyDef = d(
    "KR-UN-01",
    "TBA 33②; TBA-D 37-13①",
    ("중단 사실·원인·대응·연락처 지체 없이 고지", "Telling users without delay: fact, cause, response, contact"),
    ("고지 시각 대 발생 시각, 채널, 문안", "Notice time against onset, channels, text"),
    Designated(&[UserNotice]),
);
const UN_03: DutyDef = d(
    "KR-UN-03",
    "TBA-D 37-13②",
    ("복구 후 30일 내 손해배상 안내", "Compensation notice within 30 days of restoration"),
    ("안내 문안·일자·대상", "Notice text, date, who may claim"),
    Designated(&[UserNotice]),
);
const UN_05: DutyDef = d(
    "KR-UN-05",
    "TBA 32①",
    ("정당한 불만의 즉시 처리", "Handling legitimate complaints at once"),
    ("민원 처리 기록", "Complaint log"),
    Always,
);

static NOTICE_2020: &[DutyDef] = &[
    UN_01,
    d(
        "KR-UN-02",
        "TBA-D 37-13① (2020-12-10)",
        (
            "고지 면제 사유의 정당성 (무료 서비스 면제, 부가통신 4시간 기준)",
            "Whether a claimed exemption holds (free services exempt; 4-hour window for value-added services)",
        ),
        ("면제 사유와 근거, 지속 시간", "Exemption and justification; duration"),
        Designated(&[UserNotice]),
    ),
    UN_03,
    d(
        "KR-UN-04",
        "TBA-D 37-13③④",
        (
            "고지 방법 (전자우편·문자·접속화면, 앱 불가 시 언론 우선)",
            "Notice channels (e-mail, SMS, app or web screen; press first if the app is down)",
        ),
        ("채널별 증빙", "Evidence per channel"),
        Designated(&[UserNotice]),
    ),
    UN_05,
];

static NOTICE_2025: &[DutyDef] = &[
    UN_01,
    d(
        "KR-UN-02",
        "TBA-D 37-13① (2025-03-28)",
        ("고지 면제 사유의 정당성 (무료 서비스 면제 삭제, 2시간 기준, 중요통신시설 제외)", "Whether a claimed exemption holds (no free-service exemption; 2-hour window; not for important facilities)"),
        ("면제 사유와 근거, 지속 시간", "Exemption and justification; duration"),
        Designated(&[UserNotice]),
    ),
    UN_03,
    d(
        "KR-UN-04",
        "TBA-D 37-13③④",
        ("고지 방법 (전자우편·문자·접속화면·SNS, 앱 불가 시 언론 우선)", "Notice channels (e-mail, SMS, app or web screen, social media; press first if the app is down)"),
        ("채널별 증빙", "Evidence per channel"),
        Designated(&[UserNotice]),
    ),
    UN_05,
];

static COMPENSATION: &[DutyDef] = &[
    d(
        "KR-CP-01",
        "TBA 33①",
        ("서비스 중단에 따른 손해배상", "Compensation for interruption"),
        ("배상 기준·대상·금액, 불가항력 주장", "Scheme, eligibility, amounts; any force-majeure claim"),
        Always,
    ),
    d(
        "KR-CP-02",
        "TBA 45-2",
        ("통신분쟁조정 연계", "Telecom dispute mediation"),
        ("조정 신청 건", "Mediation cases"),
        Always,
    ),
];

static DISASTER: &[DutyDef] = &[
    d(
        "KR-DM-01",
        "FA 35①, 36②; FA-D 24",
        ("방송통신재난관리계획 수립·제출", "Disaster-management plan drawn up and submitted"),
        ("사고 당시 유효한 계획 판본", "Plan version in force at the time"),
        Designated(MAJOR),
    ),
    d(
        "KR-DM-02",
        "FA 35②",
        ("기본계획 내용 반영 (분산·다중화, 실시간 감시)", "Basic-plan items (dispersion, redundancy, monitoring)"),
        ("관련 계획 항목", "Relevant plan sections"),
        Designated(MAJOR),
    ),
    d(
        "KR-DM-03",
        "FA 36-2; FA-D 24-2",
        ("재난관리계획 이행", "Implementing the plan"),
        ("이행 증빙, 점검 결과", "Implementation evidence, inspection findings"),
        Designated(MAJOR),
    ),
    d(
        "KR-DM-04",
        "FA 35-3; FA-D 23-3",
        ("통신시설 등급별 관리", "Managing facilities by grade"),
        ("영향받은 시설 등급과 조치", "Grade of the affected facility and measures"),
        Designated(MAJOR),
    ),
    d(
        "KR-DM-05",
        "FA 38①",
        ("현황·원인·응급조치·복구대책 지체 없이 보고", "Reporting status, cause, measures and plan without delay"),
        ("최초 보고 시각과 내용", "Time and content of the initial report"),
        Designated(MAJOR),
    ),
    d(
        "KR-DM-06",
        "FA 39④; FA-D 27",
        ("피해·복구 상황 수시 보고", "Reporting damage and recovery as things change"),
        ("중간 보고 횟수·간격", "Number and spacing of updates"),
        Designated(MAJOR),
    ),
    d(
        "KR-DM-07",
        "FA 39-2①; FA-D 27-2",
        ("재난관리책임자 지정", "Disaster-management officer designated"),
        ("책임자 성명·연락처", "Officer's name and contact"),
        Designated(MAJOR),
    ),
    d(
        "KR-DM-08",
        "FA 39-2②",
        ("전담 부서·인력", "Dedicated department or staff"),
        ("조직 증빙", "Organisation evidence"),
        Designated(MAJOR),
    ),
    d(
        "KR-DM-09",
        "FA 35①",
        ("방송통신재난 해당 여부", "Whether the outage is a broadcasting-communications disaster"),
        ("물리적·기능적 결함 판단", "Physical or functional defect"),
        Designated(MAJOR),
    ),
];

/// The 2023 stability plan (a checklist for prevention plans) and data-centre protection.
static DATA_CENTRE: &[DutyDef] = &[
    d(
        "KR-DS-01",
        "MSIT 2023-03-30",
        ("운영 도구 다중화·기능 독립·다중 DC 분산", "Redundant ops tools, independent functions, several DCs"),
        ("재발방지대책의 점검 항목", "Checklist for prevention plans"),
        Always,
    ),
    d(
        "KR-DC-01",
        "정보통신망법 46; 집적정보통신시설 보호지침",
        ("집적정보통신시설 보호조치·서비스 중단 보고", "Data-centre protective measures and interruption reports"),
        (
            "배터리실 분리, 화재 감지·소화 설비, 중단 보고 기록",
            "Battery rooms separated, fire detection and suppression, interruption reports",
        ),
        Designated(&[MajorDataCentre]),
    ),
];

static INTERNATIONAL: &[DutyDef] = &[
    d(
        "EU-NIS2-01",
        "NIS2 23(4)(a)",
        ("24시간 내 조기경보", "Early warning within 24 h"),
        ("최초 보고 시각", "Initial report time"),
        Regime("EU_NIS2"),
    ),
    d(
        "EU-NIS2-02",
        "NIS2 23(4)(b)",
        ("72시간 내 사고 통지", "Incident notification within 72 h"),
        ("중간 보고 시각·내용", "Update time and content"),
        Regime("EU_NIS2"),
    ),
    d(
        "EU-NIS2-03",
        "NIS2 23(4)(d)",
        ("1개월 내 최종 보고 (근본 원인)", "Final report with root cause within one month"),
        ("최종 보고", "Final report"),
        Regime("EU_NIS2"),
    ),
    d(
        "EU-DORA-01",
        "DORA RTS 2025/301",
        ("최초 4시간·중간 72시간·최종 1개월 보고", "Initial 4 h, intermediate 72 h, final one month"),
        ("각 단계 보고 시각", "Time of each stage"),
        Regime("EU_DORA"),
    ),
    d(
        "US-FCC-01",
        "47 CFR 4.9, 4.11",
        ("120분 통보·72시간 보고·30일 선서 최종 보고", "120-minute notice, 72-hour report, sworn 30-day final"),
        ("각 단계 보고 시각, 선서", "Time of each stage; attestation"),
        Regime("US_FCC"),
    ),
    d(
        "UK-OFCOM-01",
        "Communications Act s105K",
        ("합리적으로 가능한 한 빨리 보고", "Report as soon as reasonably practicable"),
        ("최초 보고 시각", "Initial report time"),
        Regime("UK_OFCOM"),
    ),
];
