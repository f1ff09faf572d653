//! The shared finance fixtures and the properties the metrics must have.

use std::path::Path;

use cleanprod::finance::{self, Date, FirstFlow, Payback, Status, When};
use proptest::prelude::*;
use serde_json::Value;

fn f(args: &Value, key: &str) -> f64 {
    args[key].as_f64().unwrap_or(0.0)
}

fn list(args: &Value, key: &str) -> Vec<f64> {
    args[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

fn when(args: &Value) -> When {
    When::from_name(args["when"].as_str().unwrap_or("end")).unwrap()
}

/// The outcome of one fixture call: a number, a list, "never" (null) or an error code.
fn call(name: &str, a: &Value) -> Result<Value, String> {
    let dates = |k: &str| -> Vec<Date> {
        a[k].as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap().parse().unwrap())
            .collect()
    };
    let num = |r: cleanprod::Result<f64>| r.map(Value::from).map_err(|e| e.code().to_string());
    let payback = |r: cleanprod::Result<Payback>| {
        r.map(|p| p.periods().map_or(Value::Null, Value::from))
            .map_err(|e| e.code().to_string())
    };
    match name {
        "npv" => {
            let first = match a["convention"].as_str() {
                Some("excel") => FirstFlow::EndOfPeriod,
                _ => FirstFlow::AtZero,
            };
            num(finance::npv_with(f(a, "rate"), &list(a, "values"), first))
        }
        "irr" => num(finance::irr(&list(a, "values"))),
        "irr_roots" => finance::irr_roots(&list(a, "values"))
            .map(Value::from)
            .map_err(|e| e.code().to_string()),
        "mirr" => num(finance::mirr(
            &list(a, "values"),
            f(a, "finance_rate"),
            f(a, "reinvest_rate"),
        )),
        "payback" => payback(finance::payback(&list(a, "values"))),
        "discounted_payback" => payback(finance::discounted_payback(
            f(a, "rate"),
            &list(a, "values"),
        )),
        "pmt" => num(finance::pmt(
            f(a, "rate"),
            f(a, "nper"),
            f(a, "pv"),
            f(a, "fv"),
            when(a),
        )),
        "pv" => num(finance::pv(
            f(a, "rate"),
            f(a, "nper"),
            f(a, "pmt"),
            f(a, "fv"),
            when(a),
        )),
        "fv" => num(finance::fv(
            f(a, "rate"),
            f(a, "nper"),
            f(a, "pmt"),
            f(a, "pv"),
            when(a),
        )),
        "nper" => num(finance::nper(
            f(a, "rate"),
            f(a, "pmt"),
            f(a, "pv"),
            f(a, "fv"),
            when(a),
        )),
        "rate" => num(finance::rate(
            f(a, "nper"),
            f(a, "pmt"),
            f(a, "pv"),
            f(a, "fv"),
            when(a),
        )),
        "ipmt" => num(finance::ipmt(
            f(a, "rate"),
            f(a, "per"),
            f(a, "nper"),
            f(a, "pv"),
            f(a, "fv"),
            when(a),
        )),
        "ppmt" => num(finance::ppmt(
            f(a, "rate"),
            f(a, "per"),
            f(a, "nper"),
            f(a, "pv"),
            f(a, "fv"),
            when(a),
        )),
        "xnpv" => num(finance::xnpv(
            f(a, "rate"),
            &dates("dates"),
            &list(a, "amounts"),
        )),
        "xirr" => num(finance::xirr(&dates("dates"), &list(a, "amounts"), 0.1).map(|s| s.rate)),
        "capital_recovery_factor" => num(finance::capital_recovery_factor(
            f(a, "rate"),
            f(a, "periods"),
        )),
        "levelized_cost" => num(finance::levelized_cost(
            f(a, "rate"),
            f(a, "periods"),
            f(a, "investment"),
            f(a, "saving_per_period"),
            f(a, "om_change_per_period"),
        )),
        "cash_flows" => finance::CashFlowPlan::from_json_str(&a.to_string())
            .and_then(|p| p.build())
            .map(|f| Value::from(f.net))
            .map_err(|e| e.code().to_string()),
        "financing_equity" => finance::Financing::from_json_str(&a["terms"].to_string())
            .and_then(|t| t.apply(&list(a, "project"), f(a, "capex")))
            .map(|f| Value::from(f.equity))
            .map_err(|e| e.code().to_string()),
        other => panic!("fixture names an unknown function {other}"),
    }
}

fn close(got: f64, want: f64, case: &Value) -> bool {
    let abs = case["abs_tol"].as_f64().unwrap_or(0.0);
    let rel = case["rel_tol"].as_f64().unwrap_or(0.0);
    (got - want).abs() <= abs.max(rel * want.abs())
}

#[test]
fn published_results() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/finance.json");
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert!(cases.len() >= 25);
    for case in cases {
        let name = case["fn"].as_str().unwrap();
        let got = call(name, &case["args"]);
        let label = format!("{name} {}", case["args"]);
        if let Some(code) = case["error"].as_str() {
            assert_eq!(got, Err(code.to_string()), "{label}");
            continue;
        }
        let got = got.unwrap_or_else(|e| panic!("{label}: {e}"));
        match &case["expected"] {
            Value::Null => assert_eq!(got, Value::Null, "{label}"),
            Value::Array(want) => {
                let got = got.as_array().unwrap();
                assert_eq!(got.len(), want.len(), "{label}");
                for (g, w) in got.iter().zip(want) {
                    assert!(
                        close(g.as_f64().unwrap(), w.as_f64().unwrap(), case),
                        "{label}: {g} vs {w}"
                    );
                }
            }
            want => {
                let (g, w) = (got.as_f64().unwrap(), want.as_f64().unwrap());
                assert!(close(g, w, case), "{label}: got {g}, want {w}");
            }
        }
    }
}

