//! Indicators per guest-night, before and after the options, against published benchmarks;
//! the end uses and the reconciliation of the metered water; warnings.

use schemars::JsonSchema;
use serde::Serialize;

use super::baseline::{self, WATER};
use super::sources;
use super::template::{HotelTemplate, PATH};
use crate::error::Result;
use crate::flowsheet::NodeKind;
use crate::options::Flows;
use crate::sections::Context;
pub use crate::sectors::indicators::{Class, Indicator, Range};
use crate::units::{format_number, round_to};

/// One end use at the baseline.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EndUseFigure {
    /// Stream prefix (`showers`, `laundry`, ...).
    pub key: String,
    /// In words.
    pub label: String,
    /// Water, m3/yr.
    pub water: f64,
    /// Of which hot, m3/yr.
    pub hot: f64,
    /// Litres per guest-night.
    pub per_guest_night: f64,
}

/// The metered water against the end uses.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Reconciliation {
    /// Metered, m3/yr.
    pub metered: f64,
    /// Its standard uncertainty, m3/yr.
    pub uncertainty: f64,
    /// Sum of the end uses, m3/yr.
    pub modelled: f64,
    /// Metered − modelled, m3/yr (negative when the end uses exceed the meter).
    pub unaccounted: f64,
    /// Unaccounted per metered.
    pub share: f64,
}

/// The hotel's indicators.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct HotelBenchmarks {
    /// Guest-nights per year.
    pub guest_nights: f64,
    /// The end uses at the baseline.
    pub end_uses: Vec<EndUseFigure>,
    /// The metered water against the end uses (none without `metered_water`).
    pub reconciliation: Option<Reconciliation>,
    /// Indicators per guest-night.
    pub indicators: Vec<Indicator>,
    /// Defaults assumed and unusual figures, naming the field, the range and the source.
    pub warnings: Vec<String>,
}

fn litres(m3_per_s: f64) -> String {
    format_number(round_to(m3_per_s * 6e4, 3))
}

