//! Risk simulation: closed forms the sampler and the propagation must reproduce, bit-identical
//! draws whatever the threads, errors naming their paths, and the golden draws every surface
//! compares exactly (`tests/fixtures/risk_draws.json`, rewritten with
//! `CLEANPROD_BLESS=1`).

use std::path::Path;

use cleanprod::Assessment;
use cleanprod::sections::uncertainty::Method;
use cleanprod::uncertainty::{Settings, Simulation, Simulator};
use serde_json::{Value, json};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn fixture_text() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/documents/valid/risk.toml")).unwrap()
}

fn simulate(text: &str, settings: &Settings) -> Simulation {
    let a = Assessment::from_toml_str(text).unwrap();
    Simulator::new(&a).unwrap().run(settings).unwrap()
}

/// The 10-year annuity factor at 10 %.
fn annuity() -> f64 {
    (1.0 - 1.1f64.powi(-10)) / 0.1
}

#[test]
fn npv_linear_in_a_uniform_price_has_the_closed_form_mean_and_loss_probability() {
    let s = simulate(&fixture_text(), &Settings::default());
    assert_eq!(s.draws, 2_000);
    let npv = s.output("rinse", "npv").unwrap();
    let spread = npv.spread.as_ref().unwrap();
    // Mean: the NPV at the mean price, 2 USD/m3.
    let at_mean = -10_000.0 + 1_000.0 * 2.0 * annuity();
    assert!((spread.mean - at_mean).abs() < 1.0, "{}", spread.mean);
    // P(NPV < 0) = P(p < 10,000 / (1,000 × annuity)) for p uniform on [1, 3].
    let breakeven = 10_000.0 / (1_000.0 * annuity());
    let exact = (breakeven - 1.0) / 2.0;
    let p = npv.probability_negative.unwrap();
    assert!((p - exact).abs() < 1.0 / 2_000.0 + 1e-12, "{p} vs {exact}");
    // Percentiles: the NPV at the price's percentiles (linear and increasing).
    let at = |price: f64| -10_000.0 + 1_000.0 * price * annuity();
    assert!((spread.p10 - at(1.2)).abs() < 5.0);
    assert!((spread.p90 - at(2.8)).abs() < 5.0);
}

#[test]
fn triangular_draws_converge_to_the_closed_form() {
    let s = simulate(&fixture_text(), &Settings::default());
    let capex = &s.inputs[1];
    assert_eq!(capex.path, "options[1].capex");
    let n = capex.values.len() as f64;
    let mean = capex.values.iter().sum::<f64>() / n;
    // (3000 + 4000 + 6500) / 3 = 4500
    assert!((mean - 4_500.0).abs() < 2.0, "{mean}");
    // P10 of the triangle: 3000 + √(0.1 × 3500 × 1000) = 3591.6
    assert!((capex.p10 - (3_000.0 + 350_000f64.sqrt())).abs() < 1e-9);
    let below = capex.values.iter().filter(|x| **x < capex.p10).count() as f64 / n;
    assert!((below - 0.1).abs() < 1.0 / n + 1e-12);
    // The lights' NPV moves one for one against its capex draw (its saving is fixed here
    // only through the electricity price, drawn separately): NPV + capex = saving × annuity.
    let lights = s.output("lights", "npv").unwrap();
    for ((c, npv), price) in capex
        .values
        .iter()
        .zip(&lights.values)
        .zip(&s.inputs[2].values)
    {
        let expected = -c + 9_000.0 * price * annuity();
        assert!((npv.unwrap() - expected).abs() < 1e-6);
    }
}

