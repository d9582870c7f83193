//! Identifier newtypes, so an organisation id can never be passed where a user id is expected.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A reporting organisation (a platform operator).
    OrgId
);
id_type!(
    /// A person with an account.
    UserId
);
id_type!(
    /// One outage, which collects every filing made about it.
    IncidentId
);
id_type!(
    /// One immutable filed version of a report.
    FilingId
);

/// Public reference of an incident, e.g. `OD-2026-000042`. Stable: used in public URLs.
pub fn incident_reference(year: i32, id: IncidentId) -> String {
    format!("OD-{year}-{:06}", id.0)
}

/// Reference of one filing of an incident: the incident reference and the filing's
/// sequence number, e.g. `OD-2026-000042-01` for the initial notification.
pub fn filing_reference(incident_reference: &str, version: u32) -> String {
    format!("{incident_reference}-{version:02}")
}

/// Whether a string has the shape of an incident or filing reference. Used to reject
/// junk path segments before they reach storage.
pub fn is_reference(s: &str) -> bool {
    let mut parts = s.split('-');
    let ok = matches!(parts.next(), Some("OD"))
        && parts.next().is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        && parts.next().is_some_and(|n| n.len() == 6 && n.bytes().all(|b| b.is_ascii_digit()));
    let tail = parts.next();
    ok && parts.next().is_none() && tail.is_none_or(|v| v.len() == 2 && v.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_zero_padded_and_recognised() {
        let inc = incident_reference(2026, IncidentId(42));
        assert_eq!(inc, "OD-2026-000042");
        let filing = filing_reference(&inc, 1);
        assert_eq!(filing, "OD-2026-000042-01");
        assert!(is_reference(&inc));
        assert!(is_reference(&filing));
    }

    #[test]
    fn junk_is_not_a_reference() {
        for s in [
            "",
            "OD",
            "OD-2026",
            "OD-26-000001",
            "XX-2026-000001",
            "OD-2026-000001-1",
            "OD-2026-00000a",
            "OD-2026-000001-01-01",
            "../etc/passwd",
        ] {
            assert!(!is_reference(s), "{s}");
        }
    }
}
