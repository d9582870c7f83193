//! The operator side over HTTP, on SQLite and PostgreSQL: staged filing with drafts,
//! concurrency, signatory submission, versions and diffs, attachments, and tenant isolation.

use outage_desk_tests::*;
use server::storage::audit;

async fn db_scalar(app: &TestApp, sql: &str, reference: &str) -> anyhow::Result<String> {
    Ok(server::with_pool!(&app.state.db, |p| sqlx::query_scalar::<_, String>(sql).bind(reference).fetch_one(p).await)?)
}

async fn three_stages_end_to_end(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let incident = open_incident(&officer, "전원 장애로 메신저 중단").await?;
    let page = officer.get(&format!("/filing/incidents/{incident}")).await?;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts(".task-list .task").len(), 9, "every section on the task list");
    assert!(page.texts(".task-list .tag").iter().any(|t| t == "시작 전"));

    fill(&officer, &incident, &initial_sections("전원 장애로 메신저 중단")).await?;
    let page = officer.get(&format!("/filing/incidents/{incident}")).await?;
    assert!(
        page.texts(".task-list .tag").iter().filter(|t| *t == "완료").count() >= 7,
        "{:?}",
        page.texts(".task-list .tag")
    );
    // the drafter sees the answers but cannot submit
    let check = officer.get(&format!("/filing/incidents/{incident}/draft/check")).await?;
    assert_eq!(check.status, 200);
    assert!(check.field_value("sha256").is_none(), "no submit form for an officer");
    assert!(check.body.contains("서명권자만"));
    assert!(check.body.contains("1,200,000"), "answers shown as read");

    let v1 = file_draft(&signatory, &incident).await?;
    assert_eq!(v1, format!("{incident}-01"));
    let confirm = signatory.get(&format!("/filing/filings/{v1}?received=1")).await?;
    assert!(confirm.texts(".panel-confirmation h1").iter().any(|t| t.contains("접수")));
    assert!(confirm.body.contains("준법감시인"), "signatory's title recorded");
    assert!(confirm.body.contains("officer@a.example"), "drafter recorded");
    assert_eq!(audit::count(&app.state.db, app::domain::audit::AuditAction::FilingSubmitted, &v1).await?, 1);
    let sql = "SELECT approved_sha256 FROM filings WHERE reference = $1";
    assert_eq!(
        db_scalar(app, sql, &v1).await?,
        db_scalar(app, "SELECT content_sha256 FROM filings WHERE reference = $1", &v1).await?
    );

    // interim update: carries forward what was filed
    assert_eq!(start_stage(&officer, &incident, "interim").await?.status, 303);
    let impact = officer.get(&format!("/filing/incidents/{incident}/draft/impact")).await?;
    assert_eq!(impact.field_value("users_affected").as_deref(), Some("1200000"), "carried forward");
    fill(&officer, &incident, &interim_sections()).await?;
    let v2 = file_draft(&signatory, &incident).await?;
    assert_eq!(v2, format!("{incident}-02"));

    // field-level diff between the versions
    let diff = officer.get(&format!("/filing/incidents/{incident}/compare?from=1&to=2")).await?;
    assert_eq!(diff.status, 200);
    let rows = diff.texts("tbody tr");
    assert!(
        rows.iter().any(|r| r.contains("영향받은 이용자 수") && r.contains("1,200,000") && r.contains("1,500,000")),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r.contains("경보 발생")), "timeline row added: {rows:?}");
    assert!(!rows.iter().any(|r| r.contains("원인 분류")), "unchanged fields are not listed");

    // the final report, then only amendments may follow
    assert_eq!(start_stage(&officer, &incident, "final").await?.status, 303);
    let check = signatory.get(&format!("/filing/incidents/{incident}/draft/check")).await?;
    assert!(check.field_value("sha256").is_none(), "the final report needs more before it can be filed");
    assert!(check.texts(".error-summary li").iter().any(|t| t.contains("복구 완료 시각")));
    fill(&officer, &incident, &final_sections()).await?;
    let v3 = file_draft(&signatory, &incident).await?;
    assert_eq!(v3, format!("{incident}-03"));
    let page = officer.get(&format!("/filing/incidents/{incident}")).await?;
    assert_eq!(page.texts("#versions-title + .table-scroll tbody tr").len(), 3);
    assert!(page.body.contains("최종 보고 정정"), "amendment offered");
    assert!(!page.body.contains("중간 보고 작성"), "no interim after the final report");
    let refused = officer
        .submit(
            &format!("/filing/incidents/{incident}"),
            &format!("/filing/incidents/{incident}/draft"),
            &[("stage", "interim")],
        )
        .await?;
    assert_eq!(refused.status, 409);
    // the PDF of the final report prints the prevention items
    assert_eq!(officer.get(&format!("/filing/filings/{v3}/pdf")).await?.status, 200);
    // the final report does not close the incident: the ministry's case is still open, and
    // both sides say so in the same words
    let dash = officer.get("/filing").await?;
    assert!(dash.body.contains(&incident));
    let filed_final = "최종 보고 제출 · 부처 검토 중";
    assert!(dash.texts(".tag").iter().any(|t| t == filed_final), "{:?}", dash.texts(".tag"));
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    assert!(reviewer.get(&case).await?.texts(".tag").iter().any(|t| t == filed_final), "the case page agrees");
    assert!(reviewer.get("/review").await?.texts(".tag").iter().any(|t| t == filed_final), "so does the queue");
    // once the ministry closes its case, the dashboard says closed
    let close = [("close_note", "최종 보고 검토 완료"), ("confirm", "yes")];
    assert_eq!(reviewer.submit(&format!("{case}/close"), &format!("{case}/close"), &close).await?.status, 303);
    let dash = officer.get("/filing").await?;
    assert!(dash.texts(".tag").iter().any(|t| t == "부처 종결"), "{:?}", dash.texts(".tag"));
    Ok(())
}
on_both_backends!(three_stages_db => three_stages_end_to_end);

