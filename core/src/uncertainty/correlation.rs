//! Rank correlation between sampled inputs by the Iman–Conover method (Iman and Conover,
//! "A distribution-free approach to inducing rank correlation among input variables",
//! Communications in Statistics B 11(3), 1982): the columns are reordered, never changed, so
//! each input keeps its distribution (and a Latin hypercube its strata).

use super::distribution::normal_quantile;
use super::random::permutation;
use super::statistics::{pearson, ranks};

/// Keys of the score permutations (apart from the Latin-hypercube ones, keyed by input).
const SCORE_KEYS: u64 = 1 << 32;

/// The lower-triangular L with L Lᵀ = `m` (k × k, row-major), or None if `m` is not
/// positive definite.
pub(crate) fn cholesky(m: &[f64], k: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..=i {
            let mut s = m[i * k + j];
            for p in 0..j {
                s -= l[i * k + p] * l[j * k + p];
            }
            if i == j {
                if s <= 1e-12 {
                    return None;
                }
                l[i * k + i] = s.sqrt();
            } else {
                l[i * k + j] = s / l[j * k + j];
            }
        }
    }
    Some(l)
}

/// Solve L x = b for lower-triangular L (k × k).
fn forward(l: &[f64], k: usize, b: &[f64]) -> Vec<f64> {
    let mut x = vec![0.0; k];
    for i in 0..k {
        let mut s = b[i];
        for p in 0..i {
            s -= l[i * k + p] * x[p];
        }
        x[i] = s / l[i * k + i];
    }
    x
}

/// Reorder `columns` (one per input, all of one length) so that their rank correlations
/// approach `target` (k × k, row-major, positive definite; checked by the caller).
pub(crate) fn induce(columns: &mut [Vec<f64>], target: &[f64], seed: u64) {
    let k = columns.len();
    let n = columns.first().map_or(0, Vec::len);
    if k < 2 || n < 3 {
        return;
    }
    // Van der Waerden scores, each column in a random order of its own.
    let scores: Vec<f64> = (1..=n)
        .map(|i| normal_quantile(i as f64 / (n as f64 + 1.0)))
        .collect();
    let s: Vec<Vec<f64>> = (0..k)
        .map(|j| {
            permutation(seed, SCORE_KEYS | j as u64, n as u32)
                .into_iter()
                .map(|p| scores[p as usize])
                .collect()
        })
        .collect();
    // Their correlation E = Q Qᵀ, the target C = P Pᵀ; T = S Q⁻ᵀ Pᵀ has correlation C.
    let mut e = vec![0.0; k * k];
    for a in 0..k {
        for b in 0..k {
            e[a * k + b] = if a == b { 1.0 } else { pearson(&s[a], &s[b]) };
        }
    }
    let (Some(q), Some(p)) = (cholesky(&e, k), cholesky(target, k)) else {
        return;
    };
    let mut t = vec![vec![0.0; n]; k];
    let mut row = vec![0.0; k];
    for i in 0..n {
        for (j, r) in row.iter_mut().enumerate() {
            *r = s[j][i];
        }
        let z = forward(&q, k, &row);
        for a in 0..k {
            t[a][i] = (0..=a).map(|b| p[a * k + b] * z[b]).sum();
        }
    }
    // Each column takes the order of its T column.
    for (column, tj) in columns.iter_mut().zip(&t) {
        let mut sorted = column.clone();
        sorted.sort_by(f64::total_cmp);
        let order = ranks(tj);
        for (x, r) in column.iter_mut().zip(order) {
            // Ranks of distinct continuous scores are whole numbers 1..=n.
            *x = sorted[(r as usize).saturating_sub(1).min(n - 1)];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::random::uniforms;
    use super::super::statistics::spearman;
    use super::*;
    use crate::sections::uncertainty::Method;

    #[test]
    fn cholesky_of_a_known_matrix() {
        let l = cholesky(&[4.0, 2.0, 2.0, 5.0], 2).unwrap();
        assert_eq!(l, vec![2.0, 0.0, 1.0, 2.0]);
        assert!(cholesky(&[1.0, 1.2, 1.2, 1.0], 2).is_none());
    }

    #[test]
    fn induced_rank_correlation_reaches_the_target() {
        let mut columns = uniforms(11, Method::Lhs, 2_000, 3);
        let before = columns.clone();
        let target = [1.0, 0.8, -0.3, 0.8, 1.0, 0.0, -0.3, 0.0, 1.0];
        induce(&mut columns, &target, 11);
        assert!((spearman(&columns[0], &columns[1]) - 0.8).abs() < 0.03);
        assert!((spearman(&columns[0], &columns[2]) + 0.3).abs() < 0.03);
        assert!(spearman(&columns[1], &columns[2]).abs() < 0.05);
        // Only reordered: each column holds the same values as before.
        for (a, b) in columns.iter().zip(&before) {
            let (mut a, mut b) = (a.clone(), b.clone());
            a.sort_by(f64::total_cmp);
            b.sort_by(f64::total_cmp);
            assert_eq!(a, b);
        }
    }
}
