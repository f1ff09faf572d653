//! What `cleanprod assess examples/tannery.toml` does: read the document, expand the tanning
//! template, balance, appraise the options, benchmark, and write the text report.
//!
//! `cargo bench -p cleanprod-benches --bench assess`
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use cleanprod::{Assessment, report};
use criterion::{Criterion, criterion_group, criterion_main};

fn assess(c: &mut Criterion) {
    let text = include_str!("../../examples/tannery.toml");
    let out = report::report_text(&Assessment::from_toml_str(text).unwrap().report().unwrap());
    assert!(out.contains("chrome"));
    c.bench_function("assess examples/tannery.toml (text report)", |b| {
        b.iter(|| {
            let a = Assessment::from_toml_str(black_box(text)).unwrap();
            report::report_text(&a.report().unwrap())
        })
    });
}

criterion_group!(benches, assess);
criterion_main!(benches);
