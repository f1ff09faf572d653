//! Engineering calculators shared by every sector: hot water, steam, compressed air, cooling
//! water, electric end uses and water fixtures.
//!
//! Each calculator is a plain function typed with [`uom`] quantities that returns a result
//! struct with the answer and the intermediate figures a consultant would check. Every default
//! figure is a named constant in [`sources`] with the document it comes from. Inputs outside
//! an equation's validity are refused with [`Error::OutOfRange`],
//! whose path names the argument.
//!
//! Each calculator also has a boundary form for Python, JS and the command line: an input
//! struct whose physical fields are strings with units, run by name through [`calculate`]
//! over the one registry [`CALCULATORS`].
//!
//! ```
//! use cleanprod::utilities::calculate;
//! let out = calculate(
//!     "steam_leak",
//!     serde_json::json!({"pressure": "150 psig", "diameter": "0.125 in"}),
//! )
//! .unwrap();
//! assert!(out["mass_rate"].as_str().unwrap().ends_with(" kg/h"));
//! ```

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};
use serde_json::Value;
use uom::si::f64 as q;

use crate::error::{Error, Result};
use crate::units::{Dimension, Measure, Measured};

pub mod compressed_air;
pub mod cooling_water;
pub mod electric;
pub mod fixtures;
pub mod fuel;
pub mod hot_water;
#[cfg(feature = "schema")]
mod schema;
pub mod sources;
pub mod steam;

#[cfg(feature = "schema")]
pub use schema::{Field, FieldKind, Quantity, quantities, result_in_si, schema};

/// A calculator's boundary form: an input read from strings with units, and its computation.
pub trait Boundary: DeserializeOwned + JsonSchema {
    /// The typed result, serialized with quantities as strings with units.
    type Output: Serialize + JsonSchema;
    /// Check the input and compute.
    fn compute(self) -> Result<Self::Output>;
}

/// One entry of the registry: a calculator reachable by name.
#[derive(Clone, Copy)]
pub struct Calculator {
    /// Snake-case name, e.g. `"steam_leak"`.
    pub name: &'static str,
    /// What it computes, in one line.
    pub summary: &'static str,
    run: fn(Value) -> Result<Value>,
    #[cfg(feature = "schema")]
    schema: fn() -> Value,
    #[cfg(feature = "schema")]
    result_schema: fn() -> Value,
    #[cfg(feature = "schema")]
    subschemas: fn(&mut schemars::SchemaGenerator) -> (schemars::Schema, schemars::Schema),
}

impl std::fmt::Debug for Calculator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Calculator")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Calculator {
    /// The registry entry of the boundary form `I`.
    pub const fn of<I: Boundary>(name: &'static str, summary: &'static str) -> Calculator {
        Calculator {
            name,
            summary,
            run: run_boundary::<I>,
            #[cfg(feature = "schema")]
            schema: schema::schema_of::<I>,
            #[cfg(feature = "schema")]
            result_schema: schema::schema_of::<I::Output>,
            #[cfg(feature = "schema")]
            subschemas: schema::subschemas_of::<I>,
        }
    }

    /// Run on a JSON input (an object of strings with units).
    pub fn run(&self, input: Value) -> Result<Value> {
        (self.run)(input)
    }
}

