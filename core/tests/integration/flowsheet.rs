//! Material balances: hand-checked flowsheets and the properties of solving and reconciling.

use std::path::Path;

use cleanprod::Assessment;
use cleanprod::flowsheet::{Balance, ValueStatus};
use proptest::prelude::*;

const HEAD: &str = r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "test"
sector = "chemicals"
[schedule]
days_per_year = 365
hours_per_day = "24 h"
[production]
product = "p"
output = "1 t/yr"
[finance]
discount_rate = "10 %"
horizon = "10 yr"
"#;

/// One ton a year in the document is 1000 kg/yr in the balance.
fn balance(flowsheet: &str) -> Balance {
    let a = Assessment::from_toml_str(&format!("{HEAD}\n{flowsheet}")).unwrap();
    a.balance().unwrap().unwrap()
}

fn value(b: &Balance, component: usize, stream: &str) -> (Option<f64>, ValueStatus) {
    let s = b.components[component]
        .streams
        .iter()
        .find(|s| s.stream == stream)
        .unwrap();
    (s.value, s.status)
}

#[test]
fn fixture_by_hand() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/documents/valid/flowsheet.toml");
    let a = Assessment::from_toml_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let b = a.balance().unwrap().unwrap();
    assert_eq!(b.unit, "kg/yr");
    let kg = |m3_per_day: f64| m3_per_day * 300.0 * 1_000.0; // 300 operating days, 1 kg/L
    let water = &b.components[0];
    // equal uncertainties: both measurements move halfway, to 95 m3/d (STAN's help example of
    // data reconciliation: import and export with the same absolute uncertainty "changed to
    // the same extent (+/- 5)", stan2web.net NetHelp, "Data Reconciliation")
    let (m1, s1) = value(&b, 0, "m1");
    assert_eq!(s1, ValueStatus::Reconciled);
    assert!((m1.unwrap() - kg(95.0)).abs() < 1e-6);
    assert!((value(&b, 0, "m2").0.unwrap() - kg(95.0)).abs() < 1e-6);
    // z = 5 / sqrt(12.5) = sqrt(2); reconciled uncertainty sqrt(25 − 12.5) m3/d
    let m1s = water.streams.iter().find(|s| s.stream == "m1").unwrap();
    assert!((m1s.z.unwrap().abs() - 2f64.sqrt()).abs() < 1e-9);
    assert!((m1s.uncertainty.unwrap() - kg(12.5f64.sqrt())).abs() < 1e-6);
    // chi-square: 10² / (5² + 5²) = 2 with one degree of freedom: p = 0.1573
    let r = water.reconciliation.as_ref().unwrap();
    assert_eq!(r.degrees_of_freedom, 1);
    assert!((r.chi_square - 2.0).abs() < 1e-9);
    assert!((r.p_value - 0.157_299_2).abs() < 1e-6, "{}", r.p_value);
    assert!(r.consistent);
    // the unknown to the sewer is solved: 20 − 2 = 18 m3/d
    let (m4, s4) = value(&b, 0, "m4");
    assert_eq!(s4, ValueStatus::Solved);
    assert!((m4.unwrap() - kg(18.0)).abs() < 1e-6);
    // chrome: 500 in, 100 ± 10 % to the sewer (not redundant), 400 into leather
    let cr = &b.components[1];
    assert!(cr.reconciliation.is_none());
    assert_eq!(value(&b, 1, "m4").1, ValueStatus::Measured);
    assert!((value(&b, 1, "m5").0.unwrap() - 400.0 * 300.0).abs() < 1e-6);
    assert_eq!(cr.site.sinks["product"], Some(400.0 * 300.0));
    // every unit closes after solving
    for c in &b.components {
        for n in &c.nodes {
            assert!(
                n.residual.unwrap().abs() < 1e-6,
                "{} {}",
                c.component,
                n.node
            );
        }
    }
    // before reconciliation soaking is 10 % off, and is flagged
    let soak = water.nodes.iter().find(|n| n.node == "soak").unwrap();
    assert!((soak.given_closure_percent.unwrap() - 10.0).abs() < 1e-9);
    assert!(
        water
            .findings
            .iter()
            .any(|f| f.contains("unit soak does not close"))
    );
}

