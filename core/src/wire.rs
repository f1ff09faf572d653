//! How values cross the document boundary: serde errors that keep the engine's structured
//! [`Error`] and its field path, JSON null refused in one place, and the macro for types
//! written as text.
//!
//! Below the units (which use it to report a bad value string) and above the error type.

use std::cell::RefCell;

use serde_json::Value;

use crate::error::{Error, Result, SourceFormat};

mod tracked;

pub(crate) use tracked::deserialize as deserialize_tracked;

/// Serialize a type as its `Display` text, deserialize it with its `parse` (whose error is a
/// [`crate::units::UnitProblem`]), and describe it in the JSON Schema as a string.
macro_rules! string_serde {
    ($ty:ty, $name:literal, $description:literal, $example:literal) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
                let s = <std::borrow::Cow<'_, str> as serde::Deserialize>::deserialize(deserializer)?;
                <$ty>::parse(&s).map_err(|p| $crate::wire::de_error($crate::Error::unit("", s.as_ref(), p)))
            }
        }

        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "description": $description, "examples": [$example] })
            }
        }
    };
}

pub(crate) use string_serde;

thread_local! {
    /// The structured error behind the last custom serde error raised on this thread.
    ///
    /// serde carries a custom error only as text. A value type that fails while being
    /// deserialized leaves its structured [`Error`] here; the loader takes it back, checks that
    /// its text is the message serde reports, and adds the field path that
    /// the tracking deserializer ([`tracked`]) noted. Deserialization is synchronous and our formats never
    /// retry a value after an error (no untagged enums), so the slot holds the error of the
    /// failure being reported.
    static PENDING: RefCell<Option<Error>> = const { RefCell::new(None) };
}

/// A serde error for `err`, keeping `err` for [`take_pending`].
pub(crate) fn de_error<E: serde::de::Error>(err: Error) -> E {
    let message = err.to_string();
    PENDING.with(|p| *p.borrow_mut() = Some(err));
    E::custom(message)
}

/// The structured error behind a serde error whose message is `message`, if there is one.
pub(crate) fn take_pending(message: &str) -> Option<Error> {
    PENDING
        .with(|p| p.borrow_mut().take())
        .filter(|e| e.to_string() == message)
}

/// The generic value of a document written in `format`, or its syntax error with line and
/// column.
pub(crate) fn value_from_text(text: &str, format: SourceFormat) -> Result<Value> {
    match format {
        SourceFormat::Json => serde_json::from_str(text).map_err(|e| Error::Syntax {
            format,
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        }),
        #[cfg(not(feature = "toml"))]
        SourceFormat::Toml => Err(crate::error::Error::no_toml()),
        #[cfg(feature = "toml")]
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
        }),
    }
}

/// A typed value from a generic one, with the engine's errors and field paths.
///
/// This is the one place where `null` is refused: a field may be absent, never null (a JSON
/// `null` usually comes from a NaN or an undefined value in the program that wrote it, and must
/// not silently mean "not given"). The types below therefore need no per-field rule.
pub(crate) fn typed<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T> {
    if has_null(value) {
        reject_nulls(value, &mut String::new())?;
    }
    tracked::deserialize(value).map_err(|e| name_unknown_keys(from_serde(e), value))
}

/// `err` with the map keys its path could not name (`ghg.?`: serde names no key that is not a
/// string type) found in `value`: the key under which the error's value is written.
fn name_unknown_keys(err: Error, value: &Value) -> Error {
    if !err.path().split('.').any(|s| s == "?") {
        return err;
    }
    let bad = err.value().map(str::to_string);
    let mut here = value;
    let mut named = Vec::new();
    for segment in err.path().split('.') {
        if segment == "?" {
            let Value::Object(map) = here else {
                return err;
            };
            // The key itself (an unknown choice of key), else the key holding the value; for
            // a value of the wrong type (no text to look for), the only key, or the first
            // whose value is not text (these maps hold unit strings).
            let found = match &bad {
                Some(bad) => map
                    .iter()
                    .find(|(k, _)| *k == bad)
                    .or_else(|| map.iter().find(|(_, v)| contains_text(v, bad))),
                None if map.len() == 1 => map.iter().next(),
                None => map.iter().find(|(_, v)| !v.is_string()),
            };
            let Some((key, v)) = found else {
                return err;
            };
            named.push(key.clone());
            here = v;
            continue;
        }
        named.push(segment.to_string());
        let (key, indices) = segment.split_once('[').unwrap_or((segment, ""));
        if !key.is_empty() {
            match here.get(key) {
                Some(v) => here = v,
                None => return err,
            }
        }
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            let i = index.trim_end_matches(']').parse::<usize>().ok();
            match i.and_then(|i| here.get(i)) {
                Some(v) => here = v,
                None => return err,
            }
        }
    }
    let path = named.join(".");
    err.with_path(path)
}

