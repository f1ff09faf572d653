//! Python bindings of the cleanprod engine (`cleanprod._cleanprod`).
//!
//! Thin by design: each function converts its arguments, calls the core, and converts the
//! result or the error. Errors become the exception classes of `cleanprod.errors`, chosen by
//! the core error's category, with `code`, `path` and `value` attributes.
#![cfg(not(target_family = "wasm"))]
// The docs of the Python-facing items are the stub's numpy-style docstrings (doctest prompts
// and outputs), not Markdown.
#![allow(clippy::doc_lazy_continuation)]

/// The Python docstring of `name` (`"Assessment.evaluate"`, `"new"`), taken from the native
/// module's stub by `build.rs`: the stub is where the docs of the Rust-written functions are
/// written once, and `help()` shows the same text.
macro_rules! stub_doc {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/stub_docs/", $name, ".txt"))
    };
}

mod finance;
mod interrupt;
mod program;
mod utilities;

use numpy::{IntoPyArray, PyArrayMethods, PyReadonlyArray2, PyUntypedArrayMethods};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use cleanprod::document::Limits;
use cleanprod::sections::uncertainty::Method;
use cleanprod::uncertainty::{Settings, Simulator};
use cleanprod::units::Dimension;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use cleanprod::{Category, SourceFormat};

/// The Python exception for a core error.
pub(crate) fn py_err(py: Python<'_>, e: &cleanprod::Error) -> PyErr {
    let class = match e.category() {
        Category::Syntax => "DocumentSyntaxError",
        Category::Document => "DocumentError",
        Category::Unit => "UnitError",
        Category::NoSolution => "NoSolutionError",
        _ => "InvalidValueError",
    };
    let build = || -> PyResult<PyErr> {
        let cls = py.import("cleanprod.errors")?.getattr(class)?;
        let exc = cls.call1((e.to_string(), e.code(), e.path(), e.value()))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|err| err)
}

/// `cleanprod.errors.InvalidArgumentError` for the argument `path` of a function or method.
pub(crate) fn arg_err(py: Python<'_>, path: &str, value: &str, message: String) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py
            .import("cleanprod.errors")?
            .getattr("InvalidArgumentError")?;
        let exc = cls.call1((message, "invalid_argument", path, value))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|err| err)
}

/// A core error on an argument (an unknown name of a choice) as `InvalidArgumentError`, with
/// the core's code, path and value.
pub(crate) fn arg_err_of(py: Python<'_>, e: &cleanprod::Error) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py
            .import("cleanprod.errors")?
            .getattr("InvalidArgumentError")?;
        let exc = cls.call1((e.to_string(), e.code(), e.path(), e.value()))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|err| err)
}

/// Deepest nesting of a dict given to `Assessment.from_dict`.
const MAX_DEPTH: usize = 64;

