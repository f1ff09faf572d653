//! WebAssembly bindings of the cleanprod engine (the npm package `cleanprod`).
//!
//! Thin by design: each function converts its arguments, calls the core, and converts the
//! result or the error. Documents cross as JSON (a string, or an object passed through
//! `JSON.stringify`); results come back as plain objects. Errors are real JS `Error`s —
//! `SyntaxError` for unreadable text, `TypeError` for a wrongly shaped document, `RangeError`
//! for a bad value or unit — with `code`, `path` and `value` properties.
//!
//! Two builds: with the default feature `full`, everything the npm package exports (the
//! `Assessment` class, finance functions, calculators, programmes, reports); without it, the
//! embeddable calculator's module (`cleanprod_widget_bg.wasm`): [`parse`], [`evaluate`],
//! [`chart`], and with the feature `risk` `simulate` and `risk` only, so that a page embedding
//! the calculator downloads no more. A sector's calculator module has that sector's model only
//! and, unless its starting document has an `[uncertainty]` section, no risk simulation.
#![cfg(target_family = "wasm")]

#[cfg(feature = "full")]
mod finance;
#[cfg(feature = "full")]
mod full;
#[cfg(feature = "risk")]
mod risk;
#[cfg(feature = "full")]
mod utilities;
#[cfg(not(feature = "risk"))]
mod without_risk;

use cleanprod::{Assessment, Category, SourceFormat};
use js_sys::Reflect;
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

/// A core result as plain JS values (objects, arrays, strings, numbers, null).
///
/// The package's module writes each result type straight to JS values. The calculator's lean
/// module writes JSON text, which `JSON.parse` reads: the JSON writer's code is smaller than a
/// JS-value writer per result type (8 KB gzipped, BENCHMARKS.md), and the keys keep their order.
pub(crate) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    #[cfg(not(feature = "full"))]
    return serde_json::to_string(value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
        .and_then(|text| js_sys::JSON::parse(&text));
    #[cfg(feature = "full")]
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

/// Read a document given as TOML or JSON text, or as an object (a NaN or undefined in it
/// becomes null, which the core refuses with its path).
pub(crate) fn read(doc: &JsValue) -> Result<Assessment, JsValue> {
    let result = match doc.as_string() {
        Some(text) => Assessment::parse(&text, SourceFormat::sniff(&text)),
        None if doc.is_object() => {
            let value: serde_json::Value = serde_wasm_bindgen::from_value(doc.clone())
                .map_err(|e| js_sys::TypeError::new(&format!("not a document: {e}")))?;
            Assessment::from_json_value(value)
        }
        None => Err(cleanprod::Error::InvalidType {
            path: String::new(),
            message: "a document is TOML or JSON text, or an object".to_string(),
        }),
    };
    result.map_err(|e| js_error(&e))
}

/// An options object (or undefined/null) as JSON, for the core's `from_json_value` readers.
pub(crate) fn options_json(options: JsValue, what: &str) -> Result<serde_json::Value, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(serde_json::Value::Object(serde_json::Map::new()));
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|e| js_sys::TypeError::new(&format!("{what}: {e}")).into())
}

/// The chart `kind` of `a` with the options object `options`.
pub(crate) fn chart_of(
    a: &Assessment,
    kind: &str,
    options: JsValue,
) -> Result<cleanprod::report::charts::Chart, JsValue> {
    use cleanprod::report::charts::{self, ChartKind, ChartOptions};
    let kind: ChartKind = kind.parse().map_err(|e| js_error(&e))?;
    let options = ChartOptions::from_json_value(options_json(options, "chart options")?)
        .map_err(|e| js_error(&e))?;
    // Without the risk simulation (a sector's calculator module), its charts are refused and
    // none of its code is linked.
    #[cfg(feature = "risk")]
    let drawn = charts::chart(a, kind, &options);
    #[cfg(not(feature = "risk"))]
    let drawn = charts::appraisal_chart(a, kind, &options);
    drawn.map_err(|e| js_error(&e))
}

/// The SVG of the chart `kind` of a document (text or object), drawn by the core
/// (`options`: `component`, `option`, `draws`, `seed`).
#[wasm_bindgen(skip_typescript)]
pub fn chart(doc: JsValue, kind: String, options: JsValue) -> Result<String, JsValue> {
    Ok(chart_of(&read(&doc)?, &kind, options)?.svg)
}

/// Validate a document (TOML or JSON text, or an object) and return it in canonical form.
#[wasm_bindgen(skip_typescript)]
pub fn parse(doc: JsValue) -> Result<JsValue, JsValue> {
    to_js(read(&doc)?.document())
}

/// The appraisal of every option of a document.
#[wasm_bindgen(skip_typescript)]
pub fn evaluate(doc: JsValue) -> Result<JsValue, JsValue> {
    to_js(&read(&doc)?.evaluate().map_err(|e| js_error(&e))?)
}
