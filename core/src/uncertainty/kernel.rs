//! The kernel of a draw for options with direct savings only: each option compiled once into
//! its cash-flow structure (investment stages, O&M change, salvage, life, and its savings as
//! amounts times prices), so that a draw is a few multiply-adds, one cash-flow series in a
//! reused buffer and the finance metrics, without reading text or allocating.
//!
//! It applies when every sampled input is a price, the discount rate, an emission factor or an
//! option's money or direct saving (the short route's slots) and no option edits the
//! flowsheet, nor is financed. Its figures are those of [`super::appraisal`] (and so of the
//! document rewritten and read again) bit for bit: each number is converted from its unit by
//! the same function as when its text is read, and every sum is taken in the order the full
//! appraisal takes it (money by resource in name order, cash flows year by year as
//! `CashFlowPlan::build` adds them, the portfolio down the NPV ranking). A draw whose values
//! the documents' checks would refuse (a negative price, a discount rate out of range, ...)
//! is left to the short route, which gives the error with its path.

use std::collections::BTreeMap;

use super::Row;
use super::appraisal::{Slot, read};
use super::inputs::Input;
use crate::assessment::Assessment;
use crate::finance;
use crate::flowsheet::Carrier;
use crate::ghg::EmissionFactor;
use crate::options::{Capex, Edit, SavingAmount, parse_all, whole_years};
use crate::units::Dimension;
use crate::units::Measured;
use crate::units::money::{Money, Price};

/// Where a sampled number goes, with the value read from its unit once.
#[derive(Debug, Clone)]
enum Write {
    /// A price: money per SI unit.
    Price { index: usize, unit: Price },
    /// The discount rate.
    Rate(Measured<uom::si::f64::Ratio>),
    /// An emission factor: kg per joule.
    Factor { index: usize, unit: EmissionFactor },
    /// The single investment of an option.
    Capex(usize),
    /// An option's O&M change.
    OmChange(usize),
    /// An option's salvage.
    Salvage(usize),
    /// A direct saving (option, effect), per year in SI units.
    Saving {
        option: usize,
        term: usize,
        unit: SavingAmount,
    },
}

/// How the energy of a direct saving of a carrier is had from its amount.
#[derive(Debug, Clone, Copy)]
enum Joules {
    /// The amount is energy.
    Same,
    /// Times a heating value.
    Times(f64),
    /// No heating value: the CO2 is not counted.
    Unknown,
}

/// The CO2 of one direct saving of a carrier.
#[derive(Debug, Clone, Copy)]
struct Co2Term {
    /// The saving (index into the option's terms).
    term: usize,
    /// The carrier's factor (index into the kernel's factors).
    factor: usize,
    joules: Joules,
}

/// One option compiled.
#[derive(Debug, Clone)]
struct Compiled {
    /// Years of no investment before the first stage.
    start: usize,
    /// Flows of the series: start + life + 1.
    periods: usize,
    /// Life in years (for the capital recovery factor).
    life: u32,
    /// Each direct saving: its price's index.
    prices: Vec<usize>,
    /// For each resource saved, in name order: its savings (terms) in effect order.
    resources: Vec<Vec<usize>>,
    /// The CO2 of the savings of carriers, in effect order.
    co2: Vec<Co2Term>,
}

/// The document compiled for draws of direct savings.
#[derive(Debug, Clone)]
pub(crate) struct Kernel {
    writes: Vec<Write>,
    options: Vec<Compiled>,
    /// Conflicts between options (row-major n × n).
    conflicts: Vec<bool>,
    /// The values at the document's inputs, overwritten by each draw in a [`Scratch`].
    base: Values,
    /// The document's schedule (savings per day or hour are annualized with it).
    schedule: crate::units::Schedule,
}

/// The values a draw changes.
#[derive(Debug, Clone)]
struct Values {
    /// Money per SI unit of each price used.
    prices: Vec<f64>,
    /// Discount rate.
    rate: f64,
    /// kg CO2 per joule of each carrier used (none without a factor).
    factors: Vec<Option<f64>>,
    /// Per option: investment stages, O&M change, salvage, savings per year (SI).
    stages: Vec<Vec<f64>>,
    om: Vec<f64>,
    salvage: Vec<f64>,
    saved: Vec<Vec<f64>>,
}

