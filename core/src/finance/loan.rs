//! Loans: amortization schedules with grace periods.

use std::str::FromStr;

use super::check;
use crate::error::{Error, Result};
use crate::math;

/// What happens to interest during a grace period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grace {
    /// Interest is paid; the principal is not repaid.
    #[default]
    InterestOnly,
    /// Nothing is paid; interest is added to the balance.
    Capitalized,
}

/// A loan repaid in level payments after an optional grace period.
///
/// ```
/// use cleanprod::finance::Loan;
/// // 100,000 at 6 % a year over 30 years, monthly: the payment is 599.55.
/// let loan = Loan::new(100_000.0, 0.06, 30.0, 12);
/// let s = loan.schedule().unwrap();
/// assert_eq!(s.len(), 360);
/// assert!((s[0].payment - 599.55).abs() < 0.005);
/// assert!(s.last().unwrap().balance.abs() < 1e-6);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Loan {
    /// Amount lent.
    pub principal: f64,
    /// Nominal annual interest rate, compounded `payments_per_year` times a year.
    pub annual_rate: f64,
    /// Term in years, grace included.
    pub years: f64,
    /// Payments per year (12 monthly, 4 quarterly, 1 yearly).
    pub payments_per_year: u32,
    /// Periods of grace at the start of the term.
    pub grace_periods: u32,
    /// Whether interest is paid or capitalized during grace.
    pub grace: Grace,
}

/// One period of an amortization schedule, in the borrower's money (payments positive).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoanPayment {
    /// Period number, from 1.
    pub period: u32,
    /// Amount paid in the period.
    pub payment: f64,
    /// Interest part of the payment (for capitalized grace: the interest added).
    pub interest: f64,
    /// Principal repaid in the period (negative when interest is capitalized).
    pub principal: f64,
    /// Balance after the payment.
    pub balance: f64,
}

impl Grace {
    /// Every treatment of grace.
    pub const ALL: [Grace; 2] = [Grace::InterestOnly, Grace::Capitalized];

    /// The name the bindings take (`grace=`): `"interest_only"` or `"capitalized"`.
    pub fn name(self) -> &'static str {
        match self {
            Grace::InterestOnly => "interest_only",
            Grace::Capitalized => "capitalized",
        }
    }
}

impl FromStr for Grace {
    type Err = Error;

    /// `"interest_only"` or `"capitalized"`; any other name is an [`Error::UnknownVariant`]
    /// at `grace`.
    ///
    /// ```
    /// use cleanprod::finance::Grace;
    /// assert_eq!("capitalized".parse::<Grace>().unwrap(), Grace::Capitalized);
    /// assert!("deferred".parse::<Grace>().is_err());
    /// ```
    fn from_str(name: &str) -> Result<Grace> {
        Grace::ALL
            .into_iter()
            .find(|g| g.name() == name)
            .ok_or_else(|| Error::UnknownVariant {
                path: "grace".to_string(),
                value: name.to_string(),
                expected: "interest_only, capitalized".to_string(),
            })
    }
}

impl Loan {
    /// Payments per year when none is given: monthly.
    pub const DEFAULT_PAYMENTS_PER_YEAR: u32 = 12;

    /// A loan without grace.
    ///
    /// ```
    /// use cleanprod::finance::Loan;
    /// let loan = Loan::new(50_000.0, 0.08, 5.0, Loan::DEFAULT_PAYMENTS_PER_YEAR);
    /// assert_eq!(loan.schedule().unwrap().len(), 60);
    /// ```
    pub fn new(principal: f64, annual_rate: f64, years: f64, payments_per_year: u32) -> Loan {
        Loan {
            principal,
            annual_rate,
            years,
            payments_per_year,
            grace_periods: 0,
            grace: Grace::InterestOnly,
        }
    }

    /// The same loan with `periods` periods of grace of the given kind at the start of the
    /// term.
    ///
    /// ```
    /// use cleanprod::finance::{Grace, Loan};
    /// let loan = Loan::new(10_000.0, 0.10, 4.0, 1).with_grace(2, Grace::Capitalized);
    /// let s = loan.schedule().unwrap();
    /// assert!((s[1].balance - 12_100.0).abs() < 1e-9);
    /// ```
    pub fn with_grace(self, periods: u32, grace: Grace) -> Loan {
        Loan {
            grace_periods: periods,
            grace,
            ..self
        }
    }

