//! The unified field list (brief, section c.1–c.3) as data. Stage requirements follow the
//! strictest regime: what KR FA 38 and FCC/DORA/NIS2 initial notices need is required from
//! the initial notification on; progress from the interim update; root cause, redundancy,
//! compensation and recurrence prevention from the final report.

use super::options::*;
use super::schema::{FieldDef, GroupDef, Kind, Need, SectionDef};
use crate::domain::filing::FilingStage::{Final, Initial, Interim};

const fn f(key: &'static str, kind: Kind, label: (&'static str, &'static str), need: Need, public: bool) -> FieldDef {
    FieldDef { key, kind, label, hint: None, need, public }
}
const fn h(mut d: FieldDef, hint: (&'static str, &'static str)) -> FieldDef {
    d.hint = Some(hint);
    d
}
const OPT: Need = Need::Optional;
const INI: Need = Need::From(Initial);
const MID: Need = Need::From(Interim);
const FIN: Need = Need::From(Final);

const LINE: Kind = Kind::Line { max: 200 };
const PARA: Kind = Kind::Para { max: 10_000 };

pub static SECTIONS: &[SectionDef] = &[
    SectionDef {
        slug: "summary",
        title: ("장애 개요", "Outage summary"),
        fields: &[
            f("title", LINE, ("제목", "Title"), INI, true),
            h(
                f("regimes", Kind::Multi(REGIMES), ("신고 근거 법령", "Reporting regimes"), INI, false),
                (
                    "이 장애를 신고하는 모든 제도를 고르세요. 제도마다 기한이 계산됩니다.",
                    "Choose every regime you report this outage under; each has its own deadlines.",
                ),
            ),
            f("status", Kind::Choice(STATUS), ("현재 상태", "Current status"), INI, true),
            h(
                f("services_affected", PARA, ("영향받은 서비스", "Services affected"), INI, true),
                ("한 줄에 하나씩 적어 주세요.", "One service per line."),
            ),
            f(
                "functions_affected",
                Kind::Multi(FUNCTIONS),
                ("영향받은 핵심 기능", "Critical functions affected"),
                INI,
                true,
            ),
            h(
                f(
                    "downstream_dependents",
                    PARA,
                    ("우리 서비스에 의존하는 외부 서비스", "Outside services that depend on ours"),
                    OPT,
                    true,
                ),
                (
                    "예: 우리 계정으로 로그인하는 다른 회사의 앱",
                    "E.g. other companies' apps that log in with our account",
                ),
            ),
            f("description", PARA, ("장애 현황", "What is happening"), INI, true),
            h(
                f("severity", Kind::Choice(SEVERITY), ("위기경보 수준", "Crisis alert level"), MID, true),
                ("통신재난관리기본계획의 위기경보 단계", "Alert level under the national disaster-management plan"),
            ),
            f(
                "authorities_notified",
                Kind::Multi(AUTHORITIES),
                ("함께 통보한 기관", "Other authorities notified"),
                OPT,
                false,
            ),
            h(
                f(
                    "related_incidents",
                    LINE,
                    ("같은 원인의 이전 사고", "Earlier incidents with the same cause"),
                    OPT,
                    false,
                ),
                (
                    "접수번호를 쉼표로 구분 (반복 사고 판단: NIS2, DORA)",
                    "References, comma-separated (recurring incidents under NIS2 and DORA)",
                ),
            ),
        ],
        groups: &[],
    },
    SectionDef {
        slug: "times",
        title: ("발생·인지 시각", "When it happened"),
        fields: &[
            f("onset_at", Kind::Instant, ("발생 시각 (추정)", "Onset (estimated)"), INI, true),
            f("detected_at", Kind::Instant, ("탐지 시각", "Detected"), INI, true),
            h(
                f("aware_at", Kind::Instant, ("사고를 인지한 시각", "Became aware of the incident"), OPT, false),
                (
                    "사고 자체를 처음 인지한 때 (신고 대상인지 판단한 때가 아님). DORA 최초 통지의 24시간 한도가 여기서 시작하고, Ofcom 보고도 여기서 셉니다. 비워 두면 탐지 시각을 씁니다.",
                    "When you first knew of the incident itself (not when you judged it reportable). DORA's 24-hour limit for the initial notification counts from it, and so does Ofcom; the detection time is used when empty.",
                ),
            ),
            h(
                f(
                    "significant_at",
                    Kind::Instant,
                    ("중대 사고임을 인지한 시각 (NIS2)", "Became aware the incident is significant (NIS2)"),
                    OPT,
                    false,
                ),
                (
                    "NIS2 조기경보(24시간)와 사고 통지(72시간)의 기산점. 비워 두면 사고 인지 시각을 씁니다.",
                    "Starts NIS2's 24-hour early warning and 72-hour notification; the awareness time is used when empty.",
                ),
            ),
            h(
                f("classified_at", Kind::Instant, ("중대 사고로 분류한 시각", "Classified as major"), OPT, false),
                ("DORA 최초 보고 기한(4시간)의 기산점입니다.", "Starts DORA's 4-hour initial-report clock."),
            ),
            f("restored_at", Kind::Instant, ("복구 완료 시각", "Fully restored"), FIN, true),
            f("detection_source", Kind::Choice(DETECTION), ("탐지 경로", "How it was detected"), INI, false),
            h(
                f("outage_zone", Kind::Choice(US_ZONES), ("장애 발생 지역 시간대 (FCC)", "Where the outage is (FCC)"), OPT, false),
                (
                    "FCC 최종 보고서 30일을 이 지역의 역일로 셉니다. 비워 두면 미국 동부 시간입니다.",
                    "The FCC's 30 days for the final report are counted in this zone's calendar; US Eastern when empty.",
                ),
            ),
        ],
        groups: &[GroupDef {
            key: "timeline",
            label: ("경과 (시간순)", "Timeline"),
            hint: Some((
                "탐지, 비상 단계 상향, 고지, 응급조치, 복구 등 주요 사건을 적어 주세요.",
                "Detection, escalation, notices, mitigation, restoration and other key events.",
            )),
            columns: &[
                f("at", Kind::Instant, ("시각", "Time"), INI, true),
                f("kind", Kind::Choice(EVENT_KINDS), ("종류", "Kind"), INI, true),
                f("text", LINE, ("내용", "What happened"), INI, true),
            ],
            need: MID,
        }],
    },
    SectionDef {
        slug: "impact",
        title: ("영향", "Impact"),
        fields: &[
            f("impact_type", Kind::Multi(IMPACT), ("영향 유형", "Type of impact"), INI, true),
            f("users_affected", Kind::Count, ("영향받은 이용자 수", "Users affected"), INI, true),
            f(
                "estimation_basis",
                Kind::Choice(ESTIMATION),
                ("이용자 수 산정 근거", "How users affected was estimated"),
                INI,
                true,
            ),
            h(
                f(
                    "service_users",
                    Kind::Count,
                    ("해당 서비스 일평균 이용자 수", "Daily users of the affected services"),
                    OPT,
                    false,
                ),
                (
                    "직전 3개월 하루 평균 국내 이용자 수. 영향받은 이용자 수는 이보다 클 수 없습니다.",
                    "3-month daily average; users affected cannot exceed it.",
                ),
            ),
            f("regions", LINE, ("영향 지역", "Regions affected"), OPT, true),
            f("cross_border", Kind::YesNo, ("국외 영향", "Impact in other countries"), OPT, false),
            h(
                f("eu_users_affected", Kind::Count, ("영향받은 EU 이용자 수", "Users affected in the EU"), OPT, false),
                ("NIS2 기준은 한국이 아닌 EU 이용자로 판단합니다.", "NIS2 counts users in the EU, not in Korea."),
            ),
            f("eu_users_total", Kind::Count, ("서비스의 EU 이용자 수", "The service's users in the EU"), OPT, false),
            f("eu_member_states", Kind::Count, ("영향받은 EU 회원국 수", "EU member states affected"), OPT, false),
            f("complaints_count", Kind::Count, ("민원 접수 건수", "Complaints received"), OPT, true),
            f("damage_reports_count", Kind::Count, ("피해 신고 건수", "Damage reports received"), OPT, true),
            f("data_loss", Kind::YesNo, ("데이터 손실", "Data lost"), MID, false),
            f(
                "peak_concurrent_affected",
                Kind::Count,
                ("최대 동시 영향 이용자 수", "Peak concurrent users affected"),
                OPT,
                true,
            ),
            h(
                f(
                    "economic_impact_krw",
                    Kind::Count,
                    ("경제적 피해 추정 (원)", "Estimated economic impact (KRW)"),
                    OPT,
                    false,
                ),
                ("직접·간접 비용 합계 (국내 보고용)", "Direct and indirect costs (for the Korean report)"),
            ),
            h(
                f(
                    "economic_impact_eur",
                    Kind::Count,
                    ("경제적 피해 추정 (유로)", "Estimated economic impact (EUR)"),
                    OPT,
                    false,
                ),
                (
                    "DORA(€100,000)와 NIS2(€500,000 또는 매출의 5%) 기준은 유로로 판단합니다.",
                    "DORA's (€100,000) and NIS2's (€500,000 or 5 % of turnover) criteria are in euro.",
                ),
            ),
            f("deaths_or_health", Kind::YesNo, ("사망 또는 상당한 건강 피해", "Deaths or considerable damage to health"), OPT, false),
            h(
                f("reputational_impact", Kind::YesNo, ("평판 영향 (DORA)", "Reputational impact (DORA)"), OPT, false),
                ("언론 보도, 반복 민원, 규제 요건 미충족 등", "Media coverage, repeated complaints, regulatory requirements not met…"),
            ),
            f("counterparts_pct", Kind::Percent, ("영향받은 금융 거래상대방 (%)", "Financial counterparts affected (%)"), OPT, false),
            f("transactions_pct", Kind::Percent, ("영향받은 거래 (일 거래량 대비 %)", "Transactions affected (% of a day's)"), OPT, false),
            h(
                f(
                    "critical_downtime_min",
                    Kind::Minutes,
                    ("핵심 서비스 중단 시간 (분)", "Critical services down (minutes)"),
                    OPT,
                    false,
                ),
                (
                    "DORA 2시간 기준. 비워 두면 핵심 기능이 영향받은 경우 전체 지속 시간을 씁니다.",
                    "DORA's 2-hour criterion; when empty, the whole duration is used if a critical function was affected.",
                ),
            ),
        ],
        groups: &[],
    },
    SectionDef {
        slug: "cause",
        title: ("원인", "Cause"),
        fields: &[
            f("cause_category", Kind::Choice(CAUSES), ("원인 분류", "Cause category"), INI, true),
            f("suspected_malicious", Kind::YesNo, ("악의적 행위 의심", "Suspected malicious"), INI, false),
            f(
                "unauthorised_access",
                Kind::YesNo,
                ("시스템 무단 접근 성공", "Successful unauthorised access to systems"),
                OPT,
                false,
            ),
            f("detailed_causes", Kind::Multi(DETAILED), ("세부 원인", "Detailed causes"), FIN, true),
            f("cause_narrative", PARA, ("직접 원인과 근본 원인", "Direct and root cause"), FIN, true),
            f("contributing_factors", PARA, ("기여 요인", "Contributing factors"), OPT, true),
            f("third_party_involved", Kind::YesNo, ("제3자 관련", "Third party involved"), INI, true),
            f("third_party_role", Kind::Choice(THIRD_ROLE), ("제3자의 역할", "Third party's role"), OPT, true),
            f("assets_affected", Kind::Multi(ASSETS), ("영향받은 자산", "Assets affected"), FIN, true),
            h(
                f(
                    "indicators_of_compromise",
                    PARA,
                    ("침해 지표 (IoC)·공격 기법", "Indicators of compromise, attack technique"),
                    OPT,
                    false,
                ),
                (
                    "영업비밀·보안 민감 정보로 취급되며 공개되지 않습니다.",
                    "Treated as security-sensitive; never published.",
                ),
            ),
        ],
        groups: &[],
    },
    SectionDef {
        slug: "response",
        title: ("응급조치와 복구", "Response and recovery"),
        fields: &[
            f("emergency_measures", PARA, ("응급조치 내용", "Emergency measures"), INI, true),
            f("recovery_plan", PARA, ("복구대책", "Recovery plan"), INI, true),
            f("eta_restore", Kind::FutureInstant, ("복구 예상 시각", "Expected restoration"), OPT, false),
            f("pct_services_restored", Kind::Percent, ("서비스 복구율 (%)", "Services restored (%)"), MID, true),
            f("pct_servers_restored", Kind::Percent, ("서버 복구율 (%)", "Servers restored (%)"), OPT, true),
            f("workarounds", PARA, ("대체 수단 안내", "Workarounds offered"), OPT, true),
            f("next_update_due", Kind::FutureInstant, ("다음 보고 예정 시각", "Next update expected"), OPT, false),
        ],
        groups: &[],
    },
    SectionDef {
        slug: "redundancy",
        title: ("이중화 평가", "Redundancy"),
        fields: &[
            f("data_replicated", Kind::YesNo, ("데이터 이중화", "Data replicated"), FIN, false),
            f(
                "service_multi_dc",
                Kind::YesNo,
                ("서비스 다중 데이터센터 운영", "Service runs in several data centres"),
                FIN,
                false,
            ),
            f(
                "ops_tools_multi_dc",
                Kind::YesNo,
                ("운영·관리 도구 이중화", "Operations tools in several data centres"),
                FIN,
                false,
            ),
            f("failover_attempted", Kind::YesNo, ("전환(페일오버) 시도", "Failover attempted"), INI, false),
            f("failover_succeeded", Kind::YesNo, ("전환 성공", "Failover worked"), OPT, false),
            f(
                "rto_target_min",
                Kind::Minutes,
                ("목표 복구 시간 RTO (분)", "Recovery time objective (minutes)"),
                FIN,
                false,
            ),
            f("rto_actual_min", Kind::Minutes, ("실제 복구 시간 (분)", "Actual recovery time (minutes)"), FIN, false),
            f(
                "rpo_target_min",
                Kind::Minutes,
                ("목표 복구 시점 RPO (분)", "Recovery point objective (minutes)"),
                OPT,
                false,
            ),
            f(
                "rpo_actual_min",
                Kind::Minutes,
                ("실제 데이터 손실 구간 (분)", "Actual data-loss window (minutes)"),
                OPT,
                false,
            ),
            f("failover_tested_last", Kind::Date, ("마지막 전환 훈련일", "Last failover drill"), OPT, false),
        ],
        groups: &[],
    },
    SectionDef {
        slug: "notice",
        title: ("이용자 고지", "User notice"),
        fields: &[
            f("notice_sent", Kind::YesNo, ("이용자에게 고지함", "Users were told"), INI, true),
            f("notice_sent_at", Kind::Instant, ("최초 고지 시각", "First notice sent"), OPT, true),
            f("notice_channels", Kind::Multi(CHANNELS), ("고지 방법", "Channels"), OPT, true),
            h(
                f(
                    "notice_contents",
                    Kind::Multi(NOTICE_CONTENTS),
                    ("고지에 담긴 내용", "What the notice said"),
                    OPT,
                    true,
                ),
                ("시행령은 네 가지 모두를 요구합니다.", "The Decree requires all four."),
            ),
            f("notice_text", PARA, ("고지 문안", "Notice text"), OPT, true),
            f(
                "exemption_claimed",
                Kind::Choice(EXEMPTIONS),
                ("고지 면제 사유", "Notice exemption claimed"),
                OPT,
                false,
            ),
            f("exemption_justification", PARA, ("면제 사유 설명", "Why the exemption applies"), OPT, false),
            h(
                f("unforeseeable", Kind::YesNo, ("예측할 수 없었던 장애", "Unforeseeable outage"), OPT, false),
                (
                    "트래픽 과부하, 설비 장애·오류, 소프트웨어 이상으로 예측할 수 없었다면 '예'. 짧은 장애의 고지 면제(시행령 제37조의13①)에 쓰입니다.",
                    "'Yes' if caused by traffic overload, a facility fault or error, or a software anomaly that could not be foreseen. Used for the short-outage notice exemption (Decree 37-13(1)).",
                ),
            ),
            h(
                f(
                    "important_facility",
                    Kind::YesNo,
                    ("중요통신시설에서 비롯된 장애", "Caused by a designated important facility"),
                    OPT,
                    false,
                ),
                (
                    "방송통신발전기본법 제35조의3에 따라 지정된 시설. 2025. 3. 28.부터 짧은 장애 면제가 적용되지 않습니다.",
                    "A facility designated under Framework Act Art. 35-3: from 2025-03-28 the short-outage exemption does not apply.",
                ),
            ),
        ],
        groups: &[],
    },
    SectionDef {
        slug: "compensation",
        title: ("손해배상", "Compensation"),
        fields: &[
            f("compensation_scheme", PARA, ("배상 기준", "Compensation scheme"), FIN, true),
            f("compensation_eligibility", PARA, ("청구권자", "Who may claim"), OPT, true),
            f("compensation_amounts", PARA, ("배상 금액", "Amounts"), OPT, true),
            h(
                f(
                    "compensation_notice_at",
                    Kind::Instant,
                    ("배상 안내 고지 시각", "Compensation notice sent"),
                    OPT,
                    true,
                ),
                ("복구 후 30일 이내 (시행령)", "Within 30 days of restoration (Decree)"),
            ),
            f("claims_received", Kind::Count, ("접수된 청구 건수", "Claims received"), OPT, false),
            f("paid_total_krw", Kind::Count, ("지급액 합계 (원)", "Total paid (KRW)"), OPT, false),
        ],
        groups: &[],
    },
    SectionDef {
        slug: "prevention",
        title: ("재발방지대책", "Recurrence prevention"),
        fields: &[],
        groups: &[GroupDef {
            key: "prevention",
            label: ("재발방지대책 항목", "Prevention items"),
            hint: Some(("관련 의무 번호 예: KR-SS-03, KR-DM-04", "Related duty ids, e.g. KR-SS-03, KR-DM-04")),
            columns: &[
                f("measure", LINE, ("대책", "Measure"), INI, true),
                f("duty_ids", LINE, ("관련 의무", "Duties"), OPT, true),
                f("owner", LINE, ("담당", "Owner"), INI, false),
                f("due", Kind::Date, ("완료 예정일", "Due"), INI, true),
                f("status", Kind::Choice(ITEM_STATUS), ("진행 상태", "Status"), INI, true),
                f("evidence", LINE, ("증빙", "Evidence"), OPT, false),
            ],
            need: FIN,
        }],
    },
];
