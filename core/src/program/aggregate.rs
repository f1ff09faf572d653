//! The figures of a programme, in total and by group: sums of its options' rows.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::amounts::Amounts;
use super::site::{OptionRow, count, payback};

/// Money of a group of options in one currency (or in the currency of the exchange rates).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MoneyFigures {
    /// Currency of the amounts.
    pub currency: String,
    /// Sites with an option of the group in this currency.
    pub sites: u32,
    /// Options of the group in this currency.
    pub options: u32,
    /// Investment.
    pub investment: f64,
    /// Money saved per year.
    pub annual_saving: f64,
    /// Investment / annual saving of the group, years (none without a saving).
    pub simple_payback_years: Option<f64>,
    /// Sum of the options' NPVs (each site's portfolio NPV for all of them).
    pub npv: f64,
    /// Estimated and reported figures of the implemented options that report them.
    pub reported: Reported,
}

/// Implemented options' reported figures beside their estimates (each sum over the options
/// that report the figure).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reported {
    /// Options reporting their investment.
    pub investment_options: u32,
    /// Their estimated investment.
    pub investment_estimated: f64,
    /// Their reported investment.
    pub investment_reported: f64,
    /// Options reporting their annual saving.
    pub saving_options: u32,
    /// Their estimated annual saving (each option alone).
    pub annual_saving_estimated: f64,
    /// Their reported annual saving.
    pub annual_saving_reported: f64,
}

/// The figures of a group of options (all of a programme, or a sector, cost class, status or
/// category): options in the sites' portfolios only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Figures {
    /// Sites with an option in the group.
    pub sites: u32,
    /// Options in the group.
    pub options: u32,
    /// Money, one entry per currency (never added across currencies).
    pub money: Vec<MoneyFigures>,
    /// Amounts saved per year.
    pub per_year: Amounts,
    /// Amounts saved over each option's life.
    pub over_life: Amounts,
    /// Options whose CO2 could not be counted (a carrier without an emission factor).
    pub co2_not_counted: u32,
}

/// One group of a breakdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Group {
    /// The group: a sector, cost class, status or category, in snake case.
    pub key: String,
    /// Its figures.
    #[serde(flatten)]
    pub figures: Figures,
}

/// How money in different currencies is brought to one: `rates` gives the value of one unit of
/// each currency in `currency` (`{ currency = "USD", rates = { MXN = 0.055, INR = 0.012 } }`).
/// Without it, money is summed per currency.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRates {
    /// The currency the programme's money is given in.
    pub currency: String,
    /// Value of one unit of each other currency in `currency`, by ISO 4217 code.
    pub rates: BTreeMap<String, f64>,
}

impl ExchangeRates {
    /// The factor from `currency` to the target, if known.
    pub(crate) fn factor(&self, currency: &str) -> Option<f64> {
        if currency == self.currency {
            return Some(1.0);
        }
        self.rates
            .get(currency)
            .copied()
            .filter(|r| r.is_finite() && *r > 0.0)
    }
}

/// The figures of `rows` (the portfolio options of one group), money converted by `rates`.
pub(crate) fn figures<'a>(
    rows: impl Iterator<Item = &'a OptionRow>,
    rates: Option<&ExchangeRates>,
) -> Figures {
    let mut f = Figures::default();
    let mut sites = BTreeSet::new();
    let mut money: BTreeMap<String, (MoneyFigures, BTreeSet<&str>)> = BTreeMap::new();
    for r in rows.filter(|r| r.in_portfolio) {
        sites.insert(r.document.as_str());
        f.options += 1;
        f.per_year.add_scaled(&r.per_year, 1.0);
        f.over_life
            .add_scaled(&r.per_year, f64::from(r.saving_years));
        if !r.co2_counted {
            f.co2_not_counted += 1;
        }
        // Rows in a currency without a rate are left out before (the site is a failure).
        let (currency, k) = match rates {
            Some(x) => (x.currency.clone(), x.factor(&r.currency).unwrap_or(0.0)),
            None => (r.currency.clone(), 1.0),
        };
        let (m, m_sites) = money.entry(currency.clone()).or_insert_with(|| {
            (
                MoneyFigures {
                    currency,
                    ..MoneyFigures::default()
                },
                BTreeSet::new(),
            )
        });
        m_sites.insert(r.document.as_str());
        m.options += 1;
        m.investment += k * r.capex;
        m.annual_saving += k * r.annual_saving;
        m.npv += k * r.npv;
        if let Some(x) = r.actual_capex {
            m.reported.investment_options += 1;
            m.reported.investment_estimated += k * r.capex;
            m.reported.investment_reported += k * x;
        }
        if let Some(x) = r.actual_annual_saving {
            m.reported.saving_options += 1;
            m.reported.annual_saving_estimated += k * r.annual_saving_alone;
            m.reported.annual_saving_reported += k * x;
        }
    }
    f.sites = count(sites.len());
    f.money = money
        .into_values()
        .map(|(mut m, s)| {
            m.sites = count(s.len());
            m.simple_payback_years = payback(m.investment, m.annual_saving);
            m
        })
        .collect();
    f
}

/// The figures of `rows` by the key each row gives, keys in the order first met sorted.
pub(crate) fn by(
    rows: &[OptionRow],
    key: impl Fn(&OptionRow) -> String,
    rates: Option<&ExchangeRates>,
) -> Vec<Group> {
    let keys: BTreeSet<String> = rows.iter().filter(|r| r.in_portfolio).map(&key).collect();
    keys.into_iter()
        .map(|k| Group {
            figures: figures(rows.iter().filter(|r| key(r) == k), rates),
            key: k,
        })
        .collect()
}
