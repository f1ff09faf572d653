//! The grammar of a value with its unit: `number [space] unit`, where `unit` is a symbol,
//! `symbol/symbol` or a product of symbols (`W/(m·K)`), and a count per time is written `/yr`
//! or `1/yr`.
//!
//! The number is a decimal with an optional sign, fraction and exponent (`12`, `-0.5`,
//! `1.2e-3`), or a common fraction of whole numbers as pipe and orifice sizes are written
//! (`1/8 in`, `3/4 in`). A comma is refused rather than guessed: `1,5` is one and a half in much of the
//! world and fifteen hundred in the rest.

use super::table::{self, AtomKind, STANDARD_ATMOSPHERE_PA, TimeBasis};
use crate::dimension::{Dimension, Dims};
pub use crate::error::UnitProblem;

/// A parsed unit expression, before it is matched to the dimension a field takes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitExpr {
    /// Canonical spelling, e.g. `L/min` for `l/min`.
    pub(crate) text: String,
    pub(crate) dims: Dims,
    /// SI value of one unit (for offset units, of one degree or one gauge unit).
    pub(crate) factor: f64,
    /// Set only for a lone offset unit.
    pub(crate) kind: AtomKind,
    pub(crate) basis: Option<TimeBasis>,
}

impl UnitExpr {
    /// The empty unit of a plain ratio.
    fn plain() -> UnitExpr {
        UnitExpr {
            text: String::new(),
            dims: Dims::NONE,
            factor: 1.0,
            kind: AtomKind::Linear,
            basis: None,
        }
    }

    /// Whether the unit is a plain factor (no offset, not ppm).
    pub(crate) fn is_linear(&self) -> bool {
        self.kind == AtomKind::Linear
    }

    /// SI value of `number` of this unit read as `expected`, or why not.
    pub(crate) fn to_si(&self, number: f64, expected: Dimension) -> Result<f64, UnitProblem> {
        let wrong = || UnitProblem::WrongDimension {
            unit: self.text.clone(),
            found: Dimension::describe_dims(self.dims),
            expected,
        };
        if self.text.is_empty() && expected != Dimension::Ratio {
            return Err(UnitProblem::MissingUnit { expected });
        }
        if self.dims != expected.dims() {
            // Parts per million of a dilute aqueous solution are milligrams per litre
            // (density of water taken as 1 kg/L).
            if self.kind == AtomKind::PartsPer && expected == Dimension::MassConcentration {
                return Ok(number * self.factor * WATER_DENSITY_KG_PER_M3);
            }
            return Err(wrong());
        }
        let si = match (self.kind, expected) {
            (AtomKind::Temperature { offset }, Dimension::Temperature) => {
                (number + offset) * self.factor
            }
            (AtomKind::Gauge, Dimension::Pressure) => number * self.factor + STANDARD_ATMOSPHERE_PA,
            _ => number * self.factor,
        };
        // Absolute temperatures and pressures cannot be negative; differences can.
        if si < 0.0 && matches!(expected, Dimension::Temperature | Dimension::Pressure) {
            return Err(UnitProblem::Impossible {
                text: format!("{} {}", super::format_number(number), self.text),
            });
        }
        Ok(si)
    }

    /// The number of this unit whose SI value is `si` (the inverse of [`UnitExpr::to_si`]).
    pub(crate) fn number_of(&self, si: f64, expected: Dimension) -> f64 {
        if self.dims != expected.dims()
            && self.kind == AtomKind::PartsPer
            && expected == Dimension::MassConcentration
        {
            return si / (self.factor * WATER_DENSITY_KG_PER_M3);
        }
        match (self.kind, expected) {
            (AtomKind::Temperature { offset }, Dimension::Temperature) => si / self.factor - offset,
            (AtomKind::Gauge, Dimension::Pressure) => (si - STANDARD_ATMOSPHERE_PA) / self.factor,
            _ => si / self.factor,
        }
    }
}

/// Density of water used to read ppm as mg/L, 1000 kg/m3 (within 0.3 % from 0 to 40 °C).
const WATER_DENSITY_KG_PER_M3: f64 = 1_000.0;

