//! From changed flows to resources, money and CO2: what an option saves.

use std::collections::BTreeMap;

use super::Case;
use super::edit::Edit;
use super::scenario::{Baseline, Outcome};
use crate::error::{Error, Result};
use crate::flowsheet::{Carrier, NodeKind, WATER_DENSITY};
use crate::units::money::Price;
use crate::units::{Dimension, format_number, parse_unit};

/// The key of the CO2 avoided in deltas and cost curves (a resource may be called `CO2`: the
/// gas bought for deliming).
pub const CO2_KEY: &str = "CO2 emissions";

/// The key of money saved directly (effects of kind `money`) among an option's money per
/// resource.
pub const MONEY_KEY: &str = "money";

/// What an option (or a step of a sequence) saves per year; positive means less used,
/// discharged or spent.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Changes {
    /// Per priced resource: the amount saved, in SI units of what its price is per.
    pub(crate) amounts: BTreeMap<String, (f64, Dimension)>,
    /// Money saved per resource.
    pub(crate) money: BTreeMap<String, f64>,
    /// Per priced resource: the money saved per unit of its price (money per SI unit), the
    /// amount signed as its money is (a product sold counts negative): `money` is linear in
    /// the prices, `priced` times the price.
    pub(crate) priced: BTreeMap<String, f64>,
    /// Flows across the boundary that are not priced, kg/yr, by `"COD to effluent"`.
    pub(crate) loads: BTreeMap<String, f64>,
    /// CO2 avoided, kg/yr (none when a changed carrier has no factor).
    pub(crate) co2: Option<f64>,
    /// What could not be counted, in words.
    pub(crate) notes: Vec<String>,
}

impl Changes {
    fn new() -> Changes {
        Changes {
            co2: Some(0.0),
            ..Changes::default()
        }
    }

    /// `amount` of `name` saved, `priced` per unit of its price, worth `money`.
    fn add_resource(
        &mut self,
        name: &str,
        amount: f64,
        dimension: Dimension,
        priced: f64,
        money: f64,
    ) {
        let slot = self
            .amounts
            .entry(name.to_string())
            .or_insert((0.0, dimension));
        slot.0 += amount;
        *self.priced.entry(name.to_string()).or_insert(0.0) += priced;
        *self.money.entry(name.to_string()).or_insert(0.0) += money;
    }

    fn add_co2(&mut self, kg: Option<f64>, missing: impl FnOnce() -> String) {
        match kg {
            Some(kg) => {
                if let Some(total) = &mut self.co2 {
                    *total += kg;
                }
            }
            None => {
                self.co2 = None;
                let note = missing();
                if !self.notes.contains(&note) {
                    self.notes.push(note);
                }
            }
        }
    }

    /// Both together.
    pub(crate) fn merge(mut self, other: Changes) -> Changes {
        for (name, (amount, dimension)) in other.amounts {
            let money = other.money.get(&name).copied().unwrap_or(0.0);
            let priced = other.priced.get(&name).copied().unwrap_or(0.0);
            self.add_resource(&name, amount, dimension, priced, money);
        }
        for (label, kg) in other.loads {
            *self.loads.entry(label).or_insert(0.0) += kg;
        }
        self.co2 = match (self.co2, other.co2) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
        for n in other.notes {
            if !self.notes.contains(&n) {
                self.notes.push(n);
            }
        }
        self
    }

    /// Total money saved per year.
    pub(crate) fn annual_money(&self) -> f64 {
        self.money.values().sum()
    }

    /// The amounts saved as numbers per year, by resource then load, each in the unit of its
    /// dimension ([`display_unit`] per year), the same for every option.
    pub(crate) fn savings(&self) -> Vec<super::Saving> {
        let resources = self.amounts.iter().map(|(name, (amount, dimension))| {
            (name, amount / si_per_display_unit(*dimension), *dimension)
        });
        let loads = self
            .loads
            .iter()
            .map(|(label, kg)| (label, *kg, Dimension::Mass));
        resources
            .chain(loads)
            .map(|(name, amount, dimension)| {
                let mut unit = String::with_capacity(8);
                unit.push_str(display_unit(dimension));
                unit.push_str("/yr");
                super::Saving {
                    resource: name.clone(),
                    amount,
                    unit,
                }
            })
            .collect()
    }

    /// The amounts saved in words, by resource and load (`"1200 m3/yr"`), and CO2 in t/yr.
    pub(crate) fn deltas(&self) -> BTreeMap<String, String> {
        let mut out: BTreeMap<String, String> = self
            .amounts
            .iter()
            .map(|(name, (amount, dimension))| (name.clone(), per_year(*amount, *dimension)))
            .collect();
        for (label, kg) in &self.loads {
            out.insert(label.clone(), per_year(*kg, Dimension::Mass));
        }
        if let Some(kg) = self.co2
            && kg != 0.0
        {
            out.insert(CO2_KEY.to_string(), per_year(kg, Dimension::Mass));
        }
        out
    }
}

