//! The catalogue of cleaner-production options for a chrome tannery: each an engineering model
//! that turns the site's figures into edits of the generated flowsheet.
//!
//! Effect sizes and costs come from the site (a consultant's estimate or a supplier's quote)
//! unless the catalogue has a published figure, which is then the default and cited in
//! [`super::sources`]. An option that needs a figure nobody gave is an error naming it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use super::generate::{self, CR2O3, SULPHIDE, WATER};
use super::{CatalogueChoice, PATH, Stage, TanningTemplate, sources};
use crate::error::{Error, Result};
use crate::flowsheet::Flow;
use crate::options::{Capex, Category, CpOption, Effect, EffectKind};
use crate::sections::Context;
use crate::sectors::fields::ratio;
use crate::units::money::Money;
use crate::units::{Measured, format_number};

/// Options of the tanning catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CatalogueId {
    /// Batch washing instead of running-water washing, and shorter floats: less fresh water
    /// in the stages chosen (`saving`, `stages`).
    BatchWashing,
    /// High-exhaustion chrome tanning: the leather takes up as much chrome from a smaller
    /// offer, the exhaustion reaching `exhaustion` (90 % by default); the auxiliaries' cost is
    /// `om_change`.
    HighExhaustion,
    /// Direct recycling of spent chrome floats to the next pickle and tanning (`fraction` of
    /// the float's chrome and water reused, replacing fresh chrome and water).
    ChromeRecycling,
    /// Chrome recovery: the spent float's chrome precipitated (MgO) and redissolved for reuse
    /// (`fraction` recovered); cost from the published recovery plant figures by default.
    ChromeRecovery,
    /// Salt shaken off the wet-salted hides before soaking (`saving`: the share of the salt).
    SaltRemoval,
    /// Recycling of liming and pickling floats (`stages`; `fraction` of each float reused,
    /// replacing fresh water and, in liming, sodium sulphide).
    FloatRecycling,
    /// CO2 deliming: ammonium sulphate replaced by carbon dioxide (`ratio` kg of CO2 per kg,
    /// `saving` the share replaced, all when absent).
    Co2Deliming,
    /// Green fleshing: fleshing before liming, so less lime and sulphide are spent on flesh
    /// (`saving`: the share of the sulphide and of the liming COD avoided).
    GreenFleshing,
    /// Hair-save (enzyme-assisted) unhairing: less sulphide offered and less COD in the lime
    /// float (`saving`).
    HairSave,
    /// Boiler tuning and insulation (`efficiency` afterwards).
    BoilerTuning,
    /// Fleshings sold for rendering (fat, protein) instead of disposed of (`fraction` sold;
    /// priced as `fleshings sold` in `[prices]`).
    FleshingsValorisation,
    /// Shavings sold (leather board, collagen hydrolysate) instead of disposed of (`fraction`
    /// sold; priced as `shavings sold`).
    ShavingsValorisation,
}

impl CatalogueId {
    /// Snake-case name, also the id of the generated option.
    pub fn key(self) -> &'static str {
        match self {
            CatalogueId::BatchWashing => "batch_washing",
            CatalogueId::HighExhaustion => "high_exhaustion",
            CatalogueId::ChromeRecycling => "chrome_recycling",
            CatalogueId::ChromeRecovery => "chrome_recovery",
            CatalogueId::SaltRemoval => "salt_removal",
            CatalogueId::FloatRecycling => "float_recycling",
            CatalogueId::Co2Deliming => "co2_deliming",
            CatalogueId::GreenFleshing => "green_fleshing",
            CatalogueId::HairSave => "hair_save",
            CatalogueId::BoilerTuning => "boiler_tuning",
            CatalogueId::FleshingsValorisation => "fleshings_valorisation",
            CatalogueId::ShavingsValorisation => "shavings_valorisation",
        }
    }

    fn title(self) -> &'static str {
        match self {
            CatalogueId::BatchWashing => "Batch washing instead of running-water washing",
            CatalogueId::HighExhaustion => "High-exhaustion chrome tanning",
            CatalogueId::ChromeRecycling => "Direct recycling of spent chrome floats",
            CatalogueId::ChromeRecovery => "Chrome recovery by precipitation and re-dissolution",
            CatalogueId::SaltRemoval => "Shaking the salt off the hides before soaking",
            CatalogueId::FloatRecycling => "Recycling of liming and pickling floats",
            CatalogueId::Co2Deliming => "CO2 deliming instead of ammonium salts",
            CatalogueId::GreenFleshing => "Green fleshing before liming",
            CatalogueId::HairSave => "Hair-save (enzyme-assisted) unhairing",
            CatalogueId::BoilerTuning => "Boiler tuning and insulation",
            CatalogueId::FleshingsValorisation => "Fleshings sold for rendering",
            CatalogueId::ShavingsValorisation => "Shavings sold as a by-product",
        }
    }

    fn category(self) -> Category {
        match self {
            CatalogueId::BatchWashing => Category::GoodHousekeeping,
            CatalogueId::HighExhaustion => Category::BetterProcessControl,
            CatalogueId::ChromeRecycling | CatalogueId::ChromeRecovery => Category::OnSiteRecovery,
            CatalogueId::SaltRemoval | CatalogueId::BoilerTuning => Category::EquipmentModification,
            CatalogueId::HairSave => Category::TechnologyChange,
            CatalogueId::FleshingsValorisation | CatalogueId::ShavingsValorisation => {
                Category::UsefulByProduct
            }
            CatalogueId::FloatRecycling => Category::OnSiteRecovery,
            CatalogueId::Co2Deliming => Category::InputSubstitution,
            CatalogueId::GreenFleshing => Category::GoodHousekeeping,
        }
    }
}

