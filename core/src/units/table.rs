//! The units a document may use, with their conversion factors to SI.
//!
//! Conversion factors are exact by definition unless noted, from NIST Special Publication 811
//! (2008 edition), "Guide for the Use of the International System of Units", Appendix B.8
//! (factors in alphabetical order) and B.9 (by kind of quantity).

use crate::dimension::Dims;

/// How a time unit in a rate is annualized by the operating schedule.
///
/// Consultants write "12 t/d" meaning per operating day and "3 m3/h" meaning per operating
/// hour; "t/yr" is per calendar year. See [`crate::document::Schedule::per_year`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeBasis {
    /// Per operating hour (units `s`, `min`, `h`).
    Hour,
    /// Per operating day (unit `d`).
    Day,
    /// Per calendar year (units `yr`, `a`).
    Year,
}

/// What is special about a unit beyond a factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum AtomKind {
    /// `si = number * factor`.
    Linear,
    /// An absolute temperature scale with an offset: `si = (number + offset) * factor`; read
    /// as a difference (factor only) where a temperature difference is expected.
    Temperature { offset: f64 },
    /// A gauge pressure: `si = number * factor + STANDARD_ATMOSPHERE`.
    Gauge,
    /// Parts per million or billion: a ratio, and in water a mass concentration.
    PartsPer,
}

/// One unit symbol.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Atom {
    /// The spelling used when printing.
    pub(crate) symbol: &'static str,
    /// Other accepted spellings.
    pub(crate) aliases: &'static [&'static str],
    pub(crate) dims: Dims,
    pub(crate) factor: f64,
    pub(crate) kind: AtomKind,
    /// For time units and units that are themselves rates (`scfm`).
    pub(crate) basis: Option<TimeBasis>,
}

/// Standard atmosphere, 101 325 Pa (exact; NIST SP 811, B.8 "atmosphere, standard").
/// Gauge pressures are read relative to it.
pub const STANDARD_ATMOSPHERE_PA: f64 = 101_325.0;

/// Molar gas constant, 8.314 462 618 J/(mol·K) (exact since the 2019 SI redefinition;
/// CODATA 2018).
pub const MOLAR_GAS_CONSTANT: f64 = 8.314_462_618;

/// Moles of ideal gas in one cubic metre at `t_kelvin` and the standard atmosphere.
const fn mol_per_m3(t_kelvin: f64) -> f64 {
    STANDARD_ATMOSPHERE_PA / (MOLAR_GAS_CONSTANT * t_kelvin)
}

const POUND: f64 = 0.453_592_37; // NIST SP 811 B.8, pound (avoirdupois), exact
const INCH: f64 = 0.0254; // exact
const FOOT: f64 = 0.3048; // exact
const US_GALLON: f64 = 3.785_411_784e-3; // NIST SP 811 B.8, gallon (U.S.), exact
const BTU_IT: f64 = 1_055.055_852_62; // NIST SP 811 B.8, British thermal unit (IT), exact
const CALORIE_IT: f64 = 4.1868; // NIST SP 811 B.8, calorie (IT), exact
const PSI: f64 = 6_894.757_293_168; // NIST SP 811 B.8, pound-force per square inch, 6.894 757 E+03
const HOUR: f64 = 3_600.0;
const DAY: f64 = 86_400.0;
/// A year of 365 days, the convention for annual figures in this crate.
const YEAR: f64 = 365.0 * DAY;
const CUBIC_FOOT: f64 = FOOT * FOOT * FOOT;

const fn linear(
    symbol: &'static str,
    aliases: &'static [&'static str],
    dims: Dims,
    factor: f64,
) -> Atom {
    Atom {
        symbol,
        aliases,
        dims,
        factor,
        kind: AtomKind::Linear,
        basis: None,
    }
}

const fn time(
    symbol: &'static str,
    aliases: &'static [&'static str],
    factor: f64,
    basis: TimeBasis,
) -> Atom {
    Atom {
        symbol,
        aliases,
        dims: Dims::TIME,
        factor,
        kind: AtomKind::Linear,
        basis: Some(basis),
    }
}