#[test]
fn tornado_swings_are_the_hand_computed_differences() {
    let s = simulate(
        &fixture_text(),
        &Settings {
            draws: Some(100),
            ..Settings::default()
        },
    );
    let npv = s.output("rinse", "npv").unwrap();
    let bar = &npv.tornado[0];
    assert_eq!(bar.input, "prices.water");
    // Water price from 1.2 to 2.8 USD/m3 on 1,000 m3/yr for 10 years.
    let swing = 1_000.0 * 1.6 * annuity();
    assert!((bar.swing.unwrap() - swing).abs() < 1e-6, "{:?}", bar.swing);
    // The rinse does not depend on the lights' capex or the electricity price.
    assert!(
        npv.tornado[1..]
            .iter()
            .all(|b| b.swing.unwrap().abs() < 1e-9)
    );
    // The lights' NPV: capex from its P10 to its P90 lowers it by their difference.
    let lights = s.output("lights", "npv").unwrap();
    let capex_bar = lights
        .tornado
        .iter()
        .find(|b| b.input == "options[1].capex")
        .unwrap();
    let (p10, p90) = (s.inputs[1].p10, s.inputs[1].p90);
    assert!((capex_bar.swing.unwrap() + (p90 - p10)).abs() < 1e-6);
    // Sensitivity from the draws: the rinse's NPV is a monotone function of the water price.
    assert!((npv.sensitivity[0].spearman - 1.0).abs() < 1e-12);
    assert!((npv.sensitivity[0].src.unwrap() - 1.0).abs() < 1e-9);
}

#[test]
fn draws_do_not_depend_on_threads_and_differ_by_seed_and_method() {
    let text = fixture_text();
    let settings = |threads, seed, method| Settings {
        draws: Some(64),
        seed: Some(seed),
        method: Some(method),
        threads: Some(threads),
        cancel: None,
    };
    let one = simulate(&text, &settings(1, 3, Method::Lhs));
    let two = simulate(&text, &settings(2, 3, Method::Lhs));
    assert_eq!(one, two);
    assert_ne!(
        one.inputs[0].values,
        simulate(&text, &settings(2, 4, Method::Lhs)).inputs[0].values
    );
    assert_ne!(
        one.inputs[0].values,
        simulate(&text, &settings(1, 3, Method::Mc)).inputs[0].values
    );
}

#[test]
fn rank_correlation_is_induced_between_inputs() {
    let text = format!(
        "{}\n[[uncertainty.correlations]]\ninputs = [\"prices.water\", \"prices.electricity\"]\nrank = 0.7\n",
        fixture_text()
    );
    let s = simulate(&text, &Settings::default());
    let rank = |v: &[f64]| {
        let mut idx: Vec<usize> = (0..v.len()).collect();
        idx.sort_by(|a, b| v[*a].total_cmp(&v[*b]));
        let mut r = vec![0.0; v.len()];
        for (k, i) in idx.into_iter().enumerate() {
            r[i] = k as f64;
        }
        r
    };
    let (a, b) = (rank(&s.inputs[0].values), rank(&s.inputs[2].values));
    let n = a.len() as f64;
    let m = (n - 1.0) / 2.0;
    let cov: f64 = a.iter().zip(&b).map(|(x, y)| (x - m) * (y - m)).sum();
    let var: f64 = a.iter().map(|x| (x - m) * (x - m)).sum();
    assert!((cov / var - 0.7).abs() < 0.03, "{}", cov / var);
}

#[test]
fn bad_sections_name_the_path() {
    let base = fixture_text();
    let cut = base.find("[[uncertainty.inputs]]").unwrap();
    let with = |inputs: &str| {
        let text = format!("{}{inputs}", &base[..cut]);
        let a = Assessment::from_toml_str(&text).unwrap();
        let e = Simulator::new(&a).unwrap_err();
        // `cleanprod check` finds the same without evaluating.
        assert_eq!(Simulator::check(&a).unwrap_err(), e);
        e
    };
    let e = with("[[uncertainty.inputs]]\npath = \"prices.steam\"\nspread = \"± 10 %\"\n");
    assert_eq!(e.path(), "uncertainty.inputs[0].spread");
    let e = with(
        "[[uncertainty.inputs]]\npath = \"options[7].capex\"\nmin = \"1 USD\"\nmax = \"2 USD\"\n",
    );
    assert_eq!(
        (e.path(), e.code()),
        ("uncertainty.inputs[0].path", "unknown_reference")
    );
    // A water price per kilogram: the price's own check names it.
    let e = with(
        "[[uncertainty.inputs]]\npath = \"prices.water\"\nmin = \"1 USD/kg\"\nmax = \"2 USD/kg\"\n",
    );
    assert_eq!((e.path(), e.code()), ("prices.water", "price_dimension"));
    let e = with(
        "[[uncertainty.inputs]]\npath = \"prices.water\"\ndistribution = \"pert\"\nmin = \"1 USD/m3\"\nmode = \"4 USD/m3\"\nmax = \"3 USD/m3\"\n",
    );
    assert_eq!(e.path(), "uncertainty.inputs[0].mode");
    let e = with(
        "[[uncertainty.inputs]]\npath = \"prices.water\"\nmin = \"1 USD/m3\"\nmax = \"3 USD/m3\"\n[[uncertainty.correlations]]\ninputs = [\"prices.water\", \"prices.gas\"]\nrank = 0.5\n",
    );
    assert_eq!(e.path(), "uncertainty.correlations[0].inputs[1]");
    let a = Assessment::from_toml_str(&base).unwrap();
    let sim = Simulator::new(&a).unwrap();
    let e = sim
        .run(&Settings {
            seed: Some(1 << 53),
            ..Settings::default()
        })
        .unwrap_err();
    assert_eq!(e.path(), "seed");
}

