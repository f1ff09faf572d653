//! Energy: what each unit operation consumes by carrier, what its conversion device makes
//! useful and loses, and the site's totals and specific indicators.
//!
//! Energy is accounted, not reconciled: consultants rarely have redundant energy meters, and a
//! measured energy input is reported with its uncertainty as given.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use crate::error::{Error, Result};
use crate::units::Schedule;
use crate::units::{
    Dimension, Measure, Measured, UnitProblem, format_number, parse_unit, split_number,
};

/// Energy carriers.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Carrier {
    /// Grid or on-site electricity.
    Electricity,
    /// Natural gas.
    NaturalGas,
    /// Liquefied petroleum gas.
    Lpg,
    /// Gas/diesel oil.
    Diesel,
    /// Residual fuel oil.
    FuelOil,
    /// Coal (other bituminous).
    Coal,
    /// Wood and wood waste.
    Biomass,
    /// Purchased steam.
    Steam,
    /// Purchased heat (district heating).
    Heat,
}

impl Carrier {
    /// Every carrier.
    pub const ALL: [Carrier; 9] = [
        Carrier::Electricity,
        Carrier::NaturalGas,
        Carrier::Lpg,
        Carrier::Diesel,
        Carrier::FuelOil,
        Carrier::Coal,
        Carrier::Biomass,
        Carrier::Steam,
        Carrier::Heat,
    ];

    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            Carrier::Electricity => "electricity",
            Carrier::NaturalGas => "natural_gas",
            Carrier::Lpg => "lpg",
            Carrier::Diesel => "diesel",
            Carrier::FuelOil => "fuel_oil",
            Carrier::Coal => "coal",
            Carrier::Biomass => "biomass",
            Carrier::Steam => "steam",
            Carrier::Heat => "heat",
        }
    }

    /// Default net calorific value per kilogram, J/kg: IPCC 2006 Guidelines for National
    /// Greenhouse Gas Inventories, Vol. 2, Ch. 1, Table 1.2 (TJ/Gg = MJ/kg): natural gas 48.0,
    /// LPG 47.3, gas/diesel oil 43.0, residual fuel oil 40.4, other bituminous coal 25.8,
    /// wood/wood waste 15.6.
    pub fn net_calorific_value_per_kg(self) -> Option<f64> {
        let mj_per_kg = match self {
            Carrier::NaturalGas => 48.0,
            Carrier::Lpg => 47.3,
            Carrier::Diesel => 43.0,
            Carrier::FuelOil => 40.4,
            Carrier::Coal => 25.8,
            Carrier::Biomass => 15.6,
            Carrier::Electricity | Carrier::Steam | Carrier::Heat => return None,
        };
        Some(mj_per_kg * 1e6)
    }

    /// Default net calorific value per mole of gas, J/mol: natural gas taken as methane,
    /// 802.3 kJ/mol (lower heating value: the enthalpy of combustion of methane, 890.6 kJ/mol,
    /// NIST Chemistry WebBook, less the condensation of two moles of water at 44.0 kJ/mol),
    /// i.e. 35.8 MJ/Nm3.
    pub fn net_calorific_value_per_mol(self) -> Option<f64> {
        (self == Carrier::NaturalGas).then_some(802.3e3)
    }
}

/// An energy input's amount: energy per time (`"1200 kWh/d"`), or a fuel amount per time
/// (`"900 Nm3/d"`, `"40 kg/h"`, `"150 L/d"`) converted with a heating value.
#[derive(Debug, Clone, PartialEq)]
pub enum EnergyAmount {
    /// Energy per time.
    Energy(Measured<q::Power>),
    /// Fuel mass per time.
    Mass(Measured<q::MassRate>),
    /// Fuel volume per time (liquids: needs a heating value per volume).
    Volume(Measured<q::VolumeRate>),
    /// Gas at standard conditions per time.
    Gas(Measured<q::CatalyticActivity>),
}

