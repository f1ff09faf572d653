//! A revolving loan fund: capital contributed over the years, lent to the options of evaluated
//! assessments under one set of loan rules, repaid by the loan schedules of
//! [`Loan`](crate::finance::Loan), and the repayments lent again.
//!
//! Years are whole: loans are made and disbursed at the start of a year, in the order of the
//! pipeline, while the fund's cash covers the next loan; each loan is repaid in yearly
//! instalments from the next year, interest only during its grace years. Defaults are taken at
//! their expected value (deterministic): each year a share `default_probability` of each loan's
//! performing balance defaults before its instalment and is written off, less the share the
//! guarantee covers; the fund pays the guarantee fee each year on the balance covered. Every
//! year the fund's books close:
//!
//! capital contributed + interest − losses − outstanding principal = cash,
//!
//! where losses are the principal written off, less what the guarantee paid, plus the fees.
//!
//! [`Fund::simulate`] takes the defaults at their expected value; [`Fund::monte_carlo`] draws
//! them (and the savings each borrower realises, with arrears) many times and gives the fund's
//! survival probability and spreads: the model is in [`monte_carlo`]; [`Fund::draw`] gives the
//! books of one draw. One loop keeps the books of both.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod books;
mod document;
pub mod monte_carlo;
mod risk;

pub use document::{FundDocument, Order};
pub use monte_carlo::{Band, FundRisk, MonteCarlo, SavedSpreads, YearBand};
pub use risk::{Risk, SavingsShare};

use super::amounts::Amounts;
use super::site::OptionRow;
use crate::error::{Error, Result};

/// Money put into the fund.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// Year of the fund, from 0 (the start).
    pub year: u32,
    /// Amount, in the fund's currency.
    pub amount: f64,
}

/// The rules every loan of the fund follows. Rates and shares are fractions (0.9 for 90 %).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoanRules {
    /// Share of an option's investment the fund lends (at most 1).
    pub share: f64,
    /// Largest loan (none: no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_loan: Option<f64>,
    /// Annual interest rate, paid yearly.
    pub rate: f64,
    /// Years to repay, grace included.
    pub tenor_years: u32,
    /// Years of grace at the start, interest only.
    #[serde(default)]
    pub grace_years: u32,
    /// Share of a defaulted balance a guarantee pays back to the fund (0 to 1).
    #[serde(default)]
    pub guarantee_cover: f64,
    /// Yearly fee the fund pays on the balance the guarantee covers.
    #[serde(default)]
    pub guarantee_fee: f64,
    /// Share of each loan's performing balance that defaults each year (0 to 1), at its
    /// expected value.
    #[serde(default)]
    pub default_probability: f64,
}

/// An option the fund may finance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// The document (site) of the option.
    pub document: String,
    /// The option's id.
    pub option: String,
    /// Its investment, in the fund's currency.
    pub capex: f64,
    /// Money it saves per year (what pays the instalments).
    pub annual_saving: f64,
    /// What it saves per year.
    #[serde(default)]
    pub per_year: Amounts,
}

impl Candidate {
    /// The options of a programme that need an investment, in `currency`, in the portfolios of
    /// their sites, in the order of `rows` (sort them first, e.g. by NPV, to set the order in
    /// which the fund lends).
    pub fn from_rows(rows: &[OptionRow], currency: &str) -> Vec<Candidate> {
        rows.iter()
            .filter(|r| r.in_portfolio && r.capex > 0.0 && r.currency == currency)
            .map(|r| Candidate {
                document: r.document.clone(),
                option: r.option.clone(),
                capex: r.capex,
                annual_saving: r.annual_saving,
                per_year: r.per_year.clone(),
            })
            .collect()
    }
}

/// A fund to simulate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fund {
    /// Currency of every amount.
    pub currency: String,
    /// Years simulated (1 to 100).
    pub years: u32,
    /// Money put in; the contributions of year 0 are the starting capital.
    pub contributions: Vec<Contribution>,
    /// The loan rules.
    pub rules: LoanRules,
    /// The options to finance, in the order the fund lends to them.
    pub pipeline: Vec<Candidate>,
    /// What the Monte Carlo simulation draws, and when the fund survives.
    #[serde(default)]
    pub risk: Risk,
}

/// One loan made.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LoanMade {
    /// Year disbursed.
    pub year: u32,
    /// The document of the option financed.
    pub document: String,
    /// The option.
    pub option: String,
    /// Amount lent.
    pub principal: f64,
    /// The yearly instalment after the grace years, as the schedule gives it.
    pub instalment: f64,
    /// The option's annual saving per instalment (the borrower's cover of its debt service).
    pub saving_cover: Option<f64>,
}

