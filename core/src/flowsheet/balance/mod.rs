//! Solving and reconciling the balances, component by component.
//!
//! Each component's balances are linear in its stream flows and independent of the other
//! components', so each is analysed on its own graph: the unit operations, plus one vertex for
//! the whole environment (sources and sinks have no balance).
//!
//! * **Observability.** Unknown flows are determinable unless they lie on a cycle of unknown
//!   streams (a loop of unknowns has one more unknown than equations). They are solved by
//!   peeling: a unit with a single unknown stream gives that stream's flow, and so on; an
//!   unknown bridge between a loop and the environment is solved from the sum of the balances
//!   on its side.
//! * **Redundancy.** Merging the units joined by unknown streams leaves one balance per merged
//!   group not containing the environment; the measured streams between groups appear in them
//!   and are redundant (Mah, Stanley and Downing, Ind. Eng. Chem. Process Des. Dev. 15, 1976).
//! * **Reconciliation.** On those reduced balances B·x = c, the weighted least-squares
//!   adjustment x̂ = x − V·Bᵀ·(B·V·Bᵀ)⁻¹·(B·x − c), the global test statistic
//!   (B·x − c)ᵀ·(B·V·Bᵀ)⁻¹·(B·x − c) (chi-square with as many degrees of freedom as reduced
//!   balances), and for each measurement its standardized adjustment, flagged as a suspected
//!   gross error beyond 1.96 (5 %, two-sided).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

mod observe;
mod reconcile;
mod reduce;
mod report;
mod solve;

use super::model::{Flow, Flowsheet, NodeKind, Rate, Uncertainty};
use crate::error::Result;
use crate::math;
use crate::units::Schedule;
use observe::Edge;

/// The unit of every amount in a balance: kilograms per year.
pub const BALANCE_UNIT: &str = "kg/yr";

/// Standardized adjustment beyond which a measurement is suspected of a gross error.
pub const GROSS_ERROR_Z: f64 = 1.96;

/// Closure (in %) beyond which a unit's balance is flagged.
pub const CLOSURE_TOLERANCE_PERCENT: f64 = 5.0;

/// The balances of a flowsheet, per component.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Balance {
    /// Unit of every amount: `"kg/yr"`.
    pub unit: String,
    /// One analysis per component, in the order of `flowsheet.components`.
    pub components: Vec<ComponentBalance>,
    /// Energy by unit and carrier, when the flowsheet has energy inputs.
    pub energy: Option<crate::flowsheet::energy::EnergyBalance>,
    /// Water from sources per unit of the site's annual output, e.g. `"35.1 m3/t"` (set by
    /// [`crate::Assessment::balance`], which knows the output; none without a `water`
    /// component).
    pub specific_water: Option<String>,
}

/// The reconciliation of one component: its test and its adjusted measurements.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ComponentReconciliation {
    /// The component.
    pub component: String,
    /// The global test.
    pub test: Reconciliation,
    /// The redundant measurements, with their reconciled values and standardized adjustments.
    pub adjustments: Vec<StreamValue>,
}

impl Balance {
    /// The components whose measurements were reconciled, with their tests and adjustments.
    pub fn reconciliations(&self) -> Vec<ComponentReconciliation> {
        self.components
            .iter()
            .filter_map(|c| {
                Some(ComponentReconciliation {
                    component: c.component.clone(),
                    test: c.reconciliation.clone()?,
                    adjustments: c
                        .streams
                        .iter()
                        .filter(|s| s.status == ValueStatus::Reconciled)
                        .cloned()
                        .collect(),
                })
            })
            .collect()
    }
}

/// What the balances say about one component.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ComponentBalance {
    /// The component.
    pub component: String,
    /// Every stream that carries it.
    pub streams: Vec<StreamValue>,
    /// Every unit operation's balance.
    pub nodes: Vec<NodeBalance>,
    /// Totals across the site's boundary.
    pub site: SiteBalance,
    /// The global test of the measurements against the balances, when any are redundant.
    pub reconciliation: Option<Reconciliation>,
    /// What a consultant should look at, in words.
    pub findings: Vec<String>,
}

