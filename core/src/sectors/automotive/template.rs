//! `[template.automotive]`: the figures of a plating line, a paint shop and a machining shop,
//! each optional, checked against physical and published ranges.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use super::sources;
use crate::error::{Error, Result};
use crate::options::{Capex, OptionModel};
use crate::sectors::fields::Fields;
use crate::units::Measured;
use crate::units::money::Money;

/// The path of the template's fields in errors and warnings.
pub(crate) const PATH: &str = "template.automotive";

/// The template's fields, for their range checks.
pub(crate) const FIELDS: Fields = Fields(PATH);

/// The automotive-parts model's figures (`[template.automotive]`): up to three shops.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AutomotiveTemplate {
    /// An electroplating line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plating: Option<PlatingLine>,
    /// A spray paint shop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paint: Option<PaintShop>,
    /// A machining shop with metalworking fluid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machining: Option<Machining>,
    /// Options from the catalogue to appraise, with the site's figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<AutomotiveChoice>,
}

/// A plating line: loads (racks or barrels) through a sequence of tanks, each followed by its
/// rinse, the rinses to a wastewater treatment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlatingLine {
    /// Racks or barrels through the line per operating hour (`"12 /h"`).
    pub loads: Measured<q::Frequency>,
    /// Area of parts per load (`"2.5 m2"`); with `loads = "1 /h"` this is the area per hour.
    pub area_per_load: Measured<q::Area>,
    /// The shape of the parts, for the default drag-out per area.
    #[serde(default)]
    pub geometry: Geometry,
    /// The process tanks in line order.
    pub tanks: Vec<Tank>,
    /// The wastewater treatment; the rinses go to the sewer untreated when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment: Option<Treatment>,
}

/// Shapes of parts and how they drain, for the default drag-out
/// ([`sources::DRAG_OUT_SOURCE`], unverified).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Geometry {
    /// Vertical, well drained: 0.4 gal/1000 ft² (0.016 L/m2).
    VerticalWellDrained,
    /// Vertical, poorly drained: 2 gal/1000 ft² (0.081 L/m2).
    #[default]
    VerticalPoorlyDrained,
    /// Horizontal, well drained: 0.8 gal/1000 ft² (0.033 L/m2).
    HorizontalWellDrained,
    /// Horizontal, very poorly drained: 10 gal/1000 ft² (0.41 L/m2).
    HorizontalPoorlyDrained,
    /// Cup-shaped, very poorly drained: 16 gal/1000 ft² (0.65 L/m2), the middle of 8 to 24.
    CupShaped,
}

impl Geometry {
    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            Geometry::VerticalWellDrained => "vertical_well_drained",
            Geometry::VerticalPoorlyDrained => "vertical_poorly_drained",
            Geometry::HorizontalWellDrained => "horizontal_well_drained",
            Geometry::HorizontalPoorlyDrained => "horizontal_poorly_drained",
            Geometry::CupShaped => "cup_shaped",
        }
    }

    /// The default drag-out per area, m3/m2.
    pub fn drag_out(self) -> f64 {
        match self {
            Geometry::VerticalWellDrained => sources::DRAG_OUT_VERTICAL_WELL,
            Geometry::VerticalPoorlyDrained => sources::DRAG_OUT_VERTICAL_POOR,
            Geometry::HorizontalWellDrained => sources::DRAG_OUT_HORIZONTAL_WELL,
            Geometry::HorizontalPoorlyDrained => sources::DRAG_OUT_HORIZONTAL_POOR,
            Geometry::CupShaped => sources::DRAG_OUT_CUP,
        }
    }
}

/// Kinds of process tanks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TankKind {
    /// Alkaline or electrolytic cleaner.
    Cleaner,
    /// Acid pickle or activation.
    Pickle,
    /// A plating bath.
    Plating,
    /// Passivation or conversion coating.
    Passivation,
    /// Anything else.
    Other,
}

