//! Uncertain inputs compiled against the document: each path resolved once to its place in
//! the document's value, each distribution read in one unit that the field's parser takes.

use serde_json::Value;

use super::distribution::Distribution;
use crate::document::paths::{Step, resolve, slot};
use crate::error::{Error, Result};
use crate::sections::uncertainty::{Shape, UncertainInput, Uncertainty};
use crate::units::split_number;

/// An uncertain input, ready to be written into copies of the document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Input {
    /// The path as written (`prices.water`).
    pub(crate) path: String,
    /// Where it is in the document's value.
    steps: Vec<Step>,
    /// The unit its sampled numbers are written in (empty for plain numbers).
    pub(crate) unit: String,
    /// Text kept after the number and unit (a measured flow's `± 5 %`).
    suffix: String,
    /// Whether the field is a plain JSON number (written back as a number), and whole.
    number: Option<bool>,
    /// The value the document writes, in `unit`, if it writes one in that unit.
    pub(crate) base: Option<f64>,
    /// The distribution, in `unit`.
    pub(crate) distribution: Distribution,
    /// The shape's name.
    pub(crate) shape: Shape,
}

impl Input {
    /// `x` (in the input's unit) as the field's text: `"31.7 MXN/m3"`, `"118 m3/d ± 5 %"`.
    pub(crate) fn text(&self, x: f64) -> String {
        if self.suffix.is_empty() {
            format!("{x} {}", self.unit)
        } else {
            format!("{x} {} {}", self.unit, self.suffix)
        }
    }

    /// Write `x` (in the input's unit) into `doc`.
    pub(crate) fn write(&self, doc: &mut Value, x: f64) {
        let Some(slot) = slot(doc, &self.steps) else {
            return;
        };
        *slot = match self.number {
            Some(true) => Value::from(x.round() as i64),
            Some(false) => Value::from(x),
            None => Value::String(self.text(x)),
        };
    }
}

/// A value as written: its number, unit and any text after them (`± 5 %`).
struct Written {
    number: f64,
    unit: String,
    suffix: String,
}

/// Read `text` as a number with its unit (and a `±` part kept aside).
fn written(text: &str, path: &str) -> Result<Written> {
    let (value, suffix) = match text.split_once('±').or_else(|| text.split_once("+-")) {
        Some((v, u)) => (v, format!("± {}", u.trim())),
        None => (text, String::new()),
    };
    let (number, unit) = split_number(value).map_err(|p| Error::unit(path, text, p))?;
    Ok(Written {
        number,
        unit: unit.to_string(),
        suffix,
    })
}

/// The values of one distribution, read in one unit.
struct Values<'a> {
    at: &'a str,
    unit: Option<String>,
}

impl Values<'_> {
    /// `text` (the field `field` of the input), whose unit must be the same as the others'.
    fn read(&mut self, field: &str, text: &str) -> Result<f64> {
        let path = format!("{}.{field}", self.at);
        let w = written(text, &path)?;
        if !w.suffix.is_empty() {
            return Err(Error::out_of_range(
                path,
                text,
                "is a value, without `±` (give `sd` for a spread)",
            ));
        }
        match &self.unit {
            Some(u) if *u != w.unit => Err(Error::out_of_range(
                path,
                text,
                format!(
                    "is in `{}`, the other values in `{u}`: write them in one unit",
                    w.unit
                ),
            )),
            Some(_) => Ok(w.number),
            None => {
                self.unit = Some(w.unit);
                Ok(w.number)
            }
        }
    }

    fn required(&mut self, field: &str, text: Option<&String>) -> Result<f64> {
        match text {
            Some(t) => self.read(field, t),
            // The path alone, as every missing field (the distribution's needs are in the
            // schema and the documentation).
            None => Err(Error::MissingField {
                path: format!("{}.{field}", self.at),
            }),
        }
    }
}

/// A share written `"± 20 %"` or `"20 %"`, as a fraction.
fn share(text: &str, path: &str) -> Result<f64> {
    let t = text.trim();
    let t = t
        .strip_prefix('±')
        .or_else(|| t.strip_prefix("+-"))
        .unwrap_or(t);
    let (x, unit) = split_number(t).map_err(|p| Error::unit(path, text, p))?;
    if unit != "%" || x < 0.0 {
        return Err(Error::out_of_range(
            path,
            text,
            "must be a share in percent, such as \"± 20 %\"",
        ));
    }
    Ok(x / 100.0)
}

