//! The catalogue of cleaner-production options for automotive parts: each option is a change
//! of the template's figures (more rinse stages, less drag-out, a better spray gun, ...); the
//! shops' figures are computed again with it, and the difference becomes edits of the baseline
//! flowsheet: supplies scaled, the outlets that do not change held at their baseline flows.
//!
//! What has no published value (the share of drag-out a recovery rinse returns, of solvent a
//! still recovers, a new transfer efficiency measured on site) comes from the site, and an
//! option without it is an error naming the field. Investments have no default: `capex` is
//! required.

use super::baseline::{
    self, COATING, COMPRESSED_AIR, CONCENTRATE, COOLANT_CONCENTRATE, COOLANT_WATER, EVAPORATION,
    Figures, ON_PARTS, SOLVENT_EMITTED, SOLVENT_SUPPLY, SUMP_CONCENTRATE, SUMP_WATER, WATER,
    stream,
};
use super::plating::{self, TankFigures, water_per_drag_out};
use super::template::{
    Application, AutomotiveChoice, AutomotiveOption, AutomotiveTemplate, PATH, RinseKind,
};
use super::{machining, paint};
use crate::error::{Error, Result};
use crate::options::{Category, CpOption, Effect, EffectKind, OptionModel};
use crate::sections::Context;
use crate::sectors::fields::ratio;
use crate::units::{Measured, format_number};

// The type is defined with the template's figures (`template.rs`); its catalogue logic stays here.
impl AutomotiveOption {
    /// Snake-case name, also the id of the generated option (with `_<tank>` for tank
    /// options).
    pub fn key(self) -> &'static str {
        match self {
            AutomotiveOption::CounterCurrentRinse => "counter_current_rinse",
            AutomotiveOption::SprayRinse => "spray_rinse",
            AutomotiveOption::DragOutReduction => "drag_out_reduction",
            AutomotiveOption::DragOutRecovery => "drag_out_recovery",
            AutomotiveOption::RinseControl => "rinse_control",
            AutomotiveOption::RinseRecycling => "rinse_recycling",
            AutomotiveOption::BathLifeExtension => "bath_life_extension",
            AutomotiveOption::TrivalentChromium => "trivalent_chromium",
            AutomotiveOption::Hvlp => "hvlp",
            AutomotiveOption::AirAssistedAirless => "air_assisted_airless",
            AutomotiveOption::Electrostatic => "electrostatic",
            AutomotiveOption::PowderCoating => "powder_coating",
            AutomotiveOption::SolventRecovery => "solvent_recovery",
            AutomotiveOption::CoolantRecycling => "coolant_recycling",
            AutomotiveOption::ChipWringing => "chip_wringing",
            AutomotiveOption::AirLeaks => "air_leaks",
            AutomotiveOption::AirPressureReduction => "air_pressure_reduction",
        }
    }

    fn title(self) -> &'static str {
        match self {
            AutomotiveOption::CounterCurrentRinse => "Counter-current rinsing",
            AutomotiveOption::SprayRinse => "Spray rinsing",
            AutomotiveOption::DragOutReduction => "Drag-out reduction",
            AutomotiveOption::DragOutRecovery => "Drag-out recovery rinse returning to the bath",
            AutomotiveOption::RinseControl => "Conductivity-controlled rinse flow",
            AutomotiveOption::RinseRecycling => "Rinse water recycling (ion exchange or RO)",
            AutomotiveOption::BathLifeExtension => "Bath life extension",
            AutomotiveOption::TrivalentChromium => "Trivalent for hexavalent chromium",
            AutomotiveOption::Hvlp => "HVLP spray guns",
            AutomotiveOption::AirAssistedAirless => "Air-assisted airless spray",
            AutomotiveOption::Electrostatic => "Electrostatic spray",
            AutomotiveOption::PowderCoating => "Powder coating",
            AutomotiveOption::SolventRecovery => "Gun-cleaning solvent recovery",
            AutomotiveOption::CoolantRecycling => "Metalworking fluid recycling",
            AutomotiveOption::ChipWringing => "Chip wringing",
            AutomotiveOption::AirLeaks => "Compressed-air leak repair",
            AutomotiveOption::AirPressureReduction => "Compressed-air pressure reduction",
        }
    }

    fn category(self) -> Category {
        use AutomotiveOption as O;
        match self {
            O::DragOutReduction | O::RinseControl | O::AirLeaks | O::AirPressureReduction => {
                Category::GoodHousekeeping
            }
            O::DragOutRecovery
            | O::RinseRecycling
            | O::SolventRecovery
            | O::CoolantRecycling
            | O::ChipWringing => Category::OnSiteRecovery,
            O::BathLifeExtension => Category::BetterProcessControl,
            O::TrivalentChromium => Category::InputSubstitution,
            O::Hvlp | O::AirAssistedAirless | O::Electrostatic => Category::TechnologyChange,
            O::PowderCoating => Category::InputSubstitution,
            O::CounterCurrentRinse | O::SprayRinse => Category::EquipmentModification,
        }
    }

    fn on_tank(self) -> bool {
        use AutomotiveOption as O;
        matches!(
            self,
            O::CounterCurrentRinse
                | O::SprayRinse
                | O::DragOutReduction
                | O::DragOutRecovery
                | O::RinseControl
                | O::RinseRecycling
                | O::BathLifeExtension
                | O::TrivalentChromium
        )
    }
}

