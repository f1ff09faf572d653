//! Internal rate of return, found reliably.
//!
//! The solver works in u = ln(1 + r), so that every rate above -100 % is a real u and the
//! present value f(u) = Σ cₜ·e^(−tu) is smooth. Each evaluation is scaled so that no power
//! overflows: for u < 0 the sum is multiplied by e^(t_max·u), which changes neither its sign
//! nor the Newton step. Convergence is scale-free: a root is accepted when |f| is at most
//! 1e-9 of Σ|cₜ|·e^(−tu), the size of the discounted flows, whatever the currency or the
//! magnitude of the rate (pyxirr's absolute 1e-3 accepts wrong roots for large amounts and
//! misses very negative rates).
//!
//! * Flows that change sign once (a conventional investment, or a loan) have exactly one IRR
//!   (Descartes' rule of signs on the polynomial in 1/(1+r)). It is found by Newton's method
//!   from a two-moment estimate of the rate, safeguarded by bisection inside a bracket, in
//!   [`IRR_U_MIN`, `IRR_U_MAX`] (rates from -100 % + 2e-22 to 5e21).
//! * Flows that change sign more than once may have several IRRs. The solver scans u on a
//!   grid covering rates from [`IRR_SCAN_MIN`] to [`IRR_SCAN_MAX`], refines every sign change
//!   and every tangency (a double root), then follows the tails beyond the grid by the sign of
//!   f at its ends. All roots found are returned; the one nearest the guess is "the" IRR.
//!   Pairs of roots beyond the grid can be missed, which [`Irr::complete`] reports.

use super::check;
use super::rows::Status;
use crate::error::{Error, NoSolution, Result};
use crate::math;

/// The guess of [`irr`], [`irr_roots`] and the bindings' `irr` and `xirr` when none is given:
/// 10 %. Where flows have several IRRs, the one nearest the guess is returned.
pub const DEFAULT_GUESS: f64 = 0.1;
/// Smallest rate of the grid searched for multiple roots: -99 %.
pub const IRR_SCAN_MIN: f64 = -0.99;
/// Largest rate of the grid searched for multiple roots: +1000 %.
pub const IRR_SCAN_MAX: f64 = 10.0;
/// Bounds of u = ln(1 + r) for any root.
const IRR_U_MIN: f64 = -50.0;
const IRR_U_MAX: f64 = 50.0;
/// Grid points over [ln(1 + IRR_SCAN_MIN), ln(1 + IRR_SCAN_MAX)].
const SCAN_POINTS: usize = 480;
/// Relative residual accepted as a root.
const RESIDUAL: f64 = 1e-9;

/// The internal rates of return of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Irr {
    /// The IRR: the only root, or the root nearest the guess when there are several.
    pub rate: f64,
    /// Every root found, ascending.
    pub roots: Vec<f64>,
    /// Whether the roots are known to be all there are: true when the flows change sign once,
    /// or when as many roots were found as the flows change sign.
    pub complete: bool,
}

impl Irr {
    /// Whether more than one rate makes the present value zero; NPV or MIRR should then
    /// decide.
    pub fn is_multiple(&self) -> bool {
        self.roots.len() > 1
    }

    /// [`Status::Multiple`] when there are several roots, [`Status::Ok`] otherwise: the status
    /// of the IRR as one row of a batch.
    pub fn status(&self) -> Status {
        if self.is_multiple() {
            Status::Multiple
        } else {
            Status::Ok
        }
    }

