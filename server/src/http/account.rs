//! Sign-in and sign-out.

use app::api::FormProblem;
use app::domain::audit::AuditAction;
use app::domain::ids::UserId;
use app::domain::validation::{FieldError, FieldErrors};
use axum::extract::State;
use axum::http::StatusCode;
use tower_sessions::Session;

use super::error::{Answer, AppError};
use super::render::{see_other, PostedForm};
use crate::auth::client_addr::ClientAddr;
use crate::auth::signed_in;
use crate::state::AppState;
use crate::storage::audit::{self, AuditEntry};
use crate::storage::{throttle, user_sessions, users};

super::routes::route_table! {
    post "/login" => login, Public;
    post "/logout" => logout, SignedIn;
    post "/account/password" => change_password, SignedIn;
    post "/account/sessions/{session}/end" => end_session, SignedIn;
}

/// POST /account/sessions/{n}/end: the person ends one of their own sessions; ending this one
/// signs out.
pub async fn end_session(
    State(state): State<AppState>,
    session: Session,
    axum::extract::Path(row): axum::extract::Path<i64>,
    form: PostedForm,
) -> Answer {
    let Some(caller) = form.parts.extensions.get::<app::domain::auth::Caller>().cloned() else {
        return Ok(see_other("/login"));
    };
    let at = state.clock.now();
    if !user_sessions::end(&state.db, caller.user_id, row, at).await? {
        return Err(AppError::NotFound);
    }
    let subject = format!("user:{}", caller.user_id);
    let entry = AuditEntry {
        at,
        actor: Some(caller.user_id),
        org: caller.org_id,
        action: AuditAction::SessionEnded,
        subject: &subject,
        detail: serde_json::json!({ "number": row }),
    };
    if let Err(e) = audit::record(&state.db, entry).await {
        tracing::error!(user.id = %caller.user_id, error = %e, "recording an ended session failed");
    }
    let this = form.parts.extensions.get::<app::api::CurrentSession>().map(|s| s.0);
    if this == Some(row) {
        session.flush().await.map_err(AppError::internal)?;
        return Ok(see_other("/login"));
    }
    Ok(see_other("/account/sessions?ended=1"))
}

/// POST /login
pub async fn login(State(state): State<AppState>, session: Session, form: PostedForm) -> Answer {
    use app::domain::sign_in::{decide, AttemptCounts, Decision};
    let email = form.get("email").trim().to_lowercase();
    let password = form.get("password");
    let mut errors = FieldErrors::default();
    if email.is_empty() {
        errors.add("email", FieldError::Required);
    }
    if password.is_empty() {
        errors.add("password", FieldError::Required);
    }
    if !errors.is_empty() {
        return Err(form.invalid(None, errors));
    }

    let at = state.clock.now();
    let address = form.parts.extensions.get::<ClientAddr>().map(|c| c.0.to_string()).unwrap_or_default();
    let pair_key = format!("pair:{email}|{address}");
    let keys = [pair_key.clone(), format!("address:{address}"), format!("account:{email}")];
    // Claimed before the password is verified, so attempts sent at once are counted at once.
    let claim = throttle::claim(&state.db, &keys, at).await.map_err(AppError::internal)?;
    let counts = AttemptCounts { pair: claim.counts[0], address: claim.counts[1], account: claim.counts[2] };
    let delay_ms = match decide(counts) {
        Decision::Refuse => {
            audit_sign_in(&state, None, AuditAction::SignInThrottled, &email, &address, serde_json::json!({})).await;
            return Err(form.refuse(None, FormProblem::LoginThrottled, StatusCode::TOO_MANY_REQUESTS));
        }
        Decision::Evaluate { delay_ms } => delay_ms,
    };
    if delay_ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(delay_ms)).await;
    }

    let verified = verify(&state, &email, password).await.map_err(AppError::internal)?;
    let Some(account) = verified else {
        audit_sign_in(&state, None, AuditAction::SignInFailed, &email, &address, serde_json::json!({})).await;
        return Err(form.refuse(None, FormProblem::LoginFailed, StatusCode::UNAUTHORIZED));
    };
    // The password is right: its failures at this address are forgotten. With two-step
    // verification on, the session is not signed in yet: it may only answer the second step
    // (throttled under keys of its own).
    if let Err(e) = throttle::succeeded(&state.db, &claim, &pair_key, at).await {
        tracing::error!(user.id = %account.user, error = %e, "clearing sign-in failures failed");
    }
    if account.two_step {
        let pending =
            signed_in::PendingSignIn { user: account.user.0, epoch: account.epoch, at: at.0, next: form.get("next") };
        signed_in::await_second_step(&session, pending).await.map_err(AppError::internal)?;
        return Ok(see_other("/login/two-step"));
    }
    let detail = serde_json::json!({ "address": address });
    complete_sign_in(&state, &session, &form, account.user, account.epoch, (&email, detail), &form.get("next")).await
}

