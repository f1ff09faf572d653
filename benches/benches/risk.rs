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
        // Draws one after the other, as a simulation's thread makes them (its values and
        // buffers reused).
        let rows: Vec<Vec<f64>> = (0..16)
            .map(|d| run.inputs.iter().map(|i| i.values[d]).collect())
            .collect();
        g.bench_function(format!("16 draws in a row: {name}"), |b| {
            b.iter(|| sim.evaluate_rows(black_box(&rows)).len())
        });
        g.bench_function(format!("fresh evaluation from the text: {name}"), |b| {
            b.iter(|| {
                let a = Assessment::from_toml_str(black_box(text)).unwrap();
                a.evaluate().unwrap().options.len()
            })
        });
    }
    g.sample_size(10);
    // The tannery with its prices and discount rate uncertain only: the short route.
    let tannery = include_str!("../../examples/tannery.toml");
    let cut = tannery.find("\n[uncertainty]").unwrap();
    let prices_only = format!(
        "{}\n[uncertainty]\n{}",
        &tannery[..cut],
        r#"
[[uncertainty.inputs]]
path = "prices.water"
distribution = "triangular"
min = "24 MXN/m3"
mode = "32 MXN/m3"
max = "45 MXN/m3"
[[uncertainty.inputs]]
path = "prices.basic chromium sulphate"
distribution = "pert"
min = "26 MXN/kg"
mode = "32 MXN/kg"
max = "44 MXN/kg"
[[uncertainty.inputs]]
path = "finance.discount_rate"
spread = "± 20 %"
"#
    );
    for (what, text) in [
        ("template figures", tannery.to_string()),
        ("prices only", prices_only),
    ] {
        let a = Assessment::from_toml_str(&text).unwrap();
        let sim = Simulator::new(&a).unwrap();
        for threads in [1, 2] {
            g.bench_function(
                format!(
                    "tannery ({what}), 1,000 draws with statistics and tornado, {threads} thread(s)"
                ),
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
    }
    g.finish();
}

criterion_group!(benches, draws);
criterion_main!(benches);
