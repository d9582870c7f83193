//! A hostile operator's text in every text field it can reach (report, organisation profile,
//! team, answers) and a reviewer's in every case form, then every page that shows any of it
//! (operator, ministry, public) and the PDFs: no payload may come out as markup, and text
//! areas must give back exactly what was typed (escaped once, not twice).

use app::domain::profile_fields::{DEPENDENCY, FACILITY, PROFILE, SERVICE};
use app::domain::report::schema::{sections, FieldDef, Kind};
use outage_desk_tests::*;

/// Breaks out of a text area, a title, an attribute (both quotes) and carries an entity.
const PAYLOAD: &str = r#"x"' &amp; </textarea></title><script>window.pwned=1</script><img src=x data-pwn=1>"#;

/// Fails if the payload became markup anywhere in `page`.
fn assert_inert(page: &Page, what: &str) {
    assert!(page.status < 500, "{what}: status {}", page.status);
    for raw in ["<script>window.pwned", "<img src=x data-pwn", "</title><script", "</textarea><script"] {
        assert!(!page.body.contains(raw), "{what}: raw payload {raw:?} in the HTML");
    }
    let doc = scraper::Html::parse_document(&page.body);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap_or_else(|_| panic!("selector {s}"));
    assert_eq!(doc.select(&sel("[data-pwn]")).count(), 0, "{what}: an injected element");
    let scripts: Vec<String> = doc.select(&sel("script")).map(|e| e.text().collect()).collect();
    // (the payload does appear inside Leptos' hydration data, as an escaped JSON string)
    assert!(!scripts.iter().any(|s| s.trim() == "window.pwned=1"), "{what}: an injected script");
    // a title that shows the payload shows all of it, as text (not cut short at `</title>`)
    let title: String = doc.select(&sel("head > title")).map(|e| e.text().collect::<String>()).collect();
    assert!(!title.contains("x\"' &amp; ") || title.contains(PAYLOAD), "{what}: the title was cut short: {title}");
}

/// A value every field of `kind` accepts; text gets the payload.
fn value_for(kind: Kind) -> String {
    match kind {
        Kind::Line { .. } | Kind::Para { .. } => PAYLOAD.into(),
        Kind::Email => "noc@a.example".into(),
        Kind::Choice(opts) | Kind::Multi(opts) => opts.first().map(|o| o.code.to_string()).unwrap_or_default(),
        Kind::Count | Kind::Percent | Kind::Minutes => "1".into(),
        Kind::YesNo => "no".into(),
        Kind::Date => "2027-01-10".into(),
        Kind::Instant => "2026-01-10T09:00".into(),
        Kind::FutureInstant => "2027-01-10T09:00".into(),
    }
}

fn is_text(d: &FieldDef) -> bool {
    matches!(d.kind, Kind::Line { .. } | Kind::Para { .. })
}

/// `base`, with every text field of its sections (and of the group rows it has) replaced by
/// the payload; with `every_section`, sections `base` lacks are added with their text fields.
/// (A later stage posts only the sections it changes: the others keep what was copied.)
fn with_payload(base: Vec<Section>, every_section: bool) -> Vec<Section> {
    let mut out = base;
    for s in sections() {
        let i = match out.iter().position(|(slug, _)| *slug == s.slug) {
            Some(i) => i,
            None if every_section => {
                out.push((s.slug, Vec::new()));
                out.len() - 1
            }
            None => continue,
        };
        let fields = &mut out[i].1;
        for f in s.fields.iter().filter(|f| is_text(f)) {
            fields.retain(|(k, _)| *k != f.key);
            fields.push((f.key, PAYLOAD.into()));
        }
        for g in s.groups {
            let rows: Vec<String> = fields
                .iter()
                .filter_map(|(k, _)| {
                    k.strip_prefix(g.key)?.strip_prefix('.')?.split_once('.').map(|(r, _)| r.to_string())
                })
                .collect();
            for row in rows {
                for c in g.columns.iter().filter(|c| is_text(c)) {
                    let key: &'static str = Box::leak(format!("{}.{row}.{}", g.key, c.key).into_boxed_str());
                    fields.retain(|(k, _)| *k != key);
                    fields.push((key, PAYLOAD.into()));
                }
            }
        }
    }
    out
}

