//! The catalogue of cleaner-production options for a hospital: each turns the site's figures
//! into edits of the generated flowsheet (or, for steam traps, a utilities model).
//!
//! Effect sizes and costs come from the site (an estimate or a supplier's quote); the one
//! published default is WHO's 15 % hazardous share, the segregation programme's target
//! ([`super::sources::WHO_HAZARDOUS_SHARE`]). An option that needs a figure nobody gave is an
//! error naming it.

use uom::si::f64 as q;

use super::baseline::{self, EndUse, MERCURY, MERCURY_STREAM, MISPLACED, WATER};
use super::sources;
use super::template::{CatalogueChoice, CatalogueId, Category, HospitalTemplate, PATH};
use crate::error::{Error, Result};
use crate::flowsheet::Flow;
use crate::options::{Category as OptionCategory, CpOption, Effect, EffectKind};
use crate::sections::Context;
use crate::sectors::fields::ratio;
use crate::units::{Measured, format_number};

// The type is defined with the template's figures (`template.rs`); its catalogue logic stays here.
impl CatalogueId {
    /// Snake-case name, also the id of the generated option.
    pub fn key(self) -> &'static str {
        match self {
            CatalogueId::WasteSegregation => "waste_segregation",
            CatalogueId::SteriliserRetrofit => "steriliser_retrofit",
            CatalogueId::SteamTraps => "steam_traps",
            CatalogueId::LowFlowFixtures => "low_flow_fixtures",
            CatalogueId::LaundryReuse => "laundry_reuse",
            CatalogueId::MercuryFree => "mercury_free",
            CatalogueId::CondensateReturn => "condensate_return",
            CatalogueId::BlowdownRecovery => "blowdown_recovery",
            CatalogueId::RoRejectReuse => "ro_reject_reuse",
            CatalogueId::AutoclaveTreatment => "autoclave_treatment",
            CatalogueId::MicrowaveTreatment => "microwave_treatment",
            CatalogueId::LedLighting => "led_lighting",
            CatalogueId::LightingControls => "lighting_controls",
        }
    }

    /// The treatment route an alternative-treatment option sends waste to.
    pub fn treatment(self) -> Option<&'static str> {
        match self {
            CatalogueId::AutoclaveTreatment => Some("autoclave"),
            CatalogueId::MicrowaveTreatment => Some("microwave"),
            _ => None,
        }
    }

    /// The utilities model kind a steam-plant option takes.
    fn model_kind(self) -> Option<&'static str> {
        match self {
            CatalogueId::SteamTraps => Some("steam_trap"),
            CatalogueId::CondensateReturn => Some("condensate_return"),
            CatalogueId::BlowdownRecovery => Some("blowdown"),
            _ => None,
        }
    }

    fn title(self) -> &'static str {
        match self {
            CatalogueId::WasteSegregation => "Waste segregation programme",
            CatalogueId::SteriliserRetrofit => "Steriliser water retrofit",
            CatalogueId::SteamTraps => "Steam-trap survey and repair",
            CatalogueId::LowFlowFixtures => "Low-flow fixtures in the wards",
            CatalogueId::LaundryReuse => "Laundry rinse-water reuse",
            CatalogueId::MercuryFree => "Mercury-free thermometers and sphygmomanometers",
            CatalogueId::CondensateReturn => "Condensate return",
            CatalogueId::BlowdownRecovery => "Boiler blowdown heat recovery",
            CatalogueId::RoRejectReuse => "Dialysis RO reject reuse",
            CatalogueId::AutoclaveTreatment => "Autoclave instead of incineration",
            CatalogueId::MicrowaveTreatment => "Microwave treatment instead of incineration",
            CatalogueId::LedLighting => "LED lighting",
            CatalogueId::LightingControls => "Occupancy lighting controls",
        }
    }

    fn category(self) -> OptionCategory {
        match self {
            CatalogueId::WasteSegregation | CatalogueId::SteamTraps => {
                OptionCategory::GoodHousekeeping
            }
            CatalogueId::SteriliserRetrofit | CatalogueId::LowFlowFixtures => {
                OptionCategory::EquipmentModification
            }
            CatalogueId::LaundryReuse | CatalogueId::RoRejectReuse => {
                OptionCategory::OnSiteRecovery
            }
            CatalogueId::MercuryFree => OptionCategory::InputSubstitution,
            CatalogueId::CondensateReturn | CatalogueId::BlowdownRecovery => {
                OptionCategory::OnSiteRecovery
            }
            CatalogueId::AutoclaveTreatment
            | CatalogueId::MicrowaveTreatment
            | CatalogueId::LedLighting => OptionCategory::TechnologyChange,
            CatalogueId::LightingControls => OptionCategory::BetterProcessControl,
        }
    }
}

