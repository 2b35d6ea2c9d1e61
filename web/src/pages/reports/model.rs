//! The reports' pure helpers, unit-tested natively: the period a picker describes, numbers in
//! words of the language, which figures a section shows first, and the charts' geometry.

use chrono::{Datelike, Duration, NaiveDate};
use shared::reports::{ReportCell, ReportQuery, ReportSection, ReportTable, ReportUnit};
use shared::Lang;

/// The kinds of period the picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
    Custom,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 4] = [
        PeriodKind::Month,
        PeriodKind::Quarter,
        PeriodKind::Year,
        PeriodKind::Custom,
    ];

    /// The value of the picker's `<option>`.
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Year => "year",
            PeriodKind::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What the period picker describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodChoice {
    pub kind: PeriodKind,
    pub year: i32,
    /// 1–4.
    pub quarter: u32,
    /// 1–12.
    pub month: u32,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl PeriodChoice {
    /// The year of `today`, with the month and quarter of `today` ready in the picker.
    pub fn this_year(today: NaiveDate) -> PeriodChoice {
        PeriodChoice {
            kind: PeriodKind::Year,
            year: today.year(),
            quarter: quarter_of(today.month()),
            month: today.month(),
            from: None,
            to: None,
        }
    }

    /// The API's parameters for this period.
    pub fn query(&self) -> ReportQuery {
        let mut q = ReportQuery::default();
        match self.kind {
            PeriodKind::Month => {
                q.year = Some(self.year);
                q.month = Some(self.month);
            }
            PeriodKind::Quarter => {
                q.year = Some(self.year);
                q.quarter = Some(self.quarter);
            }
            PeriodKind::Year => q.year = Some(self.year),
            PeriodKind::Custom => {
                q.from = self.from;
                q.to = self.to;
            }
        }
        q
    }

    /// The first and last day of the period (both included), when it is a valid one.
    pub fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self.kind {
            PeriodKind::Month => month_bounds(self.year, self.month),
            PeriodKind::Quarter => {
                let (first, _) = month_bounds(self.year, (self.quarter.checked_sub(1)?) * 3 + 1)?;
                let (_, last) = month_bounds(self.year, self.quarter * 3)?;
                (1..=4).contains(&self.quarter).then_some((first, last))
            }
            PeriodKind::Year => Some((
                NaiveDate::from_ymd_opt(self.year, 1, 1)?,
                NaiveDate::from_ymd_opt(self.year, 12, 31)?,
            )),
            PeriodKind::Custom => match (self.from, self.to) {
                (Some(f), Some(t)) if f <= t => Some((f, t)),
                _ => None,
            },
        }
    }
}

/// The quarter (1–4) of a month (1–12).
pub fn quarter_of(month: u32) -> u32 {
    (month.clamp(1, 12) - 1) / 3 + 1
}

/// The first and last day of a month.
pub fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next - Duration::days(1)))
}

/// The value of an `<input type="month">` (`2026-03`) as a year and a month.
pub fn parse_month_input(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.trim().split_once('-')?;
    let (y, m) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

/// The value of an `<input type="month">` for a year and a month.
pub fn month_input(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

/// The year a `?year=` parameter asks for, within the API's bounds; `default` otherwise.
pub fn parse_year(raw: Option<&str>, default: i32) -> i32 {
    raw.and_then(|y| y.trim().parse::<i32>().ok())
        .filter(|y| (1900..=2200).contains(y))
        .unwrap_or(default)
}

/// The twelve months of `year`, as the API's parameters (the trend chart's points).
pub fn months_of(year: i32) -> Vec<ReportQuery> {
    (1..=12)
        .map(|m| ReportQuery {
            year: Some(year),
            month: Some(m),
            ..ReportQuery::default()
        })
        .collect()
}

/// `v` with `decimals` decimals at most (trailing zeros dropped), thousands grouped the way
/// the language writes them (Western digits in every language, as the figures' tables do).
pub fn format_number(lang: Lang, v: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), f.trim_end_matches('0').to_owned()),
        None => (text.clone(), String::new()),
    };
    let (group, point) = match lang {
        Lang::Fr => ('\u{202f}', ','),
        Lang::Nl => ('.', ','),
        Lang::En | Lang::Ar => (',', '.'),
    };
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    if v < 0.0 && (int != "0" || !frac.is_empty()) {
        out.push('-');
    }
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(*c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(&frac);
    }
    out
}

