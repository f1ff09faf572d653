//! Cash flows on calendar dates: XNPV and XIRR (actual/365, as Excel and pyxirr).

use std::fmt;
use std::str::FromStr;

use super::check;
use super::irr::{Flows, Irr, solve};
use crate::error::{Error, Result};
use crate::math;

/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
///
/// ```
/// use cleanprod::finance::Date;
/// let d: Date = "2008-03-01".parse().unwrap();
/// assert_eq!(d.days() - "2008-01-01".parse::<Date>().unwrap().days(), 60);
/// assert_eq!(d.to_string(), "2008-03-01");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

impl Date {
    /// The date `days` after 1970-01-01 (negative before).
    pub fn from_days(days: i32) -> Date {
        Date(days)
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i32 {
        self.0
    }

    /// The UTC day of a time in milliseconds since 1970-01-01T00:00Z (a JavaScript `Date`'s
    /// value), within the ±10⁸ days a JavaScript `Date` can hold.
    ///
    /// ```
    /// use cleanprod::finance::Date;
    /// let d = Date::from_unix_millis(1_199_145_600_000.0 + 3_600_000.0).unwrap();
    /// assert_eq!(d.to_string(), "2008-01-01");
    /// assert_eq!(Date::from_unix_millis(-1.0).unwrap().to_string(), "1969-12-31");
    /// assert!(Date::from_unix_millis(f64::NAN).is_err());
    /// ```
    pub fn from_unix_millis(ms: f64) -> Result<Date> {
        const MS_PER_DAY: f64 = 86_400_000.0;
        const MAX_DAYS: f64 = 1e8;
        let days = (ms / MS_PER_DAY).floor();
        if days.is_finite() && days.abs() <= MAX_DAYS {
            // |days| ≤ 1e8 fits an i32 exactly.
            Ok(Date(days as i32))
        } else {
            Err(Error::out_of_range(
                "date",
                ms,
                "is not a valid time (milliseconds since 1970-01-01, within 10^8 days)",
            ))
        }
    }

    /// The date of a year, month (1–12) and day (1–31), if it exists.
    ///
    /// ```
    /// use cleanprod::finance::Date;
    /// let d = Date::from_ymd(2024, 2, 29).unwrap();
    /// assert_eq!(d.ymd(), (2024, 2, 29));
    /// assert_eq!(Date::from_ymd(2023, 2, 29), None);
    /// ```
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Days from civil: count from 0000-03-01 in 400-year eras of 146 097 days.
        let y = i64::from(if month <= 2 { year - 1 } else { year });
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        i32::try_from(era * 146_097 + doe - 719_468).ok().map(Date)
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = i64::from(self.0) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        (year, month, day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = Error;

    /// `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date> {
        let bad = || Error::out_of_range("date", s, "is not a date written YYYY-MM-DD");
        let mut parts = s.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (y, m, d) = (
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        );
        Date::from_ymd(y, m, d).ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// How the time between two dates is counted in years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DayCount {
    /// Actual days / 365 (Excel's XNPV and XIRR, pyxirr's default).
    #[default]
    Act365Fixed,
    /// Actual days / 360 (money-market convention).
    Act360,
    /// 30/360 US (NASD): months of 30 days, years of 360.
    Thirty360,
}

impl DayCount {
    /// The canonical name: `"act/365f"`, `"act/360"` or `"30/360"`.
    pub fn name(self) -> &'static str {
        match self {
            DayCount::Act365Fixed => "act/365f",
            DayCount::Act360 => "act/360",
            DayCount::Thirty360 => "30/360",
        }
    }

    /// `"act/365f"` (also `"act/365"`), `"act/360"` or `"30/360"` (see the [`FromStr`]
    /// implementation).
    pub fn from_name(name: &str) -> Result<DayCount> {
        name.parse()
    }

    /// Years from `a` to `b`.
    pub fn years(self, a: Date, b: Date) -> f64 {
        match self {
            DayCount::Act365Fixed => f64::from(b.0 - a.0) / 365.0,
            DayCount::Act360 => f64::from(b.0 - a.0) / 360.0,
            DayCount::Thirty360 => {
                let (y1, m1, d1) = a.ymd();
                let (y2, m2, d2) = b.ymd();
                let d1 = if d1 == 31 { 30 } else { d1 };
                let d2 = if d2 == 31 && d1 >= 30 { 30 } else { d2 };
                let days = 360 * (y2 - y1) + 30 * (m2 as i32 - m1 as i32) + (d2 as i32 - d1 as i32);
                f64::from(days) / 360.0
            }
        }
    }
}

impl FromStr for DayCount {
    type Err = Error;

