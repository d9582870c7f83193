//! Password-reset links (issue #12), on SQLite and PostgreSQL: the request answers the same
//! whether or not the address has an account; a link works once, for one hour, only while it
//! is the newest, only for its own account; using it ends every session of the account; asking
//! too often is refused.

use outage_desk_tests::*;

const DEAD: &str = "더 이상 쓸 수 없습니다";

async fn ask(c: &Client, email: &str) -> anyhow::Result<Page> {
    c.submit("/login/reset", "/login/reset", &[("email", email)]).await
}

async fn reset_links_work_once_for_their_own_account(app: &TestApp) -> anyhow::Result<()> {
    // the same answer for an address with an account and one without; a link only for the first
    let anon = app.client();
    let known = ask(&anon, "Officer@A.example").await?;
    let unknown = ask(&anon, "nobody@nowhere.example").await?;
    assert_eq!((known.status, known.location.as_deref()), (303, Some("/login/reset?sent=1")));
    assert_eq!((unknown.status, unknown.location.clone()), (known.status, known.location.clone()));
    assert!(link_sent_to(app, "nobody@nowhere.example", "password_reset").await?.is_none());
    let bad = ask(&anon, "not an address").await?;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.field_value("email").as_deref(), Some("not an address"), "what was typed is kept");

    // signed in elsewhere; the link sets the password and ends that session
    let elsewhere = app.signed_in("officer@a.example").await?;
    let link = link_sent_to(app, "officer@a.example", "password_reset").await?.unwrap_or_default();
    assert!(link.starts_with("/login/reset/"), "{link}");
    let page = app.client().get(&link).await?;
    assert!(page.body.contains("officer@a.example"));
    let done = choose_password(app, &link, "a brand new password 1").await?;
    assert_eq!((done.status, done.location.as_deref()), (303, Some("/login?reset=1")));
    assert_eq!(elsewhere.get("/filing").await?.status, 303, "the other session has ended");
    assert_eq!(app.client().login("officer@a.example", PASSWORD).await?.status, 401);
    assert_eq!(app.client().login("officer@a.example", "a brand new password 1").await?.status, 303);
    assert!(app.client().get(&link).await?.body.contains(DEAD), "used once");
    let n = server::storage::audit::count(
        &app.state.db,
        app::domain::audit::AuditAction::PasswordReset,
        &format!("user:{}", user_id(app, "officer@a.example").await?),
    )
    .await?;
    assert_eq!(n, 1);

    // a newer link revokes the older; a link is its account's only; links expire after an hour
    ask(&anon, "signatory@a.example").await?;
    let older = link_sent_to(app, "signatory@a.example", "password_reset").await?.unwrap_or_default();
    ask(&anon, "signatory@a.example").await?;
    let newer = link_sent_to(app, "signatory@a.example", "password_reset").await?.unwrap_or_default();
    assert!(app.client().get(&older).await?.body.contains(DEAD), "revoked by the newer");
    assert_eq!(
        choose_password(app, &newer, "signatory's new password").await?.location.as_deref(),
        Some("/login?reset=1")
    );
    assert_eq!(app.client().login("officer@a.example", "a brand new password 1").await?.status, 303, "not another's");
    ask(&anon, "admin@a.example").await?;
    let expiring = link_sent_to(app, "admin@a.example", "password_reset").await?.unwrap_or_default();
    app.state.clock.advance(3601);
    assert!(app.client().get(&expiring).await?.body.contains(DEAD), "expired");
    let late = app.client();
    let path = expiring.clone();
    let token = late.get("/login").await?.csrf().unwrap_or_default();
    let refused = late
        .post(
            &path,
            &[("_csrf", &token), ("new_password", "too late password"), ("confirm_password", "too late password")],
        )
        .await?;
    assert_eq!(refused.location.as_deref(), Some(path.as_str()), "an expired link sets nothing");
    assert_eq!(app.client().login("admin@a.example", PASSWORD).await?.status, 303);
    Ok(())
}
on_both_backends!(reset_db => reset_links_work_once_for_their_own_account);

/// A disabled account gets no link; one client asking again and again is refused; one
/// account gets at most a few links an hour, however often it is asked for.
async fn reset_requests_are_bounded(app: &TestApp) -> anyhow::Result<()> {
    let admin = app.signed_in("admin@a.example").await?;
    let officer = user_id(app, "officer@a.example").await?;
    let off = admin
        .submit(
            "/filing/organisation",
            &format!("/filing/organisation/team/{officer}/access"),
            &[("access", "disable")],
        )
        .await?;
    assert_eq!(off.status, 303);
    let c = app.client_from("203.0.113.9");
    ask(&c, "officer@a.example").await?;
    assert!(link_sent_to(app, "officer@a.example", "password_reset").await?.is_none(), "disabled: no link");
    let mut statuses = Vec::new();
    for _ in 0..11 {
        statuses.push(ask(&c, "signatory@a.example").await?.status);
    }
    // ten requests from one client in the window (the one for the disabled officer counted)
    assert_eq!(statuses.iter().filter(|s| **s == 303).count(), 9, "{statuses:?}");
    assert!(statuses[9..].iter().all(|s| *s == 429), "then refused: {statuses:?}");
    let links = server::with_pool!(&app.state.db, |p| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM account_links WHERE email = 'signatory@a.example'")
            .fetch_one(p)
            .await
    })?;
    assert_eq!(links, 3, "at most three links an hour for one account");
    Ok(())
}
on_both_backends!(bounded_db => reset_requests_are_bounded);

async fn user_id(app: &TestApp, email: &str) -> anyhow::Result<i64> {
    let found = server::storage::users::credentials(&app.state.db, email).await?;
    found.map(|c| c.id).ok_or_else(|| anyhow::anyhow!("no account {email}"))
}
