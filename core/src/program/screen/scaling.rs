//! Which figures of a sector's starting document scale with a firm's size: the one table of
//! the screening, and its use on a document's JSON value.
//!
//! A firm is screened as the sector's starting document ([`starting_document`], the
//! repository's example) with its own size. Figures per unit of production (water per tonne
//! of hide, litres per guest-night, kWh per batch) are kept; the figures listed here, which
//! are totals of the example plant, are multiplied by the firm's size over the example's:
//!
#![doc = include_str!("scaling.md")]
//!
//! Paths without a section name are under `template.<sector>`. Investment and operating
//! costs in proportion to size (the example's cost per room, per tonne) is a screening
//! approximation: it ignores economies of scale, and a firm's own figures replace it once
//! visited. The ranges are a tenth to ten times the example's size (occupancy: any share):
//! beyond them the example's figures per unit are not taken to describe a firm (a judgement
//! of this screening, not a published range). Scaled figures are rounded to six significant
//! digits.
//!
//! [`starting_document`]: crate::document::starting_document

use serde_json::Value;

use crate::dimension::Dimension;
use crate::document::Sector;
use crate::error::{Error, Result};
use crate::units::{parse_unit, round_to, split_number};

/// How a listed figure grows with the firm.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Driver {
    /// In proportion to the size column.
    Size,
    /// In proportion to the size column times the occupancy column.
    Activity,
}

/// A size column of a sector: its path (relative to `template.<sector>` unless it names a
/// section), dimension, whether a firm must give it, and its range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct SizeColumn {
    /// The column's name, a path as documents write it.
    pub(super) column: &'static str,
    /// Its dimension (counts are ratios: plain numbers).
    pub(super) dimension: Dimension,
    /// The smallest value accepted, as a multiple of the example's.
    pub(super) low: f64,
    /// The largest value accepted, as a multiple of the example's.
    pub(super) high: f64,
    /// The range as written in errors and documentation.
    pub(super) range: &'static str,
}

/// One sector's row of the table.
pub(super) struct Scaling {
    /// The sector.
    pub(super) sector: Sector,
    /// The size a firm must give.
    pub(super) size: SizeColumn,
    /// An occupancy column the figures under [`Driver::Activity`] follow too, if the sector
    /// has one (absent in a row: the example's).
    occupancy: Option<SizeColumn>,
    /// The figures scaled, with what they follow.
    scaled: &'static [(&'static str, Driver)],
}

const OPTIONS_COSTS: [(&str, Driver); 2] = [
    ("options[*].capex", Driver::Size),
    ("options[*].om_change", Driver::Size),
];

const OCCUPANCY: SizeColumn = SizeColumn {
    column: "occupancy",
    dimension: Dimension::Ratio,
    low: 0.0,
    high: f64::INFINITY,
    range: "more than 0 % and at most 100 %",
};

/// A size column of range a tenth to ten times the example's.
const fn tenfold(column: &'static str, dimension: Dimension, range: &'static str) -> SizeColumn {
    SizeColumn {
        column,
        dimension,
        low: 0.1,
        high: 10.0,
        range,
    }
}

