//! A tannery from a few figures: the baseline flowsheet per stage, the catalogue of
//! cleaner-production options, and benchmarks per tonne of raw hide. Chrome, vegetable or
//! wet-white tannage, from raw hide to wet-blue, crust or finished leather.
//!
//! ```toml
//! [template.tanning]
//! raw_hides = "12 t/d"                 # wet-salted bovine hides
//! chrome_offer = "6 %"                 # basic chromium sulphate on raw hide weight
//! water = { soaking = "8 m3/t", liming = "6 m3/t", deliming = "6 m3/t",
//!           pickling = "1 m3/t", tanning = "1.5 m3/t", washing = "3 m3/t" }
//! options = [{ id = "high_exhaustion" }, { id = "batch_washing", saving = "40 %" }]
//! ```
//!
//! Every default figure is in [`sources`] with its source; the site's own figures (the water
//! of each stage, the chrome offer) have no default and are checked against physical and
//! published ranges.

mod benchmarks;
mod catalogue;
mod generate;
mod report;
pub mod sources;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use crate::error::{Error, Result};
use crate::flowsheet::Carrier;
use crate::options::Capex;
use crate::sections::Context;
use crate::units::Measured;
use crate::units::money::Money;

pub use benchmarks::{
    ChromeBalance, Class, Indicator, Range, TanningBenchmarks, benchmarks_schema,
};
pub use catalogue::CatalogueId;

/// The tanning model's figures (`[template.tanning]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TanningTemplate {
    /// Wet-salted hides processed per time (`"12 t/d"`, per operating day).
    pub raw_hides: Measured<q::MassRate>,
    /// How the hides are tanned: chrome (default), vegetable or wet-white.
    #[serde(default)]
    pub tannage: Tannage,
    /// How far they are processed: to wet-blue (default; wet-white or vegetable-tanned
    /// leather before post-tanning), crust or finished leather. Beyond wet-blue,
    /// `water.post_tanning` is needed.
    #[serde(default)]
    pub product: TanningProduct,
    /// Fresh water per tonne of raw hide, per stage.
    pub water: StageWater,
    /// Chrome tanning: basic chromium sulphate offered, as a share of the raw hide weight
    /// (`"6 %"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chrome_offer: Option<Measured<q::Ratio>>,
    /// Vegetable or wet-white tanning: the tanning agent offered, as a share of the raw hide
    /// weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tanning_offer: Option<Measured<q::Ratio>>,
    /// Vegetable or wet-white tanning: the share of the agent fixed on the leather (no
    /// default: measure it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tanning_exhaustion: Option<Measured<q::Ratio>>,
    /// Crust or finished leather with chrome retanning: basic chromium sulphate offered in
    /// retanning, as a share of the raw hide weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retan_chrome_offer: Option<Measured<q::Ratio>>,
    /// Share of the retanning chrome fixed on the leather (needed with `retan_chrome_offer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retan_exhaustion: Option<Measured<q::Ratio>>,
    /// Crust or finished leather: shavings from shaving the tanned leather, per tonne of raw
    /// hide (`"100 kg/t"`); not modelled when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shavings: Option<Measured<q::Ratio>>,
    /// Cr2O3 in the shavings as removed, a share of their mass (needed with chrome-tanned
    /// `shavings`: a laboratory figure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shavings_cr2o3: Option<Measured<q::Ratio>>,
    /// Cr2O3 in the basic chromium sulphate; 25 % when absent ([`sources::BCS_CR2O3`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cr2o3_content: Option<Measured<q::Ratio>>,
    /// Share of the chrome offered fixed on the leather; the rest leaves in the spent float.
    /// 65 % when absent, the middle of conventional tanning's range
    /// ([`sources::CONVENTIONAL_EXHAUSTION`]); better measured (1 − Cr2O3 in the spent float /
    /// Cr2O3 offered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chrome_exhaustion: Option<Measured<q::Ratio>>,
    /// Share of the leather's chrome washed out in the post-tanning washes; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wash_chrome_loss: Option<Measured<q::Ratio>>,
    /// Salt carried by the wet-salted hides into the soak, as a share of their weight; not
    /// modelled when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salt: Option<Measured<q::Ratio>>,
    /// Sodium sulphide offered in liming, as a share of the raw hide weight; not modelled
    /// when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sulphide_offer: Option<Measured<q::Ratio>>,
    /// Lime offered in liming, as a share of the raw hide weight; not modelled when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lime_offer: Option<Measured<q::Ratio>>,
    /// An effluent treatment plant before the sewer: its sludge and the chrome it captures;
    /// the floats go straight to the sewer when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment: Option<Treatment>,
    /// Ammonium salts (as ammonium sulphate) offered in deliming, as a share of the raw hide
    /// weight; not modelled when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ammonium_offer: Option<Measured<q::Ratio>>,
    /// COD released by the hides into each stage's float, per tonne of raw hide (`"60 kg/t"`);
    /// not modelled when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod: Option<StageLoads>,
    /// Fleshings removed, per tonne of raw hide (`"120 kg/t"`); not modelled when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fleshings: Option<Measured<q::Ratio>>,
    /// Trimmings removed, per tonne of raw hide; not modelled when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trimmings: Option<Measured<q::Ratio>>,
    /// Electricity per tonne of raw hide (drums, pumps, lighting), e.g. `"250 kWh/t"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electricity: Option<Measured<q::AvailableEnergy>>,
    /// Fuel burnt for hot water and drying, per tonne of raw hide, e.g. `"350 kWh/t"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fuel: Option<Measured<q::AvailableEnergy>>,
    /// The share of the fuel that heats process water, and the stages whose fresh water it
    /// heats: options that save their water save that fuel in proportion. All fuel is taken
    /// as independent of water when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hot_water: Option<HotWater>,
    /// The fuel; natural gas when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fuel_carrier: Option<Carrier>,
    /// Efficiency of the boiler burning the fuel (needed for a boiler option).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boiler_efficiency: Option<Measured<q::Ratio>>,
    /// What one US dollar is worth in the document's currency (`"17.5 MXN"`), to convert the
    /// catalogue's costs, published in dollars; needed when the document's currency is not USD
    /// and a catalogue cost is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd: Option<Money>,
    /// Options from the catalogue to appraise, with the site's figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<CatalogueChoice>,
}

