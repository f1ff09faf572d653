//! Metrics of a periodic cash-flow series.

use std::str::FromStr;

use super::check;
use super::rows::{BatchResult, Status};
use crate::error::{Error, NoSolution, Result};
use crate::math;

/// When the first flow of a periodic series falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FirstFlow {
    /// At t = 0, not discounted (numpy-financial's `npv`).
    #[default]
    AtZero,
    /// At the end of the first period, discounted once (Excel's and LibreOffice's `NPV`).
    EndOfPeriod,
}

impl FirstFlow {
    /// Every convention.
    pub const ALL: [FirstFlow; 2] = [FirstFlow::AtZero, FirstFlow::EndOfPeriod];

    /// The name the bindings take (`convention=`): `"numpy"` or `"excel"`.
    pub fn name(self) -> &'static str {
        match self {
            FirstFlow::AtZero => "numpy",
            FirstFlow::EndOfPeriod => "excel",
        }
    }
}

impl FromStr for FirstFlow {
    type Err = Error;

    /// `"numpy"` (first flow at t = 0) or `"excel"` (at the end of the first period); any
    /// other name is an [`Error::UnknownVariant`] at `convention`.
    ///
    /// ```
    /// use cleanprod::finance::FirstFlow;
    /// assert_eq!("excel".parse::<FirstFlow>().unwrap(), FirstFlow::EndOfPeriod);
    /// assert!("lotus".parse::<FirstFlow>().is_err());
    /// ```
    fn from_str(name: &str) -> Result<FirstFlow> {
        FirstFlow::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| Error::UnknownVariant {
                path: "convention".to_string(),
                value: name.to_string(),
                expected: "numpy, excel".to_string(),
            })
    }
}

/// When an investment pays back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Payback {
    /// After this many periods (fractional: flows are taken as spread evenly over each period).
    After(f64),
    /// The cumulative flows are still negative at the end of the series.
    Never,
}

impl Payback {
    /// The periods, or `None` for [`Payback::Never`].
    pub fn periods(self) -> Option<f64> {
        match self {
            Payback::After(p) => Some(p),
            Payback::Never => None,
        }
    }

    /// The payback as one row of a batch: the periods with [`Status::Ok`], or NaN with
    /// [`Status::Never`].
    ///
    /// ```
    /// use cleanprod::finance::{Payback, Status};
    /// assert_eq!(Payback::After(2.5).value_and_status(), (2.5, Status::Ok));
    /// let (v, s) = Payback::Never.value_and_status();
    /// assert!(v.is_nan() && s == Status::Never);
    /// ```
    pub fn value_and_status(self) -> (f64, Status) {
        match self {
            Payback::After(p) => (p, Status::Ok),
            Payback::Never => (f64::NAN, Status::Never),
        }
    }
}

impl From<Payback> for (f64, Status) {
    /// [`Payback::value_and_status`].
    fn from(p: Payback) -> (f64, Status) {
        p.value_and_status()
    }
}

/// Net present value at `rate` of flows at t = 0, 1, 2, ... (numpy-financial's convention).
///
/// ```
/// use cleanprod::finance::npv;
/// // numpy-financial: npv(0.08, [-40000, 5000, 8000, 12000, 30000]) = 3065.2227
/// let v = npv(0.08, &[-40_000.0, 5_000.0, 8_000.0, 12_000.0, 30_000.0]).unwrap();
/// assert!((v - 3065.2227).abs() < 5e-5);
/// assert_eq!(npv(f64::NAN, &[-1.0, 2.0]).unwrap_err().path(), "rate");
/// ```
pub fn npv(rate: f64, values: &[f64]) -> Result<f64> {
    npv_with(rate, values, FirstFlow::AtZero)
}