/// How a stream's value was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValueStatus {
    /// Measured, not redundant: kept as measured.
    Measured,
    /// Measured and redundant: adjusted by reconciliation.
    Reconciled,
    /// Estimated: taken as given.
    Estimated,
    /// Unknown, solved from the balances.
    Solved,
    /// Unknown and not determinable from the data.
    Undetermined,
}

/// One stream's flow of a component.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StreamValue {
    /// Stream id.
    pub stream: String,
    /// The node the stream leaves (for a unit's accumulation, the unit).
    pub from: String,
    /// The node the stream enters (for a unit's accumulation, the unit).
    pub to: String,
    /// How the value was obtained.
    pub status: ValueStatus,
    /// The value as given (measured or estimated), if any.
    pub given: Option<f64>,
    /// The value after solving and reconciliation (none when undetermined).
    pub value: Option<f64>,
    /// Its standard uncertainty (none for estimates and solved values).
    pub uncertainty: Option<f64>,
    /// Standardized adjustment of a reconciled measurement.
    pub z: Option<f64>,
    /// Whether the adjustment suggests a gross error (|z| > 1.96).
    pub suspect: bool,
}

/// One unit operation's balance for a component.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NodeBalance {
    /// Node id.
    pub node: String,
    /// Total in (none when an input is undetermined).
    pub inputs: Option<f64>,
    /// Total out (none when an output is undetermined).
    pub outputs: Option<f64>,
    /// In − out with the values as given, before solving and reconciliation (none when a flow
    /// of the unit is unknown).
    pub given_residual: Option<f64>,
    /// |given residual| as a percentage of the larger of in and out.
    pub given_closure_percent: Option<f64>,
    /// In − out after solving and reconciliation.
    pub residual: Option<f64>,
}

/// Totals across the site's boundary.
#[derive(Debug, Clone, PartialEq, Default, Serialize, JsonSchema)]
pub struct SiteBalance {
    /// From sources (none when one is undetermined).
    pub sources: Option<f64>,
    /// To each kind of sink (`product`, `wastewater`, `emission`, `solid_waste`).
    pub sinks: BTreeMap<String, Option<f64>>,
}

/// The global test of the redundant measurements.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Reconciliation {
    /// Sum of squared standardized residuals of the reduced balances.
    pub chi_square: f64,
    /// Degrees of freedom: the number of independent reduced balances.
    pub degrees_of_freedom: usize,
    /// Probability of a statistic at least this large if the measurements have only random
    /// errors of the stated size.
    pub p_value: f64,
    /// Whether the data pass the test at 5 %.
    pub consistent: bool,
}

#[derive(Clone, Copy)]
enum Kind {
    Unknown,
    Fixed(f64),
    Measured { x: f64, sd: f64 },
}

impl Flowsheet {
    /// Validate, then solve and reconcile every component's balances under `schedule`.
    pub fn balance(&self, schedule: &Schedule) -> Result<Balance> {
        self.validate(schedule)?;
        self.balance_validated(schedule)
    }

