//! The baseline flowsheet of a hotel: each end use a unit fed cold and hot water from the
//! mains, draining to the sewer (pool evaporation and irrigation to the ground), the hot
//! water's fuel an energy input that follows the hot-water streams, and, when the water bill
//! is given, the unaccounted water (leaks) as a stream of its own.
//!
//! Every supply is written per year (`m3/yr`); the outlets are left unknown and solved by the
//! balance, so the flowsheet closes by construction.

use serde_json::{Value, json};
use uom::si::f64 as q;

use super::template::{HotelTemplate, PATH};
use crate::error::{Error, Result};
use crate::flowsheet::{Carrier, Flowsheet};
use crate::sections::Context;
use crate::units::{Measure, format_number};
use crate::utilities::cooling_water::{CoolingTower, cooling_tower};
use crate::utilities::electric::lighting;
use crate::utilities::hot_water::{Heater, hot_water};

/// The only component.
pub(crate) const WATER: &str = "water";
/// The energy input heating the hot water.
pub(crate) const HOT_WATER_ENERGY: &str = "hot_water";
/// The unit heating it.
pub(crate) const WATER_HEATER: &str = "water_heater";
/// The laundry's electricity input.
pub(crate) const LAUNDRY_ELECTRICITY: &str = "laundry_electricity";
/// The supply of unaccounted water.
pub(crate) const UNACCOUNTED: &str = "unaccounted";
/// The pool's backwash water to the sewer.
pub(crate) const POOL_BACKWASH_DRAIN: &str = "pool_backwash_drain";
/// The lighting's electricity input.
pub(crate) const LIGHTING: &str = "lighting";
/// The cooling tower's evaporation and drift.
pub(crate) const TOWER_EVAPORATION: &str = "cooling_tower_evaporation";
/// The solid waste component.
pub(crate) const SOLID_WASTE: &str = "solid waste";
/// The stream of waste separated for composting and recycling.
pub(crate) const SEPARATED: &str = "waste_separated";
/// The node (and optional price) of the separated waste.
pub(crate) const SEPARATED_NODE: &str = "separated_waste";

/// One end use's water, m3 per year.
#[derive(Debug, Clone, PartialEq)]
pub struct EndUse {
    /// Stream prefix (`showers`, `spray_valves`, `pool_makeup`, ...).
    pub key: &'static str,
    /// The unit it belongs to (`showers`, `kitchen`, `pool`, ...).
    pub node: &'static str,
    /// In words.
    pub label: &'static str,
    /// Cold water, m3/yr.
    pub cold: f64,
    /// Hot water, m3/yr.
    pub hot: f64,
}

impl EndUse {
    /// Cold and hot water, m3/yr.
    pub fn total(&self) -> f64 {
        self.cold + self.hot
    }

    /// The id of its cold or hot supply.
    pub fn stream(&self, hot: bool) -> String {
        format!("{}_{}", self.key, if hot { "hot" } else { "cold" })
    }
}

/// Guest-nights per year: given, or rooms × occupancy × operating days × guests per room.
pub fn guest_nights(ctx: &Context<'_>, t: &HotelTemplate) -> f64 {
    match (t.guest_nights, &t.occupancy) {
        (Some(g), _) => g,
        (None, Some(o)) => {
            t.rooms
                * o.si()
                * f64::from(ctx.schedule.days_per_year)
                * t.guests_per_room.unwrap_or(1.0)
        }
        (None, None) => 0.0,
    }
}

/// The shower flow, the given one or the default (m3/s).
pub(crate) fn shower_flow(t: &HotelTemplate) -> f64 {
    t.showers
        .as_ref()
        .and_then(|s| s.flow.as_ref())
        .map_or(super::sources::WATERSENSE_SHOWERHEAD, |f| f.si())
}

/// The tap flow (m3/s).
pub(crate) fn tap_flow(t: &HotelTemplate) -> f64 {
    t.taps
        .as_ref()
        .and_then(|s| s.flow.as_ref())
        .map_or(super::sources::WATERSENSE_LAVATORY_FAUCET, |f| f.si())
}

