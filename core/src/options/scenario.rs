//! An option's flowsheet: the baseline with the option's edits, carried downstream.
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

use std::collections::{BTreeSet, HashMap};

use super::effect::{Effect, EffectKind};
use crate::error::{Error, NoSolution, Result};
use crate::flowsheet::{Balance, Flow, Flowsheet, NodeKind};
use crate::units::Schedule;

/// Relative change between sweeps at which the flows are converged.
const TOLERANCE: f64 = 1e-12;
/// Sweeps before giving up (a loop that loses almost nothing converges slowly).
const MAX_SWEEPS: usize = 10_000;

/// The baseline, indexed for edits.
pub(crate) struct Baseline<'a> {
    pub(crate) fs: &'a Flowsheet,
    schedule: &'a Schedule,
    streams: HashMap<&'a str, usize>,
    nodes: HashMap<&'a str, usize>,
    components: HashMap<&'a str, usize>,
    energy: HashMap<&'a str, usize>,
    /// (from, to) node of each stream.
    pub(crate) ends: Vec<(usize, usize)>,
    /// Flow of each component in each stream, kg/yr (none: not determined).
    pub(crate) flows: Vec<Vec<Option<f64>>>,
    /// Accumulation of each component in each node, kg/yr.
    accumulation: Vec<Vec<f64>>,
    /// Total mass flow of each stream over the determined components, kg/yr.
    bulk: Vec<f64>,
    /// Energy of each input, J/yr.
    pub(crate) energy_j: Vec<f64>,
    outs: Vec<Vec<usize>>,
    ins: Vec<Vec<usize>>,
    /// Process nodes, sources first then downstream (breadth first).
    order: Vec<usize>,
}

impl<'a> Baseline<'a> {
    /// Index `fs` and its solved `balance`.
    pub(crate) fn new(
        fs: &'a Flowsheet,
        schedule: &'a Schedule,
        balance: &Balance,
    ) -> Result<Self> {
        let index = |ids: Vec<&'a str>| -> HashMap<&'a str, usize> {
            ids.into_iter().enumerate().map(|(i, id)| (id, i)).collect()
        };
        let streams = index(fs.streams.iter().map(|s| s.id.as_str()).collect());
        let nodes = index(fs.nodes.iter().map(|n| n.id.as_str()).collect());
        let components = index(fs.components.iter().map(String::as_str).collect());
        let energy = index(fs.energy.iter().map(|e| e.id.as_str()).collect());
        let node = |id: &str| nodes.get(id).copied().unwrap_or(0);
        let ends: Vec<(usize, usize)> = fs
            .streams
            .iter()
            .map(|s| (node(&s.from), node(&s.to)))
            .collect();
        let (ns, nn) = (fs.streams.len(), fs.nodes.len());
        let mut flows = vec![vec![Some(0.0); ns]; fs.components.len()];
        let mut accumulation = vec![vec![0.0; nn]; fs.components.len()];
        for cb in &balance.components {
            let Some(&c) = components.get(cb.component.as_str()) else {
                continue;
            };
            for v in &cb.streams {
                if let Some(&s) = streams.get(v.stream.as_str()) {
                    flows[c][s] = v.value;
                } else if let Some(n) = v
                    .stream
                    .strip_suffix(" (accumulation)")
                    .and_then(|id| nodes.get(id))
                {
                    accumulation[c][*n] = v.value.unwrap_or(0.0);
                }
            }
        }
        let bulk = (0..ns)
            .map(|s| flows.iter().filter_map(|f| f[s]).sum())
            .collect();
        let energy_j = fs
            .energy
            .iter()
            .enumerate()
            .map(|(i, e)| e.joules_per_year(schedule, &format!("flowsheet.energy[{i}]")))
            .collect::<Result<Vec<f64>>>()?;
        let mut outs = vec![Vec::new(); nn];
        let mut ins = vec![Vec::new(); nn];
        for (s, &(from, to)) in ends.iter().enumerate() {
            outs[from].push(s);
            ins[to].push(s);
        }
        // Breadth first from the sources; units not reached come last in document order.
        let mut order = Vec::new();
        let mut seen = vec![false; nn];
        let mut queue: std::collections::VecDeque<usize> = (0..nn)
            .filter(|&n| !fs.nodes[n].kind.is_process())
            .collect();
        while let Some(n) = queue.pop_front() {
            for &s in &outs[n] {
                let to = ends[s].1;
                if !seen[to] && fs.nodes[to].kind.is_process() {
                    seen[to] = true;
                    order.push(to);
                    queue.push_back(to);
                }
            }
        }
        order.extend((0..nn).filter(|&n| fs.nodes[n].kind.is_process() && !seen[n]));
        Ok(Baseline {
            fs,
            schedule,
            streams,
            nodes,
            components,
            energy,
            ends,
            flows,
            accumulation,
            bulk,
            energy_j,
            outs,
            ins,
            order,
        })
    }

