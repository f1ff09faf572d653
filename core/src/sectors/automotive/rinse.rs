//! Rinse equations at steady state, per unit of drag-out.
//!
//! With `D` the drag-out carried into the rinse (volume per time), `Q` the fresh water fed to
//! it, `C0` the concentration of the process bath and `Cn` that of the last rinse:
//!
//! * single running rinse: `C1/C0 = D/(Q + D)`, so `Q = D·(C0/C1 − 1)`;
//! * `n`-stage counter-current rinse (water fed to the last tank and cascading back):
//!   `C0/Cn = rⁿ + rⁿ⁻¹ + … + r + 1` with `r = Q/D`, solved here for `r` exactly; the usual
//!   approximation `r ≈ (C0/Cn)^(1/n)` is given beside it, always above the exact value (by
//!   about `1/n` when `r` is large);
//! * spray rinse: a single rinse whose litre of water rinses `e` times as well as a running
//!   rinse's (the site's figure, above 1 when the spray, always clean and running only with
//!   parts present, does better per litre): this model takes `C1/C0 = D/(e·Q + D)`.
//!
//! A still (drag-out recovery) rinse in front of the running rinse returns a share `f` of the
//! drag-out to the bath; the running rinse then sees `(1 − f)·C0`.
//!
//! Sources of the equations: [`super::sources::RINSE_EQUATIONS`].

/// Water per unit of drag-out, `Q/D`, of a single running rinse for the dilution ratio
/// `ratio = C0/C1` (at least 1).
pub fn single(ratio: f64) -> f64 {
    (ratio - 1.0).max(0.0)
}

/// The dilution ratio `C0/Cn` of an `n`-stage counter-current rinse fed `r = Q/D`: the
/// series `rⁿ + … + r + 1` (a single rinse is `n = 1`).
pub fn counter_current_ratio(r: f64, stages: u32) -> f64 {
    let mut sum = 0.0;
    let mut term = 1.0;
    for _ in 0..=stages {
        sum += term;
        term *= r;
    }
    sum
}

/// Water per unit of drag-out, `r = Q/D`, of an `n`-stage counter-current rinse for the
/// dilution ratio `ratio = C0/Cn`: the root of `rⁿ + … + r + 1 = ratio`, found by bisection
/// on `[0, ratio^(1/n)]` (the series is increasing in `r` and exceeds `rⁿ`); 0 for a ratio of
/// at most 1.
///
/// ```
/// use cleanprod::sectors::automotive::rinse::{approximate, counter_current};
/// // Two tanks to a dilution of 1000: r² + r + 1 = 1000, r = (−1 + √3997)/2.
/// let exact = counter_current(1000.0, 2);
/// assert!((exact - 31.110_92).abs() < 1e-5);
/// // The approximation √1000 = 31.62 asks for 1.6 % more water.
/// assert!(approximate(1000.0, 2) > exact);
/// ```
pub fn counter_current(ratio: f64, stages: u32) -> f64 {
    let n = stages.max(1);
    if ratio.is_nan() || ratio <= 1.0 || !ratio.is_finite() {
        return 0.0;
    }
    let (mut lo, mut hi) = (0.0_f64, approximate(ratio, n));
    // 200 halvings take any bracket below f64 resolution.
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if counter_current_ratio(mid, n) < ratio {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo <= 1e-15 * hi {
            break;
        }
    }
    0.5 * (lo + hi)
}

/// The usual approximation of [`counter_current`]: `r ≈ ratio^(1/n)`.
pub fn approximate(ratio: f64, stages: u32) -> f64 {
    crate::math::powf(ratio.max(0.0), 1.0 / f64::from(stages.max(1)))
}

