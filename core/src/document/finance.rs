//! Finance parameters of an assessment.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use super::schedule::SECONDS_PER_YEAR;
use crate::error::{Error, Result};
use crate::units::Measured;

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
    #[serde(
        default,
        deserialize_with = "super::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Ratio>")]
    pub inflation: Option<Measured<q::Ratio>>,
    /// Options paying back within this time are "low-cost" (a programme's setting; 1 yr when
    /// absent).
    #[serde(
        default,
        deserialize_with = "super::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Measured<q::Time>")]
    pub low_cost_payback: Option<Measured<q::Time>>,
    /// Capital available for the options; the portfolio then selects the set with the highest
    /// NPV within it.
    #[serde(
        default,
        deserialize_with = "super::present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "crate::money::Money")]
    pub capital_budget: Option<crate::money::Money>,
}

impl Finance {
    /// The horizon in whole years (valid after [`Finance::validate`]).
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
