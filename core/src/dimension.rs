//! Physical dimensions that may appear in a document, and their exponent vectors.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Exponents of the base dimensions mass, length, time, temperature and amount of substance.
///
/// Two unit expressions measure the same kind of thing when their exponent vectors are equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Dims {
    pub(crate) mass: i8,
    pub(crate) length: i8,
    pub(crate) time: i8,
    pub(crate) temperature: i8,
    pub(crate) amount: i8,
}

impl Dims {
    pub(crate) const NONE: Dims = Dims::new(0, 0, 0, 0, 0);
    pub(crate) const MASS: Dims = Dims::new(1, 0, 0, 0, 0);
    pub(crate) const LENGTH: Dims = Dims::new(0, 1, 0, 0, 0);
    pub(crate) const AREA: Dims = Dims::new(0, 2, 0, 0, 0);
    pub(crate) const VOLUME: Dims = Dims::new(0, 3, 0, 0, 0);
    pub(crate) const TIME: Dims = Dims::new(0, 0, 1, 0, 0);
    pub(crate) const TEMPERATURE: Dims = Dims::new(0, 0, 0, 1, 0);
    pub(crate) const AMOUNT: Dims = Dims::new(0, 0, 0, 0, 1);
    pub(crate) const ENERGY: Dims = Dims::new(1, 2, -2, 0, 0);
    pub(crate) const POWER: Dims = Dims::new(1, 2, -3, 0, 0);
    pub(crate) const PRESSURE: Dims = Dims::new(1, -1, -2, 0, 0);

    pub(crate) const fn new(mass: i8, length: i8, time: i8, temperature: i8, amount: i8) -> Dims {
        Dims {
            mass,
            length,
            time,
            temperature,
            amount,
        }
    }

    /// The dimension of `self · other`.
    pub(crate) const fn times(self, other: Dims) -> Dims {
        Dims::new(
            self.mass + other.mass,
            self.length + other.length,
            self.time + other.time,
            self.temperature + other.temperature,
            self.amount + other.amount,
        )
    }

    /// The dimension of `self / other`.
    pub(crate) const fn per(self, other: Dims) -> Dims {
        Dims::new(
            self.mass - other.mass,
            self.length - other.length,
            self.time - other.time,
            self.temperature - other.temperature,
            self.amount - other.amount,
        )
    }

    /// An SI expression of the dimension, such as `kg·m^-1·s^-2`, for messages about
    /// dimensions that have no name here.
    pub(crate) fn describe(self) -> String {
        let parts = [
            ("kg", self.mass),
            ("m", self.length),
            ("s", self.time),
            ("K", self.temperature),
            ("mol", self.amount),
        ];
        let text: Vec<String> = parts
            .iter()
            .filter(|(_, e)| *e != 0)
            .map(|(s, e)| {
                if *e == 1 {
                    (*s).to_string()
                } else {
                    format!("{s}^{e}")
                }
            })
            .collect();
        if text.is_empty() {
            "a plain number".to_string()
        } else {
            text.join("·")
        }
    }
}

/// A kind of physical quantity that a document field can hold.
///
/// Each has a name for messages, a snake-case key (used by the Python and JS functions that
/// take a dimension by name), a coherent SI unit in which values are printed when no other unit
/// is known, and an example of a valid value.
///
/// ```
/// use cleanprod::units::Dimension;
/// let d: Dimension = "volume_rate".parse().unwrap();
/// assert_eq!(d, Dimension::VolumeRate);
/// assert_eq!(d.example(), "12 m3/d");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Dimension {
    /// Mass (`kg`, `t`, `lb`, `short ton`).
    Mass,
    /// Volume (`m3`, `L`, `gal`).
    Volume,
    /// Length (`m`, `mm`, `in`, `ft`).
    Length,
    /// Area (`m2`, `ha`, `ft2`).
    Area,
    /// Duration (`s`, `min`, `h`, `d`, `yr`).
    Time,
    /// A count per unit of time (`/yr`, `/d`): guest-nights per year, batches per day.
    Frequency,
    /// Mass per unit of time (`kg/h`, `t/d`, `t/yr`).
    MassRate,
    /// Volume per unit of time (`m3/d`, `L/min`, `gpm`).
    VolumeRate,
    /// Energy (`kWh`, `MJ`, `GJ`, `BTU`, `therm`, `MMBtu`).
    Energy,
    /// Power (`kW`, `hp`, `BTU/h`).
    Power,
    /// Absolute pressure; gauge units (`psig`, `bar(g)`) are converted with the standard
    /// atmosphere.
    Pressure,
    /// Thermodynamic temperature (`°C`, `°F`, `K`).
    Temperature,
    /// A temperature difference (`K`, `°C`, `°F` read as differences).
    TemperatureInterval,
    /// Mass per volume of a solution (`mg/L`, `g/L`, `ppm` in water).
    MassConcentration,
    /// Volume per mass of product (`m3/t`, `L/kg`).
    SpecificVolume,
    /// Energy per mass of product (`kWh/t`, `GJ/t`).
    SpecificEnergy,
    /// A dimensionless ratio (`45 %`, `0.45`, `ppm`).
    Ratio,
    /// An amount of gas given as a volume at standard conditions (`Nm3`, `Sm3`, `scf`).
    GasAmount,
    /// A flow of gas at standard conditions (`Nm3/h`, `scfm`).
    GasFlow,
    /// Power per unit of length, such as the heat lost by a metre of pipe (`W/m`).
    PowerPerLength,
    /// Thermal conductivity of a material (`W/(m·K)`, `BTU·in/(h·ft2·°F)`).
    ThermalConductivity,
    /// Heat-transfer coefficient of a surface, or a U-value (`W/(m2·K)`,
    /// `BTU/(h·ft2·°F)`).
    HeatTransferCoefficient,
}

