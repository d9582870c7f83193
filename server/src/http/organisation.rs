//! The organisation profile's form posts (organisation admins only): the profile, and
//! adding or removing services, facilities and dependencies.

use app::api::{FormEcho, FormProblem};
use app::domain::auth::{Caller, OperatorCap};
use app::domain::profile_fields::{DEPENDENCY, FACILITY, PROFILE, SERVICE};
use app::domain::report::check::check_fields;
use app::domain::report::content::from_fields;
use app::domain::report::schema::FieldDef;
use app::domain::validation::{FieldError, FieldErrors};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::render::{error_response, render_at, see_other, PostedForm};
use crate::state::AppState;
use crate::storage::{members, profiles, StorageError};

const PAGE: &str = "/filing/organisation";

fn admin(form: &PostedForm) -> Option<OperatorCap> {
    form.parts.extensions.get::<Caller>().and_then(Caller::operator).filter(OperatorCap::can_admin)
}

async fn rejected(
    state: &AppState,
    form: PostedForm,
    errors: FieldErrors,
    problem: Option<FormProblem>,
    status: StatusCode,
) -> Response {
    let echo = FormEcho { values: form.echo_values(), errors, problem };
    render_at(state, form.parts, PAGE, echo, status).await
}

/// POST /filing/organisation
pub async fn save_profile(State(state): State<AppState>, form: PostedForm) -> Response {
    let Some(cap) = admin(&form) else { return super::forbidden(&form.parts) };
    let content = from_fields(PROFILE, &form.fields, form.zone());
    let at = state.clock.now();
    let errors = check_fields(PROFILE, &content, at);
    if !errors.is_empty() {
        return rejected(&state, form, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let expected = form.get("_revision").parse().unwrap_or(-1);
    match profiles::save_profile(&state.db, &cap, expected, &content, at).await {
        Ok(true) => see_other(&format!("{PAGE}?saved=1")),
        Ok(false) => {
            rejected(&state, form, FieldErrors::default(), Some(FormProblem::DraftChanged), StatusCode::CONFLICT).await
        }
        Err(e) => {
            tracing::error!(org.id = %cap.org(), error = %e, "saving the profile failed");
            error_response(&form.parts)
        }
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
pub async fn add_record(State(state): State<AppState>, Path(kind): Path<String>, form: PostedForm) -> Response {
    let Some(cap) = admin(&form) else { return super::forbidden(&form.parts) };
    let Some(fields) = defs(&kind) else { return super::not_found(&state, form.parts).await };
    let content = from_fields(fields, &form.fields, form.zone());
    let at = state.clock.now();
    let mut errors = check_fields(fields, &content, at);
    if kind == "dependency" && errors.get("service").is_none() {
        // a dependency names one of the organisation's registered services
        let known = match profiles::records(&state.db, cap.org()).await {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(error = %e, "reading services failed");
                return error_response(&form.parts);
            }
        };
        let name = content.get("service");
        let registered =
            known.iter().any(|(_, k, c)| k == "service" && (c.get("name_ko") == name || c.get("name_en") == name));
        if !registered {
            errors.add("service", FieldError::NotARegisteredService);
        }
    }
    if !errors.is_empty() {
        return rejected(&state, form, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    match profiles::add_record(&state.db, &cap, &kind, &content, at).await {
        Ok(()) => see_other(&format!("{PAGE}#{kind}-title")),
        Err(StorageError::RecordLimit) => {
            let mut errors = FieldErrors::default();
            errors.add(fields.first().map_or("name_ko", |f| f.key), FieldError::TooManyRows);
            rejected(&state, form, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => {
            tracing::error!(org.id = %cap.org(), error = %e, "adding a {kind} failed");
            error_response(&form.parts)
        }
    }
}

/// POST /filing/organisation/records/{id}/delete
pub async fn remove_record(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Response {
    let Some(cap) = admin(&form) else { return super::forbidden(&form.parts) };
    match profiles::remove_record(&state.db, &cap, id, state.clock.now()).await {
        Ok(()) => see_other(PAGE),
        Err(StorageError::NotFound) => super::not_found(&state, form.parts).await,
        Err(e) => {
            tracing::error!(org.id = %cap.org(), error = %e, "removing a record failed");
            error_response(&form.parts)
        }
    }
}

/// POST /filing/organisation/team/{id}/role
pub async fn change_role(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Response {
    let Some(cap) = admin(&form) else { return super::forbidden(&form.parts) };
    let Some(role) = app::domain::auth::Role::parse(&form.get("role")).filter(|r| r.is_operator()) else {
        let mut errors = FieldErrors::default();
        errors.add("role", FieldError::UnknownOption);
        return rejected(&state, form, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    match profiles::set_role(&state.db, &cap, id, role, state.clock.now()).await {
        Ok(()) => see_other(&format!("{PAGE}#team-title")),
        Err(StorageError::NotFound) => super::not_found(&state, form.parts).await,
        Err(e) => {
            tracing::error!(org.id = %cap.org(), error = %e, "changing a role failed");
            error_response(&form.parts)
        }
    }
}

/// POST /filing/organisation/team: the admin adds a colleague with a first password.
pub async fn add_member(State(state): State<AppState>, form: PostedForm) -> Response {
    use app::domain::auth::Role;
    let Some(cap) = admin(&form) else { return super::forbidden(&form.parts) };
    let content = from_fields(app::domain::profile_fields::MEMBER, &form.fields, form.zone());
    let mut errors = check_fields(app::domain::profile_fields::MEMBER, &content, state.clock.now());
    let email = content.get("member_email").to_lowercase();
    let password = form.get("member_password");
    if let Some(e) = app::domain::account::check_new_password(&password, &email) {
        errors.add("member_password", e);
    }
    let role = Role::parse(content.get("member_role")).filter(|r| r.is_operator());
    let (Some(role), true) = (role, errors.is_empty()) else {
        return rejected(&state, form, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let hash = match state.hasher.hash(password).await {
        Ok(h) => h,
        Err(e) => {
            tracing::error!(error = %e, "hashing a password failed");
            return error_response(&form.parts);
        }
    };
    let member = members::NewMember { name: content.get("member_name"), email: &email, role, password_hash: &hash };
    match members::invite(&state.db, &cap, member, state.clock.now()).await {
        Ok(()) => see_other(&format!("{PAGE}?invited=1#team-title")),
        Err(members::InviteError::AlreadyMember) => {
            let mut errors = FieldErrors::default();
            errors.add("member_email", FieldError::AlreadyMember);
            rejected(&state, form, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => {
            tracing::error!(org.id = %cap.org(), error = %e, "inviting a member failed");
            error_response(&form.parts)
        }
    }
}

/// POST /filing/organisation/team/{id}/access: disables a colleague's account (ending their
/// sessions) or enables it again (`access=disable|enable`).
pub async fn set_access(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Response {
    let Some(cap) = admin(&form) else { return super::forbidden(&form.parts) };
    let disabled = match form.get("access").as_str() {
        "disable" => true,
        "enable" => false,
        _ => return super::not_found(&state, form.parts).await,
    };
    match members::set_disabled(&state.db, &cap, id, disabled, state.clock.now()).await {
        Ok(()) => see_other(&format!("{PAGE}#team-title")),
        Err(StorageError::NotFound) => super::not_found(&state, form.parts).await,
        Err(e) => {
            tracing::error!(org.id = %cap.org(), error = %e, "changing a member's access failed");
            error_response(&form.parts)
        }
    }
}

/// POST /filing/organisation/invitations/{id}/withdraw
pub async fn withdraw_invitation(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Response {
    let Some(cap) = admin(&form) else { return super::forbidden(&form.parts) };
    match members::withdraw(&state.db, &cap, id, state.clock.now()).await {
        Ok(()) => see_other(&format!("{PAGE}#team-title")),
        Err(StorageError::NotFound) => super::not_found(&state, form.parts).await,
        Err(e) => {
            tracing::error!(org.id = %cap.org(), error = %e, "withdrawing an invitation failed");
            error_response(&form.parts)
        }
    }
}
