//! Indicators per tonne of raw hide, before and after the options, against published ranges.

use schemars::JsonSchema;
use serde::Serialize;

use super::generate::{
    AMMONIUM, BCS, COD, CR2O3, FLESHINGS, SALT, SHAVINGS, SULPHIDE, TRIMMINGS, WATER,
};
use super::sources::{self, Reference};
use super::{PATH, Stage, TanningProduct, TanningTemplate};
use crate::error::Result;
use crate::flowsheet::{NodeKind, WATER_DENSITY};
use crate::options::Flows;
use crate::sections::Context;
pub use crate::sectors::indicators::{Class, Indicator, Range};
use crate::units::format_number;

/// Where the chrome goes, kg Cr2O3 per year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ChromeBalance {
    /// Bought (as basic chromium sulphate).
    pub bought: f64,
    /// Fixed in the wet-blue.
    pub in_leather: f64,
    /// Discharged to the sewer (after the treatment plant, when there is one).
    pub in_effluent: f64,
    /// In the shavings.
    pub in_shavings: f64,
    /// In the effluent treatment plant's sludge.
    pub in_sludge: f64,
}

/// The tannery's indicators and chrome balance.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TanningBenchmarks {
    /// Raw hide processed, t/yr.
    pub raw_hides: f64,
    /// Indicators per tonne of raw hide.
    pub indicators: Vec<Indicator>,
    /// The chrome balance at the baseline (none without chrome).
    pub chrome_before: Option<ChromeBalance>,
    /// With every option applied (none without options).
    pub chrome_after: Option<ChromeBalance>,
    /// Figures that are possible but unusual, and defaults assumed, in words, naming the
    /// parameter, the range and its source.
    pub warnings: Vec<String>,
}

/// Flows per component and stream (kg/yr).
type FlowSet = [Vec<Option<f64>>];

/// An indicator's value from the flows and the energy inputs (J/yr).
type Measure<'a> = dyn Fn(&FlowSet, &[f64]) -> f64 + 'a;

