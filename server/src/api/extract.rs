//! Request extractors whose refusals are problems (axum's own answer in plain text).

use app::api::ports::DeskError;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::problem::ApiError;
use crate::state::AppState;

/// A JSON body (`application/json`) read into `T`.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        use axum::extract::rejection::JsonRejection;
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::UnsupportedMediaType),
            Err(JsonRejection::BytesRejection(_)) => Err(ApiError::TooLarge),
            Err(e) => Err(ApiError::BadRequest { kind: "invalid_body", detail: e.body_text() }),
        }
    }
}

/// Query parameters read into `T`.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(ApiQuery(v)),
            Err(e) => Err(ApiError::BadRequest { kind: "invalid_query", detail: e.body_text() }),
        }
    }
}

impl From<DeskError> for ApiError {
    fn from(e: DeskError) -> ApiError {
        match e {
            DeskError::NotFound => ApiError::NotFound,
            DeskError::Forbidden => ApiError::Forbidden,
            // the cause was logged where it happened
            DeskError::Internal => ApiError::internal(std::io::Error::other("storage read failed")),
        }
    }
}

/// The storage behind the pages, as the API reads it (the same reads the pages make).
pub fn desk(state: &AppState) -> crate::page_data::Desk {
    crate::page_data::Desk::of(state)
}

/// The `Idempotency-Key` header's description in the document.
pub const IDEMPOTENCY: &str = "Unique per request; a retry with the same key and body gets the first answer";

/// One of the caller's organisation's incidents; another organisation's is not found.
pub async fn own_incident(
    state: &AppState,
    cap: &app::domain::auth::OperatorCap,
    reference: &str,
) -> Result<crate::storage::incidents::IncidentRecord, ApiError> {
    if !app::domain::ids::is_reference(reference) {
        return Err(ApiError::NotFound);
    }
    Ok(crate::storage::incidents::find(&state.db, cap, reference).await?)
}
