//! Webhooks: which events an organisation's endpoint may subscribe to, what an endpoint's
//! address may be, when a failed delivery is tried again, and when an endpoint that keeps
//! failing is turned off. The sending (HTTP, the HMAC signature) is the server's.

use super::notice::{NoticeKind, Side};
use super::validation::{FieldError, FieldErrors};

/// Longest endpoint address.
pub const MAX_URL: usize = 500;
/// Endpoints one organisation may register.
pub const MAX_PER_ORG: usize = 10;
/// Attempts of one delivery before it is given up.
pub const MAX_ATTEMPTS: i64 = 8;
/// Failed attempts in a row (across deliveries) after which the endpoint is turned off.
pub const DISABLE_AFTER: i64 = 20;
/// Seconds a receiver has to answer.
pub const TIMEOUT_SECS: u64 = 10;
/// How far the signed timestamp may be from the receiver's clock before it should refuse the
/// delivery (a replayed one): documented for receivers.
pub const TOLERANCE_SECS: i64 = 300;
/// The test event an admin can send to check an endpoint.
pub const PING: &str = "ping";

/// The events an operator's endpoint can receive: everything the operator side is told (the
/// ministry's requests and measures, publication, deadline warnings, signature requests).
pub fn events() -> Vec<NoticeKind> {
    NoticeKind::ALL.iter().copied().filter(|k| k.side() == Side::Operator).collect()
}

/// Whether `code` names an event an endpoint may subscribe to.
pub fn is_event(code: &str) -> bool {
    events().iter().any(|k| k.code() == code)
}

/// Seconds to wait before attempt `attempt + 1`, after `attempt` failed ones: 1 min, 5 min,
/// 30 min, 2 h, 6 h, 12 h, 24 h — about two days in all before the delivery is given up.
pub fn backoff_secs(attempt: i64) -> i64 {
    const STEPS: [i64; 7] = [60, 300, 1_800, 7_200, 21_600, 43_200, 86_400];
    STEPS[usize::try_from(attempt.clamp(1, 7) - 1).unwrap_or(0)]
}

/// What an admin asked for, checked: the address and at least one known event.
pub fn check_new(url: &str, events: &[&str], allow_plain_http: bool) -> Result<(String, Vec<String>), FieldErrors> {
    let mut errors = FieldErrors::default();
    let url = url.trim();
    if url.is_empty() {
        errors.add("url", FieldError::Required);
    } else if let Some(e) = FieldError::length(url, MAX_URL) {
        errors.add("url", e);
    } else if !url_shape_ok(url, allow_plain_http) {
        errors.add("url", FieldError::InvalidWebhookUrl);
    }
    if events.is_empty() {
        errors.add("events", FieldError::Required);
    } else if !events.iter().all(|e| is_event(e)) {
        errors.add("events", FieldError::UnknownOption);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut chosen: Vec<String> =
        self::events().into_iter().map(|k| k.code().to_string()).filter(|c| events.contains(&c.as_str())).collect();
    chosen.dedup();
    Ok((url.to_string(), chosen))
}

/// `https://host[:port]/path` with a host name or address, no user or password, no fragment
/// and nothing that could be read two ways (spaces, backslashes, control characters). Whether
/// the host resolves to a public address is checked when sending.
fn url_shape_ok(url: &str, allow_plain_http: bool) -> bool {
    let rest = match url.strip_prefix("https://") {
        Some(r) => r,
        None if allow_plain_http => match url.strip_prefix("http://") {
            Some(r) => r,
            None => return false,
        },
        None => return false,
    };
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    let host = authority.rsplit_once(':').map_or(
        authority,
        |(h, port)| {
            if port.parse::<u16>().is_ok() {
                h
            } else {
                authority
            }
        },
    );
    !host.is_empty()
        && !authority.contains('@')
        && !url.contains('#')
        && url.chars().all(|c| c.is_ascii_graphic() && !"\\<>\"'`{}|^".contains(c))
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'))
}

/// The signed text: `<unix seconds>.<body>`.
pub fn signed_text(timestamp: i64, body: &str) -> String {
    format!("{timestamp}.{body}")
}

#[cfg(test)]
#[path = "webhook_test.rs"]
mod tests;
