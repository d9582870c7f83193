//! Demo data for `make run`: fictional organisations, one account per role, and a filed
//! incidents (see [`crate::seed_incidents`]), one published.

use app::domain::auth::Role;
use app::domain::publication::PublicSummaryForm;
use app::domain::timestamp::Timestamp;

use crate::auth::passwords::Hasher;
use crate::storage::users::{self, NewUser};
use crate::storage::{now, publications, Db};

/// The password of every demo account (printed by `make run`).
pub const DEMO_PASSWORD: &str = "demo-password-2026";

/// The demo accounts: (e-mail, name, role, organisation slug).
pub const DEMO_ACCOUNTS: [(&str, &str, Role, Option<&str>); 7] = [
    ("officer@pangyo-talk.example", "김민지", Role::OperatorOfficer, Some("pangyo-talk")),
    ("signatory@pangyo-talk.example", "이준호", Role::OperatorSignatory, Some("pangyo-talk")),
    ("admin@pangyo-talk.example", "한지우", Role::OperatorAdmin, Some("pangyo-talk")),
    ("officer@hanriver-pay.example", "박서연", Role::OperatorOfficer, Some("hanriver-pay")),
    ("reviewer@msit.example", "최도윤", Role::Reviewer, None),
    ("lead@msit.example", "정하은", Role::ReviewLead, None),
    ("admin@outage-desk.example", "System Admin", Role::SystemAdmin, None),
];

/// Loads the demo data into an empty database; does nothing if any account exists.
pub async fn seed_demo(db: &Db, hasher: &Hasher) -> anyhow::Result<bool> {
    if users::any_user(db).await? {
        return Ok(false);
    }
    let talk = users::create_org(db, "pangyo-talk", "판교톡 주식회사 (예시)", "Pangyo Talk Corp. (fictional)").await?;
    let pay =
        users::create_org(db, "hanriver-pay", "한강페이 주식회사 (예시)", "Hanriver Pay Inc. (fictional)").await?;
    let hash = hasher.hash(DEMO_PASSWORD.into()).await?;
    let mut ids = Vec::new();
    for (email, name, role, org) in DEMO_ACCOUNTS {
        let org = org.map(|slug| if slug == "pangyo-talk" { talk } else { pay });
        ids.push(users::create_user(db, NewUser { email, display_name: name, password_hash: &hash, role, org }).await?);
    }
    let officer = app::domain::auth::Caller {
        user_id: ids[0],
        display_name: String::new(),
        role: Role::OperatorOfficer,
        org_id: Some(talk),
        org_name_ko: None,
        org_name_en: None,
    };
    let cap = officer.operator().ok_or_else(|| anyhow::anyhow!("demo officer has no capability"))?;
    let signer = app::domain::auth::Caller { user_id: ids[1], role: Role::OperatorSignatory, ..officer.clone() };
    let scap = signer.operator().ok_or_else(|| anyhow::anyhow!("demo signatory has no capability"))?;
    let reference = crate::seed_incidents::fire(db, &cap, &scap).await?;
    crate::seed_incidents::open_login_outage(db, &cap, &scap, now()).await?;
    let admin = app::domain::auth::Caller { user_id: ids[2], role: Role::OperatorAdmin, ..officer.clone() };
    let acap = admin.operator().ok_or_else(|| anyhow::anyhow!("demo admin has no capability"))?;
    crate::seed_incidents::profile(db, &acap, now()).await?;
    let reviewer = app::domain::auth::Caller { user_id: ids[4], role: Role::Reviewer, org_id: None, ..officer };
    let rcap = reviewer.reviewer().ok_or_else(|| anyhow::anyhow!("demo reviewer has no capability"))?;
    let summary = PublicSummaryForm {
        headline_ko: "판교톡, 데이터센터 화재로 메신저·로그인 서비스 장애 (예시)".into(),
        headline_en: "Pangyo Talk: messaging and login outage after a data-centre fire (fictional)".into(),
        summary_ko: "임차 데이터센터 화재로 전원이 차단되어 메신저와 계정 로그인이 중단되었습니다. 데이터는 이중화되어 있었으나 운영 도구가 한 곳에만 있어 전환이 지연되었습니다.".into(),
        summary_en: "A fire at a colocated data centre cut power, stopping messaging and account login. Data was replicated, but operations tooling ran in one site only, which delayed failover.".into(),
    }
    .validate_summary()
    .map_err(|e| anyhow::anyhow!("demo summary invalid: {e:?}"))?;
    let published_at = Timestamp::parse_kst_local("2025-12-05T14:00").unwrap_or_else(now);
    publications::publish(db, &rcap, &reference, &summary, published_at).await?;
    Ok(true)
}
