//! One error type at the HTTP edge. Handlers return `Result<Response, AppError>` and use `?`;
//! [`AppError`]'s response carries the error unrendered, and [`render_errors`] (a middleware
//! wrapping every route, with the request at hand) logs a failure once and draws the answer:
//! the translated page in the site's own shell for pages and form posts (a refused form comes
//! back with what was typed and the message beside its field), or an RFC 9457
//! `application/problem+json` body under `/api/`.

use std::sync::Arc;

use app::api::{ErrorNotice, FormEcho, FormProblem};
use app::domain::auth::Caller;
use app::i18n::{Lang, Msg};
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::render::PostedForm;
use crate::state::AppState;
use crate::storage::StorageError;
#[cfg(test)]
use app::domain::validation::FieldErrors;

/// Why a request was not done.
#[derive(Clone, Debug, thiserror::Error)]
pub enum AppError {
    /// Absent, or not the caller's to see: the two look alike on purpose.
    #[error("not found")]
    NotFound,
    /// Signed in without the capability this needs.
    #[error("forbidden")]
    Forbidden,
    /// The body sent is larger than any form of the site.
    #[error("form too large")]
    TooLarge,
    /// A post without a valid anti-forgery token, on an address with no page to show it on.
    #[error("form expired")]
    FormExpired,
    /// Refused with an explanation and no form to show it on (a stage that cannot be
    /// started, a file that cannot be sent).
    #[error("refused: {1:?}")]
    Refused(StatusCode, Msg),
    /// The form, shown again with what was typed and why it was refused.
    #[error("form refused")]
    Form(Box<Refusal>),
    /// A failure of the system. The cause is logged once; the person sees a generic page.
    #[error("internal error: {0}")]
    Internal(Arc<dyn std::error::Error + Send + Sync>),
}

/// What a handler answers: its response, or why not.
pub type Answer = Result<Response, AppError>;

/// A form shown again: on `page` (the posted address when `None`), with `echo`, as `status`.
#[derive(Clone, Debug)]
pub struct Refusal {
    pub page: Option<String>,
    pub echo: FormEcho,
    pub status: StatusCode,
}

impl AppError {
    /// A failure of the system, from any error.
    pub fn internal(e: impl std::error::Error + Send + Sync + 'static) -> AppError {
        AppError::Internal(Arc::new(e))
    }

    /// The form on `page` again with `echo`.
    pub fn form(page: Option<&str>, echo: FormEcho, status: StatusCode) -> AppError {
        AppError::Form(Box::new(Refusal { page: page.map(str::to_string), echo, status }))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::FormExpired => StatusCode::FORBIDDEN,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Form(r) => r.status,
            AppError::Refused(status, _) => *status,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The title and explanation shown for it (a refused form shows its own page instead).
    fn messages(&self) -> (Msg, Msg) {
        match self {
            AppError::NotFound => (Msg::NotFoundTitle, Msg::NotFoundBody),
            AppError::Forbidden => (Msg::ForbiddenTitle, Msg::ForbiddenBody),
            AppError::TooLarge => (Msg::ErrorTitle, Msg::FormTooLarge),
            AppError::FormExpired => (Msg::ErrorTitle, Msg::FormExpired),
            AppError::Refused(_, body) => (Msg::ErrorTitle, *body),
            AppError::Form(r) => (Msg::ErrorTitle, r.echo.problem.map(Msg::from).unwrap_or(Msg::ErrorSummaryTitle)),
            AppError::Internal(_) => (Msg::ErrorTitle, Msg::ErrorBody),
        }
    }
}

/// A storage outcome as the edge answers it when no form is there to show it on.
impl From<StorageError> for AppError {
    fn from(e: StorageError) -> AppError {
        match e {
            StorageError::NotFound => AppError::NotFound,
            StorageError::NotReviewLead | StorageError::NotOperatorRole => AppError::Forbidden,
            other => AppError::internal(other),
        }
    }
}

/// Turns a storage result into the handler's: a state the user can act on becomes the form
/// on `page` again, with what was typed and the problem; not-found and failures as
/// `From<StorageError>` says.
pub trait OrRefuse<T> {
    fn or_refuse(self, form: &PostedForm, page: &str) -> Result<T, AppError>;
}

impl<T> OrRefuse<T> for Result<T, StorageError> {
    fn or_refuse(self, form: &PostedForm, page: &str) -> Result<T, AppError> {
        self.map_err(|e| {
            let (problem, status) = match &e {
                StorageError::StaleRevision => (FormProblem::DraftChanged, StatusCode::CONFLICT),
                StorageError::NotReviewLead => (FormProblem::LeadOnly, StatusCode::FORBIDDEN),
                StorageError::DraftExists
                | StorageError::RequestClosed
                | StorageError::AlreadyAcknowledged
                | StorageError::ItemNotOpen
                | StorageError::ItemNotAwaitingVerification => (FormProblem::CaseStateChanged, StatusCode::CONFLICT),
                _ => return AppError::from(e),
            };
            form.refuse(Some(page), problem, status)
        })
    }
}

/// The error as it travels from the handler to [`render_errors`].
#[derive(Clone)]
struct Unrendered(AppError);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut resp = self.status().into_response();
        resp.extensions_mut().insert(Unrendered(self));
        resp
    }
}

