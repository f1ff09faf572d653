//! The automotive template: the plating line's rinse water, metal and sludge, the paint shop's
//! coating and VOC and the machining fluid checked by hand, the metal balance closing per
//! metal, each catalogue option's saving against a hand calculation, and bad figures.

use cleanprod::Assessment;
use cleanprod::sectors::Benchmarks;
use cleanprod::sectors::automotive::sources::HYDROXIDE;
use cleanprod::sectors::automotive::{AutomotiveBenchmarks, Class};

/// 250 days × 8 h = 2,000 h; one load of 10 m2 an hour: 20,000 m2 plated a year.
/// * cleaner: drag-out 0.1 L/m2 = 2 m3/yr; criterion ratio 101 (single: 100 × 2 = 200 m3/yr
///   needed), measured 0.15 m3/h = 300 m3/yr.
/// * nickel: 50 g/L, 2 m3/yr of drag-out, single rinse to a ratio of 1001: 1000 × 2 = 2,000
///   m3/yr; nickel lost 2 m3 × 50 kg/m3 = 100 kg/yr.
/// * passivation: chromium 5 g/L, 2 m3/yr of drag-out, ratio 501: 1,000 m3/yr; bath of 2 m3
///   dumped 5 times: 10 m3/yr; chromium 2 × 5 + 10 × 5 = 60 kg/yr.
///
/// Treatment: 90 % precipitated, cake of 20 % dry solids. Paint: 10,000 parts of 1 m2, 50 µm,
/// 50 % solids by volume, 1.2 kg/L, 400 g/L VOC, conventional spray (30 % by default):
/// 10,000 × 50e-6 / (0.5 × 0.3) = 3.333 m3 = 4,000 kg of coating, 1,333.3 kg VOC, 2,666.7 kg
/// non-volatile. Gun cleaning 1,000 kg/yr, 60 % collected. Machining: 10 m3 sumps changed 4
/// times (40,000 kg), 5 % concentrate, 100 t of chips carrying 10 % (10,000 kg), 20 m3/yr
/// evaporated: water 50,000 × 0.95 + 20,000 = 67,500 kg, concentrate 2,500 kg.
fn doc(options: &str) -> String {
    format!(
        r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "p"
sector = "automotive"
[schedule]
days_per_year = 250
hours_per_day = "8 h"
[production]
product = "part"
output = "10000 /yr"
[prices]
water = "1 USD/m3"
wastewater = "0.5 USD/m3"
nickel = "20 USD/kg"
chromium = "10 USD/kg"
sludge = "1000 USD/t"
hazardous_waste = "2000 USD/t"
coating = "10 USD/kg"
"cleaning solvent" = "3 USD/kg"
"coolant concentrate" = "4 USD/kg"
electricity = "0.1 USD/kWh"
[finance]
discount_rate = "0 %"
horizon = "1 yr"
[template.automotive.plating]
loads = "1 /h"
area_per_load = "10 m2"
treatment = {{ precipitation = "90 %", dry_solids = "20 %" }}
[[template.automotive.plating.tanks]]
name = "cleaner"
kind = "cleaner"
drag_out = "0.1 L/m2"
rinse = {{ ratio = 101, flow = "0.15 m3/h" }}
[[template.automotive.plating.tanks]]
name = "nickel"
kind = "plating"
metal = "nickel"
concentration = "50 g/L"
drag_out = "0.1 L/m2"
volume = "4 m3"
rinse = {{ ratio = 1001 }}
[[template.automotive.plating.tanks]]
name = "passivation"
kind = "passivation"
metal = "chromium"
concentration = "5 g/L"
drag_out = "0.1 L/m2"
volume = "2 m3"
dumps = "5 /yr"
rinse = {{ ratio = 501 }}
[template.automotive.paint]
parts = "10000 /yr"
area_per_part = "1 m2"
film = "50 µm"
solids = "50 %"
density = "1.2 kg/L"
voc = "400 g/L"
application = "conventional"
cleaning_solvent = "1000 kg/yr"
solvent_collected = "60 %"
[template.automotive.machining]
sump = "10 m3"
changes = "4 /yr"
concentration = "5 %"
chips = "100 t/yr"
carry_out = "10 %"
evaporation = "20 m3/yr"
{options}
"#
    )
}

fn option(choice: &str) -> String {
    format!("[[template.automotive.options]]\n{choice}\ncapex = \"1000 USD\"\n")
}

