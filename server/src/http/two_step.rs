//! Two-step verification: the code asked after the password (`/login/two-step`), setting it
//! up with an authenticator app, recovery codes, turning it off where the role allows, and
//! an administrator's reset for someone who lost their phone and their codes.

use app::api::{FormProblem, FreshRecoveryCodes};
use app::domain::audit::AuditAction;
use app::domain::auth::Caller;
use app::domain::ids::UserId;
use app::domain::two_step::{self as rules, CodeShape, SecondFactor};
use app::domain::validation::{FieldError, FieldErrors};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use super::account::{audit_sign_in, complete_sign_in};
use super::error::{Answer, AppError};
use super::render::{see_other, PostedForm};
use crate::auth::client_addr::ClientAddr;
use crate::auth::{signed_in, totp};
use crate::state::AppState;
use crate::storage::two_step::{self, ResetBy};
use crate::storage::{throttle, users};

super::routes::route_table! {
    post "/login/two-step" => second_step, Public;
    get "/account/two-step/qr.svg" => qr_code, SignedIn;
    post "/account/two-step/start" => start_setup, SignedIn;
    post "/account/two-step/confirm" => confirm_setup, SignedIn;
    post "/account/two-step/recovery" => renew_recovery, SignedIn;
    post "/account/two-step/off" => turn_off, SignedIn;
    post "/admin/staff/{id}/two-step/reset" => reset_staff, Admin;
    post "/filing/organisation/team/{id}/two-step/reset" => reset_colleague, OrgAdmin;
}

const PAGE: &str = "/account/two-step";

fn field_error(shape: CodeShape) -> FieldError {
    match shape {
        CodeShape::Empty => FieldError::Required,
        CodeShape::Malformed => FieldError::CodeMalformed,
    }
}

/// POST /login/two-step: the code (or a recovery code) of a sign-in whose password was right.
/// Throttled like passwords, per account and address and per address; a code is accepted
/// once; a sign-in not finished within five minutes starts again.
pub async fn second_step(State(state): State<AppState>, session: Session, form: PostedForm) -> Answer {
    let at = state.clock.now();
    let Some(pending) = signed_in::pending(&session, at).await else {
        return Ok(see_other("/login?expired=1"));
    };
    let factor = rules::parse_factor(&form.get("code"))
        .map_err(|shape| form.invalid(None, FieldErrors::one("code", field_error(shape))))?;
    let user = UserId(pending.user);
    let address = form.parts.extensions.get::<ClientAddr>().map(|c| c.0.to_string()).unwrap_or_default();
    let pair_key = format!("second:{}|{address}", user.0);
    let keys = [pair_key.clone(), format!("address:{address}"), format!("second-account:{}", user.0)];
    let claim = throttle::claim(&state.db, &keys, at).await.map_err(AppError::internal)?;
    let counts = app::domain::sign_in::AttemptCounts {
        pair: claim.counts[0],
        address: claim.counts[1],
        account: claim.counts[2],
    };
    let account = users::account(&state.db, user).await.map_err(AppError::internal)?;
    let t = two_step::of(&state.db, user).await?;
    match app::domain::sign_in::decide(counts) {
        app::domain::sign_in::Decision::Refuse => {
            audit_sign_in(&state, Some(user), AuditAction::SignInThrottled, &t.email, &address, step_detail()).await;
            return Err(form.refuse(None, FormProblem::LoginThrottled, StatusCode::TOO_MANY_REQUESTS));
        }
        app::domain::sign_in::Decision::Evaluate { delay_ms } if delay_ms > 0 => {
            tokio::time::sleep(std::time::Duration::from_millis(delay_ms)).await;
        }
        app::domain::sign_in::Decision::Evaluate { .. } => {}
    }
    // disabled, or the password changed since it was typed: start again
    let holds = account.is_some_and(|a| !a.disabled && a.session_epoch == pending.epoch);
    let Some(secret) = t.secret.clone().filter(|_| holds) else {
        session.flush().await.map_err(AppError::internal)?;
        return Ok(see_other("/login?expired=1"));
    };
    let how = match factor {
        SecondFactor::Code(code) => match totp::matching_step(&secret, &code, at.0, t.last_step) {
            Some(step) if two_step::accept_step(&state.db, user, &secret, step).await? => Some("app"),
            _ => None,
        },
        SecondFactor::Recovery(code) => {
            let hash = totp::recovery_hash(user.0, &code);
            two_step::use_recovery(&state.db, user, &hash, at).await?.map(|_| "recovery_code")
        }
    };
    let Some(how) = how else {
        audit_sign_in(&state, Some(user), AuditAction::SecondStepFailed, &t.email, &address, step_detail()).await;
        return Err(form.invalid(None, FieldErrors::one("code", FieldError::WrongCode)));
    };
    if let Err(e) = throttle::succeeded(&state.db, &claim, &pair_key, at).await {
        tracing::error!(user.id = %user, error = %e, "clearing two-step failures failed");
    }
    // after a recovery code, the person sees how many are left and how to replace the phone
    let next = if how == "recovery_code" { format!("{PAGE}?recovery_used=1") } else { pending.next };
    let detail = serde_json::json!({ "address": address, "second_step": how });
    complete_sign_in(&state, &session, &form, user, pending.epoch, (&t.email, detail), &next).await
}

