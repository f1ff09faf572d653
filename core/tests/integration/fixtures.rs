//! The shared fixtures: unit strings, and the figures of documents checked by hand (every
//! figure the engine gives is in the golden files, `golden.rs`).

use std::path::{Path, PathBuf};

use cleanprod::units::{self, Dimension};
use cleanprod::{Assessment, SourceFormat};
use serde_json::Value;

use crate::golden::Tolerance;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn load(name: &str) -> Value {
    let text = std::fs::read_to_string(fixtures_dir().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn read_document(file: &str) -> Result<Assessment, cleanprod::Error> {
    let text = std::fs::read_to_string(fixtures_dir().join(file)).unwrap();
    Assessment::parse(&text, SourceFormat::from_path(file).unwrap())
}

#[test]
fn unit_strings_give_their_si_values() {
    let f = load("units.json");
    let tol = f["relative_tolerance"].as_f64().unwrap();
    let cases = f["valid"].as_array().unwrap();
    assert!(cases.len() > 40);
    for c in cases {
        let text = c["text"].as_str().unwrap();
        let dim: Dimension = c["dimension"].as_str().unwrap().parse().unwrap();
        let want = c["si"].as_f64().unwrap();
        let got = units::to_si(text, dim).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert!(
            (got - want).abs() <= tol * want.abs(),
            "{text} as {dim}: got {got}, want {want}"
        );
        assert_eq!(
            units::canonical(text, dim).unwrap(),
            c["canonical"].as_str().unwrap(),
            "{text}"
        );
    }
}

#[test]
fn invalid_unit_strings_give_their_codes() {
    let f = load("units.json");
    for c in f["invalid"].as_array().unwrap() {
        let text = c["text"].as_str().unwrap();
        let dim: Dimension = c["dimension"].as_str().unwrap().parse().unwrap();
        let err = units::to_si(text, dim).expect_err(text);
        assert_eq!(err.code(), c["code"].as_str().unwrap(), "{text}: {err}");
    }
}

#[test]
fn valid_documents_give_their_hand_checked_figures() {
    let f = load("documents.json");
    let tol = Tolerance::shared();
    let close = |got: f64, want: f64, what: &str| {
        assert!(tol.close(got, want), "{what}: {got} vs {want}");
    };
    for c in f["valid"].as_array().unwrap() {
        let file = c["file"].as_str().unwrap();
        let a = read_document(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let summary = serde_json::to_value(a.summary()).unwrap();
        for (key, want) in c["summary"].as_object().unwrap() {
            assert_eq!(&summary[key], want, "{file}: {key}");
        }
        if let Some(want) = c.get("balance").and_then(Value::as_object) {
            let b = a.balance().unwrap().unwrap();
            for (component, streams) in want {
                let cb = b
                    .components
                    .iter()
                    .find(|x| &x.component == component)
                    .unwrap();
                for (stream, v) in streams.as_object().unwrap() {
                    let got = cb
                        .streams
                        .iter()
                        .find(|s| &s.stream == stream)
                        .and_then(|s| s.value)
                        .unwrap();
                    close(
                        got,
                        v.as_f64().unwrap(),
                        &format!("{file} {component} {stream}"),
                    );
                }
            }
            if let Some(e) = c.get("energy") {
                let eb = b.energy.as_ref().unwrap();
                for carrier in ["natural_gas", "electricity"] {
                    close(
                        eb.carriers[carrier],
                        e[carrier].as_f64().unwrap(),
                        &format!("{file} {carrier}"),
                    );
                }
                let useful = eb
                    .nodes
                    .iter()
                    .find(|n| n.node == "soak")
                    .unwrap()
                    .useful
                    .unwrap();
                close(useful, e["useful_soak"].as_f64().unwrap(), "useful_soak");
                assert_eq!(eb.specific_energy.as_deref(), e["specific_energy"].as_str());
                assert_eq!(b.specific_water.as_deref(), e["specific_water"].as_str());
            }
            for (component, chi) in c["chi_square"].as_object().unwrap() {
                let cb = b
                    .components
                    .iter()
                    .find(|x| &x.component == component)
                    .unwrap();
                let got = cb.reconciliation.as_ref().unwrap().chi_square;
                close(
                    got,
                    chi.as_f64().unwrap(),
                    &format!("{file} {component} chi-square"),
                );
            }
        }
        if let Some(want) = c.get("options").and_then(Value::as_object) {
            let ev = serde_json::to_value(a.evaluate().unwrap()).unwrap();
            for (id, fields) in want {
                let got = ev["options"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|o| o["id"] == id.as_str())
                    .unwrap();
                for (k, v) in fields.as_object().unwrap() {
                    match (v.as_f64(), got[k].as_f64()) {
                        (Some(w), Some(g)) => close(g, w, &format!("{file} {id} {k}")),
                        _ => assert_eq!(&got[k], v, "{file} {id} {k}"),
                    }
                }
            }
        }
        if let Some(want) = c.get("portfolio") {
            let ev = serde_json::to_value(a.evaluate().unwrap()).unwrap();
            let p = &ev["portfolio"];
            for (k, v) in want["all"].as_object().unwrap() {
                match v.as_f64() {
                    Some(w) => close(p["all"][k].as_f64().unwrap(), w, &format!("{file} all {k}")),
                    None => assert_eq!(&p["all"][k], v, "{file} all {k}"),
                }
            }
            let steps = p["sequence"].as_array().unwrap();
            let want_steps = want["sequence"].as_array().unwrap();
            assert_eq!(steps.len(), want_steps.len(), "{file} sequence");
            for (step, w) in steps.iter().zip(want_steps) {
                assert_eq!(step["id"], w["id"], "{file} sequence order");
                close(
                    step["annual_saving"].as_f64().unwrap(),
                    w["annual_saving"].as_f64().unwrap(),
                    &format!("{file} sequence {}", step["id"]),
                );
            }
        }
        // Written back and read again, the document is the same.
        let again = Assessment::from_json_str(&a.to_json_string()).unwrap();
        assert_eq!(again, a, "{file}: JSON round trip");
        let toml = a.to_toml_string().unwrap();
        assert_eq!(
            Assessment::from_toml_str(&toml).unwrap(),
            a,
            "{file}: TOML round trip"
        );
    }
}

#[test]
fn invalid_documents_give_their_errors() {
    let f = load("documents.json");
    let cases = f["invalid"].as_array().unwrap();
    assert!(cases.len() >= 120);
    for c in cases {
        let file = c["file"].as_str().unwrap();
        let err = read_document(file).expect_err(file);
        let msg = err.to_string();
        assert_eq!(err.code(), c["code"].as_str().unwrap(), "{file}: {msg}");
        assert_eq!(err.path(), c["path"].as_str().unwrap(), "{file}: {msg}");
        assert_eq!(
            err.category().name(),
            c["category"].as_str().unwrap(),
            "{file}"
        );
        for word in c["message_contains"].as_array().unwrap() {
            let word = word.as_str().unwrap();
            assert!(msg.contains(word), "{file}: `{word}` not in: {msg}");
        }
        if !err.path().is_empty() {
            assert!(
                msg.starts_with(err.path()),
                "{file}: message should start with the path: {msg}"
            );
        }
    }
}

#[test]
fn invalid_uncertainty_sections_give_their_errors_when_sampled() {
    let f = load("documents.json");
    let cases = f["invalid_risk"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for c in cases {
        let file = c["file"].as_str().unwrap();
        // The document reads; its [uncertainty] section cannot be sampled.
        let a = read_document(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let checked = cleanprod::uncertainty::Simulator::check(&a).expect_err(file);
        let err = cleanprod::uncertainty::Simulator::new(&a).expect_err(file);
        assert_eq!(checked, err, "{file}");
        let msg = err.to_string();
        assert_eq!(err.code(), c["code"].as_str().unwrap(), "{file}: {msg}");
        assert_eq!(err.path(), c["path"].as_str().unwrap(), "{file}: {msg}");
        assert_eq!(
            err.category().name(),
            c["category"].as_str().unwrap(),
            "{file}"
        );
        for word in c["message_contains"].as_array().unwrap() {
            let word = word.as_str().unwrap();
            assert!(msg.contains(word), "{file}: `{word}` not in: {msg}");
        }
    }
}

#[test]
fn every_example_passes_and_covers_its_sector() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut sectors = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        // Assessments only (`examples/funds/` holds fund documents).
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let a =
            Assessment::from_toml_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        sectors.push(a.document().site.sector);
    }
    for s in cleanprod::document::Sector::ALL {
        assert!(sectors.contains(s), "no example for {s}");
    }
}

#[test]
fn schema_describes_the_document() {
    let s = cleanprod::schema();
    assert_eq!(s["title"], "cleanprod assessment document");
    let props = s["properties"].as_object().unwrap();
    for key in [
        "format",
        "currency",
        "site",
        "schedule",
        "production",
        "prices",
        "finance",
    ] {
        assert!(props.contains_key(key), "{key}");
    }
    let required: Vec<&str> = s["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(required.contains(&"site") && !required.contains(&"prices"));
    assert_eq!(s["additionalProperties"], false);
}

#[test]
fn utility_calculators_give_their_worked_examples() {
    use cleanprod::utilities;
    let f = load("utilities.json");
    let cases = f["valid"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for c in cases {
        let name = c["calculator"].as_str().unwrap();
        let out = utilities::calculate(name, c["input"].clone())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let quantities = utilities::quantities(name, &out).unwrap();
        let si = utilities::result_in_si(name, &out).unwrap();
        for want in c["expected"].as_array().unwrap() {
            let path = want["path"].as_str().unwrap();
            let q = quantities
                .iter()
                .find(|q| q.path == path)
                .unwrap_or_else(|| panic!("{name}: no quantity {path} in {out}"));
            let expected = units::to_si(want["value"].as_str().unwrap(), q.dimension).unwrap();
            let tol = want["relative_tolerance"].as_f64().unwrap();
            assert!(
                (q.value - expected).abs() <= tol * expected.abs(),
                "{name}.{path}: {} ({}) vs {}",
                out[path],
                q.value,
                want["value"]
            );
            // The printed string reads back to the same value, and the SI form holds it.
            let printed = out[path].as_str().unwrap();
            assert_eq!(units::to_si(printed, q.dimension).unwrap(), q.value);
            assert_eq!(si[path].as_f64(), Some(q.value));
        }
    }
}

#[test]
fn utility_calculators_refuse_their_invalid_inputs() {
    let f = load("utilities.json");
    for c in f["invalid"].as_array().unwrap() {
        let name = c["calculator"].as_str().unwrap();
        let e = cleanprod::utilities::calculate(name, c["input"].clone()).expect_err(name);
        assert_eq!(
            (e.code(), e.path()),
            (c["code"].as_str().unwrap(), c["path"].as_str().unwrap()),
            "{name}: {e}"
        );
        let category = match e.category() {
            cleanprod::Category::Unit => "unit",
            cleanprod::Category::Document => "document",
            cleanprod::Category::Syntax => "syntax",
            _ => "value",
        };
        assert_eq!(category, c["category"].as_str().unwrap(), "{name}: {e}");
    }
}