/// Every calculator, by name. Adding a calculator is one function, its boundary input and
/// one line here.
pub static CALCULATORS: &[Calculator] = &[
    Calculator::of::<steam::SaturatedSteamInput>(
        "saturated_steam",
        "saturated water and steam properties from IAPWS-IF97",
    ),
    Calculator::of::<steam::SteamLeakInput>(
        "steam_leak",
        "steam lost through a hole (Napier's equation, choked flow)",
    ),
    Calculator::of::<steam::SteamTrapInput>(
        "steam_trap",
        "steam lost through failed-open steam traps",
    ),
    Calculator::of::<steam::FlashSteamInput>(
        "flash_steam",
        "flash steam from condensate let down to a lower pressure",
    ),
    Calculator::of::<steam::BlowdownInput>(
        "blowdown",
        "boiler blowdown from feedwater and boiler TDS, and the heat a flash tank and heat exchanger recover",
    ),
    Calculator::of::<steam::CondensateReturnInput>(
        "condensate_return",
        "water, treatment chemicals and fuel saved by returning condensate",
    ),
    Calculator::of::<steam::PipeInsulationInput>(
        "pipe_insulation",
        "heat lost by a bare and an insulated pipe",
    ),
    Calculator::of::<steam::CombustionEfficiencyInput>(
        "combustion_efficiency",
        "combustion efficiency from flue-gas O2 and temperature (Siegert)",
    ),
    Calculator::of::<compressed_air::AirLeakInput>(
        "air_leak",
        "compressed air lost through a hole (choked flow) and its cost in electricity",
    ),
    Calculator::of::<compressed_air::AirLeakTestInput>(
        "air_leak_test",
        "leakage from a compressor load/unload test",
    ),
    Calculator::of::<compressed_air::AirPressureReductionInput>(
        "air_pressure_reduction",
        "compressor power saved by a lower discharge pressure",
    ),
    Calculator::of::<cooling_water::CoolingTowerInput>(
        "cooling_tower",
        "cooling-tower evaporation, blowdown and make-up, and the savings of more cycles",
    ),
    Calculator::of::<electric::LightingInput>("lighting", "lighting retrofit savings"),
    Calculator::of::<electric::MotorInput>("motor", "motor efficiency upgrade savings"),
    Calculator::of::<electric::PumpVsdInput>(
        "pump_vsd",
        "pump or fan speed control instead of throttling (affinity laws)",
    ),
    Calculator::of::<fixtures::FixtureInput>(
        "fixture",
        "water and hot-water energy of showers, taps, WCs, urinals, spray valves and dishwashers",
    ),
    Calculator::of::<hot_water::HotWaterInput>(
        "hot_water",
        "heat and fuel or electricity to warm water, with standby losses",
    ),
];

/// The calculator called `name`.
pub fn calculator(name: &str) -> Result<&'static Calculator> {
    CALCULATORS
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| Error::UnknownVariant {
            path: "calculator".to_string(),
            value: name.to_string(),
            expected: names().join(", "),
        })
}

/// The names of every calculator, in registry order.
pub fn names() -> Vec<&'static str> {
    CALCULATORS.iter().map(|c| c.name).collect()
}

/// Run the calculator `name` on `input`, a JSON object whose physical values are strings with
/// units; the result has its quantities as strings with units too.
///
/// ```
/// let out = cleanprod::utilities::calculate(
///     "cooling_tower",
///     serde_json::json!({"circulation": "1000 gpm", "range": "10 °F", "cycles": "4"}),
/// )
/// .unwrap();
/// assert_eq!(out["evaporation"], "8.5 gpm");
/// let err = cleanprod::utilities::calculate(
///     "cooling_tower",
///     serde_json::json!({"circulation": "1000 gpm", "range": "10 °F", "cycles": "1"}),
/// )
/// .unwrap_err();
/// assert_eq!(err.path(), "cycles");
/// ```
pub fn calculate(name: &str, input: Value) -> Result<Value> {
    calculator(name)?.run(input)
}

