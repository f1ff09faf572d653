//! Risk: the document's uncertain inputs sampled (Monte Carlo or Latin hypercube, seeded), each
//! draw appraised, and the spread of every result with its drivers.
//!
//! A [`Simulator`] compiles the document's `[uncertainty]` section once: each path resolved to
//! its place in the document, each distribution read in the unit the field takes. A draw writes
//! its values into a copy of the document's value and appraises it (no text is parsed again).
//! Draw i's uniforms come from a stream keyed by (seed, i) (the private `random` module), and
//! the distributions are inverted on `libm`, so a seed gives the same figures on every surface,
//! on any number of threads.
//!
//! ```
//! use cleanprod::{Assessment, uncertainty::{Settings, Simulator}};
//! let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/documents/valid/risk.toml")).unwrap();
//! let a = Assessment::from_toml_str(&text).unwrap();
//! let sim = Simulator::new(&a).unwrap().run(&Settings { draws: Some(200), ..Settings::default() }).unwrap();
//! let npv = sim.output("rinse", "npv").unwrap();
//! assert!(npv.spread.as_ref().unwrap().p10 < npv.spread.as_ref().unwrap().p90);
//! ```

pub(crate) mod appraisal;
mod correlation;
mod distribution;
pub(crate) mod inputs;
mod kernel;
pub(crate) mod random;
pub(crate) mod statistics;
mod template;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use distribution::Distribution;
pub use statistics::{HISTOGRAM_BINS, Histogram, Spread};

use crate::assessment::Assessment;
use crate::error::{Error, Result};
use crate::options::Evaluation;
use crate::sections::uncertainty::{MAX_SEED, Method, Shape};
use crate::units::SECONDS_PER_YEAR;
use inputs::Input;

/// The results of one appraisal, in the order of [`Simulator::output_names`] (none where a
/// result is not defined).
pub type Row = Vec<Option<f64>>;

/// Draws when neither the call nor the document says.
pub const DEFAULT_DRAWS: u32 = 10_000;

/// The most draws one simulation makes.
pub const MAX_DRAWS: u32 = 10_000_000;

/// The metrics followed for each option, with their units (`{currency}` is the document's).
pub const OPTION_METRICS: &[(&str, &str)] = &[
    ("npv", "{currency}"),
    ("irr", "1/yr"),
    ("mirr", "1/yr"),
    ("simple_payback", "yr"),
    ("discounted_payback", "yr"),
    ("annual_saving", "{currency}/yr"),
    ("co2_avoided", "t/yr"),
];

/// The metrics followed for all options together (the portfolio), with their units.
pub const PORTFOLIO_METRICS: &[(&str, &str)] = &[
    ("npv", "{currency}"),
    ("capex", "{currency}"),
    ("annual_saving", "{currency}/yr"),
    ("simple_payback", "yr"),
    ("co2_avoided", "t/yr"),
];

/// The name results of the options together are filed under.
pub const PORTFOLIO: &str = "portfolio";

/// How a simulation is run; what is absent comes from the document's `[uncertainty]`, then the
/// defaults (10,000 draws, seed 0, Latin hypercube, every core).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Number of draws.
    pub draws: Option<u32>,
    /// Seed, at most 2^53 − 1.
    pub seed: Option<u64>,
    /// Monte Carlo or Latin hypercube.
    pub method: Option<Method>,
    /// Threads (1 in WebAssembly whatever is asked); the figures do not depend on it.
    pub threads: Option<usize>,
    /// Stops the draws when cancelled (the run then ends with `Error::Cancelled`).
    #[serde(skip)]
    #[schemars(skip)]
    pub cancel: Option<crate::cancel::Cancel>,
}

impl Settings {
    /// Settings from their JSON form (`{"draws": 1000, "seed": 7, "method": "mc"}`), as
    /// the Python and JS surfaces pass them; errors name the field.
    pub fn from_json_value(value: Value) -> Result<Settings> {
        crate::wire::typed(&value)
    }
}

