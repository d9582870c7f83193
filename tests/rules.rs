//! The legal rules as people meet them (issue #13), on SQLite and PostgreSQL: the public
//! `/rules` page lists every version with its effective instant and basis; the profile's
//! facts decide the designations shown on the organisation page; an incident exempt from the
//! user notice shows "not owed (exempt)" instead of an overdue clock, on the operator's page
//! and the ministry's case alike; the case page shows reportability with its basis.

use outage_desk_tests::*;

async fn post_org(c: &Client, action: &str, fields: &[(&str, &str)]) -> anyhow::Result<Page> {
    let page = c.get("/filing/organisation").await?;
    let mut all: Vec<(&str, &str)> = fields.to_vec();
    let token = page.csrf().unwrap_or_default();
    let revision = page.field_value("_revision").unwrap_or_default();
    all.push(("_csrf", &token));
    if fields.iter().any(|(k, v)| *k == "_form" && *v == "profile") {
        all.push(("_revision", &revision));
    }
    c.post(action, &all).await
}

const PROFILE: &[(&str, &str)] = &[
    ("_form", "profile"),
    ("legal_name_ko", "가나다 주식회사"),
    ("legal_name_en", "Ganada Corp."),
    ("biz_reg_no", "123-45-67890"),
    ("contact_name", "장애대응센터"),
    ("contact_phone", "02-000-0000"),
    ("contact_email", "noc@a.example"),
    ("dc_floor_m2", "30000"),
    ("dc_power_kw", "20000"),
    ("nis2_entity", "social_network"),
];