/// A Python object shaped like JSON (dicts with string keys, lists, tuples, str, bool, int,
/// float, None, and numpy scalars) as a JSON value. A float that is a whole number becomes an
/// integer, so `300.0` fills an integer field; NaN becomes null, which the core refuses with
/// its path. Anything else is a `DocumentError` at its path.
fn json_of(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    path: &str,
    depth: usize,
) -> PyResult<serde_json::Value> {
    use pyo3::types::{PyBool, PyFloat, PyInt, PyList, PyString, PyTuple};
    use serde_json::Value;
    let wrong = |what: String| {
        let err = cleanprod::Error::InvalidType {
            path: path.to_string(),
            message: format!("{what} is not a string, number, boolean, list or table"),
        };
        py_err(py, &err)
    };
    if depth > MAX_DEPTH {
        return Err(wrong(format!("nesting deeper than {MAX_DEPTH}")));
    }
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(t) = obj.cast::<PyString>() {
        return Ok(Value::String(t.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (k, v) in d.iter() {
            let Ok(key) = k.cast::<PyString>() else {
                return Err(wrong(format!("a key {}", k.repr()?)));
            };
            let key = key.to_cow()?.into_owned();
            let value = json_of(py, &v, &join(&key), depth + 1)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, v) in obj.try_iter()?.enumerate() {
            items.push(json_of(py, &v?, &format!("{path}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    let numpy_bool = obj
        .get_type()
        .name()
        .map(|n| {
            n.to_cow()
                .map(|n| n == "bool" || n == "bool_")
                .unwrap_or(false)
        })
        .unwrap_or(false);
    if numpy_bool && obj.hasattr("item")? {
        return json_of(py, &obj.call_method0("item")?, path, depth);
    }
    if obj.is_instance_of::<PyInt>()
        || (!obj.is_instance_of::<PyFloat>() && obj.hasattr("__index__")?)
    {
        let i = obj.call_method0("__index__")?;
        if let Ok(n) = i.extract::<i64>() {
            return Ok(Value::from(n));
        }
        if let Ok(n) = i.extract::<u64>() {
            return Ok(Value::from(n));
        }
        return Ok(Value::from(i.extract::<f64>()?));
    }
    if obj.is_instance_of::<PyFloat>() || obj.hasattr("__float__")? {
        let x: f64 = obj.call_method0("__float__")?.extract()?;
        if x.is_finite() && x.fract() == 0.0 && x.abs() < 9.0e15 {
            return Ok(Value::from(x as i64));
        }
        return Ok(serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number));
    }
    Err(wrong(format!("a {}", obj.get_type().name()?)))
}

/// A core result as plain Python objects (dicts, lists, str, float, None).
pub(crate) fn to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|e| PyValueError::new_err(e.to_string()))
}

fn dimension(py: Python<'_>, name: &str) -> PyResult<Dimension> {
    name.parse().map_err(|e| arg_err_of(py, &e))
}

/// The limits a document is read with: the native defaults, with the counts of `changes`
/// (`{"max_streams": 200_000}`) for a trusted document that needs more.
fn limits_of(py: Python<'_>, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Limits> {
    match changes {
        None => Ok(Limits::NATIVE),
        Some(d) => Limits::NATIVE
            .with_json(json_of(py, d.as_any(), "limits", 1)?)
            .map_err(|e| arg_err_of(py, &e)),
    }
}

#[doc = stub_doc!("Assessment")]
#[pyclass(module = "cleanprod", frozen)]
struct Assessment {
    inner: cleanprod::Assessment,
}

#[pymethods]
impl Assessment {
    #[doc = stub_doc!("Assessment.from_str")]
    #[staticmethod]
    #[pyo3(signature = (text, format = None, *, limits = None))]
    fn from_str(
        py: Python<'_>,
        text: &str,
        format: Option<&str>,
        limits: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let format = match format {
            None => SourceFormat::sniff(text),
            Some(name) => SourceFormat::from_name(name).ok_or_else(|| {
                arg_err(
                    py,
                    "format",
                    name,
                    format!("format must be \"toml\" or \"json\", not {name:?}"),
                )
            })?,
        };
        cleanprod::Assessment::parse_with(text, format, &limits_of(py, limits)?)
            .map(|inner| Assessment { inner })
            .map_err(|e| py_err(py, &e))
    }

    #[doc = stub_doc!("Assessment.from_file")]
    #[staticmethod]
    #[pyo3(signature = (path, *, limits = None))]
    fn from_file(
        py: Python<'_>,
        path: std::path::PathBuf,
        limits: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let text = std::fs::read_to_string(&path).map_err(|e| {
            // OSError(errno, text, filename) is the subclass of the errno (FileNotFoundError...)
            // and names the file.
            let errno = e.raw_os_error().unwrap_or(0);
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text).to_string();
            let name = path.to_string_lossy().into_owned();
            pyo3::exceptions::PyOSError::new_err((errno, text, name))
        })?;
        let name = path.to_string_lossy();
        let format = SourceFormat::from_path(&name).unwrap_or_else(|| SourceFormat::sniff(&text));
        cleanprod::Assessment::parse_with(&text, format, &limits_of(py, limits)?)
            .map(|inner| Assessment { inner })
            .map_err(|e| py_err(py, &e))
    }

    #[doc = stub_doc!("Assessment.from_dict")]
    #[staticmethod]
    #[pyo3(signature = (data, *, limits = None))]
    fn from_dict(
        py: Python<'_>,
        data: &Bound<'_, PyDict>,
        limits: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let limits = limits_of(py, limits)?;
        let value = json_of(py, data.as_any(), "", 0)?;
        cleanprod::Assessment::from_json_value_with(value, &limits)
            .map(|inner| Assessment { inner })
            .map_err(|e| py_err(py, &e))
    }

    #[doc = stub_doc!("Assessment.with_values")]
    fn with_values(&self, py: Python<'_>, values: &Bound<'_, PyDict>) -> PyResult<Self> {
        let mut pairs = Vec::with_capacity(values.len());
        for (k, v) in values.iter() {
            let Ok(path) = k.extract::<String>() else {
                return Err(arg_err(
                    py,
                    "values",
                    &k.repr()?.to_cow()?,
                    "the keys of values must be paths such as \"prices.water\"".to_string(),
                ));
            };
            let value = json_of(py, &v, &path, 1)?;
            pairs.push((path, value));
        }
        self.inner
            .with_values(&pairs)
            .map(|inner| Assessment { inner })
            .map_err(|e| py_err(py, &e))
    }

    #[doc = stub_doc!("Assessment.with_option")]
    fn with_option(&self, py: Python<'_>, option: &Bound<'_, PyDict>) -> PyResult<Self> {
        let n = self.inner.document().options.len();
        let value = json_of(py, option.as_any(), &format!("options[{n}]"), 1)?;
        self.inner
            .with_option(value)
            .map(|inner| Assessment { inner })
            .map_err(|e| py_err(py, &e))
    }

    #[doc = stub_doc!("Assessment.without_options")]
    fn without_options(&self, py: Python<'_>, ids: &Bound<'_, PyAny>) -> PyResult<Self> {
        if ids.is_instance_of::<pyo3::types::PyString>() {
            return Err(arg_err(
                py,
                "ids",
                &ids.to_string(),
                "ids must be a list of option ids, not one string".to_string(),
            ));
        }
        let ids: Vec<String> = ids.extract().map_err(|_| {
            arg_err(
                py,
                "ids",
                &ids.to_string(),
                "ids must be a list of option ids".to_string(),
            )
        })?;
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        self.inner
            .without_options(&ids)
            .map(|inner| Assessment { inner })
            .map_err(|e| match e.code() {
                "unknown_reference" if e.path().starts_with("ids[") => arg_err_of(py, &e),
                _ => py_err(py, &e),
            })
    }

    #[doc = stub_doc!("Assessment.to_dict")]
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.document())
    }

    #[doc = stub_doc!("Assessment.to_json")]
    fn to_json(&self) -> String {
        self.inner.to_json_string()
    }

    #[doc = stub_doc!("Assessment.to_toml")]
    fn to_toml(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.to_toml_string().map_err(|e| py_err(py, &e))
    }

    #[doc = stub_doc!("Assessment.balance")]
    fn balance<'py>(slf: &Bound<'py, Self>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let py = slf.py();
        let inner = &slf.get().inner;
        let Some(b) = py.detach(|| inner.balance()).map_err(|e| py_err(py, &e))? else {
            return Ok(None);
        };
        let class = py.import("cleanprod.balance")?.getattr("Balance")?;
        class.call1((to_py(py, &b)?, slf)).map(Some)
    }

    #[doc = stub_doc!("Assessment.evaluate")]
    fn evaluate<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let inner = &slf.get().inner;
        let e = py.detach(|| inner.evaluate()).map_err(|e| py_err(py, &e))?;
        let data = to_py(py, e)?;
        let class = py.import("cleanprod.evaluation")?.getattr("Evaluation")?;
        class.call1((data, slf))
    }

    #[doc = stub_doc!("Assessment.portfolio")]
    fn portfolio<'py>(&self, py: Python<'py>, ids: Vec<String>) -> PyResult<Bound<'py, PyAny>> {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let inner = &self.inner;
        let s = py
            .detach(|| inner.portfolio(&ids))
            .map_err(|e| py_err(py, &e))?;
        let currency = to_py(py, &self.inner.document().currency)?;
        let class = py.import("cleanprod.tables")?.getattr("Portfolio")?;
        class.call1((to_py(py, &s)?, currency))
    }

    #[doc = stub_doc!("Assessment.options_html")]
    fn options_html(&self, py: Python<'_>) -> PyResult<String> {
        let inner = &self.inner;
        let e = py.detach(|| inner.evaluate()).map_err(|e| py_err(py, &e))?;
        Ok(cleanprod::report::options_html(e))
    }

    #[doc = stub_doc!("Assessment.rank")]
    fn rank(&self, py: Python<'_>, metric: &str) -> PyResult<Vec<String>> {
        self.inner.rank(metric).map_err(|e| match e.code() {
            "unknown_variant" => arg_err_of(py, &e),
            _ => py_err(py, &e),
        })
    }

    #[doc = stub_doc!("Assessment.benchmarks")]
    fn benchmarks<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(b) = self.inner.benchmarks().map_err(|e| py_err(py, &e))? else {
            return Ok(None);
        };
        let class = py.import("cleanprod.tables")?.getattr("Benchmarks")?;
        class.call1((to_py(py, &b)?,)).map(Some)
    }

    #[doc = stub_doc!("Assessment.reconcile")]
    fn reconcile<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let r = self.inner.reconcile().map_err(|e| py_err(py, &e))?;
        let class = py.import("cleanprod.tables")?.getattr("Reconciliation")?;
        class.call1((to_py(py, &r)?,))
    }

    #[doc = stub_doc!("Assessment.summary")]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.summary())
    }

    #[doc = stub_doc!("Assessment.report")]
    #[pyo3(signature = (kind = None, *, option = None, lang = None, min_dscr = None, draws = None, paper = None))]
    #[allow(clippy::too_many_arguments)]
    fn report<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
        kind: Option<&str>,
        option: Option<String>,
        lang: Option<&str>,
        min_dscr: Option<f64>,
        draws: Option<u32>,
        paper: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let asked = serde_json::json!({
            "kind": kind, "option": option, "lang": lang, "min_dscr": min_dscr,
            "draws": draws, "paper": paper,
        });
        let Some(asked) = asked.as_object().map(|m| {
            m.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<serde_json::Map<_, _>>()
        }) else {
            return Err(PyValueError::new_err("report options"));
        };
        if asked.is_empty() {
            let inner = &slf.get().inner;
            let r = py.detach(|| inner.report()).map_err(|e| py_err(py, &e))?;
            return to_py(py, &r);
        }
        // Checked now, so that a bad argument fails here rather than when the text is read.
        cleanprod::report::pages::Request::from_json_value(serde_json::Value::Object(
            asked
                .iter()
                .filter(|(k, _)| *k != "paper")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ))
        .map_err(|e| arg_err_of(py, &e))?;
        let class = py.import("cleanprod.reports")?.getattr("Report")?;
        class.call1((slf, to_py(py, &serde_json::Value::Object(asked))?))
    }

    #[doc = stub_doc!("Assessment.render_report")]
    fn render_report(&self, py: Python<'_>, options: &Bound<'_, PyAny>) -> PyResult<String> {
        let value = json_of(py, options, "", 0)?;
        let inner = &self.inner;
        py.detach(|| cleanprod::report::pages::render(inner, value))
            .map_err(|e| match e.path() {
                "kind" | "lang" | "min_dscr" | "paper" | "draws" | "format" => arg_err_of(py, &e),
                _ => py_err(py, &e),
            })
    }

    #[doc = stub_doc!("Assessment.simulate")]
    #[pyo3(signature = (draws = None, seed = None, method = None, threads = None))]
    fn simulate<'py>(
        &self,
        py: Python<'py>,
        draws: Option<u32>,
        seed: Option<u64>,
        method: Option<&str>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let method = method
            .map(str::parse::<Method>)
            .transpose()
            .map_err(|e| py_err(py, &e))?;
        let simulator = Simulator::new(&self.inner).map_err(|e| py_err(py, &e))?;
        let s = interrupt::interruptible(py, |cancel| {
            simulator.run(&Settings {
                draws,
                seed,
                method,
                threads,
                cancel: Some(cancel),
            })
        })?
        .map_err(|e| py_err(py, &e))?;
        let class = py.import("cleanprod.risk")?.getattr("Simulation")?;
        class.call1((to_py(py, &s)?,))
    }

    #[doc = stub_doc!("Assessment.chart")]
    #[pyo3(signature = (kind, *, component = None, option = None, draws = None, seed = None, lang = None))]
    #[allow(clippy::too_many_arguments)]
    fn chart<'py>(
        &self,
        py: Python<'py>,
        kind: &str,
        component: Option<String>,
        option: Option<String>,
        draws: Option<u32>,
        seed: Option<u64>,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        use cleanprod::report::charts::{self, ChartKind, ChartOptions};
        let kind: ChartKind = kind.parse().map_err(|e| arg_err_of(py, &e))?;
        let lang = lang
            .map(|l| l.parse::<cleanprod::sections::Lang>())
            .transpose()
            .map_err(|e| arg_err_of(py, &e))?;
        let options = ChartOptions {
            component,
            option,
            draws,
            seed,
            lang,
        };
        let inner = &self.inner;
        let chart = py
            .detach(|| charts::chart(inner, kind, &options))
            .map_err(|e| py_err(py, &e))?;
        let class = py.import("cleanprod.charts")?.getattr("Chart")?;
        class.call1((to_py(py, &chart)?,))
    }

    #[doc = stub_doc!("Assessment.evaluate_batch")]
    fn evaluate_batch<'py>(
        &self,
        py: Python<'py>,
        rows: PyReadonlyArray2<'py, f64>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let simulator = Simulator::new(&self.inner).map_err(|e| py_err(py, &e))?;
        let k = simulator.input_paths().len();
        let shape = rows.shape();
        if shape[1] != k {
            return Err(PyValueError::new_err(format!(
                "rows must have one column per uncertain input ({k}: {}), not {}",
                simulator.input_paths().join(", "),
                shape[1]
            )));
        }
        let rows: Vec<Vec<f64>> = rows
            .as_array()
            .rows()
            .into_iter()
            .map(|r| r.to_vec())
            .collect();
        let results = py.detach(|| simulator.evaluate_rows(&rows));
        let outputs: Vec<String> = simulator
            .output_names()
            .iter()
            .map(|(option, metric, _)| format!("{option}.{metric}"))
            .collect();
        let m = outputs.len();
        let mut values = Vec::with_capacity(results.len() * m);
        let mut errors = Vec::with_capacity(results.len());
        for r in &results {
            match r {
                Ok(v) => {
                    values.extend(v.iter().map(|x| x.unwrap_or(f64::NAN)));
                    errors.push(None);
                }
                Err(e) => {
                    values.extend(std::iter::repeat_n(f64::NAN, m));
                    errors.push(Some(e.to_string()));
                }
            }
        }
        let array = values.into_pyarray(py).reshape([results.len(), m])?;
        let out = PyDict::new(py);
        out.set_item("inputs", simulator.input_paths())?;
        out.set_item("outputs", outputs)?;
        out.set_item("values", array)?;
        out.set_item("errors", errors)?;
        Ok(out)
    }

    #[doc = stub_doc!("Assessment.report_markdown")]
    fn report_markdown(&self, py: Python<'_>) -> PyResult<String> {
        let r = self.inner.report().map_err(|e| py_err(py, &e))?;
        Ok(cleanprod::report::report_markdown(&r))
    }

    #[doc = stub_doc!("Assessment.summary_markdown")]
    fn summary_markdown(&self) -> String {
        cleanprod::report::summary_markdown(&self.inner.summary())
    }

    /// HTML for Jupyter.
    fn _repr_html_(&self) -> String {
        cleanprod::report::summary_html(&self.inner.summary())
    }

    fn __repr__(&self) -> String {
        let d = self.inner.document();
        format!("<Assessment {:?} ({})>", d.site.name, d.site.sector)
    }

    /// Pickling and `copy.deepcopy` go through the document's JSON.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, &'static str))> {
        let from_str = slf.get_type().getattr("from_str")?;
        Ok((from_str, (slf.get().inner.to_json_string(), "json")))
    }

    /// The object itself: an Assessment cannot change.
    fn __copy__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Assessment>()
            .map(|o| o.get().inner == self.inner)
            .unwrap_or(false)
    }
}