/// A process tank and the rinse after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tank {
    /// A short name, unique in the line (`"nickel"`): the ids of its streams.
    pub name: String,
    /// What the tank does.
    pub kind: TankKind,
    /// The metal the bath holds, followed through rinses and treatment (`"nickel"`, `"zinc"`,
    /// `"chromium"`); none for cleaners and pickles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metal: Option<String>,
    /// The metal's concentration in the bath (`"60 g/L"`); needed with `metal`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concentration: Option<Measured<q::MassConcentration>>,
    /// Working volume of the bath (`"3 m3"`); needed with `dumps`, and checks the drag-out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<Measured<q::Volume>>,
    /// Times the bath is dumped to treatment and made up new (`"2 /yr"`); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dumps: Option<Measured<q::Frequency>>,
    /// Solution carried out per area of parts (`"0.1 L/m2"`); by `geometry` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drag_out: Option<Measured<q::Length>>,
    /// The rinse after the tank.
    pub rinse: Rinse,
    /// The resource in `[prices]` the metal is bought as (`"nickel sulphate"`); the metal's
    /// own name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bought_as: Option<String>,
    /// Metal per mass of what it is bought as (`"22 %"` of Ni in nickel sulphate); 100 % when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Measured<q::Ratio>>,
}

/// Kinds of rinses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RinseKind {
    /// One running (overflow) rinse.
    #[default]
    Single,
    /// `stages` tanks, water fed to the last and cascading back.
    CounterCurrent,
    /// A spray rinse of `efficiency`.
    Spray,
}

impl RinseKind {
    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            RinseKind::Single => "single",
            RinseKind::CounterCurrent => "counter_current",
            RinseKind::Spray => "spray",
        }
    }
}

/// A rinse: its kind and what decides its water: a criterion (`ratio` or
/// `final_concentration`), or the measured `flow`, or both (then the flow is the baseline and
/// the criterion what rinse control could bring it down to).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rinse {
    /// The kind of rinse; single running rinse when absent.
    #[serde(default)]
    pub kind: RinseKind,
    /// Counter-current: the number of tanks (2 to 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stages: Option<u32>,
    /// Spray: how much one litre of spray rinses, as a share of a running rinse's litre
    /// (`"250 %"`: a spray always clean and running only with parts present rinses better per
    /// litre; below 100 % when it misses recesses). The site's figure; no published default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efficiency: Option<Measured<q::Ratio>>,
    /// A still (drag-out recovery) rinse in front, returning this share of the drag-out to the
    /// bath (`"60 %"`); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<Measured<q::Ratio>>,
    /// Criterion: the dilution ratio bath / final rinse (`2000`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<f64>,
    /// Criterion: the metal allowed in the final rinse (`"20 mg/L"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_concentration: Option<Measured<q::MassConcentration>>,
    /// The measured fresh-water flow (`"0.8 m3/h"`, per operating hour).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<Measured<q::VolumeRate>>,
}

impl Rinse {
    /// Number of rinse tanks (counter-current stages; 1 otherwise).
    pub fn stage_count(&self) -> u32 {
        match self.kind {
            RinseKind::CounterCurrent => self.stages.unwrap_or(2),
            _ => 1,
        }
    }
}

/// The wastewater treatment: hydroxide precipitation, the sludge pressed to a cake.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Treatment {
    /// Share of the metal precipitated into the sludge; 99 % when absent
    /// ([`sources::PRECIPITATION`], illustrative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precipitation: Option<Measured<q::Ratio>>,
    /// Dry solids of the sludge cake (`"25 %"`).
    pub dry_solids: Measured<q::Ratio>,
}

/// Spray application methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Application {
    /// Conventional air-atomised spray: 30 %.
    Conventional,
    /// Airless: 45 %.
    Airless,
    /// High-volume low-pressure: 55 %.
    Hvlp,
    /// Air-assisted airless: 70 %.
    AirAssistedAirless,
    /// Electrostatic spray: no default (give `transfer_efficiency`).
    Electrostatic,
}

impl Application {
    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            Application::Conventional => "conventional",
            Application::Airless => "airless",
            Application::Hvlp => "hvlp",
            Application::AirAssistedAirless => "air_assisted_airless",
            Application::Electrostatic => "electrostatic",
        }
    }

    /// The default transfer efficiency ([`sources::TRANSFER_SOURCE`]).
    pub fn transfer_efficiency(self) -> Option<f64> {
        match self {
            Application::Conventional => Some(sources::TE_CONVENTIONAL),
            Application::Airless => Some(sources::TE_AIRLESS),
            Application::Hvlp => Some(sources::TE_HVLP),
            Application::AirAssistedAirless => Some(sources::TE_AIR_ASSISTED),
            Application::Electrostatic => sources::TE_ELECTROSTATIC,
        }
    }
}

