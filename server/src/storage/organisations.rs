//! The system administrator's view of organisations: list and search, create (with the
//! first organisation admin invited by e-mail), edit the names and standing facts, and
//! deactivate (its people cannot sign in and their sessions end at once; its filings stay).

use app::domain::audit::AuditAction;
use app::domain::auth::AdminCap;
use app::domain::ids::OrgId;
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;
use app::i18n::Lang;

use super::audit::{record_audit, AuditEntry};
use super::links::issue_link;
use super::{Db, StorageError};
use crate::with_pool;

/// An organisation as the administrator lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OrgRow {
    pub id: i64,
    pub slug: String,
    pub name_ko: String,
    pub name_en: String,
    pub created_at: i64,
    pub deactivated_at: Option<i64>,
    pub people: i64,
    pub incidents: i64,
}

/// Organisations whose names or slug contain `q` (all when empty), by Korean name.
pub async fn list(db: &Db, _cap: &AdminCap, q: &str, limit: i64) -> Result<Vec<OrgRow>, StorageError> {
    let pattern = format!("%{}%", q.trim().to_lowercase().replace(['\\', '%', '_'], ""));
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, OrgRow>(
            "SELECT o.id, o.slug, o.name_ko, o.name_en, o.created_at, o.deactivated_at,
                    (SELECT COUNT(*) FROM users u WHERE u.org_id = o.id) AS people,
                    (SELECT COUNT(*) FROM incidents i WHERE i.org_id = o.id AND i.reference IS NOT NULL) AS incidents
             FROM organisations o
             WHERE LOWER(o.name_ko) LIKE $1 OR LOWER(o.name_en) LIKE $1 OR LOWER(o.slug) LIKE $1
             ORDER BY o.name_ko LIMIT $2",
        )
        .bind(&pattern)
        .bind(limit)
        .fetch_all(p)
        .await
    })?)
}

/// One organisation by slug.
pub async fn find(db: &Db, _cap: &AdminCap, slug: &str) -> Result<OrgRow, StorageError> {
    with_pool!(db, |p| {
        sqlx::query_as::<_, OrgRow>(
            "SELECT o.id, o.slug, o.name_ko, o.name_en, o.created_at, o.deactivated_at,
                    (SELECT COUNT(*) FROM users u WHERE u.org_id = o.id) AS people,
                    (SELECT COUNT(*) FROM incidents i WHERE i.org_id = o.id AND i.reference IS NOT NULL) AS incidents
             FROM organisations o WHERE o.slug = $1",
        )
        .bind(slug)
        .fetch_optional(p)
        .await
    })?
    .ok_or(StorageError::NotFound)
}

/// A new organisation: its names, the standing facts its profile starts with, and the first
/// admin to invite.
pub struct NewOrganisation<'a> {
    pub slug: &'a str,
    pub name_ko: &'a str,
    pub name_en: &'a str,
    /// Profile answers (legal names, registration number, 24/7 contact).
    pub profile: &'a Content,
    pub admin_name: &'a str,
    pub admin_email: &'a str,
}

/// Creates the organisation with its profile and invites its first admin (e-mailed link, in
/// `lang`), in one transaction with the audit record. A slug in use is `SlugTaken`.
pub async fn create(
    db: &Db,
    cap: &AdminCap,
    o: &NewOrganisation<'_>,
    lang: Lang,
    at: Timestamp,
) -> Result<OrgId, StorageError> {
    let email = o.admin_email.trim().to_lowercase();
    let json = o.profile.canonical_json();
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let id = sqlx::query_scalar::<_, i64>(
            "INSERT INTO organisations (slug, name_ko, name_en, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (slug) DO NOTHING RETURNING id",
        )
        .bind(o.slug)
        .bind(o.name_ko)
        .bind(o.name_en)
        .bind(at.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StorageError::SlugTaken)?;
        sqlx::query(
            "INSERT INTO org_profiles (org_id, content_json, revision, updated_by, updated_at) VALUES ($1, $2, 1, $3, $4)",
        )
        .bind(id)
        .bind(&json)
        .bind(cap.user().0)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        let invitation = sqlx::query_scalar::<_, i64>(
            "INSERT INTO member_invitations (org_id, email, display_name, role, invited_by, invited_at)
             VALUES ($1, $2, $3, 'operator_admin', $4, $5) RETURNING id",
        )
        .bind(id)
        .bind(&email)
        .bind(o.admin_name)
        .bind(cap.user().0)
        .bind(at.0)
        .fetch_one(&mut *tx)
        .await?;
        issue_link!(tx, "invitation", &email, o.admin_name, lang, Some(invitation), None::<i64>, at)?;
        let subject = format!("org:{id}");
        let entry = AuditEntry {
            at,
            actor: Some(cap.user()),
            org: Some(OrgId(id)),
            action: AuditAction::OrgCreated,
            subject: &subject,
            detail: serde_json::json!({ "slug": o.slug, "admin_invited": email }),
        };
        record_audit!(&mut *tx, entry)?;
        tx.commit().await?;
        Ok(OrgId(id))
    })
}

