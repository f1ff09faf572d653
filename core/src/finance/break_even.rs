//! Break-even: the level annual amount at which a series' NPV is zero.

use super::check;
use super::periodic::npv;
use crate::error::{Error, Result};

/// The level amount per period that, received over periods `first..=last` instead of what
/// `values` hold there, brings the NPV of `values` at `rate` to zero, given that `values`
/// hold the level amount `level` over those periods (first flow at t = 0).
///
/// With the annuity factor AF = Σ (1 + r)^-t over `first..=last`, the answer is
/// `level − NPV / AF`: the break-even annual saving of an option whose net saving `level` is
/// the same every year. It is an error when the periods are empty, outside the series, or
/// their annuity factor is not positive.
///
/// ```
/// use cleanprod::finance::break_even_level;
/// // 1,000 now, 300 a year for 5 years, at 10 %: AF = 3.790787, so 1000 / AF = 263.80.
/// let s = break_even_level(0.10, &[-1_000.0, 300.0, 300.0, 300.0, 300.0, 300.0], 300.0, 1, 5).unwrap();
/// assert!((s - 263.797).abs() < 1e-3);
/// ```
pub fn break_even_level(
    rate: f64,
    values: &[f64],
    level: f64,
    first: usize,
    last: usize,
) -> Result<f64> {
    check::finite("level", level)?;
    let value = npv(rate, values)?;
    if first > last || last >= values.len() {
        return Err(Error::out_of_range(
            "last",
            last,
            format!(
                "must be from first ({first}) to the last period of the {} flows",
                values.len()
            ),
        ));
    }
    let x = 1.0 / (1.0 + rate);
    let (mut factor, mut discount) = (0.0, 1.0);
    for t in 0..=last {
        if t >= first {
            factor += discount;
        }
        discount *= x;
    }
    if !(factor > 0.0 && factor.is_finite()) {
        return Err(Error::out_of_range(
            "rate",
            rate,
            "gives no positive annuity factor over the periods",
        ));
    }
    check::result("break_even_level", level - value / factor)
}

/// The factor by which the flows `part` of `values` (the savings within the project's flows,
/// period by period) may be multiplied for the NPV of `values` at `rate` to be zero: with the
/// rest fixed, `1 − NPV(values) / NPV(part)`. Savings of several options over different years
/// break even together at this share of their amounts; for one level saving it is
/// [`break_even_level`] over the saving. An error when `part` is longer than `values` or its
/// NPV is zero.
///
/// ```
/// use cleanprod::finance::break_even_scale;
/// let flows = [-1_000.0, 300.0, 300.0, 300.0, 300.0, 300.0];
/// let savings = [0.0, 300.0, 300.0, 300.0, 300.0, 300.0];
/// let k = break_even_scale(0.10, &flows, &savings).unwrap();
/// assert!((k * 300.0 - 263.797).abs() < 1e-3);
/// ```
pub fn break_even_scale(rate: f64, values: &[f64], part: &[f64]) -> Result<f64> {
    if part.len() > values.len() {
        return Err(Error::out_of_range(
            "part",
            part.len(),
            format!("holds more periods than the {} flows", values.len()),
        ));
    }
    let whole = npv(rate, values)?;
    let share = npv(rate, part)?;
    if share == 0.0 {
        return Err(Error::out_of_range(
            "part",
            share,
            "has no present value: nothing to scale",
        ));
    }
    check::result("break_even_scale", 1.0 - whole / share)
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn the_scale_of_one_level_saving_is_the_break_even_level() {
        let flows = [
            -5_000.0, 1_200.0, 1_200.0, 1_200.0, 1_200.0, 1_200.0, 1_700.0,
        ];
        let savings = [0.0, 1_200.0, 1_200.0, 1_200.0, 1_200.0, 1_200.0, 1_200.0];
        let k = break_even_scale(0.08, &flows, &savings).unwrap();
        let level = break_even_level(0.08, &flows, 1_200.0, 1, 6).unwrap();
        assert_relative_eq!(k * 1_200.0, level, epsilon = 1e-9);
        assert!(break_even_scale(0.08, &flows, &[0.0; 7]).is_err());
        assert!(break_even_scale(0.08, &flows[..2], &savings).is_err());
    }

    #[test]
    fn npv_at_the_break_even_level_is_zero() {
        // Hand calculation: capex 5,000 at t = 0, net saving 1,200 a year in years 1-6, salvage
        // 500 in year 6, at 8 %. AF(8 %, 6) = 4.622880; PV(salvage) = 500 / 1.08^6 = 315.08;
        // break-even S with -5000 + S·AF + 315.08 = 0: S = 4684.92 / 4.622880 = 1013.42.
        let flows = [
            -5_000.0, 1_200.0, 1_200.0, 1_200.0, 1_200.0, 1_200.0, 1_700.0,
        ];
        let s = break_even_level(0.08, &flows, 1_200.0, 1, 6).unwrap();
        assert_relative_eq!(s, 1013.42, epsilon = 0.01);
        let mut at = flows;
        for v in &mut at[1..] {
            *v += s - 1_200.0;
        }
        assert!(npv(0.08, &at).unwrap().abs() < 1e-9);
    }

    #[test]
    fn at_zero_rate_the_break_even_is_capex_over_years() {
        let s = break_even_level(0.0, &[-900.0, 100.0, 100.0, 100.0], 100.0, 1, 3).unwrap();
        assert_relative_eq!(s, 300.0, epsilon = 1e-12);
    }

    #[test]
    fn refuses_periods_outside_the_series() {
        let e = break_even_level(0.1, &[-1.0, 1.0], 1.0, 1, 2).unwrap_err();
        assert_eq!(e.path(), "last");
        assert!(break_even_level(0.1, &[-1.0, 1.0], 1.0, 2, 1).is_err());
        assert!(break_even_level(0.1, &[-1.0, 1.0], f64::NAN, 1, 1).is_err());
    }
}
