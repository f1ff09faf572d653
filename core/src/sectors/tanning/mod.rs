//! A chrome tannery from a few figures: the baseline flowsheet per stage, the catalogue of
//! cleaner-production options, and benchmarks per tonne of raw hide.
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
pub mod sources;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use crate::error::{Error, Result};
use crate::flowsheet::Carrier;
use crate::money::Money;
use crate::options::Capex;
use crate::units::Measured;

pub use benchmarks::{
    ChromeBalance, Class, Indicator, Range, TanningBenchmarks, benchmarks, benchmarks_schema,
};
pub use catalogue::CatalogueId;

/// The tanning model's figures (`[template.tanning]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TanningTemplate {
    /// Wet-salted hides processed per time (`"12 t/d"`, per operating day).
    pub raw_hides: Measured<q::MassRate>,
    /// How the hides are tanned (only chrome is modelled so far).
    #[serde(default)]
    pub tannage: Tannage,
    /// How far they are processed (only to wet-blue so far).
    #[serde(default)]
    pub product: TanningProduct,
    /// Fresh water per tonne of raw hide, per stage.
    pub water: StageWater,
    /// Basic chromium sulphate offered, as a share of the raw hide weight (`"6 %"`).
    pub chrome_offer: Measured<q::Ratio>,
    /// Cr2O3 in the basic chromium sulphate; 25 % when absent ([`sources::BCS_CR2O3`]).
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub cr2o3_content: Option<Measured<q::Ratio>>,
    /// Share of the chrome offered fixed on the leather; the rest leaves in the spent float.
    /// 65 % when absent, the middle of conventional tanning's range
    /// ([`sources::CONVENTIONAL_EXHAUSTION`]); better measured (1 − Cr2O3 in the spent float /
    /// Cr2O3 offered).
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub chrome_exhaustion: Option<Measured<q::Ratio>>,
    /// Share of the leather's chrome washed out in the post-tanning washes; none when absent.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub wash_chrome_loss: Option<Measured<q::Ratio>>,
    /// Salt carried by the wet-salted hides into the soak, as a share of their weight; not
    /// modelled when absent.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub salt: Option<Measured<q::Ratio>>,
    /// Sodium sulphide offered in liming, as a share of the raw hide weight; not modelled
    /// when absent.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub sulphide_offer: Option<Measured<q::Ratio>>,
    /// Ammonium salts (as ammonium sulphate) offered in deliming, as a share of the raw hide
    /// weight; not modelled when absent.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub ammonium_offer: Option<Measured<q::Ratio>>,
    /// COD released by the hides into each stage's float, per tonne of raw hide (`"60 kg/t"`);
    /// not modelled when absent.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "StageLoads")]
    pub cod: Option<StageLoads>,
    /// Fleshings removed, per tonne of raw hide (`"120 kg/t"`); not modelled when absent.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub fleshings: Option<Measured<q::Ratio>>,
    /// Trimmings removed, per tonne of raw hide; not modelled when absent.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub trimmings: Option<Measured<q::Ratio>>,
    /// Electricity per tonne of raw hide (drums, pumps, lighting), e.g. `"250 kWh/t"`.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::AvailableEnergy>")]
    pub electricity: Option<Measured<q::AvailableEnergy>>,
    /// Fuel burnt for hot water and drying, per tonne of raw hide, e.g. `"350 kWh/t"`.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::AvailableEnergy>")]
    pub fuel: Option<Measured<q::AvailableEnergy>>,
    /// The fuel; natural gas when absent.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Carrier")]
    pub fuel_carrier: Option<Carrier>,
    /// Efficiency of the boiler burning the fuel (needed for a boiler option).
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub boiler_efficiency: Option<Measured<q::Ratio>>,
    /// What one US dollar is worth in the document's currency (`"17.5 MXN"`), to convert the
    /// catalogue's costs, published in dollars; needed when the document's currency is not USD
    /// and a catalogue cost is used.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Money")]
    pub usd: Option<Money>,
    /// Options from the catalogue to appraise, with the site's figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<CatalogueChoice>,
}

/// Tanning agents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tannage {
    /// Basic chromium sulphate.
    #[default]
    Chrome,
    /// Vegetable tannins (not modelled yet).
    Vegetable,
    /// Wet-white: aldehyde or syntan pre-tanning (not modelled yet).
    WetWhite,
}

/// How far the hides are processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TanningProduct {
    /// Raw hide to wet-blue.
    #[default]
    WetBlue,
    /// Raw hide to crust (not modelled yet).
    Crust,
    /// Raw hide to finished leather (not modelled yet).
    Finished,
}

/// The wet stages from raw hide to wet-blue.
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
    /// Washing of the wet-blue.
    Washing,
}

