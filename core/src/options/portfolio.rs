//! Options together: applied in sequence to one model, ranked, chosen under a capital budget,
//! and laid out as marginal cost curves.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::Case;
use super::accounts::{display_unit, si_per_display_unit};
use super::scenario::{Outcome, Scenario};
use super::{Model, OptionResult, appraise, money};
use crate::error::{Error, Result};
use crate::finance;

/// The options taken together.
///
/// Options that edit the same flows are not additive (halving a rinse twice saves three
/// quarters of it, not all of it): `all` and `within_budget` apply their options in sequence
/// to one model, in the order of `ranking`, and `sequence` gives each option's increment.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Portfolio {
    /// Every option together.
    pub all: PortfolioTotal,
    /// The options that maximize the total NPV within `finance.capital_budget` (none without
    /// a budget). The choice adds the options' NPVs alone (exact over every subset of at most
    /// [`MAX_BUDGET_OPTIONS`] options); the totals of the chosen set are then computed with
    /// their interactions.
    pub within_budget: Option<PortfolioTotal>,
    /// Option ids by NPV alone, best first: the order of the sequence.
    pub ranking: Vec<String>,
    /// Every option applied after the better ones, with what it adds.
    pub sequence: Vec<SequenceStep>,
    /// Options left out of `all`, `sequence` and `within_budget` because a better alternative
    /// (same `group`, or an `excludes` between them) has a higher NPV.
    pub set_aside: Vec<SetAside>,
    /// For each resource saved (and [`CO2_KEY`](super::CO2_KEY)), the options as steps of a marginal cost curve,
    /// cheapest first, from the options alone.
    pub cost_curves: BTreeMap<String, CostCurve>,
}

/// Totals of a set of options applied together.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PortfolioTotal {
    /// The options in the set, in the order applied.
    pub ids: Vec<String>,
    /// Total investment.
    pub capex: f64,
    /// Money saved per year by the options together.
    pub annual_saving: f64,
    /// Sum of the options' incremental NPVs: the NPV of the set.
    pub npv: f64,
    /// CO2 avoided together, t/yr (none when a changed carrier has no factor).
    pub co2_avoided: Option<f64>,
}

/// One option of a sequence: what it adds to those applied before it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SequenceStep {
    /// Option id.
    pub id: String,
    /// Money saved per year beyond the options before it.
    pub annual_saving: f64,
    /// NPV of its investment with its incremental savings.
    pub npv: f64,
    /// CO2 avoided beyond the options before it, t/yr.
    pub co2_avoided: Option<f64>,
    /// Incremental savings per resource and load, with units.
    pub deltas: BTreeMap<String, String>,
    /// The amounts of `deltas` as numbers, one unit per resource (see
    /// [`OptionResult::savings`]).
    pub savings: Vec<super::Saving>,
    /// Money saved per year by this option and those before it.
    pub cumulative_annual_saving: f64,
    /// NPV of this option and those before it.
    pub cumulative_npv: f64,
}

/// An option left out of the portfolio for a better alternative.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SetAside {
    /// Option id.
    pub id: String,
    /// The option kept instead.
    pub instead_of: String,
    /// Why, in words.
    pub reason: String,
}

/// A set of options applied in a chosen order.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Sequence {
    /// Each option's increment, in order.
    pub steps: Vec<SequenceStep>,
    /// The options together.
    pub total: PortfolioTotal,
}

/// A marginal cost curve of one resource.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CostCurve {
    /// Unit of the widths (`m3`, `kg`, `kWh`, `Nm3`; `t` for CO2); heights are money per it.
    pub unit: String,
    /// The options, cheapest per unit first.
    pub steps: Vec<CostCurveStep>,
}

/// One option on a marginal cost curve.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CostCurveStep {
    /// Option id.
    pub id: String,
    /// Amount saved per year: the step's width.
    pub width: f64,
    /// Net cost per unit saved: the investment annualized with the capital recovery factor at
    /// the discount rate over the option's life, plus the O&M change, less the money saved on
    /// the other resources (all resources for CO2), per unit (negative: it pays for itself).
    pub height: f64,
    /// Cumulative width up to and including this step.
    pub cumulative: f64,
}

