//! Small files every page refers to that are not part of the WebAssembly build.

use axum::http::header;
use axum::response::IntoResponse;

super::routes::route_table! {
    get "/favicon.svg" => favicon, Public;
}

/// The site's icon (`style/favicon.svg`, compiled in): the same bytes for everyone, so it may
/// be cached for a day.
pub async fn favicon() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")],
        include_str!("../../../style/favicon.svg"),
    )
}
