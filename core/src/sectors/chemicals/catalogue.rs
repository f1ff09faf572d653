//! The catalogue of cleaner-production options for a batch plant: each an engineering model
//! that turns the plant's figures into edits of the baseline flowsheet (and, where energy is
//! added or replaced, a priced change of fuel or electricity).
//!
//! No option has a published default: recovery fractions, purities, latent heats, reflux
//! ratios, yields and shares saved are the site's (or the supplier's) figures, and an option
//! without one is an error naming the field.

use uom::si::f64 as q;

use super::baseline::{self, MATERIALS, WATER, id};
use super::template::{ChemicalsChoice, ChemicalsOption, ChemicalsTemplate, PATH, Product};
use crate::error::{Error, Result};
use crate::flowsheet::Carrier;
use crate::options::{Category, CpOption, Effect, EffectKind, OptionModel, SavingAmount};
use crate::sections::Context;
use crate::sectors::fields::ratio;
use crate::units::{Dimension, Measured, format_number, parse_unit};

// The type is defined with the template's figures (`template.rs`); its catalogue logic stays here.
impl ChemicalsOption {
    /// Snake-case name, also the id of the generated option.
    pub fn key(self) -> &'static str {
        match self {
            ChemicalsOption::SolventRecovery => "solvent_recovery",
            ChemicalsOption::YieldImprovement => "yield_improvement",
            ChemicalsOption::MotherLiquorReuse => "mother_liquor_reuse",
            ChemicalsOption::CampaignScheduling => "campaign_scheduling",
            ChemicalsOption::LowVolumeCleaning => "low_volume_cleaning",
            ChemicalsOption::VentCondenser => "vent_condenser",
            ChemicalsOption::LiquidRingVacuum => "liquid_ring_vacuum",
            ChemicalsOption::CoolingTowerCycles => "cooling_tower_cycles",
        }
    }

    fn title(self) -> &'static str {
        match self {
            ChemicalsOption::SolventRecovery => "Solvent recovery by distillation",
            ChemicalsOption::YieldImprovement => "Yield improvement",
            ChemicalsOption::MotherLiquorReuse => "Mother-liquor reuse",
            ChemicalsOption::CampaignScheduling => "Campaign scheduling to cut cleanings",
            ChemicalsOption::LowVolumeCleaning => "Pigging and high-pressure low-volume cleaning",
            ChemicalsOption::VentCondenser => "Vent condensers (vapour recovery)",
            ChemicalsOption::LiquidRingVacuum => "Liquid-ring vacuum instead of steam ejectors",
            ChemicalsOption::CoolingTowerCycles => "More cooling-tower cycles of concentration",
        }
    }

    fn category(self) -> Category {
        match self {
            ChemicalsOption::SolventRecovery
            | ChemicalsOption::MotherLiquorReuse
            | ChemicalsOption::VentCondenser => Category::OnSiteRecovery,
            ChemicalsOption::YieldImprovement | ChemicalsOption::CoolingTowerCycles => {
                Category::BetterProcessControl
            }
            ChemicalsOption::CampaignScheduling => Category::GoodHousekeeping,
            ChemicalsOption::LowVolumeCleaning => Category::EquipmentModification,
            ChemicalsOption::LiquidRingVacuum => Category::TechnologyChange,
        }
    }
}

fn scale(stream: String, component: &str, factor: f64) -> Effect {
    Effect {
        stream: Some(stream),
        component: Some(component.to_string()),
        factor: Some(ratio(factor)),
        ..Effect::new(EffectKind::Scale)
    }
}

fn scale_energy(energy: String, factor: f64) -> Effect {
    Effect {
        energy: Some(energy),
        factor: Some(ratio(factor)),
        ..Effect::new(EffectKind::Scale)
    }
}

fn recycle(stream: String, component: &str, fraction: f64, to: String, replaces: String) -> Effect {
    Effect {
        stream: Some(stream),
        component: Some(component.to_string()),
        fraction: Some(ratio(fraction)),
        to: Some(to),
        replaces: Some(replaces),
        ..Effect::new(EffectKind::Recycle)
    }
}

