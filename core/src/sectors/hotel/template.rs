//! `[template.hotel]`: the hotel's figures, each checked against physical and published ranges.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use super::sources;
use crate::error::{Error, Result};
use crate::flowsheet::Carrier;
use crate::options::Capex;
pub use crate::sectors::equipment::Lighting;
use crate::sectors::fields::Fields;
use crate::units::Measured;
use crate::units::money::Money;

/// The path of the template's fields in errors and warnings.
pub(crate) const PATH: &str = "template.hotel";

/// The template's fields, for their range checks.
pub(crate) const FIELDS: Fields = Fields(PATH);

/// The hotel model's figures (`[template.hotel]`). Uses are per guest-night unless said;
/// per-day figures are per operating day of `[schedule]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HotelTemplate {
    /// Rooms for sale.
    pub rooms: f64,
    /// Share of the rooms sold, averaged over the operating days (`"72 %"`); give this or
    /// `guest_nights`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupancy: Option<Measured<q::Ratio>>,
    /// Guests per occupied room, with `occupancy`; 1 when absent (no published default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guests_per_room: Option<f64>,
    /// Guest-nights per year, instead of `occupancy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guest_nights: Option<f64>,
    /// The kind of hotel; chooses the benchmark.
    #[serde(default)]
    pub category: HotelCategory,
    /// Guest-room showers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub showers: Option<Showers>,
    /// Guest-room taps (lavatory faucets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taps: Option<Taps>,
    /// WCs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wcs: Option<Wcs>,
    /// An on-site laundry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub laundry: Option<Laundry>,
    /// The kitchen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kitchen: Option<Kitchen>,
    /// A swimming pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool: Option<Pool>,
    /// Irrigated gardens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub irrigation: Option<Irrigation>,
    /// The plant heating the hot water (needed when any end use has a hot share).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hot_water: Option<HotWaterPlant>,
    /// Guest-room and public-area lighting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lighting: Option<Lighting>,
    /// An open cooling tower of the air conditioning (the water balance of
    /// [`crate::utilities::cooling_water::cooling_tower`], run over the operating hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooling_tower: Option<CoolingTower>,
    /// Solid waste per guest-night and its fractions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waste: Option<Waste>,
    /// Heated and cooled floor area (`"9000 m2"`): energy is also reported per m2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor_area: Option<Measured<q::Area>>,
    /// The water bought per year from the bills or the main meter (`"40000 m3/yr"`): the
    /// difference from the end uses is reported as unaccounted water (leaks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metered_water: Option<Measured<q::VolumeRate>>,
    /// Relative uncertainty of `metered_water` (`"5 %"`); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metered_uncertainty: Option<Measured<q::Ratio>>,
    /// Options from the catalogue to appraise, with the site's figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<HotelChoice>,
}

/// Kinds of hotels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HotelCategory {
    /// A fully serviced hotel (restaurant, laundry, ...).
    #[default]
    FullService,
    /// A resort: a fully serviced hotel with pools and gardens.
    Resort,
    /// A limited-service hotel (no published benchmark in this model).
    LimitedService,
    /// A hostel.
    Hostel,
}

impl HotelCategory {
    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            HotelCategory::FullService => "full_service",
            HotelCategory::Resort => "resort",
            HotelCategory::LimitedService => "limited_service",
            HotelCategory::Hostel => "hostel",
        }
    }

    /// The published water benchmark per guest-night, where there is one.
    pub fn water_benchmark(self) -> Option<sources::Reference> {
        match self {
            HotelCategory::FullService | HotelCategory::Resort => Some(sources::WATER_FULL_SERVICE),
            HotelCategory::Hostel => Some(sources::WATER_HOSTEL),
            HotelCategory::LimitedService => None,
        }
    }
}

/// Guest-room showers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Showers {
    /// Flow of the shower heads (`"11 L/min"`, measured with a bucket and a watch); the
    /// WaterSense maximum, 7.6 L/min, when absent ([`sources::WATERSENSE_SHOWERHEAD`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<Measured<q::VolumeRate>>,
    /// Minutes per shower (`"8 min"`).
    pub minutes: Measured<q::Time>,
    /// Showers per guest-night.
    pub uses: f64,
    /// Share of the shower water that is hot (from the hot-water plant).
    pub hot_share: Measured<q::Ratio>,
}