fn run_boundary<I: Boundary>(input: Value) -> Result<Value> {
    let typed: I = crate::wire::typed(&input)?;
    let out = typed.compute()?;
    serde_json::to_value(out).map_err(|e| Error::InvalidType {
        path: String::new(),
        message: e.to_string(),
    })
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the calculators.

/// A quantity as text for messages, in the unit it is printed in results.
pub(crate) fn show<M: Measure>(value: M) -> String {
    let m = Measured::new(value);
    m.with_unit(display_unit(M::DIMENSION))
        .unwrap_or(m)
        .to_string()
}

/// `value` if it is a finite number.
pub(crate) fn finite<M: Measure>(path: &str, value: M) -> Result<f64> {
    let v = value.si();
    if v.is_finite() {
        Ok(v)
    } else {
        Err(Error::out_of_range(path, v, "is not a finite number"))
    }
}

/// `value` if it is finite and above zero.
pub(crate) fn positive<M: Measure>(path: &str, value: M) -> Result<f64> {
    let v = finite(path, value)?;
    if v > 0.0 {
        Ok(v)
    } else {
        Err(Error::out_of_range(path, show(value), "must be above zero"))
    }
}

/// `value` if it is finite and not negative.
pub(crate) fn non_negative<M: Measure>(path: &str, value: M) -> Result<f64> {
    let v = finite(path, value)?;
    if v >= 0.0 {
        Ok(v)
    } else {
        Err(Error::out_of_range(
            path,
            show(value),
            "must not be negative",
        ))
    }
}

/// A share from 0 to 100 %.
pub(crate) fn share(path: &str, value: q::Ratio) -> Result<f64> {
    let v = finite(path, value)?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(Error::out_of_range(
            path,
            show(value),
            "must be from 0 to 100 %",
        ))
    }
}

/// An efficiency above 0 and at most 100 %.
pub(crate) fn efficiency(path: &str, value: q::Ratio) -> Result<f64> {
    let v = finite(path, value)?;
    if v > 0.0 && v <= 1.0 {
        Ok(v)
    } else {
        Err(Error::out_of_range(
            path,
            show(value),
            "must be above 0 and at most 100 % (an efficiency cannot exceed 100 %; give a heat pump's COP as `cop`)",
        ))
    }
}

/// A count, such as a number of leaks or fixtures: finite and not negative.
pub(crate) fn count(path: &str, value: f64) -> Result<f64> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(Error::out_of_range(
            path,
            value,
            "must be a count of 0 or more",
        ))
    }
}

/// A figure computed from checked inputs, refused if it is not finite (an overflow).
pub(crate) fn computed(path: &str, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::out_of_range(
            path,
            value,
            "gives a result too large to represent",
        ))
    }
}

// ---------------------------------------------------------------------------------------------
// Printing results.

/// The unit results of a dimension are printed in.
pub(crate) fn display_unit(d: Dimension) -> &'static str {
    match d {
        Dimension::Mass => "kg",
        Dimension::Volume => "m3",
        Dimension::Length => "mm",
        Dimension::Area => "m2",
        Dimension::Time => "h",
        Dimension::Frequency => "/yr",
        Dimension::MassRate => "kg/h",
        Dimension::VolumeRate => "m3/h",
        Dimension::Energy => "kWh",
        Dimension::Power => "kW",
        Dimension::Pressure => "kPa",
        Dimension::Temperature => "°C",
        Dimension::TemperatureInterval => "K",
        Dimension::MassConcentration => "mg/L",
        Dimension::SpecificVolume => "m3/kg",
        Dimension::SpecificEnergy => "kJ/kg",
        Dimension::Ratio => "%",
        Dimension::GasAmount => "Nm3",
        Dimension::GasFlow => "Nm3/h",
        Dimension::PowerPerLength => "W/m",
        Dimension::ThermalConductivity => "W/(m·K)",
        Dimension::HeatTransferCoefficient => "W/(m2·K)",
    }
}

/// Serialize helpers: a quantity as a string with its display unit.
pub(crate) mod ser {
    use super::*;

    /// A quantity as `"number unit"` in the display unit of its dimension.
    pub(crate) fn q<M: Measure, S: Serializer>(
        value: &M,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&show(*value))
    }

    /// An optional quantity.
    pub(crate) fn opt<M: Measure, S: Serializer>(
        value: &Option<M>,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.collect_str(&show(*v)),
            None => s.serialize_none(),
        }
    }
}

