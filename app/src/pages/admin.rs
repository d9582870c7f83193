//! The system administrator's pages: the outbox (`/admin/outbox`) and one message in full
//! (`/admin/outbox/{id}`), with its attempt log.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::OutboxRowView;
use crate::i18n::{Lang, Msg};
use crate::ui::forms::CsrfField;
use crate::ui::raw_sinks::PageTitle;
use crate::ui::shell::{use_lang, use_zone};
use crate::ui::table::{Col, DataTable};

/// A message's state in words, with a tag that does not rely on colour alone.
fn state_tag(state: &str, lang: Lang) -> impl IntoView {
    let (class, msg) = match state {
        "sent" => ("tag tag-green", Msg::OutboxSent),
        "dead" => ("tag tag-red", Msg::OutboxDead),
        _ => ("tag tag-blue", Msg::OutboxPending),
    };
    view! { <strong class=class>{msg.t(lang)}</strong> }
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let filter = use_query_map().read_untracked().get("state");
    let asked = filter.clone();
    let data = Resource::new(move || asked.clone(), crate::api::admin_outbox);
    view! {
        <PageTitle text=Msg::OutboxTitle.t(lang)/>
        <h1>{Msg::OutboxTitle.t(lang)}</h1>
        <p class="hint">{Msg::OutboxIntro.t(lang)}</p>
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || {
                let filter = filter.clone();
                Suspend::new(async move {
                let page = match data.await {
                    Ok(p) => p,
                    Err(e) => return view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                };
                let tab = |state: Option<&'static str>, msg: Msg, n: Option<i64>| {
                    let href = state.map_or("/admin/outbox".to_string(), |s| format!("/admin/outbox?state={s}"));
                    let current = filter.as_deref() == state;
                    let label = n.map_or(msg.t(lang).to_string(), |n| format!("{} ({n})", msg.t(lang)));
                    view! { <a href=href aria-current=current.then_some("page")>{label}</a> }
                };
                let body = page.rows.iter().map(|r| outbox_row(r, lang, zone)).collect_view();
                view! {
                    {(!page.smtp_configured).then(|| view! { <div class="inset" role="status">{Msg::OutboxNoSmtp.t(lang)}</div> })}
                    <nav class="filter-tabs" aria-label=Msg::OutboxState.t(lang)>
                        {tab(None, Msg::OutboxAll, None)}" "
                        {tab(Some("pending"), Msg::OutboxPending, Some(page.pending))}" "
                        {tab(Some("sent"), Msg::OutboxSent, Some(page.sent))}" "
                        {tab(Some("dead"), Msg::OutboxDead, Some(page.dead))}
                    </nav>
                    {if page.rows.is_empty() {
                        view! { <p>{Msg::OutboxEmpty.t(lang)}</p> }.into_any()
                    } else {
                        view! {
                            <DataTable caption=Msg::OutboxTitle.t(lang) stack=true columns=vec![
                                Msg::OutboxSubject.into(), Msg::OutboxTo.into(), Msg::OutboxState.into(),
                                Msg::OutboxAttempts.into(), Msg::OutboxCreated.into(),
                            ]>{body}</DataTable>
                        }.into_any()
                    }}
                }
                .into_any()
            })}}
        </Suspense>
    }
}

fn outbox_row(r: &OutboxRowView, lang: Lang, zone: crate::domain::zone::UserZone) -> impl IntoView {
    view! {
        <tr>
            <td class="stack-head"><a href=format!("/admin/outbox/{}", r.id)>{r.subject.clone()}</a></td>
            <td data-label=Msg::OutboxTo.t(lang)>{r.to.clone()}</td>
            <td data-label=Msg::OutboxState.t(lang)>{state_tag(&r.state, lang)}</td>
            <td data-label=Msg::OutboxAttempts.t(lang)>{r.attempts}</td>
            <td data-label=Msg::OutboxCreated.t(lang)><span class="date">{zone.display(r.created)}</span></td>
        </tr>
    }
}

#[component]
pub fn OutboxMessagePage() -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let id = use_params_map().read_untracked().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let retried = use_query_map().read_untracked().get("retried").is_some();
    let data = Resource::new(move || id, crate::api::admin_outbox_message);
    view! {
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let m = match data.await {
                    Ok(m) => m,
                    Err(e) => return view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                };
                let r = m.row.clone();
                let attempts = if m.attempts.is_empty() {
                    view! { <p>{Msg::OutboxNoAttempts.t(lang)}</p> }.into_any()
                } else {
                    let rows = m.attempts.iter().map(|a| view! {
                        <tr>
                            <td class="stack-head"><span class="date">{zone.display(a.at)}</span></td>
                            <td data-label=Msg::OutboxOutcome.t(lang)>{a.outcome.clone()}</td>
                            <td data-label=Msg::OutboxAnswer.t(lang)>{a.detail.clone()}</td>
                            <td data-label=Msg::OutboxSender.t(lang)>{a.sender.clone()}</td>
                        </tr>
                    }).collect_view();
                    view! {
                        <DataTable caption=Msg::OutboxAttemptLog.t(lang) stack=true columns=vec![
                            Col::Hidden(Msg::OutboxCreated), Msg::OutboxOutcome.into(), Msg::OutboxAnswer.into(), Msg::OutboxSender.into(),
                        ]>{rows}</DataTable>
                    }.into_any()
                };
                view! {
                    <PageTitle text=r.subject.clone()/>
                    <p><a href="/admin/outbox">{Msg::BackToOutbox.t(lang)}</a></p>
                    {retried.then(|| view! { <div class="notice" role="status">{Msg::OutboxRetried.t(lang)}</div> })}
                    <h1>{r.subject.clone()}</h1>
                    <dl class="summary-list">
                        <div><dt>{Msg::OutboxTo.t(lang)}</dt><dd>{r.to.clone()}</dd></div>
                        <div><dt>{Msg::OutboxState.t(lang)}</dt><dd>{state_tag(&r.state, lang)}</dd></div>
                        <div><dt>{Msg::OutboxCreated.t(lang)}</dt><dd><span class="date">{zone.display(r.created)}</span></dd></div>
                        {(r.state == "pending").then(|| view! {
                            <div><dt>{Msg::OutboxNextAttempt.t(lang)}</dt><dd><span class="date">{zone.display(r.next_attempt)}</span></dd></div>
                        })}
                        {(!r.last_error.is_empty()).then(|| view! {
                            <div><dt>{Msg::OutboxLastError.t(lang)}</dt><dd>{r.last_error.clone()}</dd></div>
                        })}
                    </dl>
                    {(r.state == "dead").then(|| view! {
                        <form method="post" action=format!("/admin/outbox/{}/retry", r.id)>
                            <CsrfField/>
                            <button type="submit" class="button">{Msg::OutboxRetry.t(lang)}</button>
                        </form>
                    })}
                    <h2>{Msg::OutboxBody.t(lang)}</h2>
                    <pre class="mail-text">{m.text.clone()}</pre>
                    <h2>{Msg::OutboxAttemptLog.t(lang)}</h2>
                    {attempts}
                }
                .into_any()
            })}
        </Suspense>
    }
}
