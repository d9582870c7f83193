//! Account rules: what a new password must be.

use super::validation::FieldError;

/// Shortest password accepted. Length is what makes a password strong (NIST SP 800-63B);
/// no composition rules.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Longest accepted, so hashing cost stays bounded.
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Why a new password is refused, if it is.
pub fn check_new_password(password: &str, email: &str) -> Option<FieldError> {
    let n = password.chars().count();
    if n == 0 {
        Some(FieldError::Required)
    } else if n < PASSWORD_MIN_CHARS {
        Some(FieldError::PasswordTooShort)
    } else if n > PASSWORD_MAX_CHARS {
        Some(FieldError::too_long(PASSWORD_MAX_CHARS, n))
    } else if password.trim().eq_ignore_ascii_case(email.trim()) {
        Some(FieldError::PasswordIsEmail)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_need_length_and_must_not_be_the_address() {
        assert_eq!(check_new_password("", "a@b.kr"), Some(FieldError::Required));
        assert_eq!(check_new_password("short-pass1", "a@b.kr"), Some(FieldError::PasswordTooShort));
        assert_eq!(check_new_password("한글 비밀번호 열두 글자", "a@b.kr"), None, "characters, not bytes");
        assert_eq!(check_new_password("officer@a.example", "Officer@A.example"), Some(FieldError::PasswordIsEmail));
        assert_eq!(check_new_password(&"x".repeat(129), "a@b.kr"), Some(FieldError::TooLong { max: 128, got: 129 }));
        assert_eq!(check_new_password("correct horse battery", "a@b.kr"), None);
    }
}
