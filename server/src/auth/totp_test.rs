use super::*;

/// RFC 6238 appendix B's SHA-1 key, "12345678901234567890", in base32.
const RFC_KEY: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

#[test]
fn codes_are_those_of_rfc_6238_appendix_b() {
    // the appendix gives eight digits; six are their last six
    for (t, eight) in [
        (59, "94287082"),
        (1_111_111_109, "07081804"),
        (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"),
        (20_000_000_000, "65353130"),
    ] {
        let step = two_step::step_of(t);
        assert_eq!(code_at(RFC_KEY, step).as_deref(), Some(&eight[2..]), "T = {t}");
    }
}

#[test]
fn a_code_matches_its_own_step_and_its_neighbours_only() {
    let now = 1_111_111_109;
    let step = two_step::step_of(now);
    for offset in -1..=1 {
        let code = code_at(RFC_KEY, step + offset).unwrap_or_default();
        assert_eq!(matching_step(RFC_KEY, &code, now, None), Some(step + offset), "offset {offset}");
    }
    for offset in [-3, -2, 2, 3] {
        let code = code_at(RFC_KEY, step + offset).unwrap_or_default();
        assert_ne!(matching_step(RFC_KEY, &code, now, None), Some(step + offset), "offset {offset}");
    }
}

#[test]
fn a_code_of_a_used_step_is_not_accepted_again() {
    let now = 1_111_111_109;
    let step = two_step::step_of(now);
    let code = code_at(RFC_KEY, step).unwrap_or_default();
    assert_eq!(matching_step(RFC_KEY, &code, now, Some(step - 1)), Some(step));
    assert_eq!(matching_step(RFC_KEY, &code, now, Some(step)), None);
    assert_eq!(matching_step(RFC_KEY, &code, now + 30, Some(step)), None);
}

#[test]
fn wrong_codes_and_broken_keys_match_nothing() {
    let now = 1_111_111_109;
    assert_eq!(matching_step(RFC_KEY, "000000", now, None), None);
    assert_eq!(matching_step(RFC_KEY, "", now, None), None);
    assert_eq!(matching_step("not base32 !", "081804", now, None), None);
}

#[test]
fn new_keys_are_160_bits_of_base32_and_differ() {
    let a = new_secret();
    let b = new_secret();
    assert_ne!(a, b);
    assert_eq!(Secret::Encoded(a.clone()).to_bytes().map(|k| k.len()).ok(), Some(20));
    assert!(a.bytes().all(|c| c.is_ascii_uppercase() || (b'2'..=b'7').contains(&c)), "{a}");
}

#[test]
fn the_app_address_names_the_service_and_the_account() {
    let url = otpauth_url(RFC_KEY, "reviewer@msit.example").unwrap_or_default();
    assert!(url.starts_with("otpauth://totp/Outage%20Desk:reviewer%40msit.example?"), "{url}");
    assert!(url.contains(&format!("secret={RFC_KEY}")), "{url}");
    assert!(url.contains("issuer=Outage%20Desk"), "{url}");
}

#[test]
fn the_qr_code_is_an_svg_drawing() {
    let svg = qr_svg("otpauth://totp/x?secret=ABC").unwrap_or_default();
    assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
    assert!(!svg.contains("<script"));
}

#[test]
fn recovery_codes_are_ten_distinct_codes_of_the_alphabet_that_parse_back() {
    let codes = new_recovery_codes();
    assert_eq!(codes.len(), RECOVERY_CODES);
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), codes.len());
    for c in &codes {
        let printed = two_step::format_recovery(c);
        assert_eq!(two_step::parse_factor(&printed), Ok(two_step::SecondFactor::Recovery(c.clone())));
    }
}

#[test]
fn recovery_hashes_differ_per_account() {
    assert_ne!(recovery_hash(1, "abcdefghjk"), recovery_hash(2, "abcdefghjk"));
    assert_eq!(recovery_hash(1, "abcdefghjk"), recovery_hash(1, "abcdefghjk"));
    assert_eq!(recovery_hash(1, "abcdefghjk").len(), 64);
}
