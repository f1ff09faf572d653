//! [`Assessment`]: a validated document and what the engine computes from it.

use schemars::JsonSchema;
use serde::Serialize;

use crate::document::{self, AnnualOutput, Document, Sector, SourceFormat};
use crate::error::{Error, Result};
use crate::units::{Measure, Measured, format_number};

/// A validated assessment document.
///
/// ```
/// use cleanprod::Assessment;
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// assert_eq!(a.document().site.sector.key(), "hotel");
/// let s = a.summary();
/// assert!(s.annual_output.ends_with("guest-night"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    document: Document,
}

impl Assessment {
    /// Read and validate a TOML document.
    pub fn from_toml_str(text: &str) -> Result<Self> {
        Assessment::parse(text, SourceFormat::Toml)
    }

    /// Read and validate a JSON document.
    pub fn from_json_str(text: &str) -> Result<Self> {
        Assessment::parse(text, SourceFormat::Json)
    }

    /// Read and validate a document written in `format`.
    pub fn parse(text: &str, format: SourceFormat) -> Result<Self> {
        document::from_text(text, format).map(|document| Assessment { document })
    }

    /// Validate a document given as a JSON value (a Python dict or JS object, converted).
    pub fn from_json_value(value: serde_json::Value) -> Result<Self> {
        document::from_value(value).map(|document| Assessment { document })
    }

    /// Validate a typed document built in Rust.
    pub fn from_document(document: Document) -> Result<Self> {
        document.validate()?;
        Ok(Assessment { document })
    }

    /// The document.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The document as a JSON value, every physical value as a string with its unit.
    pub fn to_json_value(&self) -> serde_json::Value {
        serde_json::to_value(&self.document).unwrap_or(serde_json::Value::Null)
    }

    /// The document as JSON text (indented).
    pub fn to_json_string(&self) -> String {
        serde_json::to_string_pretty(&self.document).unwrap_or_default()
    }

    /// The document as TOML text.
    pub fn to_toml_string(&self) -> Result<String> {
        toml::to_string(&self.document).map_err(|e| Error::InvalidType {
            path: String::new(),
            message: format!("cannot be written as TOML: {e}"),
        })
    }

    /// The material and energy balances of the document's flowsheet, if it has one, with
    /// the specific indicators (energy and water per unit of output).
    pub fn balance(&self) -> Result<Option<crate::flowsheet::Balance>> {
        let d = &*self.document.expanded()?;
        let Some(f) = &d.flowsheet else {
            return Ok(None);
        };
        let mut b = f.balance(&d.schedule)?;
        let (output, per) = match d.production.output.per_year(&d.schedule) {
            AnnualOutput::Mass(m) => (m.si() / 1_000.0, "t".to_string()),
            AnnualOutput::Volume(v) => (v.si(), "m3".to_string()),
            AnnualOutput::Count(n) => (n, d.production.product.clone()),
        };
        let water = b
            .components
            .iter()
            .find(|c| c.component == "water")
            .and_then(|c| c.site.sources);
        if output > 0.0 {
            if let Some(e) = &mut b.energy {
                e.specific_energy = Some(format!(
                    "{} kWh/{per}",
                    format_number(round_to(e.total / output, 4))
                ));
            }
            // Water at 1 kg/L, as the flowsheet reads volumes of water.
            b.specific_water = water.map(|w| {
                format!(
                    "{} m3/{per}",
                    format_number(round_to(w / 1_000.0 / output, 4))
                )
            });
        }
        Ok(Some(b))
    }

    /// The appraisal of every option: savings, cost class, paybacks, NPV, IRR.
    pub fn evaluate(&self) -> Result<crate::options::Evaluation> {
        crate::options::evaluate(&*self.document.expanded()?)
    }

    /// The options named by `ids` applied one after the other to one model: what each adds to
    /// those before it, and their total.
    pub fn portfolio(&self, ids: &[&str]) -> Result<crate::options::Sequence> {
        crate::options::sequence(&*self.document.expanded()?, ids)
    }

