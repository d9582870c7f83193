//! The two places where Leptos 0.8 writes a string into the server's HTML without escaping
//! it, and the only components that may put user text there.
//!
//! - `<textarea>` children: tachys 0.2.19 declares `textarea` with `ESCAPE_CHILDREN = false`
//!   (fixed upstream in leptos-rs/leptos PR 4730, only in the 0.9 / tachys 0.3 candidates).
//! - `<title>`: leptos_meta 0.8.7 pushes the title text into the `<head>` as it is.
//!
//! An operator's text containing `</textarea><script>…` would otherwise run in a reviewer's
//! browser, and an incident title containing `</title>…` on the public page. So text for
//! these sinks is escaped here, once, and only while rendering HTML on the server: in the
//! browser the same text becomes a DOM text node or `document.title`, which need no escaping.
//! The versions are pinned in the workspace `Cargo.toml`; the integration test
//! `tests/xss.rs` reads the round trip back (a value equal to what was typed), so an upgrade
//! that starts escaping by itself fails that test instead of double-escaping silently.

use leptos::prelude::*;

/// `text`, made safe for a raw HTML sink when rendering on the server; unchanged in the
/// browser.
pub fn raw_sink_text(text: &str) -> String {
    #[cfg(feature = "ssr")]
    {
        html_escape::encode_text(text).into_owned()
    }
    #[cfg(not(feature = "ssr"))]
    {
        text.to_string()
    }
}

/// A `<textarea>` holding `value`. Every text area of the application is this component.
/// With `max`, a counter under it shows how many of the allowed characters are used, kept up
/// to date as the person types once the page is hydrated (the server renders the count of
/// what it holds, so the limit is visible without script too).
#[component]
pub fn TextArea(
    #[prop(into)] name: String,
    value: String,
    #[prop(default = 5)] rows: u32,
    #[prop(default = None)] described: Option<String>,
    #[prop(default = None)] invalid: Option<&'static str>,
    #[prop(default = None)] max: Option<usize>,
) -> impl IntoView {
    let lang = crate::ui::shell::use_lang();
    let count = RwSignal::new(value.chars().count());
    let counter_id = format!("{name}-count");
    let described = match (described, max) {
        (Some(d), Some(_)) => Some(format!("{d} {counter_id}")),
        (None, Some(_)) => Some(counter_id.clone()),
        (d, None) => d,
    };
    let counter = max.map(|max| {
        let text = move || {
            let got = crate::domain::numbers::grouped(count.get() as u64);
            crate::i18n::Msg::CharCount
                .fill(lang, &[("got", &got), ("max", &crate::domain::numbers::grouped(max as u64))])
        };
        let class = move || if count.get() > max { "counter counter-over" } else { "counter" };
        view! { <p class=class id=counter_id.clone()>{text}</p> }
    });
    view! {
        <textarea id=name.clone() name=name rows=rows
                  aria-describedby=described aria-invalid=invalid
                  on:input=move |ev| count.set(event_target_value(&ev).chars().count())>
            {raw_sink_text(&value)}
        </textarea>
        {counter}
    }
}

/// The document's `<title>`, and a `<meta name="description">` naming the page. Every page
/// title is set through this component (`describe = false` for the site-wide default, which
/// each page's own title replaces).
#[component]
pub fn PageTitle(#[prop(into)] text: String, #[prop(default = true)] describe: bool) -> impl IntoView {
    let lang = crate::ui::shell::use_lang();
    let description = describe.then(|| format!("{text} · {}", crate::i18n::Msg::SiteDescription.t(lang)));
    view! {
        <leptos_meta::Title text=raw_sink_text(&text)/>
        {description.map(|d| view! { <leptos_meta::Meta name="description" content=d/> })}
    }
}
