//! The pages' views turned into the API's JSON.

use app::api::{DraftView, IncidentView};
use app::domain::filing::IncidentStatus;

use super::model::{self, DraftOut, IncidentOut};

/// An incident as [`IncidentOut`].
pub fn incident(v: &IncidentView) -> IncidentOut {
    let last = v.versions.last().map(|r| r.stage);
    IncidentOut {
        reference: v.reference.clone(),
        title: v.title.clone(),
        opened_at: model::instant(v.opened_at),
        status: model::status_word(IncidentStatus::of(last, v.ministry.closed.is_some())),
        versions: v.versions.iter().map(Into::into).collect(),
        draft: v.draft.as_ref().map(draft),
        may_start: v.can_start.iter().map(|s| s.as_str().to_string()).collect(),
        clocks: v.clocks.iter().map(Into::into).collect(),
        assessments: v.assessments.iter().map(Into::into).collect(),
        evidence: v.attachments.iter().map(Into::into).collect(),
        requests: v.ministry.requests.iter().map(Into::into).collect(),
        measures: v.ministry.measures.iter().map(Into::into).collect(),
    }
}

/// A draft as [`DraftOut`].
pub fn draft(d: &DraftView) -> DraftOut {
    DraftOut {
        stage: d.stage.as_str().to_string(),
        revision: d.revision,
        fields: d.content.0.clone(),
        content_sha256: d.sha256.clone(),
        updated_by: d.updated_by.clone(),
        updated_at: model::instant(d.updated_at),
        ready: d.errors.is_empty(),
    }
}
