//! Every error of the API as RFC 9457 problem details (`application/problem+json`), in Korean
//! or English by `Accept-Language`, with a JSON pointer to each field a validation error is
//! about. A failure of the system is logged once here and answered without its cause.

use std::sync::Arc;

use app::domain::api_token::Scope;
use app::domain::validation::FieldErrors;
use app::i18n::Lang;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::storage::StorageError;

/// An RFC 9457 problem.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:outage-desk:problem:<kind>`).
    #[serde(rename = "type")]
    #[schema(example = "urn:outage-desk:problem:invalid_fields")]
    pub kind: String,
    /// A short summary of the kind, in the language asked for.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What happened in this case.
    pub detail: Option<String>,
    /// Validation errors, one per field (empty for other problems).
    pub errors: Vec<FieldProblem>,
}

/// One field's validation error.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    /// JSON pointer into the request body (`/fields/onset_at`).
    #[schema(example = "/fields/onset_at")]
    pub pointer: String,
    /// A stable code (`required`, `too_long`, `in_the_future`…).
    #[schema(example = "required")]
    pub code: String,
    /// The message shown beside the field on the form, in the language asked for.
    pub detail: String,
}

/// Why an API request was not done.
#[derive(Clone, Debug)]
pub enum ApiError {
    /// No token, or one that is malformed, unknown, expired or revoked, or whose person's
    /// account or role changed.
    Unauthorized,
    /// The token lacks the scope the operation needs.
    InsufficientScope(Scope),
    /// The person's role may not do this (a token never goes beyond its person).
    Forbidden,
    /// Absent, or not the caller's (the two look alike on purpose).
    NotFound,
    /// Fields refused, under `prefix` (`/fields`, or the empty prefix for top-level names).
    Invalid {
        prefix: String,
        errors: FieldErrors,
    },
    /// The request cannot be read (malformed JSON, a wrong type, a missing header).
    BadRequest {
        kind: &'static str,
        detail: String,
    },
    /// The thing acted on is not in a state that allows this (`kind` names which).
    Conflict {
        kind: &'static str,
        detail: (&'static str, &'static str),
    },
    /// `If-Match` names a revision that is no longer the current one.
    Stale {
        current: i64,
    },
    /// `If-Match` is required and missing.
    PreconditionRequired,
    TooLarge,
    /// Over the rate limit; retry after this many seconds.
    RateLimited(u64),
    /// An `Idempotency-Key` reused with a different request.
    KeyReused,
    /// A request with this `Idempotency-Key` is still being answered.
    KeyInProgress,
    MethodNotAllowed,
    UnsupportedMediaType,
    Internal(Arc<dyn std::error::Error + Send + Sync>),
}

/// What a handler answers.
pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn internal(e: impl std::error::Error + Send + Sync + 'static) -> ApiError {
        ApiError::Internal(Arc::new(e))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::InsufficientScope(_) | ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Invalid { .. } | ApiError::KeyReused => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Conflict { .. } | ApiError::KeyInProgress => StatusCode::CONFLICT,
            ApiError::Stale { .. } => StatusCode::PRECONDITION_FAILED,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// (kind, Korean title, English title).
    fn words(&self) -> (&'static str, &'static str, &'static str) {
        match self {
            ApiError::Unauthorized => ("unauthorized", "유효한 API 토큰이 필요합니다", "A valid API token is required"),
            ApiError::InsufficientScope(_) => {
                ("insufficient_scope", "토큰에 이 권한이 없습니다", "The token lacks the scope for this")
            }
            ApiError::Forbidden => ("forbidden", "이 작업을 할 수 있는 역할이 아닙니다", "Your role may not do this"),
            ApiError::NotFound => ("not_found", "찾을 수 없습니다", "Not found"),
            ApiError::Invalid { .. } => ("invalid_fields", "입력값을 확인하세요", "Some fields need attention"),
            ApiError::BadRequest { kind, .. } => (kind, "요청을 읽을 수 없습니다", "The request cannot be read"),
            ApiError::Conflict { kind, .. } => {
                (kind, "지금 상태에서는 할 수 없습니다", "Not possible in the current state")
            }
            ApiError::Stale { .. } => ("stale_revision", "그사이 초안이 바뀌었습니다", "The draft changed meanwhile"),
            ApiError::PreconditionRequired => {
                ("if_match_required", "If-Match 헤더가 필요합니다", "An If-Match header is required")
            }
            ApiError::TooLarge => ("too_large", "요청이 너무 큽니다", "The request is too large"),
            ApiError::RateLimited(_) => ("rate_limited", "요청이 너무 많습니다", "Too many requests"),
            ApiError::KeyReused => (
                "idempotency_key_reused",
                "다른 요청에 쓰인 Idempotency-Key입니다",
                "The Idempotency-Key was used for a different request",
            ),
            ApiError::KeyInProgress => (
                "idempotency_key_in_progress",
                "같은 Idempotency-Key의 요청을 처리하고 있습니다",
                "A request with this Idempotency-Key is still being answered",
            ),
            ApiError::MethodNotAllowed => {
                ("method_not_allowed", "이 주소에서 쓸 수 없는 방법입니다", "Method not allowed here")
            }
            ApiError::UnsupportedMediaType => {
                ("unsupported_media_type", "application/json 본문이 필요합니다", "An application/json body is required")
            }
            ApiError::Internal(_) => {
                ("internal", "처리하지 못했습니다. 잠시 후 다시 시도하세요", "Something went wrong. Try again shortly")
            }
        }
    }

    fn detail(&self, lang: Lang) -> Option<String> {
        Some(match self {
            ApiError::InsufficientScope(s) => match lang {
                Lang::Ko => format!("필요한 권한: {}", s.as_str()),
                Lang::En => format!("Scope needed: {}", s.as_str()),
            },
            ApiError::BadRequest { detail, .. } => detail.clone(),
            ApiError::Conflict { detail, .. } => lang.pick(detail.0, detail.1).to_string(),
            ApiError::Stale { current } => match lang {
                Lang::Ko => format!("현재 개정 번호는 {current}입니다. 초안을 다시 읽고 바꾼 내용을 다시 보내세요."),
                Lang::En => {
                    format!("The current revision is {current}: read the draft again and send your change again.")
                }
            },
            ApiError::RateLimited(secs) => match lang {
                Lang::Ko => format!("{secs}초 뒤에 다시 시도하세요."),
                Lang::En => format!("Try again in {secs} seconds."),
            },
            _ => return None,
        })
    }

    /// The problem body in `lang`.
    pub fn problem(&self, lang: Lang) -> Problem {
        let (kind, ko, en) = self.words();
        let errors = match self {
            ApiError::Invalid { prefix, errors } => errors
                .0
                .iter()
                .map(|(field, e)| FieldProblem {
                    pointer: format!("{prefix}/{}", field.replace('~', "~0").replace('/', "~1")),
                    code: error_code(*e),
                    detail: e.text(lang),
                })
                .collect(),
            _ => Vec::new(),
        };
        Problem {
            kind: format!("urn:outage-desk:problem:{kind}"),
            title: lang.pick(ko, en).to_string(),
            status: self.status().as_u16(),
            detail: self.detail(lang),
            errors,
        }
    }
}

