//! Renderers of results as text, Markdown and HTML: the summary, the balances, the options
//! and whole reports, each from the typed result an [`Assessment`](crate::Assessment) gives.

use crate::assessment::{Report, Summary};
use crate::flowsheet::{Balance, ValueStatus};
use crate::math;
use crate::options::{CostClass, Evaluation};
use schemars::JsonSchema;

pub mod charts;
pub mod pages;
mod risk;
pub use charts::tornado::{TORNADO_BARS, tornado_svg};
pub mod fund;
mod program;
pub use crate::text_table::{Align, TextColumn, TextTable};
pub use fund::fund_text;
pub use program::programme_text;
pub use risk::risk_text;

/// The widest a text column is padded to: longer names overflow their column instead (a
/// format width above 65,535 would panic, and a page of blanks helps no one).
pub(crate) const MAX_COLUMN: usize = 60;

/// The width of a column of texts of `lengths`, at least `min` and at most [`MAX_COLUMN`].
pub(crate) fn column(lengths: impl Iterator<Item = usize>, min: usize) -> usize {
    lengths.max().unwrap_or(min).clamp(min, MAX_COLUMN)
}

/// A plain-text summary for the terminal.
///
/// ```
/// use cleanprod::{Assessment, report};
/// let toml = r#"
/// format = "cleanprod/1"
/// currency = "USD"
/// [site]
/// name = "Lavandería Sol"
/// sector = "hotel"
/// [schedule]
/// days_per_year = 300
/// hours_per_day = "8 h"
/// [production]
/// product = "linen washed"
/// output = "2 t/d"
/// [prices]
/// water = "2 USD/m3"
/// wastewater = "1 USD/m3"
/// [finance]
/// discount_rate = "10 %"
/// horizon = "5 yr"
/// [flowsheet]
/// components = ["water"]
/// nodes = [{ id = "mains", kind = "source" }, { id = "washers", kind = "process" },
///          { id = "sewer", kind = "wastewater" }]
/// streams = [
///   { id = "supply", from = "mains", to = "washers", flows = { water = "30 m3/d ± 5 %" } },
///   { id = "drain", from = "washers", to = "sewer", flows = { water = "28 m3/d ± 5 %" } },
/// ]
/// [[options]]
/// id = "rinse_reuse"
/// title = "Reuse the last rinse for the first wash"
/// category = "on_site_recovery"
/// capex = "3000 USD"
/// effects = [{ kind = "scale", stream = "supply", component = "water", factor = "80 %" }]
/// "#;
/// let a = Assessment::from_toml_str(toml).unwrap();
/// let text = report::summary_text(&a.summary());
/// assert!(text.starts_with("Lavandería Sol (hotel sector)"));
/// assert!(text.contains("annual output    600 t"));
/// ```
pub fn summary_text(s: &Summary) -> String {
    let mut out = String::new();
    let labels = TextTable::new([TextColumn::left(16)]);
    let line = |out: &mut String, k: &str, v: &str| out.push_str(&labels.line(&[k, v]));
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
        let width = column(s.prices.iter().map(|p| p.resource.len()), 0);
        let prices =
            TextTable::new([TextColumn::left(width), TextColumn::left(0).gap(2)]).indent(4);
        for p in &s.prices {
            out.push_str(&prices.line(&[&p.resource, &p.price]));
        }
    }
    out
}

