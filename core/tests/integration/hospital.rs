//! The hospital template: water end uses and waste bins checked by hand, the catalogue's
//! options against hand calculations, the benchmarks against WHO's figures, and bad figures.

use cleanprod::Assessment;
use cleanprod::sectors::Benchmarks;
use cleanprod::sectors::hospital::{Class, HospitalBenchmarks};

/// 100 beds at 80 % occupancy, 365 days: 29,200 bed-days a year.
const BED_DAYS: f64 = 29_200.0;

fn doc(template: &str, extra: &str) -> String {
    format!(
        r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "h"
sector = "hospital"
[schedule]
days_per_year = 365
hours_per_day = "24 h"
[production]
product = "bed-day"
output = "29200 /yr"
[prices]
water = "2 USD/m3"
wastewater = "1 USD/m3"
solid_waste = "50 USD/t"
hazardous_waste = "800 USD/t"
[finance]
discount_rate = "0 %"
horizon = "1 yr"
[template.hospital]
beds = 100
occupancy = "80 %"
income = "high"
wards = {{ water = "300 L" }}
sterile_services = {{ cycles = 10, water_per_cycle = "500 L", ejector_share = "60 %" }}
laundry = {{ linen = "3 kg", water = "25 L/kg" }}
kitchen = {{ meals = 200, water_per_meal = "10 L" }}
{template}
{extra}
"#
    )
}

/// General 2 kg, infectious 0.3 kg and sharps 0.05 kg per bed-day; 40 % of the general waste
/// in hazardous bins.
const WASTE: &str = r#"
[template.hospital.waste]
general = "2 kg"
infectious = "0.3 kg"
sharps = "0.05 kg"
general_in_hazardous = "40 %"
"#;

fn assess(text: &str) -> Assessment {
    Assessment::from_toml_str(text).unwrap()
}