fn effect(kind: EffectKind) -> Effect {
    Effect::new(kind)
}

fn scale(stream: &str, component: &str, factor: f64) -> Effect {
    Effect {
        stream: Some(stream.to_string()),
        component: Some(component.to_string()),
        factor: Some(ratio(factor)),
        ..effect(EffectKind::Scale)
    }
}

fn recycle(stream: &str, component: &str, fraction: f64, to: &str, replaces: &str) -> Effect {
    Effect {
        stream: Some(stream.to_string()),
        component: Some(component.to_string()),
        fraction: Some(ratio(fraction)),
        to: Some(to.to_string()),
        replaces: Some(replaces.to_string()),
        ..effect(EffectKind::Recycle)
    }
}

pub(crate) fn options(doc: &Context<'_>, t: &TanningTemplate) -> Result<Vec<CpOption>> {
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
            option(doc, t, c, &path)
        })
        .collect()
}

fn option(
    doc: &Context<'_>,
    t: &TanningTemplate,
    c: &CatalogueChoice,
    path: &str,
) -> Result<CpOption> {
    let (per, tonnes) = generate::per_time(t)?;
    let need = |name: &str, v: &Option<Measured<q::Ratio>>, why: &str| -> Result<f64> {
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
    let required_cost = |name: &str, given: bool| -> Result<()> {
        if given {
            Ok(())
        } else {
            Err(Error::MissingField {
                path: format!("{path}.{name}"),
            })
        }
    };
    let water_streams: Vec<Stage> = Stage::ALL
        .into_iter()
        .filter(|s| t.water.m3_per_kg(*s) > 0.0)
        .collect();
    let (_, offered, _) = t.agent();
    let chrome_only = || -> Result<()> {
        if t.tannage == super::Tannage::Chrome {
            Ok(())
        } else {
            Err(Error::out_of_range(
                format!("{path}.id"),
                c.id.key(),
                format!(
                    "applies to chrome tanning, but the tannage is {}",
                    t.tannage.key()
                ),
            ))
        }
    };
    let mut capex = c.capex.clone();
    let mut om_change = c.om_change;
    let effects = match c.id {
        CatalogueId::BatchWashing => {
            let saving = need(
                "saving",
                &c.saving,
                "must be from 0 % to 100 % of the stages' water",
            )?;
            let stages = c.stages.clone().unwrap_or_else(|| water_streams.clone());
            let mut list = Vec::new();
            for (k, s) in stages.iter().enumerate() {
                if stages[..k].contains(s) {
                    return Err(Error::out_of_range(
                        format!("{path}.stages[{k}]"),
                        s.key(),
                        "is listed twice: each stage is counted once",
                    ));
                }
                if !water_streams.contains(s) {
                    return Err(Error::out_of_range(
                        format!("{path}.stages[{k}]"),
                        s.key(),
                        "uses no fresh water in template.tanning.water",
                    ));
                }
                list.push(scale(&generate::water_in(*s), WATER, 1.0 - saving));
            }
            list
        }
        CatalogueId::HighExhaustion => {
            chrome_only()?;
            let new = match &c.exhaustion {
                None => sources::HIGH_EXHAUSTION.low,
                Some(_) => need("exhaustion", &c.exhaustion, "must be from 0 % to 100 %")?,
            };
            if new <= t.exhaustion() {
                return Err(Error::out_of_range(
                    format!("{path}.exhaustion"),
                    format!("{} %", format_number(new * 100.0)),
                    format!(
                        "is not above the present exhaustion ({} %)",
                        format_number(t.exhaustion() * 100.0)
                    ),
                ));
            }
            required_cost("om_change", om_change.is_some())?;
            // The leather takes up as much chrome as before; the offer falls so that the
            // new exhaustion leaves only (1 - e) of it in the float.
            let fixed = offered * t.exhaustion() * tonnes * 1_000.0;
            vec![
                Effect {
                    stream: Some("tanned".to_string()),
                    component: Some(CR2O3.to_string()),
                    ..effect(EffectKind::Hold)
                },
                Effect {
                    stream: Some("chrome_offer".to_string()),
                    component: Some(CR2O3.to_string()),
                    flow: Some(flow(&format!("{} kg/{per}", format_number(fixed / new)))?),
                    ..effect(EffectKind::Set)
                },
            ]
        }
        CatalogueId::ChromeRecycling => {
            chrome_only()?;
            let f = need(
                "fraction",
                &c.fraction,
                "must be from 0 % to 100 % of the spent float",
            )?;
            required_cost("capex", capex.is_some())?;
            let mut list = vec![recycle(
                &generate::float(Stage::Tanning),
                CR2O3,
                f,
                "tanning",
                "chrome_offer",
            )];
            if water_streams.contains(&Stage::Tanning) {
                list.push(recycle(
                    &generate::float(Stage::Tanning),
                    WATER,
                    f,
                    "tanning",
                    &generate::water_in(Stage::Tanning),
                ));
            }
            list
        }
        CatalogueId::ChromeRecovery => {
            chrome_only()?;
            let f = need(
                "fraction",
                &c.fraction,
                "must be from 0 % to 100 % of the spent float's chrome",
            )?;
            if capex.is_none() {
                let mid = (sources::CHROME_RECOVERY_CAPEX_USD.low
                    + sources::CHROME_RECOVERY_CAPEX_USD.high)
                    / 2.0;
                capex = Some(Capex(vec![usd(doc, t, mid, &format!("{path}.capex"))?]));
            }
            if om_change.is_none() {
                om_change = Some(usd(
                    doc,
                    t,
                    sources::CHROME_RECOVERY_OPEX_USD_PER_YEAR,
                    &format!("{path}.om_change"),
                )?);
            }
            vec![recycle(
                &generate::float(Stage::Tanning),
                CR2O3,
                f,
                "tanning",
                "chrome_offer",
            )]
        }
        CatalogueId::SaltRemoval => {
            if t.salt.is_none() {
                return Err(Error::MissingField {
                    path: format!("{PATH}.salt"),
                });
            }
            let s = need("saving", &c.saving, "must be from 0 % to 100 % of the salt")?;
            required_cost("capex", capex.is_some())?;
            vec![scale("soaking_salt", "salt", 1.0 - s)]
        }
        CatalogueId::FloatRecycling => {
            let f = need(
                "fraction",
                &c.fraction,
                "must be from 0 % to 100 % of the float",
            )?;
            required_cost("capex", capex.is_some())?;
            let stages = c
                .stages
                .clone()
                .unwrap_or_else(|| vec![Stage::Liming, Stage::Pickling]);
            let mut list = Vec::new();
            for (k, s) in stages.iter().enumerate() {
                if stages[..k].contains(s) {
                    return Err(Error::out_of_range(
                        format!("{path}.stages[{k}]"),
                        s.key(),
                        "is listed twice: each stage is counted once",
                    ));
                }
                if !water_streams.contains(s) {
                    return Err(Error::out_of_range(
                        format!("{path}.stages[{k}]"),
                        s.key(),
                        "uses no fresh water in template.tanning.water",
                    ));
                }
                let float = generate::float(*s);
                list.push(recycle(&float, WATER, f, s.key(), &generate::water_in(*s)));
                if *s == Stage::Liming && t.sulphide_offer.is_some() {
                    list.push(recycle(&float, SULPHIDE, f, s.key(), "sulphide_offer"));
                }
            }
            list
        }
        CatalogueId::Co2Deliming => {
            if t.ammonium_offer.is_none() {
                return Err(Error::MissingField {
                    path: format!("{PATH}.ammonium_offer"),
                });
            }
            let r = c.ratio.as_ref().ok_or_else(|| Error::MissingField {
                path: format!("{path}.ratio"),
            })?;
            let share = match &c.saving {
                None => 1.0,
                Some(_) => need(
                    "saving",
                    &c.saving,
                    "must be from 0 % to 100 % of the ammonium salts",
                )?,
            };
            required_cost("capex", capex.is_some())?;
            vec![Effect {
                stream: Some("ammonium_offer".to_string()),
                component: Some(generate::AMMONIUM.to_string()),
                by: Some(generate::CO2.to_string()),
                ratio: Some(r.clone()),
                fraction: Some(ratio(share)),
                ..effect(EffectKind::Substitute)
            }]
        }
        CatalogueId::HairSave | CatalogueId::GreenFleshing => {
            let s = need("saving", &c.saving, "must be from 0 % to 100 %")?;
            if c.id == CatalogueId::HairSave {
                required_cost("om_change", om_change.is_some())?;
            } else {
                required_cost("capex", capex.is_some())?;
            }
            let mut list = Vec::new();
            if t.sulphide_offer.is_some() {
                list.push(scale("sulphide_offer", SULPHIDE, 1.0 - s));
            }
            if t.cod.as_ref().and_then(|c| c.get(Stage::Liming)).is_some() {
                list.push(scale("liming_cod", "COD", 1.0 - s));
            }
            if list.is_empty() {
                return Err(Error::MissingField {
                    path: format!("{PATH}.sulphide_offer"),
                });
            }
            list
        }
        CatalogueId::FleshingsValorisation => {
            let Some(fl) = &t.fleshings else {
                return Err(Error::MissingField {
                    path: format!("{PATH}.fleshings"),
                });
            };
            let f = need(
                "fraction",
                &c.fraction,
                "must be from 0 % to 100 % of the fleshings",
            )?;
            let kg = fl.si() * f * tonnes * 1_000.0;
            vec![set_flow("fleshings_sold", generate::FLESHINGS, kg, &per)?]
        }
        CatalogueId::ShavingsValorisation => {
            let Some(sh) = &t.shavings else {
                return Err(Error::MissingField {
                    path: format!("{PATH}.shavings"),
                });
            };
            let f = need(
                "fraction",
                &c.fraction,
                "must be from 0 % to 100 % of the shavings",
            )?;
            let mass = sh.si() * tonnes * 1_000.0;
            let mut list = vec![set_flow(
                "shavings_sold",
                generate::SHAVINGS,
                f * mass,
                &per,
            )?];
            if let Some(content) = &t.shavings_cr2o3 {
                let chrome = mass * content.si();
                list.push(set_flow("shavings_sold", CR2O3, f * chrome, &per)?);
                list.push(set_flow(
                    generate::SHAVINGS,
                    CR2O3,
                    (1.0 - f) * chrome,
                    &per,
                )?);
            }
            list
        }
        CatalogueId::BoilerTuning => {
            if t.fuel.is_none() || t.boiler_efficiency.is_none() {
                return Err(Error::MissingField {
                    path: format!("{PATH}.boiler_efficiency"),
                });
            }
            let eta = need("efficiency", &c.efficiency, "must be from 0 % to 100 %")?;
            required_cost("capex", capex.is_some())?;
            vec![Effect {
                node: Some("boiler".to_string()),
                efficiency: Some(ratio(eta)),
                ..effect(EffectKind::Efficiency)
            }]
        }
    };
    Ok(CpOption {
        id: c.id.key().to_string(),
        title: c.id.title().to_string(),
        category: c.id.category(),
        capex,
        om_change,
        lifetime: c.lifetime.clone(),
        salvage: None,
        start: None,
        effects,
        model: None,
        // Recycling the spent float and recovering its chrome use the same float.
        group: matches!(
            c.id,
            CatalogueId::ChromeRecycling | CatalogueId::ChromeRecovery
        )
        .then(|| "spent_chrome_float".to_string()),
        excludes: Vec::new(),
        status: None,
        actual: None,
    })
}

/// A `set` of `component` in `stream` to `kg` per the time unit `per`.
fn set_flow(stream: &str, component: &str, kg: f64, per: &str) -> Result<Effect> {
    Ok(Effect {
        stream: Some(stream.to_string()),
        component: Some(component.to_string()),
        flow: Some(flow(&format!("{} kg/{per}", format_number(kg)))?),
        ..effect(EffectKind::Set)
    })
}

fn flow(text: &str) -> Result<Flow> {
    Flow::parse(text).map_err(|p| Error::unit(PATH, text, p))
}

/// `amount` US dollars in the document's currency (`path`: the figure it replaces).
fn usd(doc: &Context<'_>, t: &TanningTemplate, amount: f64, path: &str) -> Result<Money> {
    if doc.currency.as_str() == "USD" {
        return Ok(Money::new(amount, doc.currency));
    }
    let Some(rate) = &t.usd else {
        return Err(Error::out_of_range(
            format!("{PATH}.usd"),
            "(absent)",
            format!(
                "is needed to convert the catalogue's cost in US dollars to {0}: give the value of one dollar (\"17.5 {0}\"), or give {path}",
                doc.currency
            ),
        ));
    };
    if rate.currency() != doc.currency || rate.amount().is_nan() || rate.amount() <= 0.0 {
        return Err(Error::Currency {
            path: format!("{PATH}.usd"),
            value: rate.to_string(),
            found: rate.currency().to_string(),
            expected: doc.currency.to_string(),
        });
    }
    Ok(Money::new(amount * rate.amount(), doc.currency))
}
