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
    /// The system administrator.
    Admin,
}

/// Who a Leptos page is for, from its address: the work areas by their prefix (the context
/// middleware gates them the same way), every other page is public.
pub fn page_audience(path: &str) -> Audience {
    match path {
        "/filing/new" => Audience::Filer,
        p if p == "/filing" || p.starts_with("/filing/") => Audience::Operator,
        p if p == "/review" || p.starts_with("/review/") => Audience::Reviewer,
        p if p.starts_with("/account/") => Audience::SignedIn,
        p if p == "/admin" || p.starts_with("/admin/") => Audience::Admin,
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
    (super::assets::routes, super::assets::ROUTES),
    (super::account::routes, super::account::ROUTES),
    (super::drafting::routes, super::drafting::ROUTES),
    (super::organisation::routes, super::organisation::ROUTES),
    (super::evidence::routes, super::evidence::ROUTES),
    (super::pdf::routes, super::pdf::ROUTES),
    (super::answers::routes, super::answers::ROUTES),
    (super::decision_pdf::routes, super::decision_pdf::ROUTES),
    (super::case::routes, super::case::ROUTES),
    (super::outside::routes, super::outside::ROUTES),
    (super::notifications::routes, super::notifications::ROUTES),
    (super::admin::routes, super::admin::ROUTES),
    (super::links::routes, super::links::ROUTES),
    (super::two_step::routes, super::two_step::ROUTES),
    (super::api_tokens::routes, super::api_tokens::ROUTES),
    (super::webhooks::routes, super::webhooks::ROUTES),
    (super::public_data::routes, super::public_data::ROUTES),
];

/// Every non-page route, from every module's table.
pub fn all() -> Vec<RouteInfo> {
    MODULES.iter().flat_map(|(_, table)| table.iter().copied()).collect()
}

/// Where the form posted to `path` lives: a post-only address fetched again (a reload after a
/// refused form, a bookmark) is sent there instead of answering 405.
pub fn form_page(path: &str) -> String {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    match parts.as_slice() {
        ["", area @ ("filing" | "review"), "incidents", reference, rest @ ..] => {
            let incident = format!("/{area}/incidents/{reference}");
            match rest {
                ["draft", "submit"] => format!("{incident}/draft/check"),
                ["summary", "approve"] => format!("{incident}/summary"),
                _ => incident,
            }
        }
        ["", "filing", "organisation", "webhooks", ..] => "/filing/organisation/webhooks".to_string(),
        ["", "filing", "organisation", ..] => "/filing/organisation".to_string(),
        ["", "account", "notifications", ..] => "/account/notifications".to_string(),
        ["", "account", "two-step", ..] => "/account/two-step".to_string(),
        ["", "account", "api-tokens", ..] => "/account/api-tokens".to_string(),
        ["", "login", "reset", token] => format!("/login/reset/{token}"),
        ["", "login", "invitation", token] => format!("/login/invitation/{token}"),
        ["", "login", ..] => "/login/reset".to_string(),
        ["", "admin", "outbox", id, ..] => format!("/admin/outbox/{id}"),
        ["", "admin", "organisations", slug, ..] => format!("/admin/organisations/{slug}"),
        ["", "admin", area, ..] => format!("/admin/{area}"),
        ["", "filing", ..] => "/filing".to_string(),
        ["", "review", ..] => "/review".to_string(),
        _ => "/".to_string(),
    }
}

/// GET on a post-only address: "see other" to the page its form lives on.
pub async fn back_to_form(uri: axum::http::Uri) -> axum::response::Redirect {
    axum::response::Redirect::to(&form_page(uri.path()))
}

/// The router of every module, with [`back_to_form`] on every post-only address (one that is
/// not also a page in `pages`).
pub fn handlers_with_returns(pages: &std::collections::HashSet<String>) -> Router<AppState> {
    let modules = MODULES.iter().fold(Router::new(), |router, (routes, _)| router.merge(routes()));
    all()
        .into_iter()
        .filter(|r| r.method == "post" && !pages.contains(r.path))
        .fold(modules, |router, r| router.route(r.path, axum::routing::get(back_to_form)))
}

#[cfg(test)]
mod tests {
    use super::form_page;

    #[test]
    fn a_post_only_address_leads_back_to_its_form() {
        let r = "OD-2026-000003";
        assert_eq!(form_page(&format!("/review/incidents/{r}/items/5")), format!("/review/incidents/{r}"));
        assert_eq!(
            form_page(&format!("/filing/incidents/{r}/draft/submit")),
            format!("/filing/incidents/{r}/draft/check")
        );
        assert_eq!(
            form_page(&format!("/review/incidents/{r}/summary/approve")),
            format!("/review/incidents/{r}/summary")
        );
        assert_eq!(form_page(&format!("/filing/incidents/{r}/requests/2")), format!("/filing/incidents/{r}"));
        assert_eq!(form_page("/filing/organisation/team/4/role"), "/filing/organisation");
        assert_eq!(form_page("/logout"), "/");
        assert_eq!(form_page("/account/two-step/confirm"), "/account/two-step");
        assert_eq!(form_page("/admin/staff/7/two-step/reset"), "/admin/staff");
    }
}