/// The organisation admin writes the payload into the profile, a service, a facility, a
/// dependency and a colleague's name.
async fn hostile_profile(admin: &Client) -> anyhow::Result<()> {
    let page = "/filing/organisation";
    let revision = admin.get(page).await?.field_value("_revision").unwrap_or_default();
    let mut profile: Vec<(String, String)> = PROFILE.iter().map(|f| (f.key.to_string(), value_for(f.kind))).collect();
    profile.extend([("_form".into(), "profile".into()), ("_revision".into(), revision)]);
    let saved = admin.submit(page, page, &pairs(&profile)).await?;
    assert_eq!(saved.status, 303, "profile: {:?}", saved.texts(".error-message"));
    for (kind, defs) in [("service", SERVICE), ("facility", FACILITY), ("dependency", DEPENDENCY)] {
        let mut record: Vec<(String, String)> = defs.iter().map(|f| (f.key.to_string(), value_for(f.kind))).collect();
        record.push(("_form".into(), kind.into()));
        let added = admin.submit(page, &format!("{page}/{kind}"), &pairs(&record)).await?;
        assert_eq!(added.status, 303, "{kind}: {:?}", added.texts(".error-message"));
    }
    let member = [
        ("_form", "member"),
        ("member_name", PAYLOAD),
        ("member_email", "hostile@a.example"),
        ("member_role", "operator_officer"),
    ];
    assert_eq!(admin.submit(page, &format!("{page}/team"), &member).await?.status, 303);
    Ok(())
}

fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(k, val)| (k.as_str(), val.as_str())).collect()
}