#[test]
fn splitter_mixer_and_a_loop_of_unknowns() {
    // a splitter whose two outputs are unknown: not determinable (a loop through the sink)
    let b = balance(
        r#"
[flowsheet]
components = ["water"]
nodes = [{ id = "in", kind = "source" }, { id = "split", kind = "process" }, { id = "out", kind = "wastewater" }]
streams = [
  { id = "a", from = "in", to = "split", flows = { water = "10 t/yr" } },
  { id = "b", from = "split", to = "out", flows = { water = "?" } },
  { id = "c", from = "split", to = "out", flows = { water = "?" } },
]
"#,
    );
    assert_eq!(value(&b, 0, "b").1, ValueStatus::Undetermined);
    assert_eq!(value(&b, 0, "c").1, ValueStatus::Undetermined);
    assert!(
        b.components[0]
            .findings
            .iter()
            .any(|f| f.contains("stream b is not determined"))
    );
    assert_eq!(b.components[0].nodes[0].residual, None);

    // mixer then splitter, one output measured: the other and the mix are solved
    let b = balance(
        r#"
[flowsheet]
components = ["water"]
nodes = [
  { id = "in", kind = "source" }, { id = "mix", kind = "process" },
  { id = "split", kind = "process" }, { id = "out", kind = "wastewater" },
]
streams = [
  { id = "a", from = "in", to = "mix", flows = { water = "10 t/yr" } },
  { id = "b", from = "in", to = "mix", flows = { water = "5 t/yr" } },
  { id = "m", from = "mix", to = "split", flows = { water = "?" } },
  { id = "o1", from = "split", to = "out", flows = { water = "4 t/yr ± 1 %" } },
  { id = "o2", from = "split", to = "out", flows = { water = "?" } },
]
"#,
    );
    assert!((value(&b, 0, "m").0.unwrap() - 15_000.0).abs() < 1e-9);
    assert!((value(&b, 0, "o2").0.unwrap() - 11_000.0).abs() < 1e-9);
    assert_eq!(value(&b, 0, "o1").1, ValueStatus::Measured);
}

#[test]
fn recycle_loop_with_a_bridge_to_the_environment() {
    // a and b form a recycle between two units; the unknown outlet is a bridge and is solved
    let b = balance(
        r#"
[flowsheet]
components = ["water"]
nodes = [
  { id = "in", kind = "source" }, { id = "u1", kind = "process" },
  { id = "u2", kind = "process" }, { id = "out", kind = "wastewater" },
]
streams = [
  { id = "feed", from = "in", to = "u1", flows = { water = "10 t/yr" } },
  { id = "fwd", from = "u1", to = "u2", flows = { water = "?" } },
  { id = "back", from = "u2", to = "u1", flows = { water = "?" } },
  { id = "drain", from = "u2", to = "out", flows = { water = "?" } },
]
"#,
    );
    assert!((value(&b, 0, "drain").0.unwrap() - 10_000.0).abs() < 1e-9);
    assert_eq!(value(&b, 0, "fwd").1, ValueStatus::Undetermined);
    assert_eq!(value(&b, 0, "back").1, ValueStatus::Undetermined);
}

#[test]
fn a_bridge_is_solved_from_its_own_side_only() {
    // The unknown feed enters a recycle loop of unknowns and is solved from the loop's side
    // (10 t/yr leave it); the estimates of the unrelated unit c, which do not balance (2 t/yr
    // unaccounted for), have no part in it.
    let b = balance(
        r#"
[flowsheet]
components = ["water"]
nodes = [
  { id = "in", kind = "source" }, { id = "u1", kind = "process" },
  { id = "u2", kind = "process" }, { id = "c", kind = "process" },
  { id = "out", kind = "wastewater" },
]
streams = [
  { id = "feed", from = "in", to = "u1", flows = { water = "?" } },
  { id = "fwd", from = "u1", to = "u2", flows = { water = "?" } },
  { id = "back", from = "u2", to = "u1", flows = { water = "?" } },
  { id = "drain", from = "u2", to = "out", flows = { water = "10 t/yr" } },
  { id = "c_in", from = "in", to = "c", flows = { water = "10 t/yr" } },
  { id = "c_out", from = "c", to = "out", flows = { water = "8 t/yr" } },
]
"#,
    );
    assert_eq!(value(&b, 0, "feed").1, ValueStatus::Solved);
    assert!((value(&b, 0, "feed").0.unwrap() - 10_000.0).abs() < 1e-9);
    assert_eq!(value(&b, 0, "fwd").1, ValueStatus::Undetermined);
    assert!(
        b.components[0]
            .findings
            .iter()
            .any(|f| f.contains("around c do not balance"))
    );
}

