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
    let officer_now = officer.get("/filing/organisation").await?;
    assert!(officer_now.texts(".whoami").join("").contains("서명권자"), "the officer is now a signatory");
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
    let short = add(vec![
        ("member_name", "새 서명권자"),
        ("member_email", "new@a.example"),
        ("member_role", "operator_signatory"),
        ("member_password", "short"),
    ])
    .await?;
    assert_eq!(short.status, 422);
    assert!(short.texts("#member_password-error").join("").contains("12자"));
    assert_eq!(short.field_value("member_name").as_deref(), Some("새 서명권자"), "the rest is kept");
    assert_eq!(short.field_value("member_password").unwrap_or_default(), "", "a password is never echoed");
    let taken = add(vec![
        ("member_name", "중복"),
        ("member_email", "Officer@A.example"),
        ("member_role", "operator_officer"),
        ("member_password", "long enough password"),
    ])
    .await?;
    assert_eq!(taken.status, 422);
    assert!(taken.texts("#member_email-error").join("").contains("이미 우리 기관 구성원"));
    // an address with an account elsewhere (another organisation, the ministry) gets the same
    // answer as a new one: adding a member never tells whether an address exists elsewhere
    for elsewhere in ["officer@b.example", "reviewer@msit.example", "nobody@nowhere.example"] {
        let invited = add(vec![
            ("member_name", "다른 곳"),
            ("member_email", elsewhere),
            ("member_role", "operator_officer"),
            ("member_password", "long enough password"),
        ])
        .await?;
        assert_eq!(
            (invited.status, invited.location.as_deref()),
            (303, Some("/filing/organisation?invited=1#team-title")),
            "{elsewhere}"
        );
    }
    // the invitation does not give anyone else's account a new password or organisation
    assert_eq!(app.client().login("officer@b.example", "long enough password").await?.status, 401);
    assert_eq!(app.client().login("officer@b.example", PASSWORD).await?.status, 303);
    let ok = add(vec![
        ("member_name", "새 서명권자"),
        ("member_email", "new@a.example"),
        ("member_role", "operator_signatory"),
        ("member_password", "first password 2026"),
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
            ("member_password", "long enough password"),
        ],
    )
    .await?;
    assert_eq!(denied.status, 403, "only the admin adds people");

    let team = admin.get("/filing/organisation").await?;
    assert!(team.texts("#invitations-title ~ div table tbody tr").join(" ").contains("new@a.example"), "invited");

    // the new colleague signs in with the first password, which makes the account; nothing
    // but choosing a new password is allowed until then
    let newbie = app.client();
    let resp = newbie.login("new@a.example", "first password 2026").await?;
    assert_eq!((resp.status, resp.location.as_deref()), (303, Some("/filing")));
    let held = newbie.get("/filing").await?;
    assert_eq!((held.status, held.location.as_deref()), (303, Some("/account/password?first=1")));
    assert!(newbie.get("/account/password?first=1").await?.body.contains("처음 비밀번호"));
    // and changes the password: the current one must be right, the new one typed twice
    let change = |current: &'static str, new: &'static str, confirm: &'static str| {
        let newbie = &newbie;
        async move {
            newbie
                .submit(
                    "/account/password",
                    "/account/password",
                    &[("current_password", current), ("new_password", new), ("confirm_password", confirm)],
                )
                .await
        }
    };
    let wrong = change("not it", "my own long password", "my own long password").await?;
    assert_eq!(wrong.status, 422);
    assert!(wrong.texts("#current_password-error").join("").contains("현재 비밀번호"));
    let differ = change("first password 2026", "my own long password", "my own long passwort").await?;
    assert_eq!(differ.status, 422);
    assert!(differ.texts("#confirm_password-error").join("").contains("다릅니다"));
    let done = change("first password 2026", "my own long password", "my own long password").await?;
    assert_eq!((done.status, done.location.as_deref()), (303, Some("/account/password?changed=1")));
    assert!(newbie.get("/filing").await?.texts(".whoami").join("").contains("서명권자"), "a signatory of A");
    let team = admin.get("/filing/organisation").await?;
    let pending = team.texts("#invitations-title ~ div table tbody tr").join(" ");
    assert!(!pending.contains("new@a.example") && pending.contains("nobody@nowhere.example"), "taken up: {pending}");
    assert_eq!(
        app.client().login("new@a.example", "first password 2026").await?.status,
        401,
        "the old password no longer works"
    );
    assert_eq!(app.client().login("new@a.example", "my own long password").await?.status, 303);
    assert_eq!(app.client().get("/account/password").await?.status, 303, "anonymous visitors are sent to sign in");
    Ok(())
}
on_both_backends!(members_db => admins_add_colleagues_who_then_choose_their_own_password);
