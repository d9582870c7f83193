//! The organisation profile and its services, facilities and dependencies. Every query is
//! scoped by the caller's organisation.

use app::api::TeamMember;
use app::domain::audit::AuditAction;
use app::domain::auth::{OperatorCap, Role};
use app::domain::ids::OrgId;
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;

use super::audit::{record_audit, AuditEntry};
use super::{Db, StorageError};
use crate::with_pool;

/// A stored record: (id, kind, answers).
pub type Record = (i64, String, Content);

fn read(json: &str) -> Result<Content, StorageError> {
    Content::from_stored_json(json).ok_or(StorageError::Corrupt("profile"))
}

/// The profile's answers and revision (0 when never saved).
pub async fn profile(db: &Db, org: OrgId) -> Result<(Content, i64), StorageError> {
    let row = with_pool!(db, |p| {
        sqlx::query_as::<_, (String, i64)>("SELECT content_json, revision FROM org_profiles WHERE org_id = $1")
            .bind(org.0)
            .fetch_optional(p)
            .await
    })?;
    match row {
        Some((json, rev)) => Ok((read(&json)?, rev)),
        None => Ok((Content::default(), 0)),
    }
}

/// Saves the profile if it is still at `expected`; `Ok(false)` if someone saved first.
pub async fn save_profile(
    db: &Db,
    cap: &OperatorCap,
    expected: i64,
    c: &Content,
    at: Timestamp,
) -> Result<bool, StorageError> {
    let json = c.canonical_json();
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = if expected == 0 {
            sqlx::query(
                "INSERT INTO org_profiles (org_id, content_json, revision, updated_by, updated_at)
                 SELECT $1, $2, 1, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM org_profiles WHERE org_id = $1)",
            )
            .bind(cap.org().0)
            .bind(&json)
            .bind(cap.user().0)
            .bind(at.0)
            .execute(&mut *tx)
            .await?
            .rows_affected()
        } else {
            sqlx::query(
                "UPDATE org_profiles SET content_json = $1, revision = revision + 1, updated_by = $2, updated_at = $3
                 WHERE org_id = $4 AND revision = $5",
            )
            .bind(&json)
            .bind(cap.user().0)
            .bind(at.0)
            .bind(cap.org().0)
            .bind(expected)
            .execute(&mut *tx)
            .await?
            .rows_affected()
        };
        if n == 1 {
            let subject = format!("org:{}", cap.org());
            record_audit!(
                &mut *tx,
                AuditEntry::by_operator(cap, at, AuditAction::ProfileSaved, &subject, serde_json::json!({}))
            )?;
        }
        tx.commit().await?;
        Ok(n == 1)
    })
}

/// The organisation's services, facilities and dependencies, oldest first.
pub async fn records(db: &Db, org: OrgId) -> Result<Vec<Record>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, String, String)>(
            "SELECT id, kind, content_json FROM org_records WHERE org_id = $1 ORDER BY kind, created_at, id",
        )
        .bind(org.0)
        .fetch_all(p)
        .await
    })?;
    rows.into_iter().map(|(id, kind, json)| Ok((id, kind, read(&json)?))).collect()
}

/// What the legal rules read about `org`: its profile answers and its services.
pub async fn operator_facts(db: &Db, org: OrgId) -> Result<app::domain::law::operator::OperatorFacts, StorageError> {
    let (profile, _) = profile(db, org).await?;
    let services: Vec<Content> =
        records(db, org).await?.into_iter().filter(|(_, kind, _)| kind == "service").map(|(_, _, c)| c).collect();
    Ok(app::domain::law::operator::OperatorFacts::from_profile(&profile, &services))
}

/// [`operator_facts`] of every organisation at once (for work over all incidents: the
/// ministry's overview, the reminder job), in two queries.
pub async fn operator_facts_all(
    db: &Db,
) -> Result<std::collections::HashMap<i64, app::domain::law::operator::OperatorFacts>, StorageError> {
    let profiles = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, String)>("SELECT org_id, content_json FROM org_profiles").fetch_all(p).await
    })?;
    let services = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, String)>(
            "SELECT org_id, content_json FROM org_records WHERE kind = 'service' ORDER BY org_id, created_at, id",
        )
        .fetch_all(p)
        .await
    })?;
    let mut by_org: std::collections::HashMap<i64, (Content, Vec<Content>)> = std::collections::HashMap::new();
    for (org, json) in profiles {
        by_org.entry(org).or_default().0 = read(&json)?;
    }
    for (org, json) in services {
        by_org.entry(org).or_default().1.push(read(&json)?);
    }
    Ok(by_org
        .into_iter()
        .map(|(org, (p, s))| (org, app::domain::law::operator::OperatorFacts::from_profile(&p, &s)))
        .collect())
}