    /// `"act/365f"` (also `"act/365"`, `"actual/365"`), `"act/360"` (`"actual/360"`) or
    /// `"30/360"` (`"30/360 us"`), in any case; any other name is an
    /// [`Error::UnknownVariant`] at `day_count`.
    ///
    /// ```
    /// use cleanprod::finance::DayCount;
    /// assert_eq!("ACT/360".parse::<DayCount>().unwrap(), DayCount::Act360);
    /// assert!("bus/252".parse::<DayCount>().is_err());
    /// ```
    fn from_str(name: &str) -> Result<DayCount> {
        match name.to_ascii_lowercase().as_str() {
            "act/365f" | "act/365" | "actual/365" => Ok(DayCount::Act365Fixed),
            "act/360" | "actual/360" => Ok(DayCount::Act360),
            "30/360" | "30/360 us" => Ok(DayCount::Thirty360),
            _ => Err(Error::UnknownVariant {
                path: "day_count".to_string(),
                value: name.to_string(),
                expected: "act/365f, act/360, 30/360".to_string(),
            }),
        }
    }
}

/// Dated flows in years from the first date, sorted by time.
struct Dated {
    terms: Vec<(f64, f64)>,
    t_max: f64,
}

impl Dated {
    fn new(dates: &[Date], amounts: &[f64], day_count: DayCount) -> Result<Dated> {
        check::flows("amounts", amounts)?;
        if dates.len() != amounts.len() {
            return Err(Error::out_of_range(
                "dates",
                dates.len(),
                format!("dates must be as many as amounts ({})", amounts.len()),
            ));
        }
        let first = dates[0];
        let mut terms = Vec::with_capacity(dates.len());
        for (i, (d, a)) in dates.iter().zip(amounts).enumerate() {
            if *d < first {
                return Err(Error::out_of_range(
                    format!("dates[{i}]"),
                    d,
                    format!("is before the first date {first}"),
                ));
            }
            terms.push((day_count.years(first, *d), *a));
        }
        terms.sort_by(|a, b| a.0.total_cmp(&b.0));
        let t_max = terms.last().map_or(0.0, |t| t.0);
        Ok(Dated { terms, t_max })
    }
}

impl Flows for Dated {
    fn eval(&self, u: f64) -> (f64, f64, f64) {
        // Scale by e^(t_max·u) for u < 0 so that every exponent is ≤ 0.
        let shift = if u < 0.0 { self.t_max } else { 0.0 };
        let (mut f, mut d, mut s) = (0.0, 0.0, 0.0);
        for (t, a) in &self.terms {
            let e = math::exp((shift - t) * u);
            f += a * e;
            d += t * a * e;
            s += a.abs() * e;
        }
        (f, d, s)
    }

    fn eval_fdd(&self, u: f64) -> (f64, f64, f64) {
        let shift = if u < 0.0 { self.t_max } else { 0.0 };
        let (mut f, mut d, mut d2) = (0.0, 0.0, 0.0);
        for (t, a) in &self.terms {
            let e = a * math::exp((shift - t) * u);
            f += e;
            d += t * e;
            d2 += t * t * e;
        }
        (f, d, d2)
    }

