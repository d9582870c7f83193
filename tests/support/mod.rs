//! Test harness: the real server, on a free port, against a fresh SQLite file or a fresh
//! PostgreSQL database, with a cookie-keeping client per person.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Context;
use app::domain::auth::Role;
use app::domain::ids::OrgId;
use leptos::config::LeptosOptions;
use server::config::Config;
use server::state::AppState;
use server::storage::users::{self, NewUser};

pub mod filing;
pub mod smtp;
pub use filing::*;

pub const PASSWORD: &str = "correct horse battery staple";
/// The two-step key of every seeded account whose role requires it (RFC 6238's test key).
pub const TOTP_KEY: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/// The page routes, generated once for the whole test process before any test serves a
/// page (see `server::page_routes` for why they must not be generated while others serve).
pub fn page_routes() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(server::page_routes).clone()
}

/// Which database a test runs against.
#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique(prefix: &str) -> String {
    format!("{prefix}_{}_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst), rand::random::<u32>())
}

/// Where the tests' PostgreSQL server is (trust auth on this machine kind).
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A running server with seeded organisations and accounts.
pub struct TestApp {
    pub base: String,
    pub state: AppState,
    pub org_a: OrgId,
    pub org_b: OrgId,
    pg_db: Option<String>,
    _dir: Option<tempdir::TempDir>,
}

mod tempdir {
    /// A directory removed when dropped.
    pub struct TempDir(pub std::path::PathBuf);
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// Accounts every test app has: (e-mail, role, organisation a/b/none).
pub const ACCOUNTS: [(&str, Role, Option<char>); 8] = [
    ("officer@a.example", Role::OperatorOfficer, Some('a')),
    ("signatory@a.example", Role::OperatorSignatory, Some('a')),
    ("admin@a.example", Role::OperatorAdmin, Some('a')),
    ("officer@b.example", Role::OperatorOfficer, Some('b')),
    ("admin@b.example", Role::OperatorAdmin, Some('b')),
    ("reviewer@msit.example", Role::Reviewer, None),
    ("lead@msit.example", Role::ReviewLead, None),
    ("sysadmin@desk.example", Role::SystemAdmin, None),
];

impl TestApp {
    pub async fn spawn(backend: Backend) -> anyhow::Result<TestApp> {
        TestApp::spawn_with_templates(backend, workspace().join("report-templates")).await
    }

    /// [`TestApp::spawn`] with the official-document templates of `templates`.
    pub async fn spawn_with_templates(backend: Backend, templates: PathBuf) -> anyhow::Result<TestApp> {
        TestApp::spawn_configured(backend, templates, &[]).await
    }

    /// [`TestApp::spawn`] handing e-mail to the SMTP server at `smtp_url` (the sender loop is
    /// the test's to start: `server::notify::sender_of`).
    pub async fn spawn_with_smtp(backend: Backend, smtp_url: &str) -> anyhow::Result<TestApp> {
        let extra = [("SMTP_URL", smtp_url.to_string()), ("PUBLIC_BASE_URL", "http://desk.test".to_string())];
        TestApp::spawn_configured(backend, workspace().join("report-templates"), &extra).await
    }

    /// [`TestApp::spawn`] with settings of its own (`("API_RATE_PER_MINUTE", "5")`…).
    pub async fn spawn_with(backend: Backend, extra: &[(&str, String)]) -> anyhow::Result<TestApp> {
        TestApp::spawn_configured(backend, workspace().join("report-templates"), extra).await
    }

