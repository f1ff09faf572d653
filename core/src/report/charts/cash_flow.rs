//! An option's cumulative cash flow, undiscounted and discounted, with its paybacks marked
//! where each curve crosses zero; when the option is financed, the loan and grant drawn at
//! year 0, the debt service of each year and the owner's cumulative flow.

use super::svg::{Tag, fixed};
use super::words::{W, Words};
use super::year_lines::{Stroke, YearChart};
use super::{Chart, ChartKind, DataTable, element_id};
use crate::error::Result;
use crate::finance;
use crate::options::OptionResult;
use crate::report::{significant, whole};
use crate::sections::Lang;

/// Colours of the undiscounted, discounted and owner's curves, and of the loan bars.
const UNDISCOUNTED: &str = "#4f81bd";
const DISCOUNTED: &str = "#c0504d";
const OWNER: &str = "#8064a2";
const DRAWN: &str = "#9bbb59";
const SERVICE: &str = "#a5a5a5";

/// The cumulative cash flow of `option`, appraised at the discount `rate` (a fraction:
/// 0.1 for 10 %), in `currency`. The undiscounted curve crosses zero at the option's simple
/// payback and the discounted one at its discounted payback (each marked); a financed option
/// also shows its loan and grant, its debt service and fees, and the owner's cumulative flow.
/// The chart's own words are in `lang`.
///
/// ```
/// use cleanprod::{Assessment, report::charts};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let e = a.evaluate().unwrap();
/// let chart = charts::cash_flow(&e.options[0], 0.08, &e.currency, Default::default()).unwrap();
/// assert!(chart.svg.contains("data-role=\"cumulative\""));
/// assert_eq!(chart.table.rows.len(), e.options[0].cash_flows.len());
/// assert!(charts::cash_flow(&e.options[0], -2.0, "USD", Default::default()).is_err());
/// ```
pub fn cash_flow(option: &OptionResult, rate: f64, currency: &str, lang: Lang) -> Result<Chart> {
    let w = Words::new(lang);
    let flows = &option.cash_flows;
    let factors = finance::discount_factors(rate, flows.len())?;
    let cumulative = running(flows.iter().copied());
    let discounted = running(flows.iter().zip(&factors).map(|(v, f)| v * f));
    // Financed: what comes in at year 0, and debt service with fees after (the project's
    // flow less the owner's).
    let financed = option.financing.as_ref().map(|f| {
        let service: Vec<f64> = flows
            .iter()
            .zip(&f.equity_flows)
            .enumerate()
            .map(|(t, (p, e))| if t == 0 { 0.0 } else { p - e })
            .collect();
        (f, service, running(f.equity_flows.iter().copied()))
    });
    let mut values: Vec<f64> = vec![0.0];
    values.extend(&cumulative);
    values.extend(&discounted);
    if let Some((f, service, owner)) = &financed {
        values.push(f.loan + f.grant);
        values.extend(service.iter().map(|s| -s));
        values.extend(owner);
    }
    let title = w.fill(W::CashFlowTitle, &[("id", &option.id)]);
    let percent = format!("{} %", w.num(significant(rate * 100.0)));
    let paid = |p: Option<f64>| {
        p.map_or(w.t(W::NeverWithinLife).to_string(), |p| {
            w.fill(W::AfterYears, &[("n", &w.num(significant(p)))])
        })
    };
    let mut desc = w.fill(
        W::CashFlowDesc,
        &[
            ("title", &option.title),
            ("cur", currency),
            ("years", &flows.len().saturating_sub(1).to_string()),
            ("start", &whole(cumulative.first().copied().unwrap_or(0.0))),
            ("end", &whole(cumulative.last().copied().unwrap_or(0.0))),
            (
                "end_discounted",
                &whole(discounted.last().copied().unwrap_or(0.0)),
            ),
            ("rate", &percent),
            ("payback", &paid(option.simple_payback_years)),
            ("discounted", &paid(option.discounted_payback_years)),
        ],
    );
    if let Some((f, service, owner)) = &financed {
        let years = service.iter().filter(|s| **s > 0.0).count();
        desc.push_str(&w.fill(
            W::CashFlowFinanced,
            &[
                ("loan", &whole(f.loan)),
                ("grant", &whole(f.grant)),
                ("service", &whole(service.iter().sum())),
                ("years", &years.to_string()),
                ("owner", &whole(owner.last().copied().unwrap_or(0.0))),
            ],
        ));
    }
    let mut chart = YearChart::new(
        &element_id("cash-flow", &option.id),
        &title,
        &desc,
        flows.len(),
        &values,
        currency,
        w,
    );
    let mut legend = vec![
        (w.t(W::Undiscounted), UNDISCOUNTED, Stroke::Solid),
        (w.t(W::Discounted), DISCOUNTED, Stroke::Dashed),
    ];
    if let Some((f, service, owner)) = &financed {
        let (x, y) = (chart.x, chart.y);
        let bar = (x.per_unit() * 0.4).min(24.0);
        let mut column = |t: usize, from: f64, to: f64, colour: &str, role: &str| {
            let (top, bottom) = (y.at(from.max(to)), y.at(from.min(to)));
            chart.svg.add(
                Tag::new("rect")
                    .num("x", x.at(t as f64) - bar / 2.0)
                    .num("y", top)
                    .num("width", bar)
                    .num("height", bottom - top)
                    .attr("fill", colour)
                    .attr("data-role", role),
            );
        };
        column(0, 0.0, f.loan + f.grant, DRAWN, "drawn");
        for (t, s) in service.iter().enumerate().filter(|(_, s)| **s > 0.0) {
            column(t, 0.0, -s, SERVICE, "debt-service");
        }
        chart.line(owner, OWNER, Stroke::Solid, "owner");
        legend.push((w.t(W::OwnersCumulative), OWNER, Stroke::Solid));
    }
    chart.line(&cumulative, UNDISCOUNTED, Stroke::Solid, "cumulative");
    chart.line(&discounted, DISCOUNTED, Stroke::Dashed, "discounted");
    let (x, y) = (chart.x, chart.y);
    for (p, colour, role, words, dy) in [
        (
            option.simple_payback_years,
            UNDISCOUNTED,
            "payback",
            w.t(W::Payback),
            -10.0,
        ),
        (
            option.discounted_payback_years,
            DISCOUNTED,
            "discounted-payback",
            w.t(W::DiscountedPayback),
            18.0,
        ),
    ] {
        let Some(p) = p else { continue };
        chart.svg.add(
            Tag::new("circle")
                .num("cx", x.at(p))
                .num("cy", y.at(0.0))
                .num("r", 5.0)
                .attr("fill", "#fff")
                .attr("stroke", colour)
                .attr("stroke-width", "2")
                .attr("data-role", role),
        );
        chart.svg.text(
            Tag::new("text")
                .num("x", x.at(p) + 8.0)
                .num("y", y.at(0.0) + dy)
                .attr("fill", colour)
                .attr("stroke", "#fff")
                .attr("stroke-width", "3")
                .attr("paint-order", "stroke"),
            &w.fill(
                W::PaybackMark,
                &[("what", words), ("years", &w.num(fixed(p, 2)))],
            ),
        );
    }
    if financed.is_some() {
        legend.push((w.t(W::LoanAndGrant), DRAWN, Stroke::Solid));
        legend.push((w.t(W::DebtService), SERVICE, Stroke::Solid));
    }
    chart.legend(&legend);
    let cur = [("cur", currency)];
    let mut columns = vec![
        w.t(W::Year).to_string(),
        w.fill(W::NetCashFlowColumn, &cur),
        w.fill(W::CumulativeColumn, &cur),
        w.fill(
            W::DiscountedCumulativeColumn,
            &[("rate", &percent), ("cur", currency)],
        ),
    ];
    if financed.is_some() {
        columns.extend([
            w.fill(W::LoanAndGrantColumn, &cur),
            w.fill(W::DebtServiceColumn, &cur),
            w.fill(W::OwnerFlowColumn, &cur),
            w.fill(W::OwnerCumulativeColumn, &cur),
        ]);
    }
    let rows = (0..flows.len())
        .map(|t| {
            let mut row = vec![
                t.to_string(),
                whole(flows[t]),
                whole(cumulative[t]),
                whole(discounted[t]),
            ];
            if let Some((f, service, owner)) = &financed {
                row.extend([
                    whole(if t == 0 { f.loan + f.grant } else { 0.0 }),
                    whole(service[t]),
                    whole(f.equity_flows.get(t).copied().unwrap_or(0.0)),
                    whole(owner.get(t).copied().unwrap_or(0.0)),
                ]);
            }
            row
        })
        .collect();
    Ok(Chart {
        kind: ChartKind::CashFlow,
        table: DataTable {
            caption: format!("{title}, {currency}"),
            columns,
            rows,
        },
        title,
        svg: chart.finish(),
    })
}

/// Running sums.
fn running(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut sum = 0.0;
    values
        .map(|v| {
            sum += v;
            sum
        })
        .collect()
}
