//! Cleaner-production options: what each changes, costs and saves, and whether it pays back.
//!
//! An option's effects are direct savings of priced resources ("water 1,200 m3/yr less") or
//! edits of the flowsheet (scale or set a flow, recycle part of a stream, a better device
//! efficiency, a substituted chemical), both possibly in one option. Edits are applied to a
//! copy of the baseline and carried downstream ([`scenario`](self) rules); the flows that
//! change across the site's boundary are priced with the document's prices (water bought and
//! discharged both count), energy with its carrier's price, and CO2 with the IPCC defaults
//! and the document's grid factor. The money saved becomes a cash-flow series appraised with
//! the finance engine.

mod accounts;
mod capex;
mod edit;
mod effect;
mod model;
mod portfolio;
mod scenario;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use crate::dimension::Dimension;
use crate::error::{Error, Result, UnitProblem};
use crate::finance::{self, CashFlowPlan, Payback, Stream};
use crate::flowsheet::{Balance, Flowsheet};
use crate::sections::Context;
use crate::units::Measured;
use crate::units::SECONDS_PER_YEAR;
use crate::units::money::Money;

pub use accounts::{CO2_KEY, MONEY_KEY};
pub use capex::Capex;
pub use edit::{Edit, Rating, parse_all};
pub use effect::{Effect, EffectKind, SavingAmount};
pub(crate) use model::expand as expand_model;
pub use model::{OptionModel, model_kinds};
pub use portfolio::{
    CostCurve, CostCurveStep, MAX_BUDGET_OPTIONS, Metric, Portfolio, PortfolioTotal, Sequence,
    SequenceStep, SetAside, rank, sequence, sequence_appraisals,
};

use accounts::Changes;
pub(crate) use portfolio::{MoneyTerm, StepMoney, sequence_money};
pub(crate) use scenario::Outcomes;
pub use scenario::Recycled;
use scenario::{Baseline, Outcome, Scenario};

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
    /// Investment (`"2400 USD"`), or investments in successive years (`["2000 USD", "400
    /// USD"]`), from the start year; zero when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex: Option<Capex>,
    /// Change of operating and maintenance cost per year (`"150 USD"` more a year; negative
    /// when it costs less); zero when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_change: Option<Money>,
    /// Useful life, the years of savings appraised; the document's horizon when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Measured<q::Time>>,
    /// Value left at the end of the life; zero when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salvage: Option<Money>,
    /// Years from now until the (first) investment, a whole number (`"1 yr"`); savings begin
    /// the year after it. Now when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Measured<q::Time>>,
    /// What the option changes (may be empty when `model` gives it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<Effect>,
    /// An engineering model that gives the option's savings instead of (or besides) its
    /// effects: `{ kind = "steam_leak", pressure = "8 bar(g)", diameter = "3 mm" }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<OptionModel>,
    /// A set of alternatives this option belongs to (`"water_heating"`): the portfolio takes
    /// at most one option of a group, the one with the highest NPV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Options that cannot be done together with this one (`["solar_water"]`): the portfolio
    /// takes the one with the higher NPV.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excludes: Vec<String>,
    /// Where the option stands in the programme: identified (when absent), planned or
    /// implemented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// What an implemented option actually cost and saves, as reported after the fact (the
    /// option's other figures are the estimate): `{ capex = "7200 USD", annual_saving = "6100
    /// USD/yr" }`. Only with `status = "implemented"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Actual>,
}

/// Where an option stands in a programme's cycle (UNEP/UNIDO: option generation, feasibility,
/// implementation and monitoring).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Found in the assessment, not yet decided.
    #[default]
    Identified,
    /// Decided, not yet done.
    Planned,
    /// Done: reported figures may be given in `actual`.
    Implemented,
}

impl Status {
    /// Every status, in the order of the cycle.
    pub const ALL: [Status; 3] = [Status::Identified, Status::Planned, Status::Implemented];

    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            Status::Identified => "identified",
            Status::Planned => "planned",
            Status::Implemented => "implemented",
        }
    }
}

/// The reported figures of an implemented option (absent ones are not reported).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    /// Investment actually made (`"7200 USD"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex: Option<Money>,
    /// Money actually saved per time, in the document's currency (`"6100 USD/yr"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_saving: Option<SavingAmount>,
}