#[test]
fn measured_flows_are_sampled_by_one_switch() {
    let text = std::fs::read_to_string(root().join("examples/tannery_measured.toml")).unwrap();
    let text = format!("{text}\n[uncertainty]\nmeasured = true\n");
    let a = Assessment::from_toml_str(&text).unwrap();
    let sim = Simulator::new(&a).unwrap();
    let paths = sim.input_paths();
    assert!(
        paths.contains(&"flowsheet.streams[soak_in].flows.water"),
        "{paths:?}"
    );
    assert!(paths.contains(&"flowsheet.energy[beamhouse_drums].amount"));
    let s = sim
        .run(&Settings {
            draws: Some(8),
            ..Settings::default()
        })
        .unwrap();
    let soak = s
        .inputs
        .iter()
        .find(|i| i.path == "flowsheet.streams[soak_in].flows.water")
        .unwrap();
    assert_eq!(soak.unit, "m3/d");
    assert_eq!(soak.base, Some(120.0));
    // Measured flows drawn independently can contradict an option's edits (a rinse taking
    // out more water than a low draw brings in): such draws are counted and named, not hidden.
    assert!(s.failed_draws < 4, "{:?}", s.failed);
    assert_eq!(s.failed.len() as u32, s.failed_draws);
    for f in &s.failed {
        assert!(f.path.starts_with("options["), "{f:?}");
    }
    if s.failed_draws > 0 {
        assert!(
            s.warnings
                .iter()
                .any(|w| w.contains("could not be appraised"))
        );
    }
}

/// The draws and results every surface must reproduce bit for bit.
fn golden_draws() -> Value {
    let text = fixture_text();
    let mut runs = Vec::new();
    for method in [Method::Mc, Method::Lhs] {
        let s = simulate(
            &text,
            &Settings {
                draws: Some(16),
                seed: Some(7),
                method: Some(method),
                threads: Some(2),
                cancel: None,
            },
        );
        runs.push(json!({
            "method": method.key(),
            "seed": 7,
            "draws": 16,
            "inputs": s.inputs.iter().map(|i| json!({"path": i.path, "values": i.values})).collect::<Vec<_>>(),
            "npv": s.outputs.iter().filter(|o| o.metric == "npv").map(|o| json!({"option": o.option, "values": o.values})).collect::<Vec<_>>(),
            "probability_negative": s.output("rinse", "npv").unwrap().probability_negative,
        }));
    }
    json!({"document": "tests/fixtures/documents/valid/risk.toml", "runs": runs})
}

#[test]
fn golden_draws_are_reproduced_exactly() {
    same_as_fixture(
        "tests/fixtures/risk_draws.json",
        &golden_draws(),
        "the draws",
    );
}

/// `now` against the JSON fixture at `file` (rewritten instead when blessing), exactly:
/// serde_json writes the shortest text that reads back to the same bits.
fn same_as_fixture(file: &str, now: &Value, what: &str) {
    let path = root().join(file);
    if super::golden::blessing() {
        std::fs::write(&path, serde_json::to_string_pretty(now).unwrap() + "\n").unwrap();
        return;
    }
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        *now, expected,
        "{what} changed: if on purpose, bless and say why"
    );
}

