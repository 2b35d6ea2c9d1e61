//! Impact reports (figures per programme and period, with small-count suppression) and the
//! signed-in user's home page.
//!
//! A report is generic on the wire: groups (one per programme, plus `everyone`) of tables, each
//! table one indicator or one breakdown of a population (`total` is the population, `rows` its
//! parts). The same shape feeds the JSON, the CSV, the XLSX sheets and the web charts.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::activities::CsvSeparator;
use crate::people::wire_enum;

wire_enum!(
    /// A group of indicators: everyone reached, then one per programme.
    ReportGroup {
        Everyone = "everyone",
        Interact = "interact",
        Duo2change = "duo2change",
        Training = "training",
        Interlab = "interlab",
    }
);

wire_enum!(
    /// What a table's numbers count or measure.
    ReportUnit {
        /// People (or pairs of people): cells under 5 are suppressed.
        People = "people",
        /// Events, sessions, milestones: not people, never suppressed.
        Count = "count",
        /// Hours (participant-hours): suppressed when fewer than 5 people make them.
        Hours = "hours",
        /// A percentage 0–100, suppressed when its base counts fewer than 5 people.
        Percent = "percent",
        /// Days (a mean duration), suppressed when its base counts fewer than 5 people.
        Days = "days",
        /// A mean score or change of score, suppressed when fewer than 5 people answered.
        Score = "score",
    }
);

/// One figure. A suppressed figure has `value: null` and `suppressed: true`: it counts fewer
/// than 5 people, or it is hidden so that such a figure cannot be recomputed from the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportCell {
    /// A stable key: a category, a commune, an age band, a status… (`unknown` when not
    /// recorded).
    pub key: String,
    pub value: Option<f64>,
    pub suppressed: bool,
}

/// One indicator (only `total`) or one breakdown (`total` and its parts in `rows`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportTable {
    /// A stable key, e.g. `reached_by_gender`.
    pub key: String,
    pub unit: ReportUnit,
    pub total: Option<ReportCell>,
    /// `true` when the rows add up to the total (each person in exactly one row); `false` for
    /// lists where a person may count in several rows (languages).
    pub partition: bool,
    pub rows: Vec<ReportCell>,
}

/// The tables of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportSection {
    pub group: ReportGroup,
    pub tables: Vec<ReportTable>,
}

/// `GET /api/v1/reports/summary`: every programme's figures over a period (Europe/Brussels
/// days, both ends included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportSummary {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub generated_at: DateTime<Utc>,
    pub sections: Vec<ReportSection>,
}

/// Parameters of the reports: a custom period (`from` and `to`), or a year, optionally with a
/// quarter or a month of that year. Without any, the current year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ReportQuery {
    /// First day (inclusive) of a custom period.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive) of a custom period.
    pub to: Option<NaiveDate>,
    /// A calendar year (1900–2200).
    pub year: Option<i32>,
    /// A quarter (1–4) of `year`.
    pub quarter: Option<u32>,
    /// A month (1–12) of `year`.
    pub month: Option<u32>,
    /// CSV only: `semicolon` for Excel in Belgium (default: comma).
    pub sep: Option<CsvSeparator>,
}

/// Parameters of `GET /api/v1/reports/yearly`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct YearlyQuery {
    /// The calendar year (1900–2200); default: the current year.
    pub year: Option<i32>,
}

/// An activity of this week on the home page, with its seats and mix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeActivity {
    pub id: Uuid,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub capacity: Option<u32>,
    /// Registered and attended.
    pub taken: u32,
    pub waitlisted: u32,
    pub newcomers: u32,
    pub locals: u32,
}

/// Something waiting for the user, with where it is handled (a path of the web app).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeItem {
    pub id: Uuid,
    /// The person's display name, an activity's or a project's title.
    pub label: String,
    /// A short, untranslated detail: a date, a status.
    pub detail: Option<String>,
    /// The web app's page that handles it, e.g. `/people/…`.
    pub link: String,
}

/// `GET /api/v1/home`: what needs the signed-in user this week (a coach: only the people and
/// activities they accompany).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Home {
    /// Monday of this week (Europe/Brussels).
    pub week_of: NaiveDate,
    pub activities: Vec<HomeActivity>,
    /// Registrations on a waiting list of an activity still to come, where a seat is free:
    /// promote them or tell them.
    pub to_promote: Vec<HomeItem>,
    /// Active duos that need attention (no meeting reported for 30 days, or paused).
    pub duos_attention: Vec<HomeItem>,
    /// Duo follow-up calls due by the end of the week, not done.
    pub follow_ups_due: Vec<HomeItem>,
    /// Public sign-ups to review.
    pub signups: Vec<HomeItem>,
    /// InterLab applications waiting for a decision.
    pub applications: Vec<HomeItem>,
    /// InterLab milestones past their due date, not done.
    pub milestones_overdue: Vec<HomeItem>,
    /// InterLab follow-up calls (6 and 12 months after an entrepreneur left the path) due by
    /// the end of the week and not made: the entrepreneur and the project, the due date.
    #[serde(default)]
    pub interlab_follow_ups_due: Vec<HomeItem>,
}

/// `GET /api/v1/reports/yearly`: the funders' yearly report, the data of a print-styled page
/// (the web app's `/reports/yearly`): the key figures first, then every table of the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearlyReport {
    pub year: i32,
    /// The key figures, each the total of a table of `summary` (same key, same suppression).
    pub highlights: Vec<ReportCell>,
    pub summary: ReportSummary,
}
