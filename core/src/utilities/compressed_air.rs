//! Compressed air: leaks through an orifice (choked flow), leakage from a load/unload test,
//! the cost of air from a compressor's specific power, lower discharge pressure, heat recovery.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use super::{Boundary, computed, efficiency, non_negative, positive, ser, share, show, sources};
use crate::error::{Error, Result};
use crate::math;
use crate::units::{Measure, Measured, STANDARD_ATMOSPHERE_PA};

/// Molar mass of dry air, kg/mol (U.S. Standard Atmosphere, 1976, Table 8).
const AIR_MOLAR_MASS: f64 = 0.028_964_7;

/// Energy of compressed air from a compressor's specific power.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct AirCost {
    /// Electric power per unit of air flow (kW per Nm3/min or per 100 scfm), as power per gas
    /// flow: give it as a power for a flow, e.g. 18 kW for 100 scfm.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub power: q::Power,
    /// The flow that power delivers.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::CatalyticActivity>")]
    pub per_flow: q::CatalyticActivity,
}

/// Compressed air lost through leaks of one size.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AirLeak {
    /// Upstream absolute pressure.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Pressure>")]
    pub pressure: q::Pressure,
    /// Atmosphere over line absolute pressure (choked below 0.528).
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Ratio>")]
    pub pressure_ratio: q::Ratio,
    /// Discharge coefficient.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Ratio>")]
    pub discharge_coefficient: q::Ratio,
    /// Air mass lost through one leak.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::MassRate>")]
    pub mass_rate_each: q::MassRate,
    /// Air lost through one leak, as gas at standard conditions.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::CatalyticActivity>")]
    pub flow_each: q::CatalyticActivity,
    /// Number of leaks.
    pub count: f64,
    /// Air lost through all of them.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::CatalyticActivity>")]
    pub flow: q::CatalyticActivity,
    /// Compressor power that supplies the leaks.
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::Power>>")]
    pub power: Option<q::Power>,
    /// Electricity over the hours.
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::Energy>>")]
    pub energy: Option<q::Energy>,
}

/// Choked air mass flux per unit of C·A·p, s/m: √(γ/(R·T)) · (2/(γ+1))^((γ+1)/(2(γ−1))).
fn choked_flux(t: f64) -> f64 {
    let g = sources::AIR_GAMMA;
    (g / (sources::AIR_GAS_CONSTANT * t)).sqrt()
        * math::powf(2.0 / (g + 1.0), (g + 1.0) / (2.0 * (g - 1.0)))
}

/// Critical pressure ratio of air, (2/(γ+1))^(γ/(γ−1)) = 0.528.
fn critical_ratio() -> f64 {
    let g = sources::AIR_GAMMA;
    math::powf(2.0 / (g + 1.0), g / (g - 1.0))
}

