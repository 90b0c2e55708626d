//! Dates known to a precision: a day, a week, a month or a year.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How precisely a date is known (ACLED `time_precision` 1/2/3, plus year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }

    /// ACLED's `time_precision` code (1 day, 2 week, 3 month or coarser).
    pub fn acled_code(self) -> u8 {
        match self {
            Precision::Day => 1,
            Precision::Week => 2,
            Precision::Month | Precision::Year => 3,
        }
    }

    pub fn parse(s: &str) -> Option<Precision> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" => Some(Precision::Day),
            "week" => Some(Precision::Week),
            "month" => Some(Precision::Month),
            "year" => Some(Precision::Year),
            _ => None,
        }
    }

    /// The coarser of two precisions.
    pub fn coarser(self, other: Precision) -> Precision {
        self.max(other)
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A date with the precision it is known to. With `Month` precision the day
/// is meaningless (conventionally the 1st, or the day the resolver picked);
/// with `Year`, month and day are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FuzzyDate {
    pub date: NaiveDate,
    pub precision: Precision,
}

impl FuzzyDate {
    pub fn new(date: NaiveDate, precision: Precision) -> Self {
        FuzzyDate { date, precision }
    }

    pub fn day(date: NaiveDate) -> Self {
        FuzzyDate::new(date, Precision::Day)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (and the same with `/`),
    /// giving year, month or day precision.
    pub fn parse(s: &str) -> Option<FuzzyDate> {
        let s = s.trim();
        let parts: Vec<&str> = s.split(['-', '/']).collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        };
        match parts.as_slice() {
            [y] => {
                let y = num(y, 4)?;
                NaiveDate::from_ymd_opt(y as i32, 1, 1).map(|d| FuzzyDate::new(d, Precision::Year))
            }
            [y, m] => {
                let (y, m) = (num(y, 4)?, num(m, 2)?);
                NaiveDate::from_ymd_opt(y as i32, m, 1).map(|d| FuzzyDate::new(d, Precision::Month))
            }
            [y, m, d] => {
                // Accept an ISO timestamp's date part ("2017-08-07T10:00:00Z").
                let d = d.split(['T', ' ']).next().unwrap_or(d);
                let (y, m, d) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
                NaiveDate::from_ymd_opt(y as i32, m, d).map(FuzzyDate::day)
            }
            _ => None,
        }
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` according to the precision (weeks
    /// print as their day).
    pub fn to_compact_string(&self) -> String {
        match self.precision {
            Precision::Day | Precision::Week => self.date.format("%Y-%m-%d").to_string(),
            Precision::Month => self.date.format("%Y-%m").to_string(),
            Precision::Year => self.date.format("%Y").to_string(),
        }
    }

    /// Whether two dates agree within the coarser of their precisions, as
    /// the scorer of `events.md` defines it: day ±2 days, week ±7 days,
    /// month the same calendar month, year the same year.
    pub fn compatible(&self, other: &FuzzyDate) -> bool {
        dates_compatible(
            self.date,
            other.date,
            self.precision.coarser(other.precision),
        )
    }

    /// First and last day this date may stand for.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        let d = self.date;
        match self.precision {
            Precision::Day => (d, d),
            Precision::Week => (d - chrono::Days::new(3), d + chrono::Days::new(3)),
            Precision::Month => {
                let first = d.with_day(1).unwrap_or(d);
                (first, last_day_of_month(first))
            }
            Precision::Year => {
                let first = NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d);
                let last = NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d);
                (first, last)
            }
        }
    }
}

/// The date-matching rule of the scorer, for a given precision.
pub fn dates_compatible(a: NaiveDate, b: NaiveDate, precision: Precision) -> bool {
    let days = (a - b).num_days().abs();
    match precision {
        Precision::Day => days <= 2,
        Precision::Week => days <= 7,
        Precision::Month => a.year() == b.year() && a.month() == b.month(),
        Precision::Year => a.year() == b.year(),
    }
}

/// The last day of `d`'s month.
pub fn last_day_of_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_compact_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parse_precisions() {
        assert_eq!(
            FuzzyDate::parse("2017-08"),
            Some(FuzzyDate::new(d(2017, 8, 1), Precision::Month))
        );
        assert_eq!(
            FuzzyDate::parse("2017-08-07"),
            Some(FuzzyDate::day(d(2017, 8, 7)))
        );
        assert_eq!(
            FuzzyDate::parse("2017-08-07T12:14:00+02:00"),
            Some(FuzzyDate::day(d(2017, 8, 7)))
        );
        assert_eq!(
            FuzzyDate::parse("2017").map(|f| f.precision),
            Some(Precision::Year)
        );
        assert_eq!(FuzzyDate::parse("2017-13"), None);
        assert_eq!(FuzzyDate::parse("2017-02-30"), None);
        assert_eq!(FuzzyDate::parse("17-08-07"), None);
        assert_eq!(FuzzyDate::parse(""), None);
    }

    #[test]
    fn compatibility_follows_the_coarser_precision() {
        let day = FuzzyDate::day(d(2017, 8, 6));
        assert!(day.compatible(&FuzzyDate::day(d(2017, 8, 8))));
        assert!(!day.compatible(&FuzzyDate::day(d(2017, 8, 9))));
        let week = FuzzyDate::new(d(2017, 8, 13), Precision::Week);
        assert!(day.compatible(&week));
        assert!(!day.compatible(&FuzzyDate::new(d(2017, 8, 14), Precision::Week)));
        let month = FuzzyDate::new(d(2017, 8, 1), Precision::Month);
        assert!(month.compatible(&FuzzyDate::day(d(2017, 8, 31))));
        assert!(!month.compatible(&FuzzyDate::day(d(2017, 9, 1))));
        let year = FuzzyDate::new(d(2017, 1, 1), Precision::Year);
        assert!(year.compatible(&FuzzyDate::day(d(2017, 12, 31))));
        assert!(!year.compatible(&FuzzyDate::day(d(2018, 1, 1))));
    }

    #[test]
    fn compact_strings() {
        assert_eq!(FuzzyDate::parse("2017-08").unwrap().to_string(), "2017-08");
        assert_eq!(
            FuzzyDate::parse("2017-08-09").unwrap().to_string(),
            "2017-08-09"
        );
        assert_eq!(last_day_of_month(d(2016, 2, 10)), d(2016, 2, 29));
        assert_eq!(last_day_of_month(d(2017, 12, 10)), d(2017, 12, 31));
    }
}
