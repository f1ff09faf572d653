//! Electric end uses: lighting retrofits, motor efficiency upgrades, and pumps and fans on
//! speed control instead of throttling (affinity laws).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use super::{Boundary, efficiency, non_negative, ser, share, value_or};
use crate::error::{Error, Result};
use crate::units::{Measure, Measured};

/// Savings of a lighting retrofit.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Lighting {
    /// Connected load before: fixtures × power.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub load_before: q::Power,
    /// Connected load after.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub load_after: q::Power,
    /// Electricity before: load × hours × control factor.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Energy>")]
    pub energy_before: q::Energy,
    /// Electricity after.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Energy>")]
    pub energy_after: q::Energy,
    /// Electricity saved.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Energy>")]
    pub energy_saved: q::Energy,
}

/// Lighting retrofit: `fixtures` of `power_before` replaced by as many of `power_after`, lit
/// for `hours`, with the share of those hours lamps are on under controls (`control_before`,
/// `control_after`; 100 % without controls). Energy = fixtures × power × hours × control.
///
/// ```
/// use cleanprod::units::Measured;
/// use cleanprod::utilities::electric::lighting;
/// fn v<M: cleanprod::units::Measure>(s: &str) -> M {
///     s.parse::<Measured<M>>().unwrap().value()
/// }
/// let l = lighting(100.0, v("72 W"), v("30 W"), v("4000 h"), v("100 %"), v("70 %")).unwrap();
/// assert!((l.energy_saved.value / 3.6e6 - (28_800.0 - 8_400.0)).abs() < 1e-6);
/// ```
pub fn lighting(
    fixtures: f64,
    power_before: q::Power,
    power_after: q::Power,
    hours: q::Time,
    control_before: q::Ratio,
    control_after: q::Ratio,
) -> Result<Lighting> {
    let n = super::count("fixtures", fixtures)?;
    let a = non_negative("power_before", power_before)?;
    let b = non_negative("power_after", power_after)?;
    let h = non_negative("hours", hours)?;
    let ca = share("control_before", control_before)?;
    let cb = share("control_after", control_after)?;
    let eb = n * a * h * ca;
    let ea = n * b * h * cb;
    Ok(Lighting {
        load_before: q::Power::from_si(n * a),
        load_after: q::Power::from_si(n * b),
        energy_before: q::Energy::from_si(eb),
        energy_after: q::Energy::from_si(ea),
        energy_saved: q::Energy::from_si(eb - ea),
    })
}

/// Boundary form of [`lighting`].
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LightingInput {
    /// Number of fixtures.
    pub fixtures: f64,
    /// Power of each fixture before, with its ballast (`"72 W"`).
    pub power_before: Measured<q::Power>,
    /// Power of each fixture after (`"30 W"`).
    pub power_after: Measured<q::Power>,
    /// Hours the lighting is needed (`"4000 h"`).
    pub hours: Measured<q::Time>,
    /// Share of the hours lamps are on before; default 100 %.
    #[serde(default)]
    pub control_before: Option<Measured<q::Ratio>>,
    /// Share of the hours lamps are on after (occupancy or daylight controls); default 100 %.
    #[serde(default)]
    pub control_after: Option<Measured<q::Ratio>>,
}

impl Boundary for LightingInput {
    type Output = Lighting;
    fn compute(self) -> Result<Lighting> {
        let full = q::Ratio::from_si(1.0);
        lighting(
            self.fixtures,
            self.power_before.value(),
            self.power_after.value(),
            self.hours.value(),
            value_or(&self.control_before, full),
            value_or(&self.control_after, full),
        )
    }
}

/// Savings of a more efficient motor.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Motor {
    /// Shaft power delivered: rated power × load.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub shaft_power: q::Power,
    /// Electric input before: shaft power / old efficiency.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub input_before: q::Power,
    /// Electric input after.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub input_after: q::Power,
    /// Power saved: shaft × (1/η_old − 1/η_new).
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub power_saved: q::Power,
    /// Electricity saved over the hours.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Energy>")]
    pub energy_saved: q::Energy,
}

