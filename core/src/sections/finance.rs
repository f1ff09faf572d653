//! Finance parameters of an assessment.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use crate::error::{Error, Result};
use crate::units::Measured;
use crate::units::SECONDS_PER_YEAR;

/// Whether a discount rate includes inflation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RateBasis {
    /// Excludes inflation; cash flows are in today's money.
    #[default]
    Real,
    /// Includes inflation; cash flows are escalated.
    Nominal,
}

/// How the options are appraised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finance {
    /// Discount rate per year, e.g. `"10 %"`.
    pub discount_rate: Measured<q::Ratio>,
    /// Whether the discount rate is real (default) or nominal.
    #[serde(default)]
    pub rate_basis: RateBasis,
    /// Appraisal horizon, a whole number of years from 1 to 100, e.g. `"10 yr"`.
    pub horizon: Measured<q::Time>,
    /// General inflation per year, e.g. `"4 %"`; zero when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inflation: Option<Measured<q::Ratio>>,
    /// Options paying back within this time are "low-cost" (a programme's setting; 1 yr when
    /// absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low_cost_payback: Option<Measured<q::Time>>,
    /// Capital available for the options; the portfolio then selects the set with the highest
    /// NPV within it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital_budget: Option<crate::units::money::Money>,
    /// How each option's investment is financed; options are then also appraised from the
    /// owner's side (equity IRR, debt-service coverage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financing: Option<FinancingTerms>,
}

impl Finance {
    /// The horizon in whole years (valid once the document is validated).
    pub fn horizon_years(&self) -> u32 {
        // Validated to a whole number from 1 to 100, so the cast is exact.
        (self.horizon.si() / SECONDS_PER_YEAR)
            .round()
            .clamp(0.0, 100.0) as u32
    }

    pub(crate) fn validate(&self) -> Result<()> {
        rate("finance.discount_rate", &self.discount_rate)?;
        if let Some(i) = &self.inflation {
            rate("finance.inflation", i)?;
        }
        let years = self.horizon.si() / SECONDS_PER_YEAR;
        if !((1.0..=100.0).contains(&years) && (years - years.round()).abs() < 1e-9) {
            return Err(Error::out_of_range(
                "finance.horizon",
                &self.horizon,
                "must be a whole number of years from 1 to 100, such as \"10 yr\"",
            ));
        }
        if let Some(f) = &self.financing {
            f.to_financing()?;
        }
        Ok(())
    }
}

fn rate(path: &str, r: &Measured<q::Ratio>) -> Result<()> {
    let x = r.si();
    if x > -1.0 && x <= 1.0 {
        Ok(())
    } else {
        Err(Error::out_of_range(
            path,
            r,
            "must be more than -100 % and at most 100 % per year",
        ))
    }
}

/// How each option's investment is financed (`[finance.financing]`): a loan for a share, a
/// grant for another, the rest from the owner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FinancingTerms {
    /// Share of the investment borrowed, e.g. `"70 %"`.
    pub loan_share: Measured<q::Ratio>,
    /// Nominal interest rate of the loan per year, e.g. `"11 %"`.
    pub interest_rate: Measured<q::Ratio>,
    /// Term of the loan, grace included, a whole number of years (`"5 yr"`).
    pub loan_term: Measured<q::Time>,
    /// Payments per year (12 for monthly); 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payments_per_year: Option<u32>,
    /// Grace at the start of the loan, a whole number of payment periods (`"6 mo"` with
    /// monthly payments); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grace: Option<Measured<q::Time>>,
    /// Whether interest is added to the loan during grace (else it is paid).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub capitalize_grace: bool,
    /// Share of the investment covered by a grant or co-funding; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant_share: Option<Measured<q::Ratio>>,
    /// Guarantee fee per year on the balance outstanding; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guarantee_fee: Option<Measured<q::Ratio>>,
}

impl FinancingTerms {
    /// The terms for the finance engine, checked.
    pub fn to_financing(&self) -> Result<crate::finance::Financing> {
        let path = "finance.financing";
        let share = |name: &str, r: Option<&Measured<q::Ratio>>| -> Result<f64> {
            let x = r.map_or(0.0, |r| r.si());
            if (0.0..=1.0).contains(&x) {
                Ok(x)
            } else {
                Err(Error::out_of_range(
                    format!("{path}.{name}"),
                    r.map_or(String::new(), ToString::to_string),
                    "must be from 0 % to 100 %",
                ))
            }
        };
        let loan_share = share("loan_share", Some(&self.loan_share))?;
        let grant_share = share("grant_share", self.grant_share.as_ref())?;
        if loan_share + grant_share > 1.0 + 1e-12 {
            return Err(Error::out_of_range(
                format!("{path}.grant_share"),
                self.grant_share
                    .as_ref()
                    .map_or(String::new(), ToString::to_string),
                "with loan_share, finances more than the investment",
            ));
        }
        rate(&format!("{path}.interest_rate"), &self.interest_rate)?;
        let guarantee_fee = share("guarantee_fee", self.guarantee_fee.as_ref())?;
        let years = self.loan_term.si() / SECONDS_PER_YEAR;
        if !((1.0..=50.0).contains(&years) && (years - years.round()).abs() < 1e-9) {
            return Err(Error::out_of_range(
                format!("{path}.loan_term"),
                &self.loan_term,
                "must be a whole number of years from 1 to 50",
            ));
        }
        let payments_per_year = self.payments_per_year.unwrap_or(1);
        if !(1..=366).contains(&payments_per_year) {
            return Err(Error::out_of_range(
                format!("{path}.payments_per_year"),
                payments_per_year,
                "must be from 1 to 366",
            ));
        }
        let grace = self.grace.as_ref().map_or(0.0, |g| {
            g.si() / SECONDS_PER_YEAR * f64::from(payments_per_year)
        });
        let total = years * f64::from(payments_per_year);
        if !(grace >= 0.0 && (grace - grace.round()).abs() < 1e-6 && grace < total) {
            return Err(Error::out_of_range(
                format!("{path}.grace"),
                self.grace
                    .as_ref()
                    .map_or(String::new(), ToString::to_string),
                "must be a whole number of payment periods shorter than the loan",
            ));
        }
        Ok(crate::finance::Financing {
            loan_share,
            grant_share,
            annual_rate: self.interest_rate.si(),
            loan_years: years.round() as u32,
            payments_per_year,
            grace_periods: grace.round() as u32,
            capitalize_grace: self.capitalize_grace,
            guarantee_fee,
        })
    }
}
