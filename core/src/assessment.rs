//! [`Assessment`]: a document read, checked, expanded and solved once, and everything the
//! engine computes from it.

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::Serialize;

use crate::document::{self, AnnualOutput, Document, Limits, Sector, SourceFormat};
use crate::error::{Error, Result};
use crate::flowsheet::{Balance, ComponentReconciliation, Flowsheet};
use crate::options::{Case, CpOption, Effect, Evaluation, Flows, Metric, OptionResult, Sequence};
use crate::sectors::Benchmarks;
use crate::units::{Measure, Measured, format_number, round_to};

/// A validated assessment document, with its sector template expanded once and its balance and
/// appraisal computed at most once, on first use.
///
/// ```
/// use cleanprod::Assessment;
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// assert_eq!(a.document().site.sector.key(), "hotel");
/// let s = a.summary();
/// assert!(s.annual_output.ends_with("guest-night"));
/// let e = a.evaluate().unwrap();                  // solved here, kept for what follows
/// assert_eq!(&a.report().unwrap().evaluation, e);
/// ```
#[derive(Debug, Clone)]
pub struct Assessment {
    document: Document,
    /// The template's flowsheet (the document's own is used where there is no template).
    expanded_flowsheet: Option<Flowsheet>,
    /// The options appraised when they differ from the document's: its own, then the
    /// template's catalogue options, models turned into effects.
    expanded_options: Option<Vec<CpOption>>,
    /// The figures of each option's model (None without one).
    models: Vec<Option<serde_json::Value>>,
    /// The flowsheet's balance, solved once.
    balance: OnceLock<Result<Option<Balance>>>,
    /// The appraisal, computed once.
    evaluation: OnceLock<Result<Evaluation>>,
    /// The sector benchmarks, computed once.
    benchmarks: OnceLock<Result<Option<Benchmarks>>>,
}

impl PartialEq for Assessment {
    /// Two assessments are equal when their documents are.
    fn eq(&self, other: &Self) -> bool {
        self.document == other.document
    }
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

    /// Read and validate a document written in `format`, within the build's default
    /// [`Limits`].
    pub fn parse(text: &str, format: SourceFormat) -> Result<Self> {
        Assessment::parse_with(text, format, &Limits::default())
    }

    /// Read and validate a document written in `format` within `limits` (higher ones for a
    /// trusted document larger than the defaults allow).
    pub fn parse_with(text: &str, format: SourceFormat, limits: &Limits) -> Result<Self> {
        Assessment::from_document_with(document::from_text_with(text, format, limits)?, limits)
    }

    /// Validate a document given as a JSON value (a Python dict or JS object, converted).
    pub fn from_json_value(value: serde_json::Value) -> Result<Self> {
        Assessment::from_json_value_with(value, &Limits::default())
    }

    /// [`Assessment::from_json_value`] within `limits`.
    pub fn from_json_value_with(value: serde_json::Value, limits: &Limits) -> Result<Self> {
        Assessment::from_document_with(document::from_value_with(value, limits)?, limits)
    }

    /// A new assessment: this one's document with each `(path, value)` written at its path
    /// (paths as errors name them: `prices.water`, `options[rinse].capex`,
    /// `template.tanning.chrome_exhaustion`), validated as any document is. A scenario in
    /// one call; this assessment is unchanged.
    ///
    /// ```
    /// use cleanprod::Assessment;
    /// # let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/tannery.toml")).unwrap();
    /// let a = Assessment::from_toml_str(&text).unwrap();
    /// let dear = a.with_values(&[("prices.water".into(), "40 MXN/m3".into())]).unwrap();
    /// assert!(dear.to_json_string().contains("\"water\": \"40 MXN/m3\""));
    /// assert!(!a.to_json_string().contains("40 MXN/m3"));
    /// let e = a.with_values(&[("prices.water".into(), "40 MXN".into())]).unwrap_err();
    /// assert_eq!(e.path(), "prices.water");
    /// let e = a.with_values(&[("pricez.water".into(), "40 MXN/m3".into())]).unwrap_err();
    /// assert_eq!(e.path(), "pricez.water");
    /// ```
    pub fn with_values(&self, values: &[(String, serde_json::Value)]) -> Result<Self> {
        let mut doc = self.json_value()?;
        crate::document::paths::write_values(&mut doc, values)?;
        Assessment::from_json_value(doc)
    }