    pub(crate) fn kind(&self, node: usize) -> NodeKind {
        self.fs.nodes[node].kind
    }
}

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

/// The edits of one or several options, applied in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scenario {
    rules: HashMap<(usize, usize), Rule>,
    /// Added supply per (component, stream), kg/yr.
    extra: HashMap<(usize, usize), f64>,
    recycles: Vec<Recycle>,
    /// Factor on each energy input (empty: all 1).
    energy_factor: HashMap<usize, f64>,
    /// Current efficiency (or COP) of edited devices, by node.
    device: HashMap<usize, f64>,
    /// Components whose flows change.
    touched: BTreeSet<usize>,
    /// Path of the option whose edits were applied last, for errors found when solving.
    last_path: String,
}

/// The flows of a scenario.
pub(crate) struct Outcome {
    /// Flow of each component in each stream, kg/yr.
    pub(crate) flows: Vec<Vec<Option<f64>>>,
    /// Energy of each input, J/yr.
    pub(crate) energy_j: Vec<f64>,
}

impl Outcome {
    /// The baseline's flows.
    pub(crate) fn of(base: &Baseline<'_>) -> Outcome {
        Outcome {
            flows: base.flows.clone(),
            energy_j: base.energy_j.clone(),
        }
    }
}

impl Scenario {
    /// Apply the flowsheet effects of an option (at `path`, `options[i]`).
    pub(crate) fn apply(
        &mut self,
        base: &Baseline<'_>,
        effects: &[Effect],
        path: &str,
    ) -> Result<()> {
        self.last_path = path.to_string();
        for (k, e) in effects.iter().enumerate() {
            if e.edits_flowsheet() {
                self.apply_one(base, e, &format!("{path}.effects[{k}]"))?;
            }
        }
        Ok(())
    }