/// What options can be ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Net present value, highest first.
    Npv,
    /// Internal rate of return, highest first.
    Irr,
    /// Modified IRR, highest first.
    Mirr,
    /// Simple payback, shortest first.
    SimplePayback,
    /// Discounted payback, shortest first.
    DiscountedPayback,
    /// Savings-to-investment ratio, highest first.
    SavingsToInvestment,
    /// Money saved per year, highest first.
    AnnualSaving,
    /// Investment, smallest first.
    Capex,
    /// Levelized cost of the main resource saved, lowest first.
    LevelizedCost,
    /// CO2 avoided, most first.
    Co2Avoided,
}

impl Metric {
    /// Every metric.
    pub const ALL: [Metric; 10] = [
        Metric::Npv,
        Metric::Irr,
        Metric::Mirr,
        Metric::SimplePayback,
        Metric::DiscountedPayback,
        Metric::SavingsToInvestment,
        Metric::AnnualSaving,
        Metric::Capex,
        Metric::LevelizedCost,
        Metric::Co2Avoided,
    ];

    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Npv => "npv",
            Metric::Irr => "irr",
            Metric::Mirr => "mirr",
            Metric::SimplePayback => "simple_payback",
            Metric::DiscountedPayback => "discounted_payback",
            Metric::SavingsToInvestment => "savings_to_investment",
            Metric::AnnualSaving => "annual_saving",
            Metric::Capex => "capex",
            Metric::LevelizedCost => "levelized_cost",
            Metric::Co2Avoided => "co2_avoided",
        }
    }

    /// The option's value, oriented so that larger is better (none when it has none).
    fn score(self, o: &OptionResult) -> Option<f64> {
        match self {
            Metric::Npv => Some(o.npv),
            Metric::Irr => o.irr,
            Metric::Mirr => o.mirr,
            Metric::SimplePayback => o.simple_payback_years.map(|y| -y),
            Metric::DiscountedPayback => o.discounted_payback_years.map(|y| -y),
            Metric::SavingsToInvestment => o.savings_to_investment,
            Metric::AnnualSaving => Some(o.annual_saving),
            Metric::Capex => Some(-o.capex),
            Metric::LevelizedCost => o.levelized_cost.as_ref().map(|l| -l.value),
            Metric::Co2Avoided => o.co2_avoided,
        }
    }
}

impl std::str::FromStr for Metric {
    type Err = Error;

    /// The [`Metric::key`], or the options table's column of the metric
    /// (`"simple_payback_years"`, `"discounted_payback_years"`), in any case.
    ///
    /// ```
    /// use cleanprod::options::Metric;
    /// assert_eq!("simple_payback_years".parse::<Metric>().unwrap(), Metric::SimplePayback);
    /// assert_eq!("NPV".parse::<Metric>().unwrap(), Metric::Npv);
    /// assert!("beauty".parse::<Metric>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Metric> {
        let name = s.trim().to_ascii_lowercase();
        let years = |m: Metric| {
            matches!(m, Metric::SimplePayback | Metric::DiscountedPayback)
                && name.strip_suffix("_years") == Some(m.key())
        };
        Metric::ALL
            .into_iter()
            .find(|m| m.key() == name || years(*m))
            .ok_or_else(|| Error::UnknownVariant {
                path: "metric".to_string(),
                value: s.to_string(),
                expected: Metric::ALL.map(Metric::key).join(", "),
            })
    }
}