const fn special(
    symbol: &'static str,
    aliases: &'static [&'static str],
    dims: Dims,
    factor: f64,
    kind: AtomKind,
) -> Atom {
    Atom {
        symbol,
        aliases,
        dims,
        factor,
        kind,
        basis: None,
    }
}

const GAS_FLOW: Dims = Dims::AMOUNT.per(Dims::TIME);
const VOLUME_RATE: Dims = Dims::VOLUME.per(Dims::TIME);

/// Every unit symbol a document may use.
pub(crate) static ATOMS: &[Atom] = &[
    // mass
    linear("kg", &[], Dims::MASS, 1.0),
    linear("g", &[], Dims::MASS, 1e-3),
    linear("mg", &[], Dims::MASS, 1e-6),
    linear("t", &["tonne", "tonnes"], Dims::MASS, 1e3),
    linear("lb", &["lbs"], Dims::MASS, POUND),
    linear("short ton", &[], Dims::MASS, 2_000.0 * POUND),
    linear("long ton", &[], Dims::MASS, 2_240.0 * POUND),
    // length
    linear("m", &[], Dims::LENGTH, 1.0),
    linear("km", &[], Dims::LENGTH, 1e3),
    linear("cm", &[], Dims::LENGTH, 1e-2),
    linear("mm", &[], Dims::LENGTH, 1e-3),
    linear("µm", &["um", "μm"], Dims::LENGTH, 1e-6),
    linear("in", &[], Dims::LENGTH, INCH),
    linear("ft", &[], Dims::LENGTH, FOOT),
    // area
    linear("m2", &["m²"], Dims::AREA, 1.0),
    linear("cm2", &["cm²"], Dims::AREA, 1e-4),
    linear("mm2", &["mm²"], Dims::AREA, 1e-6),
    linear("ha", &[], Dims::AREA, 1e4),
    linear("ft2", &["ft²"], Dims::AREA, FOOT * FOOT),
    linear("in2", &["in²"], Dims::AREA, INCH * INCH),
    // volume
    linear("m3", &["m³"], Dims::VOLUME, 1.0),
    linear(
        "L",
        &["l", "litre", "liter", "litres", "liters"],
        Dims::VOLUME,
        1e-3,
    ),
    linear("mL", &["ml"], Dims::VOLUME, 1e-6),
    linear("hL", &["hl"], Dims::VOLUME, 1e-1),
    linear("cm3", &["cm³"], Dims::VOLUME, 1e-6),
    linear("gal", &["US gal"], Dims::VOLUME, US_GALLON),
    linear("ft3", &["ft³", "cf"], Dims::VOLUME, CUBIC_FOOT),
    // petroleum barrel, 42 U.S. gallons (NIST SP 811 B.8, barrel [for petroleum, 42 gallons (U.S.)])
    linear("bbl", &[], Dims::VOLUME, 42.0 * US_GALLON),
    // time
    time("s", &["sec"], 1.0, TimeBasis::Hour),
    time("min", &[], 60.0, TimeBasis::Hour),
    time("h", &["hr", "hrs", "hour", "hours"], HOUR, TimeBasis::Hour),
    time("d", &["day", "days"], DAY, TimeBasis::Day),
    time("yr", &["a", "year", "years"], YEAR, TimeBasis::Year),
    // volume rate units written as one symbol
    Atom {
        symbol: "gpm",
        aliases: &[],
        dims: VOLUME_RATE,
        factor: US_GALLON / 60.0,
        kind: AtomKind::Linear,
        basis: Some(TimeBasis::Hour),
    },
    // energy
    linear("J", &[], Dims::ENERGY, 1.0),
    linear("kJ", &[], Dims::ENERGY, 1e3),
    linear("MJ", &[], Dims::ENERGY, 1e6),
    linear("GJ", &[], Dims::ENERGY, 1e9),
    linear("TJ", &[], Dims::ENERGY, 1e12),
    linear("Wh", &[], Dims::ENERGY, HOUR),
    linear("kWh", &["kwh", "KWh", "KWH"], Dims::ENERGY, 1e3 * HOUR),
    linear("MWh", &[], Dims::ENERGY, 1e6 * HOUR),
    linear("GWh", &[], Dims::ENERGY, 1e9 * HOUR),
    linear("BTU", &["Btu"], Dims::ENERGY, BTU_IT),
    linear("MMBtu", &["MMBTU", "MMbtu"], Dims::ENERGY, 1e6 * BTU_IT),
    // therm = 100 000 Btu(IT) (the EC therm; NIST SP 811 B.8 gives 1.055 06 E+08 J for it and
    // 1.054 804 E+08 J for the U.S. therm, which differs by 0.02 %)
    linear("therm", &["therms", "thm"], Dims::ENERGY, 1e5 * BTU_IT),
    linear("kcal", &[], Dims::ENERGY, 1e3 * CALORIE_IT),
    linear("Mcal", &[], Dims::ENERGY, 1e6 * CALORIE_IT),
    // tonne of oil equivalent, 41.868 GJ (IEA/OECD/Eurostat Energy Statistics Manual, 2005, p. 20)
    linear("toe", &[], Dims::ENERGY, 41.868e9),
    // power
    linear("W", &[], Dims::POWER, 1.0),
    linear("kW", &[], Dims::POWER, 1e3),
    linear("MW", &[], Dims::POWER, 1e6),
    // horsepower (550 ft·lbf/s), NIST SP 811 B.8: 7.456 999 E+02 W
    linear("hp", &[], Dims::POWER, 745.699_871_582_270_2),
    // ton of refrigeration = 12 000 Btu(IT)/h (NIST SP 811 B.8, ton of refrigeration)
    linear("TR", &[], Dims::POWER, 12_000.0 * BTU_IT / HOUR),
    // pressure (absolute unless marked gauge)
    linear("Pa", &[], Dims::PRESSURE, 1.0),
    linear("kPa", &["kPa(a)"], Dims::PRESSURE, 1e3),
    linear("MPa", &["MPa(a)"], Dims::PRESSURE, 1e6),
    linear("bar(a)", &["bara"], Dims::PRESSURE, 1e5),
    linear("psia", &[], Dims::PRESSURE, PSI),
    linear("atm", &[], Dims::PRESSURE, STANDARD_ATMOSPHERE_PA),
    special("bar(g)", &["barg"], Dims::PRESSURE, 1e5, AtomKind::Gauge),
    special("kPa(g)", &["kPag"], Dims::PRESSURE, 1e3, AtomKind::Gauge),
    special("psig", &[], Dims::PRESSURE, PSI, AtomKind::Gauge),
    // temperature: kelvin; degree Celsius t/°C = T/K − 273.15; degree Fahrenheit
    // T/K = (t/°F + 459.67)/1.8 (NIST SP 811 B.9, temperature)
    special(
        "K",
        &[],
        Dims::TEMPERATURE,
        1.0,
        AtomKind::Temperature { offset: 0.0 },
    ),
    special(
        "°C",
        &["degC", "℃"],
        Dims::TEMPERATURE,
        1.0,
        AtomKind::Temperature { offset: 273.15 },
    ),
    special(
        "°F",
        &["degF", "℉"],
        Dims::TEMPERATURE,
        1.0 / 1.8,
        AtomKind::Temperature { offset: 459.67 },
    ),
    // ratios
    linear("%", &[], Dims::NONE, 1e-2),
    special("ppm", &[], Dims::NONE, 1e-6, AtomKind::PartsPer),
    special("ppb", &[], Dims::NONE, 1e-9, AtomKind::PartsPer),
    // gas at standard conditions, as moles of ideal gas at 101.325 kPa:
    // normal cubic metre at 0 °C (DIN 1343), standard cubic metre at 15 °C (ISO 13443:1996),
    // standard cubic foot at 60 °F (ISO 13443:1996, Table 1, U.S. customary reference).
    linear("Nm3", &["Nm³"], Dims::AMOUNT, mol_per_m3(273.15)),
    linear("Sm3", &["Sm³"], Dims::AMOUNT, mol_per_m3(288.15)),
    linear(
        "scf",
        &[],
        Dims::AMOUNT,
        CUBIC_FOOT * mol_per_m3((60.0 + 459.67) / 1.8),
    ),
    Atom {
        symbol: "scfm",
        aliases: &[],
        dims: GAS_FLOW,
        factor: CUBIC_FOOT * mol_per_m3((60.0 + 459.67) / 1.8) / 60.0,
        kind: AtomKind::Linear,
        basis: Some(TimeBasis::Hour),
    },
];

