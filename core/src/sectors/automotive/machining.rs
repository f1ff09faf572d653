//! The machining shop's figures over a year: metalworking fluid made up for the sump changes,
//! the fluid carried out on the chips and the water evaporated; the concentrate bought.
//!
//! Make-up water = changes × sump × (1 − c) + carry-out × (1 − c) + evaporation;
//! concentrate = changes × sump × c + carry-out × c, with `c` the concentrate share and the
//! fluid's density taken as water's (1 kg/L).

use super::plating::yearly;
use super::template::Machining;
use crate::flowsheet::WATER_DENSITY;
use crate::units::Schedule;

/// The machining shop over a year (masses in kg/yr).
#[derive(Debug, Clone, PartialEq)]
pub struct MachiningFigures {
    /// Spent fluid dumped, kg/yr.
    pub spent: f64,
    /// Fluid carried out on the chips, kg/yr.
    pub carried: f64,
    /// Water evaporated, kg/yr.
    pub evaporated: f64,
    /// Concentrate share of the fluid.
    pub concentration: f64,
    /// Chips, kg/yr.
    pub chips: f64,
    /// Compressed-air electricity, kWh/yr.
    pub air_kwh: f64,
}

impl MachiningFigures {
    /// Make-up water, kg/yr.
    pub fn water(&self) -> f64 {
        (self.spent + self.carried) * (1.0 - self.concentration) + self.evaporated
    }

    /// Concentrate bought, kg/yr.
    pub fn concentrate(&self) -> f64 {
        (self.spent + self.carried) * self.concentration
    }
}

/// The machining shop's figures.
pub fn figures(s: &Schedule, m: &Machining) -> MachiningFigures {
    let chips = m.chips.as_ref().map_or(0.0, |c| yearly(s, c));
    MachiningFigures {
        spent: yearly(s, &m.changes) * m.sump.si() * WATER_DENSITY,
        carried: chips * m.carry_out.as_ref().map_or(0.0, |k| k.si()),
        evaporated: m
            .evaporation
            .as_ref()
            .map_or(0.0, |e| yearly(s, e) * WATER_DENSITY),
        concentration: m.concentration.si(),
        chips,
        air_kwh: m
            .compressed_air
            .as_ref()
            .map_or(0.0, |e| yearly(s, e) / 3.6e6),
    }
}