/// The document compiled for sampling.
#[derive(Debug, Clone)]
pub struct Simulator {
    /// The document's value without its `[uncertainty]` section.
    base: Value,
    inputs: Vec<Input>,
    /// Target rank correlations (k × k), when any are given.
    correlation: Option<Vec<f64>>,
    section: crate::sections::uncertainty::Uncertainty,
    /// RiskOutput names: (option or portfolio, metric, unit).
    outputs: Vec<(String, String, String)>,
    /// The results at the document's own values.
    base_results: Vec<Option<f64>>,
    /// Simple payback above which an option is not low-cost, years.
    low_cost_payback: f64,
    currency: String,
    /// The assessment at the document's values (its expansion and balance kept).
    assessment: Assessment,
    /// Where each input goes when every one is a price, finance setting, emission factor or
    /// option's money: draws then take the short route ([`appraisal`]).
    slots: Option<Vec<appraisal::Slot>>,
    /// The options compiled to their cash flows, when every input is such a slot and the
    /// options only save directly: draws then take the kernel ([`kernel`]).
    kernel: Option<kernel::Kernel>,
    /// The typed document, when some inputs are template figures and the others slots:
    /// draws then re-expand the template without reading the document again ([`template`]).
    template: Option<template::Route>,
}

/// What one thread keeps between draws: the kernel's values and buffers, and the sections the
/// short route copies, each made at its first use.
#[derive(Default)]
struct DrawScratch {
    kernel: Option<kernel::Scratch>,
    appraisal: Option<appraisal::Scratch>,
    /// The flows of components the template route solved.
    solved: crate::options::Outcomes,
}

/// One sampled input: its path, unit, shape and draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SampledInput {
    /// Path in the document.
    pub path: String,
    /// Unit of the values (empty for plain numbers).
    pub unit: String,
    /// Shape of its distribution.
    pub distribution: Shape,
    /// The value the document writes, in `unit` (none when absent or in another unit).
    pub base: Option<f64>,
    /// Its 10th and 90th percentiles: the ends of its tornado bar.
    pub p10: f64,
    /// See `p10`.
    pub p90: f64,
    /// Mean of the distribution.
    pub mean: f64,
    /// The value of each draw.
    pub values: Vec<f64>,
}

/// One result followed over the draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RiskOutput {
    /// Option id, or `"portfolio"` for all options together.
    pub option: String,
    /// Metric (`npv`, `irr`, `simple_payback`, ...).
    pub metric: String,
    /// Unit.
    pub unit: String,
    /// The value at the document's own inputs.
    pub base: Option<f64>,
    /// Its spread over the draws where it is defined.
    pub spread: Option<Spread>,
    /// Draws where it is not defined (an IRR that does not exist, a payback never reached).
    pub undefined: u32,
    /// Share of draws with a negative value (NPV: the probability of losing money).
    pub probability_negative: Option<f64>,
    /// For a simple payback: share of draws paying back later than the low-cost threshold, or
    /// never.
    pub probability_not_low_cost: Option<f64>,
    /// One-at-a-time sensitivity: each input from its P10 to its P90 with the others at the
    /// document's values, widest swing first.
    pub tornado: Vec<TornadoBar>,
    /// Sensitivity from the draws, one per input in input order.
    pub sensitivity: Vec<Sensitivity>,
    /// The value of each draw (none where undefined or where the draw failed).
    pub values: Vec<Option<f64>>,
}

/// One bar of a tornado.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TornadoBar {
    /// The input moved.
    pub input: String,
    /// The result with the input at its P10.
    pub at_p10: Option<f64>,
    /// The result with the input at its P90.
    pub at_p90: Option<f64>,
    /// `at_p90 − at_p10`.
    pub swing: Option<f64>,
}

/// How strongly an input drives a result over the draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Sensitivity {
    /// The input.
    pub input: String,
    /// Spearman's rank correlation between the input and the result.
    pub spearman: f64,
    /// Standardized regression coefficient (none when the inputs are collinear).
    pub src: Option<f64>,
}

