//! Warns before a page is left with edits not yet saved (JavaScript on): the first edit of a
//! form arms the guard, sending the form disarms it. Leaving by closing, reloading or typing an
//! address asks through the browser's own "leave this page?" question; following one of the
//! site's links (which the router follows without unloading the page) asks first with a
//! translated confirmation. Without JavaScript there is nothing to warn with, and every save
//! keeps what was typed anyway.

#[cfg(feature = "hydrate")]
thread_local! {
    /// Whether the page has edits not sent yet.
    static UNSAVED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Whether the listeners are in place (once per page).
    static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `input` handler of a form: there are edits now.
pub fn edited(_ev: leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        UNSAVED.with(|u| u.set(true));
        if !INSTALLED.with(|i| i.replace(true)) {
            install();
        }
    }
}

/// `submit` handler of a form: what was typed is being saved, so leaving is fine.
pub fn saving(_ev: leptos::ev::SubmitEvent) {
    #[cfg(feature = "hydrate")]
    UNSAVED.with(|u| u.set(false));
}

#[cfg(feature = "hydrate")]
fn install() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let unload = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(|e: web_sys::BeforeUnloadEvent| {
        if UNSAVED.with(|u| u.get()) {
            e.prevent_default();
            e.set_return_value("");
        }
    });
    window.set_onbeforeunload(Some(unload.as_ref().unchecked_ref()));
    let follow = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        if !UNSAVED.with(|u| u.get()) {
            return;
        }
        let link = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten());
        let Some(link) = link else { return };
        // links within the page (to a field, to the error summary) leave nothing behind
        if link.get_attribute("href").is_some_and(|h| h.starts_with('#')) {
            return;
        }
        let lang = crate::ui::shell::current_lang();
        let ask = crate::i18n::Msg::LeaveUnsaved.t(lang);
        let stay = web_sys::window().is_some_and(|w| !w.confirm_with_message(ask).unwrap_or(true));
        if stay {
            e.prevent_default();
            e.stop_immediate_propagation();
        } else {
            UNSAVED.with(|u| u.set(false));
        }
    });
    if let Some(document) = window.document() {
        // capture: ahead of the router's own click handler
        if document.add_event_listener_with_callback_and_bool("click", follow.as_ref().unchecked_ref(), true).is_err() {
            return;
        }
    }
    // both live as long as the page; installed once per page
    unload.forget();
    follow.forget();
}
