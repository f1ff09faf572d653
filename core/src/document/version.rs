//! Document format versions.
//!
//! A document names its format in its first field, `format = "cleanprod/1"`. Documents of
//! older versions are migrated step by step to the current one before they are read
//! (`migrate.rs`); a version this build does not know is refused with the versions it
//! reads.

use serde::{Deserialize, Serialize};

/// The format version this build writes.
pub const CURRENT: &str = "cleanprod/1";

/// The format field of a document: only the current version remains after migration.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
pub enum FormatVersion {
    /// `cleanprod/1`.
    #[default]
    #[serde(rename = "cleanprod/1")]
    V1,
}
