//! Indicators per square metre plated and painted, before and after the options, against
//! published ranges; the rinses tank by tank; the metal balance per metal from the solved
//! flowsheet; warnings.

use schemars::JsonSchema;
use serde::Serialize;

use super::baseline::{self, COATING_SOLIDS, CONCENTRATE, SOLVENT, VOC, WATER};
use super::sources;
use super::template::{AutomotiveTemplate, PATH};
use crate::error::{Error, Result};
use crate::options::Flows;
use crate::sections::Context;
pub use crate::sectors::indicators::{Class, Indicator, Range};
use crate::units::{format_number, round_to};

/// One tank's rinse at the baseline.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RinseFigure {
    /// The tank.
    pub tank: String,
    /// Its metal.
    pub metal: Option<String>,
    /// Kind of rinse (`single`, `counter_current`, `spray`).
    pub kind: String,
    /// Rinse tanks.
    pub stages: u32,
    /// Drag-out per area, L/m2.
    pub drag_out: f64,
    /// Drag-out, m3/yr.
    pub drag_out_volume: f64,
    /// Dilution ratio of the running rinse.
    pub ratio: f64,
    /// Fresh rinse water, m3/yr.
    pub water: f64,
    /// Water the criterion needs by the exact rinse equation, m3/yr.
    pub required: f64,
    /// The same by the approximation `(C0/Cn)^(1/n)`, m3/yr.
    pub approximate: f64,
    /// Final rinse metal concentration, mg/L.
    pub final_concentration: Option<f64>,
    /// Metal lost from the bath (drag-out and dumps), kg/yr.
    pub metal_lost: f64,
}

/// Where one metal goes, kg/yr, from the solved flowsheet.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct MetalBalance {
    /// The metal.
    pub metal: String,
    /// Bought to make up the baths.
    pub bought: f64,
    /// Into the sludge.
    pub to_sludge: f64,
    /// Into the effluent.
    pub to_effluent: f64,
    /// The same three with every option applied (none without options).
    pub after: Option<[f64; 3]>,
}

/// The automotive-parts indicators.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AutomotiveBenchmarks {
    /// Area plated, m2/yr (0 without a plating line).
    pub area_plated: f64,
    /// Area painted, m2/yr (0 without a paint shop).
    pub area_painted: f64,
    /// The rinses at the baseline.
    pub rinses: Vec<RinseFigure>,
    /// The metal balance per metal.
    pub metals: Vec<MetalBalance>,
    /// Indicators.
    pub indicators: Vec<Indicator>,
    /// Defaults assumed and unusual figures, naming the field, the range and the source.
    pub warnings: Vec<String>,
}

