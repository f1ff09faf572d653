//! [`Measured`]: a uom quantity together with the unit it was written in.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use schemars::{JsonSchema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uom::si::f64 as q;

use super::number::format_number;
use super::parse::{UnitExpr, UnitProblem, parse_unit, split_number};
use super::table::TimeBasis;
use crate::dimension::Dimension;

/// A uom quantity type that can cross the document boundary as a string with a unit.
///
/// Implemented for the `uom::si::f64` types of every [`Dimension`].
pub trait Measure: Copy + fmt::Debug + PartialEq + PartialOrd + 'static {
    /// The dimension this type holds.
    const DIMENSION: Dimension;
    /// The quantity whose coherent SI value is `value`.
    fn from_si(value: f64) -> Self;
    /// The coherent SI value (kelvin for temperatures, a fraction for ratios).
    fn si(self) -> f64;
}

macro_rules! measure {
    ($($ty:ident => $dim:ident, $unit:path;)*) => {$(
        impl Measure for q::$ty {
            const DIMENSION: Dimension = Dimension::$dim;
            fn from_si(value: f64) -> Self {
                q::$ty::new::<$unit>(value)
            }
            fn si(self) -> f64 {
                self.value
            }
        }
    )*};
}

measure! {
    Mass => Mass, uom::si::mass::kilogram;
    Volume => Volume, uom::si::volume::cubic_meter;
    Length => Length, uom::si::length::meter;
    Area => Area, uom::si::area::square_meter;
    Time => Time, uom::si::time::second;
    Frequency => Frequency, uom::si::frequency::hertz;
    MassRate => MassRate, uom::si::mass_rate::kilogram_per_second;
    VolumeRate => VolumeRate, uom::si::volume_rate::cubic_meter_per_second;
    Energy => Energy, uom::si::energy::joule;
    Power => Power, uom::si::power::watt;
    Pressure => Pressure, uom::si::pressure::pascal;
    ThermodynamicTemperature => Temperature, uom::si::thermodynamic_temperature::kelvin;
    TemperatureInterval => TemperatureInterval, uom::si::temperature_interval::kelvin;
    MassConcentration => MassConcentration, uom::si::mass_concentration::kilogram_per_cubic_meter;
    SpecificVolume => SpecificVolume, uom::si::specific_volume::cubic_meter_per_kilogram;
    AvailableEnergy => SpecificEnergy, uom::si::available_energy::joule_per_kilogram;
    Ratio => Ratio, uom::si::ratio::ratio;
    AmountOfSubstance => GasAmount, uom::si::amount_of_substance::mole;
    CatalyticActivity => GasFlow, uom::si::catalytic_activity::mole_per_second;
    LinearPowerDensity => PowerPerLength, uom::si::linear_power_density::watt_per_meter;
    ThermalConductivity => ThermalConductivity, uom::si::thermal_conductivity::watt_per_meter_kelvin;
    HeatTransfer => HeatTransferCoefficient, uom::si::heat_transfer::watt_per_square_meter_kelvin;
}

/// A physical value read from a document: the uom quantity, and the number and unit it was
/// written with, so that it prints back as written.
///
/// Equality compares the quantities, not the spelling: `"1 t"` equals `"1000 kg"`.
///
/// ```
/// use cleanprod::units::Measured;
/// use uom::si::f64::VolumeRate;
/// use uom::si::volume_rate::cubic_meter_per_second;
///
/// let q: Measured<VolumeRate> = "12 m3/d".parse().unwrap();
/// assert!((q.value().get::<cubic_meter_per_second>() - 12.0 / 86_400.0).abs() < 1e-15);
/// assert_eq!(q.to_string(), "12 m3/d");
/// assert!((q.number_in("L/min").unwrap() - 12_000.0 / 1440.0).abs() < 1e-12);
/// assert!("12 kWh".parse::<Measured<VolumeRate>>().is_err());
/// ```
#[derive(Clone, Debug)]
pub struct Measured<M: Measure> {
    value: M,
    number: f64,
    unit: UnitExpr,
}

