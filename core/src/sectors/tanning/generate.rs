//! The baseline flowsheet of a chrome tannery, stage by stage.
//!
//! Sources give what is known (fresh water per stage, the chrome offered, the salt, sulphide,
//! COD and trimmings the hides bring); the chrome fixed on the leather follows from the
//! exhaustion; every other flow is left unknown and solved by the balances, so the flowsheet
//! closes by construction. Amounts are written per the time unit of `raw_hides`.

use serde_json::{Value, json};

use super::{Stage, TanningTemplate};
use crate::error::{Error, Result};
use crate::flowsheet::{Carrier, Flowsheet};
use crate::sections::Context;
use crate::units::format_number;

/// Components of the generated flowsheet.
pub(crate) const WATER: &str = "water";
/// Chrome as Cr2O3.
pub(crate) const CR2O3: &str = "Cr2O3";
/// Salt from the wet-salted hides.
pub(crate) const SALT: &str = "salt";
/// Sodium sulphide from liming.
pub(crate) const SULPHIDE: &str = "sodium sulphide";
/// Ammonium salts from deliming.
pub(crate) const AMMONIUM: &str = "ammonium sulphate";
/// Carbon dioxide, for CO2 deliming (carried by no stream at the baseline).
pub(crate) const CO2: &str = "CO2";
/// COD released by the hides.
pub(crate) const COD: &str = "COD";
/// Fleshings.
pub(crate) const FLESHINGS: &str = "fleshings";
/// Trimmings.
pub(crate) const TRIMMINGS: &str = "trimmings";
/// Vegetable tannins.
pub(crate) const VEGETABLE: &str = "vegetable tannin";
/// A wet-white tanning agent (aldehyde or syntan).
pub(crate) const WET_WHITE: &str = "wet-white agent";
/// Shavings from shaving the tanned leather.
pub(crate) const SHAVINGS: &str = "shavings";
/// Lime (calcium hydroxide) from liming.
pub(crate) const LIME: &str = "lime";
/// Solids settled in the effluent treatment plant, as dewatered sludge.
pub(crate) const SLUDGE: &str = "sludge";
/// The effluent treatment plant's node.
pub(crate) const TREATMENT: &str = "treatment";
/// The node of by-products sold.
pub(crate) const BY_PRODUCTS: &str = "by_products";
/// The chrome product bought.
pub(crate) const BCS: &str = "basic chromium sulphate";

/// Stream ids.
pub(crate) fn water_in(stage: Stage) -> String {
    format!("{}_water", stage.key())
}

/// The stream offering the tanning agent.
pub(crate) fn agent_offer(t: &TanningTemplate) -> &'static str {
    if t.tannage == super::Tannage::Chrome {
        "chrome_offer"
    } else {
        "tanning_offer"
    }
}

/// The spent float of a stage, to the effluent.
pub(crate) fn float(stage: Stage) -> String {
    format!("{}_float", stage.key())
}

/// The time unit of `raw_hides` (`"d"` in `"12 t/d"`), and the hides in tonnes per it.
pub(crate) fn per_time(t: &TanningTemplate) -> Result<(String, f64)> {
    let unit = t.raw_hides.unit();
    let per = unit
        .rsplit_once('/')
        .map_or("", |(_, p)| p)
        .trim()
        .to_string();
    let tonnes = t
        .raw_hides
        .number_in(&format!("t/{per}"))
        .map_err(|p| Error::unit("template.tanning.raw_hides", t.raw_hides.to_string(), p))?;
    Ok((per, tonnes))
}