/// Energy per unit of fuel: per mass (`"43 MJ/kg"`), per volume (`"36 MJ/L"`) or per gas
/// amount at standard conditions (`"35.8 MJ/Nm3"`).
#[derive(Debug, Clone, PartialEq)]
pub struct HeatingValue {
    text: String,
    /// Joules per SI unit of the fuel amount (kg, m3 or mol).
    per_si: f64,
    per: Dimension,
}

/// A supply of energy to a unit operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnergyInput {
    /// Identifier for reports.
    pub id: String,
    /// The unit operation (a process node) that uses the energy.
    pub to: String,
    /// What is supplied.
    pub carrier: Carrier,
    /// How much, per time; `± x %` for a measured amount.
    pub amount: MeasuredEnergy,
    /// Net heating value of the fuel, when it differs from the default or has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heating_value: Option<HeatingValue>,
    /// Streams whose water this input heats: when an option changes their water, the input
    /// changes in proportion (less hot water, less fuel).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follows: Vec<String>,
}

/// An energy amount with an optional relative standard uncertainty (`"900 Nm3/d ± 5 %"`).
#[derive(Debug, Clone, PartialEq)]
pub struct MeasuredEnergy {
    /// The amount.
    pub amount: EnergyAmount,
    /// Relative standard uncertainty (a fraction), for a measured amount.
    pub relative_uncertainty: Option<f64>,
}

/// A unit operation that converts energy: a boiler, furnace or heater with an efficiency, or a
/// heat pump with a coefficient of performance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Device {
    /// Useful heat per unit of energy in (a fraction, at most 100 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efficiency: Option<Measured<q::Ratio>>,
    /// Useful heat per unit of electricity in (a heat pump's coefficient of performance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cop: Option<Measured<q::Ratio>>,
}

impl EnergyAmount {
    fn parse(text: &str) -> std::result::Result<EnergyAmount, UnitProblem> {
        let (_, unit_text) = split_number(text)?;
        let unit = parse_unit(unit_text)?;
        let is = |d: Dimension| unit.to_si(1.0, d).is_ok();
        Ok(if is(Dimension::Power) {
            EnergyAmount::Energy(Measured::parse(text)?)
        } else if is(Dimension::MassRate) {
            EnergyAmount::Mass(Measured::parse(text)?)
        } else if is(Dimension::VolumeRate) {
            EnergyAmount::Volume(Measured::parse(text)?)
        } else if is(Dimension::GasFlow) {
            EnergyAmount::Gas(Measured::parse(text)?)
        } else {
            return Err(UnitProblem::WrongDimension {
                unit: unit.text.clone(),
                found: Dimension::describe_dims(unit.dims),
                expected: Dimension::Power,
            });
        })
    }
}

impl fmt::Display for EnergyAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnergyAmount::Energy(m) => m.fmt(f),
            EnergyAmount::Mass(m) => m.fmt(f),
            EnergyAmount::Volume(m) => m.fmt(f),
            EnergyAmount::Gas(m) => m.fmt(f),
        }
    }
}

impl HeatingValue {
    fn parse(text: &str) -> std::result::Result<HeatingValue, UnitProblem> {
        let (number, unit_text) = split_number(text)?;
        let wrong = |found: String| UnitProblem::WrongDimension {
            unit: unit_text.to_string(),
            found,
            expected: Dimension::SpecificEnergy,
        };
        let (num, den) = unit_text
            .split_once('/')
            .ok_or_else(|| wrong("no fuel amount".to_string()))?;
        let energy = parse_unit(num)?;
        let fuel = parse_unit(den)?;
        energy
            .to_si(1.0, Dimension::Energy)
            .map_err(|_| wrong(Dimension::describe_dims(energy.dims)))?;
        let per = [Dimension::Mass, Dimension::Volume, Dimension::GasAmount]
            .into_iter()
            .find(|d| fuel.to_si(1.0, *d).is_ok())
            .ok_or_else(|| {
                wrong(format!(
                    "energy per {}",
                    Dimension::describe_dims(fuel.dims)
                ))
            })?;
        let per_si = number * energy.to_si(1.0, Dimension::Energy)? / fuel.to_si(1.0, per)?;
        Ok(HeatingValue {
            text: format!("{} {}/{}", format_number(number), energy.text, fuel.text),
            per_si,
            per,
        })
    }
}

