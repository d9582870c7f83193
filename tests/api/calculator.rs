//! The calculator against the brief's worked examples.

use outage_desk_tests::*;
use serde_json::json;

use super::client::*;

async fn calculator(app: &TestApp) -> anyhow::Result<()> {
    let api = Api::new(app, &token_of(app, "reviewer@msit.example", &["read"], "30").await?);
    // Pangyo, October 2022 (brief, section 0): fire 15:19 KST, Kakao restored 20 Oct ~23:00 KST,
    // a free service: before the 2025-03-28 amendment free services were exempt from the user
    // notice (brief, KR-UN-02), while the TBA 22-7 designation (≥ 1 M users and ≥ 1 % traffic)
    // and the FCC and Ofcom criteria are met by its size
    let pangyo = |onset: &str, restored: &str, at: &str, paid: &str| {
        json!({
            "incident": {
                "onset_at": onset, "detected_at": onset, "restored_at": restored,
                "users_affected": 47000000, "service_users": 48000000,
                "services_affected": "카카오톡", "regimes": ["KR_TBA33"]
            },
            "operator": {
                "profile": { "revenue_krw": 7100000000000_i64 },
                "services": [{ "name_ko": "카카오톡", "name_en": "KakaoTalk", "daily_users": 47000000, "traffic_share_pct": 1.5, "paid": paid }]
            },
            "at": at
        })
    };
    let verdict = |r: &Answer, regime: &str| {
        r.json["assessments"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|a| a["regime"] == json!(regime))
            .map(|a| a["verdict"].clone())
    };
    let clock = |r: &Answer, regime: &str, duty: &str| {
        r.json["clocks"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["regime"] == json!(regime) && c["duty"] == json!(duty))
            .cloned()
    };
    let r = api
        .post(
            "/calculator",
            "calc",
            &pangyo("2022-10-15T15:19:00+09:00", "2022-10-20T23:00:00+09:00", "2022-10-21T00:00:00Z", "free"),
        )
        .await?;
    assert_eq!(r.status(), 200, "{}", r.page.body);
    assert_eq!(verdict(&r, "KR_TBA33"), Some(json!("not_met")), "{}", r.page.body);
    assert_eq!(verdict(&r, "KR_TBA22_7"), Some(json!("met")));
    assert_eq!(verdict(&r, "US_FCC"), Some(json!("met")));
    assert_eq!(clock(&r, "KR_TBA33", "user_notice").map(|c| c["state"].clone()), Some(json!("exempt")));
    // the same outage after the amendment: the notice is owed even for a free service; for a
    // paid one, the compensation notice too, within 30 days of restoration
    let r = api
        .post(
            "/calculator",
            "calc",
            &pangyo("2026-10-15T15:19:00+09:00", "2026-10-20T23:00:00+09:00", "2026-10-21T00:00:00Z", "free"),
        )
        .await?;
    assert_eq!(verdict(&r, "KR_TBA33"), Some(json!("met")), "{}", r.page.body);
    assert_eq!(clock(&r, "KR_TBA33", "compensation_notice").map(|c| c["state"].clone()), Some(json!("exempt")));
    let r = api
        .post(
            "/calculator",
            "calc",
            &pangyo("2026-10-15T15:19:00+09:00", "2026-10-20T23:00:00+09:00", "2026-10-21T00:00:00Z", "paid"),
        )
        .await?;
    let comp = clock(&r, "KR_TBA33", "compensation_notice")
        .ok_or_else(|| anyhow::anyhow!("no compensation clock: {}", r.page.body))?;
    assert_eq!((comp["due"].clone(), comp["state"].clone()), (json!("2026-11-19T14:00:00Z"), json!("open")));

    // FCC: ≥ 30 minutes and ≥ 900,000 user-minutes (15,000 users × 60 min); notification ≤ 120 min of discovery
    let fcc = json!({
        "incident": { "onset_at": "2026-03-02T10:00:00Z", "detected_at": "2026-03-02T10:05:00Z", "restored_at": "2026-03-02T11:00:00Z", "users_affected": "15000" },
        "at": "2026-03-02T11:30:00Z"
    });
    let r = api.post("/calculator", "calc", &fcc).await?;
    let fcc_a =
        r.json["assessments"].as_array().into_iter().flatten().find(|a| a["regime"] == json!("US_FCC")).cloned();
    assert_eq!(fcc_a.map(|a| a["verdict"].clone()), Some(json!("met")), "{}", r.page.body);
    let note = r.json["clocks"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["regime"] == json!("US_FCC") && c["duty"] == json!("initial_report"))
        .cloned();
    assert_eq!(note.map(|c| c["due"].clone()), Some(json!("2026-03-02T12:05:00Z")));
    // one user fewer: under the threshold
    let mut under = fcc.clone();
    under["incident"]["users_affected"] = json!("14999");
    let r = api.post("/calculator", "calc", &under).await?;
    let v = r.json["assessments"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["regime"] == json!("US_FCC"))
        .map(|a| a["verdict"].clone());
    assert_eq!(v, Some(json!("not_met")));

    // NIS2: early warning within 24 h of awareness, notification within 72 h
    let nis2 = json!({ "incident": { "onset_at": "2026-03-02T10:00:00Z", "aware_at": "2026-03-02T11:00:00Z", "regimes": "EU_NIS2" }, "at": "2026-03-02T12:00:00Z" });
    let r = api.post("/calculator", "calc", &nis2).await?;
    let due = |duty: &str| {
        r.json["clocks"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["regime"] == json!("EU_NIS2") && c["duty"] == json!(duty))
            .map(|c| c["due"].clone())
    };
    assert_eq!(due("early_warning"), Some(json!("2026-03-03T11:00:00Z")), "{}", r.page.body);
    assert_eq!(due("update_report"), Some(json!("2026-03-05T11:00:00Z")));

    // refusals name the field
    let bad = api
        .post(
            "/calculator",
            "calc",
            &json!({ "incident": { "no_such": 1 }, "operator": { "services": [{ "colour": "red" }] } }),
        )
        .await?;
    assert_eq!(bad.status(), 422);
    assert_eq!(bad.json["errors"][0]["pointer"], json!("/incident/no_such"));
    let bad = api
        .post("/calculator", "calc", &json!({ "incident": {}, "operator": { "services": [{ "colour": "red" }] } }))
        .await?;
    assert_eq!(bad.json["errors"][0]["pointer"], json!("/operator/services/0/colour"));
    let junk = api
        .send(api.http.post(format!("{}/calculator", api.base)).header("content-type", "application/json").body("{"))
        .await?;
    assert_eq!((junk.status(), junk.problem().as_str()), (400, "invalid_body"));
    assert_eq!(Api::new(app, "").post("/calculator", "k", &fcc).await?.status(), 401);
    Ok(())
}
on_both_backends!(calculator_db => calculator);
