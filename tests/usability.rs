//! Usability defects found in a first week of use (issue #11): each test reproduces one.

use outage_desk_tests::*;

/// Item 9: reloading a post-only address (after a refused form) leads back to the form's page
/// instead of a blank 405 — for every post route of the router's own table.
async fn post_only_addresses_lead_back_to_their_form(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let officer = app.signed_in("officer@a.example").await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let mut checked = 0;
    for route in server::http::routes::all().into_iter().filter(|r| r.method == "post") {
        let path = route
            .path
            .replace("{reference}", &incident)
            .replace("{number}", "1")
            .replace("{item}", "1")
            .replace("{id}", "1")
            .replace("{section}", "summary")
            .replace("{duty}", "KR-DM-05")
            .replace("{kind}", "service");
        let who = if path.starts_with("/review") { &reviewer } else { &officer };
        let page = who.get(&path).await?;
        assert_ne!(page.status, 405, "GET {path}");
        assert!(page.status < 500, "GET {path}: {}", page.status);
        if let Some(to) = page.location.as_deref().filter(|_| page.status == 303) {
            assert!(to.starts_with('/'), "GET {path} → {to}");
            let landed = who.get(to).await?;
            assert_eq!(landed.status, 200, "GET {path} → {to}: {}", landed.status);
        }
        checked += 1;
    }
    assert!(checked > 20, "the post routes were tried ({checked})");
    Ok(())
}
on_both_backends!(reload => post_only_addresses_lead_back_to_their_form);

/// Item 10: the page asked for before signing in is where signing in lands; only this site's
/// own addresses are returned to.
async fn sign_in_returns_to_the_page_asked_for(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let wanted = format!("/review/incidents/{incident}?lang=en");
    let visitor = app.client();
    let sent = visitor.get(&wanted).await?;
    assert_eq!(sent.status, 303);
    let login = sent.location.clone().unwrap_or_default();
    assert!(login.starts_with("/login?next=%2Freview%2Fincidents%2F"), "{login}");
    let form = visitor.get(&login).await?;
    assert_eq!(form.field_value("next").as_deref(), Some(wanted.as_str()), "the sign-in form keeps the address");
    let token = form.csrf().unwrap_or_default();
    let signed = visitor
        .post(
            "/login",
            &[("_csrf", &token), ("email", "reviewer@msit.example"), ("password", PASSWORD), ("next", &wanted)],
        )
        .await?;
    assert_eq!((signed.status, signed.location.as_deref()), (303, Some(wanted.as_str())));
    assert_eq!(visitor.get(&wanted).await?.status, 200);

    // a wrong password keeps the address for the next try
    let other = app.client();
    let form = other.get(&login).await?;
    let token = form.csrf().unwrap_or_default();
    let refused = other
        .post(
            "/login",
            &[("_csrf", &token), ("email", "reviewer@msit.example"), ("password", "wrong"), ("next", &wanted)],
        )
        .await?;
    assert_eq!(refused.status, 401);
    assert_eq!(refused.field_value("next").as_deref(), Some(wanted.as_str()));

    // never another site
    for foreign in ["//evil.example/x", "https://evil.example/", "/\\evil.example"] {
        let c = app.client();
        let form = c.get("/login").await?;
        let token = form.csrf().unwrap_or_default();
        let signed = c
            .post(
                "/login",
                &[("_csrf", &token), ("email", "officer@a.example"), ("password", PASSWORD), ("next", foreign)],
            )
            .await?;
        assert_eq!((signed.status, signed.location.as_deref()), (303, Some("/filing")), "{foreign}");
    }
    Ok(())
}
on_both_backends!(return_after_sign_in => sign_in_returns_to_the_page_asked_for);