/// One thread's values and buffers, reused by every draw.
pub(crate) struct Scratch {
    values: Values,
    flows: Vec<f64>,
    capex_by_year: Vec<f64>,
    money: Vec<f64>,
    results: Vec<Appraised>,
    order: Vec<usize>,
    kept: Vec<usize>,
}

/// The figures of one option that a draw reports.
#[derive(Debug, Clone, Copy, Default)]
struct Appraised {
    npv: f64,
    irr: Option<f64>,
    mirr: Option<f64>,
    simple: Option<f64>,
    discounted: Option<f64>,
    capex: f64,
    annual_saving: f64,
    co2: Option<f64>,
}

/// The index of `key` in `keys`, added when absent.
fn index_of<T: PartialEq>(keys: &mut Vec<T>, key: T) -> usize {
    match keys.iter().position(|k| *k == key) {
        Some(i) => i,
        None => {
            keys.push(key);
            keys.len() - 1
        }
    }
}

impl Kernel {
    /// The kernel of `a` for `inputs` at `slots`, or None when a draw needs more than the
    /// direct savings re-priced (an option edits the flowsheet or is financed, or a sampled
    /// unit is not the document's currency or dimension).
    pub(crate) fn compile(a: &Assessment, slots: &[Slot], inputs: &[Input]) -> Option<Kernel> {
        let doc = a.document();
        if doc.finance.financing.is_some() {
            return None;
        }
        let options = a.options();
        let mut price_names: Vec<&str> = Vec::new();
        let mut carriers: Vec<Carrier> = Vec::new();
        let mut compiled = Vec::with_capacity(options.len());
        let mut base = Values {
            prices: Vec::new(),
            rate: doc.finance.discount_rate.si(),
            factors: Vec::new(),
            stages: Vec::new(),
            om: Vec::new(),
            salvage: Vec::new(),
            saved: Vec::new(),
        };
        for (i, o) in options.iter().enumerate() {
            let path = format!("options[{i}]");
            let edits = parse_all(&o.effects, &path).ok()?;
            if edits.iter().any(Edit::edits_flowsheet) {
                return None;
            }
            let money = |m: &Option<Money>| match m {
                None => Some(0.0),
                Some(m) => (m.currency() == doc.currency).then(|| m.amount()),
            };
            let stages = match &o.capex {
                None => vec![0.0],
                Some(Capex(list)) => list
                    .iter()
                    .map(|m| money(&Some(*m)))
                    .collect::<Option<_>>()?,
            };
            let life = match &o.lifetime {
                None => doc.finance.horizon_years(),
                Some(l) => whole_years(String::new(), l, 1.0, 100.0).ok()?,
            };
            let start = match &o.start {
                None => 0,
                Some(s) => whole_years(String::new(), s, 0.0, 50.0).ok()?,
            } as usize;
            let mut prices = Vec::new();
            let mut saved = Vec::new();
            let mut by_resource: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            let mut co2 = Vec::new();
            for e in &edits {
                // Money saved directly (and anything else) takes the long route.
                let Edit::Saving {
                    resource,
                    amount,
                    dimension,
                } = *e
                else {
                    return None;
                };
                let price = doc.prices.get(resource)?;
                if price.dimension() != dimension {
                    return None;
                }
                let term = saved.len();
                saved.push(amount.per_year(&doc.schedule));
                let p = index_of(&mut price_names, resource);
                if p == base.prices.len() {
                    base.prices.push(price.per_si());
                }
                prices.push(p);
                by_resource.entry(resource).or_default().push(term);
                if let Some(carrier) = Carrier::ALL.into_iter().find(|c| c.key() == resource) {
                    let joules = match dimension {
                        Dimension::Energy => Joules::Same,
                        Dimension::Mass => carrier
                            .net_calorific_value_per_kg()
                            .map_or(Joules::Unknown, Joules::Times),
                        Dimension::GasAmount => carrier
                            .net_calorific_value_per_mol()
                            .map_or(Joules::Unknown, Joules::Times),
                        _ => Joules::Unknown,
                    };
                    let factor = index_of(&mut carriers, carrier);
                    if factor == base.factors.len() {
                        base.factors.push(crate::ghg::co2_factor(&doc.ghg, carrier));
                    }
                    co2.push(Co2Term {
                        term,
                        factor,
                        joules,
                    });
                }
            }
            base.stages.push(stages);
            base.om.push(money(&o.om_change)?);
            base.salvage.push(money(&o.salvage)?);
            base.saved.push(saved);
            compiled.push(Compiled {
                periods: start + life as usize + 1,
                start,
                life,
                prices,
                resources: by_resource.into_values().collect(),
                co2,
            });
        }
        let mut writes = Vec::with_capacity(slots.len());
        for (slot, input) in slots.iter().zip(inputs) {
            // The unit of the input, read once as the field reads it (the number is replaced
            // by each draw's).
            let text = input.text(1.0);
            let path = input.path.as_str();
            writes.push(match slot {
                Slot::Price(name) => {
                    let unit: Price = read(text, path).ok()?;
                    let doc_price = doc.prices.get(name)?;
                    if unit.currency() != doc.currency || unit.dimension() != doc_price.dimension()
                    {
                        return None;
                    }
                    let index = index_of(&mut price_names, name.as_str());
                    if index == base.prices.len() {
                        base.prices.push(doc_price.per_si());
                    }
                    Write::Price { index, unit }
                }
                Slot::DiscountRate => Write::Rate(read(text, path).ok()?),
                Slot::Ghg(carrier) => {
                    let unit: EmissionFactor = read(text, path).ok()?;
                    let index = index_of(&mut carriers, *carrier);
                    if index == base.factors.len() {
                        base.factors
                            .push(crate::ghg::co2_factor(&doc.ghg, *carrier));
                    }
                    Write::Factor { index, unit }
                }
                Slot::Capex(i) | Slot::OmChange(i) | Slot::Salvage(i) => {
                    let m: Money = read(text, path).ok()?;
                    if m.currency() != doc.currency {
                        return None;
                    }
                    match slot {
                        Slot::Capex(_) => Write::Capex(*i),
                        Slot::OmChange(_) => Write::OmChange(*i),
                        _ => Write::Salvage(*i),
                    }
                }
                Slot::Saving(i, j) => {
                    let unit: SavingAmount = read(text, path).ok()?;
                    let original = options.get(*i)?.effects.get(*j)?.amount.as_ref()?;
                    if unit.of != original.of {
                        return None;
                    }
                    // The term of effect j: the savings before it.
                    let term = options[*i].effects[..*j]
                        .iter()
                        .filter(|e| e.kind == crate::options::EffectKind::Saving)
                        .count();
                    Write::Saving {
                        option: *i,
                        term,
                        unit,
                    }
                }
            });
        }
        let n = options.len();
        let conflicts = (0..n * n)
            .map(|k| options[k / n].conflict(&options[k % n]).is_some())
            .collect();
        Some(Kernel {
            writes,
            options: compiled,
            conflicts,
            base,
            schedule: doc.schedule.clone(),
        })
    }

