//! Notifications (issue #12) against a real SMTP server (aiosmtpd), on SQLite and PostgreSQL:
//! each event reaches the right people and nobody else, in their language, by e-mail and on
//! the bell; opt-outs stop the e-mail only; reminders go once per threshold; a refused
//! address becomes a dead letter the system administrator can read and queue again.

use std::time::Duration;

use outage_desk_tests::smtp::{Mail, SmtpSink};
use outage_desk_tests::*;

const WAIT: Duration = Duration::from_secs(20);

macro_rules! with_smtp_on_both_backends {
    ($module:ident => $test:ident) => {
        mod $module {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() -> anyhow::Result<()> {
                let sink = SmtpSink::start()?;
                let app = TestApp::spawn_with_smtp(Backend::Sqlite, &sink.url()).await?;
                super::$test(&app, &sink).await?;
                app.cleanup().await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() -> anyhow::Result<()> {
                let sink = SmtpSink::start()?;
                let app = TestApp::spawn_with_smtp(Backend::Postgres, &sink.url()).await?;
                super::$test(&app, &sink).await?;
                app.cleanup().await
            }
        }
    };
}

/// Hands every due message to the SMTP server (the sender loop, one batch at a time).
async fn deliver(app: &TestApp) -> anyhow::Result<usize> {
    let sender = server::notify::sender_of(&app.state)?.ok_or_else(|| anyhow::anyhow!("no SMTP configured"))?;
    let mut total = 0;
    loop {
        let n = sender.run_once().await?;
        total += n;
        if n == 0 {
            return Ok(total);
        }
    }
}

/// The recipients of the messages whose subject contains `marker`, sorted.
fn recipients(mails: &[Mail], marker: &str) -> Vec<String> {
    let mut to: Vec<String> = mails.iter().filter(|m| m.subject.contains(marker)).flat_map(|m| m.to.clone()).collect();
    to.sort();
    to
}

async fn events_reach_the_right_people(app: &TestApp, sink: &SmtpSink) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    // the officer reads in English from now on: their e-mails follow
    assert_eq!(officer.get("/filing?lang=en").await?.status, 200);
    let (incident, _) = file_initial(&officer, &signatory, "메시지 장애").await?;

    // filed, and the case is nobody's yet: the review leads hear of it, not reviewers
    deliver(app).await?;
    let mails = sink.wait_for(1, WAIT).await?;
    assert_eq!(recipients(&mails, "보고 접수"), vec!["lead@msit.example"], "{mails:#?}");

    // the ministry asks: the organisation's officers and signatories, not its admin, not B
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    let ask = [("question", "</textarea><script>alert(1)</script> & \"q\""), ("due", &in_days(3))];
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests"), &ask).await?.status, 303);
    deliver(app).await?;
    let mails = sink.wait_for(3, WAIT).await?;
    let asked: Vec<&Mail> =
        mails.iter().filter(|m| m.text.contains(&format!("/filing/incidents/{incident}"))).collect();
    let mut to: Vec<String> = asked.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(to, vec!["officer@a.example", "signatory@a.example"], "{mails:#?}");
    let english = asked.iter().find(|m| m.to == ["officer@a.example"]).ok_or_else(|| anyhow::anyhow!("no mail"))?;
    assert!(english.subject.contains("Request for information") && english.subject.contains(&incident));
    assert!(english.text.contains(&format!("http://desk.test/filing/incidents/{incident}")), "{}", english.text);
    assert!(english.html.contains("<a href=\"http://desk.test/filing/incidents/"), "{}", english.html);
    let korean = asked.iter().find(|m| m.to == ["signatory@a.example"]).ok_or_else(|| anyhow::anyhow!("no mail"))?;
    assert!(korean.subject.contains("자료제출 요청"), "{}", korean.subject);
    for m in &mails {
        assert!(!m.text.contains("<script>") && !m.html.contains("<script>"), "no typed text in mail: {m:#?}");
        assert!(m.message_id.starts_with("<outbox-"), "{}", m.message_id);
    }

    // the bell: one unread for the officer (the question), none for organisation B
    let page = officer.get("/filing").await?;
    let bell = page.body.split("class=\"bell\"").nth(1).unwrap_or("").chars().take(900).collect::<String>();
    assert!(bell.contains("class=\"bell-count\">1<"), "bell shows 1: {bell}");
    let other = app.signed_in("officer@b.example").await?;
    assert!(!other.get("/filing").await?.body.contains("bell-count"));
    let list = officer.get("/account/notifications").await?;
    assert!(list.body.contains(&incident) && list.body.contains("request for information no. 1"), "listed");
    assert!(!list.body.contains("<script>alert"), "nothing typed reaches the list");

    // the operator answers: the case owner (a lead, while unassigned) hears of it
    let seen = officer.get(&format!("/filing/incidents/{incident}")).await?;
    let form = reqwest::multipart::Form::new().text("_csrf", seen.csrf().unwrap_or_default()).text("body_1", "답");
    let url = format!("{}/filing/incidents/{incident}/requests/1", app.base);
    assert_eq!(officer.http.post(url).multipart(form).send().await?.status().as_u16(), 303);
    deliver(app).await?;
    let mails = sink.wait_for(4, WAIT).await?;
    assert_eq!(recipients(&mails, "자료제출 답변"), vec!["lead@msit.example"]);

    // once assigned, the assignee alone hears of the next answer
    let lead = app.signed_in("lead@msit.example").await?;
    let reviewer_id = user_id(app, "reviewer@msit.example").await?;
    let assign = [("assignee", reviewer_id.to_string())];
    let assign: Vec<(&str, &str)> = assign.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(lead.submit(&case, &format!("{case}/assign"), &assign).await?.status, 303);
    let seen = officer.get(&format!("/filing/incidents/{incident}")).await?;
    let form = reqwest::multipart::Form::new().text("_csrf", seen.csrf().unwrap_or_default()).text("body_1", "더");
    let url = format!("{}/filing/incidents/{incident}/requests/1", app.base);
    assert_eq!(officer.http.post(url).multipart(form).send().await?.status().as_u16(), 303);
    deliver(app).await?;
    let mails = sink.wait_for(5, WAIT).await?;
    assert_eq!(recipients(&mails[4..], "자료제출 답변"), vec!["reviewer@msit.example"]);

    // opening a notification marks it read and goes to its page
    let first =
        list.body.split("href=\"/account/notifications/").nth(1).and_then(|r| r.split('"').next()).unwrap_or("");
    assert!(first.parse::<i64>().is_ok(), "a notification link: {first}");
    let opened = officer.get(&format!("/account/notifications/{first}")).await?;
    assert_eq!(opened.status, 303);
    assert!(opened.location.as_deref().is_some_and(|l| l.starts_with("/filing/incidents/")));
    assert_eq!(other.get(&format!("/account/notifications/{first}")).await?.status, 404, "not someone else's");
    Ok(())
}
with_smtp_on_both_backends!(events_db => events_reach_the_right_people);