/// A motor of `rated` output power (hp or kW) at `load` of it, replaced: power saved =
/// rated × load × (1/η_old − 1/η_new) (the formula of the US DOE motor tip sheets, with hp ×
/// 0.746 kW/hp done by the unit).
///
/// ```
/// use cleanprod::units::Measured;
/// use cleanprod::utilities::electric::motor;
/// fn v<M: cleanprod::units::Measure>(s: &str) -> M {
///     s.parse::<Measured<M>>().unwrap().value()
/// }
/// let r = motor(v("100 hp"), v("75 %"), v("93 %"), v("95.4 %"), v("8000 h")).unwrap();
/// assert!((r.power_saved.value - 1_513.2).abs() < 0.5);
/// ```
pub fn motor(
    rated: q::Power,
    load: q::Ratio,
    efficiency_before: q::Ratio,
    efficiency_after: q::Ratio,
    hours: q::Time,
) -> Result<Motor> {
    let p = non_negative("rated", rated)?;
    let l = non_negative("load", load)?;
    if l > 1.25 {
        return Err(Error::out_of_range(
            "load",
            super::show(load),
            "must be at most 125 % of the rated power (a motor's service factor is at most 1.15-1.25)",
        ));
    }
    let a = efficiency("efficiency_before", efficiency_before)?;
    let b = efficiency("efficiency_after", efficiency_after)?;
    let h = non_negative("hours", hours)?;
    let shaft = p * l;
    let saved = shaft * (1.0 / a - 1.0 / b);
    Ok(Motor {
        shaft_power: q::Power::from_si(shaft),
        input_before: q::Power::from_si(shaft / a),
        input_after: q::Power::from_si(shaft / b),
        power_saved: q::Power::from_si(saved),
        energy_saved: q::Energy::from_si(saved * h),
    })
}

/// Boundary form of [`motor`].
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MotorInput {
    /// Rated output (`"100 hp"`, `"75 kW"`).
    pub rated: Measured<q::Power>,
    /// Average load as a share of rated output (`"75 %"`).
    pub load: Measured<q::Ratio>,
    /// Efficiency of the present motor at that load (`"93 %"`).
    pub efficiency_before: Measured<q::Ratio>,
    /// Efficiency of the new motor at that load (`"95.4 %"`).
    pub efficiency_after: Measured<q::Ratio>,
    /// Operating hours in the period (`"8000 h"`).
    pub hours: Measured<q::Time>,
}

impl Boundary for MotorInput {
    type Output = Motor;
    fn compute(self) -> Result<Motor> {
        motor(
            self.rated.value(),
            self.load.value(),
            self.efficiency_before.value(),
            self.efficiency_after.value(),
            self.hours.value(),
        )
    }
}

/// A pump or fan on speed control instead of a throttle.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PumpVsd {
    /// Speed ratio for the reduced flow (= flow ratio without static head).
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Ratio>")]
    pub speed: q::Ratio,
    /// Shaft power at reduced speed: full-speed power × speed³ (affinity laws).
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub shaft_power: q::Power,
    /// Electric input with the drive: shaft power / drive efficiency.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub vsd_power: q::Power,
    /// Electric input when throttled.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub throttled_power: q::Power,
    /// Power saved.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub power_saved: q::Power,
    /// Electricity saved over the hours.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Energy>")]
    pub energy_saved: q::Energy,
}

/// A pump or fan drawing `full_power` at full speed, run at `flow` (a share of full flow):
/// with a variable-speed drive of `drive_efficiency`, power ∝ speed³ and speed ∝ flow (affinity
/// laws, a system without static head); throttled, it draws `throttled_power` (measured, or
/// full power if not known, which overstates the saving of a throttled centrifugal pump).
pub fn pump_vsd(
    full_power: q::Power,
    flow: q::Ratio,
    throttled_power: Option<q::Power>,
    drive_efficiency: q::Ratio,
    hours: q::Time,
) -> Result<PumpVsd> {
    let p = non_negative("full_power", full_power)?;
    let s = share("flow", flow)?;
    let d = efficiency("drive_efficiency", drive_efficiency)?;
    let t = match throttled_power {
        Some(t) => non_negative("throttled_power", t)?,
        None => p,
    };
    let h = non_negative("hours", hours)?;
    let shaft = p * s.powi(3);
    let vsd = shaft / d;
    Ok(PumpVsd {
        speed: flow,
        shaft_power: q::Power::from_si(shaft),
        vsd_power: q::Power::from_si(vsd),
        throttled_power: q::Power::from_si(t),
        power_saved: q::Power::from_si(t - vsd),
        energy_saved: q::Energy::from_si((t - vsd) * h),
    })
}

