//! "Your sessions" (issue #12, sign-in security): each person sees where they are signed in
//! and ends any of those sessions, at once; nobody ends anyone else's.

use outage_desk_tests::*;

/// The `/account/sessions/{n}/end` actions on the page: (row, whether it is this session).
fn rows(page: &Page) -> Vec<(String, bool)> {
    page.body
        .split("<tr>")
        .skip(1)
        .filter_map(|row| {
            let id = row.split("/account/sessions/").nth(1)?.split('/').next()?.to_string();
            Some((id, row.contains("지금 이 세션")))
        })
        .collect()
}

async fn sessions_are_listed_and_can_be_ended(app: &TestApp) -> anyhow::Result<()> {
    let here = app.signed_in("officer@a.example").await?;
    let there = app.signed_in("officer@a.example").await?;
    let page = here.get("/account/sessions").await?;
    assert_eq!(page.status, 200);
    let listed = rows(&page);
    assert_eq!(listed.len(), 2, "both sign-ins listed: {listed:?}");
    assert_eq!(listed.iter().filter(|(_, this)| *this).count(), 1, "this session is marked");
    let other = listed.iter().find(|(_, this)| !this).map(|(id, _)| id.clone()).unwrap_or_default();
    let mine = listed.iter().find(|(_, this)| *this).map(|(id, _)| id.clone()).unwrap_or_default();

    // someone else cannot end them, nor can the owner end another person's
    let stranger = app.signed_in("officer@b.example").await?;
    let theirs = format!("/account/sessions/{other}/end");
    assert_eq!(stranger.submit("/account/sessions", &theirs, &[]).await?.status, 404);
    assert_eq!(there.get("/filing").await?.status, 200, "still signed in there");
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let reviewers = rows(&reviewer.get("/account/sessions").await?);
    let foreign = format!("/account/sessions/{}/end", reviewers[0].0);
    assert_eq!(here.submit("/account/sessions", &foreign, &[]).await?.status, 404);
    assert_eq!(reviewer.get("/review").await?.status, 200, "the reviewer is still signed in");

    // ending the other session signs that browser out at its next request
    let ended = here.submit("/account/sessions", &theirs, &[]).await?;
    assert_eq!((ended.status, ended.location.as_deref()), (303, Some("/account/sessions?ended=1")));
    let gone = there.get("/filing").await?;
    assert_eq!(gone.status, 303);
    assert!(gone.location.as_deref().is_some_and(|l| l.starts_with("/login")), "{:?}", gone.location);
    assert_eq!(rows(&here.get("/account/sessions").await?).len(), 1, "one session left");
    assert_eq!(here.submit("/account/sessions", &theirs, &[]).await?.status, 404, "ended once");

    // ending this one signs out here
    let out = here.submit("/account/sessions", &format!("/account/sessions/{mine}/end"), &[]).await?;
    assert_eq!((out.status, out.location.as_deref()), (303, Some("/login")));
    assert_eq!(here.get("/filing").await?.status, 303, "signed out");
    let user = format!("user:{}", server_user_id(app, "officer@a.example").await?);
    let n = server::storage::audit::count(&app.state.db, app::domain::audit::AuditAction::SessionEnded, &user).await?;
    assert_eq!(n, 2, "both endings are in the audit log");
    Ok(())
}
on_both_backends!(sessions_db => sessions_are_listed_and_can_be_ended);

/// A password change ends the account's other sessions on the list too.
async fn a_password_change_leaves_one_session(app: &TestApp) -> anyhow::Result<()> {
    let here = app.signed_in("signatory@a.example").await?;
    let _there = app.signed_in("signatory@a.example").await?;
    assert_eq!(rows(&here.get("/account/sessions").await?).len(), 2);
    let change = [
        ("current_password", PASSWORD),
        ("new_password", "another long password 2026"),
        ("confirm_password", "another long password 2026"),
    ];
    assert_eq!(here.submit("/account/password", "/account/password", &change).await?.status, 303);
    let left = rows(&here.get("/account/sessions").await?);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].1, "the one left is this session");
    Ok(())
}
on_both_backends!(password_sessions_db => a_password_change_leaves_one_session);

async fn server_user_id(app: &TestApp, email: &str) -> anyhow::Result<i64> {
    let found = server::storage::users::credentials(&app.state.db, email).await?;
    found.map(|c| c.id).ok_or_else(|| anyhow::anyhow!("no account {email}"))
}