/// Option ids ranked by `metric`, best first; options without a value of it (no IRR, a
/// payback never reached) come last, in the document's order.
///
/// ```
/// # use cleanprod::Assessment;
/// # let a = Assessment::from_toml_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap()).unwrap();
/// use cleanprod::options::{Metric, rank};
/// let e = a.evaluate().unwrap();
/// let by_payback = rank(&e.options, Metric::SimplePayback);
/// assert_eq!(by_payback.len(), e.options.len());
/// ```
pub fn rank(options: &[OptionResult], metric: Metric) -> Vec<String> {
    let mut order: Vec<(usize, Option<f64>)> = options
        .iter()
        .enumerate()
        .map(|(i, o)| (i, metric.score(o).filter(|x| x.is_finite())))
        .collect();
    order.sort_by(|a, b| match (a.1, b.1) {
        (Some(x), Some(y)) => y.total_cmp(&x).then(a.0.cmp(&b.0)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.0.cmp(&b.0),
    });
    order
        .into_iter()
        .map(|(i, _)| options[i].id.clone())
        .collect()
}

/// Most options an exact budget selection considers (2^20 subsets).
pub const MAX_BUDGET_OPTIONS: usize = 20;

/// Apply the options of `doc` named by `ids`, in that order, to one model.
pub fn sequence(doc: &Case<'_>, ids: &[&str]) -> Result<Sequence> {
    run(&Model::new(doc)?, &order_of(doc, ids)?)
}

/// The full appraisal of each option of `doc` named by `ids`, applied in that order to one
/// model: each counts only what it adds to those before it (its cash flows included), so that
/// the flows of the steps sum to those of the options together.
pub fn sequence_appraisals(doc: &Case<'_>, ids: &[&str]) -> Result<Vec<OptionResult>> {
    appraise_in_order(&Model::new(doc)?, &order_of(doc, ids)?)
}

/// The positions of the options named by `ids`, each known, listed once and compatible with
/// those before it.
fn order_of(doc: &Case<'_>, ids: &[&str]) -> Result<Vec<usize>> {
    let order =
        ids.iter()
            .enumerate()
            .map(|(k, id)| {
                doc.options.iter().position(|o| o.id == *id).ok_or_else(|| {
                    Error::UnknownReference {
                        path: format!("ids[{k}]"),
                        value: (*id).to_string(),
                        expected: "the id of an option of the document".to_string(),
                    }
                })
            })
            .collect::<Result<Vec<usize>>>()?;
    for (k, i) in order.iter().enumerate() {
        if order[..k].contains(i) {
            return Err(Error::out_of_range(
                format!("ids[{k}]"),
                &doc.options[*i].id,
                "is listed twice",
            ));
        }
    }
    for (k, &i) in order.iter().enumerate() {
        for &j in &order[..k] {
            if let Some(why) = doc.options[i].conflict(&doc.options[j]) {
                return Err(Error::out_of_range(
                    format!("ids[{k}]"),
                    &doc.options[i].id,
                    format!("{why}: alternatives are not done together"),
                ));
            }
        }
    }
    Ok(order)
}

/// The options at `order` applied one after the other to the model, each appraised on what it
/// adds.
fn appraise_in_order(model: &Model<'_>, order: &[usize]) -> Result<Vec<OptionResult>> {
    let doc = model.doc;
    each_step(model, order, |i, changes| appraise(&doc, i, changes))
}

/// `f` of each option at `order` (its index and what it adds), applied one after the other to
/// the model.
fn each_step<T>(
    model: &Model<'_>,
    order: &[usize],
    mut f: impl FnMut(usize, &super::Changes) -> Result<T>,
) -> Result<Vec<T>> {
    let mut scenario = Scenario::default();
    let mut before: Option<Outcome> = None;
    let mut results = Vec::with_capacity(order.len());
    for &i in order {
        let (changes, after) = model.step(&mut scenario, before.as_ref(), i)?;
        if after.is_some() {
            before = after;
        }
        results.push(f(i, &changes)?);
    }
    Ok(results)
}

/// One part of the money an option of a sequence saves per year, in the order its appraisal
/// adds them (by name, as its cash flows list them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum MoneyTerm {
    /// A priced resource: money per unit of its price (per SI unit), signed; the money is this
    /// times the price.
    Priced {
        /// The price's index among the names [`sequence_money`] returns.
        price: usize,
        /// Money per unit of price.
        per_price: f64,
    },
    /// Money that no price changes (effects of kind `money`).
    Fixed(f64),
}