/// The labelled figures of a summary shown as a table (Markdown and HTML).
fn summary_rows(s: &Summary) -> [(&'static str, String); 7] {
    [
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
    ]
}

/// A Markdown summary for reports.
///
/// ```
/// use cleanprod::{Assessment, report};
/// # let toml = r#"
/// # format = "cleanprod/1"
/// # currency = "USD"
/// # [site]
/// # name = "Lavandería Sol"
/// # sector = "hotel"
/// # [schedule]
/// # days_per_year = 300
/// # hours_per_day = "8 h"
/// # [production]
/// # product = "linen washed"
/// # output = "2 t/d"
/// # [prices]
/// # water = "2 USD/m3"
/// # wastewater = "1 USD/m3"
/// # [finance]
/// # discount_rate = "10 %"
/// # horizon = "5 yr"
/// # [flowsheet]
/// # components = ["water"]
/// # nodes = [{ id = "mains", kind = "source" }, { id = "washers", kind = "process" },
/// #          { id = "sewer", kind = "wastewater" }]
/// # streams = [
/// #   { id = "supply", from = "mains", to = "washers", flows = { water = "30 m3/d ± 5 %" } },
/// #   { id = "drain", from = "washers", to = "sewer", flows = { water = "28 m3/d ± 5 %" } },
/// # ]
/// # [[options]]
/// # id = "rinse_reuse"
/// # title = "Reuse the last rinse for the first wash"
/// # category = "on_site_recovery"
/// # capex = "3000 USD"
/// # effects = [{ kind = "scale", stream = "supply", component = "water", factor = "80 %" }]
/// # "#;
/// # let a = Assessment::from_toml_str(toml).unwrap();
/// let md = report::summary_markdown(&a.summary());
/// assert!(md.starts_with("## Lavandería Sol\n"));
/// assert!(md.contains("| Annual output | 600 t |"));
/// assert!(md.contains("| water | 2 USD/m3 |"));
/// ```
pub fn summary_markdown(s: &Summary) -> String {
    let mut out = format!("## {}\n\n", s.site);
    out.push_str("| | |\n|---|---|\n");
    for (k, v) in summary_rows(s) {
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
///
/// ```
/// use cleanprod::{Assessment, report};
/// # let toml = r#"
/// # format = "cleanprod/1"
/// # currency = "USD"
/// # [site]
/// # name = "Lavandería Sol"
/// # sector = "hotel"
/// # [schedule]
/// # days_per_year = 300
/// # hours_per_day = "8 h"
/// # [production]
/// # product = "linen washed"
/// # output = "2 t/d"
/// # [prices]
/// # water = "2 USD/m3"
/// # wastewater = "1 USD/m3"
/// # [finance]
/// # discount_rate = "10 %"
/// # horizon = "5 yr"
/// # [flowsheet]
/// # components = ["water"]
/// # nodes = [{ id = "mains", kind = "source" }, { id = "washers", kind = "process" },
/// #          { id = "sewer", kind = "wastewater" }]
/// # streams = [
/// #   { id = "supply", from = "mains", to = "washers", flows = { water = "30 m3/d ± 5 %" } },
/// #   { id = "drain", from = "washers", to = "sewer", flows = { water = "28 m3/d ± 5 %" } },
/// # ]
/// # [[options]]
/// # id = "rinse_reuse"
/// # title = "Reuse the last rinse for the first wash"
/// # category = "on_site_recovery"
/// # capex = "3000 USD"
/// # effects = [{ kind = "scale", stream = "supply", component = "water", factor = "80 %" }]
/// # "#;
/// # let a = Assessment::from_toml_str(toml).unwrap();
/// let html = report::summary_html(&a.summary());
/// assert!(html.starts_with("<div class=\"cleanprod-summary\"><h3>Lavandería Sol</h3>"));
/// assert!(html.contains("<tr><th>Price of water</th><td>2 USD/m3</td></tr>"));
/// ```
pub fn summary_html(s: &Summary) -> String {
    let mut out = format!(
        "<div class=\"cleanprod-summary\"><h3>{}</h3><table>",
        html(&s.site)
    );
    for (k, v) in summary_rows(s) {
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

/// `kg` per year as tonnes per year with six significant digits.
fn tonnes(kg: Option<f64>) -> String {
    match kg {
        None => "?".to_string(),
        Some(x) => {
            let t = x / 1_000.0;
            if t == 0.0 {
                "0".to_string()
            } else {
                let digits = (5 - math::log10(t.abs()).floor() as i32).clamp(0, 9) as usize;
                format!("{t:.digits$}")
            }
        }
    }
}

fn status_word(s: ValueStatus) -> &'static str {
    match s {
        ValueStatus::Measured => "measured",
        ValueStatus::Reconciled => "reconciled",
        ValueStatus::Estimated => "estimated",
        ValueStatus::Solved => "solved",
        ValueStatus::Undetermined => "undetermined",
    }
}

/// The balances as plain text: streams, units, the reconciliation test and the findings, per
/// component, in tonnes per year.
///
/// ```
/// use cleanprod::{Assessment, report};
/// # let toml = r#"
/// # format = "cleanprod/1"
/// # currency = "USD"
/// # [site]
/// # name = "Lavandería Sol"
/// # sector = "hotel"
/// # [schedule]
/// # days_per_year = 300
/// # hours_per_day = "8 h"
/// # [production]
/// # product = "linen washed"
/// # output = "2 t/d"
/// # [prices]
/// # water = "2 USD/m3"
/// # wastewater = "1 USD/m3"
/// # [finance]
/// # discount_rate = "10 %"
/// # horizon = "5 yr"
/// # [flowsheet]
/// # components = ["water"]
/// # nodes = [{ id = "mains", kind = "source" }, { id = "washers", kind = "process" },
/// #          { id = "sewer", kind = "wastewater" }]
/// # streams = [
/// #   { id = "supply", from = "mains", to = "washers", flows = { water = "30 m3/d ± 5 %" } },
/// #   { id = "drain", from = "washers", to = "sewer", flows = { water = "28 m3/d ± 5 %" } },
/// # ]
/// # [[options]]
/// # id = "rinse_reuse"
/// # title = "Reuse the last rinse for the first wash"
/// # category = "on_site_recovery"
/// # capex = "3000 USD"
/// # effects = [{ kind = "scale", stream = "supply", component = "water", factor = "80 %" }]
/// # "#;
/// # let a = Assessment::from_toml_str(toml).unwrap();
/// let balance = a.balance().unwrap().unwrap();
/// let text = report::balance_text(&balance);
/// // 30 ± 1.5 and 28 ± 1.4 m3/d reconcile to one value; 300 days of 1 t/m3.
/// assert!(text.contains("balance of water (t/yr)"));
/// assert!(text.contains("reconciliation: chi-square"));
/// ```
pub fn balance_text(b: &Balance) -> String {
    let mut out = String::new();
    for c in &b.components {
        out.push_str(&format!("\nbalance of {} (t/yr)\n", c.component));
        let w = c
            .streams
            .iter()
            .map(|s| s.stream.len())
            .max()
            .unwrap_or(6)
            .clamp(6, MAX_COLUMN);
        let mut columns = vec![TextColumn::left(w), TextColumn::left(12).gap(2)];
        columns.extend([14, 14, 12, 6].map(TextColumn::right));
        // The flag of a suspect stream, unpadded, right after its z.
        columns.push(TextColumn::left(0).gap(0));
        let streams = TextTable::new(columns);
        out.push_str(&streams.line(&["stream", "status", "given", "value", "± unc.", "z"]));
        for s in &c.streams {
            out.push_str(&streams.line(&[
                s.stream.as_str(),
                status_word(s.status),
                &s.given.map_or(String::new(), |g| tonnes(Some(g))),
                &tonnes(s.value),
                &s.uncertainty.map_or(String::new(), |u| tonnes(Some(u))),
                &s.z.map_or(String::new(), |z| format!("{z:.2}")),
                if s.suspect { "  suspect" } else { "" },
            ]));
        }
        if !c.nodes.is_empty() {
            let w = c
                .nodes
                .iter()
                .map(|n| n.node.len())
                .max()
                .unwrap_or(4)
                .clamp(4, MAX_COLUMN);
            let units = TextTable::new([
                TextColumn::left(w),
                TextColumn::right(14).gap(2),
                TextColumn::right(14),
                TextColumn::right(16),
            ]);
            out.push_str(&units.line(&["unit", "in", "out", "closure as given"]));
            for n in &c.nodes {
                let closure = n
                    .given_closure_percent
                    .map_or("?".to_string(), |p| format!("{p:.1} %"));
                out.push_str(&units.line(&[
                    n.node.as_str(),
                    &tonnes(n.inputs),
                    &tonnes(n.outputs),
                    &closure,
                ]));
            }
        }
        out.push_str(&format!(
            "  site: {} in from sources",
            tonnes(c.site.sources)
        ));
        for (k, v) in &c.site.sinks {
            out.push_str(&format!(", {} to {k}", tonnes(*v)));
        }
        out.push('\n');
        if let Some(r) = &c.reconciliation {
            out.push_str(&format!(
                "  reconciliation: chi-square {:.2} with {} degrees of freedom, p = {:.3}: {}\n",
                r.chi_square,
                r.degrees_of_freedom,
                r.p_value,
                if r.consistent {
                    "consistent"
                } else {
                    "NOT consistent"
                }
            ));
        }
        for f in &c.findings {
            out.push_str(&format!("  - {f}\n"));
        }
    }
    if let Some(w) = &b.specific_water {
        out.push_str(&format!("\nwater use: {w}\n"));
    }
    if let Some(e) = &b.energy {
        out.push_str(&format!("\nenergy ({})\n", e.unit));
        for n in &e.nodes {
            let mut parts: Vec<String> = n
                .inputs
                .iter()
                .map(|(k, v)| format!("{k} {}", round_kwh(*v)))
                .collect();
            if let Some(u) = n.useful {
                parts.push(format!("useful heat {}", round_kwh(u)));
            }
            if let Some(l) = n.losses {
                parts.push(format!("losses {}", round_kwh(l)));
            }
            if let (Some(i), Some(o)) = (n.water_heat_in, n.water_heat_out)
                && (i != 0.0 || o != 0.0)
            {
                parts.push(format!(
                    "heat in water in {}, out {}",
                    round_kwh(i),
                    round_kwh(o)
                ));
            }
            out.push_str(&format!("  {}: {}\n", n.node, parts.join("; ")));
        }
        let carriers: Vec<String> = e
            .carriers
            .iter()
            .map(|(k, v)| format!("{k} {}", round_kwh(*v)))
            .collect();
        out.push_str(&format!(
            "  site: {} (total {})",
            carriers.join(", "),
            round_kwh(e.total)
        ));
        if let Some(s) = &e.specific_energy {
            out.push_str(&format!(", {s}"));
        }
        out.push('\n');
        if let Some(h) = e.heat_in_wastewater {
            out.push_str(&format!(
                "  heat leaving in wastewater above the reference temperature: {}\n",
                round_kwh(h)
            ));
        }
    }
    out
}

fn round_kwh(x: f64) -> String {
    whole(x)
}

/// `x` to the nearest whole number, a zero never written "-0".
pub(crate) fn whole(x: f64) -> String {
    let r = x.round();
    format!("{:.0}", if r == 0.0 { 0.0 } else { r })
}

/// The options as a plain-text table: class, investment, saving, paybacks, NPV, IRR.
///
/// ```
/// use cleanprod::{Assessment, report};
/// # let toml = r#"
/// # format = "cleanprod/1"
/// # currency = "USD"
/// # [site]
/// # name = "Lavandería Sol"
/// # sector = "hotel"
/// # [schedule]
/// # days_per_year = 300
/// # hours_per_day = "8 h"
/// # [production]
/// # product = "linen washed"
/// # output = "2 t/d"
/// # [prices]
/// # water = "2 USD/m3"
/// # wastewater = "1 USD/m3"
/// # [finance]
/// # discount_rate = "10 %"
/// # horizon = "5 yr"
/// # [flowsheet]
/// # components = ["water"]
/// # nodes = [{ id = "mains", kind = "source" }, { id = "washers", kind = "process" },
/// #          { id = "sewer", kind = "wastewater" }]
/// # streams = [
/// #   { id = "supply", from = "mains", to = "washers", flows = { water = "30 m3/d ± 5 %" } },
/// #   { id = "drain", from = "washers", to = "sewer", flows = { water = "28 m3/d ± 5 %" } },
/// # ]
/// # [[options]]
/// # id = "rinse_reuse"
/// # title = "Reuse the last rinse for the first wash"
/// # category = "on_site_recovery"
/// # capex = "3000 USD"
/// # effects = [{ kind = "scale", stream = "supply", component = "water", factor = "80 %" }]
/// # "#;
/// # let a = Assessment::from_toml_str(toml).unwrap();
/// let text = report::options_text(&a.evaluate().unwrap());
/// assert!(text.starts_with("\noptions (USD)\n"));
/// assert!(text.contains("rinse_reuse"));
/// assert!(text.contains("portfolio: all 1 options together"));
/// ```
pub fn options_text(e: &Evaluation) -> String {
    if e.options.is_empty() {
        return String::new();
    }
    let w = e
        .options
        .iter()
        .map(|o| o.id.len())
        .max()
        .unwrap_or(6)
        .clamp(6, MAX_COLUMN);
    let mut out = format!("\noptions ({})\n", e.currency);
    let mut columns = vec![TextColumn::left(w), TextColumn::left(10).gap(2)];
    columns.extend([12, 12, 8, 8, 12, 7].map(TextColumn::right));
    let table = TextTable::new(columns);
    out.push_str(&table.line(&[
        "option",
        "class",
        "capex",
        "saving/yr",
        "payback",
        "disc.",
        "NPV",
        "IRR",
    ]));
    let years = |p: Option<f64>| p.map_or("never".to_string(), |y| format!("{y:.2} yr"));
    for o in &e.options {
        let class = match o.cost_class {
            CostClass::NoCost => "no-cost",
            CostClass::LowCost => "low-cost",
            CostClass::Investment => "investment",
        };
        let irr = o
            .irr
            .map_or("-".to_string(), |r| format!("{:.1} %", r * 100.0));
        out.push_str(&table.line(&[
            o.id.as_str(),
            class,
            &whole(o.capex),
            &whole(o.annual_saving),
            &years(o.simple_payback_years),
            &years(o.discounted_payback_years),
            &whole(o.npv),
            &irr,
        ]));
        let mut deltas: Vec<String> = o.deltas.iter().map(|(k, v)| delta_words(k, v)).collect();
        if let Some(m) = o.money.get(crate::options::MONEY_KEY) {
            deltas.push(format!("{} {}/yr saved as money", whole(*m), e.currency));
        }
        out.push_str(&format!("  {:<w$}  {}\n", "", deltas.join(", ")));
        if let Some(status) = o.status {
            let reported = o.actual.as_ref().map_or(String::new(), |a| {
                let figure = |x: Option<f64>| x.map_or("-".to_string(), whole);
                format!(
                    "; reported: capex {}, saving {}/yr",
                    figure(a.capex),
                    figure(a.annual_saving)
                )
            });
            out.push_str(&format!("  {:<w$}  {}{reported}\n", "", status.key()));
        }
        if let Some(l) = &o.levelized_cost {
            out.push_str(&format!(
                "  {:<w$}  levelized cost {} {}/{} of {}\n",
                "",
                significant(l.value),
                e.currency,
                l.per,
                l.resource
            ));
        }
        if let Some(f) = &o.financing {
            let pct = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{:.1} %", r * 100.0));
            out.push_str(&format!(
                "  {:<w$}  financed: loan {:.0}, grant {:.0}; owner's NPV {:.0}, IRR {}; minimum DSCR {}\n",
                "",
                f.loan,
                f.grant,
                f.equity_npv,
                pct(f.equity_irr),
                f.min_dscr.map_or("-".to_string(), |d| format!("{d:.2}"))
            ));
        }
        for n in &o.notes {
            out.push_str(&format!("  {:<w$}  note: {n}\n", ""));
        }
    }
    let p = &e.portfolio;
    let co2 = |t: Option<f64>| match t {
        Some(t) if t != 0.0 => format!(", CO2 {} t/yr less", significant(t)),
        _ => String::new(),
    };
    out.push_str(&format!(
        "\nportfolio: all {} options together: capex {:.0}, saving {:.0}/yr, NPV {:.0}{}\n",
        p.all.ids.len(),
        p.all.capex,
        p.all.annual_saving,
        p.all.npv,
        co2(p.all.co2_avoided)
    ));
    if let Some(b) = &p.within_budget {
        out.push_str(&format!(
            "  within the capital budget: {} (capex {:.0}, saving {:.0}/yr, NPV {:.0})\n",
            b.ids.join(", "),
            b.capex,
            b.annual_saving,
            b.npv
        ));
    }
    out.push_str("  applied in order of NPV, each after the ones before it:\n");
    let sequence = TextTable::new([
        TextColumn::left(w),
        TextColumn::right(12).gap(2),
        TextColumn::right(12),
        TextColumn::right(14),
        TextColumn::right(14),
    ]);
    out.push_str(&sequence.line(&["option", "+saving/yr", "+NPV", "saving/yr", "NPV"]));
    for step in &p.sequence {
        out.push_str(&sequence.line(&[
            step.id.as_str(),
            &whole(step.annual_saving),
            &whole(step.npv),
            &whole(step.cumulative_annual_saving),
            &whole(step.cumulative_npv),
        ]));
    }
    out
}

/// A whole report for a terminal: the summary, the balances, the options and the sector
/// benchmarks (what `cleanprod assess` prints).
///
/// ```
/// use cleanprod::{Assessment, report};
/// # let toml = r#"
/// # format = "cleanprod/1"
/// # currency = "USD"
/// # [site]
/// # name = "Lavandería Sol"
/// # sector = "hotel"
/// # [schedule]
/// # days_per_year = 300
/// # hours_per_day = "8 h"
/// # [production]
/// # product = "linen washed"
/// # output = "2 t/d"
/// # [prices]
/// # water = "2 USD/m3"
/// # wastewater = "1 USD/m3"
/// # [finance]
/// # discount_rate = "10 %"
/// # horizon = "5 yr"
/// # [flowsheet]
/// # components = ["water"]
/// # nodes = [{ id = "mains", kind = "source" }, { id = "washers", kind = "process" },
/// #          { id = "sewer", kind = "wastewater" }]
/// # streams = [
/// #   { id = "supply", from = "mains", to = "washers", flows = { water = "30 m3/d ± 5 %" } },
/// #   { id = "drain", from = "washers", to = "sewer", flows = { water = "28 m3/d ± 5 %" } },
/// # ]
/// # [[options]]
/// # id = "rinse_reuse"
/// # title = "Reuse the last rinse for the first wash"
/// # category = "on_site_recovery"
/// # capex = "3000 USD"
/// # effects = [{ kind = "scale", stream = "supply", component = "water", factor = "80 %" }]
/// # "#;
/// # let a = Assessment::from_toml_str(toml).unwrap();
/// let text = report::report_text(&a.report().unwrap());
/// assert!(text.starts_with("Lavandería Sol (hotel sector)"));
/// assert!(text.contains("balance of water") && text.contains("rinse_reuse"));
/// ```
pub fn report_text(r: &Report) -> String {
    format!("{}{}", summary_text(&r.summary), report_body(r))
}

/// A whole report as Markdown: the summary as a table, the rest as preformatted text.
///
/// ```
/// use cleanprod::{Assessment, report};
/// # let toml = r#"
/// # format = "cleanprod/1"
/// # currency = "USD"
/// # [site]
/// # name = "Lavandería Sol"
/// # sector = "hotel"
/// # [schedule]
/// # days_per_year = 300
/// # hours_per_day = "8 h"
/// # [production]
/// # product = "linen washed"
/// # output = "2 t/d"
/// # [prices]
/// # water = "2 USD/m3"
/// # wastewater = "1 USD/m3"
/// # [finance]
/// # discount_rate = "10 %"
/// # horizon = "5 yr"
/// # [flowsheet]
/// # components = ["water"]
/// # nodes = [{ id = "mains", kind = "source" }, { id = "washers", kind = "process" },
/// #          { id = "sewer", kind = "wastewater" }]
/// # streams = [
/// #   { id = "supply", from = "mains", to = "washers", flows = { water = "30 m3/d ± 5 %" } },
/// #   { id = "drain", from = "washers", to = "sewer", flows = { water = "28 m3/d ± 5 %" } },
/// # ]
/// # [[options]]
/// # id = "rinse_reuse"
/// # title = "Reuse the last rinse for the first wash"
/// # category = "on_site_recovery"
/// # capex = "3000 USD"
/// # effects = [{ kind = "scale", stream = "supply", component = "water", factor = "80 %" }]
/// # "#;
/// # let a = Assessment::from_toml_str(toml).unwrap();
/// let md = report::report_markdown(&a.report().unwrap());
/// assert!(md.starts_with("## Lavandería Sol"));
/// assert!(md.contains("```text") && md.trim_end().ends_with("```"));
/// ```
pub fn report_markdown(r: &Report) -> String {
    format!(
        "{}\n```text{}```\n",
        summary_markdown(&r.summary),
        report_body(r)
    )
}

fn report_body(r: &Report) -> String {
    format!(
        "{}{}{}",
        r.balance.as_ref().map(balance_text).unwrap_or_default(),
        options_text(&r.evaluation),
        r.benchmarks
            .as_ref()
            .map(crate::sectors::Benchmarks::text)
            .unwrap_or_default()
    )
}

/// `"water"`, `"1200 m3/yr"` as "water 1200 m3/yr less" (or "more" for a negative saving).
fn delta_words(name: &str, amount: &str) -> String {
    match amount.strip_prefix('-') {
        Some(more) => format!("{name} {more} more"),
        None => format!("{name} {amount} less"),
    }
}

/// `x` rounded to a whole number with thin groups of thousands (`9 886 685`), as money reads
/// in a table.
fn grouped(x: f64) -> String {
    let text = whole(x);
    let (sign, digits) = match text.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", text.as_str()),
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// The appraisal as an HTML table for notebooks: one row per option (class, investment,
/// saving, paybacks, NPV, IRR, then one column per resource saved, each header with its unit
/// or currency) and a last row with the options together.
///
/// ```
/// use cleanprod::{Assessment, report};
/// # let toml = r#"
/// # format = "cleanprod/1"
/// # currency = "USD"
/// # [site]
/// # name = "Lavandería Sol"
/// # sector = "hotel"
/// # [schedule]
/// # days_per_year = 300
/// # hours_per_day = "8 h"
/// # [production]
/// # product = "linen washed"
/// # output = "2 t/d"
/// # [prices]
/// # water = "2 USD/m3"
/// # wastewater = "1 USD/m3"
/// # [finance]
/// # discount_rate = "10 %"
/// # horizon = "5 yr"
/// # [flowsheet]
/// # components = ["water"]
/// # nodes = [{ id = "mains", kind = "source" }, { id = "washers", kind = "process" },
/// #          { id = "sewer", kind = "wastewater" }]
/// # streams = [
/// #   { id = "supply", from = "mains", to = "washers", flows = { water = "30 m3/d ± 5 %" } },
/// #   { id = "drain", from = "washers", to = "sewer", flows = { water = "28 m3/d ± 5 %" } },
/// # ]
/// # [[options]]
/// # id = "rinse_reuse"
/// # title = "Reuse the last rinse for the first wash"
/// # category = "on_site_recovery"
/// # capex = "3000 USD"
/// # effects = [{ kind = "scale", stream = "supply", component = "water", factor = "80 %" }]
/// # "#;
/// # let a = Assessment::from_toml_str(toml).unwrap();
/// let html = report::options_html(&a.evaluate().unwrap());
/// assert!(html.contains("<th>capex [USD]</th>"));
/// assert!(html.contains("<th>water [m3/yr]</th>"));
/// assert!(html.contains("<td>3\u{202f}000</td>"));
/// assert!(html.contains("all 1 options together"));
/// ```
pub fn options_html(e: &Evaluation) -> String {
    let cur = html(&e.currency);
    let mut resources: Vec<(&str, &str)> = Vec::new();
    for o in &e.options {
        for s in &o.savings {
            if !resources.iter().any(|(r, _)| *r == s.resource) {
                resources.push((&s.resource, &s.unit));
            }
        }
    }
    let mut out = String::from("<div class=\"cleanprod-options\"><table><thead><tr>");
    let mut headers: Vec<String> = vec![
        "option".into(),
        "title".into(),
        "class".into(),
        format!("capex [{cur}]"),
        format!("annual saving [{cur}/yr]"),
        "simple payback [yr]".into(),
        "discounted payback [yr]".into(),
        format!("NPV [{cur}]"),
        "IRR [%]".into(),
        "CO2 avoided [t/yr]".into(),
    ];
    headers.extend(
        resources
            .iter()
            .map(|(r, u)| format!("{} [{}]", html(r), html(u))),
    );
    for h in &headers {
        out.push_str(&format!("<th>{h}</th>"));
    }
    out.push_str("</tr></thead><tbody>");
    let years = |p: Option<f64>| p.map_or("never".to_string(), |y| format!("{y:.2}"));
    let opt = |x: Option<f64>, f: &dyn Fn(f64) -> String| x.map_or("-".to_string(), f);
    for o in &e.options {
        let class = match o.cost_class {
            CostClass::NoCost => "no-cost",
            CostClass::LowCost => "low-cost",
            CostClass::Investment => "investment",
        };
        let mut cells = vec![
            html(&o.id),
            html(&o.title),
            class.to_string(),
            grouped(o.capex),
            grouped(o.annual_saving),
            years(o.simple_payback_years),
            years(o.discounted_payback_years),
            grouped(o.npv),
            opt(o.irr, &|r| format!("{:.1}", r * 100.0)),
            opt(o.co2_avoided, &significant),
        ];
        for (r, _) in &resources {
            let amount = o
                .savings
                .iter()
                .find(|s| s.resource == *r)
                .map(|s| s.amount);
            cells.push(opt(amount, &significant));
        }
        out.push_str("<tr>");
        for c in cells {
            out.push_str(&format!("<td>{c}</td>"));
        }
        out.push_str("</tr>");
    }
    let all = &e.portfolio.all;
    out.push_str(&format!(
        "</tbody><tfoot><tr><th colspan=\"3\">all {} options together</th><td>{}</td><td>{}</td>\
         <td></td><td></td><td>{}</td><td></td><td>{}</td>{}</tr></tfoot></table></div>",
        all.ids.len(),
        grouped(all.capex),
        grouped(all.annual_saving),
        grouped(all.npv),
        opt(all.co2_avoided, &significant),
        "<td></td>".repeat(resources.len())
    ));
    out
}

/// `x` with four significant digits.
pub(crate) fn significant(x: f64) -> String {
    crate::units::format_significant(x, 4)
}

/// The JSON Schema of every result type at once (report, evaluation, summary, balance,
/// benchmarks, sequence, risk simulation, chart, chart options and Sankey data, and the names
/// of dimensions and metrics), sharing one set of definitions: what the npm package's
/// TypeScript types are generated from.
pub fn results_schema() -> serde_json::Value {
    /// Every result type, for their schema only.
    #[derive(JsonSchema)]
    #[schemars(title = "cleanprod results")]
    #[allow(dead_code)]
    struct Results {
        report: crate::assessment::Report,
        evaluation: crate::options::Evaluation,
        summary: crate::assessment::Summary,
        balance: crate::flowsheet::Balance,
        benchmarks: crate::sectors::Benchmarks,
        sequence: crate::options::Sequence,
        dimension: crate::units::Dimension,
        metric: crate::options::Metric,
        simulation: crate::uncertainty::Simulation,
        chart: charts::Chart,
        chart_options: charts::ChartOptions,
        sankey: charts::SankeyData,
        programme: crate::program::Programme,
        fund_document: crate::program::fund::FundDocument,
        fund: crate::program::fund::FundResult,
        fund_risk: crate::program::fund::FundRisk,
        screening: crate::program::screen::Screening,
    }
    serde_json::to_value(schemars::schema_for!(Results)).unwrap_or(serde_json::Value::Null)
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