/// The table (see the [module](self)).
pub(super) const TABLE: &[Scaling] = &[
    #[cfg(feature = "tanning")]
    Scaling {
        sector: Sector::Tanning,
        size: tenfold("raw_hides", Dimension::MassRate, "1.2 to 120 t/d"),
        occupancy: None,
        scaled: &[
            ("production.output", Driver::Size),
            ("finance.capital_budget", Driver::Size),
            OPTIONS_COSTS[0],
            OPTIONS_COSTS[1],
        ],
    },
    #[cfg(feature = "hotel")]
    Scaling {
        sector: Sector::Hotel,
        size: tenfold("rooms", Dimension::Ratio, "12 to 1200 rooms"),
        occupancy: Some(OCCUPANCY),
        scaled: &[
            ("production.output", Driver::Activity),
            ("metered_water", Driver::Size),
            ("kitchen.covers", Driver::Activity),
            ("kitchen.spray_valve_minutes", Driver::Activity),
            ("pool.backwash", Driver::Size),
            ("floor_area", Driver::Size),
            ("pool.area", Driver::Size),
            ("irrigation.area", Driver::Size),
            ("lighting.fixtures", Driver::Size),
            ("cooling_tower.circulation", Driver::Size),
            OPTIONS_COSTS[0],
            OPTIONS_COSTS[1],
        ],
    },
    #[cfg(feature = "hospital")]
    Scaling {
        sector: Sector::Hospital,
        // From 40 beds: below, one failed steam trap of the example's options would lose more
        // steam than the scaled boiler raises.
        size: SizeColumn {
            low: 40.0 / 150.0,
            ..tenfold("beds", Dimension::Ratio, "40 to 1500 beds")
        },
        occupancy: Some(OCCUPANCY),
        scaled: &[
            ("production.output", Driver::Activity),
            ("kitchen.meals", Driver::Activity),
            ("boiler.amount", Driver::Activity),
            ("laboratories.water", Driver::Size),
            ("dialysis.treatments", Driver::Size),
            ("sterile_services.cycles", Driver::Size),
            ("lighting.fixtures", Driver::Size),
            ("mercury.devices", Driver::Size),
            OPTIONS_COSTS[0],
            OPTIONS_COSTS[1],
            ("options[*].model.condensate", Driver::Size),
            ("options[*].model.steam", Driver::Size),
        ],
    },
    #[cfg(feature = "chemicals")]
    Scaling {
        sector: Sector::Chemicals,
        size: tenfold(
            "production.output",
            Dimension::MassRate,
            "22.5 to 2250 t/yr",
        ),
        occupancy: None,
        scaled: &[
            ("products[*].batches", Driver::Size),
            ("products[*].cleaning.campaigns", Driver::Size),
            ("cooling_tower.circulation", Driver::Size),
            OPTIONS_COSTS[0],
            OPTIONS_COSTS[1],
        ],
    },
    #[cfg(feature = "automotive")]
    Scaling {
        sector: Sector::Automotive,
        size: tenfold(
            "production.output",
            Dimension::Frequency,
            "60000 to 6000000 parts /yr",
        ),
        occupancy: None,
        scaled: &[
            ("plating.loads", Driver::Size),
            ("plating.tanks[*].volume", Driver::Size),
            ("plating.tanks[*].rinse.flow", Driver::Size),
            ("paint.parts", Driver::Size),
            ("paint.cleaning_solvent", Driver::Size),
            ("machining.sump", Driver::Size),
            ("machining.chips", Driver::Size),
            ("machining.evaporation", Driver::Size),
            ("machining.compressed_air", Driver::Size),
            ("options[*].model.count", Driver::Size),
            OPTIONS_COSTS[0],
            OPTIONS_COSTS[1],
        ],
    },
];

/// The first keys of a document's sections: a column starting with one of them is a path in
/// the document, any other a path under `template.<sector>`.
const SECTIONS: &[&str] = &[
    "site",
    "schedule",
    "production",
    "prices",
    "finance",
    "ghg",
    "template",
    "options",
    "currency",
];

/// The row of `sector`, if it can be screened.
pub(super) fn of(sector: Sector) -> Option<&'static Scaling> {
    TABLE.iter().find(|s| s.sector == sector)
}

/// The document path of `column` for `sector`.
pub(super) fn document_path(sector: Sector, column: &str) -> String {
    let first = column.split(['.', '[']).next().unwrap_or("");
    if SECTIONS.contains(&first) {
        column.to_string()
    } else {
        format!("template.{}.{column}", sector.key())
    }
}

/// The document path of a figure of the table: under `template.<sector>` unless it is in
/// `production` or `finance` (`options` in the table are the template's).
fn table_path(sector: Sector, path: &str) -> String {
    if path.starts_with("production.") || path.starts_with("finance.") {
        path.to_string()
    } else {
        format!("template.{}.{path}", sector.key())
    }
}

/// The value at a dotted path of keys in `doc`.
fn get<'v>(doc: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(doc, |v, key| v.get(key))
}

