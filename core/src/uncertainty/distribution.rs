//! Distributions as inverse distribution functions, computed on `libm` only so that a draw
//! gives the same bits on every target.

use crate::math;

/// √(2π).
const SQRT_TWO_PI: f64 = 2.506_628_274_631_000_5;

/// A distribution of numbers in the unit its field is written in.
#[derive(Debug, Clone, PartialEq)]
pub enum Distribution {
    /// Every value from `min` to `max` equally likely.
    Uniform {
        /// Lower bound.
        min: f64,
        /// Upper bound.
        max: f64,
    },
    /// A triangle on [`min`, `max`] peaking at `mode`.
    Triangular {
        /// Lower bound.
        min: f64,
        /// Most likely value.
        mode: f64,
        /// Upper bound.
        max: f64,
    },
    /// A beta distribution on [`min`, `max`] with the PERT shape parameters
    /// α = 1 + 4 (mode − min) / (max − min), β = 1 + 4 (max − mode) / (max − min).
    Pert {
        /// Lower bound.
        min: f64,
        /// Most likely value.
        mode: f64,
        /// Upper bound.
        max: f64,
    },
    /// A normal distribution, truncated to [`min`, `max`].
    Normal {
        /// Mean (before truncation).
        mean: f64,
        /// Standard deviation (before truncation).
        sd: f64,
        /// Lower truncation (−∞ for none).
        min: f64,
        /// Upper truncation (+∞ for none).
        max: f64,
    },
    /// A lognormal distribution given by the mean and standard deviation of the value,
    /// truncated to [`min`, `max`].
    Lognormal {
        /// Mean of the value (before truncation).
        mean: f64,
        /// Standard deviation of the value (before truncation).
        sd: f64,
        /// Lower truncation (0 for none).
        min: f64,
        /// Upper truncation (+∞ for none).
        max: f64,
    },
    /// One of `values`, with probabilities in proportion to `weights`.
    Discrete {
        /// The values.
        values: Vec<f64>,
        /// Their weights (non-negative, not all zero).
        weights: Vec<f64>,
    },
}

impl Distribution {
    /// The value below which a share `u` (0 < u < 1) of the distribution lies.
    pub fn quantile(&self, u: f64) -> f64 {
        match *self {
            Distribution::Uniform { min, max } => min + u * (max - min),
            Distribution::Triangular { min, mode, max } => {
                let width = max - min;
                if width == 0.0 {
                    return mode;
                }
                if u * width < mode - min {
                    min + (u * width * (mode - min)).sqrt()
                } else {
                    max - ((1.0 - u) * width * (max - mode)).sqrt()
                }
            }
            Distribution::Pert { min, mode, max } => {
                let width = max - min;
                if width == 0.0 {
                    return mode;
                }
                let a = 1.0 + 4.0 * (mode - min) / width;
                let b = 1.0 + 4.0 * (max - mode) / width;
                min + width * beta_quantile(u, a, b)
            }
            Distribution::Normal { mean, sd, min, max } => {
                if sd == 0.0 {
                    return mean;
                }
                let lo = normal_cdf((min - mean) / sd);
                let hi = normal_cdf((max - mean) / sd);
                (mean + sd * normal_quantile(lo + u * (hi - lo))).clamp(min, max)
            }
            Distribution::Lognormal { mean, sd, min, max } => {
                let (mu, sigma) = lognormal_parameters(mean, sd);
                if sigma == 0.0 {
                    return mean;
                }
                let cdf = |x: f64| {
                    if x <= 0.0 {
                        0.0
                    } else if x.is_infinite() {
                        1.0
                    } else {
                        normal_cdf((math::ln(x) - mu) / sigma)
                    }
                };
                let (lo, hi) = (cdf(min), cdf(max));
                math::exp(mu + sigma * normal_quantile(lo + u * (hi - lo))).clamp(min, max)
            }
            Distribution::Discrete {
                ref values,
                ref weights,
            } => {
                let total: f64 = weights.iter().sum();
                let target = u * total;
                let mut cumulative = 0.0;
                for (v, w) in values.iter().zip(weights) {
                    cumulative += w;
                    if target < cumulative {
                        return *v;
                    }
                }
                values.last().copied().unwrap_or(0.0)
            }
        }
    }

