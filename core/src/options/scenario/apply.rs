//! Applying an option's edits to a scenario.

use std::collections::HashMap;

use super::{Baseline, Recycle, Rule, Scenario, undetermined};
use crate::error::{Error, Result};
use crate::flowsheet::{Carrier, Flow, NodeKind};
use crate::options::edit::{Edit, Rating};

/// The path of an option's effect (`options[2].effects[0]`), written only for an error.
struct EffectPath<'a> {
    /// The option's path.
    option: &'a str,
    /// The effect's index.
    k: usize,
}

impl std::fmt::Display for EffectPath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.effects[{}]", self.option, self.k)
    }
}

impl Scenario {
    /// Apply the flowsheet edits of an option (at `path`, `options[i]`); `edits` are its
    /// effects in order, direct savings included (they change nothing here).
    pub(crate) fn apply(
        &mut self,
        base: &Baseline<'_>,
        edits: &[Edit<'_>],
        path: &str,
    ) -> Result<()> {
        self.last_path = path.to_string();
        for (k, e) in edits.iter().enumerate() {
            if e.edits_flowsheet() {
                self.apply_one(base, e, &EffectPath { option: path, k })?;
            }
        }
        Ok(())
    }

    fn apply_one(
        &mut self,
        base: &Baseline<'_>,
        e: &Edit<'_>,
        path: &EffectPath<'_>,
    ) -> Result<()> {
        let lookup = |name: &str, map: &HashMap<&str, usize>, id: &str, what: &str| {
            map.get(id).copied().ok_or_else(|| Error::UnknownReference {
                path: format!("{path}.{name}"),
                value: id.to_string(),
                expected: what.to_string(),
            })
        };
        let stream = |name: &str, id: &str| -> Result<usize> {
            lookup(
                name,
                &base.streams,
                id,
                "the id of a stream in flowsheet.streams",
            )
        };
        let component = |name: &str, id: &str| -> Result<usize> {
            lookup(
                name,
                &base.components,
                id,
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
        let stream_component = |s: &str, c: &str| -> Result<(usize, usize)> {
            let (s, c) = (stream("stream", s)?, component("component", c)?);
            carries(s, c)?;
            Ok((s, c))
        };
        let is_supply = |s: usize| base.kind(base.ends[s].0) == NodeKind::Source;
        match *e {
            Edit::Saving { .. } | Edit::Money { .. } => {}
            Edit::ScaleEnergy { energy, factor } => {
                let i = lookup(
                    "energy",
                    &base.energy,
                    energy,
                    "the id of an energy input in flowsheet.energy",
                )?;
                *self.energy_factor.entry(i).or_insert(1.0) *= factor;
            }
            Edit::ScaleFlow {
                stream: id,
                component: which,
                factor,
            } => {
                let s = stream("stream", id)?;
                let cs: Vec<usize> = match which {
                    Some(name) => {
                        let c = component("component", name)?;
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
                    self.scale(c, s, factor);
                }
            }
            Edit::Set {
                stream: s,
                component: c,
                flow,
            } => {
                let (s, c) = stream_component(s, c)?;
                let kg = match flow {
                    Flow::Estimated(rate) => rate.kg_per_year(base.schedule),
                    _ => None,
                }
                .ok_or_else(|| {
                    Error::out_of_range(
                        format!("{path}.flow"),
                        flow,
                        "must be a mass rate (water also a volume rate), or an amount per batch with schedule.batches_per_day",
                    )
                })?;
                self.fix(c, s, kg);
            }
            Edit::Hold {
                stream: s,
                component: c,
            } => {
                let (s, c) = stream_component(s, c)?;
                let kg =
                    base.flows[c][s].ok_or_else(|| undetermined(base, &path.to_string(), c, s))?;
                self.fix(c, s, kg);
            }
            Edit::Recycle {
                stream: s,
                component: c,
                fraction,
                to,
                replaces,
            } => {
                let (s, c) = stream_component(s, c)?;
                if !base.kind(base.ends[s].0).is_process() {
                    return Err(Error::out_of_range(
                        format!("{path}.stream"),
                        &base.fs.streams[s].id,
                        "does not leave a unit operation: only an outlet can be recycled",
                    ));
                }
                let to_node = lookup("to", &base.nodes, to, "the id of a node in flowsheet.nodes")?;
                if !base.kind(to_node).is_process() {
                    return Err(Error::out_of_range(
                        format!("{path}.to"),
                        to,
                        "is not a unit operation: recycles go back into the process",
                    ));
                }
                let replaces = match replaces {
                    None => None,
                    Some(id) => {
                        let r = stream("replaces", id)?;
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
                let already: f64 = self
                    .recycles
                    .iter()
                    .filter(|r| r.stream == s && r.component == c)
                    .map(|r| r.fraction)
                    .sum();
                if already + fraction.si() > 1.0 + 1e-12 {
                    return Err(Error::out_of_range(
                        format!("{path}.fraction"),
                        fraction,
                        format!(
                            "with the recycles applied before it, sends back more than all of stream {}",
                            base.fs.streams[s].id
                        ),
                    ));
                }
                self.recycles.push(Recycle {
                    component: c,
                    stream: s,
                    fraction: fraction.si(),
                    to: to_node,
                    replaces,
                });
                self.touched.insert(c);
            }
            Edit::Device { node, rating } => {
                let n = lookup(
                    "node",
                    &base.nodes,
                    node,
                    "the id of a node in flowsheet.nodes",
                )?;
                let device = base
                    .fs
                    .devices
                    .get(node)
                    .ok_or_else(|| Error::UnknownReference {
                        path: format!("{path}.node"),
                        value: node.to_string(),
                        expected: "a node with a device in flowsheet.devices".to_string(),
                    })?;
                let replaced = self.heat_pump.contains(&n);
                // `switch`: a COP for a device with an efficiency and no COP is a heat pump
                // replacing the boiler: its fuel inputs become electricity, heat / COP.
                let (old, new, electricity_only, switch) = match (
                    rating,
                    &device.efficiency,
                    &device.cop,
                ) {
                    (Rating::Efficiency(new), _, _) if replaced => {
                        return Err(Error::out_of_range(
                            format!("{path}.efficiency"),
                            new,
                            format!(
                                "is given, but a heat pump replaced the device of {node} in an option applied before"
                            ),
                        ));
                    }
                    (Rating::Cop(new), _, _) if replaced => (new.si(), new.si(), true, false),
                    (Rating::Efficiency(new), Some(old), _) => (old.si(), new.si(), false, false),
                    (Rating::Cop(new), _, Some(old)) => (old.si(), new.si(), true, false),
                    (Rating::Cop(new), Some(old), None) => (old.si(), new.si(), false, true),
                    (Rating::Efficiency(new), None, _) => {
                        return Err(Error::out_of_range(
                            format!("{path}.efficiency"),
                            new,
                            format!(
                                "is given, but the device of {node} has a COP, not an efficiency"
                            ),
                        ));
                    }
                    (Rating::Cop(new), None, None) => {
                        return Err(Error::out_of_range(
                            format!("{path}.cop"),
                            new,
                            format!("is given, but the device of {node} has no rating"),
                        ));
                    }
                };
                let current = *self.device.entry(n).or_insert(old);
                self.device.insert(n, new);
                if switch {
                    self.heat_pump.insert(n);
                }
                for (i, input) in base.fs.energy.iter().enumerate() {
                    if input.to != node {
                        continue;
                    }
                    let electric =
                        input.carrier == Carrier::Electricity || self.electric.contains(&i);
                    if switch {
                        // Heat delivered = energy in × efficiency, now electricity / COP (an
                        // electric resistance heater's input stays electricity).
                        *self.energy_factor.entry(i).or_insert(1.0) *= current / new;
                        if !electric {
                            self.electric.insert(i);
                        }
                    } else if !electricity_only || electric {
                        *self.energy_factor.entry(i).or_insert(1.0) *= current / new;
                    }
                }
            }
            Edit::Substitute {
                stream: s,
                component: c,
                by,
                ratio,
                fraction,
            } => {
                let (s, c) = stream_component(s, c)?;
                if !is_supply(s) {
                    return Err(Error::out_of_range(
                        format!("{path}.stream"),
                        &base.fs.streams[s].id,
                        "is not a supply from a source node: substitution replaces what is bought",
                    ));
                }
                let by = component("by", by)?;
                if by == c {
                    return Err(Error::out_of_range(
                        format!("{path}.by"),
                        &base.fs.components[by],
                        "is the component it replaces",
                    ));
                }
                let current = self.supply(base, c, s)?;
                self.scale(c, s, 1.0 - fraction);
                *self.extra.entry((by, s)).or_insert(0.0) += ratio * fraction * current;
                self.touched.insert(by);
            }
        }
        Ok(())
    }

    /// Multiply the flow of component `c` in stream `s` (its rule and any added supply).
    fn scale(&mut self, c: usize, s: usize, factor: f64) {
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

    /// Fix the flow of component `c` in stream `s` at `kg` per year.
    fn fix(&mut self, c: usize, s: usize, kg: f64) {
        self.rules.insert((c, s), Rule::Set(kg));
        self.extra.remove(&(c, s));
        self.touched.insert(c);
    }
}
