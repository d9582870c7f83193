//! What the system administrator's pages read.

use app::api::{AuditRow, OrgAdminRow, OrgAdminView, PersonRow, TwoStepPolicyRow, TwoStepView};
use app::domain::admin::PROFILE_FACTS;
use app::domain::audit::AuditAction;
use app::domain::auth::{AdminCap, Role};
use app::domain::ids::{OrgId, UserId};
use app::domain::timestamp::Timestamp;

use crate::storage::organisations::{self, OrgRow, Person};
use crate::storage::{audit, profiles, two_step, Db, StorageError};

fn org_row(o: OrgRow) -> OrgAdminRow {
    OrgAdminRow {
        slug: o.slug,
        name_ko: o.name_ko,
        name_en: o.name_en,
        created: Timestamp(o.created_at),
        deactivated: o.deactivated_at.map(Timestamp),
        people: o.people,
        incidents: o.incidents,
    }
}

/// A person as the administrator `me` sees them.
fn person(me: UserId, p: Person) -> Option<PersonRow> {
    let (id, name, email, role, disabled, invited, two_step) = p;
    let is_me = !invited && id == me.0;
    Some(PersonRow { id, name, email, role: Role::parse(&role)?, disabled, invited, two_step, is_me })
}

pub async fn organisations(db: &Db, cap: &AdminCap, q: &str) -> Result<Vec<OrgAdminRow>, StorageError> {
    Ok(organisations::list(db, cap, q, 500).await?.into_iter().map(org_row).collect())
}

pub async fn organisation(db: &Db, cap: &AdminCap, slug: &str) -> Result<OrgAdminView, StorageError> {
    let o = organisations::find(db, cap, slug).await?;
    let id = OrgId(o.id);
    let (profile, _) = profiles::profile(db, id).await?;
    let facts = PROFILE_FACTS.iter().map(|k| (k.to_string(), profile.get(k).to_string())).collect();
    let people =
        organisations::people(db, cap, Some(id)).await?.into_iter().filter_map(|p| person(cap.user(), p)).collect();
    Ok(OrgAdminView { org: org_row(o), facts, people })
}

pub async fn staff(db: &Db, cap: &AdminCap) -> Result<Vec<PersonRow>, StorageError> {
    Ok(organisations::people(db, cap, None).await?.into_iter().filter_map(|p| person(cap.user(), p)).collect())
}

pub async fn audit_log(db: &Db, _cap: &AdminCap, prefix: &str) -> Result<Vec<AuditRow>, StorageError> {
    Ok(audit::recent(db, prefix, 300)
        .await?
        .into_iter()
        .map(|(at, actor, code, subject, detail)| AuditRow {
            at: Timestamp(at),
            actor: actor.unwrap_or_default(),
            action: AuditAction::parse(&code),
            code,
            subject,
            detail,
        })
        .collect())
}

/// Where `user` stands with two-step verification at `now` (a set-up key older than
/// [`app::domain::two_step::SETUP_SECS`] is not shown again).
pub async fn two_step(db: &Db, user: UserId, now: Timestamp) -> Result<TwoStepView, StorageError> {
    use app::domain::two_step as rules;
    let t = two_step::of(db, user).await?;
    let role = t.role().ok_or(StorageError::Corrupt("role"))?;
    let fresh = |at: i64| now.0 - at < rules::SETUP_SECS;
    let setup_live = t.setup_at.is_some_and(fresh);
    Ok(TwoStepView {
        standing: rules::standing(role, t.secret.is_some()),
        may_turn_off: rules::may_turn_off(role),
        enrolled: t.enrolled_at.map(Timestamp),
        recovery_left: t.recovery_left,
        setup_key: t.setup_secret.as_deref().filter(|_| setup_live).map(rules::format_key),
        setup_expired: t.setup_secret.is_some() && !setup_live,
        fresh_codes: Vec::new(),
    })
}

/// Every role's two-step policy, with how many active accounts have it on.
pub async fn two_step_policy(db: &Db, cap: &AdminCap) -> Result<Vec<TwoStepPolicyRow>, StorageError> {
    let counts = two_step::counts_by_role(db, cap).await?;
    Ok(Role::ALL
        .into_iter()
        .map(|role| {
            let (on, all) =
                counts.iter().find(|(r, _, _)| r == role.as_str()).map_or((0, 0), |(_, on, all)| (*on, *all));
            TwoStepPolicyRow { role, required: app::domain::two_step::required_for(role), on, all }
        })
        .collect())
}
