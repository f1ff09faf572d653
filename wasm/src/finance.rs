//! Finance functions for JS: series as `Float64Array` (or number arrays), batches as one
//! `Float64Array` of rows with their length, returning `{ values: Float64Array, status:
//! Uint8Array }`.

use cleanprod::finance::{self, BatchResult, Irr, Loan, Payback, Status};
use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::js_error;

type JsResult<T> = Result<T, JsValue>;

fn err(e: cleanprod::Error) -> JsValue {
    js_error(&e)
}

/// A name parsed by core (a convention, `when`, a day count, a grace), or core's default when
/// the argument is left out.
fn parse<T>(name: Option<String>) -> JsResult<T>
where
    T: std::str::FromStr<Err = cleanprod::Error> + Default,
{
    name.map_or_else(|| Ok(T::default()), |n| n.parse().map_err(err))
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Setting a property on a plain new object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn batch_object(r: cleanprod::Result<BatchResult>) -> JsResult<JsValue> {
    let r = r.map_err(err)?;
    let obj = Object::new();
    let status: Vec<u8> = r.status.iter().map(|s| s.code()).collect();
    set(
        &obj,
        "values",
        &js_sys::Float64Array::from(r.values.as_slice()).into(),
    );
    set(
        &obj,
        "status",
        &js_sys::Uint8Array::from(status.as_slice()).into(),
    );
    Ok(obj.into())
}

fn payback_value(p: Payback) -> JsValue {
    p.periods().map_or(JsValue::NULL, JsValue::from_f64)
}

/// `{ rate, roots, complete, multiple, warnings }` of an IRR found with `guess`.
fn irr_object(s: Irr, guess: f64) -> JsValue {
    let obj = Object::new();
    let roots: Array = s.roots.iter().map(|r| JsValue::from_f64(*r)).collect();
    let warnings: Array = s
        .multiple_warning(guess)
        .iter()
        .map(|w| JsValue::from_str(w))
        .collect();
    set(&obj, "rate", &JsValue::from_f64(s.rate));
    set(&obj, "roots", &roots.into());
    set(&obj, "complete", &JsValue::from_bool(s.complete));
    set(&obj, "multiple", &JsValue::from_bool(s.is_multiple()));
    set(&obj, "warnings", &warnings.into());
    obj.into()
}

/// `[{ code, name, description }]` of every per-row status of a batch (the package builds
/// `STATUS` and `STATUS_NAMES` from it).
#[wasm_bindgen(skip_typescript)]
pub fn statuses() -> Array {
    Status::ALL
        .iter()
        .map(|s| {
            let o = Object::new();
            set(&o, "code", &JsValue::from(s.code()));
            set(&o, "name", &JsValue::from_str(s.name()));
            set(&o, "description", &JsValue::from_str(s.description()));
            JsValue::from(o)
        })
        .collect()
}

/// NPV of flows at t = 0, 1, ...; `convention` "numpy" (default) or "excel".
#[wasm_bindgen(skip_typescript)]
pub fn npv(rate: f64, values: &[f64], convention: Option<String>) -> JsResult<f64> {
    finance::npv_with(rate, values, parse(convention)?).map_err(err)
}

/// NPV of each row.
#[wasm_bindgen(js_name = npvBatch, skip_typescript)]
pub fn npv_batch(
    rate: f64,
    values: &[f64],
    row_len: usize,
    convention: Option<String>,
) -> JsResult<JsValue> {
    batch_object(finance::npv_batch(
        rate,
        values,
        row_len,
        parse(convention)?,
    ))
}

/// The IRR (the root nearest `guess`, by default core's, when there are several).
#[wasm_bindgen(skip_typescript)]
pub fn irr(values: &[f64], guess: Option<f64>) -> JsResult<f64> {
    finance::irr_with_guess(values, guess.unwrap_or(finance::DEFAULT_GUESS))
        .map(|s| s.rate)
        .map_err(err)
}

/// The IRR with every root found and the warning to give when there are several.
#[wasm_bindgen(js_name = irrDetailed, skip_typescript)]
pub fn irr_detailed(values: &[f64], guess: Option<f64>) -> JsResult<JsValue> {
    let guess = guess.unwrap_or(finance::DEFAULT_GUESS);
    finance::irr_with_guess(values, guess)
        .map(|s| irr_object(s, guess))
        .map_err(err)
}

/// Every IRR found, ascending.
#[wasm_bindgen(js_name = irrRoots, skip_typescript)]
pub fn irr_roots(values: &[f64]) -> JsResult<Vec<f64>> {
    finance::irr_roots(values).map_err(err)
}

/// IRR of each row.
#[wasm_bindgen(js_name = irrBatch, skip_typescript)]
pub fn irr_batch(values: &[f64], row_len: usize, guess: Option<f64>) -> JsResult<JsValue> {
    batch_object(finance::irr_batch(
        values,
        row_len,
        guess.unwrap_or(finance::DEFAULT_GUESS),
    ))
}

/// Modified IRR.
#[wasm_bindgen(skip_typescript)]
pub fn mirr(values: &[f64], finance_rate: f64, reinvest_rate: f64) -> JsResult<f64> {
    finance::mirr(values, finance_rate, reinvest_rate).map_err(err)
}

/// Modified IRR of each row.
#[wasm_bindgen(js_name = mirrBatch, skip_typescript)]
pub fn mirr_batch(
    values: &[f64],
    row_len: usize,
    finance_rate: f64,
    reinvest_rate: f64,
) -> JsResult<JsValue> {
    batch_object(finance::mirr_batch(
        values,
        row_len,
        finance_rate,
        reinvest_rate,
    ))
}

/// Simple payback in periods, or null when it never pays back.
#[wasm_bindgen(skip_typescript)]
pub fn payback(values: &[f64]) -> JsResult<JsValue> {
    finance::payback(values).map(payback_value).map_err(err)
}

/// Payback of each row (NaN with status "never" when never).
#[wasm_bindgen(js_name = paybackBatch, skip_typescript)]
pub fn payback_batch(values: &[f64], row_len: usize) -> JsResult<JsValue> {
    batch_object(finance::payback_batch(values, row_len))
}

/// Discounted payback in periods, or null.
#[wasm_bindgen(js_name = discountedPayback, skip_typescript)]
pub fn discounted_payback(rate: f64, values: &[f64]) -> JsResult<JsValue> {
    finance::discounted_payback(rate, values)
        .map(payback_value)
        .map_err(err)
}

/// Discounted payback of each row.
#[wasm_bindgen(js_name = discountedPaybackBatch, skip_typescript)]
pub fn discounted_payback_batch(rate: f64, values: &[f64], row_len: usize) -> JsResult<JsValue> {
    batch_object(finance::discounted_payback_batch(rate, values, row_len))
}

/// Profitability index.
#[wasm_bindgen(js_name = profitabilityIndex, skip_typescript)]
pub fn profitability_index(rate: f64, values: &[f64]) -> JsResult<f64> {
    finance::profitability_index(rate, values).map_err(err)
}

/// Profitability index of each row.
#[wasm_bindgen(js_name = profitabilityIndexBatch, skip_typescript)]
pub fn profitability_index_batch(rate: f64, values: &[f64], row_len: usize) -> JsResult<JsValue> {
    batch_object(finance::profitability_index_batch(rate, values, row_len))
}

/// Benefit-cost ratio.
#[wasm_bindgen(js_name = benefitCostRatio, skip_typescript)]
pub fn benefit_cost_ratio(rate: f64, benefits: &[f64], costs: &[f64]) -> JsResult<f64> {
    finance::benefit_cost_ratio(rate, benefits, costs).map_err(err)
}

/// Capital recovery factor.
#[wasm_bindgen(js_name = capitalRecoveryFactor, skip_typescript)]
pub fn capital_recovery_factor(rate: f64, periods: f64) -> JsResult<f64> {
    finance::capital_recovery_factor(rate, periods).map_err(err)
}

/// Levelized cost per unit saved.
#[wasm_bindgen(js_name = levelizedCost, skip_typescript)]
pub fn levelized_cost(
    rate: f64,
    periods: f64,
    investment: f64,
    saving_per_period: f64,
    om_change_per_period: Option<f64>,
) -> JsResult<f64> {
    finance::levelized_cost(
        rate,
        periods,
        investment,
        saving_per_period,
        om_change_per_period.unwrap_or_default(),
    )
    .map_err(err)
}

/// numpy-financial's pmt.
#[wasm_bindgen(skip_typescript)]
pub fn pmt(rate: f64, nper: f64, pv: f64, fv: Option<f64>, when: Option<String>) -> JsResult<f64> {
    finance::pmt(rate, nper, pv, fv.unwrap_or_default(), parse(when)?).map_err(err)
}

/// numpy-financial's pv.
#[wasm_bindgen(skip_typescript)]
pub fn pv(rate: f64, nper: f64, pmt: f64, fv: Option<f64>, when: Option<String>) -> JsResult<f64> {
    finance::pv(rate, nper, pmt, fv.unwrap_or_default(), parse(when)?).map_err(err)
}

/// numpy-financial's fv.
#[wasm_bindgen(skip_typescript)]
pub fn fv(rate: f64, nper: f64, pmt: f64, pv: f64, when: Option<String>) -> JsResult<f64> {
    finance::fv(rate, nper, pmt, pv, parse(when)?).map_err(err)
}

/// numpy-financial's nper.
#[wasm_bindgen(skip_typescript)]
pub fn nper(rate: f64, pmt: f64, pv: f64, fv: Option<f64>, when: Option<String>) -> JsResult<f64> {
    finance::nper(rate, pmt, pv, fv.unwrap_or_default(), parse(when)?).map_err(err)
}

/// numpy-financial's rate.
#[wasm_bindgen(skip_typescript)]
pub fn rate(nper: f64, pmt: f64, pv: f64, fv: Option<f64>, when: Option<String>) -> JsResult<f64> {
    finance::rate(nper, pmt, pv, fv.unwrap_or_default(), parse(when)?).map_err(err)
}

/// numpy-financial's ipmt.
#[wasm_bindgen(skip_typescript)]
pub fn ipmt(
    rate: f64,
    per: f64,
    nper: f64,
    pv: f64,
    fv: Option<f64>,
    when: Option<String>,
) -> JsResult<f64> {
    finance::ipmt(rate, per, nper, pv, fv.unwrap_or_default(), parse(when)?).map_err(err)
}

/// numpy-financial's ppmt.
#[wasm_bindgen(skip_typescript)]
pub fn ppmt(
    rate: f64,
    per: f64,
    nper: f64,
    pv: f64,
    fv: Option<f64>,
    when: Option<String>,
) -> JsResult<f64> {
    finance::ppmt(rate, per, nper, pv, fv.unwrap_or_default(), parse(when)?).map_err(err)
}

/// Dates from `Date` objects (their UTC day) or `YYYY-MM-DD` strings.
fn dates(values: &Array) -> JsResult<Vec<finance::Date>> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let date = if let Some(s) = v.as_string() {
                s.parse()
            } else if let Some(d) = v.dyn_ref::<js_sys::Date>() {
                finance::Date::from_unix_millis(d.get_time())
            } else {
                return Err(js_sys::TypeError::new(&format!(
                    "dates[{i}]: a date is a Date or a YYYY-MM-DD string"
                ))
                .into());
            };
            date.map_err(|e| err(e.with_index_path("dates", i)))
        })
        .collect()
}