/// The reported figures of an implemented option beside its estimate, in the document's
/// currency.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ActualResult {
    /// Investment actually made (none: not reported).
    pub capex: Option<f64>,
    /// Money actually saved per year (none: not reported).
    pub annual_saving: Option<f64>,
}

impl CpOption {
    /// Why this option cannot be done with `other`, if it cannot: they share a group, or one
    /// excludes the other.
    pub fn conflict(&self, other: &CpOption) -> Option<String> {
        if let (Some(a), Some(b)) = (&self.group, &other.group)
            && a == b
        {
            return Some(format!("is an alternative to {} (group {a})", other.id));
        }
        if self.excludes.contains(&other.id) || other.excludes.contains(&self.id) {
            return Some(format!("excludes {}", other.id));
        }
        None
    }
}

/// How an option is classed by what it costs and how fast it pays back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CostClass {
    /// No investment.
    NoCost,
    /// Pays back within the document's low-cost threshold.
    LowCost,
    /// Everything else.
    Investment,
}

/// Cost of each unit of the main resource saved (the cost of conserved energy or water:
/// Meier, LBL-14814, 1982): the investment annualized with the capital recovery factor at the
/// discount rate over the life, plus the O&M change, per unit saved a year. Compare it with
/// the resource's price.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LevelizedCost {
    /// The resource whose saving is worth most.
    pub resource: String,
    /// Money per unit.
    pub value: f64,
    /// The unit: `m3`, `kg`, `kWh` or `Nm3`.
    pub per: String,
}

/// An amount saved per year of one resource or load, as a number with its unit.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Saving {
    /// The resource (`"water"`, a priced name of the document) or unpriced load
    /// (`"COD to effluent"`).
    pub resource: String,
    /// Amount saved per year in `unit` (negative: more used).
    pub amount: f64,
    /// The unit, the same for a resource in every option: what its price is per, per year
    /// (`"m3/yr"`, `"kWh/yr"`, `"kg/yr"`, `"Nm3/yr"`); loads in `"kg/yr"`.
    pub unit: String,
}

/// An option seen from the owner's side when the investment is financed.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OptionFinancing {
    /// Amount borrowed.
    pub loan: f64,
    /// Grant received.
    pub grant: f64,
    /// The owner's cash flows from year 0.
    pub equity_flows: Vec<f64>,
    /// NPV of the owner's flows at the discount rate.
    pub equity_npv: f64,
    /// IRR of the owner's flows (none when they have none).
    pub equity_irr: Option<f64>,
    /// Smallest debt-service coverage over the loan (none without debt service).
    pub min_dscr: Option<f64>,
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
    /// Investment, all stages, undiscounted.
    pub capex: f64,
    /// Money saved per year (savings less the O&M change), first year.
    pub annual_saving: f64,
    /// Change of operating and maintenance cost per year (positive: the option costs more to
    /// run), already deducted from `annual_saving`.
    pub om_change: f64,
    /// Years the option is appraised over (its `lifetime`, else the document's horizon).
    pub lifetime_years: u32,
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
    /// Savings-to-investment ratio: present value of the net savings per unit of present
    /// value invested (NIST Handbook 135).
    pub savings_to_investment: Option<f64>,
    /// Cost per unit of the main resource saved.
    pub levelized_cost: Option<LevelizedCost>,
    /// CO2 avoided, t/yr (none when a changed energy carrier has no emission factor).
    pub co2_avoided: Option<f64>,
    /// Saving per resource and per unpriced load per year, with its unit (`"1200 m3/yr"` is
    /// 1200 m3 less a year; `"COD to effluent"` a load), and the CO2 avoided under
    /// [`CO2_KEY`].
    pub deltas: BTreeMap<String, String>,
    /// The amounts of `deltas` (CO2 aside: `co2_avoided`) as numbers, one unit per resource
    /// for tables with a column per resource; by resource name.
    pub savings: Vec<Saving>,
    /// Money saved per resource per year.
    pub money: BTreeMap<String, f64>,
    /// The cash flows appraised, from year 0.
    pub cash_flows: Vec<f64>,
    /// The owner's view when `finance.financing` is given.
    pub financing: Option<OptionFinancing>,
    /// The figures of the option's engineering model (`model` in the document), as its
    /// calculator gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<serde_json::Value>,
    /// What could not be counted, in words.
    pub notes: Vec<String>,
    /// Where the option stands (absent: identified).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The reported figures of an implemented option (absent: none reported).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<ActualResult>,
    /// Amount saved per resource per year, SI (what the cost curves are drawn with, also
    /// where a resource is free).
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) saved: BTreeMap<String, f64>,
}

