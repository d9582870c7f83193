//! Webhooks to a real HTTP receiver that checks their signatures.

use outage_desk_tests::*;
use serde_json::Value;

use super::client::*;

/// What the test's receiver got: (headers, body).
type Received = std::sync::Arc<std::sync::Mutex<Vec<(axum::http::HeaderMap, String)>>>;

/// A real HTTP receiver on a free port answering `status` (changeable), keeping what it got.
async fn receiver(status: std::sync::Arc<std::sync::atomic::AtomicU16>) -> anyhow::Result<(String, Received)> {
    let got: Received = Default::default();
    let keep = got.clone();
    let router = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: axum::http::HeaderMap, body: String| {
            let keep = keep.clone();
            let status = status.clone();
            async move {
                if let Ok(mut all) = keep.lock() {
                    all.push((headers, body));
                }
                axum::http::StatusCode::from_u16(status.load(std::sync::atomic::Ordering::SeqCst))
                    .unwrap_or(axum::http::StatusCode::OK)
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, router).await });
    Ok((format!("http://{addr}/hook"), got))
}

/// Checks a delivery's signature as a receiver would, with the secret shown at registration.
fn verify(secret: &str, headers: &axum::http::HeaderMap, body: &str) -> bool {
    let sig = headers.get("outage-desk-signature").and_then(|v| v.to_str().ok()).unwrap_or("");
    let Some((t, v1)) = sig.strip_prefix("t=").and_then(|s| s.split_once(",v1=")) else { return false };
    // an independent HMAC-SHA256 (RFC 2104) over "<t>.<body>", not the server's code
    use sha2::Digest;
    let mut key = secret.as_bytes().to_vec();
    key.resize(64, 0);
    let pad = |b: u8| key.iter().map(|k| k ^ b).collect::<Vec<u8>>();
    let inner = sha2::Sha256::new().chain_update(pad(0x36)).chain_update(format!("{t}.{body}")).finalize();
    let outer = sha2::Sha256::new().chain_update(pad(0x5c)).chain_update(inner).finalize();
    let expected: String = outer.iter().map(|b| format!("{b:02x}")).collect();
    expected == v1
}

