//! What the public pages read (issue #14): the search page and an operator's record, built
//! from published incidents only.

use app::api::{OperatorRecord, PublicList, RecordMeasure, YearRecord, RECORD_INCIDENTS, RECORD_MEASURES};
use app::domain::public::{cause_counts, measure_status, year_figures, SearchQuery, PAGE_SIZE};
use app::domain::timestamp::Timestamp;

use crate::storage::publications::PublicReader;
use crate::storage::{public_reads, Db, StorageError};

/// A page of `/incidents` for `query`.
pub async fn search(db: &Db, query: SearchQuery, now: Timestamp) -> Result<PublicList, StorageError> {
    let (rows, next) = public_reads::search(db, &PublicReader, &query, now, PAGE_SIZE).await?;
    let (operators, years, causes) = public_reads::filters(db, &PublicReader).await?;
    Ok(PublicList { next: next.map(|c| query.to_query(Some(c))), query, rows, operators, years, causes })
}

/// `/operators/{slug}`.
pub async fn operator(db: &Db, slug: &str, now: Timestamp) -> Result<OperatorRecord, StorageError> {
    let (org, incidents) = public_reads::of_operator(db, &PublicReader, slug, now).await?;
    let zone = app::domain::zone::UserZone::Seoul;
    let figures: Vec<_> = incidents
        .iter()
        .map(|i| (i.onset_at.and_then(|t| zone.year(t)).map(i64::from), i.duration_min, i.user_minutes))
        .collect();
    let years = year_figures(&figures)
        .into_iter()
        .map(|(year, incidents, total_minutes, median_minutes, user_hours)| YearRecord {
            year,
            incidents,
            total_minutes,
            median_minutes,
            user_hours,
        })
        .collect();
    let causes = cause_counts(incidents.iter().map(|i| i.cause.as_str()));
    let mut measures = Vec::new();
    for (reference, headline, list) in public_reads::measures_of_operator(db, &PublicReader, slug).await? {
        for m in list {
            let items: Vec<_> = m.items.iter().map(|(_, s)| *s).collect();
            let status = measure_status(m.due, &items, now);
            measures.push(RecordMeasure {
                reference: reference.clone(),
                headline: headline.clone(),
                measure: m,
                status,
            });
        }
    }
    // the most pressing first, the latest deadline first within each
    measures.sort_by(|a, b| a.status.urgency().cmp(&b.status.urgency()).then(b.measure.due.0.cmp(&a.measure.due.0)));
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let (measure_count, incident_count) = (count(measures.len()), count(incidents.len()));
    measures.truncate(RECORD_MEASURES);
    let mut incidents = incidents;
    incidents.truncate(RECORD_INCIDENTS);
    Ok(OperatorRecord {
        slug: slug.to_string(),
        org,
        incidents,
        years,
        causes,
        measures,
        measure_count,
        incident_count,
    })
}
