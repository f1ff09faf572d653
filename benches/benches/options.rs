//! A whole assessment's options: a flowsheet of about 50 streams with 10 options that edit it,
//! evaluated alone and together (sequence, budget selection, cost curves).
//!
//! `cargo bench -p cleanprod-benches --bench options`
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use cleanprod::Assessment;
use cleanprod_benches::plant_with_options;
use criterion::{Criterion, criterion_group, criterion_main};

fn evaluate(c: &mut Criterion) {
    let a = Assessment::from_toml_str(&plant_with_options(12, 10)).unwrap();
    let streams = a.document().flowsheet.as_ref().unwrap().streams.len();
    assert_eq!(streams, 48);
    let e = a.evaluate().unwrap();
    assert_eq!(e.options.len(), 10);
    // The assessment keeps its balance: this is the appraisal alone on a solved baseline.
    c.bench_function(
        "evaluate on a solved balance: 48 streams, 10 options, portfolio",
        |b| b.iter(|| cleanprod::options::evaluate(&black_box(&a).case()).unwrap()),
    );
    let text = plant_with_options(12, 10);
    c.bench_function("parse and evaluate: 48 streams, 10 options", |b| {
        b.iter(|| {
            let a = Assessment::from_toml_str(black_box(&text)).unwrap();
            a.evaluate().unwrap().portfolio.all.npv
        })
    });
}

fn tannery(c: &mut Criterion) {
    let text = include_str!("../../examples/tannery.toml");
    c.bench_function(
        "tannery template: parse, expand, balance and evaluate 6 options",
        |b| {
            b.iter(|| {
                let a = Assessment::from_toml_str(black_box(text)).unwrap();
                a.evaluate().unwrap().portfolio.all.npv
            })
        },
    );
    let a = Assessment::from_toml_str(text).unwrap();
    let e = a.evaluate().unwrap();
    let template = a.document().template.as_ref().unwrap();
    c.bench_function(
        "tannery template: benchmarks before and after, on a kept appraisal",
        |b| {
            b.iter(|| {
                let case = black_box(&a).case();
                let flows = cleanprod::options::Flows::of(&case, e).unwrap().unwrap();
                template.benchmarks(&case.ctx, &flows).unwrap()
            })
        },
    );
}

fn hotel(c: &mut Criterion) {
    let text = include_str!("../../examples/hotel.toml");
    c.bench_function(
        "hotel template: parse, expand, balance, evaluate 14 options and benchmark",
        |b| {
            b.iter(|| {
                let a = Assessment::from_toml_str(black_box(text)).unwrap();
                a.evaluate().unwrap();
                a.benchmarks().unwrap()
            })
        },
    );
}

fn hospital(c: &mut Criterion) {
    let text = include_str!("../../examples/hospital.toml");
    c.bench_function(
        "hospital template: parse, expand, balance, evaluate 13 options and benchmark",
        |b| {
            b.iter(|| {
                let a = Assessment::from_toml_str(black_box(text)).unwrap();
                a.evaluate().unwrap();
                a.benchmarks().unwrap()
            })
        },
    );
}

fn chemicals(c: &mut Criterion) {
    let text = include_str!("../../examples/chemicals.toml");
    c.bench_function(
        "chemicals template: parse, expand, balance, evaluate 8 options and benchmark",
        |b| {
            b.iter(|| {
                let a = Assessment::from_toml_str(black_box(text)).unwrap();
                a.evaluate().unwrap();
                a.benchmarks().unwrap()
            })
        },
    );
}

fn automotive(c: &mut Criterion) {
    let text = include_str!("../../examples/automotive.toml");
    c.bench_function(
        "automotive template: parse, expand, balance, evaluate 11 options and benchmark",
        |b| {
            b.iter(|| {
                let a = Assessment::from_toml_str(black_box(text)).unwrap();
                a.evaluate().unwrap();
                a.benchmarks().unwrap()
            })
        },
    );
}

criterion_group!(
    benches, evaluate, tannery, hotel, hospital, chemicals, automotive
);
criterion_main!(benches);
