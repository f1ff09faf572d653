//! A deserializer over a [`serde_json::Value`] that records the path of the value an error
//! comes from (`template.hotel.showers.flow`, `options[2].capex`, `ghg.?`).
//!
//! It gives the errors and paths `serde_path_to_error` gives over `serde_json`'s own value
//! deserializer, in one layer: the same calls on the visitors, the same messages (serde's and
//! `serde_json`'s words), the same path (the innermost value that failed; a map key that is not
//! read as text, such as an enum, is `?`; `.` for the root). Tracking in the deserializer itself
//! rather than around every visitor keeps one instantiation of each type's visitor: the
//! wrappers were a fifth of the engine's wasm module.
//!
//! Map keys are read as `serde_json` reads them, except that a key read as a number (a map with
//! numeric keys) is read as text: no type of the engine's documents and results has one.

use std::cell::Cell;

use serde::de::{
    self, DeserializeSeed, Deserializer, Error as _, IntoDeserializer, Unexpected, Visitor,
};
use serde_json::{Map, Number, Value};

type JsonError = serde_json::Error;

/// A serde error with the path of the value it comes from.
pub(crate) struct PathError {
    path: String,
    inner: JsonError,
}

impl PathError {
    /// The path of the failing value, `.` for the document itself (as `serde_path_to_error`
    /// writes it).
    pub(crate) fn path(&self) -> &str {
        &self.path
    }

    /// The serde error.
    pub(crate) fn inner(&self) -> &JsonError {
        &self.inner
    }

    /// The serde error, taken.
    pub(crate) fn into_inner(self) -> JsonError {
        self.inner
    }
}

/// `T` from `value`, with the path of the value an error comes from.
pub(crate) fn deserialize<'de, T: de::Deserialize<'de>>(value: &'de Value) -> Result<T, PathError> {
    let track = Track::default();
    T::deserialize(ValueDe {
        value,
        chain: Chain::Root,
        track: &track,
    })
    .map_err(|inner| PathError {
        path: track.path.take().unwrap_or_else(|| ".".to_string()),
        inner,
    })
}

/// Where a value sits: a linked list through the stack of the values being read.
#[derive(Clone, Copy)]
enum Chain<'a> {
    Root,
    /// A map's value by its key, a struct's field, an enum's variant.
    Key {
        parent: &'a Chain<'a>,
        key: &'a str,
    },
    /// A map's value under a key not read as text.
    Unknown {
        parent: &'a Chain<'a>,
    },
    /// An item of a sequence.
    Seq {
        parent: &'a Chain<'a>,
        index: usize,
    },
}

impl Chain<'_> {
    /// The path written out: keys joined by `.`, indices as `[i]`, `.` when empty.
    fn path(&self) -> String {
        let mut segments = Vec::new();
        let mut at = self;
        loop {
            match at {
                Chain::Root => break,
                Chain::Key { parent, key } => {
                    segments.push((*key).to_string());
                    at = parent;
                }
                Chain::Unknown { parent } => {
                    segments.push("?".to_string());
                    at = parent;
                }
                Chain::Seq { parent, index } => {
                    segments.push(format!("[{index}]"));
                    at = parent;
                }
            }
        }
        if segments.is_empty() {
            return ".".to_string();
        }
        let mut out = String::new();
        for segment in segments.iter().rev() {
            if !out.is_empty() && !segment.starts_with('[') {
                out.push('.');
            }
            out.push_str(segment);
        }
        out
    }
}

/// The path of the first (innermost) failure.
#[derive(Default)]
struct Track {
    path: Cell<Option<String>>,
}

impl Track {
    /// `err`, noting `chain` as its path unless a deeper one is noted.
    fn trigger<E>(&self, chain: &Chain<'_>, err: E) -> E {
        self.note(chain);
        err
    }

    #[inline(never)]
    fn note(&self, chain: &Chain<'_>) {
        let path = self.path.take().unwrap_or_else(|| chain.path());
        self.path.set(Some(path));
    }
}

