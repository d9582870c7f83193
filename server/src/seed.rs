//! Demo data for `make run`: fictional organisations, one account per role, and a filed
//! incidents (see [`crate::seed_incidents`]), and the ministry's cases on them (see
//! [`crate::seed_cases`]): one closed and published, one open with an overdue request.

use app::domain::auth::Role;

use crate::auth::passwords::Hasher;
use crate::storage::users::{self, NewUser};
use crate::storage::{now, Db};

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
    let login = crate::seed_incidents::open_login_outage(db, &cap, &scap, now()).await?;
    let admin = app::domain::auth::Caller { user_id: ids[2], role: Role::OperatorAdmin, ..officer.clone() };
    let acap = admin.operator().ok_or_else(|| anyhow::anyhow!("demo admin has no capability"))?;
    crate::seed_incidents::profile(db, &acap, now()).await?;
    let reviewer = app::domain::auth::Caller { user_id: ids[4], role: Role::Reviewer, org_id: None, ..officer.clone() };
    let lead = app::domain::auth::Caller { user_id: ids[5], role: Role::ReviewLead, org_id: None, ..officer };
    let staff = crate::seed_cases::Staff {
        officer: cap,
        reviewer: reviewer.reviewer().ok_or_else(|| anyhow::anyhow!("demo reviewer has no capability"))?,
        lead: lead.reviewer().ok_or_else(|| anyhow::anyhow!("demo lead has no capability"))?,
    };
    // `fire` returns the final report's reference; the case is the incident's
    let fire_incident = reference.rsplit_once('-').map_or(reference.as_str(), |(incident, _)| incident);
    crate::seed_cases::closed_fire_case(db, &staff, fire_incident).await?;
    crate::seed_cases::open_login_case(db, &staff, &login, now()).await?;
    Ok(true)
}
