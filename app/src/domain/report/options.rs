//! The choices offered by the report's questions (codes are stored; labels are shown).
//! Cause codes follow the brief's taxonomy (section d); notice contents and exemptions
//! follow Decree 37-13.

use super::schema::Opt;

const fn o(code: &'static str, ko: &'static str, en: &'static str) -> Opt {
    Opt { code, label: (ko, en) }
}

pub const REGIMES: &[Opt] = &[
    o("KR_FA38", "방송통신발전기본법 제38조·제39조 (재난 보고)", "KR Framework Act Art. 38/39 (disaster report)"),
    o("KR_TBA22_7", "전기통신사업법 제22조의7 (서비스 안정성)", "KR TBA Art. 22-7 (service stability)"),
    o(
        "KR_TBA33",
        "전기통신사업법 제33조·시행령 (이용자 고지·손해배상)",
        "KR TBA Art. 33 + Decree (user notice, compensation)",
    ),
    o("EU_NIS2", "EU NIS2 제23조", "EU NIS2 Art. 23"),
    o("EU_DORA", "EU DORA (디지털 운영 복원력법)", "EU DORA"),
    o("US_FCC", "미국 FCC Part 4 (NORS)", "US FCC Part 4 (NORS)"),
    o("UK_OFCOM", "영국 Ofcom (통신법 제105K조)", "UK Ofcom (Communications Act s105K)"),
];

