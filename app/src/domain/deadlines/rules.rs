//! Each regime's reporting clocks, as data with the date from which each version applies.
//! Sources: brief section (b). "Without delay" has no statutory number; the target given
//! is the desk's working assumption, shown to users as such.

use super::{Anchor, DoneBy, Duty, Period, Rule, RuleSet, When};
use crate::domain::filing::FilingStage::{Final, Initial, Interim};
use crate::domain::law::calendar::{BRUSSELS, LONDON, SEOUL, WASHINGTON};

/// Every rule set, any order; [`super::rule_set`] picks the version in force.
pub static RULE_SETS: &[RuleSet] = &[
    RuleSet {
        regime: "KR_FA38",
        version: "FA 38·39④ (2023-07-04)",
        effective_from: "2023-07-04",
        zone: SEOUL,
        rules: &[Rule {
            duty: Duty::InitialReport,
            anchor: Anchor::Detection,
            period: Period::WithoutDelay { target_minutes: 60 },
            cap: None,
            done_by: DoneBy::Filing(Initial),
            basis: (
                "방송통신발전기본법 제38조: 현황·원인·응급조치·복구대책을 지체 없이 보고",
                "Framework Act Art. 38: report status, cause, emergency measures and recovery plan without delay",
            ),
            when: When::Always,
        }],
    },
    RuleSet {
        regime: "KR_TBA22_7",
        version: "TBA 22-7④ (2020-12-10)",
        effective_from: "2020-12-10",
        zone: SEOUL,
        rules: &[Rule {
            duty: Duty::DataSubmission,
            anchor: Anchor::MinistryRequest,
            period: Period::SetByMinistry,
            cap: None,
            done_by: DoneBy::RequestAnswered,
            basis: (
                "전기통신사업법 제22조의7④: 과기정통부 요청 자료를 정한 기한까지 제출",
                "TBA Art. 22-7(4): submit the data the ministry requests by the date it sets",
            ),
            when: When::Always,
        }],
    },
    RuleSet {
        regime: "KR_TBA33",
        version: "Decree 37-13 (2025-03-28)",
        effective_from: "2025-03-28",
        zone: SEOUL,
        rules: KR_TBA33_RULES,
    },
    RuleSet {
        regime: "KR_TBA33",
        version: "Decree 37-13 (2020-12-10)",
        effective_from: "2020-12-10",
        zone: SEOUL,
        rules: KR_TBA33_RULES,
    },
    RuleSet {
        regime: "EU_NIS2",
        version: "NIS2 Art. 23 (2024-10-18)",
        effective_from: "2024-10-18",
        zone: BRUSSELS,
        rules: &[
            Rule {
                duty: Duty::EarlyWarning,
                anchor: Anchor::Significance,
                period: Period::Hours(24),
                cap: None,
                done_by: DoneBy::Filing(Initial),
                basis: (
                    "NIS2 제23조(4)(a): 중대 사고를 인지한 후 24시간 내 조기경보",
                    "NIS2 Art. 23(4)(a): early warning within 24 h of becoming aware of the significant incident",
                ),
                when: When::Always,
            },
            Rule {
                duty: Duty::UpdateReport,
                anchor: Anchor::Significance,
                period: Period::Hours(72),
                cap: None,
                done_by: DoneBy::Filing(Interim),
                basis: (
                    "NIS2 제23조(4)(b): 중대 사고를 인지한 후 72시간 내 사고 통지",
                    "NIS2 Art. 23(4)(b): incident notification within 72 h of becoming aware of the significant incident",
                ),
                when: When::Always,
            },
            Rule {
                duty: Duty::FinalReport,
                anchor: Anchor::FirstUpdateFiled,
                period: Period::CalendarMonths(1, BRUSSELS),
                cap: None,
                done_by: DoneBy::Filing(Final),
                basis: (
                    "NIS2 제23조(4)(d): 사고 통지 후 1개월 내 최종 보고",
                    "NIS2 Art. 23(4)(d): final report within one month of the notification",
                ),
                when: When::Always,
            },
        ],
    },
    RuleSet {
        regime: "EU_DORA",
        version: "DORA RTS 2025/301 (2025-01-17)",
        effective_from: "2025-01-17",
        zone: BRUSSELS,
        rules: &[
            Rule {
                duty: Duty::InitialReport,
                anchor: Anchor::Classification,
                period: Period::Hours(4),
                cap: Some((Anchor::Awareness, Period::Hours(24))),
                done_by: DoneBy::Filing(Initial),
                basis: (
                    "DORA: 중대 사고로 분류한 후 4시간, 사고 자체를 인지한 후 24시간 이내 최초 보고",
                    "DORA: initial notification within 4 h of classification as major and 24 h of becoming aware of the incident",
                ),
                when: When::Always,
            },
            Rule {
                duty: Duty::UpdateReport,
                anchor: Anchor::InitialFiled,
                period: Period::Hours(72),
                cap: None,
                done_by: DoneBy::Filing(Interim),
                basis: (
                    "DORA: 최초 보고 후 72시간 내 중간 보고",
                    "DORA: intermediate report within 72 h of the initial report",
                ),
                when: When::Always,
            },
            Rule {
                duty: Duty::FinalReport,
                anchor: Anchor::LatestUpdateFiled,
                period: Period::CalendarMonths(1, BRUSSELS),
                cap: None,
                done_by: DoneBy::Filing(Final),
                basis: (
                    "DORA: 마지막 중간 보고 후 1개월 내 최종 보고",
                    "DORA: final report within one month of the latest intermediate report",
                ),
                when: When::Always,
            },
        ],
    },
    RuleSet {
        regime: "US_FCC",
        version: "47 CFR 4.9 / 4.11",
        effective_from: "2005-01-03",
        zone: WASHINGTON,
        rules: &[
            Rule {
                duty: Duty::InitialReport,
                anchor: Anchor::Detection,
                period: Period::Minutes(120),
                cap: None,
                done_by: DoneBy::Filing(Initial),
                basis: (
                    "FCC 47 CFR 4.9: 발견 후 120분 내 통보",
                    "47 CFR 4.9: notification within 120 minutes of discovery",
                ),
                when: When::Always,
            },
            Rule {
                duty: Duty::UpdateReport,
                anchor: Anchor::Detection,
                period: Period::Hours(72),
                cap: None,
                done_by: DoneBy::Filing(Interim),
                basis: (
                    "FCC 47 CFR 4.9: 발견 후 72시간 내 최초 보고서",
                    "47 CFR 4.9: initial report within 72 hours of discovery",
                ),
                when: When::Always,
            },
            Rule {
                duty: Duty::FinalReport,
                anchor: Anchor::Detection,
                period: Period::CalendarDaysWhereOutage(30),
                cap: None,
                done_by: DoneBy::Filing(Final),
                basis: (
                    "FCC 47 CFR 4.9: 발견 후 30일 내 최종 보고서 (선서, 장애 발생 지역 시간대의 역일)",
                    "47 CFR 4.9: sworn final report within 30 days of discovery (calendar days where the outage is)",
                ),
                when: When::Always,
            },
        ],
    },
    RuleSet {
        regime: "UK_OFCOM",
        version: "s105K + Ofcom statement (2022-10-01)",
        effective_from: "2022-10-01",
        zone: LONDON,
        rules: &[
            Rule {
                duty: Duty::InitialReport,
                anchor: Anchor::Awareness,
                period: Period::WithoutDelay { target_minutes: 180 },
                cap: None,
                done_by: DoneBy::Filing(Initial),
                basis: (
                    "통신법 제105K조: 합리적으로 가능한 한 빨리 (중대 사고: 약 3시간 목표, 300만 이용자·시간 초과 또는 미확인)",
                    "Communications Act s105K: as soon as reasonably practicable (critical incident: about 3 h; more than 3 M user-hours, or not yet known)",
                ),
                when: When::OfcomCritical,
            },
            Rule {
                duty: Duty::InitialReport,
                anchor: Anchor::Awareness,
                period: Period::WithoutDelay { target_minutes: 72 * 60 },
                cap: None,
                done_by: DoneBy::Filing(Initial),
                basis: (
                    "통신법 제105K조: 합리적으로 가능한 한 빨리 (중대 사고 아님: 약 72시간 목표)",
                    "Communications Act s105K: as soon as reasonably practicable (not critical: about 72 h)",
                ),
                when: When::OfcomNotCritical,
            },
        ],
    },
];

const KR_TBA33_RULES: &[Rule] = &[
    Rule {
        duty: Duty::UserNotice,
        anchor: Anchor::Onset,
        period: Period::WithoutDelay { target_minutes: 60 },
        cap: None,
        done_by: DoneBy::Field("notice_sent_at"),
        basis: (
            "시행령 제37조의13①: 중단 사실·원인·대응조치·연락처를 이용자에게 지체 없이 고지",
            "Decree 37-13(1): tell users the fact, cause, response and a contact without delay",
        ),
        when: When::Always,
    },
    Rule {
        duty: Duty::CompensationNotice,
        anchor: Anchor::Restoration,
        period: Period::CalendarDays(30, SEOUL),
        cap: None,
        done_by: DoneBy::Field("compensation_notice_at"),
        basis: (
            "시행령 제37조의13②: 복구 후 30일 내 손해배상 청구 안내 고지",
            "Decree 37-13(2): compensation notice within 30 days of restoration",
        ),
        when: When::Always,
    },
];
