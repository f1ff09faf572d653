//! The `[flowsheet]` section: components, nodes and the streams between them.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use crate::error::{Error, Result};
use crate::units::Schedule;
use crate::units::{Dimension, Measured, UnitProblem, format_number, parse_unit, split_number};

/// A material balance model of the site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Flowsheet {
    /// What the streams carry: `"water"`, chemicals (`"Cr2O3"`, `"salt"`), pollutant loads
    /// (`"COD"`, `"total Cr"`), solids. `water` may be given as a volume rate (1 kg/L).
    pub components: Vec<String>,
    /// Unit operations, and the boundary: sources and sinks.
    pub nodes: Vec<Node>,
    /// Streams from node to node with their component flows.
    pub streams: Vec<Stream>,
    /// Energy supplied to unit operations, by carrier.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub energy: Vec<super::energy::EnergyInput>,
    /// Conversion devices (boilers, heat pumps) by unit operation id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub devices: BTreeMap<String, super::energy::Device>,
    /// Temperature of cold supply water, against which the heat carried by warm water streams
    /// is counted (required when a stream has a temperature), e.g. `"15 °C"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_temperature: Option<Measured<q::ThermodynamicTemperature>>,
    /// How flows across the boundary are priced when an option changes them, where the
    /// default rules do not say (see [`Account`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<Account>,
}

/// The price of a component's flow at a boundary node, for the money an option saves.
///
/// Without an account, water from a source is priced as `water`, water to a wastewater node
/// as `wastewater`, and any other component from a source as the resource of its own name;
/// a change of a flow from a source or to solid waste that has no price is an error, never a
/// free saving. Loads to wastewater, emissions and products are reported but not priced
/// unless an account prices them.
///
/// ```toml
/// [[flowsheet.accounts]]   # chrome is bought as basic chromium sulphate, 25 % Cr2O3
/// node = "store"
/// component = "Cr2O3"
/// resource = "basic chromium sulphate"
/// content = "25 %"
///
/// [[flowsheet.accounts]]   # organic matter from the hides costs nothing
/// node = "hides"
/// component = "COD"
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// A boundary node (source or sink).
    pub node: String,
    /// A component.
    pub component: String,
    /// The resource in `[prices]` bought or paid for; absent when the flow costs nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// Mass of the component per mass of the priced resource (`"25 %"` of Cr2O3 in basic
    /// chromium sulphate); 100 % when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Measured<q::Ratio>>,
}

/// A unit operation or a point where material crosses the site's boundary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Identifier used by streams.
    pub id: String,
    /// What the node is.
    pub kind: NodeKind,
    /// A label for reports.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Build-up of stock in a unit operation per component (a tank filling, a pile growing;
    /// negative when it empties): the balance becomes in − out = accumulation.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub accumulation: BTreeMap<String, Flow>,
}

/// Unit operations are balanced; the others are the site's boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A unit operation: what goes in comes out (steady state).
    Process,
    /// Supply entering the site: mains water, a well, purchased chemicals, hides.
    Source,
    /// Product leaving the site.
    Product,
    /// Wastewater leaving the site (to treatment or sewer).
    Wastewater,
    /// Emission to air.
    Emission,
    /// Solid waste leaving the site.
    SolidWaste,
}

impl NodeKind {
    /// Whether the node's balance is an equation (only unit operations are balanced).
    pub fn is_process(self) -> bool {
        self == NodeKind::Process
    }

    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            NodeKind::Process => "process",
            NodeKind::Source => "source",
            NodeKind::Product => "product",
            NodeKind::Wastewater => "wastewater",
            NodeKind::Emission => "emission",
            NodeKind::SolidWaste => "solid_waste",
        }
    }
}

/// A stream and the flows of the components it carries (components not listed carry none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stream {
    /// Identifier for reports.
    pub id: String,
    /// Node the stream leaves.
    pub from: String,
    /// Node the stream enters.
    pub to: String,
    /// Flow of each component carried.
    pub flows: BTreeMap<String, Flow>,
    /// Temperature of the water carried, when above the reference temperature (the sensible
    /// heat it carries is counted in the energy balance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<Measured<q::ThermodynamicTemperature>>,
}

