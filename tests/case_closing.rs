//! Closing and reopening a case (issue #11, item 2): closing goes through a page that lists
//! what is still open and needs a reason and a tick; a review lead reopens with a reason; both
//! are in the case history; two closings at once close once.

use outage_desk_tests::*;

async fn closing_asks_first_and_a_lead_can_reopen(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let case = format!("/review/incidents/{incident}");
    let close = format!("{case}/close");
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let lead = app.signed_in("lead@msit.example").await?;

    // the case page no longer closes in one click: it links to the confirmation page
    let page = reviewer.get(&case).await?;
    assert!(page.body.contains(&format!(r#"href="{close}""#)), "a link to the confirmation page");
    assert!(!page.body.contains(&format!(r#"action="{close}""#)), "no one-click close form on the case page");

    // the confirmation page says what is still open: unassessed duties, no public summary
    let confirm = reviewer.get(&close).await?;
    assert_eq!(confirm.status, 200);
    let open = confirm.texts(".warning-list li").join("\n");
    assert!(open.contains("개가 평가되지 않았습니다"), "unassessed duties counted:\n{open}");
    assert!(open.contains("공개 요약이 게시되지 않았습니다"), "no public summary:\n{open}");
    assert!(confirm.body.contains(r#"name="confirm""#), "the tick box");

    // without a reason and the tick nothing closes, and each error sits beside its field
    let bare = reviewer.submit(&close, &close, &[]).await?;
    assert_eq!(bare.status, 422);
    assert_eq!(bare.texts("#close_note-error").len(), 1);
    assert_eq!(bare.texts("#confirm-error").len(), 1);
    let summary = bare.texts(".error-summary li").join("\n");
    assert!(
        summary.contains("종결 사유:") && !summary.contains("\n:"),
        "every summary line names its field:\n{summary}"
    );
    let hostile = "사유 & </textarea><script>alert(1)</script>\"'</title>";
    let typed = reviewer.submit(&close, &close, &[("close_note", hostile)]).await?;
    assert_eq!(typed.status, 422, "the tick is still missing");
    assert_eq!(typed.field_value("close_note").as_deref(), Some(hostile), "the reason is kept, as text");
    assert!(!typed.body.contains("<script>alert(1)"), "never raw in the page");
    assert!(!reviewer.get(&case).await?.body.contains("부처 종결"), "still open");

    // reason and tick: closed, the reason shown on the case page
    let reason = [("close_note", "조치 없이 종결: 경미한 장애"), ("confirm", "yes")];
    let closed = reviewer.submit(&close, &close, &reason).await?;
    assert_eq!(closed.status, 303);
    assert_eq!(closed.location.as_deref(), Some(format!("{case}?saved=closed").as_str()));
    let shown = reviewer.get(&case).await?;
    assert!(shown.body.contains("조치 없이 종결: 경미한 장애"), "the reason is on the case page");
    assert!(!shown.body.contains(r#"name="reopen_reason""#), "a reviewer is not offered reopening");

    // only a lead reopens, only with a reason
    let by_reviewer = reviewer.submit(&case, &format!("{case}/reopen"), &[("reopen_reason", "x")]).await?;
    assert_eq!(by_reviewer.status, 403);
    assert!(lead.get(&case).await?.body.contains(r#"name="reopen_reason""#), "the lead is offered reopening");
    let no_reason = lead.submit(&case, &format!("{case}/reopen"), &[]).await?;
    assert_eq!(no_reason.status, 422);
    assert_eq!(no_reason.texts("#reopen_reason-error").len(), 1);
    let reopened = lead.submit(&case, &format!("{case}/reopen"), &[("reopen_reason", "새 사실 확인")]).await?;
    assert_eq!(reopened.status, 303);
    assert_eq!(lead.submit(&case, &format!("{case}/reopen"), &[("reopen_reason", "again")]).await?.status, 409);

    // open again: requests can be sent; both steps and their reasons are in the history
    let ask = [("question", "추가 자료"), ("due", &in_days(3))];
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests"), &ask).await?.status, 303);
    let history = reviewer.get(&case).await?.texts("#history ~ .table-scroll tbody tr").join("\n");
    for step in ["사건 종결", "조치 없이 종결: 경미한 장애", "사건 재개", "새 사실 확인"] {
        assert!(history.contains(step), "history lacks {step}:\n{history}");
    }
    // the open request now blocks closing, and the confirmation page offers no form
    let blocked = reviewer.get(&close).await?;
    assert!(blocked.body.contains("열린 자료제출 요청"), "the block is named");
    assert!(!blocked.body.contains(r#"name="confirm""#), "no form while blocked");
    assert_eq!(reviewer.submit(&close, &close, &reason).await?.status, 409);
    Ok(())
}
on_both_backends!(closing => closing_asks_first_and_a_lead_can_reopen);

/// Two reviewers closing at once: one closing is recorded, the other is told it is closed.
async fn concurrent_closings_close_once(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let close = format!("/review/incidents/{incident}/close");
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let lead = app.signed_in("lead@msit.example").await?;
    let reason = [("close_note", "동시 종결"), ("confirm", "yes")];
    let (a, b) = tokio::join!(reviewer.submit(&close, &close, &reason), lead.submit(&close, &close, &reason));
    let mut statuses = [a?.status, b?.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 409]);
    let n =
        server::storage::audit::count(&app.state.db, app::domain::audit::AuditAction::CaseClosed, &incident).await?;
    assert_eq!(n, 1, "one closing recorded");
    Ok(())
}
on_both_backends!(closing_race => concurrent_closings_close_once);