/// A number or a `"number unit"` string read in `dimension`: its SI value and, for a rate,
/// its time basis (a firm's `"4000 t/yr"` cannot be compared with an example's `"12 t/d"`
/// without the operating days, so the two must share a basis).
fn si_of(
    value: &Value,
    dimension: Dimension,
    path: &str,
) -> Result<(f64, Option<crate::units::TimeBasis>)> {
    match value {
        Value::Number(n) => n
            .as_f64()
            .map(|x| (x, None))
            .ok_or_else(|| Error::out_of_range(path, n, "is not a number")),
        Value::String(s) => {
            let (number, unit) = split_number(s).map_err(|p| Error::unit(path, s.as_str(), p))?;
            let unit = parse_unit(unit).map_err(|p| Error::unit(path, s.as_str(), p))?;
            let si = unit
                .to_si(number, dimension)
                .map_err(|p| Error::unit(path, s.as_str(), p))?;
            Ok((si, unit.basis))
        }
        other => Err(Error::out_of_range(path, other, "is not a number")),
    }
}

/// The firm's `cell` for `size` over the example's value in `doc`, checked against the range;
/// errors name `column` (the firm's column).
fn ratio(doc: &Value, sector: Sector, size: &SizeColumn, cell: &Value) -> Result<f64> {
    let column = size.column;
    let path = document_path(sector, column);
    let example = get(doc, &path).ok_or_else(|| Error::MissingField { path: path.clone() })?;
    let (x, basis) = si_of(cell, size.dimension, column)?;
    let (x0, basis0) = si_of(example, size.dimension, &path)?;
    if basis.is_some() && basis0.is_some() && basis != basis0 {
        return Err(Error::out_of_range(
            column,
            cell,
            format!(
                "must be per the same time as the starting document's {example} (per operating day, hour or calendar year)"
            ),
        ));
    }
    let k = x / x0;
    let within = if size.dimension == Dimension::Ratio && size.high.is_infinite() {
        x > 0.0 && x <= 1.0
    } else {
        k >= size.low * (1.0 - 1e-12) && k <= size.high * (1.0 + 1e-12)
    };
    if !(k.is_finite() && within) {
        return Err(Error::out_of_range(
            column,
            cell,
            format!(
                "is outside the {} range the {} screening scales its example over: {}",
                sector.key(),
                sector.key(),
                size.range
            ),
        ));
    }
    Ok(k)
}

/// The cell as the value the document holds at that place: a number where the document has
/// a number, else the text.
pub(super) fn cell_value(existing: Option<&Value>, cell: &str, path: &str) -> Result<Value> {
    match existing {
        Some(Value::Number(_)) => {
            let x: f64 = cell
                .trim()
                .parse()
                .map_err(|_| Error::out_of_range(path, cell, "must be a number"))?;
            serde_json::Number::from_f64(x)
                .map(Value::Number)
                .ok_or_else(|| Error::out_of_range(path, cell, "must be a finite number"))
        }
        _ => Ok(Value::String(cell.trim().to_string())),
    }
}

/// `value` times `k`, rounded to six significant digits, in its unit.
fn times(value: &Value, k: f64, path: &str) -> Result<Value> {
    let scaled = |x: f64| round_to(x * k, 6);
    match value {
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(0.0);
            Ok(serde_json::Number::from_f64(scaled(x)).map_or(Value::Null, Value::Number))
        }
        Value::String(s) => {
            let (number, unit) = split_number(s).map_err(|p| Error::unit(path, s.as_str(), p))?;
            let unit = unit.trim();
            let n = crate::units::format_number(scaled(number));
            Ok(Value::String(if unit.is_empty() {
                n
            } else {
                format!("{n} {unit}")
            }))
        }
        // A list (an investment in stages): each item.
        Value::Array(items) => items
            .iter()
            .map(|v| times(v, k, path))
            .collect::<Result<Vec<_>>>()
            .map(Value::Array),
        other => Ok(other.clone()),
    }
}

/// Multiply the values at `path` (keys and `[*]` for every item of a list) by `k`; absent
/// ones are left absent.
fn scale_at(doc: &mut Value, path: &str, k: f64) -> Result<()> {
    let Some((head, rest)) = path.split_once("[*]") else {
        let mut at = &mut *doc;
        for key in path.split('.') {
            match at.get_mut(key) {
                Some(v) => at = v,
                None => return Ok(()),
            }
        }
        *at = times(at, k, path)?;
        return Ok(());
    };
    let mut at = &mut *doc;
    for key in head.split('.') {
        match at.get_mut(key) {
            Some(v) => at = v,
            None => return Ok(()),
        }
    }
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    if let Some(items) = at.as_array_mut() {
        for item in items {
            scale_at(item, rest, k)?;
        }
    }
    Ok(())
}