impl Stage {
    /// Every stage, in process order.
    pub const ALL: [Stage; 6] = [
        Stage::Soaking,
        Stage::Liming,
        Stage::Deliming,
        Stage::Pickling,
        Stage::Tanning,
        Stage::Washing,
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
    /// Washing of the wet-blue.
    pub washing: Measured<q::SpecificVolume>,
}

impl StageWater {
    /// The water of `stage`, m3 per kg of raw hide.
    pub fn get(&self, stage: Stage) -> &Measured<q::SpecificVolume> {
        match stage {
            Stage::Soaking => &self.soaking,
            Stage::Liming => &self.liming,
            Stage::Deliming => &self.deliming,
            Stage::Pickling => &self.pickling,
            Stage::Tanning => &self.tanning,
            Stage::Washing => &self.washing,
        }
    }
}

/// A load per tonne of raw hide for some stages (`liming = "90 kg/t"`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StageLoads {
    /// Soaking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Measured<q::Ratio>")]
    pub soaking: Option<Measured<q::Ratio>>,
    /// Liming and unhairing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Measured<q::Ratio>")]
    pub liming: Option<Measured<q::Ratio>>,
    /// Deliming and bating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Measured<q::Ratio>")]
    pub deliming: Option<Measured<q::Ratio>>,
    /// Pickling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Measured<q::Ratio>")]
    pub pickling: Option<Measured<q::Ratio>>,
    /// Chrome tanning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Measured<q::Ratio>")]
    pub tanning: Option<Measured<q::Ratio>>,
    /// Washing of the wet-blue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Measured<q::Ratio>")]
    pub washing: Option<Measured<q::Ratio>>,
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
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub saving: Option<Measured<q::Ratio>>,
    /// `batch_washing`: the stages washed in batches (all with water when absent);
    /// `float_recycling`: the stages whose floats are reused (liming and pickling when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stages: Option<Vec<Stage>>,
    /// `co2_deliming`: kg of CO2 per kg of ammonium sulphate it replaces.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub ratio: Option<Measured<q::Ratio>>,
    /// `high_exhaustion`: the exhaustion reached.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub exhaustion: Option<Measured<q::Ratio>>,
    /// `chrome_recycling`, `chrome_recovery`: the share of the spent float's chrome reused;
    /// `float_recycling`: the share of each float reused.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub fraction: Option<Measured<q::Ratio>>,
    /// `boiler_tuning`: the boiler's efficiency afterwards.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub efficiency: Option<Measured<q::Ratio>>,
    /// Investment, replacing the catalogue's.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Capex")]
    pub capex: Option<Capex>,
    /// Change of operating cost per year, replacing the catalogue's.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Money")]
    pub om_change: Option<Money>,
    /// Useful life; the document's horizon when absent.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Time>")]
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
    /// but possible figures are reported as warnings by [`benchmarks`].
    pub fn validate(&self) -> Result<()> {
        if self.tannage != Tannage::Chrome {
            return Err(Error::out_of_range(
                format!("{PATH}.tannage"),
                serde_json::to_value(self.tannage).map_or(String::new(), |v| v.to_string()),
                "is not modelled yet: only chrome tanning is; write the flowsheet by hand",
            ));
        }
        if self.product != TanningProduct::WetBlue {
            return Err(Error::out_of_range(
                format!("{PATH}.product"),
                serde_json::to_value(self.product).map_or(String::new(), |v| v.to_string()),
                "is not modelled yet: only raw hide to wet-blue is; write the flowsheet by hand",
            ));
        }
        if !(self.raw_hides.si() > 0.0 && self.raw_hides.si().is_finite()) {
            return Err(Error::out_of_range(
                format!("{PATH}.raw_hides"),
                &self.raw_hides,
                "must be positive",
            ));
        }
        for stage in Stage::ALL {
            let w = self.water.get(stage);
            if !(w.si() >= 0.0 && w.si().is_finite()) {
                return Err(Error::out_of_range(
                    format!("{PATH}.water.{}", stage.key()),
                    w,
                    "must not be negative",
                ));
            }
        }
        // 1 kg of BCS per kg of hide would be 100 %: offers are a few per cent.
        fraction_in(
            "chrome_offer",
            &self.chrome_offer,
            0.0,
            0.5,
            "must be from 0 % to 50 % of the raw hide weight",
        )?;
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
            ("wash_chrome_loss", &self.wash_chrome_loss),
            ("salt", &self.salt),
            ("sulphide_offer", &self.sulphide_offer),
            ("ammonium_offer", &self.ammonium_offer),
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

/// The flowsheet and options of a document whose `[template.tanning]` stands for them.
pub(crate) fn expand(
    doc: &crate::Document,
    t: &TanningTemplate,
) -> Result<(crate::flowsheet::Flowsheet, Vec<crate::options::CpOption>)> {
    t.validate()?;
    let fs = generate::flowsheet(doc, t)?;
    let options = catalogue::options(doc, t)?;
    Ok((fs, options))
}