/// Air lost through `count` leaks of diameter `diameter` at line absolute pressure `pressure`
/// and temperature `temperature`: isentropic choked flow of an ideal gas (γ = 1.4),
/// m = C·A·p·√(γ/(R·T))·(2/(γ+1))^((γ+1)/(2(γ−1))), refused unless the atmosphere is at most
/// 0.528 of the line pressure. With `cost` and `hours`, the compressor power and electricity.
///
/// ```
/// use cleanprod::units::Measured;
/// use cleanprod::utilities::compressed_air::air_leak;
/// use uom::si::f64::Ratio;
/// fn v<M: cleanprod::units::Measure>(s: &str) -> M {
///     s.parse::<Measured<M>>().unwrap().value()
/// }
/// let leak = air_leak(v("100 psig"), v("0.25 in"), v("70 °F"), Ratio::new::<uom::si::ratio::ratio>(1.0), 1.0, None, None).unwrap();
/// // scfm at 60 °F; the orifice table prints 104 cfm of free air at 70 °F
/// let scfm = Measured::new(leak.flow).number_in("scfm").unwrap();
/// assert!((scfm * 529.67 / 519.67 - 104.0).abs() < 1.0);
/// ```
#[allow(clippy::too_many_arguments)]
pub fn air_leak(
    pressure: q::Pressure,
    diameter: q::Length,
    temperature: q::ThermodynamicTemperature,
    discharge_coefficient: q::Ratio,
    count: f64,
    cost: Option<AirCost>,
    hours: Option<q::Time>,
) -> Result<AirLeak> {
    let p = positive("pressure", pressure)?;
    let d = positive("diameter", diameter)?;
    let t = positive("temperature", temperature)?;
    let c = efficiency("discharge_coefficient", discharge_coefficient)?;
    let n = super::count("count", count)?;
    let ratio = STANDARD_ATMOSPHERE_PA / p;
    if ratio > critical_ratio() {
        return Err(Error::out_of_range(
            "pressure",
            show(pressure),
            format!(
                "is too low for choked flow through the leak: the atmosphere must be at most {:.3} of the line's absolute pressure (critical pressure ratio of air, γ = 1.4), i.e. a line above about 13 psig",
                critical_ratio()
            ),
        ));
    }
    let area = std::f64::consts::FRAC_PI_4 * d * d;
    let mass_each = computed("pressure", c * area * p * choked_flux(t))?;
    let mol_each = mass_each / AIR_MOLAR_MASS;
    let flow = mol_each * n;
    let power = cost
        .map(|k| {
            let pw = non_negative("specific_power", k.power)?;
            let f = positive("specific_power_flow", k.per_flow)?;
            Ok::<f64, Error>(flow * pw / f)
        })
        .transpose()?;
    let hours = hours.map(|h| non_negative("hours", h)).transpose()?;
    Ok(AirLeak {
        pressure,
        pressure_ratio: q::Ratio::from_si(ratio),
        discharge_coefficient,
        mass_rate_each: q::MassRate::from_si(mass_each),
        flow_each: q::CatalyticActivity::from_si(mol_each),
        count: n,
        flow: q::CatalyticActivity::from_si(flow),
        power: power.map(q::Power::from_si),
        energy: power.zip(hours).map(|(p, h)| q::Energy::from_si(p * h)),
    })
}

/// Boundary form of [`air_leak`].
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AirLeakInput {
    /// Line pressure at the leak (`"100 psig"`, `"7 bar(g)"`).
    pub pressure: Measured<q::Pressure>,
    /// Equivalent diameter of the leak (`"0.0625 in"`, `"1.5 mm"`).
    pub diameter: Measured<q::Length>,
    /// Air temperature in the line; default 20 °C.
    #[serde(default)]
    pub temperature: Option<Measured<q::ThermodynamicTemperature>>,
    /// Discharge coefficient; default 0.61 (sharp-edged).
    #[serde(default)]
    pub discharge_coefficient: Option<Measured<q::Ratio>>,
    /// Number of such leaks; default 1.
    #[serde(default)]
    pub count: Option<f64>,
    /// Compressor power for `specific_power_flow` of air (`"18 kW"`).
    #[serde(default)]
    pub specific_power: Option<Measured<q::Power>>,
    /// The flow `specific_power` delivers (`"100 scfm"`, `"1 Nm3/min"`).
    #[serde(default)]
    pub specific_power_flow: Option<Measured<q::CatalyticActivity>>,
    /// Operating hours in the period (`"8760 h"`).
    #[serde(default)]
    pub hours: Option<Measured<q::Time>>,
}

fn cost_of(
    power: &Option<Measured<q::Power>>,
    flow: &Option<Measured<q::CatalyticActivity>>,
) -> Result<Option<AirCost>> {
    match (power, flow) {
        (Some(p), Some(f)) => Ok(Some(AirCost {
            power: p.value(),
            per_flow: f.value(),
        })),
        (None, None) => Ok(None),
        _ => Err(Error::out_of_range(
            "specific_power",
            "",
            "give both specific_power and specific_power_flow (e.g. \"18 kW\" per \"100 scfm\"), or neither",
        )),
    }
}

