//! The organisation profile's form posts (organisation admins only): the profile, and
//! adding or removing services, facilities and dependencies.

use app::api::FormProblem;
use app::domain::profile_fields::{DEPENDENCY, FACILITY, PROFILE, SERVICE};
use app::domain::report::check::check_fields;
use app::domain::report::content::from_fields;
use app::domain::report::schema::FieldDef;
use app::domain::validation::{FieldError, FieldErrors};
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::error::{Answer, AppError};
use super::render::{see_other, PostedForm};
use crate::state::AppState;
use crate::storage::{members, profiles, StorageError};

super::routes::route_table! {
    post "/filing/organisation" => save_profile, OrgAdmin;
    post "/filing/organisation/records/{id}/delete" => remove_record, OrgAdmin;
    post "/filing/organisation/team/{id}/role" => change_role, OrgAdmin;
    post "/filing/organisation/team/{id}/access" => set_access, OrgAdmin;
    post "/filing/organisation/invitations/{id}/withdraw" => withdraw_invitation, OrgAdmin;
    post "/filing/organisation/team" => add_member, OrgAdmin;
    post "/filing/organisation/{kind}" => add_record, OrgAdmin;
}

const PAGE: &str = "/filing/organisation";

/// POST /filing/organisation
pub async fn save_profile(State(state): State<AppState>, form: PostedForm) -> Answer {
    let cap = super::org_admin(&form.parts.extensions)?;
    let content = from_fields(PROFILE, &form.fields, form.zone());
    let at = state.clock.now();
    let errors = check_fields(PROFILE, &content, at);
    if !errors.is_empty() {
        return Err(form.invalid(Some(PAGE), errors));
    }
    let expected = form.get("_revision").parse().unwrap_or(-1);
    if profiles::save_profile(&state.db, &cap, expected, &content, at).await? {
        Ok(see_other(&format!("{PAGE}?saved=1")))
    } else {
        Err(form.refuse(Some(PAGE), FormProblem::DraftChanged, StatusCode::CONFLICT))
    }
}

fn defs(kind: &str) -> Option<&'static [FieldDef]> {
    match kind {
        "service" => Some(SERVICE),
        "facility" => Some(FACILITY),
        "dependency" => Some(DEPENDENCY),
        _ => None,
    }
}

/// POST /filing/organisation/{kind}
pub async fn add_record(State(state): State<AppState>, Path(kind): Path<String>, form: PostedForm) -> Answer {
    let cap = super::org_admin(&form.parts.extensions)?;
    let fields = defs(&kind).ok_or(AppError::NotFound)?;
    let content = from_fields(fields, &form.fields, form.zone());
    let at = state.clock.now();
    let mut errors = check_fields(fields, &content, at);
    if kind == "dependency" && errors.get("service").is_none() {
        // a dependency names one of the organisation's registered services
        let known = profiles::records(&state.db, cap.org()).await?;
        let name = content.get("service");
        let registered =
            known.iter().any(|(_, k, c)| k == "service" && (c.get("name_ko") == name || c.get("name_en") == name));
        if !registered {
            errors.add("service", FieldError::NotARegisteredService);
        }
    }
    if !errors.is_empty() {
        return Err(form.invalid(Some(PAGE), errors));
    }
    match profiles::add_record(&state.db, &cap, &kind, &content, at).await {
        Ok(()) => Ok(see_other(&format!("{PAGE}#{kind}-title"))),
        Err(StorageError::RecordLimit) => {
            let first = fields.first().map_or("name_ko", |f| f.key);
            Err(form.invalid(Some(PAGE), FieldErrors::one(first, FieldError::TooManyRows)))
        }
        Err(e) => Err(e.into()),
    }
}

/// POST /filing/organisation/records/{id}/delete
pub async fn remove_record(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    let cap = super::org_admin(&form.parts.extensions)?;
    profiles::remove_record(&state.db, &cap, id, state.clock.now()).await?;
    Ok(see_other(PAGE))
}

/// POST /filing/organisation/team/{id}/role
pub async fn change_role(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    let cap = super::org_admin(&form.parts.extensions)?;
    let Some(role) = app::domain::auth::Role::parse(&form.get("role")).filter(|r| r.is_operator()) else {
        return Err(form.invalid(Some(PAGE), FieldErrors::one("role", FieldError::UnknownOption)));
    };
    profiles::set_role(&state.db, &cap, id, role, state.clock.now()).await?;
    Ok(see_other(&format!("{PAGE}#team-title")))
}

/// POST /filing/organisation/team: the admin invites a colleague, who is e-mailed a link to
/// choose their password.
pub async fn add_member(State(state): State<AppState>, form: PostedForm) -> Answer {
    use app::domain::auth::Role;
    let cap = super::org_admin(&form.parts.extensions)?;
    let content = from_fields(app::domain::profile_fields::MEMBER, &form.fields, form.zone());
    let errors = check_fields(app::domain::profile_fields::MEMBER, &content, state.clock.now());
    let email = content.get("member_email").to_lowercase();
    let role = Role::parse(content.get("member_role")).filter(|r| r.is_operator());
    let (Some(role), true) = (role, errors.is_empty()) else {
        return Err(form.invalid(Some(PAGE), errors));
    };
    let member = members::NewMember { name: content.get("member_name"), email: &email, role };
    let lang = form.parts.extensions.get::<app::i18n::Lang>().copied().unwrap_or_default();
    match members::invite(&state.db, &cap, member, lang, state.clock.now()).await {
        Ok(()) => Ok(see_other(&format!("{PAGE}?invited=1#team-title"))),
        Err(StorageError::AlreadyMember) => {
            Err(form.invalid(Some(PAGE), FieldErrors::one("member_email", FieldError::AlreadyMember)))
        }
        Err(e) => Err(e.into()),
    }
}

/// POST /filing/organisation/team/{id}/access: disables a colleague's account (ending their
/// sessions) or enables it again (`access=disable|enable`).
pub async fn set_access(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    let cap = super::org_admin(&form.parts.extensions)?;
    let disabled = match form.get("access").as_str() {
        "disable" => true,
        "enable" => false,
        _ => return Err(AppError::NotFound),
    };
    members::set_disabled(&state.db, &cap, id, disabled, state.clock.now()).await?;
    Ok(see_other(&format!("{PAGE}#team-title")))
}

/// POST /filing/organisation/invitations/{id}/withdraw
pub async fn withdraw_invitation(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    let cap = super::org_admin(&form.parts.extensions)?;
    members::withdraw(&state.db, &cap, id, state.clock.now()).await?;
    Ok(see_other(&format!("{PAGE}#team-title")))
}