/// Compile the inputs of `section` against `doc`, with the flowsheet's measured flows when
/// `section.measured` is set.
pub(crate) fn compile(doc: &Value, section: &Uncertainty) -> Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for (k, input) in section.inputs.iter().enumerate() {
        let at = format!("uncertainty.inputs[{k}]");
        if inputs.iter().any(|i: &Input| i.path == input.path) {
            return Err(Error::out_of_range(
                format!("{at}.path"),
                &input.path,
                "is given twice",
            ));
        }
        inputs.push(one(doc, input, &at)?);
    }
    if section.measured {
        for (path, text) in measured_paths(doc) {
            if inputs.iter().any(|i| i.path == path) {
                continue;
            }
            let (steps, _) = resolve(doc, &path, "uncertainty.measured")?;
            let w = written(&text, &path)?;
            let sd_text = w.suffix.trim_start_matches('±').trim().to_string();
            let sd = match share(&sd_text, &path) {
                Ok(s) => s * w.number.abs(),
                Err(_) => {
                    let s = written(&sd_text, &path)?;
                    if s.unit != w.unit {
                        continue; // An uncertainty in another unit: left at its value.
                    }
                    s.number
                }
            };
            inputs.push(Input {
                path,
                steps,
                unit: w.unit,
                suffix: w.suffix,
                number: None,
                base: Some(w.number),
                distribution: Distribution::Normal {
                    mean: w.number,
                    sd,
                    min: 0.0,
                    max: f64::INFINITY,
                },
                shape: Shape::Normal,
            });
        }
    }
    Ok(inputs)
}

/// Every measured flow and energy amount of the document's flowsheet, by path.
fn measured_paths(doc: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(fs) = doc.get("flowsheet") else {
        return out;
    };
    let measured = |s: &str| s.contains('±') || s.contains("+-");
    let id = |v: &Value, i: usize| {
        v.get("id")
            .and_then(Value::as_str)
            .map_or_else(|| i.to_string(), str::to_string)
    };
    for (i, s) in fs
        .get("streams")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        for (component, flow) in s
            .get("flows")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if let Some(text) = flow.as_str().filter(|t| measured(t)) {
                out.push((
                    format!("flowsheet.streams[{}].flows.{component}", id(s, i)),
                    text.to_string(),
                ));
            }
        }
    }
    for (i, e) in fs
        .get("energy")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        if let Some(text) = e
            .get("amount")
            .and_then(Value::as_str)
            .filter(|t| measured(t))
        {
            out.push((
                format!("flowsheet.energy[{}].amount", id(e, i)),
                text.to_string(),
            ));
        }
    }
    out
}

/// One input of the section.
pub(crate) fn one(doc: &Value, input: &UncertainInput, at: &str) -> Result<Input> {
    let (steps, found) = resolve(doc, &input.path, &format!("{at}.path"))?;
    let shape = input.distribution.unwrap_or(if input.values.is_empty() {
        Shape::Uniform
    } else {
        Shape::Discrete
    });
    // The value the document writes there, if any.
    let (base, number, suffix) = match found {
        Some(Value::String(s)) => {
            let w = written(s, &input.path)?;
            (Some((w.number, w.unit)), None, w.suffix)
        }
        Some(Value::Number(n)) => (
            n.as_f64().map(|x| (x, String::new())),
            Some(n.is_u64() || n.is_i64()),
            String::new(),
        ),
        Some(_) => {
            return Err(Error::out_of_range(
                format!("{at}.path"),
                &input.path,
                "is a section or a list, not a number: name one value in it",
            ));
        }
        None => (None, None, String::new()),
    };
    let mut values = Values { at, unit: None };
    let distribution = match &input.spread {
        Some(spread) => {
            let s = share(spread, &format!("{at}.spread"))?;
            let Some((b, unit)) = &base else {
                return Err(Error::out_of_range(
                    format!("{at}.spread"),
                    spread,
                    format!(
                        "needs a value at `{}` in the document: give the distribution's own values instead",
                        input.path
                    ),
                ));
            };
            values.unit = Some(unit.clone());
            let (lo, hi) = (b - s * b.abs(), b + s * b.abs());
            match shape {
                Shape::Uniform => Distribution::Uniform { min: lo, max: hi },
                Shape::Triangular => Distribution::Triangular {
                    min: lo,
                    mode: *b,
                    max: hi,
                },
                Shape::Pert => Distribution::Pert {
                    min: lo,
                    mode: *b,
                    max: hi,
                },
                Shape::Normal => Distribution::Normal {
                    mean: *b,
                    sd: s * b.abs(),
                    min: if *b > 0.0 { 0.0 } else { f64::NEG_INFINITY },
                    max: if *b < 0.0 { 0.0 } else { f64::INFINITY },
                },
                Shape::Lognormal => Distribution::Lognormal {
                    mean: *b,
                    sd: s * b.abs(),
                    min: 0.0,
                    max: f64::INFINITY,
                },
                Shape::Discrete => {
                    return Err(Error::out_of_range(
                        format!("{at}.spread"),
                        spread,
                        "cannot make a discrete distribution: list its `values`",
                    ));
                }
            }
        }
        None => shaped(input, shape, &mut values)?,
    };
    check(&distribution, at)?;
    let unit = values.unit.unwrap_or_default();
    let base_in_unit = base.as_ref().filter(|(_, u)| *u == unit).map(|(b, _)| *b);
    Ok(Input {
        path: input.path.clone(),
        steps,
        number: number.filter(|_| unit.is_empty()),
        unit,
        suffix,
        base: base_in_unit,
        distribution,
        shape,
    })
}

