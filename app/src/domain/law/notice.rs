//! The Korean user-notice duty (TBA Art. 33② + Decree 37-13, brief a.2 KR-UN-01..04) and its
//! exemptions, by version: before 2025-03-28 a free service was exempt and a value-added
//! service's unforeseeable outage was exempt up to 4 hours; from then the free-service
//! exemption is gone, the window is 2 hours, and an outage caused by a designated important
//! facility no longer enjoys it. An exempt incident's notice clock shows *exempt, because …*
//! instead of running overdue; the compensation notice (KR-UN-03) is owed only for paid
//! services and not in exemption cases 1–3 and 5.

use serde::{Deserialize, Serialize};

use super::calendar::{in_force, Versioned, SEOUL};
use super::coverage::{decide, Designation};
use super::operator::{Charging, OperatorFacts, ServiceFacts};
use crate::domain::report::Content;
use crate::domain::reportability::Verdict;
use crate::domain::timestamp::Timestamp;

/// One version of the notice exemptions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoticeRules {
    pub version: &'static str,
    pub effective_from: &'static str,
    pub basis: (&'static str, &'static str),
    /// A service without a periodic fee is exempt.
    pub free_service_exempt: bool,
    /// The longest unforeseeable outage of a value-added service that is exempt, minutes.
    pub short_outage_minutes: i64,
    /// An outage caused by a designated important facility (FA 35-3) is not exempt however
    /// short.
    pub important_facility_excluded: bool,
}

impl Versioned for NoticeRules {
    fn effective_from(&self) -> &str {
        self.effective_from
    }
    fn zone(&self) -> &str {
        SEOUL
    }
}

/// Every version (brief a.2 KR-UN-02 and the LOD text of Decree 37-13 as of 2024-12-27).
pub static NOTICE_RULES: &[NoticeRules] = &[
    NoticeRules {
        version: "Decree 37-13 (2020-12-10)",
        effective_from: "2020-12-10",
        basis: (
            "전기통신사업법 시행령 제37조의13 (2025. 3. 28. 개정 전)",
            "TBA Decree Art. 37-13 (before the 2025-03-28 amendment)",
        ),
        free_service_exempt: true,
        short_outage_minutes: 240,
        important_facility_excluded: false,
    },
    NoticeRules {
        version: "Decree 37-13 (2025-03-28)",
        effective_from: "2025-03-28",
        basis: (
            "전기통신사업법 시행령 제37조의13 (2025. 3. 28. 개정)",
            "TBA Decree Art. 37-13 (as amended 2025-03-28)",
        ),
        free_service_exempt: false,
        short_outage_minutes: 120,
        important_facility_excluded: true,
    },
];

/// Why an incident is exempt from the notice duty (the Decree's cases, and the free-service
/// exemption of the earlier version).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Exemption {
    /// Case 1: announced maintenance.
    Maintenance,
    /// Case 2: a value-added service's outage caused by a network operator's line fault.
    IspFault,
    /// Case 3: revenue under 100억원 or under 1 M daily users.
    BelowThreshold,
    /// Case 4: an unforeseeable short outage.
    ShortUnforeseeable,
    /// Case 5: a cloud service under the Cloud Computing Act.
    Cloud,
    /// Before 2025-03-28: a service without a periodic fee.
    FreeService,
}

impl Exemption {
    /// Whether the compensation notice is still owed in this case (only case 4).
    fn keeps_compensation_notice(self) -> bool {
        self == Exemption::ShortUnforeseeable
    }
}

/// The report's facts the exemptions read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoticeFacts {
    /// Minutes from onset to restoration (`None` until restored or without an onset).
    pub restored_after: Option<i64>,
    /// The exemption the operator claims (`exemption_claimed`).
    pub claimed: Option<String>,
    /// Caused by traffic overload, a facility fault or error, or a software anomaly, and not
    /// foreseeable.
    pub unforeseeable: Option<bool>,
    /// Caused by a designated important facility (FA 35-3).
    pub important_facility: Option<bool>,
    /// A third party involved in the role of network operator.
    pub isp_fault: bool,
}

