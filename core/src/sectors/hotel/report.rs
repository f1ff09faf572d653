//! The hotel benchmarks in words, for a terminal.

use super::benchmarks::{Class, HotelBenchmarks};
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
    out.push_str(&format!(
        "  {:<28} {:>10} {:>10} {:>14}\n",
        "end use", "m3/yr", "hot m3/yr", "L/guest-night"
    ));
    for u in &b.end_uses {
        out.push_str(&format!(
            "  {:<28} {:>10} {:>10} {:>14}\n",
            u.label,
            significant(u.water),
            significant(u.hot),
            significant(u.per_guest_night)
        ));
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
    for i in &b.indicators {
        let after = i.after.map_or("-".to_string(), significant);
        out.push_str(&format!(
            "  {:<34} {:>10} {:>10}  {}",
            i.label,
            significant(i.before),
            after,
            i.unit
        ));
        if let Some(r) = &i.reference {
            sources.push(r.source.clone());
            out.push_str(&format!(
                "  ≤ {} ({}): {} before, {} after [{}]",
                significant(r.high),
                r.label,
                word(i.class_before),
                word(i.class_after),
                sources.len()
            ));
        }
        out.push('\n');
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