/// A figure as the page shows it: `< 5` when suppressed, `–` when there is none, else the
/// number with its unit.
pub fn format_cell(lang: Lang, unit: ReportUnit, cell: &ReportCell) -> String {
    if cell.suppressed {
        return "< 5".into();
    }
    let Some(v) = cell.value else {
        return "–".into();
    };
    let space = if lang == Lang::Fr || lang == Lang::Nl {
        "\u{a0}"
    } else {
        ""
    };
    match unit {
        ReportUnit::People | ReportUnit::Count => format_number(lang, v, 0),
        ReportUnit::Hours => format!("{}\u{a0}h", format_number(lang, v, 1)),
        ReportUnit::Percent => format!("{}{space}%", format_number(lang, v, 1)),
        ReportUnit::Days => format_number(lang, v, 1),
        ReportUnit::Score => {
            let sign = if v > 0.0 { "+" } else { "" };
            format!("{sign}{}", format_number(lang, v, 1))
        }
    }
}

/// A row's share of its table's total, in percent, when both are published and the rows
/// are parts of the total.
pub fn share(table: &ReportTable, cell: &ReportCell) -> Option<f64> {
    if !table.partition {
        return None;
    }
    let total = table.total.as_ref()?.value?;
    let v = cell.value?;
    (total > 0.0).then(|| v * 100.0 / total)
}

/// The key figures of a section, in order: each table's total once (breakdowns of the same
/// population share it).
pub fn key_figures(section: &ReportSection) -> Vec<(ReportCell, ReportUnit)> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for t in &section.tables {
        if let Some(total) = &t.total {
            if !seen.contains(&total.key.as_str()) {
                seen.push(&total.key);
                out.push((total.clone(), t.unit));
            }
        }
    }
    out
}

/// How a breakdown is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// One bar per row.
    Bars,
    /// One bar of 100 % split into its two parts (the newcomer/local mix and the like).
    Mix,
}

/// Tables with rows are drawn: a split of a population in two parts as a mix bar, anything
/// else as bars.
pub fn chart_kind(table: &ReportTable) -> ChartKind {
    if table.partition && table.rows.len() == 2 {
        ChartKind::Mix
    } else {
        ChartKind::Bars
    }
}

/// The breakdowns of a section (the tables that have rows).
pub fn breakdowns(section: &ReportSection) -> Vec<&ReportTable> {
    section
        .tables
        .iter()
        .filter(|t| !t.rows.is_empty())
        .collect()
}

/// The top of a bar chart's scale: `max` rounded up to 1, 2 or 5 times a power of ten (1 for
/// an empty chart), so the grid lines fall on round numbers.
pub fn nice_max(max: f64) -> f64 {
    if !max.is_finite() || max <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    let f = max / magnitude;
    let nice = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .find(|n| f <= *n + 1e-9)
        .unwrap_or(10.0);
    nice * magnitude
}

/// A value's length on a 0–100 drawing whose end is `top`.
pub fn bar_length(value: f64, top: f64) -> f64 {
    if top <= 0.0 || !value.is_finite() {
        return 0.0;
    }
    (value / top * 100.0).clamp(0.0, 100.0)
}

/// The published values of a table's rows (a suppressed row has none).
pub fn row_values(table: &ReportTable) -> Vec<Option<f64>> {
    table
        .rows
        .iter()
        .map(|c| if c.suppressed { None } else { c.value })
        .collect()
}

/// One part of a mix bar, on a 0–100 drawing: `index` is the row's (its colour), `None` the
/// part hidden by suppression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub index: Option<usize>,
    pub start: f64,
    pub width: f64,
}

/// The parts of a mix bar: each published row as its share of the total, then what the
/// hidden rows make together (the total minus the published rows, which anyone can compute
/// from the table). Nothing when the total itself is hidden or zero.
pub fn mix_segments(table: &ReportTable) -> Vec<Segment> {
    let Some(total) = table.total.as_ref().and_then(|c| c.value) else {
        return Vec::new();
    };
    if total <= 0.0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0.0;
    for (i, v) in row_values(table).into_iter().enumerate() {
        if let Some(v) = v {
            let width = (v / total * 100.0).clamp(0.0, 100.0 - start);
            out.push(Segment {
                index: Some(i),
                start,
                width,
            });
            start += width;
        }
    }
    if table.rows.iter().any(|c| c.suppressed) && start < 100.0 {
        out.push(Segment {
            index: None,
            start,
            width: 100.0 - start,
        });
    }
    out
}

