//! `cleanprod._cleanprod` finance functions: scalars take sequences, batches take 2-D float64
//! C-contiguous arrays (the Python wrapper `cleanprod.finance` prepares them) and run with the
//! GIL released.

use numpy::{IntoPyArray, PyArray1, PyReadonlyArray2, PyUntypedArrayMethods};
use pyo3::prelude::*;

use cleanprod::finance::{self, BatchResult, Grace, Loan, Status, TimeValue, When};

use crate::{arg_err, py_err};

type Batch<'py> = (Bound<'py, PyArray1<f64>>, Bound<'py, PyArray1<u8>>);

/// A name parsed by core (a convention, `when`, a day count), its error as the exception
/// of a bad argument.
fn parse<T: std::str::FromStr<Err = cleanprod::Error>>(py: Python<'_>, name: &str) -> PyResult<T> {
    name.parse().map_err(|e| crate::arg_err_of(py, &e))
}

/// Run a core batch function over the rows of `values` without the GIL.
fn run_batch<'py>(
    py: Python<'py>,
    values: &PyReadonlyArray2<'py, f64>,
    batch: impl FnOnce(&[f64], usize) -> cleanprod::Result<BatchResult> + Send,
) -> PyResult<Batch<'py>> {
    let row_len = values.shape()[1];
    let flat = values.as_slice()?;
    let r = py
        .detach(|| batch(flat, row_len))
        .map_err(|e| py_err(py, &e))?;
    let status: Vec<u8> = r.status.iter().map(|s| s.code()).collect();
    Ok((r.values.into_pyarray(py), status.into_pyarray(py)))
}

/// (code, name, description) of every per-row status of a batch.
#[pyfunction]
pub(crate) fn statuses() -> Vec<(u8, &'static str, &'static str)> {
    Status::ALL
        .iter()
        .map(|s| (s.code(), s.name(), s.description()))
        .collect()
}

#[pyfunction]
pub(crate) fn npv(py: Python<'_>, rate: f64, values: Vec<f64>, convention: &str) -> PyResult<f64> {
    finance::npv_with(rate, &values, parse(py, convention)?).map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn npv_batch<'py>(
    py: Python<'py>,
    rate: f64,
    values: PyReadonlyArray2<'py, f64>,
    convention: &str,
) -> PyResult<Batch<'py>> {
    let first = parse(py, convention)?;
    run_batch(py, &values, |v, n| finance::npv_batch(rate, v, n, first))
}

/// (rate, roots, complete, warning): the warning when the flows have several IRRs.
#[pyfunction]
pub(crate) fn irr(
    py: Python<'_>,
    values: Vec<f64>,
    guess: f64,
) -> PyResult<(f64, Vec<f64>, bool, Option<String>)> {
    finance::irr_with_guess(&values, guess)
        .map(|s| {
            let warning = s.multiple_warning(guess);
            (s.rate, s.roots, s.complete, warning)
        })
        .map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn irr_roots(py: Python<'_>, values: Vec<f64>) -> PyResult<Vec<f64>> {
    finance::irr_roots(&values).map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn irr_batch<'py>(
    py: Python<'py>,
    values: PyReadonlyArray2<'py, f64>,
    guess: f64,
) -> PyResult<Batch<'py>> {
    run_batch(py, &values, |v, n| finance::irr_batch(v, n, guess))
}

#[pyfunction]
pub(crate) fn mirr(
    py: Python<'_>,
    values: Vec<f64>,
    finance_rate: f64,
    reinvest_rate: f64,
) -> PyResult<f64> {
    finance::mirr(&values, finance_rate, reinvest_rate).map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn mirr_batch<'py>(
    py: Python<'py>,
    values: PyReadonlyArray2<'py, f64>,
    finance_rate: f64,
    reinvest_rate: f64,
) -> PyResult<Batch<'py>> {
    run_batch(py, &values, |v, n| {
        finance::mirr_batch(v, n, finance_rate, reinvest_rate)
    })
}

#[pyfunction]
pub(crate) fn payback(py: Python<'_>, values: Vec<f64>) -> PyResult<Option<f64>> {
    finance::payback(&values)
        .map(|p| p.periods())
        .map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn payback_batch<'py>(
    py: Python<'py>,
    values: PyReadonlyArray2<'py, f64>,
) -> PyResult<Batch<'py>> {
    run_batch(py, &values, finance::payback_batch)
}