/// The columns of an options table, in order: the fields of [`OptionResult`] a consultant
/// reads first (Python's `Evaluation.options` DataFrame has these columns, then one column per
/// resource saved from [`OptionResult::savings`]).
pub const TABLE_COLUMNS: &[&str] = &[
    "id",
    "title",
    "category",
    "cost_class",
    "capex",
    "annual_saving",
    "om_change",
    "lifetime_years",
    "simple_payback_years",
    "discounted_payback_years",
    "npv",
    "irr",
    "mirr",
    "savings_to_investment",
    "co2_avoided",
];

/// The appraisal of every option of a document.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Evaluation {
    /// Currency of every amount of money.
    pub currency: String,
    /// One result per option, in the document's order, each alone against the baseline.
    pub options: Vec<OptionResult>,
    /// The options together.
    pub portfolio: Portfolio,
}

/// What options are appraised on, borrowed from a document: its context (prices, schedule,
/// finance, factors), its flowsheet with the baseline balance when it has one, and its options
/// (a sector template already expanded).
///
/// [`crate::Assessment`] builds it from a checked document and a balance solved once; a Rust
/// program may build one from its own parts.
#[derive(Debug, Clone, Copy)]
pub struct Case<'a> {
    /// Prices, schedule, finance settings and emission factors.
    pub ctx: Context<'a>,
    /// The flowsheet the options edit, if any.
    pub flowsheet: Option<&'a Flowsheet>,
    /// The flowsheet's balance, solved (and reconciled) once; solved again when absent.
    pub balance: Option<&'a Balance>,
    /// The options (their models already turned into effects).
    pub options: &'a [CpOption],
    /// The figures of each option's model, by option (empty, or None, without one).
    pub models: &'a [Option<serde_json::Value>],
    /// Flows already solved, when they cannot differ from an earlier appraisal's (a risk
    /// simulation's draws, which also leave the `deltas` words out).
    pub(crate) outcomes: Option<&'a scenario::Outcomes>,
}

/// The baseline an option is compared with.
pub(crate) struct Model<'a> {
    doc: Case<'a>,
    /// Each option's effects, typed.
    edits: Vec<Vec<Edit<'a>>>,
    base: Option<Baseline<'a>>,
}

impl<'a> Model<'a> {
    pub(crate) fn new(doc: &Case<'a>) -> Result<Model<'a>> {
        let edits = typed_edits(doc.options)?;
        let any_edit = edits.iter().flatten().any(Edit::edits_flowsheet);
        let base = match (doc.flowsheet, any_edit) {
            (Some(fs), true) => Some(baseline(doc, fs)?),
            _ => None,
        };
        Ok(Model {
            doc: *doc,
            edits,
            base,
        })
    }

    /// Apply option `i`'s edits to `scenario` and return what changes from `before`, with
    /// its direct savings; the new flows are returned for the next step.
    pub(crate) fn step(
        &self,
        scenario: &mut Scenario,
        before: Option<&Outcome>,
        i: usize,
    ) -> Result<(Changes, Option<Outcome>)> {
        let edits = &self.edits[i];
        let path = format!("options[{i}]");
        let direct = accounts::direct(&self.doc, edits, &path)?;
        let Some(base) = &self.base else {
            return Ok((direct, None));
        };
        scenario.apply(base, edits, &path)?;
        scenario.applied.push(i);
        let after = match self.doc.outcomes {
            Some(memo) => memo.solve(scenario, base)?,
            None => scenario.solve(base)?,
        };
        // The baseline's flows are copied only for the first step of a sequence.
        let start;
        let before = match before {
            Some(b) => b,
            None => {
                start = Outcome::of(base);
                &start
            }
        };
        let modelled =
            accounts::modelled(&self.doc, base, (before, &after), scenario.touched(), &path)?;
        Ok((modelled.merge(direct), Some(after)))
    }
}

/// The effects of every option, typed.
fn typed_edits<'a>(options: &'a [CpOption]) -> Result<Vec<Vec<Edit<'a>>>> {
    options
        .iter()
        .enumerate()
        .map(|(i, o)| parse_all(&o.effects, &format!("options[{i}]")))
        .collect()
}

