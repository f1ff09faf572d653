//! Monte Carlo per firm: the model is described in `draws.md`, the screening's documentation.

use serde_json::{Value, json};
use uom::si::f64 as q;

use crate::Assessment;
use crate::error::{Error, Result};
use crate::finance;
use crate::options::{Capex, MoneyTerm, whole_years};
use crate::sections::uncertainty::{MAX_SEED, Method, Uncertainty};
use crate::uncertainty::MAX_DRAWS;
use crate::uncertainty::appraisal::read;
use crate::uncertainty::inputs::{Input, one};
use crate::uncertainty::random::uniforms;
use crate::uncertainty::statistics::quantile_sorted;
use crate::units::Measured;
use crate::units::money::{Money, Price};

/// Draws per firm when the section does not say.
pub const DEFAULT_SCREEN_DRAWS: u32 = 1_000;

/// What an input of the region's section varies.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Price(String),
    Rate,
    Capex,
    Savings,
}

/// The region's section, checked once.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    section: Uncertainty,
    targets: Vec<Target>,
    /// The multipliers' inputs, compiled once (none for the others).
    multipliers: Vec<Option<Input>>,
    pub(crate) draws: u32,
    seed: u64,
    method: Method,
}

/// The figure a multiplier's distribution is read against: 100 %.
fn multiplier_base() -> Value {
    json!({ "options": { "capex": "100 %", "savings": "100 %" } })
}

impl Plan {
    /// The plan of `section`; `priced(name)` says whether some sector's document prices
    /// `name` (a price no firm has is an error, as a misspelt one).
    pub(crate) fn new(section: &Uncertainty, priced: impl Fn(&str) -> bool) -> Result<Plan> {
        if section.measured {
            return Err(Error::out_of_range(
                "uncertainty.measured",
                "true",
                "is not screened: a screening varies prices, the discount rate and the options' capex and savings",
            ));
        }
        if !section.correlations.is_empty() {
            return Err(Error::out_of_range(
                "uncertainty.correlations",
                section.correlations.len(),
                "are not screened: a screening draws its inputs independently",
            ));
        }
        let draws = section.draws.unwrap_or(DEFAULT_SCREEN_DRAWS);
        if draws == 0 || draws > MAX_DRAWS {
            return Err(Error::out_of_range(
                "uncertainty.draws",
                draws,
                format!("must be from 1 to {MAX_DRAWS}"),
            ));
        }
        let seed = section.seed.unwrap_or(0);
        if seed > MAX_SEED {
            return Err(Error::out_of_range(
                "uncertainty.seed",
                seed,
                "must be at most 2^53 − 1",
            ));
        }
        let base = multiplier_base();
        let mut targets = Vec::with_capacity(section.inputs.len());
        let mut multipliers = Vec::with_capacity(section.inputs.len());
        for (k, input) in section.inputs.iter().enumerate() {
            let at = format!("uncertainty.inputs[{k}]");
            let path = input.path.trim();
            let target = match path {
                "finance.discount_rate" => Target::Rate,
                "options.capex" => Target::Capex,
                "options.savings" => Target::Savings,
                _ => match path.strip_prefix("prices.") {
                    Some(name) if priced(name) => Target::Price(name.to_string()),
                    Some(_) => {
                        return Err(Error::out_of_range(
                            format!("{at}.path"),
                            path,
                            "is a price no sector's document has",
                        ));
                    }
                    None => {
                        return Err(Error::out_of_range(
                            format!("{at}.path"),
                            path,
                            "is not a figure a screening varies: prices.<resource>, finance.discount_rate, options.capex or options.savings",
                        ));
                    }
                },
            };
            if targets.contains(&target) {
                return Err(Error::out_of_range(
                    format!("{at}.path"),
                    path,
                    "is given twice",
                ));
            }
            multipliers.push(match target {
                Target::Capex | Target::Savings => Some(one(&base, input, &at)?),
                _ => None,
            });
            targets.push(target);
        }
        Ok(Plan {
            section: section.clone(),
            targets,
            multipliers,
            draws,
            seed,
            method: section.method,
        })
    }

