//! Instants are stored in UTC and shown in Korean Standard Time (and UTC on official
//! documents). Form inputs (`<input type="datetime-local">`) are read as KST wall-clock time.

use serde::{Deserialize, Serialize};
use time::{macros::format_description, macros::offset, OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// Korea has used UTC+9 without daylight saving since 1988.
pub const KST: UtcOffset = offset!(+9);

/// A moment in time, as whole seconds since the Unix epoch (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    fn to_offset(self, offset: UtcOffset) -> Option<OffsetDateTime> {
        OffsetDateTime::from_unix_timestamp(self.0).ok().map(|t| t.to_offset(offset))
    }

    /// Parses the value of a `datetime-local` input as KST wall-clock time.
    /// Accepts minutes (`2026-11-22T09:30`) and seconds (`2026-11-22T09:30:15`).
    pub fn parse_kst_local(input: &str) -> Option<Timestamp> {
        let input = input.trim();
        let minutes = format_description!("[year]-[month]-[day]T[hour]:[minute]");
        let seconds = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
        let local =
            PrimitiveDateTime::parse(input, minutes).or_else(|_| PrimitiveDateTime::parse(input, seconds)).ok()?;
        Some(Timestamp(local.assume_offset(KST).unix_timestamp()))
    }

    /// The value to put back into a `datetime-local` input (KST, minute precision).
    pub fn to_kst_local_input(self) -> String {
        let fmt = format_description!("[year]-[month]-[day]T[hour]:[minute]");
        self.to_offset(KST).and_then(|t| t.format(fmt).ok()).unwrap_or_default()
    }

    /// `2026-11-22 09:30 KST`
    pub fn display_kst(self) -> String {
        let fmt = format_description!("[year]-[month]-[day] [hour]:[minute] KST");
        self.to_offset(KST).and_then(|t| t.format(fmt).ok()).unwrap_or_default()
    }

    /// `2026-11-22 00:30:00 UTC`
    pub fn display_utc(self) -> String {
        let fmt = format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC");
        self.to_offset(UtcOffset::UTC).and_then(|t| t.format(fmt).ok()).unwrap_or_default()
    }

    /// The calendar year in KST, used in reference numbers.
    pub fn kst_year(self) -> i32 {
        self.to_offset(KST).map(|t| t.year()).unwrap_or(1970)
    }

    /// Reads the stored form of an instant, `2022-10-15T06:19:00Z`.
    pub fn parse_utc(s: &str) -> Option<Timestamp> {
        s.parse::<jiff::Timestamp>().ok().map(|t| Timestamp(t.as_second()))
    }

    /// The stored form of an instant: RFC 3339 in UTC, whole seconds.
    pub fn to_utc_string(self) -> String {
        jiff::Timestamp::from_second(self.0).map(|t| t.to_string()).unwrap_or_default()
    }

    /// Whole minutes from `self` to `later` (negative if `later` is earlier).
    pub fn minutes_until(self, later: Timestamp) -> i64 {
        (later.0 - self.0).div_euclid(60)
    }
}

#[cfg(test)]
#[path = "timestamp_test.rs"]
mod tests;
