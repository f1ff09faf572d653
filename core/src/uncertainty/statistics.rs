//! Statistics of a column of draws: moments, percentiles, histogram, rank correlation and
//! standardized regression coefficients. Sums run in the draws' order, so the same draws give
//! the same bits whatever computed them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Bins of a [`Spread`]'s histogram.
pub const HISTOGRAM_BINS: usize = 20;

/// The spread of one result over the draws where it is defined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Spread {
    /// Mean.
    pub mean: f64,
    /// Standard deviation (n − 1 in the denominator).
    pub sd: f64,
    /// Standard error of the mean: sd / √n.
    pub sem: f64,
    /// Smallest value drawn.
    pub min: f64,
    /// 5th percentile: 5 % of the draws lie below it.
    pub p5: f64,
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile: 90 % of the draws lie below it (in energy finance "P90" often means
    /// the value exceeded 90 % of the time, which is this table's `p10`).
    pub p90: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Largest value drawn.
    pub max: f64,
    /// Histogram: `edges` (bins + 1, equal widths from min to max) and `counts` per bin.
    pub histogram: Histogram,
}

/// Counts of draws in equal bins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Histogram {
    /// Bin edges, from the smallest value to the largest.
    pub edges: Vec<f64>,
    /// Draws in each bin (the last bin includes its upper edge).
    pub counts: Vec<u32>,
}

/// The `q`-quantile of sorted values by linear interpolation between order statistics (the
/// definition numpy's `percentile` uses by default: Hyndman and Fan's type 7).
pub(crate) fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    if n == 1 {
        return sorted[0];
    }
    let h = q * (n - 1) as f64;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// The spread of `values` (none when empty, or when a figure of the spread is beyond f64).
pub(crate) fn spread(values: &[f64]) -> Option<Spread> {
    let s = spread_of(values)?;
    if s.is_finite() {
        return Some(s);
    }
    // Values near the end of f64 overflow the sums and differences: the spread of the values
    // scaled to at most 1 in magnitude, scaled back.
    let scale = values.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let scaled: Vec<f64> = values.iter().map(|x| x / scale).collect();
    let s = spread_of(&scaled)?.times(scale);
    s.is_finite().then_some(s)
}

impl Spread {
    fn is_finite(&self) -> bool {
        [
            self.mean, self.sd, self.sem, self.min, self.p5, self.p10, self.p50, self.p90,
            self.p95, self.max,
        ]
        .iter()
        .chain(&self.histogram.edges)
        .all(|x| x.is_finite())
    }

    fn times(mut self, k: f64) -> Spread {
        for x in [
            &mut self.mean,
            &mut self.sd,
            &mut self.sem,
            &mut self.min,
            &mut self.p5,
            &mut self.p10,
            &mut self.p50,
            &mut self.p90,
            &mut self.p95,
            &mut self.max,
        ]
        .into_iter()
        .chain(&mut self.histogram.edges)
        {
            *x *= k;
        }
        self
    }
}

fn spread_of(values: &[f64]) -> Option<Spread> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let sd = if n > 1 {
        (values.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64).sqrt()
    } else {
        0.0
    };
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let (min, max) = (sorted[0], sorted[n - 1]);
    let width = (max - min) / HISTOGRAM_BINS as f64;
    let edges: Vec<f64> = (0..=HISTOGRAM_BINS)
        .map(|b| {
            if b == HISTOGRAM_BINS {
                max
            } else {
                min + b as f64 * width
            }
        })
        .collect();
    let mut counts = vec![0u32; HISTOGRAM_BINS];
    for x in &sorted {
        let b = if width > 0.0 {
            (((x - min) / width) as usize).min(HISTOGRAM_BINS - 1)
        } else {
            0
        };
        counts[b] += 1;
    }
    let q = |p| quantile_sorted(&sorted, p);
    Some(Spread {
        mean,
        sd,
        sem: sd / (n as f64).sqrt(),
        min,
        p5: q(0.05),
        p10: q(0.10),
        p50: q(0.50),
        p90: q(0.90),
        p95: q(0.95),
        max,
        histogram: Histogram { edges, counts },
    })
}

/// Pearson's correlation of two columns (0 when either is constant).
pub(crate) fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma) * (x - ma);
        sbb += (y - mb) * (y - mb);
    }
    if saa == 0.0 || sbb == 0.0 {
        0.0
    } else {
        sab / (saa * sbb).sqrt()
    }
}

/// Ranks from 1, ties given their average rank.
pub(crate) fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]).then(i.cmp(&j)));
    let mut out = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        let rank = (start + end + 1) as f64 / 2.0;
        for &i in &order[start..end] {
            out[i] = rank;
        }
        start = end;
    }
    out
}

/// Spearman's rank correlation.
#[cfg(test)]
pub(crate) fn spearman(a: &[f64], b: &[f64]) -> f64 {
    pearson(&ranks(a), &ranks(b))
}

