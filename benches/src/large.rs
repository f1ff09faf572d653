//! Large synthetic flowsheets for the scaling benchmark (`benches/benches/flowsheet.rs`) and
//! the scaling test of the core (`core/tests/integration/scale.rs`, which includes this file):
//! chains and trees of units whose every stream of water is measured, of any number of
//! streams.
//!
//! Flows are a fixed pattern (no random numbers), so that the figures of a size are the same
//! in every build and a test can work them out.

use std::collections::BTreeMap;

use cleanprod::flowsheet::{Flow, Flowsheet, Node, NodeKind, Stream};
use cleanprod::units::{Measured, Schedule};

/// How the units of a [`large_flowsheet`] are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A source, units `u0 … u(n−2)` in series and a sink: `n` streams, each measured, and
    /// one balance per unit. A chain with no other way out is the deepest graph there is (the
    /// reduced balances are a path) and nearly ungrounded: every measurement is redundant with
    /// every other.
    Chain,
    /// A binary tree of units fed from a source at its root, unit `i` feeding units `2i + 1`
    /// and `2i + 2`; a unit discharges to a sink once for each child it lacks (a leaf twice).
    Tree,
}

/// The measured flow of stream `i`, in kg/d, and its standard uncertainty in %: 100 kg/d to
/// within ±5 % in a fixed pattern of eleven values, known to 2 %, 3 % or 5 %.
pub fn measured_flow(i: usize) -> (f64, f64) {
    let x = 95.0 + (i * 7 % 11) as f64;
    let percent = [2.0, 3.0, 5.0][i % 3];
    (x, percent)
}

fn node(id: String, kind: NodeKind) -> Node {
    Node {
        id,
        kind,
        name: String::new(),
        accumulation: BTreeMap::new(),
    }
}

/// A flowsheet of `shape` with `streams` streams of water (at least 2; a tree has an odd
/// number, one fewer when `streams` is even), each measured
/// ([`measured_flow`] of its index), and a schedule of 300 days of 24 hours (one kg/d is
/// 300 kg/yr in the balance).
pub fn large_flowsheet(shape: Shape, streams: usize) -> (Flowsheet, Schedule) {
    let streams = streams.max(2);
    let mut nodes = vec![
        node("in".into(), NodeKind::Source),
        node("out".into(), NodeKind::Wastewater),
    ];
    let mut ends: Vec<(String, String)> = Vec::with_capacity(streams);
    match shape {
        Shape::Chain => {
            let units = streams - 1;
            nodes.extend((0..units).map(|u| node(format!("u{u}"), NodeKind::Process)));
            let name = |u: usize| {
                if u == 0 {
                    "in".to_string()
                } else if u > units {
                    "out".to_string()
                } else {
                    format!("u{}", u - 1)
                }
            };
            ends.extend((0..streams).map(|s| (name(s), name(s + 1))));
        }
        Shape::Tree => {
            // n units have n streams in (the feed and n − 1 links) and, having n − 1 children
            // in all, 2n − (n − 1) = n + 1 outlets: 2n + 1 streams.
            let units = ((streams - 1) / 2).max(1);
            nodes.extend((0..units).map(|u| node(format!("u{u}"), NodeKind::Process)));
            ends.push(("in".into(), "u0".into()));
            for i in 1..units {
                ends.push((format!("u{}", (i - 1) / 2), format!("u{i}")));
            }
            for i in 0..units {
                for _ in children(i, units)..2 {
                    ends.push((format!("u{i}"), "out".into()));
                }
            }
        }
    }
    let streams = ends
        .into_iter()
        .enumerate()
        .map(|(i, (from, to))| {
            let (x, percent) = measured_flow(i);
            let text = format!("{x} kg/d ± {percent} %");
            Stream {
                id: format!("s{i}"),
                from,
                to,
                flows: BTreeMap::from([(
                    "water".to_string(),
                    Flow::parse(&text).unwrap_or(Flow::Unknown),
                )]),
                temperature: None,
            }
        })
        .collect();
    let day = uom::si::f64::Time::new::<uom::si::time::hour>(24.0);
    (
        Flowsheet {
            components: vec!["water".into()],
            nodes,
            streams,
            energy: Vec::new(),
            devices: BTreeMap::new(),
            reference_temperature: None,
            accounts: Vec::new(),
        },
        Schedule::new(300, Measured::new(day)),
    )
}

/// The children of unit `i` in a binary tree of `n` units.
fn children(i: usize, n: usize) -> usize {
    [2 * i + 1, 2 * i + 2].iter().filter(|&&c| c < n).count()
}
