//! Metrics over many series at once: one bad row never fails the batch.
//!
//! Each metric of a cash-flow series has a batch form here ([`npv_batch`], [`irr_batch`],
//! [`mirr_batch`], [`payback_batch`], [`discounted_payback_batch`],
//! [`profitability_index_batch`]) over rows stored one after the other (`row_len` values a
//! row), giving a value and a [`Status`] per row. The parameters shared by every row (a rate,
//! a guess) are checked once: a bad one is an error naming it, not a batch of invalid rows.

use super::check;
use super::irr::irr_with_guess;
use super::periodic::{
    FirstFlow, discounted_payback, mirr, npv_rows, payback, profitability_index,
};
use super::rows::{BatchResult, Status, batch};
use super::tvm::{self, When};
use crate::error::{Error, Result};

/// NPV at `rate` of each row of `values` (row-major, `row_len` flows a row), the first flow
/// of each row at t = 0 or at the end of the first period; row by row exactly what
/// [`npv_with`](super::npv_with) gives. A row with a NaN or an infinity gets
/// [`Status::Invalid`].
///
/// ```
/// use cleanprod::finance::{npv_batch, FirstFlow, Status};
/// // numpy-financial documentation: npv(0.08, [-40000, 5000, 8000, 12000, 30000]) = 3065.22267
/// let rows = [-40_000.0, 5_000.0, 8_000.0, 12_000.0, 30_000.0, /* */ 1.0, f64::NAN, 0.0, 0.0, 0.0];
/// let r = npv_batch(0.08, &rows, 5, FirstFlow::AtZero).unwrap();
/// assert!((r.values[0] - 3065.22267).abs() < 5e-6);
/// assert_eq!(r.status, vec![Status::Ok, Status::Invalid]);
/// ```
pub fn npv_batch(
    rate: f64,
    values: &[f64],
    row_len: usize,
    first_flow: FirstFlow,
) -> Result<BatchResult> {
    npv_rows(rate, values, row_len, first_flow)
}

/// The IRR of each row, the root nearest `guess` where there are several (status
/// [`Status::Multiple`]); row by row what [`irr_with_guess`] gives.
///
/// ```
/// use cleanprod::finance::{irr_batch, Status};
/// let rows = [-100.0, 39.0, 59.0, 55.0, 20.0, /* */ 1.0, 2.0, 3.0, 4.0, 5.0];
/// let r = irr_batch(&rows, 5, 0.1).unwrap();
/// assert!((r.values[0] - 0.28095).abs() < 5e-6); // numpy-financial documentation
/// assert_eq!(r.status, vec![Status::Ok, Status::NoSignChange]);
/// ```
pub fn irr_batch(values: &[f64], row_len: usize, guess: f64) -> Result<BatchResult> {
    check::rate("guess", guess)?;
    batch(values, row_len, |row| {
        irr_with_guess(row, guess).map(|s| (s.rate, s.status()))
    })
}

/// The modified IRR of each row (see [`mirr`]).
pub fn mirr_batch(
    values: &[f64],
    row_len: usize,
    finance_rate: f64,
    reinvest_rate: f64,
) -> Result<BatchResult> {
    check::rate("finance_rate", finance_rate)?;
    check::rate("reinvest_rate", reinvest_rate)?;
    batch(values, row_len, |row| {
        mirr(row, finance_rate, reinvest_rate).map(|v| (v, Status::Ok))
    })
}

/// The simple payback of each row (see [`payback`]); NaN with [`Status::Never`] where it
/// never comes.
pub fn payback_batch(values: &[f64], row_len: usize) -> Result<BatchResult> {
    batch(values, row_len, |row| {
        payback(row).map(|p| p.value_and_status())
    })
}