/// Net present value with the first flow at t = 0 or at the end of the first period.
///
/// ```
/// use cleanprod::finance::{npv_with, FirstFlow};
/// // LibreOffice/Excel NPV(5 %; -15000; 1500; 2500; 3500; 4500; 6000) = 117.04
/// let v = npv_with(0.05, &[-15000.0, 1500.0, 2500.0, 3500.0, 4500.0, 6000.0], FirstFlow::EndOfPeriod).unwrap();
/// assert!((v - 117.04).abs() < 0.005);
/// ```
pub fn npv_with(rate: f64, values: &[f64], first: FirstFlow) -> Result<f64> {
    check::rate("rate", rate)?;
    check::flows("values", values)?;
    let x = 1.0 / (1.0 + rate);
    let mut lanes = Lanes::new(x);
    let mut acc = [0.0; 4];
    let mut chunks = values.chunks_exact(4);
    for c in &mut chunks {
        for k in 0..4 {
            acc[k] += c[k] * lanes.factor[k];
        }
        lanes.advance();
    }
    for (k, v) in chunks.remainder().iter().enumerate() {
        acc[k] += v * lanes.factor[k];
    }
    check::result("npv", lanes.finish(acc, first))
}

/// Discount factors xᵗ in four lanes (t mod 4), advanced by x⁴ every four periods: the same
/// recurrence for one series and for a batch, so that both give identical results, and four
/// independent sums instead of one long chain.
pub(crate) struct Lanes {
    pub(crate) factor: [f64; 4],
    x: f64,
    x4: f64,
}

impl Lanes {
    pub(crate) fn new(x: f64) -> Lanes {
        let x2 = x * x;
        Lanes {
            factor: [1.0, x, x2, x2 * x],
            x,
            x4: x2 * x2,
        }
    }

    #[inline]
    pub(crate) fn advance(&mut self) {
        for f in &mut self.factor {
            *f *= self.x4;
        }
    }

    /// Every factor for `n` periods, in order.
    pub(crate) fn all(x: f64, n: usize) -> Vec<f64> {
        let mut lanes = Lanes::new(x);
        let mut out = Vec::with_capacity(n);
        for t in 0..n {
            out.push(lanes.factor[t % 4]);
            if t % 4 == 3 {
                lanes.advance();
            }
        }
        out
    }

    /// The sum of the four lane sums, discounted once more for the Excel convention.
    #[inline]
    pub(crate) fn finish(&self, acc: [f64; 4], first: FirstFlow) -> f64 {
        let sum = (acc[0] + acc[1]) + (acc[2] + acc[3]);
        match first {
            FirstFlow::AtZero => sum,
            FirstFlow::EndOfPeriod => sum * self.x,
        }
    }
}

/// NPV of every row of `values` (row-major, `row_len` flows a row): the discount factors are
/// computed once, and a row with a NaN or an infinity gets status [`Status::Invalid`].
///
/// Gives exactly what [`npv_with`] gives row by row.
///
/// ```
/// use cleanprod::finance::{npv_rows, FirstFlow, Status};
/// // Two rows of three flows, one after the other.
/// let rows = [-100.0, 60.0, 60.0, -100.0, f64::NAN, 60.0];
/// let r = npv_rows(0.0, &rows, 3, FirstFlow::AtZero).unwrap();
/// assert_eq!(r.values[0], 20.0);
/// assert_eq!(r.status, vec![Status::Ok, Status::Invalid]);
/// ```
pub fn npv_rows(
    rate: f64,
    values: &[f64],
    row_len: usize,
    first: FirstFlow,
) -> Result<BatchResult> {
    check::rate("rate", rate)?;
    super::rows::check_shape(values, row_len)?;
    let x = 1.0 / (1.0 + rate);
    let factors = Lanes::all(x, row_len);
    let lanes = Lanes::new(x);
    let rows = values.len() / row_len;
    let mut out = BatchResult {
        values: vec![f64::NAN; rows],
        status: vec![Status::Invalid; rows],
    };
    // Compiled once more for the processor's widest vectors, chosen at run time: the same
    // multiplications and additions in the same order (never fused), so the same bits.
    super::simd::dispatch(|| npv_each_row(values, row_len, &factors, &lanes, first, &mut out));
    Ok(out)
}

