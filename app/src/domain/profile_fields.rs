//! The organisation profile's questions (brief, section c.0), as data: the same field kinds,
//! controls and checks as the incident report.

use super::filing::FilingStage::Initial;
use super::report::options::FUNCTIONS;
use super::report::schema::{FieldDef, Kind, Need, Opt};

const fn f(key: &'static str, kind: Kind, label: (&'static str, &'static str), need: Need) -> FieldDef {
    FieldDef { key, kind, label, hint: None, need, public: false }
}
const fn h(mut d: FieldDef, hint: (&'static str, &'static str)) -> FieldDef {
    d.hint = Some(hint);
    d
}
const fn o(code: &'static str, ko: &'static str, en: &'static str) -> Opt {
    Opt { code, label: (ko, en) }
}
const REQ: Need = Need::From(Initial);
const OPT: Need = Need::Optional;
const LINE: Kind = Kind::Line { max: 200 };

/// The organisation itself.
pub static PROFILE: &[FieldDef] = &[
    f("legal_name_ko", LINE, ("법인명 (국문)", "Legal name (Korean)"), REQ),
    f("legal_name_en", LINE, ("법인명 (영문)", "Legal name (English)"), REQ),
    h(
        f("biz_reg_no", LINE, ("사업자등록번호", "Business registration number"), REQ),
        ("예: 123-45-67890", "E.g. 123-45-67890"),
    ),
    f("vas_reg_no", LINE, ("부가통신사업 신고번호", "Value-added service registration number"), OPT),
    h(
        f("revenue_krw", Kind::Count, ("전년도 매출액 (원)", "Previous-year revenue (KRW)"), OPT),
        ("이용자 고지 의무(100억원 기준) 판단에 씁니다.", "Used for the user-notice duty (KRW 10 bn threshold)."),
    ),
    h(
        f("domestic_agent", LINE, ("국내대리인 (해당 시)", "Domestic agent (if any)"), OPT),
        (
            "국내 주소가 없는 해외 사업자 (전기통신사업법 제22조의8)",
            "Foreign operators without a Korean address (TBA Art. 22-8)",
        ),
    ),
    f("disaster_manager", LINE, ("방송통신재난관리책임자", "Disaster-management officer"), OPT),
    h(
        f("dc_floor_m2", Kind::Count, ("데이터센터 전산실 바닥면적 (m²)", "Data-centre server-room floor area (m²)"), OPT),
        (
            "데이터센터 사업자만. 22,500m² 이상 또는 수전설비 40MW 이상이고 매출 100억원 이상이면 주요방송통신사업자 (방송통신발전기본법 제35조①5).",
            "Data-centre operators only. 22,500 m² or 40 MW of power, with revenue of KRW 10 bn, makes a major operator (Framework Act Art. 35(1)5).",
        ),
    ),
    f("dc_power_kw", Kind::Count, ("데이터센터 수전설비 용량 (kW)", "Data-centre power receiving capacity (kW)"), OPT),
    f("nis2_entity", Kind::Choice(NIS2_ENTITIES), ("NIS2 사업자 유형", "Entity type under NIS2"), OPT),
    h(
        f("turnover_eur", Kind::Count, ("연간 매출 (유로)", "Annual turnover (EUR)"), OPT),
        ("NIS2 재정 손실 기준(매출의 5%)에 씁니다.", "Used for NIS2's financial-loss criterion (5 % of turnover)."),
    ),
    f("dora_entity", Kind::YesNo, ("DORA 적용 EU 금융기관", "EU financial entity under DORA"), OPT),
    f("uk_network", Kind::Choice(UK_NETWORKS), ("영국 공중 전자통신망 (Ofcom)", "UK public electronic communications network (Ofcom)"), OPT),
    f("contact_name", LINE, ("24시간 장애 연락 담당자", "24/7 incident contact"), REQ),
    f("contact_phone", LINE, ("연락처 전화번호", "Contact phone"), REQ),
    f("contact_email", Kind::Email, ("연락처 전자우편", "Contact e-mail"), REQ),
];

/// One service the organisation runs.
pub static SERVICE: &[FieldDef] = &[
    f("name_ko", LINE, ("서비스명 (국문)", "Service name (Korean)"), REQ),
    f("name_en", LINE, ("서비스명 (영문)", "Service name (English)"), REQ),
    f(
        "paid",
        Kind::Choice(&[
            o("paid", "유료", "Paid"),
            o("free", "무료", "Free"),
            o("mixed", "유·무료 혼합", "Free and paid"),
        ]),
        ("요금", "Charging"),
        REQ,
    ),
    f("critical_functions", Kind::Multi(FUNCTIONS), ("핵심 기능", "Critical functions"), OPT),
    h(
        f("daily_users", Kind::Count, ("일평균 국내 이용자 수", "Daily domestic users"), OPT),
        ("전년도 말 기준 직전 3개월 평균", "3-month average at the end of the previous year"),
    ),
    h(
        f("traffic_share_pct", Kind::Percent, ("국내 트래픽 비중 (%)", "Share of domestic traffic (%)"), OPT),
        ("국내 인터넷망 전체 트래픽 대비", "Of all domestic internet traffic"),
    ),
    h(
        f(
            "cloud_act",
            Kind::YesNo,
            ("클라우드컴퓨팅법 적용 클라우드 서비스", "Cloud service under the Cloud Computing Act"),
            OPT,
        ),
        ("이용자 고지 의무가 면제됩니다 (시행령 제37조의13①).", "Exempt from the user-notice duty (Decree 37-13(1))."),
    ),
];