fn benchmarks(a: &Assessment) -> HospitalBenchmarks {
    match a.benchmarks().unwrap().unwrap() {
        Benchmarks::Hospital(b) => b,
        other => panic!("hospital benchmarks expected, got {:?}", other.sector()),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn indicator(
    b: &HospitalBenchmarks,
    key: &str,
) -> (f64, Option<f64>, Option<Class>, Option<Class>) {
    let i = b
        .indicators
        .iter()
        .find(|i| i.key == key)
        .unwrap_or_else(|| panic!("no indicator {key}"));
    (i.before, i.after, i.class_before, i.class_after)
}

#[test]
fn water_end_uses_are_the_hand_computed_figures_and_close() {
    let a = assess(&doc("", WASTE));
    let balance = a.balance().unwrap().unwrap();
    for c in &balance.components {
        for s in &c.streams {
            assert!(
                s.value.is_some(),
                "{}: {} undetermined",
                c.component,
                s.stream
            );
        }
        for n in &c.nodes {
            assert!(
                n.residual.unwrap().abs() < 1e-6,
                "{} {}",
                c.component,
                n.node
            );
        }
    }
    let b = benchmarks(&a);
    assert!(close(b.bed_days, BED_DAYS));
    // Wards 300 L × 29,200 bed-days = 8,760 m3; sterilisers 10 cycles × 365 d × 500 L =
    // 1,825 m3; laundry 3 kg × 25 L/kg × 29,200 = 2,190 m3; kitchen 200 meals × 365 d × 10 L
    // = 730 m3; 13,505 m3 in all.
    for (key, m3) in [
        ("water_wards", 8_760.0),
        ("water_sterile_services", 1_825.0),
        ("water_laundry", 2_190.0),
        ("water_kitchen", 730.0),
        ("water", 13_505.0),
    ] {
        let (before, after, _, _) = indicator(&b, key);
        assert!(close(before, m3 * 1_000.0 / BED_DAYS), "{key}: {before}");
        assert_eq!(after, None);
    }
    // Waste: 2.35 kg per bed-day generated; 0.35 hazardous + 0.8 general in hazardous bins.
    let (waste, _, _, _) = indicator(&b, "waste");
    assert!(close(waste, 2.35));
    let (bins, _, class, _) = indicator(&b, "hazardous_bins");
    assert!(close(bins, 1.15));
    // Against WHO's "up to 0.5 kg per bed-day" of hazardous waste in high-income countries.
    assert_eq!(class, Some(Class::Above));
}

#[test]
fn segregation_lowers_the_hazardous_waste_cost_by_the_hand_computed_amount() {
    let option = r#"
[[template.hospital.options]]
id = "waste_segregation"
capex = "1000 USD"
"#;
    let a = assess(&doc("", &format!("{WASTE}{option}")));
    let e = a.evaluate().unwrap();
    let o = &e.options[0];
    // To WHO's 15 %: the hazardous bins may hold 0.15 × 2.35 = 0.3525 kg per bed-day, the
    // hazardous categories 0.35 of it, so 0.0025 kg of general waste stays and 0.7975 kg
    // moves to the general bins: 23,287 kg a year, 800 USD/t less and 50 USD/t more.
    let moved = (0.8 - 0.0025) * BED_DAYS / 1_000.0;
    assert!(
        close(o.money["hazardous_waste"], moved * 800.0),
        "{:?}",
        o.money
    );
    assert!(
        close(o.money["solid_waste"], -moved * 50.0),
        "{:?}",
        o.money
    );
    assert!(close(o.annual_saving, moved * 750.0));
    let b = benchmarks(&a);
    // Before: 1.15 of 2.35 kg in hazardous bins, 48.9 %, above WHO's about 15 %; after: 15 %.
    let (before, after, class_before, class_after) = indicator(&b, "hazardous_share");
    assert!(close(before, 100.0 * 1.15 / 2.35));
    assert!(close(after.unwrap(), 15.0));
    assert_eq!(class_before, Some(Class::Above));
    assert_eq!(class_after, Some(Class::Within));
    // Infectious waste 0.3 of 2.35 kg, 12.8 %: within WHO's up to 15 %.
    let (ip, _, class, _) = indicator(&b, "infectious_pathological_share");
    assert!(close(ip, 100.0 * 0.3 / 2.35));
    assert_eq!(class, Some(Class::Within));
}

#[test]
fn a_segregation_target_of_20_percent_moves_less() {
    let option = r#"
[[template.hospital.options]]
id = "waste_segregation"
target = "20 %"
capex = "1000 USD"
"#;
    let a = assess(&doc("", &format!("{WASTE}{option}")));
    let o = &a.evaluate().unwrap().options[0];
    // 0.2 × 2.35 − 0.35 = 0.12 kg stays: 0.68 kg per bed-day moves.
    let moved = 0.68 * BED_DAYS / 1_000.0;
    assert!(
        close(o.money["hazardous_waste"], moved * 800.0),
        "{:?}",
        o.money
    );
}

#[test]
fn the_steriliser_retrofit_saves_its_share_of_the_ejector_water() {
    let option = r#"
[[template.hospital.options]]
id = "steriliser_retrofit"
saving = "50 %"
capex = "5000 USD"
"#;
    let a = assess(&doc("", option));
    let o = &a.evaluate().unwrap().options[0];
    // 1,825 m3 × 60 % ejector and tempering water × 50 % avoided = 547.5 m3 bought and
    // discharged less, at 2 + 1 USD/m3.
    assert!(close(o.money["water"], 547.5 * 2.0), "{:?}", o.money);
    assert!(close(o.money["wastewater"], 547.5), "{:?}", o.money);
    assert!(close(o.annual_saving, 547.5 * 3.0));
}

#[test]
fn low_flow_fixtures_laundry_reuse_and_mercury_free_devices() {
    let options = r#"
mercury = { devices = 100, per_device = "2 g", discarded = "50 %" }
[[template.hospital.options]]
id = "low_flow_fixtures"
saving = "25 %"
capex = "5000 USD"
[[template.hospital.options]]
id = "laundry_reuse"
fraction = "40 %"
capex = "5000 USD"
[[template.hospital.options]]
id = "mercury_free"
capex = "500 USD"
"#;
    let a = assess(&doc(options, ""));
    let e = a.evaluate().unwrap();
    let by = |id: &str| e.options.iter().find(|o| o.id == id).unwrap();
    // 25 % of the wards' 8,760 m3.
    assert!(close(by("low_flow_fixtures").money["water"], 2_190.0 * 2.0));
    // 40 % of the laundry's 2,190 m3 of wastewater back to the wash, replacing fresh water.
    assert!(close(by("laundry_reuse").money["water"], 876.0 * 2.0));
    // 100 devices × 2 g × 50 % a year: 100 g of mercury avoided, reported as a load.
    let m = by("mercury_free");
    assert!(m.money.values().all(|x| x.abs() < 1e-9), "{:?}", m.money);
    assert_eq!(m.deltas["mercury to mercury_released"], "0.1 kg/yr");
}

#[test]
fn who_defaults_by_income_level_are_named_in_warnings() {
    // No waste figures, high income: WHO's 0.5 kg of hazardous waste per bed-day, and general
    // waste at 85 to 15.
    let a = assess(&doc("", ""));
    let b = benchmarks(&a);
    let (infectious, _, _, _) = indicator(&b, "waste_infectious");
    assert!(close(infectious, 0.5));
    let (general, _, _, _) = indicator(&b, "waste_general");
    assert!(close(general, 0.5 * 85.0 / 15.0));
    assert!(
        b.warnings
            .iter()
            .any(|w| w.contains("template.hospital.waste.infectious") && w.contains("to check")),
        "{:?}",
        b.warnings
    );
    // Low income: 0.2 kg.
    let a = assess(&doc("", "").replace("income = \"high\"", "income = \"low\""));
    let (infectious, _, _, _) = indicator(&benchmarks(&a), "waste_infectious");
    assert!(close(infectious, 0.2));
    // Middle income: no WHO figure, no waste modelled, and a warning says so.
    let a = assess(&doc("", "").replace("income = \"high\"", "income = \"middle\""));
    let b = benchmarks(&a);
    assert!(b.indicators.iter().all(|i| i.key != "waste"));
    assert!(
        b.warnings.iter().any(|w| w.contains("middle-income")),
        "{:?}",
        b.warnings
    );
    assert!(a.report().is_ok());
}

#[test]
fn bad_figures_are_errors_naming_the_field_and_range() {
    let cases = [
        (
            "occupancy = \"80 %\"",
            "occupancy = \"105 %\"",
            "template.hospital.occupancy",
            "100 %",
        ),
        (
            "beds = 100",
            "beds = -5",
            "template.hospital.beds",
            "positive",
        ),
        (
            "general_in_hazardous = \"40 %\"",
            "general_in_hazardous = \"120 %\"",
            "template.hospital.waste.general_in_hazardous",
            "0 % to 100 %",
        ),
    ];
    for (from, to, path, words) in cases {
        let text = doc("", WASTE).replace(from, to);
        let e = Assessment::from_toml_str(&text)
            .and_then(|a| a.evaluate().map(|_| ()).map(|()| a))
            .err()
            .unwrap_or_else(|| panic!("{to} accepted"));
        assert_eq!(e.code(), "out_of_range", "{e}");
        assert_eq!(e.path(), path, "{e}");
        assert!(e.to_string().contains(words), "{e}");
    }
}

#[test]
fn an_option_missing_its_figure_names_it() {
    let option = r#"
[[template.hospital.options]]
id = "steriliser_retrofit"
capex = "5000 USD"
"#;
    let e = Assessment::from_toml_str(&doc("", option))
        .and_then(|a| a.evaluate().map(|_| ()).map(|()| a))
        .err()
        .unwrap();
    assert_eq!(e.path(), "template.hospital.options[0].saving", "{e}");
}

#[test]
fn the_example_reports_its_benchmarks_in_text() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/hospital.toml"
    ))
    .unwrap();
    let a = assess(&text);
    let report = a.report().unwrap();
    let out = cleanprod::report::report_text(&report);
    assert!(
        out.contains("benchmarks per bed-day (44895 bed-days/yr"),
        "{out}"
    );
    assert!(
        out.contains("share of the waste in hazardous bins"),
        "{out}"
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["benchmarks"]["sector"], "hospital");
}