/// The WC flush (m3).
pub(crate) fn wc_flush(t: &HotelTemplate) -> f64 {
    t.wcs
        .as_ref()
        .and_then(|s| s.flush.as_ref())
        .map_or(super::sources::WATERSENSE_TOILET, |f| f.si())
}

/// The pre-rinse spray valve flow (m3/s).
pub(crate) fn spray_flow(t: &HotelTemplate) -> f64 {
    t.kitchen
        .as_ref()
        .and_then(|s| s.spray_valve_flow.as_ref())
        .map_or(super::sources::WATERSENSE_PRE_RINSE_SPRAY_VALVE, |f| f.si())
}

/// The end uses of `t`, m3 per year (those with no water left out).
pub fn end_uses(ctx: &Context<'_>, t: &HotelTemplate) -> Vec<EndUse> {
    let gn = guest_nights(ctx, t);
    let days = f64::from(ctx.schedule.days_per_year);
    let mut out = Vec::new();
    let mut push = |key, node, label, total: f64, hot_share: f64| {
        if total > 0.0 {
            out.push(EndUse {
                key,
                node,
                label,
                cold: total * (1.0 - hot_share),
                hot: total * hot_share,
            });
        }
    };
    if let Some(s) = &t.showers {
        // guest-nights × showers per guest-night × minutes × flow
        let v = gn * s.uses * s.minutes.si() * shower_flow(t);
        push(
            "showers",
            "showers",
            "guest-room showers",
            v,
            s.hot_share.si(),
        );
    }
    if let Some(s) = &t.taps {
        let v = gn * s.minutes.si() * tap_flow(t);
        push("taps", "taps", "guest-room taps", v, s.hot_share.si());
    }
    if let Some(w) = &t.wcs {
        push("wcs", "wcs", "WCs", gn * w.uses * wc_flush(t), 0.0);
    }
    if let Some(l) = &t.laundry {
        // kg/guest-night × m3/kg
        let v = gn * l.linen.si() * l.water.si();
        push("laundry", "laundry", "laundry", v, l.hot_share.si());
    }
    if let Some(k) = &t.kitchen {
        if let Some(w) = &k.water_per_cover {
            let v = days * k.covers * w.si();
            push(
                "kitchen",
                "kitchen",
                "kitchen and dishwashing",
                v,
                k.hot_share.si(),
            );
        }
        if let Some(m) = &k.spray_valve_minutes {
            let v = days * m.si() * spray_flow(t);
            push(
                "spray_valves",
                "kitchen",
                "pre-rinse spray valves",
                v,
                k.hot_share.si(),
            );
        }
    }
    if let Some(p) = &t.pool {
        push(
            "pool_makeup",
            "pool",
            "pool evaporation make-up",
            days * p.area.si() * p.evaporation.si(),
            0.0,
        );
        if let Some(b) = &p.backwash {
            push(
                "pool_backwash",
                "pool",
                "pool filter backwash",
                days * b.si(),
                0.0,
            );
        }
    }
    if let Some(c) = tower(ctx, t, None).ok().flatten() {
        push(
            "cooling_tower",
            "cooling_tower",
            "cooling tower make-up",
            c.makeup.value * tower_seconds(ctx, t),
            0.0,
        );
    }
    if let Some(i) = &t.irrigation {
        push(
            "irrigation",
            "irrigation",
            "irrigation",
            days * i.area.si() * i.depth.si(),
            0.0,
        );
    }
    out
}

/// Seconds a year the cooling tower runs: its hours a day, or the schedule's, times the
/// operating days.
pub(crate) fn tower_seconds(ctx: &Context<'_>, t: &HotelTemplate) -> f64 {
    match t.cooling_tower.as_ref().and_then(|c| c.hours.as_ref()) {
        Some(h) => h.si() * f64::from(ctx.schedule.days_per_year),
        None => ctx.schedule.operating_time().si(),
    }
}