/// The body of [`npv_rows`], inlined into each instruction set's copy.
#[inline(always)]
fn npv_each_row(
    values: &[f64],
    row_len: usize,
    factors: &[f64],
    lanes: &Lanes,
    first: FirstFlow,
    out: &mut BatchResult,
) {
    let whole = row_len / 4 * 4;
    let rows = values.chunks_exact(row_len);
    for ((row, value), status) in rows.zip(&mut out.values).zip(&mut out.status) {
        let mut acc = [0.0; 4];
        for (v, f) in row[..whole]
            .chunks_exact(4)
            .zip(factors[..whole].chunks_exact(4))
        {
            for k in 0..4 {
                acc[k] += v[k] * f[k];
            }
        }
        for (k, (v, f)) in row[whole..].iter().zip(&factors[whole..]).enumerate() {
            acc[k] += v * f;
        }
        let v = lanes.finish(acc, first);
        // A NaN or infinite flow, or an overflow, makes the sum non-finite.
        (*value, *status) = if v.is_finite() {
            (v, Status::Ok)
        } else {
            (f64::NAN, Status::Invalid)
        };
    }
}

/// Modified internal rate of return: outflows financed at `finance_rate`, inflows reinvested at
/// `reinvest_rate` (numpy-financial's `mirr`).
///
/// ```
/// use cleanprod::finance::mirr;
/// // numpy-financial test suite: 0.0666
/// let flows = [-4500.0, -800.0, 800.0, 800.0, 600.0, 600.0, 800.0, 800.0, 700.0, 3000.0];
/// assert!((mirr(&flows, 0.08, 0.055).unwrap() - 0.0666).abs() < 5e-5);
/// // Without an inflow (or an outflow) there is no MIRR.
/// assert_eq!(mirr(&[-1.0, -2.0], 0.1, 0.1).unwrap_err().code(), "no_sign_change");
/// ```
pub fn mirr(values: &[f64], finance_rate: f64, reinvest_rate: f64) -> Result<f64> {
    check::flows("values", values)?;
    check::rate("finance_rate", finance_rate)?;
    check::rate("reinvest_rate", reinvest_rate)?;
    let n = values.len();
    if n < 2 || !values.iter().any(|v| *v > 0.0) || !values.iter().any(|v| *v < 0.0) {
        return Err(Error::NoSolution {
            path: "values".to_string(),
            reason: NoSolution::NoSignChange,
        });
    }
    let pos: Vec<f64> = values.iter().map(|v| v.max(0.0)).collect();
    let neg: Vec<f64> = values.iter().map(|v| v.min(0.0)).collect();
    let numer = npv(reinvest_rate, &pos)?.abs();
    let denom = npv(finance_rate, &neg)?.abs();
    let periods = (n - 1) as f64;
    check::result(
        "mirr",
        math::powf(numer / denom, 1.0 / periods) * (1.0 + reinvest_rate) - 1.0,
    )
}

/// Simple payback: the first time the cumulative flows reach zero (the textbook definition).
///
/// Within the period in which the cumulative crosses zero, flows are taken as spread evenly, so
/// `[-2400, 9600]` pays back after 0.25 periods. A series whose cumulative never reaches zero
/// never pays back; one whose cumulative never goes negative pays back at 0. Later negative
/// flows (a replacement) can take the cumulative below zero again; this function does not
/// look past the first recovery.
///
/// ```
/// use cleanprod::finance::{payback, Payback};
/// assert_eq!(payback(&[-2_400.0, 9_600.0]).unwrap(), Payback::After(0.25));
/// assert_eq!(payback(&[-100.0, 30.0, 30.0]).unwrap(), Payback::Never);
/// assert_eq!(payback(&[-100.0, 50.0, 100.0]).unwrap().periods(), Some(1.5));
/// ```
pub fn payback(values: &[f64]) -> Result<Payback> {
    check::flows("values", values)?;
    Ok(payback_of(values.iter().copied()))
}

/// The discount factor of each of `n` periods from t = 0, 1/(1 + rate)^t, computed as
/// [`npv`] and [`discounted_payback`] compute them (so that a chart of discounted flows
/// crosses zero where the discounted payback says).
pub(crate) fn discount_factors(rate: f64, n: usize) -> Result<Vec<f64>> {
    check::rate("rate", rate)?;
    Ok(Lanes::all(1.0 / (1.0 + rate), n))
}

