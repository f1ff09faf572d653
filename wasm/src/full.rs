//! The npm package's functions beyond the embeddable calculator's (feature `full`): the
//! `Assessment` class, summaries, balances, rankings, benchmarks, portfolios, reconciliation,
//! reports, units and programmes.

use cleanprod::Assessment;
use cleanprod::units::Dimension;
use wasm_bindgen::prelude::*;

use crate::risk::simulate_assessment;
use crate::{chart_of, js_error, options_json, read, to_js};

fn dimension(name: &str) -> Result<Dimension, JsValue> {
    name.parse().map_err(|e| js_error(&e))
}

/// A document read, checked and expanded once; its balance and appraisal are computed on
/// first use and kept. Call `free()` when done with it to release its memory at once (the
/// garbage collector otherwise releases it later, where `FinalizationRegistry` exists).
#[wasm_bindgen(js_name = Assessment, skip_typescript)]
pub struct JsAssessment {
    inner: Assessment,
}

#[wasm_bindgen(js_class = Assessment)]
impl JsAssessment {
    /// Read and check a document (TOML or JSON text, or an object).
    #[wasm_bindgen(constructor)]
    pub fn new(doc: JsValue) -> Result<JsAssessment, JsValue> {
        read(&doc).map(|inner| JsAssessment { inner })
    }

    /// The document in canonical form.
    pub fn document(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.document())
    }

    /// The figures a consultant checks first.
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.summary())
    }

    /// The material balances of the flowsheet, or null without one.
    pub fn balance(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.balance().map_err(|e| js_error(&e))?)
    }

    /// The appraisal of every option.
    pub fn evaluate(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.evaluate().map_err(|e| js_error(&e))?)
    }

    /// Option ids ranked by a metric, best first.
    pub fn rank(&self, metric: String) -> Result<Vec<String>, JsValue> {
        self.inner.rank(&metric).map_err(|e| js_error(&e))
    }

    /// The sector model's benchmarks, or null without a sector template.
    pub fn benchmarks(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.benchmarks().map_err(|e| js_error(&e))?)
    }

    /// The options named by `ids` applied in that order to one model.
    pub fn portfolio(&self, ids: Vec<String>) -> Result<JsValue, JsValue> {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        to_js(&self.inner.portfolio(&ids).map_err(|e| js_error(&e))?)
    }

    /// The reconciliation of the redundant measurements, per component.
    pub fn reconcile(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.reconcile().map_err(|e| js_error(&e))?)
    }

    /// Without `options`: everything the engine says of the document, as one object. With
    /// `options` (`kind`, `option`, `lang`, `min_dscr`, `draws`, `format`, `paper`): the
    /// pre-assessment report or the financing proposal as HTML or Markdown text.
    pub fn report(&self, options: JsValue) -> Result<JsValue, JsValue> {
        report_of(&self.inner, options)
    }

    /// The whole report as Markdown.
    #[wasm_bindgen(js_name = reportMarkdown)]
    pub fn report_markdown(&self) -> Result<String, JsValue> {
        let r = self.inner.report().map_err(|e| js_error(&e))?;
        Ok(cleanprod::report::report_markdown(&r))
    }

    /// The summary as Markdown.
    #[wasm_bindgen(js_name = summaryMarkdown)]
    pub fn summary_markdown(&self) -> String {
        cleanprod::report::summary_markdown(&self.inner.summary())
    }

    /// A chart of the assessment (`kind`: `"sankey"`, `"cash-flow"`, `"cost-curve"`,
    /// `"histogram"`, `"tornado"`, `"benchmarks"`; `options`: `component`, `option`, `draws`,
    /// `seed`): `{ kind, title, svg, table }`, the SVG drawn by the core as on every surface.
    pub fn chart(&self, kind: String, options: JsValue) -> Result<JsValue, JsValue> {
        to_js(&chart_of(&self.inner, &kind, options)?)
    }

    /// A risk simulation of the document's `[uncertainty]` inputs (`options`: `draws`,
    /// `seed`, `method`), each draw's values in a `Float64Array` (NaN where undefined).
    pub fn simulate(&self, options: JsValue) -> Result<JsValue, JsValue> {
        simulate_assessment(&self.inner, options)
    }
}

