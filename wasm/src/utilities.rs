//! Utility calculators for JS: run by name on an input object, their registry and input
//! fields, and results in SI. `index.js` builds the `utilities` object of one function per
//! calculator from [`calculators`].

use cleanprod::utilities;
use wasm_bindgen::prelude::*;

use crate::{js_error, to_js};

/// An input or a result object as JSON (a NaN or undefined in it becomes null, which the core
/// refuses with its path).
fn from_js(value: JsValue, what: &str) -> Result<serde_json::Value, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_sys::TypeError::new(&format!("not {what}: {e}")).into())
}

/// Run the calculator `name` on `input`, an object of its fields (physical values as strings
/// with units); the result's quantities are strings with units.
#[wasm_bindgen(skip_typescript)]
pub fn calculate(name: &str, input: JsValue) -> Result<JsValue, JsValue> {
    let input = if input.is_undefined() {
        serde_json::Value::Object(serde_json::Map::new())
    } else {
        from_js(input, "an input object")?
    };
    to_js(&utilities::calculate(name, input).map_err(|e| js_error(&e))?)
}

/// Every calculator in registry order: `{ name, summary, fields }`, each field `{ name,
/// required, kind, description }`.
#[wasm_bindgen(skip_typescript)]
pub fn calculators() -> Result<JsValue, JsValue> {
    let list: Vec<serde_json::Value> = utilities::CALCULATORS
        .iter()
        .map(|c| {
            serde_json::json!({
                "name": c.name,
                "summary": c.summary,
                "fields": c.fields(),
            })
        })
        .collect();
    to_js(&list)
}

/// The quantities of `result`, a result of the calculator `name`, in SI: `{ path, value,
/// unit, dimension }` each.
#[wasm_bindgen(js_name = resultQuantities, skip_typescript)]
pub fn result_quantities(name: &str, result: JsValue) -> Result<JsValue, JsValue> {
    let result = from_js(result, "a result")?;
    to_js(&utilities::quantities(name, &result).map_err(|e| js_error(&e))?)
}

/// `result`, a result of the calculator `name`, with each quantity as its SI value.
#[wasm_bindgen(js_name = resultToSi, skip_typescript)]
pub fn result_to_si(name: &str, result: JsValue) -> Result<JsValue, JsValue> {
    let result = from_js(result, "a result")?;
    to_js(&utilities::result_in_si(name, &result).map_err(|e| js_error(&e))?)
}
