//! Cleaner-production options: what each costs and saves, and whether it pays back.
//!
//! An option's effects are, for now, direct savings per resource ("water 1,200 m3/yr less"),
//! priced with the document's prices. Edits of the flowsheet (scale a flow, recycle a
//! fraction) are the next step; the `kind` tag of an effect leaves room for them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use crate::document::{Document, SECONDS_PER_YEAR, Schedule};
use crate::error::{Error, Result};
use crate::finance::{self, CashFlowPlan, Payback, Stream};
use crate::money::{Money, Price};
use crate::units::{
    Dimension, Measure, Measured, UnitProblem, format_number, parse_unit, split_number,
};

/// The eight option categories of the UNEP/UNIDO cleaner-production method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Good housekeeping.
    GoodHousekeeping,
    /// Input substitution.
    InputSubstitution,
    /// Better process control.
    BetterProcessControl,
    /// Equipment modification.
    EquipmentModification,
    /// Technology change.
    TechnologyChange,
    /// On-site recovery and reuse.
    OnSiteRecovery,
    /// Production of a useful by-product.
    UsefulByProduct,
    /// Product modification.
    ProductModification,
}

/// A cleaner-production option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CpOption {
    /// Identifier.
    pub id: String,
    /// What is done.
    pub title: String,
    /// UNEP/UNIDO category.
    pub category: Category,
    /// Investment in the first year (`"2400 USD"`); zero when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex: Option<Money>,
    /// Change of operating and maintenance cost per year (`"150 USD"` more a year; negative
    /// when it costs less); zero when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_change: Option<Money>,
    /// Useful life, the appraisal period of the option; the document's horizon when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Measured<q::Time>>,
    /// Value left at the end of the life; zero when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salvage: Option<Money>,
    /// What the option changes.
    pub effects: Vec<Effect>,
}

/// One change an option makes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    /// What kind of change.
    pub kind: EffectKind,
    /// A resource named in `[prices]`.
    pub resource: String,
    /// How much less of it, per time (per day means per operating day); negative for more.
    pub amount: SavingAmount,
}

/// Kinds of effects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EffectKind {
    /// Less of a priced resource used or discharged (`resource = "water"`, `amount = "1200
    /// m3/yr"`): a direct saving, when there is no model of it.
    Saving,
}

/// An amount per time of any priced quantity (`"1200 m3/yr"`, `"35 kg/d"`, `"9000 kWh/yr"`).
#[derive(Debug, Clone, PartialEq)]
pub struct SavingAmount {
    text: String,
    number: f64,
    /// SI amount per unit of the unit's time, and what the amount is.
    per_time_si: f64,
    dimension: Dimension,
    basis: crate::units::TimeBasis,
}

impl SavingAmount {
    fn parse(text: &str) -> std::result::Result<SavingAmount, UnitProblem> {
        let (number, unit_text) = split_number(text)?;
        let unit = parse_unit(unit_text)?;
        let rates = [
            (Dimension::VolumeRate, Dimension::Volume),
            (Dimension::MassRate, Dimension::Mass),
            (Dimension::Power, Dimension::Energy),
            (Dimension::GasFlow, Dimension::GasAmount),
        ];
        let (rate, amount) = rates
            .into_iter()
            .find(|(r, _)| unit.to_si(1.0, *r).is_ok())
            .ok_or_else(|| UnitProblem::WrongDimension {
                unit: unit.text.clone(),
                found: Dimension::describe_dims(unit.dims),
                expected: Dimension::VolumeRate,
            })?;
        Ok(SavingAmount {
            text: format!("{} {}", format_number(number), unit.text),
            number,
            per_time_si: unit.to_si(number, rate)?,
            dimension: amount,
            basis: unit.basis.unwrap_or(crate::units::TimeBasis::Year),
        })
    }

    /// The amount per year under `schedule`, in SI units of its dimension.
    fn per_year(&self, schedule: &Schedule) -> f64 {
        use crate::units::TimeBasis;
        let seconds = match self.basis {
            TimeBasis::Hour => schedule.operating_time().si(),
            TimeBasis::Day => f64::from(schedule.days_per_year) * 86_400.0,
            TimeBasis::Year => SECONDS_PER_YEAR,
        };
        self.per_time_si * seconds
    }
}

