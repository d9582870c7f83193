//! Form plumbing shared by the post handlers: reading the body, checking the anti-forgery
//! token, and showing a rejected form again with everything the person typed.

use std::collections::BTreeMap;

use app::api::{FormEcho, FormProblem};
use app::domain::validation::FieldErrors;
use axum::body::Body;
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use tower_sessions::Session;

use super::error::AppError;
use crate::auth::csrf;
use crate::state::AppState;

/// Largest form body accepted: a section with three 10 000-character answers in Hangul is
/// about 270 KB URL-encoded.
const MAX_FORM_BYTES: usize = 1024 * 1024;
/// Beyond this a body is not even read to its end (the connection is closed).
const DRAIN_BYTES: usize = 32 * 1024 * 1024;
/// Most fields one form may post: a section with 200 rows of four columns is about 850.
const MAX_FORM_FIELDS: usize = 4_000;

/// A posted form: its fields and the request parts to render the page again with.
pub struct PostedForm {
    pub parts: Parts,
    pub fields: BTreeMap<String, String>,
}

impl PostedForm {
    /// The values to echo back, without the token, any password field or a one-time code.
    pub fn echo_values(&self) -> BTreeMap<String, String> {
        self.fields
            .iter()
            .filter(|(k, _)| *k != csrf::FIELD && !k.contains("password") && *k != "code")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// The time zone the person typed times in (chosen in the footer).
    pub fn zone(&self) -> app::domain::zone::UserZone {
        self.parts.extensions.get::<app::domain::zone::UserZone>().copied().unwrap_or_default()
    }

    pub fn get(&self, k: &str) -> String {
        self.fields.get(k).cloned().unwrap_or_default()
    }
}

/// The fields named `{name}{suffix}`, under their plain names: one of several copies of a form
/// on a page (one per request or item, told apart by the suffix).
pub fn scoped(fields: &BTreeMap<String, String>, suffix: &str) -> BTreeMap<String, String> {
    fields.iter().filter_map(|(k, v)| k.strip_suffix(suffix).map(|plain| (plain.to_string(), v.clone()))).collect()
}

/// Errors found on plain names, put back on the suffixed names the page uses.
pub fn suffixed(errors: FieldErrors, suffix: &str) -> FieldErrors {
    FieldErrors(errors.0.into_iter().map(|(k, e)| (format!("{k}{suffix}"), e)).collect())
}

/// Extracting a `PostedForm` reads the body and checks the anti-forgery token; handlers
/// only ever see verified forms.
impl axum::extract::FromRequest<AppState> for PostedForm {
    type Rejection = AppError;

    async fn from_request(req: Request, _state: &AppState) -> Result<Self, AppError> {
        // The session layer wraps every route; its absence is a wiring fault.
        let session = req
            .extensions()
            .get::<Session>()
            .cloned()
            .ok_or_else(|| AppError::internal(std::io::Error::other("no session layer around a form route")))?;
        read_form(&session, req).await
    }
}

/// Reads a body of at most [`MAX_FORM_BYTES`]; `None` if it is larger. A larger body is
/// still read to its end (up to [`DRAIN_BYTES`]) and thrown away, so the sender gets the
/// translated "too large" page instead of a connection closed while it was still writing.
async fn read_bounded(body: Body) -> Option<Vec<u8>> {
    use http_body_util::BodyExt;
    let mut body = body;
    let (mut kept, mut seen, mut over) = (Vec::new(), 0usize, false);
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame.map(|f| f.into_data()) else { return None };
        let Ok(chunk) = data else { continue };
        seen += chunk.len();
        if seen > DRAIN_BYTES {
            return None;
        }
        if !over && kept.len() + chunk.len() > MAX_FORM_BYTES {
            over = true;
            kept = Vec::new();
        }
        if !over {
            kept.extend_from_slice(&chunk);
        }
    }
    (!over).then_some(kept)
}