/// XNPV over dated flows (actual/365 from the first date by default).
#[wasm_bindgen(skip_typescript)]
pub fn xnpv(rate: f64, dates: &Array, amounts: &[f64], day_count: Option<String>) -> JsResult<f64> {
    finance::xnpv_with(rate, &self::dates(dates)?, amounts, parse(day_count)?).map_err(err)
}

/// XIRR over dated flows.
#[wasm_bindgen(skip_typescript)]
pub fn xirr(
    dates: &Array,
    amounts: &[f64],
    guess: Option<f64>,
    day_count: Option<String>,
) -> JsResult<f64> {
    finance::xirr_with(
        &self::dates(dates)?,
        amounts,
        guess.unwrap_or(finance::DEFAULT_GUESS),
        parse(day_count)?,
    )
    .map(|s| s.rate)
    .map_err(err)
}

/// XIRR with every root found and the warning to give when there are several.
#[wasm_bindgen(js_name = xirrDetailed, skip_typescript)]
pub fn xirr_detailed(
    dates: &Array,
    amounts: &[f64],
    guess: Option<f64>,
    day_count: Option<String>,
) -> JsResult<JsValue> {
    let guess = guess.unwrap_or(finance::DEFAULT_GUESS);
    finance::xirr_with(&self::dates(dates)?, amounts, guess, parse(day_count)?)
        .map(|s| irr_object(s, guess))
        .map_err(err)
}

