//! The three-stage filing entirely through the API, with its refusals.

use outage_desk_tests::*;
use serde_json::json;

use super::client::*;

async fn three_stage_filing(app: &TestApp) -> anyhow::Result<()> {
    let officer = Api::new(app, &token_of(app, "officer@a.example", &["read", "file"], "90").await?);
    let signatory = Api::new(app, &token_of(app, "signatory@a.example", &["read", "file", "submit"], "30").await?);

    // open an incident; the same request again (a retry) creates nothing more
    let open = json!({ "title": "메신저 장애 </textarea><script>alert(1)</script> & \"q\"" });
    let first = officer.post("/incidents", "open-1", &open).await?;
    assert_eq!(first.status(), 201, "{}", first.page.body);
    let reference = first.json["reference"].as_str().unwrap_or("").to_string();
    assert_eq!(first.header("location"), format!("/api/v1/incidents/{reference}"));
    assert_eq!(first.json["draft"]["stage"], json!("initial"));
    let replay = officer.post("/incidents", "open-1", &open).await?;
    assert_eq!((replay.status(), replay.header("idempotent-replayed").as_str()), (201, "true"));
    assert_eq!(replay.page.body, first.page.body);
    let list = officer.get("/incidents").await?;
    assert_eq!(list.json["items"].as_array().map(Vec::len), Some(1), "one incident, not two");
    let reused = officer.post("/incidents", "open-1", &json!({ "title": "another" })).await?;
    assert_eq!((reused.status(), reused.problem().as_str()), (422, "idempotency_key_reused"));
    let keyless = officer.send(officer.http.post(format!("{}/incidents", officer.base)).json(&open)).await?;
    assert_eq!((keyless.status(), keyless.problem().as_str()), (400, "idempotency_key_required"));
    let blank = officer.post("/incidents", "open-2", &json!({ "title": "  " })).await?;
    assert_eq!(blank.status(), 422);
    assert_eq!(blank.json["errors"][0]["pointer"], json!("/title"));
    assert_eq!(blank.json["errors"][0]["code"], json!("required"));

    // the draft: If-Match required, a stale one refused, nothing lost
    let path = format!("/incidents/{reference}/draft");
    let draft = officer.get(&path).await?;
    let revision = draft.json["revision"].as_i64().unwrap_or(-1);
    let no_if_match = officer
        .send(officer.http.patch(format!("{}{path}", officer.base)).json(&json!({ "fields": { "status": "ongoing" } })))
        .await?;
    assert_eq!((no_if_match.status(), no_if_match.problem().as_str()), (428, "if_match_required"));
    let saved = officer.patch(&path, revision, &json!({ "fields": { "status": "ongoing" } })).await?;
    assert_eq!(saved.json["revision"].as_i64(), Some(revision + 1));
    let stale = officer.patch(&path, revision, &json!({ "fields": { "status": "restored" } })).await?;
    assert_eq!((stale.status(), stale.problem().as_str()), (412, "stale_revision"));
    assert_eq!(officer.get(&path).await?.json["fields"]["status"], json!("ongoing"));
    let unknown = officer
        .patch(&path, revision + 1, &json!({ "fields": { "no_such_field": "x", "title": "가".repeat(201) } }))
        .await?;
    assert_eq!(unknown.status(), 422);
    let pointers: Vec<&str> =
        unknown.json["errors"].as_array().into_iter().flatten().filter_map(|e| e["pointer"].as_str()).collect();
    assert!(pointers.contains(&"/fields/no_such_field") && pointers.contains(&"/fields/title"), "{pointers:?}");
    let check = officer.get(&format!("{path}/check")).await?;
    assert_eq!(check.json["ready"], json!(false));
    assert!(check.json["problems"]
        .as_array()
        .is_some_and(|p| p.iter().any(|e| e["pointer"] == json!("/fields/onset_at"))));

    // an officer's token cannot submit; a token of another organisation finds nothing
    let hash = check.json["content_sha256"].as_str().unwrap_or("").to_string();
    let submit = json!({ "signatory_title": "팀장", "declaration": true, "content_sha256": hash });
    let refused = officer.post(&format!("{path}/submit"), "officer-submit", &submit).await?;
    assert_eq!((refused.status(), refused.problem().as_str()), (403, "insufficient_scope"));
    let other = Api::new(app, &token_of(app, "officer@b.example", &["read", "file"], "90").await?);
    for p in [format!("/incidents/{reference}"), path.clone(), format!("/incidents/{reference}/evidence")] {
        let a = other.get(&p).await?;
        assert_eq!((a.status(), a.problem().as_str()), (404, "not_found"), "{p}");
    }
    assert_eq!(other.get("/incidents").await?.json["items"], json!([]));

    // a signatory files with the declaration and the approved hash; a changed draft is refused
    let title = "전원 장애로 메신저 중단 </title><script>x</script> & \"q\"";
    let cur = officer.get(&path).await?.json["revision"].as_i64().unwrap_or(-1);
    let saved = officer.patch(&path, cur, &changes(&initial_sections(title))).await?;
    assert_eq!(saved.status(), 200, "{}", saved.page.body);
    let undeclared = signatory
        .post(
            &format!("{path}/submit"),
            "s-0",
            &json!({ "signatory_title": "", "declaration": false, "content_sha256": "x" }),
        )
        .await?;
    let pointers: Vec<&str> =
        undeclared.json["errors"].as_array().into_iter().flatten().filter_map(|e| e["pointer"].as_str()).collect();
    assert_eq!(pointers, vec!["/signatory_title", "/declaration"]);
    let wrong = signatory
        .post(
            &format!("{path}/submit"),
            "s-1",
            &json!({ "signatory_title": "대표", "declaration": true, "content_sha256": "0".repeat(64) }),
        )
        .await?;
    assert_eq!((wrong.status(), wrong.problem().as_str()), (409, "draft_changed"));
    fill_and_file(&officer, &signatory, &reference, &[], 1).await?;

    // interim and final, each started, filled and filed through the API
    for (n, stage, sections) in [(2, "interim", interim_sections()), (3, "final", final_sections())] {
        let started = officer.post(&path, &format!("start-{stage}"), &json!({ "stage": stage })).await?;
        assert_eq!(started.status(), 201, "{}", started.page.body);
        fill_and_file(&officer, &signatory, &reference, &sections, n).await?;
    }
    let incident = officer.get(&format!("/incidents/{reference}")).await?;
    let stages: Vec<&str> =
        incident.json["versions"].as_array().into_iter().flatten().filter_map(|v| v["stage"].as_str()).collect();
    assert_eq!(stages, vec!["initial", "interim", "final"]);
    assert_eq!(incident.json["status"], json!("final_filed"));
    assert!(incident.json["clocks"].as_array().is_some_and(|c| !c.is_empty()));
    let v3 = officer.get(&format!("/incidents/{reference}/versions/3")).await?;
    assert_eq!(v3.json["fields"]["restored_at"], json!("2026-01-10T06:00:00Z"), "KST input stored in UTC");
    assert_eq!(officer.get(&format!("/incidents/{reference}/versions/4")).await?.status(), 404);
    // after the final report only an amended final may follow, and one draft at a time
    let interim = officer.post(&path, "start-interim-late", &json!({ "stage": "interim" })).await?;
    assert_eq!((interim.status(), interim.problem().as_str()), (409, "stage_not_allowed"));
    assert_eq!(officer.post(&path, "amend-final", &json!({ "stage": "final" })).await?.status(), 201);
    assert_eq!(officer.post(&path, "amend-final-again", &json!({ "stage": "final" })).await?.status(), 409);

    // what a token typed reaches the ministry's pages escaped
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = reviewer.get(&format!("/review/incidents/{reference}")).await?;
    assert_eq!(case.status, 200);
    assert!(!case.body.contains("<script>x</script>") && !case.body.contains("<script>alert(1)</script>"));

    // the ministry's token sees the case and the queue; an operator's token does not
    let ministry = Api::new(app, &token_of(app, "reviewer@msit.example", &["ministry_read"], "30").await?);
    let queue = ministry.get("/ministry/queue").await?;
    assert_eq!(queue.status(), 200, "{}", queue.page.body);
    assert!(queue.json["items"]
        .as_array()
        .is_some_and(|i| i.iter().any(|r| r["incident_reference"] == json!(reference))));
    let case = ministry.get(&format!("/ministry/cases/{reference}")).await?;
    assert_eq!(case.json["filings"].as_array().map(Vec::len), Some(3));
    assert_eq!(officer.get("/ministry/queue").await?.problem(), "insufficient_scope");
    assert_eq!(ministry.get("/incidents").await?.problem(), "insufficient_scope");
    // each scope's first use is audited once
    assert!(audited(app, "api.scope_first_used").await? >= 5);
    assert_eq!(audited(app, "api.token_created").await?, 4);
    Ok(())
}
on_both_backends!(filing_db => three_stage_filing);
