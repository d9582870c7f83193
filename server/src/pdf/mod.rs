//! Official PDFs, rendered in-process by typst from templates in `report-templates/`.
//!
//! Filing data reaches the template only as a JSON file the template reads with `json()`;
//! it is never pasted into markup, so text like `#read("/etc/passwd")` prints literally.
//! The template can read nothing else: every other path is refused.

pub mod decision_data;
pub mod documents;
pub mod filing_data;
mod world;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::sync::Semaphore;
use typst::foundations::Bytes;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::FontBook;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_kit::fonts::FontStore;

pub use world::RenderError;

/// Pages an official document may have; beyond it the render fails cleanly (a bounded
/// report prints in far fewer: 200 timeline rows are about 12 pages).
pub const MAX_PAGES: usize = 300;
/// How long a caller waits for a render. The render itself cannot be interrupted, so it keeps
/// its permit until it really ends: a slow render never lets more run at once than cores.
pub const RENDER_BUDGET: std::time::Duration = std::time::Duration::from_secs(30);

/// Which official document to render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// A filed report (`filing.typ`).
    Filing,
    /// The ministry's notice of a measure (`decision.typ`).
    Decision,
}

/// Fonts, the standard library and the templates, loaded once at start-up.
pub struct PdfEngine {
    fonts: FontStore,
    library: LazyHash<Library>,
    filing_template: Source,
    decision_template: Source,
    /// SHA-256 (first 16 hex digits) of each template's text as loaded: recorded with every
    /// document made from it.
    filing_version: String,
    decision_version: String,
    data_id: FileId,
    permits: Arc<Semaphore>,
}

fn project_file(path: &str) -> anyhow::Result<FileId> {
    let vpath = VirtualPath::new(path).map_err(|e| anyhow::anyhow!("bad template path {path}: {e:?}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The fonts the templates fall back to after NanumGothic, and the Debian packages that hold
/// them: user text with emoji or Arabic prints in these instead of empty boxes.
pub const FALLBACK_FAMILIES: [(&str, &str); 2] =
    [("Noto Color Emoji", "fonts-noto-color-emoji"), ("Amiri", "fonts-hosny-amiri")];

impl PdfEngine {
    /// Loads the fonts of `font_dirs` (plus typst's embedded fonts as a fallback for symbols)
    /// and the templates of `templates_dir`. Fails if no font covers Hangul; a missing
    /// emoji or Arabic font is logged (those characters would print as empty boxes).
    pub fn load(font_dirs: &[PathBuf], templates_dir: &Path) -> anyhow::Result<PdfEngine> {
        let mut fonts = FontStore::new();
        for dir in font_dirs {
            fonts.extend(typst_kit::fonts::scan(dir));
        }
        let dirs = font_dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(":");
        let has_korean = fonts.book().families().any(|(name, _)| {
            let name = name.to_lowercase();
            name.contains("nanum") || name.contains("cjk")
        });
        if !has_korean {
            anyhow::bail!(
                "no Korean font found in FONT_DIR {dirs} (install fonts-nanum, or point FONT_DIR at a directory with NanumGothic)"
            );
        }
        for (family, package) in FALLBACK_FAMILIES {
            if !fonts.book().families().any(|(name, _)| name.eq_ignore_ascii_case(family)) {
                tracing::warn!(font = family, "font not found in FONT_DIR {dirs}: install {package}");
            }
        }
        fonts.extend(typst_kit::fonts::embedded());
        let template = |name: &str| -> anyhow::Result<Source> {
            let text = std::fs::read_to_string(templates_dir.join(name))?;
            Ok(Source::new(project_file(&format!("/{name}"))?, text))
        };
        let filing_template = template("filing.typ")?;
        let decision_template = template("decision.typ")?;
        let version = |s: &Source| documents::short_hash(s.text().as_bytes());
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        Ok(PdfEngine {
            fonts,
            library: LazyHash::new(Library::builder().build()),
            filing_version: version(&filing_template),
            decision_version: version(&decision_template),
            filing_template,
            decision_template,
            data_id: project_file("/data.json")?,
            permits: Arc::new(Semaphore::new(cores)),
        })
    }

    /// The version of a template as loaded (a hash of its text).
    pub fn template_version(&self, template: Template) -> &str {
        match template {
            Template::Filing => &self.filing_version,
            Template::Decision => &self.decision_version,
        }
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    /// Renders a template with `data` (serialised to the template's JSON file), off the
    /// async runtime and at most one render per core at a time.
    pub async fn render(self: &Arc<Self>, template: Template, data: serde_json::Value) -> Result<Vec<u8>, RenderError> {
        let permit = Arc::clone(&self.permits).acquire_owned().await.map_err(|_| RenderError::Busy)?;
        let engine = Arc::clone(self);
        let bytes = Bytes::new(data.to_string().into_bytes());
        let job = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            engine.render_template(template, bytes)
        });
        match tokio::time::timeout(RENDER_BUDGET, job).await {
            Ok(joined) => joined.map_err(|_| RenderError::Busy)?,
            Err(_) => Err(RenderError::TimedOut),
        }
    }

    /// The blocking render of a filing, also used directly by tests.
    pub fn render_sync(&self, data: Bytes) -> Result<Vec<u8>, RenderError> {
        self.render_template(Template::Filing, data)
    }

    /// The blocking render of any template, within the page budget.
    pub fn render_template(&self, template: Template, data: Bytes) -> Result<Vec<u8>, RenderError> {
        self.render_within(template, data, MAX_PAGES)
    }

    /// [`Self::render_template`] with another page budget (tests use a small one).
    pub fn render_within(&self, template: Template, data: Bytes, max_pages: usize) -> Result<Vec<u8>, RenderError> {
        let source = match template {
            Template::Filing => self.filing_template.clone(),
            Template::Decision => self.decision_template.clone(),
        };
        let world = world::RenderWorld::new(self, source, data);
        let result = world.render(max_pages);
        // Keep memory flat in a long-running process: drop cached layout work.
        typst::comemo::evict(10);
        result
    }
}
