//! What the site produces, and how much.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use crate::error::{Error, Result};
use crate::units::Schedule;
use crate::units::{Dimension, Measure, Measured, UnitProblem, parse_unit, split_number};

/// The site's output, the denominator of its specific indicators (m3 of water per tonne of
/// hide, kWh per guest-night).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Production {
    /// What is produced or served: `"raw hide processed"`, `"guest-night"`, `"bed-day"`.
    pub product: String,
    /// How much: a mass rate (`"12 t/d"`), a volume rate (`"40 m3/d"`) or a count per time
    /// (`"52000 /yr"` guest-nights).
    pub output: Output,
}

/// An output rate of one of three kinds.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// Mass per time.
    Mass(Measured<q::MassRate>),
    /// Volume per time.
    Volume(Measured<q::VolumeRate>),
    /// Count per time (guest-nights, bed-days, parts).
    Count(Measured<q::Frequency>),
}

/// An annual output.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AnnualOutput {
    /// Mass per year.
    Mass(q::Mass),
    /// Volume per year.
    Volume(q::Volume),
    /// Count per year.
    Count(f64),
}

impl Output {
    const ACCEPTED: [Dimension; 3] = [
        Dimension::MassRate,
        Dimension::VolumeRate,
        Dimension::Frequency,
    ];

    /// Parse a mass rate, volume rate or count per time.
    pub fn parse(text: &str) -> std::result::Result<Output, UnitProblem> {
        let (_, unit_text) = split_number(text)?;
        let unit = parse_unit(unit_text)?;
        if unit.text.is_empty() {
            return Err(UnitProblem::MissingUnit {
                expected: Dimension::MassRate,
            });
        }
        let dimension = Output::ACCEPTED
            .into_iter()
            .find(|d| unit.to_si(1.0, *d).is_ok())
            .ok_or_else(|| UnitProblem::NotAnOutput {
                unit: unit.text.clone(),
                found: Dimension::describe_dims(unit.dims),
            })?;
        Ok(match dimension {
            Dimension::MassRate => Output::Mass(Measured::parse(text)?),
            Dimension::VolumeRate => Output::Volume(Measured::parse(text)?),
            _ => Output::Count(Measured::parse(text)?),
        })
    }

    /// The coherent SI value of the rate.
    pub fn si(&self) -> f64 {
        match self {
            Output::Mass(m) => m.si(),
            Output::Volume(v) => v.si(),
            Output::Count(c) => c.si(),
        }
    }

    /// The output per year under `schedule`.
    pub fn per_year(&self, schedule: &Schedule) -> AnnualOutput {
        match self {
            Output::Mass(m) => AnnualOutput::Mass(schedule.per_year(m)),
            Output::Volume(v) => AnnualOutput::Volume(schedule.per_year(v)),
            Output::Count(c) => AnnualOutput::Count(schedule.per_year(c).si()),
        }
    }
}

impl Production {
    pub(crate) fn validate(&self) -> Result<()> {
        if self.product.trim().is_empty() {
            return Err(Error::out_of_range(
                "production.product",
                &self.product,
                "must name what is produced, such as \"raw hide processed\"",
            ));
        }
        if self.output.si() < crate::units::SMALLEST_DIVISOR {
            return Err(Error::out_of_range(
                "production.output",
                &self.output,
                "must be more than zero (at least 1e-100 per second)",
            ));
        }
        Ok(())
    }
}

impl fmt::Display for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Output::Mass(m) => m.fmt(f),
            Output::Volume(v) => v.fmt(f),
            Output::Count(c) => c.fmt(f),
        }
    }
}

crate::wire::string_serde!(
    Output,
    "Output",
    "Output rate with its unit: a mass rate (\"12 t/d\"), a volume rate (\"40 m3/d\") or a count per time (\"52000 /yr\"). Per day means per operating day.",
    "12 t/d"
);
