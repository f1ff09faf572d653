//! Fuel and CO2 of delivered heat, with the carriers, net calorific values and IPCC 2006
//! emission factors already in the crate ([`Carrier::net_calorific_value_per_kg`],
//! [`crate::ghg::default_co2_factor`]), and fuel switching.

use serde::Serialize;
use uom::si::f64 as q;

use super::{efficiency, non_negative, ser};
use crate::error::{Error, Result};
use crate::flowsheet::Carrier;
use crate::ghg::EmissionFactor;
use crate::units::Measure;

/// Fuel or electricity to deliver some heat, and its CO2.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FuelUse {
    /// The carrier.
    pub carrier: Carrier,
    /// Heat delivered.
    #[serde(serialize_with = "ser::q")]
    pub heat: q::Energy,
    /// Efficiency of the conversion (a heat pump's COP as a ratio above 100 % is allowed only
    /// for electricity).
    #[serde(serialize_with = "ser::q")]
    pub efficiency: q::Ratio,
    /// Energy of the carrier (net calorific value basis for fuels).
    #[serde(serialize_with = "ser::q")]
    pub energy: q::Energy,
    /// Mass of fuel at the IPCC 2006 default net calorific value (none for electricity, steam
    /// and heat).
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    pub mass: Option<q::Mass>,
    /// CO2 emitted: the given factor, else the IPCC 2006 default (none for electricity, steam
    /// or heat without a factor).
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    pub co2: Option<q::Mass>,
}

/// Fuel or electricity of `carrier` to deliver `heat` at `efficiency` (for electricity, a heat
/// pump's COP may be given as an efficiency above 100 %, up to 1000 %), its mass and its CO2
/// (`factor`, else the IPCC default of the carrier).
///
/// ```
/// use cleanprod::flowsheet::Carrier;
/// use cleanprod::units::Measured;
/// use cleanprod::utilities::fuel::fuel_use;
/// let heat = "1000 GJ".parse::<Measured<_>>().unwrap().value();
/// let eff = "90 %".parse::<Measured<_>>().unwrap().value();
/// let f = fuel_use(heat, eff, Carrier::NaturalGas, None).unwrap();
/// // 1111 GJ of gas × 56.1 t CO2/TJ = 62.3 t
/// assert!((f.co2.unwrap().value / 1000.0 - 62.333).abs() < 0.001);
/// ```
pub fn fuel_use(
    heat: q::Energy,
    efficiency_: q::Ratio,
    carrier: Carrier,
    factor: Option<&EmissionFactor>,
) -> Result<FuelUse> {
    let h = non_negative("heat", heat)?;
    let e = if carrier == Carrier::Electricity && efficiency_.si() > 1.0 {
        let v = efficiency_.si();
        if v.is_finite() && v <= 10.0 {
            v
        } else {
            return Err(Error::out_of_range(
                "efficiency",
                super::show(efficiency_),
                "must be above 0 and at most 1000 % (a heat pump's COP of 10)",
            ));
        }
    } else {
        efficiency("efficiency", efficiency_)?
    };
    let energy = h / e;
    let mass = carrier
        .net_calorific_value_per_kg()
        .map(|ncv| q::Mass::from_si(energy / ncv));
    let kg_per_j = factor
        .map(EmissionFactor::kg_per_joule)
        .or_else(|| crate::ghg::default_co2_factor(carrier));
    Ok(FuelUse {
        carrier,
        heat,
        efficiency: efficiency_,
        energy: q::Energy::from_si(energy),
        mass,
        co2: kg_per_j.map(|f| q::Mass::from_si(energy * f)),
    })
}

/// The effect of switching the supply of `heat` from one carrier and efficiency to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FuelSwitch {
    /// Before.
    pub before: FuelUse,
    /// After.
    pub after: FuelUse,
    /// CO2 avoided (negative if the switch emits more), when both are known.
    #[serde(serialize_with = "ser::opt", skip_serializing_if = "Option::is_none")]
    pub co2_avoided: Option<q::Mass>,
}

/// Switch the supply of `heat` from `before` to `after` (carrier, efficiency, optional factor).
pub fn fuel_switch(
    heat: q::Energy,
    before: (Carrier, q::Ratio, Option<&EmissionFactor>),
    after: (Carrier, q::Ratio, Option<&EmissionFactor>),
) -> Result<FuelSwitch> {
    let b = fuel_use(heat, before.1, before.0, before.2).map_err(|e| {
        let path = format!("before.{}", e.path());
        e.with_path(path)
    })?;
    let a = fuel_use(heat, after.1, after.0, after.2).map_err(|e| {
        let path = format!("after.{}", e.path());
        e.with_path(path)
    })?;
    let co2_avoided = b
        .co2
        .zip(a.co2)
        .map(|(x, y)| q::Mass::from_si(x.si() - y.si()));
    Ok(FuelSwitch {
        before: b,
        after: a,
        co2_avoided,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Measured;

    fn m<M: Measure>(text: &str) -> M {
        text.parse::<Measured<M>>().unwrap().value()
    }

    #[test]
    fn uses_the_crate_ipcc_figures() {
        // Hand calculation from the IPCC 2006 defaults already in the crate: 1 TJ of heat from
        // gas oil at 100 %: 74.1 t CO2 and 1e12 / 43e6 = 23 256 kg of fuel.
        let f = fuel_use(m("1 TJ"), m("100 %"), Carrier::Diesel, None).unwrap();
        assert!((f.co2.unwrap().si() - 74_100.0).abs() < 1e-6);
        assert!((f.mass.unwrap().si() - 1e12 / 43e6).abs() < 1e-6);
        let e = fuel_use(m("1 TJ"), m("0 %"), Carrier::Diesel, None).unwrap_err();
        assert_eq!(e.path(), "efficiency");
        // Electricity has no default factor.
        assert_eq!(
            fuel_use(m("1 GJ"), m("300 %"), Carrier::Electricity, None)
                .unwrap()
                .co2,
            None
        );
    }

    #[test]
    fn switching_oil_to_gas() {
        let s = fuel_switch(
            m("1 TJ"),
            (Carrier::FuelOil, m("80 %"), None),
            (Carrier::NaturalGas, m("90 %"), None),
        )
        .unwrap();
        let avoided = 1e12 / 0.8 * 77_400e-12 - 1e12 / 0.9 * 56_100e-12;
        assert!((s.co2_avoided.unwrap().si() - avoided).abs() < 1e-6);
        let e = fuel_switch(
            m("1 TJ"),
            (Carrier::FuelOil, m("80 %"), None),
            (Carrier::NaturalGas, m("190 %"), None),
        )
        .unwrap_err();
        assert_eq!(e.path(), "after.efficiency");
    }
}