/// The benchmarks of the tannery `t` expanded into `flows`.
pub(super) fn benchmarks(
    doc: &Context<'_>,
    t: &TanningTemplate,
    flows: &Flows<'_>,
) -> Result<TanningBenchmarks> {
    let hides = doc.schedule.per_year(&t.raw_hides).value / 1_000.0;
    let fs = flows.flowsheet;
    let comp = |name: &str| fs.components.iter().position(|c| c == name);
    let node_kind = |id: &str| fs.nodes.iter().find(|n| n.id == id).map(|n| n.kind);
    // kg/yr of `component` over streams matching `pick(from_kind, to_kind, stream id)`.
    let total = |set: &[Vec<Option<f64>>],
                 name: &str,
                 pick: &dyn Fn(NodeKind, NodeKind, &str) -> bool|
     -> f64 {
        let Some(c) = comp(name) else { return 0.0 };
        fs.streams
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                let (Some(a), Some(b)) = (node_kind(&s.from), node_kind(&s.to)) else {
                    return false;
                };
                pick(a, b, &s.id)
            })
            .filter_map(|(i, _)| set[c][i])
            .sum()
    };
    let from_source = |a: NodeKind, _: NodeKind, _: &str| a == NodeKind::Source;
    let to_effluent = |_: NodeKind, b: NodeKind, _: &str| b == NodeKind::Wastewater;
    let to_solid = |_: NodeKind, b: NodeKind, _: &str| b == NodeKind::SolidWaste;
    let product = t.product.key();
    let to_product = |_: NodeKind, b: NodeKind, id: &str| b == NodeKind::Product && id == product;
    let bought = |_: NodeKind, _: NodeKind, id: &str| {
        matches!(id, "chrome_offer" | "retan_chrome_offer" | "tanning_offer")
    };
    let to_shavings = |_: NodeKind, _: NodeKind, id: &str| id == super::generate::SHAVINGS;
    let to_sludge = |_: NodeKind, _: NodeKind, id: &str| id == super::generate::SLUDGE;
    let chrome = |set: &[Vec<Option<f64>>]| ChromeBalance {
        bought: total(set, CR2O3, &bought),
        in_leather: total(set, CR2O3, &to_product),
        in_effluent: total(set, CR2O3, &to_effluent),
        in_shavings: total(set, CR2O3, &to_shavings),
        in_sludge: total(set, CR2O3, &to_sludge),
    };
    let has_chrome = comp(CR2O3).is_some();
    let after = flows.after.as_ref();
    let mut indicators = Vec::new();
    let mut add =
        |key: &str, label: &str, unit: &str, f: &Measure<'_>, reference: Option<Reference>| {
            let before = f(&flows.before, &flows.energy_before);
            let after = after.map(|a| f(a, &flows.energy_after));
            indicators.push(Indicator::new(key, label, unit, before, after, reference));
        };
    let per_t = move |kg: f64| kg / hides;
    let water_reference = match t.product {
        TanningProduct::WetBlue => Some(sources::BAT_WATER_TO_WET_BLUE),
        TanningProduct::Finished => Some(sources::BAT_WATER_TO_FINISHED),
        TanningProduct::Crust => None,
    };
    add(
        "water",
        "fresh water",
        "m3/t",
        &|set, _| per_t(total(set, WATER, &from_source) / WATER_DENSITY),
        water_reference,
    );
    let (agent, _, _) = t.agent();
    let (key, name) = if agent == CR2O3 {
        ("cr2o3", "Cr2O3 (as basic chromium sulphate)".to_string())
    } else {
        ("tanning_agent", agent.to_string())
    };
    add(
        &format!("{key}_bought"),
        &format!("{name} bought"),
        "kg/t",
        &|set, _| per_t(total(set, agent, &bought)),
        None,
    );
    add(
        &format!("{key}_discharged"),
        &format!("{name} discharged to the sewer"),
        "kg/t",
        &|set, _| per_t(total(set, agent, &to_effluent)),
        None,
    );
    add(
        &if agent == CR2O3 {
            "chrome_utilisation".to_string()
        } else {
            "tanning_agent_utilisation".to_string()
        },
        &format!("{agent} in the leather per {agent} bought"),
        "%",
        &|set, _| {
            let b = total(set, agent, &bought);
            if b > 0.0 {
                100.0 * total(set, agent, &to_product) / b
            } else {
                0.0
            }
        },
        None,
    );
    for (name, label) in [
        (COD, "COD discharged"),
        (SALT, "salt discharged"),
        (SULPHIDE, "sodium sulphide discharged"),
        (AMMONIUM, "ammonium sulphate discharged"),
        (super::generate::LIME, "lime discharged"),
    ] {
        if comp(name).is_some() {
            add(
                &name.to_lowercase().replace(' ', "_"),
                label,
                "kg/t",
                &|set, _| per_t(total(set, name, &to_effluent)),
                None,
            );
        }
    }
    let wastes = [FLESHINGS, TRIMMINGS, SHAVINGS, super::generate::SLUDGE];
    if wastes.iter().any(|w| comp(w).is_some()) {
        add(
            "solid_waste",
            "fleshings, trimmings, shavings and sludge",
            "kg/t",
            &|set, _| per_t(wastes.iter().map(|w| total(set, w, &to_solid)).sum()),
            None,
        );
    }
    if !fs.energy.is_empty() {
        add(
            "energy",
            "energy bought",
            "kWh/t",
            &|_, e| e.iter().sum::<f64>() / 3.6e6 / hides,
            None,
        );
    }
    let mut warnings = Vec::new();
    let water: f64 = Stage::ALL
        .iter()
        .map(|s| t.water.m3_per_kg(*s) * 1_000.0)
        .sum();
    if let Some(bat) = water_reference
        && water < bat.low / 2.0
    {
        warnings.push(format!(
            "{PATH}.water: {} m3/t in all is less than half the lowest {} ({}-{} m3/t; {}): check the figures",
            format_number(crate::units::round_to(water, 4)),
            bat.label,
            bat.low,
            bat.high,
            bat.source
        ));
    }
    let conventional = sources::CONVENTIONAL_EXHAUSTION;
    match &t.chrome_exhaustion {
        None if t.tannage != super::Tannage::Chrome => {}
        None => warnings.push(format!(
            "{PATH}.chrome_exhaustion not given: {} % assumed, the middle of {} ({}-{} %; {}); measure the Cr2O3 in the spent float to replace it",
            format_number(crate::units::round_to(t.exhaustion() * 100.0, 6)),
            conventional.label,
            conventional.low * 100.0,
            conventional.high * 100.0,
            conventional.source
        )),
        Some(e) if e.si() < conventional.low - 0.1 => warnings.push(format!(
            "{PATH}.chrome_exhaustion: {e} is well below {} ({}-{} %; {})",
            conventional.label,
            conventional.low * 100.0,
            conventional.high * 100.0,
            conventional.source
        )),
        _ => {}
    }
    let bcs = sources::BCS_CR2O3;
    match &t.cr2o3_content {
        None if !has_chrome => {}
        None => warnings.push(format!(
            "{PATH}.cr2o3_content not given: {} % Cr2O3 in the {BCS} assumed ({}; {})",
            format_number(bcs.low * 100.0),
            bcs.label,
            bcs.source
        )),
        Some(c) if !(0.2..=0.3).contains(&c.si()) => warnings.push(format!(
            "{PATH}.cr2o3_content: {c} is far from {} ({}-{} %; {})",
            bcs.label,
            bcs.low * 100.0,
            bcs.high * 100.0,
            bcs.source
        )),
        _ => {}
    }
    Ok(TanningBenchmarks {
        raw_hides: hides,
        indicators,
        chrome_before: has_chrome.then(|| chrome(&flows.before)),
        chrome_after: after.filter(|_| has_chrome).map(|a| chrome(a)),
        warnings,
    })
}

/// The JSON Schema of [`TanningBenchmarks`].
pub fn benchmarks_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(TanningBenchmarks))
        .unwrap_or(serde_json::Value::Null)
}
