//! Structure-aware mutation of assessment documents: the valid documents of the repository
//! (`examples/`, `tests/fixtures/documents/valid/`) read as JSON trees, changed where a
//! careless or hostile author would change them (numbers to extremes, units swapped, fields
//! dropped or duplicated, references pointed elsewhere, huge names), and written back as TOML
//! or JSON.

use crate::rng::{EDGE_NUMBERS, Gen};
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// A valid document: its file name and its tree.
pub struct Seed {
    /// File name, e.g. `tannery.toml`.
    pub name: String,
    /// The document as JSON.
    pub value: Value,
}

/// Every valid document of the repository, read once.
pub fn seeds() -> &'static [Seed] {
    static SEEDS: OnceLock<Vec<Seed>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = crate::repo_root();
        let mut out = Vec::new();
        for dir in ["examples", "tests/fixtures/documents/valid"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let value = match path.extension().and_then(|e| e.to_str()) {
                    Some("toml") => toml::from_str::<Value>(&text).ok(),
                    Some("json") => serde_json::from_str::<Value>(&text).ok(),
                    _ => None,
                };
                if let (Some(value), Some(name)) = (value, path.file_name()) {
                    out.push(Seed {
                        name: name.to_string_lossy().into_owned(),
                        value,
                    });
                }
            }
        }
        out
    })
}

/// The seed called `name`.
pub fn seed(name: &str) -> Option<&'static Value> {
    seeds().iter().find(|s| s.name == name).map(|s| &s.value)
}

/// Units an author may write, of every dimension the format reads.
pub const UNITS: &[&str] = &[
    "m3/d",
    "L/min",
    "t/d",
    "kg/d",
    "kg/yr",
    "m3/yr",
    "kWh/d",
    "kWh/yr",
    "GJ/yr",
    "kW",
    "MW",
    "%",
    "h",
    "d",
    "yr",
    "kg",
    "t",
    "m3",
    "L",
    "kWh",
    "USD",
    "USD/m3",
    "USD/kg",
    "USD/kWh",
    "MXN",
    "EUR/t",
    "kg/kWh",
    "kg/m3",
    "mg/L",
    "degC",
    "K",
    "bar",
    "psig",
    "Nm3/d",
    "/yr",
    "/d",
    "m2",
    "gal/min",
    "lb",
    "short ton",
    "MJ/kg",
    "kg/GJ",
    "t/yr",
    "m3/batch",
    "kg/t",
    "L/guest-night",
    "1/yr",
    "m",
    "mm",
    "W",
    "°C",
    "ppm",
    "",
    "%/yr",
];

/// Replacement numbers for the number of a quantity string.
const NUMBER_TEXTS: &[&str] = &[
    "0",
    "-0",
    "1e308",
    "-1e308",
    "1e309",
    "5e-324",
    "1e-300",
    "1e-17",
    "NaN",
    "inf",
    "-1",
    "100",
    "100.0000001",
    "99.9999999",
    "4294967296",
    "9007199254740993",
    "1e15",
    "0.0",
    ".5",
    "1_000",
    "1,5",
    "1e",
    "--1",
    "0x10",
    "1/0",
    "+",
    "",
];

