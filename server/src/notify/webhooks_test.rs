use super::*;

#[test]
fn only_public_addresses_are_public() {
    for private in [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fd00::1",
        "fe80::1",
        "::ffff:10.0.0.1",
        "2001:db8::1",
    ] {
        assert!(!is_public(private.parse().unwrap()), "{private}");
    }
    for public in ["203.0.114.1", "8.8.8.8", "2606:4700::1111", "::ffff:1.1.1.1"] {
        assert!(is_public(public.parse().unwrap()), "{public}");
    }
}

#[test]
fn the_signature_is_hmac_sha256_over_timestamp_and_body() {
    // computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    let sig = signature("whsec_test", 1_700_000_000, r#"{"a":1}"#);
    assert_eq!(sig, "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    assert_ne!(sig, signature("whsec_other", 1_700_000_000, r#"{"a":1}"#));
    assert_ne!(sig, signature("whsec_test", 1_700_000_001, r#"{"a":1}"#));
}