async fn user_id(app: &TestApp, email: &str) -> anyhow::Result<i64> {
    let found = server::storage::users::credentials(&app.state.db, email).await?;
    found.map(|c| c.id).ok_or_else(|| anyhow::anyhow!("no account {email}"))
}

/// Unticking a kind stops its e-mail; the bell still shows it.
async fn an_opt_out_stops_the_email_only(app: &TestApp, sink: &SmtpSink) -> anyhow::Result<()> {
    let officer = app.signed_in("officer@a.example").await?;
    let page = "/account/notifications";
    let keep = [("email_measure_issued", "yes")];
    assert_eq!(officer.submit(page, &format!("{page}/settings"), &keep).await?.status, 303);
    let settings = officer.get(page).await?;
    let ticked = |kind: &str| {
        settings
            .body
            .split(&format!("name=\"email_{kind}\""))
            .nth(1)
            .is_some_and(|r| r.split('>').next().is_some_and(|tag| tag.contains("checked")))
    };
    assert!(ticked("measure_issued") && !ticked("request_asked"), "the form shows the choice");
    let incident = filed_case(app).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    let due = in_days(3);
    let ask = [("question", "자료"), ("due", due.as_str())];
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests"), &ask).await?.status, 303);
    deliver(app).await?;
    sink.wait_for(2, WAIT).await?;
    let asked: Vec<String> = recipients(&sink.mails(), "자료제출 요청");
    assert_eq!(asked, vec!["signatory@a.example"], "the officer opted out");
    let list = officer.get(page).await?;
    assert!(list.body.contains("자료제출 요청 1번"), "still on the bell");
    // a ministry person's form lists ministry kinds only
    let lead = app.signed_in("lead@msit.example").await?;
    let theirs = lead.get(page).await?.body;
    assert!(theirs.contains("email_filing_received") && !theirs.contains("email_request_asked"));
    Ok(())
}
with_smtp_on_both_backends!(optout_db => an_opt_out_stops_the_email_only);