/// The cooling tower's water balance (utilities' calculator), with `new_cycles` the savings
/// over its year (none without a tower).
pub(crate) fn tower(
    ctx: &Context<'_>,
    t: &HotelTemplate,
    new_cycles: Option<f64>,
) -> Result<Option<CoolingTower>> {
    let Some(c) = &t.cooling_tower else {
        return Ok(None);
    };
    cooling_tower(
        c.circulation.value(),
        c.range.value(),
        c.cycles,
        c.drift
            .as_ref()
            .map_or(q::Ratio::new::<uom::si::ratio::ratio>(0.0), |d| d.value()),
        new_cycles,
        Some(q::Time::new::<uom::si::time::second>(tower_seconds(ctx, t))),
        None,
    )
    .map(Some)
    .map_err(|e| e.under(&format!("{PATH}.cooling_tower")))
}

/// The lighting's electricity, kWh/yr, as [`crate::utilities::electric::lighting`] gives it
/// with `power` and `control` afterwards (the template's when none): (before, after).
pub(crate) fn lighting_kwh(
    ctx: &Context<'_>,
    t: &HotelTemplate,
    power: Option<f64>,
    control: Option<f64>,
) -> Result<Option<(f64, f64)>> {
    let Some(l) = &t.lighting else {
        return Ok(None);
    };
    let seconds = l.hours.si() * f64::from(ctx.schedule.days_per_year);
    let r = lighting(
        l.fixtures,
        l.power.value(),
        q::Power::new::<uom::si::power::watt>(power.unwrap_or(l.power.si())),
        q::Time::new::<uom::si::time::second>(seconds),
        q::Ratio::new::<uom::si::ratio::ratio>(l.control()),
        q::Ratio::new::<uom::si::ratio::ratio>(control.unwrap_or(l.control())),
    )
    .map_err(|e| e.under(&format!("{PATH}.lighting")))?;
    Ok(Some((
        r.energy_before.get::<uom::si::energy::kilowatt_hour>(),
        r.energy_after.get::<uom::si::energy::kilowatt_hour>(),
    )))
}

/// Solid waste generated, kg/yr, and the share separated today (none without waste figures).
pub(crate) fn waste_kg(ctx: &Context<'_>, t: &HotelTemplate) -> Option<(f64, f64)> {
    t.waste
        .as_ref()
        .map(|w| (guest_nights(ctx, t) * w.per_guest_night.si(), w.separated()))
}

/// The metered water, m3/yr, with its standard uncertainty in m3/yr.
pub fn metered(ctx: &Context<'_>, t: &HotelTemplate) -> Option<(f64, f64)> {
    t.metered_water.as_ref().map(|m| {
        let v = ctx.schedule.per_year(m).value;
        (
            v,
            v * t.metered_uncertainty.as_ref().map_or(0.0, |u| u.si()),
        )
    })
}

/// The unaccounted water, m3/yr: metered − the sum of the end uses (none without a meter
/// reading; negative when the end uses add up to more than the meter).
pub fn unaccounted(ctx: &Context<'_>, t: &HotelTemplate) -> Option<f64> {
    let modelled: f64 = end_uses(ctx, t).iter().map(EndUse::total).sum();
    metered(ctx, t).map(|(m, _)| m - modelled)
}

/// The heater of the hot-water plant.
pub(crate) fn heater(t: &HotelTemplate) -> Option<Heater> {
    let h = t.hot_water.as_ref()?;
    Some(match (h.cop, &h.efficiency) {
        (Some(cop), _) => Heater::HeatPump { cop },
        (None, Some(e)) => Heater::Efficiency {
            efficiency: e.value(),
        },
        (None, None) => return None,
    })
}

/// Fuel or electricity for `hot_m3` of hot water a year, kWh/yr (utilities' hot-water
/// calculator: m·cp·ΔT / efficiency or COP), less the share of the heat from solar
/// collectors.
pub fn hot_water_kwh(t: &HotelTemplate, hot_m3: f64) -> Result<f64> {
    let (Some(h), Some(heater)) = (&t.hot_water, heater(t)) else {
        return Ok(0.0);
    };
    let hw = hot_water(
        q::Volume::new::<uom::si::volume::cubic_meter>(hot_m3),
        q::TemperatureInterval::new::<uom::si::temperature_interval::kelvin>(h.rise()),
        heater,
        None,
    )
    .map_err(|e| Error::out_of_range(format!("{PATH}.hot_water"), hot_m3, e.to_string()))?;
    Ok(hw.energy_in.get::<uom::si::energy::kilowatt_hour>() * (1.0 - h.solar()))
}

