//! Golden files: what the core says of every example and fixture document, written to
//! `tests/fixtures/expected/` by the core and compared here (and by the Python and JS suites)
//! with the one tolerance of `tests/fixtures/expected/tolerance.json`.
//!
//! `CLEANPROD_BLESS=1 cargo test -p cleanprod --test integration golden` rewrites the files;
//! without the variable the test compares and fails on the first difference, naming its path.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cleanprod::options::Metric;
use cleanprod::{Assessment, SourceFormat};
use serde_json::{Map, Value, json};

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Whether the golden files are to be rewritten (`CLEANPROD_BLESS` set, not empty, not `0`).
pub fn blessing() -> bool {
    std::env::var_os("CLEANPROD_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

pub fn expected_dir() -> PathBuf {
    root().join("tests/fixtures/expected")
}

/// Files in `dir` (relative to the root) whose names end with one of `extensions`, sorted, as
/// paths relative to the root with `/` separators.
fn sources_in(dir: &str, extensions: &[&str]) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| extensions.iter().any(|x| name.ends_with(x)))
        .map(|name| format!("{dir}/{name}"))
        .collect();
    files.sort();
    files
}

/// The documents that have a golden file: every example and every valid fixture document.
fn valid_sources() -> Vec<String> {
    let mut all = sources_in("examples", &[".toml"]);
    all.extend(sources_in(
        "tests/fixtures/documents/valid",
        &[".toml", ".json"],
    ));
    all
}

fn invalid_sources() -> Vec<String> {
    sources_in("tests/fixtures/documents/invalid", &[".toml", ".json"])
}

fn file_name(source: &str) -> &str {
    source.rsplit('/').next().unwrap()
}

fn read(source: &str) -> Result<Assessment, cleanprod::Error> {
    let text = std::fs::read_to_string(root().join(source)).unwrap();
    Assessment::parse(&text, SourceFormat::from_path(source).unwrap())
}

