//! What every sector's benchmarks are made of: a published range, an indicator before and
//! after the options, and where it stands against the range.

use schemars::JsonSchema;
use serde::Serialize;

/// A published range, as a sector's sources give it (an "at most" benchmark has `low = 0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reference {
    /// Lower end, in the indicator's unit.
    pub low: f64,
    /// Upper end.
    pub high: f64,
    /// What the range is.
    pub label: &'static str,
    /// Where it comes from.
    pub source: &'static str,
}

/// Where an indicator stands against its published range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// Below the range.
    Below,
    /// Within it.
    Within,
    /// Above it.
    Above,
}

/// A published range an indicator is compared with, as reported.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Range {
    /// Lower end, in the indicator's unit.
    pub low: f64,
    /// Upper end.
    pub high: f64,
    /// What the range is.
    pub label: String,
    /// Where it comes from.
    pub source: String,
}

impl From<&Reference> for Range {
    fn from(r: &Reference) -> Range {
        Range {
            low: r.low,
            high: r.high,
            label: r.label.to_string(),
            source: r.source.to_string(),
        }
    }
}

/// One indicator of a site (per tonne, per guest-night, per bed-day, or a share).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Indicator {
    /// Short name (`water`, `cr2o3_discharged`, ...).
    pub key: String,
    /// In words.
    pub label: String,
    /// Unit (`m3/t`, `L/guest-night`, `kg/bed-day`, `%`).
    pub unit: String,
    /// At the baseline.
    pub before: f64,
    /// With every option applied (none without options).
    pub after: Option<f64>,
    /// The published range, where there is one.
    pub reference: Option<Range>,
    /// Where `before` stands against the range.
    pub class_before: Option<Class>,
    /// Where `after` stands.
    pub class_after: Option<Class>,
}

impl Indicator {
    /// An indicator and where it stands against `reference`.
    ///
    /// ```
    /// use cleanprod::sectors::indicators::{Class, Indicator, Reference};
    /// const BAT: Reference = Reference { low: 10.0, high: 15.0, label: "BAT", source: "a" };
    /// let i = Indicator::new("water", "fresh water", "m3/t", 22.0, Some(14.0), Some(BAT));
    /// assert_eq!((i.class_before, i.class_after), (Some(Class::Above), Some(Class::Within)));
    /// ```
    pub fn new(
        key: &str,
        label: &str,
        unit: &str,
        before: f64,
        after: Option<f64>,
        reference: Option<Reference>,
    ) -> Indicator {
        Indicator {
            key: key.to_string(),
            label: label.to_string(),
            unit: unit.to_string(),
            before,
            after,
            class_before: reference.as_ref().map(|r| class(before, r)),
            class_after: reference.as_ref().and_then(|r| after.map(|a| class(a, r))),
            reference: reference.as_ref().map(Range::from),
        }
    }
}

/// Where `x` stands against `r` (within a relative 1e-9 of an end counts as within, so a
/// target reached exactly is).
pub fn class(x: f64, r: &Reference) -> Class {
    let tol = 1e-9 * r.low.abs().max(r.high.abs());
    if x < r.low - tol {
        Class::Below
    } else if x > r.high + tol {
        Class::Above
    } else {
        Class::Within
    }
}