/// The baseline of `fs`, from the case's balance or one solved now.
fn baseline<'a>(doc: &Case<'a>, fs: &'a Flowsheet) -> Result<Baseline<'a>> {
    match doc.balance {
        Some(b) => Baseline::new(fs, doc.ctx.schedule, b),
        None => Baseline::new(fs, doc.ctx.schedule, &fs.balance(doc.ctx.schedule)?),
    }
}

/// Appraise every option of `doc`, each alone, and together.
///
/// ```
/// # let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
/// let a = cleanprod::Assessment::from_toml_str(&text).unwrap();
/// let e = cleanprod::options::evaluate(&a.case()).unwrap();
/// assert_eq!(e.options.len(), a.case().options.len());
/// assert_eq!(e.currency, "USD");
/// ```
pub fn evaluate(doc: &Case<'_>) -> Result<Evaluation> {
    let model = Model::new(doc)?;
    let options = (0..doc.options.len())
        .map(|i| {
            let (changes, _) = model.step(&mut Scenario::default(), None, i)?;
            appraise(doc, i, &changes)
        })
        .collect::<Result<Vec<_>>>()?;
    let portfolio = portfolio::portfolio(&model, &options)?;
    Ok(Evaluation {
        currency: doc.ctx.currency.to_string(),
        options,
        portfolio,
    })
}

fn money(doc: &Case<'_>, path: &str, m: Option<&Money>) -> Result<f64> {
    money_at(doc, || path.to_string(), m)
}

/// [`money`], with the path written only for an error.
fn money_at(doc: &Case<'_>, path: impl FnOnce() -> String, m: Option<&Money>) -> Result<f64> {
    match m {
        None => Ok(0.0),
        Some(m) if m.currency() != doc.ctx.currency => Err(Error::Currency {
            path: path(),
            value: m.to_string(),
            found: m.currency().to_string(),
            expected: doc.ctx.currency.to_string(),
        }),
        Some(m) => Ok(m.amount()),
    }
}

pub(crate) fn whole_years(path: String, t: &Measured<q::Time>, min: f64, max: f64) -> Result<u32> {
    whole_years_at(|| path, t, min, max)
}

/// [`whole_years`], with the path written only for an error.
fn whole_years_at(
    path: impl FnOnce() -> String,
    t: &Measured<q::Time>,
    min: f64,
    max: f64,
) -> Result<u32> {
    let y = t.si() / SECONDS_PER_YEAR;
    if (min..=max).contains(&y) && (y - y.round()).abs() < 1e-9 {
        Ok(y.round() as u32)
    } else {
        Err(Error::out_of_range(
            path(),
            t,
            format!(
                "must be a whole number of years from {} to {}",
                min as u32, max as u32
            ),
        ))
    }
}

/// An error of the finance engine, whose paths name its own arguments (`capex`,
/// `savings[0].per_year`, `loan_years`), moved to the field of the document the argument came
/// from: the option at `path` (`options[2]`), its capex, upkeep or effects, or the financing.
fn at_option(e: Error, path: &str) -> Error {
    let field = e.path().split(['.', '[']).next().unwrap_or_default();
    let new = match field {
        "capex" | "om_change" | "salvage" => format!("{path}.{field}"),
        "savings" => format!("{path}.effects"),
        "loan_years" => "finance.financing.loan_term".to_string(),
        "loan_share" | "grant_share" | "guarantee_fee" | "payments_per_year" => {
            format!("finance.financing.{field}")
        }
        "annual_rate" => "finance.financing.interest_rate".to_string(),
        "grace_periods" => "finance.financing.grace".to_string(),
        _ => path.to_string(),
    };
    e.with_path(new)
}

