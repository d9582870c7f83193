//! Builds the ministry's case page and the operator's view of the ministry's requests and
//! measures from storage records and the domain rules (duty catalog, clocks, closure).

use std::collections::BTreeMap;

use app::api::{CaseView, DutyRow, MinistryCorrespondence, Names, RequestView};
use app::domain::auth::ReviewerCap;
use app::domain::case::forms::SUMMARY_PARTS;
use app::domain::deadlines::clocks;
use app::domain::duties::{applicable, catalog_at, determination, Finding};
use app::domain::filing::FilingStage;
use app::domain::law::operator::OperatorFacts;
use app::domain::report::{sections, Content};
use app::domain::reportability::clock_facts;
use app::domain::timestamp::Timestamp;
use app::domain::zone::UserZone;
use app::i18n::Lang;

use crate::storage::filings::{self, Version};
use crate::storage::incidents::IncidentRecord;
use crate::storage::{assessments, attachments, cases, measures, profiles, requests, summaries, Db, StorageError};

/// The requests' (due, answered) pairs that drive the TBA 22-7④ clocks.
pub fn request_facts(requests: &[RequestView]) -> Vec<(Timestamp, Option<Timestamp>)> {
    requests.iter().map(|r| (r.due, r.messages.iter().find(|m| !m.from_ministry).map(|m| m.stamp.at))).collect()
}

/// Every regime clock of a filed incident of an operator with `org`'s profile, with the
/// ministry's requests.
pub fn case_clocks(
    org: &OperatorFacts,
    versions: &[Version],
    requests: &[RequestView],
    outside: &[app::domain::deadlines::OutsideSubmission],
    now: Timestamp,
) -> Vec<app::domain::deadlines::Clock> {
    let content = versions.last().map(|v| v.content.clone()).unwrap_or_default();
    let filed: Vec<(FilingStage, Timestamp)> = versions.iter().map(|v| (v.row.stage, v.row.submitted_at)).collect();
    let mut facts = clock_facts(&content, org, filed, now);
    facts.requests = request_facts(requests);
    facts.outside = outside.to_vec();
    clocks(&content.codes("regimes"), &facts, now)
}

/// What the operator sees of the ministry's side: requests and measures, never findings.
/// `closed` comes from the case's state, which the ministry's page reads anyway.
pub async fn correspondence(
    db: &Db,
    incident: &IncidentRecord,
    closed: Option<app::api::Stamp>,
    now: Timestamp,
) -> Result<MinistryCorrespondence, StorageError> {
    Ok(MinistryCorrespondence {
        requests: requests::list(db, incident, now).await?,
        measures: measures::list(db, incident).await?,
        closed,
    })
}

/// The duties that apply and the findings recorded on them.
async fn duty_rows(
    db: &Db,
    incident: &IncidentRecord,
    content: &Content,
    org: &OperatorFacts,
) -> Result<(String, Vec<DutyRow>), StorageError> {
    let onset = content.instant("onset_at").unwrap_or(incident.opened_at);
    let Some(catalog) = catalog_at(onset) else { return Ok((String::new(), Vec::new())) };
    // the designations in force when it happened, of the services it affected
    let (services, _) = org.services_named(content.get("services_affected"));
    let designations = app::domain::law::coverage::applying(org, &services, onset);
    let found = assessments::list(db, incident).await?;
    let rows = applicable(catalog, &content.codes("regimes"), &designations)
        .into_iter()
        .map(|d| {
            let mine = found.iter().find(|f| f.duty_id == d.id);
            DutyRow {
                id: d.id.to_string(),
                basis: d.basis.to_string(),
                title: Names { ko: d.title.0.into(), en: d.title.1.into() },
                evidence_hint: Names { ko: d.evidence.0.into(), en: d.evidence.1.into() },
                finding: mine.map_or(Finding::NotAssessed, |f| f.finding),
                rationale: mine.map(|f| f.rationale.clone()).unwrap_or_default(),
                evidence: mine.map(|f| f.evidence.clone()).unwrap_or_default(),
                assessed: mine.map(|f| f.assessed.clone()),
            }
        })
        .collect();
    Ok((catalog.version.to_string(), rows))
}

/// The public answers of a report section as `label: answer` lines.
fn public_lines(content: &Content, slug: &str, lang: Lang) -> String {
    let Some(section) = sections().iter().find(|s| s.slug == slug) else { return String::new() };
    let zone = UserZone::Seoul;
    let mut lines: Vec<String> = section
        .fields
        .iter()
        .filter(|f| f.public && !content.get(f.key).is_empty())
        .map(|f| format!("{}: {}", lang.pick(f.label.0, f.label.1), content.display(f.key, zone, lang)))
        .collect();
    for g in section.groups {
        for row in 0..content.rows(g) {
            let cells: Vec<String> = g
                .columns
                .iter()
                .filter(|c| c.public)
                .map(|c| content.display(&format!("{}.{row}.{}", g.key, c.key), zone, lang))
                .filter(|v| !v.is_empty())
                .collect();
            if !cells.is_empty() {
                lines.push(format!("- {}", cells.join(" · ")));
            }
        }
    }
    lines.join("\n")
}