async fn bad_values_are_kept_flagged_and_block_submission(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let incident = open_incident(&officer, "잘못된 입력").await?;
    fill(&officer, &incident, &initial_sections("잘못된 입력")).await?;
    let bad = [
        ("impact_type", "complete_unavailability".to_string()),
        ("users_affected", "9000000".to_string()),
        ("estimation_basis", "measured".to_string()),
        ("service_users", "5000000".to_string()),
        ("regions", "전국".to_string()),
    ];
    let resp = save_section(&officer, &incident, "impact", &bad).await?;
    assert_eq!(resp.status, 303);
    let here = resp.location.unwrap_or_default();
    assert!(here.ends_with("/draft/impact?saved=1"), "stays on the section: {here}");
    let shown = officer.get(&here).await?;
    assert!(shown.texts("#users_affected-error").join("").contains("서비스 이용자 수보다 많을 수 없습니다"));
    assert_eq!(shown.field_value("users_affected").as_deref(), Some("9000000"), "kept as typed");
    assert_eq!(shown.field_value("regions").as_deref(), Some("전국"), "the rest kept too");
    let times = [
        ("onset_at", "2026-01-10T09:00".to_string()),
        ("detected_at", "어제 오후".to_string()),
        ("detection_source", "monitoring".to_string()),
    ];
    save_section(&officer, &incident, "times", &times).await?;
    let shown = officer.get(&format!("/filing/incidents/{incident}/draft/times?saved=1")).await?;
    assert!(shown.texts("#detected_at-error").join("").contains("YYYY-MM-DD"));
    assert_eq!(shown.field_value("detected_at").as_deref(), Some("어제 오후"));
    // other sections are untouched
    let summary = officer.get(&format!("/filing/incidents/{incident}/draft/summary")).await?;
    assert_eq!(summary.field_value("title").as_deref(), Some("잘못된 입력"));
    // the check page lists both problems and offers no submission; a forced post files nothing
    let check = signatory.get(&format!("/filing/incidents/{incident}/draft/check")).await?;
    let problems = check.texts(".error-summary li");
    assert_eq!(problems.len(), 2, "{problems:?}");
    let links =
        check.body.matches(&format!("/filing/incidents/{incident}/draft/impact?check=1#users_affected")).count();
    assert_eq!(links, 1, "the summary links to the field on its section page");
    assert!(check.field_value("sha256").is_none());
    let token = check.csrf().unwrap_or_default();
    let forced = signatory
        .post(
            &format!("/filing/incidents/{incident}/draft/submit"),
            &[("_csrf", token.as_str()), ("sha256", "x"), ("attest", "yes"), ("signatory_title", "x")],
        )
        .await?;
    assert_eq!(forced.status, 303);
    assert!(officer.get(&format!("/filing/filings/{incident}-01")).await?.status == 404, "nothing filed");
    Ok(())
}
on_both_backends!(bad_values_db => bad_values_are_kept_flagged_and_block_submission);

