//! The operating schedule, and how rates become annual amounts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use crate::error::{Error, Result};
use crate::units::{Measure, Measured, TimeBasis};

/// Seconds in the 365-day year used for per-year figures.
pub const SECONDS_PER_YEAR: f64 = 365.0 * 86_400.0;

/// When the site operates.
///
/// A rate per day (`"12 t/d"`) means per operating day and a rate per hour (`"3 m3/h"`) per
/// operating hour; a rate per year is per calendar year. That is how consultants write them,
/// and reading `t/d` as per calendar day would overstate a 300-day plant by a fifth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Operating days per year (1 to 366).
    pub days_per_year: u32,
    /// Operating hours per operating day (more than 0 h, at most 24 h).
    pub hours_per_day: Measured<q::Time>,
    /// Batches per operating day, for processes that run in batches (more than 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batches_per_day: Option<f64>,
}

/// A rate whose annual total is an amount: mass rate → mass, volume rate → volume, power →
/// energy, gas flow → gas amount, count per time → count.
pub trait Rate: Measure {
    /// The amount accumulated over time.
    type Amount: Measure;
}

impl Rate for q::MassRate {
    type Amount = q::Mass;
}
impl Rate for q::VolumeRate {
    type Amount = q::Volume;
}
impl Rate for q::Power {
    type Amount = q::Energy;
}
impl Rate for q::CatalyticActivity {
    type Amount = q::AmountOfSubstance;
}
impl Rate for q::Frequency {
    type Amount = q::Ratio;
}

impl Schedule {
    /// A schedule without batches.
    pub fn new(days_per_year: u32, hours_per_day: Measured<q::Time>) -> Self {
        Schedule {
            days_per_year,
            hours_per_day,
            batches_per_day: None,
        }
    }

    /// Operating time per year.
    pub fn operating_time(&self) -> q::Time {
        q::Time::from_si(f64::from(self.days_per_year) * self.hours_per_day.si())
    }

    /// The amount per year of `rate`, annualized by the time unit it was written with.
    ///
    /// ```
    /// use cleanprod::document::Schedule;
    /// use cleanprod::units::Measured;
    /// use uom::si::f64::MassRate;
    /// use uom::si::mass::ton; // the metric tonne in uom
    ///
    /// let s = Schedule::new(300, "16 h".parse().unwrap());
    /// let hides: Measured<MassRate> = "12 t/d".parse().unwrap();
    /// assert!((s.per_year(&hides).get::<ton>() - 3600.0).abs() < 1e-9);
    /// ```
    pub fn per_year<R: Rate>(&self, rate: &Measured<R>) -> R::Amount {
        let seconds = match rate.time_basis() {
            Some(TimeBasis::Hour) | None => self.operating_time().si(),
            Some(TimeBasis::Day) => f64::from(self.days_per_year) * 86_400.0,
            Some(TimeBasis::Year) => SECONDS_PER_YEAR,
        };
        R::Amount::from_si(rate.si() * seconds)
    }

    pub(crate) fn validate(&self) -> Result<()> {
        if !(1..=366).contains(&self.days_per_year) {
            return Err(Error::out_of_range(
                "schedule.days_per_year",
                self.days_per_year,
                "is outside 1 to 366 operating days per year",
            ));
        }
        let h = self.hours_per_day.si() / 3_600.0;
        if !(h > 0.0 && h <= 24.0) {
            return Err(Error::out_of_range(
                "schedule.hours_per_day",
                &self.hours_per_day,
                "must be more than 0 h and at most 24 h",
            ));
        }
        if let Some(b) = self.batches_per_day
            && !(b.is_finite() && b > 0.0)
        {
            return Err(Error::out_of_range(
                "schedule.batches_per_day",
                b,
                "must be a positive number",
            ));
        }
        Ok(())
    }
}
