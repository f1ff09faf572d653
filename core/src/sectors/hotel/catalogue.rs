//! The catalogue of cleaner-production options for a hotel: each an engineering model that
//! turns the site's figures into edits of the baseline flowsheet. Water saved in a hot-water
//! stream saves the fuel that heats it (the energy input follows those streams), and its CO2.
//!
//! Defaults are published figures ([`super::sources`]); what has no published value (the
//! share of linen reused, of leaks repaired, of evaporation a cover avoids) comes from the
//! site, and an option without it is an error naming the field.

use super::baseline::{
    self, EndUse, HOT_WATER_ENERGY, LAUNDRY_ELECTRICITY, LIGHTING, POOL_BACKWASH_DRAIN, SEPARATED,
    SOLID_WASTE, TOWER_EVAPORATION, UNACCOUNTED, WATER, WATER_HEATER,
};
use super::sources;
use super::template::{HotelChoice, HotelOption, HotelTemplate, PATH};
use crate::error::{Error, Result};
use crate::options::{Category, CpOption, Effect, EffectKind};
use crate::sections::Context;
use crate::sectors::fields::ratio;
use crate::units::format_number;

// The type is defined with the template's figures (`template.rs`); its catalogue logic stays here.
impl HotelOption {
    /// Snake-case name, also the id of the generated option.
    pub fn key(self) -> &'static str {
        match self {
            HotelOption::LowFlowShowers => "low_flow_showers",
            HotelOption::TapAerators => "tap_aerators",
            HotelOption::LowFlushWcs => "low_flush_wcs",
            HotelOption::LeakProgramme => "leak_programme",
            HotelOption::LinenReuse => "linen_reuse",
            HotelOption::SprayValves => "spray_valves",
            HotelOption::PoolCover => "pool_cover",
            HotelOption::BoilerUpgrade => "boiler_upgrade",
            HotelOption::HeatPump => "heat_pump",
            HotelOption::LedLighting => "led_lighting",
            HotelOption::LightingControls => "lighting_controls",
            HotelOption::WasteSeparation => "waste_separation",
            HotelOption::TowerCycles => "tower_cycles",
            HotelOption::SolarWaterHeating => "solar_water_heating",
        }
    }

    fn title(self) -> &'static str {
        match self {
            HotelOption::LowFlowShowers => "Low-flow shower heads",
            HotelOption::TapAerators => "Tap aerators",
            HotelOption::LowFlushWcs => "Low-flush WCs",
            HotelOption::LeakProgramme => "Leak detection and repair programme",
            HotelOption::LinenReuse => "Towel and linen reuse programme",
            HotelOption::SprayValves => "Efficient pre-rinse spray valves",
            HotelOption::PoolCover => "Pool cover at night",
            HotelOption::BoilerUpgrade => "Boiler upgrade or burner tuning",
            HotelOption::HeatPump => "Heat-pump water heating",
            HotelOption::LedLighting => "LED lighting",
            HotelOption::LightingControls => "Key-card and occupancy lighting controls",
            HotelOption::WasteSeparation => "Waste separation and composting",
            HotelOption::TowerCycles => "Cooling-tower cycles of concentration",
            HotelOption::SolarWaterHeating => "Solar water heating",
        }
    }

    fn category(self) -> Category {
        match self {
            HotelOption::LeakProgramme
            | HotelOption::LinenReuse
            | HotelOption::PoolCover
            | HotelOption::WasteSeparation => Category::GoodHousekeeping,
            HotelOption::TowerCycles => Category::BetterProcessControl,
            HotelOption::HeatPump | HotelOption::SolarWaterHeating | HotelOption::LedLighting => {
                Category::TechnologyChange
            }
            _ => Category::EquipmentModification,
        }
    }
}

fn scale(stream: String, factor: f64) -> Effect {
    Effect {
        stream: Some(stream),
        component: Some(WATER.to_string()),
        factor: Some(ratio(factor)),
        ..Effect::new(EffectKind::Scale)
    }
}

