//! Charts as SVG text, drawn by the core so that the terminal, Jupyter and the browser show the
//! same pictures: hand-written SVG (no chart library, no font measured), numbers with fixed
//! decimals written by integer arithmetic, so every target writes the same bytes; scaled by
//! its `viewBox`, with a `<title>`, a `<desc>` saying in words what it shows, and the table of
//! figures behind it as an accessible alternative.
//!
//! Each chart is a function of the core's result types returning a [`Chart`]: its SVG and its
//! [`DataTable`]. [`chart`] draws any of them from an [`Assessment`] by [`ChartKind`] and
//! [`ChartOptions`], for the command line and the bindings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Assessment;
use crate::error::{Error, Result};
use crate::sections::Lang;

mod axis;
mod bars;
pub mod benchmark_bars;
pub mod cash_flow;
pub mod cost_curve;
pub mod fund_balance;
pub mod histogram;
pub mod programme;
pub mod sankey;
mod sankey_layout;
pub(crate) mod svg;
pub mod tornado;
pub(crate) mod words;
mod year_lines;

pub use benchmark_bars::benchmark_bars;
pub use cash_flow::cash_flow;
pub use cost_curve::cost_curve;
pub use fund_balance::fund_balance;
pub use histogram::histogram;
pub use programme::programme_chart;
pub use sankey::{
    LinkKind, SankeyData, SankeyLink, SankeyNode, SankeyStage, energy_sankey_data, sankey,
    sankey_chart, sankey_data,
};
pub use tornado::tornado;

/// An id for the elements of a chart of `kind` about `subject`: letters, digits, `-` and `_`
/// kept, anything else written `-` (ids label the `<title>` and `<desc>` for screen readers).
pub(crate) fn element_id(kind: &str, subject: &str) -> String {
    let clean: String = subject
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{kind}-{clean}")
}

/// A chart: its SVG document and the figures drawn, as a table.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Chart {
    /// What kind of chart.
    pub kind: ChartKind,
    /// Its title (also the SVG's `<title>`).
    pub title: String,
    /// The SVG document, ending with a newline.
    pub svg: String,
    /// The figures behind the picture.
    pub table: DataTable,
}

impl Chart {
    /// The chart as an HTML figure: the SVG inline, the table under it in a `<details>`
    /// element (closed; screen readers and the curious open it).
    ///
    /// ```
    /// use cleanprod::report::charts::{Chart, ChartKind, DataTable};
    /// let c = Chart { kind: ChartKind::Tornado, title: "T".into(), svg: "<svg/>\n".into(),
    ///     table: DataTable { caption: "C".into(), columns: vec!["a".into()], rows: vec![vec!["1".into()]] } };
    /// assert!(c.html().starts_with("<figure class=\"cleanprod-chart\">"));
    /// assert!(c.html().contains("<td>1</td>"));
    /// ```
    pub fn html(&self) -> String {
        format!(
            "<figure class=\"cleanprod-chart\">{}<details><summary>Figures of the chart</summary>{}</details></figure>",
            self.svg.trim_end(),
            self.table.html()
        )
    }
}

/// The figures behind a chart: a caption, column headers (each with its unit) and rows of
/// cells written as in the chart's text.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DataTable {
    /// What the table holds.
    pub caption: String,
    /// Column headers.
    pub columns: Vec<String>,
    /// Rows, as many cells as columns.
    pub rows: Vec<Vec<String>>,
}

