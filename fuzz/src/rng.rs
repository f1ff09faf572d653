//! The seeded source of choices every generator draws from.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

/// A seeded random stream with the helpers generators need.
pub struct Gen(ChaCha8Rng);

/// Numbers at the edges of f64 and of the quantities a document holds.
pub const EDGE_NUMBERS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    1e-300,
    5e-324,
    2.2250738585072014e-308,
    1e-17,
    1e-9,
    1e6,
    1e15,
    1e300,
    1e308,
    -1e308,
    f64::MAX,
    f64::MIN_POSITIVE,
    4294967296.0,
    9007199254740993.0,
    99.99999999,
    100.0,
    100.00000001,
    -0.999999999999,
    -1.0000000001,
];

impl Gen {
    /// A stream from a seed.
    pub fn new(seed: u64) -> Gen {
        Gen(ChaCha8Rng::seed_from_u64(seed))
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.0.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A uniform number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One element of a non-empty slice (the first when empty is impossible by construction).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A number of any magnitude: ordinary, extreme, subnormal or zero, of either sign.
    pub fn number(&mut self) -> f64 {
        match self.below(6) {
            0 => *self.pick(EDGE_NUMBERS),
            1 => (self.unit() - 0.5) * 2000.0,
            2 => {
                let exponent = self.below(617) as i32 - 308;
                let mantissa = 1.0 + self.unit() * 9.0;
                let v = mantissa * 10f64.powi(exponent);
                if self.chance(0.3) { -v } else { v }
            }
            3 => f64::from_bits(self.0.next_u64() & 0x000f_ffff_ffff_ffff),
            4 => self.below(100) as f64,
            _ => self.unit(),
        }
    }

    /// Raw 64 random bits.
    pub fn bits(&mut self) -> u64 {
        self.0.next_u64()
    }
}

/// A float written so that a JSON case can carry NaN and infinities (`"NaN"`, `"inf"`).
pub fn float_text(v: f64) -> String {
    if v.is_finite() {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}

/// The float of [`float_text`] (0 for anything else).
pub fn text_float(v: &serde_json::Value) -> f64 {
    match v {
        serde_json::Value::String(s) => s.parse().unwrap_or(0.0),
        serde_json::Value::Number(n) => n.as_f64().unwrap_or(0.0),
        _ => 0.0,
    }
}
