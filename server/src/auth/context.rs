//! Per-request context middleware: resolves the language, the signed-in person and the
//! anti-forgery token once, and puts them into request extensions for pages, server
//! functions and handlers. Also sends signed-out visitors of work areas to sign-in, holds a
//! person with a first password at the password page and one whose role requires two-step
//! verification at its set-up until it is on, audits refusals and sets the headers every
//! response carries.

use app::domain::audit::AuditAction;
use std::net::SocketAddr;

use app::domain::ids::UserId;
use app::domain::zone::UserZone;
use app::i18n::Lang;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use crate::auth::client_addr::{self, ClientAddr};
use crate::auth::{csrf, signed_in};
use crate::state::AppState;
use crate::storage::audit::{self, AuditEntry};

/// A query parameter's value (`?lang=en`), if present.
fn query_param<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.uri().query()?.split('&').find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
}

/// A cookie's value, if present.
pub fn cookie<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
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

#[derive(Clone, Copy)]
enum Area {
    Filing,
    Review,
    Account,
    Admin,
}

/// Paths a person whose role requires two-step verification may reach before setting it up:
/// the set-up page, its forms and its server functions, signing out, assets.
fn allowed_before_two_step(path: &str) -> bool {
    path == "/account/two-step"
        || path.starts_with("/account/two-step/")
        || path == "/_fn/my_two_step"
        || path == "/_fn/session_info"
        || path == "/logout"
        || path == "/favicon.svg"
        || path.starts_with("/pkg/")
        || path == "/healthz"
        || path == "/readyz"
}

/// Paths a person who must change their first password may still reach.
fn allowed_before_password_change(path: &str) -> bool {
    path == "/account/password"
        || path == "/logout"
        || path.starts_with("/pkg/")
        || path == "/healthz"
        || path == "/readyz"
}

