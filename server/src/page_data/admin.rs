//! What the system administrator's pages read.

use app::api::{AuditRow, OrgAdminRow, OrgAdminView, PersonRow};
use app::domain::admin::PROFILE_FACTS;
use app::domain::audit::AuditAction;
use app::domain::auth::{AdminCap, Role};
use app::domain::ids::OrgId;
use app::domain::timestamp::Timestamp;

use crate::storage::organisations::{self, OrgRow, Person};
use crate::storage::{audit, profiles, Db, StorageError};

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

fn person(p: Person) -> Option<PersonRow> {
    let (id, name, email, role, disabled, invited) = p;
    Some(PersonRow { id, name, email, role: Role::parse(&role)?, disabled, invited })
}

pub async fn organisations(db: &Db, cap: &AdminCap, q: &str) -> Result<Vec<OrgAdminRow>, StorageError> {
    Ok(organisations::list(db, cap, q, 500).await?.into_iter().map(org_row).collect())
}

pub async fn organisation(db: &Db, cap: &AdminCap, slug: &str) -> Result<OrgAdminView, StorageError> {
    let o = organisations::find(db, cap, slug).await?;
    let id = OrgId(o.id);
    let (profile, _) = profiles::profile(db, id).await?;
    let facts = PROFILE_FACTS.iter().map(|k| (k.to_string(), profile.get(k).to_string())).collect();
    let people = organisations::people(db, cap, Some(id)).await?.into_iter().filter_map(person).collect();
    Ok(OrgAdminView { org: org_row(o), facts, people })
}

pub async fn staff(db: &Db, cap: &AdminCap) -> Result<Vec<PersonRow>, StorageError> {
    Ok(organisations::people(db, cap, None).await?.into_iter().filter_map(person).collect())
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