fn step_detail() -> serde_json::Value {
    serde_json::json!({ "step": "two_step" })
}

fn signed_in_caller(form: &PostedForm) -> Result<Caller, AppError> {
    form.parts.extensions.get::<Caller>().cloned().ok_or(AppError::Forbidden)
}

/// The current password, asked again before two-step verification is changed once it is on
/// (a session left open must not be enough to move the second step to another phone).
async fn confirm_password(state: &AppState, form: &PostedForm, user: UserId, field: &str) -> Result<(), AppError> {
    let (hash, _) = users::password_of(&state.db, user).await?;
    if state.hasher.verify(form.get(field), Some(hash)).await {
        Ok(())
    } else {
        Err(form.invalid(Some(PAGE), FieldErrors::one(field, FieldError::WrongPassword)))
    }
}

/// GET /account/two-step/qr.svg: the QR code of the key being set up (never cached).
pub async fn qr_code(State(state): State<AppState>, req: axum::extract::Request) -> Answer {
    let caller = req.extensions().get::<Caller>().cloned().ok_or(AppError::Forbidden)?;
    let t = two_step::of(&state.db, caller.user_id).await?;
    let live = t.setup_at.is_some_and(|at| state.clock.now().0 - at < rules::SETUP_SECS);
    let secret = t.setup_secret.filter(|_| live).ok_or(AppError::NotFound)?;
    let svg = totp::otpauth_url(&secret, &t.email)
        .and_then(|url| totp::qr_svg(&url))
        .ok_or_else(|| AppError::internal(std::io::Error::other("the set-up key does not make a QR code")))?;
    Response::builder()
        .header(header::CONTENT_TYPE, "image/svg+xml")
        .header(header::CACHE_CONTROL, "private, no-store")
        .body(Body::from(svg))
        .map_err(AppError::internal)
}

/// POST /account/two-step/start: shows a new key to set up. Once it is on, the password is
/// asked first (moving to another app).
pub async fn start_setup(State(state): State<AppState>, form: PostedForm) -> Answer {
    let caller = signed_in_caller(&form)?;
    let t = two_step::of(&state.db, caller.user_id).await?;
    if t.secret.is_some() {
        confirm_password(&state, &form, caller.user_id, "password_replace").await?;
    }
    two_step::begin_setup(&state.db, caller.user_id, &totp::new_secret(), state.clock.now()).await?;
    Ok(see_other(&format!("{PAGE}#setup")))
}