/// A spray paint shop with solvent-borne coating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PaintShop {
    /// Parts painted (`"150000 /yr"`).
    pub parts: Measured<q::Frequency>,
    /// Area coated per part (`"0.6 m2"`).
    pub area_per_part: Measured<q::Area>,
    /// Dry film thickness (`"40 µm"`).
    pub film: Measured<q::Length>,
    /// Solids by volume of the coating as applied (`"45 %"`).
    pub solids: Measured<q::Ratio>,
    /// Density of the coating as applied (`"1.25 kg/L"`).
    pub density: Measured<q::MassConcentration>,
    /// VOC content of the coating as applied (`"420 g/L"`).
    pub voc: Measured<q::MassConcentration>,
    /// The application method.
    pub application: Application,
    /// Transfer efficiency, solids on the parts per solids sprayed; by `application` when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_efficiency: Option<Measured<q::Ratio>>,
    /// Solvent for gun and line cleaning (`"3000 kg/yr"`); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleaning_solvent: Option<Measured<q::MassRate>>,
    /// Share of the cleaning solvent collected as waste solvent, the rest evaporating
    /// (`"60 %"`); needed with `cleaning_solvent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solvent_collected: Option<Measured<q::Ratio>>,
}

/// A machining shop: metalworking fluid in its sumps, chips, compressed air.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Machining {
    /// Volume of fluid in the sumps, all machines together (`"12 m3"`).
    pub sump: Measured<q::Volume>,
    /// Times the sumps are dumped and refilled (`"4 /yr"`).
    pub changes: Measured<q::Frequency>,
    /// Concentrate in the fluid (`"6 %"`).
    pub concentration: Measured<q::Ratio>,
    /// Chips produced (`"150 t/yr"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chips: Option<Measured<q::MassRate>>,
    /// Fluid carried out on the chips per chip mass (`"10 %"`); needed with `chips`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carry_out: Option<Measured<q::Ratio>>,
    /// Water evaporated from the fluid, made up between changes (`"20 m3/yr"`); none when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaporation: Option<Measured<q::VolumeRate>>,
    /// Electricity of the air compressors (`"180000 kWh/yr"`); not modelled when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compressed_air: Option<Measured<q::Power>>,
}

/// Options of the automotive catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AutomotiveOption {
    /// The rinse after `tank` made counter-current with `stages` tanks, to the same final
    /// rinse concentration.
    CounterCurrentRinse,
    /// The rinse after `tank` made a spray rinse of `efficiency`.
    SprayRinse,
    /// Less drag-out from `tank`: `drag_out` afterwards (longer drip time, drain boards,
    /// racking) and/or a lower bath `concentration`.
    DragOutReduction,
    /// A still rinse after `tank` returning `recovery` of the drag-out to the bath (with
    /// evaporation making room for it).
    DragOutRecovery,
    /// Conductivity-controlled rinse flow on `tank`: the measured flow cut to what its
    /// criterion needs.
    RinseControl,
    /// Ion exchange or reverse osmosis of the rinse after `tank`: `recovery` of its water
    /// returned as fresh rinse water.
    RinseRecycling,
    /// Bath life extension (filtration, carbon treatment) of `tank`: `dumps` afterwards.
    BathLifeExtension,
    /// Trivalent for hexavalent chromium in `tank`: the new bath's chromium `concentration`,
    /// bought as `bought_as` (with its chromium `content`): less chromium dragged out and
    /// rinsed for the same final rinse concentration, the new chemistry priced instead of the
    /// old. The reduction of hexavalent chromium before precipitation is not modelled.
    TrivalentChromium,
    /// HVLP spray guns (`transfer_efficiency` afterwards; 55 % by default).
    Hvlp,
    /// Air-assisted airless spray (`transfer_efficiency` afterwards; 70 % by default).
    AirAssistedAirless,
    /// Electrostatic spray (`transfer_efficiency` afterwards, required).
    Electrostatic,
    /// Powder coating instead of the liquid coating: the same film mass on the parts, powder
    /// bought as `bought_as` at its `transfer_efficiency` with overspray reclaim (required), no
    /// VOC. The curing oven's energy is not modelled.
    PowderCoating,
    /// A still recovering `recovery` of the collected gun-cleaning solvent for reuse.
    SolventRecovery,
    /// Coolant recycling (skimming, filtration, concentration control): `changes`
    /// afterwards.
    CoolantRecycling,
    /// Chip wringing: `recovery` of the fluid carried out on chips returned to the sumps.
    ChipWringing,
    /// Compressed-air leaks repaired: `model = { kind = "air_leak", ... }` of the utilities.
    AirLeaks,
    /// Compressed-air pressure lowered: `model = { kind = "air_pressure_reduction", ... }`.
    AirPressureReduction,
}

