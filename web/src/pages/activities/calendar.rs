//! The agenda's state in the address (view, period, filters, page) and its calendar arithmetic:
//! weeks start on Monday, month grids cover whole weeks, keys move between days. Everything
//! here is plain dates in Brussels local time, so it is tested natively.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, FixedOffset, Months, NaiveDate, NaiveDateTime};
use shared::activities::{
    Activity, ActivityFilter, ActivityKind, ActivityProgramme, ActivityStatus,
};
use uuid::Uuid;

use crate::api::encode_component;

/// How the agenda shows activities.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    List,
    Week,
    Month,
}

impl View {
    pub const ALL: [View; 3] = [View::List, View::Week, View::Month];

    pub fn as_str(self) -> &'static str {
        match self {
            View::List => "list",
            View::Week => "week",
            View::Month => "month",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Which activities the list view shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Period {
    /// From today on.
    #[default]
    Upcoming,
    /// The last [`PAST_DAYS`] days.
    Past,
    /// Everything.
    All,
}

/// How far back the "past" period goes.
pub const PAST_DAYS: i64 = 90;

impl Period {
    pub const ALL: [Period; 3] = [Period::Upcoming, Period::Past, Period::All];

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Upcoming => "upcoming",
            Period::Past => "past",
            Period::All => "all",
        }
    }