/// The scale edits of the supplies of the end uses with key `key`.
fn scale_use(uses: &[EndUse], key: &str, factor: f64) -> Vec<Effect> {
    uses.iter()
        .filter(|u| u.key == key)
        .flat_map(|u| {
            [(false, u.cold), (true, u.hot)]
                .into_iter()
                .filter(|(_, v)| *v > 0.0)
                .map(|(hot, _)| scale(u.stream(hot), factor))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The scale of the lighting's electricity with `power` or `control` afterwards.
fn lighting_effect(
    ctx: &Context<'_>,
    t: &HotelTemplate,
    power: Option<f64>,
    control: Option<f64>,
) -> Result<Vec<Effect>> {
    let (before, after) = baseline::lighting_kwh(ctx, t, power, control)?.unwrap_or((1.0, 1.0));
    let k = if before > 0.0 { after / before } else { 1.0 };
    Ok(vec![Effect {
        energy: Some(LIGHTING.to_string()),
        factor: Some(ratio(k)),
        ..Effect::new(EffectKind::Scale)
    }])
}

/// The options `t` asks for.
pub(crate) fn options(ctx: &Context<'_>, t: &HotelTemplate) -> Result<Vec<CpOption>> {
    let mut seen = std::collections::HashSet::new();
    t.options
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let path = format!("{PATH}.options[{i}]");
            if !seen.insert(c.id) {
                return Err(Error::out_of_range(
                    format!("{path}.id"),
                    c.id.key(),
                    "is listed twice",
                ));
            }
            option(ctx, t, c, &path)
        })
        .collect()
}

fn option(ctx: &Context<'_>, t: &HotelTemplate, c: &HotelChoice, path: &str) -> Result<CpOption> {
    let uses = baseline::end_uses(ctx, t);
    let has = |key: &str| uses.iter().any(|u| u.key == key);
    let absent = |what: &str| Error::MissingField {
        path: format!("{PATH}.{what} (needed by {})", c.id.key()),
    };
    let share = |name: &str| -> Result<f64> {
        let v = c.saving.as_ref().ok_or_else(|| Error::MissingField {
            path: format!("{path}.{name}"),
        })?;
        let x = v.si();
        if x > 0.0 && x <= 1.0 {
            Ok(x)
        } else {
            Err(Error::out_of_range(
                format!("{path}.{name}"),
                v,
                "must be more than 0 % and at most 100 %",
            ))
        }
    };
    // new / old flow, refusing an option that would not save.
    let factor = |new: f64, old: f64, field: &str, shown: String| -> Result<f64> {
        if new > 0.0 && new < old {
            Ok(new / old)
        } else {
            Err(Error::out_of_range(
                format!("{path}.{field}"),
                shown,
                format!(
                    "must be positive and below the present {} ({}): the option would save nothing",
                    field,
                    format_number(crate::units::round_to(
                        old * if field == "flush" { 1e3 } else { 6e4 },
                        4
                    )) + if field == "flush" { " L" } else { " L/min" }
                ),
            ))
        }
    };
    let flow_or = |default: f64| c.flow.as_ref().map_or(default, |f| f.si());
    let shown_flow = |v: f64| {
        c.flow.as_ref().map_or_else(
            || {
                format!(
                    "{} L/min",
                    format_number(crate::units::round_to(v * 6e4, 4))
                )
            },
            |f| f.to_string(),
        )
    };
    let effects = match c.id {
        HotelOption::LowFlowShowers => {
            if !has("showers") {
                return Err(absent("showers"));
            }
            let new = flow_or(sources::WATERSENSE_SHOWERHEAD);
            let k = factor(new, baseline::shower_flow(t), "flow", shown_flow(new))?;
            scale_use(&uses, "showers", k)
        }
        HotelOption::TapAerators => {
            if !has("taps") {
                return Err(absent("taps"));
            }
            let new = flow_or(sources::WATERSENSE_LAVATORY_FAUCET);
            let k = factor(new, baseline::tap_flow(t), "flow", shown_flow(new))?;
            scale_use(&uses, "taps", k)
        }
        HotelOption::SprayValves => {
            if !has("spray_valves") {
                return Err(absent("kitchen.spray_valve_minutes"));
            }
            let new = flow_or(sources::WATERSENSE_PRE_RINSE_SPRAY_VALVE);
            let k = factor(new, baseline::spray_flow(t), "flow", shown_flow(new))?;
            scale_use(&uses, "spray_valves", k)
        }
        HotelOption::LowFlushWcs => {
            if !has("wcs") {
                return Err(absent("wcs"));
            }
            let new = c
                .flush
                .as_ref()
                .map_or(sources::WATERSENSE_TOILET, |f| f.si());
            let shown = c.flush.as_ref().map_or_else(
                || format!("{} L", format_number(crate::units::round_to(new * 1e3, 4))),
                |f| f.to_string(),
            );
            let k = factor(new, baseline::wc_flush(t), "flush", shown)?;
            scale_use(&uses, "wcs", k)
        }
        HotelOption::LeakProgramme => {
            if !baseline::unaccounted(ctx, t).is_some_and(|g| g > 0.0) {
                return Err(absent("metered_water (above the sum of the end uses)"));
            }
            vec![scale(UNACCOUNTED.to_string(), 1.0 - share("saving")?)]
        }
        HotelOption::LinenReuse => {
            if !has("laundry") {
                return Err(absent("laundry"));
            }
            let k = 1.0 - share("saving")?;
            let mut list = scale_use(&uses, "laundry", k);
            if t.laundry.as_ref().is_some_and(|l| l.electricity.is_some()) {
                list.push(Effect {
                    energy: Some(LAUNDRY_ELECTRICITY.to_string()),
                    factor: Some(ratio(k)),
                    ..Effect::new(EffectKind::Scale)
                });
            }
            list
        }
        HotelOption::PoolCover => {
            if !has("pool_makeup") {
                return Err(absent("pool"));
            }
            let mut list = scale_use(&uses, "pool_makeup", 1.0 - share("saving")?);
            if has("pool_backwash") {
                list.push(Effect {
                    stream: Some(POOL_BACKWASH_DRAIN.to_string()),
                    component: Some(WATER.to_string()),
                    ..Effect::new(EffectKind::Hold)
                });
            }
            list
        }
        HotelOption::BoilerUpgrade => {
            let old = t
                .hot_water
                .as_ref()
                .and_then(|h| h.efficiency.as_ref())
                .filter(|_| uses.iter().any(|u| u.hot > 0.0))
                .ok_or_else(|| absent("hot_water.efficiency"))?;
            let new = c.efficiency.as_ref().ok_or_else(|| Error::MissingField {
                path: format!("{path}.efficiency"),
            })?;
            if !(new.si() > old.si() && new.si() <= 1.0) {
                return Err(Error::out_of_range(
                    format!("{path}.efficiency"),
                    new,
                    format!("must be above the present {old} and at most 100 %"),
                ));
            }
            vec![Effect {
                node: Some(WATER_HEATER.to_string()),
                efficiency: Some(new.clone()),
                ..Effect::new(EffectKind::Efficiency)
            }]
        }
        HotelOption::HeatPump => {
            t.hot_water
                .as_ref()
                .filter(|h| h.cop.is_none() && uses.iter().any(|u| u.hot > 0.0))
                .ok_or_else(|| absent("hot_water.efficiency (a boiler to replace)"))?;
            let cop = c.cop.ok_or_else(|| Error::MissingField {
                path: format!("{path}.cop"),
            })?;
            if !(cop.is_finite() && (1.0..=10.0).contains(&cop)) {
                return Err(Error::out_of_range(
                    format!("{path}.cop"),
                    cop,
                    "must be from 1 to 10 (heat pumps for water heating have seasonal COPs of about 2 to 5)",
                ));
            }
            // The boiler replaced by a heat pump: the heat it delivers (fuel × efficiency)
            // now comes from electricity at the COP. The energy input follows the hot-water
            // streams, so hot water saved by other options applied with it is priced as the
            // heat pump's electricity.
            vec![Effect {
                node: Some(WATER_HEATER.to_string()),
                cop: Some(ratio(cop)),
                ..Effect::new(EffectKind::Efficiency)
            }]
        }
        HotelOption::LedLighting => {
            let old = t
                .lighting
                .as_ref()
                .ok_or_else(|| absent("lighting"))?
                .power
                .clone();
            let new = c.power.as_ref().ok_or_else(|| Error::MissingField {
                path: format!("{path}.power"),
            })?;
            if !(new.si() > 0.0 && new.si() < old.si()) {
                return Err(Error::out_of_range(
                    format!("{path}.power"),
                    new,
                    format!(
                        "must be positive and below the present {old}: the option would save nothing"
                    ),
                ));
            }
            lighting_effect(ctx, t, Some(new.si()), None)?
        }
        HotelOption::LightingControls => {
            let old = t
                .lighting
                .as_ref()
                .ok_or_else(|| absent("lighting"))?
                .control();
            let new = c.control.as_ref().ok_or_else(|| Error::MissingField {
                path: format!("{path}.control"),
            })?;
            if !(new.si() > 0.0 && new.si() < old) {
                return Err(Error::out_of_range(
                    format!("{path}.control"),
                    new,
                    format!(
                        "must be positive and below the present {} %: the option would save nothing",
                        format_number(crate::units::round_to(old * 100.0, 4))
                    ),
                ));
            }
            lighting_effect(ctx, t, None, Some(new.si()))?
        }
        HotelOption::WasteSeparation => {
            let w = t.waste.as_ref().ok_or_else(|| absent("waste"))?;
            let (kg, now) = baseline::waste_kg(ctx, t).unwrap_or((0.0, 0.0));
            let f = c.fraction.as_ref().ok_or_else(|| Error::MissingField {
                path: format!("{path}.fraction"),
            })?;
            // kg/yr × (organic + recyclable) × share of them separated.
            let after = (w.organic.si() + w.recyclable.si()) * f.si();
            if !(f.si() > 0.0 && f.si() <= 1.0 && after > now) {
                return Err(Error::out_of_range(
                    format!("{path}.fraction"),
                    f,
                    format!(
                        "must be at most 100 % and separate more than the {} % of the waste separated today",
                        format_number(crate::units::round_to(now * 100.0, 4))
                    ),
                ));
            }
            let text = format!("{} kg/yr", format_number(kg * after));
            let flow = crate::flowsheet::Flow::parse(&text)
                .map_err(|p| Error::unit(format!("{path}.fraction"), &text, p))?;
            vec![Effect {
                stream: Some(SEPARATED.to_string()),
                component: Some(SOLID_WASTE.to_string()),
                flow: Some(flow),
                ..Effect::new(EffectKind::Set)
            }]
        }
        HotelOption::TowerCycles => {
            let old = t
                .cooling_tower
                .as_ref()
                .ok_or_else(|| absent("cooling_tower"))?
                .cycles;
            let new = c.cycles.ok_or_else(|| Error::MissingField {
                path: format!("{path}.cycles"),
            })?;
            if !(new.is_finite() && new > old && new <= 50.0) {
                return Err(Error::out_of_range(
                    format!("{path}.cycles"),
                    new,
                    format!("must be above the present {old} cycles and at most 50"),
                ));
            }
            let tw = baseline::tower(ctx, t, Some(new))?.ok_or_else(|| absent("cooling_tower"))?;
            let k = tw.new_makeup.map_or(1.0, |m| m.value) / tw.makeup.value;
            let mut list = scale_use(&uses, "cooling_tower", k);
            list.push(Effect {
                stream: Some(TOWER_EVAPORATION.to_string()),
                component: Some(WATER.to_string()),
                ..Effect::new(EffectKind::Hold)
            });
            list
        }
        HotelOption::SolarWaterHeating => {
            let h = t
                .hot_water
                .as_ref()
                .filter(|_| uses.iter().any(|u| u.hot > 0.0))
                .ok_or_else(|| absent("hot_water"))?;
            let new = c.solar_share.as_ref().ok_or_else(|| Error::MissingField {
                path: format!("{path}.solar_share"),
            })?;
            let old = h.solar();
            if !(new.si() > old && new.si() < 1.0) {
                return Err(Error::out_of_range(
                    format!("{path}.solar_share"),
                    new,
                    format!(
                        "must be above the present {} % and below 100 %",
                        format_number(crate::units::round_to(old * 100.0, 4))
                    ),
                ));
            }
            // The plant supplies (1 − solar share) of the heat.
            vec![Effect {
                energy: Some(HOT_WATER_ENERGY.to_string()),
                factor: Some(ratio((1.0 - new.si()) / (1.0 - old))),
                ..Effect::new(EffectKind::Scale)
            }]
        }
    };
    if c.capex.is_none() {
        return Err(Error::MissingField {
            path: format!("{path}.capex"),
        });
    }
    Ok(CpOption {
        id: c.id.key().to_string(),
        title: c.id.title().to_string(),
        category: c.id.category(),
        capex: c.capex.clone(),
        om_change: c.om_change,
        lifetime: c.lifetime.clone(),
        salvage: None,
        start: None,
        effects,
        model: None,
        // A new boiler and a heat pump are alternatives.
        group: matches!(c.id, HotelOption::BoilerUpgrade | HotelOption::HeatPump)
            .then(|| "water_heating".to_string()),
        excludes: Vec::new(),
        status: None,
        actual: None,
    })
}
