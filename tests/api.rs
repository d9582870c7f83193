//! The machine interface on both databases: tokens made on the account page, a three-stage
//! filing entirely through `/api/v1` (with an officer refused at submit, a stale `If-Match`, a
//! replayed `Idempotency-Key`, another organisation's incident not found, expired, revoked and
//! read-only tokens), the calculator against the brief's worked examples, rate limits, problem
//! details, and the OpenAPI document against the checked-in one.

use std::collections::BTreeMap;

use outage_desk_tests::*;
use serde_json::{json, Value};

/// A client of the API with one token (no cookies).
struct Api {
    http: reqwest::Client,
    base: String,
    token: String,
}

/// An answer of the API, its body read as JSON.
struct Answer {
    page: Page,
    json: Value,
}

impl Answer {
    fn status(&self) -> u16 {
        self.page.status
    }
    fn header(&self, name: &str) -> String {
        self.page.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
    }
    /// The problem's kind (`urn:outage-desk:problem:<kind>`), checking it is a problem.
    fn problem(&self) -> String {
        assert_eq!(self.page.content_type, "application/problem+json", "{}", self.page.body);
        assert_eq!(self.json["status"].as_u64(), Some(u64::from(self.page.status)));
        self.json["type"].as_str().unwrap_or("").trim_start_matches("urn:outage-desk:problem:").to_string()
    }
}

impl Api {
    fn new(app: &TestApp, token: &str) -> Api {
        Api { http: reqwest::Client::new(), base: format!("{}/api/v1", app.base), token: token.to_string() }
    }

    async fn send(&self, req: reqwest::RequestBuilder) -> anyhow::Result<Answer> {
        let page = Client::read(req.bearer_auth(&self.token).send().await?).await?;
        let json = serde_json::from_slice(&page.bytes).unwrap_or(Value::Null);
        Ok(Answer { page, json })
    }

    async fn get(&self, path: &str) -> anyhow::Result<Answer> {
        self.send(self.http.get(format!("{}{path}", self.base))).await
    }

    async fn post(&self, path: &str, key: &str, body: &Value) -> anyhow::Result<Answer> {
        self.send(self.http.post(format!("{}{path}", self.base)).header("idempotency-key", key).json(body)).await
    }

    async fn patch(&self, path: &str, revision: i64, body: &Value) -> anyhow::Result<Answer> {
        let req = self.http.patch(format!("{}{path}", self.base)).header("if-match", format!("\"{revision}\""));
        self.send(req.json(body)).await
    }
}

/// Makes a token on the account page as `email` would, with the scopes ticked; returns its text.
async fn token_of(app: &TestApp, email: &str, scopes: &[&str], days: &str) -> anyhow::Result<String> {
    let c = app.signed_in(email).await?;
    let ticked: Vec<String> = scopes.iter().map(|s| format!("scope_{s}")).collect();
    let mut fields: Vec<(&str, &str)> = vec![("name", "incident bot <b>&"), ("days", days)];
    fields.extend(ticked.iter().map(|k| (k.as_str(), "yes")));
    let page = c.submit("/account/api-tokens", "/account/api-tokens", &fields).await?;
    anyhow::ensure!(page.status == 200, "making a token answered {}: {}", page.status, page.body);
    assert!(page.cache_control.contains("no-store"));
    let token = page.field_value("fresh-token").or_else(|| {
        let doc = scraper::Html::parse_document(&page.body);
        let sel = scraper::Selector::parse("#fresh-token").ok()?;
        doc.select(&sel).next().and_then(|e| e.value().attr("value").map(str::to_string))
    });
    let token = token.ok_or_else(|| anyhow::anyhow!("no token on the page"))?;
    assert!(page.body.contains("incident bot &lt;b&gt;&amp;"), "the name is escaped");
    // shown once: the page read again lists it by its prefix only
    let again = c.get("/account/api-tokens").await?;
    assert!(!again.body.contains(&token));
    assert!(again.body.contains(&token[..13]), "the prefix is listed");
    Ok(token)
}

/// The answers of the form's sections as API changes (ticked boxes joined with commas).
fn changes(sections: &[Section]) -> Value {
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    for (_, answers) in sections {
        for (k, v) in answers {
            fields.entry(k.to_string()).and_modify(|e| *e = format!("{e},{v}")).or_insert_with(|| v.clone());
        }
    }
    json!({ "fields": fields })
}

