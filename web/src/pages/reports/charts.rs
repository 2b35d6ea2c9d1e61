//! The reports' charts, drawn as SVG by hand: bars, a mix bar (a population split in two) and
//! a line. Each chart repeats a data table for sighted readers; the drawing is hidden from
//! assistive technology, which reads the table (always present, folded on the reports page).

use leptos::prelude::*;
use shared::reports::{ReportCell, ReportTable, ReportUnit};
use shared::Lang;

use super::model::{
    bar_length, chart_kind, format_cell, line_runs, mix_segments, nice_max, row_values, share,
    svg_points, ChartKind,
};
use crate::i18n::reports::{row_label, table_label, RepKey};
use crate::i18n::t;
use crate::locale::use_i18n;

/// A table's title in `lang` (its key when the app does not know it yet).
pub fn title_of(lang: Lang, key: &str) -> String {
    table_label(key).map_or_else(|| key.replace('_', " "), |k| t(lang, k).to_owned())
}

/// A row's label in `lang`: a word of the catalogue, or the recorded value itself (a commune),
/// capitalised.
pub fn row_text(lang: Lang, table: &str, row: &str) -> String {
    match row_label(table, row) {
        Some(text) => text.get(lang).to_owned(),
        None => {
            let mut c = row.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}

/// A figure, with "< 5" for a suppressed one (and words for screen readers).
#[component]
pub fn Figure(cell: ReportCell, unit: ReportUnit) -> impl IntoView {
    let i18n = use_i18n();
    if cell.suppressed {
        view! {
            <span class="suppressed">
                "< 5"
                <span class="visually-hidden">" " {move || i18n.t(RepKey::SuppressedSr)}</span>
            </span>
        }
        .into_any()
    } else {
        view! { <span class="figure">{move || format_cell(i18n.lang.get(), unit, &cell)}</span> }
            .into_any()
    }
}

/// The colour class of the `i`-th part of a chart.
fn tone(i: usize) -> String {
    format!("tone-{}", i % 6)
}

/// A breakdown: its chart and its data table. `open`: the table is shown as it is (the
/// printed report) rather than folded under "See the data table". `context`: the id of the
/// element naming the programme, read before the title in the scrollable table's name, so
/// that two programmes' tables of the same breakdown are distinct regions on one page.
#[component]
pub fn TableChart(
    id: String,
    table: ReportTable,
    #[prop(optional)] open: bool,
    #[prop(optional, into)] context: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title_id = format!("{id}-title");
    let labelled = title_id.clone();
    let region = match context {
        Some(c) => format!("{c} {title_id}"),
        None => title_id.clone(),
    };
    let key = StoredValue::new(table.key.clone());
    let title = move || title_of(i18n.lang.get(), &key.get_value());
    let all_hidden = table.rows.iter().all(|c| c.suppressed || c.value.is_none());
    let visual = if all_hidden {
        view! { <p class="hint chart-hidden">{move || i18n.t(RepKey::ChartHidden)}</p> }.into_any()
    } else {
        match chart_kind(&table) {
            ChartKind::Mix => mix_view(&table).into_any(),
            ChartKind::Bars => bars_view(&table).into_any(),
        }
    };
    let data = data_table(&table, region);
    let data = if open {
        data.into_any()
    } else {
        view! {
            <details class="chart-data">
                <summary>{move || i18n.t(RepKey::DataTable)}</summary>
                {data}
            </details>
        }
        .into_any()
    };
    view! {
        <figure class="chart report-chart" aria-labelledby=labelled>
            <figcaption id=title_id class="chart-title">{title}</figcaption>
            <div class="chart-visual" aria-hidden="true">{visual}</div>
            {data}
        </figure>
    }
}

fn bars_view(table: &ReportTable) -> impl IntoView {
    let i18n = use_i18n();
    let values = row_values(table);
    let top = nice_max(values.iter().flatten().copied().fold(0.0, f64::max));
    let grid: Vec<f64> = (1..4).map(|k| f64::from(k) * 25.0).collect();
    let table_key = table.key.clone();
    let unit = table.unit;
    let rows = table
        .rows
        .iter()
        .zip(values)
        .enumerate()
        .map(|(i, (cell, v))| {
            let label = {
                let (tk, rk) = (table_key.clone(), cell.key.clone());
                move || row_text(i18n.lang.get(), &tk, &rk)
            };
            let cell = cell.clone();
            let len = v.map(|v| bar_length(v, top)).unwrap_or(0.0);
            let grid = grid.clone();
            view! {
                <li class="chart-row">
                    <span class="chart-label">{label}</span>
                    <svg class="chart-bars" viewBox="0 0 100 24" preserveAspectRatio="none" focusable="false">
                        {grid.into_iter().map(|x| view! {
                            <line class="chart-grid" x1=x.to_string() x2=x.to_string() y1="0" y2="24"></line>
                        }).collect_view()}
                        {v.map(|_| view! {
                            <rect class=tone(i) x="0" y="5" width=format!("{len:.2}") height="14"></rect>
                        })}
                    </svg>
                    <span class="chart-values">{move || format_cell(i18n.lang.get(), unit, &cell)}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="chart-rows">{rows}</ul> }
}

fn mix_view(table: &ReportTable) -> impl IntoView {
    let i18n = use_i18n();
    let segments = mix_segments(table);
    let rects = segments
        .iter()
        .map(|s| {
            let class = s.index.map_or_else(|| "tone-hidden".to_owned(), tone);
            view! {
                <rect class=class x=format!("{:.2}", s.start) y="0" width=format!("{:.2}", s.width) height="10"></rect>
            }
        })
        .collect_view();
    let table_key = table.key.clone();
    let unit = table.unit;
    let legend = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            let (tk, rk) = (table_key.clone(), cell.key.clone());
            let pct = share(table, cell);
            let cell = cell.clone();
            view! {
                <li>
                    <span class=format!("swatch {}", tone(i))></span>
                    {move || row_text(i18n.lang.get(), &tk, &rk)}
                    " : "
                    {move || format_cell(i18n.lang.get(), unit, &cell)}
                    {pct.map(|p| {
                        let c = ReportCell { key: String::new(), value: Some(p), suppressed: false };
                        move || format!(" ({})", format_cell(i18n.lang.get(), ReportUnit::Percent, &c))
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <svg class="mix-bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">{rects}</svg>
        <ul class="chart-legend">{legend}</ul>
    }
}

fn data_table(table: &ReportTable, labelled: String) -> impl IntoView {
    let i18n = use_i18n();
    let unit = table.unit;
    let partition = table.partition;
    let table_key = table.key.clone();
    let rows = table
        .rows
        .iter()
        .map(|cell| {
            let (tk, rk) = (table_key.clone(), cell.key.clone());
            let pct = share(table, cell).map(|p| ReportCell {
                key: String::new(),
                value: Some(p),
                suppressed: false,
            });
            let hidden = cell.suppressed;
            view! {
                <tr>
                    <th scope="row">{move || row_text(i18n.lang.get(), &tk, &rk)}</th>
                    <td><Figure cell=cell.clone() unit/></td>
                    {partition.then(|| view! {
                        <td>{match pct {
                            Some(c) => view! { <Figure cell=c unit=ReportUnit::Percent/> }.into_any(),
                            None if hidden => view! { <span aria-hidden="true">"–"</span> }.into_any(),
                            None => view! { "–" }.into_any(),
                        }}</td>
                    })}
                </tr>
            }
        })
        .collect_view();
    let total = table.total.clone().filter(|_| partition).map(|c| {
        view! {
            <tr class="total">
                <th scope="row">{move || i18n.t(RepKey::Total)}</th>
                <td><Figure cell=c unit/></td>
                <td></td>
            </tr>
        }
    });
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby=labelled>
            <table class="report-table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(RepKey::ColItem)}</th>
                        <th scope="col">{move || i18n.t(RepKey::ColValue)}</th>
                        {partition.then(|| view! { <th scope="col">{move || i18n.t(RepKey::ColShare)}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                {total.map(|t| view! { <tfoot>{t}</tfoot> })}
            </table>
        </div>
    }
}

/// A line over the months of a year (people reached each month), with its data table.
#[component]
pub fn LineChart(
    id: &'static str,
    #[prop(into)] title: crate::i18n::Text,
    /// The points' labels (the months) and their figures.
    points: Vec<(String, ReportCell)>,
    #[prop(optional)] open: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let title_id = format!("{id}-title");
    let labelled = title_id.clone();
    let values: Vec<Option<f64>> = points
        .iter()
        .map(|(_, c)| if c.suppressed { None } else { c.value })
        .collect();
    let top = nice_max(values.iter().flatten().copied().fold(0.0, f64::max));
    let (w, h) = (300.0, 100.0);
    let runs = line_runs(&values, w, h, top);
    let dots: Vec<(f64, f64)> = runs.iter().flatten().copied().collect();
    let lines = runs
        .into_iter()
        .map(|run| view! { <polyline class="chart-line" points=svg_points(&run)></polyline> })
        .collect_view();
    let dots = dots
        .into_iter()
        .map(|(x, y)| {
            view! { <line class="chart-dot" x1=format!("{x:.1}") x2=format!("{x:.1}") y1=format!("{y:.1}") y2=format!("{y:.1}")></line> }
        })
        .collect_view();
    let grid = (0..=4)
        .map(|k| {
            let y = f64::from(k) * h / 4.0;
            view! { <line class="chart-grid" x1="0" x2=w.to_string() y1=y.to_string() y2=y.to_string()></line> }
        })
        .collect_view();
    let first = points.first().map(|(l, _)| l.clone()).unwrap_or_default();
    let last = points.last().map(|(l, _)| l.clone()).unwrap_or_default();
    let top_cell = ReportCell {
        key: String::new(),
        value: Some(top),
        suppressed: false,
    };
    let rows = points
        .into_iter()
        .map(|(label, cell)| {
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td><Figure cell unit=ReportUnit::People/></td>
                </tr>
            }
        })
        .collect_view();
    let data = view! {
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby=title_id.clone()>
            <table class="report-table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(RepKey::Month)}</th>
                        <th scope="col">{move || i18n.t(RepKey::ColValue)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    };
    let data = if open {
        data.into_any()
    } else {
        view! {
            <details class="chart-data">
                <summary>{move || i18n.t(RepKey::DataTable)}</summary>
                {data}
            </details>
        }
        .into_any()
    };
    view! {
        <figure class="chart report-chart line-chart" aria-labelledby=labelled>
            <figcaption id=title_id.clone() class="chart-title">{move || i18n.t(title)}</figcaption>
            <div class="chart-visual" aria-hidden="true">
                <span class="axis-top">{move || format_cell(i18n.lang.get(), ReportUnit::People, &top_cell)}</span>
                <svg class="chart-lines" viewBox="0 0 300 100" preserveAspectRatio="none" focusable="false">
                    {grid}
                    {lines}
                    {dots}
                </svg>
                <div class="axis-ends"><span>{first}</span><span>{last}</span></div>
            </div>
            {data}
        </figure>
    }
}
