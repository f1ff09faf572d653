//! Options that edit the flowsheet: answers checked by hand, interactions, and bad edits.

use cleanprod::Assessment;
use cleanprod::options::{Evaluation, OptionResult};

/// A plating line: a bath topped up with nickel salt, drag-out into a running rinse fed with
/// mains water, the rinse to the drain; a gas boiler heats the bath; pumps use electricity.
/// At 0 % over 1 year, NPV = saving − capex.
const PLANT: &str = r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "plating"
sector = "automotive"
[schedule]
days_per_year = 250
hours_per_day = "8 h"
[production]
product = "part"
output = "1000 /yr"
[prices]
water = "2 USD/m3"
wastewater = "1 USD/m3"
Ni = "10 USD/kg"
natural_gas = "10 USD/GJ"
electricity = "0.1 USD/kWh"
[ghg]
electricity = "0.5 kg/kWh"
[finance]
discount_rate = "0 %"
horizon = "1 yr"
[flowsheet]
components = ["water", "Ni"]
nodes = [
  { id = "mains", kind = "source" },
  { id = "store", kind = "source" },
  { id = "bath", kind = "process" },
  { id = "rinse", kind = "process" },
  { id = "drain", kind = "wastewater" },
  { id = "parts", kind = "product" },
]
streams = [
  { id = "fresh", from = "mains", to = "rinse", flows = { water = "1000 m3/yr" } },
  { id = "make_up", from = "store", to = "bath", flows = { Ni = "100 kg/yr" } },
  { id = "plated", from = "bath", to = "parts", flows = { Ni = "60 kg/yr" } },
  { id = "dragout", from = "bath", to = "rinse", flows = { Ni = "?" } },
  { id = "rinse_out", from = "rinse", to = "drain", flows = { water = "?", Ni = "?" } },
]
energy = [
  { id = "gas", to = "bath", carrier = "natural_gas", amount = "1000 GJ/yr" },
  { id = "pumps", to = "rinse", carrier = "electricity", amount = "10000 kWh/yr" },
]
devices = { bath = { efficiency = "80 %" } }
"#;

fn evaluate(options: &str) -> Evaluation {
    let text = format!("{PLANT}\n{options}");
    Assessment::from_toml_str(&text)
        .unwrap()
        .evaluate()
        .unwrap()
        .clone()
}

fn option(title: &str, effects: &str) -> String {
    format!(
        "[[options]]\nid = \"{title}\"\ntitle = \"{title}\"\ncategory = \"good_housekeeping\"\neffects = [{effects}]\n"
    )
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn by_id<'a>(e: &'a Evaluation, id: &str) -> &'a OptionResult {
    e.options.iter().find(|o| o.id == id).unwrap()
}

#[test]
fn halving_the_rinse_saves_water_bought_and_discharged() {
    // 500 m3 less bought at 2 and discharged at 1: 1,500 a year.
    let e = evaluate(&option(
        "half",
        r#"{ kind = "scale", stream = "fresh", factor = "50 %" }"#,
    ));
    let o = &e.options[0];
    assert!(close(o.money["water"], 1_000.0), "{:?}", o.money);
    assert!(close(o.money["wastewater"], 500.0), "{:?}", o.money);
    assert!(close(o.annual_saving, 1_500.0));
    assert_eq!(o.deltas["water"], "500 m3/yr");
    assert_eq!(o.deltas["wastewater"], "500 m3/yr");
    // Nothing else moves.
    assert_eq!(o.deltas.len(), 2, "{:?}", o.deltas);
}

