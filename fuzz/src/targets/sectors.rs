//! Each sector template at the edges of its ranges: mutations under `template` only, of the
//! example document of each sector.

use super::{exercise, load};
use crate::{Gen, Target, mutate};
use serde_json::Value;

/// The example documents that use a sector template.
const TEMPLATE_EXAMPLES: &[&str] = &[
    "tannery.toml",
    "hotel.toml",
    "hospital.toml",
    "chemicals.toml",
    "automotive.toml",
];

/// Template fields set to extremes, units swapped, lists emptied or duplicated.
pub struct Sectors;

impl Target for Sectors {
    fn name(&self) -> &'static str {
        "sectors"
    }

    fn generate(&self, g: &mut Gen) -> Value {
        mutate::mutated_document(g, TEMPLATE_EXAMPLES, "template")
    }

    fn run(&self, case: &Value) -> Result<(), String> {
        let text = case["text"].as_str().unwrap_or_default();
        match load(case)? {
            Some(a) => exercise(&a, text, false),
            None => Ok(()),
        }
    }
}
