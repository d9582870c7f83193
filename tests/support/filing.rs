//! Builders for staged filings over HTTP, as a person would fill them in: open an
//! incident, save each section of the draft, and have a signatory submit it.

use anyhow::Context;

use super::{Client, Page};

/// Answers of one section: (section slug, [(field, value)]). Repeated field names are
/// ticked boxes of one question.
pub type Section = (&'static str, Vec<(&'static str, String)>);

fn s(v: &str) -> String {
    v.to_string()
}

/// A complete initial notification, with typst-special characters and Korean text.
pub fn initial_sections(title: &str) -> Vec<Section> {
    vec![
        (
            "summary",
            vec![
                ("title", s(title)),
                ("regimes", s("KR_FA38")),
                ("regimes", s("KR_TBA33")),
                ("status", s("ongoing")),
                ("services_affected", s("메신저\n로그인 #read(\"/etc/passwd\")")),
                ("functions_affected", s("messaging")),
                ("functions_affected", s("login")),
                ("description", s("전원 장애 ] * $ _ #import \"x\": * 로 서비스 중단")),
            ],
        ),
        (
            "times",
            vec![
                ("onset_at", s("2026-01-10T09:00")),
                ("detected_at", s("2026-01-10T09:05")),
                ("detection_source", s("monitoring")),
            ],
        ),
        (
            "impact",
            vec![
                ("impact_type", s("complete_unavailability")),
                ("users_affected", s("1,200,000")),
                ("estimation_basis", s("measured")),
                ("service_users", s("5000000")),
            ],
        ),
        (
            "cause",
            vec![
                ("cause_category", s("POWER")),
                ("suspected_malicious", s("no")),
                ("third_party_involved", s("yes")),
                ("third_party_role", s("data_centre")),
            ],
        ),
        (
            "response",
            vec![("emergency_measures", s("예비 데이터센터로 전환")), ("recovery_plan", s("전원 복구 후 순차 재기동"))],
        ),
        ("redundancy", vec![("failover_attempted", s("yes")), ("failover_succeeded", s("no"))]),
        (
            "notice",
            vec![
                ("notice_sent", s("yes")),
                ("notice_sent_at", s("2026-01-10T09:30")),
                ("notice_channels", s("sns")),
                ("notice_contents", s("fact")),
                ("notice_contents", s("cause")),
                ("notice_contents", s("response")),
                ("notice_contents", s("contact")),
            ],
        ),
    ]
}

