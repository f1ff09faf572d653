//! Input a hostile or careless user gives (issue 18, "found already"): each becomes a named
//! error at the document's own field, or a correct number; never a panic, a NaN or an
//! infinity.

use cleanprod::finance::{self, Loan, When};
use cleanprod::units::{self, Dimension};
use cleanprod::{Assessment, report};

/// The options fixture with `from` replaced by `to`.
fn options_doc(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/documents/valid/options.toml"
    ))
    .unwrap();
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

fn tannery(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/tannery.toml"
    ))
    .unwrap();
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn names_longer_than_a_format_width_print_without_a_panic() {
    let long = "x".repeat(70_000);
    let a = Assessment::from_toml_str(&options_doc(
        "id = \"aerators\"",
        &format!("id = \"{long}\""),
    ))
    .unwrap();
    let r = a.report().unwrap();
    let text = report::report_text(&r);
    assert!(text.contains(&long));
    // Columns stay narrow: the short names are not padded to the long one.
    let line = text.lines().find(|l| l.contains("switch_off")).unwrap();
    assert!(line.len() < 200, "{}", line.len());
    assert!(report::report_markdown(&r).contains(&long));
    let a = Assessment::from_toml_str(&options_doc(
        "water = \"2 USD/m3\"",
        &format!("water = \"2 USD/m3\"\n{long} = \"1 USD/m3\""),
    ))
    .unwrap();
    assert!(report::summary_text(&a.summary()).contains(&long));
}

#[test]
fn numbers_too_large_for_a_document_are_unit_errors() {
    let e = units::to_si("1e308 t", Dimension::Mass).unwrap_err();
    assert_eq!(e.code(), "unit_number");
    assert!(e.to_string().contains("1e100"), "{e}");
    assert!(units::to_si("1e99 t", Dimension::Mass).unwrap().is_finite());
    let e = Assessment::from_toml_str(&options_doc(
        "output = \"40000 /yr\"",
        "output = \"1e308 t/d\"",
    ))
    .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("unit_number", "production.output"),
        "{e}"
    );
    let e = Assessment::from_toml_str(&options_doc(
        "amount = \"50 kWh/d\"",
        "amount = \"1e300 kWh/d\"",
    ))
    .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("unit_number", "options[1].effects[0].amount"),
        "{e}"
    );
    // The largest accepted figures give finite results everywhere.
    let a = Assessment::from_toml_str(&options_doc(
        "amount = \"50 kWh/d\"",
        "amount = \"1e100 kWh/d\"",
    ))
    .unwrap();
    let json = serde_json::to_string(&a.report().unwrap()).unwrap();
    assert!(
        !json.contains("null,\"irr\"") && !json.contains("inf"),
        "{json}"
    );
    let e = Assessment::from_toml_str(&options_doc(
        "capex = \"2400 USD\"",
        "capex = \"1e308 USD\"",
    ))
    .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("unit_number", "options[0].capex"),
        "{e}"
    );
}

#[test]
fn finance_at_the_edges_of_f64_gives_right_numbers_or_errors() {
    // An IRR does not depend on the scale of the flows: -1 + 1/(1+r) + 1/(1+r)^2 = 0 at
    // r = (1 + √5)/2 − 1 = 0.618.
    let r = finance::irr(&[-1e308, 1e308, 1e308]).unwrap();
    assert!((r - 0.618_033_988_749_895).abs() < 1e-12, "{r}");
    let r = finance::irr(&[-1e-300, 1e-300, 1e-300]).unwrap();
    assert!((r - 0.618_033_988_749_895).abs() < 1e-12, "{r}");
    // (1+r)^n − 1 ≈ n·r for tiny rates: the factor tends to 1/n.
    let crf = finance::capital_recovery_factor(1e-16, 10.0).unwrap();
    assert!((crf - 0.1).abs() < 1e-12, "{crf}");
    // 1000 repaid at 100 a period at a rate next to zero: 10 periods.
    let n = finance::nper(1e-17, -100.0, 1000.0, 0.0, When::End).unwrap();
    assert!((n - 10.0).abs() < 1e-9, "{n}");
    let e = Loan::new(1000.0, 1e308, 5.0, 1).schedule().unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("out_of_range", "loan.annual_rate"),
        "{e}"
    );
}

#[test]
fn a_free_resource_has_cost_curve_steps() {
    let a = Assessment::from_toml_str(&options_doc("water = \"2 USD/m3\"", "water = \"0 USD/m3\""))
        .unwrap();
    let e = a.evaluate().unwrap();
    let steps = &e.portfolio.cost_curves["water"].steps;
    assert_eq!(steps.len(), 1);
    // 4800 m3/yr for 2400 over 10 years at 10 %: 2400 × 0.16275 / 4800 = 0.0814 per m3.
    assert!((steps[0].width - 4800.0).abs() < 1e-9, "{}", steps[0].width);
    assert!(
        (steps[0].height - 0.081_372_698).abs() < 1e-6,
        "{}",
        steps[0].height
    );
    let json = serde_json::to_string(&a.report().unwrap()).unwrap();
    assert!(!json.contains("\"width\":null"), "{json}");
}

