//! The demo incidents: a fictionalised multi-service outage at a colocated data centre,
//! filed in all three stages and published; and a recent, still-open login outage whose
//! interim update is being drafted and overdue.

use app::domain::auth::OperatorCap;
use app::domain::filing::FilingStage;
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;
use app::domain::zone::UserZone;

use crate::storage::drafts::{self, Filed, Saved};
use crate::storage::{incidents, Db};

/// The PDF engine the demo filings' official documents are made with.
type Pdf = std::sync::Arc<crate::pdf::PdfEngine>;

fn kst(local: &str) -> anyhow::Result<Timestamp> {
    UserZone::Seoul.parse_local(local).ok_or_else(|| anyhow::anyhow!("bad demo time {local}"))
}

/// Content from (key, value) pairs; values in `@…` are KST local times.
fn content(base: &Content, pairs: &[(&str, &str)]) -> anyhow::Result<Content> {
    let mut c = base.clone();
    for (k, v) in pairs {
        match v.strip_prefix('@') {
            Some(local) => c.set(k, kst(local)?.to_utc_string()),
            None => c.set(k, *v),
        }
    }
    Ok(c)
}

/// Saves the draft's content as the officer, then files it as the signatory.
#[allow(clippy::too_many_arguments)] // demo data: one call per filed version, all positional
async fn save_and_file(
    db: &Db,
    pdf: &Pdf,
    officer: &OperatorCap,
    signatory: &OperatorCap,
    reference: &str,
    c: &Content,
    saved_at: Timestamp,
    filed_at: Option<Timestamp>,
) -> anyhow::Result<Option<String>> {
    let incident = incidents::find(db, officer, reference).await?;
    let draft = drafts::get(db, &incident).await?.ok_or_else(|| anyhow::anyhow!("demo draft missing"))?;
    let Saved::Saved(_) = drafts::save(db, officer, &incident, draft.revision, c, saved_at).await? else {
        anyhow::bail!("demo save refused");
    };
    let Some(at) = filed_at else { return Ok(None) };
    let draft = drafts::get(db, &incident).await?.ok_or_else(|| anyhow::anyhow!("demo draft missing"))?;
    let approved = draft.sha256();
    let submission = drafts::Submission {
        cap: signatory,
        incident: &incident,
        draft: &draft,
        approved_sha256: &approved,
        signatory_title: "대외협력실장 / Head of Public Affairs",
        at,
    };
    match crate::pdf::documents::file_with_pdf(db, pdf, &submission).await? {
        Filed::Filed { reference } => Ok(Some(reference)),
        Filed::Changed => anyhow::bail!("demo filing refused"),
    }
}

const FIRE_INITIAL: &[(&str, &str)] = &[
    ("title", "데이터센터 화재에 따른 메신저·로그인·결제 서비스 전면 장애 (예시)"),
    ("regimes", "KR_FA38,KR_TBA22_7,KR_TBA33,EU_NIS2"),
    ("status", "ongoing"),
    ("services_affected", "판교톡 메신저 / Pangyo Talk messenger\n판교톡 계정 로그인 / Pangyo Talk account login\n판교톡 페이 / Pangyo Talk Pay"),
    ("functions_affected", "login,messaging,payments,maps"),
    ("downstream_dependents", "판교톡 계정으로 로그인하는 철도 예매·가상자산 거래소·공공 앱 (예시)\nRail ticketing, a crypto exchange and government apps that log in with our accounts (fictional)"),
    ("description", "임차 데이터센터(제3자 운영) 지하 배터리실 화재로 전원이 차단되어 메신저, 로그인, 결제가 모두 중단됨.\nA fire in the battery room of a colocated data centre cut power; messaging, login and payments stopped."),
    ("onset_at", "@2025-10-15T15:19"),
    ("detected_at", "@2025-10-15T15:23"),
    ("aware_at", "@2025-10-15T15:40"),
    ("detection_source", "monitoring"),
    ("impact_type", "complete_unavailability"),
    ("users_affected", "41000000"),
    ("eu_users_affected", "250000"),
    ("eu_users_total", "1200000"),
    ("eu_member_states", "3"),
    ("economic_impact_eur", "31000000"),
    ("estimation_basis", "measured"),
    ("service_users", "47000000"),
    ("regions", "전국 / Nationwide"),
    ("cross_border", "yes"),
    ("cause_category", "POWER"),
    ("suspected_malicious", "no"),
    ("third_party_involved", "yes"),
    ("third_party_role", "data_centre"),
    ("emergency_measures", "대체 데이터센터로 트래픽 전환 시도. 운영·관리 도구가 한 곳에만 있어 전환 지연.\nFailover to the secondary data centre attempted; delayed because operations tooling ran in one site only."),
    ("recovery_plan", "전원 복구 전까지 대체 데이터센터에서 핵심 기능(로그인, 메시지 수발신)부터 순차 복구.\nRestore login and messaging first from the secondary site until power returns."),
    ("eta_restore", "@2025-10-16T06:00"),
    ("failover_attempted", "yes"),
    ("failover_succeeded", "no"),
    ("notice_sent", "yes"),
    ("notice_sent_at", "@2025-10-15T16:05"),
    ("notice_channels", "sns,press,website"),
    ("notice_contents", "fact,cause,response,contact"),
    ("notice_text", "판교톡 서비스가 데이터센터 화재로 중단되었습니다. 복구 중이며 문의는 1588-0000으로 해 주세요.\nPangyo Talk is down after a data-centre fire. We are restoring service; questions: 1588-0000."),
];

