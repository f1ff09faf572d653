//! Greenhouse-gas emissions of energy use: CO2 from burning fuels on site, with the IPCC 2006
//! default factors, and from purchased electricity, steam or heat, with the factors the
//! document gives.

use std::collections::BTreeMap;
use std::fmt;

use crate::error::{Error, Result};
use crate::flowsheet::Carrier;
use crate::units::{Dimension, UnitProblem, format_number, parse_unit, split_number};

/// Emission factors by carrier from the document's `[ghg]` section (`electricity = "0.42
/// kg/kWh"`); they replace the defaults of [`default_co2_factor`].
pub type Factors = BTreeMap<Carrier, EmissionFactor>;

/// Mass of CO2 per unit of energy (`"0.42 kg/kWh"`, `"56.1 t/TJ"`), on the net calorific
/// value basis for fuels.
///
/// ```
/// use cleanprod::ghg::EmissionFactor;
/// let grid: EmissionFactor = "0.423 kg/kWh".parse().unwrap();
/// assert!((grid.kg_per_joule() * 3.6e6 - 0.423).abs() < 1e-12);
/// assert_eq!(grid.to_string(), "0.423 kg/kWh");
/// // A mass per mass is not an emission factor of energy.
/// assert!("2.9 kg/kg".parse::<EmissionFactor>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EmissionFactor {
    text: String,
    kg_per_joule: f64,
    /// Kilograms of one mass unit and joules of one energy unit.
    kg: f64,
    joules: f64,
}

/// Largest factor accepted: 2 kg CO2/kWh, above any grid (lignite plants emit about 1.2) or
/// fuel (other bituminous coal 0.34 kg/kWh of fuel energy).
const MAX_KG_PER_KWH: f64 = 2.0;

impl EmissionFactor {
    fn parse(text: &str) -> std::result::Result<EmissionFactor, UnitProblem> {
        let (number, unit_text) = split_number(text)?;
        let wrong = |found: String| UnitProblem::NotAnEmissionFactor {
            unit: unit_text.to_string(),
            found,
        };
        let Some((num, den)) = unit_text.split_once('/') else {
            let unit = parse_unit(unit_text)?;
            return Err(wrong(Dimension::describe_dims(unit.dims)));
        };
        let mass = parse_unit(num)?;
        let energy = parse_unit(den)?;
        let kg = mass
            .to_si(1.0, Dimension::Mass)
            .map_err(|_| wrong(Dimension::describe_dims(mass.dims)))?;
        let joules = energy.to_si(1.0, Dimension::Energy).map_err(|_| {
            wrong(format!(
                "mass per {}",
                Dimension::describe_dims(energy.dims)
            ))
        })?;
        Ok(EmissionFactor {
            text: format!("{} {}/{}", format_number(number), mass.text, energy.text),
            kg_per_joule: number * kg / joules,
            kg,
            joules,
        })
    }

    /// [`EmissionFactor::kg_per_joule`] of `number` in this factor's units (what
    /// `"{number} kg/kWh"` holds, without reading the text).
    pub(crate) fn kg_per_joule_at(&self, number: f64) -> f64 {
        number * self.kg / self.joules
    }

    /// Kilograms of CO2 per joule.
    ///
    /// ```
    /// use cleanprod::ghg::EmissionFactor;
    /// let gas: EmissionFactor = "56.1 t/TJ".parse().unwrap();
    /// assert!((gas.kg_per_joule() - 56.1e3 / 1e12).abs() < 1e-20);
    /// ```
    pub fn kg_per_joule(&self) -> f64 {
        self.kg_per_joule
    }
}

impl std::str::FromStr for EmissionFactor {
    type Err = UnitProblem;

    /// Parse a mass per energy, such as `"0.42 kg/kWh"` or `"56.1 t/TJ"` (as in `[ghg]`).
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        EmissionFactor::parse(s)
    }
}

impl fmt::Display for EmissionFactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

crate::wire::string_serde!(
    EmissionFactor,
    "EmissionFactor",
    "Mass of CO2 per unit of energy: \"0.42 kg/kWh\" for grid electricity, \"56.1 t/TJ\" for a fuel (net calorific value basis).",
    "0.42 kg/kWh"
);