    fn apply_one(&mut self, base: &Baseline<'_>, e: &Effect, path: &str) -> Result<()> {
        let field = |name: &str, v: &Option<String>| -> Result<String> {
            v.clone().ok_or_else(|| Error::MissingField {
                path: format!("{path}.{name}"),
            })
        };
        let lookup = |name: &str, map: &HashMap<&str, usize>, id: &str, what: &str| {
            map.get(id).copied().ok_or_else(|| Error::UnknownReference {
                path: format!("{path}.{name}"),
                value: id.to_string(),
                expected: what.to_string(),
            })
        };
        let stream = |name: &str, v: &Option<String>| -> Result<usize> {
            lookup(
                name,
                &base.streams,
                &field(name, v)?,
                "the id of a stream in flowsheet.streams",
            )
        };
        let component = |name: &str, v: &Option<String>| -> Result<usize> {
            lookup(
                name,
                &base.components,
                &field(name, v)?,
                "a component in flowsheet.components",
            )
        };
        let carries = |s: usize, c: usize| -> Result<()> {
            let st = &base.fs.streams[s];
            if st.flows.contains_key(&base.fs.components[c]) {
                Ok(())
            } else {
                Err(Error::out_of_range(
                    format!("{path}.component"),
                    &base.fs.components[c],
                    format!("is not carried by stream {}", st.id),
                ))
            }
        };
        let ratio = |v: &Option<crate::units::Measured<uom::si::f64::Ratio>>, default: f64| {
            v.as_ref().map_or(default, |m| m.si())
        };
        let is_supply = |s: usize| base.kind(base.ends[s].0) == NodeKind::Source;
        match e.kind {
            EffectKind::Saving => {}
            EffectKind::Scale => {
                let factor = ratio(&e.factor, 1.0);
                if e.energy.is_some() {
                    let id = field("energy", &e.energy)?;
                    let i = lookup(
                        "energy",
                        &base.energy,
                        &id,
                        "the id of an energy input in flowsheet.energy",
                    )?;
                    *self.energy_factor.entry(i).or_insert(1.0) *= factor;
                    return Ok(());
                }
                let s = stream("stream", &e.stream)?;
                let cs: Vec<usize> = match &e.component {
                    Some(_) => {
                        let c = component("component", &e.component)?;
                        carries(s, c)?;
                        vec![c]
                    }
                    None => base.fs.streams[s]
                        .flows
                        .keys()
                        .filter_map(|c| base.components.get(c.as_str()).copied())
                        .collect(),
                };
                for c in cs {
                    let rule = self.rules.entry((c, s)).or_insert(Rule::Scale(1.0));
                    *rule = match *rule {
                        Rule::Scale(k) => Rule::Scale(k * factor),
                        Rule::Set(v) => Rule::Set(v * factor),
                    };
                    if let Some(x) = self.extra.get_mut(&(c, s)) {
                        *x *= factor;
                    }
                    self.touched.insert(c);
                }
            }
            EffectKind::Set => {
                let s = stream("stream", &e.stream)?;
                let c = component("component", &e.component)?;
                carries(s, c)?;
                let kg = match &e.flow {
                    Some(Flow::Estimated(rate)) => rate.kg_per_year(base.schedule),
                    _ => None,
                }
                .ok_or_else(|| {
                    Error::out_of_range(
                        format!("{path}.flow"),
                        e.flow.as_ref().map_or(String::new(), ToString::to_string),
                        "must be a mass rate (water also a volume rate), or an amount per batch with schedule.batches_per_day",
                    )
                })?;
                self.rules.insert((c, s), Rule::Set(kg));
                self.extra.remove(&(c, s));
                self.touched.insert(c);
            }
            EffectKind::Hold => {
                let s = stream("stream", &e.stream)?;
                let c = component("component", &e.component)?;
                carries(s, c)?;
                let kg = base.flows[c][s].ok_or_else(|| undetermined(base, path, c, s))?;
                self.rules.insert((c, s), Rule::Set(kg));
                self.extra.remove(&(c, s));
                self.touched.insert(c);
            }
            EffectKind::Recycle => {
                let s = stream("stream", &e.stream)?;
                let c = component("component", &e.component)?;
                carries(s, c)?;
                if !base.kind(base.ends[s].0).is_process() {
                    return Err(Error::out_of_range(
                        format!("{path}.stream"),
                        &base.fs.streams[s].id,
                        "does not leave a unit operation: only an outlet can be recycled",
                    ));
                }
                let to_id = field("to", &e.to)?;
                let to = lookup(
                    "to",
                    &base.nodes,
                    &to_id,
                    "the id of a node in flowsheet.nodes",
                )?;
                if !base.kind(to).is_process() {
                    return Err(Error::out_of_range(
                        format!("{path}.to"),
                        to_id,
                        "is not a unit operation: recycles go back into the process",
                    ));
                }
                let replaces = match &e.replaces {
                    None => None,
                    Some(_) => {
                        let r = stream("replaces", &e.replaces)?;
                        if !is_supply(r)
                            || !base.fs.streams[r]
                                .flows
                                .contains_key(&base.fs.components[c])
                        {
                            return Err(Error::out_of_range(
                                format!("{path}.replaces"),
                                &base.fs.streams[r].id,
                                format!(
                                    "is not a supply of {} from a source node",
                                    base.fs.components[c]
                                ),
                            ));
                        }
                        Some(r)
                    }
                };
                let fraction = ratio(&e.fraction, 0.0);
                let already: f64 = self
                    .recycles
                    .iter()
                    .filter(|r| r.stream == s && r.component == c)
                    .map(|r| r.fraction)
                    .sum();
                if already + fraction > 1.0 + 1e-12 {
                    return Err(Error::out_of_range(
                        format!("{path}.fraction"),
                        e.fraction
                            .as_ref()
                            .map_or(String::new(), ToString::to_string),
                        format!(
                            "with the recycles applied before it, sends back more than all of stream {}",
                            base.fs.streams[s].id
                        ),
                    ));
                }
                self.recycles.push(Recycle {
                    component: c,
                    stream: s,
                    fraction,
                    to,
                    replaces,
                });
                self.touched.insert(c);
            }
            EffectKind::Efficiency => {
                let id = field("node", &e.node)?;
                let n = lookup(
                    "node",
                    &base.nodes,
                    &id,
                    "the id of a node in flowsheet.nodes",
                )?;
                let device = base
                    .fs
                    .devices
                    .get(&id)
                    .ok_or_else(|| Error::UnknownReference {
                        path: format!("{path}.node"),
                        value: id.clone(),
                        expected: "a node with a device in flowsheet.devices".to_string(),
                    })?;
                let (old, new, electricity_only) = match (&e.efficiency, &e.cop) {
                    (Some(new), None) => match &device.efficiency {
                        Some(old) => (old.si(), new.si(), false),
                        None => {
                            return Err(Error::out_of_range(
                                format!("{path}.efficiency"),
                                new,
                                format!(
                                    "is given, but the device of {id} has a COP, not an efficiency"
                                ),
                            ));
                        }
                    },
                    (None, Some(new)) => match &device.cop {
                        Some(old) => (old.si(), new.si(), true),
                        None => {
                            return Err(Error::out_of_range(
                                format!("{path}.cop"),
                                new,
                                format!(
                                    "is given, but the device of {id} has an efficiency, not a COP"
                                ),
                            ));
                        }
                    },
                    _ => {
                        return Err(Error::MissingField {
                            path: format!("{path}.efficiency"),
                        });
                    }
                };
                let current = *self.device.entry(n).or_insert(old);
                self.device.insert(n, new);
                for (i, input) in base.fs.energy.iter().enumerate() {
                    let electric = input.carrier == crate::flowsheet::Carrier::Electricity;
                    if input.to == id && (!electricity_only || electric) {
                        *self.energy_factor.entry(i).or_insert(1.0) *= current / new;
                    }
                }
            }
            EffectKind::Substitute => {
                let s = stream("stream", &e.stream)?;
                let c = component("component", &e.component)?;
                carries(s, c)?;
                if !is_supply(s) {
                    return Err(Error::out_of_range(
                        format!("{path}.stream"),
                        &base.fs.streams[s].id,
                        "is not a supply from a source node: substitution replaces what is bought",
                    ));
                }
                let by = component("by", &e.by)?;
                if by == c {
                    return Err(Error::out_of_range(
                        format!("{path}.by"),
                        &base.fs.components[by],
                        "is the component it replaces",
                    ));
                }
                let fraction = ratio(&e.fraction, 1.0);
                let current = self.supply(base, c, s)?;
                let rule = self.rules.entry((c, s)).or_insert(Rule::Scale(1.0));
                *rule = match *rule {
                    Rule::Scale(k) => Rule::Scale(k * (1.0 - fraction)),
                    Rule::Set(v) => Rule::Set(v * (1.0 - fraction)),
                };
                if let Some(x) = self.extra.get_mut(&(c, s)) {
                    *x *= 1.0 - fraction;
                }
                *self.extra.entry((by, s)).or_insert(0.0) +=
                    ratio(&e.ratio, 0.0) * fraction * current;
                self.touched.insert(c);
                self.touched.insert(by);
            }
        }
        Ok(())
    }