impl<M: Measure> Measured<M> {
    /// A value written in the coherent SI unit of its dimension.
    pub fn new(value: M) -> Self {
        let si = value.si();
        let unit = parse_unit(M::DIMENSION.si_unit()).unwrap_or_else(|_| plain_si_unit::<M>());
        let number = unit.number_of(si, M::DIMENSION);
        Measured {
            value,
            number,
            unit,
        }
    }

    /// Parse `"number unit"` for this dimension.
    pub fn parse(text: &str) -> Result<Self, UnitProblem> {
        let (number, unit_text) = split_number(text)?;
        Measured::of(number, parse_unit(unit_text)?)
    }

    /// `number` in `unit`, already read: what [`Measured::parse`] of `"{number} unit"` gives.
    pub(crate) fn of(number: f64, unit: UnitExpr) -> Result<Self, UnitProblem> {
        let si = unit.to_si(number, M::DIMENSION)?;
        Ok(Measured {
            value: M::from_si(si),
            number,
            unit,
        })
    }

    /// The coherent SI value of `number` in this value's unit (what [`Measured::parse`] of
    /// `"{number} unit"` holds, without reading the text).
    pub(crate) fn si_at(&self, number: f64) -> Result<f64, UnitProblem> {
        self.unit.to_si(number, M::DIMENSION)
    }

    /// The quantity.
    pub fn value(&self) -> M {
        self.value
    }

    /// The coherent SI value.
    pub fn si(&self) -> f64 {
        self.value.si()
    }

    /// The number as written.
    pub fn number(&self) -> f64 {
        self.number
    }

    /// The unit as written, in canonical spelling (`L/min` for `l/min`).
    pub fn unit(&self) -> &str {
        &self.unit.text
    }

    /// For a rate, how its time unit is annualized (per operating hour, operating day or
    /// calendar year).
    pub fn time_basis(&self) -> Option<TimeBasis> {
        self.unit.basis
    }

    /// The value expressed in another unit of the same dimension.
    pub fn number_in(&self, unit: &str) -> Result<f64, UnitProblem> {
        let target = parse_unit(unit)?;
        // Check the dimension by converting a unit amount first.
        target.to_si(1.0, M::DIMENSION)?;
        Ok(target.number_of(self.si(), M::DIMENSION))
    }

    /// The same quantity written in another unit of its dimension.
    pub fn with_unit(&self, unit: &str) -> Result<Self, UnitProblem> {
        let target = parse_unit(unit)?;
        target.to_si(1.0, M::DIMENSION)?;
        Ok(Measured {
            value: self.value,
            number: target.number_of(self.si(), M::DIMENSION),
            unit: target,
        })
    }
}

/// The unit of a plain SI value when its symbol is not in the table (never for the
/// dimensions here; kept so that construction cannot fail).
fn plain_si_unit<M: Measure>() -> UnitExpr {
    UnitExpr {
        text: M::DIMENSION.si_unit().to_string(),
        dims: M::DIMENSION.dims(),
        factor: 1.0,
        kind: super::table::AtomKind::Linear,
        basis: None,
    }
}

impl<M: Measure> PartialEq for Measured<M> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<M: Measure> std::str::FromStr for Measured<M> {
    type Err = UnitProblem;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Measured::parse(s)
    }
}

impl<M: Measure> fmt::Display for Measured<M> {
    /// Canonical form: the shortest number that reads back to the same value, a space, the
    /// unit (no space for a plain ratio).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = format_number(self.number);
        if self.unit.text.is_empty() {
            f.write_str(&number)
        } else {
            write!(f, "{number} {}", self.unit.text)
        }
    }
}

impl<M: Measure> Serialize for Measured<M> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de, M: Measure> Deserialize<'de> for Measured<M> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(MeasuredVisitor(PhantomData))
    }
}

struct MeasuredVisitor<M>(PhantomData<M>);

impl<M: Measure> serde::de::Visitor<'_> for MeasuredVisitor<M> {
    type Value = Measured<M>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a {} with its unit as a string, such as \"{}\"",
            M::DIMENSION.name(),
            M::DIMENSION.example()
        )
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Measured::parse(v).map_err(|p| crate::wire::de_error(crate::Error::unit("", v, p)))
    }
}

