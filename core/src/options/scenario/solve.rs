//! Solving a scenario: each changed component carried downstream with the baseline's
//! transfer coefficients, recycles by Gauss-Seidel sweeps.

use super::{Baseline, Outcome, Recycle, Recycled, Rule, Scenario, undetermined};
use crate::error::{Error, NoSolution, Result};

/// Relative change between sweeps at which the flows are converged.
const TOLERANCE: f64 = 1e-12;
/// Sweeps before giving up (a loop that loses almost nothing converges slowly).
const MAX_SWEEPS: usize = 10_000;

impl Scenario {
    /// The supply of component `c` in source stream `s` under the edits so far (before
    /// recycles replace part of it).
    pub(super) fn supply(&self, base: &Baseline<'_>, c: usize, s: usize) -> Result<f64> {
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
        self.solve_with(base, None)
    }

    /// [`Scenario::solve`], taking the components' flows from `kept` where it holds them.
    pub(super) fn solve_with(
        &self,
        base: &Baseline<'_>,
        kept: Option<&super::Outcomes>,
    ) -> Result<Outcome> {
        let mut flows = base.flows.clone();
        let mut recycled = Vec::new();
        for &c in &self.touched {
            let (x, back) = match kept {
                Some(kept) => kept.component(self, base, c)?,
                None => self.solve_component(base, c)?.0,
            };
            flows[c] = x.into_iter().map(Some).collect();
            for (rc, kg) in self.recycles.iter().filter(|r| r.component == c).zip(back) {
                recycled.push(Recycled {
                    component: c,
                    stream: rc.stream,
                    to: rc.to,
                    kg,
                });
            }
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
        let electric = (0..base.energy_j.len())
            .map(|i| self.electric.contains(&i))
            .collect();
        Ok(Outcome {
            flows,
            energy_j,
            electric,
            recycled,
        })
    }

    /// The flows of component `c` in every stream, and what each of its recycles carries (in
    /// the order of the recycles of `c`); and whether the coefficients of some unit were taken
    /// from the streams' total flows (`base.bulk`).
    #[allow(clippy::type_complexity)]
    pub(super) fn solve_component(
        &self,
        base: &Baseline<'_>,
        c: usize,
    ) -> Result<((Vec<f64>, Vec<f64>), bool)> {
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
        // Indexed by node (units not in `order` keep an empty list).
        let mut outlets: Vec<Vec<Outlet>> = Vec::new();
        outlets.resize_with(base.fs.nodes.len(), Vec::new);
        let mut read_bulk = false;
        for (n, list) in base.order.iter().map(|&n| {
            let outs = &base.outs[n];
            let through: f64 = outs.iter().map(|&s| b[s]).sum();
            // The coefficients below come from the total flows unless `through > 0`.
            read_bulk |= through.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater);
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
        }) {
            outlets[n] = list;
        }
        // The supplies under the rules, before recycles replace part of them.
        let supplies: Vec<(usize, f64)> = (0..ns)
            .filter(|&s| !base.kind(base.ends[s].0).is_process())
            .map(|s| {
                let v = match self.rules.get(&(c, s)) {
                    None => b[s],
                    Some(Rule::Scale(k)) => b[s] * k,
                    Some(Rule::Set(v)) => *v,
                };
                (s, v + self.extra.get(&(c, s)).copied().unwrap_or(0.0))
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
            for &(s, supply) in &supplies {
                let mut v = supply;
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
                let outs = outlets[n].as_slice();
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
        Ok((
            (
                x.into_iter().map(|v| v.max(0.0)).collect(),
                r.into_iter().map(|v| v.max(0.0)).collect(),
            ),
            read_bulk,
        ))
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
