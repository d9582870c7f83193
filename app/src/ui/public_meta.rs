//! What a public page says about itself to search engines, link previews and feed readers:
//! its canonical address, the same page in each language, Open Graph tags for sharing, and
//! the feeds it offers (issue #14).

use leptos::prelude::*;
use leptos_meta::{Link, Meta};

use crate::i18n::Msg;
use crate::ui::shell::use_lang;

/// The site's public address (`PUBLIC_BASE_URL`), provided by the server.
#[derive(Clone, Debug)]
pub struct SiteBase(pub String);

fn base() -> String {
    use_context::<SiteBase>().map(|b| b.0.trim_end_matches('/').to_string()).unwrap_or_default()
}

/// Canonical, language alternates and Open Graph tags for the page at `path` (with its query,
/// if the query makes it another page: a filtered list).
#[component]
pub fn PublicMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    #[prop(into)] path: String,
    /// `article` for one incident, `website` otherwise.
    #[prop(default = "website")]
    kind: &'static str,
    /// The feed of this page, if it has one (Atom).
    #[prop(optional, into)]
    feed: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let url = format!("{}{path}", base());
    let sep = if path.contains('?') { '&' } else { '?' };
    let ko = format!("{url}{sep}lang=ko");
    let en = format!("{url}{sep}lang=en");
    let locale = if lang == crate::i18n::Lang::Ko { "ko_KR" } else { "en_GB" };
    view! {
        <Link rel="canonical" href=url.clone()/>
        <Link rel="alternate" hreflang="ko" href=ko/>
        <Link rel="alternate" hreflang="en" href=en/>
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:type" content=kind/>
        <Meta property="og:url" content=url/>
        <Meta property="og:site_name" content=Msg::SiteName.t(lang)/>
        <Meta property="og:locale" content=locale/>
        {feed.map(|f| view! { <Link rel="alternate" type_="application/atom+xml" href=f title=Msg::FeedTitle.t(lang)/> })}
    }
}
