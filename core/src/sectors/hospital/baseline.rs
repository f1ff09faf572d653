//! The baseline flowsheet of a hospital: water end uses and health-care waste.
//!
//! Water: mains → wards, sterile services, laundry, kitchen → sewer, each end use's fresh
//! water from the template and its wastewater solved by the balance. Waste: patient care
//! brings each WHO category into a `waste_generation` unit, which splits it into bins:
//! general waste to its route (`solid_waste`), each hazardous category to its route
//! (`hazardous_waste`), and the general waste thrown into hazardous bins on a stream of its
//! own (`general_in_hazardous_bins`) to the infectious route, so segregation is an edit of
//! that stream. Mercury from devices broken or discarded leaves as an emission (a load, not
//! priced). Amounts are written per year.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::template::{Category, HospitalTemplate, PATH};
use crate::error::{Error, Result};
use crate::flowsheet::Flowsheet;
use crate::sections::Context;
use crate::units::format_number;

/// The water component.
pub(crate) const WATER: &str = "water";
/// Mercury.
pub(crate) const MERCURY: &str = "mercury";
/// The stream of general waste in hazardous bins.
pub(crate) const MISPLACED: &str = "general_in_hazardous_bins";
/// The boiler's fuel input.
pub(crate) const BOILER_FUEL: &str = "boiler_fuel";
/// The stream of mercury from the devices.
pub(crate) const MERCURY_STREAM: &str = "mercury_devices";

/// The water end uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndUse {
    /// Wards.
    Wards,
    /// Sterile services.
    SterileServices,
    /// Laundry.
    Laundry,
    /// Kitchen.
    Kitchen,
}

impl EndUse {
    /// Every end use.
    pub const ALL: [EndUse; 4] = [
        EndUse::Wards,
        EndUse::SterileServices,
        EndUse::Laundry,
        EndUse::Kitchen,
    ];

    /// Snake-case name, also the id of its node.
    pub fn key(self) -> &'static str {
        match self {
            EndUse::Wards => "wards",
            EndUse::SterileServices => "sterile_services",
            EndUse::Laundry => "laundry",
            EndUse::Kitchen => "kitchen",
        }
    }
}

/// The stream of fresh water to an end use.
pub(crate) fn water_in(u: EndUse) -> String {
    format!("{}_water", u.key())
}

/// The stream of wastewater from an end use.
pub(crate) fn drain(u: EndUse) -> String {
    format!("{}_drain", u.key())
}

/// The stream of waste of the bin `node`.
pub(crate) fn bin(node: &str) -> String {
    format!("to_{node}")
}

/// Fresh water of `u`, m3 per year (none when the template has no such service).
pub(crate) fn water_m3(t: &HospitalTemplate, u: EndUse, days: u32) -> Option<f64> {
    let bed_days = t.bed_days(days);
    let days = f64::from(days);
    match u {
        EndUse::Wards => t.wards.as_ref().map(|w| w.water.si() * bed_days),
        EndUse::SterileServices => t
            .sterile_services
            .as_ref()
            .map(|s| s.cycles * days * s.water_per_cycle.si()),
        EndUse::Laundry => t
            .laundry
            .as_ref()
            .map(|l| l.linen.si() * bed_days * l.water.si()),
        EndUse::Kitchen => t
            .kitchen
            .as_ref()
            .map(|k| k.meals * days * k.water_per_meal.si()),
    }
}

/// Mercury from the devices, kg per year.
pub(crate) fn mercury_kg(t: &HospitalTemplate) -> Option<f64> {
    t.mercury
        .as_ref()
        .map(|m| m.devices * m.per_device.si() * m.discarded.si())
}

