//! Pages of e-mailed links, for people not signed in: asking for a password-reset link
//! (`/login/reset`), and choosing a password from a reset link (`/login/reset/{token}`) or an
//! invitation (`/login/invitation/{token}`). A link that no longer works says so and offers
//! the way on; the reset request page answers the same whether or not the address exists.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::i18n::Msg;
use crate::ui::forms::{use_form_echo, Control, CsrfField, ErrorSummary, Field};
use crate::ui::raw_sinks::PageTitle;
use crate::ui::shell::use_lang;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let lang = use_lang();
    let echo = use_form_echo();
    let sent = use_query_map().read_untracked().get("sent").is_some();
    view! {
        <PageTitle text=Msg::ForgotTitle.t(lang)/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                let email = echo.as_ref().map(|e| e.value("email")).unwrap_or_default();
                let err = echo.as_ref().and_then(|e| e.errors.get("email"));
                view! {
                    <ErrorSummary echo=echo labels=vec![("email", Msg::Email)]/>
                    <h1>{Msg::ForgotTitle.t(lang)}</h1>
                    {sent.then(|| view! { <div class="notice" role="status">{Msg::ForgotSent.t(lang)}</div> })}
                    <p>{Msg::ForgotIntro.t(lang)}</p>
                    <form method="post" action="/login/reset" class="narrow-form" novalidate>
                        <CsrfField/>
                        <Field name="email" label=Msg::Email control=Control::Email value=email error=err autocomplete="username"/>
                        <button type="submit" class="button">{Msg::ForgotSend.t(lang)}</button>
                    </form>
                    <p><a href="/login">{Msg::BackToSignIn.t(lang)}</a></p>
                }
            })}
        </Suspense>
    }
}

/// The form that sets a password from a link of `purpose` (`password_reset` or `invitation`).
#[component]
fn ChoosePassword(purpose: &'static str) -> impl IntoView {
    let lang = use_lang();
    let token = use_params_map().read_untracked().get("token").unwrap_or_default();
    let asked = token.clone();
    // the page's data first, the form echo second (see `ui::forms::use_form_echo`)
    let link = Resource::new(move || asked.clone(), move |t| crate::api::link_info(purpose.to_string(), t));
    let echo = use_form_echo();
    let (title, button, action) = if purpose == "invitation" {
        (Msg::InvitationTitle, Msg::InvitationAccept, format!("/login/invitation/{token}"))
    } else {
        (Msg::ResetTitle, Msg::ResetSave, format!("/login/reset/{token}"))
    };
    view! {
        <PageTitle text=title.t(lang)/>
        <Suspense fallback=|| ()>
            {move || {
                let action = action.clone();
                Suspend::new(async move {
                let echo = echo.await;
                let Ok(Some(info)) = link.await else {
                    return view! {
                        <h1>{Msg::LinkDeadTitle.t(lang)}</h1>
                        <p>{if purpose == "invitation" { Msg::InvitationDead } else { Msg::ResetDead }.t(lang)}</p>
                        <p><a href="/login/reset">{Msg::ForgotTitle.t(lang)}</a>" · "<a href="/login">{Msg::BackToSignIn.t(lang)}</a></p>
                    }.into_any();
                };
                let err = |f: &str| echo.as_ref().and_then(|e| e.errors.get(f));
                let (new, confirm) = (err("new_password"), err("confirm_password"));
                view! {
                    <ErrorSummary echo=echo.clone() labels=vec![
                        ("new_password", Msg::NewPassword),
                        ("confirm_password", Msg::ConfirmPassword),
                    ]/>
                    <h1>{title.t(lang)}</h1>
                    <p>{Msg::LinkFor.fill(lang, &[("name", &info.name), ("email", &info.email)])}</p>
                    <form method="post" action=action class="narrow-form" novalidate>
                        <CsrfField/>
                        // lets password managers file the new password under the right account
                        <input type="hidden" name="username" value=info.email.clone() autocomplete="username"/>
                        <Field name="new_password" label=Msg::NewPassword hint=Msg::NewPasswordHint control=Control::Password error=new autocomplete="new-password"/>
                        <Field name="confirm_password" label=Msg::ConfirmPassword control=Control::Password error=confirm autocomplete="new-password"/>
                        <button type="submit" class="button">{button.t(lang)}</button>
                    </form>
                }.into_any()
            })}}
        </Suspense>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    view! { <ChoosePassword purpose="password_reset"/> }
}

#[component]
pub fn InvitationPage() -> impl IntoView {
    view! { <ChoosePassword purpose="invitation"/> }
}
