//! Reports a consultant hands over: the **pre-assessment report** of a site (UNEP/UNIDO
//! structure) and the **financing proposal** of one option or of the package, in English or
//! Spanish, rendered as Markdown or as one self-contained HTML file.
//!
//! [`build`] turns an [`Assessment`] into a [`Page`]: sections of headings, paragraphs,
//! accessible tables and figure slots, every label from one table per language and every
//! number printed as the language prints it. The charts are SVG texts in [`Figures`], one
//! optional slot per chart, drawn by [`crate::report::charts`]; a renderer places each filled
//! slot in its section with its
//! caption and leaves an empty slot out (a section holding nothing else is left out with its
//! heading).
//!
//! ```
//! use cleanprod::{Assessment, report::pages::{self, Kind, Request}};
//! let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
//! let a = Assessment::from_toml_str(&text).unwrap();
//! let mut page = pages::build(&a, &Request::default()).unwrap();
//! page.figures.sankey = Some("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"></svg>".into());
//! let html = page.html();
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains("<svg"));
//! let proposal = pages::build(&a, &Request { kind: Kind::Proposal, option: Some("led_lighting".into()), ..Request::default() }).unwrap();
//! assert!(proposal.markdown().contains("## Cash flow"));
//! ```

mod content;
mod html;
mod labels;
mod locale;
mod markdown;
mod pre_assessment;
mod proposal;
mod subject;

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::error::{Error, Result};
pub use crate::sections::Lang;

/// Which report (`"pre-assessment"` or `"proposal"` in JSON, as on the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The pre-assessment report of the site: production, process flow, balances, indicators
    /// against benchmarks, options by cost class, portfolio, environmental results,
    /// assumptions.
    #[default]
    PreAssessment,
    /// The financing proposal of one option or of the package, for a lender.
    Proposal,
}

impl Kind {
    /// `"pre-assessment"` or `"proposal"`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::PreAssessment => "pre-assessment",
            Kind::Proposal => "proposal",
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Kind> {
        [Kind::PreAssessment, Kind::Proposal]
            .into_iter()
            .find(|k| k.key() == s)
            .ok_or_else(|| Error::UnknownVariant {
                path: "kind".to_string(),
                value: s.to_string(),
                expected: "pre-assessment, proposal".to_string(),
            })
    }
}

/// The minimum debt-service coverage a lender usually asks for: a convention of project
/// lending (commonly 1.2 to 1.5 for small-business loans), used as the default threshold of
/// the proposal and stated there as a parameter, not as a fact.
pub const DEFAULT_MIN_DSCR: f64 = 1.2;

/// What report to build.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Request {
    /// Pre-assessment report or financing proposal.
    pub kind: Kind,
    /// Language; the document's `[report] lang` when absent, else English.
    pub lang: Option<Lang>,
    /// For a proposal: the option proposed; the package (all options together, as the
    /// portfolio keeps them) when absent.
    pub option: Option<String>,
    /// The lender's minimum debt-service coverage the proposal compares each year with.
    pub min_dscr: f64,
    /// Draws of the risk simulation of a proposal when the document has `[uncertainty]`
    /// (the document's, else the engine's default, when absent).
    pub draws: Option<u32>,
}

impl Request {
    /// A request from its JSON form (`{"kind": "proposal", "option": "led_lighting", "lang":
    /// "es", "min_dscr": 1.3, "draws": 1000}`, every field optional), as the Python and JS
    /// surfaces pass it; errors name the field.
    ///
    /// ```
    /// use cleanprod::report::pages::{Kind, Lang, Request};
    /// let r = Request::from_json_value(serde_json::json!({"kind": "proposal", "lang": "es"})).unwrap();
    /// assert_eq!((r.kind, r.lang, r.min_dscr), (Kind::Proposal, Some(Lang::Es), 1.2));
    /// assert_eq!(Request::from_json_value(serde_json::json!({"kind": "memo"})).unwrap_err().path(), "kind");
    /// ```
    pub fn from_json_value(value: serde_json::Value) -> Result<Request> {
        crate::wire::typed(&value)
    }
}

