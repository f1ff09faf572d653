//! The figures of `[template.hospital]` and their checks.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use crate::error::{Error, Result};
use crate::flowsheet::{Carrier, HeatingValue, MeasuredEnergy};
use crate::options::{Capex, OptionModel};
pub use crate::sectors::equipment::Lighting;
use crate::sectors::fields::Fields;
use crate::units::Measured;
use crate::units::money::Money;

/// Where errors about the template point.
pub(crate) const PATH: &str = "template.hospital";

/// A hospital from a few figures (`[template.hospital]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HospitalTemplate {
    /// Beds in service.
    pub beds: f64,
    /// Bed occupancy (`"82 %"`): bed-days per year = beds × occupancy × the schedule's days
    /// per year.
    pub occupancy: Measured<q::Ratio>,
    /// General hospital (default), teaching hospital or clinic.
    #[serde(default, rename = "type")]
    pub kind: HospitalType,
    /// The country's income level, which selects WHO's waste figures.
    pub income: IncomeLevel,
    /// Wards: patient rooms, WCs, showers and taps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wards: Option<Wards>,
    /// Sterile services: steam sterilisers (autoclaves).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sterile_services: Option<SterileServices>,
    /// An on-site laundry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub laundry: Option<Laundry>,
    /// A kitchen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kitchen: Option<Kitchen>,
    /// Laboratories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub laboratories: Option<Laboratories>,
    /// Dialysis (haemodialysis) and its reverse-osmosis water plant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialysis: Option<Dialysis>,
    /// The plant heating the domestic hot water of the wards, laundry and kitchen when it is
    /// not the steam boiler (whose fuel is given from the bills in `boiler`): the hot water
    /// of each end use is its `hot_share` of its water, so water saved saves this energy too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hot_water: Option<HotWater>,
    /// Lighting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lighting: Option<Lighting>,
    /// Health-care waste by WHO category.
    #[serde(default)]
    pub waste: Waste,
    /// The steam boiler (sterilisers, laundry, kitchen, heating): its fuel and how much it
    /// burns; the fuel a steam-trap model saves comes off it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boiler: Option<Boiler>,
    /// Mercury-containing devices (thermometers, sphygmomanometers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mercury: Option<Mercury>,
    /// Options from the catalogue to appraise, with the site's figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<CatalogueChoice>,
}

/// Kinds of hospital.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HospitalType {
    /// A general hospital.
    #[default]
    General,
    /// A teaching hospital.
    Teaching,
    /// A clinic.
    Clinic,
}

/// The World Bank income level of the country, as WHO's waste figures are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IncomeLevel {
    /// High-income country.
    High,
    /// Middle-income country (WHO's fact sheet gives no per-bed figure: give the site's).
    Middle,
    /// Low-income country.
    Low,
}

impl IncomeLevel {
    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            IncomeLevel::High => "high",
            IncomeLevel::Middle => "middle",
            IncomeLevel::Low => "low",
        }
    }
}

/// Wards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wards {
    /// Water per bed-day (`"350 L"`): WCs, showers, taps and cleaning.
    pub water: Measured<q::Volume>,
    /// Share of it that is hot (from `hot_water`); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hot_share: Option<Measured<q::Ratio>>,
}

/// Laboratories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Laboratories {
    /// Water per operating day (`"3 m3"`): rinsing, analysers, distilled-water stills.
    pub water: Measured<q::Volume>,
}

/// Dialysis with its reverse-osmosis (RO) plant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dialysis {
    /// Treatments (sessions) per operating day.
    pub treatments: f64,
    /// RO permeate used per treatment, dialysate and rinsing (`"150 L"`): the maker's figure
    /// or a meter on the permeate loop.
    pub permeate_per_treatment: Measured<q::Volume>,
    /// RO recovery: permeate per feed water (`"50 %"`); the rest is the reject, drained.
    pub recovery: Measured<q::Ratio>,
}