/// A field error's stable code: its serialized name (`required`, `too_long`…).
pub fn error_code(e: app::domain::validation::FieldError) -> String {
    super::model::word(&e)
}

/// The language of the answer: English when `Accept-Language` prefers it, Korean otherwise.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    let asked = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let first = asked.split(',').next().unwrap_or("").trim().to_ascii_lowercase();
    if first.starts_with("en") {
        Lang::En
    } else {
        Lang::Ko
    }
}

/// The error as it travels to [`answer_problems`], which knows the request's language.
#[derive(Clone)]
pub struct Unanswered(pub ApiError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut resp = self.status().into_response();
        resp.extensions_mut().insert(Unanswered(self));
        resp
    }
}

impl From<StorageError> for ApiError {
    fn from(e: StorageError) -> ApiError {
        match e {
            StorageError::NotFound => ApiError::NotFound,
            StorageError::NotReviewLead | StorageError::NotOperatorRole => ApiError::Forbidden,
            StorageError::StaleRevision => ApiError::Stale { current: -1 },
            StorageError::DraftExists => ApiError::Conflict {
                kind: "draft_exists",
                detail: ("이미 작성 중인 초안이 있습니다.", "A draft is already being prepared."),
            },
            StorageError::RequestClosed
            | StorageError::AlreadyAcknowledged
            | StorageError::ItemNotOpen
            | StorageError::ItemNotAwaitingVerification => ApiError::Conflict {
                kind: "state_changed",
                detail: ("그사이 상태가 바뀌었습니다. 다시 읽으세요.", "The state changed meanwhile: read it again."),
            },
            StorageError::AttachmentLimit | StorageError::RecordLimit => ApiError::Conflict {
                kind: "limit_reached",
                detail: ("더 보관할 수 없습니다 (한도).", "The limit of what may be kept is reached."),
            },
            other => ApiError::internal(other),
        }
    }
}

/// Middleware: draws every [`ApiError`] as a problem in the request's language, logging
/// failures of the system once, and marks every API answer `no-store` (they are personal).
pub async fn answer_problems(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let lang = lang_of(req.headers());
    let path = req.uri().path().to_string();
    let mut resp = draw(next.run(req).await, lang, &path);
    let headers = resp.headers_mut();
    headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    resp
}

/// `resp` with its [`ApiError`], if it carries one, drawn as a problem in `lang` (a failure of
/// the system logged once, with the request's `path`).
pub fn draw(mut resp: Response, lang: Lang, path: &str) -> Response {
    if let Some(Unanswered(err)) = resp.extensions_mut().remove::<Unanswered>() {
        if let ApiError::Internal(cause) = &err {
            tracing::error!(path = %path, error = %cause, "API request failed");
        }
        return problem_response(&err, lang);
    }
    if resp.status() == StatusCode::PAYLOAD_TOO_LARGE && !is_problem(&resp) {
        return problem_response(&ApiError::TooLarge, lang);
    }
    resp
}

fn is_problem(resp: &Response) -> bool {
    resp.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"))
}

/// The response of `err` in `lang`, with its `WWW-Authenticate` or `Retry-After`.
pub fn problem_response(err: &ApiError, lang: Lang) -> Response {
    let body = serde_json::to_vec(&err.problem(lang)).unwrap_or_default();
    let mut resp = (err.status(), body).into_response();
    let headers = resp.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    match err {
        ApiError::Unauthorized => {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"outage-desk\""));
        }
        ApiError::InsufficientScope(s) => {
            let v = format!("Bearer realm=\"outage-desk\", error=\"insufficient_scope\", scope=\"{}\"", s.as_str());
            if let Ok(v) = HeaderValue::from_str(&v) {
                headers.insert(header::WWW_AUTHENTICATE, v);
            }
        }
        ApiError::RateLimited(secs) => {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(*secs));
        }
        _ => {}
    }
    resp
}