impl Default for Request {
    fn default() -> Self {
        Request {
            kind: Kind::PreAssessment,
            lang: None,
            option: None,
            min_dscr: DEFAULT_MIN_DSCR,
            draws: None,
        }
    }
}

/// One chart slot of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    /// Sankey of the site's balance (pre-assessment, process flow).
    Sankey,
    /// Cumulative cash flow (proposal, cash flow).
    CashFlow,
    /// Cost curve of the options (pre-assessment, portfolio).
    CostCurve,
    /// Tornado of the NPV (proposal, sensitivity).
    Tornado,
    /// Histogram of the NPV (proposal, sensitivity).
    NpvHistogram,
    /// The indicators against the sector's ranges (pre-assessment, indicators).
    BenchmarkBars,
}

/// The charts of a report as SVG texts, one optional slot each. [`build`] fills every slot
/// the document can give from [`crate::report::charts`] (the tornado and the histogram only
/// when it has an `[uncertainty]` section); a caller may replace or clear any slot before
/// rendering.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Figures {
    /// Sankey of the site's balance.
    pub sankey: Option<String>,
    /// Cumulative cash flow.
    pub cash_flow: Option<String>,
    /// Cost curve.
    pub cost_curve: Option<String>,
    /// Tornado of the NPV.
    pub tornado: Option<String>,
    /// Histogram of the NPV.
    pub npv_histogram: Option<String>,
    /// Benchmark bars.
    pub benchmark_bars: Option<String>,
}

impl Figures {
    /// The SVG in `slot`, if filled (an empty text counts as not filled).
    pub fn get(&self, slot: Slot) -> Option<&str> {
        let s = match slot {
            Slot::Sankey => &self.sankey,
            Slot::CashFlow => &self.cash_flow,
            Slot::CostCurve => &self.cost_curve,
            Slot::Tornado => &self.tornado,
            Slot::NpvHistogram => &self.npv_histogram,
            Slot::BenchmarkBars => &self.benchmark_bars,
        };
        s.as_deref().filter(|s| !s.trim().is_empty())
    }
}

/// A report: a title, sections and the charts, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    /// Which report.
    pub kind: Kind,
    /// Its language.
    pub lang: Lang,
    /// Title (the kind of report).
    pub title: String,
    /// Subtitle: the site, and the option or package proposed.
    pub subtitle: String,
    /// The sections in order.
    pub sections: Vec<Section>,
    /// The charts, placed by the renderers in their sections.
    pub figures: Figures,
}

/// A section of a report: a heading and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Anchor, stable across languages (`"balances"`).
    pub id: String,
    /// Heading.
    pub heading: String,
    /// Paragraphs, lists, tables and figures, in order.
    pub blocks: Vec<Block>,
}

/// A part of a section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of text.
    Paragraph {
        /// The text.
        text: String,
    },
    /// A list with a lead-in (no lead-in when empty).
    List {
        /// What the list is.
        title: String,
        /// The items.
        items: Vec<String>,
    },
    /// A table.
    Table(Table),
    /// A chart slot with its caption.
    Figure {
        /// Which chart.
        slot: Slot,
        /// Caption.
        caption: String,
    },
}

/// A table with a caption, column headers, rows headed by their first cell, and totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Caption.
    pub caption: String,
    /// Column headers (the first heads the row headers).
    pub head: Vec<String>,
    /// Rows: the first cell is the row's header.
    pub rows: Vec<Vec<String>>,
    /// Rows of totals, shown after the body.
    pub foot: Vec<Vec<String>>,
    /// Whether each column holds numbers (right-aligned).
    pub numeric: Vec<bool>,
}

