//! The reportability check: from duration, users affected and services, which regimes'
//! thresholds are met and why (brief, sections a.1 and b). Advisory: the officer decides
//! which regimes to file under; the reasons show the arithmetic.

use serde::{Deserialize, Serialize};

use super::numbers::grouped as n;

use super::report::Content;
use super::timestamp::Timestamp;

/// Whether a regime's threshold is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Met,
    NotMet,
    /// Depends on facts the report does not hold (designation, revenue, traffic share).
    Unknown,
}

/// The check of one regime, with its reasons in Korean and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub regime: String,
    pub verdict: Verdict,
    pub reasons: Vec<(String, String)>,
}

/// Thresholds (brief, section b).
pub const FCC_MIN_MINUTES: i64 = 30;
pub const FCC_USER_MINUTES: u64 = 900_000;
pub const KR_NOTICE_WINDOW_MINUTES: i64 = 120;
pub const KR_NOTICE_WINDOW_BEFORE_2025: i64 = 240;
/// 2025-03-28 00:00 KST, when the Decree amendment cut the window from 4 h to 2 h.
pub const KR_NOTICE_AMENDMENT: Timestamp = Timestamp(1_743_087_600);
pub const MILLION: u64 = 1_000_000;

fn hm(minutes: i64) -> (String, String) {
    (format!("{}시간 {}분", minutes / 60, minutes % 60), format!("{} h {} min", minutes / 60, minutes % 60))
}