fn scale(stream: &str, component: Option<&str>, factor: f64) -> Effect {
    Effect {
        stream: Some(stream.to_string()),
        component: component.map(str::to_string),
        factor: Some(ratio(factor)),
        ..Effect::new(EffectKind::Scale)
    }
}

fn hold(stream: &str, component: &str) -> Effect {
    Effect {
        stream: Some(stream.to_string()),
        component: Some(component.to_string()),
        ..Effect::new(EffectKind::Hold)
    }
}

fn differs(a: f64, b: f64) -> bool {
    (a - b).abs() > 1e-12 * (a.abs() + b.abs())
}

/// `after/before`, as a scale edit of `stream` when they differ.
fn scale_if(out: &mut Vec<Effect>, stream: &str, component: Option<&str>, before: f64, after: f64) {
    if before > 0.0 && differs(before, after) {
        out.push(scale(stream, component, after / before));
    }
}

/// The edits that turn the baseline `before` into `after`. Supplies are scaled; an outlet is
/// held only where one option alone changes its unit, so options combine in a portfolio.
pub(crate) fn effects(before: &Figures, after: &Figures) -> Vec<Effect> {
    let mut out = Vec::new();
    if let (Some(b), Some(a)) = (&before.plating, &after.plating) {
        for (tb, ta) in b.tanks.iter().zip(&a.tanks) {
            let n = &tb.name;
            let metal = tb.metal.as_deref().filter(|_| tb.concentration > 0.0);
            scale_if(
                &mut out,
                &stream(n, "rinse_water"),
                Some(WATER),
                tb.rinse_water,
                ta.rinse_water,
            );
            scale_if(
                &mut out,
                &stream(n, "makeup_water"),
                Some(WATER),
                tb.drag_out,
                ta.drag_out,
            );
            scale_if(
                &mut out,
                &stream(n, "renewal_water"),
                Some(WATER),
                tb.dump_water,
                ta.dump_water,
            );
            if let Some(m) = metal {
                scale_if(
                    &mut out,
                    &stream(n, "makeup_metal"),
                    Some(m),
                    tb.metal_drag_out,
                    ta.metal_drag_out,
                );
                scale_if(
                    &mut out,
                    &stream(n, "renewal_metal"),
                    Some(m),
                    tb.metal_dump,
                    ta.metal_dump,
                );
                if b.precipitation.is_some() {
                    // The hydroxide and the cake's water follow the tank's metal.
                    let (r, rd) = (stream(n, "reagent"), stream(n, "renewal_reagent"));
                    scale_if(&mut out, &r, None, tb.metal_drag_out, ta.metal_drag_out);
                    scale_if(&mut out, &rd, None, tb.metal_dump, ta.metal_dump);
                }
            }
        }
    }
    if let (Some(b), Some(a)) = (&before.paint, &after.paint) {
        if b.solids > 0.0 && differs(b.solids, a.solids) {
            out.push(scale(
                COATING,
                Some(baseline::COATING_SOLIDS),
                a.solids / b.solids,
            ));
            out.push(hold(ON_PARTS, baseline::COATING_SOLIDS));
        }
        if b.voc > 0.0 && differs(b.voc, a.voc) {
            out.push(scale(COATING, Some(baseline::VOC), a.voc / b.voc));
        }
        if b.solvent > 0.0 && differs(b.solvent, a.solvent) {
            out.push(scale(SOLVENT_SUPPLY, None, a.solvent / b.solvent));
            if b.solvent_emitted > 0.0 {
                out.push(hold(SOLVENT_EMITTED, baseline::SOLVENT));
            }
        }
    }
    if let (Some(b), Some(a)) = (&before.machining, &after.machining) {
        let c = b.concentration;
        scale_if(&mut out, SUMP_WATER, Some(WATER), b.spent, a.spent);
        scale_if(
            &mut out,
            SUMP_CONCENTRATE,
            Some(CONCENTRATE),
            b.spent,
            a.spent,
        );
        if differs(b.carried, a.carried) {
            let (wb, wa) = (
                b.carried * (1.0 - c) + b.evaporated,
                a.carried * (1.0 - c) + a.evaporated,
            );
            scale_if(&mut out, COOLANT_WATER, Some(WATER), wb, wa);
            scale_if(
                &mut out,
                COOLANT_CONCENTRATE,
                Some(CONCENTRATE),
                b.carried,
                a.carried,
            );
            if b.evaporated > 0.0 {
                out.push(hold(EVAPORATION, WATER));
            }
        }
    }
    out
}

