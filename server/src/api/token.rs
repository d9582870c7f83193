//! The written form of a personal API token and its hash. A token is
//! `od_<10-character public prefix>_<40-character secret>`; the desk keeps the prefix (to find
//! the row) and the SHA-256 of the whole token. The secret carries about 238 random bits, so a
//! fast hash is enough (no argon2 per request), and the stored hash is compared in constant time.

use app::domain::api_token::{PREFIX_LEN, SECRET_LEN};
use rand::distributions::{Alphanumeric, DistString};
use rand::Rng;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// A new token and its public prefix.
pub fn generate() -> (String, String) {
    const PREFIX_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::thread_rng();
    let prefix: String = (0..PREFIX_LEN).map(|_| PREFIX_CHARS[rng.gen_range(0..PREFIX_CHARS.len())] as char).collect();
    let secret = Alphanumeric.sample_string(&mut rng, SECRET_LEN);
    (format!("od_{prefix}_{secret}"), prefix)
}

/// The stored form of a token: SHA-256, hex.
pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether `presented` is the token whose stored hash is `stored`, in time that does not depend
/// on where the two differ.
pub fn matches(presented: &str, stored: &str) -> bool {
    let mine = hash(presented);
    mine.as_bytes().ct_eq(stored.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_token_has_the_documented_shape_and_matches_only_its_hash() {
        let (token, prefix) = generate();
        assert_eq!(app::domain::api_token::prefix_of(&token), Some(prefix.as_str()));
        let stored = hash(&token);
        assert!(matches(&token, &stored));
        let (other, _) = generate();
        assert!(!matches(&other, &stored));
        assert_ne!(generate().0, token);
    }
}