#[test]
fn two_options_on_one_stream_save_less_together_than_apart() {
    // Each halves the rinse: alone 1,500 each; together 750 m3 less, 2,250; the second adds
    // 750.
    let e = evaluate(&format!(
        "{}{}",
        option(
            "a",
            r#"{ kind = "scale", stream = "fresh", factor = "50 %" }"#
        ),
        option(
            "b",
            r#"{ kind = "scale", stream = "fresh", factor = "50 %" }"#
        )
    ));
    assert!(close(by_id(&e, "a").annual_saving, 1_500.0));
    assert!(close(by_id(&e, "b").annual_saving, 1_500.0));
    let p = &e.portfolio;
    assert!(
        close(p.all.annual_saving, 2_250.0),
        "{}",
        p.all.annual_saving
    );
    assert!(p.all.annual_saving < 3_000.0);
    assert!(close(p.sequence[0].annual_saving, 1_500.0));
    assert!(close(p.sequence[1].annual_saving, 750.0));
    assert!(close(p.sequence[1].cumulative_annual_saving, 2_250.0));
    assert!(close(p.all.npv, 2_250.0));
    // In another order, the same total.
    let doc = Assessment::from_toml_str(&format!(
        "{PLANT}\n{}{}",
        option(
            "a",
            r#"{ kind = "scale", stream = "fresh", factor = "50 %" }"#
        ),
        option(
            "b",
            r#"{ kind = "scale", stream = "fresh", factor = "50 %" }"#
        )
    ))
    .unwrap();
    let s = doc.portfolio(&["b", "a"]).unwrap();
    assert_eq!(s.total.ids, vec!["b", "a"]);
    assert!(close(s.total.annual_saving, 2_250.0));
}

#[test]
fn recycling_saves_the_fraction_times_the_price() {
    // The bath passes 40 % of its nickel to the rinse (40 kg/yr). Recycling half of the rinse
    // water's nickel to the bath, replacing make-up: 0.5 × 40 = 20 kg/yr less bought at 10.
    let e = evaluate(&option(
        "recover",
        r#"{ kind = "recycle", stream = "rinse_out", component = "Ni", fraction = "50 %", to = "bath", replaces = "make_up" }"#,
    ));
    let o = &e.options[0];
    assert!(close(o.money["Ni"], 0.5 * 40.0 * 10.0), "{:?}", o.money);
    assert!(close(o.annual_saving, 200.0));
    // The nickel not discharged is the nickel not bought: mass is conserved.
    assert_eq!(o.deltas["Ni"], "20 kg/yr");
    assert_eq!(o.deltas["Ni to drain"], "20 kg/yr");
    assert!(!o.deltas.contains_key("water"));
}

#[test]
fn a_recycle_without_replacement_builds_up_the_loop() {
    // Half of the rinse's nickel goes back to the bath with the make-up unchanged: the bath
    // throughput T solves T = 100 + 0.5 × 0.4 × T, so T = 125; 50 kg reach the rinse, 25 go
    // back and 25 are discharged: 15 kg/yr less to the drain, 15 more on the parts.
    let e = evaluate(&option(
        "loop",
        r#"{ kind = "recycle", stream = "rinse_out", component = "Ni", fraction = "50 %", to = "bath" }"#,
    ));
    let o = &e.options[0];
    assert_eq!(o.deltas["Ni to drain"], "15 kg/yr");
    assert_eq!(o.deltas["Ni to parts"], "-15 kg/yr");
    assert!(close(o.annual_saving, 0.0));
}

#[test]
fn a_better_boiler_saves_gas_and_co2() {
    // 80 % → 90 %: 1000 × (1 − 0.8/0.9) = 111.1 GJ less at 10 USD/GJ; CO2 at the IPCC
    // default of 56,100 kg/TJ: 6.233 t.
    let e = evaluate(&option(
        "boiler",
        r#"{ kind = "efficiency", node = "bath", efficiency = "90 %" }"#,
    ));
    let o = &e.options[0];
    let gj = 1_000.0 * (1.0 - 0.8 / 0.9);
    assert!(close(o.money["natural_gas"], gj * 10.0), "{:?}", o.money);
    assert!(close(
        o.co2_avoided.unwrap(),
        gj * 56_100.0 / 1_000.0 / 1_000.0
    ));
}

#[test]
fn electricity_uses_the_documents_grid_factor() {
    // 20 % of 10,000 kWh: 200 USD, 2,000 kWh × 0.5 kg/kWh = 1 t CO2.
    let e = evaluate(&option(
        "pumps",
        r#"{ kind = "scale", energy = "pumps", factor = "80 %" }"#,
    ));
    let o = &e.options[0];
    assert!(close(o.annual_saving, 200.0));
    assert!(close(o.co2_avoided.unwrap(), 1.0));
    assert_eq!(o.deltas["CO2 emissions"], "1000 kg/yr");
    let curve = &e.portfolio.cost_curves["CO2 emissions"];
    assert_eq!(curve.unit, "t");
    // No investment: the height is minus the money saved per tonne.
    assert!(close(curve.steps[0].height, -200.0));
}