    /// The supply of component `c` in source stream `s` under the edits so far (before
    /// recycles replace part of it).
    fn supply(&self, base: &Baseline<'_>, c: usize, s: usize) -> Result<f64> {
        let b = base.flows[c][s].ok_or_else(|| undetermined(base, &self.last_path, c, s))?;
        let x = match self.rules.get(&(c, s)) {
            None => b,
            Some(Rule::Scale(k)) => b * k,
            Some(Rule::Set(v)) => *v,
        };
        Ok(x + self.extra.get(&(c, s)).copied().unwrap_or(0.0))
    }

    /// Solve the flows of every changed component.
    pub(crate) fn solve(&self, base: &Baseline<'_>) -> Result<Outcome> {
        let mut flows = base.flows.clone();
        for &c in &self.touched {
            flows[c] = self
                .solve_component(base, c)?
                .into_iter()
                .map(Some)
                .collect();
        }
        let water = base.components.get("water").copied();
        let energy_j = base
            .energy_j
            .iter()
            .enumerate()
            .map(|(i, j)| {
                let factor = self.energy_factor.get(&i).copied().unwrap_or(1.0);
                j * factor * heated_water_ratio(base, &flows, water, i)
            })
            .collect();
        Ok(Outcome { flows, energy_j })
    }