/// What serde calls a JSON value in its messages.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => number_unexpected(n),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn number_unexpected(n: &Number) -> Unexpected<'static> {
    if let Some(u) = n.as_u64() {
        Unexpected::Unsigned(u)
    } else if let Some(i) = n.as_i64() {
        Unexpected::Signed(i)
    } else {
        Unexpected::Float(n.as_f64().unwrap_or(f64::NAN))
    }
}

fn visit_number<'de, V: Visitor<'de>>(n: &Number, visitor: V) -> Result<V::Value, JsonError> {
    if let Some(u) = n.as_u64() {
        visitor.visit_u64(u)
    } else if let Some(i) = n.as_i64() {
        visitor.visit_i64(i)
    } else {
        visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// A value being read, at its place in the document. Its errors get their path where the value
/// was asked for ([`read_seed`], or the root): the value's own place.
struct ValueDe<'a, 'de> {
    value: &'de Value,
    chain: Chain<'a>,
    track: &'a Track,
}

/// The error of `value` given where `expected` was.
#[inline(never)]
fn invalid_type(value: &Value, expected: &dyn de::Expected) -> JsonError {
    JsonError::invalid_type(unexpected(value), expected)
}

fn visit_array<'a, 'de, V: Visitor<'de>>(
    items: &'de [Value],
    chain: &Chain<'a>,
    track: &'a Track,
    visitor: V,
) -> Result<V::Value, JsonError> {
    let len = items.len();
    let mut seq = SeqDe {
        items: items.iter(),
        index: 0,
        chain,
        track,
    };
    let out = visitor.visit_seq(&mut seq)?;
    if seq.items.len() == 0 {
        Ok(out)
    } else {
        Err(JsonError::invalid_length(len, &"fewer elements in array"))
    }
}

fn visit_object<'a, 'de, V: Visitor<'de>>(
    map: &'de Map<String, Value>,
    chain: &Chain<'a>,
    track: &'a Track,
    visitor: V,
) -> Result<V::Value, JsonError> {
    let len = map.len();
    let mut access = MapDe {
        entries: map.iter(),
        value: None,
        chain,
        track,
    };
    let out = visitor.visit_map(&mut access)?;
    if access.entries.len() == 0 {
        Ok(out)
    } else {
        Err(JsonError::invalid_length(len, &"fewer elements in map"))
    }
}

macro_rules! numbers {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
            match self.value {
                Value::Number(n) => visit_number(n, visitor),
                other => Err(invalid_type(other, &visitor)),
            }
        })*
    };
}

/// Deserializer methods that read as another one does (`char` as `str`, a tuple as a
/// sequence), their extra arguments ignored.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*) => $to:ident;)*) => {
        $(fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, JsonError> {
            self.$to(visitor)
        })*
    };
}

