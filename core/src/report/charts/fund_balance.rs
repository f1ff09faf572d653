//! A loan fund's balance year by year: its cash, the principal outstanding, their sum, and
//! the cumulative losses; with a Monte Carlo simulation, the band from the 5th to the 95th
//! percentile of the sum over the draws, and its mean.

use super::svg::{PathData, Tag};
use super::words::{W, Words};
use super::year_lines::{Stroke, YearChart};
use super::{Chart, ChartKind, DataTable, element_id};
use crate::error::{Error, Result};
use crate::program::fund::{FundResult, FundRisk};
use crate::report::{significant, whole};
use crate::sections::Lang;

/// Colours of the balance, cash, outstanding and losses lines, and of the band.
const BALANCE: &str = "#4f81bd";
const CASH: &str = "#9bbb59";
const OUTSTANDING: &str = "#8064a2";
const LOSSES: &str = "#c0504d";
const BAND: &str = "#c6d9f1";

/// The balance of the fund `books` year by year; with `risk` (the same fund drawn), the P5 to
/// P95 band of cash plus outstanding over the draws and its mean. The chart's own words are
/// in `lang`.
///
/// ```
/// use cleanprod::program::fund::{Candidate, Contribution, Fund, LoanRules, MonteCarlo, Risk};
/// use cleanprod::report::charts;
/// let fund = Fund {
///     currency: "USD".into(),
///     years: 4,
///     contributions: vec![Contribution { year: 0, amount: 1000.0 }],
///     rules: LoanRules {
///         share: 1.0, max_loan: None, rate: 0.1, tenor_years: 2, grace_years: 0,
///         guarantee_cover: 0.5, guarantee_fee: 0.01, default_probability: 0.2,
///     },
///     pipeline: vec![Candidate {
///         document: "a".into(), option: "a".into(), capex: 1000.0, annual_saving: 700.0,
///         per_year: Default::default(),
///     }],
///     risk: Risk::default(),
/// };
/// let books = fund.simulate().unwrap();
/// let risk = fund.monte_carlo(&MonteCarlo { draws: 200, ..MonteCarlo::default() }).unwrap();
/// let c = charts::fund_balance(&books, Some(&risk), Default::default()).unwrap();
/// assert!(c.svg.contains("data-role=\"band\"") && c.svg.contains("data-role=\"cash\""));
/// assert_eq!(c.table.rows.len(), 4);
/// ```
pub fn fund_balance(books: &FundResult, risk: Option<&FundRisk>, lang: Lang) -> Result<Chart> {
    let w = Words::new(lang);
    let cur = books.currency.as_str();
    if let Some(r) = risk
        && (r.currency != books.currency || r.yearly.len() != books.years.len())
    {
        return Err(Error::out_of_range(
            "risk",
            &r.currency,
            "is the simulation of another fund (currency or years differ)",
        ));
    }
    let cash: Vec<f64> = books.years.iter().map(|y| y.cash).collect();
    let outstanding: Vec<f64> = books.years.iter().map(|y| y.outstanding).collect();
    let balance: Vec<f64> = cash.iter().zip(&outstanding).map(|(c, o)| c + o).collect();
    let losses: Vec<f64> = books.years.iter().map(|y| y.cumulative_losses).collect();
    let band = risk.map(|r| r.yearly.as_slice()).unwrap_or_default();
    let title = w.t(W::FundTitle).to_string();
    let end = books.years.last();
    let at_end = |f: fn(&crate::program::fund::FundYear) -> f64| whole(end.map_or(0.0, f));
    let mut desc = w.fill(
        W::FundDesc,
        &[
            ("cur", cur),
            ("years", &books.years.len().to_string()),
            ("capital", &at_end(|y| y.capital)),
            ("lent", &at_end(|y| y.lent)),
            ("cash", &at_end(|y| y.cash)),
            ("outstanding", &at_end(|y| y.outstanding)),
            ("losses", &at_end(|y| y.cumulative_losses)),
        ],
    );
    if let Some(r) = risk {
        desc.push_str(&w.fill(
            W::FundDrawn,
            &[
                ("draws", &r.draws.to_string()),
                ("p5", &whole(r.final_capital.p5)),
                ("p95", &whole(r.final_capital.p95)),
                (
                    "p",
                    &format!("{} %", w.num(significant(100.0 * r.survival))),
                ),
            ],
        ));
    }
    let values = cash
        .iter()
        .chain(&outstanding)
        .chain(&balance)
        .chain(&losses)
        .chain(band.iter().flat_map(|y| [&y.balance.p5, &y.balance.p95]));
    let mut chart = YearChart::new(
        &element_id("fund-balance", cur),
        &title,
        &desc,
        books.years.len(),
        values,
        cur,
        w,
    );
    let (x, y) = (chart.x, chart.y);
    let mut legend = Vec::new();
    if !band.is_empty() {
        // The band: along the P95 line, back along the P5 line.
        let mut d = PathData::default();
        for (t, b) in band.iter().enumerate() {
            let (px, py) = (x.at(t as f64), y.at(b.balance.p95));
            d = if t == 0 {
                d.move_to(px, py)
            } else {
                d.line_to(px, py)
            };
        }
        for (t, b) in band.iter().enumerate().rev() {
            d = d.line_to(x.at(t as f64), y.at(b.balance.p5));
        }
        chart.svg.add(
            Tag::new("path")
                .attr("d", &format!("{} Z", d.as_str()))
                .attr("fill", BAND)
                .attr("stroke", "none")
                .attr("data-role", "band"),
        );
        let mean: Vec<f64> = band.iter().map(|b| b.balance.mean).collect();
        let mean = chart.polyline(&mean);
        chart.svg.add(
            Tag::new("path")
                .attr("d", mean.as_str())
                .attr("fill", "none")
                .attr("stroke", BALANCE)
                .attr("stroke-width", "1.5")
                .attr("stroke-dasharray", "2 3")
                .attr("data-role", "mean"),
        );
        legend.push((w.t(W::FundBand), BAND, Stroke::Band));
    }
    for (series, colour, stroke, role, word) in [
        (&balance, BALANCE, Stroke::Solid, "balance", W::FundBalance),
        (&cash, CASH, Stroke::Solid, "cash", W::FundCash),
        (
            &outstanding,
            OUTSTANDING,
            Stroke::Dashed,
            "outstanding",
            W::FundOutstanding,
        ),
        (&losses, LOSSES, Stroke::Solid, "losses", W::FundLosses),
    ] {
        chart.line(series, colour, stroke, role);
        legend.push((w.t(word), colour, stroke));
    }
    chart.legend(&legend);
    let holes = [("cur", cur)];
    let mut columns = vec![
        w.t(W::Year).to_string(),
        w.fill(W::FundCashColumn, &holes),
        w.fill(W::FundOutstandingColumn, &holes),
        w.fill(W::FundBalanceColumn, &holes),
        w.fill(W::FundLossesColumn, &holes),
    ];
    if !band.is_empty() {
        columns.extend([
            w.fill(W::FundP5Column, &holes),
            w.fill(W::FundMeanColumn, &holes),
            w.fill(W::FundP95Column, &holes),
        ]);
    }
    let rows = books
        .years
        .iter()
        .enumerate()
        .map(|(t, yr)| {
            let mut row = vec![
                yr.year.to_string(),
                whole(cash[t]),
                whole(outstanding[t]),
                whole(balance[t]),
                whole(losses[t]),
            ];
            if let Some(b) = band.get(t) {
                row.extend([
                    whole(b.balance.p5),
                    whole(b.balance.mean),
                    whole(b.balance.p95),
                ]);
            }
            row
        })
        .collect();
    Ok(Chart {
        kind: ChartKind::FundBalance,
        table: DataTable {
            caption: format!("{title}, {cur}"),
            columns,
            rows,
        },
        title,
        svg: chart.finish(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::fund::{Candidate, Contribution, Fund, LoanRules, MonteCarlo, Risk};

    fn fund() -> Fund {
        Fund {
            currency: "USD".into(),
            years: 4,
            contributions: vec![Contribution {
                year: 0,
                amount: 1000.0,
            }],
            rules: LoanRules {
                share: 1.0,
                max_loan: None,
                rate: 0.1,
                tenor_years: 2,
                grace_years: 0,
                guarantee_cover: 0.5,
                guarantee_fee: 0.01,
                default_probability: 0.2,
            },
            pipeline: vec![Candidate {
                document: "a".into(),
                option: "a".into(),
                capex: 1000.0,
                annual_saving: 700.0,
                per_year: Default::default(),
            }],
            risk: Risk::default(),
        }
    }

    #[test]
    fn the_table_holds_the_books_and_the_band_and_spanish_has_no_english() {
        let f = fund();
        let books = f.simulate().unwrap();
        let risk = f
            .monte_carlo(&MonteCarlo {
                draws: 300,
                ..MonteCarlo::default()
            })
            .unwrap();
        let c = fund_balance(&books, Some(&risk), Lang::En).unwrap();
        for (row, y) in c.table.rows.iter().zip(&books.years) {
            assert_eq!(row[1], whole(y.cash));
            assert_eq!(row[3], whole(y.cash + y.outstanding));
        }
        assert_eq!(c.table.rows[3][7], whole(risk.yearly[3].balance.p95));
        let plain = fund_balance(&books, None, Lang::En).unwrap();
        assert!(!plain.svg.contains("data-role=\"band\""));
        assert_eq!(plain.table.columns.len(), 5);
        let es = fund_balance(&books, Some(&risk), Lang::Es).unwrap();
        for word in [
            W::FundTitle,
            W::FundBalance,
            W::FundLosses,
            W::FundBand,
            W::FundOutstanding,
        ] {
            // As text (the data roles are English for every language).
            assert!(
                !es.svg.contains(&format!(">{}", word.text(Lang::En))),
                "{word:?}"
            );
        }
        assert!(es.svg.contains("caja + cartera"));
        let mut other = risk.clone();
        other.yearly.pop();
        assert_eq!(
            fund_balance(&books, Some(&other), Lang::En)
                .unwrap_err()
                .path(),
            "risk"
        );
    }
}
