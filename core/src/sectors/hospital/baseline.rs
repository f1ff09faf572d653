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
use crate::flowsheet::{Carrier, Flowsheet};
use crate::sections::Context;
use crate::units::format_number;
use crate::utilities::electric::lighting;
use crate::utilities::hot_water::{Heater, hot_water};
use uom::si::f64 as q;

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
/// The RO reject of the dialysis water plant, to the sewer.
pub(crate) const RO_REJECT: &str = "dialysis_ro_reject";
/// The lighting's electricity input.
pub(crate) const LIGHTING: &str = "lighting";
/// The store of the hazardous bins when an alternative treatment is appraised.
pub(crate) const STORAGE: &str = "hazardous_storage";

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
    /// Laboratories.
    Laboratories,
    /// Dialysis, fed through its RO plant.
    Dialysis,
}

impl EndUse {
    /// Every end use.
    pub const ALL: [EndUse; 6] = [
        EndUse::Wards,
        EndUse::SterileServices,
        EndUse::Laundry,
        EndUse::Kitchen,
        EndUse::Laboratories,
        EndUse::Dialysis,
    ];

    /// Snake-case name, also the id of its node.
    pub fn key(self) -> &'static str {
        match self {
            EndUse::Wards => "wards",
            EndUse::SterileServices => "sterile_services",
            EndUse::Laundry => "laundry",
            EndUse::Kitchen => "kitchen",
            EndUse::Laboratories => "laboratories",
            EndUse::Dialysis => "dialysis",
        }
    }

    /// The end use named `key`.
    pub fn from_key(key: &str) -> Option<EndUse> {
        EndUse::ALL.into_iter().find(|u| u.key() == key)
    }
}

/// The stream of the storage of the hazardous bins to `route`.
pub(crate) fn from_storage(route: &str) -> String {
    format!("{STORAGE}_to_{route}")
}

/// Share of the water of `u` that is hot (none without a hot-water plant).
pub(crate) fn hot_share(t: &HospitalTemplate, u: EndUse) -> f64 {
    if t.hot_water.is_none() {
        return 0.0;
    }
    let share = match u {
        EndUse::Wards => t.wards.as_ref().and_then(|w| w.hot_share.as_ref()),
        EndUse::Laundry => t.laundry.as_ref().and_then(|w| w.hot_share.as_ref()),
        EndUse::Kitchen => t.kitchen.as_ref().and_then(|w| w.hot_share.as_ref()),
        _ => None,
    };
    share.map_or(0.0, |s| s.si())
}

/// Energy to heat `m3` of water a year in the hot-water plant, kWh (utilities' hot-water
/// calculator: m·cp·ΔT / efficiency).
pub(crate) fn hot_water_kwh(t: &HospitalTemplate, m3: f64) -> Result<f64> {
    let Some(h) = &t.hot_water else {
        return Ok(0.0);
    };
    let rise = h.hot_temperature.si() - h.cold_temperature.si();
    let hw = hot_water(
        q::Volume::new::<uom::si::volume::cubic_meter>(m3),
        q::TemperatureInterval::new::<uom::si::temperature_interval::kelvin>(rise),
        Heater::Efficiency {
            efficiency: h.efficiency.value(),
        },
        None,
    )
    .map_err(|e| Error::out_of_range(format!("{PATH}.hot_water"), m3, e.to_string()))?;
    Ok(hw.energy_in.get::<uom::si::energy::kilowatt_hour>())
}

/// The lighting's electricity, kWh/yr, before and with `power` and `control` afterwards
/// (utilities' lighting calculator).
pub(crate) fn lighting_kwh(
    t: &HospitalTemplate,
    days: u32,
    power: Option<f64>,
    control: Option<f64>,
) -> Result<Option<(f64, f64)>> {
    let Some(l) = &t.lighting else {
        return Ok(None);
    };
    let r = lighting(
        l.fixtures,
        l.power.value(),
        q::Power::new::<uom::si::power::watt>(power.unwrap_or(l.power.si())),
        q::Time::new::<uom::si::time::second>(l.hours.si() * f64::from(days)),
        q::Ratio::new::<uom::si::ratio::ratio>(l.control()),
        q::Ratio::new::<uom::si::ratio::ratio>(control.unwrap_or(l.control())),
    )
    .map_err(|e| e.under(&format!("{PATH}.lighting")))?;
    Ok(Some((
        r.energy_before.get::<uom::si::energy::kilowatt_hour>(),
        r.energy_after.get::<uom::si::energy::kilowatt_hour>(),
    )))
}

/// The alternative treatment routes the template's options appraise (`autoclave`,
/// `microwave`).
pub(crate) fn alternatives(t: &HospitalTemplate) -> Vec<&'static str> {
    t.options.iter().filter_map(|o| o.id.treatment()).collect()
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
        EndUse::Laboratories => t.laboratories.as_ref().map(|l| days * l.water.si()),
        // The RO plant's feed: permeate / recovery.
        EndUse::Dialysis => t
            .dialysis
            .as_ref()
            .map(|d| d.treatments * days * d.permeate_per_treatment.si() / d.recovery.si()),
    }
}

