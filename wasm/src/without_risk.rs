//! A build without the risk simulation (a sector's calculator module whose starting document
//! has no `[uncertainty]` section) still exports `simulate` and `risk`, with the same
//! signatures as every other build: a caller (the worker) gets an engine error naming the
//! section, with its `code` and `path`, not a missing function.

use wasm_bindgen::prelude::*;

use crate::js_error;

/// The error of a simulation asked of this build.
fn refused() -> JsValue {
    js_error(&cleanprod::Error::InvalidType {
        path: "uncertainty".to_string(),
        message: "cannot be simulated by this build of the engine (a sector's calculator module \
                  without the risk simulation): load the calculator's module of every sector"
            .to_string(),
    })
}

/// Refused: this build has no risk simulation.
#[wasm_bindgen(skip_typescript)]
pub fn risk(_doc: JsValue, _options: JsValue, _chart_options: JsValue) -> Result<JsValue, JsValue> {
    Err(refused())
}

/// Refused: this build has no risk simulation.
#[wasm_bindgen(skip_typescript)]
pub fn simulate(_doc: JsValue, _options: JsValue) -> Result<JsValue, JsValue> {
    Err(refused())
}