/// The reported figures of option `o` at `path` (`options[i]`), checked: only for an
/// implemented option, money in the document's currency, the saving money per time.
fn actual(doc: &Case<'_>, path: &str, o: &CpOption) -> Result<Option<ActualResult>> {
    let Some(a) = &o.actual else {
        return Ok(None);
    };
    if o.status != Some(Status::Implemented) {
        return Err(Error::out_of_range(
            format!("{path}.actual"),
            o.status.unwrap_or_default().key(),
            "is the option's status: reported figures (actual) are given only for an option with status = \"implemented\"",
        ));
    }
    let capex = match &a.capex {
        None => None,
        Some(m) => {
            let p = format!("{path}.actual.capex");
            let x = money(doc, &p, Some(m))?;
            if x < 0.0 {
                return Err(Error::out_of_range(p, m, "must not be negative"));
            }
            Some(x)
        }
    };
    let annual_saving = match &a.annual_saving {
        None => None,
        Some(s) => {
            let p = format!("{path}.actual.annual_saving");
            match s.currency() {
                None => {
                    return Err(Error::out_of_range(
                        p,
                        s,
                        "must be money per time in the document's currency, e.g. \"6100 USD/yr\"",
                    ));
                }
                Some(c) if c != doc.ctx.currency => {
                    return Err(Error::Currency {
                        path: p,
                        value: s.to_string(),
                        found: c.to_string(),
                        expected: doc.ctx.currency.to_string(),
                    });
                }
                Some(_) => Some(s.per_year(doc.ctx.schedule)),
            }
        }
    };
    Ok(Some(ActualResult {
        capex,
        annual_saving,
    }))
}

/// The money and years of an option, as its appraisal takes them.
struct Costs {
    /// The investment of each year from the start.
    stages: Vec<f64>,
    om: f64,
    salvage: f64,
    /// The option's life.
    years: u32,
    /// The year of its first investment.
    start: u32,
}

/// The money and years of option `o` at `path` (`options[i]`), checked: amounts in the
/// document's currency, capex not negative, whole years. Paths are written only for an error.
fn costs(doc: &Case<'_>, path: &str, o: &CpOption) -> Result<Costs> {
    let stages = match &o.capex {
        None => vec![0.0],
        Some(Capex(list)) => list
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let p = || {
                    if list.len() == 1 {
                        format!("{path}.capex")
                    } else {
                        format!("{path}.capex[{k}]")
                    }
                };
                let x = money_at(doc, p, Some(m))?;
                if x < 0.0 {
                    return Err(Error::out_of_range(p(), m, "must not be negative"));
                }
                Ok(x)
            })
            .collect::<Result<Vec<f64>>>()?,
    };
    let om = money_at(doc, || format!("{path}.om_change"), o.om_change.as_ref())?;
    let salvage = money_at(doc, || format!("{path}.salvage"), o.salvage.as_ref())?;
    let years = match &o.lifetime {
        None => doc.ctx.finance.horizon_years(),
        Some(l) => whole_years_at(|| format!("{path}.lifetime"), l, 1.0, 100.0)?,
    };
    let start = match &o.start {
        None => 0,
        Some(s) => whole_years_at(|| format!("{path}.start"), s, 0.0, 50.0)?,
    };
    Ok(Costs {
        stages,
        om,
        salvage,
        years,
        start,
    })
}