/// Guest-room taps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Taps {
    /// Flow of the taps; the WaterSense lavatory faucet maximum, 5.7 L/min, when absent
    /// ([`sources::WATERSENSE_LAVATORY_FAUCET`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<Measured<q::VolumeRate>>,
    /// Minutes of running tap per guest-night (`"3 min"`).
    pub minutes: Measured<q::Time>,
    /// Share of the tap water that is hot.
    pub hot_share: Measured<q::Ratio>,
}

/// WCs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wcs {
    /// Volume per flush (`"9 L"`); the WaterSense maximum, 4.8 L, when absent
    /// ([`sources::WATERSENSE_TOILET`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flush: Option<Measured<q::Volume>>,
    /// Flushes per guest-night.
    pub uses: f64,
}

/// An on-site laundry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Laundry {
    /// Linen and towels washed per guest-night (`"4 kg"`).
    pub linen: Measured<q::Mass>,
    /// Water per kilogram washed (`"12 L/kg"`).
    pub water: Measured<q::SpecificVolume>,
    /// Share of the laundry water that is hot (from the hot-water plant).
    pub hot_share: Measured<q::Ratio>,
    /// Electricity of the washers, dryers and ironers per kilogram (`"0.8 kWh/kg"`); not
    /// modelled when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electricity: Option<Measured<q::AvailableEnergy>>,
}

/// The kitchen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kitchen {
    /// Covers (meals) served per day.
    pub covers: f64,
    /// Water per cover for cooking, dishwashing and cleaning other than the pre-rinse spray
    /// valves (`"15 L"`); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub water_per_cover: Option<Measured<q::Volume>>,
    /// Flow of the pre-rinse spray valves; the WaterSense maximum, 4.8 L/min, when absent
    /// ([`sources::WATERSENSE_PRE_RINSE_SPRAY_VALVE`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spray_valve_flow: Option<Measured<q::VolumeRate>>,
    /// Minutes the spray valves run per day, all valves together (`"90 min"`); none when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spray_valve_minutes: Option<Measured<q::Time>>,
    /// Share of the kitchen water that is hot.
    pub hot_share: Measured<q::Ratio>,
}

/// A swimming pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pool {
    /// Water surface (`"400 m2"`).
    pub area: Measured<q::Area>,
    /// Water level lost to evaporation (and splash) per day (`"6 mm"`): the make-up water.
    pub evaporation: Measured<q::Length>,
    /// Water used to backwash the filters per day (`"3 m3"`); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backwash: Option<Measured<q::Volume>>,
}

/// Irrigated gardens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Irrigation {
    /// Area irrigated (`"6000 m2"`).
    pub area: Measured<q::Area>,
    /// Water applied per day, as a depth (`"4 mm"`).
    pub depth: Measured<q::Length>,
}

/// An open cooling tower.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoolingTower {
    /// Circulating water (`"120 m3/h"`).
    pub circulation: Measured<q::VolumeRate>,
    /// Range: hot minus cold water temperature (`"5 K"`).
    pub range: Measured<q::TemperatureInterval>,
    /// Cycles of concentration today (`3`).
    pub cycles: f64,
    /// Drift as a share of the circulation; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drift: Option<Measured<q::Ratio>>,
    /// Hours a day the tower runs (`"12 h"`); the schedule's operating hours when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Measured<q::Time>>,
}

/// Solid waste.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waste {
    /// Waste per guest-night, all fractions (`"1.2 kg"`), weighed on site.
    pub per_guest_night: Measured<q::Mass>,
    /// Share of it that is food and garden waste (compostable).
    pub organic: Measured<q::Ratio>,
    /// Share of it that is recyclable (paper, cardboard, glass, metals, plastics).
    pub recyclable: Measured<q::Ratio>,
    /// Share of all the waste separated today (composted or sent for recycling); none when
    /// absent. The rest is disposed of as `solid_waste` (priced per tonne in `[prices]`);
    /// what is separated costs nothing unless `[prices]` has `separated_waste`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separated: Option<Measured<q::Ratio>>,
}

