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

/// The paths of the lists of options in `doc`: `options` and each `template.<sector>.options`.
fn option_lists(doc: &Value) -> Vec<String> {
    let mut lists = vec!["options".to_string()];
    if let Some(templates) = doc.get("template").and_then(Value::as_object) {
        lists.extend(
            templates
                .iter()
                .filter(|(_, t)| t.get("options").is_some())
                .map(|(key, _)| format!("template.{key}.options")),
        );
    }
    lists
}

/// The list at a dotted path of keys (`template.tanning.options`), if there is one.
fn list_at<'v>(doc: &'v mut Value, path: &str) -> Option<&'v mut Vec<Value>> {
    let mut at = doc;
    for key in path.split('.') {
        at = at.get_mut(key)?;
    }
    at.as_array_mut()
}

/// `path` with an item of a list of options named by its id instead of its position
/// (`template.tanning.options[3].om_change` → `template.tanning.options[hair_save].om_change`),
/// so that it still names the same option when others are removed.
fn by_id(doc: &Value, lists: &[String], path: &str) -> String {
    for list in lists {
        let Some(rest) = path
            .strip_prefix(list.as_str())
            .and_then(|r| r.strip_prefix('['))
        else {
            continue;
        };
        let Some((index, tail)) = rest.split_once(']') else {
            continue;
        };
        let Ok(i) = index.parse::<usize>() else {
            continue;
        };
        let id = list
            .split('.')
            .try_fold(doc, |v, key| v.get(key))
            .and_then(|items| items.get(i))
            .and_then(|item| item.get("id"))
            .and_then(Value::as_str);
        if let Some(id) = id {
            return format!("{list}[{id}]{tail}");
        }
    }
    path.to_string()
}

/// `doc` without the options `ids` (from `options` or a template's `options`), and without the
/// uncertain inputs and correlations that sample them; the other inputs keep naming the same
/// options (by id). An id that is no option is an [`Error::UnknownReference`] at `ids[i]`.
pub(crate) fn remove_options(doc: &mut Value, ids: &[&str]) -> Result<()> {
    let lists = option_lists(doc);
    for (i, id) in ids.iter().enumerate() {
        let known = lists.iter().any(|list| {
            list.split('.')
                .try_fold(&*doc, |v, key| v.get(key))
                .and_then(Value::as_array)
                .is_some_and(|items| {
                    items
                        .iter()
                        .any(|o| o.get("id").and_then(Value::as_str) == Some(id))
                })
        });
        if !known {
            return Err(Error::UnknownReference {
                path: format!("ids[{i}]"),
                value: (*id).to_string(),
                expected: "the id of an option of the document or of its template".to_string(),
            });
        }
    }
    let removed = |path: &str| {
        lists.iter().any(|list| {
            ids.iter()
                .any(|id| path.starts_with(&format!("{list}[{id}]")))
        })
    };
    let snapshot = doc.clone();
    if let Some(section) = doc.get_mut("uncertainty").and_then(Value::as_object_mut) {
        let mut dropped = Vec::new();
        if let Some(inputs) = section.get_mut("inputs").and_then(Value::as_array_mut) {
            for input in inputs.iter_mut() {
                if let Some(path) = input.get("path").and_then(Value::as_str) {
                    let named = by_id(&snapshot, &lists, path);
                    if removed(&named) {
                        dropped.push(path.to_string());
                    }
                    input["path"] = Value::String(named);
                }
            }
            inputs.retain(|input| {
                !input
                    .get("path")
                    .and_then(Value::as_str)
                    .is_some_and(&removed)
            });
        }
        if let Some(pairs) = section
            .get_mut("correlations")
            .and_then(Value::as_array_mut)
        {
            for pair in pairs.iter_mut() {
                if let Some(names) = pair.get_mut("inputs").and_then(Value::as_array_mut) {
                    for name in names.iter_mut() {
                        if let Some(path) = name.as_str() {
                            *name = Value::String(by_id(&snapshot, &lists, path));
                        }
                    }
                }
            }
            pairs.retain(|pair| {
                !pair
                    .get("inputs")
                    .and_then(Value::as_array)
                    .is_some_and(|names| {
                        names
                            .iter()
                            .filter_map(Value::as_str)
                            .any(|p| removed(p) || dropped.iter().any(|d| d == p))
                    })
            });
        }
    }
    for list in &lists {
        if let Some(items) = list_at(doc, list) {
            items.retain(|o| {
                !o.get("id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| ids.contains(&id))
            });
        }
    }
    Ok(())
}

/// `doc` with `option` added at the end of its own `options` (a list made if absent).
pub(crate) fn add_option(doc: &mut Value, option: Value) -> Result<()> {
    let Some(root) = doc.as_object_mut() else {
        return Err(Error::InvalidType {
            path: String::new(),
            message: "the document is not a table".to_string(),
        });
    };
    let list = root
        .entry("options")
        .or_insert_with(|| Value::Array(Vec::new()));
    match list.as_array_mut() {
        Some(items) => items.push(option),
        None => *list = Value::Array(vec![option]),
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

    #[test]
    fn options_are_removed_with_the_inputs_that_sample_them() {
        let mut doc = serde_json::json!({
            "options": [{"id": "own"}],
            "template": {"tanning": {"options": [{"id": "a", "om_change": "1 MXN"}, {"id": "b"}, {"id": "c", "saving": "5 %"}]}},
            "uncertainty": {
                "inputs": [
                    {"path": "template.tanning.options[0].om_change"},
                    {"path": "template.tanning.options[2].saving"},
                    {"path": "prices.water"}
                ],
                "correlations": [
                    {"inputs": ["prices.water", "template.tanning.options[0].om_change"]},
                    {"inputs": ["prices.water", "template.tanning.options[2].saving"]}
                ]
            }
        });
        remove_options(&mut doc, &["a", "own"]).unwrap();
        assert_eq!(doc["options"], serde_json::json!([]));
        assert_eq!(
            doc["template"]["tanning"]["options"],
            serde_json::json!([{"id": "b"}, {"id": "c", "saving": "5 %"}])
        );
        let inputs = &doc["uncertainty"]["inputs"];
        assert_eq!(inputs.as_array().unwrap().len(), 2);
        assert_eq!(inputs[0]["path"], "template.tanning.options[c].saving");
        assert_eq!(inputs[1]["path"], "prices.water");
        let pairs = doc["uncertainty"]["correlations"].as_array().unwrap();
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0]["inputs"][1], "template.tanning.options[c].saving");
        let e = remove_options(&mut doc, &["b", "zzz"]).unwrap_err();
        assert_eq!((e.path(), e.code()), ("ids[1]", "unknown_reference"));
        add_option(&mut doc, serde_json::json!({"id": "new"})).unwrap();
        assert_eq!(doc["options"][0]["id"], "new");
    }
}
