//! What the charts of horizontal bars from zero share (a sector's benchmarks, a programme's
//! groups), each row or panel on its own scale: the bar's height, a bar and the place of its
//! value, a row's label, and the end of the scale written under the bars.

use super::axis::{Scale, label_of};
use super::svg::{Svg, Tag};
use super::words::{W, Words};

/// The height of a bar.
pub(crate) const BAR: f64 = 14.0;

/// The bar of `v` on `x`, from zero to `v` whatever its sign, its top at `top`; its fill and
/// data attributes are the caller's to add.
pub(crate) fn bar(x: &Scale, top: f64, v: f64) -> Tag {
    let (zero, end) = (x.at(0.0), x.at(v));
    Tag::new("rect")
        .num("x", zero.min(end))
        .num("y", top)
        .num("width", (end - zero).abs())
        .num("height", BAR)
}

/// Where the value of the bar of `v` (top at `top`) is written: `gap` after the bar's end, on
/// the bar's baseline.
pub(crate) fn value_label(x: &Scale, top: f64, v: f64, gap: f64) -> Tag {
    Tag::new("text")
        .num("x", x.at(0.0).max(x.at(v)) + gap)
        .num("y", top + BAR - 3.0)
}

/// A row's name, in bold at the left edge, on the baseline `y`.
pub(crate) fn row_label(svg: &mut Svg, y: f64, name: &str) {
    svg.text(
        Tag::new("text")
            .num("x", 8.0)
            .num("y", y)
            .attr("font-weight", "600"),
        name,
    );
}

/// The end of the scale `x` in `w`'s words ("scale: 0 to 40 m3/t"), small and grey, so that
/// rows or panels on different scales read as such; `place` gives the text's position from
/// where the last tick is drawn. Nothing when the scale has no tick.
pub(crate) fn scale_end(
    svg: &mut Svg,
    x: &Scale,
    unit: &str,
    w: Words,
    place: impl FnOnce(f64) -> Tag,
) {
    let (ticks, d) = x.ticks();
    if let Some(last) = ticks.last() {
        svg.text(
            place(x.at(*last))
                .attr("fill", "#999")
                .attr("font-size", "10"),
            &w.fill(
                W::Scale,
                &[("top", &w.num(label_of(*last, d))), ("unit", unit)],
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sections::Lang;

    #[test]
    fn bars_run_from_zero_either_way_and_their_values_follow_them() {
        // 0 at 100, 10 at 200: one unit of value is ten of drawing.
        let x = Scale::nice_from_zero(&[-10.0, 10.0], 0.0, 200.0);
        let mut svg = Svg::new("t", 200.0, 50.0, "T", "D");
        svg.add(bar(&x, 5.0, 4.0));
        svg.add(bar(&x, 5.0, -6.0));
        svg.text(value_label(&x, 5.0, -6.0, 3.0), "-6");
        row_label(&mut svg, 17.0, "a");
        scale_end(&mut svg, &x, "t", Words::new(Lang::En), |end| {
            Tag::new("text").num("x", end)
        });
        let out = svg.finish();
        assert!(out.contains("<rect x=\"100.0\" y=\"5.0\" width=\"40.0\" height=\"14.0\"/>"));
        assert!(out.contains("<rect x=\"40.0\" y=\"5.0\" width=\"60.0\" height=\"14.0\"/>"));
        // A negative bar's value is written after zero, its end being on the left.
        assert!(out.contains("<text x=\"103.0\" y=\"16.0\">-6</text>"));
        assert!(out.contains("<text x=\"8.0\" y=\"17.0\" font-weight=\"600\">a</text>"));
        assert!(out.contains("<text x=\"200.0\" fill=\"#999\" font-size=\"10\">"));
    }
}