/// The domestic hot-water plant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HotWater {
    /// What it burns (`"lpg"`), priced in `[prices]`; electricity for an electric heater.
    pub fuel: Carrier,
    /// Heat into the water per energy in (`"80 %"`).
    pub efficiency: Measured<q::Ratio>,
    /// Temperature of the hot water (`"60 °C"`).
    pub hot_temperature: Measured<q::ThermodynamicTemperature>,
    /// Temperature of the cold water (`"25 °C"`).
    pub cold_temperature: Measured<q::ThermodynamicTemperature>,
}

/// Sterile services.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SterileServices {
    /// Steriliser cycles per day, all sterilisers together.
    pub cycles: f64,
    /// Water per cycle, including the vacuum pump's ejector and the drain tempering water
    /// (`"600 L"`).
    pub water_per_cycle: Measured<q::Volume>,
    /// Share of the water per cycle that is ejector and tempering water (needed by
    /// `steriliser_retrofit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ejector_share: Option<Measured<q::Ratio>>,
}

/// The laundry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Laundry {
    /// Linen washed per bed-day (`"4 kg"`).
    pub linen: Measured<q::Mass>,
    /// Water per kilogram of linen (`"20 L/kg"`).
    pub water: Measured<q::SpecificVolume>,
    /// Share of it that is hot (from `hot_water`); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hot_share: Option<Measured<q::Ratio>>,
}

/// The kitchen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kitchen {
    /// Meals per day.
    pub meals: f64,
    /// Water per meal, cooking and dishwashing (`"15 L"`).
    pub water_per_meal: Measured<q::Volume>,
    /// Share of it that is hot (from `hot_water`); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hot_share: Option<Measured<q::Ratio>>,
}

/// Health-care waste generated per bed-day by WHO category, the share of general waste
/// thrown into hazardous bins, and where each category goes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waste {
    /// General (non-hazardous) waste per bed-day; when absent and some hazardous waste is
    /// known, the WHO proportion of 85 % general to 15 % hazardous is assumed
    /// ([`super::sources::WHO_HAZARDOUS_SHARE`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<Measured<q::Mass>>,
    /// Infectious waste per bed-day; when no hazardous category is given, WHO's hazardous
    /// waste per bed-day for the income level, where it gives one
    /// ([`super::sources::WHO_HAZARDOUS_HIGH_INCOME`], [`super::sources::WHO_HAZARDOUS_LOW_INCOME`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infectious: Option<Measured<q::Mass>>,
    /// Sharps per bed-day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharps: Option<Measured<q::Mass>>,
    /// Pathological waste per bed-day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pathological: Option<Measured<q::Mass>>,
    /// Pharmaceutical waste per bed-day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pharmaceutical: Option<Measured<q::Mass>>,
    /// Chemical waste per bed-day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chemical: Option<Measured<q::Mass>>,
    /// Radioactive waste per bed-day (nuclear medicine, radiotherapy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radioactive: Option<Measured<q::Mass>>,
    /// Share of the general waste that ends in hazardous bins today (`"40 %"`); none when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general_in_hazardous: Option<Measured<q::Ratio>>,
    /// Where each category goes: its treatment route, a solid-waste node of that name priced
    /// per tonne under that name in `[prices]` (`"incineration"`, `"autoclave"`,
    /// `"microwave"`, `"landfill"`, ...: the site's contracts). General waste goes to
    /// `solid_waste` and every hazardous category to `hazardous_waste` unless named here.
    #[serde(default)]
    pub routes: Routes,
}

/// The solid-waste node (and price name) of each category.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Routes {
    /// General waste (`solid_waste` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<String>,
    /// Infectious waste (`hazardous_waste` when absent); general waste thrown into
    /// hazardous bins goes here too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infectious: Option<String>,
    /// Sharps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharps: Option<String>,
    /// Pathological waste.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pathological: Option<String>,
    /// Pharmaceutical waste.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pharmaceutical: Option<String>,
    /// Chemical waste.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chemical: Option<String>,
    /// Radioactive waste (decay storage, then its route).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radioactive: Option<String>,
}