/// What an option of a sequence saves per year as parts linear in the prices: its flows do
/// not depend on the prices, so under other prices its money is each part times its price.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StepMoney {
    /// The option's index in the document's options.
    pub(crate) option: usize,
    /// Its money saved per year, part by part.
    pub(crate) terms: Vec<MoneyTerm>,
}

/// The money of each option named by `ids`, applied in that order to one model, as parts
/// linear in the prices, and the names of the prices the parts refer to.
pub(crate) fn sequence_money(
    doc: &Case<'_>,
    ids: &[&str],
) -> Result<(Vec<StepMoney>, Vec<String>)> {
    let mut names: Vec<String> = Vec::new();
    let steps = each_step(&Model::new(doc)?, &order_of(doc, ids)?, |i, changes| {
        let terms = changes
            .money
            .iter()
            .map(|(name, money)| match changes.priced.get(name) {
                Some(q) => {
                    let price = names.iter().position(|n| n == name).unwrap_or_else(|| {
                        names.push(name.clone());
                        names.len() - 1
                    });
                    MoneyTerm::Priced {
                        price,
                        per_price: *q,
                    }
                }
                None => MoneyTerm::Fixed(*money),
            })
            .collect();
        Ok(StepMoney { option: i, terms })
    })?;
    Ok((steps, names))
}

fn run(model: &Model<'_>, order: &[usize]) -> Result<Sequence> {
    let mut steps = Vec::with_capacity(order.len());
    let (mut saving, mut npv, mut capex) = (0.0, 0.0, 0.0);
    let mut co2 = Some(0.0);
    for r in appraise_in_order(model, order)? {
        saving += r.annual_saving;
        npv += r.npv;
        capex += r.capex;
        co2 = co2.zip(r.co2_avoided).map(|(a, b)| a + b);
        steps.push(SequenceStep {
            id: r.id,
            annual_saving: r.annual_saving,
            npv: r.npv,
            co2_avoided: r.co2_avoided,
            deltas: r.deltas,
            savings: r.savings,
            cumulative_annual_saving: saving,
            cumulative_npv: npv,
        });
    }
    Ok(Sequence {
        total: PortfolioTotal {
            ids: steps.iter().map(|s| s.id.clone()).collect(),
            capex,
            annual_saving: saving,
            npv,
            co2_avoided: co2,
        },
        steps,
    })
}

/// The portfolio of the options of the model's document, from their results alone.
pub(crate) fn portfolio(model: &Model<'_>, opts: &[OptionResult]) -> Result<Portfolio> {
    let doc = model.doc;
    let ranking: Vec<usize> = rank(opts, Metric::Npv)
        .iter()
        .filter_map(|id| opts.iter().position(|o| &o.id == id))
        .collect();
    // Down the ranking, an option conflicting with one already kept is set aside.
    let mut kept: Vec<usize> = Vec::with_capacity(ranking.len());
    let mut set_aside = Vec::new();
    for &i in &ranking {
        let better = kept
            .iter()
            .find_map(|&j| doc.options[i].conflict(&doc.options[j]).map(|why| (j, why)));
        match better {
            Some((j, why)) => set_aside.push(SetAside {
                id: opts[i].id.clone(),
                instead_of: opts[j].id.clone(),
                reason: format!("{why}, whose NPV is higher"),
            }),
            None => kept.push(i),
        }
    }
    let all = run(model, &kept)?;
    let within_budget = match &doc.ctx.finance.capital_budget {
        None => None,
        Some(b) => {
            let budget = money(&doc, "finance.capital_budget", Some(b))?;
            if opts.len() > MAX_BUDGET_OPTIONS {
                return Err(Error::out_of_range(
                    "options",
                    opts.len(),
                    format!(
                        "are too many for an exact budget selection (at most {MAX_BUDGET_OPTIONS})"
                    ),
                ));
            }
            let mask = best_within(opts, budget, |i, j| {
                doc.options[i].conflict(&doc.options[j]).is_some()
            });
            let chosen: Vec<usize> = ranking
                .iter()
                .copied()
                .filter(|&i| mask & (1 << i) != 0)
                .collect();
            Some(run(model, &chosen)?.total)
        }
    };
    Ok(Portfolio {
        all: all.total,
        within_budget,
        ranking: ranking.iter().map(|&i| opts[i].id.clone()).collect(),
        sequence: all.steps,
        set_aside,
        cost_curves: cost_curves(&doc, opts)?,
    })
}