/// Spellings refused because they are read in more than one way, with the advice shown.
pub(crate) static AMBIGUOUS: &[(&str, &str)] = &[
    ("psi", "write psig for gauge or psia for absolute pressure"),
    (
        "bar",
        "write bar(g) for gauge or bar(a) for absolute pressure",
    ),
    (
        "ton",
        "write t for the metric tonne, short ton (2000 lb) or long ton (2240 lb)",
    ),
    (
        "tons",
        "write t for the metric tonne, short ton (2000 lb) or long ton (2240 lb)",
    ),
    ("C", "write °C or degC for degrees Celsius"),
    ("F", "write °F or degF for degrees Fahrenheit"),
    (
        "cfm",
        "write scfm for standard cubic feet per minute or ft3/min for actual volume",
    ),
    (
        "wk",
        "weeks of operation differ between sites: write the rate per d, h or yr",
    ),
    ("mo", "months differ in length: write the rate per d or yr"),
    (
        "month",
        "months differ in length: write the rate per d or yr",
    ),
    (
        "imp gal",
        "imperial gallons are not supported: write L or m3",
    ),
];

/// Look a spelling up: the atom it names.
pub(crate) fn find(symbol: &str) -> Option<&'static Atom> {
    // Every spelling indexed once (the first atom of a spelling wins, as a scan of the table
    // finds it; the spellings are unique): units are read for every value of every document.
    static INDEX: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static Atom>> =
        std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| {
            let mut index = std::collections::HashMap::new();
            for a in ATOMS {
                for s in std::iter::once(a.symbol).chain(a.aliases.iter().copied()) {
                    index.entry(s).or_insert(a);
                }
            }
            index
        })
        .get(symbol)
        .copied()
}