/// A draw whose document could not be appraised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FailedDraw {
    /// Draw index.
    pub draw: u32,
    /// Error code.
    pub code: String,
    /// Field path.
    pub path: String,
    /// The message.
    pub message: String,
}

/// The result of a simulation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Simulation {
    /// Draws made.
    pub draws: u32,
    /// Seed.
    pub seed: u64,
    /// Method.
    pub method: Method,
    /// Currency of money results.
    pub currency: String,
    /// The sampled inputs, in the order of the section (measured flows after).
    pub inputs: Vec<SampledInput>,
    /// The results followed: per option (its metrics in [`OPTION_METRICS`] order), then the
    /// portfolio.
    pub outputs: Vec<RiskOutput>,
    /// Draws that failed (at most the first 20), and how many.
    pub failed: Vec<FailedDraw>,
    /// Number of failed draws.
    pub failed_draws: u32,
    /// Warnings: slow convergence, failed draws.
    pub warnings: Vec<String>,
}

impl Simulation {
    /// The output for `option` (or `"portfolio"`) and `metric`.
    pub fn output(&self, option: &str, metric: &str) -> Option<&RiskOutput> {
        self.outputs
            .iter()
            .find(|o| o.option == option && o.metric == metric)
    }

    /// A simulation from its JSON form (as [`Simulation`] serializes, with or without the
    /// per-draw columns), so that a binding that holds the result as plain data can have it
    /// drawn ([`crate::report::charts::simulation_chart`]); errors name the field.
    ///
    /// ```
    /// use cleanprod::{Assessment, uncertainty::{Settings, Simulation, Simulator}};
    /// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/documents/valid/risk.toml")).unwrap();
    /// let a = Assessment::from_toml_str(&text).unwrap();
    /// let s = Simulator::new(&a).unwrap().run(&Settings { draws: Some(50), ..Settings::default() }).unwrap();
    /// let back = Simulation::from_json_value(serde_json::to_value(&s).unwrap()).unwrap();
    /// assert_eq!(back, s);
    /// let bad = Simulation::from_json_value(serde_json::json!({"draws": "many"})).unwrap_err();
    /// assert_eq!(bad.path(), "draws");
    /// ```
    pub fn from_json_value(value: Value) -> Result<Simulation> {
        crate::wire::typed_result(&value)
    }

    /// The simulation without the per-draw columns: what a report shows.
    pub fn summary(&self) -> Simulation {
        let mut s = self.clone();
        for i in &mut s.inputs {
            i.values = Vec::new();
        }
        for o in &mut s.outputs {
            o.values = Vec::new();
        }
        s
    }
}

impl Simulator {
    /// Check the `[uncertainty]` section of a document without evaluating it: every path names
    /// a value of the document, every distribution is well formed and in the field's unit, the
    /// correlations are consistent, the draws and seed in range (what `cleanprod check` and
    /// [`Simulator::new`] run). Fine without a section.
    ///
    /// ```
    /// # let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/documents/valid/risk.toml")).unwrap();
    /// use cleanprod::{Assessment, uncertainty::Simulator};
    /// assert!(Simulator::check(&Assessment::from_toml_str(&text).unwrap()).is_ok());
    /// let bad = text.replace("mode = \"4000 USD\"", "mode = \"7000 USD\"");
    /// let e = Simulator::check(&Assessment::from_toml_str(&bad).unwrap()).unwrap_err();
    /// assert_eq!(e.path(), "uncertainty.inputs[1].mode");
    /// ```
    pub fn check(assessment: &Assessment) -> Result<()> {
        let Some(section) = &assessment.document().uncertainty else {
            return Ok(());
        };
        if let Some(draws) = section.draws {
            crate::document::Limits::default().check_draws("uncertainty.draws", draws)?;
        }
        if let Some(draws) = section.draws
            && !(2..=MAX_DRAWS).contains(&draws)
        {
            return Err(Error::out_of_range(
                "uncertainty.draws",
                draws,
                format!("must be from 2 to {MAX_DRAWS}"),
            ));
        }
        if let Some(seed) = section.seed
            && seed > MAX_SEED
        {
            return Err(Error::out_of_range(
                "uncertainty.seed",
                seed,
                "must be at most 2^53 − 1 (9007199254740991)",
            ));
        }
        let mut base = assessment.to_json_value();
        if let Some(map) = base.as_object_mut() {
            map.remove("uncertainty");
        }
        let inputs = inputs::compile(&base, section)?;
        correlation_matrix(&inputs, section)?;
        // Each distribution's median written into the document: the field's own parser checks
        // the unit and the range (errors name the field); a path to no field of the format
        // names nothing.
        for (k, input) in inputs.iter().enumerate() {
            let mut doc = base.clone();
            input.write(&mut doc, input.distribution.quantile(0.5));
            if let Err(e) = Assessment::from_json_value(doc) {
                return Err(match e {
                    Error::UnknownField { .. } if input.base.is_none() => Error::UnknownReference {
                        path: format!("uncertainty.inputs[{k}].path"),
                        value: input.path.clone(),
                        expected: "a field of the document format".to_string(),
                    },
                    e => e,
                });
            }
        }
        Ok(())
    }