/// The options `t` asks for.
pub(crate) fn options(ctx: &Context<'_>, t: &AutomotiveTemplate) -> Result<Vec<CpOption>> {
    let before = baseline::figures(ctx, t);
    let mut seen = std::collections::HashSet::new();
    t.options
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let path = format!("{PATH}.options[{i}]");
            if !seen.insert((c.id, c.tank.clone())) {
                return Err(Error::out_of_range(
                    format!("{path}.id"),
                    c.id.key(),
                    "is listed twice (for the same tank)",
                ));
            }
            option(ctx, t, &before, c, &path)
        })
        .collect()
}

fn option(
    ctx: &Context<'_>,
    t: &AutomotiveTemplate,
    before: &Figures,
    c: &AutomotiveChoice,
    path: &str,
) -> Result<CpOption> {
    use AutomotiveOption as O;
    let (effects, model) = match c.id {
        O::AirLeaks | O::AirPressureReduction => (Vec::new(), Some(air_model(t, c, path)?)),
        _ => {
            let after = after(ctx, t, before, c, path)?;
            let mut effects = effects(before, &after);
            if c.id == O::TrivalentChromium {
                effects.extend(substitution(t, &after, c, path)?);
            }
            if c.id == O::PowderCoating {
                effects.extend(powder(before, &after, c, path)?);
            }
            if effects.is_empty() {
                return Err(Error::out_of_range(
                    format!("{path}.id"),
                    c.id.key(),
                    "changes nothing in this site's figures",
                ));
            }
            (effects, None)
        }
    };
    if c.capex.is_none() {
        return Err(Error::MissingField {
            path: format!("{path}.capex"),
        });
    }
    let (id, title) = match &c.tank {
        Some(tank) if c.id.on_tank() => (
            format!("{}_{tank}", c.id.key()),
            format!("{} ({tank})", c.id.title()),
        ),
        _ => (c.id.key().to_string(), c.id.title().to_string()),
    };
    Ok(CpOption {
        id,
        title,
        category: c.id.category(),
        capex: c.capex.clone(),
        om_change: c.om_change,
        lifetime: c.lifetime.clone(),
        salvage: None,
        start: None,
        effects,
        model,
        // Spray guns are alternatives to one another.
        group: matches!(
            c.id,
            O::Hvlp | O::AirAssistedAirless | O::Electrostatic | O::PowderCoating
        )
        .then(|| "spray_application".to_string()),
        excludes: Vec::new(),
        status: None,
        actual: None,
    })
}

