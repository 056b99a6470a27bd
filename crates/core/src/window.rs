//! Reporting windows: the last 7, 30 or 90 days, or everything.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Day, ErrorCode, FieldError};

/// A reporting window ending today (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Window {
    /// The last 7 days.
    #[serde(rename = "7d")]
    Days7,
    /// The last 30 days.
    #[serde(rename = "30d")]
    #[default]
    Days30,
    /// The last 90 days.
    #[serde(rename = "90d")]
    Days90,
    /// Every day with data.
    #[serde(rename = "all")]
    All,
}

impl Window {
    /// Its length in days, `None` for `All`.
    pub fn days(self) -> Option<i32> {
        match self {
            Self::Days7 => Some(7),
            Self::Days30 => Some(30),
            Self::Days90 => Some(90),
            Self::All => None,
        }
    }

    /// The first day inside the window ending on `today`.
    pub fn first_day(self, today: Day) -> Option<Day> {
        self.days().map(|n| today.plus(1 - n))
    }

    /// The window of the same length just before this one, as (first, last)
    /// days; `None` for `All`.
    pub fn previous(self, today: Day) -> Option<(Day, Day)> {
        let n = self.days()?;
        Some((today.plus(1 - 2 * n), today.plus(-n)))
    }
}

impl FromStr for Window {
    type Err = FieldError;
    fn from_str(raw: &str) -> Result<Self, FieldError> {
        match raw {
            "7d" => Ok(Self::Days7),
            "30d" => Ok(Self::Days30),
            "90d" => Ok(Self::Days90),
            "all" => Ok(Self::All),
            _ => Err(FieldError::new(
                ErrorCode::InvalidValue,
                "window",
                "must be 7d, 30d, 90d or all",
            )),
        }
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Days7 => "7d",
            Self::Days30 => "30d",
            Self::Days90 => "90d",
            Self::All => "all",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_end_today_and_previous_ones_abut() {
        let today = Day::from_ymd(2026, 11, 22).unwrap();
        assert_eq!(Window::Days7.first_day(today).unwrap().to_string(), "2026-11-16");
        let (first, last) = Window::Days7.previous(today).unwrap();
        assert_eq!(
            (first.to_string(), last.to_string()),
            ("2026-11-09".into(), "2026-11-15".into())
        );
        assert_eq!(Window::All.first_day(today), None);
        assert_eq!("90d".parse::<Window>().unwrap(), Window::Days90);
        assert_eq!("1y".parse::<Window>().unwrap_err().field, "window");
    }
}
