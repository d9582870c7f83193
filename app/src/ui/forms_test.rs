//! The order rule of [`super::use_form_echo`], checked over the pages' source: the API-token
//! and webhook pages broke it and hydrated with their content twice in the browser tests.

/// Every page component's body, from `pub fn` to the next `pub fn`.
fn page_bodies() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/pages");
    let mut found = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).into_iter().flatten().flatten().map(|e| e.path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for (i, body) in text.split("\nfn ").flat_map(|b| b.split("pub fn ")).enumerate() {
                found.push((format!("{}#{i}", path.display()), body.to_string()));
            }
        }
    }
    found
}

#[test]
fn the_form_echo_is_created_after_the_pages_own_data() {
    let bodies = page_bodies();
    assert!(bodies.iter().any(|(_, b)| b.contains("use_form_echo()")), "the scan finds the pages");
    let late: Vec<&String> = bodies
        .iter()
        .filter(|(_, body)| {
            let echo = body.find("use_form_echo()");
            let data = body.rfind("Resource::new(");
            matches!((echo, data), (Some(e), Some(d)) if d > e)
        })
        .map(|(name, _)| name)
        .collect();
    assert!(late.is_empty(), "use_form_echo() before a Resource::new in {late:?}");
}
