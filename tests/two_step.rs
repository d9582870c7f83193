//! Two-step verification on both databases: the code after the password, a code used once,
//! a sign-in left half-done, throttling, setting it up with the QR code and key, recovery
//! codes used once, new codes, turning it off, the roles that must have it, and resets by
//! the system administrator and organisation admins.

use app::domain::two_step::{step_of, STEP_SECS};
use outage_desk_tests::*;

/// The user id of `email`.
async fn id_of(app: &TestApp, email: &str) -> anyhow::Result<i64> {
    let c = server::storage::users::credentials(&app.state.db, email).await?;
    c.map(|c| c.id).ok_or_else(|| anyhow::anyhow!("no account {email}"))
}

/// How many audit entries of `code` there are.
async fn audited(app: &TestApp, code: &str) -> anyhow::Result<i64> {
    Ok(server::with_pool!(&app.state.db, |p| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_log WHERE action = $1").bind(code).fetch_one(p).await
    })?)
}

/// A code of [`TOTP_KEY`] that is wrong at every acceptable step now.
fn wrong_code(app: &TestApp) -> String {
    let now = step_of(app.state.clock.now().0);
    let near: Vec<String> = (now - 2..=now + 2).filter_map(|s| server::auth::totp::code_at(TOTP_KEY, s)).collect();
    (0..1_000_000).map(|n| format!("{n:06}")).find(|c| !near.contains(c)).unwrap_or_default()
}