/// How much of the fuel heats which stages' water.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HotWater {
    /// Stages whose fresh water is heated (`["deliming", "tanning"]`).
    pub stages: Vec<Stage>,
    /// Share of the fuel spent on that water (`"60 %"`, from the boiler's log or an estimate
    /// of the water heated and its temperature rise).
    pub share: Measured<q::Ratio>,
}

/// An effluent treatment plant (screening, equalisation, physico-chemical treatment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Treatment {
    /// Dewatered sludge per tonne of raw hide (`"150 kg/t"`, weighed skips); priced as
    /// `sludge` in `[prices]` when an option changes it.
    pub sludge: Measured<q::Ratio>,
    /// Share of the chrome in the spent floats that settles in the sludge (a laboratory
    /// figure; none when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chrome_to_sludge: Option<Measured<q::Ratio>>,
}

/// What chrome is precipitated with in chrome recovery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Precipitant {
    /// Magnesium oxide: a dense precipitate, no filter press.
    Mgo,
    /// Alkali sodium salts (NaOH, Na2CO3), with a filter press.
    Alkali,
}

/// Tanning agents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tannage {
    /// Basic chromium sulphate.
    #[default]
    Chrome,
    /// Vegetable tannins.
    Vegetable,
    /// Wet-white: aldehyde or syntan pre-tanning.
    WetWhite,
}

impl Tannage {
    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            Tannage::Chrome => "chrome",
            Tannage::Vegetable => "vegetable",
            Tannage::WetWhite => "wet_white",
        }
    }
}

/// How far the hides are processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TanningProduct {
    /// Raw hide to tanned leather before post-tanning: wet-blue (or wet-white, or
    /// vegetable-tanned leather).
    #[default]
    WetBlue,
    /// Raw hide to crust: shaved, retanned, dyed, fatliquored and dried.
    Crust,
    /// Raw hide to finished leather.
    Finished,
}