/// The steam boiler.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Boiler {
    /// The fuel (`"diesel"`), priced in `[prices]`.
    pub fuel: Carrier,
    /// Fuel burnt per time (`"150000 L/yr"`, `"900 Nm3/d"`, `"2000 kWh/d"`), from the bills.
    pub amount: MeasuredEnergy,
    /// Net heating value of the fuel, when it differs from the default or has none (a
    /// volume of liquid fuel needs one: `"36 MJ/L"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heating_value: Option<HeatingValue>,
}

/// Mercury-containing devices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mercury {
    /// Devices in use.
    pub devices: f64,
    /// Mercury per device (`"1 g"` for a clinical thermometer; weigh or take the maker's).
    pub per_device: Measured<q::Mass>,
    /// Share of the devices broken or discarded per year (`"25 %"`), their mercury spilt or
    /// thrown away: the site's records.
    pub discarded: Measured<q::Ratio>,
}

/// Options of the hospital catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CatalogueId {
    /// Waste segregation programme (training, bins, audits): general waste kept out of the
    /// hazardous bins until the hazardous bins hold `target` of the waste (WHO's 15 % when
    /// absent), priced by the treatment route of each bin.
    WasteSegregation,
    /// Steriliser water retrofit (water-saving vacuum pumps, tempering controls): `saving` of
    /// the ejector and tempering water avoided.
    SteriliserRetrofit,
    /// Steam-trap survey and repair: a `steam_trap` utilities model.
    SteamTraps,
    /// Low-flow fixtures in the wards (aerators, showerheads, WCs): `saving` of the wards'
    /// water.
    LowFlowFixtures,
    /// Laundry water reuse (last rinse to the next wash): `fraction` of the laundry's
    /// wastewater reused, replacing fresh water.
    LaundryReuse,
    /// Mercury-free thermometers and sphygmomanometers: `fraction` of the devices replaced
    /// (all when absent), the mercury avoided reported as a load.
    MercuryFree,
    /// More condensate returned to the boiler: a `condensate_return` utilities model (fuel,
    /// water and treatment chemicals saved).
    CondensateReturn,
    /// Heat recovery from the boiler blowdown (flash tank and heat exchanger): a `blowdown`
    /// utilities model.
    BlowdownRecovery,
    /// The RO reject of the dialysis water plant reused (`fraction` of it) in another end use
    /// (`to`, the wards by default), replacing its fresh water.
    RoRejectReuse,
    /// An autoclave instead of incineration: the general waste, infectious waste and sharps
    /// of the infectious route go to the `autoclave` route, priced per tonne as `autoclave`;
    /// an alternative to `microwave_treatment`.
    AutoclaveTreatment,
    /// Microwave treatment instead of incineration, as `autoclave_treatment` with the
    /// `microwave` route.
    MicrowaveTreatment,
    /// LED lamps (`power` per fixture afterwards).
    LedLighting,
    /// Occupancy sensors and timers (`control`: share of the hours the lamps stay on
    /// afterwards).
    LightingControls,
}

/// An option from the catalogue, with the site's figures where the option needs them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogueChoice {
    /// Which option.
    pub id: CatalogueId,
    /// `waste_segregation`: the share of hazardous-bin waste in the total reached (WHO's
    /// 15 % when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Measured<q::Ratio>>,
    /// `steriliser_retrofit`: the share of the ejector and tempering water avoided;
    /// `low_flow_fixtures`: the share of the wards' water saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saving: Option<Measured<q::Ratio>>,
    /// `laundry_reuse`: the share of the laundry's wastewater reused; `mercury_free`: the
    /// share of the devices replaced (all when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraction: Option<Measured<q::Ratio>>,
    /// `steam_traps`, `condensate_return`, `blowdown_recovery`: the utilities model (`{ kind =
    /// "steam_trap", pressure = "8 bar(g)", orifice = "3 mm", boiler_efficiency = "80 %",
    /// makeup_temperature = "25 °C" }`; `kind = "condensate_return"`, `kind = "blowdown"`);
    /// the fuel saved comes off the boiler's fuel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<OptionModel>,
    /// `ro_reject_reuse`: the end use the RO reject is reused in (`"wards"`, `"laundry"`,
    /// `"kitchen"`, `"laboratories"`, `"sterile_services"`), replacing its fresh water;
    /// the wards (WC flushing and cleaning) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// `led_lighting`: power per fixture afterwards (`"18 W"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power: Option<Measured<q::Power>>,
    /// `lighting_controls`: share of the hours the lamps stay on afterwards (`"75 %"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control: Option<Measured<q::Ratio>>,
    /// Investment (needed: the catalogue has no published cost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex: Option<Capex>,
    /// Change of operating cost per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_change: Option<Money>,
    /// Useful life; the document's horizon when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Measured<q::Time>>,
}