impl Page {
    /// The report as Markdown (GitHub-flavoured tables; charts as inline SVG).
    pub fn markdown(&self) -> String {
        markdown::render(self)
    }

    /// The report as one self-contained HTML file: inline CSS and SVG, no request of any
    /// kind, print styles for A4 and Letter paper (the paper the browser's print dialog
    /// chooses).
    pub fn html(&self) -> String {
        html::render(self, Paper::Auto)
    }

    /// [`Page::html`] for printing on `paper`.
    pub fn html_for(&self, paper: Paper) -> String {
        html::render(self, paper)
    }

    /// The sections with something to show: figure blocks whose slot is empty left out, and
    /// then sections left empty.
    fn visible(&self) -> Vec<(&Section, Vec<&Block>)> {
        self.sections
            .iter()
            .map(|s| {
                let blocks: Vec<&Block> = s
                    .blocks
                    .iter()
                    .filter(|b| match b {
                        Block::Figure { slot, .. } => self.figures.get(*slot).is_some(),
                        _ => true,
                    })
                    .collect();
                (s, blocks)
            })
            .filter(|(_, b)| !b.is_empty())
            .collect()
    }
}

/// The paper an HTML report is printed on (`"auto"`, `"a4"`, `"letter"` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// Whatever the print dialog chooses (the layout fits A4 and Letter).
    #[default]
    Auto,
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// The report `request` asks for, of `assessment`: its figures computed, its labels in the
/// language asked for (else the document's), its charts drawn: for a pre-assessment the
/// Sankey of the balance, the cost curve and the benchmark bars; for a proposal the cash
/// flow, and the tornado and the NPV histogram when the document has an `[uncertainty]`
/// section. A chart the document cannot give (no flowsheet, no template) leaves its slot
/// empty.
///
/// Errors: an option id the assessment does not have (`option`), a threshold that is not a
/// positive number (`min_dscr`), and whatever the appraisal or the simulation raises.
pub fn build(assessment: &Assessment, request: &Request) -> Result<Page> {
    if !(request.min_dscr.is_finite() && request.min_dscr > 0.0) {
        return Err(Error::out_of_range(
            "min_dscr",
            request.min_dscr,
            "must be a positive number",
        ));
    }
    let lang = request
        .lang
        .or(assessment.document().report.lang)
        .unwrap_or_default();
    match request.kind {
        Kind::PreAssessment => {
            if let Some(id) = &request.option {
                check_option(assessment, id)?;
            }
            pre_assessment::build(assessment, lang, request.draws)
        }
        Kind::Proposal => {
            if let Some(id) = &request.option {
                check_option(assessment, id)?;
            }
            proposal::build(assessment, lang, request)
        }
    }
}