    /// [`Flowsheet::balance`] of a flowsheet already validated under `schedule` (an
    /// assessment's: the document's own is validated with its sections, a sector model's when
    /// it is expanded).
    pub(crate) fn balance_validated(&self, schedule: &Schedule) -> Result<Balance> {
        let units: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].kind.is_process())
            .collect();
        let mut vertex = vec![units.len(); self.nodes.len()];
        for (v, &i) in units.iter().enumerate() {
            vertex[i] = v;
        }
        let index: BTreeMap<&str, usize> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        // Endpoints of every stream, looked up once for all components (ids validated above).
        let ends: Vec<(usize, usize)> = self
            .streams
            .iter()
            .map(|s| {
                let node_of = |id: &str| index.get(id).copied().unwrap_or(0);
                (node_of(&s.from), node_of(&s.to))
            })
            .collect();
        // Labels of the edges: the streams, then each unit's accumulation.
        let mut labels: Vec<String> = self.streams.iter().map(|s| s.id.clone()).collect();
        let mut accumulations: Vec<(usize, &BTreeMap<String, Flow>)> = Vec::new();
        for (i, n) in self.nodes.iter().enumerate() {
            if !n.accumulation.is_empty() {
                accumulations.push((i, &n.accumulation));
                labels.push(format!("{} (accumulation)", n.id));
            }
        }
        // The water flow each stream was given (kg/yr and relative standard uncertainty), for
        // components given as concentrations.
        let water: Vec<Option<(f64, f64)>> = self
            .streams
            .iter()
            .map(|s| match s.flows.get("water")? {
                Flow::Estimated(v) => Some((v.kg_per_year(schedule)?, 0.0)),
                Flow::Measured { value, uncertainty } => {
                    let x = value.kg_per_year(schedule)?;
                    let sd = match uncertainty {
                        Uncertainty::Relative(r) => r * x,
                        Uncertainty::Absolute(a) => a.kg_per_year(schedule)?,
                    };
                    Some((x, if x > 0.0 { sd / x } else { 0.0 }))
                }
                Flow::Unknown => None,
            })
            .collect();
        let kind_of = |flow: &Flow, water: Option<(f64, f64)>| -> Kind {
            let w = water.map(|(kg, _)| kg);
            // Validated above: amounts per batch have batches per day, concentrations a water
            // flow.
            match flow {
                Flow::Unknown => Kind::Unknown,
                Flow::Estimated(v) => Kind::Fixed(v.amount(schedule, w).unwrap_or(0.0)),
                Flow::Measured { value, uncertainty } => {
                    let x = value.amount(schedule, w).unwrap_or(0.0);
                    let sd = match uncertainty {
                        Uncertainty::Relative(r) => r * x,
                        Uncertainty::Absolute(a) => a.amount(schedule, w).unwrap_or(0.0),
                    };
                    // A concentration times a measured water flow: relative uncertainties add
                    // in quadrature.
                    let sd = match (value, water) {
                        (Rate::Concentration(_), Some((_, rw))) if x > 0.0 => {
                            x * ((sd / x).powi(2) + rw * rw).sqrt()
                        }
                        _ => sd,
                    };
                    Kind::Measured { x, sd }
                }
            }
        };
        let components: Vec<ComponentBalance> = self
            .components
            .iter()
            .map(|c| {
                let mut edges: Vec<Edge> = self
                    .streams
                    .iter()
                    .enumerate()
                    .filter_map(|(si, s)| {
                        let flow = s.flows.get(c)?;
                        let (from, to) = ends[si];
                        Some(Edge {
                            stream: si,
                            from: vertex[from],
                            to: vertex[to],
                            from_kind: self.nodes[from].kind,
                            to_kind: self.nodes[to].kind,
                            kind: kind_of(flow, water[si]),
                        })
                    })
                    .collect();
                // Accumulation in a unit: a flow from the unit to the environment.
                for (k, (node, acc)) in accumulations.iter().enumerate() {
                    if let Some(flow) = acc.get(c) {
                        edges.push(Edge {
                            stream: self.streams.len() + k,
                            from: vertex[*node],
                            to: units.len(),
                            from_kind: NodeKind::Process,
                            to_kind: NodeKind::Process,
                            kind: kind_of(flow, None),
                        });
                    }
                }
                self.analyse(c, &edges, &units, &labels)
            })
            .collect();
        let heat = self.water_heat(&components);
        let energy = if self.energy.is_empty() && heat.is_none() {
            None
        } else {
            Some(crate::flowsheet::energy::energy_balance(
                &self.energy,
                &self.devices,
                schedule,
                heat.as_ref(),
            )?)
        };
        Ok(Balance {
            unit: BALANCE_UNIT.to_string(),
            components,
            energy,
            specific_water: None,
        })
    }

    /// One component's balance: observe the unknowns, reduce the balances, reconcile the
    /// redundant measurements, solve the unknowns, and report.
    fn analyse(
        &self,
        component: &str,
        edges: &[Edge],
        units: &[usize],
        labels: &[String],
    ) -> ComponentBalance {
        let env = units.len();
        let mut findings = Vec::new();
        let groups = observe::unknown_groups(edges, env);
        // The units of each group, gathered once and only when a finding names them.
        let members: std::cell::OnceCell<BTreeMap<usize, Vec<&str>>> = std::cell::OnceCell::new();
        let names = |g: usize| {
            let members = members.get_or_init(|| self.group_members(&groups.group, units));
            members.get(&g).map(|m| m.join(", ")).unwrap_or_default()
        };
        let reduced = reduce::reduce(edges, &groups, env, &names, &mut findings);
        let reconcile::Values {
            mut value,
            sd: sd_out,
            z: z_out,
            reconciliation,
        } = reconcile::reconcile(edges, &reduced, &mut findings);
        solve::unknowns(edges, &mut value, env);
        self.report(
            component,
            edges,
            units,
            labels,
            reconcile::Values {
                value,
                sd: sd_out,
                z: z_out,
                reconciliation,
            },
            &reduced.columns,
            findings,
        )
    }

    /// Sensible heat carried by warm water streams (kWh/yr), from the solved water flows;
    /// `None` when no stream has a temperature.
    fn water_heat(
        &self,
        components: &[ComponentBalance],
    ) -> Option<crate::flowsheet::energy::WaterHeat> {
        let reference = self.reference_temperature.as_ref()?.si();
        let water = components.iter().find(|c| c.component == "water")?;
        if self.streams.iter().all(|s| s.temperature.is_none()) {
            return None;
        }
        let mut heat = crate::flowsheet::energy::WaterHeat::default();
        let solved: BTreeMap<&str, Option<f64>> = water
            .streams
            .iter()
            .map(|v| (v.stream.as_str(), v.value))
            .collect();
        let kinds: BTreeMap<&str, NodeKind> =
            self.nodes.iter().map(|n| (n.id.as_str(), n.kind)).collect();
        for s in &self.streams {
            let Some(t) = &s.temperature else { continue };
            let Some(kg) = solved.get(s.id.as_str()).copied().flatten() else {
                continue;
            };
            let kwh =
                kg * crate::flowsheet::energy::WATER_SPECIFIC_HEAT * (t.si() - reference) / 3.6e6;
            let kind = |id: &str| kinds.get(id).copied();
            if kind(&s.to) == Some(NodeKind::Process) {
                *heat.into.entry(s.to.clone()).or_insert(0.0) += kwh;
            }
            if kind(&s.from) == Some(NodeKind::Process) {
                *heat.out_of.entry(s.from.clone()).or_insert(0.0) += kwh;
            }
            if kind(&s.to) == Some(NodeKind::Wastewater) {
                heat.to_wastewater += kwh;
            }
        }
        Some(heat)
    }

    /// The ids of the units of each group, in the order of the units.
    fn group_members(&self, group: &[usize], units: &[usize]) -> BTreeMap<usize, Vec<&str>> {
        let mut members: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        for (v, &ni) in units.iter().enumerate() {
            members
                .entry(group[v])
                .or_default()
                .push(self.nodes[ni].id.as_str());
        }
        members
    }
}

/// An amount per year in words: tonnes from a tonne up, kilograms below, four significant
/// digits.
fn amount(kg: f64) -> String {
    let (x, unit) = if kg.abs() >= 1_000.0 {
        (kg / 1_000.0, "t/yr")
    } else {
        (kg, "kg/yr")
    };
    let digits = if x == 0.0 {
        0
    } else {
        (3 - math::log10(x.abs()).floor() as i32).clamp(0, 6) as usize
    };
    format!("{x:.digits$} {unit}")
}