/// How much of a component a stream carries: measured with a standard uncertainty
/// (`"40 m3/d ± 5 %"`, `"12 kg/d +- 0.5 kg/d"`), estimated (`"12 kg/d"`, taken as exact), or
/// unknown (`"?"`), to be solved from the balances. Amounts per batch (`"6 m3/batch"`) are
/// annualized with `schedule.batches_per_day`.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    /// To be solved.
    Unknown,
    /// An estimate, taken as exact.
    Estimated(Rate),
    /// A measurement with its standard uncertainty (one standard deviation).
    Measured {
        /// The measured rate.
        value: Rate,
        /// Its standard uncertainty, as written (`"5 %"` or `"2 m3/d"`).
        uncertainty: Uncertainty,
    },
}

/// A mass rate, or for water a volume rate; or an amount per batch, annualized with the
/// schedule's batches per day.
#[derive(Debug, Clone, PartialEq)]
pub enum Rate {
    /// Mass per time.
    Mass(Measured<q::MassRate>),
    /// Volume per time (water only, at 1 kg/L).
    Volume(Measured<q::VolumeRate>),
    /// Mass per batch (`"250 kg/batch"`).
    MassPerBatch(Measured<q::Mass>),
    /// Volume per batch (`"12 m3/batch"`; water only).
    VolumePerBatch(Measured<q::Volume>),
    /// Concentration in the stream's water (`"2500 mg/L"` of COD): the mass flow is the
    /// concentration times the stream's water flow, which must be measured or estimated.
    Concentration(Measured<q::MassConcentration>),
}

/// A standard uncertainty: relative, or absolute in the value's own unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Uncertainty {
    /// A fraction of the value (written as `%`).
    Relative(f64),
    /// Absolute, in the unit of the value (written with a unit, or as a bare number).
    Absolute(Rate),
}

/// Density used to read a volume of water as a mass: 1000 kg/m3 (water is within 0.3 % of it
/// from 0 to 40 °C).
pub const WATER_DENSITY: f64 = 1_000.0;

impl Rate {
    fn parse(text: &str) -> std::result::Result<Rate, UnitProblem> {
        // The number and unit are read once, then taken in the dimension the unit has (as
        // `Measured::parse` of the same text would take them).
        if let Some(amount) = text.trim().strip_suffix("/batch") {
            let (number, unit_text) = split_number(amount)?;
            let unit = parse_unit(unit_text)?;
            return if unit.to_si(1.0, Dimension::Volume).is_ok() {
                Ok(Rate::VolumePerBatch(Measured::of(number, unit)?))
            } else {
                Ok(Rate::MassPerBatch(Measured::of(number, unit)?))
            };
        }
        let (number, unit_text) = split_number(text)?;
        let unit = parse_unit(unit_text)?;
        if unit.to_si(1.0, Dimension::MassConcentration).is_ok() {
            return Ok(Rate::Concentration(Measured::of(number, unit)?));
        }
        if unit.to_si(1.0, Dimension::VolumeRate).is_ok() {
            Ok(Rate::Volume(Measured::of(number, unit)?))
        } else {
            Ok(Rate::Mass(Measured::of(number, unit)?))
        }
    }

    /// The amount per year under `schedule`, in kilograms; `None` for an amount per batch
    /// when the schedule gives no batches per day, and for a concentration.
    pub fn kg_per_year(&self, schedule: &Schedule) -> Option<f64> {
        self.amount(schedule, None)
    }

    /// The amount per year in kilograms, with `water_kg` the stream's water per year for a
    /// concentration; `None` when what it needs is missing.
    pub fn amount(&self, schedule: &Schedule, water_kg: Option<f64>) -> Option<f64> {
        let batches = || {
            schedule
                .batches_per_day
                .map(|b| b * f64::from(schedule.days_per_year))
        };
        match self {
            Rate::Mass(m) => Some(schedule.per_year(m).value),
            Rate::Volume(v) => Some(schedule.per_year(v).value * WATER_DENSITY),
            Rate::MassPerBatch(m) => batches().map(|n| m.si() * n),
            Rate::VolumePerBatch(v) => batches().map(|n| v.si() * n * WATER_DENSITY),
            Rate::Concentration(c) => water_kg.map(|w| c.si() * w / WATER_DENSITY),
        }
    }