/// An error unless `id` names an option of the assessment.
fn check_option(assessment: &Assessment, id: &str) -> Result<()> {
    if assessment.options().iter().any(|o| o.id == id) {
        return Ok(());
    }
    Err(Error::UnknownReference {
        path: "option".to_string(),
        value: id.to_string(),
        expected: format!(
            "the id of an option of the document: {}",
            assessment
                .options()
                .iter()
                .map(|o| o.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> Assessment {
        let path = format!("{}/../examples/{name}.toml", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        Assessment::from_toml_str(&text).unwrap()
    }

    /// Every text the report writes of its own: headings, captions, column headers, row
    /// headers, paragraphs and list titles (cells of data come from the document).
    fn own_texts(p: &Page) -> Vec<String> {
        let mut out = vec![p.title.clone()];
        for s in &p.sections {
            out.push(s.heading.clone());
            for b in &s.blocks {
                match b {
                    Block::Paragraph { text } => out.push(text.clone()),
                    Block::List { title, .. } => out.push(title.clone()),
                    Block::Figure { caption, .. } => out.push(caption.clone()),
                    Block::Table(t) => {
                        out.push(t.caption.clone());
                        out.extend(t.head.iter().cloned());
                    }
                }
            }
        }
        out
    }

    #[test]
    fn spanish_reports_hold_no_english_label() {
        let english = labels::english_only();
        for (doc, kind, option) in [
            ("tannery", Kind::PreAssessment, None),
            ("hotel", Kind::PreAssessment, None),
            ("hotel", Kind::Proposal, Some("led_lighting".to_string())),
            ("hotel", Kind::Proposal, None),
        ] {
            let request = Request {
                kind,
                lang: Some(Lang::Es),
                option,
                draws: Some(50),
                ..Request::default()
            };
            let page = build(&example(doc), &request).unwrap();
            for text in own_texts(&page) {
                // Section names of the document (`[uncertainty]`) are keys, not labels.
                let text: String = text
                    .split('[')
                    .map(|p| p.split_once(']').map_or(p, |(_, rest)| rest))
                    .collect();
                for label in &english {
                    // Each fixed part of a label (its holes cut out) long enough to be words.
                    for part in label.split(['{', '}']).step_by(2) {
                        let part = part.trim_matches(|c: char| !c.is_alphanumeric());
                        if part.len() >= 6 {
                            assert!(
                                !text.contains(part),
                                "{doc}: English {part:?} in Spanish text {text:?}"
                            );
                        }
                    }
                }
                for label in english.iter().filter(|l| l.len() < 6) {
                    assert_ne!(text.as_str(), *label, "{doc}: English label in Spanish");
                }
            }
        }
    }

    #[test]
    fn english_reports_hold_their_labels() {
        let page = build(&example("hotel"), &Request::default()).unwrap();
        let texts = own_texts(&page);
        assert!(
            texts
                .iter()
                .any(|t| t == "Material and energy balances" || t == "Indicators and benchmarks")
        );
    }

    #[test]
    fn kinds_parse() {
        assert_eq!("proposal".parse::<Kind>().unwrap(), Kind::Proposal);
        assert_eq!(
            "pre-assessment".parse::<Kind>().unwrap(),
            Kind::PreAssessment
        );
        assert_eq!("x".parse::<Kind>().unwrap_err().code(), "unknown_variant");
    }
}

/// How a report is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// One self-contained HTML file.
    #[default]
    Html,
    /// Markdown (the charts as inline SVG).
    Markdown,
}

/// The fields of a render request beyond the [`Request`]'s.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Output {
    format: Format,
    paper: Paper,
}

/// The report asked for by its JSON form, written out: the fields of [`Request`] plus
/// `format` (`"html"`, the default, or `"markdown"`) and `paper` (`"auto"`, `"a4"`,
/// `"letter"`), as the Python and JS surfaces pass them; errors name the field.
///
/// ```
/// use cleanprod::{Assessment, report::pages};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let md = pages::render(&a, serde_json::json!({"lang": "es", "format": "markdown"})).unwrap();
/// assert!(md.starts_with("# "));
/// let err = pages::render(&a, serde_json::json!({"format": "pdf"})).unwrap_err();
/// assert_eq!(err.path(), "format");
/// ```
pub fn render(assessment: &Assessment, value: serde_json::Value) -> Result<String> {
    let mut request = match value {
        serde_json::Value::Object(map) => map,
        serde_json::Value::Null => serde_json::Map::new(),
        other => {
            return Err(Error::InvalidType {
                path: String::new(),
                message: format!("report options are an object, not {other}"),
            });
        }
    };
    let mut output = serde_json::Map::new();
    for key in ["format", "paper"] {
        if let Some(v) = request.remove(key) {
            output.insert(key.to_string(), v);
        }
    }
    let output: Output = crate::wire::typed(&serde_json::Value::Object(output))?;
    let page = build(
        assessment,
        &Request::from_json_value(serde_json::Value::Object(request))?,
    )?;
    Ok(match output.format {
        Format::Html => page.html_for(output.paper),
        Format::Markdown => page.markdown(),
    })
}