impl std::fmt::Display for SavingAmount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

crate::text::string_serde!(
    SavingAmount,
    "SavingAmount",
    "A saving per time of a priced resource: a volume (\"1200 m3/yr\"), mass (\"35 kg/d\"), energy (\"9000 kWh/yr\") or gas amount (\"3000 Nm3/yr\") per time.",
    "1200 m3/yr"
);

/// How an option is classed by what it costs and how fast it pays back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CostClass {
    /// No investment.
    NoCost,
    /// Pays back within the document's low-cost threshold.
    LowCost,
    /// Everything else.
    Investment,
}

/// The appraisal of one option. Money is in the document's currency; amounts per year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OptionResult {
    /// Option id.
    pub id: String,
    /// Title.
    pub title: String,
    /// UNEP/UNIDO category.
    pub category: Category,
    /// Cost class.
    pub cost_class: CostClass,
    /// Investment.
    pub capex: f64,
    /// Money saved per year (savings less the O&M change), first year.
    pub annual_saving: f64,
    /// Years until the investment is recovered (none: never within the life).
    pub simple_payback_years: Option<f64>,
    /// Years until the discounted investment is recovered (none: never within the life).
    pub discounted_payback_years: Option<f64>,
    /// Net present value at the document's discount rate over the life.
    pub npv: f64,
    /// Internal rate of return (none when there is none: no investment, or never pays).
    pub irr: Option<f64>,
    /// Modified IRR, financing and reinvesting at the discount rate.
    pub mirr: Option<f64>,
    /// Savings-to-investment ratio: present value of the net savings per unit invested.
    pub savings_to_investment: Option<f64>,
    /// Saving per resource per year, with its unit (`"1200 m3/yr"` is 1200 m3 less a year).
    pub deltas: BTreeMap<String, String>,
    /// Money saved per resource per year.
    pub money: BTreeMap<String, f64>,
    /// The cash flows appraised, from year 0.
    pub cash_flows: Vec<f64>,
}

/// The appraisal of every option of a document.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Evaluation {
    /// Currency of every amount of money.
    pub currency: String,
    /// One result per option, in the document's order.
    pub options: Vec<OptionResult>,
    /// The options together.
    pub portfolio: Portfolio,
}

/// Appraise every option of `doc`.
pub fn evaluate(doc: &Document) -> Result<Evaluation> {
    let options = doc
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| evaluate_option(doc, i, o))
        .collect::<Result<Vec<_>>>()?;
    let mut evaluation = Evaluation {
        currency: doc.currency.to_string(),
        options,
        portfolio: Portfolio {
            all: PortfolioTotal {
                ids: Vec::new(),
                capex: 0.0,
                annual_saving: 0.0,
                npv: 0.0,
            },
            within_budget: None,
            ranking: Vec::new(),
            cost_curves: BTreeMap::new(),
        },
    };
    evaluation.portfolio = portfolio(doc, &evaluation)?;
    Ok(evaluation)
}

fn money(doc: &Document, path: &str, m: &Option<Money>) -> Result<f64> {
    match m {
        None => Ok(0.0),
        Some(m) if m.currency() != doc.currency => Err(Error::Currency {
            path: path.to_string(),
            value: m.to_string(),
            found: m.currency().to_string(),
            expected: doc.currency.to_string(),
        }),
        Some(m) => Ok(m.amount()),
    }
}

