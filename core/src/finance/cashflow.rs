//! Building an option's yearly cash flows: staged investment, savings by commodity with their
//! own escalation, O&M change, salvage, real or nominal money, and profit tax with straight-line
//! depreciation.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::check;
use crate::error::{Error, Result};

/// Whether cash flows are in today's money (real) or in the money of each year (nominal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MoneyBasis {
    /// Today's money; discount at a real rate.
    #[default]
    Real,
    /// Each year's money, escalated by general inflation; discount at a nominal rate.
    Nominal,
}

/// A yearly saving (positive) or cost (negative) at today's prices, escalating at its own real
/// rate on top of general inflation (an energy price rising 2 % a year faster than prices in
/// general has `escalation = 0.02`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stream {
    /// What is saved: "water", "electricity", "chromium sulphate".
    pub name: String,
    /// Amount per year at today's prices.
    pub per_year: f64,
    /// Real escalation per year (a fraction; 0 when absent).
    #[serde(default)]
    pub escalation: f64,
}

/// Profit tax on the savings, with straight-line depreciation of the investment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tax {
    /// Tax rate on profit (a fraction).
    pub rate: f64,
    /// Years over which each investment is depreciated, from the year after it is spent.
    pub depreciation_years: u32,
}

/// What an option costs and saves, year by year.
///
/// ```
/// use cleanprod::finance::{CashFlowPlan, Stream};
/// let plan = CashFlowPlan {
///     capex: vec![1_000.0],
///     savings: vec![Stream { name: "water".into(), per_year: 300.0, escalation: 0.0 }],
///     years: 5,
///     ..CashFlowPlan::default()
/// };
/// assert_eq!(plan.build().unwrap().net, vec![-1_000.0, 300.0, 300.0, 300.0, 300.0, 300.0]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CashFlowPlan {
    /// Investment spent in year 0, 1, ... (positive amounts; several for staged investment).
    pub capex: Vec<f64>,
    /// Savings per year by commodity.
    #[serde(default)]
    pub savings: Vec<Stream>,
    /// Change in operating and maintenance cost per year (positive: more cost), today's prices.
    #[serde(default)]
    pub om_change: f64,
    /// Value of the equipment at the end of the horizon, today's prices.
    #[serde(default)]
    pub salvage: f64,
    /// Horizon in years (flows for years 0 to `years`).
    pub years: u32,
    /// First year with savings and O&M change (1 when absent: the year after the investment).
    #[serde(default = "one")]
    pub first_saving_year: u32,
    /// General inflation per year (a fraction).
    #[serde(default)]
    pub inflation: f64,
    /// Real (today's money) or nominal (each year's money).
    #[serde(default)]
    pub basis: MoneyBasis,
    /// Profit tax, when the appraisal is after tax.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<Tax>,
}

fn one() -> u32 {
    1
}

impl Default for CashFlowPlan {
    /// No flows over one year, savings from year 1, real money, no tax.
    fn default() -> Self {
        CashFlowPlan {
            capex: Vec::new(),
            savings: Vec::new(),
            om_change: 0.0,
            salvage: 0.0,
            years: 1,
            first_saving_year: 1,
            inflation: 0.0,
            basis: MoneyBasis::Real,
            tax: None,
        }
    }
}

/// Cash flows for years 0 to the horizon, net and by component (signs as the firm sees them:
/// money out negative).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CashFlows {
    /// Net flow per year.
    pub net: Vec<f64>,
    /// Investment (negative).
    pub capex: Vec<f64>,
    /// Savings per commodity, in the order given.
    pub savings: Vec<(String, Vec<f64>)>,
    /// O&M change (negative when it costs more).
    pub om: Vec<f64>,
    /// Salvage (positive, in the last year).
    pub salvage: Vec<f64>,
    /// Profit tax (negative; positive when depreciation exceeds the savings and the credit is
    /// used against the firm's other profit).
    pub tax: Vec<f64>,
}

/// The real rate equivalent to a nominal rate under `inflation`: (1 + n)/(1 + i) − 1.
///
/// ```
/// let r = cleanprod::finance::real_rate(0.10, 0.05).unwrap();
/// assert!((r - 0.047_619).abs() < 1e-6);
/// ```
pub fn real_rate(nominal: f64, inflation: f64) -> Result<f64> {
    check::rate("nominal", nominal)?;
    check::rate("inflation", inflation)?;
    check::result("real_rate", (1.0 + nominal) / (1.0 + inflation) - 1.0)
}

/// The nominal rate equivalent to a real rate under `inflation`: (1 + r)(1 + i) − 1.
///
/// ```
/// let n = cleanprod::finance::nominal_rate(0.05, 0.02).unwrap();
/// assert!((n - 0.071).abs() < 1e-12);
/// ```
pub fn nominal_rate(real: f64, inflation: f64) -> Result<f64> {
    check::rate("real", real)?;
    check::rate("inflation", inflation)?;
    check::result("nominal_rate", (1.0 + real) * (1.0 + inflation) - 1.0)
}