impl Waste {
    /// The share separated today.
    pub fn separated(&self) -> f64 {
        self.separated.as_ref().map_or(0.0, |s| s.si())
    }
}

/// The plant heating the hot water: a boiler (fuel and efficiency) or a heat pump (COP).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HotWaterPlant {
    /// What the boiler burns (`"lpg"`); natural gas when absent. A heat pump uses electricity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fuel: Option<Carrier>,
    /// Boiler efficiency, heat into the water per heat in the fuel (`"80 %"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efficiency: Option<Measured<q::Ratio>>,
    /// Heat pump seasonal coefficient of performance (`3.0`), instead of a boiler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cop: Option<f64>,
    /// Temperature of the hot water delivered (`"60 °C"`).
    pub hot_temperature: Measured<q::ThermodynamicTemperature>,
    /// Temperature of the cold water entering (`"26 °C"`).
    pub cold_temperature: Measured<q::ThermodynamicTemperature>,
    /// Share of the hot water's heat from solar collectors today (`"20 %"`); the boiler or
    /// heat pump supplies the rest. None when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solar_share: Option<Measured<q::Ratio>>,
}

impl HotWaterPlant {
    /// The carrier the plant uses.
    pub fn carrier(&self) -> Carrier {
        if self.cop.is_some() {
            Carrier::Electricity
        } else {
            self.fuel.unwrap_or(Carrier::NaturalGas)
        }
    }

    /// The share of the heat from solar collectors today.
    pub fn solar(&self) -> f64 {
        self.solar_share.as_ref().map_or(0.0, |s| s.si())
    }

    /// The temperature rise, K.
    pub fn rise(&self) -> f64 {
        self.hot_temperature.si() - self.cold_temperature.si()
    }
}

/// Options of the hotel catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HotelOption {
    /// Low-flow shower heads (`flow` afterwards; the WaterSense maximum by default): shower
    /// water, cold and hot, times new flow / old flow.
    LowFlowShowers,
    /// Tap aerators (`flow` afterwards; the WaterSense lavatory maximum by default).
    TapAerators,
    /// Low-flush WCs (`flush` afterwards; the WaterSense maximum by default).
    LowFlushWcs,
    /// A leak programme (`saving`: the share of the unaccounted water stopped); needs
    /// `metered_water`.
    LeakProgramme,
    /// Towel and linen reuse (`saving`: the share of the linen no longer washed): laundry
    /// water, hot water and electricity in proportion.
    LinenReuse,
    /// Efficient pre-rinse spray valves (`flow` afterwards; the WaterSense maximum by
    /// default).
    SprayValves,
    /// A pool cover at night (`saving`: the share of the evaporation avoided); backwash
    /// unchanged.
    PoolCover,
    /// A better boiler or burner tuning (`efficiency` afterwards).
    BoilerUpgrade,
    /// LED lamps instead of the present ones (`power` per fixture afterwards): the lighting's
    /// electricity times new power / old power.
    LedLighting,
    /// Key-card switches and occupancy sensors (`control`: the share of the hours the lamps
    /// stay on afterwards).
    LightingControls,
    /// Waste separation and composting (`fraction`: the share of the organic and recyclable
    /// waste separated afterwards): what is separated is no longer disposed of, priced at the
    /// `solid_waste` disposal price.
    WasteSeparation,
    /// More cycles of concentration in the cooling tower (`cycles` afterwards): blowdown and
    /// make-up fall, evaporation is unchanged (utilities' cooling-tower calculator).
    TowerCycles,
    /// Solar water heating (`solar_share`: the share of the hot water's heat from the sun
    /// afterwards): the boiler's or heat pump's energy times (1 − new) / (1 − old).
    SolarWaterHeating,
    /// A heat pump instead of the boiler (`cop`): the fuel replaced by electricity, heat /
    /// COP, priced as `electricity`; hot water saved by other options saves that electricity.
    HeatPump,
}