/// Boundary form of [`pump_vsd`].
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PumpVsdInput {
    /// Electric input at full speed and flow (`"30 kW"`).
    pub full_power: Measured<q::Power>,
    /// Flow needed as a share of full flow (`"70 %"`).
    pub flow: Measured<q::Ratio>,
    /// Measured input when throttled to that flow (`"27 kW"`); default the full power.
    #[serde(default)]
    pub throttled_power: Option<Measured<q::Power>>,
    /// Drive efficiency; default 100 % (give the drive's figure, typically 95-98 %).
    #[serde(default)]
    pub drive_efficiency: Option<Measured<q::Ratio>>,
    /// Operating hours in the period.
    pub hours: Measured<q::Time>,
}

impl Boundary for PumpVsdInput {
    type Output = PumpVsd;
    fn compute(self) -> Result<PumpVsd> {
        pump_vsd(
            self.full_power.value(),
            self.flow.value(),
            super::value_of(&self.throttled_power),
            value_or(&self.drive_efficiency, q::Ratio::from_si(1.0)),
            self.hours.value(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m<M: Measure>(text: &str) -> M {
        text.parse::<Measured<M>>().unwrap().value()
    }

    #[test]
    fn motor_hand_calculation() {
        // kW saved = hp × 0.746 × load × (1/η_old − 1/η_new), with 1 hp = 745.7 W (NIST SP
        // 811): 100 hp × 0.7457 × 0.75 × (1/0.93 − 1/0.954) = 1.5130 kW; × 8000 h.
        let r = motor(m("100 hp"), m("75 %"), m("93 %"), m("95.4 %"), m("8000 h")).unwrap();
        let kw = 74.569_987_158_227 * 0.75 * (1.0 / 0.93 - 1.0 / 0.954);
        assert!((r.power_saved.si() / 1e3 - kw).abs() < 1e-9);
        assert!((r.energy_saved.si() / 3.6e6 - kw * 8000.0).abs() < 1e-6);
        let e = motor(m("100 hp"), m("75 %"), m("93 %"), m("101 %"), m("1 h")).unwrap_err();
        assert_eq!(e.path(), "efficiency_after");
    }

    #[test]
    fn affinity_laws() {
        // Half flow: 1/8 of the power.
        let r = pump_vsd(
            m("40 kW"),
            m("50 %"),
            Some(m("34 kW")),
            m("100 %"),
            m("1000 h"),
        )
        .unwrap();
        assert!((r.vsd_power.si() - 5_000.0).abs() < 1e-9);
        assert!((r.energy_saved.si() / 3.6e6 - 29_000.0).abs() < 1e-6);
        let e = pump_vsd(m("40 kW"), m("150 %"), None, m("97 %"), m("1 h")).unwrap_err();
        assert_eq!(e.path(), "flow");
    }

    #[test]
    fn lighting_linear_in_fixtures() {
        let a = lighting(
            10.0,
            m("72 W"),
            m("30 W"),
            m("3000 h"),
            m("100 %"),
            m("80 %"),
        )
        .unwrap();
        let b = lighting(
            30.0,
            m("72 W"),
            m("30 W"),
            m("3000 h"),
            m("100 %"),
            m("80 %"),
        )
        .unwrap();
        assert!((b.energy_saved.si() / a.energy_saved.si() - 3.0).abs() < 1e-12);
        let e = lighting(
            -1.0,
            m("72 W"),
            m("30 W"),
            m("3000 h"),
            m("100 %"),
            m("80 %"),
        )
        .unwrap_err();
        assert_eq!(e.path(), "fixtures");
    }
}