impl DataTable {
    /// An HTML `<table>` with its caption.
    pub fn html(&self) -> String {
        use svg::escape;
        let mut out = format!(
            "<table class=\"cleanprod-chart-data\"><caption>{}</caption><thead><tr>",
            escape(&self.caption)
        );
        for c in &self.columns {
            out.push_str(&format!("<th scope=\"col\">{}</th>", escape(c)));
        }
        out.push_str("</tr></thead><tbody>");
        for r in &self.rows {
            out.push_str("<tr>");
            for c in r {
                out.push_str(&format!("<td>{}</td>", escape(c)));
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
        out
    }

    /// A Markdown table under its caption in italics.
    pub fn markdown(&self) -> String {
        let cell = |s: &str| s.replace('|', "\\|");
        let mut out = format!("*{}*\n\n|", cell(&self.caption));
        for c in &self.columns {
            out.push_str(&format!(" {} |", cell(c)));
        }
        out.push_str("\n|");
        out.push_str(&"---|".repeat(self.columns.len()));
        out.push('\n');
        for r in &self.rows {
            out.push('|');
            for c in r {
                out.push_str(&format!(" {} |", cell(c)));
            }
            out.push('\n');
        }
        out
    }
}

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// A component's balance as a Sankey diagram, before and after the options.
    Sankey,
    /// An option's cumulative cash flow, undiscounted and discounted, with its paybacks.
    CashFlow,
    /// The marginal cost curve of a resource or of CO2.
    CostCurve,
    /// The distribution of an NPV over a risk simulation's draws.
    Histogram,
    /// What drives an NPV: each uncertain input from its P10 to its P90.
    Tornado,
    /// The sector's indicators before and after the options against published ranges.
    Benchmarks,
    /// A programme's results by group ([`programme_chart`]): drawn from a programme, not
    /// an assessment, so not in [`ChartKind::ALL`].
    Programme,
    /// A loan fund's balance year by year (drawn from a fund, not from an assessment).
    FundBalance,
}

impl ChartKind {
    /// Every kind an assessment draws.
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Sankey,
        ChartKind::CashFlow,
        ChartKind::CostCurve,
        ChartKind::Histogram,
        ChartKind::Tornado,
        ChartKind::Benchmarks,
    ];

    /// Its name (`"cash-flow"`).
    pub fn key(self) -> &'static str {
        match self {
            ChartKind::Sankey => "sankey",
            ChartKind::CashFlow => "cash-flow",
            ChartKind::CostCurve => "cost-curve",
            ChartKind::Histogram => "histogram",
            ChartKind::Tornado => "tornado",
            ChartKind::Benchmarks => "benchmarks",
            ChartKind::Programme => "programme",
            ChartKind::FundBalance => "fund-balance",
        }
    }
}

impl std::str::FromStr for ChartKind {
    type Err = Error;

    /// A kind from its name.
    ///
    /// ```
    /// use cleanprod::report::charts::ChartKind;
    /// assert_eq!("cash-flow".parse::<ChartKind>().unwrap(), ChartKind::CashFlow);
    /// assert_eq!("pie".parse::<ChartKind>().unwrap_err().path(), "kind");
    /// ```
    fn from_str(s: &str) -> Result<ChartKind> {
        ChartKind::ALL
            .iter()
            .copied()
            .find(|k| k.key() == s)
            .ok_or_else(|| Error::UnknownVariant {
                path: "kind".to_string(),
                value: s.to_string(),
                expected: ChartKind::ALL.map(ChartKind::key).join(", "),
            })
    }
}

/// What to draw, beyond the kind; each chart reads the fields it needs and ignores the others.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ChartOptions {
    /// Sankey: the component (`"water"`, or `"energy"` for the energy balance; when absent,
    /// water if the flowsheet carries it, else its first component). Cost curve: the
    /// resource or `"CO2"` (`water` when it has a curve, else the first).
    pub component: Option<String>,
    /// Cash flow, histogram, tornado: the option (histogram and tornado: all options together
    /// when absent; cash flow: the first option).
    pub option: Option<String>,
    /// Histogram, tornado: draws of the risk simulation (the document's, else 10,000).
    pub draws: Option<u32>,
    /// Histogram, tornado: its seed (the document's, else 0).
    pub seed: Option<u64>,
    /// The language of the chart's words and numbers (the document's `[report] lang`, else
    /// English).
    pub lang: Option<Lang>,
}

impl ChartOptions {
    /// Options from their JSON form (`{"component": "water"}`), as the bindings pass them;
    /// errors name the field.
    pub fn from_json_value(value: serde_json::Value) -> Result<ChartOptions> {
        crate::wire::typed(&value)
    }
}

