//! Official documents are frozen: a filed version's PDF and a measure's notice are stored
//! when they are made, served as stored (with their hash as `ETag`), and a template edited
//! later changes no earlier document.

use outage_desk_tests::*;
use server::storage::documents;

/// A copy of the real templates in a directory of its own, removed when dropped.
struct Templates(std::path::PathBuf);

impl Templates {
    fn copy() -> anyhow::Result<Templates> {
        let dir = std::env::temp_dir().join(format!("od-templates-{}", rand::random::<u64>()));
        std::fs::create_dir_all(&dir)?;
        let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../report-templates");
        for name in ["filing.typ", "decision.typ"] {
            std::fs::copy(source.join(name), dir.join(name))?;
        }
        Ok(Templates(dir))
    }

    /// Adds a line of text to the end of a template.
    fn append(&self, name: &str, line: &str) -> anyhow::Result<()> {
        let path = self.0.join(name);
        let text = std::fs::read_to_string(&path)?;
        std::fs::write(&path, format!("{text}\n{line}\n"))?;
        Ok(())
    }
}

impl Drop for Templates {
    fn drop(&mut self) {
        if let Err(e) = std::fs::remove_dir_all(&self.0) {
            eprintln!("could not remove {}: {e}", self.0.display());
        }
    }
}

const EDIT_MARK: &str = "TEMPLATEEDITEDAFTERFILING";