impl<'de> Deserializer<'de> for ValueDe<'_, 'de> {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => visit_number(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visit_array(items, &self.chain, self.track, visitor),
            Value::Object(map) => visit_object(map, &self.chain, self.track, visitor),
        }
    }

    numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(*b),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.value {
            Value::Array(items) => visit_array(items, &self.chain, self.track, visitor),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.value {
            Value::Object(map) => visit_object(map, &self.chain, self.track, visitor),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        // Tables only: `serde_json` also reads a struct from an array of its fields in order,
        // which no document means, and which would compile a second reader (`visit_seq`) for
        // every struct into the module.
        match self.value {
            Value::Object(map) => visit_object(map, &self.chain, self.track, visitor),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        let (variant, value) = match self.value {
            Value::Object(map) => {
                let mut entries = map.iter();
                let single = "map with a single key";
                let Some((variant, value)) = entries.next() else {
                    return Err(JsonError::invalid_value(Unexpected::Map, &single));
                };
                if entries.next().is_some() {
                    return Err(JsonError::invalid_value(Unexpected::Map, &single));
                }
                (variant, Some(value))
            }
            Value::String(variant) => (variant, None),
            other => return Err(invalid_type(other, &"string or map")),
        };
        visitor.visit_enum(EnumDe {
            variant,
            value,
            chain: &self.chain,
            track: self.track,
        })
    }

    forward! {
        deserialize_char() => deserialize_str;
        deserialize_string() => deserialize_str;
        deserialize_bytes() => deserialize_str;
        deserialize_byte_buf() => deserialize_str;
        deserialize_identifier() => deserialize_str;
        deserialize_unit_struct(_name: &'static str) => deserialize_unit;
        deserialize_tuple(_len: usize) => deserialize_seq;
        deserialize_tuple_struct(_name: &'static str, _len: usize) => deserialize_seq;
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        visitor.visit_unit()
    }
}

/// `seed` read from `value` at `chain`, noting the path on an error.
fn read_seed<'a, 'de, S: DeserializeSeed<'de>>(
    seed: S,
    value: &'de Value,
    chain: Chain<'a>,
    track: &'a Track,
) -> Result<S::Value, JsonError> {
    seed.deserialize(ValueDe {
        value,
        chain,
        track,
    })
    .map_err(|e| track.trigger(&chain, e))
}

/// The items of a sequence, each at its index.
struct SeqDe<'a, 'c, 'de> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
    chain: &'c Chain<'a>,
    track: &'a Track,
}

impl<'de> de::SeqAccess<'de> for SeqDe<'_, '_, 'de> {
    type Error = JsonError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, JsonError> {
        let index = self.index;
        self.index += 1;
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let chain = Chain::Seq {
            parent: self.chain,
            index,
        };
        read_seed(seed, value, chain, self.track).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        match self.items.size_hint() {
            (lower, Some(upper)) if lower == upper => Some(upper),
            _ => None,
        }
    }
}

/// The entries of a map, each value at its key (or at `?` when its key was not read as text).
struct MapDe<'a, 'c, 'de> {
    entries: serde_json::map::Iter<'de>,
    /// The value of the key just read, and that key if it was read as text.
    value: Option<(&'de Value, Option<&'de str>)>,
    chain: &'c Chain<'a>,
    track: &'a Track,
}