/// Discounted payback at `rate` (flows at t = 0, 1, ...), as [`payback`] on discounted flows.
///
/// ```
/// use cleanprod::finance::discounted_payback;
/// // At 10 %: 545.45 then 495.87 discounted; 454.55 is left after period 1.
/// let p = discounted_payback(0.10, &[-1_000.0, 600.0, 600.0]).unwrap();
/// assert!((p.periods().unwrap() - 1.916_667).abs() < 1e-6);
/// ```
pub fn discounted_payback(rate: f64, values: &[f64]) -> Result<Payback> {
    check::rate("rate", rate)?;
    check::flows("values", values)?;
    let factors = Lanes::all(1.0 / (1.0 + rate), values.len());
    Ok(payback_of(values.iter().zip(factors).map(|(v, f)| v * f)))
}

fn payback_of(flows: impl Iterator<Item = f64>) -> Payback {
    let mut cumulative = 0.0;
    for (t, v) in flows.enumerate() {
        let before = cumulative;
        cumulative += v;
        if cumulative >= 0.0 && before < 0.0 {
            // `before` < 0 implies t ≥ 1 and v > 0.
            return Payback::After(t as f64 - 1.0 - before / v);
        }
        if t == 0 && cumulative >= 0.0 {
            return Payback::After(0.0);
        }
    }
    Payback::Never
}

/// Profitability index: present value of the flows after t = 0 per unit of the investment at
/// t = 0 (which must be negative). Above 1 the option earns more than the discount rate.
///
/// ```
/// use cleanprod::finance::profitability_index;
/// let pi = profitability_index(0.10, &[-1_000.0, 600.0, 600.0]).unwrap();
/// assert!((pi - 1.041_322).abs() < 1e-6);
/// assert_eq!(profitability_index(0.10, &[1.0, 2.0]).unwrap_err().path(), "values[0]");
/// ```
pub fn profitability_index(rate: f64, values: &[f64]) -> Result<f64> {
    check::rate("rate", rate)?;
    check::flows("values", values)?;
    let investment = -values[0];
    if investment <= 0.0 {
        return Err(Error::out_of_range(
            "values[0]",
            values[0],
            "must be negative: the investment at t = 0",
        ));
    }
    let rest = if values.len() > 1 {
        npv_with(rate, &values[1..], FirstFlow::EndOfPeriod)?
    } else {
        0.0
    };
    check::result("profitability_index", rest / investment)
}

/// Benefit-cost ratio: present value of `benefits` over present value of `costs`, both
/// series at t = 0, 1, ... and both given as positive amounts. The savings-to-investment ratio
/// of NIST Handbook 135 is this ratio with savings as benefits and investment costs as costs.
///
/// ```
/// use cleanprod::finance::benefit_cost_ratio;
/// // 600 saved in years 1 and 2 for 1,000 spent now, at 10 %.
/// let bcr = benefit_cost_ratio(0.10, &[0.0, 600.0, 600.0], &[1_000.0]).unwrap();
/// assert!((bcr - 1.041_322).abs() < 1e-6);
/// ```
pub fn benefit_cost_ratio(rate: f64, benefits: &[f64], costs: &[f64]) -> Result<f64> {
    check::flows("benefits", benefits)?;
    check::flows("costs", costs)?;
    let b = npv(rate, benefits)?;
    let c = npv(rate, costs)?;
    if c <= 0.0 {
        return Err(Error::out_of_range(
            "costs",
            c,
            "must have a positive present value",
        ));
    }
    check::result("benefit_cost_ratio", b / c)
}

