//! Dates as sources state them: a year, a month of a year, or a day (`"2025"`, `"2025-10"`,
//! `"2025-12-16"`).
//!
//! Articles say "in September this year" or "earlier this year"; a [`FuzzyDate`] keeps exactly the
//! precision that was stated, so a chart can draw a month as a month instead of inventing a day.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// How precise a [`FuzzyDate`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    /// Only the year is known.
    Year,
    /// Year and month are known.
    Month,
    /// The exact day is known.
    Day,
}

/// A calendar date with year, month or day precision. Always valid: month 1–12, a day that exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FuzzyDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date string was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {0:?}")]
    Shape(String),
    /// The month is outside 1–12.
    #[error("month {0} is not between 1 and 12")]
    Month(u32),
    /// The day does not exist in that month.
    #[error("day {day} does not exist in {year}-{month:02}")]
    Day {
        /// Year of the rejected date.
        year: i32,
        /// Month of the rejected date.
        month: u32,
        /// The day that does not exist.
        day: u32,
    },
    /// The year is outside 1000–9999.
    #[error("year {0} is outside 1000–9999")]
    Year(i32),
}

impl FuzzyDate {
    /// A year-precision date.
    pub fn year(year: i32) -> Result<Self, DateError> {
        if !(1000..=9999).contains(&year) {
            return Err(DateError::Year(year));
        }
        Ok(Self {
            year,
            month: None,
            day: None,
        })
    }

    /// A month-precision date.
    pub fn month(year: i32, month: u32) -> Result<Self, DateError> {
        let mut d = Self::year(year)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(month));
        }
        d.month = Some(month as u8);
        Ok(d)
    }

    /// A day-precision date.
    pub fn day(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        let mut d = Self::month(year, month)?;
        if NaiveDate::from_ymd_opt(year, month, day).is_none() {
            return Err(DateError::Day { year, month, day });
        }
        d.day = Some(day as u8);
        Ok(d)
    }

    /// A day-precision date from a chrono date.
    pub fn from_naive(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: Some(date.month() as u8),
            day: Some(date.day() as u8),
        }
    }

    /// The year.
    pub fn year_value(&self) -> i32 {
        self.year
    }

    /// The month (1–12), if known.
    pub fn month_value(&self) -> Option<u32> {
        self.month.map(u32::from)
    }

    /// The day of the month, if known.
    pub fn day_value(&self) -> Option<u32> {
        self.day.map(u32::from)
    }

    /// The precision that was stated.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The first day this date may mean.
    pub fn first_day(&self) -> NaiveDate {
        let m = self.month_value().unwrap_or(1);
        let d = self.day_value().unwrap_or(1);
        NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or(NaiveDate::MIN)
    }

    /// The last day this date may mean (the 31st of December for a year, the month's last day).
    pub fn last_day(&self) -> NaiveDate {
        match (self.month_value(), self.day_value()) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(m), None) => {
                let (ny, nm) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// Whether two dates can mean the same day (their spans overlap).
    pub fn overlaps(&self, other: &FuzzyDate) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }
}

/// English month abbreviations, January first: chart ticks and every reader of month names use
/// this one table.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A regex alternation of English month names and their abbreviations, full names first so a
/// match takes the whole word (`September`, `Sept`, `Sep`). Case is the caller's choice: the
/// extractor matches it as written (so "may" and "march" stay verbs), date lines with `(?i)`.
pub const MONTH_NAMES_PATTERN: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/// The month number of an English month name or abbreviation in any case: `Sept` → 9,
/// `DECEMBER` → 12; `None` for anything else.
pub fn month_from_name(name: &str) -> Option<u32> {
    let head = name.get(..3)?;
    MONTH_ABBREVIATIONS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(head))
        .map(|i| i as u32 + 1)
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for FuzzyDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let shape = || DateError::Shape(s.to_owned());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, DateError> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(shape());
            }
            p.parse().map_err(|_| shape())
        };
        match parts.as_slice() {
            [y] => Self::year(num(y, 4)? as i32),
            [y, m] => Self::month(num(y, 4)? as i32, num(m, 2)?),
            [y, m, d] => Self::day(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?),
            _ => Err(shape()),
        }
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_each_precision() {
        for s in ["2025", "2025-10", "2025-12-16"] {
            let d: FuzzyDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert_eq!(
            "2025-10".parse::<FuzzyDate>().unwrap().precision(),
            DatePrecision::Month
        );
    }

    #[test]
    fn rejects_invalid_dates() {
        assert_eq!("2025-13".parse::<FuzzyDate>(), Err(DateError::Month(13)));
        assert!(matches!(
            "2025-02-30".parse::<FuzzyDate>(),
            Err(DateError::Day { .. })
        ));
        assert!(matches!(
            "25-01".parse::<FuzzyDate>(),
            Err(DateError::Shape(_))
        ));
        assert!(matches!(
            "2025/01/01".parse::<FuzzyDate>(),
            Err(DateError::Shape(_))
        ));
    }

    #[test]
    fn spans_cover_the_stated_period() {
        let m: FuzzyDate = "2024-02".parse().unwrap();
        assert_eq!(m.first_day(), NaiveDate::from_ymd_opt(2024, 2, 1).unwrap());
        assert_eq!(m.last_day(), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        let y: FuzzyDate = "2025".parse().unwrap();
        let d: FuzzyDate = "2025-12-16".parse().unwrap();
        assert!(y.overlaps(&d));
        assert!(!m.overlaps(&d));
    }

    #[test]
    fn orders_chronologically_with_coarser_first() {
        let a: FuzzyDate = "2025".parse().unwrap();
        let b: FuzzyDate = "2025-01".parse().unwrap();
        let c: FuzzyDate = "2025-01-02".parse().unwrap();
        assert!(a < b && b < c);
    }
}
