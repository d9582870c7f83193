//! The time zone a person reads and types times in. Instants are stored in UTC
//! ([`Timestamp`]); pages convert at the edge, with daylight-saving rules from the IANA
//! database bundled into the build (the same data in the server and in the browser).

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use super::timestamp::Timestamp;

/// Time zones offered to users: the ministry's, and those of the other regimes' regulators
/// that a multinational compliance team works to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UserZone {
    #[default]
    Seoul,
    Utc,
    NewYork,
    London,
    Brussels,
}

impl UserZone {
    pub const ALL: [UserZone; 5] =
        [UserZone::Seoul, UserZone::Utc, UserZone::NewYork, UserZone::London, UserZone::Brussels];

    /// The IANA name, also the value of the `tz` cookie.
    pub fn iana(self) -> &'static str {
        match self {
            UserZone::Seoul => "Asia/Seoul",
            UserZone::Utc => "UTC",
            UserZone::NewYork => "America/New_York",
            UserZone::London => "Europe/London",
            UserZone::Brussels => "Europe/Brussels",
        }
    }

    pub fn parse(iana: &str) -> Option<UserZone> {
        UserZone::ALL.into_iter().find(|z| z.iana() == iana)
    }

    /// Display name (Korean, English).
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            UserZone::Seoul => ("한국 표준시 (서울)", "Korea Standard Time (Seoul)"),
            UserZone::Utc => ("협정 세계시 (UTC)", "Coordinated Universal Time (UTC)"),
            UserZone::NewYork => ("미국 동부 (뉴욕)", "US Eastern (New York)"),
            UserZone::London => ("영국 (런던)", "United Kingdom (London)"),
            UserZone::Brussels => ("중부 유럽 (브뤼셀)", "Central Europe (Brussels)"),
        }
    }

    pub(crate) fn tz(self) -> TimeZone {
        TimeZone::get(self.iana()).unwrap_or(TimeZone::UTC)
    }

    /// Reads a `datetime-local` value as wall-clock time in this zone. A time that does
    /// not exist (skipped by a daylight-saving change) is read as the moment after the gap,
    /// and an ambiguous one (repeated) as the earlier of the two, as calendar apps do.
    pub fn parse_local(self, input: &str) -> Option<Timestamp> {
        let dt: DateTime = input.trim().parse().ok()?;
        let zoned = dt.to_zoned(self.tz()).ok()?;
        Some(Timestamp(zoned.timestamp().as_second()))
    }

    /// The value for a `datetime-local` input (minute precision).
    pub fn to_input(self, t: Timestamp) -> String {
        jiff::Timestamp::from_second(t.0)
            .map(|ts| ts.to_zoned(self.tz()).strftime("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default()
    }

    /// The calendar year of an instant in this zone.
    pub fn year(self, t: Timestamp) -> Option<i32> {
        jiff::Timestamp::from_second(t.0).ok().map(|ts| i32::from(ts.to_zoned(self.tz()).year()))
    }

    /// The zone a regime's regulator counts its deadlines in: the Korean ministry's for the
    /// Korean acts (and anything unknown), Brussels for the EU acts, Washington's for the FCC,
    /// London for Ofcom.
    pub fn of_regulator(regime: &str) -> UserZone {
        match regime {
            r if r.starts_with("EU_") => UserZone::Brussels,
            "US_FCC" => UserZone::NewYork,
            "UK_OFCOM" => UserZone::London,
            _ => UserZone::Seoul,
        }
    }

    /// An official time: in this zone (the regulator's), with the reader's zone beside it
    /// when that is another: `2026-12-03 01:00 KST (2026-12-02 17:00 CET)`.
    pub fn official(self, t: Timestamp, reader: UserZone) -> String {
        let official = self.display(t);
        let local = reader.display(t);
        if reader == self || local == official {
            official
        } else {
            format!("{official} ({local})")
        }
    }

    /// `2026-11-22 09:30 KST`, with the zone's abbreviation at that instant (EST or EDT…).
    pub fn display(self, t: Timestamp) -> String {
        jiff::Timestamp::from_second(t.0)
            .map(|ts| ts.to_zoned(self.tz()).strftime("%Y-%m-%d %H:%M %Z").to_string())
            .unwrap_or_default()
    }
}

#[cfg(test)]
#[path = "zone_test.rs"]
mod tests;