impl CashFlowPlan {
    /// A plan from its JSON form (the Python and JS bindings pass dicts and objects this way).
    ///
    /// ```
    /// use cleanprod::finance::CashFlowPlan;
    /// let plan = CashFlowPlan::from_json_str(r#"{"capex": [1000], "years": 2,
    ///     "savings": [{"name": "water", "per_year": 600}]}"#).unwrap();
    /// assert_eq!(plan.build().unwrap().net, vec![-1_000.0, 600.0, 600.0]);
    /// assert_eq!(CashFlowPlan::from_json_str(r#"{"years": 2}"#).unwrap_err().path(), "capex");
    /// ```
    pub fn from_json_str(text: &str) -> Result<CashFlowPlan> {
        crate::wire::typed_from_json(text)
    }

    fn validate(&self) -> Result<()> {
        if !(1..=100).contains(&self.years) {
            return Err(Error::out_of_range(
                "years",
                self.years,
                "must be from 1 to 100",
            ));
        }
        if self.capex.len() > self.years as usize + 1 {
            return Err(Error::out_of_range(
                "capex",
                self.capex.len(),
                "has more years than the horizon",
            ));
        }
        check::flows("capex", &self.capex).or_else(|e| {
            if self.capex.is_empty() {
                Ok(())
            } else {
                Err(e)
            }
        })?;
        for (i, c) in self.capex.iter().enumerate() {
            if *c < 0.0 {
                return Err(Error::out_of_range(
                    format!("capex[{i}]"),
                    c,
                    "must not be negative: it is money spent",
                ));
            }
        }
        for (i, s) in self.savings.iter().enumerate() {
            // The stream's path is written only for an error.
            check::finite("per_year", s.per_year)
                .and_then(|()| check::rate("escalation", s.escalation))
                .map_err(|e| {
                    let field = e.path().to_string();
                    e.with_path(format!("savings[{i}].{field}"))
                })?;
        }
        check::finite("om_change", self.om_change)?;
        check::finite("salvage", self.salvage)?;
        check::rate("inflation", self.inflation)?;
        if self.first_saving_year > self.years {
            return Err(Error::out_of_range(
                "first_saving_year",
                self.first_saving_year,
                "is after the horizon",
            ));
        }
        if let Some(t) = self.tax {
            if !(0.0..1.0).contains(&t.rate) {
                return Err(Error::out_of_range(
                    "tax.rate",
                    t.rate,
                    "must be from 0 to less than 1",
                ));
            }
            if t.depreciation_years == 0 {
                return Err(Error::out_of_range(
                    "tax.depreciation_years",
                    0,
                    "must be at least 1",
                ));
            }
        }
        Ok(())
    }