async fn audited(app: &TestApp, code: &str) -> anyhow::Result<i64> {
    Ok(server::with_pool!(&app.state.db, |p| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_log WHERE action = $1").bind(code).fetch_one(p).await
    })?)
}

/// Fills the draft of `reference` with `sections` and files it as the signatory.
async fn fill_and_file(
    officer: &Api,
    signatory: &Api,
    reference: &str,
    sections: &[Section],
    n: u32,
) -> anyhow::Result<()> {
    let draft = officer.get(&format!("/incidents/{reference}/draft")).await?;
    assert_eq!(draft.status(), 200, "{}", draft.page.body);
    let revision = draft.json["revision"].as_i64().unwrap_or(-1);
    assert_eq!(draft.header("etag"), format!("\"{revision}\""));
    let saved = officer.patch(&format!("/incidents/{reference}/draft"), revision, &changes(sections)).await?;
    assert_eq!(saved.status(), 200, "{}", saved.page.body);
    let check = officer.get(&format!("/incidents/{reference}/draft/check")).await?;
    assert_eq!(check.json["ready"], json!(true), "{}", check.page.body);
    let hash = check.json["content_sha256"].as_str().unwrap_or("").to_string();
    assert_eq!(hash, saved.json["content_sha256"].as_str().unwrap_or(""));
    let body = json!({ "signatory_title": "대표이사", "declaration": true, "content_sha256": hash });
    let filed = signatory
        .post(&format!("/incidents/{reference}/draft/submit"), &format!("submit-{reference}-{n}"), &body)
        .await?;
    assert_eq!(filed.status(), 201, "{}", filed.page.body);
    assert_eq!(filed.json["version"].as_u64(), Some(u64::from(n)));
    assert_eq!(filed.header("location"), format!("/api/v1/incidents/{reference}/versions/{n}"));
    Ok(())
}

