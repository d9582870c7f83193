//! Sends webhook deliveries: claims due ones under a lease, signs each body with the endpoint's
//! secret (HMAC-SHA256 over `<timestamp>.<body>`), POSTs it, and settles the attempt — retried
//! with backoff, given up after [`MAX_ATTEMPTS`], the endpoint turned off after
//! [`app::domain::webhook::DISABLE_AFTER`] failures in a row.
//!
//! A hostile operator admin chooses the address, so the desk sends only to public addresses:
//! the host is resolved here, every address it resolves to must be public, and the request
//! goes to the address checked (no second lookup a DNS change could redirect), without
//! following redirects.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use app::domain::timestamp::Timestamp;
use app::domain::webhook::{backoff_secs, signed_text, MAX_ATTEMPTS, TIMEOUT_SECS};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::clock::Clock;
use crate::storage::webhooks::{self, Due, Outcome};
use crate::storage::Db;

/// Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
pub const SIGNATURE_HEADER: &str = "outage-desk-signature";

/// How this instance sends.
#[derive(Clone)]
pub struct Deliverer {
    pub db: Db,
    pub clock: Clock,
    pub owner: String,
    /// Where the links in a payload point (`PUBLIC_BASE_URL`).
    pub base_url: String,
    /// Send to private and loopback addresses and over plain HTTP (`WEBHOOK_ALLOW_PRIVATE`:
    /// development and tests only).
    pub allow_private: bool,
    pub poll: Duration,
}

/// The signature header's value for `body` at `timestamp`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    // HMAC takes a key of any length, so `new_from_slice` cannot fail
    let digest = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).map(|mut mac| {
        mac.update(signed_text(timestamp, body).as_bytes());
        hex::encode(mac.finalize().into_bytes())
    });
    format!("t={timestamp},v1={}", digest.unwrap_or_default())
}

/// A new signing secret (`whsec_` and 40 letters and digits).
pub fn new_secret() -> String {
    use rand::distributions::{Alphanumeric, DistString};
    format!("whsec_{}", Alphanumeric.sample_string(&mut rand::thread_rng(), 40))
}

/// Whether an address is on the public internet (not loopback, private, link-local, shared,
/// documentation, multicast or unspecified; IPv4 inside IPv6 judged as IPv4).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_unspecified()
                || v4.is_multicast()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
                || (a == 198 && (18..20).contains(&b))
                || a >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || first == 0x2001 && v6.segments()[1] == 0x0db8)
        }
    }
}

/// The JSON sent for a delivery: the same bytes on every attempt.
pub fn payload(due: &Due, base_url: &str) -> String {
    let base = base_url.trim_end_matches('/');
    let links = if due.reference.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::json!({
            "api": format!("{base}/api/v1/incidents/{}", due.reference),
            "page": format!("{base}/filing/incidents/{}", due.reference),
        })
    };
    serde_json::json!({
        "id": due.id,
        "event": due.event,
        "created_at": Timestamp(due.created_at).to_utc_string(),
        "incident": (!due.reference.is_empty()).then_some(&due.reference),
        "detail": due.detail,
        "links": links,
    })
    .to_string()
}

impl Deliverer {
    /// Sends what is due now, forever.
    pub async fn run(self) {
        loop {
            if let Err(e) = self.deliver_due().await {
                tracing::error!(error = %e, "webhook deliveries failed");
            }
            tokio::time::sleep(self.poll).await;
        }
    }

    /// Sends every delivery due now (a batch at a time); answers how many were attempted.
    pub async fn deliver_due(&self) -> Result<usize, crate::storage::StorageError> {
        let mut done = 0;
        loop {
            let now = self.clock.now();
            let lease = Timestamp(now.0 + 2 * TIMEOUT_SECS as i64 + 30);
            let batch = webhooks::claim(&self.db, &self.owner, now, lease, 20).await?;
            if batch.is_empty() {
                return Ok(done);
            }
            for due in &batch {
                let outcome = self.attempt(due).await;
                match &outcome {
                    Outcome::Delivered(_) => {}
                    Outcome::Retry { error, .. } | Outcome::Failed { error, .. } => {
                        tracing::warn!(webhook.id = due.webhook_id, delivery.id = due.id, error = %error, "webhook delivery failed");
                    }
                }
                webhooks::settle(&self.db, due, &self.owner, &outcome, self.clock.now()).await?;
                done += 1;
            }
        }
    }

    async fn attempt(&self, due: &Due) -> Outcome {
        if due.off {
            return Outcome::Failed { status: None, error: "the webhook was turned off".into() };
        }
        let (status, error) = match self.post(due).await {
            Ok(status) if (200..300).contains(&status) => return Outcome::Delivered(status),
            Ok(status) => (Some(status), format!("the receiver answered {status}")),
            Err(e) => (None, e),
        };
        let attempts = due.attempts + 1;
        if attempts >= MAX_ATTEMPTS {
            Outcome::Failed { status, error }
        } else {
            Outcome::Retry { status, error, next: Timestamp(self.clock.now().0 + backoff_secs(attempts)) }
        }
    }

    /// POSTs the signed payload; the receiver's status, or why nothing was answered.
    async fn post(&self, due: &Due) -> Result<i64, String> {
        let url = reqwest::Url::parse(&due.url).map_err(|_| "not a valid address".to_string())?;
        let plain_allowed = self.allow_private && url.scheme() == "http";
        if url.scheme() != "https" && !plain_allowed {
            return Err("only https:// addresses are sent to".into());
        }
        let host = url.host_str().ok_or("no host")?.trim_matches(['[', ']']).to_string();
        let port = url.port_or_known_default().unwrap_or(443);
        let addrs: Vec<SocketAddr> = match host.parse::<IpAddr>() {
            Ok(ip) => vec![SocketAddr::new(ip, port)],
            Err(_) => tokio::net::lookup_host((host.as_str(), port))
                .await
                .map_err(|_| format!("{host} does not resolve"))?
                .collect(),
        };
        let Some(first) = addrs.first().copied() else { return Err(format!("{host} does not resolve")) };
        if !self.allow_private && !addrs.iter().all(|a| is_public(a.ip())) {
            return Err(format!("{host} resolves to a private address: not sent"));
        }
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(TIMEOUT_SECS))
            .resolve(&host, first)
            .user_agent("OutageDesk-Webhooks/1")
            .build()
            .map_err(|e| format!("client: {e}"))?;
        let body = payload(due, &self.base_url);
        let now = self.clock.now().0;
        let resp = client
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(SIGNATURE_HEADER, signature(&due.secret, now, &body))
            .header("outage-desk-event", &due.event)
            .header("outage-desk-delivery", due.id.to_string())
            .body(body)
            .send()
            .await
            .map_err(
                |e| if e.is_timeout() { "no answer in time".to_string() } else { "could not connect".to_string() },
            )?;
        Ok(i64::from(resp.status().as_u16()))
    }
}

#[cfg(test)]
#[path = "webhooks_test.rs"]
mod tests;