fn assess(text: &str) -> Assessment {
    Assessment::from_toml_str(text).unwrap()
}

fn benchmarks(a: &Assessment) -> AutomotiveBenchmarks {
    match a.benchmarks().unwrap().unwrap() {
        Benchmarks::Automotive(b) => b,
        other => panic!("automotive benchmarks expected, got {:?}", other.sector()),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

fn hydroxide(metal: &str) -> f64 {
    HYDROXIDE.iter().find(|(m, _)| *m == metal).unwrap().1
}

/// The money the only option saves per resource.
fn money(a: &Assessment) -> std::collections::BTreeMap<String, f64> {
    let e = a.evaluate().unwrap();
    assert_eq!(e.options.len(), 1);
    e.options[0].money.clone()
}

fn get(m: &std::collections::BTreeMap<String, f64>, k: &str) -> f64 {
    m.get(k).copied().unwrap_or(0.0)
}

#[test]
fn rinses_metals_and_sludge_by_hand_and_the_metal_balance_closes() {
    let a = assess(&doc(""));
    let b = benchmarks(&a);
    assert!(close(b.area_plated, 20_000.0));
    let rinse = |t: &str| b.rinses.iter().find(|r| r.tank == t).unwrap().clone();
    assert!(close(rinse("cleaner").water, 300.0));
    assert!(close(rinse("cleaner").required, 200.0));
    assert!(close(rinse("nickel").water, 2_000.0));
    // The approximation Q = D·(C0/Cn)^(1/n) at one stage: 2 × 1001 = 2,002, one drag-out more.
    assert!(close(rinse("nickel").approximate, 2_002.0));
    assert!(close(rinse("nickel").metal_lost, 100.0));
    assert!(close(rinse("passivation").water, 1_000.0));
    assert!(close(rinse("passivation").metal_lost, 60.0));
    // Final rinse: 50 g/L / 1001 = 49.95 mg/L.
    assert!(close(
        rinse("nickel").final_concentration.unwrap(),
        50_000.0 / 1_001.0
    ));
    for m in &b.metals {
        // bought = to sludge + to effluent, from the solved flowsheet.
        assert!(close(m.bought, m.to_sludge + m.to_effluent), "{m:?}");
        assert!(close(m.to_sludge, 0.9 * m.bought), "{m:?}");
    }
    let ni = b.metals.iter().find(|m| m.metal == "nickel").unwrap();
    assert!(close(ni.bought, 100.0));
    // Rinse water per m2 and step: (300 + 2,000 + 1,000) m3 / 20,000 m2 / 3 = 55 L/m2,
    // above the 3–20 L/m2 range.
    let ind = |k: &str| b.indicators.iter().find(|i| i.key == k).unwrap().clone();
    assert!(close(ind("rinse_water_per_step").before, 55.0));
    assert_eq!(ind("rinse_water_per_step").class_before, Some(Class::Above));
    // Metal lost: 160 kg / 20,000 m2 = 8 g/m2.
    assert!(close(ind("metal_lost").before, 8.0));
    // Sludge: solids 0.9 × (100 (1 + OH/Ni) + 60 (1 + OH/Cr)), cake at 20 %: × 5.
    let solids = 0.9 * (100.0 * (1.0 + hydroxide("nickel")) + 60.0 * (1.0 + hydroxide("chromium")));
    assert!(close(ind("sludge").before, solids * 5.0 / 20_000.0));
    // Paint: 4,000 kg of coating on 10,000 m2 = 400 g/m2; VOC 1,333.3 kg from the coating and
    // 400 kg of the cleaning solvent evaporated: 173.33 g/m2.
    assert!(close(ind("coating").before, 400.0));
    assert!(close(ind("voc").before, (4_000.0 / 3.0 + 400.0) / 10.0));
    // Machining: 2,500 kg of concentrate.
    assert!(close(ind("coolant_concentrate").before, 2_500.0));
    // The default transfer efficiency is warned about.
    assert!(
        b.warnings
            .iter()
            .any(|w| w.contains("transfer_efficiency not given"))
    );
    let text = cleanprod::report::report_text(&a.report().unwrap());
    assert!(text.contains("metal balance"), "{text}");
}

#[test]
fn counter_current_rinse_saves_water_by_the_exact_series() {
    let a = assess(&doc(&option(
        "id = \"counter_current_rinse\"\ntank = \"nickel\"\nstages = 2",
    )));
    // r² + r + 1 = 1001 → r = (−1 + √4001)/2 = 31.1267; Q = 2 r = 62.253 m3/yr against
    // 2,000: 1,937.75 m3 saved, water and wastewater (the cake's water unchanged).
    let r = (-1.0 + 4001.0_f64.sqrt()) / 2.0;
    let saved = 2_000.0 - 2.0 * r;
    let m = money(&a);
    assert!(close(get(&m, "water"), saved), "{m:?}");
    assert!(close(get(&m, "wastewater"), 0.5 * saved), "{m:?}");
    assert!(close(get(&m, "sludge"), 0.0), "{m:?}");
    // More stages never need more water; three beat two.
    let three = assess(&doc(&option(
        "id = \"counter_current_rinse\"\ntank = \"nickel\"\nstages = 3",
    )));
    assert!(get(&money(&three), "water") > saved);
}

#[test]
fn drag_out_reduction_saves_rinse_water_metal_and_sludge() {
    let a = assess(&doc(&option(
        "id = \"drag_out_reduction\"\ntank = \"nickel\"\ndrag_out = \"0.05 L/m2\"",
    )));
    let m = money(&a);
    // Half the drag-out: rinse water 1,000 m3 and make-up 1 m3 less; nickel 50 kg × 20 USD.
    assert!(close(get(&m, "water"), 1_001.0), "{m:?}");
    assert!(close(get(&m, "nickel"), 1_000.0), "{m:?}");
    // Sludge: 45 kg of nickel and its hydroxide less, the cake at 20 % dry solids (× 5):
    // 45 × (1 + 0.5795) × 5 kg at 1 USD/kg.
    assert!(
        close(get(&m, "sludge"), 45.0 * (1.0 + hydroxide("nickel")) * 5.0),
        "{m:?}"
    );
    // The metal balance still closes after the option.
    let b = benchmarks(&a);
    for x in &b.metals {
        let [bought, sludge, effluent] = x.after.unwrap();
        assert!(close(bought, sludge + effluent), "{x:?}");
    }
}

#[test]
fn drag_out_recovery_returns_metal_and_lets_the_rinse_run_leaner() {
    let a = assess(&doc(&option(
        "id = \"drag_out_recovery\"\ntank = \"nickel\"\nrecovery = \"50 %\"",
    )));
    let m = money(&a);
    // The running rinse sees half the nickel: ratio 500.5, Q = 2 × 499.5 = 999: 1,001 m3 less.
    assert!(close(get(&m, "water"), 1_001.0), "{m:?}");
    assert!(close(get(&m, "nickel"), 50.0 * 20.0), "{m:?}");
}

#[test]
fn rinse_control_and_recycling_and_bath_life() {
    let a = assess(&doc(&option("id = \"rinse_control\"\ntank = \"cleaner\"")));
    assert!(close(get(&money(&a), "water"), 100.0));
    let a = assess(&doc(&option(
        "id = \"rinse_recycling\"\ntank = \"nickel\"\nrecovery = \"80 %\"",
    )));
    assert!(close(get(&money(&a), "water"), 1_600.0));
    // Dumps 5 → 1: 8 m3 of bath and 40 kg of chromium a year.
    let a = assess(&doc(&option(
        "id = \"bath_life_extension\"\ntank = \"passivation\"\ndumps = \"1 /yr\"",
    )));
    let m = money(&a);
    assert!(close(get(&m, "water"), 8.0), "{m:?}");
    assert!(close(get(&m, "chromium"), 400.0), "{m:?}");
}

#[test]
fn trivalent_chromium_rinses_less_and_prices_the_new_chemistry() {
    let text = doc(&option(
        "id = \"trivalent_chromium\"\ntank = \"passivation\"\nconcentration = \"2 g/L\"\nbought_as = \"cr3 salt\"\ncontent = \"10 %\"",
    ))
    .replace("chromium = \"10 USD/kg\"", "chromium = \"10 USD/kg\"\n\"cr3 salt\" = \"30 USD/kg\"");
    let m = money(&assess(&text));
    // Chromium 5 → 2 g/L: drag-out 2 m3 × 2 + dumps 10 m3 × 2 = 24 kg a year instead of 60.
    // The old chemical is no longer bought (60 kg × 10 USD); the new one is, 24 / 10 % =
    // 240 kg × 30 USD. The final rinse at the same 10 mg/L: ratio 501 × 2/5 = 200.4,
    // Q = 2 × 199.4 = 398.8 m3 instead of 1,000.
    assert!(close(get(&m, "chromium"), 600.0), "{m:?}");
    assert!(close(get(&m, "cr3 salt"), -7_200.0), "{m:?}");
    assert!(close(get(&m, "water"), 1_000.0 - 398.8), "{m:?}");
}

#[test]
fn transfer_efficiency_scales_coating_and_voc() {
    let a = assess(&doc(&option("id = \"hvlp\"")));
    let m = money(&a);
    // 30 % → 55 %: coating × 30/55, 4,000 × 25/55 = 1,818.18 kg less at 10 USD/kg; overspray
    // 2,666.7 × 0.7 = 1,866.7 kg before, 1,454.5 × 0.45 = 654.5 after: 1,212.1 kg at 2 USD/kg.
    assert!(
        close(get(&m, "coating"), 4_000.0 * 25.0 / 55.0 * 10.0),
        "{m:?}"
    );
    let solids = 8_000.0 / 3.0;
    let overspray = solids * 0.7 - solids * 30.0 / 55.0 * 0.45;
    assert!(close(get(&m, "hazardous_waste"), overspray * 2.0), "{m:?}");
    let b = benchmarks(&a);
    let voc = b.indicators.iter().find(|i| i.key == "voc").unwrap();
    // VOC: 1,333.3 × 30/55 + 400 (cleaning, unchanged), per 10,000 m2, in g/m2.
    assert!(close(
        voc.after.unwrap(),
        (4_000.0 / 3.0 * 30.0 / 55.0 + 400.0) / 10.0
    ));
    // Two guns are alternatives: the portfolio keeps one.
    let both = assess(&doc(&(option("id = \"hvlp\"")
        + &option("id = \"electrostatic\"\ntransfer_efficiency = \"70 %\""))));
    let e = both.evaluate().unwrap();
    assert_eq!(e.portfolio.set_aside.len(), 1);
    // The flows after the options apply the one kept, not both (both would take out more
    // coating than is bought): electrostatic at 70 %, coating × 30/70.
    let b = benchmarks(&both);
    let coating = b.indicators.iter().find(|i| i.key == "coating").unwrap();
    assert!(
        close(coating.after.unwrap(), 400.0 * 30.0 / 70.0),
        "{coating:?}"
    );
}

#[test]
fn powder_coating_replaces_the_liquid_coating_and_its_voc() {
    let text = doc(&option(
        "id = \"powder_coating\"\ntransfer_efficiency = \"95 %\"\nbought_as = \"powder\"",
    ))
    .replace(
        "coating = \"10 USD/kg\"",
        "coating = \"10 USD/kg\"\npowder = \"8 USD/kg\"",
    );
    let a = assess(&text);
    let m = money(&a);
    // Film solids on the parts: 2,666.7 × 30 % = 800 kg; powder 800 / 95 % = 842.1 kg at
    // 8 USD; the 4,000 kg of liquid coating no longer bought at 10 USD; overspray 1,866.7 →
    // 42.1 kg at 2 USD/kg.
    let powder = 800.0 / 0.95;
    assert!(close(get(&m, "coating"), 40_000.0), "{m:?}");
    assert!(close(get(&m, "powder"), -8.0 * powder), "{m:?}");
    assert!(
        close(
            get(&m, "hazardous_waste"),
            2.0 * (8_000.0 / 3.0 * 0.7 - (powder - 800.0))
        ),
        "{m:?}"
    );
    let b = benchmarks(&a);
    let voc = b.indicators.iter().find(|i| i.key == "voc").unwrap();
    // Only the cleaning solvent's 400 kg left: 40 g/m2.
    assert!(close(voc.after.unwrap(), 40.0), "{voc:?}");
}

#[test]
fn spray_rinse_by_its_efficiency() {
    // A litre of spray rinsing 2.5 times as well: Q = 2 × (1001 − 1) / 2.5 = 800 m3/yr.
    let a = assess(&doc(&option(
        "id = \"spray_rinse\"\ntank = \"nickel\"\nefficiency = \"250 %\"",
    )));
    assert!(close(get(&money(&a), "water"), 1_200.0));
}

#[test]
fn compressed_air_options_use_the_utilities_on_the_compressors_input() {
    let text = doc(&option(
        "id = \"air_leaks\"\nmodel = { kind = \"air_leak\", pressure = \"7 bar(g)\", diameter = \"2 mm\", count = 10, specific_power = \"20 kW\", specific_power_flow = \"3 Nm3/min\" }",
    ))
    .replace("evaporation = \"20 m3/yr\"", "evaporation = \"20 m3/yr\"\ncompressed_air = \"100000 kWh/yr\"");
    let a = assess(&text);
    let o = &a.options()[0];
    assert_eq!(
        o.model.as_ref().unwrap().energy.as_deref(),
        Some("compressed_air")
    );
    let m = money(&a);
    assert!(get(&m, "electricity") > 0.0, "{m:?}");
    // A wrong calculator is refused.
    let e = error(&text.replace("kind = \"air_leak\"", "kind = \"steam_leak\""));
    assert_eq!(e.path(), "template.automotive.options[0].model.kind", "{e}");
}

#[test]
fn solvent_recovery_coolant_recycling_and_chip_wringing() {
    // 1,000 kg, 60 % collected, 50 % recovered: 300 kg less bought and 300 kg less waste.
    let a = assess(&doc(&option(
        "id = \"solvent_recovery\"\nrecovery = \"50 %\"",
    )));
    let m = money(&a);
    assert!(close(get(&m, "cleaning solvent"), 900.0), "{m:?}");
    assert!(close(get(&m, "hazardous_waste"), 600.0), "{m:?}");
    // Changes 4 → 1: 30,000 kg of spent fluid, 1,500 kg of concentrate, 28.5 m3 of water.
    let a = assess(&doc(&option(
        "id = \"coolant_recycling\"\nchanges = \"1 /yr\"",
    )));
    let m = money(&a);
    assert!(close(get(&m, "hazardous_waste"), 60_000.0), "{m:?}");
    assert!(close(get(&m, "coolant concentrate"), 6_000.0), "{m:?}");
    assert!(close(get(&m, "water"), 28.5), "{m:?}");
    // 60 % of the 10,000 kg on chips back: 300 kg of concentrate, 5.7 m3 of water.
    let a = assess(&doc(&option("id = \"chip_wringing\"\nrecovery = \"60 %\"")));
    let m = money(&a);
    assert!(close(get(&m, "coolant concentrate"), 1_200.0), "{m:?}");
    assert!(close(get(&m, "water"), 5.7), "{m:?}");
}

#[test]
fn the_example_assesses_and_every_option_saves() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/automotive.toml"
    ))
    .unwrap();
    let a = assess(&text);
    let e = a.evaluate().unwrap();
    assert_eq!(e.options.len(), 11);
    for o in &e.options {
        assert!(o.annual_saving > 0.0, "{}", o.id);
    }
    let b = benchmarks(&a);
    for m in &b.metals {
        assert!(close(m.bought, m.to_sludge + m.to_effluent), "{m:?}");
        let [bought, sludge, effluent] = m.after.unwrap();
        assert!(close(bought, sludge + effluent), "{m:?}");
    }
}