async fn three_stage_filing(app: &TestApp) -> anyhow::Result<()> {
    let officer = Api::new(app, &token_of(app, "officer@a.example", &["read", "file"], "90").await?);
    let signatory = Api::new(app, &token_of(app, "signatory@a.example", &["read", "file", "submit"], "30").await?);

    // open an incident; the same request again (a retry) creates nothing more
    let open = json!({ "title": "메신저 장애 </textarea><script>alert(1)</script> & \"q\"" });
    let first = officer.post("/incidents", "open-1", &open).await?;
    assert_eq!(first.status(), 201, "{}", first.page.body);
    let reference = first.json["reference"].as_str().unwrap_or("").to_string();
    assert_eq!(first.header("location"), format!("/api/v1/incidents/{reference}"));
    assert_eq!(first.json["draft"]["stage"], json!("initial"));
    let replay = officer.post("/incidents", "open-1", &open).await?;
    assert_eq!((replay.status(), replay.header("idempotent-replayed").as_str()), (201, "true"));
    assert_eq!(replay.page.body, first.page.body);
    let list = officer.get("/incidents").await?;
    assert_eq!(list.json["items"].as_array().map(Vec::len), Some(1), "one incident, not two");
    let reused = officer.post("/incidents", "open-1", &json!({ "title": "another" })).await?;
    assert_eq!((reused.status(), reused.problem().as_str()), (422, "idempotency_key_reused"));
    let keyless = officer.send(officer.http.post(format!("{}/incidents", officer.base)).json(&open)).await?;
    assert_eq!((keyless.status(), keyless.problem().as_str()), (400, "idempotency_key_required"));
    let blank = officer.post("/incidents", "open-2", &json!({ "title": "  " })).await?;
    assert_eq!(blank.status(), 422);
    assert_eq!(blank.json["errors"][0]["pointer"], json!("/title"));
    assert_eq!(blank.json["errors"][0]["code"], json!("required"));

    // the draft: If-Match required, a stale one refused, nothing lost
    let path = format!("/incidents/{reference}/draft");
    let draft = officer.get(&path).await?;
    let revision = draft.json["revision"].as_i64().unwrap_or(-1);
    let no_if_match = officer
        .send(officer.http.patch(format!("{}{path}", officer.base)).json(&json!({ "fields": { "status": "ongoing" } })))
        .await?;
    assert_eq!((no_if_match.status(), no_if_match.problem().as_str()), (428, "if_match_required"));
    let saved = officer.patch(&path, revision, &json!({ "fields": { "status": "ongoing" } })).await?;
    assert_eq!(saved.json["revision"].as_i64(), Some(revision + 1));
    let stale = officer.patch(&path, revision, &json!({ "fields": { "status": "restored" } })).await?;
    assert_eq!((stale.status(), stale.problem().as_str()), (412, "stale_revision"));
    assert_eq!(officer.get(&path).await?.json["fields"]["status"], json!("ongoing"));
    let unknown = officer
        .patch(&path, revision + 1, &json!({ "fields": { "no_such_field": "x", "title": "가".repeat(201) } }))
        .await?;
    assert_eq!(unknown.status(), 422);
    let pointers: Vec<&str> =
        unknown.json["errors"].as_array().into_iter().flatten().filter_map(|e| e["pointer"].as_str()).collect();
    assert!(pointers.contains(&"/fields/no_such_field") && pointers.contains(&"/fields/title"), "{pointers:?}");
    let check = officer.get(&format!("{path}/check")).await?;
    assert_eq!(check.json["ready"], json!(false));
    assert!(check.json["problems"]
        .as_array()
        .is_some_and(|p| p.iter().any(|e| e["pointer"] == json!("/fields/onset_at"))));

    // an officer's token cannot submit; a token of another organisation finds nothing
    let hash = check.json["content_sha256"].as_str().unwrap_or("").to_string();
    let submit = json!({ "signatory_title": "팀장", "declaration": true, "content_sha256": hash });
    let refused = officer.post(&format!("{path}/submit"), "officer-submit", &submit).await?;
    assert_eq!((refused.status(), refused.problem().as_str()), (403, "insufficient_scope"));
    let other = Api::new(app, &token_of(app, "officer@b.example", &["read", "file"], "90").await?);
    for p in [format!("/incidents/{reference}"), path.clone(), format!("/incidents/{reference}/evidence")] {
        let a = other.get(&p).await?;
        assert_eq!((a.status(), a.problem().as_str()), (404, "not_found"), "{p}");
    }
    assert_eq!(other.get("/incidents").await?.json["items"], json!([]));

    // a signatory files with the declaration and the approved hash; a changed draft is refused
    let title = "전원 장애로 메신저 중단 </title><script>x</script> & \"q\"";
    let cur = officer.get(&path).await?.json["revision"].as_i64().unwrap_or(-1);
    let saved = officer.patch(&path, cur, &changes(&initial_sections(title))).await?;
    assert_eq!(saved.status(), 200, "{}", saved.page.body);
    let undeclared = signatory
        .post(
            &format!("{path}/submit"),
            "s-0",
            &json!({ "signatory_title": "", "declaration": false, "content_sha256": "x" }),
        )
        .await?;
    let pointers: Vec<&str> =
        undeclared.json["errors"].as_array().into_iter().flatten().filter_map(|e| e["pointer"].as_str()).collect();
    assert_eq!(pointers, vec!["/signatory_title", "/declaration"]);
    let wrong = signatory
        .post(
            &format!("{path}/submit"),
            "s-1",
            &json!({ "signatory_title": "대표", "declaration": true, "content_sha256": "0".repeat(64) }),
        )
        .await?;
    assert_eq!((wrong.status(), wrong.problem().as_str()), (409, "draft_changed"));
    fill_and_file(&officer, &signatory, &reference, &[], 1).await?;

    // interim and final, each started, filled and filed through the API
    for (n, stage, sections) in [(2, "interim", interim_sections()), (3, "final", final_sections())] {
        let started = officer.post(&path, &format!("start-{stage}"), &json!({ "stage": stage })).await?;
        assert_eq!(started.status(), 201, "{}", started.page.body);
        fill_and_file(&officer, &signatory, &reference, &sections, n).await?;
    }
    let incident = officer.get(&format!("/incidents/{reference}")).await?;
    let stages: Vec<&str> =
        incident.json["versions"].as_array().into_iter().flatten().filter_map(|v| v["stage"].as_str()).collect();
    assert_eq!(stages, vec!["initial", "interim", "final"]);
    assert_eq!(incident.json["status"], json!("final_filed"));
    assert!(incident.json["clocks"].as_array().is_some_and(|c| !c.is_empty()));
    let v3 = officer.get(&format!("/incidents/{reference}/versions/3")).await?;
    assert_eq!(v3.json["fields"]["restored_at"], json!("2026-01-10T06:00:00Z"), "KST input stored in UTC");
    assert_eq!(officer.get(&format!("/incidents/{reference}/versions/4")).await?.status(), 404);
    // after the final report only an amended final may follow, and one draft at a time
    let interim = officer.post(&path, "start-interim-late", &json!({ "stage": "interim" })).await?;
    assert_eq!((interim.status(), interim.problem().as_str()), (409, "stage_not_allowed"));
    assert_eq!(officer.post(&path, "amend-final", &json!({ "stage": "final" })).await?.status(), 201);
    assert_eq!(officer.post(&path, "amend-final-again", &json!({ "stage": "final" })).await?.status(), 409);

    // what a token typed reaches the ministry's pages escaped
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = reviewer.get(&format!("/review/incidents/{reference}")).await?;
    assert_eq!(case.status, 200);
    assert!(!case.body.contains("<script>x</script>") && !case.body.contains("<script>alert(1)</script>"));

    // the ministry's token sees the case and the queue; an operator's token does not
    let ministry = Api::new(app, &token_of(app, "reviewer@msit.example", &["ministry_read"], "30").await?);
    let queue = ministry.get("/ministry/queue").await?;
    assert_eq!(queue.status(), 200, "{}", queue.page.body);
    assert!(queue.json["items"]
        .as_array()
        .is_some_and(|i| i.iter().any(|r| r["incident_reference"] == json!(reference))));
    let case = ministry.get(&format!("/ministry/cases/{reference}")).await?;
    assert_eq!(case.json["filings"].as_array().map(Vec::len), Some(3));
    assert_eq!(officer.get("/ministry/queue").await?.problem(), "insufficient_scope");
    assert_eq!(ministry.get("/incidents").await?.problem(), "insufficient_scope");
    // each scope's first use is audited once
    assert!(audited(app, "api.scope_first_used").await? >= 5);
    assert_eq!(audited(app, "api.token_created").await?, 4);
    Ok(())
}
on_both_backends!(filing_db => three_stage_filing);

