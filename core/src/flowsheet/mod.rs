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
    NodeEnergy,
};
pub use model::{
    Account, Flow, Flowsheet, Node, NodeKind, Rate, Stream, Uncertainty, WATER_DENSITY,
};

/// The JSON Schema of [`Balance`].
pub fn balance_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Balance)).unwrap_or(serde_json::Value::Null)
}