fn evaluate_option(doc: &Document, i: usize, o: &CpOption) -> Result<OptionResult> {
    let path = format!("options[{i}]");
    let capex = money(doc, &format!("{path}.capex"), &o.capex)?;
    let om = money(doc, &format!("{path}.om_change"), &o.om_change)?;
    let salvage = money(doc, &format!("{path}.salvage"), &o.salvage)?;
    if capex < 0.0 {
        return Err(Error::out_of_range(
            format!("{path}.capex"),
            capex,
            "must not be negative",
        ));
    }
    let years = match &o.lifetime {
        None => doc.finance.horizon_years(),
        Some(l) => {
            let y = l.si() / SECONDS_PER_YEAR;
            if !((1.0..=100.0).contains(&y) && (y - y.round()).abs() < 1e-9) {
                return Err(Error::out_of_range(
                    format!("{path}.lifetime"),
                    l,
                    "must be a whole number of years from 1 to 100",
                ));
            }
            y.round() as u32
        }
    };
    let mut deltas = BTreeMap::new();
    let mut money_by = BTreeMap::new();
    let mut streams = Vec::new();
    for (k, e) in o.effects.iter().enumerate() {
        let Effect {
            kind: EffectKind::Saving,
            resource,
            amount,
        } = e;
        let epath = format!("{path}.effects[{k}]");
        let price: &Price = doc
            .prices
            .get(resource)
            .ok_or_else(|| Error::UnknownReference {
                path: format!("{epath}.resource"),
                value: resource.clone(),
                expected: format!("a resource with a price in [prices] (add prices.{resource})"),
            })?;
        if price.dimension() != amount.dimension {
            return Err(Error::out_of_range(
                format!("{epath}.amount"),
                amount,
                format!(
                    "is an amount of {} per time, but {resource} is priced per {} ({price})",
                    amount.dimension.name(),
                    price.dimension().name()
                ),
            ));
        }
        let per_year = amount.per_year(&doc.schedule);
        let value = per_year * price.per_si();
        *money_by.entry(resource.clone()).or_insert(0.0) += value;
        deltas.insert(resource.clone(), amount.to_string());
        streams.push(Stream {
            name: resource.clone(),
            per_year: value,
            escalation: 0.0,
        });
    }
    let plan = CashFlowPlan {
        capex: vec![capex],
        savings: streams,
        om_change: om,
        salvage,
        years,
        ..CashFlowPlan::default()
    };
    let flows = plan.build()?.net;
    let rate = doc.finance.discount_rate.si();
    let annual_saving = money_by.values().sum::<f64>() - om;
    let npv = finance::npv(rate, &flows)?;
    let simple = finance::payback(&flows)?;
    let discounted = finance::discounted_payback(rate, &flows)?;
    let irr = finance::irr(&flows).ok();
    let mirr = finance::mirr(&flows, rate, rate).ok();
    let sir = (capex > 0.0).then(|| (npv + capex) / capex);
    let threshold = doc
        .finance
        .low_cost_payback
        .as_ref()
        .map_or(1.0, |t| t.si() / SECONDS_PER_YEAR);
    let cost_class = if capex == 0.0 {
        CostClass::NoCost
    } else if simple.periods().is_some_and(|p| p <= threshold) {
        CostClass::LowCost
    } else {
        CostClass::Investment
    };
    let years_of = |p: Payback| p.periods();
    Ok(OptionResult {
        id: o.id.clone(),
        title: o.title.clone(),
        category: o.category,
        cost_class,
        capex,
        annual_saving,
        simple_payback_years: years_of(simple),
        discounted_payback_years: years_of(discounted),
        npv,
        irr,
        mirr,
        savings_to_investment: sir,
        deltas,
        money: money_by,
        cash_flows: flows,
    })
}

/// Check ids are unique.
pub(crate) fn validate(options: &[CpOption]) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for (i, o) in options.iter().enumerate() {
        if o.id.trim().is_empty() || !seen.insert(o.id.as_str()) {
            return Err(Error::out_of_range(
                format!("options[{i}].id"),
                &o.id,
                "is empty or used twice",
            ));
        }
        if o.effects.is_empty() {
            return Err(Error::out_of_range(
                format!("options[{i}].effects"),
                &o.id,
                "is empty: say what the option changes",
            ));
        }
    }
    Ok(())
}

/// The JSON Schema of [`Evaluation`].
pub fn evaluation_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Evaluation)).unwrap_or(serde_json::Value::Null)
}

/// The options taken together: totals, the best set under a capital budget, and the data of a
/// marginal cost curve per resource.
///
/// Savings are added as given: options described by direct savings do not interact. (Options
/// that edit the same flows of a flowsheet will be applied in sequence instead.)
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Portfolio {
    /// Every option together.
    pub all: PortfolioTotal,
    /// The options that maximize the total NPV within `finance.capital_budget` (none without
    /// a budget).
    pub within_budget: Option<PortfolioTotal>,
    /// Option ids by NPV, best first.
    pub ranking: Vec<String>,
    /// For each resource saved, the options as steps of a marginal cost curve.
    pub cost_curves: BTreeMap<String, Vec<CostCurveStep>>,
}