/// The value of an optional boundary field.
pub(crate) fn value_or<M: Measure>(field: &Option<Measured<M>>, default: M) -> M {
    field.as_ref().map_or(default, Measured::value)
}

/// The value of an optional boundary field, if given.
pub(crate) fn value_of<M: Measure>(field: &Option<Measured<M>>) -> Option<M> {
    field.as_ref().map(Measured::value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_names_are_unique_snake_case_and_complete() {
        let names = names();
        let mut seen = std::collections::HashSet::new();
        for n in &names {
            assert!(seen.insert(*n), "{n} twice");
            assert!(n.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{n}");
        }
        for n in [
            "steam_leak",
            "steam_trap",
            "flash_steam",
            "blowdown",
            "condensate_return",
            "pipe_insulation",
            "combustion_efficiency",
            "air_leak",
            "air_leak_test",
            "air_pressure_reduction",
            "cooling_tower",
            "lighting",
            "motor",
            "pump_vsd",
            "fixture",
            "hot_water",
            "saturated_steam",
        ] {
            assert!(seen.contains(n), "{n} missing");
        }
        for c in CALCULATORS {
            let schema = c.input_schema();
            assert!(schema.get("properties").is_some(), "{}", c.name);
        }
    }

    #[test]
    fn boundary_errors_name_the_field() {
        let e = calculate("nope", serde_json::json!({})).unwrap_err();
        assert_eq!(e.code(), "unknown_variant");
        let e = calculate(
            "steam_leak",
            serde_json::json!({"pressure": "150 kg", "diameter": "3 mm"}),
        )
        .unwrap_err();
        assert_eq!((e.code(), e.path()), ("unit_dimension", "pressure"));
        let e = calculate(
            "steam_leak",
            serde_json::json!({"pressure": "150 psig", "diameter": "3 mm", "colour": "red"}),
        )
        .unwrap_err();
        assert_eq!((e.code(), e.path()), ("unknown_field", "colour"));
        let e = calculate("steam_leak", serde_json::json!({"pressure": "150 psig"})).unwrap_err();
        assert_eq!((e.code(), e.path()), ("missing_field", "diameter"));
        let e = calculate(
            "steam_leak",
            serde_json::json!({"pressure": "150 psig", "diameter": "-3 mm"}),
        )
        .unwrap_err();
        assert_eq!((e.code(), e.path()), ("out_of_range", "diameter"));
    }

    #[test]
    fn combined_schema_names_every_input_and_result() {
        let s = schema();
        let defs = s["$defs"].as_object().unwrap();
        for c in CALCULATORS {
            for group in ["inputs", "results"] {
                let r = s["properties"][group]["properties"][c.name]["$ref"]
                    .as_str()
                    .unwrap();
                let def = r.strip_prefix("#/$defs/").unwrap();
                assert!(defs.contains_key(def), "{} {group}: {r}", c.name);
            }
        }
        assert_eq!(
            s["$defs"]["PipeInsulationInput"]["properties"]["insulation_conductivity"]["$ref"],
            "#/$defs/ThermalConductivity"
        );
        assert_eq!(
            s["$defs"]["PipeHeatLoss"]["properties"]["bare_convection"]["$ref"],
            "#/$defs/HeatTransferCoefficient"
        );
        let text = s.to_string();
        assert!(!text.contains("\"null\""), "a nullable type in the schema");
    }

    #[test]
    fn no_physical_input_is_a_bare_number() {
        // Plain numbers are counts and a heat pump's COP; everything physical has a unit.
        let counts = [
            "count",
            "traps",
            "fixtures",
            "uses_per_day",
            "people",
            "days",
            "cop",
        ];
        for c in CALCULATORS {
            for f in c.fields() {
                if f.kind == FieldKind::Number {
                    assert!(counts.contains(&f.name.as_str()), "{}.{}", c.name, f.name);
                }
                assert!(!f.description.is_empty(), "{}.{}", c.name, f.name);
            }
        }
        let pipe = calculator("pipe_insulation").unwrap().fields();
        let k = pipe
            .iter()
            .find(|f| f.name == "insulation_conductivity")
            .unwrap();
        assert_eq!(k.kind, FieldKind::Quantity(Dimension::ThermalConductivity));
        assert!(!k.required);
        let fuel = calculator("combustion_efficiency").unwrap().fields();
        let fuel = fuel.iter().find(|f| f.name == "fuel").unwrap();
        assert_eq!(
            fuel.kind,
            FieldKind::Choice(vec!["natural_gas".into(), "light_oil".into(), "lpg".into()])
        );
    }

    /// Every string leaf of `value` with its path.
    fn strings(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
        match value {
            Value::String(s) => out.push((path.to_string(), s.clone())),
            Value::Object(map) => {
                for (k, v) in map {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    strings(v, &p, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_printed_result_reads_back() {
        use serde_json::json;
        let cases = [
            (
                "pipe_insulation",
                json!({"diameter": "60.3 mm", "length": "100 m", "steam_pressure": "10 bar(g)",
                       "ambient": "20 °C", "insulation_thickness": "50 mm",
                       "insulation_conductivity": "0.28 BTU·in/(h·ft2·°F)",
                       "boiler_efficiency": "85 %", "hours": "8000 h"}),
            ),
            (
                "fixture",
                json!({"kind": "shower", "duration": "8 min", "uses_per_day": 1, "people": 100,
                       "days": 365, "hot_share": "70 %", "temperature_rise": "45 K",
                       "efficiency": "90 %"}),
            ),
            (
                "flash_steam",
                json!({"condensate_pressure": "150 psig", "flash_pressure": "30 psig",
                       "condensate": "5000 lb/h"}),
            ),
            (
                "combustion_efficiency",
                json!({"fuel": "lpg", "flue_temperature": "180 °C", "air_temperature": "20 °C",
                       "o2": "4.5 %"}),
            ),
        ];
        for (name, input) in cases {
            let out = calculate(name, input).unwrap();
            let q = quantities(name, &out).unwrap();
            let si = result_in_si(name, &out).unwrap();
            let mut leaves = Vec::new();
            strings(&out, "", &mut leaves);
            for (path, text) in &leaves {
                match q.iter().find(|q| &q.path == path) {
                    Some(q) => {
                        let again = crate::units::to_si(text, q.dimension).unwrap();
                        assert_eq!(again, q.value, "{name}.{path}");
                        let mut v = &si;
                        for key in path.split('.') {
                            v = &v[key];
                        }
                        assert_eq!(v.as_f64(), Some(q.value), "{name}.{path}");
                    }
                    // The names of choices are not quantities.
                    None => assert!(
                        path.ends_with("kind") || path.ends_with("fuel"),
                        "{name}.{path} = {text} is not read back"
                    ),
                }
            }
            assert!(q.len() >= 4, "{name}: {q:?}");
        }
        let out = calculate(
            "pipe_insulation",
            serde_json::json!({"diameter": "60.3 mm", "length": "1 m", "temperature": "180 °C",
                               "ambient": "20 °C"}),
        )
        .unwrap();
        let q = quantities("pipe_insulation", &out).unwrap();
        let h = q.iter().find(|q| q.path == "bare_convection").unwrap();
        assert_eq!(
            (h.dimension, h.unit.as_str()),
            (Dimension::HeatTransferCoefficient, "W/(m2·K)")
        );
        let mut wrong = out.clone();
        wrong["bare_rate"] = serde_json::json!("12 kg");
        let e = quantities("pipe_insulation", &wrong).unwrap_err();
        assert_eq!((e.code(), e.path()), ("unit_dimension", "bare_rate"));
    }

    #[test]
    fn shown_in_display_units() {
        assert_eq!(show(q::Power::from_si(1500.0)), "1.5 kW");
        assert_eq!(show(q::Ratio::from_si(0.25)), "25 %");
    }
}