fn m3(x: f64) -> String {
    format!("{} m3/yr", format_number(x))
}

/// The baseline flowsheet.
pub(crate) fn flowsheet(ctx: &Context<'_>, t: &HotelTemplate) -> Result<Flowsheet> {
    let uses = end_uses(ctx, t);
    let gn = guest_nights(ctx, t);
    let mut nodes: Vec<Value> =
        vec![json!({"id": "mains", "kind": "source", "name": "water supply (meter)"})];
    let mut streams: Vec<Value> = Vec::new();
    let mut units: Vec<&str> = Vec::new();
    for u in &uses {
        if !units.contains(&u.node) {
            units.push(u.node);
        }
        for (hot, v) in [(false, u.cold), (true, u.hot)] {
            if v > 0.0 {
                streams.push(json!({
                    "id": u.stream(hot), "from": "mains", "to": u.node, "flows": {WATER: m3(v)},
                }));
            }
        }
    }
    let mut ground = false;
    for node in &units {
        nodes.push(json!({"id": node, "kind": "process"}));
        match *node {
            "pool" => {
                ground = true;
                let makeup = uses
                    .iter()
                    .find(|u| u.key == "pool_makeup")
                    .map_or(0.0, EndUse::total);
                let backwash = uses.iter().any(|u| u.key == "pool_backwash");
                if backwash {
                    streams.push(
                        json!({"id": "pool_evaporated", "from": "pool", "to": "ground",
                        "flows": {WATER: m3(makeup)}}),
                    );
                    streams.push(
                        json!({"id": POOL_BACKWASH_DRAIN, "from": "pool", "to": "sewer",
                        "flows": {WATER: "?"}}),
                    );
                } else {
                    streams.push(
                        json!({"id": "pool_evaporated", "from": "pool", "to": "ground",
                        "flows": {WATER: "?"}}),
                    );
                }
            }
            "cooling_tower" => {
                ground = true;
                let c = tower(ctx, t, None)?;
                let seconds = tower_seconds(ctx, t);
                let lost = c.map_or(0.0, |c| (c.evaporation.value + c.drift.value) * seconds);
                streams.push(
                    json!({"id": TOWER_EVAPORATION, "from": "cooling_tower", "to": "ground",
                    "flows": {WATER: m3(lost)}}),
                );
                streams.push(
                    json!({"id": "cooling_tower_blowdown", "from": "cooling_tower", "to": "sewer",
                    "flows": {WATER: "?"}}),
                );
            }
            "irrigation" => {
                ground = true;
                streams.push(
                    json!({"id": "irrigation_losses", "from": "irrigation", "to": "ground",
                    "flows": {WATER: "?"}}),
                );
            }
            _ => streams.push(
                json!({"id": format!("{node}_drain"), "from": node, "to": "sewer",
                "flows": {WATER: "?"}}),
            ),
        }
    }
    if let Some(gap) = unaccounted(ctx, t)
        && gap > 0.0
    {
        // Dripping taps and running WCs: to the sewer.
        nodes.push(json!({"id": "leaks", "kind": "process", "name": "unaccounted water (leaks)"}));
        streams.push(
            json!({"id": UNACCOUNTED, "from": "mains", "to": "leaks", "flows": {WATER: m3(gap)}}),
        );
        streams
            .push(json!({"id": "leakage", "from": "leaks", "to": "sewer", "flows": {WATER: "?"}}));
    }
    let mut components = vec![WATER];
    let mut accounts: Vec<Value> = Vec::new();
    if let Some((kg, separated)) = waste_kg(ctx, t) {
        // Guests bring the waste (a load, not bought); the sorting area sends what is not
        // separated to disposal, priced as `solid_waste`.
        components.push(SOLID_WASTE);
        nodes.push(json!({"id": "guests", "kind": "source", "name": "guests and services"}));
        nodes.push(json!({"id": "waste_sorting", "kind": "process", "name": "waste collection and sorting"}));
        nodes.push(json!({"id": "solid_waste", "kind": "solid_waste", "name": "waste disposal"}));
        nodes.push(json!({"id": SEPARATED_NODE, "kind": "solid_waste", "name": "composting and recycling"}));
        let kgs = |x: f64| format!("{} kg/yr", format_number(x));
        streams.push(
            json!({"id": "waste_generated", "from": "guests", "to": "waste_sorting",
            "flows": {SOLID_WASTE: kgs(kg)}}),
        );
        streams.push(
            json!({"id": "waste_disposed", "from": "waste_sorting", "to": "solid_waste",
            "flows": {SOLID_WASTE: "?"}}),
        );
        streams.push(
            json!({"id": SEPARATED, "from": "waste_sorting", "to": SEPARATED_NODE,
            "flows": {SOLID_WASTE: kgs(kg * separated)}}),
        );
        accounts.push(json!({"node": "guests", "component": SOLID_WASTE}));
        if ctx.prices.contains_key(SEPARATED_NODE) {
            accounts.push(json!({"node": SEPARATED_NODE, "component": SOLID_WASTE, "resource": SEPARATED_NODE}));
        } else {
            accounts.push(json!({"node": SEPARATED_NODE, "component": SOLID_WASTE}));
        }
    }
    if streams.is_empty() {
        return Err(Error::MissingField {
            path: format!("{PATH}.showers (or another end use)"),
        });
    }
    nodes.push(json!({"id": "sewer", "kind": "wastewater"}));
    if ground {
        nodes.push(
            json!({"id": "ground", "kind": "emission", "name": "evaporation and infiltration"}),
        );
    }
    let mut energy = Vec::new();
    let mut devices = serde_json::Map::new();
    let hot: f64 = uses.iter().map(|u| u.hot).sum();
    if hot > 0.0
        && let Some(h) = &t.hot_water
    {
        nodes.push(json!({"id": WATER_HEATER, "kind": "process", "name": "hot-water plant"}));
        let follows: Vec<String> = uses
            .iter()
            .filter(|u| u.hot > 0.0)
            .map(|u| u.stream(true))
            .collect();
        let kwh = hot_water_kwh(t, hot)?;
        energy.push(json!({
            "id": HOT_WATER_ENERGY, "to": WATER_HEATER, "carrier": h.carrier().key(),
            "amount": format!("{} kWh/yr", format_number(kwh)), "follows": follows,
        }));
        let device = match (h.cop, &h.efficiency) {
            (Some(cop), _) => json!({"cop": format_number(cop)}),
            (None, Some(e)) => json!({"efficiency": e.to_string()}),
            (None, None) => json!({}),
        };
        devices.insert(WATER_HEATER.into(), device);
    }
    if let Some(l) = &t.laundry
        && let Some(e) = &l.electricity
        && units.contains(&"laundry")
    {
        // kg/guest-night × J/kg → kWh/yr
        let kwh = gn * l.linen.si() * e.si() / 3.6e6;
        energy.push(json!({
            "id": LAUNDRY_ELECTRICITY, "to": "laundry", "carrier": Carrier::Electricity.key(),
            "amount": format!("{} kWh/yr", format_number(kwh)),
        }));
    }
    if let Some((kwh, _)) = lighting_kwh(ctx, t, None, None)? {
        // The flowsheet has no unit for the lighting (a unit needs streams): its electricity
        // is booked on the first end use's unit, and only the lighting options change it.
        let first = units
            .first()
            .copied()
            .or(t.waste.as_ref().map(|_| "waste_sorting"));
        let Some(first) = first else {
            return Err(Error::MissingField {
                path: format!("{PATH}.showers (or another end use, to carry the lighting)"),
            });
        };
        energy.push(json!({
            "id": LIGHTING, "to": first, "carrier": Carrier::Electricity.key(),
            "amount": format!("{} kWh/yr", format_number(kwh)),
        }));
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
        message: format!("the generated flowsheet is invalid ({e}); please report this"),
    })?;
    fs.validate(ctx.schedule)?;
    Ok(fs)
}