    /// The mean of the distribution (of the truncated one where truncated), from its closed
    /// form where there is one, else by the midpoint rule over 20,000 quantiles.
    pub fn mean(&self) -> f64 {
        match *self {
            Distribution::Uniform { min, max } => (min + max) / 2.0,
            Distribution::Triangular { min, mode, max } => (min + mode + max) / 3.0,
            Distribution::Pert { min, mode, max } => (min + 4.0 * mode + max) / 6.0,
            Distribution::Discrete {
                ref values,
                ref weights,
            } => {
                let total: f64 = weights.iter().sum();
                let mean = values.iter().zip(weights).map(|(v, w)| v * w).sum::<f64>() / total;
                if mean.is_finite() {
                    mean
                } else {
                    // Weights near the end of f64 overflow the products: share them first.
                    values
                        .iter()
                        .zip(weights)
                        .map(|(v, w)| v * (w / total))
                        .sum()
                }
            }
            Distribution::Normal { .. } | Distribution::Lognormal { .. } => {
                let n = 20_000;
                (0..n)
                    .map(|k| self.quantile((f64::from(k) + 0.5) / f64::from(n)))
                    .sum::<f64>()
                    / f64::from(n)
            }
        }
    }
}

/// μ and σ of ln X for a lognormal X of mean `mean` and standard deviation `sd`.
fn lognormal_parameters(mean: f64, sd: f64) -> (f64, f64) {
    let cv = sd / mean;
    let variance = math::ln_1p(cv * cv);
    (math::ln(mean) - variance / 2.0, variance.sqrt())
}

/// Φ(z), the standard normal distribution function.
pub(crate) fn normal_cdf(z: f64) -> f64 {
    0.5 * math::erfc(-z / std::f64::consts::SQRT_2)
}

/// Φ⁻¹(p) for 0 < p < 1: a start from Abramowitz and Stegun 26.2.23 (error below 4.5e-4),
/// then three Halley steps on Φ (each roughly triples the correct digits), a fixed count so
/// that the work and the result depend on `p` alone.
pub(crate) fn normal_quantile(p: f64) -> f64 {
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    // Work in the lower tail, where p is held exactly (1 − p is exact for p ≥ 0.5).
    let (q, sign) = if p < 0.5 { (p, -1.0) } else { (1.0 - p, 1.0) };
    let t = (-2.0 * math::ln(q)).sqrt();
    let mut x = -(t
        - (2.515_517 + 0.802_853 * t + 0.010_328 * t * t)
            / (1.0 + 1.432_788 * t + 0.189_269 * t * t + 0.001_308 * t * t * t));
    for _ in 0..3 {
        let e = normal_cdf(x) - q;
        let u = e * SQRT_TWO_PI * math::exp(x * x / 2.0);
        x -= u / (1.0 + x * u / 2.0);
    }
    sign * -x
}

/// ln B(a, b), the logarithm of the beta function.
fn ln_beta(a: f64, b: f64) -> f64 {
    math::ln_gamma(a) + math::ln_gamma(b) - math::ln_gamma(a + b)
}

/// The regularized incomplete beta function I_x(a, b), by its continued fraction (modified
/// Lentz), on the side where it converges fast; `ln_b` is ln B(a, b).
fn beta_cdf(x: f64, a: f64, b: f64, ln_b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let log_front = a * math::ln(x) + b * math::ln(1.0 - x) - ln_b;
    if x < (a + 1.0) / (a + b + 2.0) {
        math::exp(log_front) * beta_fraction(x, a, b) / a
    } else {
        1.0 - math::exp(log_front) * beta_fraction(1.0 - x, b, a) / b
    }
}

/// The continued fraction of I_x(a, b), at most 300 terms.
fn beta_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut c = 1.0;
    let mut d = 1.0 - (a + b) * x / (a + 1.0);
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..=300 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        for coefficient in [
            m * (b - m) * x / ((a + m2 - 1.0) * (a + m2)),
            -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0)),
        ] {
            d = 1.0 + coefficient * d;
            if d.abs() < TINY {
                d = TINY;
            }
            c = 1.0 + coefficient / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            h *= d * c;
        }
        if (d * c - 1.0).abs() < 1e-16 {
            break;
        }
    }
    h
}

