//! Charts: every SVG parses as XML, says what it shows (`<title>`, `<desc>`, a table of the
//! figures), matches its golden file in `tests/fixtures/expected/charts/`, and draws its
//! figures to scale (checked on the geometry read back from the SVG).
//!
//! `CLEANPROD_BLESS=1 cargo test -p cleanprod --test integration golden` rewrites the golden
//! files; a change of layout is then a diff someone reviews.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cleanprod::Assessment;
use cleanprod::report::charts::{self, Chart, ChartKind, ChartOptions};
use cleanprod::sections::Lang;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load(source: &str) -> Assessment {
    let text = std::fs::read_to_string(root().join(source)).unwrap();
    Assessment::parse(&text, cleanprod::SourceFormat::from_path(source).unwrap())
        .unwrap_or_else(|e| panic!("{source}: {e}"))
}

/// The chart's SVG parsed by an XML parser, with the checks every chart must pass: an `<svg>`
/// root in the SVG namespace with a `viewBox`, a non-empty `<title>` and `<desc>` that its
/// `aria-labelledby` names, no number that is not finite, and a table whose rows have as many
/// cells as it has columns.
pub fn parsed(chart: &Chart) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(&chart.svg)
        .unwrap_or_else(|e| panic!("{:?}: not XML: {e}\n{}", chart.kind, chart.svg));
    let svg = doc.root_element();
    assert_eq!(svg.tag_name().name(), "svg");
    assert_eq!(
        svg.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let view_box: Vec<f64> = svg
        .attribute("viewBox")
        .unwrap()
        .split(' ')
        .map(|x| x.parse().unwrap())
        .collect();
    assert!(view_box.len() == 4 && view_box[2] > 0.0 && view_box[3] > 0.0);
    let labels: Vec<&str> = svg
        .attribute("aria-labelledby")
        .unwrap()
        .split(' ')
        .collect();
    for (label, tag) in labels.iter().zip(["title", "desc"]) {
        let node = doc
            .descendants()
            .find(|n| n.attribute("id") == Some(label))
            .unwrap_or_else(|| panic!("no element {label}"));
        assert_eq!(node.tag_name().name(), tag);
        assert!(!node.text().unwrap_or_default().trim().is_empty());
    }
    assert_eq!(
        doc.descendants()
            .find(|n| n.has_tag_name("title"))
            .and_then(|n| n.text()),
        Some(chart.title.as_str())
    );
    for n in doc.descendants().filter(|n| n.is_element()) {
        for a in n.attributes() {
            // Rust reads "NaN", "inf" and "-inf" as numbers: any such value fails here.
            assert!(
                a.value().parse::<f64>().map_or(true, f64::is_finite),
                "{:?}: {}={}",
                chart.kind,
                a.name(),
                a.value()
            );
        }
    }
    assert!(!chart.table.columns.is_empty());
    for row in &chart.table.rows {
        assert_eq!(row.len(), chart.table.columns.len(), "{row:?}");
    }
    roxmltree::Document::parse(&chart.table.html()).unwrap();
    doc
}

/// A numeric attribute of an element.
pub fn num(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name)
        .unwrap_or_else(|| panic!("no {name} on {node:?}"))
        .parse()
        .unwrap()
}

/// The elements of `doc` with `data-role` `role`.
pub fn with_role<'a, 'i>(
    doc: &'a roxmltree::Document<'i>,
    role: &str,
) -> Vec<roxmltree::Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| n.attribute("data-role") == Some(role))
        .collect()
}

/// The charts with a golden file, by file name, as `tests/fixtures/expected/charts/charts.json`
/// lists them (the list the Python and JS suites read too).
fn golden_charts() -> BTreeMap<String, Chart> {
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/expected/charts/charts.json"))
            .unwrap(),
    )
    .unwrap();
    let mut out = BTreeMap::new();
    for case in manifest["charts"].as_array().unwrap() {
        let source = case["source"].as_str().unwrap();
        let kind: ChartKind = case["kind"].as_str().unwrap().parse().unwrap();
        let options = ChartOptions::from_json_value(case["options"].clone()).unwrap();
        let chart =
            charts::chart(&load(source), kind, &options).unwrap_or_else(|e| panic!("{case}: {e}"));
        let file = case["file"].as_str().unwrap().to_string();
        assert!(out.insert(file, chart).is_none(), "{case}: listed twice");
    }
    out
}

