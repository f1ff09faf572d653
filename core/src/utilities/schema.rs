//! The calculators' JSON Schemas (feature `schema`, on by default): each one's input and
//! result schema, its input fields, the schema of the whole registry, and results in SI read
//! with the result's schema. Generated at run time by schemars; a build without the feature
//! (the embeddable calculator's wasm module) runs the calculators without any of this.

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::{Boundary, CALCULATORS, Calculator, calculator, names};
use crate::error::{Error, Result};
use crate::units::Dimension;

impl Calculator {
    /// The JSON Schema of the input.
    pub fn input_schema(&self) -> Value {
        (self.schema)()
    }

    /// The JSON Schema of the result: quantities are strings with units, each a reference to
    /// the definition of its dimension (`#/$defs/MassRate`).
    pub fn result_schema(&self) -> Value {
        (self.result_schema)()
    }

    /// The input's fields in schema order: name, whether required, kind of value, description.
    pub fn fields(&self) -> Vec<Field> {
        let schema = self.input_schema();
        let empty = serde_json::Map::new();
        let defs = schema
            .get("$defs")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            return Vec::new();
        };
        properties
            .iter()
            .map(|(name, p)| {
                let (target, def) = resolve(defs, p);
                let kind = if let Some(d) = def.and_then(dimension_of_definition) {
                    FieldKind::Quantity(d)
                } else if let Some(values) = target.get("enum").and_then(Value::as_array) {
                    FieldKind::Choice(
                        values
                            .iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect(),
                    )
                } else if let Some(values) = target.get("oneOf").and_then(Value::as_array) {
                    FieldKind::Choice(
                        values
                            .iter()
                            .filter_map(|v| v.get("const").and_then(Value::as_str))
                            .map(str::to_string)
                            .collect(),
                    )
                } else if target.get("type").and_then(Value::as_str) == Some("string") {
                    FieldKind::Text
                } else {
                    FieldKind::Number
                };
                Field {
                    name: name.clone(),
                    required: required.contains(&name.as_str()),
                    kind,
                    description: p
                        .get("description")
                        .or_else(|| target.get("description"))
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string(),
                }
            })
            .collect()
    }
}

/// One field of a calculator's input, for a binding that lists or generates arguments.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Field {
    /// Snake-case name, the key of the input object.
    pub name: String,
    /// Whether the field must be given.
    pub required: bool,
    /// What the field holds.
    pub kind: FieldKind,
    /// What it means, from the input's documentation.
    pub description: String,
}

/// The kind of value an input field holds.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", content = "of", rename_all = "snake_case")]
pub enum FieldKind {
    /// A string with a unit of this dimension.
    Quantity(Dimension),
    /// A plain number (a count).
    Number,
    /// One of these names.
    Choice(Vec<String>),
    /// Other text.
    Text,
}

pub(super) fn schema_of<T: JsonSchema>() -> Value {
    crate::wire::input_schema::<T>()
}

pub(super) fn subschemas_of<I: Boundary>(
    generator: &mut schemars::SchemaGenerator,
) -> (schemars::Schema, schemars::Schema) {
    (
        generator.subschema_for::<I>(),
        generator.subschema_for::<I::Output>(),
    )
}

/// The JSON Schema of every calculator's input and result, with shared definitions: the
/// root's `inputs` and `results` map each calculator's name to its input and result types
/// (`inputs.steam_leak` is `#/$defs/SteamLeakInput`). Optional fields may be absent but are
/// never `null`.
pub fn schema() -> Value {
    let mut generator = schemars::SchemaGenerator::default();
    let mut inputs = serde_json::Map::new();
    let mut results = serde_json::Map::new();
    for c in CALCULATORS {
        let (input, result) = (c.subschemas)(&mut generator);
        inputs.insert(c.name.to_string(), input.to_value());
        results.insert(c.name.to_string(), result.to_value());
    }
    let names: Vec<Value> = names().into_iter().map(Value::from).collect();
    let group = |properties, what: &str| {
        serde_json::json!({
            "description": what,
            "type": "object",
            "properties": properties,
            "required": names,
            "additionalProperties": false,
        })
    };
    let mut root = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "cleanprod utilities",
        "description": "The input and the result of every calculator of cleanprod.utilities, by name.",
        "type": "object",
        "properties": {
            "inputs": group(inputs, "The input of each calculator: physical values are strings with units."),
            "results": group(results, "The result of each calculator: quantities are strings with units."),
        },
        "required": ["inputs", "results"],
        "additionalProperties": false,
        "$defs": generator.take_definitions(true),
    });
    crate::wire::remove_null(&mut root);
    root
}

// ---------------------------------------------------------------------------------------------
// Results in SI.

