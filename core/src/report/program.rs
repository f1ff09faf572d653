//! A programme as text, in the terms programmes report: sites, options, investment, savings,
//! payback, water m3, chemicals t, energy MWh, solid waste t, CO2 t.

use super::{TextColumn, TextTable, column, significant, whole};
use crate::program::{Amounts, Figures, Group, Programme};

/// The programme as plain text for a terminal.
///
/// ```
/// use cleanprod::{program, report};
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
/// let sources = ["hotel.toml", "tannery.toml"]
///     .map(|f| program::Source::toml(f, std::fs::read_to_string(format!("{dir}/{f}")).unwrap()));
/// let p = program::evaluate(&sources, &program::Settings::default());
/// let out = report::programme_text(&p);
/// assert!(out.contains("2 sites"));
/// assert!(out.contains("MXN") && out.contains("USD"));
/// assert!(out.contains("water"));
/// ```
pub fn programme_text(p: &Programme) -> String {
    let t = &p.totals;
    let set_aside: u32 = p.sites.iter().map(|s| s.set_aside).sum();
    let mut out = format!(
        "programme: {} documents, {} sites evaluated, {} failed\n  options: {} in the sites' portfolios ({} set aside for a better alternative)\n",
        p.documents,
        t.sites,
        p.failures.len(),
        t.options,
        set_aside
    );
    out.push_str(&money_table(&t.money, "  "));
    out.push_str(&format!("  per year: {}\n", amounts_words(&t.per_year)));
    out.push_str(&format!(
        "  over the options' lives: {}\n",
        amounts_words(&t.over_life)
    ));
    if !t.per_year.chemicals_t.is_empty() {
        out.push_str("  chemicals and materials, t/yr:");
        for (name, x) in &t.per_year.chemicals_t {
            out.push_str(&format!(" {name} {};", significant(*x)));
        }
        out.pop();
        out.push('\n');
    }
    if !t.per_year.by_products_t.is_empty() {
        out.push_str("  by-products sold, t/yr more:");
        for (name, x) in &t.per_year.by_products_t {
            out.push_str(&format!(" {name} {};", significant(*x)));
        }
        out.pop();
        out.push('\n');
    }
    if t.co2_not_counted > 0 {
        out.push_str(&format!(
            "  CO2 of {} options not counted (an energy carrier without an emission factor)\n",
            t.co2_not_counted
        ));
    }
    if !t.per_year.not_counted.is_empty() {
        out.push_str(&format!(
            "  not counted in these figures: {}\n",
            t.per_year.not_counted.join(", ")
        ));
    }
    for (title, groups) in [
        ("by sector", &p.by_sector),
        ("by cost class", &p.by_cost_class),
        ("by status", &p.by_status),
        ("by UNEP category", &p.by_category),
    ] {
        out.push('\n');
        out.push_str(&groups_table(title, groups));
    }
    out.push('\n');
    let w = column(p.sites.iter().map(|s| s.document.len()), 8);
    let mut columns = vec![TextColumn::left(w), TextColumn::left(10).gap(2)];
    columns.extend([4, 14, 14, 8, 10, 10, 8].map(TextColumn::right));
    let table = TextTable::new(columns);
    out.push_str("sites\n");
    out.push_str(&table.line(&[
        "document",
        "sector",
        "opt.",
        "investment",
        "saving/yr",
        "payback",
        "water m3",
        "MWh",
        "CO2 t",
    ]));
    for s in &p.sites {
        out.push_str(&table.line(&[
            s.document.as_str(),
            s.sector.key(),
            &s.options.to_string(),
            &format!("{} {}", whole(s.capex), s.currency),
            &format!("{} {}", whole(s.annual_saving), s.currency),
            &years(s.simple_payback_years),
            &whole(s.per_year.water_m3),
            &whole(s.per_year.energy_mwh),
            &whole(s.per_year.co2_t),
        ]));
    }
    if !p.failures.is_empty() {
        out.push_str("\nfailed\n");
        for f in &p.failures {
            out.push_str(&format!("  {}: {} [{}]\n", f.document, f.message, f.code));
        }
    }
    out
}

fn years(y: Option<f64>) -> String {
    y.map_or("-".to_string(), |y| format!("{y:.1} yr"))
}

/// Money per currency as a table, each line indented by `indent`.
fn money_table(money: &[crate::program::MoneyFigures], indent: &str) -> String {
    let mut columns = vec![TextColumn::left(8)];
    columns.extend([5, 7, 16, 16, 8, 16].map(TextColumn::right));
    let table = TextTable::new(columns).indent(indent.len());
    let mut out = table.line(&[
        "currency",
        "sites",
        "options",
        "investment",
        "saving/yr",
        "payback",
        "NPV",
    ]);
    for m in money {
        out.push_str(&table.line(&[
            m.currency.as_str(),
            &m.sites.to_string(),
            &m.options.to_string(),
            &whole(m.investment),
            &whole(m.annual_saving),
            &years(m.simple_payback_years),
            &whole(m.npv),
        ]));
        let r = &m.reported;
        if r.investment_options + r.saving_options > 0 {
            out.push_str(&format!(
                "{indent}  reported (implemented): investment {} estimated {} ({} options); saving {}/yr estimated {}/yr ({} options)\n",
                whole(r.investment_reported),
                whole(r.investment_estimated),
                r.investment_options,
                whole(r.annual_saving_reported),
                whole(r.annual_saving_estimated),
                r.saving_options
            ));
        }
    }
    out
}

/// The amounts in words: water, wastewater, chemicals, energy, solid waste, CO2.
pub(super) fn amounts_words(a: &Amounts) -> String {
    format!(
        "water {} m3, wastewater {} m3, chemicals {} t, energy {} MWh, solid waste {} t, CO2 {} t",
        whole(a.water_m3),
        whole(a.wastewater_m3),
        significant(a.chemicals_total_t()),
        whole(a.energy_mwh),
        significant(a.solid_waste_t),
        whole(a.co2_t)
    )
}

/// One line per group: sites, options, then money per currency and the amounts per year.
fn groups_table(title: &str, groups: &[Group]) -> String {
    let w = column(groups.iter().map(|g| g.key.len()), 10);
    let mut columns = vec![TextColumn::left(w)];
    columns.extend([5, 7, 10, 10, 10, 8].map(TextColumn::right));
    // The money per currency, unpadded, two spaces after the figures.
    columns.push(TextColumn::left(0).gap(2));
    let table = TextTable::new(columns);
    let mut out = format!("{title}\n");
    out.push_str(&table.line(&[
        "",
        "sites",
        "options",
        "water m3",
        "chem. t",
        "MWh",
        "CO2 t",
        "investment; saving/yr",
    ]));
    for g in groups {
        let f: &Figures = &g.figures;
        let money: Vec<String> = f
            .money
            .iter()
            .map(|m| {
                format!(
                    "{} {c}; {} {c}",
                    whole(m.investment),
                    whole(m.annual_saving),
                    c = m.currency
                )
            })
            .collect();
        out.push_str(&table.line(&[
            g.key.as_str(),
            &f.sites.to_string(),
            &f.options.to_string(),
            &whole(f.per_year.water_m3),
            &significant(f.per_year.chemicals_total_t()),
            &whole(f.per_year.energy_mwh),
            &whole(f.per_year.co2_t),
            &money.join(" | "),
        ]));
    }
    out
}