/// A request due in two days: nothing yet; a day before, "due soon" once however often the
/// job runs; past it, "overdue" once.
async fn reminders_go_once_per_threshold(app: &TestApp, _sink: &SmtpSink) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    let due = in_days(2);
    let ask = [("question", "자료"), ("due", due.as_str())];
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests"), &ask).await?.status, 303);
    let count = |kind: &'static str| async move { kind_count(app, kind).await };
    let run = || async { server::notify::reminders::run_once(&app.state.db, app.state.clock.now()).await };
    run().await?;
    assert_eq!(count("request_due_soon").await?, 0);
    app.state.clock.advance(36 * 3600);
    run().await?;
    run().await?;
    assert_eq!(count("request_due_soon").await?, 2, "officer and signatory, once each");
    app.state.clock.advance(24 * 3600);
    run().await?;
    run().await?;
    assert_eq!(count("request_overdue").await?, 2);
    assert_eq!(count("request_due_soon").await?, 2, "not again");
    // the regime clocks of the initial notification's later duties remind too, once each
    let missed = count("clock_missed").await? + count("clock_due_soon").await?;
    run().await?;
    assert_eq!(count("clock_missed").await? + count("clock_due_soon").await?, missed);
    Ok(())
}
with_smtp_on_both_backends!(reminders_db => reminders_go_once_per_threshold);

async fn kind_count(app: &TestApp, kind: &str) -> anyhow::Result<i64> {
    Ok(server::with_pool!(&app.state.db, |p| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM notifications WHERE kind = $1").bind(kind).fetch_one(p).await
    })?)
}

/// A permanent refusal makes a dead letter at once; a temporary one is tried again later.
/// Only the system administrator reads the outbox, and may queue a dead letter again.
async fn refusals_make_dead_letters(app: &TestApp, sink: &SmtpSink) -> anyhow::Result<()> {
    let hash = app.state.hasher.hash(PASSWORD.into()).await?;
    for email in ["gone@refuse.example", "later@busy.example"] {
        let new = server::storage::users::NewUser {
            email,
            display_name: email,
            password_hash: &hash,
            role: app::domain::auth::Role::OperatorOfficer,
            org: Some(app.org_a),
        };
        server::storage::users::create_user(&app.state.db, new).await?;
    }
    let incident = filed_case(app).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    let due = in_days(3);
    let ask = [("question", "자료"), ("due", due.as_str())];
    assert_eq!(reviewer.submit(&case, &format!("{case}/requests"), &ask).await?.status, 303);
    deliver(app).await?;
    sink.wait_for(3, WAIT).await?;
    let state_of = |to: &'static str| async move {
        server::with_pool!(&app.state.db, |p| {
            sqlx::query_as::<_, (String, i64, i64)>(
                "SELECT state, attempts, next_attempt_at FROM outbox WHERE to_address = $1",
            )
            .bind(to)
            .fetch_one(p)
            .await
        })
    };
    let (dead, attempts, _) = state_of("gone@refuse.example").await?;
    assert_eq!((dead.as_str(), attempts), ("dead", 1));
    let (pending, attempts, next) = state_of("later@busy.example").await?;
    assert_eq!((pending.as_str(), attempts), ("pending", 1));
    assert!(next >= app.state.clock.now().0 + 25, "backed off");
    assert_eq!(deliver(app).await?, 0, "not due again yet");

    let admin = app.signed_in("sysadmin@desk.example").await?;
    let outbox = admin.get("/admin/outbox?state=dead").await?;
    assert_eq!(outbox.status, 200);
    assert!(outbox.body.contains("gone@refuse.example") && !outbox.body.contains("officer@a.example"));
    let id = outbox.body.split("/admin/outbox/").nth(1).and_then(|r| r.split('"').next()).unwrap_or("").to_string();
    let message = admin.get(&format!("/admin/outbox/{id}")).await?;
    assert!(message.body.contains("550") && message.body.contains(&format!("/filing/incidents/{incident}")));
    for who in ["officer@a.example", "reviewer@msit.example", "admin@a.example"] {
        let c = app.signed_in(who).await?;
        assert_eq!(c.get("/admin/outbox").await?.status, 403, "{who}");
        assert_eq!(c.get(&format!("/admin/outbox/{id}")).await?.status, 403, "{who}");
    }
    let retry = admin.submit(&format!("/admin/outbox/{id}"), &format!("/admin/outbox/{id}/retry"), &[]).await?;
    assert_eq!(retry.status, 303);
    assert_eq!(state_of("gone@refuse.example").await?.0, "pending");
    let again = admin.submit(&format!("/admin/outbox/{id}"), &format!("/admin/outbox/{id}/retry"), &[]).await?;
    assert_eq!(again.status, 404, "only a dead letter can be queued again");
    let audited = server::storage::audit::count(
        &app.state.db,
        app::domain::audit::AuditAction::OutboxRetried,
        &format!("outbox:{id}"),
    )
    .await?;
    assert_eq!(audited, 1);
    Ok(())
}
with_smtp_on_both_backends!(dead_letters_db => refusals_make_dead_letters);