/// The benchmarks of the hotel `t` expanded into `flows`.
pub(super) fn benchmarks(
    ctx: &Context<'_>,
    t: &HotelTemplate,
    flows: &Flows<'_>,
) -> Result<HotelBenchmarks> {
    let gn = baseline::guest_nights(ctx, t);
    let fs = flows.flowsheet;
    let w = fs.components.iter().position(|c| c == WATER);
    let source = |id: &str| {
        fs.nodes
            .iter()
            .any(|n| n.id == id && n.kind == NodeKind::Source)
    };
    // Water bought, m3/yr (kg/yr / 1000).
    let bought = |set: &[Vec<Option<f64>>]| -> f64 {
        let Some(w) = w else { return 0.0 };
        fs.streams
            .iter()
            .enumerate()
            .filter(|(_, s)| source(&s.from))
            .filter_map(|(i, _)| set[w][i])
            .sum::<f64>()
            / crate::flowsheet::WATER_DENSITY
    };
    let per_gn = |m3: f64| if gn > 0.0 { m3 * 1_000.0 / gn } else { 0.0 };
    let mut indicators = Vec::new();
    let reference = t.category.water_benchmark();
    let before = per_gn(bought(&flows.before));
    let after = flows.after.as_deref().map(|a| per_gn(bought(a)));
    indicators.push(Indicator::new(
        "water",
        "water bought",
        "L/guest-night",
        before,
        after,
        reference,
    ));
    if !fs.energy.is_empty() {
        let total = |e: &[f64]| e.iter().sum::<f64>() / 3.6e6;
        let kwh = |e: &[f64]| if gn > 0.0 { total(e) / gn } else { 0.0 };
        // Final energy: a heat pump's electricity replaces the fuel of the same input.
        indicators.push(Indicator::new(
            "energy",
            "energy: hot water, laundry, lighting",
            "kWh/guest-night",
            kwh(&flows.energy_before),
            flows.after.as_ref().map(|_| kwh(&flows.energy_after)),
            sources::ENERGY_PER_GUEST_NIGHT,
        ));
        if let Some(a) = &t.floor_area {
            let per_m2 = |e: &[f64]| total(e) / a.si();
            indicators.push(Indicator::new(
                "energy_per_m2",
                "energy per m2 of floor area",
                "kWh/m2/yr",
                per_m2(&flows.energy_before),
                flows.after.as_ref().map(|_| per_m2(&flows.energy_after)),
                sources::ENERGY_PER_M2,
            ));
        }
    }
    if let Some(sw) = fs
        .components
        .iter()
        .position(|c| c == baseline::SOLID_WASTE)
    {
        // kg/yr of solid waste into node `to`.
        let into = |set: &[Vec<Option<f64>>], to: &str| -> f64 {
            fs.streams
                .iter()
                .enumerate()
                .filter(|(_, s)| s.to == to)
                .filter_map(|(i, _)| set[sw][i])
                .sum::<f64>()
        };
        let per = |kg: f64| if gn > 0.0 { kg / gn } else { 0.0 };
        indicators.push(Indicator::new(
            "waste",
            "solid waste generated",
            "kg/guest-night",
            per(into(&flows.before, "waste_sorting")),
            flows
                .after
                .as_deref()
                .map(|a| per(into(a, "waste_sorting"))),
            None,
        ));
        indicators.push(Indicator::new(
            "waste_disposed",
            "unsorted waste disposed of",
            "kg/guest-night",
            per(into(&flows.before, "solid_waste")),
            flows.after.as_deref().map(|a| per(into(a, "solid_waste"))),
            sources::WASTE_DISPOSED_PER_GUEST_NIGHT,
        ));
    }
    let uses = baseline::end_uses(ctx, t);
    let end_uses = uses
        .iter()
        .map(|u| EndUseFigure {
            key: u.key.to_string(),
            label: u.label.to_string(),
            water: u.total(),
            hot: u.hot,
            per_guest_night: per_gn(u.total()),
        })
        .collect();
    let modelled: f64 = uses.iter().map(baseline::EndUse::total).sum();
    let reconciliation = baseline::metered(ctx, t).map(|(metered, uncertainty)| Reconciliation {
        metered,
        uncertainty,
        modelled,
        unaccounted: metered - modelled,
        share: (metered - modelled) / metered,
    });
    let mut warnings = Vec::new();
    let defaulted = |field: &str, given: bool, value: f64, unit: &str, what: &str| {
        (!given).then(|| {
            format!("{PATH}.{field} not given: {value} {unit} assumed, {what}; measure it on site")
        })
    };
    if let Some(s) = &t.showers {
        warnings.extend(defaulted(
            "showers.flow",
            s.flow.is_some(),
            round_to(sources::WATERSENSE_SHOWERHEAD * 6e4, 3),
            "L/min",
            "the WaterSense showerhead maximum (US EPA, WaterSense Specification for Showerheads, 2010, section 4.0)",
        ));
        if let Some(f) = &s.flow
            && f.si() > sources::SHOWER_FLOW_HIGH
        {
            warnings.push(format!(
                "{PATH}.showers.flow: {f} is unusually high: above 20 L/min, twice the former US federal maximum of {} L/min (Energy Policy Act of 1992, to check) and far above the WaterSense maximum of {} L/min; check the measurement",
                litres(sources::FEDERAL_SHOWERHEAD),
                litres(sources::WATERSENSE_SHOWERHEAD)
            ));
        }
    }
    if let Some(s) = &t.taps {
        warnings.extend(defaulted(
            "taps.flow",
            s.flow.is_some(),
            round_to(sources::WATERSENSE_LAVATORY_FAUCET * 6e4, 3),
            "L/min",
            "the WaterSense lavatory faucet maximum (US EPA, WaterSense High-Efficiency Lavatory Faucet Specification, 2007, section 4.0)",
        ));
    }
    if let Some(s) = &t.wcs {
        warnings.extend(defaulted(
            "wcs.flush",
            s.flush.is_some(),
            round_to(sources::WATERSENSE_TOILET * 1e3, 3),
            "L",
            "the WaterSense tank-type toilet maximum (US EPA, WaterSense Specification for Tank-Type Toilets, 2014, section 3.0)",
        ));
    }
    if let Some(k) = &t.kitchen
        && k.spray_valve_minutes.is_some()
    {
        warnings.extend(defaulted(
            "kitchen.spray_valve_flow",
            k.spray_valve_flow.is_some(),
            round_to(sources::WATERSENSE_PRE_RINSE_SPRAY_VALVE * 6e4, 3),
            "L/min",
            "the WaterSense pre-rinse spray valve maximum (US EPA, WaterSense Specification for Commercial Pre-Rinse Spray Valves, 2013, section 4.0)",
        ));
    }
    if t.occupancy.is_some() && t.guests_per_room.is_none() {
        warnings.push(format!(
            "{PATH}.guests_per_room not given: 1 guest per occupied room assumed (no published default); give the hotel's figure"
        ));
    }
    if let Some(r) = &reconciliation {
        if r.unaccounted < 0.0 {
            warnings.push(format!(
                "{PATH}.metered_water: the end uses add up to {} m3/yr, {} m3/yr more than the meter's {} m3/yr: some end-use figure is too high (or the bill is estimated); no unaccounted water is modelled",
                format_number(round_to(r.modelled, 4)),
                format_number(round_to(-r.unaccounted, 4)),
                format_number(round_to(r.metered, 4))
            ));
        } else if r.share > sources::UNACCOUNTED_HIGH {
            warnings.push(format!(
                "{PATH}.metered_water: {} % of the metered water ({} m3/yr) is unaccounted for by the end uses, more than {} % (a judgement of this model): look for leaks or end uses left out",
                format_number(round_to(r.share * 100.0, 3)),
                format_number(round_to(r.unaccounted, 4)),
                format_number(sources::UNACCOUNTED_HIGH * 100.0)
            ));
        }
        if r.uncertainty > 0.0 && r.unaccounted.abs() <= 2.0 * r.uncertainty {
            warnings.push(format!(
                "{PATH}.metered_water: the gap of {} m3/yr is within twice the meter's standard uncertainty ({} m3/yr): not significant",
                format_number(round_to(r.unaccounted, 4)),
                format_number(round_to(r.uncertainty, 4))
            ));
        }
    }
    if let Some(r) = &reference
        && before > 3.0 * r.high
    {
        warnings.push(format!(
            "{PATH}: {} L/guest-night is more than three times the {} ({} L/guest-night; {}): check the figures",
            format_number(round_to(before, 4)),
            r.label,
            r.high,
            r.source
        ));
    }
    if reference.is_none() {
        warnings.push(format!(
            "{PATH}.category: no published water benchmark for {} hotels in this model; water per guest-night is not classified",
            t.category.key()
        ));
    }
    Ok(HotelBenchmarks {
        guest_nights: gn,
        end_uses,
        reconciliation,
        indicators,
        warnings,
    })
}

/// The JSON Schema of [`HotelBenchmarks`].
pub fn benchmarks_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(HotelBenchmarks)).unwrap_or(serde_json::Value::Null)
}
