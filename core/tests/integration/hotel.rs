//! The hotel template: end uses and hot-water energy checked by hand, the metered water
//! reconciled, each catalogue option's saving against a hand calculation, benchmarks and bad
//! figures.

use cleanprod::Assessment;
use cleanprod::sectors::Benchmarks;
use cleanprod::sectors::hotel::{Class, HotelBenchmarks};
use cleanprod::units::Measured;
use cleanprod::utilities::hot_water::{Heater, hot_water};
use uom::si::energy::kilowatt_hour;

/// 10,000 guest-nights a year. Showers 10 L/min × 8 min × 1 a guest-night, half hot: 800 m3,
/// 400 m3 hot. WCs 6 L × 4: 240 m3. Laundry 3 kg × 10 L/kg, half hot: 300 m3, 150 m3 hot,
/// 0.5 kWh/kg: 15,000 kWh. End uses 1,340 m3; the meter 1,500 m3: 160 m3 unaccounted.
fn doc(extra: &str, options: &str) -> String {
    format!(
        r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "h"
sector = "hotel"
[schedule]
days_per_year = 365
hours_per_day = "24 h"
[production]
product = "guest-night"
output = "10000 /yr"
[prices]
water = "2 USD/m3"
wastewater = "1 USD/m3"
electricity = "0.2 USD/kWh"
lpg = "1 USD/kg"
[finance]
discount_rate = "0 %"
horizon = "1 yr"
[template.hotel]
rooms = 50
guest_nights = 10000
metered_water = "1500 m3/yr"
showers = {{ flow = "10 L/min", minutes = "8 min", uses = 1, hot_share = "50 %" }}
wcs = {{ flush = "6 L", uses = 4 }}
laundry = {{ linen = "3 kg", water = "10 L/kg", hot_share = "50 %", electricity = "0.5 kWh/kg" }}
hot_water = {{ fuel = "lpg", efficiency = "80 %", hot_temperature = "60 °C", cold_temperature = "20 °C" }}
{extra}
{options}
"#
    )
}

fn assess(text: &str) -> Assessment {
    Assessment::from_toml_str(text).unwrap()
}

