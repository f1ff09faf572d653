//! The plain sections of a document that the options and sector models read: prices,
//! production, finance settings (and, from the layers below, the schedule, currency and
//! emission factors), borrowed together as a [`Context`].
//!
//! Each section checks itself; none knows what reads it.

mod finance;
mod prices;
mod production;
mod report;
pub mod uncertainty;

pub use finance::{Finance, FinancingTerms, RateBasis};
pub(crate) use prices::validate as validate_prices;
pub use prices::{KNOWN_RESOURCES, KnownResource, Prices, known_resource};
pub use production::{AnnualOutput, Output, Production};
pub use report::{Lang, ReportSettings};

use crate::ghg::Factors;
use crate::units::Schedule;
use crate::units::money::Currency;

/// What an appraisal or a sector model reads of a document besides its flowsheet and options:
/// the currency, schedule, production, prices, finance settings and emission factors,
/// borrowed.
///
/// ```
/// # use cleanprod::Assessment;
/// # let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let ctx = a.document().context();
/// assert_eq!(ctx.currency.to_string(), "USD");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Currency of every price and result.
    pub currency: Currency,
    /// When the site operates.
    pub schedule: &'a Schedule,
    /// What the site produces.
    pub production: &'a Production,
    /// Prices by resource.
    pub prices: &'a Prices,
    /// How options are appraised.
    pub finance: &'a Finance,
    /// CO2 emission factors given by the document.
    pub ghg: &'a Factors,
}