/// Signs `user` in at `epoch` in this session (a new session id, its row on "Your
/// sessions"), records it (`audit`: subject and detail) and sends the person on: to `next`
/// if it is one of this site's pages, otherwise to their side's home.
pub(super) async fn complete_sign_in(
    state: &AppState,
    session: &Session,
    form: &PostedForm,
    user: UserId,
    epoch: i64,
    audit: (&str, serde_json::Value),
    next: &str,
) -> Answer {
    let at = state.clock.now();
    let agent = form.parts.headers.get(axum::http::header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let row = user_sessions::open(&state.db, user, agent, at).await?;
    signed_in::begin(session, user, epoch, row, at).await.map_err(AppError::internal)?;
    let (subject, detail) = audit;
    let entry = AuditEntry { at, actor: Some(user), org: None, action: AuditAction::SignedIn, subject, detail };
    if let Err(e) = audit::record(&state.db, entry).await {
        tracing::error!(user.id = %user, error = %e, "recording a sign-in failed");
    }
    // The page asked for before signing in, if it is one of ours; otherwise the account just
    // verified decides where to land (no need to read the session back).
    if let Some(next) = app::domain::sign_in::return_path(next) {
        return Ok(see_other(next));
    }
    let home = match users::caller(&state.db, user).await {
        Ok(Some(c)) if c.operator().is_some() => "/filing",
        Ok(Some(c)) if c.reviewer().is_some() => "/review",
        Ok(Some(c)) if c.admin().is_some() => "/admin",
        Ok(_) => "/",
        Err(e) => {
            tracing::error!(user.id = %user, error = %e, "reading the account after sign-in failed");
            "/"
        }
    };
    Ok(see_other(home))
}

/// An account whose password was right.
struct Verified {
    user: UserId,
    epoch: i64,
    /// Two-step verification is on: a code is asked next.
    two_step: bool,
}

/// Checks a password against the account of `email`. Always runs one argon2 verification, against a dummy hash when there is nothing to check: the same
/// answer and the same time whether or not the address is known. A disabled account fails
/// like a wrong password.
async fn verify(state: &AppState, email: &str, password: String) -> Result<Option<Verified>, sqlx::Error> {
    if let Some(c) = users::credentials(&state.db, email).await? {
        let ok = state.hasher.verify(password, Some(c.password_hash)).await;
        let account = Verified { user: UserId(c.id), epoch: c.session_epoch, two_step: c.two_step };
        return Ok((ok && !c.disabled).then_some(account));
    }
    // the same work for an unknown address as for a known one
    state.hasher.verify(password, None).await;
    Ok(None)
}

/// Records a sign-in event with the client address (and `more` detail). A failure to record
/// is logged, never shown: the person's sign-in does not depend on it.
pub(super) async fn audit_sign_in(
    state: &AppState,
    user: Option<UserId>,
    action: AuditAction,
    subject: &str,
    address: &str,
    more: serde_json::Value,
) {
    let mut detail = serde_json::json!({ "address": address });
    if let (Some(d), serde_json::Value::Object(extra)) = (detail.as_object_mut(), more) {
        d.extend(extra);
    }
    let entry = AuditEntry { at: state.clock.now(), actor: user, org: None, action, subject, detail };
    if let Err(e) = audit::record(&state.db, entry).await {
        tracing::error!(error = %e, action = action.code(), "audit write failed");
    }
}

/// POST /logout
pub async fn logout(State(state): State<AppState>, session: Session, _form: PostedForm) -> Answer {
    let user = session.get::<i64>(signed_in::USER_KEY).await.map_err(AppError::internal)?;
    session.flush().await.map_err(AppError::internal)?;
    if let Some(id) = user {
        let entry = AuditEntry {
            at: state.clock.now(),
            actor: Some(UserId(id)),
            org: None,
            action: AuditAction::SignedOut,
            subject: "",
            detail: serde_json::json!({}),
        };
        if let Err(e) = audit::record(&state.db, entry).await {
            tracing::error!(user.id = id, error = %e, "recording a sign-out failed");
        }
    }
    Ok(see_other("/"))
}

/// POST /account/password: anyone signed in changes their own password, proving the
/// current one first.
pub async fn change_password(State(state): State<AppState>, session: Session, form: PostedForm) -> Answer {
    let Some(caller) = form.parts.extensions.get::<app::domain::auth::Caller>().cloned() else {
        return Ok(see_other("/login"));
    };
    let (hash, email) = users::password_of(&state.db, caller.user_id).await?;
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
        return Err(form.invalid(None, errors.ordered_by(&["current_password", "new_password", "confirm_password"])));
    }
    let stored = state.hasher.hash(new).await.map_err(AppError::internal)?;
    let epoch = users::set_password(&state.db, caller.user_id, &stored, state.clock.now()).await?;
    // Every other session of the account has ended with the epoch; this one goes on under a
    // new id.
    signed_in::renew(&session, epoch).await.map_err(AppError::internal)?;
    let this = form.parts.extensions.get::<app::api::CurrentSession>().map(|s| s.0);
    user_sessions::end_others(&state.db, caller.user_id, this, state.clock.now()).await?;
    Ok(see_other("/account/password?changed=1"))
}