    /// The warning to give with [`Irr::rate`] when the flows have several IRRs (`None` when
    /// they have one), `guess` being the guess the rate was chosen by. Python raises it as a
    /// `MultipleIrrWarning`; JS returns it in the `warnings` of `irrDetailed`.
    ///
    /// ```
    /// use cleanprod::finance::irr_with_guess;
    /// let s = irr_with_guess(&[-1.0, 2.3, -1.32], 0.25).unwrap();
    /// assert_eq!(
    ///     s.multiple_warning(0.25).unwrap(),
    ///     "the cash flows have 2 internal rates of return [0.1, 0.2]; returning 0.2, the \
    ///      nearest to guess=0.25. Decide with NPV or MIRR."
    /// );
    /// assert_eq!(irr_with_guess(&[-1.0, 1.1], 0.1).unwrap().multiple_warning(0.1), None);
    /// ```
    pub fn multiple_warning(&self, guess: f64) -> Option<String> {
        if !self.is_multiple() {
            return None;
        }
        let count = if self.complete { "" } else { "at least " };
        let roots: Vec<String> = self.roots.iter().map(|r| number(*r)).collect();
        Some(format!(
            "the cash flows have {count}{} internal rates of return [{}]; returning {}, the \
             nearest to guess={}. Decide with NPV or MIRR.",
            self.roots.len(),
            roots.join(", "),
            number(self.rate),
            number(guess),
        ))
    }
}

/// A rate in a message: the shortest text that reads back as the same number, rounded to 12
/// significant digits so that a root found to 1e-12 reads as the round number it is.
fn number(x: f64) -> String {
    let rounded: f64 = format!("{x:.11e}").parse().unwrap_or(x);
    format!("{rounded:?}")
}

/// Flows whose present value the solver evaluates.
pub(crate) trait Flows {
    /// (f, −df/du, Σ|terms|) at u, all scaled by the same positive factor.
    fn eval(&self, u: f64) -> (f64, f64, f64);
    /// (f, −df/du, d²f/du²) at u, scaled alike: what a Halley step needs.
    fn eval_fdd(&self, u: f64) -> (f64, f64, f64);
    /// The flows in time order, for sign counting and the starting estimate: (time, amount).
    fn terms(&self) -> impl Iterator<Item = (f64, f64)>;
}

/// Flows at t = 0, 1, 2, ...
pub(crate) struct Periodic<'a>(pub(crate) &'a [f64]);

impl Flows for Periodic<'_> {
    #[inline]
    fn eval(&self, u: f64) -> (f64, f64, f64) {
        let c = self.0;
        let n = c.len();
        let (mut f, mut d, mut s) = (0.0, 0.0, 0.0);
        if u >= 0.0 {
            // x = e^(−u) ≤ 1: Horner from the last flow; d accumulates t·cₜ·xᵗ.
            let x = math::exp(-u);
            for t in (0..n).rev() {
                f = f * x + c[t];
                d = d * x + t as f64 * c[t];
                s = s * x + c[t].abs();
            }
        } else {
            // y = e^u < 1: the sum times x^(n−1), Horner from the first flow.
            let y = math::exp(u);
            for (t, ct) in c.iter().enumerate() {
                f = f * y + ct;
                d = d * y + t as f64 * ct;
                s = s * y + ct.abs();
            }
        }
        (f, d, s)
    }

    #[inline]
    fn eval_fdd(&self, u: f64) -> (f64, f64, f64) {
        let c = self.0;
        let n = c.len();
        if u >= 0.0 {
            horner_pairs(n, math::exp(-u), |t| t)
                .map(|k| c.get(k).copied().unwrap_or(0.0))
                .finish()
        } else {
            // The sum times x^(n−1): coefficient of y^s is c[n−1−s].
            horner_pairs(n, math::exp(u), |s| n - 1 - s)
                .map(|k| c.get(k).copied().unwrap_or(0.0))
                .finish()
        }
    }

    fn terms(&self) -> impl Iterator<Item = (f64, f64)> {
        self.0.iter().enumerate().map(|(t, c)| (t as f64, *c))
    }
}

/// Σ wₛ·zˢ and its first two weighted moments by Horner's rule on z², even and odd powers in
/// two independent chains, which halves the latency of one long chain.
struct HornerPairs<I: Fn(usize) -> usize> {
    n: usize,
    z: f64,
    /// The flow index (its time) of the coefficient of zˢ.
    index: I,
}

