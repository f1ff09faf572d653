//! Numbers for reading: rounding to significant digits and the shortest exact spelling.

use crate::math;

/// The shortest decimal text that parses back to `x` exactly, in positional notation for
/// ordinary magnitudes and scientific notation otherwise.
pub fn format_number(x: f64) -> String {
    let a = x.abs();
    if x == 0.0 {
        "0".to_string()
    } else if (1e-4..1e15).contains(&a) {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

/// `x` rounded to `significant` digits (non-finite values and zero unchanged).
///
/// ```
/// use cleanprod::units::round_to;
/// assert_eq!(round_to(1234.5678, 3), 1230.0);
/// assert_eq!(round_to(-0.012345, 2), -0.012);
/// ```
pub fn round_to(x: f64, significant: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = significant - 1 - math::log10(x.abs()).floor() as i32;
    let scale = 10f64.powi(digits);
    let r = (x * scale).round() / scale;
    if r.is_finite() { r } else { x }
}

/// `x` rounded to `significant` digits and written as [`format_number`] does.
///
/// ```
/// assert_eq!(cleanprod::units::format_significant(3599.9999999999995, 9), "3600");
/// assert_eq!(cleanprod::units::format_significant(0.000123456, 2), "0.00012");
/// ```
pub fn format_significant(x: f64, significant: i32) -> String {
    format_number(round_to(x, significant))
}