impl Boundary for AirLeakInput {
    type Output = AirLeak;
    fn compute(self) -> Result<AirLeak> {
        air_leak(
            self.pressure.value(),
            self.diameter.value(),
            super::value_or(
                &self.temperature,
                q::ThermodynamicTemperature::from_si(293.15),
            ),
            super::value_or(
                &self.discharge_coefficient,
                q::Ratio::from_si(sources::SHARP_EDGED_DISCHARGE_COEFFICIENT),
            ),
            self.count.unwrap_or(1.0),
            cost_of(&self.specific_power, &self.specific_power_flow)?,
            super::value_of(&self.hours),
        )
    }
}

/// Leakage found by a load/unload test.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AirLeakTest {
    /// Leakage: loaded time / (loaded + unloaded time).
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Ratio>")]
    pub leakage: q::Ratio,
    /// Air lost: leakage × compressor capacity.
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::CatalyticActivity>>")]
    pub flow: Option<q::CatalyticActivity>,
    /// Compressor power spent on leaks: leakage × full-load power.
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::Power>>")]
    pub power: Option<q::Power>,
    /// Electricity over the hours.
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::Energy>>")]
    pub energy: Option<q::Energy>,
}

/// Leakage from a test with all air users off: the compressor runs loaded for `loaded` and
/// unloaded for `unloaded`, on average; leakage = T / (T + t) ([`sources::LEAK_TEST_SOURCE`]).
pub fn air_leak_test(
    loaded: q::Time,
    unloaded: q::Time,
    capacity: Option<q::CatalyticActivity>,
    full_load_power: Option<q::Power>,
    hours: Option<q::Time>,
) -> Result<AirLeakTest> {
    let t_on = non_negative("loaded", loaded)?;
    let t_off = non_negative("unloaded", unloaded)?;
    if t_on + t_off <= 0.0 {
        return Err(Error::out_of_range(
            "loaded",
            show(loaded),
            "loaded and unloaded times cannot both be zero",
        ));
    }
    let share = t_on / (t_on + t_off);
    let flow = capacity
        .map(|c| non_negative("capacity", c).map(|c| q::CatalyticActivity::from_si(c * share)))
        .transpose()?;
    let power = full_load_power
        .map(|p| non_negative("full_load_power", p).map(|p| p * share))
        .transpose()?;
    let hours = hours.map(|h| non_negative("hours", h)).transpose()?;
    Ok(AirLeakTest {
        leakage: q::Ratio::from_si(share),
        flow,
        power: power.map(q::Power::from_si),
        energy: power.zip(hours).map(|(p, h)| q::Energy::from_si(p * h)),
    })
}

/// Boundary form of [`air_leak_test`].
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AirLeakTestInput {
    /// Average loaded time per cycle (`"20 s"`).
    pub loaded: Measured<q::Time>,
    /// Average unloaded time per cycle (`"80 s"`).
    pub unloaded: Measured<q::Time>,
    /// Compressor capacity (`"500 scfm"`).
    #[serde(default)]
    pub capacity: Option<Measured<q::CatalyticActivity>>,
    /// Compressor input power at full load (`"90 kW"`).
    #[serde(default)]
    pub full_load_power: Option<Measured<q::Power>>,
    /// Operating hours in the period.
    #[serde(default)]
    pub hours: Option<Measured<q::Time>>,
}

impl Boundary for AirLeakTestInput {
    type Output = AirLeakTest;
    fn compute(self) -> Result<AirLeakTest> {
        air_leak_test(
            self.loaded.value(),
            self.unloaded.value(),
            super::value_of(&self.capacity),
            super::value_of(&self.full_load_power),
            super::value_of(&self.hours),
        )
    }
}