/// A WHO waste category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// General, non-hazardous waste.
    General,
    /// Infectious waste.
    Infectious,
    /// Sharps.
    Sharps,
    /// Pathological waste.
    Pathological,
    /// Pharmaceutical waste.
    Pharmaceutical,
    /// Chemical waste.
    Chemical,
    /// Radioactive waste.
    Radioactive,
}

impl Category {
    /// Every category, general first.
    pub const ALL: [Category; 7] = [
        Category::General,
        Category::Infectious,
        Category::Sharps,
        Category::Pathological,
        Category::Pharmaceutical,
        Category::Chemical,
        Category::Radioactive,
    ];

    /// Whether steam (autoclave) or microwave treatment suits it: general waste, infectious
    /// waste and sharps, not pathological, pharmaceutical, chemical or radioactive waste (a
    /// rule of this model, as steam treatment is commonly restricted).
    pub fn autoclavable(self) -> bool {
        matches!(
            self,
            Category::General | Category::Infectious | Category::Sharps
        )
    }

    /// Snake-case name, as in `[template.hospital.waste]`.
    pub fn key(self) -> &'static str {
        match self {
            Category::General => "general",
            Category::Infectious => "infectious",
            Category::Sharps => "sharps",
            Category::Pathological => "pathological",
            Category::Pharmaceutical => "pharmaceutical",
            Category::Chemical => "chemical",
            Category::Radioactive => "radioactive",
        }
    }

    /// The flowsheet component.
    pub fn component(self) -> &'static str {
        match self {
            Category::General => "general waste",
            Category::Infectious => "infectious waste",
            Category::Sharps => "sharps",
            Category::Pathological => "pathological waste",
            Category::Pharmaceutical => "pharmaceutical waste",
            Category::Chemical => "chemical waste",
            Category::Radioactive => "radioactive waste",
        }
    }
}

impl Waste {
    /// The figure given for `c`, kg per bed-day.
    pub fn given(&self, c: Category) -> Option<&Measured<q::Mass>> {
        match c {
            Category::General => self.general.as_ref(),
            Category::Infectious => self.infectious.as_ref(),
            Category::Sharps => self.sharps.as_ref(),
            Category::Pathological => self.pathological.as_ref(),
            Category::Pharmaceutical => self.pharmaceutical.as_ref(),
            Category::Chemical => self.chemical.as_ref(),
            Category::Radioactive => self.radioactive.as_ref(),
        }
    }

    /// The solid-waste node of `c`.
    pub fn route(&self, c: Category) -> &str {
        let named = match c {
            Category::General => &self.routes.general,
            Category::Infectious => &self.routes.infectious,
            Category::Sharps => &self.routes.sharps,
            Category::Pathological => &self.routes.pathological,
            Category::Pharmaceutical => &self.routes.pharmaceutical,
            Category::Chemical => &self.routes.chemical,
            Category::Radioactive => &self.routes.radioactive,
        };
        match (named, c) {
            (Some(n), _) => n,
            (None, Category::General) => "solid_waste",
            (None, _) => "hazardous_waste",
        }
    }
}

/// Where a waste figure comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Origin {
    /// The site's figure.
    Given,
    /// WHO's hazardous waste per bed-day for the income level.
    WhoIncome,
    /// WHO's 85 % general to 15 % hazardous.
    WhoProportion,
}

impl HospitalTemplate {
    /// Bed-days per year.
    pub fn bed_days(&self, days_per_year: u32) -> f64 {
        self.beds * self.occupancy.si() * f64::from(days_per_year)
    }

