//! The transcendental functions of the engine, computed by one implementation (the `libm`
//! crate, a port of musl's) on every target.
//!
//! The platform's own `exp`, `ln` and `powf` differ in their last bits between targets (glibc on
//! Linux, the system library on macOS, a software version in WebAssembly), so a figure computed
//! with them could differ between the Python package and the browser. Basic arithmetic and
//! `sqrt` are exactly rounded by IEEE 754 everywhere and need no help.

/// e^x.
pub(crate) fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// e^x − 1, accurate near 0.
pub(crate) fn exp_m1(x: f64) -> f64 {
    libm::expm1(x)
}

/// Natural logarithm.
pub(crate) fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// ln(1 + x), accurate near 0.
pub(crate) fn ln_1p(x: f64) -> f64 {
    libm::log1p(x)
}

/// Decimal logarithm.
pub(crate) fn log10(x: f64) -> f64 {
    libm::log10(x)
}

/// x^y.
pub(crate) fn powf(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

/// Sine (radians).
pub(crate) fn sin(x: f64) -> f64 {
    libm::sin(x)
}

/// Complementary error function.
pub(crate) fn erfc(x: f64) -> f64 {
    libm::erfc(x)
}

/// ln Γ(x) for x > 0.
pub(crate) fn ln_gamma(x: f64) -> f64 {
    libm::lgamma(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_platform_to_an_ulp_or_two() {
        for x in [1e-12, 0.1, 0.5, 1.0, 2.5, 10.0, 700.0] {
            assert!((exp(x) - x.exp()).abs() <= 2.0 * f64::EPSILON * x.exp());
            assert!((ln(x) - x.ln()).abs() <= 2.0 * f64::EPSILON * x.ln().abs().max(1.0));
            assert!((powf(x, 0.3) - x.powf(0.3)).abs() <= 2.0 * f64::EPSILON * x.powf(0.3));
        }
        assert_eq!(erfc(0.0), 1.0);
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-14);
    }
}
