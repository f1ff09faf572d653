//! Every finance function on arbitrary series: huge, tiny, subnormal, all-zero, alternating
//! signs, long (10,000 periods), with rates and terms at the edges. Beyond the common
//! invariants: a rate returned as an IRR makes the NPV zero (scale-free residual).

use crate::rng::{Gen, float_text, text_float};
use crate::{Target, checked, finite, named_error};
use cleanprod::finance::{
    self, Date, DayCount, Financing, FirstFlow, Grace, Loan, TimeValue, When,
};
use serde_json::{Value, json};

/// The finance target.
pub struct Finance;

/// Series shapes.
const PATTERNS: &[&str] = &[
    "random",
    "huge",
    "tiny",
    "subnormal",
    "zero",
    "alternating",
    "investment",
    "constant",
    "one_spike",
];

/// The series a case describes (rebuilt from its recipe, so that a 10,000-period case is a
/// short file).
fn series(recipe: &Value) -> Vec<f64> {
    let pattern = recipe["pattern"].as_str().unwrap_or("random");
    let len = recipe["len"].as_u64().unwrap_or(0) as usize;
    let scale = text_float(&recipe["scale"]);
    let mut g = Gen::new(recipe["seed"].as_u64().unwrap_or(0));
    (0..len)
        .map(|t| match pattern {
            "huge" => (if g.chance(0.5) { 1e308 } else { -1e308 }) * (0.5 + g.unit()),
            "tiny" => (g.unit() - 0.3) * 1e-300,
            "subnormal" => {
                f64::from_bits(g.bits() & 0x000f_ffff_ffff_ffff) * if t == 0 { -1.0 } else { 1.0 }
            }
            "zero" => 0.0,
            "alternating" => {
                if t % 2 == 0 {
                    -scale
                } else {
                    scale
                }
            }
            "investment" => {
                if t == 0 {
                    -scale
                } else {
                    scale * (0.05 + g.unit() * 0.3)
                }
            }
            "constant" => scale,
            "one_spike" => {
                if t == len / 2 {
                    scale
                } else {
                    -scale * 1e-6
                }
            }
            _ => g.number(),
        })
        .collect()
}

fn recipe(g: &mut Gen) -> Value {
    let len = match g.below(6) {
        0 => 0,
        1 => 1,
        2 => 2 + g.below(3),
        3 => 10_000,
        _ => 5 + g.below(60),
    };
    json!({
        "pattern": g.pick(PATTERNS),
        "len": len,
        "scale": float_text(g.number()),
        "seed": g.bits() >> 11,
    })
}

const FUNCTIONS: &[&str] = &[
    "npv",
    "irr",
    "mirr",
    "paybacks",
    "ratios",
    "crf_levelized",
    "tvm",
    "dated",
    "loan",
    "financing",
    "batches",
    "rates",
];

/// A rate at the edges of the domain (below −100 %, at it, just above, zero, tiny, huge).
fn rate(g: &mut Gen) -> f64 {
    match g.below(4) {
        0 => *g.pick(&[
            -1.0, -0.9999999, -1.5, 0.0, 1e-17, 1e-300, 1e-9, 0.1, 1e3, 1e10, 1e308,
        ]),
        1 => g.number(),
        _ => (g.unit() - 0.2) * 0.5,
    }
}

/// Residual of the NPV at `r`, relative to the discounted sum of magnitudes (None when that
/// sum is not finite).
fn relative_npv(r: f64, values: &[f64]) -> Option<f64> {
    let x = 1.0 / (1.0 + r);
    let (mut npv, mut scale, mut f) = (0.0, 0.0, 1.0);
    for v in values {
        npv += v * f;
        scale += v.abs() * f;
        f *= x;
    }
    (scale.is_finite() && npv.is_finite() && scale > 0.0).then(|| npv.abs() / scale)
}

