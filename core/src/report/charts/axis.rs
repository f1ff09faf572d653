//! Linear scales and their ticks at round numbers (1, 2 or 5 times a power of ten), computed
//! without platform functions: powers of ten by repeated multiplication.

use super::svg::{Svg, Tag, fixed};
use super::words::Words;

/// Values `lo..hi` drawn at `from..to` (a vertical scale has `from` below `to`'s value).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scale {
    /// Smallest value.
    pub(crate) lo: f64,
    /// Largest value.
    pub(crate) hi: f64,
    /// Where `lo` is drawn.
    pub(crate) from: f64,
    /// Where `hi` is drawn.
    pub(crate) to: f64,
    /// Between ticks.
    step: f64,
}

impl Scale {
    /// A scale over `lo..hi`, widened to round ticks (a single value gets a span of 1 around
    /// it, or 0..1 for zero).
    pub(crate) fn nice(lo: f64, hi: f64, from: f64, to: f64) -> Scale {
        let (lo, hi) = if hi > lo {
            (lo, hi)
        } else if lo == 0.0 {
            (0.0, 1.0)
        } else {
            (lo - lo.abs() / 2.0, hi + hi.abs() / 2.0)
        };
        let step = step(lo, hi);
        Scale {
            lo: (lo / step).floor() * step,
            hi: (hi / step).ceil() * step,
            from,
            to,
            step,
        }
    }

    /// A scale over zero and every finite value of `values` ([`Scale::nice`]): the charts
    /// drawing amounts from zero.
    pub(crate) fn nice_from_zero<'a>(
        values: impl IntoIterator<Item = &'a f64>,
        from: f64,
        to: f64,
    ) -> Scale {
        let (lo, hi) = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
        Scale::nice(lo, hi, from, to)
    }

    /// A scale over exactly `lo..hi` (`hi > lo`, else 0..1).
    pub(crate) fn exact(lo: f64, hi: f64, from: f64, to: f64) -> Scale {
        let (lo, hi) = if hi > lo { (lo, hi) } else { (0.0, 1.0) };
        Scale {
            lo,
            hi,
            from,
            to,
            step: step(lo, hi),
        }
    }

    /// Where `v` is drawn.
    pub(crate) fn at(&self, v: f64) -> f64 {
        self.from + (v - self.lo) / (self.hi - self.lo) * (self.to - self.from)
    }

    /// Drawing units per unit of value (signed).
    pub(crate) fn per_unit(&self) -> f64 {
        (self.to - self.from) / (self.hi - self.lo)
    }

    /// Round values from `lo` to `hi` and how many decimals their labels need.
    pub(crate) fn ticks(&self) -> (Vec<f64>, u32) {
        let step = self.step;
        // Within a millionth of a step of an end counts as on it.
        let first = (self.lo / step - 1e-6).ceil() as i64;
        let last = (self.hi / step + 1e-6).floor() as i64;
        let values = (first..=last).map(|k| k as f64 * step).collect();
        (values, decimals(step))
    }

    /// A vertical axis at `x`: tick labels (in `w`'s decimal mark) to its left, light grid lines from `x` to
    /// `right`, and `label` (the unit) above it.
    pub(crate) fn draw_vertical(&self, svg: &mut Svg, x: f64, right: f64, label: &str, w: Words) {
        let (ticks, d) = self.ticks();
        for v in ticks {
            let y = self.at(v);
            svg.add(
                Tag::new("line")
                    .num("x1", x)
                    .num("y1", y)
                    .num("x2", right)
                    .num("y2", y)
                    .attr("stroke", if v == 0.0 { "#222" } else { "#ddd" }),
            );
            svg.text(
                Tag::new("text")
                    .num("x", x - 6.0)
                    .num("y", y + 4.0)
                    .attr("text-anchor", "end")
                    .attr("fill", "#555"),
                &w.num(label_of(v, d)),
            );
        }
        svg.text(
            Tag::new("text")
                .num("x", x - 6.0)
                .num("y", self.to - 14.0)
                .attr("text-anchor", "end")
                .attr("fill", "#555"),
            label,
        );
    }

    /// A horizontal axis at `y`: a line, tick marks and labels under it, and `label` (the
    /// quantity and unit) centred below.
    pub(crate) fn draw_horizontal(&self, svg: &mut Svg, y: f64, label: &str, w: Words) {
        svg.add(
            Tag::new("line")
                .num("x1", self.from)
                .num("y1", y)
                .num("x2", self.to)
                .num("y2", y)
                .attr("stroke", "#222"),
        );
        let (ticks, d) = self.ticks();
        for v in ticks {
            let x = self.at(v);
            svg.add(
                Tag::new("line")
                    .num("x1", x)
                    .num("y1", y)
                    .num("x2", x)
                    .num("y2", y + 4.0)
                    .attr("stroke", "#222"),
            );
            svg.text(
                Tag::new("text")
                    .num("x", x)
                    .num("y", y + 16.0)
                    .attr("text-anchor", "middle")
                    .attr("fill", "#555"),
                &w.num(label_of(v, d)),
            );
        }
        svg.text(
            Tag::new("text")
                .num("x", (self.from + self.to) / 2.0)
                .num("y", y + 34.0)
                .attr("text-anchor", "middle"),
            label,
        );
    }
}