/// The chart `kind` of an assessment.
///
/// ```
/// use cleanprod::{Assessment, report::charts::{self, ChartKind, ChartOptions}};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/documents/valid/risk.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let opts = ChartOptions { draws: Some(100), ..ChartOptions::default() };
/// let c = charts::chart(&a, ChartKind::Tornado, &opts).unwrap();
/// assert!(c.svg.starts_with("<svg") && !c.table.rows.is_empty());
/// ```
pub fn chart(a: &Assessment, kind: ChartKind, opts: &ChartOptions) -> Result<Chart> {
    match kind {
        ChartKind::Tornado | ChartKind::Histogram => {
            let opts = ChartOptions {
                lang: Some(opts.lang.or(a.document().report.lang).unwrap_or_default()),
                ..opts.clone()
            };
            simulation_chart(&simulate(a, &opts)?, kind, &opts)
        }
        _ => appraisal_chart(a, kind, opts),
    }
}

/// The chart `kind` of an assessment's appraisal, balance or benchmarks, as [`chart`] draws it;
/// the charts of a risk simulation (tornado, histogram) are refused, naming `kind`. A program
/// that never draws those links none of the simulation's code (the calculator's modules of a
/// single sector).
///
/// ```
/// use cleanprod::{Assessment, report::charts::{self, ChartKind, ChartOptions}};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let opts = ChartOptions::default();
/// let c = charts::appraisal_chart(&a, ChartKind::CashFlow, &opts).unwrap();
/// assert_eq!(c, charts::chart(&a, ChartKind::CashFlow, &opts).unwrap());
/// assert_eq!(charts::appraisal_chart(&a, ChartKind::Tornado, &opts).unwrap_err().path(), "kind");
/// ```
pub fn appraisal_chart(a: &Assessment, kind: ChartKind, opts: &ChartOptions) -> Result<Chart> {
    let lang = opts.lang.or(a.document().report.lang).unwrap_or_default();
    match kind {
        ChartKind::FundBalance | ChartKind::Programme => Err(Error::out_of_range(
            "kind",
            kind.key(),
            "is drawn from a loan fund (charts::fund_balance) or a programme \
             (charts::programme_chart), not from an assessment",
        )),
        ChartKind::Tornado | ChartKind::Histogram => Err(Error::out_of_range(
            "kind",
            kind.key(),
            "is drawn from a risk simulation (charts::chart, charts::simulation_chart), \
             not from the appraisal",
        )),
        ChartKind::CostCurve => {
            let e = a.evaluate()?;
            let curves = &e.portfolio.cost_curves;
            if curves.is_empty() {
                // No option saves a resource with a price or CO2.
                return Err(Error::MissingField {
                    path: "options".to_string(),
                });
            }
            let wanted = match opts.component.as_deref() {
                Some("CO2") => Some(crate::options::CO2_KEY),
                other => other,
            };
            let key = match wanted {
                Some(k) => k,
                None if curves.contains_key("water") => "water",
                None => curves.keys().next().map_or("", String::as_str),
            };
            let curve = curves.get(key).ok_or_else(|| Error::UnknownReference {
                path: "component".to_string(),
                value: key.to_string(),
                expected: format!(
                    "a resource the options save, with a cost curve ({})",
                    curves
                        .keys()
                        .map(|k| if k == crate::options::CO2_KEY {
                            "CO2"
                        } else {
                            k
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })?;
            Ok(cost_curve(curve, key, &e.currency, lang))
        }
        ChartKind::Sankey => {
            let flows = a.flows()?.ok_or_else(|| Error::MissingField {
                path: "flowsheet".to_string(),
            })?;
            let component = match &opts.component {
                Some(c) => c.as_str(),
                None => default_component(&flows.flowsheet.components),
            };
            if component == "energy" && !flows.flowsheet.components.iter().any(|c| c == "energy") {
                let energy =
                    a.balance()?
                        .and_then(|b| b.energy)
                        .ok_or_else(|| Error::MissingField {
                            path: "flowsheet.energy".to_string(),
                        })?;
                return Ok(sankey_chart(&energy_sankey_data(&energy), lang));
            }
            sankey(&flows, component, lang)
        }
        ChartKind::Benchmarks => {
            let b = a.benchmarks()?.ok_or_else(|| Error::MissingField {
                path: "template".to_string(),
            })?;
            Ok(benchmark_bars(&b, lang))
        }
        ChartKind::CashFlow => {
            let e = a.evaluate()?;
            let option = match &opts.option {
                None => e.options.first().ok_or_else(|| Error::MissingField {
                    path: "options".to_string(),
                })?,
                Some(id) => e
                    .options
                    .iter()
                    .find(|o| &o.id == id)
                    .ok_or_else(|| unknown_option(id))?,
            };
            cash_flow(
                option,
                a.document().finance.discount_rate.si(),
                &e.currency,
                lang,
            )
        }
    }
}

/// A tornado or a histogram drawn from a simulation already run, as [`chart`] draws them from
/// an assessment (which runs the simulation first): `opts.option` names the option (all options
/// together when absent), `opts.lang` the language; the other options do not apply. Any other
/// kind is an error naming `kind`.
///
/// ```
/// use cleanprod::{Assessment, report::charts::{self, ChartKind, ChartOptions}};
/// use cleanprod::uncertainty::{Settings, Simulator};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/documents/valid/risk.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let opts = ChartOptions { draws: Some(100), seed: Some(3), ..ChartOptions::default() };
/// let s = Simulator::new(&a).unwrap().run(&Settings { draws: Some(100), seed: Some(3), ..Settings::default() }).unwrap();
/// let drawn = charts::simulation_chart(&s, ChartKind::Tornado, &opts).unwrap();
/// assert_eq!(drawn, charts::chart(&a, ChartKind::Tornado, &opts).unwrap());
/// assert_eq!(charts::simulation_chart(&s, ChartKind::Sankey, &opts).unwrap_err().path(), "kind");
/// ```
pub fn simulation_chart(
    s: &crate::uncertainty::Simulation,
    kind: ChartKind,
    opts: &ChartOptions,
) -> Result<Chart> {
    let lang = opts.lang.unwrap_or_default();
    let (output, what) = npv_output(s, opts, lang)?;
    match kind {
        ChartKind::Tornado => Ok(tornado(output, &what, lang)),
        ChartKind::Histogram => histogram(output, &what, lang),
        other => Err(Error::out_of_range(
            "kind",
            other.key(),
            "a simulation draws a tornado or a histogram",
        )),
    }
}

/// The risk simulation a histogram or tornado is drawn from.
fn simulate(a: &Assessment, opts: &ChartOptions) -> Result<crate::uncertainty::Simulation> {
    use crate::uncertainty::{Settings, Simulator};
    Simulator::new(a)?.run(&Settings {
        draws: opts.draws,
        seed: opts.seed,
        ..Settings::default()
    })
}

/// The NPV output of `opts.option` (all options together when absent) and its name in words.
fn npv_output<'s>(
    s: &'s crate::uncertainty::Simulation,
    opts: &ChartOptions,
    lang: Lang,
) -> Result<(&'s crate::uncertainty::RiskOutput, String)> {
    use crate::uncertainty::PORTFOLIO;
    let id = opts.option.as_deref().unwrap_or(PORTFOLIO);
    let output = s.output(id, "npv").ok_or_else(|| unknown_option(id))?;
    Ok((output, npv_words(opts.option.as_deref(), &s.currency, lang)))
}

/// "NPV of rinse, USD" (of all options when `option` is none), in `lang`: what a tornado or a
/// histogram is about.
///
/// ```
/// use cleanprod::{report::charts::npv_words, sections::Lang};
/// assert_eq!(npv_words(Some("rinse"), "USD", Lang::En), "NPV of rinse, USD");
/// assert_eq!(npv_words(None, "MXN", Lang::Es), "VAN de todas las opciones, MXN");
/// ```
pub fn npv_words(option: Option<&str>, currency: &str, lang: Lang) -> String {
    let w = words::Words::new(lang);
    match option {
        Some(id) => w.fill(words::W::NpvOfOption, &[("id", id), ("cur", currency)]),
        None => w.fill(words::W::NpvOfAll, &[("cur", currency)]),
    }
}

/// The error of an option id that names no option.
fn unknown_option(id: &str) -> Error {
    Error::UnknownReference {
        path: "option".to_string(),
        value: id.to_string(),
        expected: "an option of the document".to_string(),
    }
}

/// The component a Sankey shows when none is named: water when the flowsheet carries it (the
/// resource every sector's assessment starts from), else the flowsheet's first component.
fn default_component(components: &[String]) -> &str {
    components
        .iter()
        .find(|c| c.as_str() == "water")
        .or_else(|| components.first())
        .map_or("", String::as_str)
}