    async fn spawn_configured(
        backend: Backend,
        templates: PathBuf,
        extra: &[(&str, String)],
    ) -> anyhow::Result<TestApp> {
        let (database_url, pg_db, dir) = match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(unique("od_test"));
                std::fs::create_dir_all(&dir)?;
                (format!("sqlite:{}", dir.join("test.db").display()), None, Some(tempdir::TempDir(dir)))
            }
            Backend::Postgres => {
                let name = unique("od_test");
                let admin = postgres_admin_url();
                let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&admin)
                    .await
                    .with_context(|| format!("PostgreSQL at {admin} (set TEST_POSTGRES_URL)"))?;
                sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await?;
                let base = admin.rsplit_once('/').map(|(b, _)| b.to_string()).unwrap_or(admin.clone());
                (format!("{base}/{name}"), Some(name), None)
            }
        };
        let fonts = std::env::var("FONT_DIR").unwrap_or_else(|_| server::config::DEFAULT_FONT_DIRS.into());
        let (state, store) = start(test_config(&database_url, &templates, &fonts, extra)?).await?;
        let org_a = users::create_org(&state.db, "org-a", "가나다 주식회사", "Ganada Corp.").await?;
        let org_b = users::create_org(&state.db, "org-b", "라마바 주식회사", "Ramaba Inc.").await?;
        let hash = state.hasher.hash(PASSWORD.into()).await?;
        for (email, role, org) in ACCOUNTS {
            let org = org.map(|c| if c == 'a' { org_a } else { org_b });
            let id =
                users::create_user(&state.db, NewUser { email, display_name: email, password_hash: &hash, role, org })
                    .await?;
            if app::domain::two_step::required_for(role) {
                server::storage::two_step::enrol(&state.db, id, TOTP_KEY, &[], state.clock.now()).await?;
            }
        }
        let base = serve(&state, store).await?;
        Ok(TestApp { base, state, org_a, org_b, pg_db, _dir: dir })
    }

    /// A second server on the same database (as after a restart), loading the templates of
    /// `templates`. Dropping it leaves the database to this one.
    pub async fn restarted_with_templates(&self, templates: &std::path::Path) -> anyhow::Result<TestApp> {
        let fonts = std::env::join_paths(&self.state.config.font_dirs)?.to_string_lossy().into_owned();
        let (state, store) = start(test_config(&self.state.config.database_url, templates, &fonts, &[])?).await?;
        let base = serve(&state, store).await?;
        Ok(TestApp { base, state, org_a: self.org_a, org_b: self.org_b, pg_db: None, _dir: None })
    }

    /// A new browser-like client with its own cookie jar, not following redirects.
    pub fn client(&self) -> Client {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        Client { http, base: self.base.clone() }
    }

    /// A client whose requests come from `address`, as a trusted proxy in front of the
    /// server would say (`X-Forwarded-For`).
    pub fn client_from(&self, address: &str) -> Client {
        let mut headers = reqwest::header::HeaderMap::new();
        if let Ok(v) = reqwest::header::HeaderValue::from_str(address) {
            headers.insert("x-forwarded-for", v);
        }
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        Client { http, base: self.base.clone() }
    }

    /// A client signed in as `email` (with the shared test password, and a code of
    /// [`TOTP_KEY`] where two-step verification is on).
    pub async fn signed_in(&self, email: &str) -> anyhow::Result<Client> {
        let c = self.client();
        let resp = c.login(email, PASSWORD).await?;
        anyhow::ensure!(resp.status == 303, "sign-in of {email} answered {}", resp.status);
        if resp.location.as_deref() == Some("/login/two-step") {
            let code = self.next_code(email, TOTP_KEY).await?;
            let done = c.submit("/login/two-step", "/login/two-step", &[("code", &code)]).await?;
            anyhow::ensure!(done.status == 303, "the second step of {email} answered {}", done.status);
        }
        Ok(c)
    }

    /// The code of `key` an app would show now for `email`, unless that step was used
    /// already: then the clock moves on to the next unused step (a code never works twice,
    /// and tests sign the same person in many times within 30 seconds).
    pub async fn next_code(&self, email: &str, key: &str) -> anyhow::Result<String> {
        use app::domain::two_step::{step_of, STEP_SECS};
        let id = users::credentials(&self.state.db, email).await?.map(|c| c.id).unwrap_or(0);
        let last = server::storage::two_step::of(&self.state.db, app::domain::ids::UserId(id)).await?.last_step;
        let now = step_of(self.state.clock.now().0);
        let step = last.map_or(now, |l| now.max(l + 1));
        if step > now {
            self.state.clock.advance((step - now) * STEP_SECS);
        }
        server::auth::totp::code_at(key, step).context("no code for the key")
    }

    /// Sets up two-step verification for the person signed in on `c` as an app would: begins,
    /// reads the key off the page, confirms with its code. Returns the key and the page that
    /// shows the recovery codes.
    pub async fn set_up_two_step(&self, c: &Client, email: &str) -> anyhow::Result<(String, Page)> {
        let page = "/account/two-step";
        let started = c.submit(page, "/account/two-step/start", &[]).await?;
        anyhow::ensure!(started.status == 303, "starting the set-up answered {}", started.status);
        let shown = c.get(page).await?;
        let key: String = shown.texts(".setup-key").join("").chars().filter(|c| !c.is_whitespace()).collect();
        anyhow::ensure!(!key.is_empty(), "no set-up key on the page");
        let code = self.next_code(email, &key).await?;
        let done = c.submit(page, "/account/two-step/confirm", &[("code", &code)]).await?;
        anyhow::ensure!(done.status == 200, "confirming the set-up answered {}", done.status);
        Ok((key, done))
    }

    /// Drops the PostgreSQL database of this test (a passing test's last step; a failing
    /// test's database is dropped by `Drop`).
    pub async fn cleanup(mut self) -> anyhow::Result<()> {
        if let Some(name) = self.pg_db.take() {
            if let server::storage::Db::Postgres(p) = &self.state.db {
                p.close().await;
            }
            drop_database(&name).await?;
        }
        Ok(())
    }
}

