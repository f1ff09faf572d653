//! Financing an option: a loan for part of the investment, a grant or co-funding for another,
//! a guarantee fee; the owner's (equity) cash flows, debt service and its coverage.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::check;
use super::loan::{Grace, Loan, debt_service_coverage};
use crate::error::{Error, Result};

/// How the investment at year 0 is paid for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Financing {
    /// Share of the year-0 investment borrowed (a fraction).
    #[serde(default)]
    pub loan_share: f64,
    /// Share of the year-0 investment covered by a grant or co-funding (a fraction).
    #[serde(default)]
    pub grant_share: f64,
    /// Nominal annual interest rate of the loan.
    #[serde(default)]
    pub annual_rate: f64,
    /// Loan term in years, grace included.
    #[serde(default = "one")]
    pub loan_years: u32,
    /// Payments per year.
    #[serde(default = "one")]
    pub payments_per_year: u32,
    /// Periods of grace at the start of the loan.
    #[serde(default)]
    pub grace_periods: u32,
    /// Whether interest is capitalized during grace (else paid).
    #[serde(default)]
    pub capitalize_grace: bool,
    /// Guarantee fee per year, as a fraction of the balance outstanding at the start of the
    /// year (a credit guarantee scheme's charge).
    #[serde(default)]
    pub guarantee_fee: f64,
}

fn one() -> u32 {
    1
}

/// The project's flows seen by the lender and by the owner.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FinancedFlows {
    /// Amount borrowed at year 0.
    pub loan: f64,
    /// Grant received at year 0.
    pub grant: f64,
    /// Debt service per year (interest and principal; positive).
    pub debt_service: Vec<f64>,
    /// Guarantee fees per year (positive).
    pub guarantee_fees: Vec<f64>,
    /// The owner's flows: project flows plus loan and grant, less debt service and fees.
    pub equity: Vec<f64>,
    /// Debt-service coverage per year: the project's flow over the debt service (none where
    /// nothing is due).
    pub dscr: Vec<Option<f64>>,
    /// Smallest coverage over the loan's life (none without a loan).
    pub min_dscr: Option<f64>,
    /// IRR of the project's flows (none when they have no IRR).
    pub project_irr: Option<f64>,
    /// IRR of the owner's flows (none when they have no IRR, e.g. a fully financed project
    /// whose equity flows never change sign).
    pub equity_irr: Option<f64>,
}

impl Financing {
    /// Terms from their JSON form (the Python and JS bindings pass dicts and objects this way).
    ///
    /// ```
    /// use cleanprod::finance::Financing;
    /// let f = Financing::from_json_str(r#"{"loan_share": 0.5, "annual_rate": 0.08, "loan_years": 5}"#).unwrap();
    /// assert_eq!(f.loan_years, 5);
    /// assert_eq!(f.payments_per_year, 1);
    /// ```
    pub fn from_json_str(text: &str) -> Result<Financing> {
        crate::wire::typed_from_json(text)
    }

    /// The financed flows of `project` (net flows from year 0, before financing), whose year-0
    /// investment is `capex` (positive).
    ///
    /// ```
    /// use cleanprod::finance::Financing;
    /// // 1,000 invested, 300 a year for 3 years; 60 % borrowed at 10 % over 3 years, 20 % grant.
    /// let f = Financing { loan_share: 0.6, grant_share: 0.2, annual_rate: 0.10, loan_years: 3,
    ///     ..Financing::default() };
    /// let out = f.apply(&[-1_000.0, 300.0, 300.0, 300.0], 1_000.0).unwrap();
    /// assert!((out.equity[0] - -200.0).abs() < 1e-9);
    /// assert!((out.debt_service[1] - 241.27).abs() < 0.005); // 600 × (A/P, 10 %, 3)
    /// assert!((out.dscr[1].unwrap() - 300.0 / 241.2689).abs() < 1e-4);
    /// ```
    pub fn apply(&self, project: &[f64], capex: f64) -> Result<FinancedFlows> {
        check::flows("project", project)?;
        check::finite("capex", capex)?;
        for (name, share) in [
            ("loan_share", self.loan_share),
            ("grant_share", self.grant_share),
        ] {
            if !(0.0..=1.0).contains(&share) {
                return Err(Error::out_of_range(name, share, "must be from 0 to 1"));
            }
        }
        if self.loan_share + self.grant_share > 1.0 + 1e-12 {
            return Err(Error::out_of_range(
                "grant_share",
                self.grant_share,
                "with loan_share, finances more than the investment",
            ));
        }
        if !(0.0..1.0).contains(&self.guarantee_fee) {
            return Err(Error::out_of_range(
                "guarantee_fee",
                self.guarantee_fee,
                "must be from 0 to less than 1",
            ));
        }
        let n = project.len();
        if self.loan_share > 0.0 && self.loan_years as usize >= n {
            return Err(Error::out_of_range(
                "loan_years",
                self.loan_years,
                format!(
                    "must end within the horizon of {} years",
                    n.saturating_sub(1)
                ),
            ));
        }
        let loan = self.loan_share * capex;
        let grant = self.grant_share * capex;
        let mut debt_service = vec![0.0; n];
        let mut fees = vec![0.0; n];
        if let Some(terms) = self.loan(capex) {
            let schedule = terms.schedule()?;
            let ppy = self.payments_per_year as usize;
            let mut balance_start = loan;
            for (year, periods) in schedule.chunks(ppy).enumerate() {
                let t = year + 1;
                debt_service[t] = periods.iter().map(|p| p.payment).sum();
                fees[t] = self.guarantee_fee * balance_start;
                balance_start = periods.last().map_or(0.0, |p| p.balance);
            }
        }
        let mut equity: Vec<f64> = (0..n)
            .map(|t| project[t] - debt_service[t] - fees[t])
            .collect();
        equity[0] += loan + grant;
        // A year's payments or the owner's flows can overflow where each payment does not.
        if debt_service
            .iter()
            .chain(&fees)
            .chain(&equity)
            .any(|x| !x.is_finite())
        {
            return Err(Error::out_of_range(
                "annual_rate",
                self.annual_rate,
                "is too large for this investment and term: the yearly debt service overflows",
            ));
        }
        let dscr = debt_service_coverage(project, &debt_service);
        let min_dscr = dscr.iter().flatten().copied().reduce(f64::min);
        Ok(FinancedFlows {
            loan,
            grant,
            debt_service,
            guarantee_fees: fees,
            project_irr: super::irr(project).ok(),
            equity_irr: super::irr(&equity).ok(),
            equity,
            dscr,
            min_dscr,
        })
    }
}

