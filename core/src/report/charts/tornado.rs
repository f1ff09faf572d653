//! A tornado chart of a risk simulation as SVG text: hand-written, so that every target writes
//! the same bytes (numbers with fixed decimals, no font measurement), scaled by its `viewBox`,
//! with a `<title>` and a `<desc>` that says in words what the bars show.

use super::svg::{Svg, Tag};
use super::words::{W, Words};
use super::{Chart, ChartKind, DataTable};
use crate::report::whole;
use crate::sections::Lang;
use crate::uncertainty::{RiskOutput, TornadoBar};

/// Width of the drawing, in its own units.
const WIDTH: f64 = 720.0;
/// Where the input names end (right-aligned).
const LABELS_RIGHT: f64 = 280.0;
/// Left and right of the bars' scale (room either side for the value at a bar's end).
const BARS_LEFT: f64 = 360.0;
const BARS_RIGHT: f64 = 636.0;
/// Height of a bar and the space between bars.
const BAR: f64 = 22.0;
const GAP: f64 = 10.0;
/// Space above the first bar (title) and below the last (axis note).
const TOP: f64 = 48.0;
const BOTTOM: f64 = 40.0;
/// At most this many bars, widest first.
pub const TORNADO_BARS: usize = 12;

/// One result's tornado as an SVG document: each input moved from its P10 to its P90 (the
/// others as the document writes them), widest swing on top, about the result at the
/// document's own figures. `what` names the result (`"NPV of rinse, USD"`); the chart's own
/// words are in `lang`.
///
/// ```
/// use cleanprod::{Assessment, report, uncertainty::{Settings, Simulator}};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/documents/valid/risk.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let s = Simulator::new(&a).unwrap().run(&Settings { draws: Some(100), ..Settings::default() }).unwrap();
/// let chart = report::charts::tornado(s.output("portfolio", "npv").unwrap(), "NPV of all options, USD", Default::default());
/// assert!(chart.svg.starts_with("<svg"));
/// assert!(chart.svg.contains("<title"));
/// assert_eq!(chart.table.columns[0], "input");
/// ```
pub fn tornado(output: &RiskOutput, what: &str, lang: Lang) -> Chart {
    let w = Words::new(lang);
    let bars: Vec<(&TornadoBar, f64, f64)> = output
        .tornado
        .iter()
        .filter_map(|b| Some((b, b.at_p10?, b.at_p90?)))
        .filter(|(_, a, b)| a != b)
        .take(TORNADO_BARS)
        .collect();
    let base = output.base.unwrap_or(0.0);
    // The scale spans every bar's ends and the base.
    let (lo, hi) = bars.iter().fold((base, base), |(lo, hi), (_, a, b)| {
        (lo.min(*a).min(*b), hi.max(*a).max(*b))
    });
    let span = if hi > lo { hi - lo } else { 1.0 };
    let x = |v: f64| BARS_LEFT + (v - lo) / span * (BARS_RIGHT - BARS_LEFT);
    let height = TOP + bars.len().max(1) as f64 * (BAR + GAP) + BOTTOM;
    let title = w.fill(W::TornadoTitle, &[("what", what)]);
    let mut desc = w.fill(W::TornadoDesc, &[("base", &whole(base))]);
    for (b, p10, p90) in &bars {
        desc.push_str(&w.fill(
            W::TornadoBarDesc,
            &[
                ("input", &b.input),
                ("p10", &whole(*p10)),
                ("p90", &whole(*p90)),
            ],
        ));
    }
    let mut svg = Svg::new("tornado", WIDTH, height, &title, &desc);
    for (k, (b, p10, p90)) in bars.iter().enumerate() {
        let y = TOP + k as f64 * (BAR + GAP);
        let mid = y + BAR / 2.0 + 4.0;
        // Below the base in one colour, above it in another; the P10 end is marked.
        let (left, right) = (p10.min(*p90), p10.max(*p90));
        for (from, to, colour) in [
            (left, right.min(base), "#c0504d"),
            (left.max(base), right, "#4f81bd"),
        ] {
            if to > from {
                svg.add(
                    Tag::new("rect")
                        .num("x", x(from))
                        .num("y", y)
                        .num("width", x(to) - x(from))
                        .num("height", BAR)
                        .attr("fill", colour),
                );
            }
        }
        let label = |at: f64| Tag::new("text").num("x", at).num("y", mid);
        svg.text(label(LABELS_RIGHT).attr("text-anchor", "end"), &b.input);
        svg.text(
            label(x(left) - 4.0)
                .attr("text-anchor", "end")
                .attr("fill", "#555"),
            &whole(left),
        );
        svg.text(label(x(right) + 4.0).attr("fill", "#555"), &whole(right));
    }
    let bottom = TOP + bars.len().max(1) as f64 * (BAR + GAP);
    svg.add(
        Tag::new("line")
            .num("x1", x(base))
            .num("y1", TOP - 6.0)
            .num("x2", x(base))
            .num("y2", bottom)
            .attr("stroke", "#222"),
    );
    svg.text(
        Tag::new("text")
            .num("x", x(base))
            .num("y", bottom + 18.0)
            .attr("text-anchor", "middle"),
        &w.fill(W::TornadoBase, &[("base", &whole(base))]),
    );
    let rows = bars
        .iter()
        .map(|(b, p10, p90)| vec![b.input.clone(), whole(*p10), whole(*p90), whole(p90 - p10)])
        .collect();
    Chart {
        kind: ChartKind::Tornado,
        table: DataTable {
            caption: w.fill(W::TornadoCaption, &[("title", &title)]),
            columns: vec![
                w.t(W::Input).to_string(),
                w.fill(W::AtP10, &[("what", what)]),
                w.fill(W::AtP90, &[("what", what)]),
                w.t(W::Swing).to_string(),
            ],
            rows,
        },
        title,
        svg: svg.finish(),
    }
}

/// The SVG of [`tornado`] alone.
///
/// ```
/// use cleanprod::{Assessment, report, uncertainty::{Settings, Simulator}};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/documents/valid/risk.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let s = Simulator::new(&a).unwrap().run(&Settings { draws: Some(100), ..Settings::default() }).unwrap();
/// let svg = report::tornado_svg(s.output("portfolio", "npv").unwrap(), "NPV of all options, USD", Default::default());
/// assert!(svg.starts_with("<svg") && svg.contains("<title"));
/// ```
pub fn tornado_svg(output: &RiskOutput, what: &str, lang: Lang) -> String {
    tornado(output, what, lang).svg
}