/// A step of the path to a node of the tree.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn paths(value: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                prefix.push(Step::Key(k.clone()));
                paths(v, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                prefix.push(Step::Index(i));
                paths(v, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut v = value;
    for step in path {
        v = match step {
            Step::Key(k) => v.as_object_mut()?.get_mut(k)?,
            Step::Index(i) => v.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(v)
}

/// Every string of the tree (ids, names, references), to point references elsewhere.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s.len() < 64 => out.push(s.clone()),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// Split a quantity string into its number and the rest (`"12 t/d"` → `("12", " t/d")`).
fn split_number(s: &str) -> (&str, &str) {
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
        .map_or(s.len(), |(i, _)| i);
    s.split_at(end)
}

/// A number with a random change: scaled far, to an edge, or negated.
fn number_change(g: &mut Gen, x: f64) -> f64 {
    match g.below(4) {
        0 => *g.pick(EDGE_NUMBERS),
        1 => x * 10f64.powi(g.below(25) as i32 - 12),
        2 => -x,
        _ => g.number(),
    }
}

fn mutate_string(g: &mut Gen, s: &str, names: &[String]) -> Value {
    let (number, rest) = split_number(s);
    match g.below(9) {
        0 | 1 if !number.is_empty() => Value::String(format!("{}{rest}", g.pick(NUMBER_TEXTS))),
        2 if !number.is_empty() => {
            let x: f64 = number.parse().unwrap_or(1.0);
            Value::String(format!(
                "{}{rest}",
                crate::rng::float_text(number_change(g, x))
            ))
        }
        3 if !number.is_empty() => Value::String(format!("{number} {}", g.pick(UNITS))),
        4 if !names.is_empty() => Value::String(g.pick(names).clone()),
        5 => Value::String("x".repeat(if g.chance(0.5) {
            70_000
        } else {
            1 + g.below(40)
        })),
        6 => Value::String(format!(
            "{s} ± {}",
            g.pick(&["5 %", "0", "1e308", "-1 %", "200 %"])
        )),
        7 => {
            let mut t = s.to_string();
            if !t.is_empty() {
                let mut i = g.below(t.len());
                while !t.is_char_boundary(i) {
                    i -= 1;
                }
                t.insert(
                    i,
                    *g.pick(&['?', ' ', '/', '^', '±', '\u{0}', 'e', '.', '-', '%']),
                );
            }
            Value::String(t)
        }
        _ => any_scalar(g),
    }
}

fn any_scalar(g: &mut Gen) -> Value {
    match g.below(7) {
        0 => Value::Bool(g.chance(0.5)),
        1 => Value::from(g.below(3) as i64 - 1),
        2 => serde_json::Number::from_f64(g.number()).map_or(Value::Null, Value::Number),
        3 => Value::from(u64::MAX),
        4 => Value::Array(vec![]),
        5 => Value::Object(Map::new()),
        _ => Value::String(String::new()),
    }
}

/// Apply one random mutation to a node of `doc` whose path starts with `focus` (a top-level
/// key, or every node when empty).
pub fn mutate_once(g: &mut Gen, doc: &mut Value, focus: &str) {
    let mut all = Vec::new();
    paths(doc, &mut Vec::new(), &mut all);
    let candidates: Vec<_> = all
        .into_iter()
        .filter(|p| focus.is_empty() || matches!(p.first(), Some(Step::Key(k)) if k == focus))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let path = g.pick(&candidates).clone();
    let mut names = Vec::new();
    strings(doc, &mut names);
    let donor = g.pick(seeds()).value.clone();
    let Some(node) = at(doc, &path) else {
        return;
    };
    match node {
        Value::String(s) => {
            let s = s.clone();
            *node = mutate_string(g, &s, &names);
        }
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(0.0);
            *node = match g.below(3) {
                0 => Value::from(*g.pick(&[0i64, -1, 1, 2, 366, 1 << 32, i64::MAX, i64::MIN])),
                1 => serde_json::Number::from_f64(number_change(g, x))
                    .map_or(Value::Null, Value::Number),
                _ => any_scalar(g),
            };
        }
        Value::Array(items) => match g.below(5) {
            0 if !items.is_empty() => {
                let i = g.below(items.len());
                let copy = items[i].clone();
                items.insert(i, copy);
            }
            1 if !items.is_empty() => {
                items.remove(g.below(items.len()));
            }
            2 => items.clear(),
            3 if !items.is_empty() => {
                let i = g.below(items.len());
                let copy = items[i].clone();
                let n = g.below(200);
                for _ in 0..n {
                    items.push(copy.clone());
                }
            }
            _ => items.reverse(),
        },
        Value::Object(map) => match g.below(5) {
            0 if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                map.remove(g.pick(&keys));
            }
            1 => {
                map.insert(
                    g.pick(&[
                        "unknown", "id", "kind", "amount", "stream", "to", "from", "factor",
                    ])
                    .to_string(),
                    Value::String(g.pick(UNITS).to_string()),
                );
            }
            2 => {
                // The same key's subtree from another valid document, when it has one.
                if let (Some(Step::Key(k)), Some(d)) = (path.last(), donor.as_object())
                    && let Some(v) = d.get(k)
                {
                    *node = v.clone();
                }
            }
            3 if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                let k = g.pick(&keys).clone();
                if let Some(v) = map.get(&k).cloned() {
                    map.insert(format!("{k}{}", g.below(3)), v);
                }
            }
            _ => {
                for v in map.values_mut() {
                    if let Value::String(s) = v {
                        let (number, rest) = split_number(s);
                        if !number.is_empty() {
                            *s = format!("{}{rest}", g.pick(NUMBER_TEXTS));
                            break;
                        }
                    }
                }
            }
        },
        Value::Bool(b) => *b = !*b,
        Value::Null => *node = any_scalar(g),
    }
}

/// A document written as TOML or JSON: `{"format": "toml"|"json", "text": ...}`. The text is
/// sometimes damaged byte by byte, to reach the parsers' syntax errors.
pub fn emit(g: &mut Gen, doc: &Value) -> Value {
    let toml_text = if g.chance(0.6) {
        toml::to_string(doc).ok()
    } else {
        None
    };
    let (format, mut text) = match toml_text {
        Some(t) => ("toml", t),
        None => ("json", serde_json::to_string(doc).unwrap_or_default()),
    };
    if g.chance(0.05) && !text.is_empty() {
        let mut bytes = text.into_bytes();
        for _ in 0..1 + g.below(4) {
            let i = g.below(bytes.len());
            bytes[i] = *g.pick(b"{}[]\"'=,.:#\n\\0123456789e-+ ");
        }
        text = String::from_utf8_lossy(&bytes).into_owned();
    }
    serde_json::json!({ "format": format, "text": text })
}

/// A mutated valid document: one of `seed_names` (any seed when empty), 1 to 4 mutations
/// under `focus`.
pub fn mutated_document(g: &mut Gen, seed_names: &[&str], focus: &str) -> Value {
    let mut doc = if seed_names.is_empty() {
        g.pick(seeds()).value.clone()
    } else {
        seed(g.pick::<&str>(seed_names))
            .cloned()
            .unwrap_or(Value::Null)
    };
    for _ in 0..1 + g.below(4) {
        mutate_once(g, &mut doc, focus);
    }
    emit(g, &doc)
}