/// Split `text` into its number and the rest, which is trimmed.
/// The largest magnitude of a number written in a document: far beyond any physical value of a
/// plant, and small enough that annualizing, pricing and summing it stays finite.
pub(crate) const MAX_NUMBER: f64 = 1e100;

pub(crate) fn split_number(text: &str) -> Result<(f64, &str), UnitProblem> {
    let s = text.trim();
    let bytes = s.as_bytes();
    let mut i = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int_start = i;
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let mut digits = i - int_start;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        let frac_start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        digits += i - frac_start;
    }
    let number_error = |hint: &str| UnitProblem::Number {
        text: text.to_string(),
        hint: hint.to_string(),
    };
    if digits == 0 {
        return Err(number_error(""));
    }
    if bytes.get(i) == Some(&b',') {
        return Err(number_error(
            "; write the decimal mark as `.` and no thousands separator, e.g. 1200.5",
        ));
    }
    // A common fraction: whole numbers either side of `/` (`1/8 in`); `1/yr` stays a unit.
    let whole = digits == i - int_start;
    if whole && bytes.get(i) == Some(&b'/') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let mut j = i + 1;
        while bytes.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        let numerator: f64 = s[..i].parse().map_err(|_| number_error(""))?;
        let denominator: f64 = s[i + 1..j].parse().map_err(|_| number_error(""))?;
        if denominator == 0.0 {
            return Err(number_error("; a fraction's denominator cannot be 0"));
        }
        return Ok((numerator / denominator, s[j..].trim()));
    }
    // An exponent only where digits follow, so that a unit starting with `e` stays a unit.
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(bytes.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_start = j;
        while bytes.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    let (number_text, rest) = s.split_at(i);
    let number: f64 = number_text.parse().map_err(|_| number_error(""))?;
    if !number.is_finite() || number.abs() > MAX_NUMBER {
        return Err(UnitProblem::NotFinite {
            text: text.to_string(),
        });
    }
    Ok((number, rest.trim()))
}

/// Units read so far on this thread, at most [`KNOWN_UNITS`] spellings: the draws of a
/// simulation read the same few units (`kg/d`, `m3/d`, `%`) tens of thousands of times.
const KNOWN_UNITS: usize = 256;

thread_local! {
    /// The units read on this thread by their spelling (only those that were read without
    /// error; an error is computed again, with its hint).
    static READ: std::cell::RefCell<std::collections::HashMap<String, UnitExpr>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Parse a unit expression: empty (a plain ratio), `symbol`, `symbol/symbol`, `/symbol` or
/// `1/symbol`; either side may be a product of symbols joined by `·` (or `*`), a product
/// after the `/` in parentheses: `W/(m·K)`, `W/(m2·K)`, `BTU·in/(h·ft2·°F)`. Inside a product
/// a degree (`°C`, `°F`) is a temperature difference.
///
/// A spelling read before on the thread is taken from the thread's units (the reading is a
/// function of the text alone).
pub(crate) fn parse_unit(text: &str) -> Result<UnitExpr, UnitProblem> {
    if let Some(unit) = READ.with(|r| r.borrow().get(text).cloned()) {
        return Ok(unit);
    }
    let unit = read_unit(text)?;
    READ.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() >= KNOWN_UNITS {
            r.clear();
        }
        r.insert(text.to_string(), unit.clone());
    });
    Ok(unit)
}

