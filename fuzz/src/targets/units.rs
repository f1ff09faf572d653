//! The unit grammar: quantity strings built from its tokens or damaged valid ones, read as
//! every dimension. A value read must be finite, and its canonical form must read back to the
//! same value.

use crate::Target;
use crate::mutate::UNITS;
use crate::rng::{Gen, float_text};
use cleanprod::Error;
use cleanprod::units::{self, Dimension};
use serde_json::{Value, json};
use std::sync::OnceLock;

/// The unit grammar target.
pub struct Units;

fn valid_texts() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let path = crate::repo_root().join("tests/fixtures/units.json");
        let fixture: Value = std::fs::read_to_string(path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        let mut out: Vec<String> = ["valid", "invalid"]
            .iter()
            .flat_map(|k| fixture[*k].as_array().cloned().unwrap_or_default())
            .filter_map(|c| c["text"].as_str().map(str::to_string))
            .collect();
        out.push("12 t/d".to_string());
        out
    })
}

const TOKENS: &[&str] = &[
    " ", "/", "^", "2", "3", "-1", "·", "*", "±", "+-", "%", "(", ")", "e", "E", ".", "-", "+",
    "k", "M", "µ", "per", "batch", "day", "h", "yr", "m3", "kg", "kWh", "USD", "°", "C", "F",
    "psig", "bar", "in", "ft", "gal", "\u{0}", "\u{2009}", "1e308", "5e-324", "0", "9",
];

fn compose(g: &mut Gen) -> String {
    let mut s = float_text(g.number());
    if g.chance(0.8) {
        s.push(' ');
        s.push_str(g.pick::<&str>(UNITS));
    }
    for _ in 0..g.below(4) {
        s.push_str(g.pick::<&str>(TOKENS));
    }
    s
}

fn damage(g: &mut Gen, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for _ in 0..1 + g.below(3) {
        let token: Vec<char> = g.pick(TOKENS).chars().collect();
        let i = g.below(chars.len() + 1);
        match g.below(3) {
            0 if i < chars.len() => {
                chars.remove(i);
            }
            1 => {
                chars.splice(i..i, token);
            }
            _ => {
                let n = g.below(3);
                chars.splice(i..(i + n).min(chars.len()), token);
            }
        }
    }
    chars.into_iter().collect()
}

impl Target for Units {
    fn name(&self) -> &'static str {
        "units"
    }

    fn generate(&self, g: &mut Gen) -> Value {
        let text = match g.below(3) {
            0 => compose(g),
            1 => {
                let base = g.pick(valid_texts()).clone();
                damage(g, &base)
            }
            _ => {
                let base = g.pick(valid_texts()).clone();
                let (_, unit) = base.split_at(base.find(' ').unwrap_or(0));
                format!("{}{unit}", float_text(g.number()))
            }
        };
        json!({ "text": text, "dimension": g.below(Dimension::ALL.len()) })
    }

    fn run(&self, case: &Value) -> Result<(), String> {
        let text = case["text"].as_str().unwrap_or_default();
        let k = case["dimension"].as_u64().unwrap_or(0) as usize;
        let dimension = Dimension::ALL[k % Dimension::ALL.len()];
        let named = |p| Error::unit("value", text, p);
        match units::to_si(text, dimension) {
            Ok(v) if !v.is_finite() => Err(format!("to_si({text:?}, {dimension:?}) = {v}")),
            Ok(v) => {
                let canonical = units::canonical(text, dimension)
                    .map_err(|p| format!("to_si reads {text:?} but canonical fails: {p}"))?;
                let again = units::to_si(&canonical, dimension).map_err(|p| {
                    format!("canonical {canonical:?} of {text:?} does not read: {p}")
                })?;
                let scale = v.abs().max(again.abs());
                if (again - v).abs() > 1e-9 * scale {
                    return Err(format!(
                        "{text:?} reads {v:e} but its canonical form {canonical:?} reads {again:e}"
                    ));
                }
                Ok(())
            }
            Err(p) => crate::named_error("to_si", &named(p)),
        }
    }
}
