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

    /// Whole minutes from `self` to `later` (negative if `later` is earlier).
    pub fn minutes_until(self, later: Timestamp) -> i64 {
        (later.0 - self.0).div_euclid(60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kst_input_is_nine_hours_ahead_of_utc() {
        let t = Timestamp::parse_kst_local("2022-10-15T15:19").expect("valid");
        assert_eq!(t.display_utc(), "2022-10-15 06:19:00 UTC");
        assert_eq!(t.display_kst(), "2022-10-15 15:19 KST");
        assert_eq!(t.to_kst_local_input(), "2022-10-15T15:19");
    }

    #[test]
    fn kst_morning_is_the_previous_utc_day_across_month_and_year_ends() {
        let t = Timestamp::parse_kst_local("2027-01-01T08:59").expect("valid");
        assert_eq!(t.display_utc(), "2026-12-31 23:59:00 UTC");
        assert_eq!(t.kst_year(), 2027);
        let leap = Timestamp::parse_kst_local("2028-03-01T00:30").expect("valid");
        assert_eq!(leap.display_utc(), "2028-02-29 15:30:00 UTC");
    }

    #[test]
    fn bad_inputs_are_rejected() {
        for s in ["", "2022-13-01T00:00", "2022-02-30T10:00", "yesterday", "2022-10-15 15:19", "2022-10-15T25:00"] {
            assert_eq!(Timestamp::parse_kst_local(s), None, "{s}");
        }
        assert!(Timestamp::parse_kst_local("2022-10-15T15:19:30").is_some());
    }

    #[test]
    fn minutes_between_pangyo_fire_and_kakao_recovery() {
        // 15 Oct 2022 15:19 KST to 20 Oct 2022 22:52 KST, the 127 h 33 min the ministry reported.
        let fire = Timestamp::parse_kst_local("2022-10-15T15:19").expect("valid");
        let restored = Timestamp::parse_kst_local("2022-10-20T22:52").expect("valid");
        assert_eq!(fire.minutes_until(restored), 127 * 60 + 33);
        assert_eq!(restored.minutes_until(fire), -(127 * 60 + 33));
    }
}
