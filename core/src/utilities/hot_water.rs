//! Hot water: the heat to warm water (m·cp·ΔT), the fuel or electricity that supplies it by a
//! heater's efficiency or a heat pump's COP, standby losses, and the hot share of a mixed flow.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use super::{Boundary, efficiency, finite, non_negative, ser, show, sources, value_of};
use crate::error::{Error, Result};
use crate::units::{Measure, Measured};

/// What turns energy into hot water.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Heater {
    /// A boiler, heater or electric resistance with an efficiency of at most 100 %.
    Efficiency {
        /// Useful heat per unit of energy in.
        #[serde(serialize_with = "ser::q")]
        #[schemars(with = "Measured<q::Ratio>")]
        efficiency: q::Ratio,
    },
    /// A heat pump: useful heat per unit of electricity.
    HeatPump {
        /// Coefficient of performance (a plain number, e.g. 3).
        cop: f64,
    },
}

impl Heater {
    /// Useful heat per unit of energy in, checked.
    fn factor(self) -> Result<f64> {
        match self {
            Heater::Efficiency { efficiency: e } => efficiency("efficiency", e),
            Heater::HeatPump { cop } => {
                if cop.is_finite() && (1.0..=10.0).contains(&cop) {
                    Ok(cop)
                } else {
                    Err(Error::out_of_range(
                        "cop",
                        cop,
                        "must be from 1 to 10 (heat pumps for water heating have seasonal COPs of about 2 to 5)",
                    ))
                }
            }
        }
    }
}

/// Heat and energy to warm water.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct HotWater {
    /// Mass of water warmed.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Mass>")]
    pub mass: q::Mass,
    /// Temperature rise.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::TemperatureInterval>")]
    pub temperature_rise: q::TemperatureInterval,
    /// Heat into the water: m·cp·ΔT.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Energy>")]
    pub heat: q::Energy,
    /// Standby losses of the storage over the period.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Energy>")]
    pub standby: q::Energy,
    /// The heater.
    pub heater: Heater,
    /// Fuel or electricity delivered to the heater: (heat + standby) / efficiency or COP.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Energy>")]
    pub energy_in: q::Energy,
}

/// Heat to warm `volume` of water by `rise` (m·cp·ΔT with [`sources::WATER_DENSITY`] and
/// [`sources::WATER_SPECIFIC_HEAT`]), plus a storage's `standby_loss` over `standby_hours`,
/// and the fuel or electricity the `heater` needs for both.
///
/// ```
/// use cleanprod::units::Measured;
/// use cleanprod::utilities::hot_water::{hot_water, Heater};
/// use uom::si::energy::kilowatt_hour;
/// let v = "1 m3".parse::<Measured<_>>().unwrap().value();
/// let dt = "45 K".parse::<Measured<_>>().unwrap().value();
/// let e = "90 %".parse::<Measured<_>>().unwrap().value();
/// let hw = hot_water(v, dt, Heater::Efficiency { efficiency: e }, None).unwrap();
/// assert!((hw.heat.get::<kilowatt_hour>() - 52.32).abs() < 0.01);
/// assert!((hw.energy_in.get::<kilowatt_hour>() - 58.14).abs() < 0.01);
/// ```
pub fn hot_water(
    volume: q::Volume,
    rise: q::TemperatureInterval,
    heater: Heater,
    standby: Option<(q::Power, q::Time)>,
) -> Result<HotWater> {
    let v = non_negative("volume", volume)?;
    let dt = non_negative("temperature_rise", rise)?;
    let f = heater.factor()?;
    let standby = match standby {
        Some((p, t)) => non_negative("standby_loss", p)? * non_negative("standby_hours", t)?,
        None => 0.0,
    };
    let mass = v * sources::WATER_DENSITY;
    let heat = super::computed("volume", mass * sources::WATER_SPECIFIC_HEAT * dt)?;
    Ok(HotWater {
        mass: q::Mass::from_si(mass),
        temperature_rise: rise,
        heat: q::Energy::from_si(heat),
        standby: q::Energy::from_si(standby),
        heater,
        energy_in: q::Energy::from_si((heat + standby) / f),
    })
}