pub const STATUS: &[Opt] = &[
    o("ongoing", "장애 지속 중", "Ongoing"),
    o("partially_restored", "일부 복구", "Partially restored"),
    o("restored", "복구 완료", "Restored"),
    o("monitoring", "복구 후 모니터링", "Restored, monitoring"),
];
pub const FUNCTIONS: &[Opt] = &[
    o("login", "로그인·인증", "Login / authentication"),
    o("messaging", "메시징", "Messaging"),
    o("payments", "결제·송금", "Payments"),
    o("mobility", "모빌리티", "Mobility"),
    o("maps", "지도", "Maps"),
    o("search", "검색", "Search"),
    o("content", "콘텐츠·미디어", "Content and media"),
    o("cloud", "클라우드·저장", "Cloud and storage"),
    o("other", "기타", "Other"),
];
pub const IMPACT: &[Opt] = &[
    o("complete_unavailability", "완전 중단", "Completely unavailable"),
    o("limited_availability", "일부 기능 중단", "Partly unavailable"),
    o("degraded_performance", "속도 저하·성능 저하", "Slow or degraded"),
    o("data_integrity", "데이터 무결성 손상", "Data integrity"),
    o("data_confidentiality", "데이터 기밀성 침해", "Data confidentiality"),
];
pub const ESTIMATION: &[Opt] = &[
    o("measured", "실측 (접속 기록)", "Measured (access logs)"),
    o("sampled", "표본 추정", "Estimated from a sample"),
    o("upper_bound", "상한 추정 (전체 이용자)", "Upper bound (all users)"),
    o("other", "기타", "Other"),
];
pub const DETECTION: &[Opt] = &[
    o("monitoring", "모니터링 시스템", "Monitoring systems"),
    o("staff", "직원", "Staff"),
    o("users", "이용자 신고", "User reports"),
    o("third_party", "제3자·협력사", "Third party"),
    o("authority", "당국", "Authority"),
    o("other", "기타", "Other"),
];
pub const CAUSES: &[Opt] = &[
    o("SYSTEM_FAILURE", "시스템 장애 (설비·소프트웨어)", "System failure (hardware or software)"),
    o("PROCESS_FAILURE", "절차 실패 (사전점검 등)", "Process failure (e.g. pre-checks)"),
    o("HUMAN_ERROR", "인적 오류", "Human error"),
    o("EXTERNAL_EVENT", "외부 사건 (재난·화재 등)", "External event (disaster, fire…)"),
    o("MALICIOUS_ACTION", "악의적 행위 (침해사고)", "Malicious action"),
    o("CAPACITY_OVERLOAD", "용량 초과 (트래픽 집중)", "Capacity overload"),
    o("POWER", "전력 장애", "Power failure"),
    o("THIRD_PARTY", "제3자 장애", "Third-party failure"),
    o("UNKNOWN", "원인 미상", "Unknown"),
];
pub const DETAILED: &[Opt] = &[
    o("hw_capacity", "하드웨어 용량·성능", "Hardware capacity and performance"),
    o("hw_physical_damage", "물리적 손상", "Physical damage"),
    o("sw_change", "소프트웨어 변경·배포 오류", "Faulty software change or update"),
    o("sw_config", "소프트웨어 호환성·설정", "Software compatibility or configuration"),
    o("network_config", "네트워크 설정", "Network configuration"),
    o("monitoring_failed", "감시·통제 미흡", "Insufficient monitoring and control"),
    o("ops_failed", "ICT 운영 절차 미흡", "Failed ICT operations"),
    o("docs_inadequate", "정책·절차·문서 미비", "Inadequate policies or procedures"),
    o("human_mistake", "작업자 실수", "Operator mistake"),
    o("natural_disaster", "재난·불가항력", "Natural disaster or force majeure"),
    o("third_party_failure", "제3자 장애", "Third-party failure"),
    o("backup_restore", "백업·복구 체계 미흡", "Backup and restore gap"),
];
pub const THIRD_ROLE: &[Opt] = &[
    o("data_centre", "데이터센터 (코로케이션)", "Data centre (colocation)"),
    o("cloud", "클라우드", "Cloud provider"),
    o("cdn", "CDN", "CDN"),
    o("isp", "기간통신사업자 (ISP)", "Network operator (ISP)"),
    o("vendor", "장비·소프트웨어 공급사", "Vendor"),
    o("other", "기타", "Other"),
];
pub const ASSETS: &[Opt] = &[
    o("power", "전력·UPS·배터리", "Power, UPS, batteries"),
    o("facility", "데이터센터 시설", "Data-centre facility"),
    o("hardware", "하드웨어", "Hardware"),
    o("software", "소프트웨어", "Software"),
    o("network", "네트워크·라우팅", "Network and routing"),
    o("auth", "인증·로그인", "Authentication and login"),
    o("ops_tools", "운영·관리 도구", "Operations and management tools"),
    o("storage", "저장소·DB", "Storage and databases"),
];
pub const CHANNELS: &[Opt] = &[
    o("email", "전자우편", "E-mail"),
    o("sms", "문자메시지", "SMS"),
    o("app_screen", "앱 접속화면", "App start screen"),
    o("website", "누리집 게시", "Website notice"),
    o("sns", "SNS", "Social media"),
    o("press", "언론사 통보", "Press"),
];
pub const NOTICE_CONTENTS: &[Opt] = &[
    o("fact", "중단 사실", "That service is interrupted"),
    o("cause", "원인", "The cause"),
    o("response", "대응조치 현황", "What is being done"),
    o("contact", "상담 연락처", "A contact for questions"),
];
pub const EXEMPTIONS: &[Opt] = &[
    o("maintenance_preannounced", "사전 고지한 정기점검", "Pre-announced maintenance"),
    o("isp_fault", "기간통신사업자 회선 장애", "Network operator's line fault"),
    o(
        "below_threshold",
        "매출 100억원 미만 또는 이용자 100만명 미만",
        "Revenue under KRW 10 bn or under 1 M daily users",
    ),
    o("unforeseeable_short", "예측 불가 2시간 이하 장애", "Unforeseeable outage of 2 h or less"),
    o("cloud", "클라우드컴퓨팅법 적용 서비스", "Cloud service under the Cloud Act"),
];
pub const EVENT_KINDS: &[Opt] = &[
    o("detect", "탐지", "Detected"),
    o("escalate", "비상 단계 상향", "Escalated"),
    o("notify", "고지·보고", "Notice or report"),
    o("mitigate", "응급조치", "Mitigation"),
    o("partial_restore", "일부 복구", "Partial restoration"),
    o("restore", "복구 완료", "Restored"),
    o("other", "기타", "Other"),
];
pub const SEVERITY: &[Opt] = &[
    o("attention", "관심", "Attention (관심)"),
    o("caution", "주의", "Caution (주의)"),
    o("alert", "경계", "Alert (경계)"),
    o("serious", "심각", "Serious (심각)"),
];
pub const AUTHORITIES: &[Opt] = &[
    o("kcc", "방송미디어통신위원회", "Broadcasting, Media and Communications Commission"),
    o("kisa", "한국인터넷진흥원 (KISA)", "KISA (Korean CSIRT)"),
    o("pipc", "개인정보보호위원회", "Personal Information Protection Commission"),
    o("fsc", "금융위원회·금융감독원", "Financial Services Commission / FSS"),
    o("police", "경찰", "Police"),
    o("foreign_csirt", "해외 CSIRT·감독기관", "Foreign CSIRT or authority"),
];
pub const ITEM_STATUS: &[Opt] =
    &[o("planned", "계획", "Planned"), o("in_progress", "진행 중", "In progress"), o("done", "완료", "Done")];

/// Where the outage is, for the FCC's calendar days (US zones).
pub const US_ZONES: &[Opt] = &[
    o("America/New_York", "미국 동부 (뉴욕)", "US Eastern (New York)"),
    o("America/Chicago", "미국 중부 (시카고)", "US Central (Chicago)"),
    o("America/Denver", "미국 산악 (덴버)", "US Mountain (Denver)"),
    o("America/Phoenix", "애리조나 (피닉스, 서머타임 없음)", "Arizona (Phoenix, no daylight saving)"),
    o("America/Los_Angeles", "미국 서부 (로스앤젤레스)", "US Pacific (Los Angeles)"),
    o("America/Anchorage", "알래스카 (앵커리지)", "Alaska (Anchorage)"),
    o("Pacific/Honolulu", "하와이 (호놀룰루)", "Hawaii (Honolulu)"),
    o("America/Puerto_Rico", "푸에르토리코", "Puerto Rico"),
    o("Pacific/Guam", "괌", "Guam"),
];