/// Renames the organisation and sets the standing facts of its profile the administrator
/// keeps (`facts`, merged into the profile's other answers).
pub async fn update(
    db: &Db,
    cap: &AdminCap,
    org: OrgId,
    names: (&str, &str),
    facts: &Content,
    at: Timestamp,
) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query("UPDATE organisations SET name_ko = $1, name_en = $2 WHERE id = $3")
            .bind(names.0)
            .bind(names.1)
            .bind(org.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n != 1 {
            return Err(StorageError::NotFound);
        }
        let stored = sqlx::query_scalar::<_, String>("SELECT content_json FROM org_profiles WHERE org_id = $1")
            .bind(org.0)
            .fetch_optional(&mut *tx)
            .await?;
        let mut content = match stored {
            Some(json) => Content::from_stored_json(&json).ok_or(StorageError::Corrupt("profile"))?,
            None => Content::default(),
        };
        for (k, v) in &facts.0 {
            content.set(k, v.clone());
        }
        sqlx::query(
            "INSERT INTO org_profiles (org_id, content_json, revision, updated_by, updated_at) VALUES ($1, $2, 1, $3, $4)
             ON CONFLICT (org_id) DO UPDATE SET content_json = $2, revision = org_profiles.revision + 1,
                 updated_by = $3, updated_at = $4",
        )
        .bind(org.0)
        .bind(content.canonical_json())
        .bind(cap.user().0)
        .bind(at.0)
        .execute(&mut *tx)
        .await?;
        let subject = format!("org:{}", org.0);
        let entry = AuditEntry {
            at,
            actor: Some(cap.user()),
            org: Some(org),
            action: AuditAction::OrgUpdated,
            subject: &subject,
            detail: serde_json::json!({ "name_ko": names.0, "name_en": names.1 }),
        };
        record_audit!(&mut *tx, entry)?;
        tx.commit().await?;
        Ok(())
    })
}

/// Deactivates the organisation (its people's sessions end at once, on every instance: each
/// request checks its session row) or reactivates it, with a reason in the audit log.
pub async fn set_active(
    db: &Db,
    cap: &AdminCap,
    org: OrgId,
    active: bool,
    reason: &str,
    at: Timestamp,
) -> Result<(), StorageError> {
    with_pool!(db, |p| {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(
            "UPDATE organisations SET deactivated_at = CASE WHEN $1 THEN NULL ELSE $2 END,
                                      deactivated_by = CASE WHEN $1 THEN NULL ELSE $3 END
             WHERE id = $4 AND (deactivated_at IS NULL) <> $1",
        )
        .bind(active)
        .bind(at.0)
        .bind(cap.user().0)
        .bind(org.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n != 1 {
            return Err(StorageError::NotFound);
        }
        if !active {
            sqlx::query("UPDATE users SET session_epoch = session_epoch + 1 WHERE org_id = $1")
                .bind(org.0)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "UPDATE user_sessions SET ended_at = $2
                 WHERE ended_at IS NULL AND user_id IN (SELECT id FROM users WHERE org_id = $1)",
            )
            .bind(org.0)
            .bind(at.0)
            .execute(&mut *tx)
            .await?;
        }
        let action = if active { AuditAction::OrgReactivated } else { AuditAction::OrgDeactivated };
        let subject = format!("org:{}", org.0);
        let entry = AuditEntry {
            at,
            actor: Some(cap.user()),
            org: Some(org),
            action,
            subject: &subject,
            detail: serde_json::json!({ "reason": reason }),
        };
        record_audit!(&mut *tx, entry)?;
        tx.commit().await?;
        Ok(())
    })
}

/// A person of an organisation (or, with `None`, of the ministry) or an invitation not yet
/// taken up: (id, name, e-mail, role, disabled, invited, two-step verification on).
pub type Person = (i64, String, String, String, bool, bool, bool);

/// The people and open invitations of `org` (`None`: the ministry's), accounts first.
pub async fn people(db: &Db, _cap: &AdminCap, org: Option<OrgId>) -> Result<Vec<Person>, StorageError> {
    let org = org.map(|o| o.0);
    Ok(with_pool!(db, |p| {
        sqlx::query_as::<_, Person>(
            "SELECT id, display_name, email, role, disabled_at IS NOT NULL, FALSE, totp_secret IS NOT NULL FROM users
             WHERE (org_id = $1 OR ($1 IS NULL AND org_id IS NULL))
             UNION ALL
             SELECT id, display_name, email, role, FALSE, TRUE, FALSE FROM member_invitations
             WHERE (org_id = $1 OR ($1 IS NULL AND org_id IS NULL))
             ORDER BY 6, 2",
        )
        .bind(org)
        .fetch_all(p)
        .await
    })?)
}
