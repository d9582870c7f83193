//! The JSON the measure-notice template (`report-templates/decision.typ`) reads.

use app::api::MeasureView;
use app::domain::numbers::grouped;
use serde_json::json;

use crate::storage::incidents::IncidentRecord;

/// The JSON the decision template reads, for the notice of measure `m` of `incident`.
pub fn decision_data(incident: &IncidentRecord, m: &MeasureView) -> serde_json::Value {
    let (kind_ko, kind_en) = m.kind.label();
    // The notice is frozen as issued: the items' progress and the acknowledgement are
    // recorded on the case, not printed here.
    let items: Vec<serde_json::Value> = m.items.iter().map(|i| json!({ "number": i.number, "text": i.text })).collect();
    json!({
        "reference": format!("{}-M{}", incident.reference, m.number),
        "incident_reference": incident.reference,
        "title": incident.title,
        "org_ko": incident.org.ko,
        "org_en": incident.org.en,
        "kind_ko": kind_ko,
        "kind_en": kind_en,
        "legal_basis": m.legal_basis,
        "content": m.content,
        "due_kst": m.due.display_kst(),
        "due_utc": m.due.display_utc(),
        "amount": m.amount_krw.map(|a| format!("{} 원 (KRW)", grouped(a.unsigned_abs()))).unwrap_or_default(),
        "issued_by": m.issued.by,
        "issued_kst": m.issued.at.display_kst(),
        "items": items,
    })
}