fn error(text: &str) -> cleanprod::Error {
    Assessment::from_toml_str(text).map(|_| ()).unwrap_err()
}

#[test]
fn bad_figures_are_named_errors() {
    let base = doc("");
    let e = error(&base.replace(
        "application = \"conventional\"",
        "application = \"hvlp\"\ntransfer_efficiency = \"120 %\"",
    ));
    assert_eq!(
        e.path(),
        "template.automotive.paint.transfer_efficiency",
        "{e}"
    );
    let e = error(&base.replace("volume = \"4 m3\"", "volume = \"0.5 L\""));
    assert_eq!(
        e.path(),
        "template.automotive.plating.tanks[1].drag_out",
        "{e}"
    );
    assert!(e.to_string().contains("larger than the bath"), "{e}");
    let e = error(&base.replace("area_per_load = \"10 m2\"", "area_per_load = \"-10 m2\""));
    assert_eq!(e.path(), "template.automotive.plating.area_per_load", "{e}");
    let e = error(&base.replace("voc = \"400 g/L\"", "voc = \"1300 g/L\""));
    assert_eq!(e.path(), "template.automotive.paint.voc", "{e}");
    let e = error(&base.replace("rinse = {{ ratio = 501 }}", "").replace(
        "rinse = { ratio = 501 }",
        "rinse = { kind = \"counter_current\", stages = 9, ratio = 501 }",
    ));
    assert_eq!(
        e.path(),
        "template.automotive.plating.tanks[2].rinse.stages",
        "{e}"
    );
    let e = error(&doc(&option(
        "id = \"counter_current_rinse\"\ntank = \"zinc\"\nstages = 2",
    )));
    assert_eq!(e.path(), "template.automotive.options[0].tank", "{e}");
    let e = error(&doc("[[template.automotive.options]]\nid = \"hvlp\"\n"));
    assert_eq!(e.path(), "template.automotive.options[0].capex", "{e}");
    let e = error(&doc(&option(
        "id = \"hvlp\"\ntransfer_efficiency = \"20 %\"",
    )));
    assert_eq!(
        e.path(),
        "template.automotive.options[0].transfer_efficiency",
        "{e}"
    );
    let e = error(&base.replace(
        "drag_out = \"0.1 L/m2\"\nvolume = \"4 m3\"",
        "drag_out = \"5 L/m2\"\nvolume = \"4 m3\"",
    ));
    assert_eq!(
        e.path(),
        "template.automotive.plating.tanks[1].drag_out",
        "{e}"
    );
}

