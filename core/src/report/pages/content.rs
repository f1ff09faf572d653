//! What both reports share: labels and numbers in the report's language, tables, and the
//! sections of environmental results and of assumptions.

use std::collections::BTreeMap;

use super::labels::{self, Label};
use super::locale;
use super::{Block, Section, Table};
use crate::assessment::Assessment;
use crate::flowsheet::{Carrier, ValueStatus};
use crate::options::{Category, CostClass, Saving};
use crate::sections::{Lang, RateBasis};

/// The language and currency a report is written in.
#[derive(Debug, Clone)]
pub(super) struct Words {
    pub lang: Lang,
    pub currency: String,
}

impl Words {
    /// The label's text.
    pub fn t(&self, label: Label) -> &'static str {
        labels::text(self.lang, label)
    }

    /// The label's text with `{cur}` filled and the other `holes` filled in order.
    pub fn fill(&self, label: Label, holes: &[(&str, &str)]) -> String {
        let mut s = self.t(label).replace("{cur}", &self.currency);
        for (k, v) in holes {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    /// Money, whole units.
    pub fn money(&self, x: f64) -> String {
        locale::money(self.lang, x)
    }

    /// A number with `decimals` decimals.
    pub fn fixed(&self, x: f64, decimals: usize) -> String {
        locale::fixed(self.lang, x, decimals)
    }

    /// Four significant digits.
    pub fn sig(&self, x: f64) -> String {
        locale::significant(self.lang, x)
    }

    /// A fraction as a percentage.
    pub fn percent(&self, fraction: f64) -> String {
        locale::percent(self.lang, fraction)
    }

    /// An engine's text (a quantity with its unit) with localized numbers.
    pub fn text(&self, s: &str) -> String {
        locale::text(self.lang, s)
    }

    /// Years with one decimal, or "never".
    pub fn years(&self, y: Option<f64>) -> String {
        y.map_or_else(|| self.t(Label::Never).to_string(), |y| self.fixed(y, 1))
    }

    /// A rate of return, or "none".
    pub fn rate(&self, r: Option<f64>) -> String {
        r.map_or_else(|| self.t(Label::NoIrr).to_string(), |r| self.percent(r))
    }

    /// A UNEP category in words.
    pub fn category(&self, c: Category) -> &'static str {
        self.t(match c {
            Category::GoodHousekeeping => Label::GoodHousekeeping,
            Category::InputSubstitution => Label::InputSubstitution,
            Category::BetterProcessControl => Label::BetterProcessControl,
            Category::EquipmentModification => Label::EquipmentModification,
            Category::TechnologyChange => Label::TechnologyChange,
            Category::OnSiteRecovery => Label::OnSiteRecovery,
            Category::UsefulByProduct => Label::UsefulByProduct,
            Category::ProductModification => Label::ProductModification,
        })
    }

    /// A cost class in words (the heading of its table).
    pub fn cost_class(&self, c: CostClass) -> &'static str {
        self.t(match c {
            CostClass::NoCost => Label::NoCost,
            CostClass::LowCost => Label::LowCost,
            CostClass::Investment => Label::InvestmentClass,
        })
    }

    /// A cost class as one word (`low-cost`).
    pub fn class_word(&self, c: CostClass) -> &'static str {
        self.t(match c {
            CostClass::NoCost => Label::NoCostWord,
            CostClass::LowCost => Label::LowCostWord,
            CostClass::Investment => Label::InvestmentWord,
        })
    }

    /// How a balance value was obtained, in words.
    pub fn status(&self, s: ValueStatus) -> &'static str {
        self.t(match s {
            ValueStatus::Measured => Label::Measured,
            ValueStatus::Reconciled => Label::Reconciled,
            ValueStatus::Estimated => Label::Estimated,
            ValueStatus::Solved => Label::Solved,
            ValueStatus::Undetermined => Label::Undetermined,
        })
    }

    /// Real or nominal.
    pub fn basis(&self, b: RateBasis) -> &'static str {
        self.t(match b {
            RateBasis::Real => Label::RateReal,
            RateBasis::Nominal => Label::RateNominal,
        })
    }
}

/// A table whose columns after the first are numeric as `numeric` says.
pub(super) fn table(caption: String, head: Vec<String>, numeric: &[bool]) -> Table {
    Table {
        caption,
        numeric: numeric.to_vec(),
        head,
        rows: Vec::new(),
        foot: Vec::new(),
    }
}

/// A section.
pub(super) fn section(id: &str, heading: &str, blocks: Vec<Block>) -> Section {
    Section {
        id: id.to_string(),
        heading: heading.to_string(),
        blocks,
    }
}

/// A paragraph.
pub(super) fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}

