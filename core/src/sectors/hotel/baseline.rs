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
use crate::units::format_number;
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
/// calculator: m·cp·ΔT / efficiency or COP).
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
    Ok(hw.energy_in.get::<uom::si::energy::kilowatt_hour>())
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
    let fs = json!({
        "components": [WATER],
        "nodes": nodes,
        "streams": streams,
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