/// [`parse_unit`] without the thread's units.
fn read_unit(text: &str) -> Result<UnitExpr, UnitProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(UnitExpr::plain());
    }
    let mut parts = text.split('/').map(str::trim);
    let numerator = parts.next().unwrap_or_default();
    let denominator = parts.next();
    if parts.next().is_some() {
        return Err(UnitProblem::UnknownUnit {
            unit: text.to_string(),
            hint: "; write at most one `/`, e.g. m3/d, kWh/t or W/(m·K)".to_string(),
        });
    }
    let Some(denominator) = denominator else {
        if is_product(numerator) {
            let p = product(numerator, text)?;
            return Ok(UnitExpr {
                text: p.text,
                dims: p.dims,
                factor: p.factor,
                kind: AtomKind::Linear,
                basis: p.basis,
            });
        }
        let atom = atom(numerator)?;
        return Ok(UnitExpr {
            text: atom.symbol.to_string(),
            dims: atom.dims,
            factor: atom.factor,
            kind: atom.kind,
            basis: atom.basis,
        });
    };
    let den = match denominator
        .strip_prefix('(')
        .and_then(|d| d.strip_suffix(')'))
    {
        Some(inner) => product(inner, text)?,
        None if is_product(denominator) => {
            return Err(UnitProblem::UnknownUnit {
                unit: text.to_string(),
                hint: format!(
                    "; put a product after `/` in parentheses, e.g. {}/({})",
                    numerator,
                    denominator.replace('*', "·")
                ),
            });
        }
        None => product(denominator, text)?,
    };
    let num = if numerator.is_empty() || numerator == "1" {
        Product {
            text: String::new(),
            dims: Dims::NONE,
            factor: 1.0,
            basis: None,
            count: 0,
        }
    } else {
        product(numerator, text)?
    };
    let den_text = if den.count > 1 {
        format!("({})", den.text)
    } else {
        den.text
    };
    Ok(UnitExpr {
        text: format!("{}/{den_text}", num.text),
        dims: num.dims.per(den.dims),
        factor: num.factor / den.factor,
        kind: AtomKind::Linear,
        basis: den.basis.or(num.basis),
    })
}

/// Symbols multiplied together, one side of a compound unit.
struct Product {
    /// Canonical spelling, the symbols joined by `·`.
    text: String,
    dims: Dims,
    factor: f64,
    basis: Option<TimeBasis>,
    /// Number of symbols.
    count: usize,
}

/// Whether `text` is a product of symbols (`m·K`, `m*K`).
fn is_product(text: &str) -> bool {
    text.contains(['·', '*'])
}

/// The product of the symbols of `text` joined by `·` or `*`, within the compound unit
/// `whole`. A lone symbol must be linear (`°C/h` is refused); in a product of several, a
/// degree is read as a temperature difference.
fn product(text: &str, whole: &str) -> Result<Product, UnitProblem> {
    let symbols: Vec<&str> = text.split(['·', '*']).map(str::trim).collect();
    let mut p = Product {
        text: String::new(),
        dims: Dims::NONE,
        factor: 1.0,
        basis: None,
        count: symbols.len(),
    };
    for symbol in &symbols {
        if symbol.is_empty() {
            return Err(UnitProblem::UnknownUnit {
                unit: whole.to_string(),
                hint: "; join symbols with a single `·`, e.g. W/(m·K)".to_string(),
            });
        }
        let a = atom(symbol)?;
        match a.kind {
            AtomKind::Temperature { .. } if symbols.len() > 1 => {}
            _ => linear_only(a, whole)?,
        }
        if !p.text.is_empty() {
            p.text.push('·');
        }
        p.text.push_str(a.symbol);
        p.dims = p.dims.times(a.dims);
        p.factor *= a.factor;
        p.basis = p.basis.or(a.basis);
    }
    Ok(p)
}

fn linear_only(atom: &table::Atom, whole: &str) -> Result<(), UnitProblem> {
    match atom.kind {
        AtomKind::Linear => Ok(()),
        AtomKind::Temperature { .. } => Err(UnitProblem::Offset {
            unit: whole.to_string(),
            hint: "; use K for temperature differences in compound units".to_string(),
        }),
        AtomKind::Gauge => Err(UnitProblem::Offset {
            unit: whole.to_string(),
            hint: "; use an absolute pressure unit such as kPa or psia".to_string(),
        }),
        AtomKind::PartsPer => Err(UnitProblem::Offset {
            unit: whole.to_string(),
            hint: "; ppm and ppb stand alone".to_string(),
        }),
    }
}