/// What a new summary draft starts with: the filing's public answers, by part.
pub fn summary_prefill(incident: &IncidentRecord, content: &Content) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for lang in [Lang::Ko, Lang::En] {
        let sfx = lang.code();
        let sep = lang.pick(", ", ": ");
        out.insert(format!("headline_{sfx}"), format!("{}{sep}{}", incident.org.get(lang), incident.title));
        out.insert(format!("summary_{sfx}"), public_lines(content, "summary", lang));
        out.insert(format!("impact_{sfx}"), public_lines(content, "impact", lang));
        out.insert(format!("timeline_{sfx}"), public_lines(content, "times", lang));
        let cause = [public_lines(content, "cause", lang), public_lines(content, "redundancy", lang)];
        out.insert(
            format!("cause_{sfx}"),
            cause.iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join("\n"),
        );
        out.insert(format!("communication_{sfx}"), public_lines(content, "notice", lang));
    }
    debug_assert!(SUMMARY_PARTS
        .iter()
        .all(|p| p.key == "redaction_note" || out.contains_key(&format!("{}_ko", p.key))));
    out
}

/// The prevention items of the latest filing, one line each, offered as a measure's items.
fn prevention_items(content: &Content) -> Vec<String> {
    let Some(group) = sections().iter().flat_map(|s| s.groups.iter()).find(|g| g.key == "prevention") else {
        return Vec::new();
    };
    (0..content.rows(group))
        .map(|row| content.get(&format!("prevention.{row}.measure")).trim().to_string())
        .filter(|m| !m.is_empty())
        .collect()
}

/// Everything the ministry's case page shows. Opening it counts as a visit.
pub async fn review_case(
    db: &Db,
    cap: &ReviewerCap,
    reference: &str,
    now: Timestamp,
) -> Result<CaseView, StorageError> {
    let incident = crate::storage::incidents::find_filed(db, cap, reference).await?;
    let versions = filings::versions(db, &incident).await?;
    let Some(latest) = versions.last() else { return Err(StorageError::NotFound) };
    let content = latest.content.clone();
    let state = cases::state(db, &incident).await?;
    let correspondence = correspondence(db, &incident, state.closed.clone(), now).await?;
    let org = profiles::operator_facts(db, incident.org_id).await?;
    let (catalog_version, duties) = duty_rows(db, &incident, &content, &org).await?;
    let findings: Vec<Finding> = duties.iter().map(|d| d.finding).collect();
    // the summary only: its measures and corrections are on this page already or not needed
    let published =
        crate::storage::publications::summary(db, &crate::storage::publications::PublicReader, &incident.reference)
            .await;
    let (published_at, prefill) = match published {
        Ok(p) => {
            let mut values = p.parts.clone();
            values.insert("headline_ko".into(), p.row.headline.ko.clone());
            values.insert("headline_en".into(), p.row.headline.en.clone());
            values.insert("summary_ko".into(), p.summary.ko.clone());
            values.insert("summary_en".into(), p.summary.en.clone());
            (Some(p.row.published_at), values)
        }
        Err(StorageError::NotFound) => (None, summary_prefill(&incident, &content)),
        Err(e) => return Err(e),
    };
    let outside = crate::storage::outside::list(db, &incident).await?;
    let view = CaseView {
        clocks: case_clocks(
            &org,
            &versions,
            &correspondence.requests,
            &crate::storage::outside::counted(&outside),
            now,
        ),
        assessments: app::domain::reportability::assess(&content, &org, now),
        outside,
        filings: filings::rows_of_incident(db, &incident).await?,
        determination: determination(&findings),
        catalog_version,
        duties,
        attachments: attachments::list(db, &incident).await?,
        assignee: state.assignee,
        close_note: state.close_note,
        reviewers: cases::reviewers(db, cap).await?,
        me: cap.user().0,
        is_lead: cap.is_lead(),
        summary_draft: summaries::draft(db, &incident).await?,
        summary_prefill: prefill,
        published_at,
        prevention: prevention_items(&content),
        close_block: cases::close_block(db, &incident).await?,
        history: cases::history(db, &incident.reference).await?,
        correspondence,
        reference: incident.reference.clone(),
        title: incident.title.clone(),
        org: incident.org.clone(),
    };
    cases::visit(db, cap, &incident, now).await?;
    Ok(view)
}
