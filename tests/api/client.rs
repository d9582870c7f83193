//! The test's API client and the helpers every API test uses.

use std::collections::BTreeMap;

use outage_desk_tests::*;
use serde_json::{json, Value};

/// A client of the API with one token (no cookies).
pub struct Api {
    pub http: reqwest::Client,
    pub base: String,
    pub token: String,
}

/// An answer of the API, its body read as JSON.
pub struct Answer {
    pub page: Page,
    pub json: Value,
}

impl Answer {
    pub fn status(&self) -> u16 {
        self.page.status
    }
    pub fn header(&self, name: &str) -> String {
        self.page.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
    }
    /// The problem's kind (`urn:outage-desk:problem:<kind>`), checking it is a problem.
    pub fn problem(&self) -> String {
        assert_eq!(self.page.content_type, "application/problem+json", "{}", self.page.body);
        assert_eq!(self.json["status"].as_u64(), Some(u64::from(self.page.status)));
        self.json["type"].as_str().unwrap_or("").trim_start_matches("urn:outage-desk:problem:").to_string()
    }
}

impl Api {
    pub fn new(app: &TestApp, token: &str) -> Api {
        Api { http: reqwest::Client::new(), base: format!("{}/api/v1", app.base), token: token.to_string() }
    }

    pub async fn send(&self, req: reqwest::RequestBuilder) -> anyhow::Result<Answer> {
        let page = Client::read(req.bearer_auth(&self.token).send().await?).await?;
        let json = serde_json::from_slice(&page.bytes).unwrap_or(Value::Null);
        Ok(Answer { page, json })
    }

    pub async fn get(&self, path: &str) -> anyhow::Result<Answer> {
        self.send(self.http.get(format!("{}{path}", self.base))).await
    }

    pub async fn post(&self, path: &str, key: &str, body: &Value) -> anyhow::Result<Answer> {
        self.send(self.http.post(format!("{}{path}", self.base)).header("idempotency-key", key).json(body)).await
    }

    pub async fn patch(&self, path: &str, revision: i64, body: &Value) -> anyhow::Result<Answer> {
        let req = self.http.patch(format!("{}{path}", self.base)).header("if-match", format!("\"{revision}\""));
        self.send(req.json(body)).await
    }
}

/// Makes a token on the account page as `email` would, with the scopes ticked; returns its text.
pub async fn token_of(app: &TestApp, email: &str, scopes: &[&str], days: &str) -> anyhow::Result<String> {
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
pub fn changes(sections: &[Section]) -> Value {
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    for (_, answers) in sections {
        for (k, v) in answers {
            fields.entry(k.to_string()).and_modify(|e| *e = format!("{e},{v}")).or_insert_with(|| v.clone());
        }
    }
    json!({ "fields": fields })
}

pub async fn audited(app: &TestApp, code: &str) -> anyhow::Result<i64> {
    Ok(server::with_pool!(&app.state.db, |p| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_log WHERE action = $1").bind(code).fetch_one(p).await
    })?)
}

/// Fills the draft of `reference` with `sections` and files it as the signatory.
pub async fn fill_and_file(
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
