//! The public read path's response cache (issue #14). What the public sees changes only when a
//! summary is published or corrected, so each public page, feed and open-data file is rendered
//! once per (path, query, language, time zone) and served from memory — already compressed,
//! with a strong `ETag`, `Last-Modified`, `304` answers to conditional requests and
//! `Cache-Control` for proxies — until a publication or correction drops every entry on every
//! instance (PostgreSQL `LISTEN/NOTIFY`, see [`listen`]; in-process on SQLite). Entries also
//! age out after [`TTL`], since "overdue" commitments change with the clock alone.
//!
//! Only anonymous requests are cached: a signed-in person's page carries their name and token.

use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::state::AppState;

/// How long an entry is served before it is rendered again.
pub const TTL: Duration = Duration::from_secs(60);
/// What proxies and browsers are told (`stale-while-revalidate` lets a proxy answer at once
/// while it fetches the new version).
const CACHE_CONTROL: &str = "public, max-age=60, stale-while-revalidate=300";
/// The most entries kept (every path × query × language × zone); past it the cache is emptied
/// and filled again with what is asked for.
const MAX_ENTRIES: usize = 20_000;
/// The largest body kept (open data of 100,000 incidents fits).
const MAX_BODY: usize = 64 * 1024 * 1024;

/// One cached answer, in every encoding a client may ask for.
pub struct Entry {
    content_type: HeaderValue,
    disposition: Option<HeaderValue>,
    /// The page's own security policy (its nonce is the one written in this body).
    policy: Option<HeaderValue>,
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
    etag: HeaderValue,
    made: Instant,
    generation: u64,
}

/// The cache, shared by every request of this instance.
#[derive(Default)]
pub struct PublicCache {
    entries: RwLock<HashMap<String, Arc<Entry>>>,
    generation: AtomicU64,
    /// When public data last changed (seconds), for `Last-Modified`.
    last_change: AtomicI64,
}

impl PublicCache {
    /// Drops every entry: what the public sees changed at `at` (seconds).
    pub fn invalidate(&self, at: i64) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.last_change.fetch_max(at, Ordering::SeqCst);
        if let Ok(mut e) = self.entries.write() {
            e.clear();
        }
    }

    /// Sets when public data last changed (at start-up, from the database).
    pub fn set_last_change(&self, at: i64) {
        self.last_change.fetch_max(at, Ordering::SeqCst);
    }

    fn get(&self, key: &str) -> Option<Arc<Entry>> {
        let entry = self.entries.read().ok()?.get(key).cloned()?;
        let fresh = entry.generation == self.generation.load(Ordering::SeqCst) && entry.made.elapsed() < TTL;
        fresh.then_some(entry)
    }

    fn put(&self, key: String, entry: Entry) -> Arc<Entry> {
        let entry = Arc::new(entry);
        if let Ok(mut map) = self.entries.write() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.insert(key, entry.clone());
        }
        entry
    }

    /// How many entries are held (for tests).
    pub fn len(&self) -> usize {
        self.entries.read().map(|e| e.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Whether `path` is public content the cache serves.
pub fn is_public(path: &str) -> bool {
    matches!(path, "/" | "/incidents" | "/rules" | "/sitemap.xml" | "/robots.txt" | "/open-data")
        || ["/incidents/", "/operators/", "/feeds/", "/open-data/"].iter().any(|p| path.starts_with(p))
}

/// The cache key: path, query, and the language and zone the page is drawn in.
fn key(req: &Request) -> String {
    let cookie = |name: &str| crate::auth::context::cookie(req.headers(), name).unwrap_or("").to_string();
    let query = req.uri().query().unwrap_or("");
    format!("{}?{query}|{}|{}", req.uri().path(), cookie("lang"), cookie("tz"))
}

fn compress(body: &[u8]) -> (Bytes, Bytes) {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let gzip = gz.write_all(body).and_then(|_| gz.finish()).unwrap_or_default();
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 5, ..Default::default() };
    let brotli = match brotli::BrotliCompress(&mut &body[..], &mut br, &params) {
        Ok(_) => br,
        Err(_) => Vec::new(),
    };
    (Bytes::from(gzip), Bytes::from(brotli))
}

/// An HTTP date (`Last-Modified`).
fn http_date(secs: i64) -> Option<HeaderValue> {
    let t = time::OffsetDateTime::from_unix_timestamp(secs).ok()?;
    let fmt = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    HeaderValue::from_str(&t.format(&fmt).ok()?).ok()
}

fn parse_http_date(v: &HeaderValue) -> Option<i64> {
    let fmt = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    let t = time::PrimitiveDateTime::parse(v.to_str().ok()?, &fmt).ok()?;
    Some(t.assume_utc().unix_timestamp())
}

/// The answer to `req_headers` from `entry`: 304 if the client has it, else the body in the
/// best encoding it accepts.
fn answer(entry: &Entry, req_headers: &HeaderMap, last_change: i64, head: bool) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(header::ETAG, entry.etag.clone());
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE_CONTROL));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding, Cookie"));
    let modified = http_date(last_change);
    if let Some(m) = &modified {
        headers.insert(header::LAST_MODIFIED, m.clone());
    }
    let etag_match = req_headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == entry.etag.to_str().unwrap_or("") || t.trim() == "*"));
    let not_modified_since = !req_headers.contains_key(header::IF_NONE_MATCH)
        && req_headers
            .get(header::IF_MODIFIED_SINCE)
            .and_then(parse_http_date)
            .is_some_and(|since| since >= last_change);
    if etag_match || not_modified_since {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(header::CONTENT_TYPE, entry.content_type.clone());
    if let Some(d) = &entry.disposition {
        headers.insert(header::CONTENT_DISPOSITION, d.clone());
    }
    if let Some(p) = &entry.policy {
        headers.insert(header::CONTENT_SECURITY_POLICY, p.clone());
    }
    let accepts = req_headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or("");
    let (body, encoding) = if accepts.contains("br") && !entry.brotli.is_empty() {
        (entry.brotli.clone(), Some("br"))
    } else if accepts.contains("gzip") && !entry.gzip.is_empty() {
        (entry.gzip.clone(), Some("gzip"))
    } else {
        (entry.identity.clone(), None)
    };
    if let Some(e) = encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
    }
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    let body = if head { Body::empty() } else { Body::from(body) };
    (StatusCode::OK, headers, body).into_response()
}

