//! `[template.chemicals]`: the plant's figures, each checked against physical ranges.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use super::sources::{self, Reference};
use crate::error::{Error, Result};
use crate::flowsheet::Carrier;
use crate::options::Capex;
use crate::sectors::fields::Fields;
use crate::units::Measured;
use crate::units::money::Money;

/// The path of the template's fields in errors and warnings.
pub(crate) const PATH: &str = "template.chemicals";

/// The template's fields, for their range checks.
pub(crate) const FIELDS: Fields = Fields(PATH);

/// A batch or specialty chemicals plant (`[template.chemicals]`): its products, each with a
/// recipe per batch, and the boiler and cooling tower serving them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChemicalsTemplate {
    /// The segment of the chemical industry the plant's E factor is compared with.
    #[serde(default)]
    pub segment: Segment,
    /// The products, each made in batches.
    pub products: Vec<Product>,
    /// The boiler raising the process and ejector steam (needed when a product uses steam, and
    /// by solvent recovery).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boiler: Option<Boiler>,
    /// The cooling tower (needed by `cooling_tower_cycles`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooling_tower: Option<CoolingTower>,
    /// Options from the catalogue to appraise, with the site's figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChemicalsChoice>,
}

/// Segments of the chemical industry with a published E factor range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    /// Oil refining.
    OilRefining,
    /// Bulk chemicals.
    Bulk,
    /// Fine and specialty chemicals.
    #[default]
    FineChemicals,
    /// Pharmaceuticals.
    Pharmaceuticals,
}

impl Segment {
    /// Every segment, from the least to the most waste per product.
    pub const ALL: [Segment; 4] = [
        Segment::OilRefining,
        Segment::Bulk,
        Segment::FineChemicals,
        Segment::Pharmaceuticals,
    ];

    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            Segment::OilRefining => "oil_refining",
            Segment::Bulk => "bulk",
            Segment::FineChemicals => "fine_chemicals",
            Segment::Pharmaceuticals => "pharmaceuticals",
        }
    }

    /// Sheldon's E factor range of the segment (kg waste per kg product, water excluded).
    pub fn e_factor(self) -> Reference {
        match self {
            Segment::OilRefining => sources::E_OIL_REFINING,
            Segment::Bulk => sources::E_BULK,
            Segment::FineChemicals => sources::E_FINE,
            Segment::Pharmaceuticals => sources::E_PHARMA,
        }
    }
}

/// One product and its recipe. Amounts are per batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Short snake-case name, used in the ids of its streams (`"azo_pigment"`).
    pub name: String,
    /// Batches per year.
    pub batches: f64,
    /// Product made per batch (`"1200 kg"`).
    pub product: Measured<q::Mass>,
    /// Chemical yield of the batch (`"82 %"`): the raw materials per batch scale with
    /// 1 / yield when the yield changes.
    #[serde(rename = "yield")]
    pub yield_: Measured<q::Ratio>,
    /// Raw materials and reagents charged per batch (everything but solvents and water).
    pub materials: Vec<Material>,
    /// Solvents charged per batch, with where what is not recovered in-house goes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub solvents: Vec<Solvent>,
    /// Process water per batch (`"3 m3"`), to the effluent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub water: Option<Measured<q::Volume>>,
    /// Reactor cleaning between campaigns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleaning: Option<Cleaning>,
    /// Process steam per batch (`"3 t"`), from the boiler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steam: Option<Measured<q::Mass>>,
    /// Motive steam of the vacuum's steam ejectors per batch (`"1.5 t"`): its condensate
    /// joins the aqueous effluent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ejector_steam: Option<Measured<q::Mass>>,
    /// Electricity per batch (`"400 kWh"`): agitators, pumps, a liquid-ring vacuum pump.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electricity: Option<Measured<q::Energy>>,
}

/// A raw material or reagent, bought as the resource of its name in `[prices]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Material {
    /// Snake-case name, also its key in `[prices]`.
    pub name: String,
    /// Charged per batch (`"900 kg"`).
    pub amount: Measured<q::Mass>,
}

/// A solvent charged per batch. What is not lost (to air, waste or water) is recovered and
/// reused in-house already, so only the losses are bought.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Solvent {
    /// Snake-case name, also its key in `[prices]` and its component in the flowsheet.
    pub name: String,
    /// Charged per batch (`"2000 kg"`).
    pub charge: Measured<q::Mass>,
    /// Share of the charge lost to air (vents, dryers) per batch.
    #[serde(default = "zero")]
    pub to_air: Measured<q::Ratio>,
    /// Share of the charge leaving with the mother liquor and residues, to hazardous waste.
    #[serde(default = "zero")]
    pub to_waste: Measured<q::Ratio>,
    /// Share of the charge leaving with the aqueous effluent.
    #[serde(default = "zero")]
    pub to_water: Measured<q::Ratio>,
}

