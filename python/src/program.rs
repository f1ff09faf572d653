//! `cleanprod._cleanprod` programmes: many documents evaluated together (in parallel, the GIL
//! released), parts of a programme combined, as plain dicts. The Python module
//! `cleanprod.program` turns them into tables.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use cleanprod::program::fund::FundDocument;
use cleanprod::program::screen::region::{self, RegionSpec};
use cleanprod::program::screen::{self, Firms, ScreenSettings, Screening};
use cleanprod::program::{self, Part, Settings, Source};
use cleanprod::report::fund::{self, FundRun};

use crate::{arg_err, arg_err_of, py_err, to_py};

/// The settings of a programme from `threads` and the exchange rates (`currency` the money is
/// brought to, `rates` the value of one unit of each other currency in it).
fn settings(
    py: Python<'_>,
    threads: Option<usize>,
    currency: Option<String>,
    rates: Option<std::collections::BTreeMap<String, f64>>,
) -> PyResult<Settings> {
    let exchange_rates = match (currency, rates) {
        (Some(currency), rates) => Some(program::ExchangeRates {
            currency,
            rates: rates.unwrap_or_default(),
        }),
        (None, None) => None,
        (None, Some(_)) => {
            return Err(arg_err(
                py,
                "currency",
                "",
                "exchange rates need the currency they bring money to (currency=...)".into(),
            ));
        }
    };
    Ok(Settings {
        threads,
        exchange_rates,
        cancel: None,
    })
}

/// Evaluate the documents `sources` (pairs of name and TOML or JSON text) as one programme:
/// (a dict of its totals, breakdowns, rows per site and per option and failures; its summary
/// in words, as `cleanprod program` prints it).
#[pyfunction]
#[pyo3(signature = (sources, *, threads = None, currency = None, rates = None))]
pub(crate) fn program_evaluate<'py>(
    py: Python<'py>,
    sources: Vec<(String, String)>,
    threads: Option<usize>,
    currency: Option<String>,
    rates: Option<std::collections::BTreeMap<String, f64>>,
) -> PyResult<(Bound<'py, PyAny>, String)> {
    let settings = settings(py, threads, currency, rates)?;
    let sources: Vec<Source> = sources
        .into_iter()
        .map(|(name, text)| Source::named(name, text))
        .collect();
    let p = crate::interrupt::interruptible(py, |cancel| {
        program::evaluate(
            &sources,
            &Settings {
                cancel: Some(cancel),
                ..settings
            },
        )
    })?;
    with_text(py, &p)
}

/// The programme of `parts` (programme dicts of batches of documents) together: what
/// `program_evaluate` gives for all their documents at once.
#[pyfunction]
#[pyo3(signature = (parts, *, currency = None, rates = None))]
pub(crate) fn program_combine<'py>(
    py: Python<'py>,
    parts: Vec<Bound<'py, PyAny>>,
    currency: Option<String>,
    rates: Option<std::collections::BTreeMap<String, f64>>,
) -> PyResult<(Bound<'py, PyAny>, String)> {
    let settings = settings(py, None, currency, rates)?;
    let parts = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let value: serde_json::Value = pythonize::depythonize(p)
                .map_err(|e| PyTypeError::new_err(format!("parts[{i}]: not a programme: {e}")))?;
            Part::from_json_value(value).map_err(|e| py_err(py, &e))
        })
        .collect::<PyResult<Vec<Part>>>()?;
    let p = py.detach(|| program::combine(parts, &settings));
    with_text(py, &p)
}

/// The programme as a dict, and its summary in words.
fn with_text<'py>(
    py: Python<'py>,
    p: &program::Programme,
) -> PyResult<(Bound<'py, PyAny>, String)> {
    Ok((to_py(py, p)?, cleanprod::report::programme_text(p)))
}

