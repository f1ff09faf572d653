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

use std::collections::{BTreeMap, VecDeque};

use schemars::JsonSchema;
use serde::Serialize;

use super::model::{Flow, Flowsheet, NodeKind, Rate, Uncertainty};
use super::sparse::SymMatrix;
use super::stats::chi_square_p_value;
use crate::error::Result;
use crate::units::Schedule;

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
    pub energy: Option<super::energy::EnergyBalance>,
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

struct Edge {
    stream: usize,
    /// Vertex indices: units 0..units, environment = `units`.
    from: usize,
    to: usize,
    from_kind: NodeKind,
    to_kind: NodeKind,
    kind: Kind,
}

/// The (row, ±1) entries of one stream in the reduced balances: at most two, without a heap
/// allocation.
#[derive(Clone, Copy, Default)]
struct Entries {
    items: [(usize, f64); 2],
    len: usize,
}

impl Entries {
    fn push(&mut self, entry: (usize, f64)) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = entry;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[(usize, f64)] {
        &self.items[..self.len]
    }
}

/// Union-find with path halving.
struct Groups(Vec<usize>);

impl Groups {
    fn new(n: usize) -> Groups {
        Groups((0..n).collect())
    }
    fn find(&mut self, mut v: usize) -> usize {
        while self.0[v] != v {
            self.0[v] = self.0[self.0[v]];
            v = self.0[v];
        }
        v
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a] = b;
        }
    }
}