fn horner_pairs<I: Fn(usize) -> usize>(n: usize, z: f64, index: I) -> HornerPairs<I> {
    HornerPairs { n, z, index }
}

impl<I: Fn(usize) -> usize> HornerPairs<I> {
    /// With `coef(t)` the flow at time t: (Σ cₜzˢ, Σ t·cₜzˢ, Σ t²·cₜzˢ).
    #[inline]
    fn map(self, coef: impl Fn(usize) -> f64) -> HornerSums {
        let z2 = self.z * self.z;
        let mut acc = [0.0f64; 6];
        let pairs = self.n.div_ceil(2);
        for k in (0..pairs).rev() {
            let (se, so) = (2 * k, 2 * k + 1);
            let (ce, te) = (coef((self.index)(se)), (self.index)(se) as f64);
            let (co, to) = if so < self.n {
                (coef((self.index)(so)), (self.index)(so) as f64)
            } else {
                (0.0, 0.0)
            };
            acc[0] = acc[0] * z2 + ce;
            acc[1] = acc[1] * z2 + co;
            acc[2] = acc[2] * z2 + te * ce;
            acc[3] = acc[3] * z2 + to * co;
            acc[4] = acc[4] * z2 + te * te * ce;
            acc[5] = acc[5] * z2 + to * to * co;
        }
        HornerSums { z: self.z, acc }
    }
}

struct HornerSums {
    z: f64,
    acc: [f64; 6],
}

impl HornerSums {
    #[inline]
    fn finish(self) -> (f64, f64, f64) {
        let [fa, fb, da, db, ea, eb] = self.acc;
        (fa + self.z * fb, da + self.z * db, ea + self.z * eb)
    }
}

/// The IRR of flows at t = 0, 1, 2, ...; the root nearest 10 % when there are several.
///
/// ```
/// use cleanprod::finance::irr;
/// // numpy test suite: irr([-150000, 15000, 25000, 35000, 45000, 60000]) = 0.0524
/// let r = irr(&[-150_000.0, 15_000.0, 25_000.0, 35_000.0, 45_000.0, 60_000.0]).unwrap();
/// assert!((r - 0.0524).abs() < 5e-5);
/// ```
pub fn irr(values: &[f64]) -> Result<f64> {
    irr_with_guess(values, DEFAULT_GUESS).map(|s| s.rate)
}

/// Every IRR found, ascending.
///
/// ```
/// use cleanprod::finance::irr_roots;
/// // -1 + 2.3/(1+r) - 1.32/(1+r)^2 is zero at 10 % and at 20 %.
/// let roots = irr_roots(&[-1.0, 2.3, -1.32]).unwrap();
/// assert_eq!(roots.len(), 2);
/// assert!((roots[0] - 0.1).abs() < 1e-9 && (roots[1] - 0.2).abs() < 1e-9);
/// ```
pub fn irr_roots(values: &[f64]) -> Result<Vec<f64>> {
    irr_with_guess(values, DEFAULT_GUESS).map(|s| s.roots)
}

/// The IRRs of flows at t = 0, 1, 2, ..., choosing the root nearest `guess` when there are
/// several.
///
/// ```
/// use cleanprod::finance::irr_with_guess;
/// let s = irr_with_guess(&[-1.0, 2.3, -1.32], 0.25).unwrap();
/// assert!((s.rate - 0.2).abs() < 1e-9);
/// assert!(s.is_multiple() && s.complete);
/// // Flows that never change sign have no IRR: an error, not a NaN.
/// assert_eq!(irr_with_guess(&[1.0, 2.0], 0.1).unwrap_err().code(), "no_sign_change");
/// ```
pub fn irr_with_guess(values: &[f64], guess: f64) -> Result<Irr> {
    check::flows("values", values)?;
    check::rate("guess", guess)?;
    let scaled = scaled(values);
    let values = scaled.as_deref().unwrap_or(values);
    solve(&Periodic(values), guess).map_err(|reason| Error::NoSolution {
        path: "values".to_string(),
        reason,
    })
}