#[test]
fn gross_error_is_flagged() {
    // one zero too many in the inlet (STAN's example of a gross error)
    let b = balance(
        r#"
[flowsheet]
components = ["water"]
nodes = [{ id = "in", kind = "source" }, { id = "u", kind = "process" }, { id = "out", kind = "wastewater" }]
streams = [
  { id = "i", from = "in", to = "u", flows = { water = "1000 t/yr ± 10 t/yr" } },
  { id = "o", from = "u", to = "out", flows = { water = "100 t/yr ± 10 t/yr" } },
]
"#,
    );
    let c = &b.components[0];
    assert!(!c.reconciliation.as_ref().unwrap().consistent);
    assert!(c.streams.iter().all(|s| s.suspect));
}

#[test]
fn bad_flowsheets_are_errors_with_paths() {
    let cases = [
        (
            "{ id = \"a\", from = \"nowhere\", to = \"u\", flows = { water = \"1 t/yr\" } }",
            "unknown_reference",
            "flowsheet.streams[0].from",
        ),
        (
            "{ id = \"a\", from = \"in\", to = \"u\", flows = { salt = \"1 t/yr\" } }",
            "unknown_reference",
            "flowsheet.streams[0].flows.salt",
        ),
        (
            "{ id = \"a\", from = \"in\", to = \"u\", flows = { water = \"-1 t/yr\" } }",
            "out_of_range",
            "flowsheet.streams[0].flows.water",
        ),
        (
            "{ id = \"a\", from = \"in\", to = \"u\", flows = { water = \"1 t/yr ± 0 %\" } }",
            "out_of_range",
            "flowsheet.streams[0].flows.water",
        ),
        (
            "{ id = \"a\", from = \"in\", to = \"u\", flows = { water = \"1 kWh\" } }",
            "unit_dimension",
            "flowsheet.streams[0].flows.water",
        ),
    ];
    for (stream, code, path) in cases {
        let doc = format!(
            "{HEAD}\n[flowsheet]\ncomponents = [\"water\"]\nnodes = [{{ id = \"in\", kind = \"source\" }}, {{ id = \"u\", kind = \"process\" }}]\nstreams = [{stream}]\n"
        );
        let e = Assessment::from_toml_str(&doc).unwrap_err();
        assert_eq!((e.code(), e.path()), (code, path), "{e}");
    }
}

/// A chain source → u0 → u1 → ... → sink with a side stream per unit, all measured.
fn chain(values: &[(f64, f64)], order: &[usize]) -> String {
    let n = values.len() / 2;
    let mut nodes = vec![
        "{ id = \"in\", kind = \"source\" }".to_string(),
        "{ id = \"out\", kind = \"wastewater\" }".to_string(),
    ];
    for u in 0..n {
        nodes.push(format!("{{ id = \"u{u}\", kind = \"process\" }}"));
    }
    let mut streams = Vec::new();
    for u in 0..n {
        let from = if u == 0 {
            "in".to_string()
        } else {
            format!("u{}", u - 1)
        };
        let (x, sd) = values[2 * u];
        streams.push(format!("{{ id = \"main{u}\", from = \"{from}\", to = \"u{u}\", flows = {{ water = \"{x} t/yr ± {sd} t/yr\" }} }}"));
        let (y, sdy) = values[2 * u + 1];
        streams.push(format!("{{ id = \"side{u}\", from = \"u{u}\", to = \"out\", flows = {{ water = \"{y} t/yr ± {sdy} t/yr\" }} }}"));
    }
    streams.push(format!(
        "{{ id = \"last\", from = \"u{}\", to = \"out\", flows = {{ water = \"?\" }} }}",
        n - 1
    ));
    let streams: Vec<String> = order
        .iter()
        .filter_map(|&i| streams.get(i).cloned())
        .chain(streams.iter().skip(order.len()).cloned())
        .collect();
    nodes.reverse();
    format!(
        "[flowsheet]\ncomponents = [\"water\"]\nnodes = [{}]\nstreams = [{}]\n",
        nodes.join(", "),
        streams.join(", ")
    )
}