#[test]
fn a_stage_listed_twice_is_an_error() {
    let e = Assessment::from_toml_str(&tannery(
        "stages = [\"deliming\", \"washing\"]",
        "stages = [\"deliming\", \"washing\", \"washing\"]",
    ))
    .unwrap_err();
    assert_eq!(e.code(), "out_of_range", "{e}");
    assert_eq!(e.path(), "template.tanning.options[0].stages[2]", "{e}");
    assert!(e.to_string().contains("twice"), "{e}");
}

#[test]
fn errors_name_the_documents_fields() {
    // An emission factor in kg: the field by its name, and what an emission factor is.
    let e = Assessment::from_toml_str(&options_doc(
        "[finance]",
        "[ghg]\nelectricity = \"1 kg\"\n\n[finance]",
    ))
    .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("unit_dimension", "ghg.electricity"),
        "{e}"
    );
    assert!(
        e.to_string().contains("emission factor") && e.to_string().contains("kg/kWh"),
        "{e}"
    );
    // A loan longer than the option's life: the financing's loan term.
    let a = Assessment::from_toml_str(&options_doc(
        "horizon = \"10 yr\"",
        "horizon = \"10 yr\"\nfinancing = { loan_share = \"50 %\", interest_rate = \"8 %\", loan_term = \"8 yr\" }",
    ))
    .unwrap();
    let e = a.evaluate().unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("out_of_range", "finance.financing.loan_term"),
        "{e}"
    );
    assert!(e.to_string().contains("gadget"), "{e}");
}

#[test]
fn a_saving_in_the_wrong_unit_is_found_when_the_document_is_read() {
    let e = Assessment::from_toml_str(&options_doc(
        "amount = \"4800 m3/yr\"",
        "amount = \"4800 kWh/yr\"",
    ))
    .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("unit_dimension", "options[0].effects[0].amount"),
        "{e}"
    );
    assert_eq!(e.category().name(), "unit");
    assert!(e.to_string().contains("priced per volume"), "{e}");
}

#[test]
fn a_budget_with_too_many_options_fails_when_read_not_when_assessed() {
    let mut extra = String::new();
    for i in 0..21 {
        extra.push_str(&format!(
            "\n[[options]]\nid = \"o{i}\"\ntitle = \"o\"\ncategory = \"good_housekeeping\"\neffects = [{{ kind = \"saving\", resource = \"water\", amount = \"{} m3/yr\" }}]\n",
            i + 1
        ));
    }
    let text = options_doc(
        "horizon = \"10 yr\"",
        "horizon = \"10 yr\"\ncapital_budget = \"5000 USD\"",
    ) + &extra;
    let e = Assessment::from_toml_str(&text).unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("out_of_range", "finance.capital_budget"),
        "{e}"
    );
    assert!(e.to_string().contains("24 options"), "{e}");
}

#[test]
fn template_options_are_named_in_the_template() {
    // Duplicate id between a document option and a catalogue option: the template's option.
    let text = tannery(
        "[finance]",
        "[[options]]\nid = \"batch_washing\"\ntitle = \"t\"\ncategory = \"good_housekeeping\"\neffects = [{ kind = \"saving\", resource = \"water\", amount = \"1 m3/yr\" }]\n\n[finance]",
    );
    let e = Assessment::from_toml_str(&text).unwrap_err();
    assert!(e.path().starts_with("template.tanning.options["), "{e}");
    assert!(e.path().ends_with("].id"), "{e}");
}

mod limits {
    use cleanprod::document::Limits;
    use cleanprod::{Assessment, SourceFormat};

    fn options_with(n: usize) -> String {
        let mut text = super::options_doc("", "");
        for i in 0..n {
            text.push_str(&format!(
                "\n[[options]]\nid = \"x{i}\"\ntitle = \"x\"\ncategory = \"good_housekeeping\"\neffects = [{{ kind = \"saving\", resource = \"water\", amount = \"1 m3/yr\" }}]\n"
            ));
        }
        text
    }

    fn refused(text: &str, limits: &Limits, path: &str, limit: &str) {
        let e = Assessment::parse_with(text, SourceFormat::Toml, limits).unwrap_err();
        assert_eq!((e.code(), e.path()), ("limit_exceeded", path), "{e}");
        assert_eq!(e.category().name(), "value");
        assert!(e.to_string().contains(limit), "{e}");
    }

