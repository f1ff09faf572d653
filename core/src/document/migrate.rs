//! Migrations: older forms of the document brought to the current one, step by step, before
//! the document is typed; and the current form written out ([`to_current_form`], the CLI's
//! `cleanprod migrate`).
//!
//! Each step reads one format version and writes the next, editing the generic value of the
//! document (a field renamed, a section restructured). There is no step yet: `cleanprod/1` is
//! the only version. The documents written in it are frozen in `tests/fixtures/documents/v1/`,
//! which the test suites load in every later version. The day a field of `cleanprod/1` is
//! renamed or restructured, the format becomes `cleanprod/2`, a step from `cleanprod/1` to
//! `cleanprod/2` is added to `STEPS`, and the v1 corpus proves it.
//!
//! The steps' machinery is tested here with a synthetic older form that never existed,
//! `cleanprod/0`, in which `[finance]` called the horizon `years`: a build reads it only in
//! these tests.

use serde_json::{Map, Value};

use super::version;
use crate::error::{Error, Result};

/// One migration step: the version it reads, the version it writes, and the edit of the
/// document's top-level table.
pub(crate) struct Step {
    pub(crate) from: &'static str,
    pub(crate) to: &'static str,
    pub(crate) edit: fn(&mut Map<String, Value>) -> Result<()>,
}

/// The migration steps of this build, oldest first: none while `cleanprod/1` is the only
/// version.
pub(crate) const STEPS: &[Step] = &[];

/// Every version this build reads: those a migration step reads, and the current one.
pub fn supported() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = STEPS.iter().map(|s| s.from).collect();
    v.push(version::CURRENT);
    v
}

/// Bring a parsed document to the current version, in place, with this build's steps.
pub(crate) fn migrate(doc: &mut Value) -> Result<()> {
    migrate_with(doc, STEPS)
}

/// Bring a parsed document to the current version with `steps`: the format tag must be a
/// version string; each step whose `from` it names edits the document and writes its `to`.
fn migrate_with(doc: &mut Value, steps: &[Step]) -> Result<()> {
    let Some(map) = doc.as_object_mut() else {
        return Err(Error::InvalidType {
            path: String::new(),
            message: "a document is a table (TOML) or an object (JSON)".to_string(),
        });
    };
    let unsupported = |value: String| {
        let mut supported: Vec<&str> = steps.iter().map(|s| s.from).collect();
        supported.push(version::CURRENT);
        Error::UnsupportedFormat {
            path: "format".to_string(),
            value,
            supported: supported.join(", "),
        }
    };
    // Bounded: at most one pass per step, each to a later version.
    for _ in 0..=steps.len() {
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
                        "expected a version string such as \"{}\", found {other}",
                        version::CURRENT
                    ),
                });
            }
        };
        if version == version::CURRENT {
            return Ok(());
        }
        let Some(step) = steps.iter().find(|s| s.from == version) else {
            return Err(unsupported(version));
        };
        (step.edit)(map)?;
        map.insert("format".to_string(), Value::String(step.to.to_string()));
    }
    Err(unsupported(String::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The synthetic older form `cleanprod/0` (it never existed): `finance.horizon` was called
    /// `finance.years`.
    fn horizon_was_years(doc: &mut Map<String, Value>) -> Result<()> {
        if let Some(Value::Object(finance)) = doc.get_mut("finance")
            && let Some(years) = finance.remove("years")
        {
            finance.insert("horizon".to_string(), years);
        }
        Ok(())
    }

    const SYNTHETIC: &[Step] = &[Step {
        from: "cleanprod/0",
        to: "cleanprod/1",
        edit: horizon_was_years,
    }];

    fn document(format: &str, finance: Value) -> Value {
        json!({
            "format": format,
            "currency": "USD",
            "site": {"name": "Mill", "sector": "chemicals"},
            "schedule": {"days_per_year": 300, "hours_per_day": "16 h"},
            "production": {"product": "t", "output": "900 t/yr"},
            "finance": finance,
        })
    }

    #[test]
    fn an_older_form_is_migrated_step_by_step() {
        let old = document(
            "cleanprod/0",
            json!({"discount_rate": "8 %", "years": "12 yr"}),
        );
        let current = document(
            "cleanprod/1",
            json!({"discount_rate": "8 %", "horizon": "12 yr"}),
        );
        let mut migrated = old.clone();
        migrate_with(&mut migrated, SYNTHETIC).unwrap();
        assert_eq!(migrated, current);
        // The migrated document reads as the current one does.
        let read: super::super::Document = crate::wire::typed(&migrated).unwrap();
        let want: super::super::Document = crate::wire::typed(&current).unwrap();
        assert_eq!(read, want);
        // A current document passes the steps untouched.
        let mut same = current.clone();
        migrate_with(&mut same, SYNTHETIC).unwrap();
        assert_eq!(same, current);
        // This build has no step from cleanprod/0: refused, naming what it reads.
        let mut refused = old;
        let e = migrate(&mut refused).unwrap_err();
        assert_eq!((e.code(), e.path()), ("unsupported_format", "format"));
        assert!(e.to_string().contains("cleanprod/1"));
        let mut future = document("cleanprod/9", json!({}));
        let e = migrate_with(&mut future, SYNTHETIC).unwrap_err();
        assert!(e.to_string().contains("cleanprod/0, cleanprod/1"), "{e}");
    }

    #[test]
    fn malformed_format_tags_are_errors() {
        let mut d = json!({"site": {}});
        assert_eq!(migrate(&mut d).unwrap_err().code(), "missing_field");
        let mut d = json!({"format": 1});
        assert_eq!(migrate(&mut d).unwrap_err().code(), "invalid_type");
        let mut d = json!([1, 2]);
        assert_eq!(migrate(&mut d).unwrap_err().code(), "invalid_type");
    }
}
