//! Solving and reconciling material balances of synthetic flowsheets of growing size.
//!
//! `cargo bench -p cleanprod-benches --bench flowsheet`
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use cleanprod_benches::large::{Shape, large_flowsheet};
use cleanprod_benches::synthetic_flowsheet;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn sizes(c: &mut Criterion) {
    let mut g = c.benchmark_group("balance");
    g.sample_size(10);
    for (units, components) in [(20, 5), (500, 1), (4, 1), (40, 1), (400, 1), (4_000, 1)] {
        let (f, schedule) = synthetic_flowsheet(units, components, 3);
        let label = format!(
            "{} units, {} streams, {} components",
            units,
            f.streams.len(),
            components
        );
        g.bench_with_input(BenchmarkId::from_parameter(label), &f, |b, f| {
            b.iter(|| f.balance(black_box(&schedule)).unwrap())
        });
    }
    g.finish();
}

/// Chains and trees of measured streams from 1,000 to 100,000 streams: the time should grow
/// about linearly (`cargo bench -p cleanprod-benches --bench flowsheet -- large`).
fn large(c: &mut Criterion) {
    let mut g = c.benchmark_group("large");
    g.sample_size(10);
    for shape in [Shape::Chain, Shape::Tree] {
        for streams in [1_000, 10_000, 100_000] {
            let (f, schedule) = large_flowsheet(shape, streams);
            let label = format!("{shape:?}, {} streams", f.streams.len());
            g.bench_with_input(BenchmarkId::from_parameter(label), &f, |b, f| {
                b.iter(|| f.balance(black_box(&schedule)).unwrap())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, sizes, large);
criterion_main!(benches);
