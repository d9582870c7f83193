//! The machine interface, `/api/v1` (issue #15): the operator's filing, the ministry's queue
//! and cases, the calculator and the public data, on the same domain rules, capabilities and
//! storage as the pages. Its OpenAPI 3.1 document is generated from the handlers
//! (`/api/v1/openapi.json`, browsable at `/api/docs`; checked in as `docs/openapi.json`).
//!
//! The API is its own router, outside the session layer: cookies are never read here, only
//! `Authorization: Bearer` tokens ([`auth`]). Every error is an RFC 9457 problem ([`problem`]);
//! every POST that changes something takes an `Idempotency-Key` ([`idempotency`]).

pub mod auth;
pub mod calculator;
pub mod correspondence;
pub mod draft;
pub mod extract;
pub mod idempotency;
pub mod ministry;
pub mod model;
pub mod operator;
pub mod problem;
pub mod public;
pub mod requests;
pub mod token;
pub mod views;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::OpenApi as Document;
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;
use auth::{ApiState, RateLimits};
use problem::ApiError;

/// Largest JSON body (a whole report is at most 2 MiB stored; escaping can nearly double it).
pub const MAX_JSON: usize = 4 * 1024 * 1024;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Outage Desk API",
        version = "1.0.0",
        description = "Service-outage incident reporting: file the initial notification, interim updates and final report from your incident tooling; read the ministry's requests and measures; compute reportability and deadlines; read published summaries.\n\n서비스 장애 보고: 사내 도구에서 최초·중간·최종 보고를 제출하고, 부처의 자료 요청과 조치를 읽고, 보고 대상 여부와 기한을 계산하고, 공개 요약을 읽습니다.\n\nInstants are RFC 3339 in UTC. Errors are RFC 9457 problem details. Every POST that changes something needs an `Idempotency-Key`. See docs/API.md for a whole filing session with curl.",
        license(name = "Apache-2.0")
    ),
    servers((url = "/api/v1")),
    modifiers(&BearerToken),
    tags(
        (name = "operator", description = "The organisation's incidents (token of an operator's member)"),
        (name = "drafting", description = "Drafts, checks and submission"),
        (name = "evidence", description = "Evidence files"),
        (name = "correspondence", description = "The ministry's requests for information and measures"),
        (name = "calculator", description = "Reportability and deadlines from facts, nothing stored"),
        (name = "ministry", description = "The ministry's queue and cases (reviewer token)"),
        (name = "public", description = "Published summaries; no token"),
    )
)]
struct ApiDoc;

/// The `token` security scheme: `Authorization: Bearer od_…`.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut Document) {
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .bearer_format("od_<prefix>_<secret>")
            .description(Some("A personal API token made on /account/api-tokens."))
            .build();
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("token", SecurityScheme::Http(scheme));
    }
}

/// The public endpoints (no token).
fn public_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi()).routes(routes!(public::list)).routes(routes!(public::read))
}

/// The calculator (any token; no `Idempotency-Key`: it stores nothing).
fn calculator_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(calculator::calculator))
}

/// Everything else (a token with the operation's scope; `Idempotency-Key` on POSTs).
fn token_routes() -> OpenApiRouter<AppState> {
    let upload = OpenApiRouter::new()
        .routes(routes!(correspondence::list_evidence, correspondence::upload_evidence))
        .route_layer(DefaultBodyLimit::max(crate::http::evidence::UPLOAD_LIMIT));
    OpenApiRouter::new()
        .routes(routes!(operator::list, operator::open))
        .routes(routes!(operator::read))
        .routes(routes!(operator::version))
        .routes(routes!(draft::start, draft::read, draft::update))
        .routes(routes!(draft::check_answers))
        .routes(routes!(draft::submit))
        .routes(routes!(correspondence::list_requests))
        .routes(routes!(correspondence::answer))
        .routes(routes!(correspondence::acknowledge))
        .routes(routes!(correspondence::item_done))
        .routes(routes!(ministry::queue))
        .routes(routes!(ministry::case))
        .merge(upload)
}

