//! Risk simulation: the cost of one draw (against a fresh evaluation of the same document) and
//! of whole runs.
//!
//! `cargo bench -p cleanprod-benches --bench risk`
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use cleanprod::Assessment;
use cleanprod::uncertainty::{Settings, Simulator};
use criterion::{Criterion, criterion_group, criterion_main};

fn draws(c: &mut Criterion) {
    let mut g = c.benchmark_group("risk");
    for (name, text) in [
        (
            "direct savings (tests/fixtures/documents/valid/risk.toml, 2 options, 3 inputs)",
            include_str!("../../tests/fixtures/documents/valid/risk.toml"),
        ),
        (
            "tannery (examples/tannery.toml, 6 options, 5 inputs)",
            include_str!("../../examples/tannery.toml"),
        ),
    ] {
        let a = Assessment::from_toml_str(text).unwrap();
        let sim = Simulator::new(&a).unwrap();
        let run = sim
            .run(&Settings {
                draws: Some(16),
                threads: Some(1),
                ..Settings::default()
            })
            .unwrap();
        let row: Vec<f64> = run.inputs.iter().map(|i| i.values[0]).collect();
        g.bench_function(format!("one draw: {name}"), |b| {
            b.iter(|| sim.evaluate(black_box(&row)).unwrap())
        });
        g.bench_function(format!("fresh evaluation from the text: {name}"), |b| {
            b.iter(|| {
                let a = Assessment::from_toml_str(black_box(text)).unwrap();
                a.evaluate().unwrap().options.len()
            })
        });
    }
    g.sample_size(10);
    let a = Assessment::from_toml_str(include_str!("../../examples/tannery.toml")).unwrap();
    let sim = Simulator::new(&a).unwrap();
    for threads in [1, 2] {
        g.bench_function(
            format!("tannery, 1,000 draws with statistics and tornado, {threads} thread(s)"),
            |b| {
                b.iter(|| {
                    sim.run(&Settings {
                        draws: Some(1_000),
                        threads: Some(threads),
                        ..Settings::default()
                    })
                    .unwrap()
                    .draws
                })
            },
        );
    }
    g.finish();
}

criterion_group!(benches, draws);
criterion_main!(benches);