proptest! {
    /// After solving and reconciling, every unit balance closes, and reconciliation never
    /// moves a measurement without reason: the weighted adjustments' sum of squares equals the
    /// chi-square statistic.
    #[test]
    fn balances_close_and_chi_square_is_the_weighted_adjustment(
        raw in proptest::collection::vec((1.0f64..1000.0, 0.5f64..20.0), 4..12)
    ) {
        let values: Vec<(f64, f64)> = raw.iter().map(|(x, s)| ((x * 100.0).round() / 100.0, (s * 100.0).round() / 100.0)).collect();
        let values = &values[..values.len() / 2 * 2];
        let order: Vec<usize> = (0..values.len()).collect();
        let b = balance(&chain(values, &order));
        let c = &b.components[0];
        for n in &c.nodes {
            if let Some(r) = n.residual {
                let scale = n.inputs.unwrap_or(0.0).abs().max(1.0);
                prop_assert!(r.abs() <= 1e-9 * scale * 1e3, "{} {r}", n.node);
            }
        }
        if let Some(r) = &c.reconciliation {
            // main{u} carries values[2u], side{u} values[2u + 1]
            let sd_of = |id: &str| {
                let (kind, u) = id.split_at(4); // "main" or "side"
                let u: usize = u.parse().ok()?;
                Some(values[2 * u + usize::from(kind == "side")].1)
            };
            let weighted: f64 = c.streams.iter().filter_map(|s| {
                let (given, v) = (s.given?, s.value?);
                let sd = sd_of(&s.stream)?;
                Some(((given - v) / (sd * 1000.0)).powi(2))
            }).sum();
            prop_assert!((weighted - r.chi_square).abs() <= 1e-6 * r.chi_square.max(1.0), "{weighted} {}", r.chi_square);
        }
    }

    /// The order of nodes and streams in the document does not change the result.
    #[test]
    fn order_does_not_matter(raw in proptest::collection::vec((1.0f64..1000.0, 0.5f64..20.0), 4..10), seed in 0u64..1000) {
        let values: Vec<(f64, f64)> = raw.iter().map(|(x, s)| ((x * 100.0).round() / 100.0, (s * 100.0).round() / 100.0)).collect();
        let values = &values[..values.len() / 2 * 2];
        let n = values.len();
        let mut order: Vec<usize> = (0..n).collect();
        // a deterministic shuffle
        let mut state = seed;
        for i in (1..n).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        let a = balance(&chain(values, &(0..n).collect::<Vec<_>>()));
        let b = balance(&chain(values, &order));
        let get = |bal: &Balance, id: &str| bal.components[0].streams.iter().find(|s| s.stream == id).and_then(|s| s.value);
        for s in &a.components[0].streams {
            let (x, y) = (get(&a, &s.stream), get(&b, &s.stream));
            let same = match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
                (None, None) => true,
                _ => false,
            };
            prop_assert!(same, "{}: {:?} vs {:?}", s.stream, x, y);
        }
    }
}

#[test]
fn flows_per_batch_use_the_schedule() {
    let doc = |batches: &str| {
        format!(
            "{}\n[flowsheet]\ncomponents = [\"water\"]\nnodes = [{{ id = \"in\", kind = \"source\" }}, {{ id = \"drum\", kind = \"process\" }}, {{ id = \"out\", kind = \"wastewater\" }}]\nstreams = [\n  {{ id = \"fill\", from = \"in\", to = \"drum\", flows = {{ water = \"6 m3/batch ± 0.3\" }} }},\n  {{ id = \"drain\", from = \"drum\", to = \"out\", flows = {{ water = \"?\" }} }},\n]\n",
            HEAD.replace(
                "hours_per_day = \"24 h\"",
                &format!("hours_per_day = \"24 h\"\n{batches}")
            )
        )
    };
    let a = Assessment::from_toml_str(&doc("batches_per_day = 2")).unwrap();
    let b = a.balance().unwrap().unwrap();
    // 6 m3 × 2 batches × 365 days × 1000 kg/m3
    assert!((value(&b, 0, "drain").0.unwrap() - 6.0 * 2.0 * 365.0 * 1_000.0).abs() < 1e-6);
    let s = &b.components[0].streams[0];
    assert!((s.uncertainty.unwrap() - 0.3 * 2.0 * 365.0 * 1_000.0).abs() < 1e-6);
    let e = Assessment::from_toml_str(&doc("")).unwrap_err();
    assert_eq!(e.path(), "flowsheet.streams[0].flows.water");
    assert!(e.to_string().contains("batches_per_day"), "{e}");
}

