//! The writer every chart shares: numbers with fixed decimals written by integer arithmetic
//! (the same bytes on every target, never `-0.0`), text escaped, one header with the
//! `viewBox`, the system font stack, a `<title>` and a `<desc>`.

/// The font stack of every chart: the reader's own sans-serif, nothing embedded.
pub(crate) const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/// The largest magnitude written as a number; beyond it a coordinate means nothing on a
/// page and is clamped (an i64 holds it with room to spare at three decimals).
const LARGEST: f64 = 1e12;

/// `x` with `decimals` decimals (at most 6), rounded half away from zero: `fixed(-0.04, 1)`
/// is `"0.0"`, `fixed(12.25, 1)` is `"12.3"`, `fixed(719.96, 0)` is `"720"`. A value that
/// is not finite is written as 0 (charts drop such values before they get here).
pub(crate) fn fixed(x: f64, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let x = if x.is_finite() {
        x.clamp(-LARGEST, LARGEST)
    } else {
        0.0
    };
    let scale = 10_i64.pow(decimals);
    // |x| · 10^6 ≤ 1e18 < i64::MAX: the cast is exact.
    let n = (x * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let a = n.unsigned_abs();
    let (int, frac) = (a / scale as u64, a % scale as u64);
    if decimals == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = decimals as usize)
    }
}

/// A coordinate or length: one decimal.
pub(crate) fn coord(x: f64) -> String {
    fixed(x, 1)
}

/// `text` with the five XML special characters escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One element's start tag, built attribute by attribute.
#[derive(Debug, Clone)]
pub(crate) struct Tag {
    name: &'static str,
    text: String,
}

impl Tag {
    /// `<name`.
    pub(crate) fn new(name: &'static str) -> Tag {
        Tag {
            name,
            text: format!("<{name}"),
        }
    }

    /// A numeric attribute with one decimal.
    pub(crate) fn num(mut self, key: &str, value: f64) -> Tag {
        self.text.push_str(&format!(" {key}=\"{}\"", coord(value)));
        self
    }

    /// A text attribute, escaped.
    pub(crate) fn attr(mut self, key: &str, value: &str) -> Tag {
        self.text.push_str(&format!(" {key}=\"{}\"", escape(value)));
        self
    }
}

/// An SVG document being written.
#[derive(Debug, Clone)]
pub(crate) struct Svg {
    out: String,
}

impl Svg {
    /// The header: the `viewBox` of `width` × `height` (whole units), `role="img"` labelled by
    /// the `<title>` and `<desc>` whose ids start with `id`, the font stack, and the title
    /// written as the chart's heading at the top left.
    pub(crate) fn new(id: &str, width: f64, height: f64, title: &str, desc: &str) -> Svg {
        let id = escape(id);
        let title = escape(title);
        Svg {
            out: format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT}\" font-size=\"12\">\n<title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{}</desc>\n<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"600\">{title}</text>\n",
                fixed(width, 0),
                fixed(height, 0),
                escape(desc)
            ),
        }
    }

    /// An empty element: `<rect .../>`.
    pub(crate) fn add(&mut self, tag: Tag) {
        self.out.push_str(&tag.text);
        self.out.push_str("/>\n");
    }

    /// An element with text content, escaped: `<text ...>content</text>`.
    pub(crate) fn text(&mut self, tag: Tag, content: &str) {
        self.out.push_str(&tag.text);
        self.out.push('>');
        self.out.push_str(&escape(content));
        self.out.push_str(&format!("</{}>\n", tag.name));
    }

    /// The document, closed.
    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// A path's `d` attribute written command by command, coordinates with one decimal.
#[derive(Debug, Clone, Default)]
pub(crate) struct PathData(String);

impl PathData {
    /// Move to (x, y).
    pub(crate) fn move_to(mut self, x: f64, y: f64) -> PathData {
        self.push('M', &[x, y]);
        self
    }

    /// Line to (x, y).
    pub(crate) fn line_to(mut self, x: f64, y: f64) -> PathData {
        self.push('L', &[x, y]);
        self
    }

    /// Cubic Bézier to `to` with control points `c1` and `c2`.
    pub(crate) fn curve_to(mut self, c1: (f64, f64), c2: (f64, f64), to: (f64, f64)) -> PathData {
        self.push('C', &[c1.0, c1.1, c2.0, c2.1, to.0, to.1]);
        self
    }

    fn push(&mut self, command: char, numbers: &[f64]) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push(command);
        let parts: Vec<String> = numbers.iter().map(|x| coord(*x)).collect();
        self.0.push_str(&parts.join(" "));
    }

    /// The text of the attribute.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_rounds_half_away_from_zero_and_never_writes_minus_zero() {
        assert_eq!(fixed(12.25, 1), "12.3");
        assert_eq!(fixed(-12.25, 1), "-12.3");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(719.96, 0), "720");
        assert_eq!(fixed(3.0, 3), "3.000");
        assert_eq!(fixed(f64::NAN, 1), "0.0");
        assert_eq!(fixed(f64::INFINITY, 0), "0");
        assert_eq!(fixed(1e300, 0), "1000000000000");
        assert_eq!(fixed(-1.5, 0), "-2");
    }

    #[test]
    fn fixed_agrees_with_rust_formatting_away_from_ties() {
        // Rust's own formatting rounds ties to even on the exact binary value; away from a
        // tie both give the same digits.
        for k in 0..2000 {
            let x = f64::from(k) * 0.1 - 100.0 + 0.03;
            assert_eq!(fixed(x, 1), format!("{x:.1}").replace("-0.0", "0.0"), "{x}");
            let y = f64::from(k) * 0.01 - 10.0 - 0.003;
            assert_eq!(
                fixed(y, 2),
                format!("{y:.2}").replace("-0.00", "0.00"),
                "{y}"
            );
        }
    }

    #[test]
    fn documents_are_escaped_and_closed() {
        let mut s = Svg::new("t", 100.0, 50.0, "R&D <b>", "a \"quote\"");
        s.add(Tag::new("rect").num("x", 1.0).attr("fill", "#fff"));
        s.text(Tag::new("text").num("x", 2.0), "x < y");
        let out = s.finish();
        assert!(out.contains("viewBox=\"0 0 100 50\""));
        assert!(out.contains("<title id=\"t-title\">R&amp;D &lt;b&gt;</title>"));
        assert!(out.contains("<rect x=\"1.0\" fill=\"#fff\"/>"));
        assert!(out.contains("<text x=\"2.0\">x &lt; y</text>"));
        assert!(out.ends_with("</svg>\n"));
        let d = PathData::default().move_to(0.0, 1.0).line_to(2.0, 3.0);
        assert_eq!(d.as_str(), "M0.0 1.0 L2.0 3.0");
    }
}
