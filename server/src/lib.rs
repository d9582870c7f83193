//! Outage Desk server: configuration, storage, sessions, PDF rendering and the HTTP routes
//! around the Leptos application in the `app` crate.

pub mod api;
pub mod auth;
pub mod clock;
pub mod config;
pub mod http;
pub mod notify;
pub mod page_data;
pub mod pdf;
pub mod seeds;
pub mod state;
pub mod storage;

use std::sync::Arc;

use app::api::ports::SharedDesks;
use axum::routing::get;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::services::ServeDir;
use tower_sessions::cookie::{Key, SameSite};
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::auth::passwords::Hasher;
use crate::config::Config;
use crate::pdf::PdfEngine;
use crate::state::AppState;
use crate::storage::sessions::Store;
use crate::storage::Db;

/// What pages and server functions get as Leptos context: the storage behind the
/// [`app::api::ports::Desks`] trait.
pub fn leptos_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let desks: SharedDesks = Arc::new(page_data::Desk::of(state));
    let base = app::ui::public_meta::SiteBase(state.config.public_base_url.clone());
    let name = state.leptos_options.output_name.to_string();
    // wasm-bindgen's file name (see `app::ui::hydration`)
    let wasm_name = if option_env!("LEPTOS_OUTPUT_NAME").is_none() { format!("{name}_bg") } else { name.clone() };
    let assets = app::ui::hydration::AssetUrls {
        css: state.assets.url(&format!("{name}.css")),
        js: state.assets.url(&format!("{name}.js")),
        wasm: state.assets.url(&format!("{wasm_name}.wasm")),
    };
    move || {
        provide_context(desks.clone());
        provide_context(base.clone());
        provide_context(assets.clone());
        http::csp::set_page_policy();
    }
}

/// Connects to the database (applying migrations), loads fonts and templates, and builds
/// the state.
pub async fn build_state(config: Config, leptos_options: LeptosOptions) -> anyhow::Result<(AppState, Store)> {
    let db = Db::connect(&config.database_url).await?;
    let store = Store::for_db(&db).await?;
    let pdf = PdfEngine::load(&config.font_dirs, &config.templates_dir)?;
    let hasher = Hasher::new()?;
    let clock = clock::Clock::system();
    // what the public side searches, for publications made before it was kept
    let filled = storage::public_facts::backfill(&db, &storage::SystemTask::start_up()).await?;
    if filled > 0 {
        tracing::info!(publications = filled, "public facts filled in");
    }
    let public_cache = Arc::new(http::public_cache::PublicCache::default());
    if let Some(at) = storage::public_reads::last_change(&db).await? {
        public_cache.set_last_change(at.0);
    }
    let config = Arc::new(config);
    let pkg = std::path::Path::new(leptos_options.site_root.as_ref()).join(leptos_options.site_pkg_dir.as_ref());
    let assets = Arc::new(http::static_files::AssetVersions::of_dir(&pkg));
    let overview = Arc::default();
    Ok((
        AppState { leptos_options, config, db, pdf: Arc::new(pdf), hasher, clock, public_cache, assets, overview },
        store,
    ))
}

/// The application's page routes, found by running the app once.
///
/// Call this once per process, before anything is served, and hand the list to [`router`]:
/// while it runs, Leptos 0.8 suppresses resource loading *process-wide* (a static
/// `AtomicBool` in leptos_server 0.8.8, `SuppressResourceLoad`; leptos-rs/leptos#4773), so a
/// page being rendered at that moment on another thread waits for its data forever. That is
/// what once made the integration tests hang when several ran at once.
pub fn page_routes() -> Vec<leptos_axum::AxumRouteListing> {
    generate_route_list(app::App)
}

/// The whole HTTP application, with the page routes from [`page_routes`].
pub fn router(state: AppState, store: Store, routes: Vec<leptos_axum::AxumRouteListing>) -> Router {
    // Config guarantees at least 64 bytes, which is what `Key` needs.
    let key = state.config.session_secret.as_deref().and_then(|s| Key::try_from(s).ok()).unwrap_or_else(Key::generate);
    let sessions = SessionManagerLayer::new(store)
        .with_name("od_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.config.secure_cookies())
        .with_expiry(Expiry::OnInactivity(tower_sessions::cookie::time::Duration::hours(8)))
        .with_signed(key);

    let site_root = state.leptos_options.site_root.to_string();
    let shell_options = state.leptos_options.clone();
    let pages: std::collections::HashSet<String> = routes.iter().map(|r| r.path().to_string()).collect();
    // the machine interface first, with its own middleware: no sessions, no cookies
    let api = api::router(state.clone());
    let pages_router = http::routes::handlers_with_returns(&pages)
        .leptos_routes_with_context(&state, routes, leptos_context(&state), move || app::shell(shell_options.clone()))
        .fallback_service(
            ServeDir::new(site_root).precompressed_br().precompressed_gzip().fallback(get(http::not_found_fallback)),
        )
        // innermost: draws every `AppError` with the request the context middleware prepared
        .layer(axum::middleware::from_fn_with_state(state.clone(), http::error::render_errors))
        .layer(axum::middleware::from_fn_with_state(state.clone(), http::public_cache::middleware))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::context::middleware))
        .layer(axum::middleware::from_fn({
            let versions = state.assets.clone();
            move |req, next| http::static_files::cache_headers(versions.clone(), req, next)
        }))
        .layer(sessions)
        .with_state(state);
    api.merge(pages_router)
}
