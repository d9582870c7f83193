use super::*;

fn parts(method: &str, path: &str, lang: Lang) -> Parts {
    let (mut parts, ()) = Request::builder().method(method).uri(path).body(()).unwrap().into_parts();
    parts.extensions.insert(lang);
    parts
}

#[test]
fn storage_outcomes_map_to_what_the_edge_answers() {
    assert!(matches!(AppError::from(StorageError::NotFound), AppError::NotFound));
    assert!(matches!(AppError::from(StorageError::NotReviewLead), AppError::Forbidden));
    assert!(matches!(AppError::from(StorageError::Corrupt("x")), AppError::Internal(_)));
    let db = StorageError::Db(sqlx::Error::RowNotFound);
    assert_eq!(AppError::from(db).status(), StatusCode::INTERNAL_SERVER_ERROR);
}

#[test]
fn a_state_that_changed_comes_back_as_the_form_with_a_problem() {
    let form = PostedForm {
        parts: parts("POST", "/review/incidents/OD-2026-000001/requests/1/close", Lang::En),
        fields: [("_csrf".to_string(), "t".to_string()), ("body".to_string(), "typed".to_string())].into(),
    };
    let e = Err::<(), _>(StorageError::RequestClosed).or_refuse(&form, "/review/incidents/OD-2026-000001").unwrap_err();
    let AppError::Form(r) = &e else { panic!("expected the form again, got {e:?}") };
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.page.as_deref(), Some("/review/incidents/OD-2026-000001"));
    assert_eq!(r.echo.problem, Some(FormProblem::CaseStateChanged));
    assert_eq!(r.echo.values.get("body").map(String::as_str), Some("typed"));
    assert!(!r.echo.values.contains_key("_csrf"), "the token is never echoed");
    let stale = Err::<(), _>(StorageError::StaleRevision).or_refuse(&form, "/x").unwrap_err();
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let failure = Err::<(), _>(StorageError::Corrupt("row")).or_refuse(&form, "/x").unwrap_err();
    assert!(matches!(failure, AppError::Internal(_)), "a failure is never shown as someone else's change");
}

#[test]
fn the_incident_of_an_address_is_found_for_the_log() {
    assert_eq!(incident_reference("/review/incidents/OD-2026-000003/assign"), Some("OD-2026-000003"));
    assert_eq!(incident_reference("/filing/filings/OD-2026-000003-01/pdf"), Some("OD-2026-000003-01"));
    assert_eq!(incident_reference("/filing/organisation"), None);
}

async fn json_of(resp: Response) -> serde_json::Value {
    let bytes = axum::body::to_bytes(resp.into_body(), 1 << 20).await.unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[tokio::test]
async fn api_errors_are_translated_problem_documents() {
    let resp = problem_json(&parts("GET", "/api/v1/incidents/x", Lang::Ko), &AppError::NotFound);
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    assert_eq!(resp.headers()[header::CONTENT_TYPE], "application/problem+json");
    let doc = json_of(resp).await;
    assert_eq!(doc["status"], 404);
    assert_eq!(doc["title"], Msg::NotFoundTitle.t(Lang::Ko));
    assert_eq!(doc["instance"], "/api/v1/incidents/x");

    let errors = FieldErrors::one("title", app::domain::validation::FieldError::Required);
    let echo = FormEcho { values: Default::default(), errors, problem: None };
    let form = AppError::form(None, echo, StatusCode::UNPROCESSABLE_ENTITY);
    let doc = json_of(problem_json(&parts("POST", "/api/v1/incidents", Lang::En), &form)).await;
    assert_eq!(doc["status"], 422);
    assert_eq!(doc["errors"][0]["field"], "title");
    assert_eq!(doc["errors"][0]["detail"], Msg::ErrRequired.t(Lang::En));

    let failure = AppError::internal(std::io::Error::other("disk on fire at /var/lib/db"));
    let doc = json_of(problem_json(&parts("GET", "/api/v1/x", Lang::En), &failure)).await;
    assert_eq!(doc["status"], 500);
    assert!(!doc.to_string().contains("disk on fire"), "the cause never reaches the client");
}
