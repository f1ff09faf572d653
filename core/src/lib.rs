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
//!
//! The repository's `core/examples` has three short programs: `assess_file` (load, evaluate,
//! print the options and a Markdown report), `typed_document` (a [`Document`] built in Rust
//! with typed units, then assessed) and `finance_and_balance` ([`finance`] and
//! [`Flowsheet::balance`](flowsheet::Flowsheet::balance) without a document).

//! ## Layers
//!
//! Each module uses only those above it in this list (a test in `core/tests` reads the
//! imports and fails on one that points down the list):
//!
//! 1. [`dimension`] — the kinds of physical quantity, `math` — the transcendental
//!    functions on one `libm`, so that every target computes the same bits, and `text_table`
//!    — plain-text tables for a terminal ([`report::TextTable`]), for the sectors' and the
//!    reports' texts;
//! 2. `error` — the one [`Error`] type (with [`UnitProblem`](units::UnitProblem) and
//!    [`SourceFormat`]);
//!    [`cancel`] — the flag that stops a long computation from another thread;
//! 3. `wire` — serde plumbing shared by every type that crosses the boundary (structured errors
//!    through serde, `null` refused in one place);
//! 4. [`units`] — unit strings to uom quantities, money and prices, time bases and the
//!    [`Schedule`](units::Schedule), number formatting;
//! 5. [`finance`] — cash flows and appraisal metrics;
//! 6. [`flowsheet`] and [`ghg`] — balances, energy, emission factors;
//! 7. [`utilities`] — engineering calculators every sector shares (steam, compressed air, hot
//!    water, cooling water, electric end uses, water fixtures);
//! 8. [`sections`] — plain document sections (prices, production, finance settings) and the
//!    borrowed [`Context`](sections::Context);
//! 9. [`options`] — options as flowsheet edits, their appraisal and the portfolio;
//! 10. [`sectors`] — sector models behind one trait and one registry;
//! 11. [`document`] and [`assessment`] — the root document and the [`Assessment`] that
//!     parses, expands and solves once;
//! 12. [`uncertainty`] — risk simulations (distributions by path, seeded draws, spreads,
//!     tornado) over an [`Assessment`];
//! 13. [`program`] — many assessments together: a programme's totals and breakdowns,
//!     evaluated in parallel;
//! 14. [`report`] — text, Markdown and HTML renderings.

// A build with only some of the sector models (a single sector's calculator module) leaves
// helpers only the others use unused; every lint of the full build still denies dead code.
#![cfg_attr(
    not(all(
        feature = "tanning",
        feature = "hotel",
        feature = "hospital",
        feature = "chemicals",
        feature = "automotive"
    )),
    allow(dead_code)
)]

pub mod assessment;
pub mod cancel;
pub mod dimension;
pub mod document;
mod error;
pub mod finance;
pub mod flowsheet;
pub mod ghg;
mod math;
pub mod options;
pub mod program;
pub mod report;
pub mod sections;
pub mod sectors;
mod text_table;
pub mod uncertainty;
pub mod units;
pub mod utilities;
mod wire;

pub use assessment::{Assessment, Report, Summary};
pub use document::{Document, SourceFormat, schema};
pub use error::{Category, Error, NoSolution, Result};
pub use units::money;

/// The Rust code blocks of the crate's README, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