pub(crate) fn flowsheet(ctx: &Context<'_>, t: &HospitalTemplate) -> Result<Flowsheet> {
    let days = ctx.schedule.days_per_year;
    let bed_days = t.bed_days(days);
    let m3 = |x: f64| format!("{} m3/yr", format_number(x));
    let kg = |x: f64| format!("{} kg/yr", format_number(x));
    let mut components: Vec<&str> = Vec::new();
    let mut nodes: Vec<Value> = Vec::new();
    let mut streams: Vec<Value> = Vec::new();
    let mut accounts: Vec<Value> = Vec::new();
    for u in EndUse::ALL {
        let Some(w) = water_m3(t, u, days) else {
            continue;
        };
        if !components.contains(&WATER) {
            components.push(WATER);
            nodes.push(json!({"id": "mains", "kind": "source", "name": "mains water"}));
            nodes.push(json!({"id": "sewer", "kind": "wastewater"}));
        }
        nodes.push(json!({"id": u.key(), "kind": "process"}));
        streams.push(json!({
            "id": water_in(u), "from": "mains", "to": u.key(), "flows": {WATER: m3(w)},
        }));
        streams.push(json!({
            "id": drain(u), "from": u.key(), "to": "sewer", "flows": {WATER: "?"},
        }));
    }
    let rates = t.waste_rates();
    let mercury = mercury_kg(t);
    if !rates.is_empty() || mercury.is_some() {
        nodes.push(json!({"id": "care", "kind": "source", "name": "patient care"}));
        nodes.push(json!({"id": "waste_generation", "kind": "process", "name": "waste generation and bins"}));
    }
    let mut bins: Vec<(String, serde_json::Map<String, Value>)> = Vec::new();
    let misplaced = t.misplaced();
    for (c, per_bed_day, _) in &rates {
        let generated = per_bed_day * bed_days;
        let component = c.component();
        components.push(component);
        streams.push(json!({
            "id": format!("{}_generated", c.key()), "from": "care", "to": "waste_generation",
            "flows": {component: kg(generated)},
        }));
        accounts.push(json!({"node": "care", "component": component}));
        let route = t.waste.route(*c).to_string();
        let slot = match bins.iter().position(|(n, _)| *n == route) {
            Some(k) => k,
            None => {
                bins.push((route.clone(), serde_json::Map::new()));
                bins.len() - 1
            }
        };
        if let Some((_, flows)) = bins.get_mut(slot) {
            flows.insert(component.into(), "?".into());
        }
        if *c == Category::General && misplaced > 0.0 {
            streams.push(json!({
                "id": MISPLACED, "from": "waste_generation",
                "to": t.waste.route(Category::Infectious),
                "flows": {component: kg(generated * misplaced)},
            }));
        }
    }
    let mut solid: BTreeSet<String> = BTreeSet::new();
    for (route, flows) in bins {
        streams.push(json!({
            "id": bin(&route), "from": "waste_generation", "to": route, "flows": flows,
        }));
        solid.insert(route);
    }
    if misplaced > 0.0 {
        solid.insert(t.waste.route(Category::Infectious).to_string());
    }
    for route in solid {
        nodes.push(json!({"id": route, "kind": "solid_waste"}));
    }
    if let Some(hg) = mercury {
        components.push(MERCURY);
        streams.push(json!({
            "id": MERCURY_STREAM, "from": "care", "to": "waste_generation",
            "flows": {MERCURY: kg(hg)},
        }));
        streams.push(json!({
            "id": "mercury_released", "from": "waste_generation", "to": "mercury_released",
            "flows": {MERCURY: "?"},
        }));
        nodes.push(json!({"id": "mercury_released", "kind": "emission", "name": "mercury from broken or discarded devices"}));
        accounts.push(json!({"node": "care", "component": MERCURY}));
    }
    let mut energy: Vec<Value> = Vec::new();
    if let Some(b) = &t.boiler {
        nodes.push(json!({"id": "boiler", "kind": "process", "name": "steam boiler"}));
        let mut input = json!({
            "id": BOILER_FUEL, "to": "boiler", "carrier": b.fuel.key(), "amount": b.amount,
        });
        if let Some(h) = &b.heating_value {
            input["heating_value"] = json!(h);
        }
        energy.push(input);
    }
    if components.is_empty() {
        return Err(Error::MissingField {
            path: format!("{PATH}.wards"),
        });
    }
    let fs = json!({
        "components": components,
        "nodes": nodes,
        "streams": streams,
        "accounts": accounts,
        "energy": energy,
    });
    let fs: Flowsheet = serde_json::from_value(fs).map_err(|e| Error::InvalidType {
        path: PATH.to_string(),
        message: format!("the generated flowsheet is invalid ({e}); check the waste routes"),
    })?;
    fs.validate(ctx.schedule)?;
    Ok(fs)
}
