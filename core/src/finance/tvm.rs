//! Time-value-of-money functions with numpy-financial's names, argument order and signs.
//!
//! Money paid out is negative and money received positive; `when` says whether payments fall
//! at the end (default) or the beginning of each period.

use std::str::FromStr;

use super::check;
use crate::error::{Error, NoSolution, Result};
use crate::math;

/// When payments fall within each period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    /// At the end of each period (numpy-financial `when="end"`, 0).
    #[default]
    End,
    /// At the beginning of each period (`when="begin"`, 1).
    Begin,
}

impl When {
    fn factor(self) -> f64 {
        match self {
            When::End => 0.0,
            When::Begin => 1.0,
        }
    }

    /// The canonical name: `"end"` or `"begin"`.
    pub fn name(self) -> &'static str {
        match self {
            When::End => "end",
            When::Begin => "begin",
        }
    }

    /// `"end"` or `"begin"` (see the [`FromStr`] implementation for every name taken).
    pub fn from_name(name: &str) -> Result<When> {
        name.parse()
    }
}

impl FromStr for When {
    type Err = Error;

    /// numpy-financial's names: `"end"` or `"0"`, `"begin"`, `"start"` or `"1"`; any other is
    /// an [`Error::UnknownVariant`] at `when`.
    ///
    /// ```
    /// use cleanprod::finance::When;
    /// assert_eq!("start".parse::<When>().unwrap(), When::Begin);
    /// assert_eq!("0".parse::<When>().unwrap(), When::End);
    /// assert!("middle".parse::<When>().is_err());
    /// ```
    fn from_str(name: &str) -> Result<When> {
        match name {
            "end" | "0" => Ok(When::End),
            "begin" | "start" | "1" => Ok(When::Begin),
            _ => Err(Error::UnknownVariant {
                path: "when".to_string(),
                value: name.to_string(),
                expected: "end, begin".to_string(),
            }),
        }
    }
}

/// (1 + rate)^nper, computed as exp(nper·ln(1 + rate)) for accuracy at small rates.
fn growth(rate: f64, nper: f64) -> f64 {
    math::exp(nper * math::ln_1p(rate))
}

/// The annuity factor (1 + rate·when)·((1 + rate)^nper − 1)/rate, or nper at a zero rate.
fn annuity(rate: f64, nper: f64, when: When) -> f64 {
    if rate == 0.0 {
        nper
    } else {
        (1.0 + rate * when.factor()) * math::exp_m1(nper * math::ln_1p(rate)) / rate
    }
}

fn inputs(rate: f64, pairs: &[(&str, f64)]) -> Result<()> {
    check::rate("rate", rate)?;
    for (name, v) in pairs {
        check::finite(name, *v)?;
    }
    Ok(())
}

/// Future value after `nper` periods of `pmt` per period on a present value `pv`.
///
/// ```
/// // numpy test suite: fv(0.075, 20, -2000, 0, 0) = 86609.36
/// let v = cleanprod::finance::fv(0.075, 20.0, -2000.0, 0.0, Default::default()).unwrap();
/// assert!((v - 86609.36).abs() < 0.005);
/// ```
pub fn fv(rate: f64, nper: f64, pmt: f64, pv: f64, when: When) -> Result<f64> {
    inputs(rate, &[("nper", nper), ("pmt", pmt), ("pv", pv)])?;
    check::result(
        "fv",
        -(pv * growth(rate, nper) + pmt * annuity(rate, nper, when)),
    )
}

/// Present value of `nper` payments `pmt` and a future value `fv`.
///
/// ```
/// // numpy test suite: pv(0.07, 20, 12000, 0) = -127128.17
/// let v = cleanprod::finance::pv(0.07, 20.0, 12000.0, 0.0, Default::default()).unwrap();
/// assert!((v - -127128.17).abs() < 0.005);
/// ```
pub fn pv(rate: f64, nper: f64, pmt: f64, fv: f64, when: When) -> Result<f64> {
    inputs(rate, &[("nper", nper), ("pmt", pmt), ("fv", fv)])?;
    check::result(
        "pv",
        -(fv + pmt * annuity(rate, nper, when)) / growth(rate, nper),
    )
}

