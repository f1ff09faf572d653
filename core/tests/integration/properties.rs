//! Properties that hold for every input.

use cleanprod::units::{Dimension, Measured, canonical, format_number, to_si};
use proptest::prelude::*;
use uom::si::f64 as q;

/// Units of each dimension, as a consultant might write them.
const UNITS: &[(Dimension, &[&str])] = &[
    (Dimension::Mass, &["kg", "t", "lb", "short ton", "mg"]),
    (Dimension::Volume, &["m3", "L", "gal", "ft3", "bbl"]),
    (
        Dimension::VolumeRate,
        &["m3/d", "L/min", "gpm", "m3/h", "gal/min", "m3/yr"],
    ),
    (Dimension::MassRate, &["t/d", "kg/h", "t/yr", "lb/h"]),
    (
        Dimension::Energy,
        &["kWh", "MJ", "GJ", "BTU", "therm", "MMBtu", "kcal"],
    ),
    (Dimension::Power, &["kW", "hp", "BTU/h", "TR"]),
    (
        Dimension::Pressure,
        &["kPa", "psig", "psia", "bar(g)", "bar(a)", "atm"],
    ),
    (Dimension::Temperature, &["°C", "°F", "K"]),
    (Dimension::TemperatureInterval, &["K", "°C", "°F"]),
    (
        Dimension::MassConcentration,
        &["mg/L", "g/L", "ppm", "kg/m3"],
    ),
    (Dimension::SpecificEnergy, &["kWh/t", "GJ/t", "MJ/kg"]),
    (Dimension::SpecificVolume, &["m3/t", "L/kg"]),
    (Dimension::Ratio, &["%", "", "ppm"]),
    (Dimension::GasAmount, &["Nm3", "Sm3", "scf"]),
    (Dimension::GasFlow, &["scfm", "Nm3/h"]),
    (Dimension::Frequency, &["/yr", "/d", "/h"]),
];

fn dimension_and_unit() -> impl Strategy<Value = (Dimension, &'static str)> {
    (0..UNITS.len()).prop_flat_map(|i| {
        let (d, units) = UNITS[i];
        (Just(d), proptest::sample::select(units))
    })
}

proptest! {
    /// parse(print(q)) == q, for the canonical printing of any value in any unit.
    #[test]
    fn print_then_parse_is_identity((dim, unit) in dimension_and_unit(), x in -1e12f64..1e12) {
        let text = format!("{} {unit}", format_number(x));
        let si = match to_si(&text, dim) {
            Ok(si) => si,
            // Only absolute temperatures and pressures below zero are refused.
            Err(e) => {
                prop_assert_eq!(e.code(), "unit_impossible");
                prop_assert!(matches!(dim, Dimension::Temperature | Dimension::Pressure));
                return Ok(());
            }
        };
        let printed = canonical(&text, dim).unwrap();
        prop_assert_eq!(to_si(&printed, dim).unwrap(), si);
        prop_assert_eq!(canonical(&printed, dim).unwrap(), printed);
    }

    /// A value built from its SI amount prints and reads back to the same amount, exactly.
    #[test]
    fn si_values_round_trip(x in proptest::num::f64::NORMAL | proptest::num::f64::ZERO) {
        let m = Measured::new(<q::VolumeRate as cleanprod::units::Measure>::from_si(x));
        // A document holds numbers up to 1e100 in magnitude; larger ones are refused.
        if x.abs() > 1e100 {
            let e = m.to_string().parse::<Measured<q::VolumeRate>>().unwrap_err();
            prop_assert_eq!(e.code(), "unit_number");
            return Ok(());
        }
        let back: Measured<q::VolumeRate> = m.to_string().parse().unwrap();
        prop_assert_eq!(back.si().to_bits(), x.to_bits() & !(if x == 0.0 { 1 << 63 } else { 0 }));
    }

    /// Conversion is linear in the number for units without an offset.
    #[test]
    fn conversion_scales((dim, unit) in dimension_and_unit(), x in 0.001f64..1e9) {
        prop_assume!(!matches!(dim, Dimension::Temperature | Dimension::Pressure));
        let one = to_si(&format!("1 {unit}"), dim).unwrap();
        let many = to_si(&format!("{} {unit}", format_number(x)), dim).unwrap();
        prop_assert!((many - x * one).abs() <= 1e-12 * many.abs());
    }

    /// No input string makes the parser panic, and every refusal has a code.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,24}", i in 0..Dimension::ALL.len()) {
        if let Err(e) = to_si(&text, Dimension::ALL[i]) {
            prop_assert!(!e.code().is_empty());
        }
    }

    /// No document text makes the loader panic.
    #[test]
    fn arbitrary_documents_never_panic(text in "[a-z_=\"\\[\\] 0-9./%\n]{0,120}") {
        let _ = cleanprod::Assessment::from_toml_str(&text);
        let _ = cleanprod::Assessment::from_json_str(&text);
    }
}
