//! Programmes: many assessments together, as a cleaner-production centre, a loan fund or a
//! regional programme reports them.
//!
//! [`evaluate`] reads and appraises many documents in parallel (threads on native targets, one
//! on wasm32); a document that fails is reported with its name and the error's field path, and
//! the others are still evaluated. The figures are those programmes publish: sites, options,
//! options by UNEP category, cost class and status, investment, annual savings and the
//! programme's simple payback (per currency: money in different currencies is never added,
//! unless [`ExchangeRates`] are given), and water (m3), each chemical (t), energy (MWh), solid
//! waste (t) and CO2 (t) per year and over the options' lives ([`Amounts`]).
//!
//! A site's options are counted as its portfolio applies them (in the order of their NPV,
//! alternatives set aside left out), so that options on the same stream are not counted twice
//! and the options of a site add up to the site's totals.
//!
//! ```
//! use cleanprod::program::{self, Settings, Source};
//! let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
//! let sources = ["hotel.toml", "hospital.toml"]
//!     .map(|f| Source::toml(f, std::fs::read_to_string(format!("{dir}/{f}")).unwrap()));
//! let p = program::evaluate(&sources, &Settings::default());
//! assert_eq!(p.totals.sites, 2);
//! assert!(p.failures.is_empty());
//! assert_eq!(p.totals.money[0].currency, "USD"); // both in USD: one sum
//! ```

mod aggregate;
mod amounts;
mod columns;
pub mod fund;
mod parallel;
mod rank;
pub mod screen;
mod site;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Assessment;
use crate::document::SourceFormat;
use crate::error::{Error, Result};

pub use aggregate::{ExchangeRates, Figures, Group, MoneyFigures, Reported};
pub use amounts::Amounts;
pub use columns::{Column, columns};
pub use rank::{Potential, Ranked, rank};
pub use site::{OptionRow, SiteRow};

/// One document of a programme: its name (a file name, a firm's id) and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The name failures and rows are reported under.
    pub name: String,
    /// The document, TOML or JSON.
    pub text: String,
    /// `toml` or `json`; from the name's extension, else from the text, when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

impl Source {
    /// A document named `name`, its format from the name's extension, else from the text.
    ///
    /// ```
    /// use cleanprod::program::Source;
    /// let s = Source::named("mill.json", "{}");
    /// assert_eq!((s.name.as_str(), s.format), ("mill.json", None));
    /// ```
    pub fn named(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            name: name.into(),
            text: text.into(),
            format: None,
        }
    }

    /// A TOML document named `name`.
    pub fn toml(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            name: name.into(),
            text: text.into(),
            format: Some("toml".to_string()),
        }
    }

    /// The document read and checked.
    fn read(&self) -> Result<Assessment> {
        let format = match &self.format {
            Some(f) => SourceFormat::from_name(f)
                .ok_or_else(|| Error::out_of_range("format", f, "must be toml or json"))?,
            None => SourceFormat::from_path(&self.name)
                .unwrap_or_else(|| SourceFormat::sniff(&self.text)),
        };
        Assessment::parse(&self.text, format)
    }
}

/// How a programme is evaluated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Threads (every core when absent; one on wasm32). The figures do not depend on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threads: Option<usize>,
    /// Exchange rates bringing every site's money to one currency; money is summed per
    /// currency without them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exchange_rates: Option<ExchangeRates>,
    /// Stops the evaluation when cancelled: the documents not yet evaluated are failures with
    /// the code `cancelled`.
    #[serde(skip)]
    #[schemars(skip)]
    pub cancel: Option<crate::cancel::Cancel>,
}

impl Settings {
    /// Settings from their JSON form (`{"threads": 2, "exchange_rates": {...}}`), as the
    /// JS surface passes them; errors name the field.
    ///
    /// ```
    /// use cleanprod::program::Settings;
    /// let e = Settings::from_json_value(serde_json::json!({"threads": "two"})).unwrap_err();
    /// assert_eq!(e.path(), "threads");
    /// ```
    pub fn from_json_value(value: serde_json::Value) -> Result<Settings> {
        crate::wire::typed(&value)
    }
}

/// A document that could not be evaluated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Failure {
    /// The document's name.
    pub document: String,
    /// The error's code (`unit_dimension`, `currency_mismatch`, ...).
    pub code: String,
    /// The field path in the document.
    pub path: String,
    /// The error's class: syntax, document, unit, value or no_solution.
    pub category: String,
    /// The message.
    pub message: String,
}

impl Failure {
    fn new(document: &str, e: &Error) -> Failure {
        Failure {
            document: document.to_string(),
            code: e.code().to_string(),
            path: e.path().to_string(),
            category: e.category().name().to_string(),
            message: e.to_string(),
        }
    }
}

/// A programme evaluated: totals, breakdowns, one row per site and per option, and the
/// documents that failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Programme {
    /// Documents given.
    pub documents: u32,
    /// The documents that could not be evaluated, in the order given.
    pub failures: Vec<Failure>,
    /// Every option of every site evaluated (`sites`: every site evaluated, with options or
    /// not).
    pub totals: Figures,
    /// By sector.
    pub by_sector: Vec<Group>,
    /// By UNEP/UNIDO category.
    pub by_category: Vec<Group>,
    /// By cost class (no_cost, low_cost, investment).
    pub by_cost_class: Vec<Group>,
    /// By status (identified, planned, implemented).
    pub by_status: Vec<Group>,
    /// One row per site evaluated, in the order given.
    pub sites: Vec<SiteRow>,
    /// One row per option of the sites evaluated (those set aside too, with
    /// `in_portfolio = false`).
    pub options: Vec<OptionRow>,
}