async fn tokens_end(app: &TestApp) -> anyhow::Result<()> {
    // a read-only token is refused every write
    let reader = Api::new(app, &token_of(app, "officer@a.example", &["read"], "30").await?);
    assert_eq!(reader.get("/incidents").await?.status(), 200);
    let w = reader.post("/incidents", "k", &json!({ "title": "x" })).await?;
    assert_eq!((w.status(), w.problem().as_str()), (403, "insufficient_scope"));
    assert!(w.header("www-authenticate").contains("insufficient_scope"));

    // cookies are not credentials here
    let browser = app.signed_in("officer@a.example").await?;
    let with_cookie = browser.get("/api/v1/incidents").await?;
    assert_eq!(with_cookie.status, 401);
    assert!(with_cookie.headers.get("www-authenticate").is_some());
    for bad in ["", "od_short_x", &format!("{}x", &reader.token[..reader.token.len() - 1])] {
        let a = Api::new(app, bad).get("/incidents").await?;
        assert_eq!((a.status(), a.problem().as_str()), (401, "unauthorized"), "{bad}");
    }

    // revoked: 401 at once, and audited
    let c = app.signed_in("officer@a.example").await?;
    let page = c.get("/account/api-tokens").await?;
    let action = {
        let doc = scraper::Html::parse_document(&page.body);
        let sel = scraper::Selector::parse(r#"form[action$="/revoke"]"#).map_err(|e| anyhow::anyhow!("{e}"))?;
        doc.select(&sel).next().and_then(|f| f.value().attr("action").map(str::to_string)).unwrap_or_default()
    };
    let done = c.submit("/account/api-tokens", &action, &[]).await?;
    assert_eq!(done.location.as_deref(), Some("/account/api-tokens?revoked=1"));
    assert_eq!(reader.get("/incidents").await?.status(), 401);
    assert_eq!(audited(app, "api.token_revoked").await?, 1);
    let other = app.signed_in("officer@b.example").await?;
    assert_eq!(other.submit("/account/api-tokens", &action, &[]).await?.status, 404, "not another person's");

    // expired: 401 the day after
    let short = Api::new(app, &token_of(app, "officer@a.example", &["read"], "30").await?);
    assert_eq!(short.get("/incidents").await?.status(), 200);
    app.state.clock.advance(31 * 86_400);
    assert_eq!(short.get("/incidents").await?.status(), 401);

    // a role change ends a token (it never outlives the role it was made in)
    let sig = Api::new(app, &token_of(app, "signatory@a.example", &["read", "submit"], "90").await?);
    assert_eq!(sig.get("/incidents").await?.status(), 200);
    server::with_pool!(&app.state.db, |p| {
        sqlx::query("UPDATE users SET role = 'operator_officer' WHERE email = 'signatory@a.example'")
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    assert_eq!(sig.get("/incidents").await?.status(), 401);

    // the form refuses what the role may not give, with the reason beside the field
    let officer = app.signed_in("officer@a.example").await?;
    let page = officer
        .submit(
            "/account/api-tokens",
            "/account/api-tokens",
            &[("name", "x"), ("scope_submit", "yes"), ("days", "900")],
        )
        .await?;
    assert_eq!(page.status, 422);
    assert!(!page.texts("#scopes .error-message").is_empty() && !page.texts("#days-error").is_empty(), "{}", page.body);
    assert_eq!(page.field_value("name").as_deref(), Some("x"), "what was typed stays");
    Ok(())
}
on_both_backends!(tokens_db => tokens_end);

async fn calculator(app: &TestApp) -> anyhow::Result<()> {
    let api = Api::new(app, &token_of(app, "reviewer@msit.example", &["read"], "30").await?);
    // Pangyo, October 2022 (brief, section 0): fire 15:19 KST, Kakao restored 20 Oct ~23:00 KST,
    // a free service: before the 2025-03-28 amendment free services were exempt from the user
    // notice (brief, KR-UN-02), while the TBA 22-7 designation (≥ 1 M users and ≥ 1 % traffic)
    // and the FCC and Ofcom criteria are met by its size
    let pangyo = |onset: &str, restored: &str, at: &str, paid: &str| {
        json!({
            "incident": {
                "onset_at": onset, "detected_at": onset, "restored_at": restored,
                "users_affected": 47000000, "service_users": 48000000,
                "services_affected": "카카오톡", "regimes": ["KR_TBA33"]
            },
            "operator": {
                "profile": { "revenue_krw": 7100000000000_i64 },
                "services": [{ "name_ko": "카카오톡", "name_en": "KakaoTalk", "daily_users": 47000000, "traffic_share_pct": 1.5, "paid": paid }]
            },
            "at": at
        })
    };
    let verdict = |r: &Answer, regime: &str| {
        r.json["assessments"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|a| a["regime"] == json!(regime))
            .map(|a| a["verdict"].clone())
    };
    let clock = |r: &Answer, regime: &str, duty: &str| {
        r.json["clocks"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["regime"] == json!(regime) && c["duty"] == json!(duty))
            .cloned()
    };
    let r = api
        .post(
            "/calculator",
            "calc",
            &pangyo("2022-10-15T15:19:00+09:00", "2022-10-20T23:00:00+09:00", "2022-10-21T00:00:00Z", "free"),
        )
        .await?;
    assert_eq!(r.status(), 200, "{}", r.page.body);
    assert_eq!(verdict(&r, "KR_TBA33"), Some(json!("not_met")), "{}", r.page.body);
    assert_eq!(verdict(&r, "KR_TBA22_7"), Some(json!("met")));
    assert_eq!(verdict(&r, "US_FCC"), Some(json!("met")));
    assert_eq!(clock(&r, "KR_TBA33", "user_notice").map(|c| c["state"].clone()), Some(json!("exempt")));
    // the same outage after the amendment: the notice is owed even for a free service; for a
    // paid one, the compensation notice too, within 30 days of restoration
    let r = api
        .post(
            "/calculator",
            "calc",
            &pangyo("2026-10-15T15:19:00+09:00", "2026-10-20T23:00:00+09:00", "2026-10-21T00:00:00Z", "free"),
        )
        .await?;
    assert_eq!(verdict(&r, "KR_TBA33"), Some(json!("met")), "{}", r.page.body);
    assert_eq!(clock(&r, "KR_TBA33", "compensation_notice").map(|c| c["state"].clone()), Some(json!("exempt")));
    let r = api
        .post(
            "/calculator",
            "calc",
            &pangyo("2026-10-15T15:19:00+09:00", "2026-10-20T23:00:00+09:00", "2026-10-21T00:00:00Z", "paid"),
        )
        .await?;
    let comp = clock(&r, "KR_TBA33", "compensation_notice")
        .ok_or_else(|| anyhow::anyhow!("no compensation clock: {}", r.page.body))?;
    assert_eq!((comp["due"].clone(), comp["state"].clone()), (json!("2026-11-19T14:00:00Z"), json!("open")));

    // FCC: ≥ 30 minutes and ≥ 900,000 user-minutes (15,000 users × 60 min); notification ≤ 120 min of discovery
    let fcc = json!({
        "incident": { "onset_at": "2026-03-02T10:00:00Z", "detected_at": "2026-03-02T10:05:00Z", "restored_at": "2026-03-02T11:00:00Z", "users_affected": "15000" },
        "at": "2026-03-02T11:30:00Z"
    });
    let r = api.post("/calculator", "calc", &fcc).await?;
    let fcc_a =
        r.json["assessments"].as_array().into_iter().flatten().find(|a| a["regime"] == json!("US_FCC")).cloned();
    assert_eq!(fcc_a.map(|a| a["verdict"].clone()), Some(json!("met")), "{}", r.page.body);
    let note = r.json["clocks"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["regime"] == json!("US_FCC") && c["duty"] == json!("initial_report"))
        .cloned();
    assert_eq!(note.map(|c| c["due"].clone()), Some(json!("2026-03-02T12:05:00Z")));
    // one user fewer: under the threshold
    let mut under = fcc.clone();
    under["incident"]["users_affected"] = json!("14999");
    let r = api.post("/calculator", "calc", &under).await?;
    let v = r.json["assessments"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["regime"] == json!("US_FCC"))
        .map(|a| a["verdict"].clone());
    assert_eq!(v, Some(json!("not_met")));

    // NIS2: early warning within 24 h of awareness, notification within 72 h
    let nis2 = json!({ "incident": { "onset_at": "2026-03-02T10:00:00Z", "aware_at": "2026-03-02T11:00:00Z", "regimes": "EU_NIS2" }, "at": "2026-03-02T12:00:00Z" });
    let r = api.post("/calculator", "calc", &nis2).await?;
    let due = |duty: &str| {
        r.json["clocks"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["regime"] == json!("EU_NIS2") && c["duty"] == json!(duty))
            .map(|c| c["due"].clone())
    };
    assert_eq!(due("early_warning"), Some(json!("2026-03-03T11:00:00Z")), "{}", r.page.body);
    assert_eq!(due("update_report"), Some(json!("2026-03-05T11:00:00Z")));

    // refusals name the field
    let bad = api
        .post(
            "/calculator",
            "calc",
            &json!({ "incident": { "no_such": 1 }, "operator": { "services": [{ "colour": "red" }] } }),
        )
        .await?;
    assert_eq!(bad.status(), 422);
    assert_eq!(bad.json["errors"][0]["pointer"], json!("/incident/no_such"));
    let bad = api
        .post("/calculator", "calc", &json!({ "incident": {}, "operator": { "services": [{ "colour": "red" }] } }))
        .await?;
    assert_eq!(bad.json["errors"][0]["pointer"], json!("/operator/services/0/colour"));
    let junk = api
        .send(api.http.post(format!("{}/calculator", api.base)).header("content-type", "application/json").body("{"))
        .await?;
    assert_eq!((junk.status(), junk.problem().as_str()), (400, "invalid_body"));
    assert_eq!(Api::new(app, "").post("/calculator", "k", &fcc).await?.status(), 401);
    Ok(())
}
on_both_backends!(calculator_db => calculator);

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
    assert_eq!(officer.get(page).await?.status, 200);
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
    let case = format!("/review/incidents/{reference}");
    let asked = reviewer
        .submit(&case, &format!("{case}/requests"), &[("question", "롤백 절차서"), ("due", &in_days(3))])
        .await?;
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
