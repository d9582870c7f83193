//! Published incidents by machine (issue #14): Atom feeds (all, and one per operator) and a
//! JSON Feed whose entries are updated on correction; open data as CSV (UTF-8 with BOM for
//! spreadsheets, formula injection neutralised) and JSON with a JSON Schema; `sitemap.xml`
//! and `robots.txt`. All from published summaries only, served through the public cache.

use app::api::{PublicIncidentRow, PublishedDetail};
use app::i18n::Lang;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use super::error::{Answer, AppError};
use super::open_data::{self, OpenFile};
use crate::state::AppState;
use crate::storage::public_reads;
use crate::storage::publications::{self, PublicReader};

super::routes::route_table! {
    get "/feeds/incidents.atom" => atom_all, Public;
    get "/feeds/operators/{file}" => atom_operator, Public;
    get "/feeds/incidents.json" => json_feed, Public;
    get "/open-data/{file}" => open_data_file, Public;
    get "/sitemap.xml" => sitemap, Public;
    get "/robots.txt" => robots, Public;
}

/// Entries in a feed.
const FEED_ENTRIES: i64 = 50;

fn lang_of(req: &Request) -> Lang {
    req.extensions().get::<Lang>().copied().unwrap_or_default()
}

fn base(state: &AppState) -> String {
    state.config.public_base_url.trim_end_matches('/').to_string()
}

fn rfc3339(t: i64) -> String {
    app::domain::timestamp::Timestamp(t).to_utc_string()
}

fn with_type(body: impl Into<axum::body::Body>, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static(content_type))], body.into()).into_response()
}

/// The newest changes with their published details (summary and corrections).
async fn entries(state: &AppState, slug: Option<&str>) -> Result<Vec<(PublicIncidentRow, PublishedDetail)>, AppError> {
    let rows = public_reads::recent(&state.db, &PublicReader, slug, FEED_ENTRIES, state.clock.now()).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let detail = publications::get(&state.db, &PublicReader, &r.reference).await?;
        out.push((r, detail));
    }
    Ok(out)
}

/// An entry's text: the summary, and each correction's date and reason.
fn entry_text(d: &PublishedDetail, lang: Lang) -> String {
    let mut text = d.summary.get(lang).to_string();
    for c in &d.corrections {
        let label = lang.pick("정정", "Corrected");
        text.push_str(&format!("\n\n{label} {}: {}", c.at.display_kst(), c.reason.get(lang)));
    }
    text
}

fn atom(
    state: &AppState,
    lang: Lang,
    title: String,
    self_path: &str,
    page: &str,
    items: &[(PublicIncidentRow, PublishedDetail)],
) -> Response {
    use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Text};
    let base = base(state);
    let date = |t: i64| FixedDateTime::parse_from_rfc3339(&rfc3339(t)).unwrap_or_default();
    let link = |href: String, rel: &str| {
        let mut l = Link::default();
        l.set_href(href);
        l.set_rel(rel.to_string());
        l
    };
    let updated = items.iter().map(|(r, _)| r.updated_at.0).max().unwrap_or(0);
    let mut feed = Feed::default();
    feed.set_title(Text::plain(title));
    feed.set_id(format!("{base}{self_path}"));
    feed.set_updated(date(updated));
    feed.set_lang(Some(lang.code().to_string()));
    feed.set_links(vec![link(format!("{base}{self_path}"), "self"), link(format!("{base}{page}"), "alternate")]);
    let entries = items
        .iter()
        .map(|(r, d)| {
            let url = format!("{base}/incidents/{}", r.reference);
            let mut e = Entry::default();
            e.set_id(url.clone());
            e.set_title(Text::plain(r.headline.get(lang).to_string()));
            e.set_updated(date(r.updated_at.0));
            e.set_published(Some(date(r.published_at.0)));
            e.set_links(vec![link(url, "alternate")]);
            e.set_summary(Some(Text::plain(format!("{} · {}", r.org.get(lang), r.reference))));
            let mut content = Content::default();
            content.set_content_type(Some("text".to_string()));
            content.set_value(Some(entry_text(d, lang)));
            e.set_content(Some(content));
            e
        })
        .collect::<Vec<_>>();
    feed.set_entries(entries);
    with_type(feed.to_string(), "application/atom+xml; charset=utf-8")
}

/// GET /feeds/incidents.atom
pub async fn atom_all(State(state): State<AppState>, req: Request) -> Answer {
    let lang = lang_of(&req);
    let items = entries(&state, None).await?;
    let title = app::i18n::Msg::FeedTitle.t(lang).to_string();
    Ok(atom(&state, lang, title, "/feeds/incidents.atom", "/incidents", &items))
}