async fn concurrent_edits_never_silently_overwrite(app: &TestApp) -> anyhow::Result<()> {
    let first = app.signed_in("officer@a.example").await?;
    let second = app.signed_in("signatory@a.example").await?;
    let incident = open_incident(&first, "동시 편집").await?;
    let path = format!("/filing/incidents/{incident}/draft/response");
    // both open the same section at the same revision
    let page_a = first.get(&path).await?;
    let page_b = second.get(&path).await?;
    assert_eq!(page_a.field_value("_revision"), page_b.field_value("_revision"));
    let post = |c: &Client, page: &Page, text: &str| {
        let fields = vec![
            ("_csrf".to_string(), page.csrf().unwrap_or_default()),
            ("_revision".to_string(), page.field_value("_revision").unwrap_or_default()),
            ("emergency_measures".to_string(), text.to_string()),
        ];
        let c = c.http.clone();
        let url = format!("{}{path}", app.base);
        async move { c.post(url).form(&fields).send().await }
    };
    let a = post(&first, &page_a, "A가 입력한 조치").await?;
    assert_eq!(a.status().as_u16(), 303);
    let b = post(&second, &page_b, "B가 입력한 조치").await?;
    assert_eq!(b.status().as_u16(), 409, "second save refused");
    let body = b.text().await?;
    assert!(body.contains("다른 사람이 이 초안을 저장했습니다"), "clear message");
    assert!(body.contains("B가 입력한 조치"), "what B typed is shown again");
    let stored = first.get(&path).await?;
    assert_eq!(stored.field_value("emergency_measures").as_deref(), Some("A가 입력한 조치"), "A's save stands");
    // B saves again knowingly, from the re-shown form (which carries the current revision)
    let again =
        save_section(&second, &incident, "response", &[("emergency_measures", "B가 확인 후 입력".to_string())]).await?;
    assert_eq!(again.status, 303);
    assert_eq!(first.get(&path).await?.field_value("emergency_measures").as_deref(), Some("B가 확인 후 입력"));
    Ok(())
}
on_both_backends!(concurrency_db => concurrent_edits_never_silently_overwrite);

