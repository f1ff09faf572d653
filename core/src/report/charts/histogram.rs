//! The distribution of an NPV over a risk simulation's draws: the spread's histogram, the
//! region of losses (NPV < 0) shaded with its probability, and the NPV at the document's own
//! figures marked.

use super::axis::Scale;
use super::svg::{Svg, Tag, fixed};
use super::words::{W, Words};
use super::{Chart, ChartKind, DataTable, element_id};
use crate::error::{Error, Result};
use crate::report::whole;
use crate::sections::Lang;
use crate::uncertainty::RiskOutput;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 380.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 690.0;
const TOP: f64 = 64.0;
const BOTTOM: f64 = 320.0;
const BARS: &str = "#4f81bd";
const LOSS: &str = "#c0504d";

/// The histogram of `output`'s draws (an NPV: `what` names it, `"NPV of rinse, USD"`), the
/// values below zero shaded with P(NPV < 0), the value at the document's figures marked.
/// An output with no appraised draw has no histogram: an error naming the option. The chart's
/// own words are in `lang`.
///
/// ```
/// use cleanprod::{Assessment, report::charts, uncertainty::{Settings, Simulator}};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/documents/valid/risk.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let s = Simulator::new(&a).unwrap().run(&Settings { draws: Some(200), ..Settings::default() }).unwrap();
/// let chart = charts::histogram(s.output("portfolio", "npv").unwrap(), "NPV of all options, USD", Default::default()).unwrap();
/// assert!(chart.svg.contains("P(NPV&lt;0)"));
/// assert_eq!(chart.table.rows.len(), 20);
/// ```
pub fn histogram(output: &RiskOutput, what: &str, lang: Lang) -> Result<Chart> {
    let w = Words::new(lang);
    let spread = output
        .spread
        .as_ref()
        .ok_or_else(|| Error::out_of_range("option", &output.option, w.t(W::NoDraw)))?;
    let h = &spread.histogram;
    let draws: u32 = h.counts.iter().sum();
    let (lo, hi) = (spread.min, spread.max);
    let x = Scale::nice(lo, hi, LEFT, RIGHT);
    let most = h.counts.iter().copied().max().unwrap_or(0);
    let y = Scale::nice(0.0, f64::from(most.max(1)), BOTTOM, TOP);
    let p = output.probability_negative.unwrap_or(0.0);
    let p_text = format!("{} %", w.num(fixed(p * 100.0, 1)));
    let title = w.fill(W::HistogramTitle, &[("what", what)]);
    let mut desc = w.fill(
        W::HistogramDesc,
        &[
            ("draws", &draws.to_string()),
            ("bins", &h.counts.len().to_string()),
            ("from", &whole(lo)),
            ("to", &whole(hi)),
            ("p50", &whole(spread.p50)),
            ("p5", &whole(spread.p5)),
            ("p95", &whole(spread.p95)),
            ("p", &p_text),
        ],
    );
    if let Some(b) = output.base {
        desc.push_str(&w.fill(W::HistogramBase, &[("base", &whole(b))]));
    }
    let mut svg = Svg::new(
        &element_id("histogram", &output.option),
        WIDTH,
        HEIGHT,
        &title,
        &desc,
    );
    y.draw_vertical(&mut svg, LEFT, RIGHT, w.t(W::Draws), w);
    if x.lo < 0.0 {
        let right = x.at(0.0_f64.min(x.hi));
        svg.add(
            Tag::new("rect")
                .num("x", LEFT)
                .num("y", TOP)
                .num("width", right - LEFT)
                .num("height", BOTTOM - TOP)
                .attr("fill", LOSS)
                .attr("fill-opacity", "0.12")
                .attr("data-role", "loss"),
        );
    }
    for (k, count) in h.counts.iter().enumerate() {
        let (Some(a), Some(b)) = (h.edges.get(k), h.edges.get(k + 1)) else {
            continue;
        };
        let top = y.at(f64::from(*count));
        svg.add(
            Tag::new("rect")
                .num("x", x.at(*a))
                .num("y", top)
                .num("width", x.at(*b) - x.at(*a))
                .num("height", BOTTOM - top)
                .attr("fill", if *b <= 0.0 { LOSS } else { BARS })
                .attr("stroke", "#fff")
                .attr("stroke-width", "0.5")
                .attr("data-role", "bin"),
        );
    }
    let mut mark = |v: f64, colour: &str, dash: Option<&str>, label: &str, line: f64| {
        if !(x.lo..=x.hi).contains(&v) {
            return;
        }
        let mut tag = Tag::new("line")
            .num("x1", x.at(v))
            .num("y1", TOP)
            .num("x2", x.at(v))
            .num("y2", BOTTOM)
            .attr("stroke", colour)
            .attr("stroke-width", "1.5");
        if let Some(d) = dash {
            tag = tag.attr("stroke-dasharray", d);
        }
        svg.add(tag);
        svg.text(
            Tag::new("text")
                .num("x", x.at(v) + 4.0)
                .num("y", TOP + 12.0 + line * 14.0)
                .attr("fill", colour),
            label,
        );
    };
    mark(
        0.0,
        LOSS,
        None,
        &w.fill(W::ProbabilityLoss, &[("p", &p_text)]),
        0.0,
    );
    if let Some(b) = output.base {
        mark(b, "#222", Some("4 3"), w.t(W::AtDocumentFigures), 1.0);
    }
    x.draw_horizontal(&mut svg, BOTTOM, what, w);
    let rows = h
        .counts
        .iter()
        .enumerate()
        .filter_map(|(k, c)| {
            Some(vec![
                whole(*h.edges.get(k)?),
                whole(*h.edges.get(k + 1)?),
                c.to_string(),
            ])
        })
        .collect();
    Ok(Chart {
        kind: ChartKind::Histogram,
        table: DataTable {
            caption: w.fill(W::HistogramCaption, &[("title", &title), ("p", &p_text)]),
            columns: vec![
                w.fill(W::BinFrom, &[("unit", &output.unit)]),
                w.fill(W::BinTo, &[("unit", &output.unit)]),
                w.t(W::Draws).to_string(),
            ],
            rows,
        },
        title,
        svg: svg.finish(),
    })
}
