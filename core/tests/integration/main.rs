//! Integration tests of the cleanprod core: the shared fixtures in `tests/fixtures` (also run
//! by the Python and JS suites) and property tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod automotive;
mod charts;
mod chemicals;
mod effects;
mod examples;
mod finance;
mod fixtures;
mod flowsheet;
mod fund;
mod fund_monte_carlo;
mod fuzzed;
mod golden;
mod golden_reports;
mod hospital;
mod hostile;
mod hotel;
mod layers;
mod options;
mod program;
mod properties;
mod scale;
mod screen;
mod tanning;
mod uncertainty;
mod v1;