    fn is_volume(&self) -> bool {
        matches!(self, Rate::Volume(_) | Rate::VolumePerBatch(_))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rate::Mass(m) => m.fmt(f),
            Rate::Volume(v) => v.fmt(f),
            Rate::MassPerBatch(m) => write!(f, "{m}/batch"),
            Rate::VolumePerBatch(v) => write!(f, "{v}/batch"),
            Rate::Concentration(c) => c.fmt(f),
        }
    }
}

impl Flow {
    /// Parse `"?"`, `"value"` or `"value ± uncertainty"` (also `+-`).
    pub fn parse(text: &str) -> std::result::Result<Flow, UnitProblem> {
        let t = text.trim();
        if t == "?" {
            return Ok(Flow::Unknown);
        }
        let (value_text, unc_text) = match t.split_once('±').or_else(|| t.split_once("+-")) {
            Some((v, u)) => (v.trim(), Some(u.trim())),
            None => (t, None),
        };
        let value = Rate::parse(value_text)?;
        let Some(u) = unc_text else {
            return Ok(Flow::Estimated(value));
        };
        let (number, unit_text) = split_number(u)?;
        let uncertainty = if unit_text == "%" {
            Uncertainty::Relative(number / 100.0)
        } else if unit_text.is_empty() {
            // A bare number is in the value's unit.
            let unit = match &value {
                Rate::Mass(m) => m.unit().to_string(),
                Rate::Volume(v) => v.unit().to_string(),
                Rate::MassPerBatch(m) => format!("{}/batch", m.unit()),
                Rate::VolumePerBatch(v) => format!("{}/batch", v.unit()),
                Rate::Concentration(c) => c.unit().to_string(),
            };
            Uncertainty::Absolute(Rate::parse(&format!("{} {unit}", format_number(number)))?)
        } else {
            Uncertainty::Absolute(Rate::parse(u)?)
        };
        Ok(Flow::Measured { value, uncertainty })
    }
}

impl fmt::Display for Flow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flow::Unknown => f.write_str("?"),
            Flow::Estimated(v) => v.fmt(f),
            Flow::Measured {
                value,
                uncertainty: Uncertainty::Relative(r),
            } => {
                write!(f, "{value} ± {} %", format_number(r * 100.0))
            }
            Flow::Measured {
                value,
                uncertainty: Uncertainty::Absolute(a),
            } => write!(f, "{value} ± {a}"),
        }
    }
}

crate::wire::string_serde!(
    Flow,
    "Flow",
    "A component flow: measured with its standard uncertainty (\"40 m3/d ± 5 %\", \"12 kg/d +- 0.5 kg/d\"), estimated (\"12 kg/d\"), or unknown (\"?\"). Mass rates; water may be a volume rate.",
    "40 m3/d ± 5 %"
);