/// Serves anonymous GET and HEAD requests for public content from the cache, filling it on a
/// miss with what the rest of the stack answers (a `200` only).
pub async fn middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let head = req.method() == Method::HEAD;
    let anonymous = crate::auth::context::cookie(req.headers(), "od_session").is_none();
    if !(req.method() == Method::GET || head) || !anonymous || !is_public(req.uri().path()) {
        return next.run(req).await;
    }
    let cache = state.public_cache.clone();
    let key = key(&req);
    let req_headers = req.headers().clone();
    let last_change = cache.last_change.load(Ordering::SeqCst);
    if let Some(entry) = cache.get(&key) {
        return answer(&entry, &req_headers, last_change, head);
    }
    let generation = cache.generation.load(Ordering::SeqCst);
    let resp = next.run(req).await;
    let cacheable = resp.status() == StatusCode::OK && !resp.headers().contains_key(header::SET_COOKIE);
    if !cacheable {
        return resp;
    }
    let (parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "response too large").into_response();
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let etag = format!("\"{}\"", hex::encode(&Sha256::digest(&bytes)[..16]));
    let (gzip, brotli) = compress(&bytes);
    let entry = Entry {
        content_type,
        disposition: parts.headers.get(header::CONTENT_DISPOSITION).cloned(),
        policy: parts.headers.get(header::CONTENT_SECURITY_POLICY).cloned(),
        identity: bytes,
        gzip,
        brotli,
        etag: HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\"")),
        made: Instant::now(),
        generation,
    };
    // an entry rendered while a publication happened is answered but not kept
    let entry =
        if cache.generation.load(Ordering::SeqCst) == generation { cache.put(key, entry) } else { Arc::new(entry) };
    answer(&entry, &req_headers, last_change, head)
}

/// Drops this instance's cache whenever another instance announces a change on PostgreSQL
/// (`storage::public_facts::announce`), and when the connection was lost (a notice may have
/// been missed then).
pub async fn listen(state: AppState) {
    let crate::storage::Db::Postgres(pool) = &state.db else { return };
    loop {
        match sqlx::postgres::PgListener::connect_with(pool).await {
            Ok(mut listener) => {
                if let Err(e) = listener.listen(crate::storage::public_facts::CHANNEL).await {
                    tracing::error!(error = %e, "listening for public changes failed");
                } else {
                    loop {
                        match listener.try_recv().await {
                            Ok(Some(_)) => state.public_cache.invalidate(state.clock.now().0),
                            // reconnected: a notice may have been lost meanwhile
                            Ok(None) => state.public_cache.invalidate(state.clock.now().0),
                            Err(e) => {
                                tracing::error!(error = %e, "the public-change listener failed");
                                break;
                            }
                        }
                    }
                }
            }
            Err(e) => tracing::error!(error = %e, "connecting the public-change listener failed"),
        }
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
}
