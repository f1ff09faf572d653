//! The TOML and JSON loaders and everything after them, on mutated valid documents.

use super::{exercise, load};
use crate::{Gen, Target, mutate};
use serde_json::Value;

/// Mutations anywhere in any valid document of the repository.
pub struct Documents;

impl Target for Documents {
    fn name(&self) -> &'static str {
        "documents"
    }

    fn generate(&self, g: &mut Gen) -> Value {
        mutate::mutated_document(g, &[], "")
    }

    fn run(&self, case: &Value) -> Result<(), String> {
        let text = case["text"].as_str().unwrap_or_default();
        match load(case)? {
            Some(a) => exercise(&a, text, false),
            None => Ok(()),
        }
    }
}