const FIRE_INTERIM: &[(&str, &str)] = &[
    ("status", "partially_restored"),
    ("severity", "serious"),
    ("authorities_notified", "kcc,kisa"),
    ("peak_concurrent_affected", "21000000"),
    ("pct_services_restored", "60"),
    ("pct_servers_restored", "37.5"),
    ("complaints_count", "58210"),
    ("damage_reports_count", "31402"),
    ("data_loss", "no"),
    (
        "workarounds",
        "웹 버전과 문자 인증으로 로그인 대체 안내.\nUsers pointed to the web version and SMS codes for login.",
    ),
    ("timeline.0.at", "@2025-10-15T15:19"),
    ("timeline.0.kind", "other"),
    ("timeline.0.text", "배터리실 화재 발생 / Battery-room fire"),
    ("timeline.1.at", "@2025-10-15T15:23"),
    ("timeline.1.kind", "detect"),
    ("timeline.1.text", "모니터링 경보, 전 서비스 응답 없음 / Monitoring alarms, all services unreachable"),
    ("timeline.2.at", "@2025-10-15T16:05"),
    ("timeline.2.kind", "notify"),
    ("timeline.2.text", "SNS·언론 통해 이용자 고지 / Users told via SNS and the press"),
    ("timeline.3.at", "@2025-10-16T01:30"),
    ("timeline.3.kind", "partial_restore"),
    ("timeline.3.text", "메시지 수발신 일부 복구 / Messaging partly restored"),
];

const FIRE_FINAL: &[(&str, &str)] = &[
    ("status", "restored"),
    ("restored_at", "@2025-10-20T23:00"),
    ("pct_services_restored", "100"),
    ("pct_servers_restored", "100"),
    ("eta_restore", ""),
    ("detailed_causes", "hw_physical_damage,third_party_failure,backup_restore"),
    ("cause_narrative", "직접 원인: 임차 데이터센터 배터리실 화재로 인한 전원 차단. 근본 원인: 운영·관리 도구와 인증 기능이 단일 데이터센터에만 있어 데이터 이중화에도 불구하고 서비스 전환이 불가능했음.\nDirect cause: power cut after a battery-room fire at the colocated data centre. Root cause: operations tooling and authentication ran in a single data centre, so failover was impossible although data was replicated."),
    ("contributing_factors", "데이터센터 전체 손실 시나리오 훈련 부재; 배터리와 UPS 동일 공간 배치.\nNo drill for losing a whole data centre; batteries shared a room with the UPS."),
    ("assets_affected", "power,facility,auth,ops_tools"),
    ("data_replicated", "yes"),
    ("service_multi_dc", "yes"),
    ("ops_tools_multi_dc", "no"),
    ("rto_target_min", "120"),
    ("rto_actual_min", "7661"),
    ("rpo_target_min", "5"),
    ("rpo_actual_min", "0"),
    ("failover_tested_last", "2024-11-20"),
    ("compensation_scheme", "유료 서비스 이용자: 약관에 따라 중단 시간의 3배 이용 기간 연장. 소상공인: 피해 신고 금액 기준 정액 지원.\nPaid users: three times the outage added to their subscription. Small merchants: fixed support by reported loss."),
    ("compensation_eligibility", "장애 기간 유료 이용자 및 판교톡 채널 사용 소상공인 / Paid users during the outage and small merchants using Pangyo Talk channels"),
    ("compensation_amounts", "3만원 (손실 30만원 이하), 5만원 (30만–50만원), 초과분 개별 심사 / KRW 30,000 (loss ≤ 300,000), 50,000 (300,000–500,000), above: case by case"),
    ("compensation_notice_at", "@2025-11-03T10:00"),
    ("claims_received", "105116"),
    ("paid_total_krw", "27400000000"),
    ("timeline.4.at", "@2025-10-20T23:00"), ("timeline.4.kind", "restore"), ("timeline.4.text", "전 서비스 정상화 / All services normal"),
    ("prevention.0.measure", "운영·관리 도구 3중화 (3개 데이터센터) / Operations tooling in three data centres"),
    ("prevention.0.duty_ids", "KR-SS-03, KR-DS-01"), ("prevention.0.owner", "인프라실 / Infrastructure"),
    ("prevention.0.due", "2026-03-31"), ("prevention.0.status", "done"), ("prevention.0.evidence", "훈련 보고서 / drill report 2026-04"),
    ("prevention.1.measure", "인증 기능 다중 데이터센터 액티브-액티브 / Active-active authentication across data centres"),
    ("prevention.1.duty_ids", "KR-SS-03"), ("prevention.1.owner", "계정플랫폼팀 / Account platform"),
    ("prevention.1.due", "2026-06-30"), ("prevention.1.status", "in_progress"),
    ("prevention.2.measure", "데이터센터 전체 손실 모의훈련 연 2회 / Whole-data-centre-loss drill twice a year"),
    ("prevention.2.duty_ids", "KR-DM-03, KR-SS-10"), ("prevention.2.owner", "재난관리책임자 / Disaster manager"),
    ("prevention.2.due", "2026-12-31"), ("prevention.2.status", "planned"),
];

