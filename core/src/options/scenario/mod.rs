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
/// Also the flows of single components solved, kept between appraisals whose baseline may
/// differ (a risk simulation's draws of template figures): see [`Solved`].
#[derive(Debug, Default)]
pub(crate) struct Outcomes {
    sequences: std::cell::RefCell<BTreeMap<Vec<usize>, Outcome>>,
    components: std::cell::RefCell<Solutions>,
}

/// The components' solutions kept, each with the time it was last used.
#[derive(Debug, Default)]
struct Solutions {
    kept: Vec<(u64, Solved)>,
    clock: u64,
}

/// Most components' solutions an [`Outcomes`] keeps (the least recently used is dropped
/// first).
const SOLVED_KEPT: usize = 64;

/// The flows of one component solved, with everything the solve read: the component's edits,
/// its baseline flows and accumulation, the streams' total flows when a unit's coefficients
/// came from them, and the baseline's structure. A later solve that would read the same takes
/// these flows (the solve is a function of what it reads). Numbers are compared bit for bit.
#[derive(Debug)]
struct Solved {
    component: usize,
    /// The edits of the component ([`Scenario::edits_of`]).
    edits: Vec<u64>,
    flows: Vec<Option<u64>>,
    accumulation: Vec<u64>,
    /// The streams' total flows, when some unit's coefficients were taken from them.
    bulk: Option<Vec<u64>>,
    ends: Vec<(usize, usize)>,
    kinds: Vec<crate::flowsheet::NodeKind>,
    /// The component's flow in every stream, and what each of its recycles carries.
    result: (Vec<f64>, Vec<f64>),
}

impl Solved {
    /// Whether this solution is what a solve of component `c` with `edits` on `base` finds.
    fn fits(&self, c: usize, edits: &[u64], base: &Baseline<'_>) -> bool {
        self.component == c
            && self.edits == edits
            && self
                .flows
                .iter()
                .copied()
                .eq(base.flows[c].iter().map(|f| f.map(f64::to_bits)))
            && self
                .accumulation
                .iter()
                .copied()
                .eq(base.accumulation[c].iter().map(|x| x.to_bits()))
            && self
                .bulk
                .as_ref()
                .is_none_or(|b| b.iter().copied().eq(base.bulk.iter().map(|x| x.to_bits())))
            && self.ends == base.ends
            && self.kinds.len() == base.fs.nodes.len()
            && self
                .kinds
                .iter()
                .zip(&base.fs.nodes)
                .all(|(k, n)| *k == n.kind)
    }
}

impl Outcomes {
    /// The flows of `scenario`, solved once for each sequence of options.
    pub(crate) fn solve(
        &self,
        scenario: &Scenario,
        base: &Baseline<'_>,
    ) -> crate::error::Result<Outcome> {
        if let Some(o) = self.sequences.borrow().get(&scenario.applied) {
            return Ok(o.clone());
        }
        let o = scenario.solve_with(base, Some(self))?;
        self.sequences
            .borrow_mut()
            .insert(scenario.applied.clone(), o.clone());
        Ok(o)
    }

    /// Forget the flows of the sequences (the baseline or the options' edits are about to
    /// change); the components' solutions are kept, each checked against what it read.
    pub(crate) fn forget_sequences(&self) {
        self.sequences.borrow_mut().clear();
    }

    /// The flows of component `c` under `scenario` on `base`: a solution kept, or one solved
    /// now (and kept).
    fn component(
        &self,
        scenario: &Scenario,
        base: &Baseline<'_>,
        c: usize,
    ) -> crate::error::Result<(Vec<f64>, Vec<f64>)> {
        let edits = scenario.edits_of(c);
        let mut solutions = self.components.borrow_mut();
        solutions.clock += 1;
        let now = solutions.clock;
        if let Some((used, s)) = solutions
            .kept
            .iter_mut()
            .find(|(_, s)| s.fits(c, &edits, base))
        {
            *used = now;
            return Ok(s.result.clone());
        }
        let (result, read_bulk) = scenario.solve_component(base, c)?;
        let bits = |v: &[f64]| -> Vec<u64> { v.iter().map(|x| x.to_bits()).collect() };
        let solved = Solved {
            component: c,
            edits,
            flows: base.flows[c].iter().map(|f| f.map(f64::to_bits)).collect(),
            accumulation: bits(&base.accumulation[c]),
            bulk: read_bulk.then(|| bits(&base.bulk)),
            ends: base.ends.clone(),
            kinds: base.fs.nodes.iter().map(|n| n.kind).collect(),
            result: result.clone(),
        };
        if solutions.kept.len() < SOLVED_KEPT {
            solutions.kept.push((now, solved));
        } else if let Some(oldest) = solutions.kept.iter_mut().min_by_key(|(used, _)| *used) {
            *oldest = (now, solved);
        }
        Ok(result)
    }
}

impl Scenario {
    /// The components whose flows the edits change (the others keep the baseline's flows,
    /// copied from it bit for bit).
    pub(crate) fn touched(&self) -> &BTreeSet<usize> {
        &self.touched
    }

    /// The edits of component `c` as numbers, compared bit for bit: each rule (stream, kind,
    /// value), each supply added (stream, kg/yr) and each recycle (stream, fraction, to,
    /// replaces), the lists separated by `u64::MAX` (no index is that large).
    fn edits_of(&self, c: usize) -> Vec<u64> {
        let mut out = Vec::new();
        for (&(_, s), rule) in self.rules.range((c, 0)..(c + 1, 0)) {
            let (kind, x) = match rule {
                Rule::Scale(k) => (0, *k),
                Rule::Set(v) => (1, *v),
            };
            out.extend([s as u64, kind, x.to_bits()]);
        }
        out.push(u64::MAX);
        for (&(_, s), x) in self.extra.range((c, 0)..(c + 1, 0)) {
            out.extend([s as u64, x.to_bits()]);
        }
        out.push(u64::MAX);
        for r in self.recycles.iter().filter(|r| r.component == c) {
            out.extend([
                r.stream as u64,
                r.fraction.to_bits(),
                r.to as u64,
                r.replaces.map_or(u64::MAX - 1, |s| s as u64),
            ]);
        }
        out
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
