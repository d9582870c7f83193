//! The reportability check: from the report's facts and the operator's profile, which regimes'
//! criteria are met and why, each under the version of its rules in force when the incident
//! began, with its legal basis (brief, sections a.1, a.2 and b). The rules themselves live in
//! [`crate::domain::law`]; this module runs them in one place so every page shows the same.
//! Advisory: the officer decides which regimes to file under; the reasons show the arithmetic.

use serde::{Deserialize, Serialize};

use super::deadlines::{ClockExemption, Duty, Facts};
use super::filing::FilingStage;
use super::law::coverage::{decide, Designation};
use super::law::notice::{notice_duty, NoticeFacts};
use super::law::operator::OperatorFacts;
use super::law::{dora, nis2, telecom};
use super::report::Content;
use super::timestamp::Timestamp;

/// Whether a regime's threshold is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Met,
    NotMet,
    /// Depends on facts the report or the profile does not hold.
    Unknown,
}

/// The check of one regime, with the rules' version and basis and its reasons in Korean and
/// English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub regime: String,
    pub verdict: Verdict,
    /// The version of the criteria applied (empty if none was in force).
    #[serde(default)]
    pub version: String,
    /// The legal basis of the criteria (Korean, English).
    #[serde(default)]
    pub basis: (String, String),
    pub reasons: Vec<(String, String)>,
}

impl Assessment {
    /// An assessment of `regime` under `version`, not yet decided.
    pub fn new(regime: &str, version: &str, basis: (&str, &str)) -> Assessment {
        Assessment {
            regime: regime.to_string(),
            verdict: Verdict::Unknown,
            version: version.to_string(),
            basis: (basis.0.to_string(), basis.1.to_string()),
            reasons: Vec::new(),
        }
    }

    /// A verdict with one reason and no version (no rules in force).
    pub fn simple(regime: &str, verdict: Verdict, reason: (&str, &str)) -> Assessment {
        Assessment {
            regime: regime.to_string(),
            verdict,
            version: String::new(),
            basis: (String::new(), String::new()),
            reasons: vec![(reason.0.to_string(), reason.1.to_string())],
        }
    }
}

fn from_applies(applies: Option<bool>) -> Verdict {
    match applies {
        Some(true) => Verdict::Met,
        Some(false) => Verdict::NotMet,
        None => Verdict::Unknown,
    }
}

