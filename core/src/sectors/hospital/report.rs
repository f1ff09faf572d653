//! The hospital benchmarks in words, for a terminal.

use super::benchmarks::{Class, HospitalBenchmarks};
use crate::text_table::{TextColumn, TextTable};
use crate::units::format_significant;

fn significant(x: f64) -> String {
    format_significant(x, 4)
}

/// A hospital's indicators per bed-day, before and after the options, with the published
/// ranges they are compared with and the warnings.
pub(super) fn text(b: &HospitalBenchmarks) -> String {
    let mut out = format!(
        "\nbenchmarks per bed-day ({} bed-days/yr, {}-income country)\n",
        crate::units::format_number(crate::units::round_to(b.bed_days, 6)),
        b.income
    );
    let w = b
        .indicators
        .iter()
        .map(|i| i.label.len())
        .max()
        .unwrap_or(10);
    // The published range after the unit, unpadded.
    let indicators = TextTable::new([
        TextColumn::left(w),
        TextColumn::right(10).gap(2),
        TextColumn::right(10),
        TextColumn::left(10).gap(2),
    ]);
    out.push_str(&indicators.line(&["indicator", "before", "after", "unit", "published range"]));
    let word = |c: Option<Class>| match c {
        Some(Class::Below) => "below",
        Some(Class::Within) => "within",
        Some(Class::Above) => "above",
        None => "-",
    };
    let mut sources: Vec<String> = Vec::new();
    for i in &b.indicators {
        let after = i.after.map_or("-".to_string(), significant);
        let range = match &i.reference {
            Some(r) => {
                let k = match sources.iter().position(|s| s == &r.source) {
                    Some(k) => k + 1,
                    None => {
                        sources.push(r.source.clone());
                        sources.len()
                    }
                };
                format!(
                    "{}-{} ({}): {} before, {} after [{k}]",
                    significant(r.low),
                    significant(r.high),
                    r.label,
                    word(i.class_before),
                    if i.after.is_some() {
                        word(i.class_after)
                    } else {
                        "-"
                    },
                )
            }
            None => String::new(),
        };
        out.push_str(&indicators.line(&[
            i.label.as_str(),
            &significant(i.before),
            &after,
            &i.unit,
            &range,
        ]));
    }
    for (k, s) in sources.iter().enumerate() {
        out.push_str(&format!("  [{}] {s}\n", k + 1));
    }
    if !b.routes.is_empty() {
        out.push_str("\nwaste treatment routes (t/yr, cost per year at the route's price)\n");
        let mut columns = vec![TextColumn::left(24)];
        columns.extend([10, 10, 12, 12, 12].map(TextColumn::right));
        let routes = TextTable::new(columns);
        out.push_str(&routes.line(&[
            "route",
            "t before",
            "t after",
            "per t",
            "cost before",
            "cost after",
        ]));
        let money = |x: Option<f64>| x.map_or("-".to_string(), significant);
        for r in &b.routes {
            out.push_str(&routes.line(&[
                r.route.as_str(),
                &significant(r.tonnes_before),
                &money(r.tonnes_after),
                &money(r.price),
                &money(r.cost_before),
                &money(r.cost_after),
            ]));
        }
    }
    for warning in &b.warnings {
        out.push_str(&format!("  warning: {warning}\n"));
    }
    out
}