/// The test hospital with more prices: electricity, LPG, diesel and three treatment routes.
fn priced(template: &str, extra: &str) -> String {
    doc(template, extra).replace(
        "hazardous_waste = \"800 USD/t\"",
        "hazardous_waste = \"800 USD/t\"\nincineration = \"1000 USD/t\"\nautoclave = \"400 USD/t\"\nmicrowave = \"450 USD/t\"\nelectricity = \"0.15 USD/kWh\"\nlpg = \"1 USD/kg\"\ndiesel = \"1 USD/L\"",
    )
}

fn money(o: &cleanprod::options::OptionResult, key: &str) -> f64 {
    o.money.get(key).copied().unwrap_or(0.0)
}

#[test]
fn laboratories_dialysis_and_ro_reject_reuse_by_hand() {
    let services = r#"
laboratories = { water = "2 m3" }
dialysis = { treatments = 10, permeate_per_treatment = "150 L", recovery = "50 %" }
"#;
    let b = benchmarks(&assess(&doc(services, "")));
    // Laboratories 2 m3 × 365 d = 730 m3. Dialysis: 10 × 365 × 150 L = 547.5 m3 of permeate,
    // fed 547.5 / 50 % = 1,095 m3, of which 547.5 m3 is RO reject.
    let (labs, _, _, _) = indicator(&b, "water_laboratories");
    assert!(close(labs, 730.0 * 1_000.0 / BED_DAYS));
    let (dialysis, _, _, _) = indicator(&b, "water_dialysis");
    assert!(close(dialysis, 1_095.0 * 1_000.0 / BED_DAYS));
    let (all, _, _, _) = indicator(&b, "water");
    assert!(close(
        all,
        (13_505.0 + 730.0 + 1_095.0) * 1_000.0 / BED_DAYS
    ));
    // 80 % of the reject reused for WC flushing in the wards: 438 m3 less fresh water, and
    // 438 m3 less to the sewer (the wards drain as much as before; the reject line less).
    let option = r#"
[[template.hospital.options]]
id = "ro_reject_reuse"
fraction = "80 %"
capex = "8000 USD"
"#;
    let a = assess(&doc(services, option));
    let o = &a.evaluate().unwrap().options[0];
    assert!(close(money(o, "water"), 438.0 * 2.0), "{:?}", o.money);
    assert!(close(money(o, "wastewater"), 438.0), "{:?}", o.money);
    // Reuse in an end use the hospital lacks is refused, naming the field.
    let bad = option.replace("fraction", "to = \"pharmacy\"\nfraction");
    let e = Assessment::from_toml_str(&doc(services, &bad)).unwrap_err();
    assert_eq!(e.path(), "template.hospital.options[0].to");
    // A recovery of 0 % is refused with its range.
    let e = Assessment::from_toml_str(&doc(&services.replace("50 %", "0 %"), "")).unwrap_err();
    assert_eq!(e.path(), "template.hospital.dialysis.recovery");
    assert!(e.to_string().contains("50 to 75 %"), "{e}");
}