fn root_check(what: &str, r: f64, values: &[f64]) -> Result<(), String> {
    if !r.is_finite() {
        return Err(format!("{what}: rate {r}"));
    }
    // Next to −100 % the rate holds few digits of 1 + r: the residual says nothing there.
    if 1.0 + r < 1e-6 {
        return Ok(());
    }
    match relative_npv(r, values) {
        Some(res) if res > 1e-6 => Err(format!(
            "{what}: {r} is not a root, relative NPV residual {res:e} (n = {})",
            values.len()
        )),
        _ => Ok(()),
    }
}

fn batch_result(what: &str, r: cleanprod::Result<finance::BatchResult>) -> Result<(), String> {
    match r {
        Ok(b) => {
            for (v, s) in b.values.iter().zip(&b.status) {
                if s.has_value() && !v.is_finite() {
                    return Err(format!("{what}: status {} with value {v}", s.name()));
                }
            }
            Ok(())
        }
        Err(e) => named_error(what, &e),
    }
}

fn payback(what: &str, r: cleanprod::Result<finance::Payback>) -> Result<(), String> {
    checked(what, r.map(|p| p.periods()))?;
    Ok(())
}

impl Target for Finance {
    fn name(&self) -> &'static str {
        "finance"
    }

    fn generate(&self, g: &mut Gen) -> Value {
        let scalars: Vec<String> = (0..6).map(|_| float_text(g.number())).collect();
        json!({
            "function": g.pick(FUNCTIONS),
            "rate": float_text(rate(g)),
            "rate2": float_text(rate(g)),
            "values": recipe(g),
            "other": recipe(g),
            "scalars": scalars,
            "small": [g.below(5) as u64, g.below(400) as u64, g.bits() >> 33],
            "when": g.below(2),
        })
    }

    fn run(&self, case: &Value) -> Result<(), String> {
        let r = text_float(&case["rate"]);
        let r2 = text_float(&case["rate2"]);
        let v = series(&case["values"]);
        let w = series(&case["other"]);
        let s: Vec<f64> = (0..6).map(|i| text_float(&case["scalars"][i])).collect();
        let small: Vec<u64> = (0..3)
            .map(|i| case["small"][i].as_u64().unwrap_or(0))
            .collect();
        let when = if case["when"] == 1 {
            When::Begin
        } else {
            When::End
        };
        match case["function"].as_str().unwrap_or_default() {
            "npv" => {
                checked("npv", finance::npv(r, &v))?;
                checked("npv_with", finance::npv_with(r, &v, FirstFlow::EndOfPeriod))?;
            }
            "irr" => {
                if let Some(x) = checked("irr", finance::irr(&v))? {
                    root_check("irr", x, &v)?;
                }
                if let Some(roots) = checked("irr_roots", finance::irr_roots(&v))? {
                    for x in roots {
                        root_check("irr_roots", x, &v)?;
                    }
                }
                match finance::irr_with_guess(&v, r) {
                    Ok(irr) => {
                        root_check("irr_with_guess", irr.rate, &v)?;
                        finite("irr_with_guess roots", &irr.roots)?;
                    }
                    Err(e) => named_error("irr_with_guess", &e)?,
                }
            }
            "mirr" => {
                checked("mirr", finance::mirr(&v, r, r2))?;
            }
            "paybacks" => {
                payback("payback", finance::payback(&v))?;
                payback("discounted_payback", finance::discounted_payback(r, &v))?;
            }
            "ratios" => {
                checked("profitability_index", finance::profitability_index(r, &v))?;
                checked("benefit_cost_ratio", finance::benefit_cost_ratio(r, &v, &w))?;
            }
            "crf_levelized" => {
                checked(
                    "capital_recovery_factor",
                    finance::capital_recovery_factor(r, s[0]),
                )?;
                checked(
                    "capital_recovery_factor",
                    finance::capital_recovery_factor(r, small[1] as f64),
                )?;
                checked(
                    "levelized_cost",
                    finance::levelized_cost(r, s[0], s[1], s[2], s[3]),
                )?;
            }
            "tvm" => {
                for f in TimeValue::ALL {
                    let args: Vec<f64> = s.iter().take(f.arity()).copied().collect();
                    let mut args2 = args.clone();
                    if let Some(first) = args2.first_mut() {
                        *first = r;
                    }
                    checked(f.name(), f.call(&args, when, r2))?;
                    checked(f.name(), f.call(&args2, when, 0.1))?;
                }
            }
            "dated" => {
                let mut day = small[2] as i32 % 40_000;
                let dates: Vec<Date> = v
                    .iter()
                    .map(|x| {
                        day += (x.abs() % 400.0) as i32;
                        Date::from_days(day)
                    })
                    .collect();
                checked("xnpv", finance::xnpv(r, &dates, &v))?;
                for dc in ["act/365", "act/360", "30/360", "act/act"] {
                    if let Ok(dc) = DayCount::from_name(dc) {
                        checked("xnpv_with", finance::xnpv_with(r, &dates, &v, dc))?;
                    }
                }
                match finance::xirr(&dates, &v, r2) {
                    Ok(irr) => finite("xirr", &(irr.rate, irr.roots))?,
                    Err(e) => named_error("xirr", &e)?,
                }
                checked(
                    "from_unix_millis",
                    finance::Date::from_unix_millis(s[0]).map(|d| d.days()),
                )?;
            }
            "loan" => {
                let grace = *[Grace::InterestOnly, Grace::Capitalized]
                    .get(small[0] as usize % 2)
                    .unwrap_or(&Grace::InterestOnly);
                let years = if small[0] < 2 {
                    s[1]
                } else {
                    small[1] as f64 / 10.0
                };
                let loan = Loan::new(s[0], r, years, (small[2] % 400) as u32)
                    .with_grace(small[1] as u32 % 50, grace);
                match loan.schedule() {
                    Ok(rows) => {
                        let flat: Vec<(f64, f64, f64, f64)> = rows
                            .iter()
                            .map(|p| (p.payment, p.interest, p.principal, p.balance))
                            .collect();
                        finite("loan schedule", &flat)?;
                    }
                    Err(e) => named_error("loan schedule", &e)?,
                }
                checked("annual_debt_service", loan.annual_debt_service())?;
                finite("dscr", &finance::debt_service_coverage(&v, &w))?;
            }
            "financing" => {
                let f = Financing {
                    loan_share: s[0].abs() % 1.2,
                    grant_share: s[1].abs() % 1.2,
                    annual_rate: r,
                    loan_years: small[1] as u32 % 60,
                    payments_per_year: (small[2] % 400) as u32,
                    grace_periods: small[0] as u32,
                    ..Financing::default()
                };
                checked("financing", f.apply(&v, s[2]))?;
            }
            "batches" => {
                let row = 1 + small[0] as usize;
                batch_result(
                    "npv_batch",
                    finance::npv_batch(r, &v, row, FirstFlow::AtZero),
                )?;
                batch_result("irr_batch", finance::irr_batch(&v, row, r2))?;
                batch_result("mirr_batch", finance::mirr_batch(&v, row, r, r2))?;
                batch_result("payback_batch", finance::payback_batch(&v, row))?;
                batch_result(
                    "discounted_payback_batch",
                    finance::discounted_payback_batch(r, &v, row),
                )?;
                batch_result(
                    "profitability_index_batch",
                    finance::profitability_index_batch(r, &v, row),
                )?;
                batch_result(
                    "npv_rows",
                    finance::npv_rows(r, &v, row, FirstFlow::EndOfPeriod),
                )?;
                for f in TimeValue::ALL {
                    batch_result(f.name(), finance::time_value_batch(f, &v, r2))?;
                }
            }
            _ => {
                checked("real_rate", finance::real_rate(r, r2))?;
                checked("nominal_rate", finance::nominal_rate(r, r2))?;
            }
        }
        Ok(())
    }
}
