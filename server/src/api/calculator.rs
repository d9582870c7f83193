//! `POST /calculator`: the reportability check and every deadline, from facts sent in the
//! request; nothing is stored. Any token may use it.

use std::collections::BTreeMap;

use app::domain::calculator::{calculate, Facts};
use app::domain::filing::FilingStage;
use app::domain::profile_fields::{PROFILE, SERVICE};
use app::domain::report::content::from_fields;
use app::domain::report::{changes, Content};
use app::domain::timestamp::Timestamp;
use app::domain::validation::{FieldError, FieldErrors};
use app::domain::zone::UserZone;
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::extract::ApiJson;
use super::model::{AssessmentOut, ClockOut};
use super::problem::{ApiError, ApiResult, Problem};
use crate::state::AppState;

/// Most service records one request may describe.
const MAX_SERVICES: usize = 100;
/// Most filed versions one request may describe.
const MAX_FILINGS: usize = 100;

/// Answers by key: strings, numbers, booleans (`yes`/`no`), lists (multiple choice) or null.
type Answers = BTreeMap<String, Value>;

/// The facts to judge.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CalculatorIn {
    /// The incident's answers by field catalogue key (`onset_at`, `detected_at`,
    /// `restored_at`, `users_affected`, `service_users`, `services_affected`, `regimes`…).
    #[schema(value_type = Object, example = json!({"onset_at": "2022-10-15T06:19:00Z", "detected_at": "2022-10-15T06:22:00Z", "restored_at": "2022-10-20T14:00:00Z", "users_affected": 47000000, "services_affected": "판교톡 메신저"}))]
    pub incident: Answers,
    /// The operator: its profile (the organisation page's keys, e.g. `revenue_krw`,
    /// `nis2_entity`, `dora_entity`) and its services (`name_ko`, `name_en`, `daily_users`,
    /// `traffic_share_pct`, `paid`…).
    #[serde(default)]
    pub operator: OperatorIn,
    /// Versions filed so far (they satisfy clocks).
    #[serde(default)]
    pub filings: Vec<FiledIn>,
    /// The instant to judge at (RFC 3339); now when absent.
    pub at: Option<String>,
}

/// The operator's facts.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OperatorIn {
    #[serde(default)]
    #[schema(value_type = Object, example = json!({"revenue_krw": 7000000000000_i64}))]
    pub profile: Answers,
    #[serde(default)]
    #[schema(value_type = Vec<Object>, example = json!([{"name_ko": "판교톡 메신저", "name_en": "Pangyo Talk messenger", "daily_users": 47000000, "traffic_share_pct": 1.8, "paid": "free"}]))]
    pub services: Vec<Answers>,
}

/// A version filed.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FiledIn {
    /// `initial`, `interim` or `final`.
    pub stage: String,
    /// When it was filed (RFC 3339).
    pub at: String,
}

/// The result.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalculatorOut {
    /// When it was judged.
    pub at: String,
    pub assessments: Vec<AssessmentOut>,
    /// The regimes clocked: those `incident.regimes` names, or every regime met.
    pub regimes: Vec<String>,
    pub clocks: Vec<ClockOut>,
}

/// A JSON value as the text a form would hold, or why it cannot be one.
fn as_text(v: &Value) -> Result<Option<String>, FieldError> {
    Ok(match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "yes" } else { "no" }.to_string()),
        Value::Array(items) => Some(
            items
                .iter()
                .map(|i| i.as_str().map(str::to_string).ok_or(FieldError::UnknownOption))
                .collect::<Result<Vec<_>, _>>()?
                .join(","),
        ),
        Value::Object(_) => return Err(FieldError::UnknownOption),
    })
}

fn texts(answers: &Answers, errors: &mut FieldErrors) -> BTreeMap<String, Option<String>> {
    let mut out = BTreeMap::new();
    for (k, v) in answers {
        match as_text(v) {
            Ok(t) => {
                out.insert(k.clone(), t);
            }
            Err(e) => errors.add(k, e),
        }
    }
    out
}

/// Answers of a flat form (`defs`), refusing keys it does not have.
fn flat(
    defs: &[app::domain::report::schema::FieldDef],
    answers: &Answers,
    prefix: String,
) -> Result<Content, ApiError> {
    let mut errors = FieldErrors::default();
    let given = texts(answers, &mut errors);
    for k in given.keys().filter(|k| !defs.iter().any(|d| d.key == k.as_str())) {
        errors.add(k, FieldError::UnknownOption);
    }
    if !errors.is_empty() {
        return Err(ApiError::Invalid { prefix, errors });
    }
    let posted = given.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
    Ok(from_fields(defs, &posted, UserZone::default()))
}

fn instant_of(text: &str, key: &str, prefix: String) -> Result<Timestamp, ApiError> {
    Timestamp::parse_utc(text)
        .ok_or_else(|| ApiError::Invalid { prefix, errors: FieldErrors::one(key, FieldError::InvalidDateTime) })
}

/// Judges reportability and computes every deadline from the facts sent.
#[utoipa::path(post, path = "/calculator", tag = "calculator", request_body = CalculatorIn,
    security(("token" = [])),
    responses((status = 200, body = CalculatorOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 413, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
pub async fn calculator(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<CalculatorIn>,
) -> ApiResult<Json<CalculatorOut>> {
    let mut errors = FieldErrors::default();
    let incident_answers = texts(&body.incident, &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::Invalid { prefix: "/incident".into(), errors });
    }
    let incident = changes::apply(&Content::default(), &incident_answers, UserZone::default())
        .map_err(|errors| ApiError::Invalid { prefix: "/incident".into(), errors })?;
    let profile = flat(PROFILE, &body.operator.profile, "/operator/profile".into())?;
    if body.operator.services.len() > MAX_SERVICES || body.filings.len() > MAX_FILINGS {
        return Err(ApiError::TooLarge);
    }
    let services = body
        .operator
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| flat(SERVICE, s, format!("/operator/services/{i}")))
        .collect::<Result<Vec<_>, _>>()?;
    let filings = body
        .filings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let prefix = format!("/filings/{i}");
            let stage = FilingStage::parse(&f.stage).ok_or_else(|| ApiError::Invalid {
                prefix: prefix.clone(),
                errors: FieldErrors::one("stage", FieldError::UnknownOption),
            })?;
            Ok((stage, instant_of(&f.at, "at", prefix)?))
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let at = match body.at.as_deref() {
        Some(t) => instant_of(t, "at", String::new())?,
        None => state.clock.now(),
    };
    let r = calculate(&Facts { incident, profile, services, filings }, at);
    Ok(Json(CalculatorOut {
        at: at.to_utc_string(),
        assessments: r.assessments.iter().map(Into::into).collect(),
        regimes: r.regimes,
        clocks: r.clocks.iter().map(Into::into).collect(),
    }))
}
