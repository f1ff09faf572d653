//! Balances of large flowsheets: 20,000 measured streams in a chain and in copies of a small
//! tree, balanced in a debug build within the normal test time (the time itself is measured by
//! `cargo bench -p cleanprod-benches --bench flowsheet -- large`, never asserted). The results
//! are checked against what they must be: the chain against its closed form, the copies
//! against the small tree balanced alone.

use std::collections::BTreeMap;

use cleanprod::flowsheet::{ComponentBalance, Flowsheet, Node, ValueStatus};

#[path = "../../../benches/src/large.rs"]
#[allow(dead_code)]
mod large;

use large::{Shape, large_flowsheet, measured_flow};

fn close(a: f64, b: f64, relative: f64) -> bool {
    (a - b).abs() <= relative * a.abs().max(b.abs())
}

/// Every unit's balance closes after reconciliation, and the site's with it.
fn assert_closed(c: &ComponentBalance) {
    let scale = c
        .streams
        .iter()
        .filter_map(|s| s.value)
        .fold(0.0f64, |a, x| a.max(x.abs()));
    for n in &c.nodes {
        let r = n.residual.unwrap();
        assert!(r.abs() <= 1e-9 * scale, "{}: residual {r}", n.node);
    }
    let sinks: f64 = c.site.sinks.values().map(|v| v.unwrap()).sum();
    assert!(close(c.site.sources.unwrap(), sinks, 1e-9));
}

#[test]
fn a_chain_of_20000_measured_streams_reconciles_to_their_weighted_mean() {
    let streams = 20_000;
    let (f, schedule) = large_flowsheet(Shape::Chain, streams);
    let b = f.balance(&schedule).unwrap();
    let c = &b.components[0];
    assert_eq!(c.streams.len(), streams);
    assert_closed(c);
    // One flow runs through the whole chain: its weighted least-squares estimate is the mean of
    // the measurements weighted by 1/σ², known to 1/√Σ(1/σ²), and the chi-square is the
    // weighted sum of squared deviations from it, with one degree of freedom per unit.
    let given: Vec<(f64, f64)> = c
        .streams
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let x = s.given.unwrap();
            let (kg_per_day, percent) = measured_flow(i);
            assert!(close(x, kg_per_day * 300.0, 1e-12));
            (x, percent / 100.0 * x)
        })
        .collect();
    let weights: f64 = given.iter().map(|(_, sd)| 1.0 / (sd * sd)).sum();
    let mean = given.iter().map(|(x, sd)| x / (sd * sd)).sum::<f64>() / weights;
    let chi_square: f64 = given.iter().map(|(x, sd)| ((x - mean) / sd).powi(2)).sum();
    let r = c.reconciliation.as_ref().unwrap();
    assert_eq!(r.degrees_of_freedom, streams - 1);
    assert!(close(r.chi_square, chi_square, 1e-9), "{}", r.chi_square);
    for (s, (x, sd)) in c.streams.iter().zip(&given) {
        assert_eq!(s.status, ValueStatus::Reconciled);
        assert!(close(s.value.unwrap(), mean, 1e-9), "{}", s.stream);
        assert!(close(s.uncertainty.unwrap(), weights.recip().sqrt(), 1e-6));
        let z = (x - mean) / (sd * sd - weights.recip()).sqrt();
        assert!(close(s.z.unwrap(), z, 1e-6), "{}", s.stream);
    }
}

/// `copies` copies of `f` sharing its source `in` and sink `out`, the ids of the others
/// prefixed with the copy's number.
fn copies(f: &Flowsheet, copies: usize) -> Flowsheet {
    let boundary = |id: &str| id == "in" || id == "out";
    let rename = |k: usize, id: &str| {
        if boundary(id) {
            id.to_string()
        } else {
            format!("{k}.{id}")
        }
    };
    let mut nodes: Vec<Node> = f
        .nodes
        .iter()
        .filter(|n| boundary(&n.id))
        .cloned()
        .collect();
    let mut streams = Vec::new();
    for k in 0..copies {
        for n in f.nodes.iter().filter(|n| !boundary(&n.id)) {
            nodes.push(Node {
                id: rename(k, &n.id),
                ..n.clone()
            });
        }
        for s in &f.streams {
            let mut s = s.clone();
            s.id = rename(k, &s.id);
            s.from = rename(k, &s.from);
            s.to = rename(k, &s.to);
            streams.push(s);
        }
    }
    Flowsheet {
        nodes,
        streams,
        ..f.clone()
    }
}

#[test]
fn copies_of_a_small_tree_balance_as_the_tree_alone() {
    let (small, schedule) = large_flowsheet(Shape::Tree, 15);
    assert_eq!(small.streams.len(), 15);
    let alone = small.balance(&schedule).unwrap();
    let alone = &alone.components[0];
    assert_closed(alone);
    let n = 1_334; // 20,010 streams
    let big = copies(&small, n);
    let b = big.balance(&schedule).unwrap();
    let c = &b.components[0];
    assert_eq!(c.streams.len(), 15 * n);
    assert_closed(c);
    let by_id: BTreeMap<&str, _> = c.streams.iter().map(|s| (s.stream.as_str(), s)).collect();
    for k in [0, 1, n / 2, n - 1] {
        for s in &alone.streams {
            let copy = by_id[format!("{k}.{}", s.stream).as_str()];
            assert_eq!(copy.status, s.status);
            assert!(close(copy.value.unwrap(), s.value.unwrap(), 1e-9));
            assert!(close(
                copy.uncertainty.unwrap(),
                s.uncertainty.unwrap(),
                1e-9
            ));
            assert!(close(copy.z.unwrap(), s.z.unwrap(), 1e-9));
        }
    }
    // The copies' balances are independent: their statistics add up.
    let (one, all) = (
        alone.reconciliation.as_ref().unwrap(),
        c.reconciliation.as_ref().unwrap(),
    );
    assert_eq!(all.degrees_of_freedom, n * one.degrees_of_freedom);
    assert!(close(all.chi_square, n as f64 * one.chi_square, 1e-9));
    assert_eq!(
        c.nodes.iter().filter(|n| n.node.starts_with("7.")).count(),
        alone.nodes.len()
    );
}