/// A tick label: `decimals` decimals, thousands grouped with a thin space.
pub(crate) fn label_of(v: f64, decimals: u32) -> String {
    let text = fixed(v, decimals);
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, format!(".{f}")),
        None => (rest, String::new()),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

/// 10^k by repeated multiplication or division (exact for |k| ≤ 22).
fn ten_to(k: i32) -> f64 {
    let mut x = 1.0;
    for _ in 0..k.unsigned_abs().min(300) {
        if k > 0 {
            x *= 10.0;
        } else {
            x /= 10.0;
        }
    }
    x
}

/// The power of ten at or below `x` > 0, as its exponent.
fn exponent(x: f64) -> i32 {
    let mut k = 0;
    let mut p = 1.0;
    while p * 10.0 <= x && k < 300 {
        p *= 10.0;
        k += 1;
    }
    while p > x && k > -300 {
        p /= 10.0;
        k -= 1;
    }
    k
}

/// A round step giving about five ticks over `lo..hi`.
fn step(lo: f64, hi: f64) -> f64 {
    let raw = (hi - lo) / 5.0;
    if !(raw > 0.0 && raw.is_finite()) {
        return 1.0;
    }
    let k = exponent(raw);
    let p = ten_to(k);
    let m = raw / p;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * p
}

/// Decimals the labels of ticks `step` apart need.
fn decimals(step: f64) -> u32 {
    let k = exponent(step * (1.0 + 1e-9));
    if k >= 0 { 0 } else { k.unsigned_abs().min(6) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        let s = Scale::nice(-12_340.0, 48_000.0, 300.0, 50.0);
        assert_eq!((s.lo, s.hi), (-20_000.0, 60_000.0));
        let (t, d) = s.ticks();
        assert_eq!(t, [-20_000.0, 0.0, 20_000.0, 40_000.0, 60_000.0]);
        assert_eq!(d, 0);
        assert_eq!(s.at(-20_000.0), 300.0);
        assert_eq!(s.at(60_000.0), 50.0);
        let (t, d) = Scale::nice(0.0, 0.37, 0.0, 1.0).ticks();
        assert_eq!(d, 1);
        assert_eq!(t.len(), 5);
        assert_eq!(label_of(t[1], d), "0.1");
        let (t, d) = Scale::nice(0.0, 0.12, 0.0, 1.0).ticks();
        assert_eq!((label_of(t[1], d), d), ("0.05".to_string(), 2));
        assert_eq!(label_of(-1_234_567.0, 0), "-1\u{202f}234\u{202f}567");
        assert_eq!(Scale::nice(5.0, 5.0, 0.0, 1.0).lo, 2.0);
        // From zero, whatever the values' sign; what is not finite left out.
        let s = Scale::nice_from_zero(&[3.0, f64::NAN, 7.0, f64::INFINITY], 0.0, 1.0);
        assert_eq!((s.lo, s.hi), (0.0, 8.0));
        let s = Scale::nice_from_zero(&[-3.0, -7.0], 0.0, 1.0);
        assert_eq!((s.lo, s.hi), (-8.0, 0.0));
        assert_eq!(Scale::nice_from_zero(&[], 0.0, 1.0).hi, 1.0);
    }
}