#[doc = stub_doc!("new")]
#[pyfunction]
fn new(py: Python<'_>, sector: &str) -> PyResult<&'static str> {
    let sector: cleanprod::document::Sector = sector.parse().map_err(|e| arg_err_of(py, &e))?;
    cleanprod::document::starting_document(sector).ok_or_else(|| {
        arg_err(
            py,
            "sector",
            &sector.to_string(),
            format!("no starting document for {sector}"),
        )
    })
}

#[doc = stub_doc!("schema")]
#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &cleanprod::schema())
}

#[doc = stub_doc!("to_si")]
#[pyfunction]
fn to_si(py: Python<'_>, text: &str, dimension: &str) -> PyResult<f64> {
    let d = self::dimension(py, dimension)?;
    cleanprod::units::to_si(text, d).map_err(|p| py_err(py, &cleanprod::Error::unit("", text, p)))
}

#[doc = stub_doc!("canonical")]
#[pyfunction]
fn canonical(py: Python<'_>, text: &str, dimension: &str) -> PyResult<String> {
    let d = self::dimension(py, dimension)?;
    cleanprod::units::canonical(text, d)
        .map_err(|p| py_err(py, &cleanprod::Error::unit("", text, p)))
}

/// A tornado or histogram drawn from a simulation's dict (as `Assessment.simulate` gave it):
/// `options` holds `option` and `lang`; `cleanprod.risk.Simulation.chart` calls it.
#[pyfunction]
fn simulation_chart<'py>(
    py: Python<'py>,
    simulation: &Bound<'py, PyAny>,
    kind: &str,
    options: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    use cleanprod::report::charts::{self, ChartKind, ChartOptions};
    let kind: ChartKind = kind.parse().map_err(|e| arg_err_of(py, &e))?;
    let value: serde_json::Value = pythonize::depythonize(simulation)
        .map_err(|e| PyValueError::new_err(format!("simulation: not a simulation: {e}")))?;
    let s =
        cleanprod::uncertainty::Simulation::from_json_value(value).map_err(|e| py_err(py, &e))?;
    let options =
        ChartOptions::from_json_value(json_of(py, options, "", 0)?).map_err(|e| py_err(py, &e))?;
    let chart = charts::simulation_chart(&s, kind, &options).map_err(|e| py_err(py, &e))?;
    to_py(py, &chart)
}

/// The native part of the `cleanprod` package.
#[pymodule]
fn _cleanprod(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Assessment>()?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(new, m)?)?;
    m.add_function(wrap_pyfunction!(to_si, m)?)?;
    m.add_function(wrap_pyfunction!(canonical, m)?)?;
    m.add_function(wrap_pyfunction!(simulation_chart, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FORMAT", cleanprod::document::CURRENT_FORMAT)?;
    m.add("OPTION_COLUMNS", cleanprod::options::TABLE_COLUMNS.to_vec())?;
    finance::register(m)?;
    utilities::register(m)?;
    program::register(m)?;
    Ok(())
}