const EXAMPLES: [&str; 8] = [
    "examples/tannery.toml",
    "examples/tannery_measured.toml",
    "examples/hotel.toml",
    "examples/hospital.toml",
    "examples/chemicals.toml",
    "examples/automotive.toml",
    "tests/fixtures/documents/valid/effects.toml",
    "tests/fixtures/documents/valid/walkthrough.toml",
];

#[test]
fn cost_curve_bars_are_as_wide_as_the_savings_and_sorted() {
    let mut curves = 0;
    for source in EXAMPLES {
        let a = load(source);
        let e = a.evaluate().unwrap();
        for (resource, curve) in &e.portfolio.cost_curves {
            let chart = charts::cost_curve(curve, resource, &e.currency, Lang::En);
            let doc = parsed(&chart);
            let bars = with_role(&doc, "step");
            assert_eq!(bars.len(), curve.steps.len());
            let total: f64 = curve.steps.iter().map(|s| s.width).sum();
            let drawn: f64 = bars.iter().map(|b| num(*b, "width")).sum();
            // The bars side by side fill the axis, and each is its share of the total saving.
            let plot = num(bars[bars.len() - 1], "x") + num(bars[bars.len() - 1], "width")
                - num(bars[0], "x");
            assert!(
                (drawn - plot).abs() <= 0.1 * bars.len() as f64,
                "{source} {resource}"
            );
            for (b, s) in bars.iter().zip(&curve.steps) {
                assert_eq!(b.attribute("data-option"), Some(s.id.as_str()));
                let share = num(*b, "width") / plot;
                assert!(
                    (share - s.width / total).abs() <= 0.2 / plot,
                    "{source} {resource} {}",
                    s.id
                );
            }
            for w in bars.windows(2) {
                assert!((num(w[0], "x") + num(w[0], "width") - num(w[1], "x")).abs() <= 0.15);
            }
            // Cheapest first; a bar below the axis is an option that pays for itself.
            let heights: Vec<f64> = curve.steps.iter().map(|s| s.height).collect();
            assert!(
                heights.windows(2).all(|w| w[0] <= w[1]),
                "{source} {resource}"
            );
            let zero = bars
                .iter()
                .zip(&curve.steps)
                .find(|(_, s)| s.height > 0.0)
                .map(|(b, _)| num(*b, "y") + num(*b, "height"));
            for (b, s) in bars.iter().zip(&curve.steps) {
                if let Some(z) = zero
                    && s.height < 0.0
                {
                    assert!((num(*b, "y") - z).abs() <= 0.1);
                }
            }
            curves += 1;
        }
    }
    assert!(curves > 40, "{curves}");
}

#[test]
fn histogram_bins_hold_every_appraised_draw() {
    use cleanprod::uncertainty::{Settings, Simulator};
    let mut checked = 0;
    let source = "tests/fixtures/documents/valid/risk.toml";
    let a = load(source);
    for (draws, seed) in [(300, 0), (57, 9)] {
        let s = Simulator::new(&a)
            .unwrap()
            .run(&Settings {
                draws: Some(draws),
                seed: Some(seed),
                ..Settings::default()
            })
            .unwrap();
        for o in s.outputs.iter().filter(|o| o.metric == "npv") {
            let chart = charts::histogram(o, "NPV", Lang::En).unwrap();
            let doc = parsed(&chart);
            let bins = with_role(&doc, "bin");
            let counts = &o.spread.as_ref().unwrap().histogram.counts;
            assert_eq!(bins.len(), counts.len());
            let defined = o.values.iter().flatten().count();
            let most = *counts.iter().max().unwrap();
            let tallest = bins.iter().map(|b| num(*b, "height")).fold(0.0, f64::max);
            let per_draw = tallest / f64::from(most);
            let drawn: f64 = bins.iter().map(|b| num(*b, "height")).sum::<f64>() / per_draw;
            assert!(
                (drawn - defined as f64).abs() <= 0.1 * bins.len() as f64 / per_draw + 1e-9,
                "{source} {}: {drawn} drawn, {defined} draws",
                o.option
            );
            // The losses are shaded up to zero when any draw loses money.
            let loss = with_role(&doc, "loss");
            let min = o.spread.as_ref().unwrap().min;
            assert_eq!(loss.len(), usize::from(min < 0.0), "{source} {}", o.option);
            if o.probability_negative.unwrap_or(0.0) > 0.0 {
                assert!(min < 0.0);
            }
            checked += 1;
        }
    }
    assert!(checked >= 4);
}