#[test]
fn bad_energy_inputs_are_errors_with_paths() {
    let base = r#"
[flowsheet]
components = ["water"]
nodes = [{ id = "in", kind = "source" }, { id = "boiler", kind = "process" }, { id = "out", kind = "wastewater" }]
streams = [
  { id = "a", from = "in", to = "boiler", flows = { water = "1 t/yr" } },
  { id = "b", from = "boiler", to = "out", flows = { water = "?" } },
]
"#;
    let cases = [
        (
            "[[flowsheet.energy]]\nid = \"e\"\nto = \"nowhere\"\ncarrier = \"electricity\"\namount = \"1 kWh/d\"\n",
            "unknown_reference",
            "flowsheet.energy[0].to",
        ),
        (
            "[[flowsheet.energy]]\nid = \"e\"\nto = \"in\"\ncarrier = \"electricity\"\namount = \"1 kWh/d\"\n",
            "unknown_reference",
            "flowsheet.energy[0].to",
        ),
        (
            "[[flowsheet.energy]]\nid = \"e\"\nto = \"boiler\"\ncarrier = \"diesel\"\namount = \"10 L/d\"\n",
            "out_of_range",
            "flowsheet.energy[0].heating_value",
        ),
        (
            "[[flowsheet.energy]]\nid = \"e\"\nto = \"boiler\"\ncarrier = \"electricity\"\namount = \"10 kg\"\n",
            "unit_dimension",
            "flowsheet.energy[0].amount",
        ),
        (
            "[flowsheet.devices]\nboiler = { efficiency = \"120 %\" }\n",
            "out_of_range",
            "flowsheet.devices.boiler.efficiency",
        ),
        (
            "[flowsheet.devices]\nin = { efficiency = \"80 %\" }\n",
            "unknown_reference",
            "flowsheet.devices.in",
        ),
    ];
    for (extra, code, path) in cases {
        let e = Assessment::from_toml_str(&format!("{HEAD}\n{base}\n{extra}")).unwrap_err();
        assert_eq!((e.code(), e.path()), (code, path), "{e}");
    }
}

#[test]
fn heat_pump_useful_heat_is_cop_times_electricity() {
    let b = balance(
        r#"
[flowsheet]
components = ["water"]
nodes = [{ id = "in", kind = "source" }, { id = "hp", kind = "process" }, { id = "out", kind = "wastewater" }]
streams = [
  { id = "a", from = "in", to = "hp", flows = { water = "1 t/yr" } },
  { id = "b", from = "hp", to = "out", flows = { water = "?" } },
]
energy = [{ id = "e", to = "hp", carrier = "electricity", amount = "1000 kWh/yr" }]
devices = { hp = { cop = "3.5" } }
"#,
    );
    let n = &b.energy.as_ref().unwrap().nodes[0];
    assert!((n.useful.unwrap() - 3_500.0).abs() < 1e-9);
    assert_eq!(n.losses, None);
}

