//! Outage Desk application crate: pure domain rules shared by the server and the browser,
//! the Leptos pages, and the server functions the pages call.
//!
//! Compiled twice: with `ssr` into the server binary, with `hydrate` into WebAssembly.
// The hydrate build of the larger pages (their view types nest deeply) needs more than the
// default 128 when optimised for size (wasm-release).
#![recursion_limit = "256"]

pub mod api;
pub mod domain;
pub mod i18n;
pub mod pages;
pub mod ui;

pub use ui::shell::{shell, App};

/// Browser entry point: attaches the reactive system to the server-rendered HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
