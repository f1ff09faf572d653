//! Parsing unit strings and whole documents: the cost every evaluation pays at the boundary.
//!
//! `cargo bench -p cleanprod-benches --bench units`
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use cleanprod::Assessment;
use cleanprod::units::{Dimension, to_si};
use criterion::{Criterion, criterion_group, criterion_main};

fn units(c: &mut Criterion) {
    let mut g = c.benchmark_group("units");
    g.bench_function("to_si simple (12 m3/d)", |b| {
        b.iter(|| to_si(black_box("12 m3/d"), Dimension::VolumeRate))
    });
    g.bench_function("to_si gauge (150 psig)", |b| {
        b.iter(|| to_si(black_box("150 psig"), Dimension::Pressure))
    });
    g.bench_function("to_si refused (12 kWh as volume rate)", |b| {
        b.iter(|| to_si(black_box("12 kWh"), Dimension::VolumeRate))
    });
    g.finish();
}

fn documents(c: &mut Criterion) {
    let toml = include_str!("../../examples/tannery_measured.toml");
    let json = Assessment::from_toml_str(toml).unwrap().to_json_string();
    let mut g = c.benchmark_group("document");
    g.bench_function("tannery.toml parse+validate", |b| {
        b.iter(|| Assessment::from_toml_str(black_box(toml)))
    });
    g.bench_function("tannery.json parse+validate", |b| {
        b.iter(|| Assessment::from_json_str(black_box(&json)))
    });
    g.finish();
}

criterion_group!(benches, units, documents);
criterion_main!(benches);
