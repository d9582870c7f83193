//! The operator's side of a case through the API: evidence uploaded and listed, the ministry's
//! request answered, a measure acknowledged and its item reported done, each reaching the
//! ministry's page; refusals of a closed request, an empty answer and a file of the wrong kind.

use outage_desk_tests::*;
use serde_json::json;

use super::client::*;

async fn correspondence(app: &TestApp) -> anyhow::Result<()> {
    let reference = filed_case(app).await?;
    let officer = Api::new(app, &token_of(app, "officer@a.example", &["read", "file"], "30").await?);
    let base = format!("/incidents/{reference}");

    // evidence: a PDF is taken, an executable is not, the list shows the file
    let pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".to_vec();
    let upload = |data: Vec<u8>, name: &'static str, key: &'static str| {
        let form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(data).file_name(name))
            .text("description", "근본 원인 분석 <RCA> & \"q\"");
        officer.send(
            officer
                .http
                .post(format!("{}{base}/evidence", officer.base))
                .header("idempotency-key", key)
                .multipart(form),
        )
    };
    let up = upload(pdf, "rca.pdf", "ev-1").await?;
    assert_eq!(up.status(), 201, "{}", up.page.body);
    assert_eq!(
        (up.json["content_type"].as_str(), up.json["file_name"].as_str()),
        (Some("application/pdf"), Some("rca.pdf"))
    );
    let exe = upload(vec![0x4d, 0x5a, 0x90, 0x00, 0xff], "tool.exe", "ev-2").await?;
    assert_eq!(exe.status(), 422);
    assert_eq!(
        (exe.json["errors"][0]["pointer"].as_str(), exe.json["errors"][0]["code"].as_str()),
        (Some("/file"), Some("file_type_not_allowed"))
    );
    let listed = officer.get(&format!("{base}/evidence")).await?;
    assert_eq!(listed.json.as_array().map(Vec::len), Some(1));

    // the ministry asks and orders; the operator answers, acknowledges, reports the item done
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = format!("/review/incidents/{reference}");
    let asked = ask_for_information(&reviewer, &reference, "롤백 절차서를 제출하십시오.").await?;
    assert_eq!(asked.status, 303);
    let order = [
        ("kind", "guidance"),
        ("legal_basis", "전기통신사업법"),
        ("content", "개선 계획 제출"),
        ("deadline", &in_days(30)),
        ("items", "운영 도구 이중화"),
    ];
    assert_eq!(reviewer.submit(&case, &format!("{case}/measures"), &order).await?.status, 303);

    let requests = officer.get(&format!("{base}/requests")).await?;
    assert_eq!(requests.json[0]["state"], json!("awaiting"), "{}", requests.page.body);
    let empty = officer.post(&format!("{base}/requests/1/answers"), "a-0", &json!({ "body": "   " })).await?;
    assert_eq!((empty.status(), empty.json["errors"][0]["pointer"].as_str()), (422, Some("/body")));
    let answered = officer
        .post(
            &format!("{base}/requests/1/answers"),
            "a-1",
            &json!({ "body": "절차서를 증빙으로 첨부했습니다. </textarea><script>x</script>" }),
        )
        .await?;
    assert_eq!(answered.status(), 201, "{}", answered.page.body);
    assert_eq!(answered.json["state"], json!("answered"));
    assert_eq!(
        officer.post(&format!("{base}/requests/9/answers"), "a-2", &json!({ "body": "x" })).await?.status(),
        404
    );

    let incident = officer.get(&base).await?;
    let measure = &incident.json["measures"][0];
    assert_eq!(measure["acknowledged"], json!(null));
    let ack = officer
        .send(
            officer
                .http
                .post(format!("{}{base}/measures/1/acknowledge", officer.base))
                .header("idempotency-key", "ack-1"),
        )
        .await?;
    assert_eq!(ack.status(), 200, "{}", ack.page.body);
    assert!(ack.json["acknowledged"]["at"].is_string());
    let again = officer
        .send(
            officer
                .http
                .post(format!("{}{base}/measures/1/acknowledge", officer.base))
                .header("idempotency-key", "ack-2"),
        )
        .await?;
    assert_eq!((again.status(), again.problem().as_str()), (409, "state_changed"), "acknowledged once");
    let item = ack.json["items"][0]["id"].as_i64().unwrap_or(0);
    let done = officer
        .post(
            &format!("{base}/items/{item}/done"),
            "done-1",
            &json!({ "note": "운영 도구를 세 데이터센터에 배치했습니다." }),
        )
        .await?;
    assert_eq!(done.status(), 200, "{}", done.page.body);
    assert_eq!(done.json["items"][0]["state"], json!("done"));

    // the ministry sees all of it, escaped
    let page = reviewer.get(&case).await?;
    assert!(
        page.body.contains("절차서를 증빙으로 첨부했습니다.")
            && page.body.contains("운영 도구를 세 데이터센터에 배치했습니다.")
    );
    assert!(!page.body.contains("<script>x</script>"));
    Ok(())
}
on_both_backends!(correspondence_db => correspondence);