/// Middleware: draws every [`AppError`] a handler (or extractor) answered with.
pub async fn render_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // Static files (the application's script and styles) never answer with an `AppError`:
    // they skip the copy of the request kept for drawing one.
    if req.uri().path().starts_with("/pkg/") {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let kept = parts.clone();
    let mut resp = next.run(Request::from_parts(parts, body)).await;
    match resp.extensions_mut().remove::<Unrendered>() {
        Some(Unrendered(e)) => render(&state, kept, e).await,
        None => resp,
    }
}

/// The answer for `e` to the request `parts`.
pub async fn render(state: &AppState, parts: Parts, e: AppError) -> Response {
    if let AppError::Internal(cause) = &e {
        log_failure(&parts, cause.as_ref());
    }
    if parts.uri.path().starts_with("/api/") {
        return problem_json(&parts, &e);
    }
    match e {
        AppError::Form(r) => {
            let page = r.page.clone().unwrap_or_else(|| parts.uri.path().to_string());
            let expired = r.echo.problem == Some(FormProblem::FormExpired);
            let resp = super::render::render_at(state, parts.clone(), &page, r.echo, r.status).await;
            // A post with no page of its own (sign-out) gets the explanation on its own.
            if expired && resp.status() == StatusCode::NOT_FOUND {
                return error_page(state, parts, &AppError::FormExpired).await;
            }
            resp
        }
        other => error_page(state, parts, &other).await,
    }
}

/// Logs a failure once, with who asked and about which incident.
fn log_failure(parts: &Parts, cause: &(dyn std::error::Error + Send + Sync)) {
    let caller = parts.extensions.get::<Caller>();
    tracing::error!(
        error = %cause,
        method = %parts.method,
        path = %parts.uri.path(),
        incident.reference = incident_reference(parts.uri.path()),
        org.id = caller.and_then(|c| c.org_id).map(|o| o.0),
        user.id = caller.map(|c| c.user_id.0),
        "request failed"
    );
}

/// The incident reference in an address such as `/review/incidents/OD-2026-000003/assign`.
fn incident_reference(path: &str) -> Option<&str> {
    path.split('/').find(|s| app::domain::ids::is_reference(s))
}

/// The generic failure page (500), for a failure already logged.
pub async fn failure_page(state: &AppState, parts: Parts) -> Response {
    error_page(state, parts, &AppError::Internal(Arc::new(std::io::Error::other("logged")))).await
}

/// The error page in the site's own shell, translated, with its status.
async fn error_page(state: &AppState, parts: Parts, e: &AppError) -> Response {
    let (title, body) = e.messages();
    let status = e.status();
    let notice = ErrorNotice { status: status.as_u16(), title, body, same_address: parts.method == "GET" };
    let mut resp = super::render::render_with_notice(state, parts, notice).await;
    *resp.status_mut() = status;
    resp
}

/// An RFC 9457 problem document, translated; field errors as an `errors` member.
fn problem_json(parts: &Parts, e: &AppError) -> Response {
    let lang = parts.extensions.get::<Lang>().copied().unwrap_or_default();
    let (title, detail) = e.messages();
    let status = e.status();
    let mut doc = serde_json::json!({
        "type": "about:blank",
        "title": title.t(lang),
        "status": status.as_u16(),
        "detail": detail.t(lang),
        "instance": parts.uri.path(),
    });
    if let AppError::Form(r) = e {
        let errors: Vec<_> = r
            .echo
            .errors
            .0
            .iter()
            .map(|(field, err)| serde_json::json!({ "field": field, "detail": err.text(lang) }))
            .collect();
        doc["errors"] = serde_json::Value::Array(errors);
    }
    let mut resp = (status, doc.to_string()).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    resp
}

#[cfg(test)]
#[path = "error_test.rs"]
mod tests;
