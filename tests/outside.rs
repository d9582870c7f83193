//! Submissions made outside Outage Desk (issue #11, item 5): an officer records one for a
//! clock, it does not count until a signatory signs it off, then the clock counts it and the
//! ministry sees it as such.

use outage_desk_tests::*;

async fn a_signed_off_outside_submission_meets_its_clock(app: &TestApp) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let incident = open_incident(&officer, "외부 제출").await?;
    fill(&officer, &incident, &initial_sections("외부 제출")).await?;
    let page = format!("/filing/incidents/{incident}");
    let action = format!("{page}/outside");
    let before = officer.get(&page).await?;
    let clock = before
        .body
        .split(r#"<option value=""#)
        .filter_map(|r| r.split('"').next())
        .find(|v| *v == "KR_FA38:initial_report")
        .map(str::to_string)
        .ok_or_else(|| anyhow::anyhow!("the KR_FA38 initial report clock is not offered"))?;

    // bad input: every field named, nothing saved
    let empty = officer.submit(&page, &action, &[]).await?;
    assert_eq!(empty.status, 422);
    for f in ["clock", "outside_at", "channel", "recipient"] {
        assert_eq!(empty.texts(&format!("#{f}-error")).len(), 1, "{f}");
    }
    let future =
        [("clock", clock.as_str()), ("outside_at", "2099-01-01T00:00"), ("channel", "phone"), ("recipient", "x")];
    assert_eq!(officer.submit(&page, &action, &future).await?.texts("#outside_at-error").len(), 1, "not in the future");

    // recorded by the officer: shown, but not counted until signed off
    let told = [
        ("clock", clock.as_str()),
        ("outside_at", "2026-01-10T09:20"),
        ("channel", "phone"),
        ("recipient", "과기정통부 상황실 <b>&"),
        ("their_reference", "MSIT-0110</textarea><script>alert(1)</script>"),
    ];
    let saved = officer.submit(&page, &action, &told).await?;
    assert_eq!(saved.status, 303);
    let shown = officer.get(&page).await?;
    assert!(shown.body.contains("과기정통부 상황실 &lt;b&gt;&amp;"), "escaped, shown");
    assert!(!shown.body.contains("<script>alert(1)"), "the reference is text");
    assert!(shown.body.contains("서명 확인 전"), "awaiting sign-off");
    assert!(!shown.body.contains("데스크 밖 제출 (기록 1)"), "not counted yet");
    let sign = format!("{page}/outside/1/sign");
    assert_eq!(officer.submit(&page, &sign, &[]).await?.status, 403, "an officer cannot sign off");
    let other = app.signed_in("officer@b.example").await?;
    assert_eq!(other.submit("/filing", &sign, &[]).await?.status, 403);

    // signed off: the clock counts it (on the ministry's overview too), and the ministry sees it
    // once the incident is filed
    assert_eq!(signatory.submit(&page, &sign, &[]).await?.status, 303);
    assert_eq!(signatory.submit(&page, &sign, &[]).await?.status, 409, "signed off once");
    let counted = officer.get(&page).await?;
    assert!(counted.body.contains("데스크 밖 제출 (기록 1)"), "the clock names the record");
    assert!(counted.body.contains("서명 확인됨"));
    // a mistaken second record is withdrawn by the officer: kept, never counted, not signable
    let wrong =
        [("clock", clock.as_str()), ("outside_at", "2026-01-10T09:10"), ("channel", "email"), ("recipient", "오기")];
    assert_eq!(officer.submit(&page, &action, &wrong).await?.status, 303);
    let (sign2, withdraw2) = (format!("{page}/outside/2/sign"), format!("{page}/outside/2/withdraw"));
    assert_eq!(other.submit("/filing", &withdraw2, &[]).await?.status, 404, "another organisation's");
    assert_eq!(officer.submit(&page, &withdraw2, &[]).await?.status, 303);
    assert_eq!(officer.submit(&page, &withdraw2, &[]).await?.status, 409, "withdrawn once");
    assert_eq!(signatory.submit(&page, &sign2, &[]).await?.status, 409, "a withdrawn record is not signed off");
    assert_eq!(
        officer.submit(&page, &format!("{page}/outside/1/withdraw"), &[]).await?.status,
        409,
        "signed off is final"
    );
    let after = officer.get(&page).await?;
    assert!(after.body.contains("철회됨"), "shown as withdrawn");
    assert!(
        after.body.contains("데스크 밖 제출 (기록 1)"),
        "the clock still counts record 1, not the earlier withdrawn one"
    );
    file_draft(&signatory, &incident).await?;
    // the only filed incident: its initial report, months late by the desk, was met by phone
    let lead = reviewer_cap_of(app, "lead@msit.example").await?;
    let overview =
        server::storage::overview::overview(&app.state.db, &lead, &app.state.overview, true, server::storage::now())
            .await?;
    assert_eq!(overview.clocks_met, 1, "the overview counts the signed-off record: {overview:?}");
    the_kept_overview_is_computed_afresh(app, &lead).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = reviewer.get(&format!("/review/incidents/{incident}")).await?;
    assert!(case.body.contains("MSIT-0110") && case.body.contains("서명 확인됨"), "the ministry sees the record");
    assert!(!case.body.contains("<script>alert(1)"), "escaped on the ministry's page too");
    assert!(case.body.contains("데스크 밖 제출 (기록 1)"));
    let history = case.texts("#history ~ .table-scroll tbody tr").join("\n");
    assert!(history.contains("데스크 밖 제출 기록") && history.contains("데스크 밖 제출 서명 확인"), "{history}");
    assert!(history.contains("데스크 밖 제출 기록 철회"), "{history}");
    Ok(())
}
on_both_backends!(outside_db => a_signed_off_outside_submission_meets_its_clock);

