//! Water fixtures: showers, taps, WCs, urinals, pre-rinse spray valves and dishwashers. Water
//! = volume per use × uses per person and day × people × days; the hot share and its heating
//! energy come from [`super::hot_water`]. Default flows are the US EPA WaterSense
//! specification maxima ([`sources`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use super::hot_water::{Heater, HotWater, hot_water, rise_of};
use super::{Boundary, non_negative, ser, share, sources, value_of};
use crate::error::{Error, Result};
use crate::units::{Measure, Measured};

/// A kind of fixture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FixtureKind {
    /// Showerhead: a flow for some minutes (default 2.0 gpm, WaterSense).
    Shower,
    /// Lavatory faucet (tap): a flow for some minutes (default 1.5 gpm, WaterSense).
    Faucet,
    /// Toilet (WC): a volume per flush (default 1.28 gal, WaterSense).
    Toilet,
    /// Urinal: a volume per flush (default 0.5 gal, WaterSense).
    Urinal,
    /// Commercial pre-rinse spray valve: a flow for some minutes (default 1.28 gpm,
    /// WaterSense).
    PreRinseSprayValve,
    /// Dishwasher: a volume per cycle (no default: give the machine's figure).
    Dishwasher,
}

impl FixtureKind {
    /// The WaterSense maximum: a flow (m³/s) for flow fixtures, a volume (m³) per use for
    /// flush fixtures, none for dishwashers.
    pub fn default_rate(self) -> Option<f64> {
        match self {
            FixtureKind::Shower => Some(sources::WATERSENSE_SHOWERHEAD),
            FixtureKind::Faucet => Some(sources::WATERSENSE_LAVATORY_FAUCET),
            FixtureKind::Toilet => Some(sources::WATERSENSE_TOILET),
            FixtureKind::Urinal => Some(sources::WATERSENSE_URINAL),
            FixtureKind::PreRinseSprayValve => Some(sources::WATERSENSE_PRE_RINSE_SPRAY_VALVE),
            FixtureKind::Dishwasher => None,
        }
    }

    /// Whether a use is a flow over a duration (else a fixed volume).
    pub fn is_flow(self) -> bool {
        matches!(
            self,
            FixtureKind::Shower | FixtureKind::Faucet | FixtureKind::PreRinseSprayValve
        )
    }
}

/// Water of one use: a flow for a duration, or a volume.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PerUse {
    /// Flow over a duration.
    Flow(q::VolumeRate, q::Time),
    /// Volume per use (flush, cycle).
    Volume(q::Volume),
}

/// Water and hot-water energy of a fixture over a period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Fixture {
    /// Water per use.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Volume>")]
    pub per_use: q::Volume,
    /// Number of uses: uses per person and day × people × days.
    pub uses: f64,
    /// Water over the period.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Volume>")]
    pub water: q::Volume,
    /// Hot water over the period.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Volume>")]
    pub hot_water: q::Volume,
    /// Heat and fuel or electricity for the hot water.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heating: Option<HotWater>,
}

/// Water of a fixture used `uses_per_day` times per person by `people` on `days`, with
/// `hot_share` of it hot, heated by `rise` by `heater` when both are given.
///
/// ```
/// use cleanprod::units::Measured;
/// use cleanprod::utilities::fixtures::{fixture, PerUse};
/// fn v<M: cleanprod::units::Measure>(s: &str) -> M {
///     s.parse::<Measured<M>>().unwrap().value()
/// }
/// // 2.0 gpm × 8 min × 1 shower a day × 100 guests × 365 days
/// let f = fixture(PerUse::Flow(v("2 gpm"), v("8 min")), 1.0, 100.0, 365.0, v("0 %"), None).unwrap();
/// assert!((Measured::new(f.water).number_in("gal").unwrap() - 584_000.0).abs() < 1e-6);
/// ```
pub fn fixture(
    per_use: PerUse,
    uses_per_day: f64,
    people: f64,
    days: f64,
    hot_share: q::Ratio,
    heating: Option<(q::TemperatureInterval, Heater)>,
) -> Result<Fixture> {
    let v = match per_use {
        PerUse::Flow(f, t) => non_negative("flow", f)? * non_negative("duration", t)?,
        PerUse::Volume(v) => non_negative("volume", v)?,
    };
    let u = super::count("uses_per_day", uses_per_day)?
        * super::count("people", people)?
        * super::count("days", days)?;
    let s = share("hot_share", hot_share)?;
    let water = super::computed("uses_per_day", v * u)?;
    let hot = water * s;
    let heating = heating
        .map(|(rise, heater)| hot_water(q::Volume::from_si(hot), rise, heater, None))
        .transpose()?;
    Ok(Fixture {
        per_use: q::Volume::from_si(v),
        uses: u,
        water: q::Volume::from_si(water),
        hot_water: q::Volume::from_si(hot),
        heating,
    })
}

