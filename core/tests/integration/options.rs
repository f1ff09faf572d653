//! Options: appraisal checked by hand, and bad options.

use cleanprod::Assessment;

const HEAD: &str = r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "test"
sector = "hotel"
[schedule]
days_per_year = 300
hours_per_day = "10 h"
[production]
product = "guest-night"
output = "1000 /yr"
[prices]
water = "2 USD/m3"
[finance]
discount_rate = "0 %"
horizon = "4 yr"
low_cost_payback = "2 yr"
"#;

fn doc(options: &str) -> String {
    format!("{HEAD}\n{options}")
}

#[test]
fn savings_per_operating_day_and_the_low_cost_threshold() {
    // 10 m3 per operating day × 300 days × 2 USD = 6,000 a year; 9,000 invested: 1.5 years,
    // low-cost under the document's 2-year threshold; at 0 % the NPV is 4 × 6,000 − 9,000.
    let a = Assessment::from_toml_str(&doc(r#"
[[options]]
id = "a"
title = "a"
category = "good_housekeeping"
capex = "9000 USD"
effects = [{ kind = "saving", resource = "water", amount = "10 m3/d" }]
"#))
    .unwrap();
    let o = &a.evaluate().unwrap().options[0];
    assert!((o.annual_saving - 6_000.0).abs() < 1e-9);
    assert!((o.simple_payback_years.unwrap() - 1.5).abs() < 1e-12);
    assert_eq!(serde_json::to_value(o.cost_class).unwrap(), "low_cost");
    assert!((o.npv - 15_000.0).abs() < 1e-9);
    let want = [-9_000.0, 6_000.0, 6_000.0, 6_000.0, 6_000.0];
    assert_eq!(o.cash_flows.len(), want.len());
    for (got, want) in o.cash_flows.iter().zip(want) {
        assert!((got - want).abs() < 1e-9, "{got}");
    }
}

#[test]
fn bad_options_name_the_option_and_field() {
    let cases = [
        // no price for what changes: say which
        (
            r#"effects = [{ kind = "saving", resource = "steam", amount = "1 t/yr" }]"#,
            "missing_price",
            "options[0].effects[0].resource",
        ),
        // water is priced per volume: a unit error, found when the document is read
        (
            r#"effects = [{ kind = "saving", resource = "water", amount = "1 t/yr" }]"#,
            "unit_dimension",
            "options[0].effects[0].amount",
        ),
        // an amount that is not per time
        (
            r#"effects = [{ kind = "saving", resource = "water", amount = "1 m3" }]"#,
            "unit_dimension",
            "options[0].effects[0].amount",
        ),
        (
            r#"lifetime = "0 yr"
effects = [{ kind = "saving", resource = "water", amount = "1 m3/yr" }]"#,
            "out_of_range",
            "options[0].lifetime",
        ),
        (
            r#"capex = "100 EUR"
effects = [{ kind = "saving", resource = "water", amount = "1 m3/yr" }]"#,
            "currency_mismatch",
            "options[0].capex",
        ),
        ("effects = []", "out_of_range", "options[0].effects"),
        (
            r#"capex = ["100 USD", "-5 USD"]
effects = [{ kind = "saving", resource = "water", amount = "1 m3/yr" }]"#,
            "out_of_range",
            "options[0].capex[1]",
        ),
        (
            r#"capex = ["100 USD", "5 m3"]
effects = [{ kind = "saving", resource = "water", amount = "1 m3/yr" }]"#,
            "money_syntax",
            "options[0].capex[1]",
        ),
        (
            r#"start = "1.5 yr"
effects = [{ kind = "saving", resource = "water", amount = "1 m3/yr" }]"#,
            "out_of_range",
            "options[0].start",
        ),
        // a flowsheet edit without a flowsheet
        (
            r#"effects = [{ kind = "scale", stream = "x", factor = "50 %" }]"#,
            "out_of_range",
            "options[0].effects[0].kind",
        ),
        // fields the kind does not take, or lacks
        (
            r#"effects = [{ kind = "saving", resource = "water", amount = "1 m3/yr", factor = "5 %" }]"#,
            "out_of_range",
            "options[0].effects[0].factor",
        ),
        (
            r#"effects = [{ kind = "saving", amount = "1 m3/yr" }]"#,
            "missing_field",
            "options[0].effects[0].resource",
        ),
    ];
    for (body, code, path) in cases {
        let text = doc(&format!(
            "[[options]]\nid = \"a\"\ntitle = \"a\"\ncategory = \"good_housekeeping\"\n{body}\n"
        ));
        let e = match Assessment::from_toml_str(&text) {
            Err(e) => e,
            Ok(a) => a.evaluate().unwrap_err(),
        };
        assert_eq!((e.code(), e.path()), (code, path), "{e}");
    }
}

#[test]
fn staged_investment_and_a_later_start() {
    // Start in year 1 with 6,000 then 3,000 in year 2; 6,000 a year saved in years 2 to 5
    // (a 4-year life from the start). At 0 %: NPV = 4 × 6,000 − 9,000.
    let a = Assessment::from_toml_str(&doc(r#"
[[options]]
id = "a"
title = "a"
category = "technology_change"
capex = ["6000 USD", "3000 USD"]
start = "1 yr"
effects = [{ kind = "saving", resource = "water", amount = "10 m3/d" }]
"#))
    .unwrap();
    let o = &a.evaluate().unwrap().options[0];
    let want = [0.0, -6_000.0, 3_000.0, 6_000.0, 6_000.0, 6_000.0];
    assert_eq!(o.cash_flows.len(), want.len(), "{:?}", o.cash_flows);
    for (got, want) in o.cash_flows.iter().zip(want) {
        assert!((got - want).abs() < 1e-9, "{:?}", o.cash_flows);
    }
    assert!((o.capex - 9_000.0).abs() < 1e-9);
    assert!((o.npv - 15_000.0).abs() < 1e-9);
}

#[test]
fn budget_selection_and_cost_curve_by_hand() {
    // At 0 % over one year, NPV = saving − capex: A 150 − 100 = 50, B 100 − 60 = 40,
    // C 85 − 50 = 35. Within 110: {B, C} (75) beats {A} (50).
    let text = r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "t"
sector = "hotel"
[schedule]
days_per_year = 365
hours_per_day = "24 h"
[production]
product = "guest-night"
output = "1000 /yr"
[prices]
water = "1 USD/m3"
[finance]
discount_rate = "0 %"
horizon = "1 yr"
capital_budget = "110 USD"
[[options]]
id = "A"
title = "A"
category = "technology_change"
capex = "100 USD"
effects = [{ kind = "saving", resource = "water", amount = "150 m3/yr" }]
[[options]]
id = "B"
title = "B"
category = "technology_change"
capex = "60 USD"
effects = [{ kind = "saving", resource = "water", amount = "100 m3/yr" }]
[[options]]
id = "C"
title = "C"
category = "technology_change"
capex = "50 USD"
effects = [{ kind = "saving", resource = "water", amount = "85 m3/yr" }]
"#;
    let e = Assessment::from_toml_str(text)
        .unwrap()
        .evaluate()
        .unwrap()
        .clone();
    let p = &e.portfolio;
    let b = p.within_budget.as_ref().unwrap();
    assert_eq!(b.ids, vec!["B", "C"]);
    assert!((b.npv - 75.0).abs() < 1e-9 && (b.capex - 110.0).abs() < 1e-9);
    assert!((p.all.npv - 125.0).abs() < 1e-9);
    assert_eq!(p.ranking, vec!["A", "B", "C"]);
    // cost per m3 at CRF = 1: A 100/150, B 60/100, C 50/85 → C (0.588), B (0.6), A (0.667)
    // By payback: C 50/85, B 60/100, A 100/150 years of saving (0.588, 0.6, 0.667).
    let by_payback =
        cleanprod::options::rank(&e.options, cleanprod::options::Metric::SimplePayback);
    assert_eq!(by_payback, vec!["C", "B", "A"]);
    assert_eq!(
        cleanprod::options::rank(&e.options, cleanprod::options::Metric::Capex),
        vec!["C", "B", "A"]
    );
    let water = &p.cost_curves["water"].steps;
    assert_eq!(p.cost_curves["water"].unit, "m3");
    let ids: Vec<&str> = water.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["C", "B", "A"]);
    assert!((water[0].height - 50.0 / 85.0).abs() < 1e-12);
    assert!((water[2].cumulative - 335.0).abs() < 1e-9);
}

/// Three ways to heat water: a heat pump, solar, and a new boiler that excludes solar; a
/// budget that fits any two.
fn alternatives(budget: &str) -> String {
    format!(
        "{}{budget}\n{}",
        HEAD,
        r#"
[[options]]
id = "heat_pump"
title = "heat pump"
category = "technology_change"
capex = "3000 USD"
group = "water_heating"
effects = [{ kind = "saving", resource = "water", amount = "2000 m3/yr" }]

[[options]]
id = "solar"
title = "solar water heating"
category = "technology_change"
capex = "3000 USD"
group = "water_heating"
effects = [{ kind = "saving", resource = "water", amount = "1000 m3/yr" }]

[[options]]
id = "boiler"
title = "new boiler"
category = "equipment_modification"
capex = "3000 USD"
excludes = ["solar"]
effects = [{ kind = "saving", resource = "water", amount = "1500 m3/yr" }]

[[options]]
id = "leaks"
title = "leak repair"
category = "good_housekeeping"
effects = [{ kind = "saving", resource = "water", amount = "100 m3/yr" }]
"#
    )
}

#[test]
fn alternatives_take_one_per_group_by_npv() {
    // At 0 % over 4 years: heat pump 4 × 4,000 − 3,000 = 13,000; boiler 9,000; solar 5,000;
    // leaks 800. Solar is set aside for the heat pump (same group), and would also be
    // excluded by the boiler.
    let a = Assessment::from_toml_str(&alternatives("")).unwrap();
    let p = a.evaluate().unwrap().portfolio.clone();
    assert_eq!(p.ranking, ["heat_pump", "boiler", "solar", "leaks"]);
    assert_eq!(p.all.ids, ["heat_pump", "boiler", "leaks"]);
    assert_eq!(p.set_aside.len(), 1);
    assert_eq!(p.set_aside[0].id, "solar");
    assert_eq!(p.set_aside[0].instead_of, "heat_pump");
    assert!((p.all.npv - (13_000.0 + 9_000.0 + 800.0)).abs() < 1e-6);
}

#[test]
fn the_budget_selection_never_takes_two_alternatives() {
    // 6,000 USD fits two investments: heat pump + boiler (22,000) beats heat pump + solar
    // (same group, 18,000 were it allowed) and boiler + solar (excluded).
    let a = Assessment::from_toml_str(&alternatives("capital_budget = \"6000 USD\"")).unwrap();
    let b = a
        .evaluate()
        .unwrap()
        .portfolio
        .within_budget
        .clone()
        .unwrap();
    let mut ids = b.ids.clone();
    ids.sort();
    assert_eq!(ids, ["boiler", "heat_pump", "leaks"]);
    // 3,000 USD: the heat pump alone among the investments.
    let a = Assessment::from_toml_str(&alternatives("capital_budget = \"3000 USD\"")).unwrap();
    let b = a
        .evaluate()
        .unwrap()
        .portfolio
        .within_budget
        .clone()
        .unwrap();
    let mut ids = b.ids.clone();
    ids.sort();
    assert_eq!(ids, ["heat_pump", "leaks"]);
}

#[test]
fn an_exclusion_names_an_option_of_the_document() {
    let text = alternatives("").replace("excludes = [\"solar\"]", "excludes = [\"wind\"]");
    let err = Assessment::from_toml_str(&text).unwrap_err();
    assert_eq!(err.code(), "unknown_reference");
    assert_eq!(err.path(), "options[2].excludes[0]");
}

/// A plant with a steam boiler on natural gas priced per kWh and per Nm3.
fn steam_plant(gas_price: &str, option: &str) -> String {
    format!(
        r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "steam"
sector = "chemicals"
[schedule]
days_per_year = 250
hours_per_day = "16 h"
[production]
product = "t"
output = "10 t/d"
[prices]
water = "2 USD/m3"
natural_gas = "{gas_price}"
electricity = "0.1 USD/kWh"
[finance]
discount_rate = "0 %"
horizon = "5 yr"
{option}
"#
    )
}

const LEAK: &str = r#"
[[options]]
id = "leak"
title = "repair a steam leak"
category = "good_housekeeping"
capex = "500 USD"
model = { kind = "steam_leak", pressure = "8 bar(g)", diameter = "3 mm", boiler_efficiency = "80 %", makeup_temperature = "15 °C" }
"#;

#[test]
fn a_model_saves_what_its_calculator_computes() {
    let a = Assessment::from_toml_str(&steam_plant("0.04 USD/kWh", LEAK)).unwrap();
    let o = &a.evaluate().unwrap().options[0];
    // The calculator route, over the schedule's 4,000 operating hours.
    let out = cleanprod::utilities::calculate(
        "steam_leak",
        serde_json::json!({ "pressure": "8 bar(g)", "diameter": "3 mm", "boiler_efficiency": "80 %",
                            "makeup_temperature": "15 °C", "hours": "4000 h" }),
    )
    .unwrap();
    let si = |field: &str, d| cleanprod::units::to_si(out[field].as_str().unwrap(), d).unwrap();
    let kwh = si("fuel", cleanprod::units::Dimension::Energy) / 3.6e6;
    let m3 = si("mass", cleanprod::units::Dimension::Mass) / 1_000.0;
    assert!(kwh > 10_000.0 && m3 > 50.0, "{kwh} kWh, {m3} m3");
    assert!((o.money["natural_gas"] - 0.04 * kwh).abs() < 1e-9 * kwh);
    assert!((o.money["water"] - 2.0 * m3).abs() < 1e-9 * m3);
    assert!((o.annual_saving - (0.04 * kwh + 2.0 * m3)).abs() < 1e-9 * kwh);
    // CO2 of the gas not burnt: IPCC 2006 natural gas, 56,100 kg/TJ.
    let co2 = o.co2_avoided.unwrap();
    assert!((co2 - kwh * 3.6e-6 * 56.1).abs() < 1e-6 * co2, "{co2}");
    // The figures a consultant checks travel with the option.
    assert_eq!(o.model.as_ref().unwrap()["mass_rate"], out["mass_rate"]);
}

#[test]
fn a_model_saving_is_priced_in_the_unit_of_its_price() {
    // The same gas priced per Nm3 at the same money per kWh (IPCC NCV 48 MJ/kg; 1 Nm3 is
    // 44.615 mol of 16.04 g): the money saved does not change with the unit of the price.
    let per_kwh = Assessment::from_toml_str(&steam_plant("0.04 USD/kWh", LEAK)).unwrap();
    let kwh_per_nm3 = cleanprod::units::to_si("1 Nm3", cleanprod::units::Dimension::GasAmount)
        .unwrap()
        * cleanprod::flowsheet::Carrier::NaturalGas
            .net_calorific_value_per_mol()
            .unwrap()
        / 3.6e6;
    let price = format!("{} USD/Nm3", 0.04 * kwh_per_nm3);
    let per_nm3 = Assessment::from_toml_str(&steam_plant(&price, LEAK)).unwrap();
    let a = per_kwh.evaluate().unwrap().options[0].money["natural_gas"];
    let b = per_nm3.evaluate().unwrap().options[0].money["natural_gas"];
    assert!((a - b).abs() < 1e-9 * a, "{a} vs {b}");
}

#[test]
fn bad_models_name_their_field() {
    let cases = [
        (
            LEAK.replace("\"3 mm\"", "\"3 kg\""),
            "options[0].model.diameter",
            "unit_dimension",
        ),
        (
            LEAK.replace("steam_leak", "steam_teleport"),
            "options[0].model.kind",
            "unknown_variant",
        ),
        (
            LEAK.replace(
                ", boiler_efficiency = \"80 %\", makeup_temperature = \"15 °C\"",
                "",
            ),
            "options[0].model.kind",
            "out_of_range",
        ),
        (
            LEAK.replace(
                "kind = \"steam_leak\"",
                "kind = \"steam_leak\", fuel = \"coal_dust\"",
            ),
            "options[0].model.fuel",
            "unknown_variant",
        ),
    ];
    for (option, path, code) in cases {
        let err = Assessment::from_toml_str(&steam_plant("0.04 USD/kWh", &option)).unwrap_err();
        assert_eq!((err.path(), err.code()), (path, code), "{err}");
    }
}

#[test]
fn a_model_on_a_flowsheet_energy_input_scales_it() {
    // The shared fixture's bath burns 1,000 GJ/yr of gas at 10 USD/GJ; a steam leak model
    // pointed at that input takes its fuel off it (money and CO2 by the input's carrier).
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/documents/valid/effects.toml"
    );
    let base = std::fs::read_to_string(path).unwrap();
    let option = r#"
[[options]]
id = "leak_on_the_bath"
title = "steam leak"
category = "good_housekeeping"
model = { kind = "steam_leak", energy = "gas", pressure = "8 bar(g)", diameter = "3 mm", boiler_efficiency = "80 %", makeup_temperature = "15 °C", hours = "4000 h" }
"#;
    let a = Assessment::from_toml_str(&format!("{base}\n{option}")).unwrap();
    let e = a.evaluate().unwrap();
    let o = e
        .options
        .iter()
        .find(|o| o.id == "leak_on_the_bath")
        .unwrap();
    let fuel = o.model.as_ref().unwrap()["fuel"]
        .as_str()
        .unwrap()
        .to_string();
    let gj = cleanprod::units::to_si(&fuel, cleanprod::units::Dimension::Energy).unwrap() / 1e9;
    assert!(
        (o.money["natural_gas"] - 10.0 * gj).abs() < 1e-6 * gj,
        "{:?}",
        o.money
    );
    assert!((o.co2_avoided.unwrap() - gj * 56.1e-3).abs() < 1e-6);
    // More than the input uses: an error naming the model's energy field.
    let big = option.replace("\"3 mm\"", "\"60 mm\"");
    let err = Assessment::from_toml_str(&format!("{base}\n{big}")).unwrap_err();
    assert_eq!(err.path(), "options[5].model.energy", "{err}");
}

#[test]
fn a_fixture_retrofit_saves_the_water_and_its_heat() {
    // 200 showers a day at 14 L/min for 8 minutes, cut to 8 L/min, over the schedule's 250
    // days: 200 × 8 min × 6 L/min × 250 = 2,400 m3; 60 % of it hot, warmed 35 K by a heater
    // of 85 %: 1,440 t × 4,186 J/(kg·K) × 35 K / 0.85 of gas.
    let option = r#"
[[options]]
id = "showers"
title = "Low-flow shower heads"
category = "equipment_modification"
capex = "3000 USD"
model = { kind = "fixture", fixture = "shower", flow = "14 L/min", new_flow = "8 L/min", duration = "8 min", uses_per_day = 1, people = 200, hot_share = "60 %", temperature_rise = "35 K", efficiency = "85 %" }
"#;
    let a = Assessment::from_toml_str(&steam_plant("0.04 USD/kWh", option)).unwrap();
    let o = &a.evaluate().unwrap().options[0];
    assert!(
        (o.money["water"] - 2.0 * 2_400.0).abs() < 1e-6,
        "{:?}",
        o.money
    );
    let kwh = 1_440_000.0 * 4_186.0 * 35.0 / 0.85 / 3.6e6;
    assert!(
        (o.money["natural_gas"] - 0.04 * kwh).abs() < 1e-6 * kwh,
        "{:?}",
        o.money
    );
    assert!(o.model.as_ref().unwrap()["before"]["water"].is_string());
    // A new flow the calculator refuses is named as the model's new_flow.
    let bad = option.replace("new_flow = \"8 L/min\"", "new_flow = \"8 kg\"");
    let err = Assessment::from_toml_str(&steam_plant("0.04 USD/kWh", &bad)).unwrap_err();
    assert_eq!(err.path(), "options[0].model.new_flow", "{err}");
    let none = option.replace(", new_flow = \"8 L/min\"", "");
    let err = Assessment::from_toml_str(&steam_plant("0.04 USD/kWh", &none)).unwrap_err();
    assert_eq!(err.path(), "options[0].model.new_flow", "{err}");
}

/// The typed savings of every option of every example are the figures its `deltas` print
/// (those round to 6 significant digits and show tonnes from 10 t), one unit per resource.
#[test]
fn typed_savings_are_the_printed_deltas_in_one_unit_per_resource() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    for name in [
        "tannery",
        "tannery_measured",
        "hotel",
        "hospital",
        "chemicals",
        "automotive",
    ] {
        let text = std::fs::read_to_string(dir.join(format!("{name}.toml"))).unwrap();
        let e = Assessment::from_toml_str(&text)
            .unwrap()
            .evaluate()
            .unwrap()
            .clone();
        let mut units = std::collections::BTreeMap::new();
        for o in &e.options {
            assert_eq!(
                o.savings.len() + usize::from(o.deltas.contains_key(cleanprod::options::CO2_KEY)),
                o.deltas.len()
            );
            for s in &o.savings {
                let unit = units
                    .entry(s.resource.clone())
                    .or_insert_with(|| s.unit.clone());
                assert_eq!(*unit, s.unit, "{name} {}", s.resource);
                let printed = &o.deltas[&s.resource];
                let (number, printed_unit) = printed.split_once(' ').unwrap();
                let factor = if printed_unit == "t/yr" { 1000.0 } else { 1.0 };
                let want: f64 = number.parse::<f64>().unwrap() * factor;
                assert!(
                    (s.amount - want).abs() <= 1e-5 * want.abs().max(1e-9),
                    "{name} {} {}: {} vs {printed}",
                    o.id,
                    s.resource,
                    s.amount
                );
            }
        }
    }
}

#[test]
fn money_effects_add_money_per_year_and_status_keeps_the_reported_figures() {
    // 25 USD per operating hour × 10 h × 300 days = 75,000 a year; 2 USD/h per operating day
    // would be another basis. An implemented option keeps its estimate beside what was
    // reported; the money appears under its own key, with no physical saving.
    let a = Assessment::from_toml_str(&doc(r#"
[[options]]
id = "a"
title = "a"
category = "good_housekeeping"
capex = "50000 USD"
effects = [{ kind = "money", amount = "25 USD/h" }, { kind = "money", amount = "-5000 USD/yr" }]
status = "implemented"
actual = { annual_saving = "60000 USD/yr" }

[[options]]
id = "b"
title = "b"
category = "good_housekeeping"
effects = [{ kind = "money", amount = "100 USD/d" }]
"#))
    .unwrap();
    let e = a.evaluate().unwrap();
    let (o, b) = (&e.options[0], &e.options[1]);
    assert!((o.annual_saving - 70_000.0).abs() < 1e-9);
    assert!((o.money[cleanprod::options::MONEY_KEY] - 70_000.0).abs() < 1e-9);
    assert!(o.savings.is_empty() && o.deltas.is_empty());
    assert_eq!(o.co2_avoided, Some(0.0));
    assert_eq!(o.status, Some(cleanprod::options::Status::Implemented));
    let actual = o.actual.as_ref().unwrap();
    assert_eq!(actual.capex, None);
    assert!((actual.annual_saving.unwrap() - 60_000.0).abs() < 1e-9);
    // 100 per operating day × 300 days, at 0 % over 4 years.
    assert!((b.annual_saving - 30_000.0).abs() < 1e-9);
    assert!((b.npv - 120_000.0).abs() < 1e-9);
    assert_eq!(b.status, None);
    // Written back and read again, the money amounts are the same.
    let again = Assessment::from_json_str(&a.to_json_string()).unwrap();
    assert_eq!(again, a);
}
