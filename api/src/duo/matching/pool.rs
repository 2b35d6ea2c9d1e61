//! Matching over a pool: ranked suggestions for one person, and the optimal batch.

use uuid::Uuid;

use super::assignment::{max_weight_matching, Weights as Matrix};
use super::score::{
    assignment_weight, check, score, Blocked, Breakdown, Exclusion, Profile, Weights, World,
};

/// A possible partner for someone.
#[derive(Debug, Clone)]
pub struct Suggestion {
    pub other: usize,
    pub breakdown: Breakdown,
}

/// The `k` best partners for `person` among `pool` (hard constraints applied), best first.
pub fn suggestions(
    person: &Profile,
    pool: &[Profile],
    world: &World,
    weights: &Weights,
    blocked: &Blocked,
    k: usize,
) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = pool
        .iter()
        .enumerate()
        .filter(|(_, o)| o.id != person.id && check(person, o, world, blocked).is_ok())
        .map(|(i, o)| Suggestion {
            other: i,
            breakdown: score(person, o, world, weights),
        })
        .collect();
    out.sort_by(|a, b| {
        b.breakdown
            .total
            .total_cmp(&a.breakdown.total)
            .then_with(|| pool[a.other].id.cmp(&pool[b.other].id))
    });
    out.truncate(k);
    out
}

/// Why someone is left unmatched by a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmatched {
    /// Every pair is excluded by a hard constraint (the most frequent one is given).
    NoCompatiblePartner(Exclusion),
    /// Compatible partners exist, but all score below the threshold.
    BelowThreshold,
    /// Good partners exist, but they were better used in other pairs.
    OutnumberedOrTaken,
}

#[derive(Debug, Clone)]
pub struct BatchPair {
    pub newcomer: usize,
    pub local: usize,
    pub breakdown: Breakdown,
    pub pinned: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Batch {
    pub pairs: Vec<BatchPair>,
    pub unmatched_newcomers: Vec<(usize, Unmatched)>,
    pub unmatched_locals: Vec<(usize, Unmatched)>,
}

impl Batch {
    pub fn total(&self) -> f64 {
        self.pairs.iter().map(|p| p.breakdown.total).sum()
    }
}

/// A globally optimal one-to-one assignment maximising the total score under the hard
/// constraints; pairs below the threshold are not proposed; `pinned` pairs (indices into
/// `newcomers` and `locals`) are kept as chosen by a coordinator.
pub fn batch(
    newcomers: &[Profile],
    locals: &[Profile],
    pinned: &[(usize, usize)],
    world: &World,
    weights: &Weights,
    blocked: &Blocked,
) -> Batch {
    let pinned_n: Vec<usize> = pinned.iter().map(|p| p.0).collect();
    let pinned_l: Vec<usize> = pinned.iter().map(|p| p.1).collect();
    let free_n: Vec<usize> = (0..newcomers.len())
        .filter(|i| !pinned_n.contains(i))
        .collect();
    let free_l: Vec<usize> = (0..locals.len())
        .filter(|j| !pinned_l.contains(j))
        .collect();

    let mut matrix = Matrix::new(free_n.len(), free_l.len());
    // Per person: the most frequent exclusion and whether any compatible partner exists.
    let mut n_info = vec![(0usize, [0u32; 5]); free_n.len()];
    let mut l_info = vec![(0usize, [0u32; 5]); free_l.len()];
    for (r, &i) in free_n.iter().enumerate() {
        for (c, &j) in free_l.iter().enumerate() {
            match check(&newcomers[i], &locals[j], world, blocked) {
                Ok(()) => {
                    let b = score(&newcomers[i], &locals[j], world, weights);
                    n_info[r].0 += 1;
                    l_info[c].0 += 1;
                    if b.total >= weights.threshold {
                        matrix.set(r, c, assignment_weight(b.total).max(1));
                    }
                }
                Err(e) => {
                    let k = exclusion_index(e);
                    n_info[r].1[k] += 1;
                    l_info[c].1[k] += 1;
                }
            }
        }
    }
    let mut result = Batch::default();
    for &(i, j) in pinned {
        result.pairs.push(BatchPair {
            newcomer: i,
            local: j,
            breakdown: score(&newcomers[i], &locals[j], world, weights),
            pinned: true,
        });
    }
    let matched = max_weight_matching(&matrix);
    let mut used_r = vec![false; free_n.len()];
    let mut used_c = vec![false; free_l.len()];
    for (r, c) in matched {
        used_r[r] = true;
        used_c[c] = true;
        let (i, j) = (free_n[r], free_l[c]);
        result.pairs.push(BatchPair {
            newcomer: i,
            local: j,
            breakdown: score(&newcomers[i], &locals[j], world, weights),
            pinned: false,
        });
    }
    let reason = |compatible: usize, exclusions: &[u32; 5], has_good: bool| {
        if compatible == 0 {
            let k = (0..5).max_by_key(|k| exclusions[*k]).unwrap_or(0);
            Unmatched::NoCompatiblePartner(EXCLUSIONS[k])
        } else if !has_good {
            Unmatched::BelowThreshold
        } else {
            Unmatched::OutnumberedOrTaken
        }
    };
    for (r, &i) in free_n.iter().enumerate() {
        if !used_r[r] {
            let good = (0..free_l.len()).any(|c| matrix.get(r, c) > 0);
            result
                .unmatched_newcomers
                .push((i, reason(n_info[r].0, &n_info[r].1, good)));
        }
    }
    for (c, &j) in free_l.iter().enumerate() {
        if !used_c[c] {
            let good = (0..free_n.len()).any(|r| matrix.get(r, c) > 0);
            result
                .unmatched_locals
                .push((j, reason(l_info[c].0, &l_info[c].1, good)));
        }
    }
    result
        .pairs
        .sort_by(|a, b| b.breakdown.total.total_cmp(&a.breakdown.total));
    result
}

const EXCLUSIONS: [Exclusion; 5] = [
    Exclusion::SameSide,
    Exclusion::NoCommonSlot,
    Exclusion::TooFar,
    Exclusion::PreferenceNotMet,
    Exclusion::Blocked,
];

fn exclusion_index(e: Exclusion) -> usize {
    EXCLUSIONS.iter().position(|x| *x == e).unwrap_or(0)
}

/// Ids of a batch's pairs, for storing proposals.
pub fn pair_ids(b: &Batch, newcomers: &[Profile], locals: &[Profile]) -> Vec<(Uuid, Uuid)> {
    b.pairs
        .iter()
        .map(|p| (newcomers[p.newcomer].id, locals[p.local].id))
        .collect()
}
