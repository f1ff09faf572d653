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

#[test]
fn calc_runs_every_worked_example_of_the_shared_fixture() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/utilities.json"
    ))
    .unwrap();
    let f: serde_json::Value = serde_json::from_str(&text).unwrap();
    for c in f["valid"].as_array().unwrap() {
        let name = c["calculator"].as_str().unwrap();
        let mut args = vec!["calc".to_string(), name.replace('_', "-")];
        for (k, v) in c["input"].as_object().unwrap() {
            args.push(format!("--{}", k.replace('_', "-")));
            args.push(v.as_str().map_or_else(|| v.to_string(), str::to_string));
        }
        args.extend(["--format".to_string(), "json".to_string()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (ok, out, err) = cleanprod(&args);
        assert!(ok, "{args:?}: {err}");
        let out: serde_json::Value = serde_json::from_str(&out).unwrap();
        let q = cleanprod::utilities::quantities(name, &out).unwrap();
        for want in c["expected"].as_array().unwrap() {
            let path = want["path"].as_str().unwrap();
            let got = q.iter().find(|q| q.path == path).unwrap();
            let w =
                cleanprod::units::to_si(want["value"].as_str().unwrap(), got.dimension).unwrap();
            let tol = want["relative_tolerance"].as_f64().unwrap();
            assert!((got.value - w).abs() <= tol * w.abs(), "{name}.{path}");
        }
    }
}

#[test]
fn calc_lists_prints_text_and_names_the_option_in_errors() {
    let (ok, out, _) = cleanprod(&["calc", "--list"]);
    assert!(ok);
    assert!(out.lines().any(|l| l.starts_with("steam-leak ")), "{out}");
    assert_eq!(out.lines().count(), cleanprod::utilities::CALCULATORS.len());
    let (ok, out, _) = cleanprod(&[
        "calc",
        "cooling-tower",
        "--circulation",
        "1000 gpm",
        "--range",
        "10 °F",
        "--cycles",
        "4",
    ]);
    assert!(ok);
    assert!(
        out.lines()
            .any(|l| l.starts_with("evaporation") && l.ends_with(" 8.5 gpm")),
        "{out}"
    );
    let (ok, out, _) = cleanprod(&["calc", "pipe-insulation", "--help"]);
    assert!(ok);
    assert!(
        out.contains("--insulation-conductivity") && out.contains("thermal conductivity"),
        "{out}"
    );
    let (ok, _, err) = cleanprod(&[
        "calc",
        "steam-leak",
        "--pressure",
        "150 kg",
        "--diameter",
        "1/8 in",
    ]);
    assert!(!ok);
    assert!(
        err.contains("(--pressure)") && err.contains("[unit_dimension]"),
        "{err}"
    );
    let (ok, _, err) = cleanprod(&["calc", "steam-leak", "--pressure", "150 psig"]);
    assert!(!ok);
    assert!(err.contains("--diameter"), "{err}");
    let (ok, _, err) = cleanprod(&["calc", "lighting", "--fixtures", "ten"]);
    assert!(!ok);
    assert!(err.contains("--fixtures"), "{err}");
    let (ok, out, _) = cleanprod(&["schema", "utilities"]);
    assert!(ok);
    let s: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(s["properties"]["results"]["properties"]["steam_leak"].is_object());
}

#[test]
fn risk_prints_the_spread_and_the_same_figures_as_the_core() {
    let doc = "tests/fixtures/documents/valid/risk.toml".to_string();
    let (ok, text, err) = cleanprod(&["risk", &doc, "--draws", "400", "--seed", "3"]);
    assert!(ok, "{err}");
    assert!(text.contains("P(NPV<0)"), "{text}");
    assert!(text.contains("prices.water"));
    let (ok, json, _) = cleanprod(&[
        "risk",
        &doc,
        "--draws",
        "400",
        "--seed",
        "3",
        "--format",
        "json",
        "--threads",
        "1",
    ]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    // Without --columns, no per-draw values; the figures do not depend on the threads.
    let npv = v["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["option"] == "rinse" && o["metric"] == "npv")
        .unwrap();
    assert_eq!(npv["values"].as_array().unwrap().len(), 0);
    let (_, json2, _) = cleanprod(&[
        "risk",
        &doc,
        "--draws",
        "400",
        "--seed",
        "3",
        "--format",
        "json",
        "--threads",
        "2",
    ]);
    assert_eq!(json, json2);
    let (ok, svg, _) = cleanprod(&[
        "risk", &doc, "--draws", "100", "--format", "svg", "--option", "rinse",
    ]);
    assert!(ok);
    assert!(svg.starts_with("<svg") && svg.contains("What drives the NPV of rinse, USD"));
    let (ok, _, err) = cleanprod(&[
        "risk", &doc, "--draws", "100", "--format", "svg", "--option", "nope",
    ]);
    assert!(!ok && err.contains("--option nope"), "{err}");
    // `check` reads the [uncertainty] section too.
    let bad = std::env::temp_dir().join("cleanprod-risk-bad-path.toml");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/documents/valid/risk.toml"
    ))
    .unwrap();
    std::fs::write(
        &bad,
        text.replace("path = \"options[1].capex\"", "path = \"options[5].capex\""),
    )
    .unwrap();
    let (ok, _, err) = cleanprod(&["check", bad.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("uncertainty.inputs[1].path"), "{err}");
    let (ok, _, err) = cleanprod(&["risk", "examples/hotel.toml"]);
    assert!(!ok);
    assert!(err.contains("uncertainty"), "{err}");
}

#[test]
fn names_longer_than_a_format_width_do_not_panic() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/documents/valid/options.toml"
    ))
    .unwrap();
    let long = "x".repeat(70_000);
    let path = std::env::temp_dir().join(format!("cleanprod-long-{}.toml", std::process::id()));
    std::fs::write(
        &path,
        text.replace("id = \"aerators\"", &format!("id = \"{long}\"")),
    )
    .unwrap();
    let file = path.to_str().unwrap();
    for format in ["text", "md", "json"] {
        let (ok, out, err) = cleanprod(&["assess", file, "--format", format]);
        assert!(ok, "{format}: {err}");
        assert!(out.contains(&long) && !err.contains("panicked"), "{format}");
    }
    std::fs::remove_file(&path).unwrap();
}