    /// Compile `assessment`'s `[uncertainty]` section (an error naming the path when an input
    /// does not exist or its distribution does not fit the field).
    pub fn new(assessment: &Assessment) -> Result<Simulator> {
        Simulator::check(assessment)?;
        let section =
            assessment
                .document()
                .uncertainty
                .clone()
                .ok_or_else(|| Error::MissingField {
                    path: "uncertainty".to_string(),
                })?;
        let mut base = assessment.to_json_value();
        if let Some(map) = base.as_object_mut() {
            map.remove("uncertainty");
        }
        let inputs = inputs::compile(&base, &section)?;
        let correlation = correlation_matrix(&inputs, &section)?;
        let evaluation = assessment.evaluate()?;
        let currency = evaluation.currency.clone();
        let mut outputs = Vec::new();
        for o in &evaluation.options {
            for (metric, unit) in OPTION_METRICS {
                outputs.push((
                    o.id.clone(),
                    metric.to_string(),
                    unit.replace("{currency}", &currency),
                ));
            }
        }
        for (metric, unit) in PORTFOLIO_METRICS {
            outputs.push((
                PORTFOLIO.to_string(),
                metric.to_string(),
                unit.replace("{currency}", &currency),
            ));
        }
        let low_cost_payback = assessment
            .document()
            .finance
            .low_cost_payback
            .as_ref()
            .map_or(1.0, |t| t.si() / SECONDS_PER_YEAR);
        let base_results = results(evaluation);
        let slots = appraisal::slots(assessment, &inputs);
        let kernel = slots
            .as_ref()
            .and_then(|s| kernel::Kernel::compile(assessment, s, &inputs));
        let template = match slots {
            Some(_) => None,
            None => template::Route::compile(assessment, &base, &inputs),
        };
        Ok(Simulator {
            base,
            inputs,
            correlation,
            section,
            outputs,
            base_results,
            low_cost_payback,
            currency,
            assessment: assessment.clone(),
            slots,
            kernel,
            template,
        })
    }

    /// The paths of the inputs sampled, in order (the columns of [`Simulator::evaluate_rows`]).
    pub fn input_paths(&self) -> Vec<&str> {
        self.inputs.iter().map(|i| i.path.as_str()).collect()
    }

    /// The names of the results, `(option, metric, unit)`, in the order of every result row.
    pub fn output_names(&self) -> &[(String, String, String)] {
        &self.outputs
    }

    /// The results with the inputs at `values` (one per input, in their units), the others
    /// at the document's values.
    pub fn evaluate(&self, values: &[f64]) -> Result<Row> {
        self.evaluate_with(values, &mut DrawScratch::default())
    }

    /// Whether draws take the short route: every input a price, a finance setting, an
    /// emission factor or an option's money or direct saving, so that only the appraisal is
    /// done again (the expansion and the balance are kept).
    pub fn reappraises_only(&self) -> bool {
        self.slots.is_some()
    }

