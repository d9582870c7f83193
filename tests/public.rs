//! The public side (issue #14) on SQLite and PostgreSQL: search and every filter over
//! published incidents, keyset pages, the operator record against hand-computed figures,
//! feeds parsed back by a feed reader, open data validated against its own schema, nothing
//! unpublished or withheld anywhere public, the response cache (ETag, 304, compression) dropped
//! by a correction, and across two instances on one PostgreSQL database.

use app::domain::public::{Cursor, SearchQuery};
use outage_desk_tests::*;

const WITHHELD: &str = "내부망 10.9.8.7";
const UNPUBLISHED: &str = "미공개-초안-제목-5521";

/// Files an initial notification of organisation A with `changes` to its sections.
async fn file_with(app: &TestApp, title: &str, changes: &[(&str, &'static str, &str)]) -> anyhow::Result<String> {
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let incident = open_incident(&officer, title).await?;
    let mut sections = initial_sections(title);
    for (slug, key, value) in changes {
        if let Some((_, fields)) = sections.iter_mut().find(|(s, _)| s == slug) {
            fields.retain(|(k, _)| k != key);
            fields.push((key, value.to_string()));
        }
    }
    fill(&officer, &incident, &sections).await?;
    file_draft(&signatory, &incident).await?;
    Ok(incident)
}

/// Drafts, submits and has a lead approve the public summary of `incident`.
async fn publish(app: &TestApp, incident: &str, ko: &str, en: &str) -> anyhow::Result<()> {
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let lead = app.signed_in("lead@msit.example").await?;
    let summary = format!("/review/incidents/{incident}/summary");
    let text = [
        ("headline_ko", ko),
        ("headline_en", en),
        ("summary_ko", "요약입니다. [[내부망 10.9.8.7]]"),
        ("summary_en", "A summary. [[internal 10.9.8.7]]"),
        ("impact_ko", "서비스 중단"),
        ("impact_en", "Service stopped"),
        ("cause_ko", "원인 조사"),
        ("cause_en", "Cause under review"),
        ("redaction_note_ko", "내부 주소 비공개"),
        ("redaction_note_en", "Internal address withheld"),
        ("action", "submit"),
    ];
    let revision = reviewer.get(&summary).await?.field_value("revision").unwrap_or_default();
    let mut all = text.to_vec();
    all.push(("revision", &revision));
    let saved = reviewer.submit(&summary, &summary, &all).await?;
    anyhow::ensure!(saved.status == 303, "summary saved: {}", saved.status);
    let approved = lead.submit(&summary, &format!("{summary}/approve"), &[]).await?;
    anyhow::ensure!(approved.status == 303, "approved: {}", approved.status);
    Ok(())
}

/// Three published incidents of organisation A (a long power outage, a short payment delay,
/// a messenger outage not restored yet) and one filed but never published.
async fn fixture(app: &TestApp) -> anyhow::Result<[String; 3]> {
    let long = file_with(
        app,
        "전원 장애",
        &[
            ("times", "onset_at", "2026-01-10T09:00"),
            ("times", "detected_at", "2026-01-10T09:00"),
            ("notice", "notice_sent_at", "2026-01-10T09:30"),
            ("times", "restored_at", "2026-01-14T09:00"),
            ("summary", "services_affected", "메신저\n로그인"),
            ("summary", "downstream_dependents", "철도 예매 앱"),
            ("cause", "cause_category", "POWER"),
            ("impact", "users_affected", "1000"),
        ],
    )
    .await?;
    publish(app, &long, "메신저 전원 장애", "Messenger power outage").await?;
    let short = file_with(
        app,
        "결제 지연",
        &[
            ("times", "onset_at", "2026-02-01T10:00"),
            ("times", "detected_at", "2026-02-01T10:00"),
            ("notice", "notice_sent_at", "2026-02-01T10:10"),
            ("times", "restored_at", "2026-02-01T10:30"),
            ("summary", "services_affected", "결제"),
            ("cause", "cause_category", "SYSTEM_FAILURE"),
            ("impact", "users_affected", "20"),
        ],
    )
    .await?;
    publish(app, &short, "=결제 지연", "Payment delay").await?;
    let ongoing = file_with(
        app,
        "메신저 장애",
        &[
            ("times", "onset_at", "2025-03-01T10:00"),
            ("times", "detected_at", "2025-03-01T10:00"),
            ("notice", "notice_sent_at", "2025-03-01T10:30"),
            ("cause", "cause_category", "POWER"),
        ],
    )
    .await?;
    publish(app, &ongoing, "메신저 장애 (2025)", "Messenger outage (2025)").await?;
    file_with(app, UNPUBLISHED, &[]).await?;
    Ok([long, short, ongoing])
}

fn refs(page: &Page) -> Vec<String> {
    page.texts(".incident-list h3 a").into_iter().collect()
}

async fn search_and_every_filter(app: &TestApp) -> anyhow::Result<()> {
    let [long, short, ongoing] = fixture(app).await?;
    let c = app.client();
    let all = c.get("/incidents").await?;
    assert_eq!(refs(&all), vec!["=결제 지연", "메신저 전원 장애", "메신저 장애 (2025)"], "newest onset first");
    let cases: [(&str, &[&str]); 13] = [
        ("q=%EB%A9%94%EC%8B%A0%EC%A0%80", &["메신저 전원 장애", "메신저 장애 (2025)"]),
        ("q=payment", &["=결제 지연"]),
        ("q=PAYMENT%20%20delay", &["=결제 지연"]),
        ("q=%25", &[]),
        ("service=%EA%B2%B0%EC%A0%9C", &["=결제 지연"]),
        ("cause=POWER", &["메신저 전원 장애", "메신저 장애 (2025)"]),
        ("year=2025", &["메신저 장애 (2025)"]),
        ("year=2024", &[]),
        ("duration=gt3d", &["메신저 전원 장애"]),
        ("duration=lt1h", &["=결제 지연"]),
        ("operator=org-a&commitments=none", &["=결제 지연", "메신저 전원 장애", "메신저 장애 (2025)"]),
        ("operator=org-b", &[]),
        ("cause=POWER&year=2026&duration=gt3d", &["메신저 전원 장애"]),
    ];
    for (query, want) in cases {
        let page = c.get(&format!("/incidents?{query}")).await?;
        assert_eq!(page.status, 200, "{query}");
        assert_eq!(refs(&page), want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{query}");
        if want.is_empty() {
            assert!(page.body.contains("조건에 맞는 공개 장애가 없습니다"), "{query}");
        }
    }
    // the form keeps the choices; a malformed value is dropped, not refused
    let kept = c.get("/incidents?cause=POWER&year=abc").await?;
    assert!(kept.body.contains(r#"<option value="POWER" selected"#), "the chosen cause stays selected");
    assert_eq!(refs(&kept).len(), 2);
    // keyset pages: one row at a time, every incident once, in order, whatever is published meanwhile
    let reader = server::storage::publications::PublicReader;
    let now = app.state.clock.now();
    let mut q = SearchQuery::default();
    let mut seen = Vec::new();
    loop {
        let (rows, next) = server::storage::public_reads::search(&app.state.db, &reader, &q, now, 1).await?;
        seen.extend(rows.into_iter().map(|r| r.reference));
        let Some(cursor) = next else { break };
        q.after = Some(cursor);
    }
    assert_eq!(seen, vec![short.clone(), long.clone(), ongoing.clone()]);
    assert!(Cursor::parse(&Cursor { sort_at: 5, id: 7 }.encode()).is_some());
    // the summary shows its knock-on effects and links its operator's record
    let detail = c.get(&format!("/incidents/{long}")).await?;
    assert!(detail.body.contains("연쇄 영향") && detail.body.contains("철도 예매 앱"));
    assert!(detail.body.contains(r#"href="/operators/org-a""#));
    assert!(detail.body.contains(r#"rel="canonical""#) && detail.body.contains(r#"property="og:title""#));
    assert!(detail.body.contains(r#"hreflang="en""#), "the same page in English is named");
    Ok(())
}
on_both_backends!(search_db => search_and_every_filter);

async fn the_operator_record_matches_hand_computed_figures(app: &TestApp) -> anyhow::Result<()> {
    let [long, _, _] = fixture(app).await?;
    let page = app.client().get("/operators/org-a").await?;
    assert_eq!(page.status, 200);
    let rows = page.texts("#years ~ div table tbody tr, #years ~ * tbody tr");
    // 2026: two incidents, 5,760 + 30 minutes, median (5,760 + 30) / 2 = 2,895 min = 2 d 0 h,
    // user-hours (1,000 × 5,760 + 20 × 30) / 60 = 96,010; 2025: one, not restored
    let y2026 = rows.iter().find(|r| r.starts_with("2026")).cloned().unwrap_or_default();
    assert!(y2026.contains("4일 0시간") || y2026.contains("4일 0시간"), "total 5,790 min = 4 d 0 h: {y2026}");
    assert!(y2026.contains("2일 0시간") && y2026.contains("96,010"), "{y2026}");
    let y2025 = rows.iter().find(|r| r.starts_with("2025")).cloned().unwrap_or_default();
    assert!(y2025.contains('1') && y2025.contains('—'), "{y2025}");
    let causes = page.texts("#causes + ul li").join("\n");
    assert!(causes.contains("2") && causes.contains("반복"), "POWER twice is recurring: {causes}");
    assert!(page.body.contains(&format!("/incidents/{long}")));
    assert_eq!(page.texts("svg.chart title").len(), 1, "the chart is drawn on the server");
    assert_eq!(app.client().get("/operators/no-such-operator").await?.status, 404);
    Ok(())
}
on_both_backends!(operator_db => the_operator_record_matches_hand_computed_figures);

async fn feeds_and_open_data(app: &TestApp) -> anyhow::Result<()> {
    let [long, short, _] = fixture(app).await?;
    let c = app.client();
    let atom = c.get("/feeds/incidents.atom").await?;
    assert!(atom.content_type.starts_with("application/atom+xml"), "{}", atom.content_type);
    let feed = feed_rs::parser::parse(atom.bytes.as_slice())?;
    assert_eq!(feed.entries.len(), 3);
    assert!(feed.entries.iter().any(|e| e.title.as_ref().is_some_and(|t| t.content == "메신저 전원 장애")));
    let json = c.get("/feeds/incidents.json").await?;
    let jfeed = feed_rs::parser::parse(json.bytes.as_slice())?;
    assert_eq!(jfeed.entries.len(), 3);
    let en = feed_rs::parser::parse(c.get("/feeds/incidents.atom?lang=en").await?.bytes.as_slice())?;
    assert!(en.entries.iter().any(|e| e.title.as_ref().is_some_and(|t| t.content == "Payment delay")));
    let per_operator = c.get("/feeds/operators/org-a.atom").await?;
    assert_eq!(feed_rs::parser::parse(per_operator.bytes.as_slice())?.entries.len(), 3);
    assert_eq!(c.get("/feeds/operators/nobody.atom").await?.status, 404);

    // CSV: a byte-order mark, one row per incident, a formula neutralised
    let csv = c.get("/open-data/incidents.csv").await?;
    assert_eq!(&csv.bytes[..3], &[0xEF, 0xBB, 0xBF]);
    assert!(csv.headers.get("last-modified").is_some(), "Last-Modified on open data");
    let mut reader = csv::Reader::from_reader(&csv.bytes[3..]);
    let records: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    assert_eq!(records.len(), 3);
    let headline = records.iter().find(|r| r.get(0) == Some(short.as_str())).and_then(|r| r.get(5).map(str::to_string));
    assert_eq!(headline.as_deref(), Some("'=결제 지연"), "a formula is shown as text");
    // JSON validates against the published schema
    let schema: serde_json::Value = serde_json::from_slice(&c.get("/open-data/schema.json").await?.bytes)?;
    for set in ["incidents", "measures", "commitments"] {
        let data: serde_json::Value = serde_json::from_slice(&c.get(&format!("/open-data/{set}.json")).await?.bytes)?;
        let items = schema["properties"][set].clone();
        let validator = jsonschema::validator_for(&items).map_err(|e| anyhow::anyhow!("{e}"))?;
        if let Err(e) = validator.validate(&data) {
            anyhow::bail!("{set}.json does not match its schema: {e}");
        }
    }
    let incidents: serde_json::Value = serde_json::from_slice(&c.get("/open-data/incidents.json").await?.bytes)?;
    let first = incidents.as_array().and_then(|a| a.iter().find(|i| i["reference"] == long.as_str())).cloned();
    assert_eq!(first.as_ref().map(|i| i["duration_minutes"].clone()), Some(serde_json::json!(5_760)));
    assert_eq!(c.get("/open-data/secrets.csv").await?.status, 404);
    // sitemap and robots
    let sitemap = c.get("/sitemap.xml").await?.body;
    assert!(sitemap.contains(&format!("/incidents/{long}</loc>")) && sitemap.contains("/operators/org-a</loc>"));
    let robots = c.get("/robots.txt").await?.body;
    assert!(robots.contains("Disallow: /review") && robots.contains("Sitemap: "));
    Ok(())
}
on_both_backends!(feeds_db => feeds_and_open_data);

async fn nothing_unpublished_or_withheld_is_public(app: &TestApp) -> anyhow::Result<()> {
    let [long, _, _] = fixture(app).await?;
    let c = app.client();
    let paths = [
        "/".to_string(),
        "/incidents".to_string(),
        format!("/incidents?q={}", "%EB%AF%B8%EA%B3%B5%EA%B0%9C"),
        format!("/incidents/{long}"),
        "/operators/org-a".to_string(),
        "/feeds/incidents.atom".to_string(),
        "/feeds/incidents.json".to_string(),
        "/feeds/operators/org-a.atom".to_string(),
        "/open-data/incidents.csv".to_string(),
        "/open-data/incidents.json".to_string(),
        "/open-data/measures.csv".to_string(),
        "/open-data/commitments.json".to_string(),
        "/sitemap.xml".to_string(),
    ];
    for path in paths {
        let page = c.get(&path).await?;
        assert_eq!(page.status, 200, "{path}");
        for secret in [UNPUBLISHED, WITHHELD, "10.9.8.7", "예비 데이터센터로 전환"] {
            assert!(!page.body.contains(secret), "{path} shows {secret:?}");
        }
    }
    // the summary itself says what was withheld
    assert!(c.get(&format!("/incidents/{long}")).await?.body.contains("[비공개]"));
    Ok(())
}
on_both_backends!(unpublished_db => nothing_unpublished_or_withheld_is_public);

async fn cached_answers_revalidate_and_a_correction_drops_them(app: &TestApp) -> anyhow::Result<()> {
    let [long, _, _] = fixture(app).await?;
    let http = reqwest::Client::new();
    let url = format!("{}/incidents", app.base);
    let first = http.get(&url).header("accept-encoding", "gzip").send().await?;
    assert_eq!(first.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("gzip"));
    let cache_control = first.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert!(cache_control.starts_with("public") && cache_control.contains("stale-while-revalidate"), "{cache_control}");
    let etag = first.headers().get("etag").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert!(etag.starts_with('"') && etag.len() > 10, "strong ETag: {etag}");
    let again = http.get(&url).header("if-none-match", &etag).send().await?;
    assert_eq!(again.status().as_u16(), 304);
    let modified = first.headers().get("last-modified").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let since = http.get(&url).header("if-modified-since", &modified).send().await?;
    assert_eq!(since.status().as_u16(), 304, "not modified since {modified}");
    let br = http.get(&url).header("accept-encoding", "br, gzip").send().await?;
    assert_eq!(br.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("br"));
    // a signed-in reader is never served a shared page
    let officer = app.signed_in("officer@a.example").await?;
    assert!(officer.get("/incidents").await?.cache_control.contains("no-store"));

    // a correction, approved: the list, the page, the feed and the open data change at once
    let before_feed = app.client().get("/feeds/incidents.atom").await?.body;
    publish_correction(app, &long).await?;
    let after = http.get(&url).header("if-none-match", &etag).send().await?;
    assert_eq!(after.status().as_u16(), 200, "the cached answer was dropped");
    assert!(after.text().await?.contains("메신저 전원 장애 (정정)"));
    assert!(app.client().get(&format!("/incidents/{long}")).await?.body.contains("(정정)"));
    let feed = app.client().get("/feeds/incidents.atom").await?.body;
    assert_ne!(feed, before_feed);
    assert!(feed.contains("메신저 전원 장애 (정정)") && feed.contains("제목 정정"));
    assert!(app.client().get("/open-data/incidents.json").await?.body.contains("(정정)"));
    Ok(())
}
on_both_backends!(cache_db => cached_answers_revalidate_and_a_correction_drops_them);

async fn publish_correction(app: &TestApp, incident: &str) -> anyhow::Result<()> {
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let lead = app.signed_in("lead@msit.example").await?;
    let summary = format!("/review/incidents/{incident}/summary");
    let revision = reviewer.get(&summary).await?.field_value("revision").unwrap_or_default();
    let fields = [
        ("headline_ko", "메신저 전원 장애 (정정)"),
        ("headline_en", "Messenger power outage (corrected)"),
        ("summary_ko", "요약입니다."),
        ("summary_en", "A summary."),
        ("impact_ko", "서비스 중단"),
        ("impact_en", "Service stopped"),
        ("cause_ko", "원인 조사"),
        ("cause_en", "Cause under review"),
        ("reason_ko", "제목 정정"),
        ("reason_en", "Headline corrected"),
        ("action", "submit"),
        ("revision", &revision),
    ];
    anyhow::ensure!(reviewer.submit(&summary, &summary, &fields).await?.status == 303, "correction saved");
    anyhow::ensure!(lead.submit(&summary, &format!("{summary}/approve"), &[]).await?.status == 303, "approved");
    Ok(())
}

/// Two instances on one PostgreSQL database: a publication through one drops the other's
/// cached pages (LISTEN/NOTIFY).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalidation_reaches_every_instance() -> anyhow::Result<()> {
    let a = TestApp::spawn(Backend::Postgres).await?;
    let b = a.restarted_with_templates(&a.state.config.templates_dir).await?;
    let incident = file_with(&a, "두 인스턴스", &[]).await?;
    assert!(!b.client().get("/incidents").await?.body.contains("두 인스턴스 공개"), "cached without it");
    assert!(!b.state.public_cache.is_empty(), "instance B holds the page");
    publish(&a, &incident, "두 인스턴스 공개", "Two instances").await?;
    let mut seen = false;
    for _ in 0..50 {
        if b.client().get("/incidents").await?.body.contains("두 인스턴스 공개") {
            seen = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(seen, "instance B dropped its cached list within 5 s");
    drop(b);
    a.cleanup().await
}