/// Infectious waste and sharps incinerated, radioactive waste too (decay-stored first).
const INCINERATED: &str = r#"
[template.hospital.waste]
general = "2 kg"
infectious = "0.3 kg"
sharps = "0.05 kg"
radioactive = "0.01 kg"
general_in_hazardous = "40 %"
routes = { infectious = "incineration", sharps = "incineration", radioactive = "incineration" }
"#;

#[test]
fn an_autoclave_instead_of_incineration_saves_the_price_difference_by_hand() {
    let options = r#"
[[template.hospital.options]]
id = "autoclave_treatment"
capex = "50000 USD"
[[template.hospital.options]]
id = "microwave_treatment"
capex = "50000 USD"
"#;
    let a = assess(&priced("", &format!("{INCINERATED}{options}")));
    let e = a.evaluate().unwrap();
    let by = |id: &str| e.options.iter().find(|o| o.id == id).unwrap();
    // Infectious 0.3 + sharps 0.05 + general in red bags 0.4 × 2 = 1.15 kg per bed-day go to
    // the autoclave: 1.15 × 29,200 = 33.58 t a year at 1,000 − 400 = 600 USD/t less:
    // 20,148 USD. Radioactive waste (0.01 kg) stays on the incineration route.
    let moved = 1.15 * BED_DAYS / 1_000.0;
    let o = by("autoclave_treatment");
    assert!(
        close(money(o, "incineration"), moved * 1_000.0),
        "{:?}",
        o.money
    );
    assert!(
        close(money(o, "autoclave"), -moved * 400.0),
        "{:?}",
        o.money
    );
    assert!(close(o.annual_saving, 20_148.0));
    // Microwave: 1,000 − 450 = 550 USD/t.
    assert!(close(
        by("microwave_treatment").annual_saving,
        moved * 550.0
    ));
    // The two are alternatives (same capex here): the microwave, saving less, is set aside.
    assert_eq!(e.portfolio.set_aside.len(), 1);
    assert_eq!(e.portfolio.set_aside[0].id, "microwave_treatment");
    // The routes table: 1.16 kg per bed-day incinerated before, 0.01 kg after.
    let b = benchmarks(&a);
    let r = b.routes.iter().find(|r| r.route == "incineration").unwrap();
    assert!(close(r.tonnes_before, 1.16 * BED_DAYS / 1_000.0));
    assert!(close(r.tonnes_after.unwrap(), 0.01 * BED_DAYS / 1_000.0));
    assert!(close(r.cost_before.unwrap(), 1.16 * BED_DAYS));
    let (rad, _, _, _) = indicator(&b, "waste_radioactive");
    assert!(close(rad, 0.01));
    // Still hazardous: the share in hazardous bins is the same before and after.
    let (share, after, _, _) = indicator(&b, "hazardous_share");
    assert!(close(share, after.unwrap()));
}