const NIS2_ENTITIES: &[Opt] = &[
    o("none", "NIS2 적용 대상 아님", "Not an entity under NIS2"),
    o("cloud", "클라우드 컴퓨팅 서비스", "Cloud computing service"),
    o("cdn", "콘텐츠 전송 네트워크 (CDN)", "Content delivery network"),
    o("data_centre", "데이터센터 서비스", "Data centre service"),
    o("dns", "DNS 서비스", "DNS service"),
    o("tld", "최상위 도메인 등록기관", "TLD name registry"),
    o("ixp", "인터넷 교환 지점 (IXP)", "Internet exchange point"),
    o("trust_service", "신뢰 서비스", "Trust service"),
    o("managed_service", "관리형 서비스", "Managed service provider"),
    o("managed_security", "관리형 보안 서비스", "Managed security service provider"),
    o("online_marketplace", "온라인 마켓플레이스", "Online marketplace"),
    o("search_engine", "온라인 검색 엔진", "Online search engine"),
    o("social_network", "소셜 네트워킹 서비스", "Social networking platform"),
];

const UK_NETWORKS: &[Opt] = &[
    o("none", "해당 없음", "Not a UK provider"),
    o("fixed", "유선망", "Fixed network"),
    o("mobile", "이동망", "Mobile network"),
    o("both", "유선·이동 모두", "Fixed and mobile"),
];

/// One facility (data centre, cloud region) services run in.
pub static FACILITY: &[FieldDef] = &[
    f("name", LINE, ("시설명", "Facility name"), REQ),
    f(
        "ownership",
        Kind::Choice(&[
            o("own", "자체 운영", "Our own"),
            o("colocated", "임차 (코로케이션)", "Colocated"),
            o("cloud", "클라우드", "Cloud region"),
        ]),
        ("운영 형태", "Ownership"),
        REQ,
    ),
    f("operator", LINE, ("시설 운영사", "Facility operator"), OPT),
    h(
        f(
            "grade",
            Kind::Choice(&[
                o("A", "A급", "Grade A"),
                o("B", "B급", "Grade B"),
                o("C", "C급", "Grade C"),
                o("D", "D급", "Grade D"),
                o("none", "미지정", "Not graded"),
            ]),
            ("통신시설 등급", "Facility grade"),
            OPT,
        ),
        ("방송통신발전기본법 제35조의3", "Framework Act Art. 35-3"),
    ),
    f("location", LINE, ("위치", "Location"), OPT),
];

/// A dependency: a service on a facility or third party, or an outside service on ours.
pub static DEPENDENCY: &[FieldDef] = &[
    f(
        "kind",
        Kind::Choice(&[
            o("runs_in", "우리 서비스가 이 시설에서 운영됨", "Our service runs in this facility"),
            o("relies_on", "우리 서비스가 외부 서비스·사업자에 의존", "Our service relies on an outside provider"),
            o("relied_on_by", "외부 서비스가 우리 서비스에 의존", "An outside service relies on ours"),
        ]),
        ("의존 관계", "Kind of dependency"),
        REQ,
    ),
    h(
        f("service", LINE, ("우리 서비스", "Our service"), REQ),
        ("등록한 서비스명을 그대로 적으세요.", "As registered above."),
    ),
    h(
        f(
            "other",
            LINE,
            ("상대 (시설·사업자·외부 서비스)", "The other side (facility, provider or outside service)"),
            REQ,
        ),
        (
            "예: 판교 데이터센터, 철도 예매 앱 (간편 로그인)",
            "E.g. Pangyo data centre, a rail-ticket app (social login)",
        ),
    ),
    f("note", Kind::Para { max: 2000 }, ("설명", "Notes"), OPT),
];

/// A colleague the organisation admin adds (the first password is asked separately and
/// never shown again).
pub static MEMBER: &[FieldDef] = &[
    f("member_name", LINE, ("이름", "Name"), REQ),
    f("member_email", Kind::Email, ("전자우편", "E-mail"), REQ),
    f(
        "member_role",
        Kind::Choice(&[
            o("operator_officer", "신고 담당자 (작성자)", "Compliance officer (drafter)"),
            o("operator_signatory", "서명권자", "Authorised signatory"),
            o("operator_admin", "기관 관리자", "Organisation admin"),
        ]),
        ("역할", "Role"),
        REQ,
    ),
];
