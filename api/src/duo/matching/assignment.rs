//! Exact maximum-weight bipartite assignment (Hungarian method with potentials, shortest
//! augmenting paths, after a column-reduction start as in Jonker–Volgenant).
//!
//! Weights are integers (scores scaled by the caller) so that optimality is exact. A weight of
//! 0 means "no pair": the result never pairs on it, and people may stay unmatched.

/// Rows × columns weight matrix, row-major.
pub struct Weights {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<i64>,
}

impl Weights {
    pub fn new(rows: usize, cols: usize) -> Weights {
        Weights {
            rows,
            cols,
            data: vec![0; rows * cols],
        }
    }

    pub fn get(&self, r: usize, c: usize) -> i64 {
        self.data[r * self.cols + c]
    }

    pub fn set(&mut self, r: usize, c: usize, w: i64) {
        self.data[r * self.cols + c] = w.max(0);
    }
}

/// The pairs `(row, column)` of a maximum-total-weight matching using only positive weights.
pub fn max_weight_matching(w: &Weights) -> Vec<(usize, usize)> {
    let n = w.rows.max(w.cols);
    if n == 0 {
        return vec![];
    }
    let max = w.data.iter().copied().max().unwrap_or(0);
    // Square cost matrix: cost = max - weight; padding and zero weights cost `max` (no gain).
    let mut cost = vec![max; n * n];
    for r in 0..w.rows {
        let src = &w.data[r * w.cols..(r + 1) * w.cols];
        let dst = &mut cost[r * n..r * n + w.cols];
        for (d, s) in dst.iter_mut().zip(src) {
            *d = max - *s;
        }
    }
    let row_to_col = solve_min_cost(&cost, n);
    row_to_col
        .into_iter()
        .enumerate()
        .filter(|&(r, c)| r < w.rows && c < w.cols && w.get(r, c) > 0)
        .collect()
}

const NONE: usize = usize::MAX;

/// Minimum-cost perfect assignment of a square `n × n` matrix; returns the column of each row.
pub fn solve_min_cost(cost: &[i64], n: usize) -> Vec<usize> {
    let mut u = vec![0i64; n]; // row potentials
    let mut v = vec![0i64; n]; // column potentials
    let mut row_of = vec![NONE; n]; // column -> row
    let mut col_of = vec![NONE; n]; // row -> column

    // Column reduction: v[j] = min_i c[i][j]; take that edge when its row is still free.
    for j in 0..n {
        let (mut best, mut arg) = (i64::MAX, 0);
        for i in 0..n {
            let c = cost[i * n + j];
            if c < best {
                best = c;
                arg = i;
            }
        }
        v[j] = best;
        if col_of[arg] == NONE {
            col_of[arg] = j;
            row_of[j] = arg;
        }
    }
    // Potentials are feasible (u = 0, v = column minima) and tight on the edges taken.

    let mut dist = vec![0i64; n];
    let mut prev = vec![NONE; n]; // column -> previous column on the path (NONE: from the start row)
    let mut done = vec![false; n];
    for start in 0..n {
        if col_of[start] != NONE {
            continue;
        }
        // Dijkstra over columns with reduced costs c[i][j] - u[i] - v[j] >= 0.
        for j in 0..n {
            dist[j] = cost[start * n + j] - u[start] - v[j];
            prev[j] = NONE;
            done[j] = false;
        }
        let end;
        loop {
            let mut j_min = NONE;
            let mut d_min = i64::MAX;
            for j in 0..n {
                if !done[j] && dist[j] < d_min {
                    d_min = dist[j];
                    j_min = j;
                }
            }
            if j_min == NONE {
                // Cannot happen on a complete matrix; keep the assignment partial but valid.
                end = NONE;
                break;
            }
            done[j_min] = true;
            let i = row_of[j_min];
            if i == NONE {
                end = j_min;
                break;
            }
            let base = d_min - (cost[i * n + j_min] - u[i] - v[j_min]);
            let row = &cost[i * n..(i + 1) * n];
            for j in 0..n {
                if !done[j] {
                    let nd = base + row[j] - u[i] - v[j];
                    if nd < dist[j] {
                        dist[j] = nd;
                        prev[j] = j_min;
                    }
                }
            }
        }
        if end == NONE {
            continue;
        }
        // Update potentials so that reduced costs stay non-negative and the path is tight.
        let d_end = dist[end];
        for j in 0..n {
            if done[j] {
                let i = row_of[j];
                if i != NONE {
                    u[i] += d_end - dist[j];
                }
                v[j] -= d_end - dist[j];
            }
        }
        u[start] += d_end;
        // Augment along the path.
        let mut j = end;
        loop {
            let pj = prev[j];
            let i = if pj == NONE { start } else { row_of[pj] };
            row_of[j] = i;
            col_of[i] = j;
            if pj == NONE {
                break;
            }
            j = pj;
        }
    }
    col_of
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exhaustive maximum over all partial matchings (small sizes only).
    pub fn brute_force(w: &Weights) -> i64 {
        fn go(w: &Weights, r: usize, used: &mut Vec<bool>) -> i64 {
            if r == w.rows {
                return 0;
            }
            let mut best = go(w, r + 1, used); // row r unmatched
            for c in 0..w.cols {
                if !used[c] && w.get(r, c) > 0 {
                    used[c] = true;
                    best = best.max(w.get(r, c) + go(w, r + 1, used));
                    used[c] = false;
                }
            }
            best
        }
        go(w, 0, &mut vec![false; w.cols])
    }

    fn total(w: &Weights, pairs: &[(usize, usize)]) -> i64 {
        pairs.iter().map(|&(r, c)| w.get(r, c)).sum()
    }

    /// Small deterministic pseudo-random generator (no dependency, reproducible).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    #[test]
    fn matches_brute_force_on_random_pools_up_to_8x8() {
        let mut rng = Lcg(42);
        for case in 0..600 {
            let rows = 1 + (rng.next() % 8) as usize;
            let cols = 1 + (rng.next() % 8) as usize;
            let mut w = Weights::new(rows, cols);
            let sparsity = rng.next() % 4; // 0: dense .. 3: mostly forbidden
            for r in 0..rows {
                for c in 0..cols {
                    let allowed = rng.next() % 4 >= sparsity;
                    if allowed {
                        w.set(r, c, (rng.next() % 1000) as i64);
                    }
                }
            }
            let pairs = max_weight_matching(&w);
            // A valid matching: each row and column at most once, only positive weights.
            let mut rs = std::collections::HashSet::new();
            let mut cs = std::collections::HashSet::new();
            for &(r, c) in &pairs {
                assert!(
                    rs.insert(r) && cs.insert(c),
                    "case {case}: reused row or column"
                );
                assert!(w.get(r, c) > 0, "case {case}: paired on a forbidden cell");
            }
            assert_eq!(
                total(&w, &pairs),
                brute_force(&w),
                "case {case}: {rows}x{cols} not optimal"
            );
        }
    }

    #[test]
    fn empty_and_all_forbidden_pools_pair_nobody() {
        assert!(max_weight_matching(&Weights::new(0, 5)).is_empty());
        assert!(max_weight_matching(&Weights::new(3, 3)).is_empty());
    }

    #[test]
    fn prefers_the_better_total_over_the_greedy_choice() {
        // Greedy would take (0,0)=10 and leave row 1 with nothing: total 10. Optimal is 9+8.
        let mut w = Weights::new(2, 2);
        w.set(0, 0, 10);
        w.set(0, 1, 9);
        w.set(1, 0, 8);
        let pairs = max_weight_matching(&w);
        assert_eq!(total(&w, &pairs), 17);
    }
}
