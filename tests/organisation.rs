//! The organisation profile over HTTP, on SQLite and PostgreSQL: admins edit, others read,
//! designations are computed with reasons, and nothing crosses organisations.

use outage_desk_tests::*;

fn owned(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(k, x)| (k.to_string(), x.to_string())).collect()
}

async fn post_form(c: &Client, action: &str, fields: &[(&str, &str)]) -> anyhow::Result<Page> {
    let page = c.get("/filing/organisation").await?;
    let token = page.csrf().unwrap_or_default();
    let mut all = owned(fields);
    all.push(("_csrf".into(), token));
    let all: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    c.post(action, &all).await
}

const PROFILE: &[(&str, &str)] = &[
    ("_form", "profile"),
    ("legal_name_ko", "가나다 주식회사"),
    ("legal_name_en", "Ganada Corp."),
    ("biz_reg_no", "123-45-67890"),
    ("revenue_krw", "7,000,000,000,000"),
    ("contact_name", "장애대응센터"),
    ("contact_phone", "02-000-0000"),
    ("contact_email", "noc@a.example"),
];

async fn admins_keep_the_profile_and_see_designations(app: &TestApp) -> anyhow::Result<()> {
    let admin = app.signed_in("admin@a.example").await?;
    let page = admin.get("/filing/organisation").await?;
    assert_eq!(page.status, 200);
    let revision = page.field_value("_revision").unwrap_or_default();
    assert_eq!(revision, "0");
    // a missing required answer: refused beside the field, everything else kept
    let mut partial = PROFILE.to_vec();
    partial.retain(|(k, _)| *k != "contact_phone" && *k != "contact_email");
    partial.push(("contact_email", "noc at a.example"));
    partial.push(("_revision", "0"));
    let resp = post_form(&admin, "/filing/organisation", &partial).await?;
    assert_eq!(resp.status, 422);
    assert!(resp.texts("#contact_phone-error").join("").contains("필수"));
    assert!(resp.texts("#contact_email-error").join("").contains("전자우편 주소"));
    assert_eq!(resp.field_value("contact_email").as_deref(), Some("noc at a.example"));
    assert_eq!(resp.field_value("legal_name_ko").as_deref(), Some("가나다 주식회사"));
    let mut full = PROFILE.to_vec();
    full.push(("_revision", "0"));
    assert_eq!(post_form(&admin, "/filing/organisation", &full).await?.status, 303);
    // saving again from the stale revision is refused
    let stale = post_form(&admin, "/filing/organisation", &full).await?;
    assert_eq!(stale.status, 409);

    let service = [
        ("_form", "service"),
        ("name_ko", "가나다톡"),
        ("name_en", "Ganada Talk"),
        ("paid", "free"),
        ("daily_users", "47000000"),
        ("traffic_share_pct", "2.5"),
        ("critical_functions", "login"),
        ("critical_functions", "messaging"),
    ];
    assert_eq!(post_form(&admin, "/filing/organisation/service", &service).await?.status, 303);
    let facility = [
        ("_form", "facility"),
        ("name", "판교 데이터센터"),
        ("ownership", "colocated"),
        ("operator", "데이터센터 운영사"),
        ("grade", "B"),
    ];
    assert_eq!(post_form(&admin, "/filing/organisation/facility", &facility).await?.status, 303);
    let bad_dep =
        [("_form", "dependency"), ("kind", "runs_in"), ("service", "없는 서비스"), ("other", "판교 데이터센터")];
    let resp = post_form(&admin, "/filing/organisation/dependency", &bad_dep).await?;
    assert_eq!(resp.status, 422);
    assert!(resp.texts("#service-error").join("").contains("등록한 서비스명"));
    assert_eq!(resp.field_value("other").as_deref(), Some("판교 데이터센터"));
    let dep = [
        ("_form", "dependency"),
        ("kind", "relied_on_by"),
        ("service", "가나다톡"),
        ("other", "철도 예매 앱 (간편 로그인)"),
    ];
    assert_eq!(post_form(&admin, "/filing/organisation/dependency", &dep).await?.status, 303);

    let page = admin.get("/filing/organisation").await?;
    let text = page.texts("main").join(" ");
    for expected in ["가나다톡", "47,000,000", "로그인·인증", "판교 데이터센터", "임차 (코로케이션)", "철도 예매 앱"]
    {
        assert!(text.contains(expected), "{expected} missing");
    }
    assert_eq!(
        page.field_value("contact_email").as_deref(),
        Some("noc@a.example"),
        "the admin edits the saved profile"
    );
    assert_eq!(page.field_value("revenue_krw").as_deref(), Some("7000000000000"));
    let tags = page.texts(".record .tag");
    assert_eq!(tags.iter().filter(|t| *t == "해당").count(), 3, "TBA 22-7, major operator and notice duty: {tags:?}");
    assert!(text.contains("47,000,000 명") || text.contains("일평균 이용자 47,000,000명"), "reason shown");

    // colleagues read but cannot change
    let officer = app.signed_in("officer@a.example").await?;
    let read = officer.get("/filing/organisation").await?;
    assert!(read.texts("main").join(" ").contains("가나다톡"));
    assert!(read.texts("main").join(" ").contains("noc@a.example"), "colleagues read the contacts");
    assert!(read.field_value("_revision").is_none(), "no edit form for an officer");
    assert_eq!(post_form(&officer, "/filing/organisation/service", &service).await?.status, 403);

    // another organisation sees its own (empty) profile and cannot delete ours
    let other = app.signed_in("admin@b.example").await?;
    let theirs = other.get("/filing/organisation").await?;
    assert!(!theirs.body.contains("가나다톡"));
    let id = page
        .body
        .split("/filing/organisation/records/")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or("0")
        .to_string();
    let delete = post_form(&other, &format!("/filing/organisation/records/{id}/delete"), &[]).await?;
    assert_eq!(delete.status, 404);
    assert!(admin
        .get("/filing/organisation")
        .await?
        .body
        .contains(&format!("/filing/organisation/records/{id}/delete")));
    // and the owner can
    assert_eq!(post_form(&admin, &format!("/filing/organisation/records/{id}/delete"), &[]).await?.status, 303);

    // roles: the admin makes the officer a signatory; the change takes effect at once
    let team = admin.get("/filing/organisation").await?;
    let ids: Vec<String> = team
        .body
        .split("/filing/organisation/team/")
        .skip(1)
        .filter_map(|r| r.split_once("/role").map(|(id, _)| id.to_string()))
        .collect();
    assert_eq!(ids.len(), 2, "every colleague but the admin themself: {ids:?}");
    assert!(officer.get("/filing/organisation").await?.texts(".whoami").join("").contains("신고 담당자"));
    for id in &ids {
        let resp =
            post_form(&admin, &format!("/filing/organisation/team/{id}/role"), &[("role", "operator_signatory")])
                .await?;
        assert_eq!(resp.status, 303);
    }
    // a signatory must use two-step verification: nothing else until it is set up
    let officer_now = officer.get("/filing/organisation").await?;
    assert_eq!(officer_now.location.as_deref(), Some("/account/two-step"), "held at two-step set-up");
    let held = officer.get("/account/two-step").await?;
    assert!(held.texts(".whoami").join("").contains("서명권자"), "the officer is now a signatory");
    let bad = post_form(&admin, &format!("/filing/organisation/team/{}/role", ids[0]), &[("role", "reviewer")]).await?;
    assert_eq!(bad.status, 422, "ministry roles cannot be given");
    let other_org =
        post_form(&other, &format!("/filing/organisation/team/{}/role", ids[0]), &[("role", "operator_officer")])
            .await?;
    assert_eq!(other_org.status, 404, "another organisation's admin cannot touch our people");
    Ok(())
}
on_both_backends!(profile_db => admins_keep_the_profile_and_see_designations);

