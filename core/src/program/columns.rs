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

/// `rows` as columns, in the order of the fields (a field first met in a later row after
/// those before it).
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
        // Read back from the text, which keeps the fields in their order (a JSON value sorts
        // them).
        let node = serde_json::to_string(row)
            .ok()
            .and_then(|t| serde_json::from_str::<Node>(&t).ok())
            .unwrap_or(Node::Leaf(Value::Null));
        flatten(node, "", &mut cells);
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

/// A JSON value whose objects keep their keys in the order written.
enum Node {
    Leaf(Value),
    Object(Vec<(String, Node)>),
}

impl<'de> serde::Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> serde::de::Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Leaf(v.into()))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Leaf(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Leaf(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Leaf(v.into()))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Leaf(v.into()))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Leaf(Value::Null))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element::<Value>()? {
            items.push(v);
        }
        Ok(Node::Leaf(Value::Array(items)))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut fields = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Node>()? {
            fields.push((k, v));
        }
        Ok(Node::Object(fields))
    }
}

fn flatten(node: Node, path: &str, out: &mut Vec<(String, Value)>) {
    match node {
        Node::Object(fields) => {
            for (k, v) in fields {
                let p = if path.is_empty() {
                    k
                } else {
                    format!("{path}.{k}")
                };
                flatten(v, &p, out);
            }
        }
        Node::Leaf(v) => out.push((path.to_string(), v)),
    }
}
