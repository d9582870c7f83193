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
mod tests {
    use super::*;

    #[test]
    fn only_plain_https_addresses_are_taken() {
        for ok in
            ["https://hooks.example.com/outage", "https://hooks.example.com:8443/a?b=c", "https://[2001:db8::1]/x"]
        {
            assert!(check_new(ok, &["request_asked"], false).is_ok(), "{ok}");
        }
        for bad in [
            "http://hooks.example.com/",
            "https://user:pw@hooks.example.com/",
            "https://hooks.example.com/a#b",
            "https://hooks.example.com/a b",
            "https:///nohost",
            "javascript:alert(1)",
            "https://hooks.example.com\\@evil/",
            "https://hooks.example.com/\"><script>",
        ] {
            assert_eq!(
                check_new(bad, &["request_asked"], false).unwrap_err().get("url"),
                Some(FieldError::InvalidWebhookUrl),
                "{bad}"
            );
        }
        assert!(check_new("http://127.0.0.1:9/hook", &["request_asked"], true).is_ok());
    }

    #[test]
    fn events_are_the_operator_sides_and_kept_in_order() {
        assert!(is_event("measure_issued") && is_event("clock_due_soon"));
        assert!(!is_event("filing_received"), "a ministry-side notice");
        let (_, chosen) = check_new("https://h.example/", &["summary_published", "request_asked"], false).unwrap();
        assert_eq!(chosen, vec!["request_asked", "summary_published"]);
        assert_eq!(
            check_new("https://h.example/", &["nope"], false).unwrap_err().get("events"),
            Some(FieldError::UnknownOption)
        );
        assert_eq!(check_new("https://h.example/", &[], false).unwrap_err().get("events"), Some(FieldError::Required));
    }

    #[test]
    fn retries_back_off_to_a_day() {
        assert_eq!(backoff_secs(1), 60);
        assert_eq!(backoff_secs(2), 300);
        assert_eq!(backoff_secs(7), 86_400);
        assert_eq!(backoff_secs(50), 86_400);
        let total: i64 = (1..MAX_ATTEMPTS).map(backoff_secs).sum();
        assert!((86_400..=3 * 86_400).contains(&total), "{total}");
    }
}
