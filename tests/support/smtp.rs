//! A real SMTP server for the tests: `smtp_sink.py` (aiosmtpd, installed by `make test`),
//! started per test on a free port, and the messages it accepted, decoded.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;

/// One message the server accepted.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    pub message_id: String,
    pub text: String,
    pub html: String,
}

/// A running SMTP server; stopped when dropped.
pub struct SmtpSink {
    pub port: u16,
    dir: PathBuf,
    child: Child,
}

impl SmtpSink {
    pub fn start() -> anyhow::Result<SmtpSink> {
        let dir = std::env::temp_dir().join(format!("od_smtp_{}_{}", std::process::id(), rand::random::<u32>()));
        std::fs::create_dir_all(&dir)?;
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("support/smtp_sink.py");
        let mut child = Command::new("python3")
            .arg(&script)
            .arg(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .context("starting python3 smtp_sink.py (make test installs aiosmtpd)")?;
        let out = child.stdout.take().context("sink stdout")?;
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(out), &mut line)?;
        let port: u16 = line.trim().parse().with_context(|| format!("sink said {line:?} (is aiosmtpd installed?)"))?;
        Ok(SmtpSink { port, dir, child })
    }

    /// `smtp://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message accepted so far, in the order accepted.
    pub fn mails(&self) -> Vec<Mail> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect())
            .unwrap_or_default();
        names.sort();
        names.iter().filter_map(|p| std::fs::read(p).ok()).filter_map(|b| serde_json::from_slice(&b).ok()).collect()
    }

    /// The messages, once there are at least `n` (or an error after `within`).
    pub async fn wait_for(&self, n: usize, within: Duration) -> anyhow::Result<Vec<Mail>> {
        let start = Instant::now();
        loop {
            let mails = self.mails();
            if mails.len() >= n {
                return Ok(mails);
            }
            anyhow::ensure!(start.elapsed() < within, "{} of {n} messages arrived in {within:?}", mails.len());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The messages to `address`.
    pub fn to(&self, address: &str) -> Vec<Mail> {
        self.mails().into_iter().filter(|m| m.to.iter().any(|t| t == address)).collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