/// Totals of a set of options.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PortfolioTotal {
    /// The options in the set.
    pub ids: Vec<String>,
    /// Total investment.
    pub capex: f64,
    /// Total money saved per year.
    pub annual_saving: f64,
    /// Total NPV.
    pub npv: f64,
}

/// One option on a marginal cost curve of a resource.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CostCurveStep {
    /// Option id.
    pub id: String,
    /// Amount of the resource saved per year, in SI units of its dimension (m3, kg, J, mol):
    /// the step's width.
    pub width: f64,
    /// Net cost per unit saved: the investment annualized with the capital recovery factor at
    /// the discount rate over the option's life, plus the O&M change, less the money saved on
    /// the other resources, per unit of this resource (negative: it pays for itself). The
    /// step's height, in money per SI unit.
    pub height: f64,
    /// Cumulative width up to and including this step.
    pub cumulative: f64,
}

/// Most options an exact budget selection considers (2^20 subsets).
pub const MAX_BUDGET_OPTIONS: usize = 20;

/// The portfolio of the options of `doc`, from their `evaluation`.
pub fn portfolio(doc: &Document, evaluation: &Evaluation) -> Result<Portfolio> {
    let opts = &evaluation.options;
    let total = |ids: &[usize]| PortfolioTotal {
        ids: ids.iter().map(|&i| opts[i].id.clone()).collect(),
        capex: ids.iter().map(|&i| opts[i].capex).sum(),
        annual_saving: ids.iter().map(|&i| opts[i].annual_saving).sum(),
        npv: ids.iter().map(|&i| opts[i].npv).sum(),
    };
    let all: Vec<usize> = (0..opts.len()).collect();
    let within_budget = match &doc.finance.capital_budget {
        None => None,
        Some(b) => {
            let budget = money(doc, "finance.capital_budget", &Some(*b))?;
            if opts.len() > MAX_BUDGET_OPTIONS {
                return Err(Error::out_of_range(
                    "options",
                    opts.len(),
                    format!(
                        "are too many for an exact budget selection (at most {MAX_BUDGET_OPTIONS})"
                    ),
                ));
            }
            // Exact: every subset, the best NPV within the budget (ties: less capex).
            let mut best = (0.0f64, 0.0f64, 0u32);
            for mask in 0u32..(1u32 << opts.len()) {
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
            let ids: Vec<usize> = (0..opts.len()).filter(|i| best.2 & (1 << i) != 0).collect();
            Some(total(&ids))
        }
    };
    let mut ranking: Vec<&OptionResult> = opts.iter().collect();
    ranking.sort_by(|a, b| b.npv.total_cmp(&a.npv));
    let rate = doc.finance.discount_rate.si();
    let mut cost_curves: BTreeMap<String, Vec<CostCurveStep>> = BTreeMap::new();
    for (i, o) in opts.iter().enumerate() {
        let years = f64::from(
            u32::try_from(o.cash_flows.len().saturating_sub(1))
                .unwrap_or(1)
                .max(1),
        );
        let crf = finance::capital_recovery_factor(rate, years)?;
        let om = money(doc, "", &doc.options[i].om_change)?;
        for (resource, saved) in &o.money {
            let Some(price) = doc.prices.get(resource) else {
                continue;
            };
            let width = saved / price.per_si();
            if width <= 0.0 {
                continue;
            }
            let others: f64 = o
                .money
                .iter()
                .filter(|(r, _)| *r != resource)
                .map(|(_, m)| m)
                .sum();
            let height = (o.capex * crf + om - others) / width;
            cost_curves
                .entry(resource.clone())
                .or_default()
                .push(CostCurveStep {
                    id: o.id.clone(),
                    width,
                    height,
                    cumulative: 0.0,
                });
        }
    }
    for steps in cost_curves.values_mut() {
        steps.sort_by(|a, b| a.height.total_cmp(&b.height));
        let mut sum = 0.0;
        for s in steps.iter_mut() {
            sum += s.width;
            s.cumulative = sum;
        }
    }
    Ok(Portfolio {
        all: total(&all),
        within_budget,
        ranking: ranking.iter().map(|o| o.id.clone()).collect(),
        cost_curves,
    })
}