impl Flowsheet {
    /// Validate, then solve and reconcile every component's balances under `schedule`.
    pub fn balance(&self, schedule: &Schedule) -> Result<Balance> {
        self.validate(schedule)?;
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
            Some(super::energy::energy_balance(
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

    fn analyse(
        &self,
        component: &str,
        edges: &[Edge],
        units: &[usize],
        labels: &[String],
    ) -> ComponentBalance {
        let env = units.len();
        let nv = env + 1;
        let mut findings = Vec::new();

        // Groups of vertices joined by unknown streams.
        let mut unknown_groups = Groups::new(nv);
        for e in edges.iter().filter(|e| matches!(e.kind, Kind::Unknown)) {
            unknown_groups.union(e.from, e.to);
        }
        let env_group = unknown_groups.find(env);
        let group: Vec<usize> = (0..nv).map(|v| unknown_groups.find(v)).collect();

        // Reduced balances: one per group without the environment, B·x = c, stored by column
        // (each measured stream enters at most two balances).
        let mut row_of: BTreeMap<usize, usize> = BTreeMap::new();
        for &g in &group {
            if g != env_group && !row_of.contains_key(&g) {
                let r = row_of.len();
                row_of.insert(g, r);
            }
        }
        let rows = row_of.len();
        let mut c = vec![0.0; rows];
        let mut has_measured = vec![false; rows];
        // For each edge: its entries (row, ±1) in the reduced balances.
        let mut entries: Vec<Entries> = vec![Entries::default(); edges.len()];
        for (i, e) in edges.iter().enumerate() {
            let (gf, gt) = (group[e.from], group[e.to]);
            if gf == gt {
                continue;
            }
            for (g, sign) in [(gt, 1.0), (gf, -1.0)] {
                let Some(&r) = row_of.get(&g) else { continue };
                match e.kind {
                    Kind::Measured { .. } => {
                        entries[i].push((r, sign));
                        has_measured[r] = true;
                    }
                    Kind::Fixed(x) => c[r] -= sign * x,
                    Kind::Unknown => {}
                }
            }
        }
        // Drop dependent rows: within a set of groups linked by measured streams that never
        // reaches the environment, the balances sum to zero; keep all but one. A balance with
        // no measurement in it checks the estimates alone.
        let mut linked = Groups::new(nv);
        for e in edges
            .iter()
            .filter(|e| matches!(e.kind, Kind::Measured { .. }))
        {
            linked.union(group[e.from], group[e.to]);
        }
        let env_link = linked.find(env_group);
        let scale = edges.iter().fold(0.0f64, |a, e| match e.kind {
            Kind::Fixed(x) | Kind::Measured { x, .. } => a.max(x.abs()),
            Kind::Unknown => a,
        });
        let mut compact: Vec<Option<usize>> = vec![None; rows];
        let mut seen = std::collections::BTreeSet::new();
        let mut n = 0;
        for (&g, &r) in &row_of {
            if !has_measured[r] {
                if c[r].abs() > 1e-9 * scale.max(1.0) {
                    findings.push(format!(
                        "the estimates around {} do not balance: {} unaccounted for",
                        self.group_names(&group, g, units),
                        amount(c[r])
                    ));
                }
                continue;
            }
            let l = linked.find(g);
            if l != env_link && !seen.insert(l) {
                continue;
            }
            compact[r] = Some(n);
            n += 1;
        }
        let columns: Vec<Entries> = entries
            .iter()
            .map(|es| {
                let mut out = Entries::default();
                for &(r, s) in es.as_slice() {
                    if let Some(p) = compact[r] {
                        out.push((p, s));
                    }
                }
                out
            })
            .collect();

        // Measured values, reconciled where redundant.
        let mut value: Vec<Option<f64>> = edges
            .iter()
            .map(|e| match e.kind {
                Kind::Unknown => None,
                Kind::Fixed(x) | Kind::Measured { x, .. } => Some(x),
            })
            .collect();
        let mut sd_out: Vec<Option<f64>> = edges
            .iter()
            .map(|e| match e.kind {
                Kind::Measured { sd, .. } => Some(sd),
                _ => None,
            })
            .collect();
        let mut z_out: Vec<Option<f64>> = vec![None; edges.len()];
        let redundant: Vec<usize> = (0..edges.len())
            .filter(|&i| !columns[i].as_slice().is_empty())
            .collect();
        let mut reconciliation = None;
        if n > 0 && !redundant.is_empty() {
            let var = |i: usize| match edges[i].kind {
                Kind::Measured { sd, .. } => sd * sd,
                _ => 0.0,
            };
            let mut m = SymMatrix::new(n);
            let mut resid = vec![0.0; n];
            for (r, p) in compact.iter().enumerate() {
                if let Some(p) = p {
                    resid[*p] -= c[r];
                }
            }
            for &i in &redundant {
                let v = var(i);
                let x = value[i].unwrap_or(0.0);
                for &(a, sa) in columns[i].as_slice() {
                    resid[a] += sa * x;
                    for &(b, sb) in columns[i].as_slice() {
                        if a <= b {
                            m.add(a, b, sa * sb * v);
                        }
                    }
                }
            }
            if let Some(f) = m.factor() {
                let lambda = f.solve(&resid);
                let chi2: f64 = resid.iter().zip(&lambda).map(|(a, b)| a * b).sum();
                let mut scratch = vec![0.0; n];
                for &i in &redundant {
                    let v = var(i);
                    let column = columns[i].as_slice();
                    let adj = v * column.iter().map(|&(p, s)| s * lambda[p]).sum::<f64>();
                    let w = v * v * f.quadratic(column, &mut scratch);
                    let x = value[i].unwrap_or(0.0);
                    value[i] = Some(x - adj);
                    sd_out[i] = Some((v - w).max(0.0).sqrt());
                    z_out[i] = (w > 0.0).then(|| adj / w.sqrt());
                }
                let p = chi_square_p_value(chi2, n);
                reconciliation = Some(Reconciliation {
                    chi_square: chi2,
                    degrees_of_freedom: n,
                    p_value: p,
                    consistent: p > 0.05,
                });
            } else {
                findings.push(
                    "the redundant measurements could not be reconciled (singular balances)"
                        .to_string(),
                );
            }
        }

        // Unknowns: peel units with a single unknown stream, then bridges.
        let unknown: Vec<usize> = (0..edges.len())
            .filter(|&i| matches!(edges[i].kind, Kind::Unknown))
            .collect();
        let mut net = vec![0.0; nv];
        for (i, e) in edges.iter().enumerate() {
            if let Some(x) = value[i] {
                net[e.to] += x;
                net[e.from] -= x;
            }
        }
        let mut degree = vec![0usize; nv];
        let mut incident: Vec<Vec<usize>> = vec![Vec::new(); nv];
        for &i in &unknown {
            degree[edges[i].from] += 1;
            degree[edges[i].to] += 1;
            incident[edges[i].from].push(i);
            incident[edges[i].to].push(i);
        }
        let mut queue: VecDeque<usize> = (0..env).filter(|&v| degree[v] == 1).collect();
        while let Some(v) = queue.pop_front() {
            if degree[v] != 1 {
                continue;
            }
            let Some(&i) = incident[v].iter().find(|&&i| value[i].is_none()) else {
                continue;
            };
            let e = &edges[i];
            let x = if e.to == v { -net[v] } else { net[v] };
            value[i] = Some(x);
            net[e.to] += x;
            net[e.from] -= x;
            degree[e.from] -= 1;
            degree[e.to] -= 1;
            let other = if e.to == v { e.from } else { e.to };
            if other != env && degree[other] == 1 {
                queue.push_back(other);
            }
        }
        solve_bridges(edges, &mut value, &net, env);

        // Report.
        let streams: Vec<StreamValue> = edges
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let (status, given) = match e.kind {
                    Kind::Unknown if value[i].is_some() => (ValueStatus::Solved, None),
                    Kind::Unknown => (ValueStatus::Undetermined, None),
                    Kind::Fixed(x) => (ValueStatus::Estimated, Some(x)),
                    Kind::Measured { x, .. } => {
                        let reconciled = !columns[i].as_slice().is_empty();
                        (
                            if reconciled {
                                ValueStatus::Reconciled
                            } else {
                                ValueStatus::Measured
                            },
                            Some(x),
                        )
                    }
                };
                let z = z_out[i];
                StreamValue {
                    stream: labels[e.stream].clone(),
                    status,
                    given,
                    value: value[i],
                    uncertainty: sd_out[i],
                    z,
                    suspect: z.is_some_and(|z| z.abs() > GROSS_ERROR_Z),
                }
            })
            .collect();
        for s in &streams {
            match s.status {
                ValueStatus::Undetermined => findings.push(format!(
                    "stream {} is not determined: it lies on a loop of unknown streams; measure or estimate one stream of the loop",
                    s.stream
                )),
                ValueStatus::Reconciled if s.value.is_some_and(|v| v < 0.0) => findings.push(format!(
                    "stream {} reconciles to a negative flow ({}): a measurement or the flowsheet is wrong",
                    s.stream,
                    amount(s.value.unwrap_or(0.0))
                )),
                ValueStatus::Solved if s.value.is_some_and(|v| v < 0.0) => findings.push(format!(
                    "stream {} solves to a negative flow ({}): the data contradict its direction",
                    s.stream,
                    amount(s.value.unwrap_or(0.0))
                )),
                _ => {}
            }
            if s.suspect {
                findings.push(format!(
                    "the measurement of stream {} is suspect: its adjustment is {:.1} standard uncertainties",
                    s.stream,
                    s.z.unwrap_or(0.0)
                ));
            }
        }
        if let Some(r) = &reconciliation
            && !r.consistent
        {
            findings.push(format!(
                "the measurements contradict the balances beyond random error (chi-square {:.2} with {} degrees of freedom, p = {:.3})",
                r.chi_square, r.degrees_of_freedom, r.p_value
            ));
        }
        // Per unit: totals in and out, after solving and as given (None once a term is
        // missing), in one pass over the streams.
        let add = |acc: &mut Option<f64>, x: Option<f64>| *acc = acc.zip(x).map(|(a, b)| a + b);
        let mut touched = vec![false; nv];
        let (mut inp, mut out) = (vec![Some(0.0); nv], vec![Some(0.0); nv]);
        let (mut given_in, mut given_out) = (vec![Some(0.0); nv], vec![Some(0.0); nv]);
        let mut site = SiteBalance::default();
        let mut sources = Some(0.0);
        for (i, e) in edges.iter().enumerate() {
            let given = match e.kind {
                Kind::Unknown => None,
                Kind::Fixed(x) | Kind::Measured { x, .. } => Some(x),
            };
            touched[e.to] = true;
            touched[e.from] = true;
            add(&mut inp[e.to], value[i]);
            add(&mut given_in[e.to], given);
            add(&mut out[e.from], value[i]);
            add(&mut given_out[e.from], given);
            if e.from_kind == NodeKind::Source {
                add(&mut sources, value[i]);
            }
            if !e.to_kind.is_process() && e.to_kind != NodeKind::Source {
                let entry = site
                    .sinks
                    .entry(e.to_kind.key().to_string())
                    .or_insert(Some(0.0));
                add(entry, value[i]);
            }
        }
        let nodes = units
            .iter()
            .enumerate()
            .filter(|(v, _)| touched[*v])
            .map(|(v, &ni)| {
                let given_residual = given_in[v].zip(given_out[v]).map(|(a, b)| a - b);
                let given_closure_percent = given_in[v]
                    .zip(given_out[v])
                    .and_then(|(a, b)| (a.max(b) > 0.0).then(|| 100.0 * (a - b).abs() / a.max(b)));
                if let Some(p) = given_closure_percent
                    && p > CLOSURE_TOLERANCE_PERCENT
                {
                    findings.push(format!(
                        "unit {} does not close with the data as given: {:.1} % ({} in − out)",
                        self.nodes[ni].id,
                        p,
                        amount(given_residual.unwrap_or(0.0))
                    ));
                }
                NodeBalance {
                    node: self.nodes[ni].id.clone(),
                    inputs: inp[v],
                    outputs: out[v],
                    given_residual,
                    given_closure_percent,
                    residual: inp[v].zip(out[v]).map(|(a, b)| a - b),
                }
            })
            .collect();
        site.sources = sources;
        ComponentBalance {
            component: component.to_string(),
            streams,
            nodes,
            site,
            reconciliation,
            findings,
        }
    }

    /// Sensible heat carried by warm water streams (kWh/yr), from the solved water flows;
    /// `None` when no stream has a temperature.
    fn water_heat(&self, components: &[ComponentBalance]) -> Option<super::energy::WaterHeat> {
        let reference = self.reference_temperature.as_ref()?.si();
        let water = components.iter().find(|c| c.component == "water")?;
        if self.streams.iter().all(|s| s.temperature.is_none()) {
            return None;
        }
        let mut heat = super::energy::WaterHeat::default();
        for s in &self.streams {
            let Some(t) = &s.temperature else { continue };
            let Some(kg) = water
                .streams
                .iter()
                .find(|v| v.stream == s.id)
                .and_then(|v| v.value)
            else {
                continue;
            };
            let kwh = kg * super::energy::WATER_SPECIFIC_HEAT * (t.si() - reference) / 3.6e6;
            let kind = |id: &str| self.nodes.iter().find(|n| n.id == id).map(|n| n.kind);
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

    fn group_names(&self, group: &[usize], g: usize, units: &[usize]) -> String {
        let names: Vec<&str> = units
            .iter()
            .enumerate()
            .filter(|(v, _)| group[*v] == g)
            .map(|(_, &ni)| self.nodes[ni].id.as_str())
            .collect();
        names.join(", ")
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
        (3 - x.abs().log10().floor() as i32).clamp(0, 6) as usize
    };
    format!("{x:.digits$} {unit}")
}

/// Solve each remaining unknown stream that is a bridge of the remaining unknown graph, from
/// the sum of the balances on its side away from the environment.
fn solve_bridges(edges: &[Edge], value: &mut [Option<f64>], net: &[f64], env: usize) {
    let nv = env + 1;
    let mut net = net.to_vec();
    // Bounded: each pass solves at least one stream or stops.
    for _ in 0..edges.len() {
        let open: Vec<usize> = (0..edges.len())
            .filter(|&i| value[i].is_none() && matches!(edges[i].kind, Kind::Unknown))
            .collect();
        let mut solved_one = false;
        for &i in &open {
            // The side of `from` without edge i.
            let mut side = vec![false; nv];
            let mut stack = vec![edges[i].from];
            side[edges[i].from] = true;
            while let Some(v) = stack.pop() {
                for &j in &open {
                    if j == i {
                        continue;
                    }
                    let (a, b) = (edges[j].from, edges[j].to);
                    for (p, q) in [(a, b), (b, a)] {
                        if p == v && !side[q] {
                            side[q] = true;
                            stack.push(q);
                        }
                    }
                }
            }
            if side[edges[i].to] {
                continue; // on a loop
            }
            // Sum the balances of the side without the environment.
            let from_side = !side[env];
            let members: Vec<usize> = (0..env).filter(|&v| side[v] == from_side).collect();
            let total: f64 = members.iter().map(|&v| net[v]).sum();
            // Edge leaves the `from` side: total − x = 0 on that side; enters the other side.
            let x = if from_side { total } else { -total };
            value[i] = Some(x);
            net[edges[i].to] += x;
            net[edges[i].from] -= x;
            solved_one = true;
            break;
        }
        if !solved_one {
            return;
        }
    }
}