    /// Whether draws take the kernel: every input a price, a finance setting, an emission
    /// factor or an option's money or direct saving, and every option saving directly (no
    /// flowsheet edited, no financing), so that a draw only re-prices compiled cash flows.
    pub fn compiled(&self) -> bool {
        self.kernel.is_some()
    }

    /// Whether draws take the template route: some inputs are figures of the sector template
    /// and the others prices, finance settings, emission factors or an option's money or
    /// direct saving, so that the template is typed and expanded again, the rest of the
    /// document kept typed.
    pub fn reexpands_template(&self) -> bool {
        self.template.is_some()
    }

    /// [`Simulator::evaluate`], with what a draw reuses kept in `scratch` between calls.
    fn evaluate_with(&self, values: &[f64], scratch: &mut DrawScratch) -> Result<Row> {
        self.check_values(values)?;
        if let Some(kernel) = &self.kernel {
            let s = scratch.kernel.get_or_insert_with(|| kernel.scratch());
            if let Some(row) = kernel.evaluate(values, s) {
                return Ok(row);
            }
        }
        self.evaluate_short(values, scratch)
    }

    /// The results by the short route (or the template route, or the long one, when the
    /// short does not apply), as the kernel must give them.
    fn evaluate_short(&self, values: &[f64], scratch: &mut DrawScratch) -> Result<Row> {
        match &self.slots {
            Some(slots) => {
                let s = scratch
                    .appraisal
                    .get_or_insert_with(|| appraisal::Scratch::new(&self.assessment));
                appraisal::evaluate(&self.assessment, slots, &self.inputs, values, s)
            }
            None => match &self.template {
                Some(route) => route.evaluate(&self.inputs, values, &scratch.solved),
                None => self.evaluate_reread(values),
            },
        }
    }

    /// The long route of a draw: [`Simulator::evaluate_rewritten`] with the figures only
    /// (each sequence of options solved once, no `deltas` words).
    fn evaluate_reread(&self, values: &[f64]) -> Result<Row> {
        Ok(results(&self.reread(values)?.figures()?))
    }

    /// The document with the inputs at `values`, read again.
    fn reread(&self, values: &[f64]) -> Result<Assessment> {
        let mut doc = self.base.clone();
        for (input, x) in self.inputs.iter().zip(values) {
            input.write(&mut doc, *x);
        }
        Assessment::from_json_value(doc)
    }

    /// The results with the inputs at `values` by the long route: the document's value
    /// rewritten and read, expanded, balanced and appraised again (what the short route of
    /// [`Simulator::evaluate`] must equal).
    pub fn evaluate_rewritten(&self, values: &[f64]) -> Result<Row> {
        self.check_values(values)?;
        Ok(results(self.reread(values)?.evaluate()?))
    }

    /// One finite value per input.
    fn check_values(&self, values: &[f64]) -> Result<()> {
        if values.len() != self.inputs.len() {
            return Err(Error::out_of_range(
                "values",
                values.len(),
                format!("must hold one value per input ({})", self.inputs.len()),
            ));
        }
        if let Some(x) = values.iter().find(|x| !x.is_finite()) {
            return Err(Error::out_of_range("values", x, "must be finite"));
        }
        Ok(())
    }

    /// [`Simulator::evaluate`] for each row (for samplers of other libraries, e.g. SALib's
    /// Sobol or Morris designs).
    pub fn evaluate_rows(&self, rows: &[Vec<f64>]) -> Vec<Result<Row>> {
        let mut scratch = DrawScratch::default();
        rows.iter()
            .map(|r| self.evaluate_with(r, &mut scratch))
            .collect()
    }