impl Flowsheet {
    /// Check references, ids, component names, signs and uncertainties.
    pub fn validate(&self, schedule: &Schedule) -> Result<()> {
        // The sets are sized once (growing them rehashes every id).
        let mut ids = HashSet::with_capacity(self.components.len());
        for (i, c) in self.components.iter().enumerate() {
            if c.trim().is_empty() || !ids.insert(c.as_str()) {
                return Err(Error::out_of_range(
                    format!("flowsheet.components[{i}]"),
                    c,
                    "is empty or listed twice",
                ));
            }
        }
        let mut nodes = HashSet::with_capacity(self.nodes.len());
        for (i, n) in self.nodes.iter().enumerate() {
            if n.id.trim().is_empty() || !nodes.insert(n.id.as_str()) {
                return Err(Error::out_of_range(
                    format!("flowsheet.nodes[{i}].id"),
                    &n.id,
                    "is empty or used twice",
                ));
            }
        }
        let mut streams = HashSet::with_capacity(self.streams.len());
        let mut connected = HashSet::with_capacity(self.nodes.len());
        for (i, s) in self.streams.iter().enumerate() {
            let path = StreamPath(i);
            if s.id.trim().is_empty() || !streams.insert(s.id.as_str()) {
                return Err(Error::out_of_range(
                    format!("{path}.id"),
                    &s.id,
                    "is empty or used twice",
                ));
            }
            for (field, node) in [("from", &s.from), ("to", &s.to)] {
                if !nodes.contains(node.as_str()) {
                    return Err(Error::UnknownReference {
                        path: format!("{path}.{field}"),
                        value: node.clone(),
                        expected: "the id of a node in flowsheet.nodes".to_string(),
                    });
                }
                connected.insert(node.as_str());
            }
            if s.from == s.to {
                return Err(Error::out_of_range(
                    format!("{path}.to"),
                    &s.to,
                    "is the node the stream leaves",
                ));
            }
            for (component, flow) in &s.flows {
                let fpath = FlowPath(i, component);
                if !ids.contains(component.as_str()) {
                    return Err(Error::UnknownReference {
                        path: fpath.to_string(),
                        value: component.clone(),
                        expected: "a component listed in flowsheet.components".to_string(),
                    });
                }
                let water = s.flows.get("water").and_then(|w| match w {
                    Flow::Estimated(v) | Flow::Measured { value: v, .. }
                        if !matches!(v, Rate::Concentration(_)) =>
                    {
                        v.kg_per_year(schedule)
                    }
                    _ => None,
                });
                check_flow(&fpath, component, flow, schedule, water)?;
            }
        }
        for (i, s) in self.streams.iter().enumerate() {
            if s.temperature.is_none() {
                continue;
            }
            if !s.flows.contains_key("water") {
                return Err(Error::out_of_range(
                    format!("flowsheet.streams[{i}].temperature"),
                    &s.id,
                    "is given, but the stream carries no water",
                ));
            }
            if self.reference_temperature.is_none() {
                return Err(Error::MissingField {
                    path: "flowsheet.reference_temperature".to_string(),
                });
            }
        }
        let kinds: HashMap<&str, NodeKind> =
            self.nodes.iter().map(|n| (n.id.as_str(), n.kind)).collect();
        let process = |id: &str| kinds.get(id).is_some_and(|k| k.is_process());
        let carry_water: HashSet<&str> = self
            .streams
            .iter()
            .filter(|s| s.flows.contains_key("water"))
            .map(|s| s.id.as_str())
            .collect();
        let mut energy_ids = HashSet::with_capacity(self.energy.len());
        for (i, e) in self.energy.iter().enumerate() {
            let path = format!("flowsheet.energy[{i}]");
            if e.id.trim().is_empty() || !energy_ids.insert(e.id.as_str()) {
                return Err(Error::out_of_range(
                    format!("{path}.id"),
                    &e.id,
                    "is empty or used twice",
                ));
            }
            if !process(&e.to) {
                return Err(Error::UnknownReference {
                    path: format!("{path}.to"),
                    value: e.to.clone(),
                    expected: "the id of a process node".to_string(),
                });
            }
            connected.insert(e.to.as_str());
            e.joules_per_year(schedule, &path)?;
            for (k, id) in e.follows.iter().enumerate() {
                if !carry_water.contains(id.as_str()) {
                    return Err(Error::UnknownReference {
                        path: format!("{path}.follows[{k}]"),
                        value: id.clone(),
                        expected: "the id of a stream carrying water".to_string(),
                    });
                }
            }
        }
        for node in self.devices.keys() {
            if !process(node) {
                return Err(Error::UnknownReference {
                    path: format!("flowsheet.devices.{node}"),
                    value: node.clone(),
                    expected: "the id of a process node".to_string(),
                });
            }
        }
        super::energy::validate_devices(&self.devices)?;
        self.validate_accounts(&ids, &kinds)?;
        for (i, n) in self.nodes.iter().enumerate() {
            if !connected.contains(n.id.as_str()) {
                return Err(Error::out_of_range(
                    format!("flowsheet.nodes[{i}]"),
                    &n.id,
                    "is not connected to any stream",
                ));
            }
        }
        Ok(())
    }
}

