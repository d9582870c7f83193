//! Anti-forgery tokens (synchroniser pattern): one random token per session, sent in a
//! hidden `_csrf` field of every form and compared on every state-changing post.

use std::collections::BTreeMap;

use rand::Rng;
use tower_sessions::Session;

/// Session key of the token.
pub const SESSION_KEY: &str = "csrf";
/// Form field carrying the token.
pub const FIELD: &str = "_csrf";
/// Cookie carrying the sign-in form's token for visitors without a session: the sign-in
/// page must not write a session row for every anonymous visit, so its token is
/// double-submitted (cookie + field) instead of kept in a session.
pub const LOGIN_COOKIE: &str = "od_login_csrf";

/// Whether `path` is one of the forms of people not signed in, which carry the
/// [`LOGIN_COOKIE`] token: signing in, and the password-reset and invitation links (all
/// under `/login`, the cookie's path).
pub fn is_sign_in_form(path: &str) -> bool {
    path == "/login" || path.starts_with("/login/")
}

/// A new random token (256 bits, hex).
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::thread_rng().gen();
    hex::encode(bytes)
}

/// The session's token, creating it when `create` is set and there is none.
pub async fn token(session: &Session, create: bool) -> Option<String> {
    match session.get::<String>(SESSION_KEY).await {
        Ok(Some(t)) => Some(t),
        Ok(None) if create => {
            let t = new_token();
            // Without a stored token no form of this page could be sent: say so in the log
            // (the page then renders without the token, and a post asks to try again).
            if let Err(e) = session.insert(SESSION_KEY, &t).await {
                tracing::error!(error = %e, "storing the anti-forgery token failed");
                return None;
            }
            Some(t)
        }
        Ok(None) => None,
        Err(e) => {
            tracing::error!(error = %e, "session read failed");
            None
        }
    }
}

/// Whether the posted form carries the session's token. Compared in constant time.
pub async fn verify(session: &Session, form: &BTreeMap<String, String>) -> bool {
    let Some(expected) = token(session, false).await else { return false };
    form.get(FIELD).is_some_and(|given| same(&expected, given))
}

/// Whether a sign-in form carries the token of its [`LOGIN_COOKIE`].
pub fn verify_login(cookie: Option<&str>, form: &BTreeMap<String, String>) -> bool {
    match (cookie.filter(|c| is_token(c)), form.get(FIELD)) {
        (Some(expected), Some(given)) => same(expected, given),
        _ => false,
    }
}

/// Whether `s` has the shape of a token this server made (so a cookie set by anyone else
/// with another shape is not reused).
pub fn is_token(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn same(expected: &str, given: &str) -> bool {
    expected.len() == given.len() && expected.bytes().zip(given.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_long_and_random() {
        let a = super::new_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, super::new_token());
    }
}