/// The options `t` asks for.
pub(crate) fn options(ctx: &Context<'_>, t: &ChemicalsTemplate) -> Result<Vec<CpOption>> {
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

/// The solvent one distillation recovers, per year: what the mother liquors and the spent
/// cleaning solvent carry of `solvent` (kg/yr), by stream, with the unit it returns to and
/// the supply it replaces.
pub(crate) fn solvent_to_waste(
    t: &ChemicalsTemplate,
    products: &[&Product],
    solvent: &str,
) -> Result<Vec<(String, String, String, f64)>> {
    let mut out = Vec::new();
    for p in products {
        let a = baseline::annual(t, p)?;
        for (s, _, _, to_waste, _) in &a.solvents {
            if s == solvent && *to_waste > 0.0 {
                out.push((
                    id(p, "mother_liquor"),
                    id(p, "reactor"),
                    id(p, &format!("{s}_fresh")),
                    *to_waste,
                ));
            }
        }
        if let Some((s, kg)) = &a.cleaning_solvent
            && s == solvent
            && *kg > 0.0
        {
            out.push((
                id(p, "spent_cleaning_solvent"),
                id(p, "cleaning"),
                id(p, "cleaning_solvent"),
                *kg,
            ));
        }
    }
    Ok(out)
}

/// Distillation heat of `distillate` kg/yr: mass × latent heat × (1 + reflux ratio), J/yr.
pub fn distillation_heat(distillate: f64, latent_heat: f64, reflux_ratio: f64) -> f64 {
    distillate * latent_heat * (1.0 + reflux_ratio)
}

/// `joules` of fuel a year more (`-joules` saved), as a saving of the boiler fuel in the unit
/// its price is per.
fn fuel_effect(ctx: &Context<'_>, fuel: Carrier, joules: f64, path: &str) -> Result<Effect> {
    let resource = fuel.key();
    let price = ctx
        .prices
        .get(resource)
        .ok_or_else(|| Error::MissingPrice {
            path: format!("{path}.effects"),
            value: resource.to_string(),
            what: format!("the {resource} the boiler burns"),
        })?;
    let text = match price.dimension() {
        Dimension::Energy => format!("{} kWh/yr", format_number(-joules / 3.6e6)),
        Dimension::Mass => {
            let ncv = fuel.net_calorific_value_per_kg().unwrap_or(f64::NAN);
            format!("{} kg/yr", format_number(-joules / ncv))
        }
        Dimension::GasAmount => {
            let ncv = fuel.net_calorific_value_per_mol().unwrap_or(f64::NAN);
            let mol_per_nm3 = parse_unit("Nm3")
                .ok()
                .and_then(|u| u.to_si(1.0, Dimension::GasAmount).ok())
                .unwrap_or(f64::NAN);
            format!("{} Nm3/yr", format_number(-joules / ncv / mol_per_nm3))
        }
        d => {
            return Err(Error::out_of_range(
                format!("prices.{resource}"),
                price,
                format!(
                    "is a price per {}: price the boiler fuel per energy, mass or gas amount",
                    d.name()
                ),
            ));
        }
    };
    let amount: SavingAmount = text.parse().map_err(|_| {
        Error::out_of_range(
            format!("{PATH}.boiler.fuel"),
            resource,
            "has no default heating value for its price's unit: price it per kWh",
        )
    })?;
    Ok(Effect {
        resource: Some(resource.to_string()),
        amount: Some(amount),
        ..Effect::new(EffectKind::Saving)
    })
}

fn electricity_effect(joules: f64) -> Result<Effect> {
    let amount: SavingAmount = format!("{} kWh/yr", format_number(-joules / 3.6e6)).parse()?;
    Ok(Effect {
        resource: Some("electricity".to_string()),
        amount: Some(amount),
        ..Effect::new(EffectKind::Saving)
    })
}

fn option(
    ctx: &Context<'_>,
    t: &ChemicalsTemplate,
    c: &ChemicalsChoice,
    path: &str,
) -> Result<CpOption> {
    let required = |name: &str| Error::MissingField {
        path: format!("{path}.{name}"),
    };
    let share = |name: &str, v: &Option<Measured<q::Ratio>>| -> Result<f64> {
        let v = v.as_ref().ok_or_else(|| required(name))?;
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
    // The products the option applies to: the one named, or all.
    let products: Vec<&Product> = match &c.product {
        Some(name) => vec![t.products.iter().find(|p| &p.name == name).ok_or_else(|| {
            Error::UnknownReference {
                path: format!("{path}.product"),
                value: name.clone(),
                expected: "the name of a product in template.chemicals.products".to_string(),
            }
        })?],
        None => t.products.iter().collect(),
    };
    let one_product = || -> Result<&Product> {
        match products.as_slice() {
            [p] if c.product.is_some() => Ok(p),
            _ => Err(required("product")),
        }
    };
    let none_applies = |what: &str| {
        Error::out_of_range(
            format!("{path}.id"),
            c.id.key(),
            format!("applies to nothing: no product chosen has {what}"),
        )
    };
    // New yield: materials × old / new, product held.
    let yield_effects = |p: &Product, new: &Measured<q::Ratio>| -> Result<Vec<Effect>> {
        let old = p.yield_.si();
        if !(new.si() > old && new.si() <= 1.0) {
            return Err(Error::out_of_range(
                format!("{path}.yield"),
                new,
                format!("must be above the present {} and at most 100 %", p.yield_),
            ));
        }
        // The materials left must still weigh at least the product.
        let materials: f64 = p.materials.iter().map(|m| m.amount.si()).sum();
        if materials * old / new.si() < p.product.si() * (1.0 - 1e-12) {
            return Err(Error::out_of_range(
                format!("{path}.yield"),
                new,
                format!(
                    "would leave {} kg of materials a batch for {} of product: a yield is no gain in mass (give the yield of the limiting reagent, or check the product and materials)",
                    crate::units::format_significant(materials * old / new.si(), 6),
                    p.product
                ),
            ));
        }
        let mut list: Vec<Effect> = p
            .materials
            .iter()
            .filter(|m| m.amount.si() > 0.0)
            .map(|m| scale(id(p, &format!("{}_in", m.name)), MATERIALS, old / new.si()))
            .collect();
        list.push(Effect {
            stream: Some(id(p, "product")),
            component: Some(MATERIALS.to_string()),
            ..Effect::new(EffectKind::Hold)
        });
        Ok(list)
    };
    let mut model = None;
    let effects: Vec<Effect> = match c.id {
        ChemicalsOption::SolventRecovery => {
            let solvent = c.solvent.as_deref().ok_or_else(|| required("solvent"))?;
            let recovery = share("recovery", &c.recovery)?;
            let purity = share("purity", &c.purity)?;
            let latent = c
                .latent_heat
                .as_ref()
                .ok_or_else(|| required("latent_heat"))?;
            if !(latent.si() > 0.0 && latent.si() < 3.0e6) {
                return Err(Error::out_of_range(
                    format!("{path}.latent_heat"),
                    latent,
                    "must be positive and below 3000 kJ/kg (organic solvents: about 200 to 1200 kJ/kg)",
                ));
            }
            let reflux = c.reflux_ratio.ok_or_else(|| required("reflux_ratio"))?;
            if !(reflux.is_finite() && (0.0..=20.0).contains(&reflux)) {
                return Err(Error::out_of_range(
                    format!("{path}.reflux_ratio"),
                    reflux,
                    "must be from 0 to 20",
                ));
            }
            let boiler = t.boiler.as_ref().ok_or_else(|| Error::MissingField {
                path: format!("{PATH}.boiler (needed by solvent_recovery)"),
            })?;
            let streams = solvent_to_waste(t, &products, solvent)?;
            if streams.is_empty() {
                return Err(Error::out_of_range(
                    format!("{path}.solvent"),
                    solvent,
                    "goes to no waste stream: no mother liquor or spent cleaning solvent carries it",
                ));
            }
            let waste: f64 = streams.iter().map(|s| s.3).sum();
            let heat = distillation_heat(recovery * waste, latent.si(), reflux);
            let mut list: Vec<Effect> = streams
                .into_iter()
                .map(|(s, to, replaces, _)| recycle(s, solvent, recovery * purity, to, replaces))
                .collect();
            list.push(fuel_effect(
                ctx,
                boiler.fuel,
                heat / boiler.efficiency.si(),
                path,
            )?);
            list
        }
        ChemicalsOption::YieldImprovement => {
            let p = one_product()?;
            let new = c.yield_.as_ref().ok_or_else(|| required("yield"))?;
            yield_effects(p, new)?
        }
        ChemicalsOption::MotherLiquorReuse => {
            let p = one_product()?;
            let f = share("fraction", &c.fraction)?;
            let mut list: Vec<Effect> = p
                .solvents
                .iter()
                .filter(|s| s.to_waste.si() > 0.0 && s.charge.si() > 0.0)
                .map(|s| {
                    recycle(
                        id(p, "mother_liquor"),
                        &s.name,
                        f,
                        id(p, "reactor"),
                        id(p, &format!("{}_fresh", s.name)),
                    )
                })
                .collect();
            if let Some(new) = &c.yield_ {
                list.extend(yield_effects(p, new)?);
            }
            if list.is_empty() {
                return Err(none_applies("solvent to waste (or a new yield)"));
            }
            list
        }
        ChemicalsOption::CampaignScheduling | ChemicalsOption::LowVolumeCleaning => {
            let k = 1.0 - share("saving", &c.saving)?;
            let mut list = Vec::new();
            for p in &products {
                let a = baseline::annual(t, p)?;
                if a.cleaning_water > 0.0 {
                    list.push(scale(id(p, "cleaning_water"), WATER, k));
                }
                if let Some((s, kg)) = &a.cleaning_solvent
                    && *kg > 0.0
                {
                    list.push(scale(id(p, "cleaning_solvent"), s, k));
                }
            }
            if list.is_empty() {
                return Err(none_applies("cleaning"));
            }
            list
        }
        ChemicalsOption::VentCondenser => {
            let r = share("recovery", &c.recovery)?;
            let mut list = Vec::new();
            for p in &products {
                for s in &p.solvents {
                    let chosen = c.solvent.as_ref().is_none_or(|x| x == &s.name);
                    if chosen && s.to_air.si() > 0.0 && s.charge.si() > 0.0 {
                        list.push(recycle(
                            id(p, "off_gas"),
                            &s.name,
                            r,
                            id(p, "reactor"),
                            id(p, &format!("{}_fresh", s.name)),
                        ));
                    }
                }
            }
            if list.is_empty() {
                return Err(none_applies("solvent to air"));
            }
            list
        }
        ChemicalsOption::LiquidRingVacuum => {
            let e = c
                .electricity
                .as_ref()
                .ok_or_else(|| required("electricity"))?;
            if !(e.si().is_finite() && e.si() >= 0.0) {
                return Err(Error::out_of_range(
                    format!("{path}.electricity"),
                    e,
                    "must not be negative",
                ));
            }
            let mut list = Vec::new();
            let mut joules = 0.0;
            for p in &products {
                let a = baseline::annual(t, p)?;
                if a.ejector_water > 0.0 {
                    list.push(scale_energy(id(p, "ejector_steam"), 0.0));
                    list.push(scale(id(p, "ejector_water"), WATER, 0.0));
                    joules += e.si() * p.batches;
                }
            }
            if list.is_empty() {
                return Err(none_applies("ejector steam"));
            }
            list.push(electricity_effect(joules)?);
            list
        }
        ChemicalsOption::CoolingTowerCycles => {
            let ct = t
                .cooling_tower
                .as_ref()
                .ok_or_else(|| Error::MissingField {
                    path: format!("{PATH}.cooling_tower (needed by cooling_tower_cycles)"),
                })?;
            let new = c
                .new_cycles
                .as_ref()
                .ok_or_else(|| required("new_cycles"))?;
            if !(new.si() > ct.cycles.si() && new.si().is_finite()) {
                return Err(Error::out_of_range(
                    format!("{path}.new_cycles"),
                    new,
                    format!("must be above the present {} cycles", ct.cycles),
                ));
            }
            let mut inputs = std::collections::BTreeMap::new();
            let mut put = |k: &str, v: String| {
                inputs.insert(k.to_string(), serde_json::Value::String(v));
            };
            put("circulation", ct.circulation.to_string());
            put("range", ct.range.to_string());
            put("cycles", ct.cycles.to_string());
            put("new_cycles", new.to_string());
            if let Some(d) = &ct.dose {
                put("dose", d.to_string());
            }
            if let Some(h) = &ct.hours {
                put("hours", h.to_string());
            }
            model = Some(OptionModel {
                kind: "cooling_tower".to_string(),
                fuel: None,
                energy: None,
                chemical: c.chemical.clone(),
                inputs,
            });
            Vec::new()
        }
    };
    if c.capex.is_none() {
        return Err(required("capex"));
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
        model,
        // Both send the mother liquor's solvent back: alternatives.
        group: matches!(
            c.id,
            ChemicalsOption::SolventRecovery | ChemicalsOption::MotherLiquorReuse
        )
        .then(|| "mother_liquor_solvent".to_string()),
        excludes: Vec::new(),
        status: None,
        actual: None,
    })
}
