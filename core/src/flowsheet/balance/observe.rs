//! Observability: which streams are unknown, and the groups of units they join.

use super::Kind;
use crate::flowsheet::model::NodeKind;

/// One stream of a component's graph.
pub(super) struct Edge {
    pub(super) stream: usize,
    /// Vertex indices: units 0..units, environment = `units`.
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) from_kind: NodeKind,
    pub(super) to_kind: NodeKind,
    pub(super) kind: Kind,
}

/// Union-find with path halving.
pub(super) struct Groups(Vec<usize>);

impl Groups {
    pub(super) fn new(n: usize) -> Groups {
        Groups((0..n).collect())
    }
    pub(super) fn find(&mut self, mut v: usize) -> usize {
        while self.0[v] != v {
            self.0[v] = self.0[self.0[v]];
            v = self.0[v];
        }
        v
    }
    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a] = b;
        }
    }
}

/// The vertices merged by unknown streams: each vertex's group, and the environment's group.
pub(super) struct UnknownGroups {
    pub(super) group: Vec<usize>,
    pub(super) env_group: usize,
}

/// Group the vertices (units 0..env, environment = env) joined by unknown streams.
pub(super) fn unknown_groups(edges: &[Edge], env: usize) -> UnknownGroups {
    let nv = env + 1;
    // Groups of vertices joined by unknown streams.
    let mut unknown_groups = Groups::new(nv);
    for e in edges.iter().filter(|e| matches!(e.kind, Kind::Unknown)) {
        unknown_groups.union(e.from, e.to);
    }
    let env_group = unknown_groups.find(env);
    let group: Vec<usize> = (0..nv).map(|v| unknown_groups.find(v)).collect();

    UnknownGroups { group, env_group }
}