/// The points of a line chart of `values` on a `width` × `height` drawing whose top is `top`
/// (y grows downwards), split where a value is missing (suppressed), so no line is drawn
/// through a hidden month.
pub fn line_runs(
    values: &[Option<f64>],
    width: f64,
    height: f64,
    top: f64,
) -> Vec<Vec<(f64, f64)>> {
    let n = values.len();
    let step = if n > 1 { width / (n - 1) as f64 } else { 0.0 };
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => {
                let x = if n > 1 { i as f64 * step } else { width / 2.0 };
                let y = height - bar_length(*v, top) / 100.0 * height;
                current.push((x, y));
            }
            None => {
                if !current.is_empty() {
                    runs.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// An SVG `points` attribute.
pub fn svg_points(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Standard base64 (with padding), for a downloaded file's `data:` address.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn cell(key: &str, value: Option<f64>) -> ReportCell {
        ReportCell {
            key: key.into(),
            value,
            suppressed: value.is_none(),
        }
    }

    fn table(key: &str, total: Option<f64>, rows: &[(&str, Option<f64>)]) -> ReportTable {
        ReportTable {
            key: key.into(),
            unit: ReportUnit::People,
            total: Some(cell("reached", total)),
            partition: true,
            rows: rows.iter().map(|(k, v)| cell(k, *v)).collect(),
        }
    }

    #[test]
    fn periods_cover_whole_months_quarters_and_years() {
        let mut p = PeriodChoice::this_year(day(2026, 5, 14));
        assert_eq!((p.year, p.quarter, p.month), (2026, 2, 5));
        assert_eq!(p.bounds(), Some((day(2026, 1, 1), day(2026, 12, 31))));
        assert_eq!(p.query().year, Some(2026));
        assert_eq!(p.query().month, None);

        p.kind = PeriodKind::Month;
        p.month = 2;
        assert_eq!(p.bounds(), Some((day(2026, 2, 1), day(2026, 2, 28))));
        p.year = 2028;
        assert_eq!(
            p.bounds(),
            Some((day(2028, 2, 1), day(2028, 2, 29))),
            "a leap year"
        );
        p.month = 12;
        assert_eq!(p.bounds(), Some((day(2028, 12, 1), day(2028, 12, 31))));
        assert_eq!(
            (p.query().year, p.query().month, p.query().quarter),
            (Some(2028), Some(12), None)
        );

        p.kind = PeriodKind::Quarter;
        p.quarter = 4;
        assert_eq!(p.bounds(), Some((day(2028, 10, 1), day(2028, 12, 31))));
        p.quarter = 1;
        assert_eq!(p.bounds(), Some((day(2028, 1, 1), day(2028, 3, 31))));
        assert_eq!(p.query().quarter, Some(1));
        p.quarter = 5;
        assert_eq!(p.bounds(), None);

        p.kind = PeriodKind::Custom;
        assert_eq!(p.bounds(), None, "no dates yet");
        p.from = Some(day(2026, 3, 10));
        p.to = Some(day(2026, 3, 9));
        assert_eq!(p.bounds(), None, "the end before the start");
        p.to = Some(day(2026, 4, 2));
        assert_eq!(p.bounds(), Some((day(2026, 3, 10), day(2026, 4, 2))));
        let q = p.query();
        assert_eq!((q.from, q.to, q.year), (p.from, p.to, None));
        assert_eq!(quarter_of(12), 4);
        assert_eq!(quarter_of(1), 1);
    }

    #[test]
    fn picker_values_round_trip() {
        assert_eq!(parse_month_input("2026-03"), Some((2026, 3)));
        assert_eq!(parse_month_input("2026-13"), None);
        assert_eq!(parse_month_input(""), None);
        assert_eq!(month_input(2026, 3), "2026-03");
        for k in PeriodKind::ALL {
            assert_eq!(PeriodKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(parse_year(Some("2025"), 2026), 2025);
        assert_eq!(parse_year(Some("99999"), 2026), 2026);
        assert_eq!(parse_year(None, 2026), 2026);
        let months = months_of(2025);
        assert_eq!(months.len(), 12);
        assert_eq!((months[11].year, months[11].month), (Some(2025), Some(12)));
    }

    #[test]
    fn numbers_read_the_language_way() {
        assert_eq!(format_number(Lang::Fr, 12345.0, 0), "12\u{202f}345");
        assert_eq!(format_number(Lang::En, 1234567.26, 1), "1,234,567.3");
        assert_eq!(format_number(Lang::Nl, 1234.5, 1), "1.234,5");
        assert_eq!(format_number(Lang::Fr, 42.0, 1), "42");
        assert_eq!(format_number(Lang::Fr, -0.5, 1), "-0,5");
        assert_eq!(format_number(Lang::Ar, 999.0, 0), "999");
        let c = |v| cell("x", v);
        assert_eq!(
            format_cell(Lang::Fr, ReportUnit::Percent, &c(Some(42.5))),
            "42,5\u{a0}%"
        );
        assert_eq!(
            format_cell(Lang::En, ReportUnit::Percent, &c(Some(42.0))),
            "42%"
        );
        assert_eq!(
            format_cell(Lang::Fr, ReportUnit::Hours, &c(Some(7.5))),
            "7,5\u{a0}h"
        );
        assert_eq!(
            format_cell(Lang::En, ReportUnit::Score, &c(Some(0.8))),
            "+0.8"
        );
        assert_eq!(format_cell(Lang::Fr, ReportUnit::People, &c(None)), "< 5");
        let none = ReportCell {
            key: "x".into(),
            value: None,
            suppressed: false,
        };
        assert_eq!(format_cell(Lang::Fr, ReportUnit::Days, &none), "–");
    }

    #[test]
    fn scales_end_on_round_numbers() {
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(7.0), 10.0);
        assert_eq!(nice_max(10.0), 10.0);
        assert_eq!(nice_max(11.0), 20.0);
        assert_eq!(nice_max(230.0), 500.0);
        assert_eq!(nice_max(0.3), 0.5);
        assert_eq!(bar_length(25.0, 50.0), 50.0);
        assert_eq!(bar_length(80.0, 50.0), 100.0);
        assert_eq!(bar_length(5.0, 0.0), 0.0);
    }

    #[test]
    fn a_mix_bar_shows_published_parts_and_the_hidden_rest_together() {
        let t = table(
            "by_category",
            Some(40.0),
            &[("newcomer", Some(30.0)), ("local", Some(10.0))],
        );
        assert_eq!(chart_kind(&t), ChartKind::Mix);
        let s = mix_segments(&t);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].start, s[0].width), (0.0, 75.0));
        assert_eq!((s[1].start, s[1].width), (75.0, 25.0));

        let hidden = table(
            "by_age",
            Some(40.0),
            &[("a", Some(20.0)), ("b", None), ("c", None)],
        );
        assert_eq!(chart_kind(&hidden), ChartKind::Bars);
        let s = mix_segments(&hidden);
        assert_eq!(
            s.last().map(|s| (s.index, s.start, s.width)),
            Some((None, 50.0, 50.0))
        );
        assert!(mix_segments(&table("t", None, &[("a", None), ("b", None)])).is_empty());
        assert_eq!(share(&hidden, &hidden.rows[0]), Some(50.0));
        assert_eq!(share(&hidden, &hidden.rows[1]), None);
    }

    #[test]
    fn key_figures_name_each_population_once() {
        let section = ReportSection {
            group: shared::reports::ReportGroup::Everyone,
            tables: vec![
                table(
                    "by_category",
                    Some(40.0),
                    &[("newcomer", Some(30.0)), ("local", Some(10.0))],
                ),
                table("by_age", Some(40.0), &[("a", Some(40.0))]),
                ReportTable {
                    key: "fill_rate".into(),
                    unit: ReportUnit::Percent,
                    total: Some(cell("fill_rate", Some(80.0))),
                    partition: false,
                    rows: Vec::new(),
                },
            ],
        };
        let figures = key_figures(&section);
        let keys: Vec<&str> = figures.iter().map(|(c, _)| c.key.as_str()).collect();
        assert_eq!(keys, ["reached", "fill_rate"]);
        assert_eq!(figures[1].1, ReportUnit::Percent);
        assert_eq!(breakdowns(&section).len(), 2);
    }

    #[test]
    fn lines_break_at_hidden_months() {
        let runs = line_runs(&[Some(0.0), Some(10.0), None, Some(5.0)], 30.0, 100.0, 10.0);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0], vec![(0.0, 100.0), (10.0, 0.0)]);
        assert_eq!(runs[1], vec![(30.0, 50.0)]);
        assert_eq!(svg_points(&runs[0]), "0.0,100.0 10.0,0.0");
        assert!(line_runs(&[None, None], 10.0, 10.0, 1.0).is_empty());
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xef, 0xbb, 0xbf]), "77u/");
    }
}