/// Default CO2 emitted per joule (net calorific value) of a fuel burnt on site, kg/J: IPCC
/// 2006 Guidelines for National Greenhouse Gas Inventories, Vol. 2, Ch. 2, Table 2.3
/// (stationary combustion in manufacturing industries and construction; the values of Ch. 1,
/// Table 1.4), kg CO2/TJ: natural gas 56 100, LPG 63 100, gas/diesel oil 74 100, residual
/// fuel oil 77 400, other bituminous coal 94 600.
///
/// Wood is biogenic: IPCC reports its CO2 (112 000 kg/TJ) as a memo item outside the energy
/// totals, so it counts zero here. Electricity, steam and heat have no default: their factor
/// depends on the grid or the supplier and must come from the document.
///
/// ```
/// use cleanprod::flowsheet::Carrier;
/// use cleanprod::ghg::default_co2_factor;
/// // Natural gas: 56 100 kg/TJ, i.e. 0.202 kg CO2 per kWh of gas burnt.
/// let gas = default_co2_factor(Carrier::NaturalGas).unwrap();
/// assert!((gas * 3.6e6 - 0.20196).abs() < 1e-9);
/// assert_eq!(default_co2_factor(Carrier::Biomass), Some(0.0));
/// assert_eq!(default_co2_factor(Carrier::Electricity), None);
/// ```
pub fn default_co2_factor(carrier: Carrier) -> Option<f64> {
    let kg_per_tj = match carrier {
        Carrier::NaturalGas => 56_100.0,
        Carrier::Lpg => 63_100.0,
        Carrier::Diesel => 74_100.0,
        Carrier::FuelOil => 77_400.0,
        Carrier::Coal => 94_600.0,
        Carrier::Biomass => 0.0,
        Carrier::Electricity | Carrier::Steam | Carrier::Heat => return None,
    };
    Some(kg_per_tj / 1e12)
}

/// The CO2 factor of `carrier`, kg/J: the document's, else the default (none for electricity,
/// steam or heat without a factor in the document).
///
/// ```
/// use cleanprod::flowsheet::Carrier;
/// use cleanprod::ghg::{co2_factor, Factors};
/// let mut factors = Factors::new();
/// assert_eq!(co2_factor(&factors, Carrier::Electricity), None);
/// factors.insert(Carrier::Electricity, "0.5 kg/kWh".parse().unwrap());
/// let grid = co2_factor(&factors, Carrier::Electricity).unwrap();
/// assert!((grid * 3.6e6 - 0.5).abs() < 1e-12);
/// // Fuels without a factor in the document keep the IPCC default.
/// assert!(co2_factor(&factors, Carrier::Diesel).is_some());
/// ```
pub fn co2_factor(factors: &Factors, carrier: Carrier) -> Option<f64> {
    factors
        .get(&carrier)
        .map(EmissionFactor::kg_per_joule)
        .or_else(|| default_co2_factor(carrier))
}

/// Check every factor of the `[ghg]` section is plausible.
pub(crate) fn validate(factors: &Factors) -> Result<()> {
    for (carrier, f) in factors {
        let per_kwh = f.kg_per_joule * 3.6e6;
        if !(0.0..=MAX_KG_PER_KWH).contains(&per_kwh) {
            return Err(Error::out_of_range(
                format!("ghg.{}", carrier.key()),
                f,
                format!("must be from 0 to {MAX_KG_PER_KWH} kg/kWh"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors_parse_in_any_mass_and_energy_unit() {
        let a = EmissionFactor::parse("0.5 kg/kWh").unwrap();
        let b = EmissionFactor::parse("0.5 t/MWh").unwrap();
        assert!((a.kg_per_joule() - 0.5 / 3.6e6).abs() < 1e-18);
        assert!((a.kg_per_joule() - b.kg_per_joule()).abs() < 1e-18);
        assert_eq!(a.to_string(), "0.5 kg/kWh");
        assert!(EmissionFactor::parse("0.5 kg").is_err());
        assert!(EmissionFactor::parse("0.5 kWh/kg").is_err());
    }

    #[test]
    fn natural_gas_default_is_ipcc() {
        // 56 100 kg/TJ = 0.20196 kg/kWh.
        let f = default_co2_factor(Carrier::NaturalGas).unwrap() * 3.6e6;
        assert!((f - 0.20196).abs() < 1e-9);
        assert_eq!(default_co2_factor(Carrier::Electricity), None);
    }
}
