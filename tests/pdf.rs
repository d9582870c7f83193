//! The official PDF: Korean text in an embedded Korean font, reference, times in KST and
//! UTC, the content hash — and user text printed literally even when it is typst syntax.

use std::process::Command;

use app::api::{FilingDetail, Names};
use app::domain::filing::{FilingStage, FilingStatus};
use app::domain::report::Content;
use app::domain::timestamp::Timestamp;
use server::pdf::{PdfEngine, Template};
use server::storage::filings::content_hash;

/// `FONT_DIR` as the server reads it.
fn font_dirs() -> Vec<std::path::PathBuf> {
    let dirs = std::env::var("FONT_DIR").unwrap_or_else(|_| server::config::DEFAULT_FONT_DIRS.into());
    std::env::split_paths(&dirs).collect()
}

fn engine() -> anyhow::Result<PdfEngine> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    PdfEngine::load(&font_dirs(), &root.join("report-templates"))
}

fn hostile_filing() -> anyhow::Result<FilingDetail> {
    let mut content = Content::default();
    for (k, v) in [
        ("title", "카카오톡 장애 #read(\"/etc/passwd\")"),
        ("services_affected", "메신저\n로그인 ] * $ _ `code`"),
        ("onset_at", "2022-10-15T06:19:00Z"),
        ("detected_at", "2022-10-15T06:23:00Z"),
        ("description", "#import \"/etc/hosts\": * \n#eval(\"1+1\") $x^2$ <label> @ref // comment"),
        ("cause_category", "POWER"),
        ("emergency_measures", "예비 데이터센터 전환 \\ 역슬래시"),
        ("users_affected", "47000000"),
        ("timeline.0.at", "2022-10-15T06:23:00Z"),
        ("timeline.0.kind", "detect"),
        ("timeline.0.text", "#sys.exit() 경보"),
    ] {
        content.set(k, v);
    }
    Ok(FilingDetail {
        reference: "OD-2022-000001-01".into(),
        incident_reference: "OD-2022-000001".into(),
        org: Names { ko: "판교톡 주식회사".into(), en: "Pangyo Talk Corp.".into() },
        stage: FilingStage::Initial,
        status: FilingStatus::Submitted,
        version: 1,
        submitted_at: Timestamp::parse_kst_local("2022-10-15T16:40").unwrap_or(Timestamp(0)),
        submitted_by: "김민지".into(),
        drafted_by: Some("박서연".into()),
        signatory_title: Some("준법감시인".into()),
        content_sha256: content_hash(&content.canonical_json()),
        document_sha256: None,
        content,
        attachments: Vec::new(),
        clocks: Vec::new(),
    })
}

fn run(cmd: &str, args: &[&str]) -> anyhow::Result<String> {
    let out =
        Command::new(cmd).args(args).output().map_err(|e| anyhow::anyhow!("{cmd}: {e} (install poppler-utils)"))?;
    anyhow::ensure!(out.status.success(), "{cmd} failed: {}", String::from_utf8_lossy(&out.stderr));
    Ok(String::from_utf8(out.stdout)?)
}