/// Files the fire incident in three stages; returns the final filing's reference.
pub async fn fire(db: &Db, pdf: &Pdf, officer: &OperatorCap, signatory: &OperatorCap) -> anyhow::Result<String> {
    let reference = incidents::open(db, officer, "데이터센터 화재", kst("2025-10-15T15:50")?).await?;
    let initial = content(&Content::default(), FIRE_INITIAL)?;
    save_and_file(
        db,
        pdf,
        officer,
        signatory,
        &reference,
        &initial,
        kst("2025-10-15T16:10")?,
        Some(kst("2025-10-15T16:20")?),
    )
    .await?;
    let incident = incidents::find(db, officer, &reference).await?;
    drafts::start(db, officer, &incident, FilingStage::Interim, &initial, kst("2025-10-16T09:00")?).await?;
    let interim = content(&initial, FIRE_INTERIM)?;
    save_and_file(
        db,
        pdf,
        officer,
        signatory,
        &reference,
        &interim,
        kst("2025-10-17T09:30")?,
        Some(kst("2025-10-17T10:00")?),
    )
    .await?;
    drafts::start(db, officer, &incident, FilingStage::Final, &interim, kst("2025-11-03T09:00")?).await?;
    let last = content(&interim, FIRE_FINAL)?;
    let filed = save_and_file(
        db,
        pdf,
        officer,
        signatory,
        &reference,
        &last,
        kst("2025-11-13T18:00")?,
        Some(kst("2025-11-14T17:00")?),
    )
    .await?;
    filed.ok_or_else(|| anyhow::anyhow!("demo final not filed"))
}

