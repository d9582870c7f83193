//! Calendar dates (`YYYY-MM-DD`), e.g. due dates of recurrence-prevention items.

use jiff::civil::Date;

/// Parses an ISO calendar date; `2023-02-29` and other impossible days are rejected.
pub fn parse_date(s: &str) -> Option<Date> {
    s.trim().parse::<Date>().ok()
}
