//! A programme's results by group (sector, cost class, status or category): one row per
//! group, one panel per figure (investment, annual saving, water, energy, CO2, solid waste,
//! chemicals), each panel on its own scale from zero, as a centre's or a fund's yearly report
//! shows them.

use serde::{Deserialize, Serialize};

use super::axis::Scale;
use super::bars::{BAR, bar, row_label, scale_end, value_label};
use super::svg::{Svg, Tag};
use super::words::{W, Words};
use super::{Chart, ChartKind, DataTable, element_id};
use crate::error::{Error, Result};
use crate::program::{Figures, Group, Programme};
use crate::report::significant;
use crate::sections::Lang;

/// How a programme's options are grouped.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Breakdown {
    /// By the sites' sector.
    #[default]
    Sector,
    /// By cost class (no cost, low cost, investment).
    CostClass,
    /// By implementation status (identified, planned, implemented).
    Status,
    /// By UNEP/UNIDO category.
    Category,
}

impl Breakdown {
    /// Every breakdown.
    pub const ALL: [Breakdown; 4] = [
        Breakdown::Sector,
        Breakdown::CostClass,
        Breakdown::Status,
        Breakdown::Category,
    ];

    /// Its name (`"cost_class"`).
    pub fn key(self) -> &'static str {
        match self {
            Breakdown::Sector => "sector",
            Breakdown::CostClass => "cost_class",
            Breakdown::Status => "status",
            Breakdown::Category => "category",
        }
    }

    /// The programme's groups of this breakdown.
    fn groups(self, p: &Programme) -> &[Group] {
        match self {
            Breakdown::Sector => &p.by_sector,
            Breakdown::CostClass => &p.by_cost_class,
            Breakdown::Status => &p.by_status,
            Breakdown::Category => &p.by_category,
        }
    }

    fn word(self) -> W {
        match self {
            Breakdown::Sector => W::BySector,
            Breakdown::CostClass => W::ByCostClass,
            Breakdown::Status => W::ByStatus,
            Breakdown::Category => W::ByCategory,
        }
    }
}

impl std::str::FromStr for Breakdown {
    type Err = Error;

    /// A breakdown from its name.
    ///
    /// ```
    /// use cleanprod::report::charts::programme::Breakdown;
    /// assert_eq!("cost_class".parse::<Breakdown>().unwrap(), Breakdown::CostClass);
    /// assert_eq!("size".parse::<Breakdown>().unwrap_err().path(), "by");
    /// ```
    fn from_str(s: &str) -> Result<Breakdown> {
        Breakdown::ALL
            .iter()
            .copied()
            .find(|b| b.key() == s)
            .ok_or_else(|| Error::UnknownVariant {
                path: "by".to_string(),
                value: s.to_string(),
                expected: Breakdown::ALL.map(Breakdown::key).join(", "),
            })
    }
}

/// What to draw of a programme, as the bindings pass it (`{"by": "status", "lang": "es"}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProgrammeChartOptions {
    /// The groups (sector when absent).
    pub by: Breakdown,
    /// The chart's language (English when absent).
    pub lang: Option<Lang>,
}

impl ProgrammeChartOptions {
    /// Options from their JSON form; errors name the field.
    ///
    /// ```
    /// use cleanprod::report::charts::programme::ProgrammeChartOptions;
    /// let e = ProgrammeChartOptions::from_json_value(serde_json::json!({"by": "size"})).unwrap_err();
    /// assert_eq!(e.path(), "by");
    /// ```
    pub fn from_json_value(value: serde_json::Value) -> Result<ProgrammeChartOptions> {
        crate::wire::typed(&value)
    }
}

const LABELS: f64 = 150.0;
const PANEL: f64 = 150.0;
const GAP: f64 = 14.0;
/// Share of a panel the longest bar takes: its value is written after it.
const BAR_SHARE: f64 = 0.62;
const TOP: f64 = 80.0;
const ROW: f64 = 24.0;
const POSITIVE: &str = "#4f81bd";
const NEGATIVE: &str = "#c0504d";

/// One panel: a figure of every group.
struct Panel {
    name: String,
    unit: String,
    values: Vec<f64>,
}