/// Checks every regime against the report's content and the operator's profile at `now`.
pub fn assess(c: &Content, org: &OperatorFacts, now: Timestamp) -> Vec<Assessment> {
    // Restoration before onset is a typing mistake, not a zero-minute outage: nothing that
    // depends on the duration is judged until the times are put right.
    let reversed = matches!((c.instant("onset_at"), c.instant("restored_at")), (Some(o), Some(r)) if r.0 < o.0);
    let minutes = c.duration_minutes(now).filter(|_| !reversed);
    let user_minutes = c.user_minutes(now).filter(|_| !reversed);
    let onset = c.instant("onset_at").or(c.instant("detected_at")).unwrap_or(now);
    let (services, named) = org.services_named(c.get("services_affected"));
    let unmatched = (!named).then(|| {
        (
            "영향받은 서비스가 기관 정보의 등록 서비스와 일치하지 않아 기관의 모든 서비스로 판단했습니다.".to_string(),
            "The services affected do not match the services registered in the profile: the organisation's services were used.".to_string(),
        )
    });
    let mut out = Vec::new();

    // KR user notice (TBA 33② + Decree 37-13, by version)
    let notice = match notice_duty(org, &services, &NoticeFacts::from_content(c), onset) {
        Some(d) => {
            let mut a = Assessment {
                regime: "KR_TBA33".into(),
                verdict: d.notice,
                version: d.version,
                basis: d.basis,
                reasons: Vec::new(),
            };
            for (_, (ko, en)) in &d.exemptions {
                a.reasons.push((format!("면제: {ko}"), format!("Exempt: {en}")));
            }
            a.reasons.extend(d.notes);
            a.reasons.push((
                format!("손해배상 안내 고지: {}", d.compensation_reason.0),
                format!("Compensation notice: {}", d.compensation_reason.1),
            ));
            a
        }
        None => Assessment::simple(
            "KR_TBA33",
            Verdict::NotMet,
            ("시행령 제37조의13 시행(2020-12-10) 전입니다.", "Before Decree Art. 37-13 took effect (2020-12-10)."),
        ),
    };
    out.push(notice);

    // KR Framework Act 38: the operator designated major (a value-added service or a data
    // centre), by the thresholds in force at onset
    let vas = decide(Designation::MajorOperator, org, &services, onset);
    let dc = decide(Designation::MajorDataCentre, org, &services, onset);
    let mut fa = Assessment::new(
        "KR_FA38",
        &vas.version,
        ("방송통신발전기본법 제38조·제39조④", "Framework Act Art. 38 and 39(4)"),
    );
    fa.verdict = match (vas.applies, dc.applies) {
        (Some(true), _) | (_, Some(true)) => Verdict::Met,
        (Some(false), Some(false)) => Verdict::NotMet,
        _ => Verdict::Unknown,
    };
    for check in [&vas, &dc] {
        let (ko, en) = check.designation.label();
        fa.reasons.push((format!("{ko}: {}", check.reason.0), format!("{en}: {}", check.reason.1)));
    }
    out.push(fa);

    // KR TBA 22-7: both ≥ 1 M daily users and ≥ 1 % of traffic (asks for the share when unknown)
    let tba = decide(Designation::Tba22_7, org, &services, onset);
    let mut a = Assessment {
        regime: "KR_TBA22_7".into(),
        verdict: from_applies(tba.applies),
        version: tba.version,
        basis: tba.basis,
        reasons: vec![tba.reason],
    };
    if a.verdict == Verdict::Met {
        a.reasons.push((
            "지정 사업자: 서비스 안정성이 저해되었다고 과기정통부가 판단하면 자료 제출을 요청합니다 (제22조의7④)."
                .into(),
            "Designated: the ministry requests data when it judges stability impaired (Art. 22-7(4)).".into(),
        ));
    }
    out.push(a);
    if let Some(note) = unmatched {
        for a in out.iter_mut() {
            a.reasons.push(note.clone());
        }
    }

    out.push(nis2::assess(org, c, minutes, onset));
    out.push(dora::assess(org, &services, c, minutes, onset));
    out.push(telecom::fcc(minutes, user_minutes, onset));
    out.push(telecom::ofcom(org, c.count("users_affected"), c.count("service_users"), minutes, user_minutes, onset));
    if reversed {
        for a in out.iter_mut() {
            a.reasons.insert(
                0,
                (
                    "복구 시각이 발생 시각보다 앞섭니다. 두 시각을 확인하세요.".into(),
                    "Restoration is before onset: check both times.".into(),
                ),
            );
        }
    }
    out
}

/// The facts the deadline engine counts from: the report's, with the duties the incident is
/// exempt from (the Korean user notice and compensation notice in their exempt cases, under
/// the version in force at onset) and whether Ofcom would call it critical. Every page that
/// shows clocks builds them here, so an exempt notice never shows as overdue anywhere.
pub fn clock_facts(c: &Content, org: &OperatorFacts, filings: Vec<(FilingStage, Timestamp)>, now: Timestamp) -> Facts {
    let mut f = Facts::from_content(c, filings);
    if let Some(onset) = f.onset.or(f.detected) {
        let (services, _) = org.services_named(c.get("services_affected"));
        if let Some(d) = notice_duty(org, &services, &NoticeFacts::from_content(c), onset) {
            if d.notice == Verdict::NotMet {
                let reasons = d.exemptions.iter().map(|(_, r)| r.clone()).collect();
                f.exempt.push(ClockExemption { regime: "KR_TBA33", duty: Duty::UserNotice, reasons });
            }
            if d.compensation == Verdict::NotMet {
                f.exempt.push(ClockExemption {
                    regime: "KR_TBA33",
                    duty: Duty::CompensationNotice,
                    reasons: vec![d.compensation_reason],
                });
            }
        }
    }
    let lost = c.user_minutes(now);
    f.ofcom_critical = match telecom::ofcom_critical(lost) {
        Some(true) => Some(true),
        // still growing while the outage goes on
        Some(false) if f.restored.is_some() => Some(false),
        _ => None,
    };
    f
}

#[cfg(test)]
#[path = "reportability_test.rs"]
mod tests;
