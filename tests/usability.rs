//! Usability defects found in a first week of use (issue #11): each test reproduces one.

use outage_desk_tests::*;

/// A route's address with its parameters filled in: `incident`, the first request, item or
/// record, the summary section, a duty that exists, a kind of record.
fn concrete(path: &str, incident: &str) -> String {
    path.replace("{reference}", incident)
        .replace("{number}", "1")
        .replace("{item}", "1")
        .replace("{id}", "1")
        .replace("{section}", "summary")
        .replace("{duty}", "KR-DM-05")
        .replace("{kind}", "service")
        .replace("{session}", "999999")
}

/// Item 9: reloading a post-only address (after a refused form) leads back to the form's page
/// instead of a blank 405 — for every post route of the router's own table.
async fn post_only_addresses_lead_back_to_their_form(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let officer = app.signed_in("officer@a.example").await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let mut checked = 0;
    for route in server::http::routes::all().into_iter().filter(|r| r.method == "post") {
        let path = concrete(route.path, &incident);
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
    // the address is kept across the second step (a reviewer's two-step code)
    assert_eq!((signed.status, signed.location.as_deref()), (303, Some("/login/two-step")));
    let code = app.next_code("reviewer@msit.example", TOTP_KEY).await?;
    let second = visitor.submit("/login/two-step", "/login/two-step", &[("code", &code)]).await?;
    assert_eq!((second.status, second.location.as_deref()), (303, Some(wanted.as_str())));
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

/// Item 11: the ministry's posts say what they saved, on the page they land on.
async fn ministry_posts_confirm_what_they_saved(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    let asked =
        reviewer.submit(&case, &format!("{case}/requests"), &[("question", "자료"), ("due", &in_days(3))]).await?;
    assert_eq!(asked.status, 303);
    let to = asked.location.unwrap_or_default();
    assert_eq!(to, format!("{case}?saved=request#requests"));
    let landed = reviewer.get(&to).await?;
    assert!(landed.texts("[role=status]").join(" ").contains("자료제출 요청을 사업자에게 보냈습니다"), "{to}");
    let english = reviewer.get(&format!("{case}?saved=request&lang=en")).await?;
    assert!(english.body.contains("The request has been sent to the operator."));
    let finding = [("finding", "compliant"), ("rationale", "근거"), ("evidence", "")];
    let duty = format!("{case}/duties/KR-DM-05");
    let assessed = reviewer.submit(&duty, &duty, &finding).await?;
    assert_eq!(
        (assessed.status, assessed.location.as_deref()),
        (303, Some(format!("{case}?saved=finding#duties").as_str()))
    );
    // an unknown value shows nothing
    assert!(reviewer.get(&format!("{case}?saved=<script>")).await?.texts("[role=status]").is_empty());
    Ok(())
}
on_both_backends!(saved_notices => ministry_posts_confirm_what_they_saved);

/// Item 18: the basics every page has — an icon, a description naming the page, captions on
/// data tables, and a masthead inside the banner landmark.
async fn pages_have_the_basics(app: &TestApp) -> anyhow::Result<()> {
    let icon = app.client().get("/favicon.svg").await?;
    assert_eq!((icon.status, icon.content_type.as_str()), (200, "image/svg+xml"));
    assert!(icon.body.starts_with("<svg"));
    filed_case(app).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let queue = reviewer.get("/review").await?;
    assert!(queue.body.contains(r#"<link rel="icon" href="/favicon.svg""#));
    let description = scraper::Selector::parse(r#"meta[name="description"]"#).expect("selector");
    let doc = scraper::Html::parse_document(&queue.body);
    let metas: Vec<_> = doc.select(&description).filter_map(|m| m.value().attr("content")).collect();
    assert_eq!(metas.len(), 1, "one description: {metas:?}");
    assert!(metas[0].starts_with("검토 대기 신고 · 과학기술정보통신부"), "names the page: {metas:?}");
    assert!(!queue.texts("table caption").is_empty(), "data tables carry a caption");
    let banner = scraper::Selector::parse("header .masthead").expect("selector");
    assert_eq!(doc.select(&banner).count(), 1, "the masthead sits in the banner landmark");
    Ok(())
}
on_both_backends!(basics => pages_have_the_basics);

/// Item 3: every message of an error summary names its field — for every url-encoded form
/// of the router's table, sent empty by someone allowed to send it.
async fn error_summaries_name_their_fields(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let reviewer = app.signed_in("lead@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    // something for the repeated forms to be about: a request, and a measure with an item
    let ask = [("question", "자료"), ("due", &in_days(3))];
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests"), &ask).await?.status, 303);
    let order = [
        ("kind", "guidance"),
        ("legal_basis", "근거"),
        ("content", "내용"),
        ("deadline", &in_days(9)),
        ("items", "항목"),
    ];
    assert_eq!(reviewer.submit(&case, &format!("{case}/measures"), &order).await?.status, 303);
    let signatory = app.signed_in("signatory@a.example").await?;
    let admin = app.signed_in("admin@a.example").await?;
    let mut named = 0;
    for route in server::http::routes::all().into_iter().filter(|r| r.method == "post" && !r.multipart) {
        if route.path == "/logout" {
            continue;
        }
        let path = concrete(route.path, &incident);
        let who = match path.as_str() {
            p if p.starts_with("/review") => &reviewer,
            p if p.starts_with("/filing/organisation") => &admin,
            _ => &signatory,
        };
        let form_page = server::http::routes::form_page(&path);
        let token = who.get(&form_page).await?.csrf().unwrap_or_default();
        let page = who.post(&path, &[("_csrf", token.as_str())]).await?;
        for item in page.texts(".error-summary li a") {
            let (label, message) = item.split_once(": ").unwrap_or(("", item.as_str()));
            assert!(!label.trim().is_empty(), "POST {path}: a message without its field: {item:?}");
            assert!(!label.contains('_'), "POST {path}: a field named by its internal key: {item:?}");
            assert!(!message.is_empty(), "POST {path}: {item:?}");
            named += 1;
        }
    }
    assert!(named > 10, "the empty forms were refused with messages ({named})");
    Ok(())
}
on_both_backends!(summaries_name_fields => error_summaries_name_their_fields);

/// Item 7: an implausible number is refused with the actual reason, beside its field, and kept
/// as typed.
async fn implausible_numbers_are_refused_with_the_reason(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let incident = open_incident(&officer, "숫자 확인").await?;
    for (typed, reason) in
        [("1000000000000", "세계 인구보다 많습니다"), ("99999999999999999999999", "세계 인구보다 많습니다")]
    {
        let refused = save_section(&officer, &incident, "impact", &[("users_affected", typed.to_string())]).await?;
        assert_eq!(refused.status, 303, "stored as typed, problems shown on the section");
        let section = officer.get(&format!("/filing/incidents/{incident}/draft/impact?saved=1")).await?;
        let beside = section.texts("#users_affected-error").join(" ");
        assert!(beside.contains(reason), "{typed}: {beside}");
        assert!(!beside.contains("정수로 입력"), "{typed}: it is a whole number: {beside}");
        assert_eq!(section.field_value("users_affected").as_deref(), Some(typed), "kept as typed");
    }
    Ok(())
}
on_both_backends!(implausible => implausible_numbers_are_refused_with_the_reason);

/// Item 4: clocks name each duty as its regime does (NIS2's 72-hour step is the incident
/// notification, not an "update report").
async fn clocks_use_the_regimes_own_terms(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let incident = open_incident(&officer, "NIS2 대상 장애").await?;
    let mut sections = initial_sections("NIS2 대상 장애");
    sections[0].1.push(("regimes", "EU_NIS2".to_string()));
    fill(&officer, &incident, &sections).await?;
    file_draft(&signatory, &incident).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = reviewer.get(&format!("/review/incidents/{incident}?lang=en")).await?;
    let rows = case.texts("tbody tr").into_iter().filter(|r| r.contains("NIS2")).collect::<Vec<_>>();
    assert!(rows.iter().any(|r| r.contains("Incident notification")), "{rows:?}");
    assert!(!rows.iter().any(|r| r.contains("Update report")), "{rows:?}");
    Ok(())
}
on_both_backends!(regime_terms => clocks_use_the_regimes_own_terms);

/// The case history names the drafter (looked up from the account id in the audit detail), and
/// the return address of the sign-in form cannot break out of its attribute.
async fn history_names_people_and_next_is_inert(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = reviewer.get(&format!("/review/incidents/{incident}?lang=en")).await?;
    let filed = case.texts("tbody tr").into_iter().filter(|r| r.contains("Report filed")).collect::<Vec<_>>();
    assert!(filed.iter().any(|r| r.contains("Drafted by: officer@a.example")), "{filed:?}");
    let hostile = "/x\"><script>window.pwned=1</script>&amp;";
    let page = app.client().get(&format!("/login?next={}", urlencode(hostile))).await?;
    assert!(!page.body.contains("<script>window.pwned"), "the address is escaped");
    assert_eq!(page.field_value("next").as_deref(), Some(hostile), "kept as given, as text");
    Ok(())
}
on_both_backends!(history_and_next => history_names_people_and_next_is_inert);

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