fn scale(stream: &str, component: &str, factor: f64) -> Effect {
    Effect {
        stream: Some(stream.to_string()),
        component: Some(component.to_string()),
        factor: Some(ratio(factor)),
        ..Effect::new(EffectKind::Scale)
    }
}

/// The general waste left in hazardous bins by the segregation programme, kg per bed-day,
/// and the general waste there today: the hazardous bins then hold `target` of the waste
/// (none left when the hazardous categories alone reach it).
pub fn segregation(t: &HospitalTemplate, target: f64) -> (f64, f64) {
    let (general, hazardous) = t.general_and_hazardous();
    let now = general * t.misplaced();
    let after = (target * (general + hazardous) - hazardous).clamp(0.0, now);
    (after, now)
}

pub(crate) fn options(ctx: &Context<'_>, t: &HospitalTemplate) -> Result<Vec<CpOption>> {
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

fn option(
    ctx: &Context<'_>,
    t: &HospitalTemplate,
    c: &CatalogueChoice,
    path: &str,
) -> Result<CpOption> {
    let days = ctx.schedule.days_per_year;
    let share = |name: &str, v: &Option<Measured<q::Ratio>>, why: &str| -> Result<f64> {
        let v = v.as_ref().ok_or_else(|| Error::MissingField {
            path: format!("{path}.{name}"),
        })?;
        let x = v.si();
        if (0.0..=1.0).contains(&x) {
            Ok(x)
        } else {
            Err(Error::out_of_range(
                format!("{path}.{name}"),
                v,
                why.to_string(),
            ))
        }
    };
    let service = |u: EndUse| -> Result<()> {
        if baseline::water_m3(t, u, days).is_some() {
            Ok(())
        } else {
            Err(Error::MissingField {
                path: format!("{PATH}.{}", u.key()),
            })
        }
    };
    if c.capex.is_none() {
        return Err(Error::MissingField {
            path: format!("{path}.capex"),
        });
    }
    let mut model = None;
    let effects = match c.id {
        CatalogueId::WasteSegregation => {
            if t.misplaced() <= 0.0 {
                return Err(Error::MissingField {
                    path: format!("{PATH}.waste.general_in_hazardous"),
                });
            }
            let target = match &c.target {
                None => sources::WHO_HAZARDOUS_SHARE.high,
                Some(_) => share(
                    "target",
                    &c.target,
                    "must be from 0 % to 100 % of the waste",
                )?,
            };
            let (after, now) = segregation(t, target);
            if after >= now {
                return Err(Error::out_of_range(
                    format!("{path}.target"),
                    format!("{} %", format_number(target * 100.0)),
                    "is already reached: the hazardous bins hold no more than that share of the waste today",
                ));
            }
            let kg = after * t.bed_days(days);
            let text = format!("{} kg/yr", format_number(kg));
            let flow = Flow::parse(&text).map_err(|p| Error::unit(path, &text, p))?;
            vec![Effect {
                stream: Some(MISPLACED.to_string()),
                component: Some(Category::General.component().to_string()),
                flow: Some(flow),
                ..Effect::new(EffectKind::Set)
            }]
        }
        CatalogueId::SteriliserRetrofit => {
            service(EndUse::SterileServices)?;
            let ejector = t
                .sterile_services
                .as_ref()
                .and_then(|s| s.ejector_share.as_ref())
                .ok_or_else(|| Error::MissingField {
                    path: format!("{PATH}.sterile_services.ejector_share"),
                })?
                .si();
            let s = share(
                "saving",
                &c.saving,
                "must be from 0 % to 100 % of the ejector and tempering water",
            )?;
            vec![scale(
                &baseline::water_in(EndUse::SterileServices),
                WATER,
                1.0 - ejector * s,
            )]
        }
        CatalogueId::SteamTraps | CatalogueId::CondensateReturn | CatalogueId::BlowdownRecovery => {
            let kind = c.id.model_kind().unwrap_or("steam_trap");
            let mut m = c.model.clone().ok_or_else(|| Error::MissingField {
                path: format!("{path}.model"),
            })?;
            if m.kind != kind {
                return Err(Error::out_of_range(
                    format!("{path}.model.kind"),
                    &m.kind,
                    format!("must be \"{kind}\""),
                ));
            }
            // The fuel saved comes off the boiler's fuel input unless the model says where.
            if m.energy.is_none() && m.fuel.is_none() && t.boiler.is_some() {
                m.energy = Some(baseline::BOILER_FUEL.to_string());
            }
            model = Some(m);
            Vec::new()
        }
        CatalogueId::RoRejectReuse => {
            service(EndUse::Dialysis)?;
            let to = c.to.as_deref().unwrap_or("wards");
            let target = EndUse::from_key(to)
                .filter(|u| *u != EndUse::Dialysis)
                .ok_or_else(|| Error::UnknownVariant {
                    path: format!("{path}.to"),
                    value: to.to_string(),
                    expected: "wards, sterile_services, laundry, kitchen, laboratories".to_string(),
                })?;
            let fresh = baseline::water_m3(t, target, days).ok_or_else(|| Error::MissingField {
                path: format!("{PATH}.{to} (where the RO reject is reused)"),
            })?;
            let f = share(
                "fraction",
                &c.fraction,
                "must be from 0 % to 100 % of the RO reject",
            )?;
            let reused = f * baseline::reject_m3(t, days).unwrap_or(0.0);
            if reused > fresh {
                return Err(Error::out_of_range(
                    format!("{path}.fraction"),
                    format!("{} %", format_number(f * 100.0)),
                    format!(
                        "reuses {} m3/yr, more than the {} m3/yr of fresh water {to} uses",
                        format_number(crate::units::round_to(reused, 6)),
                        format_number(crate::units::round_to(fresh, 6))
                    ),
                ));
            }
            vec![Effect {
                stream: Some(baseline::RO_REJECT.to_string()),
                component: Some(WATER.to_string()),
                fraction: Some(ratio(f)),
                to: Some(target.key().to_string()),
                replaces: Some(baseline::water_in(target)),
                ..Effect::new(EffectKind::Recycle)
            }]
        }
        CatalogueId::AutoclaveTreatment | CatalogueId::MicrowaveTreatment => {
            let rates = t.waste_rates();
            if rates.is_empty() {
                return Err(Error::MissingField {
                    path: format!("{PATH}.waste.infectious"),
                });
            }
            // Every waste stored for the infectious route that steam or microwaves can treat
            // leaves the store by the new route instead: its outlet to the old route is shut.
            let route = t.waste.route(Category::Infectious).to_string();
            let mut list: Vec<Effect> = rates
                .iter()
                .filter(|(cat, _, _)| {
                    cat.autoclavable() && *cat != Category::General && t.waste.route(*cat) == route
                })
                .map(|(cat, _, _)| scale(&baseline::from_storage(&route), cat.component(), 0.0))
                .collect();
            if t.misplaced() > 0.0 {
                list.push(scale(
                    &baseline::from_storage(&route),
                    Category::General.component(),
                    0.0,
                ));
            }
            // The other alternative route, appraised too, stays empty.
            let moved: Vec<&str> = list.iter().filter_map(|e| e.component.as_deref()).collect();
            let mut hold = Vec::new();
            for other in baseline::alternatives(t) {
                if Some(other) != c.id.treatment() {
                    for component in &moved {
                        hold.push(Effect {
                            stream: Some(baseline::from_storage(other)),
                            component: Some((*component).to_string()),
                            ..Effect::new(EffectKind::Hold)
                        });
                    }
                }
            }
            list.extend(hold);
            list
        }
        CatalogueId::LedLighting | CatalogueId::LightingControls => {
            let l = t.lighting.as_ref().ok_or_else(|| Error::MissingField {
                path: format!("{PATH}.lighting"),
            })?;
            let (power, control) = if c.id == CatalogueId::LedLighting {
                let p = c.power.as_ref().ok_or_else(|| Error::MissingField {
                    path: format!("{path}.power"),
                })?;
                if !(p.si() > 0.0 && p.si() < l.power.si()) {
                    return Err(Error::out_of_range(
                        format!("{path}.power"),
                        p,
                        format!("must be positive and below the present {}", l.power),
                    ));
                }
                (Some(p.si()), None)
            } else {
                let k = c.control.as_ref().ok_or_else(|| Error::MissingField {
                    path: format!("{path}.control"),
                })?;
                if !(k.si() > 0.0 && k.si() < l.control()) {
                    return Err(Error::out_of_range(
                        format!("{path}.control"),
                        k,
                        "must be positive and below the present share of the hours the lamps are on",
                    ));
                }
                (None, Some(k.si()))
            };
            let (before, after) =
                baseline::lighting_kwh(t, days, power, control)?.unwrap_or((1.0, 1.0));
            vec![Effect {
                energy: Some(baseline::LIGHTING.to_string()),
                factor: Some(ratio(if before > 0.0 { after / before } else { 1.0 })),
                ..Effect::new(EffectKind::Scale)
            }]
        }
        CatalogueId::LowFlowFixtures => {
            service(EndUse::Wards)?;
            let s = share(
                "saving",
                &c.saving,
                "must be from 0 % to 100 % of the wards' water",
            )?;
            vec![scale(&baseline::water_in(EndUse::Wards), WATER, 1.0 - s)]
        }
        CatalogueId::LaundryReuse => {
            service(EndUse::Laundry)?;
            let f = share(
                "fraction",
                &c.fraction,
                "must be from 0 % to 100 % of the laundry's wastewater",
            )?;
            vec![Effect {
                stream: Some(baseline::drain(EndUse::Laundry)),
                component: Some(WATER.to_string()),
                fraction: Some(ratio(f)),
                to: Some(EndUse::Laundry.key().to_string()),
                replaces: Some(baseline::water_in(EndUse::Laundry)),
                ..Effect::new(EffectKind::Recycle)
            }]
        }
        CatalogueId::MercuryFree => {
            if t.mercury.is_none() {
                return Err(Error::MissingField {
                    path: format!("{PATH}.mercury"),
                });
            }
            let f = match &c.fraction {
                None => 1.0,
                Some(_) => share(
                    "fraction",
                    &c.fraction,
                    "must be from 0 % to 100 % of the devices",
                )?,
            };
            vec![scale(MERCURY_STREAM, MERCURY, 1.0 - f)]
        }
    };
    if c.id.model_kind().is_none() && c.model.is_some() {
        return Err(Error::out_of_range(
            format!("{path}.model"),
            c.id.key(),
            "is only for steam_traps, condensate_return and blowdown_recovery",
        ));
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
        // An autoclave and a microwave unit are alternatives.
        group: c.id.treatment().map(|_| "treatment".to_string()),
        excludes: Vec::new(),
        status: None,
        actual: None,
    })
}