/// Flows so large (or so small) that their present values could overflow (or underflow),
/// divided by a power of two that brings the largest near 1: exact, and an IRR does not depend
/// on the scale of the flows. `None` for flows of ordinary size.
fn scaled(values: &[f64]) -> Option<Vec<f64>> {
    let largest = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if largest == 0.0 || (1e-100..=1e100).contains(&largest) {
        return None;
    }
    let exponent = math::ln(largest) / std::f64::consts::LN_2;
    let factor = 2f64.powi(-(exponent.round() as i32));
    Some(values.iter().map(|v| v * factor).collect())
}

/// What one pass over the flows tells: how often they change sign, and the totals and mean
/// times of inflows and outflows.
struct Scan {
    changes: usize,
    inflow: f64,
    outflow: f64,
    inflow_time: f64,
    outflow_time: f64,
}

impl Scan {
    fn of(flows: &impl Flows) -> Scan {
        let mut scan = Scan {
            changes: 0,
            inflow: 0.0,
            outflow: 0.0,
            inflow_time: 0.0,
            outflow_time: 0.0,
        };
        let mut last = 0.0f64;
        for (t, c) in flows.terms() {
            if c > 0.0 {
                scan.inflow += c;
                scan.inflow_time += t * c;
            } else {
                scan.outflow -= c;
                scan.outflow_time -= t * c;
            }
            if c != 0.0 {
                if last != 0.0 && (c > 0.0) != (last > 0.0) {
                    scan.changes += 1;
                }
                last = c;
            }
        }
        scan
    }

    /// Estimate of u: with P, N the inflow and outflow totals and Tp, Tn their mean times,
    /// P·e^(−Tp·u) = N·e^(−Tn·u) gives u = ln(P/N)/(Tp − Tn).
    fn estimate(&self) -> Option<f64> {
        if self.inflow <= 0.0 || self.outflow <= 0.0 {
            return None;
        }
        let dt = self.inflow_time / self.inflow - self.outflow_time / self.outflow;
        let u = math::ln(self.inflow / self.outflow) / dt;
        (u.is_finite() && dt.abs() > 1e-12).then_some(u.clamp(IRR_U_MIN, IRR_U_MAX))
    }
}

/// All roots of `flows`, with the one nearest `guess` chosen.
pub(crate) fn solve(flows: &impl Flows, guess: f64) -> std::result::Result<Irr, NoSolution> {
    let scan = Scan::of(flows);
    let changes = scan.changes;
    if changes == 0 {
        return Err(NoSolution::NoSignChange);
    }
    let guess_u = math::ln_1p(guess);
    if changes == 1 {
        let start = scan.estimate().unwrap_or(guess_u);
        let u = newton(flows, start)
            .or_else(|| unique_root(flows, start))
            .ok_or(NoSolution::NoRootInBracket)?;
        let rate = math::exp_m1(u);
        return Ok(Irr {
            rate,
            roots: vec![rate],
            complete: true,
        });
    }
    let roots = all_roots(flows);
    let rate = roots
        .iter()
        .copied()
        .min_by(|a, b| (a - guess).abs().total_cmp(&(b - guess).abs()))
        .ok_or(NoSolution::NoRootInBracket)?;
    Ok(Irr {
        rate,
        complete: roots.len() >= changes,
        roots,
    })
}

