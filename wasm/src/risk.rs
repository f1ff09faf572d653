//! The risk simulation of a document's `[uncertainty]` section (feature `risk`: the package's
//! module, the calculator's module of every sector, and a sector's whose starting document has
//! such a section).

use cleanprod::Assessment;
use cleanprod::uncertainty::{Settings, Simulation, Simulator};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::{js_error, options_json, read, to_js};

/// Run a simulation of `a` with the settings object `options` (or undefined).
fn run_simulation(a: &Assessment, options: JsValue) -> Result<Simulation, JsValue> {
    let settings = Settings::from_json_value(options_json(options, "simulation options")?)
        .map_err(|e| js_error(&e))?;
    Simulator::new(a)
        .and_then(|sim| sim.run(&settings))
        .map_err(|e| js_error(&e))
}

/// A simulation as JS: its summary as plain objects, then each column as a `Float64Array`
/// (not an array of numbers: 10,000 draws × every result; NaN where undefined).
fn simulation_js(s: &Simulation) -> Result<JsValue, JsValue> {
    let out = to_js(&s.summary())?;
    let set = |list: &str, i: usize, column: js_sys::Float64Array| -> Result<(), JsValue> {
        let item = Reflect::get(&Reflect::get(&out, &list.into())?, &(i as u32).into())?;
        Reflect::set(&item, &"values".into(), &column)?;
        Ok(())
    };
    for (i, input) in s.inputs.iter().enumerate() {
        set("inputs", i, js_sys::Float64Array::from(&input.values[..]))?;
    }
    for (i, output) in s.outputs.iter().enumerate() {
        let values: Vec<f64> = output
            .values
            .iter()
            .map(|v| v.unwrap_or(f64::NAN))
            .collect();
        set("outputs", i, js_sys::Float64Array::from(&values[..]))?;
    }
    Ok(out)
}

/// Run a simulation of `a` with the settings object `options` (or undefined), as JS.
pub(crate) fn simulate_assessment(a: &Assessment, options: JsValue) -> Result<JsValue, JsValue> {
    simulation_js(&run_simulation(a, options)?)
}

/// A risk simulation of a document (text or object) with `options` (`draws`, `seed`,
/// `method`) and the charts drawn from it without running the draws again: `{ simulation,
/// charts }`, `simulation` as [`simulate`] gives it, `charts` the tornado and the histogram of
/// the NPV of all options (`{ kind, title, svg, table }`, the core's, as `chart(doc, kind)`
/// draws them for the same draws and seed: in `chart_options.lang`, else the document's
/// language). A chart the simulation cannot give (no appraised draw for a histogram) is left
/// out.
#[wasm_bindgen(skip_typescript)]
pub fn risk(doc: JsValue, options: JsValue, chart_options: JsValue) -> Result<JsValue, JsValue> {
    use cleanprod::report::charts::{self, ChartKind, ChartOptions};
    let a = read(&doc)?;
    let asked = ChartOptions::from_json_value(options_json(chart_options, "chart options")?)
        .map_err(|e| js_error(&e))?;
    let s = run_simulation(&a, options)?;
    // In the language asked, else the document's, as `chart` draws them.
    let opts = ChartOptions {
        lang: asked.lang.or(a.document().report.lang),
        ..asked
    };
    let drawn: Vec<charts::Chart> = [ChartKind::Tornado, ChartKind::Histogram]
        .into_iter()
        .filter_map(|kind| charts::simulation_chart(&s, kind, &opts).ok())
        .collect();
    let out = js_sys::Object::new();
    Reflect::set(&out, &"simulation".into(), &simulation_js(&s)?)?;
    Reflect::set(&out, &"charts".into(), &to_js(&drawn)?)?;
    Ok(out.into())
}

/// A risk simulation of a document (text or object) with `options` (`draws`, `seed`,
/// `method`).
#[wasm_bindgen(skip_typescript)]
pub fn simulate(doc: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    simulate_assessment(&read(&doc)?, options)
}