    /// A thread's values and buffers.
    pub(crate) fn scratch(&self) -> Scratch {
        let longest = self.options.iter().map(|o| o.periods).max().unwrap_or(1);
        Scratch {
            values: self.base.clone(),
            flows: Vec::with_capacity(longest),
            capex_by_year: Vec::with_capacity(longest),
            money: Vec::new(),
            results: vec![Appraised::default(); self.options.len()],
            order: Vec::with_capacity(self.options.len()),
            kept: Vec::with_capacity(self.options.len()),
        }
    }

    /// The results with the inputs at `values` (finite, one per input), or None when the
    /// draw must take the short route (a value the document's checks refuse, a metric the
    /// finance engine refuses): that route gives the error.
    pub(crate) fn evaluate(&self, values: &[f64], s: &mut Scratch) -> Option<Row> {
        self.write(values, s)?;
        for i in 0..self.options.len() {
            s.results[i] = self.appraise(i, s)?;
        }
        Some(self.row(s))
    }

    /// Put the draw's values in place, checked as the document's sections check them.
    fn write(&self, values: &[f64], s: &mut Scratch) -> Option<()> {
        let v = &mut s.values;
        for (o, stages) in v.stages.iter_mut().enumerate() {
            stages.copy_from_slice(&self.base.stages[o]);
        }
        for (o, saved) in v.saved.iter_mut().enumerate() {
            saved.copy_from_slice(&self.base.saved[o]);
        }
        v.prices.copy_from_slice(&self.base.prices);
        v.factors.copy_from_slice(&self.base.factors);
        v.om.copy_from_slice(&self.base.om);
        v.salvage.copy_from_slice(&self.base.salvage);
        v.rate = self.base.rate;
        for (w, &x) in self.writes.iter().zip(values) {
            match w {
                // A negative price is refused (sections::prices).
                Write::Price { index, unit } => {
                    (x >= 0.0).then_some(())?;
                    v.prices[*index] = unit.per_si_at(x);
                }
                // More than -100 % and at most 100 % a year (sections::finance).
                Write::Rate(unit) => {
                    let r = unit.si_at(x).ok()?;
                    (r > -1.0 && r <= 1.0).then_some(())?;
                    v.rate = r;
                }
                // From 0 to 2 kg/kWh (ghg::validate).
                Write::Factor { index, unit } => {
                    let f = unit.kg_per_joule_at(x);
                    (0.0..=2.0).contains(&(f * 3.6e6)).then_some(())?;
                    v.factors[*index] = Some(f);
                }
                // An investment is not negative (options::validate); the slot's option has
                // one stage.
                Write::Capex(i) => {
                    (x >= 0.0).then_some(())?;
                    *v.stages[*i].first_mut()? = x;
                }
                Write::OmChange(i) => v.om[*i] = x,
                Write::Salvage(i) => v.salvage[*i] = x,
                Write::Saving { option, term, unit } => {
                    v.saved[*option][*term] = unit.per_year_at(x, &self.schedule)?;
                }
            }
        }
        Some(())
    }

