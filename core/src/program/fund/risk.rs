//! What a fund's Monte Carlo simulation draws (the savings the options realise) and when the
//! fund is said to survive.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::sections::uncertainty::Shape;
use crate::uncertainty::Distribution;

/// The risk settings of a fund; the deterministic simulation uses none of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// The share of its estimated annual saving each option financed realises, drawn once per
    /// loan (none: every borrower pays its instalments in full).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub savings: Option<SavingsShare>,
    /// Years a loan may stay in arrears: at the end of this many years in a row with
    /// something still unpaid, it defaults (1 to 50; 2 when absent).
    #[serde(default = "default_arrears_years")]
    pub arrears_years: u32,
    /// The fund survives a draw when its cash is never negative and, at the horizon, its cash
    /// plus the principal still outstanding is at least this share of the capital contributed
    /// (1, the capital kept, when absent).
    #[serde(default = "default_survival_share")]
    pub survival_share: f64,
}

fn default_arrears_years() -> u32 {
    2
}

fn default_survival_share() -> f64 {
    1.0
}

impl Default for Risk {
    fn default() -> Risk {
        Risk {
            savings: None,
            arrears_years: default_arrears_years(),
            survival_share: default_survival_share(),
        }
    }
}

/// A distribution of the share of the estimated saving realised (1: as estimated; 0.7: 30 %
/// short), written as in a document's uncertainty section but with plain numbers: `min`,
/// `max` (uniform); `min`, `mode`, `max` (triangular, PERT); `mean`, `sd`, optionally `min`,
/// `max` (normal, lognormal; truncated at 0 when `min` is absent); `values` and `weights`
/// (discrete).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SavingsShare {
    /// The shape (uniform when absent, discrete when `values` are given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<Shape>,
    /// Lower bound, or truncation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Most likely value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<f64>,
    /// Upper bound, or truncation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Mean (normal, lognormal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    /// Standard deviation (normal, lognormal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sd: Option<f64>,
    /// Values of a discrete distribution.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<f64>,
    /// Their weights (equal when absent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<f64>,
}

impl SavingsShare {
    /// The distribution, checked: `at` is its field path.
    pub fn distribution(&self, at: &str) -> Result<Distribution> {
        let need = |field: &str, x: Option<f64>| {
            x.ok_or_else(|| Error::MissingField {
                path: format!("{at}.{field}"),
            })
        };
        let shape = self.distribution.unwrap_or(if self.values.is_empty() {
            Shape::Uniform
        } else {
            Shape::Discrete
        });
        let d = match shape {
            Shape::Uniform => Distribution::Uniform {
                min: need("min", self.min)?,
                max: need("max", self.max)?,
            },
            Shape::Triangular => Distribution::Triangular {
                min: need("min", self.min)?,
                mode: need("mode", self.mode)?,
                max: need("max", self.max)?,
            },
            Shape::Pert => Distribution::Pert {
                min: need("min", self.min)?,
                mode: need("mode", self.mode)?,
                max: need("max", self.max)?,
            },
            Shape::Normal | Shape::Lognormal => {
                let (mean, sd) = (need("mean", self.mean)?, need("sd", self.sd)?);
                let (min, max) = (self.min.unwrap_or(0.0), self.max.unwrap_or(f64::INFINITY));
                if shape == Shape::Normal {
                    Distribution::Normal { mean, sd, min, max }
                } else {
                    Distribution::Lognormal { mean, sd, min, max }
                }
            }
            Shape::Discrete => {
                if self.values.is_empty() {
                    return Err(Error::MissingField {
                        path: format!("{at}.values"),
                    });
                }
                if !self.weights.is_empty() && self.weights.len() != self.values.len() {
                    return Err(Error::out_of_range(
                        format!("{at}.weights"),
                        self.weights.len(),
                        format!("weights for {} values", self.values.len()),
                    ));
                }
                Distribution::Discrete {
                    values: self.values.clone(),
                    weights: if self.weights.is_empty() {
                        vec![1.0; self.values.len()]
                    } else {
                        self.weights.clone()
                    },
                }
            }
        };
        // Shares are finite and never negative (infinite upper truncations aside).
        let fields = [
            ("min", self.min),
            ("mode", self.mode),
            ("max", self.max),
            ("mean", self.mean),
            ("sd", self.sd),
        ];
        for (field, x) in fields {
            if let Some(x) = x
                && !(x.is_finite() && x >= 0.0)
            {
                return Err(Error::out_of_range(
                    format!("{at}.{field}"),
                    x,
                    "must be a finite share, not negative",
                ));
            }
        }
        for (k, x) in self.values.iter().enumerate() {
            if !(x.is_finite() && *x >= 0.0) {
                return Err(Error::out_of_range(
                    format!("{at}.values[{k}]"),
                    x,
                    "must be a finite share, not negative",
                ));
            }
        }
        crate::uncertainty::inputs::check(&d, at)?;
        Ok(d)
    }
}

impl Risk {
    pub(super) fn validate(&self, at: &str) -> Result<()> {
        if let Some(s) = &self.savings {
            s.distribution(&format!("{at}.savings"))?;
        }
        if !(1..=50).contains(&self.arrears_years) {
            return Err(Error::out_of_range(
                format!("{at}.arrears_years"),
                self.arrears_years,
                "must be from 1 to 50",
            ));
        }
        if !(self.survival_share.is_finite() && self.survival_share >= 0.0) {
            return Err(Error::out_of_range(
                format!("{at}.survival_share"),
                self.survival_share,
                "must be a finite share, not negative",
            ));
        }
        Ok(())
    }
}
