//! Documents that last: the corpus of format `cleanprod/1` frozen in
//! `tests/fixtures/documents/v1/` (the examples and valid fixture documents as of 2026-11-29)
//! must load, check and evaluate in every later version, migrated if the format has moved on;
//! while the document it was copied from is unchanged, with the figures of its golden file.

use cleanprod::uncertainty::Simulator;
use cleanprod::{Assessment, SourceFormat};
use serde_json::Value;

use crate::golden::{Tolerance, compare, expected_dir, expected_of, root};

const CORPUS: &str = "tests/fixtures/documents/v1";

/// Where the corpus was copied from.
const ORIGINS: [&str; 2] = ["examples", "tests/fixtures/documents/valid"];

#[test]
fn every_v1_document_loads_checks_and_evaluates_as_its_golden_file() {
    let mut names: Vec<String> = std::fs::read_dir(root().join(CORPUS))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".toml") || n.ends_with(".json"))
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        13,
        "the frozen corpus lost or gained a document"
    );
    let tol = Tolerance::shared();
    let mut compared = Vec::new();
    for name in &names {
        let source = format!("{CORPUS}/{name}");
        let text = std::fs::read_to_string(root().join(&source)).unwrap();
        let format = SourceFormat::from_path(name).unwrap();
        let a = Assessment::parse(&text, format).unwrap_or_else(|e| panic!("{source}: {e}"));
        Simulator::check(&a).unwrap_or_else(|e| panic!("{source}: {e}"));
        // Written in the current form, it reads as the same document.
        let current = cleanprod::document::to_current_form(&text, format)
            .unwrap_or_else(|e| panic!("{source}: {e}"));
        let again = Assessment::parse(&current, format).unwrap();
        assert_eq!(again.document(), a.document(), "{source}");
        let mut got = expected_of(&source);
        let unchanged = ORIGINS.iter().any(|dir| {
            std::fs::read_to_string(root().join(dir).join(name)).is_ok_and(|t| t == text)
        });
        if !unchanged {
            continue;
        }
        let want_text = std::fs::read_to_string(expected_dir().join(format!("{name}.json")))
            .unwrap_or_else(|e| panic!("{source}: no golden file ({e})"));
        let want: Value = serde_json::from_str(&want_text).unwrap();
        got["source"] = want["source"].clone();
        if let Err(diff) = compare(&got, &want, tol) {
            panic!("{source} against expected/{name}.json: {diff}");
        }
        compared.push(name.as_str());
    }
    // Frozen as copies; the examples may move on, the fixtures keep some in step.
    assert!(
        !compared.is_empty(),
        "no v1 document matched its golden file"
    );
}
