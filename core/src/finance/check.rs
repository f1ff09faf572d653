//! Input checks shared by the finance functions.

use crate::error::{Error, Result};

/// Every value finite, and at least one.
pub(crate) fn flows(name: &str, values: &[f64]) -> Result<()> {
    if values.is_empty() {
        return Err(Error::out_of_range(
            name,
            "[]",
            "must hold at least one cash flow",
        ));
    }
    for (i, v) in values.iter().enumerate() {
        if !v.is_finite() {
            return Err(Error::out_of_range(
                format!("{name}[{i}]"),
                v,
                "is not a finite number",
            ));
        }
    }
    Ok(())
}

/// A finite number.
pub(crate) fn finite(name: &str, x: f64) -> Result<()> {
    if x.is_finite() {
        Ok(())
    } else {
        Err(Error::out_of_range(name, x, "is not a finite number"))
    }
}

/// A finite rate above -100 %.
pub(crate) fn rate(name: &str, r: f64) -> Result<()> {
    if r.is_finite() && r > -1.0 {
        Ok(())
    } else {
        Err(Error::out_of_range(
            name,
            r,
            "must be a finite rate above -1 (-100 %)",
        ))
    }
}

/// A result that must be finite; an error naming the function otherwise (overflow).
pub(crate) fn result(name: &str, x: f64) -> Result<f64> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(Error::out_of_range(
            name,
            x,
            "overflows: the inputs are too large for a finite result",
        ))
    }
}