#[test]
fn segregation_then_autoclave_treats_only_what_is_left_in_the_red_bags() {
    let options = r#"
[[template.hospital.options]]
id = "waste_segregation"
capex = "1000 USD"
[[template.hospital.options]]
id = "autoclave_treatment"
capex = "60000 USD"
"#;
    let a = assess(&priced("", &format!("{INCINERATED}{options}")));
    let e = a.evaluate().unwrap();
    // Generated 2.36 kg per bed-day, 15 % of it 0.354 kg may stay in hazardous bins: the
    // hazardous categories 0.36 kg already exceed it, so all 0.8 kg of general waste leaves the
    // red bags (to solid waste at 50 USD/t), and the autoclave treats 0.35 kg instead of
    // incinerating it. Together, per bed-day: 0.8 × (1,000 − 50) + 0.35 × (1,000 − 400)
    // USD/t.
    let expected = (0.8 * 950.0 + 0.35 * 600.0) * BED_DAYS / 1_000.0;
    assert!(
        close(e.portfolio.all.annual_saving, expected),
        "{} {expected}",
        e.portfolio.all.annual_saving
    );
}

#[test]
fn hot_water_follows_the_water_so_low_flow_fixtures_save_its_fuel() {
    let template = r#"
hot_water = { fuel = "lpg", efficiency = "80 %", hot_temperature = "60 °C", cold_temperature = "20 °C" }
"#;
    let text = priced(template, "").replace(
        "wards = { water = \"300 L\" }",
        "wards = { water = \"300 L\", hot_share = \"30 %\" }",
    );
    // Wards 8,760 m3, 30 % hot: 2,628 m3 heated 40 K at 80 %:
    // 2,628 × 4.186 MJ/(m3·K) × 40 K / 3.6 MJ/kWh / 0.8 = 152,789.0 kWh of LPG.
    let kwh: f64 = 2_628.0 * 4.186 * 40.0 / 3.6 / 0.8;
    assert!((kwh - 152_789.0).abs() < 0.1, "{kwh}");
    let b = benchmarks(&assess(&text));
    let (energy, _, _, _) = indicator(&b, "energy");
    assert!(close(energy, kwh / BED_DAYS), "{energy}");
    let option = r#"
[[template.hospital.options]]
id = "low_flow_fixtures"
saving = "25 %"
capex = "5000 USD"
"#;
    let a = assess(&format!("{text}{option}"));
    let (_, after, _, _) = indicator(&benchmarks(&a), "energy");
    assert!(close(after.unwrap(), 0.75 * kwh / BED_DAYS));
    let o = &a.evaluate().unwrap().options[0];
    assert!(money(o, "lpg") > 0.0, "{:?}", o.money);
}