    /// The inputs that apply to the firm whose document is `doc` (as JSON), compiled against
    /// it, each with its target's index.
    pub(crate) fn inputs(&self, doc: &Value) -> Result<Vec<(usize, Input)>> {
        let mut out = Vec::with_capacity(self.targets.len());
        for (k, target) in self.targets.iter().enumerate() {
            let input = match target {
                Target::Price(name) => {
                    if doc.get("prices").and_then(|p| p.get(name)).is_none() {
                        continue;
                    }
                    one(
                        doc,
                        &self.section.inputs[k],
                        &format!("uncertainty.inputs[{k}]"),
                    )?
                }
                Target::Rate => one(
                    doc,
                    &self.section.inputs[k],
                    &format!("uncertainty.inputs[{k}]"),
                )?,
                Target::Capex | Target::Savings => match &self.multipliers[k] {
                    Some(i) => i.clone(),
                    None => continue,
                },
            };
            out.push((k, input));
        }
        Ok(out)
    }

    /// The NPV of the package of `a` (the firm `id`) at each draw, with `inputs` (from
    /// [`Plan::inputs`] of its document).
    pub(crate) fn npvs(
        &self,
        a: &Assessment,
        inputs: &[(usize, Input)],
        id: &str,
    ) -> Result<Vec<f64>> {
        let model = FirmModel::compile(a)?;
        let writes = inputs
            .iter()
            .map(|(k, input)| model.write(&self.targets[*k], input, a))
            .collect::<Result<Vec<Write>>>()?;
        let columns = uniforms(
            firm_key(self.seed, id),
            self.method,
            self.draws,
            writes.len(),
        );
        let mut draw = model.base();
        let mut buffers = (Vec::new(), Vec::new());
        let mut npvs = Vec::with_capacity(self.draws as usize);
        let mut values = vec![0.0; writes.len()];
        for d in 0..self.draws as usize {
            for (j, ((_, input), column)) in inputs.iter().zip(&columns).enumerate() {
                values[j] = input.distribution.quantile(column[d]);
            }
            model.set(&mut draw, &writes, inputs, &values)?;
            npvs.push(model.npv(&draw, &mut buffers)?);
        }
        Ok(npvs)
    }

    /// The spread of the NPVs of the package of `a`; see [`Plan::npvs`].
    pub(crate) fn risk(&self, a: &Assessment, inputs: &[(usize, Input)], id: &str) -> Result<Risk> {
        Ok(Risk::of(self.npvs(a, inputs, id)?))
    }
}

/// The key of a firm's draws: the seed and the firm's id mixed (FNV-1a of the id's bytes,
/// then SplitMix64's finalizer), the same on every target.
fn firm_key(seed: u64, id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut z = h ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The spread of a firm's NPV over its draws.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Risk {
    pub(crate) mean: f64,
    pub(crate) p10: f64,
    pub(crate) p50: f64,
    pub(crate) p90: f64,
    /// Share of the draws with an NPV below zero.
    pub(crate) probability_loss: f64,
}

impl Risk {
    /// The spread of `npvs` (at least one, finite).
    fn of(mut npvs: Vec<f64>) -> Risk {
        let n = npvs.len().max(1) as f64;
        let mean = npvs.iter().sum::<f64>() / n;
        let losses = npvs.iter().filter(|x| **x < 0.0).count() as f64;
        npvs.sort_by(f64::total_cmp);
        let q = |p: f64| {
            if npvs.is_empty() {
                0.0
            } else {
                quantile_sorted(&npvs, p)
            }
        };
        Risk {
            mean,
            p10: q(0.1),
            p50: q(0.5),
            p90: q(0.9),
            probability_loss: losses / n,
        }
    }
}

/// One option of the package compiled: its cash-flow structure and its money per price.
#[derive(Debug, Clone)]
struct Step {
    /// Investment by year (none before the start, then the stages).
    capex_by_year: Vec<f64>,
    om: f64,
    salvage: f64,
    /// Flows of its series: start + life + 1.
    periods: usize,
    /// First year of savings: start + 1.
    first: usize,
    terms: Vec<MoneyTerm>,
}

