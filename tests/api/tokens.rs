//! How tokens end: read-only, cookies, revoked, expired, a role change; the form's refusals.

use outage_desk_tests::*;
use serde_json::json;

use super::client::*;

/// A token name that would break out of the re-shown form if it were written raw.
const HOSTILE_NAME: &str = "봇 \"></textarea></title><script>x</script> & 'q'";

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
    // the real token with its last character changed (to one it is not)
    let (head, last) = reader.token.split_at(reader.token.len() - 1);
    let altered = format!("{head}{}", if last == "x" { "y" } else { "x" });
    for bad in ["", "od_short_x", &altered] {
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
            &[("name", HOSTILE_NAME), ("scope_submit", "yes"), ("days", "900")],
        )
        .await?;
    assert_eq!(page.status, 422);
    assert!(!page.texts("#scopes .error-message").is_empty() && !page.texts("#days-error").is_empty(), "{}", page.body);
    assert_eq!(page.field_value("name").as_deref(), Some(HOSTILE_NAME), "what was typed stays, as typed");
    assert!(!page.body.contains("<script>x</script>") && !page.body.contains("</textarea><"), "and inert");
    Ok(())
}
on_both_backends!(tokens_db => tokens_end);

/// An `Idempotency-Key`'s life in storage: a claim, a copy while it runs, a different request
/// with the same key, the answer replayed, and a claim whose process died taken over once.
async fn idempotency_claims(app: &TestApp) -> anyhow::Result<()> {
    use app::domain::timestamp::Timestamp;
    use server::storage::idempotency::{claim, finish, Claim, Stored};
    let _ = token_of(app, "officer@a.example", &["read"], "30").await?;
    let db = &app.state.db;
    let token: i64 =
        server::with_pool!(db, |p| sqlx::query_scalar("SELECT MAX(id) FROM api_tokens").fetch_one(p).await?);
    let t0 = Timestamp(1_700_000_000);
    let Claim::New(first) = claim(db, token, "k1", "aa", t0).await? else { panic!("a fresh key is ours") };
    assert!(matches!(claim(db, token, "k1", "aa", Timestamp(t0.0 + 5)).await?, Claim::InProgress));
    assert!(matches!(claim(db, token, "k1", "bb", Timestamp(t0.0 + 5)).await?, Claim::Mismatch));
    // the first request never answered: after five minutes a retry takes the claim, and only one
    let later = Timestamp(t0.0 + 301);
    let Claim::New(taken) = claim(db, token, "k1", "aa", later).await? else {
        panic!("an abandoned claim is taken over")
    };
    assert_eq!(taken, first, "the same row, not a second one");
    assert!(matches!(claim(db, token, "k1", "aa", later).await?, Claim::InProgress), "taken once");
    let answer =
        Stored { status: 201, content_type: Some("application/json".into()), location: None, body: b"{}".to_vec() };
    finish(db, taken, &answer).await?;
    let Claim::Replay(again) = claim(db, token, "k1", "aa", Timestamp(t0.0 + 4000)).await? else {
        panic!("answered: replayed")
    };
    assert_eq!((again.status, again.body), (201, b"{}".to_vec()));
    // a day later the key is forgotten and free again
    assert!(matches!(claim(db, token, "k1", "bb", Timestamp(later.0 + 86_401)).await?, Claim::New(_)));
    Ok(())
}
on_both_backends!(idempotency_db => idempotency_claims);