impl Dimension {
    /// Every dimension, in the order used to name an unrecognised exponent vector.
    pub const ALL: [Dimension; 22] = [
        Dimension::Mass,
        Dimension::Volume,
        Dimension::Length,
        Dimension::Area,
        Dimension::Time,
        Dimension::Frequency,
        Dimension::MassRate,
        Dimension::VolumeRate,
        Dimension::Energy,
        Dimension::Power,
        Dimension::Pressure,
        Dimension::Temperature,
        Dimension::TemperatureInterval,
        Dimension::MassConcentration,
        Dimension::SpecificVolume,
        Dimension::SpecificEnergy,
        Dimension::Ratio,
        Dimension::GasAmount,
        Dimension::GasFlow,
        Dimension::PowerPerLength,
        Dimension::ThermalConductivity,
        Dimension::HeatTransferCoefficient,
    ];

    /// Name for messages, e.g. `"volume rate"`.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Mass => "mass",
            Dimension::Volume => "volume",
            Dimension::Length => "length",
            Dimension::Area => "area",
            Dimension::Time => "time",
            Dimension::Frequency => "count per time",
            Dimension::MassRate => "mass rate",
            Dimension::VolumeRate => "volume rate",
            Dimension::Energy => "energy",
            Dimension::Power => "power",
            Dimension::Pressure => "pressure",
            Dimension::Temperature => "temperature",
            Dimension::TemperatureInterval => "temperature difference",
            Dimension::MassConcentration => "mass concentration",
            Dimension::SpecificVolume => "volume per mass",
            Dimension::SpecificEnergy => "energy per mass",
            Dimension::Ratio => "ratio",
            Dimension::GasAmount => "gas amount at standard conditions",
            Dimension::GasFlow => "gas flow at standard conditions",
            Dimension::PowerPerLength => "power per length",
            Dimension::ThermalConductivity => "thermal conductivity",
            Dimension::HeatTransferCoefficient => "heat-transfer coefficient",
        }
    }

    /// Snake-case key, e.g. `"volume_rate"`; the inverse of parsing with
    /// [`str::parse`] (`"volume_rate".parse::<Dimension>()`).
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Mass => "mass",
            Dimension::Volume => "volume",
            Dimension::Length => "length",
            Dimension::Area => "area",
            Dimension::Time => "time",
            Dimension::Frequency => "frequency",
            Dimension::MassRate => "mass_rate",
            Dimension::VolumeRate => "volume_rate",
            Dimension::Energy => "energy",
            Dimension::Power => "power",
            Dimension::Pressure => "pressure",
            Dimension::Temperature => "temperature",
            Dimension::TemperatureInterval => "temperature_interval",
            Dimension::MassConcentration => "mass_concentration",
            Dimension::SpecificVolume => "specific_volume",
            Dimension::SpecificEnergy => "specific_energy",
            Dimension::Ratio => "ratio",
            Dimension::GasAmount => "gas_amount",
            Dimension::GasFlow => "gas_flow",
            Dimension::PowerPerLength => "power_per_length",
            Dimension::ThermalConductivity => "thermal_conductivity",
            Dimension::HeatTransferCoefficient => "heat_transfer_coefficient",
        }
    }

    /// A valid value of this dimension, quoted in error messages and the JSON Schema.
    pub fn example(self) -> &'static str {
        match self {
            Dimension::Mass => "250 kg",
            Dimension::Volume => "35 m3",
            Dimension::Length => "12 mm",
            Dimension::Area => "150 m2",
            Dimension::Time => "16 h",
            Dimension::Frequency => "52000 /yr",
            Dimension::MassRate => "12 t/d",
            Dimension::VolumeRate => "12 m3/d",
            Dimension::Energy => "1500 kWh",
            Dimension::Power => "75 kW",
            Dimension::Pressure => "150 psig",
            Dimension::Temperature => "60 °C",
            Dimension::TemperatureInterval => "45 K",
            Dimension::MassConcentration => "350 mg/L",
            Dimension::SpecificVolume => "35 m3/t",
            Dimension::SpecificEnergy => "900 kWh/t",
            Dimension::Ratio => "45 %",
            Dimension::GasAmount => "1200 Nm3",
            Dimension::GasFlow => "25 scfm",
            Dimension::PowerPerLength => "150 W/m",
            Dimension::ThermalConductivity => "0.04 W/(m·K)",
            Dimension::HeatTransferCoefficient => "10 W/(m2·K)",
        }
    }

    /// The coherent SI unit in which values of this dimension are printed by default.
    pub fn si_unit(self) -> &'static str {
        match self {
            Dimension::Mass => "kg",
            Dimension::Volume => "m3",
            Dimension::Length => "m",
            Dimension::Area => "m2",
            Dimension::Time => "s",
            Dimension::Frequency => "/s",
            Dimension::MassRate => "kg/s",
            Dimension::VolumeRate => "m3/s",
            Dimension::Energy => "J",
            Dimension::Power => "W",
            Dimension::Pressure => "Pa",
            Dimension::Temperature | Dimension::TemperatureInterval => "K",
            Dimension::MassConcentration => "kg/m3",
            Dimension::SpecificVolume => "m3/kg",
            Dimension::SpecificEnergy => "J/kg",
            Dimension::Ratio => "",
            Dimension::GasAmount => "mol",
            Dimension::GasFlow => "mol/s",
            Dimension::PowerPerLength => "W/m",
            Dimension::ThermalConductivity => "W/(m·K)",
            Dimension::HeatTransferCoefficient => "W/(m2·K)",
        }
    }

    pub(crate) fn dims(self) -> Dims {
        match self {
            Dimension::Mass => Dims::MASS,
            Dimension::Volume => Dims::VOLUME,
            Dimension::Length => Dims::LENGTH,
            Dimension::Area => Dims::AREA,
            Dimension::Time => Dims::TIME,
            Dimension::Frequency => Dims::NONE.per(Dims::TIME),
            Dimension::MassRate => Dims::MASS.per(Dims::TIME),
            Dimension::VolumeRate => Dims::VOLUME.per(Dims::TIME),
            Dimension::Energy => Dims::ENERGY,
            Dimension::Power => Dims::POWER,
            Dimension::Pressure => Dims::PRESSURE,
            Dimension::Temperature | Dimension::TemperatureInterval => Dims::TEMPERATURE,
            Dimension::MassConcentration => Dims::MASS.per(Dims::VOLUME),
            Dimension::SpecificVolume => Dims::VOLUME.per(Dims::MASS),
            Dimension::SpecificEnergy => Dims::ENERGY.per(Dims::MASS),
            Dimension::Ratio => Dims::NONE,
            Dimension::GasAmount => Dims::AMOUNT,
            Dimension::GasFlow => Dims::AMOUNT.per(Dims::TIME),
            Dimension::PowerPerLength => Dims::POWER.per(Dims::LENGTH),
            Dimension::ThermalConductivity => {
                Dims::POWER.per(Dims::LENGTH.times(Dims::TEMPERATURE))
            }
            Dimension::HeatTransferCoefficient => {
                Dims::POWER.per(Dims::AREA.times(Dims::TEMPERATURE))
            }
        }
    }

    /// The named dimension of an exponent vector, if there is one (temperature before
    /// temperature difference).
    pub(crate) fn of_dims(dims: Dims) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.dims() == dims)
    }

    /// Words for an exponent vector in a message: its name, or its SI expression.
    pub(crate) fn describe_dims(dims: Dims) -> String {
        match Dimension::of_dims(dims) {
            Some(d) => d.name().to_string(),
            None => format!("a quantity in {}", dims.describe()),
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for d in Dimension::ALL {
            assert_eq!(
                Dimension::ALL.into_iter().find(|x| x.key() == d.key()),
                Some(d)
            );
        }
    }

    #[test]
    fn dims_are_distinct_except_temperature() {
        for (i, a) in Dimension::ALL.iter().enumerate() {
            for b in &Dimension::ALL[i + 1..] {
                let same = a.dims() == b.dims();
                let temps = matches!(
                    (a, b),
                    (Dimension::Temperature, Dimension::TemperatureInterval)
                );
                assert_eq!(same, temps, "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn describes_unnamed_dims() {
        let d = Dims::MASS.per(Dims::AREA);
        assert_eq!(Dimension::describe_dims(d), "a quantity in kg·m^-2");
    }
}
