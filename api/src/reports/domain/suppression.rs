//! Small-count protection: no published figure may count fewer than 5 people, and no hidden
//! figure may be recomputed from what is published.
//!
//! A [`CountTable`] is one population (its `total`) and several breakdowns of it, each a
//! *partition* (every person in exactly one cell, `unknown` included), so each breakdown adds
//! up to the total. The rule, applied by [`suppress`]:
//! 1. primary: a cell (or the total) under [`THRESHOLD`] is hidden, zero included (zero is a
//!    small count too: "nobody from X" is as telling as "one person from X");
//! 2. complementary, per breakdown, while the total is published: a breakdown hides no cell, or
//!    at least two whose sum is at least 1, and, when every hidden cell is small, at most
//!    `4 × hidden − 1`, so that differencing the total leaves several possible values for each
//!    hidden cell even to a reader who knows that a hidden cell is under 5. The next cell hidden
//!    is the smallest published one; if none is left, the total is hidden;
//! 3. when the total is hidden, every breakdown hides at least two cells (else the breakdown's
//!    sum would give the total back, and with it the hidden cells of the others).
//!
//! Breakdowns share only their total, so protecting the total protects the table. Figures that
//! are not counts of people (hours, rates, means) are hidden when their base is hidden
//! ([`hide_derived`]). Lists where a person may count several times (languages) have no sum to
//! difference: primary suppression only.

/// The smallest count of people a report shows.
pub const THRESHOLD: u64 = 5;

/// A population and its breakdowns; every breakdown's cells add up to `total`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountTable {
    pub total: u64,
    pub partitions: Vec<Vec<u64>>,
}

/// Which figures of a [`CountTable`] are hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hidden {
    pub total: bool,
    pub cells: Vec<Vec<bool>>,
}

/// Whether one count is small (primary suppression).
pub fn small(n: u64) -> bool {
    n < THRESHOLD
}

/// Applies the primary and complementary rules to `table`.
pub fn suppress(table: &CountTable) -> Hidden {
    let mut hidden = Hidden {
        total: small(table.total),
        cells: table
            .partitions
            .iter()
            .map(|p| p.iter().map(|n| small(*n) || small(table.total)).collect())
            .collect(),
    };
    // Each pass only hides more, so this ends; a second pass is needed when the total became
    // hidden during the first one.
    loop {
        let mut changed = false;
        for (cells, flags) in table.partitions.iter().zip(hidden.cells.iter_mut()) {
            while !safe(cells, flags, hidden.total) {
                match smallest_shown(cells, flags) {
                    Some(i) => flags[i] = true,
                    None => {
                        hidden.total = true;
                        break;
                    }
                }
                changed = true;
            }
        }
        if !changed {
            return hidden;
        }
    }
}

/// Whether a breakdown leaves each of its hidden cells undetermined.
fn safe(cells: &[u64], flags: &[bool], total_hidden: bool) -> bool {
    let hidden: Vec<u64> = cells
        .iter()
        .zip(flags)
        .filter(|(_, h)| **h)
        .map(|(n, _)| *n)
        .collect();
    let k = hidden.len() as u64;
    if total_hidden {
        // Without the total, a breakdown needs two hidden cells (or none to hide: one cell).
        return k >= 2 || k as usize == cells.len();
    }
    if k == 0 {
        return true;
    }
    let sum: u64 = hidden.iter().sum();
    let all_small = hidden.iter().all(|n| small(*n));
    k >= 2 && sum >= 1 && (!all_small || sum < (THRESHOLD - 1) * k)
}

fn smallest_shown(cells: &[u64], flags: &[bool]) -> Option<usize> {
    cells
        .iter()
        .zip(flags)
        .enumerate()
        .filter(|(_, (_, h))| !**h)
        .min_by_key(|(_, (n, _))| **n)
        .map(|(i, _)| i)
}

