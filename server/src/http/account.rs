//! Sign-in and sign-out.

use std::net::SocketAddr;

use app::api::{FormEcho, FormProblem};
use app::domain::ids::UserId;
use app::domain::validation::FieldErrors;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::Response;
use tower_sessions::Session;

use super::render::{error_response, render_page, see_other, PostedForm};
use crate::auth::context::USER_KEY;
use crate::auth::csrf;
use crate::state::AppState;
use crate::storage::audit::{self, AuditEntry};
use crate::storage::{now, throttle, users};

/// Failed attempts allowed per account, and per client address, within the window.
const MAX_PER_ACCOUNT: i64 = 5;
const MAX_PER_ADDRESS: i64 = 30;

pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    session: Session,
    form: PostedForm,
) -> Response {
    let email = form.get("email").trim().to_lowercase();
    let password = form.get("password");
    let mut echo = FormEcho { values: form.echo_values(), errors: FieldErrors::default(), problem: None };
    if email.is_empty() {
        echo.errors.add("email", app::domain::validation::FieldError::Required);
    }
    if password.is_empty() {
        echo.errors.add("password", app::domain::validation::FieldError::Required);
    }
    if !echo.errors.is_empty() {
        return render_page(&state, form.parts, echo, StatusCode::UNPROCESSABLE_ENTITY).await;
    }

    let at = now();
    let account_key = format!("account:{email}");
    let address_key = format!("address:{}", addr.ip());
    let (by_account, by_address) = match (
        throttle::recent_failures(&state.db, &account_key, at).await,
        throttle::recent_failures(&state.db, &address_key, at).await,
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            tracing::error!(error = %e, "throttle lookup failed");
            return error_response(&form.parts);
        }
    };
    if by_account >= MAX_PER_ACCOUNT || by_address >= MAX_PER_ADDRESS {
        echo.problem = Some(FormProblem::LoginThrottled);
        return render_page(&state, form.parts, echo, StatusCode::TOO_MANY_REQUESTS).await;
    }

    let creds = match users::credentials(&state.db, &email).await {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "credentials lookup failed");
            return error_response(&form.parts);
        }
    };
    let user = creds.as_ref().map(|c| c.id);
    // Always verify (against a dummy hash when there is no account): same answer, same time.
    let ok = state.hasher.verify(password, creds.map(|c| c.password_hash)).await;
    let user = match (ok, user) {
        (true, Some(id)) => UserId(id),
        _ => {
            if let Err(e) = throttle::record_failure(&state.db, &[account_key, address_key], at).await {
                tracing::error!(error = %e, "recording a failed sign-in failed");
            }
            echo.problem = Some(FormProblem::LoginFailed);
            return render_page(&state, form.parts, echo, StatusCode::UNAUTHORIZED).await;
        }
    };

    // A new session id at sign-in defeats session fixation; a new token goes with it.
    let signed_in = async {
        session.cycle_id().await?;
        session.insert(USER_KEY, user.0).await?;
        session.insert(csrf::SESSION_KEY, csrf::new_token()).await?;
        Ok::<_, tower_sessions::session::Error>(())
    };
    if let Err(e) = signed_in.await {
        tracing::error!(error = %e, "session write failed");
        return error_response(&form.parts);
    }
    let _ = throttle::clear(&state.db, &account_key, at).await;
    let entry = AuditEntry {
        at,
        actor: Some(user),
        org: None,
        action: "account.signed_in",
        subject: &email,
        detail: serde_json::json!({}),
    };
    if let Err(e) = audit::record(&state.db, entry).await {
        tracing::error!(error = %e, "audit write failed");
    }
    // The account just verified decides where to land; no need to read the session back.
    let home = match users::caller(&state.db, user).await.ok().flatten() {
        Some(c) if c.operator().is_some() => "/filing",
        Some(c) if c.reviewer().is_some() => "/review",
        _ => "/",
    };
    see_other(home)
}

pub async fn logout(State(state): State<AppState>, session: Session, form: PostedForm) -> Response {
    let user = session.get::<i64>(USER_KEY).await.ok().flatten();
    if let Err(e) = session.flush().await {
        tracing::error!(error = %e, "ending the session failed");
        return error_response(&form.parts);
    }
    if let Some(id) = user {
        let entry = AuditEntry {
            at: now(),
            actor: Some(UserId(id)),
            org: None,
            action: "account.signed_out",
            subject: "",
            detail: serde_json::json!({}),
        };
        let _ = audit::record(&state.db, entry).await;
    }
    see_other("/")
}

/// POST /account/password: anyone signed in changes their own password, proving the
/// current one first.
pub async fn change_password(State(state): State<AppState>, form: PostedForm) -> Response {
    use app::domain::validation::FieldError;
    let Some(caller) = form.parts.extensions.get::<app::domain::auth::Caller>().cloned() else {
        return see_other("/login");
    };
    let (hash, email) = match users::password_of(&state.db, caller.user_id).await {
        Ok(x) => x,
        Err(e) => {
            tracing::error!(error = %e, "reading a password failed");
            return error_response(&form.parts);
        }
    };
    let mut errors = FieldErrors::default();
    let new = form.get("new_password");
    if let Some(e) = app::domain::account::check_new_password(&new, &email) {
        errors.add("new_password", e);
    }
    if new != form.get("confirm_password") {
        errors.add("confirm_password", FieldError::PasswordsDiffer);
    }
    // always verify, so a wrong current password costs the same time as a right one
    if !state.hasher.verify(form.get("current_password"), Some(hash)).await {
        errors.add("current_password", FieldError::WrongPassword);
    }
    if !errors.is_empty() {
        let echo = FormEcho {
            values: form.echo_values(),
            errors: errors.ordered_by(&["current_password", "new_password", "confirm_password"]),
            problem: None,
        };
        return render_page(&state, form.parts, echo, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let stored = match state.hasher.hash(new).await {
        Ok(h) => h,
        Err(e) => {
            tracing::error!(error = %e, "hashing a password failed");
            return error_response(&form.parts);
        }
    };
    match users::set_password(&state.db, caller.user_id, &stored, now()).await {
        Ok(()) => see_other("/account/password?changed=1"),
        Err(e) => {
            tracing::error!(error = %e, "storing a password failed");
            error_response(&form.parts)
        }
    }
}
