//! Plain HTTP handlers: form posts, PDF downloads, health checks. Each is thin: check the
//! token and capability, validate with the domain rules, call one storage operation.

pub mod account;
pub mod admin;
pub mod answers;
pub mod api_tokens;
pub mod assets;
pub mod case;
pub mod csp;
pub mod decision_pdf;
pub mod drafting;
pub mod evidence;
pub mod health;
pub mod links;
pub mod notifications;
pub mod open_data;
pub mod organisation;
pub mod outside;
pub mod pdf;
pub mod public_cache;
pub mod public_data;
pub mod render;
pub mod routes;
pub mod static_files;
pub mod two_step;
pub mod webhooks;

pub mod error;

use app::domain::auth::{Caller, OperatorCap, ReviewerCap};
use axum::http::{Extensions, HeaderValue};

use crate::state::AppState;
use crate::storage::incidents::{self, IncidentRecord};
pub use error::{Answer, AppError};

/// The operator capability of the caller (any role of a reporting organisation).
pub fn operator(ext: &Extensions) -> Result<OperatorCap, AppError> {
    ext.get::<Caller>().and_then(Caller::operator).ok_or(AppError::Forbidden)
}

/// The operator capability of someone who files and answers (officers and signatories).
pub fn filer(ext: &Extensions) -> Result<OperatorCap, AppError> {
    operator(ext).and_then(|c| if c.can_file() { Ok(c) } else { Err(AppError::Forbidden) })
}

/// The operator capability of the organisation's admin.
pub fn org_admin(ext: &Extensions) -> Result<OperatorCap, AppError> {
    operator(ext).and_then(|c| if c.can_admin() { Ok(c) } else { Err(AppError::Forbidden) })
}

/// The ministry's reviewer capability.
pub fn reviewer(ext: &Extensions) -> Result<ReviewerCap, AppError> {
    ext.get::<Caller>().and_then(Caller::reviewer).ok_or(AppError::Forbidden)
}

/// The system administrator's capability.
pub fn admin(ext: &Extensions) -> Result<app::domain::auth::AdminCap, AppError> {
    ext.get::<Caller>().and_then(Caller::admin).ok_or(AppError::Forbidden)
}

/// One of the caller's organisation's incidents; another organisation's is not found.
pub async fn own_incident(state: &AppState, cap: &OperatorCap, reference: &str) -> Result<IncidentRecord, AppError> {
    if !app::domain::ids::is_reference(reference) {
        return Err(AppError::NotFound);
    }
    Ok(incidents::find(&state.db, cap, reference).await?)
}

/// `Content-Disposition` (`attachment` or `inline`) for a download named `name`: an ASCII
/// `fallback` for old clients and the real name percent-encoded (RFC 6266), so no name can
/// break out of the header.
pub fn content_disposition(disposition: &'static str, name: &str, fallback: &str) -> HeaderValue {
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let fallback: String = fallback.chars().filter(|c| c.is_ascii_alphanumeric() || "._-".contains(*c)).collect();
    HeaderValue::from_str(&format!("{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"))
        .unwrap_or_else(|_| HeaderValue::from_static(disposition))
}

/// Any address that is neither a route nor a static file.
pub async fn not_found_fallback() -> AppError {
    AppError::NotFound
}