/// Screen a table of firms (`columns`, rows of string cells) ranked by `by` (npv, water, co2,
/// or with draws npv_mean, npv_p10, npv_p50, npv_p90): the screening as a dict (ranking,
/// failures). `uncertainty` is the region's `[uncertainty]` section as TOML or JSON text, with
/// `draws`, `seed` and `method` in place of its own.
#[pyfunction]
#[pyo3(signature = (columns, rows, *, by = "npv", threads = None, currency = None, rates = None, uncertainty = None, draws = None, seed = None, method = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn program_screen<'py>(
    py: Python<'py>,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    by: &str,
    threads: Option<usize>,
    currency: Option<String>,
    rates: Option<std::collections::BTreeMap<String, f64>>,
    uncertainty: Option<String>,
    draws: Option<u32>,
    seed: Option<u64>,
    method: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let s = settings(py, threads, currency, rates)?;
    let by = by.parse().map_err(|e| arg_err_of(py, &e))?;
    let uncertainty = match uncertainty {
        None if draws.is_some() || seed.is_some() || method.is_some() => {
            return Err(crate::arg_err(
                py,
                "uncertainty",
                "",
                "draws, seed and method need an uncertainty (what to draw)".to_string(),
            ));
        }
        None => None,
        Some(text) => {
            let format = cleanprod::SourceFormat::sniff(&text);
            let mut u =
                screen::uncertainty_from_text(&text, format).map_err(|e| arg_err_of(py, &e))?;
            u.draws = draws.or(u.draws);
            u.seed = seed.or(u.seed);
            if let Some(m) = method {
                u.method = m.parse().map_err(|e| arg_err_of(py, &e))?;
            }
            Some(u)
        }
    };
    let firms = Firms { columns, rows };
    let screening = crate::interrupt::interruptible(py, |cancel| {
        screen::screen(
            &firms,
            &ScreenSettings {
                by,
                threads: s.threads,
                exchange_rates: s.exchange_rates,
                uncertainty,
                cancel: Some(cancel),
            },
        )
    })?
    .map_err(|e| py_err(py, &e))?;
    to_py(py, &screening)
}

/// Screenings of parts of a table (dicts, in the table's order) together.
#[pyfunction]
pub(crate) fn program_screen_combine<'py>(
    py: Python<'py>,
    parts: Vec<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let parts = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let value: serde_json::Value = pythonize::depythonize(p)
                .map_err(|e| PyTypeError::new_err(format!("parts[{i}]: not a screening: {e}")))?;
            Screening::from_json_value(value).map_err(|e| py_err(py, &e))
        })
        .collect::<PyResult<Vec<_>>>()?;
    let s = screen::combine(parts).map_err(|e| py_err(py, &e))?;
    to_py(py, &s)
}

/// A synthetic region's table of firms: `spec` a region's parameters as a dict, or the
/// benchmark region with `seed` and `firms`. (columns, rows).
#[pyfunction]
#[pyo3(signature = (spec = None, *, seed = None, firms = None))]
pub(crate) fn program_region(
    py: Python<'_>,
    spec: Option<Bound<'_, PyAny>>,
    seed: Option<u64>,
    firms: Option<u32>,
) -> PyResult<(Vec<String>, Vec<Vec<String>>)> {
    let mut spec: RegionSpec = match spec {
        Some(d) => pythonize::depythonize(&d)
            .map_err(|e| PyTypeError::new_err(format!("spec: not a region's parameters: {e}")))?,
        None => RegionSpec::benchmark(),
    };
    if let Some(s) = seed {
        spec.seed = s;
    }
    if let Some(n) = firms {
        spec.firms = n;
    }
    let f = py
        .detach(|| region::generate(&spec, None))
        .map_err(|e| arg_err_of(py, &e))?;
    Ok((f.columns, f.rows))
}

