//! What the API's operator endpoints take (and "check your answers" gives): request bodies
//! with their limits stated for the document, as the domain checks them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `POST /incidents`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenIncident {
    /// The incident's working title (1–200 characters).
    #[schema(min_length = 1, max_length = 200, example = "메신저 로그인 장애 / Messenger sign-in outage")]
    pub title: String,
}

/// `POST /incidents/{reference}/draft`: start drafting a stage (carrying forward the latest
/// filed answers).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartStage {
    /// `initial`, `interim` or `final`.
    #[schema(example = "initial", pattern = "^(initial|interim|final)$")]
    pub stage: String,
}

/// `PATCH /incidents/{reference}/draft`: answers to set (a string) or clear (`null`), by field
/// catalogue key; keys not named keep their answers.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftChanges {
    #[schema(example = json!({"onset_at": "2022-10-15T06:19:00Z", "users_affected": "47000000", "services_affected": null}))]
    pub fields: BTreeMap<String, Option<String>>,
}

/// "Check your answers" for a machine: what stops the draft being filed.
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckOut {
    pub ready: bool,
    pub revision: i64,
    pub content_sha256: String,
    /// One per field, in report order (`pointer` is `/fields/<key>`).
    pub problems: Vec<super::problem::FieldProblem>,
}

/// `POST /incidents/{reference}/draft/submit`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Submit {
    /// The signatory's title, as printed on the filing (1–100 characters).
    #[schema(min_length = 1, max_length = 100, example = "대표이사 / Chief Executive")]
    pub signatory_title: String,
    /// The declaration on the check page: the filing is true and complete to the best of the
    /// signatory's knowledge. Must be `true`.
    pub declaration: bool,
    /// The `content_sha256` of the draft being approved; if the draft changed since, nothing
    /// is filed (`409`).
    #[schema(pattern = "^[0-9a-f]{64}$")]
    pub content_sha256: String,
}

/// `POST /incidents/{reference}/requests/{number}/answers`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerIn {
    /// The answer (1–5,000 characters).
    #[schema(min_length = 1, max_length = 5000)]
    pub body: String,
}

/// `POST /incidents/{reference}/items/{id}/done`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemDoneIn {
    /// What was done, as the ministry will read it (1–5,000 characters).
    #[schema(min_length = 1, max_length = 5000)]
    pub note: String,
}