    pub fn parse(s: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// The agenda as the address describes it (`/activities?view=week&date=2026-03-02&...`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaQuery {
    pub view: View,
    /// A day of the week or month shown (default: today).
    pub date: Option<NaiveDate>,
    pub programme: Option<ActivityProgramme>,
    pub kind: Option<ActivityKind>,
    pub status: Option<ActivityStatus>,
    pub period: Period,
    /// The sessions of one series (list view).
    pub series: Option<Uuid>,
    /// List view page (1 is absent).
    pub page: Option<u32>,
}

/// Activities per page of the list view.
pub const LIST_PAGE_SIZE: u32 = 20;
/// The week and month views load at most this many activities (the API's largest page).
pub const CALENDAR_LIMIT: u32 = 200;

impl AgendaQuery {
    /// Reads the address's parameters; unknown values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> AgendaQuery {
        let text = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        AgendaQuery {
            view: text("view")
                .and_then(|v| View::parse(&v))
                .unwrap_or_default(),
            date: text("date").and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok()),
            programme: text("programme").and_then(|v| v.parse().ok()),
            kind: text("kind").and_then(|v| v.parse().ok()),
            status: text("status").and_then(|v| v.parse().ok()),
            period: text("period")
                .and_then(|v| Period::parse(&v))
                .unwrap_or_default(),
            series: text("series").and_then(|v| Uuid::parse_str(&v).ok()),
            page: text("page").and_then(|v| v.parse().ok()).filter(|p| *p > 1),
        }
    }

    /// The query string (with its `?`, or empty): the inverse of [`AgendaQuery::from_query`].
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.view != View::List {
            parts.push(format!("view={}", self.view.as_str()));
        }
        if let Some(d) = self.date {
            parts.push(format!("date={}", d.format("%Y-%m-%d")));
        }
        if let Some(p) = self.programme {
            parts.push(format!("programme={}", p.as_str()));
        }
        if let Some(k) = self.kind {
            parts.push(format!("kind={}", k.as_str()));
        }
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.as_str()));
        }
        if self.period != Period::Upcoming {
            parts.push(format!("period={}", self.period.as_str()));
        }
        if let Some(s) = self.series {
            parts.push(format!("series={}", encode_component(&s.to_string())));
        }
        if let Some(p) = self.page.filter(|p| *p > 1) {
            parts.push(format!("page={p}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Whether any filter narrows the agenda (the view and its date are not filters).
    pub fn has_filters(&self) -> bool {
        self.programme.is_some()
            || self.kind.is_some()
            || self.status.is_some()
            || self.period != Period::Upcoming
            || self.series.is_some()
    }

    /// The API filter for this agenda on `today` (Brussels).
    pub fn api_filter(&self, today: NaiveDate) -> ActivityFilter {
        let day = |d: NaiveDate| Some(d.format("%Y-%m-%d").to_string());
        let (start, end, page, page_size) = match self.view {
            View::List => {
                let (start, end) = match (self.series, self.period) {
                    // A series is shown whole.
                    (Some(_), _) | (None, Period::All) => (None, None),
                    (None, Period::Upcoming) => (day(today), None),
                    (None, Period::Past) => (day(today - Duration::days(PAST_DAYS)), day(today)),
                };
                (start, end, self.page, Some(LIST_PAGE_SIZE))
            }
            View::Week | View::Month => {
                let (from, to) = range(self.view, self.date.unwrap_or(today));
                (day(from), day(to), None, Some(CALENDAR_LIMIT))
            }
        };
        ActivityFilter {
            start,
            end,
            programme: self.programme,
            kind: self.kind,
            status: self.status,
            series_id: self.series,
            page,
            page_size,
        }
    }
}

/// The Monday of `d`'s week.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The first day of `d`'s month.
pub fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The days a view shows around `anchor`: `[from, to)`. A month covers whole weeks, from the
/// Monday on or before the 1st to the Sunday on or after the last day.
pub fn range(view: View, anchor: NaiveDate) -> (NaiveDate, NaiveDate) {
    match view {
        View::List | View::Week => {
            let from = week_start(anchor);
            (from, from + Duration::days(7))
        }
        View::Month => {
            let first = month_start(anchor);
            let next = first + Months::new(1);
            let from = week_start(first);
            let last = next - Duration::days(1);
            let to = week_start(last) + Duration::days(7);
            (from, to)
        }
    }
}

/// Every day of `[from, to)`.
pub fn days(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    from.iter_days().take_while(|d| *d < to).collect()
}

/// The anchor `steps` weeks or months away (a month step keeps the day when it exists, else
/// the month's last day).
pub fn shift(view: View, anchor: NaiveDate, steps: i32) -> NaiveDate {
    match view {
        View::List | View::Week => anchor + Duration::weeks(i64::from(steps)),
        View::Month => {
            let months = Months::new(steps.unsigned_abs());
            if steps >= 0 {
                anchor.checked_add_months(months).unwrap_or(anchor)
            } else {
                anchor.checked_sub_months(months).unwrap_or(anchor)
            }
        }
    }
}

/// Where a key moves the focus in a calendar from `day`: arrows by a day (mirrored right to
/// left) or a week, Home/End to the week's ends, PageUp/PageDown by a week or a month.
pub fn key_target(key: &str, day: NaiveDate, view: View, rtl: bool) -> Option<NaiveDate> {
    let (back, forward) = if rtl {
        ("ArrowRight", "ArrowLeft")
    } else {
        ("ArrowLeft", "ArrowRight")
    };
    Some(match key {
        k if k == back => day - Duration::days(1),
        k if k == forward => day + Duration::days(1),
        "ArrowUp" => day - Duration::days(7),
        "ArrowDown" => day + Duration::days(7),
        "Home" => week_start(day),
        "End" => week_start(day) + Duration::days(6),
        "PageUp" => shift(view, day, -1),
        "PageDown" => shift(view, day, 1),
        _ => return None,
    })
}

/// The local (Brussels) date and time of an activity's `*_local` field.
pub fn local_time(local_rfc3339: &str) -> Option<NaiveDateTime> {
    DateTime::<FixedOffset>::parse_from_rfc3339(local_rfc3339)
        .ok()
        .map(|t| t.naive_local())
}

/// The Brussels day an activity starts on.
pub fn local_day(a: &Activity) -> Option<NaiveDate> {
    local_time(&a.starts_at_local).map(|t| t.date())
}

/// `18:00–20:00` (Brussels); the end's date too when it ends on another day.
pub fn time_range(a: &Activity) -> String {
    match (local_time(&a.starts_at_local), local_time(&a.ends_at_local)) {
        (Some(s), Some(e)) if s.date() == e.date() => {
            format!("{}–{}", s.format("%H:%M"), e.format("%H:%M"))
        }
        (Some(s), Some(e)) => format!("{}–{}", s.format("%H:%M"), e.format("%d/%m %H:%M")),
        _ => String::new(),
    }
}

/// Activities grouped by the Brussels day they start on, in the API's order within a day.
pub fn by_day(list: &[Activity]) -> BTreeMap<NaiveDate, Vec<Activity>> {
    let mut out: BTreeMap<NaiveDate, Vec<Activity>> = BTreeMap::new();
    for a in list {
        if let Some(d) = local_day(a) {
            out.entry(d).or_default().push(a.clone());
        }
    }
    out
}

/// The dates of a weekly series (every `every_weeks` weeks from `first`, until `until`
/// inclusive), as the API expands them; at most `limit` + 1 so a caller can tell "too many".
pub fn weekly_dates(
    first: NaiveDate,
    every_weeks: u32,
    until: NaiveDate,
    limit: usize,
) -> Vec<NaiveDate> {
    if every_weeks == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut d = first;
    while d <= until && out.len() <= limit {
        out.push(d);
        d += Duration::weeks(i64::from(every_weeks));
    }
    out
}

/// The dates of a hand-picked series: the first session's date and the picked ones, sorted,
/// without repeats (as the API does).
pub fn picked_dates(first: NaiveDate, picked: &[NaiveDate]) -> Vec<NaiveDate> {
    let mut all = vec![first];
    all.extend_from_slice(picked);
    all.sort_unstable();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_address_round_trips() {
        let q = AgendaQuery {
            view: View::Month,
            date: Some(d(2026, 3, 18)),
            programme: Some(ActivityProgramme::Interact),
            kind: Some(ActivityKind::WorkshopSession),
            status: Some(ActivityStatus::Draft),
            period: Period::Past,
            series: Some(Uuid::from_u128(42)),
            page: Some(3),
        };
        let text = q.to_query();
        let map: HashMap<String, String> = text
            .trim_start_matches('?')
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(AgendaQuery::from_query(|n| map.get(n).cloned()), q);
        assert_eq!(AgendaQuery::default().to_query(), "");
        let junk = AgendaQuery::from_query(|n| match n {
            "view" => Some("year".into()),
            "date" => Some("2026-02-30".into()),
            "period" => Some("future".into()),
            "page" => Some("1".into()),
            _ => None,
        });
        assert_eq!(junk, AgendaQuery::default());
        assert!(!junk.has_filters());
    }

    #[test]
    fn the_list_asks_for_upcoming_past_or_everything() {
        let today = d(2026, 3, 18);
        let q = AgendaQuery::default();
        let f = q.api_filter(today);
        assert_eq!(f.start.as_deref(), Some("2026-03-18"));
        assert_eq!(f.end, None);
        assert_eq!(f.page_size, Some(LIST_PAGE_SIZE));
        let past = AgendaQuery {
            period: Period::Past,
            page: Some(2),
            ..AgendaQuery::default()
        }
        .api_filter(today);
        assert_eq!(past.start.as_deref(), Some("2025-12-18"));
        assert_eq!(past.end.as_deref(), Some("2026-03-18"));
        assert_eq!(past.page, Some(2));
        let all = AgendaQuery {
            period: Period::All,
            ..AgendaQuery::default()
        }
        .api_filter(today);
        assert_eq!((all.start, all.end), (None, None));
        let series = AgendaQuery {
            series: Some(Uuid::from_u128(1)),
            ..AgendaQuery::default()
        }
        .api_filter(today);
        assert_eq!((series.start, series.end), (None, None));
        assert_eq!(series.series_id, Some(Uuid::from_u128(1)));
    }

    #[test]
    fn weeks_start_on_monday_and_months_cover_whole_weeks() {
        // Wednesday 18 March 2026.
        assert_eq!(week_start(d(2026, 3, 18)), d(2026, 3, 16));
        assert_eq!(week_start(d(2026, 3, 16)), d(2026, 3, 16));
        assert_eq!(week_start(d(2026, 3, 22)), d(2026, 3, 16));
        assert_eq!(
            range(View::Week, d(2026, 3, 18)),
            (d(2026, 3, 16), d(2026, 3, 23))
        );
        // March 2026: Sunday the 1st to Tuesday the 31st.
        let (from, to) = range(View::Month, d(2026, 3, 18));
        assert_eq!((from, to), (d(2026, 2, 23), d(2026, 4, 6)));
        assert_eq!(days(from, to).len(), 42);
        // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
        let (from, to) = range(View::Month, d(2027, 2, 10));
        assert_eq!((from, to), (d(2027, 2, 1), d(2027, 3, 1)));
        assert_eq!(days(from, to).len(), 28);
        let week = AgendaQuery {
            view: View::Week,
            date: Some(d(2026, 3, 18)),
            ..AgendaQuery::default()
        }
        .api_filter(d(2020, 1, 1));
        assert_eq!(week.start.as_deref(), Some("2026-03-16"));
        assert_eq!(week.end.as_deref(), Some("2026-03-23"));
        assert_eq!(week.page_size, Some(CALENDAR_LIMIT));
    }

    #[test]
    fn previous_and_next_move_by_a_week_or_a_month() {
        assert_eq!(shift(View::Week, d(2026, 3, 18), 1), d(2026, 3, 25));
        assert_eq!(shift(View::Week, d(2026, 3, 18), -2), d(2026, 3, 4));
        assert_eq!(shift(View::Month, d(2026, 1, 31), 1), d(2026, 2, 28));
        assert_eq!(shift(View::Month, d(2026, 3, 18), -3), d(2025, 12, 18));
    }

    #[test]
    fn keys_move_between_days_mirrored_right_to_left() {
        let day = d(2026, 3, 18);
        assert_eq!(
            key_target("ArrowRight", day, View::Month, false),
            Some(d(2026, 3, 19))
        );
        assert_eq!(
            key_target("ArrowRight", day, View::Month, true),
            Some(d(2026, 3, 17))
        );
        assert_eq!(
            key_target("ArrowLeft", day, View::Month, true),
            Some(d(2026, 3, 19))
        );
        assert_eq!(
            key_target("ArrowDown", day, View::Month, false),
            Some(d(2026, 3, 25))
        );
        assert_eq!(
            key_target("ArrowUp", day, View::Week, false),
            Some(d(2026, 3, 11))
        );
        assert_eq!(
            key_target("Home", day, View::Week, false),
            Some(d(2026, 3, 16))
        );
        assert_eq!(
            key_target("End", day, View::Week, false),
            Some(d(2026, 3, 22))
        );
        assert_eq!(
            key_target("PageDown", day, View::Month, false),
            Some(d(2026, 4, 18))
        );
        assert_eq!(
            key_target("PageUp", day, View::Week, false),
            Some(d(2026, 3, 11))
        );
        assert_eq!(key_target("Enter", day, View::Week, false), None);
    }

    #[test]
    fn local_times_come_from_the_brussels_fields() {
        let t = local_time("2026-03-29T14:00:00+02:00").unwrap_or_default();
        assert_eq!(t.format("%Y-%m-%d %H:%M").to_string(), "2026-03-29 14:00");
        assert_eq!(local_time("not a time"), None);
    }

    #[test]
    fn series_dates_match_the_api() {
        let first = d(2026, 3, 18);
        assert_eq!(
            weekly_dates(first, 1, d(2026, 4, 8), 60),
            [d(2026, 3, 18), d(2026, 3, 25), d(2026, 4, 1), d(2026, 4, 8)]
        );
        assert_eq!(
            weekly_dates(first, 2, d(2026, 4, 14), 60),
            [d(2026, 3, 18), d(2026, 4, 1)]
        );
        assert!(weekly_dates(first, 1, d(2026, 3, 17), 60).is_empty());
        assert!(weekly_dates(first, 0, d(2026, 4, 8), 60).is_empty());
        assert_eq!(weekly_dates(first, 1, d(2030, 1, 1), 3).len(), 4);
        assert_eq!(
            picked_dates(first, &[d(2026, 4, 2), d(2026, 3, 18), d(2026, 3, 20)]),
            [d(2026, 3, 18), d(2026, 3, 20), d(2026, 4, 2)]
        );
    }
}
