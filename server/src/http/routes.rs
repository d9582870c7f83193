//! How HTTP modules declare their routes. Each module that handles requests lists its
//! routes once with [`route_table!`] (method, path, handler, who it is for), which makes both
//! its router (`routes()`) and its table (`ROUTES`); [`MODULES`] names every such module, the
//! router merges them (`crate::router`) and the authorization matrix test
//! (`tests/authorization.rs`) walks the same tables, so a route added later without saying who
//! it is for does not compile, and one that lets the wrong caller in fails the test.

use axum::Router;

use crate::state::AppState;

/// Who may use a route. Handlers check the capability themselves; this states the intent the
/// matrix test holds them to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Anyone, signed in or not.
    Public,
    /// Anyone signed in.
    SignedIn,
    /// Any member of a reporting organisation, for its own organisation's records.
    Operator,
    /// Officers and signatories (they file and answer the ministry).
    Filer,
    /// Authorised signatories.
    Signatory,
    /// The organisation's admin.
    OrgAdmin,
    /// Ministry reviewers and leads.
    Reviewer,
    /// Ministry review leads.
    Lead,
}

/// Who a Leptos page is for, from its address: the work areas by their prefix (the context
/// middleware gates them the same way), every other page is public.
pub fn page_audience(path: &str) -> Audience {
    match path {
        "/filing/new" => Audience::Filer,
        p if p == "/filing" || p.starts_with("/filing/") => Audience::Operator,
        p if p == "/review" || p.starts_with("/review/") => Audience::Reviewer,
        p if p.starts_with("/account/") => Audience::SignedIn,
        _ => Audience::Public,
    }
}

/// One route of the table.
#[derive(Clone, Copy, Debug)]
pub struct RouteInfo {
    pub method: &'static str,
    pub path: &'static str,
    pub audience: Audience,
    /// Takes a multipart form (a file upload) rather than a url-encoded one.
    pub multipart: bool,
}

/// Declares a module's routes: `method "path" => handler, Audience;`, with `, limit N` for a
/// multipart route whose body may be `N` bytes.
macro_rules! route_table {
    ($($method:ident $path:literal => $handler:path, $audience:ident $(, limit $limit:expr)?;)*) => {
        /// This module's routes with their audiences.
        pub const ROUTES: &[$crate::http::routes::RouteInfo] = &[
            $($crate::http::routes::RouteInfo {
                method: stringify!($method),
                path: $path,
                audience: $crate::http::routes::Audience::$audience,
                multipart: false $(|| $limit > 0)?,
            }),*
        ];

        /// This module's router, built from [`ROUTES`]' lines.
        pub fn routes() -> axum::Router<$crate::state::AppState> {
            axum::Router::new()
                $(.route($path, {
                    let route = axum::routing::$method($handler);
                    $(let route = route.layer(axum::extract::DefaultBodyLimit::max($limit));)?
                    route
                }))*
        }
    };
}
pub(crate) use route_table;

/// A module's router and its table.
pub type Module = (fn() -> Router<AppState>, &'static [RouteInfo]);

/// Every HTTP module that handles requests.
pub const MODULES: &[Module] = &[
    (super::health::routes, super::health::ROUTES),
    (super::account::routes, super::account::ROUTES),
    (super::drafting::routes, super::drafting::ROUTES),
    (super::organisation::routes, super::organisation::ROUTES),
    (super::evidence::routes, super::evidence::ROUTES),
    (super::pdf::routes, super::pdf::ROUTES),
    (super::answers::routes, super::answers::ROUTES),
    (super::decision_pdf::routes, super::decision_pdf::ROUTES),
    (super::case::routes, super::case::ROUTES),
];

/// Every non-page route, from every module's table.
pub fn all() -> Vec<RouteInfo> {
    MODULES.iter().flat_map(|(_, table)| table.iter().copied()).collect()
}

/// The router of every module.
pub fn handlers() -> Router<AppState> {
    MODULES.iter().fold(Router::new(), |router, (routes, _)| router.merge(routes()))
}
