//! The baseline flowsheet of a chrome tannery, stage by stage.
//!
//! Sources give what is known (fresh water per stage, the chrome offered, the salt, sulphide,
//! COD and trimmings the hides bring); the chrome fixed on the leather follows from the
//! exhaustion; every other flow is left unknown and solved by the balances, so the flowsheet
//! closes by construction. Amounts are written per the time unit of `raw_hides`.

use std::collections::BTreeMap;

use super::{Stage, TanningTemplate};
use crate::error::{Error, Result};
use crate::flowsheet::{
    Account, Carrier, Device, EnergyInput, Flow, Flowsheet, MeasuredEnergy, Node, NodeKind, Stream,
};
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

/// A flow of the generated flowsheet from its text, read as the document reads a flow.
fn flow(text: &str) -> Result<Flow> {
    Flow::parse(text).map_err(|p| generated(&Error::unit("", text, p)))
}

/// The error of a generated flowsheet that does not read (a bug of the generator).
fn generated(e: &dyn std::fmt::Display) -> Error {
    Error::InvalidType {
        path: "template.tanning".to_string(),
        message: format!("the generated flowsheet is invalid ({e}); please report this"),
    }
}

/// A value with a unit of the generated flowsheet from its text.
fn measured<M: crate::units::Measure>(text: &str) -> Result<crate::units::Measured<M>> {
    crate::units::Measured::parse(text).map_err(|p| generated(&Error::unit("", text, p)))
}

/// One component's flow.
fn one(component: &str, flow: Flow) -> BTreeMap<String, Flow> {
    let mut flows = BTreeMap::new();
    flows.insert(component.to_string(), flow);
    flows
}

/// A stream of the generated flowsheet.
fn stream(id: impl Into<String>, from: &str, to: &str, flows: BTreeMap<String, Flow>) -> Stream {
    Stream {
        id: id.into(),
        from: from.to_string(),
        to: to.to_string(),
        flows,
        temperature: None,
    }
}

/// A node of the generated flowsheet (`name` empty for none).
fn node(id: &str, kind: NodeKind, name: &str) -> Node {
    Node {
        id: id.to_string(),
        kind,
        name: name.to_string(),
        accumulation: BTreeMap::new(),
    }
}

/// An account of the generated flowsheet.
fn account(node: &str, component: &str, resource: Option<&str>) -> Account {
    Account {
        node: node.to_string(),
        component: component.to_string(),
        resource: resource.map(str::to_string),
        content: None,
    }
}