/// A firm's package compiled for draws.
#[derive(Debug, Clone)]
pub(crate) struct FirmModel {
    /// Prices the package's money depends on, and their money per SI unit in the document.
    names: Vec<String>,
    prices: Vec<f64>,
    rate: f64,
    steps: Vec<Step>,
}

/// The figures of one draw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draw {
    /// Money per SI unit of each of the model's prices.
    prices: Vec<f64>,
    rate: f64,
    /// Multipliers of the investments and of the money saved.
    capex: f64,
    savings: f64,
}

/// Where a sampled number goes, with its unit read once.
#[derive(Debug, Clone)]
enum Write {
    /// A price (its index among the model's; none when the package saves none of it).
    Price {
        index: Option<usize>,
        unit: Price,
    },
    Rate(Measured<q::Ratio>),
    Capex(Measured<q::Ratio>),
    Savings(Measured<q::Ratio>),
}

impl FirmModel {
    /// The package of `a` (its evaluated `all` portfolio) compiled.
    pub(crate) fn compile(a: &Assessment) -> Result<FirmModel> {
        let e = a.evaluate()?;
        let ids: Vec<&str> = e.portfolio.all.ids.iter().map(String::as_str).collect();
        let (money, names) = a.portfolio_money(&ids)?;
        let doc = a.document();
        let prices = names
            .iter()
            .map(|n| {
                doc.prices
                    .get(n)
                    .map(Price::per_si)
                    .ok_or_else(|| Error::MissingPrice {
                        path: format!("prices.{n}"),
                        value: n.clone(),
                        what: n.clone(),
                    })
            })
            .collect::<Result<Vec<f64>>>()?;
        let amount = |path: String, m: Option<&Money>| match m {
            None => Ok(0.0),
            Some(m) if m.currency() != doc.currency => Err(Error::Currency {
                path,
                value: m.to_string(),
                found: m.currency().to_string(),
                expected: doc.currency.to_string(),
            }),
            Some(m) => Ok(m.amount()),
        };
        let mut steps = Vec::with_capacity(money.len());
        for s in money {
            let path = format!("options[{}]", s.option);
            let o = a
                .options()
                .get(s.option)
                .ok_or_else(|| Error::out_of_range(&path, s.option, "is not an option"))?;
            let stages = match &o.capex {
                None => vec![0.0],
                Some(Capex(list)) => list
                    .iter()
                    .map(|m| amount(format!("{path}.capex"), Some(m)))
                    .collect::<Result<Vec<f64>>>()?,
            };
            let life = match &o.lifetime {
                None => doc.finance.horizon_years(),
                Some(l) => whole_years(format!("{path}.lifetime"), l, 1.0, 100.0)?,
            } as usize;
            let start = match &o.start {
                None => 0,
                Some(t) => whole_years(format!("{path}.start"), t, 0.0, 50.0)?,
            } as usize;
            let mut capex_by_year = vec![0.0; start];
            capex_by_year.extend(stages);
            steps.push(Step {
                capex_by_year,
                om: amount(format!("{path}.om_change"), o.om_change.as_ref())?,
                salvage: amount(format!("{path}.salvage"), o.salvage.as_ref())?,
                periods: start + life + 1,
                first: start + 1,
                terms: s.terms,
            });
        }
        Ok(FirmModel {
            names,
            prices,
            rate: doc.finance.discount_rate.si(),
            steps,
        })
    }

    /// The draw at the document's figures.
    pub(crate) fn base(&self) -> Draw {
        Draw {
            prices: self.prices.clone(),
            rate: self.rate,
            capex: 1.0,
            savings: 1.0,
        }
    }

    /// Where `input` (aimed at `target`) writes, its unit checked against the document of `a`.
    fn write(&self, target: &Target, input: &Input, a: &Assessment) -> Result<Write> {
        let text = input.text(1.0);
        let path = input.path.as_str();
        Ok(match target {
            Target::Price(name) => {
                let unit: Price = read(text, path)?;
                let doc = a.document();
                if let Some(own) = doc.prices.get(name)
                    && (unit.currency() != doc.currency || unit.dimension() != own.dimension())
                {
                    return Err(Error::out_of_range(
                        path,
                        input.text(input.distribution.mean()),
                        format!(
                            "is not in the firm's price's currency and unit ({own}): give a spread, or the firms of one currency"
                        ),
                    ));
                }
                Write::Price {
                    index: self.names.iter().position(|n| n == name),
                    unit,
                }
            }
            Target::Rate => Write::Rate(read(text, path)?),
            Target::Capex => Write::Capex(read(text, path)?),
            Target::Savings => Write::Savings(read(text, path)?),
        })
    }