/// A conventional investment: an outlay, then 1..30 inflows.
fn conventional() -> impl Strategy<Value = Vec<f64>> {
    (1e2f64..1e9, proptest::collection::vec(0.0f64..1.0, 1..30)).prop_map(|(scale, rest)| {
        let mut v = vec![-scale];
        v.extend(rest.iter().map(|r| r * scale * 0.5));
        v
    })
}

proptest! {
    /// The NPV at the returned IRR is zero relative to the size of the flows.
    #[test]
    fn npv_at_irr_is_zero(values in conventional()) {
        match finance::irr(&values) {
            Ok(r) => {
                let size: f64 = values.iter().map(|v| v.abs()).sum();
                let at = finance::npv(r, &values).unwrap();
                let scale: f64 = values.iter().enumerate().map(|(t, v)| v.abs() / (1.0 + r).powi(t as i32)).sum();
                prop_assert!(at.abs() <= 1e-8 * scale, "npv {at} at {r}, size {size}");
            }
            Err(e) => {
                // only when every inflow is zero
                prop_assert!(values[1..].iter().all(|v| *v == 0.0), "{e}");
            }
        }
    }

    /// Every root of a non-conventional series is a root.
    #[test]
    fn every_root_is_a_root(values in proptest::collection::vec(-1e4f64..1e4, 2..12)) {
        if let Ok(s) = finance::irr_with_guess(&values, 0.1) {
            for r in &s.roots {
                let scale: f64 = values.iter().enumerate().map(|(t, v)| v.abs() / (1.0 + r).powi(t as i32)).sum();
                prop_assert!(finance::npv(*r, &values).unwrap().abs() <= 1e-6 * scale);
            }
            prop_assert!(s.roots.contains(&s.rate));
        }
    }

    /// More savings never lengthen the payback.
    #[test]
    fn payback_is_monotonic_in_savings(values in conventional(), extra in 0.0f64..1e6, rate in 0.0f64..0.3) {
        let more: Vec<f64> = values.iter().enumerate().map(|(t, v)| if t > 0 { v + extra } else { *v }).collect();
        let later = |p: Payback| p.periods().unwrap_or(f64::INFINITY);
        prop_assert!(later(finance::payback(&more).unwrap()) <= later(finance::payback(&values).unwrap()));
        prop_assert!(
            later(finance::discounted_payback(rate, &more).unwrap())
                <= later(finance::discounted_payback(rate, &values).unwrap()) + 1e-12
        );
    }

    /// The NPV batch gives, row by row, exactly what the scalar function gives.
    #[test]
    fn npv_rows_equal_scalar(rows in proptest::collection::vec(proptest::collection::vec(-1e6f64..1e6, 13), 1..10), rate in -0.5f64..2.0) {
        let flat: Vec<f64> = rows.concat();
        for first in [FirstFlow::AtZero, FirstFlow::EndOfPeriod] {
            let b = finance::npv_rows(rate, &flat, 13, first).unwrap();
            for (i, row) in rows.iter().enumerate() {
                prop_assert_eq!(b.values[i].to_bits(), finance::npv_with(rate, row, first).unwrap().to_bits());
            }
        }
    }

    /// A batch gives, row by row, what the scalar functions give.
    #[test]
    fn batch_equals_scalar(rows in proptest::collection::vec(proptest::collection::vec(-1e3f64..1e3, 6), 1..20)) {
        let flat: Vec<f64> = rows.concat();
        let b = finance::batch(&flat, 6, |row| {
            finance::irr_with_guess(row, 0.1).map(|s| (s.rate, if s.is_multiple() { Status::Multiple } else { Status::Ok }))
        }).unwrap();
        for (i, row) in rows.iter().enumerate() {
            match finance::irr(row) {
                Ok(r) => prop_assert_eq!(b.values[i].to_bits(), r.to_bits()),
                Err(e) => {
                    prop_assert!(b.values[i].is_nan());
                    prop_assert_eq!(b.status[i], Status::of_error(&e));
                }
            }
        }
    }
}
