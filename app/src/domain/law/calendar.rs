//! When a version of a rule is in force. A law takes effect at 00:00 on its effective date in
//! its own country — a Korean decree at 00:00 KST, an EU regulation at 00:00 in Brussels —
//! not at 00:00 UTC: an outage at 05:00 KST on the effective date is nine hours before UTC
//! midnight yet already under the new rule. Every versioned rule of the desk (deadline rule
//! sets, thresholds, designations, the duty catalog, notice exemptions) is chosen here.

use jiff::tz::TimeZone;

use crate::domain::timestamp::Timestamp;

/// The Korean ministry's zone.
pub const SEOUL: &str = "Asia/Seoul";
/// Where EU acts take effect (the Official Journal's dates are read as Brussels dates).
pub const BRUSSELS: &str = "Europe/Brussels";
/// The FCC's zone (Washington, D.C.).
pub const WASHINGTON: &str = "America/New_York";
/// Ofcom's zone.
pub const LONDON: &str = "Europe/London";

/// 00:00 of `date` (`YYYY-MM-DD`) in the IANA zone `zone`, as an instant.
pub fn effective_instant(date: &str, zone: &str) -> Option<Timestamp> {
    let day: jiff::civil::Date = date.parse().ok()?;
    let tz = TimeZone::get(zone).ok()?;
    let zoned = day.to_zoned(tz).ok()?;
    Some(Timestamp(zoned.timestamp().as_second()))
}

/// Something with versions that take effect on a date in a zone.
pub trait Versioned {
    /// `YYYY-MM-DD`, in [`Versioned::zone`].
    fn effective_from(&self) -> &str;
    fn zone(&self) -> &str;
    /// The instant this version takes effect.
    fn in_force_from(&self) -> Option<Timestamp> {
        effective_instant(self.effective_from(), self.zone())
    }
}

/// The version among `versions` in force at `at`: the latest that had taken effect.
pub fn in_force<'a, T: Versioned + 'a>(versions: impl IntoIterator<Item = &'a T>, at: Timestamp) -> Option<&'a T> {
    versions
        .into_iter()
        .filter_map(|v| v.in_force_from().map(|from| (from, v)))
        .filter(|(from, _)| *from <= at)
        .max_by_key(|(from, _)| *from)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct V(&'static str, &'static str);
    impl Versioned for V {
        fn effective_from(&self) -> &str {
            self.0
        }
        fn zone(&self) -> &str {
            self.1
        }
    }

    #[test]
    fn a_korean_date_starts_at_midnight_kst() {
        // 2025-03-28 00:00 KST = 2025-03-27 15:00 UTC
        assert_eq!(effective_instant("2025-03-28", SEOUL), Some(Timestamp(1_743_087_600)));
    }

    #[test]
    fn an_eu_date_starts_at_midnight_in_brussels_in_either_season() {
        // winter (CET, UTC+1) and summer (CEST, UTC+2)
        assert_eq!(effective_instant("2025-01-17", BRUSSELS), Some(Timestamp(1_737_068_400)));
        assert_eq!(effective_instant("2024-10-18", BRUSSELS), Some(Timestamp(1_729_202_400)));
    }

    #[test]
    fn the_version_in_force_changes_at_midnight_in_its_zone_not_utc() {
        let versions = [V("2020-12-10", SEOUL), V("2025-03-28", SEOUL)];
        let midnight = effective_instant("2025-03-28", SEOUL).map_or(0, |t| t.0);
        assert_eq!(in_force(&versions, Timestamp(midnight - 1)).map(|v| v.0), Some("2020-12-10"));
        assert_eq!(in_force(&versions, Timestamp(midnight)).map(|v| v.0), Some("2025-03-28"));
        // 05:00 KST on the day: still 27 March in UTC, already the new rule
        assert_eq!(in_force(&versions, Timestamp(midnight + 5 * 3600)).map(|v| v.0), Some("2025-03-28"));
        assert_eq!(in_force(&versions, Timestamp(0)).map(|v| v.0), None, "nothing before the first version");
    }

    #[test]
    fn broken_dates_or_zones_are_never_in_force() {
        assert_eq!(effective_instant("2025-02-30", SEOUL), None);
        assert_eq!(effective_instant("2025-03-28", "Mars/Olympus"), None);
        let versions = [V("not a date", SEOUL)];
        assert!(in_force(&versions, Timestamp(i64::from(i32::MAX))).is_none());
    }
}
