//! One document of a programme: its options as rows (what each adds to the site's portfolio)
//! and the site's figures.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::amounts::{Amounts, Classifier};
use crate::Assessment;
use crate::document::Sector;
use crate::error::Result;
use crate::options::{Category, CostClass, Status};
use crate::units::SECONDS_PER_YEAR;

/// One option of a programme. Money is in the site's currency. The figures per year are the
/// option's increment in its site's portfolio (options applied together in the order of their
/// NPV, alternatives set aside left out), so that the options of a site add up to the site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OptionRow {
    /// The document's name in the programme (its file name, or the name it was given).
    pub document: String,
    /// Option id.
    pub option: String,
    /// Title.
    pub title: String,
    /// The site's sector.
    pub sector: Sector,
    /// UNEP/UNIDO category.
    pub category: Category,
    /// Cost class.
    pub cost_class: CostClass,
    /// Where the option stands (identified when the document does not say).
    pub status: Status,
    /// The site's currency.
    pub currency: String,
    /// Whether the option is in the site's portfolio (false: set aside for a better
    /// alternative; its increments are then zero).
    pub in_portfolio: bool,
    /// Investment, all stages.
    pub capex: f64,
    /// Money saved per year beyond the site's better options.
    pub annual_saving: f64,
    /// NPV of the investment with those savings.
    pub npv: f64,
    /// Money saved per year by the option alone.
    pub annual_saving_alone: f64,
    /// Simple payback of the option alone, years (none: never within its life).
    pub simple_payback_years: Option<f64>,
    /// Years of savings appraised (the option's life).
    pub saving_years: u32,
    /// Whether its CO2 could be counted (a carrier without an emission factor: not).
    pub co2_counted: bool,
    /// Amounts saved per year beyond the site's better options.
    pub per_year: Amounts,
    /// Investment reported for an implemented option.
    pub actual_capex: Option<f64>,
    /// Money saved per year reported for an implemented option.
    pub actual_annual_saving: Option<f64>,
}

/// One site of a programme: its portfolio's totals. Money in the site's currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SiteRow {
    /// The document's name in the programme.
    pub document: String,
    /// Site name.
    pub site: String,
    /// Sector.
    pub sector: Sector,
    /// Location.
    pub location: String,
    /// Currency.
    pub currency: String,
    /// Options in the portfolio.
    pub options: u32,
    /// Options set aside for a better alternative.
    pub set_aside: u32,
    /// Investment of the portfolio.
    pub capex: f64,
    /// Money saved per year by the portfolio.
    pub annual_saving: f64,
    /// NPV of the portfolio.
    pub npv: f64,
    /// Investment / annual saving, years (none without a saving).
    pub simple_payback_years: Option<f64>,
    /// Whether the CO2 of every option could be counted.
    pub co2_counted: bool,
    /// Amounts saved per year.
    pub per_year: Amounts,
    /// Amounts saved over each option's life.
    pub over_life: Amounts,
}

/// Investment over saving, when there is a saving.
pub(crate) fn payback(capex: f64, saving: f64) -> Option<f64> {
    (saving > 0.0).then(|| capex / saving)
}

/// The rows of the assessment `a`, named `document` in the programme.
pub(crate) fn rows(document: &str, a: &Assessment) -> Result<(SiteRow, Vec<OptionRow>)> {
    let e = a.evaluate()?;
    let d = a.document();
    let classify = Classifier::new(&d.prices, a.flowsheet());
    let horizon = d.finance.horizon_years();
    let mut options = Vec::with_capacity(e.options.len());
    for (o, spec) in e.options.iter().zip(a.options()) {
        let step = e.portfolio.sequence.iter().find(|s| s.id == o.id);
        let saving_years = spec
            .lifetime
            .as_ref()
            .map_or(horizon, |l| (l.si() / SECONDS_PER_YEAR).round() as u32);
        let (annual_saving, npv, per_year, co2) = match step {
            Some(s) => (
                s.annual_saving,
                s.npv,
                classify.amounts(&s.savings, s.co2_avoided),
                s.co2_avoided,
            ),
            None => (0.0, 0.0, Amounts::default(), Some(0.0)),
        };
        options.push(OptionRow {
            document: document.to_string(),
            option: o.id.clone(),
            title: o.title.clone(),
            sector: d.site.sector,
            category: o.category,
            cost_class: o.cost_class,
            status: o.status.unwrap_or_default(),
            currency: e.currency.clone(),
            in_portfolio: step.is_some(),
            capex: o.capex,
            annual_saving,
            npv,
            annual_saving_alone: o.annual_saving,
            simple_payback_years: o.simple_payback_years,
            saving_years,
            co2_counted: co2.is_some() && o.co2_avoided.is_some(),
            per_year,
            actual_capex: o.actual.as_ref().and_then(|x| x.capex),
            actual_annual_saving: o.actual.as_ref().and_then(|x| x.annual_saving),
        });
    }
    let mut per_year = Amounts::default();
    let mut over_life = Amounts::default();
    let mut capex = 0.0;
    for r in options.iter().filter(|r| r.in_portfolio) {
        capex += r.capex;
        per_year.add_scaled(&r.per_year, 1.0);
        over_life.add_scaled(&r.per_year, f64::from(r.saving_years));
    }
    let all = &e.portfolio.all;
    let in_portfolio = options.iter().filter(|r| r.in_portfolio).count();
    let site = SiteRow {
        document: document.to_string(),
        site: d.site.name.clone(),
        sector: d.site.sector,
        location: d.site.location.clone(),
        currency: e.currency.clone(),
        options: count(in_portfolio),
        set_aside: count(options.len() - in_portfolio),
        capex,
        annual_saving: all.annual_saving,
        npv: all.npv,
        simple_payback_years: payback(capex, all.annual_saving),
        co2_counted: options.iter().all(|r| r.co2_counted),
        per_year,
        over_life,
    };
    Ok((site, options))
}

/// A count as the u32 the results carry (JS numbers, not bigints).
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