impl NoticeFacts {
    pub fn from_content(c: &Content) -> NoticeFacts {
        let restored_after = match (c.instant("onset_at"), c.instant("restored_at")) {
            (Some(o), Some(r)) if r.0 >= o.0 => Some((r.0 - o.0) / 60),
            _ => None,
        };
        NoticeFacts {
            restored_after,
            claimed: Some(c.get("exemption_claimed").to_string()).filter(|s| !s.is_empty()),
            unforeseeable: c.yes("unforeseeable"),
            important_facility: c.yes("important_facility"),
            isp_fault: c.yes("third_party_involved") == Some(true) && c.get("third_party_role") == "isp",
        }
    }
}

/// The notice duty of one incident.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoticeDuty {
    pub version: String,
    pub basis: (String, String),
    /// `Met`: notice is owed; `NotMet`: exempt; `Unknown`: a needed fact is missing.
    pub notice: Verdict,
    /// The exemptions that hold, each with its reason.
    pub exemptions: Vec<(Exemption, (String, String))>,
    /// Reasons for the notice verdict beyond the exemptions (what would exempt it).
    pub notes: Vec<(String, String)>,
    /// Whether the compensation notice (KR-UN-03) is owed.
    pub compensation: Verdict,
    pub compensation_reason: (String, String),
}

fn claimed(f: &NoticeFacts, code: &str) -> bool {
    f.claimed.as_deref() == Some(code)
}

fn hm(minutes: i64) -> (String, String) {
    (format!("{}시간", minutes / 60), format!("{} h", minutes / 60))
}

/// The duty for an incident of `org` affecting `services`, at the rules in force at `onset`.
pub fn notice_duty(
    org: &OperatorFacts,
    services: &[&ServiceFacts],
    f: &NoticeFacts,
    onset: Timestamp,
) -> Option<NoticeDuty> {
    let rules = in_force(NOTICE_RULES, onset)?;
    let mut exemptions: Vec<(Exemption, (String, String))> = Vec::new();
    let mut notes: Vec<(String, String)> = Vec::new();
    if claimed(f, "maintenance_preannounced") {
        exemptions.push((
            Exemption::Maintenance,
            (
                "사전 고지한 정기점검 (면제 사유 1, 사업자 주장)".into(),
                "announced maintenance (case 1, as claimed)".into(),
            ),
        ));
    }
    if f.isp_fault || claimed(f, "isp_fault") {
        exemptions.push((
            Exemption::IspFault,
            (
                "기간통신사업자 회선 장애로 인한 부가통신 장애 (면제 사유 2)".into(),
                "caused by a network operator's line fault (case 2)".into(),
            ),
        ));
    }
    let size = decide(Designation::UserNotice, org, services, onset);
    if size.applies == Some(true) {
        notes.push((format!("규모 기준 충족: {}", size.reason.0), format!("Size thresholds met: {}", size.reason.1)));
    }
    match size.applies {
        Some(false) => exemptions.push((
            Exemption::BelowThreshold,
            (
                format!("규모 기준 미달 (면제 사유 3): {}", size.reason.0),
                format!("below the size thresholds (case 3): {}", size.reason.1),
            ),
        )),
        None if claimed(f, "below_threshold") => notes.push((
            format!(
                "규모 기준 미달을 주장했으나 기관 정보에 매출·이용자 수가 없어 확인할 수 없습니다: {}",
                size.reason.0
            ),
            format!(
                "Below the size thresholds is claimed, but the profile lacks the revenue or users to confirm it: {}",
                size.reason.1
            ),
        )),
        _ => {}
    }
    let (w_ko, w_en) = hm(rules.short_outage_minutes);
    let unforeseeable = f.unforeseeable.or(claimed(f, "unforeseeable_short").then_some(true));
    let facility_bars = rules.important_facility_excluded && f.important_facility == Some(true);
    match f.restored_after {
        Some(m) if m <= rules.short_outage_minutes && unforeseeable == Some(true) && !facility_bars => exemptions.push((
            Exemption::ShortUnforeseeable,
            (format!("예측할 수 없었던 {m}분 장애로 {w_ko} 이하 (면제 사유 4)"), format!("an unforeseeable outage of {m} minutes, {w_en} or less (case 4)")),
        )),
        Some(m) if m <= rules.short_outage_minutes && facility_bars => notes.push((
            format!("{w_ko} 이하였지만 중요통신시설에서 비롯된 장애는 면제되지 않습니다."),
            format!("{w_en} or less, but an outage caused by a designated important facility is not exempt."),
        )),
        Some(m) if m <= rules.short_outage_minutes && unforeseeable.is_none() => notes.push((
            format!("{w_ko} 이하였습니다: 예측할 수 없었던 장애(트래픽 과부하, 설비 장애·오류, 소프트웨어 이상)라면 면제됩니다. 보고서에 답해 주세요."),
            format!("{w_en} or less: exempt if it was unforeseeable (traffic overload, facility fault, software anomaly). Answer this in the report."),
        )),
        None => notes.push((
            format!("복구 전에는 고지 의무가 계속됩니다. 예측할 수 없었던 장애가 {w_ko} 안에 복구되면 면제됩니다."),
            format!("Until restoration the duty runs; an unforeseeable outage restored within {w_en} is exempt."),
        )),
        _ => {}
    }
    let all =
        |p: &dyn Fn(&ServiceFacts) -> Option<bool>| !services.is_empty() && services.iter().all(|s| p(s) == Some(true));
    if claimed(f, "cloud") || all(&|s| s.cloud_act) {
        exemptions.push((
            Exemption::Cloud,
            (
                "클라우드컴퓨팅법 적용 클라우드 서비스 (면제 사유 5)".into(),
                "a cloud service under the Cloud Computing Act (case 5)".into(),
            ),
        ));
    }
    let free = all(&|s| s.charging.map(|c| c == Charging::Free));
    if rules.free_service_exempt && free {
        exemptions.push((
            Exemption::FreeService,
            ("무료 서비스 (2025. 3. 28. 전 시행령)".into(), "a free service (Decree before 2025-03-28)".into()),
        ));
    } else if !rules.free_service_exempt && free {
        notes.push((
            "무료 서비스 면제는 2025. 3. 28. 삭제되었습니다.".into(),
            "The free-service exemption was deleted on 2025-03-28.".into(),
        ));
    }
    let notice = if !exemptions.is_empty() {
        Verdict::NotMet
    } else if size.applies.is_none() {
        Verdict::Unknown
    } else {
        Verdict::Met
    };
    let (compensation, compensation_reason) = compensation(services, &exemptions, notice);
    Some(NoticeDuty {
        version: rules.version.to_string(),
        basis: (rules.basis.0.to_string(), rules.basis.1.to_string()),
        notice,
        exemptions,
        notes,
        compensation,
        compensation_reason,
    })
}