/// GET /feeds/operators/{slug}.atom
pub async fn atom_operator(State(state): State<AppState>, Path(file): Path<String>, req: Request) -> Answer {
    let slug = file.strip_suffix(".atom").ok_or(AppError::NotFound)?;
    let (org, _) = public_reads::of_operator(&state.db, &PublicReader, slug, state.clock.now()).await?;
    let lang = lang_of(&req);
    let items = entries(&state, Some(slug)).await?;
    let title = format!("{} · {}", org.get(lang), app::i18n::Msg::FeedTitle.t(lang));
    Ok(atom(&state, lang, title, &format!("/feeds/operators/{slug}.atom"), &format!("/operators/{slug}"), &items))
}

/// GET /feeds/incidents.json: JSON Feed 1.1.
pub async fn json_feed(State(state): State<AppState>, req: Request) -> Answer {
    let lang = lang_of(&req);
    let base = base(&state);
    let items = entries(&state, None).await?;
    let items: Vec<serde_json::Value> = items
        .iter()
        .map(|(r, d)| {
            serde_json::json!({
                "id": format!("{base}/incidents/{}", r.reference),
                "url": format!("{base}/incidents/{}", r.reference),
                "title": r.headline.get(lang),
                "summary": format!("{} · {}", r.org.get(lang), r.reference),
                "content_text": entry_text(d, lang),
                "date_published": rfc3339(r.published_at.0),
                "date_modified": rfc3339(r.updated_at.0),
                "tags": [r.org_slug.clone(), r.cause.clone()],
            })
        })
        .collect();
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": app::i18n::Msg::FeedTitle.t(lang),
        "home_page_url": format!("{base}/incidents"),
        "feed_url": format!("{base}/feeds/incidents.json"),
        "language": lang.code(),
        "items": items,
    });
    Ok(with_type(feed.to_string(), "application/feed+json; charset=utf-8"))
}

/// GET /open-data/{file}: `incidents`, `measures` or `commitments` as `.csv` or `.json`, and
/// `schema.json`.
pub async fn open_data_file(State(state): State<AppState>, Path(file): Path<String>) -> Answer {
    let which = OpenFile::parse(&file).ok_or(AppError::NotFound)?;
    let (body, content_type) = open_data::render(&state, which).await?;
    let mut resp = with_type(body, content_type);
    if file.ends_with(".csv") {
        if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"outage-desk-{file}\"")) {
            resp.headers_mut().insert(header::CONTENT_DISPOSITION, v);
        }
    }
    Ok(resp)
}

/// GET /sitemap.xml: the public pages, each operator and each incident (newest 45,000: one
/// sitemap holds at most 50,000 addresses).
pub async fn sitemap(State(state): State<AppState>) -> Answer {
    let base = base(&state);
    let all = public_reads::all(&state.db, &PublicReader, state.clock.now()).await?;
    let (operators, _, _) = public_reads::filters(&state.db, &PublicReader).await?;
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
"#,
    );
    let mut url = |path: &str, modified: Option<i64>| {
        let loc = escape(&format!("{base}{path}"));
        match modified {
            Some(t) => xml.push_str(&format!("<url><loc>{loc}</loc><lastmod>{}</lastmod></url>\n", rfc3339(t))),
            None => xml.push_str(&format!("<url><loc>{loc}</loc></url>\n")),
        }
    };
    for path in ["/", "/incidents", "/rules", "/open-data"] {
        url(path, None);
    }
    for (slug, _) in &operators {
        url(&format!("/operators/{slug}"), None);
    }
    for r in all.iter().take(45_000) {
        url(&format!("/incidents/{}", r.reference), Some(r.updated_at.0));
    }
    xml.push_str("</urlset>\n");
    Ok(with_type(xml, "application/xml; charset=utf-8"))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// GET /robots.txt: the public side may be indexed; work areas and server functions not.
pub async fn robots(State(state): State<AppState>) -> Answer {
    let text = format!(
        "User-agent: *\nAllow: /\nDisallow: /filing\nDisallow: /review\nDisallow: /admin\nDisallow: /account\nDisallow: /login\nDisallow: /_fn/\nDisallow: /api/\n\nSitemap: {}/sitemap.xml\n",
        base(&state)
    );
    Ok(with_type(text, "text/plain; charset=utf-8"))
}
