//! The range checks every sector template makes of its figures, with errors at
//! `template.<sector>.<field>`, and the ratio every catalogue builds its edits from.

use std::fmt::Display;

use uom::si::f64 as q;

use crate::error::{Error, Result};
use crate::units::Measured;

/// Why a positive figure below [`SMALLEST_DIVISOR`](crate::units::SMALLEST_DIVISOR) is refused: the figures divided by it
/// (indicators per bed-day, per batch) overflow.
const TOO_SMALL: &str = "is too small to compute with (below 1e-100): must be positive, in a unit that keeps it above that";

/// The fields of one template, by its path (`template.hotel`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields(pub(crate) &'static str);

impl Fields {
    /// `value` of the field `name` refused, for `why`.
    pub(crate) fn refuse(&self, name: &str, value: impl Display, why: impl Into<String>) -> Error {
        Error::out_of_range(format!("{}.{name}", self.0), value, why.into())
    }

    /// A share from 0 % to 100 %.
    pub(crate) fn share(&self, name: &str, v: &Measured<q::Ratio>) -> Result<()> {
        if (0.0..=1.0).contains(&v.si()) {
            Ok(())
        } else {
            Err(self.refuse(name, v, "must be from 0 % to 100 %"))
        }
    }

    /// A share above 0 % and at most 100 %.
    pub(crate) fn share_above_zero(&self, name: &str, v: &Measured<q::Ratio>) -> Result<()> {
        let x = v.si();
        if (crate::units::SMALLEST_DIVISOR..=1.0).contains(&x) {
            Ok(())
        } else if x > 0.0 && x < crate::units::SMALLEST_DIVISOR {
            Err(self.refuse(name, v, TOO_SMALL))
        } else if x > 1.0 {
            Err(self.refuse(name, v, "must be at most 100 %"))
        } else {
            Err(self.refuse(name, v, "must be more than 0 % and at most 100 %"))
        }
    }

    /// A finite figure above zero (`v` in SI, `shown` as written).
    pub(crate) fn positive(&self, name: &str, v: f64, shown: impl Display) -> Result<()> {
        if v.is_finite() && v >= crate::units::SMALLEST_DIVISOR {
            Ok(())
        } else if v > 0.0 && v < crate::units::SMALLEST_DIVISOR {
            Err(self.refuse(name, shown, TOO_SMALL))
        } else {
            Err(self.refuse(name, shown, "must be positive"))
        }
    }

    /// A finite figure of zero or more.
    pub(crate) fn non_negative(&self, name: &str, v: f64, shown: impl Display) -> Result<()> {
        if v.is_finite() && (v == 0.0 || v >= crate::units::SMALLEST_DIVISOR) {
            Ok(())
        } else if v > 0.0 && v < crate::units::SMALLEST_DIVISOR {
            Err(self.refuse(name, shown, TOO_SMALL))
        } else {
            Err(self.refuse(name, shown, "must not be negative"))
        }
    }
}

/// A plain ratio (a scale factor, a share) as a measured value.
pub(crate) fn ratio(x: f64) -> Measured<q::Ratio> {
    Measured::new(q::Ratio::new::<uom::si::ratio::ratio>(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_name_the_field_under_the_template() {
        let f = Fields("template.hotel");
        assert!(f.share("a", &ratio(1.0)).is_ok());
        let e = f.share("a", &ratio(1.2)).unwrap_err();
        assert_eq!(e.path(), "template.hotel.a");
        assert!(
            f.share_above_zero("b", &ratio(0.0))
                .unwrap_err()
                .to_string()
                .contains("more than 0 %")
        );
        assert!(f.positive("c", 0.0, "0 m2").is_err());
        assert!(f.non_negative("d", f64::NAN, "NaN").is_err());
        assert!(f.non_negative("d", 0.0, "0").is_ok());
    }
}
