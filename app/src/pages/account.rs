//! Signing in. Signing out is a form in the header.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::Msg;
use crate::ui::forms::{use_form_echo, Control, CsrfField, ErrorSummary, Field};
use crate::ui::shell::use_lang;

#[component]
pub fn LoginPage() -> impl IntoView {
    let lang = use_lang();
    let echo = use_form_echo();
    view! {
        <Title text=Msg::LoginTitle.t(lang)/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                let email = echo.as_ref().map(|e| e.value("email")).unwrap_or_default();
                let email_err = echo.as_ref().and_then(|e| e.errors.get("email"));
                let pw_err = echo.as_ref().and_then(|e| e.errors.get("password"));
                view! {
                    <ErrorSummary echo=echo labels=vec![("email", Msg::Email), ("password", Msg::Password)]/>
                    <h1>{Msg::LoginTitle.t(lang)}</h1>
                    <form method="post" action="/login" class="narrow-form" novalidate>
                        <CsrfField/>
                        <Field name="email" label=Msg::Email control=Control::Email value=email error=email_err autocomplete="username"/>
                        <Field name="password" label=Msg::Password control=Control::Password error=pw_err autocomplete="current-password"/>
                        <button type="submit" class="button">{Msg::SignIn.t(lang)}</button>
                    </form>
                }
            })}
        </Suspense>
    }
}