#[test]
fn benchmark_bars_are_to_scale_with_their_ranges() {
    let mut rows = 0;
    for source in EXAMPLES {
        let a = load(source);
        let Some(b) = a.benchmarks().unwrap() else {
            continue;
        };
        let chart = charts::benchmark_bars(&b, Lang::En);
        let doc = parsed(&chart);
        for i in b.indicators() {
            let of = |role: &str| {
                with_role(&doc, role)
                    .into_iter()
                    .find(|n| n.attribute("data-key") == Some(i.key.as_str()))
            };
            let before = of("before").unwrap();
            // Bars start at zero: the before bar gives the row's scale.
            if i.before <= 0.0 {
                continue;
            }
            let per_unit = num(before, "width") / i.before;
            let zero = num(before, "x");
            if let (Some(after), Some(v)) = (of("after"), i.after) {
                assert_eq!(num(after, "x"), zero);
                assert!(
                    (num(after, "width") - v * per_unit).abs() <= 0.1 + 0.1 * v / i.before,
                    "{source} {}: after {v}, before {}",
                    i.key,
                    i.before
                );
            } else {
                assert!(i.after.is_none());
            }
            match (&i.reference, of("range")) {
                (Some(r), Some(band)) => {
                    let low = (num(band, "x") - zero) / per_unit;
                    let tol = 0.1 / per_unit + 0.1 * r.low.abs().max(i.before) / i.before;
                    assert!(
                        (low - r.low).abs() <= tol,
                        "{source} {}: {low} vs {}",
                        i.key,
                        r.low
                    );
                    if r.high > r.low {
                        let high = low + num(band, "width") / per_unit;
                        assert!(
                            (high - r.high).abs() <= 2.0 * tol.max(1.0 / per_unit),
                            "{source} {}: {high} vs {}",
                            i.key,
                            r.high
                        );
                    }
                }
                (None, None) => {}
                _ => panic!("{source} {}: range drawn and reported differ", i.key),
            }
            rows += 1;
        }
    }
    assert!(rows >= 10, "{rows}");
    // Without a sector template there are no benchmarks: an error naming the template.
    let e = charts::chart(
        &load("tests/fixtures/documents/valid/options.toml"),
        ChartKind::Benchmarks,
        &ChartOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.path(), "template");
}

