//! Sector models: a baseline built from a few figures, a catalogue of options with their
//! engineering models, and benchmarks against published ranges.
//!
//! A document selects a model with a `[template.<sector>]` section instead of writing its
//! `[flowsheet]` by hand; the engine expands it into a flowsheet and options before balancing
//! and appraising ([`crate::Document::expanded`]).

pub mod tanning;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `[template]` section: one sector model.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Templates {
    /// A tannery built from its hide input, water per stage and chrome recipe.
    #[serde(
        default,
        deserialize_with = "crate::document::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "tanning::TanningTemplate")]
    pub tanning: Option<tanning::TanningTemplate>,
}