/// Trivalent chromium's chemistry: the flowsheet still buys the new bath's chromium as the
/// old chemical; it is given back as a saving of the old and charged as the new.
fn substitution(
    t: &AutomotiveTemplate,
    after: &Figures,
    c: &AutomotiveChoice,
    path: &str,
) -> Result<Vec<Effect>> {
    let name = c.tank.as_deref().unwrap_or_default();
    let tank = t
        .plating
        .as_ref()
        .and_then(|p| p.tanks.iter().find(|x| x.name == name));
    let tf = after
        .plating
        .as_ref()
        .and_then(|p| p.tanks.iter().find(|x| x.name == name));
    let (Some(tank), Some(tf)) = (tank, tf) else {
        return Ok(Vec::new());
    };
    let Some(metal) = tank.metal.as_deref() else {
        return Ok(Vec::new());
    };
    let new = c.bought_as.as_deref().ok_or_else(|| Error::MissingField {
        path: format!("{path}.bought_as"),
    })?;
    let new_content = match &c.content {
        Some(x) if x.si() > 0.0 && x.si() <= 1.0 => x.si(),
        Some(x) => {
            return Err(Error::out_of_range(
                format!("{path}.content"),
                x,
                "must be more than 0 % and at most 100 %",
            ));
        }
        None => 1.0,
    };
    let old = tank.bought_as.as_deref().unwrap_or(metal);
    let old_content = tank.content.as_ref().map_or(1.0, |x| x.si());
    let chromium = tf.metal_makeup();
    let saving = |resource: &str, kg: f64| -> Result<Effect> {
        Ok(Effect {
            resource: Some(resource.to_string()),
            amount: Some(format!("{} kg/yr", format_number(kg)).parse()?),
            ..Effect::new(EffectKind::Saving)
        })
    };
    Ok(vec![
        saving(old, chromium / old_content)?,
        saving(new, -chromium / new_content)?,
    ])
}

/// Powder's price: the flowsheet still buys the powder as the liquid coating's solids; it is
/// given back as coating not bought and charged as powder.
fn powder(
    before: &Figures,
    after: &Figures,
    c: &AutomotiveChoice,
    path: &str,
) -> Result<Vec<Effect>> {
    let (Some(b), Some(a)) = (&before.paint, &after.paint) else {
        return Ok(Vec::new());
    };
    let resource = c.bought_as.as_deref().ok_or_else(|| Error::MissingField {
        path: format!("{path}.bought_as"),
    })?;
    let content = if b.coating > 0.0 {
        b.solids / b.coating
    } else {
        1.0
    };
    let saving = |resource: &str, kg: f64| -> Result<Effect> {
        Ok(Effect {
            resource: Some(resource.to_string()),
            amount: Some(format!("{} kg/yr", format_number(kg)).parse()?),
            ..Effect::new(EffectKind::Saving)
        })
    };
    Ok(vec![
        saving("coating", a.solids / content)?,
        saving(resource, -a.solids)?,
    ])
}