/// The appraisal of option `i` of `doc` saving `changes`.
fn appraise(doc: &Case<'_>, i: usize, changes: &Changes) -> Result<OptionResult> {
    let o = &doc.options[i];
    let path = format!("options[{i}]");
    let Costs {
        stages,
        om,
        salvage,
        years,
        start,
    } = costs(doc, &path, o)?;
    let capex: f64 = stages.iter().sum();
    let mut capex_by_year = vec![0.0; start as usize];
    capex_by_year.extend(&stages);
    let savings: Vec<Stream> = changes
        .money
        .iter()
        .map(|(name, value)| Stream {
            name: name.clone(),
            per_year: *value,
            escalation: 0.0,
        })
        .collect();
    let plan = CashFlowPlan {
        capex: capex_by_year,
        savings,
        om_change: om,
        salvage,
        years: start + years,
        first_saving_year: start + 1,
        ..CashFlowPlan::default()
    };
    let on_option = |e: Error| at_option(e, &path);
    let flows = plan.build().map_err(on_option)?.net;
    let rate = doc.ctx.finance.discount_rate.si();
    let annual_saving = changes.annual_money() - om;
    let npv = finance::npv(rate, &flows).map_err(on_option)?;
    let simple = finance::payback(&flows).map_err(on_option)?;
    let discounted = finance::discounted_payback(rate, &flows).map_err(on_option)?;
    let irr = finance::irr(&flows).ok();
    let mirr = finance::mirr(&flows, rate, rate).ok();
    let pv_capex = finance::npv(rate, &plan.capex).map_err(on_option)?;
    // No ratio where the investment is nothing, or so small that the ratio overflows.
    let sir = Some((npv + pv_capex) / pv_capex).filter(|r| pv_capex > 0.0 && r.is_finite());
    let threshold = doc
        .ctx
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
    let crf = finance::capital_recovery_factor(rate, f64::from(years)).map_err(on_option)?;
    let levelized_cost = changes
        .money
        .iter()
        .filter(|(name, m)| **m > 0.0 && changes.amounts.contains_key(*name))
        .max_by(|a, b| a.1.total_cmp(b.1))
        .and_then(|(name, _)| {
            let (amount, dimension) = changes.amounts.get(name)?;
            let per_unit = amount / accounts::si_per_display_unit(*dimension);
            let value = (capex * crf + om) / per_unit;
            // None where the amount saved is nothing or so small that the cost overflows.
            (per_unit > 0.0 && value.is_finite()).then(|| LevelizedCost {
                resource: name.clone(),
                value,
                per: accounts::display_unit(*dimension).to_string(),
            })
        });
    let financing = match &doc.ctx.finance.financing {
        Some(terms) if capex > 0.0 && start == 0 => {
            let f = terms
                .to_financing()?
                .apply(&flows, stages[0])
                .map_err(|e| match e {
                    Error::OutOfRange { path: p, .. } if p == "loan_years" => Error::out_of_range(
                        "finance.financing.loan_term",
                        &terms.loan_term,
                        format!(
                            "is longer than the {} years of option {} ({path})",
                            flows.len().saturating_sub(1),
                            o.id
                        ),
                    ),
                    e => on_option(e),
                })?;
            Some(OptionFinancing {
                loan: f.loan,
                grant: f.grant,
                equity_npv: finance::npv(rate, &f.equity).map_err(on_option)?,
                equity_irr: f.equity_irr,
                min_dscr: f.min_dscr,
                equity_flows: f.equity,
            })
        }
        _ => None,
    };
    let mut notes = changes.notes.clone();
    if doc.ctx.finance.financing.is_some() && capex > 0.0 && start > 0 {
        notes.push("financing is appraised for investments made now (start 0)".to_string());
    }
    let years_of = |p: Payback| p.periods();
    Ok(OptionResult {
        id: o.id.clone(),
        title: o.title.clone(),
        category: o.category,
        cost_class,
        capex,
        annual_saving,
        om_change: om,
        lifetime_years: years,
        simple_payback_years: years_of(simple),
        discounted_payback_years: years_of(discounted),
        npv,
        irr,
        mirr,
        savings_to_investment: sir,
        levelized_cost,
        co2_avoided: changes.co2.map(|kg| kg / 1_000.0),
        // A risk simulation reads the figures, not these words (a tenth of a draw).
        deltas: if doc.outcomes.is_some() {
            BTreeMap::new()
        } else {
            changes.deltas()
        },
        savings: changes.savings(),
        money: changes.money.clone(),
        cash_flows: flows,
        financing,
        model: doc.models.get(i).cloned().flatten(),
        notes,
        status: o.status,
        actual: actual(doc, &path, o)?,
        saved: changes
            .amounts
            .iter()
            .map(|(name, (amount, _))| (name.clone(), *amount))
            .collect(),
    })
}

