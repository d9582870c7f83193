//! The frame of every page: official-site masthead, header, navigation, language switch.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::{codes, SessionView};
use crate::domain::auth::Role;
use crate::domain::zone::UserZone;
use crate::i18n::{Lang, Msg};
use crate::ui::forms::CsrfField;
use crate::ui::shell::{use_lang, use_zone};

/// The session resource provided by [`crate::App`]. Its server function must await nothing
/// (everything it answers is in the request already): an await there let some pages hydrate
/// twice, their content appended a second time (tachys 0.2.19; caught by the browser tests).
pub fn use_session() -> Resource<Result<SessionView, ServerFnError>> {
    expect_context()
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let lang = use_lang();
    view! {
        <a class="skip-link" href="#main">{Msg::SkipToContent.t(lang)}</a>
        // One banner landmark holds the official-site masthead and the header, so that no
        // content sits outside a landmark.
        <header>
            // the official-site note with the language switch; under the header, who is signed
            // in with their account links: kept out of the navigation so it stays on one line
            <div class="masthead">
                <div class="container masthead-row">
                    <p class="masthead-note" role="note">{Msg::Masthead.t(lang)}</p>
                    <LangSwitch/>
                </div>
            </div>
            <div class="site-header">
                <div class="container header-row">
                    <a class="site-name" href="/">{Msg::SiteName.t(lang)}</a>
                    <Nav/>
                </div>
            </div>
            <div class="account-bar">
                <div class="container account-row"><AccountBar/></div>
            </div>
        </header>
        <main id="main" class="container" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="container">
                <p>{Msg::SiteName.t(lang)}" · "{Msg::Masthead.t(lang)}</p>
                <p><a href="/rules">{Msg::RulesTitle.t(lang)}</a></p>
                <ZoneSwitch/>
            </div>
        </footer>
    }
}

/// Who is signed in, with the password and sign-out links; "sign in" for everyone else.
#[component]
fn AccountBar() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    // Rendered after `Nav` in the document: placed before it (in the masthead), the pages'
    // own reads of the session failed to hydrate (tachys 0.2.19; the browser tests catch it).
    view! {
        <div class="account-links">
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session.await.unwrap_or_default();
                match info.user {
                    Some(user) => {
                        let org = lang.pick(
                            user.org_name_ko.as_deref().unwrap_or(""),
                            user.org_name_en.as_deref().unwrap_or(""),
                        ).to_string();
                        view! {
                            <span class="whoami">
                                <span class="visually-hidden">{Msg::SignedInAs.t(lang)}" "</span>
                                {user.display_name}" · "{Msg::from(user.role).t(lang)}
                                {(!org.is_empty()).then(|| format!(" · {org}"))}
                            </span>
                            <Bell unread=user.unread/>
                            <a href="/account/sessions">{Msg::NavSessions.t(lang)}</a>
                            <a href="/account/password">{Msg::NavPassword.t(lang)}</a>
                            <a href="/account/two-step">{Msg::NavTwoStep.t(lang)}</a>
                            <a href="/account/api-tokens">{Msg::NavApiTokens.t(lang)}</a>
                            <form method="post" action="/logout" class="inline-form">
                                <CsrfField/>
                                <button type="submit" class="link-button">{Msg::SignOut.t(lang)}</button>
                            </form>
                        }.into_any()
                    }
                    None => view! { <a href="/login">{Msg::SignIn.t(lang)}</a> }.into_any(),
                }
            })}
        </Suspense>
        </div>
    }
}

/// The bell: a link to the notifications, with the number unread as a badge and, for screen
/// readers, in words (the link's name starts with its visible text).
#[component]
fn Bell(unread: i64) -> impl IntoView {
    let lang = use_lang();
    let words = Msg::NotificationsUnread.fill(lang, &[("n", &unread)]);
    let title = words.clone();
    view! {
        <a href="/account/notifications" class="bell" title=title>
            <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 24 24">
                <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"/>
            </svg>
            {Msg::NavNotifications.t(lang)}
            {(unread > 0).then(|| view! { <span class="bell-count" aria-hidden="true">{unread.min(99)}</span> })}
            <span class="visually-hidden">" ("{words}")"</span>
        </a>
    }
}