async fn the_rules_page_lists_every_version(app: &TestApp) -> anyhow::Result<()> {
    let page = app.client().get("/rules").await?;
    assert_eq!(page.status, 200);
    for text in [
        "Decree 37-13 (2020-12-10)",
        "Decree 37-13 (2025-03-28)",
        "2025-03-28 00:00 (한국 시간)부터",
        "FA-D 23② (2023-07-04)",
        "FA-D 23③ (2023-07-04)",
        "Impl. Reg. 2024/2690 (2024-10-18)",
        "RTS 2024/1772 (2025-01-17)",
        "2025-01-17 00:00 (브뤼셀 시간)부터",
        "47 CFR 4.9",
        "s105K",
        "KR-DC-01",
        "KR-UN-02",
    ] {
        assert!(page.body.contains(text), "/rules lacks {text}");
    }
    for catalog in ["2020-12-10", "2023-07-04", "2025-03-28"] {
        assert!(page.texts("caption").iter().any(|c| c.contains(&format!("의무 목록 {catalog}"))), "catalog {catalog}");
    }
    let en = app.client().get("/rules?lang=en").await?;
    assert!(en.body.contains("From 2025-03-28 00:00 (Korean time)") && en.body.contains("The rules we apply"));
    assert!(en.body.contains(r#"<html lang="en""#));
    // linked from every page's footer
    assert!(app.client().get("/").await?.body.contains(r#"href="/rules""#));
    Ok(())
}
on_both_backends!(rules_page_db => the_rules_page_lists_every_version);

async fn the_profile_decides_designations_and_exemptions(app: &TestApp) -> anyhow::Result<()> {
    // an incident whose users were not told: the notice clock runs from onset (January 2026)
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let incident = open_incident(&officer, "고지 없는 장애").await?;
    let mut sections = initial_sections("고지 없는 장애");
    for (slug, fields) in sections.iter_mut() {
        if *slug == "notice" {
            *fields = vec![("notice_sent", "no".to_string())];
        }
    }
    fill(&officer, &incident, &sections).await?;
    file_draft(&signatory, &incident).await?;
    let page = format!("/filing/incidents/{incident}");
    let before = officer.get(&page).await?;
    let notice_row =
        |p: &Page| p.texts(".clock-table tr").into_iter().find(|r| r.contains("이용자 고지")).unwrap_or_default();
    assert!(notice_row(&before).contains("기한 초과"), "without a profile the notice is owed: {}", notice_row(&before));

    // the admin records revenue under 100억원: the size exemption (case 3) applies
    let admin = app.signed_in("admin@a.example").await?;
    let mut profile = PROFILE.to_vec();
    profile.push(("revenue_krw", "9,000,000,000"));
    assert_eq!(post_org(&admin, "/filing/organisation", &profile).await?.status, 303);
    let after = officer.get(&page).await?;
    let row = notice_row(&after);
    assert!(row.contains("의무 없음 (면제)") && row.contains("면제 사유 3"), "{row}");
    assert!(!row.contains("기한 초과"), "{row}");
    // the ministry's case says the same, and shows reportability with its basis
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = reviewer.get(&format!("/review/incidents/{incident}")).await?;
    let case_row = notice_row(&case);
    assert!(case_row.contains("의무 없음 (면제)"), "{case_row}");
    assert!(case.body.contains(r#"id="reportability""#));
    assert!(case.body.contains("Decree 37-13 (2025-03-28)") || case.body.contains("Decree 37-13 (2020-12-10)"));

    // the organisation page: the data centre is big enough but revenue is not
    let org = admin.get("/filing/organisation").await?;
    let items = org.texts("#designations + p + ul li").join("\n");
    assert!(items.contains("데이터센터") && items.contains("FA-D 23③ (2023-07-04)"), "{items}");
    let dc =
        org.texts("#designations + p + ul li").into_iter().find(|l| l.contains("(데이터센터)")).unwrap_or_default();
    assert!(dc.contains("해당 없음"), "{dc}");
    // with revenue of 100억원 it is a major operator
    let mut rich = PROFILE.to_vec();
    rich.push(("revenue_krw", "10,000,000,000"));
    assert_eq!(post_org(&admin, "/filing/organisation", &rich).await?.status, 303);
    let org = admin.get("/filing/organisation").await?;
    let dc =
        org.texts("#designations + p + ul li").into_iter().find(|l| l.contains("(데이터센터)")).unwrap_or_default();
    assert!(dc.starts_with("해당 ") && !dc.contains("해당 없음"), "{dc}");
    // and the notice is owed again (no service says otherwise)
    assert!(notice_row(&officer.get(&page).await?).contains("기한 초과"));
    Ok(())
}
on_both_backends!(profile_db => the_profile_decides_designations_and_exemptions);

async fn a_free_service_owes_no_compensation_notice(app: &TestApp) -> anyhow::Result<()> {
    let admin = app.signed_in("admin@a.example").await?;
    let mut profile = PROFILE.to_vec();
    profile.push(("revenue_krw", "7,000,000,000,000"));
    assert_eq!(post_org(&admin, "/filing/organisation", &profile).await?.status, 303);
    let service = [
        ("_form", "service"),
        ("name_ko", "메신저"),
        ("name_en", "Messenger"),
        ("paid", "free"),
        ("daily_users", "47000000"),
        ("traffic_share_pct", "2.5"),
    ];
    assert_eq!(post_org(&admin, "/filing/organisation/service", &service).await?.status, 303);
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let incident = open_incident(&officer, "무료 메신저 장애").await?;
    let mut sections = initial_sections("무료 메신저 장애");
    for (slug, fields) in sections.iter_mut() {
        if *slug == "times" {
            fields.push(("restored_at", "2026-01-10T20:00".to_string()));
        }
    }
    fill(&officer, &incident, &sections).await?;
    file_draft(&signatory, &incident).await?;
    let page = officer.get(&format!("/filing/incidents/{incident}")).await?;
    let row = page.texts(".clock-table tr").into_iter().find(|r| r.contains("손해배상 안내 고지")).unwrap_or_default();
    assert!(row.contains("의무 없음 (면제)") && row.contains("무료 서비스"), "{row}");
    // reportability names the version and basis beside each regime
    let table = page.texts("table").join("\n");
    assert!(table.contains("전기통신사업법 시행령 제37조의13 (2025. 3. 28. 개정)"), "{table}");
    Ok(())
}
on_both_backends!(free_db => a_free_service_owes_no_compensation_notice);
