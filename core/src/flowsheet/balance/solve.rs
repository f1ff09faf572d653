//! Observability put to use: unknown flows solved by peeling units with a single unknown
//! stream, then bridges between loops and the environment.

use std::collections::VecDeque;

use super::Kind;
use super::observe::Edge;

/// Solve the unknown streams of `edges` the balances determine, from the known `value`s.
pub(super) fn unknowns(edges: &[Edge], value: &mut [Option<f64>], env: usize) {
    let nv = env + 1;
    let unknown: Vec<usize> = (0..edges.len())
        .filter(|&i| matches!(edges[i].kind, Kind::Unknown))
        .collect();
    let mut net = vec![0.0; nv];
    for (i, e) in edges.iter().enumerate() {
        if let Some(x) = value[i] {
            net[e.to] += x;
            net[e.from] -= x;
        }
    }
    let mut degree = vec![0usize; nv];
    let mut incident: Vec<Vec<usize>> = vec![Vec::new(); nv];
    for &i in &unknown {
        degree[edges[i].from] += 1;
        degree[edges[i].to] += 1;
        incident[edges[i].from].push(i);
        incident[edges[i].to].push(i);
    }
    let mut queue: VecDeque<usize> = (0..env).filter(|&v| degree[v] == 1).collect();
    while let Some(v) = queue.pop_front() {
        if degree[v] != 1 {
            continue;
        }
        let Some(&i) = incident[v].iter().find(|&&i| value[i].is_none()) else {
            continue;
        };
        let e = &edges[i];
        let x = if e.to == v { -net[v] } else { net[v] };
        value[i] = Some(x);
        net[e.to] += x;
        net[e.from] -= x;
        degree[e.from] -= 1;
        degree[e.to] -= 1;
        let other = if e.to == v { e.from } else { e.to };
        if other != env && degree[other] == 1 {
            queue.push_back(other);
        }
    }
    solve_bridges(edges, value, &net, env);
}

/// Solve each remaining unknown stream that is a bridge of the remaining unknown graph, from
/// the sum of the balances on one side of it: the side away from the environment, or in a part
/// of the graph the environment is not in, the side the stream leaves. Streams inside a side
/// enter the sum of its balances twice with opposite signs, so each bridge needs only the
/// net known flow into its side, whatever the order the bridges are solved in.
///
/// One depth-first search of the unknown graph (from the environment first) finds the bridges
/// (Tarjan, 1974: a tree edge whose far end reaches no earlier vertex but by it) and sums the
/// net flows of each subtree: linear in the size of the graph.
fn solve_bridges(edges: &[Edge], value: &mut [Option<f64>], net: &[f64], env: usize) {
    let nv = env + 1;
    // The unknown streams left, by vertex: (the vertex at the other end, the stream).
    let mut adjacent: Vec<Vec<(usize, usize)>> = vec![Vec::new(); nv];
    for (i, e) in edges.iter().enumerate() {
        if value[i].is_none() && matches!(e.kind, Kind::Unknown) {
            adjacent[e.from].push((e.to, i));
            adjacent[e.to].push((e.from, i));
        }
    }
    const UNSEEN: usize = usize::MAX;
    let mut entry = vec![UNSEEN; nv];
    let mut low = vec![0usize; nv];
    // Net known flow into each vertex, then into the subtree below it once it is finished;
    // the environment has no balance.
    let mut below: Vec<f64> = net.to_vec();
    below[env] = 0.0;
    let mut tree_edge = vec![usize::MAX; nv];
    // Each bridge: the stream, the vertex below it, and the root of its search tree.
    let mut bridges: Vec<(usize, usize, usize)> = Vec::new();
    let mut time = 0;
    let roots = std::iter::once(env).chain(0..env);
    for root in roots {
        if entry[root] != UNSEEN || adjacent[root].is_empty() {
            continue;
        }
        entry[root] = time;
        low[root] = time;
        time += 1;
        // (vertex, index of the next adjacent stream to follow)
        let mut stack = vec![(root, 0usize)];
        while let Some(top) = stack.last_mut() {
            let (v, next) = *top;
            if let Some(&(w, i)) = adjacent[v].get(next) {
                top.1 += 1;
                if entry[w] == UNSEEN {
                    entry[w] = time;
                    low[w] = time;
                    time += 1;
                    tree_edge[w] = i;
                    stack.push((w, 0));
                } else if i != tree_edge[v] {
                    low[v] = low[v].min(entry[w]);
                }
                continue;
            }
            stack.pop();
            if let Some(&(parent, _)) = stack.last() {
                low[parent] = low[parent].min(low[v]);
                below[parent] += below[v];
                if low[v] > entry[parent] {
                    bridges.push((tree_edge[v], v, root));
                }
            }
        }
    }
    for (i, child, root) in bridges {
        let e = &edges[i];
        // The net flow into the side below the bridge, and into the side the stream leaves.
        let into_below = below[child];
        let x = if e.from == child {
            into_below
        } else if root == env {
            -into_below
        } else {
            below[root] - into_below
        };
        value[i] = Some(x);
    }
}
