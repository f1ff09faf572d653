//! WebAssembly bindings of the cleanprod engine (the npm package `cleanprod`).
//!
//! Thin by design: each function converts its arguments, calls the core, and converts the
//! result or the error. Documents cross as JSON (a string, or an object passed through
//! `JSON.stringify`); results come back as plain objects. Errors are real JS `Error`s —
//! `SyntaxError` for unreadable text, `TypeError` for a wrongly shaped document, `RangeError`
//! for a bad value or unit — with `code`, `path` and `value` properties.
#![cfg(target_family = "wasm")]

mod finance;

use cleanprod::units::Dimension;
use cleanprod::{Assessment, Category, SourceFormat};
use js_sys::{JSON, Reflect};
use wasm_bindgen::prelude::*;

/// A JS `Error` of the class matching the core error's category.
pub(crate) fn js_error(e: &cleanprod::Error) -> JsValue {
    let message = e.to_string();
    let err: js_sys::Error = match e.category() {
        Category::Syntax => js_sys::SyntaxError::new(&message).into(),
        Category::Document => js_sys::TypeError::new(&message).into(),
        Category::NoSolution => js_sys::Error::new(&message),
        _ => js_sys::RangeError::new(&message).into(),
    };
    let value = e.value().map_or(JsValue::NULL, JsValue::from_str);
    for (key, v) in [
        ("code", JsValue::from_str(e.code())),
        ("path", JsValue::from_str(e.path())),
        ("value", value),
    ] {
        // Setting a property on a fresh Error object cannot fail.
        let _ = Reflect::set(&err, &JsValue::from_str(key), &v);
    }
    err.into()
}

/// A plain JS value from JSON text produced by the core.
fn from_json(text: &str) -> Result<JsValue, JsValue> {
    JSON::parse(text)
}

/// Read a document given as TOML or JSON text, or as an object.
fn read(doc: &JsValue) -> Result<Assessment, JsValue> {
    let result = match doc.as_string() {
        Some(text) => Assessment::parse(&text, SourceFormat::sniff(&text)),
        None => {
            let text: String = JSON::stringify(doc)?
                .as_string()
                .ok_or_else(|| js_sys::TypeError::new("a document is a string or an object"))?;
            Assessment::from_json_str(&text)
        }
    };
    result.map_err(|e| js_error(&e))
}

fn dimension(name: &str) -> Result<Dimension, JsValue> {
    name.parse().map_err(|e| js_error(&e))
}

/// Validate a document (TOML or JSON text, or an object) and return it in canonical form.
#[wasm_bindgen(skip_typescript)]
pub fn parse(doc: JsValue) -> Result<JsValue, JsValue> {
    from_json(&read(&doc)?.to_json_string())
}

/// Validate a document and return its summary.
#[wasm_bindgen(skip_typescript)]
pub fn summary(doc: JsValue) -> Result<JsValue, JsValue> {
    let s = serde_json::to_string(&read(&doc)?.summary())
        .map_err(|e| js_sys::Error::new(&e.to_string()))?;
    from_json(&s)
}

/// The material balances of a document's flowsheet, or null without one.
#[wasm_bindgen(skip_typescript)]
pub fn balance(doc: JsValue) -> Result<JsValue, JsValue> {
    match read(&doc)?.balance().map_err(|e| js_error(&e))? {
        None => Ok(JsValue::NULL),
        Some(b) => {
            from_json(&serde_json::to_string(&b).map_err(|e| js_sys::Error::new(&e.to_string()))?)
        }
    }
}

/// The appraisal of every option of a document.
#[wasm_bindgen(skip_typescript)]
pub fn evaluate(doc: JsValue) -> Result<JsValue, JsValue> {
    let e = read(&doc)?.evaluate().map_err(|e| js_error(&e))?;
    from_json(&serde_json::to_string(&e).map_err(|e| js_sys::Error::new(&e.to_string()))?)
}

/// Option ids ranked by a metric (`"npv"`, `"irr"`, `"simple_payback"`, ...), best first.
#[wasm_bindgen(skip_typescript)]
pub fn rank(doc: JsValue, metric: String) -> Result<Vec<String>, JsValue> {
    read(&doc)?.rank(&metric).map_err(|e| js_error(&e))
}

/// A sector template's benchmarks (indicators, chrome balance, warnings), or null.
#[wasm_bindgen(skip_typescript)]
pub fn benchmarks(doc: JsValue) -> Result<JsValue, JsValue> {
    match read(&doc)?.benchmarks().map_err(|e| js_error(&e))? {
        None => Ok(JsValue::NULL),
        Some(b) => {
            from_json(&serde_json::to_string(&b).map_err(|e| js_sys::Error::new(&e.to_string()))?)
        }
    }
}

/// The options named by `ids` applied in that order to one model: each one's increment and
/// the total.
#[wasm_bindgen(skip_typescript)]
pub fn portfolio(doc: JsValue, ids: Vec<String>) -> Result<JsValue, JsValue> {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let s = read(&doc)?.portfolio(&ids).map_err(|e| js_error(&e))?;
    from_json(&serde_json::to_string(&s).map_err(|e| js_sys::Error::new(&e.to_string()))?)
}

/// The reconciliation of a document's redundant measurements, per component.
#[wasm_bindgen(skip_typescript)]
pub fn reconcile(doc: JsValue) -> Result<JsValue, JsValue> {
    let r = read(&doc)?.reconcile().map_err(|e| js_error(&e))?;
    from_json(&serde_json::to_string(&r).map_err(|e| js_sys::Error::new(&e.to_string()))?)
}

/// The summary of a document as Markdown.
#[wasm_bindgen(js_name = summaryMarkdown, skip_typescript)]
pub fn summary_markdown(doc: JsValue) -> Result<String, JsValue> {
    Ok(cleanprod::report::summary_markdown(&read(&doc)?.summary()))
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