async fn every_page_keeps_hostile_text_inert(app: &TestApp) -> anyhow::Result<()> {
    let admin = app.signed_in("admin@a.example").await?;
    hostile_profile(&admin).await?;
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;

    // the whole report, initial then final, with the payload in every text field
    let incident = open_incident(&officer, PAYLOAD).await?;
    fill(&officer, &incident, &with_payload(initial_sections(PAYLOAD), true)).await?;
    for s in sections() {
        let page = officer.get(&format!("/filing/incidents/{incident}/draft/{}", s.slug)).await?;
        assert_inert(&page, s.slug);
        for f in s.fields.iter().filter(|f| matches!(f.kind, Kind::Para { .. })) {
            assert_eq!(
                page.field_value(f.key).as_deref(),
                Some(PAYLOAD),
                "{}: typed text comes back once-escaped",
                f.key
            );
        }
    }
    assert_inert(&officer.get(&format!("/filing/incidents/{incident}/draft/check")).await?, "check page");
    let first = file_draft(&signatory, &incident).await?;
    assert_eq!(start_stage(&officer, &incident, "final").await?.status, 303);
    // straight from initial to final: the progress answers of an interim update come along
    let mut last_stage = final_sections();
    last_stage.extend(interim_sections().into_iter().filter(|(s, _)| *s == "impact" || *s == "response"));
    fill(&officer, &incident, &with_payload(last_stage, false)).await?;
    let last = file_draft(&signatory, &incident).await?;
    assert_eq!(incident_of(&last), incident);

    // the reviewer's side, with the payload in every case form
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let lead = app.signed_in("lead@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    let duty = format!("{case}/duties/KR-DM-05");
    let found = [("finding", "partially"), ("rationale", PAYLOAD), ("evidence", PAYLOAD)];
    assert_eq!(reviewer.submit(&duty, &duty, &found).await?.status, 303);
    let ask = [("question", PAYLOAD), ("due", &in_days(3))];
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests"), &ask).await?.status, 303);
    // the measure form is pre-filled with the operator's prevention items: the first sink
    let case_page = reviewer.get(&case).await?;
    assert_inert(&case_page, "case page before measures");
    assert!(case_page.field_value("items").unwrap_or_default().contains(PAYLOAD), "items pre-filled as typed");
    let order = [
        ("kind", "corrective_order"),
        ("legal_basis", PAYLOAD),
        ("content", PAYLOAD),
        ("deadline", &in_days(30)),
        ("items", PAYLOAD),
    ];
    assert_eq!(reviewer.submit(&case, &format!("{case}/measures"), &order).await?.status, 303);

    // the operator answers and reports the item done, with the payload
    let operator_page = format!("/filing/incidents/{incident}");
    let seen = officer.get(&operator_page).await?;
    let form = reqwest::multipart::Form::new().text("_csrf", seen.csrf().unwrap_or_default()).text("body_1", PAYLOAD);
    let answered = officer.http.post(format!("{}{operator_page}/requests/1", app.base)).multipart(form).send().await?;
    assert_eq!(answered.status().as_u16(), 303);
    let item =
        seen.body.split(&format!("/filing/incidents/{incident}/items/")).nth(1).and_then(|r| r.split('"').next());
    let item = item.unwrap_or_default().to_string();
    let note = format!("note_{item}");
    let done =
        officer.submit(&operator_page, &format!("{operator_page}/items/{item}"), &[(note.as_str(), PAYLOAD)]).await?;
    assert_eq!(done.status, 303);
    let (verdict, reason) = (format!("verdict_{item}"), format!("reason_{item}"));
    let rejected = reviewer
        .submit(&case, &format!("{case}/items/{item}"), &[(verdict.as_str(), "reject"), (reason.as_str(), PAYLOAD)])
        .await?;
    assert_eq!(rejected.status, 303);
    let follow = [("body_1", PAYLOAD)];
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests/1"), &follow).await?.status, 303);

    // the summary form is pre-filled from the filing's public answers: the second sink
    let summary = format!("{case}/summary");
    let prefilled = reviewer.get(&summary).await?;
    assert_inert(&prefilled, "summary page, pre-filled");
    assert!(prefilled.field_value("headline_ko").unwrap_or_default().contains(PAYLOAD), "default headline as typed");
    let parts: Vec<(String, String)> = app::domain::case::forms::SUMMARY_PARTS
        .iter()
        .flat_map(|p| ["ko", "en"].map(|l| (format!("{}_{l}", p.key), PAYLOAD.to_string())))
        .chain([("action".to_string(), "submit".to_string())])
        .chain([("revision".to_string(), prefilled.field_value("revision").unwrap_or_default())])
        .collect();
    assert_eq!(reviewer.submit(&summary, &summary, &pairs(&parts)).await?.status, 303);
    assert_eq!(lead.submit(&summary, &format!("{summary}/approve"), &[]).await?.status, 303);
    let mut correction = parts.clone();
    correction.retain(|(k, _)| k != "revision");
    correction.push(("revision".into(), reviewer.get(&summary).await?.field_value("revision").unwrap_or_default()));
    correction.extend([("reason_ko".into(), PAYLOAD.into()), ("reason_en".into(), PAYLOAD.into())]);
    assert_eq!(reviewer.submit(&summary, &summary, &pairs(&correction)).await?.status, 303);
    assert_eq!(lead.submit(&summary, &format!("{summary}/approve"), &[]).await?.status, 303);

    // every page that shows any of it
    let compare = format!("/filing/incidents/{incident}/compare?from=1&to=2");
    for (who, client, path) in [
        ("operator", &officer, "/filing".to_string()),
        ("operator", &officer, operator_page.clone()),
        ("operator", &officer, format!("/filing/filings/{first}")),
        ("operator", &officer, format!("/filing/filings/{last}")),
        ("operator", &officer, compare),
        ("admin", &admin, "/filing/organisation".to_string()),
        ("reviewer", &reviewer, "/review".to_string()),
        ("reviewer", &reviewer, format!("/review/filings/{last}")),
        ("reviewer", &reviewer, case.clone()),
        ("reviewer", &reviewer, duty.clone()),
        ("reviewer", &reviewer, summary.clone()),
        ("reviewer", &reviewer, "/review/overview".to_string()),
        ("public", &app.client(), "/".to_string()),
        ("public", &app.client(), "/incidents".to_string()),
        ("public", &app.client(), format!("/incidents/{incident}")),
        ("public", &app.client(), format!("/incidents/{incident}?lang=en")),
    ] {
        let page = client.get(&path).await?;
        assert_eq!(page.status, 200, "{who} {path}");
        assert_inert(&page, &format!("{who} {path}"));
    }
    let public = app.client().get(&format!("/incidents/{incident}")).await?;
    assert!(public.texts("title").join("").contains("</textarea></title><script>"), "the title shows the text as text");

    // the PDFs print the payload as text
    for (client, path) in [
        (&officer, format!("/filing/filings/{last}/pdf")),
        (&reviewer, format!("/review/filings/{last}/pdf")),
        (&officer, format!("{operator_page}/measures/1/pdf")),
    ] {
        let pdf = client.get(&path).await?;
        assert_eq!(pdf.content_type, "application/pdf", "{path}");
        let text = pdf_text(&pdf.bytes)?;
        assert!(text.contains("<script>window.pwned=1</script>"), "{path} prints the text literally");
    }
    Ok(())
}
on_both_backends!(xss_db => every_page_keeps_hostile_text_inert);

/// What the system administrator and organisation admins type (organisation names, legal
/// names, the 24/7 contact, people's names, reasons) stays text on every page that shows it:
/// the administration pages, the audit log, the outbox and its messages, the invitation page
/// and the invited people's own pages.
async fn administered_text_stays_inert(app: &TestApp) -> anyhow::Result<()> {
    let sys = app.signed_in("sysadmin@desk.example").await?;
    let orgs = "/admin/organisations";
    let org = [
        ("slug", "hostile-org"),
        ("name_ko", PAYLOAD),
        ("name_en", PAYLOAD),
        ("legal_name_ko", PAYLOAD),
        ("legal_name_en", PAYLOAD),
        ("biz_reg_no", "220-81-00000"),
        ("contact_name", PAYLOAD),
        ("contact_phone", "02-123-4567"),
        ("contact_email", "noc@hostile.example"),
        ("admin_name", PAYLOAD),
        ("admin_email", "admin@hostile.example"),
    ];
    let created = sys.submit(orgs, orgs, &org).await?;
    assert_eq!(created.status, 303, "the organisation is made");
    let staff = "/admin/staff";
    let invited =
        sys.submit(staff, staff, &[("name", PAYLOAD), ("email", "x@msit.example"), ("role", "reviewer")]).await?;
    assert_eq!(invited.status, 303, "the reviewer is invited");
    let page = format!("{orgs}/hostile-org");
    let off = sys
        .submit(&page, &format!("{page}/active"), &[("active", "no"), ("reason", PAYLOAD), ("confirm", "yes")])
        .await?;
    assert_eq!(off.status, 303, "deactivated with the reason");
    let outbox = sys.get("/admin/outbox").await?;
    let messages: Vec<String> = outbox
        .body
        .split("href=\"/admin/outbox/")
        .skip(1)
        .filter_map(|r| r.split('"').next())
        .filter(|id| id.chars().all(|c| c.is_ascii_digit()))
        .map(|id| format!("/admin/outbox/{id}"))
        .collect();
    assert!(!messages.is_empty(), "the invitations are in the outbox");
    let mut pages = vec![orgs.to_string(), page.clone(), staff.to_string(), "/admin/audit".into(), "/admin".into()];
    pages.extend(messages);
    for path in &pages {
        assert_inert(&sys.get(path).await?, path);
    }
    // the invitation page names the person; once they join, their own pages show the names
    let reactivated = sys
        .submit(&page, &format!("{page}/active"), &[("active", "yes"), ("reason", PAYLOAD), ("confirm", "yes")])
        .await?;
    assert_eq!(reactivated.status, 303, "reactivated");
    let link = link_sent_to(app, "admin@hostile.example", "invitation").await?.unwrap_or_default();
    assert_inert(&app.client().get(&link).await?, "the invitation page");
    choose_password(app, &link, "hostile admin password").await?;
    let their = app.client();
    assert_eq!(their.login("admin@hostile.example", "hostile admin password").await?.status, 303);
    for path in ["/filing", "/filing/organisation", "/account/two-step", "/account/sessions"] {
        assert_inert(&their.get(path).await?, path);
    }
    Ok(())
}
on_both_backends!(admin_xss_db => administered_text_stays_inert);
