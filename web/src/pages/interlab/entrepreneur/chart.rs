//! The strengths and needs of the first and the latest diagnostic, side by side: bars drawn in
//! inline SVG (decoration: their labels are text) and the same numbers in a data table, which is
//! what assistive technology reads.

use leptos::prelude::*;
use shared::interlab::{DiagnosticComparison, Diagnostics, NeedPriority};
use shared::Lang;

use crate::i18n::interlab::{domain_key, level_key, priority_key, IlKey};
use crate::i18n::{t, tf};
use crate::locale::use_i18n;
use crate::pages::interlab::format_date;

/// One line of a chart: what is measured, and its value in the first and the latest diagnostic
/// (`None`: not named then).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartRow {
    pub label: String,
    pub first: Option<u8>,
    pub latest: Option<u8>,
}

/// A need's priority as a bar's length: high 3, medium 2, low 1.
pub fn priority_value(p: NeedPriority) -> u8 {
    match p {
        NeedPriority::High => 3,
        NeedPriority::Medium => 2,
        NeedPriority::Low => 1,
    }
}

fn priority_of(v: u8) -> Option<NeedPriority> {
    match v {
        3 => Some(NeedPriority::High),
        2 => Some(NeedPriority::Medium),
        1 => Some(NeedPriority::Low),
        _ => None,
    }
}

fn level(v: i32) -> Option<u8> {
    u8::try_from(v.clamp(0, 4)).ok()
}

/// The two charts' rows: (strengths, needs), from the comparison when there are two diagnostics
/// or more, else from the only one (as "latest").
pub fn chart_rows(d: &Diagnostics, lang: Lang) -> (Vec<ChartRow>, Vec<ChartRow>) {
    if let Some(c) = &d.comparison {
        return rows_of_comparison(c, lang);
    }
    let Some(only) = d.diagnostics.last() else {
        return (Vec::new(), Vec::new());
    };
    let strengths = only
        .strengths
        .iter()
        .map(|s| ChartRow {
            label: s.label.clone(),
            first: None,
            latest: level(s.level),
        })
        .collect();
    let needs = only
        .needs
        .iter()
        .map(|n| ChartRow {
            label: t(lang, domain_key(n.domain)).to_string(),
            first: None,
            latest: Some(priority_value(n.priority)),
        })
        .collect();
    (strengths, needs)
}

fn rows_of_comparison(c: &DiagnosticComparison, lang: Lang) -> (Vec<ChartRow>, Vec<ChartRow>) {
    let strengths = c
        .strengths
        .iter()
        .map(|s| ChartRow {
            label: s.label.clone(),
            first: s.first.and_then(level),
            latest: s.latest.and_then(level),
        })
        .collect();
    let needs = c
        .needs
        .iter()
        .map(|n| ChartRow {
            label: t(lang, domain_key(n.domain)).to_string(),
            first: n.first.map(priority_value),
            latest: n.latest.map(priority_value),
        })
        .collect();
    (strengths, needs)
}

/// What a chart measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Strength levels, 1 to 4.
    Level,
    /// Need priorities, low to high.
    Priority,
}

impl Measure {
    pub fn max(self) -> u8 {
        match self {
            Measure::Level => 4,
            Measure::Priority => 3,
        }
    }

    /// A value in words for the table: "3 · Solid", "High", "not named".
    pub fn text(self, lang: Lang, v: Option<u8>) -> String {
        match (self, v) {
            (Measure::Level, Some(v)) => level_key(i32::from(v))
                .map(|k| t(lang, k).to_string())
                .unwrap_or_else(|| tf(lang, IlKey::LevelOutOf4, &[("level", &v.to_string())])),
            (Measure::Level, None) => t(lang, IlKey::NotNamed).to_string(),
            (Measure::Priority, Some(v)) => priority_of(v)
                .map(|p| t(lang, priority_key(p)).to_string())
                .unwrap_or_default(),
            (Measure::Priority, None) => t(lang, IlKey::NotANeed).to_string(),
        }
    }
}

/// A bar's length in the row's 0–100 drawing.
pub fn bar_length(v: Option<u8>, max: u8) -> u32 {
    match (v, max) {
        (_, 0) | (None, _) => 0,
        (Some(v), max) => u32::from(v.min(max)) * 100 / u32::from(max),
    }
}

