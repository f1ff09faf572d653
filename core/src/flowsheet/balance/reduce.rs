//! Redundancy: the reduced balances B·x = c between groups of units, in which the measured
//! streams joining groups appear.

use std::collections::BTreeMap;

use super::observe::{Edge, Groups, UnknownGroups};
use super::{Kind, amount};

/// The (row, ±1) entries of one stream in the reduced balances: at most two, without a heap
/// allocation.
#[derive(Clone, Copy, Default)]
pub(super) struct Entries {
    items: [(usize, f64); 2],
    len: usize,
}

impl Entries {
    fn push(&mut self, entry: (usize, f64)) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = entry;
            self.len += 1;
        }
    }

    pub(super) fn as_slice(&self) -> &[(usize, f64)] {
        &self.items[..self.len]
    }
}

/// The independent reduced balances.
pub(super) struct Reduced {
    /// Right-hand side of each balance before compaction (fixed flows moved over).
    pub(super) c: Vec<f64>,
    /// Each balance's index among the independent ones kept (None: dropped).
    pub(super) compact: Vec<Option<usize>>,
    /// Each stream's entries in the kept balances (none: not redundant).
    pub(super) columns: Vec<Entries>,
    /// Number of independent balances kept.
    pub(super) n: usize,
}

/// The reduced balances of `edges` merged by `groups`; balances of estimates alone that do not
/// close are reported in `findings`, naming their units with `names`.
pub(super) fn reduce(
    edges: &[Edge],
    groups: &UnknownGroups,
    env: usize,
    names: &dyn Fn(usize) -> String,
    findings: &mut Vec<String>,
) -> Reduced {
    let nv = env + 1;
    let (group, env_group) = (&groups.group, groups.env_group);
    // One balance per group without the environment, B·x = c, stored by column
    // (each measured stream enters at most two balances).
    let mut row_of: BTreeMap<usize, usize> = BTreeMap::new();
    for &g in group {
        if g != env_group && !row_of.contains_key(&g) {
            let r = row_of.len();
            row_of.insert(g, r);
        }
    }
    let rows = row_of.len();
    let mut c = vec![0.0; rows];
    let mut has_measured = vec![false; rows];
    // For each edge: its entries (row, ±1) in the reduced balances.
    let mut entries: Vec<Entries> = vec![Entries::default(); edges.len()];
    for (i, e) in edges.iter().enumerate() {
        let (gf, gt) = (group[e.from], group[e.to]);
        if gf == gt {
            continue;
        }
        for (g, sign) in [(gt, 1.0), (gf, -1.0)] {
            let Some(&r) = row_of.get(&g) else { continue };
            match e.kind {
                Kind::Measured { .. } => {
                    entries[i].push((r, sign));
                    has_measured[r] = true;
                }
                Kind::Fixed(x) => c[r] -= sign * x,
                Kind::Unknown => {}
            }
        }
    }
    // Drop dependent rows: within a set of groups linked by measured streams that never
    // reaches the environment, the balances sum to zero; keep all but one. A balance with
    // no measurement in it checks the estimates alone.
    let mut linked = Groups::new(nv);
    for e in edges
        .iter()
        .filter(|e| matches!(e.kind, Kind::Measured { .. }))
    {
        linked.union(group[e.from], group[e.to]);
    }
    let env_link = linked.find(env_group);
    let scale = edges.iter().fold(0.0f64, |a, e| match e.kind {
        Kind::Fixed(x) | Kind::Measured { x, .. } => a.max(x.abs()),
        Kind::Unknown => a,
    });
    let mut compact: Vec<Option<usize>> = vec![None; rows];
    let mut seen = std::collections::BTreeSet::new();
    let mut n = 0;
    for (&g, &r) in &row_of {
        if !has_measured[r] {
            if c[r].abs() > 1e-9 * scale.max(1.0) {
                findings.push(format!(
                    "the estimates around {} do not balance: {} unaccounted for",
                    names(g),
                    amount(c[r])
                ));
            }
            continue;
        }
        let l = linked.find(g);
        if l != env_link && !seen.insert(l) {
            continue;
        }
        compact[r] = Some(n);
        n += 1;
    }
    let columns: Vec<Entries> = entries
        .iter()
        .map(|es| {
            let mut out = Entries::default();
            for &(r, s) in es.as_slice() {
                if let Some(p) = compact[r] {
                    out.push((p, s));
                }
            }
            out
        })
        .collect();

    Reduced {
        c,
        compact,
        columns,
        n,
    }
}
