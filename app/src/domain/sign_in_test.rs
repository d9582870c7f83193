use super::*;

fn counts(pair: i64, address: i64, account: i64) -> AttemptCounts {
    AttemptCounts { pair, address, account }
}

#[test]
fn the_first_attempts_are_evaluated_at_once() {
    assert_eq!(decide(counts(1, 1, 1)), Decision::Evaluate { delay_ms: 0 });
    assert_eq!(
        decide(counts(MAX_PER_PAIR, MAX_PER_ADDRESS, SLOW_AFTER_PER_ACCOUNT)),
        Decision::Evaluate { delay_ms: 0 }
    );
}

#[test]
fn one_more_than_the_pair_or_address_limit_is_refused() {
    assert_eq!(decide(counts(MAX_PER_PAIR + 1, 1, 1)), Decision::Refuse);
    assert_eq!(decide(counts(1, MAX_PER_ADDRESS + 1, 1)), Decision::Refuse);
}

#[test]
fn many_addresses_on_one_account_slow_it_down_but_never_lock_it() {
    assert_eq!(decide(counts(1, 1, SLOW_AFTER_PER_ACCOUNT + 1)), Decision::Evaluate { delay_ms: 500 });
    assert_eq!(decide(counts(1, 1, SLOW_AFTER_PER_ACCOUNT + 4)), Decision::Evaluate { delay_ms: 2_000 });
    assert_eq!(decide(counts(1, 1, 10_000)), Decision::Evaluate { delay_ms: MAX_DELAY_MS });
}

#[test]
fn only_this_sites_own_addresses_are_returned_to() {
    assert_eq!(return_path("/review/incidents/OD-2026-000003"), Some("/review/incidents/OD-2026-000003"));
    assert_eq!(return_path("/filing?lang=en"), Some("/filing?lang=en"));
    for foreign in [
        "//evil.example/x",
        "https://evil.example/",
        "/\\evil.example",
        "evil.example",
        "",
        "/login",
        "/login?next=/x",
        "/x\u{0}y",
        "/x\ny",
        "javascript:alert(1)",
        "/redirect?to=https://evil.example",
    ] {
        assert_eq!(return_path(foreign), None, "{foreign:?}");
    }
    assert_eq!(return_path(&format!("/{}", "a".repeat(3_000))), None, "absurd lengths are dropped");
}

#[test]
fn reset_requests_are_limited_per_client_and_quietly_per_account() {
    use super::{reset_decision, ResetDecision, MAX_RESET_LINKS_PER_ACCOUNT, MAX_RESET_REQUESTS_PER_ADDRESS};
    assert_eq!(reset_decision(1, 1), ResetDecision::Send);
    assert_eq!(reset_decision(1, MAX_RESET_LINKS_PER_ACCOUNT), ResetDecision::Send);
    assert_eq!(reset_decision(1, MAX_RESET_LINKS_PER_ACCOUNT + 1), ResetDecision::Quiet);
    assert_eq!(reset_decision(MAX_RESET_REQUESTS_PER_ADDRESS + 1, 1), ResetDecision::Refuse);
}