/// Power saved by a lower discharge pressure.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AirPressureReduction {
    /// Pressure reduction.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Pressure>")]
    pub reduction: q::Pressure,
    /// Share of compressor power saved: 1 % per 2 psi.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Ratio>")]
    pub share: q::Ratio,
    /// Power saved.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::Power>")]
    pub power: q::Power,
    /// Electricity saved over the hours.
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::Energy>>")]
    pub energy: Option<q::Energy>,
}

/// Power saved by lowering the discharge pressure from `from` to `to` for a compressor drawing
/// `power`: about 1 % per 2 psi near 100 psig ([`sources::AIR_POWER_PER_PRESSURE`]); the rule
/// holds for reductions of a few tens of psi, so reductions over 50 psi are refused.
pub fn air_pressure_reduction(
    power: q::Power,
    from: q::Pressure,
    to: q::Pressure,
    hours: Option<q::Time>,
) -> Result<AirPressureReduction> {
    let p = non_negative("power", power)?;
    let a = positive("from", from)?;
    let b = positive("to", to)?;
    let dp = a - b;
    let max = 50.0 * 6_894.757_293_168;
    if dp < 0.0 || dp > max {
        return Err(Error::out_of_range(
            "to",
            show(to),
            format!(
                "must be below `from` ({}) by at most 50 psi: the rule of 1 % of power per 2 psi (US DOE Compressed Air Sourcebook) is for small changes near 100 psig",
                show(from)
            ),
        ));
    }
    let share = dp * sources::AIR_POWER_PER_PRESSURE;
    let hours = hours.map(|h| non_negative("hours", h)).transpose()?;
    Ok(AirPressureReduction {
        reduction: q::Pressure::from_si(dp),
        share: q::Ratio::from_si(share),
        power: q::Power::from_si(p * share),
        energy: hours.map(|h| q::Energy::from_si(p * share * h)),
    })
}

/// Boundary form of [`air_pressure_reduction`].
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AirPressureReductionInput {
    /// Compressor input power (`"90 kW"`).
    pub power: Measured<q::Power>,
    /// Present discharge pressure (`"110 psig"`).
    pub from: Measured<q::Pressure>,
    /// New discharge pressure (`"100 psig"`).
    pub to: Measured<q::Pressure>,
    /// Operating hours in the period.
    #[serde(default)]
    pub hours: Option<Measured<q::Time>>,
}

impl Boundary for AirPressureReductionInput {
    type Output = AirPressureReduction;
    fn compute(self) -> Result<AirPressureReduction> {
        air_pressure_reduction(
            self.power.value(),
            self.from.value(),
            self.to.value(),
            super::value_of(&self.hours),
        )
    }
}