/// Every example's prices, discount rate and first option's capex sampled: draws take the
/// short route (expansion and balance kept) and give the long route's figures, bit for bit.
#[test]
fn the_short_route_equals_the_long_route_on_every_example() {
    for name in [
        "tannery",
        "tannery_measured",
        "hotel",
        "hospital",
        "chemicals",
        "automotive",
    ] {
        let text = std::fs::read_to_string(root().join(format!("examples/{name}.toml"))).unwrap();
        let text = match text.find("\n[uncertainty]") {
            Some(k) => text[..k].to_string(),
            None => text,
        };
        let a = Assessment::from_toml_str(&text).unwrap();
        let mut section = String::from("\n[uncertainty]\n");
        for resource in a.document().prices.keys() {
            section.push_str(&format!(
                "[[uncertainty.inputs]]\npath = \"prices.{resource}\"\nspread = \"± 30 %\"\n"
            ));
        }
        section.push_str(
            "[[uncertainty.inputs]]\npath = \"finance.discount_rate\"\nspread = \"± 20 %\"\n",
        );
        if a.document()
            .options
            .first()
            .is_some_and(|o| o.capex.is_some())
        {
            section.push_str(
                "[[uncertainty.inputs]]\npath = \"options[0].capex\"\nspread = \"± 25 %\"\n",
            );
        }
        let a = Assessment::from_toml_str(&format!("{text}{section}")).unwrap();
        let sim = Simulator::new(&a).unwrap();
        assert!(sim.reappraises_only(), "{name}");
        let s = sim
            .run(&Settings {
                draws: Some(6),
                seed: Some(5),
                ..Settings::default()
            })
            .unwrap();
        for i in 0..6 {
            let row: Vec<f64> = s.inputs.iter().map(|x| x.values[i]).collect();
            let short = sim.evaluate(&row);
            let long = sim.evaluate_rewritten(&row);
            match (short, long) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}, draw {i}"),
                (Err(a), Err(b)) => {
                    assert_eq!((a.code(), a.path()), (b.code(), b.path()), "{name}")
                }
                (a, b) => panic!("{name}, draw {i}: {a:?} against {b:?}"),
            }
        }
    }
    // Template figures take the template route (the template typed and expanded again, the
    // rest of the document kept typed), whose draws give the figures of the document rewritten
    // and appraised afresh; so do the tornado's evaluations.
    let text = std::fs::read_to_string(root().join("examples/tannery.toml")).unwrap();
    let sim = Simulator::new(&Assessment::from_toml_str(&text).unwrap()).unwrap();
    assert!(!sim.reappraises_only());
    assert!(sim.reexpands_template());
    let s = sim
        .run(&Settings {
            draws: Some(4),
            seed: Some(3),
            ..Settings::default()
        })
        .unwrap();
    for i in 0..4 {
        let row: Vec<f64> = s.inputs.iter().map(|x| x.values[i]).collect();
        assert_eq!(
            sim.evaluate(&row).unwrap(),
            sim.evaluate_rewritten(&row).unwrap(),
            "tannery, draw {i}"
        );
    }
    let base: Vec<f64> = s.inputs.iter().map(|x| x.base.unwrap()).collect();
    for (j, input) in s.inputs.iter().enumerate() {
        for end in [input.p10, input.p90] {
            let mut row = base.clone();
            row[j] = end;
            let long = sim.evaluate_rewritten(&row).unwrap();
            assert_eq!(
                sim.evaluate(&row).unwrap(),
                long,
                "tornado of {}",
                input.path
            );
            let npv = s.output("portfolio", "npv").unwrap();
            let bar = npv.tornado.iter().find(|b| b.input == input.path).unwrap();
            let at = if end == input.p10 {
                bar.at_p10
            } else {
                bar.at_p90
            };
            let o = sim
                .output_names()
                .iter()
                .position(|(o, m, _)| o == "portfolio" && m == "npv")
                .unwrap();
            assert_eq!(at, long[o], "tornado of {}", input.path);
        }
    }
}