/// Payment per period that takes a present value `pv` to a future value `fv` in `nper`
/// periods.
///
/// ```
/// // numpy test suite: pmt(0.08/12, 5*12, 15000) = -304.146
/// let v = cleanprod::finance::pmt(0.08 / 12.0, 60.0, 15000.0, 0.0, Default::default()).unwrap();
/// assert!((v - -304.146).abs() < 0.0005);
/// ```
pub fn pmt(rate: f64, nper: f64, pv: f64, fv: f64, when: When) -> Result<f64> {
    inputs(rate, &[("nper", nper), ("pv", pv), ("fv", fv)])?;
    let a = annuity(rate, nper, when);
    if a == 0.0 {
        return Err(Error::out_of_range("nper", nper, "must not be zero"));
    }
    check::result("pmt", -(fv + pv * growth(rate, nper)) / a)
}

/// Number of periods for payments `pmt` to take `pv` to `fv`.
///
/// ```
/// // numpy test suite: nper(0.075, -2000, 0, 100000) = 21.54
/// let n = cleanprod::finance::nper(0.075, -2000.0, 0.0, 100000.0, Default::default()).unwrap();
/// assert!((n - 21.54).abs() < 0.005);
/// ```
pub fn nper(rate: f64, pmt: f64, pv: f64, fv: f64, when: When) -> Result<f64> {
    inputs(rate, &[("pmt", pmt), ("pv", pv), ("fv", fv)])?;
    let no_solution = || Error::NoSolution {
        path: "nper".to_string(),
        reason: NoSolution::NotConverged,
    };
    if rate == 0.0 {
        if pmt == 0.0 {
            return Err(no_solution());
        }
        return check::result("nper", -(fv + pv) / pmt);
    }
    let z = pmt * (1.0 + rate * when.factor()) / rate;
    let ratio = (-fv + z) / (pv + z);
    if !(ratio > 0.0 && ratio.is_finite()) {
        return Err(no_solution());
    }
    // ln(ratio) as ln_1p(ratio − 1), with ratio − 1 = −(fv + pv)/(pv + z) computed without
    // the cancellation of ratio − 1 (for rates near zero, z is huge and ratio near 1).
    check::result(
        "nper",
        math::ln_1p(-(fv + pv) / (pv + z)) / math::ln_1p(rate),
    )
}

/// Interest part of the payment in period `per` (1-based) of a level-payment loan.
///
/// ```
/// use cleanprod::finance::{ipmt, When};
/// // numpy-financial test suite: ipmt(0.1 / 12, 1, 24, 2000) = -16.666667
/// let i = ipmt(0.1 / 12.0, 1.0, 24.0, 2_000.0, 0.0, When::End).unwrap();
/// assert!((i - -16.666_667).abs() < 1e-6);
/// ```
pub fn ipmt(rate: f64, per: f64, nper: f64, pv: f64, fv: f64, when: When) -> Result<f64> {
    check::finite("per", per)?;
    if !(per >= 1.0 && per <= nper) {
        return Err(Error::out_of_range("per", per, "must be from 1 to nper"));
    }
    let total = pmt(rate, nper, pv, fv, when)?;
    // Balance after per − 1 periods, times the rate (numpy-financial's _rbl).
    let interest = fv_raw(rate, per - 1.0, total, pv, when) * rate;
    let interest = match when {
        When::End => interest,
        When::Begin if per == 1.0 => 0.0,
        When::Begin => interest / (1.0 + rate),
    };
    check::result("ipmt", interest)
}

/// Principal part of the payment in period `per` (1-based): `pmt − ipmt`.
///
/// ```
/// use cleanprod::finance::{ppmt, When};
/// // numpy-financial test suite: ppmt(0.1 / 12, 1, 60, 55000) = -710.25
/// let p = ppmt(0.1 / 12.0, 1.0, 60.0, 55_000.0, 0.0, When::End).unwrap();
/// assert!((p - -710.25).abs() < 0.005);
/// ```
pub fn ppmt(rate: f64, per: f64, nper: f64, pv: f64, fv: f64, when: When) -> Result<f64> {
    let total = pmt(rate, nper, pv, fv, when)?;
    check::result("ppmt", total - ipmt(rate, per, nper, pv, fv, when)?)
}

fn fv_raw(rate: f64, nper: f64, pmt: f64, pv: f64, when: When) -> f64 {
    -(pv * growth(rate, nper) + pmt * annuity(rate, nper, when))
}

/// The rate per period at which payments `pmt` take `pv` to `fv` in `nper` periods.
///
/// Solved with the IRR machinery on the equivalent cash flows, so it is bracketed and
/// scale-free, not a bare Newton iteration that may wander.
///
/// ```
/// // numpy test suite: rate(10, 0, -3500, 10000) = 0.1107
/// let r = cleanprod::finance::rate(10.0, 0.0, -3500.0, 10000.0, Default::default()).unwrap();
/// assert!((r - 0.1107).abs() < 5e-5);
/// ```
pub fn rate(nper: f64, pmt: f64, pv: f64, fv: f64, when: When) -> Result<f64> {
    rate_with_guess(nper, pmt, pv, fv, when, super::DEFAULT_GUESS)
}

