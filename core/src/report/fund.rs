//! A loan fund as text: the yearly books, leverage, what the options financed saved and, when
//! the fund was drawn, its survival probability and spreads.

use super::program::amounts_words;
use super::{significant, whole};
use crate::program::fund::{FundResult, FundRisk};
use crate::uncertainty::Spread;

/// The fund as plain text for a terminal; with `risk`, its Monte Carlo simulation after.
///
/// ```
/// use cleanprod::program::fund::{Candidate, Contribution, Fund, LoanRules, Risk};
/// let fund = Fund {
///     currency: "USD".into(),
///     years: 3,
///     contributions: vec![Contribution { year: 0, amount: 1000.0 }],
///     rules: LoanRules {
///         share: 1.0, max_loan: None, rate: 0.1, tenor_years: 2, grace_years: 0,
///         guarantee_cover: 0.0, guarantee_fee: 0.0, default_probability: 0.0,
///     },
///     pipeline: vec![Candidate {
///         document: "a".into(), option: "a".into(), capex: 1000.0, annual_saving: 700.0,
///         per_year: Default::default(),
///     }],
///     risk: Risk::default(),
/// };
/// let out = cleanprod::report::fund_text(&fund.simulate().unwrap(), None);
/// assert!(out.contains("1 loans made, 1000 USD lent"));
/// ```
pub fn fund_text(r: &FundResult, risk: Option<&FundRisk>) -> String {
    let c = &r.currency;
    let mut out = format!("fund ({c}), year by year\n");
    out.push_str(&format!(
        "  {:>4} {:>12} {:>5} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12} {:>8}\n",
        "year",
        "contributed",
        "loans",
        "disbursed",
        "repaid",
        "interest",
        "written off",
        "losses",
        "outstanding",
        "cash",
        "leverage"
    ));
    for y in &r.years {
        out.push_str(&format!(
            "  {:>4} {:>12} {:>5} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12} {:>8}\n",
            y.year,
            whole(y.contributions),
            y.loans_made,
            whole(y.disbursed),
            whole(y.repaid),
            whole(y.interest),
            whole(y.defaults),
            whole(y.cumulative_losses),
            whole(y.outstanding),
            whole(y.cash),
            format!("{:.2}", y.leverage),
        ));
    }
    if let Some(last) = r.years.last() {
        out.push_str(&format!(
            "\n{} loans made, {} {c} lent on {} {c} of capital: leverage {:.2}; {} options not financed\n",
            r.loans.len(),
            whole(last.lent),
            whole(last.capital),
            last.leverage,
            r.not_financed
        ));
        out.push_str(&format!(
            "at the end: cash {} {c}, outstanding {} {c}, interest {} {c}, losses {} {c}\n",
            whole(last.cash),
            whole(last.outstanding),
            whole(last.cumulative_interest),
            whole(last.cumulative_losses)
        ));
        out.push_str(&format!(
            "saved over the years: {}\n",
            amounts_words(&last.cumulative_saved)
        ));
    }
    if let Some(k) = risk {
        out.push_str(&format!(
            "\nMonte Carlo, {} draws (seed {}): survival probability {:.1} % (cash never below zero, and cash + outstanding at the end at least {} % of the capital)\n",
            k.draws,
            k.seed,
            100.0 * k.survival,
            significant(100.0 * k.survival_share)
        ));
        out.push_str(&format!(
            "  {:<22} {:>14} {:>14} {:>14} {:>14}\n",
            "", "mean", "P5", "P50", "P95"
        ));
        let rows: [(String, &Spread); 12] = [
            (format!("final capital, {c}"), &k.final_capital),
            (format!("losses, {c}"), &k.losses),
            (format!("written off, {c}"), &k.defaults),
            (format!("interest, {c}"), &k.interest),
            ("loans made".to_string(), &k.loans_made),
            (format!("lent, {c}"), &k.lent),
            ("leverage".to_string(), &k.leverage),
            ("water, m3".to_string(), &k.saved.water_m3),
            ("chemicals, t".to_string(), &k.saved.chemicals_t),
            ("energy, MWh".to_string(), &k.saved.energy_mwh),
            ("solid waste, t".to_string(), &k.saved.solid_waste_t),
            ("CO2, t".to_string(), &k.saved.co2_t),
        ];
        for (name, s) in rows {
            out.push_str(&format!(
                "  {name:<22} {:>14} {:>14} {:>14} {:>14}\n",
                significant(s.mean),
                significant(s.p5),
                significant(s.p50),
                significant(s.p95)
            ));
        }
    }
    out
}