/// Halley's method from `start`, for flows that change sign once: f(u) is then monotone across
/// its root and, for an investment followed by returns, convex, so the iteration converges from
/// the two-moment estimate in two or three steps (cubically). `None` when it does not, for the
/// bracketed method.
fn newton(flows: &impl Flows, start: f64) -> Option<f64> {
    let mut u = start;
    for _ in 0..32 {
        let (f, d, d2) = flows.eval_fdd(u);
        let newton = f / d;
        // Halley = Newton / (1 − f·f''/(2f'²)); keep Newton where the correction is large.
        let damp = 1.0 - 0.5 * newton * d2 / d;
        let halley = (0.5..=2.0).contains(&damp);
        let step = if halley { newton / damp } else { newton };
        if !step.is_finite() {
            return None;
        }
        let next = u + step;
        // Converged: the error after this last step is of the order of the step cubed for a
        // Halley step (squared for Newton), far below 1e-12, and |f| ≈ |d·step| is far below
        // the size of the discounted flows.
        let tolerance = if halley { 1e-6 } else { 1e-8 };
        if step.abs() <= tolerance * u.abs().max(1.0) {
            return Some(next);
        }
        if !(IRR_U_MIN..=IRR_U_MAX).contains(&next) {
            return None;
        }
        u = next;
    }
    None
}

/// The root of flows that change sign once, from `start`.
///
/// f(u) has the sign of the earliest flow as u → +∞ and of the latest as u → −∞, so the
/// side of `start` on which the root lies follows from the sign of f(start).
fn unique_root(flows: &impl Flows, start: f64) -> Option<f64> {
    let (f0, _, s0) = flows.eval(start);
    if converged(f0, s0) {
        return Some(start);
    }
    let earliest = flows.terms().map(|(_, c)| c).find(|c| *c != 0.0)?;
    let downward = (f0 > 0.0) == (earliest > 0.0);
    let mut near = start;
    let mut step = 0.25;
    // Bounded: the step doubles until the far end reaches the limit.
    for _ in 0..64 {
        let far = if downward {
            (near - step).max(IRR_U_MIN)
        } else {
            (near + step).min(IRR_U_MAX)
        };
        let ffar = flows.eval(far).0;
        if ffar * f0 <= 0.0 {
            let (lo, hi, flo) = if downward {
                (far, near, ffar)
            } else {
                (near, far, flows.eval(near).0)
            };
            return refine(flows, lo, hi, flo, start);
        }
        if far <= IRR_U_MIN || far >= IRR_U_MAX {
            return None;
        }
        near = far;
        step *= 2.0;
    }
    None
}

/// Newton's method kept inside the bracket [lo, hi] (f(lo) has the sign `flo`), falling back
/// to bisection when a step leaves it or does not shrink it fast enough.
fn refine(flows: &impl Flows, mut lo: f64, mut hi: f64, flo: f64, start: f64) -> Option<f64> {
    let mut u = if start >= lo && start <= hi {
        start
    } else {
        0.5 * (lo + hi)
    };
    let lo_sign = flo > 0.0;
    for _ in 0..200 {
        let (f, d, s) = flows.eval(u);
        if converged(f, s) {
            // One more Newton step polishes the root to full precision at no extra cost: the
            // error after it is of the order of the step squared.
            let polished = u + f / d;
            let near = (polished - u).abs() <= 1e-6 * u.abs().max(1.0);
            return Some(if d != 0.0 && near && polished.is_finite() {
                polished
            } else {
                u
            });
        }
        if (f > 0.0) == lo_sign {
            lo = u;
        } else {
            hi = u;
        }
        // Newton in u: f'(u) = −d.
        let next = u + f / d;
        let width = hi - lo;
        u = if d != 0.0 && next > lo && next < hi && next.is_finite() {
            next
        } else {
            0.5 * (lo + hi)
        };
        if width <= 4.0 * f64::EPSILON * u.abs().max(1.0) {
            let (f, _, s) = flows.eval(u);
            return (f.abs() <= 1e3 * RESIDUAL * s).then_some(u);
        }
    }
    None
}

#[inline]
fn converged(f: f64, scale: f64) -> bool {
    f.abs() <= RESIDUAL * scale
}

