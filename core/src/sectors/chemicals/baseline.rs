//! The baseline flowsheet of a batch plant: per product a reactor (the whole batch: reaction,
//! work-up, isolation) fed its raw materials, solvent make-up and water, giving the product,
//! the off-gas solvent to air, the mother liquor (residues and solvent) to hazardous waste and
//! the aqueous effluent; a cleaning unit fed water or solvent per cleaning; and the steam and
//! electricity as energy inputs.
//!
//! Supplies and the product are written per year; the mother liquor's materials, the
//! solvent it carries and the effluent's water are left unknown and solved by the balance,
//! so the flowsheet closes by construction: per batch, inputs = product + waste streams.
//!
//! Components: `materials` (everything that reacts or is made, conserved in total mass),
//! `water`, and one per solvent.

use serde_json::{Value, json};

use super::template::{ChemicalsTemplate, PATH, Product};
use crate::error::{Error, Result};
use crate::flowsheet::{Carrier, Flowsheet};
use crate::sections::Context;
use crate::units::format_number;

/// Raw materials, product and by-products, as one conserved mass.
pub(crate) const MATERIALS: &str = "materials";
/// Water.
pub(crate) const WATER: &str = "water";
/// The source of solvents.
pub(crate) const SOLVENT_STORE: &str = "solvent_store";
/// The water supply.
pub(crate) const MAINS: &str = "mains";
/// The product sink.
pub(crate) const PRODUCTS: &str = "products";
/// Emissions to air.
pub(crate) const AIR: &str = "air";
/// Hazardous waste (priced as `hazardous_waste`).
pub(crate) const HAZARDOUS_WASTE: &str = "hazardous_waste";
/// The effluent (its water priced as `wastewater`).
pub(crate) const EFFLUENT: &str = "effluent";

/// Ids of a product's units, streams and energy inputs.
pub(crate) fn id(p: &Product, what: &str) -> String {
    format!("{}_{what}", p.name)
}

/// The store a material is bought from.
pub(crate) fn store(material: &str) -> String {
    format!("store_{material}")
}

/// One product's figures per year, kg (water in kg at 1 kg/L), J for energy.
#[derive(Debug, Clone, PartialEq)]
pub struct Annual {
    /// Product made.
    pub product: f64,
    /// Raw materials charged, by name.
    pub materials: Vec<(String, f64)>,
    /// Per solvent: name, charge, to air, to waste, to water (kg/yr).
    pub solvents: Vec<(String, f64, f64, f64, f64)>,
    /// Process water.
    pub water: f64,
    /// Cleaning water.
    pub cleaning_water: f64,
    /// Cleaning solvent: name and kg/yr.
    pub cleaning_solvent: Option<(String, f64)>,
    /// Water of the ejector steam, condensed into the effluent.
    pub ejector_water: f64,
    /// Fuel for the process steam, J/yr.
    pub steam_fuel: f64,
    /// Fuel for the ejector steam, J/yr.
    pub ejector_fuel: f64,
    /// Electricity, J/yr.
    pub electricity: f64,
}

impl Annual {
    /// Raw materials charged, kg/yr.
    pub fn materials_total(&self) -> f64 {
        self.materials.iter().map(|m| m.1).sum()
    }

    /// Solvent bought (the losses), kg/yr.
    pub fn solvent_bought(&self) -> f64 {
        self.solvents.iter().map(|s| s.2 + s.3 + s.4).sum::<f64>()
            + self.cleaning_solvent.as_ref().map_or(0.0, |c| c.1)
    }

    /// Everything in, kg/yr.
    pub fn inputs(&self) -> f64 {
        self.materials_total()
            + self.solvent_bought()
            + self.water
            + self.cleaning_water
            + self.ejector_water
    }
}

/// Fuel per kilogram of steam, J/kg (none without a boiler).
fn fuel_per_kg(t: &ChemicalsTemplate) -> Result<f64> {
    match &t.boiler {
        Some(b) => Ok(b.heat_per_kg()? / b.efficiency.si()),
        None => Ok(0.0),
    }
}