/// The hot share of a mixed flow: (t_mix − t_cold) / (t_hot − t_cold), from an energy balance
/// of two water streams with the same heat capacity.
///
/// ```
/// use cleanprod::units::Measured;
/// use cleanprod::utilities::hot_water::hot_share;
/// let t = |s: &str| s.parse::<Measured<_>>().unwrap().value();
/// let s = hot_share(t("40 °C"), t("60 °C"), t("10 °C")).unwrap();
/// assert!((s.value - 0.6).abs() < 1e-12);
/// ```
pub fn hot_share(
    mixed: q::ThermodynamicTemperature,
    hot: q::ThermodynamicTemperature,
    cold: q::ThermodynamicTemperature,
) -> Result<q::Ratio> {
    let tm = finite("mixed_temperature", mixed)?;
    let th = finite("hot_temperature", hot)?;
    let tc = finite("cold_temperature", cold)?;
    if th <= tc {
        return Err(Error::out_of_range(
            "hot_temperature",
            show(hot),
            format!("must be above the cold water temperature ({})", show(cold)),
        ));
    }
    if tm < tc || tm > th {
        return Err(Error::out_of_range(
            "mixed_temperature",
            show(mixed),
            format!(
                "must lie between the cold ({}) and hot ({}) water temperatures",
                show(cold),
                show(hot)
            ),
        ));
    }
    Ok(q::Ratio::from_si((tm - tc) / (th - tc)))
}

/// Boundary form of [`hot_water`]: give `efficiency` or `cop`, and `temperature_rise` or both
/// `cold_temperature` and `hot_temperature`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HotWaterInput {
    /// Volume of water heated (`"12 m3"`).
    pub volume: Measured<q::Volume>,
    /// Temperature rise (`"45 K"`).
    #[serde(default)]
    pub temperature_rise: Option<Measured<q::TemperatureInterval>>,
    /// Cold water temperature (`"15 °C"`).
    #[serde(default)]
    pub cold_temperature: Option<Measured<q::ThermodynamicTemperature>>,
    /// Hot water temperature (`"60 °C"`).
    #[serde(default)]
    pub hot_temperature: Option<Measured<q::ThermodynamicTemperature>>,
    /// Heater efficiency (`"90 %"`).
    #[serde(default)]
    pub efficiency: Option<Measured<q::Ratio>>,
    /// Heat pump COP, a plain number (`3.2`).
    #[serde(default)]
    pub cop: Option<f64>,
    /// Standby loss of the storage (`"150 W"`).
    #[serde(default)]
    pub standby_loss: Option<Measured<q::Power>>,
    /// Hours over which the standby loss applies (`"8760 h"`).
    #[serde(default)]
    pub standby_hours: Option<Measured<q::Time>>,
}

impl HotWaterInput {
    pub(crate) fn heater(&self) -> Result<Heater> {
        match (&self.efficiency, self.cop) {
            (Some(e), None) => Ok(Heater::Efficiency {
                efficiency: e.value(),
            }),
            (None, Some(cop)) => Ok(Heater::HeatPump { cop }),
            _ => Err(Error::out_of_range(
                "efficiency",
                "",
                "give either efficiency or cop, not both or neither",
            )),
        }
    }
}