    #[test]
    fn each_limit_plus_one_is_a_named_error_and_the_limit_itself_passes() {
        // The fixture has 3 options and 2 prices.
        let text = options_with(2);
        let at = Limits {
            max_options: 5,
            ..Limits::NATIVE
        };
        assert!(Assessment::parse_with(&text, SourceFormat::Toml, &at).is_ok());
        refused(
            &options_with(3),
            &at,
            "options",
            "more than the limit of 5 (max_options)",
        );
        let small = |l: Limits| l;
        refused(
            &text,
            &small(Limits {
                max_bytes: text.len() - 1,
                ..Limits::NATIVE
            }),
            "",
            "max_bytes",
        );
        assert!(
            Assessment::parse_with(
                &text,
                SourceFormat::Toml,
                &Limits {
                    max_bytes: text.len(),
                    ..Limits::NATIVE
                }
            )
            .is_ok()
        );
        refused(
            &text,
            &Limits {
                max_prices: 1,
                ..Limits::NATIVE
            },
            "prices",
            "max_prices",
        );
        let flowsheet = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/documents/valid/flowsheet.toml"
        ))
        .unwrap();
        let f = Assessment::from_toml_str(&flowsheet).unwrap();
        let fs = f.document().flowsheet.as_ref().unwrap();
        let (s, n, c) = (fs.streams.len(), fs.nodes.len(), fs.components.len());
        for (limits, path, name) in [
            (
                Limits {
                    max_streams: s - 1,
                    ..Limits::NATIVE
                },
                "flowsheet.streams",
                "max_streams",
            ),
            (
                Limits {
                    max_nodes: n - 1,
                    ..Limits::NATIVE
                },
                "flowsheet.nodes",
                "max_nodes",
            ),
            (
                Limits {
                    max_components: c - 1,
                    ..Limits::NATIVE
                },
                "flowsheet.components",
                "max_components",
            ),
        ] {
            refused(&flowsheet, &limits, path, name);
        }
        let risk = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/documents/valid/risk.toml"
        ))
        .unwrap();
        refused(
            &risk,
            &Limits {
                max_uncertain_inputs: 2,
                ..Limits::NATIVE
            },
            "uncertainty.inputs",
            "max_uncertain_inputs",
        );
        refused(
            &risk,
            &Limits {
                max_draws: 1999,
                ..Limits::NATIVE
            },
            "uncertainty.draws",
            "max_draws",
        );
        // A template's options count with the document's.
        let tannery = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/tannery.toml"
        ))
        .unwrap();
        let a = Assessment::from_toml_str(&tannery).unwrap();
        assert!(a.document().options.is_empty());
        refused(
            &tannery,
            &Limits {
                max_options: a.options().len() - 1,
                ..Limits::NATIVE
            },
            "options",
            "max_options",
        );
    }

    #[test]
    fn nesting_of_a_value_is_bounded_without_recursion() {
        let mut deep = serde_json::json!(1);
        for _ in 0..1_000 {
            deep = serde_json::Value::Array(vec![deep]);
        }
        let mut doc: serde_json::Value = serde_json::from_str(
            &Assessment::from_toml_str(&super::options_doc("", ""))
                .unwrap()
                .to_json_string(),
        )
        .unwrap();
        doc["site"]["extra"] = deep;
        let e = Assessment::from_json_value(doc.clone()).unwrap_err();
        assert_eq!((e.code(), e.path()), ("limit_exceeded", ""), "{e}");
        assert!(e.to_string().contains("max_depth"), "{e}");
        // Text nested beyond the readers' own bounds is a syntax error, not a crash.
        let text = format!(
            "format = \"cleanprod/1\"\nx = {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(
            Assessment::from_toml_str(&text).unwrap_err().code(),
            "syntax"
        );
    }

    #[test]
    fn the_defaults_are_the_builds_and_the_web_is_strictest() {
        assert_eq!(Limits::default(), Limits::NATIVE);
        let (n, w) = (Limits::NATIVE, Limits::WEB);
        assert!(w.max_bytes < n.max_bytes && w.max_depth < n.max_depth);
        assert!(w.max_streams < n.max_streams && w.max_options < n.max_options);
        assert!(w.max_draws < n.max_draws && w.max_prices < n.max_prices);
        // At the native default itself: one price more than allowed.
        let mut text = super::options_doc("", "");
        let mut prices = String::from("[prices]\n");
        for i in 0..=n.max_prices {
            prices.push_str(&format!("p{i} = \"1 USD/m3\"\n"));
        }
        text = text.replacen("[prices]\n", &prices, 1);
        let e = Assessment::from_toml_str(&text).unwrap_err();
        assert_eq!((e.code(), e.path()), ("limit_exceeded", "prices"), "{e}");
        // Counted before any price is read: one written in a wrong unit does not matter yet.
        let text = text.replacen("p0 = \"1 USD/m3\"", "p0 = \"1 kg\"", 1);
        let e = Assessment::from_toml_str(&text).unwrap_err();
        assert_eq!((e.code(), e.path()), ("limit_exceeded", "prices"), "{e}");
    }
}
