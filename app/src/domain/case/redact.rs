//! Redaction marks in a summary draft. The reviewer wraps what must not be published (trade
//! secrets, security-sensitive detail; TBA 22-7⑤, FCC 4.2 practice) in `[[` and `]]`. The
//! draft keeps the full text for the ministry's record; only the redacted text is ever
//! written to the published summary.

/// Opening and closing marks.
pub const OPEN: &str = "[[";
pub const CLOSE: &str = "]]";

/// The marks are paired and not nested.
pub fn is_well_formed(text: &str) -> bool {
    let mut rest = text;
    loop {
        let open = rest.find(OPEN);
        let close = rest.find(CLOSE);
        match (open, close) {
            (None, None) => return true,
            (Some(o), Some(c)) if o < c => {
                let inner = &rest[o + OPEN.len()..c];
                if inner.contains(OPEN) {
                    return false;
                }
                rest = &rest[c + CLOSE.len()..];
            }
            _ => return false,
        }
    }
}

/// The text with every marked passage replaced by `placeholder`. Call only on well-formed
/// text; an unpaired mark is left as typed.
pub fn redact(text: &str, placeholder: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(o) = rest.find(OPEN) {
        let Some(c) = rest[o..].find(CLOSE).map(|c| c + o) else { break };
        out.push_str(&rest[..o]);
        out.push_str(placeholder);
        rest = &rest[c + CLOSE.len()..];
    }
    out.push_str(rest);
    out
}

/// How many passages are marked.
pub fn count(text: &str) -> usize {
    text.matches(OPEN).count()
}

/// What replaces a withheld passage, per language.
pub fn placeholder(lang_ko: bool) -> &'static str {
    if lang_ko {
        "[비공개]"
    } else {
        "[withheld]"
    }
}

/// What replaces a withheld passage in text that has one language only (a measure's wording):
/// both languages' placeholders.
pub const BILINGUAL_PLACEHOLDER: &str = "[비공개 · withheld]";

/// Single-language text as the public may read it: marked passages withheld.
pub fn public_text(text: &str) -> String {
    redact(text, BILINGUAL_PLACEHOLDER)
}