    /// Draw, appraise every draw, and summarize.
    pub fn run(&self, settings: &Settings) -> Result<Simulation> {
        let draws = settings
            .draws
            .or(self.section.draws)
            .unwrap_or(DEFAULT_DRAWS);
        crate::document::Limits::default().check_draws("draws", draws)?;
        if !(2..=MAX_DRAWS).contains(&draws) {
            return Err(Error::out_of_range(
                "draws",
                draws,
                format!("must be from 2 to {MAX_DRAWS}"),
            ));
        }
        let seed = settings.seed.or(self.section.seed).unwrap_or(0);
        if seed > MAX_SEED {
            return Err(Error::out_of_range(
                "seed",
                seed,
                "must be at most 2^53 − 1 (9007199254740991)",
            ));
        }
        let method = settings.method.unwrap_or(self.section.method);
        let k = self.inputs.len();
        let mut columns = random::uniforms(seed, method, draws, k);
        for (column, input) in columns.iter_mut().zip(&self.inputs) {
            for u in column.iter_mut() {
                *u = input.distribution.quantile(*u);
            }
        }
        if let Some(target) = &self.correlation {
            correlation::induce(&mut columns, target, seed);
        }
        let cancel = settings.cancel.clone().unwrap_or_default();
        let rows = self.run_draws(&columns, draws, settings.threads, &cancel);
        cancel.check()?;
        Ok(self.summarize(draws, seed, method, columns, rows))
    }

