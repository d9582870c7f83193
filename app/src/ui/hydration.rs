//! The scripts that load the WebAssembly build and hydrate the page.
//!
//! Leptos 0.8's own `HydrationScripts` writes the per-request CSP nonce into the
//! `crossorigin` attribute of its two preload links (leptos-rs/leptos issue 4843, fixed
//! upstream in PR 4844): invalid markup, and it hands the nonce to an attribute that CSS
//! selectors can read. This does the same job with valid links: the nonce only on the one
//! inline module script, which the `script-src 'nonce-…' 'strict-dynamic'` policy then lets
//! import the application's module.

use leptos::config::LeptosOptions;
use leptos::prelude::*;

/// The addresses of the application's files with their content versions (`?v=…`), provided by
/// the server: a versioned address may be cached for a year.
#[derive(Clone, Debug, Default)]
pub struct AssetUrls {
    pub css: String,
    pub js: String,
    pub wasm: String,
}

/// The stylesheet's address (versioned when the server provides it).
pub fn stylesheet(options_name: &str) -> String {
    use_context::<AssetUrls>().map(|a| a.css).unwrap_or_else(|| format!("/pkg/{options_name}.css"))
}

/// Preloads the application's JavaScript and WebAssembly and starts hydration.
#[component]
pub fn Hydration(options: LeptosOptions) -> impl IntoView {
    // An error page is drawn in place of the route at its address; hydrating it would
    // make the browser render that route instead. It needs no script.
    if use_context::<crate::api::ErrorNotice>().is_some() {
        return ().into_any();
    }
    // A public page reads without script: a reader on a phone on the day of a big outage
    // should not download the application to read a summary (issue #14).
    #[cfg(feature = "ssr")]
    if use_context::<http::request::Parts>().is_some_and(|p| crate::domain::public::is_public_page(p.uri.path())) {
        return ().into_any();
    }
    let nonce = leptos::nonce::use_nonce();
    let pkg = format!("/{}", options.site_pkg_dir);
    let name = options.output_name.to_string();
    // wasm-bindgen names the binary `{name}_bg.wasm` unless cargo-leptos set the output
    // name at build time (the rule Leptos' own loader follows).
    let wasm_name = if option_env!("LEPTOS_OUTPUT_NAME").is_none() { format!("{name}_bg") } else { name.clone() };
    let urls = use_context::<AssetUrls>();
    let js = urls.as_ref().map(|u| u.js.clone()).unwrap_or_else(|| format!("{pkg}/{name}.js"));
    let wasm = urls.map(|u| u.wasm).unwrap_or_else(|| format!("{pkg}/{wasm_name}.wasm"));
    // The paths come from configuration, never from a request; JSON-quoting keeps them inert.
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let boot = format!(
        "import({js}).then(m => m.default({{module_or_path: {wasm}}}).then(() => m.hydrate()));",
        js = quote(&js),
        wasm = quote(&wasm),
    );
    view! {
        <link rel="modulepreload" href=js crossorigin=""/>
        <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin=""/>
        <script type="module" nonce=nonce>{boot}</script>
    }
    .into_any()
}

/// A reference for a form that marks it `data-hydrated` once the browser has taken it over.
/// Until then what is typed reaches none of its handlers (the live check, the leave guard)
/// and the form simply posts; the browser tests wait for the mark before typing.
pub fn hydrated_form() -> NodeRef<leptos::html::Form> {
    let form = NodeRef::<leptos::html::Form>::new();
    #[cfg(feature = "hydrate")]
    form.on_load(|f| {
        // an attribute that cannot be set only leaves the tests waiting
        f.set_attribute("data-hydrated", "").ok();
    });
    form
}
