//! The layout of a Sankey diagram, after d3-sankey (Bostock): nodes in columns by the longest
//! path from the sources over the links that do not close a loop, sinks in the last column;
//! heights to one scale; a few passes of relaxation that move each node towards the weighted
//! centre of its neighbours, then collisions resolved, so that links cross less. Links that
//! close a loop (recycles) are marked to be drawn as return links.

/// Where a node must go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pin {
    /// The first column (a source, or the closure supplying units).
    First,
    /// The last column (a sink, or the closure receiving from units).
    Last,
    /// By the longest path.
    Free,
}

/// A link between nodes `source` and `target` carrying `value`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Link {
    pub(crate) source: usize,
    pub(crate) target: usize,
    pub(crate) value: f64,
}

/// A node placed: its column and its top and bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Placed {
    pub(crate) column: usize,
    pub(crate) y0: f64,
    pub(crate) y1: f64,
}

/// A layout: nodes, columns, and per link whether it closes a loop and where it leaves its
/// source and enters its target (the centre of its band).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    pub(crate) nodes: Vec<Placed>,
    pub(crate) columns: usize,
    /// Per link: closes a loop (drawn as a return link).
    pub(crate) back: Vec<bool>,
    /// Per link: centre of its band at the source and at the target.
    pub(crate) ends: Vec<(f64, f64)>,
}

/// Passes of relaxation (d3-sankey's default).
const ITERATIONS: usize = 6;

