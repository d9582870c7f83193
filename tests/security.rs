//! The security defects of issue #9, each as it was found, on SQLite and PostgreSQL:
//! sign-in throttling, content security policy, ministry actions on unfiled incidents,
//! measures published only through approval, unbounded input, the session lifecycle and
//! the smaller ones (who acknowledges measures, orphan files, caching).

use outage_desk_tests::*;
use server::storage::audit;

async fn audit_rows(app: &TestApp, action: &str) -> anyhow::Result<Vec<(String, String)>> {
    use sqlx::Row;
    let sql = "SELECT subject, detail FROM audit_log WHERE action = $1 ORDER BY id";
    let rows = match &app.state.db {
        server::storage::Db::Sqlite(p) => {
            sqlx::query(sql).bind(action).fetch_all(p).await?.iter().map(|r| (r.get(0), r.get(1))).collect()
        }
        server::storage::Db::Postgres(p) => {
            sqlx::query(sql).bind(action).fetch_all(p).await?.iter().map(|r| (r.get(0), r.get(1))).collect()
        }
    };
    Ok(rows)
}

/// The id of the team member with `email`, from the admin's disable/enable form on their row.
fn member_id(team: &Page, email: &str) -> anyhow::Result<String> {
    let doc = scraper::Html::parse_document(&team.body);
    let rows = scraper::Selector::parse("tr").map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let forms = scraper::Selector::parse("form").map_err(|e| anyhow::anyhow!("{e:?}"))?;
    doc.select(&rows)
        .filter(|r| r.text().any(|t| t.contains(email)))
        .flat_map(|r| r.select(&forms).filter_map(|f| f.value().attr("action")).collect::<Vec<_>>())
        .find_map(|a| a.strip_prefix("/filing/organisation/team/")?.strip_suffix("/access").map(str::to_string))
        .ok_or_else(|| anyhow::anyhow!("no access form for {email}"))
}

async fn session_rows(app: &TestApp) -> anyhow::Result<i64> {
    Ok(match &app.state.db {
        server::storage::Db::Sqlite(p) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions").fetch_one(p).await?
        }
        server::storage::Db::Postgres(p) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions.session").fetch_one(p).await?
        }
    })
}

/// Wrong passwords sent at once are all counted before any is evaluated; a stranger's
/// failures elsewhere never lock the owner out; failures and refusals are audited with the
/// address the trusted proxy names.
async fn sign_in_throttling(app: &TestApp) -> anyhow::Result<()> {
    let attacker = app.client_from("203.0.113.66");
    let token = attacker.get("/login").await?.csrf().unwrap_or_default();
    let mut tries = Vec::new();
    for _ in 0..12 {
        let (c, t) = (&attacker, token.clone());
        tries.push(async move {
            c.post("/login", &[("email", "officer@a.example"), ("password", "wrong guess"), ("_csrf", &t)]).await
        });
    }
    let answers: Vec<u16> = futures_status(tries).await?;
    let evaluated = answers.iter().filter(|s| **s == 401).count();
    let refused = answers.iter().filter(|s| **s == 429).count();
    assert_eq!(evaluated + refused, 12, "{answers:?}");
    assert!(evaluated <= app::domain::sign_in::MAX_PER_PAIR as usize, "at most the limit evaluated: {answers:?}");
    // the attacker's own address is now refused, even with the right password
    assert_eq!(attacker.login("officer@a.example", PASSWORD).await?.status, 429);
    // but the owner, from their own address, signs in at once
    let owner = app.client_from("198.51.100.7");
    assert_eq!(owner.login("officer@a.example", PASSWORD).await?.status, 303);
    // every failure is in the audit log with the forwarded address
    let failed = audit_rows(app, "account.sign_in_failed").await?;
    assert_eq!(failed.len(), evaluated);
    assert!(failed.iter().all(|(who, d)| who == "officer@a.example" && d.contains("203.0.113.66")), "{failed:?}");
    assert!(!audit_rows(app, "account.sign_in_throttled").await?.is_empty());
    // a forwarded address from an untrusted peer would be ignored (unit-tested); here the
    // peer is trusted, so a refusal of a signed-in officer on the ministry's pages is
    // audited with the address it names
    let refused_page = owner.get("/review").await?;
    assert_eq!(refused_page.status, 403);
    let refusals = audit_rows(app, "access.refused").await?;
    assert!(refusals.iter().any(|(p, d)| p == "/review" && d.contains("198.51.100.7")), "{refusals:?}");
    Ok(())
}
on_both_backends!(throttling_db => sign_in_throttling);