/// Checks every regime against the report's content at `now`.
pub fn assess(c: &Content, now: Timestamp) -> Vec<Assessment> {
    // Restoration before onset is a typing mistake, not a zero-minute outage: nothing that
    // depends on the duration is judged until the times are put right.
    let reversed = matches!((c.instant("onset_at"), c.instant("restored_at")), (Some(o), Some(r)) if r.0 < o.0);
    let minutes = c.duration_minutes(now).filter(|_| !reversed);
    let user_minutes = c.user_minutes(now).filter(|_| !reversed);
    let users = c.count("users_affected");
    let service = c.count("service_users");
    let functions = c.codes("functions_affected");
    let mut out = Vec::new();
    let mut push = |regime: &str, verdict, reasons: Vec<(String, String)>| {
        out.push(Assessment { regime: regime.to_string(), verdict, reasons })
    };
    let unknown_duration = || {
        vec![if reversed {
            (
                "복구 시각이 발생 시각보다 앞섭니다. 두 시각을 확인하세요.".to_string(),
                "Restoration is before onset: check both times.".to_string(),
            )
        } else {
            (
                "발생 시각이 없어 지속 시간을 계산할 수 없습니다.".to_string(),
                "Without an onset time the duration cannot be computed.".to_string(),
            )
        }]
    };

    // KR user notice (TBA 33② + Decree 37-13)
    match minutes {
        Some(m) => {
            let onset = c.instant("onset_at").unwrap_or(now);
            let window =
                if onset >= KR_NOTICE_AMENDMENT { KR_NOTICE_WINDOW_MINUTES } else { KR_NOTICE_WINDOW_BEFORE_2025 };
            let (d_ko, d_en) = hm(m);
            let (w_ko, w_en) = hm(window);
            let mut reasons = vec![if m > window {
                (
                    format!("지속 시간 {d_ko}이 면제 기준 {w_ko}을 넘었습니다."),
                    format!("Lasted {d_en}, longer than the {w_en} exemption window."),
                )
            } else {
                (
                    format!("지속 시간 {d_ko}: 예측 불가한 장애라면 {w_ko} 이하 면제가 적용될 수 있습니다."),
                    format!("Lasted {d_en}: an unforeseeable outage of {w_en} or less may be exempt."),
                )
            }];
            let covered = service.map(|s| s >= MILLION);
            if covered == Some(false) {
                reasons.push((
                    "일평균 이용자 100만명 미만 서비스는 면제됩니다.".into(),
                    "Services under 1 M daily users are exempt.".into(),
                ));
            }
            let verdict = match (m > window, covered) {
                (_, Some(false)) => Verdict::NotMet,
                (true, Some(true)) => Verdict::Met,
                (true, None) => Verdict::Unknown,
                (false, _) => Verdict::NotMet,
            };
            push("KR_TBA33", verdict, reasons);
        }
        None => push("KR_TBA33", Verdict::Unknown, unknown_duration()),
    }

    // KR Framework Act 38: designated major operators (≥ 10 M daily users or ≥ 2 % traffic)
    match service {
        Some(s) if s >= 10 * MILLION => push(
            "KR_FA38",
            Verdict::Met,
            vec![(
                format!("일평균 이용자 {}명으로 주요방송통신사업자 기준(1천만명)에 해당합니다.", n(s)),
                format!("{} daily users meets the major-operator threshold (10 M).", n(s)),
            )],
        ),
        _ => push(
            "KR_FA38",
            Verdict::Unknown,
            vec![(
                "주요방송통신사업자(일평균 이용자 1천만명 이상 또는 트래픽 2% 이상)로 지정된 경우 보고 대상입니다."
                    .into(),
                "Applies if you are a designated major operator (10 M daily users or 2 % of traffic).".into(),
            )],
        ),
    }

    // KR TBA 22-7: ≥ 1 M daily users and ≥ 1 % of traffic
    match service {
        Some(s) if s >= MILLION => push(
            "KR_TBA22_7",
            Verdict::Met,
            vec![(
                format!(
                    "일평균 이용자 {}명 (기준 100만명). 트래픽 1% 이상이면 과기정통부가 자료를 요청할 수 있습니다.",
                    n(s)
                ),
                format!("{} daily users (threshold 1 M). With 1 % of traffic the ministry may request data.", n(s)),
            )],
        ),
        Some(s) => push(
            "KR_TBA22_7",
            Verdict::NotMet,
            vec![(
                format!("일평균 이용자 {}명: 기준 100만명 미만.", n(s)),
                format!("{} daily users: under the 1 M threshold.", n(s)),
            )],
        ),
        None => push(
            "KR_TBA22_7",
            Verdict::Unknown,
            vec![("서비스 일평균 이용자 수를 입력하세요.".into(), "Enter the service's daily users.".into())],
        ),
    }

    // EU NIS2 (Impl. Reg. 2024/2690 Art. 13 pattern): > 5 % of users or > 1 M users
    match users {
        Some(u) => {
            let share = service.filter(|s| *s > 0).map(|s| u as f64 * 100.0 / s as f64);
            let met = u > MILLION || share.is_some_and(|p| p > 5.0);
            let pct = share.map(|p| format!("{p:.1}%")).unwrap_or_else(|| "?".into());
            push(
                "EU_NIS2",
                if met { Verdict::Met } else { Verdict::NotMet },
                vec![(
                    format!("영향 이용자 {}명 ({pct}); 기준: 100만명 또는 5% 초과.", n(u)),
                    format!("{} users affected ({pct}); threshold: over 1 M or over 5 %.", n(u)),
                )],
            );
        }
        None => push(
            "EU_NIS2",
            Verdict::Unknown,
            vec![("영향받은 이용자 수가 필요합니다.".into(), "Users affected is needed.".into())],
        ),
    }

    // EU DORA: critical services affected and at least two criteria
    let critical = functions.iter().any(|f| matches!(*f, "payments" | "login"));
    let mut met: Vec<(String, String)> = Vec::new();
    if let Some(u) = users {
        if u > 100_000 || service.is_some_and(|s| s > 0 && u * 10 > s) {
            met.push((
                format!("이용자 {}명 (10만명 또는 10% 초과)", n(u)),
                format!("{} clients (over 100,000 or 10 %)", n(u)),
            ));
        }
    }
    if minutes.is_some_and(|m| m > 120) {
        met.push(("핵심 서비스 2시간 초과 중단".into(), "critical service down for over 2 h".into()));
    }
    if c.yes("cross_border") == Some(true) {
        met.push(("2개국 이상 영향".into(), "impact in two or more countries".into()));
    }
    if c.yes("data_loss") == Some(true) {
        met.push(("데이터 손실".into(), "data losses".into()));
    }
    let verdict = if critical && met.len() >= 2 { Verdict::Met } else { Verdict::NotMet };
    let mut reasons = vec![if critical {
        (
            "결제·인증 등 핵심 기능이 영향받았습니다.".to_string(),
            "Critical functions (payments, authentication) were affected.".to_string(),
        )
    } else {
        (
            "결제·인증 등 핵심 기능 영향이 없습니다.".to_string(),
            "No critical function (payments, authentication) affected.".to_string(),
        )
    }];
    reasons.push((
        format!(
            "충족 기준 {}개 (2개 필요): {}",
            met.len(),
            met.iter().map(|m| m.0.as_str()).collect::<Vec<_>>().join(", ")
        ),
        format!(
            "{} criteria met (2 needed): {}",
            met.len(),
            met.iter().map(|m| m.1.as_str()).collect::<Vec<_>>().join(", ")
        ),
    ));
    push("EU_DORA", verdict, reasons);

    // US FCC Part 4: ≥ 30 minutes and ≥ 900,000 user-minutes
    match (minutes, user_minutes) {
        (Some(m), Some(um)) => {
            let met = m >= FCC_MIN_MINUTES && um >= FCC_USER_MINUTES;
            push(
                "US_FCC",
                if met { Verdict::Met } else { Verdict::NotMet },
                vec![(
                    format!(
                        "{}분 × 이용자 = {} 이용자·분 (기준: 30분 이상, 900,000 이용자·분 이상).",
                        n(m.unsigned_abs()),
                        n(um)
                    ),
                    format!(
                        "{} minutes × users = {} user-minutes (threshold: 30 minutes and 900,000 user-minutes).",
                        n(m.unsigned_abs()),
                        n(um)
                    ),
                )],
            );
        }
        _ => push("US_FCC", Verdict::Unknown, unknown_duration()),
    }

    // UK Ofcom: ≥ 100,000 customers of any duration; > 3 M user-hours is critical
    match users {
        Some(u) => {
            let hours = user_minutes.map(|m| m / 60).unwrap_or(0);
            push(
                "UK_OFCOM",
                if u >= 100_000 { Verdict::Met } else { Verdict::NotMet },
                vec![(
                    format!("영향 고객 {}명 (기준 10만명), 손실 {} 이용자·시간 (300만 초과 시 중대).", n(u), n(hours)),
                    format!(
                        "{} customers affected (threshold 100,000); {} user-hours lost (critical above 3 M).",
                        n(u),
                        n(hours)
                    ),
                )],
            );
        }
        None => push(
            "UK_OFCOM",
            Verdict::Unknown,
            vec![("영향받은 이용자 수가 필요합니다.".into(), "Users affected is needed.".into())],
        ),
    }
    out
}

#[cfg(test)]
#[path = "reportability_test.rs"]
mod tests;