/// The name of the JSON Schema definition of a value of `dimension`: its key in upper camel
/// case (`VolumeRate`).
pub(crate) fn schema_name(dimension: Dimension) -> String {
    let key = dimension.key();
    let mut name = String::with_capacity(key.len());
    for word in key.split('_') {
        let mut chars = word.chars();
        if let Some(c) = chars.next() {
            name.extend(c.to_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name
}

impl<M: Measure> JsonSchema for Measured<M> {
    fn schema_name() -> Cow<'static, str> {
        schema_name(M::DIMENSION).into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> schemars::Schema {
        let d = M::DIMENSION;
        json_schema!({
            "type": "string",
            "description": format!("A {} with its unit, e.g. \"{}\".", d.name(), d.example()),
            "examples": [d.example()],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    fn si<M: Measure>(text: &str) -> f64 {
        Measured::<M>::parse(text).unwrap().si()
    }

    #[test]
    fn conversions() {
        assert_relative_eq!(
            si::<q::VolumeRate>("1 gpm"),
            6.309_019_64e-5,
            max_relative = 1e-9
        );
        assert_relative_eq!(
            si::<q::Pressure>("150 psig"),
            1_135_538.6,
            max_relative = 1e-7
        );
        assert_relative_eq!(si::<q::Pressure>("0 bar(g)"), 101_325.0);
        assert_relative_eq!(
            si::<q::ThermodynamicTemperature>("212 °F"),
            373.15,
            max_relative = 1e-12
        );
        assert_relative_eq!(
            si::<q::ThermodynamicTemperature>("-40 degF"),
            si::<q::ThermodynamicTemperature>("-40 °C"),
            max_relative = 1e-12
        );
        assert_relative_eq!(
            si::<q::TemperatureInterval>("18 °F"),
            10.0,
            max_relative = 1e-12
        );
        assert_relative_eq!(
            si::<q::MassConcentration>("350 ppm"),
            0.35,
            max_relative = 1e-12
        );
        assert_relative_eq!(
            si::<q::MassConcentration>("350 mg/L"),
            0.35,
            max_relative = 1e-12
        );
        assert_relative_eq!(si::<q::Ratio>("45 %"), 0.45);
        assert_relative_eq!(si::<q::Ratio>("0.45"), 0.45);
        assert_relative_eq!(
            si::<q::Energy>("1 therm"),
            105_505_585.262,
            max_relative = 1e-12
        );
        assert_relative_eq!(si::<q::AvailableEnergy>("1 kWh/t"), 3_600.0);
        assert_relative_eq!(
            si::<q::Mass>("1 short ton"),
            907.184_74,
            max_relative = 1e-12
        );
        assert_relative_eq!(
            si::<q::Frequency>("365 /yr"),
            1.0 / 86_400.0,
            max_relative = 1e-12
        );
    }

    #[test]
    fn wrong_dimension_names_both() {
        let e = Measured::<q::VolumeRate>::parse("12 kWh").unwrap_err();
        assert_eq!(e.code(), "unit_dimension");
        let msg = e.to_string();
        assert!(
            msg.contains("energy") && msg.contains("volume rate") && msg.contains("m3/d"),
            "{msg}"
        );
        let e = Measured::<q::Mass>::parse("12").unwrap_err();
        assert_eq!(e.code(), "unit_missing");
    }

    #[test]
    fn prints_as_written() {
        let m: Measured<q::Pressure> = "150 psig".parse().unwrap();
        assert_eq!(m.to_string(), "150 psig");
        let t = Measured::new(q::Mass::from_si(2.5e-7));
        assert_eq!(t.to_string(), "2.5e-7 kg");
        assert_eq!(
            Measured::<q::Ratio>::parse("0.25").unwrap().to_string(),
            "0.25"
        );
        let r = m.with_unit("kPa").unwrap();
        assert_relative_eq!(r.number(), 1_135.538_6, max_relative = 1e-7);
        assert!(m.with_unit("kg").is_err());
    }
}