/// The numeric figures of a template (a number with its unit), by path, up to `most`.
fn template_figures(value: &Value, path: &str, out: &mut Vec<String>, most: usize) {
    match value {
        Value::String(t) if t.starts_with(|c: char| c.is_ascii_digit()) && out.len() < most => {
            out.push(path.to_string())
        }
        Value::Object(map) => {
            for (k, v) in map {
                template_figures(v, &format!("{path}.{k}"), out, most);
            }
        }
        Value::Array(items) => {
            for (k, v) in items.iter().enumerate() {
                template_figures(v, &format!("{path}[{k}]"), out, most);
            }
        }
        _ => {}
    }
}

/// Every example's template figures sampled with its prices: draws take the template route
/// and give the long route's figures (or its errors) bit for bit.
#[test]
fn the_template_route_equals_the_long_route_on_every_example() {
    for name in ["tannery", "hotel", "hospital", "chemicals", "automotive"] {
        let text = std::fs::read_to_string(root().join(format!("examples/{name}.toml"))).unwrap();
        let text = match text.find("\n[uncertainty]") {
            Some(k) => text[..k].to_string(),
            None => text,
        };
        let a = Assessment::from_toml_str(&text).unwrap();
        let mut paths = Vec::new();
        template_figures(&a.to_json_value()["template"], "template", &mut paths, 14);
        assert!(paths.len() > 3, "{name}: {paths:?}");
        let mut section = String::from("\n[uncertainty]\n");
        for path in &paths {
            section.push_str(&format!(
                "[[uncertainty.inputs]]\npath = \"{path}\"\nspread = \"± 10 %\"\n"
            ));
        }
        for resource in a.document().prices.keys().take(3) {
            section.push_str(&format!(
                "[[uncertainty.inputs]]\npath = \"prices.{resource}\"\nspread = \"± 30 %\"\n"
            ));
        }
        let a = Assessment::from_toml_str(&format!("{text}{section}")).unwrap();
        let sim = Simulator::new(&a).unwrap();
        assert!(sim.reexpands_template(), "{name}");
        // One thread: its draws reuse the flows of components solved by the draws before.
        let s = sim
            .run(&Settings {
                draws: Some(8),
                seed: Some(11),
                threads: Some(1),
                ..Settings::default()
            })
            .unwrap();
        for i in 0..8 {
            let row: Vec<f64> = s.inputs.iter().map(|x| x.values[i]).collect();
            let drawn: Vec<Option<f64>> = s.outputs.iter().map(|o| o.values[i]).collect();
            match (sim.evaluate(&row), sim.evaluate_rewritten(&row)) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a, b, "{name}, draw {i}");
                    // Bit for bit, as the golden draws are compared.
                    let bits = |r: &[Option<f64>]| -> Vec<Option<u64>> {
                        r.iter().map(|x| x.map(f64::to_bits)).collect()
                    };
                    assert_eq!(bits(&drawn), bits(&b), "{name}, draw {i} of the run");
                }
                (Err(a), Err(b)) => {
                    assert_eq!(
                        (a.code(), a.path(), a.to_string()),
                        (b.code(), b.path(), b.to_string()),
                        "{name}"
                    );
                    assert!(drawn.iter().all(Option::is_none), "{name}, draw {i}");
                }
                (a, b) => panic!("{name}, draw {i}: {a:?} against {b:?}"),
            }
        }
    }
}