#[test]
fn sankey_bands_are_as_wide_as_the_flows_and_conserved_at_every_unit() {
    use cleanprod::report::charts::LinkKind;
    let (mut components, mut returns, mut recycles, mut closures) = (0, 0, 0, 0);
    for source in EXAMPLES
        .iter()
        .chain(&["tests/fixtures/documents/valid/flowsheet.toml"])
    {
        let a = load(source);
        let Some(flows) = a.flows().unwrap() else {
            continue;
        };
        let balance = a.balance().unwrap().unwrap();
        for component in &flows.flowsheet.components {
            let data = charts::sankey_data(&flows, component).unwrap();
            let chart = charts::sankey_chart(&data, Lang::En);
            let doc = parsed(&chart);
            // The edge list is plain data for Sankey tools.
            let json = serde_json::to_value(&data).unwrap();
            assert_eq!(json["stages"][0]["stage"], "before");
            let mut ky = None;
            for stage in &data.stages {
                let paths: Vec<_> = doc
                    .descendants()
                    .filter(|n| {
                        n.has_tag_name("path")
                            && n.attribute("data-stage") == Some(stage.stage.as_str())
                    })
                    .collect();
                assert_eq!(paths.len(), stage.links.len(), "{source} {component}");
                // One scale for every band of every stage (widths written to 0.1).
                let widest = stage.links.iter().map(|l| l.value).fold(0.0, f64::max);
                for (p, l) in paths.iter().zip(&stage.links) {
                    assert_eq!(p.attribute("data-from"), Some(l.source.as_str()));
                    assert_eq!(p.attribute("data-to"), Some(l.target.as_str()));
                    let w = num(*p, "stroke-width");
                    if l.value == widest && ky.is_none() {
                        ky = Some(w / l.value);
                    }
                }
                let ky = ky.unwrap();
                for (p, l) in paths.iter().zip(&stage.links) {
                    let w = num(*p, "stroke-width");
                    assert!(
                        (w - l.value * ky).abs() <= 0.06 + 1e-3 * w,
                        "{source} {component} {}: {w} vs {}",
                        l.stream,
                        l.value * ky
                    );
                    match (p.attribute("data-role").unwrap(), l.kind) {
                        ("return", _) => returns += 1,
                        ("closure", LinkKind::Closure) => closures += 1,
                        ("link", LinkKind::Recycle) => recycles += 1,
                        ("link", LinkKind::Stream) => {}
                        (role, kind) => panic!("{role} drawn for {kind:?}"),
                    }
                    if l.kind == LinkKind::Recycle {
                        recycles += 1;
                    }
                }
                // In = out (closure included) at every unit, in the data and in the drawing.
                for node in stage.nodes.iter().filter(|n| n.kind == "process") {
                    let sum = |f: &dyn Fn(&cleanprod::report::charts::SankeyLink) -> bool| -> (f64, f64, usize) {
                        let links: Vec<usize> = (0..stage.links.len()).filter(|&k| f(&stage.links[k])).collect();
                        (
                            links.iter().map(|&k| stage.links[k].value).sum(),
                            links.iter().map(|&k| num(paths[k], "stroke-width")).sum(),
                            links.len(),
                        )
                    };
                    let (vin, win, nin) = sum(&|l| l.target == node.id);
                    let (vout, wout, nout) = sum(&|l| l.source == node.id);
                    assert!(
                        (vin - vout).abs() <= 1e-9 * vin.max(vout) + 1e-12,
                        "{source} {component} {}: {vin} in, {vout} out",
                        node.id
                    );
                    assert!(
                        (win - wout).abs() <= 0.05 * (nin + nout) as f64 + 1e-9,
                        "{source} {component} {}: {win} drawn in, {wout} out",
                        node.id
                    );
                }
                // Before the options, what a unit's balance leaves open is the balance's own
                // in − out.
                if stage.stage == "before" {
                    let cb = balance
                        .components
                        .iter()
                        .find(|c| &c.component == component)
                        .unwrap();
                    for nb in &cb.nodes {
                        let open: f64 = stage
                            .links
                            .iter()
                            .filter(|l| l.kind == LinkKind::Closure)
                            .map(|l| {
                                if l.source == nb.node {
                                    l.value
                                } else if l.target == nb.node {
                                    -l.value
                                } else {
                                    0.0
                                }
                            })
                            .sum();
                        if let (Some(i), Some(o)) = (nb.inputs, nb.outputs) {
                            let want = (i - o) / 1_000.0;
                            assert!(
                                (open - want).abs() <= 1e-9 * i.max(o) / 1_000.0 + 1e-9,
                                "{source} {component} {}: closure {open}, balance {want}",
                                nb.node
                            );
                        }
                    }
                }
            }
            components += 1;
        }
    }
    assert!(components >= 15, "{components}");
    assert!(
        returns > 0 && recycles > 0,
        "returns {returns}, recycles {recycles}"
    );
    assert_eq!(closures, 0, "the examples' balances close");
    // A tank filling by 2 m3/d: 600 t/yr in and not out, drawn to the closure node.
    let tank = Assessment::from_toml_str(TANK).unwrap();
    let data = charts::sankey_data(&tank.flows().unwrap().unwrap(), "water").unwrap();
    let closure: Vec<_> = data.stages[0]
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Closure)
        .collect();
    assert_eq!(closure.len(), 1);
    assert_eq!(
        (closure[0].source.as_str(), closure[0].target.as_str()),
        ("tank", "closure")
    );
    assert!(
        (closure[0].value - 600.0).abs() < 1e-9,
        "{}",
        closure[0].value
    );
    let chart = charts::sankey_chart(&data, Lang::En);
    let doc = parsed(&chart);
    assert_eq!(with_role(&doc, "closure").len(), 1);
    assert_eq!(data.stages.len(), 1, "no options: one stage");
    let tannery = load("examples/tannery.toml");
    let e = charts::chart(
        &tannery,
        ChartKind::Sankey,
        &ChartOptions {
            component: Some("gold".to_string()),
            ..ChartOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!((e.path(), e.code()), ("component", "unknown_reference"));
}

#[test]
fn energy_sankey_conserves_each_unit_and_the_site_total() {
    let a = load("examples/tannery_measured.toml");
    let energy = a.balance().unwrap().unwrap().energy.unwrap();
    let data = charts::energy_sankey_data(&energy);
    let stage = &data.stages[0];
    // What leaves the carriers is the site's total.
    let supplied: f64 = stage
        .links
        .iter()
        .filter(|l| energy.carriers.contains_key(&l.source))
        .map(|l| l.value)
        .sum();
    assert!((supplied - energy.total).abs() <= 1e-9 * energy.total);
    for n in &energy.nodes {
        let into: f64 = stage
            .links
            .iter()
            .filter(|l| l.target == n.node)
            .map(|l| l.value)
            .sum();
        let out: f64 = stage
            .links
            .iter()
            .filter(|l| l.source == n.node)
            .map(|l| l.value)
            .sum();
        assert!(
            (into - out).abs() <= 1e-9 * into,
            "{}: {into} in, {out} out",
            n.node
        );
        if let Some(u) = n.useful {
            let drawn: f64 = stage
                .links
                .iter()
                .filter(|l| l.source == n.node && l.target == "useful heat")
                .map(|l| l.value)
                .sum();
            assert!((drawn - u).abs() <= 1e-9 * u);
        }
    }
    let chart = charts::sankey_chart(&data, Lang::En);
    let doc = parsed(&chart);
    let paths: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path"))
        .collect();
    assert_eq!(paths.len(), stage.links.len());
    let ky = num(paths[0], "stroke-width") / stage.links[0].value;
    for (p, l) in paths.iter().zip(&stage.links) {
        assert!((num(*p, "stroke-width") - l.value * ky).abs() <= 0.06 + 1e-3 * l.value * ky);
    }
    // A document without energy inputs has no energy Sankey.
    let e = charts::chart(
        &Assessment::from_toml_str(TANK).unwrap(),
        ChartKind::Sankey,
        &ChartOptions {
            component: Some("energy".to_string()),
            ..ChartOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.path(), "flowsheet.energy");
}

/// A tank filling by 2 m3/d, without energy inputs.
const TANK: &str = r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "Tank"
sector = "hotel"
[schedule]
days_per_year = 300
hours_per_day = "8 h"
[production]
product = "linen washed"
output = "2 t/d"
[finance]
discount_rate = "10 %"
horizon = "5 yr"
[flowsheet]
components = ["water"]
nodes = [{ id = "mains", kind = "source" },
         { id = "tank", kind = "process", accumulation = { water = "2 m3/d" } },
         { id = "sewer", kind = "wastewater" }]
streams = [
  { id = "supply", from = "mains", to = "tank", flows = { water = "30 m3/d" } },
  { id = "drain", from = "tank", to = "sewer", flows = { water = "?" } },
]
"#;

/// The points of a path written as `M x y L x y ...`.
fn points(d: &str) -> Vec<(f64, f64)> {
    let numbers: Vec<f64> = d
        .split(' ')
        .map(|p| p.trim_start_matches(['M', 'L']).parse().unwrap())
        .collect();
    numbers.chunks(2).map(|c| (c[0], c[1])).collect()
}

/// Where a curve drawn through `values` (one point a year) first comes up to zero from below,
/// in years, read from the drawing: the value scale is fitted on the points themselves.
fn zero_crossing(pts: &[(f64, f64)], values: &[f64]) -> Option<f64> {
    // y = a + b·value, from the two points furthest apart in value.
    let (i, j) = (0..values.len())
        .flat_map(|i| (0..values.len()).map(move |j| (i, j)))
        .max_by(|p, q| {
            (values[p.0] - values[p.1])
                .abs()
                .total_cmp(&(values[q.0] - values[q.1]).abs())
        })
        .unwrap();
    let b = (pts[i].1 - pts[j].1) / (values[i] - values[j]);
    let a = pts[i].1 - b * values[i];
    let value = |y: f64| (y - a) / b;
    let last = pts.len() - 1;
    let year = |x: f64| (x - pts[0].0) / (pts[last].0 - pts[0].0) * last as f64;
    if value(pts[0].1) >= 0.0 && values[0] >= 0.0 {
        return Some(0.0);
    }
    pts.windows(2).find_map(|w| {
        let (v0, v1) = (value(w[0].1), value(w[1].1));
        (v0 < 0.0 && v1 >= 0.0).then(|| {
            let x = w[0].0 + (w[1].0 - w[0].0) * (0.0 - v0) / (v1 - v0);
            year(x)
        })
    })
}

#[test]
fn cash_flow_curves_cross_zero_at_the_reported_paybacks() {
    let mut checked = 0;
    for source in [
        "examples/tannery.toml",
        "examples/hotel.toml",
        "examples/hospital.toml",
        "examples/chemicals.toml",
        "examples/automotive.toml",
        "tests/fixtures/documents/valid/effects.toml",
        "tests/fixtures/documents/valid/options.toml",
    ] {
        let a = load(source);
        let rate = a.document().finance.discount_rate.si();
        let e = a.evaluate().unwrap();
        for o in &e.options {
            let chart = charts::cash_flow(o, rate, &e.currency, Lang::En).unwrap();
            let doc = parsed(&chart);
            let n = o.cash_flows.len();
            assert_eq!(chart.table.rows.len(), n);
            let mut cumulative = Vec::new();
            let mut sum = 0.0;
            for v in &o.cash_flows {
                sum += v;
                cumulative.push(sum);
            }
            let mut discounted = Vec::new();
            let mut sum = 0.0;
            for (t, v) in o.cash_flows.iter().enumerate() {
                sum += v / (1.0 + rate).powi(t as i32);
                discounted.push(sum);
            }
            let years = (n - 1) as f64;
            for (role, values, payback) in [
                ("cumulative", &cumulative, o.simple_payback_years),
                ("discounted", &discounted, o.discounted_payback_years),
            ] {
                let path = with_role(&doc, role);
                assert_eq!(path.len(), 1);
                let pts = points(path[0].attribute("d").unwrap());
                assert_eq!(pts.len(), n);
                let spread = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
                if spread == 0.0 {
                    continue;
                }
                let crossing = zero_crossing(&pts, values);
                match (crossing, payback) {
                    (Some(c), Some(p)) => {
                        // A tenth of a unit of the drawing is 1/6000 of the width.
                        assert!(
                            (c - p).abs() <= 2e-3 * years.max(1.0) + 1e-3,
                            "{source} {} {role}: drawn {c}, reported {p}",
                            o.id
                        );
                        checked += 1;
                        let marker = &with_role(
                            &doc,
                            &role
                                .replace("cumulative", "payback")
                                .replace("discounted", "discounted-payback"),
                        )[0];
                        let x0 = pts[0].0;
                        let per_year = (pts[n - 1].0 - x0) / years;
                        assert!((num(*marker, "cx") - (x0 + p * per_year)).abs() <= 0.15);
                    }
                    (None, None) => {}
                    (c, p) => panic!("{source} {} {role}: drawn {c:?}, reported {p:?}", o.id),
                }
            }
            if let Some(f) = &o.financing {
                // The bars: the loan and grant drawn, then each year's debt service.
                let drawn = with_role(&doc, "drawn");
                let service = with_role(&doc, "debt-service");
                assert_eq!(drawn.len(), 1);
                assert!(!service.is_empty());
                let per_unit = num(drawn[0], "height") / (f.loan + f.grant);
                let total: f64 = service.iter().map(|r| num(*r, "height")).sum::<f64>() / per_unit;
                let want: f64 = o
                    .cash_flows
                    .iter()
                    .zip(&f.equity_flows)
                    .skip(1)
                    .map(|(p, e)| p - e)
                    .sum();
                assert!(
                    (total - want).abs()
                        <= 1e-3 * want.abs() + 0.1 * service.len() as f64 / per_unit,
                    "{total} vs {want}"
                );
                assert_eq!(with_role(&doc, "owner").len(), 1);
            }
        }
    }
    assert!(checked >= 10, "only {checked} paybacks checked");
}

#[test]
fn golden_charts_match_the_core() {
    let dir = root().join("tests/fixtures/expected/charts");
    let files = golden_charts();
    for chart in files.values() {
        parsed(chart);
    }
    if super::golden::blessing() {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".svg") && !files.contains_key(&name) {
                std::fs::remove_file(dir.join(&name)).unwrap();
            }
        }
        for (name, chart) in &files {
            std::fs::write(dir.join(name), &chart.svg).unwrap();
        }
        return;
    }
    let bless = "CLEANPROD_BLESS=1 cargo test -p cleanprod --test integration golden";
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".svg"))
        .collect();
    on_disk.sort();
    let names: Vec<String> = files.keys().cloned().collect();
    assert_eq!(
        on_disk, names,
        "chart golden files missing or stale: run `{bless}`"
    );
    for (name, chart) in &files {
        let want = std::fs::read_to_string(dir.join(name)).unwrap();
        if chart.svg != want {
            let line = chart
                .svg
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .map_or(chart.svg.lines().count().min(want.lines().count()), |l| l);
            panic!(
                "expected/charts/{name} differs from line {}: got\n{}\nwant\n{}\n(if the change is intended, run `{bless}` and review the diff)",
                line + 1,
                chart.svg.lines().nth(line).unwrap_or_default(),
                want.lines().nth(line).unwrap_or_default()
            );
        }
    }
}

