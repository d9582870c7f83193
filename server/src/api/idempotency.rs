//! `Idempotency-Key` on the API's POSTs: the key is claimed before the request runs, the
//! answer kept, and a retry of the same request (same method, address, type and body) gets the
//! first answer back with `Idempotent-Replayed: true` and changes nothing. A failure of the
//! system (5xx) gives the key up, so the retry runs.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::auth::{ApiCaller, ApiState};
use super::problem::{self, ApiError};
use crate::storage::idempotency::{self, Claim, Stored};

/// The request header.
pub const HEADER: &str = "idempotency-key";
/// Longest key accepted (a UUID is 36).
pub const MAX_KEY: usize = 255;
/// Largest body read to hash (an evidence upload with its form).
pub const MAX_BODY: usize = crate::http::evidence::UPLOAD_LIMIT;
/// Largest answer kept for replay.
const MAX_ANSWER: usize = 4 * 1024 * 1024;

fn key_of(req: &Request) -> Result<String, ApiError> {
    let missing = || ApiError::BadRequest {
        kind: "idempotency_key_required",
        detail: "Idempotency-Key: 1-255 visible ASCII characters (a UUID, for example)".into(),
    };
    let v = req.headers().get(HEADER).ok_or_else(missing)?.to_str().map_err(|_| missing())?;
    let ok = !v.is_empty() && v.len() <= MAX_KEY && v.bytes().all(|b| b.is_ascii_graphic());
    if ok {
        Ok(v.to_string())
    } else {
        Err(missing())
    }
}

/// Middleware of the POSTs that change something.
pub async fn middleware(State(api): State<ApiState>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST {
        return next.run(req).await;
    }
    let Some(token) = req.extensions().get::<ApiCaller>().map(|c| c.token.id) else {
        return next.run(req).await;
    };
    let key = match key_of(&req) {
        Ok(k) => k,
        Err(e) => return e.into_response(),
    };
    let lang = problem::lang_of(req.headers());
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return ApiError::TooLarge.into_response();
    };
    let mut hasher = Sha256::new();
    hasher.update(parts.method.as_str());
    hasher.update(b" ");
    hasher.update(parts.uri.path_and_query().map_or("", |p| p.as_str()));
    hasher.update(b"\n");
    hasher.update(parts.headers.get(header::CONTENT_TYPE).map_or(&b""[..], |v| v.as_bytes()));
    hasher.update(b"\n");
    hasher.update(&bytes);
    let request = hex::encode(hasher.finalize());
    let db = &api.app.db;
    let id = match idempotency::claim(db, token, &key, &request, api.app.clock.now()).await {
        Ok(Claim::New(id)) => id,
        Ok(Claim::Replay(stored)) => return replay(stored),
        Ok(Claim::Mismatch) => return ApiError::KeyReused.into_response(),
        Ok(Claim::InProgress) => return ApiError::KeyInProgress.into_response(),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let path = parts.uri.path().to_string();
    let resp = problem::draw(next.run(Request::from_parts(parts, Body::from(bytes))).await, lang, &path);
    if resp.status().is_server_error() {
        if let Err(e) = idempotency::release(db, id).await {
            tracing::error!(error = %e, "giving an idempotency key up failed");
        }
        return resp;
    }
    let (parts, body) = resp.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_ANSWER).await else {
        if let Err(e) = idempotency::release(db, id).await {
            tracing::error!(error = %e, "giving an idempotency key up failed");
        }
        return ApiError::internal(std::io::Error::other("answer too large to keep")).into_response();
    };
    let text = |h: header::HeaderName| parts.headers.get(h).and_then(|v| v.to_str().ok()).map(str::to_string);
    let stored = Stored {
        status: i64::from(parts.status.as_u16()),
        content_type: text(header::CONTENT_TYPE),
        location: text(header::LOCATION),
        body: body.to_vec(),
    };
    if let Err(e) = idempotency::finish(db, id, &stored).await {
        tracing::error!(error = %e, "keeping an answer for its idempotency key failed");
    }
    Response::from_parts(parts, Body::from(body))
}

/// The first answer again.
fn replay(stored: Stored) -> Response {
    let status = u16::try_from(stored.status).ok().and_then(|s| StatusCode::from_u16(s).ok()).unwrap_or(StatusCode::OK);
    let mut resp = (status, stored.body).into_response();
    let headers = resp.headers_mut();
    if let Some(v) = stored.content_type.and_then(|v| HeaderValue::from_str(&v).ok()) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    if let Some(v) = stored.location.and_then(|v| HeaderValue::from_str(&v).ok()) {
        headers.insert(header::LOCATION, v);
    }
    headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    resp
}
