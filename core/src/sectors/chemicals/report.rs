//! The chemicals benchmarks in words, for a terminal.

use super::benchmarks::{ChemicalsBenchmarks, Class};
use crate::text_table::{TextColumn, TextTable};
use crate::units::format_significant;

fn significant(x: f64) -> String {
    format_significant(x, 4)
}

fn word(c: Option<Class>) -> &'static str {
    match c {
        Some(Class::Below) => "below",
        Some(Class::Within) => "within",
        Some(Class::Above) => "above",
        None => "-",
    }
}

/// Where the mass goes, the balance per product, the indicators per kilogram of product and
/// the E factor against Sheldon's ranges.
pub(super) fn text(b: &ChemicalsBenchmarks) -> String {
    let o = &b.outflows;
    let mut out = format!(
        "\nwhere the mass goes (t/yr): product {}, solvent to air {}, hazardous waste {}, effluent {} (water {})\n",
        significant(o.product / 1e3),
        significant(o.air / 1e3),
        significant(o.hazardous_waste / 1e3),
        significant(o.effluent / 1e3),
        significant(o.effluent_water / 1e3)
    );
    let mut columns = vec![TextColumn::left(24)];
    columns.extend([10, 10, 10, 10, 8, 8].map(TextColumn::right));
    let products = TextTable::new(columns);
    out.push_str(&products.line(&[
        "product",
        "t/yr",
        "in t/yr",
        "waste t/yr",
        "water t/yr",
        "E",
        "PMI",
    ]));
    for p in &b.products {
        out.push_str(&products.line(&[
            p.name.as_str(),
            &significant(p.product / 1e3),
            &significant(p.inputs / 1e3),
            &significant(p.waste / 1e3),
            &significant(p.water / 1e3),
            &significant(p.e_factor),
            &significant(p.pmi),
        ]));
    }
    out.push_str("\nindicators per kg of product\n");
    let mut sources = Vec::new();
    // The unit and the published range, unpadded, two spaces after the figures.
    let indicators = TextTable::new([
        TextColumn::left(30),
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
            if !sources.contains(&r.source) {
                sources.push(r.source.clone());
            }
            cells.push(format!(
                "{} to {} ({}): {} before, {} after",
                significant(r.low),
                significant(r.high),
                r.label,
                word(i.class_before),
                word(i.class_after)
            ));
        }
        out.push_str(&indicators.line(&cells));
    }
    out.push_str("E factor against each segment (water excluded)\n");
    for s in &b.segments {
        out.push_str(&format!(
            "  {:<18} {:>6} to {:<6} {} before, {} after\n",
            s.range.label,
            significant(s.range.low),
            significant(s.range.high),
            word(Some(s.before)),
            word(s.after)
        ));
        if !sources.contains(&s.range.source) {
            sources.push(s.range.source.clone());
        }
    }
    for (k, s) in sources.iter().enumerate() {
        out.push_str(&format!("  [{}] {}\n", k + 1, s));
    }
    out.push_str(&format!("  definitions: {}\n", b.definitions));
    if !b.warnings.is_empty() {
        out.push_str("warnings:\n");
        for w in &b.warnings {
            out.push_str(&format!("  - {w}\n"));
        }
    }
    out
}
