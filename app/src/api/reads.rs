//! Server functions behind every page read.

use leptos::prelude::*;

use super::admin_views::*;
use super::case_views::CaseView;
use super::public_views::*;
use super::views::*;

/// Error codes carried by `ServerFnError::ServerError`; pages translate them.
pub mod codes {
    pub const NOT_FOUND: &str = "not_found";
    pub const FORBIDDEN: &str = "forbidden";
    pub const INTERNAL: &str = "internal";
}

#[cfg(feature = "ssr")]
mod server_side {
    use leptos::prelude::*;

    use super::codes;
    use crate::api::ports::{DeskError, SharedDesks};
    use crate::domain::auth::Caller;

    /// The anti-forgery token of the current session, put into request extensions by the
    /// server's session middleware.
    #[derive(Clone, Debug)]
    pub struct CsrfToken(pub String);

    fn parts() -> Option<http::request::Parts> {
        use_context::<http::request::Parts>()
    }

    pub fn caller() -> Option<Caller> {
        parts().and_then(|p| p.extensions.get::<Caller>().cloned())
    }

    /// The row of the session this request came in (set by the server's session middleware).
    pub fn current_session() -> Option<i64> {
        parts().and_then(|p| p.extensions.get::<CurrentSession>().map(|s| s.0))
    }

    /// Which of the person's sessions a request came in, by its row on "Your sessions".
    #[derive(Clone, Copy, Debug)]
    pub struct CurrentSession(pub i64);

    /// Recovery codes just made, printed, for the page that shows them this once (provided
    /// as context by the server's post handler that made them).
    #[derive(Clone, Debug)]
    pub struct FreshRecoveryCodes(pub Vec<String>);

    /// An API token just made, for the page that shows it this once (provided as context by
    /// the server's post handler that made it).
    #[derive(Clone, Debug)]
    pub struct FreshApiToken(pub String);

    /// A webhook signing secret just made, for the page that shows it this once.
    #[derive(Clone, Debug)]
    pub struct FreshWebhookSecret(pub String);

    /// How many unread notifications the signed-in person has (the bell's number).
    #[derive(Clone, Copy, Debug)]
    pub struct UnreadNotifications(pub i64);

    pub fn csrf() -> Option<String> {
        parts().and_then(|p| p.extensions.get::<CsrfToken>().map(|t| t.0.clone()))
    }

    pub fn desks() -> Result<SharedDesks, ServerFnError> {
        use_context::<SharedDesks>().ok_or_else(|| ServerFnError::new(codes::INTERNAL))
    }

    pub fn forbidden() -> ServerFnError {
        ServerFnError::new(codes::FORBIDDEN)
    }

    /// Maps a storage error to its code and sets the HTTP status of the page being rendered.
    pub fn fail(e: DeskError) -> ServerFnError {
        let (status, code) = match e {
            DeskError::NotFound => (http::StatusCode::NOT_FOUND, codes::NOT_FOUND),
            DeskError::Forbidden => (http::StatusCode::FORBIDDEN, codes::FORBIDDEN),
            DeskError::Internal => (http::StatusCode::INTERNAL_SERVER_ERROR, codes::INTERNAL),
        };
        if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
            resp.set_status(status);
        }
        ServerFnError::new(code)
    }
}

#[cfg(feature = "ssr")]
use server_side::*;
#[cfg(feature = "ssr")]
pub use server_side::{
    CsrfToken, CurrentSession, FreshApiToken, FreshRecoveryCodes, FreshWebhookSecret, UnreadNotifications,
};

/// Who is signed in, and the anti-forgery token for forms.
#[server(prefix = "/_fn", endpoint = "session_info")]
pub async fn session_info() -> Result<SessionView, ServerFnError> {
    // counted by the server's session middleware with the account it loads, so this answer
    // awaits nothing (an await here made hydration of some pages race; see layout.rs)
    let unread = use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<UnreadNotifications>().map(|u| u.0))
        .unwrap_or(0);
    let user = caller().map(|c| UserSummary {
        unread,
        display_name: c.display_name.clone(),
        role: c.role,
        org_name_ko: c.org_name_ko.clone(),
        org_name_en: c.org_name_en.clone(),
    });
    Ok(SessionView { user, csrf: csrf() })
}

/// The signed-in person's sessions, for "Your sessions".
#[server(prefix = "/_fn", endpoint = "my_sessions")]
pub async fn my_sessions() -> Result<Vec<SessionRow>, ServerFnError> {
    let user = caller().map(|c| c.user_id).ok_or_else(forbidden)?;
    desks()?.account_sessions(user, current_session()).await.map_err(fail)
}

