//! The legal rules' data in words: what starts a clock, how long it runs, what a threshold
//! tests, when a version takes effect. Used by the public `/rules` page.

use crate::domain::deadlines::{Anchor, Period, When};
use crate::domain::law::calendar::{BRUSSELS, LONDON, SEOUL, WASHINGTON};
use crate::domain::law::coverage::Test;
use crate::domain::numbers::grouped as n;
use crate::i18n::Lang;

/// A zone's name as the page says it.
pub fn zone_name(zone: &str, lang: Lang) -> String {
    let (ko, en) = match zone {
        SEOUL => ("한국 시간", "Korean time"),
        BRUSSELS => ("브뤼셀 시간", "Brussels time"),
        WASHINGTON => ("미국 동부 시간", "US Eastern time"),
        LONDON => ("런던 시간", "London time"),
        other => return other.to_string(),
    };
    lang.pick(ko, en).to_string()
}

/// "From 2025-03-28 00:00 (Korean time)".
pub fn effective(date: &str, zone: &str, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("{date} 00:00 ({})부터", zone_name(zone, lang)),
        Lang::En => format!("From {date} 00:00 ({})", zone_name(zone, lang)),
    }
}

pub fn anchor_text(a: Anchor, lang: Lang) -> &'static str {
    let (ko, en) = match a {
        Anchor::Onset => ("장애 발생 시각", "the onset"),
        Anchor::Detection => ("탐지(발견) 시각", "discovery"),
        Anchor::Awareness => ("사고를 인지한 시각", "becoming aware of the incident"),
        Anchor::Significance => ("중대 사고임을 인지한 시각", "becoming aware the incident is significant"),
        Anchor::Classification => ("중대 사고로 분류한 시각", "classification as major"),
        Anchor::InitialFiled => ("최초 보고 제출", "the initial report"),
        Anchor::FirstUpdateFiled => ("첫 중간 보고 제출", "the first update"),
        Anchor::LatestUpdateFiled => ("마지막 중간 보고 제출", "the latest update"),
        Anchor::Restoration => ("복구 완료", "restoration"),
        Anchor::MinistryRequest => ("과기정통부 요청", "the ministry's request"),
    };
    lang.pick(ko, en)
}

pub fn period_text(p: Period, lang: Lang) -> String {
    let ko = lang == Lang::Ko;
    match p {
        Period::WithoutDelay { target_minutes } => {
            let h = target_minutes / 60;
            if ko {
                format!("지체 없이 (데스크의 목표 {h}시간)")
            } else {
                format!("without delay (the desk's target: {h} h)")
            }
        }
        Period::Minutes(m) => {
            if ko {
                format!("{m}분")
            } else {
                format!("{m} minutes")
            }
        }
        Period::Hours(h) => {
            if ko {
                format!("{h}시간")
            } else {
                format!("{h} hours")
            }
        }
        Period::CalendarDays(d, zone) => {
            if ko {
                format!("{d}일 ({} 역일)", zone_name(zone, lang))
            } else {
                format!("{d} calendar days ({})", zone_name(zone, lang))
            }
        }
        Period::CalendarMonths(m, zone) => {
            if ko {
                format!("{m}개월 ({} 역월)", zone_name(zone, lang))
            } else {
                format!("{m} calendar month(s) ({})", zone_name(zone, lang))
            }
        }
        Period::CalendarDaysWhereOutage(d) => {
            if ko {
                format!("{d}일 (장애 지역의 역일)")
            } else {
                format!("{d} calendar days where the outage is")
            }
        }
        Period::SetByMinistry => lang.pick("과기정통부가 정한 기한", "the date the ministry sets").to_string(),
    }
}

pub fn when_text(w: When, lang: Lang) -> Option<&'static str> {
    match w {
        When::Always => None,
        When::OfcomCritical => Some(lang.pick("중대 사고일 때", "for a critical incident")),
        When::OfcomNotCritical => Some(lang.pick("중대 사고가 아닐 때", "for an incident that is not critical")),
    }
}

pub fn test_text(t: Test, lang: Lang) -> String {
    let ko = lang == Lang::Ko;
    match t {
        Test::UsersAndTraffic { users, traffic_pct } => {
            if ko {
                format!("일평균 이용자 {}명 이상 그리고 국내 트래픽 {traffic_pct}% 이상", n(users))
            } else {
                format!("at least {} daily users and at least {traffic_pct} % of domestic traffic", n(users))
            }
        }
        Test::UsersOrTraffic { users, traffic_pct } => {
            if ko {
                format!("일평균 이용자 {}명 이상 또는 국내 트래픽 {traffic_pct}% 이상", n(users))
            } else {
                format!("at least {} daily users or at least {traffic_pct} % of domestic traffic", n(users))
            }
        }
        Test::DataCentre { floor_m2, power_kw, revenue_krw } => {
            if ko {
                format!(
                    "전산실 {}m² 또는 수전설비 {}kW 이상, 그리고 전년도 매출 {}원 이상",
                    n(floor_m2),
                    n(power_kw),
                    n(revenue_krw)
                )
            } else {
                format!(
                    "server rooms of {} m² or {} kW of power, and previous-year revenue of KRW {}",
                    n(floor_m2),
                    n(power_kw),
                    n(revenue_krw)
                )
            }
        }
        Test::RevenueAndUsers { revenue_krw, users } => {
            if ko {
                format!("전년도 매출 {}원 미만이거나 일평균 이용자 {}명 미만이면 면제", n(revenue_krw), n(users))
            } else {
                format!("exempt under KRW {} of revenue or under {} daily users", n(revenue_krw), n(users))
            }
        }
    }
}