    /// A new assessment without the options `ids` (the document's own or its template's), nor
    /// the uncertain inputs that sample them; validated as any document is.
    ///
    /// ```
    /// use cleanprod::Assessment;
    /// # let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/tannery.toml")).unwrap();
    /// let a = Assessment::from_toml_str(&text).unwrap();
    /// let b = a.without_options(&["hair_save"]).unwrap();
    /// assert_eq!(b.evaluate().unwrap().options.len() + 1, a.evaluate().unwrap().options.len());
    /// assert_eq!(a.without_options(&["nope"]).unwrap_err().path(), "ids[0]");
    /// ```
    pub fn without_options(&self, ids: &[&str]) -> Result<Self> {
        let mut doc = self.json_value()?;
        crate::document::paths::remove_options(&mut doc, ids)?;
        Assessment::from_json_value(doc)
    }

    /// A new assessment with `option` (an option as the document writes it: `id`, `title`,
    /// `category`, `capex`, `effects`...) added to the document's own options; validated as
    /// any document is, so its errors name `options[n]`.
    pub fn with_option(&self, option: serde_json::Value) -> Result<Self> {
        let mut doc = self.json_value()?;
        crate::document::paths::add_option(&mut doc, option)?;
        Assessment::from_json_value(doc)
    }

    /// The document as a JSON value.
    fn json_value(&self) -> Result<serde_json::Value> {
        serde_json::to_value(&self.document).map_err(|e| Error::InvalidType {
            path: String::new(),
            message: e.to_string(),
        })
    }

    /// Validate a typed document built in Rust: its sections, then its template expanded once,
    /// then its options against the flowsheet they edit.
    pub fn from_document(document: Document) -> Result<Self> {
        Assessment::from_document_with(document, &Limits::default())
    }

    /// [`Assessment::from_document`] within `limits`.
    pub fn from_document_with(document: Document, limits: &Limits) -> Result<Self> {
        limits.check_document(&document)?;
        document.validate_sections()?;
        // The document's own flowsheet and options are borrowed, not copied, unless a template
        // or a model adds to them.
        let (expanded_flowsheet, mut expanded_options) = match document.expand()? {
            Some(x) => {
                let mut options = document.options.clone();
                options.extend(x.options);
                (Some(x.flowsheet), Some(options))
            }
            None => (None, None),
        };
        if let Some(options) = &expanded_options {
            limits.check_options(options.len())?;
        }
        if expanded_options.is_none() && document.options.iter().any(|o| o.model.is_some()) {
            expanded_options = Some(document.options.clone());
        }
        let ctx = document.context();
        let flowsheet = expanded_flowsheet.as_ref().or(document.flowsheet.as_ref());
        let models = match &mut expanded_options {
            Some(options) => options
                .iter_mut()
                .enumerate()
                .map(|(i, o)| crate::options::expand_model(&ctx, flowsheet, o, i))
                .collect::<Result<Vec<_>>>()
                .map_err(|e| template_path(&document, e))?,
            None => Vec::new(),
        };
        let a = Assessment {
            document,
            expanded_flowsheet,
            expanded_options,
            models,
            balance: OnceLock::new(),
            evaluation: OnceLock::new(),
            benchmarks: OnceLock::new(),
        };
        crate::options::validate(&a.case()).map_err(|e| template_path(&a.document, e))?;
        Ok(a)
    }

    /// The document as written.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The flowsheet appraised (the sector template's when there is one), if any.
    pub fn flowsheet(&self) -> Option<&Flowsheet> {
        self.expanded_flowsheet
            .as_ref()
            .or(self.document.flowsheet.as_ref())
    }

    /// The options appraised: the document's own, then its template's catalogue options.
    pub fn options(&self) -> &[CpOption] {
        self.expanded_options
            .as_deref()
            .unwrap_or(&self.document.options)
    }