#[test]
fn options_on_one_tank_combine_exactly_in_the_flows_after() {
    // Drag-out halved and half of it recovered: nickel lost 100 × 0.5 × 0.5 = 25 kg/yr; its
    // sludge 0.9 × 25 × (1 + OH/Ni) dry, × 5 wet; chromium's unchanged.
    let a = assess(&doc(&(option(
        "id = \"drag_out_reduction\"\ntank = \"nickel\"\ndrag_out = \"0.05 L/m2\"",
    ) + &option(
        "id = \"drag_out_recovery\"\ntank = \"nickel\"\nrecovery = \"50 %\"",
    ))));
    let b = benchmarks(&a);
    let ni = b.metals.iter().find(|m| m.metal == "nickel").unwrap();
    let [bought, sludge, effluent] = ni.after.unwrap();
    assert!(close(bought, 25.0), "{ni:?}");
    assert!(close(sludge + effluent, bought));
    let wet = |ni: f64| {
        5.0 * 0.9 * (ni * (1.0 + hydroxide("nickel")) + 60.0 * (1.0 + hydroxide("chromium")))
    };
    let s = b.indicators.iter().find(|i| i.key == "sludge").unwrap();
    assert!(close(s.before, wet(100.0) / 20_000.0), "{s:?}");
    assert!(close(s.after.unwrap(), wet(25.0) / 20_000.0), "{s:?}");
}