/// Boundary form of [`fixture`].
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FixtureInput {
    /// The kind of fixture.
    pub kind: FixtureKind,
    /// Flow of a shower, faucet or spray valve (`"9 L/min"`); default the WaterSense maximum.
    #[serde(default)]
    pub flow: Option<Measured<q::VolumeRate>>,
    /// Minutes per use of a flow fixture (`"8 min"`); required for flow fixtures.
    #[serde(default)]
    pub duration: Option<Measured<q::Time>>,
    /// Volume per flush or cycle (`"6 L"`); default the WaterSense maximum for WCs and urinals.
    #[serde(default)]
    pub volume: Option<Measured<q::Volume>>,
    /// Uses per person and day (`1.2`).
    pub uses_per_day: f64,
    /// People (guests, beds, staff), or 1 for a per-fixture count in `uses_per_day`.
    pub people: f64,
    /// Days in the period (`365`).
    pub days: f64,
    /// Share of the water that is hot; default 0.
    #[serde(default)]
    pub hot_share: Option<Measured<q::Ratio>>,
    /// Temperature rise of the hot water (`"45 K"`).
    #[serde(default)]
    pub temperature_rise: Option<Measured<q::TemperatureInterval>>,
    /// Cold water temperature, with `hot_temperature`, instead of `temperature_rise`.
    #[serde(default)]
    pub cold_temperature: Option<Measured<q::ThermodynamicTemperature>>,
    /// Hot water temperature.
    #[serde(default)]
    pub hot_temperature: Option<Measured<q::ThermodynamicTemperature>>,
    /// Water heater efficiency (`"90 %"`).
    #[serde(default)]
    pub efficiency: Option<Measured<q::Ratio>>,
    /// Heat pump COP (`3`).
    #[serde(default)]
    pub cop: Option<f64>,
}

