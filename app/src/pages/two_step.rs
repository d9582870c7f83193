//! Two-step verification: the code asked after the password (`/login/two-step`) and the
//! person's own set-up (`/account/two-step`): scanning a QR code drawn by the server, the
//! recovery codes shown once, new codes, another app, turning it off where the role allows.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{FormEcho, TwoStepView};
use crate::domain::two_step::{Standing, RECOVERY_CODES};
use crate::i18n::{Lang, Msg};
use crate::ui::forms::{use_form_echo, Control, CsrfField, ErrorSummary, Field};
use crate::ui::raw_sinks::PageTitle;
use crate::ui::shell::{use_lang, use_zone};

#[component]
pub fn LoginTwoStepPage() -> impl IntoView {
    let lang = use_lang();
    let echo = use_form_echo();
    view! {
        <PageTitle text=Msg::TwoStepTitle.t(lang)/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                let err = echo.as_ref().and_then(|e| e.errors.get("code"));
                view! {
                    <ErrorSummary echo=echo labels=vec![("code", Msg::TwoStepCode)]/>
                    <h1>{Msg::TwoStepTitle.t(lang)}</h1>
                    <p>{Msg::TwoStepPrompt.t(lang)}</p>
                    <form method="post" action="/login/two-step" class="narrow-form" novalidate>
                        <CsrfField/>
                        <Field name="code" label=Msg::TwoStepCode hint=Msg::TwoStepCodeHint error=err autocomplete="one-time-code"/>
                        <button type="submit" class="button">{Msg::TwoStepVerify.t(lang)}</button>
                    </form>
                    <p><a href="/login">{Msg::TwoStepCancel.t(lang)}</a></p>
                }
            })}
        </Suspense>
    }
}

/// What the page says at the top after a post (from the address it was sent to).
fn notice_of(query: &leptos_router::params::ParamsMap) -> Option<Msg> {
    [
        ("enabled", Msg::TwoStepEnabledNotice),
        ("codes", Msg::TwoStepNewCodesNotice),
        ("off", Msg::TwoStepOffNotice),
        ("recovery_used", Msg::TwoStepRecoveryUsedNotice),
    ]
    .into_iter()
    .find(|(k, _)| query.get(k).is_some())
    .map(|(_, m)| m)
}

#[component]
pub fn TwoStepPage() -> impl IntoView {
    let lang = use_lang();
    // the page's data first, the form echo second (see `ui::forms::use_form_echo`)
    let data = Resource::new(|| (), |_| crate::api::my_two_step());
    let echo = use_form_echo();
    let notice = notice_of(&use_query_map().read_untracked());
    view! {
        <PageTitle text=Msg::TwoStepTitle.t(lang)/>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let echo = echo.await;
                let view_data = match data.await {
                    Ok(v) => v,
                    Err(e) => return view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                };
                let labels = vec![
                    ("code", Msg::TwoStepCode),
                    ("password_recovery", Msg::CurrentPassword),
                    ("password_replace", Msg::CurrentPassword),
                    ("password_off", Msg::CurrentPassword),
                ];
                view! {
                    <ErrorSummary echo=echo.clone() labels=labels/>
                    <h1>{Msg::TwoStepTitle.t(lang)}</h1>
                    {notice.map(|m| view! { <div class="notice" role="status">{m.t(lang)}</div> })}
                    <FreshCodes codes=view_data.fresh_codes.clone()/>
                    <Standing view=view_data.clone()/>
                    <p>{Msg::TwoStepIntro.t(lang)}</p>
                    {match (view_data.setup_key.clone(), view_data.standing) {
                        (Some(key), _) => view! { <SetUp key=key echo=echo.clone()/> }.into_any(),
                        (None, Standing::On) => view! { <Manage view=view_data.clone() echo=echo.clone()/> }.into_any(),
                        (None, _) => view! { <Begin expired=view_data.setup_expired/> }.into_any(),
                    }}
                }.into_any()
            })}
        </Suspense>
    }
}

/// The person's standing, as a tag with words (not colour alone), and what it means for them.
#[component]
fn Standing(view: TwoStepView) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let (tag, class) = match view.standing {
        Standing::On => (Msg::TwoStepStatusOn, "tag tag-green"),
        Standing::Missing => (Msg::TwoStepStatusMissing, "tag tag-red"),
        Standing::Off => (Msg::TwoStepStatusOff, "tag tag-grey"),
    };
    let note = match view.standing {
        Standing::Missing => {
            Some(view! { <div class="inset" role="status">{Msg::TwoStepRequiredNotice.t(lang)}</div> }.into_any())
        }
        Standing::Off => Some(view! { <p class="hint">{Msg::TwoStepOptionalNote.t(lang)}</p> }.into_any()),
        Standing::On => None,
    };
    let since =
        view.enrolled.map(|t| view! { " · "{Msg::TwoStepSince.t(lang)}" "<span class="date">{zone.display(t)}</span> });
    view! {
        <p><strong class=class>{tag.t(lang)}</strong>{since}</p>
        {note}
    }
}

