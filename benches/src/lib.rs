//! Criterion benchmarks of the cleanprod engine: run `cargo bench -p cleanprod-benches`.