/// A catalogue option chosen, with the site's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HotelChoice {
    /// Which option.
    pub id: HotelOption,
    /// Flow afterwards (showers, taps, spray valves).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<Measured<q::VolumeRate>>,
    /// Volume per flush afterwards (WCs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flush: Option<Measured<q::Volume>>,
    /// Share saved (leaks, linen, pool evaporation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saving: Option<Measured<q::Ratio>>,
    /// Boiler efficiency afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efficiency: Option<Measured<q::Ratio>>,
    /// Heat pump seasonal COP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cop: Option<f64>,
    /// Power per lighting fixture afterwards (`"9 W"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power: Option<Measured<q::Power>>,
    /// Share of the lighting hours the lamps stay on afterwards (`"70 %"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control: Option<Measured<q::Ratio>>,
    /// Share of the organic and recyclable waste separated afterwards (`"80 %"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraction: Option<Measured<q::Ratio>>,
    /// Cooling-tower cycles of concentration afterwards (`6`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycles: Option<f64>,
    /// Share of the hot water's heat from solar collectors afterwards (`"60 %"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solar_share: Option<Measured<q::Ratio>>,
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

fn fixture_flow(name: &str, v: &Option<Measured<q::VolumeRate>>) -> Result<()> {
    if let Some(f) = v {
        FIELDS.positive(name, f.si(), f)?;
        if f.si() > sources::FLOW_MAX {
            return Err(FIELDS.refuse(
                name,
                f,
                "must be at most 30 L/min: shower heads and taps deliver about 5 to 20 L/min (WaterSense maximum 7.6 L/min for shower heads); check the unit",
            ));
        }
    }
    Ok(())
}