/// Capital recovery factor: the level payment per period, over `periods`, that repays 1 at
/// `rate`: r(1+r)^n / ((1+r)^n − 1), and 1/n at a zero rate.
///
/// ```
/// use cleanprod::finance::capital_recovery_factor;
/// assert!((capital_recovery_factor(0.05, 10.0).unwrap() - 0.129_505).abs() < 1e-6);
/// assert_eq!(capital_recovery_factor(0.0, 4.0).unwrap(), 0.25);
/// ```
pub fn capital_recovery_factor(rate: f64, periods: f64) -> Result<f64> {
    check::rate("rate", rate)?;
    if !(periods.is_finite() && periods > 0.0) {
        return Err(Error::out_of_range(
            "periods",
            periods,
            "must be a positive number of periods",
        ));
    }
    if rate == 0.0 {
        return check::result("capital_recovery_factor", 1.0 / periods);
    }
    // (1+r)^n − 1 as expm1(n·ln(1+r)): exact for rates near zero, where (1+r)^n − 1 cancels.
    let growth = math::exp_m1(periods * math::ln_1p(rate));
    check::result("capital_recovery_factor", rate * (1.0 + growth) / growth)
}

/// Levelized cost of a conserved resource (Meier, LBL, 1982): the investment annualized with
/// the capital recovery factor, plus the change in operating cost per period, divided by the
/// amount saved per period. The result is money per unit of `saving_per_period` (per m3 of
/// water, per kWh); compare it with the resource's price.
///
/// The arguments are in the order of the Python and JS functions, the O&M change (often
/// zero, their default) last.
///
/// ```
/// use cleanprod::finance::levelized_cost;
/// // 10,000 invested for 10 years at 5 %, saving 5,000 m3 a year, no O&M change:
/// // 10,000 × 0.129505 / 5,000 = 0.259 per m3.
/// let c = levelized_cost(0.05, 10.0, 10_000.0, 5_000.0, 0.0).unwrap();
/// assert!((c - 0.259009).abs() < 1e-6);
/// ```
pub fn levelized_cost(
    rate: f64,
    periods: f64,
    investment: f64,
    saving_per_period: f64,
    om_change_per_period: f64,
) -> Result<f64> {
    check::finite("investment", investment)?;
    check::finite("om_change_per_period", om_change_per_period)?;
    check::finite("saving_per_period", saving_per_period)?;
    if saving_per_period <= 0.0 {
        return Err(Error::out_of_range(
            "saving_per_period",
            saving_per_period,
            "must be positive: a levelized cost is per unit saved",
        ));
    }
    let crf = capital_recovery_factor(rate, periods)?;
    check::result(
        "levelized_cost",
        (investment * crf + om_change_per_period) / saving_per_period,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn npv_published() {
        // numpy-financial documentation, npv: 3065.22267 at 8 %.
        let v = npv(0.08, &[-40_000.0, 5_000.0, 8_000.0, 12_000.0, 30_000.0]).unwrap();
        assert!((v - 3065.22267).abs() < 5e-6, "{v}");
    }

    #[test]
    fn mirr_published() {
        // Microsoft Excel MIRR documentation: 13 % after five years, -5 % after three (shown to
        // whole percents). numpy's former test suite expected 0.1344 here: it was computed
        // with numpy's old NPV, which discounted the first flow.
        let b = mirr(
            &[-120_000.0, 39_000.0, 30_000.0, 21_000.0, 37_000.0, 46_000.0],
            0.10,
            0.12,
        )
        .unwrap();
        assert!((b - 0.13).abs() < 0.005, "{b}");
        let three = mirr(&[-120_000.0, 39_000.0, 30_000.0, 21_000.0], 0.10, 0.12).unwrap();
        assert!((three - -0.05).abs() < 0.005, "{three}");
        // By definition: (FV of inflows at 12 % / PV of outflows at 10 %)^(1/5) − 1.
        let fv_in: f64 = [39_000.0, 30_000.0, 21_000.0, 37_000.0, 46_000.0]
            .iter()
            .enumerate()
            .map(|(i, c)| c * 1.12f64.powi(4 - i as i32))
            .sum();
        assert_relative_eq!(b, (fv_in / 120_000.0).powf(0.2) - 1.0, max_relative = 1e-12);
        assert!(matches!(
            mirr(&[1.0, 2.0], 0.1, 0.1),
            Err(Error::NoSolution { .. })
        ));
    }

    #[test]
    fn payback_cases() {
        assert_eq!(payback(&[-2400.0, 9600.0]).unwrap(), Payback::After(0.25));
        assert_eq!(
            payback(&[-100.0, 30.0, 30.0, 40.0]).unwrap(),
            Payback::After(3.0)
        );
        assert_eq!(payback(&[-100.0, 30.0, 30.0]).unwrap(), Payback::Never);
        assert_eq!(payback(&[50.0, 10.0]).unwrap(), Payback::After(0.0));
        // UC Berkeley CE 167 Engineering Economy, assignment 5 solutions (2008), problem 1:
        // payback 4.7 years; discounted at 5 %, 7.2 years (one decimal).
        let flows = [-180.0, -90.0, 0.0, 100.0, 100.0, 100.0, -90.0, 100.0, 100.0];
        assert!((payback(&flows).unwrap().periods().unwrap() - 4.7).abs() < 0.05);
        let disc = discounted_payback(0.05, &flows).unwrap().periods().unwrap();
        assert!((disc - 7.2).abs() < 0.05, "{disc}");
        assert!(payback(&[f64::NAN]).is_err());
    }

    #[test]
    fn discounted_payback_is_later() {
        let flows = [-1000.0, 300.0, 300.0, 300.0, 300.0, 300.0];
        let simple = payback(&flows).unwrap().periods().unwrap();
        let disc = discounted_payback(0.10, &flows).unwrap().periods().unwrap();
        assert_relative_eq!(simple, 3.0 + 100.0 / 300.0, max_relative = 1e-12);
        assert!(disc > simple);
        assert_eq!(
            discounted_payback(0.0, &flows).unwrap().periods().unwrap(),
            simple
        );
    }

    #[test]
    fn crf_and_ratios() {
        // CRF(10 %, 10) = 0.162745 (standard interest tables, A/P)
        assert_relative_eq!(
            capital_recovery_factor(0.10, 10.0).unwrap(),
            0.162_745_394,
            max_relative = 1e-8
        );
        assert_relative_eq!(capital_recovery_factor(0.0, 4.0).unwrap(), 0.25);
        let pi = profitability_index(0.0, &[-100.0, 60.0, 60.0]).unwrap();
        assert_relative_eq!(pi, 1.2);
        assert_relative_eq!(
            benefit_cost_ratio(0.0, &[0.0, 60.0, 60.0], &[100.0]).unwrap(),
            1.2
        );
        assert!(profitability_index(0.1, &[100.0, 60.0]).is_err());
        assert_eq!(
            profitability_index(-2.0, &[-100.0]).unwrap_err().path(),
            "rate"
        );
    }

    #[test]
    fn levelized_cost_takes_saving_before_om() {
        // (A/P, 5 %, 10) = 0.1295046: 10,000 → 1,295.046 a year, plus 250 of O&M, over 5,000.
        let c = levelized_cost(0.05, 10.0, 10_000.0, 5_000.0, 250.0).unwrap();
        assert_relative_eq!(c, (1_295.045_750 + 250.0) / 5_000.0, max_relative = 1e-8);
        let e = levelized_cost(0.05, 10.0, 10_000.0, 0.0, 250.0).unwrap_err();
        assert_eq!(e.path(), "saving_per_period");
    }

    #[test]
    fn conventions_by_name() {
        for f in FirstFlow::ALL {
            assert_eq!(f.name().parse::<FirstFlow>().unwrap(), f);
        }
        assert_eq!("numpy".parse::<FirstFlow>().unwrap(), FirstFlow::default());
        let e = "Excel".parse::<FirstFlow>().unwrap_err();
        assert_eq!(
            (e.code(), e.path(), e.value()),
            ("unknown_variant", "convention", Some("Excel"))
        );
        assert!(e.to_string().contains("numpy, excel"), "{e}");
        let (v, s): (f64, Status) = Payback::After(1.5).into();
        assert_eq!((v, s), (1.5, Status::Ok));
    }
}
