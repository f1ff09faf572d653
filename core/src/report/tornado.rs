//! A tornado chart of a risk simulation as SVG text: hand-written, so that every target writes
//! the same bytes (numbers with fixed decimals, no font measurement), scaled by its `viewBox`,
//! with a `<title>` and a `<desc>` that says in words what the bars show.

use super::{html, whole};
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
/// document's own figures. `what` names the result (`"NPV of rinse, USD"`).
///
/// ```
/// use cleanprod::{Assessment, report, uncertainty::{Settings, Simulator}};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/documents/valid/risk.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let s = Simulator::new(&a).unwrap().run(&Settings { draws: Some(100), ..Settings::default() }).unwrap();
/// let svg = report::tornado_svg(s.output("portfolio", "npv").unwrap(), "NPV of all options, USD");
/// assert!(svg.starts_with("<svg"));
/// assert!(svg.contains("<title"));
/// ```
pub fn tornado_svg(output: &RiskOutput, what: &str) -> String {
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
    let title = html(&format!("What drives the {what}"));
    let mut desc = format!(
        "At the document's figures the result is {}. Each bar moves one input from its 10th to its 90th percentile, the others as written, widest first.",
        whole(base)
    );
    for (b, p10, p90) in &bars {
        desc.push_str(&format!(
            " {}: {} at P10, {} at P90.",
            b.input,
            whole(*p10),
            whole(*p90)
        ));
    }
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\" role=\"img\" aria-labelledby=\"tornado-title tornado-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"12\">\n<title id=\"tornado-title\">{title}</title>\n<desc id=\"tornado-desc\">{}</desc>\n<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"600\">{title}</text>\n",
        html(&desc)
    );
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
                svg.push_str(&format!(
                    "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{BAR:.1}\" fill=\"{colour}\"/>\n",
                    x(from),
                    x(to) - x(from)
                ));
            }
        }
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{mid:.1}\" text-anchor=\"end\">{}</text>\n",
            LABELS_RIGHT,
            html(&b.input)
        ));
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{mid:.1}\" text-anchor=\"end\" fill=\"#555\">{}</text>\n<text x=\"{:.1}\" y=\"{mid:.1}\" fill=\"#555\">{}</text>\n",
            x(left) - 4.0,
            whole(left),
            x(right) + 4.0,
            whole(right)
        ));
    }
    let bottom = TOP + bars.len().max(1) as f64 * (BAR + GAP);
    svg.push_str(&format!(
        "<line x1=\"{0:.1}\" y1=\"{1:.1}\" x2=\"{0:.1}\" y2=\"{2:.1}\" stroke=\"#222\"/>\n<text x=\"{0:.1}\" y=\"{3:.1}\" text-anchor=\"middle\">{4} at the document's figures</text>\n</svg>\n",
        x(base),
        TOP - 6.0,
        bottom,
        bottom + 18.0,
        whole(base)
    ));
    svg
}
