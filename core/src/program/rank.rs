//! Sites ranked by their potential: which firms to visit first.

use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::aggregate::ExchangeRates;
use super::site::{SiteRow, count};
use crate::error::{Error, Result};

/// What a site's potential is measured by (one visit per site, so each is per visit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Potential {
    /// NPV of the site's portfolio (in one currency: with exchange rates when the sites use
    /// several).
    Npv,
    /// Water saved per year, m3.
    Water,
    /// CO2 avoided per year, t.
    Co2,
    /// Mean NPV of the screening's draws (a screening with an uncertainty section).
    NpvMean,
    /// 10th percentile of the NPV over the screening's draws: the NPV beaten nine times in ten.
    NpvP10,
    /// Median NPV over the screening's draws.
    NpvP50,
    /// 90th percentile of the NPV over the screening's draws.
    NpvP90,
}

impl Potential {
    /// Whether it is money (ranked in one currency).
    pub fn is_money(self) -> bool {
        !matches!(self, Potential::Water | Potential::Co2)
    }

    /// Whether it is a statistic of a screening's draws.
    pub fn needs_draws(self) -> bool {
        matches!(
            self,
            Potential::NpvMean | Potential::NpvP10 | Potential::NpvP50 | Potential::NpvP90
        )
    }
}

impl FromStr for Potential {
    type Err = Error;

    fn from_str(s: &str) -> Result<Potential> {
        match s {
            "npv" => Ok(Potential::Npv),
            "water" => Ok(Potential::Water),
            "co2" => Ok(Potential::Co2),
            "npv_mean" => Ok(Potential::NpvMean),
            "npv_p10" => Ok(Potential::NpvP10),
            "npv_p50" => Ok(Potential::NpvP50),
            "npv_p90" => Ok(Potential::NpvP90),
            _ => Err(Error::out_of_range(
                "potential",
                s,
                "is not a potential: npv, water, co2, or with a screening's draws npv_mean, npv_p10, npv_p50 or npv_p90",
            )),
        }
    }
}

/// One site in a ranking, with the figures its rank depends on.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Ranked {
    /// 1 for the highest potential.
    pub rank: u32,
    /// The document's name.
    pub document: String,
    /// Site name.
    pub site: String,
    /// The value ranked by (NPV in `currency`, m3 or t per year).
    pub value: f64,
    /// Currency of `npv` (the exchange rates' when given).
    pub currency: String,
    /// NPV of the site's portfolio.
    pub npv: f64,
    /// Investment of the portfolio, in `currency`.
    pub capex: f64,
    /// Water saved per year, m3.
    pub water_m3: f64,
    /// CO2 avoided per year, t.
    pub co2_t: f64,
    /// Energy saved per year, MWh.
    pub energy_mwh: f64,
    /// Options in the portfolio.
    pub options: u32,
}

/// `sites` ranked by `by`, highest first (ties in the order given). NPVs in several currencies
/// are ranked only with `rates`; the statistics of draws ([`Potential::needs_draws`]) only by a
/// screening with draws.
pub fn rank(
    sites: &[SiteRow],
    by: Potential,
    rates: Option<&ExchangeRates>,
) -> Result<Vec<Ranked>> {
    if by.needs_draws() {
        return Err(Error::out_of_range(
            "potential",
            super::key_of(&by),
            "is a statistic of draws: only a screening with an uncertainty section ranks by it",
        ));
    }
    let mut rows = Vec::with_capacity(sites.len());
    for s in sites {
        let (currency, k) = match rates {
            Some(x) => (
                x.currency.clone(),
                x.factor(&s.currency).ok_or_else(|| Error::Currency {
                    path: format!("sites[{}].currency", rows.len()),
                    value: s.currency.clone(),
                    found: s.currency.clone(),
                    expected: format!("{} (no exchange rate given for it)", x.currency),
                })?,
            ),
            None => (s.currency.clone(), 1.0),
        };
        let npv = k * s.npv;
        let value = match by {
            Potential::Water => s.per_year.water_m3,
            Potential::Co2 => s.per_year.co2_t,
            _ => npv,
        };
        rows.push(Ranked {
            rank: 0,
            document: s.document.clone(),
            site: s.site.clone(),
            value,
            currency,
            npv,
            capex: k * s.capex,
            water_m3: s.per_year.water_m3,
            co2_t: s.per_year.co2_t,
            energy_mwh: s.per_year.energy_mwh,
            options: s.options,
        });
    }
    if by.is_money()
        && let Some(other) = rows.iter().find(|r| r.currency != rows[0].currency)
    {
        return Err(Error::out_of_range(
            "exchange_rates",
            &other.currency,
            format!(
                "is a second currency beside {}: NPVs in several currencies are ranked only with exchange rates",
                rows[0].currency
            ),
        ));
    }
    // Stable: equal values keep the order given.
    rows.sort_by(|a, b| b.value.total_cmp(&a.value));
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = count(i + 1);
    }
    Ok(rows)
}