#[test]
fn setting_a_flow_and_substituting_a_supply() {
    // Plating 70 instead of 60 kg/yr out of the same 100: 10 kg/yr less drag-out to the drain.
    let e = evaluate(&option(
        "set",
        r#"{ kind = "set", stream = "plated", component = "Ni", flow = "70 kg/yr" }"#,
    ));
    assert_eq!(e.options[0].deltas["Ni to drain"], "10 kg/yr");
    assert_eq!(e.options[0].deltas["Ni to parts"], "-10 kg/yr");
}

#[test]
fn holding_a_product_flow_sends_the_change_elsewhere() {
    // 80 instead of 100 kg/yr of make-up: the bath passes on 40 % (32 kg/yr) by default; with
    // the plated nickel held at 60, the drag-out takes the whole cut (20 kg/yr).
    let e = evaluate(&option(
        "less",
        r#"{ kind = "set", stream = "make_up", component = "Ni", flow = "80 kg/yr" }"#,
    ));
    assert_eq!(e.options[0].deltas["Ni to drain"], "8 kg/yr");
    let e = evaluate(&option(
        "less_held",
        r#"{ kind = "set", stream = "make_up", component = "Ni", flow = "80 kg/yr" }, { kind = "hold", stream = "plated", component = "Ni" }"#,
    ));
    let o = &e.options[0];
    assert_eq!(o.deltas["Ni to drain"], "20 kg/yr");
    assert!(!o.deltas.contains_key("Ni to parts"), "{:?}", o.deltas);
    assert!(close(o.money["Ni"], 200.0));
}

#[test]
fn substituting_a_supplied_chemical() {
    // CO2 deliming: 1,000 kg/yr of ammonium sulphate at 0.5 replaced by 0.5 kg of CO2 per kg
    // at 0.2: 500 − 100 = 400 a year. The CO2, new to the unit, leaves with its outflow.
    let text = r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "t"
sector = "tanning"
[schedule]
days_per_year = 250
hours_per_day = "8 h"
[production]
product = "hide"
output = "10 t/d"
[prices]
water = "1 USD/m3"
wastewater = "1 USD/m3"
"ammonium sulphate" = "0.5 USD/kg"
CO2 = "0.2 USD/kg"
[finance]
discount_rate = "0 %"
horizon = "1 yr"
[flowsheet]
components = ["water", "ammonium sulphate", "CO2"]
nodes = [
  { id = "mains", kind = "source" },
  { id = "store", kind = "source" },
  { id = "deliming", kind = "process" },
  { id = "drain", kind = "wastewater" },
]
streams = [
  { id = "w", from = "mains", to = "deliming", flows = { water = "100 m3/yr" } },
  { id = "chem", from = "store", to = "deliming", flows = { "ammonium sulphate" = "1000 kg/yr" } },
  { id = "out", from = "deliming", to = "drain", flows = { water = "?", "ammonium sulphate" = "?" } },
]
[[options]]
id = "co2"
title = "CO2 deliming"
category = "input_substitution"
effects = [{ kind = "substitute", stream = "chem", component = "ammonium sulphate", by = "CO2", ratio = "50 %" }]
"#;
    let e = Assessment::from_toml_str(text)
        .unwrap()
        .evaluate()
        .unwrap()
        .clone();
    let o = &e.options[0];
    assert!(close(o.annual_saving, 400.0), "{:?}", o.money);
    assert_eq!(o.deltas["CO2"], "-500 kg/yr");
    assert_eq!(o.deltas["CO2 to drain"], "-500 kg/yr");
    assert_eq!(o.deltas["ammonium sulphate to drain"], "1000 kg/yr");
    assert!(!o.deltas.contains_key("CO2 emissions"));
}

