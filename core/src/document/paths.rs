//! Paths to the fields of a document's JSON value, as errors name them: keys joined by `.`,
//! list items by index or by `id` (`prices.water`, `options[0].capex`,
//! `flowsheet.streams[soak_in].flows.water`, `template.tanning.chrome_exhaustion`). Used to
//! sample uncertain inputs and to write scenario values.

use serde_json::Value;

use crate::error::{Error, Result};

/// One step of a resolved path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Step {
    /// A key of an object.
    Key(String),
    /// An item of a list.
    Index(usize),
}

/// The place `steps` lead to in `doc`, created as the last key of an object if absent.
pub(crate) fn slot<'v>(doc: &'v mut Value, steps: &[Step]) -> Option<&'v mut Value> {
    let mut at = doc;
    for step in steps {
        at = match step {
            Step::Key(k) => at.as_object_mut()?.entry(k.clone()).or_insert(Value::Null),
            Step::Index(i) => at.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(at)
}

/// The path `path` resolved in `doc`: its steps, and the value there (None when the last key
/// is absent from an object that exists).
pub(crate) fn resolve<'v>(
    doc: &'v Value,
    path: &str,
    at: &str,
) -> Result<(Vec<Step>, Option<&'v Value>)> {
    let unknown = |why: &str| Error::UnknownReference {
        path: at.to_string(),
        value: path.to_string(),
        expected: format!("a field of the document ({why})"),
    };
    let mut words = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(k) => (&part[..k], &part[k..]),
            None => (part, ""),
        };
        if name.is_empty() {
            return Err(unknown("empty name"));
        }
        words.push((name, None));
        while let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(unknown("`[` without `]`"));
            };
            words.push(("", Some(&r[..end])));
            rest = &r[end + 1..];
        }
        if !rest.is_empty() {
            return Err(unknown("text after `]`"));
        }
    }
    let mut steps = Vec::with_capacity(words.len());
    let mut here = Some(doc);
    let last = words.len() - 1;
    for (n, (name, index)) in words.into_iter().enumerate() {
        let Some(v) = here else {
            return Err(unknown("a section on the way is absent"));
        };
        match index {
            None => {
                let Some(map) = v.as_object() else {
                    return Err(unknown(&format!("`{name}` is not inside a section")));
                };
                here = map.get(name);
                if here.is_none() && n != last {
                    return Err(unknown(&format!("no `{name}`")));
                }
                steps.push(Step::Key(name.to_string()));
            }
            Some(key) => {
                let Some(items) = v.as_array() else {
                    return Err(unknown(&format!("`[{key}]` of something not a list")));
                };
                let i = match key.parse::<usize>() {
                    Ok(i) if i < items.len() => i,
                    Ok(_) => return Err(unknown(&format!("`[{key}]` beyond the list"))),
                    Err(_) => items
                        .iter()
                        .position(|item| item.get("id").and_then(Value::as_str) == Some(key))
                        .ok_or_else(|| unknown(&format!("no item with id `{key}`")))?,
                };
                here = items.get(i);
                steps.push(Step::Index(i));
            }
        }
    }
    Ok((steps, here))
}

/// `doc` with each `(path, value)` written at its path (a missing last key of an existing
/// section is added); a path that leads nowhere is an [`Error::UnknownReference`] at that
/// path. The values are not checked here: the document they make is, when it is read.
///
pub(crate) fn write_values(doc: &mut Value, values: &[(String, Value)]) -> Result<()> {
    for (path, value) in values {
        let (steps, _) = resolve(doc, path, path)?;
        if let Some(place) = slot(doc, &steps) {
            *place = value.clone();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_by_key_index_and_id() {
        let mut doc = serde_json::json!({
            "prices": {"water": "32 MXN/m3"},
            "options": [{"id": "a", "capex": "1000 MXN"}],
        });
        let values = [
            ("prices.water".to_string(), Value::from("40 MXN/m3")),
            ("prices.electricity".to_string(), Value::from("2 MXN/kWh")),
            ("options[a].capex".to_string(), Value::from("900 MXN")),
        ];
        write_values(&mut doc, &values).unwrap();
        assert_eq!(doc["prices"]["water"], "40 MXN/m3");
        assert_eq!(doc["prices"]["electricity"], "2 MXN/kWh");
        assert_eq!(doc["options"][0]["capex"], "900 MXN");
        let e = write_values(&mut doc, &[("options[b].capex".into(), Value::Null)]).unwrap_err();
        assert_eq!(
            (e.path(), e.code()),
            ("options[b].capex", "unknown_reference")
        );
    }
}
