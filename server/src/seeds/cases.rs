//! The ministry's side of the demo: the data-centre fire as a closed case (findings, an
//! answered request, administrative guidance whose items were done and verified, a summary
//! drafted by a reviewer and approved by the review lead), and the login outage as an open
//! case with an overdue request.

use std::collections::BTreeMap;

use app::domain::auth::{OperatorCap, ReviewerCap};
use app::domain::case::forms::{Assessment, Measure, Request, Verdict};
use app::domain::case::{ItemState, MeasureKind};
use app::domain::duties::Finding;
use app::domain::timestamp::Timestamp;

use crate::storage::{assessments, cases, incidents, measures, requests, summaries, Db};

/// Who acts in the demo cases.
pub struct Staff {
    pub officer: OperatorCap,
    pub reviewer: ReviewerCap,
    pub lead: ReviewerCap,
}

fn kst(local: &str) -> anyhow::Result<Timestamp> {
    Timestamp::parse_kst_local(local).ok_or_else(|| anyhow::anyhow!("bad demo time {local}"))
}

const FINDINGS: [(&str, Finding, &str); 4] = [
    ("KR-SS-03", Finding::NonCompliant, "데이터는 이중화되었으나 운영·관리 도구가 단일 데이터센터에만 있어 전환이 되지 않았습니다 (최종 보고 v3 이중화 항목)."),
    ("KR-UN-01", Finding::Partially, "장애 고지는 발생 2시간 후 앱 화면으로만 이루어졌습니다."),
    ("KR-DM-05", Finding::Compliant, "최초 보고가 인지 후 20분 안에 제출되었습니다 (v1)."),
    ("KR-UN-03", Finding::Compliant, "보상 기준이 30일 이내 공지되었습니다 (v3 손해배상)."),
];

fn summary_text() -> BTreeMap<String, String> {
    [
        ("headline_ko", "판교톡, 데이터센터 화재로 메신저·로그인 서비스 장애 (예시)"),
        ("headline_en", "Pangyo Talk: messaging and login outage after a data-centre fire (fictional)"),
        ("summary_ko", "임차 데이터센터 화재로 전원이 차단되어 메신저와 계정 로그인이 약 127시간 중단되었습니다."),
        ("summary_en", "A fire at a colocated data centre cut power, stopping messaging and account login for about 127 hours."),
        ("impact_ko", "메신저, 계정 로그인(판교톡 계정으로 로그인하는 외부 서비스 포함). 영향 이용자 약 4,700만 명."),
        ("impact_en", "Messaging and account login, including outside services that sign in with a Pangyo Talk account. About 47 million users affected."),
        ("cause_ko", "배터리실 화재 후 전원 차단. 데이터는 이중화되어 있었으나 운영 도구가 [[판교 A동 3층 관리망]]에만 있어 다른 센터로 전환하지 못했습니다."),
        ("cause_en", "Power was cut after a battery-room fire. Data was replicated, but operations tooling ran only in [[the Pangyo building A level-3 management network]], so failover to other sites did not work."),
        ("redaction_note_ko", "보안상 민감한 시설 내부 위치는 비공개 처리했습니다."),
        ("redaction_note_en", "The internal location of security-sensitive equipment is withheld."),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// The fire: assessed, asked, answered, guided, verified, published and closed.
pub async fn closed_fire_case(db: &Db, s: &Staff, reference: &str) -> anyhow::Result<()> {
    let incident = incidents::find_filed(db, &s.reviewer, reference).await?;
    cases::assign(db, &s.lead, &incident, s.reviewer.user().0, kst("2025-11-15T09:00")?).await?;
    for (duty, finding, rationale) in FINDINGS {
        let a = Assessment { finding, rationale: rationale.into(), evidence: format!("{reference}-03") };
        assessments::record(db, &s.reviewer, &incident, "2025-03-28", &[(duty, &a)], kst("2025-11-17T10:00")?).await?;
    }
    let question = "운영·관리 도구를 다른 데이터센터로 이중화하는 일정과 전환 훈련 계획을 제출하십시오.";
    let r = Request { question: question.into(), due: kst("2025-11-28T18:00")? };
    let n = requests::ask(db, &s.reviewer, &incident, &r, kst("2025-11-17T11:00")?).await?;
    let answer = "2026년 1월까지 운영 도구를 3개 센터에 이중화하고 분기별 전환 훈련을 실시합니다.";
    let author = requests::Author::Operator(&s.officer, None);
    requests::post(db, author, &incident, n, answer, kst("2025-11-25T15:00")?).await?;
    requests::close(db, &s.reviewer, &incident, n, kst("2025-11-26T09:00")?).await?;
    let m = Measure {
        kind: MeasureKind::Guidance,
        legal_basis: "전기통신사업법 제22조의7, 방송통신발전기본법 제36조의2".into(),
        content: "개선 대책을 1개월 안에 보고하고 아래 항목을 이행하십시오.".into(),
        due: kst("2026-01-31T18:00")?,
        amount_krw: None,
        items: vec![
            "운영·관리 도구 다중 데이터센터 이중화".into(),
            "데이터센터 전체 손실 가정 전환 훈련 및 결과 보고".into(),
        ],
    };
    let mn = measures::issue(db, &s.reviewer, &incident, &m, kst("2025-12-01T10:00")?).await?;
    measures::acknowledge(db, &s.officer, &incident, mn, kst("2025-12-02T09:00")?).await?;
    let items: Vec<i64> =
        measures::list(db, &incident).await?.into_iter().flat_map(|m| m.items).map(|i| i.id).collect();
    for id in items {
        let note = "완료. 증빙: 훈련 결과 보고서 (2026-01-20).";
        measures::mark_done(db, &s.officer, &incident, id, note, kst("2026-01-20T10:00")?).await?;
        let v = Verdict { state: ItemState::Accepted, reason: String::new() };
        measures::verify(db, &s.reviewer, &incident, id, &v, kst("2026-01-25T10:00")?).await?;
    }
    summaries::save(db, &s.reviewer, &incident, &summary_text(), 0, true, kst("2025-12-04T16:00")?).await?;
    let approved = summaries::approve(db, &s.lead, &incident, kst("2025-12-05T14:00")?).await?;
    approved.map_err(|b| anyhow::anyhow!("demo approval refused: {b:?}"))?;
    let closed = cases::close(db, &s.reviewer, &incident, "모든 이행 항목 확인", kst("2026-01-26T10:00")?).await?;
    closed.map_err(|b| anyhow::anyhow!("demo case cannot close: {b:?}"))
}

/// The login outage: a question asked two days ago, due yesterday, not answered.
pub async fn open_login_case(db: &Db, s: &Staff, reference: &str, now: Timestamp) -> anyhow::Result<()> {
    let incident = incidents::find_filed(db, &s.reviewer, reference).await?;
    let hours_ago = |h: i64| Timestamp(now.0 - h * 3600);
    let r = Request {
        question: "인증 서버 배포 전 사전 검증 기록과 롤백 절차 문서를 제출하십시오. / Send the pre-deployment test records and the rollback procedure.".into(),
        due: hours_ago(24),
    };
    requests::ask(db, &s.reviewer, &incident, &r, hours_ago(48)).await?;
    Ok(())
}