#[test]
fn tornado_bars_are_drawn_to_scale() {
    let risk = load("tests/fixtures/documents/valid/risk.toml");
    let opts = ChartOptions {
        draws: Some(200),
        option: Some("rinse".to_string()),
        ..ChartOptions::default()
    };
    let chart = charts::chart(&risk, ChartKind::Tornado, &opts).unwrap();
    let doc = parsed(&chart);
    // Each row's bar (one or two rects) spans its swing; widths over swings are one scale.
    let rects: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .collect();
    assert!(!rects.is_empty());
    let mut per_row: BTreeMap<String, f64> = BTreeMap::new();
    for r in &rects {
        *per_row
            .entry(r.attribute("y").unwrap().to_string())
            .or_default() += num(*r, "width");
    }
    assert_eq!(per_row.len(), chart.table.rows.len());
    let swings: Vec<f64> = chart
        .table
        .rows
        .iter()
        .map(|r| r[3].parse::<f64>().unwrap().abs())
        .collect();
    let mut widths: Vec<(f64, f64)> = per_row
        .into_iter()
        .map(|(y, w)| (y.parse().unwrap(), w))
        .collect();
    widths.sort_by(|a, b| a.0.total_cmp(&b.0));
    let scale = widths[0].1 / swings[0];
    for ((_, w), s) in widths.iter().zip(&swings) {
        // Rounded to 0.1 unit of the drawing, and the swings to whole money.
        assert!((w - s * scale).abs() <= 0.2 + scale, "{w} vs {s}");
    }
}