/// A login outage of three days ago: the initial notification was filed, the interim update
/// is still being drafted and the NIS2 and FCC 72-hour clocks have run out.
pub async fn open_login_outage(
    db: &Db,
    pdf: &Pdf,
    officer: &OperatorCap,
    signatory: &OperatorCap,
    now: Timestamp,
) -> anyhow::Result<String> {
    let hours_ago = |h: i64| Timestamp(now.0 - h * 3600);
    let reference = incidents::open(db, officer, "계정 로그인 지연", hours_ago(79)).await?;
    let mut c = content(&Content::default(), &[
        ("title", "판교톡 계정 로그인 간헐적 실패 (예시) / Intermittent account-login failures (fictional)"),
        ("regimes", "KR_TBA33,EU_NIS2,US_FCC"),
        ("status", "ongoing"),
        ("services_affected", "판교톡 계정 로그인 / Pangyo Talk account login"),
        ("functions_affected", "login"),
        ("description", "인증 서버 배포 후 로그인 요청의 약 20%가 실패.\nAbout 20 % of logins fail after an authentication-server deployment."),
        ("impact_type", "limited_availability,degraded_performance"),
        ("users_affected", "2300000"),
        ("estimation_basis", "sampled"),
        ("service_users", "47000000"),
        ("cause_category", "SYSTEM_FAILURE"),
        ("suspected_malicious", "no"),
        ("third_party_involved", "no"),
        ("emergency_measures", "배포 롤백 진행 / Deployment being rolled back"),
        ("recovery_plan", "롤백 후 단계적 재배포 / Roll back, then redeploy in stages"),
        ("failover_attempted", "no"),
        ("notice_sent", "yes"),
        ("notice_channels", "app_screen,sns"),
        ("notice_contents", "fact,cause,response,contact"),
    ])?;
    c.set("onset_at", hours_ago(80).to_utc_string());
    c.set("detected_at", hours_ago(80).to_utc_string());
    c.set("notice_sent_at", hours_ago(79).to_utc_string());
    save_and_file(db, pdf, officer, signatory, &reference, &c, hours_ago(79), Some(hours_ago(78))).await?;
    let incident = incidents::find(db, officer, &reference).await?;
    drafts::start(db, officer, &incident, FilingStage::Interim, &c, hours_ago(3)).await?;
    let mut update = c.clone();
    update.set("status", "partially_restored");
    update.set("pct_services_restored", "85");
    update.set("severity", "caution");
    save_and_file(db, pdf, officer, signatory, &reference, &update, hours_ago(2), None).await?;
    Ok(reference)
}

/// The demo operator's profile: contacts, three services, two facilities, dependencies.
pub async fn profile(db: &Db, admin: &OperatorCap, at: Timestamp) -> anyhow::Result<()> {
    use crate::storage::profiles;
    let p = content(
        &Content::default(),
        &[
            ("legal_name_ko", "판교톡 주식회사 (예시)"),
            ("legal_name_en", "Pangyo Talk Corp. (fictional)"),
            ("biz_reg_no", "000-00-00000"),
            ("vas_reg_no", "제2010-0000호"),
            ("revenue_krw", "7100000000000"),
            ("turnover_eur", "4900000000"),
            ("nis2_entity", "social_network"),
            ("dora_entity", "no"),
            ("uk_network", "none"),
            ("disaster_manager", "인프라 부문장 / Head of Infrastructure"),
            ("contact_name", "24시간 장애대응센터 / 24/7 NOC"),
            ("contact_phone", "02-0000-0000"),
            ("contact_email", "noc@pangyo-talk.example"),
        ],
    )?;
    profiles::save_profile(db, admin, 0, &p, at).await?;
    let records: [(&str, &[(&str, &str)]); 6] = [
        ("service", &[("name_ko", "판교톡 메신저"), ("name_en", "Pangyo Talk messenger"), ("paid", "free"), ("critical_functions", "messaging"), ("daily_users", "47000000"), ("traffic_share_pct", "2.4"), ("cloud_act", "no")]),
        ("service", &[("name_ko", "판교톡 계정"), ("name_en", "Pangyo Talk account"), ("paid", "free"), ("critical_functions", "login"), ("daily_users", "47000000"), ("traffic_share_pct", "0.2"), ("cloud_act", "no")]),
        ("service", &[("name_ko", "판교톡 페이"), ("name_en", "Pangyo Talk Pay"), ("paid", "mixed"), ("critical_functions", "payments"), ("daily_users", "9000000"), ("traffic_share_pct", "0.1"), ("cloud_act", "no")]),
        ("facility", &[("name", "판교 데이터센터 (임차)"), ("ownership", "colocated"), ("operator", "판교데이터센터 주식회사 (예시)"), ("grade", "B"), ("location", "경기 성남시")]),
        ("facility", &[("name", "안산 데이터센터"), ("ownership", "own"), ("grade", "A"), ("location", "경기 안산시")]),
        ("dependency", &[("kind", "relied_on_by"), ("service", "판교톡 계정"), ("other", "철도 예매 앱, 가상자산 거래소, 공공 앱 (간편 로그인)"), ("note", "우리 계정 로그인이 멈추면 이 서비스들의 로그인도 멈춥니다.\nWhen our login stops, theirs does too.")]),
    ];
    for (kind, pairs) in records {
        profiles::add_record(db, admin, kind, &content(&Content::default(), pairs)?, at).await?;
    }
    let dep = content(
        &Content::default(),
        &[("kind", "runs_in"), ("service", "판교톡 메신저"), ("other", "판교 데이터센터 (임차)")],
    )?;
    profiles::add_record(db, admin, "dependency", &dep, at).await?;
    Ok(())
}
