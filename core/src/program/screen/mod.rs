//! Screening a region: which of its firms to visit first.
//!
//! From a table of firms (one row each: `id`, `sector` and size figures as strings with
//! units), each firm's document is its sector's starting document
//! ([`starting_document`](crate::document::starting_document()), the example with its catalogue
//! options) with the firm's figures: the size columns scale the example's totals as
//! [the table below](self#which-figures-scale) lists, and any other column is written at
//! its path (`occupancy`, `chrome_offer`, `water.soaking` under `template.<sector>`;
//! `prices.water`, `schedule.days_per_year` in the document). Every document is then read
//! and evaluated as any other, in parallel (threads on native targets, one on wasm32), and
//! the firms are ranked by their potential per visit ([`Potential`]) with the figures the
//! rank depends on. A bad row is a [`Failure`] naming the row's id and the column (or field
//! path), and the other rows are still screened.
//!
//! ```
//! use cleanprod::program::{Potential, screen::{Firms, ScreenSettings, screen}};
//! let firms = Firms {
//!     columns: vec!["id".into(), "sector".into(), "rooms".into(), "occupancy".into()],
//!     rows: vec![
//!         vec!["h1".into(), "hotel".into(), "60".into(), "65 %".into()],
//!         vec!["h2".into(), "hotel".into(), "240".into(), "".into()],
//!         vec!["h3".into(), "hotel".into(), "5000".into(), "".into()],
//!     ],
//! };
//! let s = screen(&firms, &ScreenSettings { by: Potential::Water, ..ScreenSettings::default() }).unwrap();
//! assert_eq!(s.ranking[0].id, "h2"); // the largest hotel saves the most water
//! assert_eq!(s.failures[0].document, "h3");
//! assert_eq!(s.failures[0].path, "rooms"); // beyond ten times the example's 120 rooms
//! ```
//!
//! # Which figures scale
//!
//! One table in the code ([`scaling`] gives it as data) says, per sector, the size column and
//! its range, and the example's figures multiplied by the firm's size over the example's:
//!
#![doc = include_str!("scaling.md")]
//!
//! # Monte Carlo per firm
//!
#![doc = include_str!("draws.md")]

mod draws;
pub mod region;
mod scaling;
mod table;

pub use draws::DEFAULT_SCREEN_DRAWS;
pub use scaling::{ScaledFigures, scaling};

use std::collections::{BTreeSet, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::aggregate::ExchangeRates;
use super::rank::{Potential, rank};
use super::site::{self, SiteRow, count};
use super::{Failure, parallel};
use crate::Assessment;
use crate::document::{Sector, starting_document};
use crate::error::{Error, Result};
use crate::sections::uncertainty::Uncertainty;

/// A table of firms: column names and rows of cells, every cell a string (`"12 t/d"`,
/// `"120"`, `"72 %"`); an empty cell is a figure the row does not give.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Firms {
    /// Column names: `id`, `sector`, then paths as documents write them.
    pub columns: Vec<String>,
    /// One row per firm, one cell per column.
    pub rows: Vec<Vec<String>>,
}

/// How firms are screened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScreenSettings {
    /// The potential ranked by (NPV when absent).
    #[serde(default = "by_npv")]
    pub by: Potential,
    /// Threads (every core when absent; one on wasm32). The figures do not depend on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threads: Option<usize>,
    /// Exchange rates bringing NPVs to one currency (needed to rank by NPV when the sectors'
    /// documents use several).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exchange_rates: Option<ExchangeRates>,
    /// Draws per firm: the region's uncertainty, one `[uncertainty]` section for every firm
    /// (`prices.<resource>`, `finance.discount_rate`, and the multipliers `options.capex` and
    /// `options.savings` of every option of the firm's package; 1,000 draws when it does not
    /// say). See [the draws](self#monte-carlo-per-firm).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<Uncertainty>,
    /// Stops the screening when cancelled (it then ends with `Error::Cancelled`).
    #[serde(skip)]
    #[schemars(skip)]
    pub cancel: Option<crate::cancel::Cancel>,
}

impl ScreenSettings {
    /// Settings from their JSON form (`{"by": "npv_p10", "uncertainty": {...}}`), as the JS
    /// surface passes them; errors name the field.
    ///
    /// ```
    /// use cleanprod::program::screen::ScreenSettings;
    /// let e = ScreenSettings::from_json_value(serde_json::json!({"by": "size"})).unwrap_err();
    /// assert_eq!(e.path(), "by");
    /// ```
    pub fn from_json_value(value: Value) -> Result<ScreenSettings> {
        crate::wire::typed(&value)
    }
}