    /// Number of periods in the term.
    fn periods(&self) -> Result<u32> {
        check::finite("loan.principal", self.principal)?;
        check::rate("loan.annual_rate", self.annual_rate)?;
        if self.principal < 0.0 {
            return Err(Error::out_of_range(
                "loan.principal",
                self.principal,
                "must not be negative",
            ));
        }
        if !(1..=365).contains(&self.payments_per_year) {
            return Err(Error::out_of_range(
                "loan.payments_per_year",
                self.payments_per_year,
                "must be from 1 to 365",
            ));
        }
        let n = self.years * f64::from(self.payments_per_year);
        if !(n.is_finite() && n >= 1.0 && (n - n.round()).abs() < 1e-9 && n <= 100_000.0) {
            return Err(Error::out_of_range(
                "loan.years",
                self.years,
                "must give a whole number of payment periods (years × payments per year)",
            ));
        }
        let n = n.round() as u32;
        if self.grace_periods >= n {
            return Err(Error::out_of_range(
                "loan.grace_periods",
                self.grace_periods,
                "must be shorter than the term",
            ));
        }
        Ok(n)
    }

    /// The schedule, one row per period.
    ///
    /// ```
    /// use cleanprod::finance::Loan;
    /// // 1,000 at 10 % repaid yearly over 3 years: 402.11 a year.
    /// let s = Loan::new(1_000.0, 0.10, 3.0, 1).schedule().unwrap();
    /// assert!((s[0].payment - 402.11).abs() < 0.005);
    /// assert!((s[0].interest - 100.0).abs() < 1e-9);
    /// assert!(s[2].balance.abs() < 1e-9);
    /// // A term that is not a whole number of periods is refused, naming the field.
    /// assert_eq!(Loan::new(1_000.0, 0.10, 2.5, 1).schedule().unwrap_err().path(), "loan.years");
    /// ```
    pub fn schedule(&self) -> Result<Vec<LoanPayment>> {
        let n = self.periods()?;
        let i = self.annual_rate / f64::from(self.payments_per_year);
        let mut balance = self.principal;
        let mut rows = Vec::with_capacity(n as usize);
        for period in 1..=self.grace_periods {
            let interest = balance * i;
            let row = match self.grace {
                Grace::InterestOnly => LoanPayment {
                    period,
                    payment: interest,
                    interest,
                    principal: 0.0,
                    balance,
                },
                Grace::Capitalized => {
                    balance += interest;
                    LoanPayment {
                        period,
                        payment: 0.0,
                        interest,
                        principal: -interest,
                        balance,
                    }
                }
            };
            rows.push(row);
        }
        let remaining = f64::from(n - self.grace_periods);
        let level = if i == 0.0 {
            balance / remaining
        } else {
            balance * i / -math::exp_m1(-remaining * math::ln_1p(i))
        };
        for period in self.grace_periods + 1..=n {
            let interest = balance * i;
            // The last payment clears the balance exactly.
            let principal = if period == n {
                balance
            } else {
                level - interest
            };
            balance -= principal;
            rows.push(LoanPayment {
                period,
                payment: principal + interest,
                interest,
                principal,
                balance,
            });
        }
        if rows.iter().any(|r| {
            !(r.payment.is_finite()
                && r.interest.is_finite()
                && r.principal.is_finite()
                && r.balance.is_finite())
        }) {
            return Err(Error::out_of_range(
                "loan.annual_rate",
                self.annual_rate,
                "is too large for this principal and term: the payments overflow",
            ));
        }
        Ok(rows)
    }

