//! The system administrator's form posts: organisations (create with the first admin
//! invited, edit, deactivate and reactivate), ministry staff (invite, change role, disable
//! and enable), and the outbox (queue a dead letter again). Each is audited.

use app::domain::admin::{new_org, org_details, staff_invite, staff_role};
use app::domain::audit::AuditAction;
use app::domain::validation::{FieldError, FieldErrors};
use axum::extract::{Path, State};

use super::error::{Answer, AppError};
use super::render::{see_other, PostedForm};
use crate::state::AppState;
use crate::storage::audit::{self, AuditEntry};
use crate::storage::organisations::{self, NewOrganisation};
use crate::storage::{outbox, staff, StorageError};

super::routes::route_table! {
    post "/admin/organisations" => create_org, Admin;
    post "/admin/organisations/{slug}" => update_org, Admin;
    post "/admin/organisations/{slug}/active" => set_org_active, Admin;
    post "/admin/staff" => invite_staff, Admin;
    post "/admin/staff/{id}/role" => set_staff_role, Admin;
    post "/admin/staff/{id}/access" => set_staff_access, Admin;
    post "/admin/outbox/{id}/retry" => retry, Admin;
}

fn lang(form: &PostedForm) -> app::i18n::Lang {
    form.parts.extensions.get::<app::i18n::Lang>().copied().unwrap_or_default()
}

/// POST /admin/organisations: a new organisation; its first admin is e-mailed a link.
pub async fn create_org(State(state): State<AppState>, form: PostedForm) -> Answer {
    let cap = super::admin(&form.parts.extensions)?;
    let o = new_org(&form.fields).map_err(|e| form.invalid(None, e))?;
    let new = NewOrganisation {
        slug: &o.slug,
        name_ko: &o.details.name_ko,
        name_en: &o.details.name_en,
        profile: &o.details.facts,
        admin_name: &o.admin_name,
        admin_email: &o.admin_email,
    };
    match organisations::create(&state.db, &cap, &new, lang(&form), state.clock.now()).await {
        Ok(_) => Ok(see_other(&format!("/admin/organisations/{}?created=1", o.slug))),
        Err(StorageError::SlugTaken) => Err(form.invalid(None, FieldErrors::one("slug", FieldError::SlugTaken))),
        Err(e) => Err(e.into()),
    }
}

/// POST /admin/organisations/{slug}: names and standing facts.
pub async fn update_org(State(state): State<AppState>, Path(slug): Path<String>, form: PostedForm) -> Answer {
    let cap = super::admin(&form.parts.extensions)?;
    let org = organisations::find(&state.db, &cap, &slug).await?;
    let page = format!("/admin/organisations/{slug}");
    let mut errors = FieldErrors::default();
    let d = org_details(&form.fields, &mut errors);
    if !errors.is_empty() {
        return Err(form.invalid(Some(&page), errors));
    }
    let id = app::domain::ids::OrgId(org.id);
    organisations::update(&state.db, &cap, id, (&d.name_ko, &d.name_en), &d.facts, state.clock.now()).await?;
    Ok(see_other(&format!("{page}?saved=1")))
}

/// POST /admin/organisations/{slug}/active: `active=no` deactivates (its people are signed
/// out at once and cannot sign in), `active=yes` reactivates; a reason is required.
pub async fn set_org_active(State(state): State<AppState>, Path(slug): Path<String>, form: PostedForm) -> Answer {
    let cap = super::admin(&form.parts.extensions)?;
    let org = organisations::find(&state.db, &cap, &slug).await?;
    let page = format!("/admin/organisations/{slug}");
    let active = match form.get("active").as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::NotFound),
    };
    let reason = form.get("reason").trim().to_string();
    let mut errors = FieldErrors::default();
    match reason.chars().count() {
        0 => errors.add("reason", FieldError::Required),
        n if n > 1000 => errors.add("reason", FieldError::too_long(1000, n)),
        _ => {}
    }
    if form.get("confirm") != "yes" {
        errors.add("confirm", FieldError::MustConfirm);
    }
    if !errors.is_empty() {
        return Err(form.invalid(Some(&page), errors));
    }
    let id = app::domain::ids::OrgId(org.id);
    organisations::set_active(&state.db, &cap, id, active, &reason, state.clock.now()).await?;
    Ok(see_other(&format!("{page}?{}=1", if active { "reactivated" } else { "deactivated" })))
}

/// POST /admin/staff: invites a reviewer or review lead by e-mail.
pub async fn invite_staff(State(state): State<AppState>, form: PostedForm) -> Answer {
    let cap = super::admin(&form.parts.extensions)?;
    let s = staff_invite(&form.fields).map_err(|e| form.invalid(None, e))?;
    staff::invite(&state.db, &cap, &s.name, &s.email, s.role, lang(&form), state.clock.now()).await?;
    Ok(see_other("/admin/staff?invited=1"))
}

/// POST /admin/staff/{id}/role
pub async fn set_staff_role(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    let cap = super::admin(&form.parts.extensions)?;
    let Some(role) = staff_role(&form.get("role")) else {
        return Err(form.invalid(Some("/admin/staff"), FieldErrors::one("role", FieldError::UnknownOption)));
    };
    staff::set_role(&state.db, &cap, id, role, state.clock.now()).await?;
    Ok(see_other("/admin/staff?saved=1"))
}

/// POST /admin/staff/{id}/access: `access=disable` (sessions end at once) or `enable`.
pub async fn set_staff_access(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    let cap = super::admin(&form.parts.extensions)?;
    let disabled = match form.get("access").as_str() {
        "disable" => true,
        "enable" => false,
        _ => return Err(AppError::NotFound),
    };
    staff::set_disabled(&state.db, &cap, id, disabled, state.clock.now()).await?;
    Ok(see_other("/admin/staff?saved=1"))
}

/// POST /admin/outbox/{id}/retry: a dead message is queued again, attempts from zero.
pub async fn retry(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    let admin = super::admin(&form.parts.extensions)?;
    let at = state.clock.now();
    outbox::retry(&state.db, id, at).await?;
    let subject = format!("outbox:{id}");
    let entry = AuditEntry {
        at,
        actor: Some(admin.user()),
        org: None,
        action: AuditAction::OutboxRetried,
        subject: &subject,
        detail: serde_json::json!({}),
    };
    if let Err(e) = audit::record(&state.db, entry).await {
        tracing::error!(error = %e, "recording a retried message failed");
    }
    Ok(see_other(&format!("/admin/outbox/{id}?retried=1")))
}
