//! Administration (issue #12), on SQLite and PostgreSQL: the system administrator creates an
//! organisation (its first admin is e-mailed an invitation), edits it, deactivates it (its
//! people are signed out at once and cannot sign in; its filings stay) and reactivates it;
//! invites ministry staff, changes their role, disables them. Every action is audited and
//! readable at /admin/audit; nobody else reaches any of it.

use outage_desk_tests::*;

const ORG: [(&str, &str); 11] = [
    ("slug", "seoul-cloud"),
    ("name_ko", "서울클라우드"),
    ("name_en", "Seoul Cloud"),
    ("legal_name_ko", "서울클라우드 주식회사"),
    ("legal_name_en", "Seoul Cloud Co., Ltd."),
    ("biz_reg_no", "220-81-00000"),
    ("contact_name", "상황실"),
    ("contact_phone", "02-123-4567"),
    ("contact_email", "noc@seoul-cloud.example"),
    ("admin_name", "최관리"),
    ("admin_email", "Admin@Seoul-Cloud.example"),
];

async fn organisations_are_created_edited_and_deactivated(app: &TestApp) -> anyhow::Result<()> {
    let sys = app.signed_in("sysadmin@desk.example").await?;
    let page = "/admin/organisations";
    // a bad form keeps what was typed and names each problem beside its field
    let mut bad: Vec<(&str, &str)> = ORG.to_vec();
    bad[0] = ("slug", "Seoul Cloud!");
    bad[10] = ("admin_email", "not-an-address");
    let refused = sys.submit(page, page, &bad).await?;
    assert_eq!(refused.status, 422);
    assert!(
        !refused.texts("#slug-error").join("").is_empty() && !refused.texts("#admin_email-error").join("").is_empty()
    );
    assert_eq!(refused.field_value("legal_name_ko").as_deref(), Some("서울클라우드 주식회사"));
    let taken: Vec<(&str, &str)> = ORG.iter().map(|&(k, v)| if k == "slug" { (k, "org-a") } else { (k, v) }).collect();
    let clash = sys.submit(page, page, &taken).await?;
    assert_eq!(clash.status, 422);
    assert!(clash.texts("#slug-error").join("").contains("이미 쓰는"), "{:?}", clash.texts("#slug-error"));

    let created = sys.submit(page, page, &ORG).await?;
    assert_eq!(
        (created.status, created.location.as_deref()),
        (303, Some("/admin/organisations/seoul-cloud?created=1"))
    );
    let shown = sys.get("/admin/organisations/seoul-cloud").await?;
    assert!(shown.body.contains("admin@seoul-cloud.example") && shown.body.contains("220-81-00000"));
    assert!(sys.get("/admin/organisations?q=클라우드").await?.body.contains("/admin/organisations/seoul-cloud"));
    assert!(!sys.get("/admin/organisations?q=zzz").await?.body.contains("/admin/organisations/seoul-cloud"));

    // the first admin follows the link, signs in, and sees the profile as the administrator set it
    let link = link_sent_to(app, "admin@seoul-cloud.example", "invitation").await?.unwrap_or_default();
    assert_eq!(choose_password(app, &link, "seoul cloud admin pw").await?.location.as_deref(), Some("/login?joined=1"));
    let their_admin = app.client();
    assert_eq!(their_admin.login("admin@seoul-cloud.example", "seoul cloud admin pw").await?.status, 303);
    let profile = their_admin.get("/filing/organisation").await?;
    assert!(profile.body.contains("서울클라우드 주식회사") && profile.body.contains("noc@seoul-cloud.example"));

    // editing keeps the profile's other answers
    let mut edit: Vec<(&str, &str)> = ORG[1..9].to_vec();
    edit[0] = ("name_ko", "서울클라우드 (주)");
    let saved = sys.submit("/admin/organisations/seoul-cloud", "/admin/organisations/seoul-cloud", &edit).await?;
    assert_eq!(saved.status, 303);
    assert!(sys.get("/admin/organisations/seoul-cloud").await?.body.contains("서울클라우드 (주)"));

    // deactivation asks for a reason and a tick, then signs its people out at once
    let act = "/admin/organisations/seoul-cloud/active";
    let unconfirmed = sys.submit("/admin/organisations/seoul-cloud", act, &[("active", "no"), ("reason", "")]).await?;
    assert_eq!(unconfirmed.status, 422);
    assert!(
        !unconfirmed.texts("#reason-error").join("").is_empty()
            && !unconfirmed.texts("#confirm-error").join("").is_empty()
    );
    assert_eq!(their_admin.get("/filing").await?.status, 200, "nothing happened yet");
    let off = [("active", "no"), ("reason", "폐업 신고 <script>x</script>"), ("confirm", "yes")];
    assert_eq!(sys.submit("/admin/organisations/seoul-cloud", act, &off).await?.status, 303);
    assert_eq!(their_admin.get("/filing").await?.status, 303, "signed out at once");
    assert_eq!(app.client().login("admin@seoul-cloud.example", "seoul cloud admin pw").await?.status, 401);
    let on = [("active", "yes"), ("reason", "재개"), ("confirm", "yes")];
    assert_eq!(sys.submit("/admin/organisations/seoul-cloud", act, &on).await?.status, 303);
    assert_eq!(app.client().login("admin@seoul-cloud.example", "seoul cloud admin pw").await?.status, 303);

    // every step is in the audit log the administrator reads (as text)
    let audit = sys.get("/admin/audit?kind=admin.").await?;
    for words in ["기관 등록", "기관 정보 수정", "기관 사용 중지", "기관 다시 사용"] {
        assert!(audit.body.contains(words), "{words}");
    }
    assert!(!audit.body.contains("<script>x</script>") && audit.body.contains("&lt;script&gt;"), "escaped");
    for who in ["admin@a.example", "lead@msit.example", "officer@a.example"] {
        let c = app.signed_in(who).await?;
        for path in ["/admin", "/admin/organisations", "/admin/audit", "/admin/staff"] {
            assert_eq!(c.get(path).await?.status, 403, "{who} {path}");
        }
        assert_eq!(c.submit("/", page, &ORG).await?.status, 403, "{who} cannot create");
    }
    Ok(())
}
on_both_backends!(organisations_db => organisations_are_created_edited_and_deactivated);

