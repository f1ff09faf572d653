//! Renderers of results as text and Markdown.

use crate::assessment::Summary;

/// A plain-text summary for the terminal.
pub fn summary_text(s: &Summary) -> String {
    let mut out = String::new();
    let line = |out: &mut String, k: &str, v: &str| out.push_str(&format!("  {k:<16} {v}\n"));
    out.push_str(&format!("{} ({} sector)\n", s.site, s.sector));
    if !s.location.is_empty() {
        line(&mut out, "location", &s.location);
    }
    line(
        &mut out,
        "operating time",
        &format!("{} per year", s.operating_time),
    );
    line(&mut out, "output", &format!("{} {}", s.output, s.product));
    line(&mut out, "annual output", &s.annual_output);
    line(
        &mut out,
        "appraisal",
        &format!(
            "{} discount rate ({:?}), {} horizon",
            s.discount_rate, s.rate_basis, s.horizon
        )
        .to_lowercase(),
    );
    if s.prices.is_empty() {
        line(&mut out, "prices", "none given");
    } else {
        out.push_str(&format!("  prices ({}):\n", s.currency));
        let width = s.prices.iter().map(|p| p.resource.len()).max().unwrap_or(0);
        for p in &s.prices {
            out.push_str(&format!("    {:<width$}  {}\n", p.resource, p.price));
        }
    }
    out
}

/// A Markdown summary for reports.
pub fn summary_markdown(s: &Summary) -> String {
    let mut out = format!("## {}\n\n", s.site);
    out.push_str("| | |\n|---|---|\n");
    let rows = [
        ("Sector", s.sector.key().to_string()),
        ("Location", s.location.clone()),
        ("Operating time", format!("{} per year", s.operating_time)),
        ("Output", format!("{} {}", s.output, s.product)),
        ("Annual output", s.annual_output.clone()),
        (
            "Discount rate",
            format!("{} ({:?})", s.discount_rate, s.rate_basis).to_lowercase(),
        ),
        ("Horizon", s.horizon.clone()),
    ];
    for (k, v) in rows {
        out.push_str(&format!("| {k} | {} |\n", escape(&v)));
    }
    if !s.prices.is_empty() {
        out.push_str(&format!(
            "\n### Prices ({})\n\n| Resource | Price |\n|---|---|\n",
            s.currency
        ));
        for p in &s.prices {
            out.push_str(&format!(
                "| {} | {} |\n",
                escape(&p.resource),
                escape(&p.price)
            ));
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('|', "\\|")
}

/// An HTML summary (a heading and a table), for notebooks and web pages.
pub fn summary_html(s: &Summary) -> String {
    let mut out = format!(
        "<div class=\"cleanprod-summary\"><h3>{}</h3><table>",
        html(&s.site)
    );
    let rows = [
        ("Sector", s.sector.key().to_string()),
        ("Location", s.location.clone()),
        ("Operating time", format!("{} per year", s.operating_time)),
        ("Output", format!("{} {}", s.output, s.product)),
        ("Annual output", s.annual_output.clone()),
        (
            "Discount rate",
            format!("{} ({:?})", s.discount_rate, s.rate_basis).to_lowercase(),
        ),
        ("Horizon", s.horizon.clone()),
    ];
    for (k, v) in rows {
        out.push_str(&format!("<tr><th>{k}</th><td>{}</td></tr>", html(&v)));
    }
    for p in &s.prices {
        out.push_str(&format!(
            "<tr><th>Price of {}</th><td>{}</td></tr>",
            html(&p.resource),
            html(&p.price)
        ));
    }
    out.push_str("</table></div>");
    out
}

/// `text` with the five HTML special characters escaped.
fn html(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            html("<b>\"R&D\"</b>"),
            "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;"
        );
    }
}