/// Water per unit of drag-out of a spray rinse of efficiency `efficiency` (more than 0) for
/// the dilution ratio `ratio`: `(ratio − 1)/e`.
pub fn spray(ratio: f64, efficiency: f64) -> f64 {
    if efficiency > 0.0 {
        single(ratio) / efficiency
    } else {
        f64::INFINITY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-300)
    }

    #[test]
    fn single_rinse_matches_the_published_dilution_example() {
        // Yates, "Rinsing with Less Water" (Poly Products): 1 gph of drag-in and 2000 gph of
        // water give a dilution ratio of (1 + 2000)/1 = 2001:1, and a 10 oz/gal nickel bath
        // gives 10/2001 = 0.0049975 oz/gal, "0.005 oz/gal".
        let ratio = counter_current_ratio(2000.0, 1);
        assert_eq!(ratio, 2001.0);
        assert!(close(10.0 / ratio, 0.004_997_5, 1e-4));
        // Back: the water per drag-out for that ratio is 2000.
        assert!(close(single(2001.0), 2000.0, 1e-15));
        assert!(close(counter_current(2001.0, 1), 2000.0, 1e-12));
    }

    #[test]
    fn single_rinse_against_the_copper_example() {
        // Remco application note "Counterflow (cascade) rinsing": a 250 g/L copper bath,
        // 100 panels/h of 6 ft² at 20 mL/ft² drag-out = 12 L/h = 0.2 L/min, final rinse
        // 200 mg/L. The note uses Q = D·C0/Cn = 0.2 × 1250 = 250 L/min; the exact single-rinse
        // balance gives Q = D·(C0/Cn − 1) = 0.2 × 1249 = 249.8 L/min: one drag-out less.
        let d = 0.2;
        let ratio = 250.0 / 0.2;
        assert!(close(d * single(ratio), 249.8, 1e-12));
        assert!(close(d * ratio - d * single(ratio), d, 1e-9));
    }

    #[test]
    fn counter_current_against_the_published_nickel_example() {
        // "Water Conservation for Electroplaters: Counter-Current Rinsing" (p2infohouse.org,
        // ref/01/00051): a Watts nickel bath of 270,000 mg/L dissolved solids rinsed to at most
        // 40 mg/L (a dilution of 6750) needs about 6,750 gallons of water per gallon of
        // drag-out in one rinse, 82 with two counter-current tanks and 18 with three. The
        // exact balances give 6749, 81.65 and 18.55: the page rounds (and its three-tank
        // figure looks truncated), so the tolerances are its rounding.
        let ratio = 270_000.0 / 40.0;
        assert!(close(counter_current(ratio, 1), 6749.0, 1e-12));
        let two = counter_current(ratio, 2);
        assert!(
            (two - 82.0).abs() <= 0.5 && (two - 81.65).abs() < 0.01,
            "{two}"
        );
        let three = counter_current(ratio, 3);
        assert!(
            (three - 18.0).abs() <= 1.0 && (three - 18.55).abs() < 0.01,
            "{three}"
        );
    }

    #[test]
    fn counter_current_exact_for_one_two_three_stages() {
        // Ratio 1000. One stage: r = 999.
        assert!(close(counter_current(1000.0, 1), 999.0, 1e-12));
        // Two stages: r² + r + 1 = 1000 → r = (−1 + √3997)/2 = 31.110 92…
        let r2 = (-1.0 + 3997.0_f64.sqrt()) / 2.0;
        assert!(close(counter_current(1000.0, 2), r2, 1e-12));
        assert!(close(r2, 31.110_92, 1e-6));
        // Three stages: r³ + r² + r + 1 = 1000 → r = 9.641 97 (by substitution:
        // 9.64197³ + 9.64197² + 9.64197 + 1 = 896.39 + 92.97 + 9.64 + 1 = 1000.0), against the
        // approximation ∛1000 = 10.
        let r3 = counter_current(1000.0, 3);
        assert!(close(counter_current_ratio(r3, 3), 1000.0, 1e-12));
        assert!(close(r3, 9.641_97, 1e-6), "{r3}");
    }

    #[test]
    fn approximation_exceeds_the_exact_root_by_about_one_over_n() {
        // Σ rᵏ > rⁿ, so the exact root is below ratio^(1/n); for large r,
        // rⁿ(1 + 1/r + …) = ratio gives r ≈ ratio^(1/n) − 1/n.
        for n in 1..=4_u32 {
            let ratio: f64 = 1.0e8;
            let exact = counter_current(ratio, n);
            let approx = approximate(ratio, n);
            assert!(approx > exact);
            let gap = approx - exact;
            assert!(close(gap, 1.0 / f64::from(n), 0.02), "n = {n}: gap {gap}");
        }
        // At two stages and a ratio of 1000 the approximation is 31.623 against 31.111: 1.6 %
        // more water.
        let (a, e) = (approximate(1000.0, 2), counter_current(1000.0, 2));
        assert!(close(a / e - 1.0, 0.016_46, 0.01), "{}", a / e - 1.0);
    }

    #[test]
    fn adding_a_stage_never_raises_the_water() {
        for ratio in [2.0, 10.0, 137.0, 1.0e3, 1.0e5, 1.0e9] {
            let mut last = f64::INFINITY;
            for n in 1..=8 {
                let r = counter_current(ratio, n);
                assert!(r <= last, "ratio {ratio}, n {n}");
                last = r;
            }
        }
    }

    #[test]
    fn spray_rinse_needs_more_water_as_its_efficiency_falls() {
        assert!(close(spray(1001.0, 1.0), 1000.0, 1e-15));
        assert!(close(spray(1001.0, 0.5), 2000.0, 1e-15));
        assert!(spray(10.0, 0.0).is_infinite());
    }
}
