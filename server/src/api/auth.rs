//! Who is calling the API: a personal token in `Authorization: Bearer …` (cookies are never
//! read here, so a browser cannot be made to call the API with someone's session), checked on
//! every request against its person's account as it is now; and how often: per-token and
//! per-address rate limits, answered `429` with `Retry-After`.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use app::domain::api_token::{self, Scope};
use app::domain::auth::{Caller, OperatorCap, ReviewerCap};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock as _, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::problem::ApiError;
use crate::state::AppState;
use crate::storage::api_tokens::{self, StoredToken};
use crate::storage::users;

/// The state of the API's middleware: the application's, and the rate limiters.
#[derive(Clone)]
pub struct ApiState {
    pub app: AppState,
    pub limits: Arc<RateLimits>,
}

/// Requests per minute, per token and per client address (public endpoints), on this instance.
pub struct RateLimits {
    tokens: DefaultKeyedRateLimiter<i64>,
    addresses: DefaultKeyedRateLimiter<IpAddr>,
}

/// Keys kept before forgetting those whose allowance has refilled.
const KEYS_KEPT: usize = 10_000;

impl RateLimits {
    /// `per_minute` requests a minute, all of which may come at once.
    pub fn new(per_minute: u32) -> RateLimits {
        let n = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::per_minute(n).allow_burst(n);
        RateLimits { tokens: RateLimiter::keyed(quota), addresses: RateLimiter::keyed(quota) }
    }

    fn check<K: std::hash::Hash + Eq + Clone>(limiter: &DefaultKeyedRateLimiter<K>, key: &K) -> Result<(), ApiError> {
        if limiter.len() > KEYS_KEPT {
            limiter.retain_recent();
        }
        limiter.check_key(key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::RateLimited(wait.as_secs().max(1))
        })
    }
}

/// The caller of an authenticated request: the token and the person as they are now.
#[derive(Clone, Debug)]
pub struct ApiCaller {
    pub token: StoredToken,
    pub caller: Caller,
    scopes: Vec<Scope>,
}

impl ApiCaller {
    /// Refuses unless the token has `scope`; records the scope's first use.
    async fn require(&self, state: &AppState, scope: Scope) -> Result<(), ApiError> {
        if !self.scopes.contains(&scope) {
            return Err(ApiError::InsufficientScope(scope));
        }
        if let Err(e) =
            api_tokens::note_scope_used(&state.db, &self.token, &self.caller, scope, state.clock.now()).await
        {
            tracing::error!(token.id = self.token.id, error = %e, "recording a scope's first use failed");
        }
        Ok(())
    }

    /// Reading the caller's own organisation's records (`read`).
    pub async fn reader(&self, state: &AppState) -> Result<OperatorCap, ApiError> {
        self.require(state, Scope::Read).await?;
        self.caller.operator().ok_or(ApiError::Forbidden)
    }

    /// Opening incidents, editing drafts, answering the ministry (`file`; officers and signatories).
    pub async fn filer(&self, state: &AppState) -> Result<OperatorCap, ApiError> {
        self.require(state, Scope::File).await?;
        self.caller.operator().filter(OperatorCap::can_file).ok_or(ApiError::Forbidden)
    }

    /// Submitting a draft (`submit`; authorised signatories).
    pub async fn signatory(&self, state: &AppState) -> Result<OperatorCap, ApiError> {
        self.require(state, Scope::Submit).await?;
        self.caller.operator().filter(OperatorCap::can_sign).ok_or(ApiError::Forbidden)
    }

    /// The ministry's queue and cases (`ministry_read`; reviewers and leads).
    pub async fn reviewer(&self, state: &AppState) -> Result<ReviewerCap, ApiError> {
        self.require(state, Scope::MinistryRead).await?;
        self.caller.reviewer().ok_or(ApiError::Forbidden)
    }
}

/// The client's address (behind a trusted proxy: the one it names).
fn client_of(state: &AppState, req: &Request) -> Option<IpAddr> {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())?;
    Some(crate::auth::client_addr::resolve(peer, req.headers(), &state.config.trusted_proxies))
}

/// Middleware of the public endpoints: the per-address rate limit.
pub async fn limit_address(State(api): State<ApiState>, req: Request, next: Next) -> Response {
    if let Some(addr) = client_of(&api.app, &req) {
        if let Err(e) = RateLimits::check(&api.limits.addresses, &addr) {
            return e.into_response();
        }
    }
    next.run(req).await
}

/// Middleware of the token endpoints: a valid token of a person whose account and role are as
/// they were when it was made, within its rate limit. Puts the [`ApiCaller`] in the request.
pub async fn authenticate(State(api): State<ApiState>, mut req: Request, next: Next) -> Response {
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_string());
    let caller = match presented {
        Some(token) => identify(&api.app, &token).await,
        None => Err(ApiError::Unauthorized),
    };
    let caller = match caller {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    if let Err(e) = RateLimits::check(&api.limits.tokens, &caller.token.id) {
        return e.into_response();
    }
    if let Err(e) = api_tokens::touch(&api.app.db, &caller.token, api.app.clock.now()).await {
        tracing::error!(token.id = caller.token.id, error = %e, "recording a token's use failed");
    }
    req.extensions_mut().insert(caller);
    next.run(req).await
}

/// The person behind `token`, or `Unauthorized` for any reason it does not hold (the reasons
/// look alike to the caller, and are logged).
async fn identify(state: &AppState, token: &str) -> Result<ApiCaller, ApiError> {
    let prefix = api_token::prefix_of(token).ok_or(ApiError::Unauthorized)?;
    let stored = api_tokens::by_prefix(&state.db, prefix).await?.ok_or(ApiError::Unauthorized)?;
    if !super::token::matches(token, &stored.token_sha256) {
        return Err(ApiError::Unauthorized);
    }
    let now = state.clock.now();
    if stored.revoked_at.is_some() || stored.expires_at <= now.0 {
        tracing::info!(token.id = stored.id, "API token refused: revoked or expired");
        return Err(ApiError::Unauthorized);
    }
    let account = users::account(&state.db, app::domain::ids::UserId(stored.user_id))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::Unauthorized)?;
    let same_role = account.caller.role.as_str() == stored.role && account.caller.org_id.map(|o| o.0) == stored.org_id;
    if account.disabled || !same_role {
        tracing::info!(token.id = stored.id, "API token refused: the account is disabled or its role changed");
        return Err(ApiError::Unauthorized);
    }
    let scopes = api_token::split(&stored.scopes);
    Ok(ApiCaller { token: stored, caller: account.caller, scopes })
}
