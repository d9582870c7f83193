use super::*;

#[test]
fn only_plain_https_addresses_are_taken() {
    for ok in ["https://hooks.example.com/outage", "https://hooks.example.com:8443/a?b=c", "https://[2001:db8::1]/x"] {
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