async fn drop_database(name: &str) -> anyhow::Result<()> {
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&postgres_admin_url()).await?;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn).await?;
    Ok(())
}

/// A test that failed (panicked or returned an error) never reached `cleanup`: its database
/// is dropped here, on a thread of its own (the test's runtime may be unwinding).
impl Drop for TestApp {
    fn drop(&mut self) {
        let Some(name) = self.pg_db.take() else { return };
        let dropped = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            rt.block_on(drop_database(&name))
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop a test database; `make clean-test-dbs` removes leftovers");
        }
    }
}

/// A test server's configuration.
fn test_config(
    database_url: &str,
    templates: &std::path::Path,
    fonts: &str,
    extra: &[(&str, String)],
) -> anyhow::Result<Config> {
    let templates = templates.display().to_string();
    Config::from_lookup(|k| match k {
        k if extra.iter().any(|(name, _)| *name == k) => {
            extra.iter().find(|(name, _)| *name == k).map(|(_, v)| v.clone())
        }
        "DATABASE_URL" => Some(database_url.to_string()),
        "TEMPLATES_DIR" => Some(templates.clone()),
        "FONT_DIR" => Some(fonts.to_string()),
        // the test clients are the "proxy": they may say which address they speak for
        "TRUSTED_PROXIES" => Some("127.0.0.1".into()),
        _ => None,
    })
}

/// The state of a test server: the real one, with a clock tests move on
/// (`app.state.clock.advance`) instead of sleeping.
async fn start(config: Config) -> anyhow::Result<(AppState, server::storage::sessions::Store)> {
    let ws = workspace();
    let options = LeptosOptions::builder()
        .output_name("outage-desk")
        .site_root(ws.join("target/site").display().to_string())
        .site_pkg_dir("pkg")
        .build();
    let (mut state, store) = server::build_state(config, options).await?;
    state.clock = server::clock::Clock::adjustable();
    Ok((state, store))
}

/// Serves the router of `state` on a free port; returns its base address.
async fn serve(state: &AppState, store: server::storage::sessions::Store) -> anyhow::Result<String> {
    // as in main: other instances' publications drop this one's cached public pages
    tokio::spawn(server::http::public_cache::listen(state.clone()));
    let router = server::router(state.clone(), store, page_routes());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        if let Err(e) = axum_serve(listener, router).await {
            eprintln!("test server stopped: {e}");
        }
    });
    Ok(format!("http://{addr}"))
}

async fn axum_serve(listener: tokio::net::TcpListener, router: axum::Router) -> std::io::Result<()> {
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await
}

/// A response, read whole.
#[derive(Default)]
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub content_type: String,
    pub cache_control: String,
    /// Every `Set-Cookie` header of the response.
    pub set_cookies: Vec<String>,
    pub body: String,
    pub bytes: Vec<u8>,
    pub headers: reqwest::header::HeaderMap,
}

impl Page {
    /// The value of the session cookie this response sets, if it sets one.
    pub fn session_cookie(&self) -> Option<String> {
        self.set_cookies
            .iter()
            .find_map(|c| c.strip_prefix("od_session="))
            .map(|c| c.split(';').next().unwrap_or("").to_string())
    }

    /// The anti-forgery token of the first form on the page.
    pub fn csrf(&self) -> Option<String> {
        let doc = scraper::Html::parse_document(&self.body);
        let sel = scraper::Selector::parse(r#"input[name="_csrf"]"#).ok()?;
        doc.select(&sel).next()?.value().attr("value").map(str::to_string).filter(|v| !v.is_empty())
    }

    /// Text of every element matching a CSS selector.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let doc = scraper::Html::parse_document(&self.body);
        let Ok(sel) = scraper::Selector::parse(selector) else { return vec![] };
        doc.select(&sel).map(|e| e.text().collect::<String>().trim().to_string()).collect()
    }

