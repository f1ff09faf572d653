//! A marginal cost curve (a conservation supply curve of water or energy, a marginal abatement
//! cost curve of CO2): one bar per option, its width the amount saved a year, its height the
//! net cost per unit saved, cheapest first, from the portfolio's cost curves.

use super::axis::Scale;
use super::svg::{Svg, Tag};
use super::words::{W, Words};
use super::{Chart, ChartKind, DataTable, element_id};
use crate::options::{CO2_KEY, CostCurve};
use crate::report::significant;
use crate::sections::Lang;

const WIDTH: f64 = 720.0;
const LEFT: f64 = 96.0;
const RIGHT: f64 = 690.0;
const TOP: f64 = 64.0;
const BOTTOM: f64 = 320.0;
/// Lines of the key under the axis: height of one, and characters in one at most.
const KEY_LINE: f64 = 16.0;
const KEY_CHARACTERS: usize = 96;
/// Bars that pay for themselves, and bars that cost.
const SAVES: &str = "#9bbb59";
const COSTS: &str = "#c0504d";

/// The cost curve of `resource` (a key of [`Portfolio::cost_curves`](crate::options::Portfolio),
/// [`CO2_KEY`] for CO2) in `currency`: bars side by side, each as wide as its option's saving a
/// year and as high as its net cost per unit saved (below the axis: it pays for itself),
/// numbered in order with a key of option ids under the axis. The chart's own words are in
/// `lang`.
///
/// ```
/// use cleanprod::{Assessment, report::charts};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let e = a.evaluate().unwrap();
/// let chart = charts::cost_curve(&e.portfolio.cost_curves["water"], "water", &e.currency, Default::default());
/// assert!(chart.svg.contains("data-role=\"step\""));
/// assert_eq!(chart.table.rows.len(), e.portfolio.cost_curves["water"].steps.len());
/// ```
pub fn cost_curve(curve: &CostCurve, resource: &str, currency: &str, lang: Lang) -> Chart {
    let w = Words::new(lang);
    let sig = |x: f64| w.num(significant(x));
    let unit = &curve.unit;
    let name = if resource == CO2_KEY { "CO2" } else { resource };
    let total = curve.steps.last().map_or(0.0, |s| s.cumulative);
    let x = Scale::exact(0.0, total, LEFT, RIGHT);
    let (lo, hi) = curve.steps.iter().fold((0.0f64, 0.0f64), |(lo, hi), s| {
        (lo.min(s.height), hi.max(s.height))
    });
    let y = Scale::nice(lo, hi, BOTTOM, TOP);
    // The key: "1 id · 2 id ..." in lines of at most KEY_CHARACTERS.
    let mut key: Vec<String> = vec![String::new()];
    for (k, s) in curve.steps.iter().enumerate() {
        let item = format!("{} {}", k + 1, s.id);
        let line = key.last_mut().filter(|l| {
            l.is_empty() || l.chars().count() + 3 + item.chars().count() <= KEY_CHARACTERS
        });
        match line {
            Some(l) if l.is_empty() => l.push_str(&item),
            Some(l) => {
                l.push_str(" · ");
                l.push_str(&item);
            }
            None => key.push(item),
        }
    }
    let height = BOTTOM + 52.0 + key.len() as f64 * KEY_LINE;
    let title = if resource == CO2_KEY {
        w.t(W::Co2CurveTitle).to_string()
    } else {
        w.fill(W::CostCurveTitle, &[("name", name)])
    };
    let paying = curve.steps.iter().filter(|s| s.height < 0.0).count();
    let mut desc = w.fill(
        W::CostCurveDesc,
        &[
            ("unit", unit),
            ("name", name),
            ("cur", currency),
            ("total", &sig(total)),
            ("paying", &paying.to_string()),
            ("n", &curve.steps.len().to_string()),
        ],
    );
    for (k, s) in curve.steps.iter().enumerate() {
        desc.push_str(&w.fill(
            W::CostCurveStep,
            &[
                ("k", &(k + 1).to_string()),
                ("id", &s.id),
                ("amount", &sig(s.width)),
                ("unit", unit),
                ("cost", &sig(s.height)),
                ("cur", currency),
            ],
        ));
    }
    let mut svg = Svg::new(
        &element_id("cost-curve", name),
        WIDTH,
        height,
        &title,
        &desc,
    );
    y.draw_vertical(&mut svg, LEFT, RIGHT, &format!("{currency}/{unit}"), w);
    for (k, s) in curve.steps.iter().enumerate() {
        let (left, right) = (x.at(s.cumulative - s.width), x.at(s.cumulative));
        let (top, bottom) = (y.at(s.height.max(0.0)), y.at(s.height.min(0.0)));
        svg.add(
            Tag::new("rect")
                .num("x", left)
                .num("y", top)
                .num("width", right - left)
                .num("height", bottom - top)
                .attr("fill", if s.height < 0.0 { SAVES } else { COSTS })
                .attr("stroke", "#fff")
                .attr("stroke-width", "0.5")
                .attr("data-role", "step")
                .attr("data-option", &s.id),
        );
        let label_y = if s.height < 0.0 {
            bottom + 14.0
        } else {
            top - 4.0
        };
        svg.text(
            Tag::new("text")
                .num("x", (left + right) / 2.0)
                .num("y", label_y)
                .attr("text-anchor", "middle")
                .attr("font-size", "11"),
            &(k + 1).to_string(),
        );
    }
    x.draw_horizontal(
        &mut svg,
        BOTTOM,
        &w.fill(W::SavedAxis, &[("name", name), ("unit", unit)]),
        w,
    );
    for (k, line) in key.iter().enumerate() {
        svg.text(
            Tag::new("text")
                .num("x", LEFT)
                .num("y", BOTTOM + 56.0 + k as f64 * KEY_LINE)
                .attr("fill", "#555"),
            line,
        );
    }
    let rows = curve
        .steps
        .iter()
        .enumerate()
        .map(|(k, s)| {
            vec![
                (k + 1).to_string(),
                s.id.clone(),
                sig(s.width),
                sig(s.cumulative),
                sig(s.height),
            ]
        })
        .collect();
    Chart {
        kind: ChartKind::CostCurve,
        table: DataTable {
            caption: title.clone(),
            columns: vec![
                w.t(W::Rank).to_string(),
                w.t(W::Option).to_string(),
                w.fill(W::SavedColumn, &[("name", name), ("unit", unit)]),
                w.fill(W::CumulativeSavedColumn, &[("unit", unit)]),
                w.fill(W::NetCostColumn, &[("cur", currency), ("unit", unit)]),
            ],
            rows,
        },
        title,
        svg: svg.finish(),
    }
}