async fn codes_after_the_password(app: &TestApp) -> anyhow::Result<()> {
    let c = app.client();
    let first = c.login("reviewer@msit.example", PASSWORD).await?;
    assert_eq!((first.status, first.location.as_deref()), (303, Some("/login/two-step")));
    // the password alone signs nobody in
    let review = c.get("/review").await?;
    assert_eq!(review.status, 303);
    assert!(review.location.as_deref().is_some_and(|l| l.starts_with("/login")), "{:?}", review.location);
    let page = c.get("/login/two-step").await?;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"autocomplete="one-time-code""#));

    let form = "/login/two-step";
    let malformed = c.submit(form, form, &[("code", "12ab")]).await?;
    assert_eq!(malformed.status, 422);
    assert!(malformed.texts("#code-error").join("").contains("6자리"), "{}", malformed.texts("#code-error").join(""));
    let wrong = wrong_code(app);
    let refused = c.submit(form, form, &[("code", &wrong)]).await?;
    assert_eq!(refused.status, 422);
    assert!(refused.texts("#code-error").join("").contains("30초"));
    assert!(!refused.body.contains(&format!(r#"value="{wrong}""#)), "a code is not echoed back");
    assert_eq!(audited(app, "account.second_step_failed").await?, 1);

    let code = app.next_code("reviewer@msit.example", TOTP_KEY).await?;
    let done = c.submit(form, form, &[("code", &format!("{} {}", &code[..3], &code[3..]))]).await?;
    assert_eq!((done.status, done.location.as_deref()), (303, Some("/review")));
    assert_eq!(c.get("/review").await?.status, 200);

    // the same code again, after the password again elsewhere: refused
    let other = app.client();
    assert_eq!(other.login("reviewer@msit.example", PASSWORD).await?.location.as_deref(), Some("/login/two-step"));
    let replay = other.submit(form, form, &[("code", &code)]).await?;
    assert_eq!(replay.status, 422, "a code works once");
    assert_eq!(other.get("/review").await?.status, 303);
    // the next step's code works
    let next = app.next_code("reviewer@msit.example", TOTP_KEY).await?;
    assert_ne!(next, code);
    assert_eq!(other.submit(form, form, &[("code", &next)]).await?.status, 303);
    assert_eq!(other.get("/review").await?.status, 200);
    Ok(())
}
on_both_backends!(codes_db => codes_after_the_password);

async fn a_code_sent_twice_at_once_signs_in_once(app: &TestApp) -> anyhow::Result<()> {
    let (a, b) = (app.client(), app.client());
    a.login("lead@msit.example", PASSWORD).await?;
    b.login("lead@msit.example", PASSWORD).await?;
    let code = app.next_code("lead@msit.example", TOTP_KEY).await?;
    let form = "/login/two-step";
    let (ta, tb) = (a.get(form).await?.csrf().unwrap_or_default(), b.get(form).await?.csrf().unwrap_or_default());
    let (fa, fb) =
        ([("code", code.as_str()), ("_csrf", ta.as_str())], [("code", code.as_str()), ("_csrf", tb.as_str())]);
    let (ra, rb) = tokio::join!(a.post(form, &fa), b.post(form, &fb));
    let mut statuses = [ra?.status, rb?.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 422], "one of two posts of one code signs in");
    Ok(())
}
on_both_backends!(race_db => a_code_sent_twice_at_once_signs_in_once);

async fn a_half_done_sign_in_expires_and_guessing_is_throttled(app: &TestApp) -> anyhow::Result<()> {
    let form = "/login/two-step";
    // nothing awaiting: the page sends back to sign-in
    let none = app.client().get(form).await?;
    assert_eq!((none.status, none.location.as_deref()), (303, Some("/login?expired=1")));
    let c = app.client();
    c.login("signatory@a.example", PASSWORD).await?;
    let token = c.get(form).await?.csrf().unwrap_or_default();
    app.state.clock.advance(301);
    let code = app.next_code("signatory@a.example", TOTP_KEY).await?;
    let late = c.post(form, &[("code", code.as_str()), ("_csrf", token.as_str())]).await?;
    assert_eq!((late.status, late.location.as_deref()), (303, Some("/login?expired=1")));
    let login = c.get("/login?expired=1").await?;
    assert!(login.body.contains("5분"), "the sign-in page says why");

    // five wrong codes from one address, then even the right one is refused for a while
    let g = app.client();
    g.login("signatory@a.example", PASSWORD).await?;
    let wrong = wrong_code(app);
    for _ in 0..5 {
        assert_eq!(g.submit(form, form, &[("code", &wrong)]).await?.status, 422);
    }
    let code = app.next_code("signatory@a.example", TOTP_KEY).await?;
    assert_eq!(g.submit(form, form, &[("code", &code)]).await?.status, 429);
    assert!(audited(app, "account.sign_in_throttled").await? >= 1);
    // a password changed meanwhile ends a half-done sign-in
    let d = app.client();
    d.login("lead@msit.example", PASSWORD).await?;
    let lead = app::domain::ids::UserId(id_of(app, "lead@msit.example").await?);
    let hash = app.state.hasher.hash("a changed password 42".into()).await?;
    server::storage::users::set_password(&app.state.db, lead, &hash, app.state.clock.now()).await?;
    let code = app.next_code("lead@msit.example", TOTP_KEY).await?;
    let ended = d.submit(form, form, &[("code", &code)]).await?;
    assert_eq!((ended.status, ended.location.as_deref()), (303, Some("/login?expired=1")));
    Ok(())
}
on_both_backends!(expiry_db => a_half_done_sign_in_expires_and_guessing_is_throttled);

async fn set_up_recover_renew_and_turn_off(app: &TestApp) -> anyhow::Result<()> {
    let email = "officer@a.example";
    let c = app.signed_in(email).await?;
    let page = "/account/two-step";
    let before = c.get(page).await?;
    assert!(before.body.contains("사용 안 함"), "optional and off");
    assert_eq!(c.get("/account/two-step/qr.svg").await?.status, 404, "no set-up under way");
    assert_eq!(c.submit(page, "/account/two-step/start", &[]).await?.status, 303);
    let shown = c.get(page).await?;
    assert!(shown.body.contains(r#"src="/account/two-step/qr.svg""#));
    let key: String = shown.texts(".setup-key").join("").split_whitespace().collect();
    assert_eq!(key.len(), 32, "{key}");
    let qr = c.get("/account/two-step/qr.svg").await?;
    assert_eq!(qr.status, 200);
    assert_eq!(qr.content_type, "image/svg+xml");
    assert!(qr.body.starts_with("<?xml") || qr.body.starts_with("<svg"), "{}", &qr.body[..40.min(qr.body.len())]);
    assert!(qr.cache_control.contains("no-store"));
    // another person sees no QR code of this key
    assert_eq!(app.signed_in("admin@a.example").await?.get("/account/two-step/qr.svg").await?.status, 404);

    let wrong = c.submit(page, "/account/two-step/confirm", &[("code", "000000")]).await?;
    if server::auth::totp::matching_step(&key, "000000", app.state.clock.now().0, None).is_none() {
        assert_eq!(wrong.status, 422);
        assert!(!wrong.texts("#code-error").is_empty(), "the error beside the code");
        assert_eq!(wrong.texts(".setup-key").join("").split_whitespace().collect::<String>(), key, "same key");
    }
    let code = app.next_code(email, &key).await?;
    let done = c.submit(page, "/account/two-step/confirm", &[("code", &code)]).await?;
    assert_eq!(done.status, 200);
    let codes = done.texts(".code-list li");
    assert_eq!(codes.len(), 10, "{}", done.body);
    assert!(done.cache_control.contains("no-store"));
    assert!(!c.get(page).await?.body.contains(&codes[0]), "recovery codes are shown once");
    let subject = format!("user:{}", id_of(app, email).await?);
    let enabled = server::with_pool!(&app.state.db, |p| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND subject = $2")
            .bind("account.two_step_enabled")
            .bind(&subject)
            .fetch_one(p)
            .await
    })?;
    assert_eq!(enabled, 1, "set-up audited");

    // signing in now asks for a code; a recovery code works once
    let again = app.client();
    assert_eq!(again.login(email, PASSWORD).await?.location.as_deref(), Some("/login/two-step"));
    let used = again.submit("/login/two-step", "/login/two-step", &[("code", &codes[0].to_uppercase())]).await?;
    assert_eq!((used.status, used.location.as_deref()), (303, Some("/account/two-step?recovery_used=1")));
    assert!(again.get(page).await?.body.contains("10개 중 9개"), "nine left");
    let third = app.client();
    third.login(email, PASSWORD).await?;
    assert_eq!(third.submit("/login/two-step", "/login/two-step", &[("code", &codes[0])]).await?.status, 422);
    assert_eq!(audited(app, "account.recovery_code_used").await?, 1);

    // new codes need the password, and void the old ones
    let wrong_pw = again.submit(page, "/account/two-step/recovery", &[("password_recovery", "nope")]).await?;
    assert_eq!(wrong_pw.status, 422);
    assert!(!wrong_pw.texts("#password_recovery-error").is_empty());
    let renewed = again.submit(page, "/account/two-step/recovery", &[("password_recovery", PASSWORD)]).await?;
    assert_eq!(renewed.status, 200);
    let fresh = renewed.texts(".code-list li");
    assert_eq!(fresh.len(), 10);
    assert_eq!(third.submit("/login/two-step", "/login/two-step", &[("code", &codes[1])]).await?.status, 422);
    assert_eq!(third.submit("/login/two-step", "/login/two-step", &[("code", &fresh[0])]).await?.status, 303);

    // optional for an officer: turned off with the password
    let off = again.submit(page, "/account/two-step/off", &[("password_off", PASSWORD)]).await?;
    assert_eq!(off.location.as_deref(), Some("/account/two-step?off=1"));
    assert_eq!(app.client().login(email, PASSWORD).await?.location.as_deref(), Some("/filing"));
    // a reviewer cannot turn it off
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let refused = reviewer.submit(page, "/account/two-step/off", &[("password_off", PASSWORD)]).await?;
    assert_eq!(refused.status, 409);
    assert!(refused.body.contains("끌 수 없습니다"));
    Ok(())
}
on_both_backends!(set_up_db => set_up_recover_renew_and_turn_off);

async fn required_roles_and_resets(app: &TestApp) -> anyhow::Result<()> {
    let sys = app.signed_in("sysadmin@desk.example").await?;
    let policy = sys.get("/admin").await?;
    assert!(policy.body.contains("2단계 인증 정책"));
    let cells = policy.texts("td").join(" ");
    assert!(cells.contains("필수") && cells.contains("선택"), "{cells}");
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let rid = id_of(app, "reviewer@msit.example").await?;
    let staff = "/admin/staff";
    assert!(sys.get(staff).await?.body.contains(&format!("/admin/staff/{rid}/two-step/reset")));
    let reset = sys.submit(staff, &format!("/admin/staff/{rid}/two-step/reset"), &[]).await?;
    assert_eq!(reset.location.as_deref(), Some("/admin/staff?reset=1"));
    assert_eq!(reviewer.get("/review").await?.status, 303, "their sessions ended");
    assert_eq!(audited(app, "account.two_step_reset").await?, 1);
    // an operator's person is no staff of the administrator's
    let officer = id_of(app, "officer@a.example").await?;
    assert_eq!(sys.submit(staff, &format!("/admin/staff/{officer}/two-step/reset"), &[]).await?.status, 404);

    // the password alone now, and nothing but setting it up until it is on
    let r = app.client();
    let signed = r.login("reviewer@msit.example", PASSWORD).await?;
    assert_eq!(signed.location.as_deref(), Some("/review"));
    for path in ["/review", "/incidents", "/account/sessions", "/review/overview"] {
        let held = r.get(path).await?;
        assert_eq!((held.status, held.location.as_deref()), (303, Some("/account/two-step")), "{path}");
    }
    let setup = r.get("/account/two-step").await?;
    assert_eq!(setup.status, 200);
    assert!(setup.body.contains("반드시"), "says it is required");
    let (key, _) = app.set_up_two_step(&r, "reviewer@msit.example").await?;
    assert_ne!(key, TOTP_KEY);
    assert_eq!(r.get("/review").await?.status, 200);

    // an organisation admin resets a colleague's, not another organisation's
    let sid = id_of(app, "signatory@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let org = "/filing/organisation";
    let other_admin = app.signed_in("admin@b.example").await?;
    assert_eq!(other_admin.submit(org, &format!("{org}/team/{sid}/two-step/reset"), &[]).await?.status, 404);
    let admin = app.signed_in("admin@a.example").await?;
    let team = admin.get(org).await?;
    assert!(team.body.contains(&format!("{org}/team/{sid}/two-step/reset")));
    let own = id_of(app, "admin@a.example").await?;
    assert_eq!(admin.submit(org, &format!("{org}/team/{own}/two-step/reset"), &[]).await?.status, 404, "not one's own");
    let done = admin.submit(org, &format!("{org}/team/{sid}/two-step/reset"), &[]).await?;
    assert_eq!(done.location.as_deref(), Some("/filing/organisation?reset=1#team-title"));
    assert_eq!(signatory.get("/filing").await?.status, 303, "signed out");
    Ok(())
}
on_both_backends!(required_db => required_roles_and_resets);

/// The harness moves the clock one step on when a step's code is used: several sign-ins of
/// one person within 30 seconds each get a fresh code.
async fn many_sign_ins_of_one_person(app: &TestApp) -> anyhow::Result<()> {
    let start = app.state.clock.now().0;
    for _ in 0..4 {
        let c = app.signed_in("lead@msit.example").await?;
        assert_eq!(c.get("/review").await?.status, 200);
    }
    assert!(app.state.clock.now().0 - start <= 4 * STEP_SECS + 5);
    Ok(())
}
on_both_backends!(many_db => many_sign_ins_of_one_person);