#[test]
fn lighting_options_and_condensate_return_save_by_hand() {
    let template = r#"
lighting = { fixtures = 200, power = "36 W", hours = "16 h" }
boiler = { fuel = "diesel", amount = "100000 L/yr", heating_value = "36 MJ/L" }
"#;
    let options = r#"
[[template.hospital.options]]
id = "led_lighting"
power = "18 W"
capex = "4000 USD"
[[template.hospital.options]]
id = "lighting_controls"
control = "80 %"
capex = "2000 USD"
[[template.hospital.options]]
id = "condensate_return"
capex = "9000 USD"
model = { kind = "condensate_return", condensate = "100 kg/h", condensate_temperature = "80 °C", makeup_temperature = "25 °C", boiler_efficiency = "80 %" }
"#;
    let a = assess(&priced(template, options));
    let e = a.evaluate().unwrap();
    let by = |id: &str| e.options.iter().find(|o| o.id == id).unwrap();
    // 200 × 36 W × 16 h × 365 d = 42,048 kWh; LED halves it: 21,024 kWh at 0.15 USD.
    assert!(close(
        money(by("led_lighting"), "electricity"),
        21_024.0 * 0.15
    ));
    // Controls: lamps on 80 % of the hours: 8,409.6 kWh.
    assert!(close(
        money(by("lighting_controls"), "electricity"),
        8_409.6 * 0.15
    ));
    // Condensate: 100 kg/h × 8,760 h = 876 t of make-up water not bought, and its heat
    // 876 t × 4.19 kJ/(kg·K) × 55 K / 80 % ≈ 70,000 kWh of diesel (at 36 MJ/L: about
    // 7,000 L) off the boiler's fuel.
    let c = by("condensate_return");
    assert!(close(money(c, "water"), 876.0 * 2.0), "{:?}", c.money);
    let litres = money(c, "diesel");
    let hand = 876_000.0 * 4.186 * 55.0 / 0.8 / 36_000.0;
    assert!((litres - hand).abs() < 0.01 * hand, "{litres} {hand}");
    // A model of the wrong kind is refused.
    let bad = options.replace("kind = \"condensate_return\"", "kind = \"steam_trap\"");
    let e = Assessment::from_toml_str(&priced(template, &bad)).unwrap_err();
    assert_eq!(e.path(), "template.hospital.options[2].model.kind");
}