/// The chart of a programme's dict (as `program_evaluate` gave it) by `by` (sector,
/// cost_class, status or category), in `lang`: the chart as a dict.
#[pyfunction]
#[pyo3(signature = (programme, *, by = "sector", lang = None))]
pub(crate) fn program_chart<'py>(
    py: Python<'py>,
    programme: &Bound<'py, PyAny>,
    by: &str,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    use cleanprod::report::charts::{self, programme::Breakdown};
    let by: Breakdown = by.parse().map_err(|e| arg_err_of(py, &e))?;
    let lang = lang
        .map(str::parse::<cleanprod::sections::Lang>)
        .transpose()
        .map_err(|e| arg_err_of(py, &e))?
        .unwrap_or_default();
    let value: serde_json::Value = pythonize::depythonize(programme)
        .map_err(|e| PyTypeError::new_err(format!("programme: not a programme: {e}")))?;
    let p = program::Programme::from_json_value(value).map_err(|e| py_err(py, &e))?;
    to_py(py, &charts::programme_chart(&p, by, lang))
}

/// A fund document (TOML or JSON text, `format` "toml" or "json", else sniffed) read and
/// checked, as a dict (its `assessments` for the caller to read).
#[pyfunction]
#[pyo3(signature = (text, format = None))]
pub(crate) fn program_fund_document<'py>(
    py: Python<'py>,
    text: &str,
    format: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let format = match format {
        Some(f) => cleanprod::SourceFormat::from_name(f)
            .ok_or_else(|| arg_err(py, "format", f, "must be toml or json".into()))?,
        None => cleanprod::SourceFormat::sniff(text),
    };
    let doc = FundDocument::parse(text, format).map_err(|e| py_err(py, &e))?;
    to_py(py, &doc)
}

/// Simulate the fund of `document` (a fund document's dict) lending to its candidates and the
/// options of `sources` (its assessments, read); with `draws`, its Monte Carlo simulation.
/// (the books as a dict, the simulation as a dict or None, the text, the chart as a dict).
#[pyfunction]
#[pyo3(signature = (document, sources, *, draws = None, seed = 0, threads = None, lang = None))]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
pub(crate) fn program_fund<'py>(
    py: Python<'py>,
    document: Bound<'py, PyAny>,
    sources: Vec<(String, String)>,
    draws: Option<u32>,
    seed: u64,
    threads: Option<usize>,
    lang: Option<&str>,
) -> PyResult<(
    Bound<'py, PyAny>,
    Option<Bound<'py, PyAny>>,
    String,
    Bound<'py, PyAny>,
)> {
    let value: serde_json::Value = pythonize::depythonize(&document)
        .map_err(|e| PyTypeError::new_err(format!("document: not a fund document: {e}")))?;
    let doc = FundDocument::from_json_value(value).map_err(|e| py_err(py, &e))?;
    let lang = lang
        .map(|l| l.parse::<cleanprod::sections::Lang>())
        .transpose()
        .map_err(|e| arg_err_of(py, &e))?
        .unwrap_or_default();
    let documents: Vec<Source> = sources
        .into_iter()
        .map(|(name, text)| Source::named(name, text))
        .collect();
    let out = crate::interrupt::interruptible(py, |cancel| {
        fund::run(
            &doc,
            &FundRun {
                documents,
                draws,
                seed,
                threads,
                lang: Some(lang),
                cancel: Some(cancel),
            },
        )
    })?
    .map_err(|e| py_err(py, &e))?;
    Ok((
        to_py(py, &out.fund)?,
        out.monte_carlo.as_ref().map(|r| to_py(py, r)).transpose()?,
        out.text,
        to_py(py, &out.chart)?,
    ))
}

/// Register the programme functions in the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(program_evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(program_combine, m)?)?;
    m.add_function(wrap_pyfunction!(program_chart, m)?)?;
    m.add_function(wrap_pyfunction!(program_screen, m)?)?;
    m.add_function(wrap_pyfunction!(program_screen_combine, m)?)?;
    m.add_function(wrap_pyfunction!(program_region, m)?)?;
    m.add_function(wrap_pyfunction!(program_fund_document, m)?)?;
    m.add_function(wrap_pyfunction!(program_fund, m)?)?;
    Ok(())
}