    fn terms(&self) -> impl Iterator<Item = (f64, f64)> {
        self.terms.iter().copied()
    }
}

/// Net present value at `rate` per year of `amounts` on `dates`, discounted to the first date
/// over a 365-day year (Excel's XNPV).
///
/// ```
/// use cleanprod::finance::{xnpv, Date};
/// // Microsoft Excel XNPV documentation: 2086.65
/// let dates: Vec<Date> = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
///     .iter().map(|d| d.parse().unwrap()).collect();
/// let v = xnpv(0.09, &dates, &[-10_000.0, 2_750.0, 4_250.0, 3_250.0, 2_750.0]).unwrap();
/// assert!((v - 2086.65).abs() < 0.005);
/// ```
pub fn xnpv(rate: f64, dates: &[Date], amounts: &[f64]) -> Result<f64> {
    xnpv_with(rate, dates, amounts, DayCount::Act365Fixed)
}

/// [`xnpv`] with another day count.
///
/// ```
/// use cleanprod::finance::{xnpv_with, Date, DayCount};
/// let dates: Vec<Date> = ["2024-01-01", "2024-12-26"].iter().map(|d| d.parse().unwrap()).collect();
/// // 360 days: one year under act/360, so 110 a year later is worth 100 at 10 %.
/// let v = xnpv_with(0.10, &dates, &[-100.0, 110.0], DayCount::Act360).unwrap();
/// assert!(v.abs() < 1e-9);
/// ```
pub fn xnpv_with(rate: f64, dates: &[Date], amounts: &[f64], day_count: DayCount) -> Result<f64> {
    check::rate("rate", rate)?;
    let flows = Dated::new(dates, amounts, day_count)?;
    let u = math::ln_1p(rate);
    let v: f64 = flows.terms.iter().map(|(t, a)| a * math::exp(-t * u)).sum();
    check::result("xnpv", v)
}

/// The rate per year that makes [`xnpv`] zero (Excel's XIRR), with every root found when the
/// flows change sign more than once; the root nearest `guess` is [`Irr::rate`].
///
/// ```
/// use cleanprod::finance::{xirr, Date};
/// // Microsoft Excel XIRR documentation: 0.373362535
/// let dates: Vec<Date> = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
///     .iter().map(|d| d.parse().unwrap()).collect();
/// let r = xirr(&dates, &[-10_000.0, 2_750.0, 4_250.0, 3_250.0, 2_750.0], 0.1).unwrap();
/// assert!((r.rate - 0.373362535).abs() < 5e-9);
/// ```
pub fn xirr(dates: &[Date], amounts: &[f64], guess: f64) -> Result<Irr> {
    xirr_with(dates, amounts, guess, DayCount::Act365Fixed)
}

/// [`xirr`] with another day count.
///
/// ```
/// use cleanprod::finance::{xirr_with, Date, DayCount};
/// let dates: Vec<Date> = ["2024-01-01", "2024-12-26"].iter().map(|d| d.parse().unwrap()).collect();
/// let r = xirr_with(&dates, &[-100.0, 110.0], 0.1, DayCount::Act360).unwrap();
/// assert!((r.rate - 0.10).abs() < 1e-9);
/// ```
pub fn xirr_with(dates: &[Date], amounts: &[f64], guess: f64, day_count: DayCount) -> Result<Irr> {
    check::rate("guess", guess)?;
    let flows = Dated::new(dates, amounts, day_count)?;
    solve(&flows, guess).map_err(|reason| Error::NoSolution {
        path: "amounts".to_string(),
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "1899-12-31",
            "2024-12-31",
            "0001-01-01",
        ] {
            let d: Date = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert_eq!("1970-01-02".parse::<Date>().unwrap().days(), 1);
        assert_eq!("2000-03-01".parse::<Date>().unwrap().days(), 11_017);
        for s in ["2023-02-29", "2024-13-01", "24-01-01", "2024-1-01", "x"] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
        for days in (-800_000..800_000).step_by(997) {
            let d = Date::from_days(days);
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(d));
        }
    }

    #[test]
    fn day_counts() {
        let a: Date = "2024-01-31".parse().unwrap();
        let b: Date = "2024-03-31".parse().unwrap();
        assert_eq!(DayCount::Act365Fixed.years(a, b), 60.0 / 365.0);
        assert_eq!(DayCount::Act360.years(a, b), 60.0 / 360.0);
        // 30/360: 31st → 30th on both ends: two months of 30 days
        assert_eq!(DayCount::Thirty360.years(a, b), 60.0 / 360.0);
        let c: Date = "2024-02-29".parse().unwrap();
        assert_eq!(DayCount::Thirty360.years(a, c), 29.0 / 360.0);
        let e = DayCount::from_name("bus/252").unwrap_err();
        assert_eq!(
            (e.code(), e.path(), e.value()),
            ("unknown_variant", "day_count", Some("bus/252"))
        );
        for c in [DayCount::Act365Fixed, DayCount::Act360, DayCount::Thirty360] {
            assert_eq!(c.name().parse::<DayCount>().unwrap(), c);
        }
        assert_eq!("act/365".parse::<DayCount>().unwrap(), DayCount::default());
        // one year at 10 % by 30/360 from 2023-01-15 to 2024-01-15
        let d = ["2023-01-15".parse().unwrap(), "2024-01-15".parse().unwrap()];
        let r = xirr_with(&d, &[-100.0, 110.0], 0.1, DayCount::Thirty360)
            .unwrap()
            .rate;
        assert!((r - 0.1).abs() < 1e-12);
    }

    #[test]
    fn dates_from_unix_millis() {
        // 2008-03-01T00:00Z is 1,204,329,600,000 ms; any time that day gives that day.
        let day: Date = "2008-03-01".parse().unwrap();
        for ms in [1_204_329_600_000.0, 1_204_329_600_000.0 + 86_399_999.0] {
            assert_eq!(Date::from_unix_millis(ms).unwrap(), day);
        }
        assert_eq!(Date::from_unix_millis(-86_400_000.0).unwrap().days(), -1);
        assert_eq!(Date::from_unix_millis(8.64e15).unwrap().days(), 100_000_000);
        for bad in [f64::NAN, f64::INFINITY, 8.64e15 + 86_400_000.0] {
            assert_eq!(Date::from_unix_millis(bad).unwrap_err().path(), "date");
        }
    }

    #[test]
    fn refuses_bad_input() {
        let d: Vec<Date> = vec![Date::from_days(10), Date::from_days(5)];
        assert!(xnpv(0.1, &d, &[-1.0, 2.0]).is_err());
        assert!(xnpv(0.1, &d[..1], &[-1.0, 2.0]).is_err());
    }
}