/// What every surface says of a valid document: the report, the reconciliation and the options
/// ranked by each metric.
pub fn expected_of(source: &str) -> Value {
    let a = read(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let report = a.report().unwrap_or_else(|e| panic!("{source}: {e}"));
    let reconcile = a.reconcile().unwrap_or_else(|e| panic!("{source}: {e}"));
    let rank: Map<String, Value> = Metric::ALL
        .iter()
        .map(|m| (m.key().to_string(), json!(a.rank(m.key()).unwrap())))
        .collect();
    json!({
        "source": source,
        "report": report,
        "reconcile": reconcile,
        "rank": rank,
    })
}

/// The error every surface raises for an invalid document.
fn expected_error(source: &str) -> Value {
    let err = read(source).expect_err(source);
    json!({
        "source": source,
        "code": err.code(),
        "path": err.path(),
        "category": err.category().name(),
        "value": err.value(),
        "message": err.to_string(),
    })
}

/// `value` with the keys of every object sorted.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let sorted: BTreeMap<String, Value> =
                map.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            Value::Object(sorted.into_iter().collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// The text of a golden file: sorted keys, two-space indent, shortest round-trip floats.
fn golden_text(value: Value) -> String {
    serde_json::to_string_pretty(&sorted(value)).unwrap() + "\n"
}

/// Every golden file by name, as the core writes it.
fn golden_files() -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for source in valid_sources() {
        let name = format!("{}.json", file_name(&source));
        let previous = files.insert(name.clone(), golden_text(expected_of(&source)));
        assert!(previous.is_none(), "two documents named {name}");
    }
    let invalid: Map<String, Value> = invalid_sources()
        .iter()
        .map(|s| (file_name(s).to_string(), expected_error(s)))
        .collect();
    files.insert(
        "invalid.json".to_string(),
        golden_text(Value::Object(invalid)),
    );
    files
}

/// Files of `expected/` that are not golden files.
const NOT_GOLDEN: [&str; 1] = ["tolerance.json"];

/// The one tolerance every suite compares numbers with.
#[derive(Debug, Clone, Copy)]
pub struct Tolerance {
    relative: f64,
    absolute: f64,
}

impl Tolerance {
    /// The tolerance stated in `tests/fixtures/expected/tolerance.json`.
    pub fn shared() -> Tolerance {
        let text = std::fs::read_to_string(expected_dir().join("tolerance.json")).unwrap();
        let t: Value = serde_json::from_str(&text).unwrap();
        Tolerance {
            relative: t["relative"].as_f64().unwrap(),
            absolute: t["absolute"].as_f64().unwrap(),
        }
    }

    /// Whether two numbers are the same figure: |a − b| ≤ max(absolute, relative·max(|a|, |b|)).
    pub fn close(self, a: f64, b: f64) -> bool {
        (a - b).abs() <= self.absolute.max(self.relative * a.abs().max(b.abs()))
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The first difference between `got` and `want`, with its JSON path (`$.report.options[0].npv`):
/// numbers within the tolerance, strings, booleans and null exactly, objects with the same keys,
/// arrays of the same length.
pub fn compare(got: &Value, want: &Value, tol: Tolerance) -> Result<(), String> {
    compare_at("$", got, want, tol)
}

fn compare_at(path: &str, got: &Value, want: &Value, tol: Tolerance) -> Result<(), String> {
    match (got, want) {
        (Value::Number(g), Value::Number(w)) => {
            let (g, w) = (g.as_f64().unwrap(), w.as_f64().unwrap());
            if tol.close(g, w) {
                Ok(())
            } else {
                Err(format!("{path}: got {g}, want {w}"))
            }
        }
        (Value::Object(g), Value::Object(w)) => {
            if let Some(k) = w.keys().find(|k| !g.contains_key(*k)) {
                return Err(format!("{path}: key {k:?} missing"));
            }
            if let Some(k) = g.keys().find(|k| !w.contains_key(*k)) {
                return Err(format!("{path}: key {k:?} not expected"));
            }
            w.iter()
                .try_for_each(|(k, wv)| compare_at(&format!("{path}.{k}"), &g[k], wv, tol))
        }
        (Value::Array(g), Value::Array(w)) => {
            if g.len() != w.len() {
                return Err(format!("{path}: {} items, want {}", g.len(), w.len()));
            }
            g.iter()
                .zip(w)
                .enumerate()
                .try_for_each(|(i, (gv, wv))| compare_at(&format!("{path}[{i}]"), gv, wv, tol))
        }
        _ if kind(got) != kind(want) => Err(format!(
            "{path}: got {} {got}, want {} {want}",
            kind(got),
            kind(want)
        )),
        _ if got == want => Ok(()),
        _ => Err(format!("{path}: got {got}, want {want}")),
    }
}

#[test]
fn golden_files_match_the_core() {
    let dir = expected_dir();
    let files = golden_files();
    if blessing() {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".json")
                && !files.contains_key(&name)
                && !NOT_GOLDEN.contains(&&*name)
            {
                std::fs::remove_file(dir.join(&name)).unwrap();
            }
        }
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        return;
    }
    let bless = "CLEANPROD_BLESS=1 cargo test -p cleanprod --test integration golden";
    let tol = Tolerance::shared();
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json") && !NOT_GOLDEN.contains(&n.as_str()))
        .collect();
    on_disk.sort();
    let names: Vec<String> = files.keys().cloned().collect();
    assert_eq!(
        on_disk, names,
        "golden files missing or stale: run `{bless}`"
    );
    for (name, text) in &files {
        let got: Value = serde_json::from_str(text).unwrap();
        let want_text = std::fs::read_to_string(dir.join(name)).unwrap();
        let want: Value = serde_json::from_str(&want_text).unwrap();
        if let Err(diff) = compare(&got, &want, tol) {
            panic!(
                "expected/{name}: {diff}\n(if the change is intended, run `{bless}` and review the diff)"
            );
        }
    }
}

#[test]
fn golden_tolerance_is_the_stated_one() {
    let t = Tolerance::shared();
    assert_eq!((t.relative, t.absolute), (1e-9, 1e-12));
}

#[test]
fn golden_compare_accepts_differences_within_the_tolerance() {
    let t = Tolerance::shared();
    let want = json!({"a": [1.0, 1e6, 0.0, "x", null, true], "b": {"c": -2.5}});
    let got =
        json!({"b": {"c": -2.5 * (1.0 + 5e-10)}, "a": [1, 1e6 + 1e-4, 5e-13, "x", null, true]});
    assert_eq!(compare(&got, &want, t), Ok(()));
}

#[test]
fn golden_compare_names_the_first_difference() {
    let t = Tolerance::shared();
    let want = json!({"report": {"options": [{"npv": 100.0}, {"npv": 1.0}]}});
    let cases = [
        (
            json!({"report": {"options": [{"npv": 100.0}, {"npv": 1.0 + 2e-9}]}}),
            "$.report.options[1].npv: got",
        ),
        (
            json!({"report": {"options": [{"npv": 100.0}, {"npv": 1e-11}]}}),
            "$.report.options[1].npv",
        ),
        (
            json!({"report": {"options": [{"npv": 100.0}]}}),
            "$.report.options: 1 items, want 2",
        ),
        (
            json!({"report": {"options": [{"npv": 100.0}, {}]}}),
            "$.report.options[1]: key \"npv\" missing",
        ),
        (
            json!({"report": {"options": [{"npv": 100.0}, {"npv": 1.0, "irr": 0.1}]}}),
            "key \"irr\" not expected",
        ),
        (
            json!({"report": {"options": [{"npv": "100"}, {"npv": 1.0}]}}),
            "$.report.options[0].npv: got string",
        ),
        (
            json!({"report": {"options": [{"npv": null}, {"npv": 1.0}]}}),
            "$.report.options[0].npv: got null",
        ),
    ];
    for (got, message) in cases {
        let err = compare(&got, &want, t).expect_err(message);
        assert!(err.contains(message), "{err} does not contain {message}");
    }
    assert!(compare(&json!("a"), &json!("b"), t).is_err());
    assert!(compare(&json!(false), &json!(true), t).is_err());
    assert!(!t.close(1e-11, 0.0));
    assert!(t.close(1e-13, -1e-13));
}
