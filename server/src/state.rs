//! The one application state, built in `main` (or by tests) and shared by every handler.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::auth::passwords::Hasher;
use crate::config::Config;
use crate::pdf::PdfEngine;
use crate::storage::Db;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    pub db: Db,
    pub pdf: Arc<PdfEngine>,
    pub hasher: Hasher,
    /// What "now" is for every request (adjustable in tests).
    pub clock: crate::clock::Clock,
    /// Rendered public pages, feeds and open data (`http::public_cache`).
    pub public_cache: Arc<crate::http::public_cache::PublicCache>,
    /// The content versions of the application's static files (`http::static_files`).
    pub assets: Arc<crate::http::static_files::AssetVersions>,
    /// Each incident's part of the ministry's overview (`storage::overview_memo`).
    pub overview: Arc<crate::storage::overview_memo::OverviewMemo>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(s: &AppState) -> LeptosOptions {
        s.leptos_options.clone()
    }
}