/// One chart and its table. `compare`: two series (first and latest), else the latest only.
#[component]
pub fn ComparisonChart(
    id: &'static str,
    #[prop(into)] title: crate::i18n::Text,
    rows: Vec<ChartRow>,
    measure: Measure,
    compare: bool,
    /// The legend's names of the two series ("First diagnostic (v1, 3 Nov 2026)").
    first_name: String,
    latest_name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let max = measure.max();
    let grid: Vec<u32> = (1..max)
        .map(|k| u32::from(k) * 100 / u32::from(max))
        .collect();
    let bars = rows
        .iter()
        .map(|r| {
            let (first, latest) = (bar_length(r.first, max), bar_length(r.latest, max));
            let grid = grid.clone();
            let values = match (compare, r.first, r.latest) {
                (true, f, l) => format!(
                    "{} → {}",
                    f.map(|v| v.to_string()).unwrap_or_else(|| "–".into()),
                    l.map(|v| v.to_string()).unwrap_or_else(|| "–".into())
                ),
                (false, _, l) => l.map(|v| v.to_string()).unwrap_or_else(|| "–".into()),
            };
            view! {
                <li class="chart-row">
                    <span class="chart-label">{r.label.clone()}</span>
                    <svg class="chart-bars" viewBox="0 0 100 24" preserveAspectRatio="none" focusable="false">
                        {grid.into_iter().map(|x| view! {
                            <line class="chart-grid" x1=x.to_string() x2=x.to_string() y1="0" y2="24"></line>
                        }).collect_view()}
                        {compare.then(|| view! {
                            <rect class="bar-first" x="0" y="2" width=first.to_string() height="9"></rect>
                        })}
                        <rect class="bar-latest" x="0" y=if compare { "13" } else { "7" } width=latest.to_string() height="10"></rect>
                    </svg>
                    <span class="chart-values">{values}</span>
                </li>
            }
        })
        .collect_view();
    let table_rows = rows
        .into_iter()
        .map(|r| {
            let (first, latest) = (r.first, r.latest);
            view! {
                <tr>
                    <th scope="row">{r.label.clone()}</th>
                    {compare.then(|| view! { <td>{move || measure.text(i18n.lang.get(), first)}</td> })}
                    <td>{move || measure.text(i18n.lang.get(), latest)}</td>
                </tr>
            }
        })
        .collect_view();
    let (first_legend, latest_legend) = (first_name.clone(), latest_name.clone());
    view! {
        <figure class="chart" aria-labelledby=labelled_by>
            <figcaption id=title_id class="chart-title">{move || i18n.t(title)}</figcaption>
            // The bars repeat the table below for sighted readers; assistive technology reads
            // the table.
            <div class="chart-visual" aria-hidden="true">
                <ul class="chart-legend">
                    {compare.then(|| view! { <li><span class="swatch swatch-first"></span>{first_legend.clone()}</li> })}
                    <li><span class="swatch swatch-latest"></span>{latest_legend.clone()}</li>
                </ul>
                <ul class="chart-rows">{bars}</ul>
            </div>
            <p class="hint">{move || i18n.t(IlKey::ChartDataHint)}</p>
            <div class="table-wrap">
                <table class="assessments chart-table">
                    <caption class="visually-hidden">{move || i18n.t(title)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(if measure == Measure::Level { IlKey::ColStrength } else { IlKey::ColDomain })}</th>
                            {compare.then(|| view! { <th scope="col">{first_name.clone()}</th> })}
                            <th scope="col">{latest_name.clone()}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        </figure>
    }
}