impl Flowsheet {
    fn validate_accounts(
        &self,
        components: &HashSet<&str>,
        kinds: &HashMap<&str, NodeKind>,
    ) -> Result<()> {
        let mut seen = HashSet::with_capacity(self.accounts.len());
        for (i, a) in self.accounts.iter().enumerate() {
            let path = format!("flowsheet.accounts[{i}]");
            if kinds.get(a.node.as_str()).is_none_or(|k| k.is_process()) {
                return Err(Error::UnknownReference {
                    path: format!("{path}.node"),
                    value: a.node.clone(),
                    expected: "the id of a boundary node (a source or a sink)".to_string(),
                });
            }
            if !components.contains(a.component.as_str()) {
                return Err(Error::UnknownReference {
                    path: format!("{path}.component"),
                    value: a.component.clone(),
                    expected: "a component listed in flowsheet.components".to_string(),
                });
            }
            if !seen.insert((a.node.as_str(), a.component.as_str())) {
                return Err(Error::out_of_range(
                    format!("{path}.component"),
                    &a.component,
                    format!("already has an account at node {}", a.node),
                ));
            }
            if let Some(c) = &a.content
                && !(c.si() > 0.0 && c.si() <= 1.0)
            {
                return Err(Error::out_of_range(
                    format!("{path}.content"),
                    c,
                    "must be more than 0 % and at most 100 %",
                ));
            }
            if a.content.is_some() && a.resource.is_none() {
                return Err(Error::MissingField {
                    path: format!("{path}.resource"),
                });
            }
        }
        Ok(())
    }
}

/// `flowsheet.streams[i]`, formatted only when an error needs it.
struct StreamPath(usize);

impl fmt::Display for StreamPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "flowsheet.streams[{}]", self.0)
    }
}

/// `flowsheet.streams[i].flows.component`, formatted only when an error needs it.
struct FlowPath<'a>(usize, &'a str);

impl fmt::Display for FlowPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "flowsheet.streams[{}].flows.{}", self.0, self.1)
    }
}

fn check_flow(
    path: &FlowPath<'_>,
    component: &str,
    flow: &Flow,
    schedule: &Schedule,
    water: Option<f64>,
) -> Result<()> {
    let path = || path.to_string();
    let (value, uncertainty) = match flow {
        Flow::Unknown => return Ok(()),
        Flow::Estimated(v) => (v, None),
        Flow::Measured { value, uncertainty } => (value, Some(uncertainty)),
    };
    if value.is_volume() && component != "water" {
        return Err(Error::out_of_range(
            path(),
            value,
            "is a volume rate: only water may be given by volume (other components as mass rates, e.g. \"12 kg/d\")",
        ));
    }
    let is_concentration = matches!(value, Rate::Concentration(_));
    if is_concentration && (component == "water" || water.is_none()) {
        return Err(Error::out_of_range(
            path(),
            flow,
            "is a concentration: it needs the stream's water flow, measured or estimated (and water itself is given as a flow)",
        ));
    }
    let per_batch = |r: &Rate| matches!(r, Rate::MassPerBatch(_) | Rate::VolumePerBatch(_));
    let no_batches = || {
        Error::out_of_range(
            path(),
            flow,
            "is given per batch, but schedule.batches_per_day is missing",
        )
    };
    let kg = value.amount(schedule, water).ok_or_else(no_batches)?;
    if let Some(Uncertainty::Absolute(a)) = uncertainty
        && (per_batch(a) != per_batch(value)
            || matches!(a, Rate::Concentration(_)) != is_concentration)
    {
        return Err(Error::out_of_range(
            path(),
            flow,
            "mixes kinds of amounts: give the uncertainty in the value's unit or in %",
        ));
    }
    if kg < 0.0 {
        return Err(Error::out_of_range(
            path(),
            flow,
            "is negative: a stream's direction is from → to",
        ));
    }
    if let Some(u) = uncertainty {
        let sd = match u {
            Uncertainty::Relative(r) => r * kg,
            Uncertainty::Absolute(a) => a.amount(schedule, water).ok_or_else(no_batches)?,
        };
        if !(sd > 0.0 && sd.is_finite()) {
            return Err(Error::out_of_range(
                path(),
                flow,
                "has an uncertainty that is not positive: give a positive standard uncertainty, or none for an estimate",
            ));
        }
        // Reconciliation weighs by 1/sd²: a smaller one overflows the weights and chi-square.
        if sd < crate::units::SMALLEST_DIVISOR {
            return Err(Error::out_of_range(
                path(),
                flow,
                "has an uncertainty too small to weigh (below 1e-100 kg/s): give none for an estimate",
            ));
        }
    }
    Ok(())
}
