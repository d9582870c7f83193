//! The ministry's case over HTTP, on SQLite and PostgreSQL: findings, requests and answers,
//! measures and verification, the four-eyes publication with redaction, corrections and
//! closure, with the forbidden steps and bad input refused.

use outage_desk_tests::*;
use server::storage::audit;

/// The id in `…/items/{id}` of the n-th item form on a page.
fn item_ids(page: &Page, incident: &str, side: &str) -> Vec<String> {
    let marker = format!("/{side}/incidents/{incident}/items/");
    page.body.split(&marker).skip(1).filter_map(|r| r.split('"').next()).map(str::to_string).collect()
}

/// Saves the summary form as a browser would, with the draft revision the page was opened at.
async fn save_summary(c: &Client, page: &str, fields: &[(&str, &str)]) -> anyhow::Result<Page> {
    let revision = c.get(page).await?.field_value("revision").unwrap_or_default();
    let mut all = fields.to_vec();
    all.push(("revision", &revision));
    c.submit(page, page, &all).await
}

async fn whole_case(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let case = format!("/review/incidents/{incident}");
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let lead = app.signed_in("lead@msit.example").await?;
    let officer = app.signed_in("officer@a.example").await?;
    let operator_page = format!("/filing/incidents/{incident}");

    // assessment: a finding without a rationale is refused, the choice kept
    let duty = format!("{case}/duties/KR-DM-05");
    let bad = reviewer.submit(&duty, &duty, &[("finding", "non_compliant"), ("rationale", " ")]).await?;
    assert_eq!(bad.status, 422);
    assert!(bad.texts("#rationale-error").join("").contains("필수"), "error beside the field");
    assert!(bad.body.contains(r#"value="non_compliant" checked"#), "choice kept");
    let secret_note = "내부 메모: 보고 지연 가능성 높음";
    let ok = reviewer.submit(&duty, &duty, &[("finding", "partially"), ("rationale", secret_note)]).await?;
    assert_eq!(ok.status, 303);
    assert!(reviewer.get(&case).await?.body.contains(secret_note));
    assert!(!officer.get(&operator_page).await?.body.contains(secret_note), "operators never see findings");
    assert_eq!(officer.get(&case).await?.status, 403, "operators never open the case page");

    // a request with a due date in the past is refused; then asked properly
    let past =
        reviewer.submit(&case, &format!("{case}/requests"), &[("question", "자료"), ("due", &in_days(-1))]).await?;
    assert_eq!(past.status, 422);
    assert_eq!(past.field_value("question").as_deref(), Some("자료"));
    let asked = ask_for_information(&reviewer, &incident, "롤백 절차서를 제출하십시오.").await?;
    assert_eq!(asked.status, 303);
    let seen = officer.get(&operator_page).await?;
    assert!(seen.body.contains("롤백 절차서를 제출하십시오.") && seen.body.contains("답변 대기"));

    // the operator answers with a file
    let token = seen.csrf().unwrap_or_default();
    let form = reqwest::multipart::Form::new()
        .text("_csrf", token)
        .text("body_1", "첨부한 절차서를 참고하십시오.")
        .part("file", reqwest::multipart::Part::bytes(b"%PDF-1.4 procedure".to_vec()).file_name("rollback.pdf"));
    let answered = officer.http.post(format!("{}{operator_page}/requests/1", app.base)).multipart(form).send().await?;
    assert_eq!(answered.status().as_u16(), 303);
    let thread = reviewer.get(&case).await?;
    assert!(thread.body.contains("첨부한 절차서를 참고하십시오.") && thread.body.contains("rollback.pdf"));
    assert!(thread.body.contains("답변됨"));

    // a corrective order; an amount on it is refused
    let order = [
        ("kind", "corrective_order"),
        ("legal_basis", "전기통신사업법 제92조제1항"),
        ("content", "인증 이중화"),
        ("deadline", &in_days(30)),
        ("items", "인증 서버 이중화\n배포 전 검증 절차 수립"),
    ];
    let mut with_amount = order.to_vec();
    with_amount.push(("amount_krw", "1000"));
    let refused = reviewer.submit(&case, &format!("{case}/measures"), &with_amount).await?;
    assert_eq!(refused.status, 422);
    assert!(refused.texts("#amount_krw-error").join("").contains("과태료"));
    assert_eq!(reviewer.submit(&case, &format!("{case}/measures"), &order).await?.status, 303);

    // the operator acknowledges and reports both items done
    let ack = format!("{operator_page}/measures/1/acknowledge");
    assert_eq!(officer.submit(&operator_page, &ack, &[]).await?.status, 303);
    assert_eq!(officer.submit(&operator_page, &ack, &[]).await?.status, 409, "acknowledged once");
    // the notice of the measure as an official PDF, for both sides and no one else
    let notice = officer.get(&format!("{operator_page}/measures/1/pdf")).await?;
    assert_eq!((notice.status, notice.content_type.as_str()), (200, "application/pdf"));
    let text = pdf_text(&notice.bytes)?;
    assert!(
        text.contains("시정명령") && text.contains("전기통신사업법 제92조제1항") && text.contains("인증 서버 이중화"),
        "{text}"
    );
    assert_eq!(reviewer.get(&format!("{case}/measures/1/pdf")).await?.status, 200);
    assert_eq!(reviewer.get(&format!("{case}/measures/9/pdf")).await?.status, 404);
    let other = app.signed_in("officer@b.example").await?;
    assert_eq!(other.get(&format!("{operator_page}/measures/1/pdf")).await?.status, 404);
    let items = item_ids(&officer.get(&operator_page).await?, &incident, "filing");
    assert_eq!(items.len(), 2, "one form per item");
    for id in &items {
        let note = format!("note_{id}");
        let action = format!("{operator_page}/items/{id}");
        assert_eq!(officer.submit(&operator_page, &action, &[(note.as_str(), "완료, 증빙 첨부")]).await?.status, 303);
    }

    // the reviewer accepts one, rejects the other (a reason is required)
    let (a, b) = (&items[0], &items[1]);
    let verify = |id: &str| format!("{case}/items/{id}");
    let (va, vb, rb) = (format!("verdict_{a}"), format!("verdict_{b}"), format!("reason_{b}"));
    assert_eq!(reviewer.submit(&case, &verify(a), &[(va.as_str(), "accept")]).await?.status, 303);
    let no_reason = reviewer.submit(&case, &verify(b), &[(vb.as_str(), "reject")]).await?;
    assert_eq!(no_reason.status, 422);
    assert!(!no_reason.texts(&format!("#{rb}-error")).is_empty(), "error beside the reason");
    let rejected = reviewer.submit(&case, &verify(b), &[(vb.as_str(), "reject"), (rb.as_str(), "증빙 부족")]).await?;
    assert_eq!(rejected.status, 303);
    assert!(officer.get(&operator_page).await?.body.contains("증빙 부족"), "the operator sees why");

    // closing with an unverified item is refused
    let close = format!("{case}/close");
    let early = reviewer.submit(&case, &close, &[]).await?;
    assert_eq!(early.status, 409);
    assert!(early.body.contains("확인되지 않은 이행 항목"));
    let note = format!("note_{b}");
    officer.submit(&operator_page, &format!("{operator_page}/items/{b}"), &[(note.as_str(), "보완 완료")]).await?;
    assert_eq!(reviewer.submit(&case, &verify(b), &[(vb.as_str(), "accept")]).await?.status, 303);
    let open_request = reviewer.submit(&case, &close, &[]).await?;
    assert_eq!(open_request.status, 409, "request 1 is still open");
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests/1/close"), &[]).await?.status, 303);

    // publication: redaction needs a note; the drafter and non-leads cannot approve
    let summary = format!("{case}/summary");
    let mut text = vec![
        ("headline_ko", "인증 장애"),
        ("headline_en", "Login outage"),
        ("summary_ko", "인증이 중단되었습니다."),
        ("summary_en", "Login stopped."),
        ("impact_ko", "로그인"),
        ("impact_en", "Login"),
        ("cause_ko", "배포 오류 [[서버 10.0.0.7]]"),
        ("cause_en", "Faulty deployment [[server 10.0.0.7]]"),
        ("action", "submit"),
    ];
    let unnoted = save_summary(&reviewer, &summary, &text).await?;
    assert_eq!(unnoted.status, 422);
    assert!(!unnoted.texts("#redaction_note_ko-error").is_empty());
    text.extend([("redaction_note_ko", "내부 주소 비공개"), ("redaction_note_en", "Internal address withheld")]);
    assert_eq!(save_summary(&reviewer, &summary, &text).await?.status, 303);
    let public_page = format!("/incidents/{incident}");
    assert_eq!(app.client().get(&public_page).await?.status, 404, "nothing public before approval");
    let by_reviewer = reviewer.submit(&summary, &format!("{summary}/approve"), &[]).await?;
    assert_eq!(by_reviewer.status, 403, "a reviewer is not a lead");
    // the lead edits the draft, which makes it the lead's own: it cannot approve it
    assert_eq!(save_summary(&lead, &summary, &text).await?.status, 303);
    let own = lead.submit(&summary, &format!("{summary}/approve"), &[]).await?;
    assert_eq!(own.status, 403);
    assert!(own.body.contains("본인이 작성한 요약"));
    assert_eq!(app.client().get(&public_page).await?.status, 404, "still nothing public");
    assert_eq!(save_summary(&reviewer, &summary, &text).await?.status, 303);
    assert_eq!(lead.submit(&summary, &format!("{summary}/approve"), &[]).await?.status, 303);
    let public = app.client().get(&public_page).await?;
    assert_eq!(public.status, 200);
    assert!(public.body.contains("배포 오류 [비공개]"), "redacted in Korean");
    assert!(!public.body.contains("10.0.0.7"), "the withheld text never reaches the public");
    assert!(public.body.contains("내부 주소 비공개") && public.body.contains("KR-DM-05"));
    assert!(!public.body.contains(secret_note), "rationale stays internal");

    // a correction needs a reason, is approved the same way, and is shown with its date
    let correction = [("headline_ko", "인증 장애 (정정)"), ("headline_en", "Login outage (corrected)")];
    let mut fix: Vec<(&str, &str)> = text.iter().filter(|(k, _)| !k.starts_with("headline")).copied().collect();
    fix.extend(correction);
    assert_eq!(save_summary(&reviewer, &summary, &fix).await?.status, 422, "reason required");
    fix.extend([("reason_ko", "제목 오기 수정"), ("reason_en", "Title typo fixed")]);
    assert_eq!(save_summary(&reviewer, &summary, &fix).await?.status, 303);
    assert!(!app.client().get(&public_page).await?.body.contains("(정정)"), "unapproved correction not public");
    assert_eq!(lead.submit(&summary, &format!("{summary}/approve"), &[]).await?.status, 303);
    let corrected = app.client().get(&public_page).await?;
    assert!(corrected.body.contains("인증 장애 (정정)") && corrected.body.contains("제목 오기 수정"));

    // now it closes, and the history shows every step with who did it
    assert_eq!(reviewer.submit(&case, &close, &[("close_note", "이행 완료"), ("confirm", "yes")]).await?.status, 303);
    let closed = reviewer.get(&case).await?;
    assert!(closed.body.contains("종결"));
    let history = closed.texts("#history ~ .table-scroll tbody tr").join("\n");
    for step in [
        "의무 평가",
        "자료제출 요청",
        "사업자 답변",
        "조치 부과",
        "이행 확인",
        "공개 요약 승인·공개",
        "공개 요약 정정",
        "사건 종결",
    ] {
        assert!(history.contains(step), "history lacks {step}:\n{history}");
    }
    assert_eq!(audit::count(&app.state.db, app::domain::audit::AuditAction::ItemVerified, &incident).await?, 3);
    assert_eq!(reviewer.submit(&case, &close, &[]).await?.status, 409, "closed once");
    let after =
        reviewer.submit(&case, &format!("{case}/requests"), &[("question", "추가"), ("due", &in_days(3))]).await?;
    assert_eq!(after.status, 409);
    assert!(after.body.contains("종결된 사건입니다"), "a closed case takes no new requests");
    Ok(())
}
on_both_backends!(whole_case_db => whole_case);

async fn assignment_and_operator_limits(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let case = format!("/review/incidents/{incident}");
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let lead = app.signed_in("lead@msit.example").await?;
    let ids: Vec<String> = reviewer
        .get(&case)
        .await?
        .body
        .split(r#"name="assignee" value=""#)
        .skip(1)
        .filter_map(|r| r.split('"').next())
        .map(str::to_string)
        .collect();
    let me = ids.first().cloned().unwrap_or_default();
    assert_eq!(reviewer.submit(&case, &format!("{case}/assign"), &[("assignee", &me)]).await?.status, 303);
    assert!(reviewer.get(&case).await?.body.contains(": reviewer@msit.example"), "assigned to self");
    // a reviewer cannot assign someone else; the lead can
    let other = (me.parse::<i64>().unwrap_or(0) + 1).to_string();
    assert_eq!(reviewer.submit(&case, &format!("{case}/assign"), &[("assignee", &other)]).await?.status, 403);
    assert_eq!(lead.submit(&case, &format!("{case}/assign"), &[("assignee", &other)]).await?.status, 303);
    // operators cannot act for the ministry, nor on another organisation's case
    let officer_b = app.signed_in("officer@b.example").await?;
    let theirs = format!("/filing/incidents/{incident}/measures/1/acknowledge");
    assert_eq!(officer_b.submit("/filing", &theirs, &[]).await?.status, 404);
    let officer = app.signed_in("officer@a.example").await?;
    assert_eq!(officer.submit("/filing", &format!("{case}/close"), &[]).await?.status, 403);
    assert_eq!(
        officer.submit("/filing", &format!("{case}/duties/KR-DM-05"), &[("finding", "compliant")]).await?.status,
        403
    );
    assert_eq!(reviewer.get(&format!("{case}/duties/NO-SUCH-1")).await?.status, 404);
    // the overview counts the incident under its operator and year, with a chart per table
    let overview = reviewer.get("/review/overview").await?;
    assert_eq!(overview.status, 200);
    let rows = overview.texts("table tbody tr").join(" | ");
    let year = app::domain::zone::UserZone::Seoul.year(server::storage::now()).unwrap_or_default();
    assert!(rows.contains(&format!("가나다 주식회사{year}1")), "one incident this year: {rows}");
    assert_eq!(overview.texts("svg.chart title").len(), 2, "two charts");
    assert_eq!(officer.get("/review/overview").await?.status, 403);
    Ok(())
}
on_both_backends!(assignment_db => assignment_and_operator_limits);

/// The queue's triage filters: new since last visit, overdue, assignee, regime, crisis level.
async fn queue_triage(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let listed = |p: &Page| p.body.contains(&format!("/review/incidents/{incident}\""));
    assert!(listed(&reviewer.get("/review?new=yes").await?), "new before the first visit");
    reviewer.get(&format!("/review/incidents/{incident}")).await?;
    assert!(!listed(&reviewer.get("/review?new=yes").await?), "seen now");
    let lead = app.signed_in("lead@msit.example").await?;
    assert!(listed(&lead.get("/review?new=yes").await?), "visits are per reviewer");

    assert!(!listed(&reviewer.get("/review?overdue=yes").await?));
    // a request whose due date has passed (asked through storage: the form refuses past dates)
    let who = server::storage::users::credentials(&app.state.db, "reviewer@msit.example").await?;
    let user = app::domain::ids::UserId(who.map(|c| c.id).unwrap_or_default());
    let caller = server::storage::users::caller(&app.state.db, user).await?;
    let cap = caller.and_then(|c| c.reviewer()).ok_or_else(|| anyhow::anyhow!("no reviewer"))?;
    let record = server::storage::incidents::find_filed(&app.state.db, &cap, &incident).await?;
    let now = server::storage::now();
    let late =
        app::domain::case::forms::Request { question: "?".into(), due: app::domain::timestamp::Timestamp(now.0 + 1) };
    server::storage::requests::ask(&app.state.db, &cap, &record, &late, now).await?;
    app.state.clock.advance(2);
    let overdue = reviewer.get("/review?overdue=yes").await?;
    assert!(listed(&overdue) && overdue.body.contains("기한 경과"), "flagged overdue");
    assert!(reviewer.get(&format!("/review/incidents/{incident}")).await?.body.contains("기한 경과"));
    let officer = app.signed_in("officer@a.example").await?;
    assert!(officer.get(&format!("/filing/incidents/{incident}")).await?.body.contains("기한 경과"), "on both sides");
    let dashboard = officer.get("/filing").await?;
    assert!(dashboard.body.contains("부처 요청·조치 기한 경과 1"), "and on the operator's dashboard");

    assert!(!listed(&reviewer.get("/review?assignee=me").await?));
    assert!(listed(&reviewer.get("/review?assignee=none").await?));
    let me = cap.user().0.to_string();
    reviewer.submit("/review", &format!("/review/incidents/{incident}/assign"), &[("assignee", &me)]).await?;
    assert!(listed(&reviewer.get("/review?assignee=me").await?));
    assert!(listed(&reviewer.get(&format!("/review?assignee={me}")).await?));
    assert!(!listed(&reviewer.get("/review?assignee=none").await?));
    assert!(listed(&reviewer.get("/review?regime=KR_FA38").await?));
    assert!(!listed(&reviewer.get("/review?regime=EU_NIS2").await?));
    assert!(!listed(&reviewer.get("/review?severity=serious").await?));
    Ok(())
}
on_both_backends!(triage_db => queue_triage);

/// Numbers per incident never collide: 50 requests and 50 measures posted at once on one
/// incident get 50 distinct numbers each, and nothing answers 5xx.
async fn numbers_under_concurrency(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let case = format!("/review/incidents/{incident}");
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let token = reviewer.get(&case).await?.csrf().unwrap_or_default();
    let due = in_days(3);
    let (ask, issue) = (format!("{case}/requests"), format!("{case}/measures"));
    let mut posts = tokio::task::JoinSet::new();
    for n in 0..50 {
        let (c, token, due, ask, issue) = (reviewer.clone(), token.clone(), due.clone(), ask.clone(), issue.clone());
        posts.spawn(async move {
            let question = format!("질문 {n}");
            let asked = c.post(&ask, &[("question", &question), ("due", &due), ("_csrf", &token)]).await?.status;
            let order = [
                ("kind", "guidance"),
                ("legal_basis", "전기통신사업법"),
                ("content", "개선"),
                ("deadline", &due),
                ("items", "계획서"),
                ("_csrf", &token),
            ];
            let issued = c.post(&issue, &order).await?.status;
            anyhow::Ok((asked, issued))
        });
    }
    while let Some(done) = posts.join_next().await {
        assert_eq!(done??, (303, 303), "every post accepted");
    }
    let page = reviewer.get(&case).await?;
    for (what, marker) in [("requests", "/requests/"), ("measures", "/measures/")] {
        let mut numbers: Vec<u32> = page
            .body
            .split(&format!("{case}{marker}"))
            .skip(1)
            .filter_map(|r| r.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        assert_eq!(numbers, (1..=50).collect::<Vec<u32>>(), "{what} numbered 1 to 50");
    }
    Ok(())
}
on_both_backends!(numbers_db => numbers_under_concurrency);