/// Validate a document and return its summary.
#[wasm_bindgen(skip_typescript)]
pub fn summary(doc: JsValue) -> Result<JsValue, JsValue> {
    JsAssessment::new(doc)?.summary()
}

/// The material balances of a document's flowsheet, or null without one.
#[wasm_bindgen(skip_typescript)]
pub fn balance(doc: JsValue) -> Result<JsValue, JsValue> {
    JsAssessment::new(doc)?.balance()
}

/// Option ids ranked by a metric (`"npv"`, `"irr"`, `"simple_payback"`, ...), best first.
#[wasm_bindgen(skip_typescript)]
pub fn rank(doc: JsValue, metric: String) -> Result<Vec<String>, JsValue> {
    JsAssessment::new(doc)?.rank(metric)
}

/// A sector template's benchmarks, or null.
#[wasm_bindgen(skip_typescript)]
pub fn benchmarks(doc: JsValue) -> Result<JsValue, JsValue> {
    JsAssessment::new(doc)?.benchmarks()
}

/// The options named by `ids` applied in that order to one model: each one's increment and
/// the total.
#[wasm_bindgen(skip_typescript)]
pub fn portfolio(doc: JsValue, ids: Vec<String>) -> Result<JsValue, JsValue> {
    JsAssessment::new(doc)?.portfolio(ids)
}

/// The reconciliation of a document's redundant measurements, per component.
#[wasm_bindgen(skip_typescript)]
pub fn reconcile(doc: JsValue) -> Result<JsValue, JsValue> {
    JsAssessment::new(doc)?.reconcile()
}

/// The report object of `a`, or with `options` the rendered report's text.
fn report_of(a: &Assessment, options: JsValue) -> Result<JsValue, JsValue> {
    if options.is_undefined() || options.is_null() {
        return to_js(&a.report().map_err(|e| js_error(&e))?);
    }
    let text = cleanprod::report::pages::render(a, options_json(options, "report options")?)
        .map_err(|e| js_error(&e))?;
    Ok(JsValue::from_str(&text))
}

/// Without `options`: everything the engine says of a document, as one object. With
/// `options`: the pre-assessment report or the financing proposal as HTML or Markdown text.
#[wasm_bindgen(skip_typescript)]
pub fn report(doc: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    report_of(&read(&doc)?, options)
}

/// The summary of a document as Markdown.
#[wasm_bindgen(js_name = summaryMarkdown, skip_typescript)]
pub fn summary_markdown(doc: JsValue) -> Result<String, JsValue> {
    Ok(JsAssessment::new(doc)?.summary_markdown())
}

/// The coherent SI value of `text` read as `dimension`.
#[wasm_bindgen(js_name = toSi, skip_typescript)]
pub fn to_si(text: &str, dimension: &str) -> Result<f64, JsValue> {
    cleanprod::units::to_si(text, self::dimension(dimension)?)
        .map_err(|p| js_error(&cleanprod::Error::unit("", text, p)))
}

/// `text` in canonical spelling, after checking it against `dimension`.
#[wasm_bindgen(skip_typescript)]
pub fn canonical(text: &str, dimension: &str) -> Result<String, JsValue> {
    cleanprod::units::canonical(text, self::dimension(dimension)?)
        .map_err(|p| js_error(&cleanprod::Error::unit("", text, p)))
}

/// The document format version this build writes.
#[wasm_bindgen(js_name = formatVersion, skip_typescript)]
pub fn format_version() -> String {
    cleanprod::document::CURRENT_FORMAT.to_string()
}