async fn ministry_staff_are_invited_and_managed(app: &TestApp) -> anyhow::Result<()> {
    let sys = app.signed_in("sysadmin@desk.example").await?;
    let page = "/admin/staff";
    let bad =
        sys.submit(page, page, &[("name", "박심사"), ("email", "p@msit.example"), ("role", "system_admin")]).await?;
    assert_eq!(bad.status, 422, "only reviewers and leads are invited here");
    let ok = sys.submit(page, page, &[("name", "박심사"), ("email", "P@msit.example"), ("role", "reviewer")]).await?;
    assert_eq!(ok.location.as_deref(), Some("/admin/staff?invited=1"));
    let link = link_sent_to(app, "p@msit.example", "invitation").await?.unwrap_or_default();
    assert_eq!(
        choose_password(app, &link, "reviewer park password").await?.location.as_deref(),
        Some("/login?joined=1")
    );
    let park = app.client();
    assert_eq!(park.login("p@msit.example", "reviewer park password").await?.status, 303);
    // a reviewer must set up two-step verification before anything else
    let held = park.get("/review").await?;
    assert_eq!((held.status, held.location.as_deref()), (303, Some("/account/two-step")));
    app.set_up_two_step(&park, "p@msit.example").await?;
    assert_eq!(park.get("/review").await?.status, 200, "a reviewer now");
    let id = server::storage::users::credentials(&app.state.db, "p@msit.example").await?.map(|c| c.id).unwrap_or(0);
    let role = sys.submit(page, &format!("/admin/staff/{id}/role"), &[("role", "review_lead")]).await?;
    assert_eq!(role.status, 303);
    assert!(park.get("/review").await?.texts(".whoami").join("").contains("검토 책임자"), "a lead now");
    let off = sys.submit(page, &format!("/admin/staff/{id}/access"), &[("access", "disable")]).await?;
    assert_eq!(off.status, 303);
    assert_eq!(park.get("/review").await?.status, 303, "disabled: signed out at once");
    assert_eq!(app.client().login("p@msit.example", "reviewer park password").await?.status, 401);
    // an operator's account is not staff: not found here
    let officer =
        server::storage::users::credentials(&app.state.db, "officer@a.example").await?.map(|c| c.id).unwrap_or(0);
    assert_eq!(
        sys.submit(page, &format!("/admin/staff/{officer}/access"), &[("access", "disable")]).await?.status,
        404
    );
    let audit = sys.get("/admin/audit?kind=admin.staff").await?;
    for words in ["부처 직원 초대", "부처 직원 역할 변경", "부처 직원 사용 중지"] {
        assert!(audit.body.contains(words), "{words}");
    }
    Ok(())
}
on_both_backends!(staff_db => ministry_staff_are_invited_and_managed);
