//! Addresses built by the desk: a query value or a return path placed into a URL.

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::url_encode;

    #[test]
    fn only_unreserved_characters_stay_as_they_are() {
        assert_eq!(url_encode("a-Z_0.~"), "a-Z_0.~");
        assert_eq!(url_encode("/review?x=1&y=2 3"), "%2Freview%3Fx%3D1%26y%3D2%203");
        assert_eq!(url_encode("장애"), "%EC%9E%A5%EC%95%A0");
    }
}