impl TanningProduct {
    /// Snake-case name, also the id of the product node.
    pub fn key(self) -> &'static str {
        match self {
            TanningProduct::WetBlue => "wet_blue",
            TanningProduct::Crust => "crust",
            TanningProduct::Finished => "finished",
        }
    }
}

/// The wet stages from raw hide to wet-blue, and post-tanning.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Soaking: rehydrating and cleaning the hides, removing the salt.
    Soaking,
    /// Liming and unhairing.
    Liming,
    /// Deliming and bating.
    Deliming,
    /// Pickling.
    Pickling,
    /// Chrome tanning.
    Tanning,
    /// Washing of the tanned leather.
    Washing,
    /// Shaving, retanning, dyeing and fatliquoring (crust and finished leather).
    PostTanning,
}

impl Stage {
    /// Every stage, in process order.
    pub const ALL: [Stage; 7] = [
        Stage::Soaking,
        Stage::Liming,
        Stage::Deliming,
        Stage::Pickling,
        Stage::Tanning,
        Stage::Washing,
        Stage::PostTanning,
    ];

    /// Snake-case name, also the id of the stage's node.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Soaking => "soaking",
            Stage::Liming => "liming",
            Stage::Deliming => "deliming",
            Stage::Pickling => "pickling",
            Stage::Tanning => "tanning",
            Stage::Washing => "washing",
            Stage::PostTanning => "post_tanning",
        }
    }
}

/// Fresh water per tonne of raw hide for each stage (`"8 m3/t"`; `"0 m3/t"` for a stage run
/// in the previous stage's float).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StageWater {
    /// Soaking.
    pub soaking: Measured<q::SpecificVolume>,
    /// Liming and unhairing.
    pub liming: Measured<q::SpecificVolume>,
    /// Deliming and bating.
    pub deliming: Measured<q::SpecificVolume>,
    /// Pickling.
    pub pickling: Measured<q::SpecificVolume>,
    /// Chrome tanning.
    pub tanning: Measured<q::SpecificVolume>,
    /// Washing of the tanned leather.
    pub washing: Measured<q::SpecificVolume>,
    /// Shaving, retanning, dyeing and fatliquoring (needed for crust and finished leather).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_tanning: Option<Measured<q::SpecificVolume>>,
}

impl StageWater {
    /// The water of `stage`, m3 per kg of raw hide (none for post-tanning when not given).
    pub fn get(&self, stage: Stage) -> Option<&Measured<q::SpecificVolume>> {
        match stage {
            Stage::Soaking => Some(&self.soaking),
            Stage::Liming => Some(&self.liming),
            Stage::Deliming => Some(&self.deliming),
            Stage::Pickling => Some(&self.pickling),
            Stage::Tanning => Some(&self.tanning),
            Stage::Washing => Some(&self.washing),
            Stage::PostTanning => self.post_tanning.as_ref(),
        }
    }

    /// The water of `stage`, m3 per kg of raw hide, zero when not given.
    pub fn m3_per_kg(&self, stage: Stage) -> f64 {
        self.get(stage).map_or(0.0, |w| w.si())
    }
}

/// A load per tonne of raw hide for some stages (`liming = "90 kg/t"`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StageLoads {
    /// Soaking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soaking: Option<Measured<q::Ratio>>,
    /// Liming and unhairing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub liming: Option<Measured<q::Ratio>>,
    /// Deliming and bating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliming: Option<Measured<q::Ratio>>,
    /// Pickling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pickling: Option<Measured<q::Ratio>>,
    /// Chrome tanning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tanning: Option<Measured<q::Ratio>>,
    /// Washing of the tanned leather.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub washing: Option<Measured<q::Ratio>>,
    /// Shaving, retanning, dyeing and fatliquoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_tanning: Option<Measured<q::Ratio>>,
}

impl StageLoads {
    /// The load of `stage`, kg per kg of raw hide, if given.
    pub fn get(&self, stage: Stage) -> Option<&Measured<q::Ratio>> {
        match stage {
            Stage::Soaking => self.soaking.as_ref(),
            Stage::Liming => self.liming.as_ref(),
            Stage::Deliming => self.deliming.as_ref(),
            Stage::Pickling => self.pickling.as_ref(),
            Stage::Tanning => self.tanning.as_ref(),
            Stage::Washing => self.washing.as_ref(),
            Stage::PostTanning => self.post_tanning.as_ref(),
        }
    }
}