/// Every root of flows that change sign more than once.
fn all_roots(flows: &impl Flows) -> Vec<f64> {
    let u_min = math::ln_1p(IRR_SCAN_MIN);
    let u_max = math::ln_1p(IRR_SCAN_MAX);
    let h = (u_max - u_min) / (SCAN_POINTS - 1) as f64;
    let mut roots: Vec<f64> = Vec::new();
    let mut push = |u: f64| {
        let r = math::exp_m1(u);
        if !roots
            .iter()
            .any(|x| (x - r).abs() <= 1e-9 * r.abs().max(1.0))
        {
            roots.push(r);
        }
    };
    let grid: Vec<(f64, f64, f64, f64)> = (0..SCAN_POINTS)
        .map(|i| {
            let u = u_min + h * i as f64;
            let (f, d, s) = flows.eval(u);
            (u, f, d, s)
        })
        .collect();
    for w in grid.windows(2) {
        let (u0, f0, d0, s0) = w[0];
        let (u1, f1, d1, _) = w[1];
        if converged(f0, s0) && f0 == 0.0 {
            push(u0);
        } else if f0 * f1 < 0.0 {
            if let Some(u) = refine(flows, u0, u1, f0, 0.5 * (u0 + u1)) {
                push(u);
            }
        } else if d0 * d1 < 0.0 && f0 * d0 > 0.0 {
            // |f| has a minimum between u0 and u1 without a sign change: a root touching zero?
            if let Some(u) = extremum(flows, u0, u1) {
                let (f, _, s) = flows.eval(u);
                if f.abs() <= 1e3 * RESIDUAL * s {
                    push(u);
                }
            }
        }
    }
    // The tails beyond the grid: a sign change between a grid end and the limit.
    let first_sign = flows
        .terms()
        .map(|(_, c)| c)
        .find(|c| *c != 0.0)
        .unwrap_or(0.0);
    let last_sign = flows
        .terms()
        .map(|(_, c)| c)
        .filter(|c| *c != 0.0)
        .last()
        .unwrap_or(0.0);
    if let (Some(&(u_hi, f_hi, _, _)), Some(&(u_lo, f_lo, _, _))) = (grid.last(), grid.first()) {
        if f_hi * first_sign < 0.0 {
            let fmax = flows.eval(IRR_U_MAX).0;
            if fmax * f_hi <= 0.0 {
                if let Some(u) = refine(flows, u_hi, IRR_U_MAX, f_hi, 0.5 * (u_hi + IRR_U_MAX)) {
                    push(u);
                }
            }
        }
        if f_lo * last_sign < 0.0 {
            let fmin = flows.eval(IRR_U_MIN).0;
            if fmin * f_lo <= 0.0 {
                if let Some(u) = refine(flows, IRR_U_MIN, u_lo, fmin, 0.5 * (u_lo + IRR_U_MIN)) {
                    push(u);
                }
            }
        }
    }
    roots.sort_by(f64::total_cmp);
    roots
}