/// The strengths and needs card's charts, with the legend names of both diagnostics.
#[component]
pub fn StrengthsAndNeeds(d: Diagnostics) -> impl IntoView {
    let i18n = use_i18n();
    // The page draws this again when the language changes (the labels come from the API).
    let lang = i18n.lang.get_untracked();
    let (strengths, needs) = chart_rows(&d, lang);
    let compare = d.comparison.is_some();
    let name = |key: IlKey, i: usize| {
        d.diagnostics
            .get(i)
            .map(|x| {
                tf(
                    lang,
                    key,
                    &[
                        ("version", &x.version.to_string()),
                        ("date", &format_date(lang, x.held_on)),
                    ],
                )
            })
            .unwrap_or_default()
    };
    let first = name(IlKey::FirstDiagnostic, 0);
    let latest = name(
        IlKey::LatestDiagnostic,
        d.diagnostics.len().saturating_sub(1),
    );
    let only = (!compare)
        .then(|| name(IlKey::OnlyDiagnostic, 0))
        .filter(|s| !s.is_empty());
    view! {
        {only.map(|s| view! { <p class="muted small">{s}</p> })}
        <div class="chart-pair">
            <ComparisonChart id="strengths-chart" title=IlKey::StrengthsChart rows=strengths measure=Measure::Level compare=compare first_name=first.clone() latest_name=latest.clone()/>
            <ComparisonChart id="needs-chart" title=IlKey::NeedsChart rows=needs measure=Measure::Priority compare=compare first_name=first latest_name=latest/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, Utc};
    use shared::interlab::{Diagnostic, Need, NeedChange, NeedDomain, Strength, StrengthChange};
    use uuid::Uuid;

    fn diagnostic(version: i32, level: i32) -> Diagnostic {
        Diagnostic {
            id: Uuid::from_u128(version as u128),
            entrepreneur_id: Uuid::nil(),
            version,
            held_on: NaiveDate::from_ymd_opt(2026, 10, version as u32).unwrap_or_default(),
            strengths: vec![Strength {
                strength_id: Uuid::from_u128(100),
                label: "Savoir-faire du métier".into(),
                level,
                note: None,
            }],
            needs: vec![Need {
                id: Uuid::from_u128(200),
                domain: NeedDomain::Administration,
                priority: NeedPriority::High,
                goal: Some("Être inscrite à la BCE".into()),
                note: None,
            }],
            summary: None,
            recorded_by_name: None,
            created_at: Utc::now(),
        }
    }

    #[test]
    fn one_diagnostic_gives_the_latest_series_only() {
        let d = Diagnostics {
            diagnostics: vec![diagnostic(1, 3)],
            comparison: None,
        };
        let (s, n) = chart_rows(&d, Lang::Fr);
        assert_eq!(
            s,
            vec![ChartRow {
                label: "Savoir-faire du métier".into(),
                first: None,
                latest: Some(3)
            }]
        );
        assert_eq!(n[0].label, "Administration belge");
        assert_eq!(n[0].latest, Some(3), "high priority is the longest bar");
        let empty = Diagnostics {
            diagnostics: vec![],
            comparison: None,
        };
        assert_eq!(chart_rows(&empty, Lang::Fr), (vec![], vec![]));
    }

    #[test]
    fn the_comparison_gives_both_series() {
        let d = Diagnostics {
            diagnostics: vec![diagnostic(1, 2), diagnostic(2, 4)],
            comparison: Some(DiagnosticComparison {
                first_version: 1,
                latest_version: 2,
                strengths: vec![StrengthChange {
                    strength_id: Uuid::from_u128(100),
                    label: "Réseau".into(),
                    first: Some(2),
                    latest: Some(4),
                }],
                needs: vec![NeedChange {
                    domain: NeedDomain::Financing,
                    first: Some(NeedPriority::High),
                    latest: None,
                }],
            }),
        };
        let (s, n) = chart_rows(&d, Lang::En);
        assert_eq!((s[0].first, s[0].latest), (Some(2), Some(4)));
        assert_eq!(
            (n[0].label.as_str(), n[0].first, n[0].latest),
            ("Financing", Some(3), None)
        );
    }

    #[test]
    fn values_read_in_words_and_bars_scale_to_the_maximum() {
        assert_eq!(Measure::Level.text(Lang::En, Some(4)), "4 · A real asset");
        assert_eq!(Measure::Level.text(Lang::Fr, None), "non cité");
        assert_eq!(Measure::Priority.text(Lang::Nl, Some(1)), "Laag");
        assert_eq!(Measure::Priority.text(Lang::En, None), "not a need");
        assert_eq!(bar_length(Some(2), 4), 50);
        assert_eq!(bar_length(Some(3), 3), 100);
        assert_eq!(bar_length(Some(9), 4), 100);
        assert_eq!(bar_length(None, 4), 0);
    }
}