/// The figures per year of product `p`.
pub fn annual(t: &ChemicalsTemplate, p: &Product) -> Result<Annual> {
    let n = p.batches;
    let kg = |m: &Option<crate::units::Measured<uom::si::f64::Mass>>| {
        m.as_ref().map_or(0.0, |m| m.si() * n)
    };
    let fuel = fuel_per_kg(t)?;
    let cleaning = p.cleaning.as_ref();
    let cleanings = cleaning.map_or(0.0, |c| c.per_year());
    Ok(Annual {
        product: p.product.si() * n,
        materials: p
            .materials
            .iter()
            .map(|m| (m.name.clone(), m.amount.si() * n))
            .collect(),
        solvents: p
            .solvents
            .iter()
            .map(|s| {
                let c = s.charge.si() * n;
                (
                    s.name.clone(),
                    c,
                    c * s.to_air.si(),
                    c * s.to_waste.si(),
                    c * s.to_water.si(),
                )
            })
            .collect(),
        water: p.water.as_ref().map_or(0.0, |w| w.si() * n * 1_000.0),
        cleaning_water: cleaning
            .and_then(|c| c.water.as_ref())
            .map_or(0.0, |w| w.si() * cleanings * 1_000.0),
        cleaning_solvent: cleaning.and_then(|c| match (&c.solvent, &c.solvent_amount) {
            (Some(s), Some(a)) => Some((s.clone(), a.si() * cleanings)),
            _ => None,
        }),
        ejector_water: kg(&p.ejector_steam),
        steam_fuel: kg(&p.steam) * fuel,
        ejector_fuel: kg(&p.ejector_steam) * fuel,
        electricity: p.electricity.as_ref().map_or(0.0, |e| e.si() * n),
    })
}