/// The compressed-air option's model, its electricity taken off the compressors' input when
/// the machining shop gives it.
fn air_model(t: &AutomotiveTemplate, c: &AutomotiveChoice, path: &str) -> Result<OptionModel> {
    let kinds: &[&str] = match c.id {
        AutomotiveOption::AirLeaks => &["air_leak"],
        _ => &["air_pressure_reduction"],
    };
    let mut m = c.model.clone().ok_or_else(|| Error::MissingField {
        path: format!("{path}.model"),
    })?;
    if !kinds.contains(&m.kind.as_str()) {
        return Err(Error::out_of_range(
            format!("{path}.model.kind"),
            &m.kind,
            format!("must be {} for {}", kinds.join(" or "), c.id.key()),
        ));
    }
    if m.energy.is_none()
        && t.machining
            .as_ref()
            .is_some_and(|x| x.compressed_air.as_ref().is_some_and(|e| e.si() > 0.0))
    {
        m.energy = Some(COMPRESSED_AIR.to_string());
    }
    Ok(m)
}

/// The figures with the choice `c` made.
pub(crate) fn after(
    ctx: &Context<'_>,
    t: &AutomotiveTemplate,
    before: &Figures,
    c: &AutomotiveChoice,
    path: &str,
) -> Result<Figures> {
    use AutomotiveOption as O;
    let missing = |field: &str| Error::MissingField {
        path: format!("{path}.{field}"),
    };
    let shop = |what: &str| Error::MissingField {
        path: format!("{PATH}.{what} (needed by {})", c.id.key()),
    };
    let refuse = |field: &str, value: String, why: String| {
        Error::out_of_range(format!("{path}.{field}"), value, why)
    };
    let recovery = |below_all: bool| -> Result<f64> {
        let r = c.recovery.as_ref().ok_or_else(|| missing("recovery"))?;
        let x = r.si();
        if x > 0.0 && (x < 1.0 || (!below_all && x <= 1.0)) {
            Ok(x)
        } else {
            Err(refuse(
                "recovery",
                r.to_string(),
                if below_all {
                    "must be more than 0 % and below 100 %".to_string()
                } else {
                    "must be more than 0 % and at most 100 %".to_string()
                },
            ))
        }
    };
    let mut out = before.clone();
    if c.id.on_tank() {
        let line = out.plating.as_mut().ok_or_else(|| shop("plating"))?;
        let name = c.tank.as_deref().ok_or_else(|| missing("tank"))?;
        let tf: &mut TankFigures =
            line.tanks
                .iter_mut()
                .find(|x| x.name == name)
                .ok_or_else(|| Error::UnknownReference {
                    path: format!("{path}.tank"),
                    value: name.to_string(),
                    expected: "the name of a tank in template.automotive.plating.tanks".to_string(),
                })?;
        // The ratio the running rinse reaches today, kept by every rinse change: the parts
        // come out as clean as before.
        let overall = tf.ratio / (1.0 - tf.recovery);
        let water = |tf: &TankFigures, ratio: f64| {
            tf.drag_out * water_per_drag_out(tf.kind, tf.stages, tf.efficiency, ratio).0
        };
        match c.id {
            O::CounterCurrentRinse => {
                let n = c.stages.ok_or_else(|| missing("stages"))?;
                if !(2..=6).contains(&n) || n <= tf.stages {
                    return Err(refuse(
                        "stages",
                        n.to_string(),
                        format!(
                            "must be from 2 to 6 and more than the present {} rinse tanks",
                            tf.stages
                        ),
                    ));
                }
                tf.kind = RinseKind::CounterCurrent;
                tf.stages = n;
                tf.efficiency = 1.0;
                tf.rinse_water = water(tf, tf.ratio);
            }
            O::SprayRinse => {
                let e = c.efficiency.as_ref().ok_or_else(|| missing("efficiency"))?;
                if !(e.si() > 0.0 && e.si() <= super::template::SPRAY_EFFICIENCY_MAX) {
                    return Err(refuse(
                        "efficiency",
                        e.to_string(),
                        "must be more than 0 % and at most 1000 % of a running rinse's effect per litre".to_string(),
                    ));
                }
                tf.kind = RinseKind::Spray;
                tf.stages = 1;
                tf.efficiency = e.si();
                tf.rinse_water = water(tf, tf.ratio);
            }
            O::DragOutReduction | O::TrivalentChromium => {
                if c.id == O::TrivalentChromium
                    && (c.concentration.is_none() || c.drag_out.is_some())
                {
                    return Err(missing(
                        "concentration (of the trivalent bath; no drag_out)",
                    ));
                }
                let (d_old, c_old) = (tf.drag_out_per_area, tf.concentration);
                let d_new = match &c.drag_out {
                    Some(d) => {
                        if !(d.si() > 0.0 && d.si() < d_old) {
                            return Err(refuse(
                                "drag_out",
                                d.to_string(),
                                format!(
                                    "must be positive and below the present {} L/m2",
                                    format_number(crate::units::round_to(d_old * 1e3, 4))
                                ),
                            ));
                        }
                        d.si()
                    }
                    None => d_old,
                };
                let c_new = match &c.concentration {
                    Some(x) => {
                        // A new chemistry may run richer; less drag-out may not.
                        let below = x.si() < c_old || c.id == O::TrivalentChromium;
                        if tf.metal.is_none() || !(x.si() > 0.0 && below) {
                            return Err(refuse(
                                "concentration",
                                x.to_string(),
                                "must be positive and below the bath's present metal concentration"
                                    .to_string(),
                            ));
                        }
                        x.si()
                    }
                    None => c_old,
                };
                if c.drag_out.is_none() && c.concentration.is_none() {
                    return Err(missing("drag_out (or concentration)"));
                }
                // The same final rinse concentration: the ratio falls with the bath's.
                let ratio = if c_old > 0.0 {
                    (tf.ratio * c_new / c_old).max(1.0)
                } else {
                    tf.ratio
                };
                tf.drag_out *= d_new / d_old;
                tf.drag_out_per_area = d_new;
                tf.concentration = c_new;
                tf.ratio = ratio;
                tf.rinse_water = water(tf, ratio);
                tf.metal_drag_out = tf.drag_out * c_new * (1.0 - tf.recovery);
                tf.metal_dump = tf.dump_water * c_new;
            }
            O::DragOutRecovery => {
                let f = recovery(true)?;
                if f <= tf.recovery {
                    return Err(refuse(
                        "recovery",
                        format!("{} %", format_number(f * 100.0)),
                        "must be above the present recovery".to_string(),
                    ));
                }
                let ratio = (overall * (1.0 - f)).max(1.0);
                tf.recovery = f;
                tf.ratio = ratio;
                tf.rinse_water = water(tf, ratio);
                tf.metal_drag_out = tf.drag_out * tf.concentration * (1.0 - f);
            }
            O::RinseControl => {
                if !tf.measured || tf.required_water >= tf.rinse_water || tf.required_water.is_nan()
                {
                    return Err(Error::MissingField {
                        path: format!(
                            "{PATH}.plating.tanks ({name}).rinse.flow above what its criterion (ratio or final_concentration) needs, for rinse_control"
                        ),
                    });
                }
                tf.rinse_water = tf.required_water;
            }
            O::RinseRecycling => {
                let f = recovery(false)?;
                tf.rinse_water *= 1.0 - f;
            }
            O::BathLifeExtension => {
                let d = c.dumps.as_ref().ok_or_else(|| missing("dumps"))?;
                let old = tf.dumps;
                let new = plating::yearly(ctx.schedule, d);
                if old <= 0.0 {
                    return Err(shop(&format!("plating.tanks ({name}).dumps")));
                }
                if !(new >= 0.0 && new < old) {
                    return Err(refuse(
                        "dumps",
                        d.to_string(),
                        format!("must be below the present {} a year", format_number(old)),
                    ));
                }
                tf.dumps = new;
                tf.dump_water = new * tf.volume;
                tf.metal_dump = tf.dump_water * tf.concentration;
            }
            _ => {}
        }
        return Ok(out);
    }
    let mut t = t.clone();
    match c.id {
        O::PowderCoating => {
            let mut p = out.paint.clone().ok_or_else(|| shop("paint"))?;
            let te = c
                .transfer_efficiency
                .as_ref()
                .ok_or_else(|| missing("transfer_efficiency"))?;
            if !(te.si() > 0.0 && te.si() <= 1.0) {
                return Err(refuse(
                    "transfer_efficiency",
                    te.to_string(),
                    "must be more than 0 % and at most 100 %".to_string(),
                ));
            }
            // The same film mass on the parts; the powder sprayed is that over the transfer
            // efficiency with reclaim; no VOC.
            p.transfer_efficiency = te.si();
            p.default_te = false;
            p.solids = p.on_parts / te.si();
            p.overspray = p.solids - p.on_parts;
            p.coating = p.solids;
            p.coating_volume = 0.0;
            p.voc = 0.0;
            out.paint = Some(p);
            return Ok(out);
        }
        O::Hvlp | O::AirAssistedAirless | O::Electrostatic => {
            let p = t.paint.as_mut().ok_or_else(|| shop("paint"))?;
            let app = match c.id {
                O::Hvlp => Application::Hvlp,
                O::AirAssistedAirless => Application::AirAssistedAirless,
                _ => Application::Electrostatic,
            };
            let new = match &c.transfer_efficiency {
                Some(x) => x.si(),
                None => app
                    .transfer_efficiency()
                    .ok_or_else(|| missing("transfer_efficiency"))?,
            };
            let old = p.te().unwrap_or(1.0);
            if !(new > old && new <= 1.0) {
                return Err(refuse(
                    "transfer_efficiency",
                    format!("{} %", format_number(new * 100.0)),
                    format!(
                        "must be above the present {} % and at most 100 %",
                        format_number(old * 100.0)
                    ),
                ));
            }
            p.application = app;
            p.transfer_efficiency = Some(ratio(new));
            out.paint = Some(paint::figures(ctx.schedule, p));
        }
        O::SolventRecovery => {
            let f = recovery(false)?;
            let p = t.paint.as_mut().ok_or_else(|| shop("paint"))?;
            let (Some(s), Some(k)) = (&p.cleaning_solvent, &p.solvent_collected) else {
                return Err(shop("paint.cleaning_solvent"));
            };
            if k.si() <= 0.0 {
                return Err(shop("paint.solvent_collected (above 0 %)"));
            }
            // Less bought by what the still returns, f of the collected share k; the
            // evaporated solvent is unchanged.
            let factor = 1.0 - f * k.si();
            let collected = k.si() * (1.0 - f) / factor;
            let per_year = plating::yearly(ctx.schedule, s) * factor;
            p.cleaning_solvent = Some(
                Measured::parse(&format!("{} kg/yr", format_number(per_year))).map_err(|e| {
                    Error::unit(format!("{path}.recovery"), per_year.to_string(), e)
                })?,
            );
            p.solvent_collected = Some(ratio(collected));
            out.paint = Some(paint::figures(ctx.schedule, p));
        }
        O::CoolantRecycling => {
            let m = t.machining.as_mut().ok_or_else(|| shop("machining"))?;
            let n = c.changes.as_ref().ok_or_else(|| missing("changes"))?;
            let (old, new) = (
                plating::yearly(ctx.schedule, &m.changes),
                plating::yearly(ctx.schedule, n),
            );
            if !(new >= 0.0 && new < old) {
                return Err(refuse(
                    "changes",
                    n.to_string(),
                    format!("must be below the present {}", m.changes),
                ));
            }
            m.changes = n.clone();
            out.machining = Some(machining::figures(ctx.schedule, m));
        }
        O::ChipWringing => {
            let f = recovery(false)?;
            let m = t.machining.as_mut().ok_or_else(|| shop("machining"))?;
            let k = m
                .carry_out
                .as_ref()
                .filter(|k| k.si() > 0.0)
                .ok_or_else(|| shop("machining.chips and carry_out"))?;
            m.carry_out = Some(ratio(k.si() * (1.0 - f)));
            out.machining = Some(machining::figures(ctx.schedule, m));
        }
        _ => {}
    }
    Ok(out)
}