/// Display unit of an amount per year of each dimension.
pub(crate) fn display_unit(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Volume => "m3",
        Dimension::Energy => "kWh",
        Dimension::GasAmount => "Nm3",
        _ => "kg",
    }
}

/// SI units of `dimension` per display unit.
pub(crate) fn si_per_display_unit(dimension: Dimension) -> f64 {
    parse_unit(display_unit(dimension))
        .ok()
        .and_then(|u| u.to_si(1.0, dimension).ok())
        .unwrap_or(1.0)
}

/// `amount` (SI per year) in words, in tonnes from 10 t up for masses, 6 significant digits.
fn per_year(amount: f64, dimension: Dimension) -> String {
    let (x, unit) = match dimension {
        Dimension::Mass if amount.abs() >= 10_000.0 => (amount / 1_000.0, "t"),
        d => (amount / si_per_display_unit(d), display_unit(d)),
    };
    format!("{} {unit}/yr", format_number(crate::units::round_to(x, 6)))
}

/// The direct savings (`kind = "saving"`) and money (`kind = "money"`) of an option at `path`
/// (`options[i]`).
pub(crate) fn direct(doc: &Case<'_>, edits: &[Edit<'_>], path: &str) -> Result<Changes> {
    let mut ch = Changes::new();
    for (k, e) in edits.iter().enumerate() {
        let (resource, amount, dimension) = match *e {
            Edit::Saving {
                resource,
                amount,
                dimension,
            } => (resource, amount, dimension),
            Edit::Money { amount, currency } => {
                if currency != doc.ctx.currency {
                    return Err(Error::Currency {
                        path: format!("{path}.effects[{k}].amount"),
                        value: amount.to_string(),
                        found: currency.to_string(),
                        expected: doc.ctx.currency.to_string(),
                    });
                }
                *ch.money.entry(MONEY_KEY.to_string()).or_insert(0.0) +=
                    amount.per_year(doc.ctx.schedule);
                continue;
            }
            _ => continue,
        };
        let epath = format!("{path}.effects[{k}]");
        let price: &Price = doc
            .ctx
            .prices
            .get(resource)
            .ok_or_else(|| Error::MissingPrice {
                path: format!("{epath}.resource"),
                value: resource.to_string(),
                what: resource.to_string(),
            })?;
        if price.dimension() != dimension {
            return Err(Error::out_of_range(
                format!("{epath}.amount"),
                amount,
                format!(
                    "is an amount of {} per time, but {resource} is priced per {} ({price})",
                    dimension.name(),
                    price.dimension().name()
                ),
            ));
        }
        let saved = amount.per_year(doc.ctx.schedule);
        ch.add_resource(resource, saved, dimension, saved, saved * price.per_si());
        if let Some(carrier) = Carrier::ALL.into_iter().find(|c| c.key() == resource) {
            let joules = match dimension {
                Dimension::Energy => Some(saved),
                Dimension::Mass => carrier.net_calorific_value_per_kg().map(|j| saved * j),
                Dimension::GasAmount => carrier.net_calorific_value_per_mol().map(|j| saved * j),
                _ => None,
            };
            let co2 =
                joules.and_then(|j| crate::ghg::co2_factor(doc.ctx.ghg, carrier).map(|f| f * j));
            ch.add_co2(co2, || co2_note(carrier, dimension, &epath));
        }
    }
    Ok(ch)
}

fn co2_note(carrier: Carrier, dimension: Dimension, path: &str) -> String {
    if crate::ghg::default_co2_factor(carrier).is_none() {
        format!(
            "CO2 not counted: no emission factor for {0} (add ghg.{0} with its source)",
            carrier.key()
        )
    } else {
        format!(
            "CO2 not counted for {path}: {} saved by {} has no default heating value (give it in energy units)",
            carrier.key(),
            dimension.name()
        )
    }
}

/// What account prices a component's flow at a boundary node.
enum Priced<'a> {
    /// Bought or paid for as `resource`, `content` kg of the component per kg of it.
    Resource(&'a str, f64),
    /// Costs nothing (or is not priced): reported as a load.
    Load,
}

fn account<'a>(base: &'a Baseline<'_>, node: usize, c: usize) -> Priced<'a> {
    let fs = base.fs;
    let (id, component) = (fs.nodes[node].id.as_str(), fs.components[c].as_str());
    if let Some(a) = fs
        .accounts
        .iter()
        .find(|a| a.node == id && a.component == component)
    {
        return match &a.resource {
            Some(r) => Priced::Resource(r, a.content.as_ref().map_or(1.0, |x| x.si())),
            None => Priced::Load,
        };
    }
    match (base.kind(node), component == "water") {
        (NodeKind::Source, true) => Priced::Resource("water", 1.0),
        (NodeKind::Source, false) => Priced::Resource(component, 1.0),
        (NodeKind::Wastewater, true) => Priced::Resource("wastewater", 1.0),
        (NodeKind::SolidWaste, _) => Priced::Resource(id, 1.0),
        _ => Priced::Load,
    }
}

