//! The walking skeleton over HTTP, on SQLite and PostgreSQL: file → review → publish → PDF,
//! and the ways it must refuse.

use outage_desk_tests::*;
use server::storage::audit;

/// An officer of organisation A drafts an initial notification and its signatory files it.
/// Returns the filing reference.
async fn file(app: &TestApp, title: &str) -> anyhow::Result<String> {
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    Ok(file_initial(&officer, &signatory, title).await?.1)
}

async fn whole_flow(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let reference = file(app, "전원 장애로 메신저 중단").await?;
    assert!(app::domain::ids::is_reference(&reference), "{reference}");

    // confirmation page with reference, hash and PDF link
    let confirm = officer.get(&format!("/filing/filings/{reference}?received=1")).await?;
    assert_eq!(confirm.status, 200);
    assert!(confirm.body.contains(&reference));
    assert!(confirm.texts(".panel-confirmation h1").iter().any(|t| t.contains("접수")), "Korean confirmation");
    assert!(confirm.body.contains(&format!("/filing/filings/{reference}/pdf")));
    assert_eq!(confirm.cache_control, "private, no-store", "confidential pages are never cached");
    let pdf = officer.get(&format!("/filing/filings/{reference}/pdf")).await?;
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.content_type, "application/pdf");
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert_eq!(audit::count(&app.state.db, app::domain::audit::AuditAction::FilingSubmitted, &reference).await?, 1);

    // nothing is public yet
    let public = app.client();
    let list = public.get("/incidents").await?;
    assert!(!list.body.contains("전원 장애로 메신저 중단"));
    assert_eq!(public.get(&format!("/incidents/{}", incident_of(&reference))).await?.status, 404);

    // the reviewer sees it in the queue and publishes a summary
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let queue = reviewer.get("/review").await?;
    assert_eq!(queue.status, 200);
    assert!(queue.body.contains(&reference));
    let page = format!("/review/filings/{reference}");
    assert_eq!(reviewer.get(&format!("{page}/pdf")).await?.status, 200);
    // timeliness: the clocks of the regimes the filing was made under (KR FA 38 and TBA 33)
    let review = reviewer.get(&page).await?;
    let clocks = review.texts("table tbody tr").join(" | ");
    assert!(clocks.contains("최초 보고") && clocks.contains("이용자 고지"), "{clocks}");
    let incident = incident_of(&reference);
    let summary = format!("/review/incidents/{incident}/summary");
    let drafted = reviewer
        .submit(
            &summary,
            &summary,
            &[
                ("headline_ko", "가나다, 전원 장애로 메신저 중단"),
                ("headline_en", "Ganada: messaging down after power failure"),
                ("summary_ko", "데이터센터 전원 장애로 메신저가 중단되었습니다."),
                ("summary_en", "A data-centre power failure stopped messaging."),
                ("impact_ko", "메신저"),
                ("impact_en", "Messaging"),
                ("cause_ko", "전원 장애"),
                ("cause_en", "Power failure"),
                ("action", "submit"),
            ],
        )
        .await?;
    assert_eq!(drafted.status, 303, "{}", drafted.body);
    let lead = app.signed_in("lead@msit.example").await?;
    let published = lead.submit(&summary, &format!("{summary}/approve"), &[]).await?;
    assert_eq!(published.status, 303, "{}", published.body);
    assert_eq!(published.location.as_deref(), Some(format!("/incidents/{incident}").as_str()));

    // now anyone can read it, in either language
    let list = public.get("/incidents").await?;
    assert!(list.body.contains("가나다, 전원 장애로 메신저 중단"));
    let detail = public.get(&format!("/incidents/{incident}?lang=en")).await?;
    assert_eq!(detail.status, 200);
    assert!(detail.body.contains("Ganada: messaging down after power failure"));
    assert!(detail.body.contains(r#"<html lang="en""#));
    // the language choice is remembered
    let again = public.get(&format!("/incidents/{incident}")).await?;
    assert!(again.body.contains(r#"<html lang="en""#));

    // approving again, with nothing waiting for approval, is refused
    let twice = lead.submit(&summary, &format!("{summary}/approve"), &[]).await?;
    assert_eq!(twice.status, 409, "nothing to approve");
    Ok(())
}
on_both_backends!(whole_flow_db => whole_flow);

async fn wrong_password_reveals_nothing(app: &TestApp) -> anyhow::Result<()> {
    let c = app.client();
    let wrong = c.login("officer@a.example", "not the password").await?;
    let missing = c.login("nobody@a.example", "not the password").await?;
    assert_eq!(wrong.status, 401);
    assert_eq!(missing.status, 401);
    let msg = |p: &Page| p.texts(".error-summary li").join("|");
    assert_eq!(msg(&wrong), msg(&missing), "same answer whether or not the account exists");
    assert!(msg(&wrong).contains("올바르지 않습니다"), "{}", msg(&wrong));
    assert_eq!(wrong.field_value("email").as_deref(), Some("officer@a.example"), "email kept");
    assert_eq!(wrong.field_value("password").unwrap_or_default(), "", "password never echoed");
    assert_eq!(c.get("/filing").await?.status, 303, "still signed out");
    Ok(())
}
on_both_backends!(wrong_password_db => wrong_password_reveals_nothing);

async fn sign_in_is_throttled(app: &TestApp) -> anyhow::Result<()> {
    let c = app.client();
    for _ in 0..5 {
        assert_eq!(c.login("signatory@a.example", "guess").await?.status, 401);
    }
    let blocked = c.login("signatory@a.example", PASSWORD).await?;
    assert_eq!(blocked.status, 429, "even the right password waits out the window");
    assert!(blocked.body.contains("15분"));
    Ok(())
}
on_both_backends!(throttle_db => sign_in_is_throttled);

async fn posts_without_token_are_refused(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let resp = officer.post("/filing/new", &[("title", "토큰 없는 제출")]).await?;
    assert_eq!(resp.status, 403);
    assert_eq!(resp.field_value("title").as_deref(), Some("토큰 없는 제출"), "what was typed is kept");
    let resp = officer.post("/filing/new", &[("title", "토큰 없는 제출"), ("_csrf", "0000")]).await?;
    assert_eq!(resp.status, 403);
    assert!(officer.get("/filing").await?.body.contains("아직 제출한 신고가 없습니다"), "nothing stored");
    let anon = app.client();
    assert_eq!(anon.post("/login", &[("email", "officer@a.example"), ("password", PASSWORD)]).await?.status, 403);
    Ok(())
}
on_both_backends!(csrf_db => posts_without_token_are_refused);

async fn an_incident_needs_a_title(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let resp = officer.submit("/filing/new", "/filing/new", &[("title", "   ")]).await?;
    assert_eq!(resp.status, 422);
    assert!(resp.texts("#title-error").join("").contains("필수"), "{:?}", resp.texts(".error-summary li"));
    let long = "가".repeat(201);
    let resp = officer.submit("/filing/new", "/filing/new", &[("title", &long)]).await?;
    assert_eq!(resp.status, 422);
    assert_eq!(resp.field_value("title").as_deref(), Some(long.as_str()), "what was typed is kept");
    assert!(officer.get("/filing").await?.body.contains("아직 제출한 신고가 없습니다"), "nothing stored");
    Ok(())
}
on_both_backends!(invalid_db => an_incident_needs_a_title);

async fn other_organisations_filings_are_not_found(app: &TestApp) -> anyhow::Result<()> {
    let reference = file(app, "A사 장애").await?;
    let b = app.signed_in("officer@b.example").await?;
    assert_eq!(b.get(&format!("/filing/filings/{reference}")).await?.status, 404);
    assert_eq!(b.get(&format!("/filing/filings/{reference}/pdf")).await?.status, 404);
    assert!(!b.get("/filing").await?.body.contains(&reference));
    // a same-organisation colleague sees it
    let colleague = app.signed_in("signatory@a.example").await?;
    assert_eq!(colleague.get(&format!("/filing/filings/{reference}")).await?.status, 200);
    Ok(())
}
on_both_backends!(tenancy_db => other_organisations_filings_are_not_found);

async fn sign_in_issues_a_new_session_id_with_safe_cookie_flags(app: &TestApp) -> anyhow::Result<()> {
    let c = app.client();
    let form = c.get("/login").await?;
    // an anonymous visit writes no session: the sign-in form's token is double-submitted
    assert!(form.session_cookie().is_none(), "no session for an anonymous visitor");
    let login_cookie = form.set_cookies.iter().find(|h| h.starts_with("od_login_csrf=")).cloned().unwrap_or_default();
    assert!(
        login_cookie.contains("HttpOnly")
            && login_cookie.contains("SameSite=Strict")
            && login_cookie.contains("Path=/login"),
        "{login_cookie}"
    );
    let token = form.csrf().ok_or_else(|| anyhow::anyhow!("no token"))?;
    // the token without its cookie (another browser) is refused
    let elsewhere = app.client();
    let forged =
        elsewhere.post("/login", &[("email", "officer@a.example"), ("password", PASSWORD), ("_csrf", &token)]).await?;
    assert_eq!(forged.status, 403);
    let resp = c.post("/login", &[("email", "officer@a.example"), ("password", PASSWORD), ("_csrf", &token)]).await?;
    assert_eq!(resp.status, 303);
    let first = resp.session_cookie().ok_or_else(|| anyhow::anyhow!("sign-in must set a session cookie"))?;
    let flags = resp.set_cookies.iter().find(|h| h.starts_with("od_session=")).cloned().unwrap_or_default();
    assert!(flags.contains("HttpOnly") && flags.contains("SameSite=Lax"), "{flags}");
    assert!(!flags.contains("Secure"), "plain-http deployment (PUBLIC_BASE_URL http://) sets no Secure flag");
    // the sign-in form's token is not a session token
    let stale = c.post("/logout", &[("_csrf", &token)]).await?;
    assert_eq!(stale.status, 403, "{}", stale.body);
    // signing in again from a signed-in session gives it a new id (no fixation)
    let again = c.login("officer@a.example", PASSWORD).await?;
    assert_eq!(again.status, 303);
    let second = again.session_cookie().ok_or_else(|| anyhow::anyhow!("no new session cookie"))?;
    assert_ne!(first, second, "session id rotated at sign-in");
    Ok(())
}
on_both_backends!(session_rotation_db => sign_in_issues_a_new_session_id_with_safe_cookie_flags);

async fn sign_out_ends_the_session(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    assert_eq!(officer.get("/filing").await?.status, 200);
    let out = officer.submit("/filing", "/logout", &[]).await?;
    assert_eq!(out.status, 303);
    let after = officer.get("/filing").await?;
    assert_eq!(after.status, 303);
    assert_eq!(after.location.as_deref(), Some("/login?next=%2Ffiling"), "sign-in comes back here");
    Ok(())
}
on_both_backends!(logout_db => sign_out_ends_the_session);

/// Every work route × every role: who gets in, who is turned away.
async fn authorization_matrix(app: &TestApp) -> anyhow::Result<()> {
    let a = app.signed_in("officer@a.example").await?;
    let reference = file(app, "권한 확인용").await?;
    let incident = incident_of(&reference);
    // a second stage being drafted, so the draft pages exist
    assert_eq!(start_stage(&a, &incident, "interim").await?.status, 303);
    let routes = [
        "/filing".to_string(),
        "/filing/new".to_string(),
        format!("/filing/filings/{reference}"),
        format!("/filing/filings/{reference}/pdf"),
        format!("/filing/incidents/{incident}"),
        format!("/filing/incidents/{incident}/draft/impact"),
        format!("/filing/incidents/{incident}/draft/check"),
        format!("/filing/incidents/{incident}/compare?from=1&to=1"),
        "/review".to_string(),
        format!("/review/filings/{reference}"),
        format!("/review/filings/{reference}/pdf"),
        format!("/review/incidents/{incident}"),
        format!("/review/incidents/{incident}/summary"),
    ];
    // expected status per account, in `routes` order (200 = allowed)
    let expect: [(&str, [u16; 13]); 7] = [
        ("officer@a.example", [200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403]),
        ("signatory@a.example", [200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403]),
        ("admin@a.example", [200, 403, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403]),
        ("officer@b.example", [200, 200, 404, 404, 404, 404, 404, 404, 403, 403, 403, 403, 403]),
        ("reviewer@msit.example", [403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 200, 200, 200]),
        ("lead@msit.example", [403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 200, 200, 200]),
        ("sysadmin@desk.example", [403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403]),
    ];
    for (email, statuses) in expect {
        let c = app.signed_in(email).await?;
        for (route, want) in routes.iter().zip(statuses) {
            let got = c.get(route).await?.status;
            assert_eq!(got, want, "{email} GET {route}");
        }
    }
    let anon = app.client();
    for route in &routes {
        assert_eq!(anon.get(route).await?.status, 303, "anonymous GET {route} goes to sign-in");
    }
    // posts need the capability too
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let form = [("title", "검토관이 제출")];
    assert_eq!(reviewer.submit("/review", "/filing/new", &form).await?.status, 403);
    let admin = app.signed_in("admin@a.example").await?;
    assert_eq!(admin.submit("/filing", "/filing/new", &form).await?.status, 403, "org admin cannot file");
    let save = format!("/filing/incidents/{incident}/draft/impact");
    assert_eq!(admin.submit(&save, &save, &[("users_affected", "1")]).await?.status, 403, "org admin cannot edit");
    let submit = format!("/filing/incidents/{incident}/draft/submit");
    assert_eq!(a.submit("/filing", &submit, &[("attest", "yes")]).await?.status, 403, "an officer cannot submit");
    assert!(!admin.get("/filing").await?.body.contains("/filing/new"), "no link to a form they cannot use");
    let approve = format!("/review/incidents/{incident}/summary/approve");
    assert_eq!(a.submit("/filing", &approve, &[]).await?.status, 403, "operator cannot publish");
    let note = format!("/review/incidents/{incident}/requests");
    assert_eq!(a.submit("/filing", &note, &[("question", "x")]).await?.status, 403, "operator cannot ask");
    Ok(())
}
on_both_backends!(authorization_db => authorization_matrix);

async fn health_endpoints(app: &TestApp) -> anyhow::Result<()> {
    let c = app.client();
    assert_eq!(c.get("/healthz").await?.status, 200);
    let ready = c.get("/readyz").await?;
    assert_eq!((ready.status, ready.body.as_str()), (200, "ready"));
    assert_eq!(c.get("/no/such/page").await?.status, 404);
    assert_eq!(c.get("/incidents/not-a-reference").await?.status, 404);
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let missing_pdf = reviewer.get("/review/filings/OD-2026-999999-01/pdf").await?;
    assert_eq!(missing_pdf.status, 404);
    assert!(missing_pdf.body.contains("페이지를 찾을 수 없습니다"), "translated page, not a bare status");
    Ok(())
}
on_both_backends!(health_db => health_endpoints);

/// The ministry's queue pages with a keyset cursor and filters by stage, organisation and order.
async fn queue_pages_and_filters(app: &TestApp) -> anyhow::Result<()> {
    let mut filed = Vec::new();
    for title in ["첫째", "둘째", "셋째"] {
        filed.push(file(app, title).await?);
    }
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let incident = incident_of(&filed[0]);
    start_stage(&officer, &incident, "interim").await?;
    fill(&officer, &incident, &interim_sections()).await?;
    filed.push(file_draft(&signatory, &incident).await?);

    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let refs = |p: &Page| p.texts("tbody tr td:first-child a");
    // one row per incident, its latest version, newest first: the first incident's interim
    // report (filed last) leads, and its initial report is not listed again
    let first = reviewer.get("/review?per_page=2").await?;
    assert_eq!(refs(&first), vec![filed[3].clone(), filed[2].clone()], "newest first");
    assert!(first.body.contains("제출본 2개"), "the incident's version count");
    let next = first
        .body
        .split(" rel=\"next\"")
        .next()
        .and_then(|before| before.rsplit("href=\"/review?").next())
        .filter(|q| q.contains("after="))
        .map(|q| q.trim_end_matches('"').replace("&amp;", "&"));
    let next = next.ok_or_else(|| anyhow::anyhow!("no next-page link"))?;
    assert!(next.contains("after="), "{next}");
    let second = reviewer.get(&format!("/review?{next}")).await?;
    assert_eq!(refs(&second), vec![filed[1].clone()], "the rest, no overlap");
    assert!(!second.body.contains("rel=\"next\""), "no further page");
    assert_eq!(refs(&reviewer.get("/review?stage=interim").await?), vec![filed[3].clone()]);
    assert!(refs(&reviewer.get("/review?org=org-b").await?).is_empty());
    let oldest = reviewer.get("/review?org=org-a&order=oldest").await?;
    assert_eq!(refs(&oldest), vec![filed[1].clone(), filed[2].clone(), filed[3].clone()], "oldest first");
    assert!(oldest.body.contains("먼저 접수된 순") && oldest.body.contains("최근 접수 순"), "the orders are named");
    let initial = refs(&reviewer.get("/review?stage=initial").await?);
    assert_eq!(initial, vec![filed[2].clone(), filed[1].clone()], "stage filters the latest version");
    assert_eq!(reviewer.get("/review?after=garbage&stage=nonsense").await?.status, 200, "junk is ignored");
    Ok(())
}
on_both_backends!(queue_db => queue_pages_and_filters);