fn benchmarks(a: &Assessment) -> HotelBenchmarks {
    match a.benchmarks().unwrap().unwrap() {
        Benchmarks::Hotel(b) => b,
        other => panic!("hotel benchmarks expected, got {:?}", other.sector()),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// Fuel for `m3` of water heated 40 K at 80 %, kWh, from the utilities' calculator.
fn fuel_kwh(m3: f64, efficiency: f64) -> f64 {
    let v = uom::si::f64::Volume::new::<uom::si::volume::cubic_meter>(m3);
    let dt = "40 K".parse::<Measured<_>>().unwrap().value();
    let e = uom::si::f64::Ratio::new::<uom::si::ratio::ratio>(efficiency);
    hot_water(v, dt, Heater::Efficiency { efficiency: e }, None)
        .unwrap()
        .energy_in
        .get::<kilowatt_hour>()
}

fn option(choice: &str) -> String {
    format!("[[template.hotel.options]]\n{choice}\ncapex = \"1000 USD\"\n")
}

/// Water saved by the only option, m3/yr, from its money.
fn water_saved(a: &Assessment) -> f64 {
    let e = a.evaluate().unwrap();
    assert_eq!(e.options.len(), 1);
    e.options[0].money["water"] / 2.0
}

#[test]
fn end_uses_hot_water_energy_and_the_meter_are_computed_by_hand() {
    let a = assess(&doc("", ""));
    let b = benchmarks(&a);
    assert!(close(b.guest_nights, 10_000.0));
    let find = |k: &str| b.end_uses.iter().find(|u| u.key == k).unwrap().clone();
    // guest-nights × uses × minutes × flow = 10,000 × 1 × 8 × 10 L = 800 m3.
    assert!(close(find("showers").water, 800.0));
    assert!(close(find("showers").hot, 400.0));
    assert!(close(find("showers").per_guest_night, 80.0));
    assert!(close(find("wcs").water, 240.0));
    assert!(close(find("laundry").water, 300.0));
    assert!(close(find("laundry").hot, 150.0));
    let r = b.reconciliation.clone().unwrap();
    assert!(close(r.metered, 1_500.0));
    assert!(close(r.modelled, 1_340.0));
    assert!(close(r.unaccounted, 160.0));
    assert!(close(r.share, 160.0 / 1_500.0));
    // Water bought: the meter, 150 L/guest-night, above the 140 L benchmark.
    let water = &b.indicators[0];
    assert_eq!(water.key, "water");
    assert!(close(water.before, 150.0));
    assert_eq!(water.class_before, Some(Class::Above));
    assert_eq!(water.reference.as_ref().unwrap().high, 140.0);
    // Energy: fuel for 550 m3 heated 40 K at 80 %, and the laundry's 15,000 kWh.
    let energy = &b.indicators[1];
    let expected = (fuel_kwh(550.0, 0.8) + 15_000.0) / 10_000.0;
    assert!(
        close(energy.before, expected),
        "{} {expected}",
        energy.before
    );
    // The report shows the end uses and the unaccounted water.
    let text = cleanprod::report::report_text(&a.report().unwrap());
    assert!(text.contains("unaccounted (leaks) 160 m3/yr"), "{text}");
    assert!(text.contains("guest-room showers"), "{text}");
}

#[test]
fn low_flow_showers_save_water_and_the_fuel_of_its_hot_share() {
    let a = assess(&doc(
        "",
        &option("id = \"low_flow_showers\"\nflow = \"6 L/min\""),
    ));
    // 800 m3 × (1 − 6/10) = 320 m3, 160 m3 of it hot.
    assert!(close(water_saved(&a), 320.0));
    let b = benchmarks(&a);
    assert!(close(
        b.indicators[0].after.unwrap(),
        (1_500.0 - 320.0) / 10.0
    ));
    assert_eq!(b.indicators[0].class_after, Some(Class::Within));
    let expected = (fuel_kwh(550.0 - 160.0, 0.8) + 15_000.0) / 10_000.0;
    assert!(close(b.indicators[1].after.unwrap(), expected));
    let e = a.evaluate().unwrap();
    assert!(e.options[0].money["lpg"] > 0.0);
}

#[test]
fn low_flush_wcs_default_to_the_watersense_flush() {
    let a = assess(&doc("", &option("id = \"low_flush_wcs\"")));
    // 240 m3 × (1 − 4.8454 L / 6 L).
    let watersense = 1.28 * 3.785_411_784;
    assert!(close(water_saved(&a), 240.0 * (1.0 - watersense / 6.0)));
}

#[test]
fn the_leak_programme_saves_a_share_of_the_unaccounted_water() {
    let a = assess(&doc(
        "",
        &option("id = \"leak_programme\"\nsaving = \"50 %\""),
    ));
    assert!(close(water_saved(&a), 80.0));
    // Without a meter reading there is nothing to repair.
    let text = doc("", &option("id = \"leak_programme\"\nsaving = \"50 %\""))
        .replace("metered_water = \"1500 m3/yr\"", "");
    let e = Assessment::from_toml_str(&text).unwrap_err();
    assert!(e.path().contains("metered_water"), "{e}");
}

#[test]
fn linen_reuse_saves_laundry_water_and_electricity() {
    let a = assess(&doc("", &option("id = \"linen_reuse\"\nsaving = \"20 %\"")));
    // 300 m3 × 20 % and 15,000 kWh × 20 %.
    assert!(close(water_saved(&a), 60.0));
    let e = a.evaluate().unwrap();
    assert!(close(e.options[0].money["electricity"] / 0.2, 3_000.0));
    // Without the share there is no model.
    let e = Assessment::from_toml_str(&doc("", &option("id = \"linen_reuse\""))).unwrap_err();
    assert_eq!(e.path(), "template.hotel.options[0].saving");
}

#[test]
fn spray_valves_and_a_pool_cover_save_by_hand() {
    let extra = "kitchen = { covers = 100, spray_valve_flow = \"10 L/min\", spray_valve_minutes = \"60 min\", hot_share = \"100 %\" }\npool = { area = \"100 m2\", evaporation = \"5 mm\", backwash = \"1 m3\" }";
    // Spray valves: 365 × 60 min × 10 L/min = 219 m3, down to the WaterSense 1.28 gpm.
    let a = assess(&doc(extra, &option("id = \"spray_valves\"")));
    let watersense = 1.28 * 3.785_411_784;
    assert!(close(water_saved(&a), 219.0 * (1.0 - watersense / 10.0)));
    // Pool: 365 × 100 m2 × 5 mm = 182.5 m3 evaporated, 40 % avoided; backwash unchanged.
    let a = assess(&doc(
        extra,
        &option("id = \"pool_cover\"\nsaving = \"40 %\""),
    ));
    assert!(close(water_saved(&a), 73.0));
    let e = a.evaluate().unwrap();
    assert!(
        !e.options[0].money.contains_key("wastewater")
            || e.options[0].money["wastewater"].abs() < 1e-6
    );
}

#[test]
fn a_better_boiler_and_a_heat_pump_cut_the_hot_water_fuel() {
    let a = assess(&doc(
        "",
        &option("id = \"boiler_upgrade\"\nefficiency = \"90 %\""),
    ));
    let b = benchmarks(&a);
    let expected = (fuel_kwh(550.0, 0.9) + 15_000.0) / 10_000.0;
    assert!(close(b.indicators[1].after.unwrap(), expected));
    let a = assess(&doc("", &option("id = \"heat_pump\"\ncop = 3")));
    let e = a.evaluate().unwrap();
    // The boiler's useful heat, now from electricity at a COP of 3.
    let electricity = fuel_kwh(550.0, 0.8) * 0.8 / 3.0;
    assert!(close(-e.options[0].money["electricity"] / 0.2, electricity));
    assert!(e.options[0].money["lpg"] > 0.0);
}

#[test]
fn bad_figures_are_errors_naming_the_field_and_the_range() {
    let occupancy = doc("", "").replace("guest_nights = 10000", "occupancy = \"120 %\"");
    let e = Assessment::from_toml_str(&occupancy).unwrap_err();
    assert_eq!(e.path(), "template.hotel.occupancy");
    assert!(e.to_string().contains("100 %"), "{e}");
    let shower = doc("", "").replace("flow = \"10 L/min\"", "flow = \"60 L/min\"");
    let e = Assessment::from_toml_str(&shower).unwrap_err();
    assert_eq!(e.path(), "template.hotel.showers.flow");
    assert!(e.to_string().contains("30 L/min"), "{e}");
    let rooms = doc("", "").replace("rooms = 50", "rooms = -5");
    let e = Assessment::from_toml_str(&rooms).unwrap_err();
    assert_eq!(e.path(), "template.hotel.rooms");
    // An option that would save nothing.
    let e = Assessment::from_toml_str(&doc(
        "",
        &option("id = \"low_flow_showers\"\nflow = \"12 L/min\""),
    ))
    .unwrap_err();
    assert_eq!(e.path(), "template.hotel.options[0].flow");
}

#[test]
fn unusual_and_defaulted_figures_are_warnings_naming_the_field() {
    let text = doc("", "")
        .replace("flow = \"10 L/min\"", "flow = \"22 L/min\"")
        .replace("flush = \"6 L\", ", "")
        .replace("1500 m3/yr", "1000 m3/yr");
    let b = benchmarks(&assess(&text));
    let all = b.warnings.join("\n");
    assert!(
        all.contains("template.hotel.showers.flow: 22 L/min"),
        "{all}"
    );
    assert!(all.contains("20 L/min"), "{all}");
    assert!(all.contains("template.hotel.wcs.flush not given"), "{all}");
    assert!(all.contains("WaterSense"), "{all}");
    // The end uses exceed the meter: reported, no leak stream.
    assert!(all.contains("template.hotel.metered_water"), "{all}");
    assert!(b.reconciliation.unwrap().unaccounted < 0.0);
}

#[test]
fn hot_water_saved_with_a_heat_pump_saves_the_heat_pumps_electricity() {
    let options = format!(
        "{}{}",
        option("id = \"heat_pump\"\ncop = 3"),
        option("id = \"low_flow_showers\"\nflow = \"6 L/min\"")
    );
    let a = assess(&doc("", &options));
    let e = a.evaluate().unwrap();
    let by = |id: &str| e.options.iter().find(|o| o.id == id).unwrap();
    // Alone, the heat pump buys the boiler's useful heat as electricity at a COP of 3, and the
    // showers save 160 m3 of hot water at the boiler's LPG.
    let hp_alone = fuel_kwh(550.0, 0.8) * 0.8 / 3.0;
    assert!(close(-by("heat_pump").money["electricity"] / 0.2, hp_alone));
    assert!(by("low_flow_showers").money["lpg"] > 0.0);
    assert!(!by("low_flow_showers").money.contains_key("electricity"));
    // Together the hot water falls to 550 − 160 = 390 m3, all heated by the heat pump:
    // heat 390 m3 × 4.186 MJ/(m3·K) × 40 K / 3.6 MJ/kWh = 18,139.3 kWh, electricity / 3 =
    // 6,046.4 kWh, not the 8,527.0 kWh of the heat pump alone (550 m3).
    let together = fuel_kwh(390.0, 0.8) * 0.8 / 3.0;
    assert!((together - 6_046.4).abs() < 0.1, "{together}");
    assert!((hp_alone - 8_527.0).abs() < 0.1, "{hp_alone}");
    let total = &e.portfolio.all;
    assert_eq!(total.ids.len(), 2);
    // Total: the water of both, all the LPG (the heat pump's own figure), less the electricity.
    let expected = 320.0 * 3.0 + by("heat_pump").money["lpg"] - together * 0.2;
    assert!(
        close(total.annual_saving, expected),
        "{} {expected}",
        total.annual_saving
    );
    // Whichever comes second, the sequence's increments add up to the same total, and the
    // showers after the heat pump save electricity, (160 m3 heat) / 3.
    let steps = &e.portfolio.sequence;
    let sum: f64 = steps.iter().map(|s| s.annual_saving).sum();
    assert!(close(sum, expected));
    if steps[0].id == "heat_pump" {
        let saved = fuel_kwh(160.0, 0.8) * 0.8 / 3.0;
        assert!(close(steps[1].annual_saving, 320.0 * 3.0 + saved * 0.2));
    }
    // The energy benchmark after: the heat pump's electricity and the laundry's.
    let b = benchmarks(&a);
    assert!(close(
        b.indicators[1].after.unwrap(),
        (together + 15_000.0) / 10_000.0
    ));
}

/// The document with a solid-waste price of 50 USD/t.
fn doc_with_waste_price(extra: &str, options: &str) -> String {
    doc(extra, options).replace(
        "lpg = \"1 USD/kg\"",
        "lpg = \"1 USD/kg\"\nsolid_waste = \"50 USD/t\"",
    )
}

const LIGHTING: &str =
    "lighting = { fixtures = 100, power = \"40 W\", hours = \"10 h\", control = \"100 %\" }";

#[test]
fn led_lighting_and_key_card_controls_save_by_hand() {
    // 100 fixtures × 40 W × 10 h × 365 d = 14,600 kWh a year.
    let a = assess(&doc(LIGHTING, ""));
    let b = benchmarks(&a);
    let energy = b.indicators.iter().find(|i| i.key == "energy").unwrap();
    let hot = fuel_kwh(550.0, 0.8);
    assert!(close(energy.before, (hot + 15_000.0 + 14_600.0) / 10_000.0));
    // LED at 10 W: 14,600 × (1 − 10/40) = 10,950 kWh, at 0.2 USD/kWh.
    let a = assess(&doc(
        LIGHTING,
        &option("id = \"led_lighting\"\npower = \"10 W\""),
    ));
    let e = a.evaluate().unwrap();
    assert!(close(e.options[0].money["electricity"], 10_950.0 * 0.2));
    // Key cards: lamps on 70 % of the hours: 14,600 × 30 % = 4,380 kWh.
    let a = assess(&doc(
        LIGHTING,
        &option("id = \"lighting_controls\"\ncontrol = \"70 %\""),
    ));
    let e = a.evaluate().unwrap();
    assert!(close(e.options[0].money["electricity"], 4_380.0 * 0.2));
    // Both: 14,600 × (1 − 0.25 × 0.7) = 12,045 kWh saved together.
    let both = format!(
        "{}{}",
        option("id = \"led_lighting\"\npower = \"10 W\""),
        option("id = \"lighting_controls\"\ncontrol = \"70 %\"")
    );
    let a = assess(&doc(LIGHTING, &both));
    let e = a.evaluate().unwrap();
    assert!(close(e.portfolio.all.annual_saving, 12_045.0 * 0.2));
    // A fixture of 5 kW is refused, naming the field.
    let bad = doc(&LIGHTING.replace("40 W", "5000 W"), "");
    let err = Assessment::from_toml_str(&bad).unwrap_err();
    assert_eq!(err.path(), "template.hotel.lighting.power");
}

#[test]
fn the_cooling_tower_and_its_cycles_of_concentration_save_by_hand() {
    let tower = "cooling_tower = { circulation = \"100 m3/h\", range = \"5 K\", cycles = 3 }";
    // Evaporation 0.00153 /K × 100 m3/h × 5 K = 0.765 m3/h; blowdown 0.765 / 2 = 0.3825 m3/h;
    // make-up 1.1475 m3/h × 8,760 h = 10,052.1 m3 a year.
    let b = benchmarks(&assess(&doc(tower, "")));
    let t = b
        .end_uses
        .iter()
        .find(|u| u.key == "cooling_tower")
        .unwrap();
    assert!(close(t.water, 1.1475 * 8_760.0), "{}", t.water);
    // Six cycles: blowdown 0.765 / 5 = 0.153 m3/h, 0.2295 m3/h less: 2,010.42 m3 a year
    // bought and discharged less.
    let a = assess(&doc(tower, &option("id = \"tower_cycles\"\ncycles = 6")));
    assert!(close(water_saved(&a), 0.2295 * 8_760.0));
    let e = a.evaluate().unwrap();
    assert!(close(e.options[0].money["wastewater"], 0.2295 * 8_760.0));
    // Fewer cycles than today save nothing: refused.
    let e = Assessment::from_toml_str(&doc(tower, &option("id = \"tower_cycles\"\ncycles = 2")))
        .unwrap_err();
    assert_eq!(e.path(), "template.hotel.options[0].cycles");
    let e = Assessment::from_toml_str(&doc(&tower.replace("cycles = 3", "cycles = 1"), ""))
        .unwrap_err();
    assert_eq!(e.path(), "template.hotel.cooling_tower.cycles");
}

#[test]
fn waste_separation_saves_the_disposal_price_of_what_is_separated() {
    let waste =
        "waste = { per_guest_night = \"1.5 kg\", organic = \"50 %\", recyclable = \"20 %\" }";
    // 10,000 guest-nights × 1.5 kg = 15 t a year, all disposed of.
    let b = benchmarks(&assess(&doc_with_waste_price(waste, "")));
    let find = |b: &HotelBenchmarks, k: &str| b.indicators.iter().find(|i| i.key == k).cloned();
    assert!(close(find(&b, "waste_disposed").unwrap().before, 1.5));
    // 80 % of the organic and recyclable 70 %: 56 % of 15 t = 8.4 t at 50 USD/t = 420 USD.
    let a = assess(&doc_with_waste_price(
        waste,
        &option("id = \"waste_separation\"\nfraction = \"80 %\""),
    ));
    let e = a.evaluate().unwrap();
    assert!(
        close(e.options[0].money["solid_waste"], 420.0),
        "{:?}",
        e.options[0].money
    );
    assert!(close(e.options[0].annual_saving, 420.0));
    let b = benchmarks(&a);
    let disposed = find(&b, "waste_disposed").unwrap();
    assert!(close(disposed.after.unwrap(), 1.5 * 0.44));
    assert!(close(find(&b, "waste").unwrap().after.unwrap(), 1.5));
    // Fractions above 100 % together are refused.
    let bad = doc_with_waste_price(&waste.replace("20 %", "60 %"), "");
    let e = Assessment::from_toml_str(&bad).unwrap_err();
    assert_eq!(e.path(), "template.hotel.waste.recyclable");
}

#[test]
fn solar_water_heating_cuts_the_boilers_share_of_the_heat() {
    // Solar collectors give 20 % of the heat today: the LPG heats 80 % of it.
    let text = doc("", "").replace(
        "cold_temperature = \"20 °C\"",
        "cold_temperature = \"20 °C\", solar_share = \"20 %\"",
    );
    let b = benchmarks(&assess(&text));
    let hot = fuel_kwh(550.0, 0.8);
    assert!(close(
        b.indicators[1].before,
        (0.8 * hot + 15_000.0) / 10_000.0
    ));
    // To 60 %: the LPG falls to 40 % of the heat, by (1 − 0.6) / (1 − 0.2) = 1/2.
    let a = assess(&format!(
        "{text}{}",
        option("id = \"solar_water_heating\"\nsolar_share = \"60 %\"")
    ));
    let b = benchmarks(&a);
    assert!(close(
        b.indicators[1].after.unwrap(),
        (0.4 * hot + 15_000.0) / 10_000.0
    ));
    let e = a.evaluate().unwrap();
    assert!(e.options[0].money["lpg"] > 0.0);
    assert!(!e.options[0].money.contains_key("water"));
}

#[test]
fn a_heat_pump_for_an_electric_heater_and_energy_per_m2() {
    // An electric resistance heater (100 %) replaced by a heat pump of COP 4: the electricity
    // of the hot water falls to a quarter; the laundry's 15,000 kWh stay.
    let text = doc(
        "floor_area = \"2000 m2\"",
        &option("id = \"heat_pump\"\ncop = 4"),
    )
    .replace(
        "fuel = \"lpg\", efficiency = \"80 %\"",
        "fuel = \"electricity\", efficiency = \"100 %\"",
    );
    let a = assess(&text);
    let heat = fuel_kwh(550.0, 1.0);
    let e = a.evaluate().unwrap();
    assert!(close(e.options[0].money["electricity"], 0.75 * heat * 0.2));
    let b = benchmarks(&a);
    let m2 = b
        .indicators
        .iter()
        .find(|i| i.key == "energy_per_m2")
        .unwrap();
    assert!(close(m2.before, (heat + 15_000.0) / 2_000.0));
    assert!(close(m2.after.unwrap(), (0.25 * heat + 15_000.0) / 2_000.0));
}