    /// Option ids ranked by `metric` (`"npv"`, `"irr"`, `"simple_payback"`, ... see
    /// [`crate::options::Metric`]), best first.
    pub fn rank(&self, metric: &str) -> Result<Vec<String>> {
        let metric: crate::options::Metric = metric.parse()?;
        Ok(crate::options::rank(&self.evaluate()?.options, metric))
    }

    /// The sector benchmarks: for a `[template.tanning]` document, the indicators per tonne of
    /// raw hide before and after the options against published ranges, the chrome balance,
    /// and warnings about unusual figures (none without a sector template).
    pub fn benchmarks(&self) -> Result<Option<crate::sectors::tanning::TanningBenchmarks>> {
        crate::sectors::tanning::benchmarks(&self.document)
    }

    /// The reconciliation of the flowsheet's redundant measurements, per component (empty
    /// without a flowsheet or without redundant measurements).
    pub fn reconcile(&self) -> Result<Vec<crate::flowsheet::ComponentReconciliation>> {
        Ok(self
            .balance()?
            .map(|b| b.reconciliations())
            .unwrap_or_default())
    }

    /// The figures a consultant checks first: who, when, how much, at what prices.
    pub fn summary(&self) -> Summary {
        let d = &self.document;
        let annual_output = match d.production.output.per_year(&d.schedule) {
            AnnualOutput::Mass(m) => in_unit(m, "t"),
            AnnualOutput::Volume(v) => in_unit(v, "m3"),
            AnnualOutput::Count(n) => {
                format!("{} {}", format_number(round_sig(n)), d.production.product)
            }
        };
        Summary {
            site: d.site.name.clone(),
            sector: d.site.sector,
            location: d.site.location.clone(),
            currency: d.currency.to_string(),
            operating_time: in_unit(d.schedule.operating_time(), "h"),
            product: d.production.product.clone(),
            output: d.production.output.to_string(),
            annual_output,
            prices: d
                .prices
                .iter()
                .map(|(resource, price)| PriceLine {
                    resource: resource.clone(),
                    price: price.to_string(),
                    dimension: price.dimension().name().to_string(),
                })
                .collect(),
            discount_rate: d.finance.discount_rate.to_string(),
            rate_basis: d.finance.rate_basis,
            horizon: d.finance.horizon.to_string(),
        }
    }
}

/// `quantity` written in `unit`, rounded to 9 significant digits for reading.
fn in_unit<M: Measure>(quantity: M, unit: &str) -> String {
    let m = Measured::new(quantity);
    match m.number_in(unit) {
        Ok(n) => format!("{} {unit}", format_number(round_sig(n))),
        Err(_) => m.to_string(),
    }
}

/// `x` rounded to 9 significant digits, so that 3599.9999999999995 reads 3600.
fn round_sig(x: f64) -> f64 {
    round_to(x, 9)
}

/// `x` rounded to `significant` digits.
pub(crate) fn round_to(x: f64, significant: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = significant - 1 - x.abs().log10().floor() as i32;
    let scale = 10f64.powi(digits);
    let r = (x * scale).round() / scale;
    if r.is_finite() { r } else { x }
}

/// The JSON Schema of [`Summary`].
pub fn summary_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Summary)).unwrap_or(serde_json::Value::Null)
}

/// The figures of a document a consultant checks first.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Summary {
    /// Site name.
    pub site: String,
    /// Sector.
    pub sector: Sector,
    /// Location.
    pub location: String,
    /// Currency code.
    pub currency: String,
    /// Operating time per year, in hours.
    pub operating_time: String,
    /// What is produced.
    pub product: String,
    /// Output rate as written.
    pub output: String,
    /// Output per year under the schedule.
    pub annual_output: String,
    /// Prices as written.
    pub prices: Vec<PriceLine>,
    /// Discount rate.
    pub discount_rate: String,
    /// Real or nominal.
    pub rate_basis: document::RateBasis,
    /// Appraisal horizon.
    pub horizon: String,
}

/// One price of a [`Summary`].
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PriceLine {
    /// Resource name.
    pub resource: String,
    /// Price as written.
    pub price: String,
    /// What it is per.
    pub dimension: String,
}