#[test]
fn filing_pdf_prints_user_text_literally_in_an_embedded_korean_font() -> anyhow::Result<()> {
    let engine = engine()?;
    let filing = hostile_filing()?;
    let data = server::pdf::filing_data::filing_data(&filing);
    let started = std::time::Instant::now();
    let pdf = engine.render_sync(typst::foundations::Bytes::new(data.to_string().into_bytes()))?;
    let first = started.elapsed();
    let started = std::time::Instant::now();
    engine.render_sync(typst::foundations::Bytes::new(data.to_string().into_bytes()))?;
    eprintln!("render: first {first:?}, warm {:?}, {} bytes", started.elapsed(), pdf.len());

    let dir = std::env::temp_dir().join(format!("od_pdf_{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("filing.pdf");
    std::fs::write(&path, &pdf)?;
    let p = path.to_string_lossy().to_string();

    let text = run("pdftotext", &["-layout", &p, "-"])?;
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "서비스 장애 신고서",
        "Service outage report",
        "OD-2022-000001-01",
        "판교톡 주식회사",
        "2022-10-15 16:40 KST",
        "2022-10-15 07:40:00 UTC",
        "카카오톡 장애 #read(\"/etc/passwd\")",
        "로그인 ] * $ _ `code`",
        "#import \"/etc/hosts\": *",
        "#eval(\"1+1\") $x^2$ <label> @ref // comment",
        "47,000,000",
        "장애 개요 / Outage summary",
        "#sys.exit() 경보",
        "2022-10-15 15:23 KST",
        "김민지 (준법감시인)",
        "박서연",
        filing.content_sha256.as_str(),
    ] {
        assert!(flat.contains(expected), "PDF text lacks {expected:?}:\n{flat}");
    }
    assert!(!flat.contains("root:x:0"), "no file content leaked");

    let fonts = run("pdffonts", &[&p])?;
    let nanum =
        fonts.lines().find(|l| l.contains("NanumGothic")).ok_or_else(|| anyhow::anyhow!("no NanumGothic:\n{fonts}"))?;
    let cols: Vec<&str> = nanum.split_whitespace().collect();
    // name type encoding emb sub uni object ID
    assert!(cols.iter().filter(|c| **c == "yes").count() >= 3, "embedded, subset, with Unicode map: {nanum}");
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn a_template_cannot_read_files_outside_its_world() -> anyhow::Result<()> {
    // A template (say, edited by mistake) that tries to read from disk must fail to render,
    // not embed the file: the world serves only the template and its JSON data.
    let dir = std::env::temp_dir().join(format!("od_tpl_{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    for name in ["filing.typ", "decision.typ"] {
        std::fs::write(
            dir.join(name),
            format!("#let data = json(\"/data.json\")\n#read(\"/etc/passwd\")\n#read(\"{name}\")"),
        )?;
    }
    let engine = PdfEngine::load(&font_dirs(), &dir)?;
    let data = server::pdf::filing_data::filing_data(&hostile_filing()?);
    let bytes = typst::foundations::Bytes::new(data.to_string().into_bytes());
    let results = [Template::Filing, Template::Decision].map(|t| engine.render_template(t, bytes.clone()));
    std::fs::remove_dir_all(&dir)?;
    for result in results {
        match result {
            Err(server::pdf::RenderError::Template(msg)) => {
                assert!(!msg.contains("root:"), "error must not carry file content: {msg}");
            }
            other => anyhow::bail!("reading /etc/passwd must fail, got {:?}", other.map(|b| b.len())),
        }
    }
    Ok(())
}

#[test]
fn a_document_over_its_page_budget_fails_cleanly() -> anyhow::Result<()> {
    let engine = engine()?;
    let mut filing = hostile_filing()?;
    for i in 0..120 {
        filing.content.set(&format!("timeline.{i}.at"), "2022-10-15T06:23:00Z");
        filing.content.set(&format!("timeline.{i}.kind"), "detect");
        filing
            .content
            .set(&format!("timeline.{i}.text"), "데이터센터 전원 차단으로 서비스가 중단되었습니다. ".repeat(8));
    }
    let data = typst::foundations::Bytes::new(server::pdf::filing_data::filing_data(&filing).to_string().into_bytes());
    match engine.render_within(Template::Filing, data.clone(), 2) {
        Err(server::pdf::RenderError::TooManyPages(n)) => assert!(n > 2, "{n} pages"),
        other => anyhow::bail!("expected the page budget to refuse it, got {:?}", other.map(|b| b.len())),
    }
    // the same document within the real budget renders
    assert!(engine.render_template(Template::Filing, data)?.starts_with(b"%PDF-"));
    Ok(())
}

/// Page 1 of `pdf` rendered at 100 dpi: how many pixels are strongly coloured (the template
/// itself prints only greys), and the page size in pixels.
fn coloured_pixels(pdf: &[u8]) -> anyhow::Result<(usize, String)> {
    let dir = std::env::temp_dir().join(format!("od_pdf_px_{}", rand::random::<u64>()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("doc.pdf");
    std::fs::write(&path, pdf)?;
    let base = dir.join("page");
    let out = Command::new("pdftoppm")
        .args(["-r", "100", "-singlefile", &path.to_string_lossy(), &base.to_string_lossy()])
        .output()?;
    anyhow::ensure!(out.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&out.stderr));
    // a binary PPM: "P6\n<w> <h>\n255\n" then RGB bytes
    let bytes = std::fs::read(dir.join("page.ppm"))?;
    std::fs::remove_dir_all(&dir)?;
    let mut parts = bytes.splitn(4, |b| *b == b'\n');
    anyhow::ensure!(parts.next() == Some(b"P6".as_slice()), "not a binary PPM");
    let size = String::from_utf8_lossy(parts.next().unwrap_or_default()).to_string();
    let _max = parts.next();
    let coloured = parts
        .next()
        .unwrap_or_default()
        .chunks_exact(3)
        .filter(|px| {
            let hi = px.iter().copied().max().unwrap_or(0);
            let lo = px.iter().copied().min().unwrap_or(0);
            hi - lo > 120
        })
        .count();
    Ok((coloured, size))
}

/// Issue #11, item 16: emoji print in colour from Noto Color Emoji (not as empty boxes) and
/// Arabic in Amiri (not in the monospace fallback). Checked on what the page looks like: page 1
/// rendered to pixels has coloured pixels with the emoji and none without them.
#[test]
fn emoji_and_arabic_print_in_fonts_that_have_them() -> anyhow::Result<()> {
    let engine = engine()?;
    let mut filing = hostile_filing()?;
    let render = |f: &FilingDetail| {
        let data = server::pdf::filing_data::filing_data(f);
        engine.render_sync(typst::foundations::Bytes::new(data.to_string().into_bytes()))
    };
    filing.content.set("title", "🔥🚒 판교 데이터센터 화재 انقطاع الخدمة");
    let pdf = render(&filing)?;
    let path = std::env::temp_dir().join(format!("od_pdf_emoji_{}.pdf", std::process::id()));
    std::fs::write(&path, &pdf)?;
    let fonts = run("pdffonts", &[&path.to_string_lossy()])?;
    // `OD_KEEP_PDF=/some/file.pdf` keeps the document to look at
    if let Some(keep) = std::env::var_os("OD_KEEP_PDF") {
        std::fs::copy(&path, keep)?;
    }
    std::fs::remove_file(&path)?;
    assert!(fonts.contains("Amiri"), "Arabic in Amiri:\n{fonts}");
    let (with_emoji, size) = coloured_pixels(&pdf)?;
    filing.content.set("title", "판교 데이터센터 화재 انقطاع الخدمة");
    let (without, _) = coloured_pixels(&render(&filing)?)?;
    eprintln!("page 1 ({size}): {with_emoji} coloured pixels with emoji, {without} without");
    assert!(with_emoji > 150, "the emoji print in colour ({with_emoji} coloured pixels)");
    assert!(without * 4 < with_emoji, "the coloured pixels are the emoji ({without} without them)");
    Ok(())
}