/// The components of the flowsheet: materials, water, then the solvents in order of first
/// appearance.
pub(crate) fn components(t: &ChemicalsTemplate) -> Vec<String> {
    let mut out = vec![MATERIALS.to_string(), WATER.to_string()];
    for p in &t.products {
        let names = p
            .solvents
            .iter()
            .map(|s| s.name.clone())
            .chain(p.cleaning.as_ref().and_then(|c| c.solvent.clone()));
        for s in names {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

fn kg(x: f64) -> String {
    format!("{} kg/yr", format_number(x))
}

fn kwh(j: f64) -> String {
    format!("{} kWh/yr", format_number(j / 3.6e6))
}

/// The baseline flowsheet.
pub(crate) fn flowsheet(ctx: &Context<'_>, t: &ChemicalsTemplate) -> Result<Flowsheet> {
    let mut nodes: Vec<Value> = Vec::new();
    let mut streams: Vec<Value> = Vec::new();
    let mut energy: Vec<Value> = Vec::new();
    let mut accounts: Vec<Value> = Vec::new();
    let mut stores: Vec<String> = Vec::new();
    let (mut air, mut waste, mut effluent, mut mains, mut solvent_store) =
        (false, false, false, false, false);
    let fuel = t.boiler.as_ref().map_or(Carrier::NaturalGas, |b| b.fuel);
    for p in &t.products {
        let a = annual(t, p)?;
        let reactor = id(p, "reactor");
        nodes
            .push(json!({"id": reactor, "kind": "process", "name": format!("{} batches", p.name)}));
        for (m, amount) in &a.materials {
            if !stores.contains(m) {
                stores.push(m.clone());
            }
            streams.push(
                json!({"id": id(p, &format!("{m}_in")), "from": store(m), "to": reactor,
                "flows": {MATERIALS: kg(*amount)}}),
            );
        }
        let mut off_gas = serde_json::Map::new();
        let mut liquor = serde_json::Map::new();
        let mut aqueous = serde_json::Map::new();
        liquor.insert(MATERIALS.into(), "?".into());
        for (s, _, to_air, to_waste, to_water) in &a.solvents {
            let bought = to_air + to_waste + to_water;
            if bought <= 0.0 {
                continue;
            }
            solvent_store = true;
            streams.push(
                json!({"id": id(p, &format!("{s}_fresh")), "from": SOLVENT_STORE,
                "to": reactor, "flows": {s.as_str(): kg(bought)}}),
            );
            if *to_air > 0.0 {
                off_gas.insert(s.clone(), kg(*to_air).into());
            }
            if *to_water > 0.0 {
                aqueous.insert(s.clone(), kg(*to_water).into());
            }
            if *to_waste > 0.0 {
                liquor.insert(s.clone(), "?".into());
            }
        }
        let water_in = a.water + a.ejector_water;
        if a.water > 0.0 {
            mains = true;
            streams.push(json!({"id": id(p, "water"), "from": MAINS, "to": reactor,
                "flows": {WATER: kg(a.water)}}));
        }
        if a.ejector_water > 0.0 {
            mains = true;
            streams.push(
                json!({"id": id(p, "ejector_water"), "from": MAINS, "to": reactor,
                "flows": {WATER: kg(a.ejector_water)}}),
            );
        }
        if water_in > 0.0 {
            aqueous.insert(WATER.into(), "?".into());
        }
        streams.push(
            json!({"id": id(p, "product"), "from": reactor, "to": PRODUCTS,
            "flows": {MATERIALS: kg(a.product)}}),
        );
        waste = true;
        streams.push(json!({"id": id(p, "mother_liquor"), "from": reactor,
            "to": HAZARDOUS_WASTE, "flows": liquor}));
        if !off_gas.is_empty() {
            air = true;
            streams.push(json!({"id": id(p, "off_gas"), "from": reactor, "to": AIR,
                "flows": off_gas}));
        }
        if !aqueous.is_empty() {
            effluent = true;
            streams.push(
                json!({"id": id(p, "aqueous"), "from": reactor, "to": EFFLUENT,
                "flows": aqueous}),
            );
        }
        let cleaning = id(p, "cleaning");
        let cleans =
            a.cleaning_water > 0.0 || a.cleaning_solvent.as_ref().is_some_and(|c| c.1 > 0.0);
        if cleans {
            nodes.push(json!({"id": cleaning, "kind": "process",
                "name": format!("{} reactor cleaning", p.name)}));
        }
        if a.cleaning_water > 0.0 {
            mains = true;
            effluent = true;
            streams.push(
                json!({"id": id(p, "cleaning_water"), "from": MAINS, "to": cleaning,
                "flows": {WATER: kg(a.cleaning_water)}}),
            );
            streams.push(json!({"id": id(p, "cleaning_effluent"), "from": cleaning,
                "to": EFFLUENT, "flows": {WATER: "?"}}));
        }
        if let Some((s, amount)) = &a.cleaning_solvent
            && *amount > 0.0
        {
            solvent_store = true;
            streams.push(
                json!({"id": id(p, "cleaning_solvent"), "from": SOLVENT_STORE,
                "to": cleaning, "flows": {s.as_str(): kg(*amount)}}),
            );
            streams.push(
                json!({"id": id(p, "spent_cleaning_solvent"), "from": cleaning,
                "to": HAZARDOUS_WASTE, "flows": {s.as_str(): "?"}}),
            );
        }
        for (what, j, carrier) in [
            ("steam", a.steam_fuel, fuel),
            ("ejector_steam", a.ejector_fuel, fuel),
            ("electricity", a.electricity, Carrier::Electricity),
        ] {
            if j > 0.0 {
                energy.push(
                    json!({"id": id(p, what), "to": reactor, "carrier": carrier.key(),
                    "amount": kwh(j)}),
                );
            }
        }
    }
    for m in &stores {
        nodes.push(json!({"id": store(m), "kind": "source", "name": format!("{m} (bought)")}));
        accounts.push(json!({"node": store(m), "component": MATERIALS, "resource": m}));
    }
    if solvent_store {
        nodes.push(json!({"id": SOLVENT_STORE, "kind": "source", "name": "solvents (bought)"}));
    }
    if mains {
        nodes.push(json!({"id": MAINS, "kind": "source", "name": "water supply"}));
    }
    nodes.push(json!({"id": PRODUCTS, "kind": "product"}));
    if air {
        nodes.push(json!({"id": AIR, "kind": "emission", "name": "solvent to air"}));
    }
    if waste {
        nodes.push(json!({"id": HAZARDOUS_WASTE, "kind": "solid_waste",
            "name": "hazardous waste (mother liquors, spent solvent)"}));
    }
    if effluent {
        nodes.push(json!({"id": EFFLUENT, "kind": "wastewater"}));
    }
    let fs = json!({
        "components": components(t),
        "nodes": nodes,
        "streams": streams,
        "energy": energy,
        "accounts": accounts,
    });
    let fs: Flowsheet = serde_json::from_value(fs).map_err(|e| Error::InvalidType {
        path: PATH.to_string(),
        message: format!("the generated flowsheet is invalid ({e}); please report this"),
    })?;
    fs.validate(ctx.schedule)?;
    Ok(fs)
}