/// Records of one kind an organisation may keep.
pub const MAX_RECORDS_PER_KIND: i64 = app::domain::report::limits::MAX_ROWS as i64;

/// Adds a record of `kind` ("service", "facility" or "dependency"); refused with
/// [`StorageError::RecordLimit`] past [`MAX_RECORDS_PER_KIND`].
pub async fn add_record(
    db: &Db,
    cap: &OperatorCap,
    kind: &str,
    c: &Content,
    at: Timestamp,
) -> Result<(), StorageError> {
    let json = c.canonical_json();
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM org_records WHERE org_id = $1 AND kind = $2")
            .bind(cap.org().0)
            .bind(kind)
            .fetch_one(&mut *tx)
            .await?;
        if n >= MAX_RECORDS_PER_KIND {
            return Err(StorageError::RecordLimit);
        }
        sqlx::query(
            "INSERT INTO org_records (org_id, kind, content_json, created_by, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(cap.org().0)
        .bind(kind)
        .bind(&json)
        .bind(cap.user().0)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        let subject = format!("org:{}", cap.org());
        record_audit!(
            &mut *tx,
            AuditEntry::by_operator(
                cap,
                at,
                AuditAction::ProfileRecordAdded,
                &subject,
                serde_json::json!({ "kind": kind })
            )
        )?;
        tx.commit().await?;
        Ok(())
    })
}

/// Removes one of the organisation's records; another organisation's id is not found.
pub async fn remove_record(db: &Db, cap: &OperatorCap, id: i64, at: Timestamp) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query("DELETE FROM org_records WHERE id = $1 AND org_id = $2")
            .bind(id)
            .bind(cap.org().0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n != 1 {
            return Err(StorageError::NotFound);
        }
        let subject = format!("org:{}", cap.org());
        record_audit!(
            &mut *tx,
            AuditEntry::by_operator(
                cap,
                at,
                AuditAction::ProfileRecordRemoved,
                &subject,
                serde_json::json!({ "id": id })
            )
        )?;
        tx.commit().await?;
        Ok(())
    })
}

/// The organisation's people and their roles.
pub async fn team(db: &Db, cap: &OperatorCap) -> Result<Vec<TeamMember>, StorageError> {
    let rows = with_pool!(db, |p| {
        sqlx::query_as::<_, (i64, String, String, String, bool, bool)>(
            "SELECT id, display_name, email, role, disabled_at IS NOT NULL, totp_secret IS NOT NULL FROM users
             WHERE org_id = $1 ORDER BY role, display_name",
        )
        .bind(cap.org().0)
        .fetch_all(p)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, name, email, role, disabled, two_step)| {
            Role::parse(&role).map(|role| TeamMember {
                id,
                is_me: id == cap.user().0,
                name,
                email,
                role,
                disabled,
                two_step,
            })
        })
        .collect())
}

/// Gives a colleague another operator role. Never the caller themself (an admin cannot
/// lock the organisation out of its own administration by accident); another
/// organisation's person is not found.
pub async fn set_role(db: &Db, cap: &OperatorCap, user: i64, role: Role, at: Timestamp) -> Result<(), StorageError> {
    if !role.is_operator() {
        return Err(StorageError::NotOperatorRole);
    }
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query("UPDATE users SET role = $1 WHERE id = $2 AND org_id = $3 AND id <> $4")
            .bind(role.as_str())
            .bind(user)
            .bind(cap.org().0)
            .bind(cap.user().0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n != 1 {
            return Err(StorageError::NotFound);
        }
        let subject = format!("user:{user}");
        record_audit!(
            &mut *tx,
            AuditEntry::by_operator(
                cap,
                at,
                AuditAction::TeamRoleChanged,
                &subject,
                serde_json::json!({ "role": role.as_str() })
            )
        )?;
        tx.commit().await?;
        Ok(())
    })
}