/// The advice for a refused spelling.
pub(crate) fn ambiguous(symbol: &str) -> Option<&'static str> {
    AMBIGUOUS
        .iter()
        .find(|(s, _)| *s == symbol)
        .map(|(_, hint)| *hint)
}

/// A known spelling that differs from `symbol` only in letter case, to suggest.
pub(crate) fn suggest(symbol: &str) -> Option<&'static str> {
    ATOMS
        .iter()
        .find(|a| {
            a.symbol.eq_ignore_ascii_case(symbol)
                || a.aliases.iter().any(|s| s.eq_ignore_ascii_case(symbol))
        })
        .map(|a| a.symbol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for a in ATOMS {
            for s in std::iter::once(&a.symbol).chain(a.aliases) {
                assert!(seen.insert(*s), "{s} twice");
                assert!(ambiguous(s).is_none(), "{s} both known and refused");
            }
        }
    }

    #[test]
    fn standard_gas_volumes() {
        // 1 Nm3 of ideal gas is 44.615 mol (22.414 L/mol at 0 °C, 1 atm).
        let nm3 = find("Nm3").map(|a| a.factor).unwrap_or(0.0);
        assert!((nm3 - 1.0 / 0.022_413_97).abs() < 1e-3);
        // 1 scf is 1.1953 mol (379.5 scf/lb-mol at 60 °F, 14.696 psia).
        let scf = find("scf").map(|a| a.factor).unwrap_or(0.0);
        assert!((scf - 453.592_37 / 379.48).abs() < 1e-3, "{scf}");
    }
}
