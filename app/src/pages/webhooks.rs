//! `/filing/organisation/webhooks`: the organisation's webhook endpoints, each with its events,
//! state and recent deliveries. Every member reads it; the organisation's admin registers an
//! endpoint (its signing secret shown once), sends a test event, turns one on again and deletes
//! one (after a confirmation).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{FormEcho, WebhookDelivery, WebhookRow, WebhooksView};
use crate::domain::notice::NoticeKind;
use crate::i18n::notice_text::kind_name;
use crate::i18n::{Lang, Msg};
use crate::ui::forms::{use_form_echo, ConfirmedPost, CsrfField, ErrorSummary, Field};
use crate::ui::raw_sinks::PageTitle;
use crate::ui::shell::{use_lang, use_zone};

const DELETE_STEPS: [Msg; 3] = [Msg::WebhookDeleteStart, Msg::WebhookDeleteExplain, Msg::WebhookDelete];
const BASE: &str = "/filing/organisation/webhooks";

fn event_name(code: &str, lang: Lang) -> String {
    NoticeKind::parse(code).map_or_else(|| code.to_string(), |k| kind_name(k, lang).to_string())
}

#[component]
pub fn WebhooksPage() -> impl IntoView {
    let lang = use_lang();
    let saved = use_query_map().read_untracked().get("saved").is_some();
    let hooks = Resource::new(|| (), |_| crate::api::org_webhooks());
    // the page's data first, the form echo second (see `ui::forms::use_form_echo`)
    let echo = use_form_echo();
    view! {
        <PageTitle text=Msg::WebhooksTitle.t(lang)/>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let echo = echo.await;
                let view = match hooks.await {
                    Ok(v) => v,
                    Err(e) => return view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                };
                let WebhooksView { hooks, can_manage, fresh_secret } = view;
                view! {
                    <ErrorSummary echo=echo.clone() labels=vec![("url", Msg::WebhookUrl), ("events", Msg::WebhookEvents)]/>
                    <p class="caption"><a href="/filing/organisation">{Msg::OrganisationTitle.t(lang)}</a></p>
                    <h1>{Msg::WebhooksTitle.t(lang)}</h1>
                    {saved.then(|| view! { <div class="notice" role="status">{Msg::WebhookDone.t(lang)}</div> })}
                    {fresh_secret.map(|s| view! { <FreshSecret secret=s/> })}
                    <p>{Msg::WebhooksIntro.t(lang)}</p>
                    <p><a href="/api/docs">{Msg::ApiTokensDocs.t(lang)}</a></p>
                    {if hooks.is_empty() {
                        view! { <p>{Msg::WebhooksNone.t(lang)}</p> }.into_any()
                    } else {
                        hooks.into_iter().map(|h| view! { <Hook hook=h can_manage=can_manage/> }).collect_view().into_any()
                    }}
                    {can_manage.then(|| view! { <NewHook echo=echo/> })}
                    {(!can_manage).then(|| view! { <p class="inset">{Msg::WebhooksAdminOnly.t(lang)}</p> })}
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn FreshSecret(secret: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="recovery-codes fresh-token" role="status">
            <h2>{Msg::WebhookSecretTitle.t(lang)}</h2>
            <p>{Msg::WebhookSecretBody.t(lang)}</p>
            <label for="fresh-secret">{Msg::WebhookSecretLabel.t(lang)}</label>
            <input id="fresh-secret" class="code-input" type="text" readonly value=secret spellcheck="false" autocomplete="off"/>
        </div>
    }
}

#[component]
fn Hook(hook: WebhookRow, can_manage: bool) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let (state, class) = match (hook.disabled_at, hook.disabled_by_desk) {
        (None, _) => (Msg::WebhookActive, "tag tag-green"),
        (Some(_), true) => (Msg::WebhookOffFailures, "tag tag-red"),
        (Some(_), false) => (Msg::WebhookOffAdmin, "tag tag-grey"),
    };
    let events = hook.events.iter().map(|e| event_name(e, lang)).collect::<Vec<_>>().join(", ");
    let id = hook.id;
    let off = hook.disabled_at.is_some();
    view! {
        <section class="webhook" aria-labelledby=format!("webhook-{id}")>
            <h2 id=format!("webhook-{id}") class="webhook-url"><code>{hook.url.clone()}</code></h2>
            <p><strong class=class>{state.t(lang)}</strong></p>
            <dl class="summary-list">
                <dt>{Msg::WebhookEvents.t(lang)}</dt><dd>{events}</dd>
                <dt>{Msg::ApiTokenCreated.t(lang)}</dt><dd>{format!("{} · {}", zone.display(hook.created_at), hook.created_by)}</dd>
            </dl>
            {can_manage.then(|| view! {
                <div class="button-row">
                    <form method="post" action=format!("{BASE}/{id}/ping") class="inline-form">
                        <CsrfField/>
                        <button type="submit" class="button button-secondary">{Msg::WebhookPing.t(lang)}</button>
                    </form>
                    {off.then(|| view! {
                        <form method="post" action=format!("{BASE}/{id}/enable") class="inline-form">
                            <CsrfField/>
                            <button type="submit" class="button button-secondary">{Msg::WebhookEnable.t(lang)}</button>
                        </form>
                    })}
                    <ConfirmedPost action=format!("{BASE}/{id}/delete") steps=DELETE_STEPS/>
                </div>
            })}
            <h3>{Msg::WebhookDeliveries.t(lang)}</h3>
            <Deliveries rows=hook.deliveries/>
        </section>
    }
}

#[component]
fn Deliveries(rows: Vec<WebhookDelivery>) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    if rows.is_empty() {
        return view! { <p>{Msg::WebhookDeliveryNone.t(lang)}</p> }.into_any();
    }
    let body = rows
        .into_iter()
        .map(|d| {
            let state = match d.state.as_str() {
                "delivered" => Msg::WebhookDelivered,
                "failed" => Msg::WebhookFailed,
                _ => Msg::WebhookPending,
            };
            let result = match (d.last_status, d.last_error.is_empty()) {
                (Some(s), true) => format!("{} ({s})", state.t(lang)),
                (Some(s), false) => format!("{} ({s}: {})", state.t(lang), d.last_error),
                (None, false) => format!("{} ({})", state.t(lang), d.last_error),
                (None, true) => state.t(lang).to_string(),
            };
            view! {
                <tr>
                    <td class="stack-head">{format!("{} {}", event_name(&d.event, lang), d.reference)}</td>
                    <td data-label=Msg::ApiTokenCreated.t(lang)><span class="date">{zone.display(d.created_at)}</span></td>
                    <td data-label=Msg::WebhookAttempts.t(lang)>{d.attempts}</td>
                    <td data-label=Msg::WebhookResult.t(lang)>{result}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <crate::ui::table::DataTable caption=Msg::WebhookDeliveries.t(lang) stack=true columns=vec![
            Msg::WebhookEvent.into(), Msg::ApiTokenCreated.into(), Msg::WebhookAttempts.into(), Msg::WebhookResult.into(),
        ]>{body}</crate::ui::table::DataTable>
    }
    .into_any()
}

#[component]
fn NewHook(echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let err = |f: &str| echo.as_ref().and_then(|e| e.errors.get(f));
    let url = echo.as_ref().map(|e| e.value("url")).unwrap_or_default();
    let events_err = err("events");
    let boxes = crate::domain::webhook::events()
        .into_iter()
        .map(|k| {
            let id = format!("event_{}", k.code());
            let checked = echo.as_ref().is_some_and(|e| e.value(&id) == "yes");
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone() name=id.clone() value="yes" checked=checked/>
                    <label for=id>{kind_name(k, lang)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2>{Msg::WebhookAdd.t(lang)}</h2>
        <form method="post" action=BASE class="narrow-form" novalidate>
            <CsrfField/>
            <Field name="url" label=Msg::WebhookUrl hint=Msg::WebhookUrlHint value=url error=err("url")/>
            <fieldset class="field" class:field-has-error=events_err.is_some() id="events">
                <legend>{Msg::WebhookEvents.t(lang)}</legend>
                {events_err.map(|e| view! { <p class="error-message" id="events-error">{e.text(lang)}</p> })}
                {boxes}
            </fieldset>
            <button type="submit" class="button">{Msg::WebhookAdd.t(lang)}</button>
        </form>
    }
}
