//! The application's static files (`/pkg/`: styles, the hydration script and the WebAssembly
//! build): versioned by their content, so pages link `…?v=<hash>` and a linked version may be
//! cached for a year as immutable; compressed once (`.gz`, `.br` beside each file, which the
//! file service picks by `Accept-Encoding`) instead of on every request.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};

/// The content hash of each file of the site's `pkg` directory, by file name.
#[derive(Clone, Debug, Default)]
pub struct AssetVersions(pub HashMap<String, String>);

impl AssetVersions {
    /// Hashes every file of `dir` (not the compressed copies).
    pub fn of_dir(dir: &Path) -> AssetVersions {
        let mut out = HashMap::new();
        let Ok(entries) = std::fs::read_dir(dir) else { return AssetVersions(out) };
        for e in entries.flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().to_string();
            if name.ends_with(".gz") || name.ends_with(".br") || !path.is_file() {
                continue;
            }
            if let Ok(bytes) = std::fs::read(&path) {
                out.insert(name, hex::encode(&Sha256::digest(&bytes)[..8]));
            }
        }
        AssetVersions(out)
    }

    /// `/pkg/{file}?v={hash}` (or the plain address when the file is unknown).
    pub fn url(&self, file: &str) -> String {
        match self.0.get(file) {
            Some(v) => format!("/pkg/{file}?v={v}"),
            None => format!("/pkg/{file}"),
        }
    }
}

fn stale(source: &Path, copy: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(source), modified(copy)) {
        (Some(s), Some(c)) => c < s,
        _ => true,
    }
}

/// Writes `file.gz` and `file.br` beside every file of `dir` that lacks them or changed since.
/// Blocking (brotli of a debug WebAssembly build takes seconds): run it off the runtime.
pub fn precompress(dir: &Path) -> std::io::Result<usize> {
    let mut made = 0;
    // smallest first: the stylesheet is ready at once, the WebAssembly build (seconds) last
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.flatten().collect();
    entries.sort_by_key(|e| e.metadata().map(|m| m.len()).unwrap_or(u64::MAX));
    for e in entries {
        let path = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if name.ends_with(".gz") || name.ends_with(".br") || !path.is_file() {
            continue;
        }
        let gz = PathBuf::from(format!("{}.gz", path.display()));
        let br = PathBuf::from(format!("{}.br", path.display()));
        if !stale(&path, &gz) && !stale(&path, &br) {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&bytes)?;
        write_atomically(&gz, &enc.finish()?)?;
        let mut out = Vec::new();
        let params = brotli::enc::BrotliEncoderParams { quality: 9, ..Default::default() };
        brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
        write_atomically(&br, &out)?;
        made += 1;
    }
    Ok(made)
}

/// Writes `bytes` to a temporary file and renames it over `to`, so a reader never sees half.
fn write_atomically(to: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = PathBuf::from(format!("{}.tmp{}", to.display(), std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, to)
}

/// `Cache-Control` for `/pkg/`: a year and immutable when the address names the file's current
/// version, otherwise revalidated on each use.
pub async fn cache_headers(versions: std::sync::Arc<AssetVersions>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let Some(file) = path.strip_prefix("/pkg/") else { return next.run(req).await };
    let asked = req.uri().query().and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("v="))).map(str::to_string);
    let current = versions.0.get(file).cloned();
    let mut resp = next.run(req).await;
    if resp.status().is_success() {
        let value = if asked.is_some() && asked == current {
            "public, max-age=31536000, immutable"
        } else {
            "public, no-cache"
        };
        resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
        resp.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_versioned_by_content_and_compressed_once() {
        let dir = std::env::temp_dir().join(format!("od-pkg-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("app.css"), "body { color: black; }\n".repeat(100));
        let v = AssetVersions::of_dir(&dir);
        let url = v.url("app.css");
        assert!(url.starts_with("/pkg/app.css?v=") && url.len() == "/pkg/app.css?v=".len() + 16, "{url}");
        assert_eq!(v.url("nope.js"), "/pkg/nope.js");
        assert_eq!(precompress(&dir).ok(), Some(1));
        assert_eq!(precompress(&dir).ok(), Some(0), "not again while unchanged");
        let gz = std::fs::read(dir.join("app.css.gz")).unwrap_or_default();
        assert!(!gz.is_empty() && gz.len() < 2_400, "compressed: {} bytes", gz.len());
        assert!(dir.join("app.css.br").exists());
        assert_eq!(AssetVersions::of_dir(&dir).0.len(), 1, "compressed copies are not versioned");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
