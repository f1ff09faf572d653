//! Writing a document in the current form (the CLI's `migrate`): read and migrated as
//! `load.rs` reads any document, the format tag first, in the format it was written in.

use serde::Serialize;
use serde_json::{Map, Value};

use super::{CURRENT_FORMAT, Limits, load};
use crate::error::{Error, Result, SourceFormat};

/// A document in the current form: the format tag first, then the rest of the document.
#[derive(Serialize)]
struct CurrentForm<'a> {
    format: &'static str,
    #[serde(flatten)]
    rest: &'a Map<String, Value>,
}

/// The document `text`, written in `format`, in the current form and the same format: migrated
/// by every step from its version, its format tag normalised (the current version, written
/// first), read as a [`super::Document`] (so that the result loads), and written out again
/// with [`Limits::of_build`]. Its figures are not checked (`cleanprod check` does); the
/// sections come in alphabetical order, and a TOML document loses its comments.
///
/// ```
/// use cleanprod::SourceFormat;
/// use cleanprod::document::to_current_form;
/// let text = r#"{"currency": "USD", "format": "cleanprod/1", "site": {"name": "Mill",
///   "sector": "chemicals"}, "schedule": {"days_per_year": 300, "hours_per_day": "16 h"},
///   "production": {"product": "t", "output": "900 t/yr"},
///   "finance": {"discount_rate": "8 %", "horizon": "10 yr"}}"#;
/// let current = to_current_form(text, SourceFormat::Json).unwrap();
/// assert!(current.starts_with("{\n  \"format\": \"cleanprod/1\",\n  \"currency\": \"USD\""));
/// assert!(cleanprod::Assessment::parse(&current, SourceFormat::Json).is_ok());
/// ```
pub fn to_current_form(text: &str, format: SourceFormat) -> Result<String> {
    let (value, _) = load::current_form(text, format, &Limits::of_build())?;
    write(&value, format)
}

/// The text of a migrated document in `format`, the format tag first.
fn write(value: &Value, format: SourceFormat) -> Result<String> {
    let mut rest = value.as_object().cloned().unwrap_or_default();
    rest.remove("format");
    let current = CurrentForm {
        format: CURRENT_FORMAT,
        rest: &rest,
    };
    let failed = |message: String| Error::InvalidType {
        path: String::new(),
        message: format!("the document cannot be written as {format}: {message}"),
    };
    match format {
        SourceFormat::Json => serde_json::to_string_pretty(&current)
            .map(|s| s + "\n")
            .map_err(|e| failed(e.to_string())),
        #[cfg(not(feature = "toml"))]
        SourceFormat::Toml => Err(crate::error::Error::no_toml()),
        #[cfg(feature = "toml")]
        SourceFormat::Toml => toml::to_string_pretty(&current).map_err(|e| failed(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_form_puts_the_tag_first_in_the_same_format() {
        let text = r#"
currency = "USD"
format = "cleanprod/1"   # the tag, after another field
[site]
name = "Mill"
sector = "chemicals"
[schedule]
days_per_year = 300
hours_per_day = "16 h"
[production]
product = "t"
output = "900 t/yr"
[finance]
discount_rate = "8 %"
horizon = "10 yr"
"#;
        let toml_out = to_current_form(text, SourceFormat::Toml).unwrap();
        assert!(
            toml_out.starts_with("format = \"cleanprod/1\"\n"),
            "{toml_out}"
        );
        let a = crate::Assessment::parse(text, SourceFormat::Toml).unwrap();
        let b = crate::Assessment::parse(&toml_out, SourceFormat::Toml).unwrap();
        assert_eq!(a.document(), b.document());
        // Idempotent.
        assert_eq!(
            to_current_form(&toml_out, SourceFormat::Toml).unwrap(),
            toml_out
        );
        let json_in = serde_json::to_string(&serde_json::json!({
            "format": "cleanprod/1",
            "currency": "USD",
            "site": {"name": "Mill", "sector": "chemicals"},
            "schedule": {"days_per_year": 300, "hours_per_day": "16 h"},
            "production": {"product": "t", "output": "900 t/yr"},
            "finance": {"discount_rate": "8 %", "horizon": "10 yr"},
        }))
        .unwrap();
        let json_out = to_current_form(&json_in, SourceFormat::Json).unwrap();
        assert!(json_out.starts_with("{\n  \"format\": \"cleanprod/1\","));
        let back: Value = serde_json::from_str(&json_out).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(&json_in).unwrap());
        // Errors keep their paths.
        let e = to_current_form(&text.replace("16 h", "16 kg"), SourceFormat::Toml).unwrap_err();
        assert_eq!(e.path(), "schedule.hours_per_day");
        let e = to_current_form(
            &text.replace("cleanprod/1", "cleanprod/7"),
            SourceFormat::Toml,
        )
        .unwrap_err();
        assert_eq!(e.code(), "unsupported_format");
    }
}