/// Where the signed-in person stands with two-step verification; with the recovery codes the
/// post this page answers has just made (shown this once: they are not stored readable).
#[server(prefix = "/_fn", endpoint = "my_two_step")]
pub async fn my_two_step() -> Result<TwoStepView, ServerFnError> {
    let user = caller().map(|c| c.user_id).ok_or_else(forbidden)?;
    let mut view = desks()?.two_step(user).await.map_err(fail)?;
    view.fresh_codes = use_context::<FreshRecoveryCodes>().map(|c| c.0).unwrap_or_default();
    Ok(view)
}

/// The signed-in person's API tokens; with the token the post this page answers has just
/// made (shown this once: only its hash is kept).
#[server(prefix = "/_fn", endpoint = "my_api_tokens")]
pub async fn my_api_tokens() -> Result<ApiTokensView, ServerFnError> {
    let who = caller().ok_or_else(forbidden)?;
    let mut view = desks()?.api_tokens(who.user_id, who.role).await.map_err(fail)?;
    view.fresh = use_context::<FreshApiToken>().map(|t| t.0);
    Ok(view)
}

/// The organisation's webhooks (any member reads them; its admin changes them); with the
/// signing secret the post this page answers has just made.
#[server(prefix = "/_fn", endpoint = "org_webhooks")]
pub async fn org_webhooks() -> Result<WebhooksView, ServerFnError> {
    let cap = caller().and_then(|c| c.operator()).ok_or_else(forbidden)?;
    let mut view = desks()?.webhooks(&cap).await.map_err(fail)?;
    view.fresh_secret = use_context::<FreshWebhookSecret>().map(|t| t.0);
    Ok(view)
}

/// The two-step policy of every role, for the system administrator.
#[server(prefix = "/_fn", endpoint = "admin_two_step_policy")]
pub async fn admin_two_step_policy() -> Result<Vec<TwoStepPolicyRow>, ServerFnError> {
    let cap = caller().and_then(|c| c.admin()).ok_or_else(forbidden)?;
    desks()?.admin_two_step_policy(&cap).await.map_err(fail)
}

/// Whose a live e-mailed link is (`purpose`: `password_reset` or `invitation`); `None` when
/// the link does not work (the token is the secret: it is all anyone learns from).
#[server(prefix = "/_fn", endpoint = "link_info")]
pub async fn link_info(purpose: String, token: String) -> Result<Option<LinkOwner>, ServerFnError> {
    desks()?.link(&purpose, &token).await.map_err(fail)
}

/// The signed-in person's notifications, for the bell's page.
#[server(prefix = "/_fn", endpoint = "my_notifications")]
pub async fn my_notifications() -> Result<NotificationsView, ServerFnError> {
    let who = caller().ok_or_else(forbidden)?;
    desks()?.notifications(who.user_id, who.reviewer().is_some()).await.map_err(fail)
}

/// The outbox, for the system administrator.
#[server(prefix = "/_fn", endpoint = "admin_outbox")]
pub async fn admin_outbox(state: Option<String>) -> Result<OutboxPage, ServerFnError> {
    let cap = caller().and_then(|c| c.admin()).ok_or_else(forbidden)?;
    desks()?.admin_outbox(&cap, state).await.map_err(fail)
}

/// Organisations, for the system administrator (`q`: part of a name or short name).
#[server(prefix = "/_fn", endpoint = "admin_organisations")]
pub async fn admin_organisations(q: String) -> Result<Vec<OrgAdminRow>, ServerFnError> {
    let cap = caller().and_then(|c| c.admin()).ok_or_else(forbidden)?;
    desks()?.admin_organisations(&cap, q).await.map_err(fail)
}

/// One organisation, for the system administrator.
#[server(prefix = "/_fn", endpoint = "admin_organisation")]
pub async fn admin_organisation(slug: String) -> Result<OrgAdminView, ServerFnError> {
    let cap = caller().and_then(|c| c.admin()).ok_or_else(forbidden)?;
    desks()?.admin_organisation(&cap, slug).await.map_err(fail)
}

/// Ministry staff, for the system administrator.
#[server(prefix = "/_fn", endpoint = "admin_staff")]
pub async fn admin_staff() -> Result<Vec<PersonRow>, ServerFnError> {
    let cap = caller().and_then(|c| c.admin()).ok_or_else(forbidden)?;
    desks()?.admin_staff(&cap).await.map_err(fail)
}

/// The audit log, for the system administrator.
#[server(prefix = "/_fn", endpoint = "admin_audit")]
pub async fn admin_audit(prefix: String) -> Result<Vec<AuditRow>, ServerFnError> {
    let cap = caller().and_then(|c| c.admin()).ok_or_else(forbidden)?;
    desks()?.admin_audit(&cap, prefix).await.map_err(fail)
}