    /// `draw` at the base figures with `values` (one per write, in the inputs' units) in
    /// place, checked as the document's sections check them.
    fn set(
        &self,
        draw: &mut Draw,
        writes: &[Write],
        inputs: &[(usize, Input)],
        values: &[f64],
    ) -> Result<()> {
        draw.prices.copy_from_slice(&self.prices);
        draw.rate = self.rate;
        draw.capex = 1.0;
        draw.savings = 1.0;
        for ((w, (_, input)), &x) in writes.iter().zip(inputs).zip(values) {
            let bad = |why: &str| Error::out_of_range(&input.path, input.text(x), why);
            let share = |m: &Measured<q::Ratio>| {
                m.si_at(x)
                    .map_err(|p| Error::unit(&input.path, input.text(x), p))
                    .and_then(|s| {
                        if s >= 0.0 && s.is_finite() {
                            Ok(s)
                        } else {
                            Err(bad("is a negative multiplier: the distribution must stay at or above 0 %"))
                        }
                    })
            };
            match w {
                Write::Price { index, unit } => {
                    if x < 0.0 || x.is_nan() {
                        return Err(bad(
                            "is a negative price: the distribution must stay at or above zero",
                        ));
                    }
                    if let Some(i) = index {
                        draw.prices[*i] = unit.per_si_at(x);
                    }
                }
                Write::Rate(unit) => {
                    let r = unit
                        .si_at(x)
                        .map_err(|p| Error::unit(&input.path, input.text(x), p))?;
                    if r <= -1.0 || r > 1.0 || r.is_nan() {
                        return Err(bad("is a discount rate beyond -100 % to 100 % a year"));
                    }
                    draw.rate = r;
                }
                Write::Capex(unit) => draw.capex = share(unit)?,
                Write::Savings(unit) => draw.savings = share(unit)?,
            }
        }
        Ok(())
    }