fn zero() -> Measured<q::Ratio> {
    Measured::new(q::Ratio::new::<uom::si::ratio::ratio>(0.0))
}

impl Solvent {
    /// Share of the charge lost per batch (bought again).
    pub fn lost(&self) -> f64 {
        self.to_air.si() + self.to_waste.si() + self.to_water.si()
    }
}

/// Reactor cleaning between campaigns: water, a solvent, or both, per cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cleaning {
    /// Water per cleaning (`"4 m3"`), to the effluent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub water: Option<Measured<q::Volume>>,
    /// The cleaning solvent, one of the plant's solvents or another (priced by its name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solvent: Option<String>,
    /// Solvent per cleaning (`"400 kg"`), spent to hazardous waste.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solvent_amount: Option<Measured<q::Mass>>,
    /// Cleanings per campaign.
    pub per_campaign: f64,
    /// Campaigns per year.
    pub campaigns: f64,
}

impl Cleaning {
    /// Cleanings per year.
    pub fn per_year(&self) -> f64 {
        self.per_campaign * self.campaigns
    }
}

/// The boiler raising steam.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Boiler {
    /// What it burns, priced in `[prices]` (`"coal"`).
    pub fuel: Carrier,
    /// Heat into the steam per heat in the fuel (`"75 %"`).
    pub efficiency: Measured<q::Ratio>,
    /// Steam pressure (`"10 bar(g)"`): saturated steam at it.
    pub pressure: Measured<q::Pressure>,
    /// Feedwater temperature (`"60 °C"`).
    pub feedwater_temperature: Measured<q::ThermodynamicTemperature>,
}

/// The cooling tower's figures, passed to the utilities' cooling-tower calculator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoolingTower {
    /// Circulating water flow (`"250 m3/h"`).
    pub circulation: Measured<q::VolumeRate>,
    /// Hot minus cold water temperature (`"5 K"`).
    pub range: Measured<q::TemperatureInterval>,
    /// Cycles of concentration now (`"3"`).
    pub cycles: Measured<q::Ratio>,
    /// Treatment chemicals per volume of blowdown (`"100 mg/L"`); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dose: Option<Measured<q::MassConcentration>>,
    /// Hours the tower runs a year (`"7900 h"`); the schedule's operating hours when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Measured<q::Time>>,
}

/// Options of the chemicals catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChemicalsOption {
    /// Solvent recovery by distillation of the mother liquors and spent cleaning solvent
    /// (`solvent`, `recovery`, `purity`, `latent_heat`, `reflux_ratio`; `product`, or every
    /// product using the solvent): `recovery` of the
    /// solvent in them is distilled, `purity` of the distillate replaces fresh solvent; the
    /// distillate's heat, mass × latent heat × (1 + reflux ratio), is raised by the boiler.
    SolventRecovery,
    /// A better yield (`product`, `yield` afterwards): the product's raw materials scale by
    /// old / new yield, the product unchanged, the mother liquor's residue falls.
    YieldImprovement,
    /// Mother-liquor reuse (`product`, `fraction` of the mother liquor's solvent reused in the
    /// next batch; `yield` afterwards when the dissolved product is recovered too).
    MotherLiquorReuse,
    /// Campaign scheduling (`saving`: the share of the cleanings avoided by longer
    /// campaigns and a better product sequence); `product`, or every product.
    CampaignScheduling,
    /// Pigging and high-pressure low-volume cleaning (`saving`: the share of the water and
    /// solvent per cleaning avoided); `product`, or every product.
    LowVolumeCleaning,
    /// Vent condensers (vapour recovery) on the reactors (`recovery`: the share of the
    /// solvent to air condensed and reused); `product` and `solvent`, or all.
    VentCondenser,
    /// A liquid-ring vacuum pump instead of steam ejectors (`electricity` per batch of the
    /// pump): the ejector steam and its condensate in the effluent avoided; `product`, or
    /// every product with ejectors.
    LiquidRingVacuum,
    /// More cycles of concentration in the cooling tower (`new_cycles`; `chemical`, the
    /// priced treatment chemical, with a dose), by the utilities' cooling-tower model.
    CoolingTowerCycles,
}