mod properties {
    use super::*;
    use cleanprod::sectors::automotive::rinse::{approximate, counter_current, single};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Adding a stage never needs more water; the approximation never needs less than the
        /// exact series (Σ rᵏ > rⁿ), and at one stage is one drag-out above the balance.
        #[test]
        fn stages_and_approximation(ratio in 1.0001_f64..1e7, n in 1_u32..6) {
            let (now, next) = (counter_current(ratio, n), counter_current(ratio, n + 1));
            prop_assert!(next <= now);
            prop_assert!(approximate(ratio, n) >= now);
            prop_assert!((approximate(ratio, 1) - single(ratio) - 1.0).abs() < 1e-9 * ratio);
        }

        /// The metal balance closes for any bath, drag-out, rinse and treatment, before and
        /// after a counter-current rinse and drag-out recovery.
        #[test]
        fn metal_balance_closes(
            conc in 1.0_f64..300.0,
            drag in 0.01_f64..0.5,
            ratio in 10.0_f64..1e5,
            eta in 0.5_f64..1.0,
            ds in 0.1_f64..0.6,
        ) {
            let text = doc(&(option("id = \"counter_current_rinse\"\ntank = \"nickel\"\nstages = 3")
                + &option("id = \"drag_out_recovery\"\ntank = \"nickel\"\nrecovery = \"40 %\"")))
                .replace("concentration = \"50 g/L\"", &format!("concentration = \"{conc} g/L\""))
                .replace("drag_out = \"0.1 L/m2\"\nvolume = \"4 m3\"", &format!("drag_out = \"{drag} L/m2\"\nvolume = \"4 m3\""))
                .replace("rinse = { ratio = 1001 }", &format!("rinse = {{ ratio = {ratio} }}"))
                .replace("precipitation = \"90 %\", dry_solids = \"20 %\"", &format!("precipitation = \"{} %\", dry_solids = \"{} %\"", eta * 100.0, ds * 100.0));
            let a = assess(&text);
            let b = benchmarks(&a);
            for m in &b.metals {
                prop_assert!(close(m.bought, m.to_sludge + m.to_effluent));
                let [x, y, z] = m.after.unwrap();
                prop_assert!(close(x, y + z));
                prop_assert!(x <= m.bought * (1.0 + 1e-12));
            }
        }
    }
}
