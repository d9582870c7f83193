//! Starts Outage Desk: reads configuration, connects to the database, serves HTTP.

use anyhow::Context;
use leptos::config::get_configuration;
use server::config::Config;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let json_logs = std::env::var("LOG_FORMAT").is_ok_and(|v| v == "json");
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_sessions=warn"));
    if json_logs {
        tracing_subscriber::fmt().with_env_filter(filter).json().init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }

    let config = Config::from_env().context("configuration")?;
    if let Some(dir) = config
        .database_url
        .strip_prefix("sqlite:")
        .and_then(|p| std::path::Path::new(p.split('?').next().unwrap_or(p)).parent().map(|d| d.to_path_buf()))
    {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        }
    }
    if config.session_secret.is_none() {
        tracing::warn!(
            "SESSION_SECRET is not set: sessions end when the server restarts and cannot be shared between instances"
        );
    }
    let leptos = get_configuration(None).context("Leptos configuration (LEPTOS_* variables)")?;
    let addr = leptos.leptos_options.site_addr;
    tracing::info!(config = ?config, "starting");
    let seed = config.seed_demo;
    let (state, store) = server::build_state(config, leptos.leptos_options).await?;
    tracing::info!(backend = state.db.backend(), "database ready");
    if seed && server::seeds::seed_demo(&state).await? {
        tracing::info!("demo data loaded");
    }
    // Official documents missing from this database (filed before documents were stored)
    // are made once, in the background; a download before then makes its own.
    let backfill_state = state.clone();
    tokio::spawn(async move {
        match server::pdf::documents::backfill(&backfill_state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(documents = n, "official documents made for earlier records"),
            Err(e) => tracing::error!(error = %e, "making missing official documents failed"),
        }
    });
    server::notify::start(&state).context("notifications")?;
    // the static files' compressed copies, made once per build, off the runtime
    let pkg = std::path::PathBuf::from(state.leptos_options.site_root.as_ref())
        .join(state.leptos_options.site_pkg_dir.as_ref());
    tokio::task::spawn_blocking(move || match server::http::static_files::precompress(&pkg) {
        Ok(0) => {}
        Ok(n) => tracing::info!(files = n, "static files compressed"),
        Err(e) => tracing::warn!(error = %e, "compressing static files failed; they are served as they are"),
    });
    // the ministry's overview, computed once so its first visit is quick
    let warm = state.clone();
    tokio::spawn(async move {
        if let Err(e) = server::storage::overview_memo::warm(&warm.db, &warm.overview, warm.clock.now()).await {
            tracing::error!(error = %e, "computing the overview at start-up failed");
        }
    });
    // other instances' publications drop this one's cached public pages (PostgreSQL)
    tokio::spawn(server::http::public_cache::listen(state.clone()));
    tokio::spawn(store.clone().delete_expired_every(std::time::Duration::from_secs(600)));
    let app = server::router(state, store, server::page_routes());
    let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| format!("binding {addr}"))?;
    tracing::info!("listening on http://{addr}");
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(async {
            if let Err(e) = tokio::signal::ctrl_c().await {
                tracing::error!(error = %e, "cannot listen for Ctrl-C; stop the server another way");
                std::future::pending::<()>().await;
            }
        })
        .await?;
    Ok(())
}
