//! The CLI end to end: exit codes and what it prints.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::process::Command;

fn cleanprod(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cleanprod"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn check_prints_a_summary() {
    let (ok, out, _) = cleanprod(&["check", "examples/tannery.toml"]);
    assert!(ok);
    assert!(out.contains("valid cleanprod/1 document"), "{out}");
    assert!(out.contains("3360 t"), "{out}");
    assert!(out.contains("32 MXN/m3"), "{out}");
}

#[test]
fn check_fails_with_path_and_dimension() {
    let (ok, out, err) = cleanprod(&[
        "check",
        "tests/fixtures/documents/invalid/water_price_per_kg.toml",
    ]);
    assert!(!ok);
    assert!(out.is_empty());
    assert!(
        err.contains("prices.water")
            && err.contains("per volume")
            && err.contains("[price_dimension]"),
        "{err}"
    );
    let (ok, _, err) = cleanprod(&[
        "check",
        "tests/fixtures/documents/invalid/output_in_kwh.toml",
    ]);
    assert!(!ok);
    assert!(
        err.contains("production.output") && err.contains("mass rate"),
        "{err}"
    );
}

#[test]
fn assess_formats() {
    let (ok, out, _) = cleanprod(&["assess", "examples/hotel.toml", "--format", "json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["annual_output"], "52000 guest-night");
    let (ok, out, _) = cleanprod(&["assess", "examples/hotel.toml", "--format", "md"]);
    assert!(ok && out.starts_with("## Hotel Mirador"), "{out}");
}

#[test]
fn schema_and_new() {
    let (ok, out, _) = cleanprod(&["schema"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["title"], "cleanprod assessment document");
    for sector in ["tanning", "hotel", "hospital", "chemicals", "automotive"] {
        let (ok, out, _) = cleanprod(&["new", sector]);
        assert!(ok);
        assert!(
            cleanprod::Assessment::from_toml_str(&out).is_ok(),
            "{sector}"
        );
    }
    let (ok, _, err) = cleanprod(&["new", "brewery"]);
    assert!(!ok && err.contains("tanning"), "{err}");
}

#[test]
fn missing_file_is_an_error_not_a_panic() {
    let (ok, _, err) = cleanprod(&["check", "no/such/file.toml"]);
    assert!(!ok && err.contains("no/such/file.toml"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn check_prints_the_balance() {
    let (ok, out, err) = cleanprod(&["check", "tests/fixtures/documents/valid/flowsheet.toml"]);
    assert!(ok, "{err}");
    assert!(out.contains("balance of water (t/yr)"), "{out}");
    assert!(
        out.contains("reconciled") && out.contains("28500.0"),
        "{out}"
    );
    assert!(out.contains("p = 0.157: consistent"), "{out}");
    let (ok, out, _) = cleanprod(&[
        "assess",
        "tests/fixtures/documents/valid/flowsheet.toml",
        "--format",
        "json",
    ]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["balance"]["unit"], "kg/yr");
    assert_eq!(v["balance"]["components"][1]["component"], "Cr2O3");
}
