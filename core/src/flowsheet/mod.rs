//! Material balances: the flowsheet model, solving unknown flows, and data reconciliation.
//!
//! A flowsheet is a set of nodes (unit operations, sources and sinks) joined by streams that
//! carry components (water, chemicals, pollutant loads). Every flow is measured with a standard
//! uncertainty, estimated, or unknown. [`Flowsheet::balance`] solves the unknown flows that the
//! data determine, names those they do not, reconciles the redundant measurements by weighted
//! least squares with a global chi-square test and per-measurement tests, and reports each
//! unit's balance. Flows are annualized with the document's schedule and reported in kg/yr.
//!
//! ```
//! use cleanprod::Assessment;
//! let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/documents/valid/flowsheet.toml")).unwrap();
//! let a = Assessment::from_toml_str(&text).unwrap();
//! let b = a.balance().unwrap().unwrap();
//! let water = &b.components[0];
//! assert!(water.reconciliation.as_ref().unwrap().consistent);
//! ```
//!
//! ## A flowsheet built in Rust, balanced without a document
//!
//! [`Flowsheet::balance`] needs only the flowsheet and a [`Schedule`](crate::units::Schedule)
//! (to annualize rates per day or hour). Here a rinse measured at 100 ± 5 m3/d in and
//! 90 ± 5 m3/d out reconciles to 95 m3/d each way, and the unknown drain of a second unit is
//! solved from its estimated supply:
//!
//! ```
//! use std::collections::BTreeMap;
//! use cleanprod::flowsheet::{Flow, Flowsheet, Node, NodeKind, Stream, ValueStatus};
//! use cleanprod::units::Schedule;
//!
//! let node = |id: &str, kind| Node {
//!     id: id.into(), kind, name: String::new(), accumulation: BTreeMap::new(),
//! };
//! let water = |id: &str, from: &str, to: &str, flow: &str| Stream {
//!     id: id.into(), from: from.into(), to: to.into(), temperature: None,
//!     flows: BTreeMap::from([("water".to_string(), Flow::parse(flow).unwrap())]),
//! };
//! let flowsheet = Flowsheet {
//!     components: vec!["water".into()],
//!     nodes: vec![
//!         node("mains", NodeKind::Source), node("rinse", NodeKind::Process),
//!         node("tan", NodeKind::Process), node("sewer", NodeKind::Wastewater),
//!     ],
//!     streams: vec![
//!         water("in", "mains", "rinse", "100 m3/d ± 5 m3/d"),
//!         water("out", "rinse", "sewer", "90 m3/d ± 5 m3/d"),
//!         water("tan_in", "mains", "tan", "20 m3/d"),   // an estimate, taken as exact
//!         water("tan_out", "tan", "sewer", "?"),        // unknown: solved
//!     ],
//!     energy: vec![],
//!     devices: BTreeMap::new(),
//!     reference_temperature: None,
//!     accounts: vec![],
//! };
//! let schedule = Schedule::new(300, "16 h".parse().unwrap());
//! let balance = flowsheet.balance(&schedule).unwrap();
//! let w = &balance.components[0];
//! let kg_per_year = |m3_per_day: f64| m3_per_day * 1_000.0 * 300.0;
//! assert_eq!(w.streams[0].status, ValueStatus::Reconciled);
//! assert!((w.streams[0].value.unwrap() - kg_per_year(95.0)).abs() < 1e-3);
//! assert_eq!(w.streams[3].status, ValueStatus::Solved);
//! assert!((w.streams[3].value.unwrap() - kg_per_year(20.0)).abs() < 1e-3);
//! assert!(w.reconciliation.as_ref().unwrap().consistent);
//! ```

mod balance;
mod energy;
mod model;
mod sparse;
mod stats;

pub use balance::{
    BALANCE_UNIT, Balance, CLOSURE_TOLERANCE_PERCENT, ComponentBalance, ComponentReconciliation,
    GROSS_ERROR_Z, NodeBalance, Reconciliation, SiteBalance, StreamValue, ValueStatus,
};
pub use energy::{
    Carrier, Device, EnergyAmount, EnergyBalance, EnergyInput, HeatingValue, MeasuredEnergy,
    NodeEnergy, WATER_SPECIFIC_HEAT,
};
pub use model::{
    Account, Flow, Flowsheet, Node, NodeKind, Rate, Stream, Uncertainty, WATER_DENSITY,
};

/// The JSON Schema of [`Balance`].
pub fn balance_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Balance)).unwrap_or(serde_json::Value::Null)
}