async fn only_a_signatory_files_exactly_what_they_approved(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let incident = open_incident(&officer, "서명 확인").await?;
    fill(&officer, &incident, &initial_sections("서명 확인")).await?;
    let check_path = format!("/filing/incidents/{incident}/draft/check");
    let submit_path = format!("/filing/incidents/{incident}/draft/submit");
    let check = signatory.get(&check_path).await?;
    let sha = check.field_value("sha256").unwrap_or_default();
    assert_eq!(sha.len(), 64);
    // an officer cannot submit even with the right hash
    let token = officer.get(&check_path).await?.csrf().unwrap_or_default();
    let denied = officer
        .post(
            &submit_path,
            &[("_csrf", token.as_str()), ("sha256", sha.as_str()), ("attest", "yes"), ("signatory_title", "x")],
        )
        .await?;
    assert_eq!(denied.status, 403);
    // the declaration and title are required, and shown beside their fields
    let token = check.csrf().unwrap_or_default();
    let missing = signatory
        .post(&submit_path, &[("_csrf", token.as_str()), ("sha256", sha.as_str()), ("signatory_title", "")])
        .await?;
    assert_eq!(missing.status, 422);
    assert!(missing.texts("#attest-error").join("").contains("확인란"));
    assert!(missing.texts("#signatory_title-error").join("").contains("필수"));
    // the draft changes after the signatory looked: their approval no longer matches
    save_section(
        &officer,
        &incident,
        "response",
        &[("emergency_measures", "바뀐 조치".to_string()), ("recovery_plan", "계획".to_string())],
    )
    .await?;
    let stale = signatory
        .post(
            &submit_path,
            &[
                ("_csrf", token.as_str()),
                ("sha256", sha.as_str()),
                ("attest", "yes"),
                ("signatory_title", "준법감시인"),
            ],
        )
        .await?;
    assert_eq!(stale.status, 409);
    assert!(stale.body.contains("검토하신 뒤 초안이 바뀌었습니다"));
    assert_eq!(signatory.get(&format!("/filing/filings/{incident}-01")).await?.status, 404, "nothing filed");
    // looking again and submitting files it
    let filed = file_draft(&signatory, &incident).await?;
    let version = signatory.get(&format!("/filing/filings/{filed}")).await?;
    assert!(version.body.contains("바뀐 조치"));
    Ok(())
}
on_both_backends!(signatory_db => only_a_signatory_files_exactly_what_they_approved);

async fn another_organisation_can_neither_read_nor_write(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let (incident, filing) = file_initial(&officer, &signatory, "A사 내부 장애").await?;
    start_stage(&officer, &incident, "interim").await?;
    let pdf = b"%PDF-1.4\n% evidence\n".to_vec();
    let part = reqwest::multipart::Part::bytes(pdf).file_name("rca.pdf");
    let token = officer.get(&format!("/filing/incidents/{incident}")).await?.csrf().unwrap_or_default();
    let form = reqwest::multipart::Form::new().text("_csrf", token).text("description", "RCA").part("file", part);
    let up = officer
        .http
        .post(format!("{}/filing/incidents/{incident}/attachments", app.base))
        .multipart(form)
        .send()
        .await?;
    assert_eq!(up.status().as_u16(), 303);
    let page = officer.get(&format!("/filing/incidents/{incident}")).await?;
    let link = page
        .body
        .split(&format!("/filing/incidents/{incident}/attachments/"))
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or("")
        .to_string();
    assert_eq!(link.len(), 32, "attachment listed with an unguessable id");
    let download = format!("/filing/incidents/{incident}/attachments/{link}");

    let other = app.signed_in("officer@b.example").await?;
    for path in [
        format!("/filing/incidents/{incident}"),
        format!("/filing/incidents/{incident}/draft/summary"),
        format!("/filing/incidents/{incident}/draft/check"),
        format!("/filing/incidents/{incident}/compare?from=1&to=1"),
        format!("/filing/filings/{filing}"),
        download.clone(),
    ] {
        assert_eq!(other.get(&path).await?.status, 404, "GET {path}");
    }
    let token = other.get("/filing").await?.csrf().unwrap_or_default();
    for (path, fields) in [
        (format!("/filing/incidents/{incident}/draft/summary"), vec![("title", "B가 바꿈"), ("_revision", "1")]),
        (format!("/filing/incidents/{incident}/draft"), vec![("stage", "final")]),
        (format!("/filing/incidents/{incident}/draft/submit"), vec![("attest", "yes")]),
    ] {
        let mut all = fields.clone();
        all.push(("_csrf", token.as_str()));
        let status = other.post(&path, &all).await?.status;
        assert!(status == 404 || status == 403, "POST {path} answered {status}");
    }
    let b_sign = app.signed_in("officer@b.example").await?;
    assert!(!b_sign.get("/filing").await?.body.contains(&incident), "not listed");
    let summary = officer.get(&format!("/filing/incidents/{incident}/draft/summary")).await?;
    assert_eq!(summary.field_value("title").as_deref(), Some("A사 내부 장애"), "A's draft unchanged");
    // guessing an attachment id of the right shape finds nothing either
    assert_eq!(officer.get(&format!("/filing/incidents/{incident}/attachments/{}", "0".repeat(32))).await?.status, 404);
    Ok(())
}
on_both_backends!(tenancy_db => another_organisation_can_neither_read_nor_write);