/// The discounted payback at `rate` of each row (see [`discounted_payback`]); NaN with
/// [`Status::Never`] where it never comes.
pub fn discounted_payback_batch(rate: f64, values: &[f64], row_len: usize) -> Result<BatchResult> {
    check::rate("rate", rate)?;
    batch(values, row_len, |row| {
        discounted_payback(rate, row).map(|p| p.value_and_status())
    })
}

/// The profitability index at `rate` of each row (see [`profitability_index`]); a row whose
/// first flow is not an investment (negative) gets [`Status::Invalid`].
pub fn profitability_index_batch(rate: f64, values: &[f64], row_len: usize) -> Result<BatchResult> {
    check::rate("rate", rate)?;
    batch(values, row_len, |row| {
        profitability_index(rate, row).map(|v| (v, Status::Ok))
    })
}

/// A time-value function with numpy-financial's name and arguments, for
/// [`time_value_batch`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeValue {
    /// [`pmt`](tvm::pmt)`(rate, nper, pv, fv)`.
    Pmt,
    /// [`pv`](tvm::pv)`(rate, nper, pmt, fv)`.
    Pv,
    /// [`fv`](tvm::fv)`(rate, nper, pmt, pv)`.
    Fv,
    /// [`nper`](tvm::nper)`(rate, pmt, pv, fv)`.
    Nper,
    /// [`rate`](tvm::rate)`(nper, pmt, pv, fv)`.
    Rate,
    /// [`ipmt`](tvm::ipmt)`(rate, per, nper, pv, fv)`.
    Ipmt,
    /// [`ppmt`](tvm::ppmt)`(rate, per, nper, pv, fv)`.
    Ppmt,
}

impl TimeValue {
    /// Every function, in a fixed order.
    pub const ALL: [TimeValue; 7] = [
        TimeValue::Pmt,
        TimeValue::Pv,
        TimeValue::Fv,
        TimeValue::Nper,
        TimeValue::Rate,
        TimeValue::Ipmt,
        TimeValue::Ppmt,
    ];

    /// numpy-financial's name of the function (`"pmt"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            TimeValue::Pmt => "pmt",
            TimeValue::Pv => "pv",
            TimeValue::Fv => "fv",
            TimeValue::Nper => "nper",
            TimeValue::Rate => "rate",
            TimeValue::Ipmt => "ipmt",
            TimeValue::Ppmt => "ppmt",
        }
    }

    /// How many numbers the function takes before `when`: 4, or 5 for `ipmt` and `ppmt`.
    pub fn arity(self) -> usize {
        match self {
            TimeValue::Ipmt | TimeValue::Ppmt => 5,
            _ => 4,
        }
    }

    /// The function at `args` (its [`arity`](Self::arity) numbers, in numpy-financial's
    /// order); `guess` is used by [`TimeValue::Rate`] only.
    pub fn call(self, args: &[f64], when: When, guess: f64) -> Result<f64> {
        let a = |i: usize| args.get(i).copied().unwrap_or(f64::NAN);
        match self {
            TimeValue::Pmt => tvm::pmt(a(0), a(1), a(2), a(3), when),
            TimeValue::Pv => tvm::pv(a(0), a(1), a(2), a(3), when),
            TimeValue::Fv => tvm::fv(a(0), a(1), a(2), a(3), when),
            TimeValue::Nper => tvm::nper(a(0), a(1), a(2), a(3), when),
            TimeValue::Rate => tvm::rate_with_guess(a(0), a(1), a(2), a(3), when, guess),
            TimeValue::Ipmt => tvm::ipmt(a(0), a(1), a(2), a(3), a(4), when),
            TimeValue::Ppmt => tvm::ppmt(a(0), a(1), a(2), a(3), a(4), when),
        }
    }
}

impl std::str::FromStr for TimeValue {
    type Err = Error;

    /// [`TimeValue::name`]; any other is an [`Error::UnknownVariant`] at `function`.
    fn from_str(name: &str) -> Result<TimeValue> {
        TimeValue::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| Error::UnknownVariant {
                path: "function".to_string(),
                value: name.to_string(),
                expected: TimeValue::ALL.map(TimeValue::name).join(", "),
            })
    }
}

