//! Physical values at the document boundary.
//!
//! Inside the engine every physical value is a [`uom`] quantity. In a document it is a string
//! with its unit (`"12 m3/d"`, `"9.5 L/min"`, `"150 psig"`, `"45 %"`), parsed by a small,
//! strict grammar into the quantity type of the field, so that a value of the wrong dimension
//! is refused with the expected dimension and an example, never silently converted.
//!
//! ```
//! use cleanprod::units::{Dimension, to_si};
//! let si = to_si("3 m3/h", Dimension::VolumeRate).unwrap();
//! assert!((si - 3.0 / 3600.0).abs() < 1e-15);
//! let err = to_si("0.85 kg", Dimension::Volume).unwrap_err();
//! assert_eq!(err.code(), "unit_dimension");
//! ```

mod measured;
pub mod money;
mod number;
mod parse;
mod schedule;
mod table;

pub use crate::dimension::Dimension;
#[cfg(feature = "schema")]
pub(crate) use measured::schema_name;
pub use measured::{Measure, Measured};
pub use number::{format_number, format_significant, round_to};
pub use parse::UnitProblem;
pub(crate) use parse::{UnitExpr, parse_unit, split_number};
pub use schedule::{Rate, SECONDS_PER_YEAR, Schedule};
pub use table::{MOLAR_GAS_CONSTANT, STANDARD_ATMOSPHERE_PA, TimeBasis};

/// The smallest positive figure (in SI) a count, share, efficiency or production rate may
/// take: the indicators and fuel figures divided by it must stay finite (found by fuzzing:
/// 1e-300 beds or batches gave infinite indicators).
pub(crate) const SMALLEST_DIVISOR: f64 = 1e-100;

/// The coherent SI value of `text` read as a value of `dimension`.
pub fn to_si(text: &str, dimension: Dimension) -> Result<f64, UnitProblem> {
    let (number, unit) = split_number(text)?;
    parse_unit(unit)?.to_si(number, dimension)
}

/// `text` in canonical spelling: the shortest number that reads back exactly and the unit's
/// canonical symbol (`"12 l/min"` → `"12 L/min"`), after checking it against `dimension`.
pub fn canonical(text: &str, dimension: Dimension) -> Result<String, UnitProblem> {
    let (number, unit_text) = split_number(text)?;
    let unit = parse_unit(unit_text)?;
    unit.to_si(number, dimension)?;
    let n = format_number(number);
    Ok(if unit.text.is_empty() {
        n
    } else {
        format!("{n} {}", unit.text)
    })
}

impl std::str::FromStr for Dimension {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Dimension::ALL
            .into_iter()
            .find(|d| d.key() == s)
            .ok_or_else(|| crate::Error::UnknownVariant {
                path: "dimension".to_string(),
                value: s.to_string(),
                expected: Dimension::ALL.map(Dimension::key).join(", "),
            })
    }
}