/// The RO reject, m3/yr: feed × (1 − recovery).
pub(crate) fn reject_m3(t: &HospitalTemplate, days: u32) -> Option<f64> {
    let feed = water_m3(t, EndUse::Dialysis, days)?;
    t.dialysis.as_ref().map(|d| feed * (1.0 - d.recovery.si()))
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
        if u == EndUse::Dialysis
            && let Some(r) = reject_m3(t, days)
        {
            streams.push(json!({
                "id": RO_REJECT, "from": u.key(), "to": "sewer", "flows": {WATER: m3(r)},
            }));
        }
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
    // With an alternative treatment appraised, the bins of the infectious route are stored
    // first, and the store sends them on to that route (or, by the option, to the other).
    let alternatives = alternatives(t);
    let stored = (!alternatives.is_empty() && !rates.is_empty())
        .then(|| t.waste.route(Category::Infectious).to_string());
    let mut storage: serde_json::Map<String, Value> = serde_json::Map::new();
    let mut treatable: serde_json::Map<String, Value> = serde_json::Map::new();
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
        if stored.as_deref() == Some(route.as_str()) {
            storage.insert(component.into(), "?".into());
            if c.autoclavable() {
                treatable.insert(component.into(), kg(0.0).into());
            }
        }
        if *c == Category::General && misplaced > 0.0 {
            let to = match &stored {
                Some(_) => {
                    storage.insert(component.into(), "?".into());
                    treatable.insert(component.into(), kg(0.0).into());
                    STORAGE.to_string()
                }
                None => t.waste.route(Category::Infectious).to_string(),
            };
            streams.push(json!({
                "id": MISPLACED, "from": "waste_generation", "to": to,
                "flows": {component: kg(generated * misplaced)},
            }));
        }
    }
    let mut solid: BTreeSet<String> = BTreeSet::new();
    for (route, flows) in bins {
        let to = if stored.as_deref() == Some(route.as_str()) {
            STORAGE.to_string()
        } else {
            route.clone()
        };
        streams.push(json!({
            "id": bin(&route), "from": "waste_generation", "to": to, "flows": flows,
        }));
        solid.insert(route);
    }
    if misplaced > 0.0 {
        solid.insert(t.waste.route(Category::Infectious).to_string());
    }
    if let Some(route) = &stored {
        nodes.push(
            json!({"id": STORAGE, "kind": "process", "name": "storage of the hazardous bins"}),
        );
        streams.push(json!({
            "id": from_storage(route), "from": STORAGE, "to": route, "flows": storage,
        }));
        for alt in &alternatives {
            if alt == route {
                return Err(Error::out_of_range(
                    format!("{PATH}.waste.routes.infectious"),
                    route,
                    format!("is already {alt}: the option would change nothing"),
                ));
            }
            streams.push(json!({
                "id": from_storage(alt), "from": STORAGE, "to": alt, "flows": treatable,
            }));
            solid.insert((*alt).to_string());
        }
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
    let mut devices = serde_json::Map::new();
    if let Some(h) = &t.hot_water {
        for u in [EndUse::Wards, EndUse::Laundry, EndUse::Kitchen] {
            let share = hot_share(t, u);
            let Some(w) = water_m3(t, u, days).filter(|_| share > 0.0) else {
                continue;
            };
            // The hot share of the end use's water heated: the input follows its water.
            let kwh = hot_water_kwh(t, w * share)?;
            energy.push(json!({
                "id": format!("hot_water_{}", u.key()), "to": u.key(), "carrier": h.fuel.key(),
                "amount": format!("{} kWh/yr", format_number(kwh)), "follows": [water_in(u)],
            }));
            devices.insert(
                u.key().into(),
                json!({"efficiency": h.efficiency.to_string()}),
            );
        }
    }
    if let Some((kwh, _)) = lighting_kwh(t, days, None, None)? {
        // No unit of its own (a unit needs streams): booked on the first end use's unit;
        // only the lighting options change it.
        let first = EndUse::ALL
            .into_iter()
            .find(|u| water_m3(t, *u, days).is_some())
            .map(EndUse::key)
            .or_else(|| (!rates.is_empty()).then_some("waste_generation"))
            .ok_or_else(|| Error::MissingField {
                path: format!("{PATH}.wards (or another service, to carry the lighting)"),
            })?;
        energy.push(json!({
            "id": LIGHTING, "to": first, "carrier": Carrier::Electricity.key(),
            "amount": format!("{} kWh/yr", format_number(kwh)),
        }));
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
        "devices": devices,
    });
    let fs: Flowsheet = serde_json::from_value(fs).map_err(|e| Error::InvalidType {
        path: PATH.to_string(),
        message: format!("the generated flowsheet is invalid ({e}); check the waste routes"),
    })?;
    fs.validate(ctx.schedule)?;
    Ok(fs)
}