/// Amortization schedule: an array of `{ period, payment, interest, principal, balance }`.
#[wasm_bindgen(js_name = loanSchedule, skip_typescript)]
pub fn loan_schedule(
    principal: f64,
    annual_rate: f64,
    years: f64,
    payments_per_year: Option<u32>,
    grace_periods: Option<u32>,
    grace: Option<String>,
) -> JsResult<Array> {
    let loan = Loan::new(
        principal,
        annual_rate,
        years,
        payments_per_year.unwrap_or(Loan::DEFAULT_PAYMENTS_PER_YEAR),
    )
    .with_grace(grace_periods.unwrap_or_default(), parse(grace)?);
    let rows = loan.schedule().map_err(err)?;
    Ok(rows
        .iter()
        .map(|r| {
            let o = Object::new();
            set(&o, "period", &JsValue::from(r.period));
            set(&o, "payment", &JsValue::from_f64(r.payment));
            set(&o, "interest", &JsValue::from_f64(r.interest));
            set(&o, "principal", &JsValue::from_f64(r.principal));
            set(&o, "balance", &JsValue::from_f64(r.balance));
            JsValue::from(o)
        })
        .collect())
}

fn json_in(value: &JsValue) -> JsResult<String> {
    JSON::stringify(value)?
        .as_string()
        .ok_or_else(|| js_sys::TypeError::new("expected an object").into())
}

fn json_out<T: serde::Serialize>(value: &T) -> JsResult<JsValue> {
    let text = serde_json::to_string(value).map_err(|e| js_sys::Error::new(&e.to_string()))?;
    JSON::parse(&text)
}

/// Cash flows of a plan object (see the `CashFlowPlan` type).
#[wasm_bindgen(js_name = cashFlows, skip_typescript)]
pub fn cash_flows(plan: JsValue) -> JsResult<JsValue> {
    let plan = finance::CashFlowPlan::from_json_str(&json_in(&plan)?).map_err(err)?;
    json_out(&plan.build().map_err(err)?)
}

/// Financed flows of a project under financing terms (see the `Financing` type).
#[wasm_bindgen(skip_typescript)]
pub fn financing(project: &[f64], capex: f64, terms: JsValue) -> JsResult<JsValue> {
    let terms = finance::Financing::from_json_str(&json_in(&terms)?).map_err(err)?;
    json_out(&terms.apply(project, capex).map_err(err)?)
}