/// The example's figures in `doc` scaled to a firm of `size` (and `occupancy`, when the
/// sector has one and the row gives it). Errors name the firm's column.
pub(super) fn apply(
    doc: &mut Value,
    scaling: &Scaling,
    size: &Value,
    occupancy: Option<&Value>,
) -> Result<()> {
    let sector = scaling.sector;
    let k_size = ratio(doc, sector, &scaling.size, size)?;
    let k_occupancy = match (scaling.occupancy, occupancy) {
        (Some(column), Some(cell)) => ratio(doc, sector, &column, cell)?,
        _ => 1.0,
    };
    for (path, driver) in scaling.scaled {
        let k = match driver {
            Driver::Size => k_size,
            Driver::Activity => k_size * k_occupancy,
        };
        scale_at(doc, &table_path(sector, path), k)?;
    }
    Ok(())
}

/// The occupancy column of the sector, if it has one.
pub(super) fn occupancy_column(scaling: &Scaling) -> Option<&'static str> {
    scaling.occupancy.map(|c| c.column)
}

/// One sector's row of the scaling table, as data.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
pub struct ScaledFigures {
    /// The sector.
    pub sector: Sector,
    /// The size column a firm gives.
    pub size: String,
    /// Its range.
    pub range: String,
    /// The occupancy column, if the sector has one.
    pub occupancy: Option<String>,
    /// The figures multiplied by the size over the example's (paths in the document).
    pub with_size: Vec<String>,
    /// The figures multiplied by size × occupancy over the example's.
    pub with_size_and_occupancy: Vec<String>,
}

/// The scaling table (see [`crate::program::screen`]), one row per sector screened.
pub fn scaling() -> Vec<ScaledFigures> {
    TABLE
        .iter()
        .map(|s| {
            let paths = |d: Driver| {
                s.scaled
                    .iter()
                    .filter(|(_, x)| *x == d)
                    .map(|(p, _)| table_path(s.sector, p))
                    .collect()
            };
            ScaledFigures {
                sector: s.sector,
                size: s.size.column.to_string(),
                range: s.size.range.to_string(),
                occupancy: s.occupancy.map(|c| c.column.to_string()),
                with_size: paths(Driver::Size),
                with_size_and_occupancy: paths(Driver::Activity),
            }
        })
        .collect()
}

/// The SI bounds of the size column of `scaling` for the example `doc`.
pub(super) fn size_bounds(doc: &Value, scaling: &Scaling) -> Result<(f64, f64)> {
    let path = document_path(scaling.sector, scaling.size.column);
    let example = get(doc, &path).ok_or_else(|| Error::MissingField { path: path.clone() })?;
    let (x0, _) = si_of(example, scaling.size.dimension, &path)?;
    Ok((x0 * scaling.size.low, x0 * scaling.size.high))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_table_lists_every_scaled_figure() {
        let md = include_str!("scaling.md");
        for s in TABLE {
            let line = md
                .lines()
                .find(|l| l.starts_with(&format!("| {} |", s.sector.key())))
                .unwrap_or_else(|| panic!("{} not documented", s.sector.key()));
            assert!(line.contains(&format!("`{}`", s.size.column)), "{line}");
            for (p, _) in s.scaled {
                let shown = p.strip_prefix("options[*].").unwrap_or(p);
                assert!(
                    line.contains(&format!("`{shown}`")),
                    "{p} missing in {line}"
                );
            }
        }
    }

    #[test]
    fn scaled_strings_keep_their_unit_and_round_to_six_digits() {
        let v = times(&Value::String("33500 m3/yr".into()), 1.0 / 3.0, "x").unwrap();
        assert_eq!(v, Value::String("11166.7 m3/yr".into()));
        let v = times(&serde_json::json!(["100 USD", "50 USD"]), 2.0, "x").unwrap();
        assert_eq!(v, serde_json::json!(["200 USD", "100 USD"]));
    }
}
