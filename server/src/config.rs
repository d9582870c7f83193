//! Typed configuration from environment variables, with defaults that make `make run`
//! work with nothing set.

use std::path::PathBuf;

use anyhow::{bail, Context};

/// Debian's directories of the Korean, emoji and Arabic fonts the templates use.
pub const DEFAULT_FONT_DIRS: &str =
    "/usr/share/fonts/truetype/nanum:/usr/share/fonts/truetype/noto:/usr/share/fonts/opentype/fonts-hosny-amiri";

/// Settings read at start-up. The listen address comes from `LEPTOS_SITE_ADDR`, as in any
/// Leptos app, and is handled by Leptos' own configuration.
#[derive(Clone)]
pub struct Config {
    /// `sqlite:…` (embedded default) or `postgres://…`.
    pub database_url: String,
    /// 64 bytes or more; signs session cookies. Random per process when unset (sessions
    /// then end on restart, and several instances cannot share them).
    pub session_secret: Option<Vec<u8>>,
    /// Where the site is reached from outside, e.g. `https://outage.example.go.kr`.
    /// Cookies are marked `Secure` when it is `https://`.
    pub public_base_url: String,
    /// Where the PDF fonts are: Korean first, then emoji and Arabic (`FONT_DIR`, a list like
    /// `PATH`).
    pub font_dirs: Vec<PathBuf>,
    /// Directory of typst templates.
    pub templates_dir: PathBuf,
    /// Load demo organisations, accounts and filings into an empty database.
    pub seed_demo: bool,
    /// Proxies whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`, comma-separated
    /// addresses or networks). Empty: the TCP peer is the client.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Where e-mail is handed over (`SMTP_URL`: `smtp://host:port`, `smtps://user:pass@host`).
    /// Unset: messages stay in the outbox, readable at `/admin/outbox`.
    pub smtp_url: Option<String>,
    /// The sender of e-mails (`MAIL_FROM`, e.g. `Outage Desk <no-reply@desk.example>`).
    pub mail_from: String,
    /// Requests one API token (or, on the public API, one client address) may make per
    /// minute on one instance (`API_RATE_PER_MINUTE`, default 600); beyond it `429`.
    pub api_rate_per_minute: u32,
    /// Let webhooks go to private and loopback addresses and over plain `http://`
    /// (`WEBHOOK_ALLOW_PRIVATE`; development and tests only, default false).
    pub webhook_allow_private: bool,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("session_secret", &self.session_secret.as_ref().map(|_| "<redacted>"))
            .field("public_base_url", &self.public_base_url)
            .field("font_dirs", &self.font_dirs)
            .field("templates_dir", &self.templates_dir)
            .field("seed_demo", &self.seed_demo)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("api_rate_per_minute", &self.api_rate_per_minute)
            .field("webhook_allow_private", &self.webhook_allow_private)
            .finish()
    }
}

/// Hides a password in a database URL.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => match url[s + 3..at].find(':') {
            Some(c) => format!("{}:<redacted>{}", &url[..s + 3 + c], &url[at..]),
            None => url.to_string(),
        },
        _ => url.to_string(),
    }
}

impl Config {
    /// Reads the environment. Fails with a message naming the variable that is wrong.
    pub fn from_env() -> anyhow::Result<Config> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// Reads settings through `get` (the environment, or a map in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> anyhow::Result<Config> {
        let database_url = get("DATABASE_URL").unwrap_or_else(|| "sqlite:data/outage-desk.db".into());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            bail!("DATABASE_URL must start with sqlite: or postgres:// (got {})", redact_url(&database_url));
        }
        let session_secret = match get("SESSION_SECRET") {
            None => None,
            Some(s) if s.len() >= 64 => Some(s.into_bytes()),
            Some(_) => bail!("SESSION_SECRET must be at least 64 characters"),
        };
        let public_base_url = get("PUBLIC_BASE_URL").unwrap_or_else(|| "http://127.0.0.1:3000".into());
        if !(public_base_url.starts_with("http://") || public_base_url.starts_with("https://")) {
            bail!("PUBLIC_BASE_URL must start with http:// or https://");
        }
        let seed_demo = match get("SEED_DEMO").as_deref() {
            None | Some("0") | Some("false") => false,
            Some("1") | Some("true") => true,
            Some(other) => bail!("SEED_DEMO must be true or false (got {other})"),
        };
        let font_dirs: Vec<PathBuf> =
            std::env::split_paths(&get("FONT_DIR").unwrap_or_else(|| DEFAULT_FONT_DIRS.into())).collect();
        let templates_dir = PathBuf::from(get("TEMPLATES_DIR").unwrap_or_else(|| "report-templates".into()));
        std::fs::read_dir(&templates_dir)
            .with_context(|| format!("TEMPLATES_DIR {} is not a readable directory", templates_dir.display()))?;
        let trusted_proxies = crate::auth::client_addr::parse_trusted(&get("TRUSTED_PROXIES").unwrap_or_default())
            .map_err(|bad| anyhow::anyhow!("TRUSTED_PROXIES: {bad} is not an address or network"))?;
        let smtp_url = get("SMTP_URL").filter(|u| !u.is_empty());
        if let Some(url) = &smtp_url {
            if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                bail!("SMTP_URL must start with smtp:// or smtps:// (got {})", redact_url(url));
            }
        }
        let mail_from = get("MAIL_FROM").unwrap_or_else(|| "Outage Desk <no-reply@outage-desk.invalid>".into());
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            bail!("MAIL_FROM must be an address such as \"Outage Desk <no-reply@desk.example>\" (got {mail_from})");
        }
        let api_rate_per_minute = match get("API_RATE_PER_MINUTE") {
            None => 600,
            Some(v) => match v.trim().parse::<u32>() {
                Ok(n) if n > 0 => n,
                _ => bail!("API_RATE_PER_MINUTE must be a whole number above 0 (got {v})"),
            },
        };
        let webhook_allow_private = match get("WEBHOOK_ALLOW_PRIVATE").as_deref() {
            None | Some("0") | Some("false") => false,
            Some("1") | Some("true") => true,
            Some(other) => bail!("WEBHOOK_ALLOW_PRIVATE must be true or false (got {other})"),
        };
        Ok(Config {
            database_url,
            api_rate_per_minute,
            webhook_allow_private,
            session_secret,
            public_base_url,
            font_dirs,
            templates_dir,
            seed_demo,
            trusted_proxies,
            smtp_url,
            mail_from,
        })
    }

    /// Whether cookies must be `Secure`.
    pub fn secure_cookies(&self) -> bool {
        self.public_base_url.starts_with("https://")
    }
}

#[cfg(test)]
#[path = "config_test.rs"]
mod tests;