impl HotelTemplate {
    /// Checks the figures; errors name the field, the value and the range.
    pub fn validate(&self) -> Result<()> {
        FIELDS.positive("rooms", self.rooms, self.rooms)?;
        match (&self.occupancy, self.guest_nights) {
            (Some(_), Some(g)) => {
                return Err(FIELDS.refuse(
                    "guest_nights",
                    g,
                    "is given with occupancy: give one of them",
                ));
            }
            (None, None) => {
                return Err(Error::MissingField {
                    path: format!("{PATH}.occupancy (or guest_nights)"),
                });
            }
            (Some(o), None) => {
                if !(o.si() > 0.0 && o.si() <= 1.0) {
                    return Err(FIELDS.refuse(
                        "occupancy",
                        o,
                        "must be more than 0 % and at most 100 % of the rooms",
                    ));
                }
            }
            (None, Some(g)) => FIELDS.positive("guest_nights", g, g)?,
        }
        if let Some(g) = self.guests_per_room
            && !(g.is_finite() && (1.0..=10.0).contains(&g))
        {
            return Err(FIELDS.refuse(
                "guests_per_room",
                g,
                "must be from 1 to 10 guests per occupied room",
            ));
        }
        if self.guests_per_room.is_some() && self.occupancy.is_none() {
            return Err(FIELDS.refuse(
                "guests_per_room",
                self.guests_per_room.unwrap_or_default(),
                "goes with occupancy, not guest_nights",
            ));
        }
        if let Some(s) = &self.showers {
            fixture_flow("showers.flow", &s.flow)?;
            FIELDS.positive("showers.minutes", s.minutes.si(), &s.minutes)?;
            FIELDS.non_negative("showers.uses", s.uses, s.uses)?;
            FIELDS.share("showers.hot_share", &s.hot_share)?;
        }
        if let Some(t) = &self.taps {
            fixture_flow("taps.flow", &t.flow)?;
            FIELDS.non_negative("taps.minutes", t.minutes.si(), &t.minutes)?;
            FIELDS.share("taps.hot_share", &t.hot_share)?;
        }
        if let Some(w) = &self.wcs {
            if let Some(f) = &w.flush {
                FIELDS.positive("wcs.flush", f.si(), f)?;
                if f.si() > 0.025 {
                    return Err(FIELDS.refuse(
                        "wcs.flush",
                        f,
                        "must be at most 25 L per flush (old WCs use 9 to 20 L; WaterSense 4.8 L)",
                    ));
                }
            }
            FIELDS.non_negative("wcs.uses", w.uses, w.uses)?;
        }
        if let Some(l) = &self.laundry {
            FIELDS.non_negative("laundry.linen", l.linen.si(), &l.linen)?;
            FIELDS.non_negative("laundry.water", l.water.si(), &l.water)?;
            FIELDS.share("laundry.hot_share", &l.hot_share)?;
            if let Some(e) = &l.electricity {
                FIELDS.non_negative("laundry.electricity", e.si(), e)?;
            }
        }
        if let Some(k) = &self.kitchen {
            FIELDS.non_negative("kitchen.covers", k.covers, k.covers)?;
            if let Some(v) = &k.water_per_cover {
                FIELDS.non_negative("kitchen.water_per_cover", v.si(), v)?;
            }
            if let Some(f) = &k.spray_valve_flow {
                FIELDS.positive("kitchen.spray_valve_flow", f.si(), f)?;
                if f.si() > sources::FLOW_MAX {
                    return Err(FIELDS.refuse(
                        "kitchen.spray_valve_flow",
                        f,
                        "must be at most 30 L/min: pre-rinse spray valves deliver about 4 to 15 L/min (WaterSense maximum 4.8 L/min)",
                    ));
                }
            }
            if let Some(m) = &k.spray_valve_minutes {
                FIELDS.non_negative("kitchen.spray_valve_minutes", m.si(), m)?;
                if m.si() > 86_400.0 * 10.0 {
                    return Err(FIELDS.refuse(
                        "kitchen.spray_valve_minutes",
                        m,
                        "must be at most ten valves running all day",
                    ));
                }
            }
            FIELDS.share("kitchen.hot_share", &k.hot_share)?;
        }
        if let Some(p) = &self.pool {
            FIELDS.positive("pool.area", p.area.si(), &p.area)?;
            FIELDS.non_negative("pool.evaporation", p.evaporation.si(), &p.evaporation)?;
            if p.evaporation.si() > 0.05 {
                return Err(FIELDS.refuse(
                    "pool.evaporation",
                    &p.evaporation,
                    "must be at most 50 mm per day (pools lose a few millimetres a day)",
                ));
            }
            if let Some(b) = &p.backwash {
                FIELDS.non_negative("pool.backwash", b.si(), b)?;
            }
        }
        if let Some(i) = &self.irrigation {
            FIELDS.positive("irrigation.area", i.area.si(), &i.area)?;
            FIELDS.non_negative("irrigation.depth", i.depth.si(), &i.depth)?;
            if i.depth.si() > 0.05 {
                return Err(FIELDS.refuse(
                    "irrigation.depth",
                    &i.depth,
                    "must be at most 50 mm per day",
                ));
            }
        }
        if let Some(h) = &self.hot_water {
            match (&h.efficiency, h.cop) {
                (Some(e), None) => {
                    if !(e.si() > 0.0 && e.si() <= 1.0) {
                        return Err(FIELDS.refuse(
                            "hot_water.efficiency",
                            e,
                            "must be more than 0 % and at most 100 %",
                        ));
                    }
                    if let Some(Carrier::Electricity | Carrier::Steam | Carrier::Heat) = h.fuel {
                        // Electric resistance heating is allowed; steam and heat are not fuels.
                        if h.fuel != Some(Carrier::Electricity) {
                            return Err(FIELDS.refuse(
                                "hot_water.fuel",
                                h.fuel.map_or("", Carrier::key),
                                "is not a fuel burnt on site",
                            ));
                        }
                    }
                }
                (None, Some(c)) => {
                    if !(c.is_finite() && (1.0..=10.0).contains(&c)) {
                        return Err(FIELDS.refuse(
                            "hot_water.cop",
                            c,
                            "must be from 1 to 10 (heat pumps for water heating have seasonal COPs of about 2 to 5)",
                        ));
                    }
                    if h.fuel.is_some() {
                        return Err(FIELDS.refuse(
                            "hot_water.fuel",
                            h.fuel.map_or("", Carrier::key),
                            "is given with a heat pump's cop: a heat pump uses electricity",
                        ));
                    }
                }
                (Some(e), Some(_)) => {
                    return Err(FIELDS.refuse(
                        "hot_water.efficiency",
                        e,
                        "is given with cop: give a boiler's efficiency or a heat pump's cop",
                    ));
                }
                (None, None) => {
                    return Err(Error::MissingField {
                        path: format!("{PATH}.hot_water.efficiency (or cop)"),
                    });
                }
            }
            let rise = h.rise();
            if !(rise.is_finite() && rise > 0.0 && rise <= 90.0) {
                return Err(FIELDS.refuse(
                    "hot_water.hot_temperature",
                    &h.hot_temperature,
                    "must be above the cold water temperature, by at most 90 K",
                ));
            }
        } else if self.hot_shares().into_iter().any(|s| s > 0.0) {
            return Err(Error::MissingField {
                path: format!("{PATH}.hot_water (an end use has a hot share)"),
            });
        }
        if let Some(h) = &self.hot_water
            && let Some(s) = &h.solar_share
            && !(0.0..1.0).contains(&s.si())
        {
            return Err(FIELDS.refuse(
                "hot_water.solar_share",
                s,
                "must be from 0 % to below 100 % (with all the heat from the sun there is no plant to model)",
            ));
        }
        if let Some(l) = &self.lighting {
            l.validate(FIELDS)?;
        }
        if let Some(c) = &self.cooling_tower {
            FIELDS.positive(
                "cooling_tower.circulation",
                c.circulation.si(),
                &c.circulation,
            )?;
            FIELDS.positive("cooling_tower.range", c.range.si(), &c.range)?;
            if !(c.cycles.is_finite() && c.cycles > 1.0 && c.cycles <= 50.0) {
                return Err(FIELDS.refuse(
                    "cooling_tower.cycles",
                    c.cycles,
                    "must be above 1 and at most 50: blowdown = evaporation / (cycles − 1)",
                ));
            }
            if let Some(d) = &c.drift {
                FIELDS.share("cooling_tower.drift", d)?;
            }
            if let Some(h) = &c.hours
                && !(h.si() > 0.0 && h.si() <= 86_400.0)
            {
                return Err(FIELDS.refuse(
                    "cooling_tower.hours",
                    h,
                    "must be more than 0 h and at most 24 h a day",
                ));
            }
        }
        if let Some(w) = &self.waste {
            FIELDS.non_negative(
                "waste.per_guest_night",
                w.per_guest_night.si(),
                &w.per_guest_night,
            )?;
            if w.per_guest_night.si() > 20.0 {
                return Err(FIELDS.refuse(
                    "waste.per_guest_night",
                    &w.per_guest_night,
                    "must be at most 20 kg per guest-night (hotels report about 1 kg); check the unit",
                ));
            }
            FIELDS.share("waste.organic", &w.organic)?;
            FIELDS.share("waste.recyclable", &w.recyclable)?;
            if w.organic.si() + w.recyclable.si() > 1.0 + 1e-12 {
                return Err(FIELDS.refuse(
                    "waste.recyclable",
                    &w.recyclable,
                    "with waste.organic makes more than 100 % of the waste",
                ));
            }
            if let Some(s) = &w.separated {
                FIELDS.share("waste.separated", s)?;
            }
        }
        if let Some(a) = &self.floor_area {
            FIELDS.positive("floor_area", a.si(), a)?;
        }
        if let Some(m) = &self.metered_water {
            FIELDS.positive("metered_water", m.si(), m)?;
        }
        if let Some(u) = &self.metered_uncertainty {
            if self.metered_water.is_none() {
                return Err(Error::MissingField {
                    path: format!("{PATH}.metered_water"),
                });
            }
            FIELDS.share("metered_uncertainty", u)?;
        }
        Ok(())
    }

    fn hot_shares(&self) -> Vec<f64> {
        [
            self.showers.as_ref().map(|s| s.hot_share.si()),
            self.taps.as_ref().map(|s| s.hot_share.si()),
            self.laundry.as_ref().map(|s| s.hot_share.si()),
            self.kitchen.as_ref().map(|s| s.hot_share.si()),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}