/// An option from the catalogue, with the site's figures where the option needs them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogueChoice {
    /// Which option.
    pub id: CatalogueId,
    /// The option's effect size: the share of water saved (`batch_washing`), of salt shaken
    /// off (`salt_removal`), of sulphide and liming COD avoided (`hair_save`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saving: Option<Measured<q::Ratio>>,
    /// `batch_washing`: the stages washed in batches (all with water when absent);
    /// `float_recycling`: the stages whose floats are reused (liming and pickling when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stages: Option<Vec<Stage>>,
    /// `co2_deliming`: kg of CO2 per kg of ammonium sulphate it replaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Measured<q::Ratio>>,
    /// `high_exhaustion`: the exhaustion reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exhaustion: Option<Measured<q::Ratio>>,
    /// `chrome_recycling`, `chrome_recovery`: the share of the spent float's chrome reused;
    /// `float_recycling`: the share of each float reused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraction: Option<Measured<q::Ratio>>,
    /// `chrome_recovery`: the precipitant, which sets the catalogue's capital cost (magnesium
    /// oxide when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precipitant: Option<Precipitant>,
    /// `boiler_tuning`: the boiler's efficiency afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efficiency: Option<Measured<q::Ratio>>,
    /// Investment, replacing the catalogue's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex: Option<Capex>,
    /// Change of operating cost per year, replacing the catalogue's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_change: Option<Money>,
    /// Useful life; the document's horizon when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Measured<q::Time>>,
}

const PATH: &str = "template.tanning";

fn fraction_in(
    path: &str,
    value: &Measured<q::Ratio>,
    low: f64,
    high: f64,
    why: &str,
) -> Result<f64> {
    let x = value.si();
    if x >= low && x <= high && x.is_finite() {
        Ok(x)
    } else {
        Err(Error::out_of_range(
            format!("{PATH}.{path}"),
            value,
            why.to_string(),
        ))
    }
}