#[test]
fn a_no_op_changes_nothing() {
    let e = evaluate(&option(
        "noop",
        r#"{ kind = "scale", stream = "fresh", factor = "100 %" }, { kind = "recycle", stream = "rinse_out", component = "Ni", fraction = "0 %", to = "bath", replaces = "make_up" }"#,
    ));
    let o = &e.options[0];
    assert!(o.deltas.is_empty(), "{:?}", o.deltas);
    assert_eq!(o.annual_saving, 0.0);
}

#[test]
fn financing_from_the_document() {
    // 1,000 invested, 1,500 a year over a 1-year life; 60 % borrowed at 10 % over 1 year:
    // debt service 660, owner pays 400 and receives 1,500 − 660.
    let text = format!(
        "{}{}",
        PLANT.replace(
            "horizon = \"1 yr\"",
            "horizon = \"1 yr\"\nfinancing = { loan_share = \"60 %\", interest_rate = \"10 %\", loan_term = \"1 yr\" }"
        ),
        option("half", r#"{ kind = "scale", stream = "fresh", factor = "50 %" }"#)
            .replace("effects", "capex = \"1000 USD\"\neffects")
    );
    let e = Assessment::from_toml_str(&text)
        .unwrap()
        .evaluate()
        .unwrap()
        .clone();
    let f = e.options[0].financing.as_ref().unwrap();
    assert!(close(f.loan, 600.0));
    assert!(close(f.equity_flows[0], -400.0), "{:?}", f.equity_flows);
    assert!(close(f.equity_flows[1], 1_500.0 - 660.0));
    assert!(close(f.min_dscr.unwrap(), 1_500.0 / 660.0));
}

#[test]
fn bad_edits_name_the_option_and_field() {
    let cases = [
        (
            r#"{ kind = "scale", stream = "nowhere", factor = "50 %" }"#,
            "unknown_reference",
            "options[0].effects[0].stream",
        ),
        (
            r#"{ kind = "scale", stream = "fresh", component = "Cu", factor = "50 %" }"#,
            "unknown_reference",
            "options[0].effects[0].component",
        ),
        (
            r#"{ kind = "recycle", stream = "rinse_out", component = "Ni", fraction = "150 %", to = "bath" }"#,
            "out_of_range",
            "options[0].effects[0].fraction",
        ),
        (
            r#"{ kind = "recycle", stream = "rinse_out", component = "Ni", fraction = "50 %", to = "drain" }"#,
            "out_of_range",
            "options[0].effects[0].to",
        ),
        // more plated than enters the bath: the drag-out would be negative
        (
            r#"{ kind = "set", stream = "plated", component = "Ni", flow = "150 kg/yr" }"#,
            "out_of_range",
            "options[0].effects",
        ),
        // the rinse's only outlet cannot be cut without cutting its inlet
        (
            r#"{ kind = "scale", stream = "rinse_out", component = "water", factor = "50 %" }"#,
            "out_of_range",
            "options[0].effects",
        ),
        (
            r#"{ kind = "efficiency", node = "rinse", efficiency = "90 %" }"#,
            "unknown_reference",
            "options[0].effects[0].node",
        ),
        (
            r#"{ kind = "efficiency", node = "bath", efficiency = "120 %" }"#,
            "out_of_range",
            "options[0].effects[0].efficiency",
        ),
        (
            r#"{ kind = "set", stream = "fresh", component = "water" }"#,
            "missing_field",
            "options[0].effects[0].flow",
        ),
    ];
    for (effect, code, path) in cases {
        let text = format!("{PLANT}\n{}", option("x", effect));
        let err = match Assessment::from_toml_str(&text) {
            Err(e) => e,
            Ok(a) => a.evaluate().unwrap_err(),
        };
        assert_eq!((err.code(), err.path()), (code, path), "{err}");
    }
    // A change of a resource without a price says which price is missing.
    let text = format!(
        "{}\n{}",
        PLANT.replace("wastewater = \"1 USD/m3\"\n", ""),
        option(
            "x",
            r#"{ kind = "scale", stream = "fresh", factor = "50 %" }"#
        )
    );
    let err = Assessment::from_toml_str(&text)
        .unwrap()
        .evaluate()
        .unwrap_err();
    assert_eq!(err.code(), "missing_price");
    assert_eq!(err.value(), Some("wastewater"));
    assert!(err.to_string().contains("water to drain"), "{err}");
}