/// One outbox message in full, for the system administrator.
#[server(prefix = "/_fn", endpoint = "admin_outbox_message")]
pub async fn admin_outbox_message(id: i64) -> Result<OutboxMessageView, ServerFnError> {
    let cap = caller().and_then(|c| c.admin()).ok_or_else(forbidden)?;
    desks()?.admin_outbox_message(&cap, id).await.map_err(fail)
}

/// The signed-in operator's organisation's incidents, for its dashboard.
#[server(prefix = "/_fn", endpoint = "my_incidents")]
pub async fn my_incidents() -> Result<Vec<IncidentRow>, ServerFnError> {
    let cap = caller().and_then(|c| c.operator()).ok_or_else(forbidden)?;
    desks()?.operator_incidents(&cap).await.map_err(fail)
}

/// One incident of the signed-in operator's organisation: versions, draft, clocks.
#[server(prefix = "/_fn", endpoint = "my_incident")]
pub async fn my_incident(reference: String) -> Result<IncidentView, ServerFnError> {
    let cap = caller().and_then(|c| c.operator()).ok_or_else(forbidden)?;
    desks()?.operator_incident(&cap, &reference).await.map_err(fail)
}

/// The signed-in operator's organisation profile, services, facilities and team.
#[server(prefix = "/_fn", endpoint = "my_organisation")]
pub async fn my_organisation() -> Result<ProfileView, ServerFnError> {
    let cap = caller().and_then(|c| c.operator()).ok_or_else(forbidden)?;
    desks()?.operator_profile(&cap).await.map_err(fail)
}

/// Two filed versions of an incident compared field by field.
#[server(prefix = "/_fn", endpoint = "my_diff")]
pub async fn my_diff(reference: String, from: u32, to: u32) -> Result<DiffView, ServerFnError> {
    let cap = caller().and_then(|c| c.operator()).ok_or_else(forbidden)?;
    desks()?.operator_diff(&cap, &reference, from, to).await.map_err(fail)
}

/// One filing of the signed-in operator's organisation.
#[server(prefix = "/_fn", endpoint = "my_filing")]
pub async fn my_filing(reference: String) -> Result<FilingDetail, ServerFnError> {
    let cap = caller().and_then(|c| c.operator()).ok_or_else(forbidden)?;
    desks()?.operator_filing(&cap, &reference).await.map_err(fail)
}

/// Filings waiting for the ministry.
#[server(prefix = "/_fn", endpoint = "review_queue")]
pub async fn review_queue(query: crate::domain::queue::QueueQuery) -> Result<QueuePage, ServerFnError> {
    let cap = caller().and_then(|c| c.reviewer()).ok_or_else(forbidden)?;
    desks()?.review_queue(&cap, &query).await.map_err(fail)
}

/// One filing, as a reviewer sees it.
#[server(prefix = "/_fn", endpoint = "review_filing")]
pub async fn review_filing(reference: String) -> Result<FilingDetail, ServerFnError> {
    let cap = caller().and_then(|c| c.reviewer()).ok_or_else(forbidden)?;
    desks()?.review_filing(&cap, &reference).await.map_err(fail)
}

/// The ministry's case on an incident.
#[server(prefix = "/_fn", endpoint = "review_case")]
pub async fn review_case(reference: String) -> Result<CaseView, ServerFnError> {
    let cap = caller().and_then(|c| c.reviewer()).ok_or_else(forbidden)?;
    desks()?.review_case(&cap, &reference).await.map_err(fail)
}

/// The ministry's overview in the reader's language.
#[server(prefix = "/_fn", endpoint = "review_overview")]
pub async fn review_overview(lang: crate::i18n::Lang) -> Result<crate::domain::overview::Overview, ServerFnError> {
    let cap = caller().and_then(|c| c.reviewer()).ok_or_else(forbidden)?;
    desks()?.review_overview(&cap, lang).await.map_err(fail)
}

/// Published summaries: the only thing the public can read.
/// A page of published incidents matching the search and filters.
#[server(prefix = "/_fn", endpoint = "public_search")]
pub async fn public_search(query: crate::domain::public::SearchQuery) -> Result<PublicList, ServerFnError> {
    desks()?.public_search(query).await.map_err(fail)
}

/// An operator's public record.
#[server(prefix = "/_fn", endpoint = "public_operator")]
pub async fn public_operator(slug: String) -> Result<OperatorRecord, ServerFnError> {
    desks()?.public_operator(&slug).await.map_err(fail)
}

#[server(prefix = "/_fn", endpoint = "published_incidents")]
pub async fn published_incidents() -> Result<Vec<PublishedRow>, ServerFnError> {
    desks()?.published_incidents().await.map_err(fail)
}

/// One published summary.
#[server(prefix = "/_fn", endpoint = "published_incident")]
pub async fn published_incident(reference: String) -> Result<PublishedDetail, ServerFnError> {
    desks()?.published_incident(&reference).await.map_err(fail)
}
