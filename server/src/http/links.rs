//! The forms of e-mailed links, for people not signed in: asking for a password-reset link,
//! and choosing a password from a reset or invitation link. All live under `/login`, whose
//! anti-forgery cookie they share.

use app::api::FormProblem;
use app::domain::validation::{FieldError, FieldErrors};
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::error::{Answer, AppError};
use super::render::{see_other, PostedForm};
use crate::auth::client_addr::ClientAddr;
use crate::state::AppState;
use crate::storage::links::{self, Used};
use crate::storage::throttle;

super::routes::route_table! {
    post "/login/reset" => request_reset, Public;
    post "/login/reset/{token}" => reset_password, Public;
    post "/login/invitation/{token}" => accept_invitation, Public;
}

/// POST /login/reset: e-mails a reset link if the address has an account. The answer is the
/// same whether or not it has one; asking too often from one address is refused, and more
/// than a few links an hour for one account are not sent.
pub async fn request_reset(State(state): State<AppState>, form: PostedForm) -> Answer {
    let email = form.get("email").trim().to_lowercase();
    if let Some(e) = app::domain::validation::email_problem(&email) {
        return Err(form.invalid(None, FieldErrors::one("email", e)));
    }
    let at = state.clock.now();
    let address = form.parts.extensions.get::<ClientAddr>().map(|c| c.0.to_string()).unwrap_or_default();
    let keys = [format!("reset-address:{address}"), format!("reset-account:{email}")];
    let claim = throttle::claim(&state.db, &keys, at).await.map_err(AppError::internal)?;
    use app::domain::sign_in::{reset_decision, ResetDecision};
    match reset_decision(claim.counts[0], claim.counts[1]) {
        ResetDecision::Refuse => {
            return Err(form.refuse(None, FormProblem::LoginThrottled, StatusCode::TOO_MANY_REQUESTS))
        }
        ResetDecision::Quiet => {}
        ResetDecision::Send => {
            if let Err(e) = links::request_reset(&state.db, &email, at).await {
                // the answer stays the same: a failure here must not tell what exists
                tracing::error!(error = %e, "making a password-reset link failed");
            }
        }
    }
    Ok(see_other("/login/reset?sent=1"))
}

/// The new password and its confirmation, checked; the password itself when both are right.
fn chosen_password(form: &PostedForm, email: &str) -> Result<String, FieldErrors> {
    let new = form.get("new_password");
    let mut errors = FieldErrors::default();
    if let Some(e) = app::domain::account::check_new_password(&new, email) {
        errors.add("new_password", e);
    }
    if new != form.get("confirm_password") {
        errors.add("confirm_password", FieldError::PasswordsDiffer);
    }
    if errors.is_empty() {
        Ok(new)
    } else {
        Err(errors.ordered_by(&["new_password", "confirm_password"]))
    }
}

/// POST /login/reset/{token}: sets the password from a live reset link; every session of the
/// account ends.
pub async fn reset_password(State(state): State<AppState>, Path(token): Path<String>, form: PostedForm) -> Answer {
    let page = format!("/login/reset/{token}");
    let Some(link) = links::live(&state.db, "password_reset", &token, state.clock.now()).await? else {
        return Ok(see_other(&page));
    };
    let new = chosen_password(&form, &link.email).map_err(|e| form.invalid(None, e))?;
    let hash = state.hasher.hash(new).await.map_err(AppError::internal)?;
    match links::reset_password(&state.db, &token, &hash, state.clock.now()).await? {
        Used::Done(user) => {
            tracing::info!(user.id = %user, "password set from a reset link");
            Ok(see_other("/login?reset=1"))
        }
        Used::Dead | Used::AddressTaken => Ok(see_other(&page)),
    }
}

/// POST /login/invitation/{token}: makes the invited account with the chosen password.
pub async fn accept_invitation(State(state): State<AppState>, Path(token): Path<String>, form: PostedForm) -> Answer {
    let page = format!("/login/invitation/{token}");
    let Some(link) = links::live(&state.db, "invitation", &token, state.clock.now()).await? else {
        return Ok(see_other(&page));
    };
    let new = chosen_password(&form, &link.email).map_err(|e| form.invalid(None, e))?;
    let hash = state.hasher.hash(new).await.map_err(AppError::internal)?;
    match links::accept_invitation(&state.db, &token, &hash, state.clock.now()).await? {
        Used::Done(user) => {
            tracing::info!(user.id = %user, "invitation accepted");
            Ok(see_other("/login?joined=1"))
        }
        Used::AddressTaken => Ok(see_other("/login?exists=1")),
        Used::Dead => Ok(see_other(&page)),
    }
}