/// A list, left out when it has no items.
pub(super) fn list(title: &str, items: Vec<String>) -> Option<Block> {
    (!items.is_empty()).then(|| Block::List {
        title: title.to_string(),
        items,
    })
}

/// Savings summed by resource, in the units a report states them in: m3, t (from kg), MWh
/// (from kWh), per year; others as the engine gives them.
pub(super) fn environmental_rows(w: &Words, savings: &[&Saving], co2_t: Option<f64>) -> Table {
    let mut sums: BTreeMap<(&str, &str), f64> = BTreeMap::new();
    for s in savings {
        *sums.entry((&s.resource, &s.unit)).or_default() += s.amount;
    }
    let mut t = table(
        w.t(Label::EnvironmentCaption).to_string(),
        vec![
            w.t(Label::Resource).to_string(),
            w.t(Label::Quantity).to_string(),
            w.t(Label::Unit).to_string(),
        ],
        &[false, true, false],
    );
    let per = w.t(Label::PerYearUnit);
    for ((resource, unit), amount) in sums {
        let (value, unit) = in_report_unit(amount, unit);
        t.rows.push(vec![
            resource.to_string(),
            w.sig(value),
            format!("{unit}{per}"),
        ]);
    }
    if let Some(co2) = co2_t {
        t.rows.push(vec![
            w.t(Label::Co2Avoided).to_string(),
            w.sig(co2),
            format!("t CO2{per}"),
        ]);
    }
    t
}

/// An amount per year in the engine's unit (`kg/yr`, `kWh/yr`, `m3/yr`) in the unit a report
/// states it in (t, MWh, m3), without the "per year".
pub(super) fn in_report_unit(amount: f64, unit: &str) -> (f64, String) {
    match unit {
        "kg/yr" => (amount / 1_000.0, "t".to_string()),
        "kWh/yr" => (amount / 1_000.0, "MWh".to_string()),
        u => (amount, u.trim_end_matches("/yr").to_string()),
    }
}

/// The appraisal settings and the emission factors, each with where it comes from.
pub(super) fn finance_assumptions(w: &Words, a: &Assessment) -> Vec<String> {
    let f = &a.document().finance;
    let mut items = vec![
        format!(
            "{}: {} ({})",
            w.t(Label::DiscountRate),
            w.text(&f.discount_rate.to_string()),
            w.basis(f.rate_basis)
        ),
        format!(
            "{}: {}",
            w.t(Label::Horizon),
            w.text(&f.horizon.to_string())
        ),
        format!(
            "{}: {}",
            w.t(Label::Inflation),
            f.inflation.as_ref().map_or_else(
                || w.t(Label::NoneGiven).to_string(),
                |i| w.text(&i.to_string())
            )
        ),
        format!(
            "{}: {}",
            w.t(Label::LowCostThreshold),
            match &f.low_cost_payback {
                Some(t) => w.text(&t.to_string()),
                None => w.fill(Label::EngineDefault, &[("v", "1 yr")]),
            }
        ),
    ];
    items.extend(emission_factors(w, a));
    items
}

/// The CO2 factor of every carrier the site uses or an option saves: the document's, else
/// the engine's default with its source.
fn emission_factors(w: &Words, a: &Assessment) -> Vec<String> {
    let doc = a.document();
    let mut used: Vec<String> = Vec::new();
    if let Ok(Some(b)) = a.balance()
        && let Some(e) = &b.energy
    {
        used.extend(e.carriers.keys().cloned());
    }
    if let Ok(e) = a.evaluate() {
        for o in &e.options {
            used.extend(o.savings.iter().map(|s| s.resource.clone()));
        }
    }
    Carrier::ALL
        .iter()
        .filter(|c| used.iter().any(|u| u == c.key()))
        .filter_map(|c| {
            let (factor, source) = match doc.ghg.get(c) {
                Some(f) => (f.to_string(), w.t(Label::FromTheDocument).to_string()),
                None => {
                    let kg_per_j = crate::ghg::default_co2_factor(*c)?;
                    (
                        format!(
                            "{} kg/kWh",
                            crate::units::format_significant(kg_per_j * 3.6e6, 4)
                        ),
                        w.t(Label::DefaultOfEngine).to_string(),
                    )
                }
            };
            Some(format!(
                "{} ({}): {} ({source})",
                w.t(Label::EmissionFactors),
                c.key(),
                w.text(&factor)
            ))
        })
        .collect()
}

/// "Site name — location".
pub(crate) fn subtitle(r: &crate::assessment::Report) -> String {
    if r.summary.location.is_empty() {
        r.summary.site.clone()
    } else {
        format!("{} — {}", r.summary.site, r.summary.location)
    }
}