impl MeasuredEnergy {
    /// Read `"900 Nm3/d"` or `"1200 kWh/d ± 5 %"`.
    pub(crate) fn parse(text: &str) -> std::result::Result<MeasuredEnergy, UnitProblem> {
        let t = text.trim();
        let (value, unc) = match t.split_once('±').or_else(|| t.split_once("+-")) {
            Some((v, u)) => (v.trim(), Some(u.trim())),
            None => (t, None),
        };
        let relative_uncertainty = match unc {
            None => None,
            Some(u) => {
                let (n, unit) = split_number(u)?;
                if unit != "%" {
                    return Err(UnitProblem::UnknownUnit {
                        unit: unit.to_string(),
                        hint: "; give the uncertainty of an energy input in %".to_string(),
                    });
                }
                Some(n / 100.0)
            }
        };
        Ok(MeasuredEnergy {
            amount: EnergyAmount::parse(value)?,
            relative_uncertainty,
        })
    }
}

impl fmt::Display for MeasuredEnergy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.relative_uncertainty {
            None => self.amount.fmt(f),
            Some(r) => write!(f, "{} ± {} %", self.amount, format_number(r * 100.0)),
        }
    }
}

crate::wire::string_serde!(
    MeasuredEnergy,
    "EnergyAmount",
    "Energy per time (\"1200 kWh/d\") or fuel per time (\"900 Nm3/d\", \"40 kg/h\", \"150 L/d\"), optionally with a relative standard uncertainty (\"± 5 %\").",
    "900 Nm3/d ± 5 %"
);
crate::wire::string_serde!(
    HeatingValue,
    "HeatingValue",
    "Net heating value of a fuel: energy per mass (\"43 MJ/kg\"), per volume (\"36 MJ/L\") or per gas amount at standard conditions (\"35.8 MJ/Nm3\").",
    "43 MJ/kg"
);

impl fmt::Display for HeatingValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl EnergyInput {
    /// Joules per SI unit of this input's fuel measured in `dimension` (kg, m3 or mol): its
    /// heating value when given in that dimension, else the carrier's default; 1 for energy
    /// itself; none when unknown.
    pub(crate) fn joules_per(&self, dimension: Dimension) -> Option<f64> {
        if dimension == Dimension::Energy {
            return Some(1.0);
        }
        match &self.heating_value {
            Some(h) if h.per == dimension => Some(h.per_si),
            _ => match dimension {
                Dimension::Mass => self.carrier.net_calorific_value_per_kg(),
                Dimension::GasAmount => self.carrier.net_calorific_value_per_mol(),
                _ => None,
            },
        }
    }

    /// Energy per year (J) under `schedule`, or why it cannot be known.
    pub(crate) fn joules_per_year(&self, schedule: &Schedule, path: &str) -> Result<f64> {
        let missing = |per: &str| {
            Error::out_of_range(
                format!("{path}.heating_value"),
                &self.amount,
                format!(
                    "is an amount of {} by {per}: give its heating_value, e.g. \"36 MJ/L\"",
                    self.carrier.key()
                ),
            )
        };
        let hv = |per: Dimension, default: Option<f64>, word: &str| -> Result<f64> {
            match &self.heating_value {
                Some(h) if h.per == per => Ok(h.per_si),
                Some(h) => Err(Error::out_of_range(
                    format!("{path}.heating_value"),
                    h,
                    format!("is per {}, but the amount is given by {word}", h.per.name()),
                )),
                None => default.ok_or_else(|| missing(word)),
            }
        };
        Ok(match &self.amount.amount {
            EnergyAmount::Energy(p) => schedule.per_year(p).si(),
            EnergyAmount::Mass(m) => {
                schedule.per_year(m).si()
                    * hv(
                        Dimension::Mass,
                        self.carrier.net_calorific_value_per_kg(),
                        "mass",
                    )?
            }
            EnergyAmount::Volume(v) => {
                schedule.per_year(v).si() * hv(Dimension::Volume, None, "volume")?
            }
            EnergyAmount::Gas(g) => {
                schedule.per_year(g).si()
                    * hv(
                        Dimension::GasAmount,
                        self.carrier.net_calorific_value_per_mol(),
                        "gas volume",
                    )?
            }
        })
    }
}

