//! Builds what the operator's pages show from stored records and the domain rules:
//! clocks, reportability, the draft's remaining problems. Pure apart from the records
//! passed in, so the same `now` gives the same page.

use app::api::{DraftView, IncidentRow, IncidentView, VersionRow};
use app::domain::auth::OperatorCap;
use app::domain::deadlines::{clocks, next_due, Duty, OutsideSubmission};
use app::domain::filing::{FilingStage, IncidentStatus};
use app::domain::law::operator::OperatorFacts;
use app::domain::report::stages::next_stages;
use app::domain::report::{check, section_state, sections, Content};
use app::domain::reportability::{assess, clock_facts};
use app::domain::timestamp::Timestamp;

use crate::storage::drafts::DraftRecord;
use crate::storage::filings::Version;
use crate::storage::incidents::IncidentRecord;

/// The content clocks and checks use: the draft's if one exists (it is the newest
/// knowledge), else the latest filed version's.
fn latest<'a>(versions: &'a [Version], draft: Option<&'a DraftRecord>) -> Content {
    draft.map(|d| d.content.clone()).or_else(|| versions.last().map(|v| v.content.clone())).unwrap_or_default()
}

fn filed(versions: &[Version]) -> Vec<(FilingStage, Timestamp)> {
    versions.iter().map(|v| (v.row.stage, v.row.submitted_at)).collect()
}

/// Clocks from the newest content, the operator's profile (exemptions), the filed versions
/// and the ministry's requests ((due, answered) pairs).
fn incident_clocks(
    content: &Content,
    org: &OperatorFacts,
    versions: &[Version],
    requests: &[(Timestamp, Option<Timestamp>)],
    outside: &[OutsideSubmission],
    now: Timestamp,
) -> Vec<app::domain::deadlines::Clock> {
    let regimes = content.codes("regimes");
    let mut facts = clock_facts(content, org, filed(versions), now);
    facts.requests = requests.to_vec();
    facts.outside = outside.to_vec();
    clocks(&regimes, &facts, now)
}

/// An incident's regime clocks as its dashboard row counts them (the ministry's requests
/// remind of themselves), for the reminder job.
pub fn regime_clocks(
    org: &OperatorFacts,
    versions: &[Version],
    draft: Option<&DraftRecord>,
    outside: &[OutsideSubmission],
    now: Timestamp,
) -> Vec<app::domain::deadlines::Clock> {
    incident_clocks(&latest(versions, draft), org, versions, &[], outside, now)
}

/// The clocks a submission made outside the desk may be recorded for: each regime's duties
/// the operator does (not the ministry's requests, answered in the desk).
pub fn recordable_clocks(
    org: &OperatorFacts,
    versions: &[Version],
    draft: Option<&DraftRecord>,
    now: Timestamp,
) -> Vec<(String, Duty)> {
    let content = latest(versions, draft);
    let clocks = incident_clocks(&content, org, versions, &[], &[], now);
    app::domain::outside::recordable(&clocks).into_iter().map(|c| (c.regime.clone(), c.duty)).collect()
}

/// The draft with what still stops it being filed.
pub fn draft_view(d: &DraftRecord, now: Timestamp) -> DraftView {
    let errors = check(&d.content, d.stage, now);
    let sections =
        sections().iter().map(|s| (s.slug.to_string(), section_state(&d.content, s, &errors, d.stage))).collect();
    DraftView {
        stage: d.stage,
        revision: d.revision,
        content: d.content.clone(),
        errors,
        sections,
        sha256: d.sha256(),
        updated_by: d.updated_by.clone(),
        updated_at: d.updated_at,
    }
}

/// Everything the incident page shows.
// the records of one incident as storage reads them, each needed once: a struct would only
// rename the arguments
#[allow(clippy::too_many_arguments)]
pub fn incident_view(
    cap: &OperatorCap,
    incident: IncidentRecord,
    versions: Vec<Version>,
    draft: Option<DraftRecord>,
    requests: &[(Timestamp, Option<Timestamp>)],
    outside: Vec<app::api::OutsideView>,
    org: &OperatorFacts,
    now: Timestamp,
) -> IncidentView {
    let content = latest(&versions, draft.as_ref());
    let clocks = incident_clocks(&content, org, &versions, requests, &crate::storage::outside::counted(&outside), now);
    let can_start = if draft.is_some() {
        Vec::new()
    } else {
        next_stages(&versions.iter().map(|v| v.row.stage).collect::<Vec<_>>())
    };
    IncidentView {
        reference: incident.reference,
        title: incident.title,
        org: incident.org,
        opened_at: incident.opened_at,
        versions: versions.iter().map(|v| v.row.clone()).collect::<Vec<VersionRow>>(),
        draft: draft.as_ref().map(|d| draft_view(d, now)),
        assessments: assess(&content, org, now),
        user_minutes: content.user_minutes(now),
        latest: content,
        clocks,
        can_start,
        can_draft: cap.can_file(),
        can_submit: cap.can_sign(),
        // the caller adds the evidence files and the ministry's side
        attachments: Vec::new(),
        ministry: Default::default(),
        outside,
    }
}

/// One dashboard row.
pub fn incident_row(
    incident: IncidentRecord,
    versions: &[Version],
    draft: Option<&DraftRecord>,
    case_closed: bool,
    outside: &[OutsideSubmission],
    org: &OperatorFacts,
    now: Timestamp,
) -> IncidentRow {
    let content = latest(versions, draft);
    // the dashboard reads no requests: their clocks show on the incident page
    let clocks = incident_clocks(&content, org, versions, &[], outside, now);
    let mut prevention = [0u32; 3];
    let group = sections().iter().flat_map(|s| s.groups.iter()).find(|g| g.key == "prevention");
    if let Some(g) = group {
        for row in 0..content.rows(g) {
            match content.get(&format!("prevention.{row}.status")) {
                "planned" => prevention[0] += 1,
                "in_progress" => prevention[1] += 1,
                "done" => prevention[2] += 1,
                _ => {}
            }
        }
    }
    let last_stage = versions.last().map(|v| v.row.stage);
    IncidentRow {
        reference: incident.reference,
        title: incident.title,
        last_stage,
        versions: u32::try_from(versions.len()).unwrap_or(u32::MAX),
        draft_stage: draft.map(|d| d.stage),
        status: IncidentStatus::of(last_stage, case_closed),
        overdue: u32::try_from(clocks.iter().filter(|c| c.is_overdue()).count()).unwrap_or(u32::MAX),
        ministry_overdue: 0,
        next_due: next_due(&clocks).cloned(),
        prevention,
    }
}
