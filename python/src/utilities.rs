//! `cleanprod._cleanprod` utility calculators: run by name on keyword arguments, their
//! registry, input fields and schema, and results in SI. The Python module
//! `cleanprod.utilities` wraps them in one function per calculator.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use cleanprod::utilities;

use crate::{py_err, to_py};

/// A Python object as JSON (a float NaN becomes null, which the core refuses with its path).
fn from_py(value: &Bound<'_, PyAny>, what: &str) -> PyResult<serde_json::Value> {
    pythonize::depythonize(value).map_err(|e| PyTypeError::new_err(format!("not {what}: {e}")))
}

/// Run the calculator `name` on its input fields given as keyword arguments; the result as a
/// dict whose quantities are strings with units.
#[pyfunction]
#[pyo3(signature = (name, **inputs))]
pub(crate) fn calculate<'py>(
    py: Python<'py>,
    name: &str,
    inputs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let input = match inputs {
        Some(d) => from_py(d.as_any(), "an input")?,
        None => serde_json::Value::Object(serde_json::Map::new()),
    };
    let out = utilities::calculate(name, input).map_err(|e| py_err(py, &e))?;
    to_py(py, &out)
}

/// (name, summary) of every calculator, in registry order.
#[pyfunction]
pub(crate) fn calculators() -> Vec<(&'static str, &'static str)> {
    utilities::CALCULATORS
        .iter()
        .map(|c| (c.name, c.summary))
        .collect()
}

/// The input fields of the calculator `name`: dicts of name, required, kind and description.
#[pyfunction]
pub(crate) fn calculator_fields<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let c = utilities::calculator(name).map_err(|e| py_err(py, &e))?;
    to_py(py, &c.fields())
}

/// The JSON Schema of every calculator's input and result, with shared definitions.
#[pyfunction]
pub(crate) fn utilities_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &utilities::schema())
}

/// The quantities of a result of the calculator `name` in SI: dicts of path, value, unit and
/// dimension.
#[pyfunction]
pub(crate) fn result_quantities<'py>(
    py: Python<'py>,
    name: &str,
    result: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let value = from_py(result, "a result")?;
    let q = utilities::quantities(name, &value).map_err(|e| py_err(py, &e))?;
    to_py(py, &q)
}

/// A result of the calculator `name` with its quantities as SI floats.
#[pyfunction]
pub(crate) fn result_in_si<'py>(
    py: Python<'py>,
    name: &str,
    result: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let value = from_py(result, "a result")?;
    let si = utilities::result_in_si(name, &value).map_err(|e| py_err(py, &e))?;
    to_py(py, &si)
}

/// Add the functions to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(calculate, m)?)?;
    m.add_function(wrap_pyfunction!(calculators, m)?)?;
    m.add_function(wrap_pyfunction!(calculator_fields, m)?)?;
    m.add_function(wrap_pyfunction!(utilities_schema, m)?)?;
    m.add_function(wrap_pyfunction!(result_quantities, m)?)?;
    m.add_function(wrap_pyfunction!(result_in_si, m)?)?;
    Ok(())
}