/// A figure computed from a count of people (hours, a rate, a mean) is hidden when that
/// count is small or hidden.
pub fn hide_derived(base: u64, base_hidden: bool) -> bool {
    base_hidden || small(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use std::collections::BTreeSet;

    /// Everything a reader sees of a suppressed table.
    struct Published {
        total: Option<u64>,
        partitions: Vec<Vec<Option<u64>>>,
    }

    fn publish(t: &CountTable, h: &Hidden) -> Published {
        Published {
            total: (!h.total).then_some(t.total),
            partitions: t
                .partitions
                .iter()
                .zip(&h.cells)
                .map(|(p, f)| p.iter().zip(f).map(|(n, h)| (!h).then_some(*n)).collect())
                .collect(),
        }
    }

    /// An attacker who knows every published figure and that every breakdown adds up to the
    /// total, and, in the stronger model, that each hidden figure is under 5 (`cap = Some(4)`;
    /// `None`: any value). Returns, for the total and then each hidden cell, every value seen in
    /// some solution consistent with what is published (hidden totals tried up to `limit`).
    fn possible(p: &Published, cap: Option<u64>, limit: u64) -> Vec<BTreeSet<u64>> {
        let totals: Vec<u64> = match p.total {
            Some(t) => vec![t],
            None => (0..=cap.unwrap_or(limit).min(limit)).collect(),
        };
        let slots: usize = p
            .partitions
            .iter()
            .map(|c| c.iter().filter(|v| v.is_none()).count())
            .sum();
        let mut seen: Vec<BTreeSet<u64>> = vec![BTreeSet::new(); slots + 1];
        for t in totals {
            // Per breakdown, the values each hidden cell can take with this total.
            let mut per: Vec<(u64, u64, u64)> = Vec::new();
            let mut ok = true;
            for cells in &p.partitions {
                let shown: u64 = cells.iter().flatten().sum();
                let k = cells.iter().filter(|v| v.is_none()).count() as u64;
                let Some(rest) = t.checked_sub(shown) else {
                    ok = false;
                    break;
                };
                let ub = cap.unwrap_or(rest);
                if (k == 0 && rest != 0) || rest > ub * k {
                    ok = false;
                    break;
                }
                per.push((
                    k,
                    rest.saturating_sub(ub * k.saturating_sub(1)),
                    ub.min(rest),
                ));
            }
            if !ok {
                continue;
            }
            seen[0].insert(t);
            let mut i = 1;
            for (k, lo, hi) in per {
                for _ in 0..k {
                    seen[i].extend(lo..=hi);
                    i += 1;
                }
            }
        }
        seen
    }

    /// The attack: is any hidden figure pinned to its true value?
    fn recovered(t: &CountTable, h: &Hidden) -> Option<String> {
        let p = publish(t, h);
        let truth: Vec<u64> = std::iter::once(t.total)
            .chain(
                t.partitions
                    .iter()
                    .zip(&h.cells)
                    .flat_map(|(c, f)| c.iter().zip(f).filter(|(_, h)| **h).map(|(n, _)| *n)),
            )
            .collect();
        for cap in [None, Some(THRESHOLD - 1)] {
            let sets = possible(&p, cap, t.total + 20);
            for (i, (s, v)) in sets.iter().zip(&truth).enumerate() {
                if (i > 0 || h.total) && s.len() == 1 && s.contains(v) {
                    return Some(format!("figure {i} recovered as {v} (cap {cap:?})"));
                }
            }
        }
        None
    }

    fn table(total: u64, partitions: &[&[u64]]) -> CountTable {
        let t = CountTable {
            total,
            partitions: partitions.iter().map(|p| p.to_vec()).collect(),
        };
        for p in &t.partitions {
            assert_eq!(
                p.iter().sum::<u64>(),
                total,
                "a breakdown adds up to the total"
            );
        }
        t
    }

    #[test]
    fn one_small_cell_takes_a_second_one_with_it() {
        // 30 people: 3 women would be 30 - 15 - 12 from the published figures.
        let t = table(30, &[&[15, 12, 3], &[10, 20]]);
        let h = suppress(&t);
        assert!(!h.total);
        assert_eq!(h.cells[0], [false, true, true]);
        assert_eq!(h.cells[1], [false, false]);
        assert_eq!(recovered(&t, &h), None);
    }

    #[test]
    fn nothing_is_hidden_when_every_cell_is_large() {
        let t = table(40, &[&[15, 25], &[10, 10, 20]]);
        let h = suppress(&t);
        assert!(!h.total);
        assert!(h.cells.iter().flatten().all(|x| !x));
    }

    #[test]
    fn a_small_total_hides_everything() {
        let t = table(4, &[&[2, 2], &[4, 0]]);
        let h = suppress(&t);
        assert!(h.total);
        assert!(h.cells.iter().flatten().all(|x| *x));
    }

    #[test]
    fn two_small_cells_at_four_would_be_pinned_by_the_cap() {
        // 4 + 4 = 8 hidden: a reader who knows both are under 5 knows both are 4.
        let t = table(28, &[&[20, 4, 4]]);
        let h = suppress(&t);
        assert_eq!(h.cells[0], [true, true, true], "{h:?}");
        assert_eq!(recovered(&t, &h), None);
    }

    #[test]
    fn zeros_alone_are_not_enough() {
        // Two hidden zeros: the difference is 0, so both would be known to be 0.
        let t = table(20, &[&[8, 12, 0, 0]]);
        let h = suppress(&t);
        assert_eq!(h.cells[0], [true, false, true, true]);
        assert_eq!(recovered(&t, &h), None);
    }

    #[test]
    fn the_total_goes_when_a_breakdown_has_nothing_left_to_hide() {
        // 8 = 4 + 4 and no other cell: the total must go, and the other breakdown must then
        // hide two cells, or its sum would give the total back.
        let t = table(8, &[&[4, 4], &[2, 6], &[8]]);
        let h = suppress(&t);
        assert!(h.total);
        assert_eq!(recovered(&t, &h), None);
        for flags in &h.cells {
            assert!(flags.iter().filter(|x| **x).count() >= flags.len().min(2));
        }
    }

    #[test]
    fn the_attack_finds_what_primary_suppression_alone_leaves() {
        // The check itself can fail: with primary suppression only, the single hidden cell is
        // recovered.
        let t = table(30, &[&[15, 12, 3]]);
        let naive = Hidden {
            total: false,
            cells: vec![vec![false, false, true]],
        };
        assert!(recovered(&t, &naive).is_some());
        let zeros = Hidden {
            total: false,
            cells: vec![vec![false, false, true, true]],
        };
        assert!(recovered(&table(27, &[&[15, 12, 0, 0]]), &zeros).is_some());
    }

    #[test]
    fn random_tables_never_give_a_hidden_cell_back() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(17);
        for round in 0..3000 {
            let parts = rng.gen_range(1..=3);
            let total = if round % 3 == 0 {
                rng.gen_range(0..12)
            } else {
                rng.gen_range(0..60)
            };
            let partitions: Vec<Vec<u64>> = (0..parts)
                .map(|_| {
                    let cells = rng.gen_range(1..=5);
                    let mut v = vec![0u64; cells];
                    for _ in 0..total {
                        // Skewed, so small cells are common.
                        let i = if rng.gen_bool(0.7) {
                            0
                        } else {
                            rng.gen_range(0..cells)
                        };
                        v[i] += 1;
                    }
                    v
                })
                .collect();
            let t = CountTable { total, partitions };
            let h = suppress(&t);
            if let Some(found) = recovered(&t, &h) {
                panic!("{t:?} published as {h:?}: {found}");
            }
            // And nothing small is ever shown.
            assert!(h.total || !small(t.total));
            for (p, f) in t.partitions.iter().zip(&h.cells) {
                for (n, hidden) in p.iter().zip(f) {
                    assert!(*hidden || !small(*n), "{t:?}: {n} shown");
                }
            }
        }
    }

    #[test]
    fn derived_figures_follow_their_base() {
        assert!(hide_derived(4, false));
        assert!(hide_derived(50, true));
        assert!(!hide_derived(5, false));
    }
}