    fn solve_component(&self, base: &Baseline<'_>, c: usize) -> Result<Vec<f64>> {
        let path = &self.last_path;
        let ns = base.fs.streams.len();
        let b: Vec<f64> = (0..ns)
            .map(|s| base.flows[c][s].ok_or_else(|| undetermined(base, path, c, s)))
            .collect::<Result<_>>()?;
        let recycles: Vec<&Recycle> = self.recycles.iter().filter(|r| r.component == c).collect();
        // Per unit: its outlets' coefficients (share of throughput) and rules.
        struct Outlet {
            stream: usize,
            coefficient: f64,
            rule: Option<Rule>,
        }
        let outlets: HashMap<usize, Vec<Outlet>> = base
            .order
            .iter()
            .map(|&n| {
                let outs = &base.outs[n];
                let through: f64 = outs.iter().map(|&s| b[s]).sum();
                let bulk: f64 = outs.iter().map(|&s| base.bulk[s]).sum();
                let share = |s: usize| {
                    if through > 0.0 {
                        b[s] / through
                    } else if bulk > 0.0 {
                        base.bulk[s] / bulk
                    } else {
                        1.0 / outs.len() as f64
                    }
                };
                let list = outs
                    .iter()
                    .map(|&s| Outlet {
                        stream: s,
                        coefficient: share(s),
                        rule: self.rules.get(&(c, s)).copied(),
                    })
                    .collect();
                (n, list)
            })
            .collect();
        let mut x = b.clone();
        let mut r = vec![0.0; recycles.len()];
        let scale = b
            .iter()
            .fold(0.0f64, |m, v| m.max(v.abs()))
            .max(f64::MIN_POSITIVE);
        let mut converged = false;
        for _ in 0..MAX_SWEEPS {
            let mut change = 0.0f64;
            // Supplies.
            for s in 0..ns {
                if base.kind(base.ends[s].0).is_process() {
                    continue;
                }
                let mut v = match self.rules.get(&(c, s)) {
                    None => b[s],
                    Some(Rule::Scale(k)) => b[s] * k,
                    Some(Rule::Set(v)) => *v,
                };
                v += self.extra.get(&(c, s)).copied().unwrap_or(0.0);
                for (k, rc) in recycles.iter().enumerate() {
                    if rc.replaces == Some(s) {
                        v -= r[k];
                    }
                }
                change = change.max(assign(&mut x[s], v));
            }
            // Units, downstream order.
            for &n in &base.order {
                let inflow: f64 = base.ins[n].iter().map(|&s| x[s]).sum::<f64>()
                    + recycles
                        .iter()
                        .zip(&r)
                        .filter(|(rc, _)| rc.to == n)
                        .map(|(_, v)| v)
                        .sum::<f64>();
                let through = inflow - base.accumulation[c][n];
                let outs = outlets.get(&n).map_or(&[][..], Vec::as_slice);
                let mut fixed = 0.0;
                let mut free = 0.0;
                for o in outs {
                    match o.rule {
                        Some(Rule::Set(v)) => fixed += v,
                        Some(Rule::Scale(k)) => fixed += k * o.coefficient * through,
                        None => free += o.coefficient,
                    }
                }
                let rest = through - fixed;
                let free_count = outs.iter().filter(|o| o.rule.is_none()).count();
                if free_count == 0 && rest.abs() > 1e-9 * scale.max(through.abs()) {
                    return Err(Error::out_of_range(
                        format!("{path}.effects"),
                        &base.fs.nodes[n].id,
                        format!(
                            "leaves no outlet of this unit free to balance its {}: {} kg/yr more in than out; scale or set its inlets instead",
                            base.fs.components[c],
                            crate::units::format_number(rest)
                        ),
                    ));
                }
                for o in outs {
                    let total = match o.rule {
                        Some(Rule::Set(v)) => v,
                        Some(Rule::Scale(k)) => k * o.coefficient * through,
                        None if free > 0.0 => rest * o.coefficient / free,
                        None => rest / free_count as f64,
                    };
                    let mut kept = total;
                    for (k, rc) in recycles.iter().enumerate() {
                        if rc.stream == o.stream {
                            let back = rc.fraction * total;
                            change = change.max(assign(&mut r[k], back));
                            kept -= back;
                        }
                    }
                    change = change.max(assign(&mut x[o.stream], kept));
                }
            }
            if change <= TOLERANCE * scale {
                converged = true;
                break;
            }
        }
        if !converged {
            return Err(Error::NoSolution {
                path: format!("{path}.effects"),
                reason: NoSolution::NotConverged,
            });
        }
        for (s, v) in x.iter().enumerate() {
            if *v < -1e-9 * scale {
                return Err(Error::out_of_range(
                    format!("{path}.effects"),
                    &base.fs.streams[s].id,
                    format!(
                        "would need a negative flow of {} in this stream ({} kg/yr): the edits take out more than goes in",
                        base.fs.components[c],
                        crate::units::format_number(*v)
                    ),
                ));
            }
        }
        Ok(x.into_iter().map(|v| v.max(0.0)).collect())
    }
}

/// The water of the streams energy input `i` heats, after over before (1 when it heats none or
/// their water does not change).
fn heated_water_ratio(
    base: &Baseline<'_>,
    flows: &[Vec<Option<f64>>],
    water: Option<usize>,
    i: usize,
) -> f64 {
    let Some(w) = water else { return 1.0 };
    let (mut before, mut after) = (0.0, 0.0);
    for id in &base.fs.energy[i].follows {
        if let Some(&s) = base.streams.get(id.as_str()) {
            before += base.flows[w][s].unwrap_or(0.0);
            after += flows[w][s].unwrap_or(0.0);
        }
    }
    if before > 0.0 { after / before } else { 1.0 }
}

/// Set `slot` to `value`, returning how much it moved.
fn assign(slot: &mut f64, value: f64) -> f64 {
    let moved = (*slot - value).abs();
    *slot = value;
    moved
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
            sc.apply(&base, &list, "options[0]").unwrap();
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
                    let scale: f64 = x.iter().fold(1.0f64, |m, v| m.max(*v));
                    prop_assert!(net.abs() <= 1e-9 * scale, "unit {n} component {c}: {net}");
                }
            }
        }
    }
}
