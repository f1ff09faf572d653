//! Finance hot paths: IRR and NPV of 20-period series, one at a time and in batches.
//!
//! `cargo bench -p cleanprod-benches --bench finance`
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use cleanprod::finance::{self, Status};
use cleanprod_benches::conventional_rows;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn scalar(c: &mut Criterion) {
    let rows = conventional_rows(1_000, 20, 42);
    let mut g = c.benchmark_group("scalar, 20 periods");
    g.throughput(Throughput::Elements(1_000));
    g.bench_function("irr (1000 conventional series)", |b| {
        b.iter(|| {
            for row in rows.chunks_exact(20) {
                black_box(finance::irr(black_box(row)).unwrap());
            }
        })
    });
    g.bench_function("npv (1000 series)", |b| {
        b.iter(|| {
            for row in rows.chunks_exact(20) {
                black_box(finance::npv(0.08, black_box(row)).unwrap());
            }
        })
    });
    let multi = [-1.0, 2.3, -1.32, 0.1, -0.05];
    g.bench_function("irr_roots (non-conventional, 5 periods)", |b| {
        b.iter(|| finance::irr_roots(black_box(&multi)).unwrap())
    });
    g.finish();
}

fn batches(c: &mut Criterion) {
    let rows = conventional_rows(100_000, 20, 7);
    let mut g = c.benchmark_group("batch 100000 x 20");
    g.sample_size(10);
    g.throughput(Throughput::Elements(100_000));
    g.bench_function("irr", |b| {
        b.iter(|| {
            finance::batch(black_box(&rows), 20, |r| {
                finance::irr(r).map(|v| (v, Status::Ok))
            })
            .unwrap()
        })
    });
    // One thread: batches below the parallel threshold, one after the other.
    g.bench_function("irr, one thread", |b| {
        b.iter(|| {
            for part in black_box(&rows).chunks(5_000 * 20) {
                black_box(
                    finance::batch(part, 20, |r| finance::irr(r).map(|v| (v, Status::Ok))).unwrap(),
                );
            }
        })
    });
    // The batch (vectorized for the processor at run time) gives each row's bits of the
    // scalar NPV, in this optimized build too.
    let batch = finance::npv_rows(0.08, &rows, 20, finance::FirstFlow::AtZero).unwrap();
    for (row, v) in rows.chunks_exact(20).zip(&batch.values) {
        assert_eq!(v.to_bits(), finance::npv(0.08, row).unwrap().to_bits());
    }
    g.bench_function("npv_rows, one call on the 100,000 rows", |b| {
        b.iter(|| {
            finance::npv_rows(0.08, black_box(&rows), 20, finance::FirstFlow::AtZero).unwrap()
        })
    });
    g.bench_function("npv, one thread", |b| {
        b.iter(|| {
            for part in black_box(&rows).chunks(5_000 * 20) {
                black_box(finance::npv_rows(0.08, part, 20, finance::FirstFlow::AtZero).unwrap());
            }
        })
    });
    g.bench_function("npv", |b| {
        b.iter(|| {
            finance::batch(black_box(&rows), 20, |r| {
                finance::npv(0.08, r).map(|v| (v, Status::Ok))
            })
            .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, scalar, batches);
criterion_main!(benches);
