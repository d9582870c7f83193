//! Demo data for `make run`: fictional organisations, one account per role, and a filed
//! incidents (see [`incidents`]), and the ministry's cases on them (see
//! [`cases`]): one closed and published, one open with an overdue request.

pub mod cases;
pub mod incidents;

use app::domain::auth::Role;

use crate::storage::now;
use crate::storage::users::{self, NewUser};

/// The password of every demo account (printed by `make run`).
pub const DEMO_PASSWORD: &str = "demo-password-2026";

/// The two-step key of the demo accounts whose role requires two-step verification (printed
/// by `make run`; `scripts/totp-code` prints its current code). Published, so only ever for
/// demo data.
pub const DEMO_TOTP_KEY: &str = "DEMOKEYOFOUTAGEDESKMAKERUNTWO2FA";

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
pub async fn seed_demo(state: &crate::state::AppState) -> anyhow::Result<bool> {
    let (db, hasher) = (&state.db, &state.hasher);
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
        let id = users::create_user(db, NewUser { email, display_name: name, password_hash: &hash, role, org }).await?;
        if app::domain::two_step::required_for(role) {
            crate::storage::two_step::enrol(db, id, DEMO_TOTP_KEY, &[], now()).await?;
        }
        ids.push(id);
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
    let reference = incidents::fire(db, &state.pdf, &cap, &scap).await?;
    let login = incidents::open_login_outage(db, &state.pdf, &cap, &scap, now()).await?;
    let admin = app::domain::auth::Caller { user_id: ids[2], role: Role::OperatorAdmin, ..officer.clone() };
    let acap = admin.operator().ok_or_else(|| anyhow::anyhow!("demo admin has no capability"))?;
    incidents::profile(db, &acap, now()).await?;
    let reviewer = app::domain::auth::Caller { user_id: ids[4], role: Role::Reviewer, org_id: None, ..officer.clone() };
    let lead = app::domain::auth::Caller { user_id: ids[5], role: Role::ReviewLead, org_id: None, ..officer };
    let staff = cases::Staff {
        officer: cap,
        reviewer: reviewer.reviewer().ok_or_else(|| anyhow::anyhow!("demo reviewer has no capability"))?,
        lead: lead.reviewer().ok_or_else(|| anyhow::anyhow!("demo lead has no capability"))?,
    };
    // `fire` returns the final report's reference; the case is the incident's
    let fire_incident = reference.rsplit_once('-').map_or(reference.as_str(), |(incident, _)| incident);
    cases::closed_fire_case(db, &staff, fire_incident).await?;
    cases::open_login_case(db, &staff, &login, now()).await?;
    Ok(true)
}