/// The subset (as a bit mask) with the highest total NPV whose capex fits `budget` and that
/// holds no two `conflicting` options; among equal NPVs the cheaper.
fn best_within(
    opts: &[OptionResult],
    budget: f64,
    conflicting: impl Fn(usize, usize) -> bool,
) -> u32 {
    let n = opts.len();
    // Options each one conflicts with, as a mask.
    let clashes: Vec<u32> = (0..n)
        .map(|i| {
            (0..n)
                .filter(|&j| j != i && conflicting(i, j))
                .fold(0u32, |m, j| m | (1 << j))
        })
        .collect();
    let mut best = (0.0f64, 0.0f64, 0u32);
    for mask in 0u32..(1u32 << n) {
        if (0..n).any(|i| mask & (1 << i) != 0 && mask & clashes[i] != 0) {
            continue;
        }
        let (mut capex, mut npv) = (0.0, 0.0);
        for (i, o) in opts.iter().enumerate() {
            if mask & (1 << i) != 0 {
                capex += o.capex;
                npv += o.npv;
            }
        }
        if capex <= budget + 1e-9 && (npv > best.0 || (npv == best.0 && capex < best.1)) {
            best = (npv, capex, mask);
        }
    }
    best.2
}

fn cost_curves(doc: &Case<'_>, opts: &[OptionResult]) -> Result<BTreeMap<String, CostCurve>> {
    let rate = doc.ctx.finance.discount_rate.si();
    let mut curves: BTreeMap<String, CostCurve> = BTreeMap::new();
    // A step whose height overflows (a width that rounds to nothing) is left out, as a step
    // of no width is.
    let mut push = |name: &str, unit: &str, id: &str, width: f64, height: f64| {
        if !height.is_finite() {
            return;
        }
        curves
            .entry(name.to_string())
            .or_insert_with(|| CostCurve {
                unit: unit.to_string(),
                steps: Vec::new(),
            })
            .steps
            .push(CostCurveStep {
                id: id.to_string(),
                width,
                height,
                cumulative: 0.0,
            });
    };
    for (i, o) in opts.iter().enumerate() {
        let years =
            f64::from(u32::try_from(o.cash_flows.len().saturating_sub(1)).unwrap_or(1)).max(1.0);
        let crf = finance::capital_recovery_factor(rate, years)?;
        let om = money(doc, "", doc.options[i].om_change.as_ref())?;
        let annual_cost = o.capex * crf + om;
        let total: f64 = o.money.values().sum();
        for (resource, saved) in &o.money {
            let Some(price) = doc.ctx.prices.get(resource) else {
                continue;
            };
            let dimension = price.dimension();
            // Money over price; for a free resource (0/0), the amount saved itself.
            let amount = if price.per_si() == 0.0 {
                o.saved.get(resource).copied().unwrap_or(0.0)
            } else {
                saved / price.per_si()
            };
            let width = amount / si_per_display_unit(dimension);
            if !(width > 0.0 && width.is_finite()) {
                continue;
            }
            let height = (annual_cost - (total - saved)) / width;
            push(resource, display_unit(dimension), &o.id, width, height);
        }
        if let Some(t) = o.co2_avoided
            && t > 0.0
        {
            push(
                super::accounts::CO2_KEY,
                "t",
                &o.id,
                t,
                (annual_cost - total) / t,
            );
        }
    }
    for curve in curves.values_mut() {
        curve.steps.sort_by(|a, b| a.height.total_cmp(&b.height));
        let mut sum = 0.0;
        for s in &mut curve.steps {
            sum += s.width;
            s.cumulative = sum;
        }
    }
    Ok(curves)
}