/// NPV: what a screening ranks by when its settings do not say.
fn by_npv() -> Potential {
    Potential::Npv
}

impl Default for ScreenSettings {
    fn default() -> Self {
        ScreenSettings {
            by: by_npv(),
            threads: None,
            exchange_rates: None,
            uncertainty: None,
            cancel: None,
        }
    }
}

/// One firm in the ranking, with the figures its rank depends on. Money in `currency`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Screened {
    /// 1 for the highest potential; ties keep the order of the table.
    pub rank: u32,
    /// The firm's row in the table (0 for the first).
    pub row: u32,
    /// The firm's id.
    pub id: String,
    /// Its sector.
    pub sector: Sector,
    /// Its size figure as given (`"12 t/d"`, `"120"`).
    pub size: String,
    /// The value ranked by (NPV in `currency`, m3 or t per year).
    pub value: f64,
    /// Currency of the money (the exchange rates' when given).
    pub currency: String,
    /// NPV of the firm's portfolio of default options.
    pub npv: f64,
    /// Its investment.
    pub capex: f64,
    /// Money it saves per year.
    pub annual_saving: f64,
    /// Investment / annual saving, years (none without a saving).
    pub simple_payback_years: Option<f64>,
    /// Water saved per year, m3.
    pub water_m3: f64,
    /// CO2 avoided per year, t.
    pub co2_t: f64,
    /// Energy saved per year, MWh.
    pub energy_mwh: f64,
    /// Options in the portfolio.
    pub options: u32,
    /// Mean NPV over the draws (with an uncertainty section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub npv_mean: Option<f64>,
    /// 10th percentile of the NPV over the draws.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub npv_p10: Option<f64>,
    /// Median NPV over the draws.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub npv_p50: Option<f64>,
    /// 90th percentile of the NPV over the draws.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub npv_p90: Option<f64>,
    /// Share of the draws whose NPV is below zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability_loss: Option<f64>,
}

/// A region screened: the ranking, the firms' portfolios and the rows that failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Screening {
    /// Rows given.
    pub firms: u32,
    /// What it is ranked by.
    pub by: Potential,
    /// Draws per firm (none without an uncertainty section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draws: Option<u32>,
    /// The firms screened, highest potential first.
    pub ranking: Vec<Screened>,
    /// The rows that could not be screened, in the table's order: `document` is the firm's
    /// id (`row N` without one), `path` the column or the field of its document.
    pub failures: Vec<Failure>,
}

/// The columns every table has.
const ID: &str = "id";
const SECTOR: &str = "sector";

/// The table's columns checked: where `id` and `sector` are, and no name twice.
fn header(firms: &Firms) -> Result<(usize, usize)> {
    let mut seen = BTreeSet::new();
    for (i, c) in firms.columns.iter().enumerate() {
        if !seen.insert(c.trim()) {
            return Err(Error::out_of_range(
                format!("columns[{i}]"),
                c,
                "is a column name given twice",
            ));
        }
    }
    let find = |name: &str| {
        firms
            .columns
            .iter()
            .position(|c| c.trim() == name)
            .ok_or_else(|| Error::MissingField {
                path: format!("columns ({name})"),
            })
    };
    Ok((find(ID)?, find(SECTOR)?))
}

/// The starting documents of the sectors screened, as JSON values (without their
/// uncertainty section, which describes the example's figures).
struct Starters(HashMap<Sector, Value>);

impl Starters {
    fn new() -> Starters {
        let mut map = HashMap::new();
        for s in scaling::TABLE {
            let value = starting_document(s.sector)
                .and_then(|text| Assessment::from_toml_str(text).ok())
                .and_then(|a| serde_json::to_value(a.document()).ok());
            if let Some(mut v) = value {
                if let Some(o) = v.as_object_mut() {
                    o.remove("uncertainty");
                }
                map.insert(s.sector, v);
            }
        }
        Starters(map)
    }
}

