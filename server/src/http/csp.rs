//! Content-Security-Policy: the second line of defence behind output escaping.
//!
//! Pages rendered by Leptos get a policy that runs only scripts carrying this response's
//! nonce (Leptos puts it on its hydration and resource scripts) and what those scripts load
//! (`'strict-dynamic'`); `'wasm-unsafe-eval'` lets the application's WebAssembly compile.
//! Any other HTML (pages built without Leptos) gets a policy that runs no script at all.
//! Nothing inline is ever allowed by `unsafe-inline`.

use axum::http::{header, HeaderMap, HeaderValue};

/// What every policy shares: no plugins, no `<base>` rewriting, no framing, forms post only
/// to this site, images and styles from this site.
const COMMON: &str = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; \
                      form-action 'self'; img-src 'self' data:; style-src 'self'";

/// The policy of a page whose scripts carry `nonce`.
pub fn page_policy(nonce: &str) -> String {
    format!("{COMMON}; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'")
}

/// The policy of HTML that has no nonce: no script runs.
pub const NO_SCRIPT_POLICY: &str = "default-src 'self'; object-src 'none'; base-uri 'none'; \
                                    frame-ancestors 'none'; form-action 'self'; img-src 'self' data:; \
                                    style-src 'self'; script-src 'none'";

/// Called while Leptos renders a page: sets the nonce policy on its response.
pub fn set_page_policy() {
    use leptos::prelude::use_context;
    let (Some(nonce), Some(response)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    match HeaderValue::from_str(&page_policy(&nonce)) {
        Ok(v) => response.insert_header(header::CONTENT_SECURITY_POLICY, v),
        Err(e) => tracing::error!(error = %e, "a nonce that is not a header value"),
    }
}

/// Gives HTML responses that have no policy yet the no-script one.
pub fn ensure_policy(headers: &mut HeaderMap) {
    let is_html =
        headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.starts_with("text/html"));
    if is_html && !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(NO_SCRIPT_POLICY));
    }
}