#[pyfunction]
pub(crate) fn discounted_payback(
    py: Python<'_>,
    rate: f64,
    values: Vec<f64>,
) -> PyResult<Option<f64>> {
    finance::discounted_payback(rate, &values)
        .map(|p| p.periods())
        .map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn discounted_payback_batch<'py>(
    py: Python<'py>,
    rate: f64,
    values: PyReadonlyArray2<'py, f64>,
) -> PyResult<Batch<'py>> {
    run_batch(py, &values, |v, n| {
        finance::discounted_payback_batch(rate, v, n)
    })
}

#[pyfunction]
pub(crate) fn profitability_index(py: Python<'_>, rate: f64, values: Vec<f64>) -> PyResult<f64> {
    finance::profitability_index(rate, &values).map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn profitability_index_batch<'py>(
    py: Python<'py>,
    rate: f64,
    values: PyReadonlyArray2<'py, f64>,
) -> PyResult<Batch<'py>> {
    run_batch(py, &values, |v, n| {
        finance::profitability_index_batch(rate, v, n)
    })
}

#[pyfunction]
pub(crate) fn benefit_cost_ratio(
    py: Python<'_>,
    rate: f64,
    benefits: Vec<f64>,
    costs: Vec<f64>,
) -> PyResult<f64> {
    finance::benefit_cost_ratio(rate, &benefits, &costs).map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn capital_recovery_factor(py: Python<'_>, rate: f64, periods: f64) -> PyResult<f64> {
    finance::capital_recovery_factor(rate, periods).map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn levelized_cost(
    py: Python<'_>,
    rate: f64,
    periods: f64,
    investment: f64,
    saving_per_period: f64,
    om_change_per_period: f64,
) -> PyResult<f64> {
    finance::levelized_cost(
        rate,
        periods,
        investment,
        saving_per_period,
        om_change_per_period,
    )
    .map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn pmt(
    py: Python<'_>,
    rate: f64,
    nper: f64,
    pv: f64,
    fv: f64,
    when: &str,
) -> PyResult<f64> {
    finance::pmt(rate, nper, pv, fv, parse(py, when)?).map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn pv(
    py: Python<'_>,
    rate: f64,
    nper: f64,
    pmt: f64,
    fv: f64,
    when: &str,
) -> PyResult<f64> {
    finance::pv(rate, nper, pmt, fv, parse(py, when)?).map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn fv(
    py: Python<'_>,
    rate: f64,
    nper: f64,
    pmt: f64,
    pv: f64,
    when: &str,
) -> PyResult<f64> {
    finance::fv(rate, nper, pmt, pv, parse(py, when)?).map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn nper(
    py: Python<'_>,
    rate: f64,
    pmt: f64,
    pv: f64,
    fv: f64,
    when: &str,
) -> PyResult<f64> {
    finance::nper(rate, pmt, pv, fv, parse(py, when)?).map_err(|e| py_err(py, &e))
}

#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub(crate) fn rate(
    py: Python<'_>,
    nper: f64,
    pmt: f64,
    pv: f64,
    fv: f64,
    when: &str,
    guess: f64,
) -> PyResult<f64> {
    finance::rate_with_guess(nper, pmt, pv, fv, parse(py, when)?, guess).map_err(|e| py_err(py, &e))
}

/// The code of a `when` name in a time-value batch: 0 (end) or 1 (begin).
#[pyfunction]
pub(crate) fn when_code(py: Python<'_>, when: &str) -> PyResult<u8> {
    Ok(match parse::<When>(py, when)? {
        When::End => 0,
        When::Begin => 1,
    })
}

/// A time-value function (`"pmt"`, ...) over rows of its arguments followed by `when`'s code.
#[pyfunction]
pub(crate) fn time_value_batch<'py>(
    py: Python<'py>,
    function: &str,
    rows: PyReadonlyArray2<'py, f64>,
    guess: f64,
) -> PyResult<Batch<'py>> {
    let function: TimeValue = parse(py, function)?;
    run_batch(py, &rows, |v, _| {
        finance::time_value_batch(function, v, guess)
    })
}

#[pyfunction]
pub(crate) fn ipmt(
    py: Python<'_>,
    rate: f64,
    per: f64,
    nper: f64,
    pv: f64,
    fv: f64,
    when: &str,
) -> PyResult<f64> {
    finance::ipmt(rate, per, nper, pv, fv, parse(py, when)?).map_err(|e| py_err(py, &e))
}

#[pyfunction]
pub(crate) fn ppmt(
    py: Python<'_>,
    rate: f64,
    per: f64,
    nper: f64,
    pv: f64,
    fv: f64,
    when: &str,
) -> PyResult<f64> {
    finance::ppmt(rate, per, nper, pv, fv, parse(py, when)?).map_err(|e| py_err(py, &e))
}

fn dates(days: &[i32]) -> Vec<finance::Date> {
    days.iter().map(|d| finance::Date::from_days(*d)).collect()
}

/// Dates are days since 1970-01-01 (the wrapper converts).
#[pyfunction]
pub(crate) fn xnpv(
    py: Python<'_>,
    rate: f64,
    days: Vec<i32>,
    amounts: Vec<f64>,
    day_count: &str,
) -> PyResult<f64> {
    finance::xnpv_with(rate, &dates(&days), &amounts, parse(py, day_count)?)
        .map_err(|e| py_err(py, &e))
}

/// (rate, roots, complete, warning), as [`irr`].
#[pyfunction]
pub(crate) fn xirr(
    py: Python<'_>,
    days: Vec<i32>,
    amounts: Vec<f64>,
    guess: f64,
    day_count: &str,
) -> PyResult<(f64, Vec<f64>, bool, Option<String>)> {
    finance::xirr_with(&dates(&days), &amounts, guess, parse(py, day_count)?)
        .map(|s| {
            let warning = s.multiple_warning(guess);
            (s.rate, s.roots, s.complete, warning)
        })
        .map_err(|e| py_err(py, &e))
}

/// Columns of a loan schedule: period, payment, interest, principal, balance.
type ScheduleColumns = (Vec<u32>, Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>);

/// Columns of the schedule: period, payment, interest, principal, balance.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub(crate) fn loan_schedule(
    py: Python<'_>,
    principal: f64,
    annual_rate: f64,
    years: f64,
    payments_per_year: i64,
    grace_periods: i64,
    grace: &str,
) -> PyResult<ScheduleColumns> {
    let grace: Grace = parse(py, grace)?;
    let count = |name: &str, n: i64| {
        u32::try_from(n).map_err(|_| {
            arg_err(
                py,
                name,
                &n.to_string(),
                format!(
                    "{name} must be a whole number from 0 to {}, not {n}",
                    u32::MAX
                ),
            )
        })
    };
    let payments_per_year = count("payments_per_year", payments_per_year)?;
    let grace_periods = count("grace_periods", grace_periods)?;
    let loan = Loan::new(principal, annual_rate, years, payments_per_year)
        .with_grace(grace_periods, grace);
    let rows = loan.schedule().map_err(|e| py_err(py, &e))?;
    Ok((
        rows.iter().map(|r| r.period).collect(),
        rows.iter().map(|r| r.payment).collect(),
        rows.iter().map(|r| r.interest).collect(),
        rows.iter().map(|r| r.principal).collect(),
        rows.iter().map(|r| r.balance).collect(),
    ))
}

fn to_json<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

/// Cash flows of a plan given as JSON; the result as JSON.
#[pyfunction]
pub(crate) fn cash_flows(py: Python<'_>, plan: &str) -> PyResult<String> {
    let plan = finance::CashFlowPlan::from_json_str(plan).map_err(|e| py_err(py, &e))?;
    to_json(&plan.build().map_err(|e| py_err(py, &e))?)
}

/// Financed flows of `project` under terms given as JSON; the result as JSON.
#[pyfunction]
pub(crate) fn financing(
    py: Python<'_>,
    project: Vec<f64>,
    capex: f64,
    terms: &str,
) -> PyResult<String> {
    let terms = finance::Financing::from_json_str(terms).map_err(|e| py_err(py, &e))?;
    to_json(&terms.apply(&project, capex).map_err(|e| py_err(py, &e))?)
}

/// Register the finance functions on the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    macro_rules! add {
        ($($f:ident),*) => {$( m.add_function(wrap_pyfunction!($f, m)?)?; )*};
    }
    m.add("DEFAULT_GUESS", finance::DEFAULT_GUESS)?;
    m.add("DEFAULT_PAYMENTS_PER_YEAR", Loan::DEFAULT_PAYMENTS_PER_YEAR)?;
    add!(
        statuses,
        npv,
        npv_batch,
        irr,
        irr_roots,
        irr_batch,
        mirr,
        mirr_batch,
        payback,
        payback_batch,
        discounted_payback,
        discounted_payback_batch,
        profitability_index,
        profitability_index_batch,
        benefit_cost_ratio,
        capital_recovery_factor,
        levelized_cost,
        pmt,
        pv,
        fv,
        nper,
        rate,
        when_code,
        time_value_batch,
        ipmt,
        ppmt,
        xnpv,
        xirr,
        loan_schedule,
        cash_flows,
        financing
    );
    Ok(())
}
