//! From counts to published tables: every count of people goes through the suppression rule
//! here, so no caller can publish a raw small count.

use std::collections::BTreeMap;

use shared::reports::{ReportCell, ReportTable, ReportUnit};

use super::suppression::{hide_derived, small, suppress, CountTable};

/// Key of the cell that gathers free-text values too rare to be named.
pub const OTHER: &str = "other";
/// Key of the cell of people for whom a value is not recorded.
pub const UNKNOWN: &str = "unknown";

/// One breakdown of a population: `(key, count)` cells adding up to the population.
pub struct Breakdown {
    pub key: String,
    pub cells: Vec<(String, u64)>,
}

impl Breakdown {
    /// A breakdown over a fixed list of keys (every key present, zeros included).
    pub fn fixed<'a>(
        key: &str,
        keys: impl IntoIterator<Item = &'a str>,
        counts: &BTreeMap<String, u64>,
    ) -> Breakdown {
        Breakdown {
            key: key.into(),
            cells: keys
                .into_iter()
                .map(|k| (k.to_owned(), counts.get(k).copied().unwrap_or(0)))
                .collect(),
        }
    }

    /// A breakdown over free-text values: values seen fewer than 5 times are gathered under
    /// `other` (a rare value's very name could point at a person), `unknown` kept apart, keys
    /// in alphabetical order.
    pub fn free(key: &str, counts: &BTreeMap<String, u64>) -> Breakdown {
        let mut cells = Vec::new();
        let mut other = 0;
        for (k, n) in counts {
            if k == UNKNOWN {
                continue;
            } else if small(*n) || k == OTHER {
                other += n;
            } else {
                cells.push((k.clone(), *n));
            }
        }
        cells.push((OTHER.into(), other));
        cells.push((UNKNOWN.into(), counts.get(UNKNOWN).copied().unwrap_or(0)));
        Breakdown {
            key: key.into(),
            cells,
        }
    }
}

fn cell(key: &str, n: f64, hidden: bool) -> ReportCell {
    ReportCell {
        key: key.into(),
        value: (!hidden).then_some(n),
        suppressed: hidden,
    }
}

/// The breakdowns of one population of `total` people, suppressed together (complementary
/// suppression across them): one table per breakdown, each with the same total. A population
/// without breakdowns gives one table named `key`.
pub fn people(key: &str, total: u64, breakdowns: Vec<Breakdown>) -> Vec<ReportTable> {
    let table = CountTable {
        total,
        partitions: breakdowns
            .iter()
            .map(|b| b.cells.iter().map(|(_, n)| *n).collect())
            .collect(),
    };
    let hidden = suppress(&table);
    let total_cell = cell(key, total as f64, hidden.total);
    if breakdowns.is_empty() {
        return vec![ReportTable {
            key: key.into(),
            unit: ReportUnit::People,
            total: Some(total_cell),
            partition: true,
            rows: Vec::new(),
        }];
    }
    breakdowns
        .into_iter()
        .zip(hidden.cells)
        .map(|(b, flags)| ReportTable {
            key: b.key,
            unit: ReportUnit::People,
            total: Some(total_cell.clone()),
            partition: true,
            rows: b
                .cells
                .iter()
                .zip(flags)
                .map(|((k, n), h)| cell(k, *n as f64, h))
                .collect(),
        })
        .collect()
}

/// A list of counts of people where one person may count in several rows (languages): no sum
/// to difference, so each small count is hidden on its own. Rare free-text keys are gathered
/// under `other`.
pub fn people_list(key: &str, counts: &BTreeMap<String, u64>) -> ReportTable {
    let mut rows: Vec<ReportCell> = counts
        .iter()
        .filter(|(_, n)| !small(**n))
        .map(|(k, n)| cell(k, *n as f64, false))
        .collect();
    // "Other" counts mentions, not people, so it may exceed the people behind it; hidden when
    // small like any other row.
    let other: u64 = counts.values().filter(|n| small(**n)).sum();
    rows.push(cell(OTHER, other as f64, small(other)));
    ReportTable {
        key: key.into(),
        unit: ReportUnit::People,
        total: None,
        partition: false,
        rows,
    }
}

