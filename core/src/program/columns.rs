//! Rows as columns, for data frames: one column per field (nested fields by dotted name,
//! `per_year.water_m3`), a missing value as null.

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

/// One column of a table.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Column {
    /// The field's dotted name (`per_year.chemicals_t.toluene`).
    pub name: String,
    /// One value per row.
    pub values: Vec<Value>,
}

/// `rows` as columns, in the order of the fields of the first row that has them.
///
/// ```
/// #[derive(serde::Serialize)]
/// struct Row { a: f64, b: std::collections::BTreeMap<String, f64> }
/// let rows = [
///     Row { a: 1.0, b: [("x".to_string(), 2.0)].into() },
///     Row { a: 3.0, b: [("y".to_string(), 4.0)].into() },
/// ];
/// let c = cleanprod::program::columns(&rows);
/// let names: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
/// assert_eq!(names, ["a", "b.x", "b.y"]);
/// assert_eq!(c[2].values, [serde_json::Value::Null, 4.0.into()]);
/// ```
pub fn columns<T: Serialize>(rows: &[T]) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let mut cells = Vec::new();
        flatten(
            &serde_json::to_value(row).unwrap_or(Value::Null),
            "",
            &mut cells,
        );
        for (name, value) in cells {
            let column = match out.iter().position(|c| c.name == name) {
                Some(k) => &mut out[k],
                None => {
                    out.push(Column {
                        name,
                        values: Vec::with_capacity(rows.len()),
                    });
                    let last = out.len() - 1;
                    &mut out[last]
                }
            };
            column.values.resize(i, Value::Null);
            column.values.push(value);
        }
    }
    for c in &mut out {
        c.values.resize(rows.len(), Value::Null);
    }
    out
}

fn flatten(value: &Value, path: &str, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten(v, &p, out);
            }
        }
        Value::Object(_) => {}
        other => out.push((path.to_string(), other.clone())),
    }
}
