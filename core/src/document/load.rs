//! Reading a document: text → generic value → migration → typed document → validation.

use serde_json::Value;

use super::{Document, SourceFormat, version};
use crate::error::{Error, Result, take_pending};

/// Parse and validate a document written in `format`.
pub(crate) fn from_text(text: &str, format: SourceFormat) -> Result<Document> {
    let value: Value = match format {
        SourceFormat::Json => serde_json::from_str(text).map_err(|e| Error::Syntax {
            format,
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?,
        SourceFormat::Toml => toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|s| line_column(text, s.start))
                .unwrap_or((0, 0));
            Error::Syntax {
                format,
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })?,
    };
    from_value(value)
}

/// Migrate, type and validate a document given as a generic value (a JSON object, a Python
/// dict or a JS object converted to one).
pub(crate) fn from_value(mut value: Value) -> Result<Document> {
    version::migrate(&mut value)?;
    let doc: Document = serde_path_to_error::deserialize(&value).map_err(from_serde)?;
    doc.validate()?;
    Ok(doc)
}

/// A value of any serde type from JSON text, with the same errors (syntax with its position,
/// field paths) as documents.
pub(crate) fn typed_from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    let value: Value = serde_json::from_str(text).map_err(|e| Error::Syntax {
        format: SourceFormat::Json,
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    serde_path_to_error::deserialize(&value).map_err(from_serde)
}

/// serde_json appends " at line L column C" to its messages.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn join(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_string()
    } else {
        format!("{parent}.{field}")
    }
}

/// The text between the first pair of backticks after `prefix`.
fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = message.strip_prefix(prefix)?;
    let rest = rest.strip_prefix('`')?;
    rest.split('`').next()
}

/// A structured error from a serde error at a tracked path.
fn from_serde(err: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = err.path().to_string();
    let path = if path == "." { String::new() } else { path };
    let message = err.into_inner().to_string();
    if let Some(e) = take_pending(&message) {
        return e.with_path(path);
    }
    if let Some(field) = quoted_after(&message, "missing field ") {
        return Error::MissingField {
            path: join(&path, field),
        };
    }
    if let Some(field) = quoted_after(&message, "unknown field ") {
        let expected = message
            .split_once(", expected ")
            .map(|(_, e)| format!("; expected {}", e.replace('`', "")))
            .unwrap_or_default();
        // serde_path_to_error already records the unknown key in the path.
        let path = if path.ends_with(field) {
            path.clone()
        } else {
            join(&path, field)
        };
        return Error::UnknownField {
            path,
            field: field.to_string(),
            expected,
        };
    }
    if let Some(value) = quoted_after(&message, "unknown variant ") {
        let expected = message
            .split_once(", expected ")
            .map(|(_, e)| e.trim_start_matches("one of ").replace('`', ""))
            .unwrap_or_default();
        return Error::UnknownVariant {
            path,
            value: value.to_string(),
            expected,
        };
    }
    Error::InvalidType { path, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        assert_eq!(line_column("ab\ncd", 4), (2, 2));
        assert_eq!(line_column("ab", 0), (1, 1));
        assert_eq!(
            strip_position("EOF while parsing at line 3 column 1"),
            "EOF while parsing"
        );
    }
}