pub(crate) fn flowsheet(doc: &Context<'_>, t: &TanningTemplate) -> Result<Flowsheet> {
    let (per, tonnes) = per_time(t)?;
    let kg = |share: f64| format!("{} kg/{per}", format_number(share * tonnes * 1_000.0));
    let (agent, offered, exhaustion) = t.agent();
    let post = t.product != super::TanningProduct::WetBlue;
    let mut components = vec![WATER, agent];
    let mut nodes = vec![
        json!({"id": "mains", "kind": "source", "name": "fresh water"}),
        json!({"id": "store", "kind": "source", "name": "chemical store"}),
        json!({"id": "hides", "kind": "source", "name": "what the hides bring and release"}),
    ];
    let mut streams: Vec<Value> = Vec::new();
    let mut stages_used = std::collections::BTreeSet::new();
    // What the hides bring and the chemicals offered, stage by stage.
    let loads = |stage: Stage| -> Vec<(&'static str, f64)> {
        let mut out = Vec::new();
        if stage == Stage::Soaking
            && let Some(s) = &t.salt
        {
            out.push((SALT, s.si()));
        }
        if stage == Stage::Liming
            && let Some(s) = &t.sulphide_offer
        {
            out.push((SULPHIDE, s.si()));
        }
        if stage == Stage::Liming
            && let Some(s) = &t.lime_offer
        {
            out.push((LIME, s.si()));
        }
        if stage == Stage::Deliming
            && let Some(s) = &t.ammonium_offer
        {
            out.push((AMMONIUM, s.si()));
        }
        if let Some(c) = t.cod.as_ref().and_then(|c| c.get(stage)) {
            out.push((COD, c.si()));
        }
        out
    };
    let product = t.product.key();
    let chosen = |id: super::CatalogueId| t.options.iter().any(|o| o.id == id);
    // Spent floats go to the effluent treatment plant when there is one, else to the sewer.
    let drain = if t.treatment.is_some() {
        TREATMENT
    } else {
        "effluent"
    };
    // Chrome in the spent floats, kg per kg of raw hide.
    let mut chrome_to_drain = 0.0;
    for stage in Stage::ALL {
        if stage == Stage::PostTanning && !post {
            continue;
        }
        let w = t.water.m3_per_kg(stage) * 1_000.0 * tonnes; // m3/kg × kg/t × t
        let stage_loads = loads(stage);
        let mut out_flows = serde_json::Map::new();
        if w > 0.0 {
            streams.push(json!({
                "id": water_in(stage), "from": "mains", "to": stage.key(),
                "flows": {WATER: format!("{} m3/{per}", format_number(w))},
            }));
            out_flows.insert(WATER.into(), "?".into());
        }
        for (component, share) in &stage_loads {
            let (from, id) = match *component {
                SULPHIDE => ("store", "sulphide_offer".to_string()),
                LIME => ("store", "lime_offer".to_string()),
                AMMONIUM => ("store", "ammonium_offer".to_string()),
                _ => (
                    "hides",
                    format!("{}_{}", stage.key(), component.to_lowercase()),
                ),
            };
            streams.push(json!({
                "id": id, "from": from, "to": stage.key(), "flows": {*component: kg(*share)},
            }));
            out_flows.insert((*component).into(), "?".into());
        }
        match stage {
            Stage::Tanning => {
                streams.push(json!({
                    "id": agent_offer(t), "from": "store", "to": "tanning",
                    "flows": {agent: kg(offered)},
                }));
                out_flows.insert(agent.into(), kg(offered * (1.0 - exhaustion)).into());
                if agent == CR2O3 {
                    chrome_to_drain += offered * (1.0 - exhaustion);
                }
                streams.push(json!({
                    "id": "tanned", "from": "tanning", "to": "washing", "flows": {agent: "?"},
                }));
                stages_used.insert(Stage::Washing);
            }
            Stage::Washing => {
                if let Some(loss) = &t.wash_chrome_loss {
                    out_flows.insert(agent.into(), kg(offered * exhaustion * loss.si()).into());
                    chrome_to_drain += offered * exhaustion * loss.si();
                }
                let (id, to) = if post {
                    ("washed", "post_tanning")
                } else {
                    (product, product)
                };
                streams.push(json!({
                    "id": id, "from": "washing", "to": to, "flows": {agent: "?"},
                }));
                if post {
                    stages_used.insert(Stage::PostTanning);
                }
            }
            Stage::PostTanning => {
                let mut leather = serde_json::Map::new();
                leather.insert(agent.into(), "?".into());
                if let Some(r) = &t.retan_chrome_offer {
                    let e = t.retan_exhaustion.as_ref().map_or(0.0, |e| e.si());
                    let retan = r.si() * t.cr2o3();
                    streams.push(json!({
                        "id": "retan_chrome_offer", "from": "store", "to": "post_tanning",
                        "flows": {CR2O3: kg(retan)},
                    }));
                    out_flows.insert(CR2O3.into(), kg(retan * (1.0 - e)).into());
                    chrome_to_drain += retan * (1.0 - e);
                    leather.insert(CR2O3.into(), "?".into());
                    if !components.contains(&CR2O3) {
                        components.push(CR2O3);
                    }
                }
                if let Some(sh) = &t.shavings {
                    components.push(SHAVINGS);
                    nodes.push(json!({"id": SHAVINGS, "kind": "solid_waste"}));
                    streams.push(json!({
                        "id": "shavings_removed", "from": "hides", "to": "post_tanning",
                        "flows": {SHAVINGS: kg(sh.si())},
                    }));
                    let mut flows = serde_json::Map::new();
                    flows.insert(SHAVINGS.into(), "?".into());
                    if let Some(c) = &t.shavings_cr2o3 {
                        flows.insert(CR2O3.into(), kg(sh.si() * c.si()).into());
                    }
                    streams.push(json!({
                        "id": SHAVINGS, "from": "post_tanning", "to": SHAVINGS, "flows": flows,
                    }));
                    if chosen(super::CatalogueId::ShavingsValorisation) {
                        let mut sold = serde_json::Map::new();
                        sold.insert(SHAVINGS.into(), kg(0.0).into());
                        if t.shavings_cr2o3.is_some() {
                            sold.insert(CR2O3.into(), kg(0.0).into());
                        }
                        streams.push(json!({
                            "id": "shavings_sold", "from": "post_tanning", "to": BY_PRODUCTS,
                            "flows": sold,
                        }));
                    }
                }
                streams.push(json!({
                    "id": product, "from": "post_tanning", "to": product, "flows": leather,
                }));
            }
            _ => {}
        }
        if !out_flows.is_empty() {
            streams.push(json!({
                "id": float(stage), "from": stage.key(), "to": drain, "flows": out_flows,
            }));
            stages_used.insert(stage);
        }
        for (component, _) in stage_loads {
            if !components.contains(&component) {
                components.push(component);
            }
        }
    }
    if t.ammonium_offer.is_some()
        && t.options
            .iter()
            .any(|o| o.id == super::CatalogueId::Co2Deliming)
    {
        components.push(CO2);
    }
    for (component, share) in [(FLESHINGS, &t.fleshings), (TRIMMINGS, &t.trimmings)] {
        if let Some(s) = share {
            components.push(component);
            nodes.push(json!({"id": component, "kind": "solid_waste"}));
            streams.push(json!({
                "id": format!("{component}_removed"), "from": "hides", "to": "liming",
                "flows": {component: kg(s.si())},
            }));
            streams.push(json!({
                "id": component, "from": "liming", "to": component, "flows": {component: "?"},
            }));
            if component == FLESHINGS && chosen(super::CatalogueId::FleshingsValorisation) {
                streams.push(json!({
                    "id": "fleshings_sold", "from": "liming", "to": BY_PRODUCTS,
                    "flows": {component: kg(0.0)},
                }));
            }
            stages_used.insert(Stage::Liming);
        }
    }
    for stage in Stage::ALL {
        if stages_used.contains(&stage) {
            nodes.push(json!({"id": stage.key(), "kind": "process"}));
        }
    }
    if let Some(tr) = &t.treatment {
        // Everything the floats carry passes the plant; the sludge takes the solids it
        // settles and a share of the chrome, the rest goes to the sewer.
        let mut treated = serde_json::Map::new();
        for c in &components {
            if streams
                .iter()
                .any(|s| s["to"] == TREATMENT && s["flows"].get(*c).is_some())
            {
                treated.insert((*c).into(), "?".into());
            }
        }
        streams
            .push(json!({"id": "treated", "from": TREATMENT, "to": "effluent", "flows": treated}));
        streams.push(json!({
            "id": "sludge_solids", "from": "hides", "to": TREATMENT,
            "flows": {SLUDGE: kg(tr.sludge.si())},
        }));
        let mut sludge = serde_json::Map::new();
        sludge.insert(SLUDGE.into(), "?".into());
        if components.contains(&CR2O3) {
            let capture = tr.chrome_to_sludge.as_ref().map_or(0.0, |c| c.si());
            sludge.insert(CR2O3.into(), kg(chrome_to_drain * capture).into());
        }
        streams.push(json!({"id": SLUDGE, "from": TREATMENT, "to": SLUDGE, "flows": sludge}));
        components.push(SLUDGE);
        nodes.push(json!({"id": TREATMENT, "kind": "process", "name": "effluent treatment plant"}));
        nodes.push(json!({"id": SLUDGE, "kind": "solid_waste", "name": "dewatered sludge"}));
    }
    nodes.push(json!({"id": "effluent", "kind": "wastewater"}));
    nodes.push(json!({"id": product, "kind": "product"}));
    if streams.iter().any(|s| s["to"] == BY_PRODUCTS) {
        nodes.push(json!({"id": BY_PRODUCTS, "kind": "product", "name": "by-products sold"}));
    }
    let mut energy = Vec::new();
    let mut devices = serde_json::Map::new();
    let kwh = |e: &crate::units::Measured<uom::si::f64::AvailableEnergy>| {
        format!(
            "{} kWh/{per}",
            format_number(e.si() / 3.6e6 * 1_000.0 * tonnes)
        )
    };
    if let Some(e) = &t.electricity {
        nodes.push(json!({"id": "drums", "kind": "process", "name": "drums, pumps and lighting"}));
        energy.push(
            json!({"id": "electricity", "to": "drums", "carrier": "electricity", "amount": kwh(e)}),
        );
    }
    if let Some(f) = &t.fuel {
        nodes.push(
            json!({"id": "boiler", "kind": "process", "name": "boiler for hot water and drying"}),
        );
        let carrier = t.fuel_carrier.unwrap_or(Carrier::NaturalGas);
        let kwh_of = |share: f64| {
            format!(
                "{} kWh/{per}",
                format_number(share * f.si() / 3.6e6 * 1_000.0 * tonnes)
            )
        };
        match &t.hot_water {
            None => energy.push(
                json!({"id": "fuel", "to": "boiler", "carrier": carrier.key(), "amount": kwh(f)}),
            ),
            Some(h) => {
                // The share for hot water follows the water of the stages it heats.
                let share = h.share.si();
                let follows: Vec<String> = h.stages.iter().map(|s| water_in(*s)).collect();
                energy.push(json!({
                    "id": "fuel_hot_water", "to": "boiler", "carrier": carrier.key(),
                    "amount": kwh_of(share), "follows": follows,
                }));
                if share < 1.0 {
                    energy.push(json!({
                        "id": "fuel", "to": "boiler", "carrier": carrier.key(),
                        "amount": kwh_of(1.0 - share),
                    }));
                }
            }
        }
        if let Some(eta) = &t.boiler_efficiency {
            devices.insert("boiler".into(), json!({"efficiency": eta.to_string()}));
        }
    }
    let mut accounts = Vec::new();
    if components.contains(&CR2O3) {
        accounts.push(json!({
            "node": "store", "component": CR2O3, "resource": BCS,
            "content": format!("{} %", format_number(t.cr2o3() * 100.0)),
        }));
    }
    // The chrome in the shavings and the sludge is part of their mass, which is what
    // disposal costs.
    if t.shavings.is_some() && t.shavings_cr2o3.is_some() {
        accounts.push(json!({"node": SHAVINGS, "component": CR2O3}));
    }
    if t.treatment.is_some() && components.contains(&CR2O3) {
        accounts.push(json!({"node": SLUDGE, "component": CR2O3}));
    }
    for (c, resource) in [(FLESHINGS, "fleshings sold"), (SHAVINGS, "shavings sold")] {
        if streams
            .iter()
            .any(|s| s["to"] == BY_PRODUCTS && s["flows"].get(c).is_some())
        {
            accounts.push(json!({"node": BY_PRODUCTS, "component": c, "resource": resource}));
        }
    }
    for c in [SALT, COD, FLESHINGS, TRIMMINGS, SHAVINGS, SLUDGE] {
        if components.contains(&c) {
            accounts.push(json!({"node": "hides", "component": c}));
        }
    }
    // Sources that nothing comes from are left out.
    let used = |id: &str| streams.iter().any(|s| s["from"] == id || s["to"] == id);
    nodes.retain(|n| n["kind"] != "source" || n["id"].as_str().is_some_and(used));
    // The lists are moved into the value, not copied (`json!` would serialize each again).
    let mut fs = serde_json::Map::new();
    fs.insert("components".into(), json!(components));
    fs.insert("nodes".into(), Value::Array(nodes));
    fs.insert("streams".into(), Value::Array(streams));
    fs.insert("energy".into(), Value::Array(energy));
    fs.insert("devices".into(), Value::Object(devices));
    fs.insert("accounts".into(), Value::Array(accounts));
    let fs: Flowsheet =
        serde_json::from_value(Value::Object(fs)).map_err(|e| Error::InvalidType {
            path: "template.tanning".to_string(),
            message: format!("the generated flowsheet is invalid ({e}); please report this"),
        })?;
    fs.validate(doc.schedule)?;
    Ok(fs)
}
