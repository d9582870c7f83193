//! Per-request context middleware: resolves the language, the signed-in person and the
//! anti-forgery token once, and puts them into request extensions for pages, server
//! functions and handlers. Also sends signed-out visitors of work areas to sign-in.

use app::domain::auth::Caller;
use app::domain::ids::UserId;
use app::domain::zone::UserZone;
use app::i18n::Lang;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use crate::auth::csrf;
use crate::state::AppState;
use crate::storage::users;

/// Session key of the signed-in user's id.
pub const USER_KEY: &str = "user_id";

/// A query parameter's value (`?lang=en`), if present.
fn query_param<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.uri().query()?.split('&').find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
}

/// A cookie's value, if present.
fn cookie<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(name)?.strip_prefix('='))
}

/// The time zone asked for in `?tz=` (URL-encoded IANA name), if any.
fn zone_from_query(req: &Request) -> Option<UserZone> {
    query_param(req, "tz").map(|v| v.replace("%2F", "/").replace("%2f", "/")).and_then(|v| UserZone::parse(&v))
}

/// Loads the person signed in to this session, if any.
pub async fn current_caller(state: &AppState, session: &Session) -> Option<Caller> {
    let id = session.get::<i64>(USER_KEY).await.ok().flatten()?;
    match users::caller(&state.db, UserId(id)).await {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "loading the signed-in user failed");
            None
        }
    }
}

#[derive(Clone, Copy)]
enum Area {
    Filing,
    Review,
    Account,
}

pub async fn middleware(State(state): State<AppState>, session: Session, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let asked = query_param(&req, "lang").and_then(Lang::parse);
    let lang = asked.or_else(|| cookie(&req, "lang").and_then(Lang::parse)).unwrap_or_default();
    let asked_zone = zone_from_query(&req);
    let zone = asked_zone.or_else(|| cookie(&req, "tz").and_then(UserZone::parse)).unwrap_or_default();
    let caller = current_caller(&state, &session).await;

    // Work areas need a signed-in person with the area's capability. Each operation checks
    // its capability again; this gate gives a clear page instead of an empty one.
    let area = if path == "/filing" || path.starts_with("/filing/") {
        Some(Area::Filing)
    } else if path == "/review" || path.starts_with("/review/") {
        Some(Area::Review)
    } else if path.starts_with("/account/") {
        Some(Area::Account)
    } else {
        None
    };
    if let Some(area) = area {
        let Some(c) = &caller else { return Redirect::to("/login").into_response() };
        let allowed = match area {
            Area::Filing if path == "/filing/new" => c.operator().is_some_and(|o| o.can_file()),
            Area::Filing => c.operator().is_some(),
            Area::Review => c.reviewer().is_some(),
            Area::Account => true,
        };
        if !allowed {
            req.extensions_mut().insert(lang);
            let (parts, _) = req.into_parts();
            return crate::http::forbidden(&parts);
        }
    }
    // Only sessions that will post forms get a token (no session rows for public readers).
    let needs_token = caller.is_some() || path == "/login";
    let token = csrf::token(&session, needs_token).await;

    req.extensions_mut().insert(lang);
    req.extensions_mut().insert(zone);
    if let Some(c) = caller {
        req.extensions_mut().insert(c);
    }
    if let Some(t) = token {
        req.extensions_mut().insert(app::api::CsrfToken(t));
    }
    let mut resp = next.run(req).await;
    let headers = resp.headers_mut();
    let secure = if state.config.secure_cookies() { "; Secure" } else { "" };
    let remembered = [asked.map(|l| ("lang", l.code())), asked_zone.map(|z| ("tz", z.iana()))];
    for (name, value) in remembered.into_iter().flatten() {
        let cookie = format!("{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax{secure}");
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            headers.append(header::SET_COOKIE, v);
        }
    }
    // Work pages carry other organisations' confidential filings: never cache them anywhere.
    if area.is_some() {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    resp
}