    /// Option `i` appraised at the scratch's values, as `options::appraise` does.
    fn appraise(&self, i: usize, s: &mut Scratch) -> Option<Appraised> {
        let o = &self.options[i];
        let v = &s.values;
        let stages = &v.stages[i];
        let capex: f64 = stages.iter().sum();
        let (om, salvage) = (v.om[i], v.salvage[i]);
        // Money per resource, each the sum of its savings times its price, in effect order.
        s.money.clear();
        for terms in &o.resources {
            let mut m = 0.0;
            for &t in terms {
                m += v.saved[i][t] * v.prices[o.prices[t]];
            }
            s.money.push(m);
        }
        if !s.money.iter().all(|m| m.is_finite()) {
            return None;
        }
        let annual_saving = s.money.iter().sum::<f64>() - om;
        // The cash flows of `CashFlowPlan::build` in real money without tax: each year the
        // investment, the savings, the O&M change, the salvage and the (zero) tax, added in
        // that order.
        s.capex_by_year.clear();
        s.capex_by_year.resize(o.start, 0.0);
        s.capex_by_year.extend_from_slice(stages);
        let n = o.periods;
        let first = o.start + 1;
        s.flows.clear();
        for t in 0..n {
            let active = t >= first;
            let capex_t = s.capex_by_year.get(t).map_or(0.0, |c| -c);
            let savings_t = s
                .money
                .iter()
                .map(|m| if active { *m } else { 0.0 })
                .sum::<f64>();
            let om_t = if active { -om } else { 0.0 };
            let salvage_t = if t == n - 1 { salvage } else { 0.0 };
            s.flows.push(capex_t + savings_t + om_t + salvage_t + 0.0);
        }
        let flows = &s.flows;
        let rate = v.rate;
        let npv = finance::npv(rate, flows).ok()?;
        let simple = finance::payback(flows).ok()?;
        let discounted = finance::discounted_payback(rate, flows).ok()?;
        // What the full appraisal also computes and could refuse.
        finance::npv(rate, &s.capex_by_year).ok()?;
        finance::capital_recovery_factor(rate, f64::from(o.life)).ok()?;
        let mut co2 = Some(0.0);
        for c in &o.co2 {
            let saved = v.saved[i][c.term];
            let joules = match c.joules {
                Joules::Same => Some(saved),
                Joules::Times(j) => Some(saved * j),
                Joules::Unknown => None,
            };
            match joules.and_then(|j| v.factors[c.factor].map(|f| f * j)) {
                Some(kg) => {
                    if let Some(total) = &mut co2 {
                        *total += kg;
                    }
                }
                None => co2 = None,
            }
        }
        Some(Appraised {
            npv,
            irr: finance::irr(flows).ok(),
            mirr: finance::mirr(flows, rate, rate).ok(),
            simple: simple.periods(),
            discounted: discounted.periods(),
            capex,
            annual_saving,
            co2: co2.map(|kg| kg / 1_000.0),
        })
    }