impl Financing {
    /// The loan taken for an investment of `capex` at year 0 (none when nothing is
    /// borrowed): its [`Loan::schedule`] is the one [`Financing::apply`] services.
    ///
    /// ```
    /// use cleanprod::finance::Financing;
    /// let f = Financing { loan_share: 0.6, annual_rate: 0.10, loan_years: 3, ..Financing::default() };
    /// let loan = f.loan(1_000.0).unwrap();
    /// assert_eq!(loan.principal, 600.0);
    /// assert_eq!(loan.schedule().unwrap().len(), 3);
    /// assert!(Financing::default().loan(1_000.0).is_none());
    /// ```
    pub fn loan(&self, capex: f64) -> Option<Loan> {
        let principal = self.loan_share * capex;
        (principal > 0.0).then(|| Loan {
            grace_periods: self.grace_periods,
            grace: if self.capitalize_grace {
                Grace::Capitalized
            } else {
                Grace::InterestOnly
            },
            ..Loan::new(
                principal,
                self.annual_rate,
                f64::from(self.loan_years),
                self.payments_per_year,
            )
        })
    }
}

impl Default for Financing {
    fn default() -> Self {
        Financing {
            loan_share: 0.0,
            grant_share: 0.0,
            annual_rate: 0.0,
            loan_years: 1,
            payments_per_year: 1,
            grace_periods: 0,
            capitalize_grace: false,
            guarantee_fee: 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::irr;
    use approx::assert_relative_eq;

    #[test]
    fn leverage_raises_equity_irr_when_the_project_earns_more_than_the_loan() {
        let project = [-1_000.0, 300.0, 300.0, 300.0, 300.0, 300.0];
        let f = Financing {
            loan_share: 0.7,
            annual_rate: 0.08,
            loan_years: 4,
            ..Financing::default()
        };
        let out = f.apply(&project, 1_000.0).unwrap();
        let project_irr = irr(&project).unwrap();
        let equity_irr = irr(&out.equity).unwrap();
        assert_eq!(out.project_irr, Some(project_irr));
        assert_eq!(out.equity_irr, Some(equity_irr));
        assert!(out.min_dscr.unwrap() > 1.0);
        assert!(
            project_irr > 0.08 && equity_irr > project_irr,
            "{project_irr} {equity_irr}"
        );
        // the loan is repaid: total principal = loan
        let paid: f64 = out.debt_service.iter().sum();
        assert!(paid > 700.0);
    }

    #[test]
    fn guarantee_fee_on_outstanding_balance() {
        let f = Financing {
            loan_share: 1.0,
            annual_rate: 0.0,
            loan_years: 2,
            guarantee_fee: 0.02,
            ..Financing::default()
        };
        let out = f.apply(&[-1_000.0, 600.0, 600.0], 1_000.0).unwrap();
        assert_relative_eq!(out.guarantee_fees[1], 20.0);
        assert_relative_eq!(out.guarantee_fees[2], 10.0);
        assert_eq!(
            out.equity,
            vec![0.0, 600.0 - 500.0 - 20.0, 600.0 - 500.0 - 10.0]
        );
    }

    #[test]
    fn refuses_impossible_structures() {
        let p = [-1_000.0, 600.0, 600.0];
        assert!(
            Financing {
                loan_share: 0.8,
                grant_share: 0.3,
                ..Financing::default()
            }
            .apply(&p, 1_000.0)
            .is_err()
        );
        assert!(
            Financing {
                loan_share: 0.5,
                loan_years: 5,
                ..Financing::default()
            }
            .apply(&p, 1_000.0)
            .is_err()
        );
    }
}