impl<'de> de::MapAccess<'de> for MapDe<'_, '_, 'de> {
    type Error = JsonError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, JsonError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        let as_text = Cell::new(false);
        let read = seed.deserialize(KeyDe {
            key,
            as_text: Some(&as_text),
        });
        let key = as_text.get().then_some(key.as_str());
        self.value = Some((value, key));
        read.map(Some).map_err(|e| {
            let chain = match key {
                Some(key) => Chain::Key {
                    parent: self.chain,
                    key,
                },
                None => Chain::Unknown { parent: self.chain },
            };
            self.track.trigger(&chain, e)
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, JsonError> {
        let Some((value, key)) = self.value.take() else {
            return Err(JsonError::custom("value is missing"));
        };
        let chain = match key {
            Some(key) => Chain::Key {
                parent: self.chain,
                key,
            },
            None => Chain::Unknown { parent: self.chain },
        };
        read_seed(seed, value, chain, self.track)
    }

    fn size_hint(&self) -> Option<usize> {
        match self.entries.size_hint() {
            (lower, Some(upper)) if lower == upper => Some(upper),
            _ => None,
        }
    }
}

/// A map key, read as `serde_json` reads keys; `as_text` notes whether the key's visitor was
/// given it as text (a string, a boolean), which makes it part of a path.
struct KeyDe<'de, 'f> {
    key: &'de str,
    as_text: Option<&'f Cell<bool>>,
}

impl KeyDe<'_, '_> {
    fn noted(&self) {
        if let Some(cell) = self.as_text {
            cell.set(true);
        }
    }
}

impl<'de> Deserializer<'de> for KeyDe<'de, '_> {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.noted();
        visitor.visit_borrowed_str(self.key)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.key {
            "true" | "false" => {
                self.noted();
                visitor.visit_bool(self.key == "true")
            }
            _ => Err(JsonError::invalid_type(Unexpected::Str(self.key), &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        visitor.visit_some(KeyDe {
            key: self.key,
            as_text: None,
        })
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        visitor.visit_newtype_struct(KeyDe {
            key: self.key,
            as_text: None,
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        let text: de::value::StrDeserializer<'_, JsonError> = self.key.into_deserializer();
        text.deserialize_enum(name, variants, visitor)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// An enum's variant (a map's single key, or a string) and its value.
struct EnumDe<'a, 'c, 'de> {
    variant: &'de str,
    value: Option<&'de Value>,
    chain: &'c Chain<'a>,
    track: &'a Track,
}

impl<'a, 'c, 'de> de::EnumAccess<'de> for EnumDe<'a, 'c, 'de> {
    type Error = JsonError;
    type Variant = VariantDe<'a, 'c, 'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), JsonError> {
        let text: de::value::StrDeserializer<'_, JsonError> = self.variant.into_deserializer();
        // An unknown variant is the enum value's error: noted where the value was asked for.
        let variant = seed.deserialize(text)?;
        Ok((
            variant,
            VariantDe {
                variant: self.variant,
                value: self.value,
                parent: self.chain,
                track: self.track,
            },
        ))
    }
}

/// The value of an enum's variant, at the variant's name.
struct VariantDe<'a, 'c, 'de> {
    variant: &'de str,
    value: Option<&'de Value>,
    parent: &'c Chain<'a>,
    track: &'a Track,
}

impl<'de> de::VariantAccess<'de> for VariantDe<'_, '_, 'de> {
    type Error = JsonError;

    fn unit_variant(self) -> Result<(), JsonError> {
        let chain = Chain::Key {
            parent: self.parent,
            key: self.variant,
        };
        // `serde_json` reads the value of a unit variant written as a map as `()`.
        match self.value {
            None | Some(Value::Null) => Ok(()),
            Some(other) => Err(self
                .track
                .trigger(&chain, JsonError::invalid_type(unexpected(other), &"unit"))),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, JsonError> {
        let chain = Chain::Key {
            parent: self.parent,
            key: self.variant,
        };
        match self.value {
            Some(value) => read_seed(seed, value, chain, self.track),
            None => Err(self.track.trigger(
                &chain,
                JsonError::invalid_type(Unexpected::UnitVariant, &"newtype variant"),
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        let chain = Chain::Key {
            parent: self.parent,
            key: self.variant,
        };
        let track = self.track;
        match self.value {
            Some(Value::Array(items)) if items.is_empty() => visitor.visit_unit(),
            Some(Value::Array(items)) => visit_array(items, &chain, track, visitor),
            Some(other) => Err(invalid_type(other, &"tuple variant")),
            None => Err(JsonError::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
        .map_err(|e| track.trigger(&chain, e))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        let chain = Chain::Key {
            parent: self.parent,
            key: self.variant,
        };
        let track = self.track;
        match self.value {
            Some(Value::Object(map)) => visit_object(map, &chain, track, visitor),
            Some(other) => Err(JsonError::invalid_type(
                unexpected(other),
                &"struct variant",
            )),
            None => Err(JsonError::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
        .map_err(|e| track.trigger(&chain, e))
    }
}

#[cfg(test)]
mod tests {
    //! The tracking deserializer against `serde_path_to_error` over `serde_json`'s value
    //! deserializer (what it replaces): the same value or the same error message and path, for
    //! the examples' documents and every one-place corruption of them.
    use super::*;
    use crate::document::Document;

    /// A reading: the value's debug text, or the error's path and message.
    type Reading = Result<String, (String, String)>;

    /// Both readers of `value` as `T`: ours, then `serde_path_to_error`'s.
    fn both<T: de::DeserializeOwned + std::fmt::Debug>(value: &Value) -> (Reading, Reading) {
        let ours = deserialize::<T>(value)
            .map(|t| format!("{t:?}"))
            .map_err(|e| (e.path().to_string(), e.inner().to_string()));
        let reference = serde_path_to_error::deserialize::<_, T>(value)
            .map(|t| format!("{t:?}"))
            .map_err(|e| (e.path().to_string(), e.inner().to_string()));
        (ours, reference)
    }

    /// Every value obtained by corrupting one place of `value`: each leaf and table replaced by
    /// values of other types, each table given an unknown key and missing each key, each array
    /// given a stray item.
    fn corruptions(value: &Value) -> Vec<Value> {
        let replacements = [
            Value::Null,
            Value::Bool(true),
            serde_json::json!(-3),
            serde_json::json!(7),
            serde_json::json!(2.5),
            serde_json::json!("nonsense"),
            serde_json::json!("12 kg"),
            serde_json::json!([1, "a"]),
            serde_json::json!([]),
            serde_json::json!({ "zz_unknown": 1 }),
            serde_json::json!({}),
        ];
        let mut out = Vec::new();
        for r in &replacements {
            out.push(r.clone());
        }
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    for inner in corruptions(v) {
                        let mut m = map.clone();
                        m.insert(key.clone(), inner);
                        out.push(Value::Object(m));
                    }
                    let mut m = map.clone();
                    m.remove(key);
                    out.push(Value::Object(m));
                }
                let mut m = map.clone();
                m.insert("zz_unknown".into(), serde_json::json!("1 m3"));
                out.push(Value::Object(m));
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    for inner in corruptions(v) {
                        let mut a = items.clone();
                        a[i] = inner;
                        out.push(Value::Array(a));
                    }
                }
                let mut a = items.clone();
                a.push(serde_json::json!({ "zz": true }));
                out.push(Value::Array(a));
            }
            _ => {}
        }
        out
    }

    #[test]
    fn same_values_errors_and_paths_as_serde_path_to_error() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        assert!(files.len() >= 5, "{files:?}");
        let (mut checked, mut failed, mut arrays) = (0, 0, 0);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let value: Value = toml::from_str(&text).unwrap();
            for v in std::iter::once(value.clone()).chain(corruptions(&value)) {
                let (ours, reference) = both::<Document>(&v);
                checked += 1;
                failed += usize::from(reference.is_err());
                // The one difference by design: a struct is read from a table only, where
                // `serde_json` also takes an array of its fields.
                if let Err((path, message)) = &ours {
                    if message.starts_with("invalid type: sequence, expected struct") {
                        assert!(at(&v, path).is_some_and(Value::is_array), "{path}: {v}");
                        arrays += 1;
                        continue;
                    }
                }
                assert_eq!(ours, reference, "{}: {v}", file.display());
            }
        }
        // Most corruptions fail, with paths of every kind.
        assert!(checked > 1000 && failed > checked / 2, "{checked} {failed}");
        assert!(arrays > 0 && arrays < checked / 4, "{arrays} of {checked}");
    }

    /// The value at a path of the form `a.b[2].c`.
    fn at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
        let mut v = value;
        for part in path.split('.') {
            let (key, indices) = part.split_once('[').map_or((part, ""), |(k, i)| (k, i));
            if !key.is_empty() {
                v = v.get(key)?;
            }
            for index in indices.split('[').filter(|i| !i.is_empty()) {
                v = v.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
            }
        }
        Some(v)
    }

    #[test]
    fn paths_of_each_kind() {
        let doc = serde_json::json!({ "a": [{ "b": 1 }] });
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct B {
            b: String,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct A {
            a: Vec<B>,
        }
        let e = deserialize::<A>(&doc).unwrap_err();
        assert_eq!(e.path(), "a[0].b");
        assert_eq!(
            e.inner().to_string(),
            "invalid type: integer `1`, expected a string"
        );
        let e = deserialize::<A>(&serde_json::json!(3)).unwrap_err();
        assert_eq!(e.path(), ".");
        #[derive(Debug, serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
        #[serde(rename_all = "snake_case")]
        enum K {
            Water,
        }
        let e =
            deserialize::<std::collections::BTreeMap<K, u32>>(&serde_json::json!({ "water": "x" }))
                .unwrap_err();
        assert_eq!(e.path(), "?");
        assert_eq!(
            both::<std::collections::BTreeMap<K, u32>>(&serde_json::json!({ "fire": 1 })).0,
            both::<std::collections::BTreeMap<K, u32>>(&serde_json::json!({ "fire": 1 })).1
        );
    }
}