    /// Appraise each draw (rows of results), split over threads in contiguous blocks.
    fn run_draws(
        &self,
        columns: &[Vec<f64>],
        draws: u32,
        threads: Option<usize>,
        cancel: &crate::cancel::Cancel,
    ) -> Vec<Result<Row>> {
        // Each block of draws keeps its own copy of the sections the short route changes.
        let block_of = |range: std::ops::Range<usize>| -> Vec<Result<Row>> {
            let mut scratch = DrawScratch::default();
            let mut values = vec![0.0; columns.len()];
            range
                .map(|i| {
                    // Once stopped, the remaining draws are not appraised.
                    cancel.check()?;
                    for (v, c) in values.iter_mut().zip(columns) {
                        *v = c[i];
                    }
                    self.evaluate_with(&values, &mut scratch)
                })
                .collect()
        };
        let n = draws as usize;
        let threads = if cfg!(target_arch = "wasm32") {
            1
        } else {
            threads
                .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
                .unwrap_or(1)
                .clamp(1, n)
        };
        if threads == 1 {
            return block_of(0..n);
        }
        let block = n.div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let block_of = &block_of;
                    scope.spawn(move || block_of(t * block..((t + 1) * block).min(n)))
                })
                .collect();
            handles
                .into_iter()
                .enumerate()
                .flat_map(|(t, h)| {
                    h.join().unwrap_or_else(|_| {
                        vec![Err(Error::out_of_range(
                            "draws",
                            t,
                            "a block of draws stopped before its end",
                        ))]
                    })
                })
                .collect()
        })
    }

    fn summarize(
        &self,
        draws: u32,
        seed: u64,
        method: Method,
        columns: Vec<Vec<f64>>,
        rows: Vec<Result<Row>>,
    ) -> Simulation {
        let mut failed = Vec::new();
        let mut failed_draws = 0;
        for (i, r) in rows.iter().enumerate() {
            if let Err(e) = r {
                failed_draws += 1;
                if failed.len() < 20 {
                    failed.push(FailedDraw {
                        draw: i as u32,
                        code: e.code().to_string(),
                        path: e.path().to_string(),
                        message: e.to_string(),
                    });
                }
            }
        }
        // The tornado: each input at its P10, then its P90, the others at the document's.
        let ends: Vec<(f64, f64)> = self
            .inputs
            .iter()
            .map(|i| (i.distribution.quantile(0.1), i.distribution.quantile(0.9)))
            .collect();
        let at_base: Vec<f64> = self
            .inputs
            .iter()
            .map(|i| i.base.unwrap_or_else(|| i.distribution.quantile(0.5)))
            .collect();
        // They take the draws' route, with one scratch (the components' flows solved by one
        // evaluation serve the others).
        let mut scratch = DrawScratch::default();
        let mut at = |j: usize, x: f64| {
            let mut v = at_base.clone();
            v[j] = x;
            self.evaluate_with(&v, &mut scratch).ok()
        };
        let moved: Vec<(Option<Row>, Option<Row>)> = ends
            .iter()
            .enumerate()
            .map(|(j, (lo, hi))| (at(j, *lo), at(j, *hi)))
            .collect();
        // Each input's ranks over every draw, once (the rank correlations of every result use
        // them).
        let input_ranks: Vec<Vec<f64>> = columns.iter().map(|c| statistics::ranks(c)).collect();
        let ok_draws = rows.len() - failed_draws as usize;
        let mut outputs = Vec::with_capacity(self.outputs.len());
        for (o, (option, metric, unit)) in self.outputs.iter().enumerate() {
            let values: Vec<Option<f64>> = rows
                .iter()
                .map(|r| r.as_ref().ok().and_then(|v| v[o]))
                .collect();
            let defined: Vec<f64> = values.iter().flatten().copied().collect();
            let undefined = (ok_draws - defined.len()) as u32;
            let share = |count: usize| (ok_draws > 0).then(|| count as f64 / ok_draws as f64);
            let probability_negative = (metric == "npv")
                .then(|| share(defined.iter().filter(|x| **x < 0.0).count()))
                .flatten();
            let probability_not_low_cost = (metric == "simple_payback")
                .then(|| {
                    share(
                        defined
                            .iter()
                            .filter(|x| **x > self.low_cost_payback)
                            .count()
                            + undefined as usize,
                    )
                })
                .flatten();
            let mut tornado: Vec<TornadoBar> = self
                .inputs
                .iter()
                .zip(&moved)
                .map(|(input, (lo, hi))| {
                    let at_p10 = lo.as_ref().and_then(|v| v[o]);
                    let at_p90 = hi.as_ref().and_then(|v| v[o]);
                    TornadoBar {
                        input: input.path.clone(),
                        at_p10,
                        at_p90,
                        swing: at_p10.zip(at_p90).map(|(a, b)| b - a),
                    }
                })
                .collect();
            tornado.sort_by(|a, b| {
                let w = |t: &TornadoBar| t.swing.map_or(-1.0, f64::abs);
                w(b).total_cmp(&w(a))
            });
            let sensitivity = self.sensitivity(&columns, &input_ranks, &values);
            outputs.push(RiskOutput {
                option: option.clone(),
                metric: metric.clone(),
                unit: unit.clone(),
                base: self.base_results[o],
                spread: statistics::spread(&defined),
                undefined,
                probability_negative,
                probability_not_low_cost,
                tornado,
                sensitivity,
                values,
            });
        }
        let mut warnings = Vec::new();
        for o in outputs.iter().filter(|o| o.metric == "npv") {
            if let Some(s) = &o.spread
                && s.sem > 0.01 * s.mean.abs()
            {
                warnings.push(format!(
                    "{}: the standard error of the mean NPV ({:.0}) is above 1 % of the mean ({:.0}); draw more for a steadier mean",
                    o.option, s.sem, s.mean
                ));
            }
        }
        if failed_draws > 0 {
            warnings.push(format!(
                "{failed_draws} of {draws} draws could not be appraised (first: {}); the figures are over the others",
                failed.first().map_or(String::new(), |f| f.message.clone())
            ));
        }
        let inputs = self
            .inputs
            .iter()
            .zip(columns)
            .zip(ends)
            .map(|((i, values), (p10, p90))| SampledInput {
                path: i.path.clone(),
                unit: i.unit.clone(),
                distribution: i.shape,
                base: i.base,
                p10,
                p90,
                mean: i.distribution.mean(),
                values,
            })
            .collect();
        Simulation {
            draws,
            seed,
            method,
            currency: self.currency.clone(),
            inputs,
            outputs,
            failed,
            failed_draws,
            warnings,
        }
    }

    /// Spearman correlations and standardized regression coefficients of one result on every
    /// input, over the draws where the result is defined.
    fn sensitivity(
        &self,
        columns: &[Vec<f64>],
        input_ranks: &[Vec<f64>],
        values: &[Option<f64>],
    ) -> Vec<Sensitivity> {
        let keep: Vec<usize> = (0..values.len()).filter(|i| values[*i].is_some()).collect();
        // Where the result is defined in every draw, the inputs' ranks over all draws serve.
        let all = keep.len() == values.len();
        let y: Vec<f64> = keep.iter().filter_map(|i| values[*i]).collect();
        let xs: Vec<Vec<f64>> = columns
            .iter()
            .map(|c| keep.iter().map(|i| c[*i]).collect())
            .collect();
        let refs: Vec<&[f64]> = xs.iter().map(Vec::as_slice).collect();
        let src = statistics::standardized_regression(&refs, &y);
        let y_ranks = statistics::ranks(&y);
        self.inputs
            .iter()
            .zip(&xs)
            .enumerate()
            .map(|(j, (input, x))| Sensitivity {
                input: input.path.clone(),
                spearman: match y.len() {
                    0..=2 => 0.0,
                    _ if all => statistics::pearson(&input_ranks[j], &y_ranks),
                    _ => statistics::pearson(&statistics::ranks(x), &y_ranks),
                },
                src: src.as_ref().map(|s| s[j]),
            })
            .collect()
    }
}

