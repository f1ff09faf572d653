//! # cleanprod
//!
//! A cleaner-production assessment engine: unit-checked assessment documents, mass and energy
//! balances, the savings of process options, and their investment appraisal, for small and
//! medium firms in tanning, hotels, hospitals, chemicals and automotive parts.
//!
//! The same engine serves Rust, Python (`cleanprod` on PyPI) and the browser (`cleanprod` on
//! npm). It does no I/O and never panics on bad input: every problem is an [`Error`] with the
//! field path and the offending value.
//!
//! ```
//! use cleanprod::Assessment;
//! let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/tannery.toml")).unwrap();
//! let assessment = Assessment::from_toml_str(&text).unwrap();
//! println!("{}", cleanprod::report::summary_text(&assessment.summary()));
//! ```

pub mod assessment;
pub mod document;
mod error;
pub mod finance;
pub mod flowsheet;
pub mod ghg;
pub mod money;
pub mod options;
pub mod report;
pub mod sectors;
mod text;
pub mod units;
pub mod utilities;

pub use assessment::{Assessment, Summary};
pub use document::{Document, SourceFormat, schema};
pub use error::{Category, Error, NoSolution, Result};