async fn filing_pdf_is_frozen_at_submission(backend: Backend) -> anyhow::Result<()> {
    let templates = Templates::copy()?;
    let app = TestApp::spawn_with_templates(backend, templates.0.clone()).await?;
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let (_, filing) = file_initial(&officer, &signatory, "동결 문서 확인").await?;

    // stored in the same step as the version, with what it was made with
    let stored = documents::of_filing(&app.state.db, &filing).await?.expect("document stored at submission");
    assert_eq!(stored.file_name, format!("{filing}.pdf"));
    assert_eq!(stored.sha256, server::storage::filings::content_hash_bytes(&stored.bytes));
    let template_text = std::fs::read_to_string(templates.0.join("filing.typ"))?;
    assert_eq!(stored.template_version, server::pdf::documents::short_hash(template_text.as_bytes()));
    assert_eq!(stored.catalogue_version, server::pdf::documents::field_catalogue_version());

    // served as stored, named after the version, its hash as ETag
    let pdf = officer.get(&format!("/filing/filings/{filing}/pdf")).await?;
    assert_eq!((pdf.status, pdf.content_type.as_str()), (200, "application/pdf"));
    assert_eq!(pdf.bytes, stored.bytes);
    let etag = pdf.headers.get("etag").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert_eq!(etag, format!("\"{}\"", stored.sha256));
    let disposition = pdf.headers.get("content-disposition").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(disposition.starts_with("inline") && disposition.contains(&format!("{filing}.pdf")), "{disposition}");
    let again = officer.http.get(format!("{}/filing/filings/{filing}/pdf", app.base)).header("if-none-match", &etag);
    assert_eq!(again.send().await?.status().as_u16(), 304);
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    assert_eq!(reviewer.get(&format!("/review/filings/{filing}/pdf")).await?.bytes, stored.bytes);

    // the version page (seen on submission) and the ministry's view show both hashes
    let filed = officer.get(&format!("/filing/filings/{filing}?received=1")).await?;
    assert!(filed.body.contains(&stored.sha256), "document hash on the version page");
    let detail = reviewer.get(&format!("/review/filings/{filing}")).await?;
    assert!(detail.body.contains(&stored.sha256), "document hash on the ministry's view");

    // the template changes; after a restart the new template is in force …
    templates.append("filing.typ", EDIT_MARK)?;
    let restarted = app.restarted_with_templates(&templates.0).await?;
    let detail = server::storage::filings::get_for_review(
        &restarted.state.db,
        &reviewer_cap_of(&app, "reviewer@msit.example").await?,
        &filing,
    )
    .await?;
    let fresh = server::pdf::documents::render_filing(&restarted.state.pdf, &detail).await?;
    assert!(pdf_text(&fresh.bytes)?.contains(EDIT_MARK), "the edited template renders differently");
    // … and the filing's PDF is still the one frozen at submission
    let officer_again = restarted.signed_in("officer@a.example").await?;
    let served = officer_again.get(&format!("/filing/filings/{filing}/pdf")).await?;
    assert_eq!(served.status, 200);
    assert_eq!(served.bytes, stored.bytes, "a template edit must not change a filed document");
    assert!(!pdf_text(&served.bytes)?.contains(EDIT_MARK));
    drop(restarted);
    app.cleanup().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filing_pdf_is_frozen_sqlite() -> anyhow::Result<()> {
    filing_pdf_is_frozen_at_submission(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filing_pdf_is_frozen_postgres() -> anyhow::Result<()> {
    filing_pdf_is_frozen_at_submission(Backend::Postgres).await
}

/// A measure's notice is frozen when it is issued; one missing (issued before notices were
/// stored) is made by the start-up backfill and then never changes.
async fn notices_are_frozen(app: &TestApp) -> anyhow::Result<()> {
    let incident = filed_case(app).await?;
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    let order = [
        ("kind", "guidance"),
        ("legal_basis", "전기통신사업법 제22조의7"),
        ("content", "이중화 계획 제출"),
        ("deadline", &in_days(30)),
        ("items", "계획서 제출"),
    ];
    assert_eq!(reviewer.submit(&case, &format!("{case}/measures"), &order).await?.status, 303);
    let found = server::storage::incidents::find_filed(
        &app.state.db,
        &reviewer_cap_of(app, "reviewer@msit.example").await?,
        &incident,
    )
    .await?;
    let notice = documents::of_measure(&app.state.db, &found, 1).await?.expect("notice frozen at issue");
    assert_eq!(notice.file_name, format!("{incident}-M1.pdf"));
    assert!(notice.catalogue_version.starts_with("duties-"));
    let served = reviewer.get(&format!("{case}/measures/1/pdf")).await?;
    assert_eq!(served.bytes, notice.bytes);
    let text = pdf_text(&served.bytes)?;
    assert!(text.contains("계획서 제출") && text.contains("발령 시점"), "{text}");

    // acknowledging changes the case, not the notice
    let officer = app.signed_in("officer@a.example").await?;
    let operator_page = format!("/filing/incidents/{incident}");
    let ack = format!("{operator_page}/measures/1/acknowledge");
    assert_eq!(officer.submit(&operator_page, &ack, &[]).await?.status, 303);
    assert_eq!(officer.get(&format!("{operator_page}/measures/1/pdf")).await?.bytes, notice.bytes);

    // nothing is missing, so the backfill makes nothing
    assert_eq!(server::pdf::documents::backfill(&app.state).await?, 0);
    assert!(documents::filings_without(&app.state.db).await?.is_empty());

    // a measure stored without its notice (as before notices were stored) gets one from the
    // start-up backfill, once
    let fields = order.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let now = app.state.clock.now();
    let m = app::domain::case::forms::Measure::parse(&fields, app::domain::zone::UserZone::Seoul, now)
        .map_err(|e| anyhow::anyhow!("measure form: {e:?}"))?;
    assert_eq!(
        server::storage::measures::issue(
            &app.state.db,
            &reviewer_cap_of(app, "reviewer@msit.example").await?,
            &found,
            &m,
            now
        )
        .await?,
        2
    );
    assert_eq!(documents::measures_without(&app.state.db).await?.len(), 1);
    assert_eq!(server::pdf::documents::backfill(&app.state).await?, 1);
    assert!(documents::measures_without(&app.state.db).await?.is_empty());
    let made = documents::of_measure(&app.state.db, &found, 2).await?.expect("notice made by the backfill");
    assert_eq!(reviewer.get(&format!("{case}/measures/2/pdf")).await?.bytes, made.bytes);

    // documents refuse to change
    let tamper = match &app.state.db {
        server::storage::Db::Sqlite(p) => {
            sqlx::query("UPDATE official_documents SET sha256 = 'x'").execute(p).await.err()
        }
        server::storage::Db::Postgres(p) => {
            sqlx::query("UPDATE official_documents SET sha256 = 'x'").execute(p).await.err()
        }
    };
    assert!(tamper.is_some(), "an official document cannot be changed");
    Ok(())
}
on_both_backends!(notices => notices_are_frozen);
