//! Open cooling towers: evaporation, blowdown and make-up, and the water and treatment
//! chemicals saved by more cycles of concentration.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use super::{Boundary, non_negative, ser, share, sources, value_of};
use crate::error::{Error, Result};
use crate::units::{Measure, Measured};

/// Water balance of an open cooling tower.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CoolingTower {
    /// Evaporation: factor × circulation × range.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::VolumeRate>")]
    pub evaporation: q::VolumeRate,
    /// Drift: share × circulation.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::VolumeRate>")]
    pub drift: q::VolumeRate,
    /// Blowdown: evaporation / (cycles − 1) − drift, at least zero.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::VolumeRate>")]
    pub blowdown: q::VolumeRate,
    /// Make-up: evaporation + blowdown + drift.
    #[serde(serialize_with = "ser::q")]
    #[schemars(with = "Measured<q::VolumeRate>")]
    pub makeup: q::VolumeRate,
    /// With the new cycles: blowdown.
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::VolumeRate>>")]
    pub new_blowdown: Option<q::VolumeRate>,
    /// With the new cycles: make-up.
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::VolumeRate>>")]
    pub new_makeup: Option<q::VolumeRate>,
    /// Make-up water saved over the hours.
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::Volume>>")]
    pub water_saved: Option<q::Volume>,
    /// Treatment chemicals saved over the hours (dose per volume of blowdown, which carries
    /// the chemicals out).
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::Mass>>")]
    pub chemicals_saved: Option<q::Mass>,
}

fn cycles_ok(path: &str, c: f64) -> Result<f64> {
    if c.is_finite() && c > 1.0 {
        Ok(c)
    } else {
        Err(Error::out_of_range(
            path,
            c,
            "must be above 1: cycles of concentration are the ratio of dissolved solids in the tower water to those in the make-up, and blowdown = evaporation / (cycles − 1)",
        ))
    }
}

/// Water balance of a tower circulating `circulation` over a cooling `range`:
/// evaporation = [`sources::TOWER_EVAPORATION_PER_KELVIN`] × circulation × range,
/// blowdown = evaporation / (cycles − 1) − drift, make-up = evaporation + blowdown + drift.
/// With `new_cycles`, `hours` and optionally a treatment `dose`, the savings of the change.
///
/// ```
/// use cleanprod::units::Measured;
/// use cleanprod::utilities::cooling_water::cooling_tower;
/// fn v<M: cleanprod::units::Measure>(s: &str) -> M {
///     s.parse::<Measured<M>>().unwrap().value()
/// }
/// let t = cooling_tower(v("1000 gpm"), v("10 °F"), 4.0, v("0 %"), Some(6.0), Some(v("8760 h")), None).unwrap();
/// assert!((Measured::new(t.makeup).number_in("gpm").unwrap() - 11.333).abs() < 1e-3);
/// ```
pub fn cooling_tower(
    circulation: q::VolumeRate,
    range: q::TemperatureInterval,
    cycles: f64,
    drift: q::Ratio,
    new_cycles: Option<f64>,
    hours: Option<q::Time>,
    dose: Option<q::MassConcentration>,
) -> Result<CoolingTower> {
    let q_ = non_negative("circulation", circulation)?;
    let r = non_negative("range", range)?;
    let c = cycles_ok("cycles", cycles)?;
    let d = share("drift", drift)? * q_;
    let e = sources::TOWER_EVAPORATION_PER_KELVIN * q_ * r;
    let bd = |c: f64| (e / (c - 1.0) - d).max(0.0);
    let b = bd(c);
    let new = new_cycles.map(|n| cycles_ok("new_cycles", n)).transpose()?;
    let new_b = new.map(bd);
    let hours = hours.map(|h| non_negative("hours", h)).transpose()?;
    let saved = new_b.zip(hours).map(|(nb, h)| (b - nb) * h);
    let chemicals = match (saved, dose) {
        (Some(s), Some(dz)) => Some(q::Mass::from_si(s * non_negative("dose", dz)?)),
        _ => None,
    };
    Ok(CoolingTower {
        evaporation: q::VolumeRate::from_si(e),
        drift: q::VolumeRate::from_si(d),
        blowdown: q::VolumeRate::from_si(b),
        makeup: q::VolumeRate::from_si(e + b + d),
        new_blowdown: new_b.map(q::VolumeRate::from_si),
        new_makeup: new_b.map(|nb| q::VolumeRate::from_si(e + nb + d)),
        water_saved: saved.map(q::Volume::from_si),
        chemicals_saved: chemicals,
    })
}

