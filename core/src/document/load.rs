//! Reading a document: text → generic value → migration → typed document → validation.

use serde_json::Value;

use super::{Document, Limits, SourceFormat, version};
use crate::error::Result;

/// Parse a document written in `format` within `limits` (not yet validated).
pub(crate) fn from_text_with(
    text: &str,
    format: SourceFormat,
    limits: &Limits,
) -> Result<Document> {
    limits.check_text(text)?;
    from_value_with(crate::wire::value_from_text(text, format)?, limits)
}

/// Migrate and type a document given as a generic value (a JSON object, a Python dict or a JS
/// object converted to one) within `limits`; not yet validated.
pub(crate) fn from_value_with(mut value: Value, limits: &Limits) -> Result<Document> {
    limits.check_value(&value)?;
    version::migrate(&mut value)?;
    let document: Document = crate::wire::typed(&value)?;
    limits.check_document(&document)?;
    Ok(document)
}
