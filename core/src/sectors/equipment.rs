//! Equipment the service-building templates describe the same way (hotel, hospital): one type
//! each, with its checks, so that every template reads and refuses it alike.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use super::fields::Fields;
use crate::error::Result;
use crate::units::Measured;

/// The most a light fixture may draw before the unit is taken for a mistake (lamps for rooms,
/// wards and corridors draw about 5 to 100 W; a judgement of this model against unit slips,
/// not a published figure).
const MAX_FIXTURE_POWER_W: f64 = 2_000.0;

/// Lighting: fixtures of one typical power, lit some hours a day (the
/// [`crate::utilities::electric::lighting`] calculator).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lighting {
    /// Fixtures (lamps with their ballast or driver).
    pub fixtures: f64,
    /// Power of each fixture, with its ballast (`"40 W"`).
    pub power: Measured<q::Power>,
    /// Hours a day the lighting is needed (`"10 h"`), per operating day.
    pub hours: Measured<q::Time>,
    /// Share of those hours the lamps are on (`"100 %"` without controls; key cards and
    /// occupancy sensors lower it); 100 % when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control: Option<Measured<q::Ratio>>,
}

impl Lighting {
    /// The share of the hours the lamps are on.
    pub fn control(&self) -> f64 {
        self.control.as_ref().map_or(1.0, |c| c.si())
    }

    /// Checks the figures, errors at `<template>.lighting.<field>`.
    pub(crate) fn validate(&self, fields: Fields) -> Result<()> {
        fields.positive("lighting.fixtures", self.fixtures, self.fixtures)?;
        fields.non_negative("lighting.power", self.power.si(), &self.power)?;
        if self.power.si() > MAX_FIXTURE_POWER_W {
            return Err(fields.refuse(
                "lighting.power",
                &self.power,
                "must be at most 2000 W per fixture (lamps draw about 5 to 100 W); check the unit",
            ));
        }
        if !(self.hours.si() > 0.0 && self.hours.si() <= 86_400.0) {
            return Err(fields.refuse(
                "lighting.hours",
                &self.hours,
                "must be more than 0 h and at most 24 h a day",
            ));
        }
        if let Some(c) = &self.control {
            fields.share("lighting.control", c)?;
        }
        Ok(())
    }
}
