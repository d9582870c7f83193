use super::*;

fn templates() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../report-templates").to_string()
}

#[test]
fn defaults_are_the_embedded_setup() {
    let t = templates();
    let c = Config::from_lookup(|k| (k == "TEMPLATES_DIR").then(|| t.clone())).expect("defaults");
    assert!(c.database_url.starts_with("sqlite:"));
    assert!(!c.secure_cookies());
    assert!(!c.seed_demo);
}

#[test]
fn bad_values_are_named() {
    let t = templates();
    let err = |k: &'static str, v: &'static str| {
        let t = t.clone();
        Config::from_lookup(move |q| {
            if q == k {
                Some(v.into())
            } else if q == "TEMPLATES_DIR" {
                Some(t.clone())
            } else {
                None
            }
        })
        .expect_err("must fail")
        .to_string()
    };
    assert!(err("DATABASE_URL", "mysql://x").contains("DATABASE_URL"));
    assert!(err("SESSION_SECRET", "short").contains("SESSION_SECRET"));
    assert!(err("SEED_DEMO", "maybe").contains("SEED_DEMO"));
    assert!(err("PUBLIC_BASE_URL", "example.org").contains("PUBLIC_BASE_URL"));
}

#[test]
fn debug_output_hides_secrets() {
    let t = templates();
    let c = Config::from_lookup(|k| match k {
        "DATABASE_URL" => Some("postgres://app:hunter2@db/outage".into()),
        "SESSION_SECRET" => Some("s".repeat(64)),
        "TEMPLATES_DIR" => Some(t.clone()),
        _ => None,
    })
    .expect("valid");
    let shown = format!("{c:?}");
    assert!(!shown.contains("hunter2") && !shown.contains(&"s".repeat(64)), "{shown}");
    assert!(shown.contains("postgres://app:<redacted>@db/outage"), "{shown}");
}
