//! Reading a document: text → generic value → migration → typed document → validation.

use serde_json::Value;

use super::{Document, SourceFormat, version};
use crate::error::Result;

/// Parse a document written in `format` (not yet validated).
pub(crate) fn from_text(text: &str, format: SourceFormat) -> Result<Document> {
    from_value(crate::wire::value_from_text(text, format)?)
}

/// Migrate and type a document given as a generic value (a JSON object, a Python dict or a JS
/// object converted to one); not yet validated.
pub(crate) fn from_value(mut value: Value) -> Result<Document> {
    version::migrate(&mut value)?;
    crate::wire::typed(&value)
}