async fn evidence_files_are_checked_hashed_and_served_back(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let incident = open_incident(&officer, "증빙").await?;
    let upload = |name: &'static str, bytes: Vec<u8>, description: &'static str| {
        let officer = &officer;
        let incident = incident.clone();
        async move {
            let token = officer.get(&format!("/filing/incidents/{incident}")).await?.csrf().unwrap_or_default();
            let form = reqwest::multipart::Form::new()
                .text("_csrf", token)
                .text("description", description)
                .part("file", reqwest::multipart::Part::bytes(bytes).file_name(name));
            let resp = officer
                .http
                .post(format!("{}/filing/incidents/{incident}/attachments", app.base))
                .multipart(form)
                .send()
                .await?;
            let status = resp.status().as_u16();
            Ok::<_, anyhow::Error>((status, resp.text().await?))
        }
    };
    let png = b"\x89PNG\r\n\x1a\nfake image data".to_vec();
    let (status, _) = upload("공지 화면.png", png.clone(), "이용자 공지 화면").await?;
    assert_eq!(status, 303);
    let (status, body) = upload("tool.exe", b"MZ\x90\x00\x03".to_vec(), "실행 파일").await?;
    assert_eq!(status, 422);
    assert!(body.contains("PDF, PNG, JPEG"), "type refused with a message");
    assert!(body.contains("실행 파일"), "description kept");
    let (status, body) = upload("big.txt", vec![b'a'; 10 * 1024 * 1024 + 1], "큰 파일").await?;
    assert_eq!(status, 422);
    assert!(body.contains("10MB"));
    let (status, body) = upload("empty.txt", b"hello".to_vec(), "").await?;
    assert_eq!(status, 422);
    assert!(body.contains("필수"));

    let page = officer.get(&format!("/filing/incidents/{incident}")).await?;
    let id = page
        .body
        .split(&format!("/filing/incidents/{incident}/attachments/"))
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or("")
        .to_string();
    let file = officer.get(&format!("/filing/incidents/{incident}/attachments/{id}")).await?;
    assert_eq!(file.status, 200);
    assert_eq!(file.bytes, png, "served back unchanged");
    assert_eq!(file.content_type, "image/png");
    let sha = server::storage::filings::content_hash_bytes(&png);
    assert!(page.body.contains(&sha), "SHA-256 shown");
    assert_eq!(
        app.client().get(&format!("/filing/incidents/{incident}/attachments/{id}")).await?.status,
        303,
        "anonymous sent to sign-in"
    );
    assert_eq!(audit::count(&app.state.db, app::domain::audit::AuditAction::AttachmentAdded, &incident).await?, 1);
    // the ministry sees the files of filed incidents and downloads them through its own route
    let signatory = app.signed_in("signatory@a.example").await?;
    fill(&officer, &incident, &initial_sections("증빙")).await?;
    let filed = file_draft(&signatory, &incident).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let review = reviewer.get(&format!("/review/filings/{filed}")).await?;
    assert!(review.body.contains(&format!("/review/incidents/{incident}/attachments/{id}")), "listed for the reviewer");
    let got = reviewer.get(&format!("/review/incidents/{incident}/attachments/{id}")).await?;
    assert_eq!((got.status, got.bytes == png), (200, true));
    let other = app.signed_in("officer@b.example").await?;
    let status = other.get(&format!("/review/incidents/{incident}/attachments/{id}")).await?.status;
    assert_eq!(status, 403, "operators cannot use the ministry route");
    Ok(())
}
on_both_backends!(evidence_db => evidence_files_are_checked_hashed_and_served_back);