/// POST /account/two-step/confirm: a code from the new app turns two-step verification on
/// (or moves it to the new app) and makes recovery codes, shown on the answer this once.
pub async fn confirm_setup(State(state): State<AppState>, form: PostedForm) -> Answer {
    let caller = signed_in_caller(&form)?;
    let at = state.clock.now();
    let t = two_step::of(&state.db, caller.user_id).await?;
    let live = t.setup_at.is_some_and(|s| at.0 - s < rules::SETUP_SECS);
    let Some(secret) = t.setup_secret.filter(|_| live) else {
        return Ok(see_other(PAGE));
    };
    let code = rules::parse_app_code(&form.get("code"))
        .map_err(|shape| form.invalid(Some(PAGE), FieldErrors::one("code", field_error(shape))))?;
    let Some(step) = totp::matching_step(&secret, &code, at.0, None) else {
        return Err(form.invalid(Some(PAGE), FieldErrors::one("code", FieldError::WrongCode)));
    };
    let codes = totp::new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| totp::recovery_hash(caller.user_id.0, c)).collect();
    if !two_step::confirm_setup(&state.db, caller.user_id, &secret, step, &hashes, at).await? {
        return Err(form.refuse(Some(PAGE), FormProblem::CaseStateChanged, StatusCode::CONFLICT));
    }
    Ok(with_fresh_codes(&state, form, codes, "enabled").await)
}

/// POST /account/two-step/recovery: new recovery codes (the password first); every earlier
/// one is void.
pub async fn renew_recovery(State(state): State<AppState>, form: PostedForm) -> Answer {
    let caller = signed_in_caller(&form)?;
    confirm_password(&state, &form, caller.user_id, "password_recovery").await?;
    let codes = totp::new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| totp::recovery_hash(caller.user_id.0, c)).collect();
    two_step::renew_recovery(&state.db, caller.user_id, &hashes, state.clock.now()).await?;
    Ok(with_fresh_codes(&state, form, codes, "codes").await)
}

/// The two-step page, answering the post that made `codes`: they are in this response only
/// (a reload posts again and is refused, so they are never shown twice).
async fn with_fresh_codes(state: &AppState, form: PostedForm, codes: Vec<String>, saved: &str) -> Response {
    let printed: Vec<String> = codes.iter().map(|c| rules::format_recovery(c)).collect();
    let path = format!("{PAGE}?{saved}=1");
    let mut parts = form.parts;
    match path.parse() {
        Ok(uri) => parts.uri = uri,
        Err(e) => tracing::error!(error = %e, "the two-step page has no valid address"),
    }
    let mut resp =
        super::render::render_page_with(state, parts, app::api::FormEcho::default(), FreshRecoveryCodes(printed)).await;
    resp.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("private, no-store"));
    resp.into_response()
}

/// POST /account/two-step/off: where the role allows it, the person turns it off (the
/// password first).
pub async fn turn_off(State(state): State<AppState>, form: PostedForm) -> Answer {
    let caller = signed_in_caller(&form)?;
    if !rules::may_turn_off(caller.role) {
        return Err(form.refuse(Some(PAGE), FormProblem::TwoStepRequired, StatusCode::CONFLICT));
    }
    confirm_password(&state, &form, caller.user_id, "password_off").await?;
    two_step::turn_off(&state.db, caller.user_id, state.clock.now()).await?;
    Ok(see_other(&format!("{PAGE}?off=1")))
}

/// POST /admin/staff/{id}/two-step/reset: the system administrator resets a ministry
/// account's two-step verification (its sessions end).
pub async fn reset_staff(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    let cap = super::admin(&form.parts.extensions)?;
    two_step::reset(&state.db, ResetBy::Admin(&cap), id, state.clock.now()).await?;
    Ok(see_other("/admin/staff?reset=1"))
}

/// POST /filing/organisation/team/{id}/two-step/reset: an organisation admin resets a
/// colleague's two-step verification (their sessions end).
pub async fn reset_colleague(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    let cap = super::org_admin(&form.parts.extensions)?;
    two_step::reset(&state.db, ResetBy::OrgAdmin(&cap), id, state.clock.now()).await?;
    Ok(see_other("/filing/organisation?reset=1#team-title"))
}