/// Many documents evaluated as one programme (`documents`: an array of `{ name, text }`;
/// `options`: `{ exchange_rates: { currency, rates } }`): totals, breakdowns by sector,
/// category, cost class and status, one row per site and per option, and the documents that
/// failed, each with its name and the error's path (the others are still evaluated). One
/// thread in the browser.
#[wasm_bindgen(skip_typescript)]
pub fn program(documents: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    use cleanprod::program::{self, Settings, Source};
    let sources: Vec<Source> = serde_wasm_bindgen::from_value(documents).map_err(|e| {
        js_sys::TypeError::new(&format!("documents: an array of {{ name, text }}: {e}"))
    })?;
    let settings = Settings::from_json_value(options_json(options, "programme options")?)
        .map_err(|e| js_error(&e))?;
    to_js(&program::evaluate(&sources, &settings))
}

/// The chart of a programme (as `program` gives it) by `options.by` (`sector`, `cost_class`,
/// `status` or `category`) in `options.lang`: `{ kind, title, svg, table }`, drawn by the core.
#[wasm_bindgen(js_name = programmeChart, skip_typescript)]
pub fn programme_chart(programme: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    use cleanprod::report::charts::{self, programme::ProgrammeChartOptions};
    let value: serde_json::Value = serde_wasm_bindgen::from_value(programme)
        .map_err(|e| js_sys::TypeError::new(&format!("programme: not a programme: {e}")))?;
    let p = cleanprod::program::Programme::from_json_value(value).map_err(|e| js_error(&e))?;
    let options =
        ProgrammeChartOptions::from_json_value(options_json(options, "programme chart options")?)
            .map_err(|e| js_error(&e))?;
    to_js(&charts::programme_chart(
        &p,
        options.by,
        options.lang.unwrap_or_default(),
    ))
}

/// A revolving loan fund simulated (`document`: a fund document, as an object or as TOML or
/// JSON text; `options`: `{ documents, draws, seed, lang }`, `documents` the assessments whose
/// options become candidates as an array of `{ name, text }`, since the browser reads no
/// files): `{ fund, monte_carlo, text, chart }`, the yearly books, the Monte Carlo simulation
/// when `draws` is given (else null), the fund in words and the chart of its balance. One
/// thread in the browser.
#[wasm_bindgen(skip_typescript)]
pub fn fund(document: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    use cleanprod::program::fund::FundDocument;
    use cleanprod::report::fund::{self, FundRun};
    let doc = match document.as_string() {
        Some(text) => FundDocument::parse(&text, cleanprod::SourceFormat::sniff(&text)),
        None => FundDocument::from_json_value(options_json(document, "fund document")?),
    }
    .map_err(|e| js_error(&e))?;
    let run = FundRun::from_json_value(options_json(options, "fund options")?)
        .map_err(|e| js_error(&e))?;
    to_js(&fund::run(&doc, &run).map_err(|e| js_error(&e))?)
}

/// A region's firms screened (in this thread): `firms` a CSV text or `{ columns, rows }` (every
/// cell a string), `settings` a `ScreenSettings` (`by`, `exchange_rates`, `uncertainty` with
/// `draws`, `seed`, `method` and `inputs`): the ranking, with the NPV's spread over each
/// firm's draws when an uncertainty is given, and the rows that failed.
#[wasm_bindgen(skip_typescript)]
pub fn screen(firms: JsValue, settings: JsValue) -> Result<JsValue, JsValue> {
    use cleanprod::program::screen::{self, Firms, ScreenSettings};
    let table = match firms.as_string() {
        Some(csv) => Firms::from_csv(&csv).map_err(|e| js_error(&e))?,
        None => serde_wasm_bindgen::from_value(firms).map_err(|e| {
            js_sys::TypeError::new(&format!(
                "firms: a CSV text or {{ columns, rows }} of strings: {e}"
            ))
        })?,
    };
    let settings = ScreenSettings::from_json_value(options_json(settings, "screening settings")?)
        .map_err(|e| js_error(&e))?;
    to_js(&screen::screen(&table, &settings).map_err(|e| js_error(&e))?)
}