/// A time-value function over many argument sets at once, as numpy-financial broadcasts
/// arrays: each row holds the function's [`arity`](TimeValue::arity) arguments in its order,
/// then `when` as 0 (end) or 1 (begin). A row with a NaN, an infinity, a `when` other than 0
/// or 1, or arguments out of range gets NaN and [`Status::Invalid`]; a row without a solution
/// (an `nper` never reached, no `rate`) gets NaN and [`Status::NoRoot`] or
/// [`Status::NoSignChange`]. Row by row the value is exactly the scalar function's. `guess`
/// (for [`TimeValue::Rate`]) is checked once.
///
/// ```
/// use cleanprod::finance::{time_value_batch, Status, TimeValue};
/// // numpy test suite: pmt(0.08/12, 5*12, 15000) = -304.146; then a NaN rate
/// let rows = [0.08 / 12.0, 60.0, 15_000.0, 0.0, 0.0, /* */ f64::NAN, 60.0, 15_000.0, 0.0, 0.0];
/// let r = time_value_batch(TimeValue::Pmt, &rows, 0.1).unwrap();
/// assert!((r.values[0] - -304.146).abs() < 0.0005);
/// assert_eq!(r.status, vec![Status::Ok, Status::Invalid]);
/// ```
pub fn time_value_batch(function: TimeValue, rows: &[f64], guess: f64) -> Result<BatchResult> {
    check::rate("guess", guess)?;
    let arity = function.arity();
    batch(rows, arity + 1, |row| {
        let when = match row[arity] {
            0.0 => When::End,
            1.0 => When::Begin,
            w => {
                return Err(Error::out_of_range(
                    "when",
                    w,
                    "must be 0 (end) or 1 (begin)",
                ));
            }
        };
        function
            .call(&row[..arity], when, guess)
            .map(|v| (v, Status::Ok))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::{irr, npv_with};
    use approx::assert_relative_eq;

    #[test]
    fn statuses_have_codes_names_and_descriptions() {
        for (i, s) in Status::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(s.code()), i);
            assert_eq!(Status::from_code(s.code()), Some(s));
            assert_eq!(s.to_string(), s.name());
        }
        let names: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
        assert_eq!(
            names,
            [
                "ok",
                "multiple",
                "no_sign_change",
                "no_root",
                "invalid",
                "never"
            ]
        );
        // The texts the Python and JS STATUS tables had before they came from here.
        assert_eq!(Status::Multiple.description(), "ok, one of several roots");
        assert_eq!(
            Status::Invalid.description(),
            "invalid row (NaN or infinity)"
        );
        assert_eq!(Status::Never.description(), "never pays back");
        assert_eq!(Status::from_code(6), None);
        let values: Vec<bool> = Status::ALL.iter().map(|s| s.has_value()).collect();
        assert_eq!(values, [true, true, false, false, false, false]);
    }

    #[test]
    fn npv_batch_published_and_equal_to_scalar() {
        // numpy-financial documentation, npv: 3065.22267 at 8 %; LibreOffice/Excel NPV(5 %;
        // -15000; 1500; 2500; 3500; 4500; 6000) = 117.04 (first flow discounted).
        let numpy = [-40_000.0, 5_000.0, 8_000.0, 12_000.0, 30_000.0];
        let excel = [-15_000.0, 1_500.0, 2_500.0, 3_500.0, 4_500.0, 6_000.0];
        let r = npv_batch(0.08, &numpy, 5, FirstFlow::AtZero).unwrap();
        assert!((r.values[0] - 3065.22267).abs() < 5e-6, "{:?}", r.values);
        let r = npv_batch(0.05, &excel, 6, FirstFlow::EndOfPeriod).unwrap();
        assert!((r.values[0] - 117.04).abs() < 0.005, "{:?}", r.values);
        let rows = [excel.as_slice(), &[1.0, f64::INFINITY, 0.0, 0.0, 0.0, 0.0]].concat();
        let r = npv_batch(0.05, &rows, 6, FirstFlow::AtZero).unwrap();
        assert_eq!(
            r.values[0].to_bits(),
            npv_with(0.05, &excel, FirstFlow::AtZero).unwrap().to_bits()
        );
        assert_eq!(r.status, [Status::Ok, Status::Invalid]);
        assert!(r.values[1].is_nan());
        // the rate is checked once, naming it; a bad shape names row_len
        let e = npv_batch(-1.5, &rows, 6, FirstFlow::AtZero).unwrap_err();
        assert_eq!(e.path(), "rate");
        assert_eq!(
            npv_batch(0.05, &rows, 5, FirstFlow::AtZero)
                .unwrap_err()
                .path(),
            "row_len"
        );
    }

    #[test]
    fn irr_batch_statuses() {
        let rows = [
            // numpy-financial documentation, irr: 0.28095
            -100.0,
            39.0,
            59.0,
            55.0,
            20.0,
            0.0, //
            // numpy's former financial test suite: 0.0524
            -150_000.0,
            15_000.0,
            25_000.0,
            35_000.0,
            45_000.0,
            60_000.0, //
            1.0,
            2.0,
            3.0,
            4.0,
            5.0,
            6.0, //
            -1.0,
            2.3,
            -1.32,
            0.0,
            0.0,
            0.0, //
            -1.0,
            1.0,
            -1.0,
            0.0,
            0.0,
            0.0, //
            -1.0,
            f64::NAN,
            2.0,
            0.0,
            0.0,
            0.0,
        ];
        let r = irr_batch(&rows, 6, 0.25).unwrap();
        assert_eq!(
            r.status,
            [
                Status::Ok,
                Status::Ok,
                Status::NoSignChange,
                Status::Multiple,
                Status::NoRoot,
                Status::Invalid
            ]
        );
        assert!((r.values[0] - 0.28095).abs() < 5e-6, "{}", r.values[0]);
        assert!((r.values[1] - 0.0524).abs() < 5e-5, "{}", r.values[1]);
        for (i, row) in rows.chunks(6).enumerate().take(2) {
            assert_eq!(r.values[i].to_bits(), irr(row).unwrap().to_bits());
        }
        // the root nearest the guess
        assert_relative_eq!(r.values[3], 0.2, max_relative = 1e-9);
        assert!(
            r.values[2..]
                .iter()
                .enumerate()
                .all(|(i, v)| i == 1 || v.is_nan())
        );
        assert_eq!(irr_batch(&rows, 6, -1.0).unwrap_err().path(), "guess");
        assert_eq!(irr_batch(&rows, 0, 0.1).unwrap_err().path(), "row_len");
    }

    #[test]
    fn mirr_and_profitability_batches() {
        // Microsoft Excel MIRR documentation: 13 % after five years (to whole percents).
        let excel = [
            -120_000.0, 39_000.0, 30_000.0, 21_000.0, 37_000.0, 46_000.0, //
            1.0, 2.0, 3.0, 4.0, 5.0, 6.0,
        ];
        let r = mirr_batch(&excel, 6, 0.10, 0.12).unwrap();
        assert!((r.values[0] - 0.13).abs() < 0.005, "{}", r.values[0]);
        assert_eq!(r.status, [Status::Ok, Status::NoSignChange]);
        assert_eq!(
            mirr_batch(&excel, 6, 0.10, f64::NAN).unwrap_err().path(),
            "reinvest_rate"
        );
        assert_eq!(
            mirr_batch(&excel, 6, -2.0, 0.1).unwrap_err().path(),
            "finance_rate"
        );
        let rows = [-100.0, 60.0, 60.0, 100.0, 1.0, 1.0];
        let r = profitability_index_batch(0.0, &rows, 3).unwrap();
        assert_relative_eq!(r.values[0], 1.2);
        assert_eq!(r.status, [Status::Ok, Status::Invalid]);
        assert_eq!(
            profitability_index_batch(-1.0, &rows, 3)
                .unwrap_err()
                .path(),
            "rate"
        );
    }

    #[test]
    fn payback_batches_say_never() {
        // UC Berkeley CE 167, assignment 5 solutions (2008), problem 1: payback 4.7 years,
        // discounted at 5 % 7.2 years (one decimal); then a row that never pays back.
        let rows = [
            -180.0, -90.0, 0.0, 100.0, 100.0, 100.0, -90.0, 100.0, 100.0, //
            -100.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0,
        ];
        let r = payback_batch(&rows, 9).unwrap();
        assert!((r.values[0] - 4.7).abs() < 0.05, "{}", r.values[0]);
        assert_eq!(r.status, [Status::Ok, Status::Never]);
        assert!(r.values[1].is_nan());
        let d = discounted_payback_batch(0.05, &rows, 9).unwrap();
        assert!((d.values[0] - 7.2).abs() < 0.05, "{}", d.values[0]);
        assert_eq!(d.status, [Status::Ok, Status::Never]);
        assert_eq!(
            discounted_payback_batch(f64::INFINITY, &rows, 9)
                .unwrap_err()
                .path(),
            "rate"
        );
    }

    #[test]
    fn time_value_batch_equals_the_scalar_functions() {
        use crate::finance::{TimeValue, When, nper, pmt, rate};
        let mut rows = Vec::new();
        for r in [0.0, 0.004, 0.07] {
            for w in [0.0, 1.0] {
                rows.extend([r, 36.0, 12_000.0, 500.0, w]);
            }
        }
        rows.extend([f64::NAN, 36.0, 12_000.0, 500.0, 0.0]);
        rows.extend([0.1, 36.0, 12_000.0, 500.0, 0.5]);
        let r = time_value_batch(TimeValue::Pmt, &rows, 0.1).unwrap();
        for (i, row) in rows.chunks(5).enumerate().take(6) {
            let when = if row[4] == 0.0 {
                When::End
            } else {
                When::Begin
            };
            let want = pmt(row[0], row[1], row[2], row[3], when).unwrap();
            assert_eq!(r.values[i].to_bits(), want.to_bits());
        }
        assert_eq!(r.status[6..], [Status::Invalid, Status::Invalid]);
        assert!(r.values[6].is_nan() && r.values[7].is_nan());
        // 400 a period never repays 12,000 at 7 %: no root, not an error for the batch
        let n =
            time_value_batch(TimeValue::Nper, &[0.07, -400.0, 12_000.0, 0.0, 0.0], 0.1).unwrap();
        assert!(nper(0.07, -400.0, 12_000.0, 0.0, When::End).is_err());
        assert_eq!(n.status, [Status::NoRoot]);
        let q =
            time_value_batch(TimeValue::Rate, &[10.0, 0.0, -3500.0, 10000.0, 0.0], 0.1).unwrap();
        let want = rate(10.0, 0.0, -3500.0, 10000.0, When::End).unwrap();
        assert_eq!(q.values[0].to_bits(), want.to_bits());
        assert_eq!(
            time_value_batch(TimeValue::Rate, &rows[..5], f64::NAN)
                .unwrap_err()
                .path(),
            "guess"
        );
        assert_eq!(
            time_value_batch(TimeValue::Ipmt, &rows[..5], 0.1)
                .unwrap_err()
                .path(),
            "row_len"
        );
        assert_eq!("ppmt".parse::<TimeValue>().unwrap(), TimeValue::Ppmt);
        assert_eq!("pnt".parse::<TimeValue>().unwrap_err().path(), "function");
    }
}
