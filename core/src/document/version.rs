//! Document format versions and the migrations between them.
//!
//! A document names its format in its first field, `format = "cleanprod/1"`. Documents of
//! older versions are migrated step by step to the current one before they are read; a version
//! this build does not know is refused with the versions it reads.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// The format version this build writes.
pub const CURRENT: &str = "cleanprod/1";

/// One migration step: the version it reads, the version it writes, and the edit.
type Step = (
    &'static str,
    &'static str,
    fn(&mut Map<String, Value>) -> Result<()>,
);

/// Migration steps, oldest first. Empty while there is one version; the first entry will
/// read `cleanprod/1` and write `cleanprod/2`.
const STEPS: &[Step] = &[];

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

/// Every version this build reads.
pub fn supported() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = STEPS.iter().map(|s| s.0).collect();
    v.push(CURRENT);
    v
}

/// Bring a parsed document to the current version, in place.
pub(crate) fn migrate(doc: &mut Value) -> Result<()> {
    let Some(map) = doc.as_object_mut() else {
        return Err(Error::InvalidType {
            path: String::new(),
            message: "a document is a table (TOML) or an object (JSON)".to_string(),
        });
    };
    // Bounded: each step moves to a later version.
    for _ in 0..=STEPS.len() {
        let version = match map.get("format") {
            None => {
                return Err(Error::MissingField {
                    path: "format".to_string(),
                });
            }
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                return Err(Error::InvalidType {
                    path: "format".to_string(),
                    message: format!(
                        "expected a version string such as \"{CURRENT}\", found {other}"
                    ),
                });
            }
        };
        if version == CURRENT {
            return Ok(());
        }
        let Some((_, to, step)) = STEPS.iter().find(|s| s.0 == version) else {
            return Err(Error::UnsupportedFormat {
                path: "format".to_string(),
                value: version,
                supported: supported().join(", "),
            });
        };
        step(map)?;
        map.insert("format".to_string(), Value::String((*to).to_string()));
    }
    Err(Error::UnsupportedFormat {
        path: "format".to_string(),
        value: String::new(),
        supported: supported().join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn current_passes_unknown_fails() {
        let mut d = json!({"format": "cleanprod/1"});
        assert!(migrate(&mut d).is_ok());
        let mut d = json!({"format": "cleanprod/9"});
        let e = migrate(&mut d).unwrap_err();
        assert_eq!(e.code(), "unsupported_format");
        assert!(e.to_string().contains("cleanprod/1"));
        let mut d = json!({"site": {}});
        assert_eq!(migrate(&mut d).unwrap_err().code(), "missing_field");
        let mut d = json!([1, 2]);
        assert_eq!(migrate(&mut d).unwrap_err().code(), "invalid_type");
    }
}