    /// The cash flows.
    ///
    /// ```
    /// use cleanprod::finance::{CashFlowPlan, MoneyBasis, Stream};
    /// // A saving escalating 2 % a year, in nominal money under 3 % inflation.
    /// let plan = CashFlowPlan {
    ///     capex: vec![500.0],
    ///     savings: vec![Stream { name: "gas".into(), per_year: 100.0, escalation: 0.02 }],
    ///     years: 2,
    ///     inflation: 0.03,
    ///     basis: MoneyBasis::Nominal,
    ///     ..CashFlowPlan::default()
    /// };
    /// let flows = plan.build().unwrap();
    /// assert!((flows.net[1] - 100.0 * 1.02 * 1.03).abs() < 1e-9);
    /// ```
    pub fn build(&self) -> Result<CashFlows> {
        self.validate()?;
        let n = self.years as usize + 1;
        let general = |t: usize| match self.basis {
            MoneyBasis::Real => 1.0,
            MoneyBasis::Nominal => (1.0 + self.inflation).powi(t as i32),
        };
        let active = |t: usize| t >= self.first_saving_year as usize;
        let mut capex = vec![0.0; n];
        for (t, c) in self.capex.iter().enumerate() {
            capex[t] = -c * general(t);
        }
        let savings: Vec<(String, Vec<f64>)> = self
            .savings
            .iter()
            .map(|s| {
                let flows = (0..n)
                    .map(|t| {
                        if active(t) {
                            s.per_year * (1.0 + s.escalation).powi(t as i32) * general(t)
                        } else {
                            0.0
                        }
                    })
                    .collect();
                (s.name.clone(), flows)
            })
            .collect();
        let om: Vec<f64> = (0..n)
            .map(|t| {
                if active(t) {
                    -self.om_change * general(t)
                } else {
                    0.0
                }
            })
            .collect();
        let mut salvage = vec![0.0; n];
        salvage[n - 1] = self.salvage * general(n - 1);
        let mut tax = vec![0.0; n];
        if let Some(t) = self.tax {
            let mut depreciation = vec![0.0; n];
            let mut book_left = 0.0;
            for (k, c) in capex.iter().enumerate() {
                let life = t.depreciation_years as usize;
                let per_year = -c / life as f64;
                let within = depreciation.iter_mut().skip(k + 1).take(life);
                let years_within = within.map(|d| *d += per_year).count();
                book_left += per_year * (life - years_within) as f64;
            }
            for y in 0..n {
                let saved: f64 = savings.iter().map(|(_, f)| f[y]).sum();
                // Salvage is taxed on its gain over the book value left at the end.
                let gain = if y == n - 1 {
                    salvage[y] - book_left
                } else {
                    0.0
                };
                tax[y] = -t.rate * (saved + om[y] - depreciation[y] + gain);
            }
        }
        let net = (0..n)
            .map(|t| {
                capex[t]
                    + savings.iter().map(|(_, f)| f[t]).sum::<f64>()
                    + om[t]
                    + salvage[t]
                    + tax[t]
            })
            .collect();
        Ok(CashFlows {
            net,
            capex,
            savings,
            om,
            salvage,
            tax,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::npv;
    use approx::assert_relative_eq;

    fn plan() -> CashFlowPlan {
        CashFlowPlan {
            capex: vec![1_000.0],
            savings: vec![Stream {
                name: "water".into(),
                per_year: 300.0,
                escalation: 0.0,
            }],
            years: 5,
            ..CashFlowPlan::default()
        }
    }

    #[test]
    fn escalation_and_om() {
        let p = CashFlowPlan {
            savings: vec![Stream {
                name: "gas".into(),
                per_year: 300.0,
                escalation: 0.10,
            }],
            om_change: 50.0,
            salvage: 100.0,
            ..plan()
        };
        let f = p.build().unwrap();
        assert_eq!(f.net[0], -1_000.0);
        assert_relative_eq!(f.net[1], 330.0 - 50.0, max_relative = 1e-12);
        assert_relative_eq!(f.net[2], 363.0 - 50.0, max_relative = 1e-12);
        assert_relative_eq!(
            f.net[5],
            300.0 * 1.1f64.powi(5) - 50.0 + 100.0,
            max_relative = 1e-12
        );
    }

    #[test]
    fn real_and_nominal_give_the_same_npv() {
        let real = CashFlowPlan {
            inflation: 0.04,
            om_change: 20.0,
            salvage: 50.0,
            ..plan()
        };
        let nominal = CashFlowPlan {
            basis: MoneyBasis::Nominal,
            ..real.clone()
        };
        let r = 0.08;
        let a = npv(r, &real.build().unwrap().net).unwrap();
        let b = npv(
            nominal_rate(r, 0.04).unwrap(),
            &nominal.build().unwrap().net,
        )
        .unwrap();
        assert_relative_eq!(a, b, max_relative = 1e-12);
        assert_relative_eq!(
            real_rate(nominal_rate(r, 0.04).unwrap(), 0.04).unwrap(),
            r,
            max_relative = 1e-12
        );
    }

    #[test]
    fn tax_with_straight_line_depreciation() {
        // 1,000 depreciated over 5 years: taxable 300 − 200 = 100, tax 30, net 270.
        let p = CashFlowPlan {
            tax: Some(Tax {
                rate: 0.30,
                depreciation_years: 5,
            }),
            ..plan()
        };
        let f = p.build().unwrap();
        for y in 1..=5 {
            assert_relative_eq!(f.net[y], 270.0, max_relative = 1e-12);
        }
        // depreciation beyond the horizon leaves book value: salvage gain is reduced by it
        let p = CashFlowPlan {
            years: 2,
            salvage: 700.0,
            tax: Some(Tax {
                rate: 0.5,
                depreciation_years: 5,
            }),
            ..plan()
        };
        let f = p.build().unwrap();
        // year 2: taxable = 300 − 200 + (700 − 600) = 200 → tax 100
        assert_relative_eq!(f.tax[2], -100.0, max_relative = 1e-12);
    }

    #[test]
    fn staged_capex_and_late_savings() {
        let p = CashFlowPlan {
            capex: vec![600.0, 400.0],
            first_saving_year: 2,
            ..plan()
        };
        let f = p.build().unwrap();
        assert_eq!(f.net, vec![-600.0, -400.0, 300.0, 300.0, 300.0, 300.0]);
        assert!(
            CashFlowPlan {
                capex: vec![-1.0],
                ..plan()
            }
            .build()
            .is_err()
        );
        assert!(CashFlowPlan { years: 0, ..plan() }.build().is_err());
    }
}
