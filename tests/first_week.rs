//! More defects of a first week of use (issue #11): length limits said with numbers (8), the
//! task list and field marks following the stage rules (12), official times in the
//! regulator's zone (13), several findings on one page and the case outline (15), each clock
//! naming what met it (4) and submissions made outside the desk (5).

use outage_desk_tests::*;

/// Item 8: a length error says the limit and the current length; long text fields show a
/// counter of the allowed characters.
async fn lengths_are_said_with_numbers(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let long = "가".repeat(201);
    let page = officer.submit("/filing/new", "/filing/new", &[("title", &long)]).await?;
    assert_eq!(page.status, 422);
    let message = page.texts("#title-error").join(" ");
    assert!(message.contains("최대 200자") && message.contains("201자"), "{message}");
    assert_eq!(page.field_value("title").as_deref(), Some(long.as_str()), "what was typed is kept");
    let incident = open_incident(&officer, "길이 확인").await?;
    let section = officer.get(&format!("/filing/incidents/{incident}/draft/summary")).await?;
    let counters = section.texts(".counter");
    assert!(counters.iter().any(|c| c.starts_with("0 / ") && c.ends_with('자')), "a counter: {counters:?}");
    let en = officer.get(&format!("/filing/incidents/{incident}/draft/summary?lang=en")).await?;
    assert!(en.texts(".counter").iter().any(|c| c.starts_with("0 of ") && c.ends_with("characters")));
    Ok(())
}
on_both_backends!(lengths => lengths_are_said_with_numbers);

/// Item 12: at the initial stage, sections nothing of which is required yet are "not needed
/// at this stage", not "completed"; a field required from a later stage says so, and one
/// required under a condition says which instead of "(optional)".
async fn task_list_and_marks_follow_the_stage(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let incident = open_incident(&officer, "단계 표시").await?;
    let page = officer.get(&format!("/filing/incidents/{incident}")).await?;
    for slug in ["compensation", "prevention"] {
        assert_eq!(page.texts(&format!("#task-{slug}")), vec!["이 단계에서는 선택".to_string()], "{slug}");
    }
    assert_eq!(page.texts("#task-impact"), vec!["시작 전".to_string()], "a required section untouched");
    let times = officer.get(&format!("/filing/incidents/{incident}/draft/times")).await?;
    assert!(times.texts("label[for=restored_at]").join("").contains("(최종 보고부터 필수)"), "restored_at is marked");
    let notice = officer.get(&format!("/filing/incidents/{incident}/draft/notice")).await?;
    let label = notice.texts("label[for=notice_sent_at]").join("");
    assert!(label.contains("(이용자에게 고지했으면 필수)") && !label.contains("(선택)"), "{label}");
    Ok(())
}
on_both_backends!(stage_marks => task_list_and_marks_follow_the_stage);

/// Item 13: the ministry's deadlines are set in KST whatever zone the reviewer reads in, and
/// shown in KST with the reader's zone beside them.
async fn official_times_are_in_the_ministrys_zone(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let case = format!("/review/incidents/{incident}");
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    assert_eq!(reviewer.get(&format!("{case}?tz=Europe/Brussels")).await?.status, 200);
    let ask = [("question", "자료"), ("due", "2030-01-15T01:00")];
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests"), &ask).await?.status, 303);
    let page = reviewer.get(&case).await?;
    assert!(page.body.contains("2030-01-15 01:00 KST (2030-01-14 17:00 CET)"), "KST, with Brussels beside it");
    assert!(page.body.contains("한국 표준시(KST) 기준"), "the form says which zone it takes");
    let officer = app.signed_in("officer@a.example").await?;
    let seen = officer.get(&format!("/filing/incidents/{incident}")).await?;
    assert!(seen.body.contains("2030-01-15 01:00 KST"), "the operator reads the same official time");
    Ok(())
}
on_both_backends!(official_times => official_times_are_in_the_ministrys_zone);

/// Items 15 and 4: the case page has an outline with counts; several findings are saved from
/// one page (a bad row refuses the page, with everything typed); each clock says which
/// version met it.
async fn several_findings_on_one_page(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let case = format!("/review/incidents/{incident}");
    let duties = format!("{case}/duties");
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let page = reviewer.get(&case).await?;
    let outline = page.texts(".case-outline li").join("\n");
    assert!(outline.contains("0/") && outline.contains("평가"), "duties counted in the outline:\n{outline}");
    assert!(outline.contains("제출본 1개"), "{outline}");
    assert!(
        page.texts("#clocks ~ .table-scroll td").iter().any(|t| t.contains("제출본 1로 이행")),
        "which version met it"
    );
    let form = reviewer.get(&duties).await?;
    assert_eq!(form.status, 200);
    let rows = form.texts("fieldset.duty-row legend").len();
    assert!(rows >= 2, "every applicable duty on one page ({rows})");

    let bad =
        [("finding_KR-DM-05", "compliant"), ("finding_KR-DM-01", "non_compliant"), ("rationale_KR-DM-01", "고지 지연")];
    let refused = reviewer.submit(&duties, &duties, &bad).await?;
    assert_eq!(refused.status, 422);
    assert_eq!(refused.texts("#rationale_KR-DM-05-error").len(), 1, "the error beside the row's rationale");
    let summary = refused.texts(".error-summary li a").join("\n");
    assert!(summary.contains("KR-DM-05"), "the summary names the duty:\n{summary}");
    assert_eq!(refused.field_value("rationale_KR-DM-01").as_deref(), Some("고지 지연"), "the other row is kept");
    assert!(!reviewer.get(&case).await?.body.contains("고지 지연"), "nothing saved from a refused page");

    let good = [
        ("finding_KR-DM-05", "compliant"),
        ("rationale_KR-DM-05", "기한 내 보고"),
        ("finding_KR-DM-01", "non_compliant"),
        ("rationale_KR-DM-01", "고지 지연"),
    ];
    let saved = reviewer.submit(&duties, &duties, &good).await?;
    assert_eq!(saved.status, 303);
    assert_eq!(saved.location.as_deref(), Some(format!("{case}?saved=findings#duties").as_str()));
    let after = reviewer.get(&case).await?;
    assert!(after.body.contains("기한 내 보고") && after.body.contains("고지 지연"), "both findings saved");
    let again = reviewer.submit(&duties, &duties, &good).await?;
    assert_eq!(again.location.as_deref(), Some(format!("{case}?saved=no_change#duties").as_str()), "unchanged");
    let n =
        server::storage::audit::count(&app.state.db, app::domain::audit::AuditAction::DutyAssessed, &incident).await?;
    assert_eq!(n, 2, "only the changed duties were recorded");
    Ok(())
}
on_both_backends!(several_findings => several_findings_on_one_page);
