//! The uncertainty sampler with degenerate distributions: zero width, a discrete single
//! value, zero weights, extreme truncation, correlations at ±1, on the paths of the risk
//! fixture.

use super::{load, simulation};
use crate::rng::{Gen, float_text};
use crate::{Target, mutate};
use serde_json::{Value, json};

/// The sampler target.
pub struct Uncertainty;

/// Paths of `risk.toml` with the unit of each.
const PATHS: &[(&str, &str)] = &[
    ("prices.water", "USD/m3"),
    ("prices.electricity", "USD/kWh"),
    ("options[0].capex", "USD"),
    ("options[1].capex", "USD"),
    ("finance.discount_rate", "%"),
];

fn value(g: &mut Gen, center: f64, unit: &str) -> String {
    let x = match g.below(5) {
        0 => center,
        1 => *g.pick(&[0.0, 1e-300, 5e-324, 1e300, -1.0, 100.0]),
        _ => center * (0.5 + g.unit()),
    };
    format!("{} {unit}", float_text(x))
}

fn input(g: &mut Gen) -> Value {
    let (path, unit) = *g.pick(PATHS);
    let c = if unit == "%" {
        8.0
    } else if unit == "USD" {
        4000.0
    } else {
        2.0
    };
    let v = value(g, c, unit);
    match g.below(9) {
        0 => json!({ "path": path, "distribution": "uniform", "min": v, "max": v }),
        1 => json!({ "path": path, "distribution": "triangular", "min": v, "mode": v, "max": v }),
        2 => {
            json!({ "path": path, "distribution": "pert", "min": v, "mode": v, "max": value(g, c, unit) })
        }
        3 => {
            json!({ "path": path, "distribution": "normal", "mean": v, "sd": format!("0 {unit}") })
        }
        4 => {
            json!({ "path": path, "distribution": *g.pick(&["normal", "lognormal"]), "mean": value(g, c, unit),
                     "sd": value(g, c, unit), "min": value(g, c * 50.0, unit), "max": value(g, c * 60.0, unit) })
        }
        5 => json!({ "path": path, "distribution": "discrete", "values": [v] }),
        6 => {
            json!({ "path": path, "distribution": "discrete", "values": [v, value(g, c, unit)], "weights": [0.0, *g.pick(&[0.0, 1e-300, 1.0, 1e308])] })
        }
        7 => {
            json!({ "path": path, "spread": format!("± {} %", *g.pick(&[0.0, 1e-12, 99.999, 100.0, 1e6])) })
        }
        _ => {
            json!({ "path": path, "distribution": "lognormal", "mean": value(g, c, unit), "sd": value(g, c * 1e6, unit) })
        }
    }
}

impl Target for Uncertainty {
    fn name(&self) -> &'static str {
        "uncertainty"
    }

    fn generate(&self, g: &mut Gen) -> Value {
        let mut doc = mutate::seed("risk.toml").cloned().unwrap_or(Value::Null);
        let inputs: Vec<Value> = (0..1 + g.below(4)).map(|_| input(g)).collect();
        let mut section = json!({ "draws": 2 + g.below(60), "seed": g.bits() >> 11,
                                  "method": g.pick(&["lhs", "mc"]), "inputs": inputs.clone() });
        if inputs.len() > 1 && g.chance(0.4) {
            let a = inputs[0]["path"].clone();
            let b = inputs[1]["path"].clone();
            section["correlations"] =
                json!([{ "inputs": [a, b], "rank": *g.pick(&[1.0, -1.0, 0.999999, 0.0]) }]);
        }
        doc["uncertainty"] = section;
        if g.chance(0.2) {
            mutate::mutate_once(g, &mut doc, "uncertainty");
        }
        mutate::emit(g, &doc)
    }

    fn run(&self, case: &Value) -> Result<(), String> {
        match load(case)? {
            Some(a) => simulation(&a),
            None => Ok(()),
        }
    }
}