/// The x with I_x(a, b) = p, by 64 bisections (the interval then narrower than a double's
/// spacing near any x in (0, 1)).
fn beta_quantile(p: f64, a: f64, b: f64) -> f64 {
    let ln_b = ln_beta(a, b);
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..64 {
        let mid = 0.5 * (lo + hi);
        if beta_cdf(mid, a, b, ln_b) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_quantiles_match_the_tables() {
        // Standard normal table values (e.g. NIST/SEMATECH e-Handbook, 1.3.6.7.1).
        for (p, z) in [
            (0.975, 1.959_963_984_540_054),
            (0.95, 1.644_853_626_951_472_2),
            (0.9, 1.281_551_565_544_600_4),
            (0.5, 0.0),
            (0.001, -3.090_232_306_167_813_5),
        ] {
            assert!(
                (normal_quantile(p) - z).abs() < 1e-14,
                "{p}: {}",
                normal_quantile(p)
            );
        }
        // Far tail: Φ⁻¹(1e-300) ≈ −37.0471.
        assert!((normal_quantile(1e-300) + 37.047_096_499_7).abs() < 1e-6);
        for p in [1e-12, 0.01, 0.3, 0.7, 0.99] {
            assert!((normal_cdf(normal_quantile(p)) - p).abs() < 1e-15 * p.max(1e-3) * 1e3);
        }
    }

    #[test]
    fn triangular_quantiles_are_the_closed_form() {
        let d = Distribution::Triangular {
            min: 10.0,
            mode: 20.0,
            max: 40.0,
        };
        // F(mode) = 10/30; the median lies right of the mode: 40 − √(0.5·30·20) = 22.679.
        assert!((d.quantile(1.0 / 3.0) - 20.0).abs() < 1e-12);
        assert!((d.quantile(0.5) - (40.0 - 300f64.sqrt())).abs() < 1e-12);
        assert!((d.quantile(0.1) - (10.0 + 30f64.sqrt())).abs() < 1e-12);
    }

    #[test]
    fn pert_is_a_beta_with_the_pert_mean() {
        let d = Distribution::Pert {
            min: 0.0,
            mode: 0.5,
            max: 1.0,
        };
        // α = β = 3: symmetric, median ½; I_x(3, 3) at 0.2 is 0.05792 (Σ_{j=3}^{5} C(5,j) x^j (1−x)^{5−j}).
        assert!((d.quantile(0.5) - 0.5).abs() < 1e-12);
        let i = beta_cdf(0.2, 3.0, 3.0, ln_beta(3.0, 3.0));
        let exact = 10.0 * 0.008 * 0.64 + 5.0 * 0.0016 * 0.8 + 0.00032;
        assert!((i - exact).abs() < 1e-14, "{i} vs {exact}");
        assert!((d.quantile(exact) - 0.2).abs() < 1e-12);
        let skewed = Distribution::Pert {
            min: 10.0,
            mode: 12.0,
            max: 30.0,
        };
        // Mean (10 + 48 + 30) / 6 = 14.667, also by integrating the quantiles.
        let n = 20_000;
        let mean = (0..n)
            .map(|k| skewed.quantile((f64::from(k) + 0.5) / f64::from(n)))
            .sum::<f64>()
            / f64::from(n);
        assert!((mean - skewed.mean()).abs() < 1e-3, "{mean}");
    }

    #[test]
    fn truncation_keeps_draws_inside_and_lognormal_has_its_mean() {
        let d = Distribution::Normal {
            mean: 100.0,
            sd: 50.0,
            min: 0.0,
            max: f64::INFINITY,
        };
        assert!(d.quantile(1e-9) >= 0.0);
        assert!(
            (d.quantile(0.5)
                - (100.0 + 50.0 * normal_quantile(0.5 + 0.5 * 0.022_750_131_948_179_2)))
            .abs()
                < 1e-9
        );
        let l = Distribution::Lognormal {
            mean: 10.0,
            sd: 3.0,
            min: 0.0,
            max: f64::INFINITY,
        };
        assert!((l.mean() - 10.0).abs() < 1e-2);
    }

    #[test]
    fn discrete_picks_by_weight() {
        let d = Distribution::Discrete {
            values: vec![1.0, 2.0, 3.0],
            weights: vec![1.0, 2.0, 1.0],
        };
        assert_eq!(d.quantile(0.2), 1.0);
        assert_eq!(d.quantile(0.3), 2.0);
        assert_eq!(d.quantile(0.74), 2.0);
        assert_eq!(d.quantile(0.76), 3.0);
        assert_eq!(d.mean(), 2.0);
    }
}
