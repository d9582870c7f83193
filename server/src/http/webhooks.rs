//! The organisation admin's webhook forms: register an endpoint (its signing secret is in the
//! answer to this post only), send a test event, turn one on again, delete one.

use app::api::{FormProblem, FreshWebhookSecret};
use app::domain::webhook;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};

use super::error::{Answer, OrRefuse};
use super::render::{see_other, PostedForm};
use crate::state::AppState;
use crate::storage::webhooks::{self, Change};
use crate::storage::StorageError;

super::routes::route_table! {
    post "/filing/organisation/webhooks" => create, OrgAdmin;
    post "/filing/organisation/webhooks/{id}/ping" => ping, OrgAdmin;
    post "/filing/organisation/webhooks/{id}/enable" => enable, OrgAdmin;
    post "/filing/organisation/webhooks/{id}/delete" => delete, OrgAdmin;
}

const PAGE: &str = "/filing/organisation/webhooks";

/// POST …/webhooks: `url` and the events ticked (`event_request_asked=yes`…).
pub async fn create(State(state): State<AppState>, form: PostedForm) -> Answer {
    let cap = super::org_admin(&form.parts.extensions)?;
    let ticked: Vec<&str> =
        form.fields.iter().filter(|(_, v)| v.as_str() == "yes").filter_map(|(k, _)| k.strip_prefix("event_")).collect();
    let (url, events) = webhook::check_new(&form.get("url"), &ticked, state.config.webhook_allow_private)
        .map_err(|errors| form.invalid(Some(PAGE), errors))?;
    let secret = crate::notify::webhooks::new_secret();
    match webhooks::create(&state.db, &cap, &url, &events, &secret, state.clock.now()).await {
        Ok(id) => tracing::info!(org.id = %cap.org(), webhook.id = id, "webhook registered"),
        Err(StorageError::RecordLimit) => {
            return Err(form.refuse(Some(PAGE), FormProblem::WebhookLimit, StatusCode::CONFLICT));
        }
        Err(e) => return Err(e.into()),
    }
    let mut parts = form.parts;
    match PAGE.parse() {
        Ok(uri) => parts.uri = uri,
        Err(e) => tracing::error!(error = %e, "the webhooks page has no valid address"),
    }
    let mut resp =
        super::render::render_page_with(&state, parts, app::api::FormEcho::default(), FreshWebhookSecret(secret)).await;
    resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(resp)
}

async fn apply(state: &AppState, form: &PostedForm, id: i64, change: Change) -> Answer {
    let cap = super::org_admin(&form.parts.extensions)?;
    webhooks::change(&state.db, &cap, id, change, state.clock.now()).await.or_refuse(form, PAGE)?;
    Ok(see_other(&format!("{PAGE}?saved=1")))
}

/// POST …/webhooks/{id}/ping: a test event to check the endpoint.
pub async fn ping(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    apply(&state, &form, id, Change::Ping).await
}

/// POST …/webhooks/{id}/enable: on again after the desk turned it off.
pub async fn enable(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    apply(&state, &form, id, Change::Enable).await
}

/// POST …/webhooks/{id}/delete: nothing more is sent to it.
pub async fn delete(State(state): State<AppState>, Path(id): Path<i64>, form: PostedForm) -> Answer {
    apply(&state, &form, id, Change::Delete).await
}