    /// The row of results: each option's, then the portfolio's (every option not set aside
    /// for a better alternative, down the NPV ranking), as `options::evaluate` gives them.
    fn row(&self, s: &mut Scratch) -> Row {
        let n = self.options.len();
        let r = &s.results;
        // The ranking of `options::rank` by NPV: highest first, ties and non-finite values
        // in the document's order.
        s.order.clear();
        s.order.extend(0..n);
        let score = |i: usize| Some(r[i].npv).filter(|x| x.is_finite());
        s.order.sort_by(|&a, &b| match (score(a), score(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x).then(a.cmp(&b)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.cmp(&b),
        });
        s.kept.clear();
        for &i in &s.order {
            if !s.kept.iter().any(|&j| self.conflicts[i * n + j]) {
                s.kept.push(i);
            }
        }
        let mut row = Vec::with_capacity(n * super::OPTION_METRICS.len() + 5);
        for a in r {
            row.extend([
                Some(a.npv),
                a.irr,
                a.mirr,
                a.simple,
                a.discounted,
                Some(a.annual_saving),
                a.co2,
            ]);
        }
        let (mut saving, mut npv, mut capex) = (0.0, 0.0, 0.0);
        let mut co2 = Some(0.0);
        for &i in &s.kept {
            saving += r[i].annual_saving;
            npv += r[i].npv;
            capex += r[i].capex;
            co2 = co2.zip(r[i].co2).map(|(a, b)| a + b);
        }
        row.extend([
            Some(npv),
            Some(capex),
            Some(saving),
            super::portfolio_payback(capex, saving),
            co2,
        ]);
        row
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Settings, Simulator};
    use crate::Assessment;

    /// The risk fixture's draws go through the kernel (not the short route it falls back
    /// to) and give the long route's rows; a negative price is left to the short route.
    #[test]
    fn draws_of_direct_savings_take_the_kernel() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/documents/valid/risk.toml"
        ))
        .unwrap();
        let sim = Simulator::new(&Assessment::from_toml_str(&text).unwrap()).unwrap();
        let kernel = sim.kernel.as_ref().unwrap();
        let mut scratch = kernel.scratch();
        let run = sim
            .run(&Settings {
                draws: Some(50),
                ..Settings::default()
            })
            .unwrap();
        for i in 0..50 {
            let row: Vec<f64> = run.inputs.iter().map(|x| x.values[i]).collect();
            let fast = kernel.evaluate(&row, &mut scratch).unwrap();
            assert_eq!(fast, sim.evaluate_rewritten(&row).unwrap(), "draw {i}");
        }
        assert!(
            kernel
                .evaluate(&[-1.0, 4000.0, 0.15], &mut scratch)
                .is_none()
        );
        assert!(sim.evaluate(&[-1.0, 4000.0, 0.15]).is_err());
    }
}
