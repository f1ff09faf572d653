//! The tanning benchmarks in words, for a terminal.

use super::{ChromeBalance, Class, TanningBenchmarks};
use crate::text_table::{TextColumn, TextTable};
use crate::units::format_significant;

fn significant(x: f64) -> String {
    format_significant(x, 4)
}

/// A tannery's indicators per tonne of raw hide, before and after the options, with the
/// published ranges they are compared with, the chrome balance and the warnings.
pub(super) fn text(b: &TanningBenchmarks) -> String {
    let mut out = format!(
        "\nbenchmarks per tonne of raw hide ({} t/yr)\n",
        significant(b.raw_hides)
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
        TextColumn::left(6).gap(2),
    ]);
    out.push_str(&indicators.line(&["indicator", "before", "after", "unit", "published range"]));
    let word = |c: Option<Class>| match c {
        Some(Class::Below) => "below",
        Some(Class::Within) => "within",
        Some(Class::Above) => "above",
        None => "",
    };
    let mut sources = Vec::new();
    for i in &b.indicators {
        let after = i.after.map_or("-".to_string(), significant);
        let range = match &i.reference {
            Some(r) => {
                if !sources.contains(&r.source) {
                    sources.push(r.source.clone());
                }
                format!(
                    "{}-{} ({}): {} before, {} after [{}]",
                    significant(r.low),
                    significant(r.high),
                    r.label,
                    word(i.class_before),
                    if i.after.is_some() {
                        word(i.class_after)
                    } else {
                        "-"
                    },
                    sources
                        .iter()
                        .position(|s| s == &r.source)
                        .map_or(0, |k| k + 1)
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
    let chrome = |c: &ChromeBalance| {
        let mut shavings = String::new();
        if c.in_shavings > 0.0 {
            shavings.push_str(&format!(
                ", in shavings {} t",
                significant(c.in_shavings / 1_000.0)
            ));
        }
        if c.in_sludge > 0.0 {
            shavings.push_str(&format!(
                ", in sludge {} t",
                significant(c.in_sludge / 1_000.0)
            ));
        }
        format!(
            "bought {} t, in the leather {} t, discharged {} t{shavings}",
            significant(c.bought / 1_000.0),
            significant(c.in_leather / 1_000.0),
            significant(c.in_effluent / 1_000.0)
        )
    };
    if let Some(c) = &b.chrome_before {
        out.push_str(&format!(
            "  chrome (Cr2O3 per year) before: {}\n",
            chrome(c)
        ));
    }
    if let Some(a) = &b.chrome_after {
        out.push_str(&format!("  chrome after the options: {}\n", chrome(a)));
    }
    for warning in &b.warnings {
        out.push_str(&format!("  warning: {warning}\n"));
    }
    out
}