/// The OpenAPI document, generated from the handlers.
pub fn document() -> Document {
    let (_, mut doc) = public_routes().split_for_parts();
    for group in [calculator_routes(), token_routes()] {
        doc.merge(group.split_for_parts().1);
    }
    problems_as_problems(&mut doc);
    doc
}

/// Every error answer is `application/problem+json` (the handlers' annotations name the body
/// type only; utoipa would call it `application/json`), and every operation lists the errors
/// the layers around it can answer: a token's (401, 403, 429) and an `Idempotency-Key`'s (400,
/// 409, 413, 422).
fn problems_as_problems(doc: &mut Document) {
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
    let problem = |what: &str| {
        let content = ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build();
        RefOr::T(ResponseBuilder::new().description(what).content("application/problem+json", content).build())
    };
    for item in doc.paths.paths.values_mut() {
        let operations = [&mut item.get, &mut item.post, &mut item.patch, &mut item.put, &mut item.delete];
        for op in operations.into_iter().flatten() {
            let has = |name: &str| op.parameters.iter().flatten().any(|p| matches!(p, RefOr::T(p) if p.name == name));
            let mut layered: Vec<(&str, &str)> = Vec::new();
            if op.security.is_some() {
                layered.extend([("401", "No valid token"), ("403", "Not allowed"), ("429", "Rate limited")]);
            }
            if has("Idempotency-Key") {
                layered.extend([
                    ("400", "Unreadable request"),
                    ("409", "Conflict"),
                    ("413", "Too large"),
                    ("422", "Refused fields or a reused key"),
                ]);
            }
            for (status, what) in layered {
                op.responses.responses.entry(status.to_string()).or_insert_with(|| problem(what));
            }
            for (status, response) in op.responses.responses.iter_mut() {
                let utoipa::openapi::RefOr::T(response) = response else { continue };
                if status.as_str() < "400" {
                    continue;
                }
                if let Some(content) = response.content.shift_remove("application/json") {
                    response.content.insert("application/problem+json".to_string(), content);
                }
            }
        }
    }
}

/// The document as served and checked in: pretty JSON with one trailing newline.
pub fn document_json() -> String {
    let mut json = document().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}

/// The `/api/v1` router and `/api/docs`, with their own middleware (not the pages').
pub fn router(state: AppState) -> Router {
    let api = ApiState { app: state.clone(), limits: Arc::new(RateLimits::new(state.config.api_rate_per_minute)) };
    let (public, _) = public_routes().split_for_parts();
    let (calculator, _) = calculator_routes().split_for_parts();
    let (tokens, _) = token_routes().split_for_parts();
    let json: Arc<str> = document_json().into();
    let v1 = Router::new()
        .merge(public.route_layer(from_fn_with_state(api.clone(), auth::limit_address)))
        .merge(calculator.route_layer(from_fn_with_state(api.clone(), auth::authenticate)))
        .merge(
            tokens
                .route_layer(from_fn_with_state(api.clone(), idempotency::middleware))
                .route_layer(from_fn_with_state(api.clone(), auth::authenticate)),
        )
        .route("/openapi.json", get(move || openapi(json.clone())))
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(MAX_JSON))
        .layer(from_fn(problem::answer_problems));
    let docs =
        utoipa_swagger_ui::SwaggerUi::new("/api/docs").config(utoipa_swagger_ui::Config::from("/api/v1/openapi.json"));
    Router::new().nest("/api/v1", v1.with_state(state)).merge(Router::from(docs).layer(from_fn(docs_headers)))
}

async fn openapi(json: Arc<str>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], json.to_string()).into_response()
}

/// The documentation pages: their own script and styles only (bundled in the binary).
async fn docs_headers(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'",
        ),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    resp
}