async fn webhooks(app: &TestApp) -> anyhow::Result<()> {
    let status = std::sync::Arc::new(std::sync::atomic::AtomicU16::new(204));
    let (url, got) = receiver(status.clone()).await?;
    let page = "/filing/organisation/webhooks";
    let admin = app.signed_in("admin@a.example").await?;
    // an officer reads the list but cannot register
    let officer = app.signed_in("officer@a.example").await?;
    let read = officer.get(page).await?;
    assert_eq!(read.status, 200);
    assert!(read.body.contains("웹훅은 기관 관리자만 등록하거나 바꿀 수 있습니다"), "told why there is no form");
    let url_field = r#"input[name="url"]"#;
    assert!(read.texts(url_field).is_empty(), "and shown no form");
    assert_eq!(admin.get(page).await?.texts(url_field).len(), 1, "the admin is");
    assert_eq!(officer.submit(page, page, &[("url", &url), ("event_request_asked", "yes")]).await?.status, 403);
    // refused: not https (outside development), or no event
    let bad = admin.submit(page, page, &[("url", "ftp://x"), ("event_request_asked", "yes")]).await?;
    assert_eq!(bad.status, 422);
    assert!(!bad.texts("#url-error").is_empty());
    let made = admin
        .submit(page, page, &[("url", &url), ("event_request_asked", "yes"), ("event_measure_issued", "yes")])
        .await?;
    assert_eq!(made.status, 200, "{}", made.body);
    let secret = {
        let doc = scraper::Html::parse_document(&made.body);
        let sel = scraper::Selector::parse("#fresh-secret").map_err(|e| anyhow::anyhow!("{e}"))?;
        doc.select(&sel).next().and_then(|e| e.value().attr("value").map(str::to_string)).unwrap_or_default()
    };
    assert!(secret.starts_with("whsec_"), "the secret is shown once");
    assert!(!admin.get(page).await?.body.contains(&secret), "and only once");
    assert_eq!(audited(app, "webhook.registered").await?, 1);

    // an event of the organisation reaches it, signed
    let reference = filed_case(app).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let asked = ask_for_information(&reviewer, &reference, "롤백 절차서").await?;
    assert_eq!(asked.status, 303);
    let deliverer = server::notify::deliverer_of(&app.state);
    assert_eq!(deliverer.deliver_due().await?, 1);
    let (headers, body) = got
        .lock()
        .map_err(|_| anyhow::anyhow!("lock"))?
        .first()
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("nothing received"))?;
    assert!(verify(&secret, &headers, &body), "signature checks out");
    assert!(!verify("whsec_wrong", &headers, &body));
    let json: Value = serde_json::from_str(&body)?;
    assert_eq!((json["event"].as_str(), json["incident"].as_str()), (Some("request_asked"), Some(reference.as_str())));
    assert_eq!(headers.get("outage-desk-event").and_then(|v| v.to_str().ok()), Some("request_asked"));
    // another organisation's endpoint hears nothing of it; nothing more is due
    assert_eq!(deliverer.deliver_due().await?, 0);

    // a failing receiver: retried with backoff, then the endpoint is turned off
    status.store(500, std::sync::atomic::Ordering::SeqCst);
    let form = {
        let doc = scraper::Html::parse_document(&admin.get(page).await?.body);
        let sel = scraper::Selector::parse(r#"form[action$="/ping"]"#).map_err(|e| anyhow::anyhow!("{e}"))?;
        doc.select(&sel).next().and_then(|f| f.value().attr("action").map(str::to_string)).unwrap_or_default()
    };
    let base = form.trim_end_matches("/ping").to_string();
    let mut failed_attempts = 0;
    for _ in 0..3 {
        assert_eq!(admin.submit(page, &form, &[]).await?.status, 303);
    }
    while failed_attempts < app::domain::webhook::DISABLE_AFTER {
        let n = deliverer.deliver_due().await?;
        failed_attempts += n as i64;
        if n == 0 {
            app.state.clock.advance(86_400);
        }
    }
    assert_eq!(audited(app, "webhook.disabled").await?, 1);
    // days have passed: the admin signs in again
    let admin = app.signed_in("admin@a.example").await?;
    let shown = admin.get(page).await?;
    assert!(shown.body.contains("실패가 계속되어 꺼짐"), "the page says why it is off");
    assert!(shown.body.contains("500"), "and what the receiver answered");
    // off: new events are not queued; on again, they are
    let queued_before = got.lock().map_err(|_| anyhow::anyhow!("lock"))?.len();
    status.store(200, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(admin.submit(page, &format!("{base}/enable"), &[]).await?.status, 303);
    assert_eq!(admin.submit(page, &form, &[]).await?.status, 303);
    app.state.clock.advance(60);
    assert!(deliverer.deliver_due().await? >= 1);
    assert!(got.lock().map_err(|_| anyhow::anyhow!("lock"))?.len() > queued_before);
    // another organisation's admin cannot touch it; deleting asks first and cancels what waits
    let other = app.signed_in("admin@b.example").await?;
    assert_eq!(other.submit(page, &format!("{base}/delete"), &[]).await?.status, 404);
    assert_eq!(admin.submit(page, &format!("{base}/delete"), &[]).await?.status, 303);
    assert!(!admin.get(page).await?.body.contains(&url));
    assert_eq!(audited(app, "webhook.deleted").await?, 1);
    Ok(())
}

/// Webhooks need the receiver on this machine: plain http to a loopback address, allowed by
/// `WEBHOOK_ALLOW_PRIVATE` (never in production, where only public https addresses are sent to).
mod webhooks_db {
    use super::*;
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() -> anyhow::Result<()> {
        let app = TestApp::spawn_with(Backend::Sqlite, &[("WEBHOOK_ALLOW_PRIVATE", "true".into())]).await?;
        super::webhooks(&app).await?;
        app.cleanup().await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() -> anyhow::Result<()> {
        let app = TestApp::spawn_with(Backend::Postgres, &[("WEBHOOK_ALLOW_PRIVATE", "true".into())]).await?;
        super::webhooks(&app).await?;
        app.cleanup().await
    }
}