/// The simple payback of the options together, in years: none where nothing is saved, or so
/// little that the payback overflows (one rule for the full appraisal and the compiled kernel).
pub(crate) fn portfolio_payback(capex: f64, annual_saving: f64) -> Option<f64> {
    Some(capex / annual_saving).filter(|y| annual_saving > 0.0 && y.is_finite())
}

/// The results followed, from one appraisal, in the order of [`Simulator::output_names`].
pub(crate) fn results(e: &Evaluation) -> Row {
    let mut out =
        Vec::with_capacity(e.options.len() * OPTION_METRICS.len() + PORTFOLIO_METRICS.len());
    for o in &e.options {
        out.extend([
            Some(o.npv),
            o.irr,
            o.mirr,
            o.simple_payback_years,
            o.discounted_payback_years,
            Some(o.annual_saving),
            o.co2_avoided,
        ]);
    }
    let all = &e.portfolio.all;
    out.extend([
        Some(all.npv),
        Some(all.capex),
        Some(all.annual_saving),
        portfolio_payback(all.capex, all.annual_saving),
        all.co2_avoided,
    ]);
    out
}

/// The target rank correlations as a k × k matrix (None without any), checked.
fn correlation_matrix(
    inputs: &[Input],
    section: &crate::sections::uncertainty::Uncertainty,
) -> Result<Option<Vec<f64>>> {
    if section.correlations.is_empty() {
        return Ok(None);
    }
    let k = inputs.len();
    let mut m = vec![0.0; k * k];
    for i in 0..k {
        m[i * k + i] = 1.0;
    }
    for (c, corr) in section.correlations.iter().enumerate() {
        let at = format!("uncertainty.correlations[{c}]");
        let index = |n: usize| {
            inputs
                .iter()
                .position(|i| i.path == corr.inputs[n])
                .ok_or_else(|| Error::UnknownReference {
                    path: format!("{at}.inputs[{n}]"),
                    value: corr.inputs[n].clone(),
                    expected: "the path of an uncertain input".to_string(),
                })
        };
        let (a, b) = (index(0)?, index(1)?);
        if a == b {
            return Err(Error::out_of_range(
                format!("{at}.inputs[1]"),
                &corr.inputs[1],
                "is the same input as inputs[0]",
            ));
        }
        if !(corr.rank > -1.0 && corr.rank < 1.0) {
            return Err(Error::out_of_range(
                format!("{at}.rank"),
                corr.rank,
                "must lie strictly between -1 and 1",
            ));
        }
        m[a * k + b] = corr.rank;
        m[b * k + a] = corr.rank;
    }
    if correlation::cholesky(&m, k).is_none() {
        return Err(Error::out_of_range(
            "uncertainty.correlations",
            format!("{} correlations", section.correlations.len()),
            "are not consistent with one another (the matrix is not positive definite)",
        ));
    }
    Ok(Some(m))
}