/// A catalogue option chosen, with the site's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AutomotiveChoice {
    /// Which option.
    pub id: AutomotiveOption,
    /// The plating tank it acts on, by name (plating options).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tank: Option<String>,
    /// Counter-current stages afterwards (2 to 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stages: Option<u32>,
    /// Spray rinse efficiency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efficiency: Option<Measured<q::Ratio>>,
    /// Drag-out per area afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drag_out: Option<Measured<q::Length>>,
    /// Bath metal concentration afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concentration: Option<Measured<q::MassConcentration>>,
    /// Share recovered (drag-out, rinse water, solvent, chip fluid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<Measured<q::Ratio>>,
    /// Bath dumps afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dumps: Option<Measured<q::Frequency>>,
    /// Sump changes afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<Measured<q::Frequency>>,
    /// Transfer efficiency afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_efficiency: Option<Measured<q::Ratio>>,
    /// Trivalent chromium: the resource in `[prices]` the new bath's chromium is bought as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bought_as: Option<String>,
    /// Trivalent chromium: chromium per mass of what it is bought as; 100 % when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Measured<q::Ratio>>,
    /// Compressed-air options: the utilities' calculator and its inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<OptionModel>,
    /// Investment (required: no published default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex: Option<Capex>,
    /// Change of operating cost per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_change: Option<Money>,
    /// Lifetime; the document's horizon when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Measured<q::Time>>,
}

/// The largest spray efficiency accepted (10 times a running rinse per litre; a judgement of
/// this model against unit mistakes).
pub(crate) const SPRAY_EFFICIENCY_MAX: f64 = 10.0;

impl AutomotiveTemplate {
    /// Checks the figures; errors name the field, the value and the range.
    pub fn validate(&self) -> Result<()> {
        if self.plating.is_none() && self.paint.is_none() && self.machining.is_none() {
            return Err(Error::MissingField {
                path: format!("{PATH}.plating (or paint, or machining)"),
            });
        }
        if let Some(p) = &self.plating {
            p.validate()?;
        }
        if let Some(p) = &self.paint {
            p.validate()?;
        }
        if let Some(m) = &self.machining {
            m.validate()?;
        }
        Ok(())
    }
}

impl PlatingLine {
    fn validate(&self) -> Result<()> {
        FIELDS.positive("plating.loads", self.loads.si(), &self.loads)?;
        FIELDS.positive(
            "plating.area_per_load",
            self.area_per_load.si(),
            &self.area_per_load,
        )?;
        if self.tanks.is_empty() {
            return Err(Error::MissingField {
                path: format!("{PATH}.plating.tanks"),
            });
        }
        for (i, t) in self.tanks.iter().enumerate() {
            let p = format!("plating.tanks[{i}]");
            if t.name.is_empty()
                || !t
                    .name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                return Err(FIELDS.refuse(
                    &format!("{p}.name"),
                    &t.name,
                    "must be a short name of letters, digits and _",
                ));
            }
            if self.tanks[..i].iter().any(|o| o.name == t.name) {
                return Err(FIELDS.refuse(&format!("{p}.name"), &t.name, "is used twice"));
            }
            t.validate(&p, self.area_per_load.si(), self.geometry)?;
        }
        if let Some(tr) = &self.treatment {
            if let Some(x) = &tr.precipitation {
                FIELDS.share("plating.treatment.precipitation", x)?;
            }
            FIELDS.share_above_zero("plating.treatment.dry_solids", &tr.dry_solids)?;
        }
        Ok(())
    }
}

impl Tank {
    /// The drag-out per area, m3/m2 (given, or by geometry).
    pub fn drag_out_si(&self, geometry: Geometry) -> f64 {
        self.drag_out
            .as_ref()
            .map_or(geometry.drag_out(), |d| d.si())
    }

