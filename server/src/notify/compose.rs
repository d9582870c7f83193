//! The words of an e-mail, composed from an outbox row in the recipient's language: the same
//! code makes what is sent and what the system administrator reads at `/admin/outbox`.

use app::domain::notice::NoticeKind;
use app::i18n::notice_text::describe;
use app::i18n::{Lang, Msg};

use crate::storage::outbox::OutboxRow;

/// An e-mail ready to hand over: subject, plain text and HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// What the row says, in words, with links made absolute against `base` (the public URL).
pub fn compose(row: &OutboxRow, base: &str) -> Email {
    let lang = Lang::parse(&row.lang).unwrap_or_default();
    let base = base.trim_end_matches('/');
    let (title, sentence, path) = match row.kind.as_str() {
        "invitation" => (
            Msg::MailInvitationSubject.t(lang).to_string(),
            Msg::MailInvitationText.t(lang).to_string(),
            row.detail.clone(),
        ),
        "password_reset" => {
            (Msg::MailResetSubject.t(lang).to_string(), Msg::MailResetText.t(lang).to_string(), row.detail.clone())
        }
        code => match NoticeKind::parse(code) {
            Some(kind) => {
                let (title, sentence) = describe(kind, &row.reference, &row.detail, lang);
                (title, sentence, kind.link(&row.reference))
            }
            None => (code.to_string(), String::new(), String::new()),
        },
    };
    // A secret link already handed over is blanked in storage: say so rather than link "/".
    let link = if path.is_empty() { String::new() } else { format!("{base}{path}") };
    let settings = format!("{base}/account/notifications");
    let greeting = Msg::MailGreeting.fill(lang, &[("name", &row.display_name)]);
    let site = Msg::SiteName.t(lang);
    let subject = if row.reference.is_empty() {
        format!("[{site}] {title}")
    } else {
        format!("[{site}] {title} — {}", row.reference)
    };
    let open = Msg::MailOpenPage.t(lang);
    let footer = Msg::MailFooter.t(lang);
    let link_text = if link.is_empty() { Msg::MailLinkUsed.t(lang).to_string() } else { link.clone() };
    let text = format!("{greeting}\n\n{sentence}\n\n{open}\n{link_text}\n\n-- \n{footer}\n{settings}\n");
    let link_html =
        if link.is_empty() { escape(&link_text) } else { format!("<a href=\"{0}\">{0}</a>", escape(&link)) };
    let html = format!(
        "<!doctype html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><title>{t}</title></head><body>\
         <p>{g}</p><p>{s}</p><p>{o}<br>{link_html}</p><hr><p style=\"font-size:smaller\">{f}<br>\
         <a href=\"{settings}\">{settings_text}</a></p></body></html>",
        code = lang.code(),
        t = escape(&subject),
        g = escape(&greeting),
        s = escape(&sentence),
        o = escape(open),
        f = escape(footer),
        settings = escape(&settings),
        settings_text = escape(&settings),
    );
    Email { subject, text, html }
}

/// Escapes text for HTML element content and quoted attributes.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, lang: &str, name: &str, detail: &str) -> OutboxRow {
        OutboxRow {
            id: 1,
            to_address: "a@b.example".into(),
            display_name: name.into(),
            lang: lang.into(),
            kind: kind.into(),
            reference: "OD-2026-000003".into(),
            detail: detail.into(),
            created_at: 0,
            state: "pending".into(),
            attempts: 0,
            next_attempt_at: 0,
            sent_at: None,
            last_error: String::new(),
        }
    }

    #[test]
    fn a_notice_links_to_its_page_in_the_recipients_language() {
        let ko = compose(&row("request_asked", "ko", "김담당", "2"), "https://desk.example/");
        assert!(ko.subject.contains("OD-2026-000003") && ko.subject.contains("자료제출"), "{}", ko.subject);
        assert!(ko.text.contains("https://desk.example/filing/incidents/OD-2026-000003\n"), "{}", ko.text);
        assert!(ko.text.contains("김담당님"));
        let en = compose(&row("request_asked", "en", "Kim", "2"), "https://desk.example");
        assert!(en.text.contains("request for information no. 2"), "{}", en.text);
        assert!(en.html.contains("<a href=\"https://desk.example/filing/incidents/OD-2026-000003\">"));
    }

    #[test]
    fn names_are_escaped_in_html() {
        let m = compose(&row("measure_issued", "en", "<script>alert(1)</script> & \"x\"", "1"), "http://h");
        assert!(!m.html.contains("<script>"), "{}", m.html);
        assert!(m.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
    }

    #[test]
    fn a_used_invitation_link_is_not_shown() {
        let live = compose(&row("invitation", "en", "N", "/login/invitation/abc"), "http://h");
        assert!(live.text.contains("http://h/login/invitation/abc"));
        let used = compose(&row("invitation", "en", "N", ""), "http://h");
        assert!(!used.text.contains("http://h\n"), "{}", used.text);
        assert!(used.text.contains(Msg::MailLinkUsed.t(Lang::En)));
    }
}
