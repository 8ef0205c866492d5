//! Calendar dates, and relative expressions resolved against them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind};

/// A calendar date, written `YYYY-MM-DD`.
///
/// ```
/// use gainsay::Date;
///
/// let date: Date = "2025-11-08".parse().unwrap();
/// assert_eq!((date.year(), date.month(), date.day()), (2025, 11, 8));
/// assert_eq!(date.to_string(), "2025-11-08");
/// assert!("2025-02-30".parse::<Date>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i16,
    month: i8,
    day: i8,
}

impl Date {
    /// A date from its parts; an error when it is not on the calendar.
    ///
    /// ```
    /// use gainsay::Date;
    ///
    /// let date = Date::new(2024, 2, 29).unwrap();
    /// assert_eq!(date.to_string(), "2024-02-29");
    /// assert!(Date::new(2025, 2, 29).is_err());
    /// ```
    pub fn new(year: i16, month: i8, day: i8) -> Result<Date, Error> {
        jiff::civil::Date::new(year, month, day)
            .map(Date::from_civil)
            .map_err(|_| {
                Error::new(ErrorKind::Date {
                    text: format!("{year:04}-{month:02}-{day:02}"),
                })
            })
    }

    /// The year.
    ///
    /// ```
    /// let date: gainsay::Date = "2025-11-08".parse().unwrap();
    /// assert_eq!(date.year(), 2025);
    /// ```
    pub fn year(&self) -> i16 {
        self.year
    }

    /// The month, 1 to 12.
    ///
    /// ```
    /// let date: gainsay::Date = "2025-11-08".parse().unwrap();
    /// assert_eq!(date.month(), 11);
    /// ```
    pub fn month(&self) -> i8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    ///
    /// ```
    /// let date: gainsay::Date = "2025-11-08".parse().unwrap();
    /// assert_eq!(date.day(), 8);
    /// ```
    pub fn day(&self) -> i8 {
        self.day
    }

    fn from_civil(d: jiff::civil::Date) -> Date {
        Date {
            year: d.year(),
            month: d.month(),
            day: d.day(),
        }
    }

    fn civil(self) -> jiff::civil::Date {
        // Every `Date` was checked on construction.
        jiff::civil::Date::new(self.year, self.month, self.day).unwrap_or_default()
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub(crate) fn days_to(self, other: Date) -> i64 {
        let a = self.civil();
        let b = other.civil();
        a.until(b)
            .map(|span| i64::from(span.get_days()))
            .unwrap_or(0)
    }

    /// The date `days` days earlier; `self` when that leaves the calendar.
    pub(crate) fn minus_days(self, days: i64) -> Date {
        self.civil()
            .checked_sub(jiff::Span::new().days(days))
            .map(Date::from_civil)
            .unwrap_or(self)
    }

    /// Monday is 0, Sunday is 6.
    pub(crate) fn weekday_index(self) -> i64 {
        i64::from(self.civil().weekday().to_monday_zero_offset())
    }

    /// The latest date on or before `self` that falls on weekday `index`
    /// (Monday 0); "on Friday" in an article dated Saturday is the day before.
    pub(crate) fn last_weekday(self, index: i64) -> Date {
        let back = (self.weekday_index() - index).rem_euclid(7);
        self.minus_days(back)
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parses `YYYY-MM-DD`, also at the head of an RFC 3339 timestamp.
    fn from_str(s: &str) -> Result<Date, Error> {
        let bad = || {
            Error::new(ErrorKind::Date {
                text: s.to_string(),
            })
        };
        let s = s.trim();
        let head = s.get(..10).ok_or_else(bad)?;
        let rest = &s[10..];
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return Err(bad());
        }
        let b = head.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
            return Err(bad());
        }
        let year = head[0..4].parse().map_err(|_| bad())?;
        let month = head[5..7].parse().map_err(|_| bad())?;
        let day = head[8..10].parse().map_err(|_| bad())?;
        Date::new(year, month, day).map_err(|_| bad())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(d("2024-02-29").day(), 29);
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2023-2-9".parse::<Date>().is_err());
        assert!("yesterday".parse::<Date>().is_err());
        assert!("２０２３-01-01".parse::<Date>().is_err());
        assert_eq!(d("2025-11-08T09:00:00Z"), d("2025-11-08"));
    }

    #[test]
    fn weekday_arithmetic() {
        // 2025-11-08 was a Saturday.
        let sat = d("2025-11-08");
        assert_eq!(sat.weekday_index(), 5);
        assert_eq!(sat.last_weekday(4), d("2025-11-07"));
        assert_eq!(sat.last_weekday(5), sat);
        assert_eq!(sat.last_weekday(6), d("2025-11-02"));
        assert_eq!(sat.minus_days(8), d("2025-10-31"));
        assert_eq!(d("2025-10-31").days_to(sat), 8);
        assert_eq!(sat.days_to(d("2025-10-31")), -8);
    }
}