/// Check ids are unique and each effect has the fields its kind takes, naming things that
/// exist in the flowsheet.
pub(crate) fn validate(doc: &Case<'_>) -> Result<()> {
    if let Some(budget) = &doc.ctx.finance.capital_budget
        && doc.options.len() > portfolio::MAX_BUDGET_OPTIONS
    {
        return Err(Error::out_of_range(
            "finance.capital_budget",
            budget,
            format!(
                "cannot be chosen within exactly for {} options (an exact budget selection takes at most {}); leave the budget out or split the options",
                doc.options.len(),
                portfolio::MAX_BUDGET_OPTIONS
            ),
        ));
    }
    if let Some(budget) = &doc.ctx.finance.capital_budget {
        money(doc, "finance.capital_budget", Some(budget))?;
    }
    let mut seen = std::collections::HashSet::new();
    for (i, o) in doc.options.iter().enumerate() {
        check_costs(doc, i, o)?;
        if o.id.trim().is_empty() || !seen.insert(o.id.as_str()) {
            return Err(Error::out_of_range(
                format!("options[{i}].id"),
                &o.id,
                "is empty or used twice",
            ));
        }
        for (k, x) in o.excludes.iter().enumerate() {
            if x == &o.id || !doc.options.iter().any(|p| &p.id == x) {
                return Err(Error::UnknownReference {
                    path: format!("options[{i}].excludes[{k}]"),
                    value: x.clone(),
                    expected: "the id of another option of the document".to_string(),
                });
            }
        }
        if o.group.as_ref().is_some_and(|g| g.trim().is_empty()) {
            return Err(Error::out_of_range(
                format!("options[{i}].group"),
                "",
                "must not be empty",
            ));
        }
        if o.effects.is_empty() {
            return Err(Error::out_of_range(
                format!("options[{i}].effects"),
                &o.id,
                "is empty: say what the option changes",
            ));
        }
        for (k, e) in o.effects.iter().enumerate() {
            let path = format!("options[{i}].effects[{k}]");
            let edit = Edit::parse(e, &path)?;
            if edit.edits_flowsheet() {
                check_references(doc, e, &path)?;
            }
            if let Edit::Saving {
                resource,
                amount,
                dimension,
            } = edit
            {
                if !doc.ctx.prices.contains_key(resource) {
                    return Err(Error::MissingPrice {
                        path: format!("{path}.resource"),
                        value: resource.to_string(),
                        what: resource.to_string(),
                    });
                }
                check_saving_unit(doc, resource, amount, dimension, &path)?;
            }
            if let Edit::Money { amount, currency } = edit
                && currency != doc.ctx.currency
            {
                return Err(Error::Currency {
                    path: format!("{path}.amount"),
                    value: amount.to_string(),
                    found: currency.to_string(),
                    expected: doc.ctx.currency.to_string(),
                });
            }
        }
    }
    Ok(())
}

/// The money and years of option `i` as [`appraise`] reads them, checked when the document is
/// read: amounts in the document's currency, capex not negative, whole years.
fn check_costs(doc: &Case<'_>, i: usize, o: &CpOption) -> Result<()> {
    let path = format!("options[{i}]");
    costs(doc, &path, o)?;
    actual(doc, &path, o)?;
    Ok(())
}

/// A direct saving measured in what its resource is priced per (water saved in m3/yr, not
/// kWh/yr), checked when the document is read rather than when it is evaluated.
fn check_saving_unit(
    doc: &Case<'_>,
    resource: &str,
    amount: &effect::SavingAmount,
    dimension: Dimension,
    path: &str,
) -> Result<()> {
    let Some(price) = doc.ctx.prices.get(resource) else {
        return Ok(());
    };
    if price.dimension() == dimension {
        return Ok(());
    }
    let expected = match price.dimension() {
        Dimension::Volume => Dimension::VolumeRate,
        Dimension::Mass => Dimension::MassRate,
        Dimension::Energy => Dimension::Power,
        Dimension::GasAmount => Dimension::GasFlow,
        other => other,
    };
    Err(Error::unit(
        format!("{path}.amount"),
        amount.to_string(),
        UnitProblem::WrongDimension {
            unit: amount.unit_text().to_string(),
            found: format!(
                "{} per time ({resource} is priced per {}: {price})",
                dimension.name(),
                price.dimension().name()
            ),
            expected,
        },
    ))
}