/// Heat recoverable from a compressor: `recoverable` share of its input `power` (the share is
/// the caller's: manufacturers state it for each package; no default is given here).
pub fn compressor_heat_recovery(
    power: q::Power,
    recoverable: q::Ratio,
    hours: q::Time,
) -> Result<q::Energy> {
    let p = non_negative("power", power)?;
    let s = share("recoverable", recoverable)?;
    let h = non_negative("hours", hours)?;
    Ok(q::Energy::from_si(p * s * h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::MOLAR_GAS_CONSTANT;
    use crate::utilities::calculate;
    use serde_json::json;

    fn m<M: Measure>(text: &str) -> M {
        text.parse::<Measured<M>>().unwrap().value()
    }

    /// Cubic feet per minute of free air at 70 °F and 14.7 psia, the basis of the orifice
    /// table below.
    fn free_cfm(flow: q::CatalyticActivity) -> f64 {
        let p = 14.7 * 6_894.757_293_168;
        let t = (70.0 + 459.67) / 1.8;
        flow.si() * MOLAR_GAS_CONSTANT * t / p / 0.028_316_846_592 * 60.0
    }

    #[test]
    fn orifice_table_at_coefficient_one() {
        // Table "Discharge of Air Through an Orifice" (compressed-air handbooks; seen as a
        // scanned reference sheet "15-010504-002"): cubic feet of free air per minute through
        // an orifice, coefficient of flow 1.0, for gauge pressures above 15 psig by S.A. Moss's
        // formula with T = 530 °R: 100 psig: 1/16 in 6.49, 1/8 in 26.0, 1/4 in 104;
        // 70 psig 1/4 in 76.7; 125 psig 1/16 in 7.90. Reproduced within 1 % (3 digits).
        for (p, d, table) in [
            ("100 psig", "0.0625 in", 6.49),
            ("100 psig", "0.125 in", 26.0),
            ("100 psig", "0.25 in", 104.0),
            ("70 psig", "0.25 in", 76.7),
            ("125 psig", "0.0625 in", 7.90),
        ] {
            let leak = air_leak(m(p), m(d), m("70 °F"), m("100 %"), 1.0, None, None).unwrap();
            let cfm = free_cfm(leak.flow);
            assert!(
                ((cfm - table) / table).abs() < 0.01,
                "{p} {d}: {cfm} vs {table}"
            );
        }
    }

    #[test]
    fn leak_properties_and_limits() {
        let a = air_leak(
            m("7 bar(g)"),
            m("1 mm"),
            m("20 °C"),
            m("61 %"),
            1.0,
            None,
            None,
        )
        .unwrap();
        let b = air_leak(
            m("7 bar(g)"),
            m("2 mm"),
            m("20 °C"),
            m("61 %"),
            3.0,
            None,
            None,
        )
        .unwrap();
        // ∝ diameter² and ∝ count.
        assert!((b.flow.si() / a.flow.si() - 12.0).abs() < 1e-12);
        let e = air_leak(
            m("0.5 bar(g)"),
            m("1 mm"),
            m("20 °C"),
            m("61 %"),
            1.0,
            None,
            None,
        )
        .unwrap_err();
        assert_eq!(e.path(), "pressure");
        // Cost: 18 kW per 100 scfm, hand calculation.
        let out = calculate(
            "air_leak",
            json!({"pressure": "100 psig", "diameter": "0.25 in", "specific_power": "18 kW",
                   "specific_power_flow": "100 scfm", "hours": "8760 h"}),
        )
        .unwrap();
        let flow: Measured<q::CatalyticActivity> = out["flow"].as_str().unwrap().parse().unwrap();
        let power: Measured<q::Power> = out["power"].as_str().unwrap().parse().unwrap();
        assert!((power.si() - flow.number_in("scfm").unwrap() * 180.0).abs() < 1e-6);
    }

    #[test]
    fn load_unload_test() {
        // Hand calculation of T/(T+t): loaded 20 s, unloaded 80 s: 20 %.
        let t = air_leak_test(
            m("20 s"),
            m("80 s"),
            Some(m("500 scfm")),
            Some(m("90 kW")),
            Some(m("8760 h")),
        )
        .unwrap();
        assert!((t.leakage.si() - 0.2).abs() < 1e-12);
        assert!((t.power.unwrap().si() - 18_000.0).abs() < 1e-9);
        assert!((t.energy.unwrap().si() / 3.6e6 - 157_680.0).abs() < 1e-6);
    }

    #[test]
    fn pressure_reduction() {
        // 1 % per 2 psi: 10 psi off a 100 kW compressor saves 5 kW.
        let r = air_pressure_reduction(m("100 kW"), m("110 psig"), m("100 psig"), None).unwrap();
        assert!((r.power.si() - 5_000.0).abs() < 1e-6);
        let e =
            air_pressure_reduction(m("100 kW"), m("100 psig"), m("110 psig"), None).unwrap_err();
        assert_eq!(e.path(), "to");
        let h = compressor_heat_recovery(m("100 kW"), m("60 %"), m("1000 h")).unwrap();
        assert!((h.si() / 3.6e6 - 60_000.0).abs() < 1e-6);
    }
}
