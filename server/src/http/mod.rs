//! Plain HTTP handlers: form posts, PDF downloads, health checks. Each is thin: check the
//! token and capability, validate with the domain rules, call one storage operation.

pub mod account;
pub mod answers;
pub mod case;
pub mod csp;
pub mod decision_pdf;
pub mod drafting;
pub mod evidence;
pub mod health;
pub mod organisation;
pub mod pdf;
pub mod render;
pub mod routes;

use app::api::FormEcho;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::Response;

use crate::state::AppState;

/// Signed in, but without the capability this request needs.
pub fn forbidden(parts: &Parts) -> Response {
    use app::i18n::Msg;
    render::message_page(parts, StatusCode::FORBIDDEN, Msg::ForbiddenTitle, Msg::ForbiddenBody)
}

/// The not-found page (rendered by the app, which sets status 404 itself).
pub async fn not_found(state: &AppState, mut parts: Parts) -> Response {
    parts.uri = axum::http::Uri::from_static("/not-found");
    render::render_page(state, parts, FormEcho::default(), StatusCode::NOT_FOUND).await
}

/// Any address that is neither a route nor a static file.
pub async fn not_found_fallback(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
) -> Response {
    let (parts, _) = req.into_parts();
    not_found(&state, parts).await
}
