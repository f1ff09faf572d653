//! Criterion benchmarks of the cleanprod engine (`cargo bench -p cleanprod-benches`) and the
//! inputs they share.

/// `rows` conventional cash-flow series of `len` periods, row-major: an outlay of 1,000 to
/// 100,000 then inflows of 0 to 30 % of it, from a fixed seed (a 64-bit linear congruential
/// generator, so that the Rust, Python and JS benchmarks can draw the same kind of series).
pub fn conventional_rows(rows: usize, len: usize, seed: u64) -> Vec<f64> {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut uniform = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut out = Vec::with_capacity(rows * len);
    for _ in 0..rows {
        let outlay = 1_000.0 + 99_000.0 * uniform();
        out.push(-outlay);
        for _ in 1..len {
            out.push(0.3 * outlay * uniform());
        }
    }
    out
}
