//! `/account/api-tokens`: the person's personal API tokens (name, scopes, expiry, last use),
//! making one (shown once, in the answer to the post that made it) and revoking one.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{ApiTokenRow, ApiTokensView, FormEcho};
use crate::domain::api_token::Scope;
use crate::i18n::{Lang, Msg};
use crate::ui::forms::{use_form_echo, ConfirmedPost, CsrfField, ErrorSummary, Field, SelectField};
use crate::ui::raw_sinks::PageTitle;
use crate::ui::shell::{use_lang, use_zone};

const REVOKE_STEPS: [Msg; 3] = [Msg::ApiTokenRevokeStart, Msg::ApiTokenRevokeExplain, Msg::ApiTokenRevoke];

#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let lang = use_lang();
    let revoked = use_query_map().read_untracked().get("revoked").is_some();
    let tokens = Resource::new(|| (), |_| crate::api::my_api_tokens());
    // the page's data first, the form echo second (see `ui::forms::use_form_echo`)
    let echo = use_form_echo();
    view! {
        <PageTitle text=Msg::ApiTokensTitle.t(lang)/>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let echo = echo.await;
                let view = match tokens.await {
                    Ok(v) => v,
                    Err(e) => return view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                };
                view! {
                    <ErrorSummary echo=echo.clone() labels=vec![
                        ("name", Msg::ApiTokenName), ("scopes", Msg::ApiTokenScopes), ("days", Msg::ApiTokenDays),
                    ]/>
                    <h1>{Msg::ApiTokensTitle.t(lang)}</h1>
                    {revoked.then(|| view! { <div class="notice" role="status">{Msg::ApiTokenRevokedNotice.t(lang)}</div> })}
                    {view.fresh.clone().map(|t| view! { <Fresh token=t/> })}
                    <p>{Msg::ApiTokensIntro.t(lang)}</p>
                    <p><a href="/api/docs">{Msg::ApiTokensDocs.t(lang)}</a></p>
                    <h2>{Msg::ApiTokensYours.t(lang)}</h2>
                    <Tokens rows=view.tokens.clone()/>
                    <NewTokenForm view=view echo=echo/>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The token just made, once.
#[component]
fn Fresh(token: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="recovery-codes fresh-token" role="status">
            <h2>{Msg::ApiTokenFreshTitle.t(lang)}</h2>
            <p>{Msg::ApiTokenFreshBody.t(lang)}</p>
            <label for="fresh-token">{Msg::ApiTokenFreshLabel.t(lang)}</label>
            <input id="fresh-token" class="code-input" type="text" readonly value=token spellcheck="false" autocomplete="off"/>
        </div>
    }
}

fn scope_names(scopes: &[Scope], lang: Lang) -> String {
    scopes.iter().map(|s| lang.pick(s.label().0, s.label().1)).collect::<Vec<_>>().join(", ")
}

#[component]
fn Tokens(rows: Vec<ApiTokenRow>) -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    if rows.is_empty() {
        return view! { <p>{Msg::ApiTokensNone.t(lang)}</p> }.into_any();
    }
    let body = rows
        .into_iter()
        .map(|t| {
            let (tag, class) = match (t.live, t.revoked_at.is_some()) {
                (true, _) => (Msg::ApiTokenLive, "tag tag-green"),
                (false, true) => (Msg::ApiTokenRevokedTag, "tag tag-grey"),
                (false, false) => (Msg::ApiTokenExpiredTag, "tag tag-grey"),
            };
            let used = t.last_used_at.map_or_else(|| Msg::ApiTokenNeverUsed.t(lang).to_string(), |u| zone.display(u));
            let revoke = t.live.then(|| {
                view! { <ConfirmedPost action=format!("/account/api-tokens/{}/revoke", t.id) steps=REVOKE_STEPS/> }
            });
            view! {
                <tr>
                    <td class="stack-head">{t.name.clone()}</td>
                    <td data-label=Msg::ApiTokenPrefix.t(lang)><code>{format!("od_{}_…", t.prefix)}</code></td>
                    <td data-label=Msg::ApiTokenScopes.t(lang)>{scope_names(&t.scopes, lang)}</td>
                    <td data-label=Msg::ApiTokenCreated.t(lang)><span class="date">{zone.display(t.created_at)}</span></td>
                    <td data-label=Msg::ApiTokenExpires.t(lang)><span class="date">{zone.display(t.expires_at)}</span></td>
                    <td data-label=Msg::ApiTokenLastUsed.t(lang)>{used}</td>
                    <td data-label=Msg::ApiTokenStatus.t(lang)><strong class=class>{tag.t(lang)}</strong></td>
                    <td>{revoke}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <crate::ui::table::DataTable caption=Msg::ApiTokensYours.t(lang) stack=true columns=vec![
            Msg::ApiTokenName.into(), Msg::ApiTokenPrefix.into(), Msg::ApiTokenScopes.into(),
            Msg::ApiTokenCreated.into(), Msg::ApiTokenExpires.into(), Msg::ApiTokenLastUsed.into(),
            Msg::ApiTokenStatus.into(), crate::ui::table::Col::Hidden(Msg::ApiTokenRevoke),
        ]>{body}</crate::ui::table::DataTable>
    }
    .into_any()
}

#[component]
fn NewTokenForm(view: ApiTokensView, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let err = |f: &str| echo.as_ref().and_then(|e| e.errors.get(f));
    let value = |f: &str| echo.as_ref().map(|e| e.value(f)).unwrap_or_default();
    let scopes_err = err("scopes");
    let days = Some(value("days")).filter(|d| !d.is_empty()).unwrap_or_else(|| "90".to_string());
    let boxes = view
        .allowed
        .iter()
        .map(|s| {
            let id = format!("scope_{}", s.as_str());
            // nothing ticked on a first visit but reading; what was ticked when the form came back
            let checked = match echo.as_ref().filter(|e| !e.values.is_empty()) {
                Some(e) => e.value(&id) == "yes",
                None => *s == Scope::Read,
            };
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone() name=id.clone() value="yes" checked=checked/>
                    <label for=id>{lang.pick(s.label().0, s.label().1)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2>{Msg::ApiTokenNew.t(lang)}</h2>
        <form method="post" action="/account/api-tokens" class="narrow-form" novalidate>
            <CsrfField/>
            <Field name="name" label=Msg::ApiTokenName hint=Msg::ApiTokenNameHint value=value("name") error=err("name")/>
            <fieldset class="field" class:field-has-error=scopes_err.is_some() id="scopes" aria-describedby="scopes-hint">
                <legend>{Msg::ApiTokenScopes.t(lang)}</legend>
                <p class="hint" id="scopes-hint">{Msg::ApiTokenScopesHint.t(lang)}</p>
                {scopes_err.map(|e| view! { <p class="error-message" id="scopes-error">{e.text(lang)}</p> })}
                {boxes}
            </fieldset>
            <SelectField name="days" label=Msg::ApiTokenDays value=days error=err("days") options=vec![
                ("30", Msg::ApiTokenDays30), ("90", Msg::ApiTokenDays90),
                ("180", Msg::ApiTokenDays180), ("365", Msg::ApiTokenDays365),
            ]/>
            <button type="submit" class="button">{Msg::ApiTokenCreate.t(lang)}</button>
        </form>
    }
}