/// Counts of things that are not people (sessions, milestones): shown as they are.
pub fn things(key: &str, total: u64, rows: Vec<(String, u64)>) -> ReportTable {
    ReportTable {
        key: key.into(),
        unit: ReportUnit::Count,
        total: Some(cell(key, total as f64, false)),
        partition: !rows.is_empty(),
        rows: rows
            .into_iter()
            .map(|(k, n)| cell(&k, n as f64, false))
            .collect(),
    }
}

/// A figure made from `base` people (hours, a rate, a mean): hidden when the base is small or
/// hidden, and when there is nothing to compute it from. Rounded to one decimal.
pub fn measure(key: &str, unit: ReportUnit, value: Option<f64>, base: u64) -> ReportTable {
    let hidden = hide_derived(base, false) || value.is_none();
    ReportTable {
        key: key.into(),
        unit,
        total: Some(ReportCell {
            key: key.into(),
            value: value.filter(|_| !hidden).map(|v| (v * 10.0).round() / 10.0),
            suppressed: hidden,
        }),
        partition: false,
        rows: Vec::new(),
    }
}

/// `part` of `whole` in percent, or nothing when `whole` is 0.
pub fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// The mean of `values`, or nothing when there are none.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
        pairs.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
    }

    #[test]
    fn rare_free_text_values_are_not_named() {
        let b = Breakdown::free(
            "by_commune",
            &counts(&[("Liège", 20), ("Ans", 2), ("Huy", 1), ("unknown", 7)]),
        );
        assert_eq!(
            b.cells,
            [
                ("Liège".to_owned(), 20),
                (OTHER.to_owned(), 3),
                (UNKNOWN.to_owned(), 7)
            ]
        );
    }

    #[test]
    fn tables_never_carry_a_small_count() {
        let tables = people(
            "reached",
            30,
            vec![
                Breakdown::fixed(
                    "by_category",
                    ["newcomer", "local"],
                    &counts(&[("newcomer", 27), ("local", 3)]),
                ),
                Breakdown::free("by_gender", &counts(&[("woman", 16), ("man", 14)])),
            ],
        );
        assert_eq!(tables.len(), 2);
        let category = &tables[0];
        assert_eq!(category.total.as_ref().and_then(|c| c.value), Some(30.0));
        // 3 locals hidden, and the newcomers with them (else 30 - 27).
        assert!(category
            .rows
            .iter()
            .all(|c| c.suppressed && c.value.is_none()));
        let gender = &tables[1];
        // "other" and "unknown" are 0 + 0: hidden, and the smallest named cell (man, 14) with
        // them, so the women's 16 stays.
        assert_eq!(gender.rows[1].value, Some(16.0));
        assert_eq!(
            gender.rows.iter().filter(|c| c.suppressed).count(),
            3,
            "{gender:?}"
        );
    }

    #[test]
    fn derived_figures_hide_with_a_small_base() {
        let t = measure("hours", ReportUnit::Hours, Some(7.25), 4);
        assert!(t
            .total
            .as_ref()
            .is_some_and(|c| c.suppressed && c.value.is_none()));
        let t = measure("hours", ReportUnit::Hours, Some(7.25), 5);
        assert_eq!(t.total.and_then(|c| c.value), Some(7.3));
        assert_eq!(percent(1, 4), Some(25.0));
        assert_eq!(percent(1, 0), None);
        assert_eq!(mean(&[1.0, 2.0]), Some(1.5));
    }

    #[test]
    fn language_lists_hide_small_rows_and_name_no_rare_language() {
        let t = people_list("languages", &counts(&[("fr", 30), ("ar", 6), ("ti", 1)]));
        let keys: Vec<&str> = t.rows.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["ar", "fr", OTHER]);
        assert!(t.rows[2].suppressed);
    }
}
