use super::*;

#[tokio::test]
async fn hashes_verify_and_are_argon2id_with_random_salt() {
    let h = Hasher::new().expect("hasher");
    let a = h.hash("correct horse".into()).await.expect("hash");
    let b = h.hash("correct horse".into()).await.expect("hash");
    assert!(a.starts_with("$argon2id$"), "{a}");
    assert_ne!(a, b, "salts differ");
    assert!(h.verify("correct horse".into(), Some(a.clone())).await);
    assert!(!h.verify("wrong".into(), Some(a)).await);
    assert!(!h.verify("anything".into(), None).await, "missing account never verifies");
}