/// Boundary form of [`cooling_tower`]; results print in the circulation's unit.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoolingTowerInput {
    /// Circulating water flow (`"1000 gpm"`, `"250 m3/h"`).
    pub circulation: Measured<q::VolumeRate>,
    /// Range: hot minus cold water temperature (`"10 °F"`, `"5.5 K"`).
    pub range: Measured<q::TemperatureInterval>,
    /// Cycles of concentration, as a number (`"4"`).
    pub cycles: Measured<q::Ratio>,
    /// Drift as a share of circulation; default 0 (modern eliminators: about 0.0005-0.002 %).
    #[serde(default)]
    pub drift: Option<Measured<q::Ratio>>,
    /// Cycles of concentration after the change.
    #[serde(default)]
    pub new_cycles: Option<Measured<q::Ratio>>,
    /// Operating hours in the period.
    #[serde(default)]
    pub hours: Option<Measured<q::Time>>,
    /// Treatment chemicals per volume of blowdown (`"100 mg/L"`).
    #[serde(default)]
    pub dose: Option<Measured<q::MassConcentration>>,
}

/// The cooling tower's figures, flows in the circulation's own unit (gpm for gpm input).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CoolingTowerOutput {
    /// Evaporation.
    #[schemars(with = "Measured<q::VolumeRate>")]
    pub evaporation: String,
    /// Drift.
    #[schemars(with = "Measured<q::VolumeRate>")]
    pub drift: String,
    /// Blowdown.
    #[schemars(with = "Measured<q::VolumeRate>")]
    pub blowdown: String,
    /// Make-up.
    #[schemars(with = "Measured<q::VolumeRate>")]
    pub makeup: String,
    /// Blowdown with the new cycles.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::VolumeRate>>")]
    pub new_blowdown: Option<String>,
    /// Make-up with the new cycles.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::VolumeRate>>")]
    pub new_makeup: Option<String>,
    /// Water saved over the hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::Volume>>")]
    pub water_saved: Option<String>,
    /// Chemicals saved over the hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured<q::Mass>>")]
    pub chemicals_saved: Option<String>,
}

impl Boundary for CoolingTowerInput {
    type Output = CoolingTowerOutput;
    fn compute(self) -> Result<CoolingTowerOutput> {
        let t = cooling_tower(
            self.circulation.value(),
            self.range.value(),
            self.cycles.value().si(),
            super::value_or(&self.drift, q::Ratio::from_si(0.0)),
            value_of(&self.new_cycles).map(Measure::si),
            value_of(&self.hours),
            value_of(&self.dose),
        )?;
        let unit = self.circulation.unit().to_string();
        let flow = |v: q::VolumeRate| {
            let m = Measured::new(v);
            m.with_unit(&unit).unwrap_or(m).to_string()
        };
        Ok(CoolingTowerOutput {
            evaporation: flow(t.evaporation),
            drift: flow(t.drift),
            blowdown: flow(t.blowdown),
            makeup: flow(t.makeup),
            new_blowdown: t.new_blowdown.map(flow),
            new_makeup: t.new_makeup.map(flow),
            water_saved: t.water_saved.map(super::show),
            chemicals_saved: t.chemicals_saved.map(super::show),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m<M: Measure>(text: &str) -> M {
        text.parse::<Measured<M>>().unwrap().value()
    }

    fn gpm(v: q::VolumeRate) -> f64 {
        Measured::new(v).number_in("gpm").unwrap()
    }

    #[test]
    fn rule_of_thumb_hand_calculation() {
        // E = 0.00085 × 1000 gpm × 10 °F = 8.5 gpm; B = 8.5 / 3 = 2.833 gpm; M = 11.333 gpm.
        // Raising cycles to 6: B = 1.7 gpm, saving 1.133 gpm.
        let t = cooling_tower(
            m("1000 gpm"),
            m("10 °F"),
            4.0,
            m("0 %"),
            Some(6.0),
            Some(m("1 min")),
            Some(m("100 mg/L")),
        )
        .unwrap();
        assert!((gpm(t.evaporation) - 8.5).abs() < 1e-9);
        assert!((gpm(t.blowdown) - 8.5 / 3.0).abs() < 1e-9);
        assert!((gpm(t.makeup) - 8.5 * 4.0 / 3.0).abs() < 1e-9);
        assert!((gpm(t.new_blowdown.unwrap()) - 1.7).abs() < 1e-9);
        let saved_gal = t.water_saved.unwrap().si() / 3.785_411_784e-3;
        assert!((saved_gal - (8.5 / 3.0 - 1.7)).abs() < 1e-9);
        assert!(
            (t.chemicals_saved.unwrap().si() - t.water_saved.unwrap().si() * 0.1).abs() < 1e-12
        );
    }

    #[test]
    fn blowdown_falls_as_cycles_rise() {
        let mut last = f64::INFINITY;
        for c in [1.5, 2.0, 3.0, 5.0, 8.0, 12.0] {
            let t =
                cooling_tower(m("250 m3/h"), m("6 K"), c, m("0.001 %"), None, None, None).unwrap();
            assert!(t.blowdown.si() < last);
            last = t.blowdown.si();
        }
        for bad in [1.0, 0.5, f64::NAN] {
            let e = cooling_tower(m("250 m3/h"), m("6 K"), bad, m("0 %"), None, None, None)
                .unwrap_err();
            assert_eq!(e.path(), "cycles");
        }
    }
}