/// A catalogue option chosen, with the site's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChemicalsChoice {
    /// Which option.
    pub id: ChemicalsOption,
    /// The product it applies to (by name); every product when absent, where allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// The solvent it applies to (solvent recovery: required; vent condensers: all when
    /// absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solvent: Option<String>,
    /// Share recovered (solvent distilled, solvent to air condensed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<Measured<q::Ratio>>,
    /// Share of the distillate fit to replace fresh solvent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purity: Option<Measured<q::Ratio>>,
    /// Latent heat of vaporisation of the solvent (`"360 kJ/kg"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latent_heat: Option<Measured<q::AvailableEnergy>>,
    /// Reflux ratio of the column (reflux per distillate), a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflux_ratio: Option<f64>,
    /// Yield afterwards.
    #[serde(default, rename = "yield", skip_serializing_if = "Option::is_none")]
    pub yield_: Option<Measured<q::Ratio>>,
    /// Share reused (mother liquor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraction: Option<Measured<q::Ratio>>,
    /// Share saved (cleanings, agent per cleaning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saving: Option<Measured<q::Ratio>>,
    /// Electricity per batch of a liquid-ring pump (`"90 kWh"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electricity: Option<Measured<q::Energy>>,
    /// Cycles of concentration afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_cycles: Option<Measured<q::Ratio>>,
    /// The priced treatment chemical of the cooling tower.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chemical: Option<String>,
    /// Investment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex: Option<Capex>,
    /// Change of operating cost per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_change: Option<Money>,
    /// Lifetime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Measured<q::Time>>,
}

