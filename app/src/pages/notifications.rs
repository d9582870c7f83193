//! `/account/notifications`: what the person has been told (newest first, unread marked in
//! words), and which of those kinds also come by e-mail. Works without script: each
//! notification is a link that marks it read on the way to its page.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::domain::notice::{NoticeKind, Side};
use crate::i18n::notice_text::{describe, kind_name};
use crate::i18n::Msg;
use crate::ui::forms::CsrfField;
use crate::ui::raw_sinks::PageTitle;
use crate::ui::shell::{use_lang, use_zone};

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let lang = use_lang();
    let zone = use_zone();
    let saved = use_query_map().read_untracked().get("saved").is_some();
    let data = Resource::new(|| (), |_| crate::api::my_notifications());
    view! {
        <PageTitle text=Msg::NotificationsTitle.t(lang)/>
        <h1>{Msg::NotificationsTitle.t(lang)}</h1>
        {saved.then(|| view! { <div class="notice" role="status">{Msg::NotificationsSaved.t(lang)}</div> })}
        <Suspense fallback=move || view! { <p>{Msg::Loading.t(lang)}</p> }>
            {move || Suspend::new(async move {
                let view = match data.await {
                    Ok(v) => v,
                    Err(e) => return view! { <crate::ui::layout::ReadError error=e/> }.into_any(),
                };
                let unread = view.rows.iter().filter(|r| r.unread).count();
                let list = if view.rows.is_empty() {
                    view! { <p>{Msg::NotificationsEmpty.t(lang)}</p> }.into_any()
                } else {
                    let items = view
                        .rows
                        .iter()
                        .map(|n| {
                            let (title, text) = describe(n.kind, &n.reference, &n.detail, lang);
                            let new = n.unread.then(|| view! { <strong class="tag tag-blue">{Msg::NotificationUnreadTag.t(lang)}</strong>" " });
                            view! {
                                <li class="notification" class:notification-unread=n.unread>
                                    {new}
                                    <a href=format!("/account/notifications/{}", n.id)><strong>{title}</strong></a>
                                    <p>{text}</p>
                                    <p class="hint"><span class="date">{zone.display(n.at)}</span></p>
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="notification-list">{items}</ul> }.into_any()
                };
                let side = if view.ministry { Side::Ministry } else { Side::Operator };
                let choices = NoticeKind::of_side(side)
                    .map(|k| {
                        let id = format!("email_{}", k.code());
                        let on = !view.optouts.contains(&k);
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone() name=id.clone() value="yes" checked=on/>
                                <label for=id>{kind_name(k, lang)}</label>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="hint" role="status">{Msg::NotificationsUnread.fill(lang, &[("n", &unread)])}</p>
                    {(unread > 0).then(|| view! {
                        <form method="post" action="/account/notifications/read" class="inline-form">
                            <CsrfField/>
                            <button type="submit" class="button button-secondary">{Msg::NotificationsMarkAllRead.t(lang)}</button>
                        </form>
                    })}
                    {list}
                    <h2 id="settings">{Msg::NotificationsSettings.t(lang)}</h2>
                    <form method="post" action="/account/notifications/settings">
                        <CsrfField/>
                        <fieldset class="field">
                            <legend>{Msg::NotificationsEmailFor.t(lang)}</legend>
                            <p class="hint">{Msg::NotificationsSettingsIntro.t(lang)}</p>
                            {choices}
                        </fieldset>
                        <button type="submit" class="button">{Msg::NotificationsSaveSettings.t(lang)}</button>
                    </form>
                }
                .into_any()
            })}
        </Suspense>
    }
}
