//! Every route that is not a Leptos page, in one table: method, path, handler and who the
//! route is for. The router is built from this table, and the authorization matrix test
//! (`tests/authorization.rs`) walks the same table (plus the page routes), so a route added
//! later without saying who it is for does not compile, and one that lets the wrong caller in
//! fails the test.

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use super::*;
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

/// Largest multipart body: one evidence file and its fields.
const UPLOAD_LIMIT: usize = evidence::MAX_BYTES + 64 * 1024;

macro_rules! route_table {
    // `limit` marks a multipart route and raises its body limit to that many bytes.
    ($($method:ident $path:literal => $handler:path, $audience:ident $(, limit $limit:expr)?;)*) => {
        /// Every non-page route with its audience.
        pub const ROUTES: &[RouteInfo] = &[
            $(RouteInfo {
                method: stringify!($method),
                path: $path,
                audience: Audience::$audience,
                multipart: false $(|| $limit > 0)?,
            }),*
        ];

        /// The router of every route in [`ROUTES`].
        pub fn handlers() -> Router<AppState> {
            Router::new()
                $(.route($path, {
                    let route = $method($handler);
                    $(let route = route.layer(DefaultBodyLimit::max($limit));)?
                    route
                }))*
        }
    };
}

route_table! {
    get "/healthz" => health::healthz, Public;
    get "/readyz" => health::readyz, Public;
    post "/login" => account::login, Public;
    post "/logout" => account::logout, SignedIn;
    post "/account/password" => account::change_password, SignedIn;
    post "/filing/new" => drafting::open_incident, Filer;
    post "/filing/organisation" => organisation::save_profile, OrgAdmin;
    post "/filing/organisation/records/{id}/delete" => organisation::remove_record, OrgAdmin;
    post "/filing/organisation/team/{id}/role" => organisation::change_role, OrgAdmin;
    post "/filing/organisation/team/{id}/access" => organisation::set_access, OrgAdmin;
    post "/filing/organisation/invitations/{id}/withdraw" => organisation::withdraw_invitation, OrgAdmin;
    post "/filing/organisation/team" => organisation::add_member, OrgAdmin;
    post "/filing/organisation/{kind}" => organisation::add_record, OrgAdmin;
    post "/filing/incidents/{reference}/draft" => drafting::start_stage, Filer;
    post "/filing/incidents/{reference}/draft/submit" => drafting::submit, Signatory;
    post "/filing/incidents/{reference}/draft/{section}" => drafting::save_section, Filer;
    post "/filing/incidents/{reference}/attachments" => evidence::upload, Filer, limit UPLOAD_LIMIT;
    get "/filing/incidents/{reference}/attachments/{id}" => evidence::download, Operator;
    get "/filing/filings/{reference}/pdf" => pdf::operator_pdf, Operator;
    post "/filing/incidents/{reference}/requests/{number}" => answers::answer, Filer, limit UPLOAD_LIMIT;
    post "/filing/incidents/{reference}/measures/{number}/acknowledge" => answers::acknowledge, Filer;
    get "/filing/incidents/{reference}/measures/{number}/pdf" => decision_pdf::operator_decision, Operator;
    post "/filing/incidents/{reference}/items/{item}" => answers::item_done, Filer;
    post "/review/incidents/{reference}/assign" => case::assign, Reviewer;
    post "/review/incidents/{reference}/duties/{duty}" => case::assess, Reviewer;
    post "/review/incidents/{reference}/requests" => case::ask, Reviewer;
    post "/review/incidents/{reference}/requests/{number}" => case::follow_up, Reviewer;
    post "/review/incidents/{reference}/requests/{number}/close" => case::close_request, Reviewer;
    post "/review/incidents/{reference}/measures" => case::issue_measure, Reviewer;
    get "/review/incidents/{reference}/measures/{number}/pdf" => decision_pdf::reviewer_decision, Reviewer;
    post "/review/incidents/{reference}/items/{item}" => case::verify_item, Reviewer;
    post "/review/incidents/{reference}/summary" => case::save_summary, Reviewer;
    post "/review/incidents/{reference}/summary/approve" => case::approve_summary, Lead;
    post "/review/incidents/{reference}/close" => case::close_case, Reviewer;
    get "/review/filings/{reference}/pdf" => pdf::reviewer_pdf, Reviewer;
    get "/review/incidents/{reference}/attachments/{id}" => evidence::review_download, Reviewer;
}