/// The distribution from the shape's own values.
fn shaped(input: &UncertainInput, shape: Shape, values: &mut Values<'_>) -> Result<Distribution> {
    let bound = |values: &mut Values<'_>, field: &str, text: &Option<String>, none: f64| {
        text.as_ref().map_or(Ok(none), |t| values.read(field, t))
    };
    Ok(match shape {
        Shape::Uniform => Distribution::Uniform {
            min: values.required("min", input.min.as_ref())?,
            max: values.required("max", input.max.as_ref())?,
        },
        Shape::Triangular | Shape::Pert => {
            let min = values.required("min", input.min.as_ref())?;
            let mode = values.required("mode", input.mode.as_ref())?;
            let max = values.required("max", input.max.as_ref())?;
            if shape == Shape::Pert {
                Distribution::Pert { min, mode, max }
            } else {
                Distribution::Triangular { min, mode, max }
            }
        }
        Shape::Normal | Shape::Lognormal => {
            let mean = values.required("mean", input.mean.as_ref())?;
            let sd_text = input.sd.as_ref().ok_or_else(|| Error::MissingField {
                path: format!("{}.sd", values.at),
            })?;
            let sd = match share(sd_text, &format!("{}.sd", values.at)) {
                Ok(s) if values.unit.as_deref() != Some("%") => s * mean.abs(),
                _ => values.read("sd", sd_text)?,
            };
            let (low, high) = if shape == Shape::Lognormal {
                (0.0, f64::INFINITY)
            } else {
                (f64::NEG_INFINITY, f64::INFINITY)
            };
            let min = bound(values, "min", &input.min, low)?;
            let max = bound(values, "max", &input.max, high)?;
            if shape == Shape::Normal {
                Distribution::Normal { mean, sd, min, max }
            } else {
                Distribution::Lognormal { mean, sd, min, max }
            }
        }
        Shape::Discrete => {
            if input.values.is_empty() {
                return Err(Error::MissingField {
                    path: format!("{}.values", values.at),
                });
            }
            let list = input
                .values
                .iter()
                .enumerate()
                .map(|(k, t)| values.read(&format!("values[{k}]"), t))
                .collect::<Result<Vec<f64>>>()?;
            let weights = if input.weights.is_empty() {
                vec![1.0; list.len()]
            } else if input.weights.len() != list.len() {
                return Err(Error::out_of_range(
                    format!("{}.weights", values.at),
                    input.weights.len(),
                    format!("weights for {} values", list.len()),
                ));
            } else {
                input.weights.clone()
            };
            Distribution::Discrete {
                values: list,
                weights,
            }
        }
    })
}