async fn futures_status<F>(tries: Vec<F>) -> anyhow::Result<Vec<u16>>
where
    F: std::future::Future<Output = anyhow::Result<Page>> + Send,
{
    let mut set = Vec::new();
    for t in tries {
        set.push(t);
    }
    let pages = futures_util_join_all(set).await;
    pages.into_iter().map(|p| p.map(|p| p.status)).collect()
}

/// Runs futures concurrently on this task (no extra dependency).
async fn futures_util_join_all<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut pinned: Vec<std::pin::Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut out: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in pinned.iter_mut().enumerate() {
            if out[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => out[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    out.into_iter().flatten().collect()
}

/// Every page carries a nonce policy matching its scripts; the preload links are valid.
async fn content_security_policy(app: &TestApp) -> anyhow::Result<()> {
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    for (client, path) in [(&app.client(), "/login"), (&reviewer, "/review"), (&app.client(), "/nope")] {
        let resp = client.http.get(format!("{}{path}", client.base)).send().await?;
        let csp = resp.headers().get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let body = resp.text().await?;
        let nonce = csp.split("'nonce-").nth(1).and_then(|r| r.split('\'').next()).unwrap_or("").to_string();
        assert!(nonce.len() >= 16, "{path}: {csp}");
        for must in ["'strict-dynamic'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"] {
            assert!(csp.contains(must), "{path}: {must} missing from {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        let doc = scraper::Html::parse_document(&body);
        let scripts = scraper::Selector::parse("script").map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let all: Vec<_> = doc.select(&scripts).collect();
        assert!(!all.is_empty(), "{path}: hydration script");
        assert!(
            all.iter().all(|s| s.value().attr("nonce") == Some(nonce.as_str())),
            "{path}: every script has the nonce"
        );
        let links = scraper::Selector::parse("link[rel=modulepreload], link[rel=preload]")
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        for l in doc.select(&links) {
            assert_eq!(l.value().attr("crossorigin"), Some(""), "{path}: crossorigin is not the nonce");
        }
    }
    // another request gets another nonce
    let a = app.client().http.get(format!("{}/login", app.base)).send().await?;
    let b = app.client().http.get(format!("{}/login", app.base)).send().await?;
    assert_ne!(a.headers().get("content-security-policy"), b.headers().get("content-security-policy"));
    // a public page is sent without the application's script (and may be served from the
    // cache, nonce and all: nothing stored by a user can carry a nonce not yet drawn)
    let public = app.client().get("/").await?;
    let csp = public.headers.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(csp.contains("object-src 'none'") && !csp.contains("unsafe-inline"), "{csp}");
    assert!(public.texts("script[type=module]").is_empty(), "no hydration on a public page");
    assert!(!public.body.contains("modulepreload"), "nothing of the application is preloaded");
    Ok(())
}
on_both_backends!(csp_db => content_security_policy);

/// An incident with only a draft does not exist for the ministry: every page and action 404.
async fn unfiled_incidents_are_not_found(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let draft_only = open_incident(&officer, "아직 제출 안 함").await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let lead = app.signed_in("lead@msit.example").await?;
    let case = format!("/review/incidents/{draft_only}");
    for path in
        [case.clone(), format!("{case}/duties/KR-DM-05"), format!("{case}/summary"), format!("{case}/measures/1/pdf")]
    {
        assert_eq!(reviewer.get(&path).await?.status, 404, "{path}");
    }
    let token = reviewer.get("/review").await?.csrf().unwrap_or_default();
    let posts: Vec<(String, Vec<(&str, String)>)> = vec![
        (format!("{case}/assign"), vec![("assignee", String::new())]),
        (format!("{case}/duties/KR-DM-05"), vec![("finding", "compliant".into()), ("rationale", "x".into())]),
        (format!("{case}/requests"), vec![("question", "?".into()), ("due", in_days(3))]),
        (
            format!("{case}/measures"),
            vec![
                ("kind", "guidance".into()),
                ("legal_basis", "법".into()),
                ("content", "x".into()),
                ("deadline", in_days(3)),
                ("items", "x".into()),
            ],
        ),
        (format!("{case}/close"), vec![]),
        (format!("{case}/reopen"), vec![("reopen_reason", "x".into())]),
        (format!("{case}/summary"), vec![("headline_ko", "x".into())]),
    ];
    for (path, fields) in posts {
        let mut all: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        all.push(("_csrf", &token));
        assert_eq!(reviewer.post(&path, &all).await?.status, 404, "{path}");
    }
    let lead_token = lead.get("/review").await?.csrf().unwrap_or_default();
    assert_eq!(lead.post(&format!("{case}/summary/approve"), &[("_csrf", &lead_token)]).await?.status, 404);
    assert!(!reviewer.get("/review").await?.body.contains(&draft_only), "not in the queue");
    // nothing was written for it
    assert_eq!(audit::count(&app.state.db, app::domain::audit::AuditAction::MeasureIssued, &draft_only).await?, 0);
    assert!(officer.get(&format!("/filing/incidents/{draft_only}")).await?.texts("#ministry-title").is_empty());
    Ok(())
}
on_both_backends!(unfiled_db => unfiled_incidents_are_not_found);

/// A measure is public only once a lead approves the publication, redacted; later changes
/// reach the public page only through an approved correction.
async fn measures_wait_for_approval(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let case = format!("/review/incidents/{incident}");
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let lead = app.signed_in("lead@msit.example").await?;
    let summary = format!("{case}/summary");
    let text = [
        ("headline_ko", "인증 장애"),
        ("headline_en", "Login outage"),
        ("summary_ko", "인증이 중단되었습니다."),
        ("summary_en", "Login stopped."),
        ("impact_ko", "로그인"),
        ("impact_en", "Login"),
        ("cause_ko", "배포 오류"),
        ("cause_en", "Faulty deployment"),
        ("action", "submit"),
    ];
    let save = |c: &Client, extra: Vec<(&'static str, &'static str)>| {
        let (c, summary) = (c.clone(), summary.clone());
        async move {
            let revision = c.get(&summary).await?.field_value("revision").unwrap_or_default();
            let mut all: Vec<(&str, &str)> = text.to_vec();
            all.extend(extra);
            all.push(("revision", &revision));
            c.submit(&summary, &summary, &all).await
        }
    };
    assert_eq!(save(&reviewer, vec![]).await?.status, 303);
    assert_eq!(lead.submit(&summary, &format!("{summary}/approve"), &[]).await?.status, 303);
    let public = format!("/incidents/{incident}");

    // unbalanced marks in a measure are refused beside the field
    let order = |content: &'static str, items: &'static str| {
        vec![
            ("kind", "corrective_order"),
            ("legal_basis", "전기통신사업법 제92조제1항"),
            ("content", content),
            ("items", items),
        ]
    };
    let deadline = in_days(30);
    let mut bad = order("인증 이중화 [[내부", "이중화");
    bad.push(("deadline", &deadline));
    let refused = reviewer.submit(&case, &format!("{case}/measures"), &bad).await?;
    assert_eq!(refused.status, 422);
    assert!(!refused.texts("#content-error").is_empty());
    let mut good = order("인증 이중화 [[서버 10.0.0.7]] 조치", "인증 서버 이중화\n[[비밀 항목]]");
    good.push(("deadline", &deadline));
    assert_eq!(reviewer.submit(&case, &format!("{case}/measures"), &good).await?.status, 303);
    let before = app.client().get(&public).await?;
    assert!(!before.body.contains("인증 이중화"), "issued is not published");

    // a correction approved by a lead republishes with the measure, redacted
    assert_eq!(save(&reviewer, vec![("reason_ko", "조치 반영"), ("reason_en", "Measure added")]).await?.status, 303);
    assert!(!app.client().get(&public).await?.body.contains("인증 이중화"), "not before approval");
    assert_eq!(lead.submit(&summary, &format!("{summary}/approve"), &[]).await?.status, 303);
    let after = app.client().get(&public).await?;
    assert!(after.body.contains("인증 이중화 [비공개 · withheld] 조치"), "published, redacted");
    assert!(after.body.contains("인증 서버 이중화"));
    assert!(!after.body.contains("10.0.0.7") && !after.body.contains("비밀 항목"), "withheld text never public");
    Ok(())
}
on_both_backends!(measures_db => measures_wait_for_approval);

/// Every input has a bound, refused with the reason beside the field.
async fn input_is_bounded(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let incident = open_incident(&officer, "큰 입력").await?;
    // 201 timeline rows: refused on the group, with what was typed kept
    let mut rows: Vec<(&str, String)> = vec![("onset_at", "2026-01-10T09:00".into())];
    let keys: Vec<(String, String)> = (0..201).map(|i| (format!("timeline.{i}.text"), format!("사건 {i}"))).collect();
    rows.extend(keys.iter().map(|(k, v)| (k.as_str(), v.clone())));
    let refused = save_section(&officer, &incident, "times", &rows).await?;
    assert_eq!(refused.status, 422);
    assert!(refused.texts("#timeline-error").join("").contains("200"), "{:?}", refused.texts(".error-message"));
    assert_eq!(refused.field_value("timeline.200.text").as_deref(), Some("사건 200"), "kept as typed");
    // a value over its field's length
    let long = "가".repeat(10_001);
    let too_long = save_section(&officer, &incident, "summary", &[("description", long.clone())]).await?;
    assert_eq!(too_long.status, 422);
    assert!(!too_long.texts("#description-error").is_empty());
    // a 10 MB form: a clear page, not a dropped connection
    let huge = "x".repeat(10 * 1024 * 1024);
    let page = officer.get(&format!("/filing/incidents/{incident}/draft/summary")).await?;
    let token = page.csrf().unwrap_or_default();
    let sent = officer
        .post(&format!("/filing/incidents/{incident}/draft/summary"), &[("_csrf", &token), ("description", &huge)])
        .await?;
    assert_eq!(sent.status, 413);
    assert!(sent.body.contains("양식이 너무 큽니다"));
    // too many fields in one form
    let many: Vec<(String, String)> = (0..5_000).map(|i| (format!("f{i}"), "1".into())).collect();
    let mut many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    many.push(("_csrf", &token));
    assert_eq!(officer.post(&format!("/filing/incidents/{incident}/draft/summary"), &many).await?.status, 413);

    // the queue's page size is the server's, whatever a server-function call asks for
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let forged = reviewer
        .http
        .post(format!("{}/_fn/review_queue", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("query[overdue]=false&query[new_only]=false&query[oldest_first]=false&query[per_page]=4294967295")
        .send()
        .await?;
    assert_eq!(forged.status().as_u16(), 200, "forged page size answered");
    Ok(())
}
on_both_backends!(bounded_db => input_is_bounded);

/// Files per incident are bounded; an answer to a request that does not exist keeps no file.
async fn files_are_bounded(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let officer = app.signed_in("officer@a.example").await?;
    let page = format!("/filing/incidents/{incident}");
    let upload = |n: usize| {
        let (officer, page) = (officer.clone(), page.clone());
        async move {
            let token = officer.get(&page).await?.csrf().unwrap_or_default();
            let form = reqwest::multipart::Form::new()
                .text("_csrf", token)
                .text("description", format!("증빙 {n}"))
                .part("file", reqwest::multipart::Part::bytes(b"%PDF-1.4 x".to_vec()).file_name(format!("f{n}.pdf")));
            let r = officer.http.post(format!("{}{page}/attachments", officer.base)).multipart(form).send().await?;
            let status = r.status().as_u16();
            anyhow::Ok((status, r.text().await?))
        }
    };
    let limit = server::storage::attachments::MAX_FILES_PER_INCIDENT as usize;
    for n in 0..limit {
        assert_eq!(upload(n).await?.0, 303, "file {n}");
    }
    let (status, body) = upload(limit).await?;
    assert_eq!(status, 422, "one more than the limit");
    assert!(body.contains("파일 수(50개)"), "the reason beside the field");

    // no request 9: 404, and no file is kept
    let count = || async {
        let n: i64 = match &app.state.db {
            server::storage::Db::Sqlite(p) => {
                sqlx::query_scalar("SELECT COUNT(*) FROM attachments").fetch_one(p).await?
            }
            server::storage::Db::Postgres(p) => {
                sqlx::query_scalar("SELECT COUNT(*) FROM attachments").fetch_one(p).await?
            }
        };
        anyhow::Ok(n)
    };
    let before = count().await?;
    let token = officer.get(&page).await?.csrf().unwrap_or_default();
    let form = reqwest::multipart::Form::new()
        .text("_csrf", token)
        .text("body_9", "답변")
        .part("file", reqwest::multipart::Part::bytes(b"%PDF-1.4 y".to_vec()).file_name("a.pdf"));
    let r = officer.http.post(format!("{}{page}/requests/9", app.base)).multipart(form).send().await?;
    assert_eq!(r.status().as_u16(), 404);
    assert_eq!(count().await?, before, "nothing kept");
    Ok(())
}
on_both_backends!(files_db => files_are_bounded);

/// Password changes end other sessions and cycle the id; admins disable colleagues; the
/// sign-in page writes no session row for anonymous visitors.
async fn session_lifecycle(app: &TestApp) -> anyhow::Result<()> {
    let before = session_rows(app).await?;
    for _ in 0..5 {
        let page = app.client().get("/login").await?;
        assert_eq!(page.status, 200);
        assert!(page.session_cookie().is_none(), "no session for an anonymous visitor");
    }
    assert_eq!(session_rows(app).await?, before, "no rows for anonymous visits");
    assert!(app.client().get("/login").await?.cache_control.contains("no-store"));

    let laptop = app.signed_in("officer@a.example").await?;
    let phone = app.signed_in("officer@a.example").await?;
    assert_eq!(phone.get("/filing").await?.status, 200);
    let changed = laptop
        .submit(
            "/account/password",
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a brand new long password"),
                ("confirm_password", "a brand new long password"),
            ],
        )
        .await?;
    assert_eq!(changed.status, 303);
    assert!(changed.session_cookie().is_some(), "the session id is cycled");
    assert_eq!(laptop.get("/filing").await?.status, 200, "this session goes on");
    let ended = phone.get("/filing").await?;
    assert_eq!(
        (ended.status, ended.location.as_deref()),
        (303, Some("/login?next=%2Ffiling")),
        "the other session ended"
    );

    // an admin disables a colleague: their session ends and they cannot sign in; enabling
    // lets them sign in again; nobody disables themself
    let admin = app.signed_in("admin@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let id = member_id(&admin.get("/filing/organisation").await?, "signatory@a.example")?;
    let access = format!("/filing/organisation/team/{id}/access");
    assert_eq!(admin.submit("/filing/organisation", &access, &[("access", "disable")]).await?.status, 303);
    let ended = signatory.get("/filing").await?;
    assert_eq!((ended.status, ended.location.as_deref()), (303, Some("/login?next=%2Ffiling")), "their session ended");
    assert_eq!(app.client().login("signatory@a.example", PASSWORD).await?.status, 401, "disabled");
    assert!(admin.get("/filing/organisation").await?.body.contains("사용 중지"));
    assert_eq!(admin.submit("/filing/organisation", &access, &[("access", "enable")]).await?.status, 303);
    assert_eq!(app.client().login("signatory@a.example", PASSWORD).await?.status, 303, "enabled again");
    let other_admin = app.signed_in("admin@b.example").await?;
    let theirs = other_admin.submit("/filing/organisation", &access, &[("access", "disable")]).await?;
    assert_eq!(theirs.status, 404, "another organisation's person is not found");
    assert_eq!(
        audit::count(&app.state.db, app::domain::audit::AuditAction::TeamMemberDisabled, &format!("user:{id}")).await?,
        1
    );
    Ok(())
}
on_both_backends!(sessions_db => session_lifecycle);

/// Only filers acknowledge measures; caching of sensitive answers.
async fn smaller_ones(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let case = format!("/review/incidents/{incident}");
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let order = [
        ("kind", "guidance"),
        ("legal_basis", "전기통신사업법 제92조제1항"),
        ("content", "개선 계획 제출"),
        ("deadline", &in_days(30)),
        ("items", "개선 계획서"),
    ];
    assert_eq!(reviewer.submit(&case, &format!("{case}/measures"), &order).await?.status, 303);
    let page = format!("/filing/incidents/{incident}");
    let admin = app.signed_in("admin@a.example").await?;
    let shown = admin.get(&page).await?;
    assert!(!shown.body.contains("/measures/1/acknowledge"), "no button for an admin");
    let token = shown.csrf().unwrap_or_default();
    assert_eq!(admin.post(&format!("{page}/measures/1/acknowledge"), &[("_csrf", &token)]).await?.status, 403);
    let officer = app.signed_in("officer@a.example").await?;
    assert_eq!(officer.submit(&page, &format!("{page}/measures/1/acknowledge"), &[]).await?.status, 303);

    // sensitive answers are never cached: sign-in, work pages, public pages for a signed-in
    // person, server functions
    assert!(officer.get("/").await?.cache_control.contains("no-store"));
    assert!(officer.get(&page).await?.cache_control.contains("no-store"));
    let fn_answer = officer.http.post(format!("{}/_fn/session_info", app.base)).send().await?;
    let cc = fn_answer.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert!(cc.contains("no-store"), "server function: {cc:?}");
    Ok(())
}
on_both_backends!(smaller_db => smaller_ones);
