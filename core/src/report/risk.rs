//! A risk simulation as text: per option the spread of its NPV and payback, the probability of
//! losing money, and the inputs that drive it.

use super::{TextColumn, TextTable, significant, whole};
use crate::uncertainty::{PORTFOLIO, RiskOutput, Simulation};

/// The simulation as plain text for a terminal.
///
/// ```
/// use cleanprod::{Assessment, report, uncertainty::{Settings, Simulator}};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/documents/valid/risk.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let s = Simulator::new(&a).unwrap().run(&Settings { draws: Some(500), ..Settings::default() }).unwrap();
/// let out = report::risk_text(&s);
/// assert!(out.contains("P(NPV<0)"));
/// assert!(out.contains("prices.water"));
/// ```
pub fn risk_text(s: &Simulation) -> String {
    let mut out = format!(
        "risk: {} draws ({}, seed {}); percentiles Pn: n % of the draws lie below\n",
        s.draws,
        match s.method {
            crate::sections::uncertainty::Method::Lhs => "Latin hypercube",
            crate::sections::uncertainty::Method::Mc => "Monte Carlo",
        },
        s.seed
    );
    out.push_str("\ninputs\n");
    let width = super::column(s.inputs.iter().map(|i| i.path.len()), 0);
    let inputs = TextTable::new([
        TextColumn::left(width),
        TextColumn::left(10).gap(2),
        TextColumn::left(0).gap(2),
    ]);
    for i in &s.inputs {
        out.push_str(&inputs.line(&[
            i.path.as_str(),
            i.distribution.key(),
            &format!(
                "P10 {} … P90 {} {}",
                significant(i.p10),
                significant(i.p90),
                i.unit
            ),
        ]));
    }
    let names: Vec<&str> = option_names(s);
    let w = super::column(names.iter().map(|n| n.len()), 6);
    let mut columns = vec![TextColumn::left(w)];
    columns.extend([TextColumn::right(10); 5]);
    columns.push(TextColumn::right(8).gap(3));
    let npv = TextTable::new(columns);
    out.push_str(&format!("\nNPV, {}\n", s.currency));
    out.push_str(&npv.line(&["option", "base", "mean", "P5", "P50", "P95", "P(NPV<0)"]));
    for name in &names {
        let Some(o) = s.output(name, "npv") else {
            continue;
        };
        match &o.spread {
            Some(sp) => out.push_str(&npv.line(&[
                *name,
                &o.base.map_or("-".to_string(), whole),
                &whole(sp.mean),
                &whole(sp.p5),
                &whole(sp.p50),
                &whole(sp.p95),
                &percent(o.probability_negative),
            ])),
            None => out.push_str(&format!("  {name:w$}  (no draw appraised)\n")),
        }
    }
    let mut columns = vec![TextColumn::left(w)];
    columns.extend([TextColumn::right(7); 4]);
    columns.push(TextColumn::right(15).gap(3));
    let payback = TextTable::new(columns);
    out.push_str("\nsimple payback, years\n");
    out.push_str(&payback.line(&["option", "P10", "P50", "P90", "never", "P(not low-cost)"]));
    for name in names.iter().filter(|n| **n != PORTFOLIO) {
        let Some(o) = s.output(name, "simple_payback") else {
            continue;
        };
        let draws = o.values.len().max(1) as f64;
        let never = if o.values.is_empty() {
            "-".to_string()
        } else {
            percent(Some(f64::from(o.undefined) / draws))
        };
        match &o.spread {
            Some(sp) => out.push_str(&payback.line(&[
                *name,
                &years(sp.p10),
                &years(sp.p50),
                &years(sp.p90),
                &never,
                &percent(o.probability_not_low_cost),
            ])),
            None => out.push_str(&format!(
                "  {name:w$} never pays back   {:>6}\n",
                percent(o.probability_not_low_cost)
            )),
        }
    }
    out.push_str(
        "\nwhat drives the NPV: each input from its P10 to its P90, the others as written\n",
    );
    for name in &names {
        let Some(o) = s.output(name, "npv") else {
            continue;
        };
        out.push_str(&format!("  {name}\n"));
        tornado(o, &mut out);
    }
    for w in &s.warnings {
        out.push_str(&format!("\nwarning: {w}\n"));
    }
    out
}

/// The options in order, then the portfolio.
fn option_names(s: &Simulation) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for o in &s.outputs {
        if !names.contains(&o.option.as_str()) {
            names.push(&o.option);
        }
    }
    names
}

/// The widest five bars of an output's tornado, with the rank correlation from the draws.
fn tornado(o: &RiskOutput, out: &mut String) {
    let bars: Vec<_> = o
        .tornado
        .iter()
        .filter(|b| b.swing.is_some_and(|x| x != 0.0))
        .take(5)
        .collect();
    if bars.is_empty() {
        out.push_str("    no input moves it\n");
        return;
    }
    let width = super::column(bars.iter().map(|b| b.input.len()), 0);
    for b in bars {
        let rho = o
            .sensitivity
            .iter()
            .find(|x| x.input == b.input)
            .map_or(String::new(), |x| {
                format!("  rank corr. {:+.2}", x.spearman)
            });
        out.push_str(&format!(
            "    {:width$}  {:>10} … {:>10}  swing {:>10}{rho}\n",
            b.input,
            b.at_p10.map_or("-".to_string(), whole),
            b.at_p90.map_or("-".to_string(), whole),
            b.swing.map_or("-".to_string(), whole),
        ));
    }
}

fn percent(p: Option<f64>) -> String {
    p.map_or("-".to_string(), |p| format!("{:.1} %", p * 100.0))
}

fn years(y: f64) -> String {
    format!("{y:.2}")
}