/// The panel's values with what is zero at its scale written as zero: a sum of options that
/// cancel leaves a residue of rounding (3.6e-15 t) that is no figure.
fn cleaned(mut values: Vec<f64>) -> Vec<f64> {
    let largest = values
        .iter()
        .filter(|v| v.is_finite())
        .fold(0.0f64, |m, v| m.max(v.abs()));
    for v in &mut values {
        if v.abs() <= 1e-12 * largest {
            *v = 0.0;
        }
    }
    values
}

/// The one currency of the programme's money, when it has one (exchange rates given, or every
/// site in the same currency).
fn one_currency(totals: &Figures) -> Option<&str> {
    match totals.money.as_slice() {
        [m] => Some(m.currency.as_str()),
        _ => None,
    }
}

/// A group's money in `currency` (zero when it has none in it).
fn money_of(f: &Figures, currency: &str, pick: fn(&crate::program::MoneyFigures) -> f64) -> f64 {
    f.money
        .iter()
        .find(|m| m.currency == currency)
        .map_or(0.0, pick)
}

/// The programme `p` by `by`: one row per group, a panel per figure (investment and annual
/// saving when the programme's money is in one currency; water, energy, CO2, solid waste and
/// chemicals saved per year), each panel on its own scale from zero, negative values (a figure
/// the options increase) in red. Panels where every group is zero are left out of the picture
/// but not of the table, which gives every figure of every group. The chart's own words are in
/// `lang`; the groups' names are the programme's keys.
///
/// ```
/// use cleanprod::{program, report::charts::{self, programme::Breakdown}};
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
/// let sources = ["hotel.toml", "hospital.toml"]
///     .map(|f| program::Source::toml(f, std::fs::read_to_string(format!("{dir}/{f}")).unwrap()));
/// let p = program::evaluate(&sources, &program::Settings::default());
/// let c = charts::programme_chart(&p, Breakdown::Sector, Default::default());
/// assert_eq!(c.table.rows.len(), p.by_sector.len());
/// assert!(c.svg.contains("data-panel=\"water\""));
/// ```
pub fn programme_chart(p: &Programme, by: Breakdown, lang: Lang) -> Chart {
    let w = Words::new(lang);
    let groups = by.groups(p);
    let currency = one_currency(&p.totals);
    let chemicals = |f: &Figures| f.per_year.chemicals_t.values().sum::<f64>();
    let mut panels: Vec<(&str, Panel)> = Vec::new();
    if let Some(cur) = currency {
        panels.push((
            "investment",
            Panel {
                name: w.t(W::Investment).to_string(),
                unit: cur.to_string(),
                values: groups
                    .iter()
                    .map(|g| money_of(&g.figures, cur, |m| m.investment))
                    .collect(),
            },
        ));
        panels.push((
            "annual_saving",
            Panel {
                name: w.t(W::AnnualSaving).to_string(),
                unit: format!("{cur}/{}", w.t(W::PerYear)),
                values: groups
                    .iter()
                    .map(|g| money_of(&g.figures, cur, |m| m.annual_saving))
                    .collect(),
            },
        ));
    }
    let per_year = |f: fn(&Figures) -> f64| groups.iter().map(|g| f(&g.figures)).collect();
    for (key, word, unit, values) in [
        (
            "water",
            W::Water,
            "m3",
            per_year(|f| f.per_year.water_m3) as Vec<f64>,
        ),
        (
            "energy",
            W::Energy,
            "MWh",
            per_year(|f| f.per_year.energy_mwh),
        ),
        ("co2", W::Co2, "t", per_year(|f| f.per_year.co2_t)),
        (
            "solid_waste",
            W::SolidWaste,
            "t",
            per_year(|f| f.per_year.solid_waste_t),
        ),
        (
            "chemicals",
            W::Chemicals,
            "t",
            groups.iter().map(|g| chemicals(&g.figures)).collect(),
        ),
    ] {
        panels.push((
            key,
            Panel {
                name: w.t(word).to_string(),
                unit: format!("{unit}/{}", w.t(W::PerYear)),
                values,
            },
        ));
    }
    for (_, panel) in &mut panels {
        panel.values = cleaned(std::mem::take(&mut panel.values));
    }
    let drawn: Vec<&(&str, Panel)> = panels
        .iter()
        .filter(|(_, panel)| panel.values.iter().any(|v| *v != 0.0 && v.is_finite()))
        .collect();

    let by_word = w.t(by.word());
    let title = w.fill(W::ProgrammeTitle, &[("by", by_word)]);
    let mut desc = w.fill(
        W::ProgrammeDesc,
        &[
            ("sites", &p.totals.sites.to_string()),
            ("options", &p.totals.options.to_string()),
            ("groups", &groups.len().to_string()),
        ],
    );
    if currency.is_none() && !p.totals.money.is_empty() {
        desc.push_str(w.t(W::ProgrammeSeveralCurrencies));
    }
    for (k, g) in groups.iter().enumerate() {
        let figures: Vec<String> = drawn
            .iter()
            .map(|(_, panel)| {
                format!(
                    "{} {} {}",
                    panel.name,
                    w.num(significant(panel.values[k])),
                    panel.unit
                )
            })
            .collect();
        desc.push_str(&format!(" {}: {}.", name_of(&g.key), figures.join(", ")));
    }

    let width = LABELS + drawn.len().max(1) as f64 * (PANEL + GAP);
    let height = TOP + groups.len().max(1) as f64 * ROW + 30.0;
    let mut svg = Svg::new(
        &element_id("programme", by.key()),
        width,
        height,
        &title,
        &desc,
    );
    for (k, g) in groups.iter().enumerate() {
        let y = TOP + k as f64 * ROW;
        row_label(&mut svg, y + BAR - 2.0, &name_of(&g.key));
    }
    for (n, (key, panel)) in drawn.iter().enumerate() {
        let left = LABELS + n as f64 * (PANEL + GAP);
        let x = Scale::nice_from_zero(&panel.values, left, left + PANEL * BAR_SHARE);
        svg.text(
            Tag::new("text")
                .num("x", left)
                .num("y", 46.0)
                .attr("font-weight", "600"),
            &panel.name,
        );
        svg.text(
            Tag::new("text")
                .num("x", left)
                .num("y", 62.0)
                .attr("fill", "#555"),
            &format!("[{}]", panel.unit),
        );
        let zero = x.at(0.0);
        svg.add(
            Tag::new("line")
                .num("x1", zero)
                .num("x2", zero)
                .num("y1", TOP - 6.0)
                .num("y2", TOP + groups.len() as f64 * ROW)
                .attr("stroke", "#999"),
        );
        for (k, (g, v)) in groups.iter().zip(&panel.values).enumerate() {
            if !v.is_finite() {
                continue;
            }
            let y = TOP + k as f64 * ROW;
            svg.add(
                bar(&x, y, *v)
                    .attr("fill", if *v < 0.0 { NEGATIVE } else { POSITIVE })
                    .attr("data-panel", key)
                    .attr("data-key", &g.key),
            );
            svg.text(
                value_label(&x, y, *v, 3.0).attr("font-size", "10"),
                &w.num(significant(*v)),
            );
        }
        scale_end(&mut svg, &x, &panel.unit, w, |_| {
            Tag::new("text")
                .num("x", left)
                .num("y", TOP + groups.len() as f64 * ROW + 14.0)
        });
    }

    let mut columns = vec![
        w.t(W::Group).to_string(),
        w.t(W::Sites).to_string(),
        w.t(W::Options).to_string(),
    ];
    columns.extend(
        panels
            .iter()
            .map(|(_, panel)| format!("{} [{}]", panel.name, panel.unit)),
    );
    let rows = groups
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let mut row = vec![
                name_of(&g.key),
                g.figures.sites.to_string(),
                g.figures.options.to_string(),
            ];
            row.extend(panels.iter().map(|(_, panel)| significant(panel.values[k])));
            row
        })
        .collect();
    Chart {
        kind: ChartKind::Programme,
        table: DataTable {
            caption: title.clone(),
            columns,
            rows,
        },
        title,
        svg: svg.finish(),
    }
}