    /// The package's NPV at `draw`: its steps' NPVs added in order, each from its cash flows
    /// built as the appraisal builds them (`buffers`: the money per part and the flows, reused).
    pub(crate) fn npv(&self, draw: &Draw, buffers: &mut (Vec<f64>, Vec<f64>)) -> Result<f64> {
        let (money, flows) = buffers;
        let mut total = 0.0;
        for step in &self.steps {
            money.clear();
            money.extend(step.terms.iter().map(|t| {
                let m = match *t {
                    MoneyTerm::Priced { price, per_price } => per_price * draw.prices[price],
                    MoneyTerm::Fixed(m) => m,
                };
                m * draw.savings
            }));
            // Each year the investment, the savings, the O&M change, the salvage and the (zero)
            // tax, added in that order (`CashFlowPlan::build`).
            // The savings of a year with savings, and of one without, summed once (the same
            // sums, in the same order, as year by year).
            let saved = money.iter().sum::<f64>();
            let none = money.iter().map(|_| 0.0).sum::<f64>();
            let n = step.periods;
            flows.clear();
            for t in 0..n {
                let active = t >= step.first;
                let capex_t = step.capex_by_year.get(t).map_or(0.0, |c| -(c * draw.capex));
                let savings_t = if active { saved } else { none };
                let om_t = if active { -step.om } else { 0.0 };
                let salvage_t = if t == n - 1 { step.salvage } else { 0.0 };
                flows.push(capex_t + savings_t + om_t + salvage_t + 0.0);
            }
            total += finance::npv(draw.rate, flows)?;
        }
        if total.is_finite() {
            Ok(total)
        } else {
            Err(Error::out_of_range(
                "npv",
                total,
                "is beyond the numbers a draw can hold",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Outcomes;
    use crate::program::Potential;
    use crate::program::screen::region::{RegionSpec, generate};
    use crate::program::screen::{
        Firms, ScreenSettings, Screening, combine, firm_document, screen,
    };
    use crate::sections::Context;
    use crate::sections::uncertainty::{Shape, UncertainInput};

    fn spread(path: &str, shape: Shape, share: &str) -> UncertainInput {
        UncertainInput {
            path: path.to_string(),
            distribution: Some(shape),
            spread: Some(share.to_string()),
            ..UncertainInput::default()
        }
    }

    /// Every figure a screening varies, with shapes of every kind.
    fn section(draws: u32, prices: &[&str]) -> Uncertainty {
        let mut inputs: Vec<UncertainInput> = prices
            .iter()
            .map(|p| spread(&format!("prices.{p}"), Shape::Triangular, "± 30 %"))
            .collect();
        inputs.push(spread("finance.discount_rate", Shape::Uniform, "± 25 %"));
        inputs.push(UncertainInput {
            path: "options.capex".to_string(),
            distribution: Some(Shape::Pert),
            min: Some("80 %".to_string()),
            mode: Some("100 %".to_string()),
            max: Some("150 %".to_string()),
            ..UncertainInput::default()
        });
        inputs.push(spread("options.savings", Shape::Normal, "± 15 %"));
        Uncertainty {
            method: Method::Lhs,
            draws: Some(draws),
            seed: Some(7),
            inputs,
            ..Uncertainty::default()
        }
    }

    /// A small synthetic region with firms of every sector.
    fn region(firms: u32) -> Firms {
        let spec = RegionSpec {
            firms,
            ..RegionSpec::benchmark()
        };
        generate(&spec, Some(1)).unwrap()
    }

    /// The NPV of the package of `a` by the full appraisal (the options engine on the
    /// document's flowsheet and balance, flows solved again) with the draw's figures written
    /// into copies of its sections: each drawn price at its value times the savings multiplier
    /// (money is linear in prices, so the multiplier of the money saved is the same as every
    /// price times it), the others times it too, the discount rate, each investment stage
    /// times the capex multiplier.
    fn full_npv(
        a: &Assessment,
        inputs: &[(usize, Input)],
        plan: &Plan,
        values: &[f64],
        draw: &Draw,
    ) -> f64 {
        let doc = a.document();
        let mut prices = doc.prices.clone();
        for price in prices.values_mut() {
            let text = format!(
                "{} {}/{}",
                price.number() * draw.savings,
                price.currency(),
                price.unit().trim_start_matches('/')
            );
            *price = Price::parse(&text).unwrap();
        }
        let mut finance = doc.finance.clone();
        for ((k, input), x) in inputs.iter().zip(values) {
            match &plan.targets[*k] {
                Target::Price(name) => {
                    let p = Price::parse(&input.text(x * draw.savings)).unwrap();
                    prices.insert(name.clone(), p);
                }
                Target::Rate => finance.discount_rate = read(input.text(*x), "rate").unwrap(),
                _ => {}
            }
        }
        let mut options = a.options().to_vec();
        for o in &mut options {
            if let Some(Capex(list)) = &mut o.capex {
                for m in list.iter_mut() {
                    *m = Money::new(m.amount() * draw.capex, m.currency());
                }
            }
        }
        let ctx = Context {
            currency: doc.currency,
            schedule: &doc.schedule,
            production: &doc.production,
            prices: &prices,
            finance: &finance,
            ghg: &doc.ghg,
        };
        let outcomes = Outcomes::default();
        let case = a.case_with(ctx, &options, &outcomes).unwrap();
        let e = a.evaluate().unwrap();
        let ids: Vec<&str> = e.portfolio.all.ids.iter().map(String::as_str).collect();
        crate::options::sequence(&case, &ids).unwrap().total.npv
    }

    /// The compiled firm model is the full model for the figures a screening varies: for a
    /// firm of every sector, each draw's NPV is the full appraisal's with the same sampled
    /// values (to 1e-9 of the NPV and investment), the draws of the screening are those
    /// draws, and at the document's figures it is the deterministic screening's NPV.
    #[test]
    fn the_fast_route_is_the_full_model_on_a_firm_of_every_sector() {
        let firms = region(60);
        let mut seen = std::collections::BTreeSet::new();
        for (i, row) in firms.rows.iter().enumerate() {
            if !seen.insert(row[1].clone()) {
                continue;
            }
            let id = &row[0];
            let doc = firm_document(&firms, i).unwrap();
            let names: Vec<String> = doc["prices"].as_object().unwrap().keys().cloned().collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let plan = Plan::new(&section(40, &names), |_| true).unwrap();
            let inputs = plan.inputs(&doc).unwrap();
            assert_eq!(inputs.len(), names.len() + 3);
            let a = Assessment::from_json_value(doc).unwrap();
            let model = FirmModel::compile(&a).unwrap();
            assert!(!model.steps.is_empty(), "{id} has a package");
            let deterministic = a.evaluate().unwrap().portfolio.all.npv;
            let at_base = model.npv(&model.base(), &mut Default::default()).unwrap();
            assert!((at_base - deterministic).abs() <= 1e-12 * deterministic.abs().max(1.0));
            let capex = a.evaluate().unwrap().portfolio.all.capex;
            let writes: Vec<Write> = inputs
                .iter()
                .map(|(k, input)| model.write(&plan.targets[*k], input, &a).unwrap())
                .collect();
            let columns = uniforms(firm_key(7, id), Method::Lhs, 40, inputs.len());
            let screened = plan.npvs(&a, &inputs, id).unwrap();
            let mut draw = model.base();
            for d in 0..40 {
                let values: Vec<f64> = inputs
                    .iter()
                    .zip(&columns)
                    .map(|((_, input), c)| input.distribution.quantile(c[d]))
                    .collect();
                model.set(&mut draw, &writes, &inputs, &values).unwrap();
                assert!(draw.capex != 1.0 && draw.savings != 1.0 && draw.rate != model.rate);
                let fast = model.npv(&draw, &mut Default::default()).unwrap();
                assert_eq!(fast, screened[d], "{id} draw {d}");
                let full = full_npv(&a, &inputs, &plan, &values, &draw);
                let tolerance = 1e-9 * (full.abs() + capex);
                assert!(
                    (fast - full).abs() <= tolerance,
                    "{id} draw {d}: {fast} by the fast route, {full} by the full model"
                );
            }
        }
        assert_eq!(seen.len(), 5, "{seen:?}");
    }

    fn settings(threads: usize, draws: u32) -> ScreenSettings {
        ScreenSettings {
            by: Potential::NpvP10,
            exchange_rates: Some(usd()),
            threads: Some(threads),
            uncertainty: Some(section(draws, &["water", "electricity"])),
            ..ScreenSettings::default()
        }
    }

    /// Rates to USD (test figures, not data).
    fn usd() -> crate::program::ExchangeRates {
        crate::program::ExchangeRates {
            currency: "USD".to_string(),
            rates: [("MXN", 0.055), ("INR", 0.012), ("EUR", 1.08)]
                .into_iter()
                .map(|(c, x)| (c.to_string(), x))
                .collect(),
        }
    }

    /// One or two threads, the whole table or its parts: the same draws, the same ranking.
    #[test]
    fn draws_do_not_depend_on_threads_or_batches() {
        let firms = region(24);
        let one = screen(&firms, &settings(1, 200)).unwrap();
        let two = screen(&firms, &settings(2, 200)).unwrap();
        assert_eq!(one, two);
        assert_eq!(one.draws, Some(200));
        assert!(one.failures.is_empty(), "{:?}", one.failures);
        for r in &one.ranking {
            let (p10, p50, p90) = (r.npv_p10.unwrap(), r.npv_p50.unwrap(), r.npv_p90.unwrap());
            assert!(p10 <= p50 && p50 <= p90 && p10 < p90, "{}", r.id);
            assert_eq!(r.value, p10);
            let loss = r.probability_loss.unwrap();
            assert!((0.0..=1.0).contains(&loss));
        }
        assert!(one.ranking.windows(2).all(|w| w[0].value >= w[1].value));
        let part = |rows: &[Vec<String>]| {
            let f = Firms {
                columns: firms.columns.clone(),
                rows: rows.to_vec(),
            };
            let p = screen(&f, &settings(1, 200)).unwrap();
            Screening::from_json_value(serde_json::to_value(&p).unwrap()).unwrap()
        };
        let parts = vec![part(&firms.rows[..7]), part(&firms.rows[7..])];
        assert_eq!(combine(parts).unwrap(), one);
        // Without draws the figures are the deterministic screening's, with no statistics.
        let plain = screen(
            &firms,
            &ScreenSettings {
                threads: Some(1),
                exchange_rates: Some(usd()),
                ..ScreenSettings::default()
            },
        )
        .unwrap();
        assert!(plain.ranking.iter().all(|r| r.npv_mean.is_none()));
        let npv = |s: &Screening, id: &str| s.ranking.iter().find(|r| r.id == id).unwrap().npv;
        for r in &plain.ranking {
            assert_eq!(npv(&one, &r.id), r.npv);
        }
    }

    /// With only the savings multiplier drawn, a firm's NPV is linear in it: NPV(m) = S m + b.
    /// Drawn uniformly by Latin hypercube on a range whose first quarter lies below the root
    /// −b / S, exactly a quarter of the draws lose money.
    #[test]
    fn the_probability_of_a_loss_is_exact_in_a_linear_case() {
        let firms = region(60);
        let i = firms.rows.iter().position(|r| r[1] == "tanning").unwrap();
        let id = firms.rows[i][0].clone();
        let doc = firm_document(&firms, i).unwrap();
        let a = Assessment::from_json_value(doc).unwrap();
        let model = FirmModel::compile(&a).unwrap();
        let at = |m: f64| {
            let mut d = model.base();
            d.savings = m;
            model.npv(&d, &mut Default::default()).unwrap()
        };
        let (b, s) = (at(0.0), at(1.0) - at(0.0));
        assert!(b < 0.0 && s > 0.0, "{b} {s}");
        let root = -b / s * 100.0;
        let input = UncertainInput {
            path: "options.savings".to_string(),
            min: Some(format!("{} %", 0.75 * root)),
            max: Some(format!("{} %", 1.75 * root)),
            ..UncertainInput::default()
        };
        let table = Firms {
            columns: firms.columns.clone(),
            rows: vec![firms.rows[i].clone()],
        };
        let s = screen(
            &table,
            &ScreenSettings {
                uncertainty: Some(Uncertainty {
                    draws: Some(1000),
                    seed: Some(3),
                    inputs: vec![input],
                    ..Uncertainty::default()
                }),
                ..ScreenSettings::default()
            },
        )
        .unwrap();
        assert_eq!(s.ranking[0].id, id);
        assert_eq!(s.ranking[0].probability_loss, Some(0.25));
    }

    #[test]
    fn a_section_the_screening_cannot_draw_is_an_error() {
        let firms = region(5);
        let with = |inputs: Vec<UncertainInput>| {
            screen(
                &firms,
                &ScreenSettings {
                    by: Potential::Water,
                    uncertainty: Some(Uncertainty {
                        inputs,
                        ..Uncertainty::default()
                    }),
                    ..ScreenSettings::default()
                },
            )
        };
        let e = with(vec![spread(
            "schedule.days_per_year",
            Shape::Uniform,
            "± 5 %",
        )])
        .unwrap_err();
        assert_eq!(e.path(), "uncertainty.inputs[0].path");
        let e = with(vec![spread("prices.unobtainium", Shape::Uniform, "± 5 %")]).unwrap_err();
        assert_eq!(e.path(), "uncertainty.inputs[0].path");
        let e = screen(
            &firms,
            &ScreenSettings {
                by: Potential::NpvMean,
                ..ScreenSettings::default()
            },
        )
        .unwrap_err();
        assert_eq!(e.path(), "by");
        // A price whose draws go below zero fails the firms that price it, naming the input.
        let s = with(vec![spread("prices.water", Shape::Uniform, "± 200 %")]).unwrap();
        assert!(!s.failures.is_empty());
        assert!(s.failures.iter().all(|f| f.path == "prices.water"));
    }
}
