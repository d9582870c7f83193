use super::*;

fn headers(xff: &[&str]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for v in xff {
        h.append("x-forwarded-for", v.parse().expect("header"));
    }
    h
}
fn ip(s: &str) -> IpAddr {
    s.parse().expect("ip")
}

#[test]
fn the_header_is_ignored_from_an_untrusted_peer() {
    let trusted = parse_trusted("10.0.0.0/8").expect("list");
    assert_eq!(resolve(ip("203.0.113.9"), &headers(&["198.51.100.1"]), &trusted), ip("203.0.113.9"));
    assert_eq!(resolve(ip("203.0.113.9"), &headers(&["198.51.100.1"]), &[]), ip("203.0.113.9"));
}

#[test]
fn behind_trusted_proxies_the_first_untrusted_address_from_the_right_is_the_client() {
    let trusted = parse_trusted("10.0.0.0/8, 192.0.2.7").expect("list");
    // The client wrote a fake first entry; the proxies appended the real one.
    let h = headers(&["1.1.1.1, 198.51.100.23", "192.0.2.7"]);
    assert_eq!(resolve(ip("10.1.2.3"), &h, &trusted), ip("198.51.100.23"));
    // Nothing but proxies: the peer itself.
    assert_eq!(resolve(ip("10.1.2.3"), &headers(&["10.9.9.9"]), &trusted), ip("10.1.2.3"));
    assert_eq!(resolve(ip("10.1.2.3"), &headers(&["garbage"]), &trusted), ip("10.1.2.3"));
}

#[test]
fn the_list_names_what_it_cannot_read() {
    assert_eq!(parse_trusted("10.0.0.1, ::1, fd00::/8").map(|v| v.len()), Ok(3));
    assert_eq!(parse_trusted("10.0.0.0/33"), Err("10.0.0.0/33".to_string()));
    assert_eq!(parse_trusted(""), Ok(vec![]));
}