impl Boundary for FixtureInput {
    type Output = Fixture;
    fn compute(self) -> Result<Fixture> {
        let missing = |path: &str, what: &str| Error::MissingField {
            path: format!("{path} ({what})"),
        };
        let per_use = if self.kind.is_flow() {
            let flow = value_of(&self.flow)
                .or_else(|| self.kind.default_rate().map(q::VolumeRate::from_si))
                .ok_or_else(|| missing("flow", "no default for this fixture"))?;
            let duration = value_of(&self.duration)
                .ok_or_else(|| missing("duration", "minutes per use of a flow fixture"))?;
            PerUse::Flow(flow, duration)
        } else {
            let volume = value_of(&self.volume)
                .or_else(|| self.kind.default_rate().map(q::Volume::from_si))
                .ok_or_else(|| missing("volume", "volume per cycle of this fixture"))?;
            PerUse::Volume(volume)
        };
        let hot_share = super::value_or(&self.hot_share, q::Ratio::from_si(0.0));
        let heating = if self.efficiency.is_none() && self.cop.is_none() {
            None
        } else {
            let rise = rise_of(
                &self.temperature_rise,
                &self.cold_temperature,
                &self.hot_temperature,
            )?;
            let heater = match (&self.efficiency, self.cop) {
                (Some(e), None) => Heater::Efficiency {
                    efficiency: e.value(),
                },
                (None, Some(c)) => Heater::HeatPump { cop: c },
                _ => {
                    return Err(Error::out_of_range(
                        "efficiency",
                        "",
                        "give either efficiency or cop, not both",
                    ));
                }
            };
            Some((rise, heater))
        };
        fixture(
            per_use,
            self.uses_per_day,
            self.people,
            self.days,
            hot_share,
            heating,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::utilities::calculate;
    use serde_json::json;

    fn m<M: Measure>(text: &str) -> M {
        text.parse::<Measured<M>>().unwrap().value()
    }

    #[test]
    fn watersense_defaults() {
        // US EPA WaterSense specification maxima: showerhead 2.0 gpm, lavatory faucet 1.5 gpm,
        // toilet 1.28 gal, urinal 0.5 gal, pre-rinse spray valve 1.28 gpm.
        let gpm = |x: f64| {
            Measured::new(q::VolumeRate::from_si(x))
                .number_in("gpm")
                .unwrap()
        };
        let gal = |x: f64| {
            Measured::new(q::Volume::from_si(x))
                .number_in("gal")
                .unwrap()
        };
        assert!((gpm(sources::WATERSENSE_SHOWERHEAD) - 2.0).abs() < 1e-12);
        assert!((gpm(sources::WATERSENSE_LAVATORY_FAUCET) - 1.5).abs() < 1e-12);
        assert!((gal(sources::WATERSENSE_TOILET) - 1.28).abs() < 1e-12);
        assert!((gal(sources::WATERSENSE_URINAL) - 0.5).abs() < 1e-12);
        assert!((gpm(sources::WATERSENSE_PRE_RINSE_SPRAY_VALVE) - 1.28).abs() < 1e-12);
    }

    #[test]
    fn low_flow_shower_hand_calculation() {
        // Hand calculation (no published worked example verified): a hotel of 100 guests,
        // one 8-minute shower a day, 365 days, 2.5 gpm (US federal maximum) against the
        // WaterSense 2.0 gpm: 0.5 gpm × 8 min × 36,500 = 146,000 gal saved; 70 % of it hot,
        // heated 45 K at 90 %.
        let heat = Some((
            m("45 K"),
            Heater::Efficiency {
                efficiency: m("90 %"),
            },
        ));
        let old = fixture(
            PerUse::Flow(m("2.5 gpm"), m("8 min")),
            1.0,
            100.0,
            365.0,
            m("70 %"),
            heat,
        )
        .unwrap();
        let new = calculate(
            "fixture",
            json!({"kind": "shower", "duration": "8 min", "uses_per_day": 1, "people": 100,
                   "days": 365, "hot_share": "70 %", "temperature_rise": "45 K",
                   "efficiency": "90 %"}),
        )
        .unwrap();
        let water: Measured<q::Volume> = new["water"].as_str().unwrap().parse().unwrap();
        let saved = old.water.si() - water.si();
        assert!((saved / 3.785_411_784e-3 - 146_000.0).abs() < 1e-6);
        let heat_in: Measured<q::Energy> = new["heating"]["energy_in"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        // Hot-water energy is linear in flow: 2.0/2.5 of the old.
        let old_in = old.heating.unwrap().energy_in.si();
        assert!((heat_in.si() / old_in - 0.8).abs() < 1e-9);
    }

    #[test]
    fn flush_fixtures_and_errors() {
        let out = calculate(
            "fixture",
            json!({"kind": "toilet", "uses_per_day": 4, "people": 10, "days": 250}),
        )
        .unwrap();
        let water: Measured<q::Volume> = out["water"].as_str().unwrap().parse().unwrap();
        assert!((water.number_in("gal").unwrap() - 1.28 * 10_000.0).abs() < 1e-6);
        let e = calculate(
            "fixture",
            json!({"kind": "dishwasher", "uses_per_day": 4, "people": 1, "days": 250}),
        )
        .unwrap_err();
        assert_eq!(e.code(), "missing_field");
        let e = calculate(
            "fixture",
            json!({"kind": "shower", "duration": "8 min", "uses_per_day": 1, "people": 1,
                   "days": 1, "hot_share": "120 %"}),
        )
        .unwrap_err();
        assert_eq!(e.path(), "hot_share");
    }
}