/// A quantity of a calculator's result, in SI.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Quantity {
    /// Where it is in the result: a field name, or names joined by `.` (`high.pressure`).
    pub path: String,
    /// The value in the coherent SI unit of its dimension (kelvin for temperatures, a fraction
    /// for ratios).
    pub value: f64,
    /// That unit (`"kg/s"`; empty for a ratio).
    pub unit: String,
    /// The dimension.
    pub dimension: Dimension,
}

/// The quantities of `result`, a result of the calculator `name` (its quantities strings with
/// units), in SI with their dimensions, in the order of the result's fields. The dimension of
/// each field comes from the result's schema; its string is read by [`crate::units::to_si`].
///
/// ```
/// use cleanprod::utilities::{calculate, quantities};
/// let input = serde_json::json!({"pressure": "150 psig", "orifice": "1/8 in"});
/// let out = calculate("steam_trap", input).unwrap();
/// let q = quantities("steam_trap", &out).unwrap();
/// let rate = q.iter().find(|q| q.path == "mass_rate").unwrap();
/// assert_eq!((rate.unit.as_str(), rate.dimension.key()), ("kg/s", "mass_rate"));
/// assert!((rate.value * 3600.0 / 0.453_592_37 - 75.8).abs() < 0.1);
/// ```
pub fn quantities(name: &str, result: &Value) -> Result<Vec<Quantity>> {
    let mut copy = result.clone();
    let mut out = Vec::new();
    walk_si(name, &mut copy, &mut out)?;
    Ok(out)
}

/// `result`, a result of the calculator `name`, with each quantity replaced by its SI value
/// (see [`quantities`]); other fields are kept as they are.
pub fn result_in_si(name: &str, result: &Value) -> Result<Value> {
    let mut copy = result.clone();
    walk_si(name, &mut copy, &mut Vec::new())?;
    Ok(copy)
}

fn walk_si(name: &str, result: &mut Value, out: &mut Vec<Quantity>) -> Result<()> {
    let schema = calculator(name)?.result_schema();
    let empty = serde_json::Map::new();
    let defs = schema
        .get("$defs")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut path = String::new();
    in_si(defs, &schema, result, &mut path, out)
}

/// The schema `schema` refers to (through `$ref`s into `defs`), and the name of the last
/// definition followed.
fn resolve<'a>(
    defs: &'a serde_json::Map<String, Value>,
    mut schema: &'a Value,
) -> (&'a Value, Option<&'a str>) {
    let mut name = None;
    // Bounded: a definition that refers to itself stops after a few steps.
    for _ in 0..16 {
        let Some(target) = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        else {
            break;
        };
        match defs.get_key_value(target) {
            Some((key, next)) => {
                name = Some(key.as_str());
                schema = next;
            }
            None => break,
        }
    }
    (schema, name)
}

/// The dimension whose quantities a definition of this name holds.
fn dimension_of_definition(name: &str) -> Option<Dimension> {
    Dimension::ALL
        .into_iter()
        .find(|d| crate::units::schema_name(*d) == name)
}

/// The schema of the property `key` of an object of schema `schema` (looked for in its
/// alternatives too, for a tagged enum).
fn property<'a>(
    defs: &'a serde_json::Map<String, Value>,
    schema: &'a Value,
    key: &str,
    depth: usize,
) -> Option<&'a Value> {
    let (schema, _) = resolve(defs, schema);
    if let Some(p) = schema.get("properties").and_then(|p| p.get(key)) {
        return Some(p);
    }
    if depth > 8 {
        return None;
    }
    ["anyOf", "oneOf", "allOf"]
        .iter()
        .filter_map(|k| schema.get(*k).and_then(Value::as_array))
        .flatten()
        .find_map(|alt| property(defs, alt, key, depth + 1))
}

fn in_si(
    defs: &serde_json::Map<String, Value>,
    schema: &Value,
    value: &mut Value,
    path: &mut String,
    out: &mut Vec<Quantity>,
) -> Result<()> {
    let (target, name) = resolve(defs, schema);
    if let Some(dimension) = name.and_then(dimension_of_definition) {
        let Value::String(text) = value else {
            return Err(Error::InvalidType {
                path: path.clone(),
                message: format!(
                    "expected a {} with its unit as a string, such as \"{}\"",
                    dimension.name(),
                    dimension.example()
                ),
            });
        };
        let si = crate::units::to_si(text, dimension)
            .map_err(|p| Error::unit(path.clone(), text.clone(), p))?;
        out.push(Quantity {
            path: path.clone(),
            value: si,
            unit: dimension.si_unit().to_string(),
            dimension,
        });
        *value = Value::from(si);
        return Ok(());
    }
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                let Some(p) = property(defs, target, key, 0) else {
                    continue;
                };
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                in_si(defs, p, item, path, out)?;
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            if let Some(p) = target.get("items") {
                for (i, item) in items.iter_mut().enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{i}]"));
                    in_si(defs, p, item, path, out)?;
                    path.truncate(len);
                }
            }
        }
        _ => {}
    }
    Ok(())
}