pub async fn middleware(State(state): State<AppState>, session: Session, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let asked = query_param(&req, "lang").and_then(Lang::parse);
    let lang = asked.or_else(|| cookie(req.headers(), "lang").and_then(Lang::parse)).unwrap_or_default();
    let asked_zone = zone_from_query(&req);
    let zone = asked_zone.or_else(|| cookie(req.headers(), "tz").and_then(UserZone::parse)).unwrap_or_default();
    let signed = signed_in::current(&state, &session, state.clock.now()).await;
    let must_change_password = signed.as_ref().is_some_and(|(a, _)| a.must_change_password);
    let must_set_up_two_step =
        signed.as_ref().is_some_and(|(a, _)| a.two_step == app::domain::two_step::Standing::Missing);
    // The second step's page makes sense only while a sign-in awaits it.
    if path == "/login/two-step"
        && req.method() == axum::http::Method::GET
        && signed_in::pending(&session, state.clock.now()).await.is_none()
    {
        let to = if signed.is_some() { "/" } else { "/login?expired=1" };
        return finish(Redirect::to(to).into_response(), true);
    }
    if let Some((_, row)) = &signed {
        req.extensions_mut().insert(app::api::CurrentSession(*row));
    }
    // E-mails reach each person in the language they last used here.
    if let Some((account, _)) = signed.as_ref().filter(|(a, _)| a.lang != lang) {
        if let Err(e) = crate::storage::notifications::set_language(&state.db, account.caller.user_id, lang).await {
            tracing::error!(error = %e, "remembering the language failed");
        }
    }
    if let Some((account, _)) = &signed {
        req.extensions_mut().insert(app::api::UnreadNotifications(account.unread));
    }
    let caller = signed.map(|(a, _)| a.caller);
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let client = peer.map(|p| ClientAddr(client_addr::resolve(p, req.headers(), &state.config.trusted_proxies)));
    if let Some(c) = client {
        req.extensions_mut().insert(c);
    }
    req.extensions_mut().insert(lang);
    req.extensions_mut().insert(zone);

    // Work areas need a signed-in person with the area's capability. Each operation checks
    // its capability again; this gate gives a clear page instead of an empty one.
    let area = if path == "/filing" || path.starts_with("/filing/") {
        Some(Area::Filing)
    } else if path == "/review" || path.starts_with("/review/") {
        Some(Area::Review)
    } else if path.starts_with("/account/") {
        Some(Area::Account)
    } else if path == "/admin" || path.starts_with("/admin/") {
        Some(Area::Admin)
    } else {
        None
    };
    // Static assets (the application's script, styles) carry nothing personal and must stay
    // cacheable for signed-in people too.
    let sensitive = !path.starts_with("/pkg/")
        && (area.is_some()
            || caller.is_some()
            || csrf::is_sign_in_form(&path)
            || path.starts_with("/_fn/")
            || path.starts_with("/api/"));
    let refused = match (area, &caller) {
        (Some(_), None) => return finish(Redirect::to(&sign_in_then(&req)).into_response(), true),
        (Some(area), Some(c)) => !match area {
            Area::Filing if path == "/filing/new" => c.operator().is_some_and(|o| o.can_file()),
            Area::Filing => c.operator().is_some(),
            Area::Review => c.reviewer().is_some(),
            Area::Account => true,
            Area::Admin => c.admin().is_some(),
        },
        (None, _) => false,
    };
    if must_change_password && !allowed_before_password_change(&path) {
        return finish(Redirect::to("/account/password?first=1").into_response(), true);
    }
    if must_set_up_two_step && !allowed_before_two_step(&path) {
        return finish(Redirect::to("/account/two-step").into_response(), true);
    }
    let user = caller.as_ref().map(|c| c.user_id);
    // Signed-in sessions keep their token; the anonymous sign-in form gets a cookie token
    // (no session row for anonymous visitors).
    let mut login_token = None;
    let token = if caller.is_some() {
        csrf::token(&session, true).await
    } else if csrf::is_sign_in_form(&path) {
        let existing = cookie(req.headers(), csrf::LOGIN_COOKIE).filter(|t| csrf::is_token(t)).map(str::to_string);
        let t = existing.clone().unwrap_or_else(csrf::new_token);
        login_token = existing.is_none().then(|| t.clone());
        Some(t)
    } else {
        None
    };
    if let Some(c) = caller {
        req.extensions_mut().insert(c);
    }
    if let Some(t) = token {
        req.extensions_mut().insert(app::api::CsrfToken(t));
    }
    let resp = if refused {
        let (parts, _) = req.into_parts();
        crate::http::error::render(&state, parts, crate::http::AppError::Forbidden).await
    } else {
        let mut resp = next.run(req).await;
        let secure = if state.config.secure_cookies() { "; Secure" } else { "" };
        let mut cookies: Vec<String> = [asked.map(|l| ("lang", l.code())), asked_zone.map(|z| ("tz", z.iana()))]
            .into_iter()
            .flatten()
            .map(|(name, value)| format!("{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax{secure}"))
            .collect();
        if let Some(t) = login_token {
            cookies.push(format!(
                "{}={t}; Path=/login; Max-Age=3600; HttpOnly; SameSite=Strict{secure}",
                csrf::LOGIN_COOKIE
            ));
        }
        for c in cookies {
            if let Ok(v) = HeaderValue::from_str(&c) {
                resp.headers_mut().append(header::SET_COOKIE, v);
            }
        }
        resp
    };
    if resp.status() == StatusCode::FORBIDDEN {
        audit_refusal(&state, user, &path, client).await;
    }
    finish(resp, sensitive)
}

/// The sign-in page, asked to come back to this address afterwards (for a page read; a post
/// cannot be repeated by a redirect, so it comes back to the sign-in page alone).
fn sign_in_then(req: &Request) -> String {
    let wanted = req.uri().path_and_query().map_or("/", |p| p.as_str());
    match (req.method() == axum::http::Method::GET, app::domain::sign_in::return_path(wanted)) {
        (true, Some(path)) => {
            let encoded: String = app::domain::url::url_encode(path);
            format!("/login?next={encoded}")
        }
        _ => "/login".to_string(),
    }
}

/// Records a refused (403) request: who, what, from where.
async fn audit_refusal(state: &AppState, user: Option<UserId>, path: &str, client: Option<ClientAddr>) {
    let address = client.map(|c| c.0.to_string()).unwrap_or_default();
    let entry = AuditEntry {
        at: state.clock.now(),
        actor: user,
        org: None,
        action: AuditAction::AccessRefused,
        subject: path,
        detail: serde_json::json!({ "address": address }),
    };
    if let Err(e) = audit::record(&state.db, entry).await {
        tracing::error!(error = %e, path, "recording a refused request failed");
    }
}

/// Headers every response carries. `sensitive`: work pages carry other organisations'
/// confidential filings, anything shown to a signed-in person may carry their name or token,
/// the sign-in page carries a token, server functions answer for a person: never cached.
fn finish(mut resp: Response, sensitive: bool) -> Response {
    let headers = resp.headers_mut();
    if sensitive {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    crate::http::csp::ensure_policy(headers);
    resp
}
