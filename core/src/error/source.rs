//! The text formats a document can be written in.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The text format of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// TOML, the format consultants write by hand.
    Toml,
    /// JSON, the format programs exchange.
    Json,
}

impl SourceFormat {
    /// The format named by a file's extension (`.toml`, `.json`), if any.
    ///
    /// ```
    /// use cleanprod::document::SourceFormat;
    /// assert_eq!(SourceFormat::from_path("examples/tannery.toml"), Some(SourceFormat::Toml));
    /// assert_eq!(SourceFormat::from_path("plant.JSON"), Some(SourceFormat::Json));
    /// assert_eq!(SourceFormat::from_path("plant.txt"), None);
    /// ```
    pub fn from_path(path: &str) -> Option<SourceFormat> {
        let ext = path.rsplit_once('.')?.1;
        SourceFormat::from_name(&ext.to_ascii_lowercase())
    }

    /// The format named `toml` or `json`.
    pub fn from_name(name: &str) -> Option<SourceFormat> {
        match name {
            "toml" => Some(SourceFormat::Toml),
            "json" => Some(SourceFormat::Json),
            _ => None,
        }
    }

    /// JSON when the first non-blank character opens an object, TOML otherwise.
    pub fn sniff(text: &str) -> SourceFormat {
        if text.trim_start().starts_with('{') {
            SourceFormat::Json
        } else {
            SourceFormat::Toml
        }
    }
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceFormat::Toml => "TOML",
            SourceFormat::Json => "JSON",
        })
    }
}