async fn admins_add_colleagues_who_then_choose_their_own_password(app: &TestApp) -> anyhow::Result<()> {
    let admin = app.signed_in("admin@a.example").await?;
    let add = |fields: Vec<(&'static str, &'static str)>| {
        let admin = &admin;
        async move {
            let mut all = vec![("_form", "member")];
            all.extend(fields);
            post_form(admin, "/filing/organisation/team", &all).await
        }
    };
    let nameless = add(vec![("member_email", "new@a.example"), ("member_role", "operator_signatory")]).await?;
    assert_eq!(nameless.status, 422);
    assert!(!nameless.texts("#member_name-error").join("").is_empty());
    assert_eq!(nameless.field_value("member_email").as_deref(), Some("new@a.example"), "the rest is kept");
    let taken =
        add(vec![("member_name", "중복"), ("member_email", "Officer@A.example"), ("member_role", "operator_officer")])
            .await?;
    assert_eq!(taken.status, 422);
    assert!(taken.texts("#member_email-error").join("").contains("이미 우리 기관 구성원"));
    // an address with an account elsewhere (another organisation, the ministry) gets the same
    // answer as a new one: adding a member never tells whether an address exists elsewhere
    for elsewhere in ["officer@b.example", "reviewer@msit.example", "nobody@nowhere.example"] {
        let invited =
            add(vec![("member_name", "다른 곳"), ("member_email", elsewhere), ("member_role", "operator_officer")])
                .await?;
        assert_eq!(
            (invited.status, invited.location.as_deref()),
            (303, Some("/filing/organisation?invited=1#team-title")),
            "{elsewhere}"
        );
        assert!(link_sent_to(app, elsewhere, "invitation").await?.is_some(), "{elsewhere} is e-mailed a link");
    }
    let ok = add(vec![
        ("member_name", "새 서명권자"),
        ("member_email", "new@a.example"),
        ("member_role", "operator_signatory"),
    ])
    .await?;
    assert_eq!(ok.status, 303);
    let officer = app.signed_in("officer@a.example").await?;
    let denied = post_form(
        &officer,
        "/filing/organisation/team",
        &[
            ("_form", "member"),
            ("member_name", "x"),
            ("member_email", "x@a.example"),
            ("member_role", "operator_admin"),
        ],
    )
    .await?;
    assert_eq!(denied.status, 403, "only the admin adds people");
    let team = admin.get("/filing/organisation").await?;
    assert!(team.texts("#invitations-title ~ div table tbody tr").join(" ").contains("new@a.example"), "invited");

    // the link: a weak or mistyped password is refused beside its field, then the account is
    // made with the chosen one
    let link = link_sent_to(app, "new@a.example", "invitation").await?.unwrap_or_default();
    assert!(link.starts_with("/login/invitation/"), "{link}");
    let newbie = app.client();
    let page = newbie.get(&link).await?;
    assert!(page.body.contains("새 서명권자") && page.body.contains("new@a.example"), "whose link it is");
    let short = newbie.submit(&link, &link, &[("new_password", "short"), ("confirm_password", "short")]).await?;
    assert_eq!(short.status, 422);
    assert!(short.texts("#new_password-error").join("").contains("12자"));
    let differ = newbie
        .submit(&link, &link, &[("new_password", "my own long password"), ("confirm_password", "my own long passwort")])
        .await?;
    assert_eq!(differ.status, 422);
    assert!(differ.texts("#confirm_password-error").join("").contains("다릅니다"));
    let done = newbie
        .submit(&link, &link, &[("new_password", "my own long password"), ("confirm_password", "my own long password")])
        .await?;
    assert_eq!((done.status, done.location.as_deref()), (303, Some("/login?joined=1")));
    let signed = app.client();
    assert_eq!(signed.login("new@a.example", "my own long password").await?.status, 303);
    app.set_up_two_step(&signed, "new@a.example").await?;
    assert!(signed.get("/filing").await?.texts(".whoami").join("").contains("서명권자"), "a signatory of A");
    // the link worked once
    assert!(newbie.get(&link).await?.body.contains("더 이상 쓸 수 없습니다"));
    // its page has no form any more; a post made anyway sets nothing
    let late = app.client();
    let token = late.get("/login").await?.csrf().unwrap_or_default();
    let pw = "another long password";
    let again = late.post(&link, &[("_csrf", &token), ("new_password", pw), ("confirm_password", pw)]).await?;
    assert_eq!(again.location.as_deref(), Some(link.as_str()), "a used link sets nothing");
    assert_eq!(app.client().login("new@a.example", "another long password").await?.status, 401);
    let team = admin.get("/filing/organisation").await?;
    let pending = team.texts("#invitations-title ~ div table tbody tr").join(" ");
    assert!(!pending.contains("new@a.example") && pending.contains("nobody@nowhere.example"), "taken up: {pending}");

    // an address with an account elsewhere: its link changes nothing of that account
    let theirs = link_sent_to(app, "officer@b.example", "invitation").await?.unwrap_or_default();
    let used = choose_password(app, &theirs, "long enough password").await?;
    assert_eq!(used.location.as_deref(), Some("/login?exists=1"));
    assert_eq!(app.client().login("officer@b.example", "long enough password").await?.status, 401);
    let b = app.signed_in("officer@b.example").await?;
    assert!(b.get("/filing").await?.body.contains("라마바"), "still of organisation B");

    // inviting again revokes the earlier link; a tampered token and an expired link are dead
    let first = link_sent_to(app, "nobody@nowhere.example", "invitation").await?.unwrap_or_default();
    add(vec![("member_name", "다시"), ("member_email", "nobody@nowhere.example"), ("member_role", "operator_officer")])
        .await?;
    let second = link_sent_to(app, "nobody@nowhere.example", "invitation").await?.unwrap_or_default();
    assert_ne!(first, second);
    assert!(app.client().get(&first).await?.body.contains("더 이상 쓸 수 없습니다"), "revoked");
    let mut tampered = second.clone();
    let last = if tampered.ends_with('0') { '1' } else { '0' };
    tampered.pop();
    tampered.push(last);
    assert!(app.client().get(&tampered).await?.body.contains("더 이상 쓸 수 없습니다"), "tampered");
    assert!(!app.client().get(&second).await?.body.contains("더 이상 쓸 수 없습니다"), "the newest works");
    app.state.clock.advance(72 * 3600 + 1);
    assert!(app.client().get(&second).await?.body.contains("더 이상 쓸 수 없습니다"), "expired after 72 h");
    assert_eq!(app.client().get("/account/password").await?.status, 303, "anonymous visitors are sent to sign in");
    Ok(())
}
on_both_backends!(members_db => admins_add_colleagues_who_then_choose_their_own_password);
