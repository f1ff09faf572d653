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
/// the sum of the balances on its side away from the environment.
fn solve_bridges(edges: &[Edge], value: &mut [Option<f64>], net: &[f64], env: usize) {
    let nv = env + 1;
    let mut net = net.to_vec();
    // Bounded: each pass solves at least one stream or stops.
    for _ in 0..edges.len() {
        let open: Vec<usize> = (0..edges.len())
            .filter(|&i| value[i].is_none() && matches!(edges[i].kind, Kind::Unknown))
            .collect();
        let mut solved_one = false;
        for &i in &open {
            // The side of `from` without edge i.
            let mut side = vec![false; nv];
            let mut stack = vec![edges[i].from];
            side[edges[i].from] = true;
            while let Some(v) = stack.pop() {
                for &j in &open {
                    if j == i {
                        continue;
                    }
                    let (a, b) = (edges[j].from, edges[j].to);
                    for (p, q) in [(a, b), (b, a)] {
                        if p == v && !side[q] {
                            side[q] = true;
                            stack.push(q);
                        }
                    }
                }
            }
            if side[edges[i].to] {
                continue; // on a loop
            }
            // Sum the balances of the side without the environment.
            let from_side = !side[env];
            let members: Vec<usize> = (0..env).filter(|&v| side[v] == from_side).collect();
            let total: f64 = members.iter().map(|&v| net[v]).sum();
            // Edge leaves the `from` side: total − x = 0 on that side; enters the other side.
            let x = if from_side { total } else { -total };
            value[i] = Some(x);
            net[edges[i].to] += x;
            net[edges[i].from] -= x;
            solved_one = true;
            break;
        }
        if !solved_one {
            return;
        }
    }
}
