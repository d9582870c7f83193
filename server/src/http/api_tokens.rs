//! The account page's API-token forms: make a token (its text is in the answer to this post
//! only; the desk keeps its SHA-256) and revoke one.

use app::api::{FormProblem, FreshApiToken};
use app::domain::api_token;
use app::domain::auth::Caller;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};

use super::error::{Answer, AppError};
use super::render::{see_other, PostedForm};
use crate::state::AppState;
use crate::storage::{api_tokens, StorageError};

super::routes::route_table! {
    post "/account/api-tokens" => create, SignedIn;
    post "/account/api-tokens/{id}/revoke" => revoke, SignedIn;
}

const PAGE: &str = "/account/api-tokens";

fn signed_in(form: &PostedForm) -> Result<Caller, AppError> {
    form.parts.extensions.get::<Caller>().cloned().ok_or(AppError::Forbidden)
}

/// POST /account/api-tokens: a new token with the scopes ticked (`scope_read=yes`…).
pub async fn create(State(state): State<AppState>, form: PostedForm) -> Answer {
    let caller = signed_in(&form)?;
    let ticked: Vec<&str> =
        form.fields.iter().filter(|(_, v)| v.as_str() == "yes").filter_map(|(k, _)| k.strip_prefix("scope_")).collect();
    let new = api_token::check_new(caller.role, &form.get("name"), &ticked, &form.get("days"))
        .map_err(|errors| form.invalid(Some(PAGE), errors))?;
    let (token, prefix) = crate::api::token::generate();
    let hash = crate::api::token::hash(&token);
    match api_tokens::create(&state.db, &caller, &new, &prefix, &hash, state.clock.now()).await {
        Ok(_) => {}
        Err(StorageError::RecordLimit) => {
            return Err(form.refuse(Some(PAGE), FormProblem::ApiTokenLimit, StatusCode::CONFLICT));
        }
        Err(e) => return Err(e.into()),
    }
    tracing::info!(user.id = %caller.user_id, token.prefix = %prefix, "API token created");
    let mut parts = form.parts;
    match PAGE.parse() {
        Ok(uri) => parts.uri = uri,
        Err(e) => tracing::error!(error = %e, "the API-token page has no valid address"),
    }
    let mut resp =
        super::render::render_page_with(&state, parts, app::api::FormEcho::default(), FreshApiToken(token)).await;
    resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(resp)
}

/// POST /account/api-tokens/{id}/revoke: ends one of the person's own tokens.
pub async fn revoke(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    let caller = signed_in(&form)?;
    api_tokens::revoke(&state.db, &caller, id, state.clock.now()).await?;
    tracing::info!(user.id = %caller.user_id, token.id = id, "API token revoked");
    Ok(see_other(&format!("{PAGE}?revoked=1")))
}
