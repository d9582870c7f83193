//! Numbers as people read them.

/// Digits grouped in thousands with commas (`47000000` → `47,000,000`); anything that is
/// not a plain run of digits is returned unchanged.
pub fn group_thousands(raw: &str) -> String {
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return raw.to_string();
    }
    let mut out = String::new();
    for (i, c) in raw.chars().enumerate() {
        if i > 0 && (raw.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// [`group_thousands`] of a count.
pub fn grouped(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// A whole amount as people type it: digits, optionally grouped with commas
/// (`1,000,000`). `None` for anything else or for amounts beyond `i64`.
pub fn digits_only(raw: &str) -> Option<i64> {
    let plain: String = raw.trim().chars().filter(|c| *c != ',').collect();
    if plain.is_empty() || !plain.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    plain.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits_and_leaves_other_text_alone() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(47_000_000), "47,000,000");
        assert_eq!(group_thousands("12a"), "12a");
        assert_eq!(group_thousands(""), "");
    }

    #[test]
    fn amounts_may_be_grouped_but_not_signed_or_fractional() {
        assert_eq!(digits_only("1,000,000"), Some(1_000_000));
        assert_eq!(digits_only(" 42 "), Some(42));
        assert_eq!(digits_only("-5"), None);
        assert_eq!(digits_only("1.5"), None);
        assert_eq!(digits_only(""), None);
        assert_eq!(digits_only("99999999999999999999"), None);
    }
}
