//! The automotive benchmarks in words, for a terminal.

use super::benchmarks::{AutomotiveBenchmarks, Class};
use crate::text_table::{TextColumn, TextTable};
use crate::units::format_significant;

fn significant(x: f64) -> String {
    format_significant(x, 4)
}

/// The rinses, the metal balance and the indicators with their published ranges.
pub(super) fn text(b: &AutomotiveBenchmarks) -> String {
    let mut out = String::new();
    if !b.rinses.is_empty() {
        out.push_str(&format!(
            "\nplating rinses ({} m2/yr plated)\n",
            significant(b.area_plated)
        ));
        let mut columns = vec![
            TextColumn::left(14),
            TextColumn::left(16),
            TextColumn::right(8),
        ];
        columns.extend([TextColumn::right(10); 5]);
        let rinses = TextTable::new(columns);
        out.push_str(&rinses.line(&[
            "tank",
            "rinse",
            "L/m2",
            "ratio",
            "m3/yr",
            "exact",
            "approx.",
            "metal kg/yr",
        ]));
        for r in &b.rinses {
            let kind = if r.stages > 1 {
                format!("{} x{}", r.kind, r.stages)
            } else {
                r.kind.clone()
            };
            out.push_str(&rinses.line(&[
                r.tank.as_str(),
                &kind,
                &significant(r.drag_out),
                &significant(r.ratio),
                &significant(r.water),
                &significant(r.required),
                &significant(r.approximate),
                &significant(r.metal_lost),
            ]));
        }
        out.push_str("  (exact: the water the rinse criterion needs by the rinse equations; approx.: by (C0/Cn)^(1/n))\n");
    }
    if !b.metals.is_empty() {
        out.push_str("\nmetal balance, kg/yr (bought = to sludge + to effluent)\n");
        for m in &b.metals {
            out.push_str(&format!(
                "  {:<12} bought {:>10}  sludge {:>10}  effluent {:>10}",
                m.metal,
                significant(m.bought),
                significant(m.to_sludge),
                significant(m.to_effluent)
            ));
            if let Some([x, y, z]) = m.after {
                out.push_str(&format!(
                    "   after: {} = {} + {}",
                    significant(x),
                    significant(y),
                    significant(z)
                ));
            }
            out.push('\n');
        }
    }
    out.push_str("\nindicators\n");
    let word = |c: Option<Class>| match c {
        Some(Class::Below) => "below",
        Some(Class::Within) => "within",
        Some(Class::Above) => "above",
        None => "-",
    };
    let mut sources = Vec::new();
    // The unit and the published range, unpadded, two spaces after the figures.
    let indicators = TextTable::new([
        TextColumn::left(48),
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
                "{}-{} ({}): {} before, {} after [{}]",
                significant(r.low),
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