/// The recovery codes just made, shown this once.
#[component]
fn FreshCodes(codes: Vec<String>) -> impl IntoView {
    let lang = use_lang();
    (!codes.is_empty()).then(|| {
        view! {
            <section class="panel recovery-codes" aria-labelledby="recovery-title">
                <h2 id="recovery-title">{Msg::TwoStepFreshTitle.t(lang)}</h2>
                <p>{Msg::TwoStepFreshIntro.t(lang)}</p>
                <ol class="code-list">
                    {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                </ol>
            </section>
        }
    })
}

/// Not set up: one button begins.
#[component]
fn Begin(expired: bool) -> impl IntoView {
    let lang = use_lang();
    view! {
        {expired.then(|| view! { <div class="inset" role="status">{Msg::TwoStepSetupExpired.t(lang)}</div> })}
        <form method="post" action="/account/two-step/start">
            <CsrfField/>
            <button type="submit" class="button">{Msg::TwoStepSetUp.t(lang)}</button>
        </form>
    }
}

/// Setting up: the app, the QR code (or the key typed by hand), the code that confirms it.
#[component]
fn SetUp(key: String, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let err = echo.as_ref().and_then(|e| e.errors.get("code"));
    view! {
        <section id="setup" aria-labelledby="setup-title">
            <h2 id="setup-title">{Msg::TwoStepSetUp.t(lang)}</h2>
            <ol class="steps">
                <li>{Msg::TwoStepStep1.t(lang)}</li>
                <li>
                    <p>{Msg::TwoStepStep2.t(lang)}</p>
                    <img class="qr-code" src="/account/two-step/qr.svg" width="220" height="220" alt=Msg::TwoStepQrAlt.t(lang)/>
                    <p>{Msg::TwoStepKey.t(lang)}": "<code class="setup-key">{key}</code></p>
                </li>
                <li>
                    <form method="post" action="/account/two-step/confirm" class="narrow-form" novalidate>
                        <CsrfField/>
                        <Field name="code" label=Msg::TwoStepCode hint=Msg::TwoStepStep3 control=Control::Number error=err autocomplete="one-time-code"/>
                        <button type="submit" class="button">{Msg::TwoStepConfirm.t(lang)}</button>
                    </form>
                </li>
            </ol>
            <form method="post" action="/account/two-step/start">
                <CsrfField/>
                <input type="hidden" name="restart" value="1"/>
                <button type="submit" class="button button-secondary">{Msg::TwoStepRestart.t(lang)}</button>
            </form>
        </section>
    }
}

/// A form asking the current password before a change (`name`: its field).
#[component]
fn WithPassword(
    action: &'static str,
    name: &'static str,
    title: Msg,
    hint: Msg,
    echo: Option<FormEcho>,
    #[prop(optional)] warning: bool,
) -> impl IntoView {
    let lang = use_lang();
    let err = echo.as_ref().and_then(|e| e.errors.get(name));
    let class = if warning { "button button-warning" } else { "button button-secondary" };
    view! {
        <h3>{title.t(lang)}</h3>
        <p class="hint">{hint.t(lang)}</p>
        <form method="post" action=action class="narrow-form" novalidate>
            <CsrfField/>
            <Field name=name label=Msg::CurrentPassword hint=Msg::TwoStepPasswordHint control=Control::Password error=err autocomplete="current-password"/>
            <button type="submit" class=class>{title.t(lang)}</button>
        </form>
    }
}

/// On: recovery codes left, new codes, another app, and turning it off where allowed.
#[component]
fn Manage(view: TwoStepView, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let left = recovery_left(lang, view.recovery_left);
    let low = match view.recovery_left {
        0 => Some(Msg::TwoStepRecoveryNone),
        1..=3 => Some(Msg::TwoStepRecoveryLow),
        _ => None,
    }
    .map(|m| view! { <p class="inset">{m.t(lang)}</p> });
    view! {
        <h2>{Msg::TwoStepFreshTitle.t(lang)}</h2>
        <p>{left}</p>
        {low}
        <WithPassword action="/account/two-step/recovery" name="password_recovery" title=Msg::TwoStepNewCodes
            hint=Msg::TwoStepNewCodesHint echo=echo.clone()/>
        <WithPassword action="/account/two-step/start" name="password_replace" title=Msg::TwoStepReplace
            hint=Msg::TwoStepReplaceHint echo=echo.clone()/>
        {view.may_turn_off.then(|| view! {
            <WithPassword action="/account/two-step/off" name="password_off" title=Msg::TwoStepTurnOff
                hint=Msg::TwoStepTurnOffHint echo=echo.clone() warning=true/>
        })}
    }
}

fn recovery_left(lang: Lang, n: i64) -> String {
    Msg::TwoStepRecoveryLeft.fill(lang, &[("n", &n), ("total", &RECOVERY_CODES)])
}