    fn validate(&self, p: &str, area_per_load: f64, geometry: Geometry) -> Result<()> {
        if let Some(d) = &self.drag_out {
            FIELDS.positive(&format!("{p}.drag_out"), d.si(), d)?;
            if d.si() > sources::DRAG_OUT_MAX {
                return Err(FIELDS.refuse(
                    &format!("{p}.drag_out"),
                    d,
                    "must be at most 1 L/m2 (drag-out films are about 0.02 to 0.6 L/m2); check the unit",
                ));
            }
        }
        match (&self.metal, &self.concentration) {
            (Some(_), None) => {
                return Err(Error::MissingField {
                    path: format!("{PATH}.{p}.concentration"),
                });
            }
            (None, Some(c)) => {
                return Err(FIELDS.refuse(
                    &format!("{p}.concentration"),
                    c,
                    "is given without metal: name the metal it is a concentration of",
                ));
            }
            (Some(m), Some(c)) => {
                if m.is_empty() || m == "water" || m == "hydroxide" {
                    return Err(FIELDS.refuse(&format!("{p}.metal"), m, "is not a metal's name"));
                }
                FIELDS.positive(&format!("{p}.concentration"), c.si(), c)?;
                if c.si() > 500.0 {
                    return Err(FIELDS.refuse(
                        &format!("{p}.concentration"),
                        c,
                        "must be at most 500 g/L of metal (plating baths hold about 5 to 300 g/L); check the unit",
                    ));
                }
            }
            (None, None) => {}
        }
        if let Some(v) = &self.volume {
            FIELDS.positive(&format!("{p}.volume"), v.si(), v)?;
            let per_load = self.drag_out_si(geometry) * area_per_load;
            if per_load >= v.si() {
                return Err(FIELDS.refuse(
                    &format!("{p}.drag_out"),
                    format!(
                        "{} L per load",
                        crate::units::format_number(crate::units::round_to(per_load * 1e3, 4))
                    ),
                    format!(
                        "is larger than the bath ({v}): the drag-out of one load must be a small part of the bath"
                    ),
                ));
            }
        }
        if let Some(d) = &self.dumps {
            FIELDS.non_negative(&format!("{p}.dumps"), d.si(), d)?;
            if self.volume.is_none() {
                return Err(Error::MissingField {
                    path: format!("{PATH}.{p}.volume (needed with dumps)"),
                });
            }
        }
        if let Some(c) = &self.content {
            FIELDS.share_above_zero(&format!("{p}.content"), c)?;
        }
        let r = &self.rinse;
        let rp = format!("{p}.rinse");
        match r.kind {
            RinseKind::CounterCurrent => {
                let n = r.stages.unwrap_or(0);
                if !(2..=6).contains(&n) {
                    return Err(FIELDS.refuse(
                        &format!("{rp}.stages"),
                        n,
                        "must be from 2 to 6 tanks for a counter-current rinse",
                    ));
                }
            }
            _ => {
                if let Some(n) = r.stages {
                    return Err(FIELDS.refuse(
                        &format!("{rp}.stages"),
                        n,
                        "goes with kind = \"counter_current\"",
                    ));
                }
            }
        }
        match (r.kind, &r.efficiency) {
            (RinseKind::Spray, None) => {
                return Err(Error::MissingField {
                    path: format!("{PATH}.{rp}.efficiency"),
                });
            }
            (RinseKind::Spray, Some(e)) if !(e.si() > 0.0 && e.si() <= SPRAY_EFFICIENCY_MAX) => {
                return Err(FIELDS.refuse(
                    &format!("{rp}.efficiency"),
                    e,
                    "must be more than 0 % and at most 1000 % of a running rinse's effect per litre",
                ));
            }
            (RinseKind::Spray, Some(_)) => {}
            (_, Some(e)) => {
                return Err(FIELDS.refuse(
                    &format!("{rp}.efficiency"),
                    e,
                    "goes with kind = \"spray\"",
                ));
            }
            _ => {}
        }
        if let Some(f) = &r.recovery {
            FIELDS.share(&format!("{rp}.recovery"), f)?;
            if f.si() >= 1.0 {
                return Err(FIELDS.refuse(
                    &format!("{rp}.recovery"),
                    f,
                    "must be below 100 %: some drag-out always reaches the running rinse",
                ));
            }
        }
        if let Some(x) = r.ratio {
            if !(x.is_finite() && x > 1.0) {
                return Err(FIELDS.refuse(
                    &format!("{rp}.ratio"),
                    x,
                    "must be above 1 (bath concentration per final rinse concentration)",
                ));
            }
            if r.final_concentration.is_some() {
                return Err(FIELDS.refuse(
                    &format!("{rp}.final_concentration"),
                    r.final_concentration
                        .as_ref()
                        .map_or(String::new(), ToString::to_string),
                    "is given with ratio: give one criterion",
                ));
            }
        }
        if let Some(c) = &r.final_concentration {
            let Some(c0) = &self.concentration else {
                return Err(FIELDS.refuse(
                    &format!("{rp}.final_concentration"),
                    c,
                    "needs the tank's metal and concentration (or give ratio)",
                ));
            };
            if !(c.si() > 0.0 && c.si() < c0.si()) {
                return Err(FIELDS.refuse(
                    &format!("{rp}.final_concentration"),
                    c,
                    format!("must be positive and below the bath's {c0}"),
                ));
            }
        }
        if let Some(f) = &r.flow {
            FIELDS.positive(&format!("{rp}.flow"), f.si(), f)?;
        }
        if r.flow.is_none()
            && r.ratio.is_none()
            && r.final_concentration.is_none()
            && self.metal.is_none()
        {
            return Err(Error::MissingField {
                path: format!("{PATH}.{rp}.ratio (or final_concentration, or flow)"),
            });
        }
        Ok(())
    }
}