impl TanningTemplate {
    /// Check the figures are physically possible and the model covers the route. Implausible
    /// but possible figures are reported as warnings by the
    /// [benchmarks](crate::sectors::SectorModel::benchmarks).
    pub fn validate(&self) -> Result<()> {
        let missing = |name: &str| Error::MissingField {
            path: format!("{PATH}.{name}"),
        };
        let refuse = |name: &str, value: String, why: &str| {
            Err(Error::out_of_range(
                format!("{PATH}.{name}"),
                value,
                why.to_string(),
            ))
        };
        let chrome = self.tannage == Tannage::Chrome;
        if chrome {
            if self.chrome_offer.is_none() {
                return Err(missing("chrome_offer"));
            }
            if let Some(x) = &self.tanning_offer {
                return refuse(
                    "tanning_offer",
                    x.to_string(),
                    "is for vegetable or wet-white tanning: give chrome_offer",
                );
            }
        } else {
            for (name, given) in [
                ("chrome_offer", self.chrome_offer.is_some()),
                ("chrome_exhaustion", self.chrome_exhaustion.is_some()),
                ("cr2o3_content", self.cr2o3_content.is_some()),
                ("wash_chrome_loss", self.wash_chrome_loss.is_some()),
                ("shavings_cr2o3", self.shavings_cr2o3.is_some()),
            ] {
                if given {
                    return refuse(
                        name,
                        self.tannage.key().to_string(),
                        "is for chrome tanning, but the tannage is not chrome",
                    );
                }
            }
            if self.tanning_offer.is_none() {
                return Err(missing("tanning_offer"));
            }
            if self.tanning_exhaustion.is_none() {
                return Err(missing("tanning_exhaustion"));
            }
        }
        if self.product == TanningProduct::WetBlue {
            if let Some(w) = &self.water.post_tanning {
                return refuse(
                    "water.post_tanning",
                    w.to_string(),
                    "is given, but the product is the tanned leather before post-tanning (product = \"wet_blue\"): set product to \"crust\" or \"finished\"",
                );
            }
            for (name, given) in [
                ("shavings", self.shavings.is_some()),
                ("retan_chrome_offer", self.retan_chrome_offer.is_some()),
            ] {
                if given {
                    return refuse(
                        name,
                        "wet_blue".to_string(),
                        "is part of post-tanning: set product to \"crust\" or \"finished\"",
                    );
                }
            }
        } else if self.water.post_tanning.is_none() {
            return Err(missing("water.post_tanning"));
        }
        if let Some(h) = &self.hot_water {
            if self.fuel.is_none() {
                return Err(missing("fuel"));
            }
            fraction_in(
                "hot_water.share",
                &h.share,
                0.0,
                1.0,
                "must be from 0 % to 100 % of the fuel",
            )?;
            if h.stages.is_empty() {
                return Err(missing("hot_water.stages"));
            }
            for (k, stage) in h.stages.iter().enumerate() {
                if self.water.m3_per_kg(*stage) <= 0.0 {
                    return refuse(
                        &format!("hot_water.stages[{k}]"),
                        stage.key().to_string(),
                        "uses no fresh water in template.tanning.water",
                    );
                }
            }
        }
        if self.retan_chrome_offer.is_some() && self.retan_exhaustion.is_none() {
            return Err(missing("retan_exhaustion"));
        }
        if self.shavings.is_some() && chrome && self.shavings_cr2o3.is_none() {
            return Err(missing("shavings_cr2o3"));
        }
        if !(self.raw_hides.si() > 0.0 && self.raw_hides.si().is_finite()) {
            return Err(Error::out_of_range(
                format!("{PATH}.raw_hides"),
                &self.raw_hides,
                "must be positive",
            ));
        }
        for stage in Stage::ALL {
            let Some(w) = self.water.get(stage) else {
                continue;
            };
            if !(w.si() >= 0.0 && w.si().is_finite()) {
                return Err(Error::out_of_range(
                    format!("{PATH}.water.{}", stage.key()),
                    w,
                    "must not be negative",
                ));
            }
        }
        // 1 kg of agent per kg of hide would be 100 %: offers are a few per cent (vegetable
        // tannins a few tens).
        for (name, offer) in [
            ("chrome_offer", &self.chrome_offer),
            ("tanning_offer", &self.tanning_offer),
            ("retan_chrome_offer", &self.retan_chrome_offer),
        ] {
            if let Some(o) = offer {
                fraction_in(
                    name,
                    o,
                    0.0,
                    0.5,
                    "must be from 0 % to 50 % of the raw hide weight",
                )?;
            }
        }
        if let Some(c) = &self.cr2o3_content {
            fraction_in(
                "cr2o3_content",
                c,
                0.01,
                1.0,
                "must be more than 0 % and at most 100 %",
            )?;
        }
        if let Some(e) = &self.chrome_exhaustion {
            fraction_in(
                "chrome_exhaustion",
                e,
                0.0,
                1.0,
                "must be from 0 % to 100 %: the leather cannot take up more chrome than is offered",
            )?;
        }
        let shares = [
            ("tanning_exhaustion", &self.tanning_exhaustion),
            ("retan_exhaustion", &self.retan_exhaustion),
            ("shavings", &self.shavings),
            ("shavings_cr2o3", &self.shavings_cr2o3),
            ("wash_chrome_loss", &self.wash_chrome_loss),
            ("salt", &self.salt),
            ("sulphide_offer", &self.sulphide_offer),
            ("ammonium_offer", &self.ammonium_offer),
            ("lime_offer", &self.lime_offer),
            (
                "treatment.sludge",
                &self.treatment.as_ref().map(|t| t.sludge.clone()),
            ),
            (
                "treatment.chrome_to_sludge",
                &self
                    .treatment
                    .as_ref()
                    .and_then(|t| t.chrome_to_sludge.clone()),
            ),
            ("fleshings", &self.fleshings),
            ("trimmings", &self.trimmings),
            ("boiler_efficiency", &self.boiler_efficiency),
        ];
        for (name, v) in shares {
            if let Some(v) = v {
                fraction_in(name, v, 0.0, 1.0, "must be from 0 % to 100 %")?;
            }
        }
        if let Some(cod) = &self.cod {
            for stage in Stage::ALL {
                if let Some(v) = cod.get(stage) {
                    fraction_in(
                        &format!("cod.{}", stage.key()),
                        v,
                        0.0,
                        1.0,
                        "must be from 0 to 1000 kg/t",
                    )?;
                }
            }
        }
        for (name, v) in [("electricity", &self.electricity), ("fuel", &self.fuel)] {
            if let Some(v) = v
                && !(v.si() >= 0.0 && v.si().is_finite())
            {
                return Err(Error::out_of_range(
                    format!("{PATH}.{name}"),
                    v,
                    "must not be negative",
                ));
            }
        }
        if let Some(Carrier::Electricity | Carrier::Steam | Carrier::Heat) = self.fuel_carrier {
            return Err(Error::out_of_range(
                format!("{PATH}.fuel_carrier"),
                self.fuel_carrier.map_or("", Carrier::key),
                "is not a fuel burnt on site",
            ));
        }
        Ok(())
    }

