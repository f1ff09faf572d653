//! The physical figures a programme reports (water m3, energy MWh, each chemical t, solid waste
//! t, CO2 t), read from an option's savings by what each resource is.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::flowsheet::{Carrier, Flowsheet, NodeKind};
use crate::options::Saving;
use crate::sections::Prices;

/// Amounts saved (per year, or over the options' lives), positive for less used.
///
/// Each priced resource an option saves is counted once, by what it is: `water` (bought) and
/// `wastewater` (discharged) in m3; an energy carrier's key (`electricity`, `natural_gas`,
/// `lpg`, ...) in MWh, fuels bought by mass or gas amount converted with the IPCC default net
/// calorific values ([`Carrier`]) or the flowsheet's own heating value; the solid-waste nodes
/// of the flowsheet and resources whose name says waste or sludge (not wastewater) in t; what a
/// product node of the flowsheet sells (`fleshings sold`) in t more sold, as a by-product; every
/// other resource priced by mass in t under its name (chemicals and materials). Unpriced loads
/// (`COD to effluent`) are not counted here; a resource that cannot be put in one of these
/// (a fuel bought by volume without a heating value) is named in `not_counted`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Amounts {
    /// Water bought, m3.
    pub water_m3: f64,
    /// Wastewater discharged, m3.
    pub wastewater_m3: f64,
    /// Energy bought (every carrier), MWh.
    pub energy_mwh: f64,
    /// Solid waste, t.
    pub solid_waste_t: f64,
    /// CO2 avoided, t (options whose CO2 could not be counted add nothing).
    pub co2_t: f64,
    /// Each chemical or material bought, t, by its resource name.
    pub chemicals_t: BTreeMap<String, f64>,
    /// Each by-product sold, t more sold, by its resource name.
    pub by_products_t: BTreeMap<String, f64>,
    /// Resources saved that could not be counted in these figures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_counted: Vec<String>,
}

impl Amounts {
    /// Add `other` times `k`.
    pub(crate) fn add_scaled(&mut self, other: &Amounts, k: f64) {
        self.water_m3 += k * other.water_m3;
        self.wastewater_m3 += k * other.wastewater_m3;
        self.energy_mwh += k * other.energy_mwh;
        self.solid_waste_t += k * other.solid_waste_t;
        self.co2_t += k * other.co2_t;
        for (name, t) in &other.chemicals_t {
            *self.chemicals_t.entry(name.clone()).or_insert(0.0) += k * t;
        }
        for (name, t) in &other.by_products_t {
            *self.by_products_t.entry(name.clone()).or_insert(0.0) += k * t;
        }
        for name in &other.not_counted {
            if !self.not_counted.contains(name) {
                self.not_counted.push(name.clone());
            }
        }
    }

    /// The sum of all chemicals and materials, t.
    pub fn chemicals_total_t(&self) -> f64 {
        self.chemicals_t.values().sum()
    }
}

/// What a site's resources are, read once per document.
pub(crate) struct Classifier<'a> {
    prices: &'a Prices,
    flowsheet: Option<&'a Flowsheet>,
}

impl<'a> Classifier<'a> {
    pub(crate) fn new(prices: &'a Prices, flowsheet: Option<&'a Flowsheet>) -> Self {
        Classifier { prices, flowsheet }
    }

    /// Whether `name` is what a product node of the flowsheet sells (an account there).
    fn is_sold(&self, name: &str) -> bool {
        self.flowsheet.is_some_and(|fs| {
            fs.accounts.iter().any(|a| {
                a.resource.as_deref() == Some(name)
                    && fs
                        .nodes
                        .iter()
                        .any(|n| n.id == a.node && n.kind == NodeKind::Product)
            })
        })
    }

    fn is_solid_waste(&self, name: &str) -> bool {
        let node = self.flowsheet.is_some_and(|fs| {
            fs.nodes
                .iter()
                .any(|n| n.kind == NodeKind::SolidWaste && n.id == name)
        });
        let lower = name.to_ascii_lowercase();
        node || lower.contains("sludge")
            || (lower.contains("waste") && !lower.contains("wastewater"))
    }

    /// Joules per display unit (kWh, kg, Nm3, m3) of carrier `c`, if known.
    fn joules_per_unit(&self, c: Carrier, unit: &str) -> Option<f64> {
        let own = |d: crate::units::Dimension| {
            self.flowsheet?
                .energy
                .iter()
                .find(|e| e.carrier == c)
                .and_then(|e| e.joules_per(d))
        };
        match unit {
            "kWh/yr" => Some(3.6e6),
            "kg/yr" => own(crate::units::Dimension::Mass).or(c.net_calorific_value_per_kg()),
            "Nm3/yr" => {
                // 1 Nm3 of gas at standard conditions in mol, as the units module reads it.
                let mol = crate::units::to_si("1 Nm3", crate::units::Dimension::GasAmount).ok()?;
                own(crate::units::Dimension::GasAmount)
                    .or(c.net_calorific_value_per_mol())
                    .map(|j| j * mol)
            }
            "m3/yr" => own(crate::units::Dimension::Volume),
            _ => None,
        }
    }

    /// The amounts of `savings` (one option's, per year) and `co2_t`.
    pub(crate) fn amounts(&self, savings: &[Saving], co2_t: Option<f64>) -> Amounts {
        let mut a = Amounts {
            co2_t: co2_t.unwrap_or(0.0),
            ..Amounts::default()
        };
        for s in savings {
            let name = s.resource.as_str();
            if !self.prices.contains_key(name) {
                continue;
            }
            let carrier = Carrier::ALL.into_iter().find(|c| c.key() == name);
            match (name, s.unit.as_str(), carrier) {
                ("water", "m3/yr", _) => a.water_m3 += s.amount,
                ("wastewater", "m3/yr", _) => a.wastewater_m3 += s.amount,
                (_, unit, Some(c)) => match self.joules_per_unit(c, unit) {
                    Some(j) => a.energy_mwh += s.amount * j / 3.6e9,
                    None => a.not_counted.push(name.to_string()),
                },
                (_, "kg/yr", None) if self.is_sold(name) => {
                    // A saving of a product is less sold: more sold is a negative saving.
                    *a.by_products_t.entry(name.to_string()).or_insert(0.0) -= s.amount / 1_000.0;
                }
                (_, "kg/yr", None) if self.is_solid_waste(name) => {
                    a.solid_waste_t += s.amount / 1_000.0;
                }
                (_, "kg/yr", None) => {
                    *a.chemicals_t.entry(name.to_string()).or_insert(0.0) += s.amount / 1_000.0;
                }
                _ => a.not_counted.push(name.to_string()),
            }
        }
        a
    }
}