/// Standardized regression coefficients of `y` on the columns `x` (least squares on
/// standardized values); None when the inputs are collinear or `y` is constant.
pub(crate) fn standardized_regression(x: &[&[f64]], y: &[f64]) -> Option<Vec<f64>> {
    let k = x.len();
    let n = y.len();
    if k == 0 || n <= k + 1 {
        return None;
    }
    let standard = |c: &[f64]| -> Option<Vec<f64>> {
        let m = c.iter().sum::<f64>() / n as f64;
        let s = (c.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (n - 1) as f64).sqrt();
        (s > 0.0).then(|| c.iter().map(|v| (v - m) / s).collect())
    };
    let zs: Vec<Vec<f64>> = x.iter().map(|c| standard(c)).collect::<Option<_>>()?;
    let zy = standard(y)?;
    // Normal equations (Zᵀ Z) β = Zᵀ y, solved by Gaussian elimination with partial pivoting.
    let mut a = vec![0.0; k * (k + 1)];
    for i in 0..k {
        for j in 0..k {
            a[i * (k + 1) + j] = zs[i].iter().zip(&zs[j]).map(|(p, q)| p * q).sum();
        }
        a[i * (k + 1) + k] = zs[i].iter().zip(&zy).map(|(p, q)| p * q).sum();
    }
    for col in 0..k {
        let pivot = (col..k).max_by(|&r, &s| {
            a[r * (k + 1) + col]
                .abs()
                .total_cmp(&a[s * (k + 1) + col].abs())
        })?;
        if a[pivot * (k + 1) + col].abs() < 1e-9 * n as f64 {
            return None;
        }
        for j in 0..=k {
            a.swap(col * (k + 1) + j, pivot * (k + 1) + j);
        }
        for r in 0..k {
            if r != col {
                let f = a[r * (k + 1) + col] / a[col * (k + 1) + col];
                for j in col..=k {
                    a[r * (k + 1) + j] -= f * a[col * (k + 1) + j];
                }
            }
        }
    }
    Some(
        (0..k)
            .map(|i| a[i * (k + 1) + k] / a[i * (k + 1) + i])
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spread_of_values_near_the_end_of_f64_is_finite() {
        // Found by fuzzing: the sum, the squares and the histogram width overflowed.
        let s = spread(&[1.5e308, -1.5e308, 1.5e308, 1.5e308]).unwrap();
        assert_eq!(s.mean, 0.75e308);
        assert_eq!((s.min, s.max), (-1.5e308, 1.5e308));
        assert!((s.sd - 1.5e308).abs() < 1e294, "{}", s.sd);
        assert!(s.histogram.edges.iter().all(|e| e.is_finite()));
        // Ordinary values keep their exact figures.
        assert_eq!(spread(&[1.0, 2.0, 3.0]).unwrap().mean, 2.0);
    }

    #[test]
    fn percentiles_follow_numpy() {
        // numpy.percentile([1, 2, 3, 4, 10], [5, 50, 90]) = [1.2, 3.0, 7.6]
        let s = spread(&[10.0, 1.0, 3.0, 2.0, 4.0]).unwrap();
        assert!((s.p5 - 1.2).abs() < 1e-12);
        assert_eq!(s.p50, 3.0);
        assert!((s.p90 - 7.6).abs() < 1e-12);
        assert_eq!(s.mean, 4.0);
        // sample sd of 1, 2, 3, 4, 10: √(50/4) = 3.5355
        assert!((s.sd - 12.5f64.sqrt()).abs() < 1e-12);
        assert_eq!(s.histogram.counts.iter().sum::<u32>(), 5);
        assert_eq!(s.histogram.counts[HISTOGRAM_BINS - 1], 1);
    }

    #[test]
    fn ranks_average_ties_and_spearman_is_one_for_monotone() {
        assert_eq!(ranks(&[3.0, 1.0, 3.0, 2.0]), vec![3.5, 1.0, 3.5, 2.0]);
        let a: Vec<f64> = (0..50).map(f64::from).collect();
        let b: Vec<f64> = a.iter().map(|x| x * x * x).collect();
        assert!((spearman(&a, &b) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn regression_recovers_linear_weights() {
        // y = 3 x1 − x2 exactly; standardized coefficients are 3 sd1 / sdy and −sd2 / sdy.
        let x1: Vec<f64> = (0..40).map(|i| f64::from(i % 7)).collect();
        let x2: Vec<f64> = (0..40).map(|i| f64::from((i * 3) % 11)).collect();
        let y: Vec<f64> = x1.iter().zip(&x2).map(|(a, b)| 3.0 * a - b).collect();
        let src = standardized_regression(&[&x1, &x2], &y).unwrap();
        let sd = |c: &[f64]| spread(c).unwrap().sd;
        assert!((src[0] - 3.0 * sd(&x1) / sd(&y)).abs() < 1e-9);
        assert!((src[1] + sd(&x2) / sd(&y)).abs() < 1e-9);
    }
}
