//! The baseline a scenario starts from: the solved flowsheet indexed for edits.

use std::collections::HashMap;

use crate::error::Result;
use crate::flowsheet::{Balance, Flowsheet, NodeKind};
use crate::units::Schedule;

/// The baseline, indexed for edits.
pub(crate) struct Baseline<'a> {
    pub(crate) fs: &'a Flowsheet,
    pub(super) schedule: &'a Schedule,
    pub(super) streams: HashMap<&'a str, usize>,
    pub(super) nodes: HashMap<&'a str, usize>,
    pub(crate) components: HashMap<&'a str, usize>,
    pub(super) energy: HashMap<&'a str, usize>,
    /// (from, to) node of each stream.
    pub(crate) ends: Vec<(usize, usize)>,
    /// Flow of each component in each stream, kg/yr (none: not determined).
    pub(crate) flows: Vec<Vec<Option<f64>>>,
    /// Accumulation of each component in each node, kg/yr.
    pub(super) accumulation: Vec<Vec<f64>>,
    /// Total mass flow of each stream over the determined components, kg/yr.
    pub(super) bulk: Vec<f64>,
    /// Energy of each input, J/yr.
    pub(crate) energy_j: Vec<f64>,
    pub(super) outs: Vec<Vec<usize>>,
    pub(crate) ins: Vec<Vec<usize>>,
    /// Process nodes, sources first then downstream (breadth first).
    pub(super) order: Vec<usize>,
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