/// One section of [`initial_sections`], with some answers replaced and others added.
fn amended(slug: &str, changes: &[(&'static str, &str)]) -> Section {
    let (slug, mut fields) = initial_sections("전원 장애로 메신저 중단")
        .into_iter()
        .find(|(s, _)| *s == slug)
        .unwrap_or(("summary", Vec::new()));
    for (key, value) in changes {
        fields.retain(|(k, _)| k != key);
        fields.push((key, s(value)));
    }
    (slug, fields)
}

/// What an interim update adds.
pub fn interim_sections() -> Vec<Section> {
    vec![
        amended("summary", &[("status", "partially_restored"), ("severity", "alert")]),
        (
            "times",
            vec![
                ("onset_at", s("2026-01-10T09:00")),
                ("detected_at", s("2026-01-10T09:05")),
                ("detection_source", s("monitoring")),
                ("timeline.0.at", s("2026-01-10T09:05")),
                ("timeline.0.kind", s("detect")),
                ("timeline.0.text", s("경보 발생")),
            ],
        ),
        (
            "response",
            vec![
                ("emergency_measures", s("예비 데이터센터로 전환")),
                ("recovery_plan", s("전원 복구 후 순차 재기동")),
                ("pct_services_restored", s("40")),
            ],
        ),
        (
            "impact",
            vec![
                ("impact_type", s("complete_unavailability")),
                ("users_affected", s("1,500,000")),
                ("estimation_basis", s("measured")),
                ("service_users", s("5000000")),
                ("data_loss", s("no")),
            ],
        ),
    ]
}

/// What the final report adds.
pub fn final_sections() -> Vec<Section> {
    let mut times = interim_sections().remove(1);
    times.1.push(("restored_at", s("2026-01-10T15:00")));
    vec![
        times,
        amended(
            "summary",
            &[("title", "전원 장애로 메신저 중단 (최종)"), ("status", "restored"), ("severity", "serious")],
        ),
        amended(
            "cause",
            &[
                ("detailed_causes", "hw_physical_damage"),
                ("cause_narrative", "배터리실 화재로 전원 차단"),
                ("assets_affected", "power"),
            ],
        ),
        (
            "redundancy",
            vec![
                ("failover_attempted", s("yes")),
                ("failover_succeeded", s("no")),
                ("data_replicated", s("yes")),
                ("service_multi_dc", s("yes")),
                ("ops_tools_multi_dc", s("no")),
                ("rto_target_min", s("120")),
                ("rto_actual_min", s("360")),
            ],
        ),
        ("compensation", vec![("compensation_scheme", s("이용 기간 3배 연장"))]),
        (
            "prevention",
            vec![
                ("prevention.0.measure", s("운영 도구 이중화")),
                ("prevention.0.owner", s("인프라실")),
                ("prevention.0.due", s("2026-06-30")),
                ("prevention.0.status", s("planned")),
            ],
        ),
    ]
}

/// Opens an incident as `client` and returns its reference.
pub async fn open_incident(client: &Client, title: &str) -> anyhow::Result<String> {
    let resp = client.submit("/filing/new", "/filing/new", &[("title", title)]).await?;
    anyhow::ensure!(resp.status == 303, "opening answered {}: {}", resp.status, resp.body);
    let location = resp.location.unwrap_or_default();
    location.strip_prefix("/filing/incidents/").map(str::to_string).with_context(|| format!("redirect {location}"))
}

/// Loads a section page and posts `fields` with its token and revision.
pub async fn save_section(
    client: &Client,
    incident: &str,
    section: &str,
    fields: &[(&str, String)],
) -> anyhow::Result<Page> {
    let path = format!("/filing/incidents/{incident}/draft/{section}");
    let page = client.get(&path).await?;
    let token = page.csrf().with_context(|| format!("no token on {path} ({})", page.status))?;
    let revision = page.field_value("_revision").with_context(|| format!("no revision on {path}"))?;
    let mut all: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    all.extend([("_csrf", token.as_str()), ("_revision", revision.as_str()), ("_action", "save")]);
    client.post(&path, &all).await
}

/// Saves every section; each save must be accepted.
pub async fn fill(client: &Client, incident: &str, sections: &[Section]) -> anyhow::Result<()> {
    for (slug, fields) in sections {
        let resp = save_section(client, incident, slug, fields).await?;
        anyhow::ensure!(resp.status == 303, "saving {slug} answered {}", resp.status);
    }
    Ok(())
}

/// Submits the draft as `signatory` from the check page; returns the response.
pub async fn submit_draft(signatory: &Client, incident: &str) -> anyhow::Result<Page> {
    let check = signatory.get(&format!("/filing/incidents/{incident}/draft/check")).await?;
    let token = check.csrf().context("no token on the check page")?;
    let sha = check
        .field_value("sha256")
        .with_context(|| format!("no submit form: {:?}", check.texts(".error-summary li")))?;
    let action = format!("/filing/incidents/{incident}/draft/submit");
    signatory
        .post(&action, &[("_csrf", &token), ("sha256", &sha), ("signatory_title", "준법감시인"), ("attest", "yes")])
        .await
}

/// Submits and returns the new filing's reference.
pub async fn file_draft(signatory: &Client, incident: &str) -> anyhow::Result<String> {
    let resp = submit_draft(signatory, incident).await?;
    anyhow::ensure!(resp.status == 303, "submission answered {}: {:?}", resp.status, resp.texts(".error-summary li"));
    let location = resp.location.unwrap_or_default();
    location
        .strip_prefix("/filing/filings/")
        .and_then(|r| r.strip_suffix("?received=1"))
        .map(str::to_string)
        .with_context(|| format!("redirect {location}"))
}

/// Starts the next stage's draft.
pub async fn start_stage(client: &Client, incident: &str, stage: &str) -> anyhow::Result<Page> {
    let page = format!("/filing/incidents/{incident}");
    client.submit(&page, &format!("{page}/draft"), &[("stage", stage)]).await
}

/// An officer opens and fills an initial notification; a signatory files it.
/// Returns (incident reference, filing reference).
pub async fn file_initial(officer: &Client, signatory: &Client, title: &str) -> anyhow::Result<(String, String)> {
    let incident = open_incident(officer, title).await?;
    fill(officer, &incident, &initial_sections(title)).await?;
    let filing = file_draft(signatory, &incident).await?;
    Ok((incident, filing))
}

/// The incident reference of a filing reference (`OD-2026-000001-02` → `OD-2026-000001`).
pub fn incident_of(filing: &str) -> String {
    filing.rsplit_once('-').map(|(i, _)| i.to_string()).unwrap_or_default()
}

/// A `datetime-local` value `days` from now (in KST, the default zone).
pub fn in_days(days: i64) -> String {
    let t = server::storage::now().0 + days * 86_400;
    app::domain::zone::UserZone::Seoul.to_input(app::domain::timestamp::Timestamp(t))
}

/// An initial notification of organisation A, filed; returns the incident reference.
pub async fn filed_case(app: &super::TestApp) -> anyhow::Result<String> {
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    Ok(incident_of(&file_initial(&officer, &signatory, "인증 장애").await?.1))
}

/// The reviewer asks the operator of `incident` a question due in three days; returns the
/// answer to the form post (303 when the request was sent).
pub async fn ask_for_information(reviewer: &Client, incident: &str, question: &str) -> anyhow::Result<Page> {
    let case = format!("/review/incidents/{incident}");
    reviewer.submit(&case, &format!("{case}/requests"), &[("question", question), ("due", &in_days(3))]).await
}