    /// The tanning agent: its component in the flowsheet, the share of the raw hide weight
    /// offered (as that component), and the share fixed on the leather.
    pub fn agent(&self) -> (&'static str, f64, f64) {
        let share = |m: &Option<Measured<q::Ratio>>| m.as_ref().map_or(0.0, |x| x.si());
        match self.tannage {
            Tannage::Chrome => (
                generate::CR2O3,
                share(&self.chrome_offer) * self.cr2o3(),
                self.exhaustion(),
            ),
            Tannage::Vegetable => (
                generate::VEGETABLE,
                share(&self.tanning_offer),
                share(&self.tanning_exhaustion),
            ),
            Tannage::WetWhite => (
                generate::WET_WHITE,
                share(&self.tanning_offer),
                share(&self.tanning_exhaustion),
            ),
        }
    }

    /// Cr2O3 share of the chrome product.
    pub fn cr2o3(&self) -> f64 {
        self.cr2o3_content
            .as_ref()
            .map_or(sources::BCS_CR2O3.low, |c| c.si())
    }

    /// Chrome exhaustion.
    pub fn exhaustion(&self) -> f64 {
        self.chrome_exhaustion.as_ref().map_or(
            (sources::CONVENTIONAL_EXHAUSTION.low + sources::CONVENTIONAL_EXHAUSTION.high) / 2.0,
            |e| e.si(),
        )
    }
}

/// The tanning sector model (`[template.tanning]`).
///
/// ```
/// use cleanprod::sectors::{SectorModel, tanning::Tanning};
/// # let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/tannery.toml")).unwrap();
/// let a = cleanprod::Assessment::from_toml_str(&text).unwrap();
/// let Some(cleanprod::sectors::Template::Tanning(t)) = &a.document().template else { panic!() };
/// let x = Tanning::expand(&a.document().context(), t).unwrap();
/// assert!(x.flowsheet.nodes.iter().any(|n| n.id == "tanning"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tanning;

impl crate::sectors::SectorModel for Tanning {
    const SECTOR: crate::sectors::Sector = crate::sectors::Sector::Tanning;
    const STARTING_DOCUMENT: Option<&'static str> =
        Some(include_str!("../../../../examples/tannery.toml"));
    type Template = TanningTemplate;
    type Benchmarks = TanningBenchmarks;

    fn expand(ctx: &Context<'_>, t: &TanningTemplate) -> Result<crate::sectors::Expansion> {
        t.validate()?;
        Ok(crate::sectors::Expansion {
            flowsheet: generate::flowsheet(ctx, t)?,
            options: catalogue::options(ctx, t)?,
        })
    }

    fn benchmarks(
        ctx: &Context<'_>,
        t: &TanningTemplate,
        flows: &crate::options::Flows<'_>,
    ) -> Result<TanningBenchmarks> {
        benchmarks::benchmarks(ctx, t, flows)
    }

    fn warnings(b: &TanningBenchmarks) -> &[String] {
        &b.warnings
    }

    fn indicators(b: &TanningBenchmarks) -> &[crate::sectors::indicators::Indicator] {
        &b.indicators
    }

    fn text(b: &TanningBenchmarks) -> String {
        report::text(b)
    }
}
