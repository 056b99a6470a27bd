//! Calendar days (UTC) without a date library: the statistics are bucketed by
//! day and windows are counted in days.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{ErrorCode, FieldError};

/// A calendar day, stored as days since 1970-01-01; shown as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day(i32);

impl Day {
    /// The day `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i32) -> Self {
        Self(days)
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i32 {
        self.0
    }

    /// The day of a Unix timestamp in seconds.
    pub fn from_unix_seconds(seconds: i64) -> Self {
        Self(seconds.div_euclid(86_400) as i32)
    }

    /// The day `n` days later (earlier when negative).
    pub fn plus(self, n: i32) -> Self {
        Self(self.0 + n)
    }

    /// Builds a day from a civil date, checking that it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Self(era * 146_097 + doe - 719_468))
    }

    /// The civil date (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        let invalid = || {
            FieldError::new(
                ErrorCode::InvalidValue,
                field,
                "must be a date such as 2026-11-22",
            )
        };
        let mut parts = raw.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(invalid());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(invalid());
        }
        let number = |s: &str| s.parse::<u32>().map_err(|_| invalid());
        Self::from_ymd(number(y)? as i32, number(m)?, number(d)?).ok_or_else(invalid)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl TryFrom<String> for Day {
    type Error = FieldError;
    fn try_from(raw: String) -> Result<Self, FieldError> {
        Self::parse("", &raw)
    }
}

impl From<Day> for String {
    fn from(day: Day) -> String {
        day.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        assert_eq!(Day::from_ymd(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Day::from_ymd(2000, 3, 1).unwrap().days_since_epoch(), 11_017);
        assert_eq!(Day::from_unix_seconds(1_795_305_600).to_string(), "2026-11-22");
        assert_eq!(Day::from_unix_seconds(-1).to_string(), "1969-12-31");
    }

    #[test]
    fn round_trips_every_day_for_centuries() {
        for n in -200_000..200_000 {
            let day = Day(n);
            let (y, m, d) = day.ymd();
            assert_eq!(Day::from_ymd(y, m, d), Some(day));
        }
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Day::parse("d", "2024-02-29").unwrap().to_string(), "2024-02-29");
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "yesterday",
            "2024-01-01x",
        ] {
            assert_eq!(Day::parse("d", bad).unwrap_err().field, "d", "{bad}");
        }
    }
}