fn check_references(doc: &Case<'_>, e: &Effect, path: &str) -> Result<()> {
    let Some(fs) = doc.flowsheet else {
        return Err(Error::out_of_range(
            format!("{path}.kind"),
            e.kind.key(),
            "edits the flowsheet, but the document has none: give a flowsheet or a direct saving",
        ));
    };
    let checks: [(&str, &Option<String>, bool, &str); 7] = [
        (
            "stream",
            &e.stream,
            e.stream
                .as_ref()
                .is_some_and(|id| fs.streams.iter().any(|s| &s.id == id)),
            "the id of a stream in flowsheet.streams",
        ),
        (
            "replaces",
            &e.replaces,
            e.replaces
                .as_ref()
                .is_some_and(|id| fs.streams.iter().any(|s| &s.id == id)),
            "the id of a stream in flowsheet.streams",
        ),
        (
            "energy",
            &e.energy,
            e.energy
                .as_ref()
                .is_some_and(|id| fs.energy.iter().any(|x| &x.id == id)),
            "the id of an energy input in flowsheet.energy",
        ),
        (
            "component",
            &e.component,
            e.component
                .as_ref()
                .is_some_and(|c| fs.components.contains(c)),
            "a component in flowsheet.components",
        ),
        (
            "by",
            &e.by,
            e.by.as_ref().is_some_and(|c| fs.components.contains(c)),
            "a component in flowsheet.components",
        ),
        (
            "to",
            &e.to,
            e.to.as_ref()
                .is_some_and(|id| fs.nodes.iter().any(|n| &n.id == id)),
            "the id of a node in flowsheet.nodes",
        ),
        (
            "node",
            &e.node,
            e.node
                .as_ref()
                .is_some_and(|id| fs.nodes.iter().any(|n| &n.id == id)),
            "the id of a node in flowsheet.nodes",
        ),
    ];
    for (name, value, found, expected) in checks {
        if let Some(v) = value
            && !found
        {
            return Err(Error::UnknownReference {
                path: format!("{path}.{name}"),
                value: v.clone(),
                expected: expected.to_string(),
            });
        }
    }
    Ok(())
}

/// A flowsheet's flows at the baseline and with every option applied in the order of their
/// NPV, alternatives set aside left out (kg/yr per component and stream; J/yr per energy
/// input): what sector benchmarks read.
#[derive(Debug, Clone, PartialEq)]
pub struct Flows<'a> {
    /// The flowsheet.
    pub flowsheet: &'a Flowsheet,
    /// Baseline flows, `[component][stream]` (None where undetermined).
    pub before: Vec<Vec<Option<f64>>>,
    /// Flows with every option applied (None without options).
    pub after: Option<Vec<Vec<Option<f64>>>>,
    /// Baseline energy per energy input.
    pub energy_before: Vec<f64>,
    /// Energy per energy input with every option applied.
    pub energy_after: Vec<f64>,
    /// What the options' recycles carry back with every option applied (empty without).
    pub recycled_after: Vec<Recycled>,
}

impl<'a> Flows<'a> {
    /// The flows of `doc`'s flowsheet before and after its options, applied in the order of
    /// `evaluation`'s ranking, alternatives set aside left out (none without a flowsheet).
    pub fn of(doc: &Case<'a>, evaluation: &Evaluation) -> Result<Option<Flows<'a>>> {
        let Some(fs) = doc.flowsheet else {
            return Ok(None);
        };
        let base = baseline(doc, fs)?;
        let before = Outcome::of(&base);
        let (after, energy_after, recycled_after) = if doc.options.is_empty() {
            (None, before.energy_j.clone(), Vec::new())
        } else {
            let edits = typed_edits(doc.options)?;
            let mut scenario = Scenario::default();
            for id in &evaluation.portfolio.ranking {
                // An alternative set aside for a better one is not applied with it.
                if evaluation.portfolio.set_aside.iter().any(|s| &s.id == id) {
                    continue;
                }
                if let Some(i) = doc.options.iter().position(|o| &o.id == id) {
                    scenario.apply(&base, &edits[i], &format!("options[{i}]"))?;
                }
            }
            let out = scenario.solve(&base)?;
            (Some(out.flows), out.energy_j, out.recycled)
        };
        Ok(Some(Flows {
            flowsheet: fs,
            before: before.flows,
            after,
            energy_before: before.energy_j,
            energy_after,
            recycled_after,
        }))
    }
}

/// The JSON Schema of [`Evaluation`].
pub fn evaluation_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Evaluation)).unwrap_or(serde_json::Value::Null)
}
