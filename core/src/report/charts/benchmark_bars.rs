//! A site's indicators before and after the options against the published ranges of its
//! sector: one row per indicator on its own scale, the range as a band behind two bars.

use super::axis::Scale;
use super::bars::{BAR, bar, row_label, scale_end, value_label};
use super::svg::{Svg, Tag};
use super::words::{W, Words};
use super::{Chart, ChartKind, DataTable, element_id};
use crate::report::significant;
use crate::sections::Lang;
use crate::sectors::Benchmarks;
use crate::sectors::indicators::Class;

const WIDTH: f64 = 720.0;
const TOP: f64 = 40.0;
/// Height of one indicator's row: its label, the two bars, and space.
const ROW: f64 = 64.0;
const BARS_LEFT: f64 = 200.0;
const BARS_RIGHT: f64 = 600.0;
const BEFORE: &str = "#a5a5a5";
const AFTER: &str = "#4f81bd";
const RANGE: &str = "#d8e4bc";
const RANGE_EDGE: &str = "#76923c";

/// The sector's indicators of `b`: per indicator a bar before and a bar after the options
/// (every option applied), on the indicator's own scale from zero, with its published range
/// as a band behind them; the table gives the range, its source and where each value stands.
/// The chart's own words are in `lang` (the indicators' names as the sector model gives them).
///
/// ```
/// use cleanprod::{Assessment, report::charts};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/tannery.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let b = a.benchmarks().unwrap().unwrap();
/// let chart = charts::benchmark_bars(&b, Default::default());
/// assert_eq!(chart.table.rows.len(), b.indicators().len());
/// assert!(chart.svg.contains("data-role=\"range\""));
/// ```
pub fn benchmark_bars(b: &Benchmarks, lang: Lang) -> Chart {
    let w = Words::new(lang);
    let significant = |x: f64| w.num(significant(x));
    let sector = b.sector().key();
    let indicators = b.indicators();
    let height = TOP + indicators.len().max(1) as f64 * ROW + 36.0;
    let title = w.fill(W::BenchmarksTitle, &[("sector", sector)]);
    let class = |c: Option<Class>| {
        w.t(match c {
            Some(Class::Below) => W::BelowRange,
            Some(Class::Within) => W::WithinRange,
            Some(Class::Above) => W::AboveRange,
            None => W::NoRange,
        })
    };
    let mut desc = w.fill(W::BenchmarksDesc, &[("sector", sector)]);
    for i in indicators {
        let after = i.after.map_or(String::new(), |a| {
            w.fill(
                W::BenchmarkAfterDesc,
                &[("after", &significant(a)), ("class", class(i.class_after))],
            )
        });
        desc.push_str(&w.fill(
            W::BenchmarkDesc,
            &[
                ("label", &i.label),
                ("unit", &i.unit),
                ("before", &significant(i.before)),
                ("class", class(i.class_before)),
                ("after", &after),
            ],
        ));
    }
    let mut svg = Svg::new(
        &element_id("benchmarks", sector),
        WIDTH,
        height,
        &title,
        &desc,
    );
    for (k, (label, colour)) in [
        (w.t(W::Before), BEFORE),
        (w.t(W::AfterTheOptions), AFTER),
        (w.t(W::PublishedRange), RANGE),
    ]
    .iter()
    .enumerate()
    {
        let lx = BARS_LEFT + k as f64 * 130.0;
        svg.add(
            Tag::new("rect")
                .num("x", lx)
                .num("y", 28.0)
                .num("width", 14.0)
                .num("height", 10.0)
                .attr("fill", colour),
        );
        svg.text(Tag::new("text").num("x", lx + 18.0).num("y", 37.0), label);
    }
    for (k, i) in indicators.iter().enumerate() {
        let top = TOP + k as f64 * ROW + 8.0;
        let mut values = vec![0.0, i.before];
        values.extend(i.after);
        if let Some(r) = &i.reference {
            values.extend([r.low, r.high]);
        }
        let x = Scale::nice_from_zero(&values, BARS_LEFT, BARS_RIGHT);
        row_label(&mut svg, top + 12.0, &format!("{} ({})", i.label, i.unit));
        let bars_top = top + 18.0;
        for (n, (word, value, colour, role)) in [
            (w.t(W::Before), Some(i.before), BEFORE, "before"),
            (w.t(W::After), i.after, AFTER, "after"),
        ]
        .into_iter()
        .enumerate()
        {
            let Some(v) = value.filter(|v| v.is_finite()) else {
                continue;
            };
            let y = bars_top + n as f64 * (BAR + 2.0);
            svg.add(
                bar(&x, y, v)
                    .attr("fill", colour)
                    .attr("data-role", role)
                    .attr("data-key", &i.key),
            );
            svg.text(
                Tag::new("text")
                    .num("x", BARS_LEFT - 6.0)
                    .num("y", y + BAR - 3.0)
                    .attr("text-anchor", "end")
                    .attr("fill", "#555"),
                word,
            );
            svg.text(value_label(&x, y, v, 4.0), &significant(v));
        }
        // The range over the bars, translucent, so that both show.
        if let Some(r) = &i.reference {
            let (a, b) = (x.at(r.low), x.at(r.high));
            svg.add(
                Tag::new("rect")
                    .num("x", a)
                    .num("y", bars_top - 3.0)
                    .num("width", (b - a).max(1.0))
                    .num("height", 2.0 * BAR + 8.0)
                    .attr("fill", RANGE)
                    .attr("fill-opacity", "0.6")
                    .attr("stroke", RANGE_EDGE)
                    .attr("stroke-width", "1.5")
                    .attr("data-role", "range")
                    .attr("data-key", &i.key),
            );
            svg.text(
                Tag::new("text")
                    .num("x", BARS_RIGHT)
                    .num("y", top + 12.0)
                    .attr("text-anchor", "end")
                    .attr("fill", "#555"),
                &format!(
                    "{}: {}–{}",
                    r.label,
                    significant(r.low),
                    significant(r.high)
                ),
            );
        }
        scale_end(&mut svg, &x, &i.unit, w, |end| {
            Tag::new("text")
                .num("x", end)
                .num("y", bars_top + 2.0 * BAR + 16.0)
                .attr("text-anchor", "end")
        });
    }
    let rows = indicators
        .iter()
        .map(|i| {
            let r = i.reference.as_ref();
            vec![
                i.label.clone(),
                i.unit.clone(),
                significant(i.before),
                i.after.map_or("-".to_string(), &significant),
                r.map_or("-".to_string(), |r| significant(r.low)),
                r.map_or("-".to_string(), |r| significant(r.high)),
                r.map_or("-".to_string(), |r| format!("{} ({})", r.label, r.source)),
                class(i.class_before).to_string(),
                i.after
                    .map_or("-".to_string(), |_| class(i.class_after).to_string()),
            ]
        })
        .collect();
    Chart {
        kind: ChartKind::Benchmarks,
        table: DataTable {
            caption: title.clone(),
            columns: [
                W::Indicator,
                W::Unit,
                W::Before,
                W::AfterTheOptions,
                W::RangeFrom,
                W::RangeTo,
                W::RangeSource,
                W::BeforeStands,
                W::AfterStands,
            ]
            .map(|c| w.t(c).to_string())
            .to_vec(),
            rows,
        },
        title,
        svg: svg.finish(),
    }
}