/// A group's key as words (`low_cost` → `low cost`).
fn name_of(key: &str) -> String {
    key.replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::{self, Source};

    fn examples() -> Programme {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
        let sources: Vec<Source> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| {
                let path = e.unwrap().path();
                let name = path.file_name()?.to_str()?.to_string();
                let text = std::fs::read_to_string(&path).ok()?;
                name.ends_with(".toml").then(|| Source::toml(&name, text))
            })
            .collect();
        let settings = program::Settings {
            exchange_rates: Some(program::ExchangeRates {
                currency: "USD".to_string(),
                rates: [("MXN", 0.055), ("INR", 0.012)]
                    .into_iter()
                    .map(|(c, r)| (c.to_string(), r))
                    .collect(),
            }),
            ..program::Settings::default()
        };
        program::evaluate(&sources, &settings)
    }

    /// Bars of one panel as (group key, x, width, fill).
    fn bars<'a>(svg: &'a str, panel: &str) -> Vec<(&'a str, f64, f64, &'a str)> {
        let attr = |tag: &'a str, name: &str| -> &'a str {
            let start = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            let end = start + tag[start..].find('"').unwrap();
            &tag[start..end]
        };
        svg.split("<rect")
            .skip(1)
            .filter(|t| t.contains(&format!("data-panel=\"{panel}\"")))
            .map(|t| {
                (
                    attr(t, "data-key"),
                    attr(t, "x").parse().unwrap(),
                    attr(t, "width").parse().unwrap(),
                    attr(t, "fill"),
                )
            })
            .collect()
    }

    #[test]
    fn each_panel_is_proportional_and_the_groups_sum_to_the_totals() {
        let p = examples();
        assert!(p.failures.is_empty(), "{:?}", p.failures);
        // What the bindings hold reads back as the same programme.
        let back = Programme::from_json_value(serde_json::to_value(&p).unwrap()).unwrap();
        assert_eq!(back, p);
        for by in Breakdown::ALL {
            let c = programme_chart(&p, by, Lang::En);
            let groups = by.groups(&p);
            assert_eq!(c.table.rows.len(), groups.len());
            // Every option is in one group of each breakdown: the groups' water adds up to
            // the programme's.
            let water: f64 = groups.iter().map(|g| g.figures.per_year.water_m3).sum();
            let total = p.totals.per_year.water_m3;
            assert!(
                (water - total).abs() <= 1e-9 * total.abs(),
                "{by:?}: {water} {total}"
            );
            // One currency (exchange rates given): the money panels are drawn.
            for panel in ["investment", "annual_saving", "water", "co2"] {
                let drawn = bars(&c.svg, panel);
                let values: Vec<f64> = groups
                    .iter()
                    .map(|g| match panel {
                        "investment" => money_of(&g.figures, "USD", |m| m.investment),
                        "annual_saving" => money_of(&g.figures, "USD", |m| m.annual_saving),
                        "water" => g.figures.per_year.water_m3,
                        _ => g.figures.per_year.co2_t,
                    })
                    .collect();
                assert_eq!(drawn.len(), groups.len(), "{by:?} {panel}");
                // Widths in proportion to the values (to the 0.1 the SVG writes them to).
                let (k, largest) = values
                    .iter()
                    .enumerate()
                    .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
                    .unwrap();
                let per_unit = drawn[k].2 / largest.abs();
                for ((key, _, width, fill), (g, v)) in drawn.iter().zip(groups.iter().zip(&values))
                {
                    assert_eq!(*key, g.key);
                    assert!(
                        (width - v.abs() * per_unit).abs() <= 0.15,
                        "{by:?} {panel} {key}: {width} for {v}"
                    );
                    assert_eq!(*fill, if *v < 0.0 { NEGATIVE } else { POSITIVE });
                }
            }
        }
    }

    #[test]
    fn money_in_several_currencies_is_not_drawn_but_said() {
        // Two examples without exchange rates: two currencies.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
        let sources = ["hotel.toml", "tannery.toml"]
            .map(|f| Source::toml(f, std::fs::read_to_string(format!("{dir}/{f}")).unwrap()));
        let p = program::evaluate(&sources, &program::Settings::default());
        assert!(p.totals.money.len() > 1, "the examples' currencies differ");
        let c = programme_chart(&p, Breakdown::Sector, Lang::En);
        assert!(bars(&c.svg, "investment").is_empty());
        assert!(!bars(&c.svg, "water").is_empty());
        assert!(c.svg.contains("several currencies"));
    }

    #[test]
    fn spanish_programme_chart_has_spanish_words() {
        let p = examples();
        let en = programme_chart(&p, Breakdown::CostClass, Lang::En);
        let es = programme_chart(&p, Breakdown::CostClass, Lang::Es);
        assert!(en.title.contains("by cost class"), "{}", en.title);
        assert!(es.title.contains("por clase de costo"), "{}", es.title);
        assert_eq!(en.table.rows.len(), es.table.rows.len());
        assert!(es.table.columns.iter().any(|c| c.starts_with("Agua")));
    }
}