    /// The general and the hazardous waste generated, kg per bed-day (the sums of
    /// [`HospitalTemplate::waste_rates`]).
    pub fn general_and_hazardous(&self) -> (f64, f64) {
        self.waste_rates()
            .iter()
            .fold((0.0, 0.0), |(g, h), (c, kg, _)| {
                if *c == Category::General {
                    (g + kg, h)
                } else {
                    (g, h + kg)
                }
            })
    }

    /// Waste generated per bed-day by category, kg, with where each figure comes from (none
    /// when nothing is known).
    pub fn waste_rates(&self) -> Vec<(Category, f64, Origin)> {
        let mut out: Vec<(Category, f64, Origin)> = Category::ALL[1..]
            .iter()
            .filter_map(|c| self.waste.given(*c).map(|m| (*c, m.si(), Origin::Given)))
            .collect();
        if out.is_empty() {
            let who = match self.income {
                IncomeLevel::High => Some(super::sources::WHO_HAZARDOUS_HIGH_INCOME.high),
                IncomeLevel::Low => Some(super::sources::WHO_HAZARDOUS_LOW_INCOME.high),
                IncomeLevel::Middle => None,
            };
            if let Some(kg) = who {
                out.push((Category::Infectious, kg, Origin::WhoIncome));
            }
        }
        let hazardous: f64 = out.iter().map(|(_, kg, _)| kg).sum();
        match &self.waste.general {
            Some(g) => out.insert(0, (Category::General, g.si(), Origin::Given)),
            None if hazardous > 0.0 => {
                let share = super::sources::WHO_HAZARDOUS_SHARE.high;
                out.insert(
                    0,
                    (
                        Category::General,
                        hazardous * (1.0 - share) / share,
                        Origin::WhoProportion,
                    ),
                );
            }
            None => {}
        }
        out
    }

    /// Share of the general waste in hazardous bins today.
    pub fn misplaced(&self) -> f64 {
        self.waste
            .general_in_hazardous
            .as_ref()
            .map_or(0.0, |m| m.si())
    }