/// The tannery's flowsheet, built as its values: each amount is written as text (the
/// document's spelling, `format_number`) and read as a document's flow is read, so the
/// flowsheet is the one the same figures give when written in a document.
pub(crate) fn flowsheet(doc: &Context<'_>, t: &TanningTemplate) -> Result<Flowsheet> {
    let (per, tonnes) = per_time(t)?;
    let kg = |share: f64| {
        flow(&format!(
            "{} kg/{per}",
            format_number(share * tonnes * 1_000.0)
        ))
    };
    let (agent, offered, exhaustion) = t.agent();
    let post = t.product != super::TanningProduct::WetBlue;
    let mut components = vec![WATER, agent];
    let mut nodes = vec![
        node("mains", NodeKind::Source, "fresh water"),
        node("store", NodeKind::Source, "chemical store"),
        node(
            "hides",
            NodeKind::Source,
            "what the hides bring and release",
        ),
    ];
    let mut streams: Vec<Stream> = Vec::new();
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
        let mut out_flows = BTreeMap::new();
        if w > 0.0 {
            let water = flow(&format!("{} m3/{per}", format_number(w)))?;
            streams.push(stream(
                water_in(stage),
                "mains",
                stage.key(),
                one(WATER, water),
            ));
            out_flows.insert(WATER.to_string(), Flow::Unknown);
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
            streams.push(stream(id, from, stage.key(), one(component, kg(*share)?)));
            out_flows.insert((*component).to_string(), Flow::Unknown);
        }
        match stage {
            Stage::Tanning => {
                streams.push(stream(
                    agent_offer(t),
                    "store",
                    "tanning",
                    one(agent, kg(offered)?),
                ));
                out_flows.insert(agent.to_string(), kg(offered * (1.0 - exhaustion))?);
                if agent == CR2O3 {
                    chrome_to_drain += offered * (1.0 - exhaustion);
                }
                streams.push(stream(
                    "tanned",
                    "tanning",
                    "washing",
                    one(agent, Flow::Unknown),
                ));
                stages_used.insert(Stage::Washing);
            }
            Stage::Washing => {
                if let Some(loss) = &t.wash_chrome_loss {
                    out_flows.insert(agent.to_string(), kg(offered * exhaustion * loss.si())?);
                    chrome_to_drain += offered * exhaustion * loss.si();
                }
                let (id, to) = if post {
                    ("washed", "post_tanning")
                } else {
                    (product, product)
                };
                streams.push(stream(id, "washing", to, one(agent, Flow::Unknown)));
                if post {
                    stages_used.insert(Stage::PostTanning);
                }
            }
            Stage::PostTanning => {
                let mut leather = one(agent, Flow::Unknown);
                if let Some(r) = &t.retan_chrome_offer {
                    let e = t.retan_exhaustion.as_ref().map_or(0.0, |e| e.si());
                    let retan = r.si() * t.cr2o3();
                    streams.push(stream(
                        "retan_chrome_offer",
                        "store",
                        "post_tanning",
                        one(CR2O3, kg(retan)?),
                    ));
                    out_flows.insert(CR2O3.to_string(), kg(retan * (1.0 - e))?);
                    chrome_to_drain += retan * (1.0 - e);
                    leather.insert(CR2O3.to_string(), Flow::Unknown);
                    if !components.contains(&CR2O3) {
                        components.push(CR2O3);
                    }
                }
                if let Some(sh) = &t.shavings {
                    components.push(SHAVINGS);
                    nodes.push(node(SHAVINGS, NodeKind::SolidWaste, ""));
                    streams.push(stream(
                        "shavings_removed",
                        "hides",
                        "post_tanning",
                        one(SHAVINGS, kg(sh.si())?),
                    ));
                    let mut flows = one(SHAVINGS, Flow::Unknown);
                    if let Some(c) = &t.shavings_cr2o3 {
                        flows.insert(CR2O3.to_string(), kg(sh.si() * c.si())?);
                    }
                    streams.push(stream(SHAVINGS, "post_tanning", SHAVINGS, flows));
                    if chosen(super::CatalogueId::ShavingsValorisation) {
                        let mut sold = one(SHAVINGS, kg(0.0)?);
                        if t.shavings_cr2o3.is_some() {
                            sold.insert(CR2O3.to_string(), kg(0.0)?);
                        }
                        streams.push(stream("shavings_sold", "post_tanning", BY_PRODUCTS, sold));
                    }
                }
                streams.push(stream(product, "post_tanning", product, leather));
            }
            _ => {}
        }
        if !out_flows.is_empty() {
            streams.push(stream(float(stage), stage.key(), drain, out_flows));
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
            nodes.push(node(component, NodeKind::SolidWaste, ""));
            streams.push(stream(
                format!("{component}_removed"),
                "hides",
                "liming",
                one(component, kg(s.si())?),
            ));
            streams.push(stream(
                component,
                "liming",
                component,
                one(component, Flow::Unknown),
            ));
            if component == FLESHINGS && chosen(super::CatalogueId::FleshingsValorisation) {
                streams.push(stream(
                    "fleshings_sold",
                    "liming",
                    BY_PRODUCTS,
                    one(component, kg(0.0)?),
                ));
            }
            stages_used.insert(Stage::Liming);
        }
    }
    for stage in Stage::ALL {
        if stages_used.contains(&stage) {
            nodes.push(node(stage.key(), NodeKind::Process, ""));
        }
    }
    let carries = |s: &Stream, to: &str, c: &str| s.to == to && s.flows.contains_key(c);
    if let Some(tr) = &t.treatment {
        // Everything the floats carry passes the plant; the sludge takes the solids it
        // settles and a share of the chrome, the rest goes to the sewer.
        let mut treated = BTreeMap::new();
        for c in &components {
            if streams.iter().any(|s| carries(s, TREATMENT, c)) {
                treated.insert((*c).to_string(), Flow::Unknown);
            }
        }
        streams.push(stream("treated", TREATMENT, "effluent", treated));
        streams.push(stream(
            "sludge_solids",
            "hides",
            TREATMENT,
            one(SLUDGE, kg(tr.sludge.si())?),
        ));
        let mut sludge = one(SLUDGE, Flow::Unknown);
        if components.contains(&CR2O3) {
            let capture = tr.chrome_to_sludge.as_ref().map_or(0.0, |c| c.si());
            sludge.insert(CR2O3.to_string(), kg(chrome_to_drain * capture)?);
        }
        streams.push(stream(SLUDGE, TREATMENT, SLUDGE, sludge));
        components.push(SLUDGE);
        nodes.push(node(
            TREATMENT,
            NodeKind::Process,
            "effluent treatment plant",
        ));
        nodes.push(node(SLUDGE, NodeKind::SolidWaste, "dewatered sludge"));
    }
    nodes.push(node("effluent", NodeKind::Wastewater, ""));
    nodes.push(node(product, NodeKind::Product, ""));
    if streams.iter().any(|s| s.to == BY_PRODUCTS) {
        nodes.push(node(BY_PRODUCTS, NodeKind::Product, "by-products sold"));
    }
    let mut energy = Vec::new();
    let mut devices = BTreeMap::new();
    let input = |id: &str, to: &str, carrier: Carrier, amount: String, follows: Vec<String>| {
        Ok::<_, Error>(EnergyInput {
            id: id.to_string(),
            to: to.to_string(),
            carrier,
            amount: MeasuredEnergy::parse(&amount)
                .map_err(|p| generated(&Error::unit("", amount.as_str(), p)))?,
            heating_value: None,
            follows,
        })
    };
    let kwh = |e: &crate::units::Measured<uom::si::f64::AvailableEnergy>| {
        format!(
            "{} kWh/{per}",
            format_number(e.si() / 3.6e6 * 1_000.0 * tonnes)
        )
    };
    if let Some(e) = &t.electricity {
        nodes.push(node(
            "drums",
            NodeKind::Process,
            "drums, pumps and lighting",
        ));
        energy.push(input(
            "electricity",
            "drums",
            Carrier::Electricity,
            kwh(e),
            Vec::new(),
        )?);
    }
    if let Some(f) = &t.fuel {
        nodes.push(node(
            "boiler",
            NodeKind::Process,
            "boiler for hot water and drying",
        ));
        let carrier = t.fuel_carrier.unwrap_or(Carrier::NaturalGas);
        let kwh_of = |share: f64| {
            format!(
                "{} kWh/{per}",
                format_number(share * f.si() / 3.6e6 * 1_000.0 * tonnes)
            )
        };
        match &t.hot_water {
            None => energy.push(input("fuel", "boiler", carrier, kwh(f), Vec::new())?),
            Some(h) => {
                // The share for hot water follows the water of the stages it heats.
                let share = h.share.si();
                let follows: Vec<String> = h.stages.iter().map(|s| water_in(*s)).collect();
                energy.push(input(
                    "fuel_hot_water",
                    "boiler",
                    carrier,
                    kwh_of(share),
                    follows,
                )?);
                if share < 1.0 {
                    energy.push(input(
                        "fuel",
                        "boiler",
                        carrier,
                        kwh_of(1.0 - share),
                        Vec::new(),
                    )?);
                }
            }
        }
        if let Some(eta) = &t.boiler_efficiency {
            let device = Device {
                efficiency: Some(measured(&eta.to_string())?),
                cop: None,
            };
            devices.insert("boiler".to_string(), device);
        }
    }
    let mut accounts = Vec::new();
    if components.contains(&CR2O3) {
        accounts.push(Account {
            content: Some(measured(&format!(
                "{} %",
                format_number(t.cr2o3() * 100.0)
            ))?),
            ..account("store", CR2O3, Some(BCS))
        });
    }
    // The chrome in the shavings and the sludge is part of their mass, which is what
    // disposal costs.
    if t.shavings.is_some() && t.shavings_cr2o3.is_some() {
        accounts.push(account(SHAVINGS, CR2O3, None));
    }
    if t.treatment.is_some() && components.contains(&CR2O3) {
        accounts.push(account(SLUDGE, CR2O3, None));
    }
    for (c, resource) in [(FLESHINGS, "fleshings sold"), (SHAVINGS, "shavings sold")] {
        if streams.iter().any(|s| carries(s, BY_PRODUCTS, c)) {
            accounts.push(account(BY_PRODUCTS, c, Some(resource)));
        }
    }
    for c in [SALT, COD, FLESHINGS, TRIMMINGS, SHAVINGS, SLUDGE] {
        if components.contains(&c) {
            accounts.push(account("hides", c, None));
        }
    }
    // Sources that nothing comes from are left out.
    let used = |id: &str| streams.iter().any(|s| s.from == id || s.to == id);
    nodes.retain(|n| n.kind != NodeKind::Source || used(&n.id));
    let fs = Flowsheet {
        components: components.into_iter().map(str::to_string).collect(),
        nodes,
        streams,
        energy,
        devices,
        reference_temperature: None,
        accounts,
    };
    fs.validate(doc.schedule)?;
    Ok(fs)
}