fn atom(symbol: &str) -> Result<&'static table::Atom, UnitProblem> {
    if let Some(a) = table::find(symbol) {
        return Ok(a);
    }
    if let Some(hint) = table::ambiguous(symbol) {
        return Err(UnitProblem::Ambiguous {
            unit: symbol.to_string(),
            hint: hint.to_string(),
        });
    }
    let hint = match table::suggest(symbol) {
        Some(s) => format!("; did you mean `{s}`?"),
        None => String::new(),
    };
    Err(UnitProblem::UnknownUnit {
        unit: symbol.to_string(),
        hint,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(split_number("12 m3/d"), Ok((12.0, "m3/d")));
        assert_eq!(split_number(" -1.5e3kg "), Ok((-1500.0, "kg")));
        assert_eq!(split_number(".5"), Ok((0.5, "")));
        assert_eq!(split_number("2E+2 %"), Ok((200.0, "%")));
        assert_eq!(split_number("1/8 in"), Ok((0.125, "in")));
        assert_eq!(split_number("-3/4in"), Ok((-0.75, "in")));
        assert_eq!(split_number("1/yr"), Ok((1.0, "/yr")));
        assert!(matches!(
            split_number("1/0 in"),
            Err(UnitProblem::Number { hint, .. }) if hint.contains("denominator")
        ));
        assert!(matches!(
            split_number("1.5/8 in"),
            Ok((n, "/8 in")) if n == 1.5
        ));
        // `e` not followed by digits belongs to the unit
        assert_eq!(split_number("3 e"), Ok((3.0, "e")));
        assert!(
            matches!(split_number("1,5 kg"), Err(UnitProblem::Number { hint, .. }) if hint.contains("decimal"))
        );
        assert!(matches!(
            split_number("kg"),
            Err(UnitProblem::Number { .. })
        ));
        assert!(matches!(
            split_number("NaN kg"),
            Err(UnitProblem::Number { .. })
        ));
        assert!(matches!(
            split_number("1e400 kg"),
            Err(UnitProblem::NotFinite { .. })
        ));
    }

    #[test]
    fn compound_units() {
        let u = parse_unit("l / min").unwrap();
        assert_eq!(u.text, "L/min");
        assert_eq!(u.dims, Dims::VOLUME.per(Dims::TIME));
        assert_eq!(u.basis, Some(TimeBasis::Hour));
        let f = parse_unit("/yr").unwrap();
        assert_eq!(f.text, "/yr");
        assert_eq!(parse_unit("1/yr").unwrap().text, "/yr");
        assert!(matches!(
            parse_unit("kg/m3/d"),
            Err(UnitProblem::UnknownUnit { .. })
        ));
        assert!(matches!(
            parse_unit("°C/h"),
            Err(UnitProblem::Offset { .. })
        ));
    }

    #[test]
    fn products() {
        let k = parse_unit("W/(m·K)").unwrap();
        assert_eq!(k.text, "W/(m·K)");
        assert_eq!(k.dims, Dimension::ThermalConductivity.dims());
        assert_eq!(k.factor, 1.0);
        assert_eq!(parse_unit(" W / ( m * K ) ").unwrap().text, "W/(m·K)");
        let h = parse_unit("W/(m²·K)").unwrap();
        assert_eq!(h.text, "W/(m2·K)");
        assert_eq!(h.dims, Dimension::HeatTransferCoefficient.dims());
        // 1 BTU·in/(h·ft2·°F) = 0.144 228 W/(m·K) (ASHRAE Handbook—Fundamentals, ch. 38).
        let b = parse_unit("Btu·in/(hr·ft²·°F)").unwrap();
        assert_eq!(b.text, "BTU·in/(h·ft2·°F)");
        assert!((b.factor - 0.144_227_889).abs() < 1e-9, "{}", b.factor);
        assert_eq!(b.dims, Dimension::ThermalConductivity.dims());
        // A product in parentheses of one symbol prints without them.
        assert_eq!(parse_unit("kg/(h)").unwrap().text, "kg/h");
        assert_eq!(parse_unit("kW·h").unwrap().text, "kW·h");
        assert_eq!(parse_unit("kW·h").unwrap().dims, Dims::ENERGY);
        let e = parse_unit("W/m·K").unwrap_err();
        assert!(e.to_string().contains("W/(m·K)"), "{e}");
        assert!(matches!(
            parse_unit("W/(m··K)"),
            Err(UnitProblem::UnknownUnit { .. })
        ));
        assert!(matches!(
            parse_unit("W/(m·psig)"),
            Err(UnitProblem::Offset { .. })
        ));
    }

    #[test]
    fn refusals_explain() {
        let e = parse_unit("psi").unwrap_err();
        assert!(e.to_string().contains("psig"), "{e}");
        let e = parse_unit("KG").unwrap_err();
        assert!(e.to_string().contains("did you mean `kg`"), "{e}");
    }
}
