//! Reading a document: text → generic value → migration → typed document → validation.

use serde_json::Value;

use super::{Document, Limits, SourceFormat, migrate};
use crate::error::Result;

/// Parse a document written in `format` within `limits` (not yet validated).
pub(crate) fn from_text_with(
    text: &str,
    format: SourceFormat,
    limits: &Limits,
) -> Result<Document> {
    current_form(text, format, limits).map(|(_, document)| document)
}

/// Migrate and type a document given as a generic value (a JSON object, a Python dict or a JS
/// object converted to one) within `limits`; not yet validated.
pub(crate) fn from_value_with(value: Value, limits: &Limits) -> Result<Document> {
    migrated(value, limits).map(|(_, document)| document)
}

/// The generic value of a document written in `format`, migrated to the current version, and
/// the document it types as, within `limits`; not yet validated.
pub(crate) fn current_form(
    text: &str,
    format: SourceFormat,
    limits: &Limits,
) -> Result<(Value, Document)> {
    limits.check_text(text)?;
    migrated(crate::wire::value_from_text(text, format)?, limits)
}

fn migrated(mut value: Value, limits: &Limits) -> Result<(Value, Document)> {
    limits.check_value(&value)?;
    limits.check_counts(&value)?;
    migrate::migrate(&mut value)?;
    let document: Document = crate::wire::typed(&value)?;
    limits.check_document(&document)?;
    Ok((value, document))
}
