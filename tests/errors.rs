//! Every error answer is drawn by the site's own shell, translated, without the cause; the
//! `/api/` space answers RFC 9457 problem documents; a state that changed meanwhile comes
//! back as the form with what was typed.

use outage_desk_tests::*;

/// What every page of the site has: skip link, masthead, language switch, and no hydration
/// script on an error page (it would draw the route at the address instead).
fn assert_site_shell(page: &Page, what: &str) {
    assert!(page.body.contains("class=\"skip-link\""), "{what}: skip link");
    assert!(page.body.contains("class=\"masthead\""), "{what}: masthead");
    assert!(page.body.contains("class=\"lang-switch\""), "{what}: language switch");
    assert!(page.content_type.starts_with("text/html"), "{what}: {}", page.content_type);
    assert!(!page.body.contains("m.hydrate()"), "{what}: an error page is not hydrated");
}

async fn error_pages_use_the_shell(app: &TestApp) -> anyhow::Result<()> {
    // 403: an operator in the ministry's area, in Korean and in English
    let officer = app.signed_in("officer@a.example").await?;
    let refused = officer.get("/review").await?;
    assert_eq!(refused.status, 403);
    assert_site_shell(&refused, "403");
    assert!(refused.body.contains("접근 권한이 없습니다"), "translated title");
    assert!(refused.body.contains("officer@a.example"), "the masthead still says who is signed in");
    assert!(refused.body.contains("href=\"/review?lang=en\""), "the language switch stays on the address");
    let english = officer.get("/review?lang=en").await?;
    assert_eq!(english.status, 403);
    assert!(english.body.contains("You do not have access to this page"));

    // 403 on a post: a reviewer-only action tried by an operator; the language switch leads home
    let incident = filed_case(app).await?;
    let token = officer.get("/filing").await?.csrf().unwrap_or_default();
    let post = officer.post(&format!("/review/incidents/{incident}/assign"), &[("_csrf", &token)]).await?;
    assert_eq!(post.status, 403);
    assert_site_shell(&post, "403 after a post");

    // 404: an address that is no route, and another organisation's filing
    let missing = app.client().get("/no-such-page").await?;
    assert_eq!(missing.status, 404);
    assert_site_shell(&missing, "404");
    let other = app.signed_in("officer@b.example").await?;
    let theirs = other.get(&format!("/filing/incidents/{incident}/measures/1/pdf")).await?;
    assert_eq!(theirs.status, 404);
    assert_site_shell(&theirs, "404 of a document");

    // 413: a form larger than any form of the site
    let page = officer.get("/filing/new").await?;
    let token = page.csrf().unwrap_or_default();
    let huge = "x".repeat(2 * 1024 * 1024);
    let sent = officer.post("/filing/new", &[("_csrf", token.as_str()), ("title", huge.as_str())]).await?;
    assert_eq!(sent.status, 413);
    assert_site_shell(&sent, "413");

    // an expired token on a post with no page of its own (sign-out)
    let expired = officer.post("/logout", &[("_csrf", "not-the-token")]).await?;
    assert_eq!(expired.status, 403);
    assert_site_shell(&expired, "expired sign-out");
    assert!(expired.body.contains("다시"), "asks to try again: {}", expired.texts("main p").join(" | "));
    Ok(())
}
on_both_backends!(shell => error_pages_use_the_shell);

async fn api_errors_are_problem_documents(app: &TestApp) -> anyhow::Result<()> {
    // a machine asks for its language with Accept-Language (no cookie, no ?lang); Korean first
    for (accept, title) in [("en-GB,en;q=0.9", "Not found"), ("ko", "찾을 수 없습니다"), ("", "찾을 수 없습니다")]
    {
        let url = format!("{}/api/v1/nothing-here", app.base);
        let resp = app.client().http.get(url).header("accept-language", accept).send().await?;
        assert_eq!(resp.status().as_u16(), 404);
        let kind = resp.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
        assert_eq!(kind, "application/problem+json");
        let doc: serde_json::Value = serde_json::from_slice(&resp.bytes().await?)?;
        assert_eq!(doc["status"], 404);
        assert_eq!(doc["title"], title, "Accept-Language: {accept}");
    }
    Ok(())
}
on_both_backends!(problem_json => api_errors_are_problem_documents);

/// A request closed while the operator was typing an answer: the page comes back (409) with
/// the answer as typed and the message, nothing stored.
async fn a_changed_state_keeps_what_was_typed(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    let ask = [("question", "복구 절차서를 제출하십시오."), ("due", &in_days(5))];
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests"), &ask).await?.status, 303);
    let officer = app.signed_in("officer@a.example").await?;
    let operator_page = format!("/filing/incidents/{incident}");
    let seen = officer.get(&operator_page).await?;
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests/1/close"), &[]).await?.status, 303);
    let token = seen.csrf().unwrap_or_default();
    let typed = "이미 닫힌 요청에 쓴 답변 & <b>그대로</b>";
    let form = reqwest::multipart::Form::new().text("_csrf", token).text("body_1", typed);
    let answered = officer.http.post(format!("{}{operator_page}/requests/1", app.base)).multipart(form).send().await?;
    assert_eq!(answered.status().as_u16(), 409);
    let body = answered.text().await?;
    assert!(body.contains("이미 닫힌 요청에 쓴 답변 &amp; &lt;b&gt;그대로&lt;/b&gt;"), "the answer as typed, escaped");
    assert!(!body.contains("<b>그대로</b>"));
    Ok(())
}
on_both_backends!(changed_state => a_changed_state_keeps_what_was_typed);