#[test]
fn tornado_svg_draws_each_swing_to_scale() {
    let s = simulate(
        &fixture_text(),
        &Settings {
            draws: Some(100),
            ..Settings::default()
        },
    );
    let portfolio = s.output("portfolio", "npv").unwrap();
    let svg =
        cleanprod::report::tornado_svg(portfolio, "NPV of <all> options, USD", Default::default());
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 "));
    assert!(svg.contains(
        "<title id=\"tornado-title\">What drives the NPV of &lt;all&gt; options, USD</title>"
    ));
    assert!(svg.trim_end().ends_with("</svg>"));
    // One bar per input that moves the result, widest first, each drawn as one or two
    // rectangles (below and above the base) whose widths add up in proportion to the swing.
    // Bar k's rectangles are at y = 48 + 32 k (the chart's top margin and bar pitch).
    let widths: Vec<f64> = (0..portfolio.tornado.len())
        .map(|k| {
            let y = format!("y=\"{:.1}\"", 48.0 + 32.0 * k as f64);
            svg.lines()
                .filter(|l| l.starts_with("<rect") && l.contains(&y))
                .map(|l| {
                    l.split("width=\"")
                        .nth(1)
                        .unwrap()
                        .split('"')
                        .next()
                        .unwrap()
                        .parse::<f64>()
                        .unwrap()
                })
                .sum()
        })
        .collect();
    for bar in &portfolio.tornado {
        assert!(svg.contains(&format!(">{}</text>", bar.input)));
    }
    let swings: Vec<f64> = portfolio
        .tornado
        .iter()
        .map(|b| b.swing.unwrap().abs())
        .collect();
    assert_eq!(widths.len(), 3);
    for k in 1..3 {
        let ratio = widths[k] / widths[0];
        assert!(
            (ratio - swings[k] / swings[0]).abs() < 0.01,
            "{widths:?} {swings:?}"
        );
    }
    // The rinse moves with the water price only: one bar.
    let rinse = cleanprod::report::tornado_svg(
        s.output("rinse", "npv").unwrap(),
        "NPV of rinse, USD",
        Default::default(),
    );
    assert!(rinse.contains(">prices.water</text>"));
    assert!(!rinse.contains(">prices.electricity</text>"));
    // The same simulation gives the same bytes.
    assert_eq!(
        svg,
        cleanprod::report::tornado_svg(portfolio, "NPV of <all> options, USD", Default::default())
    );
}

#[test]
fn money_saved_directly_can_be_uncertain() {
    // condensate_return of valid/money.toml saves 5,000 to 8,000 USD a year (uniform): its
    // mean NPV is the NPV at 6,500, over 5 years at 10 %.
    let mut text =
        std::fs::read_to_string(root().join("tests/fixtures/documents/valid/money.toml")).unwrap();
    text.push_str(
        r#"
[uncertainty]
draws = 1000
seed = 3

[[uncertainty.inputs]]
path = "options[0].effects[0].amount"
distribution = "uniform"
min = "5000 USD/yr"
max = "8000 USD/yr"
"#,
    );
    let s = simulate(&text, &Settings::default());
    let spread = s
        .output("condensate_return", "npv")
        .unwrap()
        .spread
        .clone()
        .unwrap();
    let annuity5 = (1.0 - 1.1f64.powi(-5)) / 0.1;
    let at_mean = -13_780.0 + 6_500.0 * annuity5;
    assert!((spread.mean - at_mean).abs() < 1.0, "{}", spread.mean);
}