impl Programme {
    /// A programme read back from its JSON form (as the bindings hold it), to draw its chart
    /// or report it again; errors name the field.
    ///
    /// ```
    /// use cleanprod::program::{self, Programme, Settings, Source};
    /// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
    /// let p = program::evaluate(&[Source::toml("hotel.toml", text)], &Settings::default());
    /// let back = Programme::from_json_value(serde_json::to_value(&p).unwrap()).unwrap();
    /// assert_eq!(back, p);
    /// ```
    pub fn from_json_value(value: serde_json::Value) -> Result<Programme> {
        crate::wire::typed_result(&value)
    }
}

/// Read and evaluate every source, in parallel; see the [module](self).
pub fn evaluate(sources: &[Source], settings: &Settings) -> Programme {
    let cancel = settings.cancel.clone().unwrap_or_default();
    let rows = parallel::map(sources, settings.threads, |s| {
        cancel.check()?;
        s.read().and_then(|a| site::rows(&s.name, &a))
    });
    let names: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
    assemble(&names, rows, settings)
}

/// Evaluate assessments already read, by name, in parallel; see the [module](self).
pub fn evaluate_assessments(items: &[(String, Assessment)], settings: &Settings) -> Programme {
    let cancel = settings.cancel.clone().unwrap_or_default();
    let rows = parallel::map(items, settings.threads, |(name, a)| {
        cancel.check()?;
        site::rows(name, a)
    });
    let names: Vec<&str> = items.iter().map(|(n, _)| n.as_str()).collect();
    assemble(&names, rows, settings)
}

/// The rows of a programme evaluated in parts (on several machines: one part per batch of
/// documents), read back from their JSON form; the totals and breakdowns are computed again
/// from the rows, so a part's own are ignored.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Part {
    /// Documents given to the part.
    pub documents: u32,
    /// Its failures.
    pub failures: Vec<Failure>,
    /// Its sites.
    pub sites: Vec<SiteRow>,
    /// Its options.
    pub options: Vec<OptionRow>,
}

impl Part {
    /// A part from its JSON form (a [`Programme`] serialized); errors name the field.
    pub fn from_json_value(value: serde_json::Value) -> Result<Part> {
        crate::wire::deserialize_tracked(&value).map_err(|e| Error::InvalidType {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })
    }
}

/// The programme of all `parts` together, in the order given: what [`evaluate`] gives for
/// their documents at once (the same rows, failures, totals and breakdowns), when `settings`
/// bring money to one currency as the parts' did.
///
/// ```
/// use cleanprod::program::{self, Part, Settings, Source};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
/// let one = program::evaluate(&[Source::toml("a.toml", text.clone())], &Settings::default());
/// let two = program::evaluate(&[Source::toml("b.toml", text.clone())], &Settings::default());
/// let both = program::evaluate(&[Source::toml("a.toml", text.clone()), Source::toml("b.toml", text)], &Settings::default());
/// let parts: Vec<Part> = [one, two].iter()
///     .map(|p| Part::from_json_value(serde_json::to_value(p).unwrap()).unwrap())
///     .collect();
/// assert_eq!(program::combine(parts, &Settings::default()), both);
/// ```
pub fn combine(parts: Vec<Part>, settings: &Settings) -> Programme {
    let mut documents = 0u32;
    let mut failures = Vec::new();
    let mut sites = Vec::new();
    let mut options = Vec::new();
    for p in parts {
        documents = documents.saturating_add(p.documents);
        failures.extend(p.failures);
        sites.extend(p.sites);
        options.extend(p.options);
    }
    summarise(documents, failures, sites, options, settings)
}

/// The totals and breakdowns of these rows.
fn summarise(
    documents: u32,
    failures: Vec<Failure>,
    sites: Vec<SiteRow>,
    options: Vec<OptionRow>,
    settings: &Settings,
) -> Programme {
    let rates = settings.exchange_rates.as_ref();
    let mut totals = aggregate::figures(options.iter(), rates);
    // Every site evaluated counts, those without an option too.
    totals.sites = site::count(sites.len());
    Programme {
        documents,
        failures,
        totals,
        by_sector: aggregate::by(&options, |r| r.sector.key().to_string(), rates),
        by_category: aggregate::by(&options, |r| key_of(&r.category), rates),
        by_cost_class: aggregate::by(&options, |r| key_of(&r.cost_class), rates),
        by_status: aggregate::by(&options, |r| r.status.key().to_string(), rates),
        sites,
        options,
    }
}

/// Snake-case name of a unit variant, as serde writes it.
fn key_of<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn assemble(
    names: &[&str],
    rows: Vec<Result<(SiteRow, Vec<OptionRow>)>>,
    settings: &Settings,
) -> Programme {
    let rates = settings.exchange_rates.as_ref();
    let mut failures = Vec::new();
    let mut sites = Vec::new();
    let mut options = Vec::new();
    for (name, r) in names.iter().zip(rows) {
        match r {
            Ok((site, rows)) => {
                if let Some(x) = rates
                    && x.factor(&site.currency).is_none()
                {
                    let e = Error::Currency {
                        path: "currency".to_string(),
                        value: site.currency.clone(),
                        found: site.currency.clone(),
                        expected: format!("{} (no exchange rate given for it)", x.currency),
                    };
                    failures.push(Failure::new(name, &e));
                    continue;
                }
                sites.push(site);
                options.extend(rows);
            }
            Err(e) => failures.push(Failure::new(name, &e)),
        }
    }
    summarise(site::count(names.len()), failures, sites, options, settings)
}

/// The JSON Schema of [`Programme`].
pub fn programme_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Programme)).unwrap_or(serde_json::Value::Null)
}