/// Reads a url-encoded form and checks its anti-forgery token. A missing or wrong token
/// shows the form again (status 403) with what was typed, asking to submit again.
async fn read_form(session: &Session, req: Request) -> Result<PostedForm, AppError> {
    let (parts, body) = req.into_parts();
    let bytes = read_bounded(body).await.ok_or(AppError::TooLarge)?;
    // A repeated name (ticked boxes of one question) becomes one comma-separated value.
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    if pairs.len() > MAX_FORM_FIELDS {
        return Err(AppError::TooLarge);
    }
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    for (k, v) in pairs {
        fields
            .entry(k)
            .and_modify(|old| {
                old.push(',');
                old.push_str(&v);
            })
            .or_insert(v);
    }
    let form = PostedForm { parts, fields };
    let login_cookie = csrf::is_sign_in_form(form.parts.uri.path())
        .then(|| crate::auth::context::cookie(&form.parts.headers, csrf::LOGIN_COOKIE))
        .flatten();
    let verified = csrf::verify(session, &form.fields).await || csrf::verify_login(login_cookie, &form.fields);
    if !verified {
        tracing::warn!(path = %form.parts.uri.path(), "form post without a valid anti-forgery token");
        return Err(form.refuse(None, FormProblem::FormExpired, StatusCode::FORBIDDEN));
    }
    Ok(form)
}

impl PostedForm {
    /// The form again at `page` (`None`: the posted address), with a problem about all of it.
    pub fn refuse(&self, page: Option<&str>, problem: FormProblem, status: StatusCode) -> AppError {
        let echo = FormEcho { values: self.echo_values(), errors: FieldErrors::default(), problem: Some(problem) };
        AppError::form(page, echo, status)
    }

    /// The form again at `page` with field errors (status 422).
    pub fn invalid(&self, page: Option<&str>, errors: FieldErrors) -> AppError {
        let echo = FormEcho { values: self.echo_values(), errors, problem: None };
        AppError::form(page, echo, StatusCode::UNPROCESSABLE_ENTITY)
    }
}

/// Renders the page at the request's path with a form echo, fully (not streamed).
pub async fn render_page(state: &AppState, parts: Parts, echo: FormEcho, status: StatusCode) -> Response {
    let mut resp = render_page_with(state, parts, echo, ()).await;
    if resp.status().is_success() {
        *resp.status_mut() = status;
    }
    resp
}

/// Renders the page at the request's path with a form echo and `extra` in its context (what
/// a post made for this answer only, such as recovery codes shown once).
pub async fn render_page_with<C>(state: &AppState, parts: Parts, echo: FormEcho, extra: C) -> Response
where
    C: Clone + Send + Sync + 'static,
{
    let desks = crate::leptos_context(state);
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            desks();
            provide_context(echo.clone());
            provide_context(extra.clone());
        },
        move || app::shell(options.clone()),
    );
    handler(Request::from_parts(parts, Body::empty())).await
}

/// Renders the page at `path` (not the posted address) with a form echo: for posts whose
/// form lives on another page, such as submission from "check your answers".
pub async fn render_at(state: &AppState, mut parts: Parts, path: &str, echo: FormEcho, status: StatusCode) -> Response {
    match path.parse() {
        Ok(uri) => {
            parts.uri = uri;
            render_page(state, parts, echo, status).await
        }
        Err(e) => {
            tracing::error!(error = %e, path, "a form's page has no valid address");
            super::error::failure_page(state, parts).await
        }
    }
}

/// Renders the error page `notice` in the site's shell, at the request's address.
pub async fn render_with_notice(state: &AppState, parts: Parts, notice: app::api::ErrorNotice) -> Response {
    let desks = crate::leptos_context(state);
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            desks();
            provide_context(notice);
        },
        move || app::shell(options.clone()),
    );
    handler(Request::from_parts(parts, Body::empty())).await
}

/// A "see other" redirect, the answer to a successful form post.
pub fn see_other(to: &str) -> Response {
    axum::response::Redirect::to(to).into_response()
}
