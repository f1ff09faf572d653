//! Criterion benchmarks of the cleanprod engine (`cargo bench -p cleanprod-benches`) and the
//! inputs they share.

pub mod large;

/// Uniform numbers in [0, 1) from a 64-bit linear congruential generator (Knuth's MMIX
/// constants) seeded with `seed`.
fn uniform(seed: u64) -> impl FnMut() -> f64 {
    const A: u64 = 6_364_136_223_846_793_005;
    let mut state = seed.wrapping_mul(A).wrapping_add(1);
    move || {
        state = state
            .wrapping_mul(A)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `rows` conventional cash-flow series of `len` periods, row-major: an outlay of 1,000 to
/// 100,000 then inflows of 0 to 30 % of it, from a fixed seed (a 64-bit linear congruential
/// generator, so that the Rust, Python and JS benchmarks can draw the same kind of series).
pub fn conventional_rows(rows: usize, len: usize, seed: u64) -> Vec<f64> {
    let mut uniform = uniform(seed);
    let mut out = Vec::with_capacity(rows * len);
    for _ in 0..rows {
        let outlay = 1_000.0 + 99_000.0 * uniform();
        out.push(-outlay);
        for _ in 1..len {
            out.push(0.3 * outlay * uniform());
        }
    }
    out
}

use std::collections::BTreeMap;

use cleanprod::document::Schedule;
use cleanprod::flowsheet::{Flow, Flowsheet, Node, NodeKind, Stream};

/// A synthetic flowsheet of `units` unit operations carrying `components` components: a chain
/// of units, a fresh feed into every fourth, an outlet from each (one in three unknown, the
/// rest measured at 5 %), the links between units measured, and a recycle estimated every
/// tenth unit: about 2.35 streams per unit. Returns it with a 300-day schedule.
pub fn synthetic_flowsheet(units: usize, components: usize, seed: u64) -> (Flowsheet, Schedule) {
    let mut uniform = uniform(seed);
    let comps: Vec<String> = (0..components).map(|c| format!("c{c}")).collect();
    let mut nodes = vec![
        Node {
            id: "in".into(),
            kind: NodeKind::Source,
            name: String::new(),
            accumulation: BTreeMap::new(),
        },
        Node {
            id: "out".into(),
            kind: NodeKind::Wastewater,
            name: String::new(),
            accumulation: BTreeMap::new(),
        },
    ];
    nodes.extend((0..units).map(|u| Node {
        id: format!("u{u}"),
        kind: NodeKind::Process,
        name: String::new(),
        accumulation: BTreeMap::new(),
    }));
    let mut streams = Vec::new();
    let mut add =
        |id: String, from: String, to: String, kind: u8, uniform: &mut dyn FnMut() -> f64| {
            let flows: BTreeMap<String, Flow> = comps
                .iter()
                .map(|c| {
                    let x = 10.0 + 1_000.0 * uniform();
                    let text = match kind {
                        0 => format!("{x:.3} kg/d ± 5 %"),
                        1 => format!("{x:.3} kg/d"),
                        _ => "?".to_string(),
                    };
                    (c.clone(), Flow::parse(&text).unwrap_or(Flow::Unknown))
                })
                .collect();
            streams.push(Stream {
                id,
                from,
                to,
                flows,
                temperature: None,
            });
        };
    for u in 0..units {
        if u % 4 == 0 {
            add(
                format!("feed{u}"),
                "in".into(),
                format!("u{u}"),
                0,
                &mut uniform,
            );
        }
        if u + 1 < units {
            add(
                format!("link{u}"),
                format!("u{u}"),
                format!("u{}", u + 1),
                0,
                &mut uniform,
            );
        }
        let outlet_kind = if u % 3 == 2 || u + 1 == units { 2 } else { 0 };
        add(
            format!("out{u}"),
            format!("u{u}"),
            "out".into(),
            outlet_kind,
            &mut uniform,
        );
        if u % 10 == 9 {
            add(
                format!("recycle{u}"),
                format!("u{u}"),
                format!("u{}", u - 2),
                1,
                &mut uniform,
            );
        }
    }
    let schedule = Schedule::new(
        300,
        cleanprod::units::Measured::new(uom::si::f64::Time::new::<uom::si::time::hour>(24.0)),
    );
    (
        Flowsheet {
            components: comps,
            nodes,
            streams,
            energy: Vec::new(),
            devices: BTreeMap::new(),
            reference_temperature: None,
            accounts: Vec::new(),
        },
        schedule,
    )
}

/// An assessment document of a line of `units` rinse-like units in series (each fed with mains
/// water and a chemical, passing water on to the next and discharging the rest; a boiler and
/// pumps), with `options` options that edit it: rinses scaled down, chemicals recycled,
/// flows set, the boiler improved, a direct saving. Four streams per unit.
pub fn plant_with_options(units: usize, options: usize) -> String {
    let mut t = String::from(
        r#"format = "cleanprod/1"
currency = "USD"
[site]
name = "bench"
sector = "automotive"
[schedule]
days_per_year = 250
hours_per_day = "16 h"
[production]
product = "part"
output = "1000000 /yr"
[prices]
water = "2 USD/m3"
wastewater = "1.5 USD/m3"
chem = "3 USD/kg"
natural_gas = "9 USD/GJ"
electricity = "0.12 USD/kWh"
[ghg]
electricity = "0.45 kg/kWh"
[finance]
discount_rate = "8 %"
horizon = "10 yr"
capital_budget = "60000 USD"
[flowsheet]
components = ["water", "chem"]
nodes = [
  { id = "mains", kind = "source" },
  { id = "store", kind = "source" },
  { id = "drain", kind = "wastewater" },
  { id = "parts", kind = "product" },
"#,
    );
    for u in 0..units {
        t.push_str(&format!("  {{ id = \"u{u}\", kind = \"process\" }},\n"));
    }
    t.push_str("]\nstreams = [\n");
    for u in 0..units {
        let water = 20 + 3 * (u % 7);
        let chem = 5 + u % 4;
        t.push_str(&format!(
            "  {{ id = \"fresh{u}\", from = \"mains\", to = \"u{u}\", flows = {{ water = \"{water} m3/d\" }} }},\n"
        ));
        t.push_str(&format!(
            "  {{ id = \"chem{u}\", from = \"store\", to = \"u{u}\", flows = {{ chem = \"{chem} kg/d\" }} }},\n"
        ));
        let next = if u + 1 == units {
            "parts".to_string()
        } else {
            format!("u{}", u + 1)
        };
        t.push_str(&format!(
            "  {{ id = \"pass{u}\", from = \"u{u}\", to = \"{next}\", flows = {{ water = \"5 m3/d\", chem = \"1 kg/d\" }} }},\n"
        ));
        t.push_str(&format!(
            "  {{ id = \"waste{u}\", from = \"u{u}\", to = \"drain\", flows = {{ water = \"?\", chem = \"?\" }} }},\n"
        ));
    }
    t.push_str(
        r#"]
energy = [
  { id = "gas", to = "u0", carrier = "natural_gas", amount = "400 GJ/d" },
  { id = "pumps", to = "u1", carrier = "electricity", amount = "900 kWh/d" },
]
devices = { u0 = { efficiency = "78 %" } }
"#,
    );
    for k in 0..options {
        let u = (k * 3) % units;
        let effect = match k % 5 {
            0 => format!(r#"{{ kind = "scale", stream = "fresh{u}", factor = "70 %" }}"#),
            1 => format!(
                r#"{{ kind = "recycle", stream = "waste{u}", component = "chem", fraction = "40 %", to = "u{u}", replaces = "chem{u}" }}"#
            ),
            2 => format!(
                r#"{{ kind = "set", stream = "fresh{u}", component = "water", flow = "12 m3/d" }}"#
            ),
            3 => r#"{ kind = "efficiency", node = "u0", efficiency = "88 %" }, { kind = "scale", energy = "pumps", factor = "85 %" }"#.to_string(),
            _ => format!(
                r#"{{ kind = "scale", stream = "fresh{u}", factor = "80 %" }}, {{ kind = "saving", resource = "electricity", amount = "20 kWh/d" }}"#
            ),
        };
        t.push_str(&format!(
            "[[options]]\nid = \"o{k}\"\ntitle = \"option {k}\"\ncategory = \"good_housekeeping\"\ncapex = \"{} USD\"\neffects = [{effect}]\n",
            2_000 + 1_500 * k
        ));
    }
    t
}