/// One unit operation's energy.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NodeEnergy {
    /// Node id.
    pub node: String,
    /// Energy in per carrier, kWh/yr.
    pub inputs: BTreeMap<String, f64>,
    /// Total energy in, kWh/yr.
    pub total: f64,
    /// Useful heat out of the node's device, kWh/yr (none without a device).
    pub useful: Option<f64>,
    /// Losses of the device, kWh/yr (none without a device; none for a heat pump, whose
    /// useful heat includes heat drawn from the environment).
    pub losses: Option<f64>,
    /// Sensible heat brought in by warm water streams, kWh/yr (none without temperatures).
    pub water_heat_in: Option<f64>,
    /// Sensible heat carried out by warm water streams, kWh/yr (none without temperatures).
    pub water_heat_out: Option<f64>,
}

/// The site's energy.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EnergyBalance {
    /// Unit of every amount: `"kWh/yr"`.
    pub unit: String,
    /// Per unit operation that uses energy.
    pub nodes: Vec<NodeEnergy>,
    /// Site total per carrier, kWh/yr.
    pub carriers: BTreeMap<String, f64>,
    /// Site total, kWh/yr.
    pub total: f64,
    /// Sensible heat leaving in wastewater above the reference temperature, kWh/yr: the heat a
    /// recovery option could reclaim (none without temperatures).
    pub heat_in_wastewater: Option<f64>,
    /// Energy per unit of the site's annual output, e.g. `"412.5 kWh/t"` (set by
    /// [`crate::Assessment::balance`], which knows the output).
    pub specific_energy: Option<String>,
}

const J_PER_KWH: f64 = 3.6e6;

/// Energy of `inputs` with `devices` under `schedule`.
/// Sensible heat of water, J per kg and kelvin: 4.186 kJ/(kg·K), within 0.5 % of the
/// IAPWS-95 isobaric heat capacity of liquid water from 10 to 90 °C (4.19 at 10 °C, 4.18 at
/// 40 °C, 4.20 at 90 °C).
pub const WATER_SPECIFIC_HEAT: f64 = 4_186.0;

/// Heat carried by water streams, kWh/yr, into and out of each node.
#[derive(Debug, Default)]
pub(crate) struct WaterHeat {
    pub(crate) into: BTreeMap<String, f64>,
    pub(crate) out_of: BTreeMap<String, f64>,
    pub(crate) to_wastewater: f64,
}

pub(crate) fn energy_balance(
    inputs: &[EnergyInput],
    devices: &BTreeMap<String, Device>,
    schedule: &Schedule,
    heat: Option<&WaterHeat>,
) -> Result<EnergyBalance> {
    let mut per_node: BTreeMap<&str, BTreeMap<String, f64>> = BTreeMap::new();
    if let Some(h) = heat {
        for node in h.into.keys().chain(h.out_of.keys()) {
            per_node.entry(node.as_str()).or_default();
        }
    }
    let mut carriers: BTreeMap<String, f64> = BTreeMap::new();
    for (i, e) in inputs.iter().enumerate() {
        let kwh = e.joules_per_year(schedule, &format!("flowsheet.energy[{i}]"))? / J_PER_KWH;
        *per_node
            .entry(e.to.as_str())
            .or_default()
            .entry(e.carrier.key().to_string())
            .or_insert(0.0) += kwh;
        *carriers.entry(e.carrier.key().to_string()).or_insert(0.0) += kwh;
    }
    let nodes = per_node
        .into_iter()
        .map(|(node, inputs)| {
            let total: f64 = inputs.values().sum();
            let device = devices.get(node);
            let (useful, losses) = match device {
                Some(Device { cop: Some(cop), .. }) => {
                    let electricity = inputs.get("electricity").copied().unwrap_or(0.0);
                    (Some(electricity * cop.si()), None)
                }
                Some(Device {
                    efficiency: Some(eta),
                    ..
                }) => (Some(total * eta.si()), Some(total * (1.0 - eta.si()))),
                _ => (None, None),
            };
            NodeEnergy {
                node: node.to_string(),
                inputs,
                total,
                useful,
                losses,
                water_heat_in: heat.map(|h| h.into.get(node).copied().unwrap_or(0.0)),
                water_heat_out: heat.map(|h| h.out_of.get(node).copied().unwrap_or(0.0)),
            }
        })
        .collect();
    let total = carriers.values().sum();
    Ok(EnergyBalance {
        unit: "kWh/yr".to_string(),
        nodes,
        carriers,
        total,
        heat_in_wastewater: heat.map(|h| h.to_wastewater),
        specific_energy: None,
    })
}