impl PaintShop {
    /// The transfer efficiency (given or by application), if known.
    pub fn te(&self) -> Option<f64> {
        self.transfer_efficiency
            .as_ref()
            .map(|t| t.si())
            .or_else(|| self.application.transfer_efficiency())
    }

    fn validate(&self) -> Result<()> {
        FIELDS.non_negative("paint.parts", self.parts.si(), &self.parts)?;
        FIELDS.positive(
            "paint.area_per_part",
            self.area_per_part.si(),
            &self.area_per_part,
        )?;
        FIELDS.positive("paint.film", self.film.si(), &self.film)?;
        if self.film.si() > 1e-3 {
            return Err(FIELDS.refuse(
                "paint.film",
                &self.film,
                "must be at most 1000 µm (paint films are about 15 to 150 µm); check the unit",
            ));
        }
        FIELDS.share_above_zero("paint.solids", &self.solids)?;
        FIELDS.positive("paint.density", self.density.si(), &self.density)?;
        if !(500.0..=3000.0).contains(&self.density.si()) {
            return Err(FIELDS.refuse(
                "paint.density",
                &self.density,
                "must be from 0.5 to 3 kg/L",
            ));
        }
        FIELDS.non_negative("paint.voc", self.voc.si(), &self.voc)?;
        if self.voc.si() >= self.density.si() {
            return Err(FIELDS.refuse(
                "paint.voc",
                &self.voc,
                format!(
                    "must be below the density ({}): the coating must hold solids",
                    self.density
                ),
            ));
        }
        match &self.transfer_efficiency {
            Some(t) => FIELDS.share_above_zero("paint.transfer_efficiency", t)?,
            None if self.application.transfer_efficiency().is_none() => {
                return Err(Error::MissingField {
                    path: format!(
                        "{PATH}.paint.transfer_efficiency (no checked default for {})",
                        self.application.key()
                    ),
                });
            }
            None => {}
        }
        match (&self.cleaning_solvent, &self.solvent_collected) {
            (Some(s), Some(c)) => {
                FIELDS.non_negative("paint.cleaning_solvent", s.si(), s)?;
                FIELDS.share("paint.solvent_collected", c)?;
            }
            (Some(_), None) => {
                return Err(Error::MissingField {
                    path: format!("{PATH}.paint.solvent_collected"),
                });
            }
            (None, Some(c)) => {
                return Err(FIELDS.refuse(
                    "paint.solvent_collected",
                    c,
                    "goes with cleaning_solvent",
                ));
            }
            (None, None) => {}
        }
        Ok(())
    }
}

impl Machining {
    fn validate(&self) -> Result<()> {
        FIELDS.positive("machining.sump", self.sump.si(), &self.sump)?;
        FIELDS.non_negative("machining.changes", self.changes.si(), &self.changes)?;
        FIELDS.share_above_zero("machining.concentration", &self.concentration)?;
        if self.concentration.si() > 0.5 {
            return Err(FIELDS.refuse(
                "machining.concentration",
                &self.concentration,
                "must be at most 50 % (water-mixed fluids run at about 3 to 10 %)",
            ));
        }
        match (&self.chips, &self.carry_out) {
            (Some(c), Some(k)) => {
                FIELDS.non_negative("machining.chips", c.si(), c)?;
                FIELDS.share("machining.carry_out", k)?;
            }
            (Some(_), None) => {
                return Err(Error::MissingField {
                    path: format!("{PATH}.machining.carry_out"),
                });
            }
            (None, Some(k)) => {
                return Err(FIELDS.refuse("machining.carry_out", k, "goes with chips"));
            }
            (None, None) => {}
        }
        if let Some(e) = &self.evaporation {
            FIELDS.non_negative("machining.evaporation", e.si(), e)?;
        }
        if let Some(e) = &self.compressed_air {
            FIELDS.non_negative("machining.compressed_air", e.si(), e)?;
        }
        Ok(())
    }
}