/// Two sender loops on one PostgreSQL database deliver 1,000 queued messages: none twice,
/// none lost, though one loop is killed in the middle of a batch (its claimed rows are taken
/// over when the lease runs out).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_senders_share_one_outbox() -> anyhow::Result<()> {
    use server::notify::sender::{Sender, SenderSettings};
    let sink = SmtpSink::start()?;
    let app = TestApp::spawn_with_smtp(Backend::Postgres, &sink.url()).await?;
    let at = app.state.clock.now().0;
    server::with_pool!(&app.state.db, |p| {
        sqlx::query(
            "INSERT INTO outbox (to_address, display_name, lang, kind, reference, detail, created_at, next_attempt_at)
             SELECT 'n' || g || '@load.example', 'N', 'en', 'request_asked', 'OD-2026-000001', g::text, $1, $1
             FROM generate_series(1, 1000) g",
        )
        .bind(at)
        .execute(p)
        .await
        .map(|_| ())
    })?;
    let settings = |_: ()| SenderSettings {
        smtp_url: sink.url(),
        from: "Outage Desk <desk@desk.test>".into(),
        base_url: "http://desk.test".into(),
        lease_secs: 2,
        batch: 25,
        poll: Duration::from_millis(50),
    };
    let a = Sender::new(app.state.db.clone(), app.state.clock.clone(), &settings(()), "loop-a".into())?;
    let b = Sender::new(app.state.db.clone(), app.state.clock.clone(), &settings(()), "loop-b".into())?;
    let a = tokio::spawn(a.run());
    let b = tokio::spawn(b.run());
    sink.wait_for(150, Duration::from_secs(60)).await?;
    a.abort();
    let mails = sink.wait_for(1000, Duration::from_secs(120)).await?;
    // longer than a lease: anything claimed twice would have arrived by now
    tokio::time::sleep(Duration::from_secs(3)).await;
    b.abort();
    let mails = if sink.mails().len() > mails.len() { sink.mails() } else { mails };
    let ids: std::collections::HashSet<&str> = mails.iter().map(|m| m.message_id.as_str()).collect();
    assert_eq!(mails.len(), 1000, "every message once");
    assert_eq!(ids.len(), 1000, "no duplicates");
    let (sent, by_a, by_b) = server::with_pool!(&app.state.db, |p| {
        sqlx::query_as::<_, (i64, i64, i64)>(
            "SELECT (SELECT COUNT(*) FROM outbox WHERE state = 'sent'),
                    (SELECT COUNT(*) FROM outbox_attempts WHERE sender = 'loop-a' AND outcome = 'sent'),
                    (SELECT COUNT(*) FROM outbox_attempts WHERE sender = 'loop-b' AND outcome = 'sent')",
        )
        .fetch_one(p)
        .await
    })?;
    assert_eq!(sent, 1000);
    assert_eq!(by_a + by_b, 1000, "one attempt record per message");
    assert!(by_a > 0 && by_b > 0, "both loops worked: a {by_a}, b {by_b}");
    app.cleanup().await
}

/// Not a test but a measurement (run with `cargo test -p outage-desk-tests --test
/// notifications delivery_delay -- --ignored --nocapture`): the time from a request for
/// information being asked (the HTTP answer) to the SMTP server accepting its e-mails, with
/// the sender loop as production runs it (polling every second).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn delivery_delay() -> anyhow::Result<()> {
    let sink = SmtpSink::start()?;
    let app = TestApp::spawn_with_smtp(Backend::Sqlite, &sink.url()).await?;
    let sender = server::notify::sender_of(&app.state)?.ok_or_else(|| anyhow::anyhow!("no SMTP"))?;
    let running = tokio::spawn(sender.run());
    let incident = filed_case(&app).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    let before = sink.mails().len();
    let mut delays = Vec::new();
    for i in 0..100 {
        let due = in_days(3);
        let question = format!("질문 {i}");
        let token = reviewer.get(&case).await?.csrf().unwrap_or_default();
        let ask = [("_csrf", token.as_str()), ("question", question.as_str()), ("due", due.as_str())];
        let t0 = std::time::Instant::now();
        assert_eq!(reviewer.post(&format!("{case}/requests"), &ask).await?.status, 303);
        // officer and signatory: two messages per question
        sink.wait_for(before + 2 * (i + 1), WAIT).await?;
        delays.push(t0.elapsed().as_secs_f64() * 1000.0);
        // questions arrive at random moments of the sender's poll
        tokio::time::sleep(Duration::from_millis(rand::random::<u64>() % 700)).await;
    }
    running.abort();
    delays.sort_by(f64::total_cmp);
    let at = |q: f64| delays[((delays.len() as f64 - 1.0) * q).round() as usize];
    eprintln!(
        "delivery delay, event to SMTP acceptance, {} events: p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
        delays.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
    app.cleanup().await
}
