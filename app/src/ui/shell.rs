//! The HTML document, the router and the route table.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::api::session_info;
use crate::domain::zone::UserZone;
use crate::i18n::{Lang, Msg};
use crate::pages::{
    account, admin, admin_orgs, admin_staff, api_tokens, case, draft, filing, incident, links, notifications,
    open_data, operator, organisation, overview, public, review, rules, two_step, webhooks,
};
use crate::ui::layout::{ErrorPage, Layout, NotFound};
use crate::ui::raw_sinks::PageTitle;

/// The language of this render: on the server, chosen by the server's middleware from the
/// `?lang=` parameter or the `lang` cookie; in the browser, read back from `<html lang>`
/// so hydration renders exactly what the server rendered.
pub fn current_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<Lang>().copied()).unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}

/// The reader's time zone, found like [`current_lang`] (from `<html data-tz>` in the browser).
pub fn current_zone() -> UserZone {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<UserZone>().copied()).unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("data-tz"))
            .and_then(|z| UserZone::parse(&z))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        UserZone::default()
    }
}

/// The time zone pages show and read times in, provided by [`App`].
pub fn use_zone() -> UserZone {
    use_context::<UserZone>().unwrap_or_default()
}

/// The language pages render in, provided by [`App`].
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The whole HTML document, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = current_lang();
    let zone = current_zone();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() data-tz=zone.iana()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <crate::ui::hydration::Hydration options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: every route of the site, or the error page the server asked for
/// (an [`crate::api::ErrorNotice`] in context, set only on the server).
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = current_lang();
    provide_context(lang);
    provide_context(current_zone());
    let session = Resource::new(|| (), |_| session_info());
    provide_context(session);

    view! {
        <Stylesheet id="leptos" href=crate::ui::hydration::stylesheet("outage-desk")/>
        <PageTitle text=Msg::SiteName.t(lang) describe=false/>
        <Router>
            <Layout>
                {match use_context::<crate::api::ErrorNotice>() {
                    Some(notice) => view! { <ErrorPage notice/> }.into_any(),
                    None => view! {
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=public::HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/incidents") view=public::IncidentsPage ssr=SsrMode::Async/>
                        <Route path=path!("/incidents/:reference") view=public::IncidentPage ssr=SsrMode::Async/>
                        <Route path=path!("/rules") view=rules::RulesPage ssr=SsrMode::Async/>
                        <Route path=path!("/operators/:slug") view=operator::OperatorPage ssr=SsrMode::Async/>
                        <Route path=path!("/open-data") view=open_data::OpenDataPage ssr=SsrMode::Async/>
                        <Route path=path!("/login") view=account::LoginPage ssr=SsrMode::Async/>
                        <Route path=path!("/login/reset") view=links::ForgotPasswordPage ssr=SsrMode::Async/>
                        <Route path=path!("/login/two-step") view=two_step::LoginTwoStepPage ssr=SsrMode::Async/>
                        <Route path=path!("/login/reset/:token") view=links::ResetPasswordPage ssr=SsrMode::Async/>
                        <Route path=path!("/login/invitation/:token") view=links::InvitationPage ssr=SsrMode::Async/>
                        <Route path=path!("/account/password") view=account::PasswordPage ssr=SsrMode::Async/>
                        <Route path=path!("/account/sessions") view=account::SessionsPage ssr=SsrMode::Async/>
                        <Route path=path!("/account/two-step") view=two_step::TwoStepPage ssr=SsrMode::Async/>
                        <Route path=path!("/account/api-tokens") view=api_tokens::ApiTokensPage ssr=SsrMode::Async/>
                        <Route path=path!("/account/notifications") view=notifications::NotificationsPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin") view=admin_staff::AdminHomePage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/organisations") view=admin_orgs::OrganisationsPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/organisations/:slug") view=admin_orgs::OrganisationAdminPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/staff") view=admin_staff::StaffPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/audit") view=admin_staff::AuditPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/outbox") view=admin::OutboxPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/outbox/:id") view=admin::OutboxMessagePage ssr=SsrMode::Async/>
                        <Route path=path!("/filing") view=filing::DashboardPage ssr=SsrMode::Async/>
                        <Route path=path!("/filing/new") view=filing::NewIncidentPage ssr=SsrMode::Async/>
                        <Route path=path!("/filing/organisation") view=organisation::OrganisationPage ssr=SsrMode::Async/>
                        <Route path=path!("/filing/organisation/webhooks") view=webhooks::WebhooksPage ssr=SsrMode::Async/>
                        <Route path=path!("/filing/incidents/:reference") view=incident::IncidentPage ssr=SsrMode::Async/>
                        <Route path=path!("/filing/incidents/:reference/draft/check") view=draft::CheckPage ssr=SsrMode::Async/>
                        <Route path=path!("/filing/incidents/:reference/draft/:section") view=draft::SectionPage ssr=SsrMode::Async/>
                        <Route path=path!("/filing/incidents/:reference/compare") view=incident::ComparePage ssr=SsrMode::Async/>
                        <Route path=path!("/filing/filings/:reference") view=filing::FilingPage ssr=SsrMode::Async/>
                        <Route path=path!("/review") view=review::QueuePage ssr=SsrMode::Async/>
                        <Route path=path!("/review/filings/:reference") view=review::ReviewFilingPage ssr=SsrMode::Async/>
                        <Route path=path!("/review/overview") view=overview::OverviewPage ssr=SsrMode::Async/>
                        <Route path=path!("/review/incidents/:reference") view=case::CasePage ssr=SsrMode::Async/>
                        <Route path=path!("/review/incidents/:reference/duties") view=case::AssessDutiesPage ssr=SsrMode::Async/>
                        <Route path=path!("/review/incidents/:reference/duties/:duty") view=case::DutyPage ssr=SsrMode::Async/>
                        <Route path=path!("/review/incidents/:reference/summary") view=case::SummaryPage ssr=SsrMode::Async/>
                        <Route path=path!("/review/incidents/:reference/close") view=case::CloseCasePage ssr=SsrMode::Async/>
                    </Routes>
                    }.into_any(),
                }}
            </Layout>
        </Router>
    }
}