/// The benchmarks of the template `t` expanded into `flows`.
pub(super) fn benchmarks(
    ctx: &Context<'_>,
    t: &AutomotiveTemplate,
    flows: &Flows<'_>,
) -> Result<AutomotiveBenchmarks> {
    let f = baseline::figures(ctx, t);
    let fs = flows.flowsheet;
    let comp = |c: &str| fs.components.iter().position(|x| x == c);
    // Sum of component `c` over the streams `pick` accepts, kg/yr.
    let sum = |set: &[Vec<Option<f64>>], c: &str, pick: &dyn Fn(&str, &str, &str) -> bool| {
        let Some(ci) = comp(c) else { return 0.0 };
        fs.streams
            .iter()
            .enumerate()
            .filter(|(_, s)| pick(&s.id, &s.from, &s.to))
            .filter_map(|(i, _)| set[ci][i])
            .sum::<f64>()
    };
    let both = |c: &str, pick: &dyn Fn(&str, &str, &str) -> bool| {
        (
            sum(&flows.before, c, pick),
            flows.after.as_deref().map(|a| sum(a, c, pick)),
        )
    };
    let mut indicators = Vec::new();
    let mut warnings = Vec::new();
    let mut rinses = Vec::new();
    let mut metals = Vec::new();
    let area_plated = f.plating.as_ref().map_or(0.0, |p| p.area);
    let area_painted = f.paint.as_ref().map_or(0.0, |p| p.area);
    if let (Some(line), Some(p)) = (&t.plating, &f.plating)
        && p.area > 0.0
    {
        let per_m2 = |x: f64| x / p.area;
        let rinse_in =
            |id: &str, from: &str, _: &str| from == "mains" && id.ends_with("_rinse_water");
        let (b, a) = both(WATER, &rinse_in);
        // L/m2 per rinse step (one rinse after each process tank; 1 kg of water = 1 L).
        let steps = line.tanks.len() as f64;
        indicators.push(Indicator::new(
            "rinse_water_per_step",
            "rinse water per m2 and rinse step",
            "L/m2",
            per_m2(b) / steps,
            a.map(|a| per_m2(a) / steps),
            Some(sources::RINSE_WATER_PER_STAGE),
        ));
        let line_in = |id: &str, from: &str, _: &str| {
            from == "mains" && (id.ends_with("_rinse_water") || id.ends_with("_makeup_water"))
        };
        let (b, a) = both(WATER, &line_in);
        indicators.push(Indicator::new(
            "plating_water",
            "plating line water per m2 plated",
            "L/m2",
            per_m2(b),
            a.map(per_m2),
            None,
        ));
        let mut lost = (0.0, flows.after.as_ref().map(|_| 0.0));
        for m in p.metals() {
            let bought = both(&m, &|_, from, _| from == "store");
            let sludge = both(&m, &|_, _, to| to == "sludge");
            let effluent = both(&m, &|_, _, to| to == "effluent");
            lost.0 += bought.0;
            lost.1 = lost.1.zip(bought.1).map(|(x, y)| x + y);
            metals.push(MetalBalance {
                metal: m.clone(),
                bought: bought.0,
                to_sludge: sludge.0,
                to_effluent: effluent.0,
                after: bought
                    .1
                    .zip(sludge.1)
                    .zip(effluent.1)
                    .map(|((x, y), z)| [x, y, z]),
            });
            if sources::HYDROXIDE.iter().all(|(k, _)| *k != m) && p.precipitation.is_some() {
                warnings.push(format!(
                    "{PATH}.plating.tanks: no hydroxide stoichiometry for {m} in this model (known: nickel, zinc, copper, chromium, iron, cadmium); its sludge counts the metal only"
                ));
            }
        }
        if !metals.is_empty() {
            indicators.push(Indicator::new(
                "metal_lost",
                "metal lost from the baths per m2 plated",
                "g/m2",
                per_m2(lost.0) * 1e3,
                lost.1.map(|x| per_m2(x) * 1e3),
                None,
            ));
        }
        if p.precipitation.is_some() {
            let cake = |_: &str, _: &str, to: &str| to == "sludge";
            let mut b = 0.0;
            let mut a = flows.after.as_ref().map(|_| 0.0);
            for c in &fs.components {
                let (x, y) = both(c, &cake);
                b += x;
                a = a.zip(y).map(|(s, y)| s + y);
            }
            indicators.push(Indicator::new(
                "sludge",
                "sludge cake per m2 plated",
                "kg/m2",
                per_m2(b),
                a.map(per_m2),
                None,
            ));
        } else if !metals.is_empty() {
            warnings.push(format!(
                "{PATH}.plating.treatment not given: the rinses' metals go to the sewer untreated"
            ));
        }
        for (i, (tank, tf)) in line.tanks.iter().zip(&p.tanks).enumerate() {
            if tf.default_drag_out {
                warnings.push(format!(
                    "{PATH}.plating.tanks[{i}].drag_out not given ({}): {} L/m2 assumed for {} parts ({}); measure it",
                    tf.name,
                    format_number(round_to(tf.drag_out_per_area * 1e3, 3)),
                    line.geometry.key(),
                    sources::DRAG_OUT_SOURCE
                ));
            }
            if tf.default_criterion {
                warnings.push(format!(
                    "{PATH}.plating.tanks[{i}].rinse: no criterion given ({}): final rinse at {} mg/L of metal assumed (0.005 oz/gal, Yates, \"Rinsing with Less Water\", a rule of thumb); give the site's",
                    tf.name,
                    format_number(round_to(sources::FINAL_RINSE_METAL * 1e3, 3))
                ));
            }
            if tf.measured
                && tank
                    .rinse
                    .ratio
                    .or(tank.rinse.final_concentration.as_ref().map(|_| 0.0))
                    .is_some()
                && tf.rinse_water > 1.5 * tf.required_water
            {
                warnings.push(format!(
                    "{PATH}.plating.tanks[{i}].rinse.flow ({}): {} m3/yr measured, {} times what the criterion needs ({} m3/yr): rinse control (rinse_control) would save the difference",
                    tf.name,
                    format_number(round_to(tf.rinse_water, 4)),
                    format_number(round_to(tf.rinse_water / tf.required_water, 3)),
                    format_number(round_to(tf.required_water, 4))
                ));
            }
            // A drag-out that rounds to nothing against the rinse water dilutes without limit.
            if !tf.ratio.is_finite() {
                return Err(Error::out_of_range(
                    format!("{PATH}.plating.tanks[{i}].drag_out"),
                    format!("{:e} m3/yr", tf.drag_out),
                    "is too small against the rinse water for a finite dilution ratio: check the drag-out, the loads and the area per load",
                ));
            }
            rinses.push(RinseFigure {
                tank: tf.name.clone(),
                metal: tf.metal.clone(),
                kind: tf.kind.key().to_string(),
                stages: tf.stages,
                drag_out: tf.drag_out_per_area * 1e3,
                drag_out_volume: tf.drag_out,
                ratio: tf.ratio,
                water: tf.rinse_water,
                required: tf.required_water,
                approximate: tf.approximate_water,
                final_concentration: tf.final_concentration.map(|c| c * 1e3),
                metal_lost: tf.metal_makeup(),
            });
        }
    }
    if let (Some(shop), Some(p)) = (&t.paint, &f.paint)
        && p.area > 0.0
    {
        let per_m2 = |x: f64| x / p.area * 1e3;
        let supply = |id: &str, _: &str, _: &str| id == baseline::COATING;
        let (bs, a_s) = both(COATING_SOLIDS, &supply);
        let (bv, av) = both(VOC, &supply);
        indicators.push(Indicator::new(
            "coating",
            "coating bought per m2 painted",
            "g/m2",
            per_m2(bs + bv),
            a_s.zip(av).map(|(s, v)| per_m2(s + v)),
            None,
        ));
        let to_air = |_: &str, _: &str, to: &str| to == "air";
        let (vb, va) = both(VOC, &to_air);
        let (sb, sa) = both(SOLVENT, &to_air);
        indicators.push(Indicator::new(
            "voc",
            "VOC emitted per m2 painted (coating and cleaning)",
            "g/m2",
            per_m2(vb + sb),
            va.zip(sa).map(|(v, s)| per_m2(v + s)),
            None,
        ));
        if p.default_te {
            warnings.push(format!(
                "{PATH}.paint.transfer_efficiency not given: {} % assumed for {} ({}); field values are often lower: measure it",
                format_number(p.transfer_efficiency * 100.0),
                shop.application.key(),
                sources::TRANSFER_SOURCE
            ));
        }
    }
    if f.machining.is_some() {
        let supply = |_: &str, _: &str, to: &str| to == "machining" || to == "sumps";
        let (b, a) = both(CONCENTRATE, &supply);
        indicators.push(Indicator::new(
            "coolant_concentrate",
            "metalworking fluid concentrate bought",
            "kg/yr",
            b,
            a,
            None,
        ));
    }
    Ok(AutomotiveBenchmarks {
        area_plated,
        area_painted,
        rinses,
        metals,
        indicators,
        warnings,
    })
}

/// The JSON Schema of [`AutomotiveBenchmarks`].
pub fn benchmarks_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(AutomotiveBenchmarks))
        .unwrap_or(serde_json::Value::Null)
}