/// The document of one firm's row; errors name the column or the document's field.
/// The document of one row, and the paths of the cells it gave with their columns.
fn document<'c>(
    starters: &Starters,
    columns: &'c [String],
    row: &[String],
    id: &str,
    sector_cell: &str,
) -> Result<(Value, Vec<(String, &'c str)>)> {
    let sector = Sector::ALL
        .iter()
        .copied()
        .find(|s| s.key() == sector_cell.trim())
        .ok_or_else(|| {
            Error::out_of_range(
                SECTOR,
                sector_cell,
                "is not a sector screened: tanning, hotel, hospital, chemicals or automotive",
            )
        })?;
    let (Some(table), Some(base)) = (scaling::of(sector), starters.0.get(&sector)) else {
        return Err(Error::out_of_range(
            SECTOR,
            sector_cell,
            "has no starting document to screen with",
        ));
    };
    if row.len() != columns.len() {
        return Err(Error::out_of_range(
            "row",
            row.len(),
            format!("has {} cells for {} columns", row.len(), columns.len()),
        ));
    }
    let cell = |name: &str| {
        columns
            .iter()
            .position(|c| c.trim() == name)
            .map(|i| row[i].trim())
            .filter(|v| !v.is_empty())
    };
    let size = cell(table.size.column).ok_or_else(|| Error::MissingField {
        path: table.size.column.to_string(),
    })?;
    let occupancy = scaling::occupancy_column(table)
        .and_then(cell)
        .map(|c| Value::String(c.to_string()));
    let mut doc = base.clone();
    scaling::apply(
        &mut doc,
        table,
        &Value::String(size.to_string()),
        occupancy.as_ref(),
    )?;
    let mut values = vec![("site.name".to_string(), Value::String(id.to_string()))];
    let mut given = Vec::new();
    for (c, v) in columns.iter().zip(row) {
        let (c, v) = (c.trim(), v.trim());
        if c == ID || c == SECTOR || v.is_empty() {
            continue;
        }
        let path = scaling::document_path(sector, c);
        let (_, existing) = crate::document::paths::resolve(&doc, &path, c)?;
        given.push((path.clone(), c));
        values.push((path.clone(), scaling::cell_value(existing, v, c)?));
    }
    crate::document::paths::write_values(&mut doc, &values)?;
    Ok((doc, given))
}

/// `e` at the firm's column when it is about a figure the row gave (`chrome_offer`, not
/// `template.tanning.chrome_offer`).
fn at_column(e: Error, given: &[(String, &str)]) -> Error {
    let path = e.path().to_string();
    for (full, column) in given {
        if let Some(rest) = path.strip_prefix(full.as_str())
            && (rest.is_empty() || rest.starts_with(['.', '[', ' ']))
        {
            return e.with_path(format!("{column}{rest}"));
        }
    }
    e
}

/// One firm evaluated, with the spread of its NPV when `plan` draws.
fn firm(
    starters: &Starters,
    columns: &[String],
    row: &[String],
    id: &str,
    sector: &str,
    plan: Option<&draws::Plan>,
) -> Result<(SiteRow, String, Option<draws::Risk>)> {
    let (doc, given) = document(starters, columns, row, id, sector)?;
    let inputs = plan.map(|p| p.inputs(&doc)).transpose()?;
    let a = Assessment::from_json_value(doc).map_err(|e| at_column(e, &given))?;
    let (site, _) = site::rows(id, &a)?;
    let risk = match (plan, inputs) {
        (Some(p), Some(inputs)) => Some(p.risk(&a, &inputs, id)?),
        _ => None,
    };
    let size = scaling::of(site.sector)
        .and_then(|t| {
            columns
                .iter()
                .position(|c| c.trim() == t.size.column)
                .map(|i| row[i].trim().to_string())
        })
        .unwrap_or_default();
    Ok((site, size, risk))
}

/// The document a row of `firms` stands for, as JSON (what [`screen`] evaluates for it): to
/// read, save or edit before a visit. `index` is the row's position.
pub fn firm_document(firms: &Firms, index: usize) -> Result<Value> {
    let (i_id, i_sector) = header(firms)?;
    let row = firms
        .rows
        .get(index)
        .ok_or_else(|| Error::out_of_range("index", index, "is beyond the table's rows"))?;
    let id = row.get(i_id).map_or("", |s| s.trim());
    let sector = row.get(i_sector).map_or("", |s| s.trim());
    document(&Starters::new(), &firms.columns, row, id, sector).map(|(doc, _)| doc)
}

/// Screen `firms`; see the [module](self). The table's own problems (no `id` or `sector`
/// column, a column named twice, two rows with one id) and a ranking by NPV over several
/// currencies without exchange rates are errors; a bad row is a failure.
pub fn screen(firms: &Firms, settings: &ScreenSettings) -> Result<Screening> {
    let (i_id, i_sector) = header(firms)?;
    let mut ids = HashMap::with_capacity(firms.rows.len());
    for (n, row) in firms.rows.iter().enumerate() {
        let id = row.get(i_id).map_or("", |s| s.trim());
        if !id.is_empty()
            && let Some(first) = ids.insert(id, n)
        {
            return Err(Error::out_of_range(
                format!("rows[{n}].id"),
                id,
                format!("is the id of row {first} too: ids name one firm each"),
            ));
        }
    }
    let starters = Starters::new();
    let plan = match &settings.uncertainty {
        Some(u) => Some(draws::Plan::new(u, |name| {
            starters
                .0
                .values()
                .any(|d| d.get("prices").and_then(|p| p.get(name)).is_some())
        })?),
        None if settings.by.needs_draws() => {
            return Err(Error::out_of_range(
                "by",
                super::key_of(&settings.by),
                "is a statistic of draws: give the screening an uncertainty section",
            ));
        }
        None => None,
    };
    let cancel = settings.cancel.clone().unwrap_or_default();
    let results = parallel::map(&firms.rows, settings.threads, |row| {
        cancel.check()?;
        let id = row.get(i_id).map_or("", |s| s.trim());
        let sector = row.get(i_sector).map_or("", |s| s.trim());
        if id.is_empty() {
            return Err(Error::MissingField {
                path: ID.to_string(),
            });
        }
        firm(&starters, &firms.columns, row, id, sector, plan.as_ref())
    });
    cancel.check()?;
    let mut failures = Vec::new();
    let mut sites = Vec::new();
    let mut sizes = Vec::new();
    let mut risks = Vec::new();
    let mut rows = Vec::new();
    for (n, (row, r)) in firms.rows.iter().zip(results).enumerate() {
        match r {
            Ok((s, size, risk)) => {
                sites.push(s);
                sizes.push(size);
                risks.push(risk);
                rows.push(count(n));
            }
            Err(e) => {
                let id = row.get(i_id).map_or("", |s| s.trim());
                let name = if id.is_empty() {
                    format!("row {n}")
                } else {
                    id.to_string()
                };
                failures.push(Failure::new(&name, &e));
            }
        }
    }
    let by_npv = if settings.by.needs_draws() {
        Potential::Npv
    } else {
        settings.by
    };
    let ranked = rank(&sites, by_npv, settings.exchange_rates.as_ref())?;
    let position: HashMap<&str, usize> = sites
        .iter()
        .enumerate()
        .map(|(i, s)| (s.document.as_str(), i))
        .collect();
    let mut ranking: Vec<Screened> = ranked
        .into_iter()
        .filter_map(|r| {
            let i = *position.get(r.document.as_str())?;
            let s = &sites[i];
            let k = settings
                .exchange_rates
                .as_ref()
                .and_then(|x| x.factor(&s.currency))
                .unwrap_or(1.0);
            let risk = risks[i];
            let stat = |f: fn(&draws::Risk) -> f64| risk.as_ref().map(|r| k * f(r));
            let (npv_mean, npv_p10, npv_p50, npv_p90) = (
                stat(|r| r.mean),
                stat(|r| r.p10),
                stat(|r| r.p50),
                stat(|r| r.p90),
            );
            let value = match settings.by {
                Potential::NpvMean => npv_mean,
                Potential::NpvP10 => npv_p10,
                Potential::NpvP50 => npv_p50,
                Potential::NpvP90 => npv_p90,
                _ => None,
            }
            .unwrap_or(r.value);
            Some(Screened {
                rank: r.rank,
                row: rows[i],
                id: r.document,
                sector: s.sector,
                size: sizes[i].clone(),
                value,
                currency: r.currency,
                npv: r.npv,
                capex: r.capex,
                annual_saving: k * s.annual_saving,
                simple_payback_years: s.simple_payback_years,
                water_m3: r.water_m3,
                co2_t: r.co2_t,
                energy_mwh: r.energy_mwh,
                options: r.options,
                npv_mean,
                npv_p10,
                npv_p50,
                npv_p90,
                probability_loss: risk.map(|r| r.probability_loss),
            })
        })
        .collect();
    if settings.by.needs_draws() {
        order(&mut ranking);
    }
    Ok(Screening {
        firms: count(firms.rows.len()),
        by: settings.by,
        draws: plan.map(|p| p.draws),
        ranking,
        failures,
    })
}

/// The region's uncertainty (for [`ScreenSettings::uncertainty`]) from a TOML or JSON text:
/// an `[uncertainty]` section, or its fields at the top level; errors name the field.
///
/// ```
/// use cleanprod::{SourceFormat, program::screen::uncertainty_from_text};
/// let u = uncertainty_from_text(r#"
/// [uncertainty]
/// draws = 500
/// [[uncertainty.inputs]]
/// path = "prices.water"
/// spread = "± 20 %"
/// "#, SourceFormat::Toml).unwrap();
/// assert_eq!((u.draws, u.inputs[0].path.as_str()), (Some(500), "prices.water"));
/// assert!(uncertainty_from_text(r#"{"inputs": [{"path": 3}]}"#, SourceFormat::Json).is_err());
/// ```
pub fn uncertainty_from_text(text: &str, format: crate::SourceFormat) -> Result<Uncertainty> {
    let value = crate::wire::value_from_text(text, format)?;
    match value.get("uncertainty") {
        Some(section) => crate::wire::typed(section).map_err(|e| {
            let path = format!("uncertainty.{}", e.path());
            e.with_path(path)
        }),
        None => crate::wire::typed(&value),
    }
}

/// The screening of a table screened in parts (batches of its rows, in order, on other
/// processes or machines), read back from their JSON form: the same as [`screen`] of the
/// whole table with the same settings (rows renumbered after the parts before, ranks over all).
///
/// ```
/// use cleanprod::program::{Potential, screen::{Firms, ScreenSettings, Screening, combine, screen}};
/// let row = |id: &str, t: &str| vec![id.to_string(), "tanning".to_string(), t.to_string()];
/// let columns = vec!["id".to_string(), "sector".to_string(), "raw_hides".to_string()];
/// let rows = vec![row("a", "5 t/d"), row("b", "9 t/d"), row("c", "7 t/d")];
/// let s = ScreenSettings { by: Potential::Water, ..ScreenSettings::default() };
/// let part = |r: &[Vec<String>]| {
///     let p = screen(&Firms { columns: columns.clone(), rows: r.to_vec() }, &s).unwrap();
///     Screening::from_json_value(serde_json::to_value(&p).unwrap()).unwrap()
/// };
/// let whole = screen(&Firms { columns: columns.clone(), rows: rows.clone() }, &s).unwrap();
/// assert_eq!(combine(vec![part(&rows[..1]), part(&rows[1..])]).unwrap(), whole);
/// ```
pub fn combine(parts: Vec<Screening>) -> Result<Screening> {
    let by = parts.first().map_or(Potential::Npv, |p| p.by);
    let draws = parts.first().and_then(|p| p.draws);
    let mut firms = 0u32;
    let mut ranking = Vec::new();
    let mut failures = Vec::new();
    for (i, p) in parts.into_iter().enumerate() {
        if p.by != by {
            return Err(Error::out_of_range(
                format!("parts[{i}].by"),
                super::key_of(&p.by),
                "ranks by another potential than the first part",
            ));
        }
        if p.draws != draws {
            return Err(Error::out_of_range(
                format!("parts[{i}].draws"),
                p.draws.unwrap_or(0),
                "is not the first part's number of draws",
            ));
        }
        for mut r in p.ranking {
            r.row = r.row.saturating_add(firms);
            ranking.push(r);
        }
        failures.extend(p.failures);
        firms = firms.saturating_add(p.firms);
    }
    if let Some(other) = ranking.iter().find(|r| r.currency != ranking[0].currency)
        && by.is_money()
    {
        return Err(Error::out_of_range(
            "exchange_rates",
            &other.currency,
            format!(
                "is a second currency beside {}: NPVs in several currencies are ranked only with exchange rates",
                ranking[0].currency
            ),
        ));
    }
    order(&mut ranking);
    Ok(Screening {
        firms,
        by,
        draws,
        ranking,
        failures,
    })
}

/// `ranking` ordered as `rank` orders sites: by value, highest first, ties in the table's
/// order; ranks numbered from 1.
fn order(ranking: &mut [Screened]) {
    ranking.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.row.cmp(&b.row)));
    for (i, r) in ranking.iter_mut().enumerate() {
        r.rank = count(i + 1);
    }
}

impl Screening {
    /// A screening from its JSON form (a part screened elsewhere); errors name the field.
    pub fn from_json_value(value: Value) -> Result<Screening> {
        crate::wire::deserialize_tracked(&value).map_err(|e| Error::InvalidType {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })
    }
}