/// [`rate`], the root nearest `guess` where the flows have several (numpy-financial's
/// `guess`); with one root the guess does not matter.
///
/// ```
/// use cleanprod::finance::{rate_with_guess, When};
/// let r = rate_with_guess(10.0, 0.0, -3500.0, 10000.0, When::End, 0.5).unwrap();
/// assert!((r - 0.1107).abs() < 5e-5);
/// assert!(rate_with_guess(10.0, 0.0, -3500.0, 10000.0, When::End, -2.0).is_err());
/// ```
pub fn rate_with_guess(
    nper: f64,
    pmt: f64,
    pv: f64,
    fv: f64,
    when: When,
    guess: f64,
) -> Result<f64> {
    check::rate("guess", guess)?;
    check::finite("nper", nper)?;
    check::finite("pmt", pmt)?;
    check::finite("pv", pv)?;
    check::finite("fv", fv)?;
    if !(nper >= 1.0 && nper.fract() == 0.0 && nper <= 10_000.0) {
        return Err(Error::out_of_range(
            "nper",
            nper,
            "must be a whole number of periods from 1 to 10000",
        ));
    }
    // Flows of the investor: pv at t = 0, pmt each period (at its start or end), fv at nper.
    let n = nper as usize;
    let mut flows = vec![0.0; n + 1];
    flows[0] += pv;
    for k in 0..n {
        let t = match when {
            When::End => k + 1,
            When::Begin => k,
        };
        flows[t] += pmt;
    }
    flows[n] += fv;
    super::irr::solve(&super::irr::Periodic(&flows), guess)
        .map(|s| s.rate)
        .map_err(|reason| Error::NoSolution {
            path: "rate".to_string(),
            reason,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn numpy_financial_examples() {
        // numpy-financial documentation: ipmt/ppmt of a 2,500 loan at 8.24 %/12 over 12 months.
        let (r, n, p) = (0.0824 / 12.0, 12.0, 2500.0);
        let i1 = ipmt(r, 1.0, n, p, 0.0, When::End).unwrap();
        let p1 = ppmt(r, 1.0, n, p, 0.0, When::End).unwrap();
        assert!(
            (p1 - -200.58).abs() < 0.005 && (i1 - -17.17).abs() < 0.005,
            "{p1} {i1}"
        );
        let total: f64 = (1..=12)
            .map(|k| ipmt(r, k as f64, n, p, 0.0, When::End).unwrap())
            .sum();
        assert!((total - -112.98).abs() < 0.005, "{total}");
        // the payments repay the loan exactly
        let principal: f64 = (1..=12)
            .map(|k| ppmt(r, k as f64, n, p, 0.0, When::End).unwrap())
            .sum();
        assert_relative_eq!(principal, -p, max_relative = 1e-12);
    }

    #[test]
    fn identities() {
        for when in [When::End, When::Begin] {
            for rate in [0.0, 0.01, 0.3] {
                let pay = pmt(rate, 24.0, 10_000.0, -500.0, when).unwrap();
                assert_relative_eq!(
                    pv(rate, 24.0, pay, -500.0, when).unwrap(),
                    10_000.0,
                    max_relative = 1e-10
                );
                assert_relative_eq!(
                    fv(rate, 24.0, pay, 10_000.0, when).unwrap(),
                    -500.0,
                    max_relative = 1e-8
                );
                let n = nper(rate, pay, 10_000.0, -500.0, when).unwrap();
                assert_relative_eq!(n, 24.0, max_relative = 1e-9);
                if rate > 0.0 {
                    assert_relative_eq!(
                        super::rate(24.0, pay, 10_000.0, -500.0, when).unwrap(),
                        rate,
                        max_relative = 1e-9
                    );
                }
            }
        }
        assert!(ipmt(0.1, 0.0, 12.0, 100.0, 0.0, When::End).is_err());
        let e = When::from_name("middle").unwrap_err();
        assert_eq!(
            (e.code(), e.path(), e.value()),
            ("unknown_variant", "when", Some("middle"))
        );
        for w in [When::End, When::Begin] {
            assert_eq!(w.name().parse::<When>().unwrap(), w);
        }
        for (name, w) in [("0", When::End), ("1", When::Begin), ("start", When::Begin)] {
            assert_eq!(name.parse::<When>().unwrap(), w);
        }
    }
}