/// The temperature rise from an explicit rise or from cold and hot temperatures.
pub(crate) fn rise_of(
    rise: &Option<Measured<q::TemperatureInterval>>,
    cold: &Option<Measured<q::ThermodynamicTemperature>>,
    hot: &Option<Measured<q::ThermodynamicTemperature>>,
) -> Result<q::TemperatureInterval> {
    match (rise, cold, hot) {
        (Some(r), None, None) => Ok(r.value()),
        (None, Some(c), Some(h)) => {
            let dt = finite("hot_temperature", h.value())? - finite("cold_temperature", c.value())?;
            if dt < 0.0 {
                return Err(Error::out_of_range(
                    "hot_temperature",
                    h.to_string(),
                    format!("must not be below the cold water temperature ({c})"),
                ));
            }
            Ok(q::TemperatureInterval::from_si(dt))
        }
        _ => Err(Error::out_of_range(
            "temperature_rise",
            "",
            "give temperature_rise, or both cold_temperature and hot_temperature",
        )),
    }
}

impl Boundary for HotWaterInput {
    type Output = HotWater;
    fn compute(self) -> Result<HotWater> {
        let rise = rise_of(
            &self.temperature_rise,
            &self.cold_temperature,
            &self.hot_temperature,
        )?;
        let standby = match (value_of(&self.standby_loss), value_of(&self.standby_hours)) {
            (Some(p), Some(t)) => Some((p, t)),
            (None, None) => None,
            _ => {
                return Err(Error::out_of_range(
                    "standby_hours",
                    "",
                    "give both standby_loss and standby_hours, or neither",
                ));
            }
        };
        hot_water(self.volume.value(), rise, self.heater()?, standby)
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
    fn sanity_check_of_the_domain_notes() {
        // cleanprod's domain notes: heating a cubic metre of water by 45 K takes about 52 kWh.
        // Hand calculation: 1000 kg × 4.1858 kJ/(kg·K) × 45 K = 188.36 MJ = 52.32 kWh.
        let hw = hot_water(
            m("1 m3"),
            m("45 K"),
            Heater::Efficiency {
                efficiency: m("100 %"),
            },
            None,
        )
        .unwrap();
        // 1,000 kg × 4,186 J/(kg·K) × 45 K = 188.37 MJ = 52.325 kWh.
        assert!((hw.heat.si() / 3.6e6 - 52.325).abs() < 1e-9);
    }

    #[test]
    fn linear_in_volume_and_heat_pump() {
        let e = Heater::Efficiency {
            efficiency: m("85 %"),
        };
        let a = hot_water(m("2 m3"), m("40 K"), e, None).unwrap();
        let b = hot_water(m("6 m3"), m("40 K"), e, None).unwrap();
        assert!(((b.energy_in.si() / a.energy_in.si()) - 3.0).abs() < 1e-12);
        let hp = hot_water(m("2 m3"), m("40 K"), Heater::HeatPump { cop: 3.0 }, None).unwrap();
        assert!((hp.energy_in.si() * 3.0 - a.heat.si()).abs() < 1e-6);
        // Standby: 100 W over 8760 h = 876 kWh, supplied at 85 %.
        let s = hot_water(m("2 m3"), m("40 K"), e, Some((m("100 W"), m("8760 h")))).unwrap();
        assert!(((s.energy_in.si() - a.energy_in.si()) * 0.85 / 3.6e6 - 876.0).abs() < 1e-9);
        let err = hot_water(
            m("1 m3"),
            m("40 K"),
            Heater::Efficiency {
                efficiency: m("120 %"),
            },
            None,
        )
        .unwrap_err();
        assert_eq!(err.path(), "efficiency");
    }

    #[test]
    fn mixing() {
        let e = hot_share(m("70 °C"), m("60 °C"), m("10 °C")).unwrap_err();
        assert_eq!(e.path(), "mixed_temperature");
        let out = calculate(
            "hot_water",
            json!({"volume": "10 m3", "cold_temperature": "15 °C", "hot_temperature": "60 °C", "cop": 3}),
        )
        .unwrap();
        assert_eq!(out["temperature_rise"], "45 K");
        let err = calculate(
            "hot_water",
            json!({"volume": "10 m3", "temperature_rise": "45 K"}),
        )
        .unwrap_err();
        assert_eq!(err.path(), "efficiency");
    }
}