/// KR-UN-03: owed for paid services unless exempt by cases 1–3 or 5.
fn compensation(
    services: &[&ServiceFacts],
    exemptions: &[(Exemption, (String, String))],
    notice: Verdict,
) -> (Verdict, (String, String)) {
    if let Some((_, why)) = exemptions.iter().find(|(e, _)| !e.keeps_compensation_notice()) {
        return (
            Verdict::NotMet,
            (format!("고지 의무 면제: {}", why.0), format!("exempt from the notice duty: {}", why.1)),
        );
    }
    let charging: Vec<Option<Charging>> = services.iter().map(|s| s.charging).collect();
    if charging.iter().any(|c| matches!(c, Some(Charging::Paid | Charging::Mixed))) {
        let verdict = if notice == Verdict::Unknown { Verdict::Unknown } else { Verdict::Met };
        (
            verdict,
            (
                "유료 서비스: 복구 후 30일 안에 손해배상 청구 안내를 고지해야 합니다.".into(),
                "A paid service: the compensation notice is due within 30 days of restoration.".into(),
            ),
        )
    } else if !charging.is_empty() && charging.iter().all(|c| *c == Some(Charging::Free)) {
        (
            Verdict::NotMet,
            (
                "무료 서비스에는 손해배상 안내 고지 의무가 없습니다 (시행령 제37조의13②).".into(),
                "No compensation notice is owed for a free service (Decree 37-13(2)).".into(),
            ),
        )
    } else {
        (
            Verdict::Unknown,
            (
                "기관 정보에 서비스의 유료·무료 여부가 없어 판단할 수 없습니다.".into(),
                "Cannot tell: the profile does not say whether the service is paid.".into(),
            ),
        )
    }
}

#[cfg(test)]
#[path = "notice_test.rs"]
mod tests;