/// Whether `text` is written anywhere in `value`.
fn contains_text(value: &Value, text: &str) -> bool {
    match value {
        Value::String(s) => s == text,
        Value::Array(items) => items.iter().any(|v| contains_text(v, text)),
        Value::Object(map) => map.values().any(|v| contains_text(v, text)),
        _ => false,
    }
}

/// A typed value from the JSON form of a result the engine made (a simulation handed back by
/// a binding), where `null` is a figure that does not exist; errors name the field.
pub(crate) fn typed_result<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T> {
    tracked::deserialize(value).map_err(from_serde)
}

/// A value of any serde type from JSON text, with the same errors as documents.
pub(crate) fn typed_from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    typed(&value_from_text(text, SourceFormat::Json)?)
}

/// Whether `value` holds a `null` anywhere (the common answer, no, without building paths).
fn has_null(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.iter().any(has_null),
        Value::Object(map) => map.values().any(has_null),
        _ => false,
    }
}

/// The first `null` in `value`, as an error at its path (`schedule.batches_per_day`,
/// `options[2].capex`).
fn reject_nulls(value: &Value, path: &mut String) -> Result<()> {
    let len = path.len();
    match value {
        Value::Null => {
            return Err(Error::InvalidType {
                path: path.clone(),
                message: "null is not a value: leave the field out, or give a number with its unit"
                    .to_string(),
            });
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                reject_nulls(item, path)?;
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                reject_nulls(item, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

/// The JSON Schema of an input type: optional fields may be absent but are not nullable, as
/// [`typed`] refuses `null`.
pub(crate) fn input_schema<T: schemars::JsonSchema>() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(T)).unwrap_or(Value::Null);
    remove_null(&mut schema);
    schema
}

/// Take `null` out of every type, enum and alternative of a schema (how schemars describes an
/// `Option`).
pub(crate) fn remove_null(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".to_string(), only);
                }
            }
            if let Some(Value::Array(values)) = map.get_mut("enum") {
                values.retain(|v| !v.is_null());
            }
            for key in ["anyOf", "oneOf"] {
                let Some(Value::Array(alternatives)) = map.get_mut(key) else {
                    continue;
                };
                alternatives.retain(|a| {
                    a.get("type").is_none_or(|t| t != "null")
                        && a.get("const").is_none_or(|c| !c.is_null())
                });
                if let [only] = alternatives.as_slice()
                    && let Value::Object(inner) = only.clone()
                {
                    map.remove(key);
                    for (k, v) in inner {
                        map.entry(k).or_insert(v);
                    }
                }
            }
            for v in map.values_mut() {
                remove_null(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(remove_null),
        _ => {}
    }
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
fn from_serde(err: tracked::PathError) -> Error {
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
        // The tracking deserializer already records the unknown key in the path.
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
    Error::InvalidType {
        path,
        message: in_words(&message),
    }
}

/// serde's "expected u32" and the like in words a user of any language reads.
fn in_words(message: &str) -> String {
    let Some((head, expected)) = message.rsplit_once(", expected ") else {
        return message.to_string();
    };
    let words = match expected.trim() {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a boolean" | "bool" => "true or false",
        other => other,
    };
    format!("{head}, expected {words}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_type_names_become_words() {
        assert_eq!(
            in_words("invalid type: floating point `280.5`, expected u32"),
            "invalid type: floating point `280.5`, expected a whole number, 0 or more"
        );
        assert_eq!(
            in_words("invalid type: string \"x\", expected f64"),
            "invalid type: string \"x\", expected a number"
        );
        assert_eq!(in_words("no comma here"), "no comma here");
    }

    #[test]
    fn pending_is_taken_once_and_checked() {
        let e = Error::out_of_range("", "x", "is bad");
        let se: serde_json::Error = de_error(e.clone());
        assert_eq!(take_pending(&se.to_string()), Some(e.clone()));
        assert_eq!(take_pending(&se.to_string()), None);
        let _: serde_json::Error = de_error(e);
        assert_eq!(take_pending("another message"), None);
    }

    #[test]
    fn nulls_are_refused_with_their_path() {
        let v = serde_json::json!({ "a": { "b": [1, { "c": null }] } });
        let e = typed::<Value>(&v).unwrap_err();
        assert_eq!(e.path(), "a.b[1].c");
        assert_eq!(e.code(), "invalid_type");
        assert!(e.to_string().contains("null"));
        let e = typed::<Value>(&Value::Null).unwrap_err();
        assert_eq!(e.path(), "");
    }

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