/// Links for what the signed-in person can do.
#[component]
fn Nav() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    view! {
        <nav class="site-nav" aria-label=Msg::SiteName.t(lang)>
            <a href="/incidents">{Msg::NavIncidents.t(lang)}</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let info = session.await.unwrap_or_default();
                    let Some(role) = info.user.map(|u| u.role) else { return ().into_any() };
                    let links: Vec<(&'static str, Msg)> = match role {
                        r if r.is_operator() => vec![("/filing", Msg::NavFiling), ("/filing/organisation", Msg::NavOrganisation)],
                        Role::Reviewer | Role::ReviewLead => vec![("/review", Msg::NavReview), ("/review/overview", Msg::NavOverview)],
                        Role::SystemAdmin => vec![("/admin", Msg::NavAdmin), ("/admin/organisations", Msg::AdminOrganisations), ("/admin/outbox", Msg::OutboxTitle)],
                        _ => Vec::new(),
                    };
                    links.into_iter().map(|(href, label)| view! { <a href=href>{label.t(lang)}</a> }).collect_view().into_any()
                })}
            </Suspense>
        </nav>
    }
}

/// Link to the same page in the other language. `rel="external"` makes it a real request,
/// so the server can remember the choice in a cookie.
#[component]
fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let other = match lang {
        Lang::Ko => Lang::En,
        Lang::En => Lang::Ko,
    };
    // An error page after a post is not at an address that can be fetched again.
    let stay = use_context::<crate::api::ErrorNotice>().is_none_or(|n| n.same_address);
    let href = move || {
        let path = if stay { location.pathname.get() } else { "/".to_string() };
        format!("{path}?lang={}", other.code())
    };
    view! {
        <a class="lang-switch" rel="external" href=href hreflang=other.code() lang=other.code()>
            {Msg::LanguageSwitch.t(lang)}
        </a>
    }
}

/// Chooses the time zone times are shown and typed in; remembered in a cookie by the
/// server. A plain GET form, so it works without JavaScript.
#[component]
fn ZoneSwitch() -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let location = use_location();
    let options = UserZone::ALL
        .into_iter()
        .map(|z| view! { <option value=z.iana() selected=z == zone>{lang.pick(z.label().0, z.label().1)}</option> })
        .collect_view();
    view! {
        <form method="get" action=move || location.pathname.get() class="zone-switch">
            <label for="tz">{Msg::TimeZone.t(lang)}</label>
            " "
            <select id="tz" name="tz">{options}</select>
            " "
            <button type="submit" class="button button-secondary">{Msg::Apply.t(lang)}</button>
        </form>
    }
}

/// Shown for unknown addresses and for items the caller may not see (the two look alike on
/// purpose, so nobody can probe for other organisations' references).
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        resp.set_status(http::StatusCode::NOT_FOUND);
    }
    let lang = use_lang();
    view! {
        <crate::ui::raw_sinks::PageTitle text=Msg::NotFoundTitle.t(lang)/>
        <h1>{Msg::NotFoundTitle.t(lang)}</h1>
        <p>{Msg::NotFoundBody.t(lang)}</p>
    }
}

/// The page for a refusal or failure the server answered with; it says nothing of the
/// cause, which the server has logged.
#[component]
pub fn ErrorPage(notice: crate::api::ErrorNotice) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(notice.status) {
            resp.set_status(status);
        }
    }
    let lang = use_lang();
    view! {
        <crate::ui::raw_sinks::PageTitle text=notice.title.t(lang)/>
        <h1>{notice.title.t(lang)}</h1>
        <p>{notice.body.t(lang)}</p>
        <p><a href="/">{Msg::SiteName.t(lang)}</a></p>
    }
}

/// Shows a failed read: not found, sign-in required, or a generic error. Never the cause.
#[component]
pub fn ReadError(error: ServerFnError) -> impl IntoView {
    let lang = use_lang();
    let code = match &error {
        ServerFnError::ServerError(c) => c.as_str(),
        _ => codes::INTERNAL,
    };
    match code {
        codes::NOT_FOUND => view! { <NotFound/> }.into_any(),
        codes::FORBIDDEN => view! {
            <h1>{Msg::SignInRequired.t(lang)}</h1>
            <p>{Msg::SignInRequiredBody.t(lang)}</p>
            <p><a href="/login">{Msg::SignIn.t(lang)}</a></p>
        }
        .into_any(),
        _ => view! {
            <h1>{Msg::ErrorTitle.t(lang)}</h1>
            <p>{Msg::ErrorBody.t(lang)}</p>
        }
        .into_any(),
    }
}
