//! An option's flowsheet: the baseline ([`baseline`]) with the option's edits ([`apply`]),
//! carried downstream ([`solve`]).
//!
//! Each unit operation passes on what it receives in the proportions the baseline balance
//! shows: the share of its throughput of a component leaving by each outlet (the transfer
//! coefficients of material flow analysis, as in STAN: Cencic and Rechberger, J. Environ. Eng.
//! Manage. 18, 2008). Supplies are fixed by the edits; accumulation stays as in the baseline.
//!
//! * `scale` of a supply multiplies it; of an outlet of a unit, multiplies that outlet's
//!   coefficient, the unit's other outlets sharing the rest in their baseline proportions.
//! * `set` of a supply fixes it; of an outlet, fixes its flow, the other outlets sharing the
//!   rest. `hold` sets a flow to its baseline value.
//! * `recycle` splits an outlet: the fraction goes to the receiving unit, and as much of the
//!   fresh supply named by `replaces` is no longer bought.
//! * `substitute` lowers a supply of one component and adds the other to the same stream.
//!
//! A component reaching a unit that did not handle it in the baseline leaves by the unit's
//! outlets in proportion to their total mass flow. With recycles the flows are found by
//! Gauss-Seidel sweeps, which converge whenever every loop loses something.

mod apply;
mod baseline;
mod solve;

use std::collections::{BTreeMap, BTreeSet};

use crate::error::Error;

pub(crate) use baseline::Baseline;

/// How an edited stream's flow of a component is set.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rule {
    /// The baseline's (a supply) or the baseline coefficient's (an outlet) times a factor.
    Scale(f64),
    /// A fixed flow, kg/yr.
    Set(f64),
}

#[derive(Debug, Clone)]
struct Recycle {
    component: usize,
    stream: usize,
    fraction: f64,
    to: usize,
    replaces: Option<usize>,
}

/// The edits of one or several options, applied in order. The maps are ordered ones: their
/// few keys are found by comparing two indices, cheaper than hashing them in every solve.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scenario {
    rules: BTreeMap<(usize, usize), Rule>,
    /// Added supply per (component, stream), kg/yr.
    extra: BTreeMap<(usize, usize), f64>,
    recycles: Vec<Recycle>,
    /// Factor on each energy input (empty: all 1).
    energy_factor: BTreeMap<usize, f64>,
    /// Current efficiency (or COP) of edited devices, by node.
    device: BTreeMap<usize, f64>,
    /// Nodes whose boiler a heat pump replaced (an `efficiency` edit with a `cop`).
    heat_pump: BTreeSet<usize>,
    /// Energy inputs switched to electricity by a heat pump, J priced as electricity.
    electric: BTreeSet<usize>,
    /// Components whose flows change.
    touched: BTreeSet<usize>,
    /// The options applied, in order (the key of [`Outcomes`]).
    pub(crate) applied: Vec<usize>,
    /// Path of the option whose edits were applied last, for errors found when solving.
    last_path: String,
}

/// The flows of a scenario.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    /// Flow of each component in each stream, kg/yr.
    pub(crate) flows: Vec<Vec<Option<f64>>>,
    /// Energy of each input, J/yr.
    pub(crate) energy_j: Vec<f64>,
    /// Inputs a heat pump switched to electricity (their `energy_j` is electricity).
    pub(crate) electric: Vec<bool>,
    /// What each recycle of the edits carries back.
    pub(crate) recycled: Vec<Recycled>,
}

/// A flow a `recycle` edit sends back: part of a unit's outlet to another unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Recycled {
    /// Index of the component in the flowsheet's components.
    pub component: usize,
    /// Index of the stream split (its `from` node is where the flow comes from).
    pub stream: usize,
    /// Index of the receiving node.
    pub to: usize,
    /// The flow, kg/yr.
    pub kg: f64,
}

/// Flows of scenarios already solved, by the options applied in order: kept between
/// appraisals whose flows cannot differ, as a risk simulation's draws of prices and money.
#[derive(Debug, Default)]
pub(crate) struct Outcomes(std::cell::RefCell<BTreeMap<Vec<usize>, Outcome>>);

impl Outcomes {
    /// The flows of `scenario`, solved once for each sequence of options.
    pub(crate) fn solve(
        &self,
        scenario: &Scenario,
        base: &Baseline<'_>,
    ) -> crate::error::Result<Outcome> {
        if let Some(o) = self.0.borrow().get(&scenario.applied) {
            return Ok(o.clone());
        }
        let o = scenario.solve(base)?;
        self.0
            .borrow_mut()
            .insert(scenario.applied.clone(), o.clone());
        Ok(o)
    }
}