/// Every invalid document of the shared catalogue (`tests/fixtures/documents.json`, also run by
/// the Rust, Python and JS suites): `check` and `assess` both exit with 1 (not a panic's 101),
/// print nothing on stdout, and name the file, the field path, the words of the message and
/// the code on stderr.
#[test]
fn every_invalid_document_of_the_catalogue_fails_with_its_error() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let text = std::fs::read_to_string(format!("{root}/tests/fixtures/documents.json")).unwrap();
    let f: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cases = f["invalid"].as_array().unwrap();
    assert!(cases.len() >= 120, "{}", cases.len());
    for c in cases {
        let file = format!("tests/fixtures/{}", c["file"].as_str().unwrap());
        let code = c["code"].as_str().unwrap();
        let path = c["path"].as_str().unwrap();
        for args in [
            vec!["check", file.as_str()],
            vec!["assess", file.as_str(), "--format", "json"],
            vec!["report", file.as_str(), "--format", "markdown"],
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_cleanprod"))
                .args(&args)
                .current_dir(root)
                .output()
                .unwrap();
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert!(out.stdout.is_empty(), "{args:?}");
            let head = if path.is_empty() {
                format!("error: {file}: ")
            } else {
                format!("error: {file}: {path}: ")
            };
            assert!(err.starts_with(&head), "{args:?}: {err}");
            assert!(
                err.trim_end().ends_with(&format!("[{code}]")),
                "{args:?}: {err}"
            );
            for word in c["message_contains"].as_array().unwrap() {
                assert!(
                    err.contains(word.as_str().unwrap()),
                    "{args:?}: {word} not in {err}"
                );
            }
        }
    }
    // Documents that load but whose [uncertainty] cannot be sampled: `check` and `risk` fail
    // with the error, `assess` (which does not sample) succeeds.
    for c in f["invalid_risk"].as_array().unwrap() {
        let file = format!("tests/fixtures/{}", c["file"].as_str().unwrap());
        let (ok, _, err) = cleanprod(&["assess", &file, "--format", "json"]);
        assert!(ok, "{file}: {err}");
        for args in [
            vec!["check", file.as_str()],
            vec!["risk", file.as_str(), "--draws", "10"],
            vec![
                "report",
                file.as_str(),
                "--kind",
                "proposal",
                "--draws",
                "10",
            ],
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_cleanprod"))
                .args(&args)
                .current_dir(root)
                .output()
                .unwrap();
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            let head = format!("error: {file}: {}: ", c["path"].as_str().unwrap());
            assert!(err.starts_with(&head), "{args:?}: {err}");
            assert!(
                err.trim_end()
                    .ends_with(&format!("[{}]", c["code"].as_str().unwrap())),
                "{args:?}: {err}"
            );
        }
    }
}