/// The checks every distribution passes: ordered bounds, positive spreads, finite values.
pub(crate) fn check(d: &Distribution, at: &str) -> Result<()> {
    let fail = |field: &str, value: f64, why: &str| {
        Err(Error::out_of_range(format!("{at}.{field}"), value, why))
    };
    match *d {
        Distribution::Uniform { min, max } => {
            if min > max {
                return fail("max", max, "must not be below min");
            }
        }
        Distribution::Triangular { min, mode, max } | Distribution::Pert { min, mode, max } => {
            if min > max {
                return fail("max", max, "must not be below min");
            }
            if !(min..=max).contains(&mode) {
                return fail("mode", mode, "must lie from min to max");
            }
        }
        Distribution::Normal { mean, sd, min, max }
        | Distribution::Lognormal { mean, sd, min, max } => {
            if sd < 0.0 {
                return fail("sd", sd, "must not be negative");
            }
            if matches!(d, Distribution::Lognormal { .. }) && mean <= 0.0 {
                return fail(
                    "mean",
                    mean,
                    "of a lognormal distribution must be above zero",
                );
            }
            if min >= max || (sd > 0.0 && (max < mean - 8.0 * sd || min > mean + 8.0 * sd)) {
                return fail("min", min, "and max leave no probability to draw from");
            }
        }
        Distribution::Discrete { ref weights, .. } => {
            if weights.iter().any(|w| !(w.is_finite() && *w >= 0.0))
                || weights.iter().sum::<f64>() <= 0.0
            {
                return fail(
                    "weights",
                    weights.iter().sum(),
                    "must be non-negative and not all zero",
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Value {
        serde_json::json!({
            "prices": {"water": "32 MXN/m3"},
            "options": [{"id": "a", "capex": "1000 MXN"}],
            "flowsheet": {"streams": [{"id": "soak_in", "flows": {"water": "120 m3/d ± 5 %"}}]},
            "schedule": {"days_per_year": 280}
        })
    }

    #[test]
    fn paths_resolve_by_key_index_and_id() {
        let d = doc();
        let (steps, v) = resolve(&d, "flowsheet.streams[soak_in].flows.water", "p").unwrap();
        assert_eq!(steps[2], Step::Index(0));
        assert_eq!(v.and_then(Value::as_str), Some("120 m3/d ± 5 %"));
        assert!(resolve(&d, "options[0].capex", "p").unwrap().1.is_some());
        assert!(resolve(&d, "options[0].salvage", "p").unwrap().1.is_none());
        for bad in [
            "options[3].capex",
            "prices.water.x",
            "flowsheet.streams[nope].flows",
            "nope.x",
            "options[0",
        ] {
            let e = resolve(&d, bad, "uncertainty.inputs[0].path").unwrap_err();
            assert_eq!(e.path(), "uncertainty.inputs[0].path", "{bad}");
        }
    }

    #[test]
    fn spread_and_measured_flows_keep_the_unit() {
        let d = doc();
        let section = Uncertainty {
            measured: true,
            inputs: vec![UncertainInput {
                path: "options[0].capex".into(),
                spread: Some("± 20 %".into()),
                ..UncertainInput::default()
            }],
            ..Uncertainty::default()
        };
        let inputs = compile(&d, &section).unwrap();
        assert_eq!(
            inputs[0].distribution,
            Distribution::Uniform {
                min: 800.0,
                max: 1200.0
            }
        );
        assert_eq!(inputs[0].unit, "MXN");
        assert_eq!(inputs[1].path, "flowsheet.streams[soak_in].flows.water");
        assert_eq!(
            inputs[1].distribution,
            Distribution::Normal {
                mean: 120.0,
                sd: 6.0,
                min: 0.0,
                max: f64::INFINITY
            }
        );
        let mut copy = d.clone();
        inputs[1].write(&mut copy, 125.5);
        assert_eq!(
            copy["flowsheet"]["streams"][0]["flows"]["water"],
            "125.5 m3/d ± 5 %"
        );
    }

    #[test]
    fn whole_number_fields_stay_whole() {
        let d = doc();
        let section = Uncertainty {
            inputs: vec![UncertainInput {
                path: "schedule.days_per_year".into(),
                min: Some("250".into()),
                max: Some("300".into()),
                ..UncertainInput::default()
            }],
            ..Uncertainty::default()
        };
        let inputs = compile(&d, &section).unwrap();
        let mut copy = d.clone();
        inputs[0].write(&mut copy, 271.6);
        assert_eq!(copy["schedule"]["days_per_year"], 272);
    }

    #[test]
    fn bad_distributions_name_their_field() {
        let d = doc();
        let with = |i: UncertainInput| {
            compile(
                &d,
                &Uncertainty {
                    inputs: vec![i],
                    ..Uncertainty::default()
                },
            )
            .unwrap_err()
        };
        let e = with(UncertainInput {
            path: "prices.water".into(),
            distribution: Some(Shape::Triangular),
            min: Some("20 MXN/m3".into()),
            mode: Some("50 MXN/m3".into()),
            max: Some("40 MXN/m3".into()),
            ..UncertainInput::default()
        });
        assert_eq!(e.path(), "uncertainty.inputs[0].mode");
        let e = with(UncertainInput {
            path: "prices.water".into(),
            min: Some("20 MXN/m3".into()),
            max: Some("0.04 MXN/L".into()),
            ..UncertainInput::default()
        });
        assert_eq!(e.path(), "uncertainty.inputs[0].max");
        let e = with(UncertainInput {
            path: "options[0].salvage".into(),
            spread: Some("± 10 %".into()),
            ..UncertainInput::default()
        });
        assert_eq!(e.path(), "uncertainty.inputs[0].spread");
    }
}