/// One year of the fund.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FundYear {
    /// Year, from 0.
    pub year: u32,
    /// Money put in this year.
    pub contributions: f64,
    /// Loans made (and disbursed) this year.
    pub loans_made: u32,
    /// Amount disbursed.
    pub disbursed: f64,
    /// Principal repaid.
    pub repaid: f64,
    /// Interest received.
    pub interest: f64,
    /// Principal written off on default.
    pub defaults: f64,
    /// Paid by the guarantee on those defaults.
    pub guarantee_paid: f64,
    /// Guarantee fees paid by the fund.
    pub guarantee_fees: f64,
    /// Principal outstanding at the end of the year.
    pub outstanding: f64,
    /// Cash at the end of the year.
    pub cash: f64,
    /// Capital contributed so far.
    pub capital: f64,
    /// Lent so far.
    pub lent: f64,
    /// Lent so far per unit of capital contributed (how often the capital has revolved).
    pub leverage: f64,
    /// Interest received so far.
    pub cumulative_interest: f64,
    /// Losses so far: defaults less guarantee payments, plus fees.
    pub cumulative_losses: f64,
    /// Saved this year by the options financed in the years before (weighted by the share of
    /// their loans still performing, or performing to the end).
    pub saved: Amounts,
    /// Saved so far.
    pub cumulative_saved: Amounts,
}

/// A fund simulated, year by year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FundResult {
    /// Currency.
    pub currency: String,
    /// Year by year.
    pub years: Vec<FundYear>,
    /// Every loan made, in order.
    pub loans: Vec<LoanMade>,
    /// Options of the pipeline not financed within the years.
    pub not_financed: u32,
}

fn check_share(path: &str, x: f64) -> Result<()> {
    if (0.0..=1.0).contains(&x) {
        Ok(())
    } else {
        Err(Error::out_of_range(path, x, "must be from 0 to 1"))
    }
}

fn check_amount(path: &str, x: f64) -> Result<()> {
    if x.is_finite() && x >= 0.0 {
        Ok(())
    } else {
        Err(Error::out_of_range(
            path,
            x,
            "must be a finite amount, not negative",
        ))
    }
}

impl Fund {
    pub(super) fn validate(&self) -> Result<()> {
        if !(1..=100).contains(&self.years) {
            return Err(Error::out_of_range(
                "years",
                self.years,
                "must be from 1 to 100",
            ));
        }
        self.currency.parse::<crate::units::money::Currency>()?;
        for (i, c) in self.contributions.iter().enumerate() {
            check_amount(&format!("contributions[{i}].amount"), c.amount)?;
        }
        let r = &self.rules;
        check_share("rules.share", r.share)?;
        check_share("rules.guarantee_cover", r.guarantee_cover)?;
        check_share("rules.guarantee_fee", r.guarantee_fee)?;
        check_share("rules.default_probability", r.default_probability)?;
        if !(r.rate.is_finite() && (0.0..=1.0).contains(&r.rate)) {
            return Err(Error::out_of_range(
                "rules.rate",
                r.rate,
                "must be from 0 to 1",
            ));
        }
        if let Some(m) = r.max_loan {
            check_amount("rules.max_loan", m)?;
        }
        if !(1..=50).contains(&r.tenor_years) || r.grace_years >= r.tenor_years {
            return Err(Error::out_of_range(
                "rules.tenor_years",
                r.tenor_years,
                "must be from 1 to 50 years and longer than the grace",
            ));
        }
        for (i, c) in self.pipeline.iter().enumerate() {
            check_amount(&format!("pipeline[{i}].capex"), c.capex)?;
            if !c.annual_saving.is_finite() {
                return Err(Error::out_of_range(
                    format!("pipeline[{i}].annual_saving"),
                    c.annual_saving,
                    "must be finite",
                ));
            }
        }
        self.risk.validate("risk")
    }

    /// The loan the rules give for `c`.
    fn loan_for(&self, c: &Candidate) -> f64 {
        let x = self.rules.share * c.capex;
        self.rules.max_loan.map_or(x, |m| x.min(m))
    }

    /// Simulate the fund year by year, defaults at their expected value (see the
    /// [module](self)).
    pub fn simulate(&self) -> Result<FundResult> {
        self.validate()?;
        books::run(
            self,
            &mut books::Expected {
                p: self.rules.default_probability,
                fee: self.rules.guarantee_fee * self.rules.guarantee_cover,
            },
        )
    }
}