impl Outcome {
    /// The baseline's flows.
    pub(crate) fn of(base: &Baseline<'_>) -> Outcome {
        Outcome {
            flows: base.flows.clone(),
            energy_j: base.energy_j.clone(),
            electric: vec![false; base.energy_j.len()],
            recycled: Vec::new(),
        }
    }
}

fn undetermined(base: &Baseline<'_>, path: &str, c: usize, s: usize) -> Error {
    Error::out_of_range(
        format!("{path}.effects"),
        &base.fs.streams[s].id,
        format!(
            "carries {} whose flow the baseline balance does not determine; measure or estimate it before an option changes it",
            base.fs.components[c]
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowsheet::Flowsheet;
    use crate::options::Effect;
    use crate::units::Schedule;
    use proptest::prelude::*;

    /// Two units in series with a bypass to the drain and a product outlet.
    const PLANT: &str = r#"
[schedule]
days_per_year = 300
hours_per_day = "8 h"
[flowsheet]
components = ["water", "salt"]
nodes = [
  { id = "mains", kind = "source" },
  { id = "store", kind = "source" },
  { id = "a", kind = "process" },
  { id = "b", kind = "process" },
  { id = "drain", kind = "wastewater" },
  { id = "out", kind = "product" },
]
streams = [
  { id = "w", from = "mains", to = "a", flows = { water = "100 m3/d" } },
  { id = "s", from = "store", to = "a", flows = { salt = "50 kg/d" } },
  { id = "ab", from = "a", to = "b", flows = { water = "60 m3/d", salt = "30 kg/d" } },
  { id = "a_drain", from = "a", to = "drain", flows = { water = "?", salt = "?" } },
  { id = "b_drain", from = "b", to = "drain", flows = { water = "45 m3/d", salt = "?" } },
  { id = "product", from = "b", to = "out", flows = { water = "?", salt = "12 kg/d" } },
]
"#;

    fn effects(toml: &str) -> Vec<Effect> {
        #[derive(serde::Deserialize)]
        struct E {
            effects: Vec<Effect>,
        }
        toml::from_str::<E>(toml).unwrap().effects
    }

    proptest! {
        /// Whatever the edits, every unit's balance closes and no flow is negative.
        #[test]
        fn edited_flowsheets_conserve_mass(
            k in 0.0f64..2.0,
            f in 0.0f64..0.95,
            g in 0.0f64..0.9,
        ) {
            #[derive(serde::Deserialize)]
            struct Plant {
                schedule: Schedule,
                flowsheet: Flowsheet,
            }
            let doc: Plant = toml::from_str(PLANT).unwrap();
            let fs = &doc.flowsheet;
            let balance = fs.balance(&doc.schedule).unwrap();
            let base = Baseline::new(fs, &doc.schedule, &balance).unwrap();
            let mut sc = Scenario::default();
            let list = effects(&format!(
                r#"effects = [
                  {{ kind = "scale", stream = "w", factor = "{}" }},
                  {{ kind = "recycle", stream = "b_drain", component = "salt", fraction = "{}", to = "a", replaces = "s" }},
                  {{ kind = "recycle", stream = "a_drain", component = "water", fraction = "{}", to = "a" }},
                ]"#,
                k, f, g
            ));
            let edits = crate::options::parse_all(&list, "options[0]").unwrap();
            sc.apply(&base, &edits, "options[0]").unwrap();
            let out = sc.solve(&base).unwrap();
            for c in 0..2 {
                let x: Vec<f64> = out.flows[c].iter().map(|v| v.unwrap()).collect();
                prop_assert!(x.iter().all(|v| *v >= 0.0));
                let recycled: Vec<(usize, usize, f64)> = sc
                    .recycles
                    .iter()
                    .filter(|r| r.component == c)
                    .map(|r| {
                        let kept = x[r.stream];
                        (r.to, base.ends[r.stream].0, kept * r.fraction / (1.0 - r.fraction))
                    })
                    .collect();
                for n in 0..fs.nodes.len() {
                    if !fs.nodes[n].kind.is_process() {
                        continue;
                    }
                    let mut net: f64 = base.ins[n].iter().map(|&s| x[s]).sum::<f64>()
                        - base.outs[n].iter().map(|&s| x[s]).sum::<f64>();
                    for &(to, from, amount) in &recycled {
                        if to == n {
                            net += amount;
                        }
                        if from == n {
                            net -= amount;
                        }
                    }
                    // Rounding follows the largest flow computed with, baseline included
                    // (a fresh-water scale of 1e-6 leaves the baseline's 1e7 kg/yr in the sums).
                    let scale: f64 = x
                        .iter()
                        .chain(Outcome::of(&base).flows[c].iter().flatten())
                        .fold(1.0f64, |m, v| m.max(v.abs()));
                    prop_assert!(net.abs() <= 1e-9 * scale, "unit {n} component {c}: {net}");
                }
            }
        }
    }
}