/// What changes between the flows `before` and `after` of the flowsheet, for the option at
/// `path`; `touched` holds the components whose flows the edits so far change (the others
/// are the baseline's in both, copied from it, so they change nothing).
pub(crate) fn modelled(
    doc: &Case<'_>,
    base: &Baseline<'_>,
    (before, after): (&Outcome, &Outcome),
    touched: &std::collections::BTreeSet<usize>,
    path: &str,
) -> Result<Changes> {
    let fs = base.fs;
    let mut ch = Changes::new();
    // Boundary flows per (node, component).
    let mut boundary: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for &c in touched {
        for (s, &(from, to)) in base.ends.iter().enumerate() {
            let (Some(b), Some(a)) = (before.flows[c][s], after.flows[c][s]) else {
                continue;
            };
            if (b - a).abs() <= 1e-9 * (b.abs() + a.abs()) {
                continue;
            }
            for node in [from, to] {
                if !base.kind(node).is_process() {
                    *boundary.entry((node, c)).or_insert(0.0) += b - a;
                }
            }
        }
    }
    for ((node, c), saved) in boundary {
        let n = &fs.nodes[node];
        let component = &fs.components[c];
        let direction = if n.kind == NodeKind::Source {
            "from"
        } else {
            "to"
        };
        // Named only for a load and in errors (not formatted for each priced flow).
        let what = || format!("{component} {direction} {}", n.id);
        match account(base, node, c) {
            Priced::Load => *ch.loads.entry(what()).or_insert(0.0) += saved,
            Priced::Resource(resource, content) => {
                let price = doc
                    .ctx
                    .prices
                    .get(resource)
                    .ok_or_else(|| Error::MissingPrice {
                        path: format!("{path}.effects"),
                        value: resource.to_string(),
                        what: what(),
                    })?;
                let amount = match price.dimension() {
                    Dimension::Mass => saved / content,
                    Dimension::Volume if component == "water" => saved / WATER_DENSITY / content,
                    d => {
                        return Err(Error::out_of_range(
                            format!("prices.{resource}"),
                            price,
                            format!(
                                "is a price per {}, but the option changes {} by mass: price it per mass (or add a flowsheet account)",
                                d.name(),
                                what()
                            ),
                        ));
                    }
                };
                // A product sold: more of it is money gained.
                let sign = if n.kind == NodeKind::Product {
                    -1.0
                } else {
                    1.0
                };
                ch.add_resource(
                    resource,
                    amount,
                    price.dimension(),
                    sign * amount,
                    sign * amount * price.per_si(),
                );
            }
        }
    }
    for (i, input) in fs.energy.iter().enumerate() {
        // A heat pump switches a fuel input to electricity: the fuel before is all saved and
        // the electricity after is bought.
        let carrier = |switched: bool| {
            if switched {
                Carrier::Electricity
            } else {
                input.carrier
            }
        };
        let (was, is) = (carrier(before.electric[i]), carrier(after.electric[i]));
        let changes = if was == is {
            vec![(was, before.energy_j[i] - after.energy_j[i])]
        } else {
            vec![(was, before.energy_j[i]), (is, -after.energy_j[i])]
        };
        for (carrier, saved) in changes {
            if saved.abs() <= 1e-9 * before.energy_j[i].abs().max(after.energy_j[i].abs()) {
                continue;
            }
            let resource = carrier.key();
            let price = doc
                .ctx
                .prices
                .get(resource)
                .ok_or_else(|| Error::MissingPrice {
                    path: format!("{path}.effects"),
                    value: resource.to_string(),
                    what: format!("the {resource} of energy input {}", input.id),
                })?;
            let per = if carrier == input.carrier {
                input.joules_per(price.dimension())
            } else {
                (price.dimension() == Dimension::Energy).then_some(1.0)
            }
            .ok_or_else(|| {
                Error::out_of_range(
                    format!("flowsheet.energy[{i}].heating_value"),
                    &input.amount,
                    format!(
                        "is needed: prices.{resource} is per {}, and the energy saved must be converted",
                        price.dimension().name()
                    ),
                )
            })?;
            let amount = saved / per;
            ch.add_resource(
                resource,
                amount,
                price.dimension(),
                amount,
                amount * price.per_si(),
            );
            let co2 = crate::ghg::co2_factor(doc.ctx.ghg, carrier).map(|f| f * saved);
            ch.add_co2(co2, || co2_note(carrier, Dimension::Energy, path));
        }
    }
    Ok(ch)
}