/// Whether `s` is a snake-case name: a lowercase letter, then letters, digits and `_`.
fn snake(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn name(path: &str, s: &str) -> Result<()> {
    if !snake(s) {
        return Err(FIELDS.refuse(
            path,
            s,
            "must be a snake-case name (lowercase letters, digits and _, starting with a letter)",
        ));
    }
    if matches!(s, "water" | "materials") {
        return Err(FIELDS.refuse(
            path,
            s,
            "is a name the model keeps for its own components (water, materials)",
        ));
    }
    Ok(())
}

impl ChemicalsTemplate {
    /// Checks the figures; errors name the field, the value and the range.
    pub fn validate(&self) -> Result<()> {
        if self.products.is_empty() {
            return Err(Error::MissingField {
                path: format!("{PATH}.products"),
            });
        }
        let mut names = std::collections::HashSet::new();
        let mut solvents = std::collections::HashSet::new();
        let mut materials = std::collections::HashSet::new();
        let mut steam = false;
        for (i, p) in self.products.iter().enumerate() {
            let at = format!("products[{i}]");
            name(&format!("{at}.name"), &p.name)?;
            if !names.insert(p.name.as_str()) {
                return Err(FIELDS.refuse(&format!("{at}.name"), &p.name, "is listed twice"));
            }
            FIELDS.positive(&format!("{at}.batches"), p.batches, p.batches)?;
            FIELDS.positive(&format!("{at}.product"), p.product.si(), &p.product)?;
            let y = p.yield_.si();
            if !(y > 0.0 && y <= 1.0) {
                return Err(FIELDS.refuse(
                    &format!("{at}.yield"),
                    &p.yield_,
                    "must be more than 0 % and at most 100 %",
                ));
            }
            if p.materials.is_empty() {
                return Err(Error::MissingField {
                    path: format!("{PATH}.{at}.materials"),
                });
            }
            let mut total = 0.0;
            for (j, m) in p.materials.iter().enumerate() {
                let mat = format!("{at}.materials[{j}]");
                name(&format!("{mat}.name"), &m.name)?;
                FIELDS.non_negative(&format!("{mat}.amount"), m.amount.si(), &m.amount)?;
                total += m.amount.si();
                materials.insert(m.name.as_str());
            }
            if p.product.si() > total * (1.0 + 1e-12) {
                return Err(FIELDS.refuse(
                    &format!("{at}.product"),
                    &p.product,
                    format!(
                        "weighs more than the {} kg of materials charged per batch: mass cannot be made",
                        crate::units::format_significant(total, 6)
                    ),
                ));
            }
            for (j, s) in p.solvents.iter().enumerate() {
                let sol = format!("{at}.solvents[{j}]");
                name(&format!("{sol}.name"), &s.name)?;
                FIELDS.non_negative(&format!("{sol}.charge"), s.charge.si(), &s.charge)?;
                FIELDS.share(&format!("{sol}.to_air"), &s.to_air)?;
                FIELDS.share(&format!("{sol}.to_waste"), &s.to_waste)?;
                FIELDS.share(&format!("{sol}.to_water"), &s.to_water)?;
                if s.lost() > 1.0 + 1e-12 {
                    return Err(FIELDS.refuse(
                        &sol,
                        format!(
                            "to_air + to_waste + to_water = {} %",
                            crate::units::format_significant(s.lost() * 100.0, 6)
                        ),
                        "the losses must add up to at most 100 % of the charge",
                    ));
                }
                if p.solvents[..j].iter().any(|o| o.name == s.name) {
                    return Err(FIELDS.refuse(&format!("{sol}.name"), &s.name, "is listed twice"));
                }
                solvents.insert(s.name.as_str());
            }
            if let Some(w) = &p.water {
                FIELDS.non_negative(&format!("{at}.water"), w.si(), w)?;
            }
            if let Some(c) = &p.cleaning {
                let cl = format!("{at}.cleaning");
                FIELDS.non_negative(
                    &format!("{cl}.per_campaign"),
                    c.per_campaign,
                    c.per_campaign,
                )?;
                FIELDS.non_negative(&format!("{cl}.campaigns"), c.campaigns, c.campaigns)?;
                if let Some(w) = &c.water {
                    FIELDS.non_negative(&format!("{cl}.water"), w.si(), w)?;
                }
                match (&c.solvent, &c.solvent_amount) {
                    (Some(s), Some(a)) => {
                        name(&format!("{cl}.solvent"), s)?;
                        FIELDS.non_negative(&format!("{cl}.solvent_amount"), a.si(), a)?;
                        solvents.insert(s.as_str());
                    }
                    (None, None) => {}
                    (Some(_), None) => {
                        return Err(Error::MissingField {
                            path: format!("{PATH}.{cl}.solvent_amount"),
                        });
                    }
                    (None, Some(_)) => {
                        return Err(Error::MissingField {
                            path: format!("{PATH}.{cl}.solvent"),
                        });
                    }
                }
            }
            for (field, v) in [("steam", &p.steam), ("ejector_steam", &p.ejector_steam)] {
                if let Some(v) = v {
                    FIELDS.non_negative(&format!("{at}.{field}"), v.si(), v)?;
                    steam |= v.si() > 0.0;
                }
            }
            if let Some(e) = &p.electricity {
                FIELDS.non_negative(&format!("{at}.electricity"), e.si(), e)?;
            }
        }
        if let Some(both) = solvents.intersection(&materials).next() {
            return Err(FIELDS.refuse(
                "products",
                both,
                "is both a solvent and a material: give it one role",
            ));
        }
        match &self.boiler {
            Some(b) => b.validate()?,
            None if steam => {
                return Err(Error::MissingField {
                    path: format!("{PATH}.boiler (a product uses steam)"),
                });
            }
            None => {}
        }
        if let Some(c) = &self.cooling_tower {
            FIELDS.positive(
                "cooling_tower.circulation",
                c.circulation.si(),
                &c.circulation,
            )?;
            FIELDS.positive("cooling_tower.range", c.range.si(), &c.range)?;
            if !(c.cycles.si() > 1.0 && c.cycles.si().is_finite()) {
                return Err(FIELDS.refuse(
                    "cooling_tower.cycles",
                    &c.cycles,
                    "must be more than 1 (blowdown = evaporation / (cycles − 1))",
                ));
            }
        }
        Ok(())
    }
}

impl Boiler {
    fn validate(&self) -> Result<()> {
        let e = self.efficiency.si();
        if !(e > 0.0 && e <= 1.0) {
            return Err(FIELDS.refuse(
                "boiler.efficiency",
                &self.efficiency,
                "must be more than 0 % and at most 100 %",
            ));
        }
        if matches!(
            self.fuel,
            Carrier::Electricity | Carrier::Steam | Carrier::Heat
        ) {
            return Err(FIELDS.refuse(
                "boiler.fuel",
                self.fuel.key(),
                "is not a fuel burnt on site",
            ));
        }
        let heat = self.heat_per_kg()?;
        if heat <= 0.0 {
            return Err(FIELDS.refuse(
                "boiler.feedwater_temperature",
                &self.feedwater_temperature,
                "must be below the saturation temperature of the steam",
            ));
        }
        Ok(())
    }

    /// Heat to raise a kilogram of saturated steam at `pressure` from feedwater, J/kg: the
    /// vapour's enthalpy (IAPWS-IF97, from the utilities) less the feedwater's sensible heat
    /// above 0 °C at cp of water.
    pub fn heat_per_kg(&self) -> Result<f64> {
        let s = crate::utilities::steam::saturated_at_pressure(self.pressure.value())
            .map_err(|e| FIELDS.refuse("boiler.pressure", &self.pressure, e.to_string()))?;
        let hg = s.vapour_enthalpy.value;
        let fw = sources::WATER_SPECIFIC_HEAT * (self.feedwater_temperature.si() - 273.15);
        Ok(hg - fw)
    }
}