#[test]
fn unknown_kinds_and_options_are_errors_with_their_path() {
    assert_eq!("pie".parse::<ChartKind>().unwrap_err().path(), "kind");
    let risk = load("tests/fixtures/documents/valid/risk.toml");
    let opts = ChartOptions {
        draws: Some(50),
        option: Some("nope".to_string()),
        ..ChartOptions::default()
    };
    let e = charts::chart(&risk, ChartKind::Tornado, &opts).unwrap_err();
    assert_eq!((e.path(), e.code()), ("option", "unknown_reference"));
    let bare = load("tests/fixtures/documents/valid/minimal.toml");
    for kind in [ChartKind::CashFlow, ChartKind::CostCurve] {
        let e = charts::chart(&bare, kind, &ChartOptions::default()).unwrap_err();
        assert_eq!(
            (e.path(), e.code()),
            ("options", "missing_field"),
            "{kind:?}"
        );
    }
    let e = ChartOptions::from_json_value(serde_json::json!({"componnent": "water"})).unwrap_err();
    assert_eq!(e.path(), "componnent");
}

#[test]
fn sankey_shows_water_when_no_component_is_named() {
    // The measured tannery lists water first; with the list reordered water is still the
    // default (it used to be the first component).
    let text = std::fs::read_to_string(root().join("examples/tannery_measured.toml")).unwrap();
    let order = r#"components = ["water", "Cr2O3", "COD"]"#;
    assert!(text.contains(order));
    let title = |text: &str| {
        let a = Assessment::from_toml_str(text).unwrap();
        charts::chart(&a, ChartKind::Sankey, &ChartOptions::default())
            .unwrap()
            .title
    };
    let reordered = text.replace(order, r#"components = ["Cr2O3", "COD", "water"]"#);
    assert_eq!(title(&text), "Balance of water");
    assert_eq!(title(&reordered), "Balance of water");
}
