//! The flowsheet solver and reconciliation on random graphs (disconnected, cyclic, all flows
//! unknown, contradictory measurements, zero variances), with options that edit the graph
//! (scale, set, hold, recycle loops, efficiency, substitute). Graphs are written as documents
//! so that the target goes through the loader as users do.

use super::{exercise, load};
use crate::rng::{Gen, float_text};
use crate::{Target, mutate};
use serde_json::{Map, Value, json};

/// The random-graph target.
pub struct Flowsheets;

const KINDS: &[&str] = &[
    "source",
    "process",
    "process",
    "process",
    "wastewater",
    "product",
    "emission",
    "solid_waste",
];
const COMPONENTS: &[&str] = &["water", "Cr2O3", "COD", "Ni"];

fn amount(g: &mut Gen, unit: &str, shape: usize) -> String {
    let x = match g.below(8) {
        0 => g.number().abs(),
        1 => 0.0,
        _ => 1.0 + g.unit() * 200.0,
    };
    let x = float_text(x);
    match shape {
        // all unknown
        0 => "?".to_string(),
        // zero variances (on some flows: every one is refused at once)
        1 if g.chance(0.2) => format!("{x} {unit} ± 0"),
        _ => match g.below(5) {
            0 => "?".to_string(),
            1 => format!("{x} {unit} ± {}", float_text(g.unit() * 10.0)),
            2 => format!("{x} {unit} ± {} %", g.below(300)),
            _ => format!("{x} {unit}"),
        },
    }
}

fn graph(g: &mut Gen) -> Value {
    let components: Vec<&str> = std::iter::once("water")
        .chain(COMPONENTS[1..].iter().copied().filter(|_| g.chance(0.4)))
        .collect();
    let n = 2 + g.below(11);
    let kinds: Vec<&str> = (0..n).map(|_| *g.pick(KINDS)).collect();
    let nodes: Vec<Value> = (0..n)
        .map(|i| json!({ "id": format!("n{i}"), "kind": kinds[i] }))
        .collect();
    // 0: all unknown, 1: zero variances everywhere, otherwise mixed
    let shape = g.below(6);
    let mut ends: Vec<(usize, usize)> = (0..g.below(3 * n + 1))
        .map(|_| {
            let from = g.below(n);
            // cycles and parallel streams come by chance; a self-loop rarely
            let to = if g.chance(0.02) {
                from
            } else {
                (from + 1 + g.below(n - 1)) % n
            };
            (from, to)
        })
        .collect();
    // every node on some stream (a node on none is an error of its own)
    for i in 0..n {
        if !ends.iter().any(|&(a, b)| a == i || b == i) {
            let other = (i + 1 + g.below(n - 1)) % n;
            ends.push(if g.chance(0.5) {
                (i, other)
            } else {
                (other, i)
            });
        }
    }
    let streams: Vec<Value> = ends
        .iter()
        .enumerate()
        .map(|(j, &(from, to))| {
            let mut flows = Map::new();
            for c in &components {
                if g.chance(0.7) || flows.is_empty() {
                    let unit = if *c == "water" { "m3/d" } else { "kg/d" };
                    flows.insert((*c).to_string(), Value::String(amount(g, unit, shape)));
                }
            }
            json!({ "id": format!("s{j}"), "from": format!("n{from}"), "to": format!("n{to}"), "flows": flows })
        })
        .collect();
    let processes: Vec<usize> = (0..n).filter(|&i| kinds[i] == "process").collect();
    let mut sheet = json!({ "components": components, "nodes": nodes, "streams": streams });
    if !processes.is_empty() && g.chance(0.3) {
        let p = *g.pick(&processes);
        sheet["energy"] = json!([{ "id": "e0", "to": format!("n{p}"), "carrier": "electricity", "amount": format!("{} kWh/d", g.below(1000)) }]);
        sheet["devices"] =
            json!({ format!("n{p}"): { "efficiency": format!("{} %", 1 + g.below(120)) } });
    }
    sheet
}

fn effect(g: &mut Gen, sheet: &Value) -> Value {
    let streams = sheet["streams"].as_array().map_or(0, Vec::len).max(1);
    let nodes = sheet["nodes"].as_array().map_or(0, Vec::len).max(1);
    let comps: Vec<String> = sheet["components"]
        .as_array()
        .map(|c| {
            c.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let stream = format!("s{}", g.below(streams + 1));
    let component = if comps.is_empty() {
        "water".to_string()
    } else {
        g.pick(&comps).clone()
    };
    let node = format!("n{}", g.below(nodes));
    let percent = if g.chance(0.8) {
        format!("{} %", *g.pick(&[1e-9, 20.0, 50.0, 80.0, 99.9999, 100.0]))
    } else {
        format!("{} %", *g.pick(&[0.0, 100.0001, 150.0, -5.0, 1e-300]))
    };
    match g.below(6) {
        0 => json!({ "kind": "scale", "stream": stream, "factor": percent }),
        1 => {
            json!({ "kind": "set", "stream": stream, "component": component, "flow": amount(g, if component == "water" { "m3/d" } else { "kg/d" }, 3) })
        }
        2 => json!({ "kind": "hold", "stream": stream, "component": component }),
        3 => {
            let mut e = json!({ "kind": "recycle", "stream": stream, "component": component, "fraction": percent, "to": node });
            if g.chance(0.5) {
                e["replaces"] = Value::String(format!("s{}", g.below(streams)));
            }
            e
        }
        4 => json!({ "kind": "efficiency", "node": node, "efficiency": percent }),
        _ => {
            json!({ "kind": "substitute", "stream": stream, "component": component, "by": g.pick(&comps.clone()).clone(), "ratio": percent })
        }
    }
}

impl Target for Flowsheets {
    fn name(&self) -> &'static str {
        "flowsheet"
    }

    fn generate(&self, g: &mut Gen) -> Value {
        let mut doc = mutate::seed("effects.toml").cloned().unwrap_or(Value::Null);
        let sheet = graph(g);
        let options: Vec<Value> = (0..g.below(4))
            .map(|k| {
                let effects: Vec<Value> = (0..1 + g.below(2)).map(|_| effect(g, &sheet)).collect();
                json!({ "id": format!("o{k}"), "title": "option", "category": "good_housekeeping",
                        "capex": format!("{} USD", g.below(5000)), "effects": effects })
            })
            .collect();
        doc["flowsheet"] = sheet;
        doc["options"] = Value::Array(options);
        if let Some(prices) = doc["prices"].as_object_mut() {
            for c in COMPONENTS[1..].iter() {
                prices.insert((*c).to_string(), Value::String("5 USD/kg".to_string()));
            }
        }
        if g.chance(0.3) {
            mutate::mutate_once(g, &mut doc, "flowsheet");
        }
        mutate::emit(g, &doc)
    }

    fn run(&self, case: &Value) -> Result<(), String> {
        let text = case["text"].as_str().unwrap_or_default();
        match load(case)? {
            Some(a) => exercise(&a, text, false),
            None => Ok(()),
        }
    }
}