/// A fresh directory for one test's files.
fn scratch(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cleanprod-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn migrate_writes_every_v1_document_in_the_current_form_of_its_format() {
    let dir = scratch("migrate");
    let corpus = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/documents/v1"
    );
    let mut names: Vec<String> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert!(names.iter().any(|n| n.ends_with(".json")) && names.len() >= 13);
    for name in &names {
        let source = format!("tests/fixtures/documents/v1/{name}");
        let (ok, out, err) = cleanprod(&["migrate", &source]);
        assert!(ok && err.is_empty(), "{name}: {err}");
        if name.ends_with(".json") {
            assert!(
                out.starts_with("{\n  \"format\": \"cleanprod/1\","),
                "{out}"
            );
            serde_json::from_str::<serde_json::Value>(&out).unwrap();
        } else {
            assert!(out.starts_with("format = \"cleanprod/1\"\n"), "{out}");
        }
        // The written document gives the same report, figure for figure.
        let migrated = dir.join(name);
        std::fs::write(&migrated, &out).unwrap();
        let (ok, want, err) = cleanprod(&["assess", &source, "--format", "json"]);
        assert!(ok, "{name}: {err}");
        let (ok, got, err) = cleanprod(&["assess", migrated.to_str().unwrap(), "--format", "json"]);
        assert!(ok, "{name}: {err}");
        assert_eq!(got, want, "{name}");
        // Written once more, it is the same text.
        let (_, again, _) = cleanprod(&["migrate", migrated.to_str().unwrap()]);
        assert_eq!(again, out, "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn migrate_writes_to_a_file_of_the_same_format_and_fails_with_the_error() {
    let dir = scratch("migrate-output");
    let output = dir.join("units.json");
    let (ok, out, err) = cleanprod(&[
        "migrate",
        "tests/fixtures/documents/v1/units.json",
        "--output",
        output.to_str().unwrap(),
    ]);
    assert!(ok && out.is_empty(), "{err}");
    let written = std::fs::read_to_string(&output).unwrap();
    let (_, printed, _) = cleanprod(&["migrate", "tests/fixtures/documents/v1/units.json"]);
    assert_eq!(written, printed);
    // JSON in is JSON out: not into a .toml file.
    let wrong = dir.join("units.toml");
    let (ok, _, err) = cleanprod(&[
        "migrate",
        "tests/fixtures/documents/v1/units.json",
        "-o",
        wrong.to_str().unwrap(),
    ]);
    assert!(
        !ok && err.contains("is JSON") && err.contains(".json"),
        "{err}"
    );
    assert!(!wrong.exists());
    // A version this build does not read, and a bad value, fail with their errors.
    let (ok, out, err) = cleanprod(&[
        "migrate",
        "tests/fixtures/documents/invalid/future_format.toml",
    ]);
    assert!(!ok && out.is_empty());
    assert!(
        err.contains("[unsupported_format]") && err.contains("cleanprod/1"),
        "{err}"
    );
    let (ok, _, err) = cleanprod(&[
        "migrate",
        "tests/fixtures/documents/invalid/output_in_kwh.toml",
    ]);
    assert!(!ok && err.contains("production.output"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn report_writes_html_and_markdown_in_both_languages() {
    let (ok, out, err) = cleanprod(&["report", "examples/hotel.toml"]);
    assert!(ok, "{err}");
    assert!(out.starts_with("<!DOCTYPE html>"), "{out}");
    assert!(
        out.contains("<html lang=\"en\">") && out.contains("Cleaner production pre-assessment")
    );
    assert!(!out.contains("src=\"http") && !out.contains("href=\"http"));
    let (ok, out, _) = cleanprod(&[
        "report",
        "examples/hotel.toml",
        "--lang",
        "es",
        "--format",
        "markdown",
    ]);
    assert!(ok);
    assert!(
        out.starts_with("# Preevaluación de producción más limpia\n"),
        "{out}"
    );
    let (ok, out, err) = cleanprod(&[
        "report",
        "tests/fixtures/documents/valid/effects.toml",
        "--kind",
        "proposal",
        "--option",
        "flow_restrictor",
        "--format",
        "markdown",
        "--min-dscr",
        "7",
    ]);
    assert!(ok, "{err}");
    assert!(
        out.contains("| 1 | 6.22 |") && out.contains("Threshold of 7.00"),
        "{out}"
    );
    assert!(out.contains("Years below the threshold: 1, 2, 3."), "{out}");
    let (ok, out, _) = cleanprod(&["report", "examples/hotel.toml", "--paper", "a4"]);
    assert!(ok && out.contains("<html lang=\"en\" data-paper=\"a4\">"));
}

#[test]
fn report_refuses_an_unknown_option_and_bad_flags() {
    let (ok, out, err) = cleanprod(&[
        "report",
        "examples/hotel.toml",
        "--kind",
        "proposal",
        "--option",
        "no_such_option",
    ]);
    assert!(!ok && out.is_empty());
    assert!(
        err.starts_with("error: examples/hotel.toml: option: ")
            && err.contains("no_such_option")
            && err.contains("led_lighting")
            && err.contains("(--option)")
            && err.trim_end().ends_with("[unknown_reference]"),
        "{err}"
    );
    let (ok, _, err) = cleanprod(&["report", "examples/hotel.toml", "--min-dscr=-1"]);
    assert!(
        !ok && err.contains("--min-dscr") && err.contains("[out_of_range]"),
        "{err}"
    );
    // clap refuses a language it does not know, with its usage exit code.
    let out = Command::new(env!("CARGO_BIN_EXE_cleanprod"))
        .args(["report", "examples/hotel.toml", "--lang", "fr"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let (ok, _, err) = cleanprod(&["report", "no/such/file.toml"]);
    assert!(!ok && err.contains("no/such/file.toml"), "{err}");
}

#[test]
fn chart_writes_each_kind_as_svg_or_its_table() {
    let tannery = "examples/tannery.toml";
    let risk = "tests/fixtures/documents/valid/risk.toml";
    for (file, args, title) in [
        (
            tannery,
            vec!["cash-flow", "--option", "chrome_recovery"],
            "Cumulative cash flow of chrome_recovery",
        ),
        (
            tannery,
            vec!["cost-curve", "--component", "CO2"],
            "Marginal abatement cost curve of CO2",
        ),
        (tannery, vec!["benchmarks"], "tanning sector"),
        (
            tannery,
            vec!["sankey", "--component", "Cr2O3"],
            "Balance of Cr2O3",
        ),
        (tannery, vec!["sankey"], "Balance of water"),
        (
            "examples/tannery_measured.toml",
            vec!["sankey", "--component", "energy"],
            "Balance of energy",
        ),
        (
            risk,
            vec!["histogram", "--draws", "100", "--seed", "2"],
            "Distribution of the NPV of all options, USD",
        ),
        (
            risk,
            vec!["tornado", "--draws", "100", "--option", "rinse"],
            "What drives the NPV of rinse, USD",
        ),
    ] {
        let mut all = vec!["chart", file];
        all.extend(&args);
        let (ok, svg, err) = cleanprod(&all);
        assert!(ok, "{args:?}: {err}");
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{args:?}"
        );
        assert!(svg.ends_with("</svg>\n"));
        let title_line = svg.lines().find(|l| l.starts_with("<title")).unwrap();
        assert!(title_line.contains(title), "{title_line}");
        // The same document gives the same bytes.
        let (_, again, _) = cleanprod(&all);
        assert_eq!(svg, again);
        all.push("--table");
        let (ok, table, _) = cleanprod(&all);
        assert!(
            ok && table.starts_with('*') && table.contains("|---|"),
            "{table}"
        );
    }
    let (ok, _, err) = cleanprod(&["chart", tannery, "pie"]);
    assert!(
        !ok && err.contains("kind: unknown choice `pie`") && err.contains("cash-flow"),
        "{err}"
    );
    let (ok, _, err) = cleanprod(&["chart", tannery, "cash-flow", "--option", "nope"]);
    assert!(
        !ok && err.contains("option") && err.contains("nope"),
        "{err}"
    );
    let (ok, _, err) = cleanprod(&["chart", tannery, "sankey", "--component", "gold"]);
    assert!(
        !ok && err.contains("component") && err.contains("Cr2O3"),
        "{err}"
    );
    let (ok, _, err) = cleanprod(&["chart", tannery, "cost-curve", "--component", "gold"]);
    assert!(
        !ok && err.contains("component") && err.contains("water"),
        "{err}"
    );
    let (ok, _, err) = cleanprod(&[
        "chart",
        "tests/fixtures/documents/valid/options.toml",
        "benchmarks",
    ]);
    assert!(!ok && err.contains("template"), "{err}");
}

#[test]
fn program_of_the_examples_sums_their_portfolios_per_currency() {
    let (ok, out, err) = cleanprod(&["program", "examples/"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("6 documents, 6 sites evaluated, 0 failed"),
        "{out}"
    );
    for words in [
        "investment",
        "saving/yr",
        "water",
        "chemicals",
        "MWh",
        "CO2",
        "by sector",
    ] {
        assert!(out.contains(words), "{words}: {out}");
    }
    // The MXN investment is the three MXN sites' portfolios, as `assess` gives them.
    let mut mxn = 0.0;
    for f in ["automotive", "tannery", "tannery_measured"] {
        let (_, one, _) = cleanprod(&["assess", &format!("examples/{f}.toml"), "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&one).unwrap();
        mxn += v["portfolio"]["all"]["capex"].as_f64().unwrap();
    }
    let (ok, json, _) = cleanprod(&["program", "examples", "--format", "json"]);
    assert!(ok);
    let p: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(p["totals"]["sites"], 6);
    let money = p["totals"]["money"].as_array().unwrap();
    let m = money.iter().find(|m| m["currency"] == "MXN").unwrap();
    assert!((m["investment"].as_f64().unwrap() - mxn).abs() < 1e-6 * mxn);
    assert!(out.contains(&format!("{mxn:.0}")), "{out}");
    // One CSV row per site, one per option.
    let (ok, csv, _) = cleanprod(&["program", "examples", "--format", "csv"]);
    assert!(ok);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(lines[0].starts_with("document,site,sector"), "{}", lines[0]);
    assert!(lines[0].contains("per_year.water_m3"));
    let (_, csv, _) = cleanprod(&[
        "program", "examples", "--format", "csv", "--rows", "options",
    ]);
    assert_eq!(
        csv.lines().count(),
        1 + p["options"].as_array().unwrap().len()
    );
}

#[test]
fn program_draws_its_chart_by_the_groups_asked() {
    let dir = std::env::temp_dir().join(format!("cleanprod-programme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("programme.svg");
    let path = file.to_str().unwrap();
    let (ok, out, err) = cleanprod(&[
        "program",
        "examples",
        "--rate",
        "USD",
        "--rate",
        "MXN=0.055",
        "--rate",
        "INR=0.012",
        "--chart",
        path,
        "--by",
        "status",
        "--lang",
        "es",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("6 sites evaluated"), "{out}");
    let svg = std::fs::read_to_string(&file).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("por estado"),
        "{svg}"
    );
    // Money in one currency: its panels are drawn.
    assert!(svg.contains("data-panel=\"investment\""));
    let (ok, _, err) = cleanprod(&["program", "examples", "--chart", path, "--by", "size"]);
    assert!(
        !ok && err.contains("--by") && err.contains("unknown_variant"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn program_reports_a_failing_document_and_evaluates_the_rest() {
    let (ok, out, _) = cleanprod(&[
        "program",
        "examples/hotel.toml",
        "tests/fixtures/documents/invalid/option_money_other_currency.toml",
        "examples/hospital.toml",
    ]);
    assert!(ok);
    assert!(
        out.contains("3 documents, 2 sites evaluated, 1 failed"),
        "{out}"
    );
    assert!(
        out.contains("option_money_other_currency.toml: options[0].effects[0].amount")
            && out.contains("[currency_mismatch]"),
        "{out}"
    );
}

#[test]
fn program_brings_money_to_one_currency_with_the_rates_given() {
    let (ok, out, _) = cleanprod(&[
        "program",
        "examples",
        "--format",
        "json",
        "--rate",
        "USD",
        "--rate",
        "MXN=0.05",
        "--rate",
        "INR=0.012",
    ]);
    assert!(ok);
    let p: serde_json::Value = serde_json::from_str(&out).unwrap();
    let money = p["totals"]["money"].as_array().unwrap();
    assert_eq!(money.len(), 1);
    assert_eq!(money[0]["currency"], "USD");
    let (ok, _, err) = cleanprod(&["program", "examples", "--rate", "MXN=abc"]);
    assert!(!ok && err.contains("--rate"), "{err}");
}

#[test]
fn program_ranks_the_sites_by_their_potential() {
    let (ok, out, _) = cleanprod(&["program", "examples", "--rank", "water", "--format", "csv"]);
    assert!(ok);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(
        lines[0].starts_with("rank,document,site,value"),
        "{}",
        lines[0]
    );
    let values: Vec<f64> = lines[1..]
        .iter()
        .map(|l| l.split(',').nth(3).unwrap().parse().unwrap())
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    let (ok, _, err) = cleanprod(&["program", "examples", "--rank", "npv"]);
    assert!(!ok && err.contains("exchange rates"), "{err}");
    let (ok, out, _) = cleanprod(&[
        "program",
        "examples",
        "--rank",
        "npv",
        "--rate",
        "USD",
        "--rate",
        "MXN=0.05",
        "--rate",
        "INR=0.012",
    ]);
    assert!(ok && out.contains("ranked by potential"), "{out}");
}

#[test]
fn region_writes_the_same_synthetic_firms_for_a_seed() {
    let (ok, out, err) = cleanprod(&["region", "--firms", "5"]);
    assert!(ok, "{err}");
    // Seed 2026, drawn once and kept: a change of the streams or distributions shows here.
    assert_eq!(
        out,
        "id,sector,rooms,occupancy,production.output,raw_hides,beds\n\
         F1,automotive,,,183900 /yr,,\n\
         F2,hotel,48,54.4 %,,,\n\
         F3,tanning,,,,12.57 t/d,\n\
         F4,chemicals,,,78.51 t/yr,,\n\
         F5,hotel,82,70.3 %,,,\n"
    );
    let (_, other, _) = cleanprod(&["region", "--firms", "5", "--seed", "7"]);
    assert_ne!(out, other);
}

#[test]
fn screen_ranks_the_firms_of_a_table_and_names_the_bad_rows() {
    let dir = std::env::temp_dir().join(format!("cleanprod-screen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("firms.csv");
    std::fs::write(
        &file,
        "id,sector,raw_hides,rooms\nsmall,tanning,3 t/d,\nlarge,tanning,30 t/d,\nhuge,tanning,300 t/d,\nh,hotel,,90\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (ok, out, err) = cleanprod(&["screen", f, "--rank", "water", "--top", "2"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("4 firms screened, 1 failed; ranked by water"),
        "{out}"
    );
    let large = out.find("large").unwrap();
    assert!(large < out.find("small").unwrap_or(usize::MAX), "{out}");
    assert!(out.contains("failed: huge: raw_hides"), "{out}");
    let (ok, csv, _) = cleanprod(&["screen", f, "--rank", "co2", "--format", "csv"]);
    assert!(ok);
    assert!(
        csv.starts_with("rank,row,id,sector,size,value,currency,npv"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4); // header and the three firms screened
    // By NPV over MXN and USD: the rates are needed.
    let (ok, _, err) = cleanprod(&["screen", f]);
    assert!(!ok && err.contains("exchange_rates"), "{err}");
    let (ok, out, _) = cleanprod(&["screen", f, "--rate", "USD", "--rate", "MXN=0.055"]);
    assert!(
        ok && out.contains("ranked by npv") && out.contains(" USD"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn fund_prints_its_books_and_with_draws_its_survival() {
    let file = "examples/funds/bajio_fund.toml";
    let (ok, out, err) = cleanprod(&["fund", file]);
    assert!(ok, "{err}");
    assert!(out.contains("year by year") && out.contains("leverage"));
    assert!(out.contains("saved over the years: water"));
    assert!(!out.contains("survival"));
    let (ok, json, err) = cleanprod(&[
        "fund", file, "--format", "json", "--draws", "200", "--seed", "3",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The books close every year: capital + interest − losses − outstanding = cash.
    for y in v["fund"]["years"].as_array().unwrap() {
        let f = |k: &str| y[k].as_f64().unwrap();
        let lhs =
            f("capital") + f("cumulative_interest") - f("cumulative_losses") - f("outstanding");
        assert!((lhs - f("cash")).abs() < 1e-6 * f("capital"), "{y}");
    }
    let mc = &v["monte_carlo"];
    assert_eq!(mc["draws"], 200);
    let survival = mc["survival"].as_f64().unwrap();
    assert_eq!(survival, mc["survived"].as_f64().unwrap() / 200.0);
    assert_eq!(mc["yearly"].as_array().unwrap().len(), 10);
    // The same draws on one thread.
    let (_, again, _) = cleanprod(&[
        "fund",
        file,
        "--format",
        "json",
        "--draws",
        "200",
        "--seed",
        "3",
        "--threads",
        "1",
    ]);
    assert_eq!(again, json);
    let (ok, text, _) = cleanprod(&["fund", file, "--draws", "50"]);
    assert!(ok && text.contains("survival probability") && text.contains("P95"));
    let svg = scratch("fund-chart").join("fund.svg");
    let (ok, _, err) = cleanprod(&[
        "fund",
        file,
        "--draws",
        "50",
        "--chart",
        svg.to_str().unwrap(),
        "--lang",
        "es",
    ]);
    assert!(ok, "{err}");
    let svg = std::fs::read_to_string(svg).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("data-role=\"band\""));
    assert!(svg.contains("Saldo del fondo"));
    let (ok, csv, _) = cleanprod(&["fund", file, "--format", "csv"]);
    assert!(ok && csv.starts_with("year,contributions,loans_made"));
    assert_eq!(csv.lines().count(), 11);
}

#[test]
fn fund_errors_name_the_field() {
    let dir = scratch("fund");
    let bad = dir.join("bad.toml");
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/funds/bajio_fund.toml"),
    )
    .unwrap()
    .replace("share = 0.9 ", "share = 1.9 ")
    .replace("../", "../../does-not-matter/");
    std::fs::write(
        &bad,
        text.replace("assessments = [", "assessments = [] # ["),
    )
    .unwrap();
    let (ok, _, err) = cleanprod(&["fund", bad.to_str().unwrap()]);
    assert!(!ok && err.contains("rules.share"), "{err}");
}

#[test]
fn screen_draws_the_region_uncertainty_for_every_firm_as_the_core_does() {
    use cleanprod::SourceFormat;
    use cleanprod::program::screen::{Firms, ScreenSettings, screen, uncertainty_from_text};
    let dir = std::env::temp_dir().join(format!("cleanprod-screen-mc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("firms.csv");
    let table =
        "id,sector,raw_hides,rooms\nsmall,tanning,3 t/d,\nlarge,tanning,30 t/d,\nh,hotel,,90\n";
    std::fs::write(&file, table).unwrap();
    let f = file.to_str().unwrap();
    let u = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/screen/uncertainty.toml"
    );
    let args = [
        "screen",
        f,
        "--uncertainty",
        u,
        "--draws",
        "300",
        "--seed",
        "11",
        "--rank",
        "npv_p10",
        "--rate",
        "USD",
        "--rate",
        "MXN=0.055",
    ];
    let (ok, json, err) = cleanprod(&[&args[..], &["--format", "json"]].concat());
    assert!(ok, "{err}");
    // The core's screening with the same section and the flags in place of its figures.
    let mut section =
        uncertainty_from_text(&std::fs::read_to_string(u).unwrap(), SourceFormat::Toml).unwrap();
    section.draws = Some(300);
    section.seed = Some(11);
    let core = screen(
        &Firms::from_csv(table).unwrap(),
        &ScreenSettings {
            by: "npv_p10".parse().unwrap(),
            exchange_rates: Some(cleanprod::program::ExchangeRates {
                currency: "USD".into(),
                rates: [("MXN".to_string(), 0.055)].into(),
            }),
            uncertainty: Some(section),
            ..ScreenSettings::default()
        },
    )
    .unwrap();
    assert_eq!(
        json,
        format!("{}\n", serde_json::to_string_pretty(&core).unwrap())
    );
    assert_eq!(core.draws, Some(300));
    assert!(core.ranking.iter().all(|r| r.npv_p10 == Some(r.value)));
    let (ok, text, _) = cleanprod(&args);
    assert!(
        ok && text.contains("NPV P10 (300)") && text.contains("P(<0)"),
        "{text}"
    );
    // The section inline, in TOML.
    let inline = r#"inputs = [{ path = "prices.water", spread = "± 20 %" }]"#;
    let (ok, csv, err) = cleanprod(&[
        "screen",
        f,
        "--uncertainty",
        inline,
        "--rank",
        "water",
        "--format",
        "csv",
    ]);
    assert!(ok, "{err}");
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with("npv_mean,npv_p10,npv_p50,npv_p90,probability_loss"),
        "{csv}"
    );
    // Draws without what to draw, and a figure a screening does not vary.
    let (ok, _, err) = cleanprod(&["screen", f, "--draws", "10"]);
    assert!(!ok && err.contains("--uncertainty"), "{err}");
    let bad = r#"inputs = [{ path = "schedule.days_per_year", spread = "± 5 %" }]"#;
    let (ok, _, err) = cleanprod(&["screen", f, "--uncertainty", bad, "--rank", "water"]);
    assert!(!ok && err.contains("uncertainty.inputs[0].path"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