    /// The `value` attribute (or textarea text) of the named control.
    pub fn field_value(&self, name: &str) -> Option<String> {
        let doc = scraper::Html::parse_document(&self.body);
        let input = scraper::Selector::parse(&format!(r#"input[name="{name}"]"#)).ok()?;
        if let Some(e) = doc.select(&input).next() {
            return e.value().attr("value").map(str::to_string);
        }
        let area = scraper::Selector::parse(&format!(r#"textarea[name="{name}"]"#)).ok()?;
        doc.select(&area).next().map(|e| e.text().collect::<String>())
    }
}

#[derive(Clone)]
pub struct Client {
    pub http: reqwest::Client,
    pub base: String,
}

impl Client {
    /// A response read whole.
    pub async fn read(resp: reqwest::Response) -> anyhow::Result<Page> {
        let status = resp.status().as_u16();
        let location = resp.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_string);
        let header = |name: &str| resp.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let content_type = header("content-type");
        let cache_control = header("cache-control");
        let set_cookies =
            resp.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(str::to_string).collect();
        let headers = resp.headers().clone();
        let bytes = resp.bytes().await?.to_vec();
        let body = String::from_utf8_lossy(&bytes).to_string();
        Ok(Page { status, location, content_type, cache_control, set_cookies, body, bytes, headers })
    }

    pub async fn get(&self, path: &str) -> anyhow::Result<Page> {
        Self::read(self.http.get(format!("{}{path}", self.base)).send().await?).await
    }

    /// Posts a form as a browser would (url-encoded).
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> anyhow::Result<Page> {
        Self::read(self.http.post(format!("{}{path}", self.base)).form(fields).send().await?).await
    }

    /// Loads `page`, takes its anti-forgery token and posts `fields` with it to `action`.
    pub async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> anyhow::Result<Page> {
        let form_page = self.get(page).await?;
        let token =
            form_page.csrf().with_context(|| format!("no anti-forgery token on {page} ({})", form_page.status))?;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("_csrf", &token));
        self.post(action, &all).await
    }

    pub async fn login(&self, email: &str, password: &str) -> anyhow::Result<Page> {
        self.submit("/login", "/login", &[("email", email), ("password", password)]).await
    }
}

/// Runs one async test body against both databases.
#[macro_export]
macro_rules! on_both_backends {
    ($module:ident => $test:ident) => {
        mod $module {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() -> anyhow::Result<()> {
                let app = TestApp::spawn(Backend::Sqlite).await?;
                super::$test(&app).await?;
                app.cleanup().await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() -> anyhow::Result<()> {
                let app = TestApp::spawn(Backend::Postgres).await?;
                super::$test(&app).await?;
                app.cleanup().await
            }
        }
    };
}

/// The text of a PDF, as `pdftotext` reads it (poppler-utils).
pub fn pdf_text(bytes: &[u8]) -> anyhow::Result<String> {
    let dir = tempdir::TempDir(std::env::temp_dir().join(format!("od-pdf-{}", rand::random::<u64>())));
    std::fs::create_dir_all(&dir.0)?;
    let file = dir.0.join("doc.pdf");
    std::fs::write(&file, bytes)?;
    let out = std::process::Command::new("pdftotext").arg("-layout").arg(&file).arg("-").output()?;
    anyhow::ensure!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    Ok(String::from_utf8_lossy(&out.stdout).to_string())
}

/// A seeded ministry account's capability (`lead@msit.example`, `reviewer@msit.example`), for
/// calling storage directly.
pub async fn reviewer_cap_of(app: &TestApp, email: &str) -> anyhow::Result<app::domain::auth::ReviewerCap> {
    let id = server::storage::users::credentials(&app.state.db, email)
        .await?
        .map(|c| c.id)
        .ok_or_else(|| anyhow::anyhow!("no account {email}"))?;
    let caller = server::storage::users::caller(&app.state.db, app::domain::ids::UserId(id)).await?;
    caller.and_then(|c| c.reviewer()).ok_or_else(|| anyhow::anyhow!("{email} is not ministry staff"))
}

/// The path of the newest invitation or reset link (`kind`: `invitation`, `password_reset`)
/// queued for `email`, read from the outbox as the e-mail would carry it.
pub async fn link_sent_to(app: &TestApp, email: &str, kind: &str) -> anyhow::Result<Option<String>> {
    let detail = server::with_pool!(&app.state.db, |p| {
        sqlx::query_scalar::<_, String>(
            "SELECT detail FROM outbox WHERE to_address = $1 AND kind = $2 ORDER BY id DESC LIMIT 1",
        )
        .bind(email)
        .bind(kind)
        .fetch_optional(p)
        .await
    })?;
    Ok(detail.filter(|d| !d.is_empty()))
}

/// Sets a password from the link at `path` (typed twice), as the person who got it would.
pub async fn choose_password(app: &TestApp, path: &str, password: &str) -> anyhow::Result<Page> {
    let c = app.client();
    let page = c.get(path).await?;
    anyhow::ensure!(page.status == 200, "{path} answered {}", page.status);
    c.submit(path, path, &[("new_password", password), ("confirm_password", password)]).await
}
