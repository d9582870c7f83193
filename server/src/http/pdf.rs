//! The official PDF of a filing, for its organisation and for the ministry: the document
//! frozen when the version was filed, never a new rendering.

use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::error::{Answer, AppError};
use crate::pdf::documents::{filing_document, DocumentError};
use crate::state::AppState;
use crate::storage::documents::Document;
use crate::storage::filings;

super::routes::route_table! {
    get "/filing/filings/{reference}/pdf" => operator_pdf, Operator;
    get "/review/filings/{reference}/pdf" => reviewer_pdf, Reviewer;
}

/// A frozen document as a confidential inline download: `ETag` is the document's hash, so
/// a client can tell it never changes; a conditional request with it gets 304.
pub(super) fn document_response(req_headers: &axum::http::HeaderMap, doc: Document) -> Response {
    let etag = format!("\"{}\"", doc.sha256);
    let fresh = req_headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let mut resp = if fresh { StatusCode::NOT_MODIFIED.into_response() } else { doc.bytes.into_response() };
    let headers = resp.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    headers.insert(header::CONTENT_DISPOSITION, super::content_disposition("inline", &doc.file_name, &doc.file_name));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    resp
}

impl From<DocumentError> for AppError {
    fn from(e: DocumentError) -> AppError {
        use crate::pdf::RenderError;
        match e {
            DocumentError::Render(r @ (RenderError::TooManyPages(_) | RenderError::TimedOut)) => {
                tracing::warn!(error = %r, "PDF over its budget");
                AppError::Refused(StatusCode::SERVICE_UNAVAILABLE, app::i18n::Msg::PdfTooLarge)
            }
            DocumentError::Render(r) => AppError::internal(r),
            DocumentError::Storage(s) => s.into(),
        }
    }
}

/// GET /filing/filings/{reference}/pdf — the operator's own organisation only.
pub async fn operator_pdf(State(state): State<AppState>, Path(reference): Path<String>, req: Request) -> Answer {
    let cap = super::operator(req.extensions())?;
    if !app::domain::ids::is_reference(&reference) {
        return Err(AppError::NotFound);
    }
    let filing = filings::get_own(&state.db, &cap, &reference).await?;
    Ok(document_response(req.headers(), filing_document(&state, &filing).await?))
}

/// GET /review/filings/{reference}/pdf — ministry reviewers.
pub async fn reviewer_pdf(State(state): State<AppState>, Path(reference): Path<String>, req: Request) -> Answer {
    let cap = super::reviewer(req.extensions())?;
    if !app::domain::ids::is_reference(&reference) {
        return Err(AppError::NotFound);
    }
    let filing = filings::get_for_review(&state.db, &cap, &reference).await?;
    Ok(document_response(req.headers(), filing_document(&state, &filing).await?))
}