/// Options that only save directly, with every kind of money the kernel compiles (staged
/// investment, a later start, a shorter life, O&M, salvage, two savings of one resource, fuel
/// saved by mass with its CO2, alternatives) and every kind of input it samples, some drawn
/// where the document's checks refuse them (negative investments and prices): the compiled
/// kernel gives the long route's figures bit for bit, and its errors.
#[test]
fn the_kernel_equals_the_long_route_on_random_draws() {
    let text = r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "Kernel"
sector = "hotel"
[schedule]
days_per_year = 300
hours_per_day = "16 h"
[production]
product = "guest-night"
output = "100 /d"
[prices]
water = "2 USD/m3"
wastewater = "1.5 USD/m3"
electricity = "0.15 USD/kWh"
diesel = "1.1 USD/kg"
natural_gas = "9 USD/GJ"
[ghg]
electricity = "0.42 kg/kWh"
[finance]
discount_rate = "10 %"
horizon = "10 yr"
capital_budget = "20000 USD"
[[options]]
id = "rinse"
title = "Counter-current rinse"
category = "equipment_modification"
capex = "10000 USD"
om_change = "300 USD"
effects = [{ kind = "saving", resource = "water", amount = "1000 m3/yr" },
           { kind = "saving", resource = "wastewater", amount = "900 m3/yr" },
           { kind = "saving", resource = "water", amount = "2 m3/d" }]
[[options]]
id = "lights"
title = "LED lighting"
category = "technology_change"
capex = ["3000 USD", "1000 USD"]
lifetime = "6 yr"
start = "1 yr"
salvage = "500 USD"
group = "light"
effects = [{ kind = "saving", resource = "electricity", amount = "9000 kWh/yr" }]
[[options]]
id = "sensors"
title = "Occupancy sensors"
category = "technology_change"
capex = "2500 USD"
group = "light"
effects = [{ kind = "saving", resource = "electricity", amount = "1.2 kWh/h" }]
[[options]]
id = "burner"
title = "Burner tuning"
category = "good_housekeeping"
om_change = "-50 USD"
effects = [{ kind = "saving", resource = "diesel", amount = "800 kg/yr" },
           { kind = "saving", resource = "natural_gas", amount = "40 GJ/yr" }]
[uncertainty]
[[uncertainty.inputs]]
path = "prices.water"
distribution = "normal"
mean = "2 USD/m3"
sd = "1.2 USD/m3"
[[uncertainty.inputs]]
path = "prices.electricity"
distribution = "uniform"
min = "150 USD/MWh"
max = "250 USD/MWh"
[[uncertainty.inputs]]
path = "finance.discount_rate"
distribution = "triangular"
min = "-5 %"
mode = "10 %"
max = "40 %"
[[uncertainty.inputs]]
path = "ghg.electricity"
distribution = "uniform"
min = "0.1 t/MWh"
max = "0.9 t/MWh"
[[uncertainty.inputs]]
path = "options[0].capex"
distribution = "uniform"
min = "-2000 USD"
max = "30000 USD"
[[uncertainty.inputs]]
path = "options[0].om_change"
spread = "± 300 %"
[[uncertainty.inputs]]
path = "options[0].effects[2].amount"
distribution = "uniform"
min = "-3 m3/d"
max = "9 m3/d"
[[uncertainty.inputs]]
path = "options[1].salvage"
spread = "± 100 %"
[[uncertainty.inputs]]
path = "options[2].effects[0].amount"
distribution = "pert"
min = "0.2 kWh/h"
mode = "1.2 kWh/h"
max = "3 kWh/h"
[[uncertainty.inputs]]
path = "options[3].effects[0].amount"
spread = "± 50 %"
"#;
    let a = Assessment::from_toml_str(text).unwrap();
    let sim = Simulator::new(&a).unwrap();
    assert!(sim.compiled());
    let s = sim
        .run(&Settings {
            draws: Some(400),
            seed: Some(11),
            method: Some(Method::Mc),
            ..Settings::default()
        })
        .unwrap();
    let (mut same, mut refused) = (0, 0);
    for i in 0..400 {
        let row: Vec<f64> = s.inputs.iter().map(|x| x.values[i]).collect();
        match (sim.evaluate(&row), sim.evaluate_rewritten(&row)) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "draw {i}");
                same += 1;
            }
            (Err(a), Err(b)) => {
                assert_eq!((a.code(), a.path()), (b.code(), b.path()), "draw {i}");
                refused += 1;
            }
            (a, b) => panic!("draw {i}: {a:?} against {b:?}"),
        }
    }
    // Both kinds of draw were met.
    assert!(
        same > 200 && refused > 10,
        "{same} appraised, {refused} refused"
    );
    // The figures vary with the inputs (the row is not the document's own).
    let npv = s.output("rinse", "npv").unwrap().spread.clone().unwrap();
    assert!(npv.p10 < npv.p90);
}

/// The tannery's figures for `cleanprod risk examples/tannery.toml --draws 10000 --seed 7`
/// (the template route): each option's NPV spread, P(NPV < 0) and tornado, which Python and
/// JS reproduce exactly from `tests/fixtures/risk_tannery.json`.
fn tannery_golden() -> Value {
    let text = std::fs::read_to_string(root().join("examples/tannery.toml")).unwrap();
    let s = simulate(
        &text,
        &Settings {
            draws: Some(10_000),
            seed: Some(7),
            ..Settings::default()
        },
    );
    let npv: Vec<Value> = s
        .outputs
        .iter()
        .filter(|o| o.metric == "npv")
        .map(|o| {
            json!({
                "option": o.option,
                "spread": o.spread,
                "probability_negative": o.probability_negative,
                "tornado": o.tornado,
            })
        })
        .collect();
    json!({"document": "examples/tannery.toml", "draws": 10_000, "seed": 7, "npv": npv})
}

#[test]
fn tannery_figures_for_seed_7_are_reproduced_exactly() {
    same_as_fixture(
        "tests/fixtures/risk_tannery.json",
        &tannery_golden(),
        "the tannery's figures",
    );
}