/// The overview kept between visits (`storage::overview_memo`) equals one computed from
/// nothing: after an outside submission, a new filing, and as time alone makes clocks late.
async fn the_kept_overview_is_computed_afresh(
    app: &TestApp,
    lead: &app::domain::auth::ReviewerCap,
) -> anyhow::Result<()> {
    use server::storage::overview::overview;
    use server::storage::overview_memo::OverviewMemo;
    let kept = &app.state.overview;
    let same = |label: &str, a: &app::domain::overview::Overview, b: &app::domain::overview::Overview| {
        assert_eq!(a, b, "{label}: kept and fresh overviews differ");
    };
    let now = server::storage::now();
    let first = overview(&app.state.db, lead, kept, true, now).await?;
    same("as kept", &first, &overview(&app.state.db, lead, &OverviewMemo::default(), true, now).await?);

    // a second incident, restored, with only its initial report filed: its update and final
    // report clocks are open, and fall due as time passes
    let signatory = app.signed_in("signatory@a.example").await?;
    let second = open_incident(&signatory, "두 번째 장애").await?;
    let hours_ago = |h: i64| app::domain::timestamp::Timestamp(now.0 - h * 3600).to_kst_local_input();
    let mut sections = initial_sections("두 번째 장애");
    for (slug, fields) in &mut sections {
        if *slug == "times" {
            *fields = vec![
                ("onset_at", hours_ago(5)),
                ("detected_at", hours_ago(4)),
                ("detection_source", "monitoring".to_string()),
                ("restored_at", hours_ago(1)),
            ];
        }
        if *slug == "summary" {
            // NIS2's incident notification (72 h) and final report (a month) stay open a while
            fields.push(("regimes", "EU_NIS2".to_string()));
        }
        for (key, value) in fields.iter_mut() {
            if *key == "notice_sent_at" {
                *value = hours_ago(3);
            }
        }
    }
    fill(&signatory, &second, &sections).await?;
    file_draft(&signatory, &second).await?;
    let mut late = Vec::new();
    for days in [0, 3, 40, 400] {
        let at = app::domain::timestamp::Timestamp(now.0 + days * 86_400);
        let k = overview(&app.state.db, lead, kept, false, at).await?;
        let fresh = overview(&app.state.db, lead, &OverviewMemo::default(), false, at).await?;
        same(&format!("{days} days on"), &k, &fresh);
        late.push(k.clocks_late);
    }
    assert!(late[1] > late[0], "the NIS2 notification falls due within 3 days: {late:?}");
    assert_eq!(overview(&app.state.db, lead, kept, true, now).await?.by_year.iter().map(|y| y.1).sum::<u32>(), 2);
    Ok(())
}