#[test]
fn heat_in_warm_water() {
    // 10 t/yr of water heated from 15 °C to 55 °C by a boiler-fed unit and sent to the sewer:
    // 10,000 kg × 4.186 kJ/(kg·K) × 40 K = 1,674,400 kJ = 465.11 kWh
    let b = balance(
        r#"
[flowsheet]
components = ["water"]
reference_temperature = "15 °C"
nodes = [{ id = "in", kind = "source" }, { id = "wash", kind = "process" }, { id = "sewer", kind = "wastewater" }]
streams = [
  { id = "cold", from = "in", to = "wash", flows = { water = "10 t/yr" } },
  { id = "hot", from = "wash", to = "sewer", flows = { water = "?" }, temperature = "55 °C" },
]
energy = [{ id = "gas", to = "wash", carrier = "natural_gas", amount = "600 kWh/yr" }]
devices = { wash = { efficiency = "80 %" } }
"#,
    );
    let e = b.energy.as_ref().unwrap();
    let want = 10_000.0 * 4.186 * 40.0 / 3_600.0;
    assert!((e.heat_in_wastewater.unwrap() - want).abs() < 1e-9);
    let wash = &e.nodes[0];
    assert!((wash.water_heat_out.unwrap() - want).abs() < 1e-9);
    assert_eq!(wash.water_heat_in, Some(0.0));
    assert!((wash.useful.unwrap() - 480.0).abs() < 1e-9);
    // a temperature without a reference is an error
    let doc = format!(
        "{HEAD}\n[flowsheet]\ncomponents = [\"water\"]\nnodes = [{{ id = \"in\", kind = \"source\" }}, {{ id = \"w\", kind = \"process\" }}]\nstreams = [{{ id = \"a\", from = \"in\", to = \"w\", flows = {{ water = \"1 t/yr\" }}, temperature = \"40 °C\" }}]\n"
    );
    let err = Assessment::from_toml_str(&doc).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("missing_field", "flowsheet.reference_temperature")
    );
}

#[test]
fn concentrations_accumulation_and_negative_reconciled_flows() {
    // COD at 2500 mg/L in 10 t/yr of water is 25 kg/yr; the wash keeps 2 t/yr of water in stock
    let b = balance(
        r#"
[flowsheet]
components = ["water", "COD"]
nodes = [
  { id = "in", kind = "source" },
  { id = "wash", kind = "process", accumulation = { water = "2 t/yr" } },
  { id = "out", kind = "wastewater" },
]
streams = [
  { id = "feed", from = "in", to = "wash", flows = { water = "12 t/yr", COD = "?" } },
  { id = "drain", from = "wash", to = "out", flows = { water = "10 t/yr ± 5 %", COD = "2500 mg/L ± 10 %" } },
]
"#,
    );
    assert!((value(&b, 0, "drain").0.unwrap() - 10_000.0).abs() < 1e-9);
    let cod = &b.components[1];
    let drain = cod.streams.iter().find(|s| s.stream == "drain").unwrap();
    assert!((drain.value.unwrap() - 25.0).abs() < 1e-12);
    // 10 % of the concentration and 5 % of the water flow in quadrature
    assert!((drain.uncertainty.unwrap() - 25.0 * (0.01f64 + 0.0025).sqrt()).abs() < 1e-12);
    assert!((value(&b, 1, "feed").0.unwrap() - 25.0).abs() < 1e-12);
    let wash = &b.components[0].nodes[0];
    assert!((wash.outputs.unwrap() - 12_000.0).abs() < 1e-9); // 10 t out + 2 t into stock
    assert_eq!(
        value(&b, 0, "wash (accumulation)").1,
        ValueStatus::Estimated
    );

    // a concentration without the stream's water flow is an error
    let doc = format!(
        "{HEAD}\n[flowsheet]\ncomponents = [\"water\", \"COD\"]\nnodes = [{{ id = \"in\", kind = \"source\" }}, {{ id = \"w\", kind = \"process\" }}]\nstreams = [{{ id = \"a\", from = \"in\", to = \"w\", flows = {{ water = \"?\", COD = \"30 mg/L\" }} }}]\n"
    );
    let e = Assessment::from_toml_str(&doc).unwrap_err();
    assert_eq!(e.path(), "flowsheet.streams[0].flows.COD");

    // measurements that force a flow below zero are reported
    let b = balance(
        r#"
[flowsheet]
components = ["water"]
nodes = [{ id = "in", kind = "source" }, { id = "u", kind = "process" }, { id = "out", kind = "wastewater" }]
streams = [
  { id = "a", from = "in", to = "u", flows = { water = "1 t/yr ± 0.01 t/yr" } },
  { id = "b", from = "u", to = "out", flows = { water = "5 t/yr ± 0.01 t/yr" } },
  { id = "c", from = "u", to = "out", flows = { water = "0.1 t/yr ± 10 t/yr" } },
]
"#,
    );
    assert!(value(&b, 0, "c").0.unwrap() < 0.0);
    assert!(
        b.components[0]
            .findings
            .iter()
            .any(|f| f.contains("stream c reconciles to a negative flow"))
    );
}