    /// What the options are appraised on, borrowed (with the balance once it is solved).
    pub fn case(&self) -> Case<'_> {
        Case {
            ctx: self.document.context(),
            flowsheet: self.flowsheet(),
            balance: self
                .balance
                .get()
                .and_then(|b| b.as_ref().ok())
                .and_then(Option::as_ref),
            options: self.options(),
            models: &self.models,
            outcomes: None,
        }
    }

    /// The case of `options` under `ctx` (a copy of the document's sections with other
    /// figures) on this assessment's flowsheet, balance and models: the expansion and the
    /// balance are not done again, and the flows of each sequence of options are solved once
    /// into `outcomes`. The options must be this assessment's, with other amounts of money or
    /// direct savings only.
    pub(crate) fn case_with<'a>(
        &'a self,
        ctx: crate::sections::Context<'a>,
        options: &'a [CpOption],
        outcomes: &'a crate::options::Outcomes,
    ) -> Result<Case<'a>> {
        let edits = options
            .iter()
            .any(|o| o.effects.iter().any(Effect::edits_flowsheet));
        let mut case = self.solved_case(edits && self.flowsheet().is_some())?;
        case.ctx = ctx;
        case.options = options;
        case.outcomes = Some(outcomes);
        Ok(case)
    }

    /// The case with the balance solved, when the options need it.
    fn solved_case(&self, needs_balance: bool) -> Result<Case<'_>> {
        if needs_balance {
            self.raw_balance()?;
        }
        Ok(self.case())
    }

    /// The flowsheet's balance as solved, once.
    fn raw_balance(&self) -> Result<Option<&Balance>> {
        // The flowsheet was validated when the assessment was made (the document's own with
        // its sections, a template's by its sector model): it is not validated again.
        self.balance
            .get_or_init(|| match self.flowsheet() {
                Some(f) => f.balance_validated(&self.document.schedule).map(Some),
                None => Ok(None),
            })
            .as_ref()
            .map(Option::as_ref)
            .map_err(Clone::clone)
    }

    /// The appraisal, computed once.
    fn evaluation(&self) -> Result<&Evaluation> {
        self.evaluation
            .get_or_init(|| {
                let edits = self
                    .options()
                    .iter()
                    .any(|o| o.effects.iter().any(Effect::edits_flowsheet));
                crate::options::evaluate(&self.solved_case(edits && self.flowsheet().is_some())?)
                    .map_err(|e| template_path(&self.document, e))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The figures of [`Assessment::evaluate`] for a risk simulation's draw, not kept: each
    /// sequence of options solved once (an option alone and the first step of a sequence
    /// share their flows), and the options' `deltas` left without their words.
    pub(crate) fn figures(&self) -> Result<Evaluation> {
        self.figures_with(&crate::options::Outcomes::default())
    }

    /// [`Assessment::figures`] with the flows solved kept in `outcomes`, which must hold no
    /// sequence of another assessment's options (see `Outcomes::forget_sequences`); the
    /// components' flows it holds are taken where they were solved from the same baseline
    /// figures and edits.
    pub(crate) fn figures_with(&self, outcomes: &crate::options::Outcomes) -> Result<Evaluation> {
        let case = self.case_with(self.document.context(), self.options(), outcomes)?;
        crate::options::evaluate(&case).map_err(|e| template_path(&self.document, e))
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
        #[cfg(not(feature = "toml"))]
        return Err(Error::no_toml());
        #[cfg(feature = "toml")]
        toml::to_string(&self.document).map_err(|e| Error::InvalidType {
            path: String::new(),
            message: format!("cannot be written as TOML: {e}"),
        })
    }

    /// The material and energy balances of the flowsheet, if there is one, with the specific
    /// indicators (energy and water per unit of output).
    pub fn balance(&self) -> Result<Option<Balance>> {
        let Some(b) = self.raw_balance()? else {
            return Ok(None);
        };
        let mut b = b.clone();
        let d = &self.document;
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

    /// The appraisal of every option: savings, cost class, paybacks, NPV, IRR (computed on
    /// the first call, then kept).
    pub fn evaluate(&self) -> Result<&Evaluation> {
        self.evaluation()
    }

    /// The options named by `ids` applied one after the other to one model: what each adds to
    /// those before it, and their total.
    pub fn portfolio(&self, ids: &[&str]) -> Result<Sequence> {
        crate::options::sequence(&self.solved_case(self.edits_flowsheet(ids))?, ids)
    }

    /// The full appraisal of each option named by `ids`, applied one after the other to one
    /// model: what each adds to those before it, with its cash flows (which sum to the flows
    /// of the options together).
    pub fn portfolio_appraisals(&self, ids: &[&str]) -> Result<Vec<OptionResult>> {
        crate::options::sequence_appraisals(&self.solved_case(self.edits_flowsheet(ids))?, ids)
    }

    /// The money each option named by `ids` saves per year, applied one after the other to one
    /// model, as parts linear in the prices (with the names of those prices): what a draw of
    /// prices re-prices without solving the flows again.
    pub(crate) fn portfolio_money(
        &self,
        ids: &[&str],
    ) -> Result<(Vec<crate::options::StepMoney>, Vec<String>)> {
        crate::options::sequence_money(&self.solved_case(self.edits_flowsheet(ids))?, ids)
    }

    /// Whether any option named by `ids` edits the flowsheet (so the balance must be solved).
    fn edits_flowsheet(&self, ids: &[&str]) -> bool {
        self.flowsheet().is_some()
            && ids.iter().any(|id| {
                self.options()
                    .iter()
                    .any(|o| o.id == *id && o.effects.iter().any(Effect::edits_flowsheet))
            })
    }

    /// Option ids ranked by `metric` (`"npv"`, `"irr"`, `"simple_payback"`, ... see
    /// [`crate::options::Metric`]), best first.
    pub fn rank(&self, metric: &str) -> Result<Vec<String>> {
        let metric: Metric = metric.parse()?;
        Ok(crate::options::rank(&self.evaluation()?.options, metric))
    }

    /// The sector model's benchmarks (none without a sector template): for a tannery, the
    /// indicators per tonne of raw hide before and after the options against published
    /// ranges, the chrome balance, and warnings about unusual figures.
    pub fn benchmarks(&self) -> Result<Option<Benchmarks>> {
        self.benchmarks
            .get_or_init(|| {
                let Some(t) = &self.document.template else {
                    return Ok(None);
                };
                let evaluation = self.evaluation()?;
                let case = self.solved_case(true)?;
                let Some(flows) = Flows::of(&case, evaluation)? else {
                    return Ok(None);
                };
                t.benchmarks(&case.ctx, &flows).map(Some)
            })
            .clone()
    }

    /// The flowsheet's flows before the options and with every option applied (in the order
    /// of their NPV, alternatives set aside left out), and what their recycles carry: what a
    /// Sankey diagram draws. None without a flowsheet.
    pub fn flows(&self) -> Result<Option<Flows<'_>>> {
        let evaluation = self.evaluation()?;
        let case = self.solved_case(true)?;
        Flows::of(&case, evaluation)
    }

    /// The reconciliation of the flowsheet's redundant measurements, per component (empty
    /// without a flowsheet or without redundant measurements).
    pub fn reconcile(&self) -> Result<Vec<ComponentReconciliation>> {
        Ok(self
            .raw_balance()?
            .map(|b| b.reconciliations())
            .unwrap_or_default())
    }

    /// Everything the engine says of the document, as one object: the summary, the balance,
    /// the appraisal and the sector benchmarks. The CLI's JSON, Python's `report()` and JS's
    /// `report()` are this object.
    pub fn report(&self) -> Result<Report> {
        let evaluation = self.evaluation()?;
        Ok(Report {
            summary: self.summary(),
            balance: self.balance()?,
            evaluation: evaluation.clone(),
            benchmarks: self.benchmarks()?,
        })
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

/// An error at `options[n]` of the expanded options, where option `n` comes from the sector
/// template, at the template's option instead (`template.tanning.options[k]`): the document
/// has no `options[n]`.
fn template_path(document: &Document, e: Error) -> Error {
    let Some(template) = &document.template else {
        return e;
    };
    let Some(rest) = e.path().strip_prefix("options[") else {
        return e;
    };
    let Some((index, rest)) = rest.split_once(']') else {
        return e;
    };
    let Some(k) = index
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(document.options.len()))
    else {
        return e;
    };
    // The fields below a generated option are the engine's, not the document's: only the id
    // is the template's own.
    let field = if rest == ".id" { rest } else { "" };
    let path = format!("template.{}.options[{k}]{field}", template.sector().key());
    e.with_path(path)
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

/// Everything the engine says of a document ([`Assessment::report`]).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Report {
    /// The figures a consultant checks first.
    pub summary: Summary,
    /// The balances of the flowsheet, if there is one.
    pub balance: Option<Balance>,
    /// The appraisal of the options (`currency`, `options`, `portfolio` at the top level).
    #[serde(flatten)]
    pub evaluation: Evaluation,
    /// The sector model's benchmarks, if the document has a template.
    pub benchmarks: Option<Benchmarks>,
}

/// The JSON Schema of [`Report`].
pub fn report_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Report)).unwrap_or(serde_json::Value::Null)
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
    pub rate_basis: crate::sections::RateBasis,
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