/// Columns of the nodes, and which links close a loop: a depth-first search from the nodes
/// in order (sources first) marks the links to a node on the current path; the others form a
/// directed acyclic graph, whose longest paths from the first column give the columns.
pub(crate) fn columns(pins: &[Pin], links: &[Link]) -> (Vec<usize>, Vec<bool>) {
    let n = pins.len();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, l) in links.iter().enumerate() {
        out[l.source].push(k);
    }
    // Iterative depth-first search: 0 unseen, 1 on the path, 2 done.
    let mut state = vec![0u8; n];
    let mut back = vec![false; links.len()];
    let mut order: Vec<usize> = (0..n).filter(|&i| pins[i] == Pin::First).collect();
    order.extend((0..n).filter(|&i| pins[i] != Pin::First));
    for start in order {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&k) = out[node].get(*next) {
                *next += 1;
                let t = links[k].target;
                match state[t] {
                    0 => {
                        state[t] = 1;
                        stack.push((t, 0));
                    }
                    1 => back[k] = true,
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    // Longest paths over the forward links, in topological order (Kahn).
    let mut indegree = vec![0usize; n];
    for (l, b) in links.iter().zip(&back) {
        if !b {
            indegree[l.target] += 1;
        }
    }
    let mut depth = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
    while let Some(node) = ready.pop() {
        for &k in &out[node] {
            if back[k] {
                continue;
            }
            let t = links[k].target;
            depth[t] = depth[t].max(depth[node] + 1);
            indegree[t] -= 1;
            if indegree[t] == 0 {
                ready.push(t);
            }
        }
    }
    for (i, p) in pins.iter().enumerate() {
        if *p == Pin::First {
            depth[i] = 0;
        }
    }
    let last = (0..n)
        .filter(|&i| pins[i] != Pin::Last)
        .map(|i| depth[i] + 1)
        .chain((0..n).filter(|&i| pins[i] == Pin::Last).map(|i| depth[i]))
        .max()
        .unwrap_or(0);
    for (i, p) in pins.iter().enumerate() {
        if *p == Pin::Last {
            depth[i] = last;
        }
    }
    (depth, back)
}

/// The value of each node: the larger of what enters and what leaves it.
pub(crate) fn values(n: usize, links: &[Link]) -> Vec<f64> {
    let (mut ins, mut outs) = (vec![0.0; n], vec![0.0; n]);
    for l in links {
        outs[l.source] += l.value;
        ins[l.target] += l.value;
    }
    ins.iter().zip(&outs).map(|(a, b)| a.max(*b)).collect()
}

/// The largest scale (drawing units per unit of value) at which every column fits in
/// `height` with `padding` between nodes.
pub(crate) fn fit(column: &[usize], values: &[f64], height: f64, padding: f64) -> f64 {
    let columns = column.iter().copied().max().map_or(0, |c| c + 1);
    (0..columns)
        .filter_map(|c| {
            let members: Vec<usize> = (0..column.len()).filter(|&i| column[i] == c).collect();
            let total: f64 = members.iter().map(|&i| values[i]).sum();
            let room = height - padding * members.len().saturating_sub(1) as f64;
            (total > 0.0).then(|| room / total)
        })
        .fold(f64::INFINITY, f64::min)
}

/// Place the nodes of `column` at scale `ky` in a band `height` high, relax, and lay out
/// each link's ends.
pub(crate) fn place(
    column: Vec<usize>,
    back: Vec<bool>,
    links: &[Link],
    ky: f64,
    height: f64,
    padding: f64,
) -> Layout {
    let n = column.len();
    let values = values(n, links);
    let columns = column.iter().copied().max().map_or(0, |c| c + 1);
    let members: Vec<Vec<usize>> = (0..columns)
        .map(|c| (0..n).filter(|&i| column[i] == c).collect())
        .collect();
    let mut nodes: Vec<Placed> = (0..n)
        .map(|i| Placed {
            column: column[i],
            y0: 0.0,
            y1: values[i] * ky,
        })
        .collect();
    for m in &members {
        let mut y = 0.0;
        for &i in m {
            let h = nodes[i].y1 - nodes[i].y0;
            nodes[i] = Placed {
                column: nodes[i].column,
                y0: y,
                y1: y + h,
            };
            y += h + padding;
        }
    }
    let centre = |p: &Placed| (p.y0 + p.y1) / 2.0;
    let mut alpha = 1.0;
    for _ in 0..ITERATIONS {
        alpha *= 0.99;
        // Right to left: towards the targets; then left to right: towards the sources.
        for forward in [false, true] {
            let order: Vec<usize> = if forward {
                (1..columns).collect()
            } else {
                (0..columns.saturating_sub(1)).rev().collect()
            };
            for c in order {
                for &i in &members[c] {
                    let (mut sum, mut weight) = (0.0, 0.0);
                    for (l, b) in links.iter().zip(&back) {
                        if *b {
                            continue;
                        }
                        let other = if forward && l.target == i {
                            l.source
                        } else if !forward && l.source == i {
                            l.target
                        } else {
                            continue;
                        };
                        sum += centre(&nodes[other]) * l.value;
                        weight += l.value;
                    }
                    if weight > 0.0 {
                        let dy = (sum / weight - centre(&nodes[i])) * alpha;
                        nodes[i].y0 += dy;
                        nodes[i].y1 += dy;
                    }
                }
                resolve(&mut nodes, &members[c], height, padding);
            }
        }
    }
    // Each node's links stacked: outgoing by their target's height, incoming by their
    // source's, return links last (they leave and enter at the bottom).
    let mut ends = vec![(0.0, 0.0); links.len()];
    for i in 0..n {
        let mut outgoing: Vec<usize> = (0..links.len()).filter(|&k| links[k].source == i).collect();
        outgoing.sort_by(|&a, &b| {
            back[a]
                .cmp(&back[b])
                .then(centre(&nodes[links[a].target]).total_cmp(&centre(&nodes[links[b].target])))
        });
        let mut y = nodes[i].y0;
        for k in outgoing {
            let w = links[k].value * ky;
            ends[k].0 = y + w / 2.0;
            y += w;
        }
        let mut incoming: Vec<usize> = (0..links.len()).filter(|&k| links[k].target == i).collect();
        incoming.sort_by(|&a, &b| {
            back[a]
                .cmp(&back[b])
                .then(centre(&nodes[links[a].source]).total_cmp(&centre(&nodes[links[b].source])))
        });
        let mut y = nodes[i].y0;
        for k in incoming {
            let w = links[k].value * ky;
            ends[k].1 = y + w / 2.0;
            y += w;
        }
    }
    Layout {
        nodes,
        columns,
        back,
        ends,
    }
}

/// Push the nodes of one column apart (at least `padding` between them) and back within
/// `0..height`.
fn resolve(nodes: &mut [Placed], members: &[usize], height: f64, padding: f64) {
    let mut order = members.to_vec();
    order.sort_by(|&a, &b| nodes[a].y0.total_cmp(&nodes[b].y0).then(a.cmp(&b)));
    let mut y = 0.0;
    for &i in &order {
        let dy = y - nodes[i].y0;
        if dy > 0.0 {
            nodes[i].y0 += dy;
            nodes[i].y1 += dy;
        }
        y = nodes[i].y1 + padding;
    }
    let mut y = height;
    for &i in order.iter().rev() {
        let dy = nodes[i].y1 - y;
        if dy > 0.0 {
            nodes[i].y0 -= dy;
            nodes[i].y1 -= dy;
        }
        y = nodes[i].y0 - padding;
    }
    // A column fuller than the band (never at the fitted scale) starts at the top.
    if let Some(&first) = order.first()
        && nodes[first].y0 < 0.0
    {
        let dy = -nodes[first].y0;
        for &i in &order {
            nodes[i].y0 += dy;
            nodes[i].y1 += dy;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(source: usize, target: usize, value: f64) -> Link {
        Link {
            source,
            target,
            value,
        }
    }

    #[test]
    fn columns_follow_the_longest_path_and_loops_are_broken() {
        // 0 source → 1 → 2 → 4 sink, 0 → 2 directly, 2 → 1 a recycle, 1 → 3 sink.
        let pins = [Pin::First, Pin::Free, Pin::Free, Pin::Last, Pin::Last];
        let links = [
            link(0, 1, 10.0),
            link(1, 2, 8.0),
            link(0, 2, 5.0),
            link(2, 1, 3.0),
            link(2, 4, 10.0),
            link(1, 3, 5.0),
        ];
        let (column, back) = columns(&pins, &links);
        assert_eq!(column, [0, 1, 2, 3, 3]);
        assert_eq!(back, [false, false, false, true, false, false]);
        let values = values(5, &links);
        assert_eq!(values, [15.0, 13.0, 13.0, 5.0, 10.0]);
        let ky = fit(&column, &values, 100.0, 10.0);
        // The last column holds 15 in 90 units.
        assert!((ky - 6.0).abs() < 1e-12);
        let layout = place(column, back, &links, ky, 100.0, 10.0);
        for p in &layout.nodes {
            assert!(p.y0 >= -1e-9 && p.y1 <= 100.0 + 1e-9, "{p:?}");
        }
        // Node 1's outgoing bands stack within it.
        let n1 = layout.nodes[1];
        let (a, b) = (layout.ends[1].0, layout.ends[5].0);
        assert!((a - b).abs() > 1.0 && a.min(b) > n1.y0 && a.max(b) < n1.y1);
        let (sinks_0, sinks_1) = (layout.nodes[3], layout.nodes[4]);
        assert!(sinks_0.y1 <= sinks_1.y0 - 10.0 + 1e-9 || sinks_1.y1 <= sinks_0.y0 - 10.0 + 1e-9);
    }
}