/// The u in [a, b] where −df/du changes sign (f has an extremum), by bisection.
fn extremum(flows: &impl Flows, mut a: f64, mut b: f64) -> Option<f64> {
    let mut da = flows.eval(a).1;
    for _ in 0..100 {
        let m = 0.5 * (a + b);
        let dm = flows.eval(m).1;
        if dm * da > 0.0 {
            a = m;
            da = dm;
        } else {
            b = m;
        }
        if b - a <= 4.0 * f64::EPSILON * m.abs().max(1.0) {
            return Some(m);
        }
    }
    Some(0.5 * (a + b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::npv;
    use approx::assert_relative_eq;

    #[test]
    fn excel_examples() {
        // Microsoft Excel IRR documentation: -70,000 then 12,000 15,000 18,000 21,000 (26,000)
        let four = [-70_000.0, 12_000.0, 15_000.0, 18_000.0, 21_000.0];
        assert!((irr(&four).unwrap() - (-0.021)).abs() < 5e-4);
        let five = [-70_000.0, 12_000.0, 15_000.0, 18_000.0, 21_000.0, 26_000.0];
        assert!((irr(&five).unwrap() - 0.087).abs() < 5e-4);
        // IRR(A2:A4, -10 %) = -44.4 %
        let two = [-70_000.0, 12_000.0, 15_000.0];
        assert!((irr(&two).unwrap() - (-0.444)).abs() < 5e-4);
    }

    #[test]
    fn very_negative_and_large() {
        let r = irr(&[-100.0, 1.0]).unwrap();
        assert_relative_eq!(r, -0.99, max_relative = 1e-12);
        let r = irr(&[-1e12, 1e3]).unwrap();
        assert_relative_eq!(r, -1.0 + 1e-9, max_relative = 1e-12);
        let r = irr(&[-1.0, 1e9]).unwrap();
        assert_relative_eq!(r, 1e9 - 1.0, max_relative = 1e-9);
        // amounts in the billions: the root is still exact relative to the flows
        let big = [-3.0e9, 1.1e9, 1.2e9, 1.3e9];
        let r = irr(&big).unwrap();
        assert!(npv(r, &big).unwrap().abs() < 1e-9 * 3.0e9);
    }

    #[test]
    fn multiple_roots() {
        // (1+r)^-2 polynomial with roots at 10 % and 20 %: -1, 2.3, -1.32
        let flows = [-1.0, 2.3, -1.32];
        let s = irr_with_guess(&flows, 0.1).unwrap();
        assert_eq!(s.roots.len(), 2);
        assert_relative_eq!(s.roots[0], 0.1, max_relative = 1e-9);
        assert_relative_eq!(s.roots[1], 0.2, max_relative = 1e-9);
        assert!(s.complete && s.is_multiple());
        assert_relative_eq!(
            irr_with_guess(&flows, 0.25).unwrap().rate,
            0.2,
            max_relative = 1e-9
        );
        // a double root at 10 %: -1, 2.2, -1.21 = -(1 - 1.1x)^2 with x = 1/(1+r)... in y = 1+r
        let double = [-1.0, 2.2, -1.21];
        let s = irr_with_guess(&double, 0.0).unwrap();
        assert_eq!(s.roots.len(), 1);
        assert_relative_eq!(s.rate, 0.1, max_relative = 1e-6);
    }

    #[test]
    fn multiple_warning_and_status() {
        let flows = [-1.0, 2.3, -1.32];
        let s = irr_with_guess(&flows, 0.1).unwrap();
        assert_eq!(s.status(), Status::Multiple);
        let w = s.multiple_warning(0.1).unwrap();
        assert_eq!(
            w,
            "the cash flows have 2 internal rates of return [0.1, 0.2]; returning 0.1, the \
             nearest to guess=0.1. Decide with NPV or MIRR."
        );
        // one root: no warning, status ok
        let one = irr_with_guess(&[-100.0, 39.0, 59.0, 55.0, 20.0], 0.1).unwrap();
        assert_eq!(
            (one.status(), one.multiple_warning(0.1)),
            (Status::Ok, None)
        );
        // roots that may not be all there are say so
        let partial = Irr {
            rate: 0.1,
            roots: vec![0.1, 0.2],
            complete: false,
        };
        let w = partial.multiple_warning(0.3).unwrap();
        assert!(
            w.contains("at least 2 internal rates") && w.contains("guess=0.3"),
            "{w}"
        );
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-0.999999999), "-0.999999999");
        assert_eq!(number(1e21), "1e21");
    }

    #[test]
    fn no_solution() {
        assert!(matches!(
            irr(&[1.0, 2.0, 3.0]),
            Err(Error::NoSolution {
                reason: NoSolution::NoSignChange,
                ..
            })
        ));
        assert!(matches!(irr(&[0.0, 0.0]), Err(Error::NoSolution { .. })));
        // two sign changes but no real root: -1, 1, -1 → x² − x + 1 has none
        assert!(matches!(
            irr(&[-1.0, 1.0, -1.0]),
            Err(Error::NoSolution {
                reason: NoSolution::NoRootInBracket,
                ..
            })
        ));
        assert!(irr(&[-1.0, f64::INFINITY]).is_err());
    }
}
