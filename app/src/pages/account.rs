//! Signing in, and changing one's password. Signing out is a form in the header.

use crate::ui::raw_sinks::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::Msg;
use crate::ui::forms::{use_form_echo, Control, CsrfField, ErrorSummary, Field};
use crate::ui::shell::use_lang;

#[component]
pub fn LoginPage() -> impl IntoView {
    let lang = use_lang();
    let echo = use_form_echo();
    // The page to come back to (checked again by the server when the form is sent).
    let query = use_query_map().read_untracked();
    let asked = query.get("next").unwrap_or_default();
    let done = [
        ("reset", Msg::PasswordResetDone),
        ("joined", Msg::InvitationDone),
        ("exists", Msg::InvitationAddressTaken),
        ("expired", Msg::LoginExpired),
    ]
    .into_iter()
    .find(|(k, _)| query.get(k).is_some())
    .map(|(_, m)| m);
    view! {
        <PageTitle text=Msg::LoginTitle.t(lang)/>
        <Suspense fallback=|| ()>
            {move || {
                let asked = asked.clone();
                Suspend::new(async move {
                let echo = echo.await;
                let email = echo.as_ref().map(|e| e.value("email")).unwrap_or_default();
                let next = echo.as_ref().map(|e| e.value("next")).filter(|n| !n.is_empty()).unwrap_or_else(|| asked.clone());
                let next = crate::domain::sign_in::return_path(&next).map(str::to_string);
                let email_err = echo.as_ref().and_then(|e| e.errors.get("email"));
                let pw_err = echo.as_ref().and_then(|e| e.errors.get("password"));
                view! {
                    <ErrorSummary echo=echo labels=vec![("email", Msg::Email), ("password", Msg::Password)]/>
                    <h1>{Msg::LoginTitle.t(lang)}</h1>
                    {done.map(|m| view! { <div class="notice" role="status">{m.t(lang)}</div> })}
                    <form method="post" action="/login" class="narrow-form" novalidate>
                        <CsrfField/>
                        {next.map(|n| view! { <input type="hidden" name="next" value=n/> })}
                        <Field name="email" label=Msg::Email control=Control::Email value=email error=email_err autocomplete="username"/>
                        <Field name="password" label=Msg::Password control=Control::Password error=pw_err autocomplete="current-password"/>
                        <button type="submit" class="button">{Msg::SignIn.t(lang)}</button>
                    </form>
                    <p><a href="/login/reset">{Msg::ForgotLink.t(lang)}</a></p>
                    <p class="hint">{Msg::SessionLimits.t(lang)}</p>
                }
            })}}
        </Suspense>
    }
}

#[component]
pub fn PasswordPage() -> impl IntoView {
    let lang = use_lang();
    let echo = use_form_echo();
    let query = use_query_map();
    let changed = query.read_untracked().get("changed").is_some();
    let first = query.read_untracked().get("first").is_some();
    view! {
        <PageTitle text=Msg::PasswordTitle.t(lang)/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                let err = |f: &str| echo.as_ref().and_then(|e| e.errors.get(f));
                let (current, new, confirm) = (err("current_password"), err("new_password"), err("confirm_password"));
                view! {
                    <ErrorSummary echo=echo.clone() labels=vec![
                        ("current_password", Msg::CurrentPassword),
                        ("new_password", Msg::NewPassword),
                        ("confirm_password", Msg::ConfirmPassword),
                    ]/>
                    <h1>{Msg::PasswordTitle.t(lang)}</h1>
                    {changed.then(|| view! { <div class="notice" role="status">{Msg::PasswordChangedSessions.t(lang)}</div> })}
                    {first.then(|| view! { <div class="inset" role="status">{Msg::MustChangePassword.t(lang)}</div> })}
                    <form method="post" action="/account/password" class="narrow-form" novalidate>
                        <CsrfField/>
                        <Field name="current_password" label=Msg::CurrentPassword control=Control::Password error=current autocomplete="current-password"/>
                        <Field name="new_password" label=Msg::NewPassword hint=Msg::NewPasswordHint control=Control::Password error=new autocomplete="new-password"/>
                        <Field name="confirm_password" label=Msg::ConfirmPassword control=Control::Password error=confirm autocomplete="new-password"/>
                        <button type="submit" class="button">{Msg::PasswordTitle.t(lang)}</button>
                    </form>
                    <p class="hint">{Msg::SessionLimits.t(lang)}</p>
                }
            })}
        </Suspense>
    }
}

/// `/account/sessions`: where the person is signed in (when each session began, when it was
/// last used, from which browser), with a button to end any of them; ending this one signs out.
#[component]
pub fn SessionsPage() -> impl IntoView {
    let lang = use_lang();
    let zone = crate::ui::shell::use_zone();
    let ended = use_query_map().read_untracked().get("ended").is_some();
    let sessions = Resource::new(|| (), |_| crate::api::my_sessions());
    view! {
        <PageTitle text=Msg::SessionsTitle.t(lang)/>
        <h1>{Msg::SessionsTitle.t(lang)}</h1>
        {ended.then(|| view! { <div class="notice" role="status">{Msg::SessionEndedNotice.t(lang)}</div> })}
        <p class="hint">{Msg::SessionsIntro.t(lang)}" "{Msg::SessionLimits.t(lang)}</p>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let rows = match sessions.await {
                    Ok(rows) => rows,
                    Err(e) => return view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                };
                let body = rows
                    .into_iter()
                    .map(|s| {
                        let this = s.current.then(|| view! { " "<strong class="tag tag-green">{Msg::ThisSession.t(lang)}</strong> });
                        view! {
                            <tr>
                                <td class="stack-head">{s.user_agent.clone()}{this}</td>
                                <td data-label=Msg::SessionBegan.t(lang)><span class="date">{zone.display(s.created)}</span></td>
                                <td data-label=Msg::SessionLastSeen.t(lang)><span class="date">{zone.display(s.last_seen)}</span></td>
                                <td>
                                    <form method="post" action=format!("/account/sessions/{}/end", s.id)>
                                        <CsrfField/>
                                        <button type="submit" class="button button-secondary">
                                            {if s.current { Msg::EndThisSession } else { Msg::EndSession }.t(lang)}
                                        </button>
                                    </form>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <crate::ui::table::DataTable caption=Msg::SessionsTitle.t(lang) stack=true columns=vec![
                        Msg::SessionBrowser.into(), Msg::SessionBegan.into(), Msg::SessionLastSeen.into(),
                        crate::ui::table::Col::Hidden(Msg::EndSession),
                    ]>{body}</crate::ui::table::DataTable>
                }
                .into_any()
            })}
        </Suspense>
    }
}
