//! Criterion benchmarks of the cleanprod engine (`cargo bench -p cleanprod-benches`) and the
//! inputs they share.

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