    /// Debt service (payments) summed per year of the term.
    ///
    /// ```
    /// use cleanprod::finance::Loan;
    /// let yearly = Loan::new(12_000.0, 0.0, 2.0, 12).annual_debt_service().unwrap();
    /// assert_eq!(yearly.len(), 2);
    /// assert!((yearly[0] - 6_000.0).abs() < 1e-9);
    /// ```
    pub fn annual_debt_service(&self) -> Result<Vec<f64>> {
        let ppy = self.payments_per_year as usize;
        let years: Vec<f64> = self
            .schedule()?
            .chunks(ppy)
            .map(|c| c.iter().map(|p| p.payment).sum())
            .collect();
        // Each payment can be finite where a year of them is not.
        if years.iter().any(|y| !y.is_finite()) {
            return Err(Error::out_of_range(
                "loan.annual_rate",
                self.annual_rate,
                "is too large for this principal and term: a year's debt service overflows",
            ));
        }
        Ok(years)
    }
}

/// Debt-service coverage ratio per year: cash available for debt service over debt service.
/// Years without debt service have no ratio (`None`), nor years whose debt service is so small
/// against the cash that the ratio is beyond the range of f64.
///
/// ```
/// use cleanprod::finance::debt_service_coverage;
/// let dscr = debt_service_coverage(&[500.0, 300.0], &[250.0, 0.0]);
/// assert_eq!(dscr, vec![Some(2.0), None]);
/// ```
pub fn debt_service_coverage(cash_available: &[f64], debt_service: &[f64]) -> Vec<Option<f64>> {
    cash_available
        .iter()
        .zip(debt_service)
        .map(|(c, d)| Some(c / d).filter(|r| *d > 0.0 && r.is_finite()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn grace_interest_only_then_level() {
        let loan = Loan {
            grace_periods: 2,
            ..Loan::new(10_000.0, 0.12, 3.0, 1)
        };
        let s = loan.schedule().unwrap();
        assert_eq!(s.len(), 3);
        assert_relative_eq!(s[0].payment, 1_200.0);
        assert_relative_eq!(s[1].balance, 10_000.0);
        assert_relative_eq!(s[2].payment, 11_200.0, max_relative = 1e-12);
        assert_relative_eq!(s[2].balance, 0.0);
    }

    #[test]
    fn grace_capitalized_grows_the_balance() {
        let loan = Loan {
            grace_periods: 2,
            grace: Grace::Capitalized,
            ..Loan::new(10_000.0, 0.10, 4.0, 1)
        };
        let s = loan.schedule().unwrap();
        assert_relative_eq!(s[1].balance, 12_100.0, max_relative = 1e-12);
        // two level payments on 12,100 at 10 %: pmt = 12,100 × 0.576190 = 6,971.90
        assert!((s[2].payment - 6_971.90).abs() < 0.005);
        assert!(s[3].balance.abs() < 1e-9);
        // principal repaid in total equals principal lent
        let repaid: f64 = s.iter().map(|p| p.principal).sum();
        assert_relative_eq!(repaid, 10_000.0, max_relative = 1e-12);
    }

    #[test]
    fn grace_by_name() {
        for g in Grace::ALL {
            assert_eq!(g.name().parse::<Grace>().unwrap(), g);
        }
        let e = "deferred".parse::<Grace>().unwrap_err();
        assert_eq!(
            (e.code(), e.path(), e.value()),
            ("unknown_variant", "grace", Some("deferred"))
        );
        let loan = Loan::new(1.0, 0.1, 1.0, Loan::DEFAULT_PAYMENTS_PER_YEAR);
        assert_eq!(loan.schedule().unwrap().len(), 12);
        let graced = loan.clone().with_grace(3, Grace::Capitalized);
        assert_eq!(
            (graced.grace_periods, graced.grace),
            (3, Grace::Capitalized)
        );
        assert_eq!(graced.with_grace(0, Grace::InterestOnly), loan);
    }

    #[test]
    fn annual_service_and_dscr() {
        let loan = Loan::new(12_000.0, 0.0, 2.0, 12);
        assert_eq!(loan.annual_debt_service().unwrap(), vec![6_000.0, 6_000.0]);
        let d = debt_service_coverage(&[9_000.0, 3_000.0, 1.0], &[6_000.0, 6_000.0, 0.0]);
        assert_eq!(d, vec![Some(1.5), Some(0.5), None]);
        assert!(Loan::new(1.0, 0.1, 1.5, 1).schedule().is_err());
        assert!(
            Loan {
                grace_periods: 12,
                ..Loan::new(1.0, 0.1, 1.0, 12)
            }
            .schedule()
            .is_err()
        );
    }
}
