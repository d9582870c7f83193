//! Submissions made outside Outage Desk: an officer records one for a clock of the incident,
//! a signatory signs it off (then the clock counts it).

use app::domain::outside;
use axum::extract::{Path, State};

use super::error::{Answer, AppError, OrRefuse};
use super::render::{see_other, PostedForm};
use crate::page_data::incident::recordable_clocks;
use crate::state::AppState;
use crate::storage::outside::Settle;
use crate::storage::{drafts, filings, StorageError};
use app::domain::validation::{FieldError, FieldErrors};

super::routes::route_table! {
    post "/filing/incidents/{reference}/outside" => record, Filer;
    post "/filing/incidents/{reference}/outside/{number}/sign" => sign_off, Signatory;
    post "/filing/incidents/{reference}/outside/{number}/withdraw" => withdraw, Filer;
}

fn incident_page(reference: &str) -> String {
    format!("/filing/incidents/{reference}")
}

/// POST /filing/incidents/{ref}/outside
pub async fn record(State(state): State<AppState>, Path(reference): Path<String>, form: PostedForm) -> Answer {
    let cap = super::filer(&form.parts.extensions)?;
    let incident = super::own_incident(&state, &cap, &reference).await?;
    let page = incident_page(&reference);
    let now = state.clock.now();
    let versions = filings::versions(&state.db, &incident).await?;
    let draft = drafts::get(&state.db, &incident).await?;
    let org = crate::storage::profiles::operator_facts(&state.db, cap.org()).await?;
    let clocks = recordable_clocks(&org, &versions, draft.as_ref(), now);
    let r = outside::parse(&form.fields, &clocks, form.zone(), now).map_err(|e| form.invalid(Some(&page), e))?;
    let number = match crate::storage::outside::record(&state.db, &cap, &incident, &r, now).await {
        Err(StorageError::RecordLimit) => {
            return Err(form.invalid(Some(&page), FieldErrors::one("clock", FieldError::TooManyRows)));
        }
        other => other.or_refuse(&form, &page)?,
    };
    tracing::info!(incident.reference = %reference, number, "submission outside the desk recorded");
    Ok(see_other(&format!("{page}?saved=outside#outside")))
}

/// POST /filing/incidents/{ref}/outside/{n}/sign: a signatory signs the record off.
pub async fn sign_off(State(state): State<AppState>, path: Path<(String, i64)>, form: PostedForm) -> Answer {
    settle(state, path, form, Settle::SignOff).await
}

/// POST /filing/incidents/{ref}/outside/{n}/withdraw: an officer takes back a record not yet
/// signed off.
pub async fn withdraw(State(state): State<AppState>, path: Path<(String, i64)>, form: PostedForm) -> Answer {
    settle(state, path, form, Settle::Withdraw).await
}

async fn settle(
    state: AppState,
    Path((reference, number)): Path<(String, i64)>,
    form: PostedForm,
    how: Settle,
) -> Answer {
    let cap = super::operator(&form.parts.extensions)?;
    let allowed = match how {
        Settle::SignOff => cap.can_sign(),
        Settle::Withdraw => cap.can_file(),
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let incident = super::own_incident(&state, &cap, &reference).await?;
    let page = incident_page(&reference);
    crate::storage::outside::settle(&state.db, &cap, &incident, number, how, state.clock.now())
        .await
        .or_refuse(&form, &page)?;
    Ok(see_other(&format!("{page}?saved=outside#outside")))
}
