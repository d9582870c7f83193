//! Rate limits, problem details and the OpenAPI document against the checked-in one.

use outage_desk_tests::*;
use serde_json::json;

use super::client::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_problems_and_the_document() -> anyhow::Result<()> {
    let app = TestApp::spawn_with(Backend::Sqlite, &[("API_RATE_PER_MINUTE", "5".to_string())]).await?;
    let api = Api::new(&app, &token_of(&app, "officer@a.example", &["read"], "30").await?);
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(api.get("/incidents").await?);
    }
    let last = statuses.pop().ok_or_else(|| anyhow::anyhow!("no answers"))?;
    assert!(statuses.iter().all(|a| a.status() == 200));
    assert_eq!((last.status(), last.problem().as_str()), (429, "rate_limited"));
    assert!(last.header("retry-after").parse::<u64>().is_ok_and(|s| (1..=60).contains(&s)));

    // problems in the language asked for; unknown addresses and methods too
    let en =
        api.send(api.http.get(format!("{}/nowhere", api.base)).header("accept-language", "en-GB,en;q=0.9")).await?;
    assert_eq!((en.status(), en.problem().as_str()), (404, "not_found"));
    assert_eq!(en.json["title"], json!("Not found"));
    let ko = api.get("/public/incidents/OD-2026-999999").await?;
    assert_eq!((ko.status(), ko.json["title"].as_str()), (404, Some("찾을 수 없습니다")));
    let method = api.send(api.http.delete(format!("{}/incidents", api.base))).await?;
    assert_eq!((method.status(), method.problem().as_str()), (405, "method_not_allowed"));
    let public = Api::new(&app, "").get("/public/incidents").await?;
    assert_eq!((public.status(), public.json["items"].clone()), (200, json!([])));

    // the served document is the checked-in one (UPDATE_OPENAPI=1 writes it)
    let served = Api::new(&app, "").get("/openapi.json").await?;
    assert_eq!(served.status(), 200);
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/openapi.json");
    if std::env::var("UPDATE_OPENAPI").is_ok() {
        std::fs::write(&file, &served.page.body)?;
    }
    let checked_in = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        checked_in == served.page.body,
        "docs/openapi.json differs from the served document: run UPDATE_OPENAPI=1 cargo test -p outage-desk-tests --test api"
    );
    assert_eq!(served.json["openapi"].as_str().map(|v| v.starts_with("3.1")), Some(true));
    // the browsable reference ships its own assets: no other origin
    let docs = app.client().get("/api/docs/").await?;
    assert_eq!(docs.status, 200, "{}", docs.body);
    assert!(!docs.body.contains("https://") && !docs.body.contains("http://"), "{}", docs.body);
    assert!(docs.headers.get("content-security-policy").is_some());
    app.cleanup().await
}
