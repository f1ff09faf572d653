//! The frame the charts of amounts year by year share (an option's cash flow, a loan fund's
//! balance): the page and its plot area, a year axis under an amount axis from zero, the
//! series drawn as lines, and their legend of line samples above the plot.

use super::axis::Scale;
use super::svg::{PathData, Svg, Tag};
use super::words::{W, Words};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 400.0;
/// The plot area.
pub(crate) const LEFT: f64 = 96.0;
const RIGHT: f64 = 690.0;
const TOP: f64 = 64.0;
const BOTTOM: f64 = 330.0;
/// The dashes of a dashed line.
const DASHES: &str = "6 4";

/// How a series' line, and its sample in the legend, is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stroke {
    /// A solid line.
    Solid,
    /// A dashed line.
    Dashed,
    /// A wide band (an area's sample in the legend).
    Band,
}

/// A chart of amounts over years 0, 1, 2, …: its document with both axes drawn, and the
/// scales of its years (`x`) and amounts (`y`).
#[derive(Debug, Clone)]
pub(crate) struct YearChart {
    /// The document being written.
    pub(crate) svg: Svg,
    /// Years, from 0 at the left of the plot to the last at its right.
    pub(crate) x: Scale,
    /// Amounts, from zero and every finite value of the chart.
    pub(crate) y: Scale,
}

impl YearChart {
    /// The chart of `years` yearly values (year 0 to `years - 1`) whose amounts, in `unit`,
    /// are `values`: the document's header ([`Svg::new`]: `id`, `title`, `desc`), the amount
    /// axis and the year axis (labelled in `w`'s words).
    pub(crate) fn new<'a>(
        id: &str,
        title: &str,
        desc: &str,
        years: usize,
        values: impl IntoIterator<Item = &'a f64>,
        unit: &str,
        w: Words,
    ) -> YearChart {
        let y = Scale::nice_from_zero(values, BOTTOM, TOP);
        let last = years.saturating_sub(1).max(1) as f64;
        let x = Scale::exact(0.0, last, LEFT, RIGHT);
        let mut svg = Svg::new(id, WIDTH, HEIGHT, title, desc);
        y.draw_vertical(&mut svg, LEFT, RIGHT, unit, w);
        x.draw_horizontal(&mut svg, BOTTOM, w.t(W::Year), w);
        YearChart { svg, x, y }
    }

    /// A line through (t, `values[t]`).
    pub(crate) fn polyline(&self, values: &[f64]) -> PathData {
        values
            .iter()
            .enumerate()
            .fold(PathData::default(), |d, (t, v)| {
                if t == 0 {
                    d.move_to(self.x.at(0.0), self.y.at(*v))
                } else {
                    d.line_to(self.x.at(t as f64), self.y.at(*v))
                }
            })
    }

    /// The series `values` as a line two units wide in `colour` (a band is drawn solid), its
    /// `data-role` `role`.
    pub(crate) fn line(&mut self, values: &[f64], colour: &str, stroke: Stroke, role: &str) {
        let mut tag = Tag::new("path")
            .attr("d", self.polyline(values).as_str())
            .attr("fill", "none")
            .attr("stroke", colour)
            .attr("stroke-width", "2");
        if stroke == Stroke::Dashed {
            tag = tag.attr("stroke-dasharray", DASHES);
        }
        self.svg.add(tag.attr("data-role", role));
    }

    /// The legend above the plot, left to right: a sample of each series' line (`label`,
    /// `colour`, `stroke`) and its label.
    pub(crate) fn legend(&mut self, entries: &[(&str, &str, Stroke)]) {
        let mut lx = LEFT;
        for (label, colour, stroke) in entries {
            let mut tag = Tag::new("line")
                .num("x1", lx)
                .num("y1", 40.0)
                .num("x2", lx + 20.0)
                .num("y2", 40.0)
                .attr("stroke", colour)
                .attr(
                    "stroke-width",
                    if *stroke == Stroke::Band { "8" } else { "3" },
                );
            if *stroke == Stroke::Dashed {
                tag = tag.attr("stroke-dasharray", DASHES);
            }
            self.svg.add(tag);
            self.svg
                .text(Tag::new("text").num("x", lx + 24.0).num("y", 44.0), label);
            // About 6.5 units a character at 12 units of type.
            lx += 40.0 + 6.5 * label.chars().count() as f64;
        }
    }

    /// The document, closed.
    pub(crate) fn finish(self) -> String {
        self.svg.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sections::Lang;

    #[test]
    fn the_years_span_the_plot_and_the_amounts_start_from_zero() {
        let w = Words::new(Lang::En);
        let mut c = YearChart::new("t", "T", "D", 5, &[20.0, 35.0, f64::NAN], "USD", w);
        assert_eq!((c.x.at(0.0), c.x.at(4.0)), (LEFT, RIGHT));
        assert_eq!((c.y.at(0.0), c.y.at(40.0)), (BOTTOM, TOP));
        assert_eq!(c.polyline(&[0.0, 40.0]).as_str(), "M96.0 330.0 L244.5 64.0");
        c.line(&[0.0, 40.0], "#000", Stroke::Dashed, "a");
        c.legend(&[("ab", "#111", Stroke::Solid), ("c", "#222", Stroke::Band)]);
        let svg = c.finish();
        assert!(svg.contains("stroke-dasharray=\"6 4\" data-role=\"a\"/>"));
        // The second sample starts after the first's line, gap and two letters.
        assert!(svg.contains(
            "<line x1=\"149.0\" y1=\"40.0\" x2=\"169.0\" y2=\"40.0\" stroke=\"#222\" stroke-width=\"8\"/>"
        ));
        assert!(svg.ends_with("</svg>\n"));
    }
}
