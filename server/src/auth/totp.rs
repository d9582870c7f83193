//! The cryptography of two-step verification: shared keys, codes (RFC 6238 with SHA-1, six
//! digits, 30-second steps: what every authenticator app understands), the QR code an app
//! scans, and recovery codes. Which steps are acceptable and who must use it are domain
//! rules (`app::domain::two_step`).

use app::domain::two_step::{self, DIGITS, RECOVERY_ALPHABET, RECOVERY_CODES, RECOVERY_LEN, STEP_SECS};
use rand::Rng;
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, TOTP};

/// The name apps show beside the code.
const ISSUER: &str = "Outage Desk";
/// Bytes of a new shared key: 160 bits, RFC 4226's recommendation.
const KEY_BYTES: usize = 20;

/// A new random shared key, base32 as apps take it.
pub fn new_secret() -> String {
    let bytes: [u8; KEY_BYTES] = rand::thread_rng().gen();
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

/// The generator for `secret` (base32) and the account `email`; `None` if the stored key does
/// not decode (a corrupt row: nothing is accepted for it).
fn generator(secret: &str, email: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.to_string()).to_bytes().ok()?;
    // the library's step and skew are not used for checking (steps are chosen by the domain
    // rule); they only go into the otpauth address
    TOTP::new(Algorithm::SHA1, DIGITS, 1, STEP_SECS as u64, bytes, Some(ISSUER.into()), email.to_string()).ok()
}

/// The code of `step` for `secret`.
pub fn code_at(secret: &str, step: i64) -> Option<String> {
    let at = u64::try_from(step.checked_mul(STEP_SECS)?).ok()?;
    Some(generator(secret, "code")?.generate(at))
}

/// The step whose code `code` is, among those acceptable at `now` after `last_used`
/// ([`two_step::acceptable_steps`]); every candidate is compared in constant time.
pub fn matching_step(secret: &str, code: &str, now: i64, last_used: Option<i64>) -> Option<i64> {
    let mut found = None;
    for step in two_step::acceptable_steps(now, last_used) {
        let expected = code_at(secret, step)?;
        if same(expected.as_bytes(), code.as_bytes()) && found.is_none() {
            found = Some(step);
        }
    }
    found
}

fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The `otpauth://` address an app reads from the QR code.
pub fn otpauth_url(secret: &str, email: &str) -> Option<String> {
    Some(generator(secret, email)?.get_url())
}

/// The QR code of `text` as an SVG document (drawn here: no image service sees the key).
pub fn qr_svg(text: &str) -> Option<String> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(220, 220)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

/// A fresh set of recovery codes (plain, to show once).
pub fn new_recovery_codes() -> Vec<String> {
    let mut rng = rand::thread_rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            (0..RECOVERY_LEN).map(|_| RECOVERY_ALPHABET[rng.gen_range(0..RECOVERY_ALPHABET.len())] as char).collect()
        })
        .collect()
}

/// What is stored of a recovery code: SHA-256 of the account and the normalised code (the
/// account in it, so equal codes of two people never share a row's value).
pub fn recovery_hash(user: i64, code: &str) -> String {
    hex::encode(Sha256::digest(format!("{user}:{code}").as_bytes()))
}

#[cfg(test)]
#[path = "totp_test.rs"]
mod tests;