/// Check devices: efficiencies in (0, 100 %], COP positive, one of the two.
pub(crate) fn validate_devices(devices: &BTreeMap<String, Device>) -> Result<()> {
    for (node, d) in devices {
        let path = format!("flowsheet.devices.{node}");
        match (&d.efficiency, &d.cop) {
            (Some(eta), None) if eta.si() > 0.0 && eta.si() <= 1.0 => {}
            (Some(eta), None) => {
                return Err(Error::out_of_range(
                    format!("{path}.efficiency"),
                    eta,
                    "must be more than 0 and at most 100 %",
                ));
            }
            (None, Some(cop)) if cop.si() > 0.0 && cop.si() <= 20.0 => {}
            (None, Some(cop)) => {
                return Err(Error::out_of_range(
                    format!("{path}.cop"),
                    cop,
                    "must be more than 0 and at most 20",
                ));
            }
            _ => {
                return Err(Error::out_of_range(
                    path,
                    node,
                    "needs either an efficiency or a cop",
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(carrier: Carrier, amount: &str, hv: Option<&str>) -> EnergyInput {
        EnergyInput {
            id: "e".into(),
            to: "boiler".into(),
            carrier,
            amount: MeasuredEnergy::parse(amount).unwrap(),
            heating_value: hv.map(|h| HeatingValue::parse(h).unwrap()),
            follows: Vec::new(),
        }
    }

    #[test]
    fn conversions() {
        let s = Schedule::new(100, "24 h".parse().unwrap());
        // 1000 kWh/d for 100 days
        let e = input(Carrier::Electricity, "1000 kWh/d", None);
        assert!((e.joules_per_year(&s, "x").unwrap() / J_PER_KWH - 100_000.0).abs() < 1e-6);
        // natural gas: 100 Nm3/d × 44.615 mol/Nm3 × 0.8023 MJ/mol = 3579 MJ/d
        let g = input(Carrier::NaturalGas, "100 Nm3/d ± 5 %", None);
        let per_day = g.joules_per_year(&s, "x").unwrap() / 100.0 / 1e6;
        assert!((per_day - 100.0 * 44.615 * 0.8023).abs() < 0.5, "{per_day}");
        // diesel by mass uses IPCC's 43.0 MJ/kg; by volume it needs a heating value
        let d = input(Carrier::Diesel, "10 kg/d", None);
        assert!((d.joules_per_year(&s, "x").unwrap() - 10.0 * 43.0e6 * 100.0).abs() < 1.0);
        let v = input(Carrier::Diesel, "10 L/d", None);
        assert_eq!(
            v.joules_per_year(&s, "x").unwrap_err().code(),
            "out_of_range"
        );
        let v = input(Carrier::Diesel, "10 L/d", Some("36 MJ/L"));
        assert!((v.joules_per_year(&s, "x").unwrap() - 10.0 * 36.0e6 * 100.0).abs() < 1.0);
        let wrong = input(Carrier::Diesel, "10 L/d", Some("43 MJ/kg"));
        assert!(wrong.joules_per_year(&s, "x").is_err());
        assert!(MeasuredEnergy::parse("10 kg").is_err());
        assert!(MeasuredEnergy::parse("10 kWh/d ± 2 kWh/d").is_err());
    }
}
