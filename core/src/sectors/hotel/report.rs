//! The hotel benchmarks in words, for a terminal.

use super::benchmarks::{Class, HotelBenchmarks};
use crate::text_table::{TextColumn, TextTable};
use crate::units::format_significant;

fn significant(x: f64) -> String {
    format_significant(x, 4)
}

/// The end uses, the metered-water reconciliation and the indicators per guest-night with
/// their benchmarks.
pub(super) fn text(b: &HotelBenchmarks) -> String {
    let mut out = format!(
        "\nhotel water by end use ({} guest-nights/yr)\n",
        significant(b.guest_nights)
    );
    let end_uses = TextTable::new([
        TextColumn::left(28),
        TextColumn::right(10),
        TextColumn::right(10),
        TextColumn::right(14),
    ]);
    out.push_str(&end_uses.line(&["end use", "m3/yr", "hot m3/yr", "L/guest-night"]));
    for u in &b.end_uses {
        out.push_str(&end_uses.line(&[
            u.label.as_str(),
            &significant(u.water),
            &significant(u.hot),
            &significant(u.per_guest_night),
        ]));
    }
    if let Some(r) = &b.reconciliation {
        out.push_str(&format!(
            "  metered {} m3/yr (± {}), end uses {} m3/yr: unaccounted (leaks) {} m3/yr, {} % of the metered water\n",
            significant(r.metered),
            significant(r.uncertainty),
            significant(r.modelled),
            significant(r.unaccounted),
            significant(r.share * 100.0)
        ));
    }
    out.push_str("\nbenchmarks per guest-night\n");
    let word = |c: Option<Class>| match c {
        // A benchmark of excellence is an upper bound: within it is at or below it.
        Some(Class::Below | Class::Within) => "at or below",
        Some(Class::Above) => "above",
        None => "-",
    };
    let mut sources = Vec::new();
    // The unit and the published range, unpadded, two spaces after the figures.
    let indicators = TextTable::new([
        TextColumn::left(34),
        TextColumn::right(10),
        TextColumn::right(10),
        TextColumn::left(0).gap(2),
        TextColumn::left(0).gap(2),
    ]);
    for i in &b.indicators {
        let mut cells = vec![
            i.label.clone(),
            significant(i.before),
            i.after.map_or("-".to_string(), significant),
            i.unit.clone(),
        ];
        if let Some(r) = &i.reference {
            sources.push(r.source.clone());
            cells.push(format!(
                "≤ {} ({}): {} before, {} after [{}]",
                significant(r.high),
                r.label,
                word(i.class_before),
                word(i.class_after),
                sources.len()
            ));
        }
        out.push_str(&indicators.line(&cells));
    }
    for (k, s) in sources.iter().enumerate() {
        out.push_str(&format!("  [{}] {}\n", k + 1, s));
    }
    if !b.warnings.is_empty() {
        out.push_str("warnings:\n");
        for w in &b.warnings {
            out.push_str(&format!("  - {w}\n"));
        }
    }
    out
}