    /// Check the figures are physically possible. Implausible but possible figures are
    /// warnings of the benchmarks.
    pub fn validate(&self) -> Result<()> {
        let refuse = |name: &str, value: String, why: &str| {
            Err(Error::out_of_range(
                format!("{PATH}.{name}"),
                value,
                why.to_string(),
            ))
        };
        if !(self.beds >= crate::units::SMALLEST_DIVISOR && self.beds.is_finite()) {
            return refuse("beds", self.beds.to_string(), "must be positive");
        }
        let occ = self.occupancy.si();
        if !(occ > 0.0 && occ <= 1.0) {
            return refuse(
                "occupancy",
                self.occupancy.to_string(),
                "must be more than 0 % and at most 100 % of the bed-days",
            );
        }
        let non_negative = |name: &str, x: f64, shown: String| -> Result<()> {
            if x >= 0.0 && x.is_finite() {
                Ok(())
            } else {
                refuse(name, shown, "must not be negative")
            }
        };
        if let Some(w) = &self.wards {
            non_negative("wards.water", w.water.si(), w.water.to_string())?;
        }
        if let Some(s) = &self.sterile_services {
            non_negative("sterile_services.cycles", s.cycles, s.cycles.to_string())?;
            non_negative(
                "sterile_services.water_per_cycle",
                s.water_per_cycle.si(),
                s.water_per_cycle.to_string(),
            )?;
            if let Some(e) = &s.ejector_share
                && !(0.0..=1.0).contains(&e.si())
            {
                return refuse(
                    "sterile_services.ejector_share",
                    e.to_string(),
                    "must be from 0 % to 100 % of the water per cycle",
                );
            }
        }
        if let Some(l) = &self.laundry {
            non_negative("laundry.linen", l.linen.si(), l.linen.to_string())?;
            non_negative("laundry.water", l.water.si(), l.water.to_string())?;
        }
        if let Some(k) = &self.kitchen {
            non_negative("kitchen.meals", k.meals, k.meals.to_string())?;
            non_negative(
                "kitchen.water_per_meal",
                k.water_per_meal.si(),
                k.water_per_meal.to_string(),
            )?;
        }
        if let Some(w) = &self.wards
            && let Some(h) = &w.hot_share
            && !(0.0..=1.0).contains(&h.si())
        {
            return refuse(
                "wards.hot_share",
                h.to_string(),
                "must be from 0 % to 100 %",
            );
        }
        if let Some(l) = &self.laundry
            && let Some(h) = &l.hot_share
            && !(0.0..=1.0).contains(&h.si())
        {
            return refuse(
                "laundry.hot_share",
                h.to_string(),
                "must be from 0 % to 100 %",
            );
        }
        if let Some(k) = &self.kitchen
            && let Some(h) = &k.hot_share
            && !(0.0..=1.0).contains(&h.si())
        {
            return refuse(
                "kitchen.hot_share",
                h.to_string(),
                "must be from 0 % to 100 %",
            );
        }
        if let Some(l) = &self.laboratories {
            non_negative("laboratories.water", l.water.si(), l.water.to_string())?;
        }
        if let Some(d) = &self.dialysis {
            non_negative(
                "dialysis.treatments",
                d.treatments,
                d.treatments.to_string(),
            )?;
            non_negative(
                "dialysis.permeate_per_treatment",
                d.permeate_per_treatment.si(),
                d.permeate_per_treatment.to_string(),
            )?;
            if !(d.recovery.si() > 0.0 && d.recovery.si() <= 1.0) {
                return refuse(
                    "dialysis.recovery",
                    d.recovery.to_string(),
                    "must be more than 0 % and at most 100 % (RO permeate per feed water; single-pass units recover about 50 to 75 %)",
                );
            }
        }
        if let Some(h) = &self.hot_water {
            if !(h.efficiency.si() > 0.0 && h.efficiency.si() <= 1.0) {
                return refuse(
                    "hot_water.efficiency",
                    h.efficiency.to_string(),
                    "must be more than 0 % and at most 100 %",
                );
            }
            if matches!(h.fuel, Carrier::Steam | Carrier::Heat) {
                return refuse(
                    "hot_water.fuel",
                    h.fuel.key().to_string(),
                    "is not a fuel burnt on site (hot water from the steam boiler is in the boiler's fuel)",
                );
            }
            let rise = h.hot_temperature.si() - h.cold_temperature.si();
            if !(rise > 0.0 && rise <= 90.0) {
                return refuse(
                    "hot_water.hot_temperature",
                    h.hot_temperature.to_string(),
                    "must be above the cold water temperature, by at most 90 K",
                );
            }
        }
        if let Some(l) = &self.lighting {
            l.validate(Fields(PATH))?;
        }
        for c in Category::ALL {
            if let Some(m) = self.waste.given(c) {
                non_negative(&format!("waste.{}", c.key()), m.si(), m.to_string())?;
            }
        }
        if let Some(m) = &self.waste.general_in_hazardous
            && !(0.0..=1.0).contains(&m.si())
        {
            return refuse(
                "waste.general_in_hazardous",
                m.to_string(),
                "must be from 0 % to 100 % of the general waste",
            );
        }
        if self.misplaced() > 0.0 && self.waste_rates().is_empty() {
            return Err(Error::MissingField {
                path: format!("{PATH}.waste.general"),
            });
        }
        if let Some(b) = &self.boiler
            && matches!(
                b.fuel,
                Carrier::Electricity | Carrier::Steam | Carrier::Heat
            )
        {
            return refuse(
                "boiler.fuel",
                b.fuel.key().to_string(),
                "is not a fuel burnt on site",
            );
        }
        if let Some(m) = &self.mercury {
            non_negative("mercury.devices", m.devices, m.devices.to_string())?;
            non_negative(
                "mercury.per_device",
                m.per_device.si(),
                m.per_device.to_string(),
            )?;
            if !(0.0..=1.0).contains(&m.discarded.si()) {
                return refuse(
                    "mercury.discarded",
                    m.discarded.to_string(),
                    "must be from 0 % to 100 % of the devices per year",
                );
            }
        }
        Ok(())
    }
}
