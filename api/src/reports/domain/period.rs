//! Report periods: a month, a quarter, a year or custom dates, as Brussels calendar days.

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Brussels;

use crate::i18n::Msg;

/// The years a report may cover: those of every date the API accepts (`http::extract::YEARS`).
pub const YEARS: (i32, i32) = (1900, 2200);

/// A period of Brussels days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// What a request asked for, before checking.
#[derive(Debug, Clone, Copy, Default)]
pub struct Asked {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub year: Option<i32>,
    pub quarter: Option<u32>,
    pub month: Option<u32>,
}

impl Period {
    /// The period asked: `from`+`to`, or `year` (with `quarter` or `month`), or this year
    /// (`today`'s) when nothing is asked. Errors name the field at fault.
    pub fn resolve(a: Asked, today: NaiveDate) -> Result<Period, (&'static str, Msg)> {
        let custom = a.from.is_some() || a.to.is_some();
        let calendar = a.year.is_some() || a.quarter.is_some() || a.month.is_some();
        if custom && calendar {
            let field = if a.year.is_some() { "year" } else { "from" };
            return Err((field, Msg::InvalidValue));
        }
        if custom {
            let from = a.from.ok_or(("from", Msg::Required))?;
            let to = a.to.ok_or(("to", Msg::Required))?;
            if to < from {
                return Err(("to", Msg::EndBeforeStart));
            }
            for (field, d) in [("from", from), ("to", to)] {
                if !(YEARS.0..=YEARS.1).contains(&d.year()) {
                    return Err((field, Msg::YearOutOfRange(YEARS.0, YEARS.1)));
                }
            }
            return Ok(Period { from, to });
        }
        if a.quarter.is_some() && a.month.is_some() {
            return Err(("month", Msg::InvalidValue));
        }
        let year = match a.year {
            Some(y) => y,
            None if calendar => return Err(("year", Msg::Required)),
            None => today.year(),
        };
        if !(YEARS.0..=YEARS.1).contains(&year) {
            return Err(("year", Msg::YearOutOfRange(YEARS.0, YEARS.1)));
        }
        let (first, last) = match (a.quarter, a.month) {
            (Some(q), _) if (1..=4).contains(&q) => (3 * q - 2, 3 * q),
            (Some(_), _) => return Err(("quarter", Msg::Between(1, 4))),
            (_, Some(m)) if (1..=12).contains(&m) => (m, m),
            (_, Some(_)) => return Err(("month", Msg::Between(1, 12))),
            _ => (1, 12),
        };
        let from = NaiveDate::from_ymd_opt(year, first, 1).ok_or(("year", Msg::InvalidValue))?;
        let to = last_day(year, last).ok_or(("year", Msg::InvalidValue))?;
        Ok(Period { from, to })
    }

    /// The period as UTC instants: `[start, end)`, from Brussels midnight of `from` to Brussels
    /// midnight after `to` (DST changes happen at night, never at midnight in Brussels).
    pub fn utc(&self) -> (NaiveDateTime, NaiveDateTime) {
        (
            brussels_midnight(self.from),
            brussels_midnight(self.to.succ_opt().unwrap_or(self.to)),
        )
    }

    /// Whether a Brussels day is inside.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt())
}

/// The UTC instant of midnight in Brussels on `day`.
pub fn brussels_midnight(day: NaiveDate) -> NaiveDateTime {
    let local = day.and_time(chrono::NaiveTime::MIN);
    Brussels
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or(local)
}

/// The Brussels day of a UTC instant.
pub fn brussels_day(utc: NaiveDateTime) -> NaiveDate {
    utc.and_utc().with_timezone(&Brussels).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn asked(year: Option<i32>, quarter: Option<u32>, month: Option<u32>) -> Asked {
        Asked {
            year,
            quarter,
            month,
            ..Asked::default()
        }
    }

    #[test]
    fn calendar_periods() {
        let today = d(2026, 12, 7);
        let p = |a| Period::resolve(a, today).expect("period");
        assert_eq!(
            p(Asked::default()),
            Period {
                from: d(2026, 1, 1),
                to: d(2026, 12, 31)
            }
        );
        assert_eq!(
            p(asked(Some(2024), Some(1), None)),
            Period {
                from: d(2024, 1, 1),
                to: d(2024, 3, 31)
            }
        );
        assert_eq!(p(asked(Some(2024), None, Some(2))).to, d(2024, 2, 29));
        assert_eq!(p(asked(Some(2025), None, Some(12))).to, d(2025, 12, 31));
        assert_eq!(p(asked(Some(2025), Some(4), None)).from, d(2025, 10, 1));
    }

    #[test]
    fn wrong_periods_name_their_field() {
        let today = d(2026, 12, 7);
        let e = |a| Period::resolve(a, today).expect_err("refused").0;
        assert_eq!(e(asked(Some(2024), Some(5), None)), "quarter");
        assert_eq!(e(asked(Some(2024), None, Some(13))), "month");
        assert_eq!(e(asked(None, None, Some(3))), "year");
        assert_eq!(e(asked(Some(1899), None, None)), "year");
        assert_eq!(e(asked(Some(2024), Some(1), Some(1))), "month");
        let custom = Asked {
            from: Some(d(2026, 3, 1)),
            to: Some(d(2026, 2, 1)),
            ..Asked::default()
        };
        assert_eq!(e(custom), "to");
        let half = Asked {
            from: Some(d(2026, 3, 1)),
            ..Asked::default()
        };
        assert_eq!(e(half), "to");
        let mixed = Asked {
            from: Some(d(2026, 3, 1)),
            to: Some(d(2026, 4, 1)),
            year: Some(2026),
            ..Asked::default()
        };
        assert_eq!(e(mixed), "year");
    }

    #[test]
    fn brussels_days_in_utc() {
        // Winter: UTC+1; summer: UTC+2.
        let p = Period {
            from: d(2026, 1, 1),
            to: d(2026, 6, 30),
        };
        let (start, end) = p.utc();
        assert_eq!(start.to_string(), "2025-12-31 23:00:00");
        assert_eq!(end.to_string(), "2026-06-30 22:00:00");
        // 23:30 UTC on 31 March is already 1 April in Brussels.
        let late = d(2026, 3, 31).and_hms_opt(23, 30, 0).expect("time");
        assert_eq!(brussels_day(late), d(2026, 4, 1));
    }
}
