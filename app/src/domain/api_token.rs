//! Personal API tokens: what a token may be used for (its scopes), which scopes each role may
//! give its tokens, how long a token may live, and the token's written form. Generating the
//! secret and hashing it are the server's; these rules are pure so the account page and the
//! server apply the same ones.

use serde::{Deserialize, Serialize};

use super::auth::Role;
use super::validation::{FieldError, FieldErrors};

/// The longest a token may live.
pub const MAX_DAYS: i64 = 365;
/// The lifetime offered first on the form.
pub const DEFAULT_DAYS: i64 = 90;
/// Characters of a token's name.
pub const MAX_NAME: usize = 80;
/// Live (unrevoked, unexpired) tokens one person may hold.
pub const MAX_LIVE: usize = 20;
/// Characters of the public prefix (lower-case letters and digits).
pub const PREFIX_LEN: usize = 10;
/// Characters of the secret part (letters and digits: 40 × log2(62) ≈ 238 bits).
pub const SECRET_LEN: usize = 40;

/// What a token may be used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Read: the organisation's incidents, versions, clocks, evidence list and correspondence;
    /// the calculator.
    Read,
    /// File drafts: open incidents, edit drafts, upload evidence, answer the ministry.
    File,
    /// Submit a draft as the organisation's authorised signatory.
    Submit,
    /// The ministry's queue and cases.
    MinistryRead,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::Read, Scope::File, Scope::Submit, Scope::MinistryRead];

    /// The stored and documented name.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::File => "file",
            Scope::Submit => "submit",
            Scope::MinistryRead => "ministry_read",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// (Korean, English) label on the account page.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Scope::Read => (
                "읽기 (우리 기관의 장애·보고서·기한, 계산기)",
                "Read (your organisation's incidents, filings, clocks; the calculator)",
            ),
            Scope::File => (
                "보고서 작성 (장애 등록, 초안 수정, 증빙, 답변)",
                "File drafts (open incidents, edit drafts, evidence, answers)",
            ),
            Scope::Submit => ("제출 (서명권자만)", "Submit (authorised signatories only)"),
            Scope::MinistryRead => ("부처 열람 (검토 대기열·사건)", "Ministry read (review queue and cases)"),
        }
    }

    /// Whether a person in `role` may give a token this scope: never more than they may do in
    /// the browser.
    pub fn allowed_for(self, role: Role) -> bool {
        match self {
            Scope::Read => true,
            Scope::File => role.can_file(),
            Scope::Submit => role.can_sign(),
            Scope::MinistryRead => matches!(role, Role::Reviewer | Role::ReviewLead),
        }
    }
}

/// Scopes as stored: comma-separated names in a stable order.
pub fn join(scopes: &[Scope]) -> String {
    let mut s: Vec<Scope> = scopes.to_vec();
    s.sort();
    s.dedup();
    s.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
}

/// Stored scopes read back (unknown names are dropped: a token never gains a scope).
pub fn split(stored: &str) -> Vec<Scope> {
    stored.split(',').filter_map(Scope::parse).collect()
}

/// A token asked for on the account page, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewToken {
    pub name: String,
    pub scopes: Vec<Scope>,
    pub days: i64,
}

/// Checks the form: a name, at least one scope the role allows, a lifetime of 1 to 365 days.
pub fn check_new(role: Role, name: &str, scopes: &[&str], days: &str) -> Result<NewToken, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = name.trim();
    if name.is_empty() {
        errors.add("name", FieldError::Required);
    } else if let Some(e) = FieldError::length(name, MAX_NAME) {
        errors.add("name", e);
    }
    let parsed: Vec<Option<Scope>> = scopes.iter().map(|s| Scope::parse(s)).collect();
    if scopes.is_empty() {
        errors.add("scopes", FieldError::Required);
    } else if parsed.iter().any(|s| !s.is_some_and(|s| s.allowed_for(role))) {
        errors.add("scopes", FieldError::UnknownOption);
    }
    let days = match days.trim().parse::<i64>() {
        Ok(d) if (1..=MAX_DAYS).contains(&d) => d,
        Ok(_) => {
            errors.add("days", FieldError::OutOfRange);
            0
        }
        Err(_) => {
            errors.add("days", FieldError::NotAWholeNumber);
            0
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut scopes: Vec<Scope> = parsed.into_iter().flatten().collect();
    scopes.sort();
    scopes.dedup();
    Ok(NewToken { name: name.to_string(), scopes, days })
}

/// A presented token split into its public prefix and the whole text, if it has the shape
/// `od_<10 lower-case letters or digits>_<40 letters or digits>`.
pub fn prefix_of(token: &str) -> Option<&str> {
    let rest = token.strip_prefix("od_")?;
    let (prefix, secret) = rest.split_once('_')?;
    let ok = prefix.len() == PREFIX_LEN
        && prefix.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && secret.len() == SECRET_LEN
        && secret.bytes().all(|b| b.is_ascii_alphanumeric());
    ok.then_some(prefix)
}

#[cfg(test)]
#[path = "api_token_test.rs"]
mod tests;
